"""What the case page shows, read in one call on the desk worker, and which actions it offers.

The actions follow the state machine (`states`): every move the current state allows is offered;
a move a guard blocks is offered with the guard's own sentence saying why. A guard whose
condition is what the action's own form supplies (the mediator chosen in the assignment dialog,
the agreement typed into its editor, the reason and routes of a termination) does not block."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from mediation_desk.core.uow import Actor
from mediation_desk.mediation import attachments, queries, sessions, states
from mediation_desk.mediation.assignment import ASSIGNABLE
from mediation_desk.mediation.attachments import AttachmentView
from mediation_desk.mediation.case_access import case_facts, load_case
from mediation_desk.mediation.dto import CaseDetail
from mediation_desk.mediation.followup import FOLLOWABLE
from mediation_desk.mediation.sessions import SessionView
from mediation_desk.privacy import roles


@dataclass(frozen=True)
class CaseView:
    detail: CaseDetail
    facts: states.CaseFacts
    sessions: tuple[SessionView, ...]  # the latest version of each record
    attachments: tuple[AttachmentView, ...]
    full_personal_data: bool = False

    @property
    def case_id(self) -> str:
        return self.detail.summary.id

    @property
    def status(self) -> str:
        return self.detail.summary.status


def load_case_view(desk: Any, actor: Actor, case_key: str, *, full_personal_data: bool = False,
                   reason: str | None = None) -> CaseView:
    """Everything the page shows about one case, each part read with the actor's permissions
    (a 调解员 sees only own cases; full personal data needs a reason and is audited)."""
    detail = queries.case_detail(desk, actor, case_key, full_personal_data=full_personal_data, reason=reason)
    case_id = detail.summary.id
    records = sessions.list_sessions(desk, case_id, actor=actor)
    files = attachments.list_attachments(desk, case_id, actor=actor)
    with desk.read(actor) as s:
        facts = case_facts(s, load_case(s, case_id))
    return CaseView(detail, facts, tuple(records), tuple(files), full_personal_data)


@dataclass(frozen=True)
class OfferedAction:
    key: str  # assign | session | agreement | sign | perform | follow_up | close | terminate | decline | escalate
    blocked: str | None = None  # why it cannot be done now; None when it can


# The action that performs each move, and what its form supplies towards the move's guard.
TARGET_ACTIONS = {
    states.ASSIGNED: "assign", states.IN_MEDIATION: "session", states.AGREED: "agreement",
    states.PERFORMING: "perform", states.FOLLOW_UP: "follow_up", states.CLOSED: "close",
    states.TERMINATED: "terminate", states.DECLINED: "decline", states.ESCALATED: "escalate",
}
ACTION_TARGETS = {action: target for target, action in TARGET_ACTIONS.items()}
ORDER = ("assign", "session", "agreement", "sign", "perform", "follow_up", "close",
         "terminate", "decline", "escalate")
# The permission each action needs (privacy/roles.py); actions a role may never do are not offered.
PERMISSIONS = {
    "assign": "case.assign", "session": "session.record", "agreement": "agreement.record",
    "sign": "agreement.sign", "follow_up": "follow_up.record",
}
TRANSITION_ONLY = frozenset({"perform", "close", "terminate", "decline", "escalate"})
IRREVERSIBLE = frozenset({"close", "terminate", "decline", "escalate"})  # confirmed before they happen


def _supplied(target: str, facts: states.CaseFacts) -> states.CaseFacts:
    if target == states.ASSIGNED:
        return dataclasses.replace(facts, active_mediators=max(facts.active_mediators, 1))
    if target == states.AGREED:
        return dataclasses.replace(facts, has_agreement=True)
    return facts


def offered_actions(view: CaseView, role: str) -> list[OfferedAction]:
    """The actions to show for this case and role, in the order of the case's life."""
    status, facts = view.status, view.facts
    found: dict[str, OfferedAction] = {}
    for target in states.allowed_targets(status):
        key = TARGET_ACTIONS[target]
        if target in (states.TERMINATED, states.DECLINED, states.ESCALATED):
            blocked = None  # the reason, routes and level are asked for by the dialog itself
        else:
            blocked = states.blocking_reason(status, target, _supplied(target, facts))
        found[key] = OfferedAction(key, blocked)
    # Work on a case that is not itself a move: more mediators, more sessions, another visit.
    if status in ASSIGNABLE:
        found.setdefault("assign", OfferedAction("assign"))
    if status in sessions.RECORDABLE:
        found.setdefault("session", OfferedAction("session"))
    if status in FOLLOWABLE and facts.has_agreement:
        found.setdefault("follow_up", OfferedAction("follow_up"))
    a = view.detail.agreement
    if a is not None and a.form == "written" and a.effective_on is None and status in FOLLOWABLE:
        found["sign"] = OfferedAction("sign")
    return [found[k] for k in ORDER if k in found and _permitted(role, k)]


def _permitted(role: str, key: str) -> bool:
    permission = "case.transition" if key in TRANSITION_ONLY else PERMISSIONS[key]
    return roles.allowed(role, permission, own_case=True)  # the page only shows a case the actor may see

