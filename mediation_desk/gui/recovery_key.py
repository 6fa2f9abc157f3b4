"""Shows the recovery key (恢复密钥) once, after setup or protection, and asks that it be kept:
copied, or printed on a sheet that says what it is for (documents/recovery_sheet.py).

The sheet is made on the desk worker and printed by a `PrintJob`, a band at a time, the
same way as every document of the desk; the dialog cannot be closed while pages are on their way.
The PDF is never saved by the desk."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from mediation_desk.documents.recovery_sheet import recovery_sheet_pdf
from mediation_desk.gui.forms.ui_recovery_key import Ui_RecoveryKeyDialog
from mediation_desk.gui.large_text import SUBHEADING, enlarge
from mediation_desk.gui.pdf_print import PrintJob, prepare_printer
from mediation_desk.gui.screen_fit import limit_to_screen
from mediation_desk.gui.tasks import TaskManager

CALM_STYLE = "color: #7a4b00;"
KEY_SIZE = 1.6  # the key, times the body text: read back and copied by hand


def storage_note(wanted: bool, kept: bool) -> str:
    """Where the data key is kept now, in words (shown under the recovery key)."""
    if kept:
        return QCoreApplication.translate(
            "RecoveryKeyDialog",
            "数据密钥已存入本机的系统钥匙串：在这台电脑上用同一个系统账号使用命令行时不必输入密码。",
        )
    if wanted:
        return QCoreApplication.translate(
            "RecoveryKeyDialog", "系统钥匙串没有接受数据密钥，密钥没有存在这台电脑上：每次使用都要输入密码。"
        )
    return QCoreApplication.translate(
        "RecoveryKeyDialog", "数据密钥没有存在这台电脑上：每次使用（包括命令行）都要输入密码。"
    )


class RecoveryKeyDialog(QDialog):
    def __init__(
        self,
        recovery_key: str,
        tasks: TaskManager,
        committee_name: str | None = None,
        storage_note: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.committee_name = committee_name
        self.ui = Ui_RecoveryKeyDialog()
        self.ui.setupUi(self)
        self.ui.keyLabel.setText(recovery_key)
        self._key = recovery_key
        self.ui.storageLabel.setText(storage_note)
        self.ui.storageLabel.setVisible(bool(storage_note))
        self.ui.messageLabel.setStyleSheet(CALM_STYLE)
        self.ui.messageLabel.hide()
        self.print_job: PrintJob | None = None
        self.printer: QPrinter | None = None
        self.preparing = False
        self.ui.copyButton.clicked.connect(self.copy_key)
        self.ui.printButton.clicked.connect(self.print_key)
        enlarge(KEY_SIZE, self.ui.keyLabel)
        enlarge(SUBHEADING, self.ui.headingLabel)
        limit_to_screen(self)
        self.ui.printButton.setFocus()

    def copy_key(self) -> None:
        QApplication.clipboard().setText(self._key)
        self.ui.copyButton.setText(self.tr("已复制"))

    # ---- printing -------------------------------------------------------------------------------

    @property
    def printing(self) -> bool:
        return self.print_job is not None

    def print_key(self) -> None:
        """Make the sheet (on the desk worker), then ask which printer."""
        if self.printing or self.preparing:
            return
        self.preparing = True
        self.ui.printButton.setEnabled(False)
        self._say(self.tr("正在准备打印……"))
        self.tasks.run(
            recovery_sheet_pdf,
            self._key,
            self.committee_name,
            dt.date.today(),
            on_done=self._sheet_ready,
            on_error=self._sheet_failed,
            owner=self,
        )

    def _sheet_ready(self, pdf: bytes) -> None:
        self.preparing = False
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_printer(printer, self.tr("恢复密钥"), 1)
        if self.choose_printer(printer):
            self.print_to(pdf, printer)
        else:
            self._say("")
            self.ui.printButton.setEnabled(True)

    def _sheet_failed(self, error: BaseException) -> None:
        self.preparing = False
        self.ui.printButton.setEnabled(True)
        raise error  # a sheet that cannot be made is a bug: the exception hook reports it

    def choose_printer(self, printer: QPrinter) -> bool:
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("打印恢复密钥"))
        return dialog.exec() == QDialog.DialogCode.Accepted

    def print_to(self, pdf: bytes, printer: QPrinter) -> PrintJob:
        self.printer = printer  # the job paints on it until it has finished
        job = PrintJob(pdf, printer, self)
        queued = Qt.ConnectionType.QueuedConnection
        job.failed.connect(lambda reason: self._say(self.tr("未能打印：{reason}").format(reason=reason)), queued)
        job.printed.connect(
            lambda _pages: self._say(self.tr("已送往打印机。请取回打印好的恢复密钥，锁好保管。")), queued
        )
        job.finished.connect(self._print_finished, queued)
        self.print_job = job
        self._say(self.tr("正在打印……"))
        job.start()
        return job

    def _print_finished(self) -> None:
        if self.print_job is not None:
            self.print_job.deleteLater()
        self.print_job, self.printer = None, None
        self.ui.printButton.setEnabled(True)

    def _say(self, text: str) -> None:
        self.ui.messageLabel.setText(text)
        self.ui.messageLabel.setVisible(bool(text))

    # ---- closing --------------------------------------------------------------------------------

    def accept(self) -> None:
        if self.printing:  # the pages are on their way to the printer: closing waits for it
            self._say(self.tr("正在打印，请等打印完成后再关闭。"))
            return
        super().accept()

    def reject(self) -> None:
        """Escape or the close button do not skip the key: it is shown only this once."""
        if self.ui.confirmCheck.isChecked():
            self.accept()
