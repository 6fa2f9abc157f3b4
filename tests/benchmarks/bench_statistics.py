"""The monthly report (月报) and the statistics page's 12-month series at design scale.
Run on demand:  python tests/benchmarks/bench_statistics.py [DIR] [RUNS]

The desk is the one `figures.py` builds (100,000 cases with their status history, assignments,
agreements and visits); the measured calls go through the real services. Beside each figure the
benchmark prints its floor, measured in the same run on the same file through plain sqlite3, and
the ratio of the two. The floor is a raw count on the accepted_on index of the cases the figure
cannot avoid looking at: for a month's report every case accepted by the month's end (its 月末在办
needs them all), for the series the cases accepted in its twelve months."""

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

from mediation_desk.mediation import stats, stats_series
from tests.benchmarks.figures import build

BUDGET_MS = {"report": 100.0}


def samples_ms(fn: Callable[[], object], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        out.append((time.perf_counter() - started) * 1000)
    return out


def raw_count(db: Path, first: dt.date, nxt: dt.date) -> Callable[[], object]:
    """The floor: cases accepted in [first, nxt) counted on the accepted_on index, plain sqlite3."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, check_same_thread=False)
    sql = "SELECT count(*) FROM mediation_case WHERE accepted_on >= ? AND accepted_on < ?"
    return lambda: conn.execute(sql, (first.isoformat(), nxt.isoformat())).fetchone()


EVER = dt.date(1900, 1, 1)


def main(argv: list[str]) -> int:
    root = Path(argv[1]) if len(argv) > 1 else Path(tempfile.gettempdir()) / "mediation-desk-statistics-bench"
    runs = max(5, int(argv[2])) if len(argv) > 2 else 9
    started = time.perf_counter()
    desk = build(root)
    print(f"dataset: 100,000 cases with their history in {root} (ready in {time.perf_counter() - started:.0f} s)")
    db = desk.paths.database
    this_month = stats_series.current_month()
    month = stats_series.shifted(this_month, -1)  # the month a report is usually made for
    old_month = stats_series.shifted(month, -40)  # one whose 月末在办 reads less history
    months = stats_series.months_ending(this_month)  # what the statistics page draws
    nxt = stats.month_bounds(month)[1]
    old_nxt = stats.month_bounds(old_month)[1]
    year_first, year_nxt = stats.month_bounds(months[0])[0], stats.month_bounds(this_month)[1]
    stats.monthly_report(desk, month)  # the first read warms the page cache, as the page's first show does
    rows = [
        (f"monthly report, {month} (last month)", lambda: stats.monthly_report(desk, month), EVER, nxt, runs),
        (f"monthly report, {old_month}", lambda: stats.monthly_report(desk, old_month), EVER, old_nxt, runs),
        (
            "12-month series",
            lambda: stats_series.monthly_series(desk, this_month),
            year_first,
            year_nxt,
            runs,
        ),
        (
            "12 monthly reports one after another",
            lambda: [stats.monthly_report(desk, m) for m in months],
            year_first,
            year_nxt,
            1,
        ),
    ]
    print(f"\n{'operation':40} {'median ms':>10} {'max ms':>8} {'floor ms':>9} {'ratio':>7}  budget")
    for label, fn, lo, hi, n in rows:
        measured = samples_ms(fn, n)
        floor = samples_ms(raw_count(db, lo, hi), max(n, 5))
        median, top, floor_median = statistics.median(measured), max(measured), statistics.median(floor)
        budget = f"≤ {BUDGET_MS['report']:.0f} ms" if "report," in label or "series" in label else "-"
        ratio = median / floor_median if floor_median else float("inf")
        print(f"{label:40} {median:10.1f} {top:8.1f} {floor_median:9.2f} {ratio:6.0f}×  {budget}")
    print(
        f"\nruns: {runs} (median); floor: raw count on the accepted_on index of the cases accepted by the"
        " month's end (a report) or in the twelve months (the series)"
    )
    desk.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
