"""What the case page shows of one case, read in one unit of work: the detail (parties masked
unless asked for with a reason), the session records, the attachments, the facts of the state
machine — and the actions this actor may take now.

The actions follow the state machine (`states`): every move the current state allows is offered;
a move a guard blocks is offered with the guard's own sentence saying why. A guard whose
condition is what the action's own form supplies (the mediator chosen in the assignment dialog,
the agreement typed into its editor, the reason and routes of a termination) does not block.
Of those, only the ones the role table (`privacy.roles`) lets this actor do on this case are
listed: the window shows exactly these and decides nothing itself."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.mediation import states
from mediation_desk.mediation.assignment import ASSIGNABLE, REPLACEABLE
from mediation_desk.mediation.attachments import AttachmentView, attachment_views
from mediation_desk.mediation.case_access import authorize, case_facts, load_case, owns_case
from mediation_desk.mediation.dto import CaseDetail
from mediation_desk.mediation.followup import FOLLOWABLE
from mediation_desk.mediation.models_case import MediationCase
from mediation_desk.mediation.queries import full_data_reason, read_case_detail
from mediation_desk.mediation.sessions import RECORDABLE, SessionView, session_views
from mediation_desk.privacy import roles

# The actions of the case page, in the order of a case's life.
ORDER = (
    "assign",
    "session",
    "agreement",
    "sign",
    "withdraw",
    "refuse_sign",
    "perform",
    "follow_up",
    "unperformed",
    "close",
    "terminate",
    "decline",
    "escalate",
)
# The action that performs each move of the state machine.
TARGET_ACTIONS = {
    states.ASSIGNED: "assign",
    states.IN_MEDIATION: "session",
    states.AGREED: "agreement",
    states.PERFORMING: "perform",
    states.FOLLOW_UP: "follow_up",
    states.CLOSED: "close",
    states.TERMINATED: "terminate",
    states.DECLINED: "decline",
    states.ESCALATED: "escalate",
    states.UNPERFORMED: "unperformed",
}
# The moves back from an agreement not yet signed (art. 29: withdrawn; art. 26: a party refuses).
AGREED_ACTIONS = {states.IN_MEDIATION: "withdraw", states.TERMINATED: "refuse_sign"}
# The permission the service behind each action asks the role table for.
ACTION_PERMISSIONS = {
    "assign": "case.assign",
    "session": "session.record",
    "agreement": "agreement.record",
    "sign": "agreement.sign",
    "follow_up": "follow_up.record",
    "perform": "case.transition",
    "close": "case.transition",
    "terminate": "case.transition",
    "decline": "case.transition",
    "escalate": "case.transition",
    "withdraw": "case.transition",
    "refuse_sign": "case.transition",
    "unperformed": "case.transition",
}
# Moves whose guard needs what the dialog itself asks for (a reason, the routes, the level).
_ASKED_BY_THE_DIALOG = frozenset({states.TERMINATED, states.DECLINED, states.ESCALATED, states.UNPERFORMED})


@dataclass(frozen=True)
class OfferedAction:
    key: str  # one of ORDER
    blocked: str | None = None  # why it cannot be done now; None when it can
    target: str | None = None  # the state it moves the case to, for the actions that are a move


@dataclass(frozen=True)
class CasePageView:
    detail: CaseDetail
    facts: states.CaseFacts
    sessions: tuple[SessionView, ...]  # the latest version of each record
    attachments: tuple[AttachmentView, ...]
    actions: tuple[OfferedAction, ...]  # what this actor may do on this case now, in ORDER
    may_view_full: bool  # the parties' full personal data, and the documents that print them
    may_add_attachments: bool
    may_open_attachments: bool
    may_correct_sessions: bool
    full_personal_data: bool = False

    @property
    def case_id(self) -> str:
        return self.detail.summary.id

    @property
    def status(self) -> str:
        return self.detail.summary.status

    def action(self, key: str) -> OfferedAction | None:
        return next((a for a in self.actions if a.key == key), None)


def load_case_page(
    desk: Desk, actor: Actor, case_key: str, *, full_personal_data: bool = False, reason: str | None = None
) -> CasePageView:
    """Everything the case page shows about one case (by id or number), for an actor whose role
    may see it (a 调解员: own cases only; a refusal is audited as `access.denied`). Full personal
    data need a reason and an unlocked desk; the look is audited with its reason in the same unit
    of work that reads them."""
    if not full_personal_data:
        with desk.read(actor) as s:
            case = load_case(s, case_key)
            authorize(s, actor, "case.view", case.id)
            return _view(s, case, desk.vault, actor, full_personal_data=False)
    reason = full_data_reason(reason)
    vault = desk.require_vault()  # locked, there is nothing to show: refuse rather than audit a look
    with desk.write(actor) as uow:
        case = load_case(uow.session, case_key)
        authorize(uow.session, actor, "case.view_full", case.id)
        uow.audit("case.view_personal_data", "case", case.id, reason=reason)
        return _view(uow.session, case, vault, actor, full_personal_data=True)


def _view(s: Session, case: MediationCase, vault: Any, actor: Actor, *, full_personal_data: bool) -> CasePageView:
    facts = case_facts(s, case)
    detail = read_case_detail(s, case, vault, full_personal_data=full_personal_data, facts=facts)
    own = owns_case(s, actor, case.id)

    def may(action: str) -> bool:
        return roles.allowed(actor.role, action, own_case=own)

    actions = tuple(a for a in offered_actions(detail, facts) if may(ACTION_PERMISSIONS[a.key]))
    return CasePageView(
        detail,
        facts,
        tuple(session_views(s, case.id)),
        tuple(attachment_views(s, case.id)),
        actions,
        may_view_full=may("case.view_full"),
        may_add_attachments=may("attachment.add"),
        may_open_attachments=may("attachment.open"),
        may_correct_sessions=may("session.record"),
        full_personal_data=full_personal_data,
    )


def _supplied(target: str, facts: states.CaseFacts) -> states.CaseFacts:
    """The facts as they will be once the action's form is filled in."""
    if target == states.ASSIGNED:
        return dataclasses.replace(facts, active_mediators=max(facts.active_mediators, 1))
    if target == states.AGREED:
        return dataclasses.replace(facts, has_agreement=True, agreement_withdrawn=False)
    if target in _ASKED_BY_THE_DIALOG or (target == states.IN_MEDIATION and facts.has_agreement):
        routes, level = tuple(states.ROUTES), next(iter(states.ESCALATION_LEVELS))
        return dataclasses.replace(facts, reason="…", routes_told=routes, escalate_to=level)
    return facts


def offered_actions(detail: CaseDetail, facts: states.CaseFacts) -> list[OfferedAction]:
    """The actions the case's state offers now, whoever acts, in ORDER (see the module's note)."""
    status = detail.summary.status
    found: dict[str, OfferedAction] = {}
    for target in states.allowed_targets(status):
        key = TARGET_ACTIONS[target]
        if status == states.AGREED and target in AGREED_ACTIONS:
            if not facts.unsigned_written:
                continue  # a signed or oral agreement is not withdrawn: art. 32 leaves the courts
            key = AGREED_ACTIONS[target]
        blocked = states.blocking_reason(status, target, _supplied(target, facts))
        found[key] = OfferedAction(key, blocked, target)
    # Work on a case that is not itself a move: more mediators, more sessions, another visit.
    if status in ASSIGNABLE or (status in REPLACEABLE and facts.active_mediators == 0):  # a refused last one
        found.setdefault("assign", OfferedAction("assign"))
    if status in RECORDABLE:
        found.setdefault("session", OfferedAction("session"))
    if status in FOLLOWABLE and facts.has_agreement:
        found.setdefault("follow_up", OfferedAction("follow_up"))
    a = detail.agreement
    if a is not None and a.form == "written" and a.effective_on is None and status in FOLLOWABLE:
        found["sign"] = OfferedAction("sign")
    return [found[k] for k in ORDER if k in found]
