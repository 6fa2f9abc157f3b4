"""设备任务: bracelets that need a visit — offline (heartbeats missed), battery low, taken off —
as the district opened them; closed here with a note of what was done (a new battery, the
bracelet put back on, the wearer in hospital)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QTableWidget, QVBoxLayout, QWidget

from mediation_desk.alarms import rules, tasks
from mediation_desk.alarms.dto import DeviceTaskView
from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.gui.dialogs.base import bind
from mediation_desk.gui.pages.alarms_common import NoteDialog, OperatorTab, label, moment_text
from mediation_desk.gui.pages.points_residents import fill_table, select_key, selected_key, set_up_table
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.privacy import roles

WEARER, KIND, STATE, OPENED, DEVICE, NOTE = range(6)
WIDTHS = {WEARER: 6, KIND: 6, STATE: 5, OPENED: 9, DEVICE: 9}  # em
HANDLE = "alarms.handle"


class DeviceTasksTab(OperatorTab):
    changed = Signal()  # saved here: the district hears of it at once

    def __init__(self, desk: Desk, manager: TaskManager, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = manager
        self._actor = actor
        self.items: list[DeviceTaskView] = []
        self.dialog: NoteDialog | None = None
        self.loaded = False
        self._select_next: str | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.open_only = QCheckBox(self.tr("只看待处理(&O)"), self)
        self.open_only.setChecked(True)
        top.addWidget(self.open_only)
        hint = QLabel(self.tr("手环离线、电量低、被摘下时区里开出任务：上门看过后在这里写明处理情况。"), self)
        hint.setWordWrap(True)
        top.addWidget(hint, 1)
        layout.addLayout(top)
        self.table = QTableWidget(self)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        headers = (
            self.tr("佩戴人"),
            self.tr("任务"),
            self.tr("状态"),
            self.tr("开出时间"),
            self.tr("手环号"),
            self.tr("原因和处理情况"),
        )
        set_up_table(self.table, headers, WIDTHS, NOTE)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.close_button = QPushButton(self.tr("处理完毕(&C)…"), self)
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        self.summary = QLabel(self)
        buttons.addWidget(self.summary)
        layout.addLayout(buttons)
        self.add_status_line(layout)
        self.open_only.toggled.connect(lambda _on: self.refresh())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.close_button.clicked.connect(lambda: self.close_task())
        self._update_buttons()

    def refresh(self) -> None:
        self.read(tasks.list_tasks, open_only=self.open_only.isChecked(), on_done=self._show)

    def _show(self, found: list[DeviceTaskView]) -> None:
        keep = self._select_next or selected_key(self.table)
        self._select_next = None
        self.items = found
        now = dt.datetime.now(dt.UTC)
        rows = []
        for t in found:
            about = t.reason or ""
            if t.note:
                about = self.tr("{reason}；处理：{note}（{who}）").format(
                    reason=about, note=t.note, who=t.closed_by or ""
                )
            cells = [
                t.wearer_name,
                label("task_kind", t.kind),
                label("task_status", t.status),
                moment_text(t.opened_at, now, short=True),
                t.device_id,
                about,
            ]
            rows.append((t.id, cells, t.status == rules.TASK_DONE))
        fill_table(self.table, rows)
        select_key(self.table, keep)
        waiting = sum(1 for t in found if t.status == rules.TASK_OPEN)
        self.summary.setText(self.tr("待处理 {count} 项").format(count=waiting))
        self.loaded = True
        self._update_buttons()

    def selected(self) -> DeviceTaskView | None:
        key = selected_key(self.table)
        return next((t for t in self.items if t.id == key), None)

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.close_button.setEnabled(
            roles.allowed(self._actor.role, HANDLE) and chosen is not None and chosen.status == rules.TASK_OPEN
        )

    def close_task(self) -> NoteDialog | None:
        chosen = self.selected()
        if chosen is None or chosen.status != rules.TASK_OPEN:
            return None
        dialog = NoteDialog(
            self.desk,
            self.tasks,
            self._actor,
            title=self.tr("处理完毕：{kind}（{name}）").format(
                kind=label("task_kind", chosen.kind), name=chosen.wearer_name
            ),
            prompt=self.tr("写明处理情况（必填），如：已换电池、已帮老人戴好、老人住院暂不佩戴。"),
            field="note",
            field_label=self.tr("处理情况"),
            max_chars=rules.MAX_OUTCOME_CHARS,
            make_call=lambda note: bind(tasks.close_task, self.desk, self._actor, chosen.id, note),
            multiline=True,
            save_text=self.tr("处理完毕"),
            parent=self,
        )
        self.dialog = dialog
        dialog.saved.connect(self._closed)
        dialog.open()
        return dialog

    def _closed(self, task: DeviceTaskView) -> None:
        self._select_next = task.id
        self.status_label.setText(self.tr("已处理：{name}").format(name=task.wearer_name))
        self.refresh()
        self.changed.emit()
