"""Places: registered with a responsible person in the ground's register (phone sealed), told apart
by credit code or by name and address, synced without the person, listed with their code, open
hazards and tasks; edits sync only what changed; bad input is refused with the field named and
nothing kept."""

from __future__ import annotations

import datetime as dt

import pytest
from service_helpers import audit_actions, count, outbox_ops
from site_setup import bad_check_char, credit_code
from sqlalchemy import select

from mediation_desk.core.models import AuditRecord, OutboxOp
from mediation_desk.core.uow import SYSTEM, acting_at
from mediation_desk.errors import NotFound, PermissionDenied, ValidationError
from mediation_desk.people.identity import secrets_of
from mediation_desk.people.models import Person
from mediation_desk.points import residents
from mediation_desk.points.models import Resident
from mediation_desk.sitecode import inspections, placard_code, places, rules
from mediation_desk.sitecode.entities import SYNCED_ENTITIES
from mediation_desk.sitecode.models import Place, Task
from mediation_desk.storage.base import utcnow

PLACE_FIELDS = next(e.fields for e in SYNCED_ENTITIES if e.name == rules.PLACE)
RESTAURANT_ITEMS = ("extinguishers", "exits", "wiring", "gas", "hood", "food")


def refused(exc: pytest.ExceptionInfo[ValidationError]) -> set[tuple[str, str]]:
    return {(p.field, p.rule) for p in exc.value.problems}


def kept(desk) -> tuple[int, int, int]:
    return count(desk, Place), count(desk, Person), count(desk, OutboxOp)


def add(site_env, **kw):
    data = {"name": "谢记小吃店", "category": "餐饮店", "address": "谢家塘村塘东路 8 号", "grid": "第一网格"} | kw
    return places.add_place(site_env.desk, site_env.clerk, **data)


def test_a_place_keeps_its_responsible_person_sealed_and_syncs_without_them(site_env) -> None:
    desk = site_env.desk
    view = add(
        site_env, credit_code=credit_code(7).lower(), responsible_name="谢阿三", responsible_phone="139 0575 0011"
    )
    assert (view.name, view.category, view.category_label, view.grid) == (
        "谢记小吃店",
        "restaurant",
        "餐饮店",
        "第一网格",
    )
    assert view.credit_code == credit_code(7) and not view.individual
    assert (view.responsible_name, view.responsible_phone_masked) == ("谢阿三", "139****0011")
    assert view.active and view.place_code == placard_code.place_code(view.id)
    # Registered today: it owes self-inspections from next month, so it is green and says why.
    assert view.code.colour == rules.GREEN and any("新登记场所" in r for r in view.code.reasons)
    assert (view.open_hazards, view.overdue_hazards, view.open_tasks) == (0, 0, 0)
    with desk.read() as s:
        person = s.get(Person, view.person_id)
        assert person.name == "谢阿三" and person.legacy_phone is None
        assert b"13905750011" not in person.phone_enc
        assert secrets_of(person, desk.vault).phone == "13905750011"
        place = s.get(Place, view.id)
        assert place.source == "manual" and place.created_at == view.created_at
    [op] = outbox_ops(desk, rules.PLACE)
    assert (op.kind, op.entity_id) == ("create", view.id)
    assert set(op.payload) - {"updated_hlc"} == PLACE_FIELDS
    assert op.payload["has_credit_code"] is True and op.payload["place_code"] == view.place_code
    assert dt.datetime.fromisoformat(op.payload["created_at"]) == view.created_at
    assert "谢阿三" not in str(op.payload) and "13905750011" not in str(op.payload)
    assert audit_actions(desk, view.id) == ["sitecode.place_add"]
    with desk.read() as s:
        detail = s.scalar(select(AuditRecord.detail).where(AuditRecord.entity_id == view.id))
    assert detail["individual"] is False and "谢阿三" not in str(detail)


def test_a_place_without_a_credit_code_is_flagged_and_categories_are_read_by_code_or_label(site_env) -> None:
    shop = add(site_env, name="阿毛杂货", category="shop", address="村口")
    assert shop.individual and shop.credit_code is None and shop.person_id is None
    assert shop.responsible_name is None and shop.responsible_phone_masked is None
    assert outbox_ops(site_env.desk, rules.PLACE)[-1].payload["has_credit_code"] is False
    hotel = add(site_env, name="塘东旅馆", category=" 旅馆 ", address="塘东路 1 号", credit_code="  ")
    assert (hotel.category, hotel.individual) == ("hotel", True)


def test_a_place_may_name_a_person_already_registered(site_env) -> None:
    desk = site_env.desk
    resident = residents.add_resident(
        desk, site_env.clerk, name="王建国", village_group="一组", household_id=None, phone="13905750001"
    )
    with desk.read() as s:
        person_id = s.scalar(select(Resident.person_id).where(Resident.id == resident.id))
    before = count(desk, Person)
    view = add(site_env, person_id=person_id)
    assert view.person_id == person_id and view.responsible_name == "王建国"
    assert view.responsible_phone_masked == "139****0001"
    assert count(desk, Person) == before  # no second person for the same man


def test_bad_places_are_refused_and_nothing_is_kept(site_env) -> None:
    before = kept(site_env.desk)
    cases = [
        ({"name": "  "}, ("name", "required")),
        ({"name": "店" * 101}, ("name", "too_long")),
        ({"category": "网吧"}, ("category", "category_unknown")),
        ({"address": ""}, ("address", "required")),
        ({"grid": " "}, ("grid", "required")),
        ({"grid": "格" * 51}, ("grid", "too_long")),
        ({"credit_code": "91330604ABC"}, ("credit_code", "uscc_length")),
        ({"credit_code": bad_check_char(credit_code(3))}, ("credit_code", "uscc_check_digit")),
        ({"responsible_name": "谢阿三", "responsible_phone": "12345"}, ("responsible_phone", "phone_format")),
        ({"responsible_phone": "13905750011"}, ("responsible_name", "required")),
        ({"person_id": "no-such-person"}, ("person_id", "person_unknown")),
        ({"person_id": "x", "responsible_name": "谢阿三"}, ("person_id", "person_and_name")),
    ]
    for kw, expected in cases:
        with pytest.raises(ValidationError) as e:
            add(site_env, **kw)
        assert refused(e) == {expected}, kw
    with pytest.raises(ValidationError) as e:
        add(site_env, category="网吧")
    assert "餐饮店" in e.value.problems[0].message  # the message says what is allowed
    assert kept(site_env.desk) == before


def test_the_same_place_is_not_registered_twice(site_env) -> None:
    add(site_env, name="ABC 超市", address="塘东路 8 号", category="商铺", credit_code=credit_code(1))
    before = kept(site_env.desk)
    with pytest.raises(ValidationError) as e:
        add(site_env, name="另一家", address="别处", credit_code=credit_code(1))
    assert refused(e) == {("credit_code", "place_exists")} and "ABC 超市" in e.value.problems[0].message
    # Name and address again, written with other case and spaces (a full-width one too).
    with pytest.raises(ValidationError) as e:
        add(site_env, name="abc超市", address="塘东路\u30008号", category="商铺")
    assert refused(e) == {("name", "place_exists")}
    assert kept(site_env.desk) == before
    add(site_env, name="abc超市", address="塘西路 8 号", category="商铺")  # another address: another place


def test_edits_change_what_is_given_and_sync_only_what_the_district_keeps(site_env) -> None:
    desk, clerk = site_env.desk, site_env.clerk
    view = add(site_env, credit_code=credit_code(2), responsible_name="谢阿三", responsible_phone="13905750011")
    edited = places.edit_place(
        desk, clerk, view.id, grid="第二网格", credit_code="", responsible_phone="0575-82123456", name="谢记小吃店"
    )
    assert (edited.grid, edited.individual, edited.credit_code) == ("第二网格", True, None)
    assert edited.responsible_phone_masked == "0575-******56"
    op = outbox_ops(desk, rules.PLACE)[-1]
    assert op.kind == "update" and op.payload["fields"] == {"grid": "第二网格", "has_credit_code": False}
    assert audit_actions(desk, view.id)[-1] == "sitecode.place_edit"
    ops = len(outbox_ops(desk))
    places.edit_place(desk, clerk, view.id, responsible_name="谢阿四")  # the person only: nothing synced
    assert len(outbox_ops(desk)) == ops
    assert places.get_place(desk, clerk, view.id).responsible_name == "谢阿四"
    gone = places.edit_place(desk, clerk, view.id, active=False)
    assert not gone.active and outbox_ops(desk, rules.PLACE)[-1].payload["fields"] == {"active": False}
    assert places.list_places(desk, clerk) == []
    assert [p.id for p in places.list_places(desk, clerk, include_inactive=True)] == [view.id]
    before = len(outbox_ops(desk))
    places.edit_place(desk, clerk, view.id, grid="第二网格")  # unchanged: no op, no audit
    assert len(outbox_ops(desk)) == before


def test_bad_edits_are_refused_and_change_nothing(site_env) -> None:
    desk, clerk = site_env.desk, site_env.clerk
    first = add(site_env, credit_code=credit_code(4))
    second = add(site_env, name="塘东旅馆", category="旅馆", address="塘东路 1 号")
    before = kept(desk)
    cases = [
        ({"credit_code": credit_code(4)}, ("credit_code", "place_exists")),
        ({"name": "谢记小吃店", "address": "谢家塘村塘东路8号"}, ("name", "place_exists")),
        ({"category": "网吧"}, ("category", "category_unknown")),
        ({"grid": ""}, ("grid", "required")),
        ({"credit_code": "123"}, ("credit_code", "uscc_length")),
        ({"responsible_phone": "13905750011"}, ("responsible_name", "required")),
        ({"responsible_name": "谢阿三", "responsible_phone": "999"}, ("responsible_phone", "phone_format")),
    ]
    for kw, expected in cases:
        with pytest.raises(ValidationError) as e:
            places.edit_place(desk, clerk, second.id, **kw)
        assert refused(e) == {expected}, kw
    assert kept(desk) == before
    assert places.get_place(desk, clerk, second.id).grid == "第一网格"
    assert places.get_place(desk, clerk, first.id).credit_code == credit_code(4)
    with pytest.raises(NotFound):
        places.edit_place(desk, clerk, "no-such-place", grid="第二网格")


def test_lists_filter_by_words_grid_category_and_colour(site_env) -> None:
    desk, clerk = site_env.desk, site_env.clerk
    # Registered long ago and never inspected: red for the month it missed.
    with acting_at(utcnow() - dt.timedelta(days=75)):
        old = add(
            site_env, name="老仓库", category="仓库", address="塘西路 3 号", grid="第二网格", responsible_name="俞美娟"
        )
    shop = add(site_env, name="阿毛杂货", category="商铺", address="村口 5 号")
    assert [p.name for p in places.list_places(desk, clerk)] == ["阿毛杂货", "老仓库"]  # by grid, then name
    assert [p.id for p in places.list_places(desk, clerk, query="塘西")] == [old.id]
    assert [p.id for p in places.list_places(desk, clerk, query="美娟")] == [old.id]
    assert [p.id for p in places.list_places(desk, clerk, query=shop.place_code.lower())] == [shop.id]
    assert [p.id for p in places.list_places(desk, clerk, grid="第二网格")] == [old.id]
    assert [p.id for p in places.list_places(desk, clerk, category="商铺")] == [shop.id]
    assert [p.id for p in places.list_places(desk, clerk, colour="红码")] == [old.id]
    assert [p.id for p in places.list_places(desk, clerk, colour=rules.GREEN)] == [shop.id]
    assert places.list_places(desk, clerk, query="100%") == []
    assert places.grids(desk, clerk) == ["第一网格", "第二网格"]
    red = places.get_place(desk, clerk, old.id)
    assert red.code.colour == rules.RED and any("未按时自查" in r for r in red.code.reasons)
    history = places.place_history(desk, clerk, old.id)
    assert history and all(line.colour == rules.RED for line in history)
    assert places.place_history(desk, clerk, shop.id) == []  # owes nothing yet
    for kw, expected in [
        ({"colour": "紫码"}, ("colour", "colour_unknown")),
        ({"category": "网吧"}, ("category", "category_unknown")),
    ]:
        with pytest.raises(ValidationError) as e:
            places.list_places(desk, clerk, **kw)
        assert refused(e) == {expected}
    with pytest.raises(NotFound):
        places.get_place(desk, clerk, "no-such-place")


def test_views_count_open_and_overdue_hazards_and_open_tasks(site_env) -> None:
    desk, clerk = site_env.desk, site_env.clerk
    with acting_at(utcnow() - dt.timedelta(days=75)):
        late = add(site_env, name="甲饭店", address="一号")
        fresh = add(site_env, name="乙饭店", address="二号")
    results = dict.fromkeys(RESTAURANT_ITEMS, rules.OK) | {"gas": rules.FOUND}
    with acting_at(utcnow() - dt.timedelta(days=20)):  # its deadline (a week) has passed since
        inspections.record_inspection(desk, clerk, late.id, results=results)
    inspections.record_inspection(desk, clerk, fresh.id, results=results)
    with desk.write(SYSTEM) as uow:  # a task as a pull from the district brings it
        uow.session.add(
            Task(
                id=rules.task_id(late.id, rules.COVERT, "2026-01"),
                place_id=late.id,
                kind=rules.COVERT,
                month="2026-01",
                status=rules.TASK_OPEN,
                reasons=["逾期未整改"],
                parties=["属地镇街"],
                opened_on=None,
                closed_on=None,
                outcome=None,
                updated_hlc=uow.tick(),
            )
        )
    by_id = {p.id: p for p in places.list_places(desk, clerk)}
    assert (by_id[late.id].open_hazards, by_id[late.id].overdue_hazards, by_id[late.id].open_tasks) == (1, 1, 1)
    assert by_id[late.id].code.colour == rules.RED
    assert (by_id[fresh.id].open_hazards, by_id[fresh.id].overdue_hazards, by_id[fresh.id].open_tasks) == (1, 0, 0)
    assert by_id[fresh.id].code.colour == rules.YELLOW


def test_a_mediator_may_look_but_not_register(site_env) -> None:
    view = add(site_env)
    with pytest.raises(PermissionDenied):
        places.add_place(
            site_env.desk, site_env.mediator, name="丙店", category="商铺", address="三号", grid="第一网格"
        )
    with pytest.raises(PermissionDenied):
        places.edit_place(site_env.desk, site_env.mediator, view.id, grid="第三网格")
    assert [p.id for p in places.list_places(site_env.desk, site_env.mediator)] == [view.id]
    assert places.get_place(site_env.desk, site_env.mediator, view.id).responsible_name is None
