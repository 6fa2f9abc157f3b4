"""Alarms and device tasks as the faces see them, and what the handling, the pull and the figures
share: which alarms have a move of this desk still to push, and the local name of a wearer (an
alarm of a bracelet nobody here enrolled — another desk's, another village's seen by a town desk —
is named as the district names it, and one of a device not yet routed by its device id)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from mediation_desk.alarms import rules
from mediation_desk.alarms.dto import AlarmView, DeviceTaskView
from mediation_desk.alarms.models import Alarm, DeviceTask
from mediation_desk.alarms.wearer_store import wearer_names
from mediation_desk.core.models import OutboxOp
from mediation_desk.errors import NotFound

PENDING = "pending"  # an outbox op not yet answered by the district


def pending_ids(s: Session, entity: str, ids: Iterable[str]) -> set[str]:
    wanted = list(set(ids))
    if not wanted:
        return set()
    return set(
        s.scalars(
            select(OutboxOp.entity_id).where(
                OutboxOp.entity == entity, OutboxOp.entity_id.in_(wanted), OutboxOp.state == PENDING
            )
        )
    )


def unknown_wearer(device_id: str) -> str:
    return f"未登记的手环 {device_id}"


def load_alarm(s: Session, alarm_id: str) -> Alarm:
    a = s.get(Alarm, alarm_id)
    if a is None:
        raise NotFound("报警", alarm_id)
    return a


def alarm_views(s: Session, rows: Sequence[Alarm]) -> list[AlarmView]:
    names = wearer_names(s, (a.wearer_id for a in rows))
    pending = pending_ids(s, rules.ALARM, (a.id for a in rows))
    return [
        AlarmView(
            id=a.id,
            wearer_id=a.wearer_id,
            wearer_name=names.get(a.wearer_id or "") or a.wearer_name or unknown_wearer(a.device_id),
            village=a.committee_code,
            device_id=a.device_id,
            kinds=tuple(a.kinds or ()),
            kinds_label=rules.kinds_label(a.kinds or ()),
            urgent=rules.is_urgent(a.kinds or ()),
            source=a.source,
            raised_at=a.raised_at,
            received_at=a.received_at,
            late=a.late,
            status=a.status,
            status_label=rules.STATES.get(a.status, a.status),
            latitude=a.latitude,
            longitude=a.longitude,
            has_fix=a.has_fix,
            battery=a.battery,
            acknowledged_by=a.acknowledged_by,
            acknowledged_at=a.acknowledged_at,
            dispatched_to=a.dispatched_to,
            dispatched_by=a.dispatched_by,
            dispatched_at=a.dispatched_at,
            resolved_by=a.resolved_by,
            resolved_at=a.resolved_at,
            outcome=a.outcome,
            escalated_at=a.escalated_at,
            pending_push=a.id in pending,
        )
        for a in rows
    ]


def task_views(s: Session, rows: Sequence[DeviceTask]) -> list[DeviceTaskView]:
    names = wearer_names(s, (t.wearer_id for t in rows))
    return [
        DeviceTaskView(
            id=t.id,
            wearer_id=t.wearer_id,
            wearer_name=names.get(t.wearer_id or "", unknown_wearer(t.device_id)),
            device_id=t.device_id,
            kind=t.kind,
            kind_label=rules.TASK_KINDS.get(t.kind, t.kind),
            status=t.status,
            status_label=rules.TASK_STATUSES.get(t.status, t.status),
            opened_at=t.opened_at,
            reason=t.reason,
            closed_at=t.closed_at,
            closed_by=t.closed_by,
            note=t.note,
        )
        for t in rows
    ]
