"""平安绿币 (green coins): one entry of the navigation, its work in tabs — residents and households,
declarations and their review, balances and statements, the month's summary, the 绿币超市.

Each tab reads what it shows when it comes into view (`refresh`), so a resident registered on
one tab is there on the next. The town's review, on a town's desk, talks to the district on the
window's sync thread (`sync_worker`), never on the UI thread."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.gui.pages.points_balances import PointsBalancesTab
from mediation_desk.gui.pages.points_declarations import PointsDeclarationsTab
from mediation_desk.gui.pages.points_month_end import MonthEndTab
from mediation_desk.gui.pages.points_residents import PointsResidentsTab
from mediation_desk.gui.pages.points_shop import ShopTab
from mediation_desk.gui.sync_worker import SyncWorker
from mediation_desk.gui.tasks import TaskManager


class PointsTab(Protocol):
    """What each tab offers the page: it acts for `actor`, and reads its data on `refresh()`."""

    actor: Actor

    def refresh(self) -> None: ...


class PointsPage(QWidget):
    def __init__(
        self,
        desk: Desk,
        tasks: TaskManager,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        sync_worker: SyncWorker | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = tasks
        self._actor = actor
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.residents = PointsResidentsTab(desk, tasks, actor, self)
        self.declarations = PointsDeclarationsTab(desk, tasks, actor, self)
        if sync_worker is not None:
            self.declarations.use_network(sync_worker.call, sync_worker.options)
        self.balances = PointsBalancesTab(desk, tasks, actor, self)
        self.month_end = MonthEndTab(desk, tasks, actor, self)
        self.shop = ShopTab(desk, tasks, actor, self)
        self.tab_list: list[PointsTab] = [self.residents, self.declarations, self.balances, self.month_end, self.shop]
        for tab, title in zip(
            (self.residents, self.declarations, self.balances, self.month_end, self.shop),
            (
                self.tr("居民和户"),
                self.tr("申报和审核"),
                self.tr("积分和明细"),
                self.tr("月末汇总"),
                self.tr("绿币超市"),
            ),
            strict=True,
        ):
            self.tabs.addTab(tab, title)
        self.tabs.currentChanged.connect(lambda _index: self.refresh())

    @property
    def actor(self) -> Actor:
        return self._actor

    def set_actor(self, actor: Actor) -> None:
        """After a login (perhaps by another operator): every tab acts for them from now on."""
        self._actor = actor
        for tab in self.tab_list:
            tab.actor = actor

    def refresh(self) -> None:
        """The tab in view reads its data again; the others when they come into view."""
        self.tab_list[max(0, self.tabs.currentIndex())].refresh()

    def show_tab(self, tab: QWidget) -> None:
        self.tabs.setCurrentWidget(tab)
