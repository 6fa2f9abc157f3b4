"""Case numbers (案号), pure functions.

Format: ``（2026）谢调字第 0065 号``. Numbers must stay unique per committee and year even when
two desks of one committee take cases offline at the same time, with no server to ask. Each desk
therefore has a seat number (席位号), fixed at setup (and assigned by the district at
enrollment), and numbers from its own series: seat 1 — the committee's main desk — prints the
classic form; seat 2 and up put the seat before the sequence: ``（2026）谢调字第 2-0007 号``.
Two desks can never produce the same number, and a committee with one desk never sees a prefix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_SEAT = 99
_PATTERN = re.compile(r"^（(\d{4})）(.+?)第 (?:(\d{1,2})-)?(\d{1,}) 号$")


@dataclass(frozen=True)
class CaseNumber:
    year: int
    case_word: str
    seat: int
    seq: int

    def __str__(self) -> str:
        return format_case_number(self.year, self.case_word, self.seat, self.seq)


def format_case_number(year: int, case_word: str, seat: int, seq: int) -> str:
    if not 1 <= seat <= MAX_SEAT:
        raise ValueError(f"seat must be 1..{MAX_SEAT}, got {seat}")
    if seq < 1:
        raise ValueError("sequence starts at 1")
    prefix = "" if seat == 1 else f"{seat}-"
    return f"（{year}）{case_word}第 {prefix}{seq:04d} 号"


def parse_case_number(text: str) -> CaseNumber | None:
    """Inverse of `format_case_number`; tolerates ASCII brackets and missing spaces."""
    cleaned = text.strip().replace("(", "（").replace(")", "）")
    cleaned = re.sub(r"第\s*", "第 ", cleaned)
    cleaned = re.sub(r"\s*号$", " 号", cleaned)
    m = _PATTERN.match(cleaned)
    if not m:
        return None
    year, word, seat, seq = m.groups()
    if int(seq) < 1 or (seat and not 1 <= int(seat) <= MAX_SEAT):
        return None
    return CaseNumber(int(year), word, int(seat) if seat else 1, int(seq))


def default_case_word(town: str) -> str:
    """字号 from the town's first character in the national form's pattern （年）X人调字第 号,
    e.g. 谢塘镇 → 谢人调字 (the committee may choose another, e.g. 谢调字)."""
    town = town.strip()
    return f"{town[0]}人调字" if town else "人调字"
