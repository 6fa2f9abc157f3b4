"""回访 page: the visits due (overdue first, owed agreements included) and done (performance and
satisfaction) as the services list them; Enter, a double click or 记录回访 asks for the case."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import nullcontext
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget
from service_helpers import (
    Env,
    actor,
    add_mediator,
    agreement_data,
    assigned_case,
    case_row,
    make_env,
    parties_of,
    party,
    session_data,
    today,
)

from mediation_desk.core import uow
from mediation_desk.gui.case_labels import (
    AGREEMENT_FORM_NAMES,
    PERFORMANCE_NAMES,
    PREVENTION_NAMES,
    SATISFACTION_NAMES,
)
from mediation_desk.gui.pages import followups as followups_page
from mediation_desk.gui.pages.followups import (
    DONE_NUMBER,
    DONE_PERFORMANCE,
    DONE_RENEWED,
    DONE_SATISFACTION,
    DUE_NOTE,
    DUE_NUMBER,
    DUE_PERFORMANCE,
    DUE_STATE,
    DUE_WHEN,
    FollowupsPage,
)
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.mediation import agreement, followup, intake, sessions
from mediation_desk.mediation.followup_queries import follow_ups_done, follow_ups_due


@pytest.fixture
def env(tmp_path: Any) -> Iterator[Env]:
    e = make_env(tmp_path)
    yield e
    e.desk.close()


def agreed(env: Env, n: int, mediator_id: str | None = None, **agreement_kw: object) -> str:
    reached = agreement_kw.get("reached_on")
    # A case agreed weeks ago was accepted and heard before that day.
    moment = (
        uow.acting_at(dt.datetime.combine(reached, dt.time(9), tzinfo=dt.UTC))
        if isinstance(reached, dt.date)
        else nullcontext()
    )
    with moment:
        case_id, _ = assigned_case(env, mediator_id, parties=[party(f"甲{n}", 700 + n), party(f"乙{n}", 800 + n)])
        sessions.add_session(env.desk, env.admin, case_id, session_data(parties_of(env.desk, case_id)))
    agreement.record_agreement(env.desk, env.admin, case_id, agreement_data(form="oral", **agreement_kw))
    return case_id


def days(n: int) -> dt.date:
    return today() + dt.timedelta(days=n)


@pytest.fixture
def cases(env: Env) -> dict[str, str]:
    soon = agreed(env, 1)
    followup.schedule_follow_up(env.desk, env.admin, soon, days(4), "协议履行情况回访")
    overdue = agreed(env, 2)
    visit = followup.schedule_follow_up(env.desk, env.admin, overdue, days(-6), "协议履行情况回访")
    owed = agreed(env, 3, reached_on=days(-35), performance_deadline=None)  # none scheduled
    visited = agreed(env, 4)
    followup.record_follow_up(
        env.desk,
        env.admin,
        visited,
        {
            "performance_status": "partial",
            "satisfaction": "dissatisfied",
            "notes": "只付了一半",
            "renewed_conflict": True,
        },
    )
    return {"soon": soon, "overdue": overdue, "overdue_visit": visit, "owed": owed, "visited": visited}


@pytest.fixture
def page(qtbot: Any, env: Env, tasks: TaskManager) -> FollowupsPage:
    widget = FollowupsPage(env.desk, tasks, env.admin)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def load(qtbot: Any, page: FollowupsPage) -> None:
    page.lists = None
    page.refresh()
    qtbot.waitUntil(lambda: page.lists is not None and not page.tasks.busy)


def column(table: QTableWidget, c: int) -> list[str]:
    return [table.item(r, c).text() for r in range(table.rowCount())]


def test_due_and_done_lists_as_the_services_give_them(
    qtbot: Any, page: FollowupsPage, env: Env, cases: dict[str, str]
) -> None:
    load(qtbot, page)
    u = page.ui
    number = {k: case_row(env.desk, v).number for k, v in cases.items() if k != "overdue_visit"}
    assert column(u.dueTable, DUE_NUMBER) == [number["overdue"], number["owed"], number["soon"]]
    assert [v.case_number for v in follow_ups_due(env.desk, env.admin)] == column(u.dueTable, DUE_NUMBER)
    assert column(u.dueTable, DUE_WHEN) == ["逾期 6 天", "逾期 5 天", "还有 4 天"]
    assert column(u.dueTable, DUE_STATE) == ["已达成协议"] * 3
    assert column(u.dueTable, DUE_PERFORMANCE) == ["未到期"] * 3
    notes = column(u.dueTable, DUE_NOTE)
    assert notes[0] == "协议履行情况回访" and notes[1].startswith("尚未安排回访")
    assert u.dueTable.item(0, DUE_WHEN).foreground().color().name() == "#b00020"  # overdue stands out
    assert u.summaryLabel.text() == "待回访 3 件，其中逾期 2 件"
    (done,) = follow_ups_done(env.desk, env.admin)
    assert column(u.doneTable, DONE_NUMBER) == [number["visited"]] == [done.case_number]
    assert column(u.doneTable, DONE_PERFORMANCE) == ["部分履行"]
    assert column(u.doneTable, DONE_SATISFACTION) == ["不满意"]
    assert column(u.doneTable, DONE_RENEWED) == ["是"]
    texts = [
        table.item(r, c).text()
        for table in (u.dueTable, u.doneTable)
        for r in range(table.rowCount())
        for c in range(table.columnCount())
    ]
    assert not any("甲" in text or "乙" in text for text in texts)  # case numbers, no names

    # A visit recorded on the case page leaves the due list at the next refresh.
    followup.record_follow_up(
        env.desk,
        env.admin,
        cases["overdue"],
        {
            "follow_up_id": cases["overdue_visit"],
            "performance_status": "fully_performed",
            "satisfaction": "satisfied",
            "notes": "履行完毕",
        },
    )
    load(qtbot, page)
    assert column(u.dueTable, DUE_NUMBER) == [number["owed"], number["soon"]]
    assert column(u.doneTable, DONE_NUMBER) == [number["overdue"], number["visited"]]
    assert column(u.doneTable, DONE_SATISFACTION) == ["满意", "不满意"]


def test_record_button_enter_and_double_click_ask_for_the_case(
    qtbot: Any, page: FollowupsPage, cases: dict[str, str]
) -> None:
    load(qtbot, page)
    u = page.ui
    assert not u.recordButton.isEnabled()
    u.dueTable.selectRow(1)
    assert u.recordButton.isEnabled()
    with qtbot.waitSignal(page.case_requested) as asked:
        qtbot.mouseClick(u.recordButton, Qt.MouseButton.LeftButton)
    assert asked.args == [cases["owed"]]

    u.dueTable.setFocus()
    u.dueTable.setCurrentCell(2, 0)
    with qtbot.waitSignal(page.case_requested) as asked:
        qtbot.keyClick(u.dueTable, Qt.Key.Key_Return)
    assert asked.args == [cases["soon"]]

    where = u.doneTable.visualItemRect(u.doneTable.item(0, 0)).center()
    qtbot.mouseClick(u.doneTable.viewport(), Qt.MouseButton.LeftButton, pos=where)  # a double click's first press
    with qtbot.waitSignal(page.case_requested) as asked:
        qtbot.mouseDClick(u.doneTable.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert asked.args == [cases["visited"]]


def test_a_mediator_sees_the_visits_of_own_cases_only(
    qtbot: Any, page: FollowupsPage, env: Env, cases: dict[str, str]
) -> None:
    mediator_id = add_mediator(env, "王永年", skills=["neighbour"])
    own = agreed(env, 5, mediator_id)
    followup.schedule_follow_up(env.desk, env.admin, own, days(-1))
    page.actor = actor(env, "wangyn", "mediator", mediator_id=mediator_id)
    load(qtbot, page)
    assert column(page.ui.dueTable, DUE_NUMBER) == [case_row(env.desk, own).number]
    assert page.ui.doneTable.rowCount() == 0
    assert page.ui.summaryLabel.text() == "待回访 1 件，其中逾期 1 件"


def test_the_pages_names_are_the_services_own() -> None:
    assert PERFORMANCE_NAMES == agreement.PERFORMANCE
    assert SATISFACTION_NAMES == followup.SATISFACTION
    assert AGREEMENT_FORM_NAMES == agreement.FORMS
    assert PREVENTION_NAMES == intake.RISK_FLAGS


def test_an_empty_desk_says_so_and_the_range_reloads(qtbot: Any, page: FollowupsPage) -> None:
    load(qtbot, page)
    assert page.ui.dueTable.rowCount() == 0 and page.ui.doneTable.rowCount() == 0
    assert page.ui.statusLabel.text() == "目前没有需要回访的案件"
    page.lists = None
    page.ui.doneRangeCombo.setCurrentIndex(page.ui.doneRangeCombo.findData(365))
    qtbot.waitUntil(lambda: page.lists is not None and not page.tasks.busy)
    assert page.ui.doneRangeCombo.currentText() == "近一年"


def test_a_long_list_shows_the_earliest_and_counts_them_all(
    qtbot: Any, page: FollowupsPage, cases: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(followups_page, "LIST_MAX", 2)  # a desk with hundreds of visits due, in small
    load(qtbot, page)
    u = page.ui
    assert u.dueTable.rowCount() == 2 and u.dueBox.title() == "待回访（最早的 2 件，共 3 件，逾期的在前）"
    assert u.summaryLabel.text() == "待回访 3 件，其中逾期 2 件"
    assert u.doneBox.title() == "已回访（1）"
    monkeypatch.setattr(followups_page, "LIST_MAX", 1)
    load(qtbot, page)
    assert u.doneBox.title() == "已回访（1+）"
