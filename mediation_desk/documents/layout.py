"""The page: A4 with a binding margin, the styles, and the running header and footer.

A PDF is a list of sections (one per document; the case file has many). Each page of a numbered
section carries the section's header line (e.g. the agreement number) and "第 X 页 共 Y 页"
counted within its section; in the case file each page also carries its page number in the file
(卷内页号, top right). Totals are known only at the end, so pages are kept and decorated when the
canvas is saved."""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from mediation_desk.documents import fonts

PAGE_WIDTH, PAGE_HEIGHT = A4
LEFT, RIGHT, TOP, BOTTOM = 28 * mm, 20 * mm, 24 * mm, 22 * mm  # the left edge is bound into the file
FRAME_WIDTH = PAGE_WIDTH - LEFT - RIGHT
FRAME_TOP = PAGE_HEIGHT - TOP
FRAME_HEIGHT = PAGE_HEIGHT - TOP - BOTTOM
GREY = colors.Color(0.35, 0.35, 0.35)
PALE = colors.Color(0.93, 0.93, 0.93)


def _style(name: str, size: float, leading: float, **kw: Any) -> ParagraphStyle:
    # No widows or orphans: a paragraph never leaves a single line alone at a page's foot or head.
    return ParagraphStyle(
        name, fontName=fonts.BODY, fontSize=size, leading=leading, wordWrap="CJK", allowWidows=0, **kw
    )


STYLES = {
    "title": _style("title", 22, 30, alignment=TA_CENTER, spaceAfter=6 * mm),
    "cover": _style("cover", 30, 40, alignment=TA_CENTER, spaceAfter=12 * mm),
    "subtitle": _style("subtitle", 12, 18, alignment=TA_CENTER, spaceAfter=4 * mm),
    "heading": _style("heading", 14, 22, spaceBefore=3 * mm, spaceAfter=1.5 * mm),
    "lead": _style("lead", 13, 21, spaceBefore=2 * mm, spaceAfter=1 * mm),  # 经调解，双方自愿达成如下协议：
    "body": _style("body", 12, 21, alignment=TA_JUSTIFY, firstLineIndent=24),
    "plain": _style("plain", 12, 21, alignment=TA_LEFT),
    "term": _style("term", 12, 21, alignment=TA_JUSTIFY, leftIndent=24, firstLineIndent=-24),
    "right": _style("right", 12, 21, alignment=TA_RIGHT),
    "cell": _style("cell", 11, 16, alignment=TA_LEFT),
    "cell_label": _style("cell_label", 11, 16, alignment=TA_CENTER),
    "small": _style("small", 9, 13, alignment=TA_LEFT, textColor=GREY),
    "seal": _style("seal", 12, 21, alignment=TA_CENTER),
}


def table(
    rows: Sequence[Sequence[Any]], widths: Sequence[float], commands: Sequence[tuple[Any, ...]] = (), **kw: Any
) -> Table:
    """A table whose plain-string cells (even empty ones) use the embedded font: reportlab's
    default, Helvetica, would otherwise be referenced by the PDF without being embedded."""
    t = Table([list(r) for r in rows], colWidths=list(widths), **kw)
    t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), fonts.BODY), *commands]))
    return t


@dataclass
class Section:
    """One document inside a PDF. `header` None: no header or page numbers (cover, back cover)."""

    key: str
    title: str
    story: list[Flowable]
    header: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Rendered:
    pdf: bytes
    pages: int
    starts: dict[str, int]  # section key → its first page in the file (1-based)
    lengths: dict[str, int]  # section key → its number of pages
    page_sections: tuple[str, ...]  # the section of each page


class SectionStart(Flowable):
    """Zero-size marker: the pages from here on belong to section `key`."""

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key
        self.width = self.height = 0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.section_key = self.key  # type: ignore[attr-defined]


def page_label(page: int, total: int) -> str:
    return f"第 {page} 页 共 {total} 页"


def _decorate(canvas: Canvas, section: Section, page: int, total: int, file_page: int | None) -> None:
    canvas.saveState()
    canvas.setFillColor(GREY)
    top = PAGE_HEIGHT - TOP + 8 * mm
    if section.header:
        align, x = ("left", LEFT) if file_page is not None else ("right", PAGE_WIDTH - RIGHT)
        fonts.draw(canvas, x, top, section.header, 9.5, align)
        canvas.setStrokeColor(GREY)
        canvas.setLineWidth(0.4)
        canvas.line(LEFT, top - 2.2 * mm, PAGE_WIDTH - RIGHT, top - 2.2 * mm)
        fonts.draw(canvas, PAGE_WIDTH / 2, BOTTOM - 10 * mm, page_label(page, total), 10, "centre")
    if file_page is not None:
        fonts.draw(canvas, PAGE_WIDTH - RIGHT, PAGE_HEIGHT - 12 * mm, str(file_page), 11, "right")
    canvas.restoreState()


def file_page_numbers(page_sections: Sequence[str], numbered: set[str]) -> list[int | None]:
    """卷内页号: the pages of the documents are numbered through the file; the cover, the
    directory and the back cover are not."""
    out: list[int | None] = []
    n = 0
    for key in page_sections:
        if key in numbered:
            n += 1
            out.append(n)
        else:
            out.append(None)
    return out


def _canvas_class(sections: dict[str, Section], numbered_file: bool, result: dict[str, Any]) -> type:
    class PagedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._kept_pages: list[dict[str, Any]] = []
            self.section_key: str | None = None

        def showPage(self) -> None:
            self._kept_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            keys = [state["section_key"] for state in self._kept_pages]
            totals, seen = Counter(keys), Counter[str]()
            numbered = {k for k, s in sections.items() if s.header} if numbered_file else set()
            for state, file_page in zip(self._kept_pages, file_page_numbers(keys, numbered), strict=False):
                self.__dict__.update(state)
                key = state["section_key"]
                seen[key] += 1
                _decorate(self, sections[key], seen[key], totals[key], file_page)
                Canvas.showPage(self)
            result["page_sections"] = tuple(keys)
            Canvas.save(self)

    return PagedCanvas


HEADING_STYLES = frozenset({"heading", "lead"})
LINES_AFTER_HEADING = 2  # a heading starts a new page unless this many lines of its text fit below it


def keep_headings(story: Sequence[Flowable]) -> list[Flowable]:
    """A heading never ends a page: before each, a conditional page break asking room for the
    heading and the first lines of what follows (a blank of at most that much, never more)."""
    out: list[Flowable] = []
    for f in story:
        if isinstance(f, Paragraph) and f.style.name in HEADING_STYLES:
            s = f.style
            out.append(
                CondPageBreak(
                    s.spaceBefore + s.leading + s.spaceAfter + LINES_AFTER_HEADING * STYLES["body"].leading + 2
                )
            )
        out.append(f)
    return out


def render(
    sections: Sequence[Section], *, title: str, author: str, subject: str, numbered_file: bool = False
) -> Rendered:
    """Lay the sections out, each from a new page, and return the PDF."""
    story: list[Flowable] = []
    for i, section in enumerate(sections):
        if i:
            story.append(PageBreak())
        story.append(SectionStart(section.key))
        story.extend(keep_headings(section.story))
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=LEFT,
        rightMargin=RIGHT,
        topMargin=TOP,
        bottomMargin=BOTTOM,
        title=title,
        author=author,
        subject=subject,
        creator="mediation-desk",
        initialFontName=fonts.BODY,
        initialFontSize=12,
    )
    frame = Frame(
        LEFT,
        BOTTOM,
        FRAME_WIDTH,
        FRAME_HEIGHT,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    result: dict[str, Any] = {}
    doc.build(story, canvasmaker=_canvas_class({s.key: s for s in sections}, numbered_file, result))
    keys: tuple[str, ...] = result["page_sections"]
    starts: dict[str, int] = {}
    for page, key in enumerate(keys, 1):
        starts.setdefault(key, page)
    return Rendered(buffer.getvalue(), len(keys), starts, dict(Counter(keys)), keys)
