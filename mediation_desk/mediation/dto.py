"""Plain frozen results the services hand to the window and the command line.

Never ORM objects: the GUI must not meet a detached instance or lazy-load on the UI thread."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any


def to_jsonable(obj: Any) -> Any:
    if hasattr(obj, "__dataclass_fields__"):
        return {k: to_jsonable(v) for k, v in asdict(obj).items()}
    if isinstance(obj, dict):
        return {k: to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [to_jsonable(v) for v in obj]
    if isinstance(obj, (dt.date, dt.datetime)):
        return obj.isoformat()
    if isinstance(obj, Decimal):
        return str(obj)
    return obj


@dataclass(frozen=True)
class PersonView:
    id: str
    kind: str
    name: str
    gender: str | None
    ethnicity: str | None
    birth_date: dt.date | None
    id_type: str | None
    id_number: str | None  # masked unless the caller asked for full data
    occupation: str | None
    phone: str | None  # masked unless full
    address: str | None
    uscc: str | None
    representative: str | None


@dataclass(frozen=True)
class PartyView:
    role: str
    position: int
    person: PersonView
    agent_name: str | None = None


@dataclass(frozen=True)
class MediatorView:
    id: str
    name: str
    gender: str | None
    phone: str | None
    area: str | None
    skills: tuple[str, ...]
    available: bool
    active: bool
    max_open_cases: int | None
    open_cases: int
    title: str | None
    relations: tuple[tuple[str, str], ...] = ()  # (person_id, relation)

    @property
    def full(self) -> bool:
        """已满额: as many cases in hand as the mediator takes on."""
        return self.max_open_cases is not None and self.open_cases >= self.max_open_cases

    @property
    def assignable(self) -> bool:
        """可派单: on the roster, available and not full."""
        return self.active and self.available and not self.full


@dataclass(frozen=True)
class CaseSummary:
    id: str
    number: str
    status: str
    status_label: str
    dispute_type: str
    dispute_type_label: str
    source: str
    accepted_on: dt.date
    party_names: tuple[str, ...]
    mediator_names: tuple[str, ...]
    amount: Decimal | None


@dataclass(frozen=True)
class AssignmentView:
    mediator_id: str
    mediator_name: str
    role: str
    chosen_by: str
    rank: int | None
    override_reason: str | None
    assigned_at: dt.datetime
    assigned_by: str
    ended_at: dt.datetime | None
    end_reason: str | None


@dataclass(frozen=True)
class AgreementView:
    id: str
    form: str
    reached_on: dt.date
    facts: str
    disputed_issues: str
    responsibility: str | None
    terms: tuple[str, ...]
    performance_method: str
    performance_deadline: dt.date | None
    amount: Decimal | None
    copies: int
    effective_on: dt.date | None
    judicial_deadline: dt.date | None
    judicial_applied_on: dt.date | None
    performance_status: str
    withdrawn_on: dt.date | None = None  # withdrawn before signing (mediation resumed or a party refused)
    withdrawn_reason: str | None = None
    invalidated_on: dt.date | None = None  # ruled invalid or revoked by a court
    invalidated_reason: str | None = None
    in_effect: bool = False  # signed (oral: reached), neither withdrawn nor ruled invalid


@dataclass(frozen=True)
class TimelineEntry:
    at: dt.datetime
    kind: str  # transition | assignment | session | attachment | agreement | follow_up
    title: str
    detail: str = ""


@dataclass(frozen=True)
class CaseDetail:
    summary: CaseSummary
    referrer_kind: str | None
    referrer_name: str | None
    found_in_screening: bool
    dispute_subtype: str | None
    brief_facts: str
    requests: str | None
    persons_involved: int
    risk_flags: tuple[str, ...]
    prevented: tuple[str, ...]
    area: str | None
    status_reason: str | None
    routes_told: tuple[str, ...]
    escalated_to: str | None
    closed_on: dt.date | None
    parties: tuple[PartyView, ...]
    assignments: tuple[AssignmentView, ...]
    agreement: AgreementView | None
    allowed_actions: tuple[str, ...]
    sessions: int
    follow_ups_due: int
    timeline: tuple[TimelineEntry, ...] = field(default_factory=tuple)
