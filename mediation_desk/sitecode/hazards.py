"""隐患整改: the hazards the monthly self-inspections found, and their rectification.

A hazard stays open until someone records that it was put right, with a note and the name of the
person who checked it (复查人); a photo of the result is optional. A hazard is rectified once: a
second rectification is refused, never layered on the first. Whether a hazard is overdue is judged
when it is shown (Beijing today past its deadline), never stored — it cannot go stale."""

from __future__ import annotations

import datetime as dt
import os
from contextlib import ExitStack

from sqlalchemy import select
from sqlalchemy.orm import Session

from mediation_desk.core.sync_contract import UUID_SHAPE
from mediation_desk.core.uow import Actor, UnitOfWork, acting_now
from mediation_desk.desk import Desk
from mediation_desk.errors import NotFound, ValidationError
from mediation_desk.privacy import roles
from mediation_desk.privacy.vault import place
from mediation_desk.sitecode import rules
from mediation_desk.sitecode.dto import HazardView
from mediation_desk.sitecode.models import Hazard, Place
from mediation_desk.storage import files
from mediation_desk.validation import clean_text

MAX_LIST = 5000
MAX_CHECKER_CHARS = 64
PHOTO_LABELS = {"inspection": "自查照片", "hazard": "隐患照片", "rectification": "整改照片"}


def photo_place(which: str, record_id: str) -> str:
    """What a sealed photo is bound to: it opens for that record and that use only (an
    inspection's photo cannot be passed off as a rectification's)."""
    entity = rules.INSPECTION if which == "inspection" else rules.HAZARD
    return place(entity, which, record_id)


def photo_name(which: str, record_id: str) -> str:
    """The sealed file's name in the attachments folder (a hazard has two: found and rectified)."""
    return f"{record_id}.sealed" if which != "rectification" else f"{record_id}.rectification.sealed"


def rectify(
    desk: Desk,
    actor: Actor,
    hazard_id: str,
    *,
    note: str,
    checked_by: str,
    photo: str | os.PathLike[str] | None = None,
) -> HazardView:
    if not isinstance(hazard_id, str) or not UUID_SHAPE.fullmatch(hazard_id):
        raise NotFound("隐患", str(hazard_id))  # before its id names a file
    checked = files.check_file(photo, field="photo", label=PHOTO_LABELS["rectification"]) if photo else None
    clean_note = clean_text(note, "note", "整改情况", required=True, max_chars=rules.MAX_TEXT_CHARS, multiline=True)
    checker = clean_text(checked_by, "checked_by", "复查人", required=True, max_chars=MAX_CHECKER_CHARS)
    assert clean_note is not None and checker is not None  # required: None was refused
    with ExitStack() as stack:
        staged = None
        if checked is not None:
            staged = stack.enter_context(
                files.sealed_until_commit(
                    desk.paths.attachments,
                    desk.require_vault(),
                    checked,
                    stored_name=photo_name("rectification", hazard_id),
                    place=photo_place("rectification", hazard_id),
                )
            )
        uow = stack.enter_context(desk.write(actor))
        roles.authorize(actor, "sitecode.rectify")
        h = _hazard(uow.session, hazard_id)
        _record_rectification(uow, h, clean_note, checker, staged)
        view = hazard_views(uow.session, [h], uow.now)[0]
    return view


def _record_rectification(uow: UnitOfWork, h: Hazard, note: str, checker: str, staged: files.StagedFile | None) -> None:
    if h.status == rules.RECTIFIED:
        when = rules.day_text(rules.beijing_day(h.rectified_at)) if h.rectified_at else ""
        raise ValidationError.single(
            "hazard_id",
            "already_rectified",
            f"这项隐患已于{when}整改并由{h.checked_by or '复查人'}复查，不能重复登记整改",
        )
    if uow.now < h.found_at:
        raise ValidationError.single("rectified_at", "before_found", "整改时间不能早于发现隐患的时间")
    overdue = h.deadline < uow.today
    h.status = rules.RECTIFIED
    h.rectified_at = uow.now
    h.rectification_note = note
    h.checked_by = checker
    if staged is not None:
        h.rectification_name = staged.checked.name
        h.rectification_stored = staged.stored_name
        h.rectification_media_type = staged.checked.media_type
        h.rectification_size = staged.size
        h.rectification_sha256 = staged.sha256
    h.updated_hlc = uow.tick()
    uow.session.flush()
    uow.audit("sitecode.rectify", rules.HAZARD, h.id, place_id=h.place_id, overdue=overdue, photo=staged is not None)
    uow.outbox(
        rules.HAZARD,
        h.id,
        "update",
        {
            "fields": {
                "status": h.status,
                "rectified_at": h.rectified_at,
                "checked_by": h.checked_by,
                "rectification_sha256": h.rectification_sha256,
            }
        },
    )


def list_hazards(
    desk: Desk,
    actor: Actor,
    *,
    open_only: bool = True,
    overdue_only: bool = False,
    place_id: str | None = None,
    grid: str | None = None,
    limit: int = 1000,
) -> list[HazardView]:
    """The earliest deadline first. `overdue_only`: open hazards whose deadline has passed (at
    Beijing's today)."""
    moment = acting_now()
    with desk.read(actor) as s:
        roles.authorize(actor, "sitecode.view")
        q = select(Hazard).join(Place, Place.id == Hazard.place_id)
        if open_only or overdue_only:
            q = q.where(Hazard.status == rules.OPEN)
        if overdue_only:
            q = q.where(Hazard.deadline < rules.beijing_day(moment))
        if place_id is not None:
            q = q.where(Hazard.place_id == place_id)
        if grid is not None:
            q = q.where(Place.grid == grid.strip())
        q = q.order_by(Hazard.deadline, Hazard.found_at, Hazard.id).limit(max(1, min(limit, MAX_LIST)))
        return hazard_views(s, list(s.scalars(q)), moment)


def hazard_views(s: Session, rows: list[Hazard], moment: dt.datetime) -> list[HazardView]:
    """The faces' view of hazards, overdue judged at `moment` (from 00:00 Beijing the day after
    the deadline)."""
    today = rules.beijing_day(moment)
    places = {p.id: p for p in s.scalars(select(Place).where(Place.id.in_({h.place_id for h in rows})))}
    views = []
    for h in rows:
        p = places.get(h.place_id)
        views.append(
            HazardView(
                id=h.id,
                place_id=h.place_id,
                place_name=p.name if p else "",
                grid=p.grid if p else "",
                inspection_id=h.inspection_id,
                item_code=h.item_code,
                item_text=h.item_text,
                description=h.description,
                found_at=h.found_at,
                deadline=h.deadline,
                status=h.status,
                status_label=rules.HAZARD_STATUSES.get(h.status, h.status),
                overdue=h.status == rules.OPEN and h.deadline < today,
                evidence_name=h.evidence_name,
                rectified_at=h.rectified_at,
                rectification_note=h.rectification_note,
                checked_by=h.checked_by,
                rectification_name=h.rectification_name,
            )
        )
    return views


def _hazard(s: Session, hazard_id: str) -> Hazard:
    h = s.get(Hazard, hazard_id) if isinstance(hazard_id, str) else None
    if h is None:
        raise NotFound("隐患", str(hazard_id))
    return h
