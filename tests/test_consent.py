"""Separate consent (PIPL art. 29) and its withdrawal: recorded and audited (who, when, why), the
erasure handlers of the purpose run in the same unit of work, and a case file is never erased by
a withdrawal (it is kept for the mediation itself, until its retention period ends)."""
from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select, update

from mediation_desk.core.audit import verify_chain
from mediation_desk.core.models import AuditRecord
from mediation_desk.storage.state import DeskState
from mediation_desk.core.uow import Actor, UnitOfWork
from mediation_desk.errors import PermissionDenied, ValidationError
from mediation_desk.mediation import intake as intake_svc
from mediation_desk.people.models import Person
from mediation_desk.people.identity import secrets_of
from mediation_desk.lifecycle import consent
from mediation_desk.lifecycle.models import Consent
from service_helpers import (  # noqa: F401  (env is a fixture)
    Env, actor, add_mediator, audit_actions, case_row, count, env, intake, parties_of, party, refused,
)


@pytest.fixture
def person(env: Env) -> str:
    """A party of an open case (processed for the mediation itself)."""
    case_id = intake_svc.open_case(env.desk, env.admin, intake(party("王永年", 1, phone="13957501234"),
                                                                party("陈建林", 2)))
    return parties_of(env.desk, case_id)[0]


@pytest.fixture
def handlers() -> Iterator[list[tuple[str, consent.WithdrawalHandler]]]:
    """Handlers a test registers, removed again afterwards."""
    registered: list[tuple[str, consent.WithdrawalHandler]] = []
    yield registered
    for purpose, fn in registered:
        consent.unregister_withdrawal_handler(purpose, fn)


def register(handlers: list, purpose: str, fn: consent.WithdrawalHandler) -> None:
    consent.register_withdrawal_handler(purpose, fn)
    handlers.append((purpose, fn))


def active(env: Env, person_id: str, purpose: str) -> bool:
    with env.desk.read() as s:
        return consent.has_consent(s, person_id, purpose)


def test_purposes() -> None:
    assert consent.PURPOSES == {"sms_notice": "短信通知", "photo_publicity": "调解案例宣传使用照片",
                                "bracelet_location": "手环定位", "bracelet_health": "健康信息（手环）"}
    assert consent.STANDING_PURPOSES <= set(consent.PURPOSES)


def test_give_list_and_has(env: Env, person: str) -> None:
    assert not active(env, person, "sms_notice")
    consent_id = consent.give_consent(env.desk, env.admin, person, "sms_notice", note="签字同意书已归档")
    assert active(env, person, "sms_notice") and not active(env, person, "photo_publicity")
    [view] = consent.list_consents(env.desk, person)
    assert (view.id, view.purpose, view.purpose_label, view.note, view.recorded_by) == (
        consent_id, "sms_notice", "短信通知", "签字同意书已归档", env.admin.username)
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
        consent_id, person, "sms_notice", 0, 0)
    assert not active(env, person, "sms_notice")
    [view] = consent.list_consents(env.desk, person)
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
    assert [(v.id, v.active) for v in consent.list_consents(env.desk, person)] == [(consent_id, False), (again, True)]


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


def test_withdrawal_runs_the_purposes_handlers_in_its_unit_of_work(env: Env, person: str, handlers: list) -> None:
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

    register(handlers, "bracelet_location", erase_locations)
    register(handlers, "bracelet_location", erase_locations)  # registering twice runs it once
    register(handlers, "bracelet_location", erase_more)
    register(handlers, "bracelet_health", erase_health)
    consent.give_consent(env.desk, env.admin, person, "bracelet_location")
    report = consent.withdraw_consent(env.desk, env.admin, person, "bracelet_location", "本人要求停止定位")
    assert (report.erased, report.handlers) == (5, 2)
    assert calls == [("location", person), ("more", person)]
    with env.desk.read() as s:
        assert s.get(DeskState, "test_erased").value == person
        rec = s.scalars(select(AuditRecord).where(AuditRecord.action == "consent.withdraw")).one()
        assert (rec.detail["erased"], rec.detail["handlers"]) == (5, 2)


def test_a_failing_handler_withdraws_nothing(env: Env, person: str, handlers: list) -> None:
    def broken(uow: UnitOfWork, person_id: str) -> int:
        uow.session.merge(DeskState(key="test_half_done", value="x"))
        raise RuntimeError("device store unavailable")

    register(handlers, "bracelet_health", broken)
    consent.give_consent(env.desk, env.admin, person, "bracelet_health")
    with pytest.raises(RuntimeError):
        consent.withdraw_consent(env.desk, env.admin, person, "bracelet_health", "本人要求")
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
    with pytest.raises(ValueError):
        consent.register_withdrawal_handler(purpose, lambda uow, pid: 0)


@pytest.mark.parametrize("person_id", ["", "no-such-person", "00000000-0000-0000-0000-000000000000"])
def test_unknown_person(env: Env, person_id: str) -> None:
    with pytest.raises(ValidationError) as e:
        consent.give_consent(env.desk, env.admin, person_id, "sms_notice")
    assert refused(e) == {("person_id", "person_unknown")}
    with pytest.raises(ValidationError) as e:
        consent.withdraw_consent(env.desk, env.admin, person_id, "sms_notice", "理由")
    assert refused(e) == {("person_id", "person_unknown")}
    with pytest.raises(ValidationError):
        consent.list_consents(env.desk, person_id)
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
        uow.session.execute(update(Person).where(Person.id == person).values(
            name="（已清除）", purged_at=uow.now))
    assert not active(env, person, "photo_publicity")
    with pytest.raises(ValidationError) as e:
        consent.give_consent(env.desk, env.admin, person, "sms_notice")
    assert refused(e) == {("person_id", "person_purged")}


def test_roles(env: Env, person: str) -> None:
    mediator = actor(env, "xieagen", "mediator", mediator_id=add_mediator(env, "谢阿根"))
    consent.give_consent(env.desk, mediator, person, "bracelet_location", note="家属在场")
    consent.withdraw_consent(env.desk, mediator, person, "bracelet_location", "家属代为提出")
    stranger = Actor(username="visitor", role="guest")
    with pytest.raises(PermissionDenied):
        consent.give_consent(env.desk, stranger, person, "sms_notice")
    with pytest.raises(PermissionDenied):
        consent.withdraw_consent(env.desk, stranger, person, "bracelet_location", "理由")
    assert count(env.desk, Consent) == 1
