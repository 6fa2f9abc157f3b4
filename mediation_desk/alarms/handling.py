"""Following an alarm to its outcome: acknowledge (接警: who, when), dispatch (派单: to whom),
resolve (处置: the outcome note is mandatory).

Each move is one unit of work: the alarm's local state, the transition op for the district
(payload {"from", "to", + the target's `rules.TRANSITION_FIELDS`}) and the audit record. The
district judges the move again from its own state (`rules.transition_conflict`): when another desk
of the village was first, the op comes back a conflict that says who, and nothing is overwritten.
Until the district has answered, the alarm shows `pending_push` and a pull keeps this desk's move."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import case, select

from mediation_desk.alarms import rules
from mediation_desk.alarms.alarm_store import alarm_views, load_alarm
from mediation_desk.alarms.dto import AlarmView, WaitingAlarms
from mediation_desk.alarms.models import Alarm
from mediation_desk.core.uow import Actor, UnitOfWork
from mediation_desk.desk import Desk
from mediation_desk.errors import ValidationError
from mediation_desk.privacy import roles
from mediation_desk.validation import clean_text

MAX_LIST = 2000
_VERBS = {rules.ACKNOWLEDGED: "接警", rules.DISPATCHED: "派单", rules.RESOLVED: "处置完毕"}
_AUDIT = {
    rules.ACKNOWLEDGED: "alarms.acknowledge",
    rules.DISPATCHED: "alarms.dispatch",
    rules.RESOLVED: "alarms.resolve",
}


def open_alarms(desk: Desk, actor: Actor) -> list[AlarmView]:
    """Not yet resolved: those nobody has acknowledged first, then the oldest first."""
    with desk.read(actor) as s:
        roles.authorize(actor, "alarms.view")
        unanswered = case((Alarm.status == rules.NEW, 0), else_=1)
        q = select(Alarm).where(Alarm.status != rules.RESOLVED).order_by(unanswered, Alarm.raised_at, Alarm.id)
        return alarm_views(s, list(s.scalars(q.limit(MAX_LIST))))


def waiting_alarms(desk: Desk, *, escalated_only: bool = False) -> WaitingAlarms:
    """How many alarms wait for 接警, for a desk nobody is logged in to (locked, or the idle
    lock came): it must still ring, and says only how many (`WaitingAlarms`). `escalated_only`:
    a town's desk rings for what its villages did not answer in time."""
    with desk.read() as s:
        q = select(Alarm.kinds).where(Alarm.status == rules.NEW)
        if escalated_only:
            q = q.where(Alarm.escalated_at.is_not(None))
        kinds = list(s.scalars(q.limit(MAX_LIST)))
    return WaitingAlarms(len(kinds), any(rules.is_urgent(k or ()) for k in kinds))


def list_alarms(desk: Desk, actor: Actor, *, month: str | None = None, limit: int = 200) -> list[AlarmView]:
    """Newest first; `month` (YYYY-MM, Beijing): those raised in it."""
    with desk.read(actor) as s:
        roles.authorize(actor, "alarms.view")
        q = select(Alarm)
        if month is not None:
            start, end = month_bounds(month)
            q = q.where(Alarm.raised_at >= start, Alarm.raised_at < end)
        q = q.order_by(Alarm.raised_at.desc(), Alarm.id).limit(max(1, min(limit, MAX_LIST)))
        return alarm_views(s, list(s.scalars(q)))


def get_alarm(desk: Desk, actor: Actor, alarm_id: str) -> AlarmView:
    with desk.read(actor) as s:
        roles.authorize(actor, "alarms.view")
        return alarm_views(s, [load_alarm(s, alarm_id)])[0]


def acknowledge(desk: Desk, actor: Actor, alarm_id: str) -> AlarmView:
    return _move(desk, actor, alarm_id, rules.ACKNOWLEDGED, {})


def dispatch(desk: Desk, actor: Actor, alarm_id: str, to: str) -> AlarmView:
    whom = clean_text(to, "to", "派单对象", required=True, max_chars=rules.MAX_WHO_CHARS)
    return _move(desk, actor, alarm_id, rules.DISPATCHED, {"dispatched_to": whom})


def resolve(desk: Desk, actor: Actor, alarm_id: str, outcome: str) -> AlarmView:
    note = clean_text(outcome, "outcome", "处置结果", required=True, max_chars=rules.MAX_OUTCOME_CHARS, multiline=True)
    return _move(desk, actor, alarm_id, rules.RESOLVED, {"outcome": note})


def month_bounds(month: str) -> tuple[dt.datetime, dt.datetime]:
    """The first instants of a Beijing month and of the next (YYYY-MM)."""
    try:
        year, number = (int(part) for part in month.split("-"))
        start = dt.datetime(year, number, 1, tzinfo=rules.BEIJING)
    except (ValueError, AttributeError):
        raise ValidationError.single(
            "month", "month_format", f"月份应写成 YYYY-MM（如 2026-05），实际为「{month}」"
        ) from None
    end = dt.datetime(year + number // 12, number % 12 + 1, 1, tzinfo=rules.BEIJING)
    return start, end


# ---- inside ----------------------------------------------------------------------------------


def _move(desk: Desk, actor: Actor, alarm_id: str, target: str, given: dict[str, str | None]) -> AlarmView:
    with desk.write(actor) as uow:
        roles.authorize(actor, "alarms.handle")
        a = load_alarm(uow.session, alarm_id)
        if target not in rules.allowed_targets(a.status):
            raise ValidationError.single("status", "alarm_transition", _refusal(a.status, target))
        before = a.status
        fields = _fields(uow, target, given)
        for name, value in fields.items():
            setattr(a, name, value)
        a.status = target
        a.hlc = uow.tick()
        uow.outbox(rules.ALARM, a.id, "transition", {"from": before, "to": target, **fields})
        uow.audit(_AUDIT[target], rules.ALARM, a.id, from_status=before, to_status=target)
        return alarm_views(uow.session, [a])[0]


def _fields(uow: UnitOfWork, target: str, given: dict[str, str | None]) -> dict[str, object]:
    """The target's TRANSITION_FIELDS: who (the operator's display name) and when (this action)."""
    who = uow.actor.label[: rules.MAX_WHO_CHARS]
    stem = {rules.ACKNOWLEDGED: "acknowledged", rules.DISPATCHED: "dispatched", rules.RESOLVED: "resolved"}[target]
    values: dict[str, object] = {f"{stem}_by": who, f"{stem}_at": uow.now, **given}
    return {name: values[name] for name in rules.TRANSITION_FIELDS[target]}


def _refusal(status: str, target: str) -> str:
    held = rules.STATES.get(status, status)
    allowed = "、".join(_VERBS[t] for t in rules.allowed_targets(status)) or "无（已处置完毕）"
    return f"报警状态为“{held}”，不能{_VERBS[target]}；现在可以：{allowed}"
