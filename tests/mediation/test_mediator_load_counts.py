"""The roster's open cases per mediator, kept by the database's triggers (revision 0011), equal
the count made from the cases and assignments themselves (a mediator counts a case once, however
many of their assignments on it are open) after any sequence of changes: assignments added,
ended, moved or deleted, duplicates, cases opened, closed or deleted; through the services too;
and on a desk that upgrades with its cases already there. Bad roster input saves nothing."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
import uuid
from typing import Any

import pytest
from service_helpers import Env, add_mediator, assigned_case, env  # noqa: F401  (env is a fixture)
from sqlalchemy import delete, func, insert, select, update

from mediation_desk.errors import ValidationError
from mediation_desk.mediation import mediators, states, workflow
from mediation_desk.mediation.models_case import CaseAssignment, MediationCase
from mediation_desk.storage import migrate

NOW = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)


def counted(env: Env) -> dict[str, int]:
    """Open cases per mediator, counted from the rows."""
    with env.desk.read() as s:
        rows = s.execute(
            select(CaseAssignment.mediator_id, func.count(func.distinct(CaseAssignment.case_id)))
            .join(MediationCase, MediationCase.id == CaseAssignment.case_id)
            .where(CaseAssignment.ended_at.is_(None), MediationCase.status.in_(states.OPEN_STATES))
            .group_by(CaseAssignment.mediator_id)
        ).all()
    return dict(rows)


def kept(env: Env) -> dict[str, int]:
    with env.desk.read() as s:
        return mediators.open_loads(s)


def case_row(committee_id: str, n: int, status: str) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "committee_id": committee_id,
        "number": f"（2026）谢调字第 {n:04d} 号",
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
        "accepted_on": dt.date(2026, 5, 1),
        "status": status,
        "status_changed_at": NOW,
        "routes_told": [],
        "search_text": "随机",
        "created_by": "admin",
        "created_at": NOW,
        "updated_at": NOW,
        "updated_hlc": "0",
    }


def assignment_row(case_id: str, mediator_id: str) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "case_id": case_id,
        "mediator_id": mediator_id,
        "role": "lead",
        "chosen_by": "committee",
        "assigned_at": NOW,
        "assigned_by": "admin",
    }


@pytest.mark.parametrize("seed", [1, 2])
def test_the_kept_loads_equal_the_counted_ones_after_any_changes(env: Env, seed: int) -> None:
    rng = random.Random(seed)
    people = [add_mediator(env, name) for name in ("谢阿根", "金晓燕", "戴才良", "王永年")]
    with env.desk.read() as s:
        committee_id = env.desk.committee(s).id
    cases = [case_row(committee_id, n, rng.choice(states.STATES)) for n in range(1, 41)]
    with env.desk.db.writer.begin() as s:
        s.execute(insert(MediationCase), cases)
    ids = [c["id"] for c in cases]
    for _round in range(12):
        with env.desk.db.writer.begin() as s:
            for _ in range(15):
                rows = list(s.scalars(select(CaseAssignment.id)))
                move = rng.choice(("add", "add", "duplicate", "end", "reopen", "move", "drop", "status", "status"))
                if move in ("add", "duplicate") or not rows:
                    case_id = rng.choice(ids)
                    taken = s.scalars(select(CaseAssignment.mediator_id).where(CaseAssignment.case_id == case_id))
                    mediator_id = rng.choice(list(taken) or people) if move == "duplicate" else rng.choice(people)
                    s.execute(insert(CaseAssignment), [assignment_row(case_id, mediator_id)])
                elif move == "end":
                    s.execute(update(CaseAssignment).where(CaseAssignment.id == rng.choice(rows)).values(ended_at=NOW))
                elif move == "reopen":
                    s.execute(update(CaseAssignment).where(CaseAssignment.id == rng.choice(rows)).values(ended_at=None))
                elif move == "move":
                    s.execute(
                        update(CaseAssignment)
                        .where(CaseAssignment.id == rng.choice(rows))
                        .values(case_id=rng.choice(ids), mediator_id=rng.choice(people), role="assistant")
                    )
                elif move == "drop":
                    s.execute(delete(CaseAssignment).where(CaseAssignment.id == rng.choice(rows)))
                else:
                    s.execute(
                        update(MediationCase)
                        .where(MediationCase.id == rng.choice(ids))
                        .values(status=rng.choice(states.STATES))
                    )
        assert kept(env) == {m: n for m, n in counted(env).items() if n}
    # A case deleted with its assignments (in the order the foreign keys allow), and one without.
    gone = rng.choice(ids)
    with env.desk.db.writer.begin() as s:
        s.execute(delete(CaseAssignment).where(CaseAssignment.case_id == gone))
        s.execute(delete(MediationCase).where(MediationCase.id == gone))
    assert kept(env) == {m: n for m, n in counted(env).items() if n}
    roster = {m.id: m.open_cases for m in mediators.list_mediators(env.desk)}
    assert roster == {m: counted(env).get(m, 0) for m in people}


def test_the_services_keep_the_loads(env: Env) -> None:
    lead = add_mediator(env, "谢阿根")
    case_id, _ = assigned_case(env, lead)
    assert kept(env) == {lead: 1} == counted(env)
    workflow.transition(env.desk, env.admin, case_id, states.ESCALATED, escalate_to="town", reason="涉及多村")
    assert kept(env) == {} == counted(env)
    assert [m.open_cases for m in mediators.list_mediators(env.desk)] == [0]


def test_an_upgraded_desk_counts_the_cases_it_already_holds(tmp_path) -> None:
    db = tmp_path / "desk.sqlite3"
    migrate.upgrade(db, tmp_path / "backups", target="0010")
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA foreign_keys=OFF")  # rows of the tables the counts read, nothing else
    conn.executemany(
        "INSERT INTO mediator (id, committee_id, name, skills, available, active, created_at, updated_hlc)"
        " VALUES (?, 'c', ?, '[]', 1, 1, '2026-01-01 00:00:00', '0')",
        [("m1", "谢阿根"), ("m2", "金晓燕"), ("m3", "戴才良")],
    )
    cases = {"k1": "in_mediation", "k2": "closed", "k3": "assigned", "k4": "follow_up"}
    conn.executemany(
        "INSERT INTO mediation_case (id, committee_id, number, year, seat, seq, source, found_in_screening,"
        " dispute_type, brief_facts, persons_involved, risk_flags, prevented, private_mediation, accepted_on,"
        " status, status_changed_at, routes_told, search_text, created_by, created_at, updated_at, updated_hlc)"
        " VALUES (?, 'c', ?, 2026, 1, ?, 'application', 0, 'neighbour', 'x', 2, '[]', '[]', 1, '2026-05-01', ?,"
        " '2026-05-01 00:00:00', '[]', 'x', 'admin', '2026-05-01 00:00:00', '2026-05-01 00:00:00', '0')",
        [(k, f"n{i}", i, status) for i, (k, status) in enumerate(cases.items(), start=1)],
    )
    conn.executemany(
        "INSERT INTO case_assignment (id, case_id, mediator_id, role, chosen_by, assigned_at, assigned_by, ended_at)"
        " VALUES (?, ?, ?, 'lead', 'committee', '2026-05-01 00:00:00', 'admin', ?)",
        [
            ("a1", "k1", "m1", None),
            ("a2", "k1", "m1", None),  # the same mediator twice on one case: one case
            ("a3", "k2", "m1", None),  # closed
            ("a4", "k3", "m2", "2026-05-02 00:00:00"),  # ended
            ("a5", "k4", "m2", None),
            ("a6", "k3", "m1", None),
        ],
    )
    conn.commit()
    conn.close()
    migrate.upgrade(db, tmp_path / "backups")
    conn = sqlite3.connect(db)
    try:
        assert dict(conn.execute("SELECT mediator_id, open_cases FROM mediator_load")) == {"m1": 2, "m2": 1, "m3": 0}
        conn.execute("UPDATE mediation_case SET status = 'closed' WHERE id = 'k1'")
        assert dict(conn.execute("SELECT mediator_id, open_cases FROM mediator_load")) == {"m1": 1, "m2": 1, "m3": 0}
    finally:
        conn.close()


def test_the_triggers_know_todays_open_states(tmp_path) -> None:
    db = tmp_path / "desk.sqlite3"
    migrate.upgrade(db, tmp_path / "backups")
    conn = sqlite3.connect(db)
    try:
        triggers = dict(
            conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'tr_mediator_load%'")
        )
    finally:
        conn.close()
    assert len(triggers) == 6
    for sql in triggers.values():
        named = {s for s in states.STATES if f"'{s}'" in sql}
        assert named == states.OPEN_STATES, "the open states changed: write the triggers again in a new revision"


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"name": "谢阿根", "max_open_cases": 0}, "max_open_cases"),
        ({"name": "谢阿根", "max_open_cases": "十"}, "max_open_cases"),
        ({"name": ""}, "name"),
    ],
)
def test_bad_roster_input_saves_nothing(env: Env, data: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as refused:
        mediators.add_mediator(env.desk, env.admin, data)
    assert refused.value.problems[0].field == field
    assert mediators.list_mediators(env.desk, include_inactive=True) == []
    assert kept(env) == {}
