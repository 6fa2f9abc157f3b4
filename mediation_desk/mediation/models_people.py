"""Mediators (老娘舅) on the roster, and their ties to persons (grounds for recusal)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mediation_desk.storage.base import UUID_LEN, Base, new_id, utcnow


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

    relations: Mapped[list[MediatorRelation]] = relationship(back_populates="mediator", cascade="all, delete-orphan")


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


class MediatorLoad(Base):
    """Open cases per mediator (cases in `states.OPEN_STATES` with an assignment of theirs not
    ended), kept by triggers of the database itself (revision 0011) in the transaction of every
    change of an assignment or of a case's status, whoever writes it: the roster shows loads
    without counting 100,000 cases each time."""

    __tablename__ = "mediator_load"

    mediator_id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    open_cases: Mapped[int] = mapped_column(default=0)
