"""What the green-coin services hand the faces (window, command line): plain frozen dataclasses,
never ORM rows. Names are shown in full at the desk only to roles that may see them; every list
also carries the masked `label` the district and the public notice use."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from mediation_desk.points.rules import MonthFigures


@dataclass(frozen=True)
class HouseholdView:
    id: str
    label: str
    village_group: str
    members: int
    balance: int


@dataclass(frozen=True)
class ResidentView:
    id: str
    name: str  # in full (the masked label when the resident is known only from the district)
    label: str  # masked, as the public notice shows it
    village_group: str
    household_id: str | None
    household_label: str | None
    phone_masked: str | None
    mediator_id: str | None  # a volunteer mediator's roster record
    active: bool
    balance: int
    open_conflicts: int = 0  # redemptions that overdrew the balance, waiting for the town


@dataclass(frozen=True)
class DeclarationView:
    id: str
    resident_id: str
    resident_name: str
    item_code: str
    item_label: str
    module: str
    module_label: str
    coins: int  # negative: a proposed deduction
    activity_date: dt.date
    status: str
    status_label: str
    source: str
    source_label: str
    catalogue_version: int
    note: str | None
    evidence_name: str | None
    evidence_sha256: str | None
    declared_by: str
    declared_at: dt.datetime
    village_reviewer: str | None
    village_reason: str | None
    town_reason: str | None
    waiting_for_sync: bool  # approved by the village, not yet sent to the district for the town


@dataclass(frozen=True)
class EntryView:
    id: str
    resident_id: str
    kind: str
    kind_label: str
    coins: int
    entry_date: dt.date
    reason: str | None
    item_label: str | None
    declaration_id: str | None
    reverses: str | None
    reversed_by: str | None
    gift: str | None
    quantity: int | None
    origin: str  # desk | district
    created_by: str
    stock_returned: int = 0  # a reversed redemption of this desk: the gifts put back in stock


@dataclass(frozen=True)
class StatementView:
    """积分明细: one resident's entries in a period, with the balances around them."""

    resident: ResidentView
    since: dt.date | None  # None: from the first entry
    until: dt.date  # inclusive
    opening: int
    entries: tuple[EntryView, ...]
    closing: int


@dataclass(frozen=True)
class GiftView:
    id: str
    name: str
    price: int
    stock: int
    active: bool


@dataclass(frozen=True)
class RedemptionView:
    id: str
    receipt_no: str
    resident_id: str
    resident_name: str
    household_label: str | None
    gift_name: str
    quantity: int
    coins: int
    day: dt.date
    balance_after: int
    off_day_reason: str | None
    created_by: str
    created_at: dt.datetime


@dataclass(frozen=True)
class ConflictView:
    id: str
    resident_id: str
    resident_name: str
    entry_id: str
    shortfall: int
    status: str
    resolution: str | None
    reason: str | None
    resolved_on: dt.date | None


@dataclass(frozen=True)
class SummaryLine:
    """One resident's (or household's) line of the 积分汇总表."""

    key: str  # resident or household id
    name: str
    label: str  # masked name (the public notice)
    village_group: str
    household_label: str | None
    figures: MonthFigures


@dataclass(frozen=True)
class MonthSummary:
    month: str  # YYYY-MM
    first: dt.date
    last: dt.date
    committee_name: str
    residents: tuple[SummaryLine, ...]
    households: tuple[SummaryLine, ...]
    totals: MonthFigures
    entries: int  # ledger entries dated in the month
    ledger_digest: str  # SHA-256 over the month's entries in id order: what a sign-off vouches for
    ledger_closing: int  # the sum of every entry up to the month's end, straight from the ledger
    signed_by: str | None
    signed_at: dt.datetime | None
    changed_since_sign_off: bool  # entries dated in the month were added after it was signed off

    @property
    def reconciles(self) -> bool:
        return self.totals.closing == self.ledger_closing
