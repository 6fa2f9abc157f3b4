"""Login (operator + password). A successful login unlocks the data key; an old desk whose data
predate encryption is offered protection by a 主任 here (asked whether to keep its key in the OS
keyring). 忘记密码 leads on (forgot_password.py), and so does a lockout's message.

At a cold start the dialog is shown before the desk is open (gui/flow.py): it imports no service
at module level, and a password given before the desk is open waits for it on the desk worker,
saying so. A demo desk's dialog names the demo accounts, their roles and the password."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QWidget

from mediation_desk.errors import DeskError
from mediation_desk.gui.font_mode import ElderModeCheck
from mediation_desk.gui.forms.ui_login import Ui_LoginDialog
from mediation_desk.gui.screen_fit import limit_to_screen
from mediation_desk.gui.settings import DeskSettings
from mediation_desk.gui.tasks import TaskManager

if TYPE_CHECKING:
    from mediation_desk.core.uow import Actor
    from mediation_desk.desk import Desk
    from mediation_desk.gui.flow import DemoLogin, DeskOpening
    from mediation_desk.gui.forgot_password import ForgotPasswordDialog
    from mediation_desk.gui.recovery_key import RecoveryKeyDialog


def _the_desk(desk: Desk | DeskOpening) -> Desk:
    """On the desk worker, after the opening queued before it: the desk itself."""
    from mediation_desk.gui.flow import DeskOpening

    return desk.opened_desk() if isinstance(desk, DeskOpening) else desk


def _log_in(desk: Desk | DeskOpening, username: str, password: str) -> tuple[Actor, bool]:
    from mediation_desk.administration import accounts
    from mediation_desk.gui.flow import DeskOpening
    from mediation_desk.lifecycle import protect

    opened = _the_desk(desk)
    actor = accounts.authenticate(opened, username, password)
    known = desk.take_protection_check() if isinstance(desk, DeskOpening) else None
    return actor, protect.needs_protection(opened) if known is None else known


def _protect(desk: Desk, actor: Actor, password: str, remember: bool) -> tuple[str | None, bool]:
    """Encrypt an old desk's records; (the recovery key, whether the OS keyring holds the data key)."""
    from mediation_desk.administration import accounts
    from mediation_desk.lifecycle import protect

    recovery_key = protect.protect_desk(desk, actor, password, remember_key=remember)
    return recovery_key, remember and accounts.key_in_keyring(desk)


class LoginDialog(QDialog):
    """Emits `logged_in(actor)`; rejected when the operator chooses to quit."""

    logged_in = Signal(object)

    def __init__(
        self, desk: Desk | DeskOpening, tasks: TaskManager, settings: DeskSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.desk = desk  # a DeskOpening until `desk_opened`: its calls queue behind the opening
        self.desk_ready = not _is_opening(desk)
        self.tasks = tasks
        self.settings = settings
        self.recovery_dialog: RecoveryKeyDialog | None = None
        self.forgot_dialog: ForgotPasswordDialog | None = None
        self.waiting = False  # a password given before the desk was open, waiting for it
        self.ui = Ui_LoginDialog()
        self.ui.setupUi(self)
        self.elder_mode = ElderModeCheck(settings, self)  # before the password: read in large type
        self.ui.mainLayout.insertWidget(1, self.elder_mode)
        self.demo_label = QLabel(self)  # a demo desk: how to log in
        self.demo_label.setWordWrap(True)
        self.demo_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.demo_label.hide()
        self.ui.mainLayout.insertWidget(1, self.demo_label)
        self.ui.usernameEdit.setText(settings.last_operator)
        (self.ui.passwordEdit if settings.last_operator else self.ui.usernameEdit).setFocus()
        self.ui.loginButton.clicked.connect(self.log_in)
        self.ui.quitButton.clicked.connect(self.reject)
        self.ui.forgotButton.clicked.connect(self.forgot_password)
        self.ui.forgotButton.setEnabled(self.desk_ready)  # its dialog works on the open desk
        limit_to_screen(self)

    def desk_opened(self, demo_logins: Sequence[DemoLogin] = (), demo_password: str | None = None) -> None:
        """The desk is open (gui/flow.py): a password waiting for it is being checked now."""
        self.desk_ready = True  # `self.desk` stays the opening: its calls find the desk through it
        self.ui.forgotButton.setEnabled(True)
        if self.waiting:
            self.ui.messageLabel.setText(self.tr("正在核对密码……"))
        if demo_logins and demo_password:
            self.show_demo_logins(demo_logins, demo_password)

    def show_demo_logins(self, logins: Sequence[DemoLogin], password: str) -> None:
        from mediation_desk.gui.labels import role_name

        # One account a line, the password on its own: nothing of them broken across lines.
        lines = [self.tr("这是演示工作台，可用这些演示账号登录：")]
        lines += [
            self.tr("{username}（{role}）").format(username=login.username, role=role_name(login.role))
            for login in logins
        ]
        lines.append(self.tr("密码都是：{password}").format(password=password))
        self.demo_label.setText("\n".join(lines))
        self.demo_label.show()
        limit_to_screen(self)

    def log_in(self) -> None:
        username, password = self.ui.usernameEdit.text().strip(), self.ui.passwordEdit.text()
        if not username or not password:
            self.ui.messageLabel.setText(self.tr("请输入用户名和密码"))
            return
        self._busy(True)
        if not self.desk_ready:  # typed faster than the desk opened: checked as soon as it is
            self.waiting = True
            self.ui.messageLabel.setText(self.tr("正在打开工作台，打开后立即核对密码……"))
        self.tasks.run(
            _log_in,
            self.desk,
            username,
            password,
            on_done=lambda result: self._logged_in(*result, password=password),
            on_error=self._refused,
            owner=self,
        )

    def _busy(self, busy: bool) -> None:
        self.ui.loginButton.setEnabled(not busy)
        if busy:
            self.ui.messageLabel.setText(self.tr("正在核对密码……"))
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

    def _refused(self, error: BaseException) -> None:
        self._busy(False)
        self.waiting = False
        if not isinstance(error, DeskError):
            self.ui.messageLabel.clear()
            raise error
        from mediation_desk.administration import accounts

        # The service's words: "用户名或密码错误", or how long a locked account must wait.
        message, locked = str(error), isinstance(error, accounts.AccountLocked)
        if locked:  # waiting is not the only way on
            message = self.tr("{reason}。\n不想等：请主任在「操作员」页解除锁定；忘了密码：点「忘记密码」。").format(
                reason=message
            )
        self.ui.messageLabel.setText(message)
        self.ui.passwordEdit.clear()
        (self.ui.forgotButton if locked else self.ui.passwordEdit).setFocus()

    def forgot_password(self) -> ForgotPasswordDialog:
        from mediation_desk.gui.forgot_password import ForgotPasswordDialog

        dialog = ForgotPasswordDialog(_the_desk(self.desk), self.tasks, self.ui.usernameEdit.text().strip(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._recovered)
        self.forgot_dialog = dialog
        dialog.destroyed.connect(self._forgot_dialog_gone)
        dialog.open()
        return dialog

    def _forgot_dialog_gone(self) -> None:
        self.forgot_dialog = None

    def _recovered(self, actor: Actor) -> None:
        """A new password set with the recovery key: the operator is in (the desk is unlocked)."""
        self.ui.messageLabel.clear()
        self.settings.last_operator = actor.username
        self._finish(actor)

    def _logged_in(self, actor: Actor, unprotected: bool, *, password: str) -> None:
        from mediation_desk.privacy import roles

        self._busy(False)
        self.waiting = False
        self.ui.messageLabel.clear()
        self.settings.last_operator = actor.username
        if not unprotected:
            self._finish(actor)
        elif not roles.allowed(actor.role, "desk.protect"):  # protect_desk asks the same table
            QMessageBox.information(
                self, self.tr("数据尚未加密"), self.tr("本机资料来自旧版本，个人信息尚未加密。请主任登录后加密保护。")
            )
            self._finish(actor)
        else:
            self._offer_protection(actor, password)

    def _offer_protection(self, actor: Actor, password: str) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("加密保护个人信息"),
            self.tr(
                "本机资料来自旧版本，当事人的身份证号、电话和地址还没有加密。\n"
                "现在加密吗？完成后会显示一把恢复密钥，请打印或抄下保管。"
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            self._finish(actor)
            return
        from mediation_desk.privacy import keys

        self._busy(True)
        self.tasks.run(
            keys.keyring_backend, on_done=lambda found: self._ask_keyring(actor, password, *found), owner=self
        )

    def _ask_keyring(self, actor: Actor, password: str, usable: bool, backend: str) -> None:
        """Asked plainly, never chosen for the user: keep the data key in the OS keyring?"""
        from mediation_desk.gui.first_run_key import backend_name

        remember = usable and (
            QMessageBox.question(
                self,
                self.tr("数据密钥放在哪里"),
                self.tr(
                    "要把数据密钥存入本机的系统钥匙串（{name}）吗？\n"
                    "存入：在这台电脑上用同一个系统账号使用命令行时，不必输入密码就能打开个人信息。\n"
                    "不存入（更安全）：每次都要输入密码。\n"
                    "无论怎样选择，打开工作台窗口都要登录。"
                ).format(name=backend_name(backend)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            == QMessageBox.StandardButton.Yes
        )
        self.ui.messageLabel.setText(self.tr("正在加密，请稍候……"))
        self.tasks.run(
            _protect,
            _the_desk(self.desk),
            actor,
            password,
            remember,
            on_done=lambda result: self._protected(actor, *result, wanted=remember),
            on_error=self._refused,
            owner=self,
        )

    def _protected(self, actor: Actor, recovery_key: str | None, kept: bool, *, wanted: bool) -> None:
        from mediation_desk.gui.recovery_key import RecoveryKeyDialog, storage_note

        self._busy(False)
        self.ui.messageLabel.clear()
        if recovery_key is None:  # an interrupted run finished: its key was shown back then
            self._finish(actor)
            return
        self.recovery_dialog = RecoveryKeyDialog(recovery_key, self.tasks, None, storage_note(wanted, kept), self)
        self.recovery_dialog.accepted.connect(lambda: self._finish(actor))
        self.recovery_dialog.open()

    def _finish(self, actor: Actor) -> None:
        self.ui.passwordEdit.clear()
        self.accept()
        self.logged_in.emit(actor)


def _is_opening(desk: Any) -> bool:
    from mediation_desk.gui.flow import DeskOpening

    return isinstance(desk, DeskOpening)
