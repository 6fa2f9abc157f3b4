"""The documents at the desk's window: the kinds a case has now (the others greyed, saying what
they wait for), generation on the desk worker with a reason (refused without one, or when a
name has a character no font covers), the preview with its pages and zoom, printing through
`print_document` into a PDF file read back, saving the exact bytes, each export audited."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from case_page_helpers import offered, open_case, page, settled  # noqa: F401  (page is a fixture)
from documents_helpers import (  # noqa: F401  (desk_threads is a fixture)
    REASON,
    case_number,
    desk_threads,
    generate,
    open_dialog,
    pdf_pages,
    pdf_printer,
    qr_codes,
    settle,
)
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog
from service_helpers import Env, agreed_case, audit_actions, env, party  # noqa: F401  (env is a fixture)
from sqlalchemy import select

from mediation_desk import documents
from mediation_desk.core.models import AuditRecord
from mediation_desk.gui.document_labels import DOCUMENT_KIND_NAMES, WHEN_AVAILABLE
from mediation_desk.gui.documents_dialog import DocumentsDialog
from mediation_desk.gui.pages.case_page import CasePage
from mediation_desk.gui.pdf_print import (
    PrintError,
    load_pdf,
    prepare_printer,
    print_document,
)
from mediation_desk.gui.tasks import TaskManager


def audits(env: Env, action: str) -> list[dict[str, Any]]:
    with env.desk.read() as s:
        return list(s.scalars(select(AuditRecord.detail).where(AuditRecord.action == action).order_by(AuditRecord.seq)))


def listed(dialog: DocumentsDialog) -> dict[str, str]:
    lst = dialog.ui.kindsList
    return {lst.item(i).data(Qt.ItemDataRole.UserRole): lst.item(i).text() for i in range(lst.count())}


def test_kind_names_are_the_services_own() -> None:
    assert DOCUMENT_KIND_NAMES == documents.KINDS
    assert set(WHEN_AVAILABLE) == set(documents.KINDS)


def test_the_kinds_a_case_has_now_and_what_the_others_wait_for(qtbot: Any, env: Env, tasks: TaskManager) -> None:
    case_id = agreed_case(env, signed=False)
    dialog = open_dialog(qtbot, env, tasks, case_id)
    assert dialog.available == ["application", "registration", "rights_notice", "session_record", "agreement"]
    shown = listed(dialog)
    assert shown["agreement"] == "人民调解协议书" and dialog.selected_kind() == "agreement"
    assert shown["case_file"] == "人民调解卷宗（暂不能生成）"
    assert shown["judicial_application"] == "司法确认申请书（暂不能生成）"
    assert dialog.ui.generateButton.isEnabled()
    assert not dialog.ui.printButton.isEnabled() and not dialog.ui.saveButton.isEnabled()

    dialog.select_kind("case_file")  # still selectable, so a keyboard user can read why
    assert dialog.ui.kindNote.text() == "暂不能生成：案件办结（结案、终止调解、不予调解或上报）后才能立卷"
    assert not dialog.ui.generateButton.isEnabled()
    dialog.ui.reason.setEditText(REASON)
    dialog.generate()  # Enter on an unavailable kind does nothing
    assert not dialog.busy and dialog.document is None


def test_generating_the_agreement_shows_its_pages_in_the_window(
    qtbot: Any, env: Env, tasks: TaskManager, type_text: Any, desk_threads: list[str]
) -> None:
    case_id = agreed_case(env, signed=False)
    number = case_number(env, case_id)
    desk_threads.clear()
    dialog = open_dialog(qtbot, env, tasks, case_id, number)
    type_text(dialog.ui.reason.lineEdit(), "当事人签字用")
    with qtbot.waitSignal(tasks.busy_changed, timeout=20_000):
        qtbot.keyClick(dialog.ui.reason.lineEdit(), Qt.Key.Key_Return)  # Enter generates
    assert dialog.busy and dialog.ui.busyBar.isVisible() and "正在生成" in dialog.ui.messageLabel.text()
    assert not dialog.ui.generateButton.isEnabled()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)

    doc = dialog.document
    assert doc is not None and doc.kind == "agreement" and doc.pages == pdf_pages(doc.pdf) >= 2
    preview = dialog.ui.preview
    assert preview.page_count == doc.pages and preview.ui.stack.currentIndex() == 1
    assert preview.ui.pageLabel.text() == f"第 1 页，共 {doc.pages} 页"
    assert f"共 {doc.pages} 页" in dialog.ui.messageLabel.text() and not dialog.ui.busyBar.isVisible()
    assert not preview.ui.previousButton.isEnabled()
    qtbot.mouseClick(preview.ui.nextButton, Qt.MouseButton.LeftButton)
    assert preview.ui.pageLabel.text() == f"第 2 页，共 {doc.pages} 页" and preview.current_page == 1
    preview.ui.pageSpin.setValue(1)
    assert preview.current_page == 0
    preview.ui.zoomCombo.setCurrentIndex(preview.ui.zoomCombo.findData(1.0))
    qtbot.mouseClick(preview.ui.zoomInButton, Qt.MouseButton.LeftButton)
    assert preview.zoom_factor() == pytest.approx(1.25)
    qtbot.mouseClick(preview.ui.zoomOutButton, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(preview.ui.zoomOutButton, Qt.MouseButton.LeftButton)
    assert preview.zoom_factor() == pytest.approx(0.75)
    assert dialog.ui.printButton.isEnabled() and dialog.ui.saveButton.isEnabled()

    assert desk_threads and threading.main_thread().name not in desk_threads
    generated = audits(env, "document.generate")
    assert [(a["kind"], a["reason"], a["sha256"]) for a in generated] == [("agreement", REASON, doc.sha256)]


def test_print_document_paints_every_page_into_the_printer(qtbot: Any, env: Env, tmp_path: Path) -> None:
    case_id = agreed_case(env)
    doc = documents.generate(env.desk, env.admin, case_id, "agreement", reason=REASON)
    pdf, buffer = load_pdf(doc.pdf)
    printer = pdf_printer(tmp_path / "printed.pdf")
    # Two parties: three copies (art. 29). A PDF file cannot make copies itself, so each is painted.
    prepare_printer(printer, doc.title, doc.pages, copies=3)
    assert printer.copyCount() == 3 and not printer.supportsMultipleCopies()
    progress: list[tuple[int, int]] = []
    sheets = 3 * doc.pages
    assert print_document(pdf, printer, lambda done, total: progress.append((done, total))) == sheets
    printed = tmp_path / "printed.pdf"
    assert pdf.pageCount() == doc.pages and pdf_pages(printed) == sheets
    assert progress == [(n, sheets) for n in range(1, sheets + 1)]
    # Painted, not blank: the verification code on each copy still reads back.
    assert qr_codes(printed) == [doc.verification_payload] * 3

    one = pdf_printer(tmp_path / "last-page.pdf")
    one.setPrintRange(QPrinter.PrintRange.PageRange)
    one.setFromTo(doc.pages, doc.pages)
    assert print_document(pdf, one) == 1 and pdf_pages(tmp_path / "last-page.pdf") == 1

    with pytest.raises(PrintError, match="没有可打印的页面"):
        print_document(QPdfDocument(), pdf_printer(tmp_path / "nothing.pdf"))
    buffer.close()


def test_printing_from_the_dialog_is_audited_and_leads_to_signing(
    qtbot: Any, env: Env, tasks: TaskManager, tmp_path: Path, desk_threads: list[str]
) -> None:
    case_id = agreed_case(env, signed=False)
    number = case_number(env, case_id)
    desk_threads.clear()
    dialog = open_dialog(qtbot, env, tasks, case_id, number, copies=3, can_sign=True)
    generate(qtbot, dialog)
    doc = dialog.document
    assert doc is not None
    target = tmp_path / "to-printer.pdf"
    job = dialog.print_to(pdf_printer(target))
    assert job is not None and dialog.printing
    assert not dialog.ui.printButton.isEnabled() and not dialog.ui.generateButton.isEnabled()
    dialog.reject()  # closing waits for the printing
    assert dialog.isVisible() and "正在打印" in dialog.ui.messageLabel.text()
    settle(qtbot, dialog, tasks)

    assert threading.main_thread().name not in desk_threads
    assert pdf_pages(target) == doc.pages and qr_codes(target) == [doc.verification_payload]
    exports = audits(env, "document.export")
    assert exports == [{"kind": "agreement", "sha256": doc.sha256, "how": "print"}]
    message = dialog.ui.messageLabel.text()
    assert "打印已记入审计日志" in message and "登记签字" in message and "第二十九条" in message

    with qtbot.waitSignal(dialog.signing_requested):
        qtbot.mouseClick(dialog.ui.signButton, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and dialog.document is None and dialog.ui.preview.page_count == 0


def test_save_as_pdf_writes_the_exact_bytes_and_is_audited(
    qtbot: Any, env: Env, tasks: TaskManager, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, desk_threads: list[str]
) -> None:
    case_id = agreed_case(env)
    number = case_number(env, case_id)
    desk_threads.clear()
    dialog = open_dialog(qtbot, env, tasks, case_id, number)
    generate(qtbot, dialog, "registration")
    doc = dialog.document
    assert doc is not None and doc.kind == "registration"
    offered_paths: list[str] = []

    def choose(_parent: Any, _title: str, path: str, _filter: str) -> tuple[str, str]:
        offered_paths.append(path)
        return str(tmp_path / "受理登记表"), "PDF 文件 (*.pdf)"  # typed without the extension

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose))
    qtbot.mouseClick(dialog.ui.saveButton, Qt.MouseButton.LeftButton)
    settle(qtbot, dialog, tasks)

    assert threading.main_thread().name not in desk_threads
    saved = tmp_path / "受理登记表.pdf"
    assert saved.read_bytes() == doc.pdf
    assert offered_paths == [str(env.desk.paths.exports / doc.file_name)]
    assert f"已保存到：{saved}" in dialog.ui.messageLabel.text()
    assert audits(env, "document.export") == [{"kind": "registration", "sha256": doc.sha256, "how": "save"}]

    # A folder that is not there: said calmly, nothing written, nothing audited.
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a: (str(tmp_path / "没有这个文件夹" / "x.pdf"), ""))
    )
    qtbot.mouseClick(dialog.ui.saveButton, Qt.MouseButton.LeftButton)
    settle(qtbot, dialog, tasks)
    assert dialog.ui.messageLabel.text() == "未能保存：文件夹不存在"
    assert len(audits(env, "document.export")) == 1 and dialog.isVisible()

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a: ("", "")))  # cancelled
    qtbot.mouseClick(dialog.ui.saveButton, Qt.MouseButton.LeftButton)
    assert not dialog.busy and len(audits(env, "document.export")) == 1


def test_a_missing_reason_is_refused_next_to_its_field(qtbot: Any, env: Env, tasks: TaskManager) -> None:
    case_id = agreed_case(env)
    dialog = open_dialog(qtbot, env, tasks, case_id)
    generate(qtbot, dialog, reason="   ")
    assert "须填写理由" in dialog.ui.reasonError.text()
    assert dialog.ui.messageLabel.text().startswith("未能生成文书：")
    assert dialog.document is None and dialog.ui.preview.page_count == 0
    assert audits(env, "document.generate") == []

    generate(qtbot, dialog, reason=REASON)  # corrected: the problem goes away
    assert dialog.ui.reasonError.text() == "" and dialog.document is not None


def test_a_name_no_font_covers_is_refused_calmly_naming_it(qtbot: Any, env: Env, tasks: TaskManager) -> None:
    case_id = agreed_case(env, signed=False, parties=[party("𮯰田", 7), party("陈建林", 8)])
    dialog = open_dialog(qtbot, env, tasks, case_id)
    generate(qtbot, dialog)
    message = dialog.ui.messageLabel.text()
    assert message.startswith("未能生成文书：")
    assert "申请人姓名" in message and "「𮯰」" in message and "U+2EBF0" in message
    assert dialog.ui.reasonError.text() == "" and dialog.document is None and dialog.isVisible()
    assert not dialog.ui.printButton.isEnabled() and audits(env, "document.generate") == []


def test_the_preview_is_forgotten_when_the_desk_locks(qtbot: Any, env: Env, tasks: TaskManager) -> None:
    dialog = open_dialog(qtbot, env, tasks, agreed_case(env))
    generate(qtbot, dialog)
    assert dialog.ui.preview.page_count > 0
    env.desk.lock()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    assert dialog.document is None and dialog.ui.preview.page_count == 0


def test_the_case_page_opens_the_documents_and_then_the_signing(qtbot: Any, page: CasePage, env: Env) -> None:
    assert page.open_documents() is False  # no case shown
    case_id = agreed_case(env, signed=False)
    open_case(qtbot, page, case_id)
    assert page.ui.documentsButton.isVisible()
    qtbot.mouseClick(page.ui.documentsButton, Qt.MouseButton.LeftButton)
    dialog = page.documents_dialog
    assert dialog is not None and dialog.isVisible() and dialog.copies == 3
    assert dialog.ui.signButton.isVisible()
    qtbot.waitUntil(lambda: dialog.available is not None)
    qtbot.mouseClick(dialog.ui.signButton, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert page.dialog is not None and page.dialog.isVisible() and page.dialog.windowTitle() == "确认签字"

    page.dialog.close()
    signed = agreed_case(env)
    open_case(qtbot, page, signed)
    assert "sign" not in offered(page) and page.open_documents() is True
    assert page.documents_dialog is not None and not page.documents_dialog.ui.signButton.isVisible()
    qtbot.waitUntil(lambda: settled(page) and page.documents_dialog.available is not None)
    page.documents_dialog.close()
