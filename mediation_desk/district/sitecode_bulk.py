"""The bulk reads of the site codes' month end (sitecode_codes.py), in the database driver's own
terms (its writes: sitecode_writes.py).

Month end reads every place and two months of inspections (some 80,000 rows) and writes two rows
per place; through the ORM's per-value type handling that alone would take seconds. Here the rows
go to the driver's `executemany` as plain tuples — moments as the column type stores them (UTC,
without zone), JSON as text — and come back as the driver gives them, turned into aware UTC
moments in one pass. Both dialects' SQL is spelled out; the tables are those of revision 0004."""

from __future__ import annotations

import bisect
import datetime as dt
import json
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from mediation_desk.sitecode import rules

# A place's earliest inspection of each month read: month -> (completed at as text, "YYYY-MM-DD
# HH:MM:SS.ffffff" in UTC; its Beijing day as a number; how many of the marks read it is at or after).
Done = dict[str, tuple[str, int, int]]
# A place's inspections as the rule sees them: (month, Beijing day, marks passed) of each month read.
Sig = tuple[tuple[str, int, int], ...]
# id, committee, town, created at (as the driver gives it), active; its current code's colour,
# reasons (JSON text) and period, or None.
PlaceRow = tuple[str, str, str, Any, bool, str | None, str | None, str | None]
MonthRow = tuple[str, str, str, str, str, str]  # place, month, committee, town, colour, reasons (JSON)
CodeRow = tuple[str, str, str, str, str, str]  # place, committee, town, colour, reasons (JSON), period
BATCH = 5000
# SQLite's page cache for the month end's connection (64 MB): its writes touch the pages of the
# history tables all over, which the default 2 MB keeps reading back from the OS.
_SQLITE_CACHE_KIB = 65536


def utc(value: Any) -> dt.datetime:
    """A moment as the driver returns it (SQLite: text; PostgreSQL: a naive datetime), in UTC."""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


def dialect_of(s: Session) -> str:
    return s.get_bind().dialect.name


def prepare(s: Session) -> None:
    if dialect_of(s) == "sqlite":
        s.connection().exec_driver_sql(f"PRAGMA cache_size=-{_SQLITE_CACHE_KIB}")


def fetch(s: Session, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    """Rows straight from the driver's cursor, in this session's transaction."""
    if dialect_of(s) != "sqlite":
        sql = sql.replace("?", "%s")
    cursor = s.connection().connection.cursor()
    try:
        cursor.execute(sql, tuple(params))
        return list(cursor.fetchall())
    finally:
        cursor.close()


def places(s: Session, period: str) -> list[PlaceRow]:
    """Every place with its current code (colour, reasons as JSON text, period; None if it has
    none yet); the registration moment as the driver gives it (`utc` reads it: month end needs
    only its hour for most places, see `hour_of`). The reasons are read only of codes of `period`
    (None for the others: a code of another period differs anyway)."""
    sqlite = dialect_of(s) == "sqlite"
    reasons = "c.reasons" if sqlite else "c.reasons::text"
    created = "p.created_at" if sqlite else f"to_char(p.created_at, '{_PG_TEXT}')"  # text: `hour_of` slices it
    rows = fetch(
        s,
        f"SELECT p.id, p.committee_id, p.town_id, {created}, p.active, c.colour, "
        f"CASE WHEN c.period = ? THEN {reasons} END, c.period "
        "FROM site_place p LEFT JOIN site_code c ON c.place_id = p.id" + (" ORDER BY p.id" if sqlite else ""),
        # SQLite: in the order site_code keeps its rows (WITHOUT ROWID), which month end updates.
        (period,),
    )
    return [(*row[:4], bool(row[4]), *row[5:]) for row in rows]


_PG_TEXT = "YYYY-MM-DD HH24:MI:SS.US"  # a moment as SQLite holds it (fixed width, so text compares in order)


def hour_of(value: Any) -> tuple[Any, bool]:
    """A moment as the driver gives it: its hour (UTC) and whether it is the hour's first instant."""
    if isinstance(value, str):  # SQLite: "YYYY-MM-DD HH:MM:SS[.ffffff]"
        return value[:13], value[13:19] == ":00:00" and not value[20:].strip("0")
    moment = utc(value)
    hour = moment.replace(minute=0, second=0, microsecond=0)
    return hour, hour == moment


def inspections(
    s: Session, months: Sequence[str], marks: Sequence[dt.datetime]
) -> tuple[dict[str, Done], dict[str, Sig]]:
    """The earliest inspection of each of `months`, by place (the rule reads only the earliest
    one done before its moment: it is the earliest of all, or there is none). Read in the order
    of the covering index ix_site_inspection_month, so a place's month comes earliest first. Each
    is given as fixed-width UTC text (it compares as the moments do), its Beijing day (Beijing
    keeps +8 all year: the day follows from the UTC hour) and how many of `marks` (sorted) it is
    at or after — all a code judged at one of the marks, with its cut-offs among them, reads."""
    qs = ", ".join("?" for _ in months)
    at = "completed_at" if dialect_of(s) == "sqlite" else f"to_char(completed_at, '{_PG_TEXT}')"
    sql = (
        f"SELECT place_id, month, {at} FROM site_inspection WHERE month IN ({qs}) "
        "ORDER BY month, place_id, completed_at"
    )
    texts = sorted(_text(m) for m in marks)
    days: dict[str, int] = {}
    done: dict[str, Done] = {}
    sigs: dict[str, Sig] = {}
    for place_id, month, raw in fetch(s, sql, months):
        found = done.get(place_id)
        if found is None:
            found = done[place_id] = {}
        elif month in found:
            continue  # a later one of the same month
        if len(raw) != 26:  # SQLAlchemy writes microseconds always; anything else, normalised
            raw = utc(raw).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")
        day = days.get(raw[:13])
        if day is None:
            hour = dt.datetime.fromisoformat(raw[:13] + ":00").replace(tzinfo=dt.UTC)
            day = days[raw[:13]] = (int(hour.timestamp()) + 8 * 3600) // 86400
        entry = found[month] = (raw, day, bisect.bisect_right(texts, raw))
        sigs[place_id] = (*sigs.get(place_id, ()), (month, *entry[1:]))
    return done, sigs


def _text(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def mark_index(marks: Sequence[dt.datetime], moment: dt.datetime) -> int:
    """The count (as `inspections` gives it) from which an inspection is at or after `moment`."""
    return bisect.bisect_right(sorted(_text(m) for m in marks), _text(moment))


def hazards(s: Session, since: dt.datetime) -> dict[str, list[rules.HazardFact]]:
    """The hazards not rectified before `since` (open, or rectified lately: a few of the many), by place."""
    sql = (
        "SELECT place_id, id, item_text, found_at, deadline, rectified_at FROM site_hazard "
        "WHERE rectified_at IS NULL OR rectified_at >= ?"
    )
    found: dict[str, list[rules.HazardFact]] = defaultdict(list)
    for place_id, hazard_id, item, found_at, deadline, rectified_at in fetch(s, sql, (db_moment(s, since),)):
        day = dt.date.fromisoformat(deadline) if isinstance(deadline, str) else deadline
        rectified = None if rectified_at is None else utc(rectified_at)
        found[place_id].append(rules.HazardFact(hazard_id, item, utc(found_at), day, rectified))
    return found


def red_runs(s: Session, place_ids: Sequence[str], before: str, ending: str | None = None) -> dict[str, int]:
    """By place: how many months in a row closed red, ending with `ending` (the row must reach
    it) or, without `ending`, with the place's last closed month before `before` — as
    `rules.red_streak` counts the place's whole history. The history is keyed month first
    (SiteMonth), so it is read a window of months at a time, newest first, each window one
    query, until every place's row has ended (few places: those red now)."""
    runs: dict[str, int] = {}
    if not place_ids:
        return runs
    earliest, latest = fetch(s, "SELECT min(month), max(month) FROM site_month")[0]
    if earliest is None:
        return dict.fromkeys(place_ids, 0)
    # A place still read back: the month its row needs next (None: its last closed month not found yet).
    expected: dict[str, str | None] = dict.fromkeys(place_ids, ending)
    upper = min(before, rules.add_months(latest, 1)) if ending is None else rules.add_months(ending, 1)
    while expected and upper > earliest:
        window = [rules.add_months(upper, -k) for k in range(1, _WINDOW + 1)]
        qs = ", ".join("?" for _ in window)
        sql = f"SELECT place_id, month, colour FROM site_month WHERE month IN ({qs}) AND place_id {_in_list(s)}"
        closed: dict[str, dict[str, str]] = defaultdict(dict)
        for place_id, month, colour in fetch(s, sql, (*window, _id_list(s, list(expected)))):
            closed[place_id][month] = colour
        for place_id in list(expected):
            months = closed.get(place_id, {})
            want = expected[place_id]
            if want is None:
                if not months:
                    continue  # its last closed month is older still
                want = max(months)
            while want in months and months[want] == rules.RED:
                runs[place_id] = runs.get(place_id, 0) + 1
                want = rules.add_months(want, -1)
            if want >= window[-1]:
                del expected[place_id]  # its row ended inside the window (a month not red, or missing)
            else:
                expected[place_id] = want  # red back to the window's first month: read on
        upper = window[-1]
    return {p: runs.get(p, 0) for p in place_ids}


_WINDOW = 12  # months read back per query


def open_kinds(s: Session, place_ids: Sequence[str]) -> dict[str, set[str]]:
    """The kinds of task each place holds open (one query)."""
    sql = f"SELECT place_id, kind FROM site_task WHERE place_id {_in_list(s)} AND status = ?"
    found: dict[str, set[str]] = defaultdict(set)
    for place_id, kind in fetch(s, sql, (_id_list(s, place_ids), rules.TASK_OPEN)):
        found[place_id].add(kind)
    return found


def held_tasks(s: Session, task_ids: Sequence[str]) -> set[str]:
    """Which of the tasks exist already (one query)."""
    return {t for (t,) in fetch(s, f"SELECT id FROM site_task WHERE id {_in_list(s)}", (_id_list(s, task_ids),))}


def _in_list(s: Session) -> str:
    """`IN` a list given as one parameter (SQLite: a JSON array; PostgreSQL: an array)."""
    return "IN (SELECT value FROM json_each(?))" if dialect_of(s) == "sqlite" else "= ANY(?)"


def _id_list(s: Session, ids: Sequence[str]) -> Any:
    return json.dumps(list(ids)) if dialect_of(s) == "sqlite" else list(ids)


def reasons_text(reasons: Sequence[str]) -> str:
    return json.dumps(list(reasons), ensure_ascii=False)


def db_moment(s: Session, moment: dt.datetime) -> Any:
    naive = moment.astimezone(dt.UTC).replace(tzinfo=None)
    # As SQLAlchemy's SQLite DATETIME stores it (always with microseconds: text compares in order).
    return naive.strftime("%Y-%m-%d %H:%M:%S.%f") if dialect_of(s) == "sqlite" else naive
