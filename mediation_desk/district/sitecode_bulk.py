"""The bulk reads and writes of the site codes' month end (sitecode_codes.py), in the database
driver's own terms.

Month end reads every place and two months of inspections (some 80,000 rows) and writes two rows
per place; through the ORM's per-value type handling that alone would take seconds. Here the rows
go to the driver's `executemany` as plain tuples — moments as the column type stores them (UTC,
without zone), JSON as text — and come back as the driver gives them, turned into aware UTC
moments in one pass. Both dialects' SQL is spelled out; the tables are those of revision 0004."""

from __future__ import annotations

import bisect
import datetime as dt
import json
import queue
import threading
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


def _dialect(s: Session) -> str:
    return s.get_bind().dialect.name


def prepare(s: Session) -> None:
    if _dialect(s) == "sqlite":
        s.connection().exec_driver_sql(f"PRAGMA cache_size=-{_SQLITE_CACHE_KIB}")


def _fetch(s: Session, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    """Rows straight from the driver's cursor, in this session's transaction."""
    if _dialect(s) != "sqlite":
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
    sqlite = _dialect(s) == "sqlite"
    reasons = "c.reasons" if sqlite else "c.reasons::text"
    created = "p.created_at" if sqlite else f"to_char(p.created_at, '{_PG_TEXT}')"  # text: `hour_of` slices it
    rows = _fetch(
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
    at = "completed_at" if _dialect(s) == "sqlite" else f"to_char(completed_at, '{_PG_TEXT}')"
    sql = (
        f"SELECT place_id, month, {at} FROM site_inspection WHERE month IN ({qs}) "
        "ORDER BY month, place_id, completed_at"
    )
    texts = sorted(_text(m) for m in marks)
    days: dict[str, int] = {}
    done: dict[str, Done] = {}
    sigs: dict[str, Sig] = {}
    for place_id, month, raw in _fetch(s, sql, months):
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
    for place_id, hazard_id, item, found_at, deadline, rectified_at in _fetch(s, sql, (_moment(s, since),)):
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
    earliest, latest = _fetch(s, "SELECT min(month), max(month) FROM site_month")[0]
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
        for place_id, month, colour in _fetch(s, sql, (*window, _id_list(s, list(expected)))):
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
    for place_id, kind in _fetch(s, sql, (_id_list(s, place_ids), rules.TASK_OPEN)):
        found[place_id].add(kind)
    return found


def held_tasks(s: Session, task_ids: Sequence[str]) -> set[str]:
    """Which of the tasks exist already (one query)."""
    return {t for (t,) in _fetch(s, f"SELECT id FROM site_task WHERE id {_in_list(s)}", (_id_list(s, task_ids),))}


def _in_list(s: Session) -> str:
    """`IN` a list given as one parameter (SQLite: a JSON array; PostgreSQL: an array)."""
    return "IN (SELECT value FROM json_each(?))" if _dialect(s) == "sqlite" else "= ANY(?)"


def _id_list(s: Session, ids: Sequence[str]) -> Any:
    return json.dumps(list(ids)) if _dialect(s) == "sqlite" else list(ids)


def reasons_text(reasons: Sequence[str]) -> str:
    return json.dumps(list(reasons), ensure_ascii=False)


def _moment(s: Session, moment: dt.datetime) -> Any:
    naive = moment.astimezone(dt.UTC).replace(tzinfo=None)
    # As SQLAlchemy's SQLite DATETIME stores it (always with microseconds: text compares in order).
    return naive.strftime("%Y-%m-%d %H:%M:%S.%f") if _dialect(s) == "sqlite" else naive


def _executemany(s: Session, sql: str, rows: Sequence[tuple[Any, ...]]) -> None:
    conn = s.connection()
    for k in range(0, len(rows), BATCH):
        conn.exec_driver_sql(sql, list(rows[k : k + BATCH]))


class RowWriter:
    """The month's codes and the changed current codes written while month end still judges:
    rows handed over in batches go to the database from a thread of their own, on this session's
    connection (its transaction; the month end itself touches the connection only after `close`).
    The drivers let other threads run while the database works (SQLite's step, PostgreSQL's
    server and COPY), so the writing overlaps the judging. `close` waits for the last batch and
    raises what failed; the caller's transaction then rolls back as for any error.

    History: the month's rows deleted first (a rerun), then inserted plainly (PostgreSQL: COPY).
    Current codes: `changed` rows of places that have one (colour, reasons, period and when
    computed set), `fresh` rows of places without (inserted; updated should one have come). A
    place whose code is unchanged is not written (it keeps its computed_at)."""

    def __init__(self, s: Session, month: str, computed_at: dt.datetime) -> None:
        self.sqlite = _dialect(s) == "sqlite"
        self.at = _moment(s, computed_at)
        self._driver: Any = s.connection().connection.dbapi_connection  # the driver's own
        delete = "DELETE FROM site_month WHERE month = ?"
        s.connection().exec_driver_sql(delete if self.sqlite else delete.replace("?", "%s"), (month,))
        if not self.sqlite:
            s.connection().exec_driver_sql(
                "CREATE TEMPORARY TABLE IF NOT EXISTS site_code_new "
                "(place_id text PRIMARY KEY, colour text, reasons jsonb, period text) ON COMMIT DELETE ROWS"
            )
        self._queue: queue.SimpleQueue[tuple[str, list[tuple[Any, ...]]] | None] = queue.SimpleQueue()
        self._failed: BaseException | None = None
        self._changed = False
        self._thread = threading.Thread(target=self._run, name="sitecode-month-end-writer", daemon=True)
        self._thread.start()

    def months(self, rows: list[MonthRow]) -> None:
        if rows:
            self._queue.put(("months", rows))

    def changed(self, rows: list[CodeRow]) -> None:
        if rows:
            self._changed = True
            self._queue.put(("changed", rows))

    def stop(self) -> None:
        """No more batches: the thread ends once the ones handed over are written."""
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()

    def close(self, fresh: Sequence[CodeRow]) -> None:
        """After the last batch: the changed codes applied (PostgreSQL), the fresh ones written."""
        self.stop()
        if self._failed is not None:
            raise self._failed
        cursor = self._driver.cursor()
        try:
            if self._changed and not self.sqlite:
                cursor.execute(
                    "UPDATE site_code c SET colour = n.colour, reasons = n.reasons, period = n.period, "
                    "computed_at = %s FROM site_code_new n WHERE c.place_id = n.place_id",
                    (self.at,),
                )
            if fresh:
                sql = _UPSERT if self.sqlite else _UPSERT.replace("?", "%s")
                cursor.executemany(sql, [(*r, self.at) for r in fresh])
        finally:
            cursor.close()

    def _run(self) -> None:
        cursor = self._driver.cursor()
        try:
            while (item := self._queue.get()) is not None:
                if self._failed is None:
                    self._write(cursor, *item)
        except BaseException as exc:  # noqa: BLE001 - handed to the month end's thread by close()
            self._failed = exc
            while self._queue.get() is not None:
                pass
        finally:
            cursor.close()

    def _write(self, cursor: Any, kind: str, rows: list[tuple[Any, ...]]) -> None:
        if kind == "months":
            if self.sqlite:
                cursor.executemany(f"INSERT INTO {_MONTH_COLUMNS} VALUES (?, ?, ?, ?, ?, ?)", rows)
            else:
                _copy_rows(cursor, _MONTH_COLUMNS, rows)
        elif self.sqlite:
            sql = "UPDATE site_code SET colour = ?, reasons = ?, period = ?, computed_at = ? WHERE place_id = ?"
            cursor.executemany(sql, [(r[3], r[4], r[5], self.at, r[0]) for r in rows])
        else:  # into the temporary table, applied by one UPDATE joining it (close): far cheaper per row
            _copy_rows(cursor, "site_code_new (place_id, colour, reasons, period)", [(r[0], *r[3:]) for r in rows])


_MONTH_COLUMNS = "site_month (place_id, month, committee_id, town_id, colour, reasons)"
_UPSERT = (
    "INSERT INTO site_code (place_id, committee_id, town_id, colour, reasons, period, computed_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (place_id) DO UPDATE SET colour = excluded.colour, "
    "reasons = excluded.reasons, period = excluded.period, computed_at = excluded.computed_at"
)


def _copy(s: Session, into: str, rows: Sequence[tuple[Any, ...]]) -> None:
    cursor = s.connection().connection.cursor()
    try:
        _copy_rows(cursor, into, rows)
    finally:
        cursor.close()


def _copy_rows(cursor: Any, into: str, rows: Sequence[tuple[Any, ...]]) -> None:
    """PostgreSQL: the rows by COPY (text format; the server reads each column's type)."""
    with cursor.copy(f"COPY {into} FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


# One task to open: its site_task row's values, its committee's code, the record's data (the same
# in its change) and the district's clock it is opened with.
TaskRow = tuple[str, str, str, str, str, str, str, dict[str, Any], str]  # id, place, kind, month,
# committee, town, committee code, data, clock


def write_tasks(s: Session, tasks: Sequence[TaskRow], at: dt.datetime) -> None:
    """Month end's tasks opened: each one's site_task row, its `record` (status open) and its
    change in the committee's feed (the town sees it: town_visible), by the driver in bulk
    (PostgreSQL: COPY). The changes are numbered as `feed.FeedWriter` numbers them — from
    `max(seq) + 1`, read here — so the caller must hold the feed lock (`Database.write(feed=True)`)
    and append nothing else to the feed in this transaction: the numbers are then gap-free and in
    commit order. JSON as the ORM writes it (`json.dumps`)."""
    if not tasks:
        return
    sqlite = _dialect(s) == "sqlite"
    (head,) = _fetch(s, "SELECT max(seq) FROM change_feed")[0]
    seq = (head or 0) + 1
    moment = _moment(s, at)
    visible: Any = 1 if sqlite else True
    task_rows, record_rows, change_rows = [], [], []
    for task_id, place_id, kind, month, committee_id, town_id, committee_code, data, clock in tasks:
        data_text = json.dumps(data)
        task_rows.append((task_id, place_id, committee_id, town_id, kind, month, rules.TASK_OPEN))
        record_rows.append(
            (
                *(rules.TASK, task_id, committee_id, town_id, None, rules.TASK_OPEN, None, data_text),
                *(json.dumps(dict.fromkeys(data, clock)), clock, None, moment, moment),
            )
        )
        change_rows.append(
            (seq, rules.TASK, task_id, committee_id, committee_code, town_id, visible, clock, data_text, None, moment)
        )
        seq += 1
    tables = (
        ("site_task (id, place_id, committee_id, town_id, kind, month, status)", task_rows),
        (
            "record (entity, entity_id, committee_id, town_id, case_id, status, escalate_to, data, clocks, hlc, "
            "origin_device, created_at, updated_at)",
            record_rows,
        ),
        (
            "change_feed (seq, entity, entity_id, committee_id, committee_code, town_id, town_visible, hlc, data, "
            "origin_device, created_at)",
            change_rows,
        ),
    )
    for into, rows in tables:
        if sqlite:
            marks = ", ".join("?" for _ in rows[0])
            _executemany(s, f"INSERT INTO {into} VALUES ({marks})", rows)
        else:
            _copy(s, into, rows)
