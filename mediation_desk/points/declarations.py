"""群众申报: the clerk records that a resident did something on the catalogue (or, for the
negative list, proposes a deduction), with an optional evidence file; the village's 主任 reviews
it here; the town reviews it later through the district, which then credits the coins.

Every check is made before anything is kept, and a refused declaration keeps nothing: no row, no
outbox op, no evidence file (the sealed file takes its real name only after the row commits)."""

from __future__ import annotations

import datetime as dt
import os

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mediation_desk.core.models import Committee, OutboxOp
from mediation_desk.core.uow import Actor, UnitOfWork
from mediation_desk.desk import Desk
from mediation_desk.errors import DeskError, NotFound, ValidationError
from mediation_desk.points import rules
from mediation_desk.points.catalogue import current_catalogue
from mediation_desk.points.dto import DeclarationView
from mediation_desk.points.models import Declaration, Resident
from mediation_desk.points.resident_views import resident_name
from mediation_desk.privacy import roles
from mediation_desk.privacy.vault import place
from mediation_desk.storage import files
from mediation_desk.storage.base import new_id
from mediation_desk.validation import clean_text
from mediation_desk.validation.text import parse_date

MAX_NOTE_CHARS = 500
MAX_LIST = 5000
EVIDENCE_LABEL = "证明材料"


def evidence_place(declaration_id: str) -> str:
    """What a declaration's sealed evidence is bound to: it opens for that declaration only."""
    return place("points_declaration", "evidence", declaration_id)


def declare(
    desk: Desk,
    actor: Actor,
    *,
    resident_id: str,
    item_code: str,
    activity_date: dt.date,
    note: str | None = None,
    evidence: str | os.PathLike[str] | None = None,
) -> DeclarationView:
    checked = files.check_file(evidence, field="evidence", label=EVIDENCE_LABEL) if evidence is not None else None
    clean_note = clean_text(note, "note", "说明", required=False, max_chars=MAX_NOTE_CHARS, multiline=True)
    declaration_id = new_id()
    if checked is None:
        with desk.write(actor) as uow:
            roles.authorize(actor, "points.declare")  # inside the unit of work: a refusal is audited
            d = record(uow, declaration_id, resident_id, item_code, activity_date, note=clean_note)
            return declaration_view(uow.session, d)
    with (
        files.sealed_until_commit(
            desk.paths.attachments,
            desk.require_vault(),
            checked,
            stored_name=f"{declaration_id}.sealed",
            place=evidence_place(declaration_id),
        ) as staged,
        desk.write(actor) as uow,
    ):
        roles.authorize(actor, "points.declare")
        d = record(uow, declaration_id, resident_id, item_code, activity_date, note=clean_note, evidence=staged)
        view = declaration_view(uow.session, d)
    return view


def record(
    uow: UnitOfWork,
    declaration_id: str,
    resident_id: str,
    item_code: str,
    activity_date: dt.date | str,
    *,
    note: str | None = None,
    evidence: files.StagedFile | None = None,
    source: str = rules.MANUAL,
    source_ref: str | None = None,
    declared_by: str | None = None,
) -> Declaration:
    """Check and keep one declaration in the caller's unit of work (the clerk's, or the one of the
    event behind an automatic declaration, `declared_by` "system"); a ValidationError names the
    field and keeps nothing (the first use of the built-in catalogue may have stored it)."""
    s = uow.session
    catalogue = current_catalogue(uow)
    item = catalogue.item(item_code) if isinstance(item_code, str) else None
    if item is None:
        raise ValidationError.single(
            "item_code", "item_unknown", f"积分目录（第 {catalogue.version} 版）中没有这个项目：{str(item_code)[:32]}"
        )
    if item.auto is not None and item.auto != source:
        raise ValidationError.single(
            "item_code",
            "item_automatic",
            f"「{item.label}」由系统在{rules.SOURCES[item.auto].removesuffix('自动申报')}时自动申报，不能手工登记",
        )
    day = parse_date(activity_date, "activity_date", "活动日期")
    if day is None:
        raise ValidationError.single("activity_date", "required", "活动日期不能为空")
    problem = rules.activity_date_problem(day, uow.today)
    if problem is not None:
        rule = "future_date" if day > uow.today else "too_old"
        raise ValidationError.single("activity_date", rule, problem)
    resident = _declarable_resident(s, resident_id, uow)
    same_day, same_month = _held(s, resident.id, item.code, day)
    problem = rules.limit_problem(item, same_day, same_month)
    if problem is not None:
        rule = "per_day_limit" if item.per_day is not None and same_day >= item.per_day else "per_month_limit"
        raise ValidationError.single("activity_date", rule, problem)
    d = Declaration(
        id=declaration_id,
        committee_id=resident.committee_id,
        resident_id=resident.id,
        item_code=item.code,
        item_label=item.label,
        module=item.module,
        catalogue_version=catalogue.version,
        activity_date=day,
        coins=item.coins,
        status=rules.DECLARED,
        source=source,
        source_ref=source_ref,
        note=note,
        declared_by=declared_by or uow.actor.username,
        declared_at=uow.now,
        status_changed_at=uow.now,
        updated_hlc=uow.tick(),
    )
    if evidence is not None:
        d.evidence_name = evidence.checked.name
        d.evidence_stored = evidence.stored_name
        d.evidence_media_type = evidence.checked.media_type
        d.evidence_size = evidence.size
        d.evidence_sha256 = evidence.sha256
    s.add(d)
    s.flush()
    action = "points.declare" if source == rules.MANUAL else "points.declare_auto"
    uow.audit(
        action,
        rules.DECLARATION,
        d.id,
        item_code=item.code,
        coins=item.coins,
        source=source,
        source_ref=source_ref,
        evidence=evidence is not None,
    )
    uow.outbox(rules.DECLARATION, d.id, "create", declaration_payload(d, resident.label))
    return d


def review(
    desk: Desk, actor: Actor, declaration_id: str, *, approve: bool, reason: str | None = None
) -> DeclarationView:
    """The village's review: approved declarations wait for the town (through the district);
    a rejection needs a reason and ends the declaration."""
    with desk.write(actor) as uow:
        roles.authorize(actor, "points.review")
        why = clean_text(reason, "reason", "审核意见", required=False, max_chars=rules.MAX_REASON_CHARS)
        s = uow.session
        d = _declaration(s, declaration_id)
        target = rules.VILLAGE_APPROVED if approve else rules.VILLAGE_REJECTED
        problem = rules.review_problem(d.status, target, why)
        if problem is not None:
            if d.status == rules.DECLARED:  # the move is allowed; only the reason is missing
                raise ValidationError.single("reason", "reason_required", problem)
            raise ValidationError.single("status", "already_reviewed", problem)
        before = d.status
        d.status = target
        d.village_reviewer = actor.username
        d.village_reviewed_on = uow.today
        d.village_reason = why
        d.status_changed_at = uow.now
        d.updated_hlc = uow.tick()
        uow.audit("points.review", rules.DECLARATION, d.id, **{"from": before, "to": target})
        uow.outbox(
            rules.DECLARATION,
            d.id,
            "transition",
            {
                "from": before,
                "to": target,
                "village_reason": why,
                "village_reviewed_on": d.village_reviewed_on,
                "updated_hlc": d.updated_hlc,
            },
        )
        return declaration_view(s, d)


def list_declarations(
    desk: Desk, actor: Actor, *, status: str | None = None, resident_id: str | None = None, limit: int = 500
) -> list[DeclarationView]:
    """Newest first; `status` one of `rules.STATUSES` (the review queue is status="declared")."""
    if status is not None and status not in rules.STATUS_LABELS:
        raise ValidationError.single(
            "status", "status_unknown", f"申报状态须是以下之一：{'、'.join(rules.STATUS_LABELS)}"
        )
    with desk.read(actor) as s:
        roles.authorize(actor, "points.view")
        q = select(Declaration)
        if status is not None:
            q = q.where(Declaration.status == status)
        if resident_id is not None:
            q = q.where(Declaration.resident_id == resident_id)
        q = q.order_by(Declaration.declared_at.desc(), Declaration.id).limit(max(1, min(limit, MAX_LIST)))
        return declaration_views(s, list(s.scalars(q)))


def get_declaration(desk: Desk, actor: Actor, declaration_id: str) -> DeclarationView:
    with desk.read(actor) as s:
        roles.authorize(actor, "points.view")
        return declaration_view(s, _declaration(s, declaration_id))


def read_evidence(desk: Desk, actor: Actor, declaration_id: str) -> bytes:
    """The evidence file as declared, after checking it still has its SHA-256; opening it is audited."""
    with desk.write(actor) as uow:
        roles.authorize(actor, "points.view")
        d = _declaration(uow.session, declaration_id)
        if d.evidence_stored is None or d.evidence_sha256 is None:
            raise NotFound("申报的证明材料", declaration_id)
        path = desk.paths.attachments / d.evidence_stored
        content = files.open_sealed(path, desk.require_vault(), evidence_place(d.id))
        if not files.sha256_matches(content, d.evidence_sha256):
            raise DeskError("证明材料文件缺失或已被改动（与申报时的 SHA-256 不符）")
        assert content is not None
        uow.audit("points.evidence_open", rules.DECLARATION, d.id)
        return content


# ---- shared with the other green-coin modules ---------------------------------------------------


def declaration_payload(d: Declaration, resident_label: str) -> dict[str, object]:
    """What the district keeps of a declaration: the masked name, never the name, note or file."""
    return {
        "resident_id": d.resident_id,
        "resident_label": resident_label,
        "item_code": d.item_code,
        "module": d.module,
        "catalogue_version": d.catalogue_version,
        "activity_date": d.activity_date,
        "coins": d.coins,
        "status": d.status,
        "source": d.source,
        "source_ref": d.source_ref,
        "evidence_sha256": d.evidence_sha256,
        "village_reason": d.village_reason,
        "village_reviewed_on": d.village_reviewed_on,
        "town_reason": d.town_reason,
        "town_reviewed_on": d.town_reviewed_on,
        "updated_hlc": d.updated_hlc,
    }


def declaration_view(s: Session, d: Declaration) -> DeclarationView:
    return declaration_views(s, [d])[0]


def declaration_views(s: Session, rows: list[Declaration]) -> list[DeclarationView]:
    residents = {r.id: r for r in s.scalars(select(Resident).where(Resident.id.in_({d.resident_id for d in rows})))}
    approved = [d.id for d in rows if d.status == rules.VILLAGE_APPROVED]
    unsent = set(
        s.scalars(
            select(OutboxOp.entity_id).where(
                OutboxOp.entity == rules.DECLARATION,
                OutboxOp.entity_id.in_(approved),
                OutboxOp.kind == "transition",
                OutboxOp.state == "pending",
            )
        )
    )
    names: dict[str, str] = {}
    views = []
    for d in rows:
        if d.resident_id not in names:
            r = residents.get(d.resident_id)
            names[d.resident_id] = resident_name(s, r) if r is not None else ""
        views.append(
            DeclarationView(
                id=d.id,
                resident_id=d.resident_id,
                resident_name=names[d.resident_id],
                item_code=d.item_code,
                item_label=d.item_label,
                module=d.module,
                module_label=rules.MODULES.get(d.module, d.module),
                coins=d.coins,
                activity_date=d.activity_date,
                status=d.status,
                status_label=rules.STATUS_LABELS.get(d.status, d.status),
                source=d.source,
                source_label=rules.SOURCES.get(d.source, d.source),
                catalogue_version=d.catalogue_version,
                note=d.note,
                evidence_name=d.evidence_name,
                evidence_sha256=d.evidence_sha256,
                declared_by=d.declared_by,
                declared_at=d.declared_at,
                village_reviewer=d.village_reviewer,
                village_reason=d.village_reason,
                town_reason=d.town_reason,
                waiting_for_sync=d.id in unsent,
            )
        )
    return views


def held_declarations(s: Session, resident_id: str, item_code: str, day: dt.date) -> tuple[int, int]:
    """How many not-rejected declarations of the item the resident has on `day` and in its month."""
    return _held(s, resident_id, item_code, day)


# ---- inside ----------------------------------------------------------------------------------


def _declarable_resident(s: Session, resident_id: str, uow: UnitOfWork) -> Resident:
    r = s.get(Resident, resident_id) if isinstance(resident_id, str) else None
    if r is None:
        raise ValidationError.single("resident_id", "resident_unknown", "找不到这位居民，请先登记")
    if r.committee_id != _committee_id(s):
        raise ValidationError.single("resident_id", "resident_other_committee", "这位居民不属于本村，不能在这里申报")
    if not r.active:
        raise ValidationError.single("resident_id", "resident_inactive", "这位居民已停用（迁出或注销），不能再申报")
    return r


def _committee_id(s: Session) -> str:
    committee = s.scalars(select(Committee).order_by(Committee.created_at).limit(1)).first()
    if committee is None:
        raise DeskError("本机尚未设置调解委员会，请先运行 `mediation-desk setup`")
    return committee.id


def _held(s: Session, resident_id: str, item_code: str, day: dt.date) -> tuple[int, int]:
    first = day.replace(day=1)
    rows = s.execute(
        select(Declaration.activity_date, func.count())
        .where(
            Declaration.resident_id == resident_id,
            Declaration.item_code == item_code,
            Declaration.status.not_in(rules.REJECTIONS),
            Declaration.activity_date >= first,
            Declaration.activity_date < rules.next_month(first),
        )
        .group_by(Declaration.activity_date)
    ).all()
    same_day = sum(n for when, n in rows if when == day)
    return same_day, sum(n for _when, n in rows)


def _declaration(s: Session, declaration_id: str) -> Declaration:
    d = s.get(Declaration, declaration_id)
    if d is None:
        raise NotFound("申报", declaration_id)
    return d
