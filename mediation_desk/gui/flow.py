"""What the window shows when: the first-run wizard or the login, then the main window; the
login again whenever the desk locks. The desk is never unlocked from the OS keyring here: after a
lock, only a password opens it again."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.gui.first_run import FirstRunWizard, SetUp, recovery_dialog
from mediation_desk.gui.login import LoginDialog
from mediation_desk.gui.main_window import MainWindow
from mediation_desk.gui.settings import DeskSettings
from mediation_desk.gui.tasks import TaskManager


class DeskFlow(QObject):
    finished = Signal()  # nothing left to show: the application may quit

    def __init__(self, desk: Desk, settings: DeskSettings, tasks: TaskManager, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.settings = settings
        self.tasks = tasks
        self.window: MainWindow | None = None
        self.dialog: QDialog | None = None  # the wizard or dialog currently asking something

    def start(self) -> None:
        if self.desk.is_set_up():
            self.show_login()
        else:
            self.show_first_run()

    def show_first_run(self) -> None:
        wizard = FirstRunWizard(self.desk, self.tasks, self.settings)
        wizard.set_up.connect(self._after_setup)
        wizard.rejected.connect(self.finished)
        self._present(wizard)

    def _after_setup(self, actor: Actor, made: SetUp) -> None:
        dialog = recovery_dialog(made, self.tasks)
        dialog.accepted.connect(lambda: self.open_main_window(actor))
        self._present(dialog)

    def show_login(self) -> None:
        if isinstance(self.dialog, LoginDialog) and self.dialog.isVisible():
            self.dialog.raise_()
            return
        dialog = LoginDialog(self.desk, self.tasks, self.settings, self.window)
        dialog.logged_in.connect(self._after_login)
        dialog.rejected.connect(self._login_cancelled)
        self._present(dialog)

    def _after_login(self, actor: Actor) -> None:
        if self.window is None:
            self.open_main_window(actor)
        else:
            self.window.unlock(actor)

    def _login_cancelled(self) -> None:
        if self.window is None:  # at start-up: nobody logged in, nothing to show
            self.finished.emit()
        # Otherwise the window stays locked, offering its 登录解锁 button.

    def open_main_window(self, actor: Actor) -> None:
        self.dialog = None
        self.window = MainWindow(self.desk, self.tasks, self.settings, actor)
        self.window.login_requested.connect(self.show_login)
        self.window.closed.connect(self.finished)
        self.window.show()

    def _present(self, dialog: QDialog) -> None:
        self.dialog = dialog
        if self.window is not None:
            dialog.open()  # window-modal over the locked main window
        else:
            dialog.show()
