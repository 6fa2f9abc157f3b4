"""What a pull from the district brings to the green coins (registered with the ground as the pull
handler of the four points entities, and the reference handler of the catalogue).

It runs inside the pull's unit of work, with the page's changes in feed order, so the coins of a
town approval (the district writes the entry before it moves the declaration) are on the desk by
the time the approval is, and a page stored twice changes nothing the second time:

- `points_entry`: inserted when its id is not held (origin "district") — the town's credits and
  deductions, its adjustments and reversals, the redemptions and reversals of the committee's other
  desks, and this desk's own entries coming back (held already: nothing happens).
- `points_declaration`: a declaration of this desk moves forward to the district's status (the
  town's review with its reason, date and reviewer); an earlier state the feed replays never moves
  it back. Declarations of other desks stay there: the town re-checks limits across desks.
- `points_resident`: a resident registered at another desk of the committee becomes one known only
  from the district — no person, only the masked label — so every pulled entry has its resident. A
  resident with a person here keeps its label (the name lives here); its group, household and
  activity follow the district when the district's state is the later one.
- `points_conflict`: a redemption the district found overdrawn, and the town's answer, kept as is.
- the catalogue (`adopt_catalogue`): a new version handed down becomes the desk's next version."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select

from mediation_desk.core import sync_contract as contract
from mediation_desk.core.models import Committee, OutboxOp
from mediation_desk.core.uow import UnitOfWork
from mediation_desk.points import catalogue, ledger, rules
from mediation_desk.points.models import Conflict, Declaration, Household, LedgerEntry, Membership, Resident

log = logging.getLogger(__name__)

ENTITIES = (rules.RESIDENT, rules.DECLARATION, rules.ENTRY, rules.CONFLICT)
FROM_DISTRICT = "区社会治理中心"  # who wrote what the district holds without naming anyone
UNKNOWN_LABEL = "*"  # a resident whose record has not arrived (a desk restored mid-feed)
# How far along the two reviews a status is: a pulled status never moves a declaration back.
_STAGE = {
    rules.DECLARED: 0,
    rules.VILLAGE_APPROVED: 1,
    rules.VILLAGE_REJECTED: 1,
    rules.TOWN_APPROVED: 2,
    rules.TOWN_REJECTED: 2,
}
_BY_DISTRICT = frozenset({rules.CREDIT, rules.DEDUCTION, rules.ADJUSTMENT})


def apply_changes(uow: UnitOfWork, changes: list[contract.Change]) -> int:
    """The page's green-coin changes, in feed order; how many rows of the desk changed."""
    committee_id = uow.session.scalar(select(Committee.id).order_by(Committee.created_at).limit(1))
    if committee_id is None:  # a desk not set up has nothing to apply them to
        return 0
    pending = _pending(uow, {c.entity_id for c in changes if c.entity in (rules.RESIDENT, rules.DECLARATION)})
    changed = 0
    for change in changes:
        if change.entity == rules.RESIDENT:
            changed += _resident(uow, committee_id, change, change.entity_id in pending)
        elif change.entity == rules.DECLARATION:
            changed += _declaration(uow, change, change.entity_id in pending)
        elif change.entity == rules.ENTRY:
            changed += _entry(uow, committee_id, change)
        elif change.entity == rules.CONFLICT:
            changed += _conflict(uow, committee_id, change)
    return changed


def _pending(uow: UnitOfWork, entity_ids: set[str]) -> set[str]:
    """Rows with a change of this desk still to push: the district has not judged it yet."""
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


def _text(value: Any, max_chars: int) -> str | None:
    return str(value)[:max_chars] if value not in (None, "") else None


# ---- residents ------------------------------------------------------------------------------------


def _resident(uow: UnitOfWork, committee_id: str, change: contract.Change, pending: bool) -> int:
    d, s = change.data, uow.session
    r = s.get(Resident, change.entity_id)
    if r is None:
        r = _district_resident(uow, committee_id, change.entity_id, change.hlc)
        r.label = _text(d.get("label"), 64) or UNKNOWN_LABEL
    elif pending or change.hlc <= (r.updated_hlc or ""):
        return 0  # this desk's own change is later (or still to be judged): it stands
    elif r.person_id is None:
        r.label = _text(d.get("label"), 64) or r.label
    r.village_group = _text(d.get("village_group"), 32) or r.village_group
    if "active" in d and d["active"] is not None:
        r.active = bool(d["active"])
    _follow_household(uow, r, d.get("household_id"))
    r.updated_hlc = max(r.updated_hlc or "", change.hlc)
    return 1


def _district_resident(uow: UnitOfWork, committee_id: str, resident_id: str, clock: str) -> Resident:
    """A resident known here only from the district: no person, a masked label."""
    r = Resident(
        id=resident_id,
        committee_id=committee_id,
        person_id=None,
        label=UNKNOWN_LABEL,
        village_group="",
        household_id=None,
        active=True,
        created_at=uow.now,
        updated_hlc=clock,
    )
    uow.session.add(r)
    return r


def _follow_household(uow: UnitOfWork, r: Resident, household_id: Any) -> None:
    """Households are each desk's own: a move is followed when the household is known here, and
    kept in the membership history like a move made at the desk."""
    if not isinstance(household_id, str) or household_id == r.household_id:
        return
    if uow.session.get(Household, household_id) is None:
        return
    s = uow.session
    for current in s.scalars(select(Membership).where(Membership.resident_id == r.id, Membership.until.is_(None))):
        current.until = uow.today
    s.add(
        Membership(
            resident_id=r.id,
            household_id=household_id,
            since=uow.today,
            until=None,
            reason="经区里同步",
            recorded_by=FROM_DISTRICT,
            recorded_at=uow.now,
        )
    )
    r.household_id = household_id


def _known_resident(uow: UnitOfWork, committee_id: str, resident_id: str, clock: str) -> None:
    if uow.session.get(Resident, resident_id) is None:
        _district_resident(uow, committee_id, resident_id, clock)
        uow.session.flush()  # the entry's foreign key finds it


# ---- declarations ------------------------------------------------------------------------------


def _declaration(uow: UnitOfWork, change: contract.Change, pending: bool) -> int:
    d = uow.session.get(Declaration, change.entity_id)
    target = change.data.get("status")
    if d is None or not isinstance(target, str) or target not in _STAGE or target == d.status:
        return 0
    ahead, level = _STAGE[target] - _STAGE.get(d.status, 0), _STAGE[target]
    if ahead < 0 or (ahead == 0 and pending):
        return 0  # an earlier state replayed, or this desk's own review still on its way
    before, data = d.status, change.data
    d.status, d.status_changed_at = target, uow.now
    if level == 1:  # reviewed at another desk of the committee
        d.village_reason = _text(data.get("village_reason"), 200)
        d.village_reviewed_on = _day(data.get("village_reviewed_on"))
        d.village_reviewer = d.village_reviewer or FROM_DISTRICT
    else:
        d.town_reason = _text(data.get("town_reason"), 200)
        d.town_reviewed_on = _day(data.get("town_reviewed_on"))
        d.town_reviewer = _text(data.get("town_reviewer"), 64) or FROM_DISTRICT
    d.updated_hlc = max(d.updated_hlc or "", change.hlc)
    action = "points.town_review" if level == 2 else "points.review"
    uow.audit(action, rules.DECLARATION, d.id, **{"from": before, "to": target, "seq": change.seq})
    return 1


# ---- the ledger and its conflicts ---------------------------------------------------------------


def _entry(uow: UnitOfWork, committee_id: str, change: contract.Change) -> int:
    d = change.data
    resident_id, entry_date = d.get("resident_id"), _day(d.get("entry_date"))
    if not isinstance(resident_id, str) or entry_date is None:
        log.warning("pulled ledger entry %s lacks its resident or date: not kept", change.entity_id)
        return 0
    _known_resident(uow, committee_id, resident_id, change.hlc)
    quantity = d.get("quantity")
    inserted = ledger.insert_entry(
        uow,
        entry_id=change.entity_id,
        resident_id=resident_id,
        kind=str(d.get("kind")),
        coins=int(d.get("coins") or 0),
        entry_date=entry_date,
        origin=ledger.DISTRICT,
        created_by=_text(d.get("created_by"), 64) or FROM_DISTRICT,
        household_id=_text(d.get("household_id"), 36),
        declaration_id=_text(d.get("declaration_id"), 36),
        reverses=_text(d.get("reverses"), 36),
        item_code=_text(d.get("item_code"), 32),
        catalogue_version=d.get("catalogue_version") if isinstance(d.get("catalogue_version"), int) else None,
        gift=_text(d.get("gift"), 64),
        quantity=quantity if isinstance(quantity, int) and not isinstance(quantity, bool) else None,
        reason=_text(d.get("reason"), 200),
        hlc=change.hlc,
    )
    if inserted and d.get("kind") == rules.REVERSAL:
        # The town reversed a redemption made here (a conflict resolved): the gifts come back.
        reversed_entry = uow.session.get(LedgerEntry, d.get("reverses"))
        if reversed_entry is not None and reversed_entry.kind == rules.REDEMPTION:
            ledger.return_stock(uow, reversed_entry)
    if inserted and d.get("kind") in _BY_DISTRICT:
        uow.audit(
            "points.credit",
            rules.ENTRY,
            change.entity_id,
            kind=d.get("kind"),
            coins=d.get("coins"),
            declaration_id=d.get("declaration_id"),
            seq=change.seq,
        )
    return int(inserted)


def _conflict(uow: UnitOfWork, committee_id: str, change: contract.Change) -> int:
    d, s = change.data, uow.session
    resident_id, entry_id = d.get("resident_id"), d.get("entry_id")
    if not isinstance(resident_id, str) or not isinstance(entry_id, str):
        return 0
    _known_resident(uow, committee_id, resident_id, change.hlc)
    values = {
        "resident_id": resident_id,
        "entry_id": entry_id,
        "shortfall": int(d.get("shortfall") or 0),
        "status": rules.RESOLVED if d.get("status") == rules.RESOLVED else rules.OPEN,
        "resolution": _text(d.get("resolution"), 24),
        "reason": _text(d.get("reason"), 200),
        "resolved_on": _day(d.get("resolved_on")),
    }
    row = s.get(Conflict, change.entity_id)
    if row is None:
        s.add(Conflict(id=change.entity_id, seen_at=uow.now, **values))
    elif all(getattr(row, k) == v for k, v in values.items()):
        return 0  # the same state again
    elif row.status == rules.RESOLVED and values["status"] == rules.OPEN:
        return 0  # an earlier state replayed by the feed: resolved stays resolved
    else:
        for name, value in values.items():
            setattr(row, name, value)
    uow.audit("points.conflict", rules.CONFLICT, change.entity_id, **_conflict_detail(values, change.seq))
    return 1


def _conflict_detail(values: Mapping[str, Any], seq: int) -> dict[str, Any]:
    return {
        "entry_id": values["entry_id"],
        "shortfall": values["shortfall"],
        "status": values["status"],
        "resolution": values["resolution"],
        "seq": seq,
    }


# ---- the catalogue ------------------------------------------------------------------------------


def adopt_catalogue(uow: UnitOfWork, data: Any) -> None:
    """The district's catalogue (reference part `rules.CATALOGUE_PART`) kept as a version of this
    desk's. One that does not pass the rules' check is not used — and the sync goes on: the desk
    keeps declaring under the version it has; the refusal is in the audit."""
    try:
        handed_down = rules.catalogue_from_wire(data)
    except rules.CatalogueProblem as problem:
        log.warning("catalogue from the district not used: %s", problem.field)
        uow.audit("points.catalogue", "points_catalogue", None, refused=problem.field)
        return
    catalogue.store_catalogue(uow, handed_down, catalogue.DISTRICT)
