"""The alarm stream: the district's alarms and device tasks pushed to the desk as they happen.

A plain thread (no Qt; the window wraps it in `gui/alarm_bridge.py`) holds one long-lived GET of
`rules.STREAM_PATH` (server-sent events, read by `alarm_events.py`) with the desk's own server
address, TLS settings and device token (`sync_round.ready_client`). Each batch of changes is
applied like a pull page (`sync.apply.apply_page`, where the alarms capability's pull handler
stores them) together with the stream's own cursor (`CURSOR`, apart from the pull's: a round and
the stream may run at once) in one desk transaction, and only then handed to `on_alarms`.

A silent stream is a dead one: the district sends a keep-alive at least every
`STREAM_KEEPALIVE_S`, so no byte for `STREAM_DEAD_AFTER_S` means the line is gone even when no
error says so. Whatever stops the stream — the server down, the line dead, a refusal — is told
at once through `on_state` (down since when, and why), and the thread keeps trying (capped
exponential backoff with jitter, so a district restart is not met by every village in the same
second) until `stop()`. Reconnecting asks for what came after the cursor: what was raised while
the stream was down arrives marked late.

The stream is the fast path, not the only one: a change it cannot read (a garbled event) is
dropped with a warning, and the next sync round's pull, which has a cursor of its own, brings it."""

from __future__ import annotations

import datetime as dt
import logging
import random
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx
from sqlalchemy.orm import Session

from mediation_desk.alarms import pulled, rules
from mediation_desk.core import sync_contract as contract
from mediation_desk.desk import Desk
from mediation_desk.storage.base import utcnow
from mediation_desk.sync import apply, state
from mediation_desk.sync.alarm_events import EventReader, SseEvent, read_change, read_head
from mediation_desk.sync.errors import (
    DeviceRefused,
    NotEnrolled,
    OutOfScope,
    RateLimited,
    ServerFailure,
    SyncError,
    TlsFailure,
    TokenMissing,
)
from mediation_desk.sync.push import SYNC_ACTOR
from mediation_desk.sync.sync_round import drop_refused_token, ready_client, renew_token_if_due
from mediation_desk.sync.transport import DistrictClient, TransportOptions

log = logging.getLogger(__name__)

CURSOR = "alarm_stream_cursor"  # the feed seq up to which the stream has stored every change
NOT_ENROLLED = "not_enrolled"
DEAD = "stream_dead"  # nothing came for STREAM_DEAD_AFTER_S
CLOSED = "stream_closed"  # the district ended the stream


@dataclass(frozen=True)
class StreamState:
    """What the window shows of the stream: connected, or down since when and why. `code` is a
    short machine name of the reason (`SyncError.code`, NOT_ENROLLED, DEAD, CLOSED)."""

    enrolled: bool
    connected: bool
    down_since: dt.datetime | None
    reason: str | None
    code: str | None = None


@dataclass(frozen=True)
class StreamOptions:
    dead_after_s: float = rules.STREAM_DEAD_AFTER_S
    backoff_first_s: float = 1.0  # the first reconnect; doubling per failure up to backoff_max_s
    backoff_max_s: float = 30.0
    refused_retry_s: float = 300.0  # token refused or missing: only a person can mend it
    not_enrolled_recheck_s: float = 60.0  # enrollment from the command line wakes nobody
    batch: int = 500  # changes of a catch-up stored per transaction
    transport: TransportOptions = field(default_factory=lambda: TransportOptions(attempts=2, backoff_first=0.5))


DEFAULT_OPTIONS = StreamOptions()
OnAlarms = Callable[[list[str], bool], None]
OnState = Callable[[StreamState], None]


# ---- storing a batch ---------------------------------------------------------------------------


def stored_cursor(desk: Desk) -> int:
    with desk.read() as s:
        return _cursor_in(s)


def _cursor_in(s: Session) -> int:
    text = state.get(s, CURSOR) or "0"
    return int(text) if text.isascii() and text.isdigit() else 0


def reset_cursor(desk: Desk) -> None:
    """The district's feed is behind the cursor (its database went back to a backup): read it again
    from the start; a change applied twice changes nothing."""
    with desk.write(SYNC_ACTOR) as uow:
        state.put(uow.session, CURSOR, "0")
        uow.audit("sync.alarm_stream_restart", "desk", None, why="district_restored")


def store_batch(desk: Desk, changes: list[contract.Change], late: bool, cursor: int) -> list[str]:
    """Apply the changes the cursor has not passed and move the cursor to `cursor`, in one
    transaction; returns the ids of the alarms and device tasks of this desk among them."""
    with desk.write(SYNC_ACTOR) as uow:
        s = uow.session
        held = _cursor_in(s)
        settings = state.load(s)
        fresh = [c for c in changes if c.seq > held and c.entity in rules.STREAM_ENTITIES]
        fresh = [c for c in fresh if _in_scope(c, settings.committee_code, settings.scope)]
        ids = list(dict.fromkeys(c.entity_id for c in fresh))
        if fresh:
            apply.apply_page(uow, fresh, committee_code=settings.committee_code, scope=settings.scope, node=desk.node)
            if late:
                pulled.mark_late(uow, [c.entity_id for c in fresh if c.entity == rules.ALARM])
            uow.audit("sync.alarm_stream", "desk", None, changes=len(fresh), late=late, cursor=max(cursor, held))
        if cursor > held:
            state.put(s, CURSOR, str(cursor))
    return ids


def _in_scope(change: contract.Change, committee_code: str | None, scope: str | None) -> bool:
    # The same rule as apply_page's: a committee's desk takes its own committee's changes only.
    return scope == contract.SCOPE_TOWN or not committee_code or change.committee_code == committee_code


# ---- the stream ---------------------------------------------------------------------------------


class _Interrupted(Exception):
    """stop() or wake() broke the connection on purpose."""


class _CursorAhead(Exception):
    pass


class AlarmStream:
    """The desk's alarm stream on a thread of its own; both callbacks run on that thread."""

    def __init__(
        self, desk: Desk, on_alarms: OnAlarms, on_state: OnState, *, options: StreamOptions = DEFAULT_OPTIONS
    ) -> None:
        self.desk = desk
        self.on_alarms = on_alarms
        self.on_state = on_state
        self.options = options
        self.state: StreamState | None = None  # the last one told
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._guard = threading.Lock()
        self._socket: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._down_since: dt.datetime | None = None
        self._failures = 0

    # ---- life ---------------------------------------------------------------------------------

    def start(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop.clear()
        self.state, self._down_since, self._failures = None, None, 0  # a new start tells afresh
        self._thread = threading.Thread(target=self._run, name="alarm-stream", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> bool:
        """Stop and wait for the thread (True once it has ended)."""
        self._stop.set()
        self._wake.set()
        self._interrupt()
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
            return not thread.is_alive()
        return True

    def wake(self) -> None:
        """Connect again now (the desk was just enrolled, or its token typed)."""
        self._wake.set()
        self._interrupt()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.clear()
            try:
                pause = self._once()
            except Exception:  # the stream must outlive anything one connection meets
                if self._stop.is_set():
                    break
                log.exception("alarm stream failed")
                pause = self._down(ServerFailure("报警通道出错"))
            if pause > 0 and not self._stop.is_set():
                self._wake.wait(pause)

    # ---- one connection ---------------------------------------------------------------------

    def _once(self) -> float:
        """Connect and read until the stream ends; returns how long to wait before the next try."""
        try:
            _, client = ready_client(self.desk, self.options.transport)
        except NotEnrolled as missing:
            self._tell(StreamState(False, False, None, str(missing), NOT_ENROLLED))
            self._down_since, self._failures = None, 0
            return self.options.not_enrolled_recheck_s
        except (DeviceRefused, TokenMissing) as refused:  # only a person mends these: try seldom
            return self._down(refused, self.options.refused_retry_s)
        with client:
            try:
                self._listen(client)
            except _Interrupted:
                return 0
            except _CursorAhead:
                reset_cursor(self.desk)
                return 0
            except DeviceRefused as refused:
                if not drop_refused_token(self.desk, refused, client.token):
                    return 0  # another process of this desk renewed the token: use that one
                return self._down(refused, self.options.refused_retry_s)
            except RateLimited as limited:
                return self._down(limited, float(limited.retry_after_s or self.options.backoff_max_s))
            except (OutOfScope, TlsFailure) as refused:
                return self._down(refused, self.options.refused_retry_s)
            except SyncError as failure:
                if failure.code == contract.ERROR_CURSOR_AHEAD:
                    reset_cursor(self.desk)
                    return 0
                return self._down(failure)
            except httpx.TimeoutException:
                return self._down(_failure(DEAD, f"报警通道 {self.options.dead_after_s:g} 秒没有任何消息，连接已断开"))
            except httpx.HTTPError as broken:
                if self._stop.is_set() or self._wake.is_set():
                    return 0
                log.info("alarm stream broken: %s", type(broken).__name__)
                return self._down(_failure(CLOSED, "与区服务器的报警通道中断"))
            finally:
                self._hold(None)
        if self._stop.is_set() or self._wake.is_set():
            return 0
        return self._down(_failure(CLOSED, "区服务器关闭了报警通道"))

    def _listen(self, client: DistrictClient) -> None:
        after = stored_cursor(self.desk)
        params = {"after": after}
        with client.stream(rules.STREAM_PATH, params=params, read_timeout=self.options.dead_after_s) as response:
            self._hold(response)
            kind = response.headers.get("content-type", "")
            if not kind.startswith("text/event-stream"):
                raise ServerFailure("报警通道的回答不是事件流（区服务器版本过旧？）")
            self._connected()
            renew_token_if_due(self.desk, client)
            reader, batch = EventReader(), _Batch(after)
            for chunk in response.iter_bytes():
                for event in reader.feed(chunk):
                    self._event(event, batch)
                if self._stop.is_set() or self._wake.is_set():
                    raise _Interrupted()
            self._flush(batch)

    def _event(self, event: SseEvent, batch: _Batch) -> None:
        if event.event == rules.STREAM_CHANGE_EVENT:
            read = read_change(event.data)
            if read is None:
                log.warning("alarm stream: an unreadable change dropped (%s)", event.data[:64])
                return
            change, late = read
            if batch.changes and batch.late != late:
                self._flush(batch)
            batch.add(change, late)
            if not late or len(batch.changes) >= self.options.batch:
                self._flush(batch)  # a live alarm goes to the desk at once
        elif event.event == rules.STREAM_READY_EVENT:
            head = read_head(event.data)
            if head is None:
                log.warning("alarm stream: an unreadable ready event dropped (%s)", event.data[:64])
                return
            if head < batch.after:
                raise _CursorAhead()  # the feed went back to a backup without refusing the cursor
            batch.cursor = max(batch.cursor, head)  # nothing else of ours up to the head
            self._flush(batch, force=True)
            self._failures = 0

    def _flush(self, batch: _Batch, *, force: bool = False) -> None:
        if not batch.changes and not (force and batch.cursor > batch.after):
            return
        changes, late, cursor = batch.take()
        ids = store_batch(self.desk, changes, late, cursor)
        if ids:
            try:
                self.on_alarms(ids, late)
            except Exception:  # stored already: the window reads them anyway
                log.exception("alarm stream: on_alarms failed")

    # ---- state ----------------------------------------------------------------------------

    def _connected(self) -> None:
        self._down_since = None
        self._tell(StreamState(True, True, None, None))

    def _down(self, failure: SyncError, pause: float | None = None) -> float:
        """Tell the window the stream is down; returns the pause before the next try."""
        if self._down_since is None:
            self._down_since = utcnow()
        self._tell(StreamState(True, False, self._down_since, str(failure), failure.code))
        if pause is not None:
            return pause
        step = min(self.options.backoff_max_s, self.options.backoff_first_s * 2**self._failures)
        self._failures = min(self._failures + 1, 16)
        return step * random.uniform(0.5, 1.0)  # spread: every village reconnects after a restart

    def _tell(self, news: StreamState) -> None:
        if news == self.state or self._stop.is_set():
            return
        self.state = news
        try:
            self.on_state(news)
        except Exception:  # the window's trouble must not stop the stream
            log.exception("alarm stream: on_state failed")

    # ---- breaking a blocked read from another thread ------------------------------------------

    def _hold(self, response: httpx.Response | None) -> None:
        sock = None
        if response is not None:
            stream = response.extensions.get("network_stream")
            sock = stream.get_extra_info("socket") if stream is not None else None
        with self._guard:
            self._socket = sock if isinstance(sock, socket.socket) else None
        if response is not None and (self._stop.is_set() or self._wake.is_set()):
            self._interrupt()

    def _interrupt(self) -> None:
        # Closing a socket does not wake a thread blocked reading it; shutting it down does. The
        # plain socket's shutdown: a TLS socket's own would pull its state from under the reader.
        with self._guard:
            sock = self._socket
        if sock is not None:
            try:
                socket.socket.shutdown(sock, socket.SHUT_RDWR)
            except OSError:
                pass


@dataclass
class _Batch:
    after: int  # the cursor the stream was opened with
    changes: list[contract.Change] = field(default_factory=list)
    late: bool = False
    cursor: int = 0

    def __post_init__(self) -> None:
        self.cursor = self.after

    def add(self, change: contract.Change, late: bool) -> None:
        self.changes.append(change)
        self.late = late
        self.cursor = max(self.cursor, change.seq)

    def take(self) -> tuple[list[contract.Change], bool, int]:
        taken = (self.changes, self.late, self.cursor)
        self.changes, self.after = [], self.cursor
        return taken


def _failure(code: str, message: str) -> SyncError:
    failure = SyncError(message)
    failure.code = code
    return failure
