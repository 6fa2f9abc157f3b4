"""The mouse wheel never changes a field the user has not chosen: every combo box, spin box and
date of the window's pages and of the dialogs with a form ignores a wheel passing over it."""

from __future__ import annotations

from typing import Any

from case_page_helpers import open_case, page, press  # noqa: F401  (page is a fixture)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QWidget
from service_helpers import Env, assigned_case, env, mediating_case  # noqa: F401  (env is a fixture)
from test_intake_feedback import value, wheel

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.gui.dialogs.mediator_dialog import MediatorDialog
from mediation_desk.gui.main_window import MainWindow
from mediation_desk.gui.pages.case_page import CasePage
from mediation_desk.gui.settings import DeskSettings
from mediation_desk.gui.tasks import TaskManager


def choosers(root: QWidget) -> list[QWidget]:
    return [w for w in root.findChildren(QWidget) if isinstance(w, (QComboBox, QAbstractSpinBox))]


def assert_guarded(root: QWidget) -> None:
    found = choosers(root)
    assert found
    for widget in found:
        assert widget.focusPolicy() == Qt.FocusPolicy.StrongFocus, f"{type(root).__name__}.{widget.objectName()}"
        if widget.isEnabled() and not widget.hasFocus():
            for steps in (-1, 1):  # one way or the other, an unguarded one would change
                before = value(widget)
                wheel(widget, steps)
                assert value(widget) == before, f"{type(root).__name__}.{widget.objectName()}"


def test_every_page_of_the_window(
    qtbot: Any, desk: Desk, admin: Actor, tasks: TaskManager, gui_settings: DeskSettings
) -> None:
    window = MainWindow(desk, tasks, gui_settings, admin)
    qtbot.addWidget(window)
    window.show()
    window.build_all_pages()  # pages are made when first shown: every one of them here
    try:
        assert_guarded(window)  # the filters of the cases, the settings, the follow-ups, the points …
    finally:
        window.close()
        qtbot.waitUntil(lambda: not tasks.busy)


def test_every_dialog_of_the_case_page(qtbot: Any, page: CasePage, env: Env) -> None:
    case_id, _ = assigned_case(env)
    open_case(qtbot, page, case_id)
    for action in ("session", "agreement", "escalate", "assign"):
        if action not in page.action_buttons or not page.action_buttons[action].isEnabled():
            continue
        dialog = press(qtbot, page, action)
        qtbot.waitUntil(lambda: not page.tasks.busy)
        assert_guarded(dialog)
        dialog.reject()
    case_id = mediating_case(env)
    open_case(qtbot, page, case_id)
    dialog = press(qtbot, page, "agreement")
    assert_guarded(dialog)
    dialog.reject()


def test_the_mediator_dialog(qtbot: Any, env: Env, tasks: TaskManager) -> None:
    dialog = MediatorDialog(env.desk, tasks, env.admin)
    qtbot.addWidget(dialog)
    dialog.show()
    assert_guarded(dialog)


def test_the_documents_dialog(qtbot: Any, env: Env, tasks: TaskManager) -> None:
    from mediation_desk.gui.documents_dialog import DocumentsDialog

    case_id, _ = assigned_case(env)
    dialog = DocumentsDialog(env.desk, tasks, env.admin, case_id, "number")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.available is not None and not tasks.busy, timeout=10_000)
    assert_guarded(dialog)  # the reason for printing
