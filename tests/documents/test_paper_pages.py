"""Page breaks that neither waste a page nor leave room for additions: the text of an agreement
runs on without gaps, a heading never ends a page, 以下无正文 closes the text, a page of
signatures alone says what it signs; the 受理登记表 is one page."""

from __future__ import annotations

import pytest
from document_helpers import case_with, generate, legal_party, page_texts, people
from paper_helpers import blank_at_foot, body_lines
from service_helpers import Env, env, new_case, party  # noqa: F401  (env is a fixture)

from mediation_desk.errors import ValidationError

MOST_BLANK = 0.15  # of the body frame, at the foot of a page the text goes on from
HEADINGS = ("纠纷主要事实", "争议事项", "各方责任", "自愿达成如下协议：")
TERM = "陈建林于本协议签订之日起十日内将围墙降低三十公分，施工费用由双方各自承担一半，村委会派人到场见证"


def _terms(n: int) -> list[str]:
    return [f"{TERM}（第{i + 1}项）" for i in range(n)]


@pytest.mark.parametrize("parties", [2, 3])
@pytest.mark.parametrize("terms", [1, 2, 3, 4, 6, 9])
def test_no_page_of_an_agreement_ends_in_a_gap_or_on_a_heading(env: Env, parties: int, terms: int) -> None:
    who = people(2) + ([legal_party(9)] if parties == 3 else [])
    doc = generate(env, case_with(env, who, terms=_terms(terms), facts="两家围墙高度争执。" * 12), "agreement")
    texts = page_texts(doc.pdf)
    ends = [i for i, t in enumerate(texts) if "（以下无正文）" in t]
    assert len(ends) == 1, "the text is closed once by 以下无正文"
    assert texts[ends[0]].index("（以下无正文）") > texts[ends[0]].find("本协议自各方当事人签名")
    for page in range(doc.pages - 1):
        last = body_lines(doc.pdf, page)[-1][1]
        assert not any(last.endswith(h) for h in HEADINGS), f"page {page + 1} ends on the heading {last}"
        if page < ends[0]:  # inside the text: a gap there could be written into
            blank = blank_at_foot(doc.pdf, page)
            assert blank < MOST_BLANK, f"page {page + 1} of {doc.pages} leaves {blank:.0%} blank inside the text"
    signing = next(i for i, t in enumerate(texts) if "当事人（签名、盖章或按指印）" in t)
    assert signing in (ends[0], ends[0] + 1)
    if signing != ends[0]:  # the signatures alone on their page: it names what it signs
        assert f"本页无正文，为《人民调解协议书》（编号：{doc.case_number}）的签署页".replace(" ", "") in texts[signing]
    else:
        assert "本页无正文" not in "".join(texts)


def test_the_term_after_the_last_is_end_of_text_in_the_oral_form_too(env: Env) -> None:
    doc = generate(env, case_with(env, people(3), form="oral", terms=_terms(3)), "oral_agreement")
    text = "".join(page_texts(doc.pdf))
    assert text.index("三、") < text.index("（以下无正文）") < text.index("当事人确认（签名或按指印）")


@pytest.mark.parametrize("who", ["two", "three", "company"])
def test_the_registration_form_is_one_page(env: Env, who: str) -> None:
    parties = {
        "two": [party("王永年", 11), party("陈建林", 12)],
        "three": [party("王永年", 13), party("阿依古丽·买买提", 14), party("陈建林", 15, role="respondent")],
        "company": [party("王永年", 16), party("陈建林", 17), legal_party(18)],
    }[who]
    case_id = new_case(
        env,
        *parties,
        brief_facts="两家因宅基地边界围墙的高度发生争执，多次口角，围墙挡住了申请人家的采光。" * 3,
        requests="请求被申请人将围墙降低三十公分并赔偿损失。",
        amount="3000",
    )
    doc = generate(env, case_id, "registration")
    assert doc.pages == 1
    text = page_texts(doc.pdf)[0]
    assert "当事人（签名或按指印）" in text and "登记人（签名）" in text and "（盖章）" in text


def test_a_document_that_cannot_be_made_is_refused_not_laid_out(env: Env) -> None:
    case_id = new_case(env, party("王永年", 21), party("陈建林", 22))
    with pytest.raises(ValidationError) as refused:
        generate(env, case_id, "agreement")
    assert refused.value.problems[0].rule == "document_not_available"
    with pytest.raises(ValidationError) as refused:
        generate(env, case_id, "page_break")
    assert refused.value.problems[0].rule == "document_kind"
