"""District sync for the window: rounds of `sync.api.sync_once` on a thread of their own, every
few minutes and on demand, one at a time, with progress; the desk's sync status kept fresh.

Why not on the desk worker (gui/tasks.py): a first sync, or a slow line, keeps a round busy for
minutes, and the clerk's saves must not queue behind it. The round uses the same `Desk` from its
own thread — the desk's engines give each thread its own SQLite connection; WAL lets reads run
beside a write, and every write (the round's, one per batch; the clerk's, one per action) opens
BEGIN IMMEDIATE and waits its turn, so neither side holds the other up longer than one batch.
Network calls that are not rounds (enrollment, a town taking a case over) run on this thread
too, never on the desk worker and never on the UI thread. Status reads are plain database reads:
they go through the desk worker like every other read of the window.

The session's secrets (`core/session.py`): a lock (Ctrl+L, idleness) wipes the data key and the
device token together, on the desk worker, whatever a round is doing. A round is handed the desk
and a mark of its session taken on the UI thread when it starts (`DeskSession.mark`); the round
itself reads the token and the key through the session, whose guard makes each read whole
against a lock coming from another thread. The token is read on the sync thread, never here:
asking the OS keyring may wait on the keyring's own unlock prompt. A lock during a round wipes
the very key object a batch is building a case file with (`Vault.wipe`), so the file fails — the
round ends calmly, nothing of that batch is sent — instead of going up without the parties'
contact details; the mark tells the round it was stopped by a lock (`RoundOutcome.locked`), and
after the next login the file goes up whole. The key is never copied. A desk locked before the
round begins simply holds its case files back (`SyncReport.held`); its token, if the OS keyring
has it, is fetched for the round and not kept."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal

from mediation_desk.core.session import SessionMark
from mediation_desk.desk import Desk
from mediation_desk.errors import DeskError
from mediation_desk.gui.sync_schedule import (
    DEFAULT_INTERVAL_S,
    FIRST_ROUND_AFTER_S,
    checked_interval,
    next_round_after,
)
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.sync import api as sync_api

log = logging.getLogger(__name__)

STATUS_POLL_S = 60.0  # another process (the command line) may sync the same desk
STATUS_SETTLE_MS = 800  # after the desk worker goes idle: one status read for a burst of saves
# The window's rounds give up on an unreachable server sooner than the command line: the next
# automatic round tries again anyway, and closing the window waits for a round in progress.
WINDOW_OPTIONS = sync_api.TransportOptions(
    connect_timeout=5.0, timeout=60.0, attempts=2, backoff_first=0.5, backoff_max=2.0
)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class RoundCancelled(Exception):
    """Raised inside a round (at its next batch) when the window stops it."""


@dataclass(frozen=True)
class RoundOutcome:
    """How one round ended, for the status widget and the sync page."""

    automatic: bool
    report: sync_api.SyncReport | None = None  # the round ran (online or not)
    error: BaseException | None = None  # it could not run or stopped: why
    cancelled: bool = False  # the window stopped it
    locked: bool = False  # the desk was locked during the round: it stopped, files wait for a login

    @property
    def refused(self) -> bool:
        return isinstance(self.error, sync_api.DeviceRefused)


class SyncWorker(QObject):
    """Runs the desk's district sync off the UI thread; all signals arrive on the UI thread."""

    round_started = Signal(bool)  # automatic?
    progress = Signal(int, int, str)  # done, total (-1: not known), stage "push" | "pull"
    round_finished = Signal(object)  # RoundOutcome
    status_changed = Signal(object)  # sync.api.SyncStatus
    _delivered = Signal(object)  # (future, on_done, on_error, owners), from the sync thread
    _progressed = Signal(int, int, str)

    def __init__(
        self,
        desk: Desk,
        tasks: TaskManager,
        *,
        interval_s: float = DEFAULT_INTERVAL_S,
        options: sync_api.TransportOptions = WINDOW_OPTIONS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = tasks
        self.options = options
        self.status: sync_api.SyncStatus | None = None
        self.last_outcome: RoundOutcome | None = None
        self._interval_s = checked_interval(interval_s)
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="district-sync")
        self._cancel = threading.Event()
        self._round: Future[Any] | None = None
        self._calls = 0  # network calls queued or running on the sync thread (rounds included)
        self._started = self._stopped = False
        self._status_in_flight = False
        self._delivered.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._progressed.connect(self.progress, Qt.ConnectionType.QueuedConnection)
        self.round_timer = QTimer(self)
        self.round_timer.setSingleShot(True)
        self.round_timer.timeout.connect(self._automatic_round)
        self.status_timer = QTimer(self)
        self.status_timer.setInterval(int(STATUS_POLL_S * 1000))
        self.status_timer.timeout.connect(self.refresh_status)
        self._settle_timer = QTimer(self)
        self._settle_timer.setSingleShot(True)
        self._settle_timer.setInterval(STATUS_SETTLE_MS)
        self._settle_timer.timeout.connect(self.refresh_status)
        tasks.busy_changed.connect(self._desk_worker_busy)

    # ---- life ---------------------------------------------------------------------------------

    def start(self, first_round_after_s: float = FIRST_ROUND_AFTER_S) -> None:
        """Read the status now; the first automatic round after `first_round_after_s`, then every
        interval (counted from the end of the round before)."""
        if self._stopped or self._started:
            return
        self._started = True
        self.status_timer.start()
        self.refresh_status()
        self._schedule(first_round_after_s)

    def stop(self) -> None:
        """The window closes: no more rounds; a round in progress stops at its next batch (what
        it recorded stays recorded: sync is safe to interrupt) and is waited for."""
        if self._stopped:
            return
        self._stopped = True
        self.round_timer.stop()
        self.status_timer.stop()
        self._settle_timer.stop()
        self._cancel.set()
        self._thread.shutdown(wait=True, cancel_futures=True)

    @property
    def stopped(self) -> bool:
        return self._stopped

    @property
    def interval_s(self) -> float:
        return self._interval_s

    def set_interval(self, seconds: float) -> None:
        """A new interval for the automatic rounds, counted from now."""
        self._interval_s = checked_interval(seconds)
        if self._started and not self._stopped and not self.running:
            self._schedule(self._interval_s)

    # ---- rounds -------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        """A round is queued or in progress."""
        return self._round is not None

    @property
    def busy(self) -> bool:
        """Anything of this worker is still under way: a round, a network call or a status read."""
        return self._calls > 0 or self._status_in_flight

    def sync_now(self) -> bool:
        """Start a round now (立即同步); False when one is already under way or the worker stopped."""
        return self._start_round(automatic=False)

    def cancel_round(self) -> None:
        """Stop the round in progress at its next batch."""
        if self.running:
            self._cancel.set()

    def _automatic_round(self) -> None:
        status = self.status
        if status is not None and (not status.enrolled or status.refused or status.token is None):
            self._schedule(self._interval_s)  # nothing to do until someone enrolls or gives the token
            return
        if not self._start_round(automatic=True):
            self._schedule(self._interval_s)

    def _start_round(self, *, automatic: bool) -> bool:
        if self._stopped or self.running:
            return False
        self.round_timer.stop()
        self._cancel.clear()
        mark = self.desk.session.mark()  # here, on the UI thread: the session as the round begins
        self._round = self._submit(self._run_round, automatic, mark, on_done=self._round_done)
        self.round_started.emit(automatic)
        return True

    def _run_round(self, automatic: bool, mark: SessionMark) -> tuple[RoundOutcome, sync_api.SyncStatus | None]:
        """On the sync thread: one round, then the status as it left it. `mark`: the desk's
        session when the round was started, to tell a lock during the round from a failure."""
        session = self.desk.session
        try:
            outcome = RoundOutcome(
                automatic, report=sync_api.sync_once(self.desk, progress=self._round_progress, options=self.options)
            )
        except RoundCancelled:
            outcome = RoundOutcome(automatic, cancelled=True)
        except DeskError as refused:  # not enrolled, token refused or missing, TLS, out of scope
            outcome = RoundOutcome(
                automatic,
                error=refused,
                locked=session.locked_since(mark) and not isinstance(refused, sync_api.SyncError),
            )
        except Exception as failure:  # whatever it is, a round never takes the window down
            locked = session.locked_since(mark)
            if locked:
                log.info("sync round stopped: the desk was locked during it (%s)", type(failure).__name__)
            else:
                log.error("sync round failed", exc_info=failure)
            outcome = RoundOutcome(automatic, error=failure, locked=locked)
        try:
            status = sync_api.sync_status(self.desk)
        except Exception:  # the next status read will tell
            log.exception("sync status unreadable after a round")
            status = None
        return outcome, status

    def _round_progress(self, done: int, total: int | None, stage: str) -> None:
        """Called by the round between batches (on the sync thread): where it stops if asked to."""
        if self._cancel.is_set():
            raise RoundCancelled()
        self._progressed.emit(done, -1 if total is None else total, stage)

    def _round_done(self, result: tuple[RoundOutcome, sync_api.SyncStatus | None]) -> None:
        outcome, status = result
        self._round = None
        self.last_outcome = outcome
        if status is not None:
            self._set_status(status)
        self.round_finished.emit(outcome)
        if self._started and not self._stopped:
            self._schedule(self._next_round_after(outcome))

    def _next_round_after(self, outcome: RoundOutcome) -> float:
        waited = outcome.report.retry_after_s if outcome.report is not None else None
        return next_round_after(self._interval_s, locked=outcome.locked, retry_after_s=waited)

    def _schedule(self, seconds: float) -> None:
        if not self._stopped:
            self.round_timer.start(max(0, int(seconds * 1000)))

    # ---- other network calls ------------------------------------------------------------------

    def call(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Done | None = None,
        on_error: Failed | None = None,
        owner: QObject | None = None,
        **kwargs: Any,
    ) -> bool:
        """Run `fn(*args, **kwargs)` on the sync thread (after a round in progress); the result or
        the error comes back on the UI thread, unless `owner` is gone. False once stopped."""
        if self._stopped:
            return False
        self._submit(fn, *args, on_done=on_done, on_error=on_error, owner=owner, **kwargs)
        return True

    def enroll(
        self,
        actor: Any,
        server_url: str,
        code: str,
        ca_bundle: str | None,
        *,
        on_done: Done | None = None,
        on_error: Failed | None = None,
        owner: QObject | None = None,
    ) -> bool:
        """Exchange a one-time code for this desk's token (sync.api.enroll); a first round follows."""

        def enrolled(view: sync_api.EnrollmentView) -> None:
            self.refresh_status()
            if on_done is not None:
                on_done(view)
            self._start_round(automatic=True)

        return self.call(
            sync_api.enroll,
            self.desk,
            actor,
            server_url,
            code,
            ca_bundle=ca_bundle or None,
            options=self.options,
            on_done=enrolled,
            on_error=on_error,
            owner=owner,
        )

    def use_token(self, token: str, *, on_done: Done | None = None, owner: QObject | None = None) -> bool:
        """A device token typed by the clerk (no secure keyring): used until the window closes."""

        def taken(_: Any) -> None:
            self.refresh_status()
            if on_done is not None:
                on_done(None)

        return self.call(sync_api.use_token_for_session, self.desk, token, on_done=taken, owner=owner)

    def _submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Done | None = None,
        on_error: Failed | None = None,
        owner: QObject | None = None,
        **kwargs: Any,
    ) -> Future[Any]:
        owners = [
            o for o in [owner] + [getattr(cb, "__self__", None) for cb in (on_done, on_error)] if isinstance(o, QObject)
        ]
        self._calls += 1
        future = self._thread.submit(fn, *args, **kwargs)
        future.add_done_callback(lambda f: self._delivered.emit((f, on_done, on_error, owners)))
        return future

    def _deliver(self, item: tuple[Future[Any], Done | None, Failed | None, list[QObject]]) -> None:
        future, on_done, on_error, owners = item
        self._calls -= 1
        if future is self._round and future.cancelled():
            self._round = None
        if future.cancelled() or not all(shiboken6.isValid(o) for o in owners):
            return
        error = future.exception()
        if error is None:
            if on_done is not None:
                on_done(future.result())
        elif on_error is not None:
            on_error(error)
        elif isinstance(error, DeskError):
            log.info("sync call refused: %s", type(error).__name__)
        else:
            raise error

    # ---- status -------------------------------------------------------------------------------

    def refresh_status(self) -> None:
        """Read the sync status again (on the desk worker); `status_changed` follows."""
        if self._stopped or self._status_in_flight:
            return
        try:
            self.tasks.run(
                sync_api.sync_status, self.desk, on_done=self._status_read, on_error=self._status_failed, owner=self
            )
        except RuntimeError:  # the window is closing: its task manager has shut down
            return
        self._status_in_flight = True

    def _status_read(self, status: sync_api.SyncStatus) -> None:
        self._status_in_flight = False
        self._set_status(status)

    def _status_failed(self, error: BaseException) -> None:
        self._status_in_flight = False
        log.warning("sync status unreadable: %s", type(error).__name__)

    def _set_status(self, status: sync_api.SyncStatus) -> None:
        self.status = status
        self.status_changed.emit(status)

    def _desk_worker_busy(self, busy: bool) -> None:
        # The desk worker went idle: something may have been saved (a new outbox op). The read of
        # the status itself also ends in an idle worker — that one needs no second read.
        if not busy and not self._status_in_flight and self._started and not self._stopped:
            self._settle_timer.start()
