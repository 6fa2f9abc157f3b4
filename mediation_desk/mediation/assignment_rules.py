"""Ranking mediators for a case (派单).

Pure rules, no I/O: the caller loads the roster and the case, this module says who
may take the case, in what order, and why.  Every number in a score comes with a
Chinese sentence so the committee can see (and overrule) the suggestion, because
under the People's Mediation Law the committee appoints the mediator or the parties
choose one (art. 19); the ranking is advice, not a decision.

Hard rules (the mediator is *excluded* and never ranked):

* ``related_to_party`` - a mediator related to a party must recuse (回避);
* ``refused_by_party`` - a party may refuse a mediator (art. 23);
* ``inactive`` - retired from the roster;
* ``already_assigned`` - already on this case, suggesting them again is noise.

Soft rules only change the score, so a mediator who is on leave or at capacity is
still listed (with a warning) and a clerk can pick them by hand if nobody else fits.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

RULE_RELATED = "related_to_party"
RULE_REFUSED = "refused_by_party"
RULE_INACTIVE = "inactive"
RULE_ALREADY_ASSIGNED = "already_assigned"
#: Priority used when one mediator breaks several hard rules: the reported rule is the
#: most serious one, recusal first because it is a legal duty, not a preference.
EXCLUSION_PRIORITY: tuple[str, ...] = (RULE_RELATED, RULE_REFUSED, RULE_INACTIVE, RULE_ALREADY_ASSIGNED)

_EMPTY: Mapping[str, str] = MappingProxyType({})


@dataclass(frozen=True)
class MediatorProfile:
    """What the ranking needs to know about one mediator (a snapshot, not the DB row)."""

    mediator_id: str
    name: str
    skills: frozenset[str]  # dispute type codes, e.g. {"neighbour", "family"}
    area: str | None  # village / grid the mediator covers
    available: bool  # False = on leave / unavailable (soft: still listed)
    open_cases: int  # cases assigned and not finished
    max_open_cases: int | None  # capacity, None = no limit
    related_person_ids: frozenset[str]  # persons this mediator must recuse for
    relation_notes: Mapping[str, str] = field(default_factory=lambda: _EMPTY)  # person_id -> "表兄弟"
    active: bool = True  # False = retired from the roster (hard: excluded)


@dataclass(frozen=True)
class CaseForRanking:
    """The few facts of a case that matter for choosing a mediator."""

    dispute_type: str
    dispute_subtype: str | None
    area: str | None
    party_person_ids: frozenset[str]
    party_names: Mapping[str, str]  # person_id -> name, for reason text
    refused_mediator_ids: Mapping[str, str]  # mediator_id -> person_id of the refusing party
    already_assigned_ids: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Exclusion:
    """A mediator who must not be suggested, with the one rule reported and why."""

    mediator_id: str
    name: str
    rule: str  # one of EXCLUSION_PRIORITY
    reason: str  # Chinese sentence naming the party where one is involved


@dataclass(frozen=True)
class RankedMediator:
    """A suggestion; ``reasons`` explains every score component, ``warnings`` the soft problems."""

    mediator_id: str
    name: str
    score: float
    reasons: tuple[str, ...]
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class Ranking:
    ranked: tuple[RankedMediator, ...]  # best first; ties by name then id
    excluded: tuple[Exclusion, ...]  # sorted by name then id


@dataclass(frozen=True)
class RankingWeights:
    """Points per component; configurable because each committee weighs things differently.

    The unavailable and at-capacity penalties are large but finite on purpose: such a
    mediator sinks to the bottom yet stays on the list for a manual override.
    """

    skill_match: float = 40.0  # mediator lists the case's dispute type
    subtype_match: float = 10.0  # mediator also lists the dispute subtype
    area_match: float = 25.0  # mediator covers the village / grid of the dispute
    load_per_case: float = 5.0  # penalty per open case ...
    load_cap: float = 25.0  # ... but never more than this, so load cannot swamp skill
    unavailable_penalty: float = 100.0
    at_capacity_penalty: float = 50.0


DEFAULT_WEIGHTS = RankingWeights()


def _label(code: str, type_labels: Mapping[str, str] | None) -> str:
    """Chinese label for a type code; the code itself if the label table lacks it."""
    if type_labels:
        label = type_labels.get(code)
        if label:
            return label
    return code


def _same_area(a: str | None, b: str | None) -> bool:
    return bool(a and b and a.strip() and a.strip() == b.strip())


def _party_name(case: CaseForRanking, person_id: str) -> str:
    return case.party_names.get(person_id) or person_id


def _sorted_party_ids(case: CaseForRanking, ids: Iterable[str]) -> list[str]:
    return sorted(ids, key=lambda pid: (_party_name(case, pid), pid))


def _exclusion(case: CaseForRanking, m: MediatorProfile) -> Exclusion | None:
    """First hard rule the mediator breaks, in EXCLUSION_PRIORITY order, or None."""
    # A note for a person counts as a relation even if the id set was not updated:
    # for recusal it is safer to over-exclude than to miss a relative.
    related = (set(m.related_person_ids) | set(m.relation_notes)) & set(case.party_person_ids)
    if related:
        parts = []
        for pid in _sorted_party_ids(case, related):
            note = (m.relation_notes.get(pid) or "").strip()
            parts.append(f"与当事人{_party_name(case, pid)}存在关系" + (f"（{note}）" if note else ""))
        return Exclusion(m.mediator_id, m.name, RULE_RELATED, "、".join(parts) + "，应当回避")
    if m.mediator_id in case.refused_mediator_ids:
        who = _party_name(case, case.refused_mediator_ids[m.mediator_id])
        return Exclusion(
            m.mediator_id, m.name, RULE_REFUSED, f"当事人{who}拒绝该调解员调解（《人民调解法》第二十三条）"
        )
    if not m.active:
        return Exclusion(m.mediator_id, m.name, RULE_INACTIVE, "已退出调解员名册")
    if m.mediator_id in case.already_assigned_ids:
        return Exclusion(m.mediator_id, m.name, RULE_ALREADY_ASSIGNED, "已指派办理本案")
    return None


def _score(
    case: CaseForRanking, m: MediatorProfile, w: RankingWeights, type_labels: Mapping[str, str] | None
) -> RankedMediator:
    """Sum of the components, each with its own reason so the total can be checked by hand."""
    score = 0.0
    reasons: list[str] = []
    warnings: list[str] = []

    type_label = _label(case.dispute_type, type_labels)
    if case.dispute_type in m.skills:
        score += w.skill_match
        reasons.append(f"擅长{type_label}")
    else:
        reasons.append(f"未登记擅长{type_label}")
    if case.dispute_subtype and case.dispute_subtype in m.skills:
        score += w.subtype_match
        reasons.append(f"擅长{_label(case.dispute_subtype, type_labels)}")

    if _same_area(m.area, case.area):
        score += w.area_match
        reasons.append("同片区")
    elif not case.area or not case.area.strip():
        reasons.append("纠纷地点未填，片区不计分")
    elif not m.area or not m.area.strip():
        reasons.append("调解员片区未登记")
    else:
        reasons.append(f"非同片区（负责{m.area.strip()}）")

    open_cases = max(0, m.open_cases)
    score -= min(open_cases * w.load_per_case, w.load_cap)
    reasons.append(f"在办案件 {open_cases} 件")

    if not m.available:
        score -= w.unavailable_penalty
        reasons.append("暂不可用")
        warnings.append("暂不可用")
    if m.max_open_cases is not None and open_cases >= m.max_open_cases:
        score -= w.at_capacity_penalty
        text = f"已达在办上限 {m.max_open_cases} 件"
        reasons.append(text)
        warnings.append(text)

    return RankedMediator(m.mediator_id, m.name, score, tuple(reasons), tuple(warnings))


def rank_mediators(
    case: CaseForRanking,
    mediators: Iterable[MediatorProfile],
    *,
    weights: RankingWeights = DEFAULT_WEIGHTS,
    type_labels: Mapping[str, str] | None = None,
) -> Ranking:
    """Split the roster into excluded (hard rules) and ranked (soft score), best first.

    Ties break by name (plain code-point order, not pinyin) then id, so the same input
    always gives the same list (a clerk re-opening the dialog must not see it change).  Duplicate mediator ids are a
    bug upstream and raise ``ValueError`` rather than being silently merged.
    """
    ranked: list[RankedMediator] = []
    excluded: list[Exclusion] = []
    seen: set[str] = set()
    for m in mediators:
        if m.mediator_id in seen:
            raise ValueError(f"duplicate mediator_id in roster: {m.mediator_id!r}")
        seen.add(m.mediator_id)
        ex = _exclusion(case, m)
        if ex is not None:
            excluded.append(ex)
        else:
            ranked.append(_score(case, m, weights, type_labels))
    ranked.sort(key=lambda r: (-r.score, r.name, r.mediator_id))
    excluded.sort(key=lambda e: (e.name, e.mediator_id))
    return Ranking(tuple(ranked), tuple(excluded))


def explain(r: RankedMediator) -> str:
    """One line for a tooltip or the case log: the reasons joined with "；"."""
    return "；".join(r.reasons)
