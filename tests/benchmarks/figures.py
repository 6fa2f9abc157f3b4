"""Benchmarks of the roster, follow-up and statistics pages' service calls at design scale.
Run on demand:  python tests/benchmarks/figures.py [DIR]

The desk holds 100,000 cases with the history a working desk gives them (status changes,
assignments, agreements, scheduled and recorded visits), loaded in bulk (Core executemany); the
measured calls go through the real services, as the pages make them on the desk worker."""

from __future__ import annotations

import datetime as dt
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import insert

from mediation_desk.administration.accounts import actor_for, add_operator, authenticate, setup_committee
from mediation_desk.core.uow import SYSTEM, china_today
from mediation_desk.desk import Desk
from mediation_desk.mediation import followup_queries, mediators, states, stats, stats_series
from mediation_desk.mediation.dispute_types import DISPUTE_TYPES
from mediation_desk.mediation.models_case import (
    Agreement,
    CaseAssignment,
    CaseTransition,
    FollowUp,
    MediationCase,
)
from mediation_desk.mediation.models_people import Mediator
from mediation_desk.paths import AppPaths
from tests.benchmarks.run import timed

PASSWORD = "bench-password"
CHINA = dt.timezone(dt.timedelta(hours=8))
# Where a case's life stops, with weights like a working desk's (most cases closed).
PATHS = {
    states.ACCEPTED: ((states.ACCEPTED,), 3),
    states.ASSIGNED: ((states.ACCEPTED, states.ASSIGNED), 3),
    states.IN_MEDIATION: ((states.ACCEPTED, states.ASSIGNED, states.IN_MEDIATION), 5),
    states.AGREED: ((states.ACCEPTED, states.ASSIGNED, states.IN_MEDIATION, states.AGREED), 5),
    states.PERFORMING: ((states.ACCEPTED, states.ASSIGNED, states.IN_MEDIATION, states.AGREED, states.PERFORMING), 5),
    states.FOLLOW_UP: ((states.ACCEPTED, states.ASSIGNED, states.IN_MEDIATION, states.AGREED, states.FOLLOW_UP), 5),
    states.CLOSED: (
        (states.ACCEPTED, states.ASSIGNED, states.IN_MEDIATION, states.AGREED, states.FOLLOW_UP, states.CLOSED),
        16,
    ),
    states.TERMINATED: ((states.ACCEPTED, states.ASSIGNED, states.IN_MEDIATION, states.TERMINATED), 4),
    states.DECLINED: ((states.ACCEPTED, states.DECLINED), 2),
    states.ESCALATED: ((states.ACCEPTED, states.ESCALATED), 2),
}


def _at(day: dt.date, rng: random.Random) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(rng.randint(8, 17), rng.randint(0, 59)), CHINA)


def build(root: Path, cases: int = 100_000, seed: int = 11) -> Desk:
    paths = AppPaths.resolve(root)
    marker = root / f".built-figures-{cases}-v1"
    desk = Desk.open(paths)
    if marker.exists():
        authenticate(desk, "admin", PASSWORD)
        return desk
    rng = random.Random(seed)
    committee = setup_committee(desk, {"name": "谢家塘村人民调解委员会", "code": "BENCH-FIG", "town": "谢塘镇"})
    add_operator(desk, SYSTEM, {"username": "admin", "display_name": "戴才良", "role": "admin", "password": PASSWORD})
    today = china_today()
    now = dt.datetime.now(dt.UTC)
    types = [t.code for t in DISPUTE_TYPES]
    roster = [
        {
            "id": str(uuid.uuid4()),
            "committee_id": committee.id,
            "name": f"调解员{i:02d}",
            "skills": rng.sample(types, 3),
            "available": True,
            "active": True,
            "created_at": now,
            "updated_hlc": "0",
        }
        for i in range(40)
    ]
    rows: dict[type, list[dict[str, object]]] = {
        MediationCase: [],
        CaseTransition: [],
        CaseAssignment: [],
        Agreement: [],
        FollowUp: [],
    }
    targets = list(PATHS)
    weights = [PATHS[t][1] for t in targets]
    seqs: dict[int, int] = {}
    for _ in range(cases):
        accepted = today - dt.timedelta(days=rng.randrange(6 * 365))
        seq = seqs[accepted.year] = seqs.get(accepted.year, 0) + 1
        path = PATHS[rng.choices(targets, weights)[0]][0]
        cid = str(uuid.uuid4())
        rows[MediationCase].append(
            {
                "id": cid,
                "committee_id": committee.id,
                "number": f"（{accepted.year}）谢调字第 {seq:05d} 号",
                "year": accepted.year,
                "seat": 1,
                "seq": seq,
                "source": rng.choice(("application", "initiative", "referral")),
                "found_in_screening": False,
                "dispute_type": rng.choice(types),
                "brief_facts": "基准",
                "persons_involved": 2,
                "risk_flags": [],
                "prevented": [],
                "private_mediation": True,
                "accepted_on": accepted,
                "status": path[-1],
                "status_changed_at": now,
                "routes_told": [],
                "search_text": "基准",
                "created_by": "admin",
                "created_at": now,
                "updated_at": now,
                "updated_hlc": "0",
            }
        )
        day, previous = accepted, None
        for step, status in enumerate(path):
            day = min(today, day + dt.timedelta(days=rng.randint(0, 6) if step else 0))
            rows[CaseTransition].append(
                {
                    "id": str(uuid.uuid4()),
                    "case_id": cid,
                    "from_status": previous,
                    "to_status": status,
                    "at": _at(day, rng),
                    "hlc": f"{step:04d}",
                    "actor": "admin",
                    "details": {},
                }
            )
            previous = status
            if status == states.ASSIGNED:
                rows[CaseAssignment].append(
                    {
                        "id": str(uuid.uuid4()),
                        "case_id": cid,
                        "mediator_id": rng.choice(roster)["id"],
                        "role": "lead",
                        "chosen_by": "committee",
                        "assigned_at": _at(day, rng),
                        "assigned_by": "admin",
                    }
                )
            if status == states.AGREED:
                rows[Agreement].append(
                    {
                        "id": str(uuid.uuid4()),
                        "case_id": cid,
                        "form": rng.choice(("written", "oral")),
                        "reached_on": day,
                        "facts": "基准",
                        "disputed_issues": "基准",
                        "terms": ["基准"],
                        "performance_method": "基准",
                        "amount_fen": rng.randrange(0, 10**7),
                        "copies": 3,
                        "effective_on": day,
                        "performance_status": "pending",
                        "created_at": now,
                        "updated_hlc": "0",
                    }
                )
                done = path[-1] in (states.FOLLOW_UP, states.CLOSED)
                rows[FollowUp].append(
                    {
                        "id": str(uuid.uuid4()),
                        "case_id": cid,
                        "due_on": day + dt.timedelta(days=30),
                        "done_at": _at(min(today, day + dt.timedelta(days=30)), rng) if done else None,
                        "performance_status": "fully_performed" if done else None,
                        "satisfaction": "satisfied" if done else None,
                        "renewed_conflict": False if done else None,
                        "visitor": "金晓燕" if done else None,
                        "created_at": now,
                    }
                )
    with desk.db.writer.begin() as s:
        s.execute(insert(Mediator), roster)
        for model, batch in rows.items():
            for k in range(0, len(batch), 20_000):
                s.execute(insert(model), batch[k : k + 20_000])
    with desk.db.write_engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
    marker.touch()
    return desk


def main() -> None:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.gettempdir()) / "mediation-desk-figures-bench"
    started = time.perf_counter()
    desk = build(root)
    print(f"dataset: 100,000 cases with their history in {root} ({time.perf_counter() - started:.0f} s)")
    actor = actor_for(desk, None)
    month = stats_series.current_month()
    results = [
        ("monthly report (this month)", *timed(lambda: stats.monthly_report(desk, month), 10)),
        ("12-month series (two queries)", *timed(lambda: stats_series.monthly_series(desk, month), 10)),
        (
            "12 monthly reports, for comparison",
            *timed(lambda: [stats.monthly_report(desk, m) for m in stats_series.months_ending(month)], 1),
        ),
        ("follow-ups due, first 500 and counts", *timed(lambda: followup_queries.due_list(desk, actor), 10)),
        ("follow-ups done, last 90 days", *timed(lambda: followup_queries.follow_ups_done(desk, actor), 10)),
        ("roster with loads (40 mediators)", *timed(lambda: mediators.list_mediators(desk), 10)),
    ]
    print(f"\n{'operation':42} {'median ms':>10} {'p95 ms':>10}")
    for label, median, p95 in results:
        print(f"{label:42} {median:10.2f} {p95:10.2f}")
    desk.close()


if __name__ == "__main__":
    main()
