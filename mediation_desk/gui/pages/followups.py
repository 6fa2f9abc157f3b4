"""回访 (follow-ups): the visits due — scheduled ones and agreements being performed that are owed
one — overdue first, and the visits done recently with the performance found and the parties'
satisfaction. A visit is recorded on the case page: Enter, a double click or 记录回访 asks the main
window to open the case (`case_requested`). Case numbers only, no personal data."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem, QWidget

from mediation_desk.core.uow import CHINA, Actor
from mediation_desk.desk import Desk
from mediation_desk.gui.case_labels import PERFORMANCE_NAMES, SATISFACTION_NAMES, name_of
from mediation_desk.gui.forms.ui_followups_page import Ui_FollowupsPage
from mediation_desk.gui.labels import state_name
from mediation_desk.gui.large_text import SUBHEADING, enlarge, size_table
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.gui.wrapping import fit_rows, wrap_columns
from mediation_desk.mediation.followup_queries import DoneVisit, DueList, DueVisit, due_list, follow_ups_done

CASE_ID_ROLE = Qt.ItemDataRole.UserRole  # on every cell: the case behind the row
DUE_NUMBER, DUE_ON, DUE_WHEN, DUE_STATE, DUE_PERFORMANCE, DUE_MEDIATORS, DUE_NOTE = range(7)
DONE_NUMBER, DONE_AT, DONE_PERFORMANCE, DONE_SATISFACTION, DONE_RENEWED, DONE_VISITOR, DONE_STATE = range(7)
DUE_WIDTHS = {DUE_NUMBER: 15, DUE_ON: 8, DUE_WHEN: 6, DUE_STATE: 7, DUE_PERFORMANCE: 6, DUE_MEDIATORS: 9}  # em
DONE_WIDTHS = {DONE_NUMBER: 15, DONE_AT: 11, DONE_PERFORMANCE: 6, DONE_SATISFACTION: 6, DONE_RENEWED: 7, DONE_STATE: 6}
LIST_MAX = 300  # rows per list (more would hold the UI thread too long); the counts cover all
DONE_RANGES = (30, 90, 365)  # days back the list of visits done reaches
DEFAULT_DONE_RANGE = 90
TABLE_FONT_FACTOR = 1.2  # read by elderly mediators: a size above the window's own
OVERDUE = QColor("#b00020")
CALM_STYLE = "color: #7a4b00;"


@dataclass(frozen=True)
class FollowUpLists:
    due: DueList
    done: list[DoneVisit]


def load_follow_ups(desk: Desk, actor: Actor, done_days: int) -> FollowUpLists:
    """Both lists in one call on the desk worker."""
    return FollowUpLists(
        due_list(desk, actor, limit=LIST_MAX), follow_ups_done(desk, actor, days=done_days, limit=LIST_MAX)
    )


class FollowupsPage(QWidget):
    case_requested = Signal(str)  # the case to open (its id), where the visit is recorded

    def __init__(self, desk: Desk, tasks: TaskManager, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = tasks
        self.actor = actor
        self.ui = Ui_FollowupsPage()
        self.ui.setupUi(self)
        enlarge(SUBHEADING, self.ui.summaryLabel)
        self.lists: FollowUpLists | None = None
        self._generation = 0
        u = self.ui
        u.statusLabel.setStyleSheet(CALM_STYLE)
        for days in DONE_RANGES:
            u.doneRangeCombo.addItem(
                self.tr("近一年") if days == 365 else self.tr("近 {days} 天").format(days=days), days
            )
        u.doneRangeCombo.setCurrentIndex(DONE_RANGES.index(DEFAULT_DONE_RANGE))
        u.doneRangeCombo.currentIndexChanged.connect(lambda _i: self.refresh())
        self._set_up(
            u.dueTable,
            (
                self.tr("案号"),
                self.tr("应回访日期"),
                self.tr("逾期情况"),
                self.tr("案件状态"),
                self.tr("履行情况"),
                self.tr("承办调解员"),
                self.tr("说明"),
            ),
            DUE_WIDTHS,
            DUE_NOTE,
        )
        self._set_up(
            u.doneTable,
            (
                self.tr("案号"),
                self.tr("回访时间"),
                self.tr("履行情况"),
                self.tr("满意度"),
                self.tr("矛盾是否复发"),
                self.tr("回访人"),
                self.tr("案件状态"),
            ),
            DONE_WIDTHS,
            DONE_VISITOR,
        )
        u.dueTable.activated.connect(self._activate)
        u.doneTable.activated.connect(self._activate)
        u.dueTable.itemSelectionChanged.connect(self._update_button)
        u.recordButton.clicked.connect(self.record_visit)
        self._update_button()

    def _set_up(self, table: QTableWidget, headers: tuple[str, ...], widths: dict[int, int], stretch: int) -> None:
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        # Widths in em (following 大字模式) while the list is empty; once filled, each column is as
        # wide as its text and the free text wraps in what is left, its row growing: nothing is cut
        # off (`wrap_columns`, measured with the font's metrics, not cell by cell by the view).
        size_table(table, TABLE_FONT_FACTOR, dict(widths))
        wrap_columns(table, (stretch,))
        table.verticalHeader().setVisible(False)

    # ---- reading --------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Shown or asked to reload: both lists for the current operator. An answer to an older
        request (the range changed meanwhile) is dropped."""
        self._generation += 1
        generation = self._generation
        self.ui.statusLabel.setText(self.tr("正在读取……"))
        self.tasks.run(
            load_follow_ups,
            self.desk,
            self.actor,
            self.ui.doneRangeCombo.currentData(),
            on_done=lambda lists: self._show(generation, lists),
            on_error=lambda error: self._failed(generation, error),
            owner=self,
        )

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self.ui.statusLabel.clear()
        raise error  # the exception hook reports it; the lists shown stay

    def _show(self, generation: int, lists: FollowUpLists) -> None:
        if generation != self._generation:
            return
        self.lists = lists
        self.ui.statusLabel.clear()
        due, done = lists.due, lists.done
        self.ui.summaryLabel.setText(
            self.tr("待回访 {due} 件，其中逾期 {overdue} 件").format(due=due.total, overdue=due.overdue)
        )
        if len(due.visits) < due.total:
            due_title = self.tr("待回访（最早的 {shown} 件，共 {count} 件，逾期的在前）").format(
                shown=len(due.visits), count=due.total
            )
        else:
            due_title = self.tr("待回访（{count}，逾期的在前）").format(count=due.total)
        self.ui.dueBox.setTitle(due_title)
        done_count = f"{len(done)}+" if len(done) >= LIST_MAX else str(len(done))  # the newest are listed
        self.ui.doneBox.setTitle(self.tr("已回访（{count}）").format(count=done_count))
        self._fill(self.ui.dueTable, [(v.case_id, self._due_cells(v), v.overdue) for v in due.visits])
        self._fill(self.ui.doneTable, [(v.case_id, self._done_cells(v), False) for v in done])
        if not due.total and not done:
            self.ui.statusLabel.setText(self.tr("目前没有需要回访的案件"))
        self._update_button()

    def _due_cells(self, v: DueVisit) -> list[str]:
        if v.days_overdue > 0:
            when = self.tr("逾期 {days} 天").format(days=v.days_overdue)
        elif v.days_overdue == 0:
            when = self.tr("今天到期")
        else:
            when = self.tr("还有 {days} 天").format(days=-v.days_overdue)
        if v.scheduled:
            note = v.reason or ""
        elif v.performance_deadline is not None:
            note = self.tr("尚未安排回访：协议履行期限已到")
        else:
            note = self.tr("尚未安排回访：协议达成已满一个月")
        return [
            v.case_number,
            v.due_on.isoformat(),
            when,
            state_name(v.case_status),
            name_of(PERFORMANCE_NAMES, v.performance_status),
            self.tr("、").join(v.mediator_names),
            note,
        ]

    def _done_cells(self, v: DoneVisit) -> list[str]:
        renewed = "" if v.renewed_conflict is None else (self.tr("是") if v.renewed_conflict else self.tr("否"))
        return [
            v.case_number,
            f"{v.done_at.astimezone(CHINA):%Y-%m-%d %H:%M}",
            name_of(PERFORMANCE_NAMES, v.performance_status),
            name_of(SATISFACTION_NAMES, v.satisfaction),
            renewed,
            v.visitor or "",
            state_name(v.case_status),
        ]

    @staticmethod
    def _fill(table: QTableWidget, rows: list[tuple[str, list[str], bool]]) -> None:
        table.clearSelection()
        table.setUpdatesEnabled(False)  # one repaint for the whole list
        table.setRowCount(len(rows))
        red, bold = QBrush(OVERDUE), QFont()  # only bold: the size is the table's, in either mode
        bold.setBold(True)
        for r, (case_id, cells, alarming) in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(CASE_ID_ROLE, case_id)
                if alarming:
                    item.setForeground(red)
                    if c == DUE_WHEN:
                        item.setFont(bold)
                table.setItem(r, c, item)
        fit_rows(table)
        table.setUpdatesEnabled(True)

    # ---- opening a case -------------------------------------------------------------------------

    def _update_button(self) -> None:
        self.ui.recordButton.setEnabled(self.selected_due() is not None)

    def selected_due(self) -> DueVisit | None:
        rows = self.ui.dueTable.selectionModel().selectedRows()
        if not rows or self.lists is None:
            return None
        return self.lists.due.visits[rows[0].row()]

    def record_visit(self) -> None:
        """记录回访: the chosen visit's case is opened, where the visit form is."""
        chosen = self.selected_due()
        if chosen is not None:
            self.case_requested.emit(chosen.case_id)

    def _activate(self, index: QModelIndex) -> None:
        if index.isValid():
            self.case_requested.emit(index.data(CASE_ID_ROLE))
