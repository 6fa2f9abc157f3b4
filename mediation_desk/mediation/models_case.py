"""A mediation case and everything recorded along its life."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from mediation_desk.storage.base import UUID_LEN, Base, new_id, utcnow

_ID = String(UUID_LEN)


class MediationCase(Base):
    __tablename__ = "mediation_case"

    id: Mapped[str] = mapped_column(_ID, primary_key=True, default=new_id)
    committee_id: Mapped[str] = mapped_column(ForeignKey("committee.id"))
    number: Mapped[str] = mapped_column(String(64), unique=True)  # 案号
    year: Mapped[int]
    seat: Mapped[int]  # the desk that numbered it (see numbering.py)
    seq: Mapped[int] = mapped_column(index=True)  # typed alone ("65") when searching
    source: Mapped[str] = mapped_column(String(16))  # application | initiative | referral
    referrer_kind: Mapped[str | None] = mapped_column(String(16))
    referrer_name: Mapped[str | None] = mapped_column(String(128))
    found_in_screening: Mapped[bool] = mapped_column(default=False)  # 排查发现
    dispute_type: Mapped[str] = mapped_column(String(32), index=True)
    dispute_subtype: Mapped[str | None] = mapped_column(String(32))
    brief_facts: Mapped[str] = mapped_column(Text)
    requests: Mapped[str | None] = mapped_column(Text)
    amount_fen: Mapped[int | None] = mapped_column(BigInteger)  # amount in dispute, in fen
    persons_involved: Mapped[int] = mapped_column(default=2)
    risk_flags: Mapped[list[str]]
    prevented: Mapped[list[str]]  # prevention counters credited (防止民转刑 …)
    area: Mapped[str | None] = mapped_column(String(64))
    private_mediation: Mapped[bool] = mapped_column(default=True)  # art. 23: public or private
    accepted_on: Mapped[dt.date] = mapped_column(index=True)
    status: Mapped[str] = mapped_column(String(16), index=True)
    status_changed_at: Mapped[dt.datetime]
    status_reason: Mapped[str | None] = mapped_column(Text)  # why terminated/declined/escalated
    routes_told: Mapped[list[str]]  # art. 26: other routes the parties were told of
    escalated_to: Mapped[str | None] = mapped_column(String(8))  # town | county
    closed_on: Mapped[dt.date | None]
    retention: Mapped[str] = mapped_column(String(16), default="long")  # 保管期限: permanent|long|short
    purged_at: Mapped[dt.datetime | None]  # personal content erased after retention; stats kept
    search_text: Mapped[str] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_hlc: Mapped[str] = mapped_column(String(64))

    __table_args__ = (UniqueConstraint("committee_id", "year", "seat", "seq", name="uq_case_sequence"),)


class CaseNumberCounter(Base):
    __tablename__ = "case_number_counter"

    committee_id: Mapped[str] = mapped_column(ForeignKey("committee.id"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    seat: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_seq: Mapped[int] = mapped_column(default=0)


class CaseParty(Base):
    __tablename__ = "case_party"

    id: Mapped[str] = mapped_column(_ID, primary_key=True, default=new_id)
    case_id: Mapped[str] = mapped_column(ForeignKey("mediation_case.id"), index=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"), index=True)
    role: Mapped[str] = mapped_column(String(16))  # applicant | respondent | third_party
    position: Mapped[int]
    agent_name: Mapped[str | None] = mapped_column(String(64))  # 委托代理人, if any

    __table_args__ = (UniqueConstraint("case_id", "person_id"),)


class MediatorRefusal(Base):
    """A party refused a mediator (art. 23); that mediator is then excluded from the case."""

    __tablename__ = "mediator_refusal"

    id: Mapped[str] = mapped_column(_ID, primary_key=True, default=new_id)
    case_id: Mapped[str] = mapped_column(ForeignKey("mediation_case.id"), index=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"))
    mediator_id: Mapped[str] = mapped_column(ForeignKey("mediator.id"))
    reason: Mapped[str | None] = mapped_column(Text)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class CaseAssignment(Base):
    """A mediator on a case. Reassignment ends the old row (kept) and adds a new one."""

    __tablename__ = "case_assignment"

    id: Mapped[str] = mapped_column(_ID, primary_key=True, default=new_id)
    case_id: Mapped[str] = mapped_column(ForeignKey("mediation_case.id"), index=True)
    mediator_id: Mapped[str] = mapped_column(ForeignKey("mediator.id"), index=True)
    role: Mapped[str] = mapped_column(String(16))  # lead | assistant
    chosen_by: Mapped[str] = mapped_column(String(16))  # committee | parties (art. 19)
    rank: Mapped[int | None]  # position in the ranking when assigned; None = not ranked
    override_reason: Mapped[str | None] = mapped_column(Text)
    assigned_at: Mapped[dt.datetime]
    assigned_by: Mapped[str] = mapped_column(String(64))
    ended_at: Mapped[dt.datetime | None]
    end_reason: Mapped[str | None] = mapped_column(Text)


class CaseTransition(Base):
    """Append-only history of status changes."""

    __tablename__ = "case_transition"

    id: Mapped[str] = mapped_column(_ID, primary_key=True, default=new_id)
    case_id: Mapped[str] = mapped_column(ForeignKey("mediation_case.id"), index=True)
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str] = mapped_column(String(16))
    at: Mapped[dt.datetime]
    hlc: Mapped[str] = mapped_column(String(64))
    actor: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str | None] = mapped_column(Text)
    details: Mapped[dict[str, Any]]


class SessionRecord(Base):
    """调解记录. Append-only: a correction is a new version with the same `record_key`."""

    __tablename__ = "session_record"

    id: Mapped[str] = mapped_column(_ID, primary_key=True, default=new_id)
    case_id: Mapped[str] = mapped_column(ForeignKey("mediation_case.id"), index=True)
    record_key: Mapped[str] = mapped_column(_ID, index=True)
    version: Mapped[int]
    supersedes_id: Mapped[str | None] = mapped_column(_ID)
    correction_reason: Mapped[str | None] = mapped_column(Text)
    held_at: Mapped[dt.datetime]
    place: Mapped[str] = mapped_column(String(128))
    matter: Mapped[str | None] = mapped_column(Text)
    mediator_ids: Mapped[list[str]]
    participants: Mapped[list[str]]  # names of those present
    helpers: Mapped[list[str]]  # invited helpers (邀请协助人员)
    recorder: Mapped[str] = mapped_column(String(64))
    rights_notified: Mapped[bool] = mapped_column(default=True)
    statements: Mapped[list[Any]]  # [{"person_id":…, "text":…}]
    facts_checked: Mapped[str | None] = mapped_column(Text)
    result: Mapped[str] = mapped_column(Text)
    outcome: Mapped[str] = mapped_column(String(16))  # continue | agreement | failed
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64))

    __table_args__ = (UniqueConstraint("record_key", "version"),)


class Attachment(Base):
    __tablename__ = "attachment"

    id: Mapped[str] = mapped_column(_ID, primary_key=True, default=new_id)
    case_id: Mapped[str] = mapped_column(ForeignKey("mediation_case.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # evidence | signed_scan | id_copy | other
    original_name: Mapped[str] = mapped_column(String(256))
    stored_name: Mapped[str] = mapped_column(String(128))  # relative to the attachments dir
    media_type: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))  # of the original content
    encrypted: Mapped[bool] = mapped_column(default=True)  # stored file sealed with the data key
    purged_at: Mapped[dt.datetime | None]
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64))


class Agreement(Base):
    """人民调解协议书 (written) or 口头协议登记 (oral), one per case."""

    __tablename__ = "agreement"

    id: Mapped[str] = mapped_column(_ID, primary_key=True, default=new_id)
    case_id: Mapped[str] = mapped_column(ForeignKey("mediation_case.id"), unique=True)
    form: Mapped[str] = mapped_column(String(8))  # written | oral
    reached_on: Mapped[dt.date]
    facts: Mapped[str] = mapped_column(Text)  # main facts
    disputed_issues: Mapped[str] = mapped_column(Text)
    responsibility: Mapped[str | None] = mapped_column(Text)  # each party's responsibility
    terms: Mapped[list[str]]
    performance_method: Mapped[str] = mapped_column(Text)
    performance_deadline: Mapped[dt.date | None]
    amount_fen: Mapped[int | None] = mapped_column(BigInteger)
    copies: Mapped[int]  # parties + 1 (art. 29)
    effective_on: Mapped[dt.date | None]  # written: when all signed and sealed; oral: reached
    signed_confirmed_by: Mapped[str | None] = mapped_column(String(64))
    signed_confirmed_at: Mapped[dt.datetime | None]
    judicial_deadline: Mapped[dt.date | None]  # art. 33: 30 days from effective_on, off rest days (working_days)
    judicial_applied_on: Mapped[dt.date | None]
    # A written agreement withdrawn before it took effect (mediation resumed, or a party refused
    # to sign): the row stays, marked, until a new agreement is recorded for the case.
    withdrawn_on: Mapped[dt.date | None]
    withdrawn_reason: Mapped[str | None] = mapped_column(Text)
    # Ruled invalid or revoked by a court (arts 32–33): no longer in effect, kept for the record.
    invalidated_on: Mapped[dt.date | None]
    invalidated_reason: Mapped[str | None] = mapped_column(Text)
    performance_status: Mapped[str] = mapped_column(String(16), default="pending")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_hlc: Mapped[str] = mapped_column(String(64))


class FollowUp(Base):
    """回访: scheduled, then recorded (art. 31)."""

    __tablename__ = "follow_up"

    id: Mapped[str] = mapped_column(_ID, primary_key=True, default=new_id)
    case_id: Mapped[str] = mapped_column(ForeignKey("mediation_case.id"), index=True)
    due_on: Mapped[dt.date] = mapped_column(index=True)
    reason: Mapped[str | None] = mapped_column(Text)
    person_id: Mapped[str | None] = mapped_column(ForeignKey("person.id"))
    done_at: Mapped[dt.datetime | None]
    performance_status: Mapped[str | None] = mapped_column(String(16))
    satisfaction: Mapped[str | None] = mapped_column(String(16))
    renewed_conflict: Mapped[bool | None]
    notes: Mapped[str | None] = mapped_column(Text)
    visitor: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


Index("ix_case_committee_status", MediationCase.committee_id, MediationCase.status)
# The follow-ups due (mediation/followup_queries.py, revision 0011): cases by status with their
# ids, and the visits not yet made, by case and by date (partial: only those, a few thousand).
Index("ix_case_status_id", MediationCase.status, MediationCase.id)
Index(
    "ix_follow_up_pending_case",
    FollowUp.case_id,
    FollowUp.due_on,
    FollowUp.done_at,  # always NULL here: it lets the index answer alone
    sqlite_where=FollowUp.done_at.is_(None),
)
Index("ix_follow_up_pending_due", FollowUp.due_on, FollowUp.case_id, sqlite_where=FollowUp.done_at.is_(None))
# The monthly report's (mediation/stats.py, revision 0010): status changes by target and day,
# the moves in and out of the open states, the changes crediting a prevention, and agreements by
# the dates they take effect on (written: signed; oral: reached).
Index("ix_case_transition_to_at", CaseTransition.to_status, CaseTransition.at, CaseTransition.case_id)
Index("ix_case_transition_moves", CaseTransition.to_status, CaseTransition.from_status, CaseTransition.at)
Index(
    "ix_case_transition_prevented",
    CaseTransition.at,
    sqlite_where=text("json_extract(details, '$.prevented') IS NOT NULL"),
)
# (covering: a month of successes is read from the index alone)
_SUCCESS = (Agreement.withdrawn_on, Agreement.invalidated_on, Agreement.case_id, Agreement.amount_fen)
Index("ix_agreement_effective_on", Agreement.effective_on, Agreement.form, *_SUCCESS)
Index("ix_agreement_form_reached_on", Agreement.form, Agreement.reached_on, Agreement.effective_on, *_SUCCESS)
# The dashboard's (mediation/dashboard.py, revision 0011): cases by state and acceptance date (the
# open ones waiting too long, oldest first, read state by state), the latest changes of state, and
# the judicial-confirmation deadlines not yet applied for.
Index("ix_case_status_accepted", MediationCase.status, MediationCase.accepted_on, MediationCase.number)
Index("ix_case_transition_at", CaseTransition.at, CaseTransition.hlc)
Index(
    "ix_agreement_judicial_pending",
    Agreement.judicial_deadline,
    sqlite_where=Agreement.judicial_applied_on.is_(None),
)


class DateCorrection(Base):
    """A legal date put right (受理、调解、达成、签字生效、申请司法确认): the old and the new value, why,
    who and when. Legal dates are never overwritten silently nor typed back-dated: each change is
    one of these rows, kept for good beside the audit trail."""

    __tablename__ = "date_correction"

    id: Mapped[str] = mapped_column(_ID, primary_key=True, default=new_id)
    case_id: Mapped[str] = mapped_column(ForeignKey("mediation_case.id"), index=True)
    field: Mapped[str] = mapped_column(String(32))  # accepted_on | held_at | reached_on | signed_on | …
    target_id: Mapped[str] = mapped_column(_ID)  # the case, agreement or (new) session record changed
    old_value: Mapped[str] = mapped_column(String(40))  # ISO date, or instant for a session
    new_value: Mapped[str] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(Text)
    corrected_by: Mapped[str] = mapped_column(String(64))
    corrected_at: Mapped[dt.datetime]
