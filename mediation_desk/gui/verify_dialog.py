"""核验协议书: is a printed agreement still what the desk's record says? The QR code on the paper
holds a verification code (MDA1|委员会代码|协议书编号|校验值); a scanner acting as a keyboard types
it into the field and presses Enter, or the clerk types it from the line under the code.
`documents.verify` answers on the desk worker, and the answer is shown in large, plain words:
一致 / 不一致 (with what differs) / 没有找到 / 校验码无效.

The dialog stays open for the next paper: after each answer the code is selected, so the next
scan replaces it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.errors import DeskError
from mediation_desk.gui.forms.ui_verify_dialog import Ui_VerifyDialog
from mediation_desk.gui.large_text import enlarge
from mediation_desk.gui.tasks import TaskManager

if TYPE_CHECKING:
    from mediation_desk.documents import VerificationResult

# status → (the words shown, background); the words carry the meaning, the colour only helps.
STATUS_WORDS: dict[str, tuple[str, str]] = {
    "match": (QT_TRANSLATE_NOOP("VerifyDialog", "核验一致"), "#1b7f2a"),
    "mismatch": (QT_TRANSLATE_NOOP("VerifyDialog", "内容不一致"), "#b00020"),
    "not_found": (QT_TRANSLATE_NOOP("VerifyDialog", "本机没有这份协议"), "#8a5a00"),
    "invalid": (QT_TRANSLATE_NOOP("VerifyDialog", "校验码无效"), "#8a5a00"),
}
REFUSED_COLOUR = "#8a5a00"
STATUS_STYLE = "font-weight: bold; color: white; background: {colour}; padding: 8px;"
STATUS_SIZE = 2.4  # the answer, readable from a step away
ANSWER_SIZE = 1.35


class VerifyDialog(QDialog):
    def __init__(self, desk: Desk, tasks: TaskManager, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = tasks
        self.actor = actor  # whoever is logged in: `set_actor`, on the window's operator_changed
        self.busy = False
        self.queued: str | None = None  # a code scanned while the previous one was being checked
        self.result: VerificationResult | None = None
        self.ui = Ui_VerifyDialog()
        self.ui.setupUi(self)
        u = self.ui
        # Scanners type Latin letters and digits: ask the input method to start in Latin mode,
        # so a Chinese IME left on does not swallow the scan.
        u.payload.setInputMethodHints(Qt.InputMethodHint.ImhPreferLatin | Qt.InputMethodHint.ImhNoPredictiveText)
        u.verifyButton.clicked.connect(self.verify)
        u.buttonBox.rejected.connect(self.reject)
        close = u.buttonBox.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("关闭"))
        close.setAutoDefault(False)  # the scanner's Enter presses 核验 (the default button), never this
        enlarge(STATUS_SIZE, u.statusLabel)
        enlarge(ANSWER_SIZE, u.payloadLabel, u.payload, u.verifyButton, u.messageLabel)
        enlarge(1.15, u.promptLabel, u.detailsLabel)
        u.busyBar.hide()
        self._clear_answer()
        u.payload.setFocus()

    def set_actor(self, actor: Actor) -> None:
        """A login after a lock: the next check is recorded as this operator's."""
        self.actor = actor

    def verify(self) -> None:
        """Check the code in the field (on the desk worker)."""
        text = self.ui.payload.text()
        self.ui.payload.selectAll()  # a scan arriving now replaces this code, not joins it
        if self.busy:
            self.queued = text
            return
        self._run(text)

    def _run(self, text: str) -> None:
        self.busy = True
        self.ui.busyBar.show()
        self.ui.verifyButton.setEnabled(False)
        self._clear_answer()
        self.ui.messageLabel.setText(self.tr("正在核验……"))
        from mediation_desk import documents  # reportlab loads only when a code is checked

        self.tasks.run(
            documents.verify, self.desk, self.actor, text, on_done=self._show_result, on_error=self._failed, owner=self
        )

    def _show_result(self, result: VerificationResult) -> None:
        self._idle()
        self.result = result
        words, colour = STATUS_WORDS.get(result.status, (result.status, REFUSED_COLOUR))
        self._show(QCoreApplication.translate("VerifyDialog", words), colour, result.message, "\n".join(result.details))
        self._next()

    def _failed(self, error: BaseException) -> None:
        self._idle()
        if not isinstance(error, DeskError):
            raise error
        self.result = None
        self._show(self.tr("未能核验"), REFUSED_COLOUR, str(error), "")
        self._next()

    def _show(self, words: str, colour: str, message: str, details: str) -> None:
        u = self.ui
        u.statusLabel.setText(words)
        u.statusLabel.setStyleSheet(STATUS_STYLE.format(colour=colour))
        u.messageLabel.setText(message)
        u.detailsLabel.setText(details)

    def _clear_answer(self) -> None:
        u = self.ui
        u.statusLabel.clear()
        u.statusLabel.setStyleSheet("")
        u.messageLabel.clear()
        u.detailsLabel.clear()

    def _idle(self) -> None:
        self.busy = False
        self.ui.busyBar.hide()
        self.ui.verifyButton.setEnabled(True)

    def _next(self) -> None:
        """Ready for the next paper: the code selected, so a new scan replaces it."""
        if self.queued is not None:
            text, self.queued = self.queued, None
            self._run(text)
            return
        self.ui.payload.setFocus()
        self.ui.payload.selectAll()


def open_verify_dialog(desk: Desk, tasks: TaskManager, actor: Actor, parent: QWidget | None = None) -> VerifyDialog:
    """Show the verify dialog (not modal: the clerk may check one paper after another); an open
    one is brought to the front rather than a second one made."""
    existing = parent.findChild(VerifyDialog) if parent is not None else None
    dialog = existing if isinstance(existing, VerifyDialog) else VerifyDialog(desk, tasks, actor, parent)
    dialog.actor = actor
    if existing is None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    dialog.ui.payload.setFocus()
    return dialog
