"""`points …`: green coins (平安绿币) at the command line — households and residents, the catalogue,
declarations (群众申报) and their village review. The ledger, the 绿币超市 and month end are in
points_shop_commands.py; the town's review through the district in points_town_commands.py.

RESIDENT, HOUSEHOLD and GIFT are ids or (unique) names; a declaration is its id or the first
characters of it, as the lists show them."""

from __future__ import annotations

import argparse
from typing import Any

from mediation_desk.cli import points_shop_commands, points_town_commands
from mediation_desk.cli.context import NONE, Context
from mediation_desk.cli.io import EXIT_OK, emit_json, json_flag, out, table
from mediation_desk.cli.points_lookups import (
    SHORT_ID,
    STATUS_HELP,
    declaration_id,
    household_id,
    item_code,
    limit,
    resident_id,
    status_code,
)
from mediation_desk.core.uow import china_today
from mediation_desk.points import catalogue, declarations, residents, rules
from mediation_desk.points.dto import DeclarationView, ResidentView
from mediation_desk.validation import parse_date


def register(sub: Any) -> None:
    points = sub.add_parser(
        "points",
        help="平安绿币：居民和户、群众申报、审核、积分、绿币超市、月末汇总",
        description="平安绿币。RESIDENT、HOUSEHOLD、GIFT 可用编号或名称；申报编号可只写前几位。",
    )
    group = points.add_subparsers(dest="sub_command", metavar="ACTION", required=True)
    _register_households(group)
    _register_residents(group)
    _register_declarations(group)
    points_shop_commands.register(group)
    points_town_commands.register(group)


def _register_households(group: Any) -> None:
    hh = group.add_parser("household", help="户：登记、列出").add_subparsers(
        dest="points_action", metavar="ACTION", required=True
    )
    p = hh.add_parser("add", help="登记一户")
    p.add_argument("--label", required=True, help="户名，如 王建国户")
    p.add_argument("--group", required=True, dest="village_group", help="村民小组，如 一组")
    json_flag(p)
    p.set_defaults(handler=household_add)
    p = hh.add_parser("list", help="列出各户（人数、户积分）")
    json_flag(p)
    p.set_defaults(handler=household_list)


def _register_residents(group: Any) -> None:
    res = group.add_parser("resident", help="居民：登记、修改、迁户、列出、详情").add_subparsers(
        dest="points_action", metavar="ACTION", required=True
    )
    p = res.add_parser("add", help="登记居民（姓名、小组、户；电话可不填，加密保存）")
    p.add_argument("--name", required=True, help="姓名")
    p.add_argument("--group", required=True, dest="village_group", help="村民小组")
    p.add_argument("--household", metavar="HOUSEHOLD", help="所在户（编号或户名）")
    p.add_argument("--phone", help="联系电话")
    p.add_argument("--mediator", metavar="MEDIATOR", help="本人是志愿调解员时：调解员名册中的编号或姓名")
    json_flag(p)
    p.set_defaults(handler=resident_add)

    p = res.add_parser("edit", help="修改居民信息（只改给出的项）")
    p.add_argument("resident", metavar="RESIDENT")
    p.add_argument("--name", help="姓名")
    p.add_argument("--group", dest="village_group", help="村民小组")
    p.add_argument("--phone", help='联系电话（--phone "" 删除）')
    p.add_argument("--mediator", metavar="MEDIATOR", help='对应的志愿调解员（编号或姓名；--mediator "" 取消关联）')
    state = p.add_mutually_exclusive_group()
    state.add_argument("--inactive", dest="active", action="store_const", const=False, help="停用（迁出、去世）")
    state.add_argument("--active", dest="active", action="store_const", const=True, help="恢复在用")
    json_flag(p)
    p.set_defaults(handler=resident_edit, active=None)

    p = res.add_parser("move", help="迁户（原户的记录保留）")
    p.add_argument("resident", metavar="RESIDENT")
    p.add_argument("household", metavar="HOUSEHOLD", help="迁入的户（编号或户名）")
    p.add_argument("--reason", required=True, help="迁户原因，如 分户、婚嫁")
    p.add_argument("--since", metavar="DATE", help="迁入日期（默认今天）")
    json_flag(p)
    p.set_defaults(handler=resident_move)

    p = res.add_parser("list", help="列出居民（户、积分余额）")
    p.add_argument("--search", metavar="TEXT", help="姓名或户名中的文字")
    p.add_argument("--household", metavar="HOUSEHOLD", help="只列这一户")
    p.add_argument("--limit", type=int, default=500, metavar="N")
    json_flag(p)
    p.set_defaults(handler=resident_list)

    p = res.add_parser("show", help="居民详情和迁户记录")
    p.add_argument("resident", metavar="RESIDENT")
    json_flag(p)
    p.set_defaults(handler=resident_show)


def _register_declarations(group: Any) -> None:
    p = group.add_parser("catalogue", help="当前的积分目录（加分项、扣分项、上限）")
    json_flag(p)
    p.set_defaults(handler=catalogue_show, unlock=NONE)

    p = group.add_parser("declare", help="登记一条群众申报（待村审核）")
    p.add_argument("resident", metavar="RESIDENT")
    p.add_argument("item", metavar="ITEM", help="积分目录中的项目（代码或名称，见 points catalogue）")
    p.add_argument("--date", metavar="DATE", help="活动日期（默认今天）")
    p.add_argument("--note", help="说明")
    p.add_argument("--evidence", metavar="FILE", help="佐证材料（照片、PDF 等），加密保存")
    json_flag(p)
    p.set_defaults(handler=declare)

    p = group.add_parser("declarations", help="列出申报", description=f"状态：{STATUS_HELP}")
    p.add_argument("--status", metavar="S", help="状态（代码或中文），如 declared 或 待村审核")
    p.add_argument("--resident", metavar="RESIDENT", help="只列这位居民的")
    p.add_argument("--limit", type=int, default=500, metavar="N")
    json_flag(p)
    p.set_defaults(handler=declaration_list)

    p = group.add_parser("review", help="村级审核一条申报：--approve 通过，或 --reject --reason 不通过")
    p.add_argument("declaration", metavar="ID", help="申报编号（或其前几位）")
    verdict = p.add_mutually_exclusive_group(required=True)
    verdict.add_argument("--approve", action="store_true", help="通过（之后待镇审核）")
    verdict.add_argument("--reject", action="store_true", help="不通过（须 --reason）")
    p.add_argument("--reason", help="理由（不通过时必填）")
    json_flag(p)
    p.set_defaults(handler=review)


# ---- households and residents --------------------------------------------------------------------


def household_add(ctx: Context, args: argparse.Namespace) -> int:
    emit_json(residents.add_household(ctx.desk, ctx.actor, label=args.label, village_group=args.village_group))
    return EXIT_OK


def household_list(ctx: Context, args: argparse.Namespace) -> int:
    found = residents.list_households(ctx.desk, ctx.actor)
    if getattr(args, "json", False):
        emit_json(found)
        return EXIT_OK
    if not found:
        out("还没有登记户。No households yet (points household add).")
        return EXIT_OK
    table(
        ["编号", "户名", "小组", "人数", "户积分"],
        [(h.id, h.label, h.village_group, h.members, h.balance) for h in found],
    )
    return EXIT_OK


def resident_add(ctx: Context, args: argparse.Namespace) -> int:
    view = residents.add_resident(
        ctx.desk,
        ctx.actor,
        name=args.name,
        village_group=args.village_group,
        household_id=household_id(ctx, args.household) if args.household else None,
        phone=args.phone,
        mediator_id=ctx.mediator_id(args.mediator) if args.mediator else None,
    )
    emit_json(view)
    return EXIT_OK


def resident_edit(ctx: Context, args: argparse.Namespace) -> int:
    rid = resident_id(ctx, args.resident)
    view = residents.edit_resident(
        ctx.desk,
        ctx.actor,
        rid,
        name=args.name,
        village_group=args.village_group,
        phone=args.phone,
        mediator_id=_mediator(ctx, args.mediator),
        active=args.active,
    )
    emit_json(view)
    return EXIT_OK


def _mediator(ctx: Context, key: str | None) -> str | None:
    """None: unchanged; an empty value ("") unlinks the roster record; else the mediator named."""
    if key is None or not key.strip():
        return key if key is None else ""
    return ctx.mediator_id(key)


def resident_move(ctx: Context, args: argparse.Namespace) -> int:
    rid = resident_id(ctx, args.resident)
    target = household_id(ctx, args.household)
    since = parse_date(args.since, "since", "迁入日期")
    emit_json(residents.move_resident(ctx.desk, ctx.actor, rid, target, reason=args.reason, since=since))
    return EXIT_OK


def resident_list(ctx: Context, args: argparse.Namespace) -> int:
    found = residents.list_residents(
        ctx.desk,
        ctx.actor,
        query=args.search,
        household_id=household_id(ctx, args.household) if args.household else None,
        limit=limit(args.limit),
    )
    if getattr(args, "json", False):
        emit_json(found)
        return EXIT_OK
    if not found:
        out("没有符合条件的居民。No matching residents.")
        return EXIT_OK
    print_residents(found)
    out(f"共 {len(found)} 人" + ("（可用 --limit 多列）" if len(found) == args.limit else ""))
    return EXIT_OK


def print_residents(found: list[ResidentView]) -> None:
    table(
        ["编号", "姓名", "小组", "户", "积分", "状态"],
        [
            (
                r.id[:SHORT_ID],
                r.name,
                r.village_group,
                r.household_label or "",
                r.balance,
                "在用" if r.active else "停用",
            )
            for r in found
        ],
    )


def resident_show(ctx: Context, args: argparse.Namespace) -> int:
    rid = resident_id(ctx, args.resident)
    view = residents.get_resident(ctx.desk, ctx.actor, rid)
    history = residents.household_history(ctx.desk, ctx.actor, rid)
    if getattr(args, "json", False):
        moves = [{"household": label, "since": since, "until": until} for label, since, until in history]
        emit_json({"resident": view, "households": moves})
        return EXIT_OK
    out(f"{view.name}（公示名 {view.label}）  {'在用' if view.active else '停用'}")
    out(f"编号：{view.id}")
    out(f"小组：{view.village_group}    户：{view.household_label or '（未入户）'}    积分余额：{view.balance}")
    if view.phone_masked:
        out(f"电话：{view.phone_masked}")
    if view.open_conflicts:
        out(f"待镇里处理的兑换冲突：{view.open_conflicts} 个")
    if history:
        out("户籍记录：")
        for label, since, until in history:
            out(f"  {since} 至 {until or '今'}  {label}")
    return EXIT_OK


# ---- the catalogue, declarations, the village review -------------------------------------------------


def catalogue_show(ctx: Context, args: argparse.Namespace) -> int:
    cat = catalogue.catalogue_view(ctx.desk, ctx.actor)
    if getattr(args, "json", False):
        emit_json(rules.catalogue_to_wire(cat))
        return EXIT_OK
    out(f"积分目录 第 {cat.version} 版")
    for module, module_label in rules.MODULES.items():
        items = [i for i in cat.items if i.module == module]
        if not items:
            continue
        out(f"【{module_label}】")
        table(
            ["代码", "项目", "绿币", "每日上限", "每月上限", "自动申报"],
            [
                (
                    i.code,
                    i.label,
                    f"{i.coins:+d}",
                    i.per_day or "",
                    i.per_month or "",
                    rules.SOURCES.get(i.auto, "") if i.auto else "",
                )
                for i in items
            ],
        )
    return EXIT_OK


def declare(ctx: Context, args: argparse.Namespace) -> int:
    rid = resident_id(ctx, args.resident)
    code = item_code(catalogue.catalogue_view(ctx.desk, ctx.actor), args.item)
    day = parse_date(args.date, "date", "活动日期") or china_today()
    view = declarations.declare(
        ctx.desk, ctx.actor, resident_id=rid, item_code=code, activity_date=day, note=args.note, evidence=args.evidence
    )
    emit_json(view)
    return EXIT_OK


def declaration_list(ctx: Context, args: argparse.Namespace) -> int:
    found = declarations.list_declarations(
        ctx.desk,
        ctx.actor,
        status=status_code(args.status),
        resident_id=resident_id(ctx, args.resident) if args.resident else None,
        limit=limit(args.limit),
    )
    if getattr(args, "json", False):
        emit_json(found)
        return EXIT_OK
    if not found:
        out("没有符合条件的申报。No matching declarations.")
        return EXIT_OK
    print_declarations(found)
    if any(d.waiting_for_sync for d in found):
        out("「待镇审核」的申报由镇里在区平台审核，结果随下次同步回到本机。")
    return EXIT_OK


def print_declarations(found: list[DeclarationView]) -> None:
    table(
        ["编号", "居民", "项目", "绿币", "活动日期", "状态", "理由"],
        [
            (
                d.id[:SHORT_ID],
                d.resident_name,
                d.item_label,
                f"{d.coins:+d}",
                d.activity_date.isoformat(),
                d.status_label + ("（待同步上报）" if d.waiting_for_sync else ""),
                d.town_reason or d.village_reason or "",
            )
            for d in found
        ],
    )


def review(ctx: Context, args: argparse.Namespace) -> int:
    did = declaration_id(ctx, args.declaration)
    view = declarations.review(ctx.desk, ctx.actor, did, approve=args.approve, reason=args.reason)
    emit_json(view)
    return EXIT_OK
