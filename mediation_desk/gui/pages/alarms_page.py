"""平安手环 (bracelet alarms): one entry of the navigation, its work in tabs — the alarms with the
wearer's card and the moves of an alarm's life, the wearers and their contacts, the bracelets'
device tasks, and the monthly answer times.

Alarms arrive by the alarm stream at any moment (gui/alarm_console.py): the console tells the
page (`alarms_arrived`), which reads its alarms again when they are in view; a move made here
(`alarms_changed`) tells the console, so the banner and the sound follow at once."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.gui.pages.alarms_figures import FiguresTab
from mediation_desk.gui.pages.alarms_handling import AlarmsTab
from mediation_desk.gui.pages.alarms_tasks import DeviceTasksTab
from mediation_desk.gui.pages.alarms_wearers import WearersTab
from mediation_desk.gui.pages.tabbed_page import TabbedPage
from mediation_desk.gui.tasks import TaskManager


class AlarmsPage(TabbedPage):
    alarms_changed = Signal()  # an alarm moved, a wearer or a device task saved: for the console

    def __init__(self, desk: Desk, tasks: TaskManager, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(desk, tasks, actor, parent)
        self.alarms = AlarmsTab(desk, tasks, actor, self)
        self.wearers = WearersTab(desk, tasks, actor, self)
        self.device_tasks = DeviceTasksTab(desk, tasks, actor, self)
        self.figures = FiguresTab(desk, tasks, actor, self)
        self.add_tabs(
            [
                (self.alarms, self.alarms, self.tr("报警")),
                (self.wearers, self.wearers, self.tr("佩戴人")),
                (self.device_tasks, self.device_tasks, self.tr("设备任务")),
                (self.figures, self.figures, self.tr("月度统计")),
            ]
        )
        for tab in (self.alarms, self.wearers, self.device_tasks):
            tab.changed.connect(self.alarms_changed)

    def show_alarm(self, alarm_id: str) -> None:
        """The alarms tab with this alarm selected (the banner's 查看)."""
        self.show_tab(self.alarms)
        self.alarms.show_alarm(alarm_id)

    def alarms_arrived(self) -> None:
        """New or changed alarms or tasks: read again what is in view."""
        if self.isVisible():
            self.refresh()
