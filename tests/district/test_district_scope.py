"""Every read and write is scoped to the device's committee (or, for a town device, to its
villages): a desk can neither see nor change another village's data."""

from __future__ import annotations

from district_helpers import TOWN_A, enroll, new_id, statuses

from mediation_desk.core import sync_contract as contract


def test_a_committee_cannot_write_another_committees_data(district):
    ours, theirs = enroll(district, "XT-001"), enroll(district, "XT-002")
    case, mediator, agreement = ours.new_case(), new_id(), new_id()
    cid = case["entity_id"]
    assert (
        statuses(
            ours.push(
                [
                    case,
                    ours.op("mediator", mediator, "create", {"name": "谢阿根"}),
                    ours.op("agreement", agreement, "create", {"case_id": cid, "form": "oral"}),
                ]
            )
        )
        == ["applied"] * 3
    )
    intrusions = [
        theirs.move(cid, "accepted", "declined"),
        theirs.new_case(cid, amount_fen=1),  # "create" over an existing case of another village
        theirs.op("case", cid, "update", {"fields": {"amount_fen": 1}}),
        theirs.op("mediator", mediator, "update", {"fields": {"area": "东山村"}}),
        theirs.op("agreement", agreement, "update", {"fields": {"performance_status": "fully_performed"}}),
        theirs.op("agreement", new_id(), "create", {"case_id": cid, "form": "oral"}),
        theirs.op("session_record", new_id(), "append", {"case_id": cid, "outcome": "failed"}),
        theirs.op("case_assignment", cid, "append", {"mediator_id": new_id()}),
        theirs.op("case_file", new_id(), "append", {"case_id": cid, "parties": []}),
        theirs.op("committee", new_id(), "create", {"code": "XT-001", "name": "冒名的委员会"}),
    ]
    results = theirs.push(intrusions)
    assert statuses(results) == ["rejected"] * len(intrusions)
    assert {r["reason"] for r in results} == {contract.REASON_OUT_OF_SCOPE}
    changes, _ = ours.pull_all()
    assert len(changes) == 3 and changes[0]["data"]["amount_fen"] == 120000
    assert theirs.pull_all()[0] == []  # and cannot read it


def test_a_committee_pulls_only_its_own_changes(district):
    a1, a2, b = enroll(district, "XT-001"), enroll(district, "XT-001"), enroll(district, "FH-001")
    a1.push([a1.new_case() for _ in range(3)])
    b.push([b.new_case() for _ in range(2)])
    a2.push([a2.new_case()])
    seen_by_a = a1.pull_all()[0]
    assert len(seen_by_a) == 4 and {c["committee_code"] for c in seen_by_a} == {"XT-001"}
    assert {c["origin_device"] for c in seen_by_a} == {a1.device_id, a2.device_id}  # both seats of the committee
    seen_by_b, cursor = b.pull_all()
    assert len(seen_by_b) == 2 and cursor == 6  # the cursor moves past others' changes without showing them


def test_a_town_sees_its_villages_only(district):
    town = enroll(district, town=TOWN_A)
    xt1, xt2, fh = enroll(district, "XT-001"), enroll(district, "XT-002"), enroll(district, "FH-001")
    mine = [xt1.new_case(), xt2.new_case()]
    xt1.push([mine[0], xt1.op("session_record", new_id(), "append", {"case_id": mine[0]["entity_id"]})])
    xt2.push([mine[1]])
    other_town = fh.new_case()
    fh.push([other_town])
    with town.http() as c:
        listed = c.get(contract.TOWN_CASES_PATH).json()["cases"]
        assert {x["case_id"] for x in listed} == {m["entity_id"] for m in mine}
        assert {x["committee_code"] for x in listed} == {"XT-001", "XT-002"}
        assert all(x["status"] == "accepted" and "number" in x for x in listed)
        one = c.get(contract.town_case_path(mine[1]["entity_id"])).json()
        assert one["case"]["committee_name"] == "东山村人民调解委员会" and one["case_files"] == []
        r = c.get(contract.town_case_path(other_town["entity_id"]))
        assert r.status_code == 403 and r.json()["error"]["code"] == contract.ERROR_OUT_OF_SCOPE
        r = c.get(contract.town_case_path("no-such-case"))
        assert r.status_code == 404 and r.json()["error"]["code"] == contract.ERROR_NOT_FOUND
    changes, _ = town.pull_all()  # the town's feed: its villages' cases, not their facts
    assert {c["entity"] for c in changes} == {"case"}
    assert {c["entity_id"] for c in changes} == {m["entity_id"] for m in mine}


def test_a_town_device_does_not_push_and_a_committee_device_has_no_town_view(district):
    town, desk = enroll(district, town=TOWN_A), enroll(district, "XT-001")
    results = town.push([town.new_case()])
    assert statuses(results) == ["rejected"] and results[0]["reason"] == contract.REASON_OUT_OF_SCOPE
    case = desk.new_case()
    desk.push([case])
    with desk.http() as c:
        for r in (
            c.get(contract.TOWN_CASES_PATH),
            c.get(contract.town_case_path(case["entity_id"])),
            c.post(contract.take_over_path(case["entity_id"])),
        ):
            assert r.status_code == 403 and r.json()["error"]["code"] == contract.ERROR_OUT_OF_SCOPE


def test_town_list_filters_and_pages(district):
    town, desk = enroll(district, town=TOWN_A), enroll(district, "XT-001")
    cases = [desk.new_case() for _ in range(5)]
    desk.push([*cases, desk.move(cases[0]["entity_id"], "accepted", "declined")])
    with town.http() as c:
        declined = c.get(contract.TOWN_CASES_PATH, params={"status": "declined"}).json()["cases"]
        assert [x["case_id"] for x in declined] == [cases[0]["entity_id"]]
        first = c.get(contract.TOWN_CASES_PATH, params={"limit": 3}).json()
        rest = c.get(contract.TOWN_CASES_PATH, params={"limit": 3, "after": first["next"]}).json()
        assert len(first["cases"]) == 3 and len(rest["cases"]) == 2 and rest["next"] is None
        assert {x["case_id"] for x in first["cases"] + rest["cases"]} == {x["entity_id"] for x in cases}
        for params, field in (
            ({"status": "finished"}, "status"),
            ({"limit": 0}, "limit"),
            ({"limit": 501}, "limit"),
            ({"escalated": "maybe"}, "escalated"),
        ):
            r = c.get(contract.TOWN_CASES_PATH, params=params)
            assert r.status_code == 400 and r.json()["error"]["field"] == field, r.text
