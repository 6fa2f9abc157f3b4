"""确认签字: the clerk confirms that every party, the mediator and the committee seal are on the
written agreement; it takes effect that day (art. 29) and the 30-day window of art. 33 starts.

Either the clerk has checked the paper itself, or attaches the signed paper's scan (or a photo
of each page) in the same step: the files are added to the case as 签字扫描件 through the
attachments service, then the signatures are confirmed. A scan attached by a try whose date
was refused is kept and not attached again when the clerk corrects the date."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QListWidgetItem, QWidget

from mediation_desk.core.uow import Actor, china_today
from mediation_desk.desk import Desk
from mediation_desk.errors import FieldProblem, ValidationError
from mediation_desk.gui.dialogs.base import Call, ServiceDialog, bind
from mediation_desk.gui.forms.ui_signatures_dialog import Ui_SignaturesDialog
from mediation_desk.gui.pages.case_attachments import dropped_files
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.mediation import agreement, attachments
from mediation_desk.mediation.attachments import AttachmentView
from mediation_desk.mediation.dto import AgreementView

SCAN_KIND = "signed_scan"  # attachments.KINDS: 签字扫描件
SCAN_TYPES = "*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.bmp *.webp"


@dataclass(frozen=True)
class Signing:
    agreement: AgreementView
    scans: tuple[AttachmentView, ...]  # the signed paper attached in this step (none: checked on paper)


def record_signing(
    desk: Desk,
    actor: Actor,
    case_id: str,
    signed_on: Any,
    scans: Sequence[Path],
    attached: dict[Path, AttachmentView],
    note: str,
) -> Signing:
    """Attach each scan not attached yet (remembered in `attached`), then confirm the signatures."""
    for path in scans:
        if path in attached:
            continue
        try:
            attached[path] = attachments.attach_file(desk, actor, case_id, path, kind=SCAN_KIND, note=note)
        except ValidationError as error:
            raise ValidationError(
                [FieldProblem("scan", p.rule, f"「{path.name}」：{p.message}") for p in error.problems]
            ) from error
    view = agreement.confirm_signatures(desk, actor, case_id, signed_on)
    return Signing(view, tuple(attached[p] for p in scans))


class SignaturesDialog(ServiceDialog):
    def __init__(
        self,
        desk: Desk,
        tasks: TaskManager,
        actor: Actor,
        case_id: str,
        number: str,
        view: AgreementView,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(desk, tasks, actor, parent)
        self.case_id = case_id
        self.scans: list[Path] = []
        self.attached: dict[Path, AttachmentView] = {}  # written on the desk worker, read after it answers
        self.ui = Ui_SignaturesDialog()
        self.ui.setupUi(self)
        u = self.ui
        u.headingLabel.setText(
            self.tr("{number}　协议达成于 {reached}，一式 {copies} 份").format(
                number=number, reached=view.reached_on.isoformat(), copies=view.copies
            )
        )
        today = china_today()
        u.signedOn.setDate(QDate(today.year, today.month, today.day))
        self.error_labels = {"signed_on": u.signedOnError, "scan": u.scanError}
        u.scanRadio.toggled.connect(lambda _on: self._update_scans())
        u.chooseScanButton.clicked.connect(self.choose_scans)
        u.removeScanButton.clicked.connect(self.remove_selected_scan)
        u.scanList.currentItemChanged.connect(lambda *_: self._update_scans())
        self.setAcceptDrops(True)
        self.wire(u.buttonBox, u.messageLabel, self.tr("确认签字"))
        self._update_scans()

    @property
    def with_scan(self) -> bool:
        return self.ui.scanRadio.isChecked()

    def service_call(self) -> Call:
        signed_on = self.ui.signedOn.date().toPython()
        if not self.with_scan:
            return bind(record_signing, self.desk, self.actor, self.case_id, signed_on, (), {}, "")
        if not self.scans:
            raise ValidationError.single(
                "scan", "scan_required", self.tr("请附上已签字协议书的扫描件或照片：拖到本窗口，或按「选择文件」")
            )
        note = self.tr("已签字的调解协议书")
        return bind(
            record_signing, self.desk, self.actor, self.case_id, signed_on, tuple(self.scans), self.attached, note
        )

    def show_refusal(self, error: Any) -> None:
        super().show_refusal(error)
        self._update_scans()
        if self.with_scan and self.attached:
            names = "、".join(p.name for p in self.scans if p in self.attached)
            self.message_text(
                self.ui.messageLabel.text()
                + "\n"
                + self.tr("扫描件已添加为本案附件：{names}；签字尚未确认，改正后再按「确认签字」。").format(names=names)
            )

    def _set_busy(self, busy: bool) -> None:
        super()._set_busy(busy)
        self._update_scans()

    # ---- the scans ------------------------------------------------------------------------------

    def choose_scans(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("选择已签字协议书的扫描件"),
            "",
            self.tr("扫描件或照片 ({types});;所有文件 (*)").format(types=SCAN_TYPES),
        )
        self.add_scans([Path(n) for n in names])

    def add_scans(self, paths: Sequence[Path]) -> None:
        """Files to attach when the signing is confirmed (each once)."""
        if self.busy or not paths:
            return
        for path in paths:
            if path not in self.scans:
                self.scans.append(path)
        self.ui.scanRadio.setChecked(True)
        self.ui.scanError.clear()
        self._update_scans()

    def remove_selected_scan(self) -> None:
        item = self.ui.scanList.currentItem()
        if item is None or self.busy:
            return
        path = item.data(Qt.ItemDataRole.UserRole)
        if path not in self.attached:  # one already attached stays in the case file
            self.scans.remove(path)
        self._update_scans()

    def _update_scans(self) -> None:
        u, on = self.ui, self.with_scan and not self.busy
        current = u.scanList.currentRow()
        u.scanList.blockSignals(True)
        u.scanList.clear()
        for path in self.scans:
            text = self.tr("{name}（已添加）").format(name=path.name) if path in self.attached else path.name
            item = QListWidgetItem(text, u.scanList)
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(str(path))
        u.scanList.setCurrentRow(min(current, u.scanList.count() - 1))
        u.scanList.blockSignals(False)
        u.scanBox.setEnabled(self.with_scan)
        for widget in (u.chooseScanButton, u.scanList):
            widget.setEnabled(on)
        selected = u.scanList.currentItem()
        u.removeScanButton.setEnabled(
            on and selected is not None and selected.data(Qt.ItemDataRole.UserRole) not in self.attached
        )
        u.paperRadio.setEnabled(not self.busy and not self.attached)

    # ---- drag and drop --------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if not self.busy and dropped_files(event.mimeData()):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self.dragEnterEvent(event)  # type: ignore[arg-type]

    def dropEvent(self, event: QDropEvent) -> None:
        files = dropped_files(event.mimeData())
        if self.busy or not files:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.add_scans(files)
