"""Alarms posted by a vendor platform as JSON: a key issued once and kept hashed, revoked by
name; an alarm recorded once however often the vendor retries it; a bad body answered 400 naming
the field; a wrong key 401 — against the real server on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx
import pytest
from alarm_rows import DEVICE, HOME, changes_of, wearer
from district_helpers import enroll
from sqlalchemy import func, select

from mediation_desk.alarms import rules
from mediation_desk.district import admin_audit, alarm_vendor
from mediation_desk.district.alarm_models import AlarmUnrouted, AlarmVendorKey
from mediation_desk.district.models import Record
from mediation_desk.storage.base import utcnow

VENDOR = "康乐手环"


def body(**change: Any) -> dict[str, Any]:
    sent = {
        "alarm_id": "KL-20261102-0001",
        "device_id": DEVICE,
        "type": "fall",
        "time": (utcnow() - dt.timedelta(seconds=20)).astimezone(dt.timezone(dt.timedelta(hours=8))).isoformat(),
        "latitude": HOME[0],
        "longitude": HOME[1],
        "battery": 55,
        **change,
    }
    return {k: v for k, v in sent.items() if v is not ...}


def post(server: Any, key: str | None, payload: Any) -> httpx.Response:
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    with server.client() as c:
        return c.post(rules.VENDOR_PATH, json=payload, headers=headers)


@pytest.fixture
def key(district) -> str:
    return district.admin("vendor", "add", VENDOR, "--by", "区中心管理员").strip()


def test_a_vendors_alarm_is_recorded_once_however_often_it_is_sent(district, district_db, key):
    village = enroll(district, "XT-001")
    village.push([wearer(village)])

    first = post(district, key, body())
    assert first.status_code == 202, first.text
    alarm_id = first.json()["alarm_id"]
    assert alarm_id == rules.vendor_alarm_id(VENDOR, "KL-20261102-0001")
    again = post(district, key, body(battery=54))
    assert (again.status_code, again.json()) == (202, {"alarm_id": alarm_id})

    [change] = changes_of(village)
    data = change["data"]
    assert (data["source"], data["kinds"], data["battery"], data["has_fix"]) == ("vendor", ["fall"], 55, True)
    raised = dt.datetime.fromisoformat(data["raised_at"])
    assert raised < dt.datetime.fromisoformat(data["received_at"])  # the vendor's time, believed
    # A time far off is not believed: the receipt time stands in.
    far = post(district, key, body(alarm_id="KL-OLD", time="2020-01-01T00:00:00+08:00"))
    assert far.status_code == 202
    with district_db.read() as s:
        held = s.get(Record, (rules.ALARM, far.json()["alarm_id"])).data
        assert held["raised_at"] == held["received_at"]
        stored = s.get(AlarmVendorKey, VENDOR)
        assert stored.key_hash == alarm_vendor.key_hash(key) and key not in stored.key_hash
    [audited] = admin_audit.entries(district_db, action="alarm_vendor.add")
    assert audited.target == VENDOR and audited.actor == "区中心管理员"


def test_an_alarm_for_a_bracelet_nobody_wears_is_accepted_and_kept_unrouted(district, district_db, key):
    answer = post(district, key, body(device_id="9900000002", type="sos", latitude=..., longitude=...))
    assert answer.status_code == 202
    with district_db.read() as s:
        kept = s.get(AlarmUnrouted, answer.json()["alarm_id"])
        assert (kept.device_id, kept.vendor, kept.source, kept.kinds) == ("9900000002", VENDOR, "vendor", ["sos"])
    assert "9900000002" in district.admin("alarms", "unrouted")


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"alarm_id": ...}, "alarm_id"),
        ({"alarm_id": ""}, "alarm_id"),
        ({"alarm_id": "x" * 65}, "alarm_id"),
        ({"alarm_id": "a\nb"}, "alarm_id"),
        ({"device_id": ...}, "device_id"),
        ({"device_id": "88 00"}, "device_id"),
        ({"device_id": 8800000015}, "device_id"),
        ({"type": "fire"}, "type"),
        ({"type": ...}, "type"),
        ({"time": ...}, "time"),
        ({"time": "2026-11-02 09:30"}, "time"),
        ({"time": "yesterday"}, "time"),
        ({"latitude": 91}, "latitude"),
        ({"latitude": "30.1"}, "latitude"),
        ({"longitude": ...}, "longitude"),
        ({"longitude": True}, "longitude"),
        ({"battery": 101}, "battery"),
        ({"battery": 5.5}, "battery"),
    ],
)
def test_a_bad_body_is_answered_400_naming_the_field(district, district_db, key, change, field):
    answer = post(district, key, body(**change))
    assert answer.status_code == 400, answer.text
    assert answer.json()["error"]["field"] == field
    with district_db.read() as s:
        assert s.scalar(select(func.count()).select_from(Record)) == 0
        assert s.scalar(select(func.count()).select_from(AlarmUnrouted)) == 0


def test_a_body_that_is_not_an_object_is_refused(district, key):
    answer = post(district, key, ["sos"])
    assert answer.status_code == 400 and "JSON" in answer.json()["error"]["message"]


def test_only_a_live_vendor_key_is_taken(district, district_db, key):
    assert post(district, None, body()).status_code == 401
    refused = post(district, "not-a-key", body())
    assert refused.status_code == 401 and refused.json()["error"]["code"] == alarm_vendor.ERROR_VENDOR_KEY
    # A desk's device token is no vendor key.
    desk = enroll(district, "XT-001")
    assert post(district, desk.token, body()).status_code == 401

    out = district.admin("vendor", "list")
    assert VENDOR in out and "active" in out
    missing_reason = district.admin("vendor", "revoke", VENDOR, check=False)
    assert "--reason" in missing_reason or post(district, key, body()).status_code == 202
    assert district.admin("vendor", "revoke", VENDOR, "--reason", "厂商合同到期").strip() == "已撤销"
    assert post(district, key, body()).status_code == 401
    assert "revoked" in district.admin("vendor", "list")
    assert district.admin("vendor", "revoke", VENDOR, "--reason", "再次撤销").strip() == "此前已撤销"
    # A revoked vendor may be given a new key; the old one stays dead.
    new_key = district.admin("vendor", "add", VENDOR).strip()
    assert new_key != key and post(district, new_key, body()).status_code == 202
    assert post(district, key, body()).status_code == 401


def test_vendor_commands_refuse_bad_input(district, key, capsys):
    from mediation_desk.district import cli

    url = ["--database-url", district.database_url]
    assert cli.main(["vendor", "add", VENDOR, *url]) == 2  # it has a live key
    assert "vendor revoke" in capsys.readouterr().err
    assert cli.main(["vendor", "add", "bad name!", *url]) == 2
    assert "厂商名称" in capsys.readouterr().err
    assert cli.main(["vendor", "revoke", VENDOR, *url]) == 2
    assert "--reason" in capsys.readouterr().err
    assert cli.main(["vendor", "revoke", "无此厂商", "--reason", "测试", *url]) == 2
    assert "vendor list" in capsys.readouterr().err
