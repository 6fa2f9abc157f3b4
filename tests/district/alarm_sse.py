"""The alarm stream read as a desk reads it: an httpx streaming request on a thread of its own,
each server-sent event (and each comment) queued as it arrives; and alarm changes appended to a
district's change feed the way the server appends them."""

from __future__ import annotations

import contextlib
import json
import queue
import socket
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Self

import httpx

from mediation_desk.alarms import rules
from mediation_desk.district import alarm_fanout
from mediation_desk.district.db import Database
from mediation_desk.district.feed import FeedWriter, server_clock
from mediation_desk.district.models import Committee

WAIT_S = 30.0  # how long a test waits for something to arrive before it fails


@dataclass(frozen=True)
class Event:
    kind: str  # "change", "ready", "comment", or "end" (the server closed the stream)
    id: str | None = None
    data: dict[str, Any] | None = None
    comment: str | None = None

    @property
    def change(self) -> dict[str, Any]:
        assert self.kind == rules.STREAM_CHANGE_EVENT and self.data is not None, self
        return dict(self.data["change"])

    @property
    def late(self) -> bool:
        assert self.data is not None
        return bool(self.data["late"])


class EventStream:
    """`GET rules.STREAM_PATH` with a device token; `open()` returns once the answer's status is in."""

    def __init__(
        self,
        base_url: str,
        token: str | None,
        *,
        after: int | str | None = None,
        last_event_id: str | None = None,
    ) -> None:
        self.base_url = base_url
        self.headers = {"Authorization": f"Bearer {token}"} if token else {}
        if last_event_id is not None:
            self.headers["Last-Event-ID"] = last_event_id
        self.params = {"after": str(after)} if after is not None else {}
        self.status: int | None = None
        self.response_headers: httpx.Headers | None = None
        self.refusal: dict[str, Any] | None = None
        self.events: queue.Queue[Event] = queue.Queue()
        self._opened = threading.Event()
        self._response: httpx.Response | None = None
        self._closing = False
        self._thread = threading.Thread(target=self._run, daemon=True)

    def open(self) -> Self:
        self._thread.start()
        assert self._opened.wait(WAIT_S), "the stream's answer did not start"
        return self

    def _run(self) -> None:
        timeout = httpx.Timeout(WAIT_S, read=rules.STREAM_DEAD_AFTER_S)
        try:
            with (
                httpx.Client(base_url=self.base_url, timeout=timeout) as client,
                client.stream("GET", rules.STREAM_PATH, params=self.params, headers=self.headers) as r,
            ):
                self.status, self.response_headers, self._response = r.status_code, r.headers, r
                if r.status_code != 200:
                    self.refusal = json.loads(r.read())
                    self._opened.set()
                    return
                self._opened.set()
                self._read(r)
        except (httpx.HTTPError, OSError, RuntimeError, ValueError):
            if not self._closing:
                raise
        finally:
            self._opened.set()
            self.events.put(Event("end"))

    def _read(self, r: httpx.Response) -> None:
        fields: dict[str, str] = {}
        for line in r.iter_lines():
            if line.startswith(":"):
                self.events.put(Event("comment", comment=line[1:].strip()))
            elif line == "":
                if fields:
                    data = json.loads(fields["data"]) if "data" in fields else None
                    self.events.put(Event(fields.get("event", "message"), fields.get("id"), data))
                fields = {}
            else:
                name, _, value = line.partition(":")
                fields[name] = value[1:] if value.startswith(" ") else value

    def next(self, timeout: float = WAIT_S) -> Event:
        try:
            return self.events.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError(f"nothing arrived on the alarm stream within {timeout} s") from None

    def until(self, wanted: Callable[[Event], bool], timeout: float = WAIT_S) -> list[Event]:
        """Everything read up to and including the first event `wanted` accepts."""
        deadline = time.monotonic() + timeout
        seen: list[Event] = []
        while True:
            event = self.next(max(0.01, deadline - time.monotonic()))
            seen.append(event)
            if wanted(event):
                return seen
            assert event.kind != "end", f"the stream ended before what was awaited: {seen}"

    def catch_up(self) -> tuple[list[Event], int]:
        """The late changes up to `ready`, and the head `ready` named."""
        seen = self.until(lambda e: e.kind == rules.STREAM_READY_EVENT)
        assert seen[-1].data is not None
        return [e for e in seen if e.kind == rules.STREAM_CHANGE_EVENT], int(seen[-1].data["head"])

    def next_change(self, timeout: float = WAIT_S) -> Event:
        return self.until(lambda e: e.kind == rules.STREAM_CHANGE_EVENT, timeout)[-1]

    def close(self) -> None:
        self._closing = True
        if self._response is not None:
            # The reading thread is blocked in recv(): shutting the socket down is what wakes it.
            sock = self._response.extensions["network_stream"].get_extra_info("socket")
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        self._thread.join(WAIT_S)
        assert not self._thread.is_alive(), "the stream's reader did not stop"

    def __enter__(self) -> Self:
        return self.open()

    def __exit__(self, *exc: object) -> None:
        self.close()


def alarm_data(committee_code: str, alarm_id: str, **fields: Any) -> dict[str, Any]:
    return {
        "id": alarm_id,
        "wearer_id": str(uuid.uuid4()),
        "device_id": "860000000000001",
        "kinds": [rules.SOS],
        "source": "watch",
        "raised_at": "2026-12-01T02:00:00+00:00",
        "received_at": "2026-12-01T02:00:01+00:00",
        "status": rules.NEW,
        "latitude": None,
        "longitude": None,
        "has_fix": False,
        "battery": 80,
        "committee": committee_code,
        **fields,
    }


def append_change(
    db: Database,
    committee_code: str,
    *,
    entity: str = rules.ALARM,
    entity_id: str | None = None,
    town_visible: bool = True,
    data: dict[str, Any] | None = None,
) -> int:
    """One change appended as the server appends it (feed lock, notification at commit); its seq."""
    entity_id = entity_id or str(uuid.uuid4())
    with db.write(feed=True) as s:
        committee = s.query(Committee).filter_by(code=committee_code).one()
        feed = FeedWriter(s)
        seq = feed.append(
            entity=entity,
            entity_id=entity_id,
            committee=committee,
            hlc=server_clock(""),
            data=data if data is not None else alarm_data(committee_code, entity_id),
            origin_device=None,
            town_visible=town_visible,
        )
        feed.write()
        alarm_fanout.notify_in(s, db.dialect)
    return seq
