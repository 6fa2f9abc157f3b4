"""Applying a pushed batch of ops, each at most once, by the contract's policy for its entity.

One batch is one transaction under the feed lock: each applied op's id (`applied_op`), its effect
and its change-feed entry commit together, so a server killed mid-batch has applied none of it and
a replayed op is answered `duplicate`. Rejected and conflicting ops leave nothing behind, so a
replay is judged again against the state of that moment."""

from __future__ import annotations

import logging
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from mediation_desk.core import sync_contract as contract
from mediation_desk.core.registry import REGISTRY
from mediation_desk.core.sync_contract import APPLIED, CONFLICT, DUPLICATE, REJECTED, OpResult
from mediation_desk.district import alarm_apply, alarm_town_push, metrics, points_apply, sitecode_apply
from mediation_desk.district.config import DEFAULT, ServerConfig
from mediation_desk.district.db import Database
from mediation_desk.district.enrollment import DeviceScope
from mediation_desk.district.errors import bad_request
from mediation_desk.district.feed import FeedWriter, record_state
from mediation_desk.district.models import (
    AppliedOp,
    CaseFile,
    CaseTransition,
    Committee,
    Fact,
    FieldHistory,
    Record,
)
from mediation_desk.district.op_check import (
    MAX_ID_CHARS,
    OpRefused,
    answerable_op_id,
    case_file_body,
    case_id_of,
    kept_fields,
    parse_op,
    refuse_personal_data,
    shown,
    update_fields,
)
from mediation_desk.mediation import states
from mediation_desk.storage.base import new_id, utcnow

log = logging.getLogger(__name__)

# Case fields only a transition (status and what comes with it) or the town (take-over) sets.
TRANSITION_FIELDS = ("routes", "escalate_to", "prevented", "closed_on")
NOT_BY_CASE_EDITS = frozenset({"status", *TRANSITION_FIELDS, contract.TAKEN_OVER_BY, contract.TAKEN_OVER_AT})
ESCALATED_TO_TOWN = "town"


class Sealer(Protocol):
    """Seals a case file with the server key (server_key.ServerKeys): returns the key id and the bytes."""

    def seal(self, data: bytes, aad: str) -> tuple[str, bytes]: ...


@dataclass
class Context:
    session: Session
    device: DeviceScope
    committee: Committee
    feed: FeedWriter
    # Every record the batch may touch, read in one query up front (None: not on the server).
    records: dict[tuple[str, str], Record | None] = field(default_factory=dict)
    keys: Sealer | None = None  # seals case files (server_key.py)
    points: points_apply.PointsBatch | None = None  # the green-coin ledger as this batch sees it

    def record(self, entity: str, entity_id: str) -> Record | None:
        key = (entity, entity_id)
        if key not in self.records:
            self.records[key] = self.session.get(Record, key)
        return self.records[key]


def _prefetch(s: Session, raw_ops: list[dict[str, Any]]) -> dict[tuple[str, str], Record | None]:
    """The records a batch refers to (its entities, their cases and residents), in one query:
    applying 500 ops then costs no read per op, and the writes go out together at commit."""
    ids: set[str] = set()
    for raw in raw_ops:
        payload: dict[str, Any] = raw["payload"] if isinstance(raw.get("payload"), dict) else {}
        for value in (raw.get("entity_id"), payload.get("case_id"), payload.get("resident_id")):
            if isinstance(value, str) and contract.UUID_SHAPE.fullmatch(value):  # nothing else is looked up
                ids.add(value)
    kept = [name for name, e in REGISTRY.entities.items() if e.policy != contract.APPEND_ONLY]
    found: dict[tuple[str, str], Record | None] = {(e, i): None for i in ids for e in kept}
    for chunk in (sorted(ids)[i : i + 900] for i in range(0, len(ids), 900)):
        for rec in s.scalars(select(Record).where(Record.entity_id.in_(chunk))):
            found[(rec.entity, rec.entity_id)] = rec
    return found


def push(
    db: Database,
    device: DeviceScope,
    raw_ops: list[Any],
    config: ServerConfig = DEFAULT,
    keys: Sealer | None = None,
) -> list[OpResult]:
    """Apply a batch; one answer per op, in order. Ops without an op id that can be echoed back
    refuse the whole request (there would be nothing to answer them by); any other bad op is
    rejected alone and the rest of the batch applies."""
    if len(raw_ops) > contract.MAX_PUSH_BATCH:
        raise bad_request(f"一次最多推送 {contract.MAX_PUSH_BATCH} 条操作，本次 {len(raw_ops)} 条", "ops", 413)
    op_ids: list[str] = []
    for i, raw in enumerate(raw_ops):
        op_id = answerable_op_id(raw)
        if op_id is None:
            raise bad_request(
                f"第 {i + 1} 条操作缺少操作编号（op_id），或它不是 {MAX_ID_CHARS} 个字符以内的文字", f"ops[{i}].op_id"
            )
        op_ids.append(op_id)
    now_ms, skew_ms = int(time.time() * 1000), config.max_clock_skew_s * 1000
    if device.is_town:  # a town moves its villages' alarms; everything else of it is refused
        answered = alarm_town_push.push_from_town(db, device, raw_ops, op_ids, now_ms, skew_ms)
        _count(answered)
        return answered
    results: list[OpResult] = []
    with db.write(feed=True) as s:
        committee = s.get(Committee, device.committee_id)
        assert committee is not None
        ctx = Context(s, device, committee, FeedWriter(s), _prefetch(s, raw_ops), keys)
        done = set(
            s.scalars(
                select(AppliedOp.op_id).where(AppliedOp.device_id == device.device_id, AppliedOp.op_id.in_(set(op_ids)))
            )
        )
        s.autoflush = False  # all the loop reads is in `ctx.records`; written together at the end
        for op_id, raw in zip(op_ids, raw_ops, strict=True):
            if op_id in done:
                results.append(OpResult(op_id, DUPLICATE))
                continue
            try:
                op = parse_op(raw, now_ms=now_ms, max_skew_ms=skew_ms)
                result = apply_op(ctx, op)
            except OpRefused as refused:
                result = OpResult(op_id, REJECTED, refused.reason, None, refused.code)
            if result.status == APPLIED:
                ctx.feed.add(AppliedOp, op_id=op_id, device_id=device.device_id, entity=op.entity, applied_at=utcnow())
                done.add(op_id)
            results.append(result)
        ctx.feed.write()
    counts = _count(results)
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


def _count(results: list[OpResult]) -> Counter[str]:
    for r in results:
        metrics.op_result(r.status, r.reason_code)
    return Counter(r.status for r in results)


def apply_op(ctx: Context, op: contract.Op) -> OpResult:
    if op.entity == contract.CASE_FILE:
        return _apply_case_file(ctx, op)
    if op.entity in sitecode_apply.ENTITIES:  # site codes: a place's (business) address is kept
        return sitecode_apply.apply_op(ctx, op, _apply_fields)
    if op.entity in alarm_apply.ENTITIES:  # bracelet alarms: a wearer's name and address are kept
        return alarm_apply.apply_op(ctx, op)
    refuse_personal_data(op.payload)
    if op.entity in points_apply.ENTITIES:  # green coins: their own rules (a ledger, not case facts)
        return points_apply.apply_op(ctx, op, _apply_fields)
    if REGISTRY.entities[op.entity].policy == contract.APPEND_ONLY:
        return _apply_fact(ctx, op)
    rec = ctx.record(op.entity, op.entity_id)
    if rec is not None and rec.committee_id != ctx.committee.id:
        raise OpRefused(contract.REASON_OUT_OF_SCOPE, contract.REASON_CODE_OUT_OF_SCOPE)
    if op.kind == contract.TRANSITION:
        return _apply_transition(ctx, op, rec)
    return _apply_fields(ctx, op, rec)


def case_in_scope(ctx: Context, case_id: str) -> Record:
    case = ctx.record("case", case_id)
    if case is None:
        raise OpRefused("区里还没有这个案件，请先同步案件的受理登记", contract.REASON_CODE_NOT_YET)
    if case.committee_id != ctx.committee.id:
        raise OpRefused(contract.REASON_OUT_OF_SCOPE, contract.REASON_CODE_OUT_OF_SCOPE)
    return case


def _apply_fields(ctx: Context, op: contract.Op, rec: Record | None) -> OpResult:
    """create / update of a record: field-level last-writer-wins, the losers kept in history."""
    raw = op.payload if op.kind == contract.CREATE else update_fields(op)
    if rec is None and op.kind == contract.UPDATE:
        raise OpRefused("区里还没有这条记录，请先同步它的新建", contract.REASON_CODE_NOT_YET)
    fields = kept_fields(op.entity, raw)
    case_id: str | None = None
    if op.entity == "committee" and fields.get("code", ctx.committee.code) != ctx.committee.code:
        raise OpRefused(contract.REASON_OUT_OF_SCOPE, contract.REASON_CODE_OUT_OF_SCOPE)
    if op.entity == "case":
        if op.kind == contract.UPDATE and "status" in raw:
            raise OpRefused("案件状态只能通过状态变更（transition）同步")
        status = fields.get("status")
        fields = {k: v for k, v in fields.items() if k not in NOT_BY_CASE_EDITS}
        if rec is None:
            if status not in states.STATES:
                raise OpRefused(f"未知的案件状态：{shown(status)}")
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
        raise OpRefused(f"未知的案件状态：{shown(target)}")
    extras = kept_fields("case", {k: op.payload[k] for k in TRANSITION_FIELDS if k in op.payload})
    if rec is None:
        raise OpRefused("区里还没有这个案件，请先同步案件的受理登记", contract.REASON_CODE_NOT_YET)
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
    """The whole file of a case escalated to the town, sealed with the server key for the town to
    read. The feed carries only its arrival, never its content."""
    case_id = case_id_of(op)
    body = case_file_body(op.payload)
    case = case_in_scope(ctx, case_id)
    if case.status != states.ESCALATED or case.escalate_to != ESCALATED_TO_TOWN:
        raise OpRefused("案件尚未上报到镇（街道），区里不接收它的卷宗", contract.REASON_CODE_NOT_YET)
    if ctx.keys is None:
        raise OpRefused("区里服务器没有配置密钥，暂不接收卷宗；请联系区社会治理中心")
    now, file_id = utcnow(), new_id()
    key_id, sealed = ctx.keys.seal(body, file_id)
    ctx.feed.add(
        CaseFile,
        id=file_id,
        op_id=op.op_id,
        case_id=case_id,
        committee_id=ctx.committee.id,
        town_id=case.town_id,
        sealed=sealed,
        key_id=key_id,
        size_bytes=len(body),
        hlc=op.hlc,
        device_id=ctx.device.device_id,
        received_at=now,
    )
    ctx.feed.append(
        entity=contract.CASE_FILE,
        entity_id=op.entity_id,
        committee=ctx.committee,
        hlc=op.hlc,
        data={"case_id": case_id, "case_file_id": file_id, "received_at": now.isoformat()},
        origin_device=ctx.device.device_id,
        town_visible=True,
    )
    return OpResult(op.op_id, APPLIED)
