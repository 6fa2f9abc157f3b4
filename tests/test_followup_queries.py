"""回访 lists: visits due (scheduled, and owed by agreements with none scheduled) overdue first,
visits done with their performance and satisfaction, and a 调解员 seeing only own cases."""

from __future__ import annotations

import datetime as dt

import pytest
from service_helpers import (  # noqa: F401  (env is a fixture)
    Env,
    actor,
    add_mediator,
    agreement_data,
    assigned_case,
    audit_actions,
    case_row,
    env,
    mediating_case,
    parties_of,
    party,
    session_data,
    today,
)

from mediation_desk.core.uow import Actor
from mediation_desk.errors import PermissionDenied, ValidationError
from mediation_desk.mediation import agreement, followup, followup_queries, sessions, states, workflow
from mediation_desk.mediation.followup_queries import due_list, follow_ups_done, follow_ups_due


def agreed(env: Env, n: int, mediator_id: str | None = None, **agreement_kw: object) -> str:
    """A case with an oral agreement (in effect when reached), parties unique by `n`."""
    case_id, _ = assigned_case(
        env,
        mediator_id,
        parties=[party(f"甲{n}", 300 + n), party(f"乙{n}", 400 + n)],
        accepted_on=(today() - dt.timedelta(days=60)).isoformat(),
    )
    sessions.add_session(env.desk, env.admin, case_id, session_data(parties_of(env.desk, case_id)))
    agreement.record_agreement(env.desk, env.admin, case_id, agreement_data(form="oral", **agreement_kw))
    return case_id


def days(n: int) -> dt.date:
    return today() + dt.timedelta(days=n)


@pytest.fixture
def visits(env: Env) -> dict[str, str]:
    overdue = agreed(env, 1)
    overdue_visit = followup.schedule_follow_up(env.desk, env.admin, overdue, days(-3), "协议履行情况回访")
    soon = agreed(env, 2)
    followup.schedule_follow_up(env.desk, env.admin, soon, days(5))
    later = agreed(env, 3)
    followup.schedule_follow_up(env.desk, env.admin, later, days(30))
    # No visit scheduled, no performance deadline: owed a month after the agreement was reached.
    owed = agreed(env, 4, reached_on=days(-40), performance_deadline=None)
    # Visited already (performance and satisfaction recorded): in the done list only.
    visited = agreed(env, 5)
    followup.record_follow_up(
        env.desk,
        env.admin,
        visited,
        {"performance_status": "partial", "satisfaction": "basic", "notes": "已付一半", "renewed_conflict": True},
    )
    # A visit still pending on a case closed since can never be recorded: not listed.
    closed = agreed(env, 6)
    followup.schedule_follow_up(env.desk, env.admin, closed, days(-1))
    followup.record_follow_up(
        env.desk,
        env.admin,
        closed,
        {"performance_status": "fully_performed", "satisfaction": "satisfied", "notes": "履行完毕"},
    )
    workflow.transition(env.desk, env.admin, closed, states.CLOSED)
    return {
        "overdue": overdue,
        "overdue_visit": overdue_visit,
        "soon": soon,
        "later": later,
        "owed": owed,
        "visited": visited,
        "closed": closed,
    }


def test_due_visits_overdue_first_with_owed_agreements(env: Env, visits: dict[str, str]) -> None:
    due = follow_ups_due(env.desk, env.admin)
    assert [v.case_id for v in due] == [visits["owed"], visits["overdue"], visits["soon"]]
    owed, overdue, soon = due
    assert (owed.scheduled, owed.due_on, owed.days_overdue) == (False, days(-10), 10)
    assert owed.performance_deadline is None and owed.case_status == states.AGREED
    assert (overdue.follow_up_id, overdue.due_on, overdue.days_overdue, overdue.overdue) == (
        visits["overdue_visit"],
        days(-3),
        3,
        True,
    )
    assert overdue.reason == "协议履行情况回访" and overdue.performance_status == "pending"
    assert overdue.mediator_names == ("谢阿根",)
    assert overdue.case_number == case_row(env.desk, visits["overdue"]).number
    assert (soon.days_overdue, soon.overdue) == (-5, False)
    # Further ahead, and today only.
    assert visits["later"] in [v.case_id for v in follow_ups_due(env.desk, env.admin, upcoming_days=30)]
    assert [v.case_id for v in follow_ups_due(env.desk, env.admin, upcoming_days=0)] == [
        visits["owed"],
        visits["overdue"],
    ]
    # Listed up to a limit, counted in full.
    first = due_list(env.desk, env.admin, limit=1)
    assert [v.case_id for v in first.visits] == [visits["owed"]] and (first.total, first.overdue) == (3, 2)
    assert (due_list(env.desk, env.admin, upcoming_days=30).total, due_list(env.desk, env.admin, limit=0).visits) == (
        4,
        [],
    )


def test_an_agreement_is_owed_a_visit_at_its_deadline_or_a_month_after_the_last(env: Env) -> None:
    with_deadline = agreed(env, 7, performance_deadline=days(2))
    (v,) = follow_ups_due(env.desk, env.admin)
    assert (v.case_id, v.due_on, v.performance_deadline) == (with_deadline, days(2), days(2))
    # Visited, not finished, back to performing: the next visit is a month after this one.
    followup.record_follow_up(
        env.desk,
        env.admin,
        with_deadline,
        {"performance_status": "partial", "satisfaction": "basic", "notes": "尚欠一半"},
    )
    assert follow_ups_due(env.desk, env.admin) == []  # in follow-up: the visit has just been made
    workflow.transition(env.desk, env.admin, with_deadline, states.PERFORMING)
    assert follow_ups_due(env.desk, env.admin) == []
    (v,) = follow_ups_due(env.desk, env.admin, upcoming_days=30)
    assert (v.due_on, v.scheduled, v.performance_status) == (days(30), False, "partial")


def test_done_visits_newest_first_with_performance_and_satisfaction(env: Env, visits: dict[str, str]) -> None:
    done = follow_ups_done(env.desk, env.admin)
    assert [v.case_id for v in done] == [visits["closed"], visits["visited"]]
    closed, visited = done
    assert (visited.performance_status, visited.satisfaction, visited.renewed_conflict) == ("partial", "basic", True)
    assert visited.case_status == states.FOLLOW_UP and visited.visitor == "戴才良"
    assert (closed.performance_status, closed.satisfaction, closed.case_status) == (
        "fully_performed",
        "satisfied",
        states.CLOSED,
    )
    assert closed.done_at.tzinfo is not None
    # Older than the window: not listed.
    assert follow_ups_done(env.desk, env.admin, today=days(100), days=90) == []
    assert len(follow_ups_done(env.desk, env.admin, today=days(100), days=100)) == 2


def test_a_mediator_sees_only_the_visits_of_own_cases(env: Env, visits: dict[str, str]) -> None:
    on_case = add_mediator(env, "王永年")
    own = agreed(env, 8, on_case)
    followup.schedule_follow_up(env.desk, env.admin, own, days(-2))
    mediator = actor(env, "xieagen", "mediator", mediator_id=on_case)
    assert [v.case_id for v in follow_ups_due(env.desk, mediator)] == [own]
    assert follow_ups_done(env.desk, mediator) == []
    unlinked = actor(env, "wangyn", "mediator")  # an operator with no roster record owns no case
    assert follow_ups_due(env.desk, unlinked) == [] and follow_ups_done(env.desk, unlinked) == []


def test_an_unknown_role_is_refused_and_the_refusal_audited(env: Env) -> None:
    stranger = Actor("guest", "guest")
    with pytest.raises(PermissionDenied):
        follow_ups_due(env.desk, stranger)
    with pytest.raises(PermissionDenied):
        follow_ups_done(env.desk, stranger)
    assert audit_actions(env.desk).count("access.denied") == 2


@pytest.mark.parametrize("bad", [-1, 4000, "7", True, None])
def test_bad_windows_are_refused(env: Env, bad: object) -> None:
    with pytest.raises(ValidationError) as e:
        follow_ups_due(env.desk, env.admin, upcoming_days=bad)  # type: ignore[arg-type]
    assert (e.value.problems[0].field, e.value.problems[0].rule) == ("upcoming_days", "days_range")
    with pytest.raises(ValidationError) as e:
        follow_ups_done(env.desk, env.admin, days=bad)  # type: ignore[arg-type]
    assert e.value.problems[0].field == "days"


def test_lists_on_an_empty_desk(env: Env) -> None:
    mediating_case(env)  # no agreement: nothing to visit
    assert follow_ups_due(env.desk, env.admin) == [] and follow_ups_done(env.desk, env.admin) == []
    assert dt.timedelta(days=30) == followup_queries.VISIT_AFTER
