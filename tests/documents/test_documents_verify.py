"""Verifying a printed agreement against the record, offline: the original matches; a record
altered after printing does not, naming what changed; unknown numbers are not found; malformed
codes are refused clearly."""

from __future__ import annotations

import pytest
from document_helpers import case_with, generate, people, qr_codes
from service_helpers import Env, actor, add_mediator, env, new_case  # noqa: F401  (env is a fixture)
from sqlalchemy import select

from mediation_desk import documents
from mediation_desk.core.models import AuditRecord
from mediation_desk.documents import canonical
from mediation_desk.errors import PermissionDenied
from mediation_desk.mediation import agreement as agreement_svc
from mediation_desk.mediation import followup, workflow
from mediation_desk.mediation.models_case import Agreement, CaseParty, MediationCase
from mediation_desk.people.identity import Secrets, seal_secrets, secrets_of
from mediation_desk.people.models import Person
from mediation_desk.privacy.vault import Locked


def printed(env: Env, **kw: object) -> tuple[str, str]:
    case_id = case_with(env, people(2), **kw)  # type: ignore[arg-type]
    doc = generate(env, case_id, "agreement")
    assert doc.verification_payload is not None
    return case_id, doc.verification_payload


def edit_agreement(env: Env, case_id: str, **fields: object) -> None:
    """A change made to the stored agreement after printing (by a correction or by tampering)."""
    with env.desk.write(env.admin) as uow:
        a = uow.session.scalars(select(Agreement).where(Agreement.case_id == case_id)).one()
        for k, v in fields.items():
            setattr(a, k, v)


def first_party(env: Env, case_id: str) -> str:
    with env.desk.read() as s:
        return (
            s.scalars(
                select(CaseParty.person_id).where(CaseParty.case_id == case_id).order_by(CaseParty.position)
            ).first()
            or ""
        )


def test_the_original_matches(env: Env) -> None:
    case_id, payload = printed(env)
    result = documents.verify(env.desk, env.admin, payload)
    assert (result.status, result.case_id, result.changed_fields) == ("match", case_id, ())
    assert "一致" in result.message and any("王永年、陈建林" in d for d in result.details)
    with env.desk.read() as s:
        audit = s.scalars(select(AuditRecord).where(AuditRecord.action == "document.verify")).one()
    assert (audit.entity_id, audit.detail["status"]) == (case_id, "match")


def test_signing_or_a_new_phone_after_printing_still_matches(env: Env) -> None:
    case_id, payload = printed(env, signed=False)
    agreement_svc.confirm_signatures(env.desk, env.admin, case_id)
    with env.desk.write(env.admin) as uow:  # a party's phone changes later: not part of the agreement
        person = uow.session.get(Person, first_party(env, case_id))
        old = secrets_of(person, env.desk.vault)
        seal_secrets(person, env.desk.require_vault(), Secrets(old.id_number, "13812345678", old.address))
    assert documents.verify(env.desk, env.admin, payload).status == "match"


def test_an_altered_term_is_a_mismatch_naming_the_term(env: Env) -> None:
    case_id, payload = printed(env)
    edit_agreement(env, case_id, terms=["陈建林将围墙降低三十公分", "王永年承担全部费用"])
    result = documents.verify(env.desk, env.admin, payload)
    assert result.status == "mismatch" and "改动" in result.message
    assert result.changed_fields == ("terms[1]",)
    assert any("第 2 项条款" in d for d in result.details)
    assert any("打印版本生成于" in d and "daicailiang" in d for d in result.details)


def test_added_terms_and_a_new_deadline_are_named(env: Env) -> None:
    case_id, payload = printed(env)
    edit_agreement(
        env,
        case_id,
        terms=["陈建林将围墙降低三十公分", "王永年承担一半费用", "另赔偿五百元"],
        performance_deadline=None,
    )
    result = documents.verify(env.desk, env.admin, payload)
    assert set(result.changed_fields) == {"terms", "terms[2]", "performance_deadline"}
    text = "".join(result.details)
    assert "条款数量" in text and "第 3 项条款" in text and "履行期限" in text


def test_a_changed_identity_number_or_name_is_a_mismatch(env: Env) -> None:
    case_id, payload = printed(env)
    with env.desk.write(env.admin) as uow:
        person = uow.session.get(Person, first_party(env, case_id))
        old = secrets_of(person, env.desk.vault)
        seal_secrets(person, env.desk.require_vault(), Secrets("11010519491231002X", old.phone, old.address))
        person.name = "王永军"
    result = documents.verify(env.desk, env.admin, payload)
    assert set(result.changed_fields) == {"parties[0].id_number", "parties[0].name"}
    assert any("第 1 方当事人的证件号码" in d and "第 1 方当事人的姓名或名称" in d for d in result.details)


def test_a_version_this_desk_never_printed_is_a_mismatch_without_details(env: Env) -> None:
    _, payload = printed(env)
    forged = payload.rsplit("|", 1)[0] + "|" + "ab" * 32
    result = documents.verify(env.desk, env.admin, forged)
    assert result.status == "mismatch" and result.changed_fields == ()
    assert any("无法确定" in d for d in result.details)


def test_a_loosely_typed_number_still_verifies(env: Env) -> None:
    _, payload = printed(env)
    tag, code, number, digest = payload.split("|")
    typed = f"{tag}|{code}|{number.replace('（', '(').replace('）', ')').replace(' ', '')}|{digest.upper()}"
    assert documents.verify(env.desk, env.admin, f"  {typed}\n").status == "match"


def test_unknown_agreements_are_not_found(env: Env) -> None:
    _, payload = printed(env)
    tag, code, number, digest = payload.split("|")
    unknown = documents.verify(env.desk, env.admin, f"{tag}|{code}|（2026）谢调字第 0999 号|{digest}")
    assert unknown.status == "not_found" and "0999" in unknown.message
    other = documents.verify(env.desk, env.admin, f"{tag}|SY-009|{number}|{digest}")
    assert other.status == "not_found" and "SY-009" in "".join(other.details)
    no_agreement = new_case(env)
    with env.desk.read() as s:
        bare = s.get(MediationCase, no_agreement).number  # type: ignore[union-attr]
    result = documents.verify(env.desk, env.admin, f"{tag}|{code}|{bare}|{digest}")
    assert result.status == "not_found" and "没有登记调解协议" in result.message


@pytest.mark.parametrize(
    "payload, rule_words",
    [
        ("", "不能为空"),
        ("   ", "不能为空"),
        (None, "不能为空"),
        ("hello", "MDA1|"),
        ("MDA2|XT-001|（2026）谢调字第 0001 号|" + "a" * 64, "MDA1|"),
        ("MDA1|XT-001|（2026）谢调字第 0001 号", "四段"),
        ("MDA1|XT-001|（2026）谢调字第 0001 号|" + "a" * 64 + "|x", "四段"),
        ("MDA1|X T|（2026）谢调字第 0001 号|" + "a" * 64, "委员会代码"),
        ("MDA1|XT-001|第一号|" + "a" * 64, "协议书编号"),
        ("MDA1|XT-001|（2026）谢调字第 0001 号|" + "g" * 64, "64 位十六进制"),
        ("MDA1|XT-001|（2026）谢调字第 0001 号|abc", "64 位十六进制"),
        ("MDA1|" + "x" * 400, "过长"),
    ],
)
def test_malformed_payloads_are_invalid_with_a_clear_message(env: Env, payload: object, rule_words: str) -> None:
    result = documents.verify(env.desk, env.admin, payload)  # type: ignore[arg-type]
    assert result.status == "invalid" and rule_words in result.message, result
    assert result.case_id is None


def test_verifying_needs_the_unlocked_desk_and_the_right_to_see_the_case(env: Env) -> None:
    _, payload = printed(env)
    stranger = actor(env, "jinamao", "mediator", mediator_id=add_mediator(env, "金阿毛"))
    with pytest.raises(PermissionDenied):
        documents.verify(env.desk, stranger, payload)
    env.desk.lock()
    with pytest.raises(Locked):
        documents.verify(env.desk, env.admin, payload)


def test_the_case_file_carries_the_same_verification_code(env: Env) -> None:
    case_id, payload = printed(env)
    followup.record_follow_up(
        env.desk,
        env.admin,
        case_id,
        {"performance_status": "fully_performed", "satisfaction": "satisfied", "notes": "已履行"},
    )
    workflow.transition(env.desk, env.admin, case_id, "closed")
    doc = generate(env, case_id, "case_file")
    assert doc.verification_payload == payload
    codes = [c for page in range(doc.pages) for c in qr_codes(doc.pdf, page)]
    assert codes == [payload]
    assert canonical.parse_payload(codes[0]).sha256 == payload.rsplit("|", 1)[1]
