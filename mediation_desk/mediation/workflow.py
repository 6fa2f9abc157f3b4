"""Moving a case through its life. The rules live in `states`; this applies them and records
the change, its history, the audit record and the outbox op in one unit of work."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select

from mediation_desk.core.registry import REGISTRY
from mediation_desk.core.uow import Actor, UnitOfWork
from mediation_desk.desk import Desk
from mediation_desk.errors import ValidationError
from mediation_desk.mediation import states
from mediation_desk.mediation.case_access import authorize, case_facts, load_case
from mediation_desk.mediation.intake import RISK_FLAGS
from mediation_desk.mediation.models_case import Agreement, CaseAssignment, CaseTransition, MediationCase
from mediation_desk.validation import clean_text


def apply_transition(
    uow: UnitOfWork,
    case: MediationCase,
    target: str,
    *,
    reason: str | None = None,
    routes: Iterable[str] = (),
    escalate_to: str | None = None,
    prevented: Iterable[str] = (),
) -> None:
    """Check and apply `case.status → target` inside the caller's unit of work."""
    reason = clean_text(reason, "reason", "理由", required=False, max_chars=2000, multiline=True)
    routes = tuple(routes)
    prevented = tuple(prevented)
    if bad := [p for p in prevented if p not in RISK_FLAGS]:
        raise ValidationError.single("prevented", "prevented_flag", f"未知的防止事项：{'、'.join(bad)}")
    facts = case_facts(uow.session, case, reason=reason, routes_told=routes, escalate_to=escalate_to)
    states.check_transition(case.status, target, facts)
    previous = case.status
    hlc = uow.tick()
    case.status, case.status_changed_at, case.updated_at, case.updated_hlc = target, uow.now, uow.now, hlc
    if target in (states.TERMINATED, states.DECLINED, states.ESCALATED, states.UNPERFORMED):
        case.status_reason = reason
    if target in (states.TERMINATED, states.UNPERFORMED):
        case.routes_told = list(routes)
    if previous == states.AGREED and target in (states.IN_MEDIATION, states.TERMINATED):
        _withdraw_agreement(uow, case, reason or "")
    if target == states.ESCALATED:
        case.escalated_to = escalate_to
    if target == states.CLOSED:
        case.closed_on = uow.today
    if prevented:
        case.prevented = sorted(set(case.prevented) | set(prevented))
    details: dict[str, Any] = {}
    if routes:
        details["routes"] = list(routes)
    if escalate_to:
        details["escalate_to"] = escalate_to
    if prevented:
        details["prevented"] = list(prevented)
    uow.session.add(
        CaseTransition(
            case_id=case.id,
            from_status=previous,
            to_status=target,
            at=uow.now,
            hlc=hlc,
            actor=uow.actor.username,
            reason=reason,
            details=details,
        )
    )
    uow.audit("case.transition", "case", case.id, from_status=previous, to_status=target)
    # State machines sync as transitions (the server re-validates from its own state).
    uow.outbox(
        "case",
        case.id,
        "transition",
        {"from": previous, "to": target, "hlc": hlc, **details, "closed_on": case.closed_on},
    )
    if target == states.CLOSED:
        _announce_closing(uow, case)


def _withdraw_agreement(uow: UnitOfWork, case: MediationCase, reason: str) -> None:
    """The unsigned written agreement is withdrawn (mediation resumes, or a party refused to
    sign): its row stays, marked, and no longer counts as an agreement reached."""
    a = uow.session.scalars(select(Agreement).where(Agreement.case_id == case.id)).one()
    a.withdrawn_on, a.withdrawn_reason, a.updated_hlc = uow.today, reason, uow.tick()
    uow.audit("agreement.withdrawn", "case", case.id, withdrawn_on=uow.today.isoformat())
    uow.outbox("agreement", a.id, "update", {"fields": {"withdrawn_on": uow.today}, "updated_hlc": a.updated_hlc})


def _announce_closing(uow: UnitOfWork, case: MediationCase) -> None:
    """Tell whoever listens (core/registry.py) that a case closed, with its lead mediator and
    whether an agreement is in effect: a volunteer mediator's work may earn green coins."""
    lead = uow.session.scalars(
        select(CaseAssignment.mediator_id)
        .where(CaseAssignment.case_id == case.id, CaseAssignment.role == "lead")
        .order_by(CaseAssignment.ended_at.is_not(None), CaseAssignment.assigned_at.desc())
    ).first()
    # Only an agreement in effect (not withdrawn, not ruled invalid) is a mediation that succeeded.
    effective = uow.session.scalars(
        select(Agreement.effective_on).where(
            Agreement.case_id == case.id, Agreement.withdrawn_on.is_(None), Agreement.invalidated_on.is_(None)
        )
    ).first()
    REGISTRY.publish(
        uow,
        states.CASE_CLOSED_EVENT,
        {
            "case_id": case.id,
            "lead_mediator_id": lead,
            "agreement_effective_on": effective,
            "closed_on": case.closed_on,
        },
    )


def transition(
    desk: Desk,
    actor: Actor,
    case_key: str,
    target: str,
    *,
    reason: str | None = None,
    routes: Iterable[str] = (),
    escalate_to: str | None = None,
    prevented: Iterable[str] = (),
) -> str:
    """Move a case; returns its new status. Refusals raise `TransitionError` saying why."""
    if target not in states.TRANSITIONS:
        raise ValidationError.single(
            "target", "status_unknown", f"未知的状态「{target}」，可选：{'、'.join(states.STATES)}"
        )
    with desk.write(actor) as uow:
        case = load_case(uow.session, case_key)
        authorize(uow.session, actor, "case.transition", case.id)
        apply_transition(uow, case, target, reason=reason, routes=routes, escalate_to=escalate_to, prevented=prevented)
        return case.status
