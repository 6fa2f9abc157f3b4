"""Reading cases: list with filters, search, and the full detail with its timeline.

Lists and searches are scoped exactly like the detail (`case_access.case_scope`): a 调解员 finds,
by any key, only the cases they are or were assigned to."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Select, and_, select
from sqlalchemy.orm import Session

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.errors import ValidationError
from mediation_desk.mediation import search_index, states
from mediation_desk.mediation.agreement import agreement_view
from mediation_desk.mediation.case_access import (
    CaseScope,
    authorize,
    case_facts,
    case_scope,
    load_case,
    normalise_number,
)
from mediation_desk.mediation.dispute_types import label_of
from mediation_desk.mediation.dto import AssignmentView, CaseDetail, CaseSummary, PartyView, TimelineEntry
from mediation_desk.mediation.intake import from_fen
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
from mediation_desk.mediation.people import person_view
from mediation_desk.people.models import Person
from mediation_desk.privacy.vault import Vault
from mediation_desk.validation import clean_text, normalize_phone

MAX_PAGE = 1000
SEARCH_CAP = 5000  # matches considered when a search is combined with filters


def _summaries(s: Session, cases: list[MediationCase]) -> list[CaseSummary]:
    """Summaries for a page of cases with two extra queries in all (not two per case)."""
    ids = [c.id for c in cases]
    names: dict[str, list[str]] = {i: [] for i in ids}
    for case_id, name in s.execute(
        select(CaseParty.case_id, Person.name)
        .join(Person, Person.id == CaseParty.person_id)
        .where(CaseParty.case_id.in_(ids))
        .order_by(CaseParty.position)
    ):
        names[case_id].append(name)
    mediators: dict[str, list[str]] = {i: [] for i in ids}
    for case_id, name in s.execute(
        select(CaseAssignment.case_id, Mediator.name)
        .join(Mediator, Mediator.id == CaseAssignment.mediator_id)
        .where(CaseAssignment.case_id.in_(ids), CaseAssignment.ended_at.is_(None))
    ):
        mediators[case_id].append(name)
    return [
        CaseSummary(
            id=c.id,
            number=c.number,
            status=c.status,
            status_label=states.LABELS[c.status],
            dispute_type=c.dispute_type,
            dispute_type_label=label_of(c.dispute_type, c.dispute_subtype),
            source=c.source,
            accepted_on=c.accepted_on,
            party_names=tuple(names[c.id]),
            mediator_names=tuple(mediators[c.id]),
            amount=from_fen(c.amount_fen),
        )
        for c in cases
    ]


def _filtered(
    q: Select[Any],
    *,
    status: Iterable[str] | None,
    dispute_type: str | None,
    mediator_id: str | None,
    accepted_from: dt.date | None,
    accepted_to: dt.date | None,
) -> Select[Any]:
    if status:
        q = q.where(MediationCase.status.in_(list(status)))
    if dispute_type:
        q = q.where(MediationCase.dispute_type == dispute_type)
    if mediator_id:
        q = q.where(
            MediationCase.id.in_(
                select(CaseAssignment.case_id).where(
                    CaseAssignment.mediator_id == mediator_id, CaseAssignment.ended_at.is_(None)
                )
            )
        )
    if accepted_from:
        q = q.where(MediationCase.accepted_on >= accepted_from)
    if accepted_to:
        q = q.where(MediationCase.accepted_on <= accepted_to)
    return q


def list_cases(
    desk: Desk,
    actor: Actor,
    *,
    status: Iterable[str] | None = None,
    dispute_type: str | None = None,
    mediator_id: str | None = None,
    accepted_from: dt.date | None = None,
    accepted_to: dt.date | None = None,
    query: str | None = None,
    offset: int = 0,
    limit: int = 100,
) -> list[CaseSummary]:
    """Newest first; `query` searches number, party name, phone, ID number and free text. Only the
    cases the actor may see (`case.view`): a 调解员 those they are or were assigned to."""
    if isinstance(status, str):  # one state given on its own, not a list of characters
        status = [status]
    if bad := [x for x in (status or []) if x not in states.LABELS]:
        raise ValidationError.single("state", "status_unknown", f"未知的状态：{'、'.join(bad)}")
    limit = max(1, min(limit, MAX_PAGE))
    scope = case_scope(actor)
    with desk.read(actor) as s:
        scope.refuse_if_none(actor)
        q = scope.apply(select(MediationCase))
        if query and query.strip():
            # With filters, a page of matches may sit deep in the search results: fetch more.
            filtered = any((status, dispute_type, mediator_id, accepted_from, accepted_to))
            ids = search_case_ids(
                s, query.strip(), limit=SEARCH_CAP if filtered else offset + limit, vault=desk.vault, scope=scope
            )
            q = q.where(MediationCase.id.in_(ids))
        q = _filtered(
            q,
            status=status,
            dispute_type=dispute_type,
            mediator_id=mediator_id,
            accepted_from=accepted_from,
            accepted_to=accepted_to,
        )
        q = q.order_by(MediationCase.accepted_on.desc(), MediationCase.number.desc()).offset(offset).limit(limit)
        return _summaries(s, list(s.scalars(q)))


_DIGITS = re.compile(r"^[\d\s+\-()]+$")
_ID_NUMBER = re.compile(r"\d{17}[\dXx]")


def search_case_ids(
    s: Session, query: str, *, limit: int = 100, vault: Vault | None = None, scope: CaseScope | None = None
) -> list[str]:
    """Case ids matching `query`, best kinds of match first: a case number (exact); a phone or
    ID number (exact, on the person); a bare sequence number; a party's exact name; then the
    full-text index (any substring of the number, names, facts and requests). Phone and ID
    lookups need the unlocked data key (keyed hashes); locked, they are skipped.

    `scope` (None: every case) limits every kind of match, inside each query: a person's phone or
    ID number never finds a case outside it, and the limit counts matches within it only."""
    found: list[str] = []
    if scope is not None and scope.nothing:
        return found

    def add(ids: Iterable[str]) -> None:
        for i in ids:
            if i not in found:
                found.append(i)

    def within(q: Select[Any], case_id: Any = MediationCase.id) -> Select[Any]:
        return q if scope is None else scope.apply(q, case_id)

    if number := normalise_number(query):
        add(s.scalars(within(select(MediationCase.id).where(MediationCase.number == number))))
    compact = re.sub(r"[\s\-()]", "", query)
    if _ID_NUMBER.fullmatch(compact):
        person_ids = (
            list(s.scalars(select(Person.id).where(Person.id_number_idx == vault.index(compact.upper()))))
            if vault
            else []
        )
        add(s.scalars(within(select(CaseParty.case_id).where(CaseParty.person_id.in_(person_ids)), CaseParty.case_id)))
    elif _DIGITS.match(query):
        try:
            phone = normalize_phone(query)
        except ValidationError:
            phone = None
        if phone:
            person_ids = (
                list(s.scalars(select(Person.id).where(Person.phone_idx == vault.index(phone)))) if vault else []
            )
            add(
                s.scalars(
                    within(select(CaseParty.case_id).where(CaseParty.person_id.in_(person_ids)), CaseParty.case_id)
                )
            )
        if compact.isdigit() and len(compact) <= 4:  # "65" or "0065": a sequence number
            add(
                s.scalars(
                    within(select(MediationCase.id).where(MediationCase.seq == int(compact)))
                    .order_by(MediationCase.year.desc())
                    .limit(limit)
                )
            )
    add(
        s.scalars(
            within(
                select(CaseParty.case_id).join(Person, Person.id == CaseParty.person_id).where(Person.name == query),
                CaseParty.case_id,
            ).limit(limit)
        )
    )
    if len(found) < limit:
        add(search_index.search(s, query, limit, mediator_id=scope.own_mediator if scope else None))
    return found[:limit]


def count_by_status(desk: Desk) -> dict[str, int]:
    """The committee's cases counted by state: numbers only (no case, no name), like the monthly
    report, so they are the same for every role."""
    from sqlalchemy import func

    with desk.read() as s:
        return dict(s.execute(select(MediationCase.status, func.count()).group_by(MediationCase.status)).all())


def case_detail(
    desk: Desk, actor: Actor, case_key: str, *, full_personal_data: bool = False, reason: str | None = None
) -> CaseDetail:
    """Everything about one case, for those whose role may see it (a 调解员: own cases only).
    Personal data are masked unless asked for; asking needs a reason and is audited with it."""
    if full_personal_data:
        reason = full_data_reason(reason)
        desk.require_vault()  # locked, there is nothing to show: refuse rather than audit a view
        with desk.write(actor) as uow:  # viewing full personal data is itself audited
            case = load_case(uow.session, case_key)
            authorize(uow.session, actor, "case.view_full", case.id)
            uow.audit("case.view_personal_data", "case", case.id, reason=reason)
    with desk.read(actor) as s:
        case = load_case(s, case_key)
        authorize(s, actor, "case.view", case.id)
        return read_case_detail(s, case, desk.vault, full_personal_data=full_personal_data)


def full_data_reason(reason: str | None) -> str:
    """The reason given for a look at full personal data (audited with it), or a refusal."""
    if not (reason or "").strip():
        raise ValidationError.single("reason", "reason_required", "查看当事人完整个人信息须填写理由（记入审计日志）")
    return clean_text(reason, "reason", "查看理由", required=True, max_chars=200)


def read_case_detail(
    s: Session,
    case: MediationCase,
    vault: Vault | None,
    *,
    full_personal_data: bool = False,
    facts: states.CaseFacts | None = None,
) -> CaseDetail:
    """The detail of one case, read in the caller's unit of work (which has decided the access
    and audited a look at full personal data already). `facts`: when the caller has them."""
    summary = _summaries(s, [case])[0]
    parties = tuple(
        PartyView(cp.role, cp.position, person_view(p, vault, full=full_personal_data), cp.agent_name)
        for cp, p in s.execute(
            select(CaseParty, Person)
            .join(Person, Person.id == CaseParty.person_id)
            .where(CaseParty.case_id == case.id)
            .order_by(CaseParty.position)
        )
    )
    names = dict(s.execute(select(Mediator.id, Mediator.name)).all())
    assignments = tuple(
        AssignmentView(
            a.mediator_id,
            names.get(a.mediator_id, "?"),
            a.role,
            a.chosen_by,
            a.rank,
            a.override_reason,
            a.assigned_at,
            a.assigned_by,
            a.ended_at,
            a.end_reason,
        )
        for a in s.scalars(
            select(CaseAssignment).where(CaseAssignment.case_id == case.id).order_by(CaseAssignment.assigned_at)
        )
    )
    agreement = s.scalars(select(Agreement).where(Agreement.case_id == case.id)).first()
    facts = facts if facts is not None else case_facts(s, case)
    due = (
        []
        if case.status not in states.OPEN_STATES
        else s.scalars(select(FollowUp.id).where(FollowUp.case_id == case.id, FollowUp.done_at.is_(None))).all()
    )
    return CaseDetail(
        summary=summary,
        referrer_kind=case.referrer_kind,
        referrer_name=case.referrer_name,
        found_in_screening=case.found_in_screening,
        dispute_subtype=case.dispute_subtype,
        brief_facts=case.brief_facts,
        requests=case.requests,
        persons_involved=case.persons_involved,
        risk_flags=tuple(case.risk_flags),
        prevented=tuple(case.prevented),
        area=case.area,
        status_reason=case.status_reason,
        routes_told=tuple(case.routes_told),
        escalated_to=case.escalated_to,
        closed_on=case.closed_on,
        parties=parties,
        assignments=assignments,
        agreement=agreement_view(agreement) if agreement else None,
        allowed_actions=tuple(states.available_actions(case.status, facts)),
        sessions=facts.sessions,
        follow_ups_due=len(due),
        timeline=tuple(_timeline(s, case, names)),
    )


def _timeline(s: Session, case: MediationCase, mediator_names: dict[str, str]) -> list[TimelineEntry]:
    out: list[TimelineEntry] = []
    for t in s.scalars(select(CaseTransition).where(CaseTransition.case_id == case.id)):
        title = f"{states.LABELS.get(t.from_status or '', '新案')} → {states.LABELS[t.to_status]}"
        out.append(TimelineEntry(t.at, "transition", title, t.reason or ""))
    for a in s.scalars(select(CaseAssignment).where(CaseAssignment.case_id == case.id)):
        out.append(
            TimelineEntry(
                a.assigned_at,
                "assignment",
                f"指派调解员 {mediator_names.get(a.mediator_id, '?')}",
                a.override_reason or "",
            )
        )
        if a.ended_at:
            out.append(
                TimelineEntry(
                    a.ended_at, "assignment", f"撤换调解员 {mediator_names.get(a.mediator_id, '?')}", a.end_reason or ""
                )
            )
    for r in s.scalars(select(SessionRecord).where(SessionRecord.case_id == case.id)):
        label = "调解记录" if r.version == 1 else f"调解记录更正（第 {r.version} 版）"
        out.append(TimelineEntry(r.created_at, "session", f"{label}：{r.place}", r.result))
    for f in s.scalars(select(Attachment).where(Attachment.case_id == case.id)):
        out.append(TimelineEntry(f.created_at, "attachment", f"附件：{f.original_name}", f.kind))
    for ag in s.scalars(select(Agreement).where(Agreement.case_id == case.id)):
        form = "书面协议" if ag.form == "written" else "口头协议"
        out.append(TimelineEntry(ag.created_at, "agreement", f"达成{form}", f"共 {len(ag.terms)} 项条款"))
        if ag.signed_confirmed_at:
            out.append(
                TimelineEntry(ag.signed_confirmed_at, "agreement", "协议签字生效", f"生效日期 {ag.effective_on}")
            )
    for f in s.scalars(select(FollowUp).where(and_(FollowUp.case_id == case.id, FollowUp.done_at.is_not(None)))):
        out.append(TimelineEntry(f.done_at, "follow_up", "回访", f.notes or ""))  # type: ignore[arg-type]
    # A status change made in the same action as an assignment, a session, an agreement or a
    # visit carries the same instant; it is their consequence, so it is listed after them.
    out.sort(key=lambda e: (e.at, e.kind == "transition"))
    return out
