"""The agreement documents: 人民调解协议书 (人民调解法第二十九条), 口头协议登记表 (第二十八条)
and the parties' joint 司法确认申请书 (第三十三条)."""

from __future__ import annotations

import re
from functools import lru_cache

from reportlab.lib.rl_accel import fp_str
from reportlab.lib.units import mm
from reportlab.pdfgen.pathobject import PDFPathObject
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from mediation_desk.documents.blocks import F, Writer, chinese_date, chinese_number, party_block, scaled, yuan
from mediation_desk.documents.content import CaseRecord
from mediation_desk.documents.layout import FRAME_TOP, FRAME_WIDTH, Section, table
from mediation_desk.documents.qr_matrix import qr_rows
from mediation_desk.documents.signing import SigningPageNote, seal_box, signature_rows, staff_signatures

QR_SIDE = 26 * mm
EFFECT_CLAUSE = (
    "本协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效"
    "（《中华人民共和国人民调解法》第二十九条）。"
)


class QrCode(Flowable):
    """The verification QR code, drawn as one filled path of a rectangle per run of dark modules
    in a row (a shape per module, as reportlab's own widget draws it, costs most of an
    agreement's layout time)."""

    QUIET = 4  # modules of white margin the QR standard asks for

    def __init__(self, payload: str, side: float = QR_SIDE) -> None:
        super().__init__()
        self.rows = qr_rows(payload)  # reportlab's symbol, chosen faster (qr_matrix.py)
        self.width = self.height = side

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        count = len(self.rows)
        xs, ws, ys, unit = _grid(count, self.width, self.height, self.QUIET)
        # What PDFPathObject.rect writes for each run ("n" opens a path), each figure formatted
        # once per position instead of once per rectangle.
        code = ["n"]
        for r, bits in enumerate(self.rows):
            for run in _DARK_RUN.finditer(format(bits, f"0{count}b")[::-1]):
                start, end = run.span()
                code.append(f"{xs[start]} {ys[r]} {ws[end - start]} {unit} re")
        self.canv.saveState()
        self.canv.setFillColorRGB(0, 0, 0)
        self.canv.drawPath(PDFPathObject(code), stroke=0, fill=1)
        self.canv.restoreState()


_DARK_RUN = re.compile("1+")


@lru_cache(maxsize=8)
def _grid(
    count: int, width: float, height: float, quiet: int
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], str]:
    """The PDF figures of a symbol's module positions: x of each column, width of each run
    length, y of each row, the module's side."""
    unit = width / (count + 2 * quiet)
    xs = tuple(fp_str((c + quiet) * unit) for c in range(count))
    ws = tuple(fp_str(k * unit) for k in range(count + 1))
    ys = tuple(fp_str(height - (r + 1 + quiet) * unit) for r in range(count))
    return xs, ws, ys, fp_str(unit)


def verification_block(w: Writer, rec: CaseRecord, payload: str, day: object) -> Table:
    """The QR code and its text on the left, the committee's seal and the date on the right."""
    left = table(
        [
            [QrCode(payload)],
            [w.para("核验码：扫描或在调解工作台输入，核对本协议与登记内容是否一致", style="small")],
            [w.para(F("number", "协议书编号", payload), style="small")],
        ],
        scaled(0.42),
        [("LEFTPADDING", (0, 0), (-1, -1), 0), ("ALIGN", (0, 0), (0, 0), "LEFT")],
    )
    right = seal_box(w, rec, day, FRAME_WIDTH * 0.5)  # type: ignore[arg-type]
    return table(
        [[left, right]],
        scaled(0.45, 0.55),
        [
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ],
    )


def agreement_header(w: Writer, rec: CaseRecord) -> str:
    return w.plain("协议书编号：", F("number", "协议书编号", rec.number))


def _who(rec: CaseRecord) -> str:
    return "双方" if len(rec.parties) == 2 else "各方"


def _terms(w: Writer, rec: CaseRecord) -> list[Flowable]:
    assert rec.agreement is not None
    return [
        w.para(f"{chinese_number(i + 1)}、", F(f"terms[{i}]", f"第 {i + 1} 项条款", term), style="term")
        for i, term in enumerate(rec.agreement.terms)
    ]


def _recorder(rec: CaseRecord) -> str | None:
    return rec.sessions[-1].recorder if rec.sessions else None


def _performance(w: Writer, rec: CaseRecord) -> list[Flowable]:
    a = rec.agreement
    assert a is not None
    deadline = chinese_date(a.performance_deadline) + "前" if a.performance_deadline else "未另行约定"
    out = [
        w.para("履行方式：", F("performance_method", "履行方式", a.performance_method)),
        w.para("履行期限：", deadline, "。"),
    ]
    if a.amount is not None:
        out.append(w.para("协议涉及金额：", yuan(a.amount), "。"))
    return out


def signing_block(w: Writer, rec: CaseRecord, title: str, label: str, payload: str) -> KeepTogether:
    """Everything signed, kept on one page: the parties, the mediators and the recorder, the
    committee's seal beside the verification code. The text above ends with 以下无正文, so when
    the block needs a page of its own, the page before cannot be added to, and this one says
    which document it signs."""
    number = w.plain(F("number", "协议书编号", rec.number))
    a = rec.agreement
    assert a is not None
    return KeepTogether(
        [
            SigningPageNote(f"（本页无正文，为《{title}》（编号：{number}）的签署页）", FRAME_TOP),
            w.para(label, style="plain"),
            signature_rows(w, rec),
            Spacer(1, 3 * mm),
            staff_signatures(w, rec, recorder=_recorder(rec)),
            Spacer(1, 3 * mm),
            verification_block(w, rec, payload, a.reached_on),
        ]
    )


def agreement(w: Writer, rec: CaseRecord, payload: str) -> Section:
    """人民调解协议书. The text runs on without gaps (headings kept with what follows, no
    widow or orphan lines) and ends with 以下无正文; the signatures are kept on one page."""
    a = rec.agreement
    assert a is not None
    copies = len(rec.parties) + 1  # one per party and one for the committee (art. 29)
    story: list[Flowable] = [
        *w.title("人民调解协议书"),
        w.para("编号：", F("number", "协议书编号", rec.number), style="right"),
        Spacer(1, 2 * mm),
    ]
    for p in rec.parties:
        story += [party_block(w, rec, p, a.reached_on), Spacer(1, 3 * mm)]
    story += [
        w.heading("纠纷主要事实"),
        w.para(F("agreement.facts", "主要事实", a.facts)),
        w.heading("争议事项"),
        w.para(F("agreement.disputed_issues", "争议事项", a.disputed_issues)),
    ]
    if a.responsibility:
        story += [w.heading("各方责任"), w.para(F("agreement.responsibility", "各方责任", a.responsibility))]
    story += [
        w.para(f"经调解，{_who(rec)}自愿达成如下协议：", style="lead"),
        *_terms(w, rec),
        Spacer(1, 2 * mm),
        *_performance(w, rec),
        w.para(f"本协议一式{'两' if copies == 2 else chinese_number(copies)}份，当事人各执一份，调解委员会留存一份。"),
        w.para(EFFECT_CLAUSE),
        w.end_of_text(),
        signing_block(w, rec, "人民调解协议书", "当事人（签名、盖章或按指印）：", payload),
    ]
    return Section("agreement", "人民调解协议书", story, agreement_header(w, rec))


def oral_agreement(w: Writer, rec: CaseRecord, payload: str) -> Section:
    """口头协议登记表: an oral agreement takes effect when reached; its content is recorded."""
    a = rec.agreement
    assert a is not None
    story: list[Flowable] = [
        *w.title("口头调解协议登记表"),
        w.grid(
            [
                ["编号", F("number", "协议书编号", rec.number), "达成日期", chinese_date(a.reached_on)],
                [
                    "纠纷类型",
                    rec.dispute_type_label,
                    "调解员",
                    F("mediators", "调解员姓名", "、".join(rec.mediators) or "—"),
                ],
            ],
            scaled(0.16, 0.34, 0.16, 0.34),
            label_columns=(0, 2),
        ),
        Spacer(1, 3 * mm),
    ]
    for p in rec.parties:
        story += [party_block(w, rec, p, a.reached_on), Spacer(1, 3 * mm)]
    story += [
        w.heading("纠纷主要事实"),
        w.para(F("agreement.facts", "主要事实", a.facts)),
        w.heading("争议事项"),
        w.para(F("agreement.disputed_issues", "争议事项", a.disputed_issues)),
        w.para(f"经调解，{_who(rec)}自愿达成如下口头协议：", style="lead"),
        *_terms(w, rec),
        Spacer(1, 2 * mm),
        *_performance(w, rec),
        w.para("本口头协议自各方当事人达成协议之日起生效（《中华人民共和国人民调解法》第三十条）。"),
        w.end_of_text(),
        signing_block(w, rec, "口头调解协议登记表", "当事人确认（签名或按指印）：", payload),
    ]
    return Section("oral_agreement", "口头调解协议登记表", story, agreement_header(w, rec))


def _attachments(rec: CaseRecord) -> list[list[str | F]]:
    """附件: the agreement, each applicant's proof of identity — for an organisation its business
    licence (营业执照副本) and the proof that its representative is who signs (法定代表人身份证明)
    — the powers of attorney of agents, and the evidence of rights."""
    people = [p for p in rec.parties if not p.is_legal]
    out: list[list[str | F]] = [["人民调解协议书一份"]]
    if people:
        names: list[str | F] = []
        for p in people:
            names += ["、" if names else "", F(f"parties[{p.index}].name", "申请人姓名", p.name)]
        out.append([*names, "的居民身份证或其他身份证件复印件各一份"])
    for p in rec.parties:
        if p.is_legal:
            out.append(
                [
                    F(f"parties[{p.index}].name", "申请人名称", p.name),
                    "营业执照副本（或登记证书）复印件一份、法定代表人（负责人）身份证明书一份",
                ]
            )
    if agents := [p for p in rec.parties if p.agent_name]:
        out.append([f"授权委托书{chinese_number(len(agents))}份及委托代理人身份证件复印件"])
    out.append(["与调解协议相关的财产权利证明等证明材料（如有）"])
    return out


def judicial_application(w: Writer, rec: CaseRecord) -> Section:
    """司法确认申请书: all parties jointly ask the court to confirm the agreement (within 30 days
    of its taking effect). It ends with every applicant's signature line and the date: the day
    recorded for the application, or a blank date to be filled in when it is handed in."""
    a = rec.agreement
    assert a is not None and a.effective_on is not None and a.judicial_deadline is not None
    labels = [f"申请人{chinese_number(i + 1)}" if len(rec.parties) > 1 else "申请人" for i in range(len(rec.parties))]
    story: list[Flowable] = [*w.title("司法确认申请书")]
    for p, label in zip(rec.parties, labels, strict=False):
        story += [party_block(w, rec, p, rec.today, label=label), Spacer(1, 3 * mm)]
    number = F("number", "协议书编号", rec.number)
    committee = F("committee.name", "调解委员会名称", rec.committee_name)
    attachments = _attachments(rec)
    story += [
        w.heading("请求事项"),
        w.para(
            "请求人民法院依法确认申请人于 ",
            chinese_date(a.reached_on),
            "经",
            committee,
            "主持调解达成的人民调解协议（协议书编号：",
            number,
            "）有效。",
        ),
        w.heading("事实和理由"),
        w.para(
            "申请人之间因",
            rec.dispute_type_label,
            "纠纷，经",
            committee,
            "调解，于 ",
            chinese_date(a.reached_on),
            "自愿达成人民调解协议，协议于 ",
            chinese_date(a.effective_on),
            "经各方当事人签名、人民调解员签名并加盖调解委员会印章生效。协议主要内容如下：",
        ),
        *_terms(w, rec),
        w.para(
            "为此，申请人依据《中华人民共和国人民调解法》第三十三条和《中华人民共和国民事诉讼法》的有关规定，"
            "于调解协议生效之日起三十日内（",
            chinese_date(a.effective_on),
            "至 ",
            chinese_date(a.judicial_deadline),
            "）共同向人民法院申请司法确认。",
        ),
        w.heading("申请人承诺"),
        w.para("一、申请人出于解决纠纷的目的自愿达成调解协议，没有恶意串通、规避法律的行为；"),
        w.para("二、如因调解协议内容给他人造成损害的，愿意承担相应的民事责任和其他法律责任；"),
        w.para("三、所提交的材料真实、合法，如有虚假，愿意承担相应的法律责任。"),
        w.heading("附件"),
        *[
            w.para(f"{n}. ", *pieces, "。" if n == len(attachments) else "；", style="term")
            for n, pieces in enumerate(attachments, 1)
        ],
        Spacer(1, 3 * mm),
        w.para("此致", style="plain"),
        w.para("＿＿＿＿＿＿＿＿人民法院", style="plain"),
        Spacer(1, 4 * mm),
        KeepTogether(
            [
                w.para("申请人（签名、盖章或按指印）：", style="plain"),
                signature_rows(w, rec, labels=labels),
                Spacer(1, 4 * mm),
                w.para("申请日期：", chinese_date(a.judicial_applied_on), style="right"),
            ]
        ),
    ]
    return Section("judicial_application", "司法确认申请书", story, agreement_header(w, rec))
