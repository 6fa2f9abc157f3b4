"""The green coins in the desk's life: a purge of expired cases keeps the person of a registered
resident, evidence files are sealed from the start (protecting finds nothing in clear and opens
them all), and the demo desk gets households, residents, declarations at every status and gifts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from service_helpers import intake, party, today
from sqlalchemy import func, select

from mediation_desk.administration.demo import seed_demo
from mediation_desk.core.audit import verify_chain
from mediation_desk.core.models import OutboxOp
from mediation_desk.core.registry import REGISTRY
from mediation_desk.core.uow import SYSTEM
from mediation_desk.desk import Desk
from mediation_desk.errors import DeskError
from mediation_desk.lifecycle import protect, retention
from mediation_desk.mediation import intake as intake_svc
from mediation_desk.mediation import states, workflow
from mediation_desk.paths import AppPaths
from mediation_desk.people.models import Person
from mediation_desk.points import declarations, residents, rules
from mediation_desk.points.data_lifecycle import EVIDENCE_FILES, RESIDENTS
from mediation_desk.points.models import Declaration, Gift, Household, Resident
from mediation_desk.privacy.crypto import DecryptError


def person_of(desk: Desk, resident_id: str) -> str:
    with desk.read() as s:
        person_id = s.scalar(select(Resident.person_id).where(Resident.id == resident_id))
    assert person_id is not None
    return person_id


def test_the_rules_registered_with_the_lifecycle() -> None:
    assert REGISTRY.retention_rules[RESIDENTS.name] is RESIDENTS and RESIDENTS.periods == ()
    assert REGISTRY.sealed_files[EVIDENCE_FILES.name] is EVIDENCE_FILES


def test_a_purge_keeps_the_person_of_a_registered_resident(points_env) -> None:
    desk, admin = points_env.desk, points_env.admin
    wang = points_env.residents[0]
    wang_person = person_of(desk, wang.id)
    # 王建国 was a party to a dispute that was declined, long enough ago to be purged.
    case_id = intake_svc.open_case(
        desk, admin, intake(party("欧阳静霞", 811, male=False), {"person_id": wang_person, "role": "respondent"})
    )
    workflow.transition(desk, admin, case_id, states.DECLINED, reason="双方已自行和解")
    later = dt.date(today().year + 5, 1, 1)
    with desk.read() as s:
        assert RESIDENTS.expired(s, {}, later) == []  # the scheme's own records never expire
        assert RESIDENTS.keeps(s, wang_person)
        other = s.scalar(select(Person.id).where(Person.name == "欧阳静霞"))
        assert not RESIDENTS.keeps(s, other)
    report = retention.purge_expired(desk, admin, today=later)
    assert len(report.records) == 1
    assert (report.persons_anonymised, report.persons_kept) == (1, 1)
    with desk.read() as s:
        assert s.get(Person, wang_person).purged_at is None and s.get(Person, other).purged_at is not None
    assert residents.get_resident(desk, admin, wang.id).name == "王建国"


def test_evidence_is_sealed_from_the_start(points_env, make_evidence) -> None:
    desk = points_env.desk
    view = declarations.declare(
        desk,
        points_env.clerk,
        resident_id=points_env.residents[1].id,
        item_code="volunteer_service",
        activity_date=points_env.today,
        evidence=make_evidence("志愿服务.png"),
    )
    folder = desk.paths.attachments
    with desk.read() as s:
        assert EVIDENCE_FILES.plain_files(s, folder) == []
        assert EVIDENCE_FILES.sealed_names(s, [view.id, "not-a-declaration"]) == {view.id: f"{view.id}.sealed"}
        assert EVIDENCE_FILES.sealed_names(s, []) == {}
        assert EVIDENCE_FILES.check_open(s, desk.vault, folder) == 1
        assert EVIDENCE_FILES.switch_to_sealed(s, view.id, f"{view.id}.sealed")
        assert not EVIDENCE_FILES.switch_to_sealed(s, "not-a-declaration", "x.sealed")
    assert not protect.needs_protection(desk)
    # A file sealed for another record (or altered) does not open: the check says so.
    stored = folder / f"{view.id}.sealed"
    stored.write_bytes(stored.read_bytes()[:-2])
    with desk.read() as s, pytest.raises(DecryptError):
        EVIDENCE_FILES.check_open(s, desk.vault, folder)


@pytest.fixture(scope="module")
def demo_desk(tmp_path_factory: pytest.TempPathFactory):
    desk = Desk.open(AppPaths.resolve(tmp_path_factory.mktemp("points-demo") / "desk"))
    summary = seed_demo(desk, cases=3, seed=11)
    yield desk, summary
    desk.close()


def test_the_demo_fills_every_stage(demo_desk) -> None:
    desk, summary = demo_desk
    assert (summary["points_households"], summary["points_residents"]) == (3, 8)
    assert (summary["points_declarations"], summary["points_gifts"]) == (12, 3)
    with desk.read() as s:
        assert s.scalar(select(func.count()).select_from(Household)) == 3
        by_status = dict(s.execute(select(Declaration.status, func.count()).group_by(Declaration.status)).all())
        assert set(by_status) == set(rules.STATUSES)
        assert s.scalar(select(func.count()).where(Declaration.coins < 0)) == 1  # a proposed deduction
        assert s.scalar(select(func.count()).where(Declaration.evidence_sha256.is_not(None))) == 1
        assert s.scalar(select(func.count()).select_from(Gift)) == 3
        assert s.scalar(select(func.count()).where(OutboxOp.entity == rules.RESIDENT)) == 8
        assert verify_chain(s).ok
    admin = SYSTEM
    listed = residents.list_residents(desk, admin)
    assert len(listed) == 8 and all(r.phone_masked for r in listed)
    assert sum(r.balance for r in listed) > 0  # the town's credits arrived as a pull brings them
    [with_photo] = [d for d in declarations.list_declarations(desk, admin) if d.evidence_sha256]
    assert declarations.read_evidence(desk, admin, with_photo.id).startswith(b"\x89PNG")


def test_a_second_demo_is_refused(demo_desk) -> None:
    desk, _ = demo_desk
    with pytest.raises(DeskError):
        seed_demo(desk, cases=1)
    assert len(residents.list_residents(desk, SYSTEM)) == 8


def test_the_demo_is_deterministic(tmp_path: Path) -> None:
    def facts(root: Path) -> list[tuple[str, str, str, str]]:
        desk = Desk.open(AppPaths.resolve(root / "desk"))
        try:
            seed_demo(desk, cases=1, seed=5)
            return sorted(
                (d.resident_name, d.item_code, d.status, d.activity_date.isoformat())
                for d in declarations.list_declarations(desk, SYSTEM)
            )
        finally:
            desk.close()

    assert facts(tmp_path / "one") == facts(tmp_path / "two")
