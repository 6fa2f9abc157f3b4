"""How month end (sitecode_codes.py) judges many places at one moment by the rule the desks apply
(`rules.code_at`, `rules.month_code`): once per situation (sitecode_situations.py), its answer
shared by the places alike, and a place's open hazards added to the answer for its other facts
as the rule adds them (`Judge.with_hazards`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from mediation_desk.sitecode import rules


class Judge:
    """`rules.code_at` (or `month_code` for `month`) for many places at one moment.

    A place without a hazard open at the moment is judged by the rule from its situation (the
    month it owes inspections from and, for the closed month and the current one, the earliest
    inspection done before the moment — its Beijing day and whether it came after the closed
    month's cut-off). A place with hazards open at the moment is judged so without them, and
    their lines added as the rule adds them (`_with`). The codes given carry colour, reasons,
    period and missed month (all month end reads), not the ids of the open or overdue hazards
    (left empty)."""

    def __init__(self, moment: dt.datetime, th: rules.Thresholds, month: str | None = None) -> None:
        self.month, self.th = month, th
        self.moment = rules.cutoff(month, th) if month is not None else moment
        self.period = rules.period_of(self.moment, th)
        self.closed = rules.add_months(self.period, -1)
        self.cut = rules.cutoff(self.closed, th)
        self._today = rules.beijing_day(self.moment)

    def rule(self, facts: rules.PlaceFacts) -> rules.SiteCode | None:
        """The rule's own answer (None: a month the place did not owe yet)."""
        if self.month is not None:
            return rules.month_code(facts, self.month, self.th)
        return rules.code_at(facts, self.moment, self.th)

    def with_hazards(self, base: rules.SiteCode | None, hazards: Sequence[rules.HazardFact]) -> rules.SiteCode | None:
        """The code of a place whose answer without hazards is `base`, with `hazards` (those open
        at this moment count)."""
        moment = self.moment
        open_now = [h for h in hazards if h.found_at < moment and (h.rectified_at is None or h.rectified_at >= moment)]
        if base is None or not open_now:
            return base
        open_now.sort(key=_hazard_order)
        return self._with(base, open_now)

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
