"""No dead ends: a case in a dashboard list opens with a double click or Enter; in 查找, Enter on a
single result opens it and Down goes to the results; the navigation follows the page shown (a
case page is under 案件)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt

from mediation_desk.core.uow import Actor, china_today
from mediation_desk.desk import Desk
from mediation_desk.gui.main_window import MainWindow
from mediation_desk.gui.pages.cases import CasesPage
from mediation_desk.gui.pages.dashboard import DashboardPage
from mediation_desk.gui.settings import DeskSettings
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.mediation import intake


def overdue_case(desk: Desk, admin: Actor, intake_form: Any, make_party: Any) -> str:
    accepted = china_today() - dt.timedelta(days=40)
    return intake.open_case(desk, admin, intake_form(make_party("郑秀兰"), make_party("李根宝"), accepted_on=accepted))


def test_a_dashboard_list_opens_its_case_on_double_click_and_enter(
    qtbot: Any, desk: Desk, admin: Actor, tasks: TaskManager, intake_form: Any, make_party: Any
) -> None:
    old = overdue_case(desk, admin, intake_form, make_party)
    page = DashboardPage(desk, tasks, admin)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: page.data is not None)
    overdue = page.ui.overdueList
    item = overdue.item(0)
    where = overdue.visualItemRect(item).center()
    with qtbot.waitSignal(page.case_activated, timeout=1000) as opened:
        qtbot.mouseClick(overdue.viewport(), Qt.MouseButton.LeftButton, pos=where)
        qtbot.mouseDClick(overdue.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert opened.args == [old]

    overdue.setFocus()
    overdue.setCurrentRow(0)
    with qtbot.waitSignal(page.case_activated, timeout=1000) as opened:
        qtbot.keyClick(overdue, Qt.Key.Key_Return)
    assert opened.args == [old]

    recent = page.ui.recentList  # recent activity names cases too
    recent.setFocus()
    recent.setCurrentRow(0)
    with qtbot.waitSignal(page.case_activated, timeout=1000) as opened:
        qtbot.keyClick(recent, Qt.Key.Key_Return)
    assert opened.args == [old]

    judicial = page.ui.judicialList  # "近期没有…": nothing to open, nothing happens
    judicial.setFocus()
    judicial.setCurrentRow(0)
    with qtbot.assertNotEmitted(page.case_activated):
        qtbot.keyClick(judicial, Qt.Key.Key_Return)


@pytest.fixture
def cases_page(qtbot: Any, desk: Desk, admin: Actor, tasks: TaskManager) -> Iterator[CasesPage]:
    page = CasesPage(desk, tasks, admin)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    yield page
    qtbot.waitUntil(lambda: not tasks.busy)


def settled(page: CasesPage) -> bool:
    return not page.model.fetching and not page.search_timer.isActive()


def test_enter_in_the_search_opens_a_single_result(
    qtbot: Any, cases_page: CasesPage, desk: Desk, admin: Actor, intake_form: Any, make_party: Any, type_text: Any
) -> None:
    wanted = overdue_case(desk, admin, intake_form, make_party)
    intake.open_case(desk, admin, intake_form())
    cases_page.refresh()
    qtbot.waitUntil(lambda: cases_page.model.rowCount() == 2 and settled(cases_page))
    search = cases_page.ui.searchEdit
    type_text(search, "郑秀兰")
    with qtbot.waitSignal(cases_page.case_activated, timeout=10_000) as opened:
        qtbot.keyClick(search, Qt.Key.Key_Return)  # at once, without waiting for the pause
    assert opened.args == [wanted]


def test_enter_or_down_in_the_search_goes_to_the_results(
    qtbot: Any, cases_page: CasesPage, desk: Desk, admin: Actor, intake_form: Any, make_party: Any, type_text: Any
) -> None:
    wanted = overdue_case(desk, admin, intake_form, make_party)
    cases_page.refresh()
    qtbot.waitUntil(lambda: cases_page.model.rowCount() == 1 and settled(cases_page))
    table, search = cases_page.ui.caseTable, cases_page.ui.searchEdit
    type_text(search, "郑秀兰")
    qtbot.keyClick(search, Qt.Key.Key_Down)  # the single result: chosen, ready for Enter
    qtbot.waitUntil(lambda: settled(cases_page) and table.currentIndex().isValid(), timeout=10_000)
    assert table.hasFocus() and table.currentIndex().row() == 0
    with qtbot.waitSignal(cases_page.case_activated, timeout=1000) as opened:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert opened.args == [wanted]

    intake.open_case(desk, admin, intake_form(make_party("郑秀兰"), make_party("钱小妹")))
    search.setFocus()
    with qtbot.assertNotEmitted(cases_page.case_activated, wait=200):
        qtbot.keyClick(search, Qt.Key.Key_Return)  # two found: the first chosen, none opened
        qtbot.waitUntil(lambda: settled(cases_page) and cases_page.model.rowCount() == 2, timeout=10_000)
    assert table.hasFocus() and table.currentIndex().row() == 0


def test_the_navigation_follows_the_page_shown(
    qtbot: Any,
    desk: Desk,
    admin: Actor,
    tasks: TaskManager,
    gui_settings: DeskSettings,
    intake_form: Any,
    make_party: Any,
) -> None:
    case_id = overdue_case(desk, admin, intake_form, make_party)
    window = MainWindow(desk, tasks, gui_settings, admin)
    qtbot.addWidget(window)
    window.show()
    try:
        nav, stack = window.ui.navList, window.ui.pageStack
        window.new_intake()
        assert nav.currentRow() == stack.indexOf(window.intake)
        window.open_case(case_id)
        assert window.current_page() is window.case_page
        assert nav.currentRow() == stack.indexOf(window.cases)  # a case is under 案件, not 受理
        qtbot.waitUntil(lambda: window.case_page.view is not None and not tasks.busy, timeout=10_000)

        window.go_to(window.dashboard)
        qtbot.waitUntil(lambda: window.dashboard.data is not None and not tasks.busy, timeout=10_000)
        overdue = window.dashboard.ui.overdueList
        overdue.setFocus()
        overdue.setCurrentRow(0)
        qtbot.keyClick(overdue, Qt.Key.Key_Return)  # from the dashboard straight to the case
        assert window.current_page() is window.case_page and nav.currentRow() == stack.indexOf(window.cases)
        qtbot.waitUntil(lambda: window.case_page.view is not None and not tasks.busy, timeout=10_000)
        assert window.case_page.case_id == case_id

        item = nav.item(stack.indexOf(window.cases))  # 案件, current already: back to the list
        qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=nav.visualItemRect(item).center())
        assert window.current_page() is window.cases
    finally:
        window.close()
        qtbot.waitUntil(lambda: not tasks.busy)
