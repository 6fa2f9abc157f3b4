"""The town's part of the green coins (平安绿币), online through the district: the declarations its
villages approved, the town's review, and the redemptions that overdrew a balance.

An approval is where coins are credited, once: the district writes the ledger entry
`rules.credit_entry_id(declaration)` (a credit, or a deduction for an item of the negative list,
dated the review's Beijing date) and moves the declaration — both into the committee's feed, with
the district's clock, so the village desk pulls them and wins nothing over them. Before it does,
it counts the resident's town-approved declarations of that item in that month (and day), which
the district sees across all the committee's desks. Every call is idempotent: a review or a
resolution made again answers what was done and changes nothing."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mediation_desk.core import sync_contract as contract
from mediation_desk.core.uow import china_today
from mediation_desk.district.db import Database
from mediation_desk.district.enrollment import DeviceScope
from mediation_desk.district.errors import ApiError, bad_request, out_of_scope
from mediation_desk.district.feed import FeedWriter, server_clock
from mediation_desk.district.models import Committee, Record
from mediation_desk.district.op_check import OpRefused, plain_text
from mediation_desk.district.points_apply import PointsBatch, store
from mediation_desk.district.schemas import ConflictResolveBody, TownReviewBody
from mediation_desk.district.town import MAX_PAGE, require_town
from mediation_desk.logging_setup import looks_personal
from mediation_desk.points import rules

WAITING, OPEN = rules.VILLAGE_APPROVED, rules.OPEN  # what the town's lists show unless asked otherwise
CONFLICT_STATUSES = (rules.OPEN, rules.RESOLVED)


def _refused(message: str, field: str | None = None) -> ApiError:
    return ApiError(409, contract.ERROR_POINTS_REFUSED, message, field)


def _text(value: str | None, field: str, label: str, max_chars: int) -> str | None:
    """A line typed at the town (reason, reviewer): plain text, nothing like an ID or phone number."""
    text = (value or "").strip()
    if not text:
        return None
    try:
        plain_text(text, label, max_chars)
    except OpRefused as refused:
        raise bad_request(refused.reason, field) from None
    if looks_personal(text):
        raise bad_request(f"{label}中像是身份证号或电话号码，请不要写入", field)
    return text


def _page(limit: int) -> None:
    if not 1 <= limit <= MAX_PAGE:
        raise bad_request(f"limit 须是 1 到 {MAX_PAGE} 的整数", "limit")


def _town_record(s: Session, device: DeviceScope, entity: str, entity_id: str, what: str) -> tuple[Record, Committee]:
    rec = s.get(Record, (entity, entity_id))
    if rec is None:
        raise ApiError(404, contract.ERROR_NOT_FOUND, f"没有这{what}", "id")
    if rec.town_id != device.town_id:
        raise out_of_scope(f"这{what}不属于本镇（街道）")
    committee = s.get(Committee, rec.committee_id)
    assert committee is not None
    return rec, committee


# ---- declarations -----------------------------------------------------------------------------


def _declaration_view(rec: Record, committee: Committee, batch: PointsBatch) -> dict[str, Any]:
    d = rec.data
    version, code = d.get("catalogue_version"), d.get("item_code")
    catalogue = batch.catalogue(version) if isinstance(version, int) else None
    item = catalogue.item(code) if catalogue is not None and isinstance(code, str) else None
    return {
        "declaration_id": rec.entity_id,
        "committee_code": committee.code,
        "committee_name": committee.name,
        "resident_id": d.get("resident_id"),
        "resident_label": d.get("resident_label"),
        "item_code": code,
        "item_label": item.label if item is not None else code,
        "module": d.get("module"),
        "coins": d.get("coins"),
        "activity_date": d.get("activity_date"),
        "catalogue_version": version,
        "source": d.get("source"),
        "evidence_sha256": d.get("evidence_sha256"),
        "status": rec.status,
        "village_reason": d.get("village_reason"),
        "village_reviewed_on": d.get("village_reviewed_on"),
        "town_reason": d.get("town_reason"),
        "town_reviewed_on": d.get("town_reviewed_on"),
        "town_reviewer": d.get("town_reviewer"),
    }


def list_declarations(
    db: Database, device: DeviceScope, *, status: str, after: str | None, limit: int
) -> dict[str, Any]:
    """The town's villages' declarations of one status (by default those waiting for the town)."""
    require_town(device)
    if status not in rules.STATUS_LABELS:
        raise bad_request(f"未知的申报状态：{status[:32]}，可选：{'、'.join(rules.STATUSES)}", "status")
    _page(limit)
    query = (
        select(Record, Committee)
        .join(Committee, Committee.id == Record.committee_id)
        .where(Record.entity == rules.DECLARATION, Record.town_id == device.town_id, Record.status == status)
    )
    if after:
        query = query.where(Record.entity_id > after)
    with db.read() as s:
        batch = PointsBatch(s)
        rows = [_declaration_view(r, c, batch) for r, c in s.execute(query.order_by(Record.entity_id).limit(limit))]
    return {"declarations": rows, "next": rows[-1]["declaration_id"] if len(rows) == limit else None}


def review(db: Database, device: DeviceScope, declaration_id: str, body: TownReviewBody) -> dict[str, Any]:
    """The town approves (the coins are credited) or rejects (with a reason) a declaration."""
    require_town(device)
    target = rules.TOWN_APPROVED if body.approve else rules.TOWN_REJECTED
    reason = _text(body.reason, "reason", "理由", rules.MAX_REASON_CHARS)
    reviewer = _text(body.reviewer, "reviewer", "审核人", 64)
    if reviewer is None:
        raise bad_request("须写明审核人（reviewer）", "reviewer")
    if target == rules.TOWN_REJECTED and reason is None:
        raise bad_request("不通过须写明理由（reason）", "reason")
    credit_id = rules.credit_entry_id(declaration_id)
    with db.write(feed=True) as s:
        rec, committee = _town_record(s, device, rules.DECLARATION, declaration_id, "条申报")
        batch = PointsBatch(s)
        if rec.status == target:  # asked again (a retried request): what was done stands
            view = _declaration_view(rec, committee, batch)
            return {"declaration": view, "changed": False, "entry_id": credit_id if body.approve else None}
        problem = rules.review_problem(rec.status or "", target, reason)
        if problem is not None:
            raise _refused(problem, "approve")
        coins = rec.data.get("coins")
        if not isinstance(coins, int) or isinstance(coins, bool) or coins == 0:
            coins = None
        if body.approve:
            if coins is None:
                raise _refused("这条申报没有有效的绿币数，不能记分；请退回村里重新申报", "approve")
            limit = _limit_problem(s, rec, batch)
            if limit is not None:
                raise _refused(f"{limit}（各村电脑已由镇里通过的合计），不能再通过", "approve")
        today, clock = china_today(), server_clock(rec.hlc)
        feed = FeedWriter(s)
        if coins is not None and body.approve and batch.entry(credit_id) is None:
            # The entry first: a desk that has pulled the approval has pulled its coins.
            batch.add(feed, committee, credit_id, _credit(s, rec, coins, today, reviewer), clock, device.device_id)
        town = {"town_reason": reason, "town_reviewed_on": today.isoformat(), "town_reviewer": reviewer}
        store(rec, {"status": target, **town}, clock)
        feed.record_changed(rec, committee, device.device_id)
        feed.write()
        view = _declaration_view(rec, committee, batch)
        return {"declaration": view, "changed": True, "entry_id": credit_id if body.approve else None}


def _credit(s: Session, rec: Record, coins: int, today: dt.date, reviewer: str) -> dict[str, Any]:
    d = rec.data
    resident = s.get(Record, (rules.RESIDENT, str(d.get("resident_id"))))
    return {
        "resident_id": d.get("resident_id"),
        "household_id": resident.data.get("household_id") if resident is not None else None,
        "kind": rules.entry_kind_for(coins),
        "coins": coins,
        "entry_date": today.isoformat(),
        "declaration_id": rec.entity_id,
        "reverses": None,
        "item_code": d.get("item_code"),
        "catalogue_version": d.get("catalogue_version"),
        "gift": None,
        "quantity": None,
        "reason": None,
        "created_by": reviewer,
    }


def _limit_problem(s: Session, rec: Record, batch: PointsBatch) -> str | None:
    """The item's per-day and per-month limits, counted over the resident's declarations the
    town has approved (from whichever desk of the committee they came)."""
    d = rec.data
    version, code, resident_id = d.get("catalogue_version"), d.get("item_code"), d.get("resident_id")
    try:
        day = dt.date.fromisoformat(str(d.get("activity_date")))
    except ValueError:
        return "这条申报的活动日期无效"
    catalogue = batch.catalogue(version) if isinstance(version, int) else None
    item = catalogue.item(str(code)) if catalogue is not None else None
    if item is None or (item.per_day is None and item.per_month is None):
        return None
    first = day.replace(day=1)
    dates = s.scalars(
        select(Record.data["activity_date"].as_string()).where(
            Record.entity == rules.DECLARATION,
            Record.committee_id == rec.committee_id,
            Record.status == rules.TOWN_APPROVED,
            Record.entity_id != rec.entity_id,
            Record.data["resident_id"].as_string() == str(resident_id),
            Record.data["item_code"].as_string() == str(code),
            Record.data["activity_date"].as_string() >= first.isoformat(),
            Record.data["activity_date"].as_string() < rules.next_month(first).isoformat(),
        )
    ).all()
    return rules.limit_problem(item, sum(1 for x in dates if x == day.isoformat()), len(dates))


# ---- redemptions that overdrew a balance --------------------------------------------------------


def _conflict_view(rec: Record, committee: Committee, s: Session, batch: PointsBatch) -> dict[str, Any]:
    d = rec.data
    resident_id, entry_id = str(d.get("resident_id")), str(d.get("entry_id"))
    resident = s.get(Record, (rules.RESIDENT, resident_id))
    redemption = batch.entry(entry_id)
    spent = redemption.data if redemption is not None else {}
    return {
        "conflict_id": rec.entity_id,
        "committee_code": committee.code,
        "committee_name": committee.name,
        "resident_id": resident_id,
        "resident_label": resident.data.get("label") if resident is not None else None,
        "entry_id": entry_id,
        "gift": spent.get("gift"),
        "quantity": spent.get("quantity"),
        "coins": spent.get("coins"),
        "entry_date": spent.get("entry_date"),
        "shortfall": d.get("shortfall"),
        "balance": batch.balance(rec.committee_id, resident_id),
        "status": rec.status,
        "resolution": d.get("resolution"),
        "reason": d.get("reason"),
        "resolved_on": d.get("resolved_on"),
    }


def list_conflicts(db: Database, device: DeviceScope, *, status: str, after: str | None, limit: int) -> dict[str, Any]:
    require_town(device)
    if status not in CONFLICT_STATUSES:
        raise bad_request(f"status 须是 {rules.OPEN} 或 {rules.RESOLVED}", "status")
    _page(limit)
    query = (
        select(Record, Committee)
        .join(Committee, Committee.id == Record.committee_id)
        .where(Record.entity == rules.CONFLICT, Record.town_id == device.town_id, Record.status == status)
    )
    if after:
        query = query.where(Record.entity_id > after)
    with db.read() as s:
        batch = PointsBatch(s)
        found = list(s.execute(query.order_by(Record.entity_id).limit(limit)))
        rows = [_conflict_view(r, c, s, batch) for r, c in found]
    return {"conflicts": rows, "next": rows[-1]["conflict_id"] if len(rows) == limit else None}


def resolve(db: Database, device: DeviceScope, conflict_id: str, body: ConflictResolveBody) -> dict[str, Any]:
    """REVERSE_REDEMPTION: the district reverses the redemption (the desk's own reversal, if it
    came first, is that same entry); TOWN_COVERS: an adjustment of the shortfall. Then resolved."""
    require_town(device)
    reason = _text(body.reason, "reason", "理由", rules.MAX_REASON_CHARS)
    reviewer = _text(body.reviewer, "reviewer", "处理人", 64)
    if reason is None or reviewer is None:
        raise bad_request("须写明理由（reason）和处理人（reviewer）", "reason" if reason is None else "reviewer")
    with db.write(feed=True) as s:
        rec, committee = _town_record(s, device, rules.CONFLICT, conflict_id, "个兑换冲突")
        batch = PointsBatch(s)
        redemption_id = str(rec.data.get("entry_id"))
        entry_id = (
            rules.reversal_entry_id(redemption_id)
            if body.resolution == rules.REVERSE_REDEMPTION
            else rules.resolution_entry_id(conflict_id)
        )
        if rec.status == rules.RESOLVED:
            done = rec.data.get("resolution")
            if done != body.resolution:
                raise _refused(f"这个兑换冲突已按“{rules.RESOLUTIONS.get(str(done), done)}”处理", "resolution")
            return {"conflict": _conflict_view(rec, committee, s, batch), "changed": False, "entry_id": entry_id}
        redemption = batch.entry(redemption_id)
        shortfall = rec.data.get("shortfall")
        # Neither happens: a conflict is opened by its redemption, in one transaction, with a shortfall.
        if redemption is None or not isinstance(shortfall, int) or shortfall <= 0:
            raise _refused("区里找不到这次兑换的积分记录或差额", "id")
        today, clock = china_today(), server_clock(rec.hlc)
        feed = FeedWriter(s)
        if batch.entry(entry_id) is None:
            entry = _resolution_entry(rec, redemption.data, body.resolution, reason, today)
            batch.add(feed, committee, entry_id, {**entry, "created_by": reviewer}, clock, device.device_id)
        values = {"status": rules.RESOLVED, "resolution": body.resolution, "reason": reason}
        store(rec, {**values, "resolved_on": today.isoformat()}, clock)
        feed.record_changed(rec, committee, device.device_id)
        feed.write()
        return {"conflict": _conflict_view(rec, committee, s, batch), "changed": True, "entry_id": entry_id}


def _resolution_entry(
    rec: Record, spent: dict[str, Any], resolution: str, reason: str, today: dt.date
) -> dict[str, Any]:
    reverse = resolution == rules.REVERSE_REDEMPTION
    return {
        "resident_id": rec.data.get("resident_id"),
        "household_id": spent.get("household_id"),
        "kind": rules.REVERSAL if reverse else rules.ADJUSTMENT,
        "coins": -int(spent["coins"]) if reverse else int(rec.data.get("shortfall") or 0),
        "entry_date": today.isoformat(),
        "declaration_id": None,
        "reverses": rec.data.get("entry_id") if reverse else None,
        "item_code": None,
        "catalogue_version": None,
        "gift": spent.get("gift") if reverse else None,
        "quantity": spent.get("quantity") if reverse else None,
        "reason": reason,
    }
