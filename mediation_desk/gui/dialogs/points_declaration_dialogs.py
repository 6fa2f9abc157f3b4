"""Dialogs of the declarations (群众申报): a new declaration — who, which item of the catalogue
(grouped by module, with its coins and limits), the day, a note, a photo or file as evidence —
and the reasons asked for before a declaration is turned down or a town settles a conflict.

A declaration is saved through one service call on the desk worker (`ServiceDialog`): a problem
is shown under the field it names (an item over its monthly limit under the item, a day too
long ago under the date) and nothing is saved until the service accepts the whole form."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QCompleter, QFileDialog, QTreeWidgetItem, QWidget

from mediation_desk.core.uow import Actor, china_today
from mediation_desk.desk import Desk
from mediation_desk.errors import ValidationError
from mediation_desk.gui.dialogs.base import Call, ServiceDialog, bind
from mediation_desk.gui.dialogs.reason import ReasonDialog
from mediation_desk.gui.forms.ui_points_declaration_dialog import Ui_PointsDeclarationDialog
from mediation_desk.gui.forms.ui_points_resolve_dialog import Ui_PointsResolveDialog
from mediation_desk.gui.pages.case_attachments import FILE_FILTER_TYPES
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.points import declarations, rules
from mediation_desk.points.dto import ResidentView
from mediation_desk.validation import clean_text

CODE_ROLE = Qt.ItemDataRole.UserRole  # the item code behind a row of the catalogue
MAX_AGE_DAYS = 62  # as `rules.activity_date_problem` allows
MAX_HEIGHT = 700  # a 1366×768 screen, less the taskbar and the title bar
VISIBLE_ITEMS = 12  # catalogue lines shown at once before the list scrolls
DEDUCTION = QColor("#b00020")


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class DeclarationDialog(ServiceDialog):
    """新申报. `residents`: the active residents to choose from (the chosen one preselected)."""

    def __init__(
        self,
        desk: Desk,
        tasks: TaskManager,
        actor: Actor,
        residents: list[ResidentView],
        catalogue: rules.Catalogue,
        chosen: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(desk, tasks, actor, parent)
        self.catalogue = catalogue
        self.residents = residents
        self.evidence_path: Path | None = None
        self.ui = u = Ui_PointsDeclarationDialog()
        u.setupUi(self)
        self.setWindowTitle(self.tr("新申报（积分目录第 {version} 版）").format(version=catalogue.version))
        for r in residents:
            u.resident.addItem(self.resident_text(r), r.id)
        u.resident.setCurrentIndex(u.resident.findData(chosen) if chosen else -1)
        completer = u.resident.completer()
        if completer is not None:  # an editable combo box has one
            completer.setFilterMode(Qt.MatchFlag.MatchContains)  # a given name finds 王建国 too
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self._fill_items()
        today = china_today()
        u.activityDate.setDateRange(_qdate(today - dt.timedelta(days=MAX_AGE_DAYS)), _qdate(today))
        u.activityDate.setDate(_qdate(today))
        u.itemTree.currentItemChanged.connect(lambda _new, _old: self._show_item())
        u.evidenceButton.clicked.connect(self.choose_evidence)
        u.clearEvidenceButton.clicked.connect(lambda: self.set_evidence(None))
        self.error_labels = {
            "resident_id": u.residentError,
            "resident": u.residentError,
            "item_code": u.itemError,
            "item": u.itemError,
            "activity_date": u.activityDateError,
            "note": u.noteError,
            "evidence": u.evidenceError,
        }
        self.set_evidence(None)
        self.wire(u.buttonBox, u.messageLabel, self.tr("登记申报"))
        self._fit_screen()
        (u.itemTree if chosen else u.resident).setFocus()

    def _fit_screen(self) -> None:
        """The catalogue in view without scrolling where the screen allows (large fonts too), the
        dialog never taller than a 1366×768 screen can show; beyond that the form scrolls."""
        u = self.ui
        rows = u.itemTree.sizeHintForRow(1) or u.itemTree.fontMetrics().height()
        u.itemTree.setMinimumHeight(min(VISIBLE_ITEMS, len(self.catalogue.items) + len(rules.MODULES) + 1) * rows)
        em = self.fontMetrics().horizontalAdvance("中")
        u.scrollLayout.activate()  # the sizes of what setupUi and the catalogue put in
        content = u.scrollLayout.sizeHint()
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        tallest = min(MAX_HEIGHT, screen.height() - 4 * em) if screen is not None else MAX_HEIGHT
        widest = screen.width() - 4 * em if screen is not None else content.width() + 3 * em
        self.resize(
            min(max(self.width(), content.width() + 3 * em), widest),
            min(max(self.height(), content.height() + 6 * em), tallest),
        )

    def resident_text(self, r: ResidentView) -> str:
        where = r.household_label or self.tr("未入户")
        return self.tr("{name}（{group}，{household}）").format(name=r.name, group=r.village_group, household=where)

    # ---- the catalogue ------------------------------------------------------------------------------

    def _fill_items(self) -> None:
        tree = self.ui.itemTree
        tree.setHeaderLabels([self.tr("项目"), self.tr("绿币"), self.tr("上限")])
        for module, module_label in rules.MODULES.items():
            items = [i for i in self.catalogue.items if i.module == module]
            if not items:
                continue
            group = QTreeWidgetItem(tree, [module_label])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a heading, not a choice
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            for i in items:
                label = i.label if i.auto is None else self.tr("{label}（自动申报）").format(label=i.label)
                row = QTreeWidgetItem(group, [label, f"{i.coins:+d}", self.limits_text(i)])
                row.setData(0, CODE_ROLE, i.code)
                if i.auto is not None:  # made by itself when the event happens, never by hand
                    row.setFlags(Qt.ItemFlag.NoItemFlags)
                    row.setToolTip(0, rules.SOURCES[i.auto])
                row.setTextAlignment(1, Qt.AlignmentFlag.AlignCenter)
                if i.deduction:
                    row.setForeground(1, QBrush(DEDUCTION))
        tree.expandAll()
        for column in range(tree.columnCount()):  # a few dozen lines at most: measuring them is cheap
            tree.resizeColumnToContents(column)
        columns = sum(tree.columnWidth(c) for c in range(tree.columnCount()))
        tree.setMinimumWidth(columns + tree.verticalScrollBar().sizeHint().width() + 2 * tree.frameWidth())

    def limits_text(self, item: rules.CatalogueItem) -> str:
        parts = []
        if item.per_day is not None:
            parts.append(self.tr("每天 {n} 次").format(n=item.per_day))
        if item.per_month is not None:
            parts.append(self.tr("每月 {n} 次").format(n=item.per_month))
        return self.tr("，").join(parts) or self.tr("不限")

    def choose_item(self, code: str) -> bool:
        """Select the item with this code (the keyboard or a test); False if not listed."""
        tree = self.ui.itemTree
        rows = (tree.topLevelItem(g) for g in range(tree.topLevelItemCount()))
        for group in (g for g in rows if g is not None):
            for child in (group.child(c) for c in range(group.childCount())):
                if child is not None and child.data(0, CODE_ROLE) == code and child.flags() & Qt.ItemFlag.ItemIsEnabled:
                    tree.setCurrentItem(child)
                    return True
        return False

    def chosen_item(self) -> rules.CatalogueItem | None:
        current = self.ui.itemTree.currentItem()
        code = current.data(0, CODE_ROLE) if current is not None else None
        return self.catalogue.item(code) if code else None

    def _show_item(self) -> None:
        item = self.chosen_item()
        if item is None:
            self.ui.itemHint.clear()
            return
        text = self.tr("「{label}」{coins:+d} 绿币；上限：{limits}。").format(
            label=item.label, coins=item.coins, limits=self.limits_text(item)
        )
        if item.deduction:
            text += self.tr("扣分项是拟扣分，同样须经村、镇两级审核后才记入。")
        else:
            text += self.tr("经村、镇两级审核通过后记入积分。")
        self.ui.itemHint.setText(text)

    # ---- evidence ---------------------------------------------------------------------------------

    def choose_evidence(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("选择佐证材料"),
            "",
            self.tr("照片、PDF 或文档 ({types});;所有文件 (*)").format(types=FILE_FILTER_TYPES),
        )
        if name:
            self.set_evidence(Path(name))

    def set_evidence(self, path: Path | None) -> None:
        self.evidence_path = path
        self.ui.evidence.setText(path.name if path else "")
        self.ui.evidence.setToolTip(str(path) if path else "")
        self.ui.clearEvidenceButton.setEnabled(path is not None)

    # ---- saving -----------------------------------------------------------------------------------

    def chosen_resident(self) -> str:
        """The resident picked or typed (the whole line as listed, or a unique name)."""
        combo = self.ui.resident
        text = combo.currentText().strip()
        index = combo.findText(text, Qt.MatchFlag.MatchExactly)
        if index < 0 and text:
            named = [r.id for r in self.residents if r.name == text]
            index = combo.findData(named[0]) if len(named) == 1 else -1
        if index < 0:
            raise ValidationError.single("resident_id", "required", self.tr("请从列表中选择居民（可输入姓名查找）"))
        key = combo.itemData(index)
        assert isinstance(key, str)
        return key

    def service_call(self) -> Call:
        resident = self.chosen_resident()
        item = self.chosen_item()
        if item is None:
            raise ValidationError.single("item_code", "required", self.tr("请在积分目录中选择申报项目"))
        day = self.ui.activityDate.date().toPython()
        assert isinstance(day, dt.date)
        return bind(
            declarations.declare,
            self.desk,
            self.actor,
            resident_id=resident,
            item_code=item.code,
            activity_date=day,
            note=self.ui.note.text() or None,
            evidence=self.evidence_path,
        )


class RejectDialog(ReasonDialog):
    """不通过, with the reason; asks once more (`question`), as a rejection cannot be taken back."""

    def __init__(
        self,
        desk: Desk,
        tasks: TaskManager,
        actor: Actor,
        title: str,
        prompt: str,
        make_call: Callable[[str], Call],
        question: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(desk, tasks, actor, title, prompt, make_call, parent)
        self.question = question

    def confirmation(self) -> str | None:
        return self.question


def reason_only(reason: str) -> Call:
    """For a dialog that only collects a reason: the caller does the work with it (the town's
    review goes over the network, not through the desk worker)."""
    return lambda: reason


class ResolveDialog(ServiceDialog):
    """How the town settles a redemption that overdrew a balance, and why. Emits `saved` with
    (resolution, reason); the caller sends it to the district."""

    def __init__(
        self,
        desk: Desk,
        tasks: TaskManager,
        actor: Actor,
        description: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(desk, tasks, actor, parent)
        self.ui = u = Ui_PointsResolveDialog()
        u.setupUi(self)
        u.conflictLabel.setText(description)
        for code, label in rules.RESOLUTIONS.items():
            u.resolution.addItem(label, code)
        self.error_labels = {"resolution": u.resolutionError, "reason": u.reasonError}
        self.wire(u.buttonBox, u.messageLabel, self.tr("处理"))
        u.resolution.setFocus()

    def service_call(self) -> Call:
        reason = clean_text(
            self.ui.reason.text(), "reason", self.tr("理由"), required=True, max_chars=rules.MAX_REASON_CHARS
        )
        choice = (self.ui.resolution.currentData(), reason)
        return lambda: choice

    def confirmation(self) -> str | None:
        return self.tr("按「{choice}」处理这个兑换冲突？处理后不能撤销。").format(
            choice=self.ui.resolution.currentText()
        )
