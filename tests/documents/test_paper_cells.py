"""Table cells keep a value whole: phone numbers, identity numbers, company names and names with a
middle dot (阿依古丽·买买提) are shrunk to fit or broken only after the dot, never mid-word; an
organisation's 法定代表人或负责人（签名） line stays one line."""

from __future__ import annotations

import pytest
from document_helpers import case_with, generate, legal_party, people
from paper_helpers import on_one_line
from service_helpers import Env, env, new_case, party  # noqa: F401  (env is a fixture)

from mediation_desk.documents import fonts
from mediation_desk.documents.blocks import MIN_CELL_SIZE, F, Writer, fit_lines

UYGHUR = "阿依古丽·买买提"
LONG_UYGHUR = "买买提明·艾力·阿布都热依木"
COMPANY = "绍兴市上虞区谢塘镇建材有限公司"


def _company(seq: int) -> dict[str, object]:
    return {**legal_party(seq), "name": COMPANY, "phone": "0575-82345678"}


@pytest.mark.parametrize("kind", ["agreement", "registration", "judicial_application"])
def test_names_numbers_and_company_names_stay_on_one_line(env: Env, kind: str) -> None:
    parties = [
        party(UYGHUR, 31, ethnicity="维吾尔族", phone="13912345678"),
        party("陈建林", 32, phone="0575-82012345"),
        _company(33),
    ]
    doc = generate(env, case_with(env, parties), kind)
    for value in (UYGHUR, COMPANY, "13912345678", "0575-82012345", "0575-82345678", "91350100M000100Y43"):
        assert on_one_line(doc.pdf, value), f"{value} is broken across lines in the {kind}"
    assert on_one_line(doc.pdf, "法定代表人或负责人（签名）：＿＿＿＿＿＿＿＿＿＿")
    assert on_one_line(doc.pdf, f"{COMPANY}（盖章）")


def test_a_name_too_long_for_its_cell_breaks_only_after_its_middle_dot(env: Env) -> None:
    doc = generate(env, case_with(env, [party(LONG_UYGHUR, 41), party("陈建林", 42)]), "agreement")
    parts = LONG_UYGHUR.split("·")
    assert on_one_line(doc.pdf, LONG_UYGHUR) or all(on_one_line(doc.pdf, p) for p in parts)
    lines, size = fit_lines(LONG_UYGHUR, 11, 60)
    assert lines and all(line.endswith("·") or line == lines[-1] for line in lines) and size >= MIN_CELL_SIZE
    assert "".join(lines) == LONG_UYGHUR


def test_fitting_shrinks_a_little_before_breaking_and_never_below_the_smallest_size() -> None:
    phone = "0575-82012345"
    wide = fonts.string_width(phone, 11)
    assert fit_lines(phone, 11, wide + 1) == ([phone], 11)
    lines, size = fit_lines(phone, 11, wide * 0.9)
    assert lines == [phone] and MIN_CELL_SIZE <= size < 11
    amount = "人民币 1,234.50 元（大写：壹仟贰佰叁拾肆元伍角）"
    lines, size = fit_lines(amount, 11, fonts.string_width("（大写：壹仟贰佰叁拾肆元伍角）", 11) + 1)
    assert lines == ["人民币 1,234.50 元", "（大写：壹仟贰佰叁拾肆元伍角）"] and size == 11


def test_bad_input_a_value_that_cannot_be_kept_whole_still_prints_wrapped() -> None:
    # No break point and too wide even at the smallest size: it wraps like any text, never lost.
    endless = "谢" * 60
    assert fit_lines(endless, 11, 100) == ([], MIN_CELL_SIZE)
    assert fit_lines("", 11, 100) == ([""], 11)
    w = Writer()
    para = w.fitted("申请人：", F("parties[0].name", "申请人姓名", endless, whole=True), width=120)
    assert para.style.fontSize == MIN_CELL_SIZE and not w.check.problems
    w.fitted(F("parties[1].name", "被申请人姓名", "\U0002ebf0田", whole=True), width=120)
    assert [(p.field, p.rule) for p in w.check.problems] == [("parties[1].name", "glyph_missing")]


def test_registration_of_three_people_keeps_every_cell_whole(env: Env) -> None:
    case_id = new_case(env, *people(2, 50), party(UYGHUR, 53, role="respondent"), amount="1234.5")
    doc = generate(env, case_id, "registration")
    assert doc.pages == 1
    assert on_one_line(doc.pdf, UYGHUR) and on_one_line(doc.pdf, "人民币1,234.50元")
