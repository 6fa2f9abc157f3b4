"""Separate consent (PIPL art. 29) and its withdrawal: recorded and audited (who, when, why), by
those the role table lets (`consent.manage`: 主任 and 记录员), the erasure handlers the capabilities
registered for the purpose run in the same unit of work, a purpose nobody keeps data for says so,
and a case file is never erased by a withdrawal (it is kept for the mediation itself, until its
retention period ends)."""

from __future__ import annotations

import pytest
from service_helpers import (  # noqa: F401  (env is a fixture)
    Env,
    actor,
    add_mediator,
    audit_actions,
    case_row,
    count,
    env,
    intake,
    parties_of,
    party,
    refused,
)
from sqlalchemy import select, update

from mediation_desk.alarms import data_lifecycle as alarms_lifecycle
from mediation_desk.capabilities import register_all
from mediation_desk.core.audit import verify_chain
from mediation_desk.core.models import AuditRecord
from mediation_desk.core.registry import REGISTRY, ConsentPurpose, Registry
from mediation_desk.core.uow import Actor, UnitOfWork
from mediation_desk.errors import PermissionDenied, ValidationError
from mediation_desk.lifecycle import consent
from mediation_desk.lifecycle.models import Consent
from mediation_desk.mediation import intake as intake_svc
from mediation_desk.people.identity import secrets_of
from mediation_desk.people.models import Person
from mediation_desk.privacy import roles
from mediation_desk.storage.state import DeskState


@pytest.fixture
def person(env: Env) -> str:
    """A party of an open case (processed for the mediation itself)."""
    case_id = intake_svc.open_case(
        env.desk, env.admin, intake(party("王永年", 1, phone="13957501234"), party("陈建林", 2))
    )
    return parties_of(env.desk, case_id)[0]


@pytest.fixture
def registry() -> Registry:
    """Every capability registered, as at start-up, in a registry of this test's own (a test adds
    erasure handlers to it, as a capability that keeps data for a purpose does)."""
    return register_all(Registry())


def active(env: Env, person_id: str, purpose: str) -> bool:
    with env.desk.read() as s:
        return consent.has_consent(s, person_id, purpose)


def test_purposes_are_those_the_capabilities_registered() -> None:
    assert consent.purposes() == {
        "sms_notice": "短信通知",
        "photo_publicity": "调解案例宣传使用照片",
        "bracelet_location": "手环定位",
        "bracelet_health": "健康信息（手环）",
    }
    assert REGISTRY.standing_purposes() == {"bracelet_location", "bracelet_health"}
    # No SMS is sent and no photo kept for publicity: those have no erasure handler to run. The
    # bracelet alarms keep positions and health notes, and erase them.
    assert {code: p.erase for code, p in REGISTRY.consent_purposes.items()} == {
        "sms_notice": (),
        "photo_publicity": (),
        "bracelet_location": (alarms_lifecycle.erase_locations,),
        "bracelet_health": (alarms_lifecycle.erase_health,),
    }


def test_a_purpose_registered_again_adds_its_handler(registry: Registry) -> None:
    def erase_locations(uow: UnitOfWork, person_id: str) -> int:
        return 0

    registry.add_consent_purpose(ConsentPurpose("bracelet_location", "手环定位", True, (erase_locations,)))
    registry.add_consent_purpose(ConsentPurpose("bracelet_location", "手环定位", True, (erase_locations,)))
    held = registry.consent_purposes["bracelet_location"].erase
    assert held == (alarms_lifecycle.erase_locations, erase_locations)  # the bracelets' own first
    with pytest.raises(ValueError, match="registered twice"):  # the same code for something else is a programming error
        registry.add_consent_purpose(ConsentPurpose("bracelet_location", "手环位置", True))
    with pytest.raises(ValueError, match="registered twice"):
        registry.add_consent_purpose(ConsentPurpose("sms_notice", "短信通知", standing=True))


def test_give_list_and_has(env: Env, person: str) -> None:
    assert not active(env, person, "sms_notice")
    consent_id = consent.give_consent(env.desk, env.admin, person, "sms_notice", note="签字同意书已归档")
    assert active(env, person, "sms_notice") and not active(env, person, "photo_publicity")
    [view] = consent.list_consents(env.desk, env.admin, person)
    assert (view.id, view.purpose, view.purpose_label, view.note, view.recorded_by) == (
        consent_id,
        "sms_notice",
        "短信通知",
        "签字同意书已归档",
        env.admin.username,
    )
    assert view.active and view.withdrawn_at is None and view.withdrawal_reason is None
    with env.desk.read() as s:
        rec = s.scalars(select(AuditRecord).where(AuditRecord.action == "consent.give")).one()
        assert (rec.entity, rec.entity_id, rec.actor_name) == ("person", person, env.admin.username)
        assert rec.detail == {"consent_id": consent_id, "purpose": "sms_notice", "has_note": True}


def test_giving_twice_is_refused(env: Env, person: str) -> None:
    consent.give_consent(env.desk, env.admin, person, "photo_publicity")
    with pytest.raises(ValidationError) as e:
        consent.give_consent(env.desk, env.admin, person, "photo_publicity")
    assert refused(e) == {("purpose", "consent_already_active")}
    assert count(env.desk, Consent) == 1


def test_withdraw_records_who_when_why(env: Env, person: str) -> None:
    clerk = actor(env, "clerk", "clerk")
    consent_id = consent.give_consent(env.desk, env.admin, person, "sms_notice")
    report = consent.withdraw_consent(env.desk, clerk, person, "sms_notice", "  不想再收到短信  ")
    assert (report.consent_id, report.person_id, report.purpose, report.erased, report.handlers) == (
        consent_id,
        person,
        "sms_notice",
        0,
        0,
    )
    assert report.outcome == "本机没有为「短信通知」保存个人信息（尚无功能为此用途处理数据），无需删除"
    assert not active(env, person, "sms_notice")
    [view] = consent.list_consents(env.desk, env.admin, person)
    assert not view.active and view.withdrawn_at == report.withdrawn_at
    assert (view.withdrawn_by, view.withdrawal_reason) == ("clerk", "不想再收到短信")
    with env.desk.read() as s:
        rec = s.scalars(select(AuditRecord).where(AuditRecord.action == "consent.withdraw")).one()
        assert (rec.entity_id, rec.actor_name, rec.at) == (person, "clerk", report.withdrawn_at)
        # The free-text reason stays on the consent row (erasable), never in the audit record.
        assert "reason" not in rec.detail and rec.detail["consent_id"] == consent_id
        assert verify_chain(s).ok
    # Given again later: a new consent; the old one stays on record as withdrawn.
    again = consent.give_consent(env.desk, env.admin, person, "sms_notice")
    assert again != consent_id and active(env, person, "sms_notice")
    listed = consent.list_consents(env.desk, env.admin, person)
    assert [(v.id, v.active) for v in listed] == [(consent_id, False), (again, True)]


def test_withdrawing_what_is_not_in_force(env: Env, person: str) -> None:
    with pytest.raises(ValidationError) as e:
        consent.withdraw_consent(env.desk, env.admin, person, "bracelet_health", "不再佩戴")
    assert refused(e) == {("purpose", "consent_not_active")}
    consent.give_consent(env.desk, env.admin, person, "bracelet_health")
    consent.withdraw_consent(env.desk, env.admin, person, "bracelet_health", "不再佩戴")
    with pytest.raises(ValidationError) as e:
        consent.withdraw_consent(env.desk, env.admin, person, "bracelet_health", "不再佩戴")
    assert refused(e) == {("purpose", "consent_not_active")}
    assert audit_actions(env.desk).count("consent.withdraw") == 1


def test_withdrawal_runs_the_purposes_handlers_in_its_unit_of_work(env: Env, person: str, registry: Registry) -> None:
    calls: list[tuple[str, str]] = []

    def erase_locations(uow: UnitOfWork, person_id: str) -> int:
        calls.append(("location", person_id))
        uow.session.merge(DeskState(key="test_erased", value=person_id))  # committed with the withdrawal
        return 3

    def erase_more(uow: UnitOfWork, person_id: str) -> int:
        calls.append(("more", person_id))
        return 2

    def erase_health(uow: UnitOfWork, person_id: str) -> int:
        calls.append(("health", person_id))
        return 7

    for purpose, fn in (
        ("bracelet_location", erase_locations),
        ("bracelet_location", erase_locations),
        ("bracelet_location", erase_more),
        ("bracelet_health", erase_health),
    ):
        # Two capabilities keep location data; registering one twice runs it once.
        held = registry.consent_purposes[purpose]
        registry.add_consent_purpose(ConsentPurpose(purpose, held.label, held.standing, (fn,)))
    consent.give_consent(env.desk, env.admin, person, "bracelet_location", registry=registry)
    report = consent.withdraw_consent(
        env.desk, env.admin, person, "bracelet_location", "本人要求停止定位", registry=registry
    )
    assert (report.erased, report.handlers) == (5, 3)  # the bracelets' own (nothing held) and these two
    assert report.outcome == "已删除为「手环定位」保存的 5 项个人信息"
    assert calls == [("location", person), ("more", person)]
    with env.desk.read() as s:
        assert s.get(DeskState, "test_erased").value == person
        rec = s.scalars(select(AuditRecord).where(AuditRecord.action == "consent.withdraw")).one()
        assert (rec.detail["erased"], rec.detail["handlers"]) == (5, 3)


def test_a_handler_that_finds_nothing_says_so(env: Env, person: str, registry: Registry) -> None:
    registry.add_consent_purpose(
        ConsentPurpose("photo_publicity", "调解案例宣传使用照片", erase=(lambda uow, person_id: 0,))
    )
    consent.give_consent(env.desk, env.admin, person, "photo_publicity")
    report = consent.withdraw_consent(env.desk, env.admin, person, "photo_publicity", "不同意宣传", registry=registry)
    assert (report.erased, report.handlers) == (0, 1)
    assert report.outcome == "本机没有为「调解案例宣传使用照片」保存该当事人的个人信息，无需删除"


def test_a_failing_handler_withdraws_nothing(env: Env, person: str, registry: Registry) -> None:
    def broken(uow: UnitOfWork, person_id: str) -> int:
        uow.session.merge(DeskState(key="test_half_done", value="x"))
        raise RuntimeError("device store unavailable")

    registry.add_consent_purpose(ConsentPurpose("bracelet_health", "健康信息（手环）", True, (broken,)))
    consent.give_consent(env.desk, env.admin, person, "bracelet_health")
    with pytest.raises(RuntimeError):
        consent.withdraw_consent(env.desk, env.admin, person, "bracelet_health", "本人要求", registry=registry)
    assert active(env, person, "bracelet_health")
    assert "consent.withdraw" not in audit_actions(env.desk)
    with env.desk.read() as s:
        assert s.get(DeskState, "test_half_done") is None


def test_withdrawal_does_not_erase_the_case_file(env: Env, person: str) -> None:
    consent.give_consent(env.desk, env.admin, person, "sms_notice")
    consent.withdraw_consent(env.desk, env.admin, person, "sms_notice", "不需要短信")
    with env.desk.read() as s:
        p = s.get(Person, person)
        assert p.name == "王永年" and p.purged_at is None
        assert secrets_of(p, env.desk.vault).phone == "13957501234"


@pytest.mark.parametrize("purpose", ["", "marketing", "SMS_NOTICE", "bracelet"])
def test_unknown_purpose(env: Env, person: str, purpose: str) -> None:
    with pytest.raises(ValidationError) as e:
        consent.give_consent(env.desk, env.admin, person, purpose)
    assert refused(e) == {("purpose", "consent_purpose")}
    with pytest.raises(ValidationError) as e:
        consent.withdraw_consent(env.desk, env.admin, person, purpose, "理由")
    assert refused(e) == {("purpose", "consent_purpose")}
    with env.desk.read() as s, pytest.raises(ValidationError):
        consent.has_consent(s, person, purpose)
    assert count(env.desk, Consent) == 0


@pytest.mark.parametrize("person_id", ["", "no-such-person", "00000000-0000-0000-0000-000000000000"])
def test_unknown_person(env: Env, person_id: str) -> None:
    with pytest.raises(ValidationError) as e:
        consent.give_consent(env.desk, env.admin, person_id, "sms_notice")
    assert refused(e) == {("person_id", "person_unknown")}
    with pytest.raises(ValidationError) as e:
        consent.withdraw_consent(env.desk, env.admin, person_id, "sms_notice", "理由")
    assert refused(e) == {("person_id", "person_unknown")}
    with pytest.raises(ValidationError):
        consent.list_consents(env.desk, env.admin, person_id)
    with env.desk.read() as s:
        assert not consent.has_consent(s, person_id, "sms_notice")
    assert count(env.desk, Consent) == 0


@pytest.mark.parametrize("reason", ["", "   ", None])
def test_withdrawal_needs_a_reason(env: Env, person: str, reason: str | None) -> None:
    consent.give_consent(env.desk, env.admin, person, "sms_notice")
    with pytest.raises(ValidationError) as e:
        consent.withdraw_consent(env.desk, env.admin, person, "sms_notice", reason)  # type: ignore[arg-type]
    assert refused(e) == {("reason", "required")}
    assert active(env, person, "sms_notice")


def test_bad_note_and_reason_text(env: Env, person: str) -> None:
    with pytest.raises(ValidationError) as e:
        consent.give_consent(env.desk, env.admin, person, "sms_notice", note="x" * 501)
    assert refused(e) == {("note", "too_long")}
    consent.give_consent(env.desk, env.admin, person, "sms_notice")
    with pytest.raises(ValidationError) as e:
        consent.withdraw_consent(env.desk, env.admin, person, "sms_notice", "理由\x00")
    assert {p.field for p in e.value.problems} == {"reason"}


def test_a_purged_person_has_no_consent_and_cannot_give_one(env: Env, person: str) -> None:
    consent.give_consent(env.desk, env.admin, person, "photo_publicity")
    with env.desk.write(env.admin) as uow:  # as retention's purge leaves a person
        uow.session.execute(update(Person).where(Person.id == person).values(name="（已清除）", purged_at=uow.now))
    assert not active(env, person, "photo_publicity")
    with pytest.raises(ValidationError) as e:
        consent.give_consent(env.desk, env.admin, person, "sms_notice")
    assert refused(e) == {("person_id", "person_purged")}


def test_the_role_table_decides_who_records_consents(env: Env, person: str) -> None:
    """`consent.manage`: 主任 and 记录员 may; a 调解员 and an unknown
    role may not, and each refusal is audited as access.denied with nothing else changed."""
    mediator_id = add_mediator(env, "谢阿根")
    mediator = actor(env, "xieagen", roles.MEDIATOR, mediator_id=mediator_id)
    clerk = actor(env, "jinxy", roles.CLERK)
    assert not roles.allowed(roles.MEDIATOR, consent.ACTION) and roles.allowed(roles.CLERK, consent.ACTION)
    given = consent.give_consent(env.desk, clerk, person, "bracelet_location", note="家属在场")
    stranger = Actor(username="visitor", role="guest")
    for who in (mediator, stranger):
        before = audit_actions(env.desk)
        with pytest.raises(PermissionDenied) as e:
            consent.give_consent(env.desk, who, person, "sms_notice")
        assert (e.value.role, e.value.action) == (who.role, consent.ACTION)
        assert str(e.value) == roles.refusal(who.role, consent.ACTION)
        with pytest.raises(PermissionDenied):
            consent.withdraw_consent(env.desk, who, person, "bracelet_location", "家属代为提出")
        with pytest.raises(PermissionDenied):
            consent.list_consents(env.desk, who, person)
        assert audit_actions(env.desk) == before + ["access.denied"] * 3
    assert roles.refusal(roles.MEDIATOR, consent.ACTION) == "调解员无权登记当事人同意及撤回"
    with env.desk.read() as s:
        denied = s.scalars(
            select(AuditRecord).where(AuditRecord.action == "access.denied").order_by(AuditRecord.seq)
        ).all()
        assert [(r.actor_name, r.detail["refused_action"]) for r in denied] == (
            [("xieagen", consent.ACTION)] * 3 + [("visitor", consent.ACTION)] * 3
        )
    assert [(v.id, v.active) for v in consent.list_consents(env.desk, clerk, person)] == [(given, True)]
    report = consent.withdraw_consent(env.desk, clerk, person, "bracelet_location", "家属代为提出")
    assert report.consent_id == given and count(env.desk, Consent) == 1
