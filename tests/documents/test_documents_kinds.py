"""Each kind of document read back from its PDF; which kinds a case offers at each point of its
life; refusals: unknown kind or case, a locked desk, no reason, a role that may not see the
parties' full data."""

from __future__ import annotations

import datetime as dt

import pytest
from document_helpers import REASON, case_with, fonts_of, generate, missing, page_texts, people
from service_helpers import (  # noqa: F401  (env is a fixture)
    Env,
    actor,
    add_mediator,
    agreed_case,
    assigned_case,
    env,
    follow_up_case,
    mediating_case,
    new_case,
    parties_of,
    party,
    session_data,
)
from sqlalchemy import select

from mediation_desk import documents
from mediation_desk.core.models import AuditRecord
from mediation_desk.errors import NotFound, PermissionDenied, ValidationError
from mediation_desk.mediation import followup, sessions, workflow
from mediation_desk.mediation.models_case import Agreement, MediationCase
from mediation_desk.privacy.vault import Locked


def test_kinds_have_chinese_titles() -> None:
    assert list(documents.KINDS) == [
        "application",
        "registration",
        "rights_notice",
        "session_record",
        "agreement",
        "oral_agreement",
        "follow_up",
        "judicial_application",
        "termination_notice",
        "case_file",
    ]
    assert documents.KINDS["agreement"] == "人民调解协议书" and documents.KINDS["case_file"] == "人民调解卷宗"


def test_available_kinds_follow_the_case(env: Env) -> None:
    case_id = new_case(env)
    assert documents.available_kinds(env.desk, env.admin, case_id) == ["application", "registration", "rights_notice"]
    referred = new_case(
        env,
        party("谢国平", 31),
        party("金阿大", 32),
        source="referral",
        referrer_kind="police",
        referrer_name="谢塘派出所",
    )
    assert documents.available_kinds(env.desk, env.admin, referred) == ["registration", "rights_notice"]
    agreed = agreed_case(env, parties=[party("俞小芳", 33), party("钱大有", 34)])
    assert documents.available_kinds(env.desk, env.admin, agreed) == [
        "application",
        "registration",
        "rights_notice",
        "session_record",
        "agreement",
        "judicial_application",
    ]
    closed = follow_up_case(env, parties=[party("戴阿三", 35), party("王阿四", 36)])
    workflow.transition(env.desk, env.admin, closed, "closed")
    assert documents.available_kinds(env.desk, env.admin, closed) == [
        "application",
        "registration",
        "rights_notice",
        "session_record",
        "agreement",
        "follow_up",
        "judicial_application",
        "case_file",
    ]


def test_application_registration_and_rights_notice(env: Env) -> None:
    parties = [party("王永年", 41, occupation="农民"), party("陈建林", 42, occupation="个体户")]
    case_id = new_case(env, *parties, requests="请求陈建林拆除加高部分围墙", amount="3000")
    app = generate(env, case_id, "application")
    assert not missing(
        app.pdf,
        "人民调解申请书",
        "申请人",
        "王永年",
        "被申请人",
        "陈建林",
        "性别",
        "民族",
        "汉族",
        "年龄",
        "职业或职务",
        "农民",
        "个体户",
        "联系方式",
        parties[0]["phone"],
        "单位或住址",
        parties[0]["id_number"],
        "纠纷简要事实",
        "两家因宅基地边界围墙的高度发生争执",
        "申请事项",
        "请求陈建林拆除加高部分围墙",
        "申请人自愿申请人民调解委员会调解",
        "此致",
        "谢家塘村人民调解委员会",
        "申请人：王永年",
        "（签名）",
        "按指印",
        f"案号：{app.case_number}",
    )
    reg = generate(env, case_id, "registration")
    assert not missing(
        reg.pdf,
        "人民调解受理登记表",
        "受理日期",
        "纠纷类型",
        "邻里",
        "案件来源",
        "依申请",
        "涉及金额",
        "人民币3,000.00元（大写：叁仟元整）",
        "当事人",
        parties[1]["id_number"],
        "简要案情",
        "当事人请求",
        "登记人（签名）",
        "戴才良",
        "（盖章）",
    )
    notice = generate(env, case_id, "rights_notice")
    assert not missing(
        notice.pdf,
        "人民调解当事人权利义务告知书",
        "王永年、陈建林：",
        "选择或者接受人民调解员",
        "接受调解、拒绝调解或者要求终止调解",
        "要求调解公开进行或者不公开进行",
        "自主表达意愿、自愿达成调解协议",
        "如实陈述纠纷事实",
        "遵守调解现场秩序，尊重人民调解员",
        "尊重对方当事人行使权利",
        "不收取任何费用",
        "三十日内共同向人民法院申请司法确认",
        "以上内容已告知，当事人已知悉",
        "按指印",
    )
    for doc in (app, reg, notice):
        assert all(f["embedded"] for f in fonts_of(doc.pdf))
        pages = page_texts(doc.pdf)
        assert all(f"第{i}页共{len(pages)}页" in t for i, t in enumerate(pages, 1))


def test_session_record_prints_every_session_with_its_signatures(env: Env) -> None:
    case_id, _ = assigned_case(env, accepted_on="2026-11-01")
    people_ids = parties_of(env.desk, case_id)
    sessions.add_session(
        env.desk,
        env.admin,
        case_id,
        session_data(
            people_ids,
            held_at="2026-11-02 09:30",
            helpers=["村支书谢国平"],
            outcome="continue",
            facts_checked="围墙高出约定三十公分",
            result="双方各自回去商量",
        ),
    )
    first = sessions.list_sessions(env.desk, case_id)[0]
    sessions.correct_session(env.desk, env.admin, first.id, {"place": "谢家塘村文化礼堂"}, "地点记错")
    sessions.add_session(env.desk, env.admin, case_id, session_data(people_ids, held_at="2026-11-09 14:00"))
    doc = generate(env, case_id, "session_record")
    pages = page_texts(doc.pdf)
    assert len(pages) >= 2
    assert not missing(
        doc.pdf,
        "人民调解记录",
        "（第1次，共2次）",
        "（第2次，共2次）",
        "2026年11月2日09:30",
        "谢家塘村文化礼堂",
        "本记录为更正后的第2版",
        "地点记错",
        "调解事项",
        "围墙高度",
        "申请人：王永年；被申请人：陈建林",
        "调解员",
        "谢阿根",
        "记录人",
        "金晓燕",
        "邀请协助人员",
        "村支书谢国平",
        "告知当事人权利义务：已告知",
        "当事人陈述",
        "王永年：第1方陈述",
        "查明事实",
        "围墙高出约定三十公分",
        "调解结果",
        "继续调解。双方各自回去商量",
        "达成协议。双方同意围墙降低三十公分",
        "以上记录已向到场人员宣读",
        "申请人：王永年（签名）",
        "被申请人：陈建林（签名）",
        "调解员（签名）",
        "记录人（签名）",
    )
    assert "谢家塘村文化礼堂" in pages[0] and "谢家塘村调解室" not in pages[0]  # the corrected version


def test_follow_up_record(env: Env) -> None:
    case_id = follow_up_case(env, perf="partial")
    doc = generate(env, case_id, "follow_up")
    assert not missing(
        doc.pdf,
        "人民调解回访记录",
        "协议书编号",
        doc.case_number,
        "回访对象",
        "王永年、陈建林",
        "回访事由",
        "履行情况",
        "部分履行",
        "满意度",
        "满意",
        "有无新的矛盾",
        "无",
        "回访情况",
        "已按协议降低围墙",
        "回访人（签名）",
        "戴才良",
    )


def test_unavailable_kinds_are_refused_with_the_reason(env: Env) -> None:
    case_id = new_case(env)
    for kind, words in (
        ("session_record", "尚无调解记录"),
        ("agreement", "没有书面调解协议"),
        ("oral_agreement", "没有口头调解协议"),
        ("follow_up", "尚无回访记录"),
        ("judicial_application", "签字生效后"),
        ("case_file", "办结"),
    ):
        with pytest.raises(ValidationError) as refused:
            generate(env, case_id, kind)
        (problem,) = refused.value.problems
        assert (problem.field, problem.rule) == ("kind", "document_not_available")
        assert words in problem.message and documents.KINDS[kind] in problem.message


def test_judicial_application_after_the_30_days_is_refused(env: Env) -> None:
    case_id = case_with(env, people(2))
    with env.desk.write(env.admin) as uow:  # the agreement took effect long ago
        a = uow.session.scalars(select(Agreement).where(Agreement.case_id == case_id)).one()
        a.reached_on = a.effective_on = dt.date(2026, 1, 5)
        a.judicial_deadline = dt.date(2026, 2, 4)
    with pytest.raises(ValidationError) as refused:
        generate(env, case_id, "judicial_application")
    assert (
        "已超过司法确认申请期限" in refused.value.problems[0].message
        and "2026-02-04" in refused.value.problems[0].message
    )


@pytest.mark.parametrize("kind", ["", "contract", "AGREEMENT", None, 3])
def test_unknown_kind_is_refused(env: Env, kind: object) -> None:
    case_id = new_case(env)
    with pytest.raises(ValidationError) as refused:
        documents.generate(env.desk, env.admin, case_id, kind, reason=REASON)  # type: ignore[arg-type]
    assert refused.value.problems[0].field == "kind" and refused.value.problems[0].rule == "document_kind"


def test_unknown_case_is_refused(env: Env) -> None:
    with pytest.raises(NotFound):
        generate(env, "（2026）谢调字第 9999 号", "registration")
    with pytest.raises(NotFound):
        documents.available_kinds(env.desk, env.admin, "no-such-case")


def test_locked_desk_is_refused_and_nothing_is_audited(env: Env) -> None:
    case_id = new_case(env)
    env.desk.lock()
    with pytest.raises(Locked):
        generate(env, case_id, "registration")
    # Which documents exist reads no personal data: the list is there, generating is not.
    assert "registration" in documents.available_kinds(env.desk, env.admin, case_id)
    with env.desk.read() as s:
        assert not s.scalars(select(AuditRecord).where(AuditRecord.action == "document.generate")).all()


def test_reason_rules(env: Env) -> None:
    case_id = new_case(env)
    with pytest.raises(ValidationError) as refused:
        documents.generate(env.desk, env.admin, case_id, "registration", reason="理" * 201)
    assert refused.value.problems[0].field == "reason" and refused.value.problems[0].rule == "too_long"
    with pytest.raises(ValidationError) as refused:
        documents.generate(env.desk, env.admin, case_id, "registration", reason="打印\x07")
    assert refused.value.problems[0].rule == "control_character"


def test_a_mediator_generates_only_for_own_cases(env: Env) -> None:
    mine = add_mediator(env, "谢阿根")
    other = add_mediator(env, "金阿毛")
    own_case, _ = assigned_case(env, mediator_id=mine)
    other_case, _ = assigned_case(env, mediator_id=other, parties=[party("谢国平", 51), party("俞小芳", 52)])
    me = actor(env, "xieagen", "mediator", mediator_id=mine)
    assert documents.generate(env.desk, me, own_case, "registration", reason=REASON).pages >= 1
    with pytest.raises(PermissionDenied):
        documents.generate(env.desk, me, other_case, "registration", reason=REASON)
    with pytest.raises(PermissionDenied):
        documents.available_kinds(env.desk, me, other_case)
    with env.desk.read() as s:
        actions = list(s.scalars(select(AuditRecord.action).where(AuditRecord.entity_id == other_case)))
    assert "access.denied" in actions and "document.generate" not in actions


def test_a_purged_case_has_no_documents(env: Env) -> None:
    case_id = new_case(env)
    with env.desk.write(env.admin) as uow:
        uow.session.get(MediationCase, case_id).purged_at = uow.now  # type: ignore[union-attr]
    with pytest.raises(ValidationError) as refused:
        generate(env, case_id, "registration")
    assert refused.value.problems[0].rule == "case_purged"


def test_record_export_is_audited_and_checked(env: Env) -> None:
    case_id = mediating_case(env)
    doc = generate(env, case_id, "session_record")
    documents.record_export(env.desk, env.admin, case_id, "session_record", doc.sha256, "print")
    documents.record_export(env.desk, env.admin, doc.case_number, "session_record", doc.sha256.upper(), "save")
    with env.desk.read() as s:
        exports = [r.detail for r in s.scalars(select(AuditRecord).where(AuditRecord.action == "document.export"))]
    assert [(e["how"], e["kind"], e["sha256"]) for e in exports] == [
        ("print", "session_record", doc.sha256),
        ("save", "session_record", doc.sha256),
    ]
    bad = [
        ("session_record", doc.sha256, "email", "how"),
        ("session_record", "abc", "print", "sha256"),
        ("agreement", doc.sha256, "print", "sha256"),
        ("session_record", "0" * 64, "print", "sha256"),
        ("letter", doc.sha256, "print", "kind"),
    ]
    for kind, digest, how, field in bad:
        with pytest.raises(ValidationError) as refused:
            documents.record_export(env.desk, env.admin, case_id, kind, digest, how)
        assert refused.value.problems[0].field == field
    with pytest.raises(NotFound):
        documents.record_export(env.desk, env.admin, "no-such-case", "session_record", doc.sha256, "print")


def test_follow_up_scheduled_but_not_done_is_not_a_record(env: Env) -> None:
    case_id = agreed_case(env)
    followup.schedule_follow_up(env.desk, env.admin, case_id, "2030-01-01", "到期回访")
    assert "follow_up" not in documents.available_kinds(env.desk, env.admin, case_id)
