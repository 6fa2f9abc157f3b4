"""派单 (art. 19): the roster ranked for this case, each rank explained component by component
and said in words (很合适 … 不太合适), never as a raw score; every mediator who must recuse or
whom a party refused, with the reason; one or more mediators chosen. Choosing other than the
recommended ones needs a reason, which the service checks."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHeaderView,
    QListWidgetItem,
    QPushButton,
    QTreeWidgetItem,
    QWidget,
)

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.errors import DeskError
from mediation_desk.gui.case_labels import CHOSEN_BY_NAMES, name_of
from mediation_desk.gui.dialogs.base import Call, ServiceDialog, bind
from mediation_desk.gui.forms.ui_assignment_dialog import Ui_AssignmentDialog
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.mediation import assignment
from mediation_desk.mediation.assignment_rules import FIT_WORDS, Ranking

RANK, NAME, FIT, REASONS, WARNINGS = range(5)
MEDIATOR_ID_ROLE = Qt.ItemDataRole.UserRole
# assignment_rules.FIT_WORDS, repeated so that lupdate collects them (a test keeps them equal).
FIT_NAMES = {
    "strong": QT_TRANSLATE_NOOP("CaseLabel", "很合适"),
    "good": QT_TRANSLATE_NOOP("CaseLabel", "合适"),
    "fair": QT_TRANSLATE_NOOP("CaseLabel", "一般"),
    "weak": QT_TRANSLATE_NOOP("CaseLabel", "不太合适"),
}


class AssignmentDialog(ServiceDialog):
    def __init__(
        self,
        desk: Desk,
        tasks: TaskManager,
        actor: Actor,
        case_id: str,
        number: str,
        preselect: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(desk, tasks, actor, parent)
        self.case_id = case_id
        self.preselect = preselect  # the best-ranked is ticked for a case without mediators
        self.ranking: Ranking | None = None
        self.ui = Ui_AssignmentDialog()
        self.ui.setupUi(self)
        u = self.ui
        u.headingLabel.setText(self.tr("{number}　指派调解员（人民调解法第十九条）").format(number=number))
        for code in CHOSEN_BY_NAMES:
            u.chosenBy.addItem(name_of(CHOSEN_BY_NAMES, code), code)
        header = u.rankedTree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(REASONS, QHeaderView.ResizeMode.Stretch)
        self.error_labels = {
            "mediators": u.mediatorsError,
            "override_reason": u.overrideReasonError,
            "chosen_by": u.chosenByError,
        }
        self.wire(u.buttonBox, u.messageLabel, self.tr("派单"))
        self._ok().setEnabled(False)  # until the ranking is read
        u.messageLabel.setText(self.tr("正在读取推荐人选……"))
        tasks.run(
            assignment.rank_for_case,
            desk,
            case_id,
            actor=actor,
            on_done=self._show_ranking,
            on_error=self._ranking_failed,
        )

    def _ok(self) -> QPushButton:
        return self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)

    def _show_ranking(self, ranking: Ranking) -> None:
        self.ranking = ranking
        u = self.ui
        u.messageLabel.clear()
        u.rankedTree.clear()
        for position, r in enumerate(ranking.ranked, start=1):
            fit = QCoreApplication.translate("CaseLabel", FIT_WORDS.get(r.fit, r.fit))  # FIT_NAMES
            item = QTreeWidgetItem([str(position), r.name, fit, "；".join(r.reasons), "、".join(r.warnings)])
            item.setData(NAME, MEDIATOR_ID_ROLE, r.mediator_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            ticked = self.preselect and position == 1 and not r.warnings
            item.setCheckState(NAME, Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            item.setToolTip(REASONS, "\n".join(r.reasons))
            u.rankedTree.addTopLevelItem(item)
        for column in (RANK, NAME, FIT, WARNINGS):
            u.rankedTree.resizeColumnToContents(column)
        u.excludedList.clear()
        for e in ranking.excluded:
            u.excludedList.addItem(QListWidgetItem(self.tr("{name}：{reason}").format(name=e.name, reason=e.reason)))
        if not ranking.excluded:
            nobody = QListWidgetItem(self.tr("（没有须回避的调解员）"))
            nobody.setFlags(Qt.ItemFlag.NoItemFlags)
            u.excludedList.addItem(nobody)
        if not ranking.ranked:
            u.messageLabel.setText(self.tr("名册中没有可以指派的调解员，请先在调解员名册中登记。"))
        self._ok().setEnabled(bool(ranking.ranked))
        if ranking.ranked:
            u.rankedTree.setCurrentItem(u.rankedTree.topLevelItem(0))
            u.rankedTree.setFocus()
        self.remember_form()  # the recommended tick is the starting point, not the user's work

    def _ranking_failed(self, error: BaseException) -> None:
        if not isinstance(error, DeskError):
            raise error
        self.show_refusal(error)

    def chosen_ids(self) -> list[str]:
        """The ticked mediators, best-ranked first (the first becomes the lead of a new case)."""
        tree = self.ui.rankedTree
        return [
            item.data(NAME, MEDIATOR_ID_ROLE)
            for item in (tree.topLevelItem(i) for i in range(tree.topLevelItemCount()))
            if item.checkState(NAME) == Qt.CheckState.Checked
        ]

    def service_call(self) -> Call:
        u = self.ui
        return bind(
            assignment.assign,
            self.desk,
            self.actor,
            self.case_id,
            self.chosen_ids(),
            chosen_by=u.chosenBy.currentData(),
            override_reason=u.overrideReason.text(),
        )
