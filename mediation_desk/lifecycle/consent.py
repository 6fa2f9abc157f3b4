"""Separate consent (PIPL art. 29) for purposes beyond the mediation itself, and its withdrawal
(art. 15), after which what was processed for that purpose is erased.

The lawful basis matters here. Parties' data in a mediation case is processed for the mediation
itself, which the People's Mediation Law requires (registration, records, the case file, art. 27),
not on consent (PIPL art. 13(3)): withdrawing a consent below never erases a case file. A case
file's personal content is erased when its retention period ends (lifecycle/retention.py).

The purposes are what the capabilities register (core/registry.py `ConsentPurpose`), each with the
handlers that erase what that capability keeps for it. Withdrawing runs them in the same unit of
work as the withdrawal, so the record and the erasure commit together; a purpose nobody keeps data
for yet has no handler, and the withdrawal says so.

Who may record consents and withdrawals is the role table's `consent.manage`. Every giving and
withdrawal is audited: who (the operator), when, and why (the reason given)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mediation_desk.core.registry import REGISTRY, ConsentPurpose, Registry
from mediation_desk.core.uow import Actor, UnitOfWork
from mediation_desk.desk import Desk
from mediation_desk.errors import ValidationError
from mediation_desk.lifecycle.models import Consent
from mediation_desk.people.models import Person
from mediation_desk.privacy import roles
from mediation_desk.validation import clean_text

ACTION = "consent.manage"
# Published by a capability that took a separate consent on its own form (see `record_given`).
GIVEN_EVENT = "lifecycle.consent_given"


@dataclass(frozen=True)
class ConsentView:
    id: str
    person_id: str
    purpose: str
    purpose_label: str
    given_at: dt.datetime
    recorded_by: str
    note: str | None
    withdrawn_at: dt.datetime | None
    withdrawn_by: str | None = None
    withdrawal_reason: str | None = None

    @property
    def active(self) -> bool:
        return self.withdrawn_at is None


@dataclass(frozen=True)
class WithdrawalReport:
    consent_id: str
    person_id: str
    purpose: str
    withdrawn_at: dt.datetime
    erased: int  # items the registered handlers erased
    handlers: int  # handlers run (0: no capability keeps data for this purpose)
    outcome: str  # what became of the data kept for the purpose, in words


def purposes(registry: Registry = REGISTRY) -> dict[str, str]:
    """code → label of every registered purpose, in registration order."""
    return {code: p.label for code, p in registry.consent_purposes.items()}


def _purpose(registry: Registry, code: str) -> ConsentPurpose:
    found = registry.consent_purposes.get(code)
    if found is None:
        choices = "、".join(f"{k}（{v}）" for k, v in purposes(registry).items())
        raise ValidationError.single("purpose", "consent_purpose", f"未知的同意事项「{code}」，可选：{choices}")
    return found


def _person(s: Session, person_id: str) -> Person:
    person = s.get(Person, person_id) if person_id else None
    if person is None:
        raise ValidationError.single("person_id", "person_unknown", f"找不到当事人记录 {person_id}")
    return person


def _active(s: Session, person_id: str, purpose: str) -> Consent | None:
    return s.scalars(
        select(Consent)
        .where(Consent.person_id == person_id, Consent.purpose == purpose, Consent.withdrawn_at.is_(None))
        .order_by(Consent.given_at.desc())
        .limit(1)
    ).first()


def _outcome(purpose: ConsentPurpose, erased: int) -> str:
    if not purpose.erase:
        return f"本机没有为「{purpose.label}」保存个人信息（尚无功能为此用途处理数据），无需删除"
    if erased == 0:
        return f"本机没有为「{purpose.label}」保存该当事人的个人信息，无需删除"
    return f"已删除为「{purpose.label}」保存的 {erased} 项个人信息"


def give_consent(
    desk: Desk, actor: Actor, person_id: str, purpose: str, note: str | None = None, *, registry: Registry = REGISTRY
) -> str:
    """Record that the person gave separate consent for `purpose` (signed form kept on paper);
    returns the consent's id."""
    with desk.write(actor) as uow:
        roles.authorize(actor, ACTION)  # refused: audited as access.denied (Desk.write)
        return _record(uow, registry, person_id, purpose, note)


def record_given(uow: UnitOfWork, data: Mapping[str, Any]) -> None:
    """`GIVEN_EVENT`: {person_id, purpose, note}. A capability that takes a consent on its own
    form (a bracelet wearer's, signed at enrolment) has it recorded here, in its unit of work, so
    the consent and what it allows commit together. One already in force is left as it is."""
    person_id, purpose = str(data.get("person_id") or ""), str(data.get("purpose") or "")
    if _active(uow.session, person_id, purpose) is not None:
        return
    note = data.get("note")
    _record(uow, REGISTRY, person_id, purpose, note if isinstance(note, str) else None)


def _record(uow: UnitOfWork, registry: Registry, person_id: str, purpose: str, note: str | None) -> str:
    p = _purpose(registry, purpose)
    note = clean_text(note, "note", "备注", required=False, max_chars=500, multiline=True)
    s = uow.session
    person = _person(s, person_id)
    if person.purged_at is not None:
        raise ValidationError.single("person_id", "person_purged", "该当事人的个人信息已清除，不能登记同意")
    if _active(s, person.id, p.code) is not None:
        raise ValidationError.single("purpose", "consent_already_active", f"该当事人已同意「{p.label}」，无需重复登记")
    consent = Consent(
        person_id=person.id,
        purpose=p.code,
        given_at=uow.now,
        withdrawn_at=None,
        recorded_by=uow.actor.username,
        note=note,
    )
    s.add(consent)
    s.flush()
    uow.audit("consent.give", "person", person.id, consent_id=consent.id, purpose=p.code, has_note=note is not None)
    return consent.id


def withdraw_consent(
    desk: Desk, actor: Actor, person_id: str, purpose: str, reason: str, *, registry: Registry = REGISTRY
) -> WithdrawalReport:
    """The person withdraws a consent: recorded, and what was kept for that purpose is erased
    by the handlers registered for it, all in one unit of work."""
    with desk.write(actor) as uow:
        roles.authorize(actor, ACTION)
        p = _purpose(registry, purpose)
        reason = clean_text(reason, "reason", "撤回理由", required=True, max_chars=500, multiline=True) or ""
        s = uow.session
        person = _person(s, person_id)
        consent = _active(s, person.id, p.code)
        if consent is None:
            raise ValidationError.single(
                "purpose", "consent_not_active", f"该当事人没有有效的「{p.label}」同意可撤回（未曾同意或已撤回）"
            )
        consent.withdrawn_at, consent.withdrawn_by, consent.withdrawal_reason = uow.now, actor.username, reason
        erased = sum(int(erase(uow, person.id)) for erase in p.erase)
        s.flush()
        # The reason is free text (may name people): it lives on the consent row, which retention
        # can erase, not in the audit record, which can never change.
        uow.audit(
            "consent.withdraw",
            "person",
            person.id,
            consent_id=consent.id,
            purpose=p.code,
            erased=erased,
            handlers=len(p.erase),
        )
        return WithdrawalReport(consent.id, person.id, p.code, uow.now, erased, len(p.erase), _outcome(p, erased))


def has_consent(session: Session, person_id: str, purpose: str, *, registry: Registry = REGISTRY) -> bool:
    """Whether a consent for `purpose` is in force (never for a person whose data was purged)."""
    _purpose(registry, purpose)
    person = session.get(Person, person_id)
    return person is not None and person.purged_at is None and _active(session, person_id, purpose) is not None


def list_consents(desk: Desk, actor: Actor, person_id: str, *, registry: Registry = REGISTRY) -> list[ConsentView]:
    """Every consent the person gave, in force or withdrawn (with who withdrew it and why)."""
    labels = purposes(registry)
    with desk.read(actor) as s:
        roles.authorize(actor, ACTION)
        person = _person(s, person_id)
        return [
            ConsentView(
                c.id,
                c.person_id,
                c.purpose,
                labels.get(c.purpose, c.purpose),
                c.given_at,
                c.recorded_by,
                c.note,
                c.withdrawn_at,
                c.withdrawn_by,
                c.withdrawal_reason,
            )
            for c in s.scalars(
                select(Consent).where(Consent.person_id == person.id).order_by(Consent.given_at, Consent.id)
            )
        ]
