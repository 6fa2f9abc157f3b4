"""Push and pull against the real server: per-op answers, idempotency, the merge policies, the
minimum-necessary rule and bad input of every kind."""

from __future__ import annotations

import socket

from district_helpers import enroll, new_id, statuses
from sqlalchemy import func, select

from mediation_desk.core import sync_contract as contract
from mediation_desk.district.models import AppliedOp, Change, Fact, FieldHistory, Record
from mediation_desk.mediation.dispute_types import DISPUTE_TYPES


def _count(db, model) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)))


def test_each_op_gets_its_own_answer(district):
    desk = enroll(district, "XT-001")
    case = desk.new_case()
    cid = case["entity_id"]
    results = desk.push(
        [
            case,
            desk.move(cid, "accepted", "assigned"),
            desk.move(cid, "accepted", "declined"),  # made offline before the desk saw the assignment
            desk.op("parcel", new_id(), "create", {}),
            case,  # the same op twice in one batch
        ]
    )
    assert statuses(results) == ["applied", "applied", "conflict", "rejected", "duplicate"]
    conflict = results[2]
    assert "已派单" in conflict["reason"] and conflict["server_state"]["status"] == "assigned"
    assert "parcel" in results[3]["reason"]
    again = desk.push([case])
    assert statuses(again) == ["duplicate"]
    changes, cursor = desk.pull_all()
    assert [c["data"]["status"] for c in changes] == ["accepted", "assigned"]
    assert all(c["committee_code"] == "XT-001" and c["origin_device"] == desk.device_id for c in changes)
    assert cursor == changes[-1]["seq"]


def _busy_day(desk) -> list[dict]:
    """A day of a desk's ops over every entity and kind."""
    cid, mediator, agreement = new_id(), new_id(), new_id()
    return [
        desk.op(
            "committee",
            new_id(),
            "create",
            {
                "code": "XT-001",
                "name": "谢家塘村人民调解委员会",
                "town": "谢塘镇",
                "village": "谢家塘村",
                "case_word": "谢",
            },
        ),
        desk.op(
            "mediator",
            mediator,
            "create",
            {
                "name": "谢阿根",
                "area": "谢家塘村",
                "skills": ["neighbour"],
                "available": True,
                "active": True,
                "title": "老娘舅",
            },
        ),
        desk.new_case(cid),
        desk.op("case_assignment", cid, "append", {"mediator_id": mediator, "chosen_by": "ranking"}),
        desk.move(cid, "accepted", "assigned"),
        desk.op(
            "session_record",
            new_id(),
            "append",
            {"case_id": cid, "outcome": "agreed", "held_at": "2026-11-28T02:00:00+00:00"},
        ),
        desk.move(cid, "assigned", "in_mediation"),
        desk.op(
            "agreement",
            agreement,
            "create",
            {"case_id": cid, "form": "written", "amount_fen": 50000, "reached_on": "2026-11-28"},
        ),
        desk.move(cid, "in_mediation", "agreed"),
        desk.op("agreement", agreement, "update", {"fields": {"effective_on": "2026-11-29"}}),
        desk.op(
            "attachment",
            new_id(),
            "append",
            {"case_id": cid, "kind": "photo", "size": 2048, "sha256": "a1391234567812345678" + "0" * 44},
        ),
        desk.op(
            "follow_up",
            new_id(),
            "append",
            {
                "case_id": cid,
                "performance_status": "fully_performed",
                "satisfaction": "satisfied",
                "renewed_conflict": False,
            },
        ),
    ]


def test_replaying_a_batch_doubles_nothing(district, district_db):
    desk = enroll(district, "XT-001")
    day = _busy_day(desk)
    assert statuses(desk.push(day)) == ["applied"] * len(day)
    counts = {m: _count(district_db, m) for m in (Change, Fact, Record, AppliedOp)}
    assert counts[AppliedOp] == len(day) and counts[Change] == len(day) and counts[Fact] == 4
    for _ in range(2):
        assert statuses(desk.push(day)) == ["duplicate"] * len(day)
    assert {m: _count(district_db, m) for m in counts} == counts
    changes, _ = desk.pull_all()
    assert [c["seq"] for c in changes] == list(range(1, len(day) + 1))
    facts = [c for c in changes if c["entity"] in ("session_record", "follow_up", "attachment", "case_assignment")]
    assert len({c["data"]["op_id"] for c in facts}) == 4
    case = [c for c in changes if c["entity"] == "case"][-1]
    assert case["data"]["status"] == "agreed"


def test_plain_fields_merge_last_writer_wins_and_keep_the_loser(district, district_db):
    first, second = enroll(district, "XT-001"), enroll(district, "XT-001")  # two seats of one committee
    mediator = new_id()
    created = first.op("mediator", mediator, "create", {"name": "谢阿根", "area": "一组"})
    assert statuses(first.push([created])) == ["applied"]
    early, late = first.clock.tick(), second.clock.tick()  # `late` is the later clock
    # The later edit arrives first; the earlier one then loses, and is kept in history.
    results = second.push([second.op("mediator", mediator, "update", {"fields": {"area": "三组"}}, late)])
    results += first.push(
        [first.op("mediator", mediator, "update", {"fields": {"area": "二组", "title": "老娘舅"}}, early)]
    )
    assert statuses(results) == ["applied", "applied"]
    changes, _ = second.pull_all()
    state = changes[-1]["data"]
    assert state["area"] == "三组" and state["title"] == "老娘舅"
    with district_db.read() as s:
        history = {
            (h.field, h.value, h.hlc) for h in s.scalars(select(FieldHistory).where(FieldHistory.entity_id == mediator))
        }
    assert history == {("area", "一组", created["hlc"]), ("area", "二组", early)}


def test_the_same_edits_in_either_order_end_the_same(district):
    desk_a, desk_b = enroll(district, "XT-001"), enroll(district, "XT-001")
    finals = []
    for order in (0, 1):
        mediator = new_id()
        desk_a.push([desk_a.op("mediator", mediator, "create", {"name": "谢阿根"})])
        one = desk_a.op("mediator", mediator, "update", {"fields": {"area": "一组", "available": False}})
        two = desk_b.op("mediator", mediator, "update", {"fields": {"area": "二组"}})
        for op in [one, two] if order == 0 else [two, one]:
            (desk_a if op is one else desk_b).push([op])
        changes, _ = desk_a.pull_all()
        finals.append(next(c["data"] for c in reversed(changes) if c["entity_id"] == mediator))
    assert finals[0] == finals[1]
    assert finals[0]["available"] is False


def test_case_status_moves_only_by_transitions(district):
    desk = enroll(district, "XT-001")
    case = desk.new_case()
    cid = case["entity_id"]
    desk.push([case, desk.move(cid, "accepted", "assigned")])
    results = desk.push(
        [
            desk.op("case", cid, "update", {"fields": {"status": "closed"}}),
            desk.new_case(cid, status="closed", amount_fen=5),  # a second create: fields merge, status stays
            desk.move(cid, "assigned", "closed"),  # not a move the state machine allows
            desk.move(cid, "assigned", "escalated", escalate_to="town"),
            desk.move(cid, "assigned", "escalated", escalate_to="town"),  # the same move by another route
            desk.move(cid, "escalated", "no_such_state"),
        ]
    )
    assert statuses(results) == ["rejected", "applied", "conflict", "applied", "applied", "rejected"]
    assert "transition" in results[0]["reason"]
    assert "不能从" in results[2]["reason"] and results[2]["server_state"]["status"] == "assigned"
    state = desk.pull_all()[0][-1]["data"]
    assert state["status"] == "escalated" and state["escalate_to"] == "town" and state["amount_fen"] == 5


def test_only_the_contract_fields_are_kept(district, district_db):
    desk = enroll(district, "XT-001")
    case = desk.new_case(nickname="王阿大的弟弟", note_for_district="东头第三户")
    with_parties = desk.new_case(parties=[{"name": "王永年", "id_number": "330604195001010011"}])
    phone_in_text = desk.op("mediator", new_id(), "create", {"name": "谢阿根", "area": "电话 13912345678"})
    id_in_text = desk.op("mediator", new_id(), "create", {"name": "谢阿根", "title": "330604195001010011"})
    update_phone = desk.op("mediator", new_id(), "update", {"fields": {"phone": "13912345678"}})
    results = desk.push([case, with_parties, phone_in_text, id_in_text, update_phone])
    assert statuses(results) == ["applied", "rejected", "rejected", "rejected", "rejected"]
    assert "parties" in results[1]["reason"]
    assert "电话" in results[2]["reason"] and "身份证" in results[3]["reason"]
    data = desk.pull_all()[0][0]["data"]
    assert "nickname" not in data and "note_for_district" not in data
    with district_db.read() as s:
        stored = s.get(Record, ("case", case["entity_id"]))
        assert stored is not None and "nickname" not in stored.data
    if district.database_url.startswith("sqlite"):
        raw = open(district.database_url.removeprefix("sqlite:///"), "rb").read()
        for secret in ("王阿大的弟弟", "东头第三户", "王永年", "13912345678", "330604195001010011"):
            assert secret.encode() not in raw, secret


UNKNOWN = "0b6f2c1e-5a4d-4e3f-9c8b-7a6d5e4f3a2b"  # a well-formed id the district has never seen
OP = {
    "op_id": "x",
    "hlc": "0001764336000123-0000-0de5c",
    "entity": "case",
    "entity_id": "c1e2b3a4-0000-4000-8000-000000000001",
    "kind": "create",
    "payload": {"status": "accepted"},
}


MALFORMED = [  # what is wrong with the op, and a word its rejection must name
    ({"entity": "parcel"}, "未知的数据类别"),
    ({"entity": None}, "未知的数据类别"),
    ({"kind": "delete"}, "操作类型"),
    ({"entity": "session_record", "kind": "update"}, "操作类型"),
    ({"hlc": "yesterday"}, "hlc"),
    ({"hlc": None}, "hlc"),
    ({"entity_id": ""}, "entity_id"),
    ({"entity_id": "c" * 65}, "entity_id"),
    ({"payload": None}, "payload"),
    ({"payload": "status=accepted"}, "payload"),
    ({"kind": "update", "payload": {"status": "accepted"}}, "fields"),
    ({"kind": "update", "entity_id": UNKNOWN, "payload": {"fields": {"amount_fen": 1}}}, "还没有"),
    ({"kind": "transition", "payload": {"to": "assigned"}}, "from"),
    ({"payload": {"status": "finished"}}, "status"),
    ({"payload": {"status": "accepted", "dispute_type": "x" * 201}}, "过长"),
    ({"payload": {"status": "accepted", "risk_flags": ["x"] * 51}}, "最多"),
    ({"payload": {"status": "accepted", "amount_fen": {"yuan": 1}}}, "整数"),
    ({"payload": {"status": "accepted", "risk_flags": [{"yuan": 1}]}}, "简单"),
    ({"entity": "session_record", "kind": "append", "payload": {"outcome": "agreed"}}, "case_id"),
    ({"entity": "session_record", "kind": "append", "payload": {"case_id": UNKNOWN}}, "还没有这个案件"),
    ({"entity": "agreement", "payload": {"form": "oral"}}, "case_id"),
    ({"entity": "case_file", "kind": "append", "payload": {"case_id": UNKNOWN}}, "还没有这个案件"),
    ({"payload": {"status": "accepted", "brief_facts": "两家因围墙争执"}}, "brief_facts"),
]


def test_malformed_ops_are_rejected_with_a_reason(district):
    desk = enroll(district, "XT-001")
    ops = [{**OP, **change, "op_id": new_id()} for change, _ in MALFORMED]
    for _ in range(2):  # judged again on replay, never remembered as done
        results = desk.push(ops)
        for (change, reason), result in zip(MALFORMED, results, strict=True):
            assert result["status"] == "rejected", (change, result)
            assert reason in result["reason"], (change, result)
    assert desk.pull_all()[0] == []


def test_bad_push_requests_are_refused_whole(district):
    desk = enroll(district, "XT-001")
    with desk.http() as c:

        def refused(status: int, **kw) -> dict:
            r = c.post(contract.PUSH_PATH, **kw)
            assert r.status_code == status, r.text
            return r.json()["error"]

        assert "JSON" in refused(400, content=b'{"ops": [', headers={"Content-Type": "application/json"})["message"]
        assert refused(400, json=[])["code"] == contract.ERROR_BAD_REQUEST
        assert refused(400, json={})["field"] == "ops"
        assert refused(400, json={"ops": "all of them"})["field"] == "ops"
        assert refused(400, json={"ops": [OP, 7]})["field"] == "ops[1].op_id"
        assert refused(400, json={"ops": [{**OP, "op_id": None}]})["field"] == "ops[0].op_id"
        big = refused(413, json={"ops": [{**OP, "op_id": new_id()} for _ in range(contract.MAX_PUSH_BATCH + 1)]})
        assert big["field"] == "ops" and str(contract.MAX_PUSH_BATCH) in big["message"]
        huge = b'{"ops": [], "pad": "' + b"x" * (contract.MAX_BODY_BYTES + 1) + b'"}'
        chunked = refused(413, content=iter([huge[:1024], huge[1024:]]), headers={"Content-Type": "application/json"})
        assert chunked["code"] == contract.ERROR_BODY_TOO_LARGE
        assert c.post(contract.PUSH_PATH, json={"ops": []}).json() == {"results": []}
    assert desk.pull_all()[0] == []  # nothing of the refused requests was applied
    # A declared length over the limit is refused before a byte of the body is read.
    with socket.create_connection(("127.0.0.1", district.port), timeout=30) as raw:
        raw.sendall(
            f"POST {contract.PUSH_PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {desk.token}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {contract.MAX_BODY_BYTES + 1}\r\n\r\n".encode()
        )
        answer = b""
        while contract.ERROR_BODY_TOO_LARGE.encode() not in answer and (chunk := raw.recv(65536)):
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 413") and contract.ERROR_BODY_TOO_LARGE.encode() in answer


def test_pull_pages_and_bad_cursors(district):
    desk = enroll(district, "XT-001")
    desk.push([desk.new_case() for _ in range(25)])
    with desk.http() as c:
        first = c.get(contract.PULL_PATH, params={"after": 0, "limit": 10}).json()
        assert [ch["seq"] for ch in first["changes"]] == list(range(1, 11))
        assert first["next_cursor"] == 10 and first["has_more"] is True
        last = c.get(contract.PULL_PATH, params={"after": 20, "limit": 10}).json()
        assert len(last["changes"]) == 5 and last["next_cursor"] == 25 and last["has_more"] is False
        for params, field in (
            [{"after": -1}, "after"],
            [{"after": "abc"}, "after"],
            [{"after": 1.5}, "after"],
            [{"limit": 0}, "limit"],
            [{"limit": contract.MAX_PULL_PAGE + 1}, "limit"],
            [{"after": 2**70}, "after"],
        ):
            r = c.get(contract.PULL_PATH, params=params)
            assert r.status_code == 400 and r.json()["error"]["field"] == field, (params, r.text)
        ahead = c.get(contract.PULL_PATH, params={"after": 26})
        assert ahead.status_code == 409 and ahead.json()["error"]["code"] == contract.ERROR_CURSOR_AHEAD
    changes, cursor = desk.pull_all(limit=7)
    assert [ch["seq"] for ch in changes] == list(range(1, 26)) and cursor == 25


def test_reference_data_flows_down(district):
    desk = enroll(district, "XT-001")
    with desk.http() as c:
        before = c.get(contract.REFERENCE_PATH).json()
        assert [t["code"] for t in before["dispute_types"]] == [t.code for t in DISPUTE_TYPES]
        labour = next(t for t in before["dispute_types"] if t["code"] == "labour")
        assert {"code": "unpaid_wages", "label": "拖欠农民工工资"} in labour["subtypes"]
        assert before["settings"]["max_push_batch"] == contract.MAX_PUSH_BATCH
        district.admin("setting", "set", "district_name", '"上虞区"', "--reason", "区名")
        after = c.get(contract.REFERENCE_PATH).json()
    assert after["settings"]["district_name"] == "上虞区" and after["version"] != before["version"]
