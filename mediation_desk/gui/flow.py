"""What the window shows when: the first-run wizard or the login, then the main window; the
login again whenever the desk locks. The desk is never unlocked from the OS keyring here: after a
lock, only a password opens it again.

At a cold start the login dialog comes first and the desk follows (`DeskOpening`): the services,
the database (its migrations) and the main window's modules load on the desk worker while the
password is typed. Every call the dialog makes runs on that same worker, after the opening, so a
password given early simply waits for it (the dialog says so)."""

from __future__ import annotations

import gc
import logging
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QDialog

from mediation_desk.errors import DeskError
from mediation_desk.gui.login import LoginDialog
from mediation_desk.gui.qt_warmup import QtWarmUp
from mediation_desk.gui.settings import DeskSettings
from mediation_desk.gui.tasks import TaskManager

if TYPE_CHECKING:
    from mediation_desk.core.uow import Actor
    from mediation_desk.desk import Desk
    from mediation_desk.gui.first_run import SetUp
    from mediation_desk.gui.main_window import MainWindow
    from mediation_desk.paths import AppPaths

log = logging.getLogger("mediation_desk.gui")


@dataclass(frozen=True)
class DemoLogin:
    """A demo account named in the login dialog of a demo desk."""

    username: str
    display_name: str
    role: str


@dataclass(frozen=True)
class OpenedDesk:
    desk: Desk
    set_up: bool
    demo_logins: tuple[DemoLogin, ...]
    demo_password: str | None


class DeskOpening:
    """The desk of `paths`, opened by `open()` on the desk worker."""

    def __init__(self, paths: AppPaths) -> None:
        self.paths = paths
        self.desk: Desk | None = None
        # Whether the desk predates encryption, found while the password is typed (a read of
        # every sealed table); the first login uses it, later ones ask again.
        self.needs_protection: bool | None = None

    def opened_desk(self) -> Desk:
        """The desk, once `open()` has run (a call queued after it on the desk worker)."""
        if self.desk is None:  # the opening failed: the flow says why
            raise DeskError("工作台未能打开")
        return self.desk

    def take_protection_check(self) -> bool | None:
        """The check made at opening, once (then None: ask the desk again)."""
        found, self.needs_protection = self.needs_protection, None
        return found

    def may_need_login(self) -> bool:
        """A desk that has a database may be set up: show the login without waiting to know.
        (A brand-new desk shows the first-run wizard once the desk is open.)"""
        return self.paths.database.exists()

    def open(self) -> OpenedDesk:
        from mediation_desk.administration import demo
        from mediation_desk.capabilities import register_all
        from mediation_desk.desk import Desk
        from mediation_desk.lifecycle import protect

        # The OS keyring looked for meanwhile (the sync status asks for it as the window opens):
        # finding it imports a dozen modules, which, on a worker after the login, held the
        # interpreter from the window's first paint. Not waited for: a keyring service that is
        # slow to answer must not hold the login.
        threading.Thread(target=_look_for_keyring, name="keyring-lookup", daemon=True).start()
        register_all()
        desk = self.desk = Desk.open(self.paths)  # migrations run here, after a copy of the database file
        set_up = desk.is_set_up()
        self.needs_protection = set_up and protect.needs_protection(desk)
        logins = (
            tuple(DemoLogin(a.username, a.display_name, a.role) for a in demo.demo_accounts(desk)) if set_up else ()
        )
        # The window's modules, while the password is typed: the window then takes only its own
        # making. Importing defines classes only; no widget is made off the main thread.
        import mediation_desk.gui.first_run
        import mediation_desk.gui.main_window  # noqa: F401

        # What the start has made lives as long as the program: the cycle collector leaves it be
        # from now on (a full collection walked all of it — about 100 ms of the UI thread held,
        # for nothing to free — just as the window was to open).
        gc.freeze()
        return OpenedDesk(desk, set_up, logins, demo.DEMO_PASSWORD if logins else None)


def _look_for_keyring() -> None:
    from mediation_desk.privacy import keys

    keys.keyring_backend()  # remembered by keyring itself


class DeskFlow(QObject):
    finished = Signal()  # nothing left to show: the application may quit
    refused = Signal(object)  # the desk could not be opened: the error (the flow shows nothing more)

    def __init__(
        self, desk: Desk | DeskOpening, settings: DeskSettings, tasks: TaskManager, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.opening = desk if isinstance(desk, DeskOpening) else None
        self.desk: Desk | None = None if isinstance(desk, DeskOpening) else desk
        self.opened: OpenedDesk | None = None
        self.settings = settings
        self.tasks = tasks
        self.window: MainWindow | None = None
        self.dialog: QDialog | None = None  # the wizard or dialog currently asking something
        self.warm_up = QtWarmUp(self)  # while the password is typed (gui/qt_warmup.py)

    def start(self) -> None:
        if self.opening is None:
            assert self.desk is not None
            self.show_login() if self.desk.is_set_up() else self.show_first_run()
            return
        self.tasks.run(self.opening.open, on_done=self._desk_opened, on_error=self._desk_refused, owner=self)
        if self.opening.may_need_login():
            self.show_login()

    def _desk_opened(self, opened: OpenedDesk) -> None:
        self.desk, self.opened = opened.desk, opened
        log.info("desk opened")
        if not opened.set_up:
            if self.dialog is not None:  # a database without a committee: set up first
                self.dialog.hide()
                self.dialog.deleteLater()
                self.dialog = None
            self.show_first_run()
        elif isinstance(self.dialog, LoginDialog):
            self.dialog.desk_opened(opened.demo_logins, opened.demo_password)
            if self.window is None:  # the window's modules are in: their Qt classes made meanwhile
                self.warm_up.start()
        else:
            self.show_login()

    def _desk_refused(self, error: BaseException) -> None:
        if self.dialog is not None:
            self.dialog.hide()
        self.refused.emit(error)

    def show_first_run(self) -> None:
        from mediation_desk.gui.first_run import FirstRunWizard

        assert self.desk is not None
        wizard = FirstRunWizard(self.desk, self.tasks, self.settings)
        wizard.set_up.connect(self._after_setup)
        wizard.rejected.connect(self.finished)
        self._present(wizard)

    def _after_setup(self, actor: Actor, made: SetUp) -> None:
        from mediation_desk.gui.first_run import recovery_dialog

        dialog = recovery_dialog(made, self.tasks)
        dialog.accepted.connect(lambda: self.open_main_window(actor))
        self._present(dialog)

    def show_login(self) -> None:
        if isinstance(self.dialog, LoginDialog) and self.dialog.isVisible():
            self.dialog.raise_()
            return
        dialog = LoginDialog(self.desk or self.opening, self.tasks, self.settings, self.window)  # type: ignore[arg-type]
        if self.opened is not None:
            dialog.desk_opened(self.opened.demo_logins, self.opened.demo_password)
        dialog.logged_in.connect(self._after_login)
        dialog.rejected.connect(self._login_cancelled)
        self._present(dialog)

    def _after_login(self, actor: Actor) -> None:
        self.warm_up.stop()  # the window needs the UI thread now
        if self.window is None:
            self.open_main_window(actor, show_soon=True)
        else:
            self.window.unlock(actor)

    def _login_cancelled(self) -> None:
        if self.window is None:  # at start-up: nobody logged in, nothing to show
            self.finished.emit()
        # Otherwise the window stays locked, offering its 登录解锁 button.

    def open_main_window(self, actor: Actor, *, show_soon: bool = False) -> None:
        from mediation_desk.gui.main_window import MainWindow

        assert self.desk is not None
        self.dialog = None
        self.window = MainWindow(self.desk, self.tasks, self.settings, actor)
        self.window.login_requested.connect(self.show_login)
        self.window.closed.connect(self.finished)
        if show_soon:  # after the login: making the window and its first paint, one after the
            # other without a break, would hold the screen longer than either; a turn between
            QTimer.singleShot(0, self.window, self.window.show)
        else:
            self.window.show()

    def _present(self, dialog: QDialog) -> None:
        self.dialog = dialog
        if self.window is not None:
            dialog.open()  # window-modal over the locked main window
        else:
            dialog.show()
