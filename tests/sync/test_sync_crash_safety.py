"""A desk killed (SIGKILL) at many points of a push and of a pull: after the next sync both
sides hold the same rows, none lost and none doubled. The desk's sync runs as the command line
does, in its own process (`mediation-desk --data-dir D sync`)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import time
from collections.abc import Callable

import pytest
from service_helpers import Env
from sqlalchemy import func, select
from sync_helpers import (
    ROOT,
    bulk_offline_work,
    child_env,
    desk_ops,
    district_db,
    enroll,
    mirror,
    pending,
    server_feed,
    sync,
    sync_command,
    sync_until_quiet,
)

from mediation_desk.core import sync_contract as contract
from mediation_desk.core.audit import verify_chain
from mediation_desk.core.models import OutboxOp
from mediation_desk.district.models import AppliedOp, Change
from mediation_desk.sync import api, state

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("district")]
ATTEMPTS = 14


def cursor(env: Env) -> int:
    with env.desk.read() as s:
        return state.cursor(s)


def kill_at_many_points(
    env: Env, progress: Callable[[], int], done: Callable[[], bool], seed: int, soon_s: float = 0.06
) -> tuple[int, int]:
    """Run the desk's sync in its own process again and again, killing it at a random moment:
    mostly just after it has stored some progress (mid-request, mid-transaction; within
    `soon_s`), sometimes before it has stored anything. Returns (kills, kills that left the work
    half done)."""
    rng = random.Random(seed)
    kills = half_done = 0
    for _ in range(ATTEMPTS):
        if done():
            break
        before = progress()
        proc = subprocess.Popen(
            sync_command(env),
            env=child_env(env),
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            stdin=subprocess.DEVNULL,
        )
        if rng.random() < 0.25:
            time.sleep(rng.uniform(0.2, 1.5))  # at start-up or in its first request
        else:
            deadline = time.monotonic() + 60
            while proc.poll() is None and progress() == before and time.monotonic() < deadline:
                time.sleep(0.005)
            time.sleep(rng.uniform(0.0, soon_s))  # soon after: more kills land with work left
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            kills += 1
            half_done += not done()
        proc.wait()
    return kills, half_done


def test_killed_mid_push_the_next_sync_doubles_nothing(district, desk_a: Env) -> None:
    enroll(district, desk_a)
    sync(desk_a)  # the set-up ops up
    bulk_offline_work(desk_a, cases=1200)  # 6,000 ops: 12 batches
    total = pending(desk_a)
    kills, half_done = kill_at_many_points(
        desk_a, lambda: total - pending(desk_a), lambda: pending(desk_a) == 0, seed=20261128
    )
    # How many kills land before the work is done depends on the machine's speed: at least three
    # must have left it half done for the test to mean something.
    assert kills >= 5 and half_done >= 3, (kills, half_done)
    sync_until_quiet(desk_a)

    ops = desk_ops(desk_a)
    assert set(ops.values()) <= {contract.APPLIED, contract.DUPLICATE}
    assert api.list_issues(desk_a.desk, desk_a.admin) == []
    with district_db(district) as db, db.read() as s:
        applied = set(s.scalars(select(AppliedOp.op_id)))
        changes = s.scalar(select(func.count()).select_from(Change)) or 0
        fact_ops = list(
            s.scalars(
                select(Change.data["op_id"].as_string()).where(Change.entity.in_(("case_assignment", "session_record")))
            )
        )
    assert applied == set(ops)  # every op of the desk applied on the server, nothing else
    assert changes == len(applied)  # each applied exactly once
    assert len(fact_ops) == len(set(fact_ops)) == 2 * 1200
    feed, head = server_feed(district, "XT-001")
    assert mirror(desk_a) == feed and cursor(desk_a) == head
    with desk_a.desk.read() as s:
        assert verify_chain(s).ok
        assert s.scalar(select(func.count()).select_from(OutboxOp)) == len(ops)


def test_killed_mid_pull_the_next_sync_holds_the_districts_rows(district, desk_a: Env, desk_b: Env) -> None:
    enroll(district, desk_a)
    enroll(district, desk_b)
    sync(desk_b)  # its own set-up ops up: from here on it only pulls
    bulk_offline_work(desk_a, cases=1400)  # 7,000 changes for the other desk: 7 pages
    started = time.monotonic()
    sync_until_quiet(desk_a)
    print(f"desk A: 7,000 ops pushed and pulled back in {time.monotonic() - started:.1f} s")
    feed, head = server_feed(district, "XT-001")
    # A page is stored every few tens of milliseconds (the next ones are read meanwhile): killed
    # within 20 ms of one, most runs are stopped with pages still to come.
    kills, half_done = kill_at_many_points(
        desk_b, lambda: cursor(desk_b), lambda: cursor(desk_b) == head, seed=11, soon_s=0.02
    )
    print(f"desk B: killed {kills} times, {half_done} with pages still to come")
    assert kills >= 4 and half_done >= 3, (kills, half_done)
    sync_until_quiet(desk_b)

    assert cursor(desk_b) == head
    assert mirror(desk_b) == feed == mirror(desk_a)
    cases = {k[1]: v["status"] for k, v in feed.items() if k[0] == "case"}
    assert len(cases) == 1400 and set(cases.values()) == {"in_mediation"}
    assert {v.id for v in api.list_district_cases(desk_b.desk, desk_b.admin)} == set(cases)
    with desk_b.desk.read() as s:
        assert verify_chain(s).ok
