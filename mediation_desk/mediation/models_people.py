"""People the desk knows: parties (natural and legal persons) and mediators (老娘舅)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, LargeBinary, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mediation_desk.storage.base import UUID_LEN, Base, new_id, utcnow


class Person(Base):
    """A party to a dispute. `kind` is "natural" (自然人) or "legal" (法人/非法人组织)."""

    __tablename__ = "person"

    id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True, default=new_id)
    committee_id: Mapped[str] = mapped_column(ForeignKey("committee.id"))
    kind: Mapped[str] = mapped_column(String(8))
    name: Mapped[str] = mapped_column(String(256), index=True)  # exactly as typed, any plane
    gender: Mapped[str | None] = mapped_column(String(8))
    ethnicity: Mapped[str | None] = mapped_column(String(16))  # 民族
    birth_date: Mapped[dt.date | None]
    id_type: Mapped[str | None] = mapped_column(String(24))
    # Sensitive values are stored encrypted (privacy/vault.py); *_idx are keyed hashes for
    # exact-match lookup. legacy_* hold plaintext from before encryption, until `protect`.
    id_number_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    id_number_idx: Mapped[str | None] = mapped_column(String(64))
    occupation: Mapped[str | None] = mapped_column(String(64))  # 职业或职务
    phone_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    phone_idx: Mapped[str | None] = mapped_column(String(64), index=True)
    address_enc: Mapped[bytes | None] = mapped_column(LargeBinary)  # 单位或住址
    legacy_id_number: Mapped[str | None] = mapped_column(String(32))
    legacy_phone: Mapped[str | None] = mapped_column(String(32))
    legacy_address: Mapped[str | None] = mapped_column(String(256))
    purged_at: Mapped[dt.datetime | None]  # personal data erased (retention or consent withdrawn)
    uscc: Mapped[str | None] = mapped_column(String(18))  # 统一社会信用代码 (legal persons)
    representative: Mapped[str | None] = mapped_column(String(64))  # 法定代表人/负责人
    representative_title: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_hlc: Mapped[str] = mapped_column(String(64))

    __table_args__ = (
        # One record per identity document; NULLs (unknown numbers) may repeat.
        Index("uq_person_id_doc", "id_type", "id_number_idx", unique=True,
              sqlite_where=text("id_number_idx IS NOT NULL")),
        Index("uq_person_uscc", "uscc", unique=True, sqlite_where=text("uscc IS NOT NULL")),
    )


class Mediator(Base):
    """调解员 on the roster; may be a volunteer elder without an operator account."""

    __tablename__ = "mediator"

    id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True, default=new_id)
    committee_id: Mapped[str] = mapped_column(ForeignKey("committee.id"))
    name: Mapped[str] = mapped_column(String(256))
    gender: Mapped[str | None] = mapped_column(String(8))
    phone_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    legacy_phone: Mapped[str | None] = mapped_column(String(32))
    area: Mapped[str | None] = mapped_column(String(64))  # village or grid covered
    skills: Mapped[list[str]]  # dispute type codes
    available: Mapped[bool] = mapped_column(default=True)
    max_open_cases: Mapped[int | None]
    active: Mapped[bool] = mapped_column(default=True)
    title: Mapped[str | None] = mapped_column(String(64))  # e.g. 老娘舅, 专职调解员
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_hlc: Mapped[str] = mapped_column(String(64))

    relations: Mapped[list["MediatorRelation"]] = relationship(
        back_populates="mediator", cascade="all, delete-orphan"
    )


class MediatorRelation(Base):
    """A mediator's tie to a person (kin, neighbour, employer…): grounds for recusal."""

    __tablename__ = "mediator_relation"

    id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True, default=new_id)
    mediator_id: Mapped[str] = mapped_column(ForeignKey("mediator.id"), index=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"), index=True)
    relation: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    mediator: Mapped[Mediator] = relationship(back_populates="relations")

    __table_args__ = (UniqueConstraint("mediator_id", "person_id"),)
