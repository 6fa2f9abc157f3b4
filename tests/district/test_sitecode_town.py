"""Site codes at the district (一单一码), the town's side: the covert-inspection and joint-enforcement
tasks of its villages listed with their places, closed once into the village's feed, the
conversion rate per village and for the town — against the real server, on SQLite and PostgreSQL.
The tasks and month codes are written in-process as the district's month end writes them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from district_helpers import TOWN_A, TOWN_B, Desk, enroll, new_id
from district_server import DistrictServer
from site_rows import add_place, month_codes, open_task
from sqlalchemy import select

from mediation_desk.core import sync_contract as contract
from mediation_desk.district import admin_audit, sitecode_scheme
from mediation_desk.district.models import Change, Record
from mediation_desk.district.sitecode_models import SiteMonthRun, SiteTask
from mediation_desk.sitecode import rules

REVIEWER = "谢塘镇安监办王站长"
OUTCOME = "已暗访检查，灭火器已更换，通道已清理"


@pytest.fixture
def district_server(district_database_url: str, tmp_path: Path) -> Iterator[DistrictServer]:
    """The server without its own month end: these tests write the month's codes themselves."""
    server = DistrictServer(
        district_database_url, log_path=tmp_path / "district-server.log", serve_options=["--month-end-every", "0"]
    )
    with server:
        yield server


# ---------------------------------------------------------------- the town's calls


def tasks(town: Desk, status: str = rules.TASK_OPEN, **params: Any) -> dict[str, Any]:
    with town.http() as c:
        r = c.get(contract.TOWN_SITE_TASKS_PATH, params={"status": status, **params})
    assert r.status_code == 200, r.text
    return r.json()


def close(town: Desk, task_id: str, outcome: Any = OUTCOME, reviewer: Any = REVIEWER, **more: Any):
    body = {"outcome": outcome, "reviewer": reviewer, **more}
    with town.http() as c:
        return c.post(contract.site_task_close_path(task_id), json={k: v for k, v in body.items() if v is not None})


def refusal(r: Any, status: int, field: str | None = None) -> str:
    assert r.status_code == status, r.text
    error = r.json()["error"]
    if field is not None:
        assert error["field"] == field, error
    return str(error["message"])


def task_changes(desk: Desk) -> list[dict[str, Any]]:
    return [c for c in desk.pull_all()[0] if c["entity"] == rules.TASK]


# ---------------------------------------------------------------- tasks


def test_the_town_lists_and_closes_its_villages_tasks_once(district, district_db):
    village, town, other_town = enroll(district, "XT-001"), enroll(district, town=TOWN_A), enroll(district, town=TOWN_B)
    place = add_place(district_db, "XT-001")
    covert = open_task(district_db, place)
    joint = open_task(district_db, add_place(district_db, "XT-002", "东山旅馆", "hotel", "三网格"), rules.JOINT)
    elsewhere = open_task(district_db, add_place(district_db, "FH-001", "丰惠仓库", "warehouse"))

    listed = {t["task_id"]: t for t in tasks(town)["tasks"]}
    assert set(listed) == {covert, joint}  # not the other town's
    shown = listed[covert]
    assert (shown["place_name"], shown["category"], shown["category_label"], shown["grid"]) == (
        "谢家塘五金店",
        "shop",
        "商铺",
        "一网格",
    )
    assert (shown["committee_code"], shown["committee_name"]) == ("XT-001", "谢家塘村人民调解委员会")
    assert (shown["kind"], shown["kind_label"], shown["month"], shown["status"]) == (
        "covert",
        "暗访检查",
        "2026-10",
        "open",
    )
    assert shown["reasons"] == ["2026年10月未按时自查（截止 10月31日）"] and shown["parties"] == ["属地镇街"]
    assert listed[joint]["parties"] == list(rules.JOINT_PARTIES) and listed[joint]["category_label"] == "旅馆"
    assert [t["task_id"] for t in tasks(other_town)["tasks"]] == [elsewhere]
    assert tasks(town, rules.TASK_DONE)["tasks"] == []

    r = close(town, covert)
    assert r.status_code == 200, r.text
    answer = r.json()
    assert answer["changed"] is True
    assert (answer["task"]["status"], answer["task"]["outcome"]) == (rules.TASK_DONE, OUTCOME)
    today = answer["task"]["closed_on"]
    assert dt.date.fromisoformat(today) >= dt.date(2026, 1, 1)

    # The village's desk pulls the change, with the district's clock; so do the town's desks.
    *_, last = task_changes(village)
    assert last["entity_id"] == covert and last["data"]["status"] == rules.TASK_DONE
    assert (last["data"]["closed_on"], last["data"]["outcome"]) == (today, OUTCOME)
    assert "district" in last["hlc"]
    assert covert in {c["entity_id"] for c in task_changes(town) if c["data"]["status"] == rules.TASK_DONE}
    assert all(c["entity_id"] == elsewhere for c in task_changes(other_town))
    with district_db.read() as s:
        assert s.get(SiteTask, covert).status == rules.TASK_DONE
        assert s.get(Record, (rules.TASK, covert)).status == rules.TASK_DONE
        feed_length = len(list(s.scalars(select(Change.seq))))
    [audited] = admin_audit.entries(district_db, action="sitecode.task_close")
    assert audited.target == covert and REVIEWER in audited.actor and audited.detail["kind"] == rules.COVERT

    assert [t["task_id"] for t in tasks(town)["tasks"]] == [joint]
    assert [t["task_id"] for t in tasks(town, rules.TASK_DONE)["tasks"]] == [covert]

    # Asked again (a retried request): the same answer, nothing written.
    again = close(town, covert)
    assert again.status_code == 200 and again.json()["changed"] is False
    assert again.json()["task"]["closed_on"] == today
    with district_db.read() as s:
        assert len(list(s.scalars(select(Change.seq)))) == feed_length
    # Another outcome on a closed task is a mistake, said so; nothing changes.
    message = refusal(close(town, covert, "改为联合执法"), 409, "outcome")
    assert "已" in message and "办结" in message and OUTCOME in message
    assert close(town, covert).json()["task"]["outcome"] == OUTCOME


def test_a_page_at_a_time(district, district_db):
    town = enroll(district, town=TOWN_A)
    made = sorted(open_task(district_db, add_place(district_db, "XT-001", f"商铺{n}")) for n in range(5))
    first = tasks(town, limit=2)
    assert [t["task_id"] for t in first["tasks"]] == made[:2] and first["next"] == made[1]
    second = tasks(town, limit=2, after=first["next"])
    third = tasks(town, limit=2, after=second["next"])
    assert [t["task_id"] for t in second["tasks"] + third["tasks"]] == made[2:]
    assert third["next"] is None


def test_a_task_whose_place_the_district_lacks_is_still_listed(district, district_db):
    town = enroll(district, town=TOWN_A)
    place = add_place(district_db, "XT-001")
    task = open_task(district_db, place)
    with district_db.write() as s:
        s.delete(s.get(Record, (rules.PLACE, place)))
    [shown] = tasks(town)["tasks"]
    assert shown["task_id"] == task and shown["place_name"] is None and shown["committee_code"] == "XT-001"


def test_what_the_town_may_not_do(district, district_db):
    village, town, other_town = enroll(district, "XT-001"), enroll(district, town=TOWN_A), enroll(district, town=TOWN_B)
    task = open_task(district_db, add_place(district_db, "XT-001"))

    # A committee's device: no town view, no closing (refused before the body is read), no rates.
    with village.http() as c:
        assert refusal(c.get(contract.TOWN_SITE_TASKS_PATH), 403)
        assert refusal(c.post(contract.site_task_close_path(task), content=b"not json"), 403)
        assert refusal(c.get(contract.TOWN_SITE_RATES_PATH, params={"month": "2026-01"}), 403)
    # Another town's task.
    assert "不属于本镇" in refusal(close(other_town, task), 403)
    # Unknown tasks, and ids no task could have.
    assert "没有这个" in refusal(close(town, new_id()), 404, "task_id")
    assert refusal(close(town, "x" * 80), 404, "task_id")
    # The body: an outcome and a reviewer, plain lines, no ID or phone number.
    refusal(close(town, task, outcome=""), 400, "outcome")
    refusal(close(town, task, outcome="   "), 400, "outcome")
    refusal(close(town, task, outcome="x" * (rules.MAX_TEXT_CHARS + 1)), 400, "outcome")
    refusal(close(town, task, outcome="已检查\n\x07"), 400, "outcome")
    assert "电话" in refusal(close(town, task, outcome="已整改，负责人电话 13812345678"), 400, "outcome")
    refusal(close(town, task, outcome=12), 400, "outcome")
    refusal(close(town, task, reviewer=None), 400, "reviewer")
    refusal(close(town, task, reviewer=" "), 400, "reviewer")
    with town.http() as c:
        refusal(c.post(contract.site_task_close_path(task), content=b"{bad"), 400)
        refusal(c.get(contract.TOWN_SITE_TASKS_PATH, params={"status": "closed"}), 400, "status")
        refusal(c.get(contract.TOWN_SITE_TASKS_PATH, params={"limit": 0}), 400, "limit")
        refusal(c.get(contract.TOWN_SITE_TASKS_PATH, params={"limit": 501}), 400, "limit")
    # Nothing of it reached the task.
    assert tasks(town)["tasks"][0]["status"] == rules.TASK_OPEN
    assert all(c["data"]["status"] == rules.TASK_OPEN for c in task_changes(village))


# ---------------------------------------------------------------- conversion rates


def rates(town: Desk, month: str | None) -> Any:
    with town.http() as c:
        return c.get(contract.TOWN_SITE_RATES_PATH, params={} if month is None else {"month": month})


def test_conversion_per_village_and_for_the_town(district, district_db):
    town, other_town = enroll(district, town=TOWN_A), enroll(district, town=TOWN_B)
    with district_db.read() as s:
        month = sitecode_scheme.last_closed_month(s)
    before = rules.add_months(month, -1)
    xt1 = [add_place(district_db, "XT-001", f"商铺{n}") for n in range(4)]
    xt2 = [add_place(district_db, "XT-002", f"旅馆{n}", "hotel") for n in range(2)]
    fh = add_place(district_db, "FH-001")
    # XT-001: red → green, yellow → green, red → red, green → red (not eligible); XT-002: all green.
    month_codes(district_db, before, dict(zip(xt1, ["red", "yellow", "red", "green"], strict=True)))
    month_codes(district_db, month, dict(zip(xt1, ["green", "green", "red", "red"], strict=True)))
    month_codes(district_db, before, dict.fromkeys(xt2, "green"))
    month_codes(district_db, month, dict.fromkeys(xt2, "green"))
    month_codes(district_db, before, {fh: "red"})
    month_codes(district_db, month, {fh: "green"})

    r = rates(town, month)
    assert r.status_code == 200, r.text
    answer = r.json()
    assert (answer["month"], answer["compared_with"], answer["complete"]) == (month, before, False)
    villages = {v["committee_code"]: v for v in answer["villages"]}
    assert set(villages) == {"XT-001", "XT-002"}
    assert (villages["XT-001"]["eligible"], villages["XT-001"]["converted"]) == (3, 2)
    assert villages["XT-001"]["rate"] == pytest.approx(2 / 3) and "66.7%" in villages["XT-001"]["text"]
    assert (villages["XT-002"]["eligible"], villages["XT-002"]["rate"]) == (0, None)
    assert villages["XT-002"]["committee_name"] == "东山村人民调解委员会"
    assert (answer["town"]["eligible"], answer["town"]["converted"]) == (3, 2)
    other = rates(other_town, month).json()
    assert (other["town"]["eligible"], other["town"]["converted"], other["town"]["rate"]) == (1, 1, 1.0)

    with district_db.write() as s:
        s.add(SiteMonthRun(month=month, finished_at=dt.datetime.now(dt.UTC)))
    assert rates(town, month).json()["complete"] is True
    # An earlier month without codes answers empty figures, not an error.
    earlier = rates(town, rules.add_months(month, -6)).json()
    assert earlier["town"] == {"eligible": 0, "converted": 0, "rate": None, "text": "—（上月无红黄码）"}


def test_rates_refuse_a_month_they_cannot_have(district):
    town = enroll(district, town=TOWN_A)
    current = rules.period_of(dt.datetime.now(dt.UTC))
    for month, word in [
        (None, "month"),
        ("", "month"),
        ("2026-13", "YYYY-MM"),
        ("2026/08", "YYYY-MM"),
        ("26-08", "YYYY-MM"),
        ("1999-12", "YYYY-MM"),
        (current, "尚未截止"),
        (rules.add_months(current, 12), "尚未截止"),
    ]:
        assert word in refusal(rates(town, month), 400, "month"), month
    assert refusal(rates(town, "x" * 40), 400, "month")


# ---------------------------------------------------------------- the scheme handed down


def test_the_reference_answer_carries_the_scheme_in_force(district, district_db):
    desk = enroll(district, "XT-001")
    with desk.http() as c:
        answer = c.get(contract.REFERENCE_PATH).json()
    from mediation_desk.sitecode import scheme

    assert answer[rules.SCHEME_PART] == scheme.scheme_to_wire(scheme.DEFAULT_SCHEME)
    wire = scheme.scheme_to_wire(scheme.DEFAULT_SCHEME)
    wire["version"] = 2
    wire["thresholds"]["joint_after_reds"] = 2
    sitecode_scheme.set_scheme(district_db, wire, actor="区安全办张工", reason="两个月红码即联合执法")
    with desk.http() as c:
        later = c.get(contract.REFERENCE_PATH).json()
    assert later[rules.SCHEME_PART]["version"] == 2 and later[rules.SCHEME_PART]["thresholds"]["joint_after_reds"] == 2
    assert later["version"] != answer["version"]
