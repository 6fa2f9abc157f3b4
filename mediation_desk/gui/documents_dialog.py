"""文书: the documents of one case at the desk's window — choose a kind, say why (the documents
print full identity numbers: the reason is audited by the service), generate it on the desk
worker, look at it in the window, then print it or save it as a PDF; each print or save is
audited too (`documents.record_export`).

What is printed or saved is exactly the PDF generated: the preview, the printer and the file
all read the same bytes, whose SHA-256 the audit log holds. The preview is forgotten when the
dialog closes or the desk locks: it shows a party's full personal data."""

from __future__ import annotations

import contextlib
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidgetItem,
    QWidget,
)

from mediation_desk import documents
from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.documents import GeneratedDocument
from mediation_desk.documents.fonts import register as register_document_fonts
from mediation_desk.errors import DeskError, ValidationError
from mediation_desk.gui.document_labels import REASONS, kind_name, when_available
from mediation_desk.gui.documents_export import DocumentExport
from mediation_desk.gui.field_errors import show_problems
from mediation_desk.gui.forms.ui_documents_dialog import Ui_DocumentsDialog
from mediation_desk.gui.large_text import HEADING, enlarge
from mediation_desk.gui.pdf_print import PrintJob
from mediation_desk.gui.screen_fit import limit_to_screen
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.gui.wheel_guard import guard_wheel

KIND_ROLE = Qt.ItemDataRole.UserRole
UNAVAILABLE_COLOUR = "#666666"  # greyed, yet readable (5.7:1 on white)
CALM_STYLE = "color: #7a4b00;"  # a refusal is information, not an alarm
LOCK_CHECK_MS = 1_000
LARGE = 1.15  # the list of documents, the main buttons and the message


def generate_document(desk: Desk, actor: Actor, case_id: str, kind: str, reason: str) -> GeneratedDocument:
    """Generate on the desk worker; the folder the save dialog offers is made here too, off the
    window's thread."""
    document = documents.generate(desk, actor, case_id, kind, reason=reason)
    with contextlib.suppress(OSError):  # only a convenience: the dialog then opens elsewhere
        desk.paths.exports.mkdir(parents=True, exist_ok=True)
    return document


class DocumentsDialog(DocumentExport, QDialog):
    signing_requested = Signal()  # the clerk wants to record the signatures now
    exported = Signal(str)  # "print" or "save", once audited

    def __init__(
        self,
        desk: Desk,
        tasks: TaskManager,
        actor: Actor,
        case_id: str,
        number: str,
        *,
        copies: int = 1,
        can_sign: bool = False,
        preferred: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = tasks
        self.actor = actor
        self.case_id = case_id
        self.number = number
        self.copies = copies  # of a written agreement: one per party and one for the committee
        self.preferred = preferred
        self.available: list[str] | None = None
        self.document: GeneratedDocument | None = None
        self.busy = False  # a call on the desk worker is running
        self.print_job: PrintJob | None = None
        self.printer: QPrinter | None = None
        self.printing_document: GeneratedDocument | None = None
        self._vault: Any = None  # the data key the shown document was made under
        self.ui = Ui_DocumentsDialog()
        self.ui.setupUi(self)
        enlarge(HEADING, self.ui.headingLabel)
        limit_to_screen(self)  # 1180×820 as drawn: no larger than a 1366×768 screen allows
        u = self.ui
        self.setWindowTitle(self.tr("文书 — {number}").format(number=number))
        u.headingLabel.setText(self.tr("{number}　文书").format(number=number))
        for reason in REASONS:
            u.reason.addItem(QCoreApplication.translate("DocumentsDialog", reason))
        u.reason.setCurrentIndex(-1)
        reason_edit = u.reason.lineEdit()
        assert reason_edit is not None  # the reason is editable: a choice or the clerk's own words
        reason_edit.setPlaceholderText(self.tr("如：当事人签字用"))
        reason_edit.setMaxLength(200)
        self.error_labels = {"reason": u.reasonError}
        enlarge(LARGE, u.kindsList, u.generateButton, u.printButton, u.messageLabel)
        u.messageLabel.setStyleSheet(CALM_STYLE)
        u.busyBar.hide()
        u.signButton.setVisible(can_sign)
        for kind in documents.KINDS:
            item = QListWidgetItem(kind_name(kind), u.kindsList)
            item.setData(KIND_ROLE, kind)
        u.kindsList.currentItemChanged.connect(lambda *_: self._update())
        u.kindsList.itemActivated.connect(lambda _item: self.generate())
        u.generateButton.clicked.connect(self.generate)
        u.printButton.clicked.connect(self.print_with_dialog)
        u.saveButton.clicked.connect(self.save_as)
        u.signButton.clicked.connect(self._request_signing)
        u.buttonBox.rejected.connect(self.reject)
        close = u.buttonBox.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("关闭"))
        close.setAutoDefault(False)  # Enter generates (the default button); it never closes
        self.lock_watch = QTimer(self)
        self.lock_watch.setInterval(LOCK_CHECK_MS)
        self.lock_watch.timeout.connect(self._check_locked)
        self._update()
        # The fonts (~0.3 s, ~35 MB) load while the clerk chooses a document and types the
        # reason, not at the window's start: most sessions print nothing.
        tasks.run(register_document_fonts, owner=self)
        self._load_kinds()
        self.wheel_guard = guard_wheel(self)  # the reason chosen changes only once chosen
        u.kindsList.setFocus()

    # ---- which kinds ----------------------------------------------------------------------------

    def _load_kinds(self) -> None:
        self.busy = True
        self._say(self.tr("正在读取本案可生成的文书……"))
        self._update()
        self.tasks.run(
            documents.available_kinds,
            self.desk,
            self.actor,
            self.case_id,
            on_done=self._show_kinds,
            on_error=self._kinds_failed,
            owner=self,
        )

    def _show_kinds(self, available: list[str]) -> None:
        self.busy = False
        self.available = list(available)
        lst = self.ui.kindsList
        for row in range(lst.count()):
            item = lst.item(row)
            kind = item.data(KIND_ROLE)
            if kind in self.available:
                item.setText(kind_name(kind))
                item.setToolTip("")
            else:
                # Still selectable: a keyboard user reads why it cannot be made now.
                item.setText(self.tr("{name}（暂不能生成）").format(name=kind_name(kind)))
                item.setForeground(QBrush(QColor(UNAVAILABLE_COLOUR)))
                item.setToolTip(when_available(kind))
        first = next((k for k in (self.preferred, "agreement", *self.available) if k in self.available), None)
        if first is not None:
            lst.setCurrentRow(list(documents.KINDS).index(first))
        self._say("" if self.available else self.tr("本案现在还没有可生成的文书"))
        self._update()

    def _kinds_failed(self, error: BaseException) -> None:
        self.busy = False
        if not isinstance(error, DeskError):
            raise error
        self.available = []
        self._say(self.tr("不能读取本案的文书：{reason}").format(reason=error))
        self._update()

    def selected_kind(self) -> str | None:
        item = self.ui.kindsList.currentItem()
        return item.data(KIND_ROLE) if item is not None else None

    def select_kind(self, kind: str) -> None:
        self.ui.kindsList.setCurrentRow(list(documents.KINDS).index(kind))

    # ---- generating -----------------------------------------------------------------------------

    def generate(self) -> None:
        """Generate the selected kind with the reason typed, on the desk worker."""
        kind = self.selected_kind()
        if self.busy or kind is None or not self._can_generate(kind):
            return
        self._set_busy(True, self.tr("正在生成《{name}》……").format(name=kind_name(kind)))
        show_problems(self.error_labels, [])
        self.tasks.run(
            generate_document,
            self.desk,
            self.actor,
            self.case_id,
            kind,
            self.ui.reason.currentText(),
            on_done=self._generated,
            on_error=self._generate_failed,
            owner=self,
        )

    def _generated(self, document: GeneratedDocument) -> None:
        self._set_busy(False)
        self.document = document
        self._vault = self.desk.vault
        self.lock_watch.start()
        pages = self.ui.preview.show_pdf(document.pdf)
        self.ui.headingLabel.setText(
            self.tr("{number}　{name}").format(number=self.number, name=kind_name(document.kind))
        )
        self._say(
            self.tr("已生成《{name}》，共 {pages} 页。请核对无误后打印或保存。").format(
                name=kind_name(document.kind), pages=pages
            )
        )
        self._update()

    def _generate_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if not isinstance(error, DeskError):
            raise error
        if isinstance(error, ValidationError):
            unplaced = show_problems(self.error_labels, error.problems)
            lines = [p.message for p in unplaced] or [self.tr("请按提示修改后再生成。")]
        else:
            lines = [str(error)]
        self._say("\n".join([self.tr("未能生成文书："), *lines]))

    # ---- the rest -------------------------------------------------------------------------------

    def _request_signing(self) -> None:
        if self.printing:
            return
        self.accept()
        self.signing_requested.emit()

    def _can_generate(self, kind: str) -> bool:
        return self.available is not None and kind in self.available

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self.busy = busy
        self.ui.busyBar.setRange(0, 0)
        self.ui.busyBar.setVisible(busy or self.printing)
        if busy:
            self._say(text)
        self._update()

    def _update(self) -> None:
        u, kind = self.ui, self.selected_kind()
        idle = not self.busy and not self.printing
        u.kindsList.setEnabled(not self.busy)
        u.reason.setEnabled(not self.busy)
        u.generateButton.setEnabled(idle and kind is not None and self._can_generate(kind))
        u.printButton.setEnabled(idle and self.document is not None)
        u.saveButton.setEnabled(idle and self.document is not None)
        u.signButton.setEnabled(not self.printing)
        if kind is None or self.available is None:
            u.kindNote.clear()
        elif kind in self.available:
            u.kindNote.setText(self.tr("可以生成。"))
        else:
            u.kindNote.setText(self.tr("暂不能生成：{why}").format(why=when_available(kind)))

    def _say(self, text: str) -> None:
        self.ui.messageLabel.setText(text)

    def _check_locked(self) -> None:
        if self.desk.vault is not self._vault:
            self._forget()
            self._say(self.tr("工作台已锁定，文书预览已关闭。"))
            if not self.printing:
                self.reject()

    def _forget(self) -> None:
        """Drop the document (and its full personal data) from the window."""
        self.lock_watch.stop()
        self.document = None
        self.ui.preview.clear()
        self._update()

    def reject(self) -> None:
        if self.printing:  # the pages are on their way to the printer: closing waits for it
            self._say(self.tr("正在打印，请等打印完成后再关闭。"))
            return
        self._forget()
        super().reject()

    def accept(self) -> None:
        self._forget()
        super().accept()
