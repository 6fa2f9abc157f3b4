"""Benchmarks against design.md §5 budgets. Run on demand:  python tests/benchmarks/run.py [DIR]

Prints a table of measured figures next to the budgets. Not part of the test suite: timing
assertions there would make CI flaky on a busy machine."""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from mediation_desk.administration.accounts import actor_for
from mediation_desk.core.uow import SYSTEM
from mediation_desk.mediation import intake, queries, stats
from tests.benchmarks.dataset import build


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """(median, p95) in milliseconds."""
    samples = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def main() -> None:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.gettempdir()) / "mediation-desk-bench"
    t = time.perf_counter()
    desk, load = build(root)
    print(
        f"dataset: 100,000 cases, 500,000 notes in {root} "
        f"({'built in {:.0f} s'.format(load['load_s']) if load else 'reused'}; open {time.perf_counter() - t:.1f} s)"
    )
    actor = actor_for(desk, None)
    with desk.read() as s:
        from sqlalchemy import select

        from mediation_desk.mediation.models_case import MediationCase
        from mediation_desk.people.models import Person

        sample = s.execute(select(MediationCase.number).offset(54_321).limit(1)).scalar_one()
        name = s.execute(select(Person.name).offset(77_777).limit(1)).scalar_one()
    phone = (root / "sample-phones.txt").read_text().split()[777]
    rows: list[tuple[str, float, float, str]] = []
    counter = iter(range(10**6))

    def save_intake() -> None:
        n = next(counter)
        intake.open_case(
            desk,
            actor,
            {
                "dispute_type": "neighbour",
                "brief_facts": f"基准测试：两家因围墙发生争执 {n}",
                "parties": [{"name": "基准甲", "phone": "13800000000"}, {"name": "基准乙"}],
            },
        )

    rows.append(("intake save (validation+audit+outbox)", *timed(save_intake, 200), "≤ 20 ms"))
    for label, q in (
        ("search: case number", sample),
        ("search: party name", name),
        ("search: phone (keyed hash lookup)", phone),
        ("search: Chinese free text (3+ chars)", "农民工工资"),
        ("search: Chinese free text (2 chars)", "围墙"),
        ("search: one character (a surname)", "王"),
        ("search: no match (3 chars)", "不存在的词"),
    ):
        rows.append((label, *timed(lambda q=q: queries.list_cases(desk, SYSTEM, query=q, limit=50), 30), "≤ 50 ms"))
    vault = desk.require_vault()
    blob = vault.seal_text("330604194001010012", "person.id_number:x")
    rows.append(
        (
            "encrypt one value (AES-GCM) x1000",
            *timed(lambda: [vault.seal_text("13812345678", "person.phone:x") for _ in range(1000)], 10),
            "-",
        )
    )
    rows.append(
        (
            "decrypt one value x1000",
            *timed(lambda: [vault.open_text(blob, "person.id_number:x") for _ in range(1000)], 10),
            "-",
        )
    )
    rows.append(
        ("keyed hash (HMAC-SHA256) x1000", *timed(lambda: [vault.index("13812345678") for _ in range(1000)], 10), "-")
    )
    detail_case = queries.list_cases(desk, SYSTEM, limit=1)[0].id
    rows.append(
        (
            "case detail, masked (decrypts parties)",
            *timed(lambda: queries.case_detail(desk, actor, detail_case), 30),
            "-",
        )
    )
    rows.append(("list: newest 100, no filter", *timed(lambda: queries.list_cases(desk, SYSTEM, limit=100), 30), "-"))
    rows.append(("stats --month 2024-06", *timed(lambda: stats.monthly_report(desk, "2024-06"), 10), "-"))
    print(f"\n{'operation':42} {'median ms':>10} {'p95 ms':>10}  budget")
    for label, med, p95, budget in rows:
        print(f"{label:42} {med:10.2f} {p95:10.2f}  {budget}")
    size = sum(f.stat().st_size for f in root.glob("desk.sqlite3*"))
    print(f"\ndatabase size: {size / 1e6:.0f} MB")
    desk.close()


if __name__ == "__main__":
    main()
