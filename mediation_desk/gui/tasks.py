"""One task helper for the window, in the manner of Anki's taskman.

Desk (database) work runs on ONE worker thread, so service calls never overlap and the data key
is never wiped under a running call; results and errors come back on the main thread through a
queued signal, so callbacks may touch widgets and the worker never does. Without `on_error`, an
error is raised again on the main thread, where the global exception hook reports it.

A result whose widget has gone meanwhile (a window closed while its page was loading) is dropped:
the owner is the object of a bound-method callback, or the `owner` given."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal

from mediation_desk.errors import DeskError

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class TaskManager(QObject):
    busy_changed = Signal(bool)
    _finished = Signal(object)  # (future, on_done, on_error), emitted from the worker

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._desk_worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="desk")
        self._pending = 0
        self._closed = False
        # Queued even when the task finished before `run` returned: callbacks always arrive
        # later, from the event loop, never in the middle of the caller's code.
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Done | None = None,
        on_error: Failed | None = None,
        owner: QObject | None = None,
        **kwargs: Any,
    ) -> Future[Any]:
        """Run `fn(*args, **kwargs)` on the desk worker; then `on_done(result)` or
        `on_error(exception)` on the main thread, unless `owner` has been deleted by then."""
        if self._closed:
            raise RuntimeError("the task manager has been shut down")
        owners = [owner] + [getattr(cb, "__self__", None) for cb in (on_done, on_error)]
        qt_owners = [o for o in owners if isinstance(o, QObject)]
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        future = self._desk_worker.submit(fn, *args, **kwargs)
        future.add_done_callback(lambda f: self._finished.emit((f, on_done, on_error, qt_owners)))
        return future

    def _deliver(self, item: tuple[Future[Any], Done | None, Failed | None, list[QObject]]) -> None:
        future, on_done, on_error, owners = item
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)
        if future.cancelled():  # dropped at shutdown: nobody waits for it any more
            return
        error = future.exception()
        if not all(shiboken6.isValid(o) for o in owners):
            if error is not None and not isinstance(error, DeskError):
                log.error("error in a task whose window is gone", exc_info=error)
            return
        if error is None:
            if on_done is not None:
                on_done(future.result())
        elif on_error is not None:
            on_error(error)
        else:
            raise error

    def shutdown(self) -> None:
        """Wait for the running task (a write half done must finish) and stop the worker."""
        self._closed = True
        self._desk_worker.shutdown(wait=True, cancel_futures=True)
