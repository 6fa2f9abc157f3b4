"""办案提醒 targets (mediation's rules, kept in the desk database): defaults, 主任-only changes
with an audit record, bad values named by field with nothing saved, and the dashboard figures
following them."""

from __future__ import annotations

import datetime as dt

import pytest
from service_helpers import Env, actor, audit_actions, env, new_case, today  # noqa: F401
from sqlalchemy import select

from mediation_desk.core.models import AuditRecord
from mediation_desk.errors import DeskError, PermissionDenied, ValidationError
from mediation_desk.mediation import case_targets
from mediation_desk.mediation.case_targets import CaseTargets
from mediation_desk.mediation.dashboard import dashboard_figures
from mediation_desk.storage.state import DeskState


def test_targets_default_to_thirty_and_seven_days(env: Env) -> None:
    assert case_targets.get_targets(env.desk) == CaseTargets(overdue_days=30, judicial_window_days=7)
    figures = dashboard_figures(env.desk, env.admin)
    assert (figures.overdue_days, figures.judicial_window_days) == (30, 7)


def test_the_director_sets_targets_and_the_dashboard_follows(env: Env) -> None:
    new_case(env, accepted_on=today() - dt.timedelta(days=20))
    assert dashboard_figures(env.desk, env.admin).overdue_count == 0

    saved = case_targets.set_targets(env.desk, env.admin, overdue_days=15)
    assert saved == CaseTargets(overdue_days=15, judicial_window_days=7)
    assert case_targets.set_targets(env.desk, env.admin, judicial_window_days="１０") == CaseTargets(15, 10)
    figures = dashboard_figures(env.desk, env.admin)
    assert (figures.overdue_days, figures.judicial_window_days, figures.overdue_count) == (15, 10, 1)
    assert dashboard_figures(env.desk, env.admin, overdue_days=25).overdue_count == 0  # an explicit target wins

    with env.desk.read() as s:
        record = s.scalars(
            select(AuditRecord).where(AuditRecord.action == "desk_rules.targets").order_by(AuditRecord.seq)
        ).all()[-1]
    assert record.actor_name == env.admin.username
    assert record.detail == {
        "old": {"overdue_days": 15, "judicial_window_days": 7},
        "new": {"overdue_days": 15, "judicial_window_days": 10},
    }


def test_saving_the_same_targets_writes_no_audit_record(env: Env) -> None:
    case_targets.set_targets(env.desk, env.admin, overdue_days=30, judicial_window_days=7)
    assert "desk_rules.targets" not in audit_actions(env.desk)


@pytest.mark.parametrize(
    ("values", "fields"),
    [
        ({"overdue_days": 0}, {"overdue_days"}),
        ({"overdue_days": 366}, {"overdue_days"}),
        ({"overdue_days": "三十"}, {"overdue_days"}),
        ({"overdue_days": "3²"}, {"overdue_days"}),
        ({"overdue_days": "", "judicial_window_days": 31}, {"overdue_days", "judicial_window_days"}),
        ({"judicial_window_days": True}, {"judicial_window_days"}),
        ({"judicial_window_days": 2.5}, {"judicial_window_days"}),
        ({"overdue_days": 20, "reminder_colour": "red"}, {"reminder_colour"}),
    ],
)
def test_bad_targets_are_refused_naming_the_field_and_nothing_is_saved(env: Env, values, fields) -> None:
    with pytest.raises(ValidationError) as refused:
        case_targets.set_targets(env.desk, env.admin, **values)
    assert {p.field for p in refused.value.problems} == fields
    messages = " ".join(p.message for p in refused.value.problems)
    if "overdue_days" in fields:
        assert "在办超期天数须为 1–365 的整数" in messages
    if "judicial_window_days" in fields:
        assert "司法确认提醒天数须为 1–30 的整数" in messages
    assert case_targets.get_targets(env.desk) == CaseTargets()


@pytest.mark.parametrize(("role", "name"), [("clerk", "记录员"), ("mediator", "调解员")])
def test_only_the_director_changes_targets_and_a_refusal_is_audited(env: Env, role: str, name: str) -> None:
    other = actor(env, f"op_{role}", role)
    with pytest.raises(PermissionDenied, match=f"^{name}无权修改办案提醒设置$"):
        case_targets.set_targets(env.desk, other, overdue_days=10)
    assert case_targets.get_targets(env.desk) == CaseTargets()
    with env.desk.read() as s:
        denied = s.scalars(select(AuditRecord).where(AuditRecord.action == "access.denied")).all()[-1]
    assert denied.actor_name == f"op_{role}"
    assert denied.detail["refused_action"] == case_targets.ACTION
    assert case_targets.get_targets(env.desk) == CaseTargets()  # everyone still reads them


def test_damaged_targets_are_reported_not_guessed(env: Env) -> None:
    with env.desk.db.writer.begin() as s:
        s.merge(DeskState(key=case_targets.RULES_KEY, value="{not json"))
    with pytest.raises(DeskError, match="办案提醒设置已损坏"):
        case_targets.get_targets(env.desk)
    with env.desk.db.writer.begin() as s:
        s.merge(DeskState(key=case_targets.RULES_KEY, value='{"overdue_days": 12}'))
    assert case_targets.get_targets(env.desk) == CaseTargets(overdue_days=12, judicial_window_days=7)
