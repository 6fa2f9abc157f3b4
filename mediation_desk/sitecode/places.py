"""重点场所: the places a village keeps a site code for, each with its grid (网格) and its
responsible person (负责人).

The responsible person is a person of the ground's register (name there, phone sealed there), so
one already registered elsewhere — a green-coin resident, say — can be named instead of typed
again (`person_id`). The district learns what supervisors act on (name, category, address, grid,
the placard's code, whether there is a credit code), never the responsible person.

The checks and the writing a place typed in shares with an imported one are in `place_store.py`."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from mediation_desk.core.uow import Actor, UnitOfWork, acting_now
from mediation_desk.desk import Desk
from mediation_desk.errors import NotFound, ValidationError
from mediation_desk.people.identity import Secrets, seal_secrets, secrets_of
from mediation_desk.people.models import Person
from mediation_desk.privacy import roles
from mediation_desk.privacy.vault import Vault
from mediation_desk.sitecode import codes, placard_code, rules
from mediation_desk.sitecode.dto import MonthLine, PlaceView
from mediation_desk.sitecode.models import Place, Task
from mediation_desk.sitecode.place_store import (
    MANUAL,
    MAX_ADDRESS_CHARS,
    MAX_GRID_CHARS,
    check_category,
    check_input,
    duplicate_problem,
    new_person,
    new_place,
    required_text,
)
from mediation_desk.sitecode.scheme_store import current_scheme
from mediation_desk.validation import clean_name, mask_phone, normalize_phone, validate_uscc

MAX_LIST = 50_000
# ---- writing ---------------------------------------------------------------------------------


def add_place(
    desk: Desk,
    actor: Actor,
    *,
    name: str,
    category: str,
    address: str,
    grid: str,
    credit_code: str | None = None,
    responsible_name: str | None = None,
    responsible_phone: str | None = None,
    person_id: str | None = None,
) -> PlaceView:
    with desk.write(actor) as uow:
        roles.authorize(actor, "sitecode.places")  # inside the unit of work: a refusal is audited
        s = uow.session
        held = current_scheme(uow)
        checked = check_input(held, name, category, address, grid, credit_code, responsible_name, responsible_phone)
        if person_id is not None and (checked.responsible_name or checked.responsible_phone):
            raise ValidationError.single(
                "person_id", "person_and_name", "负责人可以选已登记的人员，也可以填写姓名和电话，二者只能选一种"
            )
        committee_id = desk.committee(s).id
        problem = duplicate_problem(s, committee_id, checked.name, checked.address, checked.credit_code)
        if problem is not None:
            raise ValidationError.single(*problem)
        if person_id is not None:
            _check_person(s, person_id, committee_id)
        p = new_place(uow, desk, committee_id, checked, person_id=person_id, source=MANUAL)
        fields = ["name", "category", "address", "grid", *(["credit_code"] if p.credit_code else [])]
        if p.person_id is not None:
            fields.append("responsible")
        uow.audit("sitecode.place_add", rules.PLACE, p.id, fields=fields, individual=p.credit_code is None)
        return place_views(s, [p], uow.now, vault=desk.vault)[0]


def edit_place(
    desk: Desk,
    actor: Actor,
    place_id: str,
    *,
    name: str | None = None,
    category: str | None = None,
    address: str | None = None,
    grid: str | None = None,
    credit_code: str | None = None,
    responsible_name: str | None = None,
    responsible_phone: str | None = None,
    active: bool | None = None,
) -> PlaceView:
    """Change what is given; None leaves a field as it is. An empty `credit_code` clears it (an
    individual business), an empty `responsible_phone` clears the phone."""
    with desk.write(actor) as uow:
        roles.authorize(actor, "sitecode.places")
        s = uow.session
        p = _place(s, place_id)
        held = current_scheme(uow)
        synced: dict[str, object] = {}
        changed: list[str] = []

        def put(column: str, value: object, wire: str | None = None, wire_value: object = None) -> None:
            if getattr(p, column) != value:
                setattr(p, column, value)
                changed.append(column)
                if wire is not None:
                    synced[wire] = value if wire_value is None else wire_value

        if name is not None:
            put("name", clean_name(name, "name", "场所名称", rules.MAX_NAME_CHARS), "name")
        if category is not None:
            put("category", check_category(held, category), "category")
        if address is not None:
            put("address", required_text(address, "address", "地址", MAX_ADDRESS_CHARS), "address")
        if grid is not None:
            put("grid", required_text(grid, "grid", "网格", MAX_GRID_CHARS), "grid")
        if credit_code is not None:
            code = validate_uscc(credit_code, "credit_code") if credit_code.strip() else None
            put("credit_code", code, "has_credit_code", code is not None)
        if active is not None:
            put("active", bool(active), "active")
        if {"name", "address", "credit_code"} & set(changed):
            with s.no_autoflush:  # compared with the other places as stored, before this one's change
                problem = duplicate_problem(s, p.committee_id, p.name, p.address, p.credit_code, except_id=p.id)
            if problem is not None:
                raise ValidationError.single(*problem)
        changed += _edit_person(uow, desk, p, responsible_name, responsible_phone)
        if changed:
            p.updated_at = uow.now
            p.updated_hlc = uow.tick()
            uow.audit("sitecode.place_edit", rules.PLACE, p.id, fields=changed)
        if synced:
            uow.outbox(rules.PLACE, p.id, "update", {"fields": synced, "updated_hlc": p.updated_hlc})
        return place_views(s, [p], uow.now, vault=desk.vault)[0]


# ---- reading ---------------------------------------------------------------------------------


def list_places(
    desk: Desk,
    actor: Actor,
    *,
    query: str | None = None,
    grid: str | None = None,
    colour: str | None = None,
    category: str | None = None,
    include_inactive: bool = False,
    limit: int = 1000,
) -> list[PlaceView]:
    """Places by grid and name; `query` matches part of the name, address, credit code or the
    responsible person's name, or a whole placard code (场所码)."""
    with desk.read(actor) as s:
        roles.authorize(actor, "sitecode.view")
        wanted_colour = _colour(colour) if colour is not None and colour.strip() else None
        q = select(Place).outerjoin(Person, Person.id == Place.person_id)
        if not include_inactive:
            q = q.where(Place.active.is_(True))
        if grid is not None and grid.strip():
            q = q.where(Place.grid == grid.strip())
        if category is not None and category.strip():
            q = q.where(Place.category == check_category(current_scheme(s), category))
        text = (query or "").strip()
        if text:
            like = f"%{_escape_like(text)}%"
            found: list[ColumnElement[bool]] = [
                Place.name.like(like, escape="\\"),
                Place.address.like(like, escape="\\"),
                Place.credit_code.like(like.upper(), escape="\\"),
                Person.name.like(like, escape="\\"),
            ]
            by_code = _ids_by_place_code(s, text)
            if by_code:
                found.append(Place.id.in_(by_code))
            q = q.where(or_(*found))
        q = q.order_by(Place.grid, Place.name, Place.id)
        cap = max(1, min(limit, MAX_LIST))
        rows = list(s.scalars(q if wanted_colour else q.limit(cap)))
        views = place_views(s, rows, acting_now(), vault=desk.vault)
        if wanted_colour:
            views = [v for v in views if v.code.colour == wanted_colour][:cap]
        return views


def get_place(desk: Desk, actor: Actor, place_id: str) -> PlaceView:
    with desk.read(actor) as s:
        roles.authorize(actor, "sitecode.view")
        return place_views(s, [_place(s, place_id)], acting_now(), vault=desk.vault)[0]


def place_history(desk: Desk, actor: Actor, place_id: str, months: int = 12) -> list[MonthLine]:
    """The codes the last `months` closed months closed with, newest first."""
    with desk.read(actor) as s:
        roles.authorize(actor, "sitecode.view")
        p = _place(s, place_id)
        facts = codes.facts_for(s, [p])[p.id]
        return codes.history(facts, acting_now(), current_scheme(s).thresholds, max(1, min(months, 120)))


def grids(desk: Desk, actor: Actor) -> list[str]:
    """The grids the village's places are in (for the filters and the dashboard)."""
    with desk.read(actor) as s:
        roles.authorize(actor, "sitecode.view")
        return list(s.scalars(select(Place.grid).distinct().order_by(Place.grid)))


# ---- shared with the other site-code services ------------------------------------------------


def place_views(s: Session, places: list[Place], moment: dt.datetime, *, vault: Vault | None = None) -> list[PlaceView]:
    """The places as the faces show them: each one's code at `moment` with its reasons, its open
    and overdue hazards, its open tasks and (given the data key) its responsible person's phone,
    masked. A few queries however many places."""
    if not places:
        return []
    held = current_scheme(s)
    judged = codes.codes_for(s, places, moment, held.thresholds)
    ids = [p.id for p in places]
    open_tasks: Counter[str] = Counter()
    for i in range(0, len(ids), 900):  # SQLite's limit on bound parameters
        chunk = ids[i : i + 900]
        rows = s.execute(
            select(Task.place_id, func.count())
            .where(Task.place_id.in_(chunk), Task.status == rules.TASK_OPEN)
            .group_by(Task.place_id)
        ).all()
        open_tasks.update({place_id: int(n) for place_id, n in rows})
    person_ids = sorted({p.person_id for p in places if p.person_id})
    people: dict[str, Person] = {}
    for i in range(0, len(person_ids), 900):
        people.update({x.id: x for x in s.scalars(select(Person).where(Person.id.in_(person_ids[i : i + 900])))})
    labels = held.categories
    views = []
    for p in places:
        code, shown = judged[p.id]
        person = people.get(p.person_id or "")
        phone = secrets_of(person, vault).phone if person is not None and person.purged_at is None else None
        views.append(
            PlaceView(
                id=p.id,
                name=p.name,
                category=p.category,
                category_label=labels.get(p.category, p.category),
                address=p.address,
                grid=p.grid,
                credit_code=p.credit_code,
                individual=p.credit_code is None,
                responsible_name=person.name if person is not None else None,
                responsible_phone_masked=mask_phone(phone) if phone else None,
                person_id=p.person_id,
                active=p.active,
                created_at=p.created_at,
                place_code=placard_code.place_code(p.id),
                code=shown,
                open_hazards=len(code.open_hazards) + len(code.overdue),
                overdue_hazards=len(code.overdue),
                open_tasks=open_tasks.get(p.id, 0),
            )
        )
    return views


def load_place(s: Session, place_id: str) -> Place:
    return _place(s, place_id)


# ---- inside ----------------------------------------------------------------------------------


def _place(s: Session, place_id: str) -> Place:
    p = s.get(Place, place_id)
    if p is None:
        raise NotFound("场所", place_id)
    return p


def _colour(text: str) -> str:
    wanted = text.strip()
    for colour, label in rules.COLOURS.items():
        if wanted in (colour, label):
            return colour
    raise ValidationError.single("colour", "colour_unknown", f"码色「{wanted[:10]}」无法识别，可选：绿码、黄码、红码")


def _check_person(s: Session, person_id: str, committee_id: str) -> None:
    person = s.get(Person, person_id)
    if person is None or person.committee_id != committee_id or person.purged_at is not None:
        raise ValidationError.single("person_id", "person_unknown", "所选的负责人不在本村的人员登记中")


def _edit_person(
    uow: UnitOfWork, desk: Desk, p: Place, responsible_name: str | None, responsible_phone: str | None
) -> list[str]:
    """Change the responsible person's name or phone (a person is made for a place without one)."""
    if responsible_name is None and responsible_phone is None:
        return []
    s = uow.session
    who = clean_name(responsible_name, "responsible_name", "负责人") if responsible_name is not None else None
    phone = (
        normalize_phone(responsible_phone, "responsible_phone", "联系电话")
        if responsible_phone and responsible_phone.strip()
        else None
    )
    person = s.get(Person, p.person_id) if p.person_id else None
    if person is None:
        if who is None:
            raise ValidationError.single("responsible_name", "required", "该场所还没有负责人，请先填写负责人姓名")
        p.person_id = new_person(uow, desk, p.committee_id, who, phone).id
        return ["responsible"]
    changed: list[str] = []
    if who is not None and person.name != who:
        person.name = who
        changed.append("responsible_name")
    if responsible_phone is not None:
        vault = desk.require_vault()
        held = secrets_of(person, vault)
        if held.phone != phone:
            seal_secrets(person, vault, Secrets(held.id_number, phone, held.address))
            changed.append("responsible_phone")
    if changed:
        person.updated_hlc = uow.tick()
    return changed


def _ids_by_place_code(s: Session, text: str) -> list[str]:
    """The place whose placard code is `text` (10 letters and digits), if any."""
    wanted = text.strip().upper()
    if len(wanted) != 10 or not wanted.isalnum() or not wanted.isascii():
        return []
    return [pid for pid in s.scalars(select(Place.id)) if placard_code.place_code(pid) == wanted]


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
