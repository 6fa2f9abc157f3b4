"""A dialog that saves through one service call on the desk worker.

The dialog stays open until the service has accepted the input: a `ValidationError` is shown next
to the fields it names, a refusal (`TransitionError`, `PermissionDenied`, a locked desk) calmly
in the dialog's message line; nothing is half-saved, the user corrects and saves again. What was
typed is not lost by a stray Escape, nor when the window quits or locks (`EditorDialog`)."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QMessageBox, QWidget

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.errors import DeskError, FieldProblem, ValidationError
from mediation_desk.gui.field_errors import show_problems
from mediation_desk.gui.screen_fit import limit_to_screen
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.gui.unsaved_work import EditorDialog, Then
from mediation_desk.gui.wheel_guard import guard_wheel

Call = Callable[[], Any]
_INDEX = re.compile(r"\[\d+\].*$")
CALM_STYLE = "color: #7a4b00;"  # a refusal is information, not an alarm


class ServiceDialog(EditorDialog):
    saved = Signal(object)  # the service's result, once it has accepted the input

    def __init__(self, desk: Desk, tasks: TaskManager, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = tasks
        self.actor = actor
        self.busy = False
        self.error_labels: dict[str, QLabel] = {}
        self.buttons: QDialogButtonBox | None = None
        self.message: QLabel | None = None
        self._after_save: Then | None = None  # what was waiting for this save (a quit, say)

    def wire(self, buttons: QDialogButtonBox, message: QLabel, save_text: str | None = None) -> None:
        """Connect the form's buttons: OK saves (and closes only once saved), Cancel closes."""
        self.buttons, self.message = buttons, message
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(save_text or QCoreApplication.translate("ServiceDialog", "保存"))
        ok.setDefault(True)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("ServiceDialog", "取消")
        )
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        message.setStyleSheet(CALM_STYLE)
        message.setWordWrap(True)
        message.clear()
        self.wheel_guard = guard_wheel(self)  # a choice or a date changes only once chosen

    def showEvent(self, event: QShowEvent) -> None:
        limit_to_screen(self)  # never larger than the screen: the form scrolls, the buttons stay
        super().showEvent(event)

    # ---- what subclasses give -------------------------------------------------------------------

    def service_call(self) -> Call:
        """The service call that saves the form (run on the desk worker); a `ValidationError`
        raised here (a rule checked before anything is sent) is shown like the service's own."""
        raise NotImplementedError

    def confirmation(self) -> str | None:
        """A question to confirm before an irreversible action, or None."""
        return None

    def place(self, problem: FieldProblem) -> FieldProblem:
        """The problem under the name of the label that shows it: `statements[1].text` by the
        label of `statements[1]`; `participants[2]` and `terms[0]` by the list's own label
        unless one exists for the item."""
        for name in (problem.field, problem.field.split(".")[0], _INDEX.sub("", problem.field)):
            if name in self.error_labels:
                return FieldProblem(name, problem.rule, problem.message)
        return problem

    # ---- saving ---------------------------------------------------------------------------------

    def save_work(self, then: Then) -> None:
        self._after_save = then
        self.submit()

    def submit(self) -> None:
        if self.busy:
            return
        try:
            call = self.service_call()
        except ValidationError as error:
            self._after_save = None
            self.show_refusal(error)
            return
        question = self.confirmation()
        if question is not None:
            answer = QMessageBox.question(
                self,
                QCoreApplication.translate("ServiceDialog", "请确认"),
                question,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                self._after_save = None
                return
        self._set_busy(True)
        self.tasks.run(call, on_done=self._done, on_error=self._failed)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        if self.buttons is not None:
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not busy)
        if self.message is not None:
            self.message.setText(QCoreApplication.translate("ServiceDialog", "正在保存……") if busy else "")

    def _done(self, result: Any) -> None:
        self._set_busy(False)
        then, self._after_save = self._after_save, None
        self.saved.emit(result)
        self.accept()
        if then is not None:
            then()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self._after_save = None  # refused: the dialog stays, showing why
        if not isinstance(error, DeskError):
            raise error
        self.show_refusal(error)

    def show_refusal(self, error: DeskError) -> None:
        """Problems next to their fields; anything else in the message line."""
        if isinstance(error, ValidationError):
            unplaced = show_problems(self.error_labels, [self.place(p) for p in error.problems])
            lines = [QCoreApplication.translate("ServiceDialog", "未保存：请按提示修改后再保存。")] + [
                p.message for p in unplaced
            ]
            self.message_text("\n".join(lines))
            return
        show_problems(self.error_labels, [])
        self.message_text(QCoreApplication.translate("ServiceDialog", "未保存：{reason}").format(reason=error))

    def message_text(self, text: str) -> None:
        if self.message is not None:
            self.message.setText(text)


def bind(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Call:
    """`fn(*args, **kwargs)`, to be called later on the desk worker."""
    return functools.partial(fn, *args, **kwargs)
