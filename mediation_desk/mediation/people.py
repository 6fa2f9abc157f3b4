"""Parties: validation (pure), creation or reuse, lookup, and masked views."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from mediation_desk.core.uow import UnitOfWork, china_today
from mediation_desk.errors import Problems, ValidationError
from mediation_desk.mediation.dto import PersonView
from mediation_desk.people.identity import Secrets, find_by_document, seal_secrets, secrets_of
from mediation_desk.people.models import Person
from mediation_desk.privacy.vault import Vault
from mediation_desk.storage.base import new_id
from mediation_desk.validation import (
    ID_TYPES,
    clean_name,
    clean_text,
    mask_id_number,
    mask_phone,
    normalize_phone,
    parse_date,
    parse_gender,
    parse_resident_id,
    validate_ethnicity,
    validate_id_document,
    validate_uscc,
)

KINDS = {"natural": "自然人", "legal": "法人或其他组织"}
# Fields sent to the district / written to outbox never include these (PIPL minimum necessary).
SENSITIVE_FIELDS = ("id_number", "phone", "address", "birth_date")
SECRET_FIELDS = ("id_number", "phone", "address")  # stored encrypted


@dataclass(frozen=True)
class PersonSpec:
    kind: str
    name: str
    gender: str | None = None
    ethnicity: str | None = None
    birth_date: dt.date | None = None
    id_type: str | None = None
    id_number: str | None = None
    occupation: str | None = None
    phone: str | None = None
    address: str | None = None
    uscc: str | None = None
    representative: str | None = None
    representative_title: str | None = None


def _opt(data: Mapping[str, Any], key: str) -> Any:
    value = data.get(key)
    return None if value in ("", None) else value


def validate_person(data: Mapping[str, Any]) -> PersonSpec:
    """Check every field, report all problems at once. An ID number fills gender and birth date."""
    p = Problems()
    kind = data.get("kind") or "natural"
    if kind not in KINDS:
        p.add("kind", "person_kind", "当事人类型须为自然人（natural）或法人/组织（legal）")
        p.raise_if_any()

    name = p.check(clean_name, data.get("name"), "name", "姓名" if kind == "natural" else "名称", 128)
    phone = p.check(normalize_phone, _opt(data, "phone")) if _opt(data, "phone") else None
    address = p.check(clean_text, data.get("address"), "address", "住址", required=False, max_chars=200)
    occupation = p.check(clean_text, data.get("occupation"), "occupation", "职业或职务", required=False, max_chars=60)
    if kind == "legal":
        uscc = p.check(validate_uscc, _opt(data, "uscc")) if _opt(data, "uscc") else None
        rep = p.check(clean_name, data.get("representative"), "representative", "法定代表人或负责人", 64)
        title = p.check(
            clean_text, data.get("representative_title"), "representative_title", "职务", required=False, max_chars=60
        )
        p.raise_if_any()
        return PersonSpec(
            kind,
            name,
            phone=phone,
            address=address,
            uscc=uscc,
            representative=rep,
            representative_title=title,
            occupation=occupation,
        )

    gender = p.check(parse_gender, _opt(data, "gender")) if _opt(data, "gender") else None
    ethnicity = p.check(validate_ethnicity, _opt(data, "ethnicity")) if _opt(data, "ethnicity") else None
    birth = p.check(parse_date, _opt(data, "birth_date"), "birth_date", "出生日期")
    id_type = _opt(data, "id_type") or ("resident_id" if _opt(data, "id_number") else None)
    id_number = None
    if _opt(data, "id_number"):
        if id_type not in ID_TYPES:
            p.add("id_type", "id_type", f"证件类型「{id_type}」无效，可选：{'、'.join(ID_TYPES.values())}")
        else:
            id_number = p.check(validate_id_document, id_type, str(data["id_number"]))
    if id_number and id_type in ("resident_id", "residence_permit"):
        rid = parse_resident_id(id_number)
        # The number is the authority on gender and birth date; a contradiction is a typo somewhere.
        if gender and gender != rid.gender:
            p.add("gender", "gender_mismatch", "性别与身份证号码不符（号码第 17 位奇数为男、偶数为女）")
        if birth and birth != rid.birth_date:
            p.add("birth_date", "birth_date_mismatch", f"出生日期与身份证号码不符（号码为 {rid.birth_date}）")
        gender, birth = rid.gender, rid.birth_date
    if birth and birth > china_today():
        p.add("birth_date", "birth_date_future", "出生日期不能晚于今天")
    p.raise_if_any()
    return PersonSpec(
        kind, name, gender, ethnicity, birth, id_type if id_number else None, id_number, occupation, phone, address
    )


def resolve_party(uow: UnitOfWork, committee_id: str, data: Mapping[str, Any], vault: Vault) -> Person:
    """An existing person (by `person_id` or the same ID document) or a new one."""
    s = uow.session
    if data.get("person_id"):
        person = s.get(Person, data["person_id"])
        if person is None:
            raise ValidationError.single("person_id", "person_unknown", f"找不到当事人记录 {data['person_id']}")
        return person
    spec = validate_person(data)
    existing = None
    if spec.id_number:
        existing = find_by_document(s, vault, spec.id_type or "resident_id", spec.id_number)
    elif spec.uscc:
        existing = s.scalars(select(Person).where(Person.uscc == spec.uscc)).first()
    if existing is not None:
        if existing.name != spec.name:
            field_name = "id_number" if spec.id_number else "uscc"
            raise ValidationError.single(
                field_name,
                "document_registered_to_other",
                f"该证件号码已登记在「{existing.name}」名下，与所填姓名「{spec.name}」不一致，请核对",
            )
        return existing
    plain = {k: v for k, v in spec.__dict__.items() if k not in SECRET_FIELDS}
    person = Person(id=new_id(), committee_id=committee_id, updated_hlc=uow.tick(), **plain)
    seal_secrets(person, vault, Secrets(spec.id_number, spec.phone, spec.address))
    s.add(person)
    s.flush()
    uow.audit(
        "person.create",
        "person",
        person.id,
        kind=spec.kind,
        fields=sorted(k for k, v in spec.__dict__.items() if v is not None),
    )
    return person


def person_view(person: Person, vault: Vault | None, *, full: bool = False) -> PersonView:
    """Masked unless `full` (which callers audit). Locked: sensitive values shown as None."""
    sec = secrets_of(person, vault)
    id_number, phone = sec.id_number, sec.phone
    if not full:
        id_number = mask_id_number(id_number) if id_number else None
        phone = mask_phone(phone) if phone else None
    return PersonView(
        id=person.id,
        kind=person.kind,
        name=person.name,
        gender=person.gender,
        ethnicity=person.ethnicity,
        birth_date=person.birth_date if full else None,
        id_type=person.id_type,
        id_number=id_number,
        occupation=person.occupation,
        phone=phone,
        address=sec.address if full else None,
        uscc=person.uscc,
        representative=person.representative,
    )
