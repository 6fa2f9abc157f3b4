"""The site-code rules, pure (no database): months and their cut-off in Beijing time, the colour of
a code at any moment and the history a month closes with, escalation (covert inspection, joint
enforcement), the conversion rate, the placard's QR payload and the scheme as the district sends
it. Each edge is tested on both sides of the instant it turns on."""

from __future__ import annotations

import datetime as dt
import re
import string
import uuid
from dataclasses import replace
from typing import Any

import pytest

from mediation_desk.sitecode import placard_code, rules
from mediation_desk.sitecode.rules import GREEN, RED, YELLOW, HazardFact, InspectionFact, PlaceFacts, Thresholds
from mediation_desk.sitecode.scheme import DEFAULT_SCHEME, SchemeProblem, scheme_from_wire, scheme_to_wire

HAN = re.compile(r"[\u4e00-\u9fff]")
TICK = dt.timedelta(microseconds=1)


def bj(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, second, tzinfo=rules.BEIJING)


def place(
    created: dt.datetime, *inspections: tuple[str, dt.datetime], hazards: tuple[HazardFact, ...] = ()
) -> PlaceFacts:
    return PlaceFacts("p1", created, tuple(InspectionFact(m, at) for m, at in inspections), hazards)


def monthly(first: str, last: str, day: int = 10) -> list[tuple[str, dt.datetime]]:
    """An on-time self-inspection for every month from `first` to `last`."""
    return [(m, bj(int(m[:4]), int(m[5:]), day, 10)) for m in rules.months_between(first, last)]


CREATED = bj(2025, 12, 15, 9)  # owes from 2026-01


# ---- months and the cut-off ---------------------------------------------------------------------


def test_months_parse_and_count() -> None:
    assert rules.parse_month(" 2026-08 ") == "2026-08"
    for bad in ("2026-13", "2026-00", "2026-8", "26-08", "1999-01", "2026/08", ""):
        with pytest.raises(ValueError, match="YYYY-MM"):
            rules.parse_month(bad)
    assert rules.add_months("2026-12", 1) == "2027-01"
    assert rules.add_months("2026-01", -1) == "2025-12"
    assert rules.months_between("2025-11", "2026-02") == ["2025-11", "2025-12", "2026-01", "2026-02"]
    assert rules.months_between("2026-03", "2026-02") == []
    assert rules.month_text("2026-08") == "2026年8月"
    with pytest.raises(ValueError):
        rules.beijing_day(dt.datetime(2026, 1, 1))  # naive: refused


def test_cutoff_is_midnight_after_the_last_day_by_default() -> None:
    assert rules.cutoff("2026-01") == bj(2026, 2, 1)
    assert rules.cutoff("2026-04") == bj(2026, 5, 1)
    assert rules.cutoff("2026-12") == bj(2027, 1, 1)
    assert rules.period_of(bj(2026, 1, 31, 23, 59, 59)) == "2026-01"
    assert rules.period_of(bj(2026, 2, 1)) == "2026-02"
    # Beijing, not UTC: 2026-01-31 16:00 UTC is already February in Beijing.
    assert rules.period_of(dt.datetime(2026, 1, 31, 16, tzinfo=dt.UTC)) == "2026-02"
    assert rules.period_of(dt.datetime(2026, 1, 31, 15, 59, 59, tzinfo=dt.UTC)) == "2026-01"


def test_february_cutoff_and_leap_year() -> None:
    assert rules.cutoff("2026-02") == bj(2026, 3, 1)
    assert rules.cutoff("2028-02") == bj(2028, 3, 1)
    leap = place(bj(2027, 12, 20), ("2028-02", bj(2028, 2, 29, 23, 59, 59)))
    code = rules.month_code(leap, "2028-02")
    assert code is not None and code.colour == GREEN
    missed = rules.month_code(place(bj(2027, 12, 20)), "2028-02")
    assert missed is not None and missed.colour == RED
    assert "截止 2月29日" in missed.reasons[0]
    assert "截止 2月28日" in rules.month_code(place(CREATED), "2026-02").reasons[0]  # type: ignore[union-attr]
    late = Thresholds(cutoff_day=25)
    assert rules.cutoff("2026-02", late) == bj(2026, 2, 26)  # day 25, hour 24: the end of the 25th


def test_configured_cutoff_day_and_hour() -> None:
    th = Thresholds(cutoff_day=25, cutoff_hour=18)
    assert rules.cutoff("2026-03", th) == bj(2026, 3, 25, 18)
    assert rules.period_of(bj(2026, 3, 25, 17, 59, 59), th) == "2026-03"
    assert rules.period_of(bj(2026, 3, 25, 18), th) == "2026-04"  # the rest of March is April's
    assert rules.period_of(bj(2026, 12, 28), th) == "2027-01"
    facts = place(CREATED, ("2026-03", bj(2026, 3, 25, 17, 59, 59)))
    assert rules.month_code(facts, "2026-03", th).colour == GREEN  # type: ignore[union-attr]
    facts = place(CREATED, ("2026-03", bj(2026, 3, 25, 18)))
    code = rules.month_code(facts, "2026-03", th)
    assert code is not None and code.colour == RED and code.missed_month == "2026-03"
    assert "截止 3月25日" in code.reasons[0]
    # The code at a moment: due 3月25日, shown so.
    now = rules.code_at(place(CREATED, *monthly("2026-01", "2026-02")), bj(2026, 3, 20), th)
    assert now.colour == GREEN and any("请于 3月25日 前完成" in r for r in now.reasons)


# ---- the self-inspection of a month --------------------------------------------------------------


def test_inspection_at_the_last_second_is_on_time_at_midnight_late() -> None:
    on_time = place(CREATED, *monthly("2026-01", "2026-01"), ("2026-02", bj(2026, 2, 28, 23, 59, 59)))
    late = place(CREATED, *monthly("2026-01", "2026-01"), ("2026-02", bj(2026, 3, 1)))
    assert rules.month_code(on_time, "2026-02").colour == GREEN  # type: ignore[union-attr]
    closed = rules.month_code(late, "2026-02")
    assert closed is not None and closed.colour == RED and closed.missed_month == "2026-02"
    # Red until the late one is recorded; from its own moment on, green with the 补做 in words.
    assert rules.code_at(late, bj(2026, 3, 1)).colour == RED
    after = rules.code_at(late, bj(2026, 3, 1) + TICK)
    assert after.colour == GREEN and after.reasons[0] == "2026年2月自查已于 3月1日 补做"
    # The history keeps the red: a fact recorded later never rewrites a closed month.
    assert rules.month_code(late, "2026-02").colour == RED  # type: ignore[union-attr]
    assert rules.code_at(on_time, bj(2026, 3, 2)).colour == GREEN


def test_current_months_inspection_ends_the_red_of_a_missed_one() -> None:
    facts = place(CREATED, *monthly("2026-01", "2026-01"), ("2026-03", bj(2026, 3, 5)))
    assert rules.code_at(facts, bj(2026, 3, 4)).colour == RED
    now = rules.code_at(facts, bj(2026, 3, 6))
    assert now.colour == GREEN and now.missed_month is None
    assert rules.month_code(facts, "2026-02").colour == RED  # type: ignore[union-attr]


def test_place_created_mid_month_owes_from_the_next_month() -> None:
    created = bj(2026, 3, 15, 10)
    facts = place(created)
    assert rules.first_owed_month(created) == "2026-04"
    assert rules.month_code(facts, "2026-03") is None  # not owed: no history line
    first = rules.code_at(facts, bj(2026, 3, 31, 23))
    assert first.colour == GREEN and "新登记场所，自 2026年4月起按月自查" in first.reasons
    april = rules.code_at(facts, bj(2026, 4, 2))  # March was not owed: not red
    assert april.colour == GREEN and "2026年4月自查尚未完成，请于 4月30日 前完成" in april.reasons
    assert rules.code_at(facts, bj(2026, 5, 1)).colour == RED  # April was owed and missed
    # Registered at the very first instant of a month: that month is owed.
    assert rules.first_owed_month(bj(2026, 3, 1)) == "2026-03"
    assert rules.first_owed_month(bj(2026, 3, 1) + TICK) == "2026-04"
    th = Thresholds(cutoff_day=25)
    assert rules.first_owed_month(bj(2026, 3, 10), th) == "2026-04"
    assert rules.first_owed_month(bj(2026, 3, 27), th) == "2026-05"  # already in April's period


# ---- hazards and their deadline ------------------------------------------------------------------


def hazard(deadline: dt.date, *, found: dt.datetime | None = None, rectified: dt.datetime | None = None) -> HazardFact:
    return HazardFact("h1", "灭火器配置齐全、在有效期内", found or bj(2026, 3, 3, 10), deadline, rectified)


def test_deadline_passes_at_midnight() -> None:
    facts = place(CREATED, *monthly("2026-01", "2026-03"), hazards=(hazard(dt.date(2026, 3, 10)),))
    before = rules.code_at(facts, bj(2026, 3, 3, 9))  # before it was found
    assert before.colour == GREEN
    yellow = rules.code_at(facts, bj(2026, 3, 10, 23, 59))
    assert yellow.colour == YELLOW and yellow.open_hazards == ("h1",)
    assert yellow.reasons[0] == "隐患「灭火器配置齐全、在有效期内」待整改，期限 2026-03-10"
    red = rules.code_at(facts, bj(2026, 3, 11))
    assert red.colour == RED and red.overdue == ("h1",) and red.open_hazards == ()
    assert red.reasons[0] == "隐患「灭火器配置齐全、在有效期内」整改期限 2026-03-10 已过，尚未整改"


def test_rectification_returns_green_from_its_moment() -> None:
    fixed_at = bj(2026, 4, 20, 15)
    facts = place(CREATED, *monthly("2026-01", "2026-04"), hazards=(hazard(dt.date(2026, 3, 10), rectified=fixed_at),))
    assert rules.code_at(facts, fixed_at).colour == RED
    after = rules.code_at(facts, fixed_at + TICK)
    assert after.colour == GREEN and "无待整改隐患" in after.reasons
    # The month it was overdue at the close stays red in the history.
    assert rules.month_code(facts, "2026-03").colour == RED  # type: ignore[union-attr]
    assert rules.month_code(facts, "2026-04").colour == GREEN  # type: ignore[union-attr]


def test_deadline_problem() -> None:
    found = dt.date(2026, 3, 3)
    assert rules.deadline_problem(found, found) is None
    assert rules.deadline_problem(found, found + dt.timedelta(days=90)) is None
    assert rules.deadline_problem(found, found - dt.timedelta(days=1)) == "整改期限不能早于发现隐患的日期"
    assert "90 天" in (rules.deadline_problem(found, found + dt.timedelta(days=91)) or "")
    short = Thresholds(default_deadline_days=3, max_deadline_days=10)
    assert "10 天" in (rules.deadline_problem(found, found + dt.timedelta(days=11), short) or "")


# ---- history and escalation ----------------------------------------------------------------------


def history(facts: PlaceFacts, first: str, last: str) -> list[tuple[str, str]]:
    out = []
    for month in rules.months_between(first, last):
        code = rules.month_code(facts, month)
        if code is not None:
            out.append((month, code.colour))
    return out


def red_code(month: str = "2026-05") -> rules.SiteCode:
    return rules.SiteCode(RED, ("2026年4月未按时自查（截止 4月30日）",), month, missed_month="2026-04")


def test_three_reds_with_a_green_between_open_no_joint() -> None:
    # Missed January, inspected February, missed March and April.
    facts = place(CREATED, ("2026-02", bj(2026, 2, 10)))
    line = history(facts, "2026-01", "2026-04")
    assert line == [("2026-01", RED), ("2026-02", GREEN), ("2026-03", RED), ("2026-04", RED)]
    streak = rules.red_streak(line)
    assert streak == 2
    kinds = [t.kind for t in rules.tasks_due("p1", red_code(), streak, ())]
    assert kinds == [rules.COVERT]


def test_three_reds_in_a_row_open_joint_enforcement() -> None:
    line = history(place(CREATED), "2026-01", "2026-03")
    assert line == [("2026-01", RED), ("2026-02", RED), ("2026-03", RED)]
    streak = rules.red_streak(line)
    assert streak == 3
    due = rules.tasks_due("p1", red_code("2026-04"), streak, ())
    assert [t.kind for t in due] == [rules.COVERT, rules.JOINT]
    joint = due[1]
    assert joint.reasons[0] == "连续 3 个月红码" and joint.month == "2026-04"
    assert joint.id == rules.task_id("p1", rules.JOINT, "2026-04")
    # The same task whoever opens it; another kind or month is another task.
    assert len({rules.task_id("p1", k, m) for k in (rules.COVERT, rules.JOINT) for m in ("2026-04", "2026-05")}) == 4
    # Held open already: not opened twice.
    assert [t.kind for t in rules.tasks_due("p1", red_code(), streak, [rules.JOINT])] == [rules.COVERT]
    assert rules.tasks_due("p1", red_code(), streak, [rules.JOINT, rules.COVERT]) == []


def test_red_streak_edges() -> None:
    assert rules.red_streak([]) == 0
    assert rules.red_streak([("2026-01", RED), ("2026-02", GREEN)]) == 0
    assert rules.red_streak([("2026-01", RED), ("2026-02", YELLOW), ("2026-03", RED)]) == 1
    assert rules.red_streak([("2025-12", RED), ("2026-01", RED)]) == 2  # across the year
    assert rules.red_streak([("2026-01", RED), ("2026-03", RED)]) == 1  # a month missing breaks the row


def test_covert_on_any_red_but_not_when_one_is_open() -> None:
    due = rules.tasks_due("p1", red_code(), 0, ())
    assert [(t.kind, t.month) for t in due] == [(rules.COVERT, "2026-05")]
    assert due[0].reasons == red_code().reasons
    assert rules.tasks_due("p1", red_code(), 0, [rules.COVERT]) == []
    yellow = rules.SiteCode(YELLOW, ("隐患「x」待整改，期限 2026-05-20",), "2026-05")
    green = rules.SiteCode(GREEN, ("无待整改隐患",), "2026-05")
    assert rules.tasks_due("p1", yellow, 0, ()) == []
    assert rules.tasks_due("p1", green, 2, ()) == []
    # A district that waits for a second red month before sending anyone.
    th = Thresholds(covert_after_reds=2)
    assert rules.tasks_due("p1", red_code(), 0, (), th) == []
    assert [t.kind for t in rules.tasks_due("p1", red_code(), 1, (), th)] == [rules.COVERT]


def test_rectification_after_joint_enforcement_returns_green() -> None:
    overdue = hazard(dt.date(2026, 1, 20), found=bj(2026, 1, 5))
    facts = place(CREATED, *monthly("2026-01", "2026-04"), hazards=(overdue,))
    line = history(facts, "2026-01", "2026-03")
    assert [c for _, c in line] == [RED, RED, RED]
    during = rules.code_at(facts, bj(2026, 4, 12))
    due = rules.tasks_due("p1", during, rules.red_streak(line), ())
    assert [t.kind for t in due] == [rules.COVERT, rules.JOINT]
    assert due[1].reasons[1].startswith("隐患「灭火器配置齐全")  # why, after the count
    fixed = place(
        CREATED, *monthly("2026-01", "2026-04"), hazards=(replace(overdue, rectified_at=bj(2026, 4, 15, 16)),)
    )
    now = rules.code_at(fixed, bj(2026, 4, 16))
    assert now.colour == GREEN
    assert rules.tasks_due("p1", now, 0, [rules.JOINT]) == []
    assert rules.month_code(fixed, "2026-04").colour == GREEN  # type: ignore[union-attr]


# ---- reasons in words ----------------------------------------------------------------------------


def test_reasons_are_always_words() -> None:
    scenarios = [
        place(CREATED),
        place(bj(2026, 3, 15)),
        place(CREATED, *monthly("2026-01", "2026-06")),
        place(CREATED, ("2026-02", bj(2026, 3, 4)), hazards=(hazard(dt.date(2026, 3, 20)),)),
        place(
            CREATED, *monthly("2026-01", "2026-06"), hazards=(hazard(dt.date(2026, 3, 5), rectified=bj(2026, 5, 1)),)
        ),
    ]
    moments = [bj(2026, 1, 1) + dt.timedelta(hours=37 * k) for k in range(130)]
    for th in (rules.DEFAULT_THRESHOLDS, Thresholds(cutoff_day=25, cutoff_hour=18)):
        for facts in scenarios:
            codes = [rules.code_at(facts, m, th) for m in moments]
            codes += [c for m in rules.months_between("2025-12", "2026-06") if (c := rules.month_code(facts, m, th))]
            for code in codes:
                assert code.reasons and all(isinstance(r, str) and HAN.search(r) for r in code.reasons), code
                assert code.label == rules.COLOURS[code.colour]
                if code.colour != GREEN:  # the first reason says why it is not green
                    assert "未按时" in code.reasons[0] or "隐患" in code.reasons[0]


# ---- conversion rate -----------------------------------------------------------------------------


def test_conversion_rate() -> None:
    none = rules.conversion({"a": GREEN, "b": GREEN}, {"a": RED})
    assert (none.eligible, none.converted, none.rate) == (0, 0, None)
    assert none.text == "—（上月无红黄码）"
    assert rules.conversion({}, {}).rate is None
    c = rules.conversion({"a": RED, "b": YELLOW, "c": GREEN, "d": RED}, {"a": GREEN, "b": RED, "c": RED})
    assert (c.eligible, c.converted) == (3, 1)  # d has no code after: not converted
    assert c.rate == pytest.approx(1 / 3)
    assert c.text == "33.3%（1/3）"
    assert rules.conversion({"a": RED}, {"a": GREEN}).text == "100.0%（1/1）"


# ---- the placard's payload -----------------------------------------------------------------------


IDS = [str(uuid.UUID(int=n * 0x9E3779B97F4A7C15F39CC0605CEDC835 % (1 << 128))) for n in range(1, 9)]


def test_payload_round_trip() -> None:
    for n, place_id in enumerate(IDS):
        colour = (GREEN, YELLOW, RED)[n % 3]
        payload = placard_code.placard_payload(place_id, "2026-08", colour)
        assert re.fullmatch(r"YDYM-[0-9A-Z]{10}-202608-[GYR]-[0-9A-Z]", payload)
        code = placard_code.place_code(place_id)
        assert len(code) == 10 and not set(code) & set("ILOU")
        expected = placard_code.Payload(code, "2026-08", colour)
        assert placard_code.parse_payload(payload) == expected
        assert placard_code.parse_payload(payload.lower()) == expected  # caps lock on
        assert placard_code.parse_payload(f"  {payload}\r\n") == expected  # a scanner's Enter
    assert len({placard_code.place_code(i) for i in IDS}) == len(IDS)


@pytest.mark.parametrize("place_id", IDS[:4])
def test_every_single_typo_and_adjacent_swap_is_rejected(place_id: str) -> None:
    payload = placard_code.placard_payload(place_id, "2026-11", RED)
    symbols = string.digits + string.ascii_uppercase + "-"
    for i, ch in enumerate(payload):
        for other in symbols:
            if other != ch:
                typo = payload[:i] + other + payload[i + 1 :]
                assert placard_code.parse_payload(typo) is None, typo
        assert placard_code.parse_payload(payload[:i] + payload[i + 1 :]) is None  # a character lost
        if i + 1 < len(payload) and payload[i] != payload[i + 1]:
            swapped = payload[:i] + payload[i + 1] + payload[i] + payload[i + 2 :]
            assert placard_code.parse_payload(swapped) is None, swapped


def test_unreadable_payloads() -> None:
    good = placard_code.placard_payload(IDS[0], "2026-08", GREEN)
    for text in ("", "   ", "hello", good + "X", "X" + good, good.replace("-", " "), good.replace("-", "")):
        assert placard_code.parse_payload(text) is None, text
    # A well-formed payload with a correct check character but no such month.
    assert placard_code.parse_payload(placard_code.placard_payload(IDS[0], "2026-13", GREEN)) is None


# ---- the scheme ----------------------------------------------------------------------------------


def test_scheme_round_trip_and_lookups() -> None:
    wire = scheme_to_wire(DEFAULT_SCHEME)
    assert scheme_from_wire(wire) == DEFAULT_SCHEME
    assert len(DEFAULT_SCHEME.checklists) == 7
    assert DEFAULT_SCHEME.category_by_label("商铺") == "shop"
    assert DEFAULT_SCHEME.category_by_label(" shop ") == "shop"
    assert DEFAULT_SCHEME.category_by_label("菜场") is None
    assert DEFAULT_SCHEME.checklist("shop").item("exits") is not None  # type: ignore[union-attr]
    del wire["thresholds"]
    assert scheme_from_wire(wire).thresholds == rules.DEFAULT_THRESHOLDS
    wire["thresholds"] = {"cutoff_day": 25, "cutoff_hour": 18}
    assert scheme_from_wire(wire).thresholds == Thresholds(cutoff_day=25, cutoff_hour=18)


def _wire(**changes: Any) -> dict[str, Any]:
    wire = scheme_to_wire(DEFAULT_SCHEME)
    wire.update(changes)
    return wire


def _first(**changes: Any) -> dict[str, Any]:
    wire = scheme_to_wire(DEFAULT_SCHEME)
    wire["checklists"][0].update(changes)
    return wire


def _item(**changes: Any) -> dict[str, Any]:
    wire = scheme_to_wire(DEFAULT_SCHEME)
    wire["checklists"][0]["items"][0].update(changes)
    return wire


def _duplicate_item() -> dict[str, Any]:
    wire = scheme_to_wire(DEFAULT_SCHEME)
    wire["checklists"][0]["items"][1]["code"] = wire["checklists"][0]["items"][0]["code"]
    return wire


def _duplicate_category() -> dict[str, Any]:
    wire = scheme_to_wire(DEFAULT_SCHEME)
    wire["checklists"][1]["category"] = wire["checklists"][0]["category"]
    return wire


def _duplicate_label() -> dict[str, Any]:
    wire = scheme_to_wire(DEFAULT_SCHEME)
    wire["checklists"][1]["label"] = wire["checklists"][0]["label"]
    return wire


def _thresholds(**values: Any) -> dict[str, Any]:
    return _wire(thresholds=values)


BAD_SCHEMES = [
    ([1, 2], "scheme"),
    (None, "scheme"),
    (_wire(version=0), "version"),
    (_wire(version=True), "version"),
    (_wire(version="2"), "version"),
    (_wire(version=10**6 + 1), "version"),
    (_wire(checklists=[]), "checklists"),
    (_wire(checklists={"shop": []}), "checklists"),
    (_wire(checklists=scheme_to_wire(DEFAULT_SCHEME)["checklists"] * 6), "checklists"),
    (_wire(checklists=["shop"]), "checklists[0]"),
    (_first(category="Shop"), "checklists[0].category"),
    (_first(category="1shop"), "checklists[0].category"),
    (_first(category=None), "checklists[0].category"),
    (_duplicate_category(), "checklists[1].category"),
    (_first(label=""), "checklists[0].label"),
    (_first(label="企业\n工厂"), "checklists[0].label"),
    (_first(label="很" * 21), "checklists[0].label"),
    (_first(items=[]), "checklists[0].items"),
    (_first(items=[{"code": f"i{n}", "text": "检查"} for n in range(61)]), "checklists[0].items"),
    (_first(items=["灭火器"]), "checklists[0].items[0]"),
    (_item(code="Bad-Code"), "checklists[0].items[0].code"),
    (_item(code="x" * 33), "checklists[0].items[0].code"),
    (_duplicate_item(), "checklists[0].items[1].code"),
    (_item(text="   "), "checklists[0].items[0].text"),
    (_item(text="字" * 81), "checklists[0].items[0].text"),
    (_item(text=5), "checklists[0].items[0].text"),
    (_duplicate_label(), "checklists"),
    (_wire(thresholds=[1]), "thresholds"),
    (_thresholds(cutoff_day=29), "thresholds.cutoff_day"),
    (_thresholds(cutoff_day=-1), "thresholds.cutoff_day"),
    (_thresholds(cutoff_hour=0), "thresholds.cutoff_hour"),
    (_thresholds(cutoff_hour=25), "thresholds.cutoff_hour"),
    (_thresholds(covert_after_reds=0), "thresholds.covert_after_reds"),
    (_thresholds(joint_after_reds=13), "thresholds.joint_after_reds"),
    (_thresholds(joint_after_reds=True), "thresholds.joint_after_reds"),
    (_thresholds(default_deadline_days=2.5), "thresholds.default_deadline_days"),
    (_thresholds(max_deadline_days=366), "thresholds.max_deadline_days"),
    (_thresholds(bogus=1), "thresholds.bogus"),
    (_thresholds(default_deadline_days=30, max_deadline_days=20), "thresholds.default_deadline_days"),
]


@pytest.mark.parametrize(("wire", "field"), BAD_SCHEMES)
def test_scheme_from_wire_names_the_bad_field(wire: Any, field: str) -> None:
    with pytest.raises(SchemeProblem) as caught:
        scheme_from_wire(wire)
    assert caught.value.field == field
    assert HAN.search(caught.value.message)
    assert str(caught.value).startswith(f"{field}: ")
