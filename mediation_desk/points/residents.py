"""Residents who earn green coins, and their households (户).

A resident is a person of the ground's register (`people.models.Person`: the name, the phone
sealed with the data key) plus the scheme's own facts: village group, household, and the roster
record when the resident is also a volunteer mediator. The district only ever learns the masked
label (`rules.mask_name`). A move between households closes one `Membership` row and opens the
next, so a household's past members stay on record for the month-end lists."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ColumnElement, column, func, or_, select, table
from sqlalchemy.orm import Session

from mediation_desk.core.uow import Actor, UnitOfWork
from mediation_desk.desk import Desk
from mediation_desk.errors import NotFound, ValidationError
from mediation_desk.people.identity import Secrets, seal_secrets, secrets_of
from mediation_desk.people.models import Person
from mediation_desk.points import rules
from mediation_desk.points.dto import HouseholdView, ResidentView
from mediation_desk.points.models import Household, Membership, Resident
from mediation_desk.points.resident_views import household_views, resident_view, resident_views
from mediation_desk.privacy import roles
from mediation_desk.privacy.vault import Vault
from mediation_desk.storage.base import new_id
from mediation_desk.validation import clean_name, clean_text, normalize_phone

MAX_LIST = 5000
# The roster of mediators belongs to the mediation capability; a resident only refers to a row of
# it (the foreign key holds the link), so its table is named here rather than its model imported.
_MEDIATOR = table("mediator", column("id"))


# ---- writing ---------------------------------------------------------------------------------


def add_household(desk: Desk, actor: Actor, *, label: str, village_group: str) -> HouseholdView:
    with desk.write(actor) as uow:
        roles.authorize(actor, "points.residents")  # inside the unit of work: a refusal is audited
        clean_label = _required(label, "label", "户名", 64)
        group = _required(village_group, "village_group", "村民小组", 32)
        s = uow.session
        committee_id = desk.committee(s).id
        taken = s.scalar(
            select(Household.id).where(Household.committee_id == committee_id, Household.label == clean_label)
        )
        if taken is not None:
            raise ValidationError.single(
                "label", "household_exists", f"户名「{clean_label}」已登记，请换一个能区分的户名"
            )
        h = Household(
            id=new_id(), committee_id=committee_id, label=clean_label, village_group=group, updated_hlc=uow.tick()
        )
        s.add(h)
        uow.audit("points.household_add", "points_household", h.id)
        return HouseholdView(h.id, h.label, h.village_group, 0, 0)


def add_resident(
    desk: Desk,
    actor: Actor,
    *,
    name: str,
    village_group: str,
    household_id: str | None,
    phone: str | None = None,
    mediator_id: str | None = None,
) -> ResidentView:
    with desk.write(actor) as uow:
        roles.authorize(actor, "points.residents")
        clean = clean_name(name, "name", "姓名", 64)
        group = _required(village_group, "village_group", "村民小组", 32)
        number = normalize_phone(phone, "phone", "联系电话") if phone and phone.strip() else None
        s = uow.session
        committee_id = desk.committee(s).id
        if household_id is not None:
            _household(s, household_id, committee_id)
        if mediator_id is not None:
            _check_mediator(s, mediator_id, None)
        # The name is personal data of the ground's register; the phone is sealed there.
        person = Person(id=new_id(), committee_id=committee_id, kind="natural", name=clean, updated_hlc=uow.tick())
        seal_secrets(person, desk.require_vault(), Secrets(None, number, None))
        s.add(person)
        s.flush()  # the resident refers to the person
        r = Resident(
            id=new_id(),
            committee_id=committee_id,
            person_id=person.id,
            label=rules.mask_name(clean),
            village_group=group,
            household_id=household_id,
            mediator_id=mediator_id,
            active=True,
            updated_hlc=uow.tick(),
        )
        s.add(r)
        s.flush()
        if household_id is not None:
            s.add(Membership(resident_id=r.id, household_id=household_id, since=uow.today, recorded_by=actor.username))
        fields = ["name", "village_group", *(["household"] if household_id else []), *(["phone"] if number else [])]
        uow.audit("points.resident_add", rules.RESIDENT, r.id, fields=fields, mediator=mediator_id is not None)
        uow.outbox(rules.RESIDENT, r.id, "create", resident_payload(r))
        return resident_view(s, r, desk.vault)


def edit_resident(
    desk: Desk,
    actor: Actor,
    resident_id: str,
    *,
    name: str | None = None,
    village_group: str | None = None,
    phone: str | None = None,
    mediator_id: str | None = None,
    active: bool | None = None,
) -> ResidentView:
    """Change what is given; None leaves a field as it is. An empty `phone` or `mediator_id`
    ("") clears it."""
    with desk.write(actor) as uow:
        roles.authorize(actor, "points.residents")
        s = uow.session
        r = _resident(s, resident_id)
        changed: list[str] = []
        synced: dict[str, object] = {}
        person = s.get(Person, r.person_id) if r.person_id else None
        if name is not None:
            clean = clean_name(name, "name", "姓名", 64)
            person = _person_for(uow, desk, r, person)
            if person.name != clean:
                person.name = clean
                person.updated_hlc = uow.tick()
                changed.append("name")
                if r.label != rules.mask_name(clean):
                    r.label = synced["label"] = rules.mask_name(clean)
        if village_group is not None:
            group = _required(village_group, "village_group", "村民小组", 32)
            if group != r.village_group:
                r.village_group = synced["village_group"] = group
                changed.append("village_group")
        if phone is not None:
            number = normalize_phone(phone, "phone", "联系电话") if phone.strip() else None
            vault = desk.require_vault()
            person = _person_for(uow, desk, r, person)
            held = secrets_of(person, vault)
            if held.phone != number:
                seal_secrets(person, vault, Secrets(held.id_number, number, held.address))
                person.updated_hlc = uow.tick()
                changed.append("phone")
        if mediator_id is not None:
            wanted = mediator_id or None
            if wanted is not None:
                _check_mediator(s, wanted, r.id)
            if wanted != r.mediator_id:
                r.mediator_id = wanted
                changed.append("mediator_id")
        if active is not None and bool(active) != r.active:
            r.active = synced["active"] = bool(active)
            changed.append("active")
        if changed:
            r.updated_hlc = uow.tick()
            uow.audit("points.resident_edit", rules.RESIDENT, r.id, fields=changed)
        if synced:
            uow.outbox(rules.RESIDENT, r.id, "update", {"fields": synced, "updated_hlc": r.updated_hlc})
        return resident_view(s, r, desk.vault)


def move_resident(
    desk: Desk, actor: Actor, resident_id: str, household_id: str, *, reason: str, since: dt.date | None = None
) -> ResidentView:
    """Into another household from `since` (today unless told): the current membership ends that
    day and a new one begins, so the household's history keeps both."""
    with desk.write(actor) as uow:
        roles.authorize(actor, "points.residents")
        why = _required(reason, "reason", "迁户原因", rules.MAX_REASON_CHARS)
        s = uow.session
        r = _resident(s, resident_id)
        target = _household(s, household_id, r.committee_id)
        if r.household_id == target.id:
            raise ValidationError.single("household_id", "same_household", f"该居民已在「{target.label}」")
        day = since or uow.today
        if day > uow.today:
            raise ValidationError.single("since", "future_date", "迁入日期不能晚于今天")
        current = s.scalars(
            select(Membership).where(Membership.resident_id == r.id, Membership.until.is_(None))
        ).first()
        if current is not None:
            if day < current.since:
                raise ValidationError.single(
                    "since", "before_membership", f"迁入日期不能早于迁入原户的日期（{current.since:%Y-%m-%d}）"
                )
            current.until = day
        s.add(Membership(resident_id=r.id, household_id=target.id, since=day, reason=why, recorded_by=actor.username))
        before = r.household_id
        r.household_id = target.id
        r.updated_hlc = uow.tick()
        uow.audit("points.resident_move", rules.RESIDENT, r.id, from_household=before, to_household=target.id)
        uow.outbox(
            rules.RESIDENT, r.id, "update", {"fields": {"household_id": target.id}, "updated_hlc": r.updated_hlc}
        )
        return resident_view(s, r, desk.vault)


# ---- reading ---------------------------------------------------------------------------------


def list_residents(
    desk: Desk, actor: Actor, *, query: str | None = None, household_id: str | None = None, limit: int = 500
) -> list[ResidentView]:
    """Residents by village group and name; `query` matches part of the name or the masked
    label, or a whole phone number."""
    with desk.read(actor) as s:
        roles.authorize(actor, "points.view")
        q = select(Resident).outerjoin(Person, Person.id == Resident.person_id)
        if household_id is not None:
            q = q.where(Resident.household_id == household_id)
        text = (query or "").strip()
        if text:
            like = f"%{_escape_like(text)}%"
            found: list[ColumnElement[bool]] = [
                Person.name.like(like, escape="\\"),
                Resident.label.like(like, escape="\\"),
            ]
            index = _phone_index(desk.vault, text)
            if index is not None:
                found.append(Person.phone_idx == index)
            q = q.where(or_(*found))
        q = q.order_by(Resident.village_group, func.coalesce(Person.name, Resident.label), Resident.id)
        rows = list(s.scalars(q.limit(max(1, min(limit, MAX_LIST)))))
        return resident_views(s, rows, desk.vault)


def get_resident(desk: Desk, actor: Actor, resident_id: str) -> ResidentView:
    with desk.read(actor) as s:
        roles.authorize(actor, "points.view")
        return resident_view(s, _resident(s, resident_id), desk.vault)


def list_households(desk: Desk, actor: Actor) -> list[HouseholdView]:
    with desk.read(actor) as s:
        roles.authorize(actor, "points.view")
        households = list(s.scalars(select(Household).order_by(Household.village_group, Household.label)))
        return household_views(s, households, every=True)


def household_history(desk: Desk, actor: Actor, resident_id: str) -> list[tuple[str, dt.date, dt.date | None]]:
    """(household label, since, until) for each household the resident has belonged to, oldest first."""
    with desk.read(actor) as s:
        roles.authorize(actor, "points.view")
        _resident(s, resident_id)
        rows = s.execute(
            select(Household.label, Membership.since, Membership.until)
            .join(Household, Household.id == Membership.household_id)
            .where(Membership.resident_id == resident_id)
            .order_by(Membership.since, Membership.recorded_at)
        ).all()
        return [(label, since, until) for label, since, until in rows]


# ---- what the district keeps -------------------------------------------------------------------


def resident_payload(r: Resident) -> dict[str, object]:
    """What the district keeps of a resident: the masked label, never the name or phone."""
    return {
        "household_id": r.household_id,
        "village_group": r.village_group,
        "label": r.label,
        "active": r.active,
        "updated_hlc": r.updated_hlc,
    }


# ---- inside ----------------------------------------------------------------------------------


def _required(value: str | None, field: str, label: str, max_chars: int) -> str:
    text = clean_text(value, field, label, required=True, max_chars=max_chars)
    assert text is not None  # required=True never returns None
    return text


def _resident(s: Session, resident_id: str) -> Resident:
    r = s.get(Resident, resident_id)
    if r is None:
        raise NotFound("居民", resident_id)
    return r


def _household(s: Session, household_id: str, committee_id: str) -> Household:
    h = s.get(Household, household_id)
    if h is None or h.committee_id != committee_id:
        raise ValidationError.single("household_id", "household_unknown", "所选的户不存在（或不属于本村）")
    return h


def _check_mediator(s: Session, mediator_id: str, resident_id: str | None) -> None:
    if s.scalar(select(_MEDIATOR.c.id).where(_MEDIATOR.c.id == mediator_id)) is None:
        raise ValidationError.single("mediator_id", "mediator_unknown", "所选的调解员不在本委员会的调解员名册中")
    other = s.scalar(select(Resident.id).where(Resident.mediator_id == mediator_id, Resident.id != resident_id))
    if other is not None:
        raise ValidationError.single("mediator_id", "mediator_linked", "这名调解员已关联到另一位居民")


def _person_for(uow: UnitOfWork, desk: Desk, r: Resident, person: Person | None) -> Person:
    """The resident's person, made now for one known until here only from the district."""
    if person is not None:
        return person
    person = Person(id=new_id(), committee_id=r.committee_id, kind="natural", name=r.label, updated_hlc=uow.tick())
    seal_secrets(person, desk.require_vault(), Secrets(None, None, None))
    uow.session.add(person)
    uow.session.flush()
    r.person_id = person.id
    return person


def _phone_index(vault: Vault | None, text: str) -> str | None:
    if vault is None or not any(ch.isdigit() for ch in text):
        return None
    try:
        return vault.index(normalize_phone(text))
    except ValidationError:
        return None


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
