"""What the desk knows of the district: the read-only view of the committee's cases born on
other desks, the district's state of the desk's own cases (a town took one over), and the
reference data handed down."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from mediation_desk.core import sync_contract as contract
from mediation_desk.core.registry import REGISTRY
from mediation_desk.core.uow import Actor, UnitOfWork
from mediation_desk.desk import Desk
from mediation_desk.mediation import states
from mediation_desk.privacy import roles
from mediation_desk.sync.models import DistrictRecord, ReferenceData

ACTION = "sync.district_view"  # administration/capability.py


@dataclass(frozen=True)
class DistrictCaseView:
    """A case as the district holds it: minimum necessary fields, never a party's name."""

    id: str
    committee_code: str
    number: str | None
    status: str | None
    status_label: str
    dispute_type: str | None
    accepted_on: str | None
    escalate_to: str | None
    taken_over_by: str | None
    taken_over_at: str | None
    closed_on: str | None
    own: bool  # born on this desk
    pulled_at: dt.datetime


def _case_view(r: DistrictRecord) -> DistrictCaseView:
    d = r.data
    status = d.get("status")
    return DistrictCaseView(
        r.entity_id,
        r.committee_code,
        d.get("number"),
        status,
        states.LABELS.get(status or "", status or ""),
        d.get("dispute_type"),
        d.get("accepted_on"),
        d.get("escalate_to"),
        d.get(contract.TAKEN_OVER_BY),
        d.get(contract.TAKEN_OVER_AT),
        d.get("closed_on"),
        r.own,
        r.pulled_at,
    )


def list_district_cases(desk: Desk, actor: Actor, *, include_own: bool = False) -> list[DistrictCaseView]:
    """The committee's cases born on its other desks (read-only), newest first."""
    with desk.read(actor) as s:
        roles.authorize(actor, ACTION)  # inside the unit of work: a refusal is audited
        q = select(DistrictRecord).where(DistrictRecord.entity == "case")
        if not include_own:
            q = q.where(DistrictRecord.own.is_(False))
        rows = [_case_view(r) for r in s.scalars(q)]
    return sorted(rows, key=lambda v: (v.accepted_on or "", v.number or ""), reverse=True)


def district_state_of_case(desk: Desk, case_id: str) -> DistrictCaseView | None:
    """The district's state of one case as last pulled (e.g. 镇里已接手), or None."""
    with desk.read() as s:
        record = s.get(DistrictRecord, ("case", case_id))
        return _case_view(record) if record is not None else None


def store_reference(uow: UnitOfWork, answer: dict[str, Any]) -> bool:
    """Keep each part of the reference answer; True when something changed. A part a capability
    registered a handler for (core/registry.py) is handed to it when it changed, in the same
    unit of work (the green-coin catalogue becomes the desk's next catalogue version)."""
    session, now = uow.session, uow.now
    version = int(answer.get("version") or 0)
    changed = False
    for name, data in answer.items():
        if name == "version":
            continue
        row = session.get(ReferenceData, name)
        if row is not None and row.version == version and row.data == data:
            continue
        part_changed = row is None or row.data != data
        if row is None:
            session.add(ReferenceData(name=name, version=version, data=data, fetched_at=now))
        else:
            row.version, row.data, row.fetched_at = version, data, now
        changed = True
        handler = REGISTRY.reference_handlers.get(name)
        if part_changed and handler is not None:
            handler(uow, data)
    return changed


def reference_data(desk: Desk) -> dict[str, Any]:
    """The reference data last pulled, by name (`dispute_types`, `settings`, …); {} before the first."""
    with desk.read() as s:
        return {r.name: r.data for r in s.scalars(select(ReferenceData))}
