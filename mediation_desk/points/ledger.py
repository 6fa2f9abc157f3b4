"""积分记录: the desk's append-only ledger of green coins.

Entries are only inserted (the database's triggers refuse UPDATE and DELETE); a balance is the SQL
sum of a resident's entries, never a stored figure that could drift from them. Credits and
deductions come from the district (a town's approval, pulled); the desk itself writes redemptions
(shop.py) and reversals, and pushes both. An entry id is the idempotency key everywhere: the same
entry arriving twice, from a replayed pull or from the desk and the district both, is one entry."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from mediation_desk.core.sync_contract import APPEND
from mediation_desk.core.uow import Actor, UnitOfWork
from mediation_desk.desk import Desk
from mediation_desk.errors import ValidationError
from mediation_desk.logging_setup import looks_personal
from mediation_desk.points import rules
from mediation_desk.points.balances import balance_of, balances
from mediation_desk.points.dto import EntryView
from mediation_desk.points.ledger_views import (
    committee_resident,
    entry_view,
    household_balance,
    item_labels,
    list_balances,
    list_conflicts,
    statement,
)
from mediation_desk.points.models import Gift, LedgerEntry, Redemption, Resident, StockMovement
from mediation_desk.privacy import roles
from mediation_desk.validation import clean_text

# The sums (balances.py) and the reading services (ledger_views.py) are named here too: the faces
# and the other services know the ledger's readings under the ledger's name.
__all__ = [
    "balance_of",
    "balances",
    "committee_resident",
    "entry_payload",
    "entry_view",
    "household_balance",
    "insert_entry",
    "list_balances",
    "list_conflicts",
    "reverse",
    "statement",
]

DESK, DISTRICT = "desk", "district"  # where an entry was written: here, or pulled from the district
ORIGINS = (DESK, DISTRICT)
MAX_QUANTITY = 1000  # the sync contract's bound on an entry's quantity
# The sign each kind must have: a credit adds, a deduction and a redemption take away; a reversal
# and the town's adjustment may go either way.
_SIGN = {rules.CREDIT: 1, rules.DEDUCTION: -1, rules.REDEMPTION: -1}


# ---- writing ---------------------------------------------------------------------------------


def insert_entry(
    uow: UnitOfWork,
    *,
    entry_id: str,
    resident_id: str,
    kind: str,
    coins: int,
    entry_date: dt.date,
    origin: str,
    created_by: str,
    household_id: str | None = None,
    declaration_id: str | None = None,
    reverses: str | None = None,
    item_code: str | None = None,
    catalogue_version: int | None = None,
    gift: str | None = None,
    quantity: int | None = None,
    reason: str | None = None,
    hlc: str | None = None,
) -> bool:
    """Append one entry; False when an entry of that id is already held (nothing written). No
    outbox op and no audit record: the caller decides (a pulled entry is not pushed back).

    `hlc` is the entry's clock where it was born (a pulled entry's change); a new one by default."""
    _check_entry(kind, coins, origin, reverses, quantity)
    s = uow.session
    resident = s.get(Resident, resident_id)
    if resident is None:
        raise ValidationError.single("resident_id", "unknown_resident", f"积分记录的居民不在本机：{resident_id[:40]}")
    result = s.execute(
        insert(LedgerEntry)
        .values(
            id=entry_id,
            committee_id=resident.committee_id,
            resident_id=resident_id,
            household_id=household_id,
            kind=kind,
            coins=coins,
            entry_date=entry_date,
            declaration_id=declaration_id,
            reverses=reverses,
            item_code=item_code,
            catalogue_version=catalogue_version,
            gift=gift,
            quantity=quantity,
            reason=reason,
            origin=origin,
            created_by=created_by,
            created_at=uow.now,
            hlc=hlc or uow.tick(),
        )
        # Only the id: a different entry clashing on `declaration_id` or `reverses` is an error,
        # not a duplicate (both are derived from the id by the rules, so it cannot happen honestly).
        .on_conflict_do_nothing(index_elements=["id"])
    )
    return bool(getattr(result, "rowcount", 0))


def _check_entry(kind: str, coins: int, origin: str, reverses: str | None, quantity: int | None) -> None:
    if kind not in rules.ENTRY_KINDS:
        kinds = "、".join(rules.ENTRY_KINDS)
        raise ValidationError.single("kind", "unknown_kind", f"积分记录类型须是以下之一：{kinds}")
    if isinstance(coins, bool) or not isinstance(coins, int) or coins == 0 or abs(coins) > rules.MAX_ENTRY_COINS:
        raise ValidationError.single(
            "coins", "coins_range", f"积分记录的绿币数须是 1 到 {rules.MAX_ENTRY_COINS} 的整数（可为负），不能为 0"
        )
    sign = _SIGN.get(kind)
    if sign is not None and coins * sign < 0:
        word = "正数" if sign > 0 else "负数"
        raise ValidationError.single("coins", "coins_sign", f"「{rules.ENTRY_KINDS[kind]}」记录的绿币数须是{word}")
    if (kind == rules.REVERSAL) != (reverses is not None):
        raise ValidationError.single("reverses", "reverses_kind", "只有冲正记录写明所冲正的记录，且冲正记录必须写明")
    if origin not in ORIGINS:
        raise ValidationError.single("origin", "unknown_origin", f"积分记录来源须是 {DESK} 或 {DISTRICT}")
    if quantity is not None and (isinstance(quantity, bool) or not 1 <= quantity <= MAX_QUANTITY):
        raise ValidationError.single("quantity", "quantity_range", f"数量须是 1 到 {MAX_QUANTITY} 的整数")


def entry_payload(entry: LedgerEntry) -> dict[str, Any]:
    """What of an entry syncs (the `points_entry` entity's fields): no name, only ids and figures."""
    return {
        "resident_id": entry.resident_id,
        "household_id": entry.household_id,
        "kind": entry.kind,
        "coins": entry.coins,
        "entry_date": entry.entry_date.isoformat(),
        "declaration_id": entry.declaration_id,
        "reverses": entry.reverses,
        "item_code": entry.item_code,
        "catalogue_version": entry.catalogue_version,
        "gift": entry.gift,
        "quantity": entry.quantity,
        "reason": entry.reason,
    }


def reverse(desk: Desk, actor: Actor, entry_id: str, *, reason: str) -> EntryView:
    """冲正: an entry cancelled by a new entry of the opposite coins (the 主任, with a reason).

    Its id is derived from the reversed entry's, so an entry is reversed once, here or by the town
    at the district, never twice; a reversal itself is not reversed (declare again instead).
    Reversing a redemption made at this desk returns the gifts to stock."""
    with desk.write(actor) as uow:
        roles.authorize(actor, "points.correct")  # inside the unit of work: a refusal is audited
        why = clean_text(reason, "reason", "冲正理由", required=True, max_chars=rules.MAX_REASON_CHARS) or ""
        if looks_personal(why):  # the reason goes to the district, which refuses personal numbers
            raise ValidationError.single(
                "reason", "personal_data", "冲正理由会报送区里，请不要写身份证号、电话号码等个人信息"
            )
        s = uow.session
        entry = _entry_of_committee(s, desk, entry_id)
        if entry.kind == rules.REVERSAL:
            raise ValidationError.single(
                "entry_id", "reversal_not_reversible", "积分记录：冲正记录不能再冲正（如需更正，请重新申报）"
            )
        reversal_id = rules.reversal_entry_id(entry.id)
        held = s.scalars(
            select(LedgerEntry).where((LedgerEntry.id == reversal_id) | (LedgerEntry.reverses == entry.id))
        ).first()
        if held is not None:
            raise ValidationError.single(
                "entry_id",
                "already_reversed",
                f"积分记录：这条记录已于 {held.entry_date:%Y-%m-%d} 冲正，一条记录只能冲正一次",
            )
        resident = s.get(Resident, entry.resident_id)
        insert_entry(
            uow,
            entry_id=reversal_id,
            resident_id=entry.resident_id,
            household_id=resident.household_id if resident else entry.household_id,
            kind=rules.REVERSAL,
            coins=-entry.coins,
            entry_date=uow.today,
            origin=DESK,
            created_by=actor.username,
            reverses=entry.id,
            item_code=entry.item_code,
            catalogue_version=entry.catalogue_version,
            gift=entry.gift,
            quantity=entry.quantity,
            reason=why,
        )
        returned = return_stock(uow, entry) if entry.kind == rules.REDEMPTION else 0
        row = s.get(LedgerEntry, reversal_id)
        assert row is not None  # just inserted, in this transaction
        uow.audit(
            "points.reverse",
            rules.ENTRY,
            row.id,
            reverses=entry.id,
            reversed_kind=entry.kind,
            coins=row.coins,
            stock_returned=returned,
        )
        uow.outbox(rules.ENTRY, row.id, APPEND, entry_payload(row))
        return entry_view(row, item_labels(s), None, stock_returned=returned)


def _entry_of_committee(s: Session, desk: Desk, entry_id: str) -> LedgerEntry:
    entry = s.get(LedgerEntry, entry_id) if isinstance(entry_id, str) else None
    if entry is None or entry.committee_id != desk.committee(s).id:
        raise ValidationError.single("entry_id", "unknown_entry", f"积分记录：找不到这条记录（{str(entry_id)[:40]}）")
    return entry


def return_stock(uow: UnitOfWork, entry: LedgerEntry) -> int:
    """The gifts of a reversed redemption go back on the shelf, when it was redeemed here (a
    redemption pulled from another desk of the committee left that desk's stock)."""
    s = uow.session
    redemption = s.scalars(select(Redemption).where(Redemption.entry_id == entry.id)).first()
    if redemption is None or s.get(Gift, redemption.gift_id) is None:
        return 0
    s.execute(
        update(Gift)
        .where(Gift.id == redemption.gift_id)
        .values(stock=Gift.stock + redemption.quantity, updated_at=uow.now)
        .execution_options(synchronize_session=False)
    )
    s.add(
        StockMovement(
            gift_id=redemption.gift_id,
            change=redemption.quantity,
            reason=f"冲正兑换，退回库存（收据 {redemption.receipt_no}）",
            redemption_id=redemption.id,
            recorded_by=uow.actor.username,
            recorded_at=uow.now,
        )
    )
    return redemption.quantity
