"""Device tasks: a bracelet that needs a visit (offline, battery low, taken off). The district
opens them; whoever went closes one here with a note, and the close goes up as an update of the
task's fields (status done, when, by whom, the note)."""

from __future__ import annotations

from sqlalchemy import case, select

from mediation_desk.alarms import rules
from mediation_desk.alarms.alarm_store import task_views
from mediation_desk.alarms.dto import DeviceTaskView
from mediation_desk.alarms.entities import MAX_NOTE_CHARS
from mediation_desk.alarms.models import DeviceTask
from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.errors import NotFound, ValidationError
from mediation_desk.privacy import roles
from mediation_desk.validation import clean_text

MAX_LIST = 2000


def list_tasks(desk: Desk, actor: Actor, *, open_only: bool = True) -> list[DeviceTaskView]:
    """Open ones first, the oldest first among them; then the closed, the latest first."""
    with desk.read(actor) as s:
        roles.authorize(actor, "alarms.view")
        q = select(DeviceTask)
        if open_only:
            q = q.where(DeviceTask.status == rules.TASK_OPEN)
        done = case((DeviceTask.status == rules.TASK_OPEN, 0), else_=1)
        q = q.order_by(done, DeviceTask.opened_at, DeviceTask.id).limit(MAX_LIST)
        return task_views(s, list(s.scalars(q)))


def close_task(desk: Desk, actor: Actor, task_id: str, note: str) -> DeviceTaskView:
    with desk.write(actor) as uow:
        roles.authorize(actor, "alarms.handle")
        text = clean_text(note, "note", "处理情况", required=True, max_chars=MAX_NOTE_CHARS, multiline=True)
        t = uow.session.get(DeviceTask, task_id)
        if t is None:
            raise NotFound("手环设备任务", task_id)
        if t.status != rules.TASK_OPEN:
            raise ValidationError.single("status", "task_closed", "这项设备任务已处理，不能再次处理")
        t.status, t.closed_at, t.closed_by, t.note = (
            rules.TASK_DONE,
            uow.now,
            uow.actor.label[: rules.MAX_WHO_CHARS],
            text,
        )
        t.hlc = uow.tick()
        fields = {"status": t.status, "closed_at": t.closed_at, "closed_by": t.closed_by, "note": t.note}
        uow.outbox(rules.DEVICE_TASK, t.id, "update", {"fields": fields})
        uow.audit("alarms.task_close", rules.DEVICE_TASK, t.id, kind=t.kind)
        return task_views(uow.session, [t])[0]
