"""The paragraph the documents' `Writer` sets text in: reportlab's `Paragraph`, laying out exactly as
it does, without three costs it pays again and again for the same result.

- Parsing. reportlab parses each paragraph's markup with an HTML parser. Most of ours is plain text
  (`fonts.markup` only writes tags for a font switch or a line break, and entities for & < >): for
  it the parser would make one fragment with the style's attributes and the whitespace-cleaned
  text, so that fragment is copied from one parsed once per style.
- Measuring. reportlab's CJK line breaking asks the font for each character's width, one call per
  character, at every wrap. A character's width in a font at a size never changes: it is asked
  once per process (`char_widths`) and handed to reportlab's own `dumbSplit`, as `wordSplit` does.
- Wrapping again. Tables wrap each cell when sizing and again when drawing; KeepTogether wraps its
  content to measure it, then the frame wraps each part. A paragraph wrapped again at the width it
  was last wrapped at keeps its lines (anything that drops them — a split — deletes `blPara`).

tests/documents/test_paragraphs.py holds these to reportlab's own results."""

from __future__ import annotations

import copy
import threading

from reportlab.lib.styles import ParagraphStyle, PropertySet
from reportlab.lib.textsplit import dumbSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import ParaLines, cleanBlockQuotedText
from reportlab.platypus.paraparser import ParaFrag, ParaParser

_lock = threading.Lock()


class _Widths(dict[str, float]):
    """One font at one size: character → width, measured the first time it is asked for."""

    def __init__(self, font: str, size: float) -> None:
        super().__init__()
        self.font, self.size = font, size

    def __missing__(self, ch: str) -> float:
        width = self[ch] = stringWidth(ch, self.font, self.size)
        return width


_widths: dict[tuple[str, float], _Widths] = {}
_prototypes: dict[int, tuple[ParagraphStyle, ParaFrag]] = {}  # id(style) → (style, its plain fragment)


def char_widths(text: str, font: str, size: float) -> list[float]:
    """The width of each character of `text`, as `pdfmetrics.stringWidth` gives it one by one."""
    table = _widths.get((font, size))
    if table is None:
        with _lock:
            table = _widths.setdefault((font, size), _Widths(font, size))
    return list(map(table.__getitem__, text))


def _prototype(style: ParagraphStyle) -> ParaFrag:
    """The fragment reportlab's parser makes of plain text in `style` (its text aside)."""
    held = _prototypes.get(id(style))
    if held is None or held[0] is not style:
        _, frags, _ = ParaParser().parse("x", style)
        held = _prototypes[id(style)] = (style, frags[0])  # the style is kept: its id stays its own
    return held[1]


class Para(Paragraph):
    """A reportlab Paragraph (same markup, same layout), made and wrapped cheaper: see the module."""

    _wrapped: tuple[float, tuple[float, float]] | None = None  # (width, what wrap returned)

    def __init__(
        self,
        text: str,
        style: PropertySet | None = None,
        bulletText: str | None = None,
        frags: list[ParaFrag] | None = None,
        caseSensitive: int = 1,
        encoding: str = "utf8",
    ) -> None:
        # Plain text in a style that transforms no text: the fragment reportlab's parser would make,
        # made without it. (reportlab's own split passes fragments, and no text.)
        if (
            frags is None
            and isinstance(style, ParagraphStyle)
            and not getattr(style, "textTransform", None)
            and "<" not in text
            and "&" not in text
        ):
            text = cleanBlockQuotedText(text)  # what reportlab does to the text before parsing it
            frags = []
            if text:  # the parser makes no fragment of no text
                frag = copy.copy(_prototype(style))
                frag.text = text
                frag.link, frag.us_lines = [], []  # fresh, as the parser makes them per paragraph
                frags.append(frag)
        super().__init__(text, style, bulletText, frags, caseSensitive, encoding)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._wrapped is not None and self._wrapped[0] == availWidth and hasattr(self, "blPara"):
            return self._wrapped[1]
        result = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, result)
        return result

    def breakLinesCJK(self, maxWidths: float | list[float] | tuple[float, ...]) -> ParaLines | ParaFrag:
        """reportlab's own, for one fragment of plain text (the usual case), with the widths of its
        characters taken from `char_widths`; any other case is left to reportlab."""
        frags = self.frags
        if (
            len(frags) != 1
            or hasattr(frags[0], "cbDefn")
            or self.style.endDots
            or self.bulletText
            or (hasattr(self, "blPara") and getattr(self, "_splitpara", 0))
        ):
            return super().breakLinesCJK(maxWidths)
        if not isinstance(maxWidths, list | tuple):
            maxWidths = [maxWidths]
        self.height = 0
        f = frags[0]
        text = f.text if hasattr(f, "text") else "".join(getattr(f, "words", []))
        lines = dumbSplit(text, char_widths(text, f.fontName, f.fontSize), maxWidths)
        return f.clone(
            kind=0, lines=[(space, [line]) for space, line in lines], ascent=f.fontSize, descent=-0.2 * f.fontSize
        )
