"""The statistics page's services: twelve months of figures counted as the monthly report counts
them, and the report exported as a CSV file for Excel (BOM, header, every field, audited)."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from service_helpers import (  # noqa: F401  (env is a fixture)
    Env,
    actor,
    add_mediator,
    agreement_data,
    assigned_case,
    audit_actions,
    env,
    parties_of,
    party,
    session_data,
    today,
)
from sqlalchemy import select

from mediation_desk.core.uow import SYSTEM
from mediation_desk.errors import DeskError, ValidationError
from mediation_desk.mediation import agreement, sessions, states, stats, workflow
from mediation_desk.mediation.models_case import CaseTransition
from mediation_desk.mediation.stats_export import HEADER, export_monthly_report, rate_text, report_rows
from mediation_desk.mediation.stats_series import (
    MonthFigures,
    check_month,
    current_month,
    monthly_series,
    months_ending,
    shifted,
)

CHINA = dt.timezone(dt.timedelta(hours=8))


def month_of(d: dt.date) -> str:
    return f"{d:%Y-%m}"


def months_back(n: int) -> dt.date:
    """The 10th of the month `n` months before this one."""
    first = today().replace(day=1)
    index = first.year * 12 + first.month - 1 - n
    return dt.date(index // 12, index % 12 + 1, 10)


def retime(env: Env, case_id: str, *days: dt.date) -> None:
    """Move a case's status changes (oldest first) to 10:00 Beijing time on the given days."""
    with env.desk.write(SYSTEM) as uow:
        rows = list(
            uow.session.scalars(
                select(CaseTransition).where(CaseTransition.case_id == case_id).order_by(CaseTransition.hlc)
            )
        )
        assert len(rows) == len(days), [r.to_status for r in rows]
        for i, (row, day) in enumerate(zip(rows, days, strict=False)):
            row.at = dt.datetime.combine(day, dt.time(10, i), CHINA)


def case_on(env: Env, n: int, accepted: dt.date, dispute_type: str = "neighbour") -> str:
    """A case in mediation; its mediator (skilled in its type, with no other case) is the one
    the ranking recommends."""
    mediator = add_mediator(env, f"调解员{n}", skills=[dispute_type])
    case_id, _ = assigned_case(
        env,
        mediator,
        parties=[party(f"甲{n}", 500 + n), party(f"乙{n}", 600 + n)],
        accepted_on=accepted.isoformat(),
        dispute_type=dispute_type,
    )
    sessions.add_session(env.desk, env.admin, case_id, session_data(parties_of(env.desk, case_id)))
    return case_id


@pytest.fixture
def history(env: Env) -> dict[str, str]:
    two, one, now = months_back(2), months_back(1), today()
    a = case_on(env, 1, two)  # agreed two months ago
    agreement.record_agreement(
        env.desk, env.admin, a, agreement_data(form="oral", reached_on=two, performance_deadline=None)
    )
    retime(env, a, two, two, two, two)
    b = case_on(env, 2, two, dispute_type="family")  # accepted two months ago, terminated last month
    workflow.transition(env.desk, env.admin, b, states.TERMINATED, reason="调解不成", routes=["litigation"])
    retime(env, b, two, two, two, one)
    c = case_on(env, 3, two)  # agreed last month
    agreement.record_agreement(
        env.desk, env.admin, c, agreement_data(form="oral", reached_on=one, performance_deadline=None)
    )
    retime(env, c, two, two, two, one)
    d = case_on(env, 4, now)  # this month, still in mediation
    old = case_on(env, 5, months_back(13))  # before the twelve months shown
    retime(env, old, months_back(13), months_back(13), months_back(13))
    return {"a": a, "b": b, "c": c, "d": d, "old": old}


def test_months_ending_a_month() -> None:
    assert months_ending("2026-02", 3) == ["2025-12", "2026-01", "2026-02"]
    assert months_ending("2026-12", 1) == ["2026-12"]
    assert len(months_ending("2026-10")) == 12 and months_ending("2026-10")[0] == "2025-11"
    assert current_month(dt.date(2026, 3, 31)) == "2026-03"


@pytest.mark.parametrize("month", ["2026-13", "2026-1", "", None, "一月"])
def test_a_bad_month_is_refused(env: Env, month: str) -> None:
    with pytest.raises(ValidationError) as e:
        monthly_series(env.desk, month)
    assert (e.value.problems[0].field, e.value.problems[0].rule) == ("month", "month_format")


@pytest.mark.parametrize("month", ["0000-05", "1989-12", "3000-01"])
def test_a_month_outside_the_years_a_desk_holds_is_refused(env: Env, month: str) -> None:
    with pytest.raises(ValidationError) as e:
        monthly_series(env.desk, month)
    assert (e.value.problems[0].field, e.value.problems[0].rule) == ("month", "month_range")


def test_shifted_months_and_the_longest_series() -> None:
    assert shifted("2026-01", -1) == "2025-12" and shifted("2025-12", 1) == "2026-01"
    assert shifted("2026-10", -12) == "2025-10" and shifted("2026-10", 0) == "2026-10"
    assert months_ending("1990-01", 120)[0] == "1980-02"  # a series may reach before the first year
    assert check_month("2026-10") == dt.date(2026, 10, 1)


@pytest.mark.parametrize("count", [0, 121, "12", True])
def test_a_bad_month_count_is_refused(env: Env, count: object) -> None:
    with pytest.raises(ValidationError) as e:
        monthly_series(env.desk, "2026-10", count)  # type: ignore[arg-type]
    assert e.value.problems[0].field == "count"


def test_series_counts_as_the_monthly_report(env: Env, history: dict[str, str]) -> None:
    series = monthly_series(env.desk, month_of(today()))
    assert [f.month for f in series] == months_ending(month_of(today()))
    for figures in series:
        report = stats.monthly_report(env.desk, figures.month)
        assert (figures.accepted, figures.mediated_successfully, figures.terminated, figures.success_rate) == (
            report.accepted,
            report.mediated_successfully,
            report.terminated,
            report.success_rate,
        ), figures.month
    by_month = {f.month: f for f in series}
    two, one, now = (month_of(months_back(2)), month_of(months_back(1)), month_of(today()))
    assert by_month[two] == MonthFigures(two, 3, 1, 0, 1.0, concluded=1)
    assert by_month[one] == MonthFigures(one, 0, 1, 1, 0.5, concluded=2)
    assert by_month[now] == MonthFigures(now, 1, 0, 0, None)
    assert by_month[one].concluded == 2
    assert sum(f.accepted for f in series) == 4  # the case from 13 months ago is outside
    assert monthly_series(env.desk, month_of(months_back(13)), 1)[0].accepted == 1


def test_export_writes_every_figure_to_a_csv_for_excel(env: Env, history: dict[str, str], tmp_path: Path) -> None:
    month = month_of(months_back(2))
    target = export_monthly_report(env.desk, env.admin, month, tmp_path / "月报")
    assert target == tmp_path / "月报.csv"  # the suffix is added
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with target.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == HEADER
    values = {(section, item): value for section, item, value in rows[1:]}
    report = stats.monthly_report(env.desk, month)
    assert values[("报表", "月份")] == month
    assert values[("总体", "受理")] == "3" == str(report.accepted)
    assert values[("总体", "调解成功")] == "1" and values[("总体", "调解成功率")] == "100.00%"
    assert values[("总体", "协议金额（元）")] == f"{report.agreement_amount:.2f}"
    assert values[("案件来源", "依申请")] == "3" and values[("案件来源", "委托移送")] == "0"
    assert values[("协议形式", "口头协议")] == "1" and values[("协议形式", "书面协议")] == "0"
    assert values[("纠纷类型", "邻里")] == "2" and values[("纠纷类型", "婚姻家庭")] == "1"
    assert values[("防止事项（件）", "防止民转刑")] == "0" and values[("防止事项（人）", "防止自杀")] == "0"
    # month and definition, 12 overall, sources, referrers, forms, 15 types + 6 sub-types, prevention
    assert len(rows) - 1 == len(report_rows(report)) == 2 + 12 + 3 + 5 + 2 + 21 + 4 + 4
    assert "甲1" not in raw.decode("utf-8-sig")  # counts only
    assert audit_actions(env.desk)[-1] == "report.export"
    assert not list(tmp_path.glob("*.part"))


def test_export_by_a_mediator_is_allowed_and_a_bad_month_writes_nothing(env: Env, tmp_path: Path) -> None:
    mediator = actor(env, "xieagen", "mediator")
    target = export_monthly_report(env.desk, mediator, "2020-02", tmp_path / "empty.csv")
    with target.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert ["总体", "调解成功率", ""] in rows  # no case concluded: no rate, not 0 %
    before = audit_actions(env.desk)
    with pytest.raises(ValidationError) as e:
        export_monthly_report(env.desk, env.admin, "2020-13", tmp_path / "bad.csv")
    assert e.value.problems[0].field == "month"
    with pytest.raises(ValidationError):
        export_monthly_report(env.desk, env.admin, "0000-05", tmp_path / "bad.csv")
    assert not (tmp_path / "bad.csv").exists() and audit_actions(env.desk) == before


def test_export_to_a_folder_that_cannot_be_written_is_refused(env: Env, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(DeskError, match="无法写入文件"):
        export_monthly_report(env.desk, env.admin, "2020-02", blocker / "sub" / "r.csv")


def test_rate_text() -> None:
    assert (rate_text(None), rate_text(0.6667), rate_text(1.0), rate_text(0.0)) == ("", "66.67%", "100.00%", "0.00%")
