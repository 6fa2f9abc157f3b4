"""派单 through the services: ranking, recusal, a party's refusal, overrides with reasons,
lead and assistants, history kept on removal, and the mediator roster itself."""

from __future__ import annotations

import pytest
from service_helpers import (  # noqa: F401  (env is a fixture)
    Env,
    actor,
    add_mediator,
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
    party,
)
from sqlalchemy import select

from mediation_desk.errors import NotFound, PermissionDenied, ValidationError
from mediation_desk.mediation import assignment, mediators, queries, states, workflow
from mediation_desk.mediation.models_case import CaseAssignment, MediatorRefusal
from mediation_desk.mediation.models_people import Mediator


@pytest.fixture
def roster(env: Env) -> dict[str, str]:
    """Four mediators for a neighbour dispute in 谢家塘村, best first."""
    return {
        "both": add_mediator(env, "谢阿根", skills=["neighbour"], area="谢家塘村"),
        "skill": add_mediator(env, "陈老伯", skills=["neighbour", "family"], area="东山村"),
        "area": add_mediator(env, "王大妈", skills=["family"], area="谢家塘村"),
        "none": add_mediator(env, "李师傅", skills=["contract"], area="西岙村"),
    }


def active(env: Env, case_id: str) -> dict[str, str]:
    """Mediator name -> role of the mediators now on the case."""
    detail = queries.case_detail(env.desk, env.admin, case_id)
    return {a.mediator_name: a.role for a in detail.assignments if a.ended_at is None}


def test_ranking_prefers_skill_then_area(env: Env, roster: dict[str, str]) -> None:
    case_id = new_case(env)
    ranking = assignment.rank_for_case(env.desk, case_id)
    assert [r.name for r in ranking.ranked] == ["谢阿根", "陈老伯", "王大妈", "李师傅"]
    assert [r.score for r in ranking.ranked] == [65.0, 40.0, 25.0, 0.0]
    top = ranking.ranked[0]
    assert "擅长邻里" in top.reasons and "同片区" in top.reasons
    assert ranking.excluded == ()


def test_top_ranked_mediator_is_assigned_without_a_reason(env: Env, roster: dict[str, str]) -> None:
    case_id = new_case(env)
    assert assignment.assign(env.desk, env.admin, case_id, [roster["both"]]) == [roster["both"]]
    assert case_row(env.desk, case_id).status == states.ASSIGNED
    detail = queries.case_detail(env.desk, env.admin, case_id)
    (a,) = detail.assignments
    assert (a.mediator_name, a.role, a.chosen_by, a.rank, a.override_reason, a.assigned_by) == (
        "谢阿根",
        "lead",
        "committee",
        1,
        None,
        env.admin.username,
    )
    assert detail.summary.mediator_names == ("谢阿根",)
    assert "case.assign" in audit_actions(env.desk, case_id)
    ops = outbox_ops(env.desk, "case_assignment")
    assert [o.payload for o in ops] == [{"mediator_id": roster["both"], "chosen_by": "committee"}]


def test_mediator_related_to_a_party_is_recused(env: Env, roster: dict[str, str]) -> None:
    case_id = new_case(env)
    respondent = parties_of(env.desk, case_id)[1]  # 陈建林
    mediators.add_relation(env.desk, env.admin, roster["both"], respondent, "表兄弟")
    ranking = assignment.rank_for_case(env.desk, case_id)
    assert roster["both"] not in [r.mediator_id for r in ranking.ranked]
    (ex,) = ranking.excluded
    assert (ex.mediator_id, ex.rule) == (roster["both"], "related_to_party")
    assert "陈建林" in ex.reason and "表兄弟" in ex.reason and "回避" in ex.reason

    with pytest.raises(ValidationError) as e:
        assignment.assign(env.desk, env.admin, case_id, [roster["both"]], override_reason="他最有经验")
    p = e.value.problems[0]
    assert (p.field, p.rule) == ("mediators", "related_to_party")
    assert "陈建林" in p.message and "表兄弟" in p.message
    assert count(env.desk, CaseAssignment) == 0
    assert case_row(env.desk, case_id).status == states.ACCEPTED


def test_relation_recuses_from_every_case_of_that_person(env: Env, roster: dict[str, str]) -> None:
    chen = party("陈建林", 2)
    first = new_case(env, party("王永年", 1), chen)
    mediators.add_relation(env.desk, env.admin, roster["skill"], parties_of(env.desk, first)[1], "邻居")
    second = new_case(env, party("赵六斤", 3), chen)  # the same person in a new case
    rules = {e.mediator_id: e.rule for e in assignment.rank_for_case(env.desk, second).excluded}
    assert rules == {roster["skill"]: "related_to_party"}
    view = mediators.list_mediators(env.desk)
    assert {m.name: m.relations for m in view}["陈老伯"] == ((parties_of(env.desk, first)[1], "邻居"),)


def test_party_refusal_excludes_and_removes_the_mediator(env: Env, roster: dict[str, str]) -> None:
    case_id = new_case(env)
    wang = parties_of(env.desk, case_id)[0]
    assignment.assign(env.desk, env.admin, case_id, [roster["both"], roster["skill"]])
    assert active(env, case_id) == {"谢阿根": "lead", "陈老伯": "assistant"}

    assignment.record_refusal(env.desk, env.admin, case_id, wang, roster["both"], "认为其偏袒对方")
    # Removed, with the reason kept in the history; the remaining mediator now leads.
    assert active(env, case_id) == {"陈老伯": "lead"}
    detail = queries.case_detail(env.desk, env.admin, case_id)
    ended = next(a for a in detail.assignments if a.mediator_name == "谢阿根")
    assert ended.ended_at is not None and "当事人拒绝" in ended.end_reason
    with env.desk.read() as s:
        refusal = s.scalars(select(MediatorRefusal)).one()
    assert (refusal.person_id, refusal.mediator_id, refusal.reason) == (wang, roster["both"], "认为其偏袒对方")
    # The district hears the assignment ended.
    assert outbox_ops(env.desk, "case_assignment")[-1].payload == {"mediator_id": roster["both"], "ended": True}

    ex = {e.mediator_id: e for e in assignment.rank_for_case(env.desk, case_id).excluded}
    assert ex[roster["both"]].rule == "refused_by_party" and "王永年" in ex[roster["both"]].reason
    with pytest.raises(ValidationError) as e:
        assignment.assign(env.desk, env.admin, case_id, [roster["both"]], override_reason="再试试")
    assert e.value.problems[0].rule == "refused_by_party"


def test_refusal_only_by_a_party(env: Env, roster: dict[str, str]) -> None:
    case_id = new_case(env)
    other = new_case(env, party("赵六斤", 3), party("钱小妹", 4, male=False))
    stranger = parties_of(env.desk, other)[0]
    with pytest.raises(ValidationError) as e:
        assignment.record_refusal(env.desk, env.admin, case_id, stranger, roster["both"])
    assert (e.value.problems[0].field, e.value.problems[0].rule) == ("person_id", "not_a_party")
    assert count(env.desk, MediatorRefusal) == 0


def test_refusal_before_assignment_excludes(env: Env, roster: dict[str, str]) -> None:
    case_id = new_case(env)
    assignment.record_refusal(env.desk, env.admin, case_id, parties_of(env.desk, case_id)[1], roster["both"])
    assert next(r.name for r in assignment.rank_for_case(env.desk, case_id).ranked) == "陈老伯"
    assert not list(outbox_ops(env.desk, "case_assignment"))  # nothing was assigned, nothing ended


def test_non_top_ranked_needs_an_override_reason(env: Env, roster: dict[str, str]) -> None:
    case_id = new_case(env)
    with pytest.raises(ValidationError) as e:
        assignment.assign(env.desk, env.admin, case_id, [roster["area"]])
    p = e.value.problems[0]
    assert (p.field, p.rule) == ("override_reason", "override_reason_required")
    assert "王大妈" in p.message
    assert count(env.desk, CaseAssignment) == 0

    assignment.assign(env.desk, env.admin, case_id, [roster["area"]], override_reason="当事人信任王大妈")
    (a,) = queries.case_detail(env.desk, env.admin, case_id).assignments
    assert (a.mediator_name, a.rank, a.override_reason) == ("王大妈", 3, "当事人信任王大妈")
    with env.desk.read() as s:
        assert s.scalars(select(CaseAssignment.override_reason)).one() == "当事人信任王大妈"


def test_parties_choosing_a_mediator_need_no_override(env: Env, roster: dict[str, str]) -> None:
    case_id = new_case(env)
    assignment.assign(env.desk, env.admin, case_id, [roster["none"]], chosen_by="parties")
    (a,) = queries.case_detail(env.desk, env.admin, case_id).assignments
    assert (a.chosen_by, a.rank, a.override_reason) == ("parties", 4, None)


def test_unavailable_mediator_needs_an_override_even_when_alone(env: Env) -> None:
    only = add_mediator(env, "谢阿根")
    mediators.update_mediator(env.desk, env.admin, only, {"available": False})
    case_id = new_case(env)
    (r,) = assignment.rank_for_case(env.desk, case_id).ranked
    assert "暂不可用" in r.warnings
    with pytest.raises(ValidationError) as e:
        assignment.assign(env.desk, env.admin, case_id, [only])
    assert e.value.problems[0].rule == "override_reason_required"
    assignment.assign(env.desk, env.admin, case_id, [only], override_reason="其他人都在外地")
    assert active(env, case_id) == {"谢阿根": "lead"}


def test_mediator_at_capacity_sinks_and_needs_a_reason(env: Env, roster: dict[str, str]) -> None:
    mediators.update_mediator(env.desk, env.admin, roster["both"], {"max_open_cases": 1})
    first = new_case(env)
    assignment.assign(env.desk, env.admin, first, [roster["both"]])
    second = new_case(env, party("赵六斤", 3), party("钱小妹", 4, male=False))
    ranking = assignment.rank_for_case(env.desk, second)
    by_name = {r.name: r for r in ranking.ranked}
    assert ranking.ranked[0].name == "陈老伯"
    assert by_name["谢阿根"].score == 65 - 5 - 50  # one open case, at capacity
    assert any("在办上限" in w for w in by_name["谢阿根"].warnings)
    with pytest.raises(ValidationError):
        assignment.assign(env.desk, env.admin, second, [roster["both"]])


def test_inactive_mediator_is_excluded(env: Env, roster: dict[str, str]) -> None:
    mediators.update_mediator(env.desk, env.admin, roster["both"], {"active": False})
    case_id = new_case(env)
    rules = {e.mediator_id: e.rule for e in assignment.rank_for_case(env.desk, case_id).excluded}
    assert rules == {roster["both"]: "inactive"}
    with pytest.raises(ValidationError) as e:
        assignment.assign(env.desk, env.admin, case_id, [roster["both"]], override_reason="x")
    assert e.value.problems[0].rule == "inactive"
    assert [m.name for m in mediators.list_mediators(env.desk)] == sorted(["陈老伯", "王大妈", "李师傅"])
    assert len(mediators.list_mediators(env.desk, include_inactive=True)) == 4


def test_several_mediators_lead_and_assistants(env: Env, roster: dict[str, str]) -> None:
    case_id = new_case(env)
    assignment.assign(env.desk, env.admin, case_id, [roster["both"], roster["skill"]])
    assert active(env, case_id) == {"谢阿根": "lead", "陈老伯": "assistant"}
    # Adding one later: an assistant unless named lead.
    assignment.assign(env.desk, env.admin, case_id, [roster["area"]])
    assert active(env, case_id)["王大妈"] == "assistant"
    # Naming a new lead (by name) makes the old lead an assistant: one lead per case.
    assignment.assign(env.desk, env.admin, case_id, [roster["none"]], lead="李师傅", override_reason="熟悉此事")
    assert active(env, case_id) == {
        "谢阿根": "assistant",
        "陈老伯": "assistant",
        "王大妈": "assistant",
        "李师傅": "lead",
    }
    # Already on the case: refused.
    with pytest.raises(ValidationError) as e:
        assignment.assign(env.desk, env.admin, case_id, [roster["both"]], override_reason="x")
    assert e.value.problems[0].rule == "already_assigned"


def test_lead_given_with_the_first_pick_and_bad_leads(env: Env, roster: dict[str, str]) -> None:
    case_id = new_case(env)
    assignment.assign(env.desk, env.admin, case_id, [roster["both"], roster["skill"]], lead=roster["skill"])
    assert active(env, case_id) == {"谢阿根": "assistant", "陈老伯": "lead"}
    other = new_case(env, party("赵六斤", 3), party("钱小妹", 4, male=False))
    with pytest.raises(ValidationError) as e:
        assignment.assign(env.desk, env.admin, other, [roster["both"]], lead=roster["skill"])
    assert e.value.problems[0].rule == "lead_not_chosen"
    with pytest.raises(ValidationError) as e:
        assignment.assign(env.desk, env.admin, other, [roster["both"], "谢阿根"])
    assert e.value.problems[0].rule == "mediator_duplicate"
    with pytest.raises(ValidationError) as e:
        assignment.assign(env.desk, env.admin, other, [])
    assert e.value.problems[0].rule == "mediators_required"
    with pytest.raises(ValidationError) as e:
        assignment.assign(env.desk, env.admin, other, [roster["both"]], chosen_by="lottery")
    assert e.value.problems[0].rule == "chosen_by"
    with pytest.raises(NotFound):
        assignment.assign(env.desk, env.admin, other, ["无此人"])
    assert case_row(env.desk, other).status == states.ACCEPTED
    assert active(env, other) == {}


def test_unassign_keeps_history_and_passes_the_lead(env: Env, roster: dict[str, str]) -> None:
    case_id = new_case(env)
    assignment.assign(env.desk, env.admin, case_id, [roster["both"], roster["skill"]])
    left = assignment.unassign(env.desk, env.admin, case_id, roster["both"], "身体不适")
    assert left == [roster["skill"]]
    detail = queries.case_detail(env.desk, env.admin, case_id)
    rows = {a.mediator_name: a for a in detail.assignments}
    assert set(rows) == {"谢阿根", "陈老伯"}  # history kept
    assert rows["谢阿根"].ended_at is not None and rows["谢阿根"].end_reason == "身体不适"
    assert rows["陈老伯"].ended_at is None and rows["陈老伯"].role == "lead"
    assert detail.summary.mediator_names == ("陈老伯",)
    assert [e.title for e in detail.timeline if e.kind == "assignment"][-1] == "撤换调解员 谢阿根"
    # The one who left may be assigned again, as a new row.
    assignment.assign(env.desk, env.admin, case_id, [roster["both"]])
    assert count(env.desk, CaseAssignment, CaseAssignment.mediator_id == roster["both"]) == 2


@pytest.mark.parametrize("state", [states.ASSIGNED, states.IN_MEDIATION])
def test_unassign_refuses_the_last_mediator_during_mediation(env: Env, state: str) -> None:
    case_id = mediating_case(env) if state == states.IN_MEDIATION else assigned_case(env)[0]
    (mid,) = [a.mediator_id for a in queries.case_detail(env.desk, env.admin, case_id).assignments]
    with pytest.raises(ValidationError) as e:
        assignment.unassign(env.desk, env.admin, case_id, mid, "换人")
    assert (e.value.problems[0].field, e.value.problems[0].rule) == ("mediator", "last_mediator")
    assert active(env, case_id) == {"谢阿根": "lead"}
    with pytest.raises(ValidationError) as e:
        assignment.unassign(env.desk, env.admin, case_id, mid, "  ")
    assert e.value.problems[0].rule == "required"


def test_unassign_someone_not_on_the_case(env: Env, roster: dict[str, str]) -> None:
    case_id = new_case(env)
    assignment.assign(env.desk, env.admin, case_id, [roster["both"]])
    with pytest.raises(NotFound):
        assignment.unassign(env.desk, env.admin, case_id, roster["skill"], "不在本案")


def test_assigning_on_a_finished_case_is_refused(env: Env) -> None:
    case_id = follow_up_case(env)
    workflow.transition(env.desk, env.admin, case_id, states.CLOSED)
    extra = add_mediator(env, "陈老伯")
    with pytest.raises(ValidationError) as e:
        assignment.assign(env.desk, env.admin, case_id, [extra], override_reason="补派")
    assert (e.value.problems[0].field, e.value.problems[0].rule) == ("case", "case_not_assignable")
    assert "已结案" in e.value.problems[0].message
    declined = new_case(env, party("赵六斤", 3), party("钱小妹", 4, male=False))
    workflow.transition(env.desk, env.admin, declined, states.DECLINED, reason="拒绝调解")
    with pytest.raises(ValidationError):
        assignment.assign(env.desk, env.admin, declined, [extra])


def test_open_loads_count_only_open_cases(env: Env) -> None:
    case_id = follow_up_case(env)
    (m,) = mediators.list_mediators(env.desk)
    assert m.open_cases == 1
    workflow.transition(env.desk, env.admin, case_id, states.CLOSED)
    (m,) = mediators.list_mediators(env.desk)
    assert m.open_cases == 0


# ------------------------------------------------------------------ the roster


def test_roster_validation_and_masking(env: Env) -> None:
    with pytest.raises(ValidationError) as e:
        mediators.add_mediator(
            env.desk, env.admin, {"name": "", "phone": "123", "skills": ["神仙"], "max_open_cases": 0, "gender": "x"}
        )
    got = {(p.field, p.rule) for p in e.value.problems}
    assert got == {
        ("name", "required"),
        ("phone", "phone_format"),
        ("skills[0]", "skill_unknown"),
        ("max_open_cases", "capacity_range"),
        ("gender", "gender"),
    }
    assert count(env.desk, Mediator) == 0

    view = mediators.add_mediator(
        env.desk,
        env.admin,
        {"name": "谢阿根", "phone": "+86 139 1234 5678", "skills": "邻里、婚姻家庭", "gender": "男"},
    )
    assert (view.phone, view.skills, view.gender) == ("13912345678", ("family", "neighbour"), "male")
    (listed,) = mediators.list_mediators(env.desk)
    assert listed.phone == "139****5678"
    assert "13912345678" not in str(outbox_ops(env.desk, "mediator")[0].payload)


def test_roster_permissions_and_lookup_by_name(env: Env) -> None:
    clerk = actor(env, "clerk", "clerk")
    mediator_user = actor(env, "xieagen", "mediator")
    mediators.add_mediator(env.desk, clerk, {"name": "谢阿根"})
    with pytest.raises(PermissionDenied):
        mediators.add_mediator(env.desk, mediator_user, {"name": "陈老伯"})
    mediators.add_mediator(env.desk, env.admin, {"name": "谢阿根", "area": "东山村"})
    case_id = new_case(env)
    with pytest.raises(ValidationError) as e:
        assignment.assign(env.desk, env.admin, case_id, ["谢阿根"])
    assert e.value.problems[0].rule == "mediator_ambiguous"
    with pytest.raises(NotFound):
        mediators.update_mediator(env.desk, env.admin, "no-such-id", {"available": False})
    with pytest.raises(NotFound):
        mediators.add_relation(env.desk, env.admin, "no-such-id", parties_of(env.desk, case_id)[0], "亲戚")


def test_refusing_the_lead_hands_the_case_to_the_assistant(env: Env, roster: dict[str, str]) -> None:
    case_id = mediating_case(env, mediator_id=roster["both"])
    assignment.assign(env.desk, env.admin, case_id, [roster["skill"]])
    assert active(env, case_id) == {"谢阿根": "lead", "陈老伯": "assistant"}
    assignment.record_refusal(env.desk, env.admin, case_id, parties_of(env.desk, case_id)[1], roster["both"])
    assert active(env, case_id) == {"陈老伯": "lead"}
    # A later pick joins as assistant, since the case has a lead again.
    assignment.assign(env.desk, env.admin, case_id, [roster["area"]], override_reason="补充人手")
    assert active(env, case_id) == {"陈老伯": "lead", "王大妈": "assistant"}
