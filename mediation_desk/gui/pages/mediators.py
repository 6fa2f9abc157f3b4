"""调解员 (mediators): the roster with skills, area, current load and availability; add and edit a
mediator, mark one unavailable. Phones are personal data: masked in the list.

Who may keep the roster is the services' decision (`privacy/roles.py`, "mediator.manage"): the
page disables what the table refuses and says why, and shows any refusal the service still makes
(an operator changed by a new login) calmly, without saving anything."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QTableWidgetItem, QWidget

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.errors import DeskError
from mediation_desk.gui.dialogs.mediator_dialog import MediatorDialog
from mediation_desk.gui.forms.ui_mediators_page import Ui_MediatorsPage
from mediation_desk.gui.labels import dispute_type_name, role_name
from mediation_desk.gui.large_text import HEADING, enlarge
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.mediation import mediators
from mediation_desk.mediation.dto import MediatorView
from mediation_desk.privacy import roles

NAME, TITLE, SKILLS, AREA, LOAD, STATE, PHONE = range(7)
ID_ROLE = Qt.ItemDataRole.UserRole  # the mediator id behind a row (on the name cell)
TABLE_FONT_FACTOR = 1.2  # read by elderly mediators: a size above the window's own
DIM = QColor("#666666")  # unavailable or off the roster
CALM_STYLE = "color: #7a4b00;"


class MediatorsPage(QWidget):
    mediator_saved = Signal(str)  # a mediator added or changed: its id

    def __init__(self, desk: Desk, tasks: TaskManager, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = tasks
        self._actor = actor
        self.ui = Ui_MediatorsPage()
        self.ui.setupUi(self)
        enlarge(HEADING, self.ui.titleLabel)
        self.roster: list[MediatorView] = []
        self.loaded = False
        self._loading = False
        self._reload = False
        self._select_next: str | None = None
        self.dialog: MediatorDialog | None = None
        self._set_up_table()
        u = self.ui
        u.statusLabel.setStyleSheet(CALM_STYLE)
        u.showInactiveCheck.toggled.connect(lambda _on: self.refresh())
        u.addButton.clicked.connect(lambda: self.add_mediator())
        u.editButton.clicked.connect(lambda: self.edit_mediator())
        u.availabilityButton.clicked.connect(lambda: self.toggle_available())
        u.mediatorTable.itemSelectionChanged.connect(self._update_buttons)
        u.mediatorTable.activated.connect(lambda _index: self.edit_mediator())  # Enter or a double click
        self._update_buttons()

    def _set_up_table(self) -> None:
        table = self.ui.mediatorTable
        enlarge(TABLE_FONT_FACTOR, table)  # follows 大字模式
        headers = (
            self.tr("姓名"),
            self.tr("称谓"),
            self.tr("擅长纠纷类型"),
            self.tr("负责片区"),
            self.tr("在办案件"),
            self.tr("状态"),
            self.tr("联系电话"),
        )
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SKILLS, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setVisible(False)

    # ---- the operator ---------------------------------------------------------------------------

    @property
    def actor(self) -> Actor:
        return self._actor

    @actor.setter
    def actor(self, actor: Actor) -> None:
        """After a login by another operator: what they may do is shown anew."""
        self._actor = actor
        self.ui.statusLabel.clear()
        self._update_buttons()

    def may_manage(self) -> bool:
        return roles.allowed(self._actor.role, "mediator.manage")

    # ---- reading --------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Shown or asked to reload: the roster as it is now (a call already running is
        followed by one more, so the newest state always wins)."""
        if self._loading:
            self._reload = True
            return
        self._loading = True
        self.tasks.run(
            mediators.list_mediators,
            self.desk,
            include_inactive=self.ui.showInactiveCheck.isChecked(),
            on_done=self._show,
            on_error=self._load_failed,
        )

    def _load_failed(self, error: BaseException) -> None:
        self._loading = False
        raise error  # the exception hook reports it; the page keeps its last roster

    def _show(self, roster: list[MediatorView]) -> None:
        self._loading = False
        if self._reload:
            self._reload = False
            self.refresh()
            return
        chosen = self._select_next or self.selected_id()
        self._select_next = None
        self.roster = roster
        table = self.ui.mediatorTable
        table.setRowCount(len(roster))
        for row, m in enumerate(roster):
            cells = self._cells(m)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == LOAD:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if not m.available or not m.active:
                    item.setForeground(QBrush(DIM))
                table.setItem(row, column, item)
            table.item(row, NAME).setData(ID_ROLE, m.id)
            table.item(row, SKILLS).setToolTip(cells[SKILLS])
        available = sum(1 for m in roster if m.assignable)  # not who is full
        self.ui.countLabel.setText(
            self.tr("共 {count} 人，可派单 {available} 人").format(count=len(roster), available=available)
        )
        self.select(chosen)
        self.loaded = True
        self._update_buttons()

    def _cells(self, m: MediatorView) -> list[str]:
        skills = self.tr("、").join(dispute_type_name(code) for code in m.skills) or self.tr("（未登记）")
        if m.max_open_cases:
            load = self.tr("{open} / {cap}").format(open=m.open_cases, cap=m.max_open_cases)
        else:
            load = str(m.open_cases)
        if not m.active:
            state = self.tr("已退出名册")
        elif not m.available:
            state = self.tr("暂不可用")
        elif m.full:
            state = self.tr("已满额")
        else:
            state = self.tr("可派单")
        return [m.name, m.title or "", skills, m.area or "", load, state, m.phone or ""]

    # ---- the selection --------------------------------------------------------------------------

    def selected_id(self) -> str | None:
        rows = self.ui.mediatorTable.selectionModel().selectedRows()
        if not rows:
            return None
        return self.ui.mediatorTable.item(rows[0].row(), NAME).data(ID_ROLE)

    def selected(self) -> MediatorView | None:
        chosen = self.selected_id()
        return next((m for m in self.roster if m.id == chosen), None)

    def select(self, mediator_id: str | None) -> None:
        table = self.ui.mediatorTable
        for row in range(table.rowCount()):
            if mediator_id and table.item(row, NAME).data(ID_ROLE) == mediator_id:
                table.selectRow(row)
                return
        table.clearSelection()

    def _update_buttons(self) -> None:
        u = self.ui
        allowed = self.may_manage()
        chosen = self.selected()
        u.addButton.setEnabled(allowed)
        u.editButton.setEnabled(allowed and chosen is not None)
        u.availabilityButton.setEnabled(allowed and chosen is not None and chosen.active)
        if chosen is not None and not chosen.available:
            u.availabilityButton.setText(self.tr("恢复可派单(&U)"))
        else:
            u.availabilityButton.setText(self.tr("设为暂不可用(&U)"))
        if allowed:
            u.permissionLabel.clear()
            return
        keepers = [role_name(r) for r in roles.ROLES if roles.allowed(r, "mediator.manage")]
        u.permissionLabel.setText(
            self.tr("当前操作员（{role}）只能查看名册；新增和修改调解员请由{keepers}办理。").format(
                role=role_name(self._actor.role), keepers=self.tr("或").join(keepers)
            )
        )

    # ---- changing the roster --------------------------------------------------------------------

    def add_mediator(self) -> MediatorDialog:
        return self._open_dialog(None)

    def edit_mediator(self) -> MediatorDialog | None:
        chosen = self.selected_id()
        if chosen is None or not self.may_manage():
            return None
        return self._open_dialog(chosen)

    def _open_dialog(self, mediator_id: str | None) -> MediatorDialog:
        dialog = MediatorDialog(self.desk, self.tasks, self._actor, mediator_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._dialog_saved)
        dialog.destroyed.connect(self._dialog_gone)
        self.dialog = dialog
        dialog.open()  # window-modal, without a nested event loop
        return dialog

    def _dialog_gone(self) -> None:
        self.dialog = None

    def _dialog_saved(self, view: MediatorView) -> None:
        self.ui.statusLabel.setText(self.tr("已保存：{name}").format(name=view.name))
        self.mediator_saved.emit(view.id)
        self._select_next = view.id  # the one just saved is chosen in the reloaded roster
        self.refresh()

    def toggle_available(self) -> None:
        """Mark the chosen mediator unavailable (on leave, ill), or available again."""
        chosen = self.selected()
        if chosen is None:
            return
        self.ui.availabilityButton.setEnabled(False)
        self.ui.statusLabel.setText(self.tr("正在保存……"))
        self.tasks.run(
            mediators.update_mediator,
            self.desk,
            self._actor,
            chosen.id,
            {"available": not chosen.available},
            on_done=self._availability_saved,
            on_error=self._refused,
        )

    def _availability_saved(self, view: MediatorView) -> None:
        text = self.tr("{name} 已恢复可派单") if view.available else self.tr("{name} 已设为暂不可用，派单时排在最后")
        self.ui.statusLabel.setText(text.format(name=view.name))
        self.mediator_saved.emit(view.id)
        self.refresh()

    def _refused(self, error: BaseException) -> None:
        self._update_buttons()
        if not isinstance(error, DeskError):
            self.ui.statusLabel.clear()
            raise error
        self.ui.statusLabel.setText(self.tr("未保存：{reason}").format(reason=error))
