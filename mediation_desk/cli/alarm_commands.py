"""`alarm …`: 平安手环 at the command line — wearers (enrol, list), the alarms the district raised
(list, acknowledge, dispatch, resolve), the monthly answer-time figures, and device tasks.

ALARM and TASK are an id or its first characters, as the lists show them."""

from __future__ import annotations

import argparse
from typing import Any

from mediation_desk.alarms import figures, handling, rules, tasks, wearers
from mediation_desk.alarms.dto import AlarmView, ContactInput, FiguresView
from mediation_desk.cli.context import Context
from mediation_desk.cli.io import EXIT_OK, emit_json, json_flag, local_time, out, table
from mediation_desk.cli.site_lookups import SHORT_ID, month, unique_id
from mediation_desk.errors import ValidationError

KIND_HELP = "、".join(f"{k}（{v}）" for k, v in rules.CONTACT_KINDS.items())
MAX_LIMIT = 2000


def register(sub: Any) -> None:
    alarm = sub.add_parser(
        "alarm",
        help="平安手环：佩戴人登记、报警接警派单处置、月度接警时效、设备任务",
        description="平安手环报警。ALARM、TASK 可只写编号的前几位。",
    )
    group = alarm.add_subparsers(dest="sub_command", metavar="ACTION", required=True)

    p = group.add_parser(
        "wearer-add",
        help="登记手环佩戴人（同时登记本人或监护人对手环定位的单独同意）",
        description="80 周岁及以上（按身份证号码计算）可配发；未满 80 周岁须用 --exception 写明特殊情况。",
    )
    p.add_argument("--name", required=True, help="佩戴人姓名")
    p.add_argument("--id-number", help="身份证号码（已登记的人员按号码复用，加密保存）")
    p.add_argument("--phone", help="佩戴人电话（加密保存）")
    p.add_argument("--address", required=True, help="住址（加密保存）")
    p.add_argument("--alone", action="store_true", help="独居")
    p.add_argument("--device", metavar="DEVICE_ID", help="手环编号")
    p.add_argument(
        "--contact",
        action="append",
        default=[],
        metavar="类别,姓名,关系,电话",
        help=f"紧急联系人，按拨打顺序逐个给出（最多 {rules.MAX_CONTACTS} 位）；类别：{KIND_HELP}",
    )
    p.add_argument("--exception", metavar="REASON", help="未满 80 周岁配发的特殊情况（如独居、失能）")
    p.add_argument("--consent-by", metavar="NAME", help="代为同意的监护人姓名（本人同意时不填）")
    p.add_argument("--health-notes", metavar="TEXT", help="健康信息（须同时给出 --health-consent，加密保存）")
    p.add_argument("--health-consent", action="store_true", help="已取得健康信息的单独同意")
    json_flag(p)
    p.set_defaults(handler=wearer_add)

    p = group.add_parser("wearers", help="列出手环佩戴人（联系人电话只显示部分）")
    p.add_argument("--all", action="store_true", help="包括已停用的")
    json_flag(p)
    p.set_defaults(handler=wearer_list)

    p = group.add_parser("list", help="列出报警（默认未处置完的，未接警的在前）")
    p.add_argument("--month", metavar="YYYY-MM", help="列出这个月的全部报警（新的在前）")
    p.add_argument("--limit", type=int, default=200, metavar="N")
    json_flag(p)
    p.set_defaults(handler=alarm_list)

    p = group.add_parser("ack", help="接警（记录接警人和时间）")
    p.add_argument("alarm", metavar="ALARM")
    json_flag(p)
    p.set_defaults(handler=alarm_ack)

    p = group.add_parser("dispatch", help="派单（派给谁上门）")
    p.add_argument("alarm", metavar="ALARM")
    p.add_argument("--to", required=True, metavar="WHOM", help="派单对象，如 村医 陈德明")
    json_flag(p)
    p.set_defaults(handler=alarm_dispatch)

    p = group.add_parser("resolve", help="处置完毕（须写明处置结果）")
    p.add_argument("alarm", metavar="ALARM")
    p.add_argument("--outcome", required=True, metavar="TEXT", help=f"处置结果（1–{rules.MAX_OUTCOME_CHARS} 字）")
    json_flag(p)
    p.set_defaults(handler=alarm_resolve)

    p = group.add_parser("figures", help="月度接警时效：60 秒内、3 分钟内接警的比例，处置用时")
    p.add_argument("--month", metavar="YYYY-MM", help="只看这个月（默认最近几个月）")
    p.add_argument("--months", type=int, default=6, metavar="N", help="最近几个月（默认 6）")
    json_flag(p)
    p.set_defaults(handler=figures_command)

    p = group.add_parser("tasks", help="列出手环设备任务（离线、电量低、被摘下）")
    p.add_argument("--all", action="store_true", help="包括已处理的")
    json_flag(p)
    p.set_defaults(handler=task_list)

    p = group.add_parser("task-close", help="处理完一项设备任务（须写明处理情况）")
    p.add_argument("task", metavar="TASK")
    p.add_argument("--note", required=True, metavar="TEXT", help="处理情况")
    json_flag(p)
    p.set_defaults(handler=task_close)


# ---- wearers ---------------------------------------------------------------------------------------


def contact(text: str, n: int) -> ContactInput:
    parts = [part.strip() for part in text.replace("，", ",").split(",")]
    if len(parts) != 4:
        raise ValidationError.single(
            f"contacts[{n}]", "contact_format", f"第 {n + 1} 个 --contact 应写成“类别,姓名,关系,电话”，实际为「{text}」"
        )
    kind = next((k for k, label in rules.CONTACT_KINDS.items() if parts[0] in (k, label)), parts[0])
    return ContactInput(kind, parts[1], parts[2] or None, parts[3] or None)


def wearer_add(ctx: Context, args: argparse.Namespace) -> int:
    view = wearers.enrol_wearer(
        ctx.desk,
        ctx.actor,
        name=args.name,
        id_number=args.id_number,
        phone=args.phone,
        address=args.address,
        living_alone=args.alone,
        device_id=args.device,
        contacts=[contact(text, n) for n, text in enumerate(args.contact)],
        exception_reason=args.exception,
        consent_by=args.consent_by,
        health_notes=args.health_notes,
        health_consent=args.health_consent,
    )
    emit_json(view)
    return EXIT_OK


def wearer_list(ctx: Context, args: argparse.Namespace) -> int:
    found = wearers.list_wearers(ctx.desk, ctx.actor, include_inactive=args.all)
    if args.json:
        emit_json(found)
        return EXIT_OK
    if not found:
        out("还没有登记手环佩戴人（alarm wearer-add）。")
        return EXIT_OK
    table(
        ["编号", "姓名", "年龄", "独居", "手环", "紧急联系人", "定位同意", "备注"],
        [
            (
                w.id[:SHORT_ID],
                w.name,
                w.age if w.age is not None else "",
                "是" if w.living_alone else "",
                w.device_id or "",
                "；".join(f"{c.name}（{c.relation or c.kind_label}）{c.phone_masked or ''}" for c in w.contacts),
                "是" if w.location_consent else "已撤回",
                "；".join(x for x in (w.exception_reason or "", "" if w.active else "已停用") if x),
            )
            for w in found
        ],
    )
    out(f"共 {len(found)} 位佩戴人")
    return EXIT_OK


# ---- alarms ----------------------------------------------------------------------------------------


def alarm_id(ctx: Context, key: str) -> str:
    ids = [a.id for a in handling.list_alarms(ctx.desk, ctx.actor, limit=MAX_LIMIT)]
    return unique_id(key, ids, "报警", "alarm")


def alarm_list(ctx: Context, args: argparse.Namespace) -> int:
    if not 1 <= args.limit <= MAX_LIMIT:
        raise ValidationError.single("limit", "limit_range", f"--limit 须是 1 到 {MAX_LIMIT} 的整数")
    wanted = month(args.month)
    if wanted is None:
        found = handling.open_alarms(ctx.desk, ctx.actor)[: args.limit]
    else:
        found = handling.list_alarms(ctx.desk, ctx.actor, month=wanted, limit=args.limit)
    if args.json:
        emit_json(found)
        return EXIT_OK
    if not found:
        out("没有未处置的报警。" if wanted is None else f"{wanted} 没有报警。")
        return EXIT_OK
    print_alarms(found)
    out(f"共 {len(found)} 条报警")
    return EXIT_OK


def print_alarms(found: list[AlarmView]) -> None:
    table(
        ["编号", "报警时间", "佩戴人", "类型", "状态", "接警", "派单", "备注"],
        [
            (
                a.id[:SHORT_ID],
                local_time(a.raised_at),
                a.wearer_name,
                a.kinds_label,
                a.status_label,
                a.acknowledged_by or "",
                a.dispatched_to or "",
                "；".join(
                    x
                    for x in (
                        "迟到" if a.late else "",
                        "已上报到镇" if a.escalated_at else "",
                        "待同步" if a.pending_push else "",
                        "无定位" if not a.has_fix else "",
                    )
                    if x
                ),
            )
            for a in found
        ],
    )


def alarm_ack(ctx: Context, args: argparse.Namespace) -> int:
    emit_json(handling.acknowledge(ctx.desk, ctx.actor, alarm_id(ctx, args.alarm)))
    return EXIT_OK


def alarm_dispatch(ctx: Context, args: argparse.Namespace) -> int:
    emit_json(handling.dispatch(ctx.desk, ctx.actor, alarm_id(ctx, args.alarm), args.to))
    return EXIT_OK


def alarm_resolve(ctx: Context, args: argparse.Namespace) -> int:
    emit_json(handling.resolve(ctx.desk, ctx.actor, alarm_id(ctx, args.alarm), args.outcome))
    return EXIT_OK


# ---- figures and tasks -----------------------------------------------------------------------------


def figures_command(ctx: Context, args: argparse.Namespace) -> int:
    wanted = month(args.month)
    if wanted is not None:
        found = [figures.month_figures(ctx.desk, ctx.actor, wanted)]
    else:
        found = figures.recent_figures(ctx.desk, ctx.actor, args.months)
    if args.json:
        emit_json(found)
        return EXIT_OK
    table(
        ["月份", "报警", "已接警", "60 秒内", "3 分钟内", "接警中位", "处置中位", "已处置"], [_line(f) for f in found]
    )
    return EXIT_OK


def _line(f: FiguresView) -> tuple[object, ...]:
    def share(value: float | None, count: int) -> str:
        return "" if value is None else f"{value:.1%}（{count}）"

    def seconds(value: float | None) -> str:
        return "" if value is None else f"{value:.0f} 秒"

    return (
        f.month,
        f.alarms,
        f.acknowledged,
        share(f.share_60, f.within_60),
        share(f.share_180, f.within_180),
        seconds(f.median_answer_s),
        seconds(f.median_resolve_s),
        f.resolved,
    )


def task_list(ctx: Context, args: argparse.Namespace) -> int:
    found = tasks.list_tasks(ctx.desk, ctx.actor, open_only=not args.all)
    if args.json:
        emit_json(found)
        return EXIT_OK
    if not found:
        out("没有待处理的设备任务。")
        return EXIT_OK
    table(
        ["编号", "佩戴人", "手环", "任务", "状态", "开始", "原因", "处理情况"],
        [
            (t.id[:SHORT_ID], t.wearer_name, t.device_id, t.kind_label, t.status_label, local_time(t.opened_at),
             t.reason or "", t.note or "")
            for t in found
        ],
    )  # fmt: skip
    return EXIT_OK


def task_close(ctx: Context, args: argparse.Namespace) -> int:
    ids = [t.id for t in tasks.list_tasks(ctx.desk, ctx.actor, open_only=False)]
    emit_json(tasks.close_task(ctx.desk, ctx.actor, unique_id(args.task, ids, "设备任务", "task"), args.note))
    return EXIT_OK
