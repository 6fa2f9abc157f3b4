"""A generated PDF shown in the window, then printed or saved as a file: the green coins' papers
(a resident's 积分明细, a redemption receipt) that need no reason and no audit of their own,
unlike a case's documents (documents_dialog.py).

The PDF is made before the dialog opens (on the desk worker, by whoever opens it); the preview,
the printer and the saved file all read those same bytes. Printing goes a band at a time between
the window's events (`PrintJob`), saving runs on the desk worker: the window never waits on either."""

from __future__ import annotations

import errno
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QWidget

from mediation_desk.documents.points_docs import write_pdf
from mediation_desk.gui.forms.ui_pdf_dialog import Ui_PdfDialog
from mediation_desk.gui.large_text import enlarge
from mediation_desk.gui.pdf_print import PrintJob, prepare_printer
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.gui.wheel_guard import guard_wheel

CALM_STYLE = "color: #7a4b00;"
LARGE = 1.15  # the heading, the main buttons and the message


def disk_problem(error: OSError) -> str:
    """Why a file could not be written, in the clerk's words."""
    known = {
        errno.ENOENT: QCoreApplication.translate("PdfDialog", "文件夹不存在"),
        errno.EACCES: QCoreApplication.translate("PdfDialog", "没有在这里写文件的权限"),
        errno.EPERM: QCoreApplication.translate("PdfDialog", "没有在这里写文件的权限"),
        errno.ENOSPC: QCoreApplication.translate("PdfDialog", "磁盘空间不足"),
        errno.EROFS: QCoreApplication.translate("PdfDialog", "这个位置只能读、不能写（如光盘或写保护的 U 盘）"),
    }
    return known.get(error.errno or 0, error.strerror or str(error))


class PdfDialog(QDialog):
    def __init__(
        self,
        tasks: TaskManager,
        pdf: bytes,
        title: str,
        file_name: str,
        folder: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.pdf = pdf
        self.title = title
        self.file_name = file_name  # offered in the save dialog
        self.folder = folder
        self.saving = False
        self.saved_to: Path | None = None
        self.print_job: PrintJob | None = None
        self.printer: QPrinter | None = None
        self.ui = Ui_PdfDialog()
        self.ui.setupUi(self)
        u = self.ui
        self.setWindowTitle(title)
        u.headingLabel.setText(title)
        enlarge(LARGE, u.headingLabel, u.printButton, u.saveButton, u.messageLabel)
        u.messageLabel.setStyleSheet(CALM_STYLE)
        u.busyBar.hide()
        close = u.buttonBox.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("关闭"))
        close.setAutoDefault(False)  # Enter prints (the default button); Esc closes
        u.buttonBox.rejected.connect(self.reject)
        u.printButton.clicked.connect(self.print_with_dialog)
        u.saveButton.clicked.connect(self.save_as)
        self.wheel_guard = guard_wheel(self)  # the page number and the zoom: only when focused
        self.pages = u.preview.show_pdf(pdf)
        self._say(self.tr("共 {pages} 页。请核对无误后打印或保存。").format(pages=self.pages))
        self._update()
        u.printButton.setFocus()

    @property
    def printing(self) -> bool:
        return self.print_job is not None

    # ---- printing -------------------------------------------------------------------------------

    def print_with_dialog(self) -> None:
        if self.printing or not self.pages:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_printer(printer, self.title, self.pages)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("打印{title}").format(title=self.title))
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setMinMax(1, self.pages)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> PrintJob | None:
        """Print to a printer set up already (by the print dialog, or a PDF file)."""
        if self.printing:
            return None
        self.printer = printer  # the job paints on it until it has finished
        job = PrintJob(self.pdf, printer, self)
        queued = Qt.ConnectionType.QueuedConnection
        job.progressed.connect(self._print_progress, queued)
        job.failed.connect(self._print_failed, queued)
        job.printed.connect(self._printed, queued)
        job.finished.connect(self._print_finished, queued)
        self.print_job = job
        self.ui.busyBar.setRange(0, 0)
        self.ui.busyBar.show()
        self._say(self.tr("正在打印……"))
        self._update()
        job.start()
        return job

    def _print_progress(self, done: int, total: int) -> None:
        self.ui.busyBar.setRange(0, total)
        self.ui.busyBar.setValue(done)
        self._say(self.tr("正在打印：第 {done} 页，共 {total} 页……").format(done=done, total=total))

    def _print_failed(self, reason: str) -> None:
        self._say(self.tr("未能打印：{reason}").format(reason=reason))

    def _printed(self, pages: int) -> None:
        self._say(self.tr("已送往打印机，共 {pages} 页。").format(pages=pages))

    def _print_finished(self) -> None:
        if self.print_job is not None:
            self.print_job.deleteLater()
        self.print_job, self.printer = None, None
        self.ui.busyBar.hide()
        self._update()

    # ---- saving ---------------------------------------------------------------------------------

    def save_as(self) -> None:
        if self.saving:
            return
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("另存为 PDF"), str(self.folder / self.file_name), self.tr("PDF 文件 (*.pdf)")
        )
        if not target:
            return
        path = Path(target)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        self.saving = True
        self._say(self.tr("正在保存……"))
        self._update()
        self.tasks.run(write_pdf, self.pdf, path, on_done=self._saved, on_error=self._save_failed, owner=self)

    def _saved(self, path: Path) -> None:
        self.saving = False
        self.saved_to = path
        self._say(self.tr("已保存到：{path}").format(path=path))
        self._update()

    def _save_failed(self, error: BaseException) -> None:
        self.saving = False
        self._update()
        if not isinstance(error, OSError):
            raise error
        self._say(self.tr("未能保存：{reason}").format(reason=disk_problem(error)))

    # ---- the rest -------------------------------------------------------------------------------

    def _update(self) -> None:
        idle = not self.saving and not self.printing
        self.ui.printButton.setEnabled(idle and self.pages > 0)
        self.ui.saveButton.setEnabled(idle)

    def _say(self, text: str) -> None:
        self.ui.messageLabel.setText(text)

    def reject(self) -> None:
        if self.printing:  # the pages are on their way to the printer: closing waits for it
            self._say(self.tr("正在打印，请等打印完成后再关闭。"))
            return
        self.ui.preview.clear()
        super().reject()
