"""更正法定日期: a wrong acceptance, agreement, signing or judicial-application date is put right by
an audited correction that keeps the case's dates in order (issue 16, item 2) — never by typing
the thing again back-dated. The corrected dates reach the real district server."""

from __future__ import annotations

import datetime as dt

import pytest
from desk_kit import PASSWORD
from district_server import DistrictServer
from service_helpers import (  # noqa: F401  (env is a fixture)
    Env,
    actor,
    add_mediator,
    agreement_data,
    assigned_case,
    audit_actions,
    case_row,
    count,
    env,
    outbox_ops,
    parties_of,
    session_data,
)
from sqlalchemy import select

from mediation_desk.cli import main
from mediation_desk.cli.admin_commands import PASSWORD_ENV
from mediation_desk.core.uow import CHINA
from mediation_desk.district import admin as district_admin
from mediation_desk.district.db import Database
from mediation_desk.district.models import Change
from mediation_desk.errors import NotFound, PermissionDenied, ValidationError
from mediation_desk.mediation import (
    agreement,
    corrections,
    holiday_calendar,
    sessions,
    working_days,
)
from mediation_desk.mediation.models_case import Agreement, DateCorrection, SessionRecord
from mediation_desk.sync import api

FAST = api.TransportOptions(attempts=2, backoff_first=0.01, backoff_max=0.05, connect_timeout=2, timeout=30)


def case_with_agreement(env: Env, form: str = "written", *, signed_on: str | None = "2026-11-27") -> str:
    """Accepted 11-20, a session on 11-21, agreement reached 11-25 (written: signed 11-27)."""
    case_id, _ = assigned_case(env, accepted_on="2026-11-20")
    people = parties_of(env.desk, case_id)
    sessions.add_session(env.desk, env.admin, case_id, session_data(people, held_at="2026-11-21 09:30"))
    agreement.record_agreement(
        env.desk,
        env.admin,
        case_id,
        agreement_data(form=form, reached_on="2026-11-25", performance_deadline="2026-12-20"),
    )
    if form == "written" and signed_on:
        agreement.confirm_signatures(env.desk, env.admin, case_id, signed_on)
    return case_id


def agreement_row(env: Env, case_id: str) -> Agreement:
    with env.desk.read() as s:
        return s.scalars(select(Agreement).where(Agreement.case_id == case_id)).one()


def deadline(env: Env, effective_on: dt.date) -> dt.date:
    with env.desk.read() as s:
        return working_days.judicial_deadline(effective_on, holiday_calendar.current(s))


def refused(e: pytest.ExceptionInfo[ValidationError]) -> set[tuple[str, str]]:
    return {(p.field, p.rule) for p in e.value.problems}


# ------------------------------------------------------------------ acceptance


def test_acceptance_day_corrected_with_a_trace(env: Env) -> None:
    case_id, _ = assigned_case(env, accepted_on="2026-12-03")
    view = corrections.correct_date(env.desk, env.admin, case_id, "accepted_on", "2026-12-01", "登记时把 1 日写成 3 日")
    assert case_row(env.desk, case_id).accepted_on == dt.date(2026, 12, 1)
    assert (view.field, view.field_label, view.old_value, view.new_value) == (
        "accepted_on",
        "受理日期",
        "2026-12-03",
        "2026-12-01",
    )
    assert (view.target_id, view.reason, view.corrected_by) == (case_id, "登记时把 1 日写成 3 日", env.admin.username)
    assert corrections.list_corrections(env.desk, case_id, actor=env.admin) == [view]
    assert "case.date_corrected" in audit_actions(env.desk, case_id)
    op = [o for o in outbox_ops(env.desk, "case") if o.kind == "update"][-1]
    assert op.payload["fields"] == {"accepted_on": "2026-12-01"} or op.payload["fields"] == {
        "accepted_on": dt.date(2026, 12, 1)
    }


def test_acceptance_day_correction_keeps_the_order_of_the_dates(env: Env) -> None:
    case_id, _ = assigned_case(env, accepted_on="2026-11-30")
    sessions.add_session(
        env.desk, env.admin, case_id, session_data(parties_of(env.desk, case_id), held_at="2026-12-02 09:00")
    )
    with pytest.raises(ValidationError) as e:  # the session would precede the acceptance
        corrections.correct_date(env.desk, env.admin, case_id, "accepted_on", "2026-12-03", "核对登记表")
    assert refused(e) == {("held_at", "date_before_acceptance")}
    with pytest.raises(ValidationError) as e:
        corrections.correct_date(env.desk, env.admin, case_id, "accepted_on", "2026-12-31", "核对登记表")
    assert ("accepted_on", "date_future") in refused(e)
    with pytest.raises(ValidationError) as e:  # the number carries the year of acceptance
        corrections.correct_date(env.desk, env.admin, case_id, "accepted_on", "2025-12-30", "核对登记表")
    assert refused(e) == {("new_value", "case_year")} and "2026 年" in e.value.problems[0].message
    assert case_row(env.desk, case_id).accepted_on == dt.date(2026, 11, 30)
    assert count(env.desk, DateCorrection) == 0


@pytest.mark.parametrize(
    "field, value, reason, expected",
    [
        ("accepted_on", "2026-11-29", "", ("reason", "required")),
        ("accepted_on", "2026-11-29", "   ", ("reason", "required")),
        ("closed_on", "2026-11-29", "写错", ("field", "correction_field")),
        ("accepted_on", "", "写错", ("new_value", "required")),
        ("accepted_on", "2026-02-30", "写错", ("new_value", "date_format")),
        ("accepted_on", "2026-11-30", "写错", ("new_value", "date_unchanged")),
        ("signed_on", "2026-12-01", "写错", ("field", "no_agreement")),
        ("held_at", "2026-12-01 09:00", "写错", ("session_id", "required")),
    ],
)
def test_bad_corrections_are_refused_and_nothing_is_saved(
    env: Env, field: str, value: str, reason: str, expected: tuple[str, str]
) -> None:
    case_id, _ = assigned_case(env, accepted_on="2026-11-30")
    with pytest.raises(ValidationError) as e:
        corrections.correct_date(env.desk, env.admin, case_id, field, value, reason)
    assert expected in refused(e)
    assert count(env.desk, DateCorrection) == 0
    assert case_row(env.desk, case_id).accepted_on == dt.date(2026, 11, 30)


def test_only_the_committee_officers_correct_dates(env: Env) -> None:
    case_id, mediator_id = assigned_case(env, accepted_on="2026-11-30")
    own = actor(env, "xieagen", "mediator", mediator_id=mediator_id)
    with pytest.raises(PermissionDenied):
        corrections.correct_date(env.desk, own, case_id, "accepted_on", "2026-11-29", "写错")
    clerk = actor(env, "jinxiaoyan", "clerk")
    corrections.correct_date(env.desk, clerk, case_id, "accepted_on", "2026-11-29", "写错")
    with pytest.raises(NotFound):
        corrections.correct_date(env.desk, clerk, "no-such-case", "accepted_on", "2026-11-29", "写错")
    assert count(env.desk, DateCorrection) == 1


# ------------------------------------------------------------------ the agreement's dates


def test_oral_agreement_reached_day_moves_its_effect_and_the_judicial_window(env: Env) -> None:
    case_id = case_with_agreement(env, "oral")
    corrections.correct_date(env.desk, env.admin, case_id, "reached_on", "2026-11-23", "笔误")
    a = agreement_row(env, case_id)
    assert (a.reached_on, a.effective_on) == (dt.date(2026, 11, 23), dt.date(2026, 11, 23))
    assert a.judicial_deadline == deadline(env, dt.date(2026, 11, 23))
    op = outbox_ops(env.desk, "agreement")[-1]
    assert set(op.payload["fields"]) == {"reached_on", "effective_on"}

    for day, rule in (("2026-11-19", "date_before_acceptance"), ("2026-12-31", "date_future")):
        with pytest.raises(ValidationError) as e:
            corrections.correct_date(env.desk, env.admin, case_id, "reached_on", day, "笔误")
        assert ("reached_on", rule) in refused(e)
    with pytest.raises(ValidationError) as e:  # an oral agreement is in effect when reached
        corrections.correct_date(env.desk, env.admin, case_id, "signed_on", "2026-11-26", "笔误")
    assert refused(e) == {("field", "not_signed")}
    assert count(env.desk, DateCorrection) == 1


def test_written_agreement_signing_day_corrected_within_the_order(env: Env) -> None:
    case_id = case_with_agreement(env, "written", signed_on="2026-11-27")
    agreement.record_judicial_application(env.desk, env.admin, case_id, "2026-11-28")
    with pytest.raises(ValidationError) as e:  # signed before it was reached
        corrections.correct_date(env.desk, env.admin, case_id, "signed_on", "2026-11-24", "核对协议书")
    assert refused(e) == {("signed_on", "date_order")}
    with pytest.raises(ValidationError) as e:  # the court asked before the agreement took effect
        corrections.correct_date(env.desk, env.admin, case_id, "signed_on", "2026-11-29", "核对协议书")
    assert refused(e) == {("judicial_applied_on", "date_order")}
    assert "第三十三条" in e.value.problems[0].message
    with pytest.raises(ValidationError) as e:  # reached after it was signed
        corrections.correct_date(env.desk, env.admin, case_id, "reached_on", "2026-11-28", "核对协议书")
    assert ("signed_on", "date_order") in refused(e)

    corrections.correct_date(env.desk, env.admin, case_id, "signed_on", "2026-11-26", "核对协议书")
    a = agreement_row(env, case_id)
    assert (a.effective_on, a.judicial_deadline) == (dt.date(2026, 11, 26), deadline(env, dt.date(2026, 11, 26)))
    assert outbox_ops(env.desk, "agreement")[-1].payload["fields"].keys() == {"effective_on"}

    with pytest.raises(ValidationError) as e:
        corrections.correct_date(env.desk, env.admin, case_id, "judicial_applied_on", "2026-11-25", "核对回执")
    assert refused(e) == {("judicial_applied_on", "date_order")}
    corrections.correct_date(env.desk, env.admin, case_id, "judicial_applied_on", "2026-11-30", "核对回执")
    assert agreement_row(env, case_id).judicial_applied_on == dt.date(2026, 11, 30)
    fields = [c.field for c in corrections.list_corrections(env.desk, case_id)]
    assert fields == ["signed_on", "judicial_applied_on"]


def test_judicial_date_is_corrected_only_once_recorded(env: Env) -> None:
    case_id = case_with_agreement(env, "written")
    with pytest.raises(ValidationError) as e:
        corrections.correct_date(env.desk, env.admin, case_id, "judicial_applied_on", "2026-11-30", "补登")
    assert refused(e) == {("field", "not_applied")}


# ------------------------------------------------------------------ a session's time


def test_session_time_corrected_as_a_new_version(env: Env) -> None:
    case_id = case_with_agreement(env, "oral")
    (v1,) = sessions.list_sessions(env.desk, case_id)
    view = corrections.correct_date(
        env.desk, env.admin, case_id, "held_at", "2026-11-22 14:00", "记录时间记错", session_id=v1.id
    )
    (latest,) = sessions.list_sessions(env.desk, case_id)
    assert (latest.version, latest.held_at) == (2, dt.datetime(2026, 11, 22, 14, 0, tzinfo=CHINA))
    assert (view.field, view.target_id, view.reason) == ("held_at", latest.id, "记录时间记错")
    with pytest.raises(ValidationError) as e:  # only the latest version is corrected
        corrections.correct_date(env.desk, env.admin, case_id, "held_at", "2026-11-22 15:00", "再改", session_id=v1.id)
    assert refused(e) == {("session_id", "not_latest_version")}
    with pytest.raises(ValidationError) as e:
        corrections.correct_date(
            env.desk, env.admin, case_id, "held_at", "2026-11-19 15:00", "再改", session_id=latest.id
        )
    assert refused(e) == {("held_at", "date_before_acceptance")}
    other, _ = assigned_case(env, accepted_on="2026-11-20", mediator_id=add_mediator(env, "陈老伯"))
    with pytest.raises(ValidationError) as e:
        corrections.correct_date(env.desk, env.admin, other, "held_at", "2026-11-22 15:00", "x", session_id=latest.id)
    assert refused(e) == {("session_id", "not_this_case")}
    assert count(env.desk, SessionRecord) == 2 and count(env.desk, DateCorrection) == 1


# ------------------------------------------------------------------ command line and district


def test_correct_date_on_the_command_line(
    env: Env, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    case_id, _ = assigned_case(env, accepted_on="2026-12-03")
    number = case_row(env.desk, case_id).number
    env.desk.close()
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(["--data-dir", str(env.root), *argv])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    code, out, err = run("case", "correct-date", number, "受理日期", "2026-12-01", "--reason", "登记笔误")
    assert code == 0, err
    assert '"new_value": "2026-12-01"' in out
    code, out, err = run("case", "correct-date", number, "accepted_on", "2026-12-09", "--reason", "再改")
    assert code != 0 and "不能晚于今天" in err
    code, out, err = run("case", "corrections", number)
    assert code == 0 and "受理日期" in out and "2026-12-03" in out and "登记笔误" in out


def enrolled(env: Env, server: DistrictServer) -> None:
    db = Database(server.database_url)
    try:
        district_admin.add_town(db, "谢塘镇")
        district_admin.add_committee(db, "谢塘镇", "XT-001", "谢家塘村人民调解委员会")
        code = district_admin.issue_code(db, committee_code="XT-001")
    finally:
        db.dispose()
    api.enroll(env.desk, env.admin, server.url, code, options=FAST)


def synced(env: Env) -> None:
    for _ in range(5):
        report = api.sync_once(env.desk, options=FAST)
        assert report.online and report.error is None, report.error
        if report.pending == 0 and report.pulled == 0:
            return


def district_state(server: DistrictServer) -> dict[tuple[str, str], dict[str, object]]:
    """The committee's change feed folded to the latest data per (entity, id)."""
    db = Database(server.database_url)
    try:
        with db.read() as s:
            return {(c.entity, c.entity_id): c.data for c in s.scalars(select(Change).order_by(Change.seq))}
    finally:
        db.dispose()


@pytest.mark.parametrize("district_database_url", ["sqlite"], indirect=True)
def test_corrected_dates_reach_the_district(env: Env, district_server: DistrictServer) -> None:
    enrolled(env, district_server)
    case_id = case_with_agreement(env, "written", signed_on="2026-11-27")
    synced(env)
    corrections.correct_date(env.desk, env.admin, case_id, "accepted_on", "2026-11-19", "核对登记表")
    corrections.correct_date(env.desk, env.admin, case_id, "signed_on", "2026-11-26", "核对协议书")
    synced(env)
    state = district_state(district_server)
    assert state[("case", case_id)]["accepted_on"] == "2026-11-19"
    assert state[("agreement", agreement_row(env, case_id).id)]["effective_on"] == "2026-11-26"
