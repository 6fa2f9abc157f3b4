"""绿币超市's shelf: gifts with their prices in coins and what is in stock.

Every change of stock is a `StockMovement` row (入库, 报损, 兑换, 冲正退回) beside the gift's
`stock`, so the stock can be accounted for. Stock moves only by conditional UPDATEs
(`… WHERE stock + change >= 0`) inside a write unit of work, and a CHECK constraint keeps it from
going below zero whatever runs at once. Gifts stay in the village: they are not synced."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from mediation_desk.core.uow import Actor, UnitOfWork
from mediation_desk.desk import Desk
from mediation_desk.errors import ValidationError
from mediation_desk.points import rules
from mediation_desk.points.dto import GiftView
from mediation_desk.points.models import Gift, StockMovement
from mediation_desk.privacy import roles
from mediation_desk.validation import clean_text

MAX_PRICE = rules.MAX_ENTRY_COINS
MAX_STOCK_CHANGE = 100_000  # one delivery or write-off; more is a typing slip


def _whole(value: Any, field: str, label: str, low: int, high: int) -> int:
    if isinstance(value, str) and value.strip().isdecimal():  # typed, also full-width ０–９
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValidationError.single(field, f"{field}_range", f"{label}须是 {low} 到 {high} 的整数")
    return value


def _name(value: Any) -> str:
    return clean_text(value, "name", "礼品名称", required=True, max_chars=64) or ""


def _unique_name(s: Session, committee_id: str, name: str, gift_id: str | None = None) -> None:
    q = select(Gift.id).where(Gift.committee_id == committee_id, Gift.name == name)
    if gift_id is not None:
        q = q.where(Gift.id != gift_id)
    if s.scalars(q).first() is not None:
        raise ValidationError.single("name", "duplicate_name", f"礼品名称「{name}」已有，请换一个名称")


def committee_gift(s: Session, desk: Desk, gift_id: str) -> Gift:
    gift = s.get(Gift, gift_id) if isinstance(gift_id, str) else None
    if gift is None or gift.committee_id != desk.committee(s).id:
        raise ValidationError.single("gift_id", "unknown_gift", f"礼品：找不到这件礼品（{str(gift_id)[:40]}）")
    return gift


def gift_view(g: Gift) -> GiftView:
    return GiftView(g.id, g.name, g.price, g.stock, g.active)


def move_stock(uow: UnitOfWork, gift: Gift, change: int, reason: str, redemption_id: str | None = None) -> bool:
    """Add `change` (negative: take) to the gift's stock and record the movement; False, with
    nothing changed, when there is not that much in stock (checked by the UPDATE itself, so two
    writers cannot both take the last one)."""
    s = uow.session
    result = s.execute(
        update(Gift)
        .where(Gift.id == gift.id, Gift.stock + change >= 0)
        .values(stock=Gift.stock + change, updated_at=uow.now)
        .execution_options(synchronize_session=False)
    )
    if not getattr(result, "rowcount", 0):
        return False
    s.add(
        StockMovement(
            gift_id=gift.id,
            change=change,
            reason=reason,
            redemption_id=redemption_id,
            recorded_by=uow.actor.username,
            recorded_at=uow.now,
        )
    )
    s.flush()
    s.refresh(gift)
    return True


def add_gift(desk: Desk, actor: Actor, *, name: str, price: int, stock: int = 0) -> GiftView:
    with desk.write(actor) as uow:
        roles.authorize(actor, "points.shop")  # inside the unit of work: a refusal is audited
        name = _name(name)
        price = _whole(price, "price", "兑换价格（绿币）", 1, MAX_PRICE)
        stock = _whole(stock, "stock", "库存数量", 0, MAX_STOCK_CHANGE)
        s = uow.session
        committee_id = desk.committee(s).id
        _unique_name(s, committee_id, name)
        gift = Gift(committee_id=committee_id, name=name, price=price, stock=0, created_at=uow.now, updated_at=uow.now)
        s.add(gift)
        s.flush()
        if stock:
            move_stock(uow, gift, stock, "新增礼品入库")
        uow.audit("points.gift", "points_gift", gift.id, change="add", price=price, stock=stock)
        return gift_view(gift)


def edit_gift(
    desk: Desk,
    actor: Actor,
    gift_id: str,
    *,
    name: str | None = None,
    price: int | None = None,
    active: bool | None = None,
) -> GiftView:
    """Rename, reprice, or take off (active=False) / put back on the shelf. Stock changes by `restock`."""
    with desk.write(actor) as uow:
        roles.authorize(actor, "points.shop")
        s = uow.session
        gift = committee_gift(s, desk, gift_id)
        changed: dict[str, Any] = {}
        if name is not None:
            new_name = _name(name)
            _unique_name(s, gift.committee_id, new_name, gift.id)
            if new_name != gift.name:
                changed["name"] = new_name
        if price is not None:
            new_price = _whole(price, "price", "兑换价格（绿币）", 1, MAX_PRICE)
            if new_price != gift.price:
                changed["price"] = new_price
        if active is not None:
            if not isinstance(active, bool):
                raise ValidationError.single("active", "active_type", "是否上架须是“是”或“否”")
            if active != gift.active:
                changed["active"] = active
        if changed:
            for key, value in changed.items():
                setattr(gift, key, value)
            gift.updated_at = uow.now
            detail = {k: v for k, v in changed.items() if k != "name"}  # the fields, and figures only
            uow.audit("points.gift", "points_gift", gift.id, change="edit", fields=sorted(changed), **detail)
        return gift_view(gift)


def restock(desk: Desk, actor: Actor, gift_id: str, quantity: int, *, reason: str) -> GiftView:
    """入库 (a positive quantity) or 报损 (negative: broken, expired, lost), with the reason; the
    stock never goes below zero."""
    with desk.write(actor) as uow:
        roles.authorize(actor, "points.shop")
        quantity = _whole(quantity, "quantity", "入库数量（报损为负数）", -MAX_STOCK_CHANGE, MAX_STOCK_CHANGE)
        if quantity == 0:
            raise ValidationError.single("quantity", "quantity_zero", "入库数量（报损为负数）不能为 0")
        why = clean_text(reason, "reason", "入库或报损原因", required=True, max_chars=rules.MAX_REASON_CHARS) or ""
        s = uow.session
        gift = committee_gift(s, desk, gift_id)
        if not move_stock(uow, gift, quantity, why):
            raise ValidationError.single(
                "quantity", "below_zero", f"「{gift.name}」现有库存 {gift.stock} 件，报损不能超过库存"
            )
        uow.audit("points.restock", "points_gift", gift.id, change=quantity, stock=gift.stock)
        return gift_view(gift)


def list_gifts(desk: Desk, actor: Actor, *, include_inactive: bool = False) -> list[GiftView]:
    with desk.read(actor) as s:
        roles.authorize(actor, "points.view")
        q = select(Gift).where(Gift.committee_id == desk.committee(s).id)
        if not include_inactive:
            q = q.where(Gift.active.is_(True))
        return [gift_view(g) for g in s.scalars(q.order_by(Gift.price, Gift.name))]
