"""操作员 (operator accounts), for the 主任: who may log in, with which role, which roster record a
调解员's account acts for, who is locked out; add an account, set a new password, lift a lockout,
retire an account (停用) or bring it back. Every operator may change their own password here.

Who may manage the accounts is the role table's decision ("operator.manage"): others see why the
list is not theirs to see. The services own the transactions and the audit; the page calls them
on the desk worker and shows their refusals calmly."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QDialog, QHeaderView, QMessageBox, QTableWidgetItem, QWidget

from mediation_desk.administration import credentials, operator_accounts
from mediation_desk.administration.operator_accounts import OperatorAccount
from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.errors import DeskError
from mediation_desk.gui.dialogs.base import ServiceDialog
from mediation_desk.gui.dialogs.operator_dialogs import OperatorDialog, PasswordDialog
from mediation_desk.gui.forms.ui_operators_page import Ui_OperatorsPage
from mediation_desk.gui.labels import role_name
from mediation_desk.gui.large_text import HEADING, enlarge
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.mediation import mediators
from mediation_desk.mediation.dto import MediatorView
from mediation_desk.privacy import roles

USERNAME, NAME, ROLE, MEDIATOR, STATE = range(5)
DIM = QColor("#666666")  # a retired account (6:1 on white)
ALERT = QColor("#b00020")  # a locked-out account
CALM_STYLE = "color: #7a4b00;"
TABLE_FONT_FACTOR = 1.2  # as the roster's: a size above the window's own


def _load(desk: Desk, actor: Actor) -> tuple[list[OperatorAccount], list[MediatorView]]:
    return operator_accounts.operator_accounts(desk, actor), mediators.list_mediators(desk, include_inactive=True)


class OperatorsPage(QWidget):
    accounts_changed = Signal()

    def __init__(self, desk: Desk, tasks: TaskManager, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = tasks
        self._actor = actor
        self.ui = Ui_OperatorsPage()
        self.ui.setupUi(self)
        self.accounts: list[OperatorAccount] = []
        self.roster: list[MediatorView] = []
        self.loaded = False
        self._loading = False
        self._reload = False
        self._select_next: str | None = None
        self.dialog: QDialog | None = None
        self._set_up_table()
        u = self.ui
        enlarge(HEADING, u.titleLabel)
        u.statusLabel.setStyleSheet(CALM_STYLE)
        u.addButton.clicked.connect(lambda: self.add_operator())
        u.resetButton.clicked.connect(lambda: self.reset_password())
        u.unlockButton.clicked.connect(lambda: self.lift_lockout())
        u.activeButton.clicked.connect(lambda: self.toggle_active())
        u.ownPasswordButton.clicked.connect(lambda: self.change_own_password())
        u.operatorTable.itemSelectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def _set_up_table(self) -> None:
        table = self.ui.operatorTable
        enlarge(TABLE_FONT_FACTOR, table)  # follows 大字模式
        headers = (self.tr("用户名"), self.tr("姓名"), self.tr("角色"), self.tr("名册中的调解员"), self.tr("状态"))
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(STATE, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setVisible(False)

    # ---- the operator ---------------------------------------------------------------------------

    @property
    def actor(self) -> Actor:
        return self._actor

    @actor.setter
    def actor(self, actor: Actor) -> None:
        """After a login by another operator: the list is theirs to see, or not."""
        self._actor = actor
        self.ui.statusLabel.clear()
        if not self.may_manage():
            self._show_accounts([], [])
        self._update_buttons()

    def may_manage(self) -> bool:
        return roles.allowed(self._actor.role, "operator.manage")

    # ---- reading --------------------------------------------------------------------------------

    def refresh(self) -> None:
        if not self.may_manage():
            self._show_accounts([], [])
            self._update_buttons()
            return
        if self._loading:
            self._reload = True
            return
        self._loading = True
        self.tasks.run(_load, self.desk, self._actor, on_done=self._loaded, on_error=self._load_failed)

    def _load_failed(self, error: BaseException) -> None:
        self._loading = False
        if not isinstance(error, DeskError):
            raise error
        self.ui.statusLabel.setText(self.tr("无法读取操作员：{reason}").format(reason=error))

    def _loaded(self, result: tuple[list[OperatorAccount], list[MediatorView]]) -> None:
        self._loading = False
        if self._reload:
            self._reload = False
            self.refresh()
            return
        self._show_accounts(*result)
        self.loaded = True

    def _show_accounts(self, found: list[OperatorAccount], roster: list[MediatorView]) -> None:
        chosen = self._select_next or self.selected_username()
        self._select_next = None
        self.accounts, self.roster = found, roster
        names = {m.id: m.name for m in roster}
        table = self.ui.operatorTable
        table.setRowCount(len(found))
        for row, a in enumerate(found):
            linked = names.get(a.mediator_id, self.tr("（记录已不在）")) if a.mediator_id else ""
            for column, text in enumerate((a.username, a.display_name, role_name(a.role), linked, self._state(a))):
                item = QTableWidgetItem(text)
                if not a.active:
                    item.setForeground(QBrush(DIM))
                elif a.locked_minutes is not None and column == STATE:
                    item.setForeground(QBrush(ALERT))
                table.setItem(row, column, item)
        in_use = sum(1 for a in found if a.active)
        self.ui.countLabel.setText(
            self.tr("共 {count} 个账号，在用 {in_use} 个").format(count=len(found), in_use=in_use) if found else ""
        )
        self.select(chosen)
        self._update_buttons()

    def _state(self, a: OperatorAccount) -> str:
        if not a.active:
            return self.tr("已停用")
        if a.locked_minutes is not None:
            return self.tr("已锁定（输错密码过多），{minutes} 分钟后自动解除").format(minutes=a.locked_minutes)
        if a.failed_logins:
            return self.tr("在用（最近输错密码 {count} 次）").format(count=a.failed_logins)
        return self.tr("在用")

    # ---- the selection --------------------------------------------------------------------------

    def _username_at(self, row: int) -> str | None:
        item = self.ui.operatorTable.item(row, USERNAME)
        return item.text() if item is not None else None

    def selected_username(self) -> str | None:
        rows = self.ui.operatorTable.selectionModel().selectedRows()
        return self._username_at(rows[0].row()) if rows else None

    def selected(self) -> OperatorAccount | None:
        chosen = self.selected_username()
        return next((a for a in self.accounts if a.username == chosen), None)

    def select(self, username: str | None) -> None:
        table = self.ui.operatorTable
        for row in range(table.rowCount()):
            if username and self._username_at(row) == username:
                table.selectRow(row)
                return
        table.clearSelection()

    def _update_buttons(self) -> None:
        u = self.ui
        allowed = self.may_manage()
        chosen = self.selected()
        mine = chosen is not None and chosen.id == self._actor.operator_id
        u.addButton.setEnabled(allowed)
        u.resetButton.setEnabled(allowed and chosen is not None and chosen.active)
        u.unlockButton.setEnabled(allowed and chosen is not None and chosen.locked_minutes is not None)
        u.activeButton.setEnabled(allowed and chosen is not None and not mine)
        if chosen is not None and not chosen.active:
            u.activeButton.setText(self.tr("恢复启用(&D)"))
        else:
            u.activeButton.setText(self.tr("停用账号(&D)…"))
        u.ownPasswordButton.setEnabled(self._actor.operator_id is not None)
        if allowed:
            u.permissionLabel.clear()
            return
        keepers = [role_name(r) for r in roles.roles_allowed("operator.manage")]
        u.permissionLabel.setText(
            self.tr("操作员账号由{keepers}管理：当前操作员（{role}）只能在这里修改自己的密码。").format(
                keepers=self.tr("或").join(keepers), role=role_name(self._actor.role)
            )
        )

    # ---- the dialogs ----------------------------------------------------------------------------

    def _open(self, dialog: ServiceDialog, on_saved: Callable[[Any], object]) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(on_saved)
        dialog.destroyed.connect(self._dialog_gone)
        self.dialog = dialog
        dialog.open()  # window-modal, without a nested event loop

    def _dialog_gone(self) -> None:
        self.dialog = None

    def add_operator(self) -> OperatorDialog | None:
        if not self.may_manage():
            return None
        linked = {a.mediator_id for a in self.accounts if a.mediator_id and a.active}
        dialog = OperatorDialog(self.desk, self.tasks, self._actor, self.roster, frozenset(linked), self)
        self._open(dialog, self._added)
        return dialog

    def _added(self, view: object) -> None:
        username = getattr(view, "username", "")
        self.ui.statusLabel.setText(self.tr("已添加账号：{username}").format(username=username))
        self._changed(username)

    def reset_password(self) -> PasswordDialog | None:
        chosen = self.selected()
        if chosen is None or not self.may_manage():
            return None
        dialog = PasswordDialog(self.desk, self.tasks, self._actor, chosen.username, chosen.display_name, self)
        self._open(dialog, lambda _none: self._password_reset(chosen))
        return dialog

    def _password_reset(self, chosen: OperatorAccount) -> None:
        self.ui.statusLabel.setText(
            self.tr("已为「{name}」重设密码，账号可以登录了。").format(name=chosen.display_name)
        )
        self._changed(chosen.username)

    def change_own_password(self) -> PasswordDialog:
        dialog = PasswordDialog(self.desk, self.tasks, self._actor, parent=self)
        self._open(dialog, lambda _none: self.ui.statusLabel.setText(self.tr("您的密码已修改，下次登录请用新密码。")))
        return dialog

    # ---- changes without a form -----------------------------------------------------------------

    def lift_lockout(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        self._run(
            self.tr("已解除「{name}」的锁定，可以重新输入密码登录了。").format(name=chosen.display_name),
            chosen.username,
            credentials.lift_lockout,
            self.desk,
            self._actor,
            chosen.username,
        )

    def toggle_active(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        if chosen.active:
            answer = QMessageBox.question(
                self,
                self.tr("停用账号"),
                self.tr(
                    "停用「{name}（{username}）」的账号吗？\n停用后此人不能再登录；账号和经手的记录都保留，以后可以恢复启用。"
                ).format(name=chosen.display_name, username=chosen.username),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
            done = self.tr("已停用「{name}」的账号。").format(name=chosen.display_name)
        else:
            done = self.tr("已恢复启用「{name}」的账号。").format(name=chosen.display_name)
        self._run(
            done,
            chosen.username,
            operator_accounts.set_active,
            self.desk,
            self._actor,
            chosen.username,
            not chosen.active,
        )

    def _run(self, done: str, username: str, fn: Callable[..., object], *args: object) -> None:
        for button in (self.ui.resetButton, self.ui.unlockButton, self.ui.activeButton):
            button.setEnabled(False)
        self.ui.statusLabel.setText(self.tr("正在保存……"))
        self.tasks.run(
            fn,
            *args,
            on_done=lambda _result: self._done(done, username),
            on_error=self._refused,
            owner=self,
        )

    def _done(self, done: str, username: str) -> None:
        self.ui.statusLabel.setText(done)
        self._changed(username)

    def _changed(self, username: str) -> None:
        self._select_next = username
        self.accounts_changed.emit()
        self.refresh()

    def _refused(self, error: BaseException) -> None:
        self._update_buttons()
        if not isinstance(error, DeskError):
            self.ui.statusLabel.clear()
            raise error
        self.ui.statusLabel.setText(self.tr("未保存：{reason}").format(reason=error))
