"""What a pull from the district brings to the site codes (registered with the ground as the pull
handler of the four site entities, and the reference handler of the scheme).

It runs inside the pull's unit of work, with the page's changes in feed order (a place before the
inspections of it, an inspection before its hazards), and a page applied twice changes nothing
the second time:

- `site_task`: the district's tasks, kept as the district last wrote them (later clock wins).
- `site_place`: a place registered at another desk of the committee becomes one known here without
  its responsible person (who stays at that desk); a place held here follows the district's name,
  category, address, grid and activity when the district's state is the later one and this desk
  has no change of its own still to push.
- `site_inspection`: one recorded at another desk is kept, its results rebuilt from the items
  found with a hazard and those not applicable (every other item of its checklist passed).
  Inspections are never edited: one held is left as it is.
- `site_hazard`: one found at another desk is kept; a rectification recorded there closes it here.
  A rectified hazard never opens again.
- the scheme (`adopt_scheme`): a new version handed down becomes the desk's current one."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from sqlalchemy import select

from mediation_desk.core import sync_contract as contract
from mediation_desk.core.models import Committee, OutboxOp
from mediation_desk.core.uow import UnitOfWork
from mediation_desk.sitecode import rules, scheme
from mediation_desk.sitecode.models import Hazard, Inspection, Place, Task
from mediation_desk.sitecode.scheme_store import BUILTIN, DISTRICT, current_scheme, scheme_version, store_scheme

log = logging.getLogger(__name__)

ENTITIES = (rules.PLACE, rules.INSPECTION, rules.HAZARD, rules.TASK)
FROM_DISTRICT = "经区里同步"  # who recorded what another desk of the committee recorded
MAX_REASONS = 20


def apply_changes(uow: UnitOfWork, changes: list[contract.Change]) -> int:
    """The page's site-code changes, in feed order; how many rows of the desk changed."""
    committee_id = uow.session.scalar(select(Committee.id).order_by(Committee.created_at).limit(1))
    if committee_id is None:  # a desk not set up has nothing to apply them to
        return 0
    pending = _pending(uow, {c.entity_id for c in changes if c.entity in (rules.PLACE, rules.HAZARD)})
    changed = 0
    for change in changes:
        if change.entity == rules.TASK:
            changed += _task(uow, change)
        elif change.entity == rules.PLACE:
            changed += _place(uow, committee_id, change, change.entity_id in pending)
        elif change.entity == rules.INSPECTION:
            changed += _inspection(uow, change)
        elif change.entity == rules.HAZARD:
            changed += _hazard(uow, change, change.entity_id in pending)
    return changed


def _pending(uow: UnitOfWork, entity_ids: set[str]) -> set[str]:
    """Rows with a change of this desk still to push: that change is the later one."""
    if not entity_ids:
        return set()
    return set(
        uow.session.scalars(
            select(OutboxOp.entity_id).where(OutboxOp.entity_id.in_(entity_ids), OutboxOp.state == "pending")
        )
    )


def _day(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _moment(value: Any) -> dt.datetime | None:
    """An ISO moment with its offset; one without (or unreadable) is not guessed at."""
    try:
        moment = dt.datetime.fromisoformat(str(value)) if value else None
    except ValueError:
        return None
    return moment if moment is not None and moment.tzinfo is not None else None


def _text(value: Any, max_chars: int) -> str | None:
    if value is None:
        return None
    return str(value).strip()[:max_chars] or None


def _texts(value: Any, limit: int = MAX_REASONS) -> list[str]:
    if not isinstance(value, list):
        return []
    return [str(v)[: rules.MAX_TEXT_CHARS] for v in value[:limit] if v not in (None, "")]


def _skipped(change: contract.Change, why: str) -> int:
    log.warning("pulled %s %s not kept: %s", change.entity, change.entity_id, why)
    return 0


# ---- tasks ---------------------------------------------------------------------------------------


def _task(uow: UnitOfWork, change: contract.Change) -> int:
    d, s = change.data, uow.session
    place_id, kind, month = d.get("place_id"), d.get("kind"), d.get("month")
    try:
        month = rules.parse_month(str(month))
    except ValueError:
        return _skipped(change, "no month")
    if not isinstance(place_id, str) or kind not in rules.TASK_KINDS:
        return _skipped(change, "no place or unknown kind")
    values: dict[str, Any] = {
        "status": d.get("status") if d.get("status") in rules.TASK_STATUSES else rules.TASK_OPEN,
        "reasons": _texts(d.get("reasons")),
        "parties": _texts(d.get("parties")),
        "opened_on": _day(d.get("opened_on")),
        "closed_on": _day(d.get("closed_on")),
        "outcome": _text(d.get("outcome"), rules.MAX_TEXT_CHARS),
    }
    row = s.get(Task, change.entity_id)
    if row is None:
        same = s.scalars(select(Task).where(Task.place_id == place_id, Task.kind == kind, Task.month == month)).first()
        if same is not None:  # one task per place, kind and month: the district names it by them
            return _skipped(change, f"task {same.id} holds the same place, kind and month")
        row = Task(id=change.entity_id, place_id=place_id, kind=kind, month=month, seen_at=uow.now, **values)
        row.updated_hlc = change.hlc
        s.add(row)
    elif change.hlc <= row.updated_hlc:
        return 0  # an earlier state the feed replays
    elif all(getattr(row, k) == v for k, v in values.items()):
        row.updated_hlc = change.hlc
        return 0
    else:
        for name, value in values.items():
            setattr(row, name, value)
        row.updated_hlc, row.seen_at = change.hlc, uow.now
    uow.audit("sitecode.task", rules.TASK, row.id, place_id=place_id, kind=kind, status=row.status, seq=change.seq)
    return 1


# ---- places --------------------------------------------------------------------------------------


def _place_values(d: dict[str, Any]) -> dict[str, Any] | None:
    values: dict[str, str | bool | None] = {
        "name": _text(d.get("name"), rules.MAX_NAME_CHARS),
        "category": _text(d.get("category"), 32),
        "address": _text(d.get("address"), rules.MAX_TEXT_CHARS),
        "grid": _text(d.get("grid"), 50),
    }
    if any(v is None for v in values.values()):
        return None
    values["active"] = bool(d.get("active", True))
    return values


def _place(uow: UnitOfWork, committee_id: str, change: contract.Change, pending: bool) -> int:
    s, values = uow.session, _place_values(change.data)
    if values is None:
        return _skipped(change, "no name, category, address or grid")
    row = s.get(Place, change.entity_id)
    if row is None:
        created = _moment(change.data.get("created_at"))
        if created is None:
            return _skipped(change, "no moment of registration")
        s.add(
            Place(
                id=change.entity_id,
                committee_id=committee_id,
                credit_code=None,  # the district keeps only whether there is one
                person_id=None,  # the responsible person stays at the desk that registered the place
                source="district",
                created_at=created,
                updated_at=uow.now,
                updated_hlc=change.hlc,
                **values,
            )
        )
        s.flush()  # its inspections, later in the page, refer to it
        uow.audit("sitecode.place_add", rules.PLACE, change.entity_id, source="district", seq=change.seq)
        return 1
    if pending or change.hlc <= row.updated_hlc:
        return 0  # this desk's own change is later (or still on its way)
    taken = sorted(name for name, value in values.items() if getattr(row, name) != value)
    row.updated_hlc = change.hlc
    if not taken:
        return 0  # the same state (this desk's own change coming back)
    for name in taken:
        setattr(row, name, values[name])
    row.updated_at = uow.now
    uow.audit("sitecode.place_edit", rules.PLACE, row.id, fields=taken, source="district", seq=change.seq)
    return 1


# ---- inspections and hazards -----------------------------------------------------------------


def _inspection(uow: UnitOfWork, change: contract.Change) -> int:
    s, d = uow.session, change.data
    if s.get(Inspection, change.entity_id) is not None:
        return 0  # never edited: this desk's own, or one kept already
    p = s.get(Place, d.get("place_id")) if isinstance(d.get("place_id"), str) else None
    completed = _moment(d.get("completed_at"))
    version = d.get("scheme_version")
    try:
        month = rules.parse_month(str(d.get("month")))
    except ValueError:
        return _skipped(change, "no month")
    if p is None or completed is None or not isinstance(version, int) or isinstance(version, bool):
        return _skipped(change, "its place, moment or scheme version unknown")
    found, na = _texts(d.get("hazard_items"), 200), _texts(d.get("na_items"), 200)
    used = scheme_version(s, version) or current_scheme(s)
    checklist = used.checklist(p.category)
    results = {i.code: rules.OK for i in checklist.items} if checklist is not None else {}
    results.update(dict.fromkeys(na, rules.NOT_APPLICABLE))
    results.update(dict.fromkeys(found, rules.FOUND))
    s.add(
        Inspection(
            id=change.entity_id,
            place_id=p.id,
            month=month,
            completed_at=completed,
            scheme_version=version,
            results=results,
            evidence_sha256=_text(d.get("evidence_sha256"), 64),  # the photo stays at that desk
            recorded_by=FROM_DISTRICT,
            recorded_at=uow.now,
            updated_hlc=change.hlc,
        )
    )
    s.flush()  # its hazards, later in the page, refer to it
    uow.audit("sitecode.inspect", rules.INSPECTION, change.entity_id, place_id=p.id, month=month, source="district")
    return 1


def _hazard(uow: UnitOfWork, change: contract.Change, pending: bool) -> int:
    s, d = uow.session, change.data
    row = s.get(Hazard, change.entity_id)
    rectified = d.get("status") == rules.RECTIFIED
    if row is None:
        return _new_hazard(uow, change, rectified)
    if pending or change.hlc <= row.updated_hlc:
        return 0
    row.updated_hlc = change.hlc
    if row.status == rules.RECTIFIED or not rectified:
        return 0  # nothing new (a rectification is never undone)
    row.status = rules.RECTIFIED
    row.rectified_at = _moment(d.get("rectified_at")) or uow.now
    row.checked_by = _text(d.get("checked_by"), 64) or FROM_DISTRICT
    row.rectification_sha256 = _text(d.get("rectification_sha256"), 64)
    uow.audit("sitecode.rectify", rules.HAZARD, row.id, place_id=row.place_id, source="district", seq=change.seq)
    return 1


def _new_hazard(uow: UnitOfWork, change: contract.Change, rectified: bool) -> int:
    s, d = uow.session, change.data
    inspection = s.get(Inspection, d.get("inspection_id")) if isinstance(d.get("inspection_id"), str) else None
    found, deadline = _moment(d.get("found_at")), _day(d.get("deadline"))
    code, text = _text(d.get("item_code"), 32), _text(d.get("item_text"), 80)
    if inspection is None or found is None or deadline is None or code is None or text is None:
        return _skipped(change, "its inspection, moment, deadline or item unknown")
    s.add(
        Hazard(
            id=change.entity_id,
            place_id=inspection.place_id,
            inspection_id=inspection.id,
            item_code=code,
            item_text=text,
            found_at=found,
            deadline=deadline,
            status=rules.RECTIFIED if rectified else rules.OPEN,
            evidence_sha256=_text(d.get("evidence_sha256"), 64),
            rectified_at=(_moment(d.get("rectified_at")) or uow.now) if rectified else None,
            checked_by=(_text(d.get("checked_by"), 64) or FROM_DISTRICT) if rectified else None,
            rectification_sha256=_text(d.get("rectification_sha256"), 64) if rectified else None,
            recorded_by=FROM_DISTRICT,
            updated_hlc=change.hlc,
        )
    )
    s.flush()
    return 1


# ---- the scheme --------------------------------------------------------------------------------


def adopt_scheme(uow: UnitOfWork, data: Any) -> None:
    """The district's scheme (reference part `rules.SCHEME_PART`) kept as a version of this desk's.
    One that does not pass the check is not used — and the sync goes on: the desk keeps inspecting
    under the version it has; the refusal is in the audit."""
    try:
        handed_down = scheme.scheme_from_wire(data)
    except scheme.SchemeProblem as problem:
        log.warning("scheme from the district not used: %s", problem.field)
        uow.audit("sitecode.scheme", "sitecode_scheme", None, refused=problem.field)
        return
    # The district hands down the built-in scheme while it has set none: the same version 1.
    source = BUILTIN if handed_down == scheme.DEFAULT_SCHEME else DISTRICT
    store_scheme(uow, handed_down, source)
