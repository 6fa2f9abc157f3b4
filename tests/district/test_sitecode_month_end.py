"""A whole month end at the district (一单一码), compared with the straightforward computation:
every place judged alone by the rule (`rules.month_code`, `rules.code_at`) from its facts read
through the ORM, its history row and current code written through the ORM, its streak counted
from its history and its tasks opened through the feed writer. The month end reads in bulk,
shares the rule's answers between places alike and writes by the driver; it must leave exactly
the same history, current codes, tasks, task records and feed — on SQLite and PostgreSQL, for a
first run and for an administrator's rerun after new facts."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from typing import Any

import pytest
from district_helpers import new_id, setup_district
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from mediation_desk.district import migrate, sitecode_codes, sitecode_reasons, sitecode_scheme
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
from mediation_desk.sitecode import rules, scheme

register_rules()
TH = rules.DEFAULT_THRESHOLDS
MONTHS = ("2026-07", "2026-08", "2026-09", "2026-10", "2026-11")
# Items as a district may word them: quotes, a backslash, a tab and signs outside the BMP go into
# the reasons' JSON (stored once per list, by month end inside a JSON parameter) and back out.
ITEMS = ("灭火器配置齐全", "安全出口畅通", "电气线路无私拉乱接", '仓库"禁烟"标识', "配电箱\\门锁\t完好", "🧯 灭火毯")


@pytest.fixture
def db(district_database_url: str) -> Iterator[Database]:
    database = Database(district_database_url)
    migrate.upgrade(database)
    setup_district(database)
    try:
        yield database
    finally:
        database.dispose()


def bj(month: str, day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(int(month[:4]), int(month[5:]), day, hour, minute, tzinfo=rules.BEIJING)


def after_close(month: str) -> dt.datetime:
    return rules.cutoff(month, TH) + dt.timedelta(hours=1)


def fill(db: Database, rng: random.Random, places: int) -> list[str]:
    """Places of two committees registered at all sorts of moments (on a cut-off to the
    microsecond, in the month being closed, a few inactive), self-inspections on time, late or
    missing, hazards open, overdue or rectified around the cut-offs."""
    with db.read() as s:
        committees = list(s.scalars(select(Committee).order_by(Committee.code)))
    made: list[str] = []
    with db.write() as s:
        for n in range(places):
            c = committees[n % len(committees)]
            created = bj(
                rng.choice(("2026-05", "2026-06", "2026-08", "2026-10")), rng.randint(1, 28), rng.randint(0, 23)
            )
            if rng.random() < 0.15:
                created = rules.cutoff(rng.choice(MONTHS[:4]), TH) + rng.choice(
                    (dt.timedelta(0), dt.timedelta(microseconds=1), dt.timedelta(minutes=30), -dt.timedelta(hours=1))
                )
            pid = new_id()
            made.append(pid)
            s.add(
                SitePlace(
                    id=pid,
                    committee_id=c.id,
                    town_id=c.town_id,
                    category="shop",
                    grid=f"第{n % 3 + 1}网格",
                    created_at=created,
                    active=rng.random() > 0.05,
                )
            )
            diligent = rng.random() < 0.6
            for month in MONTHS:
                if rng.random() > (0.9 if diligent else 0.35):
                    continue
                late = rng.random() < 0.15
                when = rules.cutoff(month, TH) + dt.timedelta(hours=rng.randint(0, 60)) if late else None
                when = when or bj(month, rng.randint(1, 28), rng.randint(0, 23), rng.randint(0, 59))
                for _ in range(rng.choice((1, 1, 1, 2))):  # now and then two of a month
                    s.add(SiteInspection(id=new_id(), place_id=pid, month=month, completed_at=when))
                    when += dt.timedelta(days=rng.randint(0, 3), seconds=rng.randint(0, 9999))
            for _ in range(rng.choice((0, 0, 0, 1, 2))):
                found = bj(rng.choice(MONTHS), rng.randint(1, 28), rng.randint(0, 23))
                deadline = rules.beijing_day(found) + dt.timedelta(days=rng.randint(0, 25))
                rectified = found + dt.timedelta(days=rng.randint(1, 40)) if rng.random() < 0.5 else None
                s.add(
                    SiteHazard(
                        id=new_id(),
                        place_id=pid,
                        item_text=rng.choice(ITEMS),
                        found_at=found,
                        deadline=deadline,
                        rectified_at=rectified,
                    )
                )
    return made


def reference(s: Session, month: str, now: dt.datetime) -> sitecode_codes.MonthEndResult:
    """The month end computed plainly, place by place (module doc)."""
    th = sitecode_codes.thresholds(s)
    committees = {c.id: c for c in s.scalars(select(Committee))}
    s.execute(delete(SiteMonth).where(SiteMonth.month == month))
    s.flush()
    feed = FeedWriter(s)
    colours: dict[str, int] = {}
    due: list[tuple[rules.TaskDue, Committee]] = []
    closed_places = 0
    for place in list(s.scalars(select(SitePlace).order_by(SitePlace.id))):
        facts = sitecode_codes.place_facts(s, place)
        current = rules.code_at(facts, now, th)
        row = s.get(SiteCode, place.id)
        new = (current.colour, list(current.reasons), current.period)
        if row is None:
            s.add(
                SiteCode(
                    place_id=place.id,
                    colour=current.colour,
                    reasons_id=sitecode_reasons.id_of(s, current.reasons),
                    period=current.period,
                    computed_at=now,
                )
            )
        elif (row.colour, list(row.reasons), row.period) != new:
            row.colour, row.period, row.computed_at = current.colour, current.period, now
            row.reasons_id = sitecode_reasons.id_of(s, current.reasons)
        if not place.active:
            continue
        closed = rules.month_code(facts, month, th)
        if closed is not None:
            closed_places += 1
            colours[closed.colour] = colours.get(closed.colour, 0) + 1
            s.add(
                SiteMonth(
                    place_id=place.id,
                    month=month,
                    colour=closed.colour,
                    reasons_id=sitecode_reasons.id_of(s, closed.reasons),
                )
            )
        if current.colour != rules.RED and (closed is None or closed.colour != rules.RED):
            continue
        s.flush()
        held = set(
            s.scalars(select(SiteTask.kind).where(SiteTask.place_id == place.id, SiteTask.status == rules.TASK_OPEN))
        )
        streak = sitecode_codes.streak_of(s, place.id)
        for task in rules.tasks_due(place.id, current, streak, held, th):
            due.append((task, committees[place.committee_id]))
    s.flush()
    opened = sitecode_codes.open_tasks(s, feed, due, now)
    feed.write()
    return sitecode_codes.MonthEndResult(month, True, closed_places, opened, colours)


class Undone(Exception):
    """Raised to roll the reference's transaction back."""


def snapshot(s: Session, head: int) -> dict[str, Any]:
    """What a month end leaves: history, current codes, tasks, task records and the feed after
    `head` (clocks and wall times apart: they are the server's own at the moment of writing)."""
    records = s.scalars(select(Record).where(Record.entity == rules.TASK).order_by(Record.entity_id))
    changes = s.scalars(select(Change).where(Change.seq > head).order_by(Change.seq))
    return {
        "months": sorted((m.place_id, m.month, m.colour, tuple(m.reasons)) for m in s.scalars(select(SiteMonth))),
        "codes": sorted(
            (c.place_id, c.colour, tuple(c.reasons), c.period, c.computed_at) for c in s.scalars(select(SiteCode))
        ),
        "tasks": sorted(
            (t.id, t.place_id, t.committee_id, t.town_id, t.kind, t.month, t.status)
            for t in s.scalars(select(SiteTask))
        ),
        "records": [
            (
                *(r.entity_id, r.committee_id, r.town_id, r.case_id, r.status, r.escalate_to, r.data),
                *(sorted(r.clocks), set(r.clocks.values()) == {r.hlc}, r.origin_device),  # all at the record's clock
            )
            for r in records
        ],
        "feed": [
            (
                *(c.seq, c.entity, c.entity_id, c.committee_id, c.committee_code, c.town_id, c.town_visible),
                *(c.data, c.origin_device),
            )
            for c in changes
        ],
    }


def _reference_rolled_back(
    db: Database, month: str, now: dt.datetime, head: int
) -> tuple[sitecode_codes.MonthEndResult, dict[str, Any]]:
    """The reference's month end and what it leaves, in a transaction then rolled back."""
    try:
        with db.write(feed=True) as s:
            result = reference(s, month, now)
            s.flush()
            left = snapshot(s, head)
            raise Undone
    except Undone:
        return result, left
    raise AssertionError("not rolled back")


def compare(db: Database, month: str, now: dt.datetime, *, rerun: bool = False) -> sitecode_codes.MonthEndResult:
    with db.read() as s:
        head = s.scalar(select(func.max(Change.seq))) or 0
    plain, expected = _reference_rolled_back(db, month, now, head)
    result = sitecode_codes.month_end(db, month, now, rerun=rerun)
    with db.read() as s:
        got = snapshot(s, head)
    for part in ("months", "codes", "tasks", "records", "feed"):
        assert got[part] == expected[part], part
    assert result.ran and (result.places, result.colours) == (plain.places, plain.colours)
    assert result.tasks_opened == plain.tasks_opened
    return result


def test_a_whole_month_end_is_the_straightforward_computation(db):
    rng = random.Random(13)
    made = fill(db, rng, 160)
    # Red three months in a row (its tasks closed by the town since), its month on time, and then
    # a hazard overdue: red now, though the month closed green (no joint enforcement: no streak).
    lapsed = fill(db, random.Random(1), 1)[0]
    with db.write() as s:
        place = s.get(SitePlace, lapsed)
        assert place is not None
        place.created_at, place.active = bj("2026-05", 10, 9), True
        s.execute(delete(SiteInspection).where(SiteInspection.place_id == lapsed))
        s.execute(delete(SiteHazard).where(SiteHazard.place_id == lapsed))
        s.add(SiteInspection(id=new_id(), place_id=lapsed, month=MONTHS[3], completed_at=bj(MONTHS[3], 5, 9)))
        found = bj(MONTHS[4], 1, 9)
        s.add(SiteHazard(id=new_id(), place_id=lapsed, item_text=ITEMS[0], found_at=found, deadline=found.date()))
    # History first: three months closed (red streaks, tasks held open), a few places judged in
    # between by the one-place path (their codes written through the ORM), one task closed.
    for month in MONTHS[:3]:
        compare(db, month, after_close(month) + dt.timedelta(hours=rng.randint(0, 30)))
    with db.write(feed=True) as s:
        feed = FeedWriter(s)
        for pid in rng.sample(made, 25):
            place = s.get(SitePlace, pid)
            assert place is not None
            at = after_close(MONTHS[3]) - dt.timedelta(days=rng.randint(1, 20))
            sitecode_codes.recompute_place(s, pid, at, feed, s.get(Committee, place.committee_id))
        feed.write()
        task = s.scalar(select(SiteTask).order_by(SiteTask.id).limit(1))
        assert task is not None
        task.status = rules.TASK_DONE
        lapsed_tasks = list(s.scalars(select(SiteTask).where(SiteTask.place_id == lapsed)))
        assert {t.kind for t in lapsed_tasks} == {rules.COVERT, rules.JOINT}
        for task in lapsed_tasks:
            task.status = rules.TASK_DONE
    now = after_close(MONTHS[3]) + dt.timedelta(days=2, hours=5)
    result = compare(db, MONTHS[3], now)
    assert result.tasks_opened > 0 and len(result.colours) == 3
    # New facts after the close, then an administrator's rerun: the same as judging afresh.
    fill(db, rng, 20)
    with db.write() as s:
        for pid in rng.sample(made, 20):
            s.add(SiteInspection(id=new_id(), place_id=pid, month=MONTHS[3], completed_at=now - dt.timedelta(hours=3)))
    compare(db, MONTHS[3], now + dt.timedelta(hours=2), rerun=True)
    with db.read() as s:
        run = s.get(SiteMonthRun, MONTHS[3])
        assert run is not None and run.finished_at is not None


def test_a_scheme_closing_months_on_the_25th_at_18_00_is_judged_as_the_rule_says(db):
    """Cut-offs inside the month: a place registered on the 26th owes from the month after next,
    one registered by 18:00 on the 25th from the next (the database's sorting into situations
    must tell them apart as the rule does)."""
    wire = scheme.scheme_to_wire(scheme.DEFAULT_SCHEME)
    wire["version"] = scheme.DEFAULT_SCHEME.version + 1
    wire["thresholds"] = {**wire["thresholds"], "cutoff_day": 25, "cutoff_hour": 18}
    sitecode_scheme.set_scheme(db, wire, actor="区管理员", reason="截止日改为每月 25 日 18 时")
    th = rules.Thresholds(cutoff_day=25, cutoff_hour=18)
    rng = random.Random(5)
    made = fill(db, rng, 80)
    with db.write() as s:  # registered around the new cut-offs, to the microsecond
        for k, pid in enumerate(made[:24]):
            place = s.get(SitePlace, pid)
            assert place is not None
            edge = rules.cutoff(MONTHS[k % 4], th)
            place.created_at = edge + (dt.timedelta(0), dt.timedelta(microseconds=1), -dt.timedelta(hours=2))[k % 3]
    for month in MONTHS[:4]:
        result = compare(db, month, rules.cutoff(month, th) + dt.timedelta(hours=rng.randint(1, 40)))
        assert result.ran
