"""月度自查: a place's monthly self-inspection, entered at the desk on the place's behalf.

An inspection answers every item of the place's checklist (合格, 有隐患 or 不适用) in the current
scheme; each item answered 有隐患 becomes a hazard with a deadline (the scheme's default, or one
the desk gives within the scheme's longest) and may carry a photo; the inspection as a whole may
carry one too. One inspection per place and month: a month missed may be made up later (补做, and
the code shows it was late), a future month may not be entered. Every check is made before
anything is kept: a refused inspection keeps no row, no outbox op and no file.

A completed inspection is announced through the ground's registry (`rules.SELF_INSPECTION_DONE_EVENT`)
in the same unit of work: if the place's responsible person is a green-coin resident, that
capability declares the coins — neither capability knows the other."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from contextlib import ExitStack

from sqlalchemy import select
from sqlalchemy.orm import Session

from mediation_desk.core.registry import REGISTRY
from mediation_desk.core.uow import Actor, UnitOfWork, acting_now
from mediation_desk.desk import Desk
from mediation_desk.errors import DeskError, NotFound, ValidationError
from mediation_desk.privacy import roles
from mediation_desk.sitecode import codes, rules, scheme
from mediation_desk.sitecode.dto import ChecklistItemView, ChecklistView, InspectionView
from mediation_desk.sitecode.hazards import PHOTO_LABELS, hazard_views, photo_name, photo_place
from mediation_desk.sitecode.inspection_checks import (
    HazardInput,
    answers_for,
    checklist_of,
    deadline_for,
    hazard_inputs,
    month_for,
    parse_month_field,
)
from mediation_desk.sitecode.models import Hazard, Inspection, Place
from mediation_desk.sitecode.scheme_store import current_scheme, scheme_version
from mediation_desk.storage import files
from mediation_desk.storage.base import new_id
from mediation_desk.validation import clean_text

MAX_NOTE_CHARS = 500
MAX_LIST = 5000
_TICK = dt.timedelta(microseconds=1)  # `code_at` counts what was done strictly before its moment


def checklist_for(desk: Desk, actor: Actor, place_id: str) -> ChecklistView:
    """The items an inspection of the place answers today, with the deadlines a hazard may get."""
    with desk.read(actor) as s:
        roles.authorize(actor, "sitecode.view")
        p = _place(s, place_id)
        current = current_scheme(s)
        checklist = checklist_of(current, p)
        th, today = current.thresholds, rules.beijing_day(acting_now())
        return ChecklistView(
            scheme_version=current.version,
            category=checklist.category,
            category_label=checklist.label,
            items=tuple(ChecklistItemView(i.code, i.text) for i in checklist.items),
            default_deadline=today + dt.timedelta(days=th.default_deadline_days),
            max_deadline=today + dt.timedelta(days=th.max_deadline_days),
        )


def record_inspection(
    desk: Desk,
    actor: Actor,
    place_id: str,
    *,
    results: Mapping[str, str],
    hazards: Mapping[str, HazardInput] | None = None,
    month: str | None = None,
    evidence: str | os.PathLike[str] | None = None,
    note: str | None = None,
) -> InspectionView:
    given = hazard_inputs(hazards)
    checked_evidence = (
        files.check_file(evidence, field="evidence", label=PHOTO_LABELS["inspection"]) if evidence else None
    )
    photos = {
        code: files.check_file(h.photo, field=f"hazards.{code}.photo", label=PHOTO_LABELS["hazard"])
        for code, h in given.items()
        if h.photo
    }
    clean_note = clean_text(note, "note", "备注", required=False, max_chars=MAX_NOTE_CHARS, multiline=True)
    inspection_id = new_id()
    hazard_ids = {code: new_id() for code in given}
    with ExitStack() as stack:
        staged: dict[str, files.StagedFile] = {}
        if checked_evidence is not None or photos:
            vault = desk.require_vault()
            to_seal = [("inspection", inspection_id, "", checked_evidence)] if checked_evidence else []
            to_seal += [("hazard", hazard_ids[code], code, checked) for code, checked in photos.items()]
            for which, record_id, key, checked in to_seal:
                staged[key] = stack.enter_context(
                    files.sealed_until_commit(
                        desk.paths.attachments,
                        vault,
                        checked,
                        stored_name=photo_name(which, record_id),
                        place=photo_place(which, record_id),
                    )
                )
        uow = stack.enter_context(desk.write(actor))
        roles.authorize(actor, "sitecode.inspect")
        i = _record(uow, inspection_id, place_id, results, given, hazard_ids, month, clean_note, staged)
        view = inspection_views(uow.session, [i], after=uow.now + _TICK)[0]
    return view


def _record(
    uow: UnitOfWork,
    inspection_id: str,
    place_id: str,
    results: Mapping[str, str],
    given: dict[str, HazardInput],
    hazard_ids: dict[str, str],
    month: str | None,
    note: str | None,
    staged: dict[str, files.StagedFile],
) -> Inspection:
    s = uow.session
    p = _place(s, place_id)
    if not p.active:
        raise ValidationError.single("place_id", "place_inactive", f"场所「{p.name}」已停用，不能再录入自查")
    current = current_scheme(uow)
    th = current.thresholds
    checklist = checklist_of(current, p)
    answers = answers_for(checklist, results)
    found = [item for item in checklist.items if answers[item.code] == rules.FOUND]
    for code in given:
        if answers.get(code) != rules.FOUND:
            item = checklist.item(code)
            text = item.text if item is not None else code
            raise ValidationError.single(
                f"hazards.{code}", "not_a_hazard", f"检查项目「{text}」的结果不是「有隐患」，不能为它登记隐患"
            )
    for_month = month_for(s, p, month, uow.now, th)
    found_on = uow.today
    deadlines = {item.code: deadline_for(item, given.get(item.code), found_on, th) for item in found}
    descriptions = {
        item.code: clean_text(
            (given.get(item.code) or HazardInput()).description,
            f"hazards.{item.code}.description",
            "隐患描述",
            required=False,
            max_chars=rules.MAX_TEXT_CHARS,
        )
        for item in found
    }
    i = Inspection(
        id=inspection_id,
        place_id=p.id,
        month=for_month,
        completed_at=uow.now,
        scheme_version=current.version,
        results=answers,
        note=note,
        recorded_by=uow.actor.username,
        recorded_at=uow.now,
        updated_hlc=uow.tick(),
    )
    _attach(i, "evidence", staged.get(""))
    s.add(i)
    s.flush()
    rows = []
    for item in found:
        h = Hazard(
            id=hazard_ids.get(item.code) or new_id(),
            place_id=p.id,
            inspection_id=i.id,
            item_code=item.code,
            item_text=item.text,
            description=descriptions[item.code],
            found_at=uow.now,
            deadline=deadlines[item.code],
            status=rules.OPEN,
            recorded_by=uow.actor.username,
            updated_hlc=uow.tick(),
        )
        _attach(h, "evidence", staged.get(item.code))
        s.add(h)
        rows.append(h)
    s.flush()
    na = [code for code, answer in answers.items() if answer == rules.NOT_APPLICABLE]
    late = uow.now >= rules.cutoff(for_month, th)
    uow.audit(
        "sitecode.inspect",
        rules.INSPECTION,
        i.id,
        place_id=p.id,
        month=for_month,
        items=len(answers),
        hazards=len(rows),
        na=len(na),
        late=late,
        evidence=i.evidence_sha256 is not None,
    )
    uow.outbox(
        rules.INSPECTION,
        i.id,
        "create",
        {
            "place_id": p.id,
            "month": for_month,
            "completed_at": i.completed_at,
            "scheme_version": i.scheme_version,
            "items": len(answers),
            "hazard_items": [item.code for item in found],
            "na_items": na,
            "evidence_sha256": i.evidence_sha256,
        },
    )
    for h in rows:
        uow.outbox(rules.HAZARD, h.id, "create", hazard_payload(h))
    REGISTRY.publish(
        uow,
        rules.SELF_INSPECTION_DONE_EVENT,
        {
            "inspection_id": i.id,
            "place_id": p.id,
            "person_id": p.person_id,
            "month": for_month,
            "completed_on": uow.today,
        },
    )
    return i


def hazard_payload(h: Hazard) -> dict[str, object]:
    """What the district keeps of a hazard when it is found (not its description nor photo)."""
    return {
        "place_id": h.place_id,
        "inspection_id": h.inspection_id,
        "item_code": h.item_code,
        "item_text": h.item_text,
        "found_at": h.found_at,
        "deadline": h.deadline,
        "status": h.status,
        "evidence_sha256": h.evidence_sha256,
    }


def list_inspections(
    desk: Desk, actor: Actor, *, place_id: str | None = None, month: str | None = None, limit: int = 500
) -> list[InspectionView]:
    """Newest first."""
    with desk.read(actor) as s:
        roles.authorize(actor, "sitecode.view")
        q = select(Inspection)
        if place_id is not None:
            q = q.where(Inspection.place_id == place_id)
        if month is not None:
            q = q.where(Inspection.month == parse_month_field(month))
        q = q.order_by(Inspection.completed_at.desc(), Inspection.id).limit(max(1, min(limit, MAX_LIST)))
        return inspection_views(s, list(s.scalars(q)))


def get_inspection(desk: Desk, actor: Actor, inspection_id: str) -> InspectionView:
    with desk.read(actor) as s:
        roles.authorize(actor, "sitecode.view")
        i = s.get(Inspection, inspection_id) if isinstance(inspection_id, str) else None
        if i is None:
            raise NotFound("自查记录", str(inspection_id))
        return inspection_views(s, [i])[0]


def read_photo(desk: Desk, actor: Actor, record_id: str, which: str = "inspection") -> bytes:
    """A photo as it was taken in, after checking it still has its SHA-256; opening it is audited."""
    if which not in PHOTO_LABELS:
        raise ValidationError.single("which", "photo_kind", "照片须是以下之一：inspection、hazard、rectification")
    label = PHOTO_LABELS[which]
    with desk.write(actor) as uow:
        roles.authorize(actor, "sitecode.view")
        s = uow.session
        row: Inspection | Hazard | None = (
            s.get(Inspection, record_id) if which == "inspection" else s.get(Hazard, record_id)
        )
        prefix = "rectification" if which == "rectification" else "evidence"
        stored, sha256 = (getattr(row, f"{prefix}_stored"), getattr(row, f"{prefix}_sha256")) if row else (None, None)
        if stored is None or sha256 is None:
            raise NotFound(label, str(record_id))
        content = files.open_sealed(
            desk.paths.attachments / stored, desk.require_vault(), photo_place(which, record_id)
        )
        if not files.sha256_matches(content, sha256):
            raise DeskError(f"{label}文件缺失或已被改动（与录入时的 SHA-256 不符）")
        assert content is not None
        entity = rules.INSPECTION if which == "inspection" else rules.HAZARD
        uow.audit("sitecode.evidence_open", entity, record_id, which=which)
        return content


def inspection_views(s: Session, rows: list[Inspection], *, after: dt.datetime | None = None) -> list[InspectionView]:
    """The faces' view; `code_after`: the place's code just after the inspection was recorded (at
    `after` when given: the inspection just made, with whatever else the moment holds)."""
    place_ids = {i.place_id for i in rows}
    places = {p.id: p for p in s.scalars(select(Place).where(Place.id.in_(place_ids)))}
    facts = codes.facts_for(s, places.values())
    th = current_scheme(s).thresholds
    hazards: dict[str, list[Hazard]] = {}
    for h in s.scalars(select(Hazard).where(Hazard.inspection_id.in_({i.id for i in rows})).order_by(Hazard.id)):
        hazards.setdefault(h.inspection_id, []).append(h)
    versions: dict[int, scheme.Scheme | None] = {}
    views = []
    for i in rows:
        p = places.get(i.place_id)
        if i.scheme_version not in versions:
            versions[i.scheme_version] = scheme_version(s, i.scheme_version)
        used = versions[i.scheme_version]
        moment = after or i.completed_at + _TICK
        place_facts = facts.get(i.place_id) or rules.PlaceFacts(i.place_id, i.completed_at)
        views.append(
            InspectionView(
                id=i.id,
                place_id=i.place_id,
                place_name=p.name if p else "",
                month=i.month,
                completed_at=i.completed_at,
                late=i.completed_at >= rules.cutoff(i.month, used.thresholds if used else th),
                scheme_version=i.scheme_version,
                results=_results(i, used.checklist(p.category) if used and p else None),
                hazards=tuple(hazard_views(s, hazards.get(i.id, []), moment)),
                evidence_name=i.evidence_name,
                note=i.note,
                recorded_by=i.recorded_by,
                code_after=codes.code_view(rules.code_at(place_facts, moment, th), moment),
            )
        )
    return views


# ---- inside ----------------------------------------------------------------------------------


def _place(s: Session, place_id: str) -> Place:
    p = s.get(Place, place_id) if isinstance(place_id, str) else None
    if p is None:
        raise NotFound("场所", str(place_id))
    return p


def _attach(row: Inspection | Hazard, prefix: str, staged: files.StagedFile | None) -> None:
    if staged is None:
        return
    setattr(row, f"{prefix}_name", staged.checked.name)
    setattr(row, f"{prefix}_stored", staged.stored_name)
    setattr(row, f"{prefix}_media_type", staged.checked.media_type)
    setattr(row, f"{prefix}_size", staged.size)
    setattr(row, f"{prefix}_sha256", staged.sha256)


def _results(i: Inspection, checklist: scheme.Checklist | None) -> tuple[tuple[str, str, str], ...]:
    """(code, text, result) in the checklist's order; an item the desk no longer knows keeps its code."""
    answers = dict(i.results or {})
    ordered: list[tuple[str, str, str]] = []
    if checklist is not None:
        for item in checklist.items:
            if item.code in answers:
                ordered.append((item.code, item.text, str(answers.pop(item.code))))
    ordered.extend((code, code, str(answer)) for code, answer in answers.items())
    return tuple(ordered)
