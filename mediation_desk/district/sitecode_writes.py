"""The tasks the site codes' month end opens (sitecode_codes.py), with their records and changes
(`write_tasks`) — by the driver's `executemany` (PostgreSQL: COPY), values as the columns store
them (sitecode_bulk.py). Its history and current codes: sitecode_situations.py."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import orjson
from sqlalchemy.orm import Session

from mediation_desk.district.sitecode_bulk import BATCH, copy_rows, db_moment, dialect_of, fetch
from mediation_desk.sitecode import rules


def _executemany(s: Session, sql: str, rows: Sequence[tuple[Any, ...]]) -> None:
    conn = s.connection()
    for k in range(0, len(rows), BATCH):
        conn.exec_driver_sql(sql, list(rows[k : k + BATCH]))


def _json(value: Any) -> str:
    """JSON text of a record's data or clocks (any JSON reads it back alike; orjson: a tenth of
    the json module's time, which a month end's thousands of tasks notice)."""
    return orjson.dumps(value).decode()


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
    commit order."""
    if not tasks:
        return
    sqlite = dialect_of(s) == "sqlite"
    (head,) = fetch(s, "SELECT max(seq) FROM change_feed")[0]
    seq = (head or 0) + 1
    moment = db_moment(s, at)
    visible: Any = 1 if sqlite else True
    task_rows, record_rows, change_rows = [], [], []
    for task_id, place_id, kind, month, committee_id, town_id, committee_code, data, clock in tasks:
        data_text = _json(data)
        task_rows.append((task_id, place_id, committee_id, town_id, kind, month, rules.TASK_OPEN))
        record_rows.append(
            (
                *(rules.TASK, task_id, committee_id, town_id, None, rules.TASK_OPEN, None, data_text),
                *(_json(dict.fromkeys(data, clock)), clock, None, moment, moment),
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
            copy_rows(s, into, rows)
