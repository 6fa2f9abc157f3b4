"""回访 lists for the window: the visits due (scheduled ones, and agreements being performed that
are owed a visit nobody has scheduled yet), overdue first, and the visits done recently.

Case numbers, dates and statuses only, no personal data. A 调解员 sees the visits of the cases
they are or were assigned to; 主任 and 记录员 see every case (the `case.view` permission)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import case, exists, func, select
from sqlalchemy.orm import Session

from mediation_desk.core.uow import CHINA, Actor, china_today
from mediation_desk.desk import Desk
from mediation_desk.errors import ValidationError
from mediation_desk.mediation import states
from mediation_desk.mediation.case_access import SelectT, case_scope
from mediation_desk.mediation.followup import FOLLOWABLE
from mediation_desk.mediation.models_case import Agreement, CaseAssignment, FollowUp, MediationCase
from mediation_desk.mediation.models_people import Mediator

# [practice] An agreement with no performance deadline is visited a month after it takes effect
# (the demo and most committees schedule the first visit so); a later visit a month after the last.
VISIT_AFTER = dt.timedelta(days=30)
UPCOMING_DAYS = 14  # visits due within this many days are listed with the overdue ones
DONE_DAYS = 90  # how far back the list of visits done reaches
LIST_MAX = 500
OWED_STATES = (states.AGREED, states.PERFORMING)  # a visit recorded moves a case on to follow_up


@dataclass(frozen=True)
class DueVisit:
    case_id: str
    case_number: str
    case_status: str
    follow_up_id: str | None  # None: owed by the agreement, not scheduled yet
    due_on: dt.date
    days_overdue: int  # > 0 overdue by that many days, 0 due today, < 0 days still to go
    reason: str | None
    performance_status: str | None  # the agreement's (agreement.PERFORMANCE)
    performance_deadline: dt.date | None
    mediator_names: tuple[str, ...]

    @property
    def overdue(self) -> bool:
        return self.days_overdue > 0

    @property
    def scheduled(self) -> bool:
        return self.follow_up_id is not None


@dataclass(frozen=True)
class DoneVisit:
    follow_up_id: str
    case_id: str
    case_number: str
    case_status: str
    done_at: dt.datetime
    performance_status: str | None
    satisfaction: str | None  # followup.SATISFACTION
    renewed_conflict: bool | None
    visitor: str | None


def _scoped(actor: Actor, q: SelectT) -> SelectT:
    """`q` limited to the cases the actor may see (`case_access.case_scope`: a 调解员 the cases
    they are or were assigned to); a role that may see none is refused (ActionDenied, audited by
    `desk.read(actor)`)."""
    scope = case_scope(actor)
    scope.refuse_if_none(actor)
    return scope.apply(q)


def _check_window(days: int, name: str, label: str) -> None:
    if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= 3660:
        raise ValidationError.single(name, "days_range", f"{label}须为 0–3660 天")


@dataclass(frozen=True)
class DueList:
    visits: list[DueVisit]  # earliest (most overdue) first, at most the limit asked for
    total: int  # every visit due in the window, listed or not
    overdue: int


def due_list(
    desk: Desk, actor: Actor, *, today: dt.date | None = None, upcoming_days: int = UPCOMING_DAYS, limit: int = LIST_MAX
) -> DueList:
    """Visits not yet made, due on or before `today + upcoming_days`, earliest (most overdue)
    first: every scheduled one on a case that can still be visited, and, for an agreement
    being performed with no visit scheduled, the visit it is owed; with how many there are."""
    _check_window(upcoming_days, "upcoming_days", "提前提醒天数")
    today = today or china_today()
    until = today + dt.timedelta(days=upcoming_days)
    limit = max(0, limit)
    pending = (FollowUp.done_at.is_(None), FollowUp.due_on <= until, MediationCase.status.in_(FOLLOWABLE))
    with desk.read(actor) as s:
        total, overdue = s.execute(
            _scoped(
                actor,
                (
                    select(func.count(), func.coalesce(func.sum(case((FollowUp.due_on < today, 1), else_=0)), 0))
                    .select_from(FollowUp)
                    .join(MediationCase, MediationCase.id == FollowUp.case_id)
                    .where(*pending)
                ),
            )
        ).one()
        # Only the first `limit` by date can be listed, whatever the owed visits add.
        scheduled = s.execute(
            _scoped(
                actor,
                (
                    select(
                        FollowUp.id,
                        FollowUp.case_id,
                        FollowUp.due_on,
                        FollowUp.reason,
                        MediationCase.number,
                        MediationCase.status,
                        Agreement.performance_status,
                        Agreement.performance_deadline,
                    )
                    .join(MediationCase, MediationCase.id == FollowUp.case_id)
                    .outerjoin(Agreement, Agreement.case_id == FollowUp.case_id)
                    .where(*pending)
                    .order_by(FollowUp.due_on, MediationCase.number)
                    .limit(limit)
                ),
            )
        ).all()
        visits = [
            (f.due_on, f.number, f.id, f.case_id, f.status, f.reason, f.performance_status, f.performance_deadline)
            for f in scheduled
        ]
        owed = [(due, *rest) for due, *rest in _owed(s, actor) if due <= until]
        visits = sorted(visits + owed, key=lambda v: (v[0], v[1]))[:limit]
        names = _mediator_names(s, {v[3] for v in visits})
    return DueList(
        [
            DueVisit(
                case_id=case_id,
                case_number=number,
                case_status=status,
                follow_up_id=fid,
                due_on=due,
                days_overdue=(today - due).days,
                reason=reason,
                performance_status=perf,
                performance_deadline=deadline,
                mediator_names=names.get(case_id, ()),
            )
            for due, number, fid, case_id, status, reason, perf, deadline in visits
        ],
        total=total + len(owed),
        overdue=overdue + sum(1 for v in owed if v[0] < today),
    )


def follow_ups_due(
    desk: Desk, actor: Actor, *, today: dt.date | None = None, upcoming_days: int = UPCOMING_DAYS, limit: int = LIST_MAX
) -> list[DueVisit]:
    """The visits of `due_list`, without the counts."""
    return due_list(desk, actor, today=today, upcoming_days=upcoming_days, limit=limit).visits


def _owed(s: Session, actor: Actor) -> list[tuple[Any, ...]]:
    """(due_on, number, None, case_id, status, None, performance, deadline) for each agreement
    being performed that has no visit pending."""
    pending = exists().where(FollowUp.case_id == MediationCase.id, FollowUp.done_at.is_(None))
    last_done = (
        select(func.max(FollowUp.done_at))
        .where(FollowUp.case_id == MediationCase.id)
        .correlate(MediationCase)
        .scalar_subquery()
    )
    rows = s.execute(
        _scoped(
            actor,
            (
                select(
                    MediationCase.id,
                    MediationCase.number,
                    MediationCase.status,
                    Agreement.performance_status,
                    Agreement.performance_deadline,
                    Agreement.effective_on,
                    Agreement.reached_on,
                    last_done.label("last_done"),
                )
                .join(Agreement, Agreement.case_id == MediationCase.id)
                .where(MediationCase.status.in_(OWED_STATES), ~pending)
            ),
        )
    ).all()
    owed = []
    for r in rows:
        due = r.performance_deadline or (r.effective_on or r.reached_on) + VISIT_AFTER
        if r.last_done is not None:
            last = r.last_done if r.last_done.tzinfo else r.last_done.replace(tzinfo=dt.UTC)
            due = max(due, last.astimezone(CHINA).date() + VISIT_AFTER)
        owed.append((due, r.number, None, r.id, r.status, None, r.performance_status, r.performance_deadline))
    return owed


def _mediator_names(s: Session, case_ids: set[str]) -> dict[str, tuple[str, ...]]:
    names: dict[str, list[str]] = {}
    if case_ids:
        for case_id, name in s.execute(
            select(CaseAssignment.case_id, Mediator.name)
            .join(Mediator, Mediator.id == CaseAssignment.mediator_id)
            .where(CaseAssignment.case_id.in_(case_ids), CaseAssignment.ended_at.is_(None))
            .order_by(CaseAssignment.assigned_at, CaseAssignment.id)
        ):
            names.setdefault(case_id, []).append(name)
    return {case_id: tuple(n) for case_id, n in names.items()}


def follow_ups_done(
    desk: Desk, actor: Actor, *, today: dt.date | None = None, days: int = DONE_DAYS, limit: int = LIST_MAX
) -> list[DoneVisit]:
    """Visits recorded on or after `today - days` (Beijing dates), newest first."""
    _check_window(days, "days", "查询天数")
    since_day = (today or china_today()) - dt.timedelta(days=days)
    since = dt.datetime.combine(since_day, dt.time(), CHINA).astimezone(dt.UTC)
    with desk.read(actor) as s:
        rows = s.execute(
            _scoped(
                actor,
                (
                    select(FollowUp, MediationCase.number, MediationCase.status)
                    .join(MediationCase, MediationCase.id == FollowUp.case_id)
                    .where(FollowUp.done_at.is_not(None), FollowUp.done_at >= since)
                    .order_by(FollowUp.done_at.desc(), MediationCase.number)
                    .limit(max(0, limit))
                ),
            )
        ).all()
        return [
            DoneVisit(
                f.id,
                f.case_id,
                number,
                status,
                f.done_at,
                f.performance_status,
                f.satisfaction,
                f.renewed_conflict,
                f.visitor,
            )
            for f, number, status in rows
        ]
