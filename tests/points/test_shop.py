"""绿币超市: gifts and their stock, the opening day, and redemptions — one unit of work each, with a
receipt, the ledger entry, the stock movement, the audit record and the outbox op together, or
nothing at all when any rule is broken."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from ledger_setup import credit, foreign_resident, freeze_day, held, last_day_numbered
from service_helpers import audit_actions, outbox_ops
from sqlalchemy import func, literal_column, select, text
from sqlalchemy.exc import IntegrityError

from mediation_desk.core import sync_contract as contract
from mediation_desk.core.models import AuditRecord
from mediation_desk.core.uow import SYSTEM
from mediation_desk.errors import PermissionDenied, ValidationError
from mediation_desk.points import ledger, residents, rules, shop
from mediation_desk.points.models import Gift, LedgerEntry, Redemption, StockMovement
from mediation_desk.storage.base import new_id


def fields(exc: pytest.ExceptionInfo[ValidationError]) -> set[tuple[str, str]]:
    return {(p.field, p.rule) for p in exc.value.problems}


@pytest.fixture
def opening_day(monkeypatch) -> dt.date:
    """The desk's clock on the latest 25th (the default opening day) up to today."""
    day = last_day_numbered(rules.DEFAULT_OPENING_DAY)
    freeze_day(monkeypatch, day)
    return day


def movements(desk, gift_id: str) -> list[tuple[int, str]]:
    with desk.read() as s:
        rows = s.execute(
            select(StockMovement.change, StockMovement.reason)
            .where(StockMovement.gift_id == gift_id)
            .order_by(StockMovement.recorded_at, literal_column("rowid"))  # the clock may stand still
        )
        return [(change, reason) for change, reason in rows]


def stock_accounts(desk, gift_id: str) -> bool:
    """The gift's stock is the sum of its movements."""
    with desk.read() as s:
        moved = s.scalar(
            select(func.coalesce(func.sum(StockMovement.change), 0)).where(StockMovement.gift_id == gift_id)
        )
        return s.scalar(select(Gift.stock).where(Gift.id == gift_id)) == moved


# ---- gifts and stock ------------------------------------------------------------------------


def test_the_clerk_keeps_the_shelf(points_env):
    desk, clerk = points_env.desk, points_env.clerk
    soap = shop.add_gift(desk, clerk, name=" 洗衣皂 ", price=5, stock=20)
    oil = shop.add_gift(desk, clerk, name="食用油", price=30)
    assert (soap.name, soap.price, soap.stock, soap.active) == ("洗衣皂", 5, 20, True)
    assert movements(desk, soap.id) == [(20, "新增礼品入库")] and movements(desk, oil.id) == []
    shop.restock(desk, clerk, oil.id, 10, reason="镇里配送")
    shop.restock(desk, clerk, soap.id, -2, reason="受潮报损")
    assert [(g.name, g.stock) for g in shop.list_gifts(desk, points_env.mediator)] == [("洗衣皂", 18), ("食用油", 10)]
    renamed = shop.edit_gift(desk, clerk, oil.id, name="菜籽油 5L", price=35, active=False)
    assert (renamed.name, renamed.price, renamed.active) == ("菜籽油 5L", 35, False)
    assert [g.name for g in shop.list_gifts(desk, clerk)] == ["洗衣皂"]
    assert len(shop.list_gifts(desk, clerk, include_inactive=True)) == 2
    assert stock_accounts(desk, soap.id) and stock_accounts(desk, oil.id)
    assert audit_actions(desk, soap.id) == ["points.gift", "points.restock"]
    assert not outbox_ops(desk, "points_gift")  # the shelf stays in the village


@pytest.mark.parametrize(
    "data, field, rule",
    [
        ({"name": ""}, "name", "required"),
        ({"name": "礼" * 65}, "name", "too_long"),
        ({"name": "洗衣皂"}, "name", "duplicate_name"),
        ({"price": 0}, "price", "price_range"),
        ({"price": -5}, "price", "price_range"),
        ({"price": rules.MAX_ENTRY_COINS + 1}, "price", "price_range"),
        ({"price": True}, "price", "price_range"),
        ({"price": 2.5}, "price", "price_range"),
        ({"stock": -1}, "stock", "stock_range"),
        ({"stock": 10**7}, "stock", "stock_range"),
    ],
)
def test_a_gift_that_cannot_be_is_refused_naming_the_field(points_env, data, field, rule):
    desk, clerk = points_env.desk, points_env.clerk
    shop.add_gift(desk, clerk, name="洗衣皂", price=5)
    with pytest.raises(ValidationError) as exc:
        shop.add_gift(desk, clerk, **{"name": "毛巾", "price": 8, "stock": 3, **data})
    assert fields(exc) == {(field, rule)}
    assert [g.name for g in shop.list_gifts(desk, clerk, include_inactive=True)] == ["洗衣皂"]


def test_bad_edits_and_restocks_are_refused_and_stock_never_goes_below_zero(points_env):
    desk, clerk = points_env.desk, points_env.clerk
    soap = shop.add_gift(desk, clerk, name="洗衣皂", price=5, stock=3)
    towel = shop.add_gift(desk, clerk, name="毛巾", price=8)
    cases = [
        (lambda: shop.restock(desk, clerk, soap.id, -4, reason="报损"), ("quantity", "below_zero")),
        (lambda: shop.restock(desk, clerk, soap.id, 0, reason="盘点"), ("quantity", "quantity_zero")),
        (lambda: shop.restock(desk, clerk, soap.id, 10**6, reason="入库"), ("quantity", "quantity_range")),
        (lambda: shop.restock(desk, clerk, soap.id, 5, reason=" "), ("reason", "required")),
        (lambda: shop.restock(desk, clerk, "no-such-gift", 5, reason="入库"), ("gift_id", "unknown_gift")),
        (lambda: shop.edit_gift(desk, clerk, soap.id, name="毛巾"), ("name", "duplicate_name")),
        (lambda: shop.edit_gift(desk, clerk, soap.id, price=0), ("price", "price_range")),
        (lambda: shop.edit_gift(desk, clerk, soap.id, active="no"), ("active", "active_type")),
        (lambda: shop.edit_gift(desk, clerk, "no-such-gift", price=3), ("gift_id", "unknown_gift")),
    ]
    for attempt, problem in cases:
        with pytest.raises(ValidationError) as exc:
            attempt()
        assert fields(exc) == {problem}
    assert [(g.name, g.price, g.stock) for g in shop.list_gifts(desk, clerk)] == [("洗衣皂", 5, 3), ("毛巾", 8, 0)]
    assert shop.restock(desk, clerk, soap.id, -3, reason="过期报损").stock == 0  # down to zero, not below
    assert stock_accounts(desk, soap.id) and stock_accounts(desk, towel.id)


def test_the_database_itself_keeps_stock_at_zero_or_more(points_env):
    soap = shop.add_gift(points_env.desk, points_env.clerk, name="洗衣皂", price=5, stock=2)
    with pytest.raises(IntegrityError, match="stock_not_negative"), points_env.desk.write(SYSTEM) as uow:
        uow.session.execute(text("UPDATE points_gift SET stock = stock - 3 WHERE id = :id"), {"id": soap.id})
    assert shop.list_gifts(points_env.desk, points_env.clerk)[0].stock == 2


def test_a_mediator_does_not_keep_the_shelf(points_env):
    with pytest.raises(PermissionDenied):
        shop.add_gift(points_env.desk, points_env.mediator, name="洗衣皂", price=5)
    assert audit_actions(points_env.desk)[-1] == "access.denied"
    assert shop.list_gifts(points_env.desk, points_env.admin, include_inactive=True) == []


# ---- the opening day ------------------------------------------------------------------------


def test_the_director_sets_the_opening_day(points_env):
    desk = points_env.desk
    assert shop.opening_day(desk) == rules.DEFAULT_OPENING_DAY == 25
    assert shop.set_opening_day(desk, points_env.admin, 20) == 20
    assert shop.opening_day(desk) == 20
    assert audit_actions(desk)[-1] == "points.settings"
    with desk.read() as s:
        last = s.scalars(select(AuditRecord).order_by(AuditRecord.seq.desc()).limit(1)).one()
        assert (last.detail["opening_day_old"], last.detail["opening_day_new"]) == (25, 20)
    for bad in (0, 29, 31, -1, "二十", True, None):
        with pytest.raises(ValidationError) as exc:
            shop.set_opening_day(desk, points_env.admin, bad)
        assert fields(exc) == {("day", "day_range")}
    with pytest.raises(PermissionDenied):
        shop.set_opening_day(desk, points_env.clerk, 10)
    assert shop.opening_day(desk) == 20


# ---- redeeming ------------------------------------------------------------------------------


def test_a_redemption_on_the_opening_day(points_env, resident, opening_day):
    desk, clerk = points_env.desk, points_env.clerk
    credit(desk, resident.id, 30)
    soap = shop.add_gift(desk, clerk, name="洗衣皂", price=5, stock=10)
    r = shop.redeem(desk, clerk, resident_id=resident.id, gift_id=soap.id, quantity=3)
    assert (r.resident_name, r.household_label, r.gift_name, r.quantity) == ("王建国", "王建国户", "洗衣皂", 3)
    assert (r.coins, r.balance_after, r.day, r.off_day_reason, r.created_by) == (15, 15, opening_day, None, "clerk")
    assert re.fullmatch(rf"{opening_day:%Y%m}-0001-[0-9A-F]{{6}}", r.receipt_no)
    assert r.receipt_no.endswith(desk.node[:6].upper())
    with desk.read() as s:
        assert ledger.balance_of(s, resident.id) == 15
        red = s.get(Redemption, r.id)
        entry = s.get(LedgerEntry, red.entry_id)
        assert (entry.kind, entry.coins, entry.gift, entry.quantity, entry.origin) == (
            rules.REDEMPTION,
            -15,
            "洗衣皂",
            3,
            ledger.DESK,
        )
        assert (entry.entry_date, entry.household_id) == (opening_day, resident.household_id)
        assert s.scalar(select(Gift.stock).where(Gift.id == soap.id)) == 7
        audit = s.scalars(select(AuditRecord).where(AuditRecord.entity_id == r.id)).one()
        assert audit.action == "points.redeem" and "off_day_reason" not in audit.detail
        assert (audit.detail["receipt_no"], audit.detail["coins"], audit.detail["quantity"]) == (r.receipt_no, 15, 3)
    assert movements(desk, soap.id)[-1] == (-3, f"兑换（收据 {r.receipt_no}）")
    ops = outbox_ops(desk, rules.ENTRY)
    assert [(op.entity_id, op.kind) for op in ops] == [(entry.id, contract.APPEND)]
    assert ops[0].payload == ledger.entry_payload(entry)
    # The next receipt of the month follows on.
    second = shop.redeem(desk, clerk, resident_id=resident.id, gift_id=soap.id)
    assert second.receipt_no == r.receipt_no.replace("-0001-", "-0002-")
    assert second.balance_after == 10
    assert shop.get_redemption(desk, clerk, r.id) == r
    assert shop.get_redemption(desk, clerk, r.receipt_no) == r


def test_another_day_needs_a_reason_which_is_audited(points_env, resident, monkeypatch):
    desk, clerk = points_env.desk, points_env.clerk
    day = last_day_numbered(rules.DEFAULT_OPENING_DAY) - dt.timedelta(days=3)
    freeze_day(monkeypatch, day)
    credit(desk, resident.id, 10)
    soap = shop.add_gift(desk, clerk, name="洗衣皂", price=5, stock=10)
    before = held(desk, resident.id, soap.id)
    with pytest.raises(ValidationError, match="不是绿币超市开放日") as exc:
        shop.redeem(desk, clerk, resident_id=resident.id, gift_id=soap.id)
    assert fields(exc) == {("off_day_reason", "off_day")}
    assert held(desk, resident.id, soap.id) == before
    r = shop.redeem(desk, clerk, resident_id=resident.id, gift_id=soap.id, off_day_reason=" 行动不便，提前兑换 ")
    assert r.off_day_reason == "行动不便，提前兑换"
    with desk.read() as s:
        audit = s.scalars(select(AuditRecord).where(AuditRecord.entity_id == r.id)).one()
        assert audit.detail["off_day_reason"] == "行动不便，提前兑换"
    # Moved to today, the shop is open without a reason.
    shop.set_opening_day(desk, points_env.admin, day.day)
    assert shop.redeem(desk, clerk, resident_id=resident.id, gift_id=soap.id).off_day_reason is None


def _bad_redemptions(points_env, soap_id, towel_id, idle_id, stranger):
    _, li, chen = points_env.residents
    return [
        ({"resident_id": "no-such-resident"}, ("resident_id", "unknown_resident")),
        ({"resident_id": stranger}, ("resident_id", "other_committee")),
        ({"resident_id": chen.id}, ("resident_id", "resident_inactive")),
        ({"gift_id": "no-such-gift"}, ("gift_id", "unknown_gift")),
        ({"gift_id": idle_id}, ("gift_id", "gift_inactive")),
        ({"quantity": 0}, ("quantity", "quantity_range")),
        ({"quantity": -2}, ("quantity", "quantity_range")),
        ({"quantity": 10**9}, ("quantity", "quantity_range")),
        ({"quantity": True}, ("quantity", "quantity_range")),
        ({"quantity": 5}, ("quantity", "insufficient_coins")),  # 5 × 5 = 25 > 20
        ({"gift_id": towel_id}, ("quantity", "insufficient_coins")),  # one towel costs 25
        ({"quantity": 4, "resident_id": li.id}, ("quantity", "out_of_stock")),  # 3 in stock
        ({"off_day_reason": "理" * 201}, ("off_day_reason", "too_long")),
    ]


def test_a_redemption_that_breaks_a_rule_changes_nothing(points_env, opening_day):
    desk, clerk = points_env.desk, points_env.clerk
    wang, li, chen = points_env.residents
    credit(desk, wang.id, 20)
    credit(desk, li.id, 100)
    credit(desk, chen.id, 50)
    residents.edit_resident(desk, points_env.admin, chen.id, active=False)
    soap = shop.add_gift(desk, clerk, name="洗衣皂", price=5, stock=3)
    towel = shop.add_gift(desk, clerk, name="毛巾", price=25, stock=3)
    idle = shop.add_gift(desk, clerk, name="雨伞", price=2, stock=3)
    shop.edit_gift(desk, clerk, idle.id, active=False)
    stranger = foreign_resident(desk)
    credit(desk, stranger, 100)
    for change, problem in _bad_redemptions(points_env, soap.id, towel.id, idle.id, stranger):
        data = {"resident_id": wang.id, "gift_id": soap.id, "quantity": 1, **change}
        before = [held(desk, rid, data["gift_id"]) for rid in (wang.id, li.id, chen.id)]
        with pytest.raises(ValidationError) as exc:
            shop.redeem(desk, clerk, **data)
        assert fields(exc) == {problem}, change
        assert exc.value.problems[0].message  # words for the clerk, naming what is wrong
        assert [held(desk, rid, data["gift_id"]) for rid in (wang.id, li.id, chen.id)] == before, change
    assert held(desk, stranger).balance == 100


def test_the_message_says_how_many_coins_and_how_much_stock(points_env, resident, opening_day):
    desk, clerk = points_env.desk, points_env.clerk
    credit(desk, resident.id, 12)
    soap = shop.add_gift(desk, clerk, name="洗衣皂", price=5, stock=1)
    with pytest.raises(ValidationError, match="余额 12，需要 15"):
        shop.redeem(desk, clerk, resident_id=resident.id, gift_id=soap.id, quantity=3)
    with pytest.raises(ValidationError, match="库存不足：现有 1 件，需要 2 件"):
        shop.redeem(desk, clerk, resident_id=resident.id, gift_id=soap.id, quantity=2)


def test_a_mediator_does_not_redeem(points_env, resident, opening_day):
    desk = points_env.desk
    credit(desk, resident.id, 12)
    soap = shop.add_gift(desk, points_env.clerk, name="洗衣皂", price=5, stock=1)
    before = held(desk, resident.id, soap.id)
    with pytest.raises(PermissionDenied):
        shop.redeem(desk, points_env.mediator, resident_id=resident.id, gift_id=soap.id)
    assert held(desk, resident.id, soap.id) == before
    assert audit_actions(desk)[-1] == "access.denied"


def test_reversing_a_redemption_returns_the_coins_and_the_gifts(points_env, resident, opening_day):
    desk, clerk, admin = points_env.desk, points_env.clerk, points_env.admin
    credit(desk, resident.id, 20)
    soap = shop.add_gift(desk, clerk, name="洗衣皂", price=5, stock=4)
    r = shop.redeem(desk, clerk, resident_id=resident.id, gift_id=soap.id, quantity=2)
    with desk.read() as s:
        entry_id = s.get(Redemption, r.id).entry_id
    view = ledger.reverse(desk, admin, entry_id, reason="礼品有破损，退回")
    assert (view.coins, view.gift, view.quantity, view.stock_returned) == (10, "洗衣皂", 2, 2)
    assert held(desk, resident.id, soap.id).stock == 4
    assert held(desk, resident.id).balance == 20
    assert movements(desk, soap.id)[-1] == (2, f"冲正兑换，退回库存（收据 {r.receipt_no}）")
    assert stock_accounts(desk, soap.id)
    with desk.read() as s:
        audit = s.scalars(select(AuditRecord).where(AuditRecord.entity_id == view.id)).one()
        assert (audit.detail["reversed_kind"], audit.detail["stock_returned"]) == (rules.REDEMPTION, 2)
    with pytest.raises(ValidationError):  # once only: the gifts do not come back twice
        ledger.reverse(desk, admin, entry_id, reason="再退一次")
    assert held(desk, resident.id, soap.id).stock == 4


def test_a_redemption_of_another_desk_is_reversed_without_touching_this_shelf(points_env, resident, opening_day):
    """A redemption pulled from another desk of the committee has no receipt here: its gifts were
    handed over from that desk's shelf."""
    desk = points_env.desk
    soap = shop.add_gift(desk, points_env.clerk, name="洗衣皂", price=5, stock=4)
    credit(desk, resident.id, 20)
    entry_id = new_id()
    with desk.write(SYSTEM) as uow:  # as the pull writes the other desk's entry
        ledger.insert_entry(
            uow,
            entry_id=entry_id,
            resident_id=resident.id,
            kind=rules.REDEMPTION,
            coins=-5,
            entry_date=opening_day,
            origin=ledger.DISTRICT,
            created_by="xietang-2",
            gift="洗衣皂",
            quantity=1,
        )
    view = ledger.reverse(desk, points_env.admin, entry_id, reason="重复兑换")
    assert view.stock_returned == 0
    assert held(desk, resident.id, soap.id).stock == 4


def test_redemptions_are_listed_by_day_and_resident_and_keep_their_receipt(points_env, opening_day):
    desk, clerk = points_env.desk, points_env.clerk
    wang, li, _ = points_env.residents
    credit(desk, wang.id, 50)
    credit(desk, li.id, 50)
    soap = shop.add_gift(desk, clerk, name="洗衣皂", price=5, stock=10)
    first = shop.redeem(desk, clerk, resident_id=wang.id, gift_id=soap.id)
    second = shop.redeem(desk, clerk, resident_id=li.id, gift_id=soap.id, quantity=2)
    assert [r.id for r in shop.list_redemptions(desk, clerk)] == [second.id, first.id]
    assert [r.id for r in shop.list_redemptions(desk, clerk, resident_id=wang.id)] == [first.id]
    assert [r.id for r in shop.list_redemptions(desk, clerk, day=opening_day)] == [second.id, first.id]
    assert shop.list_redemptions(desk, clerk, day=opening_day - dt.timedelta(days=1)) == []
    # A reprint shows the receipt as it was: the gift's name then, the balance then.
    shop.edit_gift(desk, clerk, soap.id, name="洗衣皂（大）", price=6)
    credit(desk, wang.id, 5)
    again = shop.get_redemption(desk, clerk, first.id)
    assert (again.gift_name, again.coins, again.balance_after) == ("洗衣皂", 5, 45)
    with pytest.raises(ValidationError) as exc:
        shop.get_redemption(desk, clerk, "no-such-receipt")
    assert fields(exc) == {("redemption_id", "unknown_redemption")}
    with pytest.raises(ValidationError) as exc:
        shop.list_redemptions(desk, clerk, resident_id="no-such-resident")
    assert fields(exc) == {("resident_id", "unknown_resident")}
    with pytest.raises(ValidationError) as exc:
        shop.list_redemptions(desk, clerk, limit=0)
    assert fields(exc) == {("limit", "limit_range")}
