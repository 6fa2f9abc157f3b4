"""人民调解协议书 read back from the PDF: every element of 人民调解法第二十九条 and the format,
N+1 copies, page headers on long agreements, the text sealed by 以下无正文 before the signatures, rare
characters in names, the verification QR code."""

from __future__ import annotations

import re

import pytest
from document_helpers import (
    REASON,
    SUBSET_PREFIX,
    case_with,
    flat,
    fonts_of,
    generate,
    legal_party,
    missing,
    page_texts,
    people,
    qr_codes,
)
from service_helpers import Env, env, party, today  # noqa: F401  (env is a fixture)

from mediation_desk import documents
from mediation_desk.documents import canonical
from mediation_desk.errors import ValidationError


def test_agreement_has_every_required_element(env: Env) -> None:
    parties = [party("王永年", 1, occupation="农民", address="谢塘镇谢家塘村 12 号"), legal_party(2)]
    case_id = case_with(
        env, parties, terms=["被申请人于 2026 年 12 月 31 日前赔偿申请人损失 1500 元", "申请人撤回投诉"]
    )
    doc = generate(env, case_id, "agreement")
    assert (doc.kind, doc.title, doc.pages) == ("agreement", "人民调解协议书", doc.pages)
    assert doc.pdf.startswith(b"%PDF") and len(doc.sha256) == 64
    number = doc.case_number
    assert not missing(
        doc.pdf,
        "人民调解协议书",
        f"编号：{number}",
        # party blocks: the seven fields, the identity document; the organisation's representative
        "申请人",
        "王永年",
        "性别",
        "男",
        "民族",
        "汉族",
        "年龄",
        "职业或职务",
        "农民",
        "联系方式",
        "13900000001",
        "单位或住址",
        "谢塘镇谢家塘村12号",
        "居民身份证",
        parties[0]["id_number"],
        "被申请人",
        "上虞谢塘建材有限公司",
        "统一社会信用代码",
        "91350100M000100Y43",
        "法定代表人或负责人",
        "俞建国",
        "总经理",
        "纠纷主要事实",
        "两家围墙高度争执",
        "争议事项",
        "围墙是否降低",
        "各方责任",
        "双方各有责任",
        "经调解，双方自愿达成如下协议",
        "一、被申请人于2026年12月31日前赔偿申请人损失1500元",
        "二、申请人撤回投诉",
        "履行方式：自行施工，村委见证",
        "履行期限：",
        "协议涉及金额：人民币1,500.00元（大写：壹仟伍佰元整）",
        "本协议一式三份，当事人各执一份，调解委员会留存一份",
        "（签名）",
        "按指印",
        "上虞谢塘建材有限公司（盖章）",
        "法定代表人或负责人（签名）",
        "调解员（签名）",
        "谢阿根",
        "记录人（签名）",
        "金晓燕",
        "谢家塘村人民调解委员会",
        "（盖章）",
    ), doc.pdf
    assert f"{today().year}年{today().month}月{today().day}日" in "".join(page_texts(doc.pdf))  # its date
    assert doc.verification_payload and doc.verification_payload.startswith(f"MDA1|XT-001|{number}|")
    assert doc.file_name == f"人民调解协议书{number.replace(' ', '')}.pdf"


def test_fonts_are_embedded_and_subset(env: Env) -> None:
    case_id = case_with(env, [party("刘䶮", 3), party("陈建林", 4)])
    doc = generate(env, case_id, "agreement")
    used = fonts_of(doc.pdf)
    assert used, "no fonts"
    for font in used:
        assert font["subtype"] == "/TrueType", font
        assert font["embedded"], f"{font['name']} is not embedded"
        assert font["to_unicode"], f"{font['name']} has no ToUnicode map"
        assert SUBSET_PREFIX.match(font["name"]), f"{font['name']} is not a subset (ABCDEF+ prefix)"
    names = {f["name"].split("+", 1)[1] for f in used}
    assert any("WenQuanYi" in n for n in names) and any("DeskRareHan" in n for n in names), names


@pytest.mark.parametrize("count, words", [(1, "两"), (2, "三"), (3, "四"), (5, "六")])
def test_copies_are_parties_plus_one(env: Env, count: int, words: str) -> None:
    case_id = case_with(env, people(count))
    doc = generate(env, case_id, "agreement")
    text = "".join(page_texts(doc.pdf))
    assert f"本协议一式{words}份，当事人各执一份，调解委员会留存一份" in text
    assert len(re.findall(r"(?<![或者])按指印", text)) == count  # a fingerprint box per party
    assert ("双方自愿达成如下协议" if count == 2 else "各方自愿达成如下协议") in text
    if count > 2:  # several respondents are numbered among themselves
        others = [f"被申请人{n}" for n in "一二三四"[: count - 1]]
        assert all(f"{label}：" in text for label in others) and f"被申请人{'一二三四五'[count - 1]}：" not in text


def test_long_agreement_spans_pages_with_number_and_page_count_and_seals_its_text_before_signatures(env: Env) -> None:
    terms = [f"第{i + 1}项约定：" + "被申请人应当按照约定的时间和方式履行义务，申请人予以配合。" * 6 for i in range(40)]
    case_id = case_with(env, people(3), terms=terms)
    doc = generate(env, case_id, "agreement")
    pages = page_texts(doc.pdf)
    assert doc.pages == len(pages) >= 4
    for i, text in enumerate(pages, 1):
        assert f"协议书编号：{doc.case_number}".replace(" ", "") in text, f"page {i} lacks the number"
        assert f"第{i}页共{len(pages)}页" in text, f"page {i} lacks its page label"
    signing = [i for i, text in enumerate(pages) if "当事人（签名、盖章或按指印）" in text]
    assert len(signing) == 1
    # The text ends with 以下无正文 after the last term; a page of signatures alone says what it signs.
    ends = [i for i, text in enumerate(pages) if "（以下无正文）" in text]
    assert len(ends) == 1 and ends[0] in (signing[0] - 1, signing[0])
    tail, end_page = flat(terms[-1])[-20:], pages[ends[0]]
    assert tail in end_page + pages[ends[0] - 1]
    assert tail not in end_page or end_page.rindex(tail) < end_page.index("（以下无正文）")
    if ends[0] != signing[0]:
        assert "本页无正文" in pages[signing[0]] and "签署页" in pages[signing[0]]
    assert "调解员（签名）" in pages[signing[0]] or "调解员（签名）" in pages[signing[0] + 1]


@pytest.mark.parametrize("name", ["刘䶮", "王㛃", "李堃", "张昇", "陈喆", "谢𠀾"])
def test_rare_characters_are_printed_with_their_real_glyph(env: Env, name: str) -> None:
    case_id = case_with(env, [party(name, 5), party("陈建林", 6)])
    doc = generate(env, case_id, "agreement")
    assert name in "".join(page_texts(doc.pdf))  # ToUnicode maps the glyph back to the character


def test_a_character_no_font_covers_is_refused_naming_it_and_the_field(env: Env) -> None:
    case_id = case_with(env, [party("𮯰田", 7), party("陈建林", 8)], signed=False)
    with pytest.raises(ValidationError) as refused:
        generate(env, case_id, "agreement")
    problems = refused.value.problems
    assert {(p.field, p.rule) for p in problems} == {("parties[0].name", "glyph_missing")}
    assert "𮯰" in problems[0].message and "U+2EBF0" in problems[0].message and "申请人姓名" in problems[0].message


def test_a_rare_character_in_the_terms_names_the_term(env: Env) -> None:
    case_id = case_with(env, people(2), terms=["赔偿损失", "归还𮯰字牌匾"], signed=False)
    with pytest.raises(ValidationError) as refused:
        generate(env, case_id, "agreement")
    assert [(p.field, p.rule) for p in refused.value.problems] == [("terms[1]", "glyph_missing")]
    assert "U+2EBF0" in refused.value.problems[0].message and "第 2 项条款" in refused.value.problems[0].message


def test_qr_code_decodes_to_the_verification_payload(env: Env) -> None:
    case_id = case_with(env, people(2))
    doc = generate(env, case_id, "agreement")
    assert doc.verification_payload is not None
    found = [code for page in range(doc.pages) for code in qr_codes(doc.pdf, page)]
    assert found == [doc.verification_payload]
    parsed = canonical.parse_payload(found[0])
    assert (parsed.committee_code, parsed.number) == ("XT-001", doc.case_number)
    assert documents.verify(env.desk, env.admin, found[0]).status == "match"


def test_oral_agreement_registration_form(env: Env) -> None:
    case_id = case_with(env, people(2), form="oral")
    assert "agreement" not in documents.available_kinds(env.desk, env.admin, case_id)
    doc = generate(env, case_id, "oral_agreement")
    assert not missing(
        doc.pdf,
        "口头调解协议登记表",
        doc.case_number,
        "达成日期",
        "王永年",
        "陈建林",
        "自愿达成如下口头协议",
        "一、陈建林将围墙降低三十公分",
        "二、王永年承担一半费用",
        "人民调解法》第三十条",
        "按指印",
        "（盖章）",
    )
    assert [c for p in range(doc.pages) for c in qr_codes(doc.pdf, p)] == [doc.verification_payload]
    with pytest.raises(ValidationError) as refused:
        generate(env, case_id, "agreement")
    assert refused.value.problems[0].rule == "document_not_available"
    assert "口头协议" in refused.value.problems[0].message


def test_judicial_application_is_the_parties_joint_application(env: Env) -> None:
    parties = people(2)
    case_id = case_with(env, parties)
    doc = generate(env, case_id, "judicial_application")
    assert doc.verification_payload is None
    assert not missing(
        doc.pdf,
        "司法确认申请书",
        "申请人一",
        "申请人二",
        parties[0]["id_number"],
        parties[1]["id_number"],
        "请求事项",
        "请求人民法院依法确认",
        doc.case_number,
        "事实和理由",
        "人民调解法》第三十三条",
        "三十日内",
        "申请人承诺",
        "恶意串通",
        "此致",
        "人民法院",
        "申请人（签名、盖章或按指印）",
        "按指印",
    )


def test_judicial_application_needs_an_effective_written_agreement(env: Env) -> None:
    case_id = case_with(env, people(2), signed=False)
    assert "judicial_application" not in documents.available_kinds(env.desk, env.admin, case_id)
    with pytest.raises(ValidationError) as refused:
        generate(env, case_id, "judicial_application")
    assert refused.value.problems[0].field == "kind"
    assert "签字生效后" in refused.value.problems[0].message
    # The unsigned agreement itself can be printed: it is what the parties sign.
    assert generate(env, case_id, "agreement").pages >= 1


def test_reason_is_required_and_generation_is_audited_without_personal_values(env: Env) -> None:
    parties = people(2)
    case_id = case_with(env, parties)
    for reason in ("", "   ", None):
        with pytest.raises(ValidationError) as refused:
            documents.generate(env.desk, env.admin, case_id, "agreement", reason=reason)  # type: ignore[arg-type]
        assert refused.value.problems[0].field == "reason"
    doc = generate(env, case_id, "agreement", reason=REASON)
    from sqlalchemy import select

    from mediation_desk.core.models import AuditRecord

    with env.desk.read() as s:
        rec = s.scalars(select(AuditRecord).where(AuditRecord.action == "document.generate")).one()
    assert rec.entity_id == case_id
    assert rec.detail["reason"] == REASON and rec.detail["kind"] == "agreement"
    assert rec.detail["sha256"] == doc.sha256 and rec.detail["pages"] == doc.pages
    assert rec.detail["content_sha256"] == doc.verification_payload.rsplit("|", 1)[1]  # type: ignore[union-attr]
    dumped = repr(rec.detail)
    for p in parties:
        assert p["id_number"] not in dumped and p["name"] not in dumped and p["phone"] not in dumped
