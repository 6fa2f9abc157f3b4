"""调解员 editor: add a mediator to the roster or change one, saved through the roster service.

The dialog stays open until the service has accepted the input: a problem is shown next to the
field it names (a bad phone under the phone), a refusal (the role may not keep the roster, the
desk is locked) calmly in the message line, and nothing is saved meanwhile. What was typed is
not dropped by a stray Escape, a quit or a lock without asking (`EditorDialog`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QListWidgetItem, QWidget

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.errors import DeskError, FieldProblem, ValidationError
from mediation_desk.gui.field_errors import show_problems
from mediation_desk.gui.forms.ui_mediator_dialog import Ui_MediatorDialog
from mediation_desk.gui.labels import DISPUTE_TYPE_NAMES, dispute_type_name
from mediation_desk.gui.screen_fit import limit_to_screen, scroll_layout
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.gui.unsaved_work import EditorDialog, Then
from mediation_desk.gui.wheel_guard import guard_wheel
from mediation_desk.mediation import mediators
from mediation_desk.mediation.mediator_records import MediatorRecord, mediator_for_edit

# validate_mediator's field names and the inputs that show their problems.
FIELDS = {
    "name": "name",
    "gender": "gender",
    "title": "title",
    "phone": "phone",
    "area": "area",
    "skills": "skills",
    "max_open_cases": "maxOpenCases",
    "notes": "notes",
}
CALM_STYLE = "color: #7a4b00;"  # a refusal is information, not an alarm
CODE_ROLE = Qt.ItemDataRole.UserRole


class MediatorDialog(EditorDialog):
    saved = Signal(object)  # the MediatorView the service returned

    def __init__(
        self,
        desk: Desk,
        tasks: TaskManager,
        actor: Actor,
        mediator_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = tasks
        self.actor = actor
        self.mediator_id = mediator_id
        self.record: MediatorRecord | None = None
        self.busy = False
        self._after_save: Then | None = None  # what was waiting for this save (a quit, say)
        self.ui = Ui_MediatorDialog()
        self.ui.setupUi(self)
        u = self.ui
        scroll_layout(self, u.fieldsGrid)  # on a small screen the fields scroll, the buttons stay
        u.gender.addItem(self.tr("（未填）"), "")
        u.gender.addItem(self.tr("男"), "male")
        u.gender.addItem(self.tr("女"), "female")
        u.skills.setWrapping(True)  # all fifteen types in view at once (uic cannot set this one)
        names = [dispute_type_name(code) for code in DISPUTE_TYPE_NAMES]
        metrics = u.skills.fontMetrics()
        u.skills.setGridSize(
            QSize(max(map(metrics.horizontalAdvance, names)) + 3 * metrics.height(), int(metrics.height() * 1.8))
        )
        for code, name in zip(DISPUTE_TYPE_NAMES, names, strict=False):
            item = QListWidgetItem(name, u.skills)
            item.setData(CODE_ROLE, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        u.available.setChecked(True)
        u.active.setChecked(True)
        self.error_labels: dict[str, QLabel] = {f: getattr(u, f"{w}Error") for f, w in FIELDS.items()}
        self.ok_button = u.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("保存"))
        u.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        u.buttons.accepted.connect(self.save)
        u.buttons.rejected.connect(self.reject)
        u.messageLabel.setStyleSheet(CALM_STYLE)
        self.wheel_guard = guard_wheel(self)  # the gender and the limit change only once chosen
        limit_to_screen(self)
        if mediator_id is None:
            self.setWindowTitle(self.tr("新增调解员"))
            u.active.setEnabled(False)  # a new mediator is on the roster
        else:
            self.setWindowTitle(self.tr("修改调解员信息"))
            self._load()
        u.name.setFocus()

    # ---- the record being edited ----------------------------------------------------------------

    def _load(self) -> None:
        self._set_busy(True, self.tr("正在读取……"))
        self.tasks.run(
            mediator_for_edit, self.desk, self.actor, self.mediator_id, on_done=self._loaded, on_error=self._load_failed
        )

    def _loaded(self, record: MediatorRecord) -> None:
        self._set_busy(False)
        self.record = record
        u = self.ui
        u.name.setText(record.name)
        u.gender.setCurrentIndex(max(0, u.gender.findData(record.gender or "")))
        u.title.setText(record.title or "")
        u.phone.setText(record.phone or "")
        u.area.setText(record.area or "")
        for i in range(u.skills.count()):
            item = u.skills.item(i)
            checked = item.data(CODE_ROLE) in record.skills
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        u.maxOpenCases.setValue(record.max_open_cases or 0)
        u.available.setChecked(record.available)
        u.active.setChecked(record.active)
        u.notes.setPlainText(record.notes or "")
        self.remember_form()  # the record as read is what "unchanged" means

    def _load_failed(self, error: BaseException) -> None:
        self.busy = False
        if not isinstance(error, DeskError):
            raise error
        self.ok_button.setEnabled(False)  # nothing loaded: nothing to save
        self.ui.messageLabel.setText(self.tr("无法打开：{reason}").format(reason=error))

    # ---- the form -------------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        u = self.ui
        skills = [
            u.skills.item(i).data(CODE_ROLE)
            for i in range(u.skills.count())
            if u.skills.item(i).checkState() == Qt.CheckState.Checked
        ]
        data: dict[str, Any] = {
            "name": u.name.text(),
            "title": u.title.text(),
            "phone": u.phone.text(),
            "area": u.area.text(),
            "skills": skills,
            "max_open_cases": u.maxOpenCases.value() or None,
            "available": u.available.isChecked(),
            "notes": u.notes.toPlainText(),
        }
        if u.gender.currentData():
            data["gender"] = u.gender.currentData()
        if self.mediator_id is not None:
            data["active"] = u.active.isChecked()
        return data

    def save_work(self, then: Then) -> None:
        self._after_save = then
        self.save()

    def save(self) -> None:
        if self.busy or not self.ok_button.isEnabled():
            self._after_save = None
            return
        data = self.values()
        try:
            mediators.validate_mediator(data)  # the service's own rules, before the worker is asked
        except ValidationError as error:
            self._after_save = None
            self.show_refusal(error)
            return
        self._set_busy(True, self.tr("正在保存……"))
        if self.mediator_id is None:
            self.tasks.run(
                mediators.add_mediator, self.desk, self.actor, data, on_done=self._saved, on_error=self._refused
            )
        else:
            self.tasks.run(
                mediators.update_mediator,
                self.desk,
                self.actor,
                self.mediator_id,
                data,
                on_done=self._saved,
                on_error=self._refused,
            )

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self.busy = busy
        self.ok_button.setEnabled(not busy)
        self.ui.messageLabel.setText(text)

    def _saved(self, view: Any) -> None:
        self._set_busy(False)
        then, self._after_save = self._after_save, None
        self.saved.emit(view)
        self.accept()
        if then is not None:
            then()

    def _refused(self, error: BaseException) -> None:
        self._set_busy(False)
        self._after_save = None
        if not isinstance(error, DeskError):
            raise error
        self.show_refusal(error)

    def show_refusal(self, error: DeskError) -> None:
        """Problems next to their fields (`skills[2]` under the skills); anything else in the
        message line."""
        if isinstance(error, ValidationError):
            placed = [FieldProblem(p.field.split("[")[0], p.rule, p.message) for p in error.problems]
            unplaced = show_problems(self.error_labels, placed)
            lines = [self.tr("未保存：请按提示修改后再保存。")] + [p.message for p in unplaced]
            self.ui.messageLabel.setText("\n".join(lines))
            first = next((p.field for p in placed if p.field in FIELDS), None)
            if first:
                getattr(self.ui, FIELDS[first]).setFocus()
            return
        show_problems(self.error_labels, [])
        self.ui.messageLabel.setText(self.tr("未保存：{reason}").format(reason=error))
