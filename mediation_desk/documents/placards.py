"""亮码公示牌: the placard a place posts at its door, one A4 page per place.

What a passer-by and an inspector need at a glance: the place (name, category, address, grid), a
large panel in the code's colour that also says the code in words (绿码/黄码/红码 — never the
colour alone, for the colour-blind and for a faded print), the month, why the code is what it is,
and a QR code an inspector scans to see today's code at the desk (`placard_code.placard_payload`, also
printed in plain text for a scanner that cannot read it).

Everything a place or committee wrote goes into one block that is shrunk to fit the page rather
than cut or pushed onto a second page: a 100-character name or twenty reasons still print whole.
Every value is checked against the bundled fonts first (documents/fonts.py), so a character no
font has stops the placard with the field named instead of printing a missing-glyph box."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, KeepInFrame, Paragraph, Spacer, Table, TableStyle

from mediation_desk.core.uow import CHINA
from mediation_desk.documents import fonts, sheets
from mediation_desk.documents.blocks import chinese_date
from mediation_desk.documents.layout import GREY, PALE
from mediation_desk.sitecode import rules
from mediation_desk.sitecode.dto import PlacardView

TITLE = "一单一码 亮码公示"
WIDTH, HEIGHT = A4
MARGIN = 15 * mm
BODY_WIDTH = WIDTH - 2 * MARGIN
BAND = 72 * mm  # the foot of the page: QR code, its payload, 场所码, printed date
QR_SIZE = 52 * mm
# Print colours of the panel, and the word's colour on each: dark on yellow, white on the others
# (enough contrast either way; the word carries the meaning, the colour only repeats it).
PANEL = {
    rules.GREEN: (colors.Color(0.12, 0.55, 0.24), colors.white),
    rules.YELLOW: (colors.Color(0.98, 0.78, 0.05), colors.Color(0.15, 0.15, 0.15)),
    rules.RED: (colors.Color(0.85, 0.16, 0.14), colors.white),
}


def _style(name: str, size: float, leading: float, **kw: Any) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=fonts.BODY, fontSize=size, leading=leading, wordWrap="CJK", **kw)


STYLES = {
    "committee": _style("committee", 14, 20, alignment=TA_CENTER),
    "label": _style("label", 12, 17, alignment=TA_CENTER),
    "value": _style("value", 13, 18, alignment=TA_LEFT),
    "heading": _style("heading", 13, 19, alignment=TA_LEFT),
    "reason": _style("reason", 11.5, 16.5, alignment=TA_LEFT, leftIndent=16, firstLineIndent=-16),
}


class _Checked:
    """The values of one placard, checked against the fonts as they are turned into markup."""

    def __init__(self, check: fonts.GlyphCheck, index: int) -> None:
        self.check = check
        self.prefix = f"views[{index}]"

    def para(self, field: str, label: str, text: str, style: str, *, before: str = "") -> Paragraph:
        self.check.check(f"{self.prefix}.{field}", label, text)
        return Paragraph(fonts.markup(before) + fonts.markup(text), STYLES[style])


def _panel(view: PlacardView) -> Table:
    """The colour with its word, big, and the month it is the code of."""
    code = view.place.code
    fill, ink = PANEL[code.colour]
    word = ParagraphStyle("word", parent=STYLES["label"], fontSize=64, leading=76, textColor=ink)
    month = ParagraphStyle("month", parent=STYLES["label"], fontSize=15, leading=21, textColor=ink)
    rows = [
        [Paragraph(fonts.markup(rules.COLOURS[code.colour]), word)],
        [Paragraph(fonts.markup(f"{rules.month_text(view.month)}　当前码色"), month)],
    ]
    t = Table(rows, colWidths=[BODY_WIDTH * 0.7])
    t.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), fonts.BODY),
                ("BACKGROUND", (0, 0), (-1, -1), fill),
                ("BOX", (0, 0), (-1, -1), 1.2, colors.Color(0.2, 0.2, 0.2)),
                ("TOPPADDING", (0, 0), (-1, 0), 5 * mm),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 5 * mm),
            ]
        )
    )
    return t


def _facts(c: _Checked, view: PlacardView) -> Table:
    p = view.place
    rows = [
        [Paragraph("场所名称", STYLES["label"]), c.para("place.name", "场所名称", p.name, "value")],
        [Paragraph("类　　别", STYLES["label"]), c.para("place.category_label", "场所类别", p.category_label, "value")],
        [Paragraph("地　　址", STYLES["label"]), c.para("place.address", "场所地址", p.address, "value")],
        [Paragraph("网　　格", STYLES["label"]), c.para("place.grid", "网格", p.grid, "value")],
    ]
    t = Table(rows, colWidths=[BODY_WIDTH * 0.2, BODY_WIDTH * 0.8])
    t.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), fonts.BODY),
                ("GRID", (0, 0), (-1, -1), 0.6, GREY),
                ("BACKGROUND", (0, 0), (0, -1), PALE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return t


def _content(check: fonts.GlyphCheck, index: int, view: PlacardView) -> list[Flowable]:
    """What is written of the place: shrunk as a whole when it is long (see the module's note)."""
    c = _Checked(check, index)
    reasons = view.place.code.reasons or ("无",)  # the rule always gives one; never an empty heading
    panel = _panel(view)
    panel.hAlign = "CENTER"
    story: list[Flowable] = [
        c.para("committee_name", "调解委员会名称", view.committee_name, "committee"),
        Spacer(1, 4 * mm),
        _facts(c, view),
        Spacer(1, 6 * mm),
        panel,
        Spacer(1, 5 * mm),
        Paragraph("码色依据", STYLES["heading"]),
        Spacer(1, 1 * mm),
    ]
    for n, reason in enumerate(reasons):
        story.append(c.para(f"place.code.reasons[{n}]", "码色依据", reason, "reason", before=f"{n + 1}. "))
    return story


def _qr(canvas: Canvas, payload: str, x: float, y: float, size: float) -> None:
    """The payload as a QR code (error correction M: survives a smudge or a scratched corner)."""
    widget = QrCodeWidget(payload, barLevel="M")
    left, bottom, right, top = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (right - left), 0, 0, size / (top - bottom), 0, 0])
    drawing.add(widget)
    # The renderer starts from reportlab's default state, which names Helvetica: the PDF would then
    # refer to a font it does not embed. The drawing has no text, so the body font costs nothing.
    drawing.initialFontName = fonts.BODY  # type: ignore[attr-defined]
    renderPDF.draw(drawing, canvas, x, y, showBoundary=False)


def _band(canvas: Canvas, view: PlacardView) -> None:
    """The foot: QR code with its payload under it, and beside it the 场所码 and printed date."""
    top = MARGIN + BAND
    canvas.setStrokeColor(GREY)
    canvas.setLineWidth(0.6)
    canvas.line(MARGIN, top, WIDTH - MARGIN, top)
    qr_y = top - 3 * mm - QR_SIZE
    _qr(canvas, view.payload, MARGIN, qr_y, QR_SIZE)
    canvas.setFillColorRGB(0, 0, 0)
    fonts.draw(canvas, MARGIN + QR_SIZE / 2, qr_y - 4 * mm, view.payload, 9.5, "centre")
    x = MARGIN + QR_SIZE + 10 * mm
    printed = view.printed_at.astimezone(CHINA).date()
    fonts.draw(canvas, x, top - 14 * mm, "场所码", 12)
    fonts.draw(canvas, x, top - 25 * mm, view.place.place_code, 22)
    fonts.draw(canvas, x, top - 37 * mm, "扫描左侧二维码，可核验本场所当日码色。", 10.5)
    fonts.draw(canvas, x, top - 44 * mm, "码色每日随自查、整改情况更新，以核验结果为准。", 10.5)
    canvas.setFillColor(GREY)
    fonts.draw(canvas, x, top - 55 * mm, f"打印日期：{chinese_date(printed)}", 10.5)


def _page(canvas: Canvas, check: fonts.GlyphCheck, index: int, view: PlacardView) -> None:
    canvas.setFillColorRGB(0, 0, 0)
    fonts.draw(canvas, WIDTH / 2, HEIGHT - MARGIN - 12 * mm, TITLE, 28, "centre")
    frame_top = HEIGHT - MARGIN - 20 * mm
    frame_bottom = MARGIN + BAND + 4 * mm
    frame = Frame(
        MARGIN, frame_bottom, BODY_WIDTH, frame_top - frame_bottom, leftPadding=0, rightPadding=0, topPadding=0,
        bottomPadding=0, showBoundary=0,
    )  # fmt: skip
    block = KeepInFrame(BODY_WIDTH, frame_top - frame_bottom, _content(check, index, view), mode="shrink")
    frame.addFromList([block], canvas)
    _band(canvas, view)


def placard_pdf(views: Sequence[PlacardView]) -> bytes:
    """One page per place, in the order given. ValueError for no place at all; ValidationError
    (field named) when a value has a character no bundled font has."""
    if not views:
        raise ValueError("no placard to print")
    check = fonts.GlyphCheck()
    # A dry pass builds every page's paragraphs (and so checks every value) before anything is drawn.
    for i, view in enumerate(views):
        _content(check, i, view)
    check.raise_if_any()
    committee = views[0].committee_name
    buffer = io.BytesIO()
    canvas = sheets.new_canvas(
        buffer,
        A4,
        title=f"{TITLE}（{len(views)} 个场所）",
        author=committee,
        subject="一单一码亮码公示牌",
    )
    for i, view in enumerate(views):
        _page(canvas, fonts.GlyphCheck(), i, view)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
