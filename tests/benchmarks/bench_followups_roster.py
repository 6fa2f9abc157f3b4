"""The follow-ups due (回访提醒: the first 500 and the counts) and the mediator roster with each
mediator's open cases, at design scale.
Run on demand:  python tests/benchmarks/bench_followups_roster.py [DIR] [RUNS]

The desk is the one `figures.py` builds (100,000 cases with their status history, 40 mediators,
assignments, agreements and visits); the measured calls go through the real services as the
pages make them. Beside each figure the benchmark prints its floor, measured in the same run on
the same file through plain sqlite3, and the ratio of the two: a raw indexed query listing the
first 500 visits by date (the index on due_on) with their cases' numbers (a primary-key lookup
each), the least a list of 500 visits can cost."""

from __future__ import annotations

import datetime as dt
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from mediation_desk.administration.accounts import actor_for
from mediation_desk.core.uow import china_today
from mediation_desk.mediation import followup_queries, mediators
from tests.benchmarks.figures import build

BUDGET_MS = 50.0


def samples_ms(fn: Callable[[], object], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        out.append((time.perf_counter() - started) * 1000)
    return out


def raw_first_visits(db: Path, until: dt.date) -> Callable[[], object]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, check_same_thread=False)
    sql = (
        "SELECT f.id, f.due_on, c.number FROM follow_up f INDEXED BY ix_follow_up_due_on"
        " JOIN mediation_case c ON c.id = f.case_id WHERE f.due_on <= ? ORDER BY f.due_on LIMIT 500"
    )
    return lambda: conn.execute(sql, (until.isoformat(),)).fetchall()


def main() -> None:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.gettempdir()) / "mediation-desk-figures-bench"
    runs = max(5, int(sys.argv[2])) if len(sys.argv) > 2 else 15
    started = time.perf_counter()
    desk = build(root)
    print(f"dataset: 100,000 cases with their history in {root} ({time.perf_counter() - started:.0f} s)")
    actor = actor_for(desk, None)
    today = china_today()
    floor_fn = raw_first_visits(desk.paths.database, today + dt.timedelta(days=followup_queries.UPCOMING_DAYS))
    due = followup_queries.due_list(desk, actor)
    roster = mediators.list_mediators(desk)
    print(
        f"follow-ups due: {due.total:,} ({due.overdue:,} overdue), {len(due.visits)} listed;"
        f" roster: {len(roster)} mediators, {sum(m.open_cases for m in roster):,} open cases among them"
    )
    figures = {
        "follow-ups due, first 500 and counts": lambda: followup_queries.due_list(desk, actor),
        "roster with loads (40 mediators)": lambda: mediators.list_mediators(desk),
    }
    print(f"\n{runs} runs each, medians; floor: raw indexed query, 500 visits by date (plain sqlite3)")
    print(f"{'operation':40} {'median ms':>10} {'p95 ms':>8} {'floor ms':>9} {'ratio':>7}  budget")
    for label, fn in figures.items():
        fn()  # warm: the first call pays for compiling the statements
        measured, floor = [], []
        for _ in range(runs):  # interleaved, so both see the same machine
            measured += samples_ms(fn, 1)
            floor += samples_ms(floor_fn, 1)
        med, fl = statistics.median(measured), statistics.median(floor)
        p95 = sorted(measured)[max(0, int(len(measured) * 0.95) - 1)]
        verdict = "ok" if med <= BUDGET_MS else "OVER"
        print(f"{label:40} {med:10.2f} {p95:8.2f} {fl:9.2f} {med / fl:6.1f}x  ≤ {BUDGET_MS:.0f} ms {verdict}")
    desk.close()


if __name__ == "__main__":
    main()
