"""Bracelet alarm to the desk's stream with many bracelets connected (budget: p99 ≤ 1 s at 1,000).

    python tests/benchmarks/bench_alarms.py [--bracelets 1000] [--heartbeat-every 30] [--alarms 100]
                                            [--burst 50] [--steady 15]
    MEDIATION_DESK_TEST_PG_URL=postgresql://… python tests/benchmarks/bench_alarms.py --postgresql

Starts the real district server (`serve --gateway-port 0`) on a SQLite file in a temp folder (or a
fresh schema of PostgreSQL), enrolls one committee desk, pushes a wearer for every bracelet (so
each alarm is routed to the committee), and opens the alarm stream as the desk does (SSE on
rules.STREAM_PATH with the desk's token; the moment each event arrives is taken on the reading
thread). Then:

- `--bracelets` bracelets connect over TCP, one connection each, beating every `--heartbeat-every`
  seconds: all but the measuring ones in a separate process (`mediation-desk-district simulate`),
  the measuring ones here;
- the server's processor and memory are read (psutil) idle, then with the bracelets connected;
- floors, same run: an `LK` echoed by the gateway (the bare round trip of a frame) and `/health`;
- `--alarms` alarms one after another (an SOS `AL`), each timed from its send to the bracelet's
  `AL` answer (recorded) and to the event on the desk's stream;
- `--burst` alarms from as many bracelets at the same moment.

With two or more processors the server is pinned to one of its own and the bracelets to the rest."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import httpx
import psutil

from mediation_desk.alarms import rules
from mediation_desk.core import hlc
from mediation_desk.core import sync_contract as contract
from mediation_desk.district import admin
from mediation_desk.district import watch_protocol as wp
from mediation_desk.district.alarm_simulator import Simulator, device_ids
from mediation_desk.district.db import Database
from tests.district_server import PG_ENV, DistrictServer, postgres_url

COMMITTEE, TOWN = "XT-001", "谢塘镇"
MEASURING = 60  # bracelets in this process: the alarms' and the floor's
FIRST = 8600000001
BUDGET_P99_S = 1.0
ROOT = Path(__file__).resolve().parents[2]


def pct(values: list[float], q: float) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


# -- the desk's stream -------------------------------------------------------------------------------
class StreamReader:
    """The alarm stream read on a thread of its own; each new alarm's arrival moment, by device."""

    def __init__(self, url: str, token: str) -> None:
        self.url, self.token = url, token
        self.arrived: dict[str, list[tuple[str, float]]] = {}  # device → [(alarm id, monotonic)]
        self.seen: set[str] = set()
        self.ready = threading.Event()
        self.stopping = False
        self.events = 0
        self.error: str | None = None
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> None:
        self._thread.start()
        if not self.ready.wait(60):
            raise RuntimeError(f"the alarm stream did not become ready: {self.error}")

    def _run(self) -> None:
        headers = {"Authorization": f"Bearer {self.token}"}
        timeout = httpx.Timeout(60, read=rules.STREAM_DEAD_AFTER_S)
        try:
            with (
                httpx.Client(base_url=self.url, timeout=timeout) as client,
                client.stream("GET", rules.STREAM_PATH, headers=headers) as r,
            ):
                if r.status_code != 200:
                    self.error = f"{r.status_code} {r.read()[:200]!r}"
                    return
                kind, data = "", ""
                for line in r.iter_lines():
                    if line == "":
                        self._event(kind, data, time.monotonic())
                        kind, data = "", ""
                    elif line.startswith("event:"):
                        kind = line[6:].strip()
                    elif line.startswith("data:"):
                        data += line[5:].strip()
        except httpx.HTTPError as exc:
            if not self.stopping:
                self.error = type(exc).__name__

    def _event(self, kind: str, data: str, at: float) -> None:
        if kind == rules.STREAM_READY_EVENT:
            self.ready.set()
        if kind != rules.STREAM_CHANGE_EVENT:
            return
        self.events += 1
        change = json.loads(data)["change"]
        if change["entity"] != rules.ALARM or change["entity_id"] in self.seen:
            return
        self.seen.add(change["entity_id"])
        self.arrived.setdefault(change["data"]["device_id"], []).append((change["entity_id"], at))

    async def wait_new(self, device: str, known: int, timeout: float = 60) -> float:
        """The arrival moment of the device's alarm number `known` (0-based)."""
        deadline = time.monotonic() + timeout
        while len(self.arrived.get(device, ())) <= known:
            if time.monotonic() > deadline:
                raise TimeoutError(f"the alarm of {device} did not reach the stream in {timeout:g} s")
            await asyncio.sleep(0.002)
        return self.arrived[device][known][1]


# -- the server and its data ---------------------------------------------------------------------------
def set_up(server: DistrictServer, bracelets: int) -> tuple[str, float]:
    """The committee, its desk (enrolled), a wearer per bracelet; the desk's token and push seconds."""
    db = Database(server.database_url)
    try:
        admin.add_town(db, TOWN)
        admin.add_committee(db, TOWN, COMMITTEE, "谢家塘村人民调解委员会")
        code = admin.issue_code(db, committee_code=COMMITTEE)
    finally:
        db.dispose()
    r = httpx.post(f"{server.url}{contract.ENROLL_PATH}", json={"code": code, "device_name": "值班台"}, timeout=60)
    r.raise_for_status()
    token = r.json()["token"]
    node, last, wall = uuid.uuid4().hex[:8], hlc.ZERO, int(time.time() * 1000)
    ops = []
    for n, device in enumerate(device_ids(bracelets, FIRST)):
        last = hlc.tick(last, wall, node)
        payload = {
            "device_id": device,
            "name": f"老人{n:05d}",
            "address": f"谢家塘村{n % 300 + 1}号",
            "living_alone": n % 3 == 0,
            "active": True,
            "location_consent": True,
            "enrolled_on": "2026-01-05",
        }
        ops.append(
            {
                "op_id": str(uuid.uuid4()),
                "hlc": last.encode(),
                "entity": rules.WEARER,
                "entity_id": str(uuid.uuid4()),
                "kind": contract.CREATE,
                "payload": payload,
            }
        )
    t = time.perf_counter()
    with httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {token}"}, timeout=120) as c:
        for start in range(0, len(ops), contract.MAX_PUSH_BATCH):
            r = c.post(contract.PUSH_PATH, json={"ops": ops[start : start + contract.MAX_PUSH_BATCH]})
            r.raise_for_status()
            refused = [x for x in r.json()["results"] if x["status"] != contract.APPLIED]
            if refused:
                raise RuntimeError(f"wearers refused: {refused[:2]}")
    return token, time.perf_counter() - t


@contextmanager
def load_process(port: int, count: int, every_s: float) -> Iterator[subprocess.Popen[str]]:
    """The bracelets that only beat, in a process of their own (the `simulate` command)."""
    cmd = [sys.executable, "-m", "mediation_desk.district.cli", "simulate", "--gateway", f"127.0.0.1:{port}"]
    cmd += ["--devices", str(count), "--first-device", str(FIRST + MEASURING), "--heartbeat-every", str(every_s)]
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()  # "N 个手环已连接 …" once all are connected
        if "已连接" not in line:
            raise RuntimeError(f"the bracelets did not connect: {line}{proc.stdout.read()[:2000]}")
        yield proc
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()


class Usage:
    """The server's processor share (100 = one core) and memory over a stretch of time."""

    def __init__(self, pid: int) -> None:
        self.proc = psutil.Process(pid)

    def measure(self, seconds: float) -> tuple[float, float]:
        start, t = sum(self.proc.cpu_times()[:2]), time.monotonic()
        time.sleep(seconds)
        cpu = (sum(self.proc.cpu_times()[:2]) - start) / (time.monotonic() - t) * 100
        return cpu, self.proc.memory_info().rss / 2**20

    def during(self) -> tuple[float, float]:
        return sum(self.proc.cpu_times()[:2]), time.monotonic()

    def since(self, mark: tuple[float, float]) -> tuple[float, float]:
        cpu = (sum(self.proc.cpu_times()[:2]) - mark[0]) / (time.monotonic() - mark[1]) * 100
        return cpu, self.proc.memory_info().rss / 2**20


# -- what is timed -----------------------------------------------------------------------------------------
async def lk_floor(port: int, rounds: int, connections: int = 10) -> list[float]:
    """An `LK` sent and its echo read, in turn on `connections` connections (one alone would be
    closed as a flood: a bracelet sends a frame every few minutes, not a hundred a second)."""
    links = [await asyncio.open_connection("127.0.0.1", port) for _ in range(connections)]
    decoders = [wp.FrameDecoder() for _ in links]
    frame = wp.heartbeat("3G", str(FIRST + MEASURING - 1))
    out = []
    try:
        for n in range(rounds):
            (reader, writer), decoder = links[n % connections], decoders[n % connections]
            t = time.monotonic()
            writer.write(frame)
            got: list[Any] = []
            while not got:
                data = await reader.read(4096)
                if not data:
                    raise RuntimeError("the gateway closed the floor's connection")
                got = decoder.feed(data)
            out.append(time.monotonic() - t)
            await asyncio.sleep(0.01)
    finally:
        for _, writer in links:
            writer.close()
    return out


def health_floor(url: str, rounds: int) -> list[float]:
    out = []
    with httpx.Client(base_url=url, timeout=30) as c:
        for _ in range(rounds):
            t = time.monotonic()
            c.get("/health").raise_for_status()
            out.append(time.monotonic() - t)
    return out


async def alarms(
    sim: Simulator, stream: StreamReader, devices: list[str], count: int, burst: int
) -> dict[str, list[float]]:
    raised: dict[str, int] = {}
    answered, desk, burst_answered, burst_desk = [], [], [], []

    async def one(device: str, answers: list[float], arrivals: list[float]) -> None:
        known = raised.get(device, 0)
        raised[device] = known + 1
        t = time.monotonic()
        answers.append(await sim.alarm(device, status=1 << rules.SOS_BIT, at=dt.datetime.now(dt.UTC)))
        arrivals.append(await stream.wait_new(device, known) - t)

    for n in range(count):
        await one(devices[n % len(devices)], answered, desk)
        await asyncio.sleep(0.05)
    await asyncio.sleep(1)
    await asyncio.gather(*(one(devices[n % len(devices)], burst_answered, burst_desk) for n in range(burst)))
    return {"answered": answered, "desk": desk, "burst_answered": burst_answered, "burst_desk": burst_desk}


async def measure(server: DistrictServer, token: str, args: argparse.Namespace, usage: Usage) -> list[tuple[str, ...]]:
    port = server.gateway_port
    assert port is not None
    rows: list[tuple[str, ...]] = []
    stream = StreamReader(server.url, token)
    await asyncio.to_thread(stream.start)
    sim = Simulator("127.0.0.1", port, heartbeat_every_s=args.heartbeat_every)
    mine = device_ids(MEASURING - 1, FIRST)  # the last measuring number beats on the floor's connection
    others = max(0, args.bracelets - MEASURING)
    try:
        t = time.monotonic()
        await sim.connect(mine)
        with load_process(port, others, args.heartbeat_every):
            connect_s = time.monotonic() - t
            cpu, rss = await asyncio.to_thread(usage.measure, args.steady)
            rows.append(("usage", f"{args.bracelets:,} connected, beating", f"{cpu:.1f} %", f"{rss:.0f} MB", ""))
            lk = await lk_floor(port, 200)
            health = await asyncio.to_thread(health_floor, server.url, 200)
            mark = usage.during()
            timed = await alarms(sim, stream, mine, args.alarms, args.burst)
            cpu, rss = usage.since(mark)
            rows.append(("usage", "during the alarms", f"{cpu:.1f} %", f"{rss:.0f} MB", ""))
            lk_p50 = statistics.median(lk)
            for label, values, note in (
                ("LK echoed by the gateway (floor)", lk, ""),
                ("GET /health (floor)", health, ""),
                ("alarm → bracelet answered (recorded)", timed["answered"], ""),
                ("alarm → desk stream", timed["desk"], f"p99 ≤ {BUDGET_P99_S:g} s"),
                (f"burst of {args.burst}: → answered", timed["burst_answered"], ""),
                (f"burst of {args.burst}: → desk stream", timed["burst_desk"], f"p99 ≤ {BUDGET_P99_S:g} s"),
            ):
                ms = [v * 1000 for v in values]
                ratio = f"{statistics.median(values) / lk_p50:.1f}× floor" if "floor" not in label else ""
                rows.append(("latency", label, f"{len(ms)}", *_spread(ms), " ".join(x for x in (ratio, note) if x)))
        print(f"  {args.bracelets:,} bracelets connected in {connect_s:.1f} s; stream events {stream.events}")
    finally:
        stream.stopping = True
        await sim.close()
    return rows


def _spread(ms: list[float]) -> tuple[str, ...]:
    return (f"{min(ms):.1f}", f"{pct(ms, 50):.1f}", f"{pct(ms, 99):.1f}", f"{max(ms):.1f}")


def report(rows: list[tuple[str, ...]]) -> None:
    print(f"\n{'latency':<42} {'n':>5} {'min ms':>8} {'p50':>8} {'p99':>8} {'max ms':>8}  notes")
    for row in rows:
        if row[0] == "latency":
            _, label, n, lo, mid, hi99, hi, note = row
            print(f"{label:<42} {n:>5} {lo:>8} {mid:>8} {hi99:>8} {hi:>8}  {note}")
    print(f"\n{'server process':<42} {'cpu (100 % = 1 core)':>20} {'rss':>10}")
    for row in rows:
        if row[0] == "usage":
            print(f"{row[1]:<42} {row[2]:>20} {row[3]:>10}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bracelets", type=int, default=1000)
    parser.add_argument("--heartbeat-every", type=float, default=30.0, help="seconds between a bracelet's LK")
    parser.add_argument("--alarms", type=int, default=100, help="alarms one after another")
    parser.add_argument("--burst", type=int, default=50, help="alarms at the same moment")
    parser.add_argument("--steady", type=float, default=15.0, help="seconds the connected server is watched")
    parser.add_argument("--postgresql", action="store_true", help=f"on the database named by {PG_ENV}")
    args = parser.parse_args()
    args.bracelets = max(args.bracelets, MEASURING)
    args.burst = min(args.burst, MEASURING - 1)
    load = ", ".join(f"{v:.1f}" for v in os.getloadavg())
    print(f"load average {load} on {os.cpu_count()} CPUs; heartbeat every {args.heartbeat_every:g} s")
    with tempfile.TemporaryDirectory() as tmp, _database(Path(tmp), args.postgresql) as url:
        capacity = str(args.bracelets + 1000)
        options = ["--gateway-port", "0", "--gateway-max-connections", capacity]
        options += ["--gateway-max-connections-per-ip", capacity]
        server = DistrictServer(url, log_path=Path(tmp) / "server.log", serve_options=options)
        with server:
            assert server.process is not None
            cpus = os.cpu_count() or 1
            if sys.platform.startswith("linux") and cpus >= 2:
                os.sched_setaffinity(server.process.pid, {0})
                os.sched_setaffinity(0, set(range(1, cpus)))
            usage = Usage(server.process.pid)
            token, push_s = set_up(server, args.bracelets)
            where = "PostgreSQL" if args.postgresql else "SQLite"
            print(f"  {args.bracelets:,} wearers pushed in {push_s:.1f} s ({where})")
            cpu, rss = usage.measure(5)
            rows: list[tuple[str, ...]] = [("usage", "idle (no bracelet)", f"{cpu:.1f} %", f"{rss:.0f} MB", "")]
            rows += asyncio.run(measure(server, token, args, usage))
        report(rows)
        errors = [line for line in server.log_path.read_text(errors="replace").splitlines() if " ERROR " in line]
        print(f"\nserver log: {len(errors)} error line(s)" + "".join(f"\n  {e[:200]}" for e in errors[:5]))


@contextmanager
def _database(tmp: Path, postgresql: bool) -> Iterator[str]:
    """A SQLite file in `tmp`, or a fresh schema of the PostgreSQL database (dropped afterwards)."""
    if not postgresql:
        yield f"sqlite:///{tmp / 'district.sqlite3'}"
        return
    from urllib.parse import quote

    from sqlalchemy import create_engine, text

    base = postgres_url(os.environ[PG_ENV])
    schema = f"bench_alarms_{uuid.uuid4().hex[:8]}"
    engine = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        yield f"{base}{'&' if '?' in base else '?'}options={quote(f'-csearch_path={schema}')}"
    finally:
        with engine.connect() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        engine.dispose()


if __name__ == "__main__":
    main()
