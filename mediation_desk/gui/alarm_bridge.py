"""The alarm stream (`sync/alarm_stream.py`) for the window: its callbacks, which run on the
stream's own thread, become signals delivered on the UI thread (queued), where the window reads
the alarms with `alarms.handling` and shows the state of the stream.

The window stops the bridge (which waits for the stream's thread) before it goes; a callback
that comes after the bridge was deleted anyway is dropped."""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal

from mediation_desk.desk import Desk
from mediation_desk.sync.alarm_stream import DEFAULT_OPTIONS, AlarmStream, StreamOptions, StreamState

log = logging.getLogger(__name__)


class AlarmBridge(QObject):
    alarmsArrived = Signal(list, bool)  # ids of alarms / device tasks stored, came late?
    stateChanged = Signal(object)  # StreamState
    _arrived = Signal(list, bool)  # from the stream's thread
    _changed = Signal(object)

    def __init__(self, parent: QObject | None = None, *, options: StreamOptions = DEFAULT_OPTIONS) -> None:
        super().__init__(parent)
        self.options = options
        self.state: StreamState | None = None  # the last one delivered on the UI thread
        self._stream: AlarmStream | None = None
        queued = Qt.ConnectionType.QueuedConnection
        self._arrived.connect(self._deliver_alarms, queued)
        self._changed.connect(self._deliver_state, queued)

    @property
    def running(self) -> bool:
        return self._stream is not None and self._stream.running

    def start(self, desk: Desk) -> None:
        """Start listening for the desk's alarms (again, after `stop`); a bridge serves one desk."""
        if self._stream is not None:
            return
        self._stream = AlarmStream(desk, self._from_stream_alarms, self._from_stream_state, options=self.options)
        self._stream.start()

    def stop(self, timeout: float = 5.0) -> bool:
        """Stop the stream and wait for its thread (the window closes, or the desk locks for good)."""
        stream, self._stream = self._stream, None
        return stream.stop(timeout) if stream is not None else True

    def wake(self) -> None:
        """Connect again now: the desk was just enrolled, or its token typed."""
        if self._stream is not None:
            self._stream.wake()

    # ---- from the stream's thread -------------------------------------------------------------

    def _from_stream_alarms(self, ids: list[str], late: bool) -> None:
        if shiboken6.isValid(self):
            self._arrived.emit(list(ids), late)

    def _from_stream_state(self, state: StreamState) -> None:
        if shiboken6.isValid(self):
            self._changed.emit(state)

    # ---- on the UI thread -----------------------------------------------------------------------

    def _deliver_alarms(self, ids: list[str], late: bool) -> None:
        self.alarmsArrived.emit(ids, late)

    def _deliver_state(self, state: StreamState) -> None:
        self.state = state
        self.stateChanged.emit(state)
