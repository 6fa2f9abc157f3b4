"""The monthly report and the 12-month series, counted in SQL, equal a plain Python count of the
same definitions over a random history: back-dated acceptances, agreements withdrawn before
signing and agreed again, written ones never signed, agreements ruled invalid, escalations after
an agreement took effect, cases the district reopened, prevention credits, and status changes on
the very edges of Beijing months (23:59:59.999999 and midnight)."""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pytest
from service_helpers import Env, env, today  # noqa: F401  (env is a fixture)
from sqlalchemy import insert, select

from mediation_desk.core.models import Committee
from mediation_desk.errors import ValidationError
from mediation_desk.mediation import states, stats
from mediation_desk.mediation.dispute_types import DISPUTE_TYPES
from mediation_desk.mediation.intake import RISK_FLAGS
from mediation_desk.mediation.models_case import Agreement, CaseTransition, MediationCase
from mediation_desk.mediation.stats_series import monthly_series, months_ending, shifted

CHINA = dt.timezone(dt.timedelta(hours=8))
OPEN = states.OPEN_STATES
ENDS = (states.TERMINATED, states.DECLINED, states.ESCALATED)


# ---------------------------------------------------------------- a random history, row by row


@dataclass
class History:
    cases: list[dict[str, Any]] = field(default_factory=list)
    moves: list[dict[str, Any]] = field(default_factory=list)
    agreements: dict[str, dict[str, Any]] = field(default_factory=dict)  # by case


def _instant(day: dt.date, rng: random.Random) -> dt.datetime:
    """An instant on `day` (Beijing), often on the very edge of the day."""
    edge = rng.random()
    if edge < 0.1:
        wall = dt.time(0, 0)
    elif edge < 0.2:
        wall = dt.time(23, 59, 59, 999_999)
    else:
        wall = dt.time(rng.randint(7, 22), rng.randint(0, 59), rng.randint(0, 59), rng.randrange(10**6))
    return dt.datetime.combine(day, wall, CHINA)


def random_history(committee_id: str, cases: int, seed: int) -> History:
    rng = random.Random(seed)
    h = History()
    now = dt.datetime.now(dt.UTC)
    last = today()
    first = last - dt.timedelta(days=470)
    types = [(t.code, [None, *(s for s, _ in t.subtypes), "bogus"]) for t in DISPUTE_TYPES]
    for n in range(cases):
        cid = str(uuid.uuid4())
        accepted = first + dt.timedelta(days=rng.randrange((last - first).days + 1))
        code, subs = rng.choice(types)
        source = rng.choice(("application", "initiative", "referral"))
        h.cases.append(
            {
                "id": cid,
                "committee_id": committee_id,
                "number": f"（{accepted.year}）谢调字第 {n + 1:05d} 号",
                "year": accepted.year,
                "seat": 1,
                "seq": n + 1,
                "source": source,
                "referrer_kind": rng.choice(("court", "police")) if source == "referral" else None,
                "found_in_screening": rng.random() < 0.2,
                "dispute_type": code,
                "dispute_subtype": rng.choice(subs),
                "brief_facts": "随机",
                "persons_involved": rng.randint(1, 9),
                "risk_flags": [],
                "prevented": [],
                "private_mediation": True,
                "accepted_on": accepted,
                "status": states.ACCEPTED,
                "status_changed_at": now,
                "routes_told": [],
                "search_text": "随机",
                "created_by": "admin",
                "created_at": now,
                "updated_at": now,
                "updated_hlc": "0",
            }
        )
        day, status, at = accepted, None, _instant(accepted, rng)
        for step in range(rng.randint(1, 9)):
            if status is None:
                target = states.ACCEPTED
            else:
                choices = list(states.allowed_targets(status))
                if status not in OPEN and rng.random() < 0.3:
                    choices.append(rng.choice((states.IN_MEDIATION, states.PERFORMING)))  # the district reopens
                if not choices:
                    break
                target = rng.choice(choices)
                day = min(last, day + dt.timedelta(days=rng.choice((0, 0, 1, 3, 12, 30, 45))))
                at = max(at + dt.timedelta(microseconds=1), _instant(day, rng))
                day = at.astimezone(CHINA).date()
                if day > last:
                    break
            details: dict[str, Any] = {}
            if step and rng.random() < 0.15:
                details["prevented"] = rng.sample(sorted(RISK_FLAGS), rng.randint(1, 2))
            h.moves.append(
                {
                    "id": str(uuid.uuid4()),
                    "case_id": cid,
                    "from_status": status,
                    "to_status": target,
                    "at": at,
                    "hlc": f"{step:04d}",
                    "actor": "admin",
                    "details": details,
                }
            )
            _agreement_follows(h, cid, status, target, day, rng, now)
            status = target
        h.cases[-1]["status"] = status or states.ACCEPTED
    return h


def _agreement_follows(
    h: History, cid: str, before: str | None, target: str, day: dt.date, rng: random.Random, now: dt.datetime
) -> None:
    """The case's one agreement row as the services leave it after the move."""
    a = h.agreements.get(cid)
    if target == states.AGREED:
        form = rng.choice(("written", "oral"))
        effective = day if form == "oral" else rng.choice((None, day, day + dt.timedelta(days=rng.randint(1, 40))))
        h.agreements[cid] = a = {
            "id": a["id"] if a else str(uuid.uuid4()),
            "case_id": cid,
            "form": form,
            "reached_on": day,
            "facts": "随机",
            "disputed_issues": "随机",
            "terms": ["随机"],
            "performance_method": "随机",
            "amount_fen": rng.choice((None, 0, rng.randrange(10**8))),
            "copies": 3,
            "effective_on": effective if effective is None or effective <= today() else None,
            "withdrawn_on": None,
            "invalidated_on": None,
            "performance_status": "pending",
            "created_at": now,
            "updated_hlc": "0",
        }
        if a["effective_on"] and rng.random() < 0.12:
            a["invalidated_on"] = min(today(), a["effective_on"] + dt.timedelta(days=rng.randint(0, 60)))
    elif a and before == states.AGREED and target in (states.IN_MEDIATION, states.TERMINATED):
        a["withdrawn_on"] = day


def load(env: Env, h: History) -> None:
    with env.desk.db.writer.begin() as s:
        s.execute(insert(MediationCase), h.cases)
        s.execute(insert(CaseTransition), h.moves)
        if h.agreements:
            s.execute(insert(Agreement), list(h.agreements.values()))


# ---------------------------------------------------------------- the definitions, in plain Python


def beijing_month(at: dt.datetime) -> str:
    return f"{at.astimezone(CHINA):%Y-%m}"


def reference(env: Env, month: str) -> dict[str, Any]:
    """Every figure of the month, from every row read back plainly."""
    first, nxt, _, end = stats.month_bounds(month)
    with env.desk.read() as s:
        cases = {c.id: c for c in s.scalars(select(MediationCase))}
        moves = sorted(s.scalars(select(CaseTransition)), key=lambda t: (t.at, t.hlc))
        agreements = list(s.scalars(select(Agreement)))

    def success_day(a: Agreement) -> dt.date:
        return a.reached_on if a.form == "oral" else a.effective_on  # type: ignore[return-value]

    effect = {a.case_id: a for a in agreements if a.effective_on and not a.withdrawn_on and not a.invalidated_on}
    successes = [a for a in effect.values() if first <= success_day(a) < nxt]
    accepted = [c for c in cases.values() if first <= c.accepted_on < nxt]
    in_month = [t for t in moves if beijing_month(t.at) == month]
    ended = {to: {t.case_id for t in in_month if t.to_status == to} for to in (*ENDS, states.CLOSED)}
    unsuccessful = {cid for to in ENDS for cid in ended[to] if cid not in effect}
    status_then: dict[str, str] = {}
    for t in moves:
        if t.at < end:
            status_then[t.case_id] = t.to_status
    prevented = {(t.case_id, f) for t in in_month for f in (t.details or {}).get("prevented", [])}
    types = {t.code: t for t in DISPUTE_TYPES}
    by_type: Counter[str] = Counter({t.code: 0 for t in DISPUTE_TYPES})
    by_sub: Counter[str] = Counter({f"{t.code}.{s}": 0 for t in DISPUTE_TYPES for s, _ in t.subtypes})
    for c in accepted:
        by_type[c.dispute_type] += 1
        subs = dict(types[c.dispute_type].subtypes)
        if c.dispute_subtype in subs:
            by_sub[f"{c.dispute_type}.{c.dispute_subtype}"] += 1
        elif "other" in subs:
            by_sub[f"{c.dispute_type}.other"] += 1
    concluded = len(successes) + len(unsuccessful)
    return {
        "accepted": len(accepted),
        "mediated_successfully": len(successes),
        "terminated": len(ended[states.TERMINATED]),
        "declined": len(ended[states.DECLINED]),
        "escalated": len(ended[states.ESCALATED]),
        "closed": len(ended[states.CLOSED]),
        "concluded": concluded,
        "success_rate": round(len(successes) / concluded, 4) if concluded else None,
        "agreement_amount": Decimal(sum(a.amount_fen or 0 for a in successes)) / 100,
        "by_agreement_form": dict(Counter(a.form for a in successes)),
        "persons_involved": sum(c.persons_involved for c in accepted),
        "by_source": dict(Counter(c.source for c in accepted)),
        "by_referrer": dict(Counter(c.referrer_kind for c in accepted if c.referrer_kind)),
        "found_in_screening": sum(1 for c in accepted if c.found_in_screening),
        "by_dispute_type": dict(by_type),
        "by_dispute_subtype": dict(by_sub),
        "prevention_cases": {f: sum(1 for _, g in prevented if g == f) for f in RISK_FLAGS},
        "prevention_persons": {f: sum(cases[c].persons_involved for c, g in prevented if g == f) for f in RISK_FLAGS},
        "open_at_month_end": sum(
            1 for c in cases.values() if c.accepted_on < nxt and status_then.get(c.id, states.ACCEPTED) in OPEN
        ),
    }


# ---------------------------------------------------------------- the comparisons


@pytest.mark.parametrize("seed", [3, 17])
def test_report_and_series_equal_the_plain_count_of_a_random_history(env: Env, seed: int) -> None:
    with env.desk.read() as s:
        committee_id = s.scalars(select(Committee.id)).one()
    history = random_history(committee_id, 260, seed)
    load(env, history)
    assert any(a["withdrawn_on"] for a in history.agreements.values())
    assert any(a["invalidated_on"] for a in history.agreements.values())
    assert any(m["from_status"] not in (None, *OPEN) and m["to_status"] in OPEN for m in history.moves)
    this = f"{today():%Y-%m}"
    months = months_ending(this, 17)
    series = {f.month: f for f in monthly_series(env.desk, this, 17)}
    assert list(series) == months
    totals: Counter[str] = Counter()
    for month in months:
        want = reference(env, month)
        report = stats.monthly_report(env.desk, month)
        got = {key: getattr(report, key) for key in want}
        assert got == want, month
        f = series[month]
        assert (f.accepted, f.mediated_successfully, f.terminated, f.declined, f.escalated) == (
            report.accepted,
            report.mediated_successfully,
            report.terminated,
            report.declined,
            report.escalated,
        )
        assert (f.concluded, f.success_rate) == (report.concluded, report.success_rate), month
        totals.update({k: v for k, v in want.items() if isinstance(v, int)})
    # The history exercises every figure, so equal figures mean something.
    for key in ("mediated_successfully", "terminated", "declined", "escalated", "closed", "open_at_month_end"):
        assert totals[key] > 0, key


def test_a_month_before_any_case_and_one_after_all_of_them(env: Env) -> None:
    with env.desk.read() as s:
        committee_id = s.scalars(select(Committee.id)).one()
    load(env, random_history(committee_id, 40, 5))
    early = stats.monthly_report(env.desk, "2001-01")
    assert (early.accepted, early.concluded, early.success_rate, early.open_at_month_end) == (0, 0, None, 0)
    later = shifted(f"{today():%Y-%m}", 2)
    assert stats.monthly_report(env.desk, later).open_at_month_end == reference(env, later)["open_at_month_end"]


@pytest.mark.parametrize("month", ["2026-13", "26-01", "", None, "2026-01-01"])
def test_a_bad_month_is_refused_by_report_and_series(env: Env, month: Any) -> None:
    for call in (lambda: stats.monthly_report(env.desk, month), lambda: monthly_series(env.desk, month, 3)):
        with pytest.raises(ValidationError) as e:
            call()
        assert e.value.problems[0].field == "month" and "YYYY-MM" in e.value.problems[0].message


def test_a_series_too_long_is_refused(env: Env) -> None:
    with pytest.raises(ValidationError) as e:
        monthly_series(env.desk, "2026-10", 121)
    assert (e.value.problems[0].field, e.value.problems[0].rule) == ("count", "months_range")
