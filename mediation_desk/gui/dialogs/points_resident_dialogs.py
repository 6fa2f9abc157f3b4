"""Residents and households of the green coins: register or change a resident, add a household,
move a resident to another household (the old membership stays on record, with the reason).

Each saves through one service call on the desk worker (`ServiceDialog`): a problem is shown
under the field it names and nothing is saved until the service accepts the whole form."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QWidget

from mediation_desk.core.uow import Actor, china_today
from mediation_desk.desk import Desk
from mediation_desk.errors import ValidationError
from mediation_desk.gui.dialogs.base import Call, ServiceDialog, bind
from mediation_desk.gui.forms.ui_points_household_dialog import Ui_PointsHouseholdDialog
from mediation_desk.gui.forms.ui_points_move_dialog import Ui_PointsMoveDialog
from mediation_desk.gui.forms.ui_points_resident_dialog import Ui_PointsResidentDialog
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.mediation.dto import MediatorView
from mediation_desk.points import residents
from mediation_desk.points.dto import HouseholdView, ResidentView


def fill_groups(combo: QComboBox, groups: Iterable[str], current: str = "") -> None:
    """The village groups already in use to pick from; a new one may be typed."""
    combo.clear()
    for group in sorted(set(groups) | ({current} if current else set())):
        combo.addItem(group)
    combo.setEditText(current)


class ResidentDialog(ServiceDialog):
    """登记居民 (resident None) or 修改居民信息. The household of a registered resident changes by
    a move (with a reason), not here."""

    def __init__(
        self,
        desk: Desk,
        tasks: TaskManager,
        actor: Actor,
        households: list[HouseholdView],
        roster: list[MediatorView],
        groups: Iterable[str],
        resident: ResidentView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(desk, tasks, actor, parent)
        self.resident = resident
        self.ui = u = Ui_PointsResidentDialog()
        u.setupUi(self)
        fill_groups(u.villageGroup, groups, resident.village_group if resident else "")
        u.household.addItem(self.tr("（暂不入户）"), None)
        for h in households:
            u.household.addItem(self.tr("{label}（{group}）").format(label=h.label, group=h.village_group), h.id)
        u.mediator.addItem(self.tr("（不是志愿调解员）"), "")
        for m in roster:
            if m.active or (resident is not None and m.id == resident.mediator_id):
                u.mediator.addItem(m.name, m.id)
        self.error_labels = {
            "name": u.nameError,
            "village_group": u.villageGroupError,
            "household_id": u.householdError,
            "household": u.householdError,
            "phone": u.phoneError,
            "mediator_id": u.mediatorError,
            "mediator": u.mediatorError,
        }
        if resident is None:
            self.setWindowTitle(self.tr("登记居民"))
            u.active.hide()
            u.hintLabel.setText(self.tr("电话可不填；填写的电话加密保存，列表中只显示部分号码。"))
        else:
            self.setWindowTitle(self.tr("修改居民信息：{name}").format(name=resident.name))
            u.name.setText(resident.name)
            u.household.setCurrentIndex(max(0, u.household.findData(resident.household_id)))
            u.household.setEnabled(False)
            u.mediator.setCurrentIndex(max(0, u.mediator.findData(resident.mediator_id or "")))
            u.active.setChecked(resident.active)
            u.phone.setPlaceholderText(
                self.tr("不改请留空（现为 {phone}）").format(phone=resident.phone_masked)
                if resident.phone_masked
                else self.tr("可不填；加密保存")
            )
            u.hintLabel.setText(self.tr("换户请用「迁户」，原户的记录会保留。电话留空表示不改。"))
        self.wire(u.buttonBox, u.messageLabel)
        u.name.setFocus()

    def service_call(self) -> Call:
        u = self.ui
        mediator = u.mediator.currentData() or ""
        if self.resident is None:
            return bind(
                residents.add_resident,
                self.desk,
                self.actor,
                name=u.name.text(),
                village_group=u.villageGroup.currentText(),
                household_id=u.household.currentData(),
                phone=u.phone.text() or None,
                mediator_id=mediator or None,
            )
        r = self.resident
        return bind(
            residents.edit_resident,
            self.desk,
            self.actor,
            r.id,
            name=u.name.text(),
            village_group=u.villageGroup.currentText(),
            phone=u.phone.text() or None,  # empty: the phone on record stays
            mediator_id=None if mediator == (r.mediator_id or "") else mediator,
            active=u.active.isChecked(),
        )


class HouseholdDialog(ServiceDialog):
    """新增户."""

    def __init__(
        self,
        desk: Desk,
        tasks: TaskManager,
        actor: Actor,
        groups: Iterable[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(desk, tasks, actor, parent)
        self.ui = u = Ui_PointsHouseholdDialog()
        u.setupUi(self)
        fill_groups(u.villageGroup, groups)
        self.error_labels = {"label": u.labelError, "village_group": u.villageGroupError}
        self.wire(u.buttonBox, u.messageLabel)
        u.label.setFocus()

    def service_call(self) -> Call:
        u = self.ui
        return bind(
            residents.add_household,
            self.desk,
            self.actor,
            label=u.label.text(),
            village_group=u.villageGroup.currentText(),
        )


class MoveDialog(ServiceDialog):
    """迁户: into another household from a day (today unless told), with the reason."""

    def __init__(
        self,
        desk: Desk,
        tasks: TaskManager,
        actor: Actor,
        resident: ResidentView,
        households: list[HouseholdView],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(desk, tasks, actor, parent)
        self.resident = resident
        self.ui = u = Ui_PointsMoveDialog()
        u.setupUi(self)
        self.setWindowTitle(self.tr("迁户：{name}").format(name=resident.name))
        u.residentLabel.setText(
            self.tr("{name} 现在所在的户：{household}").format(
                name=resident.name, household=resident.household_label or self.tr("（未入户）")
            )
        )
        u.household.addItem(self.tr("（请选择）"), None)
        for h in households:
            if h.id != resident.household_id:
                u.household.addItem(self.tr("{label}（{group}）").format(label=h.label, group=h.village_group), h.id)
        today = china_today()
        u.since.setMaximumDate(QDate(today.year, today.month, today.day))
        u.since.setDate(QDate(today.year, today.month, today.day))
        self.error_labels = {"household_id": u.householdError, "since": u.sinceError, "reason": u.reasonError}
        self.wire(u.buttonBox, u.messageLabel, self.tr("迁户"))
        u.household.setFocus()

    def chosen_day(self) -> dt.date:
        day = self.ui.since.date().toPython()
        assert isinstance(day, dt.date)
        return day

    def service_call(self) -> Call:
        u = self.ui
        target = u.household.currentData()
        if not target:
            raise ValidationError.single("household_id", "required", self.tr("请选择迁入的户"))
        return bind(
            residents.move_resident,
            self.desk,
            self.actor,
            self.resident.id,
            target,
            reason=u.reason.text(),
            since=self.chosen_day(),
        )
