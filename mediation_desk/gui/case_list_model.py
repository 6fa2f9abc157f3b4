"""The cases list as a Qt table model over `queries.list_cases`, fetched lazily in pages.

A desk may hold 100,000 cases: the view asks for more rows as it scrolls (`canFetchMore` /
`fetchMore`), each page is read on the desk worker and inserted when it arrives on the main
thread. A new filter starts a new generation: results of older requests are dropped when they
arrive (one still waiting for the worker is cancelled), so a fast typist never sees the rows of
a search already replaced. The rows are those the operator may see (`list_cases` takes the actor):
another operator logging in empties the list until it is read again for them."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import Future
from dataclasses import asdict, dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.gui.amounts import yuan
from mediation_desk.gui.labels import dispute_type_name, state_name
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.mediation import queries
from mediation_desk.mediation.dto import CaseSummary

PAGE_SIZE = 200
_ROOT = QModelIndex()  # the list has no tree: every row hangs from the root
CASE_ID_ROLE = Qt.ItemDataRole.UserRole  # the case id behind a row, for opening it

NUMBER, STATE, DISPUTE_TYPE, PARTIES, MEDIATORS, ACCEPTED_ON, AMOUNT = range(7)


@dataclass(frozen=True)
class CaseFilter:
    """What the list shows; the fields are `list_cases`' keyword arguments (None: no limit)."""

    status: str | None = None
    dispute_type: str | None = None
    mediator_id: str | None = None
    accepted_from: dt.date | None = None
    accepted_to: dt.date | None = None
    query: str | None = None


def _amount(summary: CaseSummary) -> str:
    return yuan(summary.amount)


class CaseListModel(QAbstractTableModel):
    loaded = Signal()  # rows arrived (or the list was emptied for a new filter)

    def __init__(self, desk: Desk, tasks: TaskManager, actor: Actor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = tasks
        self.actor = actor
        self.case_filter = CaseFilter()
        self._rows: list[CaseSummary] = []
        self._generation = 0
        self._has_more = False  # nothing is read until a filter is set
        self._request: Future[Any] | None = None
        self._headers = (
            self.tr("案号"),
            self.tr("状态"),
            self.tr("纠纷类型"),
            self.tr("当事人"),
            self.tr("调解员"),
            self.tr("受理日期"),
            self.tr("金额（元）"),
        )

    # ---- what is loaded ---------------------------------------------------------------------------

    @property
    def fetching(self) -> bool:
        return self._request is not None

    def has_more(self) -> bool:
        """More rows may exist beyond those loaded."""
        return self._has_more

    def case_id(self, row: int) -> str:
        return self._rows[row].id

    def summary(self, row: int) -> CaseSummary:
        return self._rows[row]

    # ---- the filter and the operator -------------------------------------------------------------

    def set_filter(self, case_filter: CaseFilter) -> None:
        """Show the cases matching `case_filter` from the first page (also to re-read the same)."""
        self._clear(case_filter, more=True)
        self.fetchMore(_ROOT)

    def set_actor(self, actor: Actor) -> None:
        """Another operator (after a lock): nothing read for the previous one stays on show."""
        if actor == self.actor:
            return
        self.actor = actor
        self._clear(self.case_filter, more=False)  # read again by the next `set_filter`

    def _clear(self, case_filter: CaseFilter, *, more: bool) -> None:
        self._generation += 1
        if self._request is not None:
            self._request.cancel()  # still waiting for the worker: it will never run
            self._request = None
        self.beginResetModel()
        self.case_filter = case_filter
        self._rows = []
        self._has_more = more
        self.endResetModel()
        self.loaded.emit()

    # ---- lazy fetching ----------------------------------------------------------------------------

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> bool:
        return not parent.isValid() and self._has_more and self._request is None

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> None:
        if not self.canFetchMore(parent):
            return
        generation = self._generation
        self._request = self.tasks.run(
            queries.list_cases,
            self.desk,
            self.actor,
            offset=len(self._rows),
            limit=PAGE_SIZE,
            **asdict(self.case_filter),
            on_done=lambda rows: self._page_arrived(generation, rows),
            on_error=lambda error: self._page_failed(generation, error),
            owner=self,
        )

    def _page_arrived(self, generation: int, rows: list[CaseSummary]) -> None:
        if generation != self._generation:
            return  # an older filter's answer
        self._request = None
        self._has_more = len(rows) == PAGE_SIZE
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self.loaded.emit()

    def _page_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._request = None
        self._has_more = False  # no endless retries while scrolling; a refresh tries again
        self.loaded.emit()
        raise error  # the exception hook reports it

    # ---- the table --------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.TextAlignmentRole and section == AMOUNT:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        summary = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):  # the tip: a cell shortened
            return self._text(summary, index.column())
        if role == CASE_ID_ROLE:
            return summary.id
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == AMOUNT:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def _text(self, s: CaseSummary, column: int) -> str:
        if column == NUMBER:
            return s.number
        if column == STATE:
            return state_name(s.status)
        if column == DISPUTE_TYPE:
            return dispute_type_name(s.dispute_type)
        if column == PARTIES:
            return self.tr("、").join(s.party_names)
        if column == MEDIATORS:
            return self.tr("、").join(s.mediator_names)
        if column == ACCEPTED_ON:
            return s.accepted_on.isoformat()
        return _amount(s)
