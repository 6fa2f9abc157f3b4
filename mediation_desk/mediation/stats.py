"""Monthly report (domain.md §3): accepted, successful, success rate, amounts, persons, by
source, by agreement form, prevention counters, screening. Anonymous: counts and sums only."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select

from mediation_desk.desk import Desk
from mediation_desk.errors import ValidationError
from mediation_desk.mediation import states
from mediation_desk.mediation.intake import RISK_FLAGS, from_fen
from mediation_desk.mediation.models_case import Agreement, CaseTransition, MediationCase

CHINA = dt.timezone(dt.timedelta(hours=8))


@dataclass(frozen=True)
class MonthlyReport:
    month: str
    accepted: int
    mediated_successfully: int
    terminated: int
    success_rate: float | None  # successful / (successful + terminated) concluded in the month
    agreement_amount: Decimal
    persons_involved: int
    by_source: dict[str, int]
    by_referrer: dict[str, int]
    by_agreement_form: dict[str, int]
    by_dispute_type: dict[str, int]
    prevention_cases: dict[str, int]
    prevention_persons: dict[str, int]
    found_in_screening: int
    escalated: int
    closed: int
    open_at_month_end: int = 0
    notes: list[str] = field(default_factory=list)


def month_bounds(month: str) -> tuple[dt.date, dt.date, dt.datetime, dt.datetime]:
    m = re.fullmatch(r"(\d{4})-(\d{2})", month or "")
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise ValidationError.single("month", "month_format", "月份格式应为 YYYY-MM，如 2026-10")
    first = dt.date(int(m.group(1)), int(m.group(2)), 1)
    nxt = dt.date(first.year + (first.month == 12), first.month % 12 + 1, 1)
    # Months are Beijing-time months; stored instants are UTC.
    start = dt.datetime.combine(first, dt.time(), CHINA).astimezone(dt.UTC)
    end = dt.datetime.combine(nxt, dt.time(), CHINA).astimezone(dt.UTC)
    return first, nxt, start, end


def monthly_report(desk: Desk, month: str) -> MonthlyReport:
    first, nxt, start, end = month_bounds(month)
    with desk.read() as s:
        in_month = (MediationCase.accepted_on >= first) & (MediationCase.accepted_on < nxt)
        accepted_rows = s.execute(
            select(
                MediationCase.source,
                MediationCase.referrer_kind,
                MediationCase.dispute_type,
                MediationCase.persons_involved,
                MediationCase.found_in_screening,
            ).where(in_month)
        ).all()
        moves = s.execute(
            select(CaseTransition.case_id, CaseTransition.to_status, CaseTransition.details).where(
                CaseTransition.at >= start, CaseTransition.at < end
            )
        ).all()
        to_counts = Counter(m.to_status for m in moves)
        agreed_ids = {m.case_id for m in moves if m.to_status == states.AGREED}
        agreements = (
            s.execute(select(Agreement.form, Agreement.amount_fen).where(Agreement.case_id.in_(agreed_ids))).all()
            if agreed_ids
            else []
        )
        prevented_by_case: dict[str, set[str]] = {}
        for m in moves:
            for flag in (m.details or {}).get("prevented", []):
                prevented_by_case.setdefault(m.case_id, set()).add(flag)
        persons = (
            dict(
                s.execute(
                    select(MediationCase.id, MediationCase.persons_involved).where(
                        MediationCase.id.in_(prevented_by_case)
                    )
                ).all()
            )
            if prevented_by_case
            else {}
        )
        # Open at month end means by the status the case had then, not the one it has today
        # (a report for last month is made after some of its cases have closed).
        status_then: dict[str, str] = {}
        for case_id, to_status in s.execute(
            select(CaseTransition.case_id, CaseTransition.to_status)
            .join(MediationCase, MediationCase.id == CaseTransition.case_id)
            .where(MediationCase.accepted_on < nxt, CaseTransition.at < end)
            .order_by(CaseTransition.at, CaseTransition.hlc)
        ):
            status_then[case_id] = to_status
        open_end = sum(  # a case typed in after the month was still accepted in it
            1
            for case_id in s.scalars(select(MediationCase.id).where(MediationCase.accepted_on < nxt))
            if status_then.get(case_id, states.ACCEPTED) in states.OPEN_STATES
        )
    successes, terminated = len(agreed_ids), to_counts[states.TERMINATED]
    concluded = successes + terminated
    prev_cases = dict.fromkeys(RISK_FLAGS, 0)
    prev_persons = dict.fromkeys(RISK_FLAGS, 0)
    for case_id, flags in prevented_by_case.items():
        for flag in flags:
            prev_cases[flag] += 1
            prev_persons[flag] += persons.get(case_id, 0)
    return MonthlyReport(
        month=month,
        accepted=len(accepted_rows),
        mediated_successfully=successes,
        terminated=terminated,
        success_rate=round(successes / concluded, 4) if concluded else None,
        agreement_amount=from_fen(sum(a.amount_fen or 0 for a in agreements)),
        persons_involved=sum(r.persons_involved for r in accepted_rows),
        by_source=dict(Counter(r.source for r in accepted_rows)),
        by_referrer=dict(Counter(r.referrer_kind for r in accepted_rows if r.referrer_kind)),
        by_agreement_form=dict(Counter(a.form for a in agreements)),
        by_dispute_type=dict(Counter(r.dispute_type for r in accepted_rows)),
        prevention_cases=prev_cases,
        prevention_persons=prev_persons,
        found_in_screening=sum(1 for r in accepted_rows if r.found_in_screening),
        escalated=to_counts[states.ESCALATED],
        closed=to_counts[states.CLOSED],
        open_at_month_end=open_end,
    )
