"""The site-code tables of the desk (revision 0006).

A place's responsible person is a person of the ground's register (name there; phone sealed
there), so the same person may also be a green-coin resident: a completed self-inspection then
earns them coins without the two capabilities knowing each other. Photos (an inspection's, a
hazard's, a rectification's) are sealed files in the attachments folder, like case attachments.

Moments (`completed_at`, `found_at`, `rectified_at`) are stored in UTC and judged in Beijing
time by `rules.code_at`. A place's code is never stored at the desk: it is computed from these
rows whenever it is shown, so it cannot go stale."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from mediation_desk.storage.base import UUID_LEN, Base, new_id, utcnow


class Place(Base):
    """一个重点场所: what the district's list names, with its grid (网格) and responsible person."""

    __tablename__ = "sitecode_place"

    id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True, default=new_id)
    committee_id: Mapped[str] = mapped_column(ForeignKey("committee.id"))
    name: Mapped[str] = mapped_column(String(100))
    category: Mapped[str] = mapped_column(String(32), index=True)
    address: Mapped[str] = mapped_column(String(200))
    grid: Mapped[str] = mapped_column(String(50), index=True)
    credit_code: Mapped[str | None] = mapped_column(String(18))  # None: an individual business without one
    person_id: Mapped[str | None] = mapped_column(ForeignKey("person.id"), index=True)  # 负责人
    active: Mapped[bool] = mapped_column(default=True)
    source: Mapped[str] = mapped_column(String(16), default="manual")  # manual | import | district
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)  # owes self-inspections from the next month
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_hlc: Mapped[str] = mapped_column(String(64))

    __table_args__ = (
        # One place per credit code; places without one are told apart by name and address.
        Index("uq_sitecode_place_credit", "credit_code", unique=True, sqlite_where=text("credit_code IS NOT NULL")),
        Index("ix_sitecode_place_name", "name", "address"),
    )


class SchemeVersion(Base):
    """Each scheme (checklists and thresholds) the desk has used: built in (1) or from the district."""

    __tablename__ = "sitecode_scheme"

    version: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    body: Mapped[dict[str, Any]]  # scheme.scheme_to_wire
    source: Mapped[str] = mapped_column(String(16))  # builtin | district
    received_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Inspection(Base):
    """A monthly self-inspection, entered at the desk on the place's behalf. Never edited: a
    mistake is put right by the next inspection or a rectification."""

    __tablename__ = "sitecode_inspection"

    id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True, default=new_id)
    place_id: Mapped[str] = mapped_column(ForeignKey("sitecode_place.id"))
    month: Mapped[str] = mapped_column(String(7))  # the month it is for (YYYY-MM)
    completed_at: Mapped[dt.datetime]
    scheme_version: Mapped[int]
    results: Mapped[dict[str, Any]]  # item code → ok | hazard | na
    evidence_name: Mapped[str | None] = mapped_column(String(256))
    evidence_stored: Mapped[str | None] = mapped_column(String(64))
    evidence_media_type: Mapped[str | None] = mapped_column(String(128))
    evidence_size: Mapped[int | None]
    evidence_sha256: Mapped[str | None] = mapped_column(String(64))
    note: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(String(64))
    recorded_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_hlc: Mapped[str] = mapped_column(String(64))

    __table_args__ = (Index("ix_sitecode_inspection_place", "place_id", "month"),)


class Hazard(Base):
    """A hazard an inspection found: its deadline, and its rectification with evidence and checker."""

    __tablename__ = "sitecode_hazard"

    id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True, default=new_id)
    place_id: Mapped[str] = mapped_column(ForeignKey("sitecode_place.id"))
    inspection_id: Mapped[str] = mapped_column(ForeignKey("sitecode_inspection.id"), index=True)
    item_code: Mapped[str] = mapped_column(String(32))
    item_text: Mapped[str] = mapped_column(String(80))
    description: Mapped[str | None] = mapped_column(String(200))
    found_at: Mapped[dt.datetime]
    deadline: Mapped[dt.date]  # the last day to rectify (overdue from 00:00 Beijing the next day)
    status: Mapped[str] = mapped_column(String(16))  # open | rectified
    evidence_name: Mapped[str | None] = mapped_column(String(256))
    evidence_stored: Mapped[str | None] = mapped_column(String(64))
    evidence_media_type: Mapped[str | None] = mapped_column(String(128))
    evidence_size: Mapped[int | None]
    evidence_sha256: Mapped[str | None] = mapped_column(String(64))
    rectified_at: Mapped[dt.datetime | None]
    rectification_note: Mapped[str | None] = mapped_column(String(200))
    checked_by: Mapped[str | None] = mapped_column(String(64))  # who checked the rectification (复查人)
    rectification_name: Mapped[str | None] = mapped_column(String(256))
    rectification_stored: Mapped[str | None] = mapped_column(String(64))
    rectification_media_type: Mapped[str | None] = mapped_column(String(128))
    rectification_size: Mapped[int | None]
    rectification_sha256: Mapped[str | None] = mapped_column(String(64))
    recorded_by: Mapped[str] = mapped_column(String(64))
    updated_hlc: Mapped[str] = mapped_column(String(64))

    __table_args__ = (
        Index("ix_sitecode_hazard_place", "place_id", "status"),
        Index("ix_sitecode_hazard_open", "status", "deadline"),
    )


class Task(Base):
    """A covert-inspection or joint-enforcement task the district opened for a place (pulled)."""

    __tablename__ = "sitecode_task"

    id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    place_id: Mapped[str] = mapped_column(String(UUID_LEN), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    month: Mapped[str] = mapped_column(String(7))
    status: Mapped[str] = mapped_column(String(16))
    reasons: Mapped[list[str]]
    parties: Mapped[list[str]]
    opened_on: Mapped[dt.date | None]
    closed_on: Mapped[dt.date | None]
    outcome: Mapped[str | None] = mapped_column(String(200))
    seen_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_hlc: Mapped[str] = mapped_column(String(64))

    __table_args__ = (UniqueConstraint("place_id", "kind", "month"),)
