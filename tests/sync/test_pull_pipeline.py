"""The first pull's speed-ups keep what the desk receives and stores the same: the district splices
each change's stored JSON into the page as it is (and parses only what would not read back the
same), the desk sorts a page out before its transaction on the thread that read it, two pulls
of one desk at once still store each page once, and the cycle collector is left as it was."""

from __future__ import annotations

import gc
import json
import threading
import time
from typing import Any

import orjson
import pytest
from service_helpers import Env
from sqlalchemy import create_engine, func, select
from sync_helpers import (
    FAST,
    bulk_offline_work,
    district_db,
    enroll,
    mirror,
    server_feed,
    sync,
    sync_until_quiet,
)

from mediation_desk.core import sync_contract as contract
from mediation_desk.core.audit import verify_chain
from mediation_desk.core.models import AuditRecord
from mediation_desk.district import feed, http_errors
from mediation_desk.district.enrollment import DeviceScope
from mediation_desk.district.models import Change, Committee
from mediation_desk.sync import page as pages
from mediation_desk.sync import pull, state
from mediation_desk.sync.errors import ServerFailure
from mediation_desk.sync.feed_reader import FeedReader
from mediation_desk.sync.models import DistrictRecord
from mediation_desk.sync.sync_round import ready_client


def committee_device(district: Any, code: str = "XT-001") -> DeviceScope:
    with district_db(district) as db, db.read() as s:
        committee = s.scalars(select(Committee).where(Committee.code == code)).one()
        return DeviceScope("reader", contract.SCOPE_COMMITTEE, committee.town_id, "谢塘镇", committee.id, code)


def parsed_page(district: Any, device: DeviceScope, after: int, limit: int) -> dict[str, Any]:
    """The page as it was made before the stored JSON was spliced in: every change parsed."""
    with district_db(district) as db, db.read() as s:
        rows = list(
            s.scalars(feed.in_scope(select(Change).where(Change.seq > after), device).order_by(Change.seq).limit(limit))
        )
        return {"changes": [feed.on_the_wire(r) for r in rows]}


def test_a_spliced_page_reads_back_as_a_parsed_one(district, desk_a: Env) -> None:
    enroll(district, desk_a)
    bulk_offline_work(desk_a, 30)  # Chinese case numbers, nulls, lists, dates
    sync_until_quiet(desk_a)
    device = committee_device(district)
    with district_db(district) as db, db.read() as s:
        page = feed.pull(s, device, 0, 100)
    sent = orjson.loads(http_errors.stored_json_bytes(page))
    assert sent["changes"] == parsed_page(district, device, 0, 100)["changes"]
    assert len(sent["changes"]) == 100 and sent["has_more"] is True


def test_values_stored_before_the_wire_checks_reach_the_desk_as_before(district, desk_a: Env, desk_b: Env) -> None:
    """NaN comes as null and a lone surrogate as "?", in that change only; a surrogate pair (an
    emoji) comes whole."""
    if not district.database_url.startswith("sqlite"):
        pytest.skip("PostgreSQL's JSONB never held NaN or a lone surrogate")
    enroll(district, desk_a)
    enroll(district, desk_b)
    bulk_offline_work(desk_a, 3)
    sync_until_quiet(desk_a)
    with district_db(district) as db, db.write() as s:
        last = {}  # each case's latest change: what the desk's mirror ends up holding
        for change in s.scalars(select(Change).where(Change.entity == "case").order_by(Change.seq)):
            last[change.entity_id] = change
        first, second, third = last.values()
        stored = {  # as text, as an old district's JSON column held them
            first.seq: json.dumps({**first.data, "amount_fen": float("nan")}),
            second.seq: json.dumps({**second.data, "dispute_subtype": "邻里\ud800"}),
            third.seq: json.dumps({**third.data, "dispute_subtype": "邻里😀"}),
        }
        for seq, text in stored.items():
            s.connection().exec_driver_sql("UPDATE change_feed SET data = ? WHERE seq = ?", (text, seq))
    _settings, client = ready_client(desk_b.desk, FAST)
    with client:
        pull.pull_changes(desk_b.desk, client, page_size=4)
    held = mirror(desk_b)
    assert held[("case", first.entity_id)]["amount_fen"] is None
    assert held[("case", second.entity_id)]["dispute_subtype"] == "邻里?"
    assert held[("case", third.entity_id)]["dispute_subtype"] == "邻里😀"
    assert held[("case", third.entity_id)]["amount_fen"] == third.data["amount_fen"]


def test_a_page_made_ready_from_the_wire_is_the_page_of_its_changes() -> None:
    """What the pull makes of a page on the reading thread is what `apply_page` makes of the same
    changes: the latest state of each entity of the committee, in first-seen order, mirrored in
    key order with its data as the desk stores it; another committee's changes counted apart."""
    wire = [
        {"seq": 7, "entity": "case", "entity_id": "b", "committee_code": "XT-001", "hlc": "h7", "data": {"n": 1}},
        {"seq": 8, "entity": "case", "entity_id": "a", "committee_code": "XT-001", "hlc": "h9", "data": {"n": 2}},
        {"seq": 9, "entity": "case", "entity_id": "b", "committee_code": "XT-001", "hlc": "h8", "data": {"名": 3}},
        {"seq": 10, "entity": "case", "entity_id": "c", "committee_code": "XT-002", "hlc": "hz", "data": {}},
    ]
    ready = pages.from_wire(wire, "XT-001", contract.SCOPE_COMMITTEE, json.dumps)
    of_changes = pages.of_changes(
        [contract.change_from_wire(c) for c in wire], "XT-001", contract.SCOPE_COMMITTEE, json.dumps
    )
    for page in (ready, of_changes):
        assert (page.foreign, page.latest_hlc) == (1, "hz")
        assert list(page.latest) == [("case", "b"), ("case", "a")]
        assert page.change(("case", "b")) == contract.change_from_wire(wire[2])
        assert page.mirror == [
            ("case", "a", "XT-001", None, "h9", 8, '{"n": 2}'),
            ("case", "b", "XT-001", None, "h8", 9, '{"\\u540d": 3}'),
        ]
        assert json.loads(page.maybe_own["case"]) == ["b", "a"]
    town = pages.from_wire(wire, None, contract.SCOPE_TOWN, json.dumps)
    assert town.foreign == 0 and ("case", "c") in town.latest


class Pages:
    """A district answering numbered pages (`after` + 1 …), failing at `fail_at` if given."""

    def __init__(self, last: int, fail_at: int | None = None) -> None:
        self.last, self.fail_at, self.asked = last, fail_at, 0

    def pull(self, after: int, limit: int) -> dict[str, Any]:
        self.asked += 1
        if after == self.fail_at:
            raise ServerFailure("HTTP 500")
        return {"changes": [after + 1], "next_cursor": after + 1, "has_more": after + 1 < self.last}


def test_the_reader_hands_over_the_pages_in_order_and_then_the_failure() -> None:
    with FeedReader(Pages(3), 0, 1, lambda body: body["changes"]) as reader:  # type: ignore[arg-type]
        assert [(a.page, a.next_cursor, a.more) for a in (reader.next(), reader.next(), reader.next())] == [
            ([1], 1, True),
            ([2], 2, True),
            ([3], 3, False),
        ]
    with FeedReader(Pages(9, fail_at=2), 0, 1, lambda body: body["changes"]) as reader:  # type: ignore[arg-type]
        assert reader.next().page == [1] and reader.next().page == [2]
        with pytest.raises(ServerFailure):
            reader.next()


def test_a_reader_stopped_while_pages_wait_stops_at_once() -> None:
    district = Pages(10**6)
    reader = FeedReader(district, 0, 1, lambda body: body)  # type: ignore[arg-type]
    time.sleep(0.2)  # the queue is full, the reader waits to hand over the next page
    started = time.monotonic()
    reader.close()
    assert time.monotonic() - started < 1 and district.asked < 10


def test_two_pulls_of_one_desk_at_once_store_each_page_once(district, desk_a: Env, desk_b: Env) -> None:
    enroll(district, desk_a)
    enroll(district, desk_b)
    sync(desk_b)
    bulk_offline_work(desk_a, 40)  # 200 changes: 20 pages of 10
    sync_until_quiet(desk_a)
    folded, head = server_feed(district, "XT-001")
    with desk_b.desk.read() as s:
        audits_before = s.scalar(select(func.count()).select_from(AuditRecord)) or 0
    failures: list[BaseException] = []

    def pull_all() -> None:
        try:
            _settings, client = ready_client(desk_b.desk, FAST)
            with client:
                pull.pull_changes(desk_b.desk, client, page_size=10)
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            failures.append(exc)

    threads = [threading.Thread(target=pull_all) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failures
    with desk_b.desk.read() as s:
        assert state.cursor(s) == head
        pulls = s.scalars(
            select(AuditRecord.detail).where(AuditRecord.action == "sync.pull", AuditRecord.seq > audits_before)
        ).all()
        assert verify_chain(s).ok
    # Each page stored once: the cursors the audit records follow one another without repeat.
    cursors = [d["cursor"] for d in pulls]
    assert cursors == sorted(set(cursors)) and cursors[-1] == head
    assert mirror(desk_b) == folded
    assert gc.get_freeze_count() == 0  # the collector as it was


def test_a_process_that_froze_objects_itself_keeps_them_frozen() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with pull._old_objects_set_aside():
            assert gc.get_freeze_count() == frozen
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
    with pull._old_objects_set_aside():
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0


def test_the_mirror_stores_what_the_column_reads_back_alike(tmp_path) -> None:
    """The mirror's data is written as orjson's text where the column would write the standard
    module's: read back through the column it is the same object, Chinese, nulls, nesting and an
    integer beyond 64 bits (which orjson does not write) included."""
    engine = create_engine(f"sqlite:///{tmp_path / 'mirror.sqlite3'}")
    DistrictRecord.__table__.create(engine)
    to_stored = pages.stored_form(engine.dialect)
    values = [
        {"名": "邻里纠纷", "amount_fen": 120000, "parties": [{"name": "王", "phone": None}], "ok": True},
        {"big": 2**70, "neg": -(2**65), "x": 1.5},
        {},
    ]
    with engine.begin() as conn:
        for k, value in enumerate(values):
            conn.exec_driver_sql(
                "INSERT INTO district_record (entity, entity_id, committee_code, own, hlc, seq, data, pulled_at) "
                "VALUES ('case', ?, 'XT-001', 0, 'h', ?, ?, '2026-12-05 00:00:00')",
                (str(k), k, to_stored(value)),
            )
        read = dict(conn.execute(select(DistrictRecord.entity_id, DistrictRecord.data)).all())
    assert [read[str(k)] for k in range(len(values))] == values
    engine.dispose()
