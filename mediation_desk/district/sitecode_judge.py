"""How month end (sitecode_codes.py) judges many places at one moment by the rule the desks apply
(`rules.code_at`, `rules.month_code`): once per distinct situation, its answer shared by the
places alike (`Judge`); the months places owe from, once per hour of registration (`Owed`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from mediation_desk.district import sitecode_bulk as bulk
from mediation_desk.sitecode import rules

Done = bulk.Done


class Judge:
    """`rules.code_at` (or `month_code` for `month`) for many places at one moment.

    A place without a hazard open at the moment is judged by the rule from: the month it owes
    inspections from and, for the closed month and the current one, the earliest inspection done
    before the moment — its Beijing day and whether it came after the closed month's cut-off. Places
    alike in these are judged alike, so the rule runs once for each such situation and its answer
    is shared. A place with hazards open at the moment is judged so without them, and their lines
    added as the rule adds them (`_with`). The codes given carry colour, reasons, period and
    missed month (all month end reads), not the ids of the open or overdue hazards (left empty)."""

    def __init__(
        self, moment: dt.datetime, th: rules.Thresholds, month: str | None = None, marks: Sequence[dt.datetime] = ()
    ) -> None:
        self.month, self.th = month, th
        self.moment = rules.cutoff(month, th) if month is not None else moment
        self.period = rules.period_of(self.moment, th)
        self.closed = rules.add_months(self.period, -1)
        self.cut = rules.cutoff(self.closed, th)
        self.marks = (*marks, self.moment, self.cut)
        self._today = rules.beijing_day(self.moment)
        self._codes: dict[tuple[Any, ...], rules.SiteCode | None] = {}

    def index(self, marks: Sequence[dt.datetime]) -> None:
        """Given the marks the inspections were read with (`bulk.inspections`; this judge's
        moment and cut-off among them)."""
        self._moment_at, self._cut_at = bulk.mark_index(marks, self.moment), bulk.mark_index(marks, self.cut)

    def _rule(self, facts: rules.PlaceFacts) -> rules.SiteCode | None:
        if self.month is not None:
            return rules.month_code(facts, self.month, self.th)
        return rules.code_at(facts, self.moment, self.th)

    def code(
        self, place_id: str, created_at: dt.datetime, owed: str, done: Done, hazards: Sequence[rules.HazardFact]
    ) -> rules.SiteCode | None:
        """The place's code; `owed`: `rules.first_owed_month(created_at)` (see `Owed`); `done`:
        its earliest inspection of each month read (the rule reads no other)."""
        moment = self.moment
        open_now = [h for h in hazards if h.found_at < moment and (h.rectified_at is None or h.rectified_at >= moment)]
        closed, period = done.get(self.closed), done.get(self.period)
        if closed is not None and closed[2] >= self._moment_at:
            closed = None
        if period is not None and period[2] >= self._moment_at:
            period = None
        key: tuple[Any, ...] = (
            owed,
            None if closed is None else (closed[1], closed[2] >= self._cut_at),
            None if period is None else period[1],
        )
        code = self._codes.get(key, _MISSING)
        if code is _MISSING:
            code = self._codes[key] = self._rule(rules.PlaceFacts(place_id, created_at, _facts(done)))
        if code is None or not open_now:
            return code  # type: ignore[return-value]
        open_now.sort(key=_hazard_order)
        return self._with(code, open_now)  # type: ignore[arg-type]

    def _with(self, base: rules.SiteCode, open_now: Sequence[rules.HazardFact]) -> rules.SiteCode:
        """What the rule says with the open hazards (in its order) besides the inspections, from
        what it says without them (`base`): a line for each hazard, overdue ones red before the
        missed month's, the others yellow before the rest; "无待整改隐患" only without any."""
        today = self._today
        overdue: list[str] = []
        within: list[str] = []
        for h in open_now:
            if h.deadline < today:
                overdue.append(f"隐患「{h.item}」整改期限 {h.deadline.isoformat()} 已过，尚未整改")
            else:
                within.append(f"隐患「{h.item}」待整改，期限 {h.deadline.isoformat()}")
        missed = base.reasons[:1] if base.missed_month is not None else ()
        info = base.reasons[len(missed) : None if base.colour != rules.GREEN else -1]
        colour = rules.RED if overdue or missed else rules.YELLOW
        return rules.SiteCode(colour, (*overdue, *missed, *within, *info), base.period, base.missed_month)


def _hazard_order(h: rules.HazardFact) -> tuple[dt.date, str]:
    return h.deadline, h.id  # as the rule lists them


def _facts(done: Done) -> tuple[rules.InspectionFact, ...]:
    return tuple(rules.InspectionFact(m, bulk.utc(raw)) for m, (raw, _, _) in done.items())


_MISSING = object()


class Owed:
    """`rules.first_owed_month` for many registration moments (as the driver gives them): it
    compares them only with cut-offs, which fall on whole hours in Beijing (+8 all year, so on
    whole hours in UTC too), so the moments of one hour — its first instant apart — owe from the
    same month. Each hour's moment is read once."""

    def __init__(self, th: rules.Thresholds) -> None:
        self.th = th
        self._months: dict[tuple[Any, bool], tuple[str, dt.datetime]] = {}

    def __call__(self, raw: Any) -> tuple[str, dt.datetime]:
        """The month owed from, and a moment of the same hour (the rule's answer is the same)."""
        key = bulk.hour_of(raw)
        found = self._months.get(key)
        if found is None:
            created_at = bulk.utc(raw)
            found = self._months[key] = (rules.first_owed_month(created_at, self.th), created_at)
        return found


Both = tuple[rules.SiteCode, str, rules.SiteCode | None, str]  # current code, closed code; reasons' JSON


def both_codes(
    at_now: Judge,
    at_close: Judge,
    place_id: str,
    created_at: dt.datetime,
    owed: str,
    done: Done,
    found: Sequence[rules.HazardFact],
    texts: dict[tuple[str, ...], str],
) -> Both:
    """A place's current code and its code at the month's close, with their reasons' JSON."""
    current = at_now.code(place_id, created_at, owed, done, found)
    assert current is not None  # a code at a moment always has a colour
    closed = at_close.code(place_id, created_at, owed, done, found)
    current_text = texts.get(current.reasons) or texts.setdefault(current.reasons, bulk.reasons_text(current.reasons))
    if closed is None:
        return current, current_text, None, ""
    closed_text = texts.get(closed.reasons) or texts.setdefault(closed.reasons, bulk.reasons_text(closed.reasons))
    return current, current_text, closed, closed_text
