"""平安手环 alarms: the rules the desk and the district both apply (domain §9).

Pure: what a bracelet's status word means, the alarm's life (new → acknowledged → dispatched →
resolved, checked the same way on the desk and on the server), who may wear one (80 and over from
the ID number, or an exception the committee records), the device-health tasks and their ids, the
monthly answer-time figures (share answered within 60 s and within 3 min, time to resolve), and
the paths and event names of the alarm stream. No database, no files, no network.

Every `AL` frame is an alarm, whatever its status word says and whether or not it carries a GPS
fix: a status word with none of the known bits set is the kind ALARM ("报警"), never nothing.

Moments are aware datetimes (UTC on the wire, Beijing on screen); a month is a Beijing month."""

from __future__ import annotations

import datetime as dt
import statistics
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

BEIJING = dt.timezone(dt.timedelta(hours=8), "Asia/Shanghai")

# ---- what syncs, and the wire of the alarm stream -------------------------------------------

WEARER, ALARM, DEVICE_TASK = "alarm_wearer", "alarm", "alarm_task"
# What the alarm stream carries (the same changes a pull brings, pushed as they happen).
STREAM_ENTITIES = (ALARM, DEVICE_TASK)

STREAM_PATH = "/api/v1/alarms/stream"  # GET, server-sent events; ?after=<feed seq> or Last-Event-ID
VENDOR_PATH = "/api/v1/alarms/vendor"  # POST, a vendor platform's alarm as JSON (vendor key)
STREAM_CHANGE_EVENT = "change"  # data: {"late": bool, "change": contract.Change as a dict}
STREAM_READY_EVENT = "ready"  # data: {"head": int}: what was missed has been sent; live from here
STREAM_KEEPALIVE_S = 15  # a comment line at least this often: a silent stream is a dead one
STREAM_DEAD_AFTER_S = 45  # the desk's read timeout: three keep-alives missed

# ---- kinds of alarm, from the status word of an `AL` frame --------------------------------

SOS, FALL, LOW_BATTERY, REMOVED, ALARM_OTHER = "sos", "fall", "low_battery", "removed", "alarm"
KINDS = {
    SOS: "一键呼救",
    FALL: "疑似跌倒",
    LOW_BATTERY: "手环电量低",
    REMOVED: "手环被摘下",
    ALARM_OTHER: "手环报警",
}
URGENT_KINDS = frozenset({SOS, FALL, ALARM_OTHER})  # a person may be in danger: sound at once
SOURCES = {"watch": "手环直连", "vendor": "厂商平台"}

SOS_BIT, LOW_BATTERY_BIT, REMOVED_BIT = 16, 0, 20
FALL_BITS = (21, 22)
MAX_STATUS_WORD = 0xFFFFFFFF


def kinds_of_status(word: int) -> tuple[str, ...]:
    """The kinds an `AL` frame's status word raises, most urgent first; never empty."""
    kinds = []
    if word >> SOS_BIT & 1:
        kinds.append(SOS)
    if any(word >> bit & 1 for bit in FALL_BITS):
        kinds.append(FALL)
    if word >> REMOVED_BIT & 1:
        kinds.append(REMOVED)
    if word >> LOW_BATTERY_BIT & 1:
        kinds.append(LOW_BATTERY)
    return tuple(kinds) or (ALARM_OTHER,)


def kinds_label(kinds: Iterable[str]) -> str:
    return "、".join(KINDS.get(k, k) for k in kinds) or KINDS[ALARM_OTHER]


def is_urgent(kinds: Iterable[str]) -> bool:
    return any(k in URGENT_KINDS for k in kinds)


# ---- the alarm's life ----------------------------------------------------------------------

NEW, ACKNOWLEDGED, DISPATCHED, RESOLVED = "new", "acknowledged", "dispatched", "resolved"
STATES = {NEW: "待接警", ACKNOWLEDGED: "已接警", DISPATCHED: "已派单", RESOLVED: "已处置"}
_TARGETS = {
    NEW: (ACKNOWLEDGED,),
    ACKNOWLEDGED: (DISPATCHED, RESOLVED),  # resolved at once: a false alarm cleared by one call
    DISPATCHED: (RESOLVED,),
    RESOLVED: (),
}
# What each transition must carry (the desk's op payload and the record's fields).
TRANSITION_FIELDS = {
    ACKNOWLEDGED: ("acknowledged_by", "acknowledged_at"),
    DISPATCHED: ("dispatched_to", "dispatched_by", "dispatched_at"),
    RESOLVED: ("resolved_by", "resolved_at", "outcome"),
}
# Who made each move: two people making the same move are told apart by it.
WHO_FIELDS = {ACKNOWLEDGED: "acknowledged_by", DISPATCHED: "dispatched_by", RESOLVED: "resolved_by"}
MAX_OUTCOME_CHARS = 200
MAX_WHO_CHARS = 64


def allowed_targets(status: str) -> tuple[str, ...]:
    return _TARGETS.get(status, ())


def transition_conflict(server_status: str, claimed_from: str, target: str) -> str | None:
    """Why a desk's move of an alarm cannot be applied to the server's state, or None.

    Two desks of one village may press 接警 in the same second: the first wins, the second is a
    conflict that says who was first (the desk shows it, nothing is overwritten)."""
    if target not in STATES:
        return f"未知的报警处置状态：{target}"
    if server_status == target:
        return None  # the same move arrived twice by different routes
    if server_status != claimed_from:
        held, moved_from = STATES.get(server_status, server_status), STATES.get(claimed_from, claimed_from)
        return f"区里记录的状态是“{held}”，本机是从“{moved_from}”变更的"
    if target not in allowed_targets(server_status):
        return f"不能从“{STATES.get(server_status, server_status)}”变为“{STATES.get(target, target)}”"
    return None


def someone_was_first(held: Mapping[str, object], target: str, fields: Mapping[str, object]) -> str | None:
    """For an alarm already in `target`: None when it is this same move arriving again (a replay,
    or by another route), else who was first, in words — the later one is a conflict, so a duty
    officer never believes they answered an alarm someone else answered."""
    who = WHO_FIELDS.get(target)
    if who is None or held.get(who) == fields.get(who):
        return None
    return f"这条报警已由“{held.get(who) or '另一位值班人员'}”{STATES[target].removeprefix('已')}"


# ---- device health -------------------------------------------------------------------------

OFFLINE = "offline"
TASK_KINDS = {OFFLINE: "手环离线", LOW_BATTERY: "手环电量低", REMOVED: "手环被摘下"}
TASK_OPEN, TASK_DONE = "open", "done"
TASK_STATUSES = {TASK_OPEN: "待处理", TASK_DONE: "已处理"}

_NAMESPACE = uuid.UUID("5d1b7c2e-2f4a-4f5e-9a51-2c0e6d4b8a17")


def task_id(device_id: str, kind: str, key: str) -> str:
    """The same task whoever opens it (two server instances, a replayed check): `key` is what
    started it — the last heartbeat's moment for OFFLINE, the alarm's id for the others."""
    return str(uuid.uuid5(_NAMESPACE, f"task|{device_id}|{kind}|{key}"))


def vendor_alarm_id(vendor: str, vendor_alarm_id: str) -> str:
    """A vendor platform's retry of the same alarm is the same alarm."""
    return str(uuid.uuid5(_NAMESPACE, f"vendor|{vendor}|{vendor_alarm_id}"))


@dataclass(frozen=True)
class Thresholds:
    """Configurable times (seconds). The district escalates and opens device tasks; the desk
    uses the answer targets for its monthly figures and marks an alarm late."""

    escalate_after_s: int = 60  # unacknowledged this long → the town
    offline_after_s: int = 30 * 60  # no heartbeat this long → a "device offline" task
    answer_targets_s: tuple[int, int] = (60, 180)  # UK telecare: 97.5 % in 60 s, 99 % in 3 min
    late_after_s: int = 10  # reached the desk this long after it was raised: shown as late


DEFAULT_THRESHOLDS = Thresholds()


def is_late(raised_at: dt.datetime, received_at: dt.datetime, th: Thresholds = DEFAULT_THRESHOLDS) -> bool:
    return (received_at - raised_at).total_seconds() > th.late_after_s


# ---- who may wear one ---------------------------------------------------------------------

ELIGIBLE_AGE = 80
MAX_CONTACTS = 6
CONTACT_KINDS = {"relative": "亲属", "doctor": "村医", "grid": "网格员", "other": "其他"}


def age_on(birth: dt.date, on: dt.date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def eligibility_problem(birth: dt.date | None, on: dt.date, exception: str | None) -> str | None:
    """Why a person may not be enrolled as a wearer on `on`, or None. 80 and over (from the ID
    number's birth date) are eligible; anyone else needs the committee's recorded reason."""
    if exception and exception.strip():
        return None
    if birth is None:
        return "没有出生日期（身份证号码）时须写明特殊情况（如独居、失能），才能配发手环"
    if age_on(birth, on) < ELIGIBLE_AGE:
        return f"未满 {ELIGIBLE_AGE} 周岁（{age_on(birth, on)} 岁），须写明特殊情况（如独居、失能），才能配发手环"
    return None


# ---- monthly answer times ------------------------------------------------------------------


def month_of(moment: dt.datetime) -> str:
    local = moment.astimezone(BEIJING)
    return f"{local.year:04d}-{local.month:02d}"


@dataclass(frozen=True)
class AlarmTimes:
    raised_at: dt.datetime
    acknowledged_at: dt.datetime | None
    resolved_at: dt.datetime | None


@dataclass(frozen=True)
class Figures:
    """One month's answers: `answered_within` holds, per target (60 s, 180 s), how many alarms
    were acknowledged within it; shares are of all alarms raised that month (an alarm nobody
    answered counts against the share, it is not left out)."""

    month: str
    alarms: int
    acknowledged: int
    answered_within: tuple[tuple[int, int], ...]  # (target seconds, count)
    resolved: int
    median_answer_s: float | None
    median_resolve_s: float | None

    def share_within(self, target_s: int) -> float | None:
        if not self.alarms:
            return None
        return dict(self.answered_within).get(target_s, 0) / self.alarms


def month_figures(times: Iterable[AlarmTimes], month: str, th: Thresholds = DEFAULT_THRESHOLDS) -> Figures:
    """The figures of alarms raised in `month` (Beijing)."""
    rows = [t for t in times if month_of(t.raised_at) == month]
    answers = [(t.acknowledged_at - t.raised_at).total_seconds() for t in rows if t.acknowledged_at]
    resolves = [(t.resolved_at - t.raised_at).total_seconds() for t in rows if t.resolved_at]
    within = tuple((target, sum(1 for a in answers if a <= target)) for target in th.answer_targets_s)
    return Figures(
        month=month,
        alarms=len(rows),
        acknowledged=len(answers),
        answered_within=within,
        resolved=len(resolves),
        median_answer_s=_median(answers),
        median_resolve_s=_median(resolves),
    )


def _median(values: Sequence[float]) -> float | None:
    return statistics.median(values) if values else None
