"""A town's desk answers its villages' bracelet alarms like a village desk: the alarm comes down
with the wearer's name, is acknowledged, dispatched and resolved with the same service, and the
moves go up in the town's sync round — while the town's other ops still stay at the desk — so the
village sees who answered (and its desk, having heard, refuses a 接警 of its own)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from service_helpers import Env
from sync_helpers import district_db, enroll, make_desk, sync
from test_desk_alarm_stream import alarm_at_rest, wearer_at_district

from mediation_desk.alarms import handling, rules
from mediation_desk.core.models import OutboxOp
from mediation_desk.district.models import Record
from mediation_desk.errors import ValidationError
from mediation_desk.sync.models import SyncIssue

pytestmark = pytest.mark.usefixtures("district")
TOWN = "谢塘镇"
OUTCOME = "镇综治中心联系村医上门，老人低血糖，已处置"


@pytest.fixture
def town(district, tmp_path: Path) -> Iterator[Env]:
    env = make_desk(tmp_path / "town", "XT-002")
    try:
        enroll(district, env, town=TOWN)
        yield env
    finally:
        env.desk.close()


def test_the_town_answers_an_escalated_alarm_and_the_village_sees_who(district, desk_a: Env, town: Env) -> None:
    enroll(district, desk_a)
    wearer_at_district(district, desk_a)
    alarm_id = alarm_at_rest(district)
    sync(town)
    seen = handling.get_alarm(town.desk, town.admin, alarm_id)
    assert (seen.wearer_name, seen.status, seen.village) == ("谢阿婆", rules.NEW, "XT-001")

    handling.acknowledge(town.desk, town.admin, alarm_id)
    handling.dispatch(town.desk, town.admin, alarm_id, "村医王建国")
    with pytest.raises(ValidationError) as refused:
        handling.resolve(town.desk, town.admin, alarm_id, "  ")
    assert refused.value.problems[0].field == "outcome"
    handling.resolve(town.desk, town.admin, alarm_id, OUTCOME)
    report = sync(town)
    assert report.error is None and report.rejected == 0 and report.conflicts == 0, report
    with town.desk.read() as s:
        left = {op.entity for op in s.query(OutboxOp).filter(OutboxOp.state == "pending")}
    assert rules.ALARM not in left  # the moves went up; anything else of the town stays

    with district_db(district) as db, db.read() as s:
        data = s.get(Record, (rules.ALARM, alarm_id)).data
    assert (data["status"], data["dispatched_to"], data["outcome"]) == (rules.RESOLVED, "村医王建国", OUTCOME)
    assert data["acknowledged_by"] == town.admin.display_name

    # The village desk pressed 接警 before it had heard: a conflict naming who was first.
    sync(desk_a)
    assert handling.get_alarm(desk_a.desk, desk_a.admin, alarm_id).status == rules.RESOLVED
    with pytest.raises(ValidationError):
        handling.acknowledge(desk_a.desk, desk_a.admin, alarm_id)  # refused at the desk already
    with desk_a.desk.read() as s:
        assert s.query(SyncIssue).count() == 0
