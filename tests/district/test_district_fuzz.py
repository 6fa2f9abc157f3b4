"""Random ops against the real server (Hypothesis, bounded): whatever a batch holds, the server
never answers 500, the feed stays readable by every reader, and a batch in which nothing was
applied leaves the feed as it was."""

from __future__ import annotations

import json
import time
import uuid
from typing import Any

from district_helpers import TOWN_A, enroll
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from mediation_desk.core import sync_contract as contract
from mediation_desk.district.models import Change

# Any text, lone surrogates and control characters included.
ANY_TEXT = st.text(st.characters(exclude_categories=()), max_size=30)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    ANY_TEXT,
    st.sampled_from(["accepted", "town", "county", "2026-11-28", "110105194912310021", "138.1234.5678"]),
)
VALUES = st.recursive(
    SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(ANY_TEXT, inner, max_size=4), max_leaves=12
)
ENTITIES = ["case", "mediator", "agreement", "case_assignment", "session_record", "follow_up", "attachment"]
KEYS = ["op_id", "hlc", "entity", "entity_id", "kind", "payload"]
FIELDS = ["status", "amount_fen", "escalate_to", "number", "case_id", "from", "to", "fields", "risk_flags", "x"]


@st.composite
def ops(draw: st.DrawFn, node: str, case_ids: list[str]) -> dict[str, Any]:
    """A plausible op of some kind, with a few of its parts replaced by anything at all."""
    entity = draw(st.sampled_from([*ENTITIES, contract.CASE_FILE]))
    case_id = draw(st.sampled_from(case_ids))
    op: dict[str, Any] = {
        "op_id": str(uuid.UUID(int=draw(st.integers(0, 2**128 - 1)), version=4)),
        "hlc": f"{int(time.time() * 1000) - draw(st.integers(0, 10**6)):016d}-0000-{node}",
        "entity": entity,
        "entity_id": case_id if entity in ("case", "case_assignment") else str(uuid.uuid4()),
        "kind": draw(st.sampled_from(["create", "update", "transition", "append"])),
        "payload": {"case_id": case_id, "status": "accepted", "from": "accepted", "to": "assigned"},
    }
    for key in draw(st.lists(st.sampled_from(KEYS), max_size=2, unique=True)):
        op[key] = draw(VALUES)
    if isinstance(op["payload"], dict):
        for name in draw(st.lists(st.sampled_from(FIELDS), max_size=3, unique=True)):
            op["payload"][name] = draw(VALUES)
    return op


def _head(db) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.max(Change.seq))) or 0)


def test_random_ops_never_break_the_server_or_the_feed(district, district_db):
    desk, town = enroll(district, "XT-001"), enroll(district, town=TOWN_A)
    seeded = [desk.new_case() for _ in range(3)]
    assert all(r["status"] == "applied" for r in desk.push(seeded))
    case_ids = [op["entity_id"] for op in seeded]
    client = desk.http()

    @settings(
        max_examples=60,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(batch=st.lists(ops(desk.clock.node, case_ids), min_size=1, max_size=5))
    def one_batch(batch: list[dict[str, Any]]) -> None:
        before = _head(district_db)
        body = json.dumps({"ops": batch}, ensure_ascii=True, allow_nan=True).encode()
        r = client.post(contract.PUSH_PATH, content=body, headers={"Content-Type": "application/json"})
        assert r.status_code in (200, 400, 413), r.text
        if r.status_code != 200:
            assert r.json()["error"]["code"] in (contract.ERROR_BAD_REQUEST, contract.ERROR_BODY_TOO_LARGE)
            assert _head(district_db) == before  # a refused request applies nothing
            return
        results = r.json()["results"]
        assert len(results) == len(batch)
        if not any(x["status"] == "applied" for x in results):
            assert _head(district_db) == before  # rejected ops change nothing
        for reader in (desk, town):  # the feed stays servable to everyone who reads it
            with reader.http() as c:
                page = c.get(contract.PULL_PATH, params={"after": max(0, before - 5)})
                assert page.status_code == 200, page.text
        with town.http() as c:
            assert c.get(contract.TOWN_CASES_PATH).status_code == 200

    try:
        one_batch()
    finally:
        client.close()
    desk.pull_all()
    town.pull_all()
