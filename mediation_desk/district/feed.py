"""The change feed: appended by every applied effect, read by desks after their cursor.

Appending happens only inside `Database.write(feed=True)`, which holds the feed lock to commit, so
numbering by `max(seq) + 1` is gap-free and in commit order. A reader takes the head first and
reads only up to it: every change up to the head has committed, so none is ever skipped."""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from typing import Any, TypeVar

import orjson
from sqlalchemy import ColumnElement, Select, Text, and_, bindparam, cast, func, insert, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.compiler import SQLCompiler

from mediation_desk.core import hlc as hlc_clock
from mediation_desk.core import sync_contract as contract
from mediation_desk.district import http_errors, metrics
from mediation_desk.district.enrollment import DeviceScope
from mediation_desk.district.errors import ApiError
from mediation_desk.district.models import Base, Change, Committee, Record
from mediation_desk.storage.base import utcnow

DISTRICT_NODE = "district"  # the HLC node id of changes the server makes itself
# A query of whole changes (the alarm stream) or of their wire columns (pull).
_Query = TypeVar("_Query", bound=Select[*tuple[Any, ...]])


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


def in_scope(query: _Query, device: DeviceScope) -> _Query:
    """The changes a device may read: its committee's, or for a town its villages' town-visible ones."""
    return query.where(_scope(device.is_town, device.town_id if device.is_town else device.committee_id))


def _scope(town: bool, scope_id: Any) -> ColumnElement[bool]:
    if town:
        return and_(Change.town_id == scope_id, Change.town_visible.is_(True))
    return Change.committee_id == scope_id


# The columns a change goes on the wire with (`contract.Change`'s fields).
WIRE_COLUMNS = (
    Change.seq,
    Change.entity,
    Change.entity_id,
    Change.committee_code,
    Change.hlc,
    # As the database holds it: spliced into the page as it is (`_page_entries`), or read by orjson.
    cast(Change.data, Text).label("data"),
    Change.origin_device,
)
# orjson writes a Fragment's text into its output as it is (orjson ≥ 3.10; without it every
# change's data is parsed and written again, as before).
_FRAGMENT: Any = getattr(orjson, "Fragment", None)


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


def _page_entries(rows: Sequence[Any]) -> list[dict[str, Any]]:
    """Rows of `WIRE_COLUMNS` as `on_the_wire` gives them, for orjson (`StoredDataResponse`) only.
    The stored JSON object goes into the page as the text the database holds whenever that reads
    back the same: parsing a hundred thousand objects only to write them out again was most of
    the district's share of a first pull (written out in one comprehension: a function call a row
    was a third of what is left)."""
    if _FRAGMENT is None:
        return [on_the_wire(row) for row in rows]
    as_stored = _FRAGMENT
    return [
        {
            "seq": seq,
            "entity": entity,
            "entity_id": entity_id,
            "committee_code": committee_code,
            "hlc": hlc,
            "data": as_stored(data)
            if type(data) is str
            and data.startswith("{")
            and "NaN" not in data
            and "Infinity" not in data
            and "\\ud" not in data
            and "\\uD" not in data
            else _reencoded(data),
            "origin_device": origin_device,
        }
        for seq, entity, entity_id, committee_code, hlc, data, origin_device in rows
    ]


def _reencoded(data: Any) -> Any:
    """Stored JSON that would not read back the same spliced in as it is (NaN and infinities are
    not JSON and are served as null; an escaped lone surrogate is served as the replacement
    character; a pair is merely sent the long way): parsed and written out on its own, so what it
    needs (`http_errors.stored_json_bytes`) never falls on the whole page, which the standard
    module cannot write once it holds fragments."""
    parsed = _stored_json(data) if isinstance(data, str) else dict(data)
    return _FRAGMENT(http_errors.stored_json_bytes(parsed))


def _stored_json(text: str) -> dict[str, Any]:
    try:
        return dict(orjson.loads(text))
    except orjson.JSONDecodeError:  # NaN or infinities stored before the wire refused them
        return dict(json.loads(text))


# A page's query (for a town's device, or a committee's) compiled once for each kind of database,
# its values bound at each pull.
_PAGE_QUERIES: dict[tuple[str, str, bool], SQLCompiler] = {}


def _page_rows(session: Session, town: bool, values: dict[str, Any]) -> list[Any]:
    """A page's rows of `WIRE_COLUMNS`, as the database driver gives them: building the query
    anew and wrapping each of its thousand rows cost as much again as reading them."""
    conn = session.connection()
    kind = (conn.dialect.name, conn.dialect.paramstyle, town)
    compiled = _PAGE_QUERIES.get(kind)
    if compiled is None:
        query = select(*WIRE_COLUMNS).where(
            Change.seq > bindparam("after"), Change.seq <= bindparam("head"), _scope(town, bindparam("scope_id"))
        )
        compiled = query.order_by(Change.seq).limit(bindparam("limit")).compile(dialect=conn.dialect)
        _PAGE_QUERIES[kind] = compiled
    params = compiled.construct_params(values)
    bound = tuple(params[name] for name in compiled.positiontup or ()) if compiled.positional else params
    cursor = conn.connection.cursor()
    try:
        cursor.execute(compiled.string, bound)
        return list(cursor.fetchall())
    finally:
        cursor.close()


def pull(session: Session, device: DeviceScope, after: int, limit: int) -> dict[str, Any]:
    head = feed_head(session)
    if after > head:
        raise ApiError(
            409,
            contract.ERROR_CURSOR_AHEAD,
            f"游标 {after} 超出了区里的变更序列（最新为 {head}），请从 0 重新拉取",
            "after",
        )
    scope_id = device.town_id if device.is_town else device.committee_id
    rows = _page_rows(session, device.is_town, {"after": after, "head": head, "scope_id": scope_id, "limit": limit})
    full = len(rows) == limit
    # A short page means nothing in scope up to the head: the cursor may jump to it.
    next_cursor = int(rows[-1][0]) if full else head
    changes = _page_entries(rows)
    metrics.pull_lag(head - next_cursor)  # how far behind the feed this reader still is
    return {"changes": changes, "next_cursor": next_cursor, "has_more": full and next_cursor < head}
