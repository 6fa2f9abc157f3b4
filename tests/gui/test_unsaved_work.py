"""No silent loss: work typed but not saved — the intake form, the settings, a dialog's form — is
asked about (save / discard / stay) before the window quits (Ctrl+Q, ×), locks (Ctrl+L) or shows
another page; a dialog asks too when closed with Escape, while its Cancel button drops quietly."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from test_intake_page import fill_intake

from mediation_desk.core.uow import SYSTEM, Actor
from mediation_desk.desk import Desk
from mediation_desk.gui.dialogs.follow_up import FollowUpDialog
from mediation_desk.gui.main_window import MainWindow
from mediation_desk.gui.settings import DeskSettings
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.mediation import intake, queries

SAVE, DISCARD, STAY = (
    QMessageBox.StandardButton.Save,
    QMessageBox.StandardButton.Discard,
    QMessageBox.StandardButton.Cancel,
)


@pytest.fixture
def window(
    qtbot: Any, desk: Desk, admin: Actor, tasks: TaskManager, gui_settings: DeskSettings, messages: Any
) -> Iterator[MainWindow]:
    main = MainWindow(desk, tasks, gui_settings, admin)
    qtbot.addWidget(main)
    main.show()
    yield main
    messages.answer = DISCARD  # whatever a test left typed: the window closes
    main.close()
    qtbot.waitUntil(lambda: not tasks.busy)


def asked(messages: Any) -> list[str]:
    return [text for kind, title, text in messages.shown if kind == "question" and title == "尚未保存"]


def nav_row(window: MainWindow) -> int:
    return window.ui.navList.currentRow()


def row_of(window: MainWindow, page: Any) -> int:
    return window.ui.pageStack.indexOf(page)


def start_intake(window: MainWindow) -> None:
    window.intake_action.trigger()  # Ctrl+N
    window.intake.ui.briefFacts.setPlainText("两家因宅基地边界的围墙高度发生争执")


def test_ctrl_q_asks_before_an_unsaved_intake_is_lost(qtbot: Any, window: MainWindow, messages: Any) -> None:
    start_intake(window)
    messages.answer = STAY
    window.ui.actionQuit.trigger()  # Ctrl+Q
    assert window.isVisible()  # stayed: nothing lost
    (question,) = asked(messages)
    assert "受理登记" in question and "退出" in question
    assert window.current_page() is window.intake
    assert window.intake.ui.briefFacts.toPlainText() == "两家因宅基地边界的围墙高度发生争执"

    messages.answer = DISCARD
    with qtbot.waitSignal(window.closed, timeout=5000):
        window.ui.actionQuit.trigger()
    assert not window.isVisible()


def test_quitting_from_another_page_shows_the_intake_first(qtbot: Any, window: MainWindow, messages: Any) -> None:
    start_intake(window)
    messages.answer = DISCARD
    window.go_to(window.dashboard)  # leaving it: discarded
    start_intake(window)
    messages.answer = STAY
    window.go_to(window.cases)
    assert window.current_page() is window.intake  # stayed
    window.intake.ui.briefFacts.setFocus()
    messages.shown.clear()
    window.close()  # the window's ×
    assert window.isVisible() and window.current_page() is window.intake and len(asked(messages)) == 1


def test_save_from_the_question_saves_then_quits(
    qtbot: Any, window: MainWindow, desk: Desk, messages: Any, type_text: Any
) -> None:
    window.intake_action.trigger()
    fill_intake(window.intake, type_text, qtbot)
    messages.answer = SAVE
    with qtbot.waitSignal(window.closed, timeout=10_000):
        window.ui.actionQuit.trigger()
    [case] = queries.list_cases(desk, SYSTEM)
    assert case.party_names == ("王永年", "陈秀英")


def test_a_refused_save_keeps_the_window_and_says_why(
    qtbot: Any, window: MainWindow, desk: Desk, messages: Any
) -> None:
    start_intake(window)  # facts only: no party named
    messages.answer = SAVE
    window.ui.actionQuit.trigger()
    qtbot.waitUntil(lambda: not window.intake.saving, timeout=10_000)
    qtbot.wait(50)
    assert window.isVisible() and "未保存" in window.intake.ui.statusLabel.text()
    assert queries.list_cases(desk, SYSTEM) == []


def test_ctrl_l_asks_first(qtbot: Any, window: MainWindow, desk: Desk, messages: Any) -> None:
    start_intake(window)
    messages.answer = STAY
    window.ui.actionLock.trigger()  # Ctrl+L
    qtbot.wait(100)
    assert not window.locked and desk.vault is not None
    assert "锁定" in asked(messages)[0]

    messages.answer = DISCARD
    window.ui.actionLock.trigger()
    qtbot.waitUntil(lambda: window.locked, timeout=5000)
    assert window.intake.ui.briefFacts.toPlainText() == ""  # discarded, as chosen


def test_changing_page_asks_and_staying_keeps_the_navigation_on_the_form(
    qtbot: Any, window: MainWindow, messages: Any
) -> None:
    start_intake(window)
    nav = window.ui.navList
    messages.answer = STAY
    item = nav.item(row_of(window, window.cases))
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=nav.visualItemRect(item).center())
    assert window.current_page() is window.intake and nav_row(window) == row_of(window, window.intake)
    assert len(asked(messages)) == 1 and "离开此页" in asked(messages)[0]
    assert window.intake.ui.briefFacts.toPlainText() != ""

    messages.answer = DISCARD
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=nav.visualItemRect(item).center())
    assert window.current_page() is window.cases and nav_row(window) == row_of(window, window.cases)
    assert window.intake.unsaved_work() is None


def test_settings_typed_but_not_applied_are_asked_about(qtbot: Any, window: MainWindow, messages: Any) -> None:
    window.go_to(window.settings_page)
    qtbot.waitUntil(lambda: not window.tasks.busy)
    edit = window.settings_page.ui.idleMinutesEdit
    saved = edit.text()
    edit.setText("45")
    messages.answer = STAY
    window.go_to(window.dashboard)
    assert window.current_page() is window.settings_page and edit.text() == "45"
    assert "设置" in asked(messages)[0]
    messages.answer = DISCARD
    window.go_to(window.dashboard)
    assert window.current_page() is window.dashboard and edit.text() == saved


def test_a_dialog_asks_on_escape_and_on_quit(
    qtbot: Any, window: MainWindow, desk: Desk, admin: Actor, intake_form: Any, messages: Any
) -> None:
    case_id = intake.open_case(desk, admin, intake_form())
    window.open_case(case_id)
    page = window.case_page
    qtbot.waitUntil(lambda: page.view is not None and not window.tasks.busy, timeout=10_000)
    dialog = FollowUpDialog(desk, window.tasks, admin, case_id, "number", parent=page)
    page.dialog = dialog
    dialog.open()
    assert dialog.unsaved_work() is None
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing typed: closes at once
    assert not dialog.isVisible() and asked(messages) == []

    dialog = FollowUpDialog(desk, window.tasks, admin, case_id, "number", parent=page)
    dialog.open()
    dialog.ui.notes.setPlainText("当事人已按协议履行")
    messages.answer = STAY
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and len(asked(messages)) == 1
    dialog.close()  # the title bar's ×
    assert dialog.isVisible() and len(asked(messages)) == 2

    window.close()  # the window asks about the dialog too (its title names it)
    assert window.isVisible() and dialog.isVisible() and dialog.windowTitle() in asked(messages)[-1]
    messages.answer = DISCARD
    with qtbot.waitSignal(window.closed, timeout=5000):
        window.close()
    assert not dialog.isVisible()


def test_cancel_drops_a_dialogs_form_without_asking(
    qtbot: Any, window: MainWindow, desk: Desk, admin: Actor, intake_form: Any, messages: Any
) -> None:
    case_id = intake.open_case(desk, admin, intake_form())
    dialog = FollowUpDialog(desk, window.tasks, admin, case_id, "number", parent=window)
    dialog.open()
    dialog.ui.notes.setPlainText("当事人已按协议履行")
    qtbot.mouseClick(dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and asked(messages) == []
