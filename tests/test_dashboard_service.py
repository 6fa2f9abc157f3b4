"""工作台 figures on a real desk: counts, overdue cases, follow-ups due, judicial deadlines near,
recent activity, their boundaries, and no personal data in the result."""

from __future__ import annotations

import datetime as dt
from typing import Any

from service_helpers import (  # noqa: F401  (env is a fixture)
    Env,
    agreed_case,
    case_row,
    env,
    new_case,
    party,
    today,
)
from sqlalchemy import update

from mediation_desk.mediation import followup, states
from mediation_desk.mediation.dashboard import dashboard_figures
from mediation_desk.mediation.models_case import Agreement, FollowUp, MediationCase


def days_ago(n: int) -> dt.date:
    return today() - dt.timedelta(days=n)


def set_rows(env: Env, model: Any, case_id: str, **values: Any) -> None:
    with env.desk.db.writer.begin() as s:
        key = model.case_id if model is Agreement else model.id
        s.execute(update(model).where(key == case_id).values(**values))


def test_counts_by_state_and_recent_activity(env: Env) -> None:
    first = new_case(env)
    agreed = agreed_case(env, parties=[party("赵六斤", 3), party("钱小妹", 4, male=False)])
    f = dashboard_figures(env.desk, env.admin)
    assert f.today == today()
    assert f.counts[states.ACCEPTED] == 1 and f.counts[states.AGREED] == 1
    assert f.counts[states.CLOSED] == 0 and set(f.counts) == set(states.STATES)
    newest = f.recent[0]
    assert newest.number == case_row(env.desk, agreed).number
    assert (newest.from_label, newest.to_label) == ("调解中", "已达成协议")
    assert [a.at for a in f.recent] == sorted((a.at for a in f.recent), reverse=True)
    assert any(
        a.number == case_row(env.desk, first).number and a.from_label is None and a.to_label == "已受理"
        for a in f.recent
    )
    assert len(dashboard_figures(env.desk, env.admin, recent=2).recent) == 2


def test_overdue_is_strictly_longer_than_the_target(env: Env) -> None:
    at_target = new_case(env, accepted_on=days_ago(30))
    over = new_case(env, accepted_on=days_ago(31), parties=[party("赵六斤", 3), party("钱小妹", 4)])
    older = new_case(env, accepted_on=days_ago(45), parties=[party("孙大伯", 5), party("李大伯", 6)])
    closed = new_case(env, accepted_on=days_ago(90), parties=[party("周七", 7), party("吴八", 8)])
    set_rows(env, MediationCase, closed, status=states.CLOSED)
    f = dashboard_figures(env.desk, env.admin)
    assert f.overdue_count == 2
    assert [(o.case_id, o.days_open) for o in f.overdue] == [(older, 45), (over, 31)]
    assert f.overdue[0].number == case_row(env.desk, older).number
    assert f.overdue[0].accepted_on == days_ago(45)
    assert at_target not in {o.case_id for o in f.overdue}
    assert dashboard_figures(env.desk, env.admin, overdue_days=29).overdue_count == 3


def test_follow_ups_due_only_pending_on_open_cases(env: Env) -> None:
    case_id = agreed_case(env)
    followup.schedule_follow_up(env.desk, env.admin, case_id, days_ago(1))
    followup.schedule_follow_up(env.desk, env.admin, case_id, today())
    followup.schedule_follow_up(env.desk, env.admin, case_id, today() + dt.timedelta(days=1))  # not yet due
    closed = agreed_case(env, parties=[party("赵六斤", 3), party("钱小妹", 4)])
    followup.schedule_follow_up(env.desk, env.admin, closed, days_ago(2))
    set_rows(env, MediationCase, closed, status=states.CLOSED)
    f = dashboard_figures(env.desk, env.admin)
    assert f.followups_due_count == 2
    assert [(d.case_id, d.due_on) for d in f.followups_due] == [(case_id, days_ago(1)), (case_id, today())]
    assert f.followups_due[0].number == case_row(env.desk, case_id).number
    # Visits done are no longer due.
    with env.desk.db.writer.begin() as s:
        s.execute(
            update(FollowUp)
            .where(FollowUp.case_id == case_id, FollowUp.due_on < today())
            .values(done_at=dt.datetime.now(dt.UTC))
        )
    f = dashboard_figures(env.desk, env.admin)
    assert [(d.case_id, d.due_on) for d in f.followups_due] == [(case_id, today())]


def test_judicial_deadlines_within_the_window_and_not_applied(env: Env) -> None:
    names = iter(range(10, 40))
    cases = {}
    for label, offset in (("today", 0), ("edge", 7), ("beyond", 8), ("past", -1), ("applied", 3)):
        a, b = next(names), next(names)
        cases[label] = agreed_case(env, parties=[party(f"甲{a}", a), party(f"乙{b}", b)])
        set_rows(env, Agreement, cases[label], judicial_deadline=today() + dt.timedelta(days=offset))
    set_rows(env, Agreement, cases["applied"], judicial_applied_on=today())
    f = dashboard_figures(env.desk, env.admin)
    assert [(j.case_id, j.judicial_deadline) for j in f.judicial] == [
        (cases["today"], today()),
        (cases["edge"], today() + dt.timedelta(days=7)),
    ]
    assert f.judicial[0].number == case_row(env.desk, cases["today"]).number
    assert len(dashboard_figures(env.desk, env.admin, judicial_window_days=8).judicial) == 3


def test_the_signing_sets_a_deadline_that_shows_once_near(env: Env) -> None:
    case_id = agreed_case(env)  # signed today: deadline in 30 days, outside the 7-day window
    assert dashboard_figures(env.desk, env.admin).judicial == ()
    near = dashboard_figures(env.desk, env.admin, today=today() + dt.timedelta(days=25)).judicial
    assert [j.case_id for j in near] == [case_id]


def test_no_personal_data_in_the_figures(env: Env) -> None:
    wang = party("王永年", 1)
    case_id = agreed_case(env, parties=[wang, party("陈建林", 2)], accepted_on=days_ago(40))
    followup.schedule_follow_up(env.desk, env.admin, case_id, today())
    set_rows(env, Agreement, case_id, judicial_deadline=today())
    f = dashboard_figures(env.desk, env.admin)
    assert f.overdue and f.followups_due and f.judicial and f.recent
    text = repr(f)
    for secret in ("王永年", "陈建林", wang["id_number"], wang["phone"], "谢阿根", "围墙"):
        assert secret not in text
