"""Lists whose text is never cut off: the columns of free text share the width that is left and
their text wraps, the rows growing to fit; nothing ends in "…". The other columns are as wide as
their text (header included), so the free text gets all the room there is; a free-text column
never gets narrower than a few characters — the list scrolls sideways instead.

Qt's tables size a wrapped row by its column's width, but a tree measures rows as if its columns
were endless (so a wrapped line would be clipped): trees get a delegate that measures each cell
at its column's width. Everything is measured again when the view is filled (`fit_rows`), made
wider or narrower, or its font changes (elder mode), once per event-loop turn. Measuring is done
with the font's metrics — a few thousand widths for the longest list, a few milliseconds."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTreeView,
)

LEAST_FREE_TEXT_EM = 8  # a free-text column is never narrower: the list scrolls sideways instead
PADDING_EM = 1.2  # room around a cell's text (margins, the sort arrow of a header)


class _MeasuredAtColumnWidth(QStyledItemDelegate):
    """A tree's cells of the stretched columns measured at the width of their column, so their
    wrapped text gets its lines (the other columns are measured whole, to be sized to them)."""

    def __init__(self, tree: QTreeView, stretched: frozenset[int]) -> None:
        super().__init__(tree)
        self.tree = tree
        self.stretched = stretched

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        if index.column() not in self.stretched:
            return super().sizeHint(option, index)
        measured = QStyleOptionViewItem(option)
        measured.rect = QRect(0, 0, max(1, self.tree.columnWidth(index.column())), 1 << 16)
        return super().sizeHint(measured, index)


class _Wrapping(QObject):
    """What `wrap_columns` set up for one view; measures it again when it changes."""

    def __init__(self, view: QTableView | QTreeView, stretched: frozenset[int]) -> None:
        super().__init__(view)
        self.view = view
        self.stretched = stretched
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self.fit)
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.Resize):
            self.timer.start()
        return False

    def fit(self) -> None:
        view = self.view
        if isinstance(view, QTreeView):
            for column in range(view.header().count()):
                if column not in self.stretched:
                    view.resizeColumnToContents(column)
            view.doItemsLayout()
            return
        self._fit_columns(view)
        view.resizeRowsToContents()
        least = view.verticalHeader().defaultSectionSize()  # the table's own row height stays the least
        for row in range(view.model().rowCount()):
            if view.rowHeight(row) < least:
                view.setRowHeight(row, least)

    def _fit_columns(self, table: QTableView) -> None:
        model, header = table.model(), table.horizontalHeader()
        em = table.fontMetrics().horizontalAdvance("中")
        bold = QFont(table.font())
        bold.setBold(True)  # the widest a cell's text can be drawn
        cell, title = QFontMetrics(bold), header.fontMetrics()
        fixed = 0
        for column in range(model.columnCount()):
            if column in self.stretched:
                continue
            texts = (str(model.index(row, column).data() or "") for row in range(model.rowCount()))
            name = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            widest = max((cell.horizontalAdvance(text) for text in texts), default=0)
            width = max(widest, title.horizontalAdvance(name)) + round(PADDING_EM * em)
            header.resizeSection(column, width)
            fixed += width
        room = table.viewport().width() - fixed
        share = room // max(1, len(self.stretched))
        for column in self.stretched:
            if share >= LEAST_FREE_TEXT_EM * em:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            else:  # too little room left: the list scrolls sideways rather than squeeze the text
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(column, LEAST_FREE_TEXT_EM * em)


def wrap_columns(view: QTableView | QTreeView, stretched: Iterable[int]) -> None:
    """Wrap the text of `view` instead of eliding it; the `stretched` columns (free text) share
    the width the others leave. Call `fit_rows(view)` after filling it."""
    columns = frozenset(stretched)
    view.setWordWrap(True)
    view.setTextElideMode(Qt.TextElideMode.ElideNone)
    header: QHeaderView
    if isinstance(view, QTreeView):
        view.setUniformRowHeights(False)
        view.setItemDelegate(_MeasuredAtColumnWidth(view, columns))
        header = view.header()
    else:
        header = view.horizontalHeader()
    header.setStretchLastSection(False)
    for column in columns:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    wrapping = _Wrapping(view, columns)
    header.sectionResized.connect(lambda *_: wrapping.timer.start())


def fit_rows(view: QTableView | QTreeView) -> None:
    """Measure the view again (after it was filled): columns to their text, rows to theirs."""
    wrapping = view.findChild(_Wrapping)
    if wrapping is not None:
        wrapping.fit()
