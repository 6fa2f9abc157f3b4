"""The window's alarm console: the alarm stream (gui/alarm_bridge.py) joined to the banner over
every page, the sound, the tray message and the 平安手环 page.

The stream runs from the window's first login to its end, locked or not: an unattended PC, locked
by the idle timer, is exactly when an alarm must still ring. While the desk is locked the banner
says only how many alarms wait (no name, no place: the session's secrets and whoever saw them
are gone) and asks for a login; after the login it shows them again in full. The window needs to do no more than make
it (`AlarmConsole(window, page)`): it puts the banner above the window's screens and listens to
the window's own signals.

When alarms arrive, the open alarms are read on a thread of the console's own, not on the desk
worker: an alarm must not wait behind a long print job of the clerk's, and a read is a few rows.
A new urgent alarm nobody has answered rings the sound and, where the desktop has a tray, shows
a message there too; the sound stops once no urgent alarm waits any more (answered here, or on
another desk of the village: its move arrives by the stream as well)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QStyle, QSystemTrayIcon

from mediation_desk.alarms import handling, rules
from mediation_desk.alarms.dto import AlarmView, WaitingAlarms
from mediation_desk.core import sync_contract as contract
from mediation_desk.core.uow import Actor
from mediation_desk.errors import DeskError
from mediation_desk.gui.alarm_banner import AlarmBanner
from mediation_desk.gui.alarm_bridge import AlarmBridge
from mediation_desk.gui.alarm_sound import AlarmSound
from mediation_desk.gui.pages.alarms_common import kinds_text, moment_text
from mediation_desk.gui.tasks import TaskManager

if TYPE_CHECKING:
    from mediation_desk.gui.main_window import MainWindow
    from mediation_desk.gui.pages.alarms_page import AlarmsPage

log = logging.getLogger(__name__)

TRAY_MESSAGE_MS = 15_000


class AlarmConsole(QObject):
    def __init__(self, window: MainWindow, page: AlarmsPage | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.page: AlarmsPage | None = None  # made when first shown: `attach_page` then
        self.desk = window.desk
        self.actor: Actor = window.actor
        self.running = False
        self.locked = False  # nobody logged in: the banner shows a count only
        self.announced: set[str] = set()  # alarms already rung and told of: not again on each read
        self.waiting: list[AlarmView] = []
        self.last_notice = ""  # the last tray message (also where no tray exists)
        self.banner = AlarmBanner(window)
        window.ui.centralLayout.insertWidget(0, self.banner)  # above the page stack and the lock screen
        self.sound = AlarmSound(self)
        self.alarm_reads = TaskManager(self)
        self.bridge = AlarmBridge(self)
        self.tray: QSystemTrayIcon | None = None
        self.bridge.alarmsArrived.connect(self._arrived)
        self.bridge.stateChanged.connect(self._state_changed)
        self.banner.open_requested.connect(self.open_alarm)
        self._push_again = False
        if page is not None:
            self.attach_page(page)
        window.sync_worker.round_finished.connect(self._round_finished)
        window.operator_changed.connect(self._logged_in)
        window.desk_locked.connect(self.lock)
        window.closed.connect(self.shutdown)
        self.start()

    def attach_page(self, page: AlarmsPage) -> None:
        self.page = page
        page.alarms_changed.connect(self._moved_here)

    # ---- the session ------------------------------------------------------------------------------

    def start(self) -> None:
        if self.running:
            return
        self.running = True
        self.bridge.start(self.desk)
        self.refresh()  # what came while nobody was logged in

    def lock(self) -> None:
        """The desk locked: nothing of a wearer on the screen; the stream and the sound go on."""
        self.locked = True
        self.waiting = []
        self.announced.clear()
        self.banner.set_alarms([])
        self.refresh()

    def stop(self) -> None:
        """The window ends: no stream, no sound, nothing on the screen."""
        if not self.running:
            return
        self.running = False
        self.bridge.stop()
        self.sound.quiet()
        self.waiting = []
        self.announced.clear()
        self.banner.clear()

    def shutdown(self) -> None:
        self.stop()
        self.alarm_reads.shutdown()
        if self.tray is not None:
            self.tray.hide()

    def _logged_in(self, actor: Actor) -> None:
        self.actor = actor
        self.locked = False
        self.start()
        self.refresh()

    def _town_desk(self) -> bool:
        status = self.window.sync_worker.status
        return status is not None and status.scope == contract.SCOPE_TOWN

    # ---- alarms -----------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the open alarms again (off the UI thread) and show what waits."""
        if not self.running:
            return
        if self.locked:
            self.alarm_reads.run(
                handling.waiting_alarms,
                self.desk,
                escalated_only=self._town_desk(),
                on_done=self._show_locked,
                on_error=self._not_read,
                owner=self,
            )
            return
        self.alarm_reads.run(
            handling.open_alarms, self.desk, self.actor, on_done=self._show, on_error=self._not_read, owner=self
        )

    def _show_locked(self, waiting: WaitingAlarms) -> None:
        if not (self.running and self.locked):
            return  # logged in meanwhile: the full read follows
        self.banner.show_locked(waiting)
        if waiting.urgent:
            self.sound.ring()
        else:
            self.sound.quiet()

    def _moved_here(self) -> None:
        """An alarm moved (or a wearer or a task changed) on this desk: the banner follows, and
        the move goes up at once — the district escalates to the town an alarm it believes nobody
        answered, so an answer must not wait for the next scheduled round."""
        self.refresh()
        self._push_soon()

    def _push_soon(self) -> None:
        worker = self.window.sync_worker
        status = worker.status
        if status is None or not status.enrolled or status.refused or status.token is None:
            return  # no district to tell (yet): the scheduled rounds take it when there is one
        if not worker.sync_now():
            self._push_again = True  # a round is under way: it may have pushed before this move

    def _round_finished(self, _outcome: object) -> None:
        if self._push_again:
            self._push_again = False
            self._push_soon()

    def _arrived(self, _ids: list[Any], _late: bool) -> None:
        self.refresh()
        if self.page is not None:  # a page not made yet reads them when it is
            self.page.alarms_arrived()

    def _state_changed(self, state: object) -> None:
        if self.running:  # locked too: a deaf desk must say so to whoever walks past
            self.banner.show_stream_state(state)

    def _show(self, alarms: list[AlarmView]) -> None:
        if not self.running or self.locked:
            return  # locked meanwhile: the count follows
        waiting = [a for a in alarms if a.status == rules.NEW]
        if self._town_desk():  # a town answers what its villages did not in time
            waiting = [a for a in waiting if a.escalated_at is not None]
        self.waiting = waiting
        self.banner.set_alarms(waiting)
        fresh = [a for a in waiting if a.id not in self.announced]
        self.announced = {a.id for a in waiting}
        if any(a.urgent for a in waiting):
            self.sound.ring()
        else:
            self.sound.quiet()
        if fresh:
            self._notify(fresh)

    def _not_read(self, error: BaseException) -> None:
        # A lock wiping the key under a read, or an operator without the right: the next read
        # (after the login) shows the alarms; anything else is a fault to hear about.
        if not isinstance(error, DeskError):
            raise error
        log.info("open alarms not read: %s", type(error).__name__)

    def _notify(self, fresh: list[AlarmView]) -> None:
        first = fresh[0]
        title = self.tr("平安手环报警：{name}").format(name=first.wearer_name)
        text = self.tr("{kinds}，{at} 报警。请立即接警。").format(
            kinds=kinds_text(first.kinds), at=moment_text(first.raised_at)
        )
        if len(fresh) > 1:
            text += self.tr("另有 {count} 条新报警。").format(count=len(fresh) - 1)
        self.last_notice = f"{title}\n{text}"
        tray = self._tray()
        if tray is not None:
            icon = QSystemTrayIcon.MessageIcon.Critical if first.urgent else QSystemTrayIcon.MessageIcon.Warning
            tray.showMessage(title, text, icon, TRAY_MESSAGE_MS)
        QApplication.alert(self.window, 0)  # the taskbar entry flashes until the window is looked at

    def _tray(self) -> QSystemTrayIcon | None:
        if self.tray is None and QSystemTrayIcon.isSystemTrayAvailable() and QSystemTrayIcon.supportsMessages():
            icon = self.window.windowIcon()
            if icon.isNull():
                icon = self.window.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            self.tray = QSystemTrayIcon(icon, self)
            self.tray.setToolTip(self.tr("人民调解室工作台：平安手环"))
            self.tray.messageClicked.connect(lambda: self.open_alarm(self.waiting[0].id if self.waiting else ""))
            self.tray.show()
        return self.tray

    def open_alarm(self, alarm_id: str) -> None:
        """The 平安手环 page with this alarm (or all alarms for ""), the window brought to the front."""
        if self.window.locked:
            return
        if self.window.isMinimized():
            self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()
        page = self.window.alarms  # made now if need be (and attached)
        self.window.go_to(page)
        if self.window.current_page() is not page:
            return  # the clerk stayed with unsaved work: the banner still shows the alarm
        page.show_tab(page.alarms)
        if alarm_id:
            page.show_alarm(alarm_id)
