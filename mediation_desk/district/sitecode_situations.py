"""Month end's places by situation, in the database (sitecode_close.py).

The colour rule reads, of a place without open hazards, only: the month it owes inspections from,
and for the closed month and the current one the earliest inspection done before the moment
judged — its Beijing day and whether it came after the closed month's cut-off. Places alike in
these are judged alike (sitecode_judge.Judge), and of 41,000 places a few hundred situations
remain. So the database works out each place's situation for both moments month end judges (the
month's close and now) as a text (`me_place.key`: the month owed, and of each month read the
earliest inspection's Beijing day and how many of the moments judged and their cut-offs it is
at or after — a finer split than the rule's, never a coarser one); the rule runs once per
situation on one place's facts (`representatives`); the places with hazards still open or
rectified lately are judged one by one and given situations of their own (`set_alone`); the
answers go into `me_group`, and the month's history and the changed current codes are written
from the two tables by single statements (`write_months`, `write_codes`): nothing per place
passes through Python. The statements that write without reading back (`build`, `set_alone`,
`write_months`, `write_codes`) take a `Send` (sitecode_bulk.sent_ahead): PostgreSQL runs them
while the server's Python goes on.

Temporary tables, one set per transaction (SQLite: dropped by `drop`; PostgreSQL: ON COMMIT DROP).
Moments compare as the columns store them (SQLite: fixed-width UTC text; PostgreSQL: timestamps
without zone, in UTC); a Beijing day is the UTC moment eight hours on (Beijing keeps +8 all year)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

import orjson
from sqlalchemy.orm import Session

from mediation_desk.district.sitecode_bulk import (
    Send,
    dialect_of,
    fetch,
    id_list,
    id_list_of,
    in_list,
    in_list_of,
    json_item,
    json_rows,
    stored_moment,
)
from mediation_desk.sitecode import rules

TABLES = ("me_cut", "me_place", "me_group")


@dataclass(frozen=True)
class Moment:
    """One moment month end judges at, as the situation reads it."""

    at: dt.datetime  # the moment
    cut: dt.datetime  # the cut-off of the month closed at that moment
    closed: str  # that month
    period: str  # the month current at that moment


def _exec(s: Session, sql: str, params: Sequence[Any] = ()) -> None:
    if dialect_of(s) != "sqlite":
        sql = sql.replace("?", "%s")
    s.connection().exec_driver_sql(sql, tuple(params))


def _temp(send: Send, sqlite: bool, name: str, columns: str) -> None:
    if sqlite:
        send(f"DROP TABLE IF EXISTS temp.{name}", ())
        send(f"CREATE TEMP TABLE {name} ({columns})", ())
    else:
        send(f"CREATE TEMP TABLE {name} ({columns}) ON COMMIT DROP", ())


@dataclass(frozen=True)
class Plan:
    """What `build` needs: the months whose inspections a situation reads, each cut-off with the
    month owed by a place registered by it, and the moments situations are told apart by."""

    sqlite: bool
    months: list[str]
    cuts: list[tuple[Any, str]]  # (cut-off as stored, month owed)
    marks: list[Any]  # moments as stored


def plan(s: Session, now: Moment, close: Moment, th: rules.Thresholds) -> Plan:
    sqlite = dialect_of(s) == "sqlite"
    months = sorted({now.closed, now.period, close.closed, close.period})
    # The month a place owes from: the one after the month of the first cut-off at or after its
    # registration (rules.first_owed_month: registered at a cut-off's instant or before it).
    # Every registration is covered (one recorded ahead of the clock too): a moment after the
    # last cut-off listed would owe from a month not told apart from the others.
    earliest, latest = fetch(s, "SELECT min(created_at), max(created_at) FROM site_place")[0]
    first = rules.add_months(_month_of(earliest) if earliest is not None else now.period, -1)
    last = max(_month_of(latest) if latest is not None else now.period, now.period)
    cuts: list[tuple[Any, str]] = []
    month = first
    while month <= rules.add_months(last, 2):
        cuts.append((stored_moment(rules.cutoff(month, th), sqlite), rules.add_months(month, 1)))
        month = rules.add_months(month, 1)
    marks = sorted({stored_moment(m, sqlite) for m in (now.at, now.cut, close.at, close.cut)})
    return Plan(sqlite, months, cuts, marks)


def build(send: Send, plan: Plan) -> None:
    """Every place with its situation (`me_place.key`): the month owed from, and of each month
    read its earliest inspection's Beijing day and how many of the moments judged at (and their
    cut-offs) it is at or after. Sent ahead (sitecode_bulk.sent_ahead): nothing is read back."""
    moment_type = "TEXT" if plan.sqlite else "timestamp"
    _temp(
        send,
        plan.sqlite,
        "me_place",
        f"place_id TEXT, committee_id TEXT, town_id TEXT, active BOOLEAN, created {moment_type}, key TEXT, "
        "has_code BOOLEAN",
    )
    if plan.sqlite:
        _fill_sqlite(send, plan)
    else:
        _fill_postgresql(send, plan)


def _part(column: str, marks: Sequence[Any], sqlite: bool) -> str:
    """An inspection's part of the situation: its Beijing day and how many of `marks` it is at or after."""
    passed = " + ".join(f"CAST({column} >= ? AS INTEGER)" for _ in marks)
    return f"{_day(column, sqlite)} || '/' || CAST({passed} AS TEXT)"


def _fill_sqlite(send: Send, plan: Plan) -> None:
    """SQLite: each place's earliest inspections and month owed by correlated subqueries, one
    index step each (ix_site_inspection_month: month, place, completed at; me_cut's key)."""
    _temp(send, True, "me_cut", "at TEXT PRIMARY KEY, owed TEXT")
    for cut in plan.cuts:
        send("INSERT INTO me_cut (at, owed) VALUES (?, ?)", cut)
    inspection = (
        f"(SELECT {_part('i.completed_at', plan.marks, True)} FROM site_inspection i "
        "WHERE i.month = ? AND i.place_id = p.id ORDER BY i.completed_at LIMIT 1)"
    )
    owed = "(SELECT c.owed FROM me_cut c WHERE c.at >= p.created_at ORDER BY c.at LIMIT 1)"
    key = " || '|' || ".join(f"coalesce({part}, '')" for part in (owed, *(inspection for _ in plan.months)))
    send(
        f"INSERT INTO me_place SELECT p.id, p.committee_id, p.town_id, p.active, p.created_at, {key}, "
        "EXISTS (SELECT 1 FROM site_code c WHERE c.place_id = p.id) "
        # In the order of site_code's key (WITHOUT ROWID), which the updates then follow.
        "FROM site_place p ORDER BY p.id",
        [value for month in plan.months for value in (*plan.marks, month)],
    )


def _fill_postgresql(send: Send, plan: Plan) -> None:
    """PostgreSQL: the same by joins (a subquery run per row costs it far more than a hash join):
    each month's earliest inspections grouped, and the month owed from the cut-offs around the
    Beijing month of registration (m: m itself if registered by the cut-off of the month
    before, m + 1 if by m's own, else m + 2), found by the month's first instant (date_trunc:
    a tenth of formatting the month as text)."""
    _temp(send, False, "me_cut", "month timestamp PRIMARY KEY, before_cut timestamp, cut timestamp, owed TEXT[]")
    for before, (at, owed) in pairwise(plan.cuts):
        month = rules.add_months(owed, -1)
        first_instant = dt.datetime.strptime(month, "%Y-%m")
        send(
            "INSERT INTO me_cut VALUES (?, ?, ?, ?)",
            (first_instant, before[0], at, [month, owed, rules.add_months(owed, 1)]),
        )
    owed_sql = (
        "CASE WHEN p.created_at <= c.before_cut THEN c.owed[1] WHEN p.created_at <= c.cut THEN c.owed[2] "
        "ELSE c.owed[3] END"
    )
    parts = [f"coalesce({_part(f'f{k}.t', plan.marks, False)}, '')" for k in range(len(plan.months))]
    firsts = " ".join(
        f"LEFT JOIN (SELECT place_id, min(completed_at) AS t FROM site_inspection WHERE month = ? "
        f"GROUP BY place_id) f{k} ON f{k}.place_id = p.id"
        for k in range(len(plan.months))
    )
    key = " || '|' || ".join([f"coalesce({owed_sql}, '')", *parts])
    beijing_month = "date_trunc('month', p.created_at + interval '8 hours')"
    send(
        f"INSERT INTO me_place SELECT p.id, p.committee_id, p.town_id, p.active, p.created_at, {key}, "
        "code.place_id IS NOT NULL "
        f"FROM site_place p LEFT JOIN me_cut c ON c.month = {beijing_month} {firsts} "
        "LEFT JOIN site_code code ON code.place_id = p.id "
        # In the order the current codes lie on disk: the update of every code (`write_codes`)
        # then goes through site_code page by page, not all over it (a third of its time).
        "ORDER BY code.ctid",
        [*(mark for _ in plan.months for mark in plan.marks), *plan.months],
    )


def _day(column: str, sqlite: bool) -> str:
    """A moment's Beijing day. SQLite: its UTC day and whether it is 16:00 or later there (the
    Beijing day begins at 16:00 UTC) — one day can be named two ways, which only splits a
    situation in two, and costs a tenth of parsing the moment with date()."""
    if sqlite:
        return f"substr({column}, 1, 10) || (substr({column}, 12, 2) >= '16')"
    return f"CAST(CAST({column} + interval '8 hours' AS date) AS TEXT)"


def _month_of(value: Any) -> str:
    moment = dt.datetime.fromisoformat(value) if isinstance(value, str) else value
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return rules.month_of(rules.beijing_day(moment))


def representatives(s: Session, months: Sequence[str]) -> list[tuple[str, str, Any, int, dict[str, Any]]]:
    """One place of each situation: (situation, place, registered, how many active places are
    in it, {month: its earliest inspection}) — moments as the driver gives them."""
    active = "sum(CASE WHEN active THEN 1 ELSE 0 END)"
    groups = {
        place_id: (key, int(n))
        for key, place_id, n in fetch(s, f"SELECT key, min(place_id), {active} FROM me_place GROUP BY key")
    }
    created = dict(
        fetch(s, f"SELECT place_id, created FROM me_place WHERE place_id {in_list(s)}", (id_list(s, list(groups)),))
    )
    marks = ", ".join("?" for _ in months)
    firsts: dict[str, dict[str, Any]] = {place_id: {} for place_id in groups}
    for place_id, month, at in fetch(
        s,
        f"SELECT place_id, month, min(completed_at) FROM site_inspection WHERE month IN ({marks}) "
        f"AND place_id {in_list(s)} GROUP BY place_id, month",
        (*months, id_list(s, list(firsts))),
    ):
        firsts[place_id][month] = at
    return [(key, place_id, created[place_id], n, firsts[place_id]) for place_id, (key, n) in groups.items()]


def situations_of(s: Session, place_ids: Sequence[str]) -> dict[str, tuple[str, int]]:
    """The situation of each of `place_ids`, and whether the place is active (1) or not (0)."""
    sql = f"SELECT place_id, key, active FROM me_place WHERE place_id {in_list(s)}"
    return {place_id: (key, int(active)) for place_id, key, active in fetch(s, sql, (id_list(s, place_ids),))}


ALONE = "#"  # the situation of a place judged alone: this and its id


def set_alone(send: Send, sqlite: bool, place_ids: Sequence[str]) -> None:
    """Give `place_ids` situations of their own (ALONE and the id)."""
    if place_ids:
        sql = f"UPDATE me_place SET key = ? || place_id WHERE place_id {in_list_of(sqlite)}"
        send(sql, (ALONE, id_list_of(sqlite, place_ids)))


# An answer: situation, current colour, reasons (their list's digest), period; closed colour,
# reasons (None: not owed).
Answer = tuple[str, str, str, str, str | None, str | None]


def answer(send: Send, sqlite: bool, answers: Sequence[Answer]) -> None:
    """The answers into `me_group` (thousands of rows — the places judged alone among them — as
    one JSON parameter), each list of reasons numbered from site_reasons by its digest (the
    lists must be stored first: `sitecode_reasons.send_lists`). Sent ahead: nothing read back."""
    _temp(
        send,
        sqlite,
        "me_group",
        "key TEXT PRIMARY KEY, now_colour TEXT, now_reasons INTEGER, now_period TEXT, close_colour TEXT, "
        "close_reasons INTEGER",
    )
    key, now_colour, now_digest, now_period, close_colour, close_digest = (json_item(k, sqlite) for k in range(6))
    number = "(SELECT r.id FROM site_reasons r WHERE r.digest = {})".format
    send(
        f"INSERT INTO me_group SELECT {key}, {now_colour}, {number(now_digest)}, {now_period}, {close_colour}, "
        f"{number(close_digest)} FROM {json_rows(sqlite)}",
        (orjson.dumps(answers).decode(),),
    )


_JOINED = "FROM me_place p JOIN me_group g ON g.key = p.key"


def write_months(send: Send, month: str) -> None:
    """The month's history rows (active places owing it), after any earlier ones of the month
    (a rerun)."""
    send("DELETE FROM site_month WHERE month = ?", (month,))
    send(
        "INSERT INTO site_month (month, place_id, colour, reasons_id) "
        f"SELECT ?, p.place_id, g.close_colour, g.close_reasons {_JOINED} "
        "WHERE p.active AND g.close_colour IS NOT NULL ORDER BY p.place_id",
        (month,),
    )


def write_codes(send: Send, computed_at: Any) -> None:
    """The current codes that differ in colour, reasons or period (they and their moment — as
    stored — set), and those of places without one yet. A place whose code is unchanged keeps
    its moment."""
    send(
        "UPDATE site_code SET colour = n.now_colour, reasons_id = n.now_reasons, period = n.now_period, "
        f"computed_at = ? FROM (SELECT p.place_id, g.now_colour, g.now_reasons, g.now_period {_JOINED}) n "
        "WHERE site_code.place_id = n.place_id AND (site_code.colour <> n.now_colour "
        "OR site_code.reasons_id <> n.now_reasons OR site_code.period <> n.now_period)",
        (computed_at,),
    )
    send(
        "INSERT INTO site_code (place_id, colour, reasons_id, period, computed_at) "
        f"SELECT p.place_id, g.now_colour, g.now_reasons, g.now_period, ? {_JOINED} "
        # Known before any is written (`build`): an anti-join here, on a first month end, had
        # PostgreSQL (told site_code is empty) scan it for each place as this statement filled it.
        "WHERE NOT p.has_code",
        (computed_at,),
    )


def active_places_in(s: Session, keys: Sequence[str]) -> list[tuple[str, str, str]]:
    """The active places of the situations `keys`: (place, committee, situation)."""
    if not keys:
        return []
    sql = f"SELECT place_id, committee_id, key FROM me_place WHERE active AND key {in_list(s)}"
    return [(place_id, committee_id, key) for place_id, committee_id, key in fetch(s, sql, (id_list(s, keys),))]


def drop(s: Session) -> None:
    if dialect_of(s) == "sqlite":
        for name in TABLES:
            _exec(s, f"DROP TABLE IF EXISTS temp.{name}")
