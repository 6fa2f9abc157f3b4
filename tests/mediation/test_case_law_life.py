"""A case's life after an agreement, by the People's Mediation Law: an unsigned written agreement
withdrawn (art. 29) or refused (art. 26), escalation from any open state (art. 25), an agreement
not performed (art. 32), performance only of an agreement in effect, and no agreement straight
after a session recorded 调解不成."""

from __future__ import annotations

import pytest
from service_helpers import (  # noqa: F401  (env is a fixture)
    Env,
    agreed_case,
    agreement_data,
    audit_actions,
    case_row,
    count,
    env,
    follow_up_case,
    mediating_case,
    outbox_ops,
    parties_of,
    session_data,
    today,
)
from sqlalchemy import select

from mediation_desk.core.models import OutboxOp
from mediation_desk.errors import TransitionError, ValidationError
from mediation_desk.mediation import agreement, agreement_life, followup, queries, sessions, states, workflow
from mediation_desk.mediation.case_page_view import load_case_page
from mediation_desk.mediation.models_case import Agreement


def _agreement(env: Env, case_id: str) -> Agreement:
    with env.desk.read() as s:
        return s.scalars(select(Agreement).where(Agreement.case_id == case_id)).one()


def _actions(env: Env, case_id: str) -> dict[str, str | None]:
    return {a.key: a.blocked for a in load_case_page(env.desk, env.admin, case_id).actions}


# ------------------------------------------------------------------ item 1: unsigned agreement


def test_an_unsigned_agreement_can_be_withdrawn_and_mediation_resumes(env: Env) -> None:
    case_id = agreed_case(env, signed=False)
    assert {"withdraw", "refuse_sign", "escalate"} <= set(_actions(env, case_id))
    status = agreement_life.withdraw_agreement(env.desk, env.admin, case_id, "被申请人要求修改履行期限")
    assert status == states.IN_MEDIATION
    a = _agreement(env, case_id)
    assert (a.withdrawn_on, a.withdrawn_reason) == (today(), "被申请人要求修改履行期限")
    assert "agreement.withdrawn" in audit_actions(env.desk, case_id)
    update = [o for o in outbox_ops(env.desk, "agreement") if o.kind == "update"][-1]
    assert update.payload["fields"] == {"withdrawn_on": today().isoformat()}
    detail = queries.case_detail(env.desk, env.admin, case_id)
    assert detail.agreement is not None and detail.agreement.withdrawn_on == today()
    assert not detail.agreement.in_effect
    # A withdrawn agreement is not signed afterwards; a new one is recorded in its place.
    with pytest.raises(ValidationError) as e:
        agreement.confirm_signatures(env.desk, env.admin, case_id)
    assert e.value.problems[0].rule == "agreement_withdrawn"
    sessions.add_session(env.desk, env.admin, case_id, session_data(parties_of(env.desk, case_id)))
    again = agreement.record_agreement(env.desk, env.admin, case_id, agreement_data(terms=["一、围墙降低二十公分。"]))
    assert (again.withdrawn_on, again.terms) == (None, ("一、围墙降低二十公分。",))
    assert agreement.confirm_signatures(env.desk, env.admin, case_id).in_effect


def test_a_party_refusing_to_sign_ends_mediation_with_routes(env: Env) -> None:
    case_id = agreed_case(env, signed=False)
    status = agreement_life.terminate_refused_signature(
        env.desk, env.admin, case_id, "被申请人拒绝在协议上签字", ["litigation"]
    )
    assert status == states.TERMINATED
    case = case_row(env.desk, case_id)
    assert (case.status_reason, case.routes_told) == ("被申请人拒绝在协议上签字", ["litigation"])
    assert _agreement(env, case_id).withdrawn_on == today()
    assert workflow.transition(env.desk, env.admin, case_id, states.CLOSED) == states.CLOSED


def test_withdrawal_and_refusal_need_their_reason_and_routes(env: Env) -> None:
    case_id = agreed_case(env, signed=False)
    before = count(env.desk, OutboxOp)
    with pytest.raises(TransitionError, match="第二十九条"):
        agreement_life.withdraw_agreement(env.desk, env.admin, case_id, "  ")
    with pytest.raises(TransitionError, match="第二十六条"):
        agreement_life.terminate_refused_signature(env.desk, env.admin, case_id, "拒签", [])
    with pytest.raises(TransitionError, match="未知的救济途径"):
        agreement_life.terminate_refused_signature(env.desk, env.admin, case_id, "拒签", ["duel"])
    assert count(env.desk, OutboxOp) == before and _agreement(env, case_id).withdrawn_on is None


def test_a_signed_agreement_is_not_withdrawn(env: Env) -> None:
    case_id = agreed_case(env)
    actions = _actions(env, case_id)
    assert "withdraw" not in actions and "refuse_sign" not in actions
    with pytest.raises(TransitionError, match="第三十二条"):
        agreement_life.withdraw_agreement(env.desk, env.admin, case_id, "想改条款")
    with pytest.raises(TransitionError, match="第三十二条"):
        agreement_life.terminate_refused_signature(env.desk, env.admin, case_id, "拒签", ["litigation"])


# ------------------------------------------------------------------ item 6: escalation, not performed


@pytest.mark.parametrize("where", ["agreed_unsigned", "agreed", "performing", "follow_up"])
def test_escalation_from_agreed_performing_and_follow_up(env: Env, where: str) -> None:
    if where == "follow_up":
        case_id = follow_up_case(env, perf="partial")
    else:
        case_id = agreed_case(env, signed=where != "agreed_unsigned")
        if where == "performing":
            workflow.transition(env.desk, env.admin, case_id, states.PERFORMING)
    assert _actions(env, case_id)["escalate"] is None
    with pytest.raises(TransitionError, match="第二十五条"):
        agreement_life.escalate(env.desk, env.admin, case_id, "province", "矛盾升级")
    assert agreement_life.escalate(env.desk, env.admin, case_id, "town", "矛盾升级，可能激化") == states.ESCALATED
    assert case_row(env.desk, case_id).escalated_to == "town"


def test_a_visit_finding_it_not_performed_ends_as_unperformed(env: Env) -> None:
    case_id = agreed_case(env)
    visit = {
        "performance_status": "not_performed",
        "satisfaction": "dissatisfied",
        "renewed_conflict": True,
        "notes": "被申请人拒付，双方再起争执",
        "then": states.UNPERFORMED,
        "reason": "被申请人拒不履行",
        "routes": ["arbitration"],
    }
    with pytest.raises(TransitionError, match="第三十二条") as e:
        followup.record_follow_up(env.desk, env.admin, case_id, visit)
    assert "诉讼" in e.value.reason
    assert case_row(env.desk, case_id).status == states.AGREED  # nothing of the visit was saved
    followup.record_follow_up(env.desk, env.admin, case_id, {**visit, "routes": ["litigation"]})
    case = case_row(env.desk, case_id)
    assert (case.status, case.routes_told, case.status_reason) == (
        states.UNPERFORMED,
        ["litigation"],
        "被申请人拒不履行",
    )
    assert _actions(env, case_id) == {"close": None}
    assert workflow.transition(env.desk, env.admin, case_id, states.CLOSED) == states.CLOSED


def test_unperformed_by_the_mediator_and_its_bad_input(env: Env) -> None:
    case_id = follow_up_case(env, perf="partial")
    with pytest.raises(ValidationError) as e:
        followup.record_follow_up(
            env.desk,
            env.admin,
            case_id,
            {"performance_status": "partial", "satisfaction": "basic", "notes": "仍欠款", "then": "closed"},
        )
    assert e.value.problems[0].rule == "after_visit"
    with pytest.raises(TransitionError, match="须写明理由"):
        agreement_life.record_unperformed(env.desk, env.admin, case_id, "", ["litigation"])
    assert agreement_life.record_unperformed(env.desk, env.admin, case_id, "拒付余款", ["litigation"]) == (
        states.UNPERFORMED
    )


def test_an_agreement_not_yet_signed_is_not_unperformed(env: Env) -> None:
    unsigned = agreed_case(env, signed=False)
    with pytest.raises(TransitionError):
        agreement_life.record_unperformed(env.desk, env.admin, unsigned, "拒付", ["litigation"])


def test_performance_is_refused_before_the_agreement_is_in_effect(env: Env) -> None:
    case_id = agreed_case(env, signed=False)
    for status in ("fully_performed", "partial"):
        with pytest.raises(ValidationError) as e:
            agreement.update_performance(env.desk, env.admin, case_id, status)
        assert (e.value.problems[0].rule, "第二十九条" in e.value.problems[0].message) == (
            "agreement_not_in_effect",
            True,
        )
    assert _agreement(env, case_id).performance_status == "pending"
    agreement.confirm_signatures(env.desk, env.admin, case_id)
    assert agreement.update_performance(env.desk, env.admin, case_id, "fully_performed").performance_status == (
        "fully_performed"
    )


def test_no_agreement_straight_after_a_failed_session(env: Env) -> None:
    case_id = mediating_case(env)
    people = parties_of(env.desk, case_id)
    sessions.add_session(env.desk, env.admin, case_id, session_data(people, outcome="failed", result="分歧大"))
    assert "第二十七条" in (_actions(env, case_id)["agreement"] or "")
    with pytest.raises(TransitionError, match="调解不成"):
        agreement.record_agreement(env.desk, env.admin, case_id, agreement_data())
    assert count(env.desk, Agreement) == 0
    sessions.add_session(env.desk, env.admin, case_id, session_data(people))
    assert agreement.record_agreement(env.desk, env.admin, case_id, agreement_data()).form == "written"
