"""Separate consent (PIPL art. 29) for purposes beyond the mediation itself, and its withdrawal
(art. 15), after which what was processed for that purpose is erased.

The lawful basis matters here. Parties' data in a mediation case is processed for the mediation
itself, which the People's Mediation Law requires (registration, records, the case file, art. 27),
not on consent (PIPL art. 13(3)): withdrawing a consent below never erases a case file. A case
file's personal content is erased when its retention period ends (lifecycle/retention.py).

What needs consent: SMS notices to a party, using photos of a mediation in publicity, and the
平安手环 (bracelet) with its location and health data. Modules that keep data for a purpose
register an erasure handler for it (`register_withdrawal_handler`); withdrawing runs the handlers
in the same unit of work as the withdrawal, so the record and the erasure commit together.

Every giving and withdrawal is audited: who (the operator), when, and why (the reason given)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mediation_desk.core.uow import Actor, UnitOfWork
from mediation_desk.errors import PermissionDenied, ValidationError
from mediation_desk.people.models import Person
from mediation_desk.lifecycle.models import Consent
from mediation_desk.validation import clean_text

PURPOSES = {
    "sms_notice": "短信通知",
    "photo_publicity": "调解案例宣传使用照片",
    "bracelet_location": "手环定位",
    "bracelet_health": "健康信息（手环）",
}
# Purposes whose processing goes on outside any case (the bracelet wearer): a person with such a
# consent in force keeps their record when the cases they were party to are purged.
STANDING_PURPOSES = frozenset({"bracelet_location", "bracelet_health"})
RECORDING_ROLES = ("admin", "clerk", "mediator", "system")

WithdrawalHandler = Callable[[UnitOfWork, str], int]  # (uow, person_id) -> items erased
_HANDLERS: dict[str, list[WithdrawalHandler]] = {}


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
    handlers: int  # handlers run


def register_withdrawal_handler(purpose: str, fn: WithdrawalHandler) -> None:
    """`fn(uow, person_id) -> int` erases what was kept for `purpose` and says how many items.
    It runs inside the withdrawal's unit of work: if it raises, nothing is withdrawn."""
    if purpose not in PURPOSES:
        raise ValueError(f"unknown consent purpose {purpose!r}")
    handlers = _HANDLERS.setdefault(purpose, [])
    if fn not in handlers:
        handlers.append(fn)


def unregister_withdrawal_handler(purpose: str, fn: WithdrawalHandler) -> None:
    if fn in _HANDLERS.get(purpose, []):
        _HANDLERS[purpose].remove(fn)


def _check_purpose(purpose: str) -> str:
    if purpose not in PURPOSES:
        raise ValidationError.single(
            "purpose", "consent_purpose",
            f"未知的同意事项「{purpose}」，可选：{'、'.join(f'{k}（{v}）' for k, v in PURPOSES.items())}")
    return purpose


def _person(s: Session, person_id: str) -> Person:
    person = s.get(Person, person_id) if person_id else None
    if person is None:
        raise ValidationError.single("person_id", "person_unknown", f"找不到当事人记录 {person_id}")
    return person


def _require(actor: Actor) -> None:
    if actor.role not in RECORDING_ROLES:
        raise PermissionDenied("无权登记个人信息处理同意")


def _active(s: Session, person_id: str, purpose: str) -> Consent | None:
    return s.scalars(select(Consent).where(
        Consent.person_id == person_id, Consent.purpose == purpose, Consent.withdrawn_at.is_(None))
        .order_by(Consent.given_at.desc()).limit(1)).first()


def give_consent(desk: Any, actor: Actor, person_id: str, purpose: str, note: str | None = None) -> str:
    """Record that the person gave separate consent for `purpose` (signed form kept on paper);
    returns the consent's id."""
    _require(actor)
    _check_purpose(purpose)
    note = clean_text(note, "note", "备注", required=False, max_chars=500, multiline=True)
    with desk.write(actor) as uow:
        s = uow.session
        person = _person(s, person_id)
        if person.purged_at is not None:
            raise ValidationError.single("person_id", "person_purged", "该当事人的个人信息已清除，不能登记同意")
        if _active(s, person.id, purpose) is not None:
            raise ValidationError.single("purpose", "consent_already_active",
                                         f"该当事人已同意「{PURPOSES[purpose]}」，无需重复登记")
        consent = Consent(person_id=person.id, purpose=purpose, given_at=uow.now, withdrawn_at=None,
                          recorded_by=actor.username, note=note)
        s.add(consent)
        s.flush()
        uow.audit("consent.give", "person", person.id, consent_id=consent.id, purpose=purpose,
                  has_note=note is not None)
        return consent.id


def withdraw_consent(desk: Any, actor: Actor, person_id: str, purpose: str, reason: str) -> WithdrawalReport:
    """The person withdraws a consent: recorded, and what was kept for that purpose is erased
    by the handlers registered for it, all in one unit of work."""
    _require(actor)
    _check_purpose(purpose)
    reason = clean_text(reason, "reason", "撤回理由", required=True, max_chars=500, multiline=True) or ""
    with desk.write(actor) as uow:
        s = uow.session
        person = _person(s, person_id)
        consent = _active(s, person.id, purpose)
        if consent is None:
            raise ValidationError.single("purpose", "consent_not_active",
                                         f"该当事人没有有效的「{PURPOSES[purpose]}」同意可撤回（未曾同意或已撤回）")
        consent.withdrawn_at, consent.withdrawn_by, consent.withdrawal_reason = uow.now, actor.username, reason
        handlers = list(_HANDLERS.get(purpose, []))
        erased = 0
        for fn in handlers:
            erased += int(fn(uow, person.id))
        s.flush()
        # The reason is free text (may name people): it lives on the consent row, which retention
        # can erase, not in the audit record, which can never change.
        uow.audit("consent.withdraw", "person", person.id, consent_id=consent.id, purpose=purpose,
                  erased=erased, handlers=len(handlers))
        return WithdrawalReport(consent.id, person.id, purpose, uow.now, erased, len(handlers))


def has_consent(session: Session, person_id: str, purpose: str) -> bool:
    """Whether a consent for `purpose` is in force (never for a person whose data was purged)."""
    _check_purpose(purpose)
    person = session.get(Person, person_id)
    return person is not None and person.purged_at is None and _active(session, person_id, purpose) is not None


def list_consents(desk: Any, person_id: str) -> list[ConsentView]:
    """Every consent the person gave, in force or withdrawn (with who withdrew it and why)."""
    with desk.read() as s:
        person = _person(s, person_id)
        out = []
        for c in s.scalars(select(Consent).where(Consent.person_id == person.id)
                           .order_by(Consent.given_at, Consent.id)):
            out.append(ConsentView(
                c.id, c.person_id, c.purpose, PURPOSES.get(c.purpose, c.purpose), c.given_at, c.recorded_by,
                c.note, c.withdrawn_at, c.withdrawn_by, c.withdrawal_reason))
        return out
