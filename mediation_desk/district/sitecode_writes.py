"""The tasks the site codes' month end opens (sitecode_close.py), with their records and changes:
made ready in Python (`task_rows`, `task_tables`) and written by the driver's `executemany`
(PostgreSQL: COPY), values as the columns store them (sitecode_bulk.py). Its history and current
codes: sitecode_situations.py."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import orjson
from sqlalchemy.orm import Session

from mediation_desk.district.feed import server_clock
from mediation_desk.district.sitecode_bulk import BATCH, copy_rows, dialect_of, fetch, stored_moment
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
Where = tuple[str, str, str]  # a task's committee: its id, its town's id, its code
# What goes into one table: its name with the columns given, and the rows' values.
Table = tuple[str, list[tuple[Any, ...]]]

COVERT_PARTIES = ("属地镇街",)
MAX_REASONS = 20


def task_rows(due: Sequence[tuple[rules.TaskDue, Where]], held: set[str], now: dt.datetime) -> list[TaskRow]:
    """The tasks of `due` not `held` yet (by id; each once), with their data and the district's
    clocks, each after the one before (and after every desk's)."""
    rows: list[TaskRow] = []
    held = set(held)
    opened_on, clock = rules.beijing_day(now).isoformat(), ""
    for task, (committee_id, town_id, code) in due:
        if task.id in held:
            continue
        held.add(task.id)
        data: dict[str, Any] = {
            "place_id": task.place_id,
            "kind": task.kind,
            "month": task.month,
            "status": rules.TASK_OPEN,
            "reasons": list(task.reasons[:MAX_REASONS]),
            "parties": list(rules.JOINT_PARTIES if task.kind == rules.JOINT else COVERT_PARTIES),
            "opened_on": opened_on,
            "closed_on": None,
            "outcome": None,
        }
        clock = server_clock(clock)
        rows.append((task.id, task.place_id, task.kind, task.month, committee_id, town_id, code, data, clock))
    return rows


def feed_head(s: Session) -> int:
    """The feed's last number (0: none yet). Read under the feed lock, the changes that follow
    are numbered from it as `feed.FeedWriter` numbers them."""
    (head,) = fetch(s, "SELECT max(seq) FROM change_feed")[0]
    return int(head or 0)


def write_tasks(s: Session, tasks: Sequence[TaskRow], at: dt.datetime) -> None:
    """Tasks opened in bulk (`task_tables`, numbered after `feed_head`). The caller must hold the
    feed lock (`Database.write(feed=True)`) and append nothing else to the feed in this
    transaction: the numbers are then gap-free and in commit order."""
    write_tables(s, task_tables(tasks, feed_head(s) + 1, at, dialect_of(s) == "sqlite"))


def task_tables(tasks: Sequence[TaskRow], seq: int, at: dt.datetime, sqlite: bool) -> list[Table]:
    """Each task's site_task row, its `record` (status open) and its change in the committee's
    feed (the town sees it: town_visible), numbered from `seq` — values as the columns store them."""
    if not tasks:
        return []
    moment = stored_moment(at, sqlite)
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
    return [
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
    ]


def write_tables(s: Session, tables: Sequence[Table]) -> None:
    """`task_tables`' rows by the driver in bulk (PostgreSQL: COPY)."""
    sqlite = dialect_of(s) == "sqlite"
    for into, rows in tables:
        if not rows:
            continue
        if sqlite:
            marks = ", ".join("?" for _ in rows[0])
            _executemany(s, f"INSERT INTO {into} VALUES ({marks})", rows)
        else:
            copy_rows(s, into, rows)
