"""登记场所 / 修改场所: one form, saved through one service call on the desk worker
(`ServiceDialog`): a problem — a bad credit code, an unknown category, the same place held
already — is shown under the field it names, and nothing is saved until the whole form is right.

The form is built here rather than in Designer: its rows (a field and the line for its problem
under it) are all alike."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.gui.dialogs.base import Call, ServiceDialog, bind
from mediation_desk.gui.screen_fit import scroll_layout
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.sitecode import places
from mediation_desk.sitecode.dto import PlaceView

ERROR_STYLE = "color: #b00020;"


def field_row(form: QFormLayout, text: str, widget: QWidget) -> QLabel:
    """A labelled field with the (empty) line for its problem under it; returns that line."""
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(widget)
    error = QLabel(box)
    error.setStyleSheet(ERROR_STYLE)
    error.setWordWrap(True)
    column.addWidget(error)
    label = QLabel(text)
    label.setBuddy(widget)
    form.addRow(label, box)
    return error


class PlaceDialog(ServiceDialog):
    def __init__(
        self,
        desk: Desk,
        tasks: TaskManager,
        actor: Actor,
        categories: dict[str, str],
        grids: Iterable[str],
        place: PlaceView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(desk, tasks, actor, parent)
        self.place_view = place
        outer = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit(self)
        self.category = QComboBox(self)
        self.category.addItem(self.tr("（请选择）"), None)
        for code, label in categories.items():
            self.category.addItem(label, code)
        self.address = QLineEdit(self)
        self.grid = QComboBox(self)
        self.grid.setEditable(True)
        self.grid.addItems(sorted(set(grids)))
        self.grid.setEditText(place.grid if place else "")
        self.credit_code = QLineEdit(self)
        self.credit_code.setMaxLength(18)
        self.responsible_name = QLineEdit(self)
        self.responsible_phone = QLineEdit(self)
        self.active = QCheckBox(self.tr("在用（停用的场所不再按月自查，也不打印公示牌）"), self)
        name_error = field_row(form, self.tr("场所名称(&M)"), self.name)
        category_error = field_row(form, self.tr("类别(&T)"), self.category)
        address_error = field_row(form, self.tr("地址(&A)"), self.address)
        grid_error = field_row(form, self.tr("网格(&G)"), self.grid)
        credit_error = field_row(form, self.tr("统一社会信用代码(&U)"), self.credit_code)
        person_error = field_row(form, self.tr("负责人(&R)"), self.responsible_name)
        phone_error = field_row(form, self.tr("联系电话(&P)"), self.responsible_phone)
        form.addRow("", self.active)
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
        scroll_layout(self, form)  # a small screen in large-font mode: the fields scroll, the buttons stay
        self.error_labels = {
            "name": name_error,
            "category": category_error,
            "address": address_error,
            "grid": grid_error,
            "credit_code": credit_error,
            "responsible_name": person_error,
            "responsible_phone": phone_error,
            "phone": phone_error,
            "person_id": person_error,
            "place": name_error,  # a duplicate place is named at its name
        }
        self.credit_code.setPlaceholderText(self.tr("18 位；个体工商户没有可不填"))
        if place is None:
            self.setWindowTitle(self.tr("登记场所"))
            self.active.hide()
            self.responsible_phone.setPlaceholderText(self.tr("可不填；加密保存"))
            self.hint.setText(self.tr("登记后自下个月起按月自查。电话加密保存，列表中只显示部分号码。"))
        else:
            self.setWindowTitle(self.tr("修改场所：{name}").format(name=place.name))
            self.name.setText(place.name)
            self.category.setCurrentIndex(max(0, self.category.findData(place.category)))
            self.address.setText(place.address)
            self.credit_code.setText(place.credit_code or "")
            self.responsible_name.setText(place.responsible_name or "")
            self.responsible_phone.setPlaceholderText(
                self.tr("不改请留空（现为 {phone}）").format(phone=place.responsible_phone_masked)
                if place.responsible_phone_masked
                else self.tr("可不填；加密保存")
            )
            self.active.setChecked(place.active)
            self.hint.setText(self.tr("电话留空表示不改。"))
        self.wire(self.button_box, self.message)
        self.resize(self.sizeHint().width() + 120, self.sizeHint().height())
        self.name.setFocus()

    def service_call(self) -> Call:
        grid = self.grid.currentText().strip()
        category = self.category.currentData() or ""
        credit = self.credit_code.text().strip().upper() or None
        person = self.responsible_name.text().strip() or None
        phone = self.responsible_phone.text().strip() or None
        if self.place_view is None:
            return bind(
                places.add_place,
                self.desk,
                self.actor,
                name=self.name.text(),
                category=category,
                address=self.address.text(),
                grid=grid,
                credit_code=credit,
                responsible_name=person,
                responsible_phone=phone,
            )
        p = self.place_view
        return bind(
            places.edit_place,
            self.desk,
            self.actor,
            p.id,
            name=self.name.text(),
            category=category,
            address=self.address.text(),
            grid=grid,
            credit_code=None if credit == (p.credit_code or None) else (credit or ""),
            responsible_name=None if person == p.responsible_name else (person or ""),
            responsible_phone=phone,  # empty: the phone on record stays
            active=self.active.isChecked(),
        )
