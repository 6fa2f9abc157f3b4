"""Escalation to the town: the case file goes up, the town reads it and takes the case over,
and the origin desk pulls the take-over."""

from __future__ import annotations

from district_helpers import TOWN_A, TOWN_B, enroll, new_id, statuses

from mediation_desk.core import sync_contract as contract

CASE_FILE = {
    "parties": [{"name": "王永年", "id_number": "330604195001010011", "phone": "13912345678"}],
    "brief_facts": "两家因宅基地边界的围墙高度发生争执",
    "sessions": [{"text": "第一次调解未果"}],
}


def _escalated(desk, to: str = "town") -> tuple[str, list[dict]]:
    case = desk.new_case()
    cid = case["entity_id"]
    return cid, [case, desk.move(cid, "accepted", "escalated", escalate_to=to)]


def test_the_town_reads_the_file_and_takes_the_case_over(district):
    desk, town = enroll(district, "XT-001"), enroll(district, town=TOWN_A)
    cid, ops = _escalated(desk)
    file_op = desk.op("case_file", cid, "append", {"case_id": cid, **CASE_FILE})
    assert statuses(desk.push([*ops, file_op])) == ["applied"] * 3
    with town.http() as c:
        escalated = c.get(contract.TOWN_CASES_PATH, params={"escalated": "true"}).json()["cases"]
        assert [x["case_id"] for x in escalated] == [cid] and escalated[0]["escalated_to_town"] is True
        detail = c.get(contract.town_case_path(cid)).json()
        assert detail["case"]["status"] == "escalated"
        [stored] = detail["case_files"]
        assert stored["content"] == {"case_id": cid, **CASE_FILE} and stored["case_file_id"] == file_op["op_id"]

        taken = c.post(contract.take_over_path(cid))
        assert taken.status_code == 200 and taken.json()["changed"] is True
        assert taken.json()["case"][contract.TAKEN_OVER_BY] == TOWN_A
        again = c.post(contract.take_over_path(cid)).json()  # a retried request is harmless
        assert again["changed"] is False and again["case"] == taken.json()["case"]

    changes, _ = desk.pull_all()
    file_change = next(ch for ch in changes if ch["entity"] == "case_file")
    assert file_change["data"]["case_file_id"] == file_op["op_id"] and "parties" not in file_change["data"]
    last = changes[-1]
    assert last["entity"] == "case" and last["entity_id"] == cid and last["origin_device"] == town.device_id
    assert last["data"][contract.TAKEN_OVER_BY] == TOWN_A and last["data"][contract.TAKEN_OVER_AT]
    assert last["hlc"] > ops[-1]["hlc"] and last["hlc"].endswith("-district")  # wins LWW on the desk
    assert sum(1 for ch in changes if ch["entity"] == "case") == 3  # create, escalate, take-over: once
    town_feed = town.pull_all()[0]
    assert [ch["entity"] for ch in town_feed] == ["case", "case", "case_file", "case"]


def test_a_case_file_only_for_a_case_escalated_to_the_town(district):
    desk = enroll(district, "XT-001")
    open_case = desk.new_case()
    county_cid, county_ops = _escalated(desk, "county")
    results = desk.push(
        [
            open_case,
            *county_ops,
            desk.op("case_file", open_case["entity_id"], "append", CASE_FILE),
            desk.op("case_file", county_cid, "append", {"case_id": county_cid, **CASE_FILE}),
        ]
    )
    assert statuses(results) == ["applied", "applied", "applied", "rejected", "rejected"]
    assert "尚未上报到镇" in results[3]["reason"] and "尚未上报到镇" in results[4]["reason"]


def test_take_over_is_refused_when_it_does_not_fit(district):
    desk, town, other_town = enroll(district, "XT-001"), enroll(district, town=TOWN_A), enroll(district, town=TOWN_B)
    open_case = desk.new_case()
    cid, ops = _escalated(desk)
    county_cid, county_ops = _escalated(desk, "county")
    desk.push([open_case, *ops, *county_ops])
    with town.http() as c:
        for case_id in (open_case["entity_id"], county_cid):
            r = c.post(contract.take_over_path(case_id))
            assert r.status_code == 409 and r.json()["error"]["code"] == contract.ERROR_NOT_ESCALATED
        r = c.post(contract.take_over_path(new_id()))
        assert r.status_code == 404 and r.json()["error"]["code"] == contract.ERROR_NOT_FOUND
        escalated = c.get(contract.town_case_path(county_cid)).json()
        assert escalated["case"]["escalated_to_town"] is False and escalated["case_files"] == []
    with other_town.http() as c:
        r = c.post(contract.take_over_path(cid))
        assert r.status_code == 403 and r.json()["error"]["code"] == contract.ERROR_OUT_OF_SCOPE
    desk_changes = [ch for ch in desk.pull_all()[0] if ch["entity_id"] == cid]
    assert all(contract.TAKEN_OVER_BY not in ch["data"] for ch in desk_changes)
