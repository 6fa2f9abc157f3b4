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

A mediator whose name is a party's name is not excluded (names repeat in a village) but flagged
``SAME_NAME`` and put after everyone else whatever the score: the roster may simply lack the
relation, and the committee must ask before appointing them.

The score orders the list; people are shown words, never the number: each ranked mediator's
``fit`` (很合适 / 合适 / 一般 / 不太合适) is the band its score falls in.

Areas are compared as places, not as strings: a dispute in "谢家塘村3组" lies in the area of a
mediator who covers "谢家塘村" (and a mediator of "谢家塘村3组" is local to a dispute placed
only in "谢家塘村"), while "谢家塘村" and "下谢家塘村" or "1组" and "11组" stay different places.
"""

from __future__ import annotations

import re
import unicodedata
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

SAME_NAME = "与当事人同名，请核实是否亲属"

FIT_STRONG = "strong"
FIT_GOOD = "good"
FIT_FAIR = "fair"
FIT_WEAK = "weak"
#: The words shown for each band, best first (the window translates them; the CLI prints them).
FIT_WORDS: Mapping[str, str] = MappingProxyType(
    {FIT_STRONG: "很合适", FIT_GOOD: "合适", FIT_FAIR: "一般", FIT_WEAK: "不太合适"}
)


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
    score: float  # orders the list; shown as ``fit``, never as a number
    reasons: tuple[str, ...]
    warnings: tuple[str, ...]
    fit: str = FIT_FAIR  # one of FIT_WORDS: the band of ``score``
    # What the committee must check before appointing (SAME_NAME); each is also a warning, so
    # choosing a flagged mediator asks for a reason like any other doubtful choice.
    flags: tuple[str, ...] = ()


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
    # Where the words start (scores at or above): 很合适 for skill and area with a light load,
    # 合适 for skill or area alone, 一般 for nothing in favour however busy, 不太合适 below that
    # (on leave, at capacity).
    strong_fit: float = 50.0
    good_fit: float = 25.0
    fair_fit: float = -25.0


DEFAULT_WEIGHTS = RankingWeights()


def _label(code: str, type_labels: Mapping[str, str] | None) -> str:
    """Chinese label for a type code; the code itself if the label table lacks it."""
    if type_labels:
        label = type_labels.get(code)
        if label:
            return label
    return code


# The last character of an administrative or village unit: a place name ends at one of them.
_UNIT_ENDS = frozenset("省市区县旗镇乡村组队片屯寨道居格")
_AREA_SEPARATORS = re.compile(r"[、，,；;/／]+")
_SPACES = re.compile(r"\s+")
_ORDINAL = re.compile(r"第(?=\d)")
_CHINESE_UNIT_NUMBER = re.compile(r"([一二三四五六七八九十两]{1,3})(?=组|队|小组|片|网格)")
_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _chinese_number(text: str) -> str:
    """A unit's number in Chinese as digits: "三" -> "3", "十二" -> "12"; anything else unchanged."""
    tens, _, ones = text.partition("十")
    if "十" not in text:
        return str(_DIGITS[text]) if text in _DIGITS else text
    if (tens and tens not in _DIGITS) or (ones and ones not in _DIGITS):
        return text
    return str((_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[ones] if ones else 0))


def normalise_area(text: str) -> str:
    """The spelling-independent form of a place: no spaces, ASCII digits, "第三组" = "3组"."""
    text = _SPACES.sub("", unicodedata.normalize("NFKC", text))
    text = _CHINESE_UNIT_NUMBER.sub(lambda m: _chinese_number(m.group(1)), text)
    return _ORDINAL.sub("", text)


def _lies_in(inner: str, outer: str) -> bool:
    """Whether the place `inner` (normalised) is `outer` or a part of it: `outer` appears in
    `inner` as whole units — starting where a unit starts, ending where a unit ends."""
    start = inner.find(outer)
    while start >= 0:
        end = start + len(outer)
        starts_a_unit = start == 0 or inner[start - 1] in _UNIT_ENDS
        ends_a_unit = end == len(inner) or outer[-1] in _UNIT_ENDS or inner[end] in _UNIT_ENDS
        if starts_a_unit and ends_a_unit and not (outer[-1].isdigit() and inner[end : end + 1].isdigit()):
            return True
        start = inner.find(outer, start + 1)
    return False


def covered_area(case_area: str | None, mediator_area: str | None) -> str | None:
    """The part of the mediator's area (as they registered it; "谢家塘村、晋生村" names two) that
    the dispute's place lies in — or that lies in it — or None when the two are different
    places or either is unknown."""
    place = normalise_area(case_area or "")
    if not place:
        return None
    for part in _AREA_SEPARATORS.split(mediator_area or ""):
        area = normalise_area(part)
        if area and (_lies_in(place, area) or _lies_in(area, place)):
            return part.strip()
    return None


def fit_of(score: float, w: RankingWeights = DEFAULT_WEIGHTS) -> str:
    """The band of a score, as shown instead of the number."""
    if score >= w.strong_fit:
        return FIT_STRONG
    if score >= w.good_fit:
        return FIT_GOOD
    if score >= w.fair_fit:
        return FIT_FAIR
    return FIT_WEAK


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

    covered = covered_area(case.area, m.area)
    if covered is not None:
        score += w.area_match
        same = normalise_area(covered) == normalise_area(case.area or "")
        reasons.append("同片区" if same else f"同片区（负责{covered}）")
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

    flags = (SAME_NAME,) if _same_name_as_a_party(case, m) else ()
    warnings.extend(flags)
    return RankedMediator(m.mediator_id, m.name, score, tuple(reasons), tuple(warnings), fit_of(score, w), flags)


def _name_key(name: str) -> str:
    """A name as compared for sameness: width and spaces do not count ("王 永年" is "王永年")."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", name))


def _same_name_as_a_party(case: CaseForRanking, m: MediatorProfile) -> bool:
    own = _name_key(m.name)
    return bool(own) and any(_name_key(name) == own for name in case.party_names.values())


def rank_mediators(
    case: CaseForRanking,
    mediators: Iterable[MediatorProfile],
    *,
    weights: RankingWeights = DEFAULT_WEIGHTS,
    type_labels: Mapping[str, str] | None = None,
) -> Ranking:
    """Split the roster into excluded (hard rules) and ranked (soft score), best first.

    Flagged mediators (a party's namesake) come after every other one, whatever their score.
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
    ranked.sort(key=lambda r: (bool(r.flags), -r.score, r.name, r.mediator_id))
    excluded.sort(key=lambda e: (e.name, e.mediator_id))
    return Ranking(tuple(ranked), tuple(excluded))


def explain(r: RankedMediator) -> str:
    """One line for a tooltip or the case log: the reasons joined with "；"."""
    return "；".join(r.reasons)
