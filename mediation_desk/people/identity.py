"""A person's sealed identity values (ID number, phone, address): opening, sealing and exact
lookup by keyed hash. Every capability that registers people uses these; none re-implements them."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from mediation_desk.errors import ValidationError
from mediation_desk.people.models import Person
from mediation_desk.privacy.vault import Vault, place
from mediation_desk.validation import normalize_phone


@dataclass(frozen=True)
class Secrets:
    """A person's sensitive values in clear, for the moment a service needs them."""

    id_number: str | None
    phone: str | None
    address: str | None


def secrets_of(person: Person, vault: Vault | None) -> Secrets:
    """Decrypted values; plaintext ones of a desk not yet protected; None where locked."""

    def one(column: str) -> str | None:
        legacy: str | None = getattr(person, f"legacy_{column}")
        blob = getattr(person, f"{column}_enc")
        if blob is None or vault is None:
            return legacy
        return vault.open_text(blob, place("person", column, person.id))

    return Secrets(one("id_number"), one("phone"), one("address"))


def seal_secrets(person: Person, vault: Vault, secrets: Secrets) -> None:
    """Store the values encrypted, with keyed hashes for exact lookup of ID number and phone."""
    for column in ("id_number", "phone", "address"):
        value = getattr(secrets, column)
        setattr(person, f"{column}_enc", vault.seal_text(value, place("person", column, person.id)))
        setattr(person, f"legacy_{column}", None)
    person.id_number_idx = vault.index(secrets.id_number)
    person.phone_idx = vault.index(secrets.phone)


def find_by_document(session: Session, vault: Vault, id_type: str, id_number: str) -> Person | None:
    return session.scalars(
        select(Person).where(Person.id_type == id_type, Person.id_number_idx == vault.index(id_number))
    ).first()


def find_people(
    session: Session,
    vault: Vault,
    *,
    id_number: str | None = None,
    phone: str | None = None,
    name: str | None = None,
    limit: int = 20,
) -> list[Person]:
    """Existing people matching an ID number, a phone or a name: the intake form asks before it
    creates a duplicate."""
    q = select(Person)
    if id_number:
        q = q.where(Person.id_number_idx == vault.index(id_number.strip().upper()))
    elif phone:
        try:
            phone = normalize_phone(phone)
        except ValidationError:
            return []
        q = q.where(Person.phone_idx == vault.index(phone))
    elif name:
        q = q.where(Person.name == name.strip())
    else:
        return []
    return list(session.scalars(q.limit(limit)))
