"""Reading where things stand on a printed page: the lines of text with their height on the page,
how much of the body is left blank at a page's foot, and whether a value was kept on one line."""

from __future__ import annotations

import io
import re

import pypdf
import pypdfium2

from mediation_desk.documents.layout import BOTTOM, FRAME_HEIGHT, FRAME_TOP

# A date with what stands right before it on its line: (before, space, year, space, month, space, day)
DATE = re.compile(r"(\S?)( ?)(\d{4})( *)年( *)(\d{1,2})( *)月( *)(\d{1,2})( *)日")


def body_lines(pdf: bytes, page: int) -> list[tuple[float, str]]:
    """(baseline height, text) of each line inside the page's body frame, top to bottom; the
    running header and the page count outside the frame are left out."""
    doc = pypdfium2.PdfDocument(pdf)
    text_page = doc[page].get_textpage()
    rows: dict[int, list[tuple[float, str]]] = {}
    for i in range(text_page.count_chars()):
        ch = text_page.get_text_range(i, 1)
        left, bottom, _, top = text_page.get_charbox(i)
        if not ch.strip() or bottom < BOTTOM - 6 or top > FRAME_TOP + 6:
            continue
        rows.setdefault(round(bottom / 3), []).append((left, ch))
    return [(key * 3.0, "".join(c for _, c in sorted(chars))) for key, chars in sorted(rows.items(), reverse=True)]


def blank_at_foot(pdf: bytes, page: int) -> float:
    """The share of the body frame left empty below the page's last line of text."""
    lines = body_lines(pdf, page)
    lowest = min(y for y, _ in lines) if lines else FRAME_TOP
    return max(0.0, (lowest - BOTTOM) / FRAME_HEIGHT)


def text_lines(pdf: bytes) -> list[str]:
    """Every extracted line of every page, spaces removed (a value kept on one line is then one
    substring of one line)."""
    out: list[str] = []
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        out += [re.sub(r"\s+", "", line) for line in page.extract_text().splitlines()]
    return out


def on_one_line(pdf: bytes, value: str) -> bool:
    flat = re.sub(r"\s+", "", value)
    return any(flat in line for line in text_lines(pdf))


def raw_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
