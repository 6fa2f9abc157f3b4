"""The window's lists for a 调解员: the 案件 page (its list and its search by name, phone, ID number,
number and case text), the 工作台 and the 回访 page show only the cases they are or were assigned
to; another operator logging in on the same page never sees the previous one's rows."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from authorization_helpers import OTHER_FACTS, OTHER_NAME, Scene, build_scene
from PySide6.QtWidgets import QTableWidget

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.gui.case_list_model import NUMBER, PARTIES
from mediation_desk.gui.pages.cases import CasesPage
from mediation_desk.gui.pages.dashboard import CASE_ID_ROLE, DashboardPage
from mediation_desk.gui.pages.followups import FollowupsPage
from mediation_desk.gui.tasks import TaskManager


@pytest.fixture
def scene(desk: Desk, admin: Actor, mediator_actor: Actor, make_party: Any, intake_form: Any) -> Scene:
    return build_scene(desk, admin, mediator_actor, make_party, intake_form)


@pytest.fixture
def cases_page(qtbot: Any, desk: Desk, mediator_actor: Actor, tasks: TaskManager, scene: Scene) -> Iterator[CasesPage]:
    page = CasesPage(desk, tasks, mediator_actor)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    yield page
    qtbot.waitUntil(lambda: not tasks.busy)


def shown(qtbot: Any, page: CasesPage, search: str | None = None) -> dict[str, str]:
    """Number → parties of every row, once the list (or the search typed) has been read."""
    if search is not None:
        page.ui.searchEdit.setText(search)
        page.apply_filter()
    else:
        page.refresh()
    qtbot.waitUntil(lambda: not page.model.fetching and not page.search_timer.isActive() and not page.tasks.busy)
    m = page.model
    return {m.data(m.index(r, NUMBER)): m.data(m.index(r, PARTIES)) for r in range(m.rowCount())}


def test_the_cases_page_lists_the_mediators_cases_only(qtbot: Any, cases_page: CasesPage, scene: Scene) -> None:
    rows = shown(qtbot, cases_page)
    assert set(rows) == {scene.numbers[c] for c in scene.visible}
    assert not any(OTHER_NAME in parties or "冯长根" in parties for parties in rows.values())
    assert cases_page.ui.countLabel.text() == "共 2 件"


@pytest.mark.parametrize("key", ["name", "phone", "id_number", "number", "facts"])
def test_searching_the_cases_page_finds_nothing_of_another_mediators_case(
    qtbot: Any, cases_page: CasesPage, scene: Scene, key: str
) -> None:
    query = {
        "name": OTHER_NAME,
        "phone": scene.other_party["phone"],
        "id_number": scene.other_party["id_number"],
        "number": scene.numbers[scene.other],
        "facts": OTHER_FACTS[2:8],
    }[key]
    assert shown(qtbot, cases_page, query) == {}
    assert cases_page.ui.countLabel.text() == "共 0 件"
    assert set(shown(qtbot, cases_page, scene.mine_party["phone"])) == {scene.numbers[scene.mine]}


def test_another_operator_on_the_same_page_gets_their_own_list(
    qtbot: Any, cases_page: CasesPage, admin: Actor, mediator_actor: Actor, scene: Scene
) -> None:
    assert len(shown(qtbot, cases_page)) == 2
    cases_page.set_actor(admin)  # the window's operator_changed after a login
    assert cases_page.model.rowCount() == 0  # nothing read for the mediator stays on show
    assert set(shown(qtbot, cases_page)) == set(scene.numbers.values())
    cases_page.set_actor(mediator_actor)
    assert cases_page.model.rowCount() == 0
    assert set(shown(qtbot, cases_page, OTHER_NAME)) == set()


def test_the_dashboard_of_a_mediator(
    qtbot: Any, desk: Desk, tasks: TaskManager, mediator_actor: Actor, scene: Scene
) -> None:
    page = DashboardPage(desk, tasks, mediator_actor)
    qtbot.addWidget(page)
    page.refresh()
    qtbot.waitUntil(lambda: page.data is not None)
    ui = page.ui
    listed = {ui.overdueList.item(i).data(CASE_ID_ROLE) for i in range(ui.overdueList.count())}
    listed |= {ui.followupsList.item(i).data(CASE_ID_ROLE) for i in range(ui.followupsList.count())}
    assert listed == {scene.mine}
    assert ui.totalsLabel.text() == "案件共 2 件，在办 2 件"
    recent = " ".join(ui.recentList.item(i).text() for i in range(ui.recentList.count()))
    assert scene.numbers[scene.other] not in recent and scene.numbers[scene.mine] in recent


def column(table: QTableWidget, c: int = 0) -> list[str]:
    return [table.item(r, c).text() for r in range(table.rowCount())]


def test_the_follow_ups_page_of_a_mediator(
    qtbot: Any, desk: Desk, tasks: TaskManager, admin: Actor, mediator_actor: Actor, scene: Scene
) -> None:
    page = FollowupsPage(desk, tasks, mediator_actor)
    qtbot.addWidget(page)
    page.refresh()
    qtbot.waitUntil(lambda: page.lists is not None and not tasks.busy)
    assert column(page.ui.dueTable) == [scene.numbers[scene.mine]]
    assert column(page.ui.doneTable) == []
    page.actor, page.lists = admin, None  # as the window sets it after the 主任 logs in
    page.refresh()
    qtbot.waitUntil(lambda: page.lists is not None and not tasks.busy)
    assert column(page.ui.doneTable) == [scene.numbers[scene.other]]
