"""Existing people found by ID number or phone, so an intake reuses a person instead of
registering a duplicate."""

from __future__ import annotations

from mediation_desk.desk import Desk
from mediation_desk.mediation.dto import PersonView
from mediation_desk.mediation.people import person_view
from mediation_desk.people.identity import find_people


def find_existing_people(desk: Desk, *, id_number: str | None = None, phone: str | None = None) -> list[PersonView]:
    """Masked views of the people with this ID number (or else this phone); none for neither."""
    if not (id_number or phone):
        return []
    vault = desk.require_vault()  # the lookup hashes need the data key
    with desk.read() as s:
        people = find_people(s, vault, id_number=id_number, phone=phone)
        return [person_view(p, vault) for p in people if p.purged_at is None]
