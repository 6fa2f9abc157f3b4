"""Green coins at the district (平安绿币): what desks may push and how it is judged, the town's
review through the district (credited once), overdrawn redemptions becoming conflicts the town
resolves, and the catalogue the district issues — against the real server, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from district_helpers import TOWN_A, TOWN_B, Desk, enroll, new_id, statuses
from sqlalchemy import func, select

from mediation_desk.core import sync_contract as contract
from mediation_desk.district import admin_audit, cli, migrate
from mediation_desk.district.db import Database
from mediation_desk.district.models import Base, PointsEntry
from mediation_desk.points import rules

REVIEWER = "谢塘镇综治办李科长"
DAY = "2026-11-02"


# ---------------------------------------------------------------- ops as a desk writes them


def resident(desk: Desk, rid: str | None = None, label: str = "王*芳", **more: Any) -> dict[str, Any]:
    payload = {"household_id": None, "village_group": "3 组", "label": label, "active": True, **more}
    return desk.op(rules.RESIDENT, rid or new_id(), contract.CREATE, payload)


def declaration(desk: Desk, rid: str, item: str = "patrol", day: str = DAY, **more: Any) -> dict[str, Any]:
    found = rules.DEFAULT_CATALOGUE.item(item)
    assert found is not None
    payload = {
        "resident_id": rid,
        "resident_label": "王*芳",
        "item_code": item,
        "module": found.module,
        "catalogue_version": 1,
        "activity_date": day,
        "coins": found.coins,
        "status": rules.DECLARED,
        "source": rules.MANUAL,
        "source_ref": None,
        "evidence_sha256": "ab" * 32,
        "village_reason": None,
        "village_reviewed_on": None,
        "town_reason": None,
        "town_reviewed_on": None,
        **more,
    }
    return desk.op(rules.DECLARATION, new_id(), contract.CREATE, payload)


def village(
    desk: Desk, did: str, to: str = rules.VILLAGE_APPROVED, frm: str = rules.DECLARED, reason: str | None = None
):
    payload = {"from": frm, "to": to, "village_reason": reason, "village_reviewed_on": DAY}
    return desk.op(rules.DECLARATION, did, contract.TRANSITION, payload)


def entry(desk: Desk, rid: str, kind: str, coins: int, eid: str | None = None, **more: Any) -> dict[str, Any]:
    payload = {"resident_id": rid, "kind": kind, "coins": coins, "entry_date": DAY, **more}
    return desk.op(rules.ENTRY, eid or new_id(), contract.APPEND, payload)


def redemption(desk: Desk, rid: str, coins: int, eid: str | None = None) -> dict[str, Any]:
    return entry(desk, rid, rules.REDEMPTION, -coins, eid, gift="洗衣液", quantity=1)


def reversal(desk: Desk, rid: str, original: str, coins: int, **more: Any) -> dict[str, Any]:
    eid = rules.reversal_entry_id(original)
    return entry(desk, rid, rules.REVERSAL, coins, eid, reverses=original, reason="登记错误", **more)


def town_review(town: Desk, did: str, approve: bool = True, reason: str | None = None, **body: Any):
    with town.http() as c:
        payload = {"approve": approve, "reason": reason, "reviewer": REVIEWER, **body}
        return c.post(contract.town_review_path(did), json=payload)


def town_resolve(town: Desk, cid: str, resolution: str, reason: str = "已与村里核实"):
    with town.http() as c:
        body = {"resolution": resolution, "reason": reason, "reviewer": REVIEWER}
        return c.post(contract.conflict_resolve_path(cid), json=body)


def town_list(town: Desk, path: str, **params: Any) -> list[dict[str, Any]]:
    with town.http() as c:
        r = c.get(path, params=params)
    assert r.status_code == 200, r.text
    return r.json()["declarations" if path == contract.TOWN_DECLARATIONS_PATH else "conflicts"]


def credited(desk: Desk, rid: str, *items: str, days: tuple[str, ...] = ()) -> list[str]:
    """Declarations of `items` made, approved by the village and by the town; their ids."""
    town = enroll(desk.server, town=TOWN_A)
    ids = []
    for n, item in enumerate(items):
        op = declaration(desk, rid, item, day=days[n] if days else DAY)
        assert statuses(desk.push([op, village(desk, op["entity_id"])])) == ["applied"] * 2
        assert town_review(town, op["entity_id"]).status_code == 200
        ids.append(op["entity_id"])
    return ids


def raw_push(desk: Desk, ops: list[dict[str, Any]], splice: dict[str, str]) -> httpx.Response:
    """The ops as raw bytes, quoted markers replaced by raw JSON text (NaN, …)."""
    body = json.dumps({"ops": ops}, ensure_ascii=True)
    for marker, raw in splice.items():
        body = body.replace(json.dumps(marker), raw)
    with desk.http() as c:
        return c.post(contract.PUSH_PATH, content=body.encode(), headers={"Content-Type": "application/json"})


def ledger(db: Database, **where: Any) -> list[PointsEntry]:
    with db.read() as s:
        return list(s.scalars(select(PointsEntry).filter_by(**where).order_by(PointsEntry.received_at)))


def points_changes(desk: Desk) -> list[dict[str, Any]]:
    return [c for c in desk.pull_all()[0] if c["entity"].startswith("points_")]


# ---------------------------------------------------------------- the two reviews and the credit


def test_a_declaration_is_credited_once_after_both_reviews(district, district_db):
    desk, town = enroll(district, "XT-001"), enroll(district, town=TOWN_A)
    person = resident(desk)
    rid = person["entity_id"]
    decl = declaration(desk, rid, "hazard_report")
    did = decl["entity_id"]
    assert statuses(desk.push([person, decl])) == ["applied"] * 2
    assert town_list(town, contract.TOWN_DECLARATIONS_PATH) == []  # the village has not approved it yet
    assert statuses(desk.push([village(desk, did)])) == ["applied"]

    [waiting] = town_list(town, contract.TOWN_DECLARATIONS_PATH)
    assert waiting["declaration_id"] == did and waiting["resident_label"] == "王*芳"
    assert (waiting["item_label"], waiting["coins"], waiting["committee_code"]) == (
        "报告安全隐患（经核实）",
        3,
        "XT-001",
    )
    assert waiting["evidence_sha256"] == "ab" * 32 and waiting["catalogue_version"] == 1

    first = town_review(town, did)
    assert first.status_code == 200, first.text
    assert first.json()["changed"] is True and first.json()["entry_id"] == rules.credit_entry_id(did)
    assert first.json()["declaration"]["status"] == rules.TOWN_APPROVED
    again = town_review(town, did)  # a retried request credits nothing more
    assert again.status_code == 200 and again.json()["changed"] is False
    [credit] = ledger(district_db, resident_id=rid)
    assert (credit.id, credit.kind, credit.coins, credit.declaration_id) == (
        rules.credit_entry_id(did),
        "credit",
        3,
        did,
    )

    changes = points_changes(desk)
    assert [c["entity"] for c in changes][-2:] == [rules.ENTRY, rules.DECLARATION]  # the coins come first
    coins, reviewed = changes[-2:]
    assert coins["entity_id"] == credit.id and coins["data"]["coins"] == 3 and coins["data"]["created_by"] == REVIEWER
    assert reviewed["data"]["status"] == rules.TOWN_APPROVED and reviewed["data"]["town_reviewed_on"]
    assert reviewed["hlc"].endswith("-district") and reviewed["origin_device"] == town.device_id
    assert not [c for c in town.pull_all()[0] if c["entity"].startswith("points_")]  # read through its endpoints

    # The desk cannot credit itself, nor send the district's entry back as something else.
    results = desk.push(
        [entry(desk, rid, rules.CREDIT, 3), redemption(desk, rid, 3, eid=credit.id), entry(desk, rid, "adjustment", 9)]
    )
    assert statuses(results) == ["rejected", "duplicate", "rejected"]
    assert "由区里记入" in results[0]["reason"]
    assert [e.id for e in ledger(district_db, resident_id=rid)] == [credit.id]


def test_rejection_at_each_level_credits_nothing(district, district_db):
    desk, town = enroll(district, "XT-001"), enroll(district, town=TOWN_A)
    person = resident(desk)
    rid = person["entity_id"]
    by_village, by_town = declaration(desk, rid), declaration(desk, rid, "safety_talk")
    desk.push([person, by_village, by_town])
    no_reason = desk.push([village(desk, by_village["entity_id"], rules.VILLAGE_REJECTED)])
    assert statuses(no_reason) == ["rejected"] and "理由" in no_reason[0]["reason"]
    rejected = village(desk, by_village["entity_id"], rules.VILLAGE_REJECTED, reason="当天未参加巡防")
    assert statuses(desk.push([rejected, village(desk, by_town["entity_id"])])) == ["applied"] * 2

    refused = town_review(town, by_village["entity_id"])
    assert refused.status_code == 409 and refused.json()["error"]["code"] == contract.ERROR_POINTS_REFUSED
    assert "村审核未通过" in refused.json()["error"]["message"]
    bare = town_review(town, by_town["entity_id"], approve=False)
    assert bare.status_code == 400 and bare.json()["error"]["field"] == "reason"
    done = town_review(town, by_town["entity_id"], approve=False, reason="宣讲记录不全")
    assert done.status_code == 200 and done.json()["entry_id"] is None
    assert done.json()["declaration"]["town_reason"] == "宣讲记录不全"
    late = town_review(town, by_town["entity_id"])
    assert late.status_code == 409 and "镇审核未通过" in late.json()["error"]["message"]
    assert ledger(district_db, resident_id=rid) == []
    assert [d["declaration_id"] for d in town_list(town, contract.TOWN_DECLARATIONS_PATH, status="town_rejected")] == [
        by_town["entity_id"]
    ]


def test_town_moves_belong_to_the_town(district):
    desk, other_desk = enroll(district, "XT-001"), enroll(district, "FH-001")
    town, other_town = enroll(district, town=TOWN_A), enroll(district, town=TOWN_B)
    person = resident(desk)
    decl = declaration(desk, person["entity_id"])
    did = decl["entity_id"]
    desk.push([person, decl, village(desk, did)])
    pushed = desk.push([village(desk, did, rules.TOWN_APPROVED, rules.VILLAGE_APPROVED)])
    assert statuses(pushed) == ["rejected"] and "镇（街道）的电脑" in pushed[0]["reason"]
    with desk.http() as c:  # a committee's desk has no town view
        assert c.get(contract.TOWN_DECLARATIONS_PATH).status_code == 403
        r = c.post(contract.town_review_path(did), json={"approve": True, "reviewer": "村主任"})
        assert r.status_code == 403 and r.json()["error"]["code"] == contract.ERROR_OUT_OF_SCOPE
    assert town_list(other_town, contract.TOWN_DECLARATIONS_PATH) == []
    assert town_review(other_town, did).status_code == 403
    assert town_review(town, new_id()).status_code == 404
    assert town_review(town, "../../etc").status_code == 404
    # Another village's desk can neither review it nor write to its resident.
    foreign = other_desk.push(
        [village(other_desk, did, rules.VILLAGE_REJECTED, reason="x"), redemption(other_desk, person["entity_id"], 1)]
    )
    assert statuses(foreign) == ["rejected", "rejected"]
    assert {r["reason_code"] for r in foreign} == {contract.REASON_CODE_OUT_OF_SCOPE}


BAD_BODIES = [
    ({"approve": "yes", "reviewer": REVIEWER}, "approve"),
    ({"approve": True}, "reviewer"),
    ({"approve": True, "reviewer": ""}, "reviewer"),
    ({"approve": True, "reviewer": "x" * 65}, "reviewer"),
    ({"approve": False, "reason": "y" * 201, "reviewer": REVIEWER}, "reason"),
    ({"approve": False, "reason": "打电话 13812345678", "reviewer": REVIEWER}, "reason"),
    ({"approve": False, "reason": "a\u0000b", "reviewer": REVIEWER}, "reason"),
    ([1, 2], None),
]


@pytest.mark.parametrize("body,field", BAD_BODIES)
def test_a_bad_review_body_is_refused_naming_the_field(district, body, field):
    desk, town = enroll(district, "XT-001"), enroll(district, town=TOWN_A)
    person = resident(desk)
    decl = declaration(desk, person["entity_id"])
    desk.push([person, decl, village(desk, decl["entity_id"])])
    with town.http() as c:
        r = c.post(contract.town_review_path(decl["entity_id"]), json=body)
        assert r.status_code == 400 and r.json()["error"]["field"] == field, r.text
        assert c.get(contract.TOWN_DECLARATIONS_PATH, params={"status": "paid"}).status_code == 400
        assert c.get(contract.TOWN_CONFLICTS_PATH, params={"limit": 0}).status_code == 400
    [still] = town_list(town, contract.TOWN_DECLARATIONS_PATH)
    assert still["status"] == rules.VILLAGE_APPROVED


# ---------------------------------------------------------------- what a desk may push


def test_bad_declarations_and_residents_are_rejected_op_by_op(district):
    desk, other = enroll(district, "XT-001"), enroll(district, "FH-001")
    person, elsewhere = resident(desk), resident(other)
    rid = person["entity_id"]
    assert statuses(desk.push([person])) == statuses(other.push([elsewhere])) == ["applied"]
    cases = [
        (resident(desk, label="王小芳"), "遮掩", contract.REASON_CODE_PERSONAL_DATA),
        (declaration(desk, rid, resident_label="王小芳"), "遮掩", contract.REASON_CODE_PERSONAL_DATA),
        (declaration(desk, rid, status=rules.VILLAGE_APPROVED), "待村审核", contract.REASON_CODE_INVALID),
        (declaration(desk, rid, village_reason="好"), "审核结果", contract.REASON_CODE_INVALID),
        (declaration(desk, rid, item_code="lottery"), "没有项目", contract.REASON_CODE_INVALID),
        (declaration(desk, rid, coins=50), "不符", contract.REASON_CODE_INVALID),
        (declaration(desk, rid, coins=10**6), "之间", contract.REASON_CODE_INVALID),
        (declaration(desk, rid, catalogue_version=7), "第 7 版", contract.REASON_CODE_INVALID),
        (declaration(desk, rid, activity_date="2026-13-01"), "日期", contract.REASON_CODE_INVALID),
        (declaration(desk, new_id()), "居民", contract.REASON_CODE_NOT_YET),
        (declaration(desk, elsewhere["entity_id"]), "不属于", contract.REASON_CODE_OUT_OF_SCOPE),
        (declaration(desk, rid, resident_id=None), "缺少居民", contract.REASON_CODE_INVALID),
        (
            desk.op(rules.CONFLICT, new_id(), contract.CREATE, {"status": "open"}),
            "镇里处理",
            contract.REASON_CODE_INVALID,
        ),
        (village(desk, new_id()), "还没有这条申报", contract.REASON_CODE_NOT_YET),
        (desk.op(rules.DECLARATION, new_id(), contract.APPEND, {}), "不接受", contract.REASON_CODE_INVALID),
    ]
    results = desk.push([op for op, _, _ in cases])
    for (_, word, code), result in zip(cases, results, strict=True):
        assert result["status"] == "rejected" and word in result["reason"] and result["reason_code"] == code, result
    good = declaration(desk, rid)
    did = good["entity_id"]
    edits = [
        good,
        desk.op(rules.DECLARATION, did, contract.UPDATE, {"fields": {"coins": 5}}),
        desk.op(rules.DECLARATION, did, contract.UPDATE, {"fields": {"status": rules.TOWN_APPROVED}}),
        desk.op(rules.DECLARATION, did, contract.UPDATE, {"fields": {"resident_label": "王*"}}),
    ]
    assert statuses(desk.push(edits)) == ["applied", "rejected", "rejected", "applied"]
    # The same create sent again by another op (a desk resending after a restore) changes nothing.
    assert statuses(desk.push([{**good, "op_id": new_id(), "hlc": desk.clock.tick()}])) == ["applied"]
    change = [c for c in points_changes(desk) if c["entity_id"] == did][-1]
    assert change["data"]["status"] == rules.DECLARED and change["data"]["coins"] == 2


def test_a_review_made_on_two_desks_conflicts_on_the_second(district):
    seat_1, seat_2 = enroll(district, "XT-001"), enroll(district, "XT-001")
    person = resident(seat_1)
    decl = declaration(seat_1, person["entity_id"])
    did = decl["entity_id"]
    seat_1.push([person, decl])
    assert statuses(seat_2.push([village(seat_2, did, rules.VILLAGE_REJECTED, reason="材料不全")])) == ["applied"]
    [late] = seat_1.push([village(seat_1, did)])
    assert late["status"] == "conflict" and "已是「村审核未通过」" in late["reason"]
    assert late["server_state"]["status"] == rules.VILLAGE_REJECTED
    again = seat_2.push([village(seat_2, did, rules.VILLAGE_REJECTED, reason="材料不全")])
    assert statuses(again) == ["applied"]  # the same review twice: nothing to do


# ---------------------------------------------------------------- the ledger: by entry id


def test_entries_are_idempotent_by_entry_id_and_checked(district, district_db):
    desk, seat_2, other = enroll(district, "XT-001"), enroll(district, "XT-001"), enroll(district, "FH-001")
    person = resident(desk)
    rid = person["entity_id"]
    desk.push([person])
    credited(desk, rid, "hazard_report", "patrol")  # 5 coins
    spend = redemption(desk, rid, 2)
    eid = spend["entity_id"]
    assert statuses(desk.push([spend])) == ["applied"]
    assert statuses(desk.push([spend])) == ["duplicate"]  # the same op again
    assert statuses(seat_2.push([{**spend, "op_id": new_id()}])) == ["duplicate"]  # the same entry, another desk
    assert statuses(other.push([{**spend, "op_id": new_id()}])) == ["rejected"]  # not theirs to know
    twice = reversal(desk, rid, eid, 2)
    assert statuses(desk.push([twice, {**twice, "op_id": new_id()}])) == ["applied", "duplicate"]
    credit_id = rules.credit_entry_id(credited(desk, rid, "safety_talk")[0])
    cases = [
        (redemption(desk, rid, -3), "负数"),
        (entry(desk, rid, rules.REDEMPTION, -1, declaration_id=new_id()), "申报编号"),
        (entry(desk, rid, rules.REDEMPTION, -1, reverses=credit_id), "负数"),
        (entry(desk, rid, rules.REDEMPTION, 0), "不为 0"),
        (entry(desk, rid, rules.REDEMPTION, -(10**6)), "之间"),
        (entry(desk, rid, rules.REDEMPTION, -1, quantity=0), "之间"),
        (entry(desk, rid, rules.DEDUCTION, -2), "由区里记入"),
        (entry(desk, rid, rules.REVERSAL, -2, reverses=credit_id), "导出"),
        (reversal(desk, rid, credit_id, -5), "相反数"),
        (reversal(desk, new_id(), credit_id, -2), "居民"),
        (reversal(desk, rid, rules.reversal_entry_id(eid), -2), "不能再冲正"),
        (reversal(desk, rid, new_id(), 1), "还没有"),
        (entry(desk, rid, rules.REDEMPTION, -1, entry_date=None), "记账日期"),
        (redemption(desk, new_id(), 1), "居民"),
    ]
    results = desk.push([op for op, _ in cases])
    for (_, word), result in zip(cases, results, strict=True):
        assert result["status"] == "rejected" and word in result["reason"], result
    assert statuses(desk.push([reversal(desk, rid, credit_id, -2)])) == ["applied"]  # a credit corrected
    kinds = sorted((e.kind, e.coins) for e in ledger(district_db, resident_id=rid))
    assert kinds == [("credit", 2), ("credit", 2), ("credit", 3), ("redemption", -2), ("reversal", -2), ("reversal", 2)]


def test_a_poisonous_entry_rejects_its_op_only(district, district_db):
    desk = enroll(district, "XT-001")
    person = resident(desk)
    desk.push([person])
    bad, good = redemption(desk, person["entity_id"], 1), redemption(desk, person["entity_id"], 1)
    bad["payload"]["coins"] = "POISON"
    response = raw_push(desk, [bad, good], {"POISON": "NaN"})
    assert response.status_code == 200, response.text
    assert [r["status"] for r in response.json()["results"]] == ["rejected", "applied"]
    assert [e.id for e in ledger(district_db, resident_id=person["entity_id"])] == [good["entity_id"]]


# ---------------------------------------------------------------- overdrawn: a conflict for the town


def _two_desks_overdraw(district) -> tuple[Desk, Desk, Desk, str, dict[str, Any], dict[str, Any]]:
    seat_1, seat_2, town = enroll(district, "XT-001"), enroll(district, "XT-001"), enroll(district, town=TOWN_A)
    person = resident(seat_1)
    rid = person["entity_id"]
    seat_1.push([person])
    credited(seat_1, rid, "hazard_report", "patrol")  # 5 coins: each desk saw 5 and spent 4
    first, second = redemption(seat_1, rid, 4), redemption(seat_2, rid, 4)
    assert statuses(seat_1.push([first])) == statuses(seat_2.push([second])) == ["applied"]
    return seat_1, seat_2, town, rid, first, second


def test_an_overdrawing_redemption_is_kept_and_opens_a_conflict(district, district_db):
    seat_1, _seat_2, town, rid, _first, second = _two_desks_overdraw(district)
    assert len(ledger(district_db, resident_id=rid)) == 4  # both redemptions stored: the gifts were handed over
    [conflict] = town_list(town, contract.TOWN_CONFLICTS_PATH)
    assert (
        conflict["conflict_id"] == rules.conflict_id(second["entity_id"])
        and conflict["entry_id"] == second["entity_id"]
    )
    assert (conflict["shortfall"], conflict["balance"], conflict["resident_label"]) == (3, -3, "王*芳")
    assert (conflict["gift"], conflict["coins"], conflict["status"]) == ("洗衣液", -4, rules.OPEN)
    seen = [c for c in points_changes(seat_1) if c["entity"] == rules.CONFLICT]
    assert [c["data"]["status"] for c in seen] == [rules.OPEN] and seen[0]["data"]["shortfall"] == 3

    bad = town_resolve(town, conflict["conflict_id"], "forgive")
    assert bad.status_code == 400 and bad.json()["error"]["field"] == "resolution"
    assert town_resolve(town, conflict["conflict_id"], rules.TOWN_COVERS, reason="").status_code == 400
    covered = town_resolve(town, conflict["conflict_id"], rules.TOWN_COVERS)
    assert covered.status_code == 200 and covered.json()["changed"] is True
    assert covered.json()["entry_id"] == rules.resolution_entry_id(conflict["conflict_id"])
    assert covered.json()["conflict"]["balance"] == 0
    assert town_resolve(town, conflict["conflict_id"], rules.TOWN_COVERS).json()["changed"] is False
    other_way = town_resolve(town, conflict["conflict_id"], rules.REVERSE_REDEMPTION)
    assert other_way.status_code == 409 and "镇里补足差额" in other_way.json()["error"]["message"]
    assert town_list(town, contract.TOWN_CONFLICTS_PATH) == []
    [resolved] = town_list(town, contract.TOWN_CONFLICTS_PATH, status="resolved")
    assert (resolved["resolution"], resolved["reason"]) == (rules.TOWN_COVERS, "已与村里核实")
    with district_db.read() as s:
        assert s.scalar(select(func.sum(PointsEntry.coins)).where(PointsEntry.resident_id == rid)) == 0
    adjustment = [c for c in points_changes(seat_1) if c["entity_id"] == covered.json()["entry_id"]]
    assert adjustment[0]["data"]["kind"] == rules.ADJUSTMENT and adjustment[0]["data"]["coins"] == 3
    assert town_resolve(enroll(district, town=TOWN_B), conflict["conflict_id"], rules.TOWN_COVERS).status_code == 403


def test_the_town_reverses_a_redemption_and_a_desk_reversal_is_the_same_entry(district, district_db):
    _seat_1, seat_2, town, rid, _first, second = _two_desks_overdraw(district)
    [conflict] = town_list(town, contract.TOWN_CONFLICTS_PATH)
    reversed_ = town_resolve(town, conflict["conflict_id"], rules.REVERSE_REDEMPTION)
    assert reversed_.status_code == 200
    assert reversed_.json()["entry_id"] == rules.reversal_entry_id(second["entity_id"])
    assert statuses(seat_2.push([reversal(seat_2, rid, second["entity_id"], 4)])) == ["duplicate"]
    assert sum(e.coins for e in ledger(district_db, resident_id=rid)) == 1


def test_a_desk_reversing_the_overdrawn_redemption_settles_the_conflict(district):
    _seat_1, seat_2, town, rid, _first, second = _two_desks_overdraw(district)
    assert statuses(seat_2.push([reversal(seat_2, rid, second["entity_id"], 4)])) == ["applied"]
    assert town_list(town, contract.TOWN_CONFLICTS_PATH) == []
    [settled] = town_list(town, contract.TOWN_CONFLICTS_PATH, status="resolved")
    assert settled["resolution"] == rules.REVERSE_REDEMPTION and settled["balance"] == 1
    late = town_resolve(town, settled["conflict_id"], rules.TOWN_COVERS)
    assert late.status_code == 409


def test_one_batch_spending_the_same_coins_twice_conflicts_too(district):
    desk, town = enroll(district, "XT-001"), enroll(district, town=TOWN_A)
    person = resident(desk)
    rid = person["entity_id"]
    desk.push([person])
    credited(desk, rid, "patrol")  # 2 coins
    assert statuses(desk.push([redemption(desk, rid, 2), redemption(desk, rid, 1)])) == ["applied"] * 2
    [conflict] = town_list(town, contract.TOWN_CONFLICTS_PATH)
    assert conflict["shortfall"] == 1


# ---------------------------------------------------------------- the limits the town re-checks


def test_the_town_counts_the_monthly_limit_across_desks(district, district_db):
    seat_1, seat_2, town = enroll(district, "XT-001"), enroll(district, "XT-001"), enroll(district, town=TOWN_A)
    person = resident(seat_1)
    rid = person["entity_id"]
    seat_1.push([person])
    # 安装反诈 APP: once a month. Each desk saw only its own declaration.
    one, two = declaration(seat_1, rid, "anti_fraud_app"), declaration(seat_2, rid, "anti_fraud_app", day="2026-11-20")
    seat_1.push([one, village(seat_1, one["entity_id"])])
    seat_2.push([two, village(seat_2, two["entity_id"])])
    next_month = declaration(seat_2, rid, "anti_fraud_app", day="2026-12-01")
    seat_2.push([next_month, village(seat_2, next_month["entity_id"])])
    assert town_review(town, one["entity_id"]).status_code == 200
    over = town_review(town, two["entity_id"])
    assert over.status_code == 409 and "每人每月最多申报 1 次" in over.json()["error"]["message"]
    assert town_review(town, next_month["entity_id"]).status_code == 200
    assert town_review(town, two["entity_id"], approve=False, reason="本月已通过一次").status_code == 200
    assert len(ledger(district_db, resident_id=rid)) == 2


# ---------------------------------------------------------------- the catalogue the district issues


@pytest.fixture
def run(district_database_url, capsys):
    def _run(*args: str) -> tuple[int, str, str]:
        code = cli.main([*args, "--database-url", district_database_url])
        out = capsys.readouterr()
        return code, out.out, out.err

    return _run


def _catalogue_file(tmp_path: Path, version: int, **change: Any) -> Path:
    wire = rules.catalogue_to_wire(rules.DEFAULT_CATALOGUE)
    wire["version"] = version
    wire["items"][2] = {**wire["items"][2], **change}  # patrol
    path = tmp_path / f"catalogue-{version}.json"
    path.write_text(json.dumps(wire, ensure_ascii=False), encoding="utf-8")
    return path


def test_the_catalogue_is_issued_by_version_and_handed_down(district, district_db, run, tmp_path):
    code, out, _ = run("points", "catalogue", "show")
    assert code == cli.EXIT_OK and json.loads(out) == rules.catalogue_to_wire(rules.DEFAULT_CATALOGUE)
    desk = enroll(district, "XT-001")
    with desk.http() as c:
        before = c.get(contract.REFERENCE_PATH).json()
    assert before[rules.CATALOGUE_PART]["version"] == 1

    v2 = _catalogue_file(tmp_path, 2, coins=3)
    assert run("points", "catalogue", "set", str(v2))[0] == cli.EXIT_REFUSED  # no reason given
    assert run("points", "catalogue", "set", str(v2), "--reason", "巡防加分", "--by", "区综治中心张工")[0] == 0
    refusals = [
        (_catalogue_file(tmp_path, 2, coins=4), "大于现行的第 2 版"),
        (_catalogue_file(tmp_path, 3, coins=0), "items[2].coins"),
        (_catalogue_file(tmp_path, 4, module="lottery"), "items[2].module"),
        (tmp_path / "missing.json", "无法读取"),
    ]
    not_json = tmp_path / "not.json"
    not_json.write_text("{version: 3,", encoding="utf-8")
    refusals.append((not_json, "JSON"))
    for path, word in refusals:
        code, _, err = run("points", "catalogue", "set", str(path), "--reason", "试试")
        assert code == cli.EXIT_REFUSED and word in err, err
    assert json.loads(run("points", "catalogue", "show")[1])["version"] == 2
    [audit] = admin_audit.entries(district_db, action="points.catalogue_set")
    assert (audit.actor, audit.reason, audit.detail["version"]) == ("区综治中心张工", "巡防加分", 2)

    with desk.http() as c:
        after = c.get(contract.REFERENCE_PATH).json()
    assert after["version"] != before["version"] and after[rules.CATALOGUE_PART]["items"][2]["coins"] == 3
    person = resident(desk)
    rid = person["entity_id"]
    under_v2 = declaration(desk, rid, catalogue_version=2, coins=3)
    old_desk = declaration(desk, rid)  # a desk still on version 1: judged by version 1
    wrong = declaration(desk, rid, catalogue_version=2)  # 2 coins is version 1's value
    assert statuses(desk.push([person, under_v2, old_desk, wrong])) == ["applied", "applied", "applied", "rejected"]


def test_the_district_schema_matches_its_tables(district_db):
    migrate.upgrade(district_db)
    with district_db.write_engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []
