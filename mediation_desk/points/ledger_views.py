"""Reading the ledger: a resident's statement (积分明细), the balances list (公开查询 at the desk), a
household's balance, and the overdraft conflicts the district found. Every figure is a sum of
entries taken in SQL, at the moment of reading."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from mediation_desk.core.uow import Actor, china_today
from mediation_desk.desk import Desk
from mediation_desk.errors import ValidationError
from mediation_desk.people.models import Person
from mediation_desk.points import rules
from mediation_desk.points.balances import CHUNK
from mediation_desk.points.dto import ConflictView, EntryView, HouseholdView, ResidentView, StatementView
from mediation_desk.points.models import CatalogueVersion, Conflict, Household, LedgerEntry, Resident
from mediation_desk.points.resident_views import household_view, resident_views
from mediation_desk.privacy import roles
from mediation_desk.validation import clean_text

MAX_LIST = 5000


def committee_resident(s: Session, desk: Desk, resident_id: str, field: str = "resident_id") -> Resident:
    """The resident, who must be registered with this desk's committee (ValidationError naming `field`)."""
    resident = s.get(Resident, resident_id) if isinstance(resident_id, str) else None
    if resident is None:
        raise ValidationError.single(field, "unknown_resident", f"居民：找不到这位居民（{str(resident_id)[:40]}）")
    if resident.committee_id != desk.committee(s).id:
        raise ValidationError.single(field, "other_committee", "居民：不是本村（本调解委员会）登记的居民")
    return resident


def statement(
    desk: Desk, actor: Actor, resident_id: str, *, since: dt.date | None = None, until: dt.date | None = None
) -> StatementView:
    """积分明细: a resident's entries from `since` (the first entry when None) to `until` (today,
    inclusive), with the balance before them and after them."""
    with desk.read(actor) as s:
        roles.authorize(actor, "points.view")
        until = until or china_today()
        if since is not None and since > until:
            raise ValidationError.single("since", "period_order", "起始日期不能晚于截止日期")
        resident = committee_resident(s, desk, resident_id)
        opening = 0
        if since is not None:
            before = select(func.coalesce(func.sum(LedgerEntry.coins), 0)).where(
                LedgerEntry.resident_id == resident.id, LedgerEntry.entry_date < since
            )
            opening = int(s.scalar(before) or 0)
        q = select(LedgerEntry).where(LedgerEntry.resident_id == resident.id, LedgerEntry.entry_date <= until)
        if since is not None:
            q = q.where(LedgerEntry.entry_date >= since)
        rows = list(s.scalars(q.order_by(LedgerEntry.entry_date, LedgerEntry.created_at, LedgerEntry.id)))
        reversed_by = _reversals_of(s, [r.id for r in rows])
        labels = item_labels(s)
        entries = tuple(entry_view(r, labels, reversed_by.get(r.id)) for r in rows)
        view = resident_views(s, [resident], desk.vault)[0]
        return StatementView(view, since, until, opening, entries, opening + sum(e.coins for e in entries))


def list_balances(desk: Desk, actor: Actor, *, query: str | None = None, limit: int = 500) -> list[ResidentView]:
    """The committee's residents, the highest balance first; `query` matches part of the name, the
    masked label, the village group or the household."""
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_LIST:
        raise ValidationError.single("limit", "limit_range", f"显示条数须是 1 到 {MAX_LIST} 的整数")
    words = clean_text(query, "query", "查询内容", required=False, max_chars=64)
    with desk.read(actor) as s:
        roles.authorize(actor, "points.view")
        sums = (
            select(LedgerEntry.resident_id.label("rid"), func.sum(LedgerEntry.coins).label("held"))
            .group_by(LedgerEntry.resident_id)
            .subquery()
        )
        q = (
            select(Resident)
            .outerjoin(sums, sums.c.rid == Resident.id)
            .outerjoin(Person, Person.id == Resident.person_id)
            .outerjoin(Household, Household.id == Resident.household_id)
            .where(Resident.committee_id == desk.committee(s).id)
        )
        if words:
            pattern = "%" + words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            columns = (Person.name, Resident.label, Resident.village_group, Household.label)
            q = q.where(or_(*(column.like(pattern, escape="\\") for column in columns)))
        q = q.order_by(
            func.coalesce(sums.c.held, 0).desc(),
            Resident.village_group,
            func.coalesce(Person.name, Resident.label),
            Resident.id,
        )
        return resident_views(s, list(s.scalars(q.limit(limit))), desk.vault)


def household_balance(desk: Desk, actor: Actor, household_id: str) -> HouseholdView:
    """户积分: the sum of the balances of the household's current members."""
    with desk.read(actor) as s:
        roles.authorize(actor, "points.view")
        household = s.get(Household, household_id) if isinstance(household_id, str) else None
        if household is None or household.committee_id != desk.committee(s).id:
            raise ValidationError.single(
                "household_id", "unknown_household", f"户：找不到这一户（{str(household_id)[:40]}）"
            )
        return household_view(s, household)


def list_conflicts(desk: Desk, actor: Actor, *, open_only: bool = True) -> list[ConflictView]:
    """Redemptions the district found overdrew a balance (two desks spent the same coins offline),
    newest first; the town resolves them, the village sees them."""
    with desk.read(actor) as s:
        roles.authorize(actor, "points.view")
        q = select(Conflict)
        if open_only:
            q = q.where(Conflict.status == rules.OPEN)
        return conflict_views(s, list(s.scalars(q.order_by(Conflict.seen_at.desc(), Conflict.id))))


def conflict_views(s: Session, conflicts: list[Conflict]) -> list[ConflictView]:
    names: dict[str, str] = {}
    ids = list({c.resident_id for c in conflicts})
    for start in range(0, len(ids), CHUNK):
        rows = s.execute(
            select(Resident.id, Person.name, Resident.label)
            .outerjoin(Person, Person.id == Resident.person_id)
            .where(Resident.id.in_(ids[start : start + CHUNK]))
        )
        names.update({rid: name or label for rid, name, label in rows})
    return [
        ConflictView(
            id=c.id,
            resident_id=c.resident_id,
            resident_name=names.get(c.resident_id, "（本机未登记的居民）"),
            entry_id=c.entry_id,
            shortfall=c.shortfall,
            status=c.status,
            resolution=c.resolution,
            reason=c.reason,
            resolved_on=c.resolved_on,
        )
        for c in conflicts
    ]


def _reversals_of(s: Session, entry_ids: list[str]) -> dict[str, str]:
    """reversed entry id → the id of the entry that reversed it."""
    out: dict[str, str] = {}
    for start in range(0, len(entry_ids), CHUNK):
        chunk = entry_ids[start : start + CHUNK]
        rows = s.execute(select(LedgerEntry.reverses, LedgerEntry.id).where(LedgerEntry.reverses.in_(chunk)))
        out.update({reversed_id: rid for reversed_id, rid in rows if reversed_id})
    return out


def item_labels(s: Session) -> dict[tuple[int, str], str]:
    """(catalogue version, item code) → the item's words, across every catalogue the desk has held
    (an entry keeps the version it was earned under)."""
    labels = {(rules.DEFAULT_CATALOGUE.version, i.code): i.label for i in rules.DEFAULT_CATALOGUE.items}
    for version, body in s.execute(select(CatalogueVersion.version, CatalogueVersion.body)):
        for item in body.get("items", []) if isinstance(body, dict) else []:
            if isinstance(item, dict) and isinstance(item.get("code"), str):
                labels[(version, item["code"])] = str(item.get("label") or item["code"])
    return labels


def entry_view(
    e: LedgerEntry, labels: dict[tuple[int, str], str], reversed_by: str | None, *, stock_returned: int = 0
) -> EntryView:
    label = None
    if e.item_code is not None:
        label = labels.get((e.catalogue_version or rules.DEFAULT_CATALOGUE.version, e.item_code), e.item_code)
    return EntryView(
        id=e.id,
        resident_id=e.resident_id,
        kind=e.kind,
        kind_label=rules.ENTRY_KINDS.get(e.kind, e.kind),
        coins=e.coins,
        entry_date=e.entry_date,
        reason=e.reason,
        item_label=label,
        declaration_id=e.declaration_id,
        reverses=e.reverses,
        reversed_by=reversed_by,
        gift=e.gift,
        quantity=e.quantity,
        origin=e.origin,
        created_by=e.created_by,
        stock_returned=stock_returned,
    )
