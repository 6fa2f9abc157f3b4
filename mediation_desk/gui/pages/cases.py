"""案件 (cases): the cases of the desk the operator may see (a 调解员: those they are or were
assigned to), newest first, with instant search and filters."""

from __future__ import annotations

from PySide6.QtCore import QDate, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHeaderView, QWidget

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
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.mediation import mediators, states
from mediation_desk.mediation.dto import MediatorView

SEARCH_DELAY_MS = 250  # typing pauses this long before the list is read again
TABLE_FONT_FACTOR = 1.2  # the list is read by elderly mediators: a size above the window's own
COLUMN_WIDTHS = {NUMBER: 16, STATE: 7, DISPUTE_TYPE: 8, MEDIATORS: 8, ACCEPTED_ON: 8, AMOUNT: 7}  # in em


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
        self.ui.caseTable.activated.connect(self._activate)
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
        font = table.font()
        font.setPointSizeF(font.pointSizeF() * TABLE_FONT_FACTOR)
        table.setFont(font)
        table.setModel(self.model)
        em = table.fontMetrics().horizontalAdvance("中")
        header = table.horizontalHeader()
        # Fixed widths: sizing to contents would read every row of a 100,000-case list.
        for column, width in COLUMN_WIDTHS.items():
            header.resizeSection(column, width * em)
        header.setSectionResizeMode(PARTIES, QHeaderView.ResizeMode.Stretch)
        rows = table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(table.fontMetrics().height() + em // 2)

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
            accepted_from=ui.fromDate.date().toPython() if ui.fromCheck.isChecked() else None,
            accepted_to=ui.toDate.date().toPython() if ui.toCheck.isChecked() else None,
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
