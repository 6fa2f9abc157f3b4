"""One page of the district's change feed applied to the desk (what each change becomes is
described in `mediation_desk/sync/__init__.py`).

The rules themselves are the contract's (`core/sync_contract.py`): plain fields merge
last-writer-wins by HLC with the losing value kept (`field_history`); a case's status is the
server's (it validated every transition against its own state). The desk's clocks for that
merge come from its own ops on the row: those still to push (the desk's value stands until the
district has judged them) and those the district accepted (the feed replays every earlier state
of a row, and an earlier state must not undo a later change). A field the desk has not set since
takes the district's value, which already includes everything the desk pushed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mediation_desk.core import hlc as hlc_rules
from mediation_desk.core import sync_contract as contract
from mediation_desk.core.models import OutboxOp
from mediation_desk.core.uow import HLC_KEY, UnitOfWork
from mediation_desk.mediation import states
from mediation_desk.mediation.models_case import CaseTransition, MediationCase
from mediation_desk.sync import page as pages
from mediation_desk.sync import state
from mediation_desk.sync.models import DistrictRecord, FieldHistory
from mediation_desk.sync.page import BY_CASE, OWN_TABLES, Key, ReadyPage

DISTRICT_ACTOR = "区社会治理中心"
PENDING = "pending"
# Plain fields of the desk's own rows the pull may change: field on the wire → column. A case's
# `prevented` is not among them: the desk keeps the union of every transition's, the district
# the last one's.
MERGED: dict[str, dict[str, str]] = {
    "case": {
        "source": "source",
        "referrer_kind": "referrer_kind",
        "found_in_screening": "found_in_screening",
        "dispute_type": "dispute_type",
        "dispute_subtype": "dispute_subtype",
        "amount_fen": "amount_fen",
        "persons_involved": "persons_involved",
        "risk_flags": "risk_flags",
        "accepted_on": "accepted_on",
        "escalate_to": "escalated_to",
        "routes": "routes_told",
        "closed_on": "closed_on",
    },
    "mediator": {f: f for f in ("name", "area", "skills", "available", "active", "title")},
    "agreement": {
        f: f for f in ("form", "amount_fen", "reached_on", "effective_on", "judicial_applied_on", "performance_status")
    },
}
# The mirror's columns a pulled change sets (all of them).
_MIRRORED = ("entity", "entity_id", "committee_code", "origin_device", "own", "hlc", "seq", "data", "pulled_at")
_UPSERT = (
    f"INSERT INTO {DistrictRecord.__tablename__} ({', '.join(_MIRRORED)}) VALUES ({', '.join('?' * len(_MIRRORED))})"
    " ON CONFLICT (entity, entity_id) DO UPDATE SET " + ", ".join(f"{c} = excluded.{c}" for c in _MIRRORED[2:])
)
# Fields an op of each kind sets (for the desk's clocks of pending ops).
_TRANSITION_FIELDS = {"status": "to", "escalate_to": "escalate_to", "routes": "routes", "closed_on": "closed_on"}


@dataclass
class PageTally:
    received: int = 0
    stored: int = 0  # district records written
    own_updated: int = 0  # rows of the desk's own tables changed
    status_changes: int = 0
    foreign: int = 0  # changes of another committee (never expected): ignored


def plain(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def to_column(model: Any, column: str, value: Any) -> Any:
    """A wire value in the column's Python type (dates arrive as ISO text)."""
    if value is None:
        return None
    try:
        kind = model.__table__.c[column].type.python_type
    except NotImplementedError:
        return value
    if kind is dt.datetime and isinstance(value, str):
        when = dt.datetime.fromisoformat(value)
        return when if when.tzinfo else when.replace(tzinfo=dt.UTC)
    if kind is dt.date and isinstance(value, str):
        return dt.date.fromisoformat(value[:10])
    if kind in (int, bool) and not isinstance(value, kind):
        return kind(value)
    return value


def apply_page(
    uow: UnitOfWork, changes: list[contract.Change], *, committee_code: str | None, scope: str | None, node: str
) -> PageTally:
    """Apply one page inside the caller's unit of work (which stores the cursor with it)."""
    to_stored = pages.stored_form(uow.session.connection().dialect)
    return apply_ready(uow, pages.of_changes(changes, committee_code, scope, to_stored), node=node)


def apply_ready(uow: UnitOfWork, page: ReadyPage, *, node: str) -> PageTally:
    """Apply a page made ready beforehand (`sync/page.py`) inside the caller's unit of work."""
    s = uow.session
    tally = PageTally(received=len(page.rows), foreign=page.foreign)
    _follow_clock(uow, page.latest_hlc, node)  # first: every clock ticked below comes after the page's
    # Changes of the entities a capability handles itself (core/registry.py `add_pull_handler`),
    # each handler once with its changes in feed order (a ledger needs every entry, not the latest).
    tally.own_updated += sum(handler(uow, batch) for handler, batch in page.handed.items())
    if not page.latest:
        return tally
    own = _own_keys(s, page)
    rows = _own_rows(s, [k for k in own if k[0] in MERGED])
    if rows:  # only rows born on this desk merge field by field
        clocks = _desk_clocks(s, {k[1] for k in rows})
        before = _mirrored_cases([i for e, i in rows if e == "case"], s)
        for key in page.latest:  # in feed order, as the audit records them
            row = rows.get(key)
            if row is None:
                continue
            change = page.change(key)
            if _apply_own(uow, row, change, clocks.get(change.entity_id, DeskClocks()), tally):
                tally.own_updated += 1
            if change.entity == "case":
                _note_take_over(uow, row, change, before.get(key[1]) or {})
    tally.stored += _mirror(uow, page, own)
    return tally


def _mirrored_cases(case_ids: list[str], s: Session) -> dict[str, dict[str, Any]]:
    """The district's state of these cases as the desk held it before this page."""
    if not case_ids:
        return {}
    record = DistrictRecord.__table__
    return dict(
        s.execute(
            select(record.c.entity_id, record.c.data).where(record.c.entity == "case", record.c.entity_id.in_(case_ids))
        ).all()
    )


def _mirror(uow: UnitOfWork, page: ReadyPage, own: set[Key]) -> int:
    """The page's latest state of each entity into the desk's mirror of the district: one
    insert-or-replace executed for the whole page with its values already in their stored form
    (a first sync brings in a hundred thousand: the per-row work of a compiled statement was most
    of the page's cost), in key order so the table's key index is filled from one end."""
    conn = uow.session.connection()
    dialect = conn.dialect
    at = DistrictRecord.__table__.c.pulled_at.type.dialect_impl(dialect).bind_processor(dialect)
    pulled_at = at(uow.now) if at else uow.now  # the same for the whole page: converted once
    if own:
        rows = [(e, i, c, o, int((e, i) in own), h, q, d, pulled_at) for e, i, c, o, h, q, d in page.mirror]
    else:  # a new desk's first pull: none of the district's rows is the desk's own
        rows = [(e, i, c, o, 0, h, q, d, pulled_at) for e, i, c, o, h, q, d in page.mirror]
    conn.exec_driver_sql(_UPSERT, rows)
    return len(rows)


def _note_take_over(uow: UnitOfWork, case: MediationCase, change: contract.Change, before: dict[str, Any]) -> None:
    """A town took over one of the desk's escalated cases: the desk records when it learnt so."""
    town = change.data.get(contract.TAKEN_OVER_BY)
    if town and town != before.get(contract.TAKEN_OVER_BY):
        case.updated_at = uow.now
        uow.audit(
            "sync.case_taken_over",
            "case",
            case.id,
            town=town,
            taken_over_at=change.data.get(contract.TAKEN_OVER_AT),
            seq=change.seq,
        )


def _own_keys(s: Session, page: ReadyPage) -> set[Key]:
    """The changes that concern rows born on this desk: the ids the desk's tables hold of those the
    page names, in one query with a JSON array of ids a table (a thousand bound values cost more)."""
    if not page.maybe_own:
        return set()
    tables = list(page.maybe_own)
    sql = " UNION ALL ".join(
        f"SELECT ? AS entity, id FROM {OWN_TABLES[table].__tablename__} WHERE id IN (SELECT value FROM json_each(?))"
        for table in tables
    )
    params = tuple(value for table in tables for value in (table, page.maybe_own[table]))
    found = {(entity, entity_id) for entity, entity_id in s.connection().exec_driver_sql(sql, params)}
    return {
        (entity, entity_id)
        for entity, entity_id in page.latest
        if ("case" if entity in BY_CASE else entity, entity_id) in found
    }


def _own_rows(s: Session, keys: list[tuple[str, str]]) -> dict[tuple[str, str], Any]:
    out: dict[tuple[str, str], Any] = {}
    for entity in {e for e, _ in keys}:
        model = OWN_TABLES[entity]
        wanted = [i for e, i in keys if e == entity]
        out.update({(entity, r.id): r for r in s.scalars(select(model).where(model.id.in_(wanted)))})
    return out


@dataclass
class DeskClocks:
    """The desk's clocks for one of its rows, from its own ops: those still to push, and those the
    district accepted (`applied`/`duplicate`; a rejected or conflicting op set nothing there)."""

    pending: dict[str, str] = field(default_factory=dict)
    accepted: dict[str, str] = field(default_factory=dict)

    def merged(self) -> dict[str, str]:
        return {
            name: max(self.pending.get(name, ""), self.accepted.get(name, ""))
            for name in {*self.pending, *self.accepted}
        }


def _desk_clocks(s: Session, entity_ids: set[str]) -> dict[str, DeskClocks]:
    """entity id → the clock of the desk's latest op setting each field (outbox, by entity)."""
    out: dict[str, DeskClocks] = {}
    if not entity_ids:
        return out
    for entity_id, kind, op_state, clock, payload in s.execute(
        select(OutboxOp.entity_id, OutboxOp.kind, OutboxOp.state, OutboxOp.hlc, OutboxOp.payload).where(
            OutboxOp.entity_id.in_(entity_ids), OutboxOp.state.in_((PENDING, contract.APPLIED, contract.DUPLICATE))
        )
    ):
        fields: list[str]
        if kind == contract.TRANSITION:
            fields = [f for f, k in _TRANSITION_FIELDS.items() if k in payload]
        elif kind == contract.UPDATE:
            fields = list((payload.get("fields") or {}).keys())
        else:
            fields = [k for k in payload if k not in contract.CONTROL_KEYS]
        clocks = out.setdefault(entity_id, DeskClocks())
        held = clocks.pending if op_state == PENDING else clocks.accepted
        for name in fields:
            held[name] = max(held.get(name, ""), clock)
    return out


def _apply_own(uow: UnitOfWork, row: Any, change: contract.Change, desk: DeskClocks, tally: PageTally) -> bool:
    mapping = MERGED[change.entity]
    incoming = {f: change.data[f] for f in mapping if f in change.data}
    values = {f: plain(getattr(row, column)) for f, column in mapping.items() if f in incoming}
    clocks = desk.merged()
    merged = contract.merge_fields(values, clocks, incoming, change.hlc)
    changed = [f for f, v in merged.taken.items() if v != values.get(f)]
    for name in changed:
        setattr(row, mapping[name], to_column(type(row), mapping[name], merged.values[name]))
    for name, (value, clock) in merged.lost.items():
        desk_lost = name in merged.taken
        if not desk_lost and change.hlc <= desk.accepted.get(name, ""):
            continue  # an earlier state replayed by the feed, not another writer's value
        uow.session.add(
            FieldHistory(
                entity=change.entity,
                entity_id=change.entity_id,
                field=name,
                value=value,
                hlc=clock,
                lost_to_hlc=change.hlc if desk_lost else clocks.get(name, ""),
                side="desk" if desk_lost else "district",
                recorded_at=uow.now,
            )
        )
    status_changed = change.entity == "case" and _follow_status(uow, row, change, desk)
    if status_changed:
        tally.status_changes += 1
    if changed or status_changed:
        if hasattr(row, "updated_hlc"):
            row.updated_hlc = max(row.updated_hlc or "", change.hlc)
        if hasattr(row, "updated_at"):
            row.updated_at = uow.now
        if changed:
            uow.audit("sync.apply", change.entity, change.entity_id, fields=sorted(changed), seq=change.seq)
    return bool(changed or status_changed)


def _follow_status(uow: UnitOfWork, case: MediationCase, change: contract.Change, desk: DeskClocks) -> bool:
    """The case's status as the district holds it — unless the desk has a transition of its own
    still to push (the district judges that one first), or the change is an earlier state the
    district has since left by a later transition of this desk that it accepted (the feed
    replays every state; a record's clock on the server only grows)."""
    target = change.data.get("status")
    if not target or target == case.status or target not in states.STATES or "status" in desk.pending:
        return False
    if change.hlc < desk.accepted.get("status", ""):
        return False
    previous = case.status
    case.status, case.status_changed_at = target, uow.now
    uow.session.add(
        CaseTransition(
            case_id=case.id,
            from_status=previous,
            to_status=target,
            at=uow.now,
            hlc=change.hlc,
            actor=DISTRICT_ACTOR,
            reason="以区里的状态为准（同步）",
            details={"district_seq": change.seq, "origin_device": change.origin_device},
        )
    )
    uow.audit("sync.case_status", "case", case.id, from_status=previous, to_status=target, seq=change.seq)
    return True


def _follow_clock(uow: UnitOfWork, seen: str, node: str) -> None:
    """The desk's clock moves past every clock it has seen (core/hlc.py `receive`)."""
    try:
        remote = hlc_rules.Timestamp.decode(seen)
    except ValueError:
        return
    s = uow.session
    held = state.get(s, HLC_KEY)
    last = hlc_rules.Timestamp.decode(held) if held else hlc_rules.ZERO
    now_ms = int(uow.now.timestamp() * 1000)
    state.put(s, HLC_KEY, hlc_rules.receive(last, remote, now_ms, node).encode())
    if held is None:
        s.flush()  # `uow.tick` reads the stored clock on its first call: a new row is found once written
