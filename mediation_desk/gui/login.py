"""Login (operator + password). A successful login unlocks the data key; an old desk whose data
predate encryption is offered protection by a 主任 here."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from mediation_desk.administration import accounts
from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.errors import DeskError
from mediation_desk.gui.forms.ui_login import Ui_LoginDialog
from mediation_desk.gui.recovery_key import RecoveryKeyDialog
from mediation_desk.gui.settings import DeskSettings
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.lifecycle import protect
from mediation_desk.privacy import roles


def _log_in(desk: Desk, username: str, password: str) -> tuple[Actor, bool]:
    actor = accounts.authenticate(desk, username, password)
    return actor, protect.needs_protection(desk)


class LoginDialog(QDialog):
    """Emits `logged_in(actor)`; rejected when the operator chooses to quit."""

    logged_in = Signal(object)

    def __init__(self, desk: Desk, tasks: TaskManager, settings: DeskSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = tasks
        self.settings = settings
        self.recovery_dialog: RecoveryKeyDialog | None = None
        self.ui = Ui_LoginDialog()
        self.ui.setupUi(self)
        self.ui.usernameEdit.setText(settings.last_operator)
        (self.ui.passwordEdit if settings.last_operator else self.ui.usernameEdit).setFocus()
        self.ui.loginButton.clicked.connect(self.log_in)
        self.ui.quitButton.clicked.connect(self.reject)

    def log_in(self) -> None:
        username, password = self.ui.usernameEdit.text().strip(), self.ui.passwordEdit.text()
        if not username or not password:
            self.ui.messageLabel.setText(self.tr("请输入用户名和密码"))
            return
        self._busy(True)
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
        if not isinstance(error, DeskError):
            self.ui.messageLabel.clear()
            raise error
        # The service's words: "用户名或密码错误", or how long a locked account must wait.
        self.ui.messageLabel.setText(str(error))
        self.ui.passwordEdit.clear()
        self.ui.passwordEdit.setFocus()

    def _logged_in(self, actor: Actor, unprotected: bool, *, password: str) -> None:
        self._busy(False)
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
        self._busy(True)
        self.ui.messageLabel.setText(self.tr("正在加密，请稍候……"))
        self.tasks.run(
            protect.protect_desk,
            self.desk,
            actor,
            password,
            on_done=lambda key: self._protected(actor, key),
            on_error=self._refused,
            owner=self,
        )

    def _protected(self, actor: Actor, recovery_key: str | None) -> None:
        self._busy(False)
        self.ui.messageLabel.clear()
        if recovery_key is None:  # an interrupted run finished: its key was shown back then
            self._finish(actor)
            return
        self.recovery_dialog = RecoveryKeyDialog(recovery_key, self)
        self.recovery_dialog.accepted.connect(lambda: self._finish(actor))
        self.recovery_dialog.open()

    def _finish(self, actor: Actor) -> None:
        self.ui.passwordEdit.clear()
        self.accept()
        self.logged_in.emit(actor)
