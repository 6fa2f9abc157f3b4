"""绿币超市: coins traded for gifts, on the committee's opening day (another day with a reason).

A redemption is one write unit of work. The desk's writers open `BEGIN IMMEDIATE`
(storage/engine.py), so between reading the balance and writing the entry no other writer — a
thread of this window, another window, the command line — can spend the same coins: they queue.
The stock is taken by a conditional UPDATE and kept at zero or more by a CHECK besides.

The shelf itself (gifts, prices, deliveries) is gifts.py; its services are named here too."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from mediation_desk.core.sync_contract import APPEND
from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.errors import DeskError, ValidationError
from mediation_desk.people.models import Person
from mediation_desk.points import rules
from mediation_desk.points.balances import balance_of
from mediation_desk.points.dto import RedemptionView
from mediation_desk.points.gifts import add_gift, committee_gift, edit_gift, list_gifts, move_stock, restock
from mediation_desk.points.ledger import DESK, committee_resident, entry_payload, insert_entry
from mediation_desk.points.models import Household, LedgerEntry, Redemption, Resident
from mediation_desk.privacy import roles
from mediation_desk.storage.base import new_id
from mediation_desk.storage.state import DeskState
from mediation_desk.validation import clean_text

__all__ = [
    "add_gift",
    "edit_gift",
    "get_redemption",
    "list_gifts",
    "list_redemptions",
    "opening_day",
    "opening_day_in",
    "redeem",
    "restock",
    "set_opening_day",
]

OPENING_DAY_KEY = "points_opening_day"  # in desk_state, beside the committee's other rules
LATEST_OPENING_DAY = 28  # every month has it
MAX_QUANTITY = 100  # gifts of one kind in one redemption
MAX_LIST = 5000


# ---- the opening day -------------------------------------------------------------------------


def opening_day_in(session: Session) -> int:
    row = session.get(DeskState, OPENING_DAY_KEY)
    if row is None:
        return rules.DEFAULT_OPENING_DAY
    try:
        day = int(row.value)
    except ValueError:
        day = 0
    if not 1 <= day <= LATEST_OPENING_DAY:
        raise DeskError("绿币超市开放日设置已损坏，请主任重新设置")
    return day


def opening_day(desk: Desk) -> int:
    """The day of the month the shop opens (everyone may read it)."""
    with desk.read() as s:
        return opening_day_in(s)


def set_opening_day(desk: Desk, actor: Actor, day: int) -> int:
    """The 主任 moves the opening day (1–28, so that every month has one); audited."""
    with desk.write(actor) as uow:
        roles.authorize(actor, "points.settings")  # inside the unit of work: a refusal is audited
        if isinstance(day, str) and day.strip().isdecimal():
            day = int(day.strip())
        if isinstance(day, bool) or not isinstance(day, int) or not 1 <= day <= LATEST_OPENING_DAY:
            raise ValidationError.single(
                "day", "day_range", f"开放日须是每月 1 到 {LATEST_OPENING_DAY} 日中的一天（整数）"
            )
        old = opening_day_in(uow.session)
        if day != old:
            uow.session.merge(DeskState(key=OPENING_DAY_KEY, value=str(day)))
            uow.audit("points.settings", "desk", None, opening_day_old=old, opening_day_new=day)
        return day


# ---- redeeming -------------------------------------------------------------------------------


def redeem(
    desk: Desk,
    actor: Actor,
    *,
    resident_id: str,
    gift_id: str,
    quantity: int = 1,
    off_day_reason: str | None = None,
) -> RedemptionView:
    """兑换: `quantity` of the gift for the resident's coins, with a receipt. Nothing changes unless
    everything holds: an active resident of this committee, a gift on the shelf, the opening day
    (or a reason), enough coins and enough stock."""
    with desk.write(actor) as uow:
        roles.authorize(actor, "points.redeem")  # inside the unit of work: a refusal is audited
        if isinstance(quantity, bool) or not isinstance(quantity, int) or not 1 <= quantity <= MAX_QUANTITY:
            raise ValidationError.single("quantity", "quantity_range", f"兑换数量须是 1 到 {MAX_QUANTITY} 的整数")
        reason = clean_text(off_day_reason, "off_day_reason", "另日兑换原因", required=False, max_chars=200)
        s = uow.session
        resident = committee_resident(s, desk, resident_id)
        if not resident.active:
            raise ValidationError.single("resident_id", "resident_inactive", "居民：这位居民已停用，不能兑换")
        gift = committee_gift(s, desk, gift_id)
        if not gift.active:
            raise ValidationError.single("gift_id", "gift_inactive", f"礼品：「{gift.name}」已下架，不能兑换")
        today, opening = uow.today, opening_day_in(s)
        off_day = today.day != opening
        problem = rules.off_day_problem(today, opening, reason)
        if problem:
            raise ValidationError.single("off_day_reason", "off_day", problem)
        cost = gift.price * quantity
        held = balance_of(s, resident.id)  # read under the write lock: no one spends meanwhile
        problem = rules.redemption_problem(held, cost)
        if problem:
            raise ValidationError.single("quantity", "insufficient_coins", f"「{gift.name}」{quantity} 件：{problem}")
        redemption_id = new_id()
        receipt_no = next_receipt_no(s, today, desk.node)
        if not move_stock(uow, gift, -quantity, f"兑换（收据 {receipt_no}）", redemption_id):
            raise ValidationError.single(
                "quantity", "out_of_stock", f"「{gift.name}」库存不足：现有 {gift.stock} 件，需要 {quantity} 件"
            )
        entry_id = new_id()
        insert_entry(
            uow,
            entry_id=entry_id,
            resident_id=resident.id,
            household_id=resident.household_id,
            kind=rules.REDEMPTION,
            coins=-cost,
            entry_date=today,
            origin=DESK,
            created_by=actor.username,
            gift=gift.name,
            quantity=quantity,
        )
        redemption = Redemption(
            id=redemption_id,
            receipt_no=receipt_no,
            resident_id=resident.id,
            entry_id=entry_id,
            gift_id=gift.id,
            quantity=quantity,
            coins=cost,
            balance_after=held - cost,
            day=today,
            off_day_reason=reason if off_day else None,
            created_by=actor.username,
            created_at=uow.now,
        )
        s.add(redemption)
        s.flush()
        detail: dict[str, object] = {"entry_id": entry_id, "gift_id": gift.id, "quantity": quantity, "coins": cost}
        if off_day:
            detail["off_day_reason"] = reason  # another day than the opening day is on record, with why
        uow.audit("points.redeem", "points_redemption", redemption.id, receipt_no=receipt_no, **detail)
        entry = s.get(LedgerEntry, entry_id)
        assert entry is not None  # inserted above, in this transaction
        uow.outbox(rules.ENTRY, entry_id, APPEND, entry_payload(entry))
        return _views(s, [redemption])[0]


def next_receipt_no(s: Session, day: dt.date, node: str) -> str:
    """收据号 `YYYYMM-NNNN-XXXXXX`: numbered per month at this desk (the write lock hands them out in
    turn), ended by this installation's short node so two desks of a committee never print the same."""
    prefix, suffix = f"{day:%Y%m}-", f"-{node[:6].upper()}"
    held = s.scalars(select(Redemption.receipt_no).where(Redemption.receipt_no.like(f"{prefix}%{suffix}")))
    last = max(
        (int(no[len(prefix) : -len(suffix)]) for no in held if no[len(prefix) : -len(suffix)].isdigit()), default=0
    )
    return f"{prefix}{last + 1:04d}{suffix}"


# ---- reading ---------------------------------------------------------------------------------


def list_redemptions(
    desk: Desk, actor: Actor, *, day: dt.date | None = None, resident_id: str | None = None, limit: int = 500
) -> list[RedemptionView]:
    """The shop's redemptions, newest first: of one day (the opening day's list), of one resident."""
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_LIST:
        raise ValidationError.single("limit", "limit_range", f"显示条数须是 1 到 {MAX_LIST} 的整数")
    with desk.read(actor) as s:
        roles.authorize(actor, "points.view")
        q = select(Redemption).join(Resident, Resident.id == Redemption.resident_id)
        q = q.where(Resident.committee_id == desk.committee(s).id)
        if day is not None:
            q = q.where(Redemption.day == day)
        if resident_id is not None:
            q = q.where(Redemption.resident_id == committee_resident(s, desk, resident_id).id)
        rows = s.scalars(q.order_by(Redemption.created_at.desc(), Redemption.receipt_no.desc()).limit(limit))
        return _views(s, list(rows))


def get_redemption(desk: Desk, actor: Actor, redemption_id: str) -> RedemptionView:
    """One redemption (by id or receipt number), e.g. to print its receipt again."""
    with desk.read(actor) as s:
        roles.authorize(actor, "points.view")
        found = s.get(Redemption, redemption_id) if isinstance(redemption_id, str) else None
        if found is None and isinstance(redemption_id, str):
            found = s.scalars(select(Redemption).where(Redemption.receipt_no == redemption_id.strip())).first()
        if found is None:
            raise ValidationError.single(
                "redemption_id", "unknown_redemption", f"兑换记录：找不到（{str(redemption_id)[:40]}）"
            )
        committee_resident(s, desk, found.resident_id, "redemption_id")
        return _views(s, [found])[0]


def _views(s: Session, redemptions: list[Redemption]) -> list[RedemptionView]:
    """Views with the gift's name as redeemed (kept on the ledger entry: a gift renamed later does
    not change an old receipt) and the resident's name and household as they are now."""
    entry_ids = [r.entry_id for r in redemptions]
    gifts = dict(s.execute(select(LedgerEntry.id, LedgerEntry.gift).where(LedgerEntry.id.in_(entry_ids))).all())
    resident_ids = list({r.resident_id for r in redemptions})
    who = {
        rid: (name or label, household)
        for rid, name, label, household in s.execute(
            select(Resident.id, Person.name, Resident.label, Household.label)
            .outerjoin(Person, Person.id == Resident.person_id)
            .outerjoin(Household, Household.id == Resident.household_id)
            .where(Resident.id.in_(resident_ids))
        )
    }
    return [
        RedemptionView(
            id=r.id,
            receipt_no=r.receipt_no,
            resident_id=r.resident_id,
            resident_name=who[r.resident_id][0],
            household_label=who[r.resident_id][1],
            gift_name=gifts.get(r.entry_id) or "",
            quantity=r.quantity,
            coins=r.coins,
            day=r.day,
            balance_after=r.balance_after,
            off_day_reason=r.off_day_reason,
            created_by=r.created_by,
            created_at=r.created_at,
        )
        for r in redemptions
    ]
