"""Finding a case, deciding who may act on it (one case, or a list of them), and gathering the
facts its state machine needs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, false, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from mediation_desk.errors import NotFound
from mediation_desk.mediation import states
from mediation_desk.mediation.models_case import (
    Agreement,
    CaseAssignment,
    CaseParty,
    FollowUp,
    MediationCase,
    SessionRecord,
)
from mediation_desk.mediation.numbering import (
    MAX_SEAT,
    CaseNumber,
    format_case_number,
    parse_case_number,
)
from mediation_desk.privacy import roles

SelectT = TypeVar("SelectT", bound=Select[*tuple[Any, ...]])  # a select of any columns
_SHORT_SEQ = re.compile(r"第\s*((?:\d{1,2}-)?)(\d{1,3})\s*号\s*$")


def parse_number_loosely(text: str) -> CaseNumber | None:
    """A case number as people type it: ASCII brackets, no spaces, and the sequence without
    its leading zeros ("(2026)谢调字第1号" is "（2026）谢调字第 0001 号")."""
    parsed = parse_case_number(text)
    if parsed is None:
        padded = _SHORT_SEQ.sub(lambda m: f"第 {m.group(1)}{int(m.group(2)):04d} 号", text.strip())
        parsed = parse_case_number(padded) if padded != text.strip() else None
    return parsed


def normalise_number(text: str) -> str | None:
    """The case number `text` stands for, in its printed form, or None if it is not one."""
    parsed = parse_number_loosely(text)
    if parsed is None or parsed.seq < 1 or not 1 <= parsed.seat <= MAX_SEAT:
        return None
    return format_case_number(parsed.year, parsed.case_word, parsed.seat, parsed.seq)


def load_case(s: Session, key: str) -> MediationCase:
    """By id, by full number, or by a number typed loosely (ASCII brackets, missing spaces)."""
    case = s.get(MediationCase, key)
    if case is None:
        case = s.scalars(select(MediationCase).where(MediationCase.number == key.strip())).first()
    if case is None and (number := normalise_number(key)):
        case = s.scalars(select(MediationCase).where(MediationCase.number == number)).first()
    if case is None:
        raise NotFound("案件", key)
    return case


def active_mediator_ids(s: Session, case_id: str) -> list[str]:
    return list(
        s.scalars(
            select(CaseAssignment.mediator_id)
            .where(CaseAssignment.case_id == case_id, CaseAssignment.ended_at.is_(None))
            .order_by(CaseAssignment.assigned_at, CaseAssignment.id)
        )
    )


def party_person_ids(s: Session, case_id: str) -> list[str]:
    return list(s.scalars(select(CaseParty.person_id).where(CaseParty.case_id == case_id).order_by(CaseParty.position)))


def owns_case(s: Session, actor: Any, case_id: str) -> bool:
    """The actor's mediator record is, or was, assigned to the case. An operator with no linked
    mediator record owns no case."""
    mediator_id = getattr(actor, "mediator_id", None)
    if not mediator_id:
        return False
    return (
        s.scalars(
            select(CaseAssignment.id)
            .where(CaseAssignment.case_id == case_id, CaseAssignment.mediator_id == mediator_id)
            .limit(1)
        ).first()
        is not None
    )


def authorize(s: Session, actor: Any, action: str, case_id: str) -> None:
    """Refuse (PermissionDenied) unless the actor's role may do `action` on this case."""
    own = None
    if roles.scope(actor.role, action) == roles.OWN:  # only then does the history matter
        own = owns_case(s, actor, case_id)
    roles.authorize(actor, action, own_case=own, case_id=case_id)  # case_id: for the refusal's audit


@dataclass(frozen=True)
class CaseScope:
    """How far a list or a search of cases reaches for one actor (`roles.list_scope`): every case
    (ALL), the cases the actor's mediator record is or was assigned to (OWN, exactly as `owns_case`
    decides for one case; none without a mediator record), or none (NONE: a role that may see no
    case is refused the list itself, see `refuse_if_none`)."""

    action: str
    scope: str
    mediator_id: str | None

    @property
    def everything(self) -> bool:
        return self.scope == roles.ALL

    @property
    def nothing(self) -> bool:
        return self.scope == roles.NONE or (self.scope == roles.OWN and not self.mediator_id)

    @property
    def own_mediator(self) -> str | None:
        """The mediator whose cases (past assignments included) are the scope, for OWN."""
        return None if self.everything or self.nothing else self.mediator_id

    def condition(self, case_id: InstrumentedAttribute[str]) -> ColumnElement[bool]:
        """`case_id` (a column holding a case's id) within the scope."""
        if self.nothing:
            return false()
        return case_id.in_(select(CaseAssignment.case_id).where(CaseAssignment.mediator_id == self.mediator_id))

    def apply(self, q: SelectT, case_id: InstrumentedAttribute[str] = MediationCase.id) -> SelectT:
        """`q` limited to the cases of the scope (unchanged for ALL)."""
        return q if self.everything else q.where(self.condition(case_id))

    def refuse_if_none(self, actor: Any) -> None:
        """A role that may see no case at all is refused the list (ActionDenied, audited by the
        caller's `desk.read(actor)`); OWN with no case to show is an empty list, not a refusal."""
        if self.scope == roles.NONE:
            roles.authorize(actor, self.action)


def case_scope(actor: Any, action: str = "case.view") -> CaseScope:
    """The actor's scope for lists and searches of `action`'s records (by default: seeing cases)."""
    return CaseScope(action, roles.list_scope(actor, action), getattr(actor, "mediator_id", None))


def last_session_outcome(s: Session, case_id: str) -> str | None:
    """The outcome of the case's latest session, by when it was held (a corrected record counts
    by its newest version)."""
    newest = (
        select(SessionRecord.record_key, func.max(SessionRecord.version).label("version"))
        .where(SessionRecord.case_id == case_id)
        .group_by(SessionRecord.record_key)
        .subquery()
    )
    return s.scalar(
        select(SessionRecord.outcome)
        .join(
            newest,
            (newest.c.record_key == SessionRecord.record_key) & (newest.c.version == SessionRecord.version),
        )
        .order_by(SessionRecord.held_at.desc(), SessionRecord.created_at.desc())
        .limit(1)
    )


def case_facts(s: Session, case: MediationCase, **given: object) -> states.CaseFacts:
    agreement = s.scalars(select(Agreement).where(Agreement.case_id == case.id)).first()
    sessions = (
        s.scalar(select(func.count(func.distinct(SessionRecord.record_key))).where(SessionRecord.case_id == case.id))
        or 0
    )
    followups = (
        s.scalar(select(func.count(FollowUp.id)).where(FollowUp.case_id == case.id, FollowUp.done_at.is_not(None))) or 0
    )
    return states.CaseFacts(
        agreement_form=agreement.form if agreement else None,
        agreement_withdrawn=agreement is not None and agreement.withdrawn_on is not None,
        agreement_invalidated=agreement is not None and agreement.invalidated_on is not None,
        last_session_outcome=last_session_outcome(s, case.id),
        active_mediators=len(active_mediator_ids(s, case.id)),
        sessions=sessions,
        has_agreement=agreement is not None,
        agreement_effective=agreement is not None and agreement.effective_on is not None,
        performance_status=agreement.performance_status if agreement else None,
        followups_done=followups,
        **given,  # type: ignore[arg-type]
    )
