"""What the district watches by itself: alarms nobody acknowledged escalate (once, however many
instances check at the same moment), silent bracelets get a device-offline task (once per
silence), heartbeats are written in batches, and a failing check is logged and tried again. The
checks run in-process on SQLite and PostgreSQL with back-dated alarms and heartbeats; one test
runs the server's own loop with a short escalation time."""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from alarm_rows import DEVICE, IMEI, OTHER_DEVICE, add_device, changes_of, intake, raise_alarm, wearer
from district_helpers import TOWN_A, enroll, setup_district
from district_server import DistrictServer
from sqlalchemy import select

from mediation_desk.alarms import rules
from mediation_desk.district import alarm_records, cli, migrate, serve
from mediation_desk.district.alarm_models import AlarmDevice, AlarmEvent, AlarmTask
from mediation_desk.district.alarm_watch import AlarmWatch, watch_every
from mediation_desk.district.api import config_thresholds
from mediation_desk.district.db import Database
from mediation_desk.district.models import Change, Record
from mediation_desk.storage.base import utcnow

TH = rules.Thresholds(escalate_after_s=60, offline_after_s=1800)
WAIT_S = 60.0


@pytest.fixture
def db(district_database_url: str) -> Iterator[Database]:
    database = Database(district_database_url)
    migrate.upgrade(database)
    setup_district(database)
    try:
        yield database
    finally:
        database.dispose()


def ago(**delta: float) -> dt.datetime:
    return utcnow() - dt.timedelta(**delta)


def escalations(db: Database, alarm_id: str) -> list[Change]:
    with db.read() as s:
        rows = s.scalars(select(Change).where(Change.entity_id == alarm_id).order_by(Change.seq))
        return [c for c in rows if c.data.get("escalated_at")]


# ---------------------------------------------------------------- escalation


def test_an_alarm_nobody_acknowledges_escalates_once(db):
    add_device(db, "XT-001")
    waiting = raise_alarm(db, received=ago(seconds=61)).alarm_id
    fresh = raise_alarm(db).alarm_id
    answered = raise_alarm(db, received=ago(minutes=5)).alarm_id
    with db.write() as s:  # answered in time (the desk's move is tested with the server)
        s.get(AlarmEvent, answered).status = rules.ACKNOWLEDGED
        s.get(Record, (rules.ALARM, answered)).status = rules.ACKNOWLEDGED
    watch = AlarmWatch(db, None, TH, every_s=0)

    assert watch.escalate() == [waiting]
    assert watch.escalate() == []
    with db.read() as s:
        record = s.get(Record, (rules.ALARM, waiting))
        assert record.data["status"] == rules.NEW  # still the village's to answer; the town is told
        escalated_at = dt.datetime.fromisoformat(record.data["escalated_at"])
        assert s.get(AlarmEvent, waiting).escalated_at == escalated_at
        assert s.get(Record, (rules.ALARM, fresh)).data["escalated_at"] is None
    [change] = escalations(db, waiting)
    assert change.town_visible and "district" in change.hlc
    # Later, the fresh one's turn comes.
    assert watch.escalate(utcnow() + dt.timedelta(seconds=61)) == [fresh]


def test_two_instances_checking_at_once_escalate_each_alarm_once(db, district_database_url):
    add_device(db, "XT-001")
    add_device(db, "XT-002", OTHER_DEVICE)
    alarms = {raise_alarm(db, device, received=ago(minutes=2)).alarm_id for device in (DEVICE, OTHER_DEVICE) * 3}
    other_db = Database(district_database_url)
    try:
        watches = [AlarmWatch(d, None, TH, every_s=0) for d in (db, other_db)]
        start = threading.Barrier(2)
        found: list[list[str]] = [[], []]

        def check(i: int) -> None:
            start.wait()
            found[i] = watches[i].escalate()

        threads = [threading.Thread(target=check, args=(i,)) for i in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(WAIT_S)
    finally:
        other_db.dispose()
    assert sorted(found[0] + found[1]) == sorted(alarms)
    assert all(len(escalations(db, alarm_id)) == 1 for alarm_id in alarms)


# ---------------------------------------------------------------- offline bracelets


def test_a_silent_bracelet_gets_one_offline_task_per_silence(db):
    silent_since = ago(minutes=40)
    add_device(db, "XT-001", DEVICE, last_seen=silent_since)
    add_device(db, "XT-001", IMEI, assigned=ago(hours=1))  # handed out, never heard from
    add_device(db, "XT-002", OTHER_DEVICE, last_seen=ago(minutes=3))
    add_device(db, "XT-002", "8800000099", last_seen=ago(days=3), active=False)  # given back
    watch = AlarmWatch(db, None, TH, every_s=0)

    opened = watch.offline()
    silent_task = rules.task_id(DEVICE, rules.OFFLINE, alarm_records.iso(silent_since) or "")
    assert silent_task in opened and len(opened) == 2
    assert watch.offline() == []
    with db.read() as s:
        tasks = {t.device_id: t for t in s.scalars(select(AlarmTask))}
        assert set(tasks) == {DEVICE, IMEI} and {t.kind for t in tasks.values()} == {rules.OFFLINE}
        reason = s.get(Record, (rules.DEVICE_TASK, silent_task)).data["reason"]
        assert "40 分钟没有心跳" in reason
        never = s.get(Record, (rules.DEVICE_TASK, tasks[IMEI].id)).data["reason"]
        assert "一直没有连上" in never

    # Closed while the bracelet is still silent: the same silence opens no second task.
    with db.write() as s:
        s.get(AlarmTask, silent_task).status = rules.TASK_DONE
    assert watch.offline() == []
    # Heard from again, then silent again: a new silence, a new task.
    again = ago(minutes=31)
    with db.write() as s:
        s.get(AlarmDevice, DEVICE).last_seen_at = again
    assert watch.offline() == [rules.task_id(DEVICE, rules.OFFLINE, alarm_records.iso(again) or "")]


def test_two_instances_open_an_offline_task_once(db, district_database_url):
    add_device(db, "XT-001", last_seen=ago(hours=2))
    other_db = Database(district_database_url)
    try:
        watches = [AlarmWatch(d, None, TH, every_s=0) for d in (db, other_db)]
        start = threading.Barrier(2)
        found: list[list[str]] = [[], []]

        def check(i: int) -> None:
            start.wait()
            found[i] = watches[i].offline()

        threads = [threading.Thread(target=check, args=(i,)) for i in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(WAIT_S)
    finally:
        other_db.dispose()
    assert len(found[0] + found[1]) == 1
    with db.read() as s:
        assert len(list(s.scalars(select(AlarmTask)))) == 1
        assert len(list(s.scalars(select(Change).where(Change.entity == rules.DEVICE_TASK)))) == 1


# ---------------------------------------------------------------- heartbeats, failures, options


def test_the_watch_flushes_heartbeats_and_once_more_when_stopped(db):
    import asyncio

    add_device(db, "XT-001")
    heartbeats = intake(db)
    watch = AlarmWatch(db, None, TH, every_s=0, intake=heartbeats)
    asyncio.run(heartbeats.heartbeat(DEVICE, "3G", 66))
    watch.check()
    with db.read() as s:
        assert s.get(AlarmDevice, DEVICE).last_battery == 66
    asyncio.run(heartbeats.heartbeat(DEVICE, "3G", 65))
    watch.stop()
    with db.read() as s:
        assert s.get(AlarmDevice, DEVICE).last_battery == 65
    assert watch.failures == 0


def test_a_failing_check_is_logged_and_the_next_one_runs(tmp_path: Path, caplog):
    broken = Database(f"sqlite:///{tmp_path / 'no-schema.sqlite3'}")  # no tables at all
    try:
        watch = AlarmWatch(broken, None, TH, every_s=0)
        with caplog.at_level(logging.ERROR, logger="mediation_desk.district.alarm_watch"):
            watch.check()
            watch.check()
    finally:
        broken.dispose()
    assert watch.failures == 4
    messages = [r.getMessage() for r in caplog.records]
    assert any("escalation failed (OperationalError)" in m for m in messages)
    assert any("offline check failed" in m for m in messages)


def test_thresholds_come_from_the_serve_options(capsys):
    parser = cli._parser()
    args = parser.parse_args(
        ["serve", "--alarm-escalate-after", "90", "--device-offline-after", "600", "--database-url", "sqlite:///x"]
    )
    config = serve.config_from(args)
    assert config_thresholds(config) == rules.Thresholds(escalate_after_s=90, offline_after_s=600)
    assert watch_every(config_thresholds(config)) == 5.0
    assert watch_every(rules.Thresholds(escalate_after_s=1)) == 0.25
    for option, value in (("--alarm-escalate-after", "0"), ("--device-offline-after", "soon")):
        with pytest.raises(SystemExit) as refused:
            parser.parse_args(["serve", option, value, "--database-url", "sqlite:///x"])
        assert refused.value.code == 2
        assert option in capsys.readouterr().err


# ---------------------------------------------------------------- the server's own loop


@pytest.fixture
def district_server(district_database_url: str, tmp_path: Path) -> Iterator[DistrictServer]:
    server = DistrictServer(
        district_database_url,
        log_path=tmp_path / "district-server.log",
        serve_options=["--alarm-escalate-after", "1", "--month-end-every", "0"],
    )
    with server:
        yield server


def test_the_server_escalates_by_itself_and_the_town_sees_it(district, district_db):
    village, town = enroll(district, "XT-001"), enroll(district, town=TOWN_A)
    village.push([wearer(village)])
    alarm_id = raise_alarm(district_db).alarm_id
    deadline = time.monotonic() + WAIT_S
    while not escalations(district_db, alarm_id) and time.monotonic() < deadline:
        time.sleep(0.1)
    seen = [c for c in changes_of(town) if c["entity_id"] == alarm_id and c["data"]["escalated_at"]]
    assert len(seen) == 1 and seen[0]["data"]["status"] == rules.NEW
    assert [c["data"]["escalated_at"] for c in changes_of(village)][-1] == seen[0]["data"]["escalated_at"]
