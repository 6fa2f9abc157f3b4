"""Printing a generated PDF: each page rendered by PDFium (`QPdfDocument.render`) at the printer's
resolution and painted onto the printer, in horizontal bands so that a 600-dpi A4 page never
needs one 140 MB image. Two pages at 600 dpi take seconds and the window must not freeze
meanwhile, so a `PrintJob` paints one band per turn of the window's event loop. It stays on the
window's thread on purpose: rendering and painting on a thread of their own while the window
painted corrupted memory now and then (an abort in malloc), and Qt's PDF document is a QObject
that no other thread may share."""

from __future__ import annotations

import logging
from collections.abc import Callable, Generator

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QObject,
    QRect,
    QRectF,
    QSize,
    QTimer,
    Signal,
)
from PySide6.QtGui import QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrinter

MAX_RENDER_DPI = 600  # finer than any office printer resolves; 1200-dpi devices are fed 600 dpi, scaled
BAND_ROWS = 1024  # rows rendered at once: a 600-dpi A4 band is about 20 MB
POINTS_PER_INCH = 72

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]  # (pages printed so far, pages to print)


class PrintError(RuntimeError):
    """The printer could not be used (no printer, the file cannot be written, a page failed)."""


def load_pdf(data: bytes) -> tuple[QPdfDocument, QBuffer]:
    """A QPdfDocument reading `data`; the buffer it reads from must live as long as it does."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    return document, buffer


def prepare_printer(printer: QPrinter, title: str, pages: int, copies: int = 1) -> None:
    """What the print dialog starts from: A4, the document's name for the queue, all pages, and
    the copies a document needs (an agreement: one per party plus one for the committee)."""
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setDocName(title)
    printer.setCopyCount(max(copies, 1))
    printer.setFromTo(1, max(pages, 1))


def pages_to_print(document: QPdfDocument, printer: QPrinter) -> list[int]:
    """The 0-based pages the printer was asked for (its page range, or all)."""
    count = document.pageCount()
    first, last = printer.fromPage(), printer.toPage()
    if first <= 0 or printer.printRange() == QPrinter.PrintRange.AllPages:
        first, last = 1, count
    return list(range(max(first, 1) - 1, min(last or count, count)))


def print_document(document: QPdfDocument, printer: QPrinter, progress: Progress | None = None) -> int:
    """Paint the pages of `document` onto `printer`, each scaled to fit the paper and centred;
    returns how many pages were printed (copies included when the printer cannot make them)."""
    steps = print_steps(document, printer, progress)
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return int(done.value)


def print_steps(
    document: QPdfDocument, printer: QPrinter, progress: Progress | None = None
) -> Generator[None, None, int]:
    """`print_document` one band at a time: it yields after each band it has painted."""
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() == 0:
        raise PrintError(QCoreApplication.translate("PdfPrint", "文书没有可打印的页面"))
    pages = pages_to_print(document, printer)
    if not pages:
        raise PrintError(QCoreApplication.translate("PdfPrint", "所选的页码范围内没有页面"))
    # The driver makes the copies when it can; otherwise the pages are sent that many times.
    copies = 1 if printer.supportsMultipleCopies() else max(printer.copyCount(), 1)
    printer.setFullPage(True)  # the PDF has its own margins: place it on the paper itself
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(QCoreApplication.translate("PdfPrint", "打印机无法开始打印，请检查打印机是否连接、是否有纸"))
    total, printed = len(pages) * copies, 0
    try:
        for _copy in range(copies):
            for page in pages:
                if printed:
                    printer.newPage()
                yield from _paint_page(document, page, printer, painter)
                printed += 1
                if progress is not None:
                    progress(printed, total)
    finally:
        painter.end()
    return printed


def _paint_page(document: QPdfDocument, page: int, printer: QPrinter, painter: QPainter) -> Generator[None, None, None]:
    points = document.pagePointSize(page)
    paper = printer.paperRect(QPrinter.Unit.DevicePixel)
    device_dpi = printer.resolution()
    # The page at the device's resolution, shrunk (never enlarged) to fit the paper.
    fit = min(
        1.0,
        paper.width() / (points.width() * device_dpi / POINTS_PER_INCH),
        paper.height() / (points.height() * device_dpi / POINTS_PER_INCH),
    )
    target_w = points.width() * device_dpi / POINTS_PER_INCH * fit
    target_h = points.height() * device_dpi / POINTS_PER_INCH * fit
    left = paper.left() + (paper.width() - target_w) / 2
    top = paper.top() + (paper.height() - target_h) / 2
    render_dpi = min(device_dpi, MAX_RENDER_DPI) * fit
    image_size = QSize(
        round(points.width() * render_dpi / POINTS_PER_INCH), round(points.height() * render_dpi / POINTS_PER_INCH)
    )
    scale = target_h / image_size.height()  # image pixels → device pixels
    for row in range(0, image_size.height(), BAND_ROWS):
        rows = min(BAND_ROWS, image_size.height() - row)
        options = QPdfDocumentRenderOptions()
        options.setScaledSize(image_size)
        options.setScaledClipRect(QRect(0, row, image_size.width(), rows))
        band = document.render(page, QSize(image_size.width(), rows), options)
        if band.isNull():
            raise PrintError(
                QCoreApplication.translate("PdfPrint", "第 {page} 页无法生成打印图像").format(page=page + 1)
            )
        painter.drawImage(QRectF(left, top + row * scale, target_w, rows * scale), band)
        yield


class PrintJob(QObject):
    """Prints `pdf` to `printer`, one band per turn of the event loop (see the module's note),
    with a QPdfDocument of its own. The printer belongs to the job until `finished`."""

    progressed = Signal(int, int)  # pages printed, pages to print
    failed = Signal(str)  # why nothing (or not everything) was printed
    printed = Signal(int)  # pages printed
    finished = Signal()  # after `printed` or `failed`

    def __init__(self, pdf: bytes, printer: QPrinter, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pdf = pdf
        self.printer = printer
        self._steps: Generator[None, None, None] | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)

    def start(self) -> None:
        self._steps = self._run()
        self._timer.start()

    def _step(self) -> None:
        assert self._steps is not None
        try:
            next(self._steps)
        except StopIteration:
            self._timer.stop()
            self.finished.emit()

    def _run(self) -> Generator[None, None, None]:
        document, buffer = load_pdf(self.pdf)
        try:
            count = yield from print_steps(document, self.printer, self.progressed.emit)
        except PrintError as error:
            self.failed.emit(str(error))
        except Exception:  # the event loop would only print it: log it and let the window say so
            log.exception("printing failed")
            self.failed.emit(QCoreApplication.translate("PdfPrint", "打印时发生意外错误，已记入日志"))
        else:
            self.printed.emit(count)
        finally:
            document.close()
            buffer.close()
