"""The window's pages, each made when first shown or first asked for (`window.cases`).

A page is registered with its maker and keeps its place in the stack from the start (an empty
widget stands there until it is made), so the navigation's rows and the stack's rows agree
whichever pages exist; the window starts with only the page it shows."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar, overload

from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStackedWidget, QStyle, QWidget

if TYPE_CHECKING:
    from mediation_desk.gui.main_window import MainWindow

P = TypeVar("P", bound=QWidget)


class LazyPage(Generic[P]):
    """`window.cases`: the page, made on first use (`MainWindow.page`)."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, window: None, owner: type) -> LazyPage[P]: ...
    @overload
    def __get__(self, window: MainWindow, owner: type) -> P: ...
    def __get__(self, window: MainWindow | None, owner: type) -> LazyPage[P] | P:
        if window is None:
            return self
        return window.page(self.name)  # type: ignore[return-value]


class PageShelf:
    """The pages by name: their makers, their rows, those made so far (`built`). `made` is told
    of each page as it is made (the window wires it then)."""

    def __init__(self, stack: QStackedWidget, nav: QListWidget, made: Callable[[str, QWidget], None]) -> None:
        self.stack, self.nav, self._made = stack, nav, made
        self.built: dict[str, QWidget] = {}
        self._makers: dict[str, Callable[[], QWidget]] = {}
        self._rows: dict[str, int] = {}

    def add(self, name: str, title: str | None, make: Callable[[], QWidget]) -> None:
        """Listed in the navigation in the order added (`title` None: reached from elsewhere)."""
        self._rows[name] = self.stack.addWidget(QWidget(self.stack))  # its place, kept
        self._makers[name] = make
        if title is not None:
            QListWidgetItem(title, self.nav)
            self.fit_navigation()

    def page(self, name: str) -> QWidget:
        """The page called `name`, made now if it has not been yet."""
        made = self.built.get(name)
        if made is not None:
            return made
        page = self.built[name] = self._makers[name]()
        stack, row = self.stack, self._rows[name]
        place, shown = stack.widget(row), stack.currentWidget()
        assert place is not None and shown is not None  # its place was kept in `add`
        stack.blockSignals(True)  # the page shown stays shown: nothing to follow
        stack.insertWidget(row, page)
        stack.removeWidget(place)
        stack.setCurrentWidget(shown if shown is not place else page)
        stack.blockSignals(False)
        place.deleteLater()
        self._made(name, page)
        return page

    def names(self) -> list[str]:
        return list(self._rows)

    def row(self, name: str) -> int:
        return self._rows[name]

    def at_row(self, row: int) -> QWidget | None:
        name = next((name for name, at in self._rows.items() if at == row), None)
        return self.stack.widget(row) if name is None else self.page(name)

    def fit_navigation(self) -> None:
        """As wide as its longest entry in the current font: nothing clipped, no room wasted."""
        nav = self.nav
        texts = [nav.item(row).text() for row in range(nav.count())]
        widest = max((nav.fontMetrics().horizontalAdvance(text) for text in texts), default=0)
        scroll_bar = nav.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, nav)
        nav.setFixedWidth(widest + 2 * nav.frameWidth() + 2 * nav.spacing() + scroll_bar + 16)
