"""The main window's own actions: Ctrl+P opens the documents of the case shown (and nothing
elsewhere), 核验协议书… opens one verify dialog, and every page of the navigation is reachable."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.gui.main_window import MainWindow
from mediation_desk.gui.settings import DeskSettings
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.gui.verify_dialog import VerifyDialog
from mediation_desk.mediation import intake


@pytest.fixture
def window(
    qtbot: Any, desk: Desk, admin: Actor, tasks: TaskManager, gui_settings: DeskSettings
) -> Iterator[MainWindow]:
    main = MainWindow(desk, tasks, gui_settings, admin)
    qtbot.addWidget(main)
    main.show()
    yield main
    main.close()
    qtbot.waitUntil(lambda: not tasks.busy)


def test_ctrl_p_opens_the_documents_of_the_case_shown(
    qtbot: Any, window: MainWindow, desk: Desk, admin: Actor, intake_form: Any
) -> None:
    window.documents_action.trigger()  # on the dashboard: nothing to print
    assert window.case_page.documents_dialog is None
    case_id = intake.open_case(desk, admin, intake_form())
    window.open_case(case_id)
    qtbot.waitUntil(lambda: window.case_page.view is not None and not window.tasks.busy, timeout=10_000)
    window.documents_action.trigger()
    dialog = window.case_page.documents_dialog
    assert dialog is not None and dialog.isVisible() and dialog.case_id == case_id
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=10_000)
    dialog.close()


def test_the_verify_dialog_opens_once(qtbot: Any, window: MainWindow) -> None:
    window.verify_action.trigger()
    window.verify_action.trigger()
    dialogs = [d for d in window.findChildren(VerifyDialog) if d.isVisible()]
    assert len(dialogs) == 1
    dialogs[0].close()


def test_every_page_of_the_navigation_is_shown_and_the_case_page_goes_back(qtbot: Any, window: MainWindow) -> None:
    nav = window.ui.navList
    for row in range(nav.count()):
        window.go_to(window.ui.pageStack.widget(row))
        assert window.ui.pageStack.currentIndex() == row and nav.currentRow() == row
        qtbot.waitUntil(lambda: not window.tasks.busy, timeout=10_000)
    window.search_cases()
    assert window.current_page() is window.cases
