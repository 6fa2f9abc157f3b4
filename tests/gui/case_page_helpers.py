"""Builders for the case page tests: the page on a prepared desk (`env`, fast), a case opened
and read, the dialog the page presents, and waiting until a save has been read back."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from service_helpers import Env

from mediation_desk.gui.pages.case_page import CasePage
from mediation_desk.gui.tasks import TaskManager


@pytest.fixture
def page(qtbot: Any, env: Env, tasks: TaskManager) -> Iterator[CasePage]:
    case_page = CasePage(env.desk, tasks, env.admin)
    qtbot.addWidget(case_page)
    case_page.resize(1200, 800)
    case_page.show()
    yield case_page
    qtbot.waitUntil(lambda: not tasks.busy)
    if case_page.dialog is not None:
        case_page.dialog.close()


def settled(page: CasePage) -> bool:
    return not page.loading and not page.tasks.busy


def open_case(qtbot: Any, page: CasePage, case_id: str) -> None:
    page.show_case(case_id)
    qtbot.waitUntil(lambda: settled(page) and page.view is not None and page.view.case_id == case_id)


def offered(page: CasePage) -> dict[str, bool]:
    """The action buttons shown, in order, and whether each can be pressed."""
    layout = page.ui.actionsLayout
    buttons = [layout.itemAt(i).widget() for i in range(layout.count())]
    return {
        b.objectName().removeprefix("action_"): b.isEnabled()
        for b in buttons
        if b is not None and b.objectName().startswith("action_")
    }


def press(qtbot: Any, page: CasePage, key: str) -> Any:
    """Click an action's button; returns the dialog it opened."""
    button = page.action_buttons[key]
    assert button.isEnabled(), page.blocked_labels.get(key)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def click_ok(qtbot: Any, dialog: QWidget) -> None:
    button = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)  # type: ignore[attr-defined]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def save(qtbot: Any, page: CasePage, dialog: Any) -> None:
    """OK, then wait for the service and for the page to show the case read back."""
    click_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.busy and settled(page), timeout=10_000)
    assert not dialog.isVisible(), dialog.ui.messageLabel.text()


def refuse(qtbot: Any, page: CasePage, dialog: Any) -> None:
    """OK on a form the service will refuse: it stays open with its problems shown."""
    click_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.busy and settled(page), timeout=10_000)
    assert dialog.isVisible()


def record_session_towards_agreement(qtbot: Any, page: CasePage, type_text: Any) -> None:
    """A session of both parties through the dialog, ending in agreement: the case is then
    under mediation."""
    dialog = press(qtbot, page, "session")
    type_text(dialog.ui.place, "谢家塘村调解室")
    for edit, said in zip(dialog.statements, ("围墙挡光", "地基是我家的"), strict=True):
        type_text(edit, said)
    type_text(dialog.ui.result, "双方同意围墙降低三十公分")
    dialog.ui.outcome.setCurrentIndex(dialog.ui.outcome.findData("agreement"))
    save(qtbot, page, dialog)
    assert page.view.status == "in_mediation"


def record_written_agreement(qtbot: Any, page: CasePage, type_text: Any, first_term: str) -> None:
    """A written agreement of two parties through the terms editor: one copy each and one kept."""
    dialog = press(qtbot, page, "agreement")
    type_text(dialog.ui.disputedIssues, "围墙是否降低")
    dialog.ui.termsTable.item(0, 0).setText(first_term)
    type_text(dialog.ui.performanceMethod, "自行施工")
    save(qtbot, page, dialog)
    assert page.view.status == "agreed" and "本协议一式3份" in page.ui.agreementLabel.text()
