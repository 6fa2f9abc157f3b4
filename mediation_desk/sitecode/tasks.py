"""暗访检查、联合执法: the tasks the district opened for this committee's places (a red code, red
months in a row), as the last pull brought them. The desk only shows them: the district opens
them and the town closes them."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.privacy import roles
from mediation_desk.sitecode import rules
from mediation_desk.sitecode.dto import TaskView
from mediation_desk.sitecode.models import Place, Task

MAX_LIST = 5000


def list_tasks(
    desk: Desk, actor: Actor, *, open_only: bool = True, place_id: str | None = None, limit: int = 1000
) -> list[TaskView]:
    """Newest first (by the day the district opened them)."""
    with desk.read(actor) as s:
        roles.authorize(actor, "sitecode.view")
        q = select(Task)
        if open_only:
            q = q.where(Task.status == rules.TASK_OPEN)
        if place_id is not None:
            q = q.where(Task.place_id == place_id)
        q = q.order_by(Task.opened_on.desc(), Task.month.desc(), Task.id).limit(max(1, min(limit, MAX_LIST)))
        return task_views(s, list(s.scalars(q)))


def task_views(s: Session, rows: list[Task]) -> list[TaskView]:
    query = select(Place.id, Place.name).where(Place.id.in_({t.place_id for t in rows}))
    names: dict[str, str] = {pid: name for pid, name in s.execute(query).all()}  # noqa: C416 (rows, not pairs)
    return [
        TaskView(
            id=t.id,
            place_id=t.place_id,
            place_name=names.get(t.place_id, ""),  # a place not yet pulled: the district names it
            kind=t.kind,
            kind_label=rules.TASK_KINDS.get(t.kind, t.kind),
            month=t.month,
            status=t.status,
            status_label=rules.TASK_STATUSES.get(t.status, t.status),
            reasons=tuple(t.reasons or ()),
            parties=tuple(t.parties or ()),
            opened_on=t.opened_on,
            closed_on=t.closed_on,
            outcome=t.outcome,
        )
        for t in rows
    ]
