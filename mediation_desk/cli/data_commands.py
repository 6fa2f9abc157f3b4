"""Data as a whole: import and export, the monthly report, demo data, integrity check,
backup and restore."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from mediation_desk.cli import demo_command
from mediation_desk.cli.context import NONE, Context
from mediation_desk.cli.io import (
    CHINA,
    EXIT_OK,
    EXIT_REJECTED,
    EXIT_USER_ERROR,
    confirm,
    emit_json,
    err,
    json_flag,
    optional_module,
    out,
)
from mediation_desk.core import integrity
from mediation_desk.errors import ValidationError
from mediation_desk.mediation import intake, stats, stats_export
from mediation_desk.mediation.agreement import FORMS
from mediation_desk.mediation.dispute_types import label_of, table_rows
from mediation_desk.mediation.dto import to_jsonable
from mediation_desk.storage import backup, migrate

FORMATS = ("json", "csv")


def register(sub: Any) -> None:
    for name, what in (("import", "导入"), ("export", "导出")):
        group = sub.add_parser(name, help=f"{what}案件或调解员（JSON 或 CSV）").add_subparsers(
            dest="sub_command", metavar="WHAT", required=True
        )
        for kind, label in (("cases", "案件"), ("mediators", "调解员")):
            p = group.add_parser(kind, help=f"{what}{label}")
            p.add_argument("--format", choices=FORMATS, help="文件格式（默认按扩展名）")
            json_flag(p)
            if name == "import":
                p.add_argument("file", metavar="FILE")
                p.add_argument(
                    "--allow-partial",
                    action="store_true",
                    help="有错误的行跳过，其余照常导入（默认：有任何错误则一行都不导入）",
                )
                p.set_defaults(handler=import_rows, kind=kind)
            else:
                p.add_argument("-o", "--output", metavar="FILE", help="输出文件（默认：标准输出）")
                p.set_defaults(handler=export_rows, kind=kind)

    p = sub.add_parser("stats", help="月度统计报表")
    p.add_argument("--month", metavar="YYYY-MM", help="月份（默认本月）")
    p.add_argument(
        "--csv",
        nargs="?",
        const="-",
        metavar="FILE",
        help="以 CSV 输出（UTF-8，Excel 可打开）：给出文件名则写入该文件（记入审计），否则写到标准输出",
    )
    json_flag(p)
    p.set_defaults(handler=monthly, unlock=NONE)  # de-identified: no password needed

    demo_command.register(sub)

    p = sub.add_parser("check", help="检查数据库完整性和审计链")
    json_flag(p)
    p.set_defaults(handler=check, unlock=NONE)

    p = sub.add_parser("backup", help="备份数据库")
    p.add_argument("-o", "--output", metavar="FILE_OR_DIR", help="备份文件或目录（默认：数据目录下的 backups）")
    json_flag(p)
    p.set_defaults(handler=make_backup, unlock=NONE)  # the copy stays encrypted

    p = sub.add_parser("restore", help="从备份恢复数据库（替换本机全部数据，不可撤销）")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--yes", action="store_true", help="不再询问，直接恢复")
    json_flag(p)
    p.set_defaults(handler=restore, unlock=NONE)


def _format_of(path: str | None, given: str | None) -> str:
    if given:
        return given
    return "csv" if path and path.lower().endswith(".csv") else "json"


def import_rows(ctx: Context, args: argparse.Namespace) -> int:
    exchange = optional_module("mediation_desk.mediation.exchange", "导入")
    if not Path(args.file).is_file():
        raise ValidationError.single("file", "file_missing", f"找不到文件：{args.file}")
    run = exchange.import_cases if args.kind == "cases" else exchange.import_mediators
    report = run(ctx.desk, ctx.actor, args.file, args.format, allow_partial=args.allow_partial)
    emit_json({**to_jsonable(report), "ok": report.ok})
    if not report.rejected:
        return EXIT_OK
    for row in report.rejected:
        err(f"第 {row.row} 行 {row.field} [{row.rule}]: {row.message}")
    if report.imported:
        err(f"已导入 {report.imported} 行，{len(report.rejected)} 行有错误未导入。")
    else:
        err(
            f"{len(report.rejected)} 行有错误，未导入任何数据"
            + ("。" if args.allow_partial else "（可用 --allow-partial 跳过错误行导入其余各行）。")
        )
    return EXIT_REJECTED


def export_rows(ctx: Context, args: argparse.Namespace) -> int:
    exchange = optional_module("mediation_desk.mediation.exchange", "导出")
    fmt = _format_of(args.output, args.format)
    run = exchange.export_cases if args.kind == "cases" else exchange.export_mediators
    if not args.output:
        count = run(ctx.desk, ctx.actor, fmt, sys.stdout)
        sys.stdout.flush()
        err(f"已导出 {count} 条。")
        return EXIT_OK
    target = Path(args.output)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    try:
        with tmp.open("w", encoding="utf-8", newline="") as f:
            count = run(ctx.desk, ctx.actor, fmt, f)
        tmp.replace(target)
    finally:
        tmp.unlink(missing_ok=True)
    emit_json({"exported": count, "format": fmt, "file": str(target)})
    return EXIT_OK


def monthly(ctx: Context, args: argparse.Namespace) -> int:
    month = args.month or dt.datetime.now(CHINA).strftime("%Y-%m")
    if args.csv not in (None, "-"):  # a file, written whole or not at all, and audited
        target = stats_export.export_monthly_report(ctx.desk, ctx.actor, month, args.csv)
        emit_json({"month": month, "format": "csv", "file": str(target)})
        return EXIT_OK
    report = stats.monthly_report(ctx.desk, month)
    if args.csv == "-":
        stats_export.write_report_csv(report, sys.stdout)
        sys.stdout.flush()
        return EXIT_OK
    if getattr(args, "json", False):
        emit_json(report)
        return EXIT_OK

    def counts(d: dict[str, int], labels: dict[str, str]) -> str:
        return "、".join(f"{labels.get(k, k)} {v}" for k, v in d.items()) or "无"

    rate = "—" if report.success_rate is None else f"{report.success_rate:.1%}"
    out(f"{report.month} 人民调解月报")
    out(
        f"受理 {report.accepted} 件；调解成功 {report.mediated_successfully} 件；终止调解 {report.terminated} 件；"
        f"不予调解 {report.declined} 件；调解件数 {report.concluded} 件；调解成功率 {rate}"
    )
    out(f"协议金额 {report.agreement_amount} 元；涉及人数 {report.persons_involved} 人")
    out(f"来源：{counts(report.by_source, intake.SOURCES)}；移送机关：{counts(report.by_referrer, intake.REFERRERS)}")
    out(f"协议形式：{counts(report.by_agreement_form, FORMS)}")
    out(
        "纠纷类型："
        + "、".join(f"{label_of(t.code, t.subtype)} {stats_export.type_count(report, t.key)}" for t in table_rows())
    )
    out(
        "防止事项："
        + "、".join(
            f"{label} {report.prevention_cases[k]} 件 {report.prevention_persons[k]} 人"
            for k, label in intake.RISK_FLAGS.items()
        )
    )
    out(
        f"排查发现 {report.found_in_screening} 件；上报 {report.escalated} 件；结案 {report.closed} 件；"
        f"月末在办 {report.open_at_month_end} 件"
    )
    for note in report.notes:
        out(f"注：{note}")
    out(f"口径：{stats.RATE_DEFINITION}")
    return EXIT_OK


def check(ctx: Context, args: argparse.Namespace) -> int:
    report = integrity.check_database(ctx.desk)
    if getattr(args, "json", False):
        emit_json(
            {
                "ok": report.ok,
                "sqlite_ok": report.sqlite_ok,
                "sqlite_messages": report.sqlite_messages,
                "foreign_key_problems": report.foreign_key_problems,
                "audit": report.audit,
            }
        )
    else:
        out(f"数据库文件：{'完好' if report.sqlite_ok else '发现损坏'}")
        if not report.sqlite_ok:
            for message in report.sqlite_messages:
                out(f"  {message}")
        out(
            "外键引用："
            + ("完好" if report.foreign_key_problems == 0 else f"{report.foreign_key_problems} 处引用了不存在的记录")
        )
        chain = report.audit
        out(
            f"审计链：完好（{chain.records} 条记录）"
            if chain.ok
            else f"审计链：断裂，{chain.problem}（已核对 {chain.records} 条）"
        )
        out(
            "结论：一切正常。OK."
            if report.ok
            else "结论：发现问题，请勿继续录入，联系技术支持并从最近的备份恢复。Problems found."
        )
    if not report.ok:
        err("完整性检查未通过 / integrity check failed")
        return EXIT_USER_ERROR
    return EXIT_OK


def make_backup(ctx: Context, args: argparse.Namespace) -> int:
    ctx.paths.ensure()
    written = backup.backup_database(ctx.paths.database, args.output or ctx.paths.backups)
    emit_json({"backup": str(written), "size": written.stat().st_size})
    return EXIT_OK


def restore(ctx: Context, args: argparse.Namespace) -> int:
    source = Path(args.file)
    backup.check_backup_file(source)  # a bad file is refused before anyone is asked anything
    if not args.yes and not confirm(
        f"恢复将用备份「{source.name}」替换本机的全部数据（当前数据先另存一份到 {ctx.paths.backups}），"
        f"此操作不可撤销。\nThis replaces all data on this desk with the backup. "
        f"输入 yes 确认 / Type yes to confirm: "
    ):
        err("已取消，未做任何改动。Cancelled, nothing changed.")
        return EXIT_REJECTED
    ctx.close()  # the database file must not be held open while it is replaced
    ctx.paths.ensure()
    safety = backup.restore_database(source, ctx.paths.database, ctx.paths.backups)
    migrate.upgrade(ctx.paths.database, ctx.paths.backups)
    emit_json(
        {
            "restored_from": str(source.resolve()),
            "previous_copy": str(safety) if safety else None,
            "schema": migrate.current_revision(ctx.paths.database),
        }
    )
    return EXIT_OK
