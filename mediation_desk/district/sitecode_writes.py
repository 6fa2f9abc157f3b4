"""The bulk writes of the site codes' month end (sitecode_codes.py): the month's codes and the
changed current codes written by a thread of their own while month end still judges
(`RowWriter`), and the tasks it opens with their records and changes (`write_tasks`) — by the
driver's `executemany` (PostgreSQL: COPY), values as the columns store them (sitecode_bulk.py)."""

from __future__ import annotations

import datetime as dt
import json
import queue
import threading
from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from mediation_desk.district.sitecode_bulk import BATCH, CodeRow, MonthRow, db_moment, dialect_of, fetch
from mediation_desk.sitecode import rules


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
        self.sqlite = dialect_of(s) == "sqlite"
        self.at = db_moment(s, computed_at)
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
    sqlite = dialect_of(s) == "sqlite"
    (head,) = fetch(s, "SELECT max(seq) FROM change_feed")[0]
    seq = (head or 0) + 1
    moment = db_moment(s, at)
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
