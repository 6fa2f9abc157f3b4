"""Waking the alarm streams: within one process (from any thread), and across server instances on
one PostgreSQL database (LISTEN/NOTIFY, the listening connection re-made when it drops)."""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import httpx
import pytest
from alarm_rows import DEVICE, now_text, wearer
from alarm_sse import WAIT_S, EventStream, append_change
from district_helpers import TOWN_A, enroll, setup_district
from district_server import DistrictServer, free_port
from sqlalchemy import text
from sqlalchemy.orm import Session

from mediation_desk.alarms import rules
from mediation_desk.district import alarm_fanout
from mediation_desk.district.alarm_fanout import Fanout
from mediation_desk.district.alarm_vendor import add_vendor
from mediation_desk.district.db import Database


def run(coro_fn: object) -> None:
    asyncio.run(asyncio.wait_for(coro_fn(), WAIT_S * 2))  # type: ignore[operator]


# ---- one process ------------------------------------------------------------------------------


def test_a_wake_from_a_worker_thread_reaches_every_subscriber() -> None:
    async def scenario() -> None:
        fanout = Fanout()
        await fanout.start()
        subs = [await fanout.subscribe(), await fanout.subscribe()]
        assert fanout.subscribers == 2
        threading.Thread(target=fanout.wake).start()
        # Waits far longer than the test is allowed: returning at all is the wake-up.
        await asyncio.gather(*(s.wait(3600) for s in subs))
        assert fanout.wakes == 1
        for s in subs:
            s.close()
        assert fanout.subscribers == 0
        await fanout.stop()

    run(scenario)


def test_a_wake_between_two_waits_is_kept_for_the_next() -> None:
    async def scenario() -> None:
        fanout = Fanout()
        await fanout.start()
        sub = await fanout.subscribe()
        fanout.wake()
        await asyncio.sleep(0)  # the wake-up is delivered on the loop's next turn
        await sub.wait(3600)  # returns at once: the wake came while nobody waited
        fanout.wake()
        fanout.wake()
        await asyncio.sleep(0)
        await sub.wait(3600)
        # Two wake-ups before a wait are one: the stream reads everything once.
        done, _ = await asyncio.wait([asyncio.ensure_future(sub.wait(0.05))])
        assert done
        sub.close()
        await fanout.stop()

    run(scenario)


def test_closing_the_streams_ends_every_wait_and_the_ones_after() -> None:
    async def scenario() -> None:
        fanout = Fanout()
        await fanout.start()
        sub = await fanout.subscribe()
        waiting = asyncio.ensure_future(sub.wait(3600))
        await asyncio.sleep(0)
        threading.Thread(target=fanout.close_streams).start()
        await waiting
        assert sub.closing
        await sub.wait(3600)  # the server is stopping: no stream waits any more
        await fanout.stop()

    run(scenario)


def test_a_wake_before_start_or_after_the_loop_ended_is_harmless() -> None:
    fanout = Fanout()
    fanout.wake()  # no loop yet: nobody to wake

    async def scenario() -> None:
        await fanout.start()
        await fanout.subscribe()

    asyncio.run(scenario())
    fanout.wake()  # its loop is closed


class _NoStatements:
    def execute(self, *_args: object, **_kw: object) -> None:
        raise AssertionError("a statement was sent")


def test_notify_in_sends_nothing_on_sqlite_and_refuses_nothing_on_postgresql(tmp_path: Path) -> None:
    alarm_fanout.notify_in(cast(Session, _NoStatements()), "sqlite")
    with pytest.raises(AssertionError, match="a statement was sent"):
        alarm_fanout.notify_in(cast(Session, _NoStatements()), "postgresql")
    db = Database(f"sqlite:///{tmp_path / 'd.sqlite3'}")
    try:
        with db.write() as s:  # inside a real SQLite transaction: nothing to send, nothing fails
            alarm_fanout.notify_in(s, db.dialect)
    finally:
        db.dispose()


def test_an_unreachable_database_is_retried_and_streams_still_wake(caplog: pytest.LogCaptureFixture) -> None:
    """Nothing listens on the port: the listener logs and retries with backoff; local wake-ups
    still work, and stopping does not wait for it."""
    db = Database(f"postgresql://nobody:wrong@127.0.0.1:{free_port()}/nothing")

    async def scenario() -> None:
        fanout = Fanout(db)
        await fanout.start()
        assert not await fanout.listening(0.5)
        sub = await fanout.subscribe()
        fanout.wake()
        await sub.wait(3600)
        await fanout.stop()

    with caplog.at_level(logging.WARNING, logger="mediation_desk.district.alarm_fanout"):
        run(scenario)
    assert "alarm notifications connection lost" in caplog.text
    assert "wrong" not in caplog.text  # the password never reaches the log
    db.dispose()


# ---- PostgreSQL: one notification, every instance --------------------------------------------


@pytest.fixture
def pg_db(pg_schema_url: str) -> Iterator[Database]:
    db = Database(pg_schema_url)
    try:
        yield db
    finally:
        db.dispose()


def _notify(db: Database) -> None:
    with db.write() as s:
        alarm_fanout.notify_in(s, db.dialect)


def test_a_notification_at_commit_wakes_a_listening_fanout_also_after_its_connection_dropped(
    pg_db: Database,
) -> None:
    async def scenario() -> None:
        fanout = Fanout(pg_db)
        await fanout.start()
        assert await fanout.listening(WAIT_S)
        sub = await fanout.subscribe()
        await sub.wait(0)  # the wake-up of the first connect, if it came already
        await asyncio.to_thread(_notify, pg_db)
        await sub.wait(3600)

        # The listening connection is cut (a database restart, a proxy's idle timeout): re-made.
        await asyncio.to_thread(_terminate_listener, pg_db)
        await sub.wait(3600)  # cut, or re-made: either wakes the streams to look again
        while True:  # its replacement is up once a notification gets through
            await asyncio.to_thread(_notify, pg_db)
            await sub.wait(1.0)
            if await fanout.listening(0) and _listeners(pg_db) == 1:
                break
        await sub.wait(0)  # forget the reconnect's own wake-up: the next must be the notification
        await asyncio.to_thread(_notify, pg_db)
        await sub.wait(3600)
        sub.close()
        await fanout.stop()
        while _listeners(pg_db):  # the database sees the connection go a moment later
            await asyncio.sleep(0.05)

    run(scenario)


def _listeners(db: Database) -> int:
    with db.read() as s:
        sql = "SELECT count(*) FROM pg_stat_activity WHERE application_name = :name AND pid <> pg_backend_pid()"
        return int(s.scalar(text(sql), {"name": alarm_fanout.application_name()}) or 0)


def _terminate_listener(db: Database) -> None:
    with db.write() as s:
        sql = "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = :name"
        s.execute(text(sql), {"name": alarm_fanout.application_name()})


def test_an_alarm_raised_through_one_instance_reaches_a_stream_of_another(pg_schema_url: str, tmp_path: Path) -> None:
    a = DistrictServer(pg_schema_url, log_path=tmp_path / "a.log").start()
    b = DistrictServer(pg_schema_url, log_path=tmp_path / "b.log").start()
    db = Database(pg_schema_url)
    try:
        setup_district(db)
        village_a = enroll(a, "XT-001")
        village_a.push([wearer(village_a)])
        key = add_vendor(db, "vendor-test", actor="测试")
        village_b, town_b = enroll(b, "XT-001"), enroll(b, town=TOWN_A)
        with (
            EventStream(b.url, village_b.token, after=0) as stream,
            EventStream(b.url, town_b.token, after=0) as town_stream,
        ):
            stream.catch_up()
            town_stream.catch_up()
            body = {"alarm_id": "V-20261201-1", "device_id": DEVICE, "type": "sos", "time": now_text()}
            r = httpx.post(f"{a.url}{rules.VENDOR_PATH}", json=body, headers={"Authorization": f"Bearer {key}"})
            assert r.status_code == 202, r.text
            alarm_id = r.json()["alarm_id"]
            for reader in (stream, town_stream):
                event = reader.next_change()
                assert (event.change["entity_id"], event.late) == (alarm_id, False)
                assert event.change["data"]["status"] == rules.NEW
                assert event.change["data"]["kinds"] == [rules.SOS]
            # And the other way round, by a change appended beside both servers.
            seq = append_change(db, "XT-001")
            assert int(stream.next_change().id or 0) == seq
    finally:
        a.stop()
        b.stop()
        db.dispose()
