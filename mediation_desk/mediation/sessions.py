"""调解记录: session records, append-only. A correction is a new version; the old one stays.

A session is dated on or after the case's acceptance and not in the future (`date_rules`), and
only while a mediator acts on the case (`assignment.require_acting_mediator`). Moving a session's
date through a correction is also written down as a date correction (`DateCorrection`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mediation_desk.core.uow import Actor, UnitOfWork, acting_now
from mediation_desk.desk import Desk
from mediation_desk.errors import NotFound, Problems, ValidationError
from mediation_desk.mediation import date_rules, states
from mediation_desk.mediation.assignment import require_acting_mediator
from mediation_desk.mediation.case_access import active_mediator_ids, authorize, load_case, party_person_ids
from mediation_desk.mediation.models_case import DateCorrection, MediationCase, SessionRecord
from mediation_desk.mediation.workflow import apply_transition
from mediation_desk.storage.base import new_id
from mediation_desk.validation import clean_name, clean_text

OUTCOMES = {"continue": "继续调解", "agreement": "达成协议", "failed": "调解不成"}
RECORDABLE = frozenset({states.ASSIGNED, states.IN_MEDIATION, states.AGREED, states.PERFORMING, states.FOLLOW_UP})


@dataclass(frozen=True)
class SessionView:
    id: str
    record_key: str
    version: int
    held_at: dt.datetime
    place: str
    matter: str | None
    participants: tuple[str, ...]
    helpers: tuple[str, ...]
    recorder: str
    statements: tuple[tuple[str, str], ...]  # (person_id, text)
    facts_checked: str | None
    result: str
    outcome: str
    correction_reason: str | None
    created_by: str


def parse_time(value: Any) -> dt.datetime:
    if isinstance(value, dt.datetime):
        when = value
    else:
        try:
            when = dt.datetime.fromisoformat(str(value))
        except ValueError:
            raise ValidationError.single("held_at", "datetime_format", "调解时间格式应为 YYYY-MM-DD HH:MM") from None
    if when.tzinfo is None:  # typed at the desk: Beijing time
        when = when.replace(tzinfo=dt.timezone(dt.timedelta(hours=8)))
    return when.astimezone(dt.UTC)


def validate_session(
    data: Mapping[str, Any],
    party_ids: list[str],
    *,
    now: dt.datetime | None = None,
    accepted_on: dt.date | None = None,
) -> dict[str, Any]:
    """Check a session form; `now` is the moment of the action, `accepted_on` the case's
    acceptance day (no session before it)."""
    p = Problems()
    out: dict[str, Any] = {}

    now = now or acting_now()
    out["held_at"] = p.check(parse_time, data.get("held_at") or now)
    if out["held_at"] and (problem := date_rules.session_time_problem(out["held_at"], accepted_on, now)):
        p.items.append(problem)
    out["place"] = p.check(clean_text, data.get("place"), "place", "调解地点", required=True, max_chars=100)
    out["matter"] = p.check(
        clean_text, data.get("matter"), "matter", "调解事项", required=False, max_chars=500, multiline=True
    )
    out["recorder"] = p.check(clean_name, data.get("recorder"), "recorder", "记录人", 32)
    out["facts_checked"] = p.check(
        clean_text,
        data.get("facts_checked"),
        "facts_checked",
        "查明事实",
        required=False,
        max_chars=8000,
        multiline=True,
    )
    out["result"] = p.check(
        clean_text, data.get("result"), "result", "调解结果", required=True, max_chars=4000, multiline=True
    )
    for key, label in (("participants", "参加人"), ("helpers", "邀请协助人员")):
        names = []
        for i, name in enumerate(data.get(key) or []):
            try:
                names.append(clean_name(name, f"{key}[{i}]", label, 64))
            except ValidationError as e:
                p.extend(e)
        out[key] = names
    statements = []
    for i, st in enumerate(data.get("statements") or []):
        if not isinstance(st, Mapping) or st.get("person_id") not in party_ids:
            p.add(f"statements[{i}].person_id", "not_a_party", "陈述人须为本案当事人")
            continue
        try:
            text = clean_text(
                st.get("text"), f"statements[{i}].text", "当事人陈述", required=True, max_chars=8000, multiline=True
            )
            statements.append({"person_id": st["person_id"], "text": text})
        except ValidationError as e:
            p.extend(e)
    out["statements"] = statements
    outcome = data.get("outcome") or "continue"
    if outcome not in OUTCOMES:
        p.add("outcome", "outcome", f"结果须为：{'、'.join(OUTCOMES.values())}")
    out["outcome"] = outcome
    out["rights_notified"] = bool(data.get("rights_notified", True))
    p.raise_if_any()
    return out


def add_session(desk: Desk, actor: Actor, case_key: str, data: Mapping[str, Any]) -> str:
    """Record a session. The first session of an assigned case starts the mediation."""
    with desk.write(actor) as uow:
        s = uow.session
        case = load_case(s, case_key)
        authorize(s, actor, "session.record", case.id)
        if case.status not in RECORDABLE:
            raise ValidationError.single(
                "case", "case_not_in_mediation", f"「{states.LABELS[case.status]}」的案件不能再添加调解记录"
            )
        require_acting_mediator(s, case)
        fields = validate_session(data, party_person_ids(s, case.id), now=uow.now, accepted_on=case.accepted_on)
        rec = SessionRecord(
            case_id=case.id,
            record_key=new_id(),
            version=1,
            supersedes_id=None,
            mediator_ids=active_mediator_ids(s, case.id),
            created_by=actor.username,
            created_at=uow.now,
            **fields,
        )
        s.add(rec)
        s.flush()
        if case.status == states.ASSIGNED:
            apply_transition(uow, case, states.IN_MEDIATION)
        uow.audit("session.add", "case", case.id, session_id=rec.id, outcome=rec.outcome)
        uow.outbox(
            "session_record", rec.id, "append", {"case_id": case.id, "outcome": rec.outcome, "held_at": rec.held_at}
        )
        return rec.id


def correct_session(desk: Desk, actor: Actor, session_id: str, data: Mapping[str, Any], reason: str) -> str:
    """A new version of a session record; the old version is kept untouched."""
    reason = clean_text(reason, "correction_reason", "更正理由", required=True, max_chars=500) or ""
    with desk.write(actor) as uow:
        old = latest_version(uow.session, session_id)
        authorize(uow.session, actor, "session.record", old.case_id)
        return new_version(uow, old, data, reason).id


def latest_version(s: Session, session_id: str) -> SessionRecord:
    """The session record `session_id`, refused unless it is the latest version of its record."""
    old = s.get(SessionRecord, session_id)
    if old is None:
        raise NotFound("调解记录", session_id)
    latest = s.scalars(
        select(SessionRecord)
        .where(SessionRecord.record_key == old.record_key)
        .order_by(SessionRecord.version.desc())
        .limit(1)
    ).one()
    if latest.id != old.id:
        raise ValidationError.single("session_id", "not_latest_version", f"只能更正最新版本（第 {latest.version} 版）")
    return old


_VERSIONED = (
    "held_at",
    "place",
    "matter",
    "recorder",
    "facts_checked",
    "result",
    "participants",
    "helpers",
    "statements",
    "outcome",
    "rights_notified",
)


def new_version(uow: UnitOfWork, old: SessionRecord, data: Mapping[str, Any], reason: str) -> SessionRecord:
    """Add the corrected version of `old` (the latest) in the caller's unit of work: the fields of
    `data` over the old ones, checked as a new record is. A changed time is checked against the
    acceptance day and also kept as a date correction (who, when, old and new time, why)."""
    s = uow.session
    case = s.get(MediationCase, old.case_id)
    assert case is not None  # a session record always belongs to a case (foreign key)
    merged = {k: getattr(old, k) for k in _VERSIONED}
    changes = {k: v for k, v in data.items() if not (k == "held_at" and v in (None, ""))}  # blank: keep it
    merged.update(changes)
    # The time is judged only when it changes: a record typed before these checks keeps its time
    # through a correction of its text.
    moved = "held_at" in changes and parse_time(changes["held_at"]) != old.held_at
    fields = validate_session(
        merged,
        party_person_ids(s, old.case_id),
        now=uow.now if moved else max(uow.now, old.held_at),
        accepted_on=case.accepted_on if moved else None,
    )
    rec = SessionRecord(
        case_id=old.case_id,
        record_key=old.record_key,
        version=old.version + 1,
        supersedes_id=old.id,
        correction_reason=reason,
        mediator_ids=old.mediator_ids,
        created_by=uow.actor.username,
        created_at=uow.now,
        **fields,
    )
    s.add(rec)
    s.flush()
    uow.audit("session.correct", "case", old.case_id, session_id=rec.id, supersedes=old.id)
    payload: dict[str, Any] = {"case_id": old.case_id, "supersedes": old.id}
    if rec.held_at != old.held_at:
        payload["held_at"] = rec.held_at
        s.add(
            DateCorrection(
                case_id=old.case_id,
                field=date_rules.HELD_AT,
                target_id=rec.id,
                old_value=old.held_at.isoformat(),
                new_value=rec.held_at.isoformat(),
                reason=reason,
                corrected_by=uow.actor.username,
                corrected_at=uow.now,
            )
        )
        uow.audit("case.date_corrected", "case", old.case_id, field=date_rules.HELD_AT, session_id=rec.id)
    uow.outbox("session_record", rec.id, "append", payload)
    return rec


def list_sessions(
    desk: Desk, case_key: str, *, all_versions: bool = False, actor: Actor | None = None
) -> list[SessionView]:
    """The session records of a case; with `actor`, only if that actor may see the case."""
    with desk.read(actor) as s:
        case = load_case(s, case_key)
        if actor is not None:
            authorize(s, actor, "case.view", case.id)
        return session_views(s, case.id, all_versions=all_versions)


def session_views(s: Session, case_id: str, *, all_versions: bool = False) -> list[SessionView]:
    """The session records of one case, read in the caller's unit of work (which has decided
    the access already)."""
    rows = list(
        s.scalars(
            select(SessionRecord)
            .where(SessionRecord.case_id == case_id)
            .order_by(SessionRecord.held_at, SessionRecord.version)
        )
    )
    if not all_versions:
        latest: dict[str, SessionRecord] = {}
        for r in rows:
            latest[r.record_key] = r
        rows = sorted(latest.values(), key=lambda r: r.held_at)
    return [
        SessionView(
            r.id,
            r.record_key,
            r.version,
            r.held_at,
            r.place,
            r.matter,
            tuple(r.participants),
            tuple(r.helpers),
            r.recorder,
            tuple((st["person_id"], st["text"]) for st in r.statements),
            r.facts_checked,
            r.result,
            r.outcome,
            r.correction_reason,
            r.created_by,
        )
        for r in rows
    ]
