"""`site …`: 一单一码 site codes at the command line — the register of places (场所), their import
from a spreadsheet; the monthly self-inspection and the rectification of hazards are in
site_inspect_commands.py; tasks, the grid dashboard and placards in site_board_commands.py; a
town desk's tasks and rates in site_town_commands.py.

PLACE is a place's id, its name (or the first characters of it, when only one place starts so) or
its 场所码; a hazard or a task is its id or the first characters of it, as the lists show them."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from mediation_desk.cli import site_board_commands, site_inspect_commands, site_town_commands
from mediation_desk.cli.context import Context
from mediation_desk.cli.io import EXIT_OK, EXIT_REJECTED, emit_json, err, json_flag, out, table
from mediation_desk.cli.site_lookups import COLOUR_HELP, SHORT_ID, colour, place_id
from mediation_desk.errors import ValidationError
from mediation_desk.sitecode import place_import, places, scheme
from mediation_desk.sitecode.dto import ImportReport, PlaceView

CATEGORY_HELP = "、".join(f"{c.category}（{c.label}）" for c in scheme.DEFAULT_SCHEME.checklists)
IMPORT_COLUMNS = "场所名称、类别、地址、网格、负责人、联系电话、统一社会信用代码"


def register(sub: Any) -> None:
    site = sub.add_parser(
        "site",
        help="一单一码：场所登记和导入、月度自查、隐患整改、码色、任务、网格看板、亮码公示牌",
        description=(
            "一单一码（场所安全自查）。PLACE 可用场所编号、名称（或名称的前几个字）或场所码；"
            "隐患、任务编号可只写前几位。"
        ),
    )
    group = site.add_subparsers(dest="sub_command", metavar="ACTION", required=True)
    _register_places(group)
    site_inspect_commands.register(group)
    site_board_commands.register(group)
    site_town_commands.register(group)


def _place_options(p: argparse.ArgumentParser, *, adding: bool) -> None:
    p.add_argument("--name", required=adding, help="场所名称")
    p.add_argument("--category", required=adding, metavar="CATEGORY", help=f"类别（代码或中文）：{CATEGORY_HELP}")
    p.add_argument("--address", required=adding, help="地址")
    p.add_argument("--grid", required=adding, help="所属网格，如 一网格")
    clear = '（--credit-code "" 删除）' if not adding else "（个体工商户没有可不填）"
    p.add_argument("--credit-code", metavar="USCC", help=f"统一社会信用代码{clear}")
    p.add_argument("--responsible", metavar="NAME", help="负责人姓名")
    p.add_argument("--phone", help="负责人联系电话（加密保存）")


def _register_places(group: Any) -> None:
    p = group.add_parser("places", help="列出场所（码色、待整改隐患、任务）")
    p.add_argument("--grid", help="只列这个网格的")
    p.add_argument("--colour", "--color", dest="colour", metavar="COLOUR", help=f"只列这种码色的：{COLOUR_HELP}")
    p.add_argument("--category", metavar="CATEGORY", help=f"只列这一类（代码或中文）：{CATEGORY_HELP}")
    p.add_argument("--query", metavar="TEXT", help="名称或地址中的文字")
    p.add_argument("--all", action="store_true", help="包括已停用的场所")
    p.add_argument("--limit", type=int, default=1000, metavar="N")
    json_flag(p)
    p.set_defaults(handler=place_list)

    p = group.add_parser("add", help="登记一个场所（负责人电话加密保存）")
    _place_options(p, adding=True)
    p.add_argument("--person", metavar="PERSON_ID", help="负责人已在本机登记时（如绿币居民）：其人员编号")
    json_flag(p)
    p.set_defaults(handler=place_add)

    p = group.add_parser("edit", help="修改场所信息（只改给出的项）")
    p.add_argument("place", metavar="PLACE")
    _place_options(p, adding=False)
    state = p.add_mutually_exclusive_group()
    state.add_argument("--inactive", dest="active", action="store_const", const=False, help="停用（关停、迁走）")
    state.add_argument("--active", dest="active", action="store_const", const=True, help="恢复在用")
    json_flag(p)
    p.set_defaults(handler=place_edit, active=None)

    p = group.add_parser(
        "import",
        help="从 Excel（.xlsx）或 CSV 导入场所清单",
        description=f"第一行为表头，列名：{IMPORT_COLUMNS}。有任何错误行时一行都不导入（除非 --skip-bad）。",
    )
    p.add_argument("file", metavar="FILE", help=".xlsx 或 .csv 文件")
    p.add_argument("--skip-bad", action="store_true", help="有错误的行跳过，其余照常导入")
    json_flag(p)
    p.set_defaults(handler=place_import_command)


# ---- places ----------------------------------------------------------------------------------------


def place_list(ctx: Context, args: argparse.Namespace) -> int:
    if not 1 <= args.limit <= 100_000:
        raise ValidationError.single("limit", "limit_range", "--limit 须是 1 到 100000 的整数")
    found = places.list_places(
        ctx.desk,
        ctx.actor,
        query=args.query,
        grid=args.grid,
        colour=colour(args.colour),
        category=args.category,
        include_inactive=args.all,
        limit=args.limit,
    )
    if getattr(args, "json", False):
        emit_json(found)
        return EXIT_OK
    if not found:
        out("没有符合条件的场所。No matching places (site add, site import).")
        return EXIT_OK
    print_places(found)
    out(f"共 {len(found)} 个场所" + ("（可用 --limit 多列）" if len(found) == args.limit else ""))
    return EXIT_OK


def print_places(found: list[PlaceView]) -> None:
    table(
        ["编号", "场所", "类别", "网格", "码色", "待整改", "逾期", "任务", "备注"],
        [
            (
                p.id[:SHORT_ID],
                p.name,
                p.category_label,
                p.grid,
                p.code.label,
                p.open_hazards or "",
                p.overdue_hazards or "",
                p.open_tasks or "",
                "；".join(x for x in ("个体" if p.individual else "", "" if p.active else "已停用") if x),
            )
            for p in found
        ],
    )


def place_add(ctx: Context, args: argparse.Namespace) -> int:
    view = places.add_place(
        ctx.desk,
        ctx.actor,
        name=args.name,
        category=args.category,
        address=args.address,
        grid=args.grid,
        credit_code=args.credit_code or None,
        responsible_name=args.responsible,
        responsible_phone=args.phone,
        person_id=args.person,
    )
    emit_json(view)
    if view.individual:
        err("提示：未填统一社会信用代码，已标为个体工商户。")
    return EXIT_OK


def place_edit(ctx: Context, args: argparse.Namespace) -> int:
    pid = place_id(ctx, args.place)
    view = places.edit_place(
        ctx.desk,
        ctx.actor,
        pid,
        name=args.name,
        category=args.category,
        address=args.address,
        grid=args.grid,
        credit_code=args.credit_code,
        responsible_name=args.responsible,
        responsible_phone=args.phone,
        active=args.active,
    )
    emit_json(view)
    return EXIT_OK


# ---- import ----------------------------------------------------------------------------------------


def place_import_command(ctx: Context, args: argparse.Namespace) -> int:
    source = Path(args.file)
    if not source.is_file():
        raise ValidationError.single("file", "file_missing", f"找不到文件：{args.file}")
    report = place_import.import_places(ctx.desk, ctx.actor, source, skip_bad=args.skip_bad)
    if getattr(args, "json", False):
        emit_json({"report": report, "ok": report.ok})
    else:
        print_report(report)
    if report.ok:
        return EXIT_OK
    for problem in report.problems:
        where = f"「{problem.column}」列" if problem.column else ""
        err(f"第 {problem.row} 行{where}：{problem.message}")
    if report.imported:
        err(f"已导入 {report.imported} 个场所，{len(report.problems)} 处错误所在的 {report.skipped} 行未导入。")
    else:
        err(
            f"{len(report.problems)} 处错误，未导入任何场所"
            + ("。" if args.skip_bad else "（改正后重新导入，或用 --skip-bad 跳过错误行导入其余各行）。")
        )
    return EXIT_REJECTED


def print_report(report: ImportReport) -> None:
    out(f"文件：{report.file_name}")
    out(f"读取 {report.rows} 行，导入 {report.imported} 个场所，跳过 {report.skipped} 行")
    if report.individual:
        out(f"其中 {report.individual} 个没有统一社会信用代码，已标为个体工商户")
    if report.problems:
        table(
            ["行", "列", "问题"],
            [(p.row, p.column or "（整行）", p.message) for p in report.problems],
            max_col=60,
        )
