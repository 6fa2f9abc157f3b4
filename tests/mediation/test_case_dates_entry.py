"""Legal dates as they are typed in: a case is not accepted on a day still to come, and no
session is held before the acceptance or after the moment it is recorded (issue 16, item 2).
A session's time moved by a correction is checked the same way and kept as a date correction."""

from __future__ import annotations

import datetime as dt

import pytest
from service_helpers import (  # noqa: F401  (env is a fixture)
    Env,
    assigned_case,
    case_row,
    count,
    env,
    new_case,
    parties_of,
    session_data,
)
from sqlalchemy import insert, select

from mediation_desk.core.uow import CHINA, acting_at
from mediation_desk.errors import ValidationError
from mediation_desk.mediation import sessions, states
from mediation_desk.mediation.models_case import DateCorrection, MediationCase, SessionRecord
from mediation_desk.storage.base import new_id


def beijing(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=CHINA)


def problem(e: pytest.ExceptionInfo[ValidationError]) -> tuple[str, str, str]:
    (p,) = e.value.problems
    return p.field, p.rule, p.message


# ------------------------------------------------------------------ acceptance


def test_acceptance_is_judged_on_the_day_of_the_action(env: Env) -> None:
    with acting_at(beijing("2026-03-10 10:00")):
        with pytest.raises(ValidationError) as e:
            new_case(env, accepted_on="2026-03-11")
        field, rule, message = problem(e)
        assert (field, rule) == ("accepted_on", "date_future")
        assert "受理日期" in message and "2026-03-11" in message and "2026-03-10" in message
        assert count(env.desk, MediationCase) == 0
        case_id = new_case(env)  # no date given: the day of the action
    assert case_row(env.desk, case_id).accepted_on == dt.date(2026, 3, 10)


@pytest.mark.parametrize("typed", ["2026-02-30", "明天", "2026/03/01"])
def test_acceptance_day_that_is_not_a_date_is_refused(env: Env, typed: str) -> None:
    with pytest.raises(ValidationError) as e:
        new_case(env, accepted_on=typed)
    assert ("accepted_on", "date_format") in {(p.field, p.rule) for p in e.value.problems}
    assert count(env.desk, MediationCase) == 0


# ------------------------------------------------------------------ sessions


def test_a_session_before_the_acceptance_is_refused(env: Env) -> None:
    case_id, _ = assigned_case(env, accepted_on="2026-12-01")
    people = parties_of(env.desk, case_id)
    with pytest.raises(ValidationError) as e:
        sessions.add_session(env.desk, env.admin, case_id, session_data(people, held_at="2026-11-28 09:30"))
    field, rule, message = problem(e)
    assert (field, rule) == ("held_at", "date_before_acceptance")
    assert "调解时间" in message and "2026-11-28" in message and "受理日期（2026-12-01）" in message
    assert count(env.desk, SessionRecord) == 0
    assert case_row(env.desk, case_id).status == states.ASSIGNED
    # The evening of the acceptance day is on that day (Beijing time, though UTC is a day apart
    # only at night: 00:30 on the 1st in Beijing is still the 30th in UTC).
    sessions.add_session(env.desk, env.admin, case_id, session_data(people, held_at="2026-12-01 00:30"))
    assert case_row(env.desk, case_id).status == states.IN_MEDIATION


def test_a_session_after_the_moment_of_the_action_is_refused(env: Env) -> None:
    with acting_at(beijing("2026-06-15 10:00")):
        case_id, _ = assigned_case(env, accepted_on="2026-06-01")
        people = parties_of(env.desk, case_id)
        with pytest.raises(ValidationError) as e:
            sessions.add_session(env.desk, env.admin, case_id, session_data(people, held_at="2026-06-16 09:00"))
        assert problem(e)[:2] == ("held_at", "date_future")
        assert count(env.desk, SessionRecord) == 0
        sid = sessions.add_session(env.desk, env.admin, case_id, session_data(people, held_at="2026-06-15 09:00"))
        # No time given: the moment of the action, not the wall clock.
        second = sessions.add_session(env.desk, env.admin, case_id, session_data(people, outcome="continue"))
    with env.desk.read() as s:
        assert s.get(SessionRecord, sid).held_at == beijing("2026-06-15 09:00")
        assert s.get(SessionRecord, second).held_at == beijing("2026-06-15 10:00")


@pytest.mark.parametrize("typed", ["yesterday", "2026-13-01 09:00", "9:30"])
def test_a_session_time_that_is_not_a_time_is_refused(env: Env, typed: str) -> None:
    case_id, _ = assigned_case(env)
    with pytest.raises(ValidationError) as e:
        sessions.add_session(env.desk, env.admin, case_id, session_data(parties_of(env.desk, case_id), held_at=typed))
    assert problem(e)[:2] == ("held_at", "datetime_format")
    assert count(env.desk, SessionRecord) == 0


# ------------------------------------------------------------------ corrections of a session


def test_a_correction_cannot_move_a_session_before_the_acceptance(env: Env) -> None:
    case_id, _ = assigned_case(env, accepted_on="2026-12-01")
    people = parties_of(env.desk, case_id)
    sid = sessions.add_session(env.desk, env.admin, case_id, session_data(people, held_at="2026-12-02 09:30"))
    with pytest.raises(ValidationError) as e:
        sessions.correct_session(env.desk, env.admin, sid, {"held_at": "2026-11-30 09:30"}, "日期记错")
    assert problem(e)[:2] == ("held_at", "date_before_acceptance")
    assert count(env.desk, SessionRecord) == 1 and count(env.desk, DateCorrection) == 0

    v2 = sessions.correct_session(env.desk, env.admin, sid, {"held_at": "2026-12-01 15:00"}, "实为受理当天下午")
    with env.desk.read() as s:
        row = s.scalars(select(DateCorrection)).one()
        assert s.get(SessionRecord, v2).held_at == beijing("2026-12-01 15:00")
    assert (row.case_id, row.field, row.target_id, row.reason) == (case_id, "held_at", v2, "实为受理当天下午")
    assert dt.datetime.fromisoformat(row.old_value) == beijing("2026-12-02 09:30")
    assert dt.datetime.fromisoformat(row.new_value) == beijing("2026-12-01 15:00")
    assert row.corrected_by == env.admin.username


def test_an_older_record_out_of_order_can_still_have_its_text_corrected(env: Env) -> None:
    """A record typed before these checks keeps its time through a correction of its words."""
    case_id, mediator_id = assigned_case(env, accepted_on="2026-12-01")
    sid = new_id()
    with env.desk.write(env.admin) as uow:
        uow.session.execute(
            insert(SessionRecord).values(
                id=sid,
                case_id=case_id,
                record_key=new_id(),
                version=1,
                held_at=beijing("2026-11-20 09:00"),
                place="调解室",
                mediator_ids=[mediator_id],
                participants=[],
                helpers=[],
                recorder="金晓燕",
                statements=[],
                result="初步沟通",
                outcome="continue",
                created_by="legacy",
                created_at=uow.now,
            )
        )
    v2 = sessions.correct_session(env.desk, env.admin, sid, {"result": "初步沟通，约定再谈"}, "补记")
    with env.desk.read() as s:
        assert s.get(SessionRecord, v2).held_at == beijing("2026-11-20 09:00")
    assert count(env.desk, DateCorrection) == 0
