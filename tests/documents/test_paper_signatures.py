"""Who signs where: a line for each mediator; in the 调解记录 every party present or heard signs
once, a mediator listed among the participants signs only as mediator, an organisation seals and
its representative signs."""

from __future__ import annotations

import re

from document_helpers import case_with, generate, legal_party, page_texts, people
from service_helpers import (  # noqa: F401  (env is a fixture)
    Env,
    add_mediator,
    agreement_data,
    env,
    new_case,
    parties_of,
    party,
    session_data,
)

from mediation_desk.documents.blocks import F, Writer
from mediation_desk.documents.content import CaseRecord, load_record
from mediation_desk.documents.record_docs import session_signers
from mediation_desk.mediation import agreement as agreement_svc
from mediation_desk.mediation import assignment, sessions


def _two_mediators(env: Env, parties: list[dict[str, object]]) -> str:
    first, second = add_mediator(env, "谢阿根"), add_mediator(env, "俞小芳")
    case_id = new_case(env, *parties)
    assignment.assign(env.desk, env.admin, case_id, [first, second], lead=first, override_reason="两人熟悉情况")
    return case_id


def test_each_mediator_has_a_signature_line_of_their_own(env: Env) -> None:
    case_id = _two_mediators(env, [party("王永年", 61), party("陈建林", 62)])
    people_ids = parties_of(env.desk, case_id)
    sessions.add_session(env.desk, env.admin, case_id, session_data(people_ids))
    agreement_svc.record_agreement(env.desk, env.admin, case_id, agreement_data())
    text = "".join(page_texts(generate(env, case_id, "agreement").pdf))
    assert re.findall(r"调解员（签名）：＿+（(.+?)）", text) == ["谢阿根", "俞小芳"]
    assert "谢阿根、俞小芳" not in text


def test_the_session_record_is_signed_by_everyone_present_or_heard_once(env: Env) -> None:
    case_id = _two_mediators(env, [party("王永年", 63), party("陈建林", 64), legal_party(65)])
    ids = parties_of(env.desk, case_id)
    data = session_data(
        ids,
        # 陈建林 spoke but is not listed; a mediator and the recorder are listed among the participants
        participants=["王永年", "俞建国", "谢阿根", "金晓燕", "王小明"],
    )
    sessions.add_session(env.desk, env.admin, case_id, data)
    text = "".join(page_texts(generate(env, case_id, "session_record").pdf))
    signing = text[text.index("以上记录已向到场人员宣读") :]
    assert "申请人：王永年（签名）" in signing
    assert "被申请人一：陈建林（签名）" in signing  # heard, so present
    assert "被申请人二：上虞谢塘建材有限公司（盖章）" in signing
    assert "法定代表人或负责人（签名）" in signing
    assert "上虞谢塘建材有限公司（签名）" not in signing
    assert "参加人：王小明（签名）" in signing
    assert signing.count("谢阿根") == 1 and "谢阿根（签名）" not in signing
    assert signing.count("金晓燕") == 1 and "记录人（签名）" in signing
    assert sorted(re.findall(r"调解员(?:、记录人)?（签名）：＿+（(.+?)）", signing)) == ["俞小芳", "谢阿根"]


def test_a_mediator_who_keeps_the_record_signs_once_as_both(env: Env) -> None:
    case_id = _two_mediators(env, [party("王永年", 66), party("陈建林", 67)])
    data = session_data(parties_of(env.desk, case_id), recorder="俞小芳")
    sessions.add_session(env.desk, env.admin, case_id, data)
    text = "".join(page_texts(generate(env, case_id, "session_record").pdf))
    signing = text[text.index("以上记录已向到场人员宣读") :]
    assert "调解员、记录人（签名）" in signing and "记录人（签名）：" not in signing.replace("调解员、记录人", "")
    assert signing.count("俞小芳") == 1


def test_bad_input_nobody_named_means_the_parties_sign(env: Env) -> None:
    case_id = case_with(env, people(2))
    rec = _record(env, case_id)
    bare = rec.sessions[0].__class__(**{**rec.sessions[0].__dict__, "participants": (), "statements": ()})
    parties, others = session_signers(rec, bare)
    assert [p.name for p in parties] == ["王永年", "陈建林"] and others == []
    stranger = rec.sessions[0].__class__(**{**bare.__dict__, "participants": ("王永年", "王永年", "")})
    parties, others = session_signers(rec, stranger)
    assert [p.name for p in parties] == ["王永年"] and others == []  # repeated names sign once, blanks never
    w = Writer()
    w.text(F("sessions[0].participants[0]", "参加人", "\U0002ebf0"))
    assert w.check.problems[0].rule == "glyph_missing"


def _record(env: Env, case_id: str) -> CaseRecord:
    return load_record(env.desk, env.admin, case_id, env.desk.require_vault())
