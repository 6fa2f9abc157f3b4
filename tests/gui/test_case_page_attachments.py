"""Attachments on the case page: files dragged onto the page (or chosen with the button) are
added through the service, which refuses a wrong type, a renamed file and an empty one, each
told by file name; an original is exported only with a reason, which is audited."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from case_page_helpers import click_ok, open_case, page, settled  # noqa: F401  (page is a fixture)
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog
from service_helpers import Env, count, env, mediating_case  # noqa: F401  (env is a fixture)
from sqlalchemy import select

from mediation_desk.core.models import AuditRecord
from mediation_desk.gui.pages.case_page import CasePage
from mediation_desk.mediation import attachments
from mediation_desk.mediation.models_case import Attachment

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"


def files(tmp_path: Path, **contents: bytes) -> list[Path]:
    paths = []
    for name, data in contents.items():
        path = tmp_path / name.replace("_", ".")
        path.write_bytes(data)
        paths.append(path)
    return paths


def carrying(*paths: Path, web: str | None = None) -> QMimeData:
    mime = QMimeData()
    urls = [QUrl.fromLocalFile(str(p)) for p in paths] + ([QUrl(web)] if web else [])
    mime.setUrls(urls)
    return mime


def drag_enter(page: CasePage, mime: QMimeData) -> bool:
    event = QDragEnterEvent(
        QPoint(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(page, event)
    return event.isAccepted()


def drop(qtbot: Any, page: CasePage, mime: QMimeData) -> None:
    event = QDropEvent(
        QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    with qtbot.waitSignal(page.attachments.finished, timeout=10_000):
        QApplication.sendEvent(page, event)
    assert event.isAccepted()
    qtbot.waitUntil(lambda: settled(page))


def listed(page: CasePage) -> list[str]:
    widget = page.ui.attachmentsList
    return [widget.item(i).text().split("　")[0] for i in range(widget.count())]


def test_dropped_files_are_attached_and_bad_ones_refused_by_name(
    qtbot: Any, page: CasePage, env: Env, tmp_path: Path
) -> None:
    case_id = mediating_case(env)
    open_case(qtbot, page, case_id)
    evidence, program, renamed, empty = files(
        tmp_path, 协议扫描件_pdf=PDF, setup_exe=b"MZ\x90\x00", 照片_jpg=b"MZ\x90\x00not a jpeg", 空白_pdf=b""
    )
    mime = carrying(evidence, program, renamed, empty)
    assert drag_enter(page, mime)

    drop(qtbot, page, mime)
    message = page.ui.attachmentsMessage.text().splitlines()
    assert message == [
        "已添加：协议扫描件.pdf",
        "「setup.exe」未添加：不支持的文件类型（.exe）：请用 PDF、图片、音视频或文档",
        "「照片.jpg」未添加：文件内容与扩展名不符，可能已损坏或被改名",
        "「空白.pdf」未添加：文件是空的",
    ]
    assert listed(page) == ["协议扫描件.pdf"]
    assert count(env.desk, Attachment) == 1
    (view,) = attachments.list_attachments(env.desk, case_id)
    assert view.original_name == "协议扫描件.pdf" and view.kind == "evidence"
    titles = [page.ui.timelineTree.topLevelItem(i).text(2) for i in range(page.ui.timelineTree.topLevelItemCount())]
    assert titles[-1] == "附件：协议扫描件.pdf"


def test_only_local_files_are_taken(qtbot: Any, page: CasePage, env: Env) -> None:
    assert not drag_enter(page, carrying(web="https://example.com/a.pdf"))  # no case shown yet either
    open_case(qtbot, page, mediating_case(env))
    assert not drag_enter(page, carrying(web="https://example.com/a.pdf"))
    text = QMimeData()
    text.setText("围墙")
    assert not drag_enter(page, text)


def test_the_button_adds_with_the_chosen_kind(
    qtbot: Any, page: CasePage, env: Env, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case_id = mediating_case(env)
    open_case(qtbot, page, case_id)
    (scan,) = files(tmp_path, 签字页_pdf=PDF)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(scan)], "")))
    page.ui.kindCombo.setCurrentIndex(page.ui.kindCombo.findData("signed_scan"))
    with qtbot.waitSignal(page.attachments.finished, timeout=10_000):
        qtbot.mouseClick(page.ui.addAttachmentButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: settled(page))
    assert page.ui.attachmentsList.item(0).text().startswith("签字页.pdf　签字扫描件")
    assert attachments.list_attachments(env.desk, case_id)[0].kind == "signed_scan"


def test_exporting_an_original_needs_a_reason(
    qtbot: Any, page: CasePage, env: Env, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, type_text: Any
) -> None:
    case_id = mediating_case(env)
    (scan,) = files(tmp_path, 证据_pdf=PDF)
    attachments.attach_file(env.desk, env.admin, case_id, scan)
    open_case(qtbot, page, case_id)
    assert not page.ui.exportAttachmentButton.isEnabled()  # nothing chosen
    page.ui.attachmentsList.setCurrentRow(0)
    target = tmp_path / "导出" / "证据副本.pdf"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    qtbot.mouseClick(page.ui.exportAttachmentButton, Qt.MouseButton.LeftButton)
    dialog = page.attachments.reason_dialog
    assert dialog is not None and dialog.isVisible()

    click_ok(qtbot, dialog)
    assert dialog.ui.reasonError.text() == "理由不能为空" and not target.exists()
    type_text(dialog.ui.reason, "打印交法院司法确认")
    click_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert target.read_bytes() == PDF
    assert page.ui.attachmentsMessage.text() == f"已导出到：{target}"
    with env.desk.read() as s:
        opened = s.scalars(select(AuditRecord).where(AuditRecord.action == "attachment.open")).one()
    assert opened.detail["reason"] == "打印交法院司法确认"
