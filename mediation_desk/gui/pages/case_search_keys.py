"""查找 by keyboard: from the search box, Enter searches at once and opens the case when exactly
one is found (otherwise it goes to the first one found); Down goes to the first case found.
Either waits for a search still being read."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut

from mediation_desk.gui.case_list_model import NUMBER

if TYPE_CHECKING:
    from mediation_desk.gui.pages.cases import CasesPage

OPEN, SELECT = "open", "select"


class SearchKeys(QObject):
    def __init__(self, page: CasesPage) -> None:
        super().__init__(page)
        self.page = page
        self.pending: str | None = None  # what Enter or Down asked for, once the cases are read
        search = page.ui.searchEdit
        search.returnPressed.connect(lambda: self._ask(OPEN))
        down = QShortcut(QKeySequence(Qt.Key.Key_Down), search)
        down.setContext(Qt.ShortcutContext.WidgetShortcut)
        down.activated.connect(lambda: self._ask(SELECT))
        page.model.loaded.connect(self._answer)

    def _ask(self, what: str) -> None:
        self.pending = what
        if self.page.search_timer.isActive():
            self.page.apply_filter()  # typed a moment ago: search now
        self._answer()

    def _answer(self) -> None:
        page, model = self.page, self.page.model
        if self.pending is None or model.fetching or page.search_timer.isActive():
            return
        if model.rowCount() == 0 and model.has_more():
            return  # a new search, not read yet
        what, self.pending = self.pending, None
        if what == OPEN and model.rowCount() == 1 and not model.has_more():
            page.case_activated.emit(model.case_id(0))
        elif model.rowCount():
            table = page.ui.caseTable
            table.setFocus(Qt.FocusReason.OtherFocusReason)
            table.setCurrentIndex(model.index(0, NUMBER))
