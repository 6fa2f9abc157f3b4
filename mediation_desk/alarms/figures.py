"""Monthly answer times of the alarms this desk holds (rules.month_figures): how many were
answered within 60 s and within 3 minutes of being raised — of all alarms that month, so one
nobody answered counts against the share — and the median times to answer and to resolve."""

from __future__ import annotations

from sqlalchemy import select

from mediation_desk.alarms import rules
from mediation_desk.alarms.dto import FiguresView
from mediation_desk.alarms.handling import month_bounds
from mediation_desk.alarms.models import Alarm
from mediation_desk.core.uow import Actor, acting_now
from mediation_desk.desk import Desk
from mediation_desk.errors import ValidationError
from mediation_desk.privacy import roles

MAX_MONTHS = 36


def month_figures(desk: Desk, actor: Actor, month: str) -> FiguresView:
    with desk.read(actor) as s:
        roles.authorize(actor, "alarms.view")
        start, end = month_bounds(month)
        rows = s.execute(
            select(Alarm.raised_at, Alarm.acknowledged_at, Alarm.resolved_at).where(
                Alarm.raised_at >= start, Alarm.raised_at < end
            )
        ).all()
        times = [rules.AlarmTimes(raised, ack, done) for raised, ack, done in rows]
        return figures_view(rules.month_figures(times, f"{start.year:04d}-{start.month:02d}"))


def recent_figures(desk: Desk, actor: Actor, months: int = 6) -> list[FiguresView]:
    """This month and the `months` - 1 before it, the oldest first."""
    if isinstance(months, bool) or not isinstance(months, int) or not 1 <= months <= MAX_MONTHS:
        raise ValidationError.single("months", "months_range", f"月数应为 1–{MAX_MONTHS}，实际为 {months}")
    current = rules.month_of(acting_now())
    year, number = (int(part) for part in current.split("-"))
    wanted = []
    for back in range(months - 1, -1, -1):
        index = year * 12 + number - 1 - back
        wanted.append(f"{index // 12:04d}-{index % 12 + 1:02d}")
    return [month_figures(desk, actor, month) for month in wanted]


def figures_view(f: rules.Figures) -> FiguresView:
    first, second = rules.DEFAULT_THRESHOLDS.answer_targets_s
    within = dict(f.answered_within)
    return FiguresView(
        month=f.month,
        alarms=f.alarms,
        acknowledged=f.acknowledged,
        within_60=within.get(first, 0),
        within_180=within.get(second, 0),
        share_60=f.share_within(first),
        share_180=f.share_within(second),
        median_answer_s=f.median_answer_s,
        median_resolve_s=f.median_resolve_s,
        resolved=f.resolved,
    )
