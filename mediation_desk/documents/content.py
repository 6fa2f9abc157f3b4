"""Everything the documents print about one case, read in one transaction into plain frozen
dataclasses (with the parties' full personal data: these are legal documents)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mediation_desk.core.models import Operator
from mediation_desk.core.uow import CHINA, Actor, china_today
from mediation_desk.desk import Desk
from mediation_desk.errors import ValidationError
from mediation_desk.mediation import intake, sessions, states
from mediation_desk.mediation.agreement import PERFORMANCE, agreement_view
from mediation_desk.mediation.attachments import AttachmentView, attachment_view
from mediation_desk.mediation.case_access import authorize, load_case
from mediation_desk.mediation.dispute_types import label_of
from mediation_desk.mediation.dto import AgreementView
from mediation_desk.mediation.followup import SATISFACTION
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
from mediation_desk.people.identity import secrets_of
from mediation_desk.people.models import Person
from mediation_desk.privacy.vault import Vault
from mediation_desk.validation import ID_TYPES, age_on

GENDERS = {"male": "男", "female": "女"}
# What only some documents print: the follow-ups, the attachments, who registered the case and how
# mediation was ended. An agreement prints none of them (AGREEMENT_PARTS), and reading them would
# cost it a third of its reading of the case.
PARTS = frozenset({"follow_ups", "attachments", "registrar", "termination"})
AGREEMENT_PARTS: frozenset[str] = frozenset()
RETENTION = {"permanent": "永久", "long": "长期", "short": "短期"}


@dataclass(frozen=True)
class PartyInfo:
    index: int  # 0-based, in the order of the intake
    person_id: str
    role: str
    role_label: str  # 申请人 / 被申请人 / 第三人
    kind: str  # natural | legal
    name: str
    gender: str | None  # 男 / 女
    ethnicity: str | None
    birth_date: dt.date | None
    id_type_label: str | None
    id_number: str | None
    occupation: str | None
    phone: str | None
    address: str | None
    uscc: str | None
    representative: str | None
    representative_title: str | None
    agent_name: str | None

    @property
    def is_legal(self) -> bool:
        return self.kind == "legal"

    def age_on(self, day: dt.date) -> int | None:
        if self.birth_date is None or day < self.birth_date:
            return None
        return age_on(self.birth_date, day)


@dataclass(frozen=True)
class SessionInfo:
    held_at: dt.datetime  # Beijing time
    place: str
    matter: str | None
    participants: tuple[str, ...]
    helpers: tuple[str, ...]
    recorder: str
    mediators: tuple[str, ...]
    rights_notified: bool
    statements: tuple[tuple[str, str], ...]  # (speaker's name, text)
    facts_checked: str | None
    result: str
    outcome_label: str
    version: int
    correction_reason: str | None


@dataclass(frozen=True)
class FollowUpInfo:
    done_at: dt.datetime  # Beijing time
    person_name: str | None  # None: all parties
    reason: str | None
    performance_label: str
    satisfaction_label: str
    renewed_conflict: bool
    notes: str
    visitor: str


@dataclass(frozen=True)
class CaseRecord:
    case_id: str
    number: str  # 案号, also the number printed on the agreement
    committee_name: str
    committee_code: str
    status: str
    status_label: str
    source: str  # application | initiative | referral
    source_label: str
    referrer: str | None
    found_in_screening: bool
    dispute_type_label: str
    brief_facts: str
    requests: str | None
    amount: Any  # Decimal | None
    persons_involved: int
    area: str | None
    accepted_on: dt.date
    closed_on: dt.date | None
    status_reason: str | None
    routes_told: tuple[str, ...]
    escalated_to: str | None
    retention_label: str
    registrar: str
    parties: tuple[PartyInfo, ...]
    mediators: tuple[str, ...]  # on the case now, the lead first
    all_mediators: tuple[str, ...]  # everyone ever assigned, in order of assignment
    sessions: tuple[SessionInfo, ...]
    agreement: AgreementView | None
    follow_ups: tuple[FollowUpInfo, ...]
    attachments: tuple[AttachmentView, ...]
    today: dt.date
    # 终止调解 (人民调解法第二十六条): when and why mediation was ended, the routes told (codes)
    terminated_on: dt.date | None = None
    termination_reason: str | None = None
    termination_routes: tuple[str, ...] = ()

    @property
    def written_agreement(self) -> bool:
        return self.agreement is not None and self.agreement.form == "written"

    @property
    def oral_agreement(self) -> bool:
        return self.agreement is not None and self.agreement.form == "oral"

    def party_names(self, sep: str = "、") -> str:
        return sep.join(p.name for p in self.parties)


def load_record(
    desk: Desk,
    actor: Actor,
    case_key: str,
    vault: Vault | None,
    *,
    action: str = "case.view_full",
    parts: frozenset[str] = PARTS,
) -> CaseRecord:
    """The case as the documents need it; the actor must be allowed to see its full personal data
    (`action`). Without the data key the identity numbers, phones and addresses are None. Of
    PARTS, only `parts` are read; the others are left empty ((), None, "")."""
    with desk.read(actor) as s:
        case = load_case(s, case_key)
        authorize(s, actor, action, case.id)
        if case.purged_at is not None:
            raise ValidationError.single("case", "case_purged", "该案件的个人信息已按保管期限清除，不能再生成文书")
        committee = desk.committee(s)
        parties = _parties(s, case, vault)
        names = {p.person_id: p.name for p in parties}
        mediator_names = dict(s.execute(select(Mediator.id, Mediator.name)).all())
        assigned = list(
            s.scalars(
                select(CaseAssignment)
                .where(CaseAssignment.case_id == case.id)
                .order_by(CaseAssignment.assigned_at, CaseAssignment.id)
            )
        )
        active = sorted((a for a in assigned if a.ended_at is None), key=lambda a: a.role != "lead")
        agreement = s.scalars(select(Agreement).where(Agreement.case_id == case.id)).first()
        registrar, ended = None, None
        if "registrar" in parts:
            registrar = s.scalars(select(Operator.display_name).where(Operator.username == case.created_by)).first()
            registrar = registrar or case.created_by
        if "termination" in parts:
            ended = s.scalars(
                select(CaseTransition)
                .where(CaseTransition.case_id == case.id, CaseTransition.to_status == states.TERMINATED)
                .order_by(CaseTransition.at.desc())
            ).first()
        return CaseRecord(
            case_id=case.id,
            number=case.number,
            committee_name=committee.name,
            committee_code=committee.code,
            status=case.status,
            status_label=states.LABELS[case.status],
            source=case.source,
            source_label=intake.SOURCES.get(case.source, case.source),
            referrer=case.referrer_name or intake.REFERRERS.get(case.referrer_kind or "") or None,
            found_in_screening=case.found_in_screening,
            dispute_type_label=label_of(case.dispute_type, case.dispute_subtype),
            brief_facts=case.brief_facts,
            requests=case.requests,
            amount=from_fen(case.amount_fen),
            persons_involved=case.persons_involved,
            area=case.area,
            accepted_on=case.accepted_on,
            closed_on=case.closed_on,
            status_reason=case.status_reason,
            routes_told=tuple(states.ROUTES.get(r, r) for r in case.routes_told),
            escalated_to=states.ESCALATION_LEVELS.get(case.escalated_to or "") if case.escalated_to else None,
            retention_label=RETENTION.get(case.retention, case.retention),
            registrar=registrar or "",
            parties=parties,
            mediators=tuple(mediator_names.get(a.mediator_id, "?") for a in active),
            all_mediators=tuple(dict.fromkeys(mediator_names.get(a.mediator_id, "?") for a in assigned)),
            sessions=_sessions(s, case, names, mediator_names),
            agreement=agreement_view(agreement) if agreement else None,
            follow_ups=_follow_ups(s, case, names) if "follow_ups" in parts else (),
            attachments=_attachments(s, case) if "attachments" in parts else (),
            today=china_today(),
            terminated_on=beijing(ended.at).date() if ended else None,
            termination_reason=ended.reason if ended else None,
            termination_routes=tuple((ended.details or {}).get("routes", ())) if ended else (),
        )


def _attachments(s: Session, case: MediationCase) -> tuple[AttachmentView, ...]:
    rows = s.scalars(
        select(Attachment)
        .where(Attachment.case_id == case.id, Attachment.purged_at.is_(None))
        .order_by(Attachment.created_at)
    )
    return tuple(attachment_view(a) for a in rows)


def _parties(s: Session, case: MediationCase, vault: Vault) -> tuple[PartyInfo, ...]:
    rows = s.execute(
        select(CaseParty, Person)
        .join(Person, Person.id == CaseParty.person_id)
        .where(CaseParty.case_id == case.id)
        .order_by(CaseParty.position)
    )
    out = []
    for i, (cp, p) in enumerate(rows):
        secret = secrets_of(p, vault)
        out.append(
            PartyInfo(
                index=i,
                person_id=p.id,
                role=cp.role,
                role_label=intake.ROLES.get(cp.role, cp.role),
                kind=p.kind,
                name=p.name,
                gender=GENDERS.get(p.gender or ""),
                ethnicity=p.ethnicity,
                birth_date=p.birth_date,
                id_type_label=ID_TYPES.get(p.id_type or "") if p.id_type else None,
                id_number=secret.id_number,
                occupation=p.occupation,
                phone=secret.phone,
                address=secret.address,
                uscc=p.uscc,
                representative=p.representative,
                representative_title=p.representative_title,
                agent_name=cp.agent_name,
            )
        )
    return tuple(out)


def beijing(at: dt.datetime) -> dt.datetime:
    if at.tzinfo is None:
        at = at.replace(tzinfo=dt.UTC)
    return at.astimezone(CHINA)


def _sessions(
    s: Session, case: MediationCase, names: dict[str, str], mediator_names: dict[str, str]
) -> tuple[SessionInfo, ...]:
    rows = s.scalars(
        select(SessionRecord)
        .where(SessionRecord.case_id == case.id)
        .order_by(SessionRecord.held_at, SessionRecord.version)
    )
    latest: dict[str, SessionRecord] = {}
    for r in rows:  # a correction replaces its earlier versions (which stay in the database)
        latest[r.record_key] = r
    return tuple(
        SessionInfo(
            held_at=beijing(r.held_at),
            place=r.place,
            matter=r.matter,
            participants=tuple(r.participants),
            helpers=tuple(r.helpers),
            recorder=r.recorder,
            mediators=tuple(mediator_names.get(m, "?") for m in r.mediator_ids),
            rights_notified=r.rights_notified,
            statements=tuple((names.get(st["person_id"], "当事人"), st["text"]) for st in r.statements),
            facts_checked=r.facts_checked,
            result=r.result,
            outcome_label=sessions.OUTCOMES.get(r.outcome, r.outcome),
            version=r.version,
            correction_reason=r.correction_reason,
        )
        for r in sorted(latest.values(), key=lambda r: r.held_at)
    )


def _follow_ups(s: Session, case: MediationCase, names: dict[str, str]) -> tuple[FollowUpInfo, ...]:
    rows = s.scalars(
        select(FollowUp).where(FollowUp.case_id == case.id, FollowUp.done_at.is_not(None)).order_by(FollowUp.done_at)
    )
    return tuple(
        FollowUpInfo(
            done_at=beijing(f.done_at),
            person_name=names.get(f.person_id or "") if f.person_id else None,  # type: ignore[arg-type]
            reason=f.reason,
            performance_label=PERFORMANCE.get(f.performance_status or "", "—"),
            satisfaction_label=SATISFACTION.get(f.satisfaction or "", "—"),
            renewed_conflict=bool(f.renewed_conflict),
            notes=f.notes or "",
            visitor=f.visitor or "",
        )
        for f in rows
    )
