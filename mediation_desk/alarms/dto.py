"""What the bracelet services hand the faces (window, command line, alarm stream): frozen
dataclasses, never ORM rows. A contact's phone travels in full only where someone is about to
call it (one wearer's card, one alarm's card); lists carry it masked."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class ContactInput:
    kind: str  # rules.CONTACT_KINDS
    name: str
    relation: str | None
    phone: str | None


@dataclass(frozen=True)
class ContactView:
    position: int  # 1 is called first
    kind: str
    kind_label: str
    name: str
    relation: str | None
    phone: str | None  # in full only on one wearer's card; None in lists
    phone_masked: str | None


@dataclass(frozen=True)
class WearerView:
    id: str
    person_id: str
    name: str
    age: int | None  # from the ID number; None without one
    address: str | None
    living_alone: bool
    exception_reason: str | None
    device_id: str | None
    active: bool
    enrolled_on: dt.date
    contacts: tuple[ContactView, ...]
    has_health_notes: bool
    location_consent: bool
    health_consent: bool
    consent_by: str | None  # the guardian who consented, if not the wearer


@dataclass(frozen=True)
class AlarmView:
    id: str
    wearer_id: str | None
    wearer_name: str  # the local name, or "未登记的手环 <device>"
    village: str | None  # the committee's code (a town desk sees several villages)
    device_id: str
    kinds: tuple[str, ...]
    kinds_label: str
    urgent: bool
    source: str
    raised_at: dt.datetime
    received_at: dt.datetime
    late: bool
    status: str
    status_label: str
    latitude: float | None
    longitude: float | None
    has_fix: bool
    battery: int | None
    acknowledged_by: str | None
    acknowledged_at: dt.datetime | None
    dispatched_to: str | None
    dispatched_by: str | None
    dispatched_at: dt.datetime | None
    resolved_by: str | None
    resolved_at: dt.datetime | None
    outcome: str | None
    escalated_at: dt.datetime | None
    pending_push: bool  # moved here, not yet accepted by the district


@dataclass(frozen=True)
class DeviceTaskView:
    id: str
    wearer_id: str | None
    wearer_name: str
    device_id: str
    kind: str
    kind_label: str
    status: str
    status_label: str
    opened_at: dt.datetime
    reason: str | None
    closed_at: dt.datetime | None
    closed_by: str | None
    note: str | None


@dataclass(frozen=True)
class FiguresView:
    month: str  # YYYY-MM (Beijing)
    alarms: int
    acknowledged: int
    within_60: int
    within_180: int
    share_60: float | None  # None: no alarm that month
    share_180: float | None
    median_answer_s: float | None
    median_resolve_s: float | None
    resolved: int


@dataclass(frozen=True)
class WaitingAlarms:
    """What a locked desk may show and ring for: how many alarms nobody has acknowledged, and
    whether one of them is urgent — no name, no place (nobody is logged in to see them)."""

    count: int
    urgent: bool
