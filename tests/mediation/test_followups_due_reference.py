"""The follow-ups due, as counted and listed in SQL, equal a plain Python computation of the
same rule over every row, on random histories: visits scheduled (several on a case, some on
cases no longer visitable, some done), agreements owed a visit (with and without a performance
deadline, after visits made early in a Beijing morning), for the committee and for a 调解员 who
sees only their cases; for windows and limits of every size. Bad windows are refused."""

from __future__ import annotations

import datetime as dt
import random
import uuid
from typing import Any

import pytest
from service_helpers import Env, actor, add_mediator, env  # noqa: F401  (env is a fixture)
from sqlalchemy import insert, select

from mediation_desk.core.uow import CHINA
from mediation_desk.errors import ValidationError
from mediation_desk.mediation import followup_queries, states
from mediation_desk.mediation.followup import FOLLOWABLE
from mediation_desk.mediation.models_case import Agreement, CaseAssignment, FollowUp, MediationCase
from mediation_desk.mediation.models_people import Mediator

TODAY = dt.date(2026, 6, 15)
UTC = dt.UTC


def random_history(env: Env, rng: random.Random, cases: int) -> list[str]:
    """`cases` cases in random states with agreements, visits and assignments, loaded in bulk;
    returns the mediators' ids."""
    mediator_ids = [add_mediator(env, name) for name in ("谢阿根", "金晓燕", "戴才良")]
    with env.desk.read() as s:
        committee_id = env.desk.committee(s).id
    rows: dict[Any, list[dict[str, Any]]] = {MediationCase: [], Agreement: [], FollowUp: [], CaseAssignment: []}
    now = dt.datetime(2026, 6, 1, tzinfo=UTC)
    for n in range(1, cases + 1):
        cid = str(uuid.uuid4())
        status = rng.choice(states.STATES)
        rows[MediationCase].append(
            {
                "id": cid,
                "committee_id": committee_id,
                "number": f"（2026）谢调字第 {rng.randrange(1, 10**4):04d}-{n} 号",
                "year": 2026,
                "seat": 1,
                "seq": n,
                "source": "application",
                "found_in_screening": False,
                "dispute_type": "neighbour",
                "brief_facts": "随机",
                "persons_involved": 2,
                "risk_flags": [],
                "prevented": [],
                "private_mediation": True,
                "accepted_on": TODAY - dt.timedelta(days=rng.randrange(400)),
                "status": status,
                "status_changed_at": now,
                "routes_told": [],
                "search_text": "随机",
                "created_by": "admin",
                "created_at": now,
                "updated_at": now,
                "updated_hlc": "0",
            }
        )
        for k, mediator_id in enumerate(rng.sample(mediator_ids, rng.randrange(0, 3))):
            rows[CaseAssignment].append(
                {
                    "id": str(uuid.uuid4()),
                    "case_id": cid,
                    "mediator_id": mediator_id,
                    "role": "lead" if k == 0 else "assistant",
                    "chosen_by": "committee",
                    "assigned_at": now - dt.timedelta(hours=rng.randrange(100)),
                    "assigned_by": "admin",
                    "ended_at": now if rng.random() < 0.2 else None,
                }
            )
        if rng.random() < 0.8:
            reached = TODAY - dt.timedelta(days=rng.randrange(-5, 120))
            rows[Agreement].append(
                {
                    "id": str(uuid.uuid4()),
                    "case_id": cid,
                    "form": rng.choice(("written", "oral")),
                    "reached_on": reached,
                    "facts": "随机",
                    "disputed_issues": "随机",
                    "terms": ["随机"],
                    "performance_method": "随机",
                    "performance_deadline": rng.choice((None, reached + dt.timedelta(days=rng.randrange(60)))),
                    "copies": 3,
                    "effective_on": rng.choice((None, reached, reached + dt.timedelta(days=2))),
                    "performance_status": rng.choice(("pending", "partially_performed")),
                    "created_at": now,
                    "updated_hlc": "0",
                }
            )
        for _ in range(rng.choice((0, 0, 1, 1, 2, 3))):
            due = TODAY + dt.timedelta(days=rng.randrange(-60, 40))
            done = None
            if rng.random() < 0.5:  # made, often early in a Beijing morning (the day before in UTC)
                local = dt.datetime.combine(due, dt.time(rng.choice((0, 3, 7, 9, 23)), rng.randrange(60)), CHINA)
                done = (local + dt.timedelta(days=rng.randrange(-3, 20))).astimezone(UTC)
            rows[FollowUp].append(
                {
                    "id": str(uuid.uuid4()),
                    "case_id": cid,
                    "due_on": rng.choice((due, due, TODAY)),  # ties on the date
                    "reason": rng.choice((None, "回访履行")),
                    "done_at": done,
                    "created_at": now,
                }
            )
    with env.desk.db.writer.begin() as s:
        for model, batch in rows.items():
            if batch:
                s.execute(insert(model), batch)
    return mediator_ids


def reference(env: Env, today: dt.date, upcoming: int, limit: int, mediator_id: str | None) -> tuple[Any, ...]:
    """The rule computed in Python over every row."""
    until = today + dt.timedelta(days=upcoming)
    with env.desk.read() as s:
        cases = {c.id: c for c in s.scalars(select(MediationCase))}
        agreements = {a.case_id: a for a in s.scalars(select(Agreement))}
        visits = list(s.scalars(select(FollowUp)))
        assignments = list(s.scalars(select(CaseAssignment)))
        names = dict(s.execute(select(Mediator.id, Mediator.name)).all())
    if mediator_id is not None:  # a 调解员: the cases they are or were assigned to
        seen = {a.case_id for a in assignments if a.mediator_id == mediator_id}
        cases = {k: c for k, c in cases.items() if k in seen}
    listed: list[tuple[Any, ...]] = []
    for f in visits:
        c = cases.get(f.case_id)
        if c is not None and f.done_at is None and f.due_on <= until and c.status in FOLLOWABLE:
            a = agreements.get(c.id)
            listed.append(
                (
                    f.due_on,
                    c.number,
                    f.id,
                    c.id,
                    c.status,
                    f.reason,
                    a and a.performance_status,
                    a and a.performance_deadline,
                )
            )
    for c in cases.values():
        a = agreements.get(c.id)
        mine = [f for f in visits if f.case_id == c.id]
        if c.status not in followup_queries.OWED_STATES or a is None or any(f.done_at is None for f in mine):
            continue
        due = a.performance_deadline or (a.effective_on or a.reached_on) + followup_queries.VISIT_AFTER
        done = [f.done_at for f in mine if f.done_at is not None]
        if done:
            due = max(due, max(done).astimezone(CHINA).date() + followup_queries.VISIT_AFTER)
        if due <= until:
            listed.append((due, c.number, None, c.id, c.status, None, a.performance_status, a.performance_deadline))
    listed.sort(key=lambda v: (v[0], v[1], v[2] or ""))
    active = sorted((a for a in assignments if a.ended_at is None), key=lambda a: (a.assigned_at, a.id))
    shown = [
        (*v, (today - v[0]).days, tuple(names[a.mediator_id] for a in active if a.case_id == v[3]))
        for v in listed[:limit]
    ]
    return shown, len(listed), sum(1 for v in listed if v[0] < today)


def computed(env: Env, who: Any, today: dt.date, upcoming: int, limit: int) -> tuple[Any, ...]:
    got = followup_queries.due_list(env.desk, who, today=today, upcoming_days=upcoming, limit=limit)
    shown = [
        (
            v.due_on,
            v.case_number,
            v.follow_up_id,
            v.case_id,
            v.case_status,
            v.reason,
            v.performance_status,
            v.performance_deadline,
            v.days_overdue,
            v.mediator_names,
        )
        for v in got.visits
    ]
    return shown, got.total, got.overdue


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_due_list_equals_the_rule_computed_row_by_row(env: Env, seed: int) -> None:
    rng = random.Random(seed)
    mediator_ids = random_history(env, rng, 160)
    clerk = env.admin
    mediator = actor(env, "xieagen", "mediator", mediator_id=mediator_ids[0])
    for today, upcoming, limit in [
        (TODAY, 14, 500),
        (TODAY, 0, 7),
        (TODAY - dt.timedelta(days=30), 60, 25),
        (TODAY + dt.timedelta(days=45), 3660, 1),
    ]:
        for who, mediator_id in ((clerk, None), (mediator, mediator_ids[0])):
            expected = reference(env, today, upcoming, limit, mediator_id)
            assert computed(env, who, today, upcoming, limit) == expected
    shown, total, _ = reference(env, TODAY, 14, 500, None)
    assert total > 0 and any(v[2] is None for v in shown) and any(v[2] is not None for v in shown)


def test_no_limit_lists_nothing_and_still_counts(env: Env) -> None:
    random_history(env, random.Random(9), 60)
    got = followup_queries.due_list(env.desk, env.admin, today=TODAY, limit=0)
    _, total, overdue = reference(env, TODAY, followup_queries.UPCOMING_DAYS, 0, None)
    assert got.visits == [] and (got.total, got.overdue) == (total, overdue)
    assert followup_queries.due_list(env.desk, env.admin, today=TODAY, limit=-5).visits == []


@pytest.mark.parametrize("bad", [-1, 3661, True, 1.5, "14", None])
def test_a_bad_window_is_refused(env: Env, bad: Any) -> None:
    with pytest.raises(ValidationError) as refused:
        followup_queries.due_list(env.desk, env.admin, today=TODAY, upcoming_days=bad)
    problem = refused.value.problems[0]
    assert (problem.field, problem.rule) == ("upcoming_days", "days_range") and "提前提醒天数" in problem.message
