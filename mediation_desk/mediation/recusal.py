"""Taking a mediator off a case because the law says they may not act on it: a party refused
them (art. 23) or they turn out to be related to a party (回避). Shared by the assignment
services and the roster, which records relations."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from mediation_desk.core.uow import UnitOfWork
from mediation_desk.mediation import states
from mediation_desk.mediation.models_case import CaseAssignment, CaseParty, MediationCase

REASSIGN_HINT = "本案已无承办调解员，请重新指派"


def keep_a_lead(s: Session, case_id: str) -> None:
    """After a mediator leaves a case, the longest-serving one left leads it if nobody does."""
    active = list(
        s.scalars(
            select(CaseAssignment)
            .where(CaseAssignment.case_id == case_id, CaseAssignment.ended_at.is_(None))
            .order_by(CaseAssignment.assigned_at, CaseAssignment.id)
        )
    )
    if active and not any(a.role == "lead" for a in active):
        active[0].role = "lead"


def end_assignment(uow: UnitOfWork, case_id: str, mediator_id: str, reason: str) -> bool:
    """End the mediator's open assignment on the case (kept in history), hand the lead on and tell
    the district. When nobody is left the end reason says the case waits for a new mediator and
    the audit trail records it, so the case page and the log both show why work stopped. Returns
    whether an assignment was open."""
    s = uow.session
    rows = list(
        s.scalars(
            select(CaseAssignment).where(
                CaseAssignment.case_id == case_id,
                CaseAssignment.mediator_id == mediator_id,
                CaseAssignment.ended_at.is_(None),
            )
        )
    )
    if not rows:
        return False
    s.flush()
    still_acting = s.scalars(
        select(CaseAssignment.id)
        .where(
            CaseAssignment.case_id == case_id,
            CaseAssignment.ended_at.is_(None),
            CaseAssignment.mediator_id != mediator_id,
        )
        .limit(1)
    ).first()
    end_reason = reason if still_acting else f"{reason}；{REASSIGN_HINT}"
    for row in rows:
        row.ended_at, row.end_reason = uow.now, end_reason
    keep_a_lead(s, case_id)
    uow.outbox("case_assignment", case_id, "append", {"mediator_id": mediator_id, "ended": True})
    if not still_acting:
        uow.audit("case.reassign_needed", "case", case_id, mediator_id=mediator_id)
    return True


def recuse_related(uow: UnitOfWork, mediator_id: str, person_id: str, relation: str) -> list[str]:
    """A relation recorded after assignment: the mediator leaves every open case the person is a
    party to (a relative may not mediate, however far the case has gone). Returns those cases' ids."""
    s = uow.session
    case_ids = list(
        s.scalars(
            select(CaseAssignment.case_id)
            .join(CaseParty, CaseParty.case_id == CaseAssignment.case_id)
            .join(MediationCase, MediationCase.id == CaseAssignment.case_id)
            .where(
                CaseAssignment.mediator_id == mediator_id,
                CaseAssignment.ended_at.is_(None),
                CaseParty.person_id == person_id,
                MediationCase.status.in_(states.OPEN_STATES),
            )
            .distinct()
        )
    )
    reason = f"与当事人存在关系（{relation}），应当回避"
    for case_id in case_ids:
        end_assignment(uow, case_id, mediator_id, reason)
        uow.audit("case.mediator_recused", "case", case_id, mediator_id=mediator_id)
    return case_ids
