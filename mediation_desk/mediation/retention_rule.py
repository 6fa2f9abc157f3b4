"""保管期限 of case files: which cases have expired, and what erasing one means — the mediation's
retention rule, registered with the ground (core/registry.py `RetentionRule`) and run by the purge
(lifecycle/retention.py), which also decides about the parties.

Each case has a retention class (卷宗封面: 永久 / 长期 / 短期); the committee sets how many years
长期 and 短期 mean, and how long a case that was declined or escalated away is kept. As in
archive practice, a period runs from 1 January of the year after the case ended: a 短期 (10-year)
case closed in 2015 is kept through 2025 and purged from 2026-01-01. 永久 cases are never purged.

Erasing keeps the case row and everything the monthly report and the district need (number,
type, source, dates, status, amounts, persons involved, risk and prevention flags, transitions,
the agreement's form, dates and amount) and erases the rest: facts, requests, session records,
agreement text, follow-up notes, attachments (files deleted after commit, rows kept with kind,
size and SHA-256) and the search index entries. It deletes without reading, so it needs no data
key: a locked desk purges."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from typing import Any

from sqlalchemy import Select, and_, exists, func, or_, select, text
from sqlalchemy.orm import Session

from mediation_desk.core.registry import Erased, Expired, RetentionPeriod
from mediation_desk.core.uow import CHINA, Actor, UnitOfWork
from mediation_desk.desk import Desk
from mediation_desk.errors import ValidationError
from mediation_desk.mediation import search_index, states
from mediation_desk.mediation.case_access import authorize, load_case, party_person_ids
from mediation_desk.mediation.models_case import (
    Agreement,
    Attachment,
    CaseAssignment,
    CaseParty,
    CaseTransition,
    DateCorrection,
    FollowUp,
    MediationCase,
    MediatorRefusal,
    SessionRecord,
)
from mediation_desk.privacy.roles import Permission

CLASSES = {"permanent": "永久", "long": "长期", "short": "短期"}
PERIODS = (
    RetentionPeriod("long", "长期", 30),
    RetentionPeriod("short", "短期", 10, at_most="long"),
    RetentionPeriod("declined", "不予调解或上报的案件", 3),
)
DEFAULT_YEARS = {p.key: p.default_years for p in PERIODS}
PERMISSIONS = (Permission("case.retention", "设置案卷保管期限"),)
ERASED = "（已按保管期限清除）"  # in place of erased text that cannot be empty
AWAY = (states.DECLINED, states.ESCALATED)  # ended without the committee's own conclusion


def years_for(retention: str, status: str, years: Mapping[str, int]) -> int | None:
    """Years a case is kept after it ended; None: kept for ever (or not ended)."""
    if retention == "permanent":
        return None
    if status in AWAY:
        return years["declined"]
    if status == states.CLOSED and retention in ("long", "short"):
        return years[retention]
    return None


def expires_on(case: MediationCase, years: Mapping[str, int]) -> dt.date | None:
    """The first day the case may be purged; None while open or when kept for ever."""
    kept = years_for(case.retention, case.status, years)
    if kept is None:
        return None
    ended = (
        case.closed_on
        if case.status == states.CLOSED and case.closed_on
        else case.status_changed_at.astimezone(CHINA).date()
    )
    return dt.date(ended.year + kept + 1, 1, 1)


def _cutoff(today: dt.date, years: int) -> tuple[dt.date, dt.datetime]:
    """Cases that ended before this date (and instant, Beijing midnight) are past `years`."""
    first = dt.date(today.year - years, 1, 1)
    return first, dt.datetime.combine(first, dt.time(), CHINA).astimezone(dt.UTC)


def _expired_query(years: Mapping[str, int], today: dt.date) -> Select[MediationCase]:
    c = MediationCase
    ended_in_time = []
    for retention in ("long", "short"):
        day, instant = _cutoff(today, years[retention])
        ended_in_time.append(
            and_(
                c.retention == retention,
                c.status == states.CLOSED,
                or_(c.closed_on < day, and_(c.closed_on.is_(None), c.status_changed_at < instant)),
            )
        )
    _, instant = _cutoff(today, years["declined"])
    ended_in_time.append(and_(c.retention.in_(("long", "short")), c.status.in_(AWAY), c.status_changed_at < instant))
    return select(c).where(c.purged_at.is_(None), or_(*ended_in_time))


def expired_cases(session: Session, years: Mapping[str, int], today: dt.date) -> list[MediationCase]:
    """Cases past their retention period and not yet purged, oldest first."""
    q = _expired_query(years, today).order_by(MediationCase.accepted_on, MediationCase.number)
    return list(session.scalars(q))


def set_case_retention(desk: Desk, actor: Actor, case_key: str, retention: str) -> str:
    """Set a case's 保管期限 (卷宗封面): permanent, long or short."""
    if retention not in CLASSES:
        raise ValidationError.single(
            "retention", "retention_class", f"保管期限须为：{'、'.join(f'{k}（{v}）' for k, v in CLASSES.items())}"
        )
    with desk.write(actor) as uow:
        case = load_case(uow.session, case_key)
        authorize(uow.session, actor, "case.retention", case.id)
        if case.purged_at is not None:
            raise ValidationError.single("retention", "case_purged", "该案件已按保管期限清除，不能再修改保管期限")
        if case.retention != retention:
            uow.audit("case.retention", "case", case.id, old=case.retention, new=retention)
            case.retention, case.updated_at = retention, uow.now
        return case.retention


def _erase_content(uow: UnitOfWork, case: MediationCase) -> tuple[list[str], dict[str, Any]]:
    """Erase one case's personal content; returns the attachment files to delete after commit and
    the counts for the audit record."""
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
    for dc in s.scalars(select(DateCorrection).where(DateCorrection.case_id == case.id)):
        dc.reason = ERASED  # the dates and who changed them stay, the free-text why goes
    case.purged_at = uow.now
    s.flush()
    return files, {
        "sessions": len(sessions),
        "agreement": agreement is not None,
        "follow_ups": len(follow_ups),
        "attachments": len(files),
    }


class CaseRetention:
    """The retention rule of case files (core/registry.py `RetentionRule`)."""

    name = "mediation_case"
    entity = "case"
    periods = PERIODS

    def expired(self, session: Session, years: Mapping[str, int], today: dt.date) -> list[Expired]:
        cases = expired_cases(session, years, today)
        ids = [c.id for c in cases]
        files = (
            dict(
                session.execute(
                    select(Attachment.case_id, func.count(Attachment.id))
                    .where(Attachment.case_id.in_(ids), Attachment.purged_at.is_(None))
                    .group_by(Attachment.case_id)
                ).all()
            )
            if ids
            else {}
        )
        out = []
        for case in cases:
            # Only ended cases of a limited class are listed, so each has its day.
            ends = expires_on(case, years) or today
            out.append(
                Expired(
                    self.name,
                    case.id,
                    case.number,
                    ends,
                    tuple(party_person_ids(session, case.id)),
                    files.get(case.id, 0),
                )
            )
        return out

    def erase(self, uow: UnitOfWork, item: Expired, years: Mapping[str, int], today: dt.date) -> Erased | None:
        # Checked again under the write lock: the case may have changed since it was listed.
        case = uow.session.scalars(_expired_query(years, today).where(MediationCase.id == item.key)).first()
        if case is None:
            return None
        files, counts = _erase_content(uow, case)
        return Erased(
            tuple(files),
            {
                "number": case.number,
                "retention": case.retention,
                "years": years_for(case.retention, case.status, years),
                **counts,
            },
        )

    def keeps(self, session: Session, person_id: str, purging: Collection[str] = ()) -> bool:
        """A party keeps their data while in a case not purged (nor being purged)."""
        return bool(
            session.scalar(
                select(
                    exists().where(
                        CaseParty.person_id == person_id,
                        CaseParty.case_id == MediationCase.id,
                        MediationCase.purged_at.is_(None),
                        MediationCase.id.not_in(list(purging)),
                    )
                )
            )
        )

    def erased_files(self, session: Session) -> list[str]:
        return list(session.scalars(select(Attachment.stored_name).where(Attachment.purged_at.is_not(None))))

    def compact(self, uow: UnitOfWork) -> None:
        """FTS5 keeps deleted terms in its segments until they are merged: merge them now so the
        erased names and facts leave the file too (SQLite's secure_delete zeroes the rest)."""
        for table in ("case_fts", "case_grams"):
            uow.session.execute(text(f"INSERT INTO {table}({table}) VALUES('optimize')"))


CASES = CaseRetention()
