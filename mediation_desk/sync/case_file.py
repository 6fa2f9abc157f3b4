"""The whole file (卷宗) of a case escalated to the town, sent up as a `case_file` op.

An escalation is an ordinary `case` transition op; before each push batch the sync layer adds,
for every pending escalation, one `case_file` op whose id is derived from the escalation's
(so a crash and a retry never add a second one). That outbox row holds only the case id: the
file itself — parties with their contact details, facts, session records, agreement, follow-ups,
history — is read from the desk database at push time and decrypted in memory only, because the
outbox table is not encrypted. A locked desk cannot read the parties' details: the file then
waits (counted as `held`) until someone logs in; nothing else waits for it."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from mediation_desk.core import sync_contract as contract
from mediation_desk.core.models import OutboxOp
from mediation_desk.core.uow import UnitOfWork
from mediation_desk.mediation import states
from mediation_desk.mediation.models_case import (
    Agreement,
    Attachment,
    CaseAssignment,
    CaseParty,
    CaseTransition,
    FollowUp,
    MediationCase,
    SessionRecord,
)
from mediation_desk.mediation.models_people import Mediator
from mediation_desk.people.identity import secrets_of
from mediation_desk.people.models import Person
from mediation_desk.privacy.vault import Vault

CASE_FILE = contract.CASE_FILE
TOWN = "town"  # the district keeps files for the town that takes a case over, not for the county
_NAMESPACE = uuid.UUID("6f1c2a4e-8d1b-4c57-9e0a-3b5d7c9e1f20")
# Columns that are the desk's own bookkeeping, not part of the file.
_SKIP = {
    "search_text",
    "purged_at",
    "id_number_enc",
    "id_number_idx",
    "phone_enc",
    "phone_idx",
    "address_enc",
    "legacy_id_number",
    "legacy_phone",
    "legacy_address",
    "stored_name",
    "encrypted",
}


def file_op_id(escalation_op_id: str) -> str:
    """The case file op's id, derived from its escalation op: adding it twice is impossible."""
    return str(uuid.uuid5(_NAMESPACE, f"{CASE_FILE}:{escalation_op_id}"))


def _missing(s: Session) -> dict[str, OutboxOp]:
    """Pending escalations without their case file op, by the file op's id."""
    escalations = s.scalars(
        select(OutboxOp)
        .where(
            OutboxOp.state == "pending",
            OutboxOp.entity == "case",
            OutboxOp.kind == contract.TRANSITION,
            func.json_extract(OutboxOp.payload, "$.to") == states.ESCALATED,
            func.json_extract(OutboxOp.payload, "$.escalate_to") == TOWN,
        )
        .order_by(OutboxOp.seq)
    ).all()
    wanted = {file_op_id(op.op_id): op for op in escalations}
    if wanted:
        for have in s.scalars(select(OutboxOp.op_id).where(OutboxOp.op_id.in_(list(wanted)))):
            wanted.pop(have, None)
    return wanted


def has_missing_file_ops(s: Session) -> bool:
    return bool(_missing(s))


def add_missing_file_ops(uow: UnitOfWork) -> int:
    """One `case_file` op for each pending escalation that has none yet; returns how many."""
    s = uow.session
    added = 0
    for op_id, escalation in _missing(s).items():
        s.add(
            OutboxOp(
                op_id=op_id,
                hlc=uow.tick(),
                entity=CASE_FILE,
                entity_id=escalation.entity_id,
                kind=contract.APPEND,
                created_at=uow.now,
                payload={
                    "case_id": escalation.entity_id,
                    "escalation_op_id": escalation.op_id,
                    "escalate_to": escalation.payload.get("escalate_to"),
                },
            )
        )
        added += 1
    s.flush()
    return added


def needs_vault(s: Session, case_id: str) -> bool:
    """The file includes encrypted personal values: it can only be read on an unlocked desk."""
    return (
        s.scalars(
            select(Person.id)
            .join(CaseParty, CaseParty.person_id == Person.id)
            .where(
                CaseParty.case_id == case_id,
                (Person.id_number_enc.is_not(None))
                | (Person.phone_enc.is_not(None))
                | (Person.address_enc.is_not(None)),
            )
            .limit(1)
        ).first()
        is not None
    )


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, bytes):
        return None
    return value


def _row(obj: Any) -> dict[str, Any]:
    return {c.key: _plain(getattr(obj, c.key)) for c in inspect(obj).mapper.column_attrs if c.key not in _SKIP}


def build_case_file(s: Session, case_id: str, vault: Vault | None) -> dict[str, Any]:
    """The file as the town needs it to take the case over (personal values in clear)."""
    case = s.get(MediationCase, case_id)
    if case is None:
        return {"case_id": case_id, "missing": True}
    parties = []
    for cp, person in s.execute(
        select(CaseParty, Person)
        .join(Person, Person.id == CaseParty.person_id)
        .where(CaseParty.case_id == case_id)
        .order_by(CaseParty.position)
    ):
        secrets = secrets_of(person, vault)
        parties.append(
            {
                "role": cp.role,
                "position": cp.position,
                "agent_name": cp.agent_name,
                "person": {
                    **_row(person),
                    "id_number": secrets.id_number,
                    "phone": secrets.phone,
                    "address": secrets.address,
                },
            }
        )
    mediator_ids = set(s.scalars(select(CaseAssignment.mediator_id).where(CaseAssignment.case_id == case_id)))
    mediators = {
        m.id: {"id": m.id, "name": m.name, "title": m.title}
        for m in s.scalars(select(Mediator).where(Mediator.id.in_(mediator_ids)))
    }

    def rows(model: Any, order: Any) -> list[dict[str, Any]]:
        return [_row(r) for r in s.scalars(select(model).where(model.case_id == case_id).order_by(order))]

    agreement = s.scalars(select(Agreement).where(Agreement.case_id == case_id)).first()
    return {
        "case_id": case_id,
        "case": _row(case),
        "parties": parties,
        "mediators": list(mediators.values()),
        "assignments": rows(CaseAssignment, CaseAssignment.assigned_at),
        "history": rows(CaseTransition, CaseTransition.hlc),
        "sessions": rows(SessionRecord, SessionRecord.held_at),
        "agreement": _row(agreement) if agreement else None,
        "follow_ups": rows(FollowUp, FollowUp.due_on),
        "attachments": rows(Attachment, Attachment.created_at),  # what exists; the files stay here
    }
