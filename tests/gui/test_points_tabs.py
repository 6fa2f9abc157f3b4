"""The green coins' balances, month-end and shop tabs, driven as the clerk and the 主任 would on a
real desk: coins arrive as the district pull writes them (`ledger.insert_entry` inside
`desk.write`), balances with household totals and the red banner of an open redemption conflict,
a resident's statement and its PDF, a reversal (主任 only, reason required, confirmed), the month's
summary computed, produced, signed off and exported (CSV read back, PDFs parsed), gifts kept and
redeemed with the receipt offered; bad input (beyond balance or stock, a missing reason, a bad
month) is named beside its field and changes nothing. The wheel leaves unfocused fields alone, and
every tab and dialog fits a 1366×768 screen in large-font mode."""

from __future__ import annotations

import csv
import datetime as dt
import io
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdf
import pytest
from desk_kit import COMMITTEE
from documents_helpers import pdf_pages, pdf_printer
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget
from sqlalchemy import func, select

from mediation_desk.core.sync_contract import Change
from mediation_desk.core.uow import CHINA, SYSTEM, Actor, china_today
from mediation_desk.desk import Desk
from mediation_desk.documents import points_docs
from mediation_desk.gui import font_mode
from mediation_desk.gui.dialogs.gift_dialogs import GiftDialog, RestockDialog
from mediation_desk.gui.pages.points_balances import BALANCE, HOUSEHOLD_BALANCE, NAME, NOTE, PointsBalancesTab
from mediation_desk.gui.pages.points_month_end import MonthEndTab
from mediation_desk.gui.pages.points_shop import ShopTab
from mediation_desk.gui.pages.points_statement import ReversalDialog
from mediation_desk.gui.pdf_dialog import PdfDialog
from mediation_desk.gui.points_labels import ENTRY_KIND_NAMES
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.points import ledger, pulled, residents, rules, shop
from mediation_desk.points.models import LedgerEntry, Redemption
from mediation_desk.storage.base import new_id

OPENING_DAY = rules.DEFAULT_OPENING_DAY


def last_opening_day() -> dt.date:
    """The latest 25th on or before today (Beijing): a day the shop is open, in a month begun."""
    today = china_today()
    if today.day >= OPENING_DAY:
        return today.replace(day=OPENING_DAY)
    return (today.replace(day=1) - dt.timedelta(days=1)).replace(day=OPENING_DAY)


@dataclass
class Village:
    desk: Desk
    admin: Actor
    clerk: Actor
    today: dt.date
    wang: str  # 王建国 (王建国户)
    li: str  # 李秀英 (王建国户)
    chen: str  # 陈小芳 (陈家)
    first_credit: str  # 王建国's first entry


def credit(desk: Desk, resident_id: str, coins: int, day: dt.date) -> str:
    """Coins the town approved, as the district pull writes them."""
    declaration_id = new_id()
    entry_id = rules.credit_entry_id(declaration_id)
    with desk.write(SYSTEM) as uow:
        assert ledger.insert_entry(
            uow,
            entry_id=entry_id,
            resident_id=resident_id,
            kind=rules.entry_kind_for(coins),
            coins=coins,
            entry_date=day,
            origin=ledger.DISTRICT,
            created_by="district",
            declaration_id=declaration_id,
            item_code="patrol" if coins > 0 else "neighbour_dispute",
            catalogue_version=1,
        )
    return entry_id


def freeze(monkeypatch: pytest.MonkeyPatch, day: dt.date) -> None:
    """The desk's clock (and the window's idea of today) at 10:00 Beijing time on `day`."""
    at = dt.datetime.combine(day, dt.time(10, 0), CHINA).astimezone(dt.UTC)
    monkeypatch.setattr("mediation_desk.core.uow.utcnow", lambda: at)


@pytest.fixture
def village(desk: Desk, admin: Actor, clerk: Actor, monkeypatch: pytest.MonkeyPatch) -> Village:
    today = last_opening_day()
    freeze(monkeypatch, today)
    wang_home = residents.add_household(desk, clerk, label="王建国户", village_group="一组")
    chen_home = residents.add_household(desk, clerk, label="陈家", village_group="三组")
    wang = residents.add_resident(desk, clerk, name="王建国", village_group="一组", household_id=wang_home.id)
    li = residents.add_resident(desk, clerk, name="李秀英", village_group="一组", household_id=wang_home.id)
    chen = residents.add_resident(desk, clerk, name="陈小芳", village_group="三组", household_id=chen_home.id)
    first = credit(desk, wang.id, 20, today - dt.timedelta(days=40))
    credit(desk, wang.id, 10, today - dt.timedelta(days=3))
    credit(desk, li.id, 12, today - dt.timedelta(days=2))
    credit(desk, chen.id, 5, today - dt.timedelta(days=1))
    return Village(desk, admin, clerk, today, wang.id, li.id, chen.id, first)


def open_conflict(desk: Desk, resident_id: str, shortfall: int) -> None:
    """The district found a redemption overdrawn: its `points_conflict` record, as a pull applies it."""
    entry_id = new_id()
    data = {"resident_id": resident_id, "entry_id": entry_id, "shortfall": shortfall, "status": rules.OPEN}
    with desk.write(SYSTEM) as uow:
        change = Change(1, rules.CONFLICT, rules.conflict_id(entry_id), COMMITTEE["code"], uow.tick(), data)
        assert pulled.apply_changes(uow, [change]) == 1


def entries(desk: Desk) -> int:
    with desk.read() as s:
        return int(s.scalar(select(func.count()).select_from(LedgerEntry)) or 0)


def balance(desk: Desk, resident_id: str) -> int:
    with desk.read() as s:
        return ledger.balance_of(s, resident_id)


def settle(qtbot: Any, tasks: TaskManager) -> None:
    qtbot.waitUntil(lambda: not tasks.busy, timeout=20_000)


def shown_dialog(kind: type[QWidget]) -> Any:
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()), None)


def save_to(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(path), "")))


def made_on(monkeypatch: pytest.MonkeyPatch, name: str) -> list[str]:
    """The threads `points_docs.<name>` runs on (the window's must never make a PDF)."""
    threads: list[str] = []
    original = getattr(points_docs, name)

    def recording(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread().name)
        return original(*args, **kwargs)

    monkeypatch.setattr(points_docs, name, recording)
    return threads


def pdf_text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages).replace(" ", "")


# ---- balances -------------------------------------------------------------------------------


@pytest.fixture
def balances(qtbot: Any, village: Village, tasks: TaskManager) -> Iterator[PointsBalancesTab]:
    tab = PointsBalancesTab(village.desk, tasks, village.admin)
    qtbot.addWidget(tab)
    tab.resize(1200, 640)
    tab.show()
    tab.refresh()
    settle(qtbot, tasks)
    yield tab
    settle(qtbot, tasks)


def rows(tab: PointsBalancesTab) -> dict[str, list[str]]:
    table = tab.ui.balanceTable
    return {
        table.item(r, NAME).text(): [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    }


def test_entry_kind_names_are_the_rules_own() -> None:
    assert ENTRY_KIND_NAMES == rules.ENTRY_KINDS


def test_balances_with_household_totals_search_and_the_conflict_banner(
    qtbot: Any, village: Village, balances: PointsBalancesTab, tasks: TaskManager, type_text: Any
) -> None:
    listed = rows(balances)
    assert {name: (row[BALANCE], row[HOUSEHOLD_BALANCE]) for name, row in listed.items()} == {
        "王建国": ("30", "42"),
        "李秀英": ("12", "42"),
        "陈小芳": ("5", "5"),
    }
    assert balances.ui.conflictBanner.isHidden()
    assert balances.ui.countLabel.text() == "共 3 人（2 户），余额合计 47 绿币"

    open_conflict(village.desk, village.chen, 7)
    balances.refresh()
    settle(qtbot, tasks)
    assert balances.ui.conflictBanner.isVisible()
    assert balances.ui.conflictBanner.text() == "陈小芳：两台电脑离线兑换了同一笔绿币，差额 7，等待镇里处理"
    assert rows(balances)["陈小芳"][NOTE] == "兑换冲突，等待镇里处理"
    assert rows(balances)["王建国"][NOTE] == ""

    type_text(balances.ui.searchEdit, "王建国户")
    qtbot.keyClick(balances.ui.searchEdit, Qt.Key.Key_Return)
    settle(qtbot, tasks)
    assert set(rows(balances)) == {"王建国", "李秀英"}


def test_a_statement_for_a_period_printed_as_pdf_and_a_bad_period_named(
    qtbot: Any,
    village: Village,
    balances: PointsBalancesTab,
    tasks: TaskManager,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    balances.select(village.wang)
    settle(qtbot, tasks)
    u = balances.ui
    statement = balances.statement.statement
    assert statement is not None and statement.resident.id == village.wang
    assert (statement.opening, statement.closing, len(statement.entries)) == (0, 30, 2)
    assert u.entryTable.rowCount() == 2 and u.entryTable.item(0, 3).text() == "+20"
    assert "期初 0，共 2 笔，期末 30 绿币" in u.figuresLabel.text()

    u.fromStartCheck.setChecked(False)  # from ten days ago: the first credit is before it
    since = village.today - dt.timedelta(days=10)
    u.sinceEdit.setDate(since)
    qtbot.mouseClick(u.showStatementButton, Qt.MouseButton.LeftButton)
    settle(qtbot, tasks)
    statement = balances.statement.statement
    assert (statement.opening, statement.closing, len(statement.entries)) == (20, 30, 1)
    assert u.entryTable.rowCount() == 1

    u.untilEdit.setDate(since - dt.timedelta(days=1))  # before the start: named, nothing read
    qtbot.mouseClick(u.showStatementButton, Qt.MouseButton.LeftButton)
    settle(qtbot, tasks)
    assert u.periodError.text() == "起始日期不能晚于截止日期"
    assert balances.statement.statement is statement and u.entryTable.rowCount() == 1
    u.untilEdit.setDate(village.today)
    qtbot.mouseClick(u.showStatementButton, Qt.MouseButton.LeftButton)
    settle(qtbot, tasks)
    assert not u.periodError.text()

    threads = made_on(monkeypatch, "statement_pdf")
    qtbot.mouseClick(u.printButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shown_dialog(PdfDialog) is not None, timeout=20_000)
    assert threads and threading.main_thread().name not in threads
    dialog: PdfDialog = shown_dialog(PdfDialog)
    assert dialog.pages >= 1 and dialog.ui.preview.page_count == dialog.pages
    assert "王建国" in pdf_text(dialog.pdf) and "期末结余" in pdf_text(dialog.pdf)
    printed = tmp_path / "printed.pdf"
    job = dialog.print_to(pdf_printer(printed))
    assert job is not None and not dialog.ui.printButton.isEnabled()
    qtbot.waitUntil(lambda: not dialog.printing, timeout=30_000)
    assert pdf_pages(printed) == dialog.pages and "已送往打印机" in dialog.ui.messageLabel.text()
    target = tmp_path / "明细.pdf"
    save_to(monkeypatch, target)
    qtbot.mouseClick(dialog.ui.saveButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.saved_to is not None, timeout=10_000)
    assert target.read_bytes() == dialog.pdf
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_a_reversal_needs_the_director_a_reason_and_a_confirmation(
    qtbot: Any,
    village: Village,
    balances: PointsBalancesTab,
    tasks: TaskManager,
    messages: Any,
    type_text: Any,
) -> None:
    balances.actor = village.clerk  # a 记录员 may not reverse
    balances.select(village.wang)
    settle(qtbot, tasks)
    u = balances.ui
    balances.statement.select_entry(village.first_credit)
    assert not u.reverseButton.isEnabled() and "主任" in u.reverseButton.toolTip()

    balances.actor = village.admin
    balances.statement.select_entry(village.first_credit)
    assert u.reverseButton.isEnabled()
    before = entries(village.desk)
    dialog = balances.statement.reverse_selected()
    assert isinstance(dialog, ReversalDialog) and dialog.isVisible()
    assert "+20" in dialog.ui.promptLabel.text() and "-20" in dialog.ui.promptLabel.text()
    qtbot.keyClick(dialog.ui.reason, Qt.Key.Key_Return)  # no reason: named under the field
    assert "理由" in dialog.ui.reasonError.text() and dialog.isVisible()
    assert entries(village.desk) == before and not messages.shown

    type_text(dialog.ui.reason, "重复记分")
    messages.answer = QMessageBox.StandardButton.No  # not confirmed: nothing happens
    qtbot.keyClick(dialog.ui.reason, Qt.Key.Key_Return)
    assert "不能撤销" in messages.texts("question")[-1]
    assert dialog.isVisible() and entries(village.desk) == before

    messages.answer = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.keyClick(dialog.ui.reason, Qt.Key.Key_Return)
    settle(qtbot, tasks)
    assert entries(village.desk) == before + 1 and balance(village.desk, village.wang) == 10
    assert rows(balances)["王建国"][BALANCE] == "10" and rows(balances)["王建国"][HOUSEHOLD_BALANCE] == "22"
    assert "已冲正：另记 -20 绿币" in u.statusLabel.text()
    notes = [u.entryTable.item(r, 4).text() for r in range(u.entryTable.rowCount())]
    assert notes.count("已冲正") == 1 and u.entryTable.rowCount() == 3
    balances.statement.select_entry(village.first_credit)
    assert not u.reverseButton.isEnabled()  # an entry is reversed once


# ---- month end ------------------------------------------------------------------------------


@pytest.fixture
def month_end_tab(qtbot: Any, village: Village, tasks: TaskManager) -> Iterator[MonthEndTab]:
    tab = MonthEndTab(village.desk, tasks, village.admin)
    qtbot.addWidget(tab)
    tab.resize(1200, 640)
    tab.show()
    yield tab
    settle(qtbot, tasks)


def test_month_end_computes_signs_off_and_exports(
    qtbot: Any,
    village: Village,
    month_end_tab: MonthEndTab,
    tasks: TaskManager,
    monkeypatch: pytest.MonkeyPatch,
    messages: Any,
    tmp_path: Path,
    type_text: Any,
) -> None:
    tab, u = month_end_tab, month_end_tab.ui
    type_text(u.monthEdit, "2026-13")  # a bad month: named under the field, nothing asked
    qtbot.keyClick(u.monthEdit, Qt.Key.Key_Return)
    assert "YYYY-MM" in u.monthError.text() and tab.table is None and not tasks.busy

    month = rules.month_label(village.today)
    type_text(u.monthEdit, month)
    qtbot.keyClick(u.monthEdit, Qt.Key.Key_Return)
    assert u.busyBar.isVisible() and "正在计算" in u.statusLabel.text()
    settle(qtbot, tasks)
    assert tab.table is not None and not u.busyBar.isVisible() and not u.monthError.text()
    s = tab.table.summary
    assert s.month == month and s.reconciles and s.totals.closing == 47
    assert u.reconcileLabel.text().startswith("与积分记录核对一致")
    model = tab.resident_model
    assert model.rowCount() == 4  # three residents and the totals line
    assert model.index(3, 0).data() == "合计" and model.index(3, model.columnCount() - 1).data() == "47"
    assert tab.household_model.rowCount() == 3

    u.viewTabs.setCurrentWidget(u.householdsTab)  # the CSV of the table shown: per household
    csv_path = tmp_path / "汇总.csv"
    save_to(monkeypatch, csv_path)
    qtbot.mouseClick(u.csvButton, Qt.MouseButton.LeftButton)
    settle(qtbot, tasks)
    with csv_path.open(encoding="utf-8-sig", newline="") as f:
        table = list(csv.reader(f))
    assert table[0][:3] == ["月份", "村民小组", "户"]
    homes = {row[2]: row[-1] for row in table[1:-1]}
    assert homes == {"王建国户": "42", "陈家": "5"} and table[-1][-1] == "47"
    assert str(csv_path) in u.statusLabel.text()

    messages.answer = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(u.signButton, Qt.MouseButton.LeftButton)
    settle(qtbot, tasks)
    assert "须先生成再审定" in u.statusLabel.text() and tab.table.summary.signed_by is None

    qtbot.mouseClick(u.produceButton, Qt.MouseButton.LeftButton)
    settle(qtbot, tasks)
    assert "已生成" in u.statusLabel.text()
    messages.answer = QMessageBox.StandardButton.No  # not confirmed: not signed
    qtbot.mouseClick(u.signButton, Qt.MouseButton.LeftButton)
    assert "不能撤销" in messages.texts("question")[-1] and not tasks.busy
    messages.answer = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(u.signButton, Qt.MouseButton.LeftButton)
    settle(qtbot, tasks)
    assert "还没有过完" in u.statusLabel.text() and tab.table.summary.signed_by is None
    # The month is over: the 主任 signs the summary off.
    month_over = dt.datetime.combine(rules.next_month(village.today.replace(day=1)), dt.time(9), tzinfo=CHINA)
    monkeypatch.setattr("mediation_desk.core.uow.utcnow", lambda: month_over.astimezone(dt.UTC))
    qtbot.mouseClick(u.signButton, Qt.MouseButton.LeftButton)
    settle(qtbot, tasks)
    assert tab.table.summary.signed_by == village.admin.username
    assert "已审定" in u.statusLabel.text() and "审定" in u.titleLabel.text()

    for button, name, words in ((u.summaryPdfButton, "汇总表.pdf", "王建国"), (u.noticePdfButton, "公示.pdf", "王*国")):
        target = tmp_path / name
        save_to(monkeypatch, target)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        settle(qtbot, tasks)
        pdf = target.read_bytes()
        assert pdf.startswith(b"%PDF") and words in pdf_text(pdf)
    assert "王建国" not in pdf_text((tmp_path / "公示.pdf").read_bytes())  # the notice: masked names only


def test_month_end_for_a_role_that_may_not(
    qtbot: Any, village: Village, tasks: TaskManager, mediator_actor: Actor
) -> None:
    tab = MonthEndTab(village.desk, tasks, mediator_actor)
    qtbot.addWidget(tab)
    tab.refresh()
    assert not tasks.busy and tab.table is None
    assert "不能查看月末积分汇总" in tab.ui.permissionLabel.text()
    assert not tab.ui.computeButton.isEnabled() and not tab.ui.produceButton.isEnabled()


# ---- the shop -------------------------------------------------------------------------------


@pytest.fixture
def shop_tab(qtbot: Any, village: Village, tasks: TaskManager) -> Iterator[ShopTab]:
    tab = ShopTab(village.desk, tasks, village.clerk)
    qtbot.addWidget(tab)
    tab.resize(1200, 640)
    tab.show()
    tab.refresh()
    settle(qtbot, tasks)
    yield tab
    settle(qtbot, tasks)


def stock_of(desk: Desk, name: str) -> int:
    return next(g.stock for g in shop.list_gifts(desk, SYSTEM, include_inactive=True) if g.name == name)


def redemptions(desk: Desk) -> int:
    with desk.read() as s:
        return int(s.scalar(select(func.count()).select_from(Redemption)) or 0)


def test_gifts_are_added_and_restocked_and_bad_input_is_named(
    qtbot: Any, village: Village, shop_tab: ShopTab, tasks: TaskManager, type_text: Any
) -> None:
    dialog = shop_tab.add_gift()
    assert isinstance(dialog, GiftDialog) and dialog.isVisible()
    dialog.ui.price.setValue(8)
    dialog.ui.stock.setValue(3)
    qtbot.keyClick(dialog.ui.name, Qt.Key.Key_Return)  # no name
    qtbot.waitUntil(lambda: bool(dialog.ui.nameError.text()), timeout=10_000)
    assert "礼品名称" in dialog.ui.nameError.text() and dialog.isVisible()
    assert shop.list_gifts(village.desk, SYSTEM) == []
    type_text(dialog.ui.name, "洗衣液")
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.keyClick(dialog.ui.name, Qt.Key.Key_Return)
    settle(qtbot, tasks)
    table = shop_tab.ui.giftTable
    assert [table.item(0, c).text() for c in range(4)] == ["洗衣液", "8", "3", "在架"]
    assert shop_tab.selected() is not None and shop_tab.selected().name == "洗衣液"

    restock = shop_tab.restock()
    assert isinstance(restock, RestockDialog)
    restock.ui.quantity.setValue(5)
    qtbot.keyClick(restock.ui.quantity, Qt.Key.Key_Return)  # no reason
    qtbot.waitUntil(lambda: bool(restock.ui.reasonError.text()), timeout=10_000)
    assert stock_of(village.desk, "洗衣液") == 3 and restock.isVisible()
    assert restock.ui.quantity.minimum() == -3  # a write-off takes at most what is there
    type_text(restock.ui.reason, "镇里配送")
    with qtbot.waitSignal(restock.saved, timeout=10_000):
        qtbot.keyClick(restock.ui.reason, Qt.Key.Key_Return)
    settle(qtbot, tasks)
    assert stock_of(village.desk, "洗衣液") == 8 and table.item(0, 2).text() == "8"


def choose_resident(qtbot: Any, tab: ShopTab, tasks: TaskManager, type_text: Any, words: str) -> None:
    type_text(tab.ui.residentSearch, words)
    qtbot.keyClick(tab.ui.residentSearch, Qt.Key.Key_Return)
    settle(qtbot, tasks)


def test_redeeming_checks_balance_stock_and_the_opening_day_then_offers_the_receipt(
    qtbot: Any,
    village: Village,
    shop_tab: ShopTab,
    tasks: TaskManager,
    type_text: Any,
    messages: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shop.add_gift(village.desk, village.clerk, name="毛巾", price=6, stock=2)
    shop.add_gift(village.desk, village.clerk, name="大米 5 斤", price=25, stock=10)
    shop_tab.refresh()
    settle(qtbot, tasks)
    u, section = shop_tab.ui, shop_tab.redeem
    assert u.todayLabel.text() == "今天是开放日" and not u.offDayReason.isEnabled()
    choose_resident(qtbot, shop_tab, tasks, type_text, "陈小芳")
    assert section.resident() is not None and section.resident().name == "陈小芳"
    u.giftCombo.setCurrentIndex(u.giftCombo.findText("毛巾", Qt.MatchFlag.MatchStartsWith))
    u.quantitySpin.setValue(3)
    assert u.costLabel.text() == "余额 5 绿币，需要 18 绿币，兑换后余 -13 绿币"
    held = (entries(village.desk), redemptions(village.desk), stock_of(village.desk, "毛巾"))

    qtbot.mouseClick(u.redeemButton, Qt.MouseButton.LeftButton)  # beyond the stock and the balance
    assert u.quantityError.text() == "「毛巾」库存不足：现有 2 件，需要 3 件"
    u.quantitySpin.setValue(1)
    qtbot.mouseClick(u.redeemButton, Qt.MouseButton.LeftButton)
    assert u.quantityError.text() == "绿币不足：余额 5，需要 6"
    assert not messages.shown and not tasks.busy
    assert (entries(village.desk), redemptions(village.desk), stock_of(village.desk, "毛巾")) == held

    # A redemption on another day: a reason is asked for, then it goes through and the receipt shows.
    shop_tab.actor = village.admin
    u.openingSpin.setValue(10)
    qtbot.mouseClick(u.openingSaveButton, Qt.MouseButton.LeftButton)
    settle(qtbot, tasks)
    assert shop.opening_day(village.desk) == 10 and "不是开放日" in u.todayLabel.text()
    assert u.offDayReason.isEnabled()
    choose_resident(qtbot, shop_tab, tasks, type_text, "王建国")
    u.giftCombo.setCurrentIndex(u.giftCombo.findText("大米", Qt.MatchFlag.MatchStartsWith))
    before = (entries(village.desk), redemptions(village.desk), balance(village.desk, village.wang))
    messages.shown.clear()
    qtbot.mouseClick(u.redeemButton, Qt.MouseButton.LeftButton)
    assert "另日兑换须写明原因" in u.offDayReasonError.text() and not messages.shown
    assert (entries(village.desk), redemptions(village.desk), balance(village.desk, village.wang)) == before

    type_text(u.offDayReason, "老人行动不便，上门兑换")
    messages.answer = QMessageBox.StandardButton.Yes
    threads = made_on(monkeypatch, "receipt_pdf")
    qtbot.keyClick(u.offDayReason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shown_dialog(PdfDialog) is not None, timeout=20_000)
    assert threads and threading.main_thread().name not in threads
    questions = messages.texts("question")
    assert "确定兑换吗" in questions[0] and "大米 5 斤" in questions[0] and "打印兑换凭证" in questions[1]
    assert redemptions(village.desk) == before[1] + 1
    assert balance(village.desk, village.wang) == before[2] - 25
    receipt = section.last
    assert receipt is not None and receipt.off_day_reason == "老人行动不便，上门兑换"
    assert receipt.receipt_no in u.redeemMessage.text()
    dialog: PdfDialog = shown_dialog(PdfDialog)
    assert receipt.receipt_no in dialog.windowTitle() and receipt.receipt_no in pdf_text(dialog.pdf)
    settle(qtbot, tasks)
    assert stock_of(village.desk, "大米 5 斤") == 9
    assert any(u.giftTable.item(r, 2).text() == "9" for r in range(u.giftTable.rowCount()))
    assert f"余额 {before[2] - 25}" in u.residentCombo.currentText()
    dialog.close()


def test_a_refusal_by_the_service_lands_beside_the_field_and_changes_nothing(
    qtbot: Any, village: Village, shop_tab: ShopTab, tasks: TaskManager, type_text: Any, messages: Any
) -> None:
    gift = shop.add_gift(village.desk, village.clerk, name="毛巾", price=6, stock=5)
    shop_tab.refresh()
    settle(qtbot, tasks)
    u = shop_tab.ui
    credit(village.desk, village.chen, 4, village.today)
    choose_resident(qtbot, shop_tab, tasks, type_text, "陈小芳")  # 9 coins shown
    shop.redeem(village.desk, village.admin, resident_id=village.chen, gift_id=gift.id)  # another desk user: 3 left
    held = (entries(village.desk), redemptions(village.desk), stock_of(village.desk, "毛巾"))
    qtbot.mouseClick(u.redeemButton, Qt.MouseButton.LeftButton)  # the window still believes 9
    settle(qtbot, tasks)
    assert "绿币不足：余额 3，需要 6" in u.quantityError.text()
    assert "未兑换" in u.redeemMessage.text()
    assert (entries(village.desk), redemptions(village.desk), stock_of(village.desk, "毛巾")) == held
    assert "余额 3" in u.residentCombo.currentText()  # read again after the refusal
    assert len(messages.texts("question")) == 1  # only the confirmation; no receipt offered


# ---- the wheel and the screen ---------------------------------------------------------------


def wheel(widget: QWidget) -> None:
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        centre,
        widget.mapToGlobal(centre),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_wheel_changes_only_a_focused_field(qtbot: Any, village: Village, shop_tab: ShopTab) -> None:
    spin = shop_tab.ui.quantitySpin
    assert spin.focusPolicy() == Qt.FocusPolicy.StrongFocus
    shop_tab.ui.residentSearch.setFocus()
    wheel(spin)
    assert spin.value() == 1
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    wheel(spin)
    assert spin.value() == 2


def test_tabs_and_dialogs_fit_a_village_screen_in_large_font_mode(
    qtbot: Any, qapp: QApplication, village: Village, tasks: TaskManager
) -> None:
    before = qapp.font()
    font_mode.apply_font_mode(qapp, True)
    try:
        for kind in (PointsBalancesTab, MonthEndTab, ShopTab):
            tab = kind(village.desk, tasks, village.admin)
            qtbot.addWidget(tab)
            hint = tab.minimumSizeHint()
            assert hint.width() <= 1150 and hint.height() <= 600, (kind.__name__, hint)
        gift = shop.add_gift(village.desk, village.clerk, name="毛巾", price=6, stock=5)
        entry = ledger.statement(village.desk, village.admin, village.wang).entries[0]
        dialogs = [
            GiftDialog(village.desk, tasks, village.admin, None),
            RestockDialog(village.desk, tasks, village.admin, gift),
            ReversalDialog(village.desk, tasks, village.admin, entry, None),
            PdfDialog(tasks, b"", "积分明细", "x.pdf", Path(".")),
        ]
        for dialog in dialogs:
            qtbot.addWidget(dialog)
            assert dialog.sizeHint().height() <= 700 and dialog.minimumSizeHint().width() <= 1000, type(dialog)
    finally:
        font_mode.apply_font_mode(qapp, False)
        qapp.setFont(before)
    settle(qtbot, tasks)
