"""Where a document is signed: a line per party with its fingerprint box (按指印; an
organisation seals and its representative signs), a line per mediator and the recorder, the
committee's seal with its date, and the note a page of signatures alone carries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from mediation_desk.documents import fonts
from mediation_desk.documents.blocks import SIGN_LINE, F, Writer, chinese_date, party_label, scaled
from mediation_desk.documents.content import CaseRecord, PartyInfo
from mediation_desk.documents.layout import FRAME_WIDTH, GREY, table


class FingerprintBox(Flowable):
    """A dashed square where a party presses a fingerprint (按指印)."""

    def __init__(self, side: float = 15 * mm) -> None:
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


REPRESENTATIVE_SIGNS = "法定代表人或负责人（签名）："
_SIGN_WIDTHS = (0.44, 0.42, 0.14)


def signature_rows(
    w: Writer,
    rec: CaseRecord,
    *,
    parties: Sequence[PartyInfo] | None = None,
    labels: Sequence[str] | None = None,
    fingerprint: bool = True,
) -> Table:
    """A signature line per party, each with a fingerprint box. An organisation has two lines:
    its name with （盖章）, then its representative's signature, each on one line of its own."""
    rows: list[list[Flowable | str]] = []
    widths = scaled(*_SIGN_WIDTHS)
    spans: list[tuple[str, tuple[int, int], tuple[int, int]]] = []
    chosen = list(rec.parties if parties is None else parties)
    for i, p in enumerate(chosen):
        label = labels[i] if labels else party_label(rec, p)
        name = F(f"parties[{p.index}].name", f"{label}姓名或名称", p.name, whole=True)
        box: Flowable | str = FingerprintBox() if fingerprint else ""
        r = len(rows)
        if p.is_legal:
            both = widths[0] + widths[1]
            rows.append([w.fitted(label, "：", name, "（盖章）", style="plain", width=both), "", box])
            rows.append([w.fitted(REPRESENTATIVE_SIGNS, SIGN_LINE, style="plain", width=both), "", ""])
            spans += [("SPAN", (0, r), (1, r)), ("SPAN", (0, r + 1), (1, r + 1)), ("SPAN", (2, r), (2, r + 1))]
        else:
            rows.append(
                [
                    w.fitted(label, "：", name, style="plain", width=widths[0]),
                    w.para("（签名）", SIGN_LINE, style="plain"),
                    box,
                ]
            )
    return table(
        rows,
        widths,
        [
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            *spans,
        ],
    )


def staff_signatures(
    w: Writer, rec: CaseRecord, *, recorder: str | None = None, mediators: Sequence[str] | None = None
) -> Table:
    """A signature line for each mediator (the name printed beside it) and one for the
    recorder; a mediator who also keeps the record signs once, as both."""
    names = list(dict.fromkeys(rec.mediators if mediators is None else mediators))
    width = scaled(0.55, 0.45)
    rows: list[list[Flowable]] = []
    for i, name in enumerate(names or [""]):
        role = "调解员、记录人" if recorder and name == recorder else "调解员"
        rows.append(
            [
                w.para(f"{role}（签名）：", SIGN_LINE, style="plain"),
                w.fitted(
                    "（", F(f"mediators[{i}]", "调解员姓名", name, whole=True), "）", style="small", width=width[1]
                )
                if name
                else Spacer(1, 1),
            ]
        )
    if recorder and recorder not in names:
        rows.append(
            [
                w.para("记录人（签名）：", SIGN_LINE, style="plain"),
                w.fitted("（", F("recorder", "记录人姓名", recorder, whole=True), "）", style="small", width=width[1]),
            ]
        )
    return table(rows, width, [("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])


def seal_box(w: Writer, rec: CaseRecord, day: dt.date | None, width: float) -> Table:
    """The committee's name, the place of its seal and the date."""
    inner = [
        [w.para(F("committee.name", "调解委员会名称", rec.committee_name), style="seal")],
        [w.para("（盖章）", style="seal")],
        [Spacer(1, 8 * mm)],  # room for the seal's impression over the name
        [w.para(chinese_date(day), style="seal")],
    ]
    return table(inner, [width])


def seal_block(
    w: Writer, rec: CaseRecord, day: dt.date | None, left: Flowable | str | Sequence[Flowable] = ""
) -> Table:
    """The seal box on the right half of the page (`left`: what stands beside it)."""
    return table(
        [[left, seal_box(w, rec, day, FRAME_WIDTH * 0.5)]],
        scaled(0.5, 0.5),
        [
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ],
    )


class SigningPageNote(Flowable):
    """A line that prints only when it stands at the top of a page: the signatures were pushed
    to a page of their own, which then says what it signs (本页无正文)."""

    def __init__(self, text: str, top: float, height: float = 7 * mm) -> None:
        super().__init__()
        self.text, self.top, self.height = text, top, height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, self.height

    def draw(self) -> None:
        _, y = self.canv.absolutePosition(0, self.height)
        if y < self.top - 1:
            return
        self.canv.saveState()
        self.canv.setFillColor(GREY)
        fonts.draw(self.canv, 0, self.height - 4 * mm, self.text, 10)
        self.canv.restoreState()
