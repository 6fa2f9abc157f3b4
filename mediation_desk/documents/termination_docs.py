"""终止调解告知书: when mediation fails, the committee ends it and tells each party, in writing,
why, from which day, and which other routes stay open to them (人民调解法第二十六条).

One notice per party, each a document of its own (its own pages and page count), with the
committee's seal and a line where the party signs for its receipt."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from mediation_desk.documents.blocks import SIGN_LINE, F, Writer, chinese_date, party_label
from mediation_desk.documents.content import CaseRecord, PartyInfo
from mediation_desk.documents.intake_docs import case_header
from mediation_desk.documents.layout import Section
from mediation_desk.documents.signing import seal_block
from mediation_desk.mediation import states

TITLE = "终止调解告知书"
# How each route is put to a party (the codes are mediation.states.ROUTES).
ROUTE_WORDS = {
    "arbitration": "依法申请仲裁",
    "administrative": "请求有关行政机关依法处理",
    "litigation": "依法向人民法院提起诉讼",
    "petition": "依法通过信访渠道反映诉求",
}
ARTICLE_26 = (
    "根据《中华人民共和国人民调解法》第二十六条的规定，人民调解委员会调解不成的，应当终止调解，"
    "并依据有关法律、法规的规定，告知当事人可以依法通过仲裁、行政、司法等途径维护自己的权利。"
)


def _routes(rec: CaseRecord) -> str:
    codes = rec.termination_routes or ("litigation",)
    return "；".join(ROUTE_WORDS.get(c, states.ROUTES.get(c, c)) for c in codes)


def _others(rec: CaseRecord, p: PartyInfo) -> list[str | F]:
    out: list[str | F] = []
    for q in rec.parties:
        if q.index != p.index:
            out += ["、" if out else "", F(f"parties[{q.index}].name", "当事人姓名", q.name)]
    return out


def _notice(w: Writer, rec: CaseRecord, p: PartyInfo) -> Section:
    label = party_label(rec, p)
    you = "你单位" if p.is_legal else "你"
    story: list[Flowable] = [
        *w.title(TITLE),
        w.para("案号：", F("number", "案号", rec.number), style="right"),
        Spacer(1, 3 * mm),
        w.para(label, F(f"parties[{p.index}].name", f"{label}姓名或名称", p.name), "：", style="plain"),
        w.para(
            f"{you}与",
            *_others(rec, p),
            f"之间的{rec.dispute_type_label}纠纷，本委员会于 ",
            chinese_date(rec.accepted_on),
            "受理，并依法进行了调解。因下列原因，调解未能达成协议，本委员会决定自 ",
            chinese_date(rec.terminated_on),
            "起终止调解：",
        ),
        w.para(F("termination_reason", "终止调解理由", rec.termination_reason or "—")),
        w.para(ARTICLE_26),
        w.para(f"现告知{you}：对该纠纷，可以", _routes(rec), "，维护自己的合法权益。"),
        w.para("特此告知。"),
        w.end_of_text(),
        Spacer(1, 6 * mm),
        KeepTogether(
            [
                seal_block(w, rec, rec.terminated_on),
                Spacer(1, 10 * mm),
                w.para("本告知书已收到。", style="plain"),
                w.para(
                    f"{label}（签收）：",
                    SIGN_LINE,
                    "　签收日期：",
                    chinese_date(None),
                    style="plain",
                ),
            ]
        ),
    ]
    return Section(f"termination_notice-{p.index + 1}", TITLE, story, case_header(w, rec))


def termination_notices(w: Writer, rec: CaseRecord) -> list[Section]:
    """A 终止调解告知书 to each party, in the order of the intake."""
    return [_notice(w, rec, p) for p in rec.parties]
