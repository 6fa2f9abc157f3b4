"""Building blocks of the documents: checked text, field tables, party blocks, signature lines
with their fingerprint boxes (按指印).

Every string passes through a `Writer`, which checks it against the fonts (naming the field of
a character no font has) and turns it into paragraph markup with per-run font switching."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Table

from mediation_desk.documents import fonts
from mediation_desk.documents.content import CaseRecord, PartyInfo
from mediation_desk.documents.layout import FRAME_WIDTH, GREY, PALE, STYLES, table
from mediation_desk.documents.paragraphs import Para
from mediation_desk.validation.amount_words import rmb

BLANK_DATE = "＿＿＿＿ 年 ＿＿ 月 ＿＿ 日"  # a date to be written by hand
SIGN_LINE = "＿＿＿＿＿＿＿＿＿＿"
END_OF_TEXT = "（以下无正文）"  # after the last line of a document's text: nothing can be added by hand
MIN_CELL_SIZE = 8.0  # a name or number is set this small before it is ever broken
CELL_PADDING = 6  # reportlab's default left and right padding of a table cell
_DIGITS = "零一二三四五六七八九"
# A name, number or amount that does not fit its cell may only break after a middle dot
# (阿依古丽·买买提) or before an opening bracket (the capitals of an amount).
_BREAK = re.compile(r"(?<=[·・•])|(?=（)")


@dataclass(frozen=True)
class F:
    """A value from the record: its field path and label name it when a glyph is missing.
    `whole`: a name, a number or an amount, shrunk to fit its cell rather than broken mid-word."""

    field: str
    label: str
    value: object
    whole: bool = False


def chinese_number(n: int) -> str:
    """1–99 in Chinese numerals, as in 一式三份 and 第十二条."""
    if not 0 < n < 100:
        return str(n)
    tens, units = divmod(n, 10)
    text = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
    return text + (_DIGITS[units] if units else "")


def chinese_date(day: dt.date | None) -> str:
    """The one date format of every document: 2026 年 12 月 4 日 (no zero padding, a space
    around each figure); a date not known yet is a blank line to fill in by hand."""
    return BLANK_DATE if day is None else f"{day.year} 年 {day.month} 月 {day.day} 日"


def chinese_time(at: dt.datetime) -> str:
    return f"{chinese_date(at.date())} {at:%H:%M}"


def yuan(amount: object) -> str:
    """人民币 1,234.50 元（大写：壹仟贰佰叁拾肆元伍角）, or — when there is no amount."""
    return rmb(amount) if amount is not None else "—"  # type: ignore[arg-type]


def _plain(pieces: Sequence[str | F]) -> str:
    return "".join(("" if p.value is None else str(p.value)) if isinstance(p, F) else p for p in pieces)


def _sized(style: ParagraphStyle, size: float) -> ParagraphStyle:
    key = (style.name, round(size, 2))
    held = _SIZED.get(key)
    if held is None:
        scale = size / style.fontSize
        held = _SIZED[key] = ParagraphStyle(
            f"{style.name}@{size:.2f}", parent=style, fontSize=size, leading=style.leading * scale
        )
    return held


_SIZED: dict[tuple[str, float], ParagraphStyle] = {}


def fit_lines(text: str, size: float, room: float) -> tuple[list[str], float]:
    """How a whole value is set in `room` points: on one line if it fits, or slightly shrunk;
    else broken only where _BREAK allows (after a middle dot, before a bracket), at the largest
    size that fits; else on one line shrunk down to MIN_CELL_SIZE. An empty list when it cannot
    be kept whole at all (then it wraps like any text, at the smallest size)."""
    wide = fonts.string_width(text, size)
    if wide <= room:
        return [text], size
    shrunk = size * room / wide
    if shrunk >= max(MIN_CELL_SIZE, 0.85 * size):
        return [text], shrunk
    pieces = [p for p in _BREAK.split(text) if p]
    trial = size
    while len(pieces) > 1 and trial >= MIN_CELL_SIZE:
        lines: list[str] = []
        for piece in pieces:
            if lines and fonts.string_width(lines[-1] + piece, trial) <= room:
                lines[-1] += piece
            else:
                lines.append(piece)
        if all(fonts.string_width(line, trial) <= room for line in lines):
            return lines, trial
        trial -= 0.5
    if shrunk >= MIN_CELL_SIZE:
        return [text], shrunk
    return [], MIN_CELL_SIZE


class Writer:
    """Checked text for one document (or one case file)."""

    def __init__(self) -> None:
        self.check = fonts.GlyphCheck()

    def text(self, *pieces: str | F) -> str:
        """Markup for constant strings and record values, joined; values are checked."""
        out = []
        for piece in pieces:
            if isinstance(piece, F):
                value = "" if piece.value is None else str(piece.value)
                self.check.check(piece.field, piece.label, value)
            else:
                value = piece
                self.check.check("template", "文书模板", value)
            out.append(fonts.markup(value))
        return "".join(out)

    def plain(self, *pieces: str | F) -> str:
        """The same check, for text drawn straight on the canvas (headers)."""
        self.text(*pieces)
        return _plain(pieces)

    def para(self, *pieces: str | F, style: str = "body") -> Paragraph:
        return Para(self.text(*pieces), STYLES[style])

    def fitted(self, *pieces: str | F, style: str = "cell", width: float) -> Paragraph:
        """A name, number or amount in a cell `width` wide (padding included) that is never
        broken mid-word: shrunk to fit, or broken only after a middle dot or before a bracket."""
        self.text(*pieces)
        base = STYLES[style]
        lines, size = fit_lines(_plain(pieces), base.fontSize, width - 2 * CELL_PADDING - 0.5)
        text = "<br/>".join(fonts.markup(line) for line in lines) if lines else fonts.markup(_plain(pieces))
        return Para(text, _sized(base, size))

    def title(self, text: str, subtitle: str | F | None = None) -> list[Flowable]:
        out: list[Flowable] = [self.para(text, style="title")]
        if subtitle is not None:
            out.append(self.para(subtitle, style="subtitle"))
        return out

    def heading(self, text: str) -> Paragraph:
        return self.para(text, style="heading")

    def end_of_text(self) -> Paragraph:
        return self.para(END_OF_TEXT, style="seal")

    def grid(
        self,
        rows: Sequence[Sequence[str | F | Flowable]],
        widths: Sequence[float],
        label_columns: Sequence[int] = (0,),
        header: bool = False,
        joined: Sequence[tuple[int, int]] = (),
    ) -> Table:
        """A ruled table; label cells are shaded. Cells are text (checked) or flowables. A row
        shorter than the table has its last cell spanning to the right edge (never a label).
        Labels and whole values (F.whole) are fitted to their cell, never broken mid-word.
        `joined`: (row, column) cells that also take the next column (whose cell is left "")."""
        columns = len(widths)
        cells, style = (
            [],
            [
                ("GRID", (0, 0), (-1, -1), 0.6, GREY),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ],
        )
        for r, row in enumerate(rows):
            short = len(row) < columns
            line: list[Flowable | str] = []
            for c, cell in enumerate(row):
                spans = short and c == len(row) - 1
                is_label = (header and r == 0) or (c in label_columns and not spans)
                if is_label:
                    style.append(("BACKGROUND", (c, r), (c, r), PALE))
                kind = "cell_label" if is_label else "cell"
                if isinstance(cell, Flowable):
                    line.append(cell)
                elif is_label or (isinstance(cell, F) and cell.whole):
                    wide = sum(widths[c:]) if spans else widths[c] + (widths[c + 1] if (r, c) in joined else 0)
                    line.append(self.fitted(cell, style=kind, width=wide))
                else:
                    line.append(self.para(cell, style=kind))
            style += [("SPAN", (jc, r), (jc + 1, r)) for jr, jc in joined if jr == r]
            if short:
                style.append(("SPAN", (len(row) - 1, r), (columns - 1, r)))
                line += [""] * (columns - len(row))
            cells.append(line)
        return table(cells, widths, style, repeatRows=1 if header else 0)


def scaled(*fractions: float) -> list[float]:
    """Column widths as fractions of the frame width."""
    return [FRAME_WIDTH * f for f in fractions]


def party_label(rec: CaseRecord, p: PartyInfo) -> str:
    """申请人 / 被申请人, numbered within the role when it has several parties (被申请人一、被申请人二)."""
    same = [q.index for q in rec.parties if q.role == p.role]
    return p.role_label + chinese_number(same.index(p.index) + 1) if len(same) > 1 else p.role_label


def party_block(
    w: Writer, rec: CaseRecord, p: PartyInfo, on: dt.date, *, with_id: bool = True, label: str | None = None
) -> Table:
    """The party's basic information (人民调解法第二十九条): for a person 姓名, 性别, 民族, 年龄,
    职业或职务, 联系方式, 单位或住址 (and the identity document); for an organisation its name
    (a row of its own: a company's name is never broken), credit code, representative and address."""
    base = f"parties[{p.index}]"
    label = label or party_label(rec, p)
    if p.is_legal:
        rows: list[list[str | F]] = [
            [label, F(f"{base}.name", f"{label}名称", p.name, whole=True)],
            [
                "统一社会信用代码",
                F(f"{base}.uscc", f"{label}统一社会信用代码", p.uscc or "—", whole=True),
                "联系方式",
                F(f"{base}.phone", f"{label}联系方式", p.phone or "—", whole=True),
            ],
            [
                "法定代表人或负责人",
                F(f"{base}.representative", f"{label}法定代表人", p.representative or "—", whole=True),
                "职务",
                F(f"{base}.representative_title", f"{label}法定代表人职务", p.representative_title or "—"),
            ],
            ["单位或住所", F(f"{base}.address", f"{label}住所", p.address or "—")],
        ]
    else:
        age = p.age_on(on)
        rows = [
            [
                label,
                F(f"{base}.name", f"{label}姓名", p.name, whole=True),
                "性别",
                p.gender or "—",
                "民族",
                F(f"{base}.ethnicity", f"{label}民族", p.ethnicity or "—", whole=True),
            ],
            [
                "年龄",
                f"{age} 岁" if age is not None else "—",
                "职业或职务",
                F(f"{base}.occupation", f"{label}职业或职务", p.occupation or "—"),
                "联系方式",
                F(f"{base}.phone", f"{label}联系方式", p.phone or "—", whole=True),
            ],
            ["单位或住址", F(f"{base}.address", f"{label}住址", p.address or "—")],
        ]
        if with_id:
            rows.append(
                [
                    p.id_type_label or "身份证件",
                    F(f"{base}.id_number", f"{label}证件号码", p.id_number or "—", whole=True),
                ]
            )
    if p.agent_name:
        rows.append(["委托代理人", F(f"{base}.agent_name", f"{label}委托代理人", p.agent_name, whole=True)])
    if p.is_legal:
        return w.grid(rows, scaled(0.2, 0.33, 0.15, 0.32), label_columns=(0, 2))
    return w.grid(rows, scaled(0.14, 0.26, 0.14, 0.16, 0.12, 0.18), label_columns=(0, 2, 4))
