"""`site town-tasks|close-task|rates`: on a town's desk (镇街), the covert inspections and joint
enforcement tasks the district opened for its villages' red places, their closing, and the
conversion rate (转码率) per village — online, through the district.

Nothing of it is kept on the town's desk: each command asks the district. When the district cannot
be reached the command says so and changes nothing. Without a secure OS keyring the device token
comes from MEDIATION_DESK_DEVICE_TOKEN or the terminal, as for `sync`."""

from __future__ import annotations

import argparse
import functools
from collections.abc import Callable
from types import ModuleType
from typing import Any

from mediation_desk.cli.context import Context
from mediation_desk.cli.io import EXIT_OK, emit_json, json_flag, out, read_secret, report_error, table
from mediation_desk.cli.site_lookups import SHORT_ID, month, unique_id
from mediation_desk.cli.sync_commands import TOKEN_ENV
from mediation_desk.core.uow import china_today
from mediation_desk.errors import ValidationError
from mediation_desk.sitecode import rules

OFFLINE_HINT = "镇里的任务须联网办理：请检查网络后再试；本机的其他工作不受影响（the town works online）"
FULL_ID = 36  # characters of a whole UUID
Handler = Callable[[Context, argparse.Namespace], int]


def register(group: Any) -> None:
    p = group.add_parser("town-tasks", help="镇街设备：本镇各村红码场所的暗访、联合执法任务（须联网）")
    p.add_argument("--all", action="store_true", help="包括已办结的")
    json_flag(p)
    p.set_defaults(handler=town_tasks)

    p = group.add_parser("close-task", help="镇街设备：办结一项任务（须写明办理结果，须联网）")
    p.add_argument("task", metavar="ID", help="任务编号（或其前几位，见 site town-tasks）")
    p.add_argument("--outcome", required=True, help="办理结果，如 已现场检查，责令整改")
    json_flag(p)
    p.set_defaults(handler=close_task)

    p = group.add_parser("rates", help="镇街设备：某月各村和全镇的转码率（须联网）")
    p.add_argument("--month", metavar="YYYY-MM", help="月份（默认上月）")
    json_flag(p)
    p.set_defaults(handler=rates)


def _town(ctx: Context) -> ModuleType:
    """The town's calls (the HTTP client is loaded only by the commands that use it), with the
    device token at hand for this run."""
    from mediation_desk.sync import api, town_sites

    status = api.sync_status(ctx.desk)
    if status.enrolled and not status.refused and status.token is None:
        api.use_token_for_session(
            ctx.desk, read_secret(TOKEN_ENV, "设备令牌 / Device token: ", field="token", what="设备令牌")
        )
    return town_sites


def online(handler: Handler) -> Handler:
    """A command that talks to the district: when it cannot be reached, the refusal says what to
    do (exit code 2, nothing changed)."""

    @functools.wraps(handler)
    def run(ctx: Context, args: argparse.Namespace) -> int:
        from mediation_desk.sync import api

        try:
            return handler(ctx, args)
        except api.ServerUnreachable as offline:
            return report_error(offline, as_json=ctx.wants_json, hint=OFFLINE_HINT)

    return run


@online
def town_tasks(ctx: Context, args: argparse.Namespace) -> int:
    town = _town(ctx)
    found = town.town_tasks(ctx.desk, ctx.actor, open_only=not args.all)
    if getattr(args, "json", False):
        emit_json(found)
        return EXIT_OK
    if not found:
        out("没有待办的任务。No open tasks." if not args.all else "没有任务。No tasks.")
        return EXIT_OK
    table(
        ["编号", "村（社区）", "场所", "类别", "网格", "任务", "月份", "状态", "原因"],
        [
            (
                t.id[:SHORT_ID],
                t.committee_name or t.committee_code,
                t.place_name,
                t.category_label,
                t.grid or "",
                t.kind_label,
                t.month,
                t.status_label + (f"（{t.closed_on}）" if t.closed_on else ""),
                "；".join(t.reasons),
            )
            for t in found
        ],
        max_col=60,
    )
    return EXIT_OK


@online
def close_task(ctx: Context, args: argparse.Namespace) -> int:
    if not args.outcome.strip():
        raise ValidationError.single("outcome", "required", "办理结果（--outcome）不能为空")
    town = _town(ctx)
    key = args.task.strip().lower()
    if len(key) != FULL_ID:  # a whole id is passed on: the district answers for it
        key = unique_id(key, [t.id for t in town.town_tasks(ctx.desk, ctx.actor, open_only=False)], "任务", "task")
    emit_json(town.close_task(ctx.desk, ctx.actor, key, outcome=args.outcome))
    return EXIT_OK


@online
def rates(ctx: Context, args: argparse.Namespace) -> int:
    asked = month(args.month) or rules.add_months(rules.month_of(china_today()), -1)
    town = _town(ctx)
    view = town.town_rates(ctx.desk, ctx.actor, asked)
    if getattr(args, "json", False):
        emit_json(view)
        return EXIT_OK
    before = rules.month_text(view.compared_with)
    out(f"{rules.month_text(view.month)}转码率（{before}红黄码的场所，{rules.month_text(view.month)}转为绿码的比例）")
    if view.villages:
        table(
            ["村（社区）", f"{before}红黄码", "转为绿码", "转码率"],
            [
                (v.committee_name or v.committee_code, v.rate.eligible, v.rate.converted, v.rate.text)
                for v in view.villages
            ],
        )
    out(f"全镇：{view.town.text}")
    if not view.complete:
        out("注意：区里尚未完成该月的月末汇总，数字可能不全。")
    return EXIT_OK
