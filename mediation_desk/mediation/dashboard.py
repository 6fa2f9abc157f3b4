"""工作台 figures: cases by state, overdue cases, follow-ups due, judicial-confirmation deadlines
near, and recent activity — plain values, case numbers only, no personal data.

Shown right after the login, so each figure is read from an index (revision 0011): the counts by
state from the status index, the overdue cases state by state in acceptance order, the visits not
yet made from their partial index, the latest changes by time.

Every figure and list is of the cases the actor may see (`case_access.case_scope`): a 调解员's
workbench counts and lists the cases they are or were assigned to, so a count never tells of
cases its list may not show."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select, union_all

from mediation_desk.core.uow import Actor, china_today
from mediation_desk.desk import Desk
from mediation_desk.mediation import case_targets, states
from mediation_desk.mediation.case_access import case_scope
from mediation_desk.mediation.models_case import (
    Agreement,
    CaseTransition,
    FollowUp,
    MediationCase,
)

OVERDUE_LIST_MAX = 20
DUE_LIST_MAX = 50


@dataclass(frozen=True)
class OverdueCase:
    case_id: str
    number: str
    accepted_on: dt.date
    days_open: int


@dataclass(frozen=True)
class DueFollowUp:
    case_id: str
    number: str
    due_on: dt.date


@dataclass(frozen=True)
class JudicialDeadline:
    case_id: str
    number: str
    judicial_deadline: dt.date


@dataclass(frozen=True)
class Activity:
    number: str
    from_label: str | None  # None for the first state of a case
    to_label: str
    at: dt.datetime
    case_id: str | None = None  # to open the case from the list


@dataclass(frozen=True)
class DashboardFigures:
    today: dt.date
    overdue_days: int
    judicial_window_days: int
    counts: dict[str, int]
    overdue_count: int
    overdue: tuple[OverdueCase, ...]  # oldest first, at most OVERDUE_LIST_MAX
    followups_due_count: int
    followups_due: tuple[DueFollowUp, ...]  # earliest first, at most DUE_LIST_MAX
    judicial: tuple[JudicialDeadline, ...]  # nearest deadline first
    recent: tuple[Activity, ...]  # newest first


def dashboard_figures(
    desk: Desk,
    actor: Actor,
    *,
    today: dt.date | None = None,
    overdue_days: int | None = None,
    judicial_window_days: int | None = None,
    recent: int = 10,
) -> DashboardFigures:
    """The figures; the two targets default to the committee's rules (mediation/case_targets.py)."""
    today = today or china_today()
    open_states = sorted(states.OPEN_STATES)
    scope = case_scope(actor)
    within = scope.apply
    with desk.read(actor) as s:
        scope.refuse_if_none(actor)
        targets = case_targets.targets_in(s)
        overdue_days = targets.overdue_days if overdue_days is None else overdue_days
        if judicial_window_days is None:
            judicial_window_days = targets.judicial_window_days
        accepted_before = today - dt.timedelta(days=overdue_days)  # open on or before this: not overdue yet
        counts = dict.fromkeys(states.STATES, 0)
        counts.update(
            dict(s.execute(within(select(MediationCase.status, func.count()).group_by(MediationCase.status))).all())
        )

        overdue_where = (MediationCase.status.in_(open_states), MediationCase.accepted_on < accepted_before)
        overdue_count = s.scalar(within(select(func.count()).select_from(MediationCase).where(*overdue_where))) or 0
        # The oldest of each open state from the index (status, accepted_on, number), then the
        # oldest of those: a few rows sorted, not every open case.
        oldest = [
            within(
                select(MediationCase.id, MediationCase.number, MediationCase.accepted_on)
                .where(MediationCase.status == state, MediationCase.accepted_on < accepted_before)
                .order_by(MediationCase.accepted_on, MediationCase.number)
                .limit(OVERDUE_LIST_MAX)
            ).subquery()
            for state in open_states
        ]
        merged = union_all(*(select(part.c.id, part.c.number, part.c.accepted_on) for part in oldest)).subquery()
        overdue = tuple(
            OverdueCase(case_id, number, accepted_on, (today - accepted_on).days)
            for case_id, number, accepted_on in s.execute(
                select(merged.c.id, merged.c.number, merged.c.accepted_on)
                .order_by(merged.c.accepted_on, merged.c.number)
                .limit(OVERDUE_LIST_MAX)
            )
        )

        # Driven by the visits not yet made (their partial index), each case looked up by its key:
        # a join would let SQLite start from the open cases instead, tens of thousands of them.
        case_open = (
            select(MediationCase.id)
            .where(MediationCase.id == FollowUp.case_id, MediationCase.status.in_(open_states))
            .exists()
        )
        due_where = (FollowUp.done_at.is_(None), FollowUp.due_on <= today, case_open)
        followups_due_count = (
            s.scalar(scope.apply(select(func.count()).select_from(FollowUp).where(*due_where), FollowUp.case_id)) or 0
        )
        number = select(MediationCase.number).where(MediationCase.id == FollowUp.case_id).scalar_subquery()
        followups_due = tuple(
            DueFollowUp(case_id, case_number, due_on)
            for case_id, case_number, due_on in s.execute(
                scope.apply(
                    select(FollowUp.case_id, number, FollowUp.due_on)
                    .where(*due_where)
                    .order_by(FollowUp.due_on, number)
                    .limit(DUE_LIST_MAX),
                    FollowUp.case_id,
                )
            )
        )

        judicial = tuple(
            JudicialDeadline(case_id, number, deadline)
            for case_id, number, deadline in s.execute(
                within(
                    select(Agreement.case_id, MediationCase.number, Agreement.judicial_deadline)
                    .join(MediationCase, MediationCase.id == Agreement.case_id)
                    .where(
                        Agreement.judicial_applied_on.is_(None),
                        Agreement.judicial_deadline >= today,
                        Agreement.judicial_deadline <= today + dt.timedelta(days=judicial_window_days),
                    )
                    .order_by(Agreement.judicial_deadline, MediationCase.number)
                )
            )
        )

        activity = tuple(
            Activity(number, states.LABELS.get(old, old) if old else None, states.LABELS.get(new, new), at, case_id)
            for number, old, new, at, case_id in s.execute(
                within(
                    select(
                        MediationCase.number,
                        CaseTransition.from_status,
                        CaseTransition.to_status,
                        CaseTransition.at,
                        MediationCase.id,
                    )
                    .join(MediationCase, MediationCase.id == CaseTransition.case_id)
                    .order_by(CaseTransition.at.desc(), CaseTransition.hlc.desc())
                    .limit(max(0, recent))
                )
            )
        )

    return DashboardFigures(
        today=today,
        overdue_days=overdue_days,
        judicial_window_days=judicial_window_days,
        counts=counts,
        overdue_count=overdue_count,
        overdue=overdue,
        followups_due_count=followups_due_count,
        followups_due=followups_due,
        judicial=judicial,
        recent=activity,
    )
