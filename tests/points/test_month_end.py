"""Month end of the green coins: the 积分汇总表 adds up to the ledger to the coin (credits,
deductions, redemptions, reversals, the town's adjustment), a month's closing is the next month's
opening, household lines follow current membership, the ledger digest moves with the ledger,
producing and signing off (主任 only; refused when not produced or when the ledger changed), the CSV
read back as Excel would, and bad input (a malformed or future month, a role that may not)."""

from __future__ import annotations

import csv
import datetime as dt
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import select

from mediation_desk.core.models import AuditRecord
from mediation_desk.core.uow import SYSTEM
from mediation_desk.desk import Desk
from mediation_desk.errors import PermissionDenied, ValidationError
from mediation_desk.points import ledger, month_end, residents, rules, shop
from mediation_desk.points.dto import MonthSummary
from mediation_desk.points.models import MonthEnd, Redemption
from mediation_desk.points.rules import MonthFigures

if TYPE_CHECKING:
    from conftest import PointsEnv  # tests/points/conftest.py


def month_before(first: dt.date) -> dt.date:
    return (first - dt.timedelta(days=1)).replace(day=1)


def months(today: dt.date) -> tuple[dt.date, dt.date, dt.date]:
    """(three months ago, two months ago, last month): past months, whatever the date."""
    last = month_before(today.replace(day=1))
    two = month_before(last)
    return month_before(two), two, last


def entry(desk: Desk, resident_id: str, kind: str, coins: int, day: dt.date, **kw: object) -> str:
    """One ledger entry, as the district pull writes it (or the shop, for a redemption)."""
    entry_id = str(kw.pop("entry_id", uuid.uuid4()))
    with desk.write(SYSTEM) as uow:
        assert ledger.insert_entry(
            uow,
            entry_id=entry_id,
            resident_id=resident_id,
            kind=kind,
            coins=coins,
            entry_date=day,
            origin=ledger.DESK if kind in (rules.REDEMPTION, rules.REVERSAL) else ledger.DISTRICT,
            created_by="system",
            **kw,  # type: ignore[arg-type]
        )
    return entry_id


def lines_by_name(summary: MonthSummary) -> dict[str, MonthFigures]:
    return {line.name: line.figures for line in summary.residents}


def a_busy_month(pe: PointsEnv) -> tuple[str, str]:
    """Three months ago: an opening for 王建国. Two months ago (the month): credits, a deduction, a
    redemption, the reversal of the deduction and a town adjustment. Last month: one credit."""
    wang, li, chen = (r.id for r in pe.residents)
    before, month, after = months(pe.today)
    entry(pe.desk, wang, rules.CREDIT, 10, before.replace(day=15), item_code="patrol")
    entry(pe.desk, wang, rules.CREDIT, 5, month.replace(day=3), item_code="mediation_volunteer")
    entry(pe.desk, wang, rules.CREDIT, 2, month.replace(day=9), item_code="patrol")
    fight = entry(pe.desk, wang, rules.DEDUCTION, -5, month.replace(day=10), item_code="family_fight")
    entry(pe.desk, wang, rules.REDEMPTION, -4, month.replace(day=25), gift="洗衣液", quantity=2)
    entry(
        pe.desk,
        wang,
        rules.REVERSAL,
        5,
        month.replace(day=27),
        entry_id=rules.reversal_entry_id(fight),
        reverses=fight,
        reason="核实有误",
    )
    entry(pe.desk, li, rules.CREDIT, 3, month.replace(day=1), item_code="safety_talk")
    entry(pe.desk, chen, rules.ADJUSTMENT, 2, month.replace(day=28), reason="镇里补足差额")
    last_day = rules.next_month(month) - dt.timedelta(days=1)
    entry(pe.desk, chen, rules.CREDIT, 2, last_day, item_code="hazard_report")
    entry(pe.desk, li, rules.CREDIT, 2, after.replace(day=2), item_code="patrol")
    return rules.month_label(month), rules.month_label(after)


def test_a_months_figures_add_up_to_the_ledger_to_the_coin(points_env: PointsEnv) -> None:
    month, _ = a_busy_month(points_env)
    s = month_end.month_summary(points_env.desk, points_env.clerk, month)
    assert s.month == month and s.first.day == 1 and s.last == rules.next_month(s.first) - dt.timedelta(days=1)
    assert s.committee_name == points_env.committee.name
    lines = lines_by_name(s)
    assert lines["王建国"] == MonthFigures(opening=10, earned=7, deducted=5, redeemed=4, corrected=5)
    assert lines["王建国"].closing == 13
    assert lines["李秀英"] == MonthFigures(0, 3, 0, 0, 0)
    assert lines["陈小芳"] == MonthFigures(0, 2, 0, 0, 2) and lines["陈小芳"].closing == 4
    assert s.totals == MonthFigures(10, 12, 5, 4, 7) and s.totals.closing == 20
    assert s.ledger_closing == 20 and s.reconciles
    assert s.entries == 8  # dated in the month; the one before and the one after are not
    assert [line.label for line in s.residents] == ["李*英", "王*国", "陈*芳"]  # 一组 before 三组
    assert s.signed_by is None and not s.changed_since_sign_off


def test_closing_of_a_month_is_the_opening_of_the_next(points_env: PointsEnv) -> None:
    month, after = a_busy_month(points_env)
    this = month_end.month_summary(points_env.desk, points_env.admin, month)
    nxt = month_end.month_summary(points_env.desk, points_env.admin, after)
    assert {k: f.closing for k, f in lines_by_name(this).items()} == {
        k: f.opening for k, f in lines_by_name(nxt).items()
    }
    assert nxt.totals.opening == this.totals.closing == this.ledger_closing
    assert nxt.totals.closing == nxt.ledger_closing == this.ledger_closing + 2 and nxt.reconciles
    assert nxt.entries == 1 and lines_by_name(nxt)["李秀英"].earned == 2


def test_household_lines_are_the_sums_of_their_current_members(points_env: PointsEnv) -> None:
    month, _ = a_busy_month(points_env)
    wang_home, chen_home = points_env.households
    s = month_end.month_summary(points_env.desk, points_env.admin, month)
    homes = {h.key: h for h in s.households}
    assert homes[wang_home.id].name == "王建国户" and homes[wang_home.id].village_group == "一组"
    assert homes[wang_home.id].figures == MonthFigures(10, 10, 5, 4, 5)  # 王建国 + 李秀英
    assert homes[chen_home.id].figures == MonthFigures(0, 2, 0, 0, 2)
    assert "建国" not in homes[wang_home.id].label  # the masked form, should it ever be posted
    # 李秀英 moves to 陈家: she counts there now, for the months before too.
    residents.move_resident(points_env.desk, points_env.clerk, points_env.residents[1].id, chen_home.id, reason="分户")
    moved = {h.key: h.figures for h in month_end.month_summary(points_env.desk, points_env.admin, month).households}
    assert moved[wang_home.id] == MonthFigures(10, 7, 5, 4, 5)
    assert moved[chen_home.id] == MonthFigures(0, 5, 0, 0, 2)
    assert sum(f.closing for f in moved.values()) == s.totals.closing  # everyone has a household


def test_the_real_services_this_month_redeem_and_reverse(points_env: PointsEnv) -> None:
    pe = points_env
    wang, li, chen = (r.id for r in pe.residents)
    entry(pe.desk, wang, rules.CREDIT, 8, pe.today, item_code="patrol")
    gift = shop.add_gift(pe.desk, pe.clerk, name="毛巾", price=3, stock=5)
    r = shop.redeem(pe.desk, pe.clerk, resident_id=wang, gift_id=gift.id, quantity=2, off_day_reason="行动不便上门")
    ledger.reverse(pe.desk, pe.admin, _entry_of(pe, r.receipt_no), reason="礼品退回")
    s = month_end.month_summary(pe.desk, pe.admin, rules.month_label(pe.today.replace(day=1)))
    assert lines_by_name(s)["王建国"] == MonthFigures(0, 8, 0, 6, 6) and s.reconciles and s.entries == 3
    assert lines_by_name(s)["陈小芳"] == MonthFigures(0, 0, 0, 0, 0)  # active, no entry: a line of zeros
    assert {li, chen} <= {line.key for line in s.residents}


def _entry_of(pe: PointsEnv, receipt_no: str) -> str:
    with pe.desk.read() as s:
        return s.scalars(select(Redemption.entry_id).where(Redemption.receipt_no == receipt_no)).one()


def test_a_resident_registered_after_the_month_has_no_line_of_zeros(points_env: PointsEnv) -> None:
    month, _ = a_busy_month(points_env)
    late = residents.add_resident(
        points_env.desk, points_env.clerk, name="金晓燕", village_group="二组", household_id=None
    )
    s = month_end.month_summary(points_env.desk, points_env.admin, month)
    assert late.id not in {line.key for line in s.residents}
    this = month_end.month_summary(points_env.desk, points_env.admin, rules.month_label(points_env.today))
    line = next(line for line in this.residents if line.key == late.id)
    assert line.household_label is None and line.figures.closing == 0
    assert late.id not in {h.key for h in this.households}  # no household: no household line


def test_the_digest_changes_when_an_entry_of_the_month_is_added(points_env: PointsEnv) -> None:
    month, after = a_busy_month(points_env)
    first = month_end.month_summary(points_env.desk, points_env.admin, month)
    again = month_end.month_summary(points_env.desk, points_env.admin, month)
    assert first.ledger_digest == again.ledger_digest and len(first.ledger_digest) == 64
    entry(points_env.desk, points_env.residents[2].id, rules.CREDIT, 2, rules.parse_month(after)[0])
    assert month_end.month_summary(points_env.desk, points_env.admin, month).ledger_digest == first.ledger_digest
    entry(points_env.desk, points_env.residents[2].id, rules.CREDIT, 2, first.last)
    changed = month_end.month_summary(points_env.desk, points_env.admin, month)
    assert changed.ledger_digest != first.ledger_digest and changed.entries == first.entries + 1
    assert changed.reconciles and changed.ledger_closing == first.ledger_closing + 2


def test_produce_then_sign_off_by_the_director(points_env: PointsEnv) -> None:
    pe = points_env
    month, _ = a_busy_month(pe)
    with pytest.raises(ValidationError) as e:
        month_end.sign_off(pe.desk, pe.admin, month)
    assert (e.value.problems[0].field, e.value.problems[0].rule) == ("month", "month_not_produced")
    produced = month_end.produce(pe.desk, pe.clerk, month)
    with pe.desk.read() as s:
        row = s.get(MonthEnd, month)
        assert row is not None and row.closing == 20 and row.entries == 8 and row.residents == 3
        assert row.ledger_digest == produced.ledger_digest and row.produced_by == pe.clerk.username
    with pytest.raises(PermissionDenied):
        month_end.sign_off(pe.desk, pe.clerk, month)  # a 记录员 produces, the 主任 signs
    signed = month_end.sign_off(pe.desk, pe.admin, month)
    assert signed.signed_by == pe.admin.username and signed.signed_at is not None
    assert not signed.changed_since_sign_off
    assert month_end.sign_off(pe.desk, pe.admin, month).signed_at == signed.signed_at  # once
    assert month_end.produce(pe.desk, pe.clerk, month).signed_by == pe.admin.username  # unchanged: kept
    with pe.desk.read() as s:
        actions = list(s.scalars(select(AuditRecord.action).where(AuditRecord.entity == "points_month_end")))
        refused = s.scalars(select(AuditRecord.action).where(AuditRecord.action == "access.denied")).all()
    assert actions == ["points.month_end", "points.sign_off", "points.month_end"] and refused


def test_an_entry_after_sign_off_shows_and_blocks_signing_until_produced_again(points_env: PointsEnv) -> None:
    pe = points_env
    month, _ = a_busy_month(pe)
    month_end.produce(pe.desk, pe.clerk, month)
    month_end.sign_off(pe.desk, pe.admin, month)
    late = month_end.month_summary(pe.desk, pe.admin, month)
    entry(pe.desk, pe.residents[0].id, rules.CREDIT, 2, late.last)  # a town approval pulled late
    changed = month_end.month_summary(pe.desk, pe.admin, month)
    assert changed.changed_since_sign_off and changed.signed_by == pe.admin.username
    with pytest.raises(ValidationError) as e:
        month_end.sign_off(pe.desk, pe.admin, month)
    assert e.value.problems[0].rule == "ledger_changed" and "重新生成" in e.value.problems[0].message
    again = month_end.produce(pe.desk, pe.clerk, month)
    assert again.signed_by is None and not again.changed_since_sign_off and again.totals.closing == 22
    assert month_end.sign_off(pe.desk, pe.admin, month).signed_by == pe.admin.username


def test_an_entry_of_an_earlier_month_changes_the_opening_after_sign_off(points_env: PointsEnv) -> None:
    pe = points_env
    month, _ = a_busy_month(pe)
    month_end.produce(pe.desk, pe.clerk, month)
    month_end.sign_off(pe.desk, pe.admin, month)
    entry(pe.desk, pe.residents[1].id, rules.CREDIT, 2, month_before(rules.parse_month(month)[0]))
    assert month_end.month_summary(pe.desk, pe.admin, month).changed_since_sign_off


def test_csv_reads_back_as_excel_would(points_env: PointsEnv, tmp_path: Path) -> None:
    month, _ = a_busy_month(points_env)
    s = month_end.month_summary(points_env.desk, points_env.admin, month)
    path = month_end.write_csv(s, tmp_path / "汇总.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0] == [
        "月份",
        "村民小组",
        "户",
        "姓名",
        "上月结余",
        "本月获得",
        "本月扣减",
        "本月兑换",
        "冲正及调整",
        "本月结余",
    ]
    assert rows[2] == [month, "一组", "王建国户", "王建国", "10", "7", "5", "4", "5", "13"]
    assert rows[-1] == [month, "合计", "3 人", "", "10", "12", "5", "4", "7", "20"]
    assert len(rows) == 5 and not list(tmp_path.glob("*.part"))
    homes = list(
        csv.reader(month_end.write_csv(s, tmp_path / "户.csv", households=True).read_text("utf-8-sig").splitlines())
    )
    assert homes[0][:3] == ["月份", "村民小组", "户"] and len(homes[0]) == 9
    assert homes[1] == [month, "一组", "王建国户", "10", "10", "5", "4", "5", "16"]
    assert homes[-1] == [month, "合计", "2 户", "10", "12", "5", "4", "7", "20"]


@pytest.mark.parametrize(
    "month, rule",
    [
        ("2026-13", "month_format"),
        ("2026/11", "month_format"),
        ("26-11", "month_format"),
        ("", "month_format"),
        (None, "month_format"),
        ("1999-12", "month_format"),
        ("2999-01", "month_future"),
    ],
)
def test_bad_months_are_refused_naming_the_field(points_env: PointsEnv, month: object, rule: str) -> None:
    for call in (month_end.month_summary, month_end.produce, month_end.sign_off):
        with pytest.raises(ValidationError) as e:
            call(points_env.desk, points_env.admin, month)  # type: ignore[arg-type]
        assert (e.value.problems[0].field, e.value.problems[0].rule) == ("month", rule)
        assert "月" in e.value.problems[0].message
    with points_env.desk.read() as s:
        assert s.scalars(select(MonthEnd)).first() is None


def test_next_month_is_the_future(points_env: PointsEnv) -> None:
    nxt = rules.next_month(points_env.today.replace(day=1))
    with pytest.raises(ValidationError) as e:
        month_end.produce(points_env.desk, points_env.admin, rules.month_label(nxt))
    assert e.value.problems[0].rule == "month_future" and rules.month_label(nxt) in e.value.problems[0].message


def test_the_running_month_can_be_produced_but_not_signed_off(points_env: PointsEnv) -> None:
    month = rules.month_label(points_env.today)
    assert month_end.produce(points_env.desk, points_env.clerk, month).month == month  # a look before the end
    with pytest.raises(ValidationError) as e:
        month_end.sign_off(points_env.desk, points_env.admin, month)
    assert (e.value.problems[0].field, e.value.problems[0].rule) == ("month", "month_not_over")
    with points_env.desk.read() as s:
        row = s.get(MonthEnd, month)
        assert row is not None and row.signed_by is None


def test_a_mediator_may_not_see_the_month_end(points_env: PointsEnv) -> None:
    month = rules.month_label(points_env.today)
    for call in (month_end.month_summary, month_end.produce, month_end.sign_off):
        with pytest.raises(PermissionDenied):
            call(points_env.desk, points_env.mediator, month)
    with points_env.desk.read() as s:
        assert s.scalars(select(MonthEnd)).first() is None
        denied = s.scalars(select(AuditRecord).where(AuditRecord.action == "access.denied")).all()
    assert {d.detail["refused_action"] for d in denied} == {"points.month_end", "points.sign_off"}
