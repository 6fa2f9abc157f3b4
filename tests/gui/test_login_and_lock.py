"""Login with a wrong then the right password, lockout (with the way on), 忘记密码 with the
recovery key, elder mode offered, the main window, the idle lock and
Ctrl+L (the data key and the device token wiped together), another operator's login reaching
every page through one signal, and an old unencrypted desk offered protection at login."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialogButtonBox

from mediation_desk.administration import accounts
from mediation_desk.administration.accounts import CommitteeView
from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.gui.flow import DeskFlow
from mediation_desk.gui.font_mode import ElderModeCheck
from mediation_desk.gui.forgot_password import ForgotPasswordDialog
from mediation_desk.gui.login import LoginDialog
from mediation_desk.gui.main_window import LOCKED_SCREEN, WORK_SCREEN, MainWindow
from mediation_desk.gui.recovery_key import RecoveryKeyDialog
from mediation_desk.gui.settings import DeskSettings
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.gui.verify_dialog import VerifyDialog
from mediation_desk.lifecycle import protect
from mediation_desk.mediation import intake
from mediation_desk.paths import AppPaths
from mediation_desk.privacy import crypto
from mediation_desk.privacy.vault import Locked
from mediation_desk.sync import credentials

PASSWORD = "Xietang-2026!"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def log_in(qtbot: Any, dialog: LoginDialog, type_text: Any, username: str, password: str) -> None:
    type_text(dialog.ui.usernameEdit, username)
    type_text(dialog.ui.passwordEdit, password)
    qtbot.mouseClick(dialog.ui.loginButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.ui.loginButton.isEnabled(), timeout=10_000)


@pytest.fixture
def locked_desk(desk: Desk, admin: Actor, intake_form: Any) -> Desk:
    """A set-up desk with one case, locked as it is when the window starts."""
    intake.open_case(desk, admin, intake_form())
    desk.lock()
    return desk


@pytest.fixture
def window(qtbot: Any, flow: DeskFlow, locked_desk: Desk, visible: Any, type_text: Any) -> MainWindow:
    flow.start()
    log_in(qtbot, visible(LoginDialog), type_text, "daicailiang", PASSWORD)
    qtbot.waitUntil(lambda: flow.window is not None and flow.window.isVisible())
    assert flow.window is not None
    return flow.window


def test_wrong_then_right_password(
    qtbot: Any, flow: DeskFlow, locked_desk: Desk, visible: Any, type_text: Any, gui_settings: DeskSettings
) -> None:
    flow.start()
    dialog = visible(LoginDialog)
    assert dialog is not None and visible(MainWindow) is None
    log_in(qtbot, dialog, type_text, "daicailiang", "not-the-password")
    assert dialog.ui.messageLabel.text() == "用户名或密码错误"
    assert dialog.isVisible() and locked_desk.vault is None
    assert dialog.ui.passwordEdit.text() == ""

    log_in(qtbot, dialog, type_text, "daicailiang", PASSWORD)
    qtbot.waitUntil(lambda: visible(MainWindow) is not None)
    assert not dialog.isVisible() and locked_desk.vault is not None
    assert gui_settings.last_operator == "daicailiang"

    window = flow.window
    assert window.operator_label.text() == "操作员：戴才良（主任）"
    assert window.lock_label.text() == "已解锁"
    qtbot.waitUntil(lambda: window.dashboard.data is not None)
    assert window.dashboard.count_labels["accepted"].text() == "1"
    assert window.dashboard.ui.totalsLabel.text() == "案件共 1 件，在办 1 件"
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


def test_lockout_is_explained_with_the_way_on(
    qtbot: Any, flow: DeskFlow, locked_desk: Desk, visible: Any, type_text: Any
) -> None:
    flow.start()
    dialog = visible(LoginDialog)
    for _ in range(4):
        log_in(qtbot, dialog, type_text, "daicailiang", "not-the-password")
    assert dialog.ui.messageLabel.text() == "用户名或密码错误"
    log_in(qtbot, dialog, type_text, "daicailiang", "not-the-password")
    message = dialog.ui.messageLabel.text()
    assert "锁定" in message and "15 分钟" in message
    # Not only "wait": the 主任 can lift it, and 忘记密码 leads on.
    assert "主任在「操作员」页解除锁定" in message and "「忘记密码」" in message
    assert dialog.focusWidget() is dialog.ui.forgotButton
    log_in(qtbot, dialog, type_text, "daicailiang", PASSWORD)  # even the right one, for now
    assert "锁定" in dialog.ui.messageLabel.text() and locked_desk.vault is None
    assert "解除锁定" in dialog.ui.messageLabel.text()


def test_forgotten_password_recovered_with_the_recovery_key(
    qtbot: Any,
    flow: DeskFlow,
    locked_desk: Desk,
    committee: CommitteeView,
    visible: Any,
    type_text: Any,
    gui_settings: DeskSettings,
) -> None:
    flow.start()
    login = visible(LoginDialog)
    for _ in range(5):  # locked out as well
        log_in(qtbot, login, type_text, "daicailiang", "forgotten-it")
    type_text(login.ui.usernameEdit, "daicailiang")
    assert login.ui.forgotButton.text() == "忘记密码(&F)…"
    qtbot.mouseClick(login.ui.forgotButton, Qt.MouseButton.LeftButton)
    forgot = visible(ForgotPasswordDialog)
    assert forgot is not None and forgot.parent() is login
    assert "主任" in forgot.ui.adminWayLabel.text() and "恢复密钥" in forgot.ui.recoveryWayLabel.text()
    assert forgot.ui.usernameEdit.text() == "daicailiang"
    ok = forgot.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "重设密码并登录"

    wrong = crypto.format_recovery_key(crypto.new_recovery_key())
    type_text(forgot.ui.recoveryKeyEdit, wrong)
    type_text(forgot.ui.newPasswordEdit, "Huangjiu-Shaoxing-88")
    type_text(forgot.ui.passwordAgainEdit, "Huangjiu-Shaoxing-88")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not forgot.busy and forgot.ui.recoveryKeyError.text() != "", timeout=10_000)
    assert "恢复密钥不正确" in forgot.ui.recoveryKeyError.text()
    assert forgot.isVisible() and locked_desk.vault is None

    assert committee.recovery_key is not None
    type_text(forgot.ui.recoveryKeyEdit, committee.recovery_key.lower())
    type_text(forgot.ui.passwordAgainEdit, "Huangjiu-Shaoxing-8")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert "不一样" in forgot.ui.passwordAgainError.text()  # nothing sent
    type_text(forgot.ui.passwordAgainEdit, "Huangjiu-Shaoxing-88")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: flow.window is not None and flow.window.isVisible(), timeout=10_000)
    assert not login.isVisible() and locked_desk.vault is not None
    assert flow.window.operator_label.text() == "操作员：戴才良（主任）"
    assert gui_settings.last_operator == "daicailiang"
    locked_desk.lock()
    accounts.authenticate(locked_desk, "daicailiang", "Huangjiu-Shaoxing-88")  # the new password opens it


def test_elder_mode_is_offered_at_login(qtbot: Any, flow: DeskFlow, locked_desk: Desk, visible: Any) -> None:
    flow.start()
    login = visible(LoginDialog)
    check = login.findChild(ElderModeCheck)
    assert check is not None and check.isVisible()
    assert check.shortcut() == QKeySequence("Alt+E")


def test_quitting_the_login_ends_the_application(qtbot: Any, flow: DeskFlow, locked_desk: Desk, visible: Any) -> None:
    flow.start()
    with qtbot.waitSignal(flow.finished, timeout=2000):
        qtbot.mouseClick(visible(LoginDialog).ui.quitButton, Qt.MouseButton.LeftButton)


def test_idle_lock_asks_for_the_password_again(
    qtbot: Any, window: MainWindow, desk: Desk, visible: Any, type_text: Any, memory_keyring: Any
) -> None:
    assert memory_keyring.secrets  # the key is in the keyring, yet a lock needs a password
    window.idle.idle_lock.timeout_seconds = 0.05
    window.idle.timer.setInterval(20)
    qtbot.waitUntil(lambda: window.locked, timeout=5000)
    assert desk.vault is None
    assert window.ui.screenStack.currentIndex() == LOCKED_SCREEN
    assert window.lock_label.text() == "已锁定"
    dialog = visible(LoginDialog)
    assert dialog is not None and dialog.parent() is window
    qtbot.wait(100)  # the timer keeps running: nothing unlocks the desk by itself
    assert desk.vault is None and window.locked

    window.idle.idle_lock.timeout_seconds = 600
    log_in(qtbot, dialog, type_text, "daicailiang", PASSWORD)
    qtbot.waitUntil(lambda: not window.locked)
    assert desk.vault is not None
    assert window.ui.screenStack.currentIndex() == WORK_SCREEN
    assert window.lock_label.text() == "已解锁"


def test_ctrl_l_locks_the_desk(qtbot: Any, window: MainWindow, desk: Desk, visible: Any) -> None:
    assert window.ui.actionLock.shortcut() == QKeySequence("Ctrl+L")
    window.ui.actionLock.trigger()
    qtbot.waitUntil(lambda: window.locked)
    assert desk.vault is None and visible(LoginDialog) is not None
    assert not window.ui.actionLock.isEnabled()


def test_an_old_desk_is_offered_protection_at_login(
    qtbot: Any, tmp_path: Path, messages: Any, visible: Any, type_text: Any
) -> None:
    paths = AppPaths.resolve(tmp_path / "old-desk")
    paths.data.mkdir(parents=True)
    shutil.copy(FIXTURES / "desk-schema-0001.sqlite3", paths.database)
    old = Desk.open(paths)
    tasks = TaskManager()
    flow = DeskFlow(old, DeskSettings(paths.config), tasks)
    try:
        assert protect.needs_protection(old)
        flow.start()
        log_in(qtbot, visible(LoginDialog), type_text, "daicailiang", "Xietang-2025!")
        qtbot.waitUntil(lambda: visible(RecoveryKeyDialog) is not None, timeout=20_000)
        assert any("加密" in text for text in messages.texts("question"))
        # Where the key goes is asked, naming the keyring; answered "yes" here, so it is kept.
        assert any("系统钥匙串（" in text and "MemoryKeyring" in text for text in messages.texts("question"))
        assert not protect.needs_protection(old) and old.vault is not None
        key_dialog = visible(RecoveryKeyDialog)
        assert "已存入本机的系统钥匙串" in key_dialog.ui.storageLabel.text()
        key_dialog.ui.confirmCheck.setChecked(True)
        qtbot.mouseClick(key_dialog.ui.doneButton, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: flow.window is not None and flow.window.isVisible())
    finally:
        if flow.window is not None:
            flow.window.close()
        qtbot.waitUntil(lambda: not tasks.busy)
        tasks.shutdown()
        old.close()


def test_another_operators_login_reaches_every_page_through_one_signal(
    qtbot: Any, mediator_actor: Actor, window: MainWindow, desk: Desk, visible: Any, type_text: Any, intake_form: Any
) -> None:
    window.build_all_pages()  # pages are made when first shown: here every one, before the other login
    opened = intake.open_numbered_case(desk, window.actor, intake_form())
    window.open_verify()
    window.open_case(opened.id)
    qtbot.waitUntil(lambda: window.case_page.view is not None)
    assert window.case_page.action_buttons  # the 主任 is offered what the case allows
    heard: list[Actor] = []
    window.operator_changed.connect(heard.append)

    window.ui.actionLock.trigger()
    qtbot.waitUntil(lambda: window.locked)
    log_in(qtbot, visible(LoginDialog), type_text, "xieagen", PASSWORD)
    qtbot.waitUntil(lambda: not window.locked)
    assert heard == [mediator_actor]  # once, with the new operator
    stack = window.ui.pageStack
    acting = [page for page in map(stack.widget, range(stack.count())) if hasattr(page, "actor")]
    acting += window.findChildren(VerifyDialog)
    assert {type(w).__name__ for w in acting} >= {
        "IntakePage",
        "CasePage",
        "MediatorsPage",
        "FollowupsPage",
        "StatisticsPage",
        "SyncPage",
        "SettingsPage",
        "VerifyDialog",
    }
    assert [type(w).__name__ for w in acting if w.actor != mediator_actor] == []
    assert window.operator_label.text() == "操作员：谢阿根（调解员）"
    # The case page reads the case again for the 调解员, who is not on it: nothing of it stays.
    page = window.case_page
    qtbot.waitUntil(lambda: not page.loading and "不能打开这件案件" in page.ui.messageLabel.text())
    assert page.view is None and page.action_buttons == {} and page.ui.numberLabel.text() == ""


def test_locking_wipes_the_data_key_and_the_device_token(qtbot: Any, window: MainWindow, desk: Desk) -> None:
    credentials.use_for_session(desk, "a-token-typed-by-the-clerk")
    key = desk.vault
    shown = window.sync_page.ui.sessionTokenEdit
    shown.setText("a-token-shown-once")  # as after an enrollment without a secure keyring
    assert key is not None and desk.session.token()[0] == "a-token-typed-by-the-clerk"
    window.ui.actionLock.trigger()
    qtbot.waitUntil(lambda: window.locked)
    assert desk.vault is None and desk.session.token() == (None, None)
    assert credentials.token(desk) is None
    with pytest.raises(Locked):
        key.master
    assert shown.text() == "" and shown.isHidden()
