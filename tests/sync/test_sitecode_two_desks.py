"""Self-inspections between two desks of one committee through the real district server: a place
registered, inspected and found with a hazard at one desk reaches the other with its inspection
and hazard (the responsible person stays where it was typed); the hazard rectified at the second
desk is closed at the first; both desks then show the same code; syncing again changes nothing."""

from __future__ import annotations

import pytest
from service_helpers import Env
from sqlalchemy import func, select
from sync_helpers import enroll, sync_until_quiet

from mediation_desk.errors import ValidationError
from mediation_desk.sitecode import hazards, inspections, places, rules
from mediation_desk.sitecode.inspections import HazardInput
from mediation_desk.sitecode.models import Hazard, Inspection, Place

pytestmark = pytest.mark.usefixtures("district")


def answered(env: Env, place_id: str, **found: str) -> dict[str, str]:
    items = inspections.checklist_for(env.desk, env.admin, place_id).items
    return {i.code: found.get(i.code, rules.OK) for i in items}


def held(env: Env) -> list[int]:
    """Places, inspections and hazards the desk holds."""
    with env.desk.read() as s:
        return [s.scalar(select(func.count()).select_from(m)) or 0 for m in (Place, Inspection, Hazard)]


def colour(env: Env, place_id: str) -> str:
    return places.get_place(env.desk, env.admin, place_id).code.colour


def test_an_inspection_and_its_rectification_reach_the_other_desk(district, desk_a: Env, desk_b: Env) -> None:
    enroll(district, desk_a)
    enroll(district, desk_b)
    made = places.add_place(
        desk_a.desk,
        desk_a.admin,
        name="谢家塘五金店",
        category="shop",
        address="谢家塘村 18 号",
        grid="一网格",
        responsible_name="谢阿三",
        responsible_phone="13905750011",
    )
    view = inspections.record_inspection(
        desk_a.desk,
        desk_a.admin,
        made.id,
        results=answered(desk_a, made.id, exits=rules.FOUND),
        hazards={"exits": HazardInput(description="后门堆放纸箱")},
    )
    [hazard] = view.hazards
    sync_until_quiet(desk_a)
    sync_until_quiet(desk_b)
    assert held(desk_b) == [1, 1, 1]
    seen = places.get_place(desk_b.desk, desk_b.admin, made.id)
    assert (seen.name, seen.grid, seen.responsible_name) == ("谢家塘五金店", "一网格", None)
    pulled_view = inspections.get_inspection(desk_b.desk, desk_b.admin, view.id)
    assert pulled_view.month == view.month and pulled_view.completed_at == view.completed_at
    assert [r[2] for r in pulled_view.results] == [r[2] for r in view.results]
    assert colour(desk_b, made.id) == colour(desk_a, made.id) == rules.YELLOW
    # The month is done, whichever desk is asked.
    with pytest.raises(ValidationError) as bad:
        inspections.record_inspection(desk_b.desk, desk_b.admin, made.id, results=answered(desk_b, made.id))
    assert bad.value.problems[0].rule == "month_done"

    hazards.rectify(desk_b.desk, desk_b.admin, hazard.id, note="纸箱已清走", checked_by="网格员 俞美娟")
    sync_until_quiet(desk_b)
    sync_until_quiet(desk_a)
    with desk_a.desk.read() as s:
        row = s.get(Hazard, hazard.id)
        assert (row.status, row.checked_by, row.description) == (rules.RECTIFIED, "网格员 俞美娟", "后门堆放纸箱")
    assert colour(desk_a, made.id) == colour(desk_b, made.id) == rules.GREEN
    assert hazards.list_hazards(desk_a.desk, desk_a.admin) == []
    # Nothing left to go either way: the same state on both desks stays put.
    assert sync_until_quiet(desk_a).pulled == 0 and sync_until_quiet(desk_b).pulled == 0
    assert held(desk_a) == held(desk_b) == [1, 1, 1]
