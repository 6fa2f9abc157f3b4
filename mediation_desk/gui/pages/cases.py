"""案件 (cases): the cases of the desk the operator may see (a 调解员: those they are or were
assigned to), newest first, with instant search and filters.

The case number and the party names are what the list is read for: they come first and are
always shown whole (as wide as the widest loaded), as are the figures (a date or an amount cut
short would be misread); state, type and mediators share what room is left, down to a few
characters each (the whole text in the cell's tooltip), and the list scrolls sideways only when
even that is too wide."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QStyle, QWidget

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.gui.case_list_model import (
    ACCEPTED_ON,
    AMOUNT,
    DISPUTE_TYPE,
    MEDIATORS,
    NUMBER,
    PARTIES,
    STATE,
    CaseFilter,
    CaseListModel,
)
from mediation_desk.gui.forms.ui_cases_page import Ui_CasesPage
from mediation_desk.gui.labels import DISPUTE_TYPE_NAMES, dispute_type_name, state_name
from mediation_desk.gui.large_text import em, size_table
from mediation_desk.gui.pages.case_search_keys import SearchKeys
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.mediation import mediators, states
from mediation_desk.mediation.dto import MediatorView

SEARCH_DELAY_MS = 250  # typing pauses this long before the list is read again
TABLE_FONT_FACTOR = 1.15  # the list is read by elderly mediators: a size above the window's own
WHOLE = (NUMBER, PARTIES, ACCEPTED_ON, AMOUNT)  # never shortened; the number and parties at the left
# The other columns: the width they like and the least they get (in em).
OTHER_WIDTHS = {STATE: (6, 3), DISPUTE_TYPE: (7, 3), MEDIATORS: (8, 3)}
SAMPLE_NUMBER = "（2026）谢调字第 0000 号"  # the width of a number before any is loaded


def _day(date: QDate) -> dt.date:
    return dt.date(date.year(), date.month(), date.day())


class CasesPage(QWidget):
    case_activated = Signal(str)  # a case chosen with Enter or a double click: its id

    def __init__(self, desk: Desk, tasks: TaskManager, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = tasks
        self.actor = actor
        self.ui = Ui_CasesPage()
        self.ui.setupUi(self)
        self.model = CaseListModel(desk, tasks, actor, self)
        self._loading_roster = False

        self._fill_choices()
        self._set_up_table()
        today = QDate.currentDate()
        self.ui.fromDate.setDate(QDate(today.year(), 1, 1))
        self.ui.toDate.setDate(today)

        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.apply_filter)
        self.ui.searchEdit.textChanged.connect(self.search_timer.start)
        self.ui.searchEdit.returnPressed.connect(self.apply_filter)  # no need to wait
        for combo in (self.ui.stateCombo, self.ui.typeCombo, self.ui.mediatorCombo):
            combo.currentIndexChanged.connect(self.apply_filter)
        for check, date in ((self.ui.fromCheck, self.ui.fromDate), (self.ui.toCheck, self.ui.toDate)):
            check.toggled.connect(date.setEnabled)
            check.toggled.connect(self.apply_filter)
            date.dateChanged.connect(self._date_changed)
        self.model.loaded.connect(self._show_count)
        self.model.rowsInserted.connect(self._show_count)
        self.model.modelReset.connect(self.measure_texts)
        self.model.rowsInserted.connect(lambda _parent, first, last: self._measure_rows(first, last))
        self.ui.caseTable.activated.connect(self._activate)
        self.search_keys = SearchKeys(self)  # Enter opens a single case found, Down goes to the list
        self._show_count()

    def _fill_choices(self) -> None:
        all_text = self.tr("全部")
        self.ui.stateCombo.addItem(all_text, None)
        for code in states.STATES:
            self.ui.stateCombo.addItem(state_name(code), code)
        self.ui.typeCombo.addItem(all_text, None)
        for code in DISPUTE_TYPE_NAMES:
            self.ui.typeCombo.addItem(dispute_type_name(code), code)
        self.ui.mediatorCombo.addItem(all_text, None)

    def _set_up_table(self) -> None:
        table = self.ui.caseTable
        table.setModel(self.model)
        table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.moveSection(header.visualIndex(PARTIES), 1)  # right after the number
        self.widest: dict[int, int] = {}  # column: the widest text loaded in it, in pixels
        size_table(table, TABLE_FONT_FACTOR)
        table.installEventFilter(self)  # its width or font changes: the columns share it again
        self.measure_texts()

    def text_margin(self) -> int:
        """Room the table leaves on each side of a cell's text."""
        table = self.ui.caseTable
        return table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1

    def measure_texts(self) -> None:
        """The widest number and party names anew: a new list, or a new font. Sizing to contents
        would read every row of a 100,000-case list: only the rows loaded are measured."""
        metrics = self.ui.caseTable.fontMetrics()
        self.widest = {column: metrics.horizontalAdvance(self._header(column)) for column in WHOLE}
        self.widest[NUMBER] = max(self.widest[NUMBER], metrics.horizontalAdvance(SAMPLE_NUMBER))
        self.widest[ACCEPTED_ON] = max(self.widest[ACCEPTED_ON], metrics.horizontalAdvance("2026-12-31"))
        self._measure_rows(0, self.model.rowCount() - 1)

    def _header(self, column: int) -> str:
        return str(self.model.headerData(column, Qt.Orientation.Horizontal))

    def _measure_rows(self, first: int, last: int) -> None:
        metrics, model = self.ui.caseTable.fontMetrics(), self.model
        for column in WHOLE:
            texts = (model.data(model.index(row, column)) or "" for row in range(first, last + 1))
            self.widest[column] = max([self.widest.get(column, 0), *map(metrics.horizontalAdvance, texts)])
        self.fit_columns()

    def whole_width(self, column: int) -> int:
        return self.widest.get(column, 0) + 2 * self.text_margin() + em(self.ui.caseTable) // 2

    def fit_columns(self) -> None:
        table = self.ui.caseTable
        header, unit = table.horizontalHeader(), em(table)
        scroll_bar = table.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, table)
        room = table.contentsRect().width() - scroll_bar
        whole = {column: self.whole_width(column) for column in WHOLE}
        liked = sum(round(like * unit) for like, _least in OTHER_WIDTHS.values())
        least = sum(round(low * unit) for _like, low in OTHER_WIDTHS.values())
        left = room - sum(whole.values())
        # Between the least and what they like, the other columns share what is left alike.
        share = 1.0 if left >= liked else max(0.0, (left - least) / max(liked - least, 1))
        for column, (like, low) in OTHER_WIDTHS.items():
            header.resizeSection(column, round((low + (like - low) * share) * unit))
        spare = max(0, left - liked)  # a wide window: the party names get the room
        for column, width in whole.items():
            header.resizeSection(column, width + (spare if column == PARTIES else 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.ui.caseTable and event.type() == QEvent.Type.Resize:
            self.fit_columns()
        elif watched is self.ui.caseTable and event.type() == QEvent.Type.FontChange:
            self.measure_texts()
        return super().eventFilter(watched, event)

    def set_actor(self, actor: Actor) -> None:
        """After a login, possibly by another operator: the list is theirs from the next read."""
        self.actor = actor
        self.model.set_actor(actor)

    # ---- reading --------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Shown or asked to reload: the roster of mediators and the list under the same filter."""
        if not self._loading_roster:
            self._loading_roster = True
            self.tasks.run(mediators.list_mediators, self.desk, on_done=self._show_roster, on_error=self._roster_failed)
        self.apply_filter()

    def current_filter(self) -> CaseFilter:
        ui = self.ui
        return CaseFilter(
            status=ui.stateCombo.currentData(),
            dispute_type=ui.typeCombo.currentData(),
            mediator_id=ui.mediatorCombo.currentData(),
            accepted_from=_day(ui.fromDate.date()) if ui.fromCheck.isChecked() else None,
            accepted_to=_day(ui.toDate.date()) if ui.toCheck.isChecked() else None,
            query=ui.searchEdit.text().strip() or None,
        )

    def apply_filter(self) -> None:
        self.search_timer.stop()
        self.model.set_filter(self.current_filter())

    def _date_changed(self) -> None:
        # Typing a date goes through invalid days (2026-0): wait for the pause, as for a search.
        if self.ui.fromCheck.isChecked() or self.ui.toCheck.isChecked():
            self.search_timer.start()

    def _show_roster(self, roster: list[MediatorView]) -> None:
        self._loading_roster = False
        combo: QComboBox = self.ui.mediatorCombo
        chosen = combo.currentData()
        combo.blockSignals(True)  # the same choice stays: no new query for it
        try:
            while combo.count() > 1:
                combo.removeItem(1)
            for mediator in roster:
                combo.addItem(mediator.name, mediator.id)
            index = combo.findData(chosen) if chosen else 0
            combo.setCurrentIndex(max(index, 0))
        finally:
            combo.blockSignals(False)
        if index < 0:  # the chosen mediator left the roster: the list without that filter
            self.apply_filter()

    def _roster_failed(self, error: BaseException) -> None:
        self._loading_roster = False
        raise error

    def _show_count(self) -> None:
        count = self.model.rowCount()
        if self.model.has_more():
            text = self.tr("共 {count}+ 件").format(count=count)
        else:
            text = self.tr("共 {count} 件").format(count=count)
        self.ui.countLabel.setText(text)

    # ---- keyboard -------------------------------------------------------------------------------

    def focus_search(self) -> None:
        """Ctrl+F: the search box, its text selected so typing replaces it."""
        self.ui.searchEdit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.ui.searchEdit.selectAll()

    def _activate(self, index: QModelIndex) -> None:
        if index.isValid():
            self.case_activated.emit(self.model.case_id(index.row()))
