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
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeVar

from sqlalchemy.orm import Session

from mediation_desk.core.demo import DemoFiller
from mediation_desk.core.sync_contract import COMMITTEE, Change, SyncedEntity
from mediation_desk.core.uow import UnitOfWork
from mediation_desk.people.sealed import PERSON_IDENTITIES
from mediation_desk.privacy import roles
from mediation_desk.privacy.vault import Vault

_T = TypeVar("_T")

# ---- data lifecycle (lifecycle/: consent, retention, protect) ---------------------------------

# (uow, person_id) -> how many items it erased. Runs inside the withdrawal's unit of work: if it
# raises, nothing is withdrawn.
ErasureHandler = Callable[[UnitOfWork, str], int]


@dataclass(frozen=True)
class ConsentPurpose:
    """A purpose beyond the capability's own legal basis that needs separate consent (PIPL art. 29).

    `erase`: the handlers that erase what is kept for the purpose when a person withdraws; none
    while no capability keeps data for it (a withdrawal then says, truthfully, that nothing was
    held). Each capability that keeps such data registers the purpose again with its own handler.
    `standing`: the processing goes on outside any case (a bracelet wearer's location), so a person
    with such a consent in force keeps their record when the cases they were party to are purged."""

    code: str
    label: str
    standing: bool = False
    erase: tuple[ErasureHandler, ...] = ()


@dataclass(frozen=True)
class RetentionPeriod:
    """One number of years the committee sets (保管期限): how long a class of records is kept once
    it has ended. `at_most` names another period this one may not be longer than (短期 ≤ 长期)."""

    key: str
    label: str
    default_years: int
    at_most: str | None = None


@dataclass(frozen=True)
class Expired:
    """One record whose retention period has ended: what a purge report shows of it."""

    rule: str
    key: str  # the record's id
    label: str  # how a person recognises it, e.g. a case number
    expired_on: dt.date
    person_ids: tuple[str, ...] = ()  # people it names: erased unless something else keeps them
    files: int = 0  # stored files that erasing it deletes


@dataclass(frozen=True)
class Erased:
    """What erasing one record left to do and to record."""

    files: tuple[str, ...] = ()  # stored names in the desk's attachments folder, deleted after commit
    detail: Mapping[str, Any] = field(default_factory=dict)  # for the audit record: counts, never content


class RetentionRule(Protocol):
    """How one capability's records expire and are erased (PIPL arts 19, 47).

    The purge (lifecycle/retention.py) lists `expired` records under the committee's years (every
    registered period, by key), then per record, in one unit of work: `erase` (None when the record
    no longer qualifies, checked again under the write lock), the people it names unless a rule
    `keeps` them or a standing consent does, and the audit record `<entity>.purge`. Files are
    deleted once that has committed; `erased_files` finds those a failed deletion left behind.
    `compact` runs once after a purge that erased something (e.g. merging a search index)."""

    @property
    def name(self) -> str: ...

    @property
    def entity(self) -> str:  # what the audit records name the records ("case")
        ...

    @property
    def periods(self) -> tuple[RetentionPeriod, ...]: ...

    def expired(self, session: Session, years: Mapping[str, int], today: dt.date) -> list[Expired]: ...

    def erase(self, uow: UnitOfWork, item: Expired, years: Mapping[str, int], today: dt.date) -> Erased | None: ...

    def keeps(self, session: Session, person_id: str, purging: Collection[str] = ()) -> bool: ...

    def erased_files(self, session: Session) -> list[str]: ...

    def compact(self, uow: UnitOfWork) -> None: ...


class SealedRecords(Protocol):
    """Records of one kind that hold sealed personal values in the database. A desk from before
    encryption kept them in clear (`plain_columns`, by table: those names before revision 0003,
    legacy_* after): `seal_legacy` encrypts what is left in clear; `check_open` opens every value
    (raising on one that does not open). `name` is what the protect audit record counts them as."""

    @property
    def name(self) -> str: ...

    @property
    def plain_columns(self) -> Mapping[str, tuple[str, ...]]: ...

    def legacy_left(self, session: Session) -> bool: ...

    def seal_legacy(self, session: Session, vault: Vault) -> int: ...

    def check_open(self, session: Session, vault: Vault) -> int: ...


@dataclass(frozen=True)
class PlainFile:
    """A stored file still in clear; sealed, it becomes `<record_id>.sealed` bound to `place`."""

    record_id: str
    stored_name: str
    place: str


class SealedFiles(Protocol):
    """Records of one kind whose content is a stored file in the desk's attachments folder, sealed
    with the data key. Protecting a desk seals each `plain_files` entry, then `switch_to_sealed`
    points the record at the sealed copy (False: the record is gone, so its sealed copy goes too);
    `sealed_names` says which of some record ids are sealed, and under which name."""

    @property
    def name(self) -> str: ...

    def plain_files(self, session: Session, folder: Path) -> list[PlainFile]: ...

    def switch_to_sealed(self, session: Session, record_id: str, sealed_name: str) -> bool: ...

    def sealed_names(self, session: Session, record_ids: Collection[str]) -> dict[str, str]: ...

    def check_open(self, session: Session, vault: Vault, folder: Path) -> int: ...


# ---- hooks between capabilities and from sync -------------------------------------------------

# (uow, what happened) -> None. Runs inside the publisher's unit of work: what a listener writes
# commits with the event, and a listener that raises undoes the whole action.
Listener = Callable[[UnitOfWork, Mapping[str, Any]], None]
# (uow, the page's changes of the handler's entities, in feed order) -> rows changed. Runs inside
# the pull's unit of work, which stores the cursor with them.
PullHandler = Callable[[UnitOfWork, list[Change]], int]
# (uow, one part of the district's reference answer) -> None, when that part changed.
ReferenceHandler = Callable[[UnitOfWork, Any], None]
# (text) -> the characters of `text` no font of the documents can print, each once, in order.
PrintCheck = Callable[[str], list[str]]


@dataclass
class Registry:
    # The committee is the ground's own synced entity (every desk and the district know it).
    entities: dict[str, SyncedEntity] = field(default_factory=lambda: {COMMITTEE.name: COMMITTEE})
    audit_actions: dict[str, str] = field(default_factory=dict)  # action → what it records (Chinese)
    consent_purposes: dict[str, ConsentPurpose] = field(default_factory=dict)
    retention_rules: dict[str, RetentionRule] = field(default_factory=dict)
    # The register of persons is the ground's own sealed records (people/sealed.py).
    sealed: dict[str, SealedRecords] = field(default_factory=lambda: {PERSON_IDENTITIES.name: PERSON_IDENTITIES})
    sealed_files: dict[str, SealedFiles] = field(default_factory=dict)
    demo_fillers: dict[str, DemoFiller] = field(default_factory=dict)  # in registration order
    capabilities: set[str] = field(default_factory=set)
    listeners: dict[str, list[Listener]] = field(default_factory=dict)  # event name → listeners
    pull_handlers: dict[str, PullHandler] = field(default_factory=dict)  # entity → its handler
    reference_handlers: dict[str, ReferenceHandler] = field(default_factory=dict)  # part → handler
    # The documents' font coverage, set by the faces at start-up (the ground prints nothing itself).
    print_check: PrintCheck | None = None

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
        periods = self.retention_periods()
        for period in rule.periods:
            _put(periods, period.key, period, "retention period")
        _put(self.retention_rules, rule.name, rule, "retention rule")

    def retention_periods(self) -> dict[str, RetentionPeriod]:
        """Every period the committee sets, by key, in registration order."""
        return {p.key: p for rule in self.retention_rules.values() for p in rule.periods}

    def add_sealed(self, records: SealedRecords) -> None:
        _put(self.sealed, records.name, records, "sealed records")

    def add_sealed_files(self, files: SealedFiles) -> None:
        _put(self.sealed_files, files.name, files, "sealed files")

    def standing_purposes(self) -> frozenset[str]:
        return frozenset(code for code, p in self.consent_purposes.items() if p.standing)

    # ---- demo data ------------------------------------------------------------------------------

    def add_demo(self, filler: DemoFiller) -> None:
        _put(self.demo_fillers, filler.name, filler, "demo filler")

    # ---- hooks ---------------------------------------------------------------------------------

    def add_listener(self, event: str, listener: Listener) -> None:
        """`listener` runs whenever a capability publishes `event` (e.g. "mediation.case_closed")."""
        held = self.listeners.setdefault(event, [])
        if listener not in held:
            held.append(listener)

    def publish(self, uow: UnitOfWork, event: str, data: Mapping[str, Any]) -> None:
        """Tell the listeners of `event`, inside the publisher's unit of work. A capability that
        publishes knows nothing of who listens (a closed case may earn a volunteer green coins)."""
        for listener in self.listeners.get(event, ()):
            listener(uow, data)

    def set_print_check(self, check: PrintCheck) -> None:
        self.print_check = check

    def unprintable(self, text: str) -> list[str]:
        """The characters of `text` the documents cannot print (none while no check is set)."""
        return self.print_check(text) if self.print_check is not None and text else []

    def add_pull_handler(self, entities: Iterable[str], handler: PullHandler) -> None:
        """Changes of `entities` pulled from the district go to `handler` (sync/apply.py calls it),
        besides being kept in the desk's mirror of the district like every change."""
        for entity in entities:
            _put(self.pull_handlers, entity, handler, "pull handler")

    def add_reference_handler(self, part: str, handler: ReferenceHandler) -> None:
        """`handler` receives the `part` of the district's reference data whenever it changes."""
        _put(self.reference_handlers, part, handler, "reference handler")

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
