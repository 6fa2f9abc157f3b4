"""The 案件 page: the list read lazily a page at a time, instant search, the filters, a superseded
search dropped, Enter opening a case, Ctrl+F, and the service never called on the UI thread."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.gui.case_list_model import (
    AMOUNT,
    PAGE_SIZE,
    PARTIES,
    STATE,
    CaseFilter,
)
from mediation_desk.gui.labels import DISPUTE_TYPE_NAMES
from mediation_desk.gui.main_window import MainWindow
from mediation_desk.gui.pages.cases import CasesPage
from mediation_desk.gui.settings import DeskSettings
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.mediation import dispute_types, intake, mediators, queries, states, workflow


@pytest.fixture
def open_cases(desk: Desk, admin: Actor, intake_form: Any) -> Any:
    """`open_cases(n)`: n cases with the default parties; returns their ids, oldest first."""
    return lambda count: [intake.open_case(desk, admin, intake_form()) for _ in range(count)]


@pytest.fixture
def page(qtbot: Any, desk: Desk, admin: Actor, tasks: TaskManager) -> Iterator[CasesPage]:
    cases_page = CasesPage(desk, tasks, admin)
    qtbot.addWidget(cases_page)
    cases_page.resize(1000, 600)
    cases_page.show()
    yield cases_page
    qtbot.waitUntil(lambda: not tasks.busy)


def loaded(page: CasesPage) -> bool:
    return not page.model.fetching and not page.search_timer.isActive()


def column(page: CasesPage, col: int) -> list[str]:
    m = page.model
    return [m.data(m.index(row, col)) for row in range(m.rowCount())]


def test_the_first_page_loads_then_the_rest_on_scrolling(
    qtbot: Any, page: CasesPage, desk: Desk, admin: Actor, open_cases: Any
) -> None:
    ids = open_cases(PAGE_SIZE + 50)
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == PAGE_SIZE and loaded(page))
    assert page.ui.countLabel.text() == "共 200+ 件"
    assert page.model.canFetchMore() and page.model.case_id(0) == ids[-1]  # newest first

    page.ui.caseTable.scrollToBottom()  # the view asks for more
    qtbot.waitUntil(lambda: page.model.rowCount() == len(ids) and loaded(page))
    assert page.ui.countLabel.text() == "共 250 件"
    assert not page.model.canFetchMore()
    assert [page.model.case_id(r) for r in range(len(ids))] == ids[::-1]


def test_a_row_shows_the_case_without_personal_numbers(
    qtbot: Any, page: CasesPage, desk: Desk, admin: Actor, intake_form: Any, make_party: Any
) -> None:
    zheng, li = make_party("郑秀兰", gender="female"), make_party("李根宝")
    intake.open_case(desk, admin, intake_form(zheng, li, amount="1200.5"))
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and loaded(page))
    m = page.model
    texts = [m.data(m.index(0, c)) for c in range(m.columnCount())]
    assert texts[1:] == ["已受理", "邻里", "郑秀兰、李根宝", "", texts[5], "1,200.50"]
    assert m.data(m.index(0, AMOUNT), Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    for secret in (zheng["id_number"], zheng["phone"], li["id_number"], li["phone"]):
        assert not any(secret[-4:] in t for t in texts)
    headers = [m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())]
    assert headers == ["案号", "状态", "纠纷类型", "当事人", "调解员", "受理日期", "金额（元）"]


def test_typing_a_name_or_a_phone_finds_the_case(
    qtbot: Any,
    page: CasesPage,
    desk: Desk,
    admin: Actor,
    type_text: Any,
    open_cases: Any,
    intake_form: Any,
    make_party: Any,
) -> None:
    open_cases(3)
    zheng = make_party("郑秀兰", gender="female")
    wanted = intake.open_case(desk, admin, intake_form(zheng, make_party("李根宝")))
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 4 and loaded(page))

    type_text(page.ui.searchEdit, "郑秀兰")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and loaded(page))
    assert page.model.case_id(0) == wanted and "郑秀兰" in column(page, PARTIES)[0]

    type_text(page.ui.searchEdit, zheng["phone"])
    qtbot.waitUntil(lambda: page.model.case_filter.query == zheng["phone"] and loaded(page))
    assert [page.model.case_id(0)] == [wanted] and page.model.rowCount() == 1

    type_text(page.ui.searchEdit, "")
    qtbot.waitUntil(lambda: page.model.rowCount() == 4 and loaded(page))


def test_an_unknown_word_finds_nothing(
    qtbot: Any, page: CasesPage, desk: Desk, admin: Actor, type_text: Any, open_cases: Any
) -> None:
    open_cases(2)
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2 and loaded(page))
    type_text(page.ui.searchEdit, "拖拉机")
    qtbot.waitUntil(lambda: page.model.case_filter.query == "拖拉机" and loaded(page))
    assert page.model.rowCount() == 0 and page.ui.countLabel.text() == "共 0 件"


def test_the_state_filter(qtbot: Any, page: CasesPage, desk: Desk, admin: Actor, open_cases: Any) -> None:
    _, declined, _ = open_cases(3)
    workflow.transition(desk, admin, declined, "declined", reason="一方当事人不同意调解")
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3 and loaded(page))
    combo = page.ui.stateCombo
    assert combo.itemText(0) == "全部" and combo.count() == len(states.LABELS) + 1

    combo.setCurrentIndex(combo.findData("declined"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and loaded(page))
    assert page.model.case_id(0) == declined and column(page, STATE) == ["不予调解"]
    combo.setCurrentIndex(combo.findData("closed"))
    qtbot.waitUntil(lambda: page.model.case_filter.status == "closed" and loaded(page))
    assert page.model.rowCount() == 0
    combo.setCurrentIndex(0)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3 and loaded(page))


def test_the_filters_offer_the_national_types_and_the_roster(
    qtbot: Any, page: CasesPage, desk: Desk, admin: Actor
) -> None:
    assert DISPUTE_TYPE_NAMES == dispute_types.LABELS
    assert [page.ui.typeCombo.itemText(i) for i in range(3)] == ["全部", "婚姻家庭", "邻里"]
    mediators.add_mediator(desk, admin, {"name": "谢阿根", "gender": "male"})
    page.refresh()
    qtbot.waitUntil(lambda: page.ui.mediatorCombo.count() == 2)
    assert page.ui.mediatorCombo.itemText(1) == "谢阿根"
    assert not page.ui.fromDate.isEnabled()
    page.ui.fromCheck.setChecked(True)  # 不限 no more
    assert page.ui.fromDate.isEnabled() and page.current_filter().accepted_from is not None


def test_a_superseded_search_is_ignored(
    qtbot: Any,
    page: CasesPage,
    desk: Desk,
    admin: Actor,
    monkeypatch: pytest.MonkeyPatch,
    open_cases: Any,
    intake_form: Any,
    make_party: Any,
) -> None:
    open_cases(2)
    zheng = intake.open_case(desk, admin, intake_form(make_party("郑秀兰"), make_party("李根宝")))
    real = queries.list_cases
    started = threading.Event()
    answered: list[str | None] = []

    def slow_list_cases(*args: Any, **kwargs: Any) -> Any:
        if kwargs.get("query") == "王永年":
            started.set()
            threading.Event().wait(0.3)  # the clerk types on meanwhile
        rows = real(*args, **kwargs)
        answered.append(kwargs.get("query"))
        return rows

    monkeypatch.setattr(queries, "list_cases", slow_list_cases)
    page.model.set_filter(CaseFilter(query="王永年"))
    assert started.wait(5)
    page.model.set_filter(CaseFilter(query="郑秀兰"))
    qtbot.waitUntil(lambda: answered == ["王永年", "郑秀兰"] and loaded(page))
    qtbot.wait(50)
    assert [page.model.case_id(r) for r in range(page.model.rowCount())] == [zheng]


def test_enter_on_a_row_opens_its_case(qtbot: Any, page: CasesPage, desk: Desk, admin: Actor, open_cases: Any) -> None:
    ids = open_cases(3)
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3 and loaded(page))
    table = page.ui.caseTable
    table.setFocus()
    table.setCurrentIndex(page.model.index(1, 0))
    with qtbot.waitSignal(page.case_activated, timeout=1000) as signal:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert signal.args == [ids[1]]


def test_the_service_is_never_called_on_the_ui_thread(
    qtbot: Any,
    page: CasesPage,
    desk: Desk,
    admin: Actor,
    type_text: Any,
    monkeypatch: pytest.MonkeyPatch,
    open_cases: Any,
) -> None:
    open_cases(2)
    threads: list[threading.Thread] = []

    def recorded(fn: Any) -> Any:
        def call(*args: Any, **kwargs: Any) -> Any:
            threads.append(threading.current_thread())
            return fn(*args, **kwargs)

        return call

    monkeypatch.setattr(queries, "list_cases", recorded(queries.list_cases))
    monkeypatch.setattr(mediators, "list_mediators", recorded(mediators.list_mediators))
    page.refresh()
    type_text(page.ui.searchEdit, "王永年")
    page.ui.stateCombo.setCurrentIndex(1)
    qtbot.waitUntil(
        lambda: (
            page.model.case_filter.status == "accepted"
            and loaded(page)
            and page.ui.mediatorCombo.count() == 1
            and not page.tasks.busy
        )
    )
    assert page.model.case_filter.query == "王永年" and page.model.rowCount() == 2
    assert len(threads) >= 2 and threading.main_thread() not in threads


def test_ctrl_f_shows_the_cases_and_their_search_box(
    qtbot: Any, desk: Desk, admin: Actor, tasks: TaskManager, gui_settings: DeskSettings
) -> None:
    window = MainWindow(desk, tasks, gui_settings, admin)
    qtbot.addWidget(window)
    window.show()
    try:
        nav = window.ui.navList
        assert [nav.item(i).text() for i in range(nav.count())] == [
            "工作台",
            "受理",
            "案件",
            "调解员",
            "回访",
            "统计",
            "平安绿币",
            "一单一码",
            "平安手环",
            "同步",
            "设置",
            "操作员",
        ]
        assert window.search_action.shortcut() == QKeySequence("Ctrl+F")
        window.search_action.trigger()
        assert window.current_page() is window.cases
        assert window.focusWidget() is window.cases.ui.searchEdit
        assert window.intake_action.shortcut() == QKeySequence("Ctrl+N")
        window.intake_action.trigger()
        assert window.current_page() is window.intake
    finally:
        window.close()
        qtbot.waitUntil(lambda: not tasks.busy)
