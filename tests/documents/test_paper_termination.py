"""终止调解告知书 (人民调解法第二十六条): a notice to each party with the reason, the day mediation
ended and the routes they were told of, sealed by the committee; kept in the case file; refused
for a case whose mediation was not ended."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from document_helpers import generate, legal_party, page_texts
from service_helpers import Env, env, mediating_case, party  # noqa: F401  (env is a fixture)

from mediation_desk import documents
from mediation_desk.core.uow import CHINA, acting_at
from mediation_desk.documents.blocks import chinese_date
from mediation_desk.errors import ValidationError
from mediation_desk.mediation import workflow

REASON = "被申请人明确表示不再接受调解，双方对赔偿数额分歧较大"


def _terminated(env: Env) -> str:
    case_id = mediating_case(env, parties=[party("王永年", 91), party("陈建林", 92), legal_party(93)])
    workflow.transition(env.desk, env.admin, case_id, "terminated", reason=REASON, routes=["litigation", "arbitration"])
    return case_id


def test_each_party_gets_a_notice_with_reason_date_routes_and_seal(env: Env) -> None:
    case_id = _terminated(env)
    assert "termination_notice" in documents.available_kinds(env.desk, env.admin, case_id)
    doc = generate(env, case_id, "termination_notice")
    assert (doc.kind, doc.title) == ("termination_notice", "终止调解告知书")
    pages = page_texts(doc.pdf)
    assert len(pages) == 3  # one notice, one page, per party
    addressed = ["申请人王永年：", "被申请人一陈建林：", "被申请人二上虞谢塘建材有限公司："]
    for page, to in zip(pages, addressed, strict=True):
        assert page.count("终止调解告知书") == 1 and to in page
        assert REASON in page and "人民调解法》第二十六条" in page
        assert "依法向人民法院提起诉讼" in page and "依法申请仲裁" in page and "行政机关" not in page.split("现告知")[1]
        assert "谢家塘村人民调解委员会（盖章）" in page and "签收" in page
        assert "第1页共1页" in page  # each notice counts its own pages
        assert f"决定自{chinese_date(documents_day(env, case_id))}起终止调解".replace(" ", "") in page
    assert "你单位与王永年、陈建林之间的" in pages[2] and "你与陈建林、上虞谢塘建材有限公司之间的" in pages[0]


def documents_day(env: Env, case_id: str) -> object:
    from mediation_desk.documents.content import load_record

    return load_record(env.desk, env.admin, case_id, None, action="case.view").terminated_on


def test_the_notice_keeps_its_day_and_goes_into_the_case_file(env: Env) -> None:
    with acting_at(dt.datetime(2026, 11, 20, 9, 0, tzinfo=CHINA)):
        case_id = mediating_case(env, parties=[party("王永年", 94), party("陈建林", 95)])
        workflow.transition(env.desk, env.admin, case_id, "terminated", reason=REASON, routes=["litigation"])
    text = "".join(page_texts(generate(env, case_id, "termination_notice").pdf))
    assert "决定自2026年11月20日起终止调解" in text and "2026年11月20日" in text.split("（盖章）")[1]
    workflow.transition(env.desk, env.admin, case_id, "closed")
    assert "termination_notice" in documents.available_kinds(env.desk, env.admin, case_id)  # still, once closed
    file_text = "".join(page_texts(generate(env, case_id, "case_file").pdf))
    assert "终止调解告知书" in file_text.split("卷内目录")[1][:400]
    assert "你与陈建林之间的" in file_text and "你与王永年之间的" in file_text


def test_bad_input_no_notice_when_mediation_did_not_end(env: Env) -> None:
    case_id = mediating_case(env)
    assert "termination_notice" not in documents.available_kinds(env.desk, env.admin, case_id)
    with pytest.raises(ValidationError) as refused:
        generate(env, case_id, "termination_notice")
    problem = refused.value.problems[0]
    assert (problem.field, problem.rule) == ("kind", "document_not_available")
    assert "人民调解法第二十六条" in problem.message
    with pytest.raises(ValidationError) as refused:
        generate(env, case_id, "termination_notice", reason="  ")
    assert refused.value.problems[0].field == "reason"


def test_an_agreement_reads_the_case_without_what_only_other_documents_print(env: Env) -> None:
    from mediation_desk.documents.content import AGREEMENT_PARTS, load_record

    case_id = _terminated(env)
    whole = load_record(env.desk, env.admin, case_id, None, action="case.view")
    assert whole.terminated_on is not None and whole.termination_routes and whole.registrar
    read = load_record(env.desk, env.admin, case_id, None, action="case.view", parts=AGREEMENT_PARTS)
    assert read == dataclasses.replace(
        whole,
        follow_ups=(),
        attachments=(),
        registrar="",
        terminated_on=None,
        termination_reason=None,
        termination_routes=(),
    )
