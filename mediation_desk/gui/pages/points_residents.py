"""居民和户 (residents and households) of the green coins: residents found by name, household or
phone with their balance; the households with their members and total; register or change a
resident, add a household, move a resident to another household (the old one stays on record).

Phones are personal data: masked in the list. Who may keep the register is the services' decision
("points.residents"): the page disables what the role table refuses and says why."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.errors import DeskError
from mediation_desk.gui.dialogs.base import ServiceDialog
from mediation_desk.gui.dialogs.points_resident_dialogs import HouseholdDialog, MoveDialog, ResidentDialog
from mediation_desk.gui.forms.ui_points_residents_tab import Ui_PointsResidentsTab
from mediation_desk.gui.labels import role_name
from mediation_desk.gui.large_text import size_table
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.gui.wheel_guard import guard_wheel
from mediation_desk.mediation import mediators
from mediation_desk.mediation.dto import MediatorView
from mediation_desk.points import residents
from mediation_desk.points.dto import HouseholdView, ResidentView
from mediation_desk.privacy import roles

NAME, GROUP, HOUSEHOLD, BALANCE, PHONE, STATE = range(6)
H_LABEL, H_GROUP, H_MEMBERS, H_BALANCE = range(4)
RESIDENT_WIDTHS = {NAME: 5, GROUP: 4, HOUSEHOLD: 7, BALANCE: 3, PHONE: 7}  # em
HOUSEHOLD_WIDTHS = {H_LABEL: 7, H_GROUP: 4, H_MEMBERS: 3}
ID_ROLE = Qt.ItemDataRole.UserRole  # the resident or household behind a row (on its first cell)
LIST_MAX = 500  # residents listed at once; a search finds the others
SEARCH_DELAY_MS = 300
TABLE_FONT_FACTOR = 1.2  # read by elderly clerks: a size above the window's own
DIM = QColor("#666666")
CALM_STYLE = "color: #7a4b00;"
KEEP = "points.residents"
DialogT = TypeVar("DialogT", bound=ServiceDialog)


@dataclass(frozen=True)
class ResidentsData:
    residents: list[ResidentView]
    households: list[HouseholdView]
    roster: list[MediatorView]  # for linking a resident who is a volunteer mediator


def load_residents(desk: Desk, actor: Actor, query: str | None, household_id: str | None) -> ResidentsData:
    """Everything the tab shows, in one call on the desk worker."""
    return ResidentsData(
        residents.list_residents(desk, actor, query=query, household_id=household_id, limit=LIST_MAX),
        residents.list_households(desk, actor),
        mediators.list_mediators(desk, include_inactive=True),
    )


def set_up_table(table: QTableWidget, headers: tuple[str, ...], widths: dict[int, int], stretch: int) -> None:
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    # Fixed widths in em (measuring every cell would hold the UI thread), following 大字模式.
    size_table(table, TABLE_FONT_FACTOR, dict(widths))
    table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().setVisible(False)


def cell(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    item = table.item(row, column)
    assert item is not None  # fill_table fills every cell
    return item


def fill_table(table: QTableWidget, rows: list[tuple[str, list[str], bool]]) -> None:
    """(id, cells, dimmed) per row; the id rides on the first cell."""
    table.setUpdatesEnabled(False)
    table.clearSelection()
    table.setRowCount(len(rows))
    for r, (key, cells, dimmed) in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if dimmed:
                item.setForeground(QBrush(DIM))
            table.setItem(r, c, item)
        cell(table, r, 0).setData(ID_ROLE, key)
    table.setUpdatesEnabled(True)


def selected_key(table: QTableWidget) -> str | None:
    rows = table.selectionModel().selectedRows()
    return cell(table, rows[0].row(), 0).data(ID_ROLE) if rows else None


def select_key(table: QTableWidget, key: str | None) -> None:
    for row in range(table.rowCount()):
        if key and cell(table, row, 0).data(ID_ROLE) == key:
            table.selectRow(row)
            return


class PointsResidentsTab(QWidget):
    def __init__(self, desk: Desk, tasks: TaskManager, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = tasks
        self._actor = actor
        self.ui = u = Ui_PointsResidentsTab()
        u.setupUi(self)
        self.data: ResidentsData | None = None
        self.loaded = False
        self.dialog: ServiceDialog | None = None
        self._generation = 0
        self._select_next: str | None = None
        u.statusLabel.setStyleSheet(CALM_STYLE)
        u.householdFilter.addItem(self.tr("全部"), None)
        set_up_table(
            u.residentTable,
            (self.tr("姓名"), self.tr("村民小组"), self.tr("户"), self.tr("积分"), self.tr("电话"), self.tr("状态")),
            RESIDENT_WIDTHS,
            STATE,
        )
        set_up_table(
            u.householdTable,
            (self.tr("户名"), self.tr("村民小组"), self.tr("人数"), self.tr("全户积分")),
            HOUSEHOLD_WIDTHS,
            H_BALANCE,
        )
        u.splitter.setStretchFactor(0, 3)
        u.splitter.setStretchFactor(1, 2)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.refresh)
        u.searchEdit.textChanged.connect(self.search_timer.start)
        u.searchEdit.returnPressed.connect(self.refresh)
        u.householdFilter.currentIndexChanged.connect(lambda _i: self.refresh())
        u.residentTable.itemSelectionChanged.connect(self._update_buttons)
        u.residentTable.activated.connect(lambda _index: self.edit_resident())  # Enter or a double click
        u.householdTable.activated.connect(lambda index: self._filter_household(index.row()))
        u.addButton.clicked.connect(lambda: self.add_resident())
        u.editButton.clicked.connect(lambda: self.edit_resident())
        u.moveButton.clicked.connect(lambda: self.move_resident())
        u.addHouseholdButton.clicked.connect(lambda: self.add_household())
        self.wheel_guard = guard_wheel(self, u.householdFilter)
        self._update_buttons()

    # ---- the operator ---------------------------------------------------------------------------

    @property
    def actor(self) -> Actor:
        return self._actor

    @actor.setter
    def actor(self, actor: Actor) -> None:
        self._actor = actor
        self.ui.statusLabel.clear()
        self._update_buttons()

    def may_keep(self) -> bool:
        return roles.allowed(self._actor.role, KEEP)

    # ---- reading --------------------------------------------------------------------------------

    def refresh(self) -> None:
        """The residents as they are now for the search and household chosen; an answer to an
        older request (the search changed meanwhile) is dropped."""
        self.search_timer.stop()
        self._generation += 1
        generation = self._generation
        self.tasks.run(
            load_residents,
            self.desk,
            self._actor,
            self.ui.searchEdit.text().strip() or None,
            self.ui.householdFilter.currentData(),
            on_done=lambda data: self._show(generation, data),
            on_error=lambda error: self._failed(generation, error),
            owner=self,
        )

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        if not isinstance(error, DeskError):
            raise error
        self.ui.statusLabel.setText(self.tr("无法读取：{reason}").format(reason=error))

    def _show(self, generation: int, data: ResidentsData) -> None:
        if generation != self._generation:
            return
        u = self.ui
        chosen = self._select_next or selected_key(u.residentTable)
        self._select_next = None
        self.data = data
        rows = [(r.id, self._cells(r), not r.active) for r in data.residents]
        fill_table(u.residentTable, rows)
        fill_table(
            u.householdTable,
            [
                (h.id, [h.label, h.village_group, str(h.members), str(h.balance)], h.members == 0)
                for h in data.households
            ],
        )
        self._fill_household_filter(data.households)
        select_key(u.residentTable, chosen)
        count = len(data.residents)
        text = self.tr("共 {count} 人").format(count=count)
        if count >= LIST_MAX:
            text = self.tr("前 {count} 人（请输入姓名查找其他居民）").format(count=count)
        u.countLabel.setText(text)
        self.loaded = True
        self._update_buttons()

    def _cells(self, r: ResidentView) -> list[str]:
        state = self.tr("在用") if r.active else self.tr("停用")
        if r.open_conflicts:
            state = self.tr("{state}；兑换冲突待镇里处理").format(state=state)
        return [
            r.name,
            r.village_group,
            r.household_label or self.tr("（未入户）"),
            str(r.balance),
            r.phone_masked or "",
            state,
        ]

    def _fill_household_filter(self, households: list[HouseholdView]) -> None:
        combo = self.ui.householdFilter
        wanted = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for h in households:
            combo.addItem(h.label, h.id)
        combo.setCurrentIndex(max(0, combo.findData(wanted)))
        combo.blockSignals(False)

    def _filter_household(self, row: int) -> None:
        """Enter or a double click on a household: its members are listed."""
        key = cell(self.ui.householdTable, row, 0).data(ID_ROLE)
        self.ui.householdFilter.setCurrentIndex(max(0, self.ui.householdFilter.findData(key)))

    # ---- the selection and what may be done -----------------------------------------------------

    def selected(self) -> ResidentView | None:
        key = selected_key(self.ui.residentTable)
        return next((r for r in self.data.residents if r.id == key), None) if self.data and key else None

    def _update_buttons(self) -> None:
        u = self.ui
        allowed = self.may_keep() and self.data is not None
        chosen = self.selected() is not None
        u.addButton.setEnabled(allowed)
        u.addHouseholdButton.setEnabled(allowed)
        u.editButton.setEnabled(allowed and chosen)
        u.moveButton.setEnabled(allowed and chosen)
        if self.may_keep():
            u.permissionLabel.clear()
            return
        keepers = [role_name(r) for r in roles.ROLES if roles.allowed(r, KEEP)]
        u.permissionLabel.setText(
            self.tr("当前操作员（{role}）只能查看；登记和修改居民请由{keepers}办理。").format(
                role=role_name(self._actor.role), keepers=self.tr("或").join(keepers)
            )
        )

    def _groups(self) -> set[str]:
        if self.data is None:
            return set()
        return {r.village_group for r in self.data.residents} | {h.village_group for h in self.data.households}

    # ---- dialogs ----------------------------------------------------------------------------------

    def add_resident(self) -> ResidentDialog | None:
        if self.data is None or not self.may_keep():
            return None
        dialog = ResidentDialog(
            self.desk, self.tasks, self._actor, self.data.households, self.data.roster, self._groups(), None, self
        )
        return self._open(dialog, self.tr("已登记：{name}"))

    def edit_resident(self) -> ResidentDialog | None:
        chosen = self.selected()
        if chosen is None or self.data is None or not self.may_keep():
            return None
        dialog = ResidentDialog(
            self.desk, self.tasks, self._actor, self.data.households, self.data.roster, self._groups(), chosen, self
        )
        return self._open(dialog, self.tr("已保存：{name}"))

    def move_resident(self) -> MoveDialog | None:
        chosen = self.selected()
        if chosen is None or self.data is None or not self.may_keep():
            return None
        dialog = MoveDialog(self.desk, self.tasks, self._actor, chosen, self.data.households, self)
        return self._open(dialog, self.tr("{name} 已迁入「{household}」"))

    def add_household(self) -> HouseholdDialog | None:
        if self.data is None or not self.may_keep():
            return None
        dialog = HouseholdDialog(self.desk, self.tasks, self._actor, self._groups(), self)
        return self._open(dialog, self.tr("已新增户：{label}"))

    def _open(self, dialog: DialogT, done_text: str) -> DialogT:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda view: self._saved(view, done_text))
        dialog.destroyed.connect(self._dialog_gone)
        self.dialog = dialog
        dialog.open()  # window-modal, without a nested event loop
        return dialog

    def _dialog_gone(self) -> None:
        self.dialog = None

    def _saved(self, view: ResidentView | HouseholdView, done_text: str) -> None:
        if isinstance(view, ResidentView):
            text = done_text.format(name=view.name, household=view.household_label or "")
            self._select_next = view.id
        else:
            text = done_text.format(label=view.label)
        self.ui.statusLabel.setText(text)
        self.refresh()
