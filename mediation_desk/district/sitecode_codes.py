"""The district's site codes (一单一码): one place judged again after an op, and month end for all.

Both judge by the rule the desks apply (`rules.code_at`, `rules.month_code`) on the facts of the
projection tables (sitecode_models.py), so a desk and the district holding the same inspections
and hazards show the same colour with the same reasons.

- `recompute_place`: after an applied inspection, hazard or place op — the place's current code
  (SiteCode) at the server's clock, and the tasks it opens: a red code a covert inspection (暗访),
  red closed months in a row (SiteMonth) a joint enforcement (联合执法). A task is opened once: its
  id is `rules.task_id(place, kind, month)`; the SiteTask row and a `site_task` record go into the
  committee's feed (the town sees it too), opened with the district's clock.
- `month_end`: for the last closed month, every active place's month code (SiteMonth), every
  place's current code, streaks and tasks, in one transaction (sitecode_close.py). The month is
  claimed by inserting its SiteMonthRun (insert-or-skip): several server instances run it once."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, cast

from sqlalchemy import Table, insert, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from mediation_desk.district import sitecode_bulk as bulk
from mediation_desk.district import sitecode_close, sitecode_reasons, sitecode_scheme
from mediation_desk.district import sitecode_writes as writes
from mediation_desk.district.db import Database
from mediation_desk.district.feed import FeedWriter, server_clock
from mediation_desk.district.models import Committee, Record
from mediation_desk.district.sitecode_close import MonthEndResult
from mediation_desk.district.sitecode_models import (
    SiteCode,
    SiteHazard,
    SiteInspection,
    SiteMonthRun,
    SitePlace,
    SiteReasons,
    SiteTask,
)
from mediation_desk.sitecode import rules
from mediation_desk.storage.base import utcnow


def thresholds(session: Session) -> rules.Thresholds:
    """The colour rule's thresholds of the scheme in force."""
    return sitecode_scheme.current(session).thresholds


# ---- one place ---------------------------------------------------------------------------------


def place_facts(session: Session, place: SitePlace, since: dt.datetime | None = None) -> rules.PlaceFacts:
    """The rule's inputs for one place from the projection; `since` leaves out the hazards
    rectified before it (they cannot change a code judged after it)."""
    inspections = tuple(
        rules.InspectionFact(month, completed_at)
        for month, completed_at in session.execute(
            select(SiteInspection.month, SiteInspection.completed_at).where(SiteInspection.place_id == place.id)
        )
    )
    query = select(
        SiteHazard.id, SiteHazard.item_text, SiteHazard.found_at, SiteHazard.deadline, SiteHazard.rectified_at
    ).where(SiteHazard.place_id == place.id)
    if since is not None:
        query = query.where(or_(SiteHazard.rectified_at.is_(None), SiteHazard.rectified_at >= since))
    hazards = tuple(rules.HazardFact(*row) for row in session.execute(query))
    return rules.PlaceFacts(place.id, place.created_at, inspections, hazards)


def streak_of(session: Session, place_id: str, before: str = "9999-12") -> int:
    """Red months in a row, ending with the last month closed for the place (before `before`)."""
    return bulk.red_runs(session, [place_id], before)[place_id]


def recompute_place(
    session: Session,
    place_id: str,
    now: dt.datetime,
    feed: FeedWriter,
    committee: Committee,
    th: rules.Thresholds | None = None,
) -> SiteCode | None:
    """Judge one place again at `now`: its SiteCode row (None: no such place) and the tasks due."""
    place = session.get(SitePlace, place_id)
    if place is None:
        return None
    th = th or thresholds(session)
    code = rules.code_at(place_facts(session, place, since=now), now, th)
    row = session.get(SiteCode, place_id)
    if row is None:
        row = SiteCode(place_id=place_id)
        session.add(row)
    reasons_id = sitecode_reasons.id_of(session, code.reasons)
    row.colour, row.reasons_id, row.period, row.computed_at = code.colour, reasons_id, code.period, now
    # The view-only link follows the number only when loaded: given here, so `row.reasons` is these.
    set_committed_value(row, "reason_set", session.get(SiteReasons, reasons_id))
    if place.active:
        held = set(
            session.scalars(
                select(SiteTask.kind).where(SiteTask.place_id == place_id, SiteTask.status == rules.TASK_OPEN)
            )
        )
        due = rules.tasks_due(place_id, code, streak_of(session, place_id), held, th)
        open_tasks(session, feed, [(task, committee) for task in due], now)
    return row


def open_tasks(
    session: Session, feed: FeedWriter | None, due: Sequence[tuple[rules.TaskDue, Committee]], now: dt.datetime
) -> int:
    """Open the tasks not held yet (by id): each one's row, its record and its change in the
    committee's feed (the town sees it too), with the district's clock. Returns how many were
    opened. With `feed` (one place judged within an applied op) the changes go through it; without,
    all three go by the driver in bulk (`writes.write_tasks`, numbering the feed as FeedWriter
    does: the caller holds the feed lock and appends nothing else)."""
    if not due:
        return 0
    held = bulk.held_tasks(session, [task.id for task, _ in due])
    rows = writes.task_rows([(task, (c.id, c.town_id, c.code)) for task, c in due], held, now)
    if feed is None:
        writes.write_tasks(session, rows, utcnow())
    elif rows:
        _open_with(session, feed, rows, {committee.id: committee for _, committee in due})
    return len(rows)


def _open_with(
    session: Session, feed: FeedWriter, rows: Sequence[writes.TaskRow], committees: dict[str, Committee]
) -> None:
    """`open_tasks` within an applied op: the changes appended to its FeedWriter."""
    tasks: list[dict[str, Any]] = []
    records: list[dict[str, Any]] = []
    at = utcnow()
    for task_id, place_id, kind, month, committee_id, town_id, _code, data, clock in rows:
        where = {"committee_id": committee_id, "town_id": town_id}
        tasks.append({"id": task_id, "place_id": place_id, "kind": kind, "month": month, "status": rules.TASK_OPEN})
        tasks[-1].update(where)
        records.append(
            {
                "entity": rules.TASK,
                "entity_id": task_id,
                "case_id": None,
                "status": rules.TASK_OPEN,
                "escalate_to": None,
                "data": data,
                "clocks": dict.fromkeys(data, clock),
                "hlc": clock,
                "origin_device": None,
                "created_at": at,
                "updated_at": at,
                **where,
            }
        )
        feed.append(
            entity=rules.TASK,
            entity_id=task_id,
            committee=committees[committee_id],
            hlc=clock,
            data=dict(data),
            origin_device=None,
            town_visible=True,
        )
    session.execute(insert(_table(SiteTask)), tasks)
    session.execute(insert(_table(Record)), records)


# ---- month end ---------------------------------------------------------------------------------


def last_closed_month(now: dt.datetime, th: rules.Thresholds) -> str:
    return rules.add_months(rules.period_of(now, th), -1)


def month_end(db: Database, month: str, now: dt.datetime | None = None, *, rerun: bool = False) -> MonthEndResult:
    """Close `month` for every place (module doc). Once per month: a month closed already is
    answered from its SiteMonthRun unless `rerun` (an administrator's repair), which judges again
    and changes only what the facts changed. ValueError for a month whose cut-off has not passed."""
    month = rules.parse_month(month)
    now = now or utcnow()
    with db.write(feed=True) as s:
        th = thresholds(s)
        if rules.cutoff(month, th) > now:
            raise ValueError(f"{rules.month_text(month)}的自查尚未截止，不能月末结算")
        claimed = _claim(s, month, now)
        run = s.get(SiteMonthRun, month)
        assert run is not None
        if not claimed and not rerun:
            return MonthEndResult(month, False, run.places, run.tasks_opened)
        # The feed lock is held (write(feed=True)): the tasks' changes are numbered by the close
        # (the only appender of this transaction), as a FeedWriter would number them.
        with _no_cycle_collection():
            result = sitecode_close.close(s, month, now, th, db)
        run.finished_at, run.places = utcnow(), result.places
        run.tasks_opened = (run.tasks_opened or 0) + result.tasks_opened
        run.hlc = server_clock(run.hlc or "")
    return result


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector held off while month end runs: its tens of thousands of short-lived
    objects hold no cycles, yet they set off full collections that walk every object of the
    server (some 70 ms of a month end). Reference counting still frees everything."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _table(model: type[Any]) -> Table:
    """A model's table, for Core statements (their rows skip the ORM's per-object work)."""
    return cast(Table, model.__table__)


def _dialect_insert(s: Session, table: Table) -> postgresql.Insert | sqlite.Insert:
    return postgresql.insert(table) if s.get_bind().dialect.name == "postgresql" else sqlite.insert(table)


def _claim(s: Session, month: str, now: dt.datetime) -> bool:
    """Insert the month's run unless there is one: True for the one transaction that inserted it
    (another instance's insert waits for this one's commit, then finds the row)."""
    run = _table(SiteMonthRun)
    stmt = _dialect_insert(s, run).on_conflict_do_nothing(index_elements=["month"]).returning(run.c.month)
    return s.execute(stmt, {"month": month, "started_at": now, "places": 0, "tasks_opened": 0}).first() is not None
