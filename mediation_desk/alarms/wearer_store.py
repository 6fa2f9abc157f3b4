"""What the wearer services share with the erasure handlers and the alarm views: the consents
in force (read from the consent register by table name: the data lifecycle keeps it, and a
capability reaches another only through the registry), a wearer's payload for the district, the
checks of contacts and device ids, and the views.

The wearer's address, health notes and contacts' phones are sealed with the desk's vault, each
bound to its row (`privacy.vault.place`)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

from sqlalchemy import column, select, table
from sqlalchemy.orm import Session

from mediation_desk.alarms import rules
from mediation_desk.alarms.dto import ContactInput, ContactView, WearerView
from mediation_desk.alarms.models import Wearer, WearerContact
from mediation_desk.core.uow import UnitOfWork
from mediation_desk.errors import NotFound, ValidationError
from mediation_desk.people.identity import secrets_of
from mediation_desk.people.models import Person
from mediation_desk.privacy.vault import Vault, place
from mediation_desk.validation import clean_name, clean_text, mask_phone, normalize_phone, parse_resident_id

LOCATION, HEALTH = "bracelet_location", "bracelet_health"  # the consent purposes (lifecycle registers them)
MAX_ADDRESS_CHARS = 200
MAX_HEALTH_CHARS = 2000
MAX_REASON_CHARS = 200
_DEVICE_RE = re.compile(r"[0-9A-Za-z]{4,32}")
_CONSENT = table("consent", column("person_id"), column("purpose"), column("withdrawn_at"))


# ---- consents --------------------------------------------------------------------------------


def consents_in_force(s: Session, person_ids: Iterable[str]) -> dict[str, set[str]]:
    """person id → the bracelet purposes whose consent is in force (none for a purged person)."""
    ids = list(set(person_ids))
    if not ids:
        return {}
    purged = set(s.scalars(select(Person.id).where(Person.id.in_(ids), Person.purged_at.is_not(None))))
    rows = s.execute(
        select(_CONSENT.c.person_id, _CONSENT.c.purpose).where(
            _CONSENT.c.person_id.in_(ids),
            _CONSENT.c.purpose.in_((LOCATION, HEALTH)),
            _CONSENT.c.withdrawn_at.is_(None),
        )
    ).all()
    held: dict[str, set[str]] = {}
    for person_id, purpose in rows:
        if person_id not in purged:
            held.setdefault(person_id, set()).add(purpose)
    return held


def has_consent(s: Session, person_id: str, purpose: str) -> bool:
    return purpose in consents_in_force(s, [person_id]).get(person_id, set())


# ---- checks ----------------------------------------------------------------------------------


def check_device(s: Session, value: str | None, except_wearer: str | None = None) -> str | None:
    """A bracelet's id (letters and digits, as the device reports itself), free among active wearers."""
    if value is None or not value.strip():
        return None
    device = value.strip()
    if not _DEVICE_RE.fullmatch(device):
        raise ValidationError.single(
            "device_id", "device_format", f"手环编号应为 4–32 位英文字母或数字，实际为「{device[:40]}」"
        )
    taken = s.scalar(
        select(Wearer.id).where(Wearer.device_id == device, Wearer.active.is_(True), Wearer.id != (except_wearer or ""))
    )
    if taken is not None:
        raise ValidationError.single("device_id", "device_taken", f"手环编号 {device} 已配发给另一位在册的佩戴人")
    return device


def check_contacts(contacts: Sequence[ContactInput]) -> list[tuple[str, str, str | None, str]]:
    """(kind, name, relation, phone) of each contact, in calling order."""
    if isinstance(contacts, (str, bytes)) or len(contacts) > rules.MAX_CONTACTS:
        raise ValidationError.single(
            "contacts", "too_many_contacts", f"紧急联系人最多 {rules.MAX_CONTACTS} 位，现在有 {len(contacts)} 位"
        )
    checked = []
    for n, c in enumerate(contacts):
        field = f"contacts[{n}]"
        if c.kind not in rules.CONTACT_KINDS:
            known = "、".join(f"{k}（{v}）" for k, v in rules.CONTACT_KINDS.items())
            raise ValidationError.single(
                f"{field}.kind", "contact_kind", f"第 {n + 1} 位紧急联系人的类别「{c.kind}」不存在，可选：{known}"
            )
        name = clean_name(c.name, f"{field}.name", f"第 {n + 1} 位紧急联系人的姓名")
        relation = clean_text(
            c.relation, f"{field}.relation", f"第 {n + 1} 位紧急联系人的关系", required=False, max_chars=32
        )
        phone = normalize_phone(c.phone or "", f"{field}.phone", f"第 {n + 1} 位紧急联系人的电话")
        checked.append((c.kind, name, relation, phone))
    return checked


def birth_of(id_number: str | None, field: str, on: dt.date) -> dt.date | None:
    return parse_resident_id(id_number, field, today=on).birth_date if id_number else None


def required(value: str | None, field: str, label: str, max_chars: int, multiline: bool = False) -> str:
    text = clean_text(value, field, label, required=True, max_chars=max_chars, multiline=multiline)
    assert text is not None  # required=True never returns None
    return text


# ---- writing ---------------------------------------------------------------------------------


def seal(vault: Vault, value: str | None, table_name: str, column_name: str, row_id: str) -> bytes | None:
    return vault.seal_text(value, place(table_name, column_name, row_id))


def put_contacts(uow: UnitOfWork, vault: Vault, w: Wearer, checked: list[tuple[str, str, str | None, str]]) -> None:
    s = uow.session
    for held in s.scalars(select(WearerContact).where(WearerContact.wearer_id == w.id)):
        s.delete(held)
    s.flush()
    for position, (kind, name, relation, phone) in enumerate(checked, start=1):
        contact = WearerContact(wearer_id=w.id, position=position, kind=kind, name=name, relation=relation)
        s.add(contact)
        s.flush()  # its id binds the sealed phone
        contact.phone_enc = seal(vault, phone, "alarm_contact", "phone", contact.id)
        contact.phone_idx = vault.index(phone)


def wearer_payload(s: Session, w: Wearer, vault: Vault) -> dict[str, object]:
    """What the district keeps of a wearer (entities.SYNCED_ENTITIES: exactly these fields)."""
    person = s.get(Person, w.person_id)
    return {
        "device_id": w.device_id,
        "name": person.name if person is not None else "",
        "address": open_address(vault, w),
        "living_alone": w.living_alone,
        "active": w.active,
        "location_consent": has_consent(s, w.person_id, LOCATION),
        "enrolled_on": w.enrolled_on.isoformat(),
    }


def push_update(uow: UnitOfWork, w: Wearer, fields: dict[str, object]) -> None:
    w.updated_at = uow.now
    w.updated_hlc = uow.tick()
    uow.outbox(rules.WEARER, w.id, "update", {"fields": fields})


# ---- reading ---------------------------------------------------------------------------------


def open_address(vault: Vault | None, w: Wearer) -> str | None:
    return vault.open_text(w.address_enc, place("alarm_wearer", "address", w.id)) if vault else None


def open_health(vault: Vault, w: Wearer) -> str | None:
    return vault.open_text(w.health_enc, place("alarm_wearer", "health", w.id))


def load_wearer(s: Session, wearer_id: str) -> Wearer:
    w = s.get(Wearer, wearer_id)
    if w is None:
        raise NotFound("手环佩戴人", wearer_id)
    return w


def wearer_names(s: Session, wearer_ids: Iterable[str | None]) -> dict[str, str]:
    ids = {i for i in wearer_ids if i}
    if not ids:
        return {}
    rows = s.execute(
        select(Wearer.id, Person.name).join(Person, Person.id == Wearer.person_id).where(Wearer.id.in_(ids))
    )
    return {wid: name for wid, name in rows.all()}  # noqa: C416 (rows, not pairs)


def wearer_views(
    s: Session, rows: Sequence[Wearer], vault: Vault | None, on: dt.date, *, full: bool = False
) -> list[WearerView]:
    """`full`: contacts' phones in full (one wearer's card, to call them); else masked only."""
    people = {p.id: p for p in s.scalars(select(Person).where(Person.id.in_({w.person_id for w in rows})))}
    consents = consents_in_force(s, people)
    contacts: dict[str, list[WearerContact]] = {}
    query = select(WearerContact).where(WearerContact.wearer_id.in_([w.id for w in rows]))
    for c in s.scalars(query.order_by(WearerContact.position)):
        contacts.setdefault(c.wearer_id, []).append(c)
    views = []
    for w in rows:
        person = people[w.person_id]
        held = consents.get(w.person_id, set())
        views.append(
            WearerView(
                id=w.id,
                person_id=w.person_id,
                name=person.name,
                age=_age(person, vault, on),
                address=open_address(vault, w),
                living_alone=w.living_alone,
                exception_reason=w.exception_reason,
                device_id=w.device_id,
                active=w.active,
                enrolled_on=w.enrolled_on,
                contacts=tuple(contact_view(c, vault, full=full) for c in contacts.get(w.id, [])),
                has_health_notes=w.health_enc is not None,
                location_consent=LOCATION in held,
                health_consent=HEALTH in held,
                consent_by=w.consent_by,
            )
        )
    return views


def contact_view(c: WearerContact, vault: Vault | None, *, full: bool) -> ContactView:
    phone = vault.open_text(c.phone_enc, place("alarm_contact", "phone", c.id)) if vault else None
    return ContactView(
        position=c.position,
        kind=c.kind,
        kind_label=rules.CONTACT_KINDS.get(c.kind, c.kind),
        name=c.name,
        relation=c.relation,
        phone=phone if full else None,
        phone_masked=mask_phone(phone) if phone else None,
    )


def _age(person: Person, vault: Vault | None, on: dt.date) -> int | None:
    birth = person.birth_date
    if birth is None and vault is not None and person.id_type == "resident_id":
        number = secrets_of(person, vault).id_number
        try:
            birth = parse_resident_id(number, today=on).birth_date if number else None
        except ValidationError:
            birth = None
    return rules.age_on(birth, on) if birth is not None and birth <= on else None
