"""Accounts made in the window, end to end: the 主任 logs in, opens 操作员 and adds a 记录员 and a
调解员 (linked to the roster's 谢阿根) by typing; each then logs in after a lock. The 记录员 sees
every case; the 调解员 only the case he handles, not his colleague's."""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.gui.dialogs.operator_dialogs import OperatorDialog
from mediation_desk.gui.flow import DeskFlow
from mediation_desk.gui.login import LoginDialog
from mediation_desk.gui.main_window import MainWindow
from mediation_desk.gui.pages.operators import MEDIATOR, ROLE, USERNAME
from mediation_desk.mediation import assignment, intake, mediators
from mediation_desk.privacy import roles

PASSWORD = "Xietang-2026!"
CLERK_PASSWORD = "Jinxiaoyan-2026"
MEDIATOR_PASSWORD = "Xieagen-laoniangjiu"


def click(qtbot: Any, widget: Any) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def log_in(qtbot: Any, visible: Any, type_text: Any, username: str, password: str) -> None:
    qtbot.waitUntil(lambda: visible(LoginDialog) is not None, timeout=10_000)
    login = visible(LoginDialog)
    type_text(login.ui.usernameEdit, username)
    type_text(login.ui.passwordEdit, password)
    click(qtbot, login.ui.loginButton)
    qtbot.waitUntil(lambda: not login.isVisible(), timeout=10_000)


def add_account(
    qtbot: Any, window: MainWindow, visible: Any, type_text: Any, username: str, name: str, role: str, password: str
) -> OperatorDialog:
    page = window.operators
    click(qtbot, page.ui.addButton)
    dialog = visible(OperatorDialog)
    assert dialog is not None
    u = dialog.ui
    type_text(u.usernameEdit, username)
    type_text(u.displayNameEdit, name)
    u.roleCombo.setFocus()
    while u.roleCombo.currentData() != role:  # chosen with the arrow keys, as a clerk would
        qtbot.keyClick(u.roleCombo, Qt.Key.Key_Down)
    type_text(u.passwordEdit, password)
    type_text(u.passwordAgainEdit, password)
    return dialog


def save(qtbot: Any, window: MainWindow, dialog: OperatorDialog) -> None:
    click(qtbot, dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok))
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: not window.tasks.busy and not window.operators._loading, timeout=10_000)


def case_numbers(qtbot: Any, window: MainWindow) -> set[str]:
    window.go_to(window.cases)
    model = window.cases.model
    qtbot.waitUntil(lambda: not model.fetching and not window.tasks.busy, timeout=10_000)
    return {model.summary(row).number for row in range(model.rowCount())}


def test_a_clerk_and_a_mediator_added_in_the_window_each_see_what_is_theirs(
    qtbot: Any, flow: DeskFlow, desk: Desk, admin: Actor, visible: Any, type_text: Any, intake_form: Any
) -> None:
    xie = mediators.add_mediator(desk, admin, {"name": "谢阿根", "skills": ["neighbour"]}).id
    du = mediators.add_mediator(desk, admin, {"name": "杜关林", "skills": ["neighbour"]}).id
    his = intake.open_numbered_case(desk, admin, intake_form())
    other = intake.open_numbered_case(desk, admin, intake_form())
    assignment.assign(desk, admin, his.id, [xie], override_reason="离当事人家近")
    assignment.assign(desk, admin, other.id, [du], override_reason="离当事人家近")
    desk.lock()

    flow.start()
    log_in(qtbot, visible, type_text, "daicailiang", PASSWORD)
    window = flow.window
    assert window is not None
    nav = window.ui.navList
    titles = [nav.item(i).text() for i in range(nav.count())]
    nav.setCurrentRow(titles.index("操作员"))
    assert window.current_page() is window.operators
    qtbot.waitUntil(lambda: window.operators.loaded, timeout=10_000)

    dialog = add_account(qtbot, window, visible, type_text, "jinxiaoyan", "金晓燕", roles.CLERK, CLERK_PASSWORD)
    save(qtbot, window, dialog)
    dialog = add_account(qtbot, window, visible, type_text, "xieagen", "谢阿根", roles.MEDIATOR, MEDIATOR_PASSWORD)
    assert dialog.ui.mediatorCombo.isEnabled()
    assert dialog.ui.mediatorCombo.currentText() == "谢阿根"  # the roster's 谢阿根, found by his name
    save(qtbot, window, dialog)

    table = window.operators.ui.operatorTable
    listed = {
        table.item(r, USERNAME).text(): (table.item(r, ROLE).text(), table.item(r, MEDIATOR).text())
        for r in range(table.rowCount())
    }
    assert listed == {"daicailiang": ("主任", ""), "jinxiaoyan": ("记录员", ""), "xieagen": ("调解员", "谢阿根")}
    assert case_numbers(qtbot, window) == {his.number, other.number}

    window.ui.actionLock.trigger()
    log_in(qtbot, visible, type_text, "jinxiaoyan", CLERK_PASSWORD)
    qtbot.waitUntil(lambda: not window.locked)
    assert window.operator_label.text() == "操作员：金晓燕（记录员）"
    assert case_numbers(qtbot, window) == {his.number, other.number}  # the clerk keeps the register

    window.ui.actionLock.trigger()
    log_in(qtbot, visible, type_text, "xieagen", MEDIATOR_PASSWORD)
    qtbot.waitUntil(lambda: not window.locked)
    assert window.operator_label.text() == "操作员：谢阿根（调解员）"
    assert case_numbers(qtbot, window) == {his.number}  # only the case he handles
