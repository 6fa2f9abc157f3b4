"""What the district's alarm stream says, read from bytes as they arrive: server-sent events
(`EventReader`) and the stream's two events — a `change` (one change of the feed, and whether it
came late) and `ready` (the head: what was missed has been sent). Wire in `alarms/rules.py`.

Anything that cannot be read yields None or no event, never an exception: a garbled event must
not stop the stream (the next pull brings the change it spoilt)."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass

from mediation_desk.core import sync_contract as contract

log = logging.getLogger(__name__)

MAX_LINE_BYTES = 256 * 1024  # one change is a few hundred bytes; a longer line is not one of ours


@dataclass(frozen=True)
class SseEvent:
    event: str
    data: str
    id: str | None


class EventReader:
    """Server-sent events from bytes as they arrive (lines end with LF, CRLF tolerated). A line
    longer than `max_line` spoils only the event it is part of."""

    def __init__(self, max_line: int = MAX_LINE_BYTES) -> None:
        self.max_line = max_line
        self._pending = b""
        self._skipping = False  # inside an overlong line: dropped up to its end
        self._spoilt = False  # the event being read lost a line
        self._event = ""
        self._data: list[str] = []
        self._id: str | None = None

    def feed(self, chunk: bytes) -> list[SseEvent]:
        out: list[SseEvent] = []
        lines = (self._pending + chunk).split(b"\n")
        self._pending = lines.pop()
        for raw in lines:
            if self._skipping:
                self._skipping = False
                continue
            if len(raw) > self.max_line:
                self._spoilt = True
                continue
            event = self._line(raw.removesuffix(b"\r").decode("utf-8", errors="replace"))
            if event is not None:
                out.append(event)
        if len(self._pending) > self.max_line:
            log.warning("alarm stream: a line over %d bytes dropped", self.max_line)
            self._pending, self._skipping, self._spoilt = b"", True, True
        return out

    def _line(self, line: str) -> SseEvent | None:
        if not line:
            event = SseEvent(self._event or "message", "\n".join(self._data), self._id)
            ready = bool(self._data) and not self._spoilt
            self._event, self._data, self._spoilt = "", [], False
            return event if ready else None
        if line.startswith(":"):
            return None  # a comment: the keep-alive
        name, _, value = line.partition(":")
        value = value.removeprefix(" ")
        if name == "event":
            self._event = value
        elif name == "data":
            self._data.append(value)
        elif name == "id" and "\0" not in value:
            self._id = value
        return None  # retry and unknown fields: nothing to do


def read_change(data: str) -> tuple[contract.Change, bool] | None:
    """A `change` event's change and whether it is late, or None when it cannot be read."""
    try:
        body = json.loads(data)
        if not isinstance(body["change"]["data"], dict):
            return None
        change = contract.change_from_wire(body["change"])
        late = body.get("late", False)
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    if not isinstance(late, bool) or change.seq < 1 or not isinstance(change.entity_id, str):
        return None
    return change, late


def read_head(data: str) -> int | None:
    try:
        head = json.loads(data)["head"]
    except (ValueError, TypeError, KeyError):
        return None
    return head if isinstance(head, int) and not isinstance(head, bool) and head >= 0 else None
