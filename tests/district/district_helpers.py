"""Helpers for the district server's tests: a desk-like client that pushes ops and pulls changes,
op builders with a hybrid logical clock per desk, and in-process admin on the server's database."""

from __future__ import annotations

import itertools
import uuid
from dataclasses import dataclass, field
from typing import Any

import httpx
from alembic import command
from district_server import DistrictServer

from mediation_desk.core import hlc
from mediation_desk.core import sync_contract as contract
from mediation_desk.district import admin, migrate
from mediation_desk.district.db import Database

TOWN_A, TOWN_B = "谢塘镇", "丰惠镇"
COMMITTEES = {  # code: (name, town)
    "XT-001": ("谢家塘村人民调解委员会", TOWN_A),
    "XT-002": ("东山村人民调解委员会", TOWN_A),
    "FH-001": ("丰惠村人民调解委员会", TOWN_B),
}
_wall = itertools.count(1_764_336_000_000)


def setup_district(db: Database) -> None:
    """Two towns and three committees, made in-process (the admin CLI has its own tests)."""
    for town in (TOWN_A, TOWN_B):
        admin.add_town(db, town)
    for code, (name, town) in COMMITTEES.items():
        admin.add_committee(db, town, code, name)


def migrate_to(db: Database, revision: str, *, down: bool = False) -> None:
    """The district's schema taken up (or down) to `revision`, as an upgrade in the field would."""
    with db.write_engine.connect() as conn:
        cfg = migrate.alembic_config()
        cfg.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(cfg, revision)
        conn.commit()


def new_id() -> str:
    return str(uuid.uuid4())


@dataclass
class Clock:
    """A desk's hybrid logical clock; every op gets a later timestamp."""

    node: str
    last: hlc.Timestamp = hlc.ZERO

    def tick(self) -> str:
        self.last = hlc.tick(self.last, next(_wall), self.node)
        return self.last.encode()


@dataclass
class Desk:
    """One enrolled device talking to the server as the desk's sync client would."""

    server: DistrictServer
    enrollment: dict[str, Any]
    clock: Clock = field(default_factory=lambda: Clock(uuid.uuid4().hex[:8]))

    @property
    def token(self) -> str:
        return str(self.enrollment["token"])

    @property
    def device_id(self) -> str:
        return str(self.enrollment["device_id"])

    def http(self) -> httpx.Client:
        return self.server.client(self.token)

    def op(
        self, entity: str, entity_id: str, kind: str, payload: dict[str, Any], clock: str | None = None
    ) -> dict[str, Any]:
        return {
            "op_id": new_id(),
            "hlc": clock or self.clock.tick(),
            "entity": entity,
            "entity_id": entity_id,
            "kind": kind,
            "payload": payload,
        }

    def new_case(self, case_id: str | None = None, **fields: Any) -> dict[str, Any]:
        payload = {
            "number": "（2026）谢调字第 0001 号",
            "year": 2026,
            "seat": 1,
            "seq": 1,
            "source": "walk_in",
            "dispute_type": "neighbour",
            "amount_fen": 120000,
            "persons_involved": 2,
            "risk_flags": [],
            "accepted_on": "2026-11-28",
            "status": "accepted",
            **fields,
        }
        return self.op("case", case_id or new_id(), contract.CREATE, payload)

    def move(self, case_id: str, frm: str, to: str, **details: Any) -> dict[str, Any]:
        return self.op("case", case_id, contract.TRANSITION, {"from": frm, "to": to, **details})

    def push(self, ops: list[dict[str, Any]], client: httpx.Client | None = None) -> list[dict[str, Any]]:
        with client or self.http() as c:
            r = c.post(contract.PUSH_PATH, json={"ops": ops})
        assert r.status_code == 200, r.text
        results = r.json()["results"]
        assert [x["op_id"] for x in results] == [o["op_id"] for o in ops]
        return results

    def pull_all(self, after: int = 0, limit: int = contract.MAX_PULL_PAGE) -> tuple[list[dict[str, Any]], int]:
        """Every change after `after`, page by page; returns the changes and the final cursor."""
        changes: list[dict[str, Any]] = []
        with self.http() as c:
            while True:
                r = c.get(contract.PULL_PATH, params={"after": after, "limit": limit})
                assert r.status_code == 200, r.text
                page = r.json()
                changes += page["changes"]
                assert page["next_cursor"] >= after
                after = page["next_cursor"]
                if not page["has_more"]:
                    return changes, after


def enroll(server: DistrictServer, committee_code: str | None = None, town: str | None = None) -> Desk:
    """A desk enrolled through the API with a code issued in-process (fast)."""
    db = Database(server.database_url)
    try:
        code = admin.issue_code(db, committee_code=committee_code, town=town)
    finally:
        db.dispose()
    r = httpx.post(
        f"{server.url}{contract.ENROLL_PATH}",
        json={"code": code, "device_name": "测试工作台"},
        timeout=30,
        verify=False,
    )
    assert r.status_code == 201, r.text
    return Desk(server, r.json())


def statuses(results: list[dict[str, Any]]) -> list[str]:
    return [r["status"] for r in results]
