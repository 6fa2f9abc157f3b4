"""受理 (intake): a dispute and its parties, checked as they are typed with the services' rules,
saved as a numbered case through the task helper. Once saved, its number is shown large with
"open the case" and "print the 受理登记表"; a form typed but not saved is never dropped without
asking (the window asks `unsaved_work()` before it quits, locks or shows another page)."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from mediation_desk.core.uow import Actor, china_today
from mediation_desk.desk import Desk
from mediation_desk.errors import DeskError, FieldProblem, ValidationError
from mediation_desk.gui.field_errors import show_problems
from mediation_desk.gui.forms.ui_intake_page import Ui_IntakePage
from mediation_desk.gui.labels import (
    DISPUTE_TYPE_NAMES,
    REFERRER_NAMES,
    SOURCE_NAMES,
    SUBTYPE_NAMES,
    dispute_type_name,
    translated,
)
from mediation_desk.gui.pages.intake_saved import SavedCaseBanner
from mediation_desk.gui.party_editor import PartyEditor, fill_combo
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.gui.unsaved_work import Then
from mediation_desk.gui.wheel_guard import guard_wheel
from mediation_desk.mediation import intake
from mediation_desk.mediation.dispute_types import BY_CODE

if TYPE_CHECKING:
    from mediation_desk.gui.documents_dialog import DocumentsDialog

# validate_intake's field names and the inputs that hold them.
FIELDS = {
    "source": "source",
    "referrer_kind": "referrerKind",
    "referrer_name": "referrerName",
    "dispute_type": "disputeType",
    "dispute_subtype": "disputeSubtype",
    "brief_facts": "briefFacts",
    "requests": "requests",
    "amount": "amount",
    "persons_involved": "persons",
    "area": "area",
    "accepted_on": "acceptedOn",
}
PARTY_FIELD = "parties["


def party_index(field: str) -> tuple[int, str] | None:
    """("parties[1].id_number") -> (1, "id_number"); "parties[1]" -> (1, "role")."""
    if not field.startswith(PARTY_FIELD) or "]" not in field:
        return None
    index, _, rest = field[len(PARTY_FIELD) :].partition("]")
    return (int(index), rest.lstrip(".") or "role") if index.isdigit() else None


class IntakePage(QWidget):
    case_saved = Signal(str, str)  # (case id, case number)
    assign_requested = Signal(str)  # case id: saved, now to be assigned a mediator
    case_requested = Signal(str)  # case id: the case just saved, to be shown

    def __init__(self, desk: Desk, tasks: TaskManager, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = tasks
        self.actor = actor  # whoever is logged in: `set_actor`, on the window's operator_changed
        self.ui = Ui_IntakePage()
        self.ui.setupUi(self)
        u = self.ui
        fill_combo(u.source, translated("Intake", SOURCE_NAMES))
        u.referrerKind.addItem(self.tr("（请选择）"), "")
        fill_combo(u.referrerKind, translated("Intake", REFERRER_NAMES))
        u.disputeType.addItem(self.tr("（请选择）"), "")
        fill_combo(u.disputeType, [(c, dispute_type_name(c)) for c in DISPUTE_TYPE_NAMES])
        self.risk_boxes: dict[str, QCheckBox] = {
            "suicide": u.riskSuicide,
            "civil_to_criminal": u.riskCivilToCriminal,
            "group_petition": u.riskGroupPetition,
            "group_fight": u.riskGroupFight,
        }
        self.error_labels: dict[str, QLabel] = {field: getattr(u, f"{widget}Error") for field, widget in FIELDS.items()}
        self.error_labels["parties"] = u.partiesError
        self.touched: set[str] = set()
        self.parties: list[PartyEditor] = []
        self.saving = False
        self.last_number: str | None = None
        self.refused = False  # "未保存" is shown: until the problems are fixed
        self.pristine: dict[str, Any] = {}  # the values of an empty form (`clear`)
        self._after_save: Then | None = None  # what was waiting for this save (a quit, say)
        self.documents_dialog: DocumentsDialog | None = None
        self.saved_banner = SavedCaseBanner(self)
        u.pageLayout.insertWidget(u.pageLayout.indexOf(u.statusLabel), self.saved_banner)
        self.saved_banner.open_requested.connect(self.case_requested)
        self.saved_banner.print_requested.connect(self.print_registration)
        self.wheel_guard = guard_wheel(self)  # a choice changes only once the clerk chose it

        for field, widget in FIELDS.items():
            self._watch(field, getattr(u, widget))
        u.source.currentIndexChanged.connect(self._source_changed)
        u.disputeType.currentIndexChanged.connect(self._type_changed)
        u.addPartyButton.clicked.connect(lambda: self.add_party())
        u.saveButton.clicked.connect(lambda: self.save())
        u.saveAssignButton.clicked.connect(lambda: self.save(assign=True))
        self.save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        self.save_shortcut.activated.connect(lambda: self.save())
        self.clear()

    def _watch(self, field: str, edit: QWidget) -> None:
        if isinstance(edit, QLineEdit):
            edit.textChanged.connect(lambda _t: self._changed(field))
            edit.editingFinished.connect(lambda: self._touch(field))
        elif isinstance(edit, QPlainTextEdit):
            edit.textChanged.connect(lambda: self._changed(field))
            edit.installEventFilter(self)  # focus out marks it touched
        elif hasattr(edit, "currentIndexChanged"):
            edit.currentIndexChanged.connect(lambda _i: self._touch(field))
        elif hasattr(edit, "valueChanged"):
            edit.valueChanged.connect(lambda _v: self._touch(field))
        elif hasattr(edit, "dateChanged"):
            edit.dateChanged.connect(lambda _d: self._touch(field))

    def eventFilter(self, watched: Any, event: Any) -> bool:
        if event.type() == event.Type.FocusOut:
            for field in ("brief_facts", "requests"):
                if watched is getattr(self.ui, FIELDS[field]):
                    self._touch(field)
        return super().eventFilter(watched, event)

    def refresh(self) -> None:
        """Nothing to load: the form keeps what is being typed."""

    def set_actor(self, actor: Actor) -> None:
        """Another login: what is saved from now on is this operator's (the form is kept, as
        after a lock by the same operator)."""
        self.actor = actor
        if self.documents_dialog is not None:
            self.documents_dialog.actor = actor

    # ---- unsaved work ---------------------------------------------------------------------------

    def unsaved_work(self) -> str | None:
        return self.tr("受理登记") if self.values() != self.pristine else None

    def save_work(self, then: Then) -> None:
        self._after_save = then
        self.save()

    def discard_work(self) -> None:
        self.clear()
        self.ui.statusLabel.clear()

    # ---- the form -------------------------------------------------------------------------------

    def clear(self) -> None:
        u = self.ui
        for widget in (u.referrerName, u.amount, u.area):
            widget.clear()
        u.briefFacts.clear()
        u.requests.clear()
        u.source.setCurrentIndex(0)
        u.referrerKind.setCurrentIndex(0)
        u.disputeType.setCurrentIndex(0)
        u.persons.setValue(0)
        for box in self.risk_boxes.values():
            box.setChecked(False)
        today = china_today()  # the desk's calendar is Beijing time
        u.acceptedOn.setMaximumDate(QDate(today.year, today.month, today.day))
        u.acceptedOn.setDate(QDate(today.year, today.month, today.day))
        for editor in list(self.parties):
            self._drop_party(editor)
        self.add_party("applicant")
        self.add_party("respondent")
        self.touched.clear()
        self.show_problems([])
        self._source_changed()
        self._type_changed()
        self.refused = False
        self.pristine = self.values()
        u.source.setFocus()

    def _source_changed(self) -> None:
        referral = self.ui.source.currentData() == "referral"
        self.ui.referrerKind.setEnabled(referral)
        self.ui.referrerName.setEnabled(referral)
        if not referral:
            self.ui.referrerKind.setCurrentIndex(0)
            self.ui.referrerName.clear()
        self.check()

    def _type_changed(self) -> None:
        combo = self.ui.disputeSubtype
        combo.clear()
        code = self.ui.disputeType.currentData()
        subtypes = BY_CODE[code].subtypes if code in BY_CODE else ()
        combo.addItem(self.tr("（无）"), "")
        for sub, text in subtypes:
            combo.addItem(QCoreApplication.translate("DisputeType", SUBTYPE_NAMES.get((code, sub), text)), sub)
        combo.setEnabled(bool(subtypes))

    def values(self) -> dict[str, Any]:
        u = self.ui
        return {
            "source": u.source.currentData(),
            "referrer_kind": u.referrerKind.currentData() or None,
            "referrer_name": u.referrerName.text() if u.referrerName.isEnabled() else None,
            "dispute_type": u.disputeType.currentData(),
            "dispute_subtype": u.disputeSubtype.currentData() or None,
            "brief_facts": u.briefFacts.toPlainText(),
            "requests": u.requests.toPlainText(),
            "amount": u.amount.text(),
            "persons_involved": u.persons.value() or None,
            "risk_flags": [code for code, box in self.risk_boxes.items() if box.isChecked()],
            "area": u.area.text(),
            "accepted_on": u.acceptedOn.date().toPython(),
            "parties": [editor.values() for editor in self.parties],
        }

    # ---- parties --------------------------------------------------------------------------------

    def add_party(self, role: str = "third_party") -> PartyEditor:
        editor = PartyEditor(self.desk, self.tasks, role, self.ui.partiesBox)
        editor.remove_requested.connect(self.remove_party)
        guard_wheel(editor)
        for edit in editor.findChildren(QLineEdit):
            edit.textChanged.connect(lambda _t: self._recheck_refusal())
        for combo in editor.findChildren(QComboBox):
            combo.currentIndexChanged.connect(lambda _i: self._recheck_refusal())
        self.ui.partiesLayout.addWidget(editor)
        self.parties.append(editor)
        self._renumber()
        return editor

    def remove_party(self, editor: PartyEditor) -> None:
        self._drop_party(editor)
        self._renumber()
        self.ui.addPartyButton.setFocus()

    def _drop_party(self, editor: PartyEditor) -> None:
        self.parties.remove(editor)
        self.ui.partiesLayout.removeWidget(editor)
        editor.deleteLater()

    def _renumber(self) -> None:
        """Titles, remove buttons (two parties at least) and the tab order follow the list."""
        for i, editor in enumerate(self.parties, start=1):
            editor.setTitle(self.tr("当事人 {n}").format(n=i))
            editor.ui.removeButton.setEnabled(len(self.parties) > 2)
        u = self.ui
        chain: list[QWidget] = [
            u.source,
            u.referrerKind,
            u.referrerName,
            u.disputeType,
            u.disputeSubtype,
            u.briefFacts,
            u.requests,
            u.amount,
            u.persons,
            *self.risk_boxes.values(),
            u.area,
            u.acceptedOn,
        ]
        for editor in self.parties:
            chain.extend(editor.focus_chain())
        chain.extend([u.addPartyButton, u.saveButton, u.saveAssignButton])
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # ---- checks as typed ------------------------------------------------------------------------

    def problems(self) -> list[FieldProblem]:
        try:
            intake.validate_intake(self.values())
        except ValidationError as error:
            return error.problems
        return []

    def check(self) -> None:
        """The case's own fields already touched; each party editor checks its own."""
        problems = self.problems()
        show_problems(self.error_labels, [p for p in problems if p.field in self.touched])
        self._recheck_refusal(problems)

    def _recheck_refusal(self, problems: list[FieldProblem] | None = None) -> None:
        """The "未保存：请按提示修改后再保存" line goes once nothing is left to fix."""
        if not self.refused or self.saving:
            return
        if not (self.problems() if problems is None else problems):
            self.refused = False
            self.ui.statusLabel.clear()

    def _touch(self, field: str) -> None:
        self.touched.add(field)
        self.check()

    def _changed(self, field: str) -> None:
        if field in self.touched:
            self.check()

    def show_problems(self, problems: list[FieldProblem]) -> list[FieldProblem]:
        """Each problem next to its field: `parties[i].x` in the i-th party editor."""
        by_party: dict[int, list[FieldProblem]] = {i: [] for i in range(len(self.parties))}
        own = []
        for problem in problems:
            where = party_index(problem.field)
            if where is not None and where[0] in by_party:
                by_party[where[0]].append(FieldProblem(where[1], problem.rule, problem.message))
            else:
                own.append(problem)
        unplaced = show_problems(self.error_labels, own)
        for i, editor in enumerate(self.parties):
            unplaced += editor.show_problems(by_party[i])
        return unplaced

    # ---- saving ---------------------------------------------------------------------------------

    def save(self, assign: bool = False) -> None:
        if self.saving:
            return
        self.touched.update(FIELDS)
        self.touched.add("parties")
        for editor in self.parties:
            editor.touch_all()
        self.saving = True
        self._set_busy(True)
        self.ui.statusLabel.setText(self.tr("正在保存……"))
        self.tasks.run(
            intake.open_numbered_case,
            self.desk,
            self.actor,
            self.values(),
            on_done=lambda result: self._saved(result, assign),
            on_error=self._refused,
        )

    def _set_busy(self, busy: bool) -> None:
        for button in (self.ui.saveButton, self.ui.saveAssignButton):
            button.setEnabled(not busy)

    def _saved(self, opened: intake.OpenedCase, assign: bool) -> None:
        self.saving = False
        self._set_busy(False)
        self.last_number = opened.number
        self.clear()
        self.ui.statusLabel.clear()
        self.saved_banner.show_case(opened.id, opened.number)
        self.case_saved.emit(opened.id, opened.number)
        then, self._after_save = self._after_save, None
        if assign:
            self.assign_requested.emit(opened.id)
        elif then is not None:
            then()

    def print_registration(self, case_id: str, number: str) -> None:
        """The 受理登记表 of the case just saved: the documents, with it chosen."""
        from mediation_desk.gui.documents_dialog import DocumentsDialog  # reportlab: only when printing

        if self.documents_dialog is not None:
            self.documents_dialog.deleteLater()
        self.documents_dialog = DocumentsDialog(
            self.desk, self.tasks, self.actor, case_id, number, preferred="registration", parent=self
        )
        self.documents_dialog.open()  # window-modal, as from the case page

    def _refused(self, error: BaseException) -> None:
        self.saving = False
        self._set_busy(False)
        self._after_save = None  # refused: the form stays, showing why
        if not isinstance(error, DeskError):
            self.ui.statusLabel.clear()
            raise error
        self.ui.statusLabel.setText(self.tr("未保存：请按提示修改后再保存"))
        self.refused = True
        if isinstance(error, ValidationError):
            unplaced = self.show_problems(error.problems)
            if not unplaced:
                return
            error = ValidationError(unplaced)
        QMessageBox.warning(self, self.tr("未能保存"), str(error))
