"""回访 lists for the window: the visits due (scheduled ones, and agreements being performed that
are owed a visit nobody has scheduled yet), overdue first, and the visits done recently.

Case numbers, dates and statuses only, no personal data. A 调解员 sees the visits of the cases
they are or were assigned to; 主任 and 记录员 see every case (the `case.view` permission)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Date, Select, and_, case, exists, func, null, select, type_coerce, union_all
from sqlalchemy.orm import Session, aliased

from mediation_desk.core.uow import CHINA, Actor, china_today
from mediation_desk.desk import Desk
from mediation_desk.errors import ValidationError
from mediation_desk.mediation import states
from mediation_desk.mediation.case_access import CaseScope, SelectT, case_scope
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
_CHINA_SHIFT = f"+{int(CHINA.utcoffset(None).total_seconds()) // 3600} hours"  # SQLite's date() modifier


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
    being performed with no visit scheduled, the visit it is owed; with how many there are.

    Two statements whatever the desk holds (revision 0011 gives them their indexes): the counts,
    in one pass over the cases that can be visited, then the first `limit` visits in date order;
    then the listed cases' mediators, all at once."""
    _check_window(upcoming_days, "upcoming_days", "提前提醒天数")
    today = today or china_today()
    until = today + dt.timedelta(days=upcoming_days)
    limit = max(0, limit)
    scope = case_scope(actor)
    with desk.read(actor) as s:
        scope.refuse_if_none(actor)  # inside the read: a refusal is audited
        scheduled, scheduled_overdue, owed, owed_overdue = (
            int(n or 0) for n in s.execute(_counts(scope, today, until)).one()
        )
        rows = s.execute(_first(scope, until, limit, with_owed=owed > 0)).all() if limit else []
        names = _mediator_names(s, {r.case_id for r in rows})
    return DueList(
        [
            DueVisit(
                case_id=case_id,
                case_number=number,
                case_status=status,
                follow_up_id=follow_up_id,
                due_on=due,
                days_overdue=(today - due).days,
                reason=reason,
                performance_status=performance,
                performance_deadline=deadline,
                mediator_names=names.get(case_id, ()),
            )
            for due, number, follow_up_id, case_id, status, reason, performance, deadline in rows
        ],
        total=scheduled + owed,
        overdue=scheduled_overdue + owed_overdue,
    )


def follow_ups_due(
    desk: Desk, actor: Actor, *, today: dt.date | None = None, upcoming_days: int = UPCOMING_DAYS, limit: int = LIST_MAX
) -> list[DueVisit]:
    """The visits of `due_list`, without the counts."""
    return due_list(desk, actor, today=today, upcoming_days=upcoming_days, limit=limit).visits


def _tally(condition: ColumnElement[bool]) -> ColumnElement[Any]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _counts(scope: CaseScope, today: dt.date, until: dt.date) -> Select[tuple[Any, Any, Any, Any]]:
    """(scheduled visits due by `until`, those before `today`, owed visits due by `until`, those
    before `today`), in one pass: from the cases that can be visited (the status index) to their
    pending visits (a partial index), both in case-id order, neither read from its table; a case
    being performed with no visit pending is owed one, its date worked out for those cases only."""
    owed = case(
        (
            # no visit pending (due_on is never NULL on a visit: the index alone answers)
            and_(FollowUp.due_on.is_(None), MediationCase.status.in_(sorted(OWED_STATES))),
            _owed_due(),
        ),
    )
    return scope.apply(
        select(
            _tally(FollowUp.due_on <= until),
            _tally(FollowUp.due_on < today),
            _tally(owed <= until),
            _tally(owed < today),
        )
        .select_from(MediationCase)
        .outerjoin(FollowUp, and_(FollowUp.case_id == MediationCase.id, FollowUp.done_at.is_(None)))
        .where(MediationCase.status.in_(sorted(FOLLOWABLE)))
    )


def _first(scope: CaseScope, until: dt.date, limit: int, *, with_owed: bool) -> Select[Any]:
    """The first `limit` visits due by `until`, by date then case number: the scheduled ones
    chosen on the visits alone, walked in date order on the partial index and stopping at
    `limit` (each case looked up by its key), then joined to their cases and agreements; and,
    when there are any, the owed ones."""
    number = select(MediationCase.number).where(MediationCase.id == FollowUp.case_id).scalar_subquery()
    visitable = exists().where(MediationCase.id == FollowUp.case_id, MediationCase.status.in_(sorted(FOLLOWABLE)))
    chosen = (
        scope.apply(
            select(FollowUp.id, FollowUp.case_id, FollowUp.due_on, FollowUp.reason, number.label("number")),
            FollowUp.case_id,
        )
        .where(FollowUp.done_at.is_(None), FollowUp.due_on <= until, visitable)
        .order_by(FollowUp.due_on, number, FollowUp.id)
        .limit(limit)
        .subquery()
    )
    scheduled = (
        select(
            chosen.c.due_on,
            chosen.c.number,
            chosen.c.id.label("follow_up_id"),
            chosen.c.case_id,
            MediationCase.status,
            chosen.c.reason,
            Agreement.performance_status,
            Agreement.performance_deadline,
        )
        .join(MediationCase, MediationCase.id == chosen.c.case_id)
        .outerjoin(Agreement, Agreement.case_id == chosen.c.case_id)
    )
    if not with_owed:
        return scheduled.order_by(chosen.c.due_on, chosen.c.number, chosen.c.id)
    owed = _owed(scope).subquery()
    owed_first = (
        select(owed).where(owed.c.due_on <= until).order_by(owed.c.due_on, owed.c.number).limit(limit).subquery()
    )
    both = union_all(scheduled, select(owed_first)).subquery()
    return select(both).order_by(both.c.due_on, both.c.number, both.c.follow_up_id).limit(limit)


def _owed_due() -> ColumnElement[dt.date]:
    """The date of the visit a case's agreement is owed (NULL without an agreement): a month
    after it took effect, or its performance deadline, and not sooner than a month after the
    last visit made (that visit's Beijing date)."""
    visited = aliased(FollowUp)
    last_done = (
        select(func.max(visited.done_at))
        .where(visited.case_id == MediationCase.id)
        .correlate(MediationCase)
        .scalar_subquery()
    )
    after = f"+{VISIT_AFTER.days} days"
    first = func.coalesce(
        Agreement.performance_deadline, func.date(func.coalesce(Agreement.effective_on, Agreement.reached_on), after)
    )
    # Stored instants are UTC; the last visit's Beijing date is what the month runs from.
    again = func.date(last_done, _CHINA_SHIFT, after)
    due = func.max(first, func.coalesce(again, first))  # two arguments: SQLite's scalar max
    return type_coerce(
        select(due).where(Agreement.case_id == MediationCase.id).correlate(MediationCase).scalar_subquery(), Date
    )


def _owed(scope: CaseScope) -> Select[Any]:
    """For each agreement being performed that has no visit pending, the visit it is owed
    (`_owed_due`); columns as `_first`'s."""
    pending = exists().where(FollowUp.case_id == MediationCase.id, FollowUp.done_at.is_(None))
    columns: list[Any] = [
        _owed_due().label("due_on"),
        MediationCase.number,
        null().label("follow_up_id"),
        MediationCase.id.label("case_id"),
        MediationCase.status,
        null().label("reason"),
        Agreement.performance_status,
        Agreement.performance_deadline,
    ]
    return scope.apply(
        select(*columns)
        .join(Agreement, Agreement.case_id == MediationCase.id)
        .where(MediationCase.status.in_(sorted(OWED_STATES)), ~pending)
    )


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
