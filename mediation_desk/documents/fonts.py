"""The fonts the documents embed, and the check that every character has a glyph in one of them.

Two TrueType fonts ship in `mediation_desk/resources/fonts/` (see resources/fonts/README.md):
the body font (WenQuanYi Micro Hei) and a fallback for rare characters (Desk Rare Han, from
HanaMin). Text is cut into runs, each printed with the first font that covers it. A character
neither covers is refused before anything is drawn (GB 18030-2022: a name is never printed
with a missing-glyph box, nor with a substitute character)."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from importlib import resources
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from mediation_desk.errors import FieldProblem, ValidationError

BODY = "DeskBody"  # WenQuanYi Micro Hei, face 0 of the collection
RARE = "DeskRareHan"
FILES = {BODY: ("wqy-microhei.ttc", 0), RARE: ("desk-rare-han.ttf", 0)}
CHAIN = (BODY, RARE)  # the order fonts are tried in
LAYOUT_CHARS = frozenset("\n\r\t")  # turned into line breaks and spaces, never drawn
GLYPH_RULE = "glyph_missing"

_lock = threading.Lock()
_cmaps: dict[str, frozenset[int]] = {}


def font_path(file_name: str) -> str:
    return str(resources.files("mediation_desk") / "resources" / "fonts" / file_name)


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode map writes a code point above U+FFFF as five hex digits, which
    readers reject: a name with 𠀾 could then not be searched or copied from the PDF. The map
    must give UTF-16BE, a surrogate pair for those."""
    pairs = [f"<{i:02X}> <{chr(cp).encode('utf-16-be').hex().upper()}>" for i, cp in enumerate(subset)]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *pairs,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


def register() -> None:
    """Load and register the fonts once per process (thread-safe; the window calls the
    documents from its worker thread)."""
    if len(_cmaps) == len(FILES):
        return
    with _lock:
        if len(_cmaps) == len(FILES):
            return
        ttfonts.makeToUnicodeCMap = _to_unicode_cmap  # type: ignore[assignment]
        for name, (file_name, index) in FILES.items():
            font = TTFont(name, font_path(file_name), subfontIndex=index)
            pdfmetrics.registerFont(font)
            # No bold or italic faces ship: the family maps them to the regular face, so a
            # stray <b> in a paragraph cannot fail the document.
            pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)
            _cmaps[name] = frozenset(font.face.charToGlyph)


def font_for(ch: str) -> str | None:
    """The first font of the chain that has a glyph for `ch`, or None."""
    register()
    cp = ord(ch)
    for name in CHAIN:
        if cp in _cmaps[name]:
            return name
    return None


def uncovered(text: str) -> list[str]:
    """The characters of `text` that no bundled font covers, each once, in order of appearance."""
    register()
    body = _cmaps[BODY]
    missing: list[str] = []
    for ch in text:
        if ord(ch) in body or ch in LAYOUT_CHARS or ch in missing:
            continue
        if font_for(ch) is None:
            missing.append(ch)
    return missing


def runs(text: str) -> list[tuple[str, str]]:
    """(font, piece) runs: consecutive characters printed with the same font."""
    register()
    body = _cmaps[BODY]
    out: list[tuple[str, str]] = []
    for ch in text:
        name = BODY if (ord(ch) in body or ch in LAYOUT_CHARS) else (font_for(ch) or BODY)
        if out and out[-1][0] == name:
            out[-1] = (name, out[-1][1] + ch)
        else:
            out.append((name, ch))
    return out


def markup(text: str) -> str:
    """Paragraph markup for plain text: escaped, rare characters in their font, line breaks kept."""
    parts = []
    for name, piece in runs(text.replace("\r\n", "\n").replace("\t", " ")):
        escaped = escape(piece).replace("\n", "<br/>")
        parts.append(escaped if name == BODY else f'<font face="{name}">{escaped}</font>')
    return "".join(parts)


def string_width(text: str, size: float) -> float:
    return sum(pdfmetrics.stringWidth(piece, name, size) for name, piece in runs(text))


def draw(canvas: object, x: float, y: float, text: str, size: float, align: str = "left") -> None:
    """One line of text on a canvas (headers, footers), switching fonts run by run."""
    width = string_width(text, size)
    if align == "right":
        x -= width
    elif align == "centre":
        x -= width / 2
    for name, piece in runs(text):
        canvas.setFont(name, size)  # type: ignore[attr-defined]
        canvas.drawString(x, y, piece)  # type: ignore[attr-defined]
        x += pdfmetrics.stringWidth(piece, name, size)


@dataclass(frozen=True)
class Coverage:
    """How many characters each font covers, for the about box and the documentation."""

    body: int
    rare_only: int


def coverage() -> Coverage:
    register()
    return Coverage(len(_cmaps[BODY]), len(_cmaps[RARE] - _cmaps[BODY]))


class GlyphCheck:
    """Collects the characters no font covers, field by field, while a document's content is
    assembled; `raise_if_any` stops the document before it is drawn."""

    def __init__(self) -> None:
        self.problems: list[FieldProblem] = []
        self._seen: set[tuple[str, str]] = set()

    def check(self, field: str, label: str, text: str | None) -> None:
        for ch in uncovered(text or ""):
            if (field, ch) in self._seen:
                continue
            self._seen.add((field, ch))
            self.problems.append(
                FieldProblem(
                    field,
                    GLYPH_RULE,
                    f"{label}中的「{ch}」（U+{ord(ch):04X}）在文书字体中没有字形，无法打印。"
                    "请核对是否录入有误；确为生僻字的，请联系维护人员补充字体",
                )
            )

    def raise_if_any(self) -> None:
        if self.problems:
            raise ValidationError(self.problems)
