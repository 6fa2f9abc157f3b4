"""A case's attachments on the case page: files dropped onto the page or chosen with the button
are added through the service, which checks their type, content and size and seals them; each
refusal is told by file name in plain words. Exporting an original asks for a reason (audited)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QListWidgetItem

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.errors import DeskError
from mediation_desk.gui.case_labels import ATTACHMENT_KIND_NAMES, name_of
from mediation_desk.gui.dialogs.base import bind
from mediation_desk.gui.dialogs.reason import ReasonDialog
from mediation_desk.gui.forms.ui_case_page import Ui_CasePage
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.mediation import attachments
from mediation_desk.mediation.attachments import AttachmentView

ATTACHMENT_ID_ROLE = Qt.ItemDataRole.UserRole
FILE_FILTER_TYPES = "*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.bmp *.webp *.mp3 *.wav *.m4a *.mp4 *.txt *.doc *.docx"


def export_attachment(desk: Desk, actor: Actor, attachment_id: str, reason: str, target: Path) -> Path:
    """Write an attachment's original to `target` (its opening audited with the reason)."""
    content = attachments.read_attachment(desk, actor, attachment_id, reason)
    target.write_bytes(content)
    return target


def dropped_files(mime: QMimeData) -> list[Path]:
    """The local files a drag carries (links to web pages are not files of the case)."""
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()] if mime.hasUrls() else []


def _size(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{max(size // 1024, 1)} KB"


class AttachmentsPanel(QObject):
    added = Signal()  # at least one file was attached
    finished = Signal()  # a batch of files has been handled, each added or refused

    def __init__(self, page: Any, ui: Ui_CasePage, desk: Desk, tasks: TaskManager) -> None:
        super().__init__(page)
        self.page = page  # its `actor` is whoever is logged in now
        self.ui = ui
        self.desk = desk
        self.tasks = tasks
        self.case_id: str | None = None
        self.can_add = False
        self.can_open = False
        self.pending = 0
        self.added_names: list[str] = []
        self.refusals: list[str] = []
        self.reason_dialog: ReasonDialog | None = None
        for code in ATTACHMENT_KIND_NAMES:
            ui.kindCombo.addItem(name_of(ATTACHMENT_KIND_NAMES, code), code)
        ui.addAttachmentButton.clicked.connect(self.choose_files)
        ui.exportAttachmentButton.clicked.connect(self.export_selected)
        ui.attachmentsList.currentItemChanged.connect(lambda *_: self._update_buttons())

    def show(self, case_id: str | None, files: Sequence[AttachmentView], can_add: bool, can_open: bool) -> None:
        if case_id != self.case_id:
            self.ui.attachmentsMessage.clear()
        self.case_id, self.can_add, self.can_open = case_id, can_add, can_open
        widget = self.ui.attachmentsList
        widget.clear()
        for f in files:
            item = QListWidgetItem(
                self.tr("{name}　{kind}　{size}").format(
                    name=f.original_name, kind=name_of(ATTACHMENT_KIND_NAMES, f.kind), size=_size(f.size)
                )
            )
            item.setData(ATTACHMENT_ID_ROLE, f.id)
            item.setToolTip(f.note or f.original_name)
            widget.addItem(item)
        for w in (self.ui.kindCombo, self.ui.addAttachmentButton, self.ui.dropHint):
            w.setEnabled(can_add)
        self._update_buttons()

    def _update_buttons(self) -> None:
        item = self.ui.attachmentsList.currentItem()
        self.ui.exportAttachmentButton.setEnabled(bool(self.case_id) and self.can_open and item is not None)

    # ---- adding ---------------------------------------------------------------------------------

    def accepts(self, mime: QMimeData) -> bool:
        return self.can_add and self.case_id is not None and bool(dropped_files(mime))

    def drop(self, mime: QMimeData) -> None:
        self.attach(dropped_files(mime))

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self.page,
            self.tr("添加附件"),
            "",
            self.tr("PDF、图片、音视频或文档 ({types});;所有文件 (*)").format(types=FILE_FILTER_TYPES),
        )
        self.attach([Path(n) for n in names])

    def attach(self, paths: Sequence[Path]) -> None:
        """Each file through the service on the desk worker; one summary when all are done."""
        if not paths or self.case_id is None or not self.can_add:
            return
        if self.pending == 0:
            self.added_names, self.refusals = [], []
        kind = self.ui.kindCombo.currentData()
        self.ui.attachmentsMessage.setText(self.tr("正在添加 {n} 个文件……").format(n=len(paths)))
        for path in paths:
            self.pending += 1
            self.tasks.run(
                attachments.attach_file,
                self.desk,
                self.page.actor,
                self.case_id,
                path,
                kind=kind,
                on_done=self._attached,
                on_error=lambda error, name=path.name: self._refused(name, error),
            )

    def _attached(self, view: AttachmentView) -> None:
        self.added_names.append(view.original_name)
        self._one_done()

    def _refused(self, name: str, error: BaseException) -> None:
        if not isinstance(error, DeskError):
            self._one_done()
            raise error
        self.refusals.append(self.tr("「{name}」未添加：{reason}").format(name=name, reason=_reason(error)))
        self._one_done()

    def _one_done(self) -> None:
        self.pending -= 1
        if self.pending:
            return
        lines = []
        if self.added_names:
            lines.append(self.tr("已添加：{names}").format(names="、".join(self.added_names)))
        lines += self.refusals
        self.ui.attachmentsMessage.setText("\n".join(lines))
        if self.added_names:
            self.added.emit()
        self.finished.emit()

    # ---- exporting an original ------------------------------------------------------------------

    def export_selected(self) -> None:
        item = self.ui.attachmentsList.currentItem()
        if item is None or self.case_id is None:
            return
        attachment_id = item.data(ATTACHMENT_ID_ROLE)
        name = item.text().split("　")[0]
        target, _ = QFileDialog.getSaveFileName(self.page, self.tr("导出附件原件"), name)
        if not target:
            return
        dialog = ReasonDialog(
            self.desk,
            self.tasks,
            self.page.actor,
            self.tr("导出附件原件"),
            self.tr("导出的文件不再加密。请说明导出「{name}」的理由，理由将记入审计日志。").format(name=name),
            lambda reason: bind(export_attachment, self.desk, self.page.actor, attachment_id, reason, Path(target)),
            self.page,
        )
        dialog.saved.connect(
            lambda path: self.ui.attachmentsMessage.setText(self.tr("已导出到：{path}").format(path=path))
        )
        if self.reason_dialog is not None:
            self.reason_dialog.deleteLater()
        self.reason_dialog = dialog
        dialog.open()


def _reason(error: DeskError) -> str:
    problems = getattr(error, "problems", None)
    return "；".join(p.message for p in problems) if problems else str(error)
