"""The green-coin tables of the desk (revision 0005).

A resident is a person of the ground's register (name there; phone sealed there) with the points
scheme's own facts: village group, household, and optionally the mediator record of a volunteer
mediator. A resident known only from the district (registered at another desk of the committee)
has no person here, only the masked label the district holds.

`points_entry` is the ledger: rows are only ever inserted (triggers refuse UPDATE and DELETE);
balances are sums. Stock cannot go below zero (a CHECK), whatever runs at once."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from mediation_desk.storage.base import UUID_LEN, Base, new_id, utcnow


class Household(Base):
    """户: a resident's household; its balance is the sum of its members' balances."""

    __tablename__ = "points_household"

    id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True, default=new_id)
    committee_id: Mapped[str] = mapped_column(ForeignKey("committee.id"))
    label: Mapped[str] = mapped_column(String(64))  # how the village names it, e.g. 王建国户 or 3 组 12 号
    village_group: Mapped[str] = mapped_column(String(32))  # 村民小组
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_hlc: Mapped[str] = mapped_column(String(64))


class Resident(Base):
    __tablename__ = "points_resident"

    id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True, default=new_id)
    committee_id: Mapped[str] = mapped_column(ForeignKey("committee.id"))
    person_id: Mapped[str | None] = mapped_column(ForeignKey("person.id"), unique=True)
    label: Mapped[str] = mapped_column(String(64))  # the masked name (rules.mask_name): all the district holds
    village_group: Mapped[str] = mapped_column(String(32))
    household_id: Mapped[str | None] = mapped_column(ForeignKey("points_household.id"), index=True)
    mediator_id: Mapped[str | None] = mapped_column(ForeignKey("mediator.id"), unique=True)  # a volunteer mediator
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_hlc: Mapped[str] = mapped_column(String(64))


class Membership(Base):
    """Which household a resident belonged to from when to when: a move keeps the history."""

    __tablename__ = "points_membership"

    id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True, default=new_id)
    resident_id: Mapped[str] = mapped_column(ForeignKey("points_resident.id"), index=True)
    household_id: Mapped[str] = mapped_column(ForeignKey("points_household.id"), index=True)
    since: Mapped[dt.date]
    until: Mapped[dt.date | None]  # None: the current household
    reason: Mapped[str | None] = mapped_column(String(200))
    recorded_by: Mapped[str] = mapped_column(String(64))
    recorded_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class CatalogueVersion(Base):
    """Each catalogue the desk has used: built in (version 1) or handed down by the district."""

    __tablename__ = "points_catalogue"

    version: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    body: Mapped[dict[str, Any]]  # rules.catalogue_to_wire
    source: Mapped[str] = mapped_column(String(16))  # builtin | district
    received_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Declaration(Base):
    """群众申报: one activity (or a proposed deduction) on its way through the two reviews."""

    __tablename__ = "points_declaration"

    id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True, default=new_id)
    committee_id: Mapped[str] = mapped_column(ForeignKey("committee.id"))
    resident_id: Mapped[str] = mapped_column(ForeignKey("points_resident.id"), index=True)
    item_code: Mapped[str] = mapped_column(String(32))
    item_label: Mapped[str] = mapped_column(String(64))
    module: Mapped[str] = mapped_column(String(16))
    catalogue_version: Mapped[int]
    activity_date: Mapped[dt.date]
    coins: Mapped[int]
    status: Mapped[str] = mapped_column(String(24), index=True)
    source: Mapped[str] = mapped_column(String(16))
    source_ref: Mapped[str | None] = mapped_column(String(UUID_LEN))  # the case (or inspection) behind it
    note: Mapped[str | None] = mapped_column(Text)
    evidence_name: Mapped[str | None] = mapped_column(String(256))
    evidence_stored: Mapped[str | None] = mapped_column(String(64))  # sealed file in the attachments folder
    evidence_media_type: Mapped[str | None] = mapped_column(String(128))
    evidence_size: Mapped[int | None]
    evidence_sha256: Mapped[str | None] = mapped_column(String(64))
    declared_by: Mapped[str] = mapped_column(String(64))
    declared_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    village_reviewer: Mapped[str | None] = mapped_column(String(64))
    village_reviewed_on: Mapped[dt.date | None]
    village_reason: Mapped[str | None] = mapped_column(String(200))
    town_reviewer: Mapped[str | None] = mapped_column(String(64))
    town_reviewed_on: Mapped[dt.date | None]
    town_reason: Mapped[str | None] = mapped_column(String(200))
    status_changed_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_hlc: Mapped[str] = mapped_column(String(64))

    __table_args__ = (
        Index("ix_points_declaration_limits", "resident_id", "item_code", "activity_date"),
        # One automatic declaration per case (or inspection), however often the event comes.
        Index(
            "uq_points_declaration_source",
            "source",
            "source_ref",
            unique=True,
            sqlite_where=text("source_ref IS NOT NULL"),
        ),
    )


class LedgerEntry(Base):
    """积分记录: append-only. Entry ids are the sync idempotency key."""

    __tablename__ = "points_entry"

    id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    committee_id: Mapped[str] = mapped_column(String(UUID_LEN))
    resident_id: Mapped[str] = mapped_column(ForeignKey("points_resident.id"))
    household_id: Mapped[str | None] = mapped_column(String(UUID_LEN))  # at the time of the entry
    kind: Mapped[str] = mapped_column(String(16))
    coins: Mapped[int]
    entry_date: Mapped[dt.date]  # Beijing date the entry counts on (month end)
    declaration_id: Mapped[str | None] = mapped_column(String(UUID_LEN), unique=True)
    reverses: Mapped[str | None] = mapped_column(String(UUID_LEN), unique=True)
    item_code: Mapped[str | None] = mapped_column(String(32))
    catalogue_version: Mapped[int | None]
    gift: Mapped[str | None] = mapped_column(String(64))
    quantity: Mapped[int | None]
    reason: Mapped[str | None] = mapped_column(String(200))
    origin: Mapped[str] = mapped_column(String(16))  # desk | district (pulled)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    hlc: Mapped[str] = mapped_column(String(64))

    __table_args__ = (
        Index("ix_points_entry_resident", "resident_id", "entry_date"),
        Index("ix_points_entry_date", "entry_date", "resident_id", "kind", "coins"),
    )


class Gift(Base):
    """A gift of the 绿币超市, its price in coins and what is in stock."""

    __tablename__ = "points_gift"

    id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True, default=new_id)
    committee_id: Mapped[str] = mapped_column(ForeignKey("committee.id"))
    name: Mapped[str] = mapped_column(String(64))
    price: Mapped[int]
    stock: Mapped[int]
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    __table_args__ = (
        CheckConstraint("stock >= 0", name="stock_not_negative"),
        CheckConstraint("price > 0", name="price_positive"),
        UniqueConstraint("committee_id", "name"),
    )


class Redemption(Base):
    """One redemption at the shop: its receipt, the gift, and the ledger entry that spent the coins."""

    __tablename__ = "points_redemption"

    id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True, default=new_id)
    receipt_no: Mapped[str] = mapped_column(String(32), unique=True)
    resident_id: Mapped[str] = mapped_column(ForeignKey("points_resident.id"), index=True)
    entry_id: Mapped[str] = mapped_column(ForeignKey("points_entry.id"), unique=True)
    gift_id: Mapped[str] = mapped_column(ForeignKey("points_gift.id"))
    quantity: Mapped[int]
    coins: Mapped[int]  # spent (positive); the ledger entry holds them negative
    balance_after: Mapped[int]  # as the receipt printed it: a reprint shows the same figure
    day: Mapped[dt.date]
    off_day_reason: Mapped[str | None] = mapped_column(String(200))
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class StockMovement(Base):
    """Every change of a gift's stock (入库, 兑换, 冲正退回): the stock is their sum."""

    __tablename__ = "points_stock_movement"

    id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True, default=new_id)
    gift_id: Mapped[str] = mapped_column(ForeignKey("points_gift.id"), index=True)
    change: Mapped[int]
    reason: Mapped[str] = mapped_column(String(200))
    redemption_id: Mapped[str | None] = mapped_column(String(UUID_LEN))
    recorded_by: Mapped[str] = mapped_column(String(64))
    recorded_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Conflict(Base):
    """A redemption that overdrew a balance when two desks spent the same coins offline, as the
    district found it at sync; open until the town resolves it."""

    __tablename__ = "points_conflict"

    id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    resident_id: Mapped[str] = mapped_column(String(UUID_LEN), index=True)
    entry_id: Mapped[str] = mapped_column(String(UUID_LEN))
    shortfall: Mapped[int]
    status: Mapped[str] = mapped_column(String(16))  # rules.OPEN | rules.RESOLVED
    resolution: Mapped[str | None] = mapped_column(String(24))
    reason: Mapped[str | None] = mapped_column(String(200))
    resolved_on: Mapped[dt.date | None]
    seen_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class MonthEnd(Base):
    """A month's 积分汇总表 once produced: its totals and the digest of the ledger it summed, and who
    reviewed and signed it off (a later entry dated in the month shows as a difference)."""

    __tablename__ = "points_month_end"

    month: Mapped[str] = mapped_column(String(7), primary_key=True)  # YYYY-MM
    residents: Mapped[int]
    opening: Mapped[int]
    earned: Mapped[int]
    deducted: Mapped[int]
    redeemed: Mapped[int]
    corrected: Mapped[int]
    closing: Mapped[int]
    entries: Mapped[int]
    ledger_digest: Mapped[str] = mapped_column(String(64))
    produced_by: Mapped[str] = mapped_column(String(64))
    produced_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    signed_by: Mapped[str | None] = mapped_column(String(64))
    signed_at: Mapped[dt.datetime | None]
    posted_on: Mapped[dt.date | None]  # 公示 date
