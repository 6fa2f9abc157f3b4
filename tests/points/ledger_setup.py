"""Setting up the ledger and the shop for the tests: coins credited as the district's pull writes
them (origin "district", the id an approved declaration makes), a resident of another committee, the
desk's clock put on a given Beijing day, and a snapshot of everything a redemption may change (to
show that a refused one changed nothing)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from sqlalchemy import func, select

from mediation_desk.core.models import AuditRecord, Committee, OutboxOp
from mediation_desk.core.uow import CHINA, SYSTEM, china_today
from mediation_desk.desk import Desk
from mediation_desk.points import ledger, rules
from mediation_desk.points.models import Gift, LedgerEntry, Redemption, Resident, StockMovement
from mediation_desk.storage.base import new_id


def credit(desk: Desk, resident_id: str, coins: int, *, day: dt.date | None = None) -> str:
    """Coins the town approved, arriving as a pull brings them: an entry of origin "district" with the
    id `rules.credit_entry_id(declaration)` (a deduction when `coins` is negative)."""
    declaration_id = new_id()
    entry_id = rules.credit_entry_id(declaration_id)
    with desk.write(SYSTEM) as uow:
        household = uow.session.get(Resident, resident_id)
        assert ledger.insert_entry(
            uow,
            entry_id=entry_id,
            resident_id=resident_id,
            household_id=household.household_id if household else None,
            kind=rules.entry_kind_for(coins),
            coins=coins,
            entry_date=day or china_today(),
            origin=ledger.DISTRICT,
            created_by="district",
            declaration_id=declaration_id,
            item_code="patrol" if coins > 0 else "neighbour_dispute",
            catalogue_version=1,
        )
    return entry_id


def foreign_resident(desk: Desk) -> str:
    """A resident registered with another committee (as a desk restored from another village's
    backup would hold): the services must refuse to touch them."""
    with desk.write(SYSTEM) as uow:
        other = Committee(
            name="谢塘镇东村人民调解委员会", code="XT-002", town="谢塘镇", village="东村", case_word="东调字"
        )
        uow.session.add(other)
        uow.session.flush()
        resident = Resident(committee_id=other.id, label="赵*", village_group="二组", updated_hlc=uow.tick())
        uow.session.add(resident)
        uow.session.flush()
        return resident.id


def freeze_day(monkeypatch: pytest.MonkeyPatch, day: dt.date) -> None:
    """The desk's clock at 10:00 Beijing time on `day` (UnitOfWork.now and china_today read it)."""
    at = dt.datetime.combine(day, dt.time(10, 0), CHINA).astimezone(dt.UTC)
    monkeypatch.setattr("mediation_desk.core.uow.utcnow", lambda: at)


def last_day_numbered(day_of_month: int) -> dt.date:
    """The latest date on or before today (Beijing) that is day `day_of_month` of its month."""
    today = china_today()
    if today.day >= day_of_month:
        return today.replace(day=day_of_month)
    first = today.replace(day=1) - dt.timedelta(days=1)
    return first.replace(day=day_of_month)


@dataclass(frozen=True)
class Held:
    """What a redemption (or a reversal) may change, counted."""

    balance: int
    stock: int
    entries: int
    redemptions: int
    movements: int
    outbox: int
    audit: int


def held(desk: Desk, resident_id: str, gift_id: str | None = None) -> Held:
    with desk.read() as s:

        def count(model: type, *where: object) -> int:
            return int(s.scalar(select(func.count()).select_from(model).where(*where)) or 0)  # type: ignore[arg-type]

        stock = s.scalar(select(Gift.stock).where(Gift.id == gift_id)) if gift_id else 0
        return Held(
            balance=ledger.balance_of(s, resident_id),
            stock=int(stock or 0),
            entries=count(LedgerEntry),
            redemptions=count(Redemption),
            movements=count(StockMovement),
            outbox=count(OutboxOp),
            audit=count(AuditRecord, AuditRecord.action != "access.denied"),
        )
