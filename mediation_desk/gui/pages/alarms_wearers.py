"""佩戴人: the wearers of the village with their bracelets, whether they live alone, their first
contact (the number masked: the full numbers are on an alarm's card and in the form), and their
consent; enrol one, change one, open the health notes (their reading is audited), stop one who
no longer wears a bracelet (with the reason)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QTableWidget, QVBoxLayout, QWidget

from mediation_desk.alarms import wearers
from mediation_desk.alarms.dto import WearerView
from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.gui.dialogs.base import ServiceDialog, bind
from mediation_desk.gui.pages.alarms_common import NoteDialog, OperatorTab, label
from mediation_desk.gui.pages.alarms_wearer_dialog import HealthNotesDialog, WearerDialog
from mediation_desk.gui.pages.points_residents import fill_table, select_key, selected_key, set_up_table
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.privacy import roles

NAME, AGE, DEVICE, ALONE, CONSENT, STATE, CONTACT = range(7)
WIDTHS = {NAME: 6, AGE: 3, DEVICE: 8, ALONE: 3, CONSENT: 10, STATE: 4}  # em
KEEP, HEALTH = "alarms.wearers", "alarms.health"
MAX_REASON = 200


class WearersTab(OperatorTab):
    changed = Signal()  # saved here: the district hears of it at once

    def __init__(self, desk: Desk, manager: TaskManager, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = manager
        self._actor = actor
        self.items: list[WearerView] = []
        self.dialog: ServiceDialog | None = None
        self.loaded = False
        self._select_next: str | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.include_inactive = QCheckBox(self.tr("含已停用(&I)"), self)
        top.addWidget(self.include_inactive)
        top.addStretch(1)
        layout.addLayout(top)
        self.table = QTableWidget(self)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        headers = (
            self.tr("姓名"),
            self.tr("年龄"),
            self.tr("手环号"),
            self.tr("独居"),
            self.tr("同意"),
            self.tr("状态"),
            self.tr("第一联系人"),
        )
        set_up_table(self.table, headers, WIDTHS, CONTACT)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("登记佩戴人(&N)…"), self)
        self.edit_button = QPushButton(self.tr("修改(&E)…"), self)
        self.health_button = QPushButton(self.tr("健康信息(&H)…"), self)
        self.stop_button = QPushButton(self.tr("停用(&S)…"), self)
        for button in (self.add_button, self.edit_button, self.health_button, self.stop_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.summary = QLabel(self)
        buttons.addWidget(self.summary)
        layout.addLayout(buttons)
        self.add_status_line(layout)
        self.include_inactive.toggled.connect(lambda _on: self.refresh())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.activated.connect(lambda _index: self.edit_wearer())
        self.add_button.clicked.connect(lambda: self.add_wearer())
        self.edit_button.clicked.connect(lambda: self.edit_wearer())
        self.health_button.clicked.connect(lambda: self.open_health_notes())
        self.stop_button.clicked.connect(lambda: self.deactivate())
        self._update_buttons()

    def refresh(self) -> None:
        self.read(wearers.list_wearers, include_inactive=self.include_inactive.isChecked(), on_done=self._show)

    def _show(self, found: list[WearerView]) -> None:
        keep = self._select_next or selected_key(self.table)
        self._select_next = None
        self.items = found
        rows = []
        for w in found:
            first = min(w.contacts, key=lambda c: c.position) if w.contacts else None
            contact = f"{first.name}（{label('contact_kind', first.kind)}）{first.phone_masked or ''}" if first else ""
            consent = self.tr("本人") if not w.consent_by else self.tr("监护人 {name}").format(name=w.consent_by)
            if w.health_consent:
                consent += self.tr("；健康")
            cells = [
                w.name,
                "" if w.age is None else str(w.age),
                w.device_id or self.tr("未发"),
                self.tr("是") if w.living_alone else "",
                consent if w.location_consent else self.tr("已撤回"),
                self.tr("在用") if w.active else self.tr("已停用"),
                contact,
            ]
            rows.append((w.id, cells, not w.active))
        fill_table(self.table, rows)
        select_key(self.table, keep)
        alone = sum(1 for w in found if w.active and w.living_alone)
        self.summary.setText(
            self.tr("在用 {count} 人，其中独居 {alone} 人").format(count=sum(1 for w in found if w.active), alone=alone)
        )
        self.loaded = True
        self._update_buttons()

    def selected(self) -> WearerView | None:
        key = selected_key(self.table)
        return next((w for w in self.items if w.id == key), None)

    def _update_buttons(self) -> None:
        chosen = self.selected()
        keep = roles.allowed(self._actor.role, KEEP)
        self.add_button.setEnabled(keep)
        self.edit_button.setEnabled(keep and chosen is not None and chosen.active)
        self.stop_button.setEnabled(keep and chosen is not None and chosen.active)
        self.health_button.setEnabled(
            roles.allowed(self._actor.role, HEALTH) and chosen is not None and chosen.health_consent
        )
        if chosen is not None and not chosen.health_consent:
            self.health_button.setToolTip(self.tr("佩戴人没有同意记录健康信息"))
        else:
            self.health_button.setToolTip("")

    # ---- the dialogs ----------------------------------------------------------------------------

    def _open(self, dialog: ServiceDialog) -> ServiceDialog:
        self.dialog = dialog
        dialog.saved.connect(self._saved)
        dialog.open()
        return dialog

    def _saved(self, result: object) -> None:
        if isinstance(result, WearerView):
            self._select_next = result.id
            self.status_label.setText(self.tr("已保存：{name}").format(name=result.name))
        self.refresh()
        self.changed.emit()

    def add_wearer(self) -> ServiceDialog:
        return self._open(WearerDialog(self.desk, self.tasks, self._actor, parent=self))

    def edit_wearer(self) -> None:
        """Read the wearer whole (the contacts' numbers in full) first, then open the form."""
        chosen = self.selected()
        if chosen is None or not chosen.active or not roles.allowed(self._actor.role, KEEP):
            return
        self.read(wearers.get_wearer, chosen.id, on_done=self._edit_read)

    def _edit_read(self, whole: WearerView) -> None:
        self._open(WearerDialog(self.desk, self.tasks, self._actor, whole, self))

    def open_health_notes(self) -> ServiceDialog | None:
        chosen = self.selected()
        if chosen is None or not chosen.health_consent:
            return None
        return self._open(HealthNotesDialog(self.desk, self.tasks, self._actor, chosen, self))

    def deactivate(self) -> ServiceDialog | None:
        chosen = self.selected()
        if chosen is None or not chosen.active:
            return None
        return self._open(
            NoteDialog(
                self.desk,
                self.tasks,
                self._actor,
                title=self.tr("停用：{name}").format(name=chosen.name),
                prompt=self.tr("写明停用的原因（如已去世、搬走、收回手环）。停用后这个手环的报警不再算到此人。"),
                field="reason",
                field_label=self.tr("停用原因"),
                max_chars=MAX_REASON,
                make_call=lambda reason: bind(wearers.deactivate_wearer, self.desk, self._actor, chosen.id, reason),
                confirm=self.tr("确认停用 {name}？").format(name=chosen.name),
                save_text=self.tr("停用"),
                parent=self,
            )
        )
