"""Monthly report (月报, domain.md §3): accepted, successful, success rate, amounts, persons, by
source, by agreement form, by dispute type and sub-type, prevention counters, screening.
Anonymous: counts and sums only.

A case counts in the month of its legal date, not of the day it was typed in:
- 受理 by the acceptance date (accepted_on);
- 调解成功 by the date its agreement took effect (written: signed and sealed, art. 29; oral: when
  reached, art. 30), and only while that agreement is in effect — one withdrawn before signing or
  ruled invalid or revoked by a court (arts 32–33) is no success;
- 终止调解, 不予调解, 上报 and 结案 by the day of that status change (Beijing time).
The success rate follows the national report (see RATE_DEFINITION).

Everything is counted in SQL over the indexes of revision 0010: a month reads the rows of that
month, never the whole history (月末在办 is a difference of index counts, see `_open_at_end`)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    String,
    and_,
    bindparam,
    case,
    distinct,
    exists,
    func,
    select,
    text,
    union_all,
)
from sqlalchemy import literal as lit
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select

from mediation_desk.desk import Desk
from mediation_desk.errors import ValidationError
from mediation_desk.mediation import states
from mediation_desk.mediation.dispute_types import row_key, subtype_row, table_rows
from mediation_desk.mediation.intake import RISK_FLAGS, from_fen
from mediation_desk.mediation.models_case import Agreement, CaseTransition, MediationCase
from mediation_desk.storage.base import UTCDateTime

CHINA = dt.timezone(dt.timedelta(hours=8))
FIRST_YEAR, LAST_YEAR = 1990, 2999  # a month asked for; the series before it may reach further back
MONTH = re.compile(r"(\d{4})-(\d{2})")
# Ways mediation ends without an agreement; with the successes they make the 调解件数.
UNSUCCESSFUL = (states.TERMINATED, states.DECLINED, states.ESCALATED)
RATE_DEFINITION = (
    "调解成功率 = 调解成功件数 ÷ 调解件数；调解件数 = 当月调解成功、终止调解、不予调解和上报的件数"
    "（协议生效后又上报的案件已计为调解成功，不重复计）。调解成功按协议生效日期计（口头协议按达成日期），"
    "已撤回或经人民法院确认无效、撤销的协议不计；受理按受理日期计；终止调解、不予调解、上报、结案按状态变更日期计。"
)


@dataclass(frozen=True)
class MonthlyReport:
    month: str
    accepted: int
    mediated_successfully: int
    terminated: int
    success_rate: float | None  # successful / concluded (RATE_DEFINITION); None when nothing concluded
    agreement_amount: Decimal  # of the agreements that took effect in the month (the successes)
    persons_involved: int
    by_source: dict[str, int]
    by_referrer: dict[str, int]
    by_agreement_form: dict[str, int]  # of the month's successes
    by_dispute_type: dict[str, int]  # every national type, zeros included
    prevention_cases: dict[str, int]
    prevention_persons: dict[str, int]
    found_in_screening: int
    escalated: int
    closed: int
    open_at_month_end: int = 0
    declined: int = 0
    concluded: int = 0  # 调解件数: the rate's denominator
    by_dispute_subtype: dict[str, int] = field(default_factory=dict)  # "labour.unpaid_wages": n, zeros included
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Headline:
    """The figures the report and the 12-month series share, for one month."""

    accepted: int = 0
    successful: int = 0
    terminated: int = 0
    declined: int = 0
    escalated: int = 0
    closed: int = 0
    unsuccessful: int = 0  # cases ended without an agreement in effect (terminated, declined, escalated)

    @property
    def concluded(self) -> int:
        return self.successful + self.unsuccessful

    @property
    def success_rate(self) -> float | None:
        return round(self.successful / self.concluded, 4) if self.concluded else None


def month_bounds(month: str) -> tuple[dt.date, dt.date, dt.datetime, dt.datetime]:
    m = re.fullmatch(r"(\d{4})-(\d{2})", month or "")
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise ValidationError.single("month", "month_format", "月份格式应为 YYYY-MM，如 2026-10")
    first = dt.date(int(m.group(1)), int(m.group(2)), 1)
    nxt = dt.date(first.year + (first.month == 12), first.month % 12 + 1, 1)
    # Months are Beijing-time months; stored instants are UTC.
    start = dt.datetime.combine(first, dt.time(), CHINA).astimezone(dt.UTC)
    end = dt.datetime.combine(nxt, dt.time(), CHINA).astimezone(dt.UTC)
    return first, nxt, start, end


def check_month(month: str) -> dt.date:
    """The first day of `month` ("YYYY-MM"), refused as `month_bounds` refuses a bad one, and
    also outside the years a desk can hold ("0000-05" would otherwise reach the calendar, which
    fails without naming the field)."""
    match = MONTH.fullmatch(month) if isinstance(month, str) else None
    if match and not FIRST_YEAR <= int(match.group(1)) <= LAST_YEAR:
        raise ValidationError.single("month", "month_range", f"月份须在 {FIRST_YEAR} 至 {LAST_YEAR} 年之间")
    return month_bounds(month)[0]


def in_effect() -> ColumnElement[bool]:
    """The agreement is in effect: signed (oral: reached), not withdrawn, not ruled invalid."""
    return and_(
        Agreement.effective_on.is_not(None), Agreement.withdrawn_on.is_(None), Agreement.invalidated_on.is_(None)
    )


def effective_between(oral: bool, first: Any, nxt: Any) -> ColumnElement[bool]:
    """The agreement took effect in [first, nxt): an oral one on the day it was reached, a written
    one when signed. Asked apart for the two forms, each read from its date's covering index
    (an OR of both would look every row up in the table)."""
    if oral:
        return and_(Agreement.form == "oral", Agreement.reached_on >= first, Agreement.reached_on < nxt)
    return and_(Agreement.form != "oral", Agreement.effective_on >= first, Agreement.effective_on < nxt)


def headline_figures(s: Session, months: Sequence[str], *, closed: bool = True) -> dict[str, Headline]:
    """The shared figures of each month, in one statement: a table of the months' bounds joined
    to each source's index by range, then grouped. `closed=False` leaves 结案 out (0): the most
    numerous status change, which the charts do not show."""
    bounds = [(m, *month_bounds(m)) for m in months]
    months_cte = (
        select(
            lit(bounds[0][0], String).label("month"),
            lit(bounds[0][1], Date).label("first"),
            lit(bounds[0][2], Date).label("nxt"),
            lit(bounds[0][3], UTCDateTime()).label("start"),
            lit(bounds[0][4], UTCDateTime()).label("end"),
        )
        .union_all(
            *(
                select(lit(m), lit(first, Date), lit(nxt, Date), lit(start, UTCDateTime()), lit(end, UTCDateTime()))
                for m, first, nxt, start, end in bounds[1:]
            )
        )
        .cte("months")
    )
    mc = months_cte.c
    t = CaseTransition
    in_month = and_(t.at >= mc.start, t.at < mc.end)
    has_effect = exists().where(Agreement.case_id == t.case_id, in_effect())
    moves = (*UNSUCCESSFUL, states.CLOSED) if closed else UNSUCCESSFUL
    parts: list[Select[Any]] = [
        select(mc.month, lit("accepted").label("kind"), func.count().label("n"))
        .join_from(
            months_cte, MediationCase, and_(MediationCase.accepted_on >= mc.first, MediationCase.accepted_on < mc.nxt)
        )
        .group_by(mc.month),
        *(  # one agreement per case, of one form: the two counts add up
            select(mc.month, lit(f"successful_{form}"), func.count(distinct(Agreement.case_id)))
            .join_from(months_cte, Agreement, and_(effective_between(oral, mc.first, mc.nxt), in_effect()))
            .group_by(mc.month)
            for form, oral in (("oral", True), ("written", False))
        ),
        select(mc.month, t.to_status, func.count(distinct(t.case_id)))
        .join_from(months_cte, t, and_(t.to_status.in_(moves), in_month))
        .group_by(mc.month, t.to_status),
        # Escalated (art. 25) after its agreement took effect, a case is already a success.
        select(mc.month, lit("unsuccessful"), func.count(distinct(t.case_id)))
        .join_from(months_cte, t, and_(t.to_status.in_(UNSUCCESSFUL), in_month, ~has_effect))
        .group_by(mc.month),
    ]
    found: dict[str, dict[str, int]] = {m: {"successful": 0} for m in months}
    for month, kind, n in s.execute(parts[0].union_all(*parts[1:])):
        if kind.startswith("successful_"):
            found[month]["successful"] += n
        else:
            found[month][kind] = n
    return {m: Headline(**found[m]) for m in months}


def _open_at_end(s: Session, nxt: dt.date, end: dt.datetime) -> int:
    """Cases accepted by the month's end whose status then was open. Every status change is a
    row (from → to): a case accepted by then is open unless its changes before the end took it
    out of the open states more often than back in — three index counts, not a walk through
    every case's history. (A status change never precedes its case's acceptance date: intake
    refuses a future acceptance and corrections keep it before the case's other dates.)"""
    t = CaseTransition
    opened, closed_ = sorted(states.OPEN_STATES), sorted(set(states.STATES) - states.OPEN_STATES)

    def moves(to: list[str], from_: ColumnElement[bool]) -> Any:
        return select(func.count()).select_from(t).where(t.to_status.in_(to), from_, t.at < end).scalar_subquery()

    accepted = select(func.count()).select_from(MediationCase).where(MediationCase.accepted_on < nxt)
    left = moves(closed_, t.from_status.in_(opened))
    born_closed = moves(closed_, t.from_status.is_(None))  # a case is born accepted, i.e. open
    back = moves(opened, t.from_status.in_(closed_))  # the district's status may reopen a case
    return int(s.execute(select(accepted.scalar_subquery() - left - born_closed + back)).scalar_one())


_PREVENTED = text(
    "SELECT p.flag, count(*), coalesce(sum(c.persons_involved), 0) FROM ("
    " SELECT DISTINCT t.case_id AS case_id, j.value AS flag"
    " FROM case_transition AS t, json_each(t.details, '$.prevented') AS j"
    " WHERE json_extract(details, '$.prevented') IS NOT NULL AND t.at >= :start AND t.at < :end"
    ") AS p JOIN mediation_case AS c ON c.id = p.case_id GROUP BY p.flag"
).bindparams(bindparam("start", type_=UTCDateTime()), bindparam("end", type_=UTCDateTime()))


def monthly_report(desk: Desk, month: str) -> MonthlyReport:
    check_month(month)
    first, nxt, start, end = month_bounds(month)
    c = MediationCase
    with desk.read() as s:
        head = headline_figures(s, [month])[month]
        accepted_rows = s.execute(
            select(
                c.source,
                c.referrer_kind,
                c.dispute_type,
                c.dispute_subtype,
                func.count(),
                func.coalesce(func.sum(c.persons_involved), 0),
                func.coalesce(func.sum(case((c.found_in_screening, 1), else_=0)), 0),
            )
            .where(c.accepted_on >= first, c.accepted_on < nxt)
            .group_by(c.source, c.referrer_kind, c.dispute_type, c.dispute_subtype)
        ).all()
        successes = s.execute(
            union_all(
                *(
                    select(Agreement.form, func.count(distinct(Agreement.case_id)), func.sum(Agreement.amount_fen))
                    .where(effective_between(oral, first, nxt), in_effect())
                    .group_by(Agreement.form)
                    for oral in (True, False)
                )
            )
        ).all()
        prevented = s.execute(_PREVENTED, {"start": start, "end": end}).all()
        open_end = _open_at_end(s, nxt, end)
    by_source: dict[str, int] = {}
    by_referrer: dict[str, int] = {}
    by_type = {r.key: 0 for r in table_rows() if r.subtype is None}
    by_subtype = {r.key: 0 for r in table_rows() if r.subtype is not None}
    persons = screened = 0
    for source, referrer, dtype, subtype, n, people, found in accepted_rows:
        by_source[source] = by_source.get(source, 0) + n
        if referrer:
            by_referrer[referrer] = by_referrer.get(referrer, 0) + n
        by_type[row_key(dtype)] = by_type.get(row_key(dtype), 0) + n
        if (sub := subtype_row(dtype, subtype)) is not None:
            by_subtype[sub] += n
        persons, screened = persons + people, screened + found
    prevention_cases = dict.fromkeys(RISK_FLAGS, 0)
    prevention_persons = dict.fromkeys(RISK_FLAGS, 0)
    for flag, n, people in prevented:
        if flag in RISK_FLAGS:
            prevention_cases[flag], prevention_persons[flag] = n, people
    return MonthlyReport(
        month=month,
        accepted=head.accepted,
        mediated_successfully=head.successful,
        terminated=head.terminated,
        success_rate=head.success_rate,
        agreement_amount=from_fen(sum(amount or 0 for _, _, amount in successes)) or Decimal("0.00"),
        persons_involved=persons,
        by_source=by_source,
        by_referrer=by_referrer,
        by_agreement_form={form: n for form, n, _ in successes},
        by_dispute_type=by_type,
        prevention_cases=prevention_cases,
        prevention_persons=prevention_persons,
        found_in_screening=screened,
        escalated=head.escalated,
        closed=head.closed,
        open_at_month_end=open_end,
        declined=head.declined,
        concluded=head.concluded,
        by_dispute_subtype=by_subtype,
    )
