"""报警: the alarms still open (those nobody has answered first, oldest first) and the recent
ones, the selected alarm's card — the wearer, where and how the alarm came, and the contacts to
call in order, their numbers in full — and the three moves of an alarm's life: 接警 (one press:
an answer must be quick), 派单 (to whom), 处置完毕 (a mandatory outcome note, confirmed, as it
cannot be taken back). Each move is one service call on the desk worker; a move another desk
made first is said calmly and the list read again."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.alarms import handling, rules, wearers
from mediation_desk.alarms.dto import AlarmView, WearerView
from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.errors import DeskError
from mediation_desk.gui.dialogs.base import bind
from mediation_desk.gui.pages.alarms_card import card_html, dispatch_suggestions
from mediation_desk.gui.pages.alarms_common import (
    NoteDialog,
    OperatorTab,
    duration_text,
    kinds_text,
    label,
    moment_text,
    several_villages,
)
from mediation_desk.gui.pages.points_residents import cell, fill_table, select_key, selected_key, set_up_table
from mediation_desk.gui.pages.sitecode_common import refusal_text
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.privacy import roles

STATE, WEARER, KINDS, RAISED, WAIT, VILLAGE = range(6)
WIDTHS = {STATE: 5, WEARER: 6, RAISED: 7, WAIT: 7, VILLAGE: 8}  # em; the kinds take the rest
RECENT_MAX = 50  # resolved alarms listed under the open ones
URGENT_COLOUR = QColor("#b00020")
HANDLE = "alarms.handle"


@dataclass(frozen=True)
class AlarmCard:
    alarm: AlarmView
    wearer: WearerView | None  # None: a bracelet nobody here is enrolled with


def load_alarms(desk: Desk, actor: Actor, open_only: bool) -> list[AlarmView]:
    """The open alarms, then (unless `open_only`) the most recent resolved ones."""
    found = handling.open_alarms(desk, actor)
    if not open_only:
        resolved = [a for a in handling.list_alarms(desk, actor, limit=200) if a.status == rules.RESOLVED]
        found += resolved[:RECENT_MAX]
    return found


def load_card(desk: Desk, actor: Actor, alarm_id: str) -> AlarmCard:
    alarm = handling.get_alarm(desk, actor, alarm_id)
    wearer = wearers.get_wearer(desk, actor, alarm.wearer_id) if alarm.wearer_id else None
    return AlarmCard(alarm, wearer)


def waiting_text(alarm: AlarmView, now: dt.datetime) -> str:
    """How long it waited for an answer (still waiting: up to now, the row in red says 待接警)."""
    if alarm.acknowledged_at is not None:
        return duration_text((alarm.acknowledged_at - alarm.raised_at).total_seconds())
    if alarm.status == rules.NEW:
        return duration_text((now - alarm.raised_at).total_seconds())
    return ""


class AlarmsTab(OperatorTab):
    changed = Signal()  # an alarm moved here: the banner and the sound follow

    def __init__(self, desk: Desk, manager: TaskManager, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = manager
        self._actor = actor
        self.items: list[AlarmView] = []
        self.card: AlarmCard | None = None
        self.dialog: NoteDialog | None = None
        self.loaded = False
        self._select_next: str | None = None
        self._generation = 0
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.open_only = QCheckBox(self.tr("只看未处置(&O)"), self)
        top.addWidget(self.open_only)
        hint = QLabel(self.tr("先接警，再打电话：接警后按顺序拨打紧急联系人，派人上门，处置完毕写明结果。"), self)
        hint.setWordWrap(True)
        top.addWidget(hint, 1)
        layout.addLayout(top)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.table = QTableWidget(self.splitter)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName(self.tr("报警列表"))
        headers = (
            self.tr("状态"),
            self.tr("佩戴人"),
            self.tr("报警类型"),
            self.tr("报警时间"),
            self.tr("接警用时"),
            self.tr("村"),
        )
        set_up_table(self.table, headers, WIDTHS, KINDS)
        self.card_view = QTextBrowser(self.splitter)
        self.card_view.setOpenLinks(False)
        self.card_view.setAccessibleName(self.tr("报警详情和紧急联系人"))
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout.addWidget(self.splitter, 1)
        buttons = QHBoxLayout()
        self.ack_button = QPushButton(self.tr("接警(&A)"), self)
        self.dispatch_button = QPushButton(self.tr("派单(&D)…"), self)
        self.resolve_button = QPushButton(self.tr("处置完毕(&R)…"), self)
        for button in (self.ack_button, self.dispatch_button, self.resolve_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.summary = QLabel(self)  # how many wait; the line below says what a move did
        buttons.addWidget(self.summary)
        layout.addLayout(buttons)
        self.add_status_line(layout)
        self.ticker = QTimer(self)  # the wait of an unanswered alarm goes on in front of the clerk
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self._tick)
        self.open_only.toggled.connect(lambda _on: self.refresh())
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.ack_button.clicked.connect(lambda: self.acknowledge())
        self.dispatch_button.clicked.connect(lambda: self.dispatch())
        self.resolve_button.clicked.connect(lambda: self.resolve())
        self._update_buttons()

    # ---- the operator ---------------------------------------------------------------------------

    # ---- reading --------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation
        self.tasks.run(
            load_alarms,
            self.desk,
            self._actor,
            self.open_only.isChecked(),
            on_done=lambda found: self._show(generation, found),
            on_error=self.show_refusal,
            owner=self,
        )

    def show_alarm(self, alarm_id: str) -> None:
        """Select this alarm once the list is read (the banner's 查看)."""
        self._select_next = alarm_id
        if self.open_only.isChecked() and any(a.id == alarm_id for a in self.items):
            select_key(self.table, alarm_id)
        self.refresh()

    def _show(self, generation: int, found: list[AlarmView]) -> None:
        if generation != self._generation:
            return
        keep = self._select_next or selected_key(self.table)
        self._select_next = None
        self.items = found
        now = dt.datetime.now(dt.UTC)
        rows = []
        for a in found:
            cells = [
                label("state", a.status),
                a.wearer_name,
                kinds_text(a.kinds),
                moment_text(a.raised_at, now, short=True),
                waiting_text(a, now),
                a.village or "",
            ]
            rows.append((a.id, cells, a.status == rules.RESOLVED))
        self.table.blockSignals(True)  # one card read for the row selected at the end
        fill_table(self.table, rows)
        for row, a in enumerate(found):
            if a.status == rules.NEW:
                for column in (STATE, WEARER, KINDS, WAIT):
                    cell(self.table, row, column).setForeground(QBrush(URGENT_COLOUR))
        select_key(self.table, keep)
        if selected_key(self.table) is None and found:
            self.table.selectRow(0)
        self.table.blockSignals(False)
        self.table.setColumnHidden(VILLAGE, not several_villages(found))
        waiting = sum(1 for a in found if a.status == rules.NEW)
        self.summary.setText(
            self.tr("未处置 {open} 条，其中待接警 {new} 条").format(
                open=sum(1 for a in found if a.status != rules.RESOLVED), new=waiting
            )
        )
        self._tick_when(waiting > 0)
        self.loaded = True
        self._selection_changed()

    def _tick_when(self, on: bool) -> None:
        if on and not self.ticker.isActive():
            self.ticker.start()
        elif not on:
            self.ticker.stop()

    def _tick(self) -> None:
        now = dt.datetime.now(dt.UTC)
        for row, a in enumerate(self.items[: self.table.rowCount()]):
            if a.status == rules.NEW:
                cell(self.table, row, WAIT).setText(waiting_text(a, now))

    def _selection_changed(self) -> None:
        key = selected_key(self.table)
        self._update_buttons()
        if key is None:
            self.card = None
            self.card_view.clear()
            return
        self.tasks.run(
            load_card, self.desk, self._actor, key, on_done=self._show_card, on_error=self.show_refusal, owner=self
        )

    def _show_card(self, card: AlarmCard) -> None:
        if card.alarm.id != selected_key(self.table):
            return  # another row was chosen meanwhile
        self.card = card
        self.card_view.setHtml(card_html(card.alarm, card.wearer))
        self._update_buttons()

    def selected(self) -> AlarmView | None:
        """The selected alarm as last read (the list is read after every move; the card after it)."""
        key = selected_key(self.table)
        return next((a for a in self.items if a.id == key), None)

    def _update_buttons(self) -> None:
        alarm = self.selected()
        may = roles.allowed(self._actor.role, HANDLE)
        status = alarm.status if alarm is not None else None
        self.ack_button.setEnabled(may and status == rules.NEW)
        self.dispatch_button.setEnabled(may and status == rules.ACKNOWLEDGED)
        self.resolve_button.setEnabled(may and status in (rules.ACKNOWLEDGED, rules.DISPATCHED))
        if not may:
            self.ack_button.setToolTip(roles.refusal(self._actor.role, HANDLE))

    # ---- the moves ------------------------------------------------------------------------------

    def acknowledge(self) -> None:
        alarm = self.selected()
        if alarm is None or alarm.status != rules.NEW:
            return
        self.ack_button.setEnabled(False)  # one press is one answer
        self.tasks.run(
            handling.acknowledge,
            self.desk,
            self._actor,
            alarm.id,
            on_done=self._moved,
            on_error=self._refused,
            owner=self,
        )

    def dispatch(self) -> NoteDialog | None:
        alarm = self.selected()
        if alarm is None or alarm.status != rules.ACKNOWLEDGED:
            return None
        wearer = self.card.wearer if self.card is not None else None
        dialog = NoteDialog(
            self.desk,
            self.tasks,
            self._actor,
            title=self.tr("派单：{name}").format(name=alarm.wearer_name),
            prompt=self.tr("派谁上门查看？可从紧急联系人中选，也可直接填写姓名或单位。"),
            field="to",
            field_label=self.tr("派给"),
            max_chars=rules.MAX_WHO_CHARS,
            make_call=lambda to: bind(handling.dispatch, self.desk, self._actor, alarm.id, to),
            suggestions=dispatch_suggestions(wearer),
            save_text=self.tr("派单"),
            parent=self,
        )
        return self._open(dialog)

    def resolve(self) -> NoteDialog | None:
        alarm = self.selected()
        if alarm is None or alarm.status not in (rules.ACKNOWLEDGED, rules.DISPATCHED):
            return None
        dialog = NoteDialog(
            self.desk,
            self.tasks,
            self._actor,
            title=self.tr("处置完毕：{name}").format(name=alarm.wearer_name),
            prompt=self.tr("写明处置结果（必填）：老人情况如何，谁到了现场，是否送医或误报。"),
            field="outcome",
            field_label=self.tr("处置结果"),
            max_chars=rules.MAX_OUTCOME_CHARS,
            make_call=lambda outcome: bind(handling.resolve, self.desk, self._actor, alarm.id, outcome),
            multiline=True,
            confirm=self.tr("确认这条报警已处置完毕？处置完毕后不能再更改。"),
            save_text=self.tr("处置完毕"),
            parent=self,
        )
        return self._open(dialog)

    def _open(self, dialog: NoteDialog) -> NoteDialog:
        self.dialog = dialog
        dialog.saved.connect(self._moved)
        dialog.open()
        return dialog

    def _moved(self, alarm: AlarmView) -> None:
        self.status_label.setText(
            self.tr("{name}的报警：{state}").format(name=alarm.wearer_name, state=label("state", alarm.status))
        )
        self._select_next = alarm.id
        self.refresh()
        self.changed.emit()

    def _refused(self, error: BaseException) -> None:
        if not isinstance(error, DeskError):
            raise error
        self.status_label.setText(self.tr("未能变更：{reason}").format(reason=refusal_text(error)))
        self.refresh()  # another desk may have answered first: show what is so now
        self.changed.emit()
