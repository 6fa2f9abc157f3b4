"""Building blocks of the documents: checked text, field tables, party blocks, signature lines
with their fingerprint boxes (按指印).

Every string passes through a `Writer`, which checks it against the fonts (naming the field of
a character no font has) and turns it into paragraph markup with per-run font switching."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from mediation_desk.documents import fonts
from mediation_desk.documents.content import CaseRecord, PartyInfo
from mediation_desk.documents.layout import FRAME_WIDTH, GREY, PALE, STYLES, table

BLANK_DATE = "　　　　年　　月　　日"
SIGN_LINE = "＿＿＿＿＿＿＿＿＿＿"
_DIGITS = "零一二三四五六七八九"


@dataclass(frozen=True)
class F:
    """A value from the record: its field path and label name it when a glyph is missing."""

    field: str
    label: str
    value: object


def chinese_number(n: int) -> str:
    """1–99 in Chinese numerals, as in 一式三份 and 第十二条."""
    if not 0 < n < 100:
        return str(n)
    tens, units = divmod(n, 10)
    text = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
    return text + (_DIGITS[units] if units else "")


def chinese_date(day: dt.date | None) -> str:
    return BLANK_DATE if day is None else f"{day.year} 年 {day.month} 月 {day.day} 日"


def yuan(amount: object) -> str:
    return f"{amount} 元" if amount is not None else "—"


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
        return "".join(("" if p.value is None else str(p.value)) if isinstance(p, F) else p for p in pieces)

    def para(self, *pieces: str | F, style: str = "body") -> Paragraph:
        return Paragraph(self.text(*pieces), STYLES[style])

    def title(self, text: str, subtitle: str | F | None = None) -> list[Flowable]:
        out: list[Flowable] = [self.para(text, style="title")]
        if subtitle is not None:
            out.append(self.para(subtitle, style="subtitle"))
        return out

    def heading(self, text: str) -> Paragraph:
        return self.para(text, style="heading")

    def grid(
        self,
        rows: Sequence[Sequence[str | F | Flowable]],
        widths: Sequence[float],
        label_columns: Sequence[int] = (0,),
        header: bool = False,
    ) -> Table:
        """A ruled table; label cells are shaded. Cells are text (checked) or flowables. A row
        shorter than the table has its last cell spanning to the right edge (never a label)."""
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
                is_label = (header and r == 0) or (c in label_columns and not (short and c == len(row) - 1))
                if is_label:
                    style.append(("BACKGROUND", (c, r), (c, r), PALE))
                line.append(
                    cell if isinstance(cell, Flowable) else self.para(cell, style="cell_label" if is_label else "cell")
                )
            if short:
                style.append(("SPAN", (len(row) - 1, r), (columns - 1, r)))
                line += [""] * (columns - len(row))
            cells.append(line)
        return table(cells, widths, style, repeatRows=1 if header else 0)


def scaled(*fractions: float) -> list[float]:
    """Column widths as fractions of the frame width."""
    return [FRAME_WIDTH * f for f in fractions]


class FingerprintBox(Flowable):
    """A dashed square where a party presses a fingerprint (按指印)."""

    def __init__(self, side: float = 16 * mm) -> None:
        super().__init__()
        self.width = self.height = side

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setStrokeColor(GREY)
        c.setDash(2, 2)
        c.rect(0, 0, self.width, self.height)
        c.setFillColor(GREY)
        fonts.draw(c, self.width / 2, 1.5 * mm, "按指印", 7, "centre")
        c.restoreState()


def party_label(rec: CaseRecord, p: PartyInfo) -> str:
    """申请人 / 被申请人, numbered within the role when it has several parties (被申请人一、被申请人二)."""
    same = [q.index for q in rec.parties if q.role == p.role]
    return p.role_label + chinese_number(same.index(p.index) + 1) if len(same) > 1 else p.role_label


def party_block(
    w: Writer, rec: CaseRecord, p: PartyInfo, on: dt.date, *, with_id: bool = True, label: str | None = None
) -> Table:
    """The party's basic information (人民调解法第二十九条): for a person 姓名, 性别, 民族, 年龄,
    职业或职务, 联系方式, 单位或住址 (and the identity document); for an organisation its name,
    credit code, representative and address."""
    base = f"parties[{p.index}]"
    label = label or party_label(rec, p)
    if p.is_legal:
        rows: list[list[str | F]] = [
            [
                label,
                F(f"{base}.name", f"{label}名称", p.name),
                "统一社会信用代码",
                F(f"{base}.uscc", f"{label}统一社会信用代码", p.uscc or "—"),
            ],
            [
                "法定代表人或负责人",
                F(f"{base}.representative", f"{label}法定代表人", p.representative or "—"),
                "职务",
                F(f"{base}.representative_title", f"{label}法定代表人职务", p.representative_title or "—"),
            ],
            [
                "联系方式",
                F(f"{base}.phone", f"{label}联系方式", p.phone or "—"),
                "职业或职务",
                F(f"{base}.occupation", f"{label}职业或职务", p.occupation or "—"),
            ],
            ["单位或住所", F(f"{base}.address", f"{label}住所", p.address or "—")],
        ]
    else:
        age = p.age_on(on)
        rows = [
            [
                label,
                F(f"{base}.name", f"{label}姓名", p.name),
                "性别",
                p.gender or "—",
                "民族",
                F(f"{base}.ethnicity", f"{label}民族", p.ethnicity or "—"),
            ],
            [
                "年龄",
                f"{age} 岁" if age is not None else "—",
                "职业或职务",
                F(f"{base}.occupation", f"{label}职业或职务", p.occupation or "—"),
                "联系方式",
                F(f"{base}.phone", f"{label}联系方式", p.phone or "—"),
            ],
            ["单位或住址", F(f"{base}.address", f"{label}住址", p.address or "—")],
        ]
        if with_id:
            rows.append([p.id_type_label or "身份证件", F(f"{base}.id_number", f"{label}证件号码", p.id_number or "—")])
    if p.agent_name:
        rows.append(["委托代理人", F(f"{base}.agent_name", f"{label}委托代理人", p.agent_name)])
    if p.is_legal:
        return w.grid(rows, scaled(0.2, 0.3, 0.2, 0.3), label_columns=(0, 2))
    return w.grid(rows, scaled(0.15, 0.2, 0.16, 0.17, 0.13, 0.19), label_columns=(0, 2, 4))


def signature_rows(
    w: Writer,
    rec: CaseRecord,
    *,
    parties: Sequence[PartyInfo] | None = None,
    labels: Sequence[str] | None = None,
    fingerprint: bool = True,
) -> Table:
    """A signature line per party (an organisation: its seal and its representative's
    signature), each with a fingerprint box."""
    rows = []
    chosen = list(rec.parties if parties is None else parties)
    for i, p in enumerate(chosen):
        label = labels[i] if labels else party_label(rec, p)
        name = F(f"parties[{p.index}].name", f"{label}姓名或名称", p.name)
        if p.is_legal:
            rows.append(
                [
                    w.para(label, "：", name, "（盖章）", style="plain"),
                    w.para("法定代表人或负责人（签名）：", SIGN_LINE, style="plain"),
                    FingerprintBox() if fingerprint else "",
                ]
            )
        else:
            rows.append(
                [
                    w.para(label, "：", name, style="plain"),
                    w.para("（签名）", SIGN_LINE, style="plain"),
                    FingerprintBox() if fingerprint else "",
                ]
            )
    return table(
        rows,
        scaled(0.42, 0.44, 0.14),
        [
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ],
    )


def staff_signatures(w: Writer, rec: CaseRecord, *, recorder: str | None = None) -> Table:
    """调解员 and 记录人 signature lines, with the names printed beside them."""
    mediators = F("mediators", "调解员姓名", "、".join(rec.mediators) or "")
    rows = [
        [w.para("调解员（签名）：", SIGN_LINE, style="plain"), w.para("（", mediators, "）", style="small")],
        [
            w.para("记录人（签名）：", SIGN_LINE, style="plain"),
            w.para("（", F("recorder", "记录人姓名", recorder or ""), "）", style="small")
            if recorder
            else Spacer(1, 1),
        ],
    ]
    return table(
        rows, scaled(0.55, 0.45), [("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]
    )


def seal_box(w: Writer, rec: CaseRecord, day: dt.date | None, width: float) -> Table:
    """The committee's name, the place of its seal and the date."""
    inner = [
        [w.para(F("committee.name", "调解委员会名称", rec.committee_name), style="seal")],
        [w.para("（盖章）", style="seal")],
        [Spacer(1, 10 * mm)],
        [w.para(chinese_date(day), style="seal")],
    ]
    return table(inner, [width])


def seal_block(w: Writer, rec: CaseRecord, day: dt.date | None) -> Table:
    """The seal box on the right half of the page."""
    return table(
        [["", seal_box(w, rec, day, FRAME_WIDTH * 0.5)]],
        scaled(0.5, 0.5),
        [("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)],
    )
