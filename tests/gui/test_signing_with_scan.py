"""Recording the signing of a written agreement with its signed scan (art. 29): the scan dropped
onto the signatures dialog is attached to the case as 签字扫描件 and the signatures confirmed in
the same step; without a scan, or with a file that is not one, nothing is saved; a scan attached
by a try whose date was refused is not attached twice."""

from __future__ import annotations

import datetime as dt
import io
import threading
from pathlib import Path
from typing import Any

from case_page_helpers import click_ok, open_case, page, press, refuse, save, settled  # noqa: F401  (page)
from documents_helpers import desk_threads  # noqa: F401  (desk_threads is a fixture)
from PIL import Image
from PySide6.QtCore import QDate, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from service_helpers import Env, agreed_case, audit_actions, count, env  # noqa: F401  (env is a fixture)

from mediation_desk.core.uow import china_today
from mediation_desk.gui.dialogs.signatures import SignaturesDialog
from mediation_desk.gui.pages.case_page import CasePage
from mediation_desk.mediation import attachments, queries
from mediation_desk.mediation.models_case import Attachment


def photo(path: Path) -> Path:
    """A real JPEG, as a phone photo of a signed page would be."""
    buffer = io.BytesIO()
    Image.new("RGB", (120, 160), "white").save(buffer, format="JPEG")
    path.write_bytes(buffer.getvalue())
    return path


def drop_files(dialog: SignaturesDialog, *paths: Path) -> bool:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(
        QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(dialog, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(dialog, drop)
    return drop.isAccepted()


def open_signing(qtbot: Any, page: CasePage, env: Env) -> tuple[str, SignaturesDialog]:
    case_id = agreed_case(env, signed=False)
    open_case(qtbot, page, case_id)
    dialog = press(qtbot, page, "sign")
    assert isinstance(dialog, SignaturesDialog)
    return case_id, dialog


def effective_on(env: Env, case_id: str) -> dt.date | None:
    a = queries.case_detail(env.desk, env.admin, case_id).agreement
    assert a is not None
    return a.effective_on


def test_a_dropped_scan_is_attached_and_the_signing_confirmed(
    qtbot: Any, page: CasePage, env: Env, tmp_path: Path, desk_threads: list[str]
) -> None:
    case_id, dialog = open_signing(qtbot, page, env)
    assert dialog.ui.paperRadio.isChecked() and not dialog.ui.scanBox.isEnabled()
    scan = photo(tmp_path / "协议书签字页.jpg")
    assert drop_files(dialog, scan)
    assert dialog.ui.scanRadio.isChecked() and dialog.ui.scanList.item(0).text() == "协议书签字页.jpg"
    desk_threads.clear()
    save(qtbot, page, dialog)

    assert threading.main_thread().name not in desk_threads
    assert effective_on(env, case_id) == china_today()
    files = attachments.list_attachments(env.desk, case_id)
    assert [(f.kind, f.original_name, f.note) for f in files] == [
        ("signed_scan", "协议书签字页.jpg", "已签字的调解协议书")
    ]
    assert attachments.verify_attachment(env.desk, files[0].id)
    actions = audit_actions(env.desk, case_id)
    assert actions.index("attachment.add") < actions.index("agreement.signed")
    assert [page.ui.attachmentsList.item(i).text().split("　")[0] for i in range(page.ui.attachmentsList.count())] == [
        "协议书签字页.jpg"
    ]


def test_the_scan_way_without_a_scan_or_with_a_wrong_file_saves_nothing(
    qtbot: Any, page: CasePage, env: Env, tmp_path: Path
) -> None:
    case_id, dialog = open_signing(qtbot, page, env)
    dialog.ui.scanRadio.setChecked(True)
    refuse(qtbot, page, dialog)
    assert dialog.ui.scanError.text() == "请附上已签字协议书的扫描件或照片：拖到本窗口，或按「选择文件」"

    renamed = tmp_path / "签字页.jpg"
    renamed.write_bytes(b"MZ\x90\x00 not a photo")
    assert drop_files(dialog, renamed)
    refuse(qtbot, page, dialog)
    assert dialog.ui.scanError.text() == "「签字页.jpg」：文件内容与扩展名不符，可能已损坏或被改名"
    assert count(env.desk, Attachment) == 0 and effective_on(env, case_id) is None

    web = QMimeData()
    web.setUrls([QUrl("https://example.com/scan.jpg")])  # not a file of this PC
    enter = QDragEnterEvent(
        QPoint(5, 5), Qt.DropAction.CopyAction, web, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(dialog, enter)
    assert not enter.isAccepted()

    dialog.ui.scanList.setCurrentRow(0)
    qtbot.mouseClick(dialog.ui.removeScanButton, Qt.MouseButton.LeftButton)
    assert dialog.scans == [] and dialog.ui.scanList.count() == 0


def test_a_refused_date_keeps_the_scan_attached_once(qtbot: Any, page: CasePage, env: Env, tmp_path: Path) -> None:
    case_id, dialog = open_signing(qtbot, page, env)
    drop_files(dialog, photo(tmp_path / "第1页.jpg"), photo(tmp_path / "第2页.jpg"))
    tomorrow = china_today() + dt.timedelta(days=1)
    dialog.ui.signedOn.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    refuse(qtbot, page, dialog)
    assert dialog.ui.signedOnError.text().startswith("签字日期须在协议达成日期（")
    assert "扫描件已添加为本案附件：第1页.jpg、第2页.jpg" in dialog.ui.messageLabel.text()
    assert [dialog.ui.scanList.item(i).text() for i in range(2)] == ["第1页.jpg（已添加）", "第2页.jpg（已添加）"]
    assert not dialog.ui.paperRadio.isEnabled()
    assert count(env.desk, Attachment) == 2 and effective_on(env, case_id) is None

    today = china_today()
    dialog.ui.signedOn.setDate(QDate(today.year, today.month, today.day))
    save(qtbot, page, dialog)
    assert count(env.desk, Attachment) == 2 and effective_on(env, case_id) == today
    assert audit_actions(env.desk, case_id).count("attachment.add") == 2


def test_confirming_on_paper_attaches_nothing(qtbot: Any, page: CasePage, env: Env, tmp_path: Path) -> None:
    case_id, dialog = open_signing(qtbot, page, env)
    drop_files(dialog, photo(tmp_path / "签字页.jpg"))
    dialog.ui.paperRadio.setChecked(True)  # changed their mind: the paper was checked in person
    assert not dialog.ui.scanBox.isEnabled()
    save(qtbot, page, dialog)
    assert count(env.desk, Attachment) == 0 and effective_on(env, case_id) == china_today()
