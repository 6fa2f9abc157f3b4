"""A page of the district's feed made ready to apply, before the desk's transaction opens.

What a page becomes depends only on the page and on the desk's committee and scope, not on what
the desk holds: which changes are the desk's to take, the latest change of each entity, what the
capabilities' pull handlers receive, and each mirror row with its data already in the form the
desk stores. Pull makes it on the thread that fetched the page while the desk writes the one
before (`sync/pull.py`), so the desk's transaction does only what needs its database
(`sync/apply.py`).

A change is held as a plain tuple of `contract.Change`'s fields: making a hundred thousand
(frozen) `Change` objects cost more than reading the page; one is made only for a change that
something reads as such (a pull handler's, one of the desk's own rows)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import orjson
from sqlalchemy.engine import Dialect

from mediation_desk.core import sync_contract as contract
from mediation_desk.core.registry import REGISTRY, PullHandler
from mediation_desk.mediation.models_case import Agreement, Attachment, FollowUp, MediationCase, SessionRecord
from mediation_desk.mediation.models_people import Mediator
from mediation_desk.sync.models import DistrictRecord

Key = tuple[str, str]
# `contract.Change`'s fields in its order: seq, entity, entity_id, committee_code, hlc, data, origin_device.
Row = tuple[int, str, str, str, str, dict[str, Any], str | None]
# A mirror row but for whether it is the desk's own and when it was pulled (known in the
# desk's transaction): entity, entity_id, committee_code, origin_device, hlc, seq, data as stored.
MirrorRow = tuple[str, str, str, str | None, str, int, Any]
ToStored = Callable[[dict[str, Any]], Any]
# Entities whose id is the id of a row in one of the desk's own tables.
OWN_TABLES: dict[str, Any] = {
    "case": MediationCase,
    "mediator": Mediator,
    "agreement": Agreement,
    "session_record": SessionRecord,
    "follow_up": FollowUp,
    "attachment": Attachment,
}
BY_CASE = frozenset({"case_assignment", contract.CASE_FILE})  # entity_id is the case's id


@dataclass
class ReadyPage:
    """One page of changes, sorted out for a desk of `committee_code` with `scope`."""

    committee_code: str | None
    scope: str | None
    rows: list[Row]  # every change as received, in feed order
    foreign: int = 0  # changes of another committee (never expected): ignored
    latest_hlc: str = ""  # the latest clock of the page (the desk's clock moves past it)
    # The latest change of each entity the desk takes, in the order the entities first appear.
    latest: dict[Key, Row] = field(default_factory=dict)
    handed: dict[PullHandler, list[contract.Change]] = field(default_factory=dict)  # in feed order
    mirror: list[MirrorRow] = field(default_factory=list)  # in key order
    # An entity of `OWN_TABLES` → the ids (a JSON array) of the page's that may be rows of its table.
    maybe_own: dict[str, str] = field(default_factory=dict)

    def change(self, key: Key) -> contract.Change:
        return contract.Change(*self.latest[key])


def stored_form(dialect: Dialect) -> ToStored:
    """How the desk's mirror stores a change's data: the column type's own conversion, or where
    that is the standard module's JSON text, orjson's (read back alike, in a quarter of the time:
    the standard module writing a hundred thousand objects held the interpreter for half a second
    of a first pull, while the desk's writes waited for it)."""
    convert = DistrictRecord.__table__.c.data.type.dialect_impl(dialect).bind_processor(dialect)
    if convert is None:
        return _as_is
    if getattr(dialect, "_json_serializer", None) is None:  # the column writes with json.dumps
        return _json_text
    return convert


def _as_is(value: dict[str, Any]) -> Any:
    return value


def _json_text(value: dict[str, Any]) -> str:
    try:
        return orjson.dumps(value).decode()
    except (orjson.JSONEncodeError, TypeError):  # what orjson does not write (an integer beyond 64 bits)
        return json.dumps(value)


def from_wire(
    entries: Iterable[dict[str, Any]], committee_code: str | None, scope: str | None, to_stored: ToStored
) -> ReadyPage:
    """A page as the district's answer holds it. A change without the contract's fields raises
    KeyError, TypeError or ValueError, as `contract.change_from_wire` does."""
    rows: list[Row] = []
    add = rows.append
    for c in entries:
        data = c["data"]
        add(
            (
                int(c["seq"]),
                c["entity"],
                c["entity_id"],
                c["committee_code"],
                c["hlc"],
                data if type(data) is dict else dict(data),  # the decoded answer's own: no copy needed
                c.get("origin_device"),
            )
        )
    return ready(rows, committee_code, scope, to_stored)


def of_changes(
    changes: Iterable[contract.Change], committee_code: str | None, scope: str | None, to_stored: ToStored
) -> ReadyPage:
    """A page of changes made otherwise (the alarm stream's, the tests')."""
    rows: list[Row] = [
        (c.seq, c.entity, c.entity_id, c.committee_code, c.hlc, c.data, c.origin_device) for c in changes
    ]
    return ready(rows, committee_code, scope, to_stored)


def ready(rows: list[Row], committee_code: str | None, scope: str | None, to_stored: ToStored) -> ReadyPage:
    """The page's changes sorted out for a desk of this committee and scope (`ReadyPage`)."""
    page = ReadyPage(committee_code=committee_code, scope=scope, rows=rows)
    latest = page.latest
    every_committee = scope == contract.SCOPE_TOWN or not committee_code
    handlers = REGISTRY.pull_handlers
    latest_hlc, foreign = "", 0
    for row in rows:
        seq, entity, entity_id, code, hlc, _data, _origin = row
        if hlc > latest_hlc:
            latest_hlc = hlc
        if not every_committee and code != committee_code:
            foreign += 1
            continue
        key = (entity, entity_id)
        held = latest.get(key)
        if held is None or seq > held[0]:
            latest[key] = row
        if entity in handlers:
            page.handed.setdefault(handlers[entity], []).append(contract.Change(*row))
    page.latest_hlc, page.foreign = latest_hlc, foreign
    for batch in page.handed.values():
        batch.sort(key=lambda c: c.seq)
    page.mirror = [(e, i, code, o, h, q, to_stored(d)) for (e, i), (q, _, _, code, h, d, o) in sorted(latest.items())]
    ids: dict[str, list[str]] = {}
    for entity, entity_id in latest:
        table = "case" if entity in BY_CASE else entity
        if table in OWN_TABLES:
            ids.setdefault(table, []).append(entity_id)
    # Text: SQLite's json_each reads a blob as its binary JSON (or refuses it).
    page.maybe_own = {table: orjson.dumps(wanted).decode() for table, wanted in ids.items()}
    return page
