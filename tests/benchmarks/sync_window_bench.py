"""The window's sync worker under a large first round, with a real district server on 127.0.0.1.

    python tests/benchmarks/sync_window_bench.py [--cases 2000] [--switch-interval 0.001]

Pushes `cases` × 5 offline ops through `SyncWorker` while the clerk keeps saving intakes through
the window's task helper, and prints: the round's duration, how long each save waited on the
desk worker during the round (against the same saves with no round), and the longest the UI
thread's event loop went without running (a 10 ms heartbeat) — design §5: ≤ 100 ms. The round's
Python work competes with the UI thread for the GIL; `--switch-interval` sets how soon a thread
must hand it over (Python's default is 0.005 s)."""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve()
sys.path[:0] = [str(HERE.parent), str(HERE.parents[2]), str(HERE.parents[1]), str(HERE.parents[1] / "sync")]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MEDIATION_DESK_NO_GUI", "1")

import keyring  # noqa: E402
from district_server import DistrictServer  # noqa: E402
from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from mediation_desk.capabilities import register_all  # noqa: E402
from mediation_desk.gui.pages.sync_page import SyncPage  # noqa: E402
from mediation_desk.gui.settings import DeskSettings  # noqa: E402
from mediation_desk.gui.sync_status import SyncStatusWidget  # noqa: E402
from mediation_desk.gui.sync_worker import SyncWorker  # noqa: E402
from mediation_desk.gui.tasks import TaskManager  # noqa: E402
from mediation_desk.mediation import intake  # noqa: E402

register_all()  # as the window and the command line do at start-up
from sync_bench import MemoryKeyring  # noqa: E402
from sync_helpers import FAST, bulk_offline_work, enroll, make_desk, pending, prepare_district  # noqa: E402

HEARTBEAT_MS = 10
SAVE_EVERY_MS = 150


def form(n: int) -> dict[str, object]:
    return {
        "dispute_type": "neighbour",
        "brief_facts": f"基准测试：两家因围墙发生争执 {n}",
        "parties": [{"name": "基准甲", "phone": "13800000000"}, {"name": "基准乙"}],
    }


def pump(app: QApplication, until, timeout_s: float = 600) -> None:
    deadline = time.monotonic() + timeout_s
    while not until():
        if time.monotonic() > deadline:
            raise TimeoutError("benchmark step did not finish")
        app.processEvents()
        time.sleep(0.001)


def saves_latency(app: QApplication, tasks: TaskManager, desk, actor, count: int, while_: callable) -> list[float]:
    """Milliseconds from asking the desk worker for a save to its result on the UI thread."""
    waits: list[float] = []
    asked = 0

    def ask() -> None:
        nonlocal asked
        if asked >= count or not while_():
            return
        asked += 1
        started = time.perf_counter()
        tasks.run(
            intake.open_case,
            desk,
            actor,
            form(asked),
            on_done=lambda _r: waits.append((time.perf_counter() - started) * 1000),
        )

    timer = QTimer()
    timer.timeout.connect(ask)
    timer.start(SAVE_EVERY_MS)
    pump(app, lambda: len(waits) >= asked and (asked >= count or not while_()))
    timer.stop()
    return waits


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=2000, help="offline cases (5 ops each)")
    parser.add_argument("--switch-interval", type=float, default=None, help="sys.setswitchinterval, seconds")
    args = parser.parse_args()
    if args.switch_interval:
        sys.setswitchinterval(args.switch_interval)
    print(f"GIL switch interval: {sys.getswitchinterval() * 1000:.0f} ms; district server on this PC")
    keyring.set_keyring(MemoryKeyring())
    app = QApplication([])
    root = Path(tempfile.mkdtemp(prefix="sync-window-bench-"))
    server = DistrictServer(f"sqlite:///{root / 'district.sqlite3'}", log_path=root / "district.log").start()
    try:
        prepare_district(server)
        env = make_desk(root / "desk")
        enroll(server, env)
        tasks = TaskManager()
        worker = SyncWorker(env.desk, tasks, options=FAST)
        page = SyncPage(env.desk, tasks, worker, DeskSettings(env.desk.paths.config), env.admin)
        widget = SyncStatusWidget(worker)
        page.show()
        widget.show()
        gaps: list[float] = []
        last = [time.perf_counter()]

        def beat() -> None:
            now = time.perf_counter()
            gaps.append((now - last[0]) * 1000 - HEARTBEAT_MS)
            last[0] = now

        heartbeat = QTimer()
        heartbeat.timeout.connect(beat)
        heartbeat.start(HEARTBEAT_MS)
        idle = saves_latency(app, tasks, env.desk, env.admin, 20, lambda: True)
        idle_gaps, gaps[:] = list(gaps), []
        heartbeat.stop()
        bulk_offline_work(env, args.cases, seq_from=1000)  # after the numbers the saves above took
        ops = pending(env)
        progress: list[int] = []
        worker.progress.connect(lambda done, _total, _stage: progress.append(done))
        started = time.perf_counter()
        last[0] = started
        heartbeat.start(HEARTBEAT_MS)
        assert worker.sync_now()
        during = saves_latency(app, tasks, env.desk, env.admin, 10_000, lambda: worker.running)
        pump(app, lambda: not worker.running)
        round_s = time.perf_counter() - started
        heartbeat.stop()
        outcome = worker.last_outcome
        worker.stop()
        tasks.shutdown()
        env.desk.close()
    finally:
        server.stop()

    def ms(values: list[float]) -> str:
        if not values:
            return "—"
        values = sorted(values)
        return f"median {statistics.median(values):.0f} ms, max {values[-1]:.0f} ms (n={len(values)})"

    print(f"{'what':<52} {'measured':<40} budget")
    print(
        f"{'round pushing ' + format(ops, ',') + ' ops and pulling them back':<52} "
        f"{round_s:.1f} s, {len(progress)} progress reports{'':<8} push of 10,000 ≤ 5 s (sync layer)"
    )
    print(f"{'intake save via the desk worker, no round':<52} {ms(idle):<40} ≤ 20 ms + queue")
    print(f"{'intake save via the desk worker, during the round':<52} {ms(during):<40} not held up by the round")
    print(f"{'UI event loop, longest stall, saves only':<52} {max(idle_gaps, default=0):.0f} ms{'':<34} ≤ 100 ms")
    print(
        f"{'UI event loop, longest stall during the round':<52} {max(gaps, default=0):.0f} ms, "
        f"p99 {sorted(gaps)[int(len(gaps) * 0.99)] if gaps else 0:.0f} ms{'':<22} ≤ 100 ms"
    )
    print(
        f"round outcome: online={outcome.report.online if outcome and outcome.report else None}, "
        f"pending after={outcome.report.pending if outcome and outcome.report else None}"
    )


if __name__ == "__main__":
    main()
