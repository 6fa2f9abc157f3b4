"""Applying a pushed batch of ops, each at most once, by the contract's policy for its entity.

One batch is one transaction under the feed lock: each applied op's id (`applied_op`), its effect
and its change-feed entry commit together, so a server killed mid-batch has applied none of it and
a replayed op is answered `duplicate`. Rejected and conflicting ops leave nothing behind, so a
replay is judged again against the state of that moment."""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mediation_desk.core import sync_contract as contract
from mediation_desk.core.registry import REGISTRY
from mediation_desk.core.sync_contract import APPLIED, CONFLICT, DUPLICATE, REJECTED, OpResult
from mediation_desk.district.db import Database
from mediation_desk.district.enrollment import DeviceScope
from mediation_desk.district.errors import bad_request
from mediation_desk.district.feed import FeedWriter, record_state
from mediation_desk.district.models import (
    ID_LEN,
    AppliedOp,
    CaseFile,
    CaseTransition,
    Committee,
    Fact,
    FieldHistory,
    Record,
)
from mediation_desk.district.op_check import (
    OpRefused,
    case_id_of,
    kept_fields,
    parse_op,
    refuse_personal_data,
    update_fields,
)
from mediation_desk.mediation import states
from mediation_desk.storage.base import utcnow

log = logging.getLogger(__name__)

# Case fields only a transition (status and what comes with it) or the town (take-over) sets.
TRANSITION_FIELDS = ("routes", "escalate_to", "prevented", "closed_on")
NOT_BY_CASE_EDITS = frozenset({"status", *TRANSITION_FIELDS, contract.TAKEN_OVER_BY, contract.TAKEN_OVER_AT})
ESCALATED_TO_TOWN = "town"


@dataclass
class Context:
    session: Session
    device: DeviceScope
    committee: Committee
    feed: FeedWriter
    # Every record the batch may touch, read in one query up front (None: not on the server).
    records: dict[tuple[str, str], Record | None] = field(default_factory=dict)

    def record(self, entity: str, entity_id: str) -> Record | None:
        key = (entity, entity_id)
        if key not in self.records:
            self.records[key] = self.session.get(Record, key)
        return self.records[key]


def _prefetch(s: Session, raw_ops: list[dict[str, Any]]) -> dict[tuple[str, str], Record | None]:
    """The records a batch refers to (its entities and their cases), in one query: applying 500
    ops then costs no read per op, and the writes go out together at commit."""
    ids: set[str] = set()
    for raw in raw_ops:
        for value in (
            raw.get("entity_id"),
            (raw.get("payload") or {}).get("case_id") if isinstance(raw.get("payload"), dict) else None,
        ):
            if isinstance(value, str) and len(value) <= ID_LEN:
                ids.add(value)
    found: dict[tuple[str, str], Record | None] = {
        (e, i): None for i in ids for e in ("case", "committee", "mediator", "agreement")
    }
    for chunk in (sorted(ids)[i : i + 900] for i in range(0, len(ids), 900)):
        for rec in s.scalars(select(Record).where(Record.entity_id.in_(chunk))):
            found[(rec.entity, rec.entity_id)] = rec
    return found


def push(db: Database, device: DeviceScope, raw_ops: list[Any]) -> list[OpResult]:
    """Apply a batch; one answer per op, in order. Ops without an op id refuse the whole request
    (there would be nothing to answer them by)."""
    if len(raw_ops) > contract.MAX_PUSH_BATCH:
        raise bad_request(f"一次最多推送 {contract.MAX_PUSH_BATCH} 条操作，本次 {len(raw_ops)} 条", "ops", 413)
    for i, raw in enumerate(raw_ops):
        if not isinstance(raw, dict) or not isinstance(raw.get("op_id"), str) or not raw["op_id"]:
            raise bad_request("每条操作都须是带操作编号（op_id）的对象", f"ops[{i}].op_id")
    if device.is_town:  # a town reads; its own cases sync through a committee enrollment
        return [OpResult(raw["op_id"], REJECTED, contract.REASON_OUT_OF_SCOPE) for raw in raw_ops]
    results: list[OpResult] = []
    with db.write(feed=True) as s:
        committee = s.get(Committee, device.committee_id)
        assert committee is not None
        ctx = Context(s, device, committee, FeedWriter(s), _prefetch(s, raw_ops))
        ids = list({raw["op_id"] for raw in raw_ops})
        done = set(s.scalars(select(AppliedOp.op_id).where(AppliedOp.op_id.in_(ids))))
        s.autoflush = False  # all the loop reads is in `ctx.records`; written together at the end
        for raw in raw_ops:
            op_id = raw["op_id"]
            if op_id in done:
                results.append(OpResult(op_id, DUPLICATE))
                continue
            try:
                result = apply_op(ctx, parse_op(raw))
            except OpRefused as refused:
                result = OpResult(op_id, REJECTED, refused.reason)
            if result.status == APPLIED:
                ctx.feed.add(
                    AppliedOp,
                    op_id=op_id,
                    device_id=device.device_id,
                    entity=str(raw.get("entity")),
                    applied_at=utcnow(),
                )
                done.add(op_id)
            results.append(result)
        ctx.feed.write()
    counts = Counter(r.status for r in results)
    log.info(
        "push device=%s ops=%d applied=%d duplicate=%d rejected=%d conflict=%d changes=%d",
        device.device_id,
        len(results),
        counts[APPLIED],
        counts[DUPLICATE],
        counts[REJECTED],
        counts[CONFLICT],
        ctx.feed.appended,
    )
    return results


def apply_op(ctx: Context, op: contract.Op) -> OpResult:
    if op.entity == contract.CASE_FILE:
        return _apply_case_file(ctx, op)
    refuse_personal_data(op.payload)
    if REGISTRY.entities[op.entity].policy == contract.APPEND_ONLY:
        return _apply_fact(ctx, op)
    rec = ctx.record(op.entity, op.entity_id)
    if rec is not None and rec.committee_id != ctx.committee.id:
        raise OpRefused(contract.REASON_OUT_OF_SCOPE)
    if op.kind == contract.TRANSITION:
        return _apply_transition(ctx, op, rec)
    return _apply_fields(ctx, op, rec)


def case_in_scope(ctx: Context, case_id: str) -> Record:
    case = ctx.record("case", case_id)
    if case is None:
        raise OpRefused("区里还没有这个案件，请先同步案件的受理登记")
    if case.committee_id != ctx.committee.id:
        raise OpRefused(contract.REASON_OUT_OF_SCOPE)
    return case


def _apply_fields(ctx: Context, op: contract.Op, rec: Record | None) -> OpResult:
    """create / update of a record: field-level last-writer-wins, the losers kept in history."""
    raw = op.payload if op.kind == contract.CREATE else update_fields(op)
    if rec is None and op.kind == contract.UPDATE:
        raise OpRefused("区里还没有这条记录，请先同步它的新建")
    fields = kept_fields(op.entity, raw)
    case_id: str | None = None
    if op.entity == "committee" and fields.get("code", ctx.committee.code) != ctx.committee.code:
        raise OpRefused(contract.REASON_OUT_OF_SCOPE)
    if op.entity == "case":
        if op.kind == contract.UPDATE and "status" in raw:
            raise OpRefused("案件状态只能通过状态变更（transition）同步")
        status = fields.get("status")
        fields = {k: v for k, v in fields.items() if k not in NOT_BY_CASE_EDITS}
        if rec is None:
            if status not in states.STATES:
                raise OpRefused(f"未知的案件状态：{str(status)[:32]}")
            fields["status"] = status
    if op.entity == "agreement":
        case_id = rec.case_id if rec is not None else fields.get("case_id")
        if rec is None:
            if not isinstance(case_id, str):
                raise OpRefused("协议缺少所属案件（case_id）")
            case_in_scope(ctx, case_id)
        elif fields.get("case_id", case_id) != case_id:
            raise OpRefused("协议所属的案件不能更改")
    created = rec is None
    if rec is None:
        rec = Record(
            entity=op.entity,
            entity_id=op.entity_id,
            committee_id=ctx.committee.id,
            town_id=ctx.committee.town_id,
            case_id=case_id,
            data={},
            clocks={},
            hlc=op.hlc,
            origin_device=ctx.device.device_id,
            created_at=utcnow(),
            updated_at=utcnow(),
        )
        ctx.session.add(rec)
        ctx.records[(op.entity, op.entity_id)] = rec
    merged = contract.merge_fields(rec.data, rec.clocks, fields, op.hlc)
    for name, (value, clock) in merged.lost.items():
        ctx.feed.add(
            FieldHistory,
            entity=op.entity,
            entity_id=op.entity_id,
            field=name,
            value=value,
            hlc=clock or op.hlc,
            op_id=op.op_id,
            recorded_at=utcnow(),
        )
    if merged.taken or created:
        _store(rec, merged.values, merged.clocks, op.hlc)
        ctx.feed.record_changed(rec, ctx.committee, ctx.device.device_id)
    return OpResult(op.op_id, APPLIED)


def _store(rec: Record, values: dict[str, Any], clocks: dict[str, str], clock: str) -> None:
    rec.data, rec.clocks = dict(values), dict(clocks)  # new objects: JSON columns see the change
    rec.hlc = max(rec.hlc, clock)
    rec.updated_at = utcnow()
    if rec.entity == "case":
        rec.status = rec.data.get("status")
        rec.escalate_to = rec.data.get("escalate_to")


def _apply_transition(ctx: Context, op: contract.Op, rec: Record | None) -> OpResult:
    """A case's status moves only by transitions the server re-validates from its own state."""
    claimed_from, target = op.payload.get("from"), op.payload.get("to")
    if not isinstance(claimed_from, str) or not isinstance(target, str):
        raise OpRefused("状态变更缺少原状态（from）或新状态（to）")
    if target not in states.STATES:
        raise OpRefused(f"未知的案件状态：{target[:32]}")
    extras = kept_fields("case", {k: op.payload[k] for k in TRANSITION_FIELDS if k in op.payload})
    if rec is None:
        raise OpRefused("区里还没有这个案件，请先同步案件的受理登记")
    current = rec.status or ""
    conflict = states.transition_conflict(current, claimed_from, target)
    if conflict is not None:
        return OpResult(op.op_id, CONFLICT, conflict, record_state(rec))
    if current == target:
        return OpResult(op.op_id, APPLIED)  # the same move arrived by another route: nothing to do
    values, clocks = dict(rec.data), dict(rec.clocks)
    for name, value in {"status": target, **extras}.items():
        values[name], clocks[name] = value, max(clocks.get(name, ""), op.hlc)
    _store(rec, values, clocks, op.hlc)
    ctx.feed.add(
        CaseTransition,
        case_id=rec.entity_id,
        from_status=current,
        to_status=target,
        hlc=op.hlc,
        op_id=op.op_id,
        device_id=ctx.device.device_id,
        at=utcnow(),
    )
    ctx.feed.record_changed(rec, ctx.committee, ctx.device.device_id)
    return OpResult(op.op_id, APPLIED)


def _apply_fact(ctx: Context, op: contract.Op) -> OpResult:
    """Append-only facts never conflict: each op is one fact."""
    case_id = case_id_of(op)
    case_in_scope(ctx, case_id)
    fields = kept_fields(op.entity, op.payload)
    ctx.feed.add(
        Fact,
        op_id=op.op_id,
        entity=op.entity,
        entity_id=op.entity_id,
        committee_id=ctx.committee.id,
        case_id=case_id,
        data=fields,
        hlc=op.hlc,
        device_id=ctx.device.device_id,
        received_at=utcnow(),
    )
    ctx.feed.append(
        entity=op.entity,
        entity_id=op.entity_id,
        committee=ctx.committee,
        hlc=op.hlc,
        data={**fields, "case_id": case_id, "op_id": op.op_id},
        origin_device=ctx.device.device_id,
        town_visible=False,
    )
    return OpResult(op.op_id, APPLIED)


def _apply_case_file(ctx: Context, op: contract.Op) -> OpResult:
    """The whole file of a case escalated to the town, kept as given for the town to read. The
    feed carries only its arrival, never its content."""
    case_id = case_id_of(op)
    case = case_in_scope(ctx, case_id)
    if case.status != states.ESCALATED or case.escalate_to != ESCALATED_TO_TOWN:
        raise OpRefused("案件尚未上报到镇（街道），区里不接收它的卷宗")
    now = utcnow()
    ctx.feed.add(
        CaseFile,
        id=op.op_id,
        case_id=case_id,
        committee_id=ctx.committee.id,
        town_id=case.town_id,
        content=op.payload,
        hlc=op.hlc,
        device_id=ctx.device.device_id,
        received_at=now,
    )
    ctx.feed.append(
        entity=contract.CASE_FILE,
        entity_id=op.entity_id,
        committee=ctx.committee,
        hlc=op.hlc,
        data={"case_id": case_id, "case_file_id": op.op_id, "received_at": now.isoformat()},
        origin_device=ctx.device.device_id,
        town_visible=True,
    )
    return OpResult(op.op_id, APPLIED)
