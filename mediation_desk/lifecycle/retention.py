"""保管期限: how long a case file keeps its personal content, and the purge that erases it when
that time is up (PIPL arts 19, 47) while leaving the anonymous statistics whole.

Each case has a retention class (卷宗封面: 永久 / 长期 / 短期); the committee sets how many years
长期 and 短期 mean, and how long a case that was declined or escalated away is kept. As in
archive practice, a period runs from 1 January of the year after the case ended: a 短期 (10-year)
case closed in 2015 is kept through 2025 and purged from 2026-01-01. 永久 cases are never purged.

The purge keeps the case row and everything the monthly report and the district need (number,
type, source, dates, status, amounts, persons involved, risk and prevention flags, transitions,
the agreement's form, dates and amount) and erases the rest: facts, requests, session records,
agreement text, follow-up notes, attachments (files deleted, rows kept with kind, size and
SHA-256) and the parties themselves, unless a party still has a live case or a standing consent
(lifecycle/consent.py). It deletes without reading, so it needs no data key: a locked desk purges."""
from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Select, and_, exists, func, or_, select, text
from sqlalchemy.orm import Session

from mediation_desk.storage.state import DeskState
from mediation_desk.core.uow import CHINA, Actor, UnitOfWork, china_today
from mediation_desk.errors import DeskError, PermissionDenied, Problems, ValidationError
from mediation_desk.mediation import search_index, states
from mediation_desk.mediation.case_access import load_case, party_person_ids
from mediation_desk.mediation.models_case import (
    Agreement, Attachment, CaseAssignment, CaseParty, CaseTransition, FollowUp, MediationCase,
    MediatorRefusal, SessionRecord,
)
from mediation_desk.people.models import Person
from mediation_desk.lifecycle.consent import STANDING_PURPOSES
from mediation_desk.lifecycle.models import Consent

POLICY_KEY = "retention_policy"
CLASSES = {"permanent": "永久", "long": "长期", "short": "短期"}
POLICY_FIELDS = {"long": "长期", "short": "短期", "declined": "不予调解或上报的案件"}
MIN_YEARS, MAX_YEARS = 1, 100
ERASED = "（已按保管期限清除）"  # in place of erased text that cannot be empty
ERASED_NAME = "（已清除）"
AWAY = (states.DECLINED, states.ESCALATED)  # ended without the committee's own conclusion


@dataclass(frozen=True)
class RetentionPolicy:
    """Years each class is kept; 永久 (permanent) is never purged."""

    long: int = 30
    short: int = 10
    declined: int = 3

    def years_for(self, retention: str, status: str) -> int | None:
        """Years a case is kept after it ended; None: kept for ever (or not ended)."""
        if retention == "permanent":
            return None
        if status in AWAY:
            return self.declined
        if status == states.CLOSED and retention in ("long", "short"):
            return int(getattr(self, retention))
        return None


@dataclass(frozen=True)
class PurgeReport:
    cases: tuple[str, ...]  # numbers of the cases purged (or that would be, in a dry run)
    persons_anonymised: int
    attachments_deleted: int
    dry_run: bool
    persons_kept: int = 0  # parties of those cases kept: in a live case, or a standing consent
    today: dt.date | None = None
    policy: RetentionPolicy = field(default_factory=RetentionPolicy)
    attachments_pending: int = 0  # files that could not be deleted now; the next run retries


def _require(actor: Actor, roles: Iterable[str], what: str) -> None:
    if actor.role not in (*roles, "system"):
        raise PermissionDenied(f"无权{what}")


# ---- the policy ------------------------------------------------------------------------------

def policy_in(session: Session) -> RetentionPolicy:
    row = session.get(DeskState, POLICY_KEY)
    if row is None:
        return RetentionPolicy()
    try:
        stored = json.loads(row.value)
        return RetentionPolicy(**{k: int(stored[k]) for k in POLICY_FIELDS if k in stored})
    except (ValueError, TypeError, KeyError):
        # Falling back to the defaults could purge sooner than the committee decided.
        raise DeskError("保管期限设置已损坏，请主任重新设置保管期限") from None


def get_policy(desk: Any) -> RetentionPolicy:
    with desk.read() as s:
        return policy_in(s)


def validate_years(years: dict[str, Any]) -> dict[str, int]:
    p = Problems()
    out: dict[str, int] = {}
    for key, value in years.items():
        if key not in POLICY_FIELDS:
            p.add(key, "retention_class", f"没有「{key}」这一保管期限，可设置：{'、'.join(POLICY_FIELDS.values())}")
        elif not isinstance(value, int) or isinstance(value, bool) or not MIN_YEARS <= value <= MAX_YEARS:
            p.add(key, "retention_years",
                  f"{POLICY_FIELDS[key]}保管年限须为 {MIN_YEARS}–{MAX_YEARS} 的整数（年）")
        else:
            out[key] = value
    p.raise_if_any()
    return out


def set_policy(desk: Any, actor: Actor, **years: Any) -> RetentionPolicy:
    """Change some of the years (long=…, short=…, declined=…); only 主任 may."""
    _require(actor, ("admin",), "设置保管期限（只有主任可以）")
    changes = validate_years(years)
    with desk.write(actor) as uow:
        old = policy_in(uow.session)
        new = RetentionPolicy(**(asdict(old) | changes))
        if new.short > new.long:
            raise ValidationError.single("short", "retention_years",
                                         f"短期（{new.short} 年）不能长于长期（{new.long} 年）")
        uow.session.merge(DeskState(key=POLICY_KEY, value=json.dumps(asdict(new), sort_keys=True)))
        uow.audit("retention.policy", "desk", None, old=asdict(old), new=asdict(new))
        return new


def set_case_retention(desk: Any, actor: Actor, case_key: str, retention: str) -> str:
    """Set a case's 保管期限 (卷宗封面): permanent, long or short."""
    _require(actor, ("admin", "clerk"), "修改案件保管期限（只有主任或记录员可以）")
    if retention not in CLASSES:
        raise ValidationError.single("retention", "retention_class",
                                     f"保管期限须为：{'、'.join(f'{k}（{v}）' for k, v in CLASSES.items())}")
    with desk.write(actor) as uow:
        case = load_case(uow.session, case_key)
        if case.purged_at is not None:
            raise ValidationError.single("retention", "case_purged", "该案件已按保管期限清除，不能再修改保管期限")
        if case.retention != retention:
            uow.audit("case.retention", "case", case.id, old=case.retention, new=retention)
            case.retention, case.updated_at = retention, uow.now
        return case.retention


# ---- which cases have expired ------------------------------------------------------------------

def _cutoff(today: dt.date, years: int) -> tuple[dt.date, dt.datetime]:
    """Cases that ended before this date (and instant, Beijing midnight) are past `years`."""
    first = dt.date(today.year - years, 1, 1)
    return first, dt.datetime.combine(first, dt.time(), CHINA).astimezone(dt.timezone.utc)


def _expired_query(policy: RetentionPolicy, today: dt.date) -> Select[tuple[MediationCase]]:
    c = MediationCase
    ended_in_time = []
    for retention in ("long", "short"):
        day, instant = _cutoff(today, getattr(policy, retention))
        ended_in_time.append(and_(
            c.retention == retention, c.status == states.CLOSED,
            or_(c.closed_on < day, and_(c.closed_on.is_(None), c.status_changed_at < instant))))
    _, instant = _cutoff(today, policy.declined)
    ended_in_time.append(and_(c.retention.in_(("long", "short")), c.status.in_(AWAY),
                              c.status_changed_at < instant))
    return select(c).where(c.purged_at.is_(None), or_(*ended_in_time))


def expired_cases(session: Session, policy: RetentionPolicy, today: dt.date) -> list[MediationCase]:
    """Cases past their retention period and not yet purged, oldest first."""
    q = _expired_query(policy, today).order_by(MediationCase.accepted_on, MediationCase.number)
    return list(session.scalars(q))


def expires_on(case: MediationCase, policy: RetentionPolicy) -> dt.date | None:
    """The first day the case may be purged; None while open or when kept for ever."""
    years = policy.years_for(case.retention, case.status)
    if years is None:
        return None
    ended = case.closed_on if case.status == states.CLOSED and case.closed_on else \
        case.status_changed_at.astimezone(CHINA).date()
    return dt.date(ended.year + years + 1, 1, 1)


# ---- the purge ---------------------------------------------------------------------------------

def _keeps_person(s: Session, person_id: str, purging: set[str]) -> bool:
    """A party keeps their data while in a case not purged (nor being purged) or while a standing
    consent (a bracelet) is in force."""
    live_case = s.scalar(select(exists().where(
        CaseParty.person_id == person_id, CaseParty.case_id == MediationCase.id,
        MediationCase.purged_at.is_(None), MediationCase.id.not_in(purging))))
    consent = s.scalar(select(exists().where(
        Consent.person_id == person_id, Consent.withdrawn_at.is_(None),
        Consent.purpose.in_(sorted(STANDING_PURPOSES)))))
    return bool(live_case or consent)


def _anonymise(uow: UnitOfWork, person: Person, case_id: str) -> None:
    person.name = ERASED_NAME
    for column in ("gender", "ethnicity", "birth_date", "id_type", "occupation", "uscc", "representative",
                   "representative_title", "id_number_enc", "id_number_idx", "phone_enc", "phone_idx",
                   "address_enc", "legacy_id_number", "legacy_phone", "legacy_address"):
        setattr(person, column, None)
    for consent in uow.session.scalars(select(Consent).where(Consent.person_id == person.id)):
        consent.note = consent.withdrawal_reason = None  # the record of consent and withdrawal stays, as evidence
    person.purged_at = uow.now
    uow.audit("person.purge", "person", person.id, reason="retention", case_id=case_id)


def _erase_case(uow: UnitOfWork, case: MediationCase,
                years: int | None) -> tuple[list[str], set[str], set[str]]:
    """Erase one case's personal content; returns (attachment files to delete, ids of the
    persons anonymised, ids of the parties kept)."""
    s = uow.session
    case.brief_facts = ERASED
    case.requests = ERASED if case.requests is not None else None
    case.status_reason = ERASED if case.status_reason else None
    case.search_text = case.number
    search_index.reindex_case(s, case.id, case.number)
    for t in s.scalars(select(CaseTransition).where(CaseTransition.case_id == case.id)):
        t.reason = ERASED if t.reason else None  # status, time and prevention details stay
    sessions = list(s.scalars(select(SessionRecord).where(SessionRecord.case_id == case.id)))
    for r in sessions:  # append-only everywhere else; erasure at the end of retention is the exception
        r.statements, r.participants, r.helpers = [], [], []
        r.facts_checked, r.matter, r.place, r.result = None, None, ERASED, ERASED
        r.correction_reason = ERASED if r.correction_reason else None
    agreement = s.scalars(select(Agreement).where(Agreement.case_id == case.id)).first()
    if agreement is not None:
        agreement.facts = agreement.disputed_issues = agreement.performance_method = ERASED
        agreement.responsibility, agreement.terms = None, []
    follow_ups = list(s.scalars(select(FollowUp).where(FollowUp.case_id == case.id)))
    for f in follow_ups:
        f.notes, f.visitor, f.reason = None, None, None
    files = []
    for a in s.scalars(select(Attachment).where(Attachment.case_id == case.id, Attachment.purged_at.is_(None))):
        a.original_name, a.note, a.purged_at = ERASED, None, uow.now
        files.append(a.stored_name)
    for ref in s.scalars(select(MediatorRefusal).where(MediatorRefusal.case_id == case.id)):
        ref.reason = None
    for asg in s.scalars(select(CaseAssignment).where(CaseAssignment.case_id == case.id)):
        asg.override_reason = ERASED if asg.override_reason else None
        asg.end_reason = ERASED if asg.end_reason else None
    for cp in s.scalars(select(CaseParty).where(CaseParty.case_id == case.id)):
        cp.agent_name = None
    case.purged_at = uow.now
    s.flush()
    anonymised: set[str] = set()
    kept: set[str] = set()
    for person_id in party_person_ids(s, case.id):
        person = s.get(Person, person_id)
        if person is None or person.purged_at is not None:
            continue
        if _keeps_person(s, person_id, {case.id}):
            kept.add(person_id)
        else:
            _anonymise(uow, person, case.id)
            anonymised.add(person_id)
    uow.audit("case.purge", "case", case.id, number=case.number, reason="retention_expired",
              retention=case.retention, years=years, sessions=len(sessions),
              agreement=agreement is not None, follow_ups=len(follow_ups), attachments=len(files),
              persons_anonymised=len(anonymised), persons_kept=len(kept))
    return files, anonymised, kept


def _delete_file(folder: Path, stored_name: str) -> bool | None:
    """Overwrite, then remove an attachment's stored file. False: it was not there; None: it
    could not be removed now (in use, permissions), so the next run tries again."""
    path = folder / stored_name
    if not path.is_file():
        return False
    try:
        left = path.stat().st_size
        with path.open("r+b") as f:
            while left > 0:
                chunk = min(left, 1 << 20)
                f.write(bytes(chunk))
                left -= chunk
            f.flush()
            os.fsync(f.fileno())
        path.unlink()
    except OSError:
        return None
    return True


def _delete_files(desk: Any, names: Iterable[str]) -> tuple[int, int]:
    """(deleted, left for the next run)."""
    results = [_delete_file(desk.paths.attachments, n) for n in names]
    return sum(r is True for r in results), sum(r is None for r in results)


def _leftover_files(desk: Any) -> list[str]:
    """Files of attachments already marked purged that are still on disk (a purge interrupted
    after its commit): deleted on the next run."""
    with desk.read() as s:
        names = list(s.scalars(select(Attachment.stored_name).where(Attachment.purged_at.is_not(None))))
    return [n for n in names if (desk.paths.attachments / n).is_file()]


def _dry_run(s: Session, cases: list[MediationCase], policy: RetentionPolicy, today: dt.date) -> PurgeReport:
    ids = {c.id for c in cases}
    people = set(s.scalars(select(CaseParty.person_id).join(Person, Person.id == CaseParty.person_id)
                           .where(CaseParty.case_id.in_(ids), Person.purged_at.is_(None)))) if ids else set()
    kept = sum(1 for p in people if _keeps_person(s, p, ids))
    files = s.scalar(select(func.count(Attachment.id)).where(
        Attachment.case_id.in_(ids), Attachment.purged_at.is_(None))) if ids else 0
    return PurgeReport(tuple(c.number for c in cases), len(people) - kept, files or 0, True, kept, today, policy)


def _compact_search_index(desk: Any, actor: Actor) -> None:
    """FTS5 keeps deleted terms in its segments until they are merged: merge them now so the
    erased names and facts leave the file too (SQLite's secure_delete zeroes the rest)."""
    with desk.write(actor) as uow:
        for table in ("case_fts", "case_grams"):
            uow.session.execute(text(f"INSERT INTO {table}({table}) VALUES('optimize')"))


def _checkpoint(desk: Any) -> None:
    """Move the write-ahead log into the database and empty it: old page images in the log
    would otherwise still hold the erased text. Best effort (another reader may hold it)."""
    conn = desk.db.write_engine.raw_connection()
    try:
        conn.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def purge_expired(desk: Any, actor: Actor, *, today: dt.date | None = None, dry_run: bool = False) -> PurgeReport:
    """Erase the personal content of every case past its retention period (主任 only); one unit
    of work per case, so an interruption leaves whole cases purged or untouched."""
    _require(actor, ("admin",), "执行保管期限清除（只有主任可以）")
    today = today or china_today()
    with desk.read() as s:
        policy = policy_in(s)
        cases = expired_cases(s, policy, today)
        if dry_run:
            return _dry_run(s, cases, policy, today)
        todo = [(c.id, c.number) for c in cases]
    deleted, pending = _delete_files(desk, _leftover_files(desk))
    purged: list[str] = []
    anonymised: set[str] = set()
    kept: set[str] = set()
    for case_id, number in todo:
        with desk.write(actor) as uow:
            # Checked again under the write lock: the case may have changed since it was listed.
            case = uow.session.scalars(_expired_query(policy, today).where(MediationCase.id == case_id)).first()
            if case is None:
                continue
            files, a, k = _erase_case(uow, case, policy.years_for(case.retention, case.status))
        # The rows say "purged" only once committed; the files go after that (a failure here
        # is finished by the next run, see _leftover_files).
        done, left = _delete_files(desk, files)
        deleted, pending = deleted + done, pending + left
        purged.append(number)
        anonymised |= a
        kept |= k
    if purged:
        _compact_search_index(desk, actor)
        _checkpoint(desk)
    # A party of two expired cases is kept by the first and anonymised with the second.
    return PurgeReport(tuple(purged), len(anonymised), deleted, False, len(kept - anonymised), today, policy,
                       attachments_pending=pending)
