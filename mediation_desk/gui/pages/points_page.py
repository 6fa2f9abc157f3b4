"""平安绿币 (green coins): one entry of the navigation, its work in tabs — residents and households,
declarations and their review, balances and statements, the month's summary, the 绿币超市.

Each tab reads what it shows when it comes into view (`refresh`), so a resident registered on
one tab is there on the next. The town's review, on a town's desk, talks to the district on the
window's sync thread (`sync_worker`), never on the UI thread."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.gui.pages.points_balances import PointsBalancesTab
from mediation_desk.gui.pages.points_declarations import PointsDeclarationsTab
from mediation_desk.gui.pages.points_month_end import MonthEndTab
from mediation_desk.gui.pages.points_residents import PointsResidentsTab
from mediation_desk.gui.pages.points_shop import ShopTab
from mediation_desk.gui.pages.tabbed_page import TabbedPage
from mediation_desk.gui.sync_worker import SyncWorker
from mediation_desk.gui.tasks import TaskManager


class PointsPage(TabbedPage):
    def __init__(
        self,
        desk: Desk,
        tasks: TaskManager,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        sync_worker: SyncWorker | None = None,
    ) -> None:
        super().__init__(desk, tasks, actor, parent)
        self.residents = PointsResidentsTab(desk, tasks, actor, self)
        self.declarations = PointsDeclarationsTab(desk, tasks, actor, self)
        if sync_worker is not None:
            self.declarations.use_network(sync_worker.call, sync_worker.options)
        self.balances = PointsBalancesTab(desk, tasks, actor, self)
        self.month_end = MonthEndTab(desk, tasks, actor, self)
        self.shop = ShopTab(desk, tasks, actor, self)
        self.add_tabs(
            [
                (self.residents, self.residents, self.tr("居民和户")),
                (self.declarations, self.declarations, self.tr("申报和审核")),
                (self.balances, self.balances, self.tr("积分和明细")),
                (self.month_end, self.month_end, self.tr("月末汇总")),
                (self.shop, self.shop, self.tr("绿币超市")),
            ]
        )
