"""Applying pushed green-coin ops (平安绿币) by the rules desk and district share (`points.rules`).

- `points_resident`: a plain record of the committee (field-level LWW, the generic path); its
  label is a masked name (王*芳) — a full name never reaches the district.
- `points_declaration`: a desk creates one as `declared` only, for a resident the district holds,
  with the coins and module its item has in the catalogue version it names. The village's review
  is a transition re-validated here from the district's own state (`review_conflict`, then
  `review_problem`); the town's moves are made at the district (points_town.py) and refused from
  a committee's desk.
- `points_entry`: append-only and idempotent by ENTRY id — the same entry again is `duplicate`,
  whichever op or desk brings it. Desks write redemptions and reversals only: coins are credited,
  deducted and adjusted by the district alone. A redemption that takes the resident's balance
  at the district below zero (two desks spent the same coins offline) is stored all the same —
  the gift was handed over — and opens a `points_conflict` in the committee's feed, with the
  shortfall, for the town to resolve. Reversing such a redemption at a desk settles it.
- `points_conflict`: the district's own; no desk pushes one.

The ledger rows of a batch are written with its feed at the end of the transaction (feed.py), so
the batch's own entries are kept in `PointsBatch` until then: a batch that redeems twice from one
balance, or carries one entry twice, is judged as if each op had been applied alone."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mediation_desk.core import sync_contract as contract
from mediation_desk.core.sync_contract import APPLIED, CONFLICT, DUPLICATE, OpResult
from mediation_desk.core.uow import china_today
from mediation_desk.district import points_catalogue
from mediation_desk.district.feed import FeedWriter, record_state, server_clock
from mediation_desk.district.models import Committee, PointsEntry, Record
from mediation_desk.district.op_check import OpRefused, kept_fields, shown, update_fields
from mediation_desk.points import rules
from mediation_desk.storage.base import utcnow

if TYPE_CHECKING:
    from mediation_desk.district.apply import Context

ENTITIES = frozenset({rules.RESIDENT, rules.DECLARATION, rules.ENTRY, rules.CONFLICT})
DESK_KINDS = frozenset({rules.REDEMPTION, rules.REVERSAL})  # what a desk may write in the ledger
# Set by the village's transition or by the town at the district, never by a create or an update.
REVIEW_FIELDS = ("status", "village_reason", "village_reviewed_on", "town_reason", "town_reviewed_on")
# What a declaration is worth, fixed once declared (the town approves what the village approved).
FIXED_FIELDS = ("resident_id", "item_code", "module", "catalogue_version", "coins", "source", "source_ref")
REQUIRED = {
    "resident_id": "居民",
    "item_code": "项目",
    "catalogue_version": "积分目录版本",
    "activity_date": "活动日期",
}
MASK = "*"
SETTLED_BY_DESK = "村里已冲正这次兑换"

FieldsApplier = Callable[["Context", contract.Op, "Record | None"], OpResult]


# ---- the ledger as one transaction sees it ------------------------------------------------------


@dataclass(frozen=True)
class HeldEntry:
    id: str
    committee_id: str
    resident_id: str
    kind: str
    coins: int
    reverses: str | None
    data: dict[str, Any]


@dataclass
class PointsBatch:
    """The ledger and catalogues as one transaction sees them, with the entries it has added."""

    session: Session
    entries: dict[str, HeldEntry | None] = field(default_factory=dict)
    sums: dict[tuple[str, str], int] = field(default_factory=dict)  # (committee, resident) → balance
    catalogues: dict[int, rules.Catalogue | None] = field(default_factory=dict)

    def entry(self, entry_id: str) -> HeldEntry | None:
        if entry_id not in self.entries:
            row = self.session.get(PointsEntry, entry_id)
            self.entries[entry_id] = (
                None
                if row is None
                else HeldEntry(row.id, row.committee_id, row.resident_id, row.kind, row.coins, row.reverses, row.data)
            )
        return self.entries[entry_id]

    def balance(self, committee_id: str, resident_id: str) -> int:
        key = (committee_id, resident_id)
        if key not in self.sums:
            total = self.session.scalar(
                select(func.coalesce(func.sum(PointsEntry.coins), 0)).where(
                    PointsEntry.committee_id == committee_id, PointsEntry.resident_id == resident_id
                )
            )
            self.sums[key] = int(total or 0)
        return self.sums[key]

    def catalogue(self, version: int) -> rules.Catalogue | None:
        if version not in self.catalogues:
            self.catalogues[version] = points_catalogue.version(self.session, version)
        return self.catalogues[version]

    def add(
        self, feed: FeedWriter, committee: Committee, entry_id: str, data: dict[str, Any], clock: str, device: str
    ) -> HeldEntry:
        """Append one entry (checked by the caller) to the ledger and the committee's feed."""
        resident_id, coins = str(data["resident_id"]), int(data["coins"])
        before = self.balance(committee.id, resident_id)
        feed.add(
            PointsEntry,
            id=entry_id,
            committee_id=committee.id,
            resident_id=resident_id,
            kind=data["kind"],
            coins=coins,
            entry_date=dt.date.fromisoformat(str(data["entry_date"])),
            declaration_id=data.get("declaration_id"),
            reverses=data.get("reverses"),
            data=data,
            hlc=clock,
            device_id=device,
            received_at=utcnow(),
        )
        feed.append(
            entity=rules.ENTRY,
            entity_id=entry_id,
            committee=committee,
            hlc=clock,
            data=data,
            origin_device=device,
            town_visible=False,
        )
        held = HeldEntry(entry_id, committee.id, resident_id, data["kind"], coins, data.get("reverses"), data)
        self.entries[entry_id] = held
        self.sums[(committee.id, resident_id)] = before + coins
        return held


def batch_of(ctx: Context) -> PointsBatch:
    if ctx.points is None:
        ctx.points = PointsBatch(ctx.session)
    return ctx.points


def store(rec: Record, values: dict[str, Any], clock: str) -> None:
    """Set fields of a record the district changes itself (a review, a conflict): each with `clock`."""
    data, clocks = dict(rec.data), dict(rec.clocks)
    for name, value in values.items():
        data[name], clocks[name] = value, max(clocks.get(name, ""), clock)
    rec.data, rec.clocks = data, clocks  # new objects: JSON columns see the change
    rec.hlc, rec.updated_at = max(rec.hlc, clock), utcnow()
    rec.status = data.get("status")


# ---- applying one pushed op ---------------------------------------------------------------------


def apply_op(ctx: Context, op: contract.Op, fields: FieldsApplier) -> OpResult:
    """One pushed op of a green-coin entity; `fields` is the generic create/update of a record."""
    if op.entity == rules.CONFLICT:
        raise OpRefused("兑换冲突由区里发现、由镇里处理，工作台不能提交")
    if op.entity == rules.ENTRY:
        return _apply_entry(ctx, op)
    rec = ctx.record(op.entity, op.entity_id)
    if rec is not None and rec.committee_id != ctx.committee.id:
        raise OpRefused(contract.REASON_OUT_OF_SCOPE, contract.REASON_CODE_OUT_OF_SCOPE)
    if op.entity == rules.RESIDENT:
        _masked(op.payload if op.kind == contract.CREATE else update_fields(op), "label")
        return fields(ctx, op, rec)
    if op.kind == contract.TRANSITION:
        return _review(ctx, op, rec)
    raw = op.payload if op.kind == contract.CREATE else update_fields(op)
    _masked(raw, "resident_label")
    if rec is None and op.kind == contract.CREATE:
        return _declare(ctx, op, fields)
    if op.kind == contract.UPDATE:
        if rec is None:
            raise OpRefused("区里还没有这条申报，请先同步申报的登记", contract.REASON_CODE_NOT_YET)
        fixed = sorted(set(raw) & {*REVIEW_FIELDS, *FIXED_FIELDS})
        if fixed:
            raise OpRefused(f"申报登记后不能修改这些字段：{'、'.join(fixed)}（审核结果只能通过审核同步）")
        return fields(ctx, op, rec)
    # The create of a declaration the district holds (sent again by another op): what it is worth
    # and where its review stands are the district's; any other field merges as usual.
    kept = {k: v for k, v in raw.items() if k not in REVIEW_FIELDS and k not in FIXED_FIELDS}
    return fields(ctx, dataclasses.replace(op, payload=kept), rec)


def _masked(values: dict[str, Any], key: str) -> None:
    label = values.get(key)
    if label is not None and (not isinstance(label, str) or MASK not in label):
        raise OpRefused(
            f"字段 {key} 须是遮掩后的姓名（如 王*芳）：区里不接收完整姓名", contract.REASON_CODE_PERSONAL_DATA
        )


def resident_in_scope(ctx: Context, resident_id: Any) -> Record:
    if not isinstance(resident_id, str):
        raise OpRefused("缺少居民（resident_id）")
    resident = ctx.record(rules.RESIDENT, resident_id)
    if resident is None:
        raise OpRefused("区里还没有这位居民，请先同步居民的登记", contract.REASON_CODE_NOT_YET)
    if resident.committee_id != ctx.committee.id:
        raise OpRefused(contract.REASON_OUT_OF_SCOPE, contract.REASON_CODE_OUT_OF_SCOPE)
    return resident


def _declare(ctx: Context, op: contract.Op, fields: FieldsApplier) -> OpResult:
    values = kept_fields(rules.DECLARATION, op.payload)
    if values.get("status") != rules.DECLARED:
        raise OpRefused(
            f"新申报的状态须是“{rules.STATUS_LABELS[rules.DECLARED]}”（{rules.DECLARED}），"
            f"不能是 {shown(values.get('status'))}：审核结果只能通过审核同步"
        )
    reviewed = sorted(k for k in REVIEW_FIELDS[1:] if values.get(k) is not None)
    if reviewed:
        raise OpRefused(f"新申报不能带审核结果（{'、'.join(reviewed)}）：审核结果只能通过审核同步")
    missing = [f"{label}（{key}）" for key, label in REQUIRED.items() if values.get(key) is None]
    if missing:
        raise OpRefused(f"申报缺少{'、'.join(missing)}")
    resident_in_scope(ctx, values["resident_id"])
    version = int(values["catalogue_version"])
    catalogue = batch_of(ctx).catalogue(version)
    if catalogue is None:
        raise OpRefused(f"区里没有发布过第 {version} 版积分目录")
    item = catalogue.item(str(values["item_code"]))
    if item is None:
        raise OpRefused(f"第 {version} 版积分目录中没有项目 {shown(values['item_code'])}")
    if values.get("coins") != item.coins or values.get("module") != item.module:
        raise OpRefused(
            f"申报的绿币数或模块与第 {version} 版积分目录中的「{item.label}」不符（应为 {item.coins}，{item.module}）"
        )
    result = fields(ctx, op, None)
    rec = ctx.records[(op.entity, op.entity_id)]
    if rec is not None:
        rec.status = rules.DECLARED
    return result


def _review(ctx: Context, op: contract.Op, rec: Record | None) -> OpResult:
    """The village's review: re-validated from the district's state of the declaration."""
    claimed_from, target = op.payload.get("from"), op.payload.get("to")
    if not isinstance(claimed_from, str) or not isinstance(target, str):
        raise OpRefused("审核缺少原状态（from）或新状态（to）")
    if target in rules.TOWN_MOVES:
        raise OpRefused("镇级审核由镇（街道）的电脑通过区里进行，调解委员会的电脑不能提交")
    if target not in rules.STATUS_LABELS:
        raise OpRefused(f"未知的审核结果：{shown(target)}")
    extras = kept_fields(
        rules.DECLARATION, {k: op.payload[k] for k in ("village_reason", "village_reviewed_on") if k in op.payload}
    )
    if rec is None:
        raise OpRefused("区里还没有这条申报，请先同步申报的登记", contract.REASON_CODE_NOT_YET)
    current = rec.status or ""
    conflict = rules.review_conflict(current, claimed_from, target)
    if conflict is not None:
        return OpResult(op.op_id, CONFLICT, conflict, record_state(rec))
    if current == target:
        return OpResult(op.op_id, APPLIED)  # the same review arrived twice: nothing to do
    problem = rules.review_problem(current, target, extras.get("village_reason"))
    if problem is not None:
        raise OpRefused(problem)
    store(rec, {"status": target, **extras}, op.hlc)
    ctx.feed.record_changed(rec, ctx.committee, ctx.device.device_id)
    return OpResult(op.op_id, APPLIED)


def _apply_entry(ctx: Context, op: contract.Op) -> OpResult:
    values = kept_fields(rules.ENTRY, op.payload)
    batch = batch_of(ctx)
    held = batch.entry(op.entity_id)
    if held is not None:
        if held.committee_id != ctx.committee.id:
            raise OpRefused(contract.REASON_OUT_OF_SCOPE, contract.REASON_CODE_OUT_OF_SCOPE)
        return OpResult(op.op_id, DUPLICATE)  # the same entry, by another op or from the district
    kind, coins = values.get("kind"), values.get("coins")
    if kind not in DESK_KINDS:
        raise OpRefused(
            f"积分只在镇里审核通过后由区里记入：工作台只能提交兑换（{rules.REDEMPTION}）和冲正（{rules.REVERSAL}）记录，"
            f"不能提交 {shown(kind)}"
        )
    if not isinstance(coins, int) or coins == 0:
        raise OpRefused("积分记录的绿币数（coins）须是不为 0 的整数")
    if values.get("entry_date") is None:
        raise OpRefused("积分记录缺少记账日期（entry_date）")
    if values.get("declaration_id") is not None:
        raise OpRefused("兑换和冲正记录不能带申报编号（declaration_id）：申报的积分由区里记入")
    resident_id = resident_in_scope(ctx, values.get("resident_id")).entity_id
    if kind == rules.REDEMPTION:
        if values.get("reverses") is not None or coins > 0:
            raise OpRefused("兑换记录的绿币数须是负数，且不能带被冲正的记录（reverses）")
        before = batch.balance(ctx.committee.id, resident_id)
        batch.add(ctx.feed, ctx.committee, op.entity_id, values, op.hlc, ctx.device.device_id)
        shortfall = min(-coins, rules.overdraft(before, coins))
        if shortfall > 0:
            _open_conflict(ctx, op, resident_id, shortfall)
        return OpResult(op.op_id, APPLIED)
    original = _reversed_entry(ctx, batch, op, values)
    if coins != -original.coins or resident_id != original.resident_id:
        raise OpRefused(f"冲正记录须是原记录的相反数（{-original.coins}），且是同一位居民的")
    batch.add(ctx.feed, ctx.committee, op.entity_id, values, op.hlc, ctx.device.device_id)
    if original.kind == rules.REDEMPTION:
        _settled_by_reversal(ctx, original.id, op.hlc)
    return OpResult(op.op_id, APPLIED)


def _reversed_entry(ctx: Context, batch: PointsBatch, op: contract.Op, values: dict[str, Any]) -> HeldEntry:
    reverses = values.get("reverses")
    if not isinstance(reverses, str):
        raise OpRefused("冲正记录缺少被冲正的记录（reverses）")
    if op.entity_id != rules.reversal_entry_id(reverses):
        raise OpRefused("冲正记录的编号须由被冲正记录的编号导出（每条记录只能冲正一次）")
    original = batch.entry(reverses)
    if original is None:
        raise OpRefused("区里还没有被冲正的那条积分记录，请先同步它", contract.REASON_CODE_NOT_YET)
    if original.committee_id != ctx.committee.id:
        raise OpRefused(contract.REASON_OUT_OF_SCOPE, contract.REASON_CODE_OUT_OF_SCOPE)
    if original.kind == rules.REVERSAL:
        raise OpRefused("冲正记录不能再冲正")
    return original


def _open_conflict(ctx: Context, op: contract.Op, resident_id: str, shortfall: int) -> None:
    """The redemption overdrew the balance: a conflict record, open, in the committee's feed. Its
    clock is the redemption's: the district writes it as that op's consequence."""
    conflict_id = rules.conflict_id(op.entity_id)
    if ctx.record(rules.CONFLICT, conflict_id) is not None:
        return
    data: dict[str, Any] = {
        "resident_id": resident_id,
        "entry_id": op.entity_id,
        "shortfall": shortfall,
        "status": rules.OPEN,
        "resolution": None,
        "reason": None,
        "resolved_on": None,
    }
    rec = Record(
        entity=rules.CONFLICT,
        entity_id=conflict_id,
        committee_id=ctx.committee.id,
        town_id=ctx.committee.town_id,
        case_id=None,
        status=rules.OPEN,
        data=data,
        clocks=dict.fromkeys(data, op.hlc),
        hlc=op.hlc,
        origin_device=ctx.device.device_id,
        created_at=utcnow(),
        updated_at=utcnow(),
    )
    ctx.session.add(rec)
    ctx.records[(rules.CONFLICT, conflict_id)] = rec
    ctx.feed.record_changed(rec, ctx.committee, ctx.device.device_id)


def _settled_by_reversal(ctx: Context, redemption_id: str, after: str) -> None:
    """A redemption in conflict reversed at the desk: nothing is left for the town to decide."""
    rec = ctx.record(rules.CONFLICT, rules.conflict_id(redemption_id))
    if rec is None or rec.status != rules.OPEN:
        return
    values = {
        "status": rules.RESOLVED,
        "resolution": rules.REVERSE_REDEMPTION,
        "reason": SETTLED_BY_DESK,
        "resolved_on": china_today().isoformat(),
    }
    store(rec, values, server_clock(max(rec.hlc, after)))
    ctx.feed.record_changed(rec, ctx.committee, ctx.device.device_id)
