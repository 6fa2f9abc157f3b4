"""Documents of the intake: 人民调解申请书, 受理登记表 and 权利义务告知书."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from mediation_desk.documents.blocks import SIGN_LINE, F, Writer, chinese_date, party_block, party_label, scaled, yuan
from mediation_desk.documents.content import CaseRecord
from mediation_desk.documents.layout import Section
from mediation_desk.documents.signing import seal_block, signature_rows

# 人民调解法第二十三条、第二十四条
RIGHTS = (
    "选择或者接受人民调解员；",
    "接受调解、拒绝调解或者要求终止调解；",
    "要求调解公开进行或者不公开进行；",
    "自主表达意愿、自愿达成调解协议。",
)
DUTIES = (
    "如实陈述纠纷事实；",
    "遵守调解现场秩序，尊重人民调解员；",
    "尊重对方当事人行使权利。",
)
NOTICES = (
    "人民调解委员会调解民间纠纷，不收取任何费用（人民调解法第四条）。",
    "人民调解员应当为当事人保守隐私和商业秘密（人民调解法第十五条）。",
    "调解不成的，人民调解委员会终止调解，当事人可以依法通过仲裁、行政、司法等途径维护自己的权利"
    "（人民调解法第二十六条）。",
    "经人民调解委员会调解达成的调解协议，具有法律约束力，当事人应当按照约定履行（人民调解法第三十一条）。",
    "调解协议生效后，双方当事人认为有必要的，可以自调解协议生效之日起三十日内共同向人民法院申请司法确认"
    "（人民调解法第三十三条）。",
)
ORDINALS = "一二三四五六七八九十"


def case_header(w: Writer, rec: CaseRecord) -> str:
    return w.plain("案号：", F("number", "案号", rec.number))


def application(w: Writer, rec: CaseRecord) -> Section:
    """人民调解申请书: who applies against whom, the facts, the requests, the voluntariness."""
    story: list[Flowable] = [*w.title("人民调解申请书")]
    applicants = [p for p in rec.parties if p.role == "applicant"]
    for p in rec.parties:
        story += [party_block(w, rec, p, rec.accepted_on), Spacer(1, 3 * mm)]
    story += [
        w.heading("纠纷简要事实"),
        w.para(F("brief_facts", "简要案情", rec.brief_facts)),
        w.heading("申请事项"),
        w.para(F("requests", "当事人请求", rec.requests or "请求人民调解委员会依法调解上述纠纷。")),
        Spacer(1, 3 * mm),
        w.para(
            "申请人自愿申请人民调解委员会调解上述纠纷，已知悉人民调解的性质及当事人在调解活动中享有的权利"
            "和承担的义务，保证所述事实属实。"
        ),
        Spacer(1, 3 * mm),
        w.para("此致", style="plain"),
        w.para(F("committee.name", "调解委员会名称", rec.committee_name), style="plain"),
        Spacer(1, 6 * mm),
    ]
    story.append(
        KeepTogether(
            [
                signature_rows(w, rec, parties=applicants or rec.parties[:1]),
                Spacer(1, 4 * mm),
                w.para(chinese_date(rec.accepted_on), style="right"),
            ]
        )
    )
    return Section("application", "人民调解申请书", story, case_header(w, rec))


def registration(w: Writer, rec: CaseRecord) -> Section:
    """受理登记表: the date, the parties, the type, the source, the facts; signed and sealed.
    A form of one page: the facts and requests are rows of the table, the registrar signs
    beside the seal."""
    source = rec.source_label + (f"（{rec.referrer}）" if rec.referrer else "")
    story: list[Flowable] = [*w.title("人民调解受理登记表")]
    story.append(
        w.grid(
            [
                ["编号", F("number", "案号", rec.number, whole=True), "受理日期", chinese_date(rec.accepted_on)],
                ["纠纷类型", rec.dispute_type_label, "案件来源", F("referrer", "移送单位", source)],
                [
                    "纠纷发生地",
                    F("area", "纠纷发生地", rec.area or "—"),
                    "排查发现",
                    "是" if rec.found_in_screening else "否",
                ],
                [
                    "涉及人数",
                    f"{rec.persons_involved} 人",
                    "涉及金额",
                    F("amount", "涉及金额", yuan(rec.amount), whole=True),
                ],
                ["简要案情", F("brief_facts", "简要案情", rec.brief_facts)],
                ["当事人请求", F("requests", "当事人请求", rec.requests or "—")],
            ],
            scaled(0.16, 0.34, 0.16, 0.34),
            label_columns=(0, 2),
        )
    )
    rows: list[list[str | F]] = [["当事人", "姓名或名称", "性别年龄", "证件号码", "联系方式", "单位或住址"]]
    joined: list[tuple[int, int]] = []
    for p in rec.parties:
        base, label = f"parties[{p.index}]", party_label(rec, p)
        age = p.age_on(rec.accepted_on)
        sex_age = "/".join(x for x in (p.gender, f"{age}" if age is not None else None) if x)
        if p.is_legal:  # an organisation has no sex or age: its name takes that cell too
            joined.append((len(rows), 1))
        rows.append(
            [
                label,
                F(f"{base}.name", f"{label}姓名", p.name, whole=True),
                "" if p.is_legal else F(f"{base}.age", f"{label}性别年龄", sex_age or "—", whole=True),
                F(f"{base}.id_number", f"{label}证件号码", (p.uscc if p.is_legal else p.id_number) or "—", whole=True),
                F(f"{base}.phone", f"{label}联系方式", p.phone or "—", whole=True),
                F(f"{base}.address", f"{label}住址", p.address or "—"),
            ]
        )
    story += [
        Spacer(1, 2 * mm),
        w.grid(rows, scaled(0.12, 0.2, 0.08, 0.24, 0.16, 0.2), label_columns=(0,), header=True, joined=joined),
        Spacer(1, 2 * mm),
    ]
    registrar = [
        w.para("登记人（签名）：", SIGN_LINE[:7], style="plain"),
        w.para("（", F("registrar", "登记人", rec.registrar), "）", style="small"),
    ]
    story.append(
        KeepTogether(
            [
                w.para("当事人（签名或按指印）：", style="plain"),
                signature_rows(w, rec),
                Spacer(1, 3 * mm),
                seal_block(w, rec, rec.accepted_on, registrar),
            ]
        )
    )
    return Section("registration", "人民调解受理登记表", story, case_header(w, rec))


def rights_notice(w: Writer, rec: CaseRecord) -> Section:
    """权利义务告知书 (人民调解法第二十三条、第二十四条), acknowledged by every party."""
    story: list[Flowable] = [*w.title("人民调解当事人权利义务告知书")]
    story.append(w.para(F("parties", "当事人姓名", rec.party_names()), "：", style="plain"))
    story.append(
        w.para(
            "根据《中华人民共和国人民调解法》的规定，人民调解委员会调解民间纠纷，应当在当事人自愿、平等的基础上进行，"
            "不违背法律、法规和国家政策，尊重当事人的权利。现将当事人在人民调解活动中享有的权利和承担的义务告知如下："
        )
    )
    story.append(w.heading("一、当事人享有下列权利"))
    story += [w.para(f"（{ORDINALS[i]}）{text}") for i, text in enumerate(RIGHTS)]
    story.append(w.heading("二、当事人履行下列义务"))
    story += [w.para(f"（{ORDINALS[i]}）{text}") for i, text in enumerate(DUTIES)]
    story.append(w.heading("三、其他事项"))
    story += [w.para(f"（{ORDINALS[i]}）{text}") for i, text in enumerate(NOTICES)]
    story += [Spacer(1, 4 * mm)]
    story.append(
        KeepTogether(
            [
                w.para("以上内容已告知，当事人已知悉。", style="plain"),
                Spacer(1, 2 * mm),
                signature_rows(w, rec),
                Spacer(1, 4 * mm),
                seal_block(w, rec, rec.accepted_on),
            ]
        )
    )
    return Section("rights_notice", "人民调解当事人权利义务告知书", story, case_header(w, rec))
