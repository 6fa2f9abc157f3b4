"""The in-window preview of a generated PDF (QtPdf): the pages one under the other, page by page
with 上一页/下一页 or a page number, "第 X 页，共 Y 页", and the zoom (fit the width, the whole page,
or a percentage; Ctrl+plus and Ctrl+minus).

It shows the bytes it is given and nothing else: what is printed or saved is the same PDF."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QBuffer, QCoreApplication, QPointF
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QWidget

from mediation_desk.gui.forms.ui_pdf_preview import Ui_PdfPreview
from mediation_desk.gui.large_text import enlarge
from mediation_desk.gui.pdf_print import load_pdf

EMPTY, VIEW = 0, 1
FIT_WIDTH, FIT_PAGE = "width", "page"
ZOOM_STEPS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)
ZOOM_CHOICES: tuple[tuple[str, str | float], ...] = (
    (QT_TRANSLATE_NOOP("PdfPreview", "适合页宽"), FIT_WIDTH),
    (QT_TRANSLATE_NOOP("PdfPreview", "整页"), FIT_PAGE),
    *((f"{round(step * 100)}%", step) for step in ZOOM_STEPS),
)


class PdfPreview(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_PdfPreview()
        self.ui.setupUi(self)
        u = self.ui
        self.document: QPdfDocument | None = None
        self._empty = QPdfDocument(self)  # shown when there is nothing: the view never holds a stale one
        self._buffer: QBuffer | None = None
        u.pdfView.setPageMode(QPdfView.PageMode.MultiPage)
        enlarge(1.25, u.emptyLabel)
        enlarge(1.15, u.pageLabel)
        for text, zoom in ZOOM_CHOICES:
            u.zoomCombo.addItem(QCoreApplication.translate("PdfPreview", text) if isinstance(zoom, str) else text, zoom)
        u.zoomCombo.setCurrentIndex(0)
        u.zoomCombo.currentIndexChanged.connect(lambda _i: self._apply_zoom())
        u.previousButton.clicked.connect(self.previous_page)
        u.nextButton.clicked.connect(self.next_page)
        u.pageSpin.valueChanged.connect(lambda value: self.go_to(value - 1))
        u.zoomInButton.clicked.connect(self.zoom_in)
        u.zoomOutButton.clicked.connect(self.zoom_out)
        u.pdfView.pageNavigator().currentPageChanged.connect(lambda _page: self._show_position())
        for keys, slot in (
            (QKeySequence.StandardKey.ZoomIn, self.zoom_in),
            (QKeySequence.StandardKey.ZoomOut, self.zoom_out),
        ):
            QShortcut(keys, self, slot)
        self.clear()

    # ---- the document ---------------------------------------------------------------------------

    def show_pdf(self, data: bytes) -> int:
        """Show a PDF from its bytes, at its first page; returns its page count (0 if unreadable)."""
        document, buffer = load_pdf(data)
        old, old_buffer = self.document, self._buffer
        self.document, self._buffer = document, buffer
        self.ui.pdfView.setDocument(document)
        if old is not None:
            old.deleteLater()
        if old_buffer is not None:
            old_buffer.close()
        pages = self.page_count
        self.ui.stack.setCurrentIndex(VIEW if pages else EMPTY)
        self.ui.pageSpin.blockSignals(True)
        self.ui.pageSpin.setRange(1, max(pages, 1))
        self.ui.pageSpin.blockSignals(False)
        self._apply_zoom()
        self.go_to(0)
        self._show_position()
        return pages

    def clear(self) -> None:
        """Nothing shown (and the previous document's pages forgotten)."""
        self.ui.pdfView.setDocument(self._empty)
        if self.document is not None:
            self.document.close()
            self.document.deleteLater()
        if self._buffer is not None:
            self._buffer.close()
        self.document, self._buffer = None, None
        self.ui.stack.setCurrentIndex(EMPTY)
        self._show_position()

    @property
    def page_count(self) -> int:
        if self.document is None or self.document.status() != QPdfDocument.Status.Ready:
            return 0
        return self.document.pageCount()

    @property
    def current_page(self) -> int:
        """0-based."""
        return self.ui.pdfView.pageNavigator().currentPage() if self.page_count else 0

    # ---- pages ----------------------------------------------------------------------------------

    def go_to(self, page: int) -> None:
        if not self.page_count:
            return
        page = max(0, min(page, self.page_count - 1))
        self.ui.pdfView.pageNavigator().jump(page, QPointF(), 0)
        self._show_position()

    def next_page(self) -> None:
        self.go_to(self.current_page + 1)

    def previous_page(self) -> None:
        self.go_to(self.current_page - 1)

    def position_text(self) -> str:
        if not self.page_count:
            return ""
        return self.tr("第 {page} 页，共 {pages} 页").format(page=self.current_page + 1, pages=self.page_count)

    def _show_position(self) -> None:
        u, pages, page = self.ui, self.page_count, self.current_page
        u.pageLabel.setText(self.position_text())
        u.pageSpin.blockSignals(True)
        u.pageSpin.setValue(page + 1)
        u.pageSpin.blockSignals(False)
        u.previousButton.setEnabled(pages > 0 and page > 0)
        u.nextButton.setEnabled(pages > 0 and page < pages - 1)
        for widget in (u.pageSpin, u.zoomInButton, u.zoomOutButton, u.zoomCombo):
            widget.setEnabled(pages > 0)

    # ---- zoom -----------------------------------------------------------------------------------

    def _apply_zoom(self) -> None:
        view, zoom = self.ui.pdfView, self.ui.zoomCombo.currentData()
        if zoom == FIT_WIDTH:
            view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif zoom == FIT_PAGE:
            view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            view.setZoomMode(QPdfView.ZoomMode.Custom)
            view.setZoomFactor(float(zoom))

    def zoom_factor(self) -> float:
        return self.ui.pdfView.zoomFactor()

    def zoom_in(self) -> None:
        self._step_zoom(+1)

    def zoom_out(self) -> None:
        self._step_zoom(-1)

    def _step_zoom(self, direction: int) -> None:
        if not self.page_count:
            return
        current = self.zoom_factor()
        if direction > 0:
            steps = [s for s in ZOOM_STEPS if s > current + 1e-6]
            target = steps[0] if steps else ZOOM_STEPS[-1]
        else:
            steps = [s for s in ZOOM_STEPS if s < current - 1e-6]
            target = steps[-1] if steps else ZOOM_STEPS[0]
        self.ui.zoomCombo.setCurrentIndex(self.ui.zoomCombo.findData(target))
