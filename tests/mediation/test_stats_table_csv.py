"""Issue 16 item 10: the report lists every type and sub-type row of the national table, zeros
included; the success rate follows the national report (调解件数 counts declined and escalated
cases too) and says so; `stats --csv` writes the report as CSV on the command line."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from service_helpers import (  # noqa: F401  (env is a fixture)
    Env,
    add_mediator,
    agreement_data,
    audit_actions,
    env,
    new_case,
    parties_of,
    party,
    session_data,
    today,
)

from mediation_desk.cli import main
from mediation_desk.mediation import agreement, assignment, sessions, states, stats, workflow
from mediation_desk.mediation.dispute_types import DISPUTE_TYPES, label_of, table_rows
from mediation_desk.mediation.stats_export import report_rows

ROWS = 15 + 2 + 3 + 1  # the types, then 劳动争议's, 消费's and 其他's sub-types


def last_month() -> dt.date:
    return (today().replace(day=1) - dt.timedelta(days=1)).replace(day=10)


def a_case(env: Env, n: int, dispute_type: str, subtype: str | None = None, *, to: str | None = None) -> str:
    """A case accepted last month; `to` = where its mediation ended (today)."""
    day = last_month()
    parties = [party(f"甲{n}", 300 + n), party(f"乙{n}", 400 + n)]
    case_id = new_case(env, *parties, accepted_on=day.isoformat(), dispute_type=dispute_type, dispute_subtype=subtype)
    if to == states.DECLINED:
        workflow.transition(env.desk, env.admin, case_id, states.DECLINED, reason="一方明确拒绝调解")
    elif to == states.ESCALATED:
        workflow.transition(env.desk, env.admin, case_id, states.ESCALATED, reason="可能民转刑", escalate_to="town")
    elif to in (states.AGREED, states.TERMINATED):
        mediator = add_mediator(env, f"调解员{n}", skills=[dispute_type])
        assignment.assign(env.desk, env.admin, case_id, [mediator], chosen_by="parties")
        held = session_data(parties_of(env.desk, case_id), held_at=f"{day.isoformat()} 10:00")
        sessions.add_session(env.desk, env.admin, case_id, held)
        if to == states.AGREED:
            data = agreement_data(form="oral", reached_on=day.isoformat(), performance_deadline=None)
            agreement.record_agreement(env.desk, env.admin, case_id, data)
        else:
            workflow.transition(
                env.desk, env.admin, case_id, states.TERMINATED, reason="调解不成", routes=["litigation"]
            )
    return case_id


@pytest.fixture
def month(env: Env) -> str:
    a_case(env, 1, "labour", "unpaid_wages", to=states.AGREED)
    a_case(env, 2, "labour", to=states.TERMINATED)  # no sub-type: counts as 劳动争议（其他）
    a_case(env, 3, "consumer", "tourism", to=states.DECLINED)
    a_case(env, 4, "other", "village_affairs", to=states.ESCALATED)
    a_case(env, 5, "other")  # still open: not concluded
    return f"{last_month():%Y-%m}"


def test_every_type_and_sub_type_row_is_listed_zeros_included(env: Env, month: str) -> None:
    r = stats.monthly_report(env.desk, month)
    assert list(r.by_dispute_type) == [t.code for t in DISPUTE_TYPES]
    assert r.by_dispute_type["labour"] == 2 and r.by_dispute_type["other"] == 2 and r.by_dispute_type["family"] == 0
    assert r.by_dispute_subtype == {
        "labour.unpaid_wages": 1,
        "labour.other": 1,
        "consumer.tourism": 1,
        "consumer.ecommerce": 0,
        "consumer.other": 0,
        "other.village_affairs": 1,
    }
    rows = [(item, value) for section, item, value in report_rows(r) if section == "纠纷类型"]
    assert len(rows) == len(table_rows()) == ROWS
    assert ("劳动争议（拖欠农民工工资）", "1") in rows and ("医疗", "0") in rows and ("消费（电子商务）", "0") in rows


def test_the_success_rate_counts_declined_and_escalated_cases_and_says_so(env: Env, month: str) -> None:
    r = stats.monthly_report(env.desk, f"{today():%Y-%m}")  # the endings were typed in today
    assert (r.terminated, r.declined, r.escalated) == (1, 1, 1)
    assert r.concluded == 3 and r.success_rate == 0.0
    last = stats.monthly_report(env.desk, month)  # the oral agreement took effect last month
    assert (last.mediated_successfully, last.concluded, last.success_rate) == (1, 1, 1.0)
    assert "不予调解" in stats.RATE_DEFINITION and "上报" in stats.RATE_DEFINITION
    assert ("报表", "统计口径", stats.RATE_DEFINITION) in report_rows(r)


def cli(env: Env, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(env.root), "stats", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_stats_csv_on_the_command_line(
    env: Env, month: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = cli(env, capsys, "--month", month, "--csv")
    assert code == 0 and out.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(out.removeprefix("\ufeff"))))
    assert rows[0] == ["类别", "项目", "数值"] and rows[1] == ["报表", "月份", month]
    assert rows[2] == ["报表", "统计口径", stats.RATE_DEFINITION]
    values = {(section, item): value for section, item, value in rows[1:]}
    assert values[("总体", "受理")] == "5" and values[("总体", "调解成功")] == "1"
    assert values[("纠纷类型", label_of("labour", "other"))] == "1"
    assert sum(1 for section, _, _ in rows[1:] if section == "纠纷类型") == ROWS
    assert "甲1" not in out  # counts only

    target = tmp_path / "out" / "月报.csv"
    code, out, _ = cli(env, capsys, "--month", month, "--csv", str(target))
    assert code == 0 and target.read_text(encoding="utf-8-sig").splitlines()[1] == f"报表,月份,{month}"
    assert str(target) in out and audit_actions(env.desk)[-1] == "report.export"

    code, out, _ = cli(env, capsys, "--month", month)  # the text report names the rows and the definition
    assert code == 0 and "劳动争议（拖欠农民工工资） 1" in out and "医疗 0" in out and "口径：" in out


def test_stats_csv_with_a_bad_month_writes_nothing(
    env: Env, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    before = audit_actions(env.desk)
    target = tmp_path / "bad.csv"
    code, out, err = cli(env, capsys, "--month", "2026-13", "--csv", str(target))
    assert code != 0 and "月份" in err and not target.exists() and not list(tmp_path.glob("*.part"))
    code, out, err = cli(env, capsys, "--month", "0000-05", "--csv")
    assert code != 0 and out == "" and "月份" in err
    assert audit_actions(env.desk) == before
