"""District server benchmark (design §5: push 10,000 offline ops to a local server ≤ 5 s, resumable).

    python tests/benchmarks/district_push.py            SQLite in a temp folder
    MEDIATION_DESK_TEST_PG_URL=postgresql://… python tests/benchmarks/district_push.py   also PostgreSQL

Starts the real server on 127.0.0.1, pushes 10,000 ops (2,500 cases: create, two transitions, a
session fact) in batches of 500, replays them all (answered duplicate), then pulls the 10,000
changes; prints a table."""

from __future__ import annotations

import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import httpx
from sqlalchemy import create_engine, text

from mediation_desk.capabilities import register_all
from mediation_desk.core import hlc
from mediation_desk.core import sync_contract as contract
from mediation_desk.district import admin
from mediation_desk.district.db import Database

register_all()  # as the window and the command line do at start-up
from tests.district_server import PG_ENV, DistrictServer, postgres_url  # noqa: E402

OPS = 10_000


def _ops() -> list[dict]:
    clock, ops = hlc.ZERO, []

    def op(entity: str, entity_id: str, kind: str, payload: dict) -> dict:
        nonlocal clock
        clock = hlc.tick(clock, int(time.time() * 1000), "be0c4")  # a desk node: lowercase hex
        return {
            "op_id": str(uuid.uuid4()),
            "hlc": clock.encode(),
            "entity": entity,
            "entity_id": entity_id,
            "kind": kind,
            "payload": payload,
        }

    for n in range(OPS // 4):
        cid = str(uuid.uuid4())
        ops += [
            op(
                "case",
                cid,
                "create",
                {
                    "number": f"（2026）谢调字第 {n:04d} 号",
                    "year": 2026,
                    "status": "accepted",
                    "dispute_type": "neighbour",
                    "amount_fen": n,
                    "risk_flags": [],
                },
            ),
            op("case", cid, "transition", {"from": "accepted", "to": "assigned"}),
            op("session_record", str(uuid.uuid4()), "append", {"case_id": cid, "outcome": "continued"}),
            op("case", cid, "transition", {"from": "assigned", "to": "in_mediation"}),
        ]
    return ops


def measure(database_url: str, log: Path) -> list[tuple[str, float, str]]:
    rows = []
    with DistrictServer(database_url, log_path=log) as server:
        db = Database(database_url)
        admin.add_town(db, "谢塘镇")
        admin.add_committee(db, "谢塘镇", "XT-001", "谢家塘村人民调解委员会")
        code = admin.issue_code(db, committee_code="XT-001")
        db.dispose()
        token = httpx.post(f"{server.url}{contract.ENROLL_PATH}", json={"code": code}).json()["token"]
        ops = _ops()
        batches = [ops[i : i + contract.MAX_PUSH_BATCH] for i in range(0, len(ops), contract.MAX_PUSH_BATCH)]
        with server.client(token) as c:
            for label, budget in (("push 10,000 ops (first time)", "≤ 5 s"), ("push them again (all duplicate)", "")):
                t = time.perf_counter()
                for batch in batches:
                    c.post(contract.PUSH_PATH, json={"ops": batch}).raise_for_status()
                rows.append((label, time.perf_counter() - t, budget))
            t, after, pulled = time.perf_counter(), 0, 0
            while True:
                page = c.get(contract.PULL_PATH, params={"after": after}).json()
                pulled, after = pulled + len(page["changes"]), page["next_cursor"]
                if not page["has_more"]:
                    break
            assert pulled == OPS, pulled
            rows.append(("pull 10,000 changes", time.perf_counter() - t, ""))
    return rows


def main() -> None:
    targets = [("sqlite", None)]
    if os.environ.get(PG_ENV):
        targets.append(("postgresql", postgres_url(os.environ[PG_ENV])))
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'database':<12} {'what':<34} {'seconds':>8}  budget")
        for name, base in targets:
            if base is None:
                url = f"sqlite:///{Path(tmp) / 'district.sqlite3'}"
                rows = measure(url, Path(tmp) / "server.log")
            else:
                schema = f"district_bench_{uuid.uuid4().hex[:8]}"
                engine = create_engine(base, isolation_level="AUTOCOMMIT")
                with engine.connect() as conn:
                    conn.execute(text(f'CREATE SCHEMA "{schema}"'))
                try:
                    sep = "&" if "?" in base else "?"
                    rows = measure(f"{base}{sep}options=-csearch_path%3D{schema}", Path(tmp) / "server-pg.log")
                finally:
                    with engine.connect() as conn:
                        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
                    engine.dispose()
            for what, seconds, budget in rows:
                print(f"{name:<12} {what:<34} {seconds:>8.2f}  {budget}")


if __name__ == "__main__":
    main()
