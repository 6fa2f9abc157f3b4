"""The town's part of the bracelet alarms: what it needs to send help (the alarm, the wearer's name
and address, the village), moving an alarm of its villages as a village desk would (the village
sees who answered; someone first makes it a conflict answered with the alarm), refusals naming
the field — against the real server on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest
from alarm_rows import OUTCOME, changes_of, latest, move, move_fields, raise_alarm, wearer
from district_helpers import TOWN_A, TOWN_B, Desk, enroll, new_id

from mediation_desk.alarms import rules
from mediation_desk.core import sync_contract as contract
from mediation_desk.district import admin_audit
from mediation_desk.district.alarm_models import AlarmEvent
from mediation_desk.district.alarm_town import ERROR_ALARM_CONFLICT, TOWN_ALARMS_PATH, transition_path

TOWN_WHO = "谢塘镇综治中心值班员赵敏"


def town_move(town: Desk, alarm_id: str, frm: str, to: str, **fields: Any) -> Any:
    body = {"from": frm, "to": to, **move_fields(to, TOWN_WHO), **fields}
    with town.http() as c:
        return c.post(transition_path(alarm_id), json={k: v for k, v in body.items() if v is not ...})


def refusal(answer: Any, status: int, field: str | None = None) -> str:
    assert answer.status_code == status, answer.text
    error = answer.json()["error"]
    if field is not None:
        assert error["field"] == field, error
    return str(error["message"])


@pytest.fixture
def alarm(district, district_db) -> tuple[Desk, str, str]:
    village = enroll(district, "XT-001")
    wearer_id = new_id()
    village.push([wearer(village, wearer_id)])
    return village, wearer_id, raise_alarm(district_db).alarm_id


def test_the_town_reads_what_it_needs_to_send_help(district, alarm):
    _, wearer_id, alarm_id = alarm
    town = enroll(district, town=TOWN_A)
    with town.http() as c:
        answer = c.get(f"{TOWN_ALARMS_PATH}/{alarm_id}")
    assert answer.status_code == 200, answer.text
    detail = answer.json()
    assert detail["alarm"]["status"] == rules.NEW and detail["alarm"]["kinds"] == ["sos"]
    assert detail["wearer"] == {
        "wearer_id": wearer_id,
        "name": "王阿婆",
        "address": "谢家塘村三组 15 号",
        "living_alone": True,
    }
    assert (detail["committee_code"], detail["committee_name"]) == ("XT-001", "谢家塘村人民调解委员会")


def test_the_town_answers_an_alarm_and_the_village_sees_who(district, district_db, alarm):
    village, _, alarm_id = alarm
    town = enroll(district, town=TOWN_A)
    answer = town_move(town, alarm_id, rules.NEW, rules.ACKNOWLEDGED)
    assert answer.status_code == 200, answer.text
    assert answer.json()["changed"] is True and answer.json()["alarm"]["acknowledged_by"] == TOWN_WHO
    for step in (rules.DISPATCHED, rules.RESOLVED):
        frm = rules.ACKNOWLEDGED if step == rules.DISPATCHED else rules.DISPATCHED
        assert town_move(town, alarm_id, frm, step).status_code == 200
    again = town_move(town, alarm_id, rules.DISPATCHED, rules.RESOLVED)
    assert (again.status_code, again.json()["changed"]) == (200, False)

    seen = latest(village, alarm_id)
    assert (seen["data"]["status"], seen["data"]["outcome"], seen["origin_device"]) == (
        rules.RESOLVED,
        OUTCOME,
        town.device_id,
    )
    assert "district" in seen["hlc"]  # the district's clock: no desk's clock wins over it
    with district_db.read() as s:
        assert s.get(AlarmEvent, alarm_id).resolved_at is not None
    actions = {e.action for e in admin_audit.entries(district_db) if e.target == alarm_id}
    assert actions == {"alarms.town_acknowledged", "alarms.town_dispatched", "alarms.town_resolved"}
    assert all(TOWN_WHO in e.actor for e in admin_audit.entries(district_db) if e.target == alarm_id)


def test_when_the_village_was_first_the_town_gets_a_conflict_with_the_alarm(district, alarm):
    village, _, alarm_id = alarm
    town = enroll(district, town=TOWN_A)
    village.push([move(village, alarm_id, rules.NEW, rules.ACKNOWLEDGED)])
    answer = town_move(town, alarm_id, rules.NEW, rules.DISPATCHED)
    assert refusal(answer, 409, "from")
    assert answer.json()["error"]["code"] == ERROR_ALARM_CONFLICT
    assert answer.json()["alarm"]["acknowledged_by"] == "值班员李芳"
    # The same move by someone else: a conflict that says who was first; nothing overwritten.
    same = town_move(town, alarm_id, rules.NEW, rules.ACKNOWLEDGED)
    assert refusal(same, 409, "from") == "这条报警已由“值班员李芳”接警"
    assert same.json()["alarm"]["acknowledged_by"] == "值班员李芳"
    assert len([c for c in changes_of(village) if c["entity_id"] == alarm_id]) == 2


@pytest.mark.parametrize(
    ("frm", "to", "fields", "field"),
    [
        (rules.ACKNOWLEDGED, rules.RESOLVED, {"outcome": ...}, "outcome"),
        (rules.ACKNOWLEDGED, rules.RESOLVED, {"outcome": ""}, "outcome"),
        (rules.ACKNOWLEDGED, rules.RESOLVED, {"resolved_at": "2026-11-02T09:30:00"}, "resolved_at"),
        (rules.ACKNOWLEDGED, rules.DISPATCHED, {"dispatched_to": ...}, "dispatched_to"),
        (rules.ACKNOWLEDGED, rules.DISPATCHED, {"dispatched_by": 7}, "dispatched_by"),
        (rules.NEW, rules.ACKNOWLEDGED, {"acknowledged_by": "赵敏 13812345678"}, "acknowledged_by"),
        (rules.NEW, "done", {}, "to"),
        (None, rules.ACKNOWLEDGED, {}, "from"),
    ],
)
def test_a_bad_move_is_refused_naming_the_field(district, alarm, frm, to, fields, field):
    village, _, alarm_id = alarm
    town = enroll(district, town=TOWN_A)
    if frm == rules.ACKNOWLEDGED:
        assert town_move(town, alarm_id, rules.NEW, rules.ACKNOWLEDGED).status_code == 200
    refusal(town_move(town, alarm_id, frm, to, **fields), 400, field)
    assert latest(village, alarm_id)["data"]["status"] == (frm if frm == rules.ACKNOWLEDGED else rules.NEW)


def test_only_the_alarms_town_may_read_or_move_it(district, alarm):
    village, _, alarm_id = alarm
    other_town = enroll(district, town=TOWN_B)
    refusal(town_move(other_town, alarm_id, rules.NEW, rules.ACKNOWLEDGED), 403)
    with other_town.http() as c:
        refusal(c.get(f"{TOWN_ALARMS_PATH}/{alarm_id}"), 403)
    refusal(town_move(village, alarm_id, rules.NEW, rules.ACKNOWLEDGED), 403)  # a village desk pushes ops
    town = enroll(district, town=TOWN_A)
    refusal(town_move(town, new_id(), rules.NEW, rules.ACKNOWLEDGED), 404, "alarm_id")
    refusal(town_move(town, "../etc", rules.NEW, rules.ACKNOWLEDGED), 404)
    with town.http() as c:
        refusal(c.post(transition_path(alarm_id), json=["acknowledged"]), 400)
        refusal(c.get(f"{TOWN_ALARMS_PATH}/{new_id()}"), 404, "alarm_id")
    assert latest(village, alarm_id)["data"]["status"] == rules.NEW


def test_a_town_desk_pushes_its_moves_of_its_villages_alarms_and_nothing_else(district, alarm):
    """Answered at a town desk while its line was down, the moves arrive by push like a village's."""
    village, _, alarm_id = alarm
    town, other_town = enroll(district, town=TOWN_A), enroll(district, town=TOWN_B)
    ack = move(town, alarm_id, rules.NEW, rules.ACKNOWLEDGED, acknowledged_by=TOWN_WHO)
    case = town.new_case()
    no_outcome = move(town, alarm_id, rules.ACKNOWLEDGED, rules.RESOLVED, outcome=None)
    results = town.push([ack, case, no_outcome])
    assert [r["status"] for r in results] == ["applied", "rejected", "rejected"]
    assert results[1]["reason"] == contract.REASON_OUT_OF_SCOPE and "outcome" in results[2]["reason"]
    assert [r["status"] for r in town.push([ack])] == ["duplicate"]
    seen = latest(village, alarm_id)["data"]
    assert (seen["status"], seen["acknowledged_by"]) == (rules.ACKNOWLEDGED, TOWN_WHO)
    # Another town's desk may not touch it; a village desk acknowledging late gets a conflict.
    foreign = other_town.push([move(other_town, alarm_id, rules.ACKNOWLEDGED, rules.DISPATCHED)])
    assert foreign[0]["status"] == "rejected" and foreign[0]["reason"] == contract.REASON_OUT_OF_SCOPE
    late = village.push([move(village, alarm_id, rules.NEW, rules.ACKNOWLEDGED)])
    assert late[0]["status"] == "conflict" and late[0]["server_state"]["acknowledged_by"] == TOWN_WHO
    assert late[0]["reason"] == f"这条报警已由“{TOWN_WHO}”接警"
