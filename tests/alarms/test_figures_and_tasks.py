"""Monthly answer times on a known history (the share answered within 60 s and within 3 minutes of
all alarms raised in the month, the median times to answer and to resolve), and closing a device
task: an update of its fields for the district, once only, with a note."""

from __future__ import annotations

import datetime as dt

import pytest
from alarm_setup import AlarmEnv, bj, change, enrol, ops, pull, raise_alarm

from mediation_desk.alarms import figures, handling, rules, tasks
from mediation_desk.core.uow import acting_at
from mediation_desk.errors import NotFound, ValidationError

MAY = bj(2026, 5, 3, 9)


def answer(env: AlarmEnv, alarm_id: str, raised: dt.datetime, after_s: int, resolve_after_s: int | None) -> None:
    with acting_at(raised + dt.timedelta(seconds=after_s)):
        handling.acknowledge(env.desk, env.clerk, alarm_id)
    if resolve_after_s is not None:
        with acting_at(raised + dt.timedelta(seconds=resolve_after_s)):
            handling.resolve(env.desk, env.clerk, alarm_id, "已处置")


def test_figures_on_a_known_history(alarm_env: AlarmEnv) -> None:
    w = enrol(alarm_env)
    history = [(30, 600), (50, 1200), (120, 900), (400, None), (None, None)]  # answer s, resolve s
    for n, (ack, done) in enumerate(history):
        raised = MAY + dt.timedelta(days=n)
        alarm_id = raise_alarm(alarm_env, w, raised, seq=n + 1)
        if ack is not None:
            answer(alarm_env, alarm_id, raised, ack, done)
    raise_alarm(alarm_env, w, bj(2026, 4, 30, 23, 59), seq=9)  # April in Beijing
    may = figures.month_figures(alarm_env.desk, alarm_env.mediator, "2026-05")
    assert (may.alarms, may.acknowledged, may.within_60, may.within_180, may.resolved) == (5, 4, 2, 3, 3)
    assert may.share_60 == pytest.approx(0.4) and may.share_180 == pytest.approx(0.6)
    assert may.median_answer_s == pytest.approx(85.0) and may.median_resolve_s == pytest.approx(900.0)
    april = figures.month_figures(alarm_env.desk, alarm_env.clerk, "2026-04")
    assert (april.alarms, april.acknowledged, april.share_60) == (1, 0, 0.0)
    empty = figures.month_figures(alarm_env.desk, alarm_env.clerk, "2026-03")
    assert (empty.alarms, empty.share_60, empty.median_answer_s) == (0, None, None)
    with acting_at(bj(2026, 5, 20)):
        recent = figures.recent_figures(alarm_env.desk, alarm_env.clerk, 3)
    assert [f.month for f in recent] == ["2026-03", "2026-04", "2026-05"] and recent[-1] == may


@pytest.mark.parametrize("month", ["2026-13", "2026/05", "", "五月"])
def test_a_bad_month_is_refused(alarm_env: AlarmEnv, month: str) -> None:
    with pytest.raises(ValidationError) as excinfo:
        figures.month_figures(alarm_env.desk, alarm_env.clerk, month)
    assert excinfo.value.problems[0].field == "month"


@pytest.mark.parametrize("months", [0, 37, True])
def test_a_bad_number_of_months_is_refused(alarm_env: AlarmEnv, months: int) -> None:
    with pytest.raises(ValidationError) as excinfo:
        figures.recent_figures(alarm_env.desk, alarm_env.clerk, months)
    assert excinfo.value.problems[0].field == "months"


def open_task(env: AlarmEnv) -> str:
    w = enrol(env)
    task_id = rules.task_id(w.device_id or "", rules.LOW_BATTERY, "alarm-1")
    data = {
        "wearer_id": w.id,
        "device_id": w.device_id,
        "kind": rules.LOW_BATTERY,
        "status": rules.TASK_OPEN,
        "opened_at": MAY.isoformat(),
        "reason": "电量 8%",
    }
    pull(env.desk, change(rules.DEVICE_TASK, task_id, data), at=MAY)
    return task_id


def test_closing_a_device_task(alarm_env: AlarmEnv) -> None:
    task_id = open_task(alarm_env)
    [listed] = tasks.list_tasks(alarm_env.desk, alarm_env.mediator)
    assert (listed.wearer_name, listed.kind_label, listed.status_label) == ("谢桂英", "手环电量低", "待处理")
    with acting_at(MAY + dt.timedelta(hours=2)):
        done = tasks.close_task(alarm_env.desk, alarm_env.mediator, task_id, "已上门充电")
    assert (done.status, done.note, done.closed_at) == (rules.TASK_DONE, "已上门充电", MAY + dt.timedelta(hours=2))
    [op] = ops(alarm_env.desk, rules.DEVICE_TASK, task_id)
    assert op.kind == "update" and set(op.payload["fields"]) == {"status", "closed_at", "closed_by", "note"}
    assert tasks.list_tasks(alarm_env.desk, alarm_env.clerk) == []
    with pytest.raises(ValidationError) as excinfo:
        tasks.close_task(alarm_env.desk, alarm_env.clerk, task_id, "再次")
    assert (excinfo.value.problems[0].field, excinfo.value.problems[0].rule) == ("status", "task_closed")


def test_a_close_needs_a_note_and_a_task(alarm_env: AlarmEnv) -> None:
    task_id = open_task(alarm_env)
    with pytest.raises(ValidationError) as excinfo:
        tasks.close_task(alarm_env.desk, alarm_env.clerk, task_id, " ")
    assert (excinfo.value.problems[0].field, excinfo.value.problems[0].rule) == ("note", "required")
    with pytest.raises(NotFound):
        tasks.close_task(alarm_env.desk, alarm_env.clerk, "no-such-task", "已处理")
    assert ops(alarm_env.desk, rules.DEVICE_TASK) == []
