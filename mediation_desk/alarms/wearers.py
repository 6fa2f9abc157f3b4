"""平安手环 wearers: residents 80 and over (or younger with a reason the committee records), with
their emergency contacts in calling order and the bracelet's device id.

A wearer is a person of the ground's register: one already there (a party to a case, a green-coin
resident) is found by the ID number and reused, never typed twice. Enrolment records the wearer's
(or the guardian's, named) separate consent to location processing (PIPL art. 29) in the same
unit of work, through the data lifecycle's consent register; health notes need a consent of their
own. The district learns what it needs to route an alarm and send help (entities.py)."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from mediation_desk.alarms import rules
from mediation_desk.alarms.dto import ContactInput, WearerView
from mediation_desk.alarms.models import Wearer
from mediation_desk.alarms.wearer_store import (
    HEALTH,
    LOCATION,
    MAX_ADDRESS_CHARS,
    MAX_HEALTH_CHARS,
    MAX_REASON_CHARS,
    birth_of,
    check_contacts,
    check_device,
    has_consent,
    load_wearer,
    open_address,
    open_health,
    push_update,
    put_contacts,
    required,
    seal,
    wearer_payload,
    wearer_views,
)
from mediation_desk.core.registry import REGISTRY
from mediation_desk.core.uow import Actor, UnitOfWork, acting_now, china_today
from mediation_desk.desk import Desk
from mediation_desk.errors import ValidationError
from mediation_desk.people.identity import Secrets, find_by_document, seal_secrets, secrets_of
from mediation_desk.people.models import Person
from mediation_desk.privacy import roles
from mediation_desk.privacy.vault import Vault
from mediation_desk.storage.base import new_id
from mediation_desk.validation import clean_name, clean_text, normalize_phone, parse_resident_id

# Published for the data lifecycle, which keeps the consent register (lifecycle/consent.py).
CONSENT_GIVEN_EVENT = "lifecycle.consent_given"
ID_TYPE = "resident_id"
MAX_LIST = 5000


class Unchanged(enum.Enum):
    UNCHANGED = "unchanged"


UNCHANGED = Unchanged.UNCHANGED  # an argument of `edit_wearer` not given: the field stays


def enrol_wearer(
    desk: Desk,
    actor: Actor,
    *,
    name: str,
    id_number: str | None,
    phone: str | None,
    address: str,
    living_alone: bool,
    device_id: str | None,
    contacts: Sequence[ContactInput],
    exception_reason: str | None = None,
    consent_by: str | None = None,
    health_notes: str | None = None,
    health_consent: bool = False,
) -> WearerView:
    """Enrolling is taking the location consent (signed on the enrolment form): by the wearer, or
    by the guardian named in `consent_by`. `health_consent`: the health-notes consent too."""
    with desk.write(actor) as uow:
        roles.authorize(actor, "alarms.wearers")  # inside the unit of work: a refusal is audited
        roles.authorize(actor, "consent.manage")  # the consent is recorded with the enrolment
        vault, s = desk.require_vault(), uow.session
        clean = clean_name(name, "name", "佩戴人姓名")
        number = parse_resident_id(id_number, today=uow.today).number if id_number and id_number.strip() else None
        reason = clean_text(exception_reason, "exception_reason", "特殊情况说明", required=False, max_chars=200)
        problem = rules.eligibility_problem(birth_of(number, "id_number", uow.today), uow.today, reason)
        if problem is not None:
            raise ValidationError.single("exception_reason", "eligibility", f"特殊情况说明：{problem}")
        own_phone = normalize_phone(phone, "phone", "佩戴人电话") if phone and phone.strip() else None
        where = required(address, "address", "住址", MAX_ADDRESS_CHARS)
        device = check_device(s, device_id)
        checked = check_contacts(contacts)
        guardian = (
            clean_name(consent_by, "consent_by", "代为同意的监护人") if consent_by and consent_by.strip() else None
        )
        notes = clean_text(
            health_notes, "health_notes", "健康信息", required=False, max_chars=MAX_HEALTH_CHARS, multiline=True
        )
        if notes is not None and not health_consent:
            raise ValidationError.single(
                "health_consent",
                "consent_required",
                "填写健康信息须先取得佩戴人（或监护人）对“健康信息（手环）”的单独同意",
            )
        person = _person(uow, desk, vault, clean, number, own_phone, where)
        w = Wearer(
            id=new_id(),
            committee_id=person.committee_id,
            person_id=person.id,
            device_id=device,
            living_alone=bool(living_alone),
            exception_reason=reason,
            consent_by=guardian,
            active=True,
            enrolled_on=uow.today,
            created_at=uow.now,
            updated_at=uow.now,
            updated_hlc=uow.tick(),
        )
        s.add(w)
        s.flush()
        w.address_enc = seal(vault, where, "alarm_wearer", "address", w.id)
        put_contacts(uow, vault, w, checked)
        note = f"监护人 {guardian} 代为同意" if guardian else None
        _consent(uow, person.id, LOCATION, note)
        if health_consent:
            _consent(uow, person.id, HEALTH, note)
        if notes is not None:
            w.health_enc = seal(vault, notes, "alarm_wearer", "health", w.id)
        uow.audit(
            "alarms.wearer_add",
            rules.WEARER,
            w.id,
            contacts=len(checked),
            exception=reason is not None,
            guardian=guardian is not None,
            health=notes is not None,
            device=device is not None,
        )
        uow.outbox(rules.WEARER, w.id, "create", wearer_payload(s, w, vault))
        return wearer_views(s, [w], vault, uow.today, full=True)[0]


def edit_wearer(
    desk: Desk,
    actor: Actor,
    wearer_id: str,
    *,
    address: str | Unchanged = UNCHANGED,
    living_alone: bool | Unchanged = UNCHANGED,
    device_id: str | Unchanged | None = UNCHANGED,
    exception_reason: str | Unchanged | None = UNCHANGED,
    contacts: Sequence[ContactInput] | Unchanged = UNCHANGED,
) -> WearerView:
    """Change what is given. `device_id` None (or "") takes the bracelet back; `exception_reason`
    None clears it, which only a wearer 80 or over may do."""
    with desk.write(actor) as uow:
        roles.authorize(actor, "alarms.wearers")
        vault, s = desk.require_vault(), uow.session
        w = _active_wearer(s, wearer_id)
        synced: dict[str, object] = {}
        changed: list[str] = []
        if not isinstance(address, Unchanged):
            where = required(address, "address", "住址", MAX_ADDRESS_CHARS)
            if where != open_address(vault, w):
                w.address_enc = seal(vault, where, "alarm_wearer", "address", w.id)
                synced["address"], changed = where, [*changed, "address"]
        if not isinstance(living_alone, Unchanged) and bool(living_alone) != w.living_alone:
            w.living_alone = synced["living_alone"] = bool(living_alone)
            changed.append("living_alone")
        if not isinstance(device_id, Unchanged):
            device = check_device(s, device_id, except_wearer=w.id)
            if device != w.device_id:
                w.device_id = synced["device_id"] = device
                changed.append("device_id")
        if not isinstance(exception_reason, Unchanged):
            reason = clean_text(exception_reason, "exception_reason", "特殊情况说明", required=False, max_chars=200)
            problem = rules.eligibility_problem(_birth(s, vault, w, uow), uow.today, reason)
            if problem is not None:
                raise ValidationError.single("exception_reason", "eligibility", f"特殊情况说明：{problem}")
            if reason != w.exception_reason:
                w.exception_reason = reason
                changed.append("exception_reason")
        if not isinstance(contacts, Unchanged):
            put_contacts(uow, vault, w, check_contacts(contacts))
            changed.append("contacts")
        if changed:
            uow.audit("alarms.wearer_edit", rules.WEARER, w.id, fields=changed)
        if synced:
            push_update(uow, w, synced)
        elif changed:
            w.updated_at = uow.now
        return wearer_views(s, [w], vault, uow.today, full=True)[0]


def set_health_notes(desk: Desk, actor: Actor, wearer_id: str, notes: str) -> WearerView:
    """Replace the health notes (empty: erase them). Only while the health consent is in force."""
    with desk.write(actor) as uow:
        roles.authorize(actor, "alarms.health")
        vault, s = desk.require_vault(), uow.session
        w = load_wearer(s, wearer_id)
        text = clean_text(notes, "notes", "健康信息", required=False, max_chars=MAX_HEALTH_CHARS, multiline=True)
        if text is not None and not has_consent(s, w.person_id, HEALTH):
            raise ValidationError.single(
                "notes", "consent_required", "佩戴人没有有效的“健康信息（手环）”单独同意，不能记录健康信息"
            )
        w.health_enc = seal(vault, text, "alarm_wearer", "health", w.id)
        w.updated_at = uow.now
        uow.audit("alarms.wearer_edit", rules.WEARER, w.id, fields=["health_notes"], erased=text is None)
        return wearer_views(s, [w], vault, uow.today, full=True)[0]


def health_notes(desk: Desk, actor: Actor, wearer_id: str) -> str | None:
    """The health notes in clear; each opening is audited (who looked, when)."""
    with desk.write(actor) as uow:
        roles.authorize(actor, "alarms.health")
        w = load_wearer(uow.session, wearer_id)
        uow.audit("alarms.health_open", rules.WEARER, w.id, held=w.health_enc is not None)
        return open_health(desk.require_vault(), w)


def deactivate_wearer(desk: Desk, actor: Actor, wearer_id: str, reason: str) -> WearerView:
    """The bracelet is taken back; the wearer stays on record with the alarms raised so far."""
    with desk.write(actor) as uow:
        roles.authorize(actor, "alarms.wearers")
        vault, s = desk.require_vault(), uow.session
        why = required(reason, "reason", "停用原因", MAX_REASON_CHARS)
        w = _active_wearer(s, wearer_id)
        w.active, w.ended_on, w.ended_reason = False, uow.today, why
        uow.audit("alarms.wearer_edit", rules.WEARER, w.id, fields=["active"])
        push_update(uow, w, {"active": False})
        return wearer_views(s, [w], vault, uow.today, full=True)[0]


def list_wearers(desk: Desk, actor: Actor, *, include_inactive: bool = False) -> list[WearerView]:
    """By name; contacts' phones masked."""
    with desk.read(actor) as s:
        roles.authorize(actor, "alarms.view")
        q = select(Wearer).join(Person, Person.id == Wearer.person_id)
        if not include_inactive:
            q = q.where(Wearer.active.is_(True))
        rows = list(s.scalars(q.order_by(Wearer.active.desc(), Person.name, Wearer.id).limit(MAX_LIST)))
        return wearer_views(s, rows, desk.vault, _today())


def get_wearer(desk: Desk, actor: Actor, wearer_id: str) -> WearerView:
    """One wearer's card: the contacts' phones in full, to call them."""
    with desk.read(actor) as s:
        roles.authorize(actor, "alarms.view")
        return wearer_views(s, [load_wearer(s, wearer_id)], desk.vault, _today(), full=True)[0]


# ---- inside ----------------------------------------------------------------------------------


def _today() -> dt.date:
    return china_today(acting_now())


def _person(
    uow: UnitOfWork, desk: Desk, vault: Vault, name: str, number: str | None, phone: str | None, address: str
) -> Person:
    """The register's person of this ID number, or a new one."""
    s = uow.session
    person = find_by_document(s, vault, ID_TYPE, number) if number else None
    if person is None:
        person = Person(
            id=new_id(),
            committee_id=desk.committee(s).id,
            kind="natural",
            name=name,
            id_type=ID_TYPE if number else None,
            birth_date=birth_of(number, "id_number", uow.today),
            updated_hlc=uow.tick(),
        )
        seal_secrets(person, vault, Secrets(number, phone, address))
        s.add(person)
        s.flush()
        return person
    if person.purged_at is not None:
        raise ValidationError.single("id_number", "person_purged", "这个身份证号码的人员信息已清除，不能登记为佩戴人")
    if person.name != name:
        raise ValidationError.single(
            "name", "name_mismatch", f"这个身份证号码已登记为“{person.name}”，与填写的姓名不符，请核对姓名和号码"
        )
    enrolled = s.scalar(select(Wearer.id).where(Wearer.person_id == person.id, Wearer.active.is_(True)))
    if enrolled is not None:
        raise ValidationError.single("id_number", "wearer_exists", f"“{name}”已是在册的手环佩戴人，不能重复登记")
    return person


def _consent(uow: UnitOfWork, person_id: str, purpose: str, note: str | None) -> None:
    REGISTRY.publish(uow, CONSENT_GIVEN_EVENT, {"person_id": person_id, "purpose": purpose, "note": note})
    if not has_consent(uow.session, person_id, purpose):  # the data lifecycle did not record it
        label = "手环定位" if purpose == LOCATION else "健康信息（手环）"
        raise ValidationError.single(
            "consent", "consent_not_recorded", f"“{label}”的单独同意没有登记成功，未登记佩戴人"
        )


def _active_wearer(s: Session, wearer_id: str) -> Wearer:
    w = load_wearer(s, wearer_id)
    if not w.active:
        raise ValidationError.single("wearer_id", "wearer_inactive", "这位佩戴人已停用手环，不能再修改")
    return w


def _birth(s: Session, vault: Vault, w: Wearer, uow: UnitOfWork) -> dt.date | None:
    person = s.get(Person, w.person_id)
    if person is None:
        return None
    if person.birth_date is not None:
        return person.birth_date
    number = secrets_of(person, vault).id_number
    try:
        return birth_of(number, "id_number", uow.today) if person.id_type == ID_TYPE else None
    except ValidationError:
        return None
