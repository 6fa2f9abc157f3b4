"""The demo desk: a realistic 谢塘镇 mediation room built through the services."""

from __future__ import annotations

import collections
import datetime as dt
import itertools
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from mediation_desk.administration import accounts
from mediation_desk.administration.demo import DEMO_PASSWORD, seed_demo
from mediation_desk.core.audit import verify_chain
from mediation_desk.core.models import OutboxOp
from mediation_desk.core.uow import SYSTEM, china_today
from mediation_desk.desk import Desk
from mediation_desk.errors import DeskError
from mediation_desk.mediation import assignment, mediators, queries, states, stats
from mediation_desk.mediation.demo_data import MINORITY_NAME, RARE_NAME
from mediation_desk.mediation.models_case import (
    Agreement,
    CaseAssignment,
    CaseParty,
    CaseTransition,
    FollowUp,
    MediationCase,
    SessionRecord,
)
from mediation_desk.paths import AppPaths
from mediation_desk.people.identity import secrets_of
from mediation_desk.people.models import Person
from mediation_desk.privacy import crypto
from mediation_desk.validation import parse_resident_id, validate_uscc


def open_desk(root: Path) -> Desk:
    return Desk.open(AppPaths.resolve(root / "desk"))


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory):
    desk = open_desk(tmp_path_factory.mktemp("demo"))
    summary = seed_demo(desk, cases=60)
    yield desk, summary
    desk.close()


def all_cases(desk: Desk) -> list[Any]:
    return queries.list_cases(desk, SYSTEM, limit=1000)


def test_summary_and_counts(seeded) -> None:
    desk, summary = seeded
    assert summary["cases"] == 60 and sum(summary["by_status"].values()) == 60
    assert len(all_cases(desk)) == 60
    assert summary["mediators"] >= 8 and len(mediators.list_mediators(desk)) >= 8
    assert summary["committee"]["case_word"] == "谢人调字" and summary["committee"]["town"] == "谢塘镇"
    assert summary["demo_password"] == DEMO_PASSWORD
    # The demo set the desk up, so it made the data key: its recovery key is handed back once.
    assert crypto.parse_recovery_key(summary["recovery_key"]) is not None
    assert {o["username"] for o in summary["operators"]} == {"zhuren", "jiluyuan", "wangyongnian"}


def test_every_state_and_enough_variety(seeded) -> None:
    desk, summary = seeded
    assert set(summary["by_status"]) == set(states.STATES)
    cases = all_cases(desk)
    assert len({c.dispute_type for c in cases}) >= 10
    assert {c.source for c in cases} == {"application", "initiative", "referral"}
    with desk.read() as s:
        referrers = set(s.scalars(select(MediationCase.referrer_kind).where(MediationCase.source == "referral")))
        forms = set(s.scalars(select(Agreement.form)))
    assert {"court", "police", "petition"} <= referrers
    assert forms == {"written", "oral"}


def test_dates_spread_over_the_past_months(seeded) -> None:
    desk, _ = seeded
    dates = [c.accepted_on for c in all_cases(desk)]
    today = china_today()
    assert max(dates) <= today and min(dates) >= today - dt.timedelta(days=250)
    assert (max(dates) - min(dates)).days >= 150


def beijing(at: dt.datetime) -> dt.datetime:
    return (at if at.tzinfo else at.replace(tzinfo=dt.UTC)).astimezone(dt.timezone(dt.timedelta(hours=8)))


def test_each_case_s_steps_follow_one_another_and_none_lies_in_the_future(seeded) -> None:
    """Accepted, assigned, sessions, agreement, signatures, visits, closing: in that order, on the
    days they were typed in — not all at the moment the demo ran."""
    desk, _ = seeded
    now = beijing(dt.datetime.now(dt.UTC))
    with desk.read() as s:
        cases = list(s.scalars(select(MediationCase)))
        moves: dict[str, list[dt.datetime]] = collections.defaultdict(list)
        for move in s.scalars(select(CaseTransition).order_by(CaseTransition.hlc)):
            moves[move.case_id].append(beijing(move.at))
        assigned = {a.case_id: beijing(a.assigned_at) for a in s.scalars(select(CaseAssignment))}
        held = collections.defaultdict(list)
        for r in s.scalars(select(SessionRecord)):
            held[r.case_id].append(beijing(r.held_at))
        agreements = {a.case_id: a for a in s.scalars(select(Agreement))}
        visits = {f.case_id: beijing(f.done_at) for f in s.scalars(select(FollowUp)) if f.done_at}
    for case in cases:
        steps = moves[case.id]
        assert steps == sorted(steps) and steps[-1] <= now, case.number
        accepted = steps[0]
        assert accepted.date() == case.accepted_on
        if case.id in assigned:
            assert accepted <= assigned[case.id] <= now
        sessions = sorted(held[case.id])
        if sessions:
            assert min(assigned.get(case.id, accepted), accepted) <= sessions[0] and sessions[-1] <= now
        if case.id in agreements:
            a = agreements[case.id]
            assert sessions and sessions[-1].date() == a.reached_on
            assert a.effective_on is None or a.reached_on <= a.effective_on <= now.date()
            if case.id in visits:
                assert (a.effective_on or a.reached_on) < visits[case.id].date() <= now.date()
        if case.closed_on:
            assert case.closed_on <= now.date()
            assert case.id not in visits or visits[case.id].date() <= case.closed_on
    # Not every step of the demo on one day: the history spans the months.
    assert len({step.date() for steps in moves.values() for step in steps}) > 60


def test_monthly_statistics_look_like_a_working_desk(seeded) -> None:
    """No month with 3 acceptances and 40 agreements: agreements follow acceptances by days, so
    they spread over the months as acceptances do."""
    desk, _ = seeded
    today = china_today()
    months = [
        f"{(today.year * 12 + today.month - 1 - k) // 12}-{(today.month - 1 - k) % 12 + 1:02d}" for k in range(10)
    ]
    reports = [stats.monthly_report(desk, m) for m in reversed(months)]
    with desk.read() as s:
        agreed = s.scalar(select(func.count(Agreement.id)))
    assert sum(r.mediated_successfully for r in reports) == agreed
    assert sum(r.accepted for r in reports) == 60
    assert max(r.mediated_successfully for r in reports) <= agreed // 3
    assert sum(1 for r in reports if r.mediated_successfully) >= 5
    assert sum(1 for r in reports if r.closed) >= 4
    for before, month in itertools.pairwise(reports):
        assert month.mediated_successfully <= before.accepted + month.accepted, month.month


def test_each_state_carries_its_history(seeded) -> None:
    desk, _ = seeded
    by_status = collections.defaultdict(list)
    for c in all_cases(desk):
        by_status[c.status].append(c)

    def detail(status: str) -> Any:
        return queries.case_detail(desk, accounts.actor_for(desk, "zhuren"), by_status[status][0].id)

    assert detail(states.IN_MEDIATION).sessions >= 1
    closed = detail(states.CLOSED)
    assert closed.agreement.performance_status == "fully_performed" and closed.closed_on is not None
    assert any(t.kind == "follow_up" for t in closed.timeline)
    terminated = detail(states.TERMINATED)
    assert terminated.routes_told and terminated.status_reason
    assert detail(states.ESCALATED).escalated_to in ("town", "county")
    assert detail(states.DECLINED).status_reason
    assert all(c.mediator_names for c in by_status[states.ASSIGNED])


def test_parties_are_valid_and_the_rare_names_round_trip(seeded) -> None:
    desk, _ = seeded
    with desk.read() as s:
        people = list(s.scalars(select(Person)))
    names = [p.name for p in people]
    assert RARE_NAME in names and MINORITY_NAME in names
    assert len(RARE_NAME) == 2 and ord(RARE_NAME[1]) > 0xFFFF
    # Stored encrypted like any desk's data (nothing in the plaintext columns), and read back whole.
    assert all(p.legacy_id_number is p.legacy_phone is p.legacy_address is None for p in people)
    assert all(p.phone_enc is not None for p in people)
    secrets = [secrets_of(p, desk.vault) for p in people]
    for p, sec in zip(people, secrets, strict=False):
        if sec.id_number:
            assert parse_resident_id(sec.id_number).number == sec.id_number
            assert p.id_number_idx == desk.vault.index(sec.id_number)
        if p.uscc:
            assert validate_uscc(p.uscc) == p.uscc
    assert any(sec.id_number and sec.id_number.startswith("330604") for sec in secrets)
    assert any(sec.phone and sec.phone.startswith("0575-") for sec in secrets)
    assert any(p.kind == "legal" and p.uscc for p in people)
    found = queries.list_cases(desk, SYSTEM, query=RARE_NAME)
    assert found and all(RARE_NAME in c.party_names for c in found)


def test_roster_shows_recusal_capacity_and_unavailability(seeded) -> None:
    desk, _ = seeded
    roster = mediators.list_mediators(desk)
    names = {m.name for m in roster}
    assert {"戴才良", "王永年", "陈国林", "李绍根"} <= names
    assert any(not m.available for m in roster) and any(m.max_open_cases for m in roster)
    related = [(m.id, person_id) for m in roster for person_id, _ in m.relations]
    assert len(related) >= 2
    mediator_id, person_id = related[0]
    with desk.read() as s:
        case_id = s.scalars(select(CaseParty.case_id).where(CaseParty.person_id == person_id)).first()
    ranking = assignment.rank_for_case(desk, case_id)
    assert any(e.mediator_id == mediator_id and e.rule == "related_to_party" for e in ranking.excluded)


def test_audit_chain_and_outbox_are_written(seeded) -> None:
    desk, _ = seeded
    with desk.read() as s:
        report = verify_chain(s)
        outbox = s.scalar(select(func.count(OutboxOp.op_id)))
    assert report.ok and report.records > 300
    assert outbox > 100


def test_demo_operators_can_log_in(seeded) -> None:
    desk, _ = seeded
    actor = accounts.authenticate(desk, "wangyongnian", DEMO_PASSWORD)
    assert actor.role == "mediator"
    [wang] = [m for m in mediators.list_mediators(desk) if m.name == "王永年"]
    assert actor.mediator_id == wang.id


def test_a_second_seed_is_refused(seeded) -> None:
    desk, _ = seeded
    with pytest.raises(DeskError):
        seed_demo(desk, cases=5)
    assert len(all_cases(desk)) == 60


def test_small_seed_is_deterministic_and_covers_every_state(tmp_path: Path) -> None:
    def facts(root: Path) -> list[tuple[str, ...]]:
        desk = open_desk(root)
        try:
            summary = seed_demo(desk, cases=12, seed=7)
            assert set(summary["by_status"]) == set(states.STATES)
            return sorted((c.number, c.status, c.dispute_type, *c.party_names) for c in all_cases(desk))
        finally:
            desk.close()

    assert facts(tmp_path / "one") == facts(tmp_path / "two")


def test_seeds_a_desk_already_set_up(tmp_path: Path) -> None:
    desk = open_desk(tmp_path)
    try:
        accounts.setup_committee(desk, {"name": "晋生村人民调解委员会", "code": "JS-01", "town": "谢塘镇"})
        summary = seed_demo(desk, cases=3)
        assert summary["committee"]["name"] == "晋生村人民调解委员会"
        assert "recovery_key" not in summary  # shown by the set-up that made it, not again
        assert sum(summary["by_status"].values()) == 3
    finally:
        desk.close()
