"""Qt's Python classes made ahead, in small turns, while the password is typed.

PySide makes the Python class of a Qt type, and that class's enums, when they are first needed.
Once the desk's worker has imported the window's modules (`flow.DeskOpening.open`), the first
object the event loop hands the program after that made every class of those modules that it
might have to tell apart — a hundred enums and more at once, 30–60 ms of the UI thread that fell
on the window's first paint right after the login. Made here instead, a few milliseconds a turn
of the event loop, between the keys a person types; the login stops it where it got to (what is
left is made when needed, as before)."""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Iterator
from types import ModuleType

from PySide6.QtCore import QObject, QTimer

TURN_S = 0.004  # the UI thread's share a turn: far below what a person typing would notice


class QtWarmUp(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._names = _qt_names()
        self.finished = False  # every name made
        self._timer = QTimer(self)
        self._timer.setInterval(0)  # whenever the event loop has nothing else to do
        self._timer.timeout.connect(self._turn)

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _turn(self) -> None:
        ends = time.perf_counter() + TURN_S
        for module, name in self._names:
            getattr(module, name, None)  # the class (and its enums) made now, if not already
            if time.perf_counter() >= ends:
                return
        self._timer.stop()
        self.finished = True
        gc.freeze()  # the classes made are the program's for good: left out of the collector's walks too


def _qt_names() -> Iterator[tuple[ModuleType, str]]:
    """Every name of the Qt modules imported so far (read when the turns reach each module)."""
    for key in sorted(k for k in sys.modules if k.startswith("PySide6.Qt")):
        module = sys.modules.get(key)
        if module is not None:
            for name in dir(module):
                yield module, name
