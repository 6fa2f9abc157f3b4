"""Sync benchmarks against design.md §5, with a real district server on 127.0.0.1.

    python tests/benchmarks/sync_bench.py [--push 10000] [--pull 100000] [--pull-runs 5] [--database-url URL]
                                          [--data-dir DIR]

Prints a table: pushing N offline ops (budget ≤ 5 s), the same push killed half-way and resumed
(nothing doubled), and a desk's first pull of M changes made by another desk of its committee
(budget ≤ 3 s): the median of several new desks each pulling the whole feed, beside its floor
measured in the same run, a raw batched insert (plain sqlite3, the desk's pragmas) of the same
changes into a table made like the desk's mirror, one transaction a page, and the ratio.
The OS keyring is replaced by one in memory; everything lives in a temporary folder, or in
`--data-dir`: given again, the district pushed there the first time is kept (SQLite only), the
pushes are skipped and only the pull is measured (new desks each time) — for profiling the pull."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve()
sys.path[:0] = [str(HERE.parents[2]), str(HERE.parents[1]), str(HERE.parents[1] / "sync")]
os.environ.setdefault("MEDIATION_DESK_NO_GUI", "1")

import keyring  # noqa: E402
import keyring.backend  # noqa: E402
from district_server import DistrictServer  # noqa: E402
from service_helpers import Env  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from mediation_desk.capabilities import register_all  # noqa: E402
from mediation_desk.core import sync_contract as contract  # noqa: E402
from mediation_desk.district.models import Change  # noqa: E402
from mediation_desk.sync import api  # noqa: E402
from mediation_desk.sync.pull import pull_changes  # noqa: E402
from mediation_desk.sync.push import push_pending  # noqa: E402
from mediation_desk.sync.sync_round import ready_client  # noqa: E402

register_all()  # as the window and the command line do at start-up
from sync_helpers import (  # noqa: E402
    ROOT,
    bulk_offline_work,
    child_env,
    desk_ops,
    district_db,
    enroll,
    make_desk,
    pending,
    prepare_district,
    sync_command,
)

OPS_PER_CASE = 5


class MemoryKeyring(keyring.backend.KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


def feed_entries(server: DistrictServer, committee_code: str) -> int:
    with district_db(server) as db, db.read() as s:
        return s.scalar(select(func.count()).select_from(Change).where(Change.committee_code == committee_code)) or 0


def push_all(env) -> tuple[float, object]:
    _settings, client = ready_client(env.desk, api.TransportOptions())
    with client:
        started = time.perf_counter()
        tally = push_pending(env.desk, client)
        return time.perf_counter() - started, tally


def feed_rows(server: DistrictServer, committee_code: str) -> list[tuple[object, ...]]:
    """The committee's feed as mirror rows (the desk stores each change's data as JSON text)."""
    with district_db(server) as db, db.read() as s:
        return [
            (c.entity, c.entity_id, c.committee_code, c.origin_device, 0, c.hlc, c.seq, json.dumps(c.data))
            for c in s.scalars(select(Change).where(Change.committee_code == committee_code).order_by(Change.seq))
        ]


def raw_insert_floor(desk_db: Path, rows: list[tuple[object, ...]], folder: Path) -> float:
    """Seconds to insert-or-replace `rows` with plain sqlite3 into a new file holding a table made
    like the desk's mirror (its DDL and indexes copied), one transaction a page of the feed."""
    with sqlite3.connect(desk_db) as src:
        ddl = [sql for (sql,) in src.execute("SELECT sql FROM sqlite_master WHERE tbl_name = 'district_record'") if sql]
    folder.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(folder / "floor.sqlite3", isolation_level=None)
    try:
        for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON", "secure_delete=ON"):
            conn.execute(f"PRAGMA {pragma}")
        for sql in ddl:
            conn.execute(sql)
        upsert = (
            "INSERT INTO district_record (entity, entity_id, committee_code, origin_device, own, hlc, seq, data,"
            " pulled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (entity, entity_id) DO UPDATE SET"
            " hlc = excluded.hlc, seq = excluded.seq, data = excluded.data, pulled_at = excluded.pulled_at"
        )
        at = "2026-12-05 03:00:00.000000"
        started = time.perf_counter()
        for k in range(0, len(rows), contract.MAX_PULL_PAGE):
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany(upsert, [(*r, at) for r in rows[k : k + contract.MAX_PULL_PAGE]])
            conn.execute("COMMIT")
        return time.perf_counter() - started
    finally:
        conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--push", type=int, default=10_000, help="offline ops to push (default 10,000)")
    parser.add_argument("--pull", type=int, default=100_000, help="changes to pull (default 100,000)")
    parser.add_argument("--pull-runs", type=int, default=5, help="new desks pulling the feed (default 5, at least 1)")
    parser.add_argument("--database-url", help="the district's database (default: SQLite in the temp folder)")
    parser.add_argument("--data-dir", type=Path, help="keep the data here; given again, only the pull is measured")
    args = parser.parse_args()
    keyring.set_keyring(MemoryKeyring())
    root = args.data_dir or Path(tempfile.mkdtemp(prefix="sync-bench-"))
    root.mkdir(parents=True, exist_ok=True)
    district_file = root / "district.sqlite3"
    kept = args.data_dir is not None and args.database_url is None and district_file.exists()
    server = DistrictServer(args.database_url or f"sqlite:///{district_file}", log_path=root / "district.log").start()
    rows: list[tuple[str, str, str]] = []
    try:
        if kept:  # the district of an earlier run: new desks pull its feed, then go (a third of a GB)
            pulls = root / f"pull-{time.strftime('%Y%m%d-%H%M%S')}"
            pull_row, desks = pull_feed(server, pulls, args.pull_runs)
            rows.append(pull_row)
            for env in desks:
                env.desk.close()
            shutil.rmtree(pulls, ignore_errors=True)
            return
        prepare_district(server)
        # 1. push N offline ops
        a = make_desk(root / "a")
        enroll(server, a)
        bulk_offline_work(a, args.push // OPS_PER_CASE)
        n = pending(a)
        seconds, tally = push_all(a)
        batches = -(-n // contract.MAX_PUSH_BATCH)
        rows.append(
            (f"push {n:,} offline ops ({batches} batches)", f"{seconds:.2f} s ({n / seconds:,.0f} ops/s)", "≤ 5 s")
        )
        assert tally.applied == n and pending(a) == 0

        # 2. the same push killed half-way, then resumed
        r = make_desk(root / "r", "XT-002")
        enroll(server, r)
        bulk_offline_work(r, args.push // OPS_PER_CASE)
        total = pending(r)
        proc = subprocess.Popen(
            sync_command(r), env=child_env(r), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        while proc.poll() is None and pending(r) > total // 2:
            time.sleep(0.01)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        left = pending(r)
        seconds, tally = push_all(r)
        doubled = feed_entries(server, "XT-002") - len(desk_ops(r))  # each op makes exactly one change
        rows.append(
            (
                f"resume after SIGKILL with {left:,} of {total:,} ops left",
                f"{seconds:.2f} s, {tally.duplicates} duplicate answers, {doubled} doubled",
                "resumable",
            )
        )
        assert pending(r) == 0 and set(desk_ops(r).values()) <= {contract.APPLIED, contract.DUPLICATE}

        # 3. another desk of the committee pulls M changes for the first time
        extra = max(0, args.pull - n) // OPS_PER_CASE
        bulk_offline_work(a, extra, seq_from=args.push // OPS_PER_CASE + 1)
        seconds, tally = push_all(a)
        rows.append(
            (
                f"push {tally.applied:,} more ops (the other desk's feed)",
                f"{seconds:.1f} s ({tally.applied / seconds:,.0f} ops/s)",
                "—",
            )
        )
        pull_row, desks = pull_feed(server, root, args.pull_runs)
        rows.append(pull_row)
        for env in (a, r, *desks):
            env.desk.close()
    finally:
        server.stop()
        print_rows(rows, root)


def pull_feed(server: DistrictServer, root: Path, runs: int) -> tuple[tuple[str, str, str], list[Env]]:
    """New desks of XT-001 each pulling the committee's whole feed for the first time, beside the
    floor (a raw batched insert of the same changes); the table's row and the desks."""
    rows_of_feed = feed_rows(server, "XT-001")
    pulls: list[float] = []
    floors: list[float] = []
    desks: list[Env] = []
    for run in range(max(1, runs)):  # each a new desk of the committee, its first pull
        b = make_desk(root / f"b{run}", "XT-001", seat=2 + run)
        enroll(server, b)
        _settings, client = ready_client(b.desk, api.TransportOptions())
        with client:
            os.sync()  # the disk done with the run before (a desk and a floor: 70 MB) before the clock starts
            t = time.perf_counter()
            pulled = pull_changes(b.desk, client)
            pulls.append(time.perf_counter() - t)
        assert pulled.pulled == len(rows_of_feed)
        os.sync()
        floors.append(raw_insert_floor(b.desk.paths.database, rows_of_feed, root / f"floor{run}"))
        desks.append(b)
    seconds, floor = statistics.median(pulls), statistics.median(floors)
    size = b.desk.paths.database.stat().st_size / 1e6
    row = (
        f"first pull of {pulled.pulled:,} changes ({pulled.pages} pages), median of {len(pulls)}",
        f"{seconds:.2f} s ({pulled.pulled / seconds:,.0f} changes/s; runs "
        + ", ".join(f"{x:.2f}" for x in pulls)
        + f"), desk DB {size:.1f} MB; floor {floor:.2f} s (raw batched insert), ratio {seconds / floor:.1f}x",
        "≤ 3 s",
    )
    return row, desks


def print_rows(rows: list[tuple[str, str, str]], root: Path) -> None:
    if not rows:
        return
    width = max(len(w) for w, _, _ in rows)
    print(f"\n{'what'.ljust(width)}  measured  (budget)")
    for what, measured, budget in rows:
        print(f"{what.ljust(width)}  {measured}  ({budget})")
    print(f"\n(data in {root}; district log {root / 'district.log'})")


if __name__ == "__main__":
    main()
