"""操作员 page, driven as the 主任 would: the accounts with their roles, roster links and
lockouts; a lockout lifted, a password set anew (asked to confirm), an account retired and
brought back, one's own never retired; one's own password changed from the menu; a 记录员 sees
why the list is not theirs. The services do the work (and the audit) on the desk worker."""

from __future__ import annotations

from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from mediation_desk.administration import accounts
from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.errors import PermissionDenied
from mediation_desk.gui.dialogs.operator_dialogs import OperatorDialog, PasswordDialog
from mediation_desk.gui.main_window import MainWindow
from mediation_desk.gui.pages.operators import MEDIATOR, ROLE, STATE, USERNAME, OperatorsPage
from mediation_desk.gui.settings import DeskSettings
from mediation_desk.gui.tasks import TaskManager

PASSWORD = "Xietang-2026!"
NEW_PASSWORD = "Huangjiu-Shaoxing-88"


def make_page(qtbot: Any, desk: Desk, tasks: TaskManager, actor: Actor) -> OperatorsPage:
    page = OperatorsPage(desk, tasks, actor)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    load(qtbot, page)
    return page


def load(qtbot: Any, page: OperatorsPage) -> None:
    page.loaded = False
    page.refresh()
    qtbot.waitUntil(lambda: (page.loaded or not page.may_manage()) and not page.tasks.busy, timeout=10_000)


def rows(page: OperatorsPage) -> dict[str, list[str]]:
    table = page.ui.operatorTable
    return {
        table.item(r, USERNAME).text(): [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    }


def choose(page: OperatorsPage, username: str) -> None:
    page.select(username)
    assert page.selected_username() == username


def click(qtbot: Any, widget: Any) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def closed(dialog: Any) -> bool:
    """Saved: the dialog has closed (and, deleted on close, may be gone)."""
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def settle(qtbot: Any, page: OperatorsPage) -> None:
    qtbot.waitUntil(lambda: not page.tasks.busy and not page._loading, timeout=10_000)


def lock_out(desk: Desk, username: str) -> None:
    for _ in range(accounts.MAX_FAILED_LOGINS):
        with pytest.raises(PermissionDenied):
            accounts.authenticate(desk, username, "forgotten-it")


def test_the_accounts_with_roles_links_and_lockouts(
    qtbot: Any, desk: Desk, admin: Actor, clerk: Actor, mediator_actor: Actor, tasks: TaskManager
) -> None:
    lock_out(desk, "clerk")
    page = make_page(qtbot, desk, tasks, admin)
    listed = rows(page)
    assert set(listed) == {"daicailiang", "clerk", "xieagen"}
    assert listed["daicailiang"][ROLE] == "主任" and listed["daicailiang"][STATE] == "在用"
    assert listed["xieagen"][ROLE] == "调解员" and listed["xieagen"][MEDIATOR] == "谢阿根"
    assert "已锁定" in listed["clerk"][STATE] and "分钟后自动解除" in listed["clerk"][STATE]
    assert page.ui.countLabel.text() == "共 3 个账号，在用 3 个"
    assert page.ui.permissionLabel.text() == ""

    choose(page, "xieagen")
    assert not page.ui.unlockButton.isEnabled()  # not locked: nothing to lift
    choose(page, "clerk")
    assert page.ui.unlockButton.isEnabled()
    click(qtbot, page.ui.unlockButton)
    settle(qtbot, page)
    assert rows(page)["clerk"][STATE] == "在用"
    assert "已解除" in page.ui.statusLabel.text()
    assert page.selected_username() == "clerk"  # still chosen after the reload
    assert accounts.authenticate(desk, "clerk", PASSWORD).username == "clerk"


def test_a_password_set_anew_by_the_admin(
    qtbot: Any, desk: Desk, admin: Actor, clerk: Actor, tasks: TaskManager, messages: Any, visible: Any
) -> None:
    lock_out(desk, "clerk")
    page = make_page(qtbot, desk, tasks, admin)
    choose(page, "clerk")
    click(qtbot, page.ui.resetButton)
    dialog = visible(PasswordDialog)
    assert dialog is not None and dialog.windowTitle() == "重设密码"
    assert dialog.ui.oldPasswordEdit.isHidden()  # the 主任 does not know it
    assert "金晓燕（clerk）" in dialog.ui.introLabel.text()
    dialog.ui.newPasswordEdit.setText("short")
    dialog.ui.passwordAgainEdit.setText("short")
    ok = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    click(qtbot, ok)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.ui.newPasswordError.text() != "", timeout=10_000)
    assert "至少 8 位" in dialog.ui.newPasswordError.text()  # the service's rule, under its field
    dialog.ui.newPasswordEdit.setText(NEW_PASSWORD)
    dialog.ui.passwordAgainEdit.setText(NEW_PASSWORD)
    click(qtbot, ok)
    assert any("重设密码" in text for text in messages.texts("question"))  # asked before it is done
    qtbot.waitUntil(lambda: closed(dialog), timeout=10_000)
    settle(qtbot, page)
    assert "已为「金晓燕」重设密码" in page.ui.statusLabel.text()
    assert rows(page)["clerk"][STATE] == "在用"  # the lockout went with it
    desk.lock()
    assert accounts.authenticate(desk, "clerk", NEW_PASSWORD).username == "clerk"


def test_an_account_retired_and_brought_back(
    qtbot: Any, desk: Desk, admin: Actor, clerk: Actor, tasks: TaskManager, messages: Any
) -> None:
    page = make_page(qtbot, desk, tasks, admin)
    choose(page, "daicailiang")
    assert not page.ui.activeButton.isEnabled()  # never one's own
    choose(page, "clerk")
    assert page.ui.activeButton.text() == "停用账号(&D)…"
    messages.answer = messages.answer.No
    click(qtbot, page.ui.activeButton)
    settle(qtbot, page)
    assert rows(page)["clerk"][STATE] == "在用"  # answered no: nothing changed
    messages.answer = messages.answer.Yes
    click(qtbot, page.ui.activeButton)
    settle(qtbot, page)
    assert rows(page)["clerk"][STATE] == "已停用"
    assert page.ui.countLabel.text() == "共 2 个账号，在用 1 个"
    with pytest.raises(PermissionDenied):
        accounts.authenticate(desk, "clerk", PASSWORD)
    assert page.ui.activeButton.text() == "恢复启用(&D)" and not page.ui.resetButton.isEnabled()
    click(qtbot, page.ui.activeButton)
    settle(qtbot, page)
    assert rows(page)["clerk"][STATE] == "在用"
    assert accounts.authenticate(desk, "clerk", PASSWORD).username == "clerk"


def test_a_clerk_sees_why_the_list_is_not_theirs(
    qtbot: Any, desk: Desk, clerk: Actor, tasks: TaskManager, visible: Any
) -> None:
    page = make_page(qtbot, desk, tasks, clerk)
    assert page.ui.operatorTable.rowCount() == 0
    assert "由主任管理" in page.ui.permissionLabel.text() and "修改自己的密码" in page.ui.permissionLabel.text()
    assert not page.ui.addButton.isEnabled() and page.ui.ownPasswordButton.isEnabled()
    assert page.add_operator() is None


def test_my_own_password_changed_from_the_menu(
    qtbot: Any, desk: Desk, admin: Actor, tasks: TaskManager, gui_settings: DeskSettings, visible: Any
) -> None:
    window = MainWindow(desk, tasks, gui_settings, admin)
    qtbot.addWidget(window)
    window.show()
    try:
        action = window.password_action
        assert action in window.ui.menuDesk.actions() and action.text() == "修改我的密码(&P)…"
        action.trigger()
        dialog = visible(PasswordDialog)
        assert dialog is not None and dialog.windowTitle() == "修改我的密码"
        assert dialog.ui.oldPasswordEdit.isVisible()
        ok = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        dialog.ui.oldPasswordEdit.setText("not-my-password")
        dialog.ui.newPasswordEdit.setText(NEW_PASSWORD)
        dialog.ui.passwordAgainEdit.setText(NEW_PASSWORD)
        click(qtbot, ok)
        qtbot.waitUntil(lambda: not dialog.busy and dialog.ui.oldPasswordError.text() != "", timeout=10_000)
        assert dialog.ui.oldPasswordError.text() == "原密码不正确" and dialog.isVisible()
        dialog.ui.oldPasswordEdit.setText(PASSWORD)
        dialog.ui.passwordAgainEdit.setText(NEW_PASSWORD)
        click(qtbot, ok)
        qtbot.waitUntil(lambda: closed(dialog), timeout=10_000)
        assert "您的密码已修改" in window.operators.ui.statusLabel.text()
        desk.lock()
        with pytest.raises(PermissionDenied):
            accounts.authenticate(desk, "daicailiang", PASSWORD)
        accounts.authenticate(desk, "daicailiang", NEW_PASSWORD)
    finally:
        window.close()
        qtbot.waitUntil(lambda: not tasks.busy)


def test_a_new_account_named_twice_is_refused_under_its_field(
    qtbot: Any, desk: Desk, admin: Actor, clerk: Actor, tasks: TaskManager, visible: Any
) -> None:
    page = make_page(qtbot, desk, tasks, admin)
    click(qtbot, page.ui.addButton)
    dialog = visible(OperatorDialog)
    assert dialog is not None
    assert [dialog.ui.roleCombo.itemText(i) for i in range(dialog.ui.roleCombo.count())] == ["主任", "记录员", "调解员"]
    assert dialog.ui.roleCombo.currentText() == "记录员" and not dialog.ui.mediatorCombo.isEnabled()
    dialog.ui.usernameEdit.setText("clerk")
    dialog.ui.displayNameEdit.setText("金晓燕")
    dialog.ui.passwordEdit.setText(PASSWORD)
    dialog.ui.passwordAgainEdit.setText(PASSWORD + "x")
    ok = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    click(qtbot, ok)
    assert "不一样" in dialog.ui.passwordAgainError.text()  # nothing sent
    dialog.ui.passwordAgainEdit.setText(PASSWORD)
    click(qtbot, ok)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.ui.usernameError.text() != "", timeout=10_000)
    assert "已被使用" in dialog.ui.usernameError.text() and dialog.isVisible()
    dialog.reject()
