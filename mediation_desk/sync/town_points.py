"""A town's desk (镇街) and the green coins: the declarations its villages approved, the town's
review, and the redemptions that overdrew a balance — online, through the district.

Nothing of it is kept on the town's desk: the district holds the declarations and the ledger, an
approval is credited there (once, whatever is retried), and the village desks pull the outcome. A
committee's desk is refused before any contact with the district; so is a person whose role may
not review (`points.town_review`). Each answer is audited here, naming the record, never a name."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from mediation_desk.core import sync_contract as contract
from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.errors import PermissionDenied, ValidationError
from mediation_desk.points import rules
from mediation_desk.privacy import roles
from mediation_desk.sync.errors import DeviceRefused, ServerFailure
from mediation_desk.sync.sync_round import drop_refused_token, ready_client
from mediation_desk.sync.transport import DEFAULT_OPTIONS, DistrictClient, TransportOptions
from mediation_desk.validation import clean_text

ACTION = "points.town_review"
PAGE = 500  # the district's largest page
MAX_LISTED = 10_000
_T = TypeVar("_T")


@dataclass(frozen=True)
class TownDeclaration:
    """A declaration as the district holds it: the masked name only, never the resident's name."""

    id: str
    committee_code: str
    committee_name: str
    resident_id: str
    resident_label: str
    item_code: str
    item_label: str
    module: str
    coins: int  # negative: a proposed deduction
    activity_date: dt.date
    catalogue_version: int
    source: str | None
    evidence_sha256: str | None  # the evidence stays in the village; its digest shows it exists
    status: str
    status_label: str
    village_reason: str | None
    village_reviewed_on: dt.date | None
    town_reason: str | None
    town_reviewed_on: dt.date | None
    town_reviewer: str | None
    entry_id: str | None = None  # an approval's ledger entry (`rules.credit_entry_id`)
    changed: bool = False  # a review: False when the same review had been made already


@dataclass(frozen=True)
class TownConflict:
    """A redemption the district found overdrawn (two desks spent the same coins offline)."""

    id: str
    committee_code: str
    committee_name: str
    resident_id: str
    resident_label: str
    entry_id: str  # the redemption
    gift: str | None
    quantity: int | None
    coins: int | None  # the redemption's (negative)
    entry_date: dt.date | None
    shortfall: int
    balance: int  # the resident's balance at the district now
    status: str  # rules.OPEN | rules.RESOLVED
    resolution: str | None
    reason: str | None
    resolved_on: dt.date | None
    resolution_entry_id: str | None = None  # the entry a resolution wrote
    changed: bool = False


def _day(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _int(value: Any, default: int = 0) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def _declaration(d: dict[str, Any], entry_id: str | None = None, changed: bool = False) -> TownDeclaration:
    try:
        status = str(d["status"])
        return TownDeclaration(
            id=str(d["declaration_id"]),
            committee_code=str(d["committee_code"]),
            committee_name=str(d.get("committee_name") or ""),
            resident_id=str(d.get("resident_id") or ""),
            resident_label=str(d.get("resident_label") or "*"),
            item_code=str(d.get("item_code") or ""),
            item_label=str(d.get("item_label") or d.get("item_code") or ""),
            module=str(d.get("module") or ""),
            coins=_int(d.get("coins")),
            activity_date=dt.date.fromisoformat(str(d["activity_date"])),
            catalogue_version=_int(d.get("catalogue_version"), 1),
            source=d.get("source"),
            evidence_sha256=d.get("evidence_sha256"),
            status=status,
            status_label=rules.STATUS_LABELS.get(status, status),
            village_reason=d.get("village_reason"),
            village_reviewed_on=_day(d.get("village_reviewed_on")),
            town_reason=d.get("town_reason"),
            town_reviewed_on=_day(d.get("town_reviewed_on")),
            town_reviewer=d.get("town_reviewer"),
            entry_id=entry_id,
            changed=changed,
        )
    except (KeyError, TypeError, ValueError):
        raise ServerFailure("区里回答的申报格式不对") from None


def _conflict(c: dict[str, Any], entry_id: str | None = None, changed: bool = False) -> TownConflict:
    try:
        quantity = c.get("quantity")
        return TownConflict(
            id=str(c["conflict_id"]),
            committee_code=str(c["committee_code"]),
            committee_name=str(c.get("committee_name") or ""),
            resident_id=str(c["resident_id"]),
            resident_label=str(c.get("resident_label") or "*"),
            entry_id=str(c["entry_id"]),
            gift=c.get("gift"),
            quantity=quantity if isinstance(quantity, int) else None,
            coins=c.get("coins") if isinstance(c.get("coins"), int) else None,
            entry_date=_day(c.get("entry_date")),
            shortfall=_int(c.get("shortfall")),
            balance=_int(c.get("balance")),
            status=str(c["status"]),
            resolution=c.get("resolution"),
            reason=c.get("reason"),
            resolved_on=_day(c.get("resolved_on")),
            resolution_entry_id=entry_id,
            changed=changed,
        )
    except (KeyError, TypeError):
        raise ServerFailure("区里回答的兑换冲突格式不对") from None


def _online(desk: Desk, actor: Actor, options: TransportOptions, call: Callable[[DistrictClient], _T]) -> _T:
    """`call` with a client of this town desk: refused on a committee's desk, or for a role that
    may not review, before any contact with the district."""
    with desk.read(actor):
        roles.authorize(actor, ACTION)  # inside the unit of work: a refusal is audited
    settings, client = ready_client(desk, options)
    if settings.scope != contract.SCOPE_TOWN:
        client.close()
        raise PermissionDenied(
            "本机登记为调解委员会的电脑：镇级审核申报和处理兑换冲突只能在登记为镇（街道）的电脑上进行"
        )
    try:
        with client:
            return call(client)
    except DeviceRefused as refused:
        drop_refused_token(desk, refused)
        raise


def _id(value: str, field: str, what: str) -> str:
    if not isinstance(value, str) or not contract.UUID_SHAPE.fullmatch(value.strip().lower()):
        raise ValidationError.single(field, "id_format", f"{what}编号须是完整的记录编号（UUID）")
    return value.strip().lower()


def _limit(limit: int) -> int:
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_LISTED:
        raise ValidationError.single("limit", "limit_range", f"条数（limit）须是 1 到 {MAX_LISTED} 的整数")
    return limit


def _pages(fetch: Callable[[str | None, int], dict[str, Any]], key: str, limit: int) -> list[dict[str, Any]]:
    """Every row the district lists, page by page, up to `limit`."""
    rows: list[dict[str, Any]] = []
    after: str | None = None
    while len(rows) < limit:
        answer = fetch(after, min(PAGE, limit - len(rows)))
        page = answer.get(key)
        if not isinstance(page, list):
            raise ServerFailure("区里的回答缺少列表")
        rows += [r for r in page if isinstance(r, dict)]
        after = answer.get("next")
        if not isinstance(after, str) or not page:
            break
    return rows


def town_declarations(
    desk: Desk,
    actor: Actor,
    *,
    status: str = rules.VILLAGE_APPROVED,
    limit: int = 200,
    options: TransportOptions = DEFAULT_OPTIONS,
) -> list[TownDeclaration]:
    """The declarations of the town's villages in `status` (by default: waiting for the town)."""
    if status not in rules.STATUS_LABELS:
        raise ValidationError.single("status", "status_unknown", f"申报状态须是以下之一：{'、'.join(rules.STATUSES)}")
    wanted = _limit(limit)
    rows = _online(
        desk,
        actor,
        options,
        lambda c: _pages(lambda after, n: c.town_declarations(status, after, n), "declarations", wanted),
    )
    return [_declaration(r) for r in rows]


def town_review(
    desk: Desk,
    actor: Actor,
    declaration_id: str,
    *,
    approve: bool,
    reason: str | None = None,
    options: TransportOptions = DEFAULT_OPTIONS,
) -> TownDeclaration:
    """Approve (the district credits the coins, once) or reject (a reason is required)."""
    did = _id(declaration_id, "declaration_id", "申报")
    why = clean_text(reason, "reason", "镇级审核理由", required=not approve, max_chars=rules.MAX_REASON_CHARS)
    body = {"approve": bool(approve), "reason": why, "reviewer": actor.label[:64]}
    answer = _online(desk, actor, options, lambda c: c.town_review(did, body))
    found = answer.get("declaration")
    if not isinstance(found, dict):
        raise ServerFailure("区里的回答缺少申报")
    view = _declaration(found, answer.get("entry_id"), bool(answer.get("changed")))
    with desk.write(actor) as uow:
        uow.audit(ACTION, rules.DECLARATION, did, approve=bool(approve), status=view.status, changed=view.changed)
    return view


def town_conflicts(
    desk: Desk, actor: Actor, *, open_only: bool = True, options: TransportOptions = DEFAULT_OPTIONS
) -> list[TownConflict]:
    """The town's villages' redemption conflicts: the open ones, or all."""
    statuses = (rules.OPEN,) if open_only else (rules.OPEN, rules.RESOLVED)

    def fetch(c: DistrictClient) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = []
        for status in statuses:
            listed = functools.partial(c.town_conflicts, status)
            rows += _pages(listed, "conflicts", MAX_LISTED)
        return rows

    return [_conflict(r) for r in _online(desk, actor, options, fetch)]


def resolve_conflict(
    desk: Desk,
    actor: Actor,
    conflict_id: str,
    *,
    resolution: str,
    reason: str,
    options: TransportOptions = DEFAULT_OPTIONS,
) -> TownConflict:
    """REVERSE_REDEMPTION (the redemption is reversed) or TOWN_COVERS (the town adds the
    shortfall); a reason is required either way."""
    cid = _id(conflict_id, "conflict_id", "兑换冲突")
    if resolution not in rules.RESOLUTIONS:
        choices = "、".join(f"{k}（{v}）" for k, v in rules.RESOLUTIONS.items())
        raise ValidationError.single("resolution", "resolution_unknown", f"处理方式须是以下之一：{choices}")
    why = clean_text(reason, "reason", "处理理由", required=True, max_chars=rules.MAX_REASON_CHARS)
    body = {"resolution": resolution, "reason": why, "reviewer": actor.label[:64]}
    answer = _online(desk, actor, options, lambda c: c.resolve_conflict(cid, body))
    found = answer.get("conflict")
    if not isinstance(found, dict):
        raise ServerFailure("区里的回答缺少兑换冲突")
    view = _conflict(found, answer.get("entry_id"), bool(answer.get("changed")))
    with desk.write(actor) as uow:
        uow.audit("points.conflict", rules.CONFLICT, cid, resolution=resolution, changed=view.changed)
    return view
