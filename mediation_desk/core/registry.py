"""What the capabilities tell the ground they have (design §2, Floors).

The ground — unit of work, audit, outbox, sync contract, role table, data lifecycle hooks — knows
no capability by name. Each capability registers, once at start-up, what the ground must handle
for it: the entities it syncs (with their merge and transition rules), its permission actions, its
audit actions, the consent purposes it processes data for (with the handler that erases that data
on withdrawal), its retention rules and its sealed (encrypted) records. The faces (window, command
line) and the district server call `mediation_desk.capabilities.register_all()` (the server only
the capabilities' pure rule modules) before anything else runs.

Registering the same thing twice is harmless when it is the same thing (tests and the district
register in one process); registering a different thing under a taken name is a programming error."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, TypeVar

from sqlalchemy.orm import Session

from mediation_desk.core.sync_contract import COMMITTEE, SyncedEntity
from mediation_desk.core.uow import UnitOfWork
from mediation_desk.privacy import roles
from mediation_desk.privacy.vault import Vault

_T = TypeVar("_T")

# (uow, person_id) -> how many items were erased. Runs inside the withdrawal's unit of work.
ErasureHandler = Callable[[UnitOfWork, str], int]


@dataclass(frozen=True)
class ConsentPurpose:
    """A purpose beyond the capability's own legal basis that needs separate consent (PIPL art. 29).

    `standing`: the processing goes on outside any case (a bracelet wearer's location), so a person
    with such a consent in force keeps their record when the cases they were party to are purged."""

    code: str
    label: str
    standing: bool = False
    erase: tuple[ErasureHandler, ...] = ()


@dataclass(frozen=True)
class Expired:
    """One record whose retention period has ended: what a purge report shows of it."""

    rule: str
    key: str  # the record's id
    label: str  # how a person recognises it, e.g. a case number
    expired_on: dt.date
    person_ids: tuple[str, ...] = ()  # people it names: erased unless something else keeps them


class RetentionRule(Protocol):
    """How one capability's records expire and are erased (PIPL arts 19, 47).

    `erase` runs inside the purge's unit of work and returns the names of stored files to delete
    once it has committed (a file is never deleted for a purge that rolled back)."""

    name: str

    def expired(self, session: Session, years: dict[str, int], today: dt.date) -> list[Expired]: ...

    def erase(self, uow: UnitOfWork, item: Expired) -> list[str]: ...


class SealedRecords(Protocol):
    """Records of one capability that hold sealed personal values: `seal_legacy` encrypts values left
    in plaintext by a desk from before encryption; `check_open` proves every sealed value opens."""

    name: str

    def seal_legacy(self, session: Session, vault: Vault) -> int: ...

    def check_open(self, session: Session, vault: Vault) -> int: ...

    def plain_files(self, session: Session, folder: Path) -> list[str]: ...


@dataclass
class Registry:
    # The committee is the ground's own synced entity (every desk and the district know it).
    entities: dict[str, SyncedEntity] = field(default_factory=lambda: {COMMITTEE.name: COMMITTEE})
    audit_actions: dict[str, str] = field(default_factory=dict)  # action → what it records (Chinese)
    consent_purposes: dict[str, ConsentPurpose] = field(default_factory=dict)
    retention_rules: dict[str, RetentionRule] = field(default_factory=dict)
    sealed: dict[str, SealedRecords] = field(default_factory=dict)
    capabilities: set[str] = field(default_factory=set)

    # ---- synced entities (core/sync_contract.py) ----------------------------------------------

    def add_entities(self, entities: Iterable[SyncedEntity]) -> None:
        for entity in entities:
            _put(self.entities, entity.name, entity, "synced entity")

    def entity(self, name: str) -> SyncedEntity | None:
        return self.entities.get(name)

    # ---- permissions (privacy/roles.py keeps the one table) ------------------------------------

    @staticmethod
    def add_permissions(permissions: Iterable[roles.Permission]) -> None:
        roles.register(permissions)

    # ---- audit actions -------------------------------------------------------------------------

    def add_audit_actions(self, actions: dict[str, str]) -> None:
        for action, label in actions.items():
            _put(self.audit_actions, action, label, "audit action")

    # ---- data lifecycle ------------------------------------------------------------------------

    def add_consent_purpose(self, purpose: ConsentPurpose) -> None:
        held = self.consent_purposes.get(purpose.code)
        if held is not None and (held.label, held.standing) == (purpose.label, purpose.standing):
            # Another capability erases its own data for the same purpose: handlers add up.
            handlers = held.erase + tuple(h for h in purpose.erase if h not in held.erase)
            self.consent_purposes[purpose.code] = ConsentPurpose(held.code, held.label, held.standing, handlers)
            return
        _put(self.consent_purposes, purpose.code, purpose, "consent purpose")

    def add_retention_rule(self, rule: RetentionRule) -> None:
        _put(self.retention_rules, rule.name, rule, "retention rule")

    def add_sealed(self, records: SealedRecords) -> None:
        _put(self.sealed, records.name, records, "sealed records")

    def standing_purposes(self) -> frozenset[str]:
        return frozenset(code for code, p in self.consent_purposes.items() if p.standing)

    # ---- capabilities --------------------------------------------------------------------------

    def once(self, capability: str) -> bool:
        """True the first time a capability registers (its `register` does the work only then)."""
        if capability in self.capabilities:
            return False
        self.capabilities.add(capability)
        return True

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self.capabilities))


def _put(table: dict[str, _T], key: str, value: _T, what: str) -> None:
    held = table.get(key)
    if held is not None and held != value and held is not value:
        raise ValueError(f"{what} {key!r} is registered twice, differently")
    table[key] = value


REGISTRY = Registry()
