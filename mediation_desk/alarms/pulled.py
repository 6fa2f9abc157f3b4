"""What the district's feed brings to the alarms (registered with the ground as the pull handler of
alarms and device tasks): a pull and the alarm stream apply the same changes the same way.

Both are born at the district and kept here by its id, and a page applied twice changes nothing
the second time. An alarm seen for the first time gets `received_at` (this desk's moment) and is
`late` when it reached the desk later than `rules.is_late` allows — or when the caller says the
whole batch came late (the stream replaying what was missed while it was down: `mark_late`).

The district's state is the truth, except for a move of this desk not yet answered: while a
transition op is pending, the alarm keeps its local status and handling fields (the district's
escalation, position and battery are still taken). Once the district refused the move (conflict),
its state is taken whole; otherwise an alarm never moves back along its life (a replayed earlier
state). Coordinates are never kept for a wearer whose location consent is not in force here."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import select

from mediation_desk.alarms import rules
from mediation_desk.alarms.alarm_store import PENDING
from mediation_desk.alarms.models import Alarm, DeviceTask, Wearer
from mediation_desk.alarms.wearer_store import LOCATION, consents_in_force
from mediation_desk.core import sync_contract as contract
from mediation_desk.core.models import OutboxOp
from mediation_desk.core.uow import UnitOfWork

log = logging.getLogger(__name__)

ENTITIES = rules.STREAM_ENTITIES
_RANK = {rules.NEW: 0, rules.ACKNOWLEDGED: 1, rules.DISPATCHED: 2, rules.RESOLVED: 3}
_HANDLING = ("status", *sorted({f for fields in rules.TRANSITION_FIELDS.values() for f in fields}))
_TASK_CLOSE = ("status", "closed_at", "closed_by", "note")
_REFUSED = frozenset({contract.CONFLICT, contract.REJECTED})
# The alarms each open unit of work saw for the first time (what `mark_late` may mark).
_FIRST_SEEN: WeakKeyDictionary[UnitOfWork, set[str]] = WeakKeyDictionary()


def apply_changes(uow: UnitOfWork, changes: list[contract.Change]) -> int:
    """The page's alarm and device-task changes, in feed order; how many rows changed."""
    last_ops = _last_ops(uow, {c.entity_id for c in changes})
    no_location = _without_location(uow, changes)
    changed = 0
    for change in changes:
        if change.entity == rules.ALARM:
            changed += _alarm(uow, change, last_ops.get(change.entity_id), no_location)
        elif change.entity == rules.DEVICE_TASK:
            changed += _task(uow, change, last_ops.get(change.entity_id))
    return changed


def mark_late(uow: UnitOfWork, alarm_ids: Iterable[str]) -> list[str]:
    """Mark late those of `alarm_ids` this unit of work stored for the first time (the stream's
    replay after a reconnect): an alarm already known keeps how it first arrived. Returns them."""
    wanted = sorted(_FIRST_SEEN.get(uow, set()) & set(alarm_ids))
    for a in uow.session.scalars(select(Alarm).where(Alarm.id.in_(wanted))):
        a.late = True
    return wanted


# ---- alarms --------------------------------------------------------------------------------------


def _alarm(uow: UnitOfWork, change: contract.Change, last_op: str | None, no_location: set[str]) -> int:
    s, d = uow.session, change.data
    values = _alarm_values(d)
    if values is None:
        return _skipped(change, "no device, moment or status")
    if values["wearer_id"] in no_location:
        values.update(latitude=None, longitude=None, has_fix=False)
    row = s.get(Alarm, change.entity_id)
    if row is None:
        row = Alarm(
            id=change.entity_id,
            received_at=uow.now,
            late=rules.is_late(values["raised_at"], uow.now),
            committee_code=change.committee_code,
            hlc=change.hlc,
            **values,
        )
        s.add(row)
        _FIRST_SEEN.setdefault(uow, set()).add(row.id)
        return 1
    keep_local = last_op == PENDING
    if not keep_local and last_op not in _REFUSED and _RANK.get(values["status"], 0) < _RANK.get(row.status, 0):
        keep_local = True  # an earlier state the feed replays: the alarm never moves back
    taken = [
        name for name, value in values.items() if not (keep_local and name in _HANDLING) and getattr(row, name) != value
    ]
    for name in taken:
        setattr(row, name, values[name])
    row.hlc = max(row.hlc, change.hlc)
    row.committee_code = change.committee_code or row.committee_code
    return 1 if taken else 0


def _alarm_values(d: dict[str, Any]) -> dict[str, Any] | None:
    device, raised, status = _text(d.get("device_id"), 32), _moment(d.get("raised_at")), d.get("status")
    if device is None or raised is None or status not in rules.STATES:
        return None
    kinds = [str(k)[:16] for k in d.get("kinds") or [] if k] if isinstance(d.get("kinds"), list) else []
    fix = bool(d.get("has_fix")) and _number(d.get("latitude")) is not None and _number(d.get("longitude")) is not None
    battery = d.get("battery")
    return {
        "wearer_id": _text(d.get("wearer_id"), 36),
        "wearer_name": _text(name, 64) if isinstance(name := d.get("wearer_name"), str) else None,
        "device_id": device,
        "kinds": kinds or [rules.ALARM_OTHER],
        "source": _text(d.get("source"), 16) or "watch",
        "raised_at": raised,
        "status": status,
        "latitude": _number(d.get("latitude")) if fix else None,
        "longitude": _number(d.get("longitude")) if fix else None,
        "has_fix": fix,
        "battery": battery if isinstance(battery, int) and not isinstance(battery, bool) else None,
        "acknowledged_by": _text(d.get("acknowledged_by"), rules.MAX_WHO_CHARS),
        "acknowledged_at": _moment(d.get("acknowledged_at")),
        "dispatched_to": _text(d.get("dispatched_to"), rules.MAX_WHO_CHARS),
        "dispatched_by": _text(d.get("dispatched_by"), rules.MAX_WHO_CHARS),
        "dispatched_at": _moment(d.get("dispatched_at")),
        "resolved_by": _text(d.get("resolved_by"), rules.MAX_WHO_CHARS),
        "resolved_at": _moment(d.get("resolved_at")),
        "outcome": _text(d.get("outcome"), rules.MAX_OUTCOME_CHARS),
        "escalated_at": _moment(d.get("escalated_at")),
    }


def _without_location(uow: UnitOfWork, changes: list[contract.Change]) -> set[str]:
    """Wearers of this desk (named in the page) whose location consent is not in force."""
    ids = {c.data.get("wearer_id") for c in changes if c.entity == rules.ALARM}
    rows = uow.session.execute(
        select(Wearer.id, Wearer.person_id).where(Wearer.id.in_({i for i in ids if isinstance(i, str)}))
    ).all()
    consents = consents_in_force(uow.session, [person_id for _, person_id in rows])
    return {wid for wid, person_id in rows if LOCATION not in consents.get(person_id, set())}


# ---- device tasks -------------------------------------------------------------------------------


def _task(uow: UnitOfWork, change: contract.Change, last_op: str | None) -> int:
    s, d = uow.session, change.data
    device, opened = _text(d.get("device_id"), 32), _moment(d.get("opened_at"))
    kind, status = d.get("kind"), d.get("status")
    if device is None or opened is None or kind not in rules.TASK_KINDS or status not in rules.TASK_STATUSES:
        return _skipped(change, "no device, moment, kind or status")
    values: dict[str, Any] = {
        "wearer_id": _text(d.get("wearer_id"), 36),
        "device_id": device,
        "kind": kind,
        "status": status,
        "opened_at": opened,
        "reason": _text(d.get("reason"), 200),
        "closed_at": _moment(d.get("closed_at")),
        "closed_by": _text(d.get("closed_by"), rules.MAX_WHO_CHARS),
        "note": _text(d.get("note"), 200),
    }
    row = s.get(DeviceTask, change.entity_id)
    if row is None:
        s.add(DeviceTask(id=change.entity_id, committee_code=change.committee_code, hlc=change.hlc, **values))
        return 1
    # A close of this desk still to push stands; a task done is never opened again by a replay.
    keep_local = last_op == PENDING or (row.status == rules.TASK_DONE and status == rules.TASK_OPEN)
    taken = [
        name
        for name, value in values.items()
        if not (keep_local and name in _TASK_CLOSE) and getattr(row, name) != value
    ]
    for name in taken:
        setattr(row, name, values[name])
    row.hlc = max(row.hlc, change.hlc)
    return 1 if taken else 0


# ---- inside ------------------------------------------------------------------------------------


def _last_ops(uow: UnitOfWork, entity_ids: set[str]) -> dict[str, str]:
    """entity id → the state of this desk's latest op on it (pending, applied, conflict …)."""
    if not entity_ids:
        return {}
    rows = uow.session.execute(
        select(OutboxOp.entity_id, OutboxOp.state)
        .where(OutboxOp.entity.in_(ENTITIES), OutboxOp.entity_id.in_(entity_ids))
        .order_by(OutboxOp.seq)
    ).all()
    return {entity_id: state for entity_id, state in rows}  # noqa: C416 (rows; the later op wins)


def _moment(value: Any) -> dt.datetime | None:
    """An ISO moment with its offset; one without (or unreadable) is not guessed at."""
    try:
        moment = dt.datetime.fromisoformat(str(value)) if value else None
    except ValueError:
        return None
    return moment if moment is not None and moment.tzinfo is not None else None


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if -180.0 <= value <= 180.0 else None


def _text(value: Any, max_chars: int) -> str | None:
    if value is None:
        return None
    return str(value).strip()[:max_chars] or None


def _skipped(change: contract.Change, why: str) -> int:
    log.warning("pulled %s %s not kept: %s", change.entity, change.entity_id, why)
    return 0
