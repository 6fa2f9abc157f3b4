"""First run (首次设置): the committee, then its first 主任 account; the recovery key after."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget, QWizard, QWizardPage

from mediation_desk.administration import accounts
from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.errors import DeskError, FieldProblem, ValidationError
from mediation_desk.gui.field_errors import show_problems
from mediation_desk.gui.forms.ui_first_run_admin import Ui_AdminPage
from mediation_desk.gui.forms.ui_first_run_committee import Ui_CommitteePage
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.privacy import roles


class CommitteePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_CommitteePage()
        self.ui.setupUi(self)
        u = self.ui
        # Keys are the field names of accounts.validate_committee's problems.
        self.error_labels: dict[str, QLabel] = {
            "name": u.nameError,
            "code": u.codeError,
            "town": u.townError,
            "village": u.villageError,
            "seat": u.seatError,
        }

    def values(self) -> dict[str, Any]:
        u = self.ui
        return {
            "name": u.nameEdit.text(),
            "code": u.codeEdit.text(),
            "town": u.townEdit.text(),
            "village": u.villageEdit.text() or None,
            "seat": u.seatEdit.value(),
        }

    def validatePage(self) -> bool:
        try:
            accounts.validate_committee(self.values())  # pure rules: nothing is saved here
        except ValidationError as error:
            unplaced = self.show_problems(error.problems)
            if unplaced:
                QMessageBox.warning(self, self.tr("请检查输入"), str(ValidationError(unplaced)))
            return False
        self.show_problems([])
        return True

    def show_problems(self, problems: list[FieldProblem]) -> list[FieldProblem]:
        return show_problems(self.error_labels, problems)


class AdminPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_AdminPage()
        self.ui.setupUi(self)
        u = self.ui
        # Keys are the field names of accounts.setup_desk's problems for the admin account.
        self.error_labels: dict[str, QLabel] = {
            "admin.username": u.usernameError,
            "admin.display_name": u.displayNameError,
            "admin.password": u.passwordError,
            "admin.password_again": u.passwordAgainError,
        }

    def values(self) -> dict[str, Any]:
        u = self.ui
        return {
            "username": u.usernameEdit.text().strip(),
            "display_name": u.displayNameEdit.text(),
            "password": u.passwordEdit.text(),
        }

    def check(self) -> bool:
        """The rules that need no database, shown at once next to the fields."""
        problems: list[FieldProblem] = []
        try:
            accounts.validate_operator({**self.values(), "role": roles.ADMIN})
        except ValidationError as error:
            problems = error.prefixed("admin").problems
        if self.ui.passwordAgainEdit.text() != self.ui.passwordEdit.text():
            problems.append(FieldProblem("admin.password_again", "password_mismatch", self.tr("两次输入的密码不一样")))
        self.show_problems(problems)
        return not problems

    def validatePage(self) -> bool:
        wizard = self.wizard()
        if not isinstance(wizard, FirstRunWizard):
            return False
        if wizard.outcome is not None:  # saved: QWizard validates once more as it closes
            return True
        if self.check():
            wizard.save()
        return False  # the wizard closes itself once the desk is set up

    def show_problems(self, problems: list[FieldProblem]) -> list[FieldProblem]:
        return show_problems(self.error_labels, problems)


def _set_up(desk: Desk, committee: dict[str, Any], admin: dict[str, Any]) -> tuple[Actor, str]:
    view, op = accounts.setup_desk(desk, committee, admin)
    assert view.recovery_key is not None
    return Actor(op.username, op.role, op.id, op.display_name, None), view.recovery_key


class FirstRunWizard(QWizard):
    """Emits `set_up(actor, recovery_key)` once the committee and the 主任 are saved."""

    set_up = Signal(object, str)

    def __init__(self, desk: Desk, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = tasks
        self.outcome: tuple[Actor, str] | None = None  # (the 主任, the recovery key) once saved
        self.setWindowTitle(self.tr("首次设置 — 人民调解室工作台"))
        self.committee_page = CommitteePage(self)
        self.admin_page = AdminPage(self)
        self.addPage(self.committee_page)
        self.addPage(self.admin_page)

    def save(self) -> None:
        self.setEnabled(False)
        self.setCursor(Qt.CursorShape.BusyCursor)
        self.tasks.run(
            _set_up,
            self.desk,
            self.committee_page.values(),
            self.admin_page.values(),
            on_done=self._saved,
            on_error=self._refused,
        )

    def _saved(self, result: tuple[Actor, str]) -> None:
        self.unsetCursor()
        self.setEnabled(True)
        self.outcome = result
        self.accept()
        self.set_up.emit(*result)

    def _refused(self, error: BaseException) -> None:
        self.setEnabled(True)
        self.unsetCursor()
        if not isinstance(error, DeskError):
            raise error
        if isinstance(error, ValidationError):
            left = self.committee_page.show_problems(error.problems)
            if len(left) < len(error.problems):  # something on the first page: go back to it
                self.restart()
            left = self.admin_page.show_problems(left)
            if not left:
                return
            error = ValidationError(left)
        QMessageBox.warning(self, self.tr("未能完成设置"), str(error))
