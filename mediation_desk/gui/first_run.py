"""First run (首次设置): the committee (with its case word, 字号), its first 主任 account, where
the data key is kept (first_run_key.py); the recovery key after, shown and printable."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget, QWizard, QWizardPage

from mediation_desk.administration import accounts
from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.errors import DeskError, FieldProblem, ValidationError
from mediation_desk.gui.field_errors import show_problems
from mediation_desk.gui.first_run_key import KeyPage
from mediation_desk.gui.font_mode import ElderModeCheck
from mediation_desk.gui.forms.ui_first_run_admin import Ui_AdminPage
from mediation_desk.gui.forms.ui_first_run_committee import Ui_CommitteePage
from mediation_desk.gui.recovery_key import RecoveryKeyDialog, storage_note
from mediation_desk.gui.screen_fit import limit_to_screen
from mediation_desk.gui.settings import DeskSettings
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.gui.wheel_guard import guard_wheel
from mediation_desk.mediation.numbering import default_case_word, format_case_number
from mediation_desk.privacy import roles


def _show_compactly(labels: dict[str, QLabel], problems: list[FieldProblem]) -> list[FieldProblem]:
    """Problems under their fields; a field without one takes no room (the pages fit a small
    screen in large type)."""
    unplaced = show_problems(labels, problems)
    for label in labels.values():
        label.setVisible(bool(label.text()))
    return unplaced


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
            "case_word": u.caseWordError,
        }
        self.show_problems([])
        # The case word follows the town (谢塘镇 → 谢人调字) until the user types one of their own.
        self.case_word_typed = False
        u.caseWordEdit.textEdited.connect(self._case_word_typed)
        u.townEdit.textChanged.connect(self._suggest_case_word)
        u.seatEdit.valueChanged.connect(lambda _seat: self._show_example())
        self.wheel_guard = guard_wheel(self)  # the seat number changes only once chosen
        self._suggest_case_word(u.townEdit.text())

    def _case_word_typed(self, text: str) -> None:
        self.case_word_typed = bool(text.strip())
        self._show_example()

    def _suggest_case_word(self, town: str) -> None:
        if not self.case_word_typed:
            self.ui.caseWordEdit.setText(default_case_word(town) if town.strip() else "")
        self._show_example()

    def _show_example(self) -> None:
        word = self.ui.caseWordEdit.text().strip() or default_case_word(self.ui.townEdit.text())
        number = format_case_number(dt.date.today().year, word, self.ui.seatEdit.value(), 1)
        self.ui.caseWordHint.setText(
            self.tr("案号将写成：{number}（全国统一格式为“（年）X人调字第 号”，可以改成本地习惯的字号）").format(
                number=number
            )
        )

    def values(self) -> dict[str, Any]:
        u = self.ui
        return {
            "name": u.nameEdit.text(),
            "code": u.codeEdit.text(),
            "town": u.townEdit.text(),
            "village": u.villageEdit.text() or None,
            "seat": u.seatEdit.value(),
            "case_word": u.caseWordEdit.text().strip() or None,
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
        return _show_compactly(self.error_labels, problems)


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
        self.show_problems([])

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
        return self.check()

    def show_problems(self, problems: list[FieldProblem]) -> list[FieldProblem]:
        return _show_compactly(self.error_labels, problems)


@dataclass(frozen=True)
class SetUp:
    """What the first run made: the recovery key to show once, and where the data key is kept."""

    recovery_key: str
    committee_name: str
    wanted_keyring: bool  # the user chose to keep the key in the OS keyring
    key_in_keyring: bool  # and the keyring took it


def _set_up(desk: Desk, committee: dict[str, Any], admin: dict[str, Any], remember_key: bool) -> tuple[Actor, SetUp]:
    view, op = accounts.setup_desk(desk, committee, admin, remember_key=remember_key)
    assert view.recovery_key is not None
    kept = remember_key and accounts.key_in_keyring(desk)
    made = SetUp(view.recovery_key, view.name, remember_key, kept)
    return Actor(op.username, op.role, op.id, op.display_name, None), made


def recovery_dialog(made: SetUp, tasks: TaskManager) -> RecoveryKeyDialog:
    """The recovery key of a desk just set up, with where its data key is kept."""
    note = storage_note(made.wanted_keyring, made.key_in_keyring)
    return RecoveryKeyDialog(made.recovery_key, tasks, made.committee_name, note)


class FirstRunWizard(QWizard):
    """Emits `set_up(actor, SetUp)` once the committee and the 主任 are saved."""

    set_up = Signal(object, object)

    def __init__(
        self, desk: Desk, tasks: TaskManager, settings: DeskSettings | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = tasks
        self.outcome: tuple[Actor, SetUp] | None = None  # (the 主任, what was made) once saved
        self.setWindowTitle(self.tr("首次设置 — 人民调解室工作台"))
        self.committee_page = CommitteePage(self)
        self.admin_page = AdminPage(self)
        self.key_page = KeyPage(tasks, self)
        # Offered before anything is typed: an elderly clerk reads the rest in large type.
        self.elder_mode = ElderModeCheck(settings, self.committee_page)
        self.committee_page.ui.modeRow.insertWidget(0, self.elder_mode)
        self.addPage(self.committee_page)
        self.addPage(self.admin_page)
        self.addPage(self.key_page)
        limit_to_screen(self)

    def save(self) -> None:
        self.setEnabled(False)
        self.setCursor(Qt.CursorShape.BusyCursor)
        self.tasks.run(
            _set_up,
            self.desk,
            self.committee_page.values(),
            self.admin_page.values(),
            self.key_page.remember_key(),
            on_done=self._saved,
            on_error=self._refused,
        )

    def _saved(self, result: tuple[Actor, SetUp]) -> None:
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
            after_committee = len(left)
            left = self.admin_page.show_problems(left)
            if len(left) < after_committee:
                while self.currentPage() is not self.admin_page and self.currentPage() is not self.committee_page:
                    self.back()
            if not left:
                return
            error = ValidationError(left)
        QMessageBox.warning(self, self.tr("未能完成设置"), str(error))
