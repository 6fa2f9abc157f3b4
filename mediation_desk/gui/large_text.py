"""Text larger than the window's body, for what elderly mediators read most (the navigation, the
lists, the result of a verification, the page number), and sizes that depend on the text.

Both follow 大字模式 at once (font_mode.py): `enlarge` marks a widget with its factor, re-sized with
the body when the mode changes; `follow_font` calls a function now and after each change (column
widths, row heights, charts), for as long as the widget lives."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from mediation_desk.gui.font_mode import SCALE_PROPERTY, notifier, sized_font

HEADING = 1.4  # a page's or dialog's title, times the body text
SUBHEADING = 1.2


def enlarge(factor: float, *widgets: QWidget) -> None:
    """`factor` times the body text, now and in either mode."""
    for widget in widgets:
        widget.setProperty(SCALE_PROPERTY, float(factor))
        widget.setFont(sized_font(widget.font(), factor))


class _Follower(QObject):
    def __init__(self, widget: QWidget, refit: Callable[[], None]) -> None:
        super().__init__(widget)
        self.refit = refit
        notifier().changed.connect(self.on_change)

    def on_change(self, _large: bool) -> None:
        self.refit()


def follow_font(widget: QWidget, refit: Callable[[], None]) -> None:
    """`refit()` now and whenever the font mode changes, while `widget` lives."""
    _Follower(widget, refit)
    refit()


def em(widget: QWidget) -> int:
    """The width of one Chinese character in the widget's font."""
    return widget.fontMetrics().horizontalAdvance("中")


def row_height(view: QAbstractItemView) -> int:
    """A row of a list that leaves room around the text (and grows with it)."""
    return view.fontMetrics().height() + em(view) // 2


def size_table(table: QTableView, factor: float, widths: dict[int, float] | None = None) -> None:
    """A table's text `factor` times the body, its rows and the given columns (in em) sized to
    it — again whenever the mode changes."""
    enlarge(factor, table)

    def refit() -> None:
        rows = table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(row_height(table))
        for column, width in (widths or {}).items():
            table.horizontalHeader().resizeSection(column, round(width * em(table)))

    follow_font(table, refit)
