"""`points town declarations|review|conflicts|resolve`: the town's review of green-coin declarations
and its answer to redemption conflicts, on a town's desk (镇街), online through the district.

Nothing of it is kept on the town's desk: each command asks the district. When the district cannot
be reached the command says so and changes nothing; the town reviews once the line is back. Without
a secure OS keyring the device token comes from MEDIATION_DESK_DEVICE_TOKEN or the terminal, as for
`sync`."""

from __future__ import annotations

import argparse
import functools
from collections.abc import Callable
from types import ModuleType
from typing import Any

from mediation_desk.cli.context import Context
from mediation_desk.cli.io import EXIT_OK, emit_json, json_flag, out, read_secret, report_error, table
from mediation_desk.cli.points_lookups import MIN_PREFIX, SHORT_ID, STATUS_HELP, status_code
from mediation_desk.cli.sync_commands import TOKEN_ENV
from mediation_desk.errors import ValidationError
from mediation_desk.points import rules

OFFLINE_HINT = "镇里的审核须联网进行：请检查网络后再试；本机的其他工作不受影响（the town reviews online）"
FULL_ID = 36  # characters of a whole UUID
Handler = Callable[[Context, argparse.Namespace], int]
RESOLUTION_HELP = "、".join(f"{code}（{label}）" for code, label in rules.RESOLUTIONS.items())


def register(group: Any) -> None:
    town = group.add_parser(
        "town",
        help="镇街设备：镇级审核申报、处理兑换冲突（须联网）",
        description="只能在登记为镇（街道）的电脑上使用，通过区社会治理中心进行，须联网。",
    ).add_subparsers(dest="points_action", metavar="ACTION", required=True)

    p = town.add_parser("declarations", help="本镇各村待镇审核的申报（居民姓名已脱敏）")
    p.add_argument("--status", metavar="S", help=f"状态（默认待镇审核）：{STATUS_HELP}")
    p.add_argument("--limit", type=int, default=200, metavar="N")
    json_flag(p)
    p.set_defaults(handler=town_declarations)

    p = town.add_parser("review", help="镇级审核：--approve 通过（由区里记入积分），或 --reject --reason")
    p.add_argument("declaration", metavar="ID", help="申报编号（或其前几位，见 points town declarations）")
    verdict = p.add_mutually_exclusive_group(required=True)
    verdict.add_argument("--approve", action="store_true", help="通过")
    verdict.add_argument("--reject", action="store_true", help="不通过（须 --reason）")
    p.add_argument("--reason", help="理由（不通过时必填）")
    json_flag(p)
    p.set_defaults(handler=town_review)

    p = town.add_parser("conflicts", help="本镇各村的兑换冲突（两台电脑离线兑换了同一笔绿币）")
    p.add_argument("--all", action="store_true", help="包括已处理的")
    json_flag(p)
    p.set_defaults(handler=town_conflicts)

    p = town.add_parser("resolve", help="处理一个兑换冲突", description=f"处理方式：{RESOLUTION_HELP}")
    p.add_argument("conflict", metavar="ID", help="冲突编号（或其前几位）")
    p.add_argument("--resolution", required=True, choices=sorted(rules.RESOLUTIONS), help=RESOLUTION_HELP)
    p.add_argument("--reason", required=True, help="理由")
    json_flag(p)
    p.set_defaults(handler=town_resolve)


def _town(ctx: Context) -> ModuleType:
    """The town's calls (the HTTP client is loaded only by the commands that use it), with the
    device token at hand for this run."""
    from mediation_desk.sync import api, town_points

    status = api.sync_status(ctx.desk)
    if status.enrolled and not status.refused and status.token is None:
        api.use_token_for_session(
            ctx.desk, read_secret(TOKEN_ENV, "设备令牌 / Device token: ", field="token", what="设备令牌")
        )
    return town_points


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


def _unique(key: str, ids: list[str], what: str, field: str) -> str:
    key = key.strip().lower()
    if key in ids or len(key) == FULL_ID:  # a whole id is passed on: the district answers for it
        return key
    matches = [i for i in ids if len(key) >= MIN_PREFIX and i.startswith(key)]
    if len(matches) != 1:
        rule, why = (
            (f"{field}_ambiguous", f"对应多个{what}，请多写几位")
            if matches
            else (f"{field}_unknown", f"没有这个{what}")
        )
        raise ValidationError.single(field, rule, f"编号「{key}」{why}")
    return matches[0]


@online
def town_declarations(ctx: Context, args: argparse.Namespace) -> int:
    town = _town(ctx)
    status = status_code(args.status) or rules.VILLAGE_APPROVED
    found = town.town_declarations(ctx.desk, ctx.actor, status=status, limit=args.limit)
    if getattr(args, "json", False):
        emit_json(found)
        return EXIT_OK
    if not found:
        out(f"没有「{rules.STATUS_LABELS[status]}」的申报。No declarations in that state.")
        return EXIT_OK
    table(
        ["编号", "村（社区）", "居民", "项目", "绿币", "活动日期", "目录版本", "佐证"],
        [
            (
                d.id[:SHORT_ID],
                d.committee_name or d.committee_code,
                d.resident_label,
                d.item_label,
                f"{d.coins:+d}",
                d.activity_date.isoformat(),
                d.catalogue_version,
                "有" if d.evidence_sha256 else "",
            )
            for d in found
        ],
    )
    return EXIT_OK


@online
def town_review(ctx: Context, args: argparse.Namespace) -> int:
    town = _town(ctx)
    waiting = town.town_declarations(ctx.desk, ctx.actor, limit=10_000)
    declaration = _unique(args.declaration, [d.id for d in waiting], "待镇审核的申报", "declaration")
    view = town.town_review(ctx.desk, ctx.actor, declaration, approve=args.approve, reason=args.reason)
    emit_json(view)
    return EXIT_OK


@online
def town_conflicts(ctx: Context, args: argparse.Namespace) -> int:
    town = _town(ctx)
    found = town.town_conflicts(ctx.desk, ctx.actor, open_only=not args.all)
    if getattr(args, "json", False):
        emit_json(found)
        return EXIT_OK
    if not found:
        out("没有兑换冲突。No conflicts.")
        return EXIT_OK
    table(
        ["编号", "村（社区）", "居民", "差额", "状态", "处理", "理由"],
        [
            (
                c.id[:SHORT_ID],
                c.committee_name or c.committee_code,
                c.resident_label,
                c.shortfall,
                "待处理" if c.status == rules.OPEN else "已处理",
                rules.RESOLUTIONS.get(c.resolution or "", ""),
                c.reason or "",
            )
            for c in found
        ],
    )
    return EXIT_OK


@online
def town_resolve(ctx: Context, args: argparse.Namespace) -> int:
    town = _town(ctx)
    listed = town.town_conflicts(ctx.desk, ctx.actor, open_only=False)
    conflict = _unique(args.conflict, [c.id for c in listed], "兑换冲突", "conflict")
    view = town.resolve_conflict(ctx.desk, ctx.actor, conflict, resolution=args.resolution, reason=args.reason)
    emit_json(view)
    return EXIT_OK
