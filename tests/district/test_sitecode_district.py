"""Site codes at the district (一单一码): what desks push is applied and projected, bad ops are
refused before anything is written, a place is judged again after each op, month end closes every
place once, and the escalation rules (a covert inspection on red, a joint enforcement after red
months in a row) hold at every edge — on SQLite and PostgreSQL. The same facts give the same code
on a desk and at the district."""

from __future__ import annotations

import datetime as dt
import random
import threading
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from district_helpers import TOWN_A, Desk, enroll, new_id, setup_district, statuses
from sqlalchemy import func, select

from mediation_desk.core import sync_contract as contract
from mediation_desk.core.models import Committee as DeskCommittee
from mediation_desk.district import migrate, sitecode_codes, sitecode_town
from mediation_desk.district.db import Database
from mediation_desk.district.feed import FeedWriter
from mediation_desk.district.models import Change, Committee, Record
from mediation_desk.district.rules import register_rules
from mediation_desk.district.sitecode_models import (
    SiteCode,
    SiteHazard,
    SiteInspection,
    SiteMonth,
    SiteMonthRun,
    SitePlace,
    SiteTask,
)
from mediation_desk.sitecode import codes, placard_code, rules
from mediation_desk.sitecode.models import Hazard, Inspection, Place

register_rules()  # as the server does at start-up (the desk's registration adds the same)
TH = rules.DEFAULT_THRESHOLDS
UTC = dt.UTC


def bj(year: int, month: int, day: int, hour: int = 10) -> dt.datetime:
    return dt.datetime(year, month, day, hour, tzinfo=rules.BEIJING)


def after_close(month: str) -> dt.datetime:
    return rules.cutoff(month, TH) + dt.timedelta(hours=1)


# ---------------------------------------------------------------- ops as a desk writes them


def place_op(desk: Desk, pid: str | None = None, created_at: dt.datetime | None = None, **more: Any) -> dict[str, Any]:
    payload = {
        "name": "谢家塘便利店",
        "category": "shop",
        "address": "谢家塘村 3 组 12 号",
        "grid": "第一网格",
        "place_code": placard_code.place_code(pid or new_id()),
        "has_credit_code": True,
        "created_at": (created_at or dt.datetime.now(UTC)).isoformat(),
        "active": True,
        **more,
    }
    return desk.op(rules.PLACE, pid or new_id(), contract.CREATE, payload)


def inspection_op(
    desk: Desk, pid: str, month: str, completed_at: dt.datetime, iid: str | None = None, **more: Any
) -> dict[str, Any]:
    payload = {
        "place_id": pid,
        "month": month,
        "completed_at": completed_at.isoformat(),
        "scheme_version": 1,
        "items": 5,
        "hazard_items": [],
        "na_items": [],
        "evidence_sha256": None,
        **more,
    }
    return desk.op(rules.INSPECTION, iid or new_id(), contract.CREATE, payload)


def hazard_op(
    desk: Desk, pid: str, iid: str, found_at: dt.datetime, deadline: dt.date, hid: str | None = None, **more: Any
) -> dict[str, Any]:
    payload = {
        "place_id": pid,
        "inspection_id": iid,
        "item_code": "exits",
        "item_text": "安全出口、疏散通道畅通，无堵塞锁闭",
        "found_at": found_at.isoformat(),
        "deadline": deadline.isoformat(),
        "status": rules.OPEN,
        "evidence_sha256": None,
        **more,
    }
    return desk.op(rules.HAZARD, hid or new_id(), contract.CREATE, payload)


def rectify_op(desk: Desk, hid: str, at: dt.datetime) -> dict[str, Any]:
    fields = {"status": rules.RECTIFIED, "rectified_at": at.isoformat(), "checked_by": "网格员陈"}
    return desk.op(rules.HAZARD, hid, contract.UPDATE, {"fields": fields})


def push_one(desk: Desk, op: dict[str, Any]) -> dict[str, Any]:
    [result] = desk.push([op])
    return result


def site_code(db: Database, pid: str) -> SiteCode | None:
    with db.read() as s:
        return s.get(SiteCode, pid)


def tasks_of(db: Database, pid: str) -> list[tuple[str, str, str]]:
    with db.read() as s:
        rows = s.scalars(select(SiteTask).where(SiteTask.place_id == pid).order_by(SiteTask.month, SiteTask.kind))
        return [(t.kind, t.month, t.status) for t in rows]


def count(db: Database, model: Any, *where: Any) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model).where(*where)) or 0)


# ---------------------------------------------------------------- applied and projected (server)


def test_ops_are_applied_projected_and_the_place_judged(district, district_db):
    desk = enroll(district, "XT-001")
    now = dt.datetime.now(UTC)
    period = rules.period_of(now, TH)
    pid, iid, hid = new_id(), new_id(), new_id()
    found = now - dt.timedelta(hours=2)
    ops = [
        place_op(desk, pid, created_at=now - dt.timedelta(days=120)),
        inspection_op(desk, pid, period, found, iid, hazard_items=["exits"]),
        hazard_op(desk, pid, iid, found, rules.beijing_day(found) + dt.timedelta(days=7), hid),
    ]
    assert statuses(desk.push(ops)) == ["applied"] * 3
    with district_db.read() as s:
        place = s.get(SitePlace, pid)
        assert place is not None and (place.category, place.grid, place.active) == ("shop", "第一网格", True)
        assert place.created_at == dt.datetime.fromisoformat(ops[0]["payload"]["created_at"])
        inspection = s.get(SiteInspection, iid)
        assert inspection is not None and (inspection.place_id, inspection.month) == (pid, period)
        assert inspection.completed_at == found
        hazard = s.get(SiteHazard, hid)
        assert hazard is not None and hazard.rectified_at is None and hazard.found_at == found
        rec = s.get(Record, (rules.HAZARD, hid))
        assert rec is not None and rec.data["item_code"] == "exits"
    code = site_code(district_db, pid)
    assert code is not None and code.colour == rules.YELLOW and code.period == period
    assert any("待整改" in r for r in code.reasons)

    later = dt.datetime.now(UTC)
    assert push_one(desk, rectify_op(desk, hid, later))["status"] == "applied"
    with district_db.read() as s:
        hazard = s.get(SiteHazard, hid)
        assert hazard is not None and hazard.rectified_at == dt.datetime.fromisoformat(later.isoformat())
    code = site_code(district_db, pid)
    assert code is not None and code.colour == rules.GREEN
    pulled = {(c["entity"], c["entity_id"]) for c in desk.pull_all()[0]}
    assert {(rules.PLACE, pid), (rules.INSPECTION, iid), (rules.HAZARD, hid)} <= pulled


def test_bad_ops_are_refused_and_leave_nothing(district, district_db):
    desk, other = enroll(district, "XT-001"), enroll(district, "FH-001")
    now = dt.datetime.now(UTC)
    pid = new_id()
    assert push_one(desk, place_op(desk, pid, created_at=now - dt.timedelta(days=3)))["status"] == "applied"
    period = rules.period_of(now, TH)
    naive = place_op(desk, created_at=None)
    naive["payload"]["created_at"] = "2026-11-02T09:30:00"
    garbage = inspection_op(desk, pid, period, now)
    garbage["payload"]["completed_at"] = "上个月"
    numeric = inspection_op(desk, pid, period, now)
    numeric["payload"]["completed_at"] = 1764000000
    future = inspection_op(desk, pid, period, now + dt.timedelta(days=30))
    task = desk.op(rules.TASK, new_id(), contract.CREATE, {"place_id": pid, "kind": rules.COVERT, "status": "open"})
    unknown = inspection_op(desk, new_id(), period, now)
    foreign = inspection_op(other, pid, period, now)
    bad_month = inspection_op(desk, pid, "2026-13", now)
    long_item = hazard_op(desk, pid, new_id(), now, rules.beijing_day(now), item_text="隐" * 81)
    no_deadline = inspection_op(desk, pid, period, now)
    ops = [naive, garbage, numeric, future, task, unknown, bad_month, long_item, no_deadline]
    no_deadline_hazard = hazard_op(desk, pid, no_deadline["entity_id"], now, rules.beijing_day(now))
    no_deadline_hazard["payload"]["deadline"] = None
    results = desk.push([*ops, no_deadline_hazard])
    by_op = {r["op_id"]: r for r in results}

    def refused(op: dict[str, Any], *words: str, code: str = contract.REASON_CODE_INVALID) -> None:
        r = by_op[op["op_id"]]
        assert r["status"] == "rejected", r
        assert all(w in r["reason"] for w in words), r["reason"]
        assert r["reason_code"] == code

    refused(naive, "created_at", "时区")
    refused(garbage, "completed_at", "上个月")
    refused(numeric, "completed_at")
    refused(future, "completed_at", "合理范围")
    refused(task, "任务", "工作台不能提交")
    refused(unknown, "还没有这个场所", code=contract.REASON_CODE_NOT_YET)
    refused(bad_month, "month", "YYYY-MM")
    refused(long_item, "item_text", "80")
    refused(no_deadline_hazard, "整改期限", "deadline")
    assert by_op[no_deadline["op_id"]]["status"] == "applied"
    [r] = other.push([foreign])
    assert r["status"] == "rejected" and r["reason_code"] == contract.REASON_CODE_OUT_OF_SCOPE
    # An inspection's place never changes once recorded.
    moved = desk.op(rules.INSPECTION, no_deadline["entity_id"], contract.UPDATE, {"fields": {"place_id": new_id()}})
    r = push_one(desk, moved)
    assert r["status"] == "rejected" and "place_id" in r["reason"]
    refused_ids = [op["entity_id"] for op in (naive, garbage, numeric, future, unknown, bad_month, foreign)]
    with district_db.read() as s:
        assert s.scalar(select(func.count()).select_from(Record).where(Record.entity_id.in_(refused_ids))) == 0
        assert s.scalar(select(func.count()).select_from(SiteInspection)) == 1
        assert s.scalar(select(func.count()).select_from(SiteHazard)) == 0
        assert s.scalar(select(func.count()).select_from(SiteTask)) == 0
        inspection = s.get(SiteInspection, no_deadline["entity_id"])
        assert inspection is not None and inspection.place_id == pid


def test_a_red_place_opens_one_covert_task_and_an_inspection_turns_it_green(district, district_db):
    desk, town = enroll(district, "XT-001"), enroll(district, town=TOWN_A)
    now = dt.datetime.now(UTC)
    period = rules.period_of(now, TH)
    pid = new_id()
    # Registered long ago, no self-inspection last month nor this one: red.
    assert push_one(desk, place_op(desk, pid, created_at=now - dt.timedelta(days=100)))["status"] == "applied"
    code = site_code(district_db, pid)
    assert code is not None and code.colour == rules.RED
    assert "未按时自查" in code.reasons[0]
    assert tasks_of(district_db, pid) == [(rules.COVERT, period, rules.TASK_OPEN)]
    edit = desk.op(rules.PLACE, pid, contract.UPDATE, {"fields": {"grid": "第二网格"}})
    assert push_one(desk, edit)["status"] == "applied"
    assert len(tasks_of(district_db, pid)) == 1  # still red, the covert task is already open
    with district_db.read() as s:
        place = s.get(SitePlace, pid)
        assert place is not None and place.grid == "第二网格"

    task_id = rules.task_id(pid, rules.COVERT, period)
    [change] = [c for c in desk.pull_all()[0] if c["entity"] == rules.TASK]
    assert change["entity_id"] == task_id and change["origin_device"] is None
    data = change["data"]
    assert (data["kind"], data["status"], data["parties"]) == (rules.COVERT, rules.TASK_OPEN, ["属地镇街"])
    assert data["reasons"] == list(code.reasons) and data["opened_on"] == rules.beijing_day(now).isoformat()
    assert task_id in {c["entity_id"] for c in town.pull_all()[0]}  # the town sees its villages' tasks

    done = inspection_op(desk, pid, period, dt.datetime.now(UTC))
    assert push_one(desk, done)["status"] == "applied"
    code = site_code(district_db, pid)
    assert code is not None and code.colour == rules.GREEN
    assert tasks_of(district_db, pid) == [(rules.COVERT, period, rules.TASK_OPEN)]  # the town closes it


# ---------------------------------------------------------------- month end and escalation (database)


@pytest.fixture
def db(district_database_url: str) -> Iterator[Database]:
    database = Database(district_database_url)
    migrate.upgrade(database)
    setup_district(database)
    try:
        yield database
    finally:
        database.dispose()


def committee(db: Database, code: str = "XT-001") -> Committee:
    with db.read() as s:
        found = s.scalar(select(Committee).where(Committee.code == code))
        assert found is not None
        return found


def add_place(db: Database, created_at: dt.datetime, code: str = "XT-001", active: bool = True) -> str:
    c, pid = committee(db, code), new_id()
    with db.write() as s:
        s.add(
            SitePlace(
                id=pid,
                committee_id=c.id,
                town_id=c.town_id,
                category="shop",
                grid="第一网格",
                created_at=created_at,
                active=active,
            )
        )
    return pid


def add_inspection(db: Database, pid: str, month: str, completed_at: dt.datetime) -> None:
    with db.write() as s:
        s.add(SiteInspection(id=new_id(), place_id=pid, month=month, completed_at=completed_at))


def add_hazard(db: Database, pid: str, found_at: dt.datetime, deadline: dt.date) -> str:
    hid = new_id()
    with db.write() as s:
        s.add(SiteHazard(id=hid, place_id=pid, item_text="灭火器配置齐全", found_at=found_at, deadline=deadline))
    return hid


def rectify(db: Database, hid: str, at: dt.datetime) -> None:
    with db.write() as s:
        hazard = s.get(SiteHazard, hid)
        assert hazard is not None
        hazard.rectified_at = at


def recompute(db: Database, pid: str, now: dt.datetime) -> SiteCode:
    with db.write(feed=True) as s:
        place = s.get(SitePlace, pid)
        assert place is not None
        feed = FeedWriter(s)
        row = sitecode_codes.recompute_place(s, pid, now, feed, s.get(Committee, place.committee_id))
        feed.write()
        assert row is not None
        return row


def close(db: Database, month: str, **kw: Any) -> sitecode_codes.MonthEndResult:
    return sitecode_codes.month_end(db, month, after_close(month), **kw)


def history(db: Database, pid: str) -> dict[str, str]:
    with db.read() as s:
        return dict(s.execute(select(SiteMonth.month, SiteMonth.colour).where(SiteMonth.place_id == pid)).all())


def test_three_red_months_in_a_row_open_a_joint_enforcement(db):
    pid = add_place(db, bj(2026, 5, 10))  # owes self-inspections from June
    assert close(db, "2026-06").tasks_opened == 1
    assert tasks_of(db, pid) == [(rules.COVERT, "2026-07", rules.TASK_OPEN)]
    assert close(db, "2026-07").tasks_opened == 0  # the covert inspection is still open
    assert close(db, "2026-08").tasks_opened == 1
    assert history(db, pid) == dict.fromkeys(("2026-06", "2026-07", "2026-08"), rules.RED)
    assert tasks_of(db, pid) == [(rules.COVERT, "2026-07", "open"), (rules.JOINT, "2026-09", "open")]
    with db.read() as s:
        joint = s.get(Record, (rules.TASK, rules.task_id(pid, rules.JOINT, "2026-09")))
        assert joint is not None and joint.status == rules.TASK_OPEN
        assert joint.data["parties"] == list(rules.JOINT_PARTIES)
        assert joint.data["reasons"][0] == "连续 3 个月红码" and len(joint.data["reasons"]) <= 20
        change = s.scalar(select(Change).where(Change.entity_id == joint.entity_id))
        assert change is not None and change.town_visible and change.data == joint.data


def test_a_green_month_between_reds_starts_the_count_again(db):
    pid = add_place(db, bj(2026, 5, 10))
    add_inspection(db, pid, "2026-08", bj(2026, 8, 10))
    for month in ("2026-06", "2026-07", "2026-08", "2026-09", "2026-10"):
        close(db, month)
    assert list(history(db, pid).values()) == [rules.RED, rules.RED, rules.GREEN, rules.RED, rules.RED]
    assert [kind for kind, _, _ in tasks_of(db, pid)] == [rules.COVERT]
    close(db, "2026-11")  # the third red in a row since the green
    assert (rules.JOINT, "2026-12", rules.TASK_OPEN) in tasks_of(db, pid)


def test_rectified_after_joint_enforcement_the_place_is_green_and_the_task_stays(db):
    pid = add_place(db, bj(2026, 5, 10))
    for month in ("2026-06", "2026-07", "2026-08"):
        close(db, month)
    add_inspection(db, pid, "2026-09", bj(2026, 9, 5))
    hid = add_hazard(db, pid, bj(2026, 9, 5), dt.date(2026, 9, 8))
    assert recompute(db, pid, bj(2026, 9, 6)).colour == rules.YELLOW
    red = recompute(db, pid, bj(2026, 9, 12))
    assert red.colour == rules.RED and "2026-09-08 已过" in red.reasons[0]
    rectify(db, hid, bj(2026, 9, 13))
    green = recompute(db, pid, bj(2026, 9, 14))
    assert green.colour == rules.GREEN and green.period == "2026-09"
    kinds = {(kind, status) for kind, _, status in tasks_of(db, pid)}
    assert kinds == {(rules.COVERT, rules.TASK_OPEN), (rules.JOINT, rules.TASK_OPEN)}  # closed by the town only
    assert len(tasks_of(db, pid)) == 2


def test_month_end_runs_once_and_running_it_again_changes_nothing(db):
    red, green = add_place(db, bj(2026, 5, 10)), add_place(db, bj(2026, 5, 10))
    add_inspection(db, green, "2026-06", bj(2026, 6, 20))
    first = close(db, "2026-06")
    assert (first.ran, first.places, first.tasks_opened) == (True, 2, 1)
    assert first.colours == {rules.RED: 1, rules.GREEN: 1}

    def snapshot() -> tuple[Any, ...]:
        with db.read() as s:
            months = [(m.place_id, m.colour, m.reasons) for m in s.scalars(select(SiteMonth))]
            code_rows = [(c.place_id, c.colour, c.reasons) for c in s.scalars(select(SiteCode))]
            head = s.scalar(select(func.max(Change.seq)))
            return sorted(months), sorted(code_rows), head, s.scalar(select(func.count()).select_from(SiteTask))

    before = snapshot()
    again = close(db, "2026-06")
    assert (again.ran, again.places, again.tasks_opened) == (False, 2, 1)
    assert close(db, "2026-06", rerun=True).tasks_opened == 0
    assert snapshot() == before
    with db.read() as s:
        run = s.get(SiteMonthRun, "2026-06")
        assert run is not None and run.finished_at is not None and run.places == 2 and run.tasks_opened == 1
    assert history(db, green) == {"2026-06": rules.GREEN} and history(db, red) == {"2026-06": rules.RED}

    # Two server instances at once: the month's claim lets one of them run it.
    results: list[sitecode_codes.MonthEndResult] = []
    threads = [threading.Thread(target=lambda: results.append(close(db, "2026-07"))) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(r.ran for r in results) == [False, True]
    assert count(db, SiteMonth, SiteMonth.month == "2026-07") == 2


def test_month_end_refuses_a_month_not_yet_closed(db):
    with pytest.raises(ValueError, match="尚未截止"):
        sitecode_codes.month_end(db, "2026-08", bj(2026, 8, 31, 23))
    with pytest.raises(ValueError, match="YYYY-MM"):
        sitecode_codes.month_end(db, "2026-8")
    assert count(db, SiteMonthRun) == 0


def test_a_place_registered_mid_month_owes_from_the_next_month(db):
    pid = add_place(db, bj(2026, 10, 15))
    first = close(db, "2026-10")
    assert first.places == 0 and history(db, pid) == {}
    code = site_code(db, pid)
    assert code is not None and code.colour == rules.GREEN and code.period == "2026-11"
    assert tasks_of(db, pid) == []
    close(db, "2026-11")
    assert history(db, pid) == {"2026-11": rules.RED}
    assert [kind for kind, _, _ in tasks_of(db, pid)] == [rules.COVERT]
    # An inactive place is not closed nor escalated.
    gone = add_place(db, bj(2026, 5, 1), active=False)
    sitecode_codes.month_end(db, "2026-11", after_close("2026-11"), rerun=True)
    assert history(db, gone) == {} and tasks_of(db, gone) == []


def test_month_end_judges_every_place_as_the_rule_does(db):
    """The bulk month end shares one judgement among places alike: each place's codes must still
    be exactly what the rule gives for that place alone."""
    rng = random.Random(7)
    month, now = "2026-09", after_close("2026-09") + dt.timedelta(days=2, hours=5)
    made: list[str] = []
    for _ in range(150):
        created = bj(2026, rng.choice((4, 8, 9)), rng.randint(1, 28), rng.randint(0, 23))
        if rng.random() < 0.2:  # on a cut-off, to the microsecond, or just after it
            created = rules.cutoff(rng.choice(("2026-08", "2026-09")), TH) + rng.choice(
                (dt.timedelta(0), dt.timedelta(microseconds=1), dt.timedelta(minutes=30))
            )
        pid = add_place(db, created)
        made.append(pid)
        for m in ("2026-08", "2026-09", "2026-10"):
            if rng.random() < 0.6:
                day = rng.randint(1, 28)
                late = rng.random() < 0.2
                y, mo = int(m[:4]), int(m[5:]) + (1 if late else 0)
                when = bj(y, mo, min(day, 2), rng.randint(0, 23)) if late else bj(y, mo, day, rng.randint(0, 23))
                add_inspection(db, pid, m, when)
        if rng.random() < 0.3:
            found = bj(2026, 9, rng.randint(1, 28))
            hid = add_hazard(db, pid, found, rules.beijing_day(found) + dt.timedelta(days=rng.randint(0, 10)))
            if rng.random() < 0.5:
                rectify(db, hid, found + dt.timedelta(days=rng.randint(1, 20)))
    sitecode_codes.month_end(db, month, now)
    with db.read() as s:
        for pid in made:
            place = s.get(SitePlace, pid)
            assert place is not None
            facts = sitecode_codes.place_facts(s, place)
            closed = rules.month_code(facts, month, TH)
            row = s.get(SiteMonth, {"month": month, "place_id": pid})
            if closed is None:
                assert row is None
            else:
                assert row is not None and (row.colour, tuple(row.reasons)) == (closed.colour, closed.reasons)
            current = rules.code_at(facts, now, TH)
            held = s.get(SiteCode, pid)
            assert held is not None and (held.colour, tuple(held.reasons), held.period) == (
                current.colour,
                current.reasons,
                current.period,
            )


def test_conversion_by_committee_from_the_month_codes(db):
    pids = [add_place(db, bj(2026, 5, 10)) for _ in range(4)] + [add_place(db, bj(2026, 5, 10), "FH-001")]
    add_inspection(db, pids[0], "2026-06", bj(2026, 6, 3))  # green, then green: not counted
    add_inspection(db, pids[0], "2026-07", bj(2026, 7, 3))
    add_inspection(db, pids[1], "2026-07", bj(2026, 7, 3))  # red, then green
    add_inspection(db, pids[4], "2026-07", bj(2026, 7, 3))  # red, then green (another town)
    close(db, "2026-06")
    close(db, "2026-07")
    xt, fh = committee(db), committee(db, "FH-001")
    with db.read() as s:
        rates = sitecode_town.conversion_by_committee(s, "2026-07")
        assert (rates[xt.id].eligible, rates[xt.id].converted) == (3, 1)
        assert rates[fh.id].rate == 1.0
        assert set(sitecode_town.conversion_by_committee(s, "2026-07", xt.town_id)) == {xt.id}
        assert sitecode_town.conversion_by_committee(s, "2026-01") == {}


# ---------------------------------------------------------------- the same code at the desk and the district


def test_the_desk_and_the_district_give_the_same_code_from_the_same_facts(env, district, district_db):
    desk_client = enroll(district, "XT-001")
    now = dt.datetime.now(UTC)
    period = rules.period_of(now, TH)
    last = rules.add_months(period, -1)
    created = now - dt.timedelta(days=95)
    pid, iid, late_iid = str(uuid.uuid4()), str(uuid.uuid4()), str(uuid.uuid4())
    found = rules.cutoff(rules.add_months(period, -2), TH) - dt.timedelta(days=3)
    hazards = [
        (str(uuid.uuid4()), found, rules.beijing_day(found) + dt.timedelta(days=5), None),
        (str(uuid.uuid4()), found, rules.beijing_day(found) + dt.timedelta(days=2), found + dt.timedelta(days=6)),
    ]
    month_before = rules.add_months(period, -2)
    with env.desk.db.writer.begin() as s:
        committee_id = s.scalar(select(DeskCommittee.id))
        s.add(
            Place(
                id=pid,
                committee_id=committee_id,
                name="谢家塘便利店",
                category="shop",
                address="谢家塘村 3 组 12 号",
                grid="第一网格",
                created_at=created,
                updated_hlc="0",
            )
        )
        s.flush()
        for inspection_id, month, at in ((iid, month_before, found), (late_iid, last, now - dt.timedelta(hours=3))):
            s.add(
                Inspection(
                    id=inspection_id,
                    place_id=pid,
                    month=month,
                    completed_at=at,
                    scheme_version=1,
                    results={},
                    recorded_by="admin",
                    updated_hlc="0",
                )
            )
        s.flush()
        for hid, at, deadline, rectified_at in hazards:
            s.add(
                Hazard(
                    id=hid,
                    place_id=pid,
                    inspection_id=iid,
                    item_code="exits",
                    item_text="安全出口、疏散通道畅通，无堵塞锁闭",
                    found_at=at,
                    deadline=deadline,
                    status=rules.RECTIFIED if rectified_at else rules.OPEN,
                    rectified_at=rectified_at,
                    recorded_by="admin",
                    updated_hlc="0",
                )
            )
    ops = [
        place_op(desk_client, pid, created_at=created),
        inspection_op(desk_client, pid, month_before, found, iid),
        inspection_op(desk_client, pid, last, now - dt.timedelta(hours=3), late_iid),
    ]
    for hid, at, deadline, rectified_at in hazards:
        ops.append(hazard_op(desk_client, pid, iid, at, deadline, hid))
        if rectified_at is not None:
            ops.append(rectify_op(desk_client, hid, rectified_at))
    assert statuses(desk_client.push(ops)) == ["applied"] * len(ops)

    with env.desk.db.writer.begin() as s:
        place = s.get(Place, pid)
        assert place is not None
        at_desk = codes.facts_for(s, [place])[pid]
    with district_db.read() as s:
        site = s.get(SitePlace, pid)
        assert site is not None
        at_district = sitecode_codes.place_facts(s, site)
        held = s.get(SiteCode, pid)
    moments = [now, found + dt.timedelta(days=1), found + dt.timedelta(days=7), rules.cutoff(last, TH)]
    for moment in moments:
        assert rules.code_at(at_desk, moment, TH) == rules.code_at(at_district, moment, TH), moment
    for month in rules.months_between(rules.add_months(period, -4), last):
        assert rules.month_code(at_desk, month, TH) == rules.month_code(at_district, month, TH), month
    desk_now = rules.code_at(at_desk, now, TH)
    assert desk_now.colour == rules.RED  # the first hazard is overdue
    assert held is not None and held.colour == desk_now.colour and held.period == desk_now.period
    assert tuple(held.reasons) == desk_now.reasons
