"""The banner over every page of the window: impossible to overlook while an alarm waits.

- One loud row per alarm nobody has answered yet (white on red, the words 待接警 with it, never
  colour alone): the wearer, what happened, when it was raised, how long it has waited — the
  seconds tick in front of the clerk — and 「迟到」 for an alarm that reached this desk late
  (raised while the alarm stream was down, received after it came back); 查看 opens it on the
  平安手环 page. More than `MAX_ROWS` at once: the rest are counted in one line.
- While the desk is locked (or the idle lock came), one row says only how many alarms wait, with
  no name or place, and asks for a login: the desk keeps listening and ringing while nobody is
  logged in — an unattended PC is exactly when an alarm must not go unheard.
- While the alarm stream is down, a permanent bar 「报警通道中断」 (black on yellow: another kind
  of alarm) says since when and why; it goes only when the stream is back.

The banner holds no data of its own: the console hands it the alarms and the stream's state."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mediation_desk.alarms.dto import AlarmView, WaitingAlarms
from mediation_desk.gui.large_text import SUBHEADING, enlarge
from mediation_desk.gui.pages.alarms_common import (
    ALARM_STYLE,
    ALARM_TEXT,
    DOWN_STYLE,
    duration_text,
    kinds_text,
    moment_text,
    several_villages,
)

MAX_ROWS = 2  # rows of their own (the page lists them all): room is kept for the page on 1366×768
TICK_MS = 1000


class AlarmRow(QFrame):
    open_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.alarm_id = ""
        self.setStyleSheet(f"AlarmRow {{ {ALARM_STYLE} }} QLabel {{ {ALARM_TEXT} }}")
        self.setAutoFillBackground(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        self.text = QLabel(self)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        enlarge(SUBHEADING, self.text)
        layout.addWidget(self.text, 1)
        self.open_button = QPushButton(self.tr("查看"), self)
        self.open_button.setAccessibleName(self.tr("查看报警"))
        enlarge(SUBHEADING, self.open_button)
        layout.addWidget(self.open_button)
        self.open_button.clicked.connect(lambda: self.open_requested.emit(self.alarm_id))

    def show_alarm(self, alarm: AlarmView, now: dt.datetime, with_village: bool = False) -> None:
        self.alarm_id = alarm.id
        waited = duration_text((now - alarm.raised_at).total_seconds())
        who = f"{alarm.village} {alarm.wearer_name}" if with_village and alarm.village else alarm.wearer_name
        text = self.tr("待接警　{who}　{kinds}　{at} 报警　已等待 {waited}").format(
            who=who, kinds=kinds_text(alarm.kinds), at=moment_text(alarm.raised_at, now), waited=waited
        )
        if alarm.late:
            text += self.tr("　「迟到」")
        if alarm.escalated_at is not None:
            text += self.tr("　已上报镇里")
        self.text.setText(text)
        self.text.setToolTip(text)


class AlarmBanner(QWidget):
    open_requested = Signal(str)  # an alarm's id; "" for the page of all alarms

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.alarms: list[AlarmView] = []
        self.locked_waiting = 0  # alarms waiting while the desk is locked (shown as a count only)
        self.stream_down = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.down_bar = QLabel(self)
        self.down_bar.setStyleSheet(DOWN_STYLE)
        self.down_bar.setWordWrap(True)
        self.down_bar.setAccessibleName(self.tr("报警通道状态"))
        enlarge(SUBHEADING, self.down_bar)
        self.down_bar.hide()
        layout.addWidget(self.down_bar)
        self.rows = [AlarmRow(self) for _ in range(MAX_ROWS)]
        for row in self.rows:
            row.hide()
            row.open_requested.connect(self.open_requested)
            layout.addWidget(row)
        self.more = QFrame(self)
        self.more.setStyleSheet(f"QFrame {{ {ALARM_STYLE} }} QLabel {{ {ALARM_TEXT} }}")
        more_layout = QHBoxLayout(self.more)
        more_layout.setContentsMargins(8, 2, 8, 2)
        self.more_text = QLabel(self.more)
        more_layout.addWidget(self.more_text, 1)
        self.all_button = QPushButton(self.tr("全部报警"), self.more)
        more_layout.addWidget(self.all_button)
        self.all_button.clicked.connect(lambda: self.open_requested.emit(""))
        self.more.hide()
        layout.addWidget(self.more)
        self.ticker = QTimer(self)
        self.ticker.setInterval(TICK_MS)
        self.ticker.timeout.connect(self._tick)
        self.hide()

    def set_alarms(self, waiting: Sequence[AlarmView]) -> None:
        """The alarms nobody has answered yet, oldest first."""
        self.locked_waiting = 0
        self.all_button.show()
        self.alarms = list(waiting)
        if self.alarms:
            self.ticker.start()
        else:
            self.ticker.stop()
        self._tick()

    def show_stream_state(self, state: Any) -> None:
        """The alarm stream's state (sync.alarm_stream.StreamState): down → the bar, back → gone.
        A desk not enrolled with a district has no stream: nothing is said about it."""
        down = bool(getattr(state, "enrolled", False)) and not getattr(state, "connected", False)
        since: dt.datetime | None = getattr(state, "down_since", None)
        self.stream_down = down
        if down:
            text = self.tr("报警通道中断：新的手环报警可能收不到，请电话联系镇里，并检查网络。")
            if since is not None:
                text += self.tr("（自 {at} 起）").format(at=moment_text(since))
            reason = getattr(state, "reason", None)
            if reason:
                text += self.tr("原因：{reason}").format(reason=reason)
            self.down_bar.setText(text)
        self.down_bar.setVisible(down)
        self._update_visibility()

    def show_locked(self, waiting: WaitingAlarms) -> None:
        """The desk is locked: how many alarms wait, nothing of whom (no button: log in first)."""
        self.set_alarms([])
        self.locked_waiting = waiting.count
        if waiting.count:
            self.more_text.setText(
                self.tr("有 {count} 条平安手环报警待接警，请立即登录处置").format(count=waiting.count)
            )
        self.all_button.hide()
        self.more.setVisible(waiting.count > 0)
        self._update_visibility()

    def clear(self) -> None:
        """Nothing to show (the desk locked, the window closing)."""
        self.stream_down = False
        self.down_bar.hide()
        self.set_alarms([])

    def _tick(self) -> None:
        now = dt.datetime.now(dt.UTC)
        with_village = several_villages(self.alarms)
        for row, alarm in zip(self.rows, self.alarms, strict=False):
            row.show_alarm(alarm, now, with_village)
        for index, row in enumerate(self.rows):
            row.setVisible(index < len(self.alarms))
        extra = len(self.alarms) - len(self.rows)
        if extra > 0:
            self.more_text.setText(self.tr("另有 {count} 条报警待接警").format(count=extra))
        self.more.setVisible(extra > 0)
        self._update_visibility()

    def _update_visibility(self) -> None:
        self.setVisible(bool(self.alarms) or self.locked_waiting > 0 or self.stream_down)

    def row_texts(self) -> list[str]:
        """What the visible rows say (for a reader of the screen, and tests)."""
        texts = [row.text.text() for row in self.rows if not row.isHidden()]
        return texts + ([self.more_text.text()] if self.locked_waiting else [])
