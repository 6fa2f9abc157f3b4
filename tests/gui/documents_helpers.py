"""Builders for the documents window tests: the documents dialog on a prepared desk, generating
through it, a printer that writes a PDF file, reading PDFs back (pages, QR codes), and a record of
the threads the desk was used from."""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pypdf
import pypdfium2
import pytest
import zxingcpp
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from service_helpers import Env

from mediation_desk.gui.documents_dialog import DocumentsDialog
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.mediation import queries

REASON = "当事人签字用"
PRINT_DPI = 150  # enough for the QR code to be read back; keeps the tests quick


def pdf_pages(pdf: bytes | Path) -> int:
    data = pdf.read_bytes() if isinstance(pdf, Path) else pdf
    return len(pypdf.PdfReader(io.BytesIO(data)).pages)


def qr_codes(pdf: bytes | Path) -> list[str]:
    """Every QR code of every page, rendered at 200 dpi and decoded."""
    data = pdf.read_bytes() if isinstance(pdf, Path) else pdf
    document = pypdfium2.PdfDocument(data)
    return [
        r.text
        for page in document
        for r in zxingcpp.read_barcodes(page.render(scale=200 / 72).to_pil())
        if r.format == zxingcpp.BarcodeFormat.QRCode
    ]


def pdf_printer(path: Path, dpi: int = PRINT_DPI) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(dpi)
    return printer


def case_number(env: Env, case_id: str) -> str:
    return queries.case_detail(env.desk, env.admin, case_id).summary.number


def open_dialog(
    qtbot: Any, env: Env, tasks: TaskManager, case_id: str, number: str | None = None, **kw: Any
) -> DocumentsDialog:
    """The documents dialog of a case, once it has read which kinds the case has."""
    number = number or case_number(env, case_id)
    dialog = DocumentsDialog(env.desk, tasks, env.admin, case_id, number, **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.available is not None and not dialog.busy, timeout=10_000)
    return dialog


def generate(qtbot: Any, dialog: DocumentsDialog, kind: str = "agreement", reason: str = REASON) -> None:
    """Choose a kind, give the reason, press 生成 and wait for the answer (a PDF or a refusal)."""
    dialog.select_kind(kind)
    dialog.ui.reason.setEditText(reason)
    qtbot.mouseClick(dialog.ui.generateButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)


def settle(qtbot: Any, dialog: DocumentsDialog, tasks: TaskManager) -> None:
    """Wait until nothing runs: no print job, no call on the desk worker."""
    qtbot.waitUntil(lambda: not dialog.printing and not dialog.busy and not tasks.busy, timeout=30_000)


@pytest.fixture
def desk_threads(env: Env, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The name of the thread of every unit of work opened on the desk (reads and writes): every
    service call goes through one. The test clears it once its own set-up is done."""
    names: list[str] = []

    def recording(original: Callable[..., Any]) -> Callable[..., Any]:
        def opened(*args: Any, **kwargs: Any) -> Any:
            names.append(threading.current_thread().name)
            return original(*args, **kwargs)

        return opened

    for method in ("read", "write"):
        monkeypatch.setattr(env.desk, method, recording(getattr(env.desk, method)))
    yield names
