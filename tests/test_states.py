"""The case state machine: every move it does not list is refused, every guard holds."""

from __future__ import annotations

import dataclasses

import pytest

from mediation_desk.errors import TransitionError
from mediation_desk.mediation import states
from mediation_desk.mediation.states import (
    ACCEPTED,
    AGREED,
    ASSIGNED,
    CLOSED,
    DECLINED,
    ESCALATED,
    FOLLOW_UP,
    IN_MEDIATION,
    LABELS,
    PERFORMANCE_DONE,
    PERFORMING,
    STATES,
    TERMINATED,
    TRANSITIONS,
    CaseFacts,
    available_actions,
    blocking_reason,
    check_transition,
)

# Facts that satisfy every guard: only the transition table can refuse a move.
EVERYTHING = CaseFacts(
    active_mediators=1,
    sessions=2,
    has_agreement=True,
    agreement_effective=True,
    performance_status=PERFORMANCE_DONE,
    followups_done=1,
    reason="当事人一方明确表示不愿调解",
    routes_told=("litigation",),
    escalate_to="town",
)
# Withdrawn or refused only while the written agreement is unsigned (art. 29, art. 26).
UNSIGNED_WRITTEN = dataclasses.replace(EVERYTHING, agreement_form="written", agreement_effective=False)
NOT_LISTED = [(s, t) for s in STATES for t in STATES if t not in TRANSITIONS[s]]
LISTED = [(s, t) for s in STATES for t in TRANSITIONS[s]]


def refusal(current: str, target: str, facts: CaseFacts) -> TransitionError:
    with pytest.raises(TransitionError) as info:
        check_transition(current, target, facts)
    return info.value


def test_every_state_has_a_label_and_a_row():
    assert set(TRANSITIONS) == set(STATES) == set(LABELS)
    assert all(t in STATES for targets in TRANSITIONS.values() for t in targets)
    assert {s for s, targets in TRANSITIONS.items() if not targets} == states.FINAL_STATES
    assert states.OPEN_STATES.isdisjoint(states.FINAL_STATES)


@pytest.mark.parametrize("current, target", NOT_LISTED)
def test_moves_not_in_the_table_are_refused(current, target):
    err = refusal(current, target, EVERYTHING)
    assert err.current == LABELS[current] and err.requested == LABELS[target]
    assert err.reason
    expected_allowed = [LABELS[t] for t in available_actions(current, EVERYTHING)]
    assert err.allowed == expected_allowed
    text = str(err)
    assert err.reason in text
    assert "当前允许" in text
    if expected_allowed:
        assert all(label in text for label in expected_allowed)
        assert "不能直接转为" in err.reason
    else:
        assert "已是终态" in text
        assert "不能再变更" in err.reason


@pytest.mark.parametrize("current, target", LISTED)
def test_listed_moves_pass_when_their_guards_are_met(current, target):
    facts = UNSIGNED_WRITTEN if current == AGREED and target in (IN_MEDIATION, TERMINATED) else EVERYTHING
    check_transition(current, target, facts)
    assert blocking_reason(current, target, facts) is None


def test_unknown_states_are_named():
    assert "未知的案件状态" in blocking_reason("bogus", ACCEPTED, EVERYTHING)
    assert "未知的目标状态" in blocking_reason(ACCEPTED, "bogus", EVERYTHING)
    with pytest.raises(TransitionError):
        check_transition(ACCEPTED, "bogus", EVERYTHING)


def _guarded(current: str, target: str, facts: CaseFacts, words: str) -> None:
    err = refusal(current, target, facts)
    assert words in err.reason, err.reason
    assert words in str(err)
    assert err.allowed == [LABELS[t] for t in available_actions(current, facts)]


@pytest.mark.parametrize("current, target", [(ACCEPTED, ASSIGNED), (ASSIGNED, IN_MEDIATION)])
def test_no_mediator(current, target):
    _guarded(current, target, CaseFacts(), "尚未指派调解员")


def test_no_session_no_agreement():
    _guarded(IN_MEDIATION, AGREED, CaseFacts(active_mediators=1, has_agreement=True), "尚无调解记录")
    _guarded(IN_MEDIATION, AGREED, CaseFacts(active_mediators=1, sessions=1), "尚未录入协议内容")


@pytest.mark.parametrize(
    "facts, words",
    [
        (CaseFacts(active_mediators=1, routes_told=("litigation",)), "须写明理由"),
        (CaseFacts(active_mediators=1, reason="   ", routes_told=("litigation",)), "须写明理由"),
        (CaseFacts(active_mediators=1, reason="双方分歧过大"), "其他救济途径"),
        (
            CaseFacts(active_mediators=1, reason="双方分歧过大", routes_told=("litigation", "duel")),
            "未知的救济途径：duel",
        ),
    ],
)
def test_terminated_needs_reason_and_known_routes(facts, words):
    _guarded(IN_MEDIATION, TERMINATED, facts, words)


@pytest.mark.parametrize("current", [ACCEPTED, ASSIGNED])
@pytest.mark.parametrize("reason", [None, "", "  \n"])
def test_declined_without_reason(current, reason):
    _guarded(current, DECLINED, CaseFacts(active_mediators=1, reason=reason), "不予调解须记录理由")


@pytest.mark.parametrize("current", [ACCEPTED, ASSIGNED, IN_MEDIATION])
def test_escalated_needs_level_and_reason(current):
    _guarded(current, ESCALATED, CaseFacts(reason="涉及多村土地"), "须选择接收层级")
    _guarded(current, ESCALATED, CaseFacts(reason="涉及多村土地", escalate_to="province"), "须选择接收层级")
    _guarded(current, ESCALATED, CaseFacts(escalate_to="county"), "上报须写明理由")


@pytest.mark.parametrize("current, target", [(AGREED, PERFORMING), (AGREED, FOLLOW_UP), (FOLLOW_UP, PERFORMING)])
def test_no_agreement_nothing_to_perform(current, target):
    _guarded(current, target, CaseFacts(active_mediators=1, sessions=1), "没有协议")


def test_close_needs_a_follow_up_and_full_performance():
    base = {"active_mediators": 1, "sessions": 1, "has_agreement": True}
    _guarded(FOLLOW_UP, CLOSED, CaseFacts(**base, performance_status=PERFORMANCE_DONE), "尚无回访记录")
    _guarded(FOLLOW_UP, CLOSED, CaseFacts(**base, followups_done=1, performance_status="partial"), "尚未履行完毕")
    _guarded(FOLLOW_UP, CLOSED, CaseFacts(**base, followups_done=2), "尚未履行完毕")


def test_happy_path_agreement_to_closing():
    facts = CaseFacts(active_mediators=1)
    check_transition(ACCEPTED, ASSIGNED, facts)
    check_transition(ASSIGNED, IN_MEDIATION, facts)
    facts = CaseFacts(active_mediators=1, sessions=1, has_agreement=True, agreement_effective=True)
    check_transition(IN_MEDIATION, AGREED, facts)
    check_transition(AGREED, PERFORMING, facts)
    check_transition(PERFORMING, FOLLOW_UP, facts)
    check_transition(FOLLOW_UP, PERFORMING, facts)  # the visit found it unfinished
    check_transition(AGREED, FOLLOW_UP, facts)  # oral agreement performed on the spot
    check_transition(
        FOLLOW_UP,
        CLOSED,
        CaseFacts(
            active_mediators=1, sessions=1, has_agreement=True, followups_done=1, performance_status=PERFORMANCE_DONE
        ),
    )


def test_happy_path_termination_declining_escalation():
    check_transition(
        IN_MEDIATION,
        TERMINATED,
        CaseFacts(active_mediators=1, reason="一方坚持起诉", routes_told=("litigation", "arbitration")),
    )
    check_transition(TERMINATED, CLOSED, CaseFacts())  # no follow-up needed after termination
    check_transition(ACCEPTED, DECLINED, CaseFacts(reason="被申请人明确拒绝调解"))
    check_transition(ASSIGNED, DECLINED, CaseFacts(active_mediators=1, reason="申请人撤回"))
    check_transition(ACCEPTED, ESCALATED, CaseFacts(escalate_to="town", reason="跨村纠纷"))
    check_transition(IN_MEDIATION, ESCALATED, CaseFacts(escalate_to="county", reason="群体性纠纷"))


def test_available_actions():
    assert available_actions(ACCEPTED, CaseFacts()) == [DECLINED, ESCALATED]
    assert available_actions(ACCEPTED, CaseFacts(active_mediators=1)) == [ASSIGNED, DECLINED, ESCALATED]
    assert available_actions(ASSIGNED, CaseFacts()) == [DECLINED, ESCALATED]
    assert available_actions(IN_MEDIATION, CaseFacts(active_mediators=1)) == [TERMINATED, ESCALATED]
    assert available_actions(IN_MEDIATION, CaseFacts(active_mediators=1, sessions=1, has_agreement=True)) == [
        AGREED,
        TERMINATED,
        ESCALATED,
    ]
    assert available_actions(AGREED, CaseFacts()) == [ESCALATED]
    signed = CaseFacts(has_agreement=True, agreement_effective=True)
    assert available_actions(AGREED, signed) == [PERFORMING, FOLLOW_UP, ESCALATED]
    assert available_actions(FOLLOW_UP, signed) == [PERFORMING, states.UNPERFORMED, ESCALATED]
    assert available_actions(FOLLOW_UP, EVERYTHING) == [CLOSED, PERFORMING, states.UNPERFORMED, ESCALATED]
    assert available_actions(TERMINATED, CaseFacts()) == [CLOSED]
    for final in (CLOSED, DECLINED, ESCALATED):
        assert available_actions(final, EVERYTHING) == []
    assert states.allowed_targets("bogus") == ()


@pytest.mark.parametrize("target", [PERFORMING, FOLLOW_UP])
def test_a_written_agreement_not_yet_signed_cannot_be_performed_or_followed_up(target):
    unsigned = CaseFacts(active_mediators=1, sessions=1, has_agreement=True, agreement_effective=False)
    err = refusal(AGREED, target, unsigned)
    assert "第二十九条" in err.reason and "签字" in err.reason
    assert available_actions(AGREED, unsigned) == [ESCALATED]
