"""回访: follow-up visits scheduled after an agreement and recorded when done (art. 31)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from mediation_desk.core.uow import Actor, china_today
from mediation_desk.desk import Desk
from mediation_desk.errors import NotFound, Problems, ValidationError
from mediation_desk.mediation import states
from mediation_desk.mediation.agreement import PERFORMANCE, set_performance
from mediation_desk.mediation.case_access import authorize, case_scope, load_case, party_person_ids
from mediation_desk.mediation.models_case import Agreement, FollowUp, MediationCase
from mediation_desk.mediation.workflow import apply_transition
from mediation_desk.validation import clean_name, clean_text, parse_date

SATISFACTION = {"satisfied": "满意", "basic": "基本满意", "dissatisfied": "不满意"}
FOLLOWABLE = frozenset({states.AGREED, states.PERFORMING, states.FOLLOW_UP})
# Where a visit may end the case's follow-up at once (data["then"]): the agreement will not be
# performed (art. 32: the parties told they may sue), or the conflict must go up (art. 25).
AFTER_VISIT = (states.UNPERFORMED, states.ESCALATED)


@dataclass(frozen=True)
class FollowUpView:
    id: str
    case_id: str
    case_number: str
    due_on: dt.date
    reason: str | None
    done_at: dt.datetime | None
    performance_status: str | None
    satisfaction: str | None
    renewed_conflict: bool | None
    notes: str | None
    visitor: str | None


def schedule_follow_up(
    desk: Desk, actor: Actor, case_key: str, due_on: Any, reason: str | None = None, person_id: str | None = None
) -> str:
    due = parse_date(due_on, "due_on", "回访日期")
    if due is None:
        raise ValidationError.single("due_on", "required", "回访日期必填")
    reason = clean_text(reason, "reason", "回访事由", required=False, max_chars=500)
    with desk.write(actor) as uow:
        case = load_case(uow.session, case_key)
        authorize(uow.session, actor, "follow_up.record", case.id)
        if case.status not in FOLLOWABLE:
            raise ValidationError.single(
                "case", "case_not_followable", f"「{states.LABELS[case.status]}」的案件无需回访"
            )
        if person_id and person_id not in party_person_ids(uow.session, case.id):
            raise ValidationError.single("person_id", "not_a_party", "回访对象须为本案当事人")
        f = FollowUp(case_id=case.id, due_on=due, reason=reason, person_id=person_id, created_at=uow.now)
        uow.session.add(f)
        uow.session.flush()
        uow.audit("follow_up.schedule", "case", case.id, follow_up_id=f.id, due_on=due.isoformat())
        return f.id


def record_follow_up(desk: Desk, actor: Actor, case_key: str, data: Mapping[str, Any]) -> str:
    """Record a visit (to a scheduled follow-up, or an unscheduled one). Updates the agreement's
    performance status and moves an agreed/performing case into follow-up; with `then`
    (unperformed | escalated, and its `reason`, `routes`, `escalate_to`) the case moves on from
    there in the same unit of work, e.g. when the visit finds it not performed and the conflict renewed."""
    p = Problems()
    then = data.get("then")
    if then is not None and then not in AFTER_VISIT:
        p.add("then", "after_visit", f"回访后的去向须为：{'、'.join(states.LABELS[t] for t in AFTER_VISIT)}")
    perf = data.get("performance_status")
    if perf not in PERFORMANCE:
        p.add("performance_status", "performance_status", f"履行情况须为：{'、'.join(PERFORMANCE.values())}")
    sat = data.get("satisfaction")
    if sat not in SATISFACTION:
        p.add("satisfaction", "satisfaction", f"满意度须为：{'、'.join(SATISFACTION.values())}")
    try:
        visitor = clean_name(data.get("visitor") or actor.label, "visitor", "回访人", 32)
    except ValidationError as e:
        p.extend(e)
    try:
        notes = clean_text(data.get("notes"), "notes", "回访情况", required=True, max_chars=4000, multiline=True)
    except ValidationError as e:
        p.extend(e)
    p.raise_if_any()
    with desk.write(actor) as uow:
        s = uow.session
        case = load_case(s, case_key)
        authorize(s, actor, "follow_up.record", case.id)
        if case.status not in FOLLOWABLE:
            raise ValidationError.single(
                "case", "case_not_followable", f"「{states.LABELS[case.status]}」的案件不能登记回访"
            )
        f = s.get(FollowUp, data["follow_up_id"]) if data.get("follow_up_id") else None
        if data.get("follow_up_id") and (f is None or f.case_id != case.id):
            raise NotFound("回访安排", str(data["follow_up_id"]))
        if f is not None and f.done_at is not None:
            raise ValidationError.single("follow_up_id", "follow_up_done", "这次回访已登记过")
        if f is None:  # a visit made without naming its schedule fulfils the earliest one pending
            f = s.scalars(
                select(FollowUp)
                .where(FollowUp.case_id == case.id, FollowUp.done_at.is_(None))
                .order_by(FollowUp.due_on, FollowUp.created_at)
                .limit(1)
            ).first()
        if f is None:
            f = FollowUp(case_id=case.id, due_on=uow.today, created_at=uow.now)
            s.add(f)
        f.done_at, f.performance_status, f.satisfaction = uow.now, perf, sat
        f.renewed_conflict, f.notes, f.visitor = bool(data.get("renewed_conflict")), notes, visitor
        s.flush()
        agreement = s.scalars(select(Agreement).where(Agreement.case_id == case.id)).one()
        set_performance(uow, case, agreement, perf)
        uow.audit(
            "follow_up.record",
            "case",
            case.id,
            follow_up_id=f.id,
            satisfaction=sat,
            renewed_conflict=f.renewed_conflict,
        )
        uow.outbox(
            "follow_up",
            f.id,
            "append",
            {
                "case_id": case.id,
                "performance_status": perf,
                "satisfaction": sat,
                "renewed_conflict": f.renewed_conflict,
            },
        )
        if case.status in (states.AGREED, states.PERFORMING):
            apply_transition(uow, case, states.FOLLOW_UP)
        if then is not None:
            apply_transition(
                uow,
                case,
                then,
                reason=data.get("reason"),
                routes=data.get("routes") or (),
                escalate_to=data.get("escalate_to"),
            )
        return f.id


def due_follow_ups(
    desk: Desk, actor: Actor, *, until: dt.date | None = None, include_done: bool = False
) -> list[FollowUpView]:
    """Visits due by `until`, of the cases the actor may see (a 调解员: those they are or were on)."""
    until = until or china_today()
    scope = case_scope(actor)
    with desk.read(actor) as s:
        scope.refuse_if_none(actor)
        q = scope.apply(
            select(FollowUp, MediationCase.number)
            .join(MediationCase, MediationCase.id == FollowUp.case_id)
            .where(FollowUp.due_on <= until)
            .order_by(FollowUp.due_on)
        )
        if not include_done:
            # A visit still pending on a closed case can never be recorded (see FOLLOWABLE):
            # it must not stay on the reminder list for ever.
            q = q.where(FollowUp.done_at.is_(None), MediationCase.status.in_(FOLLOWABLE))
        return [
            FollowUpView(
                f.id,
                f.case_id,
                number,
                f.due_on,
                f.reason,
                f.done_at,
                f.performance_status,
                f.satisfaction,
                f.renewed_conflict,
                f.notes,
                f.visitor,
            )
            for f, number in s.execute(q)
        ]
