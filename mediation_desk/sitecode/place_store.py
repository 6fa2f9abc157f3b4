"""A place's fields checked and kept: shared by the form (`places.py`) and the import
(`place_import.py`), so a place typed in and one read from a list pass the same rules.

A place is told apart by its credit code, or, for an individual business without one, by its
name and address (case and spaces ignored): the same place twice would owe two inspections a
month and show two codes."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from mediation_desk.core.uow import UnitOfWork
from mediation_desk.desk import Desk
from mediation_desk.errors import ValidationError
from mediation_desk.people.identity import Secrets, seal_secrets
from mediation_desk.people.models import Person
from mediation_desk.sitecode import placard_code, rules
from mediation_desk.sitecode.models import Place
from mediation_desk.sitecode.scheme import Scheme
from mediation_desk.storage.base import new_id
from mediation_desk.validation import clean_name, clean_text, normalize_phone, validate_uscc

MAX_ADDRESS_CHARS = 200
MAX_GRID_CHARS = 50
MANUAL, IMPORTED = "manual", "import"


@dataclass(frozen=True)
class PlaceInput:
    """One place's fields once checked (shared by the form and the import)."""

    name: str
    category: str
    address: str
    grid: str
    credit_code: str | None
    responsible_name: str | None
    responsible_phone: str | None


def place_payload(p: Place) -> dict[str, object]:
    """What the district keeps of a place (never the responsible person)."""
    return {
        "name": p.name,
        "category": p.category,
        "address": p.address,
        "grid": p.grid,
        "place_code": placard_code.place_code(p.id),
        "has_credit_code": p.credit_code is not None,
        "created_at": p.created_at.isoformat(),
        "active": p.active,
        "updated_hlc": p.updated_hlc,
    }


def check_category(held: Scheme, text: str) -> str:
    category = held.category_by_label(text) if isinstance(text, str) else None
    if category is None:
        known = "、".join(held.categories.values())
        raise ValidationError.single(
            "category", "category_unknown", f"类别「{str(text).strip()[:20]}」不在检查清单中，可选：{known}"
        )
    return category


def check_input(
    held: Scheme,
    name: str,
    category: str,
    address: str,
    grid: str,
    credit_code: str | None,
    responsible_name: str | None,
    responsible_phone: str | None,
) -> PlaceInput:
    """Every field of a new place checked (the first problem raised, naming its field)."""
    clean = clean_name(name, "name", "场所名称", rules.MAX_NAME_CHARS)
    kind = check_category(held, category)
    where = required_text(address, "address", "地址", MAX_ADDRESS_CHARS)
    area = required_text(grid, "grid", "网格", MAX_GRID_CHARS)
    code = validate_uscc(credit_code, "credit_code") if credit_code and credit_code.strip() else None
    who = (
        clean_name(responsible_name, "responsible_name", "负责人")
        if responsible_name and responsible_name.strip()
        else None
    )
    phone = (
        normalize_phone(responsible_phone, "responsible_phone", "联系电话")
        if responsible_phone and responsible_phone.strip()
        else None
    )
    if phone is not None and who is None:
        raise ValidationError.single("responsible_name", "required", "填写了联系电话时，负责人姓名不能为空")
    return PlaceInput(clean, kind, where, area, code, who, phone)


def name_key(name: str, address: str) -> tuple[str, str]:
    """What tells two places without a credit code apart: name and address, case and spaces ignored."""
    return "".join(name.split()).casefold(), "".join(address.split()).casefold()


def duplicate_problem(
    s: Session,
    committee_id: str,
    name: str,
    address: str,
    credit_code: str | None,
    *,
    except_id: str | None = None,
) -> tuple[str, str, str] | None:
    """(field, rule, message) when the place is already held, else None."""
    if credit_code is not None:
        other = s.scalar(select(Place.name).where(Place.credit_code == credit_code, Place.id != (except_id or "")))
        if other is not None:
            return "credit_code", "place_exists", f"统一社会信用代码 {credit_code} 已登记为场所「{other}」"
    key = name_key(name, address)
    for pid, held_name, held_address in held_names(s, committee_id):
        if pid != except_id and name_key(held_name, held_address) == key:
            return "name", "place_exists", f"场所「{held_name}」（{held_address}）已登记，同名同地址的场所不能重复登记"
    return None


def held_names(s: Session, committee_id: str) -> list[tuple[str, str, str]]:
    """(id, name, address) of the committee's places: a village has hundreds, compared in Python
    because SQL's lower() and trimming miss full-width spaces."""
    rows = s.execute(select(Place.id, Place.name, Place.address).where(Place.committee_id == committee_id)).all()
    return [(pid, n, a) for pid, n, a in rows]


def new_place(
    uow: UnitOfWork,
    desk: Desk,
    committee_id: str,
    checked: PlaceInput,
    *,
    person_id: str | None,
    source: str,
    flush: bool = True,
) -> Place:
    """Keep one checked place (and its responsible person) with its outbox op, in the caller's
    unit of work. It owes self-inspections from the month after `uow.now`. `flush=False`: an
    import of thousands flushes once at the end."""
    s = uow.session
    if person_id is None and checked.responsible_name is not None:
        person_id = new_person(uow, desk, committee_id, checked.responsible_name, checked.responsible_phone).id
    p = Place(
        id=new_id(),
        committee_id=committee_id,
        name=checked.name,
        category=checked.category,
        address=checked.address,
        grid=checked.grid,
        credit_code=checked.credit_code,
        person_id=person_id,
        active=True,
        source=source,
        created_at=uow.now,
        updated_at=uow.now,
        updated_hlc=uow.tick(),
    )
    s.add(p)
    if flush:
        s.flush()
    uow.outbox(rules.PLACE, p.id, "create", place_payload(p))
    return p


def new_person(
    uow: UnitOfWork, desk: Desk, committee_id: str, name: str, phone: str | None, *, flush: bool = True
) -> Person:
    """A responsible person in the ground's register: the name there, the phone sealed there."""
    person = Person(id=new_id(), committee_id=committee_id, kind="natural", name=name, updated_hlc=uow.tick())
    seal_secrets(person, desk.require_vault(), Secrets(None, phone, None))
    uow.session.add(person)
    if flush:
        uow.session.flush()  # the place refers to the person
    return person


def required_text(value: str | None, field: str, label: str, max_chars: int) -> str:
    text = clean_text(value, field, label, required=True, max_chars=max_chars)
    assert text is not None  # required=True never returns None
    return text
