"""Ruled tables of thousands of lines (the green coins' 积分汇总表 and 公示), drawn straight on the
canvas: one text object per page, the rules as one batch of lines, the column header repeated on
every page, "第 X 页 共 Y 页" at the foot and a closing block (totals explained, signature lines)
after the last line.

Platypus tables lay each cell out as a flowable and split the table page by page, which for 20,000
lines takes minutes; every line here has the same height, so the pages are planned by arithmetic
before anything is drawn (the page count is known for the footers) and the text is written run by
run, each run in the first font that covers it (documents/fonts.py). Text that does not fit its
cell is set smaller, down to MIN_SIZE, and only then shortened with "…"."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

from mediation_desk.documents import fonts
from mediation_desk.documents.layout import GREY, PALE, page_label

MARGIN = 14 * mm
HEADER_BAND = 10 * mm  # the running header above the table
FOOTER_BAND = 10 * mm
TITLE_HEIGHT = 20 * mm  # the title block on the first page of a sheet
SIZE, MIN_SIZE, PAD = 9.0, 5.5, 1.6 * mm
ELLIPSIS = "…"


@dataclass(frozen=True)
class Column:
    title: str
    width: float  # share of the table's width
    align: str = "left"  # left | right | centre


@dataclass
class Sheet:
    """One table of the PDF: its title block, columns, lines (the last may be a totals line) and
    the closing lines printed under it."""

    title: str
    subtitle: str
    columns: Sequence[Column]
    rows: Sequence[Sequence[str]]
    totals: Sequence[str] | None = None
    closing: Sequence[str | tuple[str, str]] = ()  # a line, or (line, "right")
    row_height: float = 5.8 * mm
    closing_line: float = 8 * mm
    widths: list[float] = field(default_factory=list)


@dataclass(frozen=True)
class _Page:
    sheet: int
    start: int  # rows [start, end) of the sheet; a totals line counts as row len(rows)
    end: int
    title: bool
    closing: bool


def _plan(sheets: Sequence[Sheet], body: float) -> list[_Page]:
    pages: list[_Page] = []
    for n, sheet in enumerate(sheets):
        count = len(sheet.rows) + (sheet.totals is not None)
        closing = len(sheet.closing) * sheet.closing_line + 4 * mm
        start, first = 0, True
        while True:
            room = body - (TITLE_HEIGHT if first else 0) - sheet.row_height  # the column header
            fits = max(1, int(room // sheet.row_height))
            end = min(count, start + fits)
            left = room - (end - start) * sheet.row_height
            if end == count:
                if left >= closing:
                    pages.append(_Page(n, start, end, first, True))
                else:
                    pages.append(_Page(n, start, end, first, False))
                    pages.append(_Page(n, end, end, False, True))
                break
            pages.append(_Page(n, start, end, first, False))
            start, first = end, False
    return pages


class _Writer:
    """Text straight into a page's text object, run by run, sized to fit its cell."""

    def __init__(self) -> None:
        self._widths: dict[tuple[str, float], float] = {}

    def width(self, text: str, size: float) -> float:
        key = (text, size)
        held = self._widths.get(key)
        if held is None:
            held = self._widths[key] = fonts.string_width(text, size)
        return held

    def fit(self, text: str, room: float) -> tuple[str, float]:
        wide = self.width(text, SIZE)
        if wide <= room:
            return text, SIZE
        size = max(MIN_SIZE, SIZE * room / wide)
        while text and self.width(text, size) > room:
            text = text[:-2] + ELLIPSIS if len(text) > 1 else ""
        return text, size

    def put(self, t: PDFTextObject, x: float, y: float, text: str, size: float, current: list[object]) -> None:
        # Figures and the like are ASCII, which the body font has: no need to cut them into runs.
        pieces = [(fonts.BODY, text)] if text.isascii() else fonts.runs(text)
        for n, (name, piece) in enumerate(pieces):
            if current != [name, size]:
                t.setFont(name, size)
                current[:] = [name, size]
            t.setTextOrigin(x, y)
            t.textOut(piece)
            if n + 1 < len(pieces):
                x += stringWidth(piece, name, size)

    def cell(
        self, t: PDFTextObject, text: str, left: float, width: float, y: float, align: str, current: list[object]
    ) -> None:
        if not text:
            return
        text, size = self.fit(text, width - 2 * PAD)
        wide = self.width(text, size)
        if align == "right":
            x = left + width - PAD - wide
        elif align == "centre":
            x = left + (width - wide) / 2
        else:
            x = left + PAD
        self.put(t, x, y, text, size, current)


def new_canvas(buffer: io.BytesIO, page_size: tuple[float, float], *, title: str, author: str, subject: str) -> Canvas:
    """A compressed canvas whose initial font is the embedded body font: with reportlab's default
    (Helvetica) every page would name a font the PDF does not embed."""
    # types-reportlab declares initialFontName a float; reportlab takes the font's name.
    canvas = Canvas(buffer, pagesize=page_size, initialFontName=fonts.BODY, pageCompression=1)  # type: ignore[arg-type]
    canvas.setTitle(title)
    canvas.setAuthor(author)
    canvas.setSubject(subject)
    canvas.setCreator("mediation-desk")
    return canvas


def render(
    sheets: Sequence[Sheet], *, page_size: tuple[float, float], header: str, title: str, author: str, subject: str
) -> bytes:
    """The sheets one after another, each from a new page, as one PDF."""
    fonts.register()
    width, height = page_size
    table_width = width - 2 * MARGIN
    top = height - MARGIN - HEADER_BAND
    pages = _plan(sheets, top - MARGIN - FOOTER_BAND)
    for sheet in sheets:
        share = sum(c.width for c in sheet.columns)
        sheet.widths = [table_width * c.width / share for c in sheet.columns]
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, page_size, title=title, author=author, subject=subject)
    w = _Writer()
    for number, page in enumerate(pages, 1):
        _draw_page(canvas, w, sheets[page.sheet], page, top, width, height)
        canvas.setFillColor(GREY)
        fonts.draw(canvas, MARGIN, height - MARGIN - 4 * mm, header, 8.5)
        fonts.draw(canvas, width / 2, MARGIN, page_label(number, len(pages)), 9, "centre")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _draw_page(canvas: Canvas, w: _Writer, sheet: Sheet, page: _Page, top: float, width: float, height: float) -> None:
    y = top
    if page.title:
        canvas.setFillColorRGB(0, 0, 0)
        fonts.draw(canvas, width / 2, y - 8 * mm, sheet.title, 16, "centre")
        fonts.draw(canvas, width / 2, y - 15 * mm, sheet.subtitle, 10.5, "centre")
        y -= TITLE_HEIGHT
    held = len(sheet.rows)
    rows: list[tuple[Sequence[str], bool]] = [(r, False) for r in sheet.rows[page.start : min(page.end, held)]]
    if sheet.totals is not None and page.start <= held < page.end:
        rows.append((sheet.totals, True))
    if rows:
        y = _draw_rows(canvas, w, sheet, rows, y)
    if page.closing:
        canvas.setFillColorRGB(0, 0, 0)
        y -= 4 * mm
        for line in sheet.closing:
            y -= sheet.closing_line
            text, align = (line, "left") if isinstance(line, str) else line
            x = MARGIN if align == "left" else width - MARGIN
            fonts.draw(canvas, x, y + 2 * mm, text, 10, align)


def _draw_rows(canvas: Canvas, w: _Writer, sheet: Sheet, rows: list[tuple[Sequence[str], bool]], y: float) -> float:
    h = sheet.row_height
    left, right = MARGIN, MARGIN + sum(sheet.widths)
    bottom = y - h * (len(rows) + 1)
    canvas.setFillColor(PALE)
    canvas.rect(left, y - h, right - left, h, stroke=0, fill=1)  # the column header
    if rows[-1][1]:
        canvas.rect(left, bottom, right - left, h, stroke=0, fill=1)  # the totals line
    lines = [(left, y - k * h, right, y - k * h) for k in range(len(rows) + 2)]
    x = left
    for cw in [0.0, *sheet.widths]:
        x += cw
        lines.append((x, y, x, bottom))
    canvas.setStrokeColor(GREY)
    canvas.setLineWidth(0.4)
    canvas.lines(lines)
    canvas.setFillColorRGB(0, 0, 0)
    t = canvas.beginText()
    current: list[object] = []
    base = h * 0.32  # text baseline above the line's bottom rule
    lefts = [MARGIN + sum(sheet.widths[:i]) for i in range(len(sheet.widths))]
    for col, cw, xl in zip(sheet.columns, sheet.widths, lefts, strict=True):
        w.cell(t, col.title, xl, cw, y - h + base, "centre", current)
    for k, (row, _) in enumerate(rows, 2):
        for text, col, cw, xl in zip(row, sheet.columns, sheet.widths, lefts, strict=False):
            w.cell(t, text, xl, cw, y - k * h + base, col.align, current)
    canvas.drawText(t)
    return bottom
