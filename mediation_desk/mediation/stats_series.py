"""Monthly figures over a run of months (for the statistics page's charts), counted exactly as
`stats.monthly_report` counts them, but for all the months in two queries instead of one report
per month. Anonymous: counts only."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select

from mediation_desk.desk import Desk
from mediation_desk.errors import ValidationError
from mediation_desk.mediation import states
from mediation_desk.mediation.models_case import CaseTransition, MediationCase
from mediation_desk.mediation.stats import CHINA, month_bounds

MAX_MONTHS = 120
FIRST_YEAR, LAST_YEAR = 1990, 2999  # a month asked for; the series before it may reach further back
MONTH = re.compile(r"(\d{4})-(\d{2})")


@dataclass(frozen=True)
class MonthFigures:
    month: str  # "YYYY-MM"
    accepted: int
    mediated_successfully: int
    terminated: int
    success_rate: float | None  # as in the monthly report: None when nothing was concluded

    @property
    def concluded(self) -> int:
        return self.mediated_successfully + self.terminated


def check_month(month: str) -> dt.date:
    """The first day of `month` ("YYYY-MM"), refused as `stats.month_bounds` refuses a bad one,
    and also outside the years a desk can hold (the report's own check lets "0000-05" through
    to the calendar, which then fails without naming the field)."""
    match = MONTH.fullmatch(month) if isinstance(month, str) else None
    if match and not FIRST_YEAR <= int(match.group(1)) <= LAST_YEAR:
        raise ValidationError.single("month", "month_range", f"月份须在 {FIRST_YEAR} 至 {LAST_YEAR} 年之间")
    return month_bounds(month)[0]


def shifted(month: str, by: int) -> str:
    """The month `by` months after `month` (before, if negative)."""
    first = check_month(month)
    index = first.year * 12 + first.month - 1 + by
    if not 1 <= index // 12 <= 9999:
        raise ValidationError.single("month", "month_range", f"月份须在 {FIRST_YEAR} 至 {LAST_YEAR} 年之间")
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def months_ending(month: str, count: int = 12) -> list[str]:
    """The `count` months ending with `month`, oldest first ("2026-03", 3 → 2026-01 … 2026-03)."""
    check_month(month)
    if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= MAX_MONTHS:
        raise ValidationError.single("count", "months_range", f"月份个数须为 1–{MAX_MONTHS}")
    return [shifted(month, -back) for back in range(count - 1, -1, -1)]


def monthly_series(desk: Desk, month: str, count: int = 12) -> list[MonthFigures]:
    """Accepted, successful and terminated cases and the success rate for each of the `count`
    months ending with `month`, oldest first."""
    months = months_ending(month, count)
    first, _, start, _ = month_bounds(months[0])
    _, nxt, _, end = month_bounds(months[-1])
    accepted: Counter[str] = Counter()
    agreed: defaultdict[str, set[str]] = defaultdict(set)
    terminated: Counter[str] = Counter()
    with desk.read() as s:
        # Per day, not per month: the database needs no calendar functions and a year is at
        # most 366 rows.
        for day, n in s.execute(
            select(MediationCase.accepted_on, func.count())
            .where(MediationCase.accepted_on >= first, MediationCase.accepted_on < nxt)
            .group_by(MediationCase.accepted_on)
        ):
            accepted[f"{day:%Y-%m}"] += n
        for case_id, to_status, at in s.execute(
            select(CaseTransition.case_id, CaseTransition.to_status, CaseTransition.at).where(
                CaseTransition.to_status.in_((states.AGREED, states.TERMINATED)),
                CaseTransition.at >= start,
                CaseTransition.at < end,
            )
        ):
            key = f"{at.astimezone(CHINA):%Y-%m}"  # months are Beijing-time months
            if to_status == states.AGREED:
                agreed[key].add(case_id)  # the report counts cases that reached an agreement
            else:
                terminated[key] += 1  # … and terminations as moves
    series = []
    for m in months:
        ok, failed = len(agreed[m]), terminated[m]
        series.append(MonthFigures(m, accepted[m], ok, failed, round(ok / (ok + failed), 4) if ok + failed else None))
    return series


def current_month(today: dt.date | None = None) -> str:
    """This month in Beijing, "YYYY-MM"."""
    return f"{today or dt.datetime.now(CHINA).date():%Y-%m}"
