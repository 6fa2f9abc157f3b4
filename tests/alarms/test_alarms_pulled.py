"""What the district's feed brings to the alarms (the pull and the alarm stream apply it the same
way): an alarm or device task kept once by its id however often the page comes; `received_at` and
`late` set on first sight (late by the threshold, or because the stream says the batch came
late); a move of this desk not yet pushed kept against the district's older state; the district's
state taken once it refused the move; an alarm never moved back by a replay; changes that cannot
be read left out."""

from __future__ import annotations

import datetime as dt

from alarm_setup import AlarmEnv, alarm_data, bj, change, enrol, pull, settle
from sqlalchemy import func, select

from mediation_desk.alarms import handling, pulled, rules, tasks
from mediation_desk.alarms.models import Alarm, DeviceTask
from mediation_desk.core.uow import acting_at
from mediation_desk.storage.base import new_id
from mediation_desk.sync.push import SYNC_ACTOR

RAISED = bj(2026, 5, 6, 21, 14, 5)
SOON = RAISED + dt.timedelta(seconds=3)


def count(env: AlarmEnv, model: type) -> int:
    with env.desk.read() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def test_a_page_applied_twice_changes_nothing_the_second_time(alarm_env: AlarmEnv) -> None:
    w = enrol(alarm_env)
    alarm_id = new_id()
    page = [change(rules.ALARM, alarm_id, alarm_data(w, RAISED), seq=1)]
    pull(alarm_env.desk, *page, at=SOON)
    first = handling.get_alarm(alarm_env.desk, alarm_env.clerk, alarm_id)
    with acting_at(SOON + dt.timedelta(minutes=5)), alarm_env.desk.write(SYNC_ACTOR) as uow:
        assert pulled.apply_changes(uow, page) == 0
    assert handling.get_alarm(alarm_env.desk, alarm_env.clerk, alarm_id) == first
    assert first.received_at == SOON and not first.late and count(alarm_env, Alarm) == 1


def test_late_by_the_threshold_or_by_the_stream(alarm_env: AlarmEnv) -> None:
    w = enrol(alarm_env)
    slow = new_id()
    pull(alarm_env.desk, change(rules.ALARM, slow, alarm_data(w, RAISED)), at=RAISED + dt.timedelta(seconds=11))
    assert handling.get_alarm(alarm_env.desk, alarm_env.clerk, slow).late
    known, replayed = new_id(), new_id()
    pull(alarm_env.desk, change(rules.ALARM, known, alarm_data(w, RAISED)), at=SOON)
    with acting_at(SOON), alarm_env.desk.write(SYNC_ACTOR) as uow:
        page = [
            change(rules.ALARM, known, alarm_data(w, RAISED, escalated_at=RAISED.isoformat()), seq=2),
            change(rules.ALARM, replayed, alarm_data(w, RAISED), seq=3),
        ]
        pulled.apply_changes(uow, page)
        assert pulled.mark_late(uow, [known, replayed, "never-seen"]) == [replayed]
    assert handling.get_alarm(alarm_env.desk, alarm_env.clerk, replayed).late
    assert not handling.get_alarm(alarm_env.desk, alarm_env.clerk, known).late  # it came in time, earlier


def test_a_move_not_yet_pushed_stands_against_an_older_district_state(alarm_env: AlarmEnv) -> None:
    w = enrol(alarm_env)
    alarm_id = new_id()
    pull(alarm_env.desk, change(rules.ALARM, alarm_id, alarm_data(w, RAISED), seq=1), at=SOON)
    handling.acknowledge(alarm_env.desk, alarm_env.clerk, alarm_id)
    escalated = alarm_data(w, RAISED, escalated_at=(RAISED + dt.timedelta(seconds=60)).isoformat())
    pull(alarm_env.desk, change(rules.ALARM, alarm_id, escalated, seq=2))
    held = handling.get_alarm(alarm_env.desk, alarm_env.clerk, alarm_id)
    assert held.status == rules.ACKNOWLEDGED and held.pending_push
    assert held.escalated_at == RAISED + dt.timedelta(seconds=60)  # the district's own field is taken
    settle(alarm_env.desk)
    pull(alarm_env.desk, change(rules.ALARM, alarm_id, escalated, seq=3))  # replayed: never moves back
    assert handling.get_alarm(alarm_env.desk, alarm_env.clerk, alarm_id).status == rules.ACKNOWLEDGED


def test_the_district_state_is_taken_once_it_refused_the_move(alarm_env: AlarmEnv) -> None:
    w = enrol(alarm_env)
    alarm_id = new_id()
    pull(alarm_env.desk, change(rules.ALARM, alarm_id, alarm_data(w, RAISED), seq=1), at=SOON)
    handling.acknowledge(alarm_env.desk, alarm_env.clerk, alarm_id)
    settle(alarm_env.desk, "conflict")  # another desk of the village was first
    other = alarm_data(w, RAISED, status=rules.ACKNOWLEDGED, acknowledged_by="俞美娟", acknowledged_at=SOON.isoformat())
    pull(alarm_env.desk, change(rules.ALARM, alarm_id, other, seq=2))
    held = handling.get_alarm(alarm_env.desk, alarm_env.clerk, alarm_id)
    assert (held.acknowledged_by, held.acknowledged_at, held.pending_push) == ("俞美娟", SOON, False)


def test_another_desk_moves_come_down(alarm_env: AlarmEnv) -> None:
    w = enrol(alarm_env)
    alarm_id = new_id()
    pull(alarm_env.desk, change(rules.ALARM, alarm_id, alarm_data(w, RAISED), seq=1), at=SOON)
    done = alarm_data(
        w,
        RAISED,
        status=rules.RESOLVED,
        acknowledged_by="俞美娟",
        acknowledged_at=SOON.isoformat(),
        resolved_by="俞美娟",
        resolved_at=(SOON + dt.timedelta(minutes=9)).isoformat(),
        outcome="误按",
    )
    pull(alarm_env.desk, change(rules.ALARM, alarm_id, done, seq=2))
    assert handling.get_alarm(alarm_env.desk, alarm_env.clerk, alarm_id).outcome == "误按"
    assert handling.open_alarms(alarm_env.desk, alarm_env.clerk) == []


def test_changes_that_cannot_be_read_are_left_out(alarm_env: AlarmEnv) -> None:
    bad = [
        change(rules.ALARM, new_id(), alarm_data(None, RAISED, device_id=None)),
        change(rules.ALARM, new_id(), alarm_data(None, RAISED, raised_at="2026-05-06T21:14:05")),  # no offset
        change(rules.ALARM, new_id(), alarm_data(None, RAISED, status="lost")),
        change(rules.DEVICE_TASK, new_id(), {"device_id": "86", "kind": "broken", "status": "open"}),
    ]
    pull(alarm_env.desk, *bad, at=SOON)
    assert count(alarm_env, Alarm) == 0 and count(alarm_env, DeviceTask) == 0
    odd = new_id()
    pull(alarm_env.desk, change(rules.ALARM, odd, alarm_data(None, RAISED, kinds="sos", latitude="x")), at=SOON)
    view = handling.get_alarm(alarm_env.desk, alarm_env.clerk, odd)
    assert view.kinds == (rules.ALARM_OTHER,) and not view.has_fix and view.latitude is None


def task_data(w, **kw) -> dict:
    return {
        "wearer_id": w.id,
        "device_id": w.device_id,
        "kind": rules.OFFLINE,
        "status": rules.TASK_OPEN,
        "opened_at": RAISED.isoformat(),
        "reason": "30 分钟没有收到手环心跳",
        "closed_at": None,
        "closed_by": None,
        "note": None,
        **kw,
    }


def test_device_tasks_are_kept_and_a_close_not_yet_pushed_stands(alarm_env: AlarmEnv) -> None:
    w = enrol(alarm_env)
    task_id = rules.task_id(w.device_id or "", rules.OFFLINE, RAISED.isoformat())
    pull(alarm_env.desk, change(rules.DEVICE_TASK, task_id, task_data(w)), at=SOON)
    pull(alarm_env.desk, change(rules.DEVICE_TASK, task_id, task_data(w), seq=2), at=SOON)
    assert count(alarm_env, DeviceTask) == 1
    tasks.close_task(alarm_env.desk, alarm_env.clerk, task_id, "上门查看，已充电")
    pull(alarm_env.desk, change(rules.DEVICE_TASK, task_id, task_data(w, reason="仍然离线"), seq=3))
    [held] = tasks.list_tasks(alarm_env.desk, alarm_env.clerk, open_only=False)
    assert (held.status, held.note, held.reason) == (rules.TASK_DONE, "上门查看，已充电", "仍然离线")
    settle(alarm_env.desk)
    pull(alarm_env.desk, change(rules.DEVICE_TASK, task_id, task_data(w), seq=4))  # replayed: stays done
    assert tasks.list_tasks(alarm_env.desk, alarm_env.clerk) == []


def test_an_alarm_of_a_wearer_enrolled_elsewhere_is_named_as_the_district_names_it(alarm_env: AlarmEnv) -> None:
    elsewhere, unrouted = new_id(), new_id()
    named = alarm_data(None, RAISED, wearer_id=new_id(), wearer_name="俞阿婆", device_id="8600000077")
    pull(alarm_env.desk, change(rules.ALARM, elsewhere, named, seq=1), at=SOON)
    pull(
        alarm_env.desk, change(rules.ALARM, unrouted, alarm_data(None, RAISED, device_id="8600000078"), seq=2), at=SOON
    )
    assert handling.get_alarm(alarm_env.desk, alarm_env.clerk, elsewhere).wearer_name == "俞阿婆"
    assert handling.get_alarm(alarm_env.desk, alarm_env.clerk, unrouted).wearer_name == "未登记的手环 8600000078"
    # A name the district sends that is no plain short text is not shown as one.
    odd = new_id()
    pull(alarm_env.desk, change(rules.ALARM, odd, alarm_data(None, RAISED, wearer_name=["x"]), seq=3), at=SOON)
    assert handling.get_alarm(alarm_env.desk, alarm_env.clerk, odd).wearer_name.startswith("未登记的手环")
