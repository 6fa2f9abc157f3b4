"""Escalation to the town: the case file goes up, the town reads it and takes the case over,
and the origin desk pulls the take-over."""

from __future__ import annotations

import json

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
        assert stored["content"] == {"case_id": cid, **CASE_FILE} and detail["next_files"] is None
        as_sent = json.dumps(stored["content"], ensure_ascii=False, separators=(",", ":")).encode()
        assert stored["size_bytes"] == len(as_sent)

        taken = c.post(contract.take_over_path(cid))
        assert taken.status_code == 200 and taken.json()["changed"] is True
        assert taken.json()["case"][contract.TAKEN_OVER_BY] == TOWN_A
        again = c.post(contract.take_over_path(cid)).json()  # a retried request is harmless
        assert again["changed"] is False and again["case"] == taken.json()["case"]

    changes, _ = desk.pull_all()
    file_change = next(ch for ch in changes if ch["entity"] == "case_file")
    assert file_change["data"]["case_file_id"] == stored["case_file_id"] and "parties" not in file_change["data"]
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


def _pages(client, cid: str, **params) -> list[list[dict]]:
    """Every page of a case's files, following `next_files`."""
    pages, after = [], None
    while True:
        r = client.get(contract.town_case_path(cid), params={**params, **({"files_after": after} if after else {})})
        assert r.status_code == 200, r.text
        pages.append(r.json()["case_files"])
        after = r.json()["next_files"]
        if after is None:
            return pages


def test_a_case_detail_pages_its_files(district):
    desk, town = enroll(district, "XT-001"), enroll(district, town=TOWN_A)
    cid, ops = _escalated(desk)
    other_cid, other_ops = _escalated(desk)
    files = [desk.op("case_file", cid, "append", {"case_id": cid, **CASE_FILE, "n": n}) for n in range(7)]
    other = desk.op("case_file", other_cid, "append", {"case_id": other_cid, **CASE_FILE})
    assert statuses(desk.push([*ops, *other_ops, *files, other])) == ["applied"] * 12
    with town.http() as c:
        default = _pages(c, cid)
        assert [len(p) for p in default] == [5, 2]  # a handful per answer by default
        assert [f["content"]["n"] for p in default for f in p] == list(range(7))  # in the order they came
        by_two = _pages(c, cid, files_limit=2)
        assert [len(p) for p in by_two] == [2, 2, 2, 1]
        assert [f["case_file_id"] for p in by_two for f in p] == [f["case_file_id"] for p in default for f in p]
        for f in default[0]:
            assert set(f) == {"case_file_id", "received_at", "size_bytes", "content"} and f["size_bytes"] > 0
        assert len(_pages(c, other_cid)) == 1


def test_a_page_of_files_stays_within_its_byte_budget(district):
    desk, town = enroll(district, "XT-001"), enroll(district, town=TOWN_A)
    cid, ops = _escalated(desk)
    assert statuses(desk.push(ops)) == ["applied"] * 2
    big = ["调解记录" + "甲" * 99_000] * 6  # about 1.8 MB of text per file
    for n in range(5):  # one per push: each near the largest file the district accepts
        assert statuses(desk.push([desk.op("case_file", cid, "append", {"case_id": cid, "sessions": big, "n": n})]))
    with town.http() as c:
        pages = _pages(c, cid, files_limit=50)
        sizes = [sum(f["size_bytes"] for f in p) for p in pages]
        assert [len(p) for p in pages] == [4, 1] and max(sizes) <= 8 * 1024 * 1024
        assert [f["content"]["n"] for p in pages for f in p] == list(range(5))
        one = c.get(contract.town_case_path(cid), params={"files_limit": 1}).json()
        assert len(one["case_files"]) == 1 and one["next_files"] == one["case_files"][0]["case_file_id"]


BAD_PAGING = [
    ({"files_limit": -1}, "files_limit"),
    ({"files_limit": 0}, "files_limit"),
    ({"files_limit": 51}, "files_limit"),
    ({"files_limit": 10**30}, "files_limit"),
    ({"files_limit": "many"}, "files_limit"),
    ("files_limit=1e3", "files_limit"),
    ({"files_after": "x" * 65}, "files_after"),
    ({"files_after": "../../etc"}, "files_after"),
    ({"files_after": "a\x00b"}, "files_after"),
    ("files_after=%ED%A0%80", "files_after"),  # a lone surrogate, as UTF-8 would spell it
    ("files_after=%FF%FE", "files_after"),
    ({"files_after": "no-such-file"}, "files_after"),
]


def test_bad_paging_of_files_is_refused(district):
    desk, town = enroll(district, "XT-001"), enroll(district, town=TOWN_A)
    cid, ops = _escalated(desk)
    other_cid, other_ops = _escalated(desk)
    other_file = desk.op("case_file", other_cid, "append", {"case_id": other_cid, **CASE_FILE})
    assert statuses(desk.push([*ops, *other_ops, other_file])) == ["applied"] * 5
    with town.http() as c:
        [other_stored] = c.get(contract.town_case_path(other_cid)).json()["case_files"]
        # A file of another case is no cursor for this one.
        for params, field in [*BAD_PAGING, ({"files_after": other_stored["case_file_id"]}, "files_after")]:
            if isinstance(params, str):  # sent as written: bytes no client library would make
                r = c.get(f"{contract.town_case_path(cid)}?{params}")
            else:
                r = c.get(contract.town_case_path(cid), params=params)
            assert r.status_code == 400, (params, r.text)
            error = r.json()["error"]
            assert error["code"] == contract.ERROR_BAD_REQUEST and error["field"] == field, (params, error)
            assert field in error["message"], (params, error)
