"""一单一码 (site codes): one entry of the navigation, its work in tabs — the places with their
codes, entering a self-inspection, hazards and their rectification, the district's tasks, the
grids' dashboard, and the placards (printing them, checking one by its QR code).

Each tab reads what it shows when it comes into view (`refresh`), so an inspection saved on one
tab shows in the codes, hazards and dashboard of the others."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.gui.pages.sitecode_dashboard import SitecodeDashboardTab
from mediation_desk.gui.pages.sitecode_hazards import SitecodeHazardsTab
from mediation_desk.gui.pages.sitecode_inspect import SitecodeInspectTab
from mediation_desk.gui.pages.sitecode_placards import SitecodePlacardsTab
from mediation_desk.gui.pages.sitecode_places import SitecodePlacesTab
from mediation_desk.gui.pages.sitecode_tasks import SitecodeTasksTab
from mediation_desk.gui.pages.tabbed_page import TabbedPage
from mediation_desk.gui.tasks import TaskManager


class SitecodePage(TabbedPage):
    def __init__(self, desk: Desk, tasks: TaskManager, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(desk, tasks, actor, parent)
        self.places = SitecodePlacesTab(desk, tasks, actor, self)
        self.inspect = SitecodeInspectTab(desk, tasks, actor, self)
        self.hazards = SitecodeHazardsTab(desk, tasks, actor, self)
        self.task_list = SitecodeTasksTab(desk, tasks, actor, self)
        self.dashboard = SitecodeDashboardTab(desk, tasks, actor, self)
        self.placards = SitecodePlacardsTab(desk, tasks, actor, self)
        self.add_tabs(
            [
                (self.places, self.places, self.tr("场所")),
                (self.inspect, self.inspect, self.tr("自查录入")),
                (self.hazards, self.hazards, self.tr("隐患整改")),
                (self.task_list, self.task_list, self.tr("任务")),
                (self.dashboard, self.dashboard, self.tr("网格看板")),
                (self.placards, self.placards, self.tr("亮码公示")),
            ]
        )
