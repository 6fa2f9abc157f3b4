"""The legal dates of a case checked against each other and today. Pure rules, no I/O.

A case's legally relevant dates — acceptance (受理), each session (调解), the agreement reached
(达成), signed into effect (签字生效) and the application for judicial confirmation (申请司法确认) —
follow one order: nothing happens before the committee accepted the dispute, an agreement takes
effect on or after the day it was reached, the court is asked only once it is in effect, and
nothing is dated in the future. Back-dating would otherwise let a desk record an agreement
"reached" before the case existed, or move the start of the 30-day window of art. 33. A wrong
date is put right by an audited correction (`corrections.py`), which checks the same order.

Days are Beijing calendar days (the desk's calendar); a session's instant is compared by its
Beijing day, so a meeting on the evening of the acceptance day is on that day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from mediation_desk.core.uow import CHINA
from mediation_desk.errors import FieldProblem
from mediation_desk.privacy.roles import Permission

ACCEPTED_ON = "accepted_on"
HELD_AT = "held_at"
REACHED_ON = "reached_on"
SIGNED_ON = "signed_on"
JUDICIAL_APPLIED_ON = "judicial_applied_on"

#: The dates a correction may change, with the words a clerk knows them by.
LABELS: Mapping[str, str] = MappingProxyType(
    {
        ACCEPTED_ON: "受理日期",
        HELD_AT: "调解时间",
        REACHED_ON: "协议达成日期",
        SIGNED_ON: "签字生效日期",
        JUDICIAL_APPLIED_ON: "司法确认申请日期",
    }
)
RULE_FUTURE = "date_future"
RULE_BEFORE_ACCEPTANCE = "date_before_acceptance"
RULE_ORDER = "date_order"
RULE_JUDICIAL_WINDOW = "judicial_window"
ART_33 = "（人民调解法第三十三条）"

# Correcting a legal date rewrites the record a court may read: for the committee's officers,
# not for a mediator on their own case.
PERMISSIONS = (Permission("case.correct_date", "更正受理、调解、协议等法定日期（留痕）"),)


def beijing_day(instant: dt.datetime) -> dt.date:
    """The Beijing calendar day of an instant (a naive one is taken as Beijing time)."""
    if instant.tzinfo is None:
        return instant.date()
    return instant.astimezone(CHINA).date()


@dataclass(frozen=True)
class LegalDates:
    """Every legal date of one case as it stands (or would stand after a correction)."""

    accepted_on: dt.date
    session_days: tuple[dt.date, ...] = ()
    reached_on: dt.date | None = None
    signed_on: dt.date | None = None  # a written agreement's day of effect; None for oral or unsigned
    judicial_applied_on: dt.date | None = None
    judicial_deadline: dt.date | None = None
    later_days: tuple[dt.date, ...] = ()  # days the case changed status after acceptance

    @property
    def effective_on(self) -> dt.date | None:
        """Oral agreements are in effect when reached (art. 28), written ones when signed."""
        return self.signed_on if self.signed_on is not None else self.reached_on


def not_in_future(field: str, value: dt.date, today: dt.date) -> FieldProblem | None:
    if value > today:
        label = LABELS.get(field, field)
        return FieldProblem(field, RULE_FUTURE, f"{label}（{value}）不能晚于今天（{today}）：尚未发生的事不能登记")
    return None


def not_before_acceptance(field: str, value: dt.date, accepted_on: dt.date) -> FieldProblem | None:
    if value < accepted_on:
        label = LABELS.get(field, field)
        return FieldProblem(
            field,
            RULE_BEFORE_ACCEPTANCE,
            f"{label}（{value}）不能早于受理日期（{accepted_on}）：案件受理之前不能有调解活动或协议",
        )
    return None


def session_time_problem(held_at: dt.datetime, accepted_on: dt.date | None, now: dt.datetime) -> FieldProblem | None:
    """A session's time: not later than now (five minutes' grace for clocks a little apart) and
    not on a day before the case was accepted."""
    if held_at > now + dt.timedelta(minutes=5):
        return FieldProblem(HELD_AT, RULE_FUTURE, "调解时间不能晚于现在")
    if accepted_on is not None:
        return not_before_acceptance(HELD_AT, beijing_day(held_at), accepted_on)
    return None


def ordering_problems(d: LegalDates, today: dt.date) -> list[FieldProblem]:
    """Every break of the order of a case's legal dates, each named by the field to correct."""
    found: list[FieldProblem | None] = [not_in_future(ACCEPTED_ON, d.accepted_on, today)]
    for day in d.session_days:
        found += [not_in_future(HELD_AT, day, today), not_before_acceptance(HELD_AT, day, d.accepted_on)]
    if d.reached_on is not None:
        found += [
            not_in_future(REACHED_ON, d.reached_on, today),
            not_before_acceptance(REACHED_ON, d.reached_on, d.accepted_on),
        ]
    if d.signed_on is not None:
        found.append(not_in_future(SIGNED_ON, d.signed_on, today))
        if d.reached_on is not None and d.signed_on < d.reached_on:
            found.append(
                FieldProblem(
                    SIGNED_ON,
                    RULE_ORDER,
                    f"签字生效日期（{d.signed_on}）不能早于协议达成日期（{d.reached_on}）：协议先达成，后签字生效",
                )
            )
    if d.judicial_applied_on is not None:
        found.append(not_in_future(JUDICIAL_APPLIED_ON, d.judicial_applied_on, today))
        effective = d.effective_on
        if effective is not None and d.judicial_applied_on < effective:
            found.append(
                FieldProblem(
                    JUDICIAL_APPLIED_ON,
                    RULE_ORDER,
                    f"司法确认申请日期（{d.judicial_applied_on}）不能早于协议生效日期（{effective}）{ART_33}",
                )
            )
        elif d.judicial_deadline is not None and d.judicial_applied_on > d.judicial_deadline:
            found.append(
                FieldProblem(
                    JUDICIAL_APPLIED_ON,
                    RULE_JUDICIAL_WINDOW,
                    f"司法确认申请日期（{d.judicial_applied_on}）超过协议生效后 30 日的期限"
                    f"（截至 {d.judicial_deadline}）{ART_33}",
                )
            )
    if later := [day for day in d.later_days if day < d.accepted_on]:
        found.append(
            FieldProblem(
                ACCEPTED_ON,
                RULE_ORDER,
                f"受理日期（{d.accepted_on}）不能晚于案件此后的办理日期（{min(later)}）",
            )
        )
    return [p for p in found if p is not None]
