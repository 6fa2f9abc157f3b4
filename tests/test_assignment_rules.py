"""Tests for mediation_desk.mediation.assignment_rules (派单 ranking)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from mediation_desk.mediation.assignment_rules import (
    DEFAULT_WEIGHTS,
    EXCLUSION_PRIORITY,
    FIT_WORDS,
    CaseForRanking,
    Exclusion,
    MediatorProfile,
    RankedMediator,
    Ranking,
    RankingWeights,
    covered_area,
    explain,
    fit_of,
    rank_mediators,
)

LABELS = {"neighbour": "邻里纠纷", "family": "婚姻家庭纠纷", "land": "土地纠纷", "boundary": "宅基地界址"}


def med(
    mid: str,
    name: str,
    *,
    skills=(),
    area=None,
    available=True,
    open_cases=0,
    max_open_cases=None,
    related=(),
    notes=None,
    active=True,
) -> MediatorProfile:
    return MediatorProfile(
        mediator_id=mid,
        name=name,
        skills=frozenset(skills),
        area=area,
        available=available,
        open_cases=open_cases,
        max_open_cases=max_open_cases,
        related_person_ids=frozenset(related),
        relation_notes=dict(notes or {}),
        active=active,
    )


def case(
    *, dispute_type="neighbour", subtype=None, area="谢家塘村", parties=None, refused=None, assigned=()
) -> CaseForRanking:
    parties = parties if parties is not None else {"p1": "张三", "p2": "李四"}
    return CaseForRanking(
        dispute_type=dispute_type,
        dispute_subtype=subtype,
        area=area,
        party_person_ids=frozenset(parties),
        party_names=dict(parties),
        refused_mediator_ids=dict(refused or {}),
        already_assigned_ids=frozenset(assigned),
    )


def ids(ranking: Ranking) -> list[str]:
    return [r.mediator_id for r in ranking.ranked]


def by_id(ranking: Ranking, mid: str) -> RankedMediator:
    return next(r for r in ranking.ranked if r.mediator_id == mid)


def only_exclusion(ranking: Ranking) -> Exclusion:
    assert len(ranking.excluded) == 1
    return ranking.excluded[0]


# --- scoring and ordering -------------------------------------------------------------


def test_skill_and_area_ordering():
    roster = [
        med("m0", "甲", skills=set(), area="外村"),
        med("m1", "乙", skills={"neighbour"}, area="谢家塘村"),
        med("m2", "丙", skills={"neighbour"}, area="外村"),
        med("m3", "丁", skills=set(), area="谢家塘村"),
    ]
    r = rank_mediators(case(), roster, type_labels=LABELS)
    assert ids(r) == ["m1", "m2", "m3", "m0"]  # 65, 40, 25, 0
    assert [x.score for x in r.ranked] == [65.0, 40.0, 25.0, 0.0]
    best = r.ranked[0]
    assert best.reasons[:2] == ("擅长邻里纠纷", "同片区")
    assert best.warnings == ()
    assert "未登记擅长邻里纠纷" in by_id(r, "m0").reasons
    assert "非同片区（负责外村）" in by_id(r, "m0").reasons


def test_area_reasons_when_missing():
    r = rank_mediators(case(area=None), [med("m1", "甲", area="谢家塘村")])
    assert "纠纷地点未填，片区不计分" in r.ranked[0].reasons
    r = rank_mediators(case(), [med("m1", "甲", area=None)])
    assert "调解员片区未登记" in r.ranked[0].reasons
    assert r.ranked[0].score == 0.0


def test_area_compare_ignores_surrounding_spaces():
    r = rank_mediators(case(area="谢家塘村 "), [med("m1", "甲", area=" 谢家塘村")])
    assert r.ranked[0].score == DEFAULT_WEIGHTS.area_match
    assert "同片区" in r.ranked[0].reasons


def test_a_place_inside_the_mediators_area_is_the_same_area():
    # 纠纷发生地 "谢家塘村3组" lies in the area of a mediator covering "谢家塘村".
    roster = [
        med("m1", "戴才良", skills={"neighbour"}, area="谢家塘村"),
        med("m2", "王永年", skills={"neighbour"}, area="晋生村"),
    ]
    r = rank_mediators(case(area="谢家塘村3组"), roster, type_labels=LABELS)
    top = r.ranked[0]
    assert top.mediator_id == "m1" and top.score == 65.0
    assert "同片区（负责谢家塘村）" in top.reasons
    assert not any(reason.startswith("非同片区") for reason in top.reasons)
    assert "非同片区（负责晋生村）" in by_id(r, "m2").reasons


@pytest.mark.parametrize(
    "place, area, covered",
    [
        ("谢家塘村3组", "谢家塘村", "谢家塘村"),
        ("谢塘镇谢家塘村3组", "谢家塘村", "谢家塘村"),  # with the town in front
        ("谢家塘村", "谢家塘村3组", "谢家塘村3组"),  # the place said less precisely
        ("谢家塘村第三组", "谢家塘村3组", "谢家塘村3组"),  # 第三组 = 3组
        ("谢家塘村１２组", "谢家塘村十二组", "谢家塘村十二组"),  # full-width and Chinese numbers
        ("晋生村5组", "谢家塘村、晋生村", "晋生村"),  # a mediator covering two villages
        (" 谢家塘村 ", "谢家塘村", "谢家塘村"),
        ("谢家塘村3组", "谢家塘", "谢家塘"),  # the unit left out, still a whole name
        ("下谢家塘村", "谢家塘村", None),  # another village whose name ends the same
        ("谢家塘村3组", "谢家", None),  # part of a name is not a place
        ("谢家塘村11组", "谢家塘村1组", None),
        ("谢家塘村11组", "1组", None),
        ("谢家塘村3组", "谢家塘村5组", None),
        ("", "谢家塘村", None),
        ("谢家塘村", None, None),
    ],
)
def test_areas_are_compared_as_places(place, area, covered):
    assert covered_area(place, area) == covered


def test_scores_are_shown_as_words():
    roster = [
        med("both", "甲", skills={"neighbour"}, area="谢家塘村"),
        med("skill", "乙", skills={"neighbour"}, area="外村"),
        med("none", "丙", area="外村", open_cases=5),  # nothing in favour, busy: still 一般
        med("away", "丁", skills={"neighbour"}, area="谢家塘村", available=False),
    ]
    r = rank_mediators(case(), roster)
    assert [(x.mediator_id, x.fit) for x in r.ranked] == [
        ("both", "strong"),
        ("skill", "good"),
        ("none", "fair"),
        ("away", "weak"),  # 65 - 100: shown as words, never as -35
    ]
    assert [FIT_WORDS[x.fit] for x in r.ranked] == ["很合适", "合适", "一般", "不太合适"]
    # The words follow the order of the list: a better score never gets a worse word.
    scores = [float(s) for s in range(-150, 100, 5)]
    bands = list(FIT_WORDS)
    assert [bands.index(fit_of(s)) for s in sorted(scores, reverse=True)] == sorted(
        bands.index(fit_of(s)) for s in scores
    )


def test_subtype_match_adds_bonus():
    roster = [med("m1", "甲", skills={"land"}), med("m2", "乙", skills={"land", "boundary"})]
    r = rank_mediators(case(dispute_type="land", subtype="boundary", area=None), roster, type_labels=LABELS)
    assert ids(r) == ["m2", "m1"]
    assert "擅长宅基地界址" in by_id(r, "m2").reasons
    assert by_id(r, "m2").score == 50.0


def test_load_ordering_and_reason():
    roster = [
        med("m1", "甲", skills={"neighbour"}, open_cases=3),
        med("m2", "乙", skills={"neighbour"}, open_cases=0),
        med("m3", "丙", skills={"neighbour"}, open_cases=1),
    ]
    r = rank_mediators(case(area=None), roster)
    assert ids(r) == ["m2", "m3", "m1"]
    assert by_id(r, "m1").score == 40 - 15
    assert "在办案件 3 件" in by_id(r, "m1").reasons
    assert "在办案件 0 件" in by_id(r, "m2").reasons


def test_load_penalty_is_capped():
    roster = [med("m1", "甲", open_cases=100), med("m2", "乙", open_cases=5)]
    r = rank_mediators(case(area=None), roster)
    assert by_id(r, "m1").score == -DEFAULT_WEIGHTS.load_cap
    assert by_id(r, "m2").score == -DEFAULT_WEIGHTS.load_cap
    assert ids(r) == ["m2", "m1"]  # equal score -> name order by code point (乙 U+4E59 < 甲 U+7532)


def test_unavailable_listed_last_with_warning():
    roster = [
        med("m1", "甲", skills={"neighbour"}, area="谢家塘村", available=False),
        med("m2", "乙", skills=set(), area="外村", open_cases=4),
        med("m3", "丙", skills={"neighbour"}, area="谢家塘村"),
    ]
    r = rank_mediators(case(), roster, type_labels=LABELS)
    assert ids(r) == ["m3", "m2", "m1"]
    last = r.ranked[-1]
    assert last.warnings == ("暂不可用",)
    assert "暂不可用" in last.reasons
    assert last.score == 65 - 100
    assert r.excluded == ()  # soft rule: still listed for a manual override


def test_at_capacity_warning_and_penalty():
    roster = [
        med("m1", "甲", skills={"neighbour"}, open_cases=5, max_open_cases=5),
        med("m2", "乙", skills={"neighbour"}, open_cases=4, max_open_cases=5),
        med("m3", "丙", skills={"neighbour"}, open_cases=9, max_open_cases=None),
    ]
    r = rank_mediators(case(area=None), roster)
    assert ids(r) == ["m2", "m3", "m1"]  # 20, 15, -35
    full = by_id(r, "m1")
    assert full.warnings == ("已达在办上限 5 件",)
    assert full.score == 40 - 25 - 50
    assert by_id(r, "m2").warnings == ()
    assert by_id(r, "m3").warnings == ()  # no limit


def test_unavailable_and_at_capacity_both_warn():
    r = rank_mediators(case(area=None), [med("m1", "甲", available=False, open_cases=2, max_open_cases=2)])
    assert r.ranked[0].warnings == ("暂不可用", "已达在办上限 2 件")
    assert r.ranked[0].score == -10 - 100 - 50


def test_explain_joins_reasons():
    r = rank_mediators(
        case(), [med("m1", "甲", skills={"neighbour"}, area="谢家塘村", open_cases=2)], type_labels=LABELS
    )
    assert explain(r.ranked[0]) == "擅长邻里纠纷；同片区；在办案件 2 件"


# --- exclusions ---------------------------------------------------------------------


def test_related_to_party_excluded_with_party_and_relation():
    roster = [
        med("m1", "老娘舅王伯", skills={"neighbour"}, related={"p1"}, notes={"p1": "表兄弟"}),
        med("m2", "赵阿姨"),
    ]
    r = rank_mediators(case(), roster)
    assert ids(r) == ["m2"]
    ex = only_exclusion(r)
    assert (ex.mediator_id, ex.name, ex.rule) == ("m1", "老娘舅王伯", "related_to_party")
    assert ex.reason == "与当事人张三存在关系（表兄弟），应当回避"


def test_related_without_note_and_note_only():
    r = rank_mediators(case(), [med("m1", "甲", related={"p2"})])
    assert only_exclusion(r).reason == "与当事人李四存在关系，应当回避"
    # a relation note alone is enough: recusal errs on the safe side
    r = rank_mediators(case(), [med("m1", "甲", notes={"p2": "邻居"})])
    assert only_exclusion(r).rule == "related_to_party"
    assert "李四" in only_exclusion(r).reason and "邻居" in only_exclusion(r).reason


def test_related_to_non_party_is_not_excluded():
    r = rank_mediators(case(), [med("m1", "甲", related={"someone_else"}, notes={"someone_else": "舅舅"})])
    assert ids(r) == ["m1"] and r.excluded == ()


def test_refused_by_party_names_the_party():
    r = rank_mediators(case(refused={"m1": "p2"}), [med("m1", "甲"), med("m2", "乙")])
    assert ids(r) == ["m2"]
    ex = only_exclusion(r)
    assert ex.rule == "refused_by_party"
    assert "李四" in ex.reason and "拒绝" in ex.reason


def test_refused_by_unknown_person_falls_back_to_id():
    r = rank_mediators(case(refused={"m1": "p9"}), [med("m1", "甲")])
    assert "p9" in only_exclusion(r).reason


def test_inactive_excluded():
    r = rank_mediators(case(), [med("m1", "甲", active=False)])
    ex = only_exclusion(r)
    assert ex.rule == "inactive" and ex.reason
    assert r.ranked == ()


def test_already_assigned_excluded():
    r = rank_mediators(case(assigned={"m1"}), [med("m1", "甲"), med("m2", "乙")])
    assert ids(r) == ["m2"]
    ex = only_exclusion(r)
    assert ex.rule == "already_assigned" and ex.reason


@pytest.mark.parametrize(
    "kwargs, expected",
    [
        ({"related": {"p1"}, "active": False}, "related_to_party"),
        ({"active": False}, "refused_by_party"),  # also refused, also assigned (see below)
        ({"related": {"p1"}}, "related_to_party"),
    ],
)
def test_exclusion_priority(kwargs, expected):
    c = case(refused={"m1": "p2"}, assigned={"m1"})
    r = rank_mediators(c, [med("m1", "甲", **kwargs)])
    assert len(r.excluded) == 1  # reported once, by the first rule
    assert only_exclusion(r).rule == expected


def test_exclusion_priority_inactive_before_already_assigned():
    r = rank_mediators(case(assigned={"m1"}), [med("m1", "甲", active=False)])
    assert only_exclusion(r).rule == "inactive"
    assert EXCLUSION_PRIORITY == ("related_to_party", "refused_by_party", "inactive", "already_assigned")


def test_multiple_parties():
    parties = {"p1": "张三", "p2": "李四", "p3": "王五"}
    roster = [
        med("m1", "甲", related={"p3"}, notes={"p3": "堂兄"}),
        med("m2", "乙", related={"p2", "p3"}, notes={"p2": "邻居", "p3": "雇主"}),
        med("m3", "丙"),
        med("m4", "丁"),
    ]
    r = rank_mediators(case(parties=parties, refused={"m3": "p1"}), roster)
    assert ids(r) == ["m4"]
    reasons = {e.mediator_id: e for e in r.excluded}
    assert reasons["m1"].reason == "与当事人王五存在关系（堂兄），应当回避"
    assert "李四" in reasons["m2"].reason and "王五" in reasons["m2"].reason
    assert "邻居" in reasons["m2"].reason and "雇主" in reasons["m2"].reason
    assert reasons["m3"].rule == "refused_by_party" and "张三" in reasons["m3"].reason


def test_all_excluded():
    roster = [med("m1", "甲", related={"p1"}), med("m2", "乙", active=False), med("m3", "丙")]
    r = rank_mediators(case(refused={"m3": "p2"}), roster)
    assert r.ranked == ()
    assert {e.rule for e in r.excluded} == {"related_to_party", "inactive", "refused_by_party"}


def test_empty_roster():
    r = rank_mediators(case(), [])
    assert r == Ranking(ranked=(), excluded=())


# --- determinism, weights, labels ---------------------------------------------------


def test_ties_break_by_name_then_id_regardless_of_input_order():
    roster = [
        med("m3", "李", skills={"neighbour"}),
        med("m2", "王", skills={"neighbour"}),
        med("m1", "李", skills={"neighbour"}),
        med("m0", "陈", skills={"neighbour"}),
    ]
    expected = sorted([(m.name, m.mediator_id) for m in roster])
    first = rank_mediators(case(), roster)
    assert [(x.name, x.mediator_id) for x in first.ranked] == expected
    for rotated in (roster[::-1], roster[1:] + roster[:1]):
        assert rank_mediators(case(), rotated) == first


def test_excluded_order_is_deterministic():
    roster = [med("m2", "乙", active=False), med("m1", "甲", active=False)]
    a = rank_mediators(case(), roster)
    b = rank_mediators(case(), roster[::-1])
    assert a.excluded == b.excluded
    assert [e.mediator_id for e in a.excluded] == ["m2", "m1"]  # 乙 U+4E59 < 甲 U+7532


def test_changed_weights_change_order():
    roster = [
        med("skill", "甲", skills={"neighbour"}, area="外村"),
        med("local", "乙", skills=set(), area="谢家塘村"),
    ]
    assert ids(rank_mediators(case(), roster)) == ["skill", "local"]
    local_first = RankingWeights(skill_match=10, area_match=30)
    assert ids(rank_mediators(case(), roster, weights=local_first)) == ["local", "skill"]


def test_small_unavailable_penalty_lets_unavailable_expert_win():
    roster = [
        med("away", "甲", skills={"neighbour"}, area="谢家塘村", available=False),
        med("here", "乙"),
    ]
    assert ids(rank_mediators(case(), roster)) == ["here", "away"]
    lenient = replace(DEFAULT_WEIGHTS, unavailable_penalty=10)
    r = rank_mediators(case(), roster, weights=lenient)
    assert ids(r) == ["away", "here"]
    assert r.ranked[0].warnings == ("暂不可用",)


def test_unknown_type_label_falls_back_to_code():
    roster = [med("m1", "甲", skills={"water"})]
    r = rank_mediators(case(dispute_type="water"), roster, type_labels=LABELS)
    assert "擅长water" in r.ranked[0].reasons
    r = rank_mediators(case(dispute_type="water"), roster)  # no label table at all
    assert "擅长water" in r.ranked[0].reasons
    r = rank_mediators(case(dispute_type="water"), roster, type_labels={"water": ""})
    assert "擅长water" in r.ranked[0].reasons


def test_duplicate_mediator_id_rejected():
    with pytest.raises(ValueError):
        rank_mediators(case(), [med("m1", "甲"), med("m1", "乙")])


def test_accepts_generator_and_results_are_frozen():
    r = rank_mediators(case(), (m for m in [med("m1", "甲")]))
    with pytest.raises(AttributeError):
        r.ranked[0].score = 99  # type: ignore[misc]
