"""忘记密码, reached from the login: first the ordinary way (the 主任 resets the password on the
操作员 page, or lifts a lockout there), then — when no 主任 can log in either — recovery with the
recovery key printed at setup: the operator named gets a new password and is logged in."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from mediation_desk.administration import credentials
from mediation_desk.core.uow import SYSTEM
from mediation_desk.desk import Desk
from mediation_desk.errors import DeskError, ValidationError
from mediation_desk.gui.dialogs.base import Call, ServiceDialog, bind
from mediation_desk.gui.forms.ui_forgot_password_dialog import Ui_ForgotPasswordDialog
from mediation_desk.gui.tasks import TaskManager


class ForgotPasswordDialog(ServiceDialog):
    """`saved(actor)` once the password is reset with the recovery key: the desk is unlocked and
    the operator is logged in."""

    def __init__(self, desk: Desk, tasks: TaskManager, username: str = "", parent: QWidget | None = None) -> None:
        super().__init__(desk, tasks, SYSTEM, parent)
        self.ui = Ui_ForgotPasswordDialog()
        self.ui.setupUi(self)
        u = self.ui
        # The service's field names and the labels that show their problems.
        self.error_labels = {
            "username": u.usernameError,
            "recovery_key": u.recoveryKeyError,
            "new_password": u.newPasswordError,
            "password_again": u.passwordAgainError,
        }
        self.wire(u.buttonBox, u.messageLabel, self.tr("重设密码并登录"))
        u.usernameEdit.setText(username)
        (u.recoveryKeyEdit if username else u.usernameEdit).setFocus()

    def service_call(self) -> Call:
        u = self.ui
        new = u.newPasswordEdit.text()
        if u.passwordAgainEdit.text() != new:
            raise ValidationError.single("password_again", "password_mismatch", self.tr("两次输入的新密码不一样"))
        return bind(
            credentials.recover_with_key, self.desk, u.recoveryKeyEdit.text(), u.usernameEdit.text().strip(), new
        )

    def show_refusal(self, error: DeskError) -> None:
        super().show_refusal(error)
        self.ui.passwordAgainEdit.clear()
