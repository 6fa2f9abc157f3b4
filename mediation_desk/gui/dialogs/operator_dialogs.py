"""Operator accounts in the window: a new account (with its role and, for a 调解员, the roster
record it acts for), a new password set by the 主任, and one's own password changed.

Each dialog saves through one service call on the desk worker (accounts.add_operator,
credentials.reset_password, credentials.change_password): the service owns the transaction, the
data key's new wrap and the audit; the dialog shows its problems next to the fields."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from mediation_desk.administration import accounts, credentials
from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.errors import DeskError, ValidationError
from mediation_desk.gui.dialogs.base import Call, ServiceDialog, bind
from mediation_desk.gui.forms.ui_operator_dialog import Ui_OperatorDialog
from mediation_desk.gui.forms.ui_password_dialog import Ui_PasswordDialog
from mediation_desk.gui.labels import role_name
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.mediation.dto import MediatorView
from mediation_desk.privacy import roles


def _mismatch(field: str) -> ValidationError:
    return ValidationError.single(
        field, "password_mismatch", QCoreApplication.translate("OperatorDialogs", "两次输入的密码不一样")
    )


class OperatorDialog(ServiceDialog):
    """新增操作员. `roster`: the mediators an account may act for; `linked`: those who have one."""

    def __init__(
        self,
        desk: Desk,
        tasks: TaskManager,
        actor: Actor,
        roster: list[MediatorView],
        linked: set[str] | frozenset[str] = frozenset(),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(desk, tasks, actor, parent)
        self.ui = Ui_OperatorDialog()
        self.ui.setupUi(self)
        u = self.ui
        self.roster = [m for m in roster if m.active]
        for code in roles.ROLES:
            u.roleCombo.addItem(role_name(code), code)
        u.roleCombo.setCurrentIndex(u.roleCombo.findData(roles.CLERK))
        u.mediatorCombo.addItem(self.tr("（不关联）"), None)
        for m in self.roster:
            label = m.name if m.id not in linked else self.tr("{name}（已有账号）").format(name=m.name)
            u.mediatorCombo.addItem(label, m.id)
        # accounts.validate_operator's and add_operator's field names, and where they are shown.
        self.error_labels = {
            "username": u.usernameError,
            "display_name": u.displayNameError,
            "role": u.roleError,
            "mediator_id": u.mediatorError,
            "password": u.passwordError,
            "password_again": u.passwordAgainError,
        }
        self.wire(u.buttonBox, u.messageLabel, self.tr("添加"))
        u.roleCombo.currentIndexChanged.connect(lambda _i: self._role_changed())
        u.displayNameEdit.editingFinished.connect(self._suggest_mediator)
        self._role_changed()
        u.usernameEdit.setFocus()

    def _role_changed(self) -> None:
        u = self.ui
        is_mediator = roles.links_to_roster(u.roleCombo.currentData())
        u.mediatorCombo.setEnabled(is_mediator)
        if not is_mediator:
            u.mediatorHint.setText(self.tr("只有调解员的账号需要关联名册。"))
        elif not self.roster:
            u.mediatorHint.setText(self.tr("名册中还没有调解员：请先在「调解员」页添加本人，再为其开账号。"))
        else:
            u.mediatorHint.setText(
                self.tr("关联名册中的本人后，这个账号只能看到本人承办的案件；不关联则看不到任何案件。")
            )
        self._suggest_mediator()

    def _suggest_mediator(self) -> None:
        """A 调解员 whose name is on the roster: that record, unless another was chosen."""
        u = self.ui
        if not roles.links_to_roster(u.roleCombo.currentData()) or u.mediatorCombo.currentData() is not None:
            return
        name = u.displayNameEdit.text().strip()
        same = [m.id for m in self.roster if m.name == name]
        if len(same) == 1:
            u.mediatorCombo.setCurrentIndex(u.mediatorCombo.findData(same[0]))

    def values(self) -> dict[str, Any]:
        u = self.ui
        role = u.roleCombo.currentData()
        return {
            "username": u.usernameEdit.text().strip(),
            "display_name": u.displayNameEdit.text(),
            "role": role,
            "mediator_id": u.mediatorCombo.currentData() if roles.links_to_roster(role) else None,
            "password": u.passwordEdit.text(),
        }

    def service_call(self) -> Call:
        data = self.values()
        problems = []
        try:
            accounts.validate_operator(data)  # the service's own rules, before the worker is asked
        except ValidationError as error:
            problems = error.problems
        if self.ui.passwordAgainEdit.text() != data["password"]:
            problems += _mismatch("password_again").problems
        if problems:
            raise ValidationError(problems)
        return bind(accounts.add_operator, self.desk, self.actor, data)


class PasswordDialog(ServiceDialog):
    """One's own password changed (`username` None: the old one is asked for), or another
    operator's set anew by the 主任 (`username` given: the lockout is lifted too)."""

    def __init__(
        self,
        desk: Desk,
        tasks: TaskManager,
        actor: Actor,
        username: str | None = None,
        display_name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(desk, tasks, actor, parent)
        self.ui = Ui_PasswordDialog()
        self.ui.setupUi(self)
        u = self.ui
        self.username = username
        self.error_labels = {
            "old_password": u.oldPasswordError,
            "new_password": u.newPasswordError,
            "password_again": u.passwordAgainError,
        }
        if username is None:
            self.setWindowTitle(self.tr("修改我的密码"))
            u.introLabel.setText(
                self.tr("{name}，请输入原密码和新密码（至少 {length} 位）。").format(
                    name=actor.display_name or actor.username, length=accounts.MIN_PASSWORD
                )
            )
            u.oldPasswordEdit.setFocus()
        else:
            self.setWindowTitle(self.tr("重设密码"))
            u.introLabel.setText(
                self.tr(
                    "为「{name}（{username}）」设一个新密码（至少 {length} 位），账号若被锁定也一并解除。"
                    "请当面告诉本人，并请本人登录后在「修改我的密码」里换成只有自己知道的密码。"
                ).format(name=display_name or username, username=username, length=accounts.MIN_PASSWORD)
            )
            for widget in (u.oldPasswordLabel, u.oldPasswordEdit, u.oldPasswordError):
                widget.hide()
            u.newPasswordEdit.setFocus()
        self.wire(u.buttonBox, u.messageLabel, self.tr("保存新密码"))

    def service_call(self) -> Call:
        u = self.ui
        new = u.newPasswordEdit.text()
        if u.passwordAgainEdit.text() != new:
            raise _mismatch("password_again")
        if self.username is None:
            return bind(credentials.change_password, self.desk, self.actor, u.oldPasswordEdit.text(), new)
        return bind(credentials.reset_password, self.desk, self.actor, self.username, new)

    def confirmation(self) -> str | None:
        if self.username is None:
            return None
        return self.tr("确定为「{username}」重设密码吗？原来的密码将不能再用。").format(username=self.username)

    def show_refusal(self, error: DeskError) -> None:
        super().show_refusal(error)
        self.ui.passwordAgainEdit.clear()
