"""Auto-lock on idle: key presses and clicks anywhere in the application count as activity
(an application event filter); a timer asks `privacy.idle_lock.IdleLock` whether to lock."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from mediation_desk.gui.tasks import TaskManager
from mediation_desk.privacy.idle_lock import IdleLock

CHECK_INTERVAL_MS = 5_000
ACTIVITY = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel, QEvent.Type.TouchBegin})


class IdleWatcher(QObject):
    """Emits `locked` after IdleLock has locked the desk for idleness."""

    locked = Signal()

    def __init__(self, idle_lock: IdleLock, tasks: TaskManager, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.idle_lock = idle_lock
        self.tasks = tasks
        self._checking = False
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY:
            self.idle_lock.touch()
        return False

    def _tick(self) -> None:
        if self._checking or self.idle_lock.desk.vault is None or self.idle_lock.remaining() > 0:
            return
        # The lock itself runs on the desk worker, after any service call in progress: the key
        # is never wiped under a running unit of work.
        self._checking = True
        self.tasks.run(self.idle_lock.check, on_done=self._checked, on_error=self._check_failed)

    def _checked(self, locked_now: bool) -> None:
        self._checking = False
        if locked_now:
            self.locked.emit()

    def _check_failed(self, error: BaseException) -> None:
        self._checking = False
        raise error
