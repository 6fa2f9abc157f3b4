"""网格看板: the village's places by grid (网格) — how many carry each colour now, their open and
overdue hazards and open tasks — and the conversion rate (转码率) of the last closed month: of the
places red or yellow when the month before it closed, how many were green when it closed.

Codes are computed here from the desk's own rows (`codes.facts_for`), never read from storage."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import fields

from sqlalchemy import func, select

from mediation_desk.core.uow import Actor, acting_now
from mediation_desk.desk import Desk
from mediation_desk.privacy import roles
from mediation_desk.sitecode import codes, rules
from mediation_desk.sitecode.dto import DashboardView, GridSummary
from mediation_desk.sitecode.models import Hazard, Place, Task
from mediation_desk.sitecode.scheme_store import current_scheme

_REACH = dt.timedelta(days=400)  # no fact older than this changes a code of the last two months


def dashboard(desk: Desk, actor: Actor) -> DashboardView:
    moment = acting_now()
    today = rules.beijing_day(moment)
    with desk.read(actor) as s:
        roles.authorize(actor, "sitecode.view")
        th = current_scheme(s).thresholds
        places = list(s.scalars(select(Place).where(Place.active.is_(True))))
        facts = codes.facts_for(s, places, since=moment - _REACH)
        grid_of = {p.id: p.grid for p in places}
        colours: dict[str, Counter[str]] = {}
        for p in places:
            colours.setdefault(p.grid, Counter())[rules.code_at(facts[p.id], moment, th).colour] += 1
        open_hazards = _by_grid(
            s.execute(select(Hazard.place_id, Hazard.deadline).where(Hazard.status == rules.OPEN)), grid_of
        )
        overdue = Counter({g: sum(1 for d in days if d < today) for g, days in open_hazards.items()})
        tasks: Counter[str] = Counter()
        open_tasks = select(Task.place_id, func.count()).where(Task.status == rules.TASK_OPEN).group_by(Task.place_id)
        for place_id, n in s.execute(open_tasks):
            if place_id in grid_of:  # a task of a place not pulled yet, or inactive: no grid to show it in
                tasks[grid_of[place_id]] += n
        grids = tuple(
            GridSummary(
                grid=g,
                places=sum(c.values()),
                green=c[rules.GREEN],
                yellow=c[rules.YELLOW],
                red=c[rules.RED],
                open_hazards=len(open_hazards.get(g, [])),
                overdue_hazards=overdue[g],
                open_tasks=tasks[g],
            )
            for g, c in sorted(colours.items())
        )
        period = rules.period_of(moment, th)
        closed = rules.add_months(period, -1)
        rate = rules.conversion(_month_codes(facts, rules.add_months(closed, -1), th), _month_codes(facts, closed, th))
        return DashboardView(
            computed_at=moment,
            period=period,
            grids=grids,
            conversion_month=closed,
            conversion_text=rate.text,
            conversion_rate=rate.rate,
            totals=_totals(grids),
        )


def _by_grid(rows: Iterable[tuple[str, dt.date]], grid_of: dict[str, str]) -> dict[str, list[dt.date]]:
    """Open hazards' deadlines by the grid of their (active) place."""
    out: dict[str, list[dt.date]] = {}
    for place_id, deadline in rows:
        if place_id in grid_of:
            out.setdefault(grid_of[place_id], []).append(deadline)
    return out


def _month_codes(facts: dict[str, rules.PlaceFacts], month: str, th: rules.Thresholds) -> dict[str, str]:
    """The colour each place closed `month` with (places that owed no inspection yet left out)."""
    out: dict[str, str] = {}
    for pid, f in facts.items():
        code = rules.month_code(f, month, th)
        if code is not None:
            out[pid] = code.colour
    return out


def _totals(grids: tuple[GridSummary, ...]) -> GridSummary:
    counts = {f.name: sum(getattr(g, f.name) for g in grids) for f in fields(GridSummary) if f.name != "grid"}
    return GridSummary(grid="合计", **counts)
