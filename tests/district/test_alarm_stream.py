"""The alarm stream of a real district server, read as a desk reads it (server-sent events)."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from alarm_rows import DEVICE, now_text, wearer
from alarm_sse import EventStream, append_change
from district_helpers import TOWN_A, TOWN_B, enroll, setup_district
from district_server import DistrictServer

from mediation_desk.alarms import rules
from mediation_desk.core import sync_contract as contract
from mediation_desk.district import admin, alarm_stream
from mediation_desk.district.alarm_fanout import Fanout, Subscription
from mediation_desk.district.alarm_stream import OpenStreams
from mediation_desk.district.alarm_vendor import add_vendor
from mediation_desk.district.db import Database
from mediation_desk.district.enrollment import DeviceScope
from mediation_desk.district.ratelimit import RateLimited


def test_missed_changes_come_late_then_ready_then_live(district: DistrictServer, district_db: Database) -> None:
    desk = enroll(district, "XT-001")
    first = append_change(district_db, "XT-001")
    append_change(district_db, "FH-001")  # another village's
    append_change(district_db, "XT-001", entity="case", town_visible=False)  # not an alarm
    task = append_change(district_db, "XT-001", entity=rules.DEVICE_TASK)

    with EventStream(district.url, desk.token, after=0) as stream:
        assert stream.status == 200
        assert stream.response_headers is not None
        assert stream.response_headers["content-type"].startswith("text/event-stream")
        missed, head = stream.catch_up()
        assert [(int(e.id or 0), e.late) for e in missed] == [(first, True), (task, True)]
        assert [e.change["entity"] for e in missed] == [rules.ALARM, rules.DEVICE_TASK]
        assert missed[0].change["committee_code"] == "XT-001"
        assert missed[0].change["data"]["status"] == rules.NEW
        assert head == task

        live = append_change(district_db, "XT-001")
        event = stream.next_change()
        assert (int(event.id or 0), event.late, event.change["seq"]) == (live, False, live)


def test_an_alarm_raised_at_the_vendor_endpoint_reaches_the_village_and_its_town_at_once(
    district: DistrictServer, district_db: Database
) -> None:
    village = enroll(district, "XT-001")
    village.push([wearer(village)])
    town, other_town = enroll(district, town=TOWN_A), enroll(district, town=TOWN_B)
    key = add_vendor(district_db, "vendor-test", actor="测试")
    with (
        EventStream(district.url, village.token, after=0) as stream,
        EventStream(district.url, town.token, after=0) as town_stream,
        EventStream(district.url, other_town.token, after=0) as other_stream,
    ):
        for reader in (stream, town_stream, other_stream):
            reader.catch_up()
        body = {"alarm_id": "V-1", "device_id": DEVICE, "type": "fall", "time": now_text(), "battery": 40}
        r = httpx.post(f"{district.url}{rules.VENDOR_PATH}", json=body, headers={"Authorization": f"Bearer {key}"})
        assert r.status_code == 202, r.text
        for reader in (stream, town_stream):
            event = reader.next_change()
            assert (event.change["entity"], event.change["entity_id"]) == (rules.ALARM, r.json()["alarm_id"])
            assert (event.late, event.change["data"]["kinds"], event.change["data"]["battery"]) == (
                False,
                [rules.FALL],
                40,
            )
        # The other town hears nothing of it: its next change is its own village's.
        mine = append_change(district_db, "FH-001")
        assert int(other_stream.next_change().id or 0) == mine


def test_a_reconnect_with_its_cursor_gets_what_it_missed_marked_late(
    district: DistrictServer, district_db: Database
) -> None:
    desk = enroll(district, "XT-001")
    with EventStream(district.url, desk.token) as stream:  # no cursor: from the start
        assert stream.catch_up() == ([], 0)
        seen = append_change(district_db, "XT-001")
        last_id = stream.next_change().id
    assert last_id == str(seen)

    missed = [append_change(district_db, "XT-001") for _ in range(2)]
    # EventSource's way: the id of the last event in Last-Event-ID (it wins over the first URL's ?after=).
    with EventStream(district.url, desk.token, after=0, last_event_id=last_id) as stream:
        again, _head = stream.catch_up()
        assert [(int(e.id or 0), e.late) for e in again] == [(s, True) for s in missed]
    # A desk keeping its own cursor: ?after=.
    with EventStream(district.url, desk.token, after=missed[0]) as stream:
        again, head = stream.catch_up()
        assert [int(e.id or 0) for e in again] == [missed[1]]
        assert head == missed[1]


def test_a_town_sees_its_villages_alarms_and_another_village_does_not(
    district: DistrictServer, district_db: Database
) -> None:
    town = enroll(district, town=TOWN_A)
    other_village = enroll(district, "FH-001")
    with (
        EventStream(district.url, town.token, after=0) as town_stream,
        EventStream(district.url, other_village.token, after=0) as other_stream,
    ):
        town_stream.catch_up()
        other_stream.catch_up()
        hidden = append_change(district_db, "XT-001", town_visible=False)
        xt1 = append_change(district_db, "XT-001")
        xt2 = append_change(district_db, "XT-002", entity=rules.DEVICE_TASK)
        fh = append_change(district_db, "FH-001")

        got = [town_stream.next_change(), town_stream.next_change()]
        assert [int(e.id or 0) for e in got] == [xt1, xt2]
        assert [e.change["committee_code"] for e in got] == ["XT-001", "XT-002"]
        # The other town's village sees its own alarm, and it is the first it sees.
        mine = other_stream.next_change()
        assert (int(mine.id or 0), mine.change["committee_code"]) == (fh, "FH-001")
        assert hidden not in (xt1, xt2, fh)


BAD_CURSORS: list[tuple[dict[str, str], dict[str, str | bytes], str, str]] = [
    ({"after": "-1"}, {}, "after", "不小于 0"),
    ({"after": "abc"}, {}, "after", "整数"),
    ({"after": str(2**63)}, {}, "after", "不大于"),
    ({}, {"Last-Event-ID": "七".encode()}, "Last-Event-ID", "整数"),
    ({}, {"Last-Event-ID": "12a"}, "Last-Event-ID", "整数"),
    ({}, {"Last-Event-ID": "-3"}, "Last-Event-ID", "整数"),
    ({}, {"Last-Event-ID": "1" * 30}, "Last-Event-ID", "最多 24 个字符"),
]


def test_bad_cursors_are_refused_naming_the_field(district: DistrictServer) -> None:
    desk = enroll(district, "XT-001")
    with desk.http() as c:
        for params, headers, field, words in BAD_CURSORS:
            r = c.get(rules.STREAM_PATH, params=params, headers=headers)
            assert r.status_code == 400, (params, headers, r.text)
            error = r.json()["error"]
            assert (error["code"], error["field"]) == (contract.ERROR_BAD_REQUEST, field), error
            assert words in error["message"] and field in error["message"], error


def test_a_cursor_beyond_the_feed_and_bad_tokens_are_refused(district: DistrictServer, district_db: Database) -> None:
    desk = enroll(district, "XT-001")
    head = append_change(district_db, "XT-001")
    ahead = EventStream(district.url, desk.token, after=head + 1).open()
    assert ahead.status == 409 and ahead.refusal is not None
    assert ahead.refusal["error"]["code"] == contract.ERROR_CURSOR_AHEAD
    assert ahead.refusal["error"]["field"] == "after" and "从 0 重新连接" in ahead.refusal["error"]["message"]

    for token in (None, "not-a-token", desk.token + "x"):
        refused = EventStream(district.url, token).open()
        assert refused.status == 401 and refused.refusal is not None, token
        assert refused.refusal["error"]["code"] == contract.ERROR_TOKEN_INVALID
    # Refused before the cursor is looked at: a bad token learns nothing about the feed.
    refused = EventStream(district.url, "not-a-token", after="abc").open()
    assert refused.status == 401


def test_a_devices_newest_streams_replace_its_oldest(district: DistrictServer, district_db: Database) -> None:
    desk = enroll(district, "XT-001")
    first = EventStream(district.url, desk.token).open()
    first.catch_up()
    with EventStream(district.url, desk.token) as second, EventStream(district.url, desk.token) as third:
        second.catch_up()
        third.catch_up()
        # The oldest ends (a desk that reconnected must not find its own dead stream in the way).
        assert first.until(lambda e: e.kind == "end")[-1].kind == "end"
        seq = append_change(district_db, "XT-001")
        assert int(second.next_change().id or 0) == seq
        assert int(third.next_change().id or 0) == seq
    first.close()


def test_a_long_lived_stream_outlasts_the_connection_guard_ends_when_revoked_and_at_shutdown(tmp_path: Path) -> None:
    """Header and body deadlines of one second, idle connections closed after five, three
    connections per address: a stream, busy answering, is never the one to go; it gets keep-alive
    comments and live changes. Revoking its device ends it; stopping the server ends the others at
    once instead of after the grace."""
    url = f"sqlite:///{tmp_path / 'district.sqlite3'}"
    options = ["--header-timeout", "1", "--body-timeout", "1", "--max-connections-per-ip", "3"]
    server = DistrictServer(url, log_path=tmp_path / "server.log", serve_options=options).start()
    db = Database(url)
    try:
        setup_district(db)
        desk, kept = enroll(server, "XT-001"), enroll(server, "XT-001")
        stream, other = EventStream(server.url, desk.token).open(), EventStream(server.url, kept.token).open()
        stream.catch_up()
        other.catch_up()
        for _ in range(4):  # newcomers at the per-address cap: only idle connections give way
            with httpx.Client(base_url=server.url) as c:
                assert c.get(contract.HEALTH_PATH).status_code == 200
        seen = stream.until(lambda e: e.kind == "comment", timeout=rules.STREAM_DEAD_AFTER_S)
        assert seen[-1].comment == "keepalive"
        seq = append_change(db, "XT-001")
        assert int(stream.next_change().id or 0) == seq
        assert int(other.next_change().id or 0) == seq

        assert admin.revoke_device(db, desk.device_id, actor="测试", reason="设备遗失")
        assert stream.until(lambda e: e.kind == "end", timeout=alarm_stream.AUTH_RECHECK_S + 30)[-1].kind == "end"
        again = EventStream(server.url, desk.token).open()
        assert again.status == 401 and again.refusal is not None
        assert again.refusal["error"]["code"] == contract.ERROR_DEVICE_REVOKED

        server.stop()
        assert other.until(lambda e: e.kind == "end")[-1].kind == "end"
        log = server.log_tail(20000)
        assert "timeout graceful shutdown exceeded" not in log
        assert "alarm stream ended: its device is refused now (device_revoked)" in log
        stream.close()
        other.close()
    finally:
        server.stop()
        db.dispose()


def _scope(device_id: str, committee: str | None = "c-1", town: bool = False) -> DeviceScope:
    return DeviceScope(
        device_id=device_id,
        scope=contract.SCOPE_TOWN if town else contract.SCOPE_COMMITTEE,
        town_id="t-1",
        town=TOWN_A,
        committee_id=None if town else committee,
        committee_code=None if town else "XT-001",
    )


def test_a_village_gets_a_bounded_number_of_streams_and_a_device_replacing_its_own_is_never_refused() -> None:
    fanout = Fanout()
    streams = OpenStreams(per_device=2, per_scope=3)
    held = [streams.add(_scope(f"d{i}"), Subscription(fanout)) for i in range(3)]
    with pytest.raises(RateLimited) as refused:
        streams.admit(_scope("d9"))
    assert refused.value.status == 429 and "村（社区）已有 3 条报警通道" in refused.value.message
    assert refused.value.retry_after >= 1
    streams.admit(_scope("x", committee="c-2"))  # another village is not held back
    streams.admit(_scope("x", town=True))  # nor the town's desks

    # d0 reconnects while its old stream (dead, for all the server knows) still counts: the new
    # one is admitted and the old one ends, the village staying within its cap.
    streams.admit(_scope("d0"))
    newest = streams.add(_scope("d0"), Subscription(fanout))
    assert held[0].ended and not newest.ended
    assert len(streams) == 4  # the replaced one leaves at its next look (remove)
    streams.remove(held[0])
    streams.remove(held[0])  # twice: harmless
    assert len(streams) == 3

    # Below the village's cap a device keeps two, the third replacing the oldest.
    roomy = OpenStreams(per_device=2, per_scope=10)
    mine = [roomy.add(_scope("d0"), Subscription(fanout)) for _ in range(3)]
    assert [s.ended for s in mine] == [True, False, False]

    town_streams = OpenStreams(per_device=2, per_scope=1)
    town_streams.add(_scope("t", town=True), Subscription(fanout))
    with pytest.raises(RateLimited, match="镇（街道）已有 1 条"):
        town_streams.admit(_scope("t2", town=True))
