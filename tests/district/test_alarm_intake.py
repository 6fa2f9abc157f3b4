"""Bracelet alarms arriving at the district (the intake the gateway and the vendor endpoint call):
routed from the bracelet to its wearer's committee and seen by that village's desks and its town,
a position kept only under the wearer's consent, alarms from unknown bracelets kept unrouted (and
listed for the administrator), device tasks for low battery and removal, heartbeats written in
batches — against the real server on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging

import pytest
from alarm_rows import DEVICE, HOME, IMEI, OTHER_DEVICE, changes_of, intake, raise_alarm, wearer
from district_helpers import TOWN_A, TOWN_B, enroll, new_id, statuses
from sqlalchemy import func, select

from mediation_desk.alarms import rules
from mediation_desk.district import cli
from mediation_desk.district.alarm_fanout import Fanout
from mediation_desk.district.alarm_intake import AlarmIntake, DeviceAlarm, Fix, raised_moment
from mediation_desk.district.alarm_models import AlarmDevice, AlarmEvent, AlarmTask, AlarmUnrouted
from mediation_desk.district.models import Change, Record
from mediation_desk.storage.base import utcnow


def test_an_alarm_reaches_its_villages_desks_and_its_town_only(district, district_db):
    village, neighbour = enroll(district, "XT-001"), enroll(district, "XT-002")
    town, other_town = enroll(district, town=TOWN_A), enroll(district, town=TOWN_B)
    wearer_id = new_id()
    assert statuses(village.push([wearer(village, wearer_id)])) == ["applied"]

    done = raise_alarm(district_db, kinds=(rules.SOS, rules.FALL), battery=64)
    assert done.routed and done.new

    [change] = changes_of(village)
    assert change["entity_id"] == done.alarm_id and change["committee_code"] == "XT-001"
    data = change["data"]
    assert (data["wearer_id"], data["device_id"], data["kinds"], data["source"]) == (
        wearer_id,
        DEVICE,
        ["sos", "fall"],
        "watch",
    )
    assert data["status"] == rules.NEW and data["escalated_at"] is None and data["acknowledged_by"] is None
    assert (data["latitude"], data["longitude"], data["has_fix"], data["battery"]) == (*HOME, True, 64)
    assert dt.datetime.fromisoformat(data["raised_at"]).tzinfo is not None
    assert set(data) == set(next(e for e in _entities() if e.name == rules.ALARM).fields)
    assert "district" in change["hlc"]
    # The town sees its villages' alarms; another village and another town do not.
    assert [c["entity_id"] for c in changes_of(town)] == [done.alarm_id]
    assert changes_of(neighbour) == [] and changes_of(other_town) == []
    with district_db.read() as s:
        event = s.get(AlarmEvent, done.alarm_id)
        assert (event.status, event.kinds, event.wearer_id, event.source) == (
            rules.NEW,
            ["sos", "fall"],
            wearer_id,
            "watch",
        )
        device = s.get(AlarmDevice, DEVICE)
        assert (device.last_latitude, device.last_longitude, device.last_battery) == (*HOME, 64)


def _entities():
    from mediation_desk.alarms.entities import SYNCED_ENTITIES

    return SYNCED_ENTITIES


def test_without_location_consent_no_position_is_kept(district, district_db):
    village = enroll(district, "XT-001")
    village.push([wearer(village, device_id=IMEI, location_consent=False)])

    done = raise_alarm(district_db, IMEI, fix=Fix(*HOME))
    data = changes_of(village)[0]["data"]
    assert (data["latitude"], data["longitude"], data["has_fix"]) == (None, None, False)

    # Positions from the bracelet's own reports are not kept either.
    desk_intake = intake(district_db)
    asyncio.run(desk_intake.position(IMEI, "3G", Fix(*HOME)))
    assert desk_intake.flush() == 1
    with district_db.read() as s:
        device = s.get(AlarmDevice, IMEI)
        assert (device.last_latitude, device.last_longitude, device.last_fix_at) == (None, None, None)
        assert device.last_seen_at is not None
        assert s.get(Record, (rules.ALARM, done.alarm_id)).data["latitude"] is None


def test_an_alarm_without_a_fix_and_with_a_bare_status_word_still_raises(district, district_db):
    village = enroll(district, "XT-001")
    village.push([wearer(village)])
    done = raise_alarm(district_db, kinds=rules.kinds_of_status(0), fix=None, battery=None)
    data = changes_of(village)[0]["data"]
    assert done.routed and data["kinds"] == [rules.ALARM_OTHER] and data["has_fix"] is False
    assert data["battery"] is None


def test_an_alarm_from_an_unknown_bracelet_is_kept_unrouted_and_listed(district, district_db, caplog, capsys):
    village = enroll(district, "XT-001")
    with caplog.at_level(logging.WARNING, logger="mediation_desk.district.alarm_intake"):
        done = raise_alarm(district_db, "9900000001", kinds=(rules.SOS,), battery=12)
    assert not done.routed and done.new
    assert any("9900000001" in r.getMessage() and "unrouted" in r.getMessage() for r in caplog.records)
    assert changes_of(village) == []
    with district_db.read() as s:
        kept = s.get(AlarmUnrouted, done.alarm_id)
        assert (kept.device_id, kept.kinds, kept.battery, kept.source) == ("9900000001", ["sos"], 12, "watch")
        assert s.scalar(select(func.count()).select_from(Change)) == 0

    # The same alarm handed over again is not kept twice.
    again = raise_alarm(district_db, "9900000001", alarm_id=done.alarm_id)
    assert (again.alarm_id, again.new) == (done.alarm_id, False)

    code = cli.main(["alarms", "unrouted", "--database-url", district.database_url])
    out = capsys.readouterr()
    assert code == 0
    header, row = out.out.strip().splitlines()
    assert "手环编号" in header
    assert "9900000001" in row and "一键呼救" in row and "12%" in row and row.endswith("否")
    assert cli.main(["alarms", "unrouted", "--limit", "0", "--database-url", district.database_url]) == 2
    assert "--limit" in capsys.readouterr().err


def test_low_battery_and_removal_open_one_device_task_each(district, district_db):
    village = enroll(district, "XT-001")
    wearer_id = new_id()
    village.push([wearer(village, wearer_id)])

    first = raise_alarm(district_db, kinds=(rules.REMOVED, rules.LOW_BATTERY), battery=9)
    tasks = {c["data"]["kind"]: c for c in changes_of(village, rules.DEVICE_TASK)}
    assert set(tasks) == {rules.LOW_BATTERY, rules.REMOVED}
    low = tasks[rules.LOW_BATTERY]
    assert low["entity_id"] == rules.task_id(DEVICE, rules.LOW_BATTERY, first.alarm_id)
    assert (low["data"]["status"], low["data"]["wearer_id"], low["data"]["device_id"]) == (
        rules.TASK_OPEN,
        wearer_id,
        DEVICE,
    )
    assert "9%" in low["data"]["reason"] and low["data"]["closed_at"] is None
    # Another low-battery alarm while that task is open opens no second one.
    raise_alarm(district_db, kinds=(rules.LOW_BATTERY,), battery=5)
    assert len(changes_of(village, rules.DEVICE_TASK)) == 2
    assert len(changes_of(village)) == 2  # both alarms are alarms all the same
    with district_db.read() as s:
        assert s.scalar(select(func.count()).select_from(AlarmTask)) == 2
        assert s.get(AlarmDevice, DEVICE).last_battery == 5


def test_a_bracelets_own_time_is_believed_only_within_a_day():
    now = dt.datetime(2026, 11, 2, 8, 0, tzinfo=dt.UTC)
    assert raised_moment(now - dt.timedelta(minutes=3), now) == now - dt.timedelta(minutes=3)
    assert raised_moment(now - dt.timedelta(days=2), now) == now
    assert raised_moment(now + dt.timedelta(days=2), now) == now
    assert raised_moment(None, now) == now
    naive = dt.datetime(2026, 11, 2, 7, 59)
    assert raised_moment(naive, now) == naive.replace(tzinfo=dt.UTC)


def test_heartbeats_are_written_in_batches_the_latest_winning(district, district_db):
    village = enroll(district, "XT-001")
    village.push([wearer(village), wearer(village, device_id=OTHER_DEVICE)])
    earliest, earlier, later = (utcnow() - dt.timedelta(minutes=m) for m in (9, 5, 0))
    first = AlarmIntake(district_db, Fanout(), clock=lambda: earlier)
    asyncio.run(first.heartbeat(DEVICE, "3G", 70))
    asyncio.run(first.heartbeat("9900000001", "3G", 50))  # nobody's bracelet: nothing to write
    assert first.pending == 2
    with district_db.read() as s:
        assert s.get(AlarmDevice, DEVICE).last_seen_at is None  # nothing written per heartbeat
    assert first.flush() == 2 and first.flush() == 0

    second = AlarmIntake(district_db, Fanout(), clock=lambda: later)
    asyncio.run(second.heartbeat(DEVICE, "3G", None))  # no battery in this one: the last one stays
    asyncio.run(second.position(OTHER_DEVICE, "3G", Fix(*HOME)))
    assert second.flush() == 2
    # Another instance's older news does not overwrite the newer.
    third = AlarmIntake(district_db, Fanout(), clock=lambda: earliest)
    asyncio.run(third.heartbeat(DEVICE, "3G", 10))
    assert third.flush() == 1
    with district_db.read() as s:
        device = s.get(AlarmDevice, DEVICE)
        assert device.last_seen_at == later and device.last_battery == 70
        other = s.get(AlarmDevice, OTHER_DEVICE)
        assert other.last_seen_at == later and (other.last_latitude, other.last_longitude) == HOME


def test_the_intake_wakes_this_processes_streams(district, district_db):
    village = enroll(district, "XT-001")
    village.push([wearer(village)])

    async def scenario() -> tuple[str, int]:
        fanout = Fanout()
        await fanout.start()
        subscription = await fanout.subscribe()
        alarm_id = await AlarmIntake(district_db, fanout).alarm(
            DeviceAlarm(DEVICE, "3G", (rules.SOS,), utcnow(), None, None, "watch", None)
        )
        await subscription.wait(30)
        subscription.close()
        return alarm_id, fanout.wakes

    alarm_id, wakes = asyncio.run(scenario())
    assert wakes >= 1 and [c["entity_id"] for c in changes_of(village)] == [alarm_id]


@pytest.mark.parametrize(
    "event",
    [
        DeviceAlarm("", "3G", (rules.SOS,), utcnow(), None, None, "watch"),
        DeviceAlarm("8" * 33, "3G", (rules.SOS,), utcnow(), None, None, "watch"),
        DeviceAlarm(DEVICE, "3G", (rules.SOS,), utcnow(), None, None, "pager"),
        DeviceAlarm(DEVICE, "3G", (rules.SOS,), utcnow(), None, None, "watch", "x" * 65),
    ],
)
def test_an_alarm_the_intake_cannot_hold_is_refused(district_db, event):
    with pytest.raises(ValueError):
        asyncio.run(intake(district_db).alarm(event))


def test_unknown_kinds_and_impossible_batteries_are_not_kept_as_sent(district, district_db):
    village = enroll(district, "XT-001")
    village.push([wearer(village)])
    alarm_id = asyncio.run(
        intake(district_db).alarm(DeviceAlarm(DEVICE, "3G", ("meteor",), utcnow(), None, 250, "watch"))
    )
    data = changes_of(village)[0]["data"]
    assert changes_of(village)[0]["entity_id"] == alarm_id
    assert data["kinds"] == [rules.ALARM_OTHER] and data["battery"] is None
