"""Following an alarm: acknowledge → dispatch → resolve (or resolve at once after acknowledging),
each move one unit of work with its transition op for the district and its audit record; a move
the alarm's life does not allow is refused naming `status`; the outcome and the one dispatched to
are checked; the open list puts the unanswered first."""

from __future__ import annotations

import datetime as dt

import pytest
from alarm_setup import AlarmEnv, bj, enrol, ops, raise_alarm

from mediation_desk.alarms import handling, rules
from mediation_desk.core.uow import Actor, acting_at
from mediation_desk.errors import NotFound, PermissionDenied, ValidationError

RAISED = bj(2026, 5, 6, 21, 14, 5)


def test_the_life_of_an_alarm(alarm_env: AlarmEnv) -> None:
    w = enrol(alarm_env)
    alarm_id = raise_alarm(alarm_env, w, RAISED)
    fresh = handling.get_alarm(alarm_env.desk, alarm_env.clerk, alarm_id)
    assert (fresh.status, fresh.wearer_name, fresh.urgent, fresh.late) == (rules.NEW, "谢桂英", True, False)
    assert fresh.village == "XT-001" and fresh.kinds_label == "一键呼救" and not fresh.pending_push
    with acting_at(RAISED + dt.timedelta(seconds=40)):
        acked = handling.acknowledge(alarm_env.desk, alarm_env.clerk, alarm_id)
    assert acked.status == rules.ACKNOWLEDGED and acked.acknowledged_by and acked.pending_push
    assert acked.acknowledged_at == RAISED + dt.timedelta(seconds=40)
    with acting_at(RAISED + dt.timedelta(minutes=2)):
        sent = handling.dispatch(alarm_env.desk, alarm_env.mediator, alarm_id, "村医 陈德明")
    with acting_at(RAISED + dt.timedelta(minutes=40)):
        done = handling.resolve(alarm_env.desk, alarm_env.mediator, alarm_id, "血压偏高，送卫生院观察")
    assert (sent.dispatched_to, done.status, done.outcome) == ("村医 陈德明", rules.RESOLVED, "血压偏高，送卫生院观察")
    moves = ops(alarm_env.desk, rules.ALARM, alarm_id)
    assert [(o.kind, o.payload["from"], o.payload["to"]) for o in moves] == [
        ("transition", rules.NEW, rules.ACKNOWLEDGED),
        ("transition", rules.ACKNOWLEDGED, rules.DISPATCHED),
        ("transition", rules.DISPATCHED, rules.RESOLVED),
    ]
    for o in moves:
        assert set(o.payload) == {"from", "to", *rules.TRANSITION_FIELDS[o.payload["to"]]}
    assert dt.datetime.fromisoformat(moves[0].payload["acknowledged_at"]).utcoffset() is not None
    assert moves[2].payload["outcome"] == "血压偏高，送卫生院观察"
    assert handling.open_alarms(alarm_env.desk, alarm_env.clerk) == []


def test_acknowledged_may_be_resolved_at_once(alarm_env: AlarmEnv) -> None:
    alarm_id = raise_alarm(alarm_env, enrol(alarm_env), RAISED)
    handling.acknowledge(alarm_env.desk, alarm_env.clerk, alarm_id)
    done = handling.resolve(alarm_env.desk, alarm_env.clerk, alarm_id, "误按，电话确认无事")
    assert done.status == rules.RESOLVED and done.dispatched_to is None


@pytest.mark.parametrize(
    "moves, refused",
    [
        ((), "dispatch"),
        ((), "resolve"),
        (("acknowledge",), "acknowledge"),
        (("acknowledge", "resolve"), "dispatch"),
        (("acknowledge", "resolve"), "resolve"),
    ],
)
def test_a_move_the_life_does_not_allow_names_the_status(alarm_env: AlarmEnv, moves: tuple, refused: str) -> None:
    alarm_id = raise_alarm(alarm_env, enrol(alarm_env), RAISED)
    calls = {
        "acknowledge": lambda: handling.acknowledge(alarm_env.desk, alarm_env.clerk, alarm_id),
        "dispatch": lambda: handling.dispatch(alarm_env.desk, alarm_env.clerk, alarm_id, "网格员"),
        "resolve": lambda: handling.resolve(alarm_env.desk, alarm_env.clerk, alarm_id, "已处理"),
    }
    for move in moves:
        calls[move]()
    before = len(ops(alarm_env.desk, rules.ALARM, alarm_id))
    with pytest.raises(ValidationError) as excinfo:
        calls[refused]()
    p = excinfo.value.problems[0]
    assert (p.field, p.rule) == ("status", "alarm_transition") and "不能" in p.message
    assert len(ops(alarm_env.desk, rules.ALARM, alarm_id)) == before


@pytest.mark.parametrize(
    "call, field, rule",
    [
        (lambda env, a: handling.resolve(env.desk, env.clerk, a, "   "), "outcome", "required"),
        (lambda env, a: handling.resolve(env.desk, env.clerk, a, "很" * 201), "outcome", "too_long"),
        (lambda env, a: handling.dispatch(env.desk, env.clerk, a, ""), "to", "required"),
        (lambda env, a: handling.dispatch(env.desk, env.clerk, a, "村" * 65), "to", "too_long"),
    ],
)
def test_outcome_and_dispatch_are_checked(alarm_env: AlarmEnv, call, field: str, rule: str) -> None:
    alarm_id = raise_alarm(alarm_env, enrol(alarm_env), RAISED)
    handling.acknowledge(alarm_env.desk, alarm_env.clerk, alarm_id)
    with pytest.raises(ValidationError) as excinfo:
        call(alarm_env, alarm_id)
    assert (excinfo.value.problems[0].field, excinfo.value.problems[0].rule) == (field, rule)
    assert handling.get_alarm(alarm_env.desk, alarm_env.clerk, alarm_id).status == rules.ACKNOWLEDGED


def test_open_alarms_put_the_unanswered_first(alarm_env: AlarmEnv) -> None:
    w = enrol(alarm_env)
    older = raise_alarm(alarm_env, w, RAISED, seq=1)
    answered = raise_alarm(alarm_env, w, RAISED - dt.timedelta(hours=1), seq=2)
    newer = raise_alarm(alarm_env, None, RAISED + dt.timedelta(minutes=5), seq=3, device_id="8699999999")
    handling.acknowledge(alarm_env.desk, alarm_env.clerk, answered)
    listed = handling.open_alarms(alarm_env.desk, alarm_env.mediator)
    assert [a.id for a in listed] == [older, newer, answered]
    assert listed[1].wearer_name == "未登记的手环 8699999999"
    assert [a.id for a in handling.list_alarms(alarm_env.desk, alarm_env.clerk, month="2026-05")] == [
        newer,
        older,
        answered,
    ]
    assert handling.list_alarms(alarm_env.desk, alarm_env.clerk, month="2026-04") == []
    with pytest.raises(ValidationError) as excinfo:
        handling.list_alarms(alarm_env.desk, alarm_env.clerk, month="五月")
    assert excinfo.value.problems[0].field == "month"


def test_unknown_alarm_and_roles(alarm_env: AlarmEnv) -> None:
    with pytest.raises(NotFound):
        handling.acknowledge(alarm_env.desk, alarm_env.clerk, "no-such-alarm")
    alarm_id = raise_alarm(alarm_env, enrol(alarm_env), RAISED)
    handling.acknowledge(alarm_env.desk, alarm_env.mediator, alarm_id)  # a mediator on duty answers too
    stranger = Actor(username="nobody", role="guest")
    with pytest.raises(PermissionDenied):
        handling.dispatch(alarm_env.desk, stranger, alarm_id, "网格员")
