"""The cold start: the login dialog before the services, the desk opened on the desk worker while
the password is typed (a password given early waits, saying so), a demo desk's dialog naming its
accounts, pages made when first shown, and the command line checking the system libraries
before Qt is loaded."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from mediation_desk.administration import demo
from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.gui.first_run import FirstRunWizard
from mediation_desk.gui.flow import DeskFlow, DeskOpening
from mediation_desk.gui.login import LoginDialog
from mediation_desk.gui.main_window import MainWindow
from mediation_desk.gui.qt_warmup import QtWarmUp
from mediation_desk.gui.settings import DeskSettings
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.paths import AppPaths

PASSWORD = "Xietang-2026!"
ROOT = Path(__file__).resolve().parents[2]

# What the login dialog must appear without: the database layer, the services, the pages.
HEAVY = (
    "sqlalchemy",
    "reportlab",
    "mediation_desk.desk",
    "mediation_desk.capabilities",
    "mediation_desk.administration.accounts",
    "mediation_desk.cli.app",
    "mediation_desk.gui.main_window",
    "mediation_desk.gui.pages.dashboard",
)

LOGIN_WITHOUT_SERVICES = f"""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
import mediation_desk.cli
from mediation_desk.gui.app import create_application
from mediation_desk.gui.flow import DeskOpening
from mediation_desk.gui.login import LoginDialog
from mediation_desk.gui.settings import DeskSettings
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.paths import AppPaths
app = create_application()
paths = AppPaths.resolve(sys.argv[1])
tasks = TaskManager()
dialog = LoginDialog(DeskOpening(paths), tasks, DeskSettings(paths.config))
dialog.show()
app.processEvents()
print(" ".join(m for m in {HEAVY!r} if m in sys.modules) or "none")
tasks.shutdown()
"""


def run_python(code: str, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = dict(os.environ, PYTHONPATH=str(ROOT), **(env or {}))
    return subprocess.run(
        [sys.executable, "-c", code, *args], env=full_env, capture_output=True, text=True, timeout=120, check=False
    )


def log_in(qtbot: Any, dialog: LoginDialog, username: str, password: str) -> None:
    dialog.ui.usernameEdit.setText(username)
    dialog.ui.passwordEdit.setText(password)
    qtbot.mouseClick(dialog.ui.loginButton, Qt.MouseButton.LeftButton)


@pytest.fixture
def held_worker(tasks: TaskManager) -> Any:
    """The desk worker kept busy until `release()`: the desk is still opening meanwhile."""
    gate = threading.Event()
    tasks.run(gate.wait, 30)
    yield gate
    gate.set()


@pytest.fixture
def opening_flow(desk: Desk, admin: Actor, gui_settings: DeskSettings, tasks: TaskManager, qtbot: Any) -> Any:
    desk.lock()  # as at a start: nobody logged in
    flow = DeskFlow(DeskOpening(desk.paths), gui_settings, tasks)
    yield flow
    if flow.window is not None:
        flow.window.close()
    for widget in QApplication.topLevelWidgets():
        widget.close()
    qtbot.waitUntil(lambda: not tasks.busy, timeout=20_000)
    if flow.desk is not None and flow.desk is not desk:
        flow.desk.close()


def test_the_login_dialog_needs_no_service_module(tmp_path: Path) -> None:
    done = run_python(LOGIN_WITHOUT_SERVICES, str(tmp_path / "desk"))
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["none"]


def test_a_password_given_before_the_desk_is_open_waits_for_it(
    qtbot: Any, opening_flow: DeskFlow, held_worker: threading.Event, visible: Any
) -> None:
    opening_flow.start()
    dialog = visible(LoginDialog)
    assert dialog is not None and not dialog.desk_ready
    assert not dialog.ui.forgotButton.isEnabled()  # its dialog needs the open desk
    log_in(qtbot, dialog, "daicailiang", PASSWORD)
    assert "正在打开工作台" in dialog.ui.messageLabel.text()  # seen waiting, not frozen
    assert not dialog.ui.loginButton.isEnabled() and dialog.waiting
    held_worker.set()
    qtbot.waitUntil(lambda: opening_flow.window is not None and opening_flow.window.isVisible(), timeout=20_000)
    assert opening_flow.desk is not None and opening_flow.desk.vault is not None
    assert not dialog.isVisible()


def test_a_wrong_password_given_early_is_refused_once_the_desk_is_open(
    qtbot: Any, opening_flow: DeskFlow, held_worker: threading.Event, visible: Any
) -> None:
    opening_flow.start()
    dialog = visible(LoginDialog)
    log_in(qtbot, dialog, "daicailiang", "not-the-password")
    held_worker.set()
    qtbot.waitUntil(lambda: dialog.ui.loginButton.isEnabled(), timeout=20_000)
    assert dialog.ui.messageLabel.text() == "用户名或密码错误"
    assert dialog.desk_ready and dialog.ui.forgotButton.isEnabled() and not dialog.waiting
    assert opening_flow.window is None and opening_flow.desk is not None and opening_flow.desk.vault is None


def test_empty_fields_are_refused_without_waiting_for_the_desk(
    qtbot: Any, opening_flow: DeskFlow, held_worker: threading.Event, visible: Any
) -> None:
    opening_flow.start()
    dialog = visible(LoginDialog)
    log_in(qtbot, dialog, "daicailiang", "")
    assert dialog.ui.messageLabel.text() == "请输入用户名和密码"
    assert dialog.ui.loginButton.isEnabled() and not dialog.waiting


def test_only_the_dashboard_is_made_with_the_window(
    qtbot: Any, opening_flow: DeskFlow, mediator_actor: Actor, visible: Any
) -> None:
    opening_flow.start()
    qtbot.waitUntil(lambda: visible(LoginDialog) is not None and visible(LoginDialog).desk_ready, timeout=20_000)
    log_in(qtbot, visible(LoginDialog), "daicailiang", PASSWORD)
    qtbot.waitUntil(lambda: opening_flow.window is not None and opening_flow.window.isVisible(), timeout=20_000)
    window: MainWindow = opening_flow.window
    assert set(window.built) == {"dashboard"}
    qtbot.waitUntil(lambda: window.dashboard.data is not None, timeout=10_000)
    window.ui.navList.setCurrentRow(2)  # 案件: made as it is first shown
    assert "cases" in window.built and window.current_page() is window.cases
    assert "mediators" not in window.built

    window.ui.actionLock.trigger()  # another operator logs in: a page made afterwards acts for them
    qtbot.waitUntil(lambda: window.locked, timeout=10_000)
    log_in(qtbot, visible(LoginDialog), "xieagen", PASSWORD)
    qtbot.waitUntil(lambda: not window.locked, timeout=20_000)
    assert window.mediators.actor == mediator_actor


def test_the_qt_classes_are_made_while_the_password_is_typed_and_stop_at_the_login(
    qtbot: Any, opening_flow: DeskFlow, visible: Any
) -> None:
    """Once the desk is open the UI thread makes Qt's classes in short turns (the dialog stays
    usable meanwhile), and what the start made is left out of the cycle collector's walks."""
    opening_flow.start()
    qtbot.waitUntil(lambda: visible(LoginDialog) is not None and visible(LoginDialog).desk_ready, timeout=20_000)
    assert gc.get_freeze_count() > 0
    dialog = visible(LoginDialog)
    qtbot.keyClicks(dialog.ui.usernameEdit, "daicailiang")  # typed while the turns run
    assert dialog.ui.usernameEdit.text() == "daicailiang"
    qtbot.waitUntil(lambda: opening_flow.warm_up.finished, timeout=20_000)
    assert not opening_flow.warm_up.running


def test_a_login_stops_the_qt_classes_being_made(qtbot: Any, opening_flow: DeskFlow, visible: Any) -> None:
    opening_flow.start()
    qtbot.waitUntil(lambda: visible(LoginDialog) is not None and visible(LoginDialog).desk_ready, timeout=20_000)
    log_in(qtbot, visible(LoginDialog), "daicailiang", PASSWORD)
    qtbot.waitUntil(lambda: opening_flow.window is not None, timeout=20_000)
    assert not opening_flow.warm_up.running
    stopped = QtWarmUp()  # stopped before its first turn: nothing made, nothing frozen
    stopped.start()
    stopped.stop()
    qtbot.wait(50)
    assert not stopped.running and not stopped.finished


def test_a_demo_desk_names_its_accounts_and_password(qtbot: Any, desk: Desk, tasks: TaskManager, visible: Any) -> None:
    demo.seed_demo(desk, cases=2)
    desk.lock()
    flow = DeskFlow(DeskOpening(desk.paths), DeskSettings(desk.paths.config), tasks)
    try:
        flow.start()
        dialog = visible(LoginDialog)
        qtbot.waitUntil(lambda: dialog.demo_label.isVisible(), timeout=20_000)
        text = dialog.demo_label.text()
        assert demo.DEMO_PASSWORD in text
        for account in demo.demo_accounts(desk):
            assert account.username in text
        assert f"{demo.ADMIN[0]}（主任）" in text and f"{demo.CLERK[0]}（记录员）" in text
    finally:
        for widget in QApplication.topLevelWidgets():
            widget.close()
        qtbot.waitUntil(lambda: not tasks.busy, timeout=20_000)
        if flow.desk is not None:
            flow.desk.close()


def test_a_real_desk_names_no_demo_account(qtbot: Any, opening_flow: DeskFlow, visible: Any) -> None:
    opening_flow.start()
    qtbot.waitUntil(lambda: visible(LoginDialog) is not None and visible(LoginDialog).desk_ready, timeout=20_000)
    assert not visible(LoginDialog).demo_label.isVisible()


def test_a_database_without_a_committee_goes_on_to_the_setup(
    qtbot: Any, desk: Desk, tasks: TaskManager, visible: Any
) -> None:
    assert desk.paths.database.exists() and not desk.is_set_up()
    flow = DeskFlow(DeskOpening(desk.paths), DeskSettings(desk.paths.config), tasks)
    try:
        flow.start()
        assert visible(LoginDialog) is not None  # shown at once: most desks that have a database are set up
        qtbot.waitUntil(lambda: visible(FirstRunWizard) is not None, timeout=20_000)
        assert visible(LoginDialog) is None
    finally:
        for widget in QApplication.topLevelWidgets():
            widget.close()
        qtbot.waitUntil(lambda: not tasks.busy, timeout=20_000)
        if flow.desk is not None:
            flow.desk.close()


def test_a_desk_that_cannot_open_is_reported(qtbot: Any, tmp_path: Path, tasks: TaskManager, visible: Any) -> None:
    paths = AppPaths.resolve(tmp_path / "broken")
    paths.ensure()
    paths.database.write_bytes(b"this is not a database" * 100)
    flow = DeskFlow(DeskOpening(paths), DeskSettings(paths.config), tasks)
    with qtbot.waitSignal(flow.refused, timeout=20_000) as refused:
        flow.start()
    assert refused.args[0] is not None
    assert visible(LoginDialog) is None  # nothing left asking for a password that cannot open anything


MISSING = "缺少系统库 libxcb-icccm.so.4、libxcb-keysyms.so.1：请安装 libxcb-icccm4 libxcb-keysyms1"
WITHOUT_LIBRARIES = f"""
import sys
import mediation_desk.qt_platform as qt_platform
qt_platform.missing_platform_libraries = lambda: {MISSING!r}
from mediation_desk.cli import main
code = main(sys.argv[1:])
print("Qt loaded" if any(m.startswith("PySide6") for m in sys.modules) else "Qt not loaded")
sys.exit(code)
"""


def test_missing_system_libraries_are_named_before_qt_loads(tmp_path: Path) -> None:
    env = {"DISPLAY": ":0", "QT_QPA_PLATFORM": "", "MEDIATION_DESK_NO_GUI": ""}
    done = run_python(WITHOUT_LIBRARIES, "--data-dir", str(tmp_path / "desk"), env=env)
    assert done.returncode == 69, done.stderr[-2000:]
    assert MISSING in done.stderr and "The window did not open" in done.stderr
    assert done.stdout.strip().splitlines()[-1] == "Qt not loaded"


def test_a_command_line_with_more_than_the_window_goes_to_the_parser(tmp_path: Path) -> None:
    done = run_python("import sys; from mediation_desk.cli import main; sys.exit(main(sys.argv[1:]))", "--data-dir")
    assert done.returncode == 2  # argparse's usage error, in Chinese
    assert "--data-dir" in done.stderr
