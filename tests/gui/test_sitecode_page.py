"""一单一码 page, driven as the clerk would on a real desk whose places and inspections were made
through the services months back: a place registered (a bad credit code and a missing name are
named beside their fields, nothing is saved until the form is right), a list imported with a bad
row (the rows named; the rest imported only when asked and confirmed), a self-inspection entered
by keyboard alone with a hazard and its deadline, a hazard rectified (复查人 required, confirmed),
a placard scanned (an unreadable code named; a placard whose colour is no longer today's warned
of), the placards of a grid made off the window's thread, and the grids' dashboard counted. Every
code on screen is a word beside its colour, never the colour alone."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QRadioButton, QWidget

from mediation_desk.core.uow import CHINA, Actor, acting_at
from mediation_desk.desk import Desk
from mediation_desk.gui.main_window import MainWindow
from mediation_desk.gui.pages import sitecode_placards
from mediation_desk.gui.pages.sitecode_common import LABELS, SWATCH
from mediation_desk.gui.pages.sitecode_hazards import RectifyDialog
from mediation_desk.gui.pages.sitecode_import import ImportReportDialog
from mediation_desk.gui.pages.sitecode_page import SitecodePage
from mediation_desk.gui.pages.sitecode_place_dialog import PlaceDialog
from mediation_desk.gui.pages.sitecode_places import CODE, NAME
from mediation_desk.gui.pdf_dialog import PdfDialog
from mediation_desk.gui.settings import DeskSettings
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.sitecode import hazards, inspections, placard_code, places, rules
from mediation_desk.sitecode.inspections import HazardInput
from mediation_desk.validation import USCC_CHARSET, uscc_check_char

NOW = dt.datetime(2026, 6, 15, 10, tzinfo=CHINA)  # the desk's clock: mid-June 2026, Beijing
REGISTERED = dt.datetime(2026, 3, 10, 10, tzinfo=CHINA)  # the places owe inspections from April


def credit_code(n: int) -> str:
    body = "91330604" + "".join(USCC_CHARSET[(n // 31**k) % 31] for k in range(8, -1, -1))
    return body + uscc_check_char(body)


@dataclass
class Village:
    desk: Desk
    clerk: Actor
    hardware: str  # 谢塘五金店: a hazard of May past its deadline — red
    restaurant: str  # 东山饭店: May and June done — green
    rental: str  # 三组出租房: June done with a hazard open within its deadline — yellow
    warehouse: str  # 老街仓库: no inspection for May — red


def inspect(desk: Desk, actor: Actor, place_id: str, at: dt.datetime, found: dict[str, dt.date] | None = None) -> None:
    with acting_at(at):
        items = inspections.checklist_for(desk, actor, place_id).items
        found = found or {}
        results = {i.code: rules.FOUND if i.code in found else rules.OK for i in items}
        given = {code: HazardInput(deadline=day) for code, day in found.items()}
        inspections.record_inspection(desk, actor, place_id, results=results, hazards=given or None)


@pytest.fixture
def village(desk: Desk, clerk: Actor, monkeypatch: pytest.MonkeyPatch) -> Village:
    monkeypatch.setattr("mediation_desk.core.uow.utcnow", lambda: NOW.astimezone(dt.UTC))
    made = {}
    with acting_at(REGISTERED):
        for key, name, category, grid in (
            ("hardware", "谢塘五金店", "shop", "一网格"),
            ("restaurant", "东山饭店", "restaurant", "一网格"),
            ("rental", "三组出租房", "rental", "二网格"),
            ("warehouse", "老街仓库", "warehouse", "二网格"),
        ):
            made[key] = places.add_place(
                desk, clerk, name=name, category=category, address=f"谢塘镇{name}路1号", grid=grid
            ).id
    for month in (4, 5):
        for key in ("hardware", "restaurant", "rental"):
            found = {"wiring": dt.date(2026, 5, 27)} if (key, month) == ("hardware", 5) else None
            inspect(desk, clerk, made[key], dt.datetime(2026, month, 20, 10, tzinfo=CHINA), found)
    inspect(desk, clerk, made["warehouse"], dt.datetime(2026, 4, 20, 10, tzinfo=CHINA))
    inspect(desk, clerk, made["restaurant"], dt.datetime(2026, 6, 5, 10, tzinfo=CHINA))
    inspect(desk, clerk, made["rental"], dt.datetime(2026, 6, 5, 10, tzinfo=CHINA), {"charging": dt.date(2026, 6, 20)})
    return Village(desk, clerk, **made)


def settle(qtbot: Any, tasks: TaskManager) -> None:
    qtbot.waitUntil(lambda: not tasks.busy, timeout=20_000)


def shown(kind: type[QWidget]) -> Any:
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()), None)


@pytest.fixture
def page(qtbot: Any, village: Village, tasks: TaskManager) -> Iterator[SitecodePage]:
    widget = SitecodePage(village.desk, tasks, village.clerk)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    widget.refresh()
    settle(qtbot, tasks)
    yield widget
    for dialog in QApplication.topLevelWidgets():
        if dialog is not widget and dialog.isVisible():
            dialog.close()
    settle(qtbot, tasks)


def listed(page: SitecodePage) -> dict[str, tuple[str, Any]]:
    """Each place's name → (the word of its code, the colour beside it)."""
    table = page.places.table
    return {
        table.item(r, NAME).text(): (
            table.item(r, CODE).text(),
            table.item(r, CODE).data(Qt.ItemDataRole.DecorationRole),
        )
        for r in range(table.rowCount())
    }


def test_the_labels_are_the_rules_own() -> None:
    assert LABELS["colour"] == rules.COLOURS and LABELS["result"] == rules.RESULTS
    assert LABELS["hazard"] == rules.HAZARD_STATUSES
    assert LABELS["task_kind"] == rules.TASK_KINDS and LABELS["task_status"] == rules.TASK_STATUSES


def test_the_navigation_has_the_page_with_its_tabs(
    qtbot: Any, village: Village, tasks: TaskManager, gui_settings: DeskSettings
) -> None:
    window = MainWindow(village.desk, tasks, gui_settings, village.clerk)
    qtbot.addWidget(window)
    window.show()
    try:
        nav = window.ui.navList
        titles = [nav.item(i).text() for i in range(nav.count())]
        nav.setCurrentRow(titles.index("一单一码"))
        assert window.current_page() is window.sites
        tabs = window.sites.tabs
        assert [tabs.tabText(i) for i in range(tabs.count())] == [
            "场所",
            "自查录入",
            "隐患整改",
            "任务",
            "网格看板",
            "亮码公示",
        ]
        qtbot.waitUntil(lambda: window.sites.places.loaded, timeout=20_000)
    finally:
        window.close()
        settle(qtbot, tasks)


def test_places_show_the_word_beside_the_colour_and_filter(qtbot: Any, page: SitecodePage, tasks: TaskManager) -> None:
    rows = listed(page)
    assert {name: word for name, (word, _) in rows.items()} == {
        "谢塘五金店": "红码",
        "东山饭店": "绿码",
        "三组出租房": "黄码",
        "老街仓库": "红码",
    }
    assert QColor(rows["东山饭店"][1]) == SWATCH[rules.GREEN] and QColor(rows["老街仓库"][1]) == SWATCH[rules.RED]
    tab = page.places
    tab.table.selectRow(next(r for r in range(tab.table.rowCount()) if tab.table.item(r, NAME).text() == "谢塘五金店"))
    assert tab.code_word.text() == "红码" and "已过" in tab.reasons.text()

    tab.colour_filter.setCurrentIndex(tab.colour_filter.findData(rules.RED))
    settle(qtbot, tasks)
    assert set(listed(page)) == {"谢塘五金店", "老街仓库"}
    tab.grid_filter.setCurrentIndex(tab.grid_filter.findData("二网格"))
    settle(qtbot, tasks)
    assert set(listed(page)) == {"老街仓库"}
    tab.colour_filter.setCurrentIndex(0)
    tab.grid_filter.setCurrentIndex(0)
    tab.category_filter.setCurrentIndex(tab.category_filter.findData("restaurant"))
    settle(qtbot, tasks)
    assert set(listed(page)) == {"东山饭店"}


def test_a_place_added_with_bad_input_named_beside_its_fields(
    qtbot: Any, page: SitecodePage, tasks: TaskManager, type_text: Any, village: Village
) -> None:
    dialog = page.places.add_place()
    assert isinstance(dialog, PlaceDialog) and dialog.isVisible()
    type_text(dialog.address, "谢塘镇新街8号")
    dialog.category.setCurrentIndex(dialog.category.findData("hotel"))
    dialog.grid.setEditText("三网格")
    type_text(dialog.credit_code, "913306041234")  # too short
    qtbot.keyClick(dialog.credit_code, Qt.Key.Key_Return)
    settle(qtbot, tasks)
    errors = dialog.error_labels
    assert dialog.isVisible() and "场所名称" in errors["name"].text()
    assert len(places.list_places(village.desk, village.clerk)) == 4  # nothing saved

    type_text(dialog.name, "新街旅馆")
    qtbot.keyClick(dialog.credit_code, Qt.Key.Key_Return)
    settle(qtbot, tasks)
    assert dialog.isVisible() and not errors["name"].text()
    assert "信用代码" in errors["credit_code"].text()
    assert len(places.list_places(village.desk, village.clerk)) == 4

    type_text(dialog.credit_code, credit_code(7))
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.keyClick(dialog.credit_code, Qt.Key.Key_Return)
    settle(qtbot, tasks)
    assert "已登记：新街旅馆" in page.places.status_label.text()
    assert listed(page)["新街旅馆"][0] == "绿码"  # owes its first inspection next month
    assert page.places.selected() is not None and page.places.selected().name == "新街旅馆"


def test_an_import_with_a_bad_row_imports_the_rest_only_when_asked(
    qtbot: Any, page: SitecodePage, tasks: TaskManager, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, messages: Any
) -> None:
    sheet = tmp_path / "场所清单.csv"
    sheet.write_text(
        "场所名称,类别,地址,网格,负责人,联系电话,统一社会信用代码\n"
        f"河埠头小卖部,商铺,谢塘镇河埠头2号,三网格,陈阿大,13812345678,{credit_code(11)}\n"
        "桥头作坊,企业,谢塘镇桥头5号,三网格,,,91330604BAD\n"
        "后山民宿,旅馆,谢塘镇后山9号,三网格,,,\n",
        encoding="utf-8-sig",
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(sheet), "")))
    qtbot.mouseClick(page.places.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shown(ImportReportDialog) is not None, timeout=20_000)
    report: ImportReportDialog = shown(ImportReportDialog)
    assert report.table.rowCount() >= 1 and report.table.item(0, 0).text() == "3"
    assert "其余 2 行" in report.skip_button.text()
    assert len(listed(page)) == 4  # nothing imported yet

    messages.answer = QMessageBox.StandardButton.No  # asked, not confirmed: still nothing
    qtbot.mouseClick(report.skip_button, Qt.MouseButton.LeftButton)
    settle(qtbot, tasks)
    assert "跳过有问题的 1 行" in messages.texts("question")[-1]
    assert "未导入" in page.places.status_label.text() and len(listed(page)) == 4

    qtbot.mouseClick(page.places.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shown(ImportReportDialog) is not None, timeout=20_000)
    messages.answer = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(shown(ImportReportDialog).skip_button, Qt.MouseButton.LeftButton)
    settle(qtbot, tasks)
    assert "导入 2 个场所" in page.places.status_label.text()
    assert {"河埠头小卖部", "后山民宿"} <= set(listed(page))


def focused_radio(page: SitecodePage) -> QRadioButton:
    widget = page.focusWidget()  # the page's own: the test window need not be the active one
    assert isinstance(widget, QRadioButton), widget
    return widget


def test_an_inspection_entered_by_keyboard_shows_the_code_and_its_reasons(
    qtbot: Any, page: SitecodePage, tasks: TaskManager, type_text: Any, village: Village, messages: Any
) -> None:
    page.show_tab(page.inspect)
    settle(qtbot, tasks)
    tab = page.inspect
    type_text(tab.search_edit, "老街")
    qtbot.keyClick(tab.search_edit, Qt.Key.Key_Return)
    settle(qtbot, tasks)
    assert page.focusWidget() is tab.place_combo
    qtbot.keyClick(tab.place_combo, Qt.Key.Key_Down)  # from （请选择场所） to the place found
    settle(qtbot, tasks)
    assert tab.chosen is not None and tab.chosen.place.name == "老街仓库"
    rows = tab.checklist.rows
    assert len(rows) == 5 and tab.month_combo.currentData() == "2026-06"

    qtbot.keyClick(tab.save_button, Qt.Key.Key_Space)  # nothing answered: each item is named
    assert all(r.error.text() == "请选择这一项的检查结果" for r in rows) and not messages.shown

    # Tab reaches each item's answers, the arrow keys move among them, Space chooses.
    rows[0].buttons[rules.OK].setFocus()
    qtbot.keyClick(focused_radio(page), Qt.Key.Key_Space)
    assert rows[0].result() == rules.OK and not rows[0].error.text()
    qtbot.keyClick(focused_radio(page), Qt.Key.Key_Tab)
    assert focused_radio(page) is rows[1].buttons[rules.OK]
    qtbot.keyClick(focused_radio(page), Qt.Key.Key_Right)
    assert focused_radio(page) is rows[1].buttons[rules.FOUND] and rows[1].result() is None
    qtbot.keyClick(focused_radio(page), Qt.Key.Key_Space)  # 有隐患: its deadline, what was found, a photo
    assert rows[1].result() == rules.FOUND and rows[1].hazard_box.isVisible()
    qtbot.keyClick(focused_radio(page), Qt.Key.Key_Tab)
    assert page.focusWidget() is rows[1].deadline
    assert rows[1].deadline.date().toPython() == dt.date(2026, 6, 22)  # today + 7 days
    qtbot.keyClicks(rows[1].deadline, "2026-06-30")
    qtbot.keyClick(rows[1].deadline, Qt.Key.Key_Tab)
    assert page.focusWidget() is rows[1].description
    type_text(rows[1].description, "exit blocked")
    qtbot.keyClick(tab.all_ok_button, Qt.Key.Key_Space)  # the rest 合格
    assert [r.result() for r in rows] == [rules.OK, rules.FOUND, rules.OK, rules.OK, rules.OK]

    messages.answer = QMessageBox.StandardButton.Yes
    qtbot.keyClick(tab.save_button, Qt.Key.Key_Space)
    settle(qtbot, tasks)
    question = messages.texts("question")[-1]
    assert "合格 4 项，有隐患 1 项" in question and "不能修改" in question
    assert tab.last is not None and tab.last.month == "2026-06"
    assert [(h.item_code, h.deadline, h.description) for h in tab.last.hazards] == [
        ("exits", dt.date(2026, 6, 30), "exit blocked")
    ]
    assert "已保存「老街仓库」2026年6月自查，登记隐患 1 项" in tab.status_label.text()
    assert tab.code_word.text() == "现为黄码" and "待整改" in tab.reasons.text()

    # The same month again: refused by the desk, said in words, nothing kept.
    settle(qtbot, tasks)
    tab.checklist.all_ok()
    tab.save()
    settle(qtbot, tasks)
    assert "未保存" in tab.status_label.text() or tab.month_error.text()
    assert len(inspections.list_inspections(village.desk, village.clerk, place_id=village.warehouse)) == 2


def test_a_hazard_rectified_needs_who_checked_it_and_a_confirmation(
    qtbot: Any, page: SitecodePage, tasks: TaskManager, type_text: Any, village: Village, messages: Any
) -> None:
    page.show_tab(page.hazards)
    settle(qtbot, tasks)
    tab = page.hazards
    tab.which.setCurrentIndex(tab.which.findData("overdue"))
    settle(qtbot, tasks)
    assert [h.place_name for h in tab.items] == ["谢塘五金店"]
    assert tab.table.item(0, 5).text() == "已超期，待整改"
    tab.table.selectRow(0)
    dialog = tab.rectify()
    assert isinstance(dialog, RectifyDialog)
    dialog.note.setPlainText("已更换老化电线")
    qtbot.keyClick(dialog.checked_by, Qt.Key.Key_Return)  # no 复查人: named beside it
    settle(qtbot, tasks)
    assert dialog.isVisible() and "复查" in dialog.error_labels["checked_by"].text()
    assert hazards.list_hazards(village.desk, village.clerk, overdue_only=True)

    type_text(dialog.checked_by, "王网格员")
    messages.answer = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.keyClick(dialog.checked_by, Qt.Key.Key_Return)
    settle(qtbot, tasks)
    assert "不能撤销" in messages.texts("question")[-1]
    assert tab.items == [] and "已登记整改" in tab.status_label.text()
    assert not hazards.list_hazards(village.desk, village.clerk, overdue_only=True)


def test_a_scanned_placard_shows_the_place_and_warns_when_its_colour_changed(
    qtbot: Any, page: SitecodePage, tasks: TaskManager, type_text: Any, village: Village
) -> None:
    page.show_tab(page.placards)
    settle(qtbot, tasks)
    tab = page.placards
    type_text(tab.scan_edit, "SITE-NOT-A-CODE")
    qtbot.keyClick(tab.scan_edit, Qt.Key.Key_Return)
    settle(qtbot, tasks)
    assert "二维码" in tab.scan_error.text() and tab.scanned is None

    printed = placard_code.placard_payload(village.hardware, "2026-05", rules.GREEN)  # printed green in May
    type_text(tab.scan_edit, printed)
    qtbot.keyClick(tab.scan_edit, Qt.Key.Key_Return)
    settle(qtbot, tasks)
    assert not tab.scan_error.text() and tab.scanned is not None and tab.scanned.name == "谢塘五金店"
    assert "谢塘五金店" in tab.place_label.text() and tab.code_word.text() == "今天：红码"
    assert tab.swatch.pixmap() is not None and not tab.swatch.pixmap().isNull()
    assert "绿码" in tab.warning_label.text() and "红码" in tab.warning_label.text()
    assert "已过" in tab.reasons.text()

    current = placard_code.placard_payload(village.restaurant, "2026-06", rules.GREEN)
    type_text(tab.scan_edit, current)
    qtbot.keyClick(tab.scan_edit, Qt.Key.Key_Return)
    settle(qtbot, tasks)
    assert tab.scanned.name == "东山饭店" and not tab.warning_label.text()


def test_the_placards_of_a_grid_are_made_off_the_window_thread(
    qtbot: Any, page: SitecodePage, tasks: TaskManager, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[str] = []
    original = sitecode_placards.placard_docs.placard_pdf

    def recording(*args: Any, **kwargs: Any) -> bytes:
        threads.append(threading.current_thread().name)
        return original(*args, **kwargs)

    monkeypatch.setattr(sitecode_placards.placard_docs, "placard_pdf", recording)
    page.show_tab(page.placards)
    settle(qtbot, tasks)
    tab = page.placards
    tab.grid_combo.setCurrentIndex(tab.grid_combo.findData("二网格"))
    qtbot.mouseClick(tab.grid_print, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shown(PdfDialog) is not None, timeout=30_000)
    assert threads and threading.main_thread().name not in threads
    dialog: PdfDialog = shown(PdfDialog)
    assert dialog.pages == 2 and "二网格" in dialog.windowTitle()
    assert "已生成 2 张公示牌" in tab.print_status.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def test_the_dashboard_counts_each_grid_by_colour(qtbot: Any, page: SitecodePage, tasks: TaskManager) -> None:
    page.show_tab(page.dashboard)
    settle(qtbot, tasks)
    counts = page.dashboard.counts()
    assert counts["一网格"] == (1, 0, 1) and counts["二网格"] == (1, 1, 0)
    assert counts["合计"] == (2, 1, 1)
    header = page.dashboard.table.horizontalHeaderItem(2)
    assert header.text() == "红码" and not header.icon().isNull()
    assert "转码率" in page.dashboard.conversion_label.text()
