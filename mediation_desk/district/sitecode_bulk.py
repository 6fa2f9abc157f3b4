"""The bulk reads of the site codes' month end (sitecode_codes.py), in the database driver's own
terms (its places by situation: sitecode_situations.py; its tasks: sitecode_writes.py).

Rows come straight from the driver's cursor, as plain tuples, the moments as the driver gives
them (SQLite: text; PostgreSQL: naive datetimes), turned into aware UTC moments where they are
needed; values go in as the columns store them (`db_moment`). Both dialects' SQL is spelled out."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, Future
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from mediation_desk.district.db import Database
from mediation_desk.sitecode import rules

T = TypeVar("T")

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
    else:
        # Month end's statements each touch every place once: compiling them (JIT, worth it for
        # queries that run for seconds) took longer than running them.
        s.connection().exec_driver_sql("SET LOCAL jit = off")
        s.connection().exec_driver_sql("SET LOCAL work_mem = '64MB'")  # its sorts of every place, in memory


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


# A statement whose answer nobody reads: its SQL (with ? marks) and parameters.
Send = Callable[[str, Sequence[Any]], None]


@contextmanager
def sent_ahead(s: Session) -> Iterator[Send]:
    """Statements whose answers nobody reads, sent as they come. PostgreSQL: in pipeline mode —
    the server runs them while the Python of the block goes on (the two cores busy at once instead
    of each waiting for the other), and leaving the block waits for all of them, raising the first
    one's error. SQLite (in this process): each runs as it is sent. Nothing may be read from the
    database inside the block."""
    if dialect_of(s) == "sqlite":
        conn = s.connection()

        def run(sql: str, params: Sequence[Any] = ()) -> None:
            conn.exec_driver_sql(sql, tuple(params))

        yield run
        return
    pg = s.connection().connection.driver_connection  # psycopg's, in the session's transaction
    assert pg is not None
    driver_error = s.get_bind().dialect.loaded_dbapi.Error

    def send(sql: str, params: Sequence[Any] = ()) -> None:
        pg.execute(sql.replace("?", "%s"), tuple(params))

    try:
        with pg.pipeline():
            yield send
    except driver_error as err:  # as SQLAlchemy raises the driver's errors everywhere else
        raise DBAPIError.instance(None, None, err, driver_error) from err


def json_rows(sqlite: bool) -> str:
    """The rows of a JSON array of arrays given as one parameter, each as `value` (its items by
    `value->>k` on PostgreSQL, `json_extract(value, '$[k]')` on SQLite): thousands of rows in one
    statement that can be sent ahead."""
    return "json_each(?)" if sqlite else "jsonb_array_elements(CAST(? AS jsonb))"  # json: parsed again per item


def json_item(k: int, sqlite: bool) -> str:
    """Item `k` of a row of `json_rows`, as text (JSON null: NULL)."""
    return f"json_extract(value, '$[{k}]')" if sqlite else f"value->>{k}"


def read_beside(pool: Executor, db: Database | None, s: Session, read: Callable[[Session], T]) -> Future[T]:
    """`read` on a connection of its own while this session's transaction goes on — PostgreSQL
    with `db`: for reads of what is committed that this transaction has not changed (the server
    answers them on its other core). Else in this session, now."""
    if db is None or dialect_of(s) == "sqlite":
        done: Future[T] = Future()
        done.set_result(read(s))
        return done

    def beside() -> T:
        with db.read() as other:
            prepare(other)  # month end's settings there too
            return read(other)

    return pool.submit(beside)


def copy_rows(s: Session, into: str, rows: Sequence[tuple[Any, ...]]) -> None:
    """PostgreSQL: rows into a table by COPY (text format; the server reads each column's type)."""
    cursor = s.connection().connection.cursor()
    try:
        with cursor.copy(f"COPY {into} FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    finally:
        cursor.close()


def hazard_rows(s: Session, since: dt.datetime) -> list[tuple[Any, ...]]:
    """The hazards not rectified before `since` (open, or rectified lately: a few of the many), as
    the driver gives them (`hazards_by_place` makes them facts)."""
    sql = (
        "SELECT place_id, id, item_text, found_at, deadline, rectified_at FROM site_hazard "
        "WHERE rectified_at IS NULL OR rectified_at >= ?"
    )
    return fetch(s, sql, (db_moment(s, since),))


def hazards_by_place(rows: Sequence[tuple[Any, ...]]) -> dict[str, list[rules.HazardFact]]:
    found: dict[str, list[rules.HazardFact]] = defaultdict(list)
    for place_id, hazard_id, item, found_at, deadline, rectified_at in rows:
        day = dt.date.fromisoformat(deadline) if isinstance(deadline, str) else deadline
        rectified = None if rectified_at is None else utc(rectified_at)
        found[place_id].append(rules.HazardFact(hazard_id, item, utc(found_at), day, rectified))
    return found


def red_runs(s: Session, place_ids: Sequence[str], before: str, ending: str | None = None) -> dict[str, int]:
    """By place: how many months in a row closed red, ending with `ending` (the row must reach
    it) or, without `ending`, with the place's last closed month before `before` — as
    `rules.red_streak` counts the place's whole history. The history is keyed month first
    (SiteMonth), so it is read a window of months at a time, newest first, each window one
    query, until every place's row has ended (few places: those red now). The first window is
    short: most rows end there, and each month of a window is one step down the key per place;
    a history no longer than a window is read whole, by one query."""
    runs: dict[str, int] = {}
    if not place_ids:
        return runs
    # Two subqueries: each is one step down the key's index; min and max in one SELECT scan the table.
    earliest, latest = fetch(s, "SELECT (SELECT min(month) FROM site_month), (SELECT max(month) FROM site_month)")[0]
    if earliest is None:
        return dict.fromkeys(place_ids, 0)
    # A place still read back: the month its row needs next (None: its last closed month not found yet).
    expected: dict[str, str | None] = dict.fromkeys(place_ids, ending)
    upper = min(before, rules.add_months(latest, 1)) if ending is None else rules.add_months(ending, 1)
    size = _FIRST_WINDOW
    while expected and upper > earliest:
        left = len(rules.months_between(earliest, rules.add_months(upper, -1)))
        window = [rules.add_months(upper, -k) for k in range(1, (left if left <= _WINDOW else size) + 1)]
        size = _WINDOW
        qs = ", ".join("?" for _ in window)
        sql = f"SELECT place_id, month, colour FROM site_month WHERE month IN ({qs}) AND place_id {in_list(s)}"
        closed: dict[str, dict[str, str]] = defaultdict(dict)
        for place_id, month, colour in fetch(s, sql, (*window, id_list(s, list(expected)))):
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


_FIRST_WINDOW, _WINDOW = 2, 12  # months read back by the first query, and by each one after


def tasks_of(s: Session, place_ids: Sequence[str]) -> tuple[dict[str, set[str]], set[str]]:
    """The tasks of `place_ids` (one query): the kinds each place holds open, and every task's
    id (a task's id is its place's, kind's and month's: `rules.task_id`)."""
    open_kinds: dict[str, set[str]] = defaultdict(set)
    ids: set[str] = set()
    sql = f"SELECT id, place_id, kind, status FROM site_task WHERE place_id {in_list(s)}"
    for task_id, place_id, kind, status in fetch(s, sql, (id_list(s, place_ids),)):
        ids.add(task_id)
        if status == rules.TASK_OPEN:
            open_kinds[place_id].add(kind)
    return open_kinds, ids


def held_tasks(s: Session, task_ids: Sequence[str]) -> set[str]:
    """Which of the tasks exist already (one query)."""
    return {t for (t,) in fetch(s, f"SELECT id FROM site_task WHERE id {in_list(s)}", (id_list(s, task_ids),))}


def in_list(s: Session) -> str:
    """`IN` a list given as one parameter (SQLite: a JSON array; PostgreSQL: an array, which the
    planner hashes once it sees its items)."""
    return in_list_of(dialect_of(s) == "sqlite")


def in_list_of(sqlite: bool) -> str:
    return "IN (SELECT value FROM json_each(?))" if sqlite else "= ANY(CAST(? AS text[]))"


def id_list(s: Session, ids: Sequence[str]) -> str:
    """The texts `in_list` reads. PostgreSQL: an array's literal, written here — the driver quotes
    an array's items one by one with a pattern search each (30 ms of a month end's 20,000 ids)."""
    return id_list_of(dialect_of(s) == "sqlite", ids)


def id_list_of(sqlite: bool, ids: Sequence[str]) -> str:
    if sqlite:
        return json.dumps(list(ids))
    return "{" + ",".join([_array_item(i) for i in ids]) + "}"


def _array_item(text: str) -> str:
    if "\\" in text or '"' in text:
        text = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + text + '"'


def db_moment(s: Session, moment: dt.datetime) -> Any:
    return stored_moment(moment, dialect_of(s) == "sqlite")


def stored_moment(moment: dt.datetime, sqlite: bool) -> Any:
    naive = moment.astimezone(dt.UTC).replace(tzinfo=None)
    # As SQLAlchemy's SQLite DATETIME stores it (always with microseconds: text compares in order).
    return naive.strftime("%Y-%m-%d %H:%M:%S.%f") if sqlite else naive
