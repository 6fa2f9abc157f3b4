"""The site codes in the demo desk: places of every category in three grids, half a year of
self-inspections built through the services, hazards put right and left open, one past its
deadline, one place red three months in a row with the district's tasks, one month made up late;
deterministic for a seed, and only ever filled into an empty desk."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from mediation_desk.administration.demo import seed_demo
from mediation_desk.core.audit import verify_chain
from mediation_desk.core.models import OutboxOp
from mediation_desk.core.registry import REGISTRY
from mediation_desk.core.uow import SYSTEM
from mediation_desk.desk import Desk
from mediation_desk.errors import DeskError
from mediation_desk.paths import AppPaths
from mediation_desk.sitecode import hazards, inspections, places, rules, tasks
from mediation_desk.sitecode.demo import PLACES, SitesDemo
from mediation_desk.sitecode.models import Hazard, Inspection, Place
from mediation_desk.sitecode.scheme import DEFAULT_SCHEME


@pytest.fixture(scope="module")
def demo_desk(tmp_path_factory: pytest.TempPathFactory):
    desk = Desk.open(AppPaths.resolve(tmp_path_factory.mktemp("sitecode-demo") / "desk"))
    summary = seed_demo(desk, cases=3, seed=11)
    yield desk, summary
    desk.close()


def test_the_demo_is_registered() -> None:
    assert isinstance(REGISTRY.demo_fillers["sitecode"], SitesDemo)


def test_the_demo_has_places_of_every_category_in_three_grids(demo_desk) -> None:
    desk, summary = demo_desk
    assert (summary["sitecode_places"], summary["sitecode_grids"]) == (24, 3)
    listed = places.list_places(desk, SYSTEM)
    assert len(listed) == 24 and len({p.grid for p in listed}) == 3
    assert places.grids(desk, SYSTEM) == sorted({p.grid for p in listed})
    assert {p.category for p in listed} == set(DEFAULT_SCHEME.categories)
    assert sum(p.individual for p in listed) == sum(1 for row in PLACES if not row[6]) >= 3
    assert all(p.responsible_name and p.responsible_phone_masked for p in listed)
    # Residents of the green coins' demo answer for some places: no second person for them.
    assert any(p.person_id for p in listed if p.responsible_name == "谢金根")


def test_the_demo_tells_every_story_of_a_code(demo_desk) -> None:
    desk, _ = demo_desk
    by_name = {p.name: p for p in places.list_places(desk, SYSTEM)}
    colours = {p.code.colour for p in by_name.values()}
    assert colours == {rules.GREEN, rules.YELLOW, rules.RED}
    overdue = by_name["志强电动车行"]
    assert overdue.code.colour == rules.RED and overdue.overdue_hazards == 1
    assert any("已过，尚未整改" in r for r in overdue.code.reasons)
    pending = by_name["塘西新村 5 幢出租房"]
    assert pending.code.colour == rules.YELLOW and (pending.open_hazards, pending.overdue_hazards) == (1, 0)
    streak = by_name["上虞谢家塘纺织有限公司"]
    history = places.place_history(desk, SYSTEM, streak.id, months=6)
    assert [line.colour for line in history[:3]] == [rules.RED] * 3 and history[3].colour == rules.GREEN
    assert rules.red_streak([(line.month, line.colour) for line in reversed(history)]) == 3
    late = by_name["塘西客栈"]
    made_up = [i for i in inspections.list_inspections(desk, SYSTEM, place_id=late.id) if i.late]
    assert len(made_up) == 1
    assert [line.colour for line in places.place_history(desk, SYSTEM, late.id, months=2)] == [rules.GREEN, rules.RED]
    new = by_name["小芳早餐店"]
    assert new.code.colour == rules.GREEN and any("新登记场所" in r for r in new.code.reasons)
    assert inspections.list_inspections(desk, SYSTEM, place_id=new.id) == []


def test_the_demo_puts_hazards_right_and_the_district_opened_tasks(demo_desk) -> None:
    desk, summary = demo_desk
    with desk.read() as s:
        assert s.scalar(select(func.count()).select_from(Inspection)) == summary["sitecode_inspections"] >= 24 * 5
        by_status = dict(s.execute(select(Hazard.status, func.count()).group_by(Hazard.status)).all())
        assert by_status[rules.OPEN] == 2 and by_status[rules.RECTIFIED] == summary["sitecode_rectified"] >= 3
        assert sum(by_status.values()) == summary["sitecode_hazards"]
        assert s.scalar(select(func.count()).where(Hazard.rectified_at < Hazard.found_at)) == 0
        ops = dict(s.execute(select(OutboxOp.entity, func.count()).group_by(OutboxOp.entity)).all())
        assert ops[rules.PLACE] == 24 and ops[rules.INSPECTION] == summary["sitecode_inspections"]
        assert ops.get(rules.TASK) is None  # tasks are the district's: never pushed from a desk
        assert verify_chain(s).ok
    open_tasks = tasks.list_tasks(desk, SYSTEM)
    assert summary["sitecode_tasks"] == len(open_tasks) == 3
    assert sorted(t.kind for t in open_tasks) == sorted([rules.COVERT, rules.COVERT, rules.JOINT])
    [joint] = [t for t in open_tasks if t.kind == rules.JOINT]
    assert joint.place_name == "上虞谢家塘纺织有限公司" and joint.parties == rules.JOINT_PARTIES
    assert [h.place_name for h in hazards.list_hazards(desk, SYSTEM, overdue_only=True)] == ["志强电动车行"]


def test_the_demo_photos_are_sealed_and_open(demo_desk) -> None:
    desk, _ = demo_desk
    with desk.read() as s:
        inspection_id = s.scalar(select(Inspection.id).where(Inspection.evidence_stored.is_not(None)))
        hazard_id = s.scalar(select(Hazard.id).where(Hazard.rectification_stored.is_not(None)))
    assert inspection_id and hazard_id
    assert inspections.read_photo(desk, SYSTEM, inspection_id, "inspection").startswith(b"\x89PNG")
    assert inspections.read_photo(desk, SYSTEM, hazard_id, "rectification").startswith(b"\x89PNG")
    assert not any(p.suffix == ".png" for p in desk.paths.attachments.iterdir())


def test_a_second_demo_is_refused(demo_desk) -> None:
    desk, _ = demo_desk
    assert SitesDemo().has_data(desk) == 24
    with pytest.raises(DeskError):
        seed_demo(desk, cases=1)
    with desk.read() as s:
        assert s.scalar(select(func.count()).select_from(Place)) == 24


def test_the_demo_is_deterministic(tmp_path: Path) -> None:
    def facts(root: Path) -> list[tuple[str, str, str]]:
        desk = Desk.open(AppPaths.resolve(root / "desk"))
        try:
            seed_demo(desk, cases=1, seed=5)
            with desk.read() as s:
                held = s.execute(
                    select(Place.name, Inspection.month, Hazard.item_code)
                    .join(Inspection, Inspection.place_id == Place.id)
                    .outerjoin(Hazard, Hazard.inspection_id == Inspection.id)
                ).all()
            return sorted((name, month, item or "") for name, month, item in held)
        finally:
            desk.close()

    assert facts(tmp_path / "one") == facts(tmp_path / "two")
