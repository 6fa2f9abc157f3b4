"""One date format in every document (2026 年 12 月 4 日: no zero padding, a space around each
figure, also inside sentences); the 司法确认申请书 ends with the applicants' signatures and a date
line; an organisation's application lists its business licence and its representative's proof;
amounts in figures and capitals; the committee's default case word holds 人."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from document_helpers import case_with, generate, legal_party, page_texts, people
from paper_helpers import DATE, raw_text
from service_helpers import Env, env, follow_up_case, party  # noqa: F401  (env is a fixture)

from mediation_desk.documents.blocks import BLANK_DATE, chinese_date
from mediation_desk.errors import ValidationError
from mediation_desk.mediation import workflow
from mediation_desk.mediation.numbering import default_case_word

KINDS = ["application", "registration", "rights_notice", "session_record", "agreement", "judicial_application"]


def _bad_dates(text: str) -> list[str]:
    """Dates not written 2026 年 12 月 4 日, or glued to the Chinese text before them."""
    bad = []
    for m in DATE.finditer(text):
        before, gap, _year, s1, s2, month, s3, s4, day, _ = m.groups()
        spaced = (s1, s2, s3, s4) == (" ", " ", " ", " ")
        padded = month.startswith("0") or day.startswith("0")
        glued = bool(before) and not gap and not re.match(r"[（(：:，,、—]", before)
        if padded or not spaced or glued:
            bad.append(m.group(0))
    return bad


def test_every_document_writes_dates_one_way(env: Env) -> None:
    case_id = follow_up_case(env, parties=[party("王永年", 81), party("陈建林", 82), legal_party(83)])
    for kind in [*KINDS, "follow_up"]:
        text = raw_text(generate(env, case_id, kind).pdf)
        assert DATE.search(text), kind
        assert not _bad_dates(text), (kind, _bad_dates(text))
    assert chinese_date(dt.date(2026, 3, 4)) == "2026 年 3 月 4 日"


def test_the_judicial_application_ends_with_signatures_and_a_date_line(env: Env) -> None:
    doc = generate(env, case_with(env, people(2)), "judicial_application")
    pages = page_texts(doc.pdf)
    tail = pages[-1][pages[-1].index("申请人（签名、盖章或按指印）") :]
    assert "申请人一：王永年（签名）" in tail and "申请人二：陈建林（签名）" in tail
    assert tail.count("按指印") == 3  # the heading's 按指印 and a box for each applicant
    assert f"申请日期：{BLANK_DATE}".replace(" ", "") in tail  # to be filled in when handed in
    assert re.search(r"＿+年＿+月＿+日", tail)


def test_a_company_applying_lists_its_licence_and_its_representatives_proof(env: Env) -> None:
    doc = generate(env, case_with(env, [party("王永年", 84), legal_party(85)]), "judicial_application")
    text = "".join(page_texts(doc.pdf))
    attachments = text[text.index("附件") : text.index("此致")]
    assert "王永年的居民身份证或其他身份证件复印件" in attachments
    assert "上虞谢塘建材有限公司营业执照副本" in attachments and "法定代表人（负责人）身份证明书" in attachments
    assert "申请人二：上虞谢塘建材有限公司（盖章）" in text and "法定代表人或负责人（签名）" in text


def test_amounts_are_printed_in_figures_and_in_capitals(env: Env) -> None:
    doc = generate(env, case_with(env, people(2), amount="1234.5"), "agreement")
    assert "协议涉及金额：人民币1,234.50元（大写：壹仟贰佰叁拾肆元伍角）" in "".join(page_texts(doc.pdf))


def test_the_default_case_word_holds_ren() -> None:
    assert default_case_word("谢塘镇") == "谢人调字"
    from mediation_desk.administration.demo import COMMITTEE

    assert COMMITTEE["case_word"].endswith("人调字")


def test_bad_input_no_judicial_application_before_the_agreement_takes_effect(env: Env) -> None:
    case_id = case_with(env, people(2), signed=False)
    with pytest.raises(ValidationError) as refused:
        generate(env, case_id, "judicial_application")
    assert refused.value.problems[0].rule == "document_not_available"
    assert "人民调解法第三十三条" in refused.value.problems[0].message
    assert _bad_dates("于2026 年 12 月 4 日") and _bad_dates("2026 年 12 月 04 日") and _bad_dates("2026年12月4日")
    workflow_refused = pytest.raises(Exception)
    with workflow_refused:
        workflow.transition(env.desk, env.admin, case_id, "no_such_state")
