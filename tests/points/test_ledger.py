"""积分记录: the append-only ledger. Entries only ever inserted (the database refuses UPDATE and
DELETE, also from outside the program), idempotent by entry id, balances summed in SQL, and
corrections made by reversing entries: by the 主任, with a reason, once per entry."""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing

import pytest
from ledger_setup import credit, foreign_resident, held
from service_helpers import audit_actions, outbox_ops
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from mediation_desk.core import sync_contract as contract
from mediation_desk.core.uow import SYSTEM, china_today
from mediation_desk.errors import PermissionDenied, ValidationError
from mediation_desk.points import entities, ledger, residents, rules
from mediation_desk.points.models import Conflict, LedgerEntry
from mediation_desk.storage.base import new_id


def fields(exc: pytest.ExceptionInfo[ValidationError]) -> set[tuple[str, str]]:
    return {(p.field, p.rule) for p in exc.value.problems}


def entry_row(desk, entry_id: str) -> LedgerEntry:
    with desk.read() as s:
        row = s.get(LedgerEntry, entry_id)
        assert row is not None
        return row


# ---- the ledger is append-only --------------------------------------------------------------


def test_the_database_refuses_to_edit_or_delete_an_entry(points_env, resident):
    desk = points_env.desk
    entry_id = credit(desk, resident.id, 5)
    for sql in (
        "UPDATE points_entry SET coins = 500 WHERE id = :id",
        "DELETE FROM points_entry WHERE id = :id",
    ):
        with pytest.raises(DBAPIError, match="append-only"), desk.write(SYSTEM) as uow:
            uow.session.execute(text(sql), {"id": entry_id})
    # Nor from outside the program: the triggers live in the database file itself.
    with closing(sqlite3.connect(desk.paths.database)) as conn:
        for sql in ("UPDATE points_entry SET coins = 500", "DELETE FROM points_entry"):
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                conn.execute(sql)
    assert entry_row(desk, entry_id).coins == 5
    with desk.read() as s:
        assert ledger.balance_of(s, resident.id) == 5


def test_an_entry_arriving_twice_is_one_entry(points_env, resident):
    desk = points_env.desk
    entry_id = rules.credit_entry_id(new_id())
    outbox_before, audit_before = len(outbox_ops(desk)), len(audit_actions(desk))
    written = []
    for _ in range(2):  # a replayed pull, or the same entry from the desk and the district
        with desk.write(SYSTEM) as uow:
            written.append(
                ledger.insert_entry(
                    uow,
                    entry_id=entry_id,
                    resident_id=resident.id,
                    kind=rules.CREDIT,
                    coins=4,
                    entry_date=china_today(),
                    origin=ledger.DISTRICT,
                    created_by="district",
                )
            )
    assert written == [True, False]
    with desk.read() as s:
        assert ledger.balance_of(s, resident.id) == 4
    # The caller decides about the outbox and the audit: a pulled entry is not pushed back.
    assert (len(outbox_ops(desk)), len(audit_actions(desk))) == (outbox_before, audit_before)


@pytest.mark.parametrize(
    "change, field, rule",
    [
        ({"kind": "bonus"}, "kind", "unknown_kind"),
        ({"coins": 0}, "coins", "coins_range"),
        ({"coins": rules.MAX_ENTRY_COINS + 1}, "coins", "coins_range"),
        ({"coins": -(10**9)}, "coins", "coins_range"),
        ({"coins": True}, "coins", "coins_range"),
        ({"coins": -3}, "coins", "coins_sign"),  # a credit that takes coins away
        ({"kind": rules.REDEMPTION, "coins": 3}, "coins", "coins_sign"),
        ({"kind": rules.REVERSAL, "coins": -3}, "reverses", "reverses_kind"),
        ({"reverses": "6f2b8c4e-6d0a-4b5e-9a53-2c1f0e7d9b41"}, "reverses", "reverses_kind"),
        ({"origin": "elsewhere"}, "origin", "unknown_origin"),
        ({"quantity": 0}, "quantity", "quantity_range"),
        ({"resident_id": "no-such-resident"}, "resident_id", "unknown_resident"),
    ],
)
def test_an_entry_that_cannot_be_is_refused_naming_the_field(points_env, resident, change, field, rule):
    desk = points_env.desk
    data = {
        "entry_id": new_id(),
        "resident_id": resident.id,
        "kind": rules.CREDIT,
        "coins": 3,
        "entry_date": china_today(),
        "origin": ledger.DISTRICT,
        "created_by": "district",
        **change,
    }
    with pytest.raises(ValidationError) as exc, desk.write(SYSTEM) as uow:
        ledger.insert_entry(uow, **data)
    assert fields(exc) == {(field, rule)}
    assert held(desk, resident.id).entries == 0


def test_an_entry_payload_is_what_the_sync_contract_keeps(points_env, resident):
    desk = points_env.desk
    entry = entry_row(desk, credit(desk, resident.id, 6))
    payload = ledger.entry_payload(entry)
    spec = next(e for e in entities.SYNCED_ENTITIES if e.name == rules.ENTRY)
    assert set(payload) == spec.fields
    assert not set(payload) & contract.PERSONAL_DATA_KEYS
    for name, rule in spec.rules.items():
        assert contract.field_problem(name, payload[name], rule) is None, name
    assert payload["coins"] == 6 and payload["kind"] == rules.CREDIT
    assert payload["entry_date"] == china_today().isoformat()


# ---- balances -------------------------------------------------------------------------------


def test_balances_are_sums_of_the_entries(points_env):
    desk = points_env.desk
    wang, li, chen = points_env.residents
    for coins in (2, 2, 5, -3):
        credit(desk, wang.id, coins)
    credit(desk, li.id, 7)
    with desk.read() as s:
        assert ledger.balance_of(s, wang.id) == 6
        assert ledger.balances(s, [wang.id, li.id, chen.id, wang.id]) == {wang.id: 6, li.id: 7, chen.id: 0}
        assert ledger.balances(s, []) == {}
    wang_house, chen_house = points_env.households
    assert ledger.household_balance(desk, points_env.clerk, wang_house.id).balance == 13
    assert ledger.household_balance(desk, points_env.clerk, chen_house.id).balance == 0
    # A household's balance is its current members': 李秀英 moves, her coins go with her.
    residents.move_resident(desk, points_env.clerk, li.id, chen_house.id, reason="出嫁迁户")
    assert ledger.household_balance(desk, points_env.clerk, wang_house.id).balance == 6
    after = ledger.household_balance(desk, points_env.clerk, chen_house.id)
    assert (after.members, after.balance) == (2, 7)


def test_the_balances_list_shows_the_highest_first_and_finds_by_name_or_group(points_env):
    desk = points_env.desk
    wang, _, chen = points_env.residents
    credit(desk, chen.id, 9)
    credit(desk, wang.id, 4)
    listed = ledger.list_balances(desk, points_env.mediator)
    assert [(v.name, v.balance) for v in listed] == [("陈小芳", 9), ("王建国", 4), ("李秀英", 0)]
    assert listed[1].label == "王*国" and listed[1].phone_masked == "139****0001"
    assert [v.name for v in ledger.list_balances(desk, points_env.clerk, query="一组")] == ["王建国", "李秀英"]
    assert [v.name for v in ledger.list_balances(desk, points_env.clerk, query="小芳")] == ["陈小芳"]
    assert ledger.list_balances(desk, points_env.clerk, query="100%") == []
    assert len(ledger.list_balances(desk, points_env.clerk, limit=1)) == 1
    for bad in (0, -5, 10**6, True):
        with pytest.raises(ValidationError) as exc:
            ledger.list_balances(desk, points_env.clerk, limit=bad)
        assert fields(exc) == {("limit", "limit_range")}


def test_a_household_that_is_not_here_is_refused(points_env):
    with pytest.raises(ValidationError) as exc:
        ledger.household_balance(points_env.desk, points_env.clerk, "no-such-household")
    assert fields(exc) == {("household_id", "unknown_household")}


# ---- statements -----------------------------------------------------------------------------


def test_a_statement_has_the_entries_of_its_period_between_two_balances(points_env, resident):
    desk = points_env.desk
    today = china_today()
    early = today - dt.timedelta(days=40)
    credit(desk, resident.id, 3, day=early)
    middle = credit(desk, resident.id, 5, day=today - dt.timedelta(days=10))
    credit(desk, resident.id, -2, day=today)
    whole = ledger.statement(desk, points_env.clerk, resident.id)
    assert (whole.opening, whole.closing, whole.since, whole.until) == (0, 6, None, today)
    assert [e.coins for e in whole.entries] == [3, 5, -2]
    assert [e.kind_label for e in whole.entries] == ["获得", "获得", "扣减"]
    assert whole.entries[0].item_label == "参加平安巡防" and whole.entries[2].item_label == "无理引发邻里纠纷"
    assert whole.resident.name == "王建国" and whole.resident.balance == 6
    part = ledger.statement(
        desk, points_env.clerk, resident.id, since=today - dt.timedelta(days=20), until=today - dt.timedelta(days=1)
    )
    assert (part.opening, [e.id for e in part.entries], part.closing) == (3, [middle], 8)
    empty = ledger.statement(desk, points_env.clerk, points_env.residents[2].id)
    assert (empty.opening, empty.entries, empty.closing) == (0, (), 0)


def test_a_statement_of_a_bad_period_or_an_unknown_resident_is_refused(points_env, resident):
    desk = points_env.desk
    today = china_today()
    with pytest.raises(ValidationError) as exc:
        ledger.statement(desk, points_env.clerk, resident.id, since=today, until=today - dt.timedelta(days=1))
    assert fields(exc) == {("since", "period_order")}
    with pytest.raises(ValidationError) as exc:
        ledger.statement(desk, points_env.clerk, "no-such-resident")
    assert fields(exc) == {("resident_id", "unknown_resident")}
    with pytest.raises(ValidationError) as exc:
        ledger.statement(desk, points_env.clerk, foreign_resident(desk))
    assert fields(exc) == {("resident_id", "other_committee")}


# ---- reversals ------------------------------------------------------------------------------


def test_the_director_reverses_an_entry_with_a_reason(points_env, resident):
    desk, admin = points_env.desk, points_env.admin
    original = credit(desk, resident.id, 5)
    credit(desk, resident.id, 2)
    view = ledger.reverse(desk, admin, original, reason="  重复申报，冲正  ")
    assert view.id == rules.reversal_entry_id(original)
    assert (view.kind, view.coins, view.reverses, view.reason) == (rules.REVERSAL, -5, original, "重复申报，冲正")
    assert (view.origin, view.created_by, view.stock_returned) == (ledger.DESK, admin.username, 0)
    assert view.item_label == "参加平安巡防"  # what was reversed
    with desk.read() as s:
        assert ledger.balance_of(s, resident.id) == 2
    ops = outbox_ops(desk, rules.ENTRY)
    assert [(op.entity_id, op.kind) for op in ops] == [(view.id, contract.APPEND)]
    assert ops[0].payload == ledger.entry_payload(entry_row(desk, view.id))
    assert ops[0].payload["reverses"] == original and ops[0].payload["reason"] == "重复申报，冲正"
    assert audit_actions(desk, view.id) == ["points.reverse"]
    statement = ledger.statement(desk, admin, resident.id)
    assert {e.id: e.reversed_by for e in statement.entries}[original] == view.id


def test_an_entry_is_reversed_once_and_a_reversal_never(points_env, resident):
    desk, admin = points_env.desk, points_env.admin
    original = credit(desk, resident.id, 5)
    reversal = ledger.reverse(desk, admin, original, reason="记错了人").id
    before = held(desk, resident.id)
    with pytest.raises(ValidationError, match="只能冲正一次") as exc:
        ledger.reverse(desk, admin, original, reason="再冲一次")
    assert fields(exc) == {("entry_id", "already_reversed")}
    with pytest.raises(ValidationError, match="冲正记录不能再冲正") as exc:
        ledger.reverse(desk, admin, reversal, reason="撤销冲正")
    assert fields(exc) == {("entry_id", "reversal_not_reversible")}
    assert held(desk, resident.id) == before


@pytest.mark.parametrize("reason", ["", "   ", None, "理" * 201, "换行\x00", "已电话 13905750001 核实"])
def test_a_reversal_without_a_proper_reason_is_refused(points_env, resident, reason):
    desk = points_env.desk
    original = credit(desk, resident.id, 5)
    before = held(desk, resident.id)
    with pytest.raises(ValidationError) as exc:
        ledger.reverse(desk, points_env.admin, original, reason=reason)
    assert {f for f, _ in fields(exc)} == {"reason"}
    assert held(desk, resident.id) == before


def test_an_unknown_entry_or_another_committees_is_not_reversed(points_env, resident):
    desk = points_env.desk
    with pytest.raises(ValidationError) as exc:
        ledger.reverse(desk, points_env.admin, "no-such-entry", reason="冲正")
    assert fields(exc) == {("entry_id", "unknown_entry")}
    stranger = foreign_resident(desk)
    foreign = credit(desk, stranger, 5)
    with pytest.raises(ValidationError) as exc:
        ledger.reverse(desk, points_env.admin, foreign, reason="冲正")
    assert fields(exc) == {("entry_id", "unknown_entry")}
    assert held(desk, stranger).balance == 5


def test_only_the_director_reverses_and_a_refusal_is_audited(points_env, resident):
    desk = points_env.desk
    original = credit(desk, resident.id, 5)
    for who in (points_env.clerk, points_env.mediator):
        with pytest.raises(PermissionDenied):
            ledger.reverse(desk, who, original, reason="冲正")
        assert audit_actions(desk)[-1] == "access.denied"
    with desk.read() as s:
        assert ledger.balance_of(s, resident.id) == 5
        assert s.scalars(select(LedgerEntry).where(LedgerEntry.reverses == original)).first() is None


def test_a_reversal_may_take_a_balance_below_zero(points_env, resident):
    """Coins spent before a wrong credit is found: the truth is a negative balance, shown as such."""
    desk = points_env.desk
    wrong = credit(desk, resident.id, 5)
    credit(desk, resident.id, -4)
    ledger.reverse(desk, points_env.admin, wrong, reason="活动未参加，误记")
    assert ledger.statement(desk, points_env.admin, resident.id).closing == -4


# ---- conflicts the district found -----------------------------------------------------------


def test_overdraft_conflicts_are_listed_open_first_and_counted_on_the_resident(points_env, resident):
    desk = points_env.desk
    entry_id = new_id()
    with desk.write(SYSTEM) as uow:  # as a pull stores them
        uow.session.add_all(
            [
                Conflict(
                    id=rules.conflict_id(entry_id),
                    resident_id=resident.id,
                    entry_id=entry_id,
                    shortfall=3,
                    status=rules.OPEN,
                ),
                Conflict(
                    id=new_id(),
                    resident_id=resident.id,
                    entry_id=new_id(),
                    shortfall=2,
                    status=rules.RESOLVED,
                    resolution=rules.TOWN_COVERS,
                    reason="镇里补足",
                    resolved_on=china_today(),
                ),
            ]
        )
    open_ones = ledger.list_conflicts(desk, points_env.clerk)
    assert [(c.resident_name, c.shortfall, c.status) for c in open_ones] == [("王建国", 3, rules.OPEN)]
    assert len(ledger.list_conflicts(desk, points_env.clerk, open_only=False)) == 2
    wang = next(v for v in ledger.list_balances(desk, points_env.clerk) if v.id == resident.id)
    assert wang.open_conflicts == 1
