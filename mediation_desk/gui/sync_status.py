"""The sync state in the status bar: online or offline (or 未登记), ops waiting to go up, the last
successful sync in Beijing time and the sync problems waiting for the clerk; a bar while a large
round runs. Clicking it (or Space/Enter on it) asks for the 同步 page."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QToolButton, QWidget

from mediation_desk.core.uow import CHINA
from mediation_desk.gui.sync_worker import RoundOutcome, SyncWorker
from mediation_desk.sync import api as sync_api

LARGE_ROUND = 200  # items: from here on a round shows a progress bar
GREEN, GREY, RED = "color: #1b6e20;", "color: #555555;", "color: #b00020;"


def beijing_time(when: dt.datetime | None, now: dt.datetime | None = None) -> str | None:
    """ "今天 14:05" or "2026-11-27 14:05" in Beijing time; None for never."""
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)  # stored in UTC
    local = when.astimezone(CHINA)
    today = (now or dt.datetime.now(dt.UTC)).astimezone(CHINA).date()
    return local.strftime("%H:%M") if local.date() == today else local.strftime("%Y-%m-%d %H:%M")


class SyncStatusWidget(QWidget):
    open_requested = Signal()  # show the 同步 page

    def __init__(self, worker: SyncWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.button = QToolButton(self)
        self.button.setObjectName("syncStatusButton")
        self.button.setAutoRaise(True)
        self.button.clicked.connect(self.open_requested)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("syncProgressBar")
        self.bar.setMaximumWidth(140)
        self.bar.setTextVisible(True)
        self.bar.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.button)
        layout.addWidget(self.bar)
        self.progress_text = ""
        worker.status_changed.connect(self.show_status)
        worker.round_started.connect(self._round_started)
        worker.progress.connect(self._progress)
        worker.round_finished.connect(self._round_finished)
        self.show_status(worker.status)

    @property
    def text(self) -> str:
        return self.button.text()

    # ---- what the worker says -----------------------------------------------------------------

    def _round_started(self, _automatic: bool) -> None:
        self.progress_text = self.tr("正在同步…")
        self.show_status(self.worker.status)

    def _progress(self, done: int, total: int, stage: str) -> None:
        if stage == "push":
            self.progress_text = self.tr("正在推送 {done}/{total}").format(done=done, total=total)
        else:
            self.progress_text = self.tr("正在拉取，已收到 {done} 条").format(done=done)
        large = total >= LARGE_ROUND or done >= LARGE_ROUND
        if large:
            if total > 0:
                self.bar.setRange(0, total)
                self.bar.setValue(min(done, total))
            else:
                self.bar.setRange(0, 0)  # how much is coming is not known: a busy bar
            self.bar.show()
        self.show_status(self.worker.status)

    def _round_finished(self, _outcome: RoundOutcome) -> None:
        self.progress_text = ""
        self.bar.hide()
        self.show_status(self.worker.status)

    # ---- the text -----------------------------------------------------------------------------

    def show_status(self, status: sync_api.SyncStatus | None) -> None:
        state, style = self.state_text(status)
        parts = [self.tr("区同步：{state}").format(state=state)]
        if status is not None and status.enrolled:
            parts.append(self.tr("待推送 {count}").format(count=status.pending_ops))
            last = beijing_time(status.last_success)
            parts.append(self.tr("上次成功 {at}").format(at=last) if last else self.tr("从未成功同步"))
            if status.open_issues:
                parts.append(self.tr("同步问题 {count}").format(count=status.open_issues))
                style = RED
        self.button.setText(" · ".join(parts))
        self.button.setStyleSheet(style)
        self.button.setToolTip(self.tool_tip(status))
        self.button.setAccessibleName(self.button.text())

    def state_text(self, status: sync_api.SyncStatus | None) -> tuple[str, str]:
        if self.worker.running:
            return self.progress_text or self.tr("正在同步…"), GREY
        if status is None:
            return self.tr("读取中…"), GREY
        if status.refused:
            return self.tr("授权已撤销，须重新登记"), RED
        if not status.enrolled:
            return self.tr("未登记"), GREY
        if status.token is None:
            return self.tr("须输入设备令牌"), RED
        if status.online is None:
            return self.tr("尚未同步"), GREY
        return (self.tr("在线"), GREEN) if status.online else (self.tr("离线"), RED)

    def tool_tip(self, status: sync_api.SyncStatus | None) -> str:
        if status is None or not status.enrolled:
            return self.tr("本机尚未登记到区社会治理中心。点击打开「同步」页办理登记。")
        lines = [self.tr("服务器：{url}").format(url=status.server_url or "")]
        if status.last_attempt is not None:
            lines.append(self.tr("上次尝试：{at}").format(at=beijing_time(status.last_attempt)))
        if status.last_error:
            lines.append(self.tr("上次未成功：{reason}").format(reason=status.last_error))
        lines.append(self.tr("点击打开「同步」页"))
        return "\n".join(lines)
