"""The change feed: appended by every applied effect, read by desks after their cursor.

Appending happens only inside `Database.write(feed=True)`, which holds the feed lock to commit, so
numbering by `max(seq) + 1` is gap-free and in commit order. A reader takes the head first and
reads only up to it: every change up to the head has committed, so none is ever skipped."""

from __future__ import annotations

import json
import time
from typing import Any

import orjson
from sqlalchemy import Select, Text, cast, func, insert, select
from sqlalchemy.orm import Session

from mediation_desk.core import hlc as hlc_clock
from mediation_desk.core import sync_contract as contract
from mediation_desk.district import metrics
from mediation_desk.district.enrollment import DeviceScope
from mediation_desk.district.errors import ApiError
from mediation_desk.district.models import Base, Change, Committee, Record
from mediation_desk.storage.base import utcnow

DISTRICT_NODE = "district"  # the HLC node id of changes the server makes itself


def server_clock(latest: str) -> str:
    """An HLC for a change the server makes (a town's take-over or review): after everything the
    record has seen, so it wins field-level LWW on every desk whatever their clocks say."""
    try:
        last = hlc_clock.Timestamp.decode(latest)
    except ValueError:
        last = hlc_clock.ZERO
    return hlc_clock.tick(last, int(time.time() * 1000), DISTRICT_NODE).encode()


class FeedWriter:
    """Numbers the changes of one feed-locked transaction, and gathers them with the other
    append-only rows of that transaction, written by one INSERT per table in `write()`."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._next: int | None = None
        self._rows: dict[type[Base], list[dict[str, Any]]] = {}
        self.appended = 0

    def add(self, model: type[Base], **values: Any) -> None:
        self._rows.setdefault(model, []).append(values)

    def append(
        self,
        *,
        entity: str,
        entity_id: str,
        committee: Committee,
        hlc: str,
        data: dict[str, Any],
        origin_device: str | None,
        town_visible: bool,
    ) -> int:
        if self._next is None:
            self._next = (self.session.scalar(select(func.max(Change.seq))) or 0) + 1
        seq = self._next
        self.add(
            Change,
            seq=seq,
            entity=entity,
            entity_id=entity_id,
            committee_id=committee.id,
            committee_code=committee.code,
            town_id=committee.town_id,
            town_visible=town_visible,
            hlc=hlc,
            data=data,
            origin_device=origin_device,
            created_at=utcnow(),
        )
        self._next += 1
        self.appended += 1
        return seq

    def write(self) -> None:
        self.session.flush()  # the records first: the rows refer to what they hold
        for model, rows in self._rows.items():
            self.session.execute(insert(model), rows)
        self._rows.clear()

    def record_changed(self, rec: Record, committee: Committee, origin_device: str | None) -> int:
        """The record's whole state after the change; a town sees its villages' cases."""
        return self.append(
            entity=rec.entity,
            entity_id=rec.entity_id,
            committee=committee,
            hlc=rec.hlc,
            data=record_state(rec),
            origin_device=origin_device,
            town_visible=rec.entity == "case",
        )


def record_state(rec: Record) -> dict[str, Any]:
    return dict(rec.data)


def feed_head(session: Session) -> int:
    """The last seq of the feed: every change up to it has committed (module doc)."""
    return session.scalar(select(func.max(Change.seq))) or 0


def in_scope(query: Select[Change], device: DeviceScope) -> Select[Change]:
    """The changes a device may read: its committee's, or for a town its villages' town-visible ones."""
    if device.is_town:
        return query.where(Change.town_id == device.town_id, Change.town_visible.is_(True))
    return query.where(Change.committee_id == device.committee_id)


# The columns a change goes on the wire with (`contract.Change`'s fields).
WIRE_COLUMNS = (
    Change.seq,
    Change.entity,
    Change.entity_id,
    Change.committee_code,
    Change.hlc,
    # As the database holds it, read by orjson (`on_the_wire`): the column type's json.loads per row cost more.
    cast(Change.data, Text).label("data"),
    Change.origin_device,
)


def on_the_wire(row: Any) -> dict[str, Any]:
    """A change (a `Change`, or a row of `WIRE_COLUMNS`) as `contract.Change`'s fields, written
    out: `asdict` deep-copies every value and was most of the cost of a page of the feed."""
    return {
        "seq": row.seq,
        "entity": row.entity,
        "entity_id": row.entity_id,
        "committee_code": row.committee_code,
        "hlc": row.hlc,
        "data": _stored_json(row.data) if isinstance(row.data, str) else dict(row.data),
        "origin_device": row.origin_device,
    }


def _stored_json(text: str) -> dict[str, Any]:
    try:
        return dict(orjson.loads(text))
    except orjson.JSONDecodeError:  # NaN or infinities stored before the wire refused them
        return dict(json.loads(text))


def pull(session: Session, device: DeviceScope, after: int, limit: int) -> dict[str, Any]:
    head = feed_head(session)
    if after > head:
        raise ApiError(
            409,
            contract.ERROR_CURSOR_AHEAD,
            f"游标 {after} 超出了区里的变更序列（最新为 {head}），请从 0 重新拉取",
            "after",
        )
    query = in_scope(select(Change).where(Change.seq > after, Change.seq <= head), device)
    # Plain rows of the columns sent: building a page's thousand ORM objects cost more than the rest.
    rows = session.execute(query.order_by(Change.seq).limit(limit).with_only_columns(*WIRE_COLUMNS)).all()
    full = len(rows) == limit
    # A short page means nothing in scope up to the head: the cursor may jump to it.
    next_cursor = rows[-1].seq if full else head
    changes = [on_the_wire(r) for r in rows]
    metrics.pull_lag(head - next_cursor)  # how far behind the feed this reader still is
    return {"changes": changes, "next_cursor": next_cursor, "has_more": full and next_cursor < head}
