"""调解员 roster (老娘舅): add, update, list, and relations to people for recusal."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.errors import NotFound, Problems, ValidationError
from mediation_desk.mediation.dispute_types import resolve_type
from mediation_desk.mediation.dto import MediatorView
from mediation_desk.mediation.models_people import Mediator, MediatorLoad, MediatorRelation
from mediation_desk.mediation.recusal import recuse_related
from mediation_desk.people.models import Person
from mediation_desk.privacy import roles
from mediation_desk.privacy.vault import Vault, place
from mediation_desk.storage.base import new_id
from mediation_desk.validation import clean_name, clean_text, mask_phone, normalize_phone, parse_gender

EDITABLE = ("name", "gender", "phone", "area", "skills", "available", "max_open_cases", "active", "title", "notes")


def validate_mediator(data: Mapping[str, Any], *, partial: bool = False) -> dict[str, Any]:
    p = Problems()
    out: dict[str, Any] = {}

    def run(key: str, fn: Any, *a: Any, **kw: Any) -> None:
        if not (partial and key not in data):  # a partial update checks only what it changes
            out[key] = p.check(fn, *a, **kw)

    run("name", clean_name, data.get("name"), "name", "调解员姓名", 64)
    if data.get("gender"):
        run("gender", parse_gender, data.get("gender"))
    if data.get("phone"):
        run("phone", normalize_phone, data.get("phone"))
    elif not partial or "phone" in data:
        out["phone"] = None
    run("area", clean_text, data.get("area"), "area", "负责片区", required=False, max_chars=64)
    run("title", clean_text, data.get("title"), "title", "称谓", required=False, max_chars=32)
    run("notes", clean_text, data.get("notes"), "notes", "备注", required=False, max_chars=1000, multiline=True)
    if not partial or "skills" in data:
        skills = data.get("skills") or []
        if isinstance(skills, str):
            skills = [s for s in skills.replace("，", ",").replace("、", ",").split(",") if s.strip()]
        codes = []
        for i, s in enumerate(skills):
            try:
                codes.append(resolve_type(str(s).strip())[0])
            except ValidationError as e:
                p.add(f"skills[{i}]", "skill_unknown", e.problems[0].message)
        out["skills"] = sorted(set(codes))
    if not partial or "max_open_cases" in data:
        cap = data.get("max_open_cases")
        if cap in ("", None):
            out["max_open_cases"] = None
        elif not isinstance(cap, int) or isinstance(cap, bool) or not 1 <= cap <= 500:
            p.add("max_open_cases", "capacity_range", "在办上限须为 1–500 的整数，或留空表示不限")
        else:
            out["max_open_cases"] = cap
    for flag in ("available", "active"):
        if flag in data:
            out[flag] = bool(data[flag])
    p.raise_if_any()
    return out


def mediator_phone(m: Mediator, vault: Vault | None) -> str | None:
    if m.phone_enc is None or vault is None:
        return m.legacy_phone
    return vault.open_text(m.phone_enc, place("mediator", "phone", m.id))


def _set_phone(m: Mediator, desk: Desk, phone: str | None) -> None:
    """Phones are personal data: stored encrypted, so setting one needs the unlocked key."""
    m.phone_enc = desk.require_vault().seal_text(phone, place("mediator", "phone", m.id)) if phone else None
    m.legacy_phone = None


def add_mediator(desk: Desk, actor: Actor, data: Mapping[str, Any]) -> MediatorView:
    with desk.write(actor) as uow:
        roles.authorize(actor, "mediator.manage")  # inside the unit of work: a refusal is audited
        fields = validate_mediator(data)
        phone = fields.pop("phone", None)
        s = uow.session
        m = Mediator(id=new_id(), committee_id=desk.committee(s).id, updated_hlc=uow.tick(), **fields)
        _set_phone(m, desk, phone)
        s.add(m)
        s.flush()
        uow.audit("mediator.create", "mediator", m.id, fields=sorted(fields))
        uow.outbox("mediator", m.id, "create", _sync_payload(m))
        return mediator_view(s, m, desk.vault, full=True)


def update_mediator(desk: Desk, actor: Actor, mediator_id: str, data: Mapping[str, Any]) -> MediatorView:
    with desk.write(actor) as uow:
        roles.authorize(actor, "mediator.manage")  # inside the unit of work: a refusal is audited
        fields = validate_mediator(data, partial=True)
        s = uow.session
        m = s.get(Mediator, mediator_id)
        if m is None:
            raise NotFound("调解员", mediator_id)
        current = {k: (mediator_phone(m, desk.vault) if k == "phone" else getattr(m, k)) for k in fields}
        changed = sorted(k for k, v in fields.items() if current[k] != v)
        for k in changed:
            if k == "phone":
                _set_phone(m, desk, fields[k])
            else:
                setattr(m, k, fields[k])
        if changed:
            m.updated_hlc = uow.tick()
            uow.audit("mediator.update", "mediator", m.id, fields=changed)
            uow.outbox(
                "mediator",
                m.id,
                "update",
                {"fields": {k: _sync_payload(m).get(k) for k in changed if k != "phone"}, "updated_hlc": m.updated_hlc},
            )
        return mediator_view(s, m, desk.vault, full=True)


def add_relation(desk: Desk, actor: Actor, mediator_id: str, person_id: str, relation: str) -> list[str]:
    """Record that a mediator is related to a person: that mediator is then recused from
    every case the person is a party to — those open now included: the assignment ends there
    (the case waits for a new mediator if nobody else is on it). Returns those cases' ids."""
    with desk.write(actor) as uow:
        roles.authorize(actor, "mediator.manage")  # inside the unit of work: a refusal is audited
        relation = clean_text(relation, "relation", "关系", required=True, max_chars=32) or ""
        s = uow.session
        if s.get(Mediator, mediator_id) is None:
            raise NotFound("调解员", mediator_id)
        if s.get(Person, person_id) is None:
            raise NotFound("当事人", person_id)
        existing = s.scalars(
            select(MediatorRelation).where(
                MediatorRelation.mediator_id == mediator_id, MediatorRelation.person_id == person_id
            )
        ).first()
        if existing:
            existing.relation = relation
        else:
            s.add(MediatorRelation(mediator_id=mediator_id, person_id=person_id, relation=relation))
        uow.audit("mediator.relation", "mediator", mediator_id, person_id=person_id)
        return recuse_related(uow, mediator_id, person_id, relation)


def open_loads(s: Session) -> dict[str, int]:
    """Open cases per mediator (cases in an open state with an assignment of theirs not ended),
    as the database's triggers keep them (`MediatorLoad`, revision 0011)."""
    return dict(
        s.execute(select(MediatorLoad.mediator_id, MediatorLoad.open_cases).where(MediatorLoad.open_cases > 0)).all()
    )


def mediator_view(
    s: Session, m: Mediator, vault: Vault | None, *, full: bool = False, load: int | None = None
) -> MediatorView:
    if load is None:
        load = open_loads(s).get(m.id, 0)
    phone = mediator_phone(m, vault)
    return MediatorView(
        id=m.id,
        name=m.name,
        gender=m.gender,
        phone=phone if full or not phone else mask_phone(phone),
        area=m.area,
        skills=tuple(m.skills),
        available=m.available,
        active=m.active,
        max_open_cases=m.max_open_cases,
        open_cases=load,
        title=m.title,
        relations=tuple((r.person_id, r.relation) for r in m.relations),
    )


def list_mediators(desk: Desk, *, include_inactive: bool = False) -> list[MediatorView]:
    """The roster with each mediator's open cases: one query for the mediators and their loads,
    one for all their relations; only the phones listed are opened (to be masked)."""
    with desk.read() as s:
        q = (
            select(Mediator, func.coalesce(MediatorLoad.open_cases, 0))
            .outerjoin(MediatorLoad, MediatorLoad.mediator_id == Mediator.id)
            .options(selectinload(Mediator.relations))
            .order_by(Mediator.name)
        )
        if not include_inactive:
            q = q.where(Mediator.active.is_(True))
        return [mediator_view(s, m, desk.vault, load=load) for m, load in s.execute(q)]


def find_mediator(s: Session, key: str) -> Mediator:
    """By id, or by exact name when that name is unique."""
    m = s.get(Mediator, key)
    if m is None:
        matches = list(s.scalars(select(Mediator).where(Mediator.name == key)))
        if len(matches) > 1:
            raise ValidationError.single("mediator", "mediator_ambiguous", f"有多名调解员叫「{key}」，请用编号指定")
        m = matches[0] if matches else None
    if m is None:
        raise NotFound("调解员", key)
    return m


def _sync_payload(m: Mediator) -> dict[str, Any]:
    return {
        "name": m.name,
        "area": m.area,
        "skills": list(m.skills),
        "available": m.available,
        "active": m.active,
        "title": m.title,
        "updated_hlc": m.updated_hlc,
    }
