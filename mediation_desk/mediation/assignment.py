"""派单: rank mediators for a case, assign one or more (art. 19), reassign with history, and
record a party's refusal of a mediator (art. 23). Work that only a mediator may do on a case
(session records, the agreement) asks `require_acting_mediator` first."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.errors import NotFound, ValidationError
from mediation_desk.mediation import states
from mediation_desk.mediation.assignment_rules import (
    CaseForRanking,
    MediatorProfile,
    Ranking,
    rank_mediators,
)
from mediation_desk.mediation.case_access import active_mediator_ids, authorize, load_case, party_person_ids
from mediation_desk.mediation.dispute_types import LABELS
from mediation_desk.mediation.mediators import find_mediator, open_loads
from mediation_desk.mediation.models_case import CaseAssignment, MediationCase, MediatorRefusal
from mediation_desk.mediation.models_people import Mediator, MediatorRelation
from mediation_desk.mediation.recusal import end_assignment, keep_a_lead
from mediation_desk.mediation.workflow import apply_transition
from mediation_desk.people.models import Person
from mediation_desk.validation import clean_text

ASSIGNABLE = frozenset({states.ACCEPTED, states.ASSIGNED, states.IN_MEDIATION})
CHOSEN_BY = {"committee": "调委会指定", "parties": "当事人选定"}
# Once an agreement is reached a case takes no new mediators, unless the last one had to leave
# (refused or recused): the agreement still needs a mediator's signature and follow-up work.
REPLACEABLE = frozenset({states.AGREED, states.PERFORMING, states.FOLLOW_UP})
NO_ACTING_MEDIATOR = (
    "本案当前没有承办的调解员（原调解员已被当事人拒绝或因回避撤出），"
    "须先指派新的调解员才能继续记录调解过程或登记协议（人民调解法第十九条、第二十三条）"
)


def require_acting_mediator(s: Session, case: MediationCase) -> None:
    """Refuse work that needs a mediator when nobody is acting on the case: mediation is done by
    the mediators the committee appoints or the parties choose (art. 19), and a refused or
    recused one may not go on (art. 23), so nothing may be recorded in their name."""
    if not active_mediator_ids(s, case.id):
        raise ValidationError.single("mediators", "no_acting_mediator", NO_ACTING_MEDIATOR)


def _ranking(s: Session, case: MediationCase) -> Ranking:
    person_ids = party_person_ids(s, case.id)
    names = dict(s.execute(select(Person.id, Person.name).where(Person.id.in_(person_ids))).all())
    refusals = {
        r.mediator_id: r.person_id for r in s.scalars(select(MediatorRefusal).where(MediatorRefusal.case_id == case.id))
    }
    relations: dict[str, dict[str, str]] = {}
    for r in s.scalars(select(MediatorRelation).where(MediatorRelation.person_id.in_(person_ids))):
        relations.setdefault(r.mediator_id, {})[r.person_id] = r.relation
    loads = open_loads(s)
    profiles = [
        MediatorProfile(
            mediator_id=m.id,
            name=m.name,
            skills=frozenset(m.skills),
            area=m.area,
            available=m.available,
            open_cases=loads.get(m.id, 0),
            max_open_cases=m.max_open_cases,
            related_person_ids=frozenset(relations.get(m.id, {})),
            relation_notes=relations.get(m.id, {}),
            active=m.active,
        )
        for m in s.scalars(select(Mediator).where(Mediator.committee_id == case.committee_id))
    ]
    return rank_mediators(
        CaseForRanking(
            dispute_type=case.dispute_type,
            dispute_subtype=case.dispute_subtype,
            area=case.area,
            party_person_ids=frozenset(person_ids),
            party_names=names,
            refused_mediator_ids=refusals,
            already_assigned_ids=frozenset(active_mediator_ids(s, case.id)),
        ),
        profiles,
        type_labels=LABELS,
    )


def rank_for_case(desk: Desk, case_key: str, *, actor: Actor | None = None) -> Ranking:
    """The mediators ranked for a case (its reasons name the parties a mediator must avoid); with
    `actor`, only for one who may assign (`case.assign`), a refusal audited."""
    with desk.read(actor) as s:
        case = load_case(s, case_key)
        if actor is not None:
            authorize(s, actor, "case.assign", case.id)
        return _ranking(s, case)


def assign(
    desk: Desk,
    actor: Actor,
    case_key: str,
    mediator_keys: Sequence[str],
    *,
    lead: str | None = None,
    chosen_by: str = "committee",
    override_reason: str | None = None,
) -> list[str]:
    """Put mediators on a case. Anyone related to or refused by a party is refused with the
    reason; choosing someone other than the best-ranked needs an override reason. An accepted
    case moves to "assigned" in the same unit of work. Returns the active mediator ids."""
    if not mediator_keys:
        raise ValidationError.single("mediators", "mediators_required", "请至少选择一名调解员")
    if chosen_by not in CHOSEN_BY:
        raise ValidationError.single("chosen_by", "chosen_by", "选定方式须为调委会指定或当事人选定")
    override_reason = clean_text(override_reason, "override_reason", "调整理由", required=False, max_chars=500)
    with desk.write(actor) as uow:
        s = uow.session
        case = load_case(s, case_key)
        authorize(s, actor, "case.assign", case.id)
        replacing = case.status in REPLACEABLE and not active_mediator_ids(s, case.id)
        if case.status not in ASSIGNABLE and not replacing:
            raise ValidationError.single(
                "case", "case_not_assignable", f"「{states.LABELS[case.status]}」的案件不能再派单"
            )
        mediators = [find_mediator(s, k) for k in mediator_keys]
        if len({m.id for m in mediators}) != len(mediators):
            raise ValidationError.single("mediators", "mediator_duplicate", "同一名调解员被重复选择")
        lead_id = find_mediator(s, lead).id if lead else None
        if lead_id and lead_id not in {m.id for m in mediators}:
            raise ValidationError.single("lead", "lead_not_chosen", "主办调解员须是本次指派的调解员之一")
        ranking = _ranking(s, case)
        excluded = {e.mediator_id: e for e in ranking.excluded}
        positions = {r.mediator_id: i + 1 for i, r in enumerate(ranking.ranked)}
        top_ids = {r.mediator_id for r in ranking.ranked[: len(mediators)]}
        for m in mediators:
            if m.id in excluded:
                raise ValidationError.single("mediators", excluded[m.id].rule, excluded[m.id].reason)
        ranked_by_id = {r.mediator_id: r for r in ranking.ranked}
        needs_reason = [
            m.name
            for m in mediators
            if chosen_by == "committee" and (m.id not in top_ids or ranked_by_id[m.id].warnings)
        ]
        if needs_reason and not override_reason:
            raise ValidationError.single(
                "override_reason",
                "override_reason_required",
                f"{'、'.join(needs_reason)}不是系统推荐的人选（或暂不可用、已满额），请填写调整理由",
            )
        current_leads = list(
            s.scalars(
                select(CaseAssignment).where(
                    CaseAssignment.case_id == case.id, CaseAssignment.ended_at.is_(None), CaseAssignment.role == "lead"
                )
            )
        )
        if lead_id:  # one lead per case: the new lead replaces the old one, who stays as assistant
            for row in current_leads:
                row.role = "assistant"
        for i, m in enumerate(mediators):
            is_lead = (m.id == lead_id) if lead_id else (i == 0 and not current_leads)
            s.add(
                CaseAssignment(
                    case_id=case.id,
                    mediator_id=m.id,
                    role="lead" if is_lead else "assistant",
                    chosen_by=chosen_by,
                    rank=positions.get(m.id),
                    override_reason=override_reason,
                    assigned_at=uow.now,
                    assigned_by=actor.username,
                )
            )
            uow.audit(
                "case.assign",
                "case",
                case.id,
                mediator_id=m.id,
                rank=positions.get(m.id),
                override=bool(override_reason),
            )
            uow.outbox("case_assignment", case.id, "append", {"mediator_id": m.id, "chosen_by": chosen_by})
        s.flush()
        if case.status == states.ACCEPTED:
            apply_transition(uow, case, states.ASSIGNED)
        return active_mediator_ids(s, case.id)


def unassign(desk: Desk, actor: Actor, case_key: str, mediator_key: str, reason: str) -> list[str]:
    """End a mediator's assignment (kept in history). The case keeps at least one mediator
    while mediation is under way."""
    reason = clean_text(reason, "reason", "撤换理由", required=True, max_chars=500) or ""
    with desk.write(actor) as uow:
        s = uow.session
        case = load_case(s, case_key)
        authorize(s, actor, "case.assign", case.id)
        m = find_mediator(s, mediator_key)
        row = s.scalars(
            select(CaseAssignment).where(
                CaseAssignment.case_id == case.id, CaseAssignment.mediator_id == m.id, CaseAssignment.ended_at.is_(None)
            )
        ).first()
        if row is None:
            raise NotFound("该案件的调解员", m.name)
        remaining = [x for x in active_mediator_ids(s, case.id) if x != m.id]
        if not remaining and case.status in (states.ASSIGNED, states.IN_MEDIATION):
            raise ValidationError.single(
                "mediator", "last_mediator", "调解进行中至少保留一名调解员：请先指派接替人选，再撤换"
            )
        row.ended_at, row.end_reason = uow.now, reason
        keep_a_lead(s, case.id)
        uow.audit("case.unassign", "case", case.id, mediator_id=m.id)
        uow.outbox("case_assignment", case.id, "append", {"mediator_id": m.id, "ended": True})
        return remaining


def record_refusal(
    desk: Desk, actor: Actor, case_key: str, person_id: str, mediator_key: str, reason: str | None = None
) -> None:
    """A party refuses a mediator (art. 23): the mediator is excluded and, if on the case, removed."""
    reason = clean_text(reason, "reason", "拒绝理由", required=False, max_chars=500)
    with desk.write(actor) as uow:
        s = uow.session
        case = load_case(s, case_key)
        authorize(s, actor, "case.assign", case.id)
        m = find_mediator(s, mediator_key)
        if person_id not in party_person_ids(s, case.id):
            raise ValidationError.single("person_id", "not_a_party", "提出拒绝的人不是本案当事人")
        s.add(MediatorRefusal(case_id=case.id, person_id=person_id, mediator_id=m.id, reason=reason, at=uow.now))
        # The district learns the assignment ended, as with `unassign`; with nobody left the
        # case waits for a new mediator (`require_acting_mediator`).
        end_assignment(uow, case.id, m.id, "当事人拒绝该调解员（人民调解法第二十三条）")
        uow.audit("case.mediator_refused", "case", case.id, mediator_id=m.id, person_id=person_id)
