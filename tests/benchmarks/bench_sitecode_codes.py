"""Site-code benchmarks at the district (一单一码): month end of 41,000 places with 267,000 hazard
records (≤ 1 s) and one place judged again after an inspection (≤ 20 ms). Run on demand, not in
the suite:

    python tests/benchmarks/bench_sitecode_codes.py [--places 41000] [--hazards 267000] [--runs 5]
    MEDIATION_DESK_TEST_PG_URL=postgresql://… python tests/benchmarks/bench_sitecode_codes.py   also PostgreSQL

A district of four towns and about 400 committees is loaded straight into the projection tables
(Core executemany): places registered over two years (a few in the month being closed), a year of
monthly self-inspections (most on time, a few late or missed), and hazards found over two years,
nearly all rectified long ago, some open, a few overdue. The three month ends before the measured
one are run first (their figures are shown), so the measured one reads real history and opens
tasks; it is then undone and run again for each sample. Printed beside each figure, measured in
the same run: the floor, a raw SELECT of the hazards month end reads (open, or rectified since the
month's cut-off)."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import create_engine, delete, func, insert, select, text
from sqlalchemy.exc import DBAPIError

from mediation_desk.core import hlc
from mediation_desk.core import sync_contract as contract
from mediation_desk.district import apply, migrate, sitecode_codes
from mediation_desk.district.db import Database
from mediation_desk.district.enrollment import DeviceScope
from mediation_desk.district.feed import FeedWriter
from mediation_desk.district.models import Change, Committee, Record, Town
from mediation_desk.district.rules import register_rules
from mediation_desk.district.sitecode_models import (
    SiteHazard,
    SiteInspection,
    SiteMonth,
    SiteMonthRun,
    SitePlace,
    SiteReasons,
    SiteTask,
)
from mediation_desk.sitecode import placard_code, rules

register_rules()  # as the server does at start-up
PG_ENV = "MEDIATION_DESK_TEST_PG_URL"
MONTH_END_MS, ONE_PLACE_MS = 1000, 20
TH = rules.DEFAULT_THRESHOLDS
CATEGORIES = ("enterprise", "shop", "rental", "hotel", "school", "restaurant", "warehouse")
ITEMS = ("灭火器配置齐全、在有效期内", "安全出口、疏散通道畅通，无堵塞锁闭", "电气线路无私拉乱接、无老化破损")


def _chunked(conn: Any, model: Any, rows: list[dict[str, Any]], size: int = 20_000) -> None:
    for k in range(0, len(rows), size):
        conn.execute(insert(model), rows[k : k + size])


def build(db: Database, places: int, hazards: int, month: str, seed: int = 41) -> dict[str, int]:
    """The district's towns, committees and projection rows, as of the close of `month`."""
    rng = random.Random(seed)
    now = dt.datetime.now(dt.UTC)
    close = rules.cutoff(month, TH)
    month_start = dt.datetime.combine(rules.first_day(month), dt.time(), rules.BEIJING)
    towns = [{"id": str(uuid.uuid4()), "name": f"第{n + 1}镇", "created_at": now} for n in range(4)]
    committees = [
        {
            "id": str(uuid.uuid4()),
            "code": f"C{n:04d}",
            "name": f"第{n + 1}村人民调解委员会",
            "town_id": towns[n % 4]["id"],
            "created_at": now,
        }
        for n in range(max(1, places // 102))
    ]
    place_rows, inspection_rows, hazard_rows = [], [], []
    months = rules.months_between(rules.add_months(month, -11), rules.add_months(month, 1))
    for n in range(places):
        c = committees[n % len(committees)]
        pid = str(uuid.uuid4())
        new = rng.random() < 0.02  # registered in the month being closed: owes from the next one
        created = month_start + dt.timedelta(days=rng.randint(1, 25)) if new else now - dt.timedelta(days=730)
        place_rows.append(
            {
                "id": pid,
                "committee_id": c["id"],
                "town_id": c["town_id"],
                "category": rng.choice(CATEGORIES),
                "grid": f"第{n % 7 + 1}网格",
                "created_at": created,
                "active": rng.random() > 0.01,
            }
        )
        diligent = rng.random() < 0.97
        for m in months:
            if m == months[-1] and rng.random() > 0.1:
                continue  # the month under way: a few done already
            if rng.random() > (0.97 if diligent else 0.6):
                continue
            first = dt.datetime.combine(rules.first_day(m), dt.time(9), rules.BEIJING)
            late = rng.random() < 0.03
            when = first + dt.timedelta(days=rng.randint(0, 26), hours=rng.randint(0, 9))
            if late:
                when = rules.cutoff(m, TH) + dt.timedelta(days=rng.randint(0, 3), hours=2)
            if when < now:
                inspection_rows.append({"id": str(uuid.uuid4()), "place_id": pid, "month": m, "completed_at": when})
    place_ids = [p["id"] for p in place_rows]
    for _ in range(hazards):
        found = close - dt.timedelta(days=rng.random() * 720)
        deadline = rules.beijing_day(found) + dt.timedelta(days=rng.randint(3, 30))
        recent = (close - found).days < 45
        open_ = rng.random() < (0.08 if recent else 0.001)
        rectified = None if open_ else found + dt.timedelta(days=rng.random() * 20)
        if rectified is not None and rectified > now:
            rectified = None
        hazard_rows.append(
            {
                "id": str(uuid.uuid4()),
                "place_id": rng.choice(place_ids),
                "item_text": rng.choice(ITEMS),
                "found_at": found,
                "deadline": deadline,
                "rectified_at": rectified,
            }
        )
    with db.write_engine.begin() as conn:
        _chunked(conn, Town, towns)
        _chunked(conn, Committee, committees)
        _chunked(conn, SitePlace, place_rows)
        _chunked(conn, SiteInspection, inspection_rows)
        _chunked(conn, SiteHazard, hazard_rows)
    with db.write_engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
        conn.commit()
    open_now = sum(1 for h in hazard_rows if h["rectified_at"] is None)
    return {"committees": len(committees), "inspections": len(inspection_rows), "open": open_now}


def timed(fn: Callable[[], object], runs: int, reset: Callable[[], None] | None = None) -> tuple[list[float], float]:
    """Wall milliseconds of each run (reset before each, untimed) and the median CPU ms."""
    walls, cpus = [], []
    for _ in range(runs):
        if reset is not None:
            reset()
        t, c = time.perf_counter(), time.process_time()
        fn()
        walls.append((time.perf_counter() - t) * 1000)
        cpus.append((time.process_time() - c) * 1000)
    return walls, statistics.median(cpus)


def raw_open_hazards(db: Database, since: dt.datetime) -> int:
    """The floor: the hazards month end must read, by a raw SELECT (no rule, no write)."""
    since_utc = since.astimezone(dt.UTC).replace(tzinfo=None)
    with db.read_engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT place_id, id, item_text, found_at, deadline, rectified_at FROM site_hazard "
                "WHERE rectified_at IS NULL OR rectified_at >= :since"
            ),
            {"since": since_utc},
        ).all()
    return len(rows)


CODES_BEFORE = "bench_site_code_before"  # site_code as it was before the measured month end


def keep_codes(db: Database) -> None:
    """Copy site_code aside, so that `undo` can put every current code back as it was."""
    with db.write() as s:
        s.execute(text(f"CREATE TABLE {CODES_BEFORE} AS SELECT * FROM site_code"))


def undo(db: Database, month: str, tasks: set[str], head: int, lists: int) -> None:
    """Back to the state before `month`'s close: its run, rows, tasks, feed entries and the lists
    of reasons it added removed, and every current code (site_code) as it was before, so that
    each sample writes what the real month end writes (not only the few a repeated run would find
    changed). PostgreSQL: the dead rows this leaves are vacuumed (as autovacuum would have in the
    month between two month ends) and the pages written back (a checkpoint, where the role may ask
    for one): otherwise each sample waits on the disk for the one before's writes."""
    with db.write() as s:
        s.execute(delete(SiteReasons).where(SiteReasons.id > lists))
        s.execute(delete(SiteMonthRun).where(SiteMonthRun.month == month))
        s.execute(delete(SiteMonth).where(SiteMonth.month == month))
        s.execute(delete(Change).where(Change.seq > head))
        new = [t for t in s.scalars(select(SiteTask.id)) if t not in tasks]
        for k in range(0, len(new), 900):
            s.execute(delete(SiteTask).where(SiteTask.id.in_(new[k : k + 900])))
            s.execute(delete(Record).where(Record.entity == rules.TASK, Record.entity_id.in_(new[k : k + 900])))
        s.execute(text("DELETE FROM site_code"))
        s.execute(text(f"INSERT INTO site_code SELECT * FROM {CODES_BEFORE}"))
    if db.dialect == "postgresql":
        with db.write_engine.connect() as conn:
            conn = conn.execution_options(isolation_level="AUTOCOMMIT")
            conn.exec_driver_sql("VACUUM ANALYZE site_code, site_month, site_task, record, change_feed, site_reasons")
            try:
                conn.exec_driver_sql("CHECKPOINT")
            except DBAPIError:
                pass  # a role without pg_checkpoint: the operating system writes them back in its time
    else:  # the log written back (a month later it would have been long since)
        raw = db.write_engine.raw_connection()
        try:
            raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            raw.close()
    os.sync()


def one_place(db: Database, runs: int) -> list[tuple[str, list[float], float, str]]:
    """A committee's desk pushes one inspection of a place (through `apply.push`, in-process): the
    op applied, projected, the place judged again, its change in the feed."""
    with db.read() as s:
        c = s.scalar(select(Committee).order_by(Committee.code).limit(1))
        town = s.get(Town, c.town_id)
        busy = s.scalar(
            select(SiteHazard.place_id).group_by(SiteHazard.place_id).order_by(func.count().desc()).limit(1)
        )
    device = DeviceScope(str(uuid.uuid4()), contract.SCOPE_COMMITTEE, c.town_id, town.name, c.id, c.code)
    clock = hlc.ZERO

    def op(entity: str, entity_id: str, payload: dict[str, Any]) -> dict[str, Any]:
        nonlocal clock
        clock = hlc.tick(clock, int(time.time() * 1000), "be0c4")
        return {
            "op_id": str(uuid.uuid4()),
            "hlc": clock.encode(),
            "entity": entity,
            "entity_id": entity_id,
            "kind": contract.CREATE,
            "payload": payload,
        }

    pid, now = str(uuid.uuid4()), dt.datetime.now(dt.UTC)
    place = {
        "name": "谢家塘便利店",
        "category": "shop",
        "address": "谢家塘村 3 组 12 号",
        "grid": "第一网格",
        "place_code": placard_code.place_code(pid),
        "has_credit_code": True,
        "created_at": (now - dt.timedelta(days=400)).isoformat(),
        "active": True,
    }
    assert apply.push(db, device, [op(rules.PLACE, pid, place)])[0].status == contract.APPLIED
    month = rules.period_of(now, TH)

    def push_inspection() -> None:
        payload = {"place_id": pid, "month": month, "completed_at": dt.datetime.now(dt.UTC).isoformat(), "items": 5}
        [result] = apply.push(db, device, [op(rules.INSPECTION, str(uuid.uuid4()), payload)])
        assert result.status == contract.APPLIED, result

    def recompute_busy() -> None:
        with db.write(feed=True) as s:
            site = s.get(SitePlace, busy)
            feed = FeedWriter(s)
            sitecode_codes.recompute_place(s, busy, dt.datetime.now(dt.UTC), feed, s.get(Committee, site.committee_id))
            feed.write()

    with db.read() as s:
        held = s.scalar(select(func.count()).select_from(SiteHazard).where(SiteHazard.place_id == busy))
    push_ms, push_cpu = timed(push_inspection, max(runs, 9))
    alone_ms, alone_cpu = timed(recompute_busy, max(runs, 9))
    return [
        ("push one inspection (apply + judge)", push_ms, push_cpu, f"≤ {ONE_PLACE_MS} ms"),
        (f"judge one place ({held} hazards)", alone_ms, alone_cpu, "own transaction"),
    ]


def measure(url: str, places: int, hazards: int, runs: int) -> list[tuple[str, list[float], float, str]]:
    db = Database(url)
    try:
        migrate.upgrade(db)
        now = dt.datetime.now(dt.UTC)
        month = sitecode_codes.last_closed_month(now, TH)
        t = time.perf_counter()
        info = build(db, places, hazards, month)
        print(
            f"  {db.dialect}: {places:,} places in {info['committees']} committees, {info['inspections']:,} "
            f"inspections, {hazards:,} hazards ({info['open']:,} open) loaded in {time.perf_counter() - t:.0f} s"
        )
        rows: list[tuple[str, list[float], float, str]] = []
        for earlier in (rules.add_months(month, -3), rules.add_months(month, -2), rules.add_months(month, -1)):
            at = rules.cutoff(earlier, TH) + dt.timedelta(hours=1)
            walls, cpu = timed(lambda e=earlier, a=at: sitecode_codes.month_end(db, e, a), 1)
            rows.append((f"month end {earlier} (history, once)", walls, cpu, ""))
        since = rules.cutoff(month, TH)
        floor, floor_cpu = timed(lambda: raw_open_hazards(db, since), runs)
        read = raw_open_hazards(db, since)
        rows.append(("raw SELECT open hazards (floor)", floor, floor_cpu, f"{read:,} rows"))
        with db.read() as s:
            tasks = set(s.scalars(select(SiteTask.id)))
            head = s.scalar(select(func.max(Change.seq))) or 0
            lists = s.scalar(select(func.max(SiteReasons.id))) or 0
        keep_codes(db)
        results: list[sitecode_codes.MonthEndResult] = []
        walls, cpu = timed(
            lambda: results.append(sitecode_codes.month_end(db, month, now)),
            runs,
            reset=lambda: undo(db, month, tasks, head, lists),
        )
        last = results[-1]
        assert all(r.ran for r in results) and len({(r.places, r.tasks_opened) for r in results}) == 1
        shown = ", ".join(f"{rules.COLOURS[k]} {v:,}" for k, v in sorted(last.colours.items()))
        rows.append(
            (
                f"month end {month} (median of {runs})",
                walls,
                cpu,
                f"{last.places:,} closed ({shown}); {last.tasks_opened} tasks; "
                f"{statistics.median(walls) / statistics.median(floor):.1f}× floor; ≤ {MONTH_END_MS} ms",
            )
        )
        again, again_cpu = timed(lambda: sitecode_codes.month_end(db, month, now), runs)
        rows.append(("month end again (claimed: answered)", again, again_cpu, ""))
        rows += one_place(db, runs)
        return rows
    finally:
        db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--places", type=int, default=41_000)
    parser.add_argument("--hazards", type=int, default=267_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    runs = max(args.runs, 5)
    load = ", ".join(f"{v:.1f}" for v in os.getloadavg())
    print(f"load average {load} on {os.cpu_count()} CPUs")
    table: list[tuple[str, str, list[float], float, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, rows in _targets(Path(tmp), args.places, args.hazards, runs):
            table += [(name, *row) for row in rows]
    print(f"\n{'database':<11} {'operation':<40} {'min ms':>8} {'median':>8} {'max ms':>8} {'cpu ms':>8}  notes")
    for name, label, walls, cpu, note in table:
        lo, mid, hi = min(walls), statistics.median(walls), max(walls)
        print(f"{name:<11} {label:<40} {lo:>8.1f} {mid:>8.1f} {hi:>8.1f} {cpu:>8.1f}  {note}")


def _targets(tmp: Path, places: int, hazards: int, runs: int):
    yield "sqlite", measure(f"sqlite:///{tmp / 'district.sqlite3'}", places, hazards, runs)
    base = os.environ.get(PG_ENV)
    if not base:
        return
    for prefix in ("postgresql://", "postgres://"):
        if base.startswith(prefix):
            base = "postgresql+psycopg://" + base[len(prefix) :]
    schema = f"district_bench_{uuid.uuid4().hex[:8]}"
    engine = create_engine(base, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        sep = "&" if "?" in base else "?"
        yield "postgresql", measure(f"{base}{sep}options=-csearch_path%3D{schema}", places, hazards, runs)
    finally:
        with engine.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        engine.dispose()


if __name__ == "__main__":
    main()
