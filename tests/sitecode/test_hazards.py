"""隐患整改 on a real desk: a hazard is yellow within its deadline, red from 00:00 Beijing the day
after it, and green again once rectified with a note and the checker's name (a photo optional);
it is rectified once; the list says which are overdue at the moment it is shown. Bad input keeps
nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from inspection_setup import actions, add_place, bj, inspect, ops, photo, sealed_files
from sqlalchemy import select

from mediation_desk.core.uow import Actor, acting_at
from mediation_desk.errors import NotFound, PermissionDenied, ValidationError
from mediation_desk.sitecode import hazards, inspections, places, rules
from mediation_desk.sitecode.inspections import HazardInput
from mediation_desk.sitecode.models import Hazard

FOUND = bj(2026, 4, 8)  # deadline by default: 15 April (the last day to rectify)


@pytest.fixture
def found(site_env):
    """谢塘五金店 inspected on 8 April 2026 with two hazards: exits (deadline 15 April) and wiring
    (deadline 30 April)."""
    shop = add_place(site_env.desk, site_env.clerk)
    view = inspect(
        site_env.desk,
        site_env.mediator,
        shop.id,
        FOUND,
        found={"exits": None, "wiring": HazardInput(deadline=dt.date(2026, 4, 30))},
    )
    return {h.item_code: h for h in view.hazards}


def colour(env, place_id: str, at: dt.datetime) -> str:
    with acting_at(at):
        return places.get_place(env.desk, env.admin, place_id).code.colour


def overdue_items(env, at: dt.datetime) -> list[str]:
    with acting_at(at):
        return [h.item_code for h in hazards.list_hazards(env.desk, env.admin, overdue_only=True)]


def test_the_deadline_passes_at_midnight_beijing_and_rectification_turns_it_green(site_env, found, tmp_path) -> None:
    desk, exits, wiring = site_env.desk, found["exits"], found["wiring"]
    assert exits.deadline == dt.date(2026, 4, 15)
    last_second = bj(2026, 4, 15, 23, 59, 59)
    assert colour(site_env, exits.place_id, last_second) == rules.YELLOW
    assert overdue_items(site_env, last_second) == []
    midnight = bj(2026, 4, 16, 0)
    assert colour(site_env, exits.place_id, midnight) == rules.RED
    assert overdue_items(site_env, midnight) == ["exits"]
    with acting_at(midnight):
        [shown] = places.list_places(desk, site_env.admin)
    assert shown.overdue_hazards == 1 and any("2026-04-15 已过" in r for r in shown.code.reasons)
    # 16:00 UTC on the 15th is already midnight in Beijing.
    assert colour(site_env, exits.place_id, dt.datetime(2026, 4, 15, 16, tzinfo=dt.UTC)) == rules.RED

    rectified_at = bj(2026, 4, 17, 9)
    with acting_at(rectified_at):
        view = hazards.rectify(
            desk, site_env.mediator, exits.id, note="清理堆放杂物", checked_by="网格员 俞美娟", photo=photo(tmp_path)
        )
    assert (view.status, view.status_label, view.overdue) == (rules.RECTIFIED, "已整改", False)
    assert (view.rectified_at, view.rectification_note, view.checked_by) == (
        rectified_at,
        "清理堆放杂物",
        "网格员 俞美娟",
    )
    assert view.rectification_name == "现场照片.png"
    assert colour(site_env, exits.place_id, rectified_at + dt.timedelta(seconds=1)) == rules.YELLOW  # wiring open
    [update] = [o for o in ops(desk, rules.HAZARD) if o.kind == "update"]
    assert update.entity_id == exits.id
    assert set(update.payload["fields"]) == {"status", "rectified_at", "checked_by", "rectification_sha256"}
    assert (
        update.payload["fields"]["status"] == "rectified"
        and len(update.payload["fields"]["rectification_sha256"]) == 64
    )
    assert actions(desk)[-1] == "sitecode.rectify"
    assert inspections.read_photo(desk, site_env.admin, exits.id, "rectification").startswith(b"\x89PNG")
    assert f"{exits.id}.rectification.sealed" in sealed_files(desk)

    with acting_at(bj(2026, 4, 20)):
        hazards.rectify(desk, site_env.clerk, wiring.id, note="更换插线板", checked_by="俞美娟")
        assert colour(site_env, exits.place_id, bj(2026, 4, 20, 11)) == rules.GREEN
        assert hazards.list_hazards(desk, site_env.admin) == []
    listed = hazards.list_hazards(desk, site_env.admin, open_only=False)
    assert [h.item_code for h in listed] == ["exits", "wiring"] and all(h.status == rules.RECTIFIED for h in listed)


def test_a_hazard_is_rectified_once(site_env, found) -> None:
    exits = found["exits"]
    with acting_at(bj(2026, 4, 9)):
        hazards.rectify(site_env.desk, site_env.mediator, exits.id, note="已清理", checked_by="俞美娟")
    with acting_at(bj(2026, 4, 10)), pytest.raises(ValidationError) as bad:
        hazards.rectify(site_env.desk, site_env.mediator, exits.id, note="再次清理", checked_by="谢阿根")
    assert bad.value.problems[0].rule == "already_rectified" and "4月9日" in bad.value.problems[0].message
    with site_env.desk.read() as s:
        assert s.get(Hazard, exits.id).rectification_note == "已清理"
    assert len([o for o in ops(site_env.desk, rules.HAZARD) if o.kind == "update"]) == 1


@pytest.mark.parametrize(
    ("note", "checked_by", "field", "rule"),
    [
        ("已清理", None, "checked_by", "required"),
        ("已清理", "  ", "checked_by", "required"),
        ("已清理", "x" * 65, "checked_by", "too_long"),
        (None, "俞美娟", "note", "required"),
        ("", "俞美娟", "note", "required"),
        ("x" * 201, "俞美娟", "note", "too_long"),
        ("已清理\x07", "俞美娟", "note", "control_character"),
    ],
)
def test_a_rectification_needs_its_note_and_checker(site_env, found, note, checked_by, field, rule) -> None:
    exits = found["exits"]
    with acting_at(bj(2026, 4, 9)), pytest.raises(ValidationError) as bad:
        hazards.rectify(site_env.desk, site_env.mediator, exits.id, note=note, checked_by=checked_by)
    assert (bad.value.problems[0].field, bad.value.problems[0].rule) == (field, rule)
    with site_env.desk.read() as s:
        assert s.get(Hazard, exits.id).status == rules.OPEN


def test_a_bad_photo_unknown_hazard_or_early_moment_is_refused(site_env, found, tmp_path) -> None:
    desk, exits = site_env.desk, found["exits"]
    kept = sealed_files(desk)
    with acting_at(bj(2026, 4, 9)):
        with pytest.raises(ValidationError) as bad:
            hazards.rectify(
                desk,
                site_env.mediator,
                exits.id,
                note="已清理",
                checked_by="俞美娟",
                photo=photo(tmp_path, "假.jpg", b"GIF89a"),
            )
        assert (bad.value.problems[0].field, bad.value.problems[0].rule) == ("photo", "file_content_mismatch")
        with pytest.raises(ValidationError) as bad:
            hazards.rectify(
                desk, site_env.mediator, exits.id, note="已清理", checked_by="俞美娟", photo=tmp_path / "无.png"
            )
        assert bad.value.problems[0].rule == "file_missing"
        for unknown in ("no-such-hazard", "../../etc/passwd", "00000000-0000-4000-8000-000000000000"):
            with pytest.raises(NotFound):
                hazards.rectify(
                    desk, site_env.mediator, unknown, note="已清理", checked_by="俞美娟", photo=photo(tmp_path)
                )
    with acting_at(FOUND - dt.timedelta(hours=1)), pytest.raises(ValidationError) as bad:
        hazards.rectify(desk, site_env.mediator, exits.id, note="已清理", checked_by="俞美娟", photo=photo(tmp_path))
    assert bad.value.problems[0].rule == "before_found"
    assert sealed_files(desk) == kept
    with desk.read() as s:
        assert s.get(Hazard, exits.id).status == rules.OPEN


def test_the_list_filters_by_place_grid_and_state(site_env, found) -> None:
    desk = site_env.desk
    other = add_place(desk, site_env.clerk, name="塘西饭店", category="restaurant", grid="二网格")
    inspect(
        desk, site_env.mediator, other.id, bj(2026, 4, 12), found={"gas": HazardInput(deadline=dt.date(2026, 4, 13))}
    )
    with acting_at(bj(2026, 4, 14)):
        listed = hazards.list_hazards(desk, site_env.admin)
        assert [(h.item_code, h.overdue, h.grid) for h in listed] == [
            ("gas", True, "二网格"),
            ("exits", False, "一网格"),
            ("wiring", False, "一网格"),
        ]
        assert [h.item_code for h in hazards.list_hazards(desk, site_env.admin, grid="二网格")] == ["gas"]
        assert [h.item_code for h in hazards.list_hazards(desk, site_env.admin, place_id=other.id)] == ["gas"]
        assert [h.item_code for h in hazards.list_hazards(desk, site_env.admin, overdue_only=True)] == ["gas"]
        assert hazards.list_hazards(desk, site_env.admin, grid="三网格") == []
        assert len(hazards.list_hazards(desk, site_env.admin, limit=1)) == 1
    assert listed[0].place_name == "塘西饭店"
    with pytest.raises(PermissionDenied):
        hazards.list_hazards(desk, Actor(username="visitor", role="visitor"))
    with desk.read() as s:
        assert len(s.scalars(select(Hazard)).all()) == 3
