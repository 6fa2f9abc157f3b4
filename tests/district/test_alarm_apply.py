"""Pushed bracelet-alarm ops at the district: wearers (their name and address kept, their bracelet
routed, a bracelet held in another village refused, positions erased when location consent is
withdrawn), alarms moved along their life only as the rules allow (conflicts answered with the
district's record, missing or bad fields rejected by name), device tasks closed — against the real
server on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest
from alarm_rows import (
    DEVICE,
    IMEI,
    OTHER_DEVICE,
    OUTCOME,
    changes_of,
    latest,
    move,
    now_text,
    raise_alarm,
    received_clock,
    wearer,
    wearer_update,
)
from district_helpers import TOWN_A, Desk, enroll, new_id, statuses
from district_server import DistrictServer
from sqlalchemy import select

from mediation_desk.alarms import rules
from mediation_desk.core import sync_contract as contract
from mediation_desk.district.alarm_models import AlarmDevice, AlarmEvent, AlarmTask
from mediation_desk.district.db import Database
from mediation_desk.district.models import Change, Record

DONE_BY = "值班员李芳"


def one(desk: Desk, op: dict[str, Any]) -> dict[str, Any]:
    [result] = desk.push([op])
    return result


def rejected(desk: Desk, op: dict[str, Any]) -> str:
    result = one(desk, op)
    assert result["status"] == "rejected", result
    return str(result["reason"])


def enrolled_with_alarm(district: DistrictServer, db: Database, **wearer_fields: Any) -> tuple[Desk, str, str]:
    village = enroll(district, "XT-001")
    wearer_id = new_id()
    assert statuses(village.push([wearer(village, wearer_id, **wearer_fields)])) == ["applied"]
    return village, wearer_id, raise_alarm(db).alarm_id


# ---------------------------------------------------------------- wearers


def test_a_wearer_is_kept_with_name_and_address_and_routes_its_bracelet(district, district_db):
    village = enroll(district, "XT-001")
    wearer_id = new_id()
    assert statuses(village.push([wearer(village, wearer_id, device_id=IMEI)])) == ["applied"]
    [change] = changes_of(village, rules.WEARER)
    assert (change["data"]["name"], change["data"]["address"]) == ("王阿婆", "谢家塘村三组 15 号")
    with district_db.read() as s:
        device = s.get(AlarmDevice, IMEI)
        assert (device.wearer_id, device.active, device.location_consent) == (wearer_id, True, True)

    # A new bracelet: the old one no longer routes to this wearer as active.
    assert one(village, wearer_update(village, wearer_id, device_id=DEVICE))["status"] == "applied"
    # Deactivated: the bracelet stays known (its alarms still reach the village) but inactive.
    assert one(village, wearer_update(village, wearer_id, active=False))["status"] == "applied"
    with district_db.read() as s:
        assert s.get(AlarmDevice, IMEI).active is False
        assert s.get(AlarmDevice, DEVICE).active is False
        assert s.get(AlarmDevice, DEVICE).wearer_id == wearer_id


@pytest.mark.parametrize(
    ("fields", "named"),
    [
        ({"phone": "13812345678"}, "phone"),
        ({"id_number": "330682194201011234"}, "id_number"),
        ({"device_id": "88-00 15"}, "device_id"),
        ({"device_id": 8800000015}, "device_id"),
        ({"living_alone": "yes"}, "living_alone"),
        ({"location_consent": 1}, "location_consent"),
        ({"enrolled_on": "2026-13-40"}, "enrolled_on"),
        ({"name": "王" * 51}, "name"),
        ({"address": "电话 13812345678"}, "address"),
    ],
)
def test_a_wearer_op_with_bad_or_personal_fields_is_rejected_naming_them(district, district_db, fields, named):
    village = enroll(district, "XT-001")
    reason = rejected(village, wearer(village, **fields))
    assert named in reason or ("身份证号" in reason and named == "address")
    with district_db.read() as s:
        assert s.scalars(select(AlarmDevice)).first() is None


def test_a_bracelet_worn_in_another_village_is_refused_naming_it(district, district_db):
    village, neighbour = enroll(district, "XT-001"), enroll(district, "XT-002")
    first = new_id()
    assert one(village, wearer(village, first))["status"] == "applied"

    reason = rejected(neighbour, wearer(neighbour, device_id=DEVICE))
    assert DEVICE in reason and "其他村" in reason
    # Within the village, the desk's own rule decides: the bracelet goes to the newer wearer.
    second = new_id()
    assert one(village, wearer(village, second))["status"] == "applied"
    # Once the village stops it, the neighbour may have it.
    assert one(village, wearer_update(village, second, active=False))["status"] == "applied"
    taker = new_id()
    assert one(neighbour, wearer(neighbour, taker))["status"] == "applied"
    with district_db.read() as s:
        device = s.get(AlarmDevice, DEVICE)
        assert (device.wearer_id, device.active) == (taker, True)
    # An update to a wearer the district has not received is not applied yet.
    assert one(village, wearer_update(village, new_id(), active=False))["reason_code"] == contract.REASON_CODE_NOT_YET


def test_withdrawing_location_consent_erases_every_stored_position(district, district_db):
    village, wearer_id, first = enrolled_with_alarm(district, district_db)
    second = raise_alarm(district_db).alarm_id
    assert {c["data"]["has_fix"] for c in changes_of(village)} == {True}

    assert one(village, wearer_update(village, wearer_id, location_consent=False))["status"] == "applied"
    with district_db.read() as s:
        for alarm_id in (first, second):
            data = s.get(Record, (rules.ALARM, alarm_id)).data
            assert (data["latitude"], data["longitude"], data["has_fix"]) == (None, None, False)
        device = s.get(AlarmDevice, DEVICE)
        assert (device.last_latitude, device.last_longitude, device.location_consent) == (None, None, False)
        past = list(s.scalars(select(Change).where(Change.entity == rules.ALARM)))
        assert past and all(c.data["latitude"] is None and c.data["longitude"] is None for c in past)
    # A desk pulling from the start gets no coordinates, and each alarm once more without them.
    pulled = changes_of(village)
    assert all(c["data"]["latitude"] is None for c in pulled) and len(pulled) == 4
    # Later alarms carry none either.
    raise_alarm(district_db)
    assert changes_of(village)[-1]["data"]["has_fix"] is False


# ---------------------------------------------------------------- alarm moves


def test_an_alarm_is_acknowledged_dispatched_and_resolved(district, district_db):
    village, _, alarm_id = enrolled_with_alarm(district, district_db)
    town = enroll(district, town=TOWN_A)
    assert statuses(village.push([move(village, alarm_id, rules.NEW, rules.ACKNOWLEDGED)])) == ["applied"]
    acked = latest(village, alarm_id)
    assert (acked["data"]["status"], acked["data"]["acknowledged_by"]) == (rules.ACKNOWLEDGED, DONE_BY)
    assert acked["origin_device"] == village.device_id
    # The same move again (another route, a replay with a new op id) changes nothing.
    assert statuses(village.push([move(village, alarm_id, rules.NEW, rules.ACKNOWLEDGED)])) == ["applied"]
    assert len([c for c in changes_of(village) if c["entity_id"] == alarm_id]) == 2

    ops = [
        move(village, alarm_id, rules.ACKNOWLEDGED, rules.DISPATCHED),
        move(village, alarm_id, rules.DISPATCHED, rules.RESOLVED),
    ]
    assert statuses(village.push(ops)) == ["applied", "applied"]
    data = latest(village, alarm_id)["data"]
    assert (data["status"], data["dispatched_to"], data["outcome"]) == (rules.RESOLVED, "村医王建国", OUTCOME)
    assert latest(town, alarm_id)["data"]["status"] == rules.RESOLVED  # the town follows
    with district_db.read() as s:
        event = s.get(AlarmEvent, alarm_id)
        assert event.status == rules.RESOLVED
        assert event.acknowledged_at <= event.dispatched_at <= event.resolved_at
        assert s.get(Record, (rules.ALARM, alarm_id)).status == rules.RESOLVED


def test_a_move_from_a_stale_state_is_a_conflict_answered_with_the_districts_record(district, district_db):
    village, _, alarm_id = enrolled_with_alarm(district, district_db)
    second_desk = enroll(district, "XT-001")
    assert one(village, move(village, alarm_id, rules.NEW, rules.ACKNOWLEDGED))["status"] == "applied"

    late = one(second_desk, move(second_desk, alarm_id, rules.NEW, rules.ACKNOWLEDGED, acknowledged_by="值班员张强"))
    # The same move by someone else: the first one stands, and the later one is told who was first.
    assert late["status"] == "conflict" and late["reason"] == f"这条报警已由“{DONE_BY}”接警"
    assert latest(village, alarm_id)["data"]["acknowledged_by"] == DONE_BY
    replayed = one(second_desk, move(second_desk, alarm_id, rules.NEW, rules.ACKNOWLEDGED, acknowledged_by=DONE_BY))
    assert replayed["status"] == "applied"  # the same move by the same person: nothing to do

    conflict = one(second_desk, move(second_desk, alarm_id, rules.NEW, rules.DISPATCHED))
    assert conflict["status"] == "conflict" and "已接警" in conflict["reason"]
    assert conflict["server_state"]["acknowledged_by"] == DONE_BY
    skipped = one(village, move(village, alarm_id, rules.ACKNOWLEDGED, rules.NEW))
    assert skipped["status"] == "conflict" and "不能从" in skipped["reason"]
    with district_db.read() as s:
        assert s.get(AlarmEvent, alarm_id).status == rules.ACKNOWLEDGED


@pytest.mark.parametrize(
    ("to", "fields", "named"),
    [
        (rules.RESOLVED, {"outcome": ...}, "outcome"),
        (rules.RESOLVED, {"outcome": "   "}, "outcome"),
        (rules.RESOLVED, {"outcome": "好" * 201}, "outcome"),
        (rules.RESOLVED, {"outcome": "已联系家属 13812345678"}, "outcome"),
        (rules.DISPATCHED, {"dispatched_to": ...}, "dispatched_to"),
        (rules.DISPATCHED, {"dispatched_to": "王" * 65}, "dispatched_to"),
        (rules.DISPATCHED, {"dispatched_at": "2026-11-02 09:30"}, "dispatched_at"),
        (rules.DISPATCHED, {"dispatched_at": "昨天"}, "dispatched_at"),
        (rules.DISPATCHED, {"dispatched_at": now_text(3 * 86400)}, "dispatched_at"),
        ("closed", {}, "to"),
    ],
)
def test_a_move_missing_or_spoiling_a_field_is_rejected_naming_it(district, district_db, to, fields, named):
    village, _, alarm_id = enrolled_with_alarm(district, district_db)
    assert one(village, move(village, alarm_id, rules.NEW, rules.ACKNOWLEDGED))["status"] == "applied"
    reason = rejected(village, move(village, alarm_id, rules.ACKNOWLEDGED, to, **fields))
    assert named in reason
    assert latest(village, alarm_id)["data"]["status"] == rules.ACKNOWLEDGED


def test_alarms_are_born_at_the_district_and_stay_in_their_village(district, district_db):
    village, _, alarm_id = enrolled_with_alarm(district, district_db)
    neighbour = enroll(district, "XT-002")
    assert "transition" in rejected(village, village.op(rules.ALARM, new_id(), contract.CREATE, {"status": "new"}))
    update = village.op(rules.ALARM, alarm_id, contract.UPDATE, {"fields": {"outcome": "x"}})
    assert "transition" in rejected(village, update)
    assert "没有这条报警" in rejected(village, move(village, new_id(), rules.NEW, rules.ACKNOWLEDGED))
    result = one(neighbour, move(neighbour, alarm_id, rules.NEW, rules.ACKNOWLEDGED))
    assert (result["status"], result["reason_code"]) == ("rejected", contract.REASON_CODE_OUT_OF_SCOPE)
    assert "from" in rejected(village, move(village, alarm_id, "waiting", rules.ACKNOWLEDGED))


# ---------------------------------------------------------------- device tasks


def close_op(desk: Desk, task_id: str, **fields: Any) -> dict[str, Any]:
    body = {"status": rules.TASK_DONE, "closed_at": now_text(), "closed_by": DONE_BY, "note": "已换新电池", **fields}
    return desk.op(
        rules.DEVICE_TASK, task_id, contract.UPDATE, {"fields": {k: v for k, v in body.items() if v is not ...}}
    )


def test_a_desk_closes_a_device_task(district, district_db):
    village = enroll(district, "XT-001")
    village.push([wearer(village)])
    alarm_id = raise_alarm(district_db, kinds=(rules.LOW_BATTERY,), battery=7).alarm_id
    task_id = rules.task_id(DEVICE, rules.LOW_BATTERY, alarm_id)
    # The desk's clock may trail the district's: closing an open task is taken all the same.
    assert one(village, close_op(village, task_id))["status"] == "applied"
    closed = latest(village, task_id, rules.DEVICE_TASK)
    assert (closed["data"]["status"], closed["data"]["closed_by"], closed["data"]["note"]) == (
        rules.TASK_DONE,
        DONE_BY,
        "已换新电池",
    )
    assert closed["data"]["kind"] == rules.LOW_BATTERY  # what the district wrote stays
    with district_db.read() as s:
        task = s.get(AlarmTask, task_id)
        assert task.status == rules.TASK_DONE and task.closed_at is not None
    # A second closer's note wins only with a later clock.
    received_clock(village, closed)
    assert one(village, close_op(village, task_id, note="电池已换，手环正常"))["status"] == "applied"
    assert latest(village, task_id, rules.DEVICE_TASK)["data"]["note"] == "电池已换，手环正常"
    # With a task closed, the next low battery opens a new one.
    raise_alarm(district_db, kinds=(rules.LOW_BATTERY,), battery=6)
    assert len({c["entity_id"] for c in changes_of(village, rules.DEVICE_TASK)}) == 2


@pytest.mark.parametrize(
    ("fields", "named"),
    [
        ({"status": rules.TASK_OPEN}, "status"),
        ({"closed_by": ...}, "closed_by"),
        ({"closed_at": "2026-11-02"}, "closed_at"),
        ({"kind": rules.OFFLINE}, "kind"),
        ({"note": "家属电话 13812345678"}, "note"),
    ],
)
def test_a_bad_task_close_is_rejected_naming_the_field(district, district_db, fields, named):
    village = enroll(district, "XT-001")
    village.push([wearer(village, device_id=OTHER_DEVICE)])
    task_id = rules.task_id(
        OTHER_DEVICE, rules.REMOVED, raise_alarm(district_db, OTHER_DEVICE, (rules.REMOVED,)).alarm_id
    )
    assert named in rejected(village, close_op(village, task_id, **fields))
    assert latest(village, task_id, rules.DEVICE_TASK)["data"]["status"] == rules.TASK_OPEN
    create = village.op(rules.DEVICE_TASK, new_id(), contract.CREATE, {"kind": rules.OFFLINE})
    assert "update" in rejected(village, create)
    assert "没有这条" in rejected(village, close_op(village, new_id()))
