"""The district's tables (its own declarative base: the desk's schema is not the server's).

What is kept of a village's cases is the contract's minimum (the fields each capability registers
for its synced entities): states, types, dates, amounts, counts — no names, ID numbers or session
texts. A case file escalated to a town is the one exception; it sits in its own table and is never logged."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from mediation_desk.storage.base import NAMING, UTCDateTime, new_id, utcnow

ID_LEN = 64  # ids are made by desks (UUIDs); a little room for other spellings
HLC_LEN = 64
Json = JSON().with_variant(JSONB(), "postgresql")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dt.datetime: UTCDateTime(), dict[str, Any]: Json}


class Town(Base):
    """A town or street (镇街) with its service centre (矛调中心)."""

    __tablename__ = "town"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Committee(Base):
    """A village (or community) people's mediation committee, identified by its code."""

    __tablename__ = "committee"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    town_id: Mapped[str] = mapped_column(ForeignKey("town.id"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class EnrollmentCode(Base):
    """A one-time, expiring code; only its SHA-256 is kept."""

    __tablename__ = "enrollment_code"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    committee_id: Mapped[str | None] = mapped_column(ForeignKey("committee.id"))
    town_id: Mapped[str] = mapped_column(ForeignKey("town.id"))
    expires_at: Mapped[dt.datetime]
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    used_at: Mapped[dt.datetime | None]
    device_id: Mapped[str | None] = mapped_column(String(36))


class Device(Base):
    """An enrolled desk; the token is shown once, only its SHA-256 is kept."""

    __tablename__ = "device"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    scope: Mapped[str] = mapped_column(String(16))  # committee | town
    committee_id: Mapped[str | None] = mapped_column(ForeignKey("committee.id"), index=True)
    town_id: Mapped[str] = mapped_column(ForeignKey("town.id"))
    name: Mapped[str] = mapped_column(String(200), default="")
    enrolled_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[dt.datetime | None]
    revoked_by: Mapped[str | None] = mapped_column(String(100))
    revoke_reason: Mapped[str | None] = mapped_column(String(500))
    # Tokens expire; a desk in good standing renews its token before that (tokens.py). The token
    # it held before its last renewal stays valid for a short grace, so a renewal whose answer
    # was lost on the way does not lock the desk out.
    token_expires_at: Mapped[dt.datetime | None]
    previous_token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    previous_token_expires_at: Mapped[dt.datetime | None]
    renewed_at: Mapped[dt.datetime | None]


class Record(Base):
    """The district's state of one synced entity (committee, case, mediator, agreement): the
    contract's fields with one hybrid-logical-clock value per field (field-level LWW)."""

    __tablename__ = "record"

    entity: Mapped[str] = mapped_column(String(32), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(ID_LEN), primary_key=True)
    committee_id: Mapped[str] = mapped_column(ForeignKey("committee.id"))
    town_id: Mapped[str] = mapped_column(ForeignKey("town.id"))
    case_id: Mapped[str | None] = mapped_column(String(ID_LEN))
    status: Mapped[str | None] = mapped_column(String(32))  # cases, declarations, conflicts: their status
    escalate_to: Mapped[str | None] = mapped_column(String(16))  # cases: town | county
    data: Mapped[dict[str, Any]]
    clocks: Mapped[dict[str, Any]]
    hlc: Mapped[str] = mapped_column(String(HLC_LEN))  # the latest clock of any field
    origin_device: Mapped[str | None] = mapped_column(String(36))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    __table_args__ = (
        Index("ix_record_committee", "committee_id", "entity"),
        Index("ix_record_town_status", "town_id", "entity", "status"),
    )


class Fact(Base):
    """An append-only fact (assignment, session outcome, follow-up, attachment): one per op."""

    __tablename__ = "fact"

    # Op ids are unique per device (a device cannot collide with, or probe, another's ids).
    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    op_id: Mapped[str] = mapped_column(String(ID_LEN), primary_key=True)
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(ID_LEN))
    committee_id: Mapped[str] = mapped_column(ForeignKey("committee.id"))
    case_id: Mapped[str] = mapped_column(String(ID_LEN), index=True)
    data: Mapped[dict[str, Any]]
    hlc: Mapped[str] = mapped_column(String(HLC_LEN))
    received_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class CaseFile(Base):
    """The whole file of a case escalated to a town, as the desk sent it, for that town to read.
    Sensitive personal information: sealed with the server key (server_key.py) — never in clear in
    the database, never logged, never in the change feed (only its arrival)."""

    __tablename__ = "case_file"

    id: Mapped[str] = mapped_column(String(ID_LEN), primary_key=True)  # made by the server
    op_id: Mapped[str] = mapped_column(String(ID_LEN))
    case_id: Mapped[str] = mapped_column(String(ID_LEN), index=True)
    committee_id: Mapped[str] = mapped_column(ForeignKey("committee.id"))
    town_id: Mapped[str] = mapped_column(ForeignKey("town.id"), index=True)
    sealed: Mapped[bytes | None] = mapped_column(LargeBinary)  # the file's JSON, sealed (AES-GCM)
    key_id: Mapped[str | None] = mapped_column(String(32))  # which server key sealed it (rotation)
    size_bytes: Mapped[int] = mapped_column(Integer, default=0)  # the JSON's size before sealing
    # Only files received before sealing existed: sealed and cleared when the server next starts.
    content: Mapped[dict[str, Any] | None]
    hlc: Mapped[str] = mapped_column(String(HLC_LEN))
    device_id: Mapped[str] = mapped_column(String(36))
    received_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    __table_args__ = (UniqueConstraint("device_id", "op_id"),)


class FieldHistory(Base):
    """A value that lost a last-writer-wins merge, kept so nothing is dropped silently."""

    __tablename__ = "field_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(ID_LEN))
    field: Mapped[str] = mapped_column(String(64))
    value: Mapped[Any] = mapped_column(Json, nullable=True)
    hlc: Mapped[str] = mapped_column(String(HLC_LEN))  # the losing value's clock
    op_id: Mapped[str] = mapped_column(String(ID_LEN))  # the op whose merge decided it
    recorded_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    __table_args__ = (Index("ix_field_history_entity", "entity", "entity_id"),)


class CaseTransition(Base):
    """Each status change of a case applied on the server (from desks or the town)."""

    __tablename__ = "case_transition"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[str] = mapped_column(String(ID_LEN), index=True)
    from_status: Mapped[str] = mapped_column(String(32))
    to_status: Mapped[str] = mapped_column(String(32))
    hlc: Mapped[str] = mapped_column(String(HLC_LEN))
    op_id: Mapped[str] = mapped_column(String(ID_LEN))
    device_id: Mapped[str] = mapped_column(String(36))
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class AppliedOp(Base):
    """The idempotency key: written in the same transaction as the op's effect."""

    __tablename__ = "applied_op"

    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    op_id: Mapped[str] = mapped_column(String(ID_LEN), primary_key=True)
    entity: Mapped[str] = mapped_column(String(32))
    applied_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Change(Base):
    """The change feed. `seq` is assigned under the feed lock in commit order (see db.py), so a
    reader never sees seq N+1 before N."""

    __tablename__ = "change_feed"

    seq: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=False
    )
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(ID_LEN))
    committee_id: Mapped[str] = mapped_column(ForeignKey("committee.id"))
    committee_code: Mapped[str] = mapped_column(String(64))
    town_id: Mapped[str] = mapped_column(ForeignKey("town.id"))
    town_visible: Mapped[bool] = mapped_column(Boolean, default=False)
    hlc: Mapped[str] = mapped_column(String(HLC_LEN))
    data: Mapped[dict[str, Any]]
    origin_device: Mapped[str | None] = mapped_column(String(36))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    __table_args__ = (
        Index("ix_change_feed_committee_seq", "committee_id", "seq"),
        Index("ix_change_feed_town_seq", "town_id", "town_visible", "seq"),
    )


class PointsEntry(Base):
    """The district's green-coin ledger (平安绿币): append-only, one row per entry id, the id made
    where the entry was born (a desk's redemption or reversal) or derived by the rules (a town's
    credit, a resolution), so the same entry can never be held twice. A balance is a sum."""

    __tablename__ = "points_ledger"

    id: Mapped[str] = mapped_column(String(ID_LEN), primary_key=True)
    committee_id: Mapped[str] = mapped_column(ForeignKey("committee.id"))
    resident_id: Mapped[str] = mapped_column(String(ID_LEN))
    kind: Mapped[str] = mapped_column(String(16))
    coins: Mapped[int] = mapped_column(Integer)
    entry_date: Mapped[dt.date] = mapped_column(Date)
    declaration_id: Mapped[str | None] = mapped_column(String(ID_LEN), unique=True)  # a credit: once
    reverses: Mapped[str | None] = mapped_column(String(ID_LEN), unique=True)  # reversed once
    data: Mapped[dict[str, Any]]  # the entry's synced fields, as the feed carries them
    hlc: Mapped[str] = mapped_column(String(HLC_LEN))
    device_id: Mapped[str | None] = mapped_column(String(36))  # who sent (or, for the town, asked for) it
    received_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    __table_args__ = (Index("ix_points_ledger_resident", "committee_id", "resident_id"),)


class PointsCatalogue(Base):
    """Each green-coin catalogue the district has issued; desks get the latest with the reference
    data. Version 1 is the one built into every desk (points.rules.DEFAULT_CATALOGUE)."""

    __tablename__ = "points_catalogue"

    version: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    body: Mapped[dict[str, Any]]  # points.rules.catalogue_to_wire
    set_by: Mapped[str] = mapped_column(String(100))
    reason: Mapped[str] = mapped_column(Text, default="")
    set_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Setting(Base):
    """District settings sent down with the reference data."""

    __tablename__ = "district_setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[Any] = mapped_column(Json, nullable=True)


class AdminAudit(Base):
    """Who did what to the district, when and why: every admin command and every revocation."""

    __tablename__ = "admin_audit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(100))  # the administrator (or the server itself)
    action: Mapped[str] = mapped_column(String(64))  # e.g. device.revoke, setting.set
    target: Mapped[str] = mapped_column(String(200), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    detail: Mapped[dict[str, Any]]


class SecurityEvent(Base):
    """Failed codes and tokens, lockouts and refused connections, as the district must be able
    to show them later (never a token or a code itself: only where it came from)."""

    __tablename__ = "security_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    kind: Mapped[str] = mapped_column(String(64))  # e.g. enroll.code_failed, lockout
    source: Mapped[str] = mapped_column(String(100))  # an IP address or a device id
    detail: Mapped[dict[str, Any]]


class Lockout(Base):
    """A source refused for a while after repeated failures, shared by every server instance."""

    __tablename__ = "lockout"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)  # e.g. ip:203.0.113.7
    until: Mapped[dt.datetime]
    failures: Mapped[int] = mapped_column(Integer, default=0)
    reason: Mapped[str] = mapped_column(String(200), default="")


# The site-code tables live in their own module; importing them here puts them in Base.metadata
# for everything that reads it (migrations, schema checks).
from mediation_desk.district import alarm_models as _alarm_models  # noqa: E402,F401
from mediation_desk.district import holiday_models as _holiday_models  # noqa: E402,F401
from mediation_desk.district import sitecode_models as _sitecode_models  # noqa: E402,F401
