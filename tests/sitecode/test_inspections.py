"""月度自查 on a real desk: every checklist item answered, hazards with their deadlines and photos,
the month rules (current period by default, 补做 of an earlier one, never a future one, once per
place and month), what syncs and what the audit says, the code once the inspection counts, the
cut-off at 24:00 Beijing of the month's last day — and every bad input refused with nothing kept."""

from __future__ import annotations

import datetime as dt

import pytest
from inspection_setup import actions, add_place, answers, bj, counts, inspect, ops, photo, sealed_files
from sqlalchemy import select

from mediation_desk.core.registry import REGISTRY
from mediation_desk.core.uow import acting_at
from mediation_desk.errors import DeskError, NotFound, ValidationError
from mediation_desk.points import residents
from mediation_desk.points import rules as points_rules
from mediation_desk.points.models import Declaration, Resident
from mediation_desk.sitecode import entities, inspections, places, rules
from mediation_desk.sitecode.inspections import HazardInput
from mediation_desk.sitecode.models import Hazard

APRIL = bj(2026, 4, 8)
EXITS, DEADLINE = {"exits": rules.FOUND}, "hazards.exits.deadline"  # an item found with a hazard, its deadline


@pytest.fixture
def shop(site_env):
    """谢塘五金店 (商铺, 一网格), registered on 10 March 2026: owes inspections from April."""
    return add_place(site_env.desk, site_env.clerk)


def code_at(env, place_id: str, at: dt.datetime) -> str:
    with acting_at(at):
        return places.get_place(env.desk, env.admin, place_id).code.colour


def test_the_checklist_is_the_categorys_with_the_deadlines_a_hazard_may_get(site_env, shop) -> None:
    with acting_at(APRIL):
        view = inspections.checklist_for(site_env.desk, site_env.mediator, shop.id)
    assert (view.category, view.category_label, view.scheme_version) == ("shop", "商铺", 1)
    assert [i.code for i in view.items] == ["extinguishers", "exits", "wiring", "goods", "living"]
    assert view.default_deadline == dt.date(2026, 4, 15) and view.max_deadline == dt.date(2026, 7, 7)
    with pytest.raises(NotFound):
        inspections.checklist_for(site_env.desk, site_env.mediator, "no-such-place")


def test_a_clean_inspection_is_kept_synced_audited_and_turns_the_code_green(site_env, shop) -> None:
    desk = site_env.desk
    assert code_at(site_env, shop.id, bj(2026, 5, 1, 0)) == rules.RED  # April owed, not done
    view = inspect(desk, site_env.mediator, shop.id, APRIL, note="负责人陪同检查")
    assert (view.month, view.late, view.scheme_version, view.note) == ("2026-04", False, 1, "负责人陪同检查")
    assert view.completed_at == APRIL and view.recorded_by == site_env.mediator.username
    assert [r[2] for r in view.results] == [rules.OK] * 5 and view.results[0][1] == "灭火器配置齐全、在有效期内"
    assert view.hazards == () and view.place_name == "谢塘五金店"
    assert view.code_after.colour == rules.GREEN and "2026年4月自查已于 4月8日 完成" in view.code_after.reasons
    [op] = ops(desk, rules.INSPECTION)
    assert op.kind == "create" and op.entity_id == view.id
    assert op.payload == {
        "place_id": shop.id,
        "month": "2026-04",
        "completed_at": APRIL.astimezone(dt.UTC).isoformat(),
        "scheme_version": 1,
        "items": 5,
        "hazard_items": [],
        "na_items": [],
        "evidence_sha256": None,
    }
    assert set(op.payload) == next(e.fields for e in entities.SYNCED_ENTITIES if e.name == rules.INSPECTION)
    assert ops(desk, rules.HAZARD) == []
    assert actions(desk)[-1] == "sitecode.inspect"
    assert code_at(site_env, shop.id, bj(2026, 5, 1, 0)) == rules.GREEN
    assert inspections.get_inspection(desk, site_env.admin, view.id) == view


def test_hazards_get_deadlines_photos_and_sync_and_the_code_turns_yellow(site_env, shop, tmp_path) -> None:
    desk = site_env.desk
    found = {
        "wiring": HazardInput(description="后仓插线板串接", photo=photo(tmp_path, "插线板.png")),
        "exits": HazardInput(deadline=dt.date(2026, 4, 10)),
        "goods": None,  # default deadline: found + 7 days
    }
    view = inspect(
        desk,
        site_env.mediator,
        shop.id,
        APRIL,
        found=found,
        evidence=photo(tmp_path, "全景.png", b"\x89PNG\r\n\x1a\n whole shop"),
    )
    by_item = {h.item_code: h for h in view.hazards}
    assert set(by_item) == {"wiring", "exits", "goods"}
    assert by_item["exits"].deadline == dt.date(2026, 4, 10) and by_item["goods"].deadline == dt.date(2026, 4, 15)
    assert by_item["wiring"].description == "后仓插线板串接" and by_item["wiring"].evidence_name == "插线板.png"
    assert all(h.status == rules.OPEN and not h.overdue and h.found_at == APRIL for h in view.hazards)
    assert view.evidence_name == "全景.png" and view.code_after.colour == rules.YELLOW
    assert sum("待整改" in r for r in view.code_after.reasons) == 3
    [op] = ops(desk, rules.INSPECTION)
    assert op.payload["hazard_items"] == ["exits", "wiring", "goods"] and len(op.payload["evidence_sha256"]) == 64
    hazard_ops = {o.entity_id: o.payload for o in ops(desk, rules.HAZARD)}
    assert hazard_ops[by_item["exits"].id] == {
        "place_id": shop.id,
        "inspection_id": view.id,
        "item_code": "exits",
        "item_text": "安全出口、疏散通道畅通，无堵塞锁闭",
        "found_at": APRIL.astimezone(dt.UTC).isoformat(),
        "deadline": "2026-04-10",
        "status": "open",
        "evidence_sha256": None,
    }
    assert len(hazard_ops[by_item["wiring"].id]["evidence_sha256"]) == 64
    # The photos are sealed (their bytes are not in the folder) and open for their own record only.
    assert sealed_files(desk) == sorted([f"{view.id}.sealed", f"{by_item['wiring'].id}.sealed"])
    assert b"whole shop" not in (desk.paths.attachments / f"{view.id}.sealed").read_bytes()
    assert inspections.read_photo(desk, site_env.admin, view.id).endswith(b" whole shop")
    assert inspections.read_photo(desk, site_env.admin, by_item["wiring"].id, "hazard").startswith(b"\x89PNG")
    assert actions(desk)[-2:] == ["sitecode.evidence_open", "sitecode.evidence_open"]
    with pytest.raises(NotFound):
        inspections.read_photo(desk, site_env.admin, by_item["exits"].id, "hazard")  # none was given
    with pytest.raises(NotFound):
        inspections.read_photo(desk, site_env.admin, by_item["wiring"].id, "rectification")
    with pytest.raises(ValidationError) as bad:
        inspections.read_photo(desk, site_env.admin, view.id, "selfie")
    assert bad.value.problems[0].rule == "photo_kind"
    (desk.paths.attachments / f"{view.id}.sealed").write_bytes(b"tampered")
    with pytest.raises(DeskError, match="SHA-256"):
        inspections.read_photo(desk, site_env.admin, view.id)


def test_not_applicable_items_and_result_words_are_taken(site_env, shop) -> None:
    with acting_at(APRIL):
        results = answers(site_env.desk, site_env.mediator, shop.id, living="不适用", goods="合格", wiring=" ok ")
        view = inspections.record_inspection(site_env.desk, site_env.mediator, shop.id, results=results)
    assert {code: result for code, _text, result in view.results}["living"] == rules.NOT_APPLICABLE
    assert ops(site_env.desk, rules.INSPECTION)[0].payload["na_items"] == ["living"]


def test_a_late_month_may_be_made_up_once_and_says_so(site_env, shop) -> None:
    desk = site_env.desk
    late = inspect(desk, site_env.mediator, shop.id, bj(2026, 5, 6), month="2026-04")
    assert (late.month, late.late) == ("2026-04", True)
    assert any("补做" in r for r in late.code_after.reasons) and late.code_after.colour == rules.GREEN
    current = inspect(desk, site_env.mediator, shop.id, bj(2026, 5, 7))
    assert (current.month, current.late) == ("2026-05", False)
    listed = inspections.list_inspections(desk, site_env.admin, place_id=shop.id)
    assert [v.month for v in listed] == ["2026-05", "2026-04"]
    assert [v.id for v in inspections.list_inspections(desk, site_env.admin, month="2026-04")] == [late.id]
    assert inspections.list_inspections(desk, site_env.admin, place_id="no-such-place") == []
    with pytest.raises(ValidationError) as bad:
        inspections.list_inspections(desk, site_env.admin, month="2026/04")
    assert bad.value.problems[0].rule == "month_format"
    with pytest.raises(NotFound):
        inspections.get_inspection(desk, site_env.admin, "no-such-inspection")


def test_an_inspection_at_2359_on_the_months_last_day_is_on_time(site_env, shop) -> None:
    desk = site_env.desk
    last_minute = bj(2026, 4, 30, 23, 59, 59)
    view = inspect(desk, site_env.mediator, shop.id, last_minute)
    assert (view.month, view.late) == ("2026-04", False)
    assert code_at(site_env, shop.id, bj(2026, 5, 1, 0)) == rules.GREEN
    assert [line.colour for line in places.place_history(desk, site_env.admin, shop.id)][-1:] == [rules.GREEN]


def test_one_at_midnight_is_for_the_next_month_and_april_is_missed(site_env, shop) -> None:
    desk = site_env.desk
    midnight = bj(2026, 5, 1, 0)
    view = inspect(desk, site_env.mediator, shop.id, midnight)
    assert view.month == "2026-05" and not view.late
    # The current month done ends the red of the missed one from that moment on.
    assert view.code_after.colour == rules.GREEN
    late = inspect(desk, site_env.mediator, shop.id, midnight + dt.timedelta(minutes=1), month="2026-04")
    assert late.late


def place_inactive(env, place_id: str) -> None:
    places.edit_place(env.desk, env.clerk, place_id, active=False)


@pytest.mark.parametrize(
    ("results", "hazards", "month", "field", "rule"),
    [
        ({"stairs": rules.OK}, None, None, "results.stairs", "item_unknown"),
        ({"living": None}, None, None, "results.living", "item_missing"),
        ({"living": ""}, None, None, "results.living", "item_missing"),
        ({"living": "good"}, None, None, "results.living", "result_invalid"),
        ({"living": 1}, None, None, "results.living", "result_invalid"),
        ({}, {"living": HazardInput()}, None, "hazards.living", "not_a_hazard"),
        ({}, {"stairs": HazardInput()}, None, "hazards.stairs", "not_a_hazard"),
        ({}, {"exits": "明天"}, None, "hazards.exits", "hazard_type"),
        (EXITS, {"exits": HazardInput(deadline=dt.date(2026, 4, 7))}, None, DEADLINE, "deadline_before_found"),
        (EXITS, {"exits": HazardInput(deadline=dt.date(2026, 7, 8))}, None, DEADLINE, "deadline_too_far"),
        (EXITS, {"exits": HazardInput(deadline="下周")}, None, DEADLINE, "date_format"),
        (EXITS, {"exits": HazardInput(description="x" * 201)}, None, "hazards.exits.description", "too_long"),
        ({}, None, "2026-05", "month", "month_future"),
        ({}, None, "2026-13", "month", "month_format"),
        ({}, None, "四月", "month", "month_format"),
        ({}, None, "2026-02", "month", "month_before_place"),
    ],
)  # fmt: skip
def test_bad_input_is_refused_and_nothing_is_kept(site_env, shop, results, hazards, month, field, rule) -> None:
    desk = site_env.desk
    before = counts(desk)
    with acting_at(APRIL):
        given = {**answers(desk, site_env.mediator, shop.id), **results}
        given = {k: v for k, v in given.items() if not (k in results and v is None)}
        with pytest.raises(ValidationError) as bad:
            inspections.record_inspection(desk, site_env.mediator, shop.id, results=given, hazards=hazards, month=month)
    assert (bad.value.problems[0].field, bad.value.problems[0].rule) == (field, rule)
    assert bad.value.problems[0].message  # in words
    assert counts(desk) == before and sealed_files(desk) == []


def test_every_missing_item_is_named_at_once(site_env, shop) -> None:
    with acting_at(APRIL), pytest.raises(ValidationError) as bad:
        inspections.record_inspection(site_env.desk, site_env.mediator, shop.id, results={"exits": "ok"})
    assert [p.field for p in bad.value.problems] == [
        "results.extinguishers",
        "results.wiring",
        "results.goods",
        "results.living",
    ]
    assert "灭火器配置齐全" in bad.value.problems[0].message


def test_the_month_registered_in_may_be_inspected_but_not_twice(site_env, shop) -> None:
    desk = site_env.desk
    inspect(desk, site_env.mediator, shop.id, APRIL, month="2026-03")
    before = counts(desk)
    with pytest.raises(ValidationError) as bad:
        inspect(desk, site_env.clerk, shop.id, APRIL + dt.timedelta(hours=1), month="2026-03")
    assert bad.value.problems[0].rule == "month_done" and "4月8日" in bad.value.problems[0].message
    inspect(desk, site_env.mediator, shop.id, APRIL)
    with pytest.raises(ValidationError) as bad:
        inspect(desk, site_env.mediator, shop.id, APRIL + dt.timedelta(days=1))  # April again, by default
    assert bad.value.problems[0].rule == "month_done"
    assert counts(desk)[0] == before[0] + 1


@pytest.mark.parametrize(
    ("name", "content", "rule"),
    [
        ("改名.png", b"MZ\x90\x00 not an image", "file_content_mismatch"),
        ("空的.png", b"", "file_empty"),
        ("程序.exe", b"MZ\x90\x00", "file_type"),
    ],
)
def test_a_bad_photo_is_refused_with_nothing_kept(site_env, shop, tmp_path, name, content, rule) -> None:
    desk = site_env.desk
    bad_file = photo(tmp_path, name, content)
    before = counts(desk)
    with pytest.raises(ValidationError) as bad:
        inspect(desk, site_env.mediator, shop.id, APRIL, evidence=bad_file)
    assert (bad.value.problems[0].field, bad.value.problems[0].rule) == ("evidence", rule)
    with pytest.raises(ValidationError) as bad:
        inspect(desk, site_env.mediator, shop.id, APRIL, found={"exits": HazardInput(photo=bad_file)})
    assert (bad.value.problems[0].field, bad.value.problems[0].rule) == ("hazards.exits.photo", rule)
    with pytest.raises(ValidationError) as bad:
        inspect(desk, site_env.mediator, shop.id, APRIL, evidence=tmp_path / "没有这个文件.png")
    assert bad.value.problems[0].rule == "file_missing"
    assert counts(desk) == before and sealed_files(desk) == []


def test_a_refusal_after_the_photos_were_sealed_leaves_no_file(site_env, shop, tmp_path) -> None:
    desk = site_env.desk
    before = counts(desk)
    with pytest.raises(ValidationError):
        inspect(
            desk,
            site_env.mediator,
            shop.id,
            APRIL,
            found={"exits": HazardInput(deadline=dt.date(2026, 1, 1), photo=photo(tmp_path))},
            evidence=photo(tmp_path, "全景.png"),
        )
    assert counts(desk) == before
    assert sealed_files(desk) == []


def test_unknown_and_inactive_places_are_refused(site_env, shop) -> None:
    with pytest.raises(NotFound):
        inspect(site_env.desk, site_env.mediator, "no-such-place", APRIL)
    place_inactive(site_env, shop.id)
    with pytest.raises(ValidationError) as bad:
        inspect(site_env.desk, site_env.mediator, shop.id, APRIL)
    assert bad.value.problems[0].rule == "place_inactive"


def test_the_completed_inspection_is_announced_through_the_registry(site_env, shop) -> None:
    heard: list[dict] = []
    listener = heard.append
    REGISTRY.add_listener(rules.SELF_INSPECTION_DONE_EVENT, lambda _uow, data: listener(dict(data)))
    try:
        view = inspect(site_env.desk, site_env.mediator, shop.id, bj(2026, 5, 2), month="2026-04")
    finally:
        REGISTRY.listeners[rules.SELF_INSPECTION_DONE_EVENT].pop()
    assert heard == [
        {
            "inspection_id": view.id,
            "place_id": shop.id,
            "person_id": shop.person_id,
            "month": "2026-04",
            "completed_on": dt.date(2026, 5, 2),
        }
    ]


def test_a_green_coin_residents_place_earns_the_automatic_declaration(site_env) -> None:
    """Both capabilities registered: the place's responsible person is the resident's person."""
    desk = site_env.desk
    assert points_rules.SELF_INSPECTION_DONE_EVENT == rules.SELF_INSPECTION_DONE_EVENT
    chen = residents.add_resident(desk, site_env.clerk, name="陈小芳", village_group="三组", household_id=None)
    with desk.read() as s:
        person_id = s.get(Resident, chen.id).person_id
    place = add_place(desk, site_env.clerk, name="小芳出租房", category="rental", person_id=person_id)
    view = inspect(desk, site_env.mediator, place.id, APRIL)
    with desk.read() as s:
        [d] = s.scalars(select(Declaration)).all()
    assert (d.resident_id, d.source, d.source_ref) == (chen.id, points_rules.FROM_SELF_INSPECTION, view.id)
    assert d.activity_date == dt.date(2026, 4, 8) and d.status == points_rules.DECLARED
    # A place whose responsible person is no resident earns nothing, and is recorded all the same.
    other = add_place(desk, site_env.clerk, name="谢塘小吃", category="restaurant", responsible_name="赵六")
    inspect(desk, site_env.mediator, other.id, APRIL)
    with desk.read() as s:
        assert len(s.scalars(select(Declaration)).all()) == 1
        assert len(s.scalars(select(Hazard)).all()) == 0
