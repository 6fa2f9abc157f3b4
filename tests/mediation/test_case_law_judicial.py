"""Judicial confirmation by the law: only for written agreements (art. 33), within thirty days
ending on a working day (Civil Procedure Law art. 85, the State Council's holiday calendar —
built in, or distributed by the district); the agreement's dates against the case's acceptance
and today; a court's ruling that the agreement is invalid."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from service_helpers import (  # noqa: F401  (env is a fixture)
    Env,
    agreed_case,
    agreement_data,
    env,
    mediating_case,
    today,
)
from sqlalchemy import select

from mediation_desk.core.uow import acting_at
from mediation_desk.district import holiday_calendar as district_holidays
from mediation_desk.district import migrate, reference
from mediation_desk.district.db import Database
from mediation_desk.district.errors import AdminError
from mediation_desk.errors import ValidationError
from mediation_desk.mediation import agreement, agreement_life, holiday_calendar, working_days
from mediation_desk.mediation.models_case import Agreement
from mediation_desk.sync.district_view import store_reference

CHINA = ZoneInfo("Asia/Shanghai")
CAL = working_days.DEFAULT_CALENDAR


def at(day: dt.date) -> acting_at:  # type: ignore[valid-type]
    return acting_at(dt.datetime.combine(day, dt.time(10), CHINA))


def signed_on(env: Env, day: dt.date) -> str:
    """A case accepted, mediated, agreed and signed on `day`."""
    with at(day):
        return agreed_case(env)


# ------------------------------------------------------------------ the calendar (pure)


def test_periods_move_off_weekends_and_holidays_and_keep_make_up_days() -> None:
    assert working_days.judicial_deadline(dt.date(2026, 3, 13), CAL) == dt.date(2026, 4, 13)  # Sun → Mon
    assert working_days.judicial_deadline(dt.date(2026, 9, 1), CAL) == dt.date(2026, 10, 8)  # 国庆 → 8 Oct
    assert working_days.judicial_deadline(dt.date(2026, 9, 10), CAL) == dt.date(2026, 10, 10)  # 调休上班 (Sat)
    assert working_days.judicial_deadline(dt.date(2026, 3, 2), CAL) == dt.date(2026, 4, 1)  # a Wednesday stays
    assert not CAL.known(2027) and CAL.known(2026)


def test_a_bad_calendar_is_refused_with_its_field() -> None:
    bad = [
        ({"years": {"2027": {"holidays": ["2027-13-01"], "workdays": []}}}, "2027.holidays"),
        ({"years": {"2027": {"holidays": ["2028-01-01"], "workdays": []}}}, "2027.holidays"),
        ({"years": {"2027": {"holidays": [], "workdays": ["2027-02-10"]}}}, "2027"),  # a Wednesday
        ({"years": {"2027": {"holidays": ["2027-02-06"], "workdays": ["2027-02-06"]}}}, "2027"),
        ({"years": {"next": {}}}, "years"),
        ({"days": []}, "years"),
    ]
    for data, field in bad:
        with pytest.raises(working_days.CalendarProblem) as e:
            working_days.calendar_from_wire(data)
        assert e.value.field == field, data


# ------------------------------------------------------------------ item 7: the service counts working days


def test_a_deadline_on_a_sunday_accepts_the_monday(env: Env) -> None:
    case_id = signed_on(env, dt.date(2026, 3, 13))
    with at(dt.date(2026, 4, 13)):
        view = agreement.record_judicial_application(env.desk, env.admin, case_id)
    assert (view.judicial_deadline, view.judicial_applied_on) == (dt.date(2026, 4, 13), dt.date(2026, 4, 13))


def test_a_late_application_names_the_deadline(env: Env) -> None:
    case_id = signed_on(env, dt.date(2026, 9, 1))
    assert _row(env, case_id).judicial_deadline == dt.date(2026, 10, 8)
    with at(dt.date(2026, 10, 9)), pytest.raises(ValidationError) as e:
        agreement.record_judicial_application(env.desk, env.admin, case_id)
    p = e.value.problems[0]
    assert (p.field, p.rule) == ("applied_on", "judicial_window")
    assert "2026-10-08" in p.message and "第八十五条" in p.message
    with at(dt.date(2026, 10, 9)):
        assert agreement.record_judicial_application(env.desk, env.admin, case_id, "2026-10-08").judicial_applied_on


def test_the_district_calendar_replaces_the_built_in_year(env: Env, tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'district.db'}")
    migrate.upgrade(db)
    try:
        # 2027's notice: suppose 1–3 Jan off and Sat 9 Jan worked.
        notice = {"years": {"2027": {"holidays": ["2027-01-01", "2027-01-02", "2027-01-03"], "workdays": []}}}
        for broken in ({"years": {"2027": {"holidays": "2027-01-01"}}}, {"years": {}}):
            with pytest.raises(AdminError):
                district_holidays.set_years(db, broken, actor="区司法局", reason="国务院通知")
        assert district_holidays.set_years(db, notice, actor="区司法局", reason="国务院通知") == [2027]
        answer = reference.reference(db)
        assert answer[working_days.REFERENCE_PART] == notice
        assert district_holidays.show(db)["years"]["2026"]["workdays"][0] == "2026-01-04"
    finally:
        db.dispose()
    # Signed 2 Dec 2026: thirty days end on Fri 1 Jan 2027, a holiday in both calendars.
    case_id = signed_on(env, dt.date(2026, 12, 2))
    assert _row(env, case_id).judicial_deadline == dt.date(2027, 1, 4)
    with env.desk.write(env.admin) as uow:
        store_reference(uow, answer)
    assert _row(env, case_id).judicial_deadline == dt.date(2027, 1, 4)  # Sat 2, Sun 3 off: Monday still
    with env.desk.write(env.admin) as uow:
        store_reference(uow, {**answer, working_days.REFERENCE_PART: {"years": {"2027": {"holidays": ["x"]}}}})
    with env.desk.read() as s:
        assert holiday_calendar.current(s).years[2027].holidays == frozenset(
            dt.date(2027, 1, d) for d in (1, 2, 3)
        )  # the broken calendar was not used


def test_a_pulled_calendar_moves_a_pending_deadline(env: Env) -> None:
    case_id = signed_on(env, dt.date(2026, 12, 2))
    with env.desk.write(env.admin) as uow:
        holiday_calendar.adopt_holidays(
            uow, {"years": {"2027": {"holidays": ["2027-01-01", "2027-01-04", "2027-01-05"], "workdays": []}}}
        )
    assert _row(env, case_id).judicial_deadline == dt.date(2027, 1, 6)


# ------------------------------------------------------------------ item 3: oral agreements


def test_judicial_confirmation_is_refused_for_an_oral_agreement(env: Env) -> None:
    case_id = agreed_case(env, form="oral")
    with pytest.raises(ValidationError) as e:
        agreement.record_judicial_application(env.desk, env.admin, case_id)
    assert (e.value.problems[0].rule, "第三十三条" in e.value.problems[0].message) == ("oral_no_judicial", True)
    assert _row(env, case_id).judicial_applied_on is None


# ------------------------------------------------------------------ the agreement's dates


def test_an_agreement_is_not_dated_before_acceptance_or_in_the_future(env: Env) -> None:
    accepted = today() - dt.timedelta(days=3)
    case_id = mediating_case(env, accepted_on=accepted.isoformat())
    for reached, rule in (
        (accepted - dt.timedelta(days=1), "before_acceptance"),
        (today() + dt.timedelta(1), "date_future"),
    ):
        with pytest.raises(ValidationError) as e:
            agreement.record_agreement(env.desk, env.admin, case_id, agreement_data(reached_on=reached.isoformat()))
        assert (e.value.problems[0].field, e.value.problems[0].rule) == ("reached_on", rule)
        assert accepted.isoformat() in e.value.problems[0].message or rule == "date_future"
    agreement.record_agreement(env.desk, env.admin, case_id, agreement_data(reached_on=accepted.isoformat()))
    for signed in (accepted - dt.timedelta(days=1), today() + dt.timedelta(days=1)):
        with pytest.raises(ValidationError) as e:
            agreement.confirm_signatures(env.desk, env.admin, case_id, signed.isoformat())
        assert e.value.problems[0].rule == "signed_on_range"
    agreement.confirm_signatures(env.desk, env.admin, case_id, accepted.isoformat())
    for applied in (accepted - dt.timedelta(days=1), today() + dt.timedelta(days=1)):
        with pytest.raises(ValidationError) as e:
            agreement.record_judicial_application(env.desk, env.admin, case_id, applied.isoformat())
        assert e.value.problems[0].rule in ("judicial_window", "date_future")
    assert _row(env, case_id).judicial_applied_on is None


# ------------------------------------------------------------------ a court's ruling


def test_an_agreement_ruled_invalid_no_longer_counts(env: Env) -> None:
    case_id = agreed_case(env)
    for on, reason, rule in (
        (None, "（2026）浙0604民特12号", "required"),
        ((today() + dt.timedelta(days=1)).isoformat(), "（2026）浙0604民特12号", "invalidated_on_range"),
        (today().isoformat(), "", "required"),
    ):
        with pytest.raises(ValidationError) as e:
            agreement_life.record_invalidation(env.desk, env.admin, case_id, on, reason)
        assert e.value.problems[0].rule == rule
    view = agreement_life.record_invalidation(env.desk, env.admin, case_id, today(), "（2026）浙0604民特12号裁定")
    assert (view.invalidated_on, view.in_effect) == (today(), False)
    with pytest.raises(ValidationError) as e:
        agreement_life.record_invalidation(env.desk, env.admin, case_id, today(), "再次")
    assert e.value.problems[0].rule == "already_invalidated"
    with pytest.raises(ValidationError) as e:
        agreement.record_judicial_application(env.desk, env.admin, case_id)
    assert e.value.problems[0].rule == "agreement_invalidated"


def _row(env: Env, case_id: str) -> Agreement:
    with env.desk.read() as s:
        return s.scalars(select(Agreement).where(Agreement.case_id == case_id)).one()


def test_calendar_file_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "h.json"
    path.write_text(json.dumps(working_days.calendar_to_wire(CAL)), encoding="utf-8")
    again = working_days.calendar_from_wire(json.loads(path.read_text(encoding="utf-8")))
    assert again.years[2026].holidays == CAL.years[2026].holidays
