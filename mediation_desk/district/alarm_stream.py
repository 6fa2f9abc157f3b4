"""`GET rules.STREAM_PATH`: the alarm stream, server-sent events of alarm and device-task changes.

The same changes a pull brings, in the same scope (a committee's desk: its village; a town's desk:
its villages' town-visible changes), pushed as they commit. First whatever the desk missed since
its cursor (`?after=` or, on an EventSource-style reconnect, `Last-Event-ID`), marked late, then
`ready` with the head, then live changes; a comment line at least every `STREAM_KEEPALIVE_S` so the
desk can tell a quiet stream from a dead one.

Reading follows feed.py: the head first, then only changes up to it, so a change still being
committed is never skipped. The database is the truth: a wake-up (alarm_fanout) only says "look
now", and each stream looks every `RECHECK_S` anyway. All reads run in the threadpool. The
device's token is checked again every `AUTH_RECHECK_S`: a revoked device hears no more alarms.

A stream holds its connection for as long as the desk runs, so they are bounded per process: a
device's newest streams replace its oldest (a desk that reconnected after a silent network failure
must not find its own dead stream in the way), and a village or town gets a fixed number in all."""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import StreamingResponse
from sqlalchemy import select

from mediation_desk.alarms import rules
from mediation_desk.core import sync_contract as contract
from mediation_desk.district import feed, http_errors, tokens
from mediation_desk.district.alarm_fanout import RECHECK_S, Fanout, Subscription
from mediation_desk.district.config import ServerConfig
from mediation_desk.district.db import Database
from mediation_desk.district.enrollment import DeviceScope
from mediation_desk.district.errors import ApiError, bad_request
from mediation_desk.district.models import Change
from mediation_desk.district.ratelimit import RateLimited

log = logging.getLogger(__name__)

MAX_CURSOR = 2**62
PAGE = 500  # changes read per query while catching up (a desk back after a week away)
MAX_STREAMS_PER_DEVICE = 2  # past it the device's oldest stream ends
MAX_STREAMS_PER_SCOPE = 20  # streams of one village (or one town's desks) per server process
AUTH_RECHECK_S = 30.0  # how soon a revoked device's open stream ends
SCOPE_FULL = "本{what}已有 {n} 条报警通道连在这台服务器上，请关掉不用的工作台：{{wait}}后再试"
LAST_EVENT_ID = "Last-Event-ID"
KEEPALIVE = b": keepalive\n\n"
SSE_HEADERS = {
    "Cache-Control": "no-store",
    "X-Accel-Buffering": "no",  # a reverse proxy (nginx) must pass each event on at once
}


@dataclass
class _Stream:
    device_id: str
    scope_key: str
    subscription: Subscription
    ended: bool = False  # replaced by a newer stream of the same device


class OpenStreams:
    """The streams this process serves, by device and by scope. Used on the event loop only."""

    def __init__(self, per_device: int = MAX_STREAMS_PER_DEVICE, per_scope: int = MAX_STREAMS_PER_SCOPE) -> None:
        self.per_device, self.per_scope = per_device, per_scope
        self._by_scope: dict[str, list[_Stream]] = {}

    def __len__(self) -> int:
        return sum(len(held) for held in self._by_scope.values())

    def _live(self, key: str) -> list[_Stream]:
        return [s for s in self._by_scope.get(key, []) if not s.ended]

    def admit(self, me: DeviceScope) -> None:
        """Refuse a stream past its scope's cap (429), before its answer starts. A device that has
        a stream already is never refused: its new one replaces its oldest."""
        live = self._live(scope_key(me))
        if len(live) >= self.per_scope and not any(s.device_id == me.device_id for s in live):
            what = "镇（街道）" if me.is_town else "村（社区）"
            raise RateLimited(60, SCOPE_FULL.format(what=what, n=self.per_scope))

    def add(self, me: DeviceScope, subscription: Subscription) -> _Stream:
        stream = _Stream(me.device_id, scope_key(me), subscription)
        live = self._live(stream.scope_key)
        mine = [s for s in live if s.device_id == me.device_id]
        surplus = max(len(mine) + 1 - self.per_device, len(live) + 1 - self.per_scope, 0)
        for old in mine[:surplus]:
            old.ended = True
            old.subscription._wake()
            log.info("alarm stream of device %s replaced by a newer one", me.device_id)
        self._by_scope.setdefault(stream.scope_key, []).append(stream)
        return stream

    def remove(self, stream: _Stream) -> None:
        held = self._by_scope.get(stream.scope_key, [])
        if stream in held:
            held.remove(stream)
        if not held:
            self._by_scope.pop(stream.scope_key, None)


def scope_key(me: DeviceScope) -> str:
    return f"town:{me.town_id}" if me.is_town else f"committee:{me.committee_id}"


# ---- reading the feed -------------------------------------------------------------------------


def read_changes(db: Database, me: DeviceScope, after: int, upto: int | None) -> tuple[list[dict[str, Any]], int]:
    """Alarm and device-task changes in the device's scope after `after`, up to `upto` (None: the
    head as it is now), at most PAGE. Returns them and the cursor to read on from: the last one's
    seq if the page is full, else the head read to. Blocking: run it in the threadpool."""
    with db.read() as s:
        head = feed.feed_head(s) if upto is None else upto
        if head <= after:
            return [], after
        alarms = select(Change).where(Change.seq > after, Change.seq <= head, Change.entity.in_(rules.STREAM_ENTITIES))
        rows = list(s.scalars(feed.in_scope(alarms, me).order_by(Change.seq).limit(PAGE)))
        changes = [feed.on_the_wire(r) for r in rows]
    return changes, rows[-1].seq if len(rows) == PAGE else head


def start_head(db: Database, after: int) -> int:
    """The head a new stream catches up to; a cursor beyond it is refused as pull refuses it."""
    with db.read() as s:
        head = feed.feed_head(s)
    if after > head:
        raise ApiError(
            409,
            contract.ERROR_CURSOR_AHEAD,
            f"游标 {after} 超出了区里的变更序列（最新为 {head}），请从 0 重新连接报警通道",
            "after",
        )
    return head


# ---- the wire -----------------------------------------------------------------------------------


def change_event(change: dict[str, Any], late: bool) -> bytes:
    data = _json({"late": late, "change": change})
    return f"event: {rules.STREAM_CHANGE_EVENT}\nid: {change['seq']}\ndata: {data}\n\n".encode()


def ready_event(head: int) -> bytes:
    return f"event: {rules.STREAM_READY_EVENT}\ndata: {_json({'head': head})}\n\n".encode()


def _json(value: dict[str, Any]) -> str:
    # One line whatever the record holds (JSON escapes line breaks); stored values JSON cannot
    # carry are served as pull serves them (http_errors.StoredDataResponse).
    return bytes(http_errors.StoredDataResponse(value).body).decode()


def cursor_from(after: int | None, last_event_id: str | None) -> int:
    """Where the desk's stream resumes. A reconnecting EventSource sends the id of the last event it
    got in `Last-Event-ID` and the URL it first used: the header is the later news."""
    if last_event_id is None:
        return after or 0
    text = last_event_id.strip()
    if not text.isascii() or not text.isdigit() or int(text) > MAX_CURSOR:
        raise bad_request(f"{LAST_EVENT_ID}：须是不小于 0 的整数（最后收到的变更序号）", LAST_EVENT_ID)
    return int(text)


@dataclass(frozen=True)
class Credentials:
    """What the stream re-checks while it runs: a device revoked, or a token that ran out or was
    renewed away, ends it (the desk reconnects and is told why)."""

    db: Database
    authorization: str | None
    config: ServerConfig

    def still_valid(self) -> bool:
        try:
            tokens.authenticate(self.db, self.authorization, self.config)
        except ApiError as refused:
            log.info("alarm stream ended: its device is refused now (%s)", refused.code)
            return False
        return True


async def events(
    me: DeviceScope, stream: _Stream, cursor: int, head: int, credentials: Credentials, keepalive_s: float
) -> AsyncIterator[bytes]:
    sub, db = stream.subscription, credentials.db
    # What was missed, up to the head taken when the stream opened: late.
    while cursor < head and not (sub.closing or stream.ended):
        changes, cursor = await run_in_threadpool(read_changes, db, me, cursor, head)
        for change in changes:
            yield change_event(change, True)
    yield ready_event(head)
    sent = checked = time.monotonic()
    while not (sub.closing or stream.ended):
        # Read first: a change whose wake-up came before this stream subscribed is not left waiting.
        more = True
        while more:
            changes, cursor = await run_in_threadpool(read_changes, db, me, cursor, None)
            more = len(changes) == PAGE
            for change in changes:
                yield change_event(change, False)
                sent = time.monotonic()
        if time.monotonic() - sent >= keepalive_s:
            yield KEEPALIVE
            sent = time.monotonic()
        if time.monotonic() - checked >= AUTH_RECHECK_S:
            if not await run_in_threadpool(credentials.still_valid):
                return
            checked = time.monotonic()
        await sub.wait(max(0.0, min(RECHECK_S, sent + keepalive_s - time.monotonic())))


def install(
    app: FastAPI,
    db: Database,
    fanout: Fanout,
    current_device: Callable[..., DeviceScope],
    *,
    keepalive_s: float = rules.STREAM_KEEPALIVE_S,
) -> OpenStreams:
    """Mount the stream on `app`; its open streams are `app.state.alarm_streams`."""
    open_streams = app.state.alarm_streams = OpenStreams()

    @app.get(
        rules.STREAM_PATH,
        tags=["alarms"],
        response_class=StreamingResponse,
        responses={200: {"content": {"text/event-stream": {}}, "description": "报警与手环任务的变更（SSE）"}},
    )
    async def alarm_stream(
        # Not Annotated: postponed annotations are resolved in the module, where `current_device`
        # (the API's own, passed in) is not.
        request: Request,
        me: DeviceScope = Depends(current_device),  # noqa: B008
        after: Annotated[int | None, Query(ge=0, le=MAX_CURSOR)] = None,
        last_event_id: Annotated[str | None, Header(alias=LAST_EVENT_ID, max_length=24)] = None,
    ) -> StreamingResponse:
        """Alarm and device-task changes of the device's scope as server-sent events: first those
        after the cursor (`?after=`, or `Last-Event-ID` on a reconnect) up to the feed's head as
        `change` events with `"late": true`, then `ready` with the head, then each new change as it
        commits (`"late": false`). A `: keepalive` comment comes at least every 15 seconds."""
        cursor = cursor_from(after, last_event_id)
        open_streams.admit(me)
        head = await run_in_threadpool(start_head, db, cursor)
        open_streams.admit(me)  # again: others may have opened while the head was read

        async def body() -> AsyncIterator[bytes]:
            # Counted from here, where `finally` is sure to run: a client gone before its body
            # started leaves nothing behind.
            stream = open_streams.add(me, await fanout.subscribe())
            log.info("alarm stream opened for device %s from %d (head %d)", me.device_id, cursor, head)
            try:
                credentials = Credentials(db, request.headers.get("authorization"), request.app.state.config)
                async for chunk in events(me, stream, cursor, head, credentials, keepalive_s):
                    yield chunk
            finally:
                stream.subscription.close()
                open_streams.remove(stream)
                log.info("alarm stream of device %s closed", me.device_id)

        return StreamingResponse(body(), media_type="text/event-stream", headers=SSE_HEADERS)

    return open_streams
