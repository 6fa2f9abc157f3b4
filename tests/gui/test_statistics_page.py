"""统计 page: the month's figures equal `stats.monthly_report`, the charts carry the right series,
a typed month that is not one is named and changes nothing, and the export writes a CSV file
that reads back (BOM, header, values)."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCharts import QBarSeries, QHorizontalBarSeries, QLineSeries
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from service_helpers import (
    Env,
    add_mediator,
    agreement_data,
    assigned_case,
    audit_actions,
    make_env,
    parties_of,
    party,
    session_data,
    today,
)
from sqlalchemy import select

from mediation_desk.core.uow import SYSTEM
from mediation_desk.gui.pages.statistics import StatisticsPage
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.mediation import agreement, sessions, states, stats, workflow
from mediation_desk.mediation.models_case import CaseTransition
from mediation_desk.mediation.stats_series import current_month, monthly_series, months_ending, shifted

CHINA = dt.timezone(dt.timedelta(hours=8))


@pytest.fixture
def env(tmp_path: Any) -> Iterator[Env]:
    e = make_env(tmp_path)
    yield e
    e.desk.close()


def months_back(n: int) -> dt.date:
    first = today().replace(day=1)
    index = first.year * 12 + first.month - 1 - n
    return dt.date(index // 12, index % 12 + 1, 10)


def case_on(env: Env, n: int, accepted: dt.date, dispute_type: str = "neighbour", **kw: Any) -> str:
    mediator = add_mediator(env, f"调解员{n}", skills=[dispute_type])
    case_id, _ = assigned_case(
        env,
        mediator,
        parties=[party(f"甲{n}", 900 + n), party(f"乙{n}", 950 + n)],
        accepted_on=accepted.isoformat(),
        dispute_type=dispute_type,
        **kw,
    )
    sessions.add_session(env.desk, env.admin, case_id, session_data(parties_of(env.desk, case_id)))
    return case_id


def retime(env: Env, case_id: str, day: dt.date) -> None:
    """Every status change of the case at 10:0x Beijing time on `day`."""
    with env.desk.write(SYSTEM) as uow:
        rows = uow.session.scalars(
            select(CaseTransition).where(CaseTransition.case_id == case_id).order_by(CaseTransition.hlc)
        )
        for i, row in enumerate(rows):
            row.at = dt.datetime.combine(day, dt.time(10, i), CHINA)


@pytest.fixture
def month(env: Env) -> str:
    """Two months back: a written agreement of 1500 yuan, an oral one referred by the court, a
    termination crediting 防止民转刑 on a family dispute; the month before: one more agreement."""
    day, before = months_back(2), months_back(3)
    a = case_on(env, 1, day, found_in_screening=True)
    agreement.record_agreement(env.desk, env.admin, a, agreement_data(reached_on=day, amount="1500"))
    agreement.confirm_signatures(env.desk, env.admin, a, signed_on=day)  # in effect that month
    b = case_on(
        env, 2, day, source="referral", referrer_kind="court", referrer_name="上虞区人民法院", persons_involved=3
    )
    agreement.record_agreement(env.desk, env.admin, b, agreement_data(form="oral", reached_on=day, amount="800.50"))
    c = case_on(env, 3, day, dispute_type="family", persons_involved=4, risk_flags=["civil_to_criminal"])
    workflow.transition(
        env.desk,
        env.admin,
        c,
        states.TERMINATED,
        reason="调解不成",
        routes=["litigation"],
        prevented=["civil_to_criminal"],
    )
    d = case_on(env, 4, before)
    agreement.record_agreement(env.desk, env.admin, d, agreement_data(form="oral", reached_on=before))
    for case_id in (a, b, c):
        retime(env, case_id, day)
    retime(env, d, before)
    return f"{day:%Y-%m}"


@pytest.fixture
def page(qtbot: Any, env: Env, tasks: TaskManager) -> StatisticsPage:
    widget = StatisticsPage(env.desk, tasks, env.admin)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def show_month(qtbot: Any, page: StatisticsPage, type_text: Any, month: str) -> None:
    page.data = None
    type_text(page.ui.monthEdit, month)
    qtbot.keyClick(page.ui.monthEdit, Qt.Key.Key_Return)
    assert page.loading and page.ui.busyBar.isVisible()  # until the worker answers
    qtbot.waitUntil(lambda: page.data is not None and not page.tasks.busy)
    assert not page.loading and page.ui.busyBar.isHidden()


def test_the_months_figures_are_the_monthly_report(
    qtbot: Any, page: StatisticsPage, env: Env, month: str, type_text: Any
) -> None:
    show_month(qtbot, page, type_text, month)
    r = stats.monthly_report(env.desk, month)
    v = {key: label.text() for key, label in page.value_labels.items()}
    assert page.ui.titleLabel.text() == f"{month} 人民调解月报"
    assert (r.accepted, r.mediated_successfully, r.terminated) == (3, 2, 1)
    assert v["accepted"] == "3" and v["mediated_successfully"] == "2" and v["terminated"] == "1"
    assert v["success_rate"] == "66.67%" and r.success_rate == pytest.approx(0.6667)
    assert v["declined"] == "0" and v["concluded"] == str(r.concluded) == "3"  # the rate's denominator
    assert "不予调解" in page.value_labels["success_rate"].toolTip()  # the definition, as the national report's
    assert v["agreement_amount"] == "2,300.50" and str(r.agreement_amount) == "2300.50"
    assert v["persons_involved"] == str(r.persons_involved) == "9"
    assert v["found_in_screening"] == "1" and v["escalated"] == "0" and v["closed"] == "0"
    assert v["open_at_month_end"] == str(r.open_at_month_end) == "3"  # A and B agreed, D from the month before
    assert (v["source.application"], v["source.initiative"], v["source.referral"]) == ("2", "0", "1")
    assert (v["referrer.court"], v["referrer.police"]) == ("1", "0")
    assert (v["form.written"], v["form.oral"]) == ("1", "1")
    assert (v["prevention.civil_to_criminal.cases"], v["prevention.civil_to_criminal.persons"]) == ("1", "4")
    assert v["prevention.suicide.cases"] == "0"
    assert page.ui.exportButton.isEnabled()


def test_the_charts_carry_the_months_series(
    qtbot: Any, page: StatisticsPage, env: Env, month: str, type_text: Any
) -> None:
    show_month(qtbot, page, type_text, month)
    (types,) = page.chart("types").series()
    assert isinstance(types, QHorizontalBarSeries)
    (bars,) = types.barSets()
    categories = page.chart("types").axes(Qt.Orientation.Vertical)[0].categories()
    heights = [bars.at(i) for i in range(bars.count())]
    assert dict(zip(categories, heights, strict=True)) == {"邻里": 2.0, "婚姻家庭": 1.0}

    series = monthly_series(env.desk, month)
    (months,) = page.chart("months").series()
    assert isinstance(months, QBarSeries)
    accepted, succeeded = months.barSets()
    assert page.chart("months").axes(Qt.Orientation.Horizontal)[0].categories() == months_ending(month)
    assert [accepted.at(i) for i in range(12)] == [float(m.accepted) for m in series]
    assert [succeeded.at(i) for i in range(12)] == [float(m.mediated_successfully) for m in series]
    assert accepted.at(11) == 3 and accepted.at(10) == 1 and succeeded.at(11) == 2

    (rate,) = page.chart("rate").series()
    assert isinstance(rate, QLineSeries)
    # Only months with a concluded mediation have a point: the month before (100 %) and the month (66.7 %).
    assert [(p.x(), p.y()) for p in rate.points()] == [(10.0, 100.0), (11.0, 66.7)]


def test_month_buttons_and_a_bad_month(qtbot: Any, page: StatisticsPage, env: Env, month: str, type_text: Any) -> None:
    show_month(qtbot, page, type_text, month)
    shown = {k: label.text() for k, label in page.value_labels.items()}
    for bad in ("2026-13", "2026/10", "十月"):
        type_text(page.ui.monthEdit, bad)
        qtbot.mouseClick(page.ui.showButton, Qt.MouseButton.LeftButton)
        assert page.ui.monthError.text() == "月份格式应为 YYYY-MM，如 2026-10"
        assert not page.tasks.busy and page.month == month
        assert {k: label.text() for k, label in page.value_labels.items()} == shown
    type_text(page.ui.monthEdit, "0000-05")
    qtbot.keyClick(page.ui.monthEdit, Qt.Key.Key_Return)
    assert page.ui.monthError.text() == "月份须在 1990 至 2999 年之间" and page.month == month
    assert page.load("2026-00") is False  # asked in code: refused the same way
    assert "YYYY-MM" in page.ui.monthError.text() and not page.tasks.busy and page.month == month

    page.data = None
    qtbot.mouseClick(page.ui.nextButton, Qt.MouseButton.LeftButton)  # from the month shown, not the typed text
    qtbot.waitUntil(lambda: page.data is not None and not page.tasks.busy)
    assert page.data.report.month == shifted(month, 1) == page.ui.monthEdit.text()
    assert page.ui.monthError.text() == "" and page.value_labels["accepted"].text() == "0"
    # Asked for two months in a row: the answer for the first is dropped, the second is shown.
    page.data = None
    page.load(shifted(month, -3))
    page.load(month)
    qtbot.waitUntil(lambda: not page.tasks.busy)
    assert page.data is not None and page.data.report.month == month == page.ui.monthEdit.text()
    page.data = None
    qtbot.mouseClick(page.ui.previousButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.data is not None and not page.tasks.busy)
    assert page.data.report.month == shifted(month, -1) == page.ui.monthEdit.text()
    assert page.ui.monthError.text() == ""
    assert page.value_labels["accepted"].text() == "1"


def test_refresh_shows_this_month(qtbot: Any, page: StatisticsPage) -> None:
    page.refresh()
    qtbot.waitUntil(lambda: page.data is not None and not page.tasks.busy)
    assert page.data.report.month == current_month() == page.ui.monthEdit.text()
    assert page.chart("types").series() == [] and page.chart("types").title() == "本月没有受理案件"
    assert page.chart("rate").series()[0].count() == 0


def test_export_writes_a_csv_that_reads_back(
    qtbot: Any,
    page: StatisticsPage,
    env: Env,
    month: str,
    type_text: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert not page.ui.exportButton.isEnabled()  # nothing shown yet
    show_month(qtbot, page, type_text, month)
    target = tmp_path / "exports" / "月报"
    asked: list[str] = []

    def choose_file(_parent: Any, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(target), "CSV"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose_file))
    qtbot.mouseClick(page.ui.exportButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已导出" in page.ui.statusLabel.text())
    assert asked[0].endswith(f"人民调解月报-{month}.csv")
    written = target.with_name("月报.csv")
    assert str(written) in page.ui.statusLabel.text()
    assert written.read_bytes().startswith(b"\xef\xbb\xbf")
    with written.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["类别", "项目", "数值"]
    values = {(section, item): value for section, item, value in rows[1:]}
    r = stats.monthly_report(env.desk, month)
    assert values[("报表", "月份")] == month
    assert values[("总体", "受理")] == str(r.accepted) and values[("总体", "调解成功率")] == "66.67%"
    assert values[("总体", "协议金额（元）")] == "2300.50"
    assert values[("委托移送机关", "法院")] == "1" and values[("防止事项（人）", "防止民转刑")] == "4"
    assert audit_actions(env.desk)[-1] == "report.export"

    # A place that cannot be written: said calmly, nothing else happens.
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    target = blocker / "r.csv"
    qtbot.mouseClick(page.ui.exportButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "未导出" in page.ui.statusLabel.text())
    assert page.ui.exportButton.isEnabled()

    # Cancelled in the dialog: nothing at all.
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a: ("", "")))
    before = audit_actions(env.desk)
    qtbot.mouseClick(page.ui.exportButton, Qt.MouseButton.LeftButton)
    assert not page.tasks.busy and audit_actions(env.desk) == before
