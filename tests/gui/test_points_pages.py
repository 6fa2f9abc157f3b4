"""平安绿币 page, driven as the clerk and the 主任 would: a household and a resident registered by
typing (a bad phone or an empty name shown under its field, nothing saved), a resident moved, a
declaration made from the catalogue and reviewed by the village (confirmed first), its status
saying the town's answer comes with the next sync; the page reached from the navigation; the
wheel leaves an unfocused choice alone; the dialogs fit a 1366×768 screen in large-font mode."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from mediation_desk.core.uow import Actor, china_today
from mediation_desk.desk import Desk
from mediation_desk.gui import font_mode
from mediation_desk.gui.dialogs.points_declaration_dialogs import DeclarationDialog
from mediation_desk.gui.dialogs.points_resident_dialogs import ResidentDialog
from mediation_desk.gui.main_window import MainWindow
from mediation_desk.gui.pages import points_declarations as decl_page
from mediation_desk.gui.pages import points_residents as res_page
from mediation_desk.gui.pages.points_page import PointsPage
from mediation_desk.gui.settings import DeskSettings
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.points import catalogue, declarations, residents, rules
from mediation_desk.points.dto import ResidentView

MAX_DIALOG_HEIGHT = 700  # a 1366×768 screen, less the taskbar and the title bar


@pytest.fixture
def page(qtbot: Any, desk: Desk, admin: Actor, clerk: Actor, tasks: TaskManager) -> Iterator[PointsPage]:
    widget = PointsPage(desk, tasks, admin)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    yield widget
    widget.close()
    qtbot.waitUntil(lambda: not tasks.busy)


@pytest.fixture
def village(desk: Desk, clerk: Actor) -> list[ResidentView]:
    """王建国 and 李秀英 of 王建国户 (一组), 陈小芳 of 陈家 (三组)."""
    wang = residents.add_household(desk, clerk, label="王建国户", village_group="一组")
    chen = residents.add_household(desk, clerk, label="陈家", village_group="三组")
    return [
        residents.add_resident(desk, clerk, name="王建国", village_group="一组", household_id=wang.id),
        residents.add_resident(desk, clerk, name="李秀英", village_group="一组", household_id=wang.id),
        residents.add_resident(desk, clerk, name="陈小芳", village_group="三组", household_id=chen.id),
    ]


def settle(qtbot: Any, tab: Any) -> None:
    """Read the tab again and wait for the answer."""
    tab.loaded = False
    tab.refresh()
    qtbot.waitUntil(lambda: tab.loaded and not tab.tasks.busy, timeout=10_000)


def texts(table: Any, column: int) -> list[str]:
    return [table.item(row, column).text() for row in range(table.rowCount())]


def choose_row(table: Any, column: int, text: str) -> None:
    rows = texts(table, column)
    assert text in rows, rows
    table.selectRow(rows.index(text))


def ok(dialog: Any) -> Any:
    return dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)


# ---- residents and households --------------------------------------------------------------------


def test_a_household_and_a_resident_are_registered_by_typing(
    qtbot: Any, page: PointsPage, desk: Desk, admin: Actor, type_text: Any
) -> None:
    tab = page.residents
    settle(qtbot, tab)
    assert tab.ui.residentTable.rowCount() == 0 and tab.ui.addButton.isEnabled()

    household = tab.add_household()
    assert household is not None and household.isVisible()
    type_text(household.ui.label, "王建国户")
    household.ui.villageGroup.setEditText("一组")
    qtbot.keyClick(household.ui.label, Qt.Key.Key_Return)  # Enter saves
    qtbot.waitUntil(lambda: tab.dialog is None and tab.ui.householdTable.rowCount() == 1 and not tab.tasks.busy)
    assert texts(tab.ui.householdTable, res_page.H_LABEL) == ["王建国户"]
    assert "已新增户" in tab.ui.statusLabel.text()

    dialog = tab.add_resident()
    assert isinstance(dialog, ResidentDialog)
    u = dialog.ui
    qtbot.mouseClick(ok(dialog), Qt.MouseButton.LeftButton)  # nothing typed: the name is named
    qtbot.waitUntil(lambda: bool(u.nameError.text()))
    assert "姓名" in u.nameError.text() and dialog.isVisible()
    type_text(u.name, "王建国")
    u.villageGroup.setEditText("一组")
    u.household.setCurrentIndex(u.household.findText("王建国户（一组）"))
    type_text(u.phone, "12345")
    qtbot.mouseClick(ok(dialog), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(u.phoneError.text()))
    assert "联系电话" in u.phoneError.text() and not u.nameError.text() and dialog.isVisible()
    assert residents.list_residents(desk, admin) == []  # nothing saved

    type_text(u.phone, "13905750001")
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.mouseClick(ok(dialog), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.ui.residentTable.rowCount() == 1 and not tab.tasks.busy)
    (saved,) = residents.list_residents(desk, admin)
    assert (saved.name, saved.household_label, saved.phone_masked) == ("王建国", "王建国户", "139****0001")
    row = [tab.ui.residentTable.item(0, c).text() for c in range(tab.ui.residentTable.columnCount())]
    assert row[res_page.NAME] == "王建国" and row[res_page.PHONE] == "139****0001" and row[res_page.BALANCE] == "0"
    assert tab.selected() is not None and tab.selected().id == saved.id


def test_a_resident_is_moved_with_a_reason_and_the_search_finds_them(
    qtbot: Any, page: PointsPage, desk: Desk, admin: Actor, village: list[ResidentView], type_text: Any
) -> None:
    tab = page.residents
    settle(qtbot, tab)
    assert tab.ui.residentTable.rowCount() == 3
    choose_row(tab.ui.residentTable, res_page.NAME, "李秀英")
    move = tab.move_resident()
    assert move is not None
    move.ui.household.setCurrentIndex(move.ui.household.findData(village[2].household_id))
    qtbot.mouseClick(ok(move), Qt.MouseButton.LeftButton)  # no reason yet
    qtbot.waitUntil(lambda: bool(move.ui.reasonError.text()))
    assert residents.get_resident(desk, admin, village[1].id).household_label == "王建国户"
    type_text(move.ui.reason, "hunjia")
    with qtbot.waitSignal(move.saved, timeout=10_000):
        qtbot.keyClick(move.ui.reason, Qt.Key.Key_Return)
    assert residents.get_resident(desk, admin, village[1].id).household_label == "陈家"
    assert [h[0] for h in residents.household_history(desk, admin, village[1].id)] == ["王建国户", "陈家"]
    qtbot.waitUntil(lambda: "已迁入「陈家」" in tab.ui.statusLabel.text() and not tab.tasks.busy)

    tab.ui.searchEdit.setText("陈")
    qtbot.waitUntil(lambda: tab.ui.residentTable.rowCount() == 1 and not tab.tasks.busy, timeout=5_000)
    assert texts(tab.ui.residentTable, res_page.NAME) == ["陈小芳"]


def test_a_clerk_keeps_the_register_a_mediator_only_looks(
    qtbot: Any, page: PointsPage, mediator_actor: Actor, village: list[ResidentView]
) -> None:
    page.set_actor(mediator_actor)
    tab = page.residents
    settle(qtbot, tab)
    choose_row(tab.ui.residentTable, res_page.NAME, "王建国")
    assert not tab.ui.addButton.isEnabled() and not tab.ui.editButton.isEnabled()
    assert "只能查看" in tab.ui.permissionLabel.text()
    assert tab.edit_resident() is None


# ---- declarations and the village review --------------------------------------------------------


def open_declaration(qtbot: Any, page: PointsPage) -> DeclarationDialog:
    tab = page.declarations
    tab.new_declaration()
    qtbot.waitUntil(lambda: isinstance(tab.dialog, DeclarationDialog), timeout=10_000)
    assert isinstance(tab.dialog, DeclarationDialog)
    return tab.dialog


def test_a_declaration_is_made_from_the_catalogue_and_approved_by_the_village(
    qtbot: Any, page: PointsPage, desk: Desk, admin: Actor, village: list[ResidentView], messages: Any
) -> None:
    page.show_tab(page.declarations)
    tab = page.declarations
    settle(qtbot, tab)
    assert tab.ui.modeStack.currentWidget() is tab.ui.villagePage
    assert tab.ui.statusFilter.currentData() == rules.DECLARED  # a 主任 starts with the queue

    dialog = open_declaration(qtbot, page)
    u = dialog.ui
    modules = [u.itemTree.topLevelItem(i).text(0) for i in range(u.itemTree.topLevelItemCount())]
    assert modules == list(rules.MODULES.values())
    u.resident.setEditText("王建国")
    qtbot.mouseClick(ok(dialog), Qt.MouseButton.LeftButton)  # no item chosen yet
    qtbot.waitUntil(lambda: bool(u.itemError.text()))
    assert declarations.list_declarations(desk, admin) == []
    assert dialog.choose_item("patrol") and "+2" in u.itemHint.text() and "每天 1 次" in u.itemHint.text()
    assert not dialog.choose_item("mediation_volunteer")  # declared by itself when a case closes
    u.note.setText("night patrol")
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.mouseClick(ok(dialog), Qt.MouseButton.LeftButton)
    (made,) = declarations.list_declarations(desk, admin)
    assert (made.resident_name, made.item_code, made.status) == ("王建国", "patrol", rules.DECLARED)
    qtbot.waitUntil(lambda: tab.ui.declarationTable.rowCount() == 1 and not tab.tasks.busy)
    assert texts(tab.ui.declarationTable, decl_page.STATUS) == ["待村审核"]

    tab.ui.declarationTable.selectRow(0)
    assert tab.ui.approveButton.isEnabled()
    qtbot.mouseClick(tab.ui.approveButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已通过村审核" in tab.ui.statusLabel.text() and not tab.tasks.busy, timeout=10_000)
    assert any("不能撤销" in text for text in messages.texts("question"))  # confirmed first
    assert declarations.get_declaration(desk, admin, made.id).status == rules.VILLAGE_APPROVED
    assert "随下次同步回到本机" in tab.ui.statusLabel.text()

    tab.ui.statusFilter.setCurrentIndex(tab.ui.statusFilter.findData(""))  # everything
    qtbot.waitUntil(lambda: tab.ui.declarationTable.rowCount() == 1 and not tab.tasks.busy)
    assert texts(tab.ui.declarationTable, decl_page.STATUS) == ["待镇审核（待同步上报）"]
    assert "随下次同步回到本机" in tab.ui.syncNote.text() and "尚未同步上报" in tab.ui.syncNote.text()
    tab.ui.declarationTable.selectRow(0)
    assert not tab.ui.approveButton.isEnabled() and not tab.ui.rejectButton.isEnabled()


def test_a_declaration_is_turned_down_with_a_reason_after_a_confirmation(
    qtbot: Any, page: PointsPage, desk: Desk, admin: Actor, clerk: Actor, village: list[ResidentView], type_text: Any
) -> None:
    made = declarations.declare(
        desk, clerk, resident_id=village[2].id, item_code="neighbour_dispute", activity_date=china_today()
    )
    page.show_tab(page.declarations)
    tab = page.declarations
    settle(qtbot, tab)
    assert texts(tab.ui.declarationTable, decl_page.COINS) == ["-3"]
    tab.ui.declarationTable.selectRow(0)
    dialog = tab.reject()
    assert dialog is not None
    qtbot.mouseClick(dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.ui.reasonError.text()))  # a reason is required
    assert declarations.get_declaration(desk, admin, made.id).status == rules.DECLARED
    type_text(dialog.ui.reason, "not true")
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.keyClick(dialog.ui.reason, Qt.Key.Key_Return)
    after = declarations.get_declaration(desk, admin, made.id)
    assert (after.status, after.village_reason) == (rules.VILLAGE_REJECTED, "not true")
    qtbot.waitUntil(lambda: "未通过村审核" in tab.ui.statusLabel.text() and not tab.tasks.busy)


def test_bad_declarations_are_named_under_their_field_and_nothing_is_saved(
    qtbot: Any, page: PointsPage, desk: Desk, admin: Actor, village: list[ResidentView], tmp_path: Path
) -> None:
    page.show_tab(page.declarations)
    settle(qtbot, page.declarations)
    dialog = open_declaration(qtbot, page)
    u = dialog.ui
    u.resident.setEditText("没有这个人")
    dialog.choose_item("patrol")
    qtbot.mouseClick(ok(dialog), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(u.residentError.text()))
    u.resident.setEditText("王建国")
    fake = tmp_path / "photo.png"
    fake.write_bytes(b"MZ\x90\x00 not a picture")
    dialog.set_evidence(fake)
    qtbot.mouseClick(ok(dialog), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(u.evidenceError.text()))
    assert not u.residentError.text() and dialog.isVisible()
    assert declarations.list_declarations(desk, admin) == []
    dialog.set_evidence(None)
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.mouseClick(ok(dialog), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.declarations.dialog is None and not page.declarations.tasks.busy)

    again = open_declaration(qtbot, page)  # the same item the same day: over its daily limit
    again.ui.resident.setEditText("王建国")
    again.choose_item("patrol")
    qtbot.mouseClick(ok(again), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "每人每天最多" in again.ui.activityDateError.text())
    assert len(declarations.list_declarations(desk, admin)) == 1
    again.reject()


def test_a_clerk_declares_but_does_not_review(
    qtbot: Any, page: PointsPage, desk: Desk, clerk: Actor, village: list[ResidentView]
) -> None:
    declarations.declare(desk, clerk, resident_id=village[0].id, item_code="patrol", activity_date=china_today())
    page.set_actor(clerk)
    page.show_tab(page.declarations)
    tab = page.declarations
    tab._default_filter()
    settle(qtbot, tab)
    assert tab.ui.statusFilter.currentData() == ""
    tab.ui.declarationTable.selectRow(0)
    assert tab.ui.declareButton.isEnabled() and not tab.ui.approveButton.isEnabled()
    assert "村级审核请由主任" in tab.ui.permissionLabel.text()


# ---- the page, the wheel, the screen ----------------------------------------------------------------


def test_the_page_opens_from_the_navigation_with_its_tabs(
    qtbot: Any, desk: Desk, admin: Actor, tasks: TaskManager, gui_settings: DeskSettings, village: list[ResidentView]
) -> None:
    window = MainWindow(desk, tasks, gui_settings, admin)
    qtbot.addWidget(window)
    window.show()
    try:
        nav = window.ui.navList
        titles = [nav.item(i).text() for i in range(nav.count())]
        assert "平安绿币" in titles
        nav.setCurrentRow(titles.index("平安绿币"))
        assert window.current_page() is window.points
        tabs = window.points.tabs
        assert [tabs.tabText(i) for i in range(tabs.count())] == [
            "居民和户",
            "申报和审核",
            "积分和明细",
            "月末汇总",
            "绿币超市",
        ]
        qtbot.waitUntil(lambda: window.points.residents.ui.residentTable.rowCount() == 3 and not tasks.busy)
        for index in range(tabs.count()):  # each tab reads its data when it comes into view
            tabs.setCurrentIndex(index)
            qtbot.waitUntil(lambda: not tasks.busy, timeout=10_000)
    finally:
        window.close()
        qtbot.waitUntil(lambda: not tasks.busy)


def test_the_wheel_leaves_a_choice_alone_until_it_is_chosen(
    qtbot: Any, page: PointsPage, village: list[ResidentView]
) -> None:
    tab = page.residents
    settle(qtbot, tab)
    dialog = tab.add_resident()
    assert dialog is not None
    combo = dialog.ui.household
    dialog.ui.name.setFocus()
    before = combo.currentIndex()
    wheel = QWheelEvent(
        QPointF(5, 5), QPointF(combo.mapToGlobal(QPoint(5, 5))), QPoint(0, 0), QPoint(0, -120),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(combo, wheel)
    assert combo.currentIndex() == before
    assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus
    dialog.reject()


def test_the_dialogs_fit_a_small_screen_in_large_font_mode(
    qtbot: Any, qapp: QApplication, desk: Desk, admin: Actor, tasks: TaskManager, village: list[ResidentView]
) -> None:
    before = qapp.font()
    try:
        font_mode.apply_font_mode(qapp, True)
        dialog = DeclarationDialog(desk, tasks, admin, village, catalogue.catalogue_view(desk, admin))
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.sizeHint().height() <= MAX_DIALOG_HEIGHT
        resident = ResidentDialog(desk, tasks, admin, [], [], ["一组"])
        qtbot.addWidget(resident)
        resident.show()
        assert resident.sizeHint().height() <= MAX_DIALOG_HEIGHT
    finally:
        font_mode.apply_font_mode(qapp, False)
        qapp.setFont(before)
