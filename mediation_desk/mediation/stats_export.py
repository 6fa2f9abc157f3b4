"""The monthly report (月报) as a file for Excel: CSV in UTF-8 with a byte-order mark, one figure
per row (类别, 项目, 数值), every field of domain.md §3 with zeros written out — every dispute type
and sub-type of the national table too — so a month's files line up row by row. The report's
second row states how the success rate is counted. Counts and sums only: no case numbers, no names.

Exporting is audited (`report.export`: the month, never values). Every operator may export it:
the report holds no personal data (PIPL art. 51, de-identified statistics)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TextIO

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.errors import DeskError
from mediation_desk.mediation.agreement import FORMS
from mediation_desk.mediation.dispute_types import label_of, table_rows
from mediation_desk.mediation.exchange_files import write_csv
from mediation_desk.mediation.intake import REFERRERS, RISK_FLAGS, SOURCES
from mediation_desk.mediation.stats import RATE_DEFINITION, MonthlyReport, monthly_report
from mediation_desk.mediation.stats_series import check_month

HEADER = ["类别", "项目", "数值"]


def rate_text(rate: float | None) -> str:
    """ "66.67%", or "" when nothing was concluded in the month (no rate, not 0 %)."""
    return "" if rate is None else f"{rate * 100:.2f}%"


def report_rows(r: MonthlyReport) -> list[tuple[str, str, str]]:
    """(section, item, value) for every figure of the report, in the order of the printed form."""
    rows = [
        ("报表", "月份", r.month),
        ("报表", "统计口径", RATE_DEFINITION),
        ("总体", "受理", str(r.accepted)),
        ("总体", "调解成功", str(r.mediated_successfully)),
        ("总体", "终止调解", str(r.terminated)),
        ("总体", "不予调解", str(r.declined)),
        ("总体", "调解件数", str(r.concluded)),
        ("总体", "调解成功率", rate_text(r.success_rate)),
        ("总体", "协议金额（元）", f"{r.agreement_amount:.2f}"),
        ("总体", "涉及人数", str(r.persons_involved)),
        ("总体", "排查发现", str(r.found_in_screening)),
        ("总体", "上报", str(r.escalated)),
        ("总体", "结案", str(r.closed)),
        ("总体", "月末在办", str(r.open_at_month_end)),
    ]
    rows += [("案件来源", label, str(r.by_source.get(code, 0))) for code, label in SOURCES.items()]
    rows += [("委托移送机关", label, str(r.by_referrer.get(code, 0))) for code, label in REFERRERS.items()]
    rows += [("协议形式", label, str(r.by_agreement_form.get(code, 0))) for code, label in FORMS.items()]
    rows += [("纠纷类型", label_of(t.code, t.subtype), str(type_count(r, t.key))) for t in table_rows()]
    rows += [("防止事项（件）", label, str(r.prevention_cases.get(code, 0))) for code, label in RISK_FLAGS.items()]
    rows += [("防止事项（人）", label, str(r.prevention_persons.get(code, 0))) for code, label in RISK_FLAGS.items()]
    return rows


def type_count(r: MonthlyReport, key: str) -> int:
    """Cases of a national table row ("labour" or "labour.unpaid_wages") accepted in the month."""
    return (r.by_dispute_subtype if "." in key else r.by_dispute_type).get(key, 0)


def write_report_csv(report: MonthlyReport, out: TextIO) -> int:
    """Write the report to `out` (opened with encoding="utf-8", newline=""); returns the rows."""
    rows = report_rows(report)
    write_csv(HEADER, [dict(zip(HEADER, row, strict=False)) for row in rows], out)
    return len(rows)


def export_monthly_report(desk: Desk, actor: Actor, month: str, path: str | os.PathLike[str]) -> Path:
    """Compute the month's report and write it to `path` as CSV; a file already there is
    replaced only once the new one is complete."""
    check_month(month)  # a bad month is refused before any file is touched
    report = monthly_report(desk, month)
    target = Path(path)
    if target.suffix.lower() != ".csv":
        target = target.with_name(target.name + ".csv")
    part = target.with_name(target.name + ".part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with part.open("w", encoding="utf-8", newline="") as f:
            write_report_csv(report, f)
        with desk.write(actor) as uow:
            uow.audit("report.export", "desk", None, month=report.month, format="csv", personal_data=False)
        part.replace(target)
    except OSError as e:
        raise DeskError(f"无法写入文件 {target}：{e.strerror or e}") from e
    finally:
        if part.is_file():  # a half-written file never stays behind
            part.unlink()
    return target
