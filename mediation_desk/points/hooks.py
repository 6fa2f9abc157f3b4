"""Declarations nobody types: a case closed with an agreement in effect whose lead mediator is a
registered resident (a volunteer 老娘舅), and a place's completed monthly self-inspection.

Both run inside the unit of work of the event (the case's closing), so they must never refuse it:
whatever keeps a declaration from being made (the item's limit reached, the resident inactive,
no automatic item in the catalogue) is written down in an audit record instead. Each case (or
inspection) gives at most one declaration, however often its event comes: the source and its
reference are looked up first, and a unique index holds it if two writers ever got past that."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select

from mediation_desk.core.uow import UnitOfWork
from mediation_desk.errors import ValidationError
from mediation_desk.points import rules
from mediation_desk.points.catalogue import current_catalogue
from mediation_desk.points.declarations import record
from mediation_desk.points.models import Declaration, Resident
from mediation_desk.privacy.roles import SYSTEM
from mediation_desk.storage.base import new_id


def declare_for_closed_case(uow: UnitOfWork, data: Mapping[str, Any]) -> None:
    """`mediation.case_closed`: {case_id, lead_mediator_id, agreement_effective_on, closed_on}."""
    case_id, lead = data.get("case_id"), data.get("lead_mediator_id")
    if not case_id or not lead or data.get("agreement_effective_on") is None:
        return  # no agreement in effect (or nobody led it): nothing was earned
    resident = uow.session.scalars(select(Resident).where(Resident.mediator_id == lead)).first()
    if resident is None:
        return  # a mediator of the roster who is not a registered resident earns no coins
    _declare_automatically(uow, rules.FROM_MEDIATION, str(case_id), resident, data.get("closed_on"))


def declare_for_self_inspection(uow: UnitOfWork, data: Mapping[str, Any]) -> None:
    """`rules.SELF_INSPECTION_DONE_EVENT`: {inspection_id, resident_id or person_id (the place's
    responsible person), completed_on}."""
    inspection_id, resident_id, person_id = data.get("inspection_id"), data.get("resident_id"), data.get("person_id")
    if not inspection_id:
        return
    resident = None
    if resident_id:
        resident = uow.session.get(Resident, str(resident_id))
    elif person_id:
        resident = uow.session.scalars(select(Resident).where(Resident.person_id == str(person_id))).first()
    if resident is None:
        return  # the place's responsible person is not a registered resident
    _declare_automatically(uow, rules.FROM_SELF_INSPECTION, str(inspection_id), resident, data.get("completed_on"))


def _declare_automatically(uow: UnitOfWork, source: str, ref: str, resident: Resident, when: object) -> None:
    s = uow.session
    held = s.scalar(select(Declaration.id).where(Declaration.source == source, Declaration.source_ref == ref))
    if held is not None:
        return  # the event came again (a case reopened and closed once more, a replay)
    item = current_catalogue(uow).automatic(source)
    if item is None:
        _skipped(uow, resident, source, ref, "no_item", "当前积分目录没有对应的自动申报项目")
        return
    # The day of the event (a date, or its ISO text from a pull); an unreadable one is refused by
    # record() like any bad date, and written down below.
    day = when if isinstance(when, (dt.date, str)) and when else uow.today
    try:
        record(uow, new_id(), resident.id, item.code, day, source=source, source_ref=ref, declared_by=SYSTEM)
    except ValidationError as refused:  # record() checks before it writes: nothing half-kept
        problem = refused.problems[0]
        _skipped(uow, resident, source, ref, problem.rule, problem.message)


def _skipped(uow: UnitOfWork, resident: Resident, source: str, ref: str, rule: str, why: str) -> None:
    """Why no declaration was made: the rule and its sentence (item, limit, counts: no personal data)."""
    uow.audit(
        "points.declare_auto_skipped", rules.RESIDENT, resident.id, source=source, source_ref=ref, rule=rule, why=why
    )
