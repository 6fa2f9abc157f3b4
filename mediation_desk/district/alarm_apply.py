"""Applying pushed bracelet-alarm ops (平安手环) by the rules desk and district share (`alarms.rules`).

- `alarm_wearer` (create / update, field-level LWW): the district keeps the wearer's name and
  address on purpose — when the village does not answer an alarm, the town sends help there — so
  these ops are taken before the generic refusal of personal data (contact phones, ID numbers and
  health notes are still refused). Each applied op updates the bracelet's row that routes its
  alarms (`alarm_device`). A bracelet active for a wearer of another committee is refused, naming
  it; within one committee the desk's own rule (one active wearer per bracelet) decides. A wearer
  whose location consent is withdrawn has every stored position of their alarms and bracelet
  erased, in the same transaction.
- `alarm` (transition only; alarms are born at the district): checked from the district's own
  state with `rules.transition_conflict` (a conflict answers the record), the fields the target
  needs checked and named (`alarm_records.transition_request`).
- `alarm_task` (update only; tasks are opened by the district): a desk closes one with status
  `done`, closed_at, closed_by and an optional note.

Alarm and task changes go into the feed town-visible and notify the other instances at commit."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from mediation_desk.alarms import entities, rules
from mediation_desk.core import sync_contract as contract
from mediation_desk.core.sync_contract import APPLIED, CONFLICT, OpResult
from mediation_desk.district import alarm_records as records
from mediation_desk.district.alarm_models import AlarmDevice, AlarmTask
from mediation_desk.district.feed import record_state
from mediation_desk.district.models import FieldHistory, Record
from mediation_desk.district.op_check import OpRefused, kept_fields, plain_text, shown, update_fields
from mediation_desk.storage.base import utcnow

if TYPE_CHECKING:
    from mediation_desk.district.apply import Context

ENTITIES = frozenset({rules.WEARER, rules.ALARM, rules.DEVICE_TASK})
# A bracelet's id as the frames carry it: letters and digits (IMEIs are 15 digits: not a phone
# number, so not put through the personal-data check of plain fields).
DEVICE_ID = re.compile(r"[0-9A-Za-z_-]{1,32}", re.ASCII)
PUBLIC_KEYS = frozenset({"address"})  # the wearer's home address: where help is sent
MAX_CHARS = {"name": 50, "address": 200}
BOOLS = ("living_alone", "active", "location_consent")
TASK_CLOSE_KEYS = frozenset({"status", "closed_at", "closed_by", "note"})


def touches_stream(raw_ops: list[Any]) -> bool:
    """Whether a pushed batch may have changed an alarm or a task (its streams are then woken)."""
    entities_named = (raw.get("entity") for raw in raw_ops if isinstance(raw, dict))
    return any(isinstance(name, str) and name in ENTITIES for name in entities_named)


def apply_op(ctx: Context, op: contract.Op) -> OpResult:
    if op.entity == rules.ALARM:
        return _alarm_op(ctx, op)
    if op.entity == rules.DEVICE_TASK:
        return _task_op(ctx, op)
    return _wearer_op(ctx, op)


def _in_scope(ctx: Context, entity: str, entity_id: str, what: str) -> Record:
    rec = ctx.record(entity, entity_id)
    if rec is None:
        raise OpRefused(f"区里没有这条{what}（{shown(entity_id, 64)}）")
    if rec.committee_id != ctx.committee.id:
        raise OpRefused(contract.REASON_OUT_OF_SCOPE, contract.REASON_CODE_OUT_OF_SCOPE)
    return rec


# ---- alarms and tasks --------------------------------------------------------------------------


def _alarm_op(ctx: Context, op: contract.Op) -> OpResult:
    if op.kind != contract.TRANSITION:
        raise OpRefused("报警由区里生成，工作台只能变更它的处置状态（transition），不能新建或修改")
    rec = _in_scope(ctx, rules.ALARM, op.entity_id, "报警")
    claimed_from, target, fields = records.transition_request(op.payload)
    conflict = records.move_conflict(rec, claimed_from, target, fields)
    if conflict is not None:
        return OpResult(op.op_id, CONFLICT, conflict, record_state(rec))
    if rec.status == target:
        return OpResult(op.op_id, APPLIED)  # the same move arrived by another route: nothing to do
    ctx.session.flush()
    records.move_alarm(ctx.session, ctx.feed, rec, target, fields, op.hlc, ctx.device.device_id)
    records.notify(ctx.session)
    return OpResult(op.op_id, APPLIED)


def _task_op(ctx: Context, op: contract.Op) -> OpResult:
    if op.kind != contract.UPDATE:
        raise OpRefused("手环设备任务由区里开具，工作台只能办结它（update），不能新建")
    rec = _in_scope(ctx, rules.DEVICE_TASK, op.entity_id, "手环设备任务")
    raw = update_fields(op)
    others = sorted(set(raw) - TASK_CLOSE_KEYS)
    if others:
        raise OpRefused(
            f"工作台只能办结手环设备任务（status、closed_at、closed_by、note），不能修改 {'、'.join(others)}"
        )
    if raw.get("status") != rules.TASK_DONE:
        raise OpRefused(f"手环设备任务只能改为已处理（status 须是 {rules.TASK_DONE}），收到 {shown(raw.get('status'))}")
    fields: dict[str, Any] = {
        "status": rules.TASK_DONE,
        "closed_at": records.iso(records.moment(raw.get("closed_at"), "closed_at")),
        "closed_by": records.line(raw.get("closed_by"), "closed_by", rules.MAX_WHO_CHARS),
    }
    if "note" in raw:
        note = raw["note"]
        fields["note"] = (
            None if note in (None, "") else records.line(note, "note", entities.MAX_NOTE_CHARS, multiline=True)
        )
    if rec.status == rules.TASK_OPEN:
        # Closing an open task is a move, like an alarm's: it takes whatever the desk's clock says
        # (the district opened it with its own clock, which a desk's may trail).
        records.store(rec, fields, max(rec.hlc, op.hlc))
    else:  # closed already: two closers' words, the later clock wins
        merged = contract.merge_fields(rec.data, rec.clocks, fields, op.hlc)
        _keep_losers(ctx, op, merged.lost)
        if not merged.taken:
            return OpResult(op.op_id, APPLIED)
        rec.data, rec.clocks = dict(merged.values), dict(merged.clocks)
        rec.hlc, rec.updated_at = max(rec.hlc, op.hlc), utcnow()
    ctx.session.flush()
    task = ctx.session.get(AlarmTask, rec.entity_id)
    if task is not None:
        task.status = str(rec.data.get("status"))
        closed = rec.data.get("closed_at")
        task.closed_at = dt.datetime.fromisoformat(closed) if isinstance(closed, str) else None
    records.changed(ctx.feed, rec, ctx.committee, ctx.device.device_id)
    records.notify(ctx.session)
    return OpResult(op.op_id, APPLIED)


def _keep_losers(ctx: Context, op: contract.Op, lost: Mapping[str, tuple[Any, str | None]]) -> None:
    for name, (value, clock) in lost.items():
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


# ---- wearers -----------------------------------------------------------------------------------


def _refuse_personal_data(op: contract.Op) -> None:
    nested = op.payload.get("fields")
    keys = set(op.payload) | (set(nested) if isinstance(nested, dict) else set())
    found = sorted((keys - PUBLIC_KEYS) & contract.PERSONAL_DATA_KEYS)
    if found:
        raise OpRefused(
            f"含有个人信息字段（{'、'.join(found)}），区里不接收；请升级本机软件后重试",
            contract.REASON_CODE_PERSONAL_DATA,
        )


def _wearer_fields(raw: dict[str, Any]) -> dict[str, Any]:
    """The wearer's fields of an op, checked; OpRefused naming the field."""
    rest = {k: v for k, v in raw.items() if k != "device_id"}
    fields = kept_fields(rules.WEARER, rest)
    if "device_id" in raw:
        device_id = raw["device_id"]
        if device_id is not None and not (isinstance(device_id, str) and DEVICE_ID.fullmatch(device_id)):
            raise OpRefused(f"手环编号（device_id）须是 1 到 32 位字母或数字，收到 {shown(device_id)}")
        fields["device_id"] = device_id
    for name in BOOLS:
        if name in fields and not isinstance(fields[name], bool):
            raise OpRefused(f"字段 {name} 须是 true 或 false，收到 {shown(fields[name])}")
    for name, limit in MAX_CHARS.items():
        value = fields.get(name)
        if value is not None:
            if not isinstance(value, str):
                raise OpRefused(f"字段 {name} 须是文字")
            plain_text(value, f"字段 {name} ", limit)
    return fields


def _wearer_op(ctx: Context, op: contract.Op) -> OpResult:
    _refuse_personal_data(op)
    rec = ctx.record(op.entity, op.entity_id)
    if rec is not None and rec.committee_id != ctx.committee.id:
        raise OpRefused(contract.REASON_OUT_OF_SCOPE, contract.REASON_CODE_OUT_OF_SCOPE)
    if rec is None and op.kind == contract.UPDATE:
        raise OpRefused("区里还没有这位手环佩戴人，请先同步佩戴人的登记", contract.REASON_CODE_NOT_YET)
    fields = _wearer_fields(op.payload if op.kind == contract.CREATE else update_fields(op))
    before = dict(rec.data) if rec is not None else {}
    state = contract.merge_fields(before, rec.clocks if rec else {}, fields, op.hlc).values
    ctx.session.flush()  # the bracelet rows this batch has written so far are read below
    _check_device(ctx, op.entity_id, state)
    created = rec is None
    if rec is None:
        now = utcnow()
        rec = Record(
            entity=op.entity,
            entity_id=op.entity_id,
            committee_id=ctx.committee.id,
            town_id=ctx.committee.town_id,
            data={},
            clocks={},
            hlc=op.hlc,
            origin_device=ctx.device.device_id,
            created_at=now,
            updated_at=now,
        )
        ctx.session.add(rec)
        ctx.records[(op.entity, op.entity_id)] = rec
    merged = contract.merge_fields(rec.data, rec.clocks, fields, op.hlc)
    _keep_losers(ctx, op, merged.lost)
    if not (merged.taken or created):
        return OpResult(op.op_id, APPLIED)
    rec.data, rec.clocks = dict(merged.values), dict(merged.clocks)
    rec.hlc, rec.updated_at = max(rec.hlc, op.hlc), utcnow()
    ctx.feed.record_changed(rec, ctx.committee, ctx.device.device_id)
    ctx.session.flush()
    _project(ctx, op.entity_id, before, rec.data)
    return OpResult(op.op_id, APPLIED)


def _check_device(ctx: Context, wearer_id: str, state: dict[str, Any]) -> None:
    device_id = state.get("device_id")
    if not device_id or state.get("active") is False:
        return
    held = ctx.session.get(AlarmDevice, device_id)
    if held is None or not held.active or held.wearer_id == wearer_id or held.committee_id == ctx.committee.id:
        return
    raise OpRefused(
        f"手环 {shown(device_id)} 正由其他村（社区）的佩戴人使用，区里不能把它配给这位佩戴人；"
        "请核对手环编号，或请那个村先停用它"
    )


def _project(ctx: Context, wearer_id: str, before: dict[str, Any], after: dict[str, Any]) -> None:
    """The bracelet rows that route this wearer's alarms, and the erasure of positions when the
    location consent was withdrawn."""
    s, now = ctx.session, utcnow()
    old, new = before.get("device_id"), after.get("device_id")
    consent = after.get("location_consent") is True
    if old and old != new:
        gone = s.get(AlarmDevice, old)
        if gone is not None and gone.wearer_id == wearer_id:
            gone.active = False
            gone.last_latitude = gone.last_longitude = gone.last_fix_at = None
    if new:
        device = s.get(AlarmDevice, new)
        if device is None:
            device = AlarmDevice(device_id=new, wearer_id=wearer_id, assigned_at=now)
            s.add(device)
        elif device.wearer_id != wearer_id:  # handed on: what it said of its last wearer goes
            device.wearer_id, device.assigned_at = wearer_id, now
            device.last_latitude = device.last_longitude = device.last_fix_at = None
        device.committee_id, device.town_id = ctx.committee.id, ctx.committee.town_id
        device.active = after.get("active") is not False
        device.location_consent = consent
        if not consent:
            device.last_latitude = device.last_longitude = device.last_fix_at = None
    if before.get("location_consent") is True and not consent:
        s.flush()
        if records.erase_positions(s, ctx.feed, wearer_id):
            records.notify(s)
