"""The register of persons as sealed records (core/registry.py `SealedRecords`): each person's ID
number, phone and address, which a desk from before encryption kept in clear (legacy_* columns,
and before revision 0003 the plain columns) until the desk is protected (lifecycle/protect.py).

The register is the ground's own, so the ground registers it itself (core/registry.py)."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from mediation_desk.errors import ValidationError
from mediation_desk.people.identity import Secrets, seal_secrets, secrets_of
from mediation_desk.people.models import Person
from mediation_desk.privacy.vault import Vault
from mediation_desk.validation import normalize_phone

_LEGACY = (Person.legacy_id_number, Person.legacy_phone, Person.legacy_address)


def _normal_id_number(value: str | None) -> str | None:
    return None if value is None else value.strip().upper()


def _normal_phone(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return normalize_phone(value)
    except ValidationError:
        return value.strip()


class PersonIdentities:
    name = "people"

    @property
    def plain_columns(self) -> Mapping[str, tuple[str, ...]]:
        # In databases before revision 0003 under their own names, from 0003 on as legacy_*.
        return {
            Person.__tablename__: (
                "id_number",
                "phone",
                "address",
                "legacy_id_number",
                "legacy_phone",
                "legacy_address",
            )
        }

    def legacy_left(self, session: Session) -> bool:
        return (
            session.scalars(select(Person.id).where(or_(*(c.is_not(None) for c in _LEGACY))).limit(1)).first()
            is not None
        )

    def seal_legacy(self, session: Session, vault: Vault) -> int:
        people = session.scalars(
            select(Person).where(or_(*(c.is_not(None) for c in _LEGACY))).order_by(Person.id)
        ).all()
        for person in people:
            secrets = Secrets(person.legacy_id_number, person.legacy_phone, person.legacy_address)
            seal_secrets(person, vault, secrets)  # also empties the legacy columns
            # The keyed hashes must match what lookups compute from a typed query: the old desk's
            # spelling is kept in the sealed value, the hash is taken over the normal form.
            person.id_number_idx = vault.index(_normal_id_number(secrets.id_number))
            person.phone_idx = vault.index(_normal_phone(secrets.phone))
        session.flush()
        return len(people)

    def check_open(self, session: Session, vault: Vault) -> int:
        people = session.scalars(select(Person)).all()
        for person in people:
            secrets_of(person, vault)  # raises on a value that does not open at its place
        return len(people)


PERSON_IDENTITIES = PersonIdentities()
