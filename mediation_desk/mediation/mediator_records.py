"""One mediator's record as it is edited: every field `mediators.update_mediator` takes, with
the phone in full. The roster list shows phones masked; opening a record to edit it is for those
who maintain the roster (`mediator.manage`), needs the unlocked data key and is audited."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.errors import NotFound
from mediation_desk.mediation.mediators import mediator_phone, open_loads
from mediation_desk.mediation.models_people import Mediator
from mediation_desk.privacy import roles


@dataclass(frozen=True)
class MediatorRecord:
    id: str
    name: str
    gender: str | None
    phone: str | None  # in full
    area: str | None
    skills: tuple[str, ...]
    available: bool
    active: bool
    max_open_cases: int | None
    title: str | None
    notes: str | None
    open_cases: int
    created_at: dt.datetime


def mediator_for_edit(desk: Desk, actor: Actor, mediator_id: str) -> MediatorRecord:
    """The record of one mediator, phone in full (refused without `mediator.manage`)."""
    vault = desk.require_vault()  # locked, the phone cannot be shown: refuse rather than blank it
    with desk.write(actor) as uow:  # the full phone is personal data: its viewing is audited
        roles.authorize(actor, "mediator.manage")
        s = uow.session
        m = s.get(Mediator, mediator_id)
        if m is None:
            raise NotFound("调解员", mediator_id)
        uow.audit("mediator.view_personal_data", "mediator", m.id, fields=["phone"])
        return MediatorRecord(
            id=m.id,
            name=m.name,
            gender=m.gender,
            phone=mediator_phone(m, vault),
            area=m.area,
            skills=tuple(m.skills),
            available=m.available,
            active=m.active,
            max_open_cases=m.max_open_cases,
            title=m.title,
            notes=m.notes,
            open_cases=open_loads(s).get(m.id, 0),
            created_at=m.created_at,
        )
