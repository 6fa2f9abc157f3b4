"""District server under hostile load: honest desks syncing while attackers try to starve them.

    python tests/benchmarks/bench_district_hostile.py [--seconds 20] [--desks 30]
                                                      [--half-open 5000] [--posters 4]

Starts the real server (its default limits) on a SQLite file in a temp folder, enrolls the desks,
and runs two scenarios of `--seconds` each in the same run:

- without attackers: the baseline;
- with attackers: one client (its own address, 127.0.0.2 on Linux) keeps `--half-open`
  connections open with unfinished headers, reopening each as soon as the server closes it; another
  (127.0.0.3) posts 32 MB bodies without a token in a loop, `--posters` at once.

Each desk runs a sync round a second on a new connection, as a desk does: push a small batch of
case ops, then pull the feed to its end. A probe asks `/health` ten times a second, each time on a
new connection (as a monitor or load balancer does). Prints p50/p95 of the desks' pushes and the
probe's answers per scenario and their ratio to the baseline, what the server closed (its
/metrics) and what the attackers got back, and the server's peak memory.

Everything runs on this machine: with two or more processors the server is pinned to one of its
own, and the attackers run at the lowest priority, so what is measured is the server's own
handling of the attack, not the attackers' use of the processor."""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import multiprocessing.synchronize
import os
import re
import socket
import ssl
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import httpx
import psutil

from mediation_desk.core import hlc
from mediation_desk.core import sync_contract as contract
from mediation_desk.district import admin
from mediation_desk.district.db import Database
from tests.district_server import DistrictServer

ROUND_S = 1.0
PROBE_EVERY_S = 0.1
WARM_UP_S = 5.0
BODY_BYTES = 32 * 1024 * 1024
COMMITTEES = 6
LINUX = sys.platform.startswith("linux")
HALF_OPEN_FROM = "127.0.0.2" if LINUX else None  # an address of its own, as an attacker has
POSTER_FROM = "127.0.0.3" if LINUX else None
# Made once: building one per client costs ~40 ms of the benchmark's processor, not the server's.
TLS = ssl.create_default_context()
CLOSED = re.compile(r'^district_connections_closed_total\{reason="(\w+)"\} ([0-9.e+]+)$', re.MULTILINE)


# -- honest desks ---------------------------------------------------------------------------------
@dataclass
class Samples:
    push_ms: list[float] = field(default_factory=list)
    pull_ms: list[float] = field(default_factory=list)
    health_ms: list[float] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, series: list[float], ms: float) -> None:
        series.append(ms)  # one call: atomic under the interpreter lock

    def error(self, what: str) -> None:
        with self.lock:
            self.errors[what] += 1


class HonestDesk:
    def __init__(self, url: str, token: str) -> None:
        self.url, self.token = url, token
        self.node, self.clock, self.cursor = uuid.uuid4().hex[:8], hlc.ZERO, 0

    def _op(self, entity: str, entity_id: str, kind: str, payload: dict[str, Any]) -> dict[str, Any]:
        self.clock = hlc.tick(self.clock, int(time.time() * 1000), self.node)
        op = {"op_id": str(uuid.uuid4()), "hlc": self.clock.encode(), "entity": entity, "entity_id": entity_id}
        return {**op, "kind": kind, "payload": payload}

    def batch(self, n: int) -> list[dict[str, Any]]:
        case = str(uuid.uuid4())
        create = {"number": f"（2026）谢调字第 {n % 10000:04d} 号", "year": 2026, "seat": 1, "seq": n}
        create |= {"source": "walk_in", "dispute_type": "neighbour", "amount_fen": 120000, "persons_involved": 2}
        create |= {"risk_flags": [], "accepted_on": "2026-11-28", "status": "accepted"}
        return [
            self._op("case", case, contract.CREATE, create),
            self._op("case", case, contract.TRANSITION, {"from": "accepted", "to": "assigned"}),
            self._op("session_record", str(uuid.uuid4()), "append", {"case_id": case, "outcome": "continued"}),
            self._op("case", case, contract.TRANSITION, {"from": "assigned", "to": "in_mediation"}),
        ]

    def run(self, stop: threading.Event, samples: Samples, offset_s: float) -> None:
        n, due = 0, time.monotonic() + offset_s  # desks spread over the second, not in step
        stop.wait(offset_s)
        while not stop.is_set():
            n += 1
            try:
                # A new connection each round, as a desk's sync round every few minutes has.
                with httpx.Client(
                    base_url=self.url, headers={"Authorization": f"Bearer {self.token}"}, timeout=60, verify=TLS
                ) as c:
                    t = time.perf_counter()
                    r = c.post(contract.PUSH_PATH, json={"ops": self.batch(n)})
                    samples.add(samples.push_ms, (time.perf_counter() - t) * 1000)
                    if r.status_code != 200:
                        samples.error(f"push {r.status_code}")
                    t = time.perf_counter()
                    while True:
                        r = c.get(contract.PULL_PATH, params={"after": self.cursor})
                        if r.status_code != 200:
                            samples.error(f"pull {r.status_code}")
                            break
                        page = r.json()
                        self.cursor = page["next_cursor"]
                        if not page["has_more"]:
                            break
                    samples.add(samples.pull_ms, (time.perf_counter() - t) * 1000)
            except httpx.HTTPError as exc:
                samples.error(type(exc).__name__)
            due = max(due + ROUND_S, time.monotonic())
            stop.wait(due - time.monotonic())


def probe_health(url: str, stop: threading.Event, samples: Samples) -> None:
    while not stop.is_set():
        t = time.perf_counter()
        try:
            with httpx.Client(timeout=60, verify=TLS) as c:  # a new connection each time
                r = c.get(f"{url}{contract.HEALTH_PATH}")
            samples.add(samples.health_ms, (time.perf_counter() - t) * 1000)
            if r.status_code != 200:
                samples.error(f"health {r.status_code}")
        except httpx.HTTPError as exc:
            samples.error(f"health {type(exc).__name__}")
        stop.wait(PROBE_EVERY_S)


# -- attackers (each a process of its own) ----------------------------------------------------------
def _as_attacker() -> None:
    os.nice(10)  # the desks and the probe, sharing its processor, are served first
    try:
        import resource

        _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    except (ImportError, ValueError, OSError):
        pass
    if LINUX and (os.cpu_count() or 1) >= 2:
        os.sched_setaffinity(0, set(range(1, os.cpu_count() or 2)))


async def connect(port: int, source: str | None) -> socket.socket:
    """A connection to the server from `source`. Its port is chosen at connect, not at bind: with
    thousands of sockets on one address, bind's own search for a free port takes milliseconds each."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.setblocking(False)
        if source:
            sock.setsockopt(socket.IPPROTO_IP, getattr(socket, "IP_BIND_ADDRESS_NO_PORT", 24), 1)
            sock.bind((source, 0))
        await asyncio.get_running_loop().sock_connect(sock, ("127.0.0.1", port))
    except BaseException:
        sock.close()
        raise
    return sock


def hold_half_open(port: int, target: int, stop: multiprocessing.synchronize.Event, out: Any) -> None:
    """Keep `target` connections open with headers that never end; reopen each one the server
    closes. `out` gets [opened, closed by the server, most held at once, connect failures]."""
    _as_attacker()
    counts = {"opened": 0, "closed": 0, "open": 0, "most": 0, "failed": 0}

    async def slot() -> None:
        while True:
            try:
                reader, writer = await asyncio.open_connection(sock=await connect(port, HALF_OPEN_FROM))
            except OSError:
                counts["failed"] += 1
                await asyncio.sleep(0.05)
                continue
            counts["opened"] += 1
            counts["open"] += 1
            counts["most"] = max(counts["most"], counts["open"])
            try:
                writer.write(b"POST /api/v1/sync/push HTTP/1.1\r\nHost: district\r\nX-Wait: ")
                while await reader.read(4096):
                    pass
                counts["closed"] += 1
            except OSError:
                counts["closed"] += 1
            finally:
                counts["open"] -= 1
                writer.close()

    async def main() -> None:
        tasks = [asyncio.create_task(slot()) for _ in range(target)]
        while not stop.is_set():
            await asyncio.sleep(0.1)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    try:
        import uvloop  # uvicorn's own loop: a third of asyncio's time per connection

        uvloop.run(main())
    except ImportError:
        asyncio.run(main())
    out.put([counts["opened"], counts["closed"], counts["most"], counts["failed"]])


def post_big_bodies(port: int, posters: int, stop: multiprocessing.synchronize.Event, out: Any) -> None:
    """`posters` loops posting a 32 MB `{"ops":[{},{},…]}` without a token. `out` gets the answers'
    status codes (and failures by type) and the slowest answer in ms."""
    _as_attacker()
    body = b'{"ops":[' + b"{}," * ((BODY_BYTES - 12) // 3) + b"{}]}"
    answers: Counter[str] = Counter()
    slowest = [0.0]
    lock = threading.Lock()

    def loop() -> None:
        transport = httpx.HTTPTransport(local_address=POSTER_FROM) if POSTER_FROM else None
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120, transport=transport) as c:
            while not stop.is_set():
                t = time.perf_counter()
                try:
                    r = c.post(contract.PUSH_PATH, content=body, headers={"Content-Type": "application/json"})
                    what = str(r.status_code)
                except httpx.HTTPError as exc:
                    what = type(exc).__name__
                with lock:
                    answers[what] += 1
                    slowest[0] = max(slowest[0], (time.perf_counter() - t) * 1000)

    threads = [threading.Thread(target=loop, daemon=True) for _ in range(posters)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    out.put([dict(answers), slowest[0]])


# -- one scenario ---------------------------------------------------------------------------------
@dataclass
class Result:
    name: str
    samples: Samples
    closed: dict[str, float]
    peak_rss_mb: float
    cpu_percent: float
    half_open: list[int] | None = None
    overflows: int | None = None
    bodies: list[Any] | None = None


def listen_overflows() -> int | None:
    """Connections the system dropped because a listening socket's accept queue was full (Linux,
    all sockets of the machine: during the benchmark, the server's). A dropped connect is retried
    by its client after a second."""
    try:
        lines = [
            line.split() for line in Path("/proc/net/netstat").read_text().splitlines() if line.startswith("TcpExt:")
        ]
        return int(dict(zip(lines[0], lines[1], strict=True))["ListenOverflows"])
    except (OSError, KeyError, IndexError, ValueError):
        return None


def closed_counts(url: str) -> dict[str, float]:
    text = httpx.get(f"{url}/metrics", timeout=60).text
    return {reason: float(n) for reason, n in CLOSED.findall(text)}


def watch_server(pid: int, stop: threading.Event, peak: list[float]) -> None:
    """The server's peak memory (MB) into peak[0], its processor time over the scenario into peak[1]."""
    proc = psutil.Process(pid)
    start, t = sum(proc.cpu_times()[:2]), time.monotonic()
    while not stop.is_set():
        try:
            peak[0] = max(peak[0], proc.memory_info().rss / 2**20)
        except psutil.Error:
            return
        stop.wait(0.1)
    peak[1] = (sum(proc.cpu_times()[:2]) - start) / (time.monotonic() - t) * 100


def scenario(
    name: str, server: DistrictServer, desks: list[HonestDesk], seconds: float, half_open: int, posters: int
) -> Result:
    ctx = multiprocessing.get_context("spawn")
    stop_attack, results = ctx.Event(), ctx.Queue()
    attackers = []
    if half_open:
        attackers.append(ctx.Process(target=hold_half_open, args=(server.port, half_open, stop_attack, results)))
    if posters:
        attackers.append(ctx.Process(target=post_big_bodies, args=(server.port, posters, stop_attack, results)))
    assert server.process is not None
    before, overflows = closed_counts(server.url), listen_overflows()
    for p in attackers:
        p.start()
    if attackers:
        time.sleep(WARM_UP_S)  # the attack in full swing before the desks are measured
    samples, stop, peak = Samples(), threading.Event(), [0.0, 0.0]
    threads = [
        threading.Thread(target=d.run, args=(stop, samples, ROUND_S * n / len(desks))) for n, d in enumerate(desks)
    ]
    threads.append(threading.Thread(target=probe_health, args=(server.url, stop, samples)))
    threads.append(threading.Thread(target=watch_server, args=(server.process.pid, stop, peak)))
    for t in threads:
        t.start()
    time.sleep(seconds)
    stop.set()
    for t in threads:
        t.join()
    stop_attack.set()
    got = [results.get(timeout=120) for _ in attackers]
    for p in attackers:
        p.join(timeout=60)
    after, overflows_after = closed_counts(server.url), listen_overflows()
    closed = {k: after.get(k, 0.0) - before.get(k, 0.0) for k in after if after.get(k, 0.0) != before.get(k, 0.0)}
    result = Result(name, samples, closed, peak[0], peak[1])
    if overflows is not None and overflows_after is not None:
        result.overflows = overflows_after - overflows
    for item in got:
        if len(item) == 4:
            result.half_open = item
        else:
            result.bodies = item
    return result


# -- the run ------------------------------------------------------------------------------------------
def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def enroll_desks(server: DistrictServer, count: int) -> list[HonestDesk]:
    db = Database(server.database_url)
    try:
        admin.add_town(db, "谢塘镇")
        codes = []
        for n in range(count):
            committee = f"XT-{n % COMMITTEES + 1:03d}"
            if n < COMMITTEES:
                admin.add_committee(db, "谢塘镇", committee, f"第{n + 1}村人民调解委员会")
            codes.append(admin.issue_code(db, committee_code=committee))
    finally:
        db.dispose()
    desks = []
    for code in codes:
        r = httpx.post(f"{server.url}{contract.ENROLL_PATH}", json={"code": code, "device_name": "工作台"}, timeout=60)
        r.raise_for_status()
        desks.append(HonestDesk(server.url, r.json()["token"]))
    return desks


def _ratio(values: list[float], base: list[float], q: float) -> str:
    return f"{pct(values, q) / pct(base, q):.2f}×"


def report(results: list[Result]) -> None:
    base = results[0].samples
    print()
    print(
        f"{'scenario':<18} {'pushes':>6} {'push p50/p95 ms':>16} {'/health p50/p95 ms':>19} {'desk errors':>11}"
        f" {'closed by server':>30} {'413/401 answers':>16} {'peak RSS':>9} {'server CPU':>10}"
    )
    for r in results:
        s = r.samples
        closed = ", ".join(f"{k} {v:.0f}" for k, v in sorted(r.closed.items())) or "-"
        answers = "-"
        if r.bodies is not None:
            codes = r.bodies[0]
            answers = f"{codes.get('413', 0)}/{codes.get('401', 0)}"
        errors = sum(s.errors.values())
        print(
            f"{r.name:<18} {len(s.push_ms):>6} {pct(s.push_ms, 50):>7.1f}/{pct(s.push_ms, 95):<8.1f}"
            f" {pct(s.health_ms, 50):>9.1f}/{pct(s.health_ms, 95):<9.1f} {errors:>11} {closed:>30} {answers:>16}"
            f" {r.peak_rss_mb:>6.0f} MB {r.cpu_percent:>9.0f}%"
        )
    for r in results[1:]:
        s = r.samples
        print(
            f"{'  ratio to base':<18} {'':>6} {_ratio(s.push_ms, base.push_ms, 50):>7}/"
            f"{_ratio(s.push_ms, base.push_ms, 95):<8} {_ratio(s.health_ms, base.health_ms, 50):>9}/"
            f"{_ratio(s.health_ms, base.health_ms, 95):<9}"
        )
    print()
    for r in results:
        s = r.samples
        slow = sum(ms > 1000 for ms in s.push_ms), sum(ms > 1000 for ms in s.health_ms)
        print(
            f"{r.name}: pull p50/p95 {pct(s.pull_ms, 50):.1f}/{pct(s.pull_ms, 95):.1f} ms;"
            f" over 1 s: {slow[0]} of {len(s.push_ms)} pushes, {slow[1]} of {len(s.health_ms)} /health;"
            f" connects dropped at a full accept queue: {'?' if r.overflows is None else r.overflows}"
        )
        if r.samples.errors:
            print(f"{r.name}: desk errors {dict(r.samples.errors)}")
        if r.half_open is not None:
            opened, closed, most, failed = r.half_open
            print(
                f"{r.name}: half-open client opened {opened} connections, the server closed {closed};"
                f" at most {most} open at once; {failed} connects failed"
            )
        if r.bodies is not None:
            codes, slowest = r.bodies
            print(f"{r.name}: 32 MB posts answered {codes}; slowest {slowest:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=20.0, help="length of each scenario")
    parser.add_argument("--desks", type=int, default=30)
    parser.add_argument("--half-open", type=int, default=5000)
    parser.add_argument("--posters", type=int, default=4, help="32 MB posts at once")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        server = DistrictServer(f"sqlite:///{Path(tmp) / 'district.sqlite3'}", log_path=Path(tmp) / "server.log")
        with server:
            assert server.process is not None
            cpus = os.cpu_count() or 1
            if LINUX and cpus >= 2:
                os.sched_setaffinity(server.process.pid, {0})
                os.sched_setaffinity(0, set(range(1, cpus)))
            desks = enroll_desks(server, args.desks)
            print(
                f"{args.desks} desks, one round a second each; /health every {PROBE_EVERY_S:g} s;"
                f" {args.seconds:g} s per scenario; {cpus} processor(s)"
            )
            results = [scenario("without attackers", server, desks, args.seconds, 0, 0)]
            results.append(scenario("with attackers", server, desks, args.seconds, args.half_open, args.posters))
        log = server.log_path.read_text(encoding="utf-8", errors="replace")  # the last counts come at the stop
        security = [line for line in log.splitlines() if "security event" in line]
        report(results)
        print(f"\nserver log: {len(security)} security line(s), e.g.")
        for line in security[:3]:
            print("  " + line[:220])


if __name__ == "__main__":
    main()
