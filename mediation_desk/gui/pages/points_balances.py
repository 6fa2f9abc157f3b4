"""绿币余额 (green-coin balances): each resident's balance and the household's total, found by a
part of the name, the household or the village group; beside it the chosen resident's 积分明细
(points_statement.py), printed or saved, and an entry reversed there by the 主任.

A redemption the district found overdrawn (two desks of the committee spent the same coins while
offline) stays open until the town settles it: a red banner says so above the list and the
resident's row is marked, so no one redeems against those coins meanwhile."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QHeaderView, QTableWidgetItem, QWidget

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.errors import DeskError, ValidationError
from mediation_desk.gui.forms.ui_points_balances_tab import Ui_PointsBalancesTab
from mediation_desk.gui.large_text import enlarge, size_table
from mediation_desk.gui.pages.points_statement import StatementSection
from mediation_desk.gui.table_keys import KEY_ROLE, select_key, selected_key
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.gui.wheel_guard import guard_wheel
from mediation_desk.points import ledger
from mediation_desk.points import residents as residents_svc
from mediation_desk.points.dto import ConflictView, ResidentView

NAME, HOUSEHOLD, GROUP, BALANCE, HOUSEHOLD_BALANCE, NOTE = range(6)
WIDTHS = {NAME: 6, HOUSEHOLD: 8, GROUP: 6, BALANCE: 5, HOUSEHOLD_BALANCE: 6}  # em
LIST_MAX = 500  # residents listed at once; a search finds the others
BANNER_MAX = 3  # conflicts named in the banner; the rest are counted
TABLE_FONT_FACTOR = 1.2  # read by elderly clerks: a size above the window's own
ALARM = QColor("#b00020")
DIM = QColor("#666666")
CALM_STYLE = "color: #7a4b00;"


@dataclass(frozen=True)
class Balances:
    residents: list[ResidentView]
    household_totals: dict[str, int]  # household id → the balance of its current members
    conflicts: list[ConflictView]  # open ones, newest first


def load_balances(desk: Desk, actor: Actor, query: str | None) -> Balances:
    """Everything the tab lists, in one call on the desk worker."""
    listed = ledger.list_balances(desk, actor, query=query, limit=LIST_MAX)
    households = {h.id: h.balance for h in residents_svc.list_households(desk, actor)}
    return Balances(listed, households, ledger.list_conflicts(desk, actor, open_only=True))


class PointsBalancesTab(QWidget):
    def __init__(self, desk: Desk, tasks: TaskManager, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = tasks
        self._actor = actor
        self.ui = Ui_PointsBalancesTab()
        self.ui.setupUi(self)
        self.data: Balances | None = None
        self.loading = False
        self._again = False
        self._select_next: str | None = None
        self._notice = ""  # what was just done, shown once the list is read again
        u = self.ui
        u.conflictBanner.hide()
        u.statusLabel.setStyleSheet(CALM_STYLE)
        enlarge(1.15, u.conflictBanner)
        self._set_up_table()
        u.splitter.setStretchFactor(0, 1)
        u.splitter.setStretchFactor(1, 1)
        self.statement = StatementSection(self)
        self.statement.changed.connect(self._ledger_changed)
        u.searchEdit.returnPressed.connect(self.refresh)
        u.searchButton.clicked.connect(self.refresh)
        u.balanceTable.itemSelectionChanged.connect(lambda: self.statement.show_resident(self.selected()))
        self.wheel_guard = guard_wheel(self)

    def _set_up_table(self) -> None:
        table = self.ui.balanceTable
        headers = (
            self.tr("姓名"),
            self.tr("户"),
            self.tr("村民小组"),
            self.tr("余额"),
            self.tr("全户余额"),
            self.tr("提示"),
        )
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        size_table(table, TABLE_FONT_FACTOR, dict(WIDTHS))  # in em, following 大字模式
        table.horizontalHeader().setSectionResizeMode(NOTE, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setVisible(False)

    # ---- the operator ---------------------------------------------------------------------------

    @property
    def actor(self) -> Actor:
        return self._actor

    @actor.setter
    def actor(self, actor: Actor) -> None:
        """After a login by another operator: what they may do is shown anew."""
        self._actor = actor
        self.statement.operator_changed()

    # ---- reading --------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Shown, searched or asked to reload: the list as it is now (a call already running is
        followed by one more, so the newest state always wins)."""
        if self.loading:
            self._again = True
            return
        self.loading = True
        self.ui.statusLabel.setText(self.tr("正在读取……"))
        query = self.ui.searchEdit.text().strip() or None
        self.tasks.run(
            load_balances, self.desk, self._actor, query, on_done=self._show, on_error=self._failed, owner=self
        )

    def _failed(self, error: BaseException) -> None:
        self.loading = False
        if not isinstance(error, DeskError):
            self.ui.statusLabel.clear()
            raise error  # the exception hook reports it; the list shown stays
        self.ui.statusLabel.setText(error.problems[0].message if isinstance(error, ValidationError) else str(error))

    def _show(self, data: Balances) -> None:
        self.loading = False
        if self._again:
            self._again = False
            self.refresh()
            return
        chosen = self._select_next or self.selected_id()
        self._select_next = None
        self.data = data
        self._show_banner(data.conflicts)
        self._fill(data)
        people, total = len(data.residents), sum(r.balance for r in data.residents)
        households = len({r.household_id for r in data.residents if r.household_id})
        count = self.tr("共 {people} 人（{households} 户），余额合计 {total} 绿币").format(
            people=people, households=households, total=total
        )
        if people >= LIST_MAX:
            count = self.tr("只列出前 {shown} 人，请输入姓名查找").format(shown=people)
        self.ui.countLabel.setText(count)
        self.ui.statusLabel.setText(self._notice or ("" if people else self.tr("没有找到居民")))
        self._notice = ""
        self.select(chosen)
        if self.selected_id() is None:
            self.statement.show_resident(None)

    def _show_banner(self, conflicts: list[ConflictView]) -> None:
        banner = self.ui.conflictBanner
        if not conflicts:
            banner.hide()
            banner.clear()
            return
        lines = [
            self.tr("{name}：两台电脑离线兑换了同一笔绿币，差额 {shortfall}，等待镇里处理").format(
                name=c.resident_name, shortfall=c.shortfall
            )
            for c in conflicts[:BANNER_MAX]
        ]
        if len(conflicts) > BANNER_MAX:
            lines.append(self.tr("另有 {more} 起兑换冲突等待镇里处理").format(more=len(conflicts) - BANNER_MAX))
        banner.setText("\n".join(lines))
        banner.show()

    def _fill(self, data: Balances) -> None:
        table = self.ui.balanceTable
        table.blockSignals(True)  # the statement follows the selection once, after the list
        table.setUpdatesEnabled(False)
        table.clearSelection()
        table.setRowCount(len(data.residents))
        red, dim, bold = QBrush(ALARM), QBrush(DIM), QFont()  # only bold: the size follows the table
        bold.setBold(True)
        for row, r in enumerate(data.residents):
            household = data.household_totals.get(r.household_id) if r.household_id else None
            cells = [
                r.name,
                r.household_label or self.tr("（未入户）"),
                r.village_group,
                str(r.balance),
                "" if household is None else str(household),
                self._note(r),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == NOTE:
                    item.setToolTip(text)
                if column in (BALANCE, HOUSEHOLD_BALANCE):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if r.open_conflicts:
                    item.setForeground(red)
                    item.setFont(bold)
                elif not r.active:
                    item.setForeground(dim)
                if column == NAME:
                    item.setData(KEY_ROLE, r.id)
                table.setItem(row, column, item)
        table.setUpdatesEnabled(True)
        table.blockSignals(False)

    def _note(self, r: ResidentView) -> str:
        if r.open_conflicts:
            return self.tr("兑换冲突，等待镇里处理")
        if not r.active:
            return self.tr("已停用")
        return ""

    # ---- the selection --------------------------------------------------------------------------

    def selected_id(self) -> str | None:
        return selected_key(self.ui.balanceTable, NAME)

    def selected(self) -> ResidentView | None:
        chosen = self.selected_id()
        residents = self.data.residents if self.data is not None else []
        return next((r for r in residents if r.id == chosen), None)

    def select(self, resident_id: str | None) -> None:
        """Choose a resident's row (their statement follows); nothing when not listed."""
        select_key(self.ui.balanceTable, resident_id, NAME)

    def _ledger_changed(self, resident_id: str, notice: str) -> None:
        """An entry reversed: the balances (and the reversed one's statement) read again."""
        self._select_next, self._notice = resident_id, notice
        self.refresh()
