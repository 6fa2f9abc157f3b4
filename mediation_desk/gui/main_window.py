"""The main window: left navigation, the pages, the status bar; locks itself when idle.

Whoever logs in after a lock — the same operator or another — reaches every page through one
signal, `operator_changed(actor)`: each page that acts for the operator is connected to it once,
when it is made, and nothing is handed the actor by hand.

The window fits a 1366×768 screen in either font mode: each page scrolls inside its place when it
would be taller than the room left, so the status bar never leaves the screen; the window's place,
size and maximized state are remembered.

Only the dashboard is made with the window: every other page is made when first shown (or first
asked for, `window.cases`), so the window appears as soon as the password is checked."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QListWidgetItem, QMainWindow, QWidget

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.gui.alarm_console import AlarmConsole
from mediation_desk.gui.font_mode import application, apply_font_mode
from mediation_desk.gui.forms.ui_main_window import Ui_MainWindow
from mediation_desk.gui.help_menu import HelpMenu
from mediation_desk.gui.idle import IdleWatcher
from mediation_desk.gui.labels import role_name
from mediation_desk.gui.large_text import enlarge, follow_font
from mediation_desk.gui.page_shelf import LazyPage, PageShelf
from mediation_desk.gui.pages.alarms_page import AlarmsPage
from mediation_desk.gui.pages.case_page import CasePage
from mediation_desk.gui.pages.cases import CasesPage
from mediation_desk.gui.pages.dashboard import DashboardPage
from mediation_desk.gui.pages.followups import FollowupsPage
from mediation_desk.gui.pages.intake import IntakePage
from mediation_desk.gui.pages.mediators import MediatorsPage
from mediation_desk.gui.pages.operators import OperatorsPage
from mediation_desk.gui.pages.points_page import PointsPage
from mediation_desk.gui.pages.settings_page import SettingsPage
from mediation_desk.gui.pages.sitecode_page import SitecodePage
from mediation_desk.gui.pages.statistics import StatisticsPage
from mediation_desk.gui.pages.sync_page import SyncPage
from mediation_desk.gui.screen_fit import ElidedLabel, restore_window_geometry, scroll_contents
from mediation_desk.gui.settings import WINDOW_GEOMETRY, DeskSettings
from mediation_desk.gui.sync_schedule import interval_from_settings
from mediation_desk.gui.sync_status import SyncStatusWidget
from mediation_desk.gui.sync_worker import SyncWorker
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.gui.unsaved_work import editors_in, settle
from mediation_desk.gui.verify_dialog import open_verify_dialog
from mediation_desk.gui.wheel_guard import GUARDED, guard_wheel
from mediation_desk.privacy.idle_lock import IdleLock

WORK_SCREEN, LOCKED_SCREEN = 0, 1
NAV_FONT_FACTOR = 1.25  # the navigation is what an elderly mediator looks for first: larger than the body


class MainWindow(QMainWindow):
    dashboard: LazyPage[DashboardPage] = LazyPage()
    intake: LazyPage[IntakePage] = LazyPage()
    cases: LazyPage[CasesPage] = LazyPage()
    mediators: LazyPage[MediatorsPage] = LazyPage()
    followups: LazyPage[FollowupsPage] = LazyPage()
    statistics: LazyPage[StatisticsPage] = LazyPage()
    points: LazyPage[PointsPage] = LazyPage()
    sites: LazyPage[SitecodePage] = LazyPage()
    alarms: LazyPage[AlarmsPage] = LazyPage()
    sync_page: LazyPage[SyncPage] = LazyPage()
    settings_page: LazyPage[SettingsPage] = LazyPage()
    operators: LazyPage[OperatorsPage] = LazyPage()
    case_page: LazyPage[CasePage] = LazyPage()

    login_requested = Signal()  # the desk is locked: someone must log in again
    operator_changed = Signal(object)  # Actor: who is logged in now (after a login that unlocked)
    desk_locked = Signal()  # the session's secrets are gone: what a page shows of them goes too
    closed = Signal()

    def __init__(
        self, desk: Desk, tasks: TaskManager, settings: DeskSettings, actor: Actor, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = tasks
        self.actor = actor
        self.locked = False
        self.settings = settings
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)

        self.operator_label = QLabel(self)
        self.location_label = ElidedLabel(self.tr("数据位置：{path}").format(path=desk.paths.data), self)
        self.lock_label = QLabel(self)
        self.ui.statusBar.addWidget(self.operator_label)
        self.ui.statusBar.addWidget(self.location_label, 1)  # shortened, never widening the window
        self.ui.statusBar.addPermanentWidget(self.lock_label)

        # District sync runs on a thread of its own, so a long round never queues the clerk's work.
        self.sync_worker = SyncWorker(desk, tasks, interval_s=interval_from_settings(settings), parent=self)
        self.shelf = PageShelf(self.ui.pageStack, self.ui.navList, self._page_made)
        self.built = self.shelf.built  # the pages made so far, by name
        self.wheel_guard = guard_wheel(self)  # on every page: a choice changes only once chosen
        self.add_page("dashboard", self.tr("工作台"), lambda: DashboardPage(desk, tasks, self.actor, self))
        self.add_page("intake", self.tr("受理"), lambda: IntakePage(desk, tasks, self.actor, self))
        self.add_page("cases", self.tr("案件"), lambda: CasesPage(desk, tasks, self.actor, self))
        self.add_page("mediators", self.tr("调解员"), lambda: MediatorsPage(desk, tasks, self.actor, self))
        self.add_page("followups", self.tr("回访"), lambda: FollowupsPage(desk, tasks, self.actor, self))
        self.add_page("statistics", self.tr("统计"), lambda: StatisticsPage(desk, tasks, self.actor, self))
        self.add_page(
            "points",
            self.tr("平安绿币"),
            lambda: PointsPage(desk, tasks, self.actor, self, sync_worker=self.sync_worker),
        )
        self.add_page("sites", self.tr("一单一码"), lambda: SitecodePage(desk, tasks, self.actor, self))
        self.add_page("alarms", self.tr("平安手环"), lambda: AlarmsPage(desk, tasks, self.actor, self))
        self.add_page(
            "sync_page",
            self.tr("同步"),
            lambda: SyncPage(desk, tasks, self.sync_worker, settings, self.actor, self),
        )
        self.add_page("settings_page", self.tr("设置"), lambda: SettingsPage(desk, tasks, settings, self.actor, self))
        self.add_page("operators", self.tr("操作员"), lambda: OperatorsPage(desk, tasks, self.actor, self))
        # The case page has no entry of its own in the navigation: it is reached from a case.
        self.add_page("case_page", None, lambda: CasePage(desk, tasks, self.actor, self))
        self.sync_status = SyncStatusWidget(self.sync_worker, self)
        self.ui.statusBar.addPermanentWidget(self.sync_status)
        self.sync_status.open_requested.connect(lambda: None if self.locked else self.go_to(self.sync_page))
        enlarge(NAV_FONT_FACTOR, self.ui.navList)
        self.ui.navList.setSpacing(4)
        follow_font(self.ui.navList, self.shelf.fit_navigation)
        self.ui.navList.currentRowChanged.connect(self._show_page)
        self.ui.navList.itemClicked.connect(self._nav_clicked)
        self.ui.pageStack.currentChanged.connect(self._follow_page)
        self.page("dashboard")  # the first page shown: made now, whatever else waits
        self.ui.navList.setCurrentRow(0)

        self.ui.actionLock.triggered.connect(self.lock_now)
        self.ui.actionRefresh.triggered.connect(self.refresh)
        self.ui.actionQuit.triggered.connect(self.close)
        self.ui.unlockButton.clicked.connect(self.login_requested)
        self.search_action = QAction(self.tr("查找案件"), self)
        self.search_action.setShortcut(QKeySequence("Ctrl+F"))
        self.search_action.triggered.connect(self.search_cases)
        self.addAction(self.search_action)
        self.intake_action = QAction(self.tr("新受理"), self)
        self.intake_action.setShortcut(QKeySequence("Ctrl+N"))
        self.intake_action.triggered.connect(self.new_intake)
        self.addAction(self.intake_action)
        self.documents_action = QAction(self.tr("文书…"), self)
        self.documents_action.setShortcut(QKeySequence("Ctrl+P"))
        self.documents_action.triggered.connect(self.open_documents)
        self.addAction(self.documents_action)
        self.verify_action = QAction(self.tr("核验协议书…"), self)
        self.verify_action.triggered.connect(self.open_verify)
        self.password_action = QAction(self.tr("修改我的密码(&P)…"), self)
        self.password_action.triggered.connect(lambda: None if self.locked else self.operators.change_own_password())
        for action in (self.documents_action, self.verify_action, self.password_action):
            self.ui.menuDesk.insertAction(self.ui.actionLock, action)
        self.ui.menuDesk.insertSeparator(self.ui.actionLock)
        # Every key of the window shown in a menu: 新受理 and 查找案件 on top, then 帮助 (F1).
        self.ui.menuDesk.insertActions(self.ui.actionRefresh, [self.intake_action, self.search_action])
        self.ui.menuDesk.insertSeparator(self.ui.actionRefresh)
        self.help_menu = HelpMenu(self)

        self.idle = IdleWatcher(IdleLock(desk, settings.idle_lock_minutes * 60), tasks, self)
        self.idle.locked.connect(self._show_locked)
        self.idle.start()
        self.sync_worker.start()  # the state now, the first automatic round a little later
        # The banner over every page, the sound and the tray: alarms from the login on (alarm_console.py).
        self.alarm_console = AlarmConsole(self)  # the 平安手环 page joins it when made
        self._show_operator()
        restore_window_geometry(self, self.settings.get(WINDOW_GEOMETRY))

    # ---- pages ----------------------------------------------------------------------------------

    def add_page(self, name: str, title: str | None, make: Callable[[], QWidget]) -> None:
        """A page with `refresh()`, made by `make` when first shown (page_shelf.py)."""
        self.shelf.add(name, title, make)

    def page(self, name: str) -> QWidget:
        """The page called `name`, made now if it has not been yet."""
        return self.shelf.page(name)

    def build_all_pages(self) -> list[QWidget]:
        """Every page, made now (a tour of the window, a test of all pages)."""
        return [self.page(name) for name in self.shelf.names()]

    def _page_made(self, name: str, page: QWidget) -> None:
        scroll_contents(page)
        self.follow_operator(page)
        self.wheel_guard.watch(*(w for w in page.findChildren(QWidget) if isinstance(w, GUARDED)))
        self._connect_page(name, page)

    def _if_built(self, name: str, then: Callable[[Any], None]) -> Callable[..., None]:
        """A slot acting on a page only once it exists (before, it shows fresh data when made)."""
        return lambda *_args: then(self.built[name]) if name in self.built else None

    def _connect_page(self, name: str, page: Any) -> None:
        """What a page tells the window, and the window the page, wired as it is made."""
        refresh_cases = self._if_built("cases", lambda cases: cases.refresh())
        if name in ("dashboard", "cases"):
            page.case_activated.connect(self.open_case)
        elif name == "intake":
            page.case_requested.connect(self.open_case)
            page.assign_requested.connect(lambda case_id: self.open_case(case_id, "assign"))
        elif name == "followups":
            page.case_requested.connect(lambda case_id: self.open_case(case_id, "follow_up"))
        elif name == "mediators":
            page.mediator_saved.connect(refresh_cases)
        elif name == "alarms":
            self.alarm_console.attach_page(page)
        elif name == "sync_page":
            self.desk_locked.connect(page.forget_session_token)
        elif name == "settings_page":
            self._wire_settings(page)
        elif name == "case_page":
            self.desk_locked.connect(page.forget_full_personal_data)
            page.back_requested.connect(self.search_cases_list)
            page.case_changed.connect(refresh_cases)

    # ---- the window's place ---------------------------------------------------------------------

    def save_geometry(self) -> None:
        self.settings.set(WINDOW_GEOMETRY, bytes(self.saveGeometry().data()))

    def current_page(self) -> QWidget:
        page = self.ui.pageStack.currentWidget()
        assert page is not None  # the stack always holds the pages
        return page

    def _show_page(self, row: int) -> None:
        if row < 0:
            return
        target = self.shelf.at_row(row)
        if (
            target is not None
            and row != self.ui.pageStack.currentIndex()
            and not self._may_leave_page(lambda: self.go_to(target))
        ):
            self._follow_page()  # staying: the navigation goes back to the page shown
            return
        self.ui.pageStack.setCurrentIndex(row)
        self.refresh()

    def _nav_clicked(self, item: QListWidgetItem) -> None:
        # Its entry may be current already (a case shown under 案件); not when the user stayed.
        page = self.shelf.at_row(self.ui.navList.row(item))
        if page is not None and self.ui.navList.currentItem() is item:
            self.go_to(page)

    def _follow_page(self, _index: int = -1) -> None:
        """The navigation shows where the user is: a case page under 案件."""
        page = self.current_page()
        nav = self.ui.navList
        nav.blockSignals(True)
        showing_case = page is self.built.get("case_page")
        nav.setCurrentRow(self.shelf.row("cases") if showing_case else self.ui.pageStack.indexOf(page))
        nav.blockSignals(False)

    def _may_leave_page(self, then: Callable[[], None]) -> bool:
        """Work typed on the page shown is saved, discarded or stayed with, as the user says."""
        return settle(self, editors_in(self.current_page()), self.tr("离开此页"), then)

    def open_case(self, case_id: str, action: str | None = None) -> None:
        """The case page for one case; `action` (e.g. "assign") opens that action's dialog."""
        if self.locked:
            return
        if self.current_page() is not self.case_page and not self._may_leave_page(
            lambda: self.open_case(case_id, action)
        ):
            return
        self.ui.pageStack.setCurrentWidget(self.case_page)
        self.case_page.show_case(case_id, action)

    def go_to(self, page: QWidget) -> None:
        """Show a page of the navigation (also when its entry is already the current one, as it
        stays while a case is open)."""
        row = self.ui.pageStack.indexOf(page)
        if self.ui.navList.currentRow() != row:
            self.ui.navList.setCurrentRow(row)  # shows it through currentRowChanged
        elif self.ui.pageStack.currentIndex() != row:
            self._show_page(row)

    def search_cases_list(self) -> None:
        """Back from a case to the list of cases."""
        self.go_to(self.cases)

    def open_documents(self) -> None:
        """Ctrl+P: the documents (preview, print, save) of the case shown."""
        if not self.locked and self.current_page() is self.case_page:
            self.case_page.open_documents()

    def open_verify(self) -> None:
        """Does a printed agreement (its QR code, typed by a scanner) match the record?"""
        if not self.locked:
            self.follow_operator(open_verify_dialog(self.desk, self.tasks, self.actor, self))

    def new_intake(self) -> None:
        """Ctrl+N: the intake form."""
        if not self.locked:
            self.go_to(self.intake)

    def search_cases(self) -> None:
        """Ctrl+F: the cases page, with the cursor in its search box."""
        if self.locked:
            return
        self.go_to(self.cases)
        if self.current_page() is self.cases:  # not when the user stayed with unsaved work
            self.cases.focus_search()

    def refresh(self) -> None:
        if not self.locked:
            self.current_page().refresh()  # type: ignore[attr-defined]

    def _wire_settings(self, page: SettingsPage) -> None:
        page.idle_minutes_changed.connect(self._set_idle_minutes)
        page.large_font_changed.connect(lambda large: apply_font_mode(application(), large))
        page.targets_changed.connect(self.dashboard.refresh)
        # A restored backup replaced the data and locked the desk: whoever goes on must log in.
        page.restore_finished.connect(lambda _path: self._show_locked())

    def _set_idle_minutes(self, minutes: int) -> None:
        self.idle.idle_lock.timeout_seconds = minutes * 60

    # ---- locking --------------------------------------------------------------------------------

    def lock_now(self) -> None:
        """Ctrl+L: forget the session's data key and device token (on the desk worker, after any
        running call) and ask for a login. Work typed but not saved is asked about first."""
        if not settle(self, editors_in(self), self.tr("锁定"), self.lock_now):
            return
        self.tasks.run(self.desk.lock, on_done=lambda _: self._show_locked(), owner=self)

    def _show_locked(self) -> None:
        self.locked = True
        self.ui.screenStack.setCurrentIndex(LOCKED_SCREEN)
        self.ui.actionLock.setEnabled(False)
        self.ui.actionRefresh.setEnabled(False)
        self._show_operator()
        self.desk_locked.emit()
        self.login_requested.emit()

    def follow_operator(self, widget: QObject) -> None:
        """Connect a page (or a dialog that outlives a lock) to `operator_changed`: through its
        `set_actor` slot, or — for a page that only passes the actor on to services — by
        setting its `actor`. A page that acts for nobody is left alone."""
        slot = getattr(widget, "set_actor", None)
        if callable(slot):  # once per widget, however often it is brought back
            self.operator_changed.connect(slot, Qt.ConnectionType.UniqueConnection)
        elif hasattr(widget, "actor"):
            self.operator_changed.connect(partial(setattr, widget, "actor"))

    def unlock(self, actor: Actor) -> None:
        """After a login (possibly by another operator) the work is shown again: every page
        hears who it is through `operator_changed`; what is saved from now on is theirs."""
        self.actor = actor
        self.operator_changed.emit(actor)
        self.locked = False
        self.ui.screenStack.setCurrentIndex(WORK_SCREEN)
        self.ui.actionLock.setEnabled(True)
        self.ui.actionRefresh.setEnabled(True)
        self._show_operator()
        self.refresh()

    def _show_operator(self) -> None:
        name = self.actor.display_name or self.actor.username
        self.operator_label.setText(
            self.tr("操作员：{name}（{role}）").format(name=name, role=role_name(self.actor.role))
        )
        if self.locked:
            state = self.tr("已锁定")
        elif self.desk.vault is None:
            state = self.tr("个人信息未加密")
        else:
            state = self.tr("已解锁")
        self.lock_label.setText(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        # Ctrl+Q or the window's ×: work typed but not saved is asked about first (while locked
        # it is hidden, and nothing but this window's own code can close it).
        if not self.locked and not settle(self, editors_in(self), self.tr("退出"), self.close):
            event.ignore()
            return
        self.save_geometry()
        self.idle.stop()
        self.sync_worker.stop()  # ends a running round at its next batch; nothing recorded is lost
        super().closeEvent(event)
        self.closed.emit()
