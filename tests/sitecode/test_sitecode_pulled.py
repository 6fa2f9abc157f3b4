"""What a pull brings to the site codes, applied as the sync applies a page (the ground hands the
site entities to their handler): the district's tasks, and the places, inspections and hazards
another desk of the committee recorded — kept once however often the page comes, the later clock
winning, this desk's own change still to push standing — and the scheme handed down. Changes that
cannot be read are left out, never guessed at."""

from __future__ import annotations

import datetime as dt

import pytest
from inspection_setup import CODE, add_place, bj, change, clock, inspect, pull, task_data
from sqlalchemy import func, select

from mediation_desk.core import sync_contract as contract
from mediation_desk.core.models import AuditRecord, OutboxOp
from mediation_desk.core.registry import REGISTRY
from mediation_desk.core.uow import Actor, acting_at
from mediation_desk.errors import PermissionDenied, ValidationError
from mediation_desk.sitecode import (
    hazards,
    inspections,
    placard_code,
    places,
    pulled,
    rules,
    scheme,
    scheme_store,
    tasks,
)
from mediation_desk.sitecode.models import Hazard, Inspection, Place, SchemeVersion, Task
from mediation_desk.sitecode.scheme_store import current_scheme
from mediation_desk.storage.base import new_id
from mediation_desk.sync.push import SYNC_ACTOR

APRIL = bj(2026, 4, 8)


def settle(desk) -> None:
    """As after a successful push: nothing of this desk's still to send."""
    with desk.write(SYNC_ACTOR) as uow:
        for op in uow.session.scalars(select(OutboxOp).where(OutboxOp.state == "pending")):
            op.state = "applied"


def row_count(desk, model) -> int:
    with desk.read() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def other_desks_place(place_id: str, /, seq: int = 1, at: str | None = None, **kw) -> contract.Change:
    data = {
        "name": "塘东理发店",
        "category": "shop",
        "address": "塘东路 8 号",
        "grid": "三网格",
        "place_code": placard_code.place_code(place_id),
        "has_credit_code": False,
        "created_at": "2026-03-02T09:00:00+08:00",
        "active": True,
        **kw,
    }
    return change(rules.PLACE, place_id, data, seq=seq, at=at)


def other_desks_inspection(inspection_id: str, place_id: str, /, seq: int = 2, **kw) -> contract.Change:
    data = {
        "place_id": place_id,
        "month": "2026-04",
        "completed_at": "2026-04-09T08:30:00+00:00",
        "scheme_version": 1,
        "items": 5,
        "hazard_items": ["wiring"],
        "na_items": ["living"],
        "evidence_sha256": None,
        **kw,
    }
    return change(rules.INSPECTION, inspection_id, data, seq=seq)


def other_desks_hazard(hazard_id: str, place_id: str, inspection_id: str, /, seq: int = 3, **kw) -> contract.Change:
    data = {
        "place_id": place_id,
        "inspection_id": inspection_id,
        "item_code": "wiring",
        "item_text": "电气线路无私拉乱接、无老化破损",
        "found_at": "2026-04-09T08:30:00+00:00",
        "deadline": "2026-04-16",
        "status": "open",
        "evidence_sha256": None,
        **kw,
    }
    return change(rules.HAZARD, hazard_id, data, seq=seq)


def test_the_district_tasks_are_kept_and_follow_the_later_clock(site_env) -> None:
    desk = site_env.desk
    shop = add_place(desk, site_env.clerk)
    task_id = rules.task_id(shop.id, rules.COVERT, "2026-04")
    opened = change(rules.TASK, task_id, task_data(shop.id), seq=5)
    assert pull(desk, opened).own_updated == 1
    assert pull(desk, opened).own_updated == 0  # the same page again
    [view] = tasks.list_tasks(desk, site_env.mediator)
    assert (view.place_name, view.kind_label, view.status_label) == ("谢塘五金店", "暗访检查", "待办")
    assert view.reasons == ("2026年4月未按时自查（截止 4月30日）",) and view.parties == ("属地镇街",)
    assert view.opened_on == dt.date(2026, 5, 1)
    done = task_data(shop.id, status=rules.TASK_DONE, closed_on="2026-05-09", outcome="已督促整改")
    pull(desk, change(rules.TASK, task_id, done, seq=9))
    assert tasks.list_tasks(desk, site_env.mediator) == []
    [view] = tasks.list_tasks(desk, site_env.mediator, open_only=False, place_id=shop.id)
    assert (view.status, view.closed_on, view.outcome) == (rules.TASK_DONE, dt.date(2026, 5, 9), "已督促整改")
    pull(desk, change(rules.TASK, task_id, task_data(shop.id), seq=5))  # the earlier state replayed
    assert tasks.list_tasks(desk, site_env.mediator, open_only=False)[0].status == rules.TASK_DONE
    with desk.read() as s:
        assert [
            r.detail["status"] for r in s.scalars(select(AuditRecord).where(AuditRecord.action == "sitecode.task"))
        ] == [
            "open",
            "done",
        ]
    assert tasks.list_tasks(desk, site_env.mediator, place_id="no-such-place") == []


@pytest.mark.parametrize(
    "data",
    [
        {"kind": "raid"},
        {"month": "四月"},
        {"month": None},
        {"place_id": None},
    ],
)
def test_a_task_that_cannot_be_read_is_left_out(site_env, data) -> None:
    shop = add_place(site_env.desk, site_env.clerk)
    pull(site_env.desk, change(rules.TASK, new_id(), task_data(shop.id) | data))
    assert row_count(site_env.desk, Task) == 0


def test_a_second_task_of_the_same_place_kind_and_month_is_left_out(site_env) -> None:
    shop = add_place(site_env.desk, site_env.clerk)
    pull(site_env.desk, change(rules.TASK, new_id(), task_data(shop.id), seq=1))
    pull(site_env.desk, change(rules.TASK, new_id(), task_data(shop.id), seq=2))
    assert row_count(site_env.desk, Task) == 1


def test_another_desks_place_inspection_and_hazard_are_kept_once(site_env) -> None:
    desk = site_env.desk
    place_id, inspection_id, hazard_id = new_id(), new_id(), new_id()
    page = [
        other_desks_place(place_id),
        other_desks_inspection(inspection_id, place_id),
        other_desks_hazard(hazard_id, place_id, inspection_id),
    ]
    assert pull(desk, *page).own_updated == 3
    assert pull(desk, *page).own_updated == 0
    with desk.read() as s:
        p = s.get(Place, place_id)
        assert (p.name, p.grid, p.person_id, p.source, p.credit_code) == (
            "塘东理发店",
            "三网格",
            None,
            "district",
            None,
        )
        i = s.get(Inspection, inspection_id)
        assert i.results == {"extinguishers": "ok", "exits": "ok", "wiring": "hazard", "goods": "ok", "living": "na"}
        assert i.recorded_by == pulled.FROM_DISTRICT and i.evidence_stored is None
    view = inspections.get_inspection(desk, site_env.admin, inspection_id)
    assert (view.month, view.late, view.place_name) == ("2026-04", False, "塘东理发店")
    assert [h.id for h in view.hazards] == [hazard_id]
    with acting_at(bj(2026, 4, 17)):  # the hazard's deadline (16 April) passed
        assert places.get_place(desk, site_env.admin, place_id).code.colour == rules.RED
        [h] = hazards.list_hazards(desk, site_env.admin, overdue_only=True)
    assert h.id == hazard_id
    # Rectified at the other desk: closed here too; an earlier state replayed never reopens it.
    rectified = other_desks_hazard(
        hazard_id,
        place_id,
        inspection_id,
        seq=4,
        status="rectified",
        rectified_at="2026-04-18T02:00:00+00:00",
        checked_by="俞美娟",
    )
    assert pull(desk, rectified).own_updated == 1
    assert pull(desk, other_desks_hazard(hazard_id, place_id, inspection_id, seq=6)).own_updated == 0
    with desk.read() as s:
        h = s.get(Hazard, hazard_id)
        assert (h.status, h.checked_by) == (rules.RECTIFIED, "俞美娟")
        assert h.rectified_at == dt.datetime(2026, 4, 18, 2, tzinfo=dt.UTC)
    with acting_at(bj(2026, 4, 19)):
        assert places.get_place(desk, site_env.admin, place_id).code.colour == rules.GREEN
    # One inspection a month holds for what arrived too.
    with pytest.raises(ValidationError, match="每个场所每月只录一次"):
        inspect(desk, site_env.mediator, place_id, bj(2026, 4, 20))


def test_a_place_follows_the_later_clock_unless_this_desk_has_a_change_to_push(site_env) -> None:
    desk = site_env.desk
    shop = add_place(desk, site_env.clerk)
    places.edit_place(desk, site_env.clerk, shop.id, grid="二网格")  # still to push
    renamed = other_desks_place(shop.id, seq=7, name="谢塘五金商店", grid="一网格")
    assert pull(desk, renamed).own_updated == 0
    assert places.get_place(desk, site_env.admin, shop.id).grid == "二网格"
    settle(desk)
    assert pull(desk, renamed).own_updated == 1
    view = places.get_place(desk, site_env.admin, shop.id)
    assert (view.name, view.grid, view.person_id) == ("谢塘五金商店", "一网格", shop.person_id)
    older = other_desks_place(shop.id, seq=8, name="旧名", at=clock(1, wall="0000000000000001"))
    assert pull(desk, older).own_updated == 0
    stopped = other_desks_place(shop.id, seq=9, name="谢塘五金商店", grid="一网格", active=False)
    assert pull(desk, stopped).own_updated == 1
    assert not places.get_place(desk, site_env.admin, shop.id).active


def test_this_desks_own_records_coming_back_change_nothing(site_env) -> None:
    desk = site_env.desk
    shop = add_place(desk, site_env.clerk)
    view = inspect(desk, site_env.mediator, shop.id, APRIL, found={"exits": None})
    settle(desk)
    with desk.read() as s:
        ops = {(o.entity, o.entity_id): o.payload for o in s.scalars(select(OutboxOp))}
    [hazard] = view.hazards
    back = [
        change(rules.PLACE, shop.id, ops[(rules.PLACE, shop.id)], seq=1),
        change(rules.INSPECTION, view.id, ops[(rules.INSPECTION, view.id)], seq=2),
        change(rules.HAZARD, hazard.id, ops[(rules.HAZARD, hazard.id)], seq=3),
    ]
    assert pull(desk, *back).own_updated == 0
    assert inspections.get_inspection(desk, site_env.admin, view.id) == view


@pytest.mark.parametrize(
    ("entity", "bad"),
    [
        (rules.PLACE, {"name": None}),
        (rules.PLACE, {"created_at": "2026-03-02T09:00:00"}),  # no offset: not guessed at
        (rules.INSPECTION, {"place_id": "no-such-place"}),
        (rules.INSPECTION, {"completed_at": "昨天"}),
        (rules.INSPECTION, {"month": "2026-13"}),
        (rules.INSPECTION, {"scheme_version": "1"}),
        (rules.HAZARD, {"inspection_id": "no-such-inspection"}),
        (rules.HAZARD, {"deadline": "下周"}),
        (rules.HAZARD, {"item_code": None}),
    ],
)
def test_what_cannot_be_read_is_left_out(site_env, entity, bad) -> None:
    desk = site_env.desk
    place_id, inspection_id, hazard_id = new_id(), new_id(), new_id()
    page = [
        other_desks_place(place_id, **(bad if entity == rules.PLACE else {})),
        other_desks_inspection(inspection_id, place_id, **(bad if entity == rules.INSPECTION else {})),
        other_desks_hazard(hazard_id, place_id, inspection_id, **(bad if entity == rules.HAZARD else {})),
    ]
    pull(desk, *page)
    held = (row_count(desk, Place), row_count(desk, Inspection), row_count(desk, Hazard))
    assert held == {rules.PLACE: (0, 0, 0), rules.INSPECTION: (1, 0, 0), rules.HAZARD: (1, 1, 0)}[entity]


def test_another_committees_changes_are_not_handed_over(site_env) -> None:
    place_id = new_id()
    elsewhere = other_desks_place(place_id)
    elsewhere = contract.Change(1, elsewhere.entity, place_id, "XT-999", elsewhere.hlc, elsewhere.data, "x")
    assert CODE != "XT-999"
    pull(site_env.desk, elsewhere)
    assert row_count(site_env.desk, Place) == 0


def version_2() -> scheme.Scheme:
    shop = scheme.Checklist("shop", "商铺", (scheme.ChecklistItem("extinguishers", "灭火器在有效期内"),))
    return scheme.Scheme(2, rules.Thresholds(default_deadline_days=3), (shop,))


def test_the_scheme_handed_down_becomes_the_current_one(site_env) -> None:
    desk = site_env.desk
    shop = add_place(desk, site_env.clerk)
    handler = REGISTRY.reference_handlers[rules.SCHEME_PART]
    with desk.write(SYNC_ACTOR) as uow:
        handler(uow, scheme.scheme_to_wire(scheme.DEFAULT_SCHEME))  # none set at the district yet
        handler(uow, scheme.scheme_to_wire(version_2()))
        handler(uow, scheme.scheme_to_wire(version_2()))  # the same part again
    with desk.read() as s:
        assert current_scheme(s) == version_2()
        assert [(r.version, r.source) for r in s.scalars(select(SchemeVersion).order_by(SchemeVersion.version))] == [
            (1, "builtin"),
            (2, "district"),
        ]
    assert scheme_store.scheme_view(desk, site_env.mediator) == version_2()  # what the window's lists offer
    with pytest.raises(PermissionDenied):
        scheme_store.scheme_view(desk, Actor(username="visitor", role="visitor"))
    with acting_at(APRIL):
        checklist = inspections.checklist_for(desk, site_env.mediator, shop.id)
    assert (checklist.scheme_version, [i.code for i in checklist.items]) == (2, ["extinguishers"])
    assert checklist.default_deadline == dt.date(2026, 4, 11)
    view = inspect(desk, site_env.mediator, shop.id, APRIL)
    assert view.scheme_version == 2 and view.results == (("extinguishers", "灭火器在有效期内", "ok"),)
    # Another category dropped by the new version cannot be inspected until the place is changed.
    hotel = add_place(desk, site_env.clerk, name="塘西旅馆", category="shop")
    with desk.write(SYNC_ACTOR) as uow:
        uow.session.get(Place, hotel.id).category = "hotel"
    with pytest.raises(ValidationError, match="没有场所"):
        inspections.checklist_for(desk, site_env.mediator, hotel.id)


@pytest.mark.parametrize(
    "bad",
    [None, "scheme", {"version": 3}, {"version": 3, "checklists": []}, {"version": 0, "checklists": [{}]}],
)
def test_a_scheme_that_does_not_pass_is_not_used_and_the_audit_says_so(site_env, bad) -> None:
    desk = site_env.desk
    with desk.write(SYNC_ACTOR) as uow:
        pulled.adopt_scheme(uow, bad)
    with desk.read() as s:
        assert current_scheme(s).version == 1
        [refused] = s.scalars(select(AuditRecord.detail).where(AuditRecord.action == "sitecode.scheme")).all()
    assert "refused" in refused


def test_tasks_are_for_those_who_may_see_the_places(site_env) -> None:
    with pytest.raises(PermissionDenied):
        tasks.list_tasks(site_env.desk, Actor(username="visitor", role="visitor"))
