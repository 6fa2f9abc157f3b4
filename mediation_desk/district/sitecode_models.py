"""The district's site-code tables (一单一码, revision 0004): what the colour rule reads, kept in
columns (not in the records' JSON) so that one place is recomputed in a few indexed reads and all
41,000 at month end in one pass.

The records of places, inspections, hazards and tasks are kept like every synced record (the
`record` table, field-level last-writer-wins, the feed); these rows are their projection, written
in the same transaction (sitecode_apply.py). Codes are the district's own: the current one per
place and the one each month closed with (the history escalation counts). A code's reasons are
kept once per distinct list (SiteReasons, revision 0008): nearly every place shares its wording
with many others, and month end writes a number per place instead of the sentences."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mediation_desk.district.models import HLC_LEN, ID_LEN, Base, Json
from mediation_desk.storage.base import utcnow

SITE_CODE_FILLFACTOR = 50  # revision 0004 (site_code)


class SitePlace(Base):
    __tablename__ = "site_place"

    id: Mapped[str] = mapped_column(String(ID_LEN), primary_key=True)
    committee_id: Mapped[str] = mapped_column(ForeignKey("committee.id"))
    town_id: Mapped[str] = mapped_column(ForeignKey("town.id"), index=True)
    category: Mapped[str] = mapped_column(String(32))
    grid: Mapped[str] = mapped_column(String(50))
    created_at: Mapped[dt.datetime]
    active: Mapped[bool] = mapped_column(default=True)

    __table_args__ = (Index("ix_site_place_committee", "committee_id", "grid"),)


class SiteInspection(Base):
    __tablename__ = "site_inspection"

    id: Mapped[str] = mapped_column(String(ID_LEN), primary_key=True)
    place_id: Mapped[str] = mapped_column(String(ID_LEN))
    month: Mapped[str] = mapped_column(String(7))
    completed_at: Mapped[dt.datetime]

    __table_args__ = (
        Index("ix_site_inspection_place", "place_id", "month"),
        # Covering: month end reads the months' inspections from the index alone.
        Index("ix_site_inspection_month", "month", "place_id", "completed_at"),
    )


class SiteHazard(Base):
    __tablename__ = "site_hazard"

    id: Mapped[str] = mapped_column(String(ID_LEN), primary_key=True)
    place_id: Mapped[str] = mapped_column(String(ID_LEN), index=True)
    item_text: Mapped[str] = mapped_column(String(80))
    found_at: Mapped[dt.datetime]
    deadline: Mapped[dt.date] = mapped_column(Date)
    rectified_at: Mapped[dt.datetime | None]

    # Month end reads the hazards still open (or rectified lately): few of the 267,000.
    __table_args__ = (Index("ix_site_hazard_rectified", "rectified_at"),)


class SiteReasons(Base):
    """One distinct list of a code's reasons (JSON text as `sitecode_reasons.text_of` writes it),
    found by the SHA-256 of that text; codes refer to it by `id`. Rows are only ever added."""

    __tablename__ = "site_reasons"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    digest: Mapped[str] = mapped_column(String(64), unique=True)  # hex SHA-256 of `text`
    text: Mapped[str] = mapped_column(Text)

    @property
    def reasons(self) -> list[str]:
        return list(json.loads(self.text))


class SiteCode(Base):
    """A place's current code, as the district last computed it (on an inspection, a hazard's
    change, or month end)."""

    __tablename__ = "site_code"

    place_id: Mapped[str] = mapped_column(String(ID_LEN), primary_key=True)  # its committee and town: the place's
    colour: Mapped[str] = mapped_column(String(8))
    reasons_id: Mapped[int] = mapped_column(Integer)  # SiteReasons.id (no foreign key: see SiteMonth)
    period: Mapped[str] = mapped_column(String(7))
    computed_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    reason_set: Mapped[SiteReasons] = relationship(
        primaryjoin="foreign(SiteCode.reasons_id) == SiteReasons.id", viewonly=True, lazy="joined"
    )

    # PostgreSQL: room on each page, so that month end's update of every row stays on its page
    # (a HOT update: no index touched).
    # SQLite: the rows stored in the key's order (no rowid), so month end's update of every place,
    # made in place order, goes through the table page by page instead of all over it.
    __table_args__ = ({"postgresql_with": {"fillfactor": SITE_CODE_FILLFACTOR}, "sqlite_with_rowid": False},)

    @property
    def reasons(self) -> list[str]:
        return self.reason_set.reasons


class SiteMonth(Base):
    """The code a month closed with, per place (history; a red streak is counted here).

    A derived history table, as narrow as it can be — month end writes 41,000 rows of it: the
    place's committee and town are its site_place row's (joined when asked per committee or
    town), its reasons a SiteReasons row's; no foreign keys (PostgreSQL would check them for
    each row, a third of writing them; month end takes both from rows it has just read).
    Keyed month first: a month end's rows go to the end of the key's index together, instead of
    into every page of it (a place's months are read a window of months at a time,
    `sitecode_bulk.red_runs`)."""

    __tablename__ = "site_month"

    month: Mapped[str] = mapped_column(String(7), primary_key=True)
    place_id: Mapped[str] = mapped_column(String(ID_LEN), primary_key=True)
    colour: Mapped[str] = mapped_column(String(8))
    reasons_id: Mapped[int] = mapped_column(Integer)  # SiteReasons.id

    reason_set: Mapped[SiteReasons] = relationship(
        primaryjoin="foreign(SiteMonth.reasons_id) == SiteReasons.id", viewonly=True, lazy="joined"
    )

    __table_args__ = ({"sqlite_with_rowid": False},)

    @property
    def reasons(self) -> list[str]:
        return self.reason_set.reasons


class SiteTask(Base):
    """A covert-inspection or joint-enforcement task (its record carries the rest)."""

    __tablename__ = "site_task"

    id: Mapped[str] = mapped_column(String(ID_LEN), primary_key=True)  # rules.task_id
    place_id: Mapped[str] = mapped_column(String(ID_LEN))
    committee_id: Mapped[str] = mapped_column(ForeignKey("committee.id"))
    town_id: Mapped[str] = mapped_column(ForeignKey("town.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    month: Mapped[str] = mapped_column(String(7))
    status: Mapped[str] = mapped_column(String(16))

    __table_args__ = (
        Index("ix_site_task_place", "place_id", "status"),
        UniqueConstraint("place_id", "kind", "month"),
    )


class SiteScheme(Base):
    """Each scheme (checklists, thresholds) the district has issued; desks get the latest with the
    reference data. Version 1 is built into every desk (sitecode.scheme.DEFAULT_SCHEME)."""

    __tablename__ = "site_scheme"

    version: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    body: Mapped[dict[str, object]] = mapped_column(Json)
    set_by: Mapped[str] = mapped_column(String(100))
    reason: Mapped[str] = mapped_column(String(500))
    set_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class SiteMonthRun(Base):
    """A month end done: whichever server instance claims the month first runs it, once."""

    __tablename__ = "site_month_run"

    month: Mapped[str] = mapped_column(String(7), primary_key=True)
    started_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[dt.datetime | None]
    places: Mapped[int] = mapped_column(Integer, default=0)
    tasks_opened: Mapped[int] = mapped_column(Integer, default=0)
    hlc: Mapped[str | None] = mapped_column(String(HLC_LEN))
