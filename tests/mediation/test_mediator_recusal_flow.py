"""A mediator who may no longer act on a case: refused by a party (art. 23, issue 16 item 4) or
related to a party recorded after assignment (回避, item 5). Nothing is recorded in their name
until another mediator is assigned; a namesake of a party is ranked last with a flag."""

from __future__ import annotations

import pytest
from service_helpers import (  # noqa: F401  (env is a fixture)
    Env,
    add_mediator,
    agreement_data,
    assigned_case,
    audit_actions,
    case_row,
    count,
    env,
    mediating_case,
    new_case,
    outbox_ops,
    parties_of,
    party,
    session_data,
)
from sqlalchemy import select

from mediation_desk.errors import NotFound, ValidationError
from mediation_desk.mediation import agreement, assignment, case_page_view, mediators, queries, sessions, states
from mediation_desk.mediation.assignment_rules import SAME_NAME
from mediation_desk.mediation.models_case import Agreement, CaseAssignment, SessionRecord


def acting(env: Env, case_id: str) -> dict[str, str]:
    """Name → role of the mediators now on the case."""
    detail = queries.case_detail(env.desk, env.admin, case_id)
    return {a.mediator_name: a.role for a in detail.assignments if a.ended_at is None}


def refusal(e: pytest.ExceptionInfo[ValidationError]) -> tuple[str, str, str]:
    (p,) = e.value.problems
    return p.field, p.rule, p.message


# ------------------------------------------------------------------ a party refuses the only mediator


def test_refusing_the_only_mediator_stops_notes_and_agreements_until_another_is_assigned(env: Env) -> None:
    case_id = mediating_case(env)
    applicant = parties_of(env.desk, case_id)[0]
    assignment.record_refusal(env.desk, env.admin, case_id, applicant, "谢阿根", "认为其偏袒对方")
    assert acting(env, case_id) == {}
    people = parties_of(env.desk, case_id)

    with pytest.raises(ValidationError) as e:
        sessions.add_session(env.desk, env.admin, case_id, session_data(people, outcome="continue"))
    field, rule, message = refusal(e)
    assert (field, rule) == ("mediators", "no_acting_mediator")
    assert "第十九条" in message and "第二十三条" in message and "指派" in message
    with pytest.raises(ValidationError) as e:
        agreement.record_agreement(env.desk, env.admin, case_id, agreement_data())
    assert refusal(e)[:2] == ("mediators", "no_acting_mediator")
    assert count(env.desk, SessionRecord) == 1 and count(env.desk, Agreement) == 0
    assert case_row(env.desk, case_id).status == states.IN_MEDIATION

    # The case says why it waits, in its history and its audit trail.
    detail = queries.case_detail(env.desk, env.admin, case_id)
    (ended,) = [a for a in detail.assignments if a.ended_at is not None]
    assert "第二十三条" in (ended.end_reason or "") and "重新指派" in (ended.end_reason or "")
    assert "case.reassign_needed" in audit_actions(env.desk, case_id)
    assert {"mediator_id": ended.mediator_id, "ended": True} in [o.payload for o in outbox_ops(env.desk)]

    # The refused mediator cannot come back; another one can, and work goes on.
    with pytest.raises(ValidationError) as e:
        assignment.assign(env.desk, env.admin, case_id, ["谢阿根"], override_reason="无人可派")
    assert refusal(e)[1] == "refused_by_party"
    assignment.assign(env.desk, env.admin, case_id, [add_mediator(env, "陈老伯")])
    assert acting(env, case_id) == {"陈老伯": "lead"}
    sessions.add_session(env.desk, env.admin, case_id, session_data(people))
    agreement.record_agreement(env.desk, env.admin, case_id, agreement_data())
    assert case_row(env.desk, case_id).status == states.AGREED


def test_refusing_one_of_two_mediators_hands_the_lead_on(env: Env) -> None:
    case_id = new_case(env)
    lead, other = add_mediator(env, "谢阿根"), add_mediator(env, "陈老伯")
    assignment.assign(env.desk, env.admin, case_id, [lead, other], lead=lead, override_reason="两人合办")
    assignment.record_refusal(env.desk, env.admin, case_id, parties_of(env.desk, case_id)[1], lead)
    assert acting(env, case_id) == {"陈老伯": "lead"}
    assert "case.reassign_needed" not in audit_actions(env.desk, case_id)
    sessions.add_session(env.desk, env.admin, case_id, session_data(parties_of(env.desk, case_id)))
    with env.desk.read() as s:
        (rec,) = s.scalars(select(SessionRecord))
    assert rec.mediator_ids == [other]


def test_after_the_agreement_a_refused_mediator_is_replaced(env: Env) -> None:
    """Once agreed a case takes no extra mediators, but one must replace a refused last one."""
    case_id = mediating_case(env)
    agreement.record_agreement(env.desk, env.admin, case_id, agreement_data())
    with pytest.raises(ValidationError) as e:
        assignment.assign(env.desk, env.admin, case_id, [add_mediator(env, "王大妈")], override_reason="加派")
    assert refusal(e)[1] == "case_not_assignable"

    def offered() -> set[str]:
        return {a.key for a in case_page_view.load_case_page(env.desk, env.admin, case_id).actions}

    assert "assign" not in offered()
    assignment.record_refusal(env.desk, env.admin, case_id, parties_of(env.desk, case_id)[0], "谢阿根")
    assert "assign" in offered()  # the case page offers the way out
    assignment.assign(env.desk, env.admin, case_id, ["王大妈"], override_reason="原调解员被拒绝")
    assert acting(env, case_id) == {"王大妈": "lead"}


def test_bad_refusals_are_refused(env: Env) -> None:
    case_id = mediating_case(env)
    with pytest.raises(ValidationError) as e:
        assignment.record_refusal(env.desk, env.admin, case_id, "someone-else", "谢阿根")
    assert refusal(e)[:2] == ("person_id", "not_a_party")
    with pytest.raises(NotFound):
        assignment.record_refusal(env.desk, env.admin, case_id, parties_of(env.desk, case_id)[0], "无此人")
    assert acting(env, case_id) == {"谢阿根": "lead"}


# ------------------------------------------------------------------ a relation found after assignment


def test_a_relation_recorded_after_assignment_ends_the_assignment(env: Env) -> None:
    case_id = mediating_case(env)
    respondent = parties_of(env.desk, case_id)[1]
    mediator_id = queries.case_detail(env.desk, env.admin, case_id).assignments[0].mediator_id
    ended = mediators.add_relation(env.desk, env.admin, mediator_id, respondent, "表兄弟")
    assert ended == [case_id]
    assert acting(env, case_id) == {}
    detail = queries.case_detail(env.desk, env.admin, case_id)
    (a,) = detail.assignments
    assert "表兄弟" in (a.end_reason or "") and "回避" in (a.end_reason or "") and "重新指派" in (a.end_reason or "")
    actions = audit_actions(env.desk, case_id)
    assert "case.mediator_recused" in actions and "case.reassign_needed" in actions
    with pytest.raises(ValidationError) as e:
        sessions.add_session(env.desk, env.admin, case_id, session_data(parties_of(env.desk, case_id)))
    assert refusal(e)[1] == "no_acting_mediator"
    # Recorded again (the wording changed): nothing more to end.
    assert mediators.add_relation(env.desk, env.admin, mediator_id, respondent, "表兄") == []


def test_a_relation_leaves_the_cases_of_other_parties_alone(env: Env) -> None:
    wang, chen, li = party("王永年", 1), party("陈建林", 2), party("李国强", 3)
    mediator_id = add_mediator(env, "谢阿根")
    of_chen, _ = assigned_case(env, mediator_id, parties=[wang, chen])
    not_of_chen, _ = assigned_case(env, mediator_id, parties=[party("王永年", 1), li])
    ended = mediators.add_relation(env.desk, env.admin, mediator_id, parties_of(env.desk, of_chen)[1], "邻居")
    assert ended == [of_chen]
    assert acting(env, not_of_chen) == {"谢阿根": "lead"}
    with env.desk.read() as s:
        open_rows = s.scalars(select(CaseAssignment).where(CaseAssignment.ended_at.is_(None))).all()
    assert [r.case_id for r in open_rows] == [not_of_chen]


def test_bad_relations_are_refused_and_end_nothing(env: Env) -> None:
    case_id, mediator_id = assigned_case(env)
    respondent = parties_of(env.desk, case_id)[1]
    with pytest.raises(ValidationError) as e:
        mediators.add_relation(env.desk, env.admin, mediator_id, respondent, "  ")
    assert refusal(e)[:2] == ("relation", "required")
    with pytest.raises(NotFound):
        mediators.add_relation(env.desk, env.admin, mediator_id, "no-such-person", "表兄弟")
    assert acting(env, case_id) == {"谢阿根": "lead"}


# ------------------------------------------------------------------ a namesake of a party


def test_a_namesake_of_a_party_is_ranked_last_with_a_flag(env: Env) -> None:
    namesake = add_mediator(env, "陈建林", skills=["neighbour"], area="谢家塘村")  # best by skill and area
    add_mediator(env, "李师傅", skills=["contract"], area="西岙村")  # worst by score
    case_id = new_case(env)  # parties 王永年 and 陈建林
    ranking = assignment.rank_for_case(env.desk, case_id)
    assert [r.name for r in ranking.ranked] == ["李师傅", "陈建林"]
    last = ranking.ranked[-1]
    assert (last.mediator_id, last.flags) == (namesake, (SAME_NAME,))
    assert SAME_NAME == "与当事人同名，请核实是否亲属" and SAME_NAME in last.warnings
    assert ranking.ranked[0].flags == ()
    # Choosing the namesake asks the committee why, as any doubtful choice does.
    with pytest.raises(ValidationError) as e:
        assignment.assign(env.desk, env.admin, case_id, [namesake])
    assert refusal(e)[:2] == ("override_reason", "override_reason_required")
    assignment.assign(env.desk, env.admin, case_id, [namesake], override_reason="已核实非亲属，同名不同人")
    assert acting(env, case_id) == {"陈建林": "lead"}
