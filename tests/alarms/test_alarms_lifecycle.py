"""The bracelet consents and their withdrawal: withdrawing the location consent clears the
coordinates of the wearer's alarms and tells the district (location_consent false), and later
alarms keep no position; withdrawing the health consent erases the health notes. Both in the
withdrawal's unit of work, reported in the withdrawal."""

from __future__ import annotations

import pytest
from alarm_setup import AlarmEnv, bj, enrol, ops, raise_alarm
from sqlalchemy import select

from mediation_desk.alarms import handling, rules, wearers
from mediation_desk.alarms.models import Wearer
from mediation_desk.core.registry import REGISTRY
from mediation_desk.errors import ValidationError
from mediation_desk.lifecycle import consent

RAISED = bj(2026, 5, 6, 21, 14, 5)


def test_the_bracelet_purposes_carry_the_erasure_handlers() -> None:
    for code in ("bracelet_location", "bracelet_health"):
        purpose = REGISTRY.consent_purposes[code]
        assert purpose.standing and purpose.erase


def test_withdrawing_location_clears_positions_and_tells_the_district(alarm_env: AlarmEnv) -> None:
    w = enrol(alarm_env)
    first = raise_alarm(alarm_env, w, RAISED, seq=1)
    second = raise_alarm(alarm_env, w, RAISED.replace(hour=22), seq=2)
    assert handling.get_alarm(alarm_env.desk, alarm_env.clerk, first).has_fix
    report = consent.withdraw_consent(alarm_env.desk, alarm_env.clerk, w.person_id, "bracelet_location", "本人要求")
    assert report.erased == 2 and report.handlers >= 1
    for alarm_id in (first, second):
        view = handling.get_alarm(alarm_env.desk, alarm_env.clerk, alarm_id)
        assert (view.latitude, view.longitude, view.has_fix) == (None, None, False)
    assert ops(alarm_env.desk, rules.WEARER, w.id)[-1].payload == {"fields": {"location_consent": False}}
    assert not wearers.get_wearer(alarm_env.desk, alarm_env.clerk, w.id).location_consent
    later = raise_alarm(alarm_env, w, RAISED.replace(hour=23), seq=3)  # a replayed state with a fix
    assert not handling.get_alarm(alarm_env.desk, alarm_env.clerk, later).has_fix


def test_withdrawing_health_erases_the_notes(alarm_env: AlarmEnv) -> None:
    w = enrol(alarm_env, health_notes="高血压", health_consent=True)
    report = consent.withdraw_consent(alarm_env.desk, alarm_env.clerk, w.person_id, "bracelet_health", "不再同意")
    assert report.erased == 1
    with alarm_env.desk.read() as s:
        assert s.scalar(select(Wearer.health_enc).where(Wearer.id == w.id)) is None
    held = wearers.get_wearer(alarm_env.desk, alarm_env.clerk, w.id)
    assert not held.has_health_notes and not held.health_consent and held.location_consent
    with pytest.raises(ValidationError) as excinfo:  # no new notes without the consent again
        wearers.set_health_notes(alarm_env.desk, alarm_env.clerk, w.id, "糖尿病")
    assert excinfo.value.problems[0].rule == "consent_required"


def test_withdrawing_twice_is_refused(alarm_env: AlarmEnv) -> None:
    w = enrol(alarm_env)
    consent.withdraw_consent(alarm_env.desk, alarm_env.clerk, w.person_id, "bracelet_location", "本人要求")
    with pytest.raises(ValidationError) as excinfo:
        consent.withdraw_consent(alarm_env.desk, alarm_env.clerk, w.person_id, "bracelet_location", "再次")
    assert excinfo.value.problems[0].rule == "consent_not_active"
