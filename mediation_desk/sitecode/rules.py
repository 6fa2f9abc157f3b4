"""一单一码 site codes: the rules the desk and the district both apply (domain §8).

Pure: the months of the self-inspection cycle and their cut-off (Beijing time), the colour of a
place's code at any moment with its reasons in words, the monthly history and the escalation it
brings (one red → a covert inspection, red months in a row → joint enforcement), the conversion
rate (转码率), and the placard's QR payload. No database, no files: the desk computes a code
offline from what it holds, the district from what desks pushed, and they agree because both call
`code_at` on the same facts.

A moment is an aware datetime; every date that matters (a deadline, a cut-off) is a day in
Beijing. A hazard's deadline is the last day to rectify it: it is overdue from 00:00 of the next
day. A month's self-inspection is on time when completed before the month's cut-off: by default
the end of the month's last day (the cut-off day and hour are part of the scheme)."""

from __future__ import annotations

import datetime as dt
import functools
import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

BEIJING = dt.timezone(dt.timedelta(hours=8), "Asia/Shanghai")

# ---- what syncs, and the event a completed self-inspection publishes ----------------------------

PLACE, INSPECTION, HAZARD, TASK = "site_place", "site_inspection", "site_hazard", "site_task"
SCHEME_PART = "site_scheme"  # the part of the district's reference data that carries the scheme
# Published (core registry) in the unit of work of a completed monthly self-inspection:
# {inspection_id, place_id, person_id (the place's responsible person), month, completed_on}.
SELF_INSPECTION_DONE_EVENT = "sitecode.self_inspection_done"

GREEN, YELLOW, RED = "green", "yellow", "red"
COLOURS = {GREEN: "绿码", YELLOW: "黄码", RED: "红码"}
COLOUR_LETTERS = {GREEN: "G", YELLOW: "Y", RED: "R"}

OK, FOUND, NOT_APPLICABLE = "ok", "hazard", "na"
RESULTS = {OK: "合格", FOUND: "有隐患", NOT_APPLICABLE: "不适用"}

OPEN, RECTIFIED = "open", "rectified"
HAZARD_STATUSES = {OPEN: "待整改", RECTIFIED: "已整改"}

COVERT, JOINT = "covert", "joint"
TASK_KINDS = {COVERT: "暗访检查", JOINT: "联合执法"}
TASK_OPEN, TASK_DONE = "open", "done"
TASK_STATUSES = {TASK_OPEN: "待办", TASK_DONE: "已办结"}
JOINT_PARTIES = ("区安全办", "行业主管部门", "属地镇街")  # who a joint enforcement task goes to

MAX_NAME_CHARS = 100
MAX_TEXT_CHARS = 200
_MONTH = re.compile(r"(\d{4})-(\d{2})")


# ---- months and their cut-off ---------------------------------------------------------------


def parse_month(text: str) -> str:
    """ "2026-08" normalised; ValueError with words otherwise."""
    m = _MONTH.fullmatch(str(text).strip())
    if not m or not 1 <= int(m.group(2)) <= 12 or not 2000 <= int(m.group(1)) <= 2999:
        raise ValueError("月份须写成 YYYY-MM，如 2026-08")
    return f"{m.group(1)}-{m.group(2)}"


def month_of(day: dt.date) -> str:
    return f"{day.year}-{day.month:02d}"


def first_day(month: str) -> dt.date:
    return dt.date(int(month[:4]), int(month[5:7]), 1)


def add_months(month: str, n: int) -> str:
    index = int(month[:4]) * 12 + int(month[5:7]) - 1 + n
    return f"{index // 12}-{index % 12 + 1:02d}"


def months_between(first: str, last: str) -> list[str]:
    """Every month from `first` to `last`, both included (empty when last < first)."""
    out: list[str] = []
    month = first
    while month <= last:
        out.append(month)
        month = add_months(month, 1)
    return out


def month_text(month: str) -> str:
    return f"{int(month[:4])}年{int(month[5:7])}月"


def beijing_day(moment: dt.datetime) -> dt.date:
    return as_beijing(moment).date()


def as_beijing(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None:
        raise ValueError("moment must be timezone-aware")
    return moment.astimezone(BEIJING)


def day_text(day: dt.date) -> str:
    return f"{day.month}月{day.day}日"


@dataclass(frozen=True)
class Thresholds:
    """What the district may set: the cut-off of a month's self-inspection (its day: 0 = the last
    day of the month; and the hour it ends on that day, 24 = midnight), how many red months in a
    row open each task, and the deadlines a desk may give a hazard."""

    cutoff_day: int = 0
    cutoff_hour: int = 24
    covert_after_reds: int = 1
    joint_after_reds: int = 3
    default_deadline_days: int = 7
    max_deadline_days: int = 90


DEFAULT_THRESHOLDS = Thresholds()


# Cached: every code judged calls it several times, and the district judges 41,000 at month end.
@functools.lru_cache(maxsize=1024)
def cutoff(month: str, th: Thresholds = DEFAULT_THRESHOLDS) -> dt.datetime:
    """The first instant at which `month`'s self-inspection is late (Beijing)."""
    first = first_day(month)
    last = (first_day(add_months(month, 1)) - dt.timedelta(days=1)).day
    day = last if th.cutoff_day == 0 else min(th.cutoff_day, last)
    return dt.datetime(first.year, first.month, day, tzinfo=BEIJING) + dt.timedelta(hours=th.cutoff_hour)


def period_of(moment: dt.datetime, th: Thresholds = DEFAULT_THRESHOLDS) -> str:
    """The month whose self-inspection is due at `moment`: the first whose cut-off is after it."""
    month = month_of(beijing_day(moment))
    previous = add_months(month, -1)
    if moment < cutoff(previous, th):  # a cut-off hour past midnight reaches into the next day
        return previous
    return month if moment < cutoff(month, th) else add_months(month, 1)


def first_owed_month(created_at: dt.datetime, th: Thresholds = DEFAULT_THRESHOLDS) -> str:
    """A place owes the self-inspection of the months that begin after it was registered: one
    registered in the middle of a month owes it from the next month on."""
    period = period_of(created_at, th)
    return add_months(period, 1) if created_at > cutoff(add_months(period, -1), th) else period


def deadline_problem(found_on: dt.date, deadline: dt.date, th: Thresholds = DEFAULT_THRESHOLDS) -> str | None:
    if deadline < found_on:
        return "整改期限不能早于发现隐患的日期"
    if (deadline - found_on).days > th.max_deadline_days:
        return f"整改期限最长为发现之日起 {th.max_deadline_days} 天"
    return None


# ---- the facts a code is computed from --------------------------------------------------------


@dataclass(frozen=True)
class InspectionFact:
    month: str  # the month it is for
    completed_at: dt.datetime


@dataclass(frozen=True)
class HazardFact:
    id: str
    item: str  # what the checklist item says (for the reason)
    found_at: dt.datetime
    deadline: dt.date
    rectified_at: dt.datetime | None = None


@dataclass(frozen=True)
class PlaceFacts:
    place_id: str
    created_at: dt.datetime
    inspections: tuple[InspectionFact, ...] = ()
    hazards: tuple[HazardFact, ...] = ()


@dataclass(frozen=True)
class SiteCode:
    """A place's code at `moment`, with its reasons in words (red ones first)."""

    colour: str
    reasons: tuple[str, ...]
    period: str  # the month whose self-inspection was due at the moment
    missed_month: str | None = None  # the closed month found without a self-inspection
    overdue: tuple[str, ...] = ()  # hazard ids past their deadline
    open_hazards: tuple[str, ...] = ()  # hazard ids open within their deadline

    @property
    def label(self) -> str:
        return COLOURS[self.colour]


def code_at(facts: PlaceFacts, moment: dt.datetime, th: Thresholds = DEFAULT_THRESHOLDS) -> SiteCode:
    """The colour of a place's code at `moment`, from what was known then (a fact recorded later —
    a late self-inspection, a rectification — changes the code from its own moment on, never the
    history before it).

    Red: a hazard past its deadline, or the last closed month owed without any self-inspection
    while the current month has none either. Yellow: hazards open within their deadline. Green:
    otherwise — the current month's self-inspection done, or not yet due."""
    return _judge(facts, moment, th, closing=False)


def month_code(facts: PlaceFacts, month: str, th: Thresholds = DEFAULT_THRESHOLDS) -> SiteCode | None:
    """The code a month closed with (its history line): judged at the month's cut-off, when the
    month's own self-inspection is due. None for a month before the place owed one."""
    if month < first_owed_month(facts.created_at, th):
        return None
    return _judge(facts, cutoff(month, th), th, closing=True)


_TICK = dt.timedelta(microseconds=1)


def _due_text(month: str, th: Thresholds) -> str:
    return day_text(beijing_day(cutoff(month, th) - _TICK))


def _judge(facts: PlaceFacts, moment: dt.datetime, th: Thresholds, *, closing: bool) -> SiteCode:
    today = beijing_day(moment)
    period = period_of(moment, th)
    closed = add_months(period, -1)
    owed_from = first_owed_month(facts.created_at, th)
    done: dict[str, InspectionFact] = {}
    for i in facts.inspections:
        if i.completed_at < moment and (i.month not in done or i.completed_at < done[i.month].completed_at):
            done[i.month] = i
    red: list[str] = []
    yellow: list[str] = []
    info: list[str] = []
    overdue: list[str] = []
    within: list[str] = []
    for h in sorted(facts.hazards, key=lambda h: (h.deadline, h.id)):
        if h.found_at >= moment or (h.rectified_at is not None and h.rectified_at < moment):
            continue
        if h.deadline < today:
            overdue.append(h.id)
            red.append(f"隐患「{h.item}」整改期限 {h.deadline.isoformat()} 已过，尚未整改")
        else:
            within.append(h.id)
            yellow.append(f"隐患「{h.item}」待整改，期限 {h.deadline.isoformat()}")
    missed: str | None = None
    # A month's close judges that month alone; at any other moment, a self-inspection of the
    # current month also ends the red of a missed one (the place is back in its routine).
    if closed >= owed_from and closed not in done and (closing or period not in done):
        missed = closed
        red.append(f"{month_text(closed)}未按时自查（截止 {_due_text(closed, th)}）")
    late = done.get(closed)
    if late is not None and late.completed_at >= cutoff(closed, th):
        info.append(f"{month_text(closed)}自查已于 {day_text(beijing_day(late.completed_at))} 补做")
    elif late is not None and closing:
        info.append(f"{month_text(closed)}自查已于 {day_text(beijing_day(late.completed_at))} 完成")
    if not closing and period in done:
        info.append(f"{month_text(period)}自查已于 {day_text(beijing_day(done[period].completed_at))} 完成")
    elif not closing and period >= owed_from:
        info.append(f"{month_text(period)}自查尚未完成，请于 {_due_text(period, th)} 前完成")
    elif not closing:
        info.append(f"新登记场所，自 {month_text(owed_from)}起按月自查")
    colour = RED if red else YELLOW if yellow else GREEN
    if colour == GREEN:
        info.append("无待整改隐患")
    return SiteCode(
        colour, tuple(red + yellow + info), closed if closing else period, missed, tuple(overdue), tuple(within)
    )


def red_streak(history: Sequence[tuple[str, str]]) -> int:
    """How many months in a row, ending with the last, closed red. `history`: (month, colour) in
    month order; a month missing from it (not owed yet) breaks the row."""
    streak, expected = 0, None
    for month, colour in reversed(history):
        if colour != RED or (expected is not None and month != expected):
            break
        streak += 1
        expected = add_months(month, -1)
    return streak


# ---- escalation -------------------------------------------------------------------------------

_NAMESPACE = uuid.UUID("3c9d2a71-58e4-4f0b-b7a6-0d41e9c2f5a8")


def task_id(place_id: str, kind: str, month: str) -> str:
    """The same task whoever opens it (two server instances, a replayed recompute): one per place,
    kind and month."""
    return str(uuid.uuid5(_NAMESPACE, f"{place_id}|{kind}|{month}"))


@dataclass(frozen=True)
class TaskDue:
    id: str
    place_id: str
    kind: str
    month: str
    reasons: tuple[str, ...]


def tasks_due(
    place_id: str,
    code: SiteCode,
    streak: int,
    open_kinds: Iterable[str],
    th: Thresholds = DEFAULT_THRESHOLDS,
) -> list[TaskDue]:
    """The tasks a code opens. A red code opens a covert inspection (暗访) unless one is open for
    the place; `streak` red months in a row (the closed months, see `red_streak`) reaching the
    threshold open a joint enforcement (联合执法) unless one is open. A green month between reds
    starts the count again."""
    held = set(open_kinds)
    due: list[TaskDue] = []
    if code.colour == RED and streak + 1 >= th.covert_after_reds and COVERT not in held:
        due.append(TaskDue(task_id(place_id, COVERT, code.period), place_id, COVERT, code.period, code.reasons))
    if streak >= th.joint_after_reds and JOINT not in held:
        why = (f"连续 {streak} 个月红码", *code.reasons) if code.colour == RED else (f"连续 {streak} 个月红码",)
        due.append(TaskDue(task_id(place_id, JOINT, code.period), place_id, JOINT, code.period, why))
    return due


# ---- the conversion rate (转码率) -----------------------------------------------------------


@dataclass(frozen=True)
class Conversion:
    eligible: int  # places red or yellow when the earlier month closed
    converted: int  # of them, green when the later month closed

    @property
    def rate(self) -> float | None:
        return None if self.eligible == 0 else self.converted / self.eligible

    @property
    def text(self) -> str:
        r = self.rate
        return "—（上月无红黄码）" if r is None else f"{r * 100:.1f}%（{self.converted}/{self.eligible}）"


def conversion(before: Mapping[str, str], after: Mapping[str, str]) -> Conversion:
    """Of the places not green at the earlier month's close, how many are green at the later's."""
    eligible = [p for p, colour in before.items() if colour != GREEN]
    return Conversion(len(eligible), sum(1 for p in eligible if after.get(p) == GREEN))
