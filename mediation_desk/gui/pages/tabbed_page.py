"""A page of the navigation whose work is in tabs (平安绿币, 一单一码): the tabs act for the
operator logged in, and each reads its data when it comes into view, so what one tab saved shows
on the next."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.gui.tasks import TaskManager


class PageTab(Protocol):
    """What each tab offers the page: it acts for `actor`, and reads its data on `refresh()`."""

    actor: Actor

    def refresh(self) -> None: ...


class TabbedPage(QWidget):
    def __init__(self, desk: Desk, tasks: TaskManager, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = tasks
        self._actor = actor
        self.tab_list: list[PageTab] = []
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def add_tabs(self, tabs: Sequence[tuple[QWidget, PageTab, str]]) -> None:
        """The tabs in order: each as a widget, as what the page drives, and its title."""
        for widget, tab, title in tabs:
            self.tabs.addTab(widget, title)
            self.tab_list.append(tab)
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
        if self.tab_list:
            self.tab_list[max(0, self.tabs.currentIndex())].refresh()

    def show_tab(self, tab: QWidget) -> None:
        self.tabs.setCurrentWidget(tab)
