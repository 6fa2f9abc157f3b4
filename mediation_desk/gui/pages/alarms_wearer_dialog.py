"""登记佩戴人 / 修改佩戴人: one form, saved by one service call (`ServiceDialog`). A problem — an
ID number that does not check, someone under 80 without the committee's reason, a bracelet
another wearer holds, a contact without a phone — is shown under the field it names, and
nothing is saved until the whole form is right.

Consent (PIPL art. 29) is asked for apart from the rest: the wearer's own, or a guardian's who is
named; health notes can be typed only once their own consent is ticked. When editing, only what
changed is sent; name, ID number and consent are not edited here (a wrong person is stopped and
enrolled again, a withdrawal is a consent matter)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.alarms import rules, wearers
from mediation_desk.alarms.dto import ContactInput, WearerView
from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.errors import ValidationError
from mediation_desk.gui.dialogs.base import Call, ServiceDialog, bind
from mediation_desk.gui.large_text import em
from mediation_desk.gui.pages.alarms_common import label
from mediation_desk.gui.pages.sitecode_place_dialog import field_row
from mediation_desk.gui.screen_fit import scroll_layout
from mediation_desk.gui.tasks import TaskManager

KIND, NAME, RELATION, PHONE = range(4)
VISIBLE_CONTACT_ROWS = 3  # more scroll inside the list: the dialog must fit 1366×768 in large text


class ContactsEditor(QWidget):
    """The emergency contacts in the order they are called: add, remove, move up and down."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels((self.tr("类别"), self.tr("姓名"), self.tr("关系"), self.tr("电话")))
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setAccessibleName(self.tr("紧急联系人"))
        for column, width in ((KIND, 5), (NAME, 6), (RELATION, 4)):
            self.table.setColumnWidth(column, width * em(self))
        rows = self.table.fontMetrics().height() + em(self) // 2
        self.table.verticalHeader().setDefaultSectionSize(rows)
        self.table.setMinimumHeight(rows * (VISIBLE_CONTACT_ROWS + 1) + 2 * self.table.frameWidth())
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("添加联系人(&L)"), self)
        self.remove_button = QPushButton(self.tr("删除"), self)
        self.up_button = QPushButton(self.tr("上移"), self)
        self.down_button = QPushButton(self.tr("下移"), self)
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(lambda: self.add_contact())
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))

    def add_contact(self, contact: ContactInput | None = None) -> None:
        if self.table.rowCount() >= rules.MAX_CONTACTS:
            return
        row = self.table.rowCount()
        self.table.insertRow(row)
        kinds = QComboBox(self.table)
        for code in rules.CONTACT_KINDS:
            kinds.addItem(label("contact_kind", code), code)
        kinds.setCurrentIndex(max(0, kinds.findData(contact.kind if contact else "relative")))
        self.table.setCellWidget(row, KIND, kinds)
        for column, text in (
            (NAME, contact.name if contact else ""),
            (RELATION, (contact.relation or "") if contact else ""),
            (PHONE, (contact.phone or "") if contact else ""),
        ):
            self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.setCurrentCell(row, NAME)
        self.add_button.setEnabled(self.table.rowCount() < rules.MAX_CONTACTS)

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
        self.add_button.setEnabled(self.table.rowCount() < rules.MAX_CONTACTS)

    def move_selected(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        contacts = self.contacts()
        contacts[row], contacts[target] = contacts[target], contacts[row]
        self.set_contacts(contacts)
        self.table.setCurrentCell(target, NAME)

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def set_contacts(self, contacts: Sequence[ContactInput]) -> None:
        self.table.setRowCount(0)
        for contact in contacts:
            self.add_contact(contact)

    def contacts(self) -> list[ContactInput]:
        """What the table holds, in order (rows left wholly empty are dropped)."""
        found = []
        for row in range(self.table.rowCount()):
            kinds = self.table.cellWidget(row, KIND)
            kind = kinds.currentData() if isinstance(kinds, QComboBox) else "other"
            name, relation, phone = (self._text(row, column) for column in (NAME, RELATION, PHONE))
            if name or relation or phone:
                found.append(ContactInput(kind=kind, name=name, relation=relation or None, phone=phone or None))
        return found


def contacts_of(wearer: WearerView) -> list[ContactInput]:
    """The wearer's contacts as the form holds them (numbers in full: `get_wearer`'s view)."""
    ordered = sorted(wearer.contacts, key=lambda c: c.position)
    return [ContactInput(kind=c.kind, name=c.name, relation=c.relation, phone=c.phone) for c in ordered]


class WearerDialog(ServiceDialog):
    def __init__(
        self,
        desk: Desk,
        tasks: TaskManager,
        actor: Actor,
        wearer: WearerView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(desk, tasks, actor, parent)
        self.wearer = wearer
        outer = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit(self)
        self.id_number = QLineEdit(self)
        self.id_number.setMaxLength(18)
        self.phone = QLineEdit(self)
        self.address = QLineEdit(self)
        self.living_alone = QCheckBox(self.tr("独居（报警优先派人上门）"), self)
        self.device_id = QLineEdit(self)
        self.device_id.setMaxLength(32)
        self.exception_reason = QLineEdit(self)
        self.contacts = ContactsEditor(self)
        errors: dict[str, QLabel] = {}
        if wearer is None:
            errors["name"] = field_row(form, self.tr("姓名(&M)"), self.name)
            errors["id_number"] = field_row(form, self.tr("身份证号码(&I)"), self.id_number)
            errors["phone"] = field_row(form, self.tr("本人电话(&P)"), self.phone)
        errors["address"] = field_row(form, self.tr("住址(&A)"), self.address)
        form.addRow("", self.living_alone)
        errors["device_id"] = field_row(form, self.tr("手环号(&B)"), self.device_id)
        errors["exception_reason"] = field_row(form, self.tr("特殊情况(&X)"), self.exception_reason)
        errors["contacts"] = field_row(form, self.tr("紧急联系人(&C)"), self.contacts)
        self.own_consent = QRadioButton(self.tr("本人同意"), self)
        self.guardian_consent = QRadioButton(self.tr("监护人同意："), self)
        self.guardian = QLineEdit(self)
        self.guardian.setPlaceholderText(self.tr("监护人姓名"))
        self.consent_given = QCheckBox(self.tr("已签字同意手环定位信息的处理（单独同意）"), self)
        self.health_consent = QCheckBox(self.tr("另行同意记录健康信息"), self)
        self.health_notes = QPlainTextEdit(self)
        self.health_notes.setTabChangesFocus(True)
        self.health_notes.setFixedHeight(3 * self.health_notes.fontMetrics().lineSpacing() + 12)
        if wearer is None:
            consent = QWidget(self)
            rows = QVBoxLayout(consent)
            rows.setContentsMargins(0, 0, 0, 0)
            who = QHBoxLayout()
            group = QButtonGroup(self)
            for button in (self.own_consent, self.guardian_consent):
                group.addButton(button)
                who.addWidget(button)
            who.addWidget(self.guardian, 1)
            rows.addLayout(who)
            rows.addWidget(self.consent_given)
            errors["consent"] = field_row(form, self.tr("定位同意"), consent)
            errors["consent_by"] = errors["consent"]
            form.addRow("", self.health_consent)
            errors["health_notes"] = field_row(form, self.tr("健康信息(&H)"), self.health_notes)
        outer.addLayout(form)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        outer.addWidget(self.hint)
        self.message = QLabel(self)
        outer.addWidget(self.message)
        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        outer.addWidget(self.button_box)
        whole = self.sizeHint()  # as tall as the form wants; the screen's limit applies when shown
        scroll_layout(self, form)  # large text on a small screen: the fields scroll, the buttons stay
        errors.update({"eligibility": errors["exception_reason"], "birth": errors["exception_reason"]})
        self.error_labels = errors
        self.own_consent.setChecked(True)
        self.guardian.setEnabled(False)
        self.guardian_consent.toggled.connect(self.guardian.setEnabled)
        self.health_notes.setEnabled(False)
        self.health_consent.toggled.connect(self.health_notes.setEnabled)
        self.device_id.setPlaceholderText(self.tr("手环背面的编号（IMEI），未发手环可不填"))
        self.exception_reason.setPlaceholderText(self.tr("未满 80 周岁或没有身份证号时必填，如：独居、失能"))
        if wearer is None:
            self.setWindowTitle(self.tr("登记佩戴人"))
            self.phone.setPlaceholderText(self.tr("可不填；加密保存"))
            self.hint.setText(
                self.tr(
                    "80 周岁以上的老人可配发手环（独居优先）。住址、电话和健康信息加密保存；"
                    "住址会报给区里，以便无人接警时镇里派人。"
                )
            )
            self.contacts.add_contact()
            self.name.setFocus()
        else:
            self.setWindowTitle(self.tr("修改佩戴人：{name}").format(name=wearer.name))
            self.address.setText(wearer.address or "")
            self.living_alone.setChecked(wearer.living_alone)
            self.device_id.setText(wearer.device_id or "")
            self.exception_reason.setText(wearer.exception_reason or "")
            self.contacts.set_contacts(contacts_of(wearer))
            self.hint.setText(self.tr("联系人按拨打顺序排列，可上移下移。"))
            self.address.setFocus()
        self.wire(self.button_box, self.message)
        self.resize(max(whole.width(), 40 * em(self)), whole.height())

    def service_call(self) -> Call:
        if self.wearer is not None:
            return self._edit_call(self.wearer)
        if not self.consent_given.isChecked():
            raise ValidationError.single(
                "consent", "consent_required", self.tr("定位同意：须佩戴人本人或监护人签字同意，才能登记手环")
            )
        guardian = self.guardian.text().strip() if self.guardian_consent.isChecked() else None
        if self.guardian_consent.isChecked() and not guardian:
            raise ValidationError.single("consent_by", "required", self.tr("定位同意：监护人同意时须写明监护人姓名"))
        health = self.health_notes.toPlainText().strip() if self.health_consent.isChecked() else ""
        return bind(
            wearers.enrol_wearer,
            self.desk,
            self.actor,
            name=self.name.text(),
            id_number=self.id_number.text().strip() or None,
            phone=self.phone.text().strip() or None,
            address=self.address.text(),
            living_alone=self.living_alone.isChecked(),
            device_id=self.device_id.text().strip() or None,
            contacts=self.contacts.contacts(),
            exception_reason=self.exception_reason.text().strip() or None,
            consent_by=guardian,
            health_notes=health or None,
            health_consent=self.health_consent.isChecked(),
        )

    def _edit_call(self, w: WearerView) -> Call:
        changes: dict[str, object] = {}
        address = self.address.text().strip()
        if address != (w.address or ""):
            changes["address"] = address
        if self.living_alone.isChecked() != w.living_alone:
            changes["living_alone"] = self.living_alone.isChecked()
        device = self.device_id.text().strip() or None
        if device != w.device_id:
            changes["device_id"] = device
        reason = self.exception_reason.text().strip() or None
        if reason != (w.exception_reason or None):
            changes["exception_reason"] = reason
        contacts = self.contacts.contacts()
        if contacts != contacts_of(w):
            changes["contacts"] = contacts
        return bind(wearers.edit_wearer, self.desk, self.actor, w.id, **changes)


class HealthNotesDialog(ServiceDialog):
    """健康信息: read when opened (the reading is audited), changed with its own consent only."""

    def __init__(
        self, desk: Desk, tasks: TaskManager, actor: Actor, wearer: WearerView, parent: QWidget | None = None
    ) -> None:
        super().__init__(desk, tasks, actor, parent)
        self.wearer = wearer
        self.setWindowTitle(self.tr("健康信息：{name}").format(name=wearer.name))
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("只记接警时用得上的情况（如心脏病、糖尿病、行动不便）。每次查看都会记录。"), self)
        note.setWordWrap(True)
        layout.addWidget(note)
        self.notes = QPlainTextEdit(self)
        self.notes.setTabChangesFocus(True)
        self.notes.setEnabled(False)  # until read
        layout.addWidget(self.notes, 1)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.message = QLabel(self)
        layout.addWidget(self.message)
        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        layout.addWidget(self.button_box)
        self.error_labels = {"notes": self.error, "health_notes": self.error}
        self.wire(self.button_box, self.message)
        self.resize(36 * em(self), 16 * em(self))
        tasks.run(wearers.health_notes, desk, actor, wearer.id, on_done=self._read, on_error=self._not_read)

    def _read(self, notes: str | None) -> None:
        self.notes.setPlainText(notes or "")
        self.notes.setEnabled(True)
        self.notes.setFocus(Qt.FocusReason.OtherFocusReason)
        self.remember_form()

    def _not_read(self, error: BaseException) -> None:
        self._failed(error)
        if self.buttons is not None:
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

    def service_call(self) -> Call:
        return bind(wearers.set_health_notes, self.desk, self.actor, self.wearer.id, self.notes.toPlainText())
