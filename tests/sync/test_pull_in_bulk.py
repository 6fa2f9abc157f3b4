"""A pull applies each page of the district's feed in bulk (one insert-or-replace for the page's
mirror rows) and still stores a page and its cursor together: a page that fails leaves neither,
the next pull resumes there, and the desk ends up holding exactly the district's latest state of
every entity, its own rows merged as before. A malformed answer stores nothing."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

import pytest
from service_helpers import Env
from sqlalchemy import func, select
from sync_helpers import FAST, bulk_offline_work, district_db, enroll, mirror, server_feed, sync_until_quiet

from mediation_desk.core import hlc as hlc_rules
from mediation_desk.core import sync_contract as contract
from mediation_desk.district import feed
from mediation_desk.district.models import Change
from mediation_desk.errors import DeskError
from mediation_desk.mediation import states
from mediation_desk.mediation.models_case import MediationCase
from mediation_desk.sync import apply, pull, state
from mediation_desk.sync.errors import ServerFailure
from mediation_desk.sync.models import DistrictRecord
from mediation_desk.sync.sync_round import ready_client

pytestmark = pytest.mark.usefixtures("district")
PAGE = 7  # small pages: many of them, and entities changed on several


def cursor(env: Env) -> int:
    with env.desk.read() as s:
        return state.cursor(s)


def records(env: Env) -> dict[tuple[str, str], tuple[Any, ...]]:
    """Every mirror row of the desk, all columns but when it was pulled."""
    with env.desk.read() as s:
        return {
            (r.entity, r.entity_id): (r.committee_code, r.origin_device, r.own, r.hlc, r.seq, r.data)
            for r in s.scalars(select(DistrictRecord))
        }


def pull_all(env: Env, page_size: int = PAGE) -> pull.PullTally:
    _settings, client = ready_client(env.desk, FAST)
    with client:
        return pull.pull_changes(env.desk, client, page_size=page_size)


def test_pages_in_bulk_hold_the_districts_latest_state(district, desk_a: Env, desk_b: Env) -> None:
    enroll(district, desk_a)
    enroll(district, desk_b)
    bulk_offline_work(desk_a, 12)  # 60 ops: cases created and moved twice, assignments, notes
    sync_until_quiet(desk_a)
    folded, _head = server_feed(district, "XT-001")

    tally = pull_all(desk_b)

    assert tally.pulled == len(_feed(district)) > len(folded)  # cases moved twice: three changes each
    assert tally.pages == -(-tally.pulled // PAGE)
    assert mirror(desk_b) == folded
    with desk_b.desk.read() as s:
        rows = list(s.scalars(select(DistrictRecord)))
    by_seq = {c.seq: c for c in _feed(district)}
    for r in rows:  # each row is the change that left it so, not only its data
        change = by_seq[r.seq]
        assert (r.entity, r.entity_id, r.hlc, r.committee_code, r.origin_device, r.own) == (
            change.entity,
            change.entity_id,
            change.hlc,
            change.committee_code,
            change.origin_device,
            False,  # born on desk a
        )
        assert r.pulled_at.tzinfo is not None
    with desk_b.desk.db.read_engine.connect() as conn:  # stored in the form every other write gives
        stored = conn.exec_driver_sql("SELECT DISTINCT typeof(pulled_at), pulled_at, typeof(data) FROM district_record")
        for kind, text, data_kind in stored:
            assert (kind, data_kind) == ("text", "text") and re.fullmatch(
                r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}", text
            )
    # Pulling again changes nothing; the desk that made the rows marks them as its own.
    before = records(desk_b)
    assert pull_all(desk_b).pulled == 0 and records(desk_b) == before
    pull_all(desk_a, page_size=contract.MAX_PULL_PAGE)
    own = records(desk_a)
    assert {k: v[5] for k, v in own.items()} == folded
    assert all(v[2] for (entity, _), v in own.items() if entity == "case")


def test_a_page_that_fails_leaves_neither_its_rows_nor_its_cursor(
    district, desk_a: Env, desk_b: Env, monkeypatch
) -> None:
    enroll(district, desk_a)
    enroll(district, desk_b)
    bulk_offline_work(desk_a, 6)
    sync_until_quiet(desk_a)
    folded, _head = server_feed(district, "XT-001")
    real = apply._mirror
    calls = {"n": 0}

    def fails_on_the_third_page(uow, latest, own):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        stored = real(uow, latest, own)  # written, then the unit of work fails after it
        if calls["n"] == 3:
            raise DeskError("断电")
        return stored

    monkeypatch.setattr(apply, "_mirror", fails_on_the_third_page)
    with pytest.raises(DeskError):
        pull_all(desk_b)
    seqs = sorted(c.seq for c in _feed(district))
    assert cursor(desk_b) == seqs[2 * PAGE - 1]  # two pages stored, the third not
    with desk_b.desk.read() as s:
        assert s.scalar(select(func.max(DistrictRecord.seq))) == seqs[2 * PAGE - 1]
        assert s.scalar(select(func.count()).select_from(DistrictRecord)) == len(
            {(c.entity, c.entity_id) for c in _feed(district)[: 2 * PAGE]}
        )

    monkeypatch.setattr(apply, "_mirror", real)
    pull_all(desk_b)
    assert mirror(desk_b) == folded and cursor(desk_b) == seqs[-1]


def test_the_desks_own_rows_still_merge_and_follow_the_districts_status(district, desk_a: Env) -> None:
    enroll(district, desk_a)
    bulk_offline_work(desk_a, 3)
    sync_until_quiet(desk_a)
    with desk_a.desk.read() as s:
        case_ids = list(s.scalars(select(MediationCase.id)))
    # Another desk of the district moved one of them back (as the district's feed would show it).
    target = case_ids[0]
    with desk_a.desk.read() as s:
        record = s.get(DistrictRecord, ("case", target))
        assert record is not None and record.own
        data, hlc = dict(record.data), record.hlc
    data["status"], data["amount_fen"] = states.ESCALATED, 4321
    last = hlc_rules.Timestamp.decode(hlc)
    later = contract.Change(
        seq=10**6,
        entity="case",
        entity_id=target,
        committee_code="XT-001",
        hlc=hlc_rules.Timestamp(last.wall_ms + 1000, 0, "district").encode(),
        data=data,
    )
    with desk_a.desk.write(pull.SYNC_ACTOR) as uow:
        tally = apply.apply_page(
            uow, [later], committee_code="XT-001", scope=contract.SCOPE_COMMITTEE, node=desk_a.desk.node
        )
    assert (tally.own_updated, tally.status_changes, tally.stored) == (1, 1, 1)
    with desk_a.desk.read() as s:
        case = s.get(MediationCase, target)
        assert case is not None and (case.status, case.amount_fen) == (states.ESCALATED, 4321)
        assert s.get(DistrictRecord, ("case", target)).seq == 10**6  # type: ignore[union-attr]


class Malformed:
    """A district answering a page without the fields of a change."""

    def __init__(self, answer: dict[str, Any]) -> None:
        self.answer = answer

    def pull(self, after: int, limit: int) -> dict[str, Any]:
        return self.answer


@pytest.mark.parametrize(
    "answer",
    [
        {"changes": [{"seq": 1, "entity": "case"}], "next_cursor": 1, "has_more": False},
        {
            "changes": [
                {"seq": "一", "entity": "case", "entity_id": "x", "committee_code": "XT-001", "hlc": "h", "data": {}}
            ],
            "next_cursor": 1,
        },
        {"changes": [], "next_cursor": "末"},
    ],
)
def test_a_malformed_page_stores_nothing(desk_a: Env, answer: dict[str, Any]) -> None:
    before = records(desk_a)
    with pytest.raises(ServerFailure):
        pull.pull_changes(desk_a.desk, Malformed(answer))  # type: ignore[arg-type]
    assert records(desk_a) == before and cursor(desk_a) == 0


def test_the_feed_on_the_wire_has_the_contracts_fields(district, desk_a: Env) -> None:
    enroll(district, desk_a)
    bulk_offline_work(desk_a, 1)
    sync_until_quiet(desk_a)
    row = _feed(district)[0]
    wire = feed.on_the_wire(row)  # type: ignore[arg-type]
    assert list(wire) == [f.name for f in dataclasses.fields(contract.Change)]
    assert contract.change_from_wire(wire) == row


def _feed(district) -> list[contract.Change]:  # type: ignore[no-untyped-def]
    """The committee's feed as the desk receives it, in order."""
    with district_db(district) as db, db.read() as s:
        return [
            contract.Change(
                seq=c.seq,
                entity=c.entity,
                entity_id=c.entity_id,
                committee_code=c.committee_code,
                hlc=c.hlc,
                data=dict(c.data),
                origin_device=c.origin_device,
            )
            for c in s.scalars(select(Change).where(Change.committee_code == "XT-001").order_by(Change.seq))
        ]
