"""The server SIGKILLed in the middle of applying big batches, again and again: after the desk
pushes everything once more, each op has had exactly one effect and the change feed has no gap.
And while several desks push at once, a desk pulling all the time never skips a change."""

from __future__ import annotations

import random
import threading
import time

import httpx
import pytest
from district_helpers import Desk, enroll, new_id, statuses
from district_server import DistrictServer
from sqlalchemy import func, select

from mediation_desk.core import sync_contract as contract
from mediation_desk.district.models import AppliedOp, Change, Fact, Record

pytestmark = pytest.mark.slow

CASES = 1000  # × 4 ops = 4,000 ops in 8 batches of 500
KILLS = 10


def _case_life(desk) -> list[dict]:
    """Ops of which each has exactly one effect (and so one change) when applied."""
    ops: list[dict] = []
    for _ in range(CASES):
        case = desk.new_case()
        cid = case["entity_id"]
        ops += [
            case,
            desk.move(cid, "accepted", "assigned"),
            desk.op("session_record", new_id(), "append", {"case_id": cid, "outcome": "continued"}),
            desk.move(cid, "assigned", "in_mediation"),
        ]
    return ops


def _push_all(desk, batches: list[list[dict]], answers: dict[str, str] | None = None) -> None:
    with desk.http() as c:
        for batch in batches:
            r = c.post(contract.PUSH_PATH, json={"ops": batch})
            r.raise_for_status()
            if answers is not None:
                answers.update((x["op_id"], x["status"]) for x in r.json()["results"])


def _pusher(desk, batches: list[list[dict]], confirmed: list[int]) -> threading.Thread:
    """Push the batches not yet answered, as the desk's outbox does; `confirmed[0]` counts the
    batches whose answer arrived."""

    def run() -> None:
        try:
            with desk.http() as c:
                while confirmed[0] < len(batches):
                    c.post(contract.PUSH_PATH, json={"ops": batches[confirmed[0]]}).raise_for_status()
                    confirmed[0] += 1
        except httpx.HTTPError:
            pass  # the server died under us: that is the point

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def test_killed_mid_apply_every_op_has_exactly_one_effect(district, district_db):
    desk = enroll(district, "XT-001")
    ops = _case_life(desk)
    batches = [ops[i : i + contract.MAX_PUSH_BATCH] for i in range(0, len(ops), contract.MAX_PUSH_BATCH)]
    rng = random.Random(20261128)
    confirmed = [0]
    for _ in range(KILLS):
        pusher = _pusher(desk, batches, confirmed)
        time.sleep(rng.uniform(0.02, 0.6))
        district.kill()
        pusher.join(timeout=60)
        district.start()

    answers: dict[str, str] = {}
    _push_all(desk, batches, answers)  # everything once more, from the start
    assert set(answers.values()) <= {"applied", "duplicate"}
    assert len(answers) == len(ops)
    assert statuses(desk.push(ops[:10])) == ["duplicate"] * 10

    with district_db.read() as s:
        assert s.scalar(select(func.count()).select_from(AppliedOp)) == len(ops)
        assert s.scalar(select(func.count()).select_from(Fact)) == CASES
        assert s.scalar(select(func.count()).select_from(Record)) == CASES
        seqs = list(s.scalars(select(Change.seq).order_by(Change.seq)))
        states = set(s.scalars(select(Record.status)))
    assert seqs == list(range(1, len(ops) + 1))  # one change per op, numbered without a gap
    assert states == {"in_mediation"}
    changes, cursor = desk.pull_all(limit=333)
    assert [c["seq"] for c in changes] == seqs and cursor == len(ops)
    fact_ops = [c["data"]["op_id"] for c in changes if c["entity"] == "session_record"]
    assert len(fact_ops) == len(set(fact_ops)) == CASES


def test_a_desk_pulling_while_others_push_never_skips_a_change(district, tmp_path):
    """Two server instances on one database (design §6), three desks pushing through either,
    one desk pulling through the second all the while."""
    second = DistrictServer(district.database_url, log_path=tmp_path / "second-server.log").start()
    try:
        _pull_while_pushing(district, second)
    finally:
        second.stop()


def _pull_while_pushing(first: DistrictServer, second: DistrictServer) -> None:
    writers = [enroll(first, "XT-001") for _ in range(3)]
    writers[1] = Desk(second, writers[1].enrollment)
    reader = Desk(second, enroll(first, "XT-001").enrollment)
    rounds, per_push = 12, 25
    done = threading.Event()
    failures: list[BaseException] = []

    def write(desk) -> None:
        try:
            for _ in range(rounds):
                assert statuses(desk.push([desk.new_case() for _ in range(per_push)])) == ["applied"] * per_push
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            failures.append(exc)

    seen: list[int] = []

    def read() -> None:
        cursor = 0
        try:
            with reader.http() as c:
                while True:
                    finished = done.is_set()  # read before pulling: the last pull sees everything
                    page = c.get(contract.PULL_PATH, params={"after": cursor, "limit": 40}).json()
                    seen.extend(ch["seq"] for ch in page["changes"])
                    cursor = page["next_cursor"]
                    if finished and not page["has_more"]:
                        return
        except BaseException as exc:  # noqa: BLE001
            failures.append(exc)

    threads = [threading.Thread(target=write, args=(w,)) for w in writers]
    puller = threading.Thread(target=read)
    for t in [*threads, puller]:
        t.start()
    for t in threads:
        t.join(timeout=300)
    done.set()
    puller.join(timeout=300)
    assert not failures, failures
    total = len(writers) * rounds * per_push
    assert seen == list(range(1, total + 1))
