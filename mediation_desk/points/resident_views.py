"""Residents and households as the green-coin services show them: the resident's name (or the
masked label of one known only from the district), masked phone, household, balance and open
conflicts; a household's members and balance summed in SQL. Shared by the residents, the
declarations and the ledger's views."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mediation_desk.people.identity import secrets_of
from mediation_desk.people.models import Person
from mediation_desk.points import rules
from mediation_desk.points.balances import balances
from mediation_desk.points.dto import HouseholdView, ResidentView
from mediation_desk.points.models import Conflict, Household, LedgerEntry, Resident
from mediation_desk.privacy.vault import Vault
from mediation_desk.validation import mask_phone


def resident_name(s: Session, r: Resident) -> str:
    """The name in full, or the masked label of a resident known only from the district."""
    if r.person_id is None:
        return r.label
    person = s.get(Person, r.person_id)
    return person.name if person is not None else r.label


def resident_view(s: Session, r: Resident, vault: Vault | None) -> ResidentView:
    return resident_views(s, [r], vault)[0]


def resident_views(s: Session, rows: list[Resident], vault: Vault | None) -> list[ResidentView]:
    ids = [r.id for r in rows]
    held = balances(s, ids)
    household_ids = {r.household_id for r in rows if r.household_id}
    labels = dict(s.execute(select(Household.id, Household.label).where(Household.id.in_(household_ids))).all())
    open_conflicts = dict(
        s.execute(
            select(Conflict.resident_id, func.count())
            .where(Conflict.resident_id.in_(ids), Conflict.status == rules.OPEN)
            .group_by(Conflict.resident_id)
        ).all()
    )
    person_ids = [r.person_id for r in rows if r.person_id]
    people = {p.id: p for p in s.scalars(select(Person).where(Person.id.in_(person_ids)))}
    views = []
    for r in rows:
        person = people.get(r.person_id or "")
        phone = secrets_of(person, vault).phone if person is not None and vault is not None else None
        views.append(
            ResidentView(
                id=r.id,
                name=person.name if person is not None else r.label,
                label=r.label,
                village_group=r.village_group,
                household_id=r.household_id,
                household_label=labels.get(r.household_id or ""),
                phone_masked=mask_phone(phone) if phone else None,
                mediator_id=r.mediator_id,
                active=r.active,
                balance=held.get(r.id, 0),
                open_conflicts=open_conflicts.get(r.id, 0),
            )
        )
    return views


def household_view(s: Session, h: Household) -> HouseholdView:
    return household_views(s, [h])[0]


def household_views(s: Session, households: list[Household], *, every: bool = False) -> list[HouseholdView]:
    """`every`: the list is all households, so no filter is needed."""
    return [
        HouseholdView(h.id, h.label, h.village_group, members, balance)
        for h, (members, balance) in zip(households, _household_figures(s, households, every=every), strict=True)
    ]


# ---- inside ----------------------------------------------------------------------------------


def _household_figures(s: Session, households: list[Household], *, every: bool = False) -> list[tuple[int, int]]:
    """(current members, their balance) per household, summed in SQL (a village has thousands)."""
    members = select(Resident.household_id, func.count()).group_by(Resident.household_id)
    sums = (
        select(Resident.household_id, func.coalesce(func.sum(LedgerEntry.coins), 0))
        .join(LedgerEntry, LedgerEntry.resident_id == Resident.id)
        .group_by(Resident.household_id)
    )
    if not every:
        ids = [h.id for h in households]
        members, sums = members.where(Resident.household_id.in_(ids)), sums.where(Resident.household_id.in_(ids))
    counts = dict(s.execute(members).all())
    held = dict(s.execute(sums).all())
    return [(int(counts.get(h.id, 0)), int(held.get(h.id, 0))) for h in households]
