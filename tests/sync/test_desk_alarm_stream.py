"""The desk's alarm stream against the real district server: an alarm raised at the district lands
in the desk's database and is told at once; a server that goes away shows the stream down, and on
its return what was raised meanwhile arrives marked late; a garbled event, a silent line, a
refused or missing enrollment and a cursor beyond the district's feed each leave the stream
running. The reading of server-sent events is checked on its own with bad input too."""

from __future__ import annotations

import asyncio
import datetime as dt
import queue
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest
from district_server import DistrictServer
from service_helpers import Env
from sqlalchemy import update
from sync_helpers import FAST, district_db, enroll, sync

from mediation_desk.alarms import rules
from mediation_desk.alarms.dto import ContactInput
from mediation_desk.alarms.models import Alarm
from mediation_desk.alarms.wearers import enrol_wearer
from mediation_desk.district import admin as district_admin
from mediation_desk.district import alarm_vendor
from mediation_desk.district import credentials as server_credentials
from mediation_desk.district.alarm_fanout import Fanout
from mediation_desk.district.alarm_intake import AlarmIntake, DeviceAlarm
from mediation_desk.district.models import Device
from mediation_desk.storage.base import utcnow
from mediation_desk.sync import alarm_stream, state
from mediation_desk.sync.alarm_events import MAX_LINE_BYTES, EventReader, SseEvent, read_change, read_head
from mediation_desk.sync.alarm_stream import AlarmStream, StreamOptions, StreamState
from mediation_desk.sync.push import SYNC_ACTOR

WAIT_S = 60.0  # how long a test waits for something to arrive before it fails
QUICK = StreamOptions(
    backoff_first_s=0.05, backoff_max_s=0.5, refused_retry_s=0.5, not_enrolled_recheck_s=0.5, transport=FAST
)
DEVICE = "862000000000001"


# ---- what the stream tells -------------------------------------------------------------------


@dataclass
class Told:
    """The stream's callbacks, recorded from its thread."""

    states: queue.Queue[StreamState] = field(default_factory=queue.Queue)
    alarms: queue.Queue[tuple[list[str], bool]] = field(default_factory=queue.Queue)
    seen_states: list[StreamState] = field(default_factory=list)

    def on_alarms(self, ids: list[str], late: bool) -> None:
        self.alarms.put((ids, late))

    def on_state(self, news: StreamState) -> None:
        self.states.put(news)

    def state(self, wanted: Callable[[StreamState], bool], timeout: float = WAIT_S) -> StreamState:
        deadline = time.monotonic() + timeout
        while True:
            try:
                news = self.states.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"no such stream state within {timeout} s; told: {self.seen_states}") from None
            self.seen_states.append(news)
            if wanted(news):
                return news

    def told_so_far(self) -> list[StreamState]:
        while not self.states.empty():
            self.seen_states.append(self.states.get())
        return self.seen_states

    def alarm(self, alarm_id: str, timeout: float = WAIT_S) -> bool:
        """Whether the alarm came late, once it has been told."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                ids, late = self.alarms.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"alarm {alarm_id} not told within {timeout} s") from None
            if alarm_id in ids:
                return late


def connected(news: StreamState) -> bool:
    return news.connected


def down(news: StreamState) -> bool:
    return news.enrolled and not news.connected and news.down_since is not None


@contextmanager
def running(desk_env: Env, options: StreamOptions = QUICK) -> Iterator[tuple[AlarmStream, Told]]:
    told = Told()
    stream = AlarmStream(desk_env.desk, told.on_alarms, told.on_state, options=options)
    stream.start()
    try:
        yield stream, told
    finally:
        assert stream.stop(WAIT_S), "the stream's thread did not end"


# ---- the district's side -------------------------------------------------------------------------


def wearer_at_district(district: DistrictServer, env: Env, device_id: str = DEVICE) -> None:
    """A wearer enrolled on the desk and sent up: the district routes the bracelet to the village."""
    enrol_wearer(
        env.desk,
        env.admin,
        name="谢阿婆",
        id_number=None,
        phone=None,
        address="谢塘镇谢家塘村 12 号",
        living_alone=True,
        device_id=device_id,
        contacts=[ContactInput("relative", "谢建国", "儿子", "13900000001")],
        exception_reason="独居，行动不便",
    )
    report = sync(env)
    assert report.online and report.error is None and report.rejected == 0, report


def vendor_key(district: DistrictServer) -> str:
    with district_db(district) as db:
        return alarm_vendor.add_vendor(db, "手环厂商平台", actor="测试")


def alarm_from_vendor(district: DistrictServer, key: str, device_id: str = DEVICE) -> str:
    """An SOS posted by a vendor platform to the running server; the district's alarm id."""
    body = {
        "alarm_id": uuid.uuid4().hex,
        "device_id": device_id,
        "type": "sos",
        "time": utcnow().isoformat(),
    }
    answer = httpx.post(
        district.url + rules.VENDOR_PATH, json=body, headers={"Authorization": f"Bearer {key}"}, timeout=30
    )
    assert answer.status_code == 202, answer.text
    return str(answer.json()["alarm_id"])


def alarm_at_rest(district: DistrictServer, device_id: str = DEVICE) -> str:
    """An alarm taken in by the district's intake while no server process runs."""
    event = DeviceAlarm(
        device_id=device_id,
        vendor="3G",
        kinds=(rules.FALL,),
        raised_at=utcnow(),
        fix=None,
        battery=55,
        source="watch",
    )
    with district_db(district) as db:
        return asyncio.run(AlarmIntake(db, Fanout(), rules.DEFAULT_THRESHOLDS).alarm(event))


def desk_alarm(env: Env, alarm_id: str) -> Alarm | None:
    with env.desk.read() as s:
        return s.get(Alarm, alarm_id)


def point_desk_at(env: Env, url: str) -> None:
    with env.desk.write(SYNC_ACTOR) as uow:
        state.put(uow.session, state.SERVER_URL, url)


# ---- a relay between the desk and the district --------------------------------------------------


class Relay:
    """An HTTP relay in front of the district that can slip bytes into the event stream (at an event
    boundary) or go silent, as a broken line or a misbehaving proxy would."""

    def __init__(self, upstream: str) -> None:
        self.upstream = upstream
        self.slipped: queue.Queue[bytes] = queue.Queue()
        self.silent = threading.Event()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _RelayHandler)
        self.server.daemon_threads = True
        self.server.relay = self  # type: ignore[attr-defined]
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def close(self) -> None:
        self.silent.clear()
        self.server.shutdown()
        self.server.server_close()


class _RelayHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"  # the body runs until the connection closes: no chunks to keep whole

    def log_message(self, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self._relay("GET")

    def do_POST(self) -> None:
        self._relay("POST")

    def _relay(self, method: str) -> None:
        relay: Relay = self.server.relay  # type: ignore[attr-defined]
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        skip = {"host", "content-length", "connection", "accept-encoding"}
        headers = {k: v for k, v in self.headers.items() if k.lower() not in skip}
        while relay.silent.is_set():  # a dead line: not even the start of an answer gets through
            time.sleep(0.05)
        try:
            with (
                httpx.Client(timeout=httpx.Timeout(30, read=None)) as client,
                client.stream(method, relay.upstream + self.path, headers=headers, content=body) as answer,
            ):
                self.send_response(answer.status_code)
                for name, value in answer.headers.items():
                    if name.lower() not in {"transfer-encoding", "content-length", "connection", "content-encoding"}:
                        self.send_header(name, value)
                self.send_header("Connection", "close")
                self.end_headers()
                events = answer.headers.get("content-type", "").startswith("text/event-stream")
                self._pass_on(relay, answer, events)
        except (OSError, httpx.HTTPError):
            pass  # the desk went away, or the district did

    def _pass_on(self, relay: Relay, answer: httpx.Response, events: bool) -> None:
        chunks: queue.Queue[bytes | None] = queue.Queue()
        threading.Thread(target=_pump, args=(answer, chunks), daemon=True).start()
        sent = b"\n\n"
        while True:
            if relay.silent.is_set():
                time.sleep(0.05)
                continue
            try:
                chunk = chunks.get(timeout=0.2)
            except queue.Empty:
                # Between two events: what is to be slipped in, else a keep-alive of the relay's own
                # (far more often than the district's, so a short dead-stream limit holds while alive).
                chunk = b": relay\n\n" if events and sent.endswith(b"\n\n") else b""
            if chunk is None:
                return
            if events and sent.endswith(b"\n\n"):
                while not relay.slipped.empty():
                    self.wfile.write(relay.slipped.get())
            if chunk:
                self.wfile.write(chunk)
                sent = chunk


def _pump(answer: httpx.Response, chunks: queue.Queue[bytes | None]) -> None:
    try:
        for chunk in answer.iter_bytes():
            chunks.put(chunk)
    except (OSError, httpx.HTTPError, RuntimeError):
        pass  # the relay closed the answer: its desk went away
    finally:
        chunks.put(None)


@pytest.fixture
def relay(district: DistrictServer) -> Iterator[Relay]:
    front = Relay(district.url)
    try:
        yield front
    finally:
        front.close()


# ---- against the real district server -----------------------------------------------------------


def test_an_alarm_raised_at_the_district_lands_in_the_desk_at_once(district, desk_a: Env) -> None:
    enroll(district, desk_a)
    wearer_at_district(district, desk_a)
    key = vendor_key(district)
    with running(desk_a) as (stream, told):
        first = told.state(connected)
        assert first == StreamState(True, True, None, None)
        alarm_id = alarm_from_vendor(district, key)
        assert told.alarm(alarm_id) is False
        row = desk_alarm(desk_a, alarm_id)
        assert row is not None and row.status == rules.NEW and row.kinds == [rules.SOS] and not row.late
        assert alarm_stream.stored_cursor(desk_a.desk) >= 1  # stored with the alarm, in one transaction
        assert stream.state == first  # nothing went down meanwhile


def test_a_stopped_server_shows_the_stream_down_and_what_was_missed_arrives_late(district, desk_a: Env) -> None:
    enroll(district, desk_a)
    wearer_at_district(district, desk_a)
    with running(desk_a) as (stream, told):
        told.state(connected)
        before = utcnow()
        district.stop()
        news = told.state(down)
        assert news.down_since is not None and news.down_since >= before - dt.timedelta(seconds=1)
        assert news.reason and news.code
        missed = alarm_at_rest(district)
        assert stream.running and stream.state is not None and not stream.state.connected
        assert stream.state.down_since == news.down_since  # down since then, however often it retried
        district.start()
        told.state(connected)
        assert told.alarm(missed) is True
        row = desk_alarm(desk_a, missed)
        assert row is not None and row.late and row.kinds == [rules.FALL]
        assert stream.running


def test_a_garbled_event_does_not_stop_the_stream(district, desk_a: Env, relay: Relay) -> None:
    enroll(district, desk_a)
    wearer_at_district(district, desk_a)
    key = vendor_key(district)
    point_desk_at(desk_a, relay.url)
    with running(desk_a) as (_stream, told):
        told.state(connected)
        relay.slipped.put(b"event: change\nid: 99\ndata: {not json\n\n")
        relay.slipped.put(b'event: change\ndata: {"late": false, "change": {"seq": "x"}}\n\n')
        relay.slipped.put(b"event: ready\ndata: []\n\ngarbage without a colon\n\n\xff\xfe\x00\n\n")
        relay.slipped.put(b"data: " + b"x" * (MAX_LINE_BYTES + 10) + b"\n\n")
        alarm_id = alarm_from_vendor(district, key)
        assert told.alarm(alarm_id) is False
        assert desk_alarm(desk_a, alarm_id) is not None
        assert all(n.connected for n in told.told_so_far())  # never went down on the way
        assert relay.slipped.empty()


def test_a_silent_line_is_a_dead_stream_and_is_reconnected(district, desk_a: Env, relay: Relay) -> None:
    enroll(district, desk_a)
    wearer_at_district(district, desk_a)
    key = vendor_key(district)
    point_desk_at(desk_a, relay.url)
    with running(desk_a, StreamOptions(**{**QUICK.__dict__, "dead_after_s": 1.0})) as (_stream, told):
        told.state(connected)
        relay.silent.set()
        dead = told.state(down)
        assert dead.code == alarm_stream.DEAD
        relay.silent.clear()
        told.state(connected)
        alarm_id = alarm_from_vendor(district, key)
        assert told.alarm(alarm_id) is False


def test_a_desk_not_enrolled_waits_and_connects_once_woken(district, desk_a: Env) -> None:
    with running(desk_a, StreamOptions(**{**QUICK.__dict__, "not_enrolled_recheck_s": 600})) as (stream, told):
        news = told.state(lambda n: not n.enrolled)
        assert news == StreamState(False, False, None, news.reason, alarm_stream.NOT_ENROLLED) and news.reason
        enroll(district, desk_a)
        stream.wake()
        told.state(connected)


def test_a_revoked_device_is_told_and_the_stream_keeps_trying(district, desk_a: Env, memory_keyring) -> None:
    view = enroll(district, desk_a)
    with district_db(district) as db:
        district_admin.revoke_device(db, view.server_device_id)
    with running(desk_a) as (stream, told):
        news = told.state(down)
        assert news.code == "device_revoked" and "撤销" in (news.reason or "")
        assert not [v for (_, k), v in memory_keyring.secrets.items() if k.startswith("device-token:")]  # dropped
        enroll(district, desk_a)  # a new enrollment code: the district takes the desk back
        stream.wake()
        told.state(connected)


def test_the_stream_renews_a_token_near_its_end(district, desk_a: Env, memory_keyring) -> None:
    view = enroll(district, desk_a)
    old = keyring_token(memory_keyring)
    with district_db(district) as db, db.write() as s:
        s.execute(
            update(Device)
            .where(Device.id == view.server_device_id)
            .values(token_expires_at=utcnow() + dt.timedelta(days=5))
        )
    with running(desk_a) as (stream, told):
        told.state(connected)
        deadline = time.monotonic() + WAIT_S
        while keyring_token(memory_keyring) == old:
            assert time.monotonic() < deadline, "the token was not renewed"
            time.sleep(0.05)
        stream.wake()  # the next connection uses the new token: the district then forgets the old one
        while server_device(district, view.server_device_id).previous_token_hash is not None:
            assert time.monotonic() < deadline, "the new token was not used"
            time.sleep(0.05)
        assert stream.state is not None and stream.state.connected
    row = server_device(district, view.server_device_id)
    assert row.token_hash == server_credentials.token_hash(keyring_token(memory_keyring))


def server_device(district: DistrictServer, device_id: str) -> Device:
    with district_db(district) as db, db.read() as s:
        found = s.get(Device, device_id)
        assert found is not None
        return found


def keyring_token(memory_keyring: Any) -> str:
    [token] = [v for (_, entry), v in memory_keyring.secrets.items() if entry.startswith("device-token:")]
    return str(token)


def test_a_cursor_beyond_the_districts_feed_starts_again_from_the_beginning(district, desk_a: Env) -> None:
    enroll(district, desk_a)
    wearer_at_district(district, desk_a)
    raised = alarm_at_rest(district)
    with desk_a.desk.write(SYNC_ACTOR) as uow:
        state.put(uow.session, alarm_stream.CURSOR, str(10**9))  # the district went back to a backup
    with running(desk_a) as (_stream, told):
        told.state(connected)
        assert told.alarm(raised) is True
        assert desk_alarm(desk_a, raised) is not None
        assert alarm_stream.stored_cursor(desk_a.desk) < 10**9


def test_stop_ends_a_stream_blocked_reading(district, desk_a: Env) -> None:
    enroll(district, desk_a)
    told = Told()
    stream = AlarmStream(desk_a.desk, told.on_alarms, told.on_state, options=QUICK)
    stream.start()
    told.state(connected)
    time.sleep(0.5)  # well into its read: the next keep-alive is seconds away
    assert stream.stop()  # within its default wait, far shorter than the keep-alive's interval
    assert not stream.running
    stream.start()  # and it starts again
    told.state(connected)
    assert stream.stop(WAIT_S)


# ---- reading server-sent events, bad input included ---------------------------------------------


def test_events_are_read_across_chunks_with_comments_and_crlf() -> None:
    reader = EventReader()
    wire = b': keepalive\n\nevent: change\r\nid: 7\r\ndata: {"a":\r\n\r\nevent: ready\ndata: 1\ndata: 2\n\n'
    events = [e for i in range(len(wire)) for e in reader.feed(wire[i : i + 1])]
    assert [(e.event, e.data, e.id) for e in events] == [("change", '{"a":', "7"), ("ready", "1\n2", "7")]


def test_bad_lines_spoil_only_their_own_event() -> None:
    reader = EventReader(max_line=32)
    events = reader.feed(
        b"data: " + b"x" * 40 + b"\n\n"  # too long: that event is dropped
        b"no colon here\nid: a\x00b\ndata: kept\n\n"  # unknown field, id with NUL ignored
        b"data:" + b"y" * 50  # an overlong line still arriving
    )
    assert [(e.event, e.data, e.id) for e in events] == [("message", "kept", None)]
    assert reader.feed(b"z" * 10 + b"\n\ndata: \xff\n\n") == [SseEvent("message", "\ufffd", None)]
    assert reader.feed(b"\n\n:only a comment\n\n") == []


@pytest.mark.parametrize(
    "data",
    [
        "",
        "{not json",
        "[]",
        '{"late": false}',
        '{"late": "yes", "change": {"seq": 1, "entity": "alarm", "entity_id": "a", "committee_code": "X", '
        '"hlc": "h", "data": {}}}',
        '{"late": false, "change": {"seq": 0, "entity": "alarm", "entity_id": "a", "committee_code": "X", '
        '"hlc": "h", "data": {}}}',
        '{"late": false, "change": {"seq": 1, "entity": "alarm", "entity_id": "a", "committee_code": "X", '
        '"hlc": "h", "data": []}}',
    ],
)
def test_an_unreadable_change_is_refused(data: str) -> None:
    assert read_change(data) is None


def test_a_readable_change_and_head() -> None:
    change = '{"seq": 3, "entity": "alarm", "entity_id": "a", "committee_code": "X", "hlc": "h", "data": {}}'
    read = read_change('{"late": true, "change": ' + change + "}")
    assert read is not None and read[0].seq == 3 and read[1] is True
    assert read_head('{"head": 12}') == 12
    for bad in ("", "{}", '{"head": -1}', '{"head": true}', '{"head": "12"}', "[1]"):
        assert read_head(bad) is None
