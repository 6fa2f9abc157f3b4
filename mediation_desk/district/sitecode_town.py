"""The town's part of the site codes (一单一码), online through the district: the covert-inspection
and joint-enforcement tasks the district opened for its villages' places, closing them, and the
conversion rate (转码率) of each village and of the town, read from the months closed (SiteMonth).

A task is the district's record (entity `rules.TASK`); the town closes it by writing its fields
status, closed_on and outcome with the district's clock into the committee's feed, so the village
desk pulls the change and no desk's clock wins over it. Closing is idempotent: closing again with
the same outcome answers what was done and changes nothing. Who closed it (the reviewer the town
names) is kept in the district's audit, not in the record that goes down to the village."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from mediation_desk.core import sync_contract as contract
from mediation_desk.core.uow import china_today
from mediation_desk.district import admin_audit, sitecode_scheme
from mediation_desk.district.db import Database
from mediation_desk.district.enrollment import DeviceScope
from mediation_desk.district.errors import ApiError, bad_request, out_of_scope
from mediation_desk.district.feed import FeedWriter, record_state, server_clock
from mediation_desk.district.models import Committee, Record
from mediation_desk.district.op_check import OpRefused, plain_text
from mediation_desk.district.sitecode_models import SiteMonth, SiteMonthRun, SitePlace, SiteTask
from mediation_desk.district.town import MAX_PAGE, require_town
from mediation_desk.logging_setup import looks_personal
from mediation_desk.sitecode import rules
from mediation_desk.storage.base import utcnow

STATUSES = (rules.TASK_OPEN, rules.TASK_DONE)
ACTION = "sitecode.task_close"
MAX_REVIEWER_CHARS = 64


class TaskCloseBody(BaseModel):
    """A town closes a covert-inspection or joint-enforcement task."""

    outcome: str = Field(
        min_length=1, max_length=rules.MAX_TEXT_CHARS, description="what was found and done (办理结果)"
    )
    reviewer: str = Field(min_length=1, max_length=MAX_REVIEWER_CHARS, description="who closed it at the town")


class TownSiteTasksAnswer(BaseModel):
    tasks: list[dict[str, Any]]
    next: str | None = Field(description="the `after` of the next page; null on the last")


class TaskCloseAnswer(BaseModel):
    task: dict[str, Any]
    changed: bool = Field(description="false: the task had been closed already with this outcome")


class TownSiteRatesAnswer(BaseModel):
    month: str
    compared_with: str
    complete: bool = Field(description="whether the district has finished the month's close")
    villages: list[dict[str, Any]]
    town: dict[str, Any]


def _refused(message: str, field: str | None = None) -> ApiError:
    return ApiError(409, contract.ERROR_SITE_TASK_REFUSED, message, field)


def _line(value: str, field: str, label: str, max_chars: int) -> str:
    """A line typed at the town: plain text, nothing like an ID or phone number."""
    text = value.strip()
    if not text:
        raise bad_request(f"须写明{label}（{field}）", field)
    try:
        plain_text(text, label, max_chars)
    except OpRefused as refused:
        raise bad_request(refused.reason, field) from None
    if looks_personal(text):
        raise bad_request(f"{label}中像是身份证号或电话号码，请不要写入", field)
    return text


# ---- tasks ------------------------------------------------------------------------------------


def _task_view(
    task: SiteTask, rec: Record | None, place: Record | None, committee: Committee, labels: dict[str, str]
) -> dict[str, Any]:
    d = rec.data if rec is not None else {}
    p = place.data if place is not None else {}
    category = p.get("category")
    return {
        "task_id": task.id,
        "place_id": task.place_id,
        "place_name": p.get("name"),
        "place_code": p.get("place_code"),
        "category": category,
        "category_label": labels.get(str(category), category),
        "address": p.get("address"),
        "grid": p.get("grid"),
        "committee_code": committee.code,
        "committee_name": committee.name,
        "kind": task.kind,
        "kind_label": rules.TASK_KINDS.get(task.kind, task.kind),
        "month": task.month,
        "status": task.status,
        "status_label": rules.TASK_STATUSES.get(task.status, task.status),
        "reasons": list(d.get("reasons") or []),
        "parties": list(d.get("parties") or []),
        "opened_on": d.get("opened_on"),
        "closed_on": d.get("closed_on"),
        "outcome": d.get("outcome"),
    }


def list_tasks(db: Database, device: DeviceScope, *, status: str, after: str | None, limit: int) -> dict[str, Any]:
    """The tasks of the town's villages in one status (by default the open ones), by id."""
    require_town(device)
    if status not in STATUSES:
        raise bad_request(f"status 须是 {rules.TASK_OPEN}（待办）或 {rules.TASK_DONE}（已办结）", "status")
    if not 1 <= limit <= MAX_PAGE:
        raise bad_request(f"limit 须是 1 到 {MAX_PAGE} 的整数", "limit")
    task_rec, place_rec = aliased(Record), aliased(Record)
    query = (
        select(SiteTask, task_rec, place_rec, Committee)
        .join(Committee, Committee.id == SiteTask.committee_id)
        .outerjoin(task_rec, (task_rec.entity == rules.TASK) & (task_rec.entity_id == SiteTask.id))
        .outerjoin(place_rec, (place_rec.entity == rules.PLACE) & (place_rec.entity_id == SiteTask.place_id))
        .where(SiteTask.town_id == device.town_id, SiteTask.status == status)
    )
    if after:
        query = query.where(SiteTask.id > after)
    with db.read() as s:
        labels = sitecode_scheme.current(s).categories
        rows = [_task_view(t, r, p, c, labels) for t, r, p, c in s.execute(query.order_by(SiteTask.id).limit(limit))]
    return {"tasks": rows, "next": rows[-1]["task_id"] if len(rows) == limit else None}


def _store(rec: Record, values: dict[str, Any], clock: str) -> None:
    """Fields the district sets itself, each with `clock` (later than any desk's for them)."""
    data, clocks = dict(rec.data), dict(rec.clocks)
    for name, value in values.items():
        data[name], clocks[name] = value, max(clocks.get(name, ""), clock)
    rec.data, rec.clocks = data, clocks  # new objects: JSON columns see the change
    rec.hlc, rec.updated_at = max(rec.hlc, clock), utcnow()
    rec.status = data.get("status")


def close_task(db: Database, device: DeviceScope, task_id: str, body: TaskCloseBody) -> dict[str, Any]:
    """The town closes a task of one of its villages (status done, closed today, its outcome)."""
    require_town(device)
    outcome = _line(body.outcome, "outcome", "办理结果", rules.MAX_TEXT_CHARS)
    reviewer = _line(body.reviewer, "reviewer", "办结人", MAX_REVIEWER_CHARS)
    with db.write(feed=True) as s:
        task = s.get(SiteTask, task_id)
        rec = s.get(Record, (rules.TASK, task_id))
        if task is None or rec is None:
            raise ApiError(404, contract.ERROR_NOT_FOUND, "没有这个暗访或联合执法任务", "task_id")
        if task.town_id != device.town_id:
            raise out_of_scope("这个任务不属于本镇（街道）的村")
        committee = s.get(Committee, task.committee_id)
        assert committee is not None  # a foreign key
        place = s.get(Record, (rules.PLACE, task.place_id))
        labels = sitecode_scheme.current(s).categories
        if task.status == rules.TASK_DONE:
            done = rec.data.get("outcome")
            if done != outcome:  # a retried request answers as before; another outcome is a mistake
                raise _refused(
                    f"这个任务已于 {rec.data.get('closed_on') or '此前'} 办结（结果：{done}），不能改写", "outcome"
                )
            return {"task": _task_view(task, rec, place, committee, labels), "changed": False}
        values = {"status": rules.TASK_DONE, "closed_on": china_today().isoformat(), "outcome": outcome}
        _store(rec, values, server_clock(rec.hlc))
        task.status = rules.TASK_DONE
        feed = FeedWriter(s)
        # The village's desk pulls it; the town's desks too (the task is the town's work).
        feed.append(
            entity=rules.TASK,
            entity_id=task_id,
            committee=committee,
            hlc=rec.hlc,
            data=record_state(rec),
            origin_device=device.device_id,
            town_visible=True,
        )
        admin_audit.record(
            s,
            actor=f"{device.town}：{reviewer}",
            action=ACTION,
            target=task_id,
            detail={"device_id": device.device_id, "committee": committee.code, "kind": task.kind},
        )
        feed.write()
        return {"task": _task_view(task, rec, place, committee, labels), "changed": True}


# ---- the conversion rate (转码率) -------------------------------------------------------------


def _rate(c: rules.Conversion) -> dict[str, Any]:
    rate = c.rate
    return {"eligible": c.eligible, "converted": c.converted, "rate": rate, "text": c.text}


def conversion_by_committee(session: Session, month: str, town_id: str | None = None) -> dict[str, rules.Conversion]:
    """Per committee (of one town, or all): of the places not green when the month before `month`
    closed, how many were green when `month` closed (from SiteMonth)."""
    before_month = rules.add_months(month, -1)
    query = (
        select(SitePlace.committee_id, SiteMonth.place_id, SiteMonth.month, SiteMonth.colour)
        .join(SitePlace, SitePlace.id == SiteMonth.place_id)
        .where(SiteMonth.month.in_((before_month, month)))
    )
    if town_id is not None:
        query = query.where(SitePlace.town_id == town_id)
    before: dict[str, dict[str, str]] = defaultdict(dict)
    after: dict[str, dict[str, str]] = defaultdict(dict)
    for committee_id, place_id, at, colour in session.execute(query):
        (before if at == before_month else after)[committee_id][place_id] = colour
    return {c: rules.conversion(before.get(c, {}), after.get(c, {})) for c in set(before) | set(after)}


def rates_of_town(s: Session, town_id: str, month: str) -> dict[str, Any]:
    """The conversion of `month` (against the month before) per village of the town, and in all."""
    found = conversion_by_committee(s, month, town_id)
    committees = s.scalars(select(Committee).where(Committee.town_id == town_id).order_by(Committee.code))
    villages = []
    eligible = converted = 0
    for committee in committees:
        c = found.get(committee.id, rules.Conversion(0, 0))
        eligible, converted = eligible + c.eligible, converted + c.converted
        villages.append({"committee_code": committee.code, "committee_name": committee.name, **_rate(c)})
    run = s.get(SiteMonthRun, month)
    return {
        "month": month,
        "compared_with": rules.add_months(month, -1),
        "complete": run is not None and run.finished_at is not None,
        "villages": villages,
        "town": _rate(rules.Conversion(eligible, converted)),
    }


def checked_month(s: Session, text: str | None, field: str = "month") -> str:
    """A closed month as asked for: "YYYY-MM", not one whose cut-off is still ahead."""
    if not text:
        raise bad_request("须给出月份 month（YYYY-MM，如 2026-08）", field)
    try:
        month = rules.parse_month(text)
    except ValueError as exc:
        raise bad_request(f"{field}：{exc}", field) from None
    last = sitecode_scheme.last_closed_month(s)
    if month > last:
        raise bad_request(f"{rules.month_text(month)}的自查尚未截止，转码率最晚可查 {last}", field)
    return month


def rates(db: Database, device: DeviceScope, month: str | None) -> dict[str, Any]:
    require_town(device)
    with db.read() as s:
        return rates_of_town(s, device.town_id, checked_month(s, month))
