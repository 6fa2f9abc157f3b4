"""`site tasks|dashboard|placard|scan`: the tasks the district opened for red places (暗访、联合执法),
the colour dashboard per grid with the conversion rate (转码率), the placards to post (亮码公示牌,
PDF) and what a scanned placard says against the place's code today.

A placard file is written whole or not at all; an existing file is replaced only with --force,
and that is checked before anything is read."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from mediation_desk.cli.context import Context
from mediation_desk.cli.io import EXIT_OK, emit_json, err, json_flag, local_time, out, table, write_private_file
from mediation_desk.cli.site_inspect_commands import print_code
from mediation_desk.cli.site_lookups import SHORT_ID, place_id, place_line
from mediation_desk.documents import placards as placard_docs
from mediation_desk.errors import ValidationError
from mediation_desk.sitecode import dashboard, placard_code, placards, rules, tasks
from mediation_desk.sitecode.dto import GridSummary, TaskView


def register(group: Any) -> None:
    p = group.add_parser("tasks", help="区里为红码场所派出的暗访检查、联合执法任务")
    p.add_argument("--place", metavar="PLACE", help="只列这个场所的")
    p.add_argument("--all", action="store_true", help="包括已办结的")
    json_flag(p)
    p.set_defaults(handler=task_list)

    p = group.add_parser("dashboard", help="网格看板：各网格的绿、黄、红码数，隐患，任务，转码率")
    json_flag(p)
    p.set_defaults(handler=dashboard_command)

    p = group.add_parser("placard", help="打印亮码公示牌（PDF，每个场所一页）")
    p.add_argument("places", nargs="*", metavar="PLACE", help="场所（可多个）")
    p.add_argument("--grid", help="这个网格的全部在用场所")
    p.add_argument("--all", action="store_true", help="全部在用场所")
    p.add_argument("--out", required=True, metavar="FILE.pdf", help="保存到的 PDF 文件")
    p.add_argument("--force", action="store_true", help="覆盖已有的文件")
    json_flag(p)
    p.set_defaults(handler=placard)

    p = group.add_parser("scan", help="扫描公示牌上的二维码（或输入其下方的文字），核对场所和今日码色")
    p.add_argument("payload", metavar="PAYLOAD", help="二维码内容，如 YDYM-…")
    json_flag(p)
    p.set_defaults(handler=scan)


# ---- tasks -----------------------------------------------------------------------------------------


def task_list(ctx: Context, args: argparse.Namespace) -> int:
    found = tasks.list_tasks(
        ctx.desk,
        ctx.actor,
        open_only=not args.all,
        place_id=place_id(ctx, args.place) if args.place else None,
    )
    if getattr(args, "json", False):
        emit_json(found)
        return EXIT_OK
    if not found:
        out("没有待办的任务。No open tasks." if not args.all else "没有任务。No tasks.")
        return EXIT_OK
    print_tasks(found)
    out("任务由区里派出、由镇（街道）办结，办结结果随下次同步回到本机。")
    return EXIT_OK


def print_tasks(found: list[TaskView]) -> None:
    table(
        ["编号", "场所", "任务", "月份", "状态", "参与", "原因", "办结情况"],
        [
            (
                t.id[:SHORT_ID],
                t.place_name,
                t.kind_label,
                t.month,
                t.status_label + (f"（{t.closed_on}）" if t.closed_on else ""),
                "、".join(t.parties),
                "；".join(t.reasons),
                t.outcome or "",
            )
            for t in found
        ],
        max_col=60,
    )


# ---- the dashboard ----------------------------------------------------------------------------------


def _grid_row(g: GridSummary) -> tuple[Any, ...]:
    return (g.grid, g.places, g.green, g.yellow, g.red, g.open_hazards, g.overdue_hazards, g.open_tasks)


def dashboard_command(ctx: Context, args: argparse.Namespace) -> int:
    view = dashboard.dashboard(ctx.desk, ctx.actor)
    if getattr(args, "json", False):
        emit_json(view)
        return EXIT_OK
    out(f"网格看板  {rules.month_text(view.period)}  {local_time(view.computed_at)}")
    if not view.grids:
        out("还没有登记场所。No places yet (site add, site import).")
        return EXIT_OK
    table(
        ["网格", "场所", "绿码", "黄码", "红码", "待整改隐患", "逾期隐患", "待办任务"],
        [*(_grid_row(g) for g in view.grids), _grid_row(view.totals)],
    )
    out(f"转码率（{rules.month_text(view.conversion_month)}，上月红黄码场所本月转为绿码）：{view.conversion_text}")
    return EXIT_OK


# ---- placards ---------------------------------------------------------------------------------------


def _target(value: str, force: bool) -> Path:
    target = Path(value)
    if target.suffix.lower() != ".pdf":
        raise ValidationError.single("out", "pdf_name", f"公示牌保存为 PDF：文件名须以 .pdf 结尾（「{target.name}」）")
    if target.is_dir():
        raise ValidationError.single("out", "output_is_folder", f"「{target.name}」是文件夹，请给出文件名")
    if target.exists() and not force:
        raise ValidationError.single("out", "file_exists", f"文件已存在：{target.name}（覆盖请加 --force）")
    return target


def placard(ctx: Context, args: argparse.Namespace) -> int:
    chosen = sum(1 for x in (bool(args.places), args.grid is not None, args.all) if x)
    if chosen != 1:
        raise ValidationError.single(
            "place", "placard_target", "请给出要打印的场所（PLACE…），或 --grid 网格，或 --all（三者选一）"
        )
    target = _target(args.out, args.force)
    ids = [place_id(ctx, key) for key in args.places] if args.places else None
    views = placards.placard_views(ctx.desk, ctx.actor, place_ids=ids, grid=args.grid)
    if not views:
        field = "grid" if args.grid is not None else "place"
        raise ValidationError.single(field, "no_places", "没有可打印的在用场所")
    write_private_file(target, placard_docs.placard_pdf(views))
    if getattr(args, "json", False):
        emit_json(
            {
                "file": str(target),
                "placards": len(views),
                "places": [{"id": v.place.id, "name": v.place.name, "payload": v.payload} for v in views],
            }
        )
    else:
        table(
            ["场所", "网格", "码色", "公示牌二维码"],
            [(v.place.name, v.place.grid, v.place.code.label, v.payload) for v in views],
        )
    err(f"已生成 {len(views)} 张亮码公示牌：{target}")
    return EXIT_OK


# ---- a scanned placard ------------------------------------------------------------------------------


def scan(ctx: Context, args: argparse.Namespace) -> int:
    text = args.payload.strip()
    view = placards.find_by_payload(ctx.desk, ctx.actor, text)
    printed = placard_code.parse_payload(text)  # readable: find_by_payload refused what is not
    assert printed is not None
    note = placards.scan_note(text, view)
    if getattr(args, "json", False):
        scanned = {"month": printed.month, "colour": printed.colour}
        changed = printed.colour != view.code.colour
        emit_json({"place": view, "scanned": scanned, "current": view.code, "changed": changed, "note": note})
        return EXIT_OK
    out(f"{place_line(view)}  场所码 {view.place_code}")
    out(f"地址：{view.address}")
    out(f"公示牌：{rules.month_text(printed.month)} {rules.COLOURS[printed.colour]}")
    print_code(view.code)
    if note:
        out(f"注意：{note}")
    return EXIT_OK
