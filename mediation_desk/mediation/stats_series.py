"""Monthly figures over a run of months (for the statistics page's charts), counted exactly as
`stats.monthly_report` counts them — by the legal dates, with the same success-rate definition —
for all the months in one statement (`stats.headline_figures`). Anonymous: counts only."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from mediation_desk.desk import Desk
from mediation_desk.errors import ValidationError
from mediation_desk.mediation.stats import CHINA as CHINA  # the statistics page's months
from mediation_desk.mediation.stats import FIRST_YEAR, LAST_YEAR, check_month, headline_figures

MAX_MONTHS = 120


@dataclass(frozen=True)
class MonthFigures:
    month: str  # "YYYY-MM"
    accepted: int
    mediated_successfully: int
    terminated: int
    success_rate: float | None  # as in the monthly report: None when nothing was concluded
    declined: int = 0
    escalated: int = 0
    concluded: int = 0  # 调解件数, the rate's denominator (stats.RATE_DEFINITION)


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
    """Accepted, successful and unsuccessful cases and the success rate for each of the `count`
    months ending with `month`, oldest first."""
    months = months_ending(month, count)
    with desk.read() as s:
        found = headline_figures(s, months, closed=False)
    return [
        MonthFigures(
            m,
            f.accepted,
            f.successful,
            f.terminated,
            f.success_rate,
            declined=f.declined,
            escalated=f.escalated,
            concluded=f.concluded,
        )
        for m, f in ((m, found[m]) for m in months)
    ]


def current_month(today: dt.date | None = None) -> str:
    """This month in Beijing, "YYYY-MM"."""
    return f"{today or dt.datetime.now(CHINA).date():%Y-%m}"
