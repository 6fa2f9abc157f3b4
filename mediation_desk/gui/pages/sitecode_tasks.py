"""任务: the covert inspections (暗访检查) and joint enforcement (联合执法) the district opened for
places that stayed red, as the last pull brought them. The town closes them; here they are read,
with the reasons the place was red and who the task went to."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QTableWidget, QVBoxLayout, QWidget

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.gui.pages.points_residents import fill_table, selected_key, set_up_table
from mediation_desk.gui.pages.sitecode_common import CALM_STYLE, label, reasons_text, refusal_text
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.sitecode import rules, tasks
from mediation_desk.sitecode.dto import TaskView

PLACE, KIND, MONTH, STATE, PARTIES, OPENED, REASONS = range(7)
WIDTHS = {PLACE: 10, KIND: 5, MONTH: 6, STATE: 6, PARTIES: 13, OPENED: 6}  # em


class SitecodeTasksTab(QWidget):
    def __init__(self, desk: Desk, manager: TaskManager, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = manager
        self.actor = actor
        self.items: list[TaskView] = []
        self.loaded = False
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.open_only = QCheckBox(self.tr("只看待办(&O)"), self)
        self.open_only.setChecked(True)
        top.addWidget(self.open_only)
        hint = QLabel(self.tr("任务由区里按红码开出，由镇街办结；同步后这里显示最新情况。"), self)
        hint.setWordWrap(True)
        top.addWidget(hint, 1)
        layout.addLayout(top)
        self.table = QTableWidget(self)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        headers = (
            self.tr("场所"),
            self.tr("任务"),
            self.tr("月份"),
            self.tr("状态"),
            self.tr("交办"),
            self.tr("开出日期"),
            self.tr("红码理由"),
        )
        set_up_table(self.table, headers, WIDTHS, REASONS)
        self.table.setWordWrap(True)
        layout.addWidget(self.table, 1)
        self.detail = QLabel(self)  # the selected task in full: the reasons are long
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.detail)
        self.status_label = QLabel(self)
        self.status_label.setStyleSheet(CALM_STYLE)
        layout.addWidget(self.status_label)
        self.open_only.toggled.connect(lambda _on: self.refresh())
        self.table.itemSelectionChanged.connect(self._show_selected)

    def _show_selected(self) -> None:
        key = selected_key(self.table)
        chosen = next((t for t in self.items if t.id == key), None)
        if chosen is None:
            self.detail.clear()
            return
        self.detail.setText(
            self.tr("{place}：{kind}（{month}），交办{parties}。\n{reasons}").format(
                place=chosen.place_name,
                kind=label("task_kind", chosen.kind),
                month=rules.month_text(chosen.month),
                parties="、".join(chosen.parties),
                reasons=reasons_text(chosen.reasons),
            )
        )

    def refresh(self) -> None:
        self.tasks.run(
            tasks.list_tasks,
            self.desk,
            self.actor,
            open_only=self.open_only.isChecked(),
            on_done=self._show,
            on_error=lambda error: self.status_label.setText(refusal_text(error)),
            owner=self,
        )

    def _show(self, found: list[TaskView]) -> None:
        self.items = found
        rows = []
        for t in found:
            state = label("task_status", t.status)
            if t.status == rules.TASK_DONE and t.closed_on is not None:
                state = self.tr("{state}（{day}）").format(state=state, day=t.closed_on.isoformat())
            reasons = "；".join(t.reasons)
            if t.outcome:
                reasons = self.tr("{reasons}\n办结情况：{outcome}").format(reasons=reasons, outcome=t.outcome)
            cells = [
                t.place_name,
                label("task_kind", t.kind),
                rules.month_text(t.month),
                state,
                "、".join(t.parties),
                t.opened_on.isoformat() if t.opened_on else "",
                reasons,
            ]
            rows.append((t.id, cells, t.status == rules.TASK_DONE))
        fill_table(self.table, rows)
        self._show_selected()
        for row in range(self.table.rowCount()):
            cell = self.table.item(row, REASONS)
            if cell is not None:
                cell.setToolTip(cell.text())
        waiting = sum(1 for t in found if t.status == rules.TASK_OPEN)
        self.status_label.setText(self.tr("共 {count} 项任务，待办 {open} 项").format(count=len(found), open=waiting))
        self.loaded = True
