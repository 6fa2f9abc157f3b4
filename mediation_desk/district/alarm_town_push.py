"""What a town desk may push: moves of its villages' alarms, and nothing else.

A town desk handles an escalated alarm with the same service as a village desk (接警, 派单,
处置完毕 at the desk, an outbox op, a push), so an answer given while the line is down is not
lost. Its ops are judged like a village desk's (`rules.transition_conflict` from the district's
state, the target's fields required) but in the town's scope: the alarm must belong to one of
the town's villages. Every other op of a town device is refused as out of scope, as before: a
town reads cases and site codes, its own cases sync through a committee enrollment.

One batch is one transaction under the feed lock, each applied op recorded with its effect, so a
replay is answered `duplicate` exactly as for a village desk."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from mediation_desk.alarms import rules
from mediation_desk.core import sync_contract as contract
from mediation_desk.core.sync_contract import APPLIED, CONFLICT, DUPLICATE, REJECTED, OpResult
from mediation_desk.district import alarm_records as records
from mediation_desk.district.db import Database
from mediation_desk.district.enrollment import DeviceScope
from mediation_desk.district.feed import FeedWriter, record_state
from mediation_desk.district.models import AppliedOp, Record
from mediation_desk.district.op_check import OpRefused, parse_op
from mediation_desk.storage.base import utcnow

_OUT_OF_SCOPE = (contract.REASON_OUT_OF_SCOPE, None, contract.REASON_CODE_OUT_OF_SCOPE)


def push_from_town(
    db: Database, device: DeviceScope, raw_ops: list[Any], op_ids: list[str], now_ms: int, skew_ms: int
) -> list[OpResult]:
    """One answer per op, in order (`op_ids` already checked by the caller)."""
    if not any(isinstance(raw, dict) and raw.get("entity") == rules.ALARM for raw in raw_ops):
        return [OpResult(op_id, REJECTED, *_OUT_OF_SCOPE) for op_id in op_ids]  # nothing to lock for
    results: list[OpResult] = []
    with db.write(feed=True) as s:
        feed = FeedWriter(s)
        done = set(
            s.scalars(
                select(AppliedOp.op_id).where(AppliedOp.device_id == device.device_id, AppliedOp.op_id.in_(set(op_ids)))
            )
        )
        for op_id, raw in zip(op_ids, raw_ops, strict=True):
            if op_id in done:
                results.append(OpResult(op_id, DUPLICATE))
                continue
            try:
                op = parse_op(raw, now_ms=now_ms, max_skew_ms=skew_ms)
                result = _move(s, feed, device, op)
            except OpRefused as refused:  # a FieldRefused too: its reason names the field
                result = OpResult(op_id, REJECTED, refused.reason, None, refused.code)
            if result.status == APPLIED:
                feed.add(AppliedOp, op_id=op_id, device_id=device.device_id, entity=op.entity, applied_at=utcnow())
                done.add(op_id)
            results.append(result)
        feed.write()
        if feed.appended:
            records.notify(s)
    return results


def _move(s: Any, feed: FeedWriter, device: DeviceScope, op: contract.Op) -> OpResult:
    if op.entity != rules.ALARM or op.kind != contract.TRANSITION:
        return OpResult(op.op_id, REJECTED, *_OUT_OF_SCOPE)
    rec = s.get(Record, (rules.ALARM, op.entity_id))
    if rec is None:
        raise OpRefused(f"区里没有这条报警（{op.entity_id}）", contract.REASON_CODE_NOT_YET)
    if rec.town_id != device.town_id:
        return OpResult(op.op_id, REJECTED, *_OUT_OF_SCOPE)
    claimed_from, target, fields = records.transition_request(op.payload)
    conflict = records.move_conflict(rec, claimed_from, target, fields)
    if conflict is not None:
        return OpResult(op.op_id, CONFLICT, conflict, record_state(rec))
    if rec.status != target:
        s.flush()
        records.move_alarm(s, feed, rec, target, fields, op.hlc, device.device_id)
    return OpResult(op.op_id, APPLIED)
