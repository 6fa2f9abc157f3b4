"""What once poisoned the district is turned away op by op: each poisonous value, sent as an
attacker would (raw bytes, not through a well-behaved JSON encoder), is rejected with its field and
rule while the rest of its batch applies, and afterwards every reader of the feed is still served."""

from __future__ import annotations

import json
import time
from typing import Any

import httpx
import pytest
from district_helpers import TOWN_A, Desk, enroll, statuses

from mediation_desk.core import sync_contract as contract

ID_NUMBER = "110105194912310021"
MOBILE = "13812345678"


def _raw_push(desk: Desk, ops: list[dict[str, Any]], *, splice: dict[str, str] | None = None) -> httpx.Response:
    """POST the ops as bytes; `splice` replaces quoted markers with raw JSON text (NaN, \\ud800…)."""
    body = json.dumps({"ops": ops}, ensure_ascii=True)
    for marker, raw in (splice or {}).items():
        body = body.replace(json.dumps(marker), raw)
    with desk.http() as c:
        return c.post(contract.PUSH_PATH, content=body.encode(), headers={"Content-Type": "application/json"})


def _all_readers_served(desk: Desk, town: Desk) -> None:
    desk.pull_all()
    town.pull_all()
    with town.http() as c:
        r = c.get(contract.TOWN_CASES_PATH)
        assert r.status_code == 200, r.text
        for case in r.json()["cases"]:
            assert c.get(contract.town_case_path(case["case_id"])).status_code == 200


POISON = [  # (what is sent in place of a value, a word its rejection names)
    ("NaN", "整数"),
    ("Infinity", "整数"),
    ("-Infinity", "整数"),
    ("1e400", "整数"),
    ('"\\ud800"', "整数"),
    ('"a\\u0000b"', "整数"),
    (str(10**30), "之间"),
    ("[1, 2]", "整数"),
]


@pytest.mark.parametrize("raw,word", POISON, ids=[p[0] for p in POISON])
def test_a_poisonous_number_rejects_its_op_only(district, raw, word):
    desk, town = enroll(district, "XT-001"), enroll(district, town=TOWN_A)
    good, bad = desk.new_case(), desk.new_case(amount_fen="POISON")
    response = _raw_push(desk, [bad, good], splice={"POISON": raw})
    assert response.status_code == 200, response.text
    rejected, applied = response.json()["results"]
    assert (rejected["status"], applied["status"]) == ("rejected", "applied")
    assert word in rejected["reason"] and "amount_fen" in rejected["reason"], rejected
    assert rejected["reason_code"] == contract.REASON_CODE_INVALID
    _all_readers_served(desk, town)


TEXT_POISON = [  # (where a lone surrogate or NUL goes, by key path)
    ("dispute_type", '"\\ud800"'),
    ("risk_flags", '["\\udfff"]'),
    ("dispute_subtype", '"x\\u0000"'),
]


@pytest.mark.parametrize("field,raw", TEXT_POISON)
def test_broken_text_anywhere_in_an_op_is_rejected_not_a_500(district, field, raw):
    desk, town = enroll(district, "XT-001"), enroll(district, town=TOWN_A)
    bad = desk.new_case(**{field: "POISON"})
    key_poison = desk.new_case()
    key_poison["payload"]["KEY"] = 1
    entity_poison = {**desk.new_case(), "entity": "POISON"}
    response = _raw_push(
        desk, [bad, key_poison, entity_poison, desk.new_case()], splice={"POISON": raw, "KEY": '"\\ud800"'}
    )
    assert response.status_code == 200, response.text
    assert statuses(response.json()["results"]) == ["rejected", "applied", "rejected", "applied"]
    _all_readers_served(desk, town)


def test_escalate_to_must_be_a_known_level(district):
    desk = enroll(district, "XT-001")
    case = desk.new_case()
    cid = case["entity_id"]
    results = desk.push(
        [
            case,
            desk.move(cid, "accepted", "escalated", escalate_to=["town"]),
            desk.move(cid, "accepted", "escalated", escalate_to="t" * 17),
            desk.move(cid, "accepted", "escalated", escalate_to="town"),
        ]
    )
    assert statuses(results) == ["applied", "rejected", "rejected", "applied"]
    assert "escalate_to" in results[1]["reason"] and "escalate_to" in results[2]["reason"]


def test_ids_with_nul_or_broken_text_are_refused_cleanly(district):
    desk, town = enroll(district, "XT-001"), enroll(district, town=TOWN_A)
    # An op id that cannot be answered by refuses the request (400), naming it; the desk learns why.
    r = _raw_push(desk, [{**desk.new_case(), "op_id": "OPID"}], splice={"OPID": '"a\\u0000b"'})
    assert r.status_code == 400 and r.json()["error"]["field"] == "ops[0].op_id"
    r = _raw_push(desk, [{**desk.new_case(), "op_id": "OPID"}], splice={"OPID": '"\\ud800"'})
    assert r.status_code == 400 and r.json()["error"]["field"] == "ops[0].op_id"
    with town.http() as c:
        for path in ("a%00b", "%ED%A0%80", "x" * 65):
            r = c.get(f"{contract.TOWN_CASES_PATH}/{path}")
            assert r.status_code == 404 and r.json()["error"]["code"] == contract.ERROR_NOT_FOUND
        # The connection is still good after each refusal.
        assert c.get(contract.TOWN_CASES_PATH).status_code == 200
    _all_readers_served(desk, town)


def test_clocks_ahead_are_held_and_odd_digits_refused(district):
    desk = enroll(district, "XT-001")
    node = desk.clock.node
    far = desk.new_case()
    far["hlc"] = f"9999999999999999-0000-{node}"
    soon = desk.new_case()
    soon["hlc"] = f"{int(time.time() * 1000) + 3_600_000:016d}-0000-{node}"  # an hour ahead
    wide = desk.new_case()
    wide["hlc"] = "０００１７６４３３６０００１２３-0000-" + node  # full-width digits
    long_node = desk.new_case()
    long_node["hlc"] = "0001764336000123-0000-" + ID_NUMBER
    desk_ops = [far, soon, wide, long_node, desk.new_case()]
    results = desk.push(desk_ops)
    assert statuses(results) == ["rejected", "rejected", "rejected", "rejected", "applied"]
    assert results[0]["reason_code"] == results[1]["reason_code"] == contract.REASON_CODE_CLOCK_AHEAD
    assert "时钟" in results[1]["reason"] and "快了" in results[1]["reason"]
    assert results[2]["reason_code"] == results[3]["reason_code"] == contract.REASON_CODE_INVALID
    # Nothing of the refused ops is on the server: the later ops of other desks still win merges.
    changes, _ = desk.pull_all()
    assert [c["entity_id"] for c in changes] == [results[4] and desk_ops[4]["entity_id"]]


def test_personal_numbers_are_found_wherever_they_hide(district):
    desk = enroll(district, "XT-001")
    sneaky = [
        desk.new_case(number=f"（2026）谢调字第 {ID_NUMBER} 号"),
        desk.new_case(dispute_type="138.1234.5678"),
        desk.new_case(dispute_subtype="１３８１２３４５６７８"),
        desk.new_case(persons_involved=int(MOBILE)),
        desk.new_case(amount_fen=int(ID_NUMBER)),
        desk.new_case(risk_flags=[int(MOBILE)]),
        {**desk.new_case(), "entity_id": ID_NUMBER},
        {**desk.new_case(), "op_id": ID_NUMBER},
    ]
    results = desk.push([*sneaky, desk.new_case()])
    assert statuses(results) == ["rejected"] * len(sneaky) + ["applied"]
    assert results[1]["reason_code"] == results[2]["reason_code"] == contract.REASON_CODE_PERSONAL_DATA
    changes, _ = desk.pull_all()
    text = json.dumps(changes, ensure_ascii=False)
    assert ID_NUMBER not in text and "1234" not in text and MOBILE not in text


def test_op_ids_are_unique_per_device_only(district):
    first, second = enroll(district, "XT-001"), enroll(district, "XT-001")
    op = first.new_case()
    assert statuses(first.push([op])) == ["applied"]
    # Another device sending the same op id: its own op, applied (not "duplicate", which would drop it
    # silently and tell it the other device's id exists).
    copy = {**second.new_case(), "op_id": op["op_id"]}
    assert statuses(second.push([copy])) == ["applied"]
    assert statuses(second.push([copy])) == ["duplicate"]
    assert statuses(first.push([op])) == ["duplicate"]
    changes, _ = first.pull_all()
    assert {c["entity_id"] for c in changes} == {op["entity_id"], copy["entity_id"]}


def test_parse_errors_answer_in_chinese_naming_the_body(district):
    desk = enroll(district, "XT-001")
    with desk.http() as c:
        for body, word in (
            (b'{"ops": [', "第 1 行"),
            (b'{"ops": NaN}', "请求内容须是"),
            (b"\xff\xfe", "UTF-8"),
            (b"[" * 100 + b"]" * 100, "嵌套"),
            (b"", "缺少内容"),
        ):
            r = c.post(contract.PUSH_PATH, content=body, headers={"Content-Type": "application/json"})
            error = r.json()["error"]
            assert r.status_code == 400 and error["field"] in ("body", "ops"), (body, error)
            assert word in error["message"] and not any("a" <= ch <= "z" for ch in error["message"][:4]), error
        many = b'{"ops": [' + b",".join([b"{}"] * 100_000) + b"]}"
        r = c.post(contract.PUSH_PATH, content=many, headers={"Content-Type": "application/json"})
        assert r.status_code == 413 and "对象过多" in r.json()["error"]["message"]
        assert c.post(contract.PUSH_PATH, json={"ops": []}).json() == {"results": []}


def test_the_token_is_checked_before_the_body_is_read(district):
    """A stranger's body is never read: a declared 8 MB body without a token is answered 401 at
    once, before the client has sent a byte of it."""
    import socket

    with socket.create_connection(("127.0.0.1", district.port), timeout=30) as raw:
        raw.sendall(
            f"POST {contract.PUSH_PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer nope\r\n"
            f"Content-Type: application/json\r\nContent-Length: {contract.MAX_PUSH_BYTES}\r\n\r\n".encode()
        )
        answer = b""
        while contract.ERROR_TOKEN_INVALID.encode() not in answer and (chunk := raw.recv(65536)):
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 401") and contract.ERROR_TOKEN_INVALID.encode() in answer


def test_a_value_stored_before_the_checks_is_served_not_a_500(district, district_db):
    """A district attacked before these checks may hold a NaN already: every reader is still served."""
    from sqlalchemy import update

    from mediation_desk.district.models import Change, Record

    desk, town = enroll(district, "XT-001"), enroll(district, town=TOWN_A)
    case = desk.new_case()
    assert statuses(desk.push([case])) == ["applied"]
    if not district.database_url.startswith("sqlite"):
        pytest.skip("PostgreSQL's JSONB never stored NaN: the old push failed instead")
    with district_db.write() as s:
        poisoned = {**case["payload"], "amount_fen": float("nan")}
        s.execute(update(Record).where(Record.entity_id == case["entity_id"]).values(data=poisoned))
        s.execute(update(Change).where(Change.entity_id == case["entity_id"]).values(data=poisoned))
    changes, _ = desk.pull_all()
    assert changes[0]["data"]["amount_fen"] is None
    with town.http() as c:
        [listed] = c.get(contract.TOWN_CASES_PATH).json()["cases"]
        assert listed["amount_fen"] is None
        assert c.get(contract.town_case_path(case["entity_id"])).status_code == 200
