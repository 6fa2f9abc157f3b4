"""The district's month end shares the colour rule's answers between places in the same situation
and adds a place's open hazards to the answer for its other facts (sitecode_judge.Judge): for any
facts, that must be exactly what the rule itself says (rules.code_at / rules.month_code)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

import pytest

from mediation_desk.district.sitecode_judge import Judge
from mediation_desk.sitecode import rules

START = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)
MONTHS = ("2026-07", "2026-08", "2026-09", "2026-10", "2026-11")


def _moment(rng: random.Random) -> dt.datetime:
    micro = rng.choice([0, rng.randrange(10**6)])  # on the second, and between seconds
    return START + dt.timedelta(seconds=rng.randrange(0, 200 * 86400), microseconds=micro)


def _without_ids(code: rules.SiteCode) -> rules.SiteCode:
    return dataclasses.replace(code, overdue=(), open_hazards=())  # month end never reads them


@pytest.mark.parametrize("seed", range(4))
def test_the_shared_answer_with_open_hazards_is_the_rules_own(seed: int) -> None:
    rng = random.Random(seed)
    with_hazards = 0
    for _ in range(2_500):
        th = rng.choice([rules.DEFAULT_THRESHOLDS, rules.Thresholds(cutoff_day=25, cutoff_hour=18)])
        month = rng.choice(MONTHS[1:4])
        closing = rng.random() < 0.5
        judge = Judge(_moment(rng), th, month if closing else None)
        moment = judge.moment
        inspections = tuple(rules.InspectionFact(rng.choice(MONTHS), _moment(rng)) for _ in range(rng.randrange(4)))
        hazards = tuple(
            rules.HazardFact(
                f"h{k}", rng.choice("甲乙丙"), _moment(rng), _moment(rng).date(), rng.choice([None, _moment(rng)])
            )
            for k in range(rng.randrange(1, 5))
        )
        facts = rules.PlaceFacts("p", _moment(rng) - dt.timedelta(days=rng.randrange(0, 300)), inspections, hazards)
        bare = dataclasses.replace(facts, hazards=())
        if closing:
            want, base = rules.month_code(facts, month, th), rules.month_code(bare, month, th)
        else:
            want, base = rules.code_at(facts, moment, th), rules.code_at(bare, moment, th)
        if base is None:
            assert want is None
            continue
        assert want is not None
        open_now = sorted(
            (h for h in hazards if h.found_at < moment and (h.rectified_at is None or h.rectified_at >= moment)),
            key=lambda h: (h.deadline, h.id),
        )
        got = judge._with(base, open_now) if open_now else base
        assert _without_ids(got) == _without_ids(want)
        with_hazards += bool(open_now)
    assert with_hazards > 500  # the case the shortcut is for was tried often
