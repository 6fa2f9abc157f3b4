"""A case's life through the services: every allowed path, every refused move with its reason
and the list of what is allowed, the detail's allowed actions and the timeline."""

from __future__ import annotations

import datetime as dt

import pytest
from service_helpers import (  # noqa: F401  (env is a fixture)
    Env,
    add_mediator,
    agreed_case,
    agreement_data,
    assigned_case,
    audit_actions,
    case_row,
    count,
    env,
    follow_up_case,
    mediating_case,
    new_case,
    outbox_ops,
    parties_of,
    session_data,
    today,
)
from sqlalchemy import select

from mediation_desk.core.models import OutboxOp
from mediation_desk.errors import TransitionError, ValidationError
from mediation_desk.mediation import (
    agreement,
    assignment,
    followup,
    queries,
    sessions,
    states,
    stats,
    workflow,
    working_days,
)
from mediation_desk.mediation.models_case import Agreement, CaseTransition

L = states.LABELS


def allowed(env: Env, case_id: str) -> tuple[str, ...]:
    return queries.case_detail(env.desk, env.admin, case_id).allowed_actions


def move(env: Env, case_id: str, target: str, **kw: object) -> str:
    return workflow.transition(env.desk, env.admin, case_id, target, **kw)  # type: ignore[arg-type]


# ------------------------------------------------------------------ the paths through


def test_full_path_with_a_written_agreement(env: Env) -> None:
    case_id = new_case(env, risk_flags=["civil_to_criminal"])
    assert case_row(env.desk, case_id).status == states.ACCEPTED
    assert allowed(env, case_id) == (states.DECLINED, states.ESCALATED)

    mediator = add_mediator(env, "谢阿根")
    assignment.assign(env.desk, env.admin, case_id, [mediator])
    assert case_row(env.desk, case_id).status == states.ASSIGNED
    assert allowed(env, case_id) == (states.IN_MEDIATION, states.DECLINED, states.ESCALATED)

    sessions.add_session(env.desk, env.admin, case_id, session_data(parties_of(env.desk, case_id)))
    assert case_row(env.desk, case_id).status == states.IN_MEDIATION
    # No agreement written yet: "agreed" is not offered.
    assert allowed(env, case_id) == (states.TERMINATED, states.ESCALATED)

    view = agreement.record_agreement(env.desk, env.admin, case_id, agreement_data())
    assert case_row(env.desk, case_id).status == states.AGREED
    assert (view.form, view.copies, view.effective_on, view.judicial_deadline) == ("written", 3, None, None)
    # Not yet signed and sealed (art. 29): nothing to perform or follow up; it may still be
    # withdrawn (mediation resumes), refused (mediation ends, art. 26) or escalated (art. 25).
    assert allowed(env, case_id) == (states.IN_MEDIATION, states.TERMINATED, states.ESCALATED)
    with pytest.raises(TransitionError, match="第二十九条"):
        move(env, case_id, states.PERFORMING)

    signed = agreement.confirm_signatures(env.desk, env.admin, case_id)
    assert signed.effective_on == today()
    assert signed.judicial_deadline == working_days.judicial_deadline(today(), working_days.DEFAULT_CALENDAR)
    assert case_row(env.desk, case_id).status == states.AGREED
    assert allowed(env, case_id) == (states.PERFORMING, states.FOLLOW_UP, states.ESCALATED)

    assert move(env, case_id, states.PERFORMING) == states.PERFORMING
    assert allowed(env, case_id) == (states.FOLLOW_UP, states.UNPERFORMED, states.ESCALATED)

    followup.record_follow_up(
        env.desk,
        env.admin,
        case_id,
        {"performance_status": "fully_performed", "satisfaction": "satisfied", "notes": "围墙已降低"},
    )
    assert case_row(env.desk, case_id).status == states.FOLLOW_UP
    assert allowed(env, case_id) == (states.CLOSED, states.PERFORMING, states.UNPERFORMED, states.ESCALATED)

    assert move(env, case_id, states.CLOSED, prevented=["civil_to_criminal"]) == states.CLOSED
    case = case_row(env.desk, case_id)
    assert case.closed_on == today()
    assert case.prevented == ["civil_to_criminal"]
    assert allowed(env, case_id) == ()

    with env.desk.read() as s:
        moves = [
            (t.from_status, t.to_status)
            for t in s.scalars(
                select(CaseTransition).where(CaseTransition.case_id == case_id).order_by(CaseTransition.hlc)
            )
        ]
    assert moves == [
        (None, "accepted"),
        ("accepted", "assigned"),
        ("assigned", "in_mediation"),
        ("in_mediation", "agreed"),
        ("agreed", "performing"),
        ("performing", "follow_up"),
        ("follow_up", "closed"),
    ]
    # Every status change went to the outbox as a transition, in order.
    ops = [o for o in outbox_ops(env.desk, "case") if o.kind == "transition"]
    assert [(o.payload["from"], o.payload["to"]) for o in ops] == moves[1:]
    assert ops[-1].payload["prevented"] == ["civil_to_criminal"]
    assert ops[-1].payload["closed_on"] == today().isoformat()
    assert audit_actions(env.desk, case_id).count("case.transition") == 6

    report = stats.monthly_report(env.desk, today().strftime("%Y-%m"))
    assert report.prevention_cases["civil_to_criminal"] == 1
    assert report.prevention_persons["civil_to_criminal"] == 2
    assert report.closed == 1 and report.mediated_successfully == 1


def test_timeline_lists_events_in_order(env: Env) -> None:
    case_id = follow_up_case(env)
    move(env, case_id, states.CLOSED)
    timeline = queries.case_detail(env.desk, env.admin, case_id).timeline
    titles = [e.title for e in timeline]
    assert titles == [
        "新案 → 已受理",
        "指派调解员 谢阿根",
        "已受理 → 已派单",
        "调解记录：谢家塘村调解室",
        "已派单 → 调解中",
        "达成书面协议",
        "调解中 → 已达成协议",
        "协议签字生效",
        "回访",
        "已达成协议 → 回访中",
        "回访中 → 已结案",
    ]
    assert [e.at for e in timeline] == sorted(e.at for e in timeline)
    assert {e.kind for e in timeline} == {"transition", "assignment", "session", "agreement", "follow_up"}


def test_oral_agreement_takes_effect_when_reached(env: Env) -> None:
    case_id = mediating_case(env, accepted_on=(today() - dt.timedelta(days=5)).isoformat())
    reached = today() - dt.timedelta(days=2)
    view = agreement.record_agreement(
        env.desk, env.admin, case_id, agreement_data(form="oral", reached_on=reached.isoformat())
    )
    assert view.form == "oral"
    assert view.effective_on == reached
    assert view.judicial_deadline == working_days.judicial_deadline(reached, working_days.DEFAULT_CALENDAR)
    with pytest.raises(ValidationError) as e:
        agreement.confirm_signatures(env.desk, env.admin, case_id)
    assert e.value.problems[0].rule == "oral_not_signed"
    move(env, case_id, states.FOLLOW_UP)
    followup.record_follow_up(
        env.desk,
        env.admin,
        case_id,
        {"performance_status": "fully_performed", "satisfaction": "basic", "notes": "已履行"},
    )
    assert move(env, case_id, states.CLOSED) == states.CLOSED
    assert queries.case_detail(env.desk, env.admin, case_id).agreement.form == "oral"


def test_terminated_with_routes_then_closed(env: Env) -> None:
    case_id = mediating_case(env)
    assert (
        move(env, case_id, states.TERMINATED, reason="双方分歧过大，调解不成", routes=["litigation", "arbitration"])
        == states.TERMINATED
    )
    case = case_row(env.desk, case_id)
    assert case.status_reason == "双方分歧过大，调解不成"
    assert case.routes_told == ["litigation", "arbitration"]
    assert allowed(env, case_id) == (states.CLOSED,)
    assert move(env, case_id, states.CLOSED, prevented=["group_fight"]) == states.CLOSED
    detail = queries.case_detail(env.desk, env.admin, case_id)
    assert detail.routes_told == ("litigation", "arbitration")
    assert detail.prevented == ("group_fight",)
    assert detail.closed_on == today()
    assert detail.timeline[-2].detail == "双方分歧过大，调解不成"


def test_declined_with_reason(env: Env) -> None:
    case_id = new_case(env)
    assert move(env, case_id, states.DECLINED, reason="被申请人明确拒绝调解") == states.DECLINED
    detail = queries.case_detail(env.desk, env.admin, case_id)
    assert detail.status_reason == "被申请人明确拒绝调解"
    assert detail.allowed_actions == ()


def test_assigned_case_can_be_declined(env: Env) -> None:
    case_id, _ = assigned_case(env)
    assert move(env, case_id, states.DECLINED, reason="申请人撤回申请") == states.DECLINED


@pytest.mark.parametrize("level", ["town", "county"])
def test_escalated_with_reason(env: Env, level: str) -> None:
    case_id = mediating_case(env)
    assert move(env, case_id, states.ESCALATED, reason="可能激化为刑事案件", escalate_to=level) == states.ESCALATED
    case = case_row(env.desk, case_id)
    assert (case.escalated_to, case.status_reason) == (level, "可能激化为刑事案件")
    op = [o for o in outbox_ops(env.desk, "case") if o.kind == "transition"][-1]
    assert op.payload["escalate_to"] == level


def test_follow_up_finding_it_unfinished_goes_back_to_performing(env: Env) -> None:
    case_id = follow_up_case(env, perf="partial")
    assert allowed(env, case_id) == (states.PERFORMING, states.UNPERFORMED, states.ESCALATED)
    with pytest.raises(TransitionError) as e:
        move(env, case_id, states.CLOSED)
    assert "协议尚未履行完毕" in str(e.value)
    move(env, case_id, states.PERFORMING)
    followup.record_follow_up(
        env.desk,
        env.admin,
        case_id,
        {"performance_status": "fully_performed", "satisfaction": "satisfied", "notes": "余款已付清"},
    )
    assert case_row(env.desk, case_id).status == states.FOLLOW_UP
    assert move(env, case_id, states.CLOSED) == states.CLOSED


def test_scheduled_follow_up_is_recorded_once(env: Env) -> None:
    case_id = agreed_case(env)
    person = parties_of(env.desk, case_id)[0]
    due = today() + dt.timedelta(days=7)
    fid = followup.schedule_follow_up(env.desk, env.admin, case_id, due.isoformat(), "履行期满回访", person)
    assert [f.id for f in followup.due_follow_ups(env.desk, env.admin, until=due)] == [fid]
    assert followup.due_follow_ups(env.desk, env.admin) == []  # not due yet
    assert queries.case_detail(env.desk, env.admin, case_id).follow_ups_due == 1
    data = {"follow_up_id": fid, "performance_status": "partial", "satisfaction": "basic", "notes": "已付一半"}
    followup.record_follow_up(env.desk, env.admin, case_id, data)
    with pytest.raises(ValidationError) as e:
        followup.record_follow_up(env.desk, env.admin, case_id, data)
    assert e.value.problems[0].rule == "follow_up_done"
    assert queries.case_detail(env.desk, env.admin, case_id).follow_ups_due == 0
    with pytest.raises(ValidationError) as e:
        followup.schedule_follow_up(env.desk, env.admin, case_id, due, person_id="not-a-party")
    assert e.value.problems[0].rule == "not_a_party"


def test_follow_up_refused_before_an_agreement(env: Env) -> None:
    case_id = mediating_case(env)
    with pytest.raises(ValidationError) as e:
        followup.record_follow_up(
            env.desk,
            env.admin,
            case_id,
            {"performance_status": "fully_performed", "satisfaction": "satisfied", "notes": "x"},
        )
    assert e.value.problems[0].rule == "case_not_followable"
    with pytest.raises(ValidationError) as e:
        followup.record_follow_up(env.desk, env.admin, case_id, {"performance_status": "done", "notes": ""})
    assert {p.field for p in e.value.problems} == {"performance_status", "satisfaction", "notes"}


# ------------------------------------------------------------------ every refused move


def _case_in(env: Env, state: str) -> str:
    if state == states.ACCEPTED:
        return new_case(env)
    if state == states.ASSIGNED:
        return assigned_case(env)[0]
    if state == states.IN_MEDIATION:
        return mediating_case(env)
    if state == states.AGREED:
        return agreed_case(env)
    if state == states.PERFORMING:
        case_id = agreed_case(env)
        move(env, case_id, states.PERFORMING)
        return case_id
    if state == states.FOLLOW_UP:
        return follow_up_case(env, perf="partial")
    if state == states.CLOSED:
        case_id = follow_up_case(env)
        move(env, case_id, states.CLOSED)
        return case_id
    if state == states.TERMINATED:
        case_id = mediating_case(env)
        move(env, case_id, states.TERMINATED, reason="调解不成", routes=["litigation"])
        return case_id
    if state == states.UNPERFORMED:
        case_id = follow_up_case(env, perf="not_performed")
        move(env, case_id, states.UNPERFORMED, reason="拒不履行", routes=["litigation"])
        return case_id
    if state == states.DECLINED:
        case_id = new_case(env)
        move(env, case_id, states.DECLINED, reason="当事人拒绝")
        return case_id
    assert state == states.ESCALATED
    case_id = new_case(env)
    move(env, case_id, states.ESCALATED, reason="涉及群体性上访", escalate_to="town")
    return case_id


# state -> (targets that succeed with no further input, labels listed as allowed)
EXPECTED = {
    states.ACCEPTED: ((), ["不予调解", "已上报"]),
    states.ASSIGNED: ((states.IN_MEDIATION,), ["调解中", "不予调解", "已上报"]),
    states.IN_MEDIATION: ((), ["终止调解", "已上报"]),
    states.AGREED: ((states.PERFORMING, states.FOLLOW_UP), ["履行中", "回访中", "已上报"]),
    states.PERFORMING: ((states.FOLLOW_UP,), ["回访中", "协议未履行", "已上报"]),
    states.FOLLOW_UP: ((states.PERFORMING,), ["履行中", "协议未履行", "已上报"]),
    states.TERMINATED: ((states.CLOSED,), ["已结案"]),
    states.UNPERFORMED: ((states.CLOSED,), ["已结案"]),
    states.CLOSED: ((), []),
    states.DECLINED: ((), []),
    states.ESCALATED: ((), []),
}


@pytest.mark.parametrize("state", list(EXPECTED))
def test_every_refused_move_says_why_and_what_is_allowed(env: Env, state: str) -> None:
    case_id = _case_in(env, state)
    assert case_row(env.desk, case_id).status == state
    succeed, allowed_labels = EXPECTED[state]
    allowed_text = "、".join(allowed_labels) if allowed_labels else "无（已是终态）"
    refused = [t for t in states.STATES if t not in succeed]
    transitions_before = count(env.desk, CaseTransition)
    outbox_before = count(env.desk, OutboxOp)
    for target in refused:
        with pytest.raises(TransitionError) as e:
            move(env, case_id, target)
        err = e.value
        assert (err.current, err.requested) == (L[state], L[target])
        assert err.allowed == allowed_labels, target
        message = str(err)
        assert message.startswith(f"不能从「{L[state]}」转为「{L[target]}」：")
        assert err.reason and err.reason in message
        assert message.endswith(f"当前允许：{allowed_text}")
        if target not in states.TRANSITIONS[state]:
            expected = (
                f"案件已{L[state]}，不能再变更"
                if not states.TRANSITIONS[state]
                else f"「{L[state]}」的案件不能直接转为「{L[target]}」"
            )
            assert err.reason == expected
    # Refusals change nothing.
    assert case_row(env.desk, case_id).status == state
    assert count(env.desk, CaseTransition) == transitions_before
    assert count(env.desk, OutboxOp) == outbox_before
    assert queries.case_detail(env.desk, env.admin, case_id).allowed_actions == tuple(
        t for t in states.TRANSITIONS[state] if L[t] in allowed_labels
    )


def test_assign_by_transition_needs_a_mediator(env: Env) -> None:
    case_id = new_case(env)
    with pytest.raises(TransitionError) as e:
        move(env, case_id, states.ASSIGNED)
    assert "尚未指派调解员" in e.value.reason


def test_agree_without_sessions_is_refused(env: Env) -> None:
    case_id, _ = assigned_case(env)
    move(env, case_id, states.IN_MEDIATION)  # started without a record yet
    with pytest.raises(TransitionError) as e:
        agreement.record_agreement(env.desk, env.admin, case_id, agreement_data())
    assert e.value.reason == "尚无调解记录，不能登记达成协议"
    assert "终止调解" in str(e.value)
    assert count(env.desk, Agreement) == 0  # the agreement itself was rolled back
    with pytest.raises(TransitionError) as e:
        move(env, case_id, states.AGREED)
    assert "尚无调解记录" in e.value.reason


def test_agree_by_transition_without_agreement_text_is_refused(env: Env) -> None:
    case_id = mediating_case(env)
    with pytest.raises(TransitionError) as e:
        move(env, case_id, states.AGREED)
    assert "尚未录入协议内容" in e.value.reason


@pytest.mark.parametrize(
    "kw, why",
    [
        ({"reason": "调解不成"}, "须告知当事人其他救济途径"),
        ({"routes": ["litigation"]}, "终止调解须写明理由"),
        ({"reason": "  ", "routes": ["litigation"]}, "终止调解须写明理由"),
        ({"reason": "调解不成", "routes": ["prayer"]}, "未知的救济途径：prayer"),
    ],
)
def test_terminate_needs_reason_and_known_routes(env: Env, kw: dict, why: str) -> None:
    case_id = mediating_case(env)
    with pytest.raises(TransitionError) as e:
        move(env, case_id, states.TERMINATED, **kw)
    assert why in e.value.reason
    assert "当前允许：终止调解、已上报" in str(e.value)
    assert case_row(env.desk, case_id).status == states.IN_MEDIATION


@pytest.mark.parametrize(
    "kw, why",
    [
        ({"reason": "涉嫌刑事"}, "上报须选择接收层级"),
        ({"reason": "涉嫌刑事", "escalate_to": "province"}, "上报须选择接收层级"),
        ({"escalate_to": "town"}, "上报须写明理由"),
    ],
)
def test_escalate_needs_level_and_reason(env: Env, kw: dict, why: str) -> None:
    case_id = new_case(env)
    with pytest.raises(TransitionError) as e:
        move(env, case_id, states.ESCALATED, **kw)
    assert why in e.value.reason


def test_decline_needs_a_reason(env: Env) -> None:
    case_id = new_case(env)
    with pytest.raises(TransitionError) as e:
        move(env, case_id, states.DECLINED, reason="")
    assert "不予调解须记录理由" in e.value.reason


def test_close_from_follow_up_without_a_visit_is_refused(env: Env) -> None:
    case_id = agreed_case(env)
    move(env, case_id, states.FOLLOW_UP)  # moved by hand, no visit recorded
    assert allowed(env, case_id) == (states.PERFORMING, states.UNPERFORMED, states.ESCALATED)
    with pytest.raises(TransitionError) as e:
        move(env, case_id, states.CLOSED)
    assert "尚无回访记录" in e.value.reason


def test_close_before_follow_up_is_refused(env: Env) -> None:
    case_id = agreed_case(env)
    with pytest.raises(TransitionError) as e:
        move(env, case_id, states.CLOSED)
    assert e.value.reason == "「已达成协议」的案件不能直接转为「已结案」"
    assert str(e.value).endswith("当前允许：履行中、回访中、已上报")


def test_unknown_target_and_prevented_flag_are_validation_errors(env: Env) -> None:
    case_id = new_case(env)
    with pytest.raises(ValidationError) as e:
        move(env, case_id, "archived")
    assert (e.value.problems[0].field, e.value.problems[0].rule) == ("target", "status_unknown")
    with pytest.raises(ValidationError) as e:
        move(env, case_id, states.DECLINED, reason="拒绝", prevented=["alien"])
    assert e.value.problems[0].rule == "prevented_flag"
    assert case_row(env.desk, case_id).status == states.ACCEPTED


def test_moves_by_loose_case_number(env: Env) -> None:
    case_id = new_case(env)
    year = today().year
    assert move(env, f"({year})谢调字第1号", states.DECLINED, reason="撤回") == states.DECLINED
    assert case_row(env.desk, case_id).status == states.DECLINED


def test_pending_visit_of_a_closed_case_leaves_the_reminder_list(env: Env) -> None:
    case_id = agreed_case(env)
    due = today() - dt.timedelta(days=1)
    first = followup.schedule_follow_up(env.desk, env.admin, case_id, due, "到期回访")
    fid = followup.schedule_follow_up(env.desk, env.admin, case_id, due, "再次回访")
    assert {f.id for f in followup.due_follow_ups(env.desk, env.admin)} == {first, fid}
    # A visit (fulfilling the first schedule) finds it performed; the case is closed with the
    # second scheduled visit still pending.
    followup.record_follow_up(
        env.desk,
        env.admin,
        case_id,
        {"performance_status": "fully_performed", "satisfaction": "satisfied", "notes": "已履行完毕"},
    )
    move(env, case_id, states.CLOSED)
    with pytest.raises(ValidationError) as e:  # it can never be recorded now ...
        followup.record_follow_up(
            env.desk,
            env.admin,
            case_id,
            {
                "follow_up_id": fid,
                "performance_status": "fully_performed",
                "satisfaction": "satisfied",
                "notes": "补记",
            },
        )
    assert e.value.problems[0].rule == "case_not_followable"
    assert followup.due_follow_ups(env.desk, env.admin) == []  # ... so it is no longer due
    history = followup.due_follow_ups(env.desk, env.admin, include_done=True)
    assert len(history) == 2 and {f.case_number for f in history} == {case_row(env.desk, case_id).number}


def test_desk_dates_are_beijing_dates(env: Env) -> None:
    from mediation_desk.core.uow import china_today

    utc = dt.UTC
    # 07:30 in Beijing on the 29th is still the 28th in UTC: the desk's "today" is the 29th.
    assert china_today(dt.datetime(2026, 11, 28, 23, 30, tzinfo=utc)) == dt.date(2026, 11, 29)
    assert china_today(dt.datetime(2026, 11, 28, 15, 59, tzinfo=utc)) == dt.date(2026, 11, 28)
    assert china_today(dt.datetime(2026, 12, 31, 16, 0, tzinfo=utc)) == dt.date(2027, 1, 1)
    with env.desk.write(env.admin) as uow:
        assert uow.today == china_today(uow.now)
    # Every date the services stamp is that date: closing, signing, default agreement date.
    case_id = follow_up_case(env)
    move(env, case_id, states.CLOSED)
    detail = queries.case_detail(env.desk, env.admin, case_id)
    assert detail.closed_on == detail.agreement.effective_on == detail.agreement.reached_on == today()
    assert case_row(env.desk, case_id).accepted_on == today()
