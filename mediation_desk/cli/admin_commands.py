"""The desk itself: the summary shown without a command, first-run setup, operators, mediators."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from mediation_desk.administration import accounts, credentials
from mediation_desk.cli.context import NEW_PASSWORD_ENV, NONE, PASSWORD_ENV, Context
from mediation_desk.cli.io import (
    EXIT_OK,
    emit_json,
    err,
    json_flag,
    json_input,
    out,
    read_json_input,
    read_password,
    table,
)
from mediation_desk.errors import DeskError, FieldProblem, ValidationError
from mediation_desk.mediation import followup, mediators, queries, states
from mediation_desk.mediation.dispute_types import LABELS as TYPE_LABELS
from mediation_desk.privacy import keys

ADMIN_PASSWORD_ENV = "MEDIATION_DESK_ADMIN_PASSWORD"
__all__ = ["ADMIN_PASSWORD_ENV", "NEW_PASSWORD_ENV", "PASSWORD_ENV", "register"]

POINTER = "运行 `mediation-desk --help` 查看全部命令。\nRun `mediation-desk --help` for all commands."
NOT_SET_UP = (
    "本机尚未设置调解委员会：\n"
    "  mediation-desk setup …   设置调解委员会和第一位主任\n"
    "  mediation-desk demo      生成演示数据，先看看效果\n"
    "This desk is not set up yet:\n"
    "  run `mediation-desk setup` to set up the committee and its first admin,\n"
    "  or `mediation-desk demo` to try the desk with sample data.\n" + POINTER
)


def register(sub: Any) -> None:
    p = sub.add_parser(
        "setup",
        help="首次使用：设置调解委员会和第一位主任",
        description=f"设置调解委员会。主任密码取自环境变量 {ADMIN_PASSWORD_ENV}，否则在终端输入。",
    )
    p.add_argument("--name", required=True, help="调解委员会名称，如 谢家塘村人民调解委员会")
    p.add_argument("--code", required=True, help="委员会代码（字母、数字、连字符）")
    p.add_argument("--town", required=True, help="所属镇（街道）")
    p.add_argument("--village", help="村（社区）")
    p.add_argument("--case-word", help="案号字号，如 谢人调字（默认：镇名首字加“人调字”）")
    p.add_argument("--seat", type=int, default=1, help="本机席位号 1–99（同一委员会的每台电脑各不相同）")
    p.add_argument("--admin", required=True, metavar="USERNAME", help="主任的登录名")
    p.add_argument("--admin-name", required=True, metavar="NAME", help="主任姓名")
    p.add_argument(
        "--no-keyring",
        action="store_true",
        help=f"不把数据密钥存入系统钥匙串：以后每次运行都须输入密码（或设置 {PASSWORD_ENV}）",
    )
    json_flag(p)
    p.set_defaults(handler=setup, unlock=NONE)

    op = sub.add_parser("operator", help="操作员账号").add_subparsers(
        dest="sub_command", metavar="ACTION", required=True
    )
    p = op.add_parser("add", help=f"添加操作员（新密码取自环境变量 {NEW_PASSWORD_ENV}，否则在终端输入）")
    p.add_argument("--username", required=True)
    p.add_argument("--name", required=True, help="姓名")
    p.add_argument(
        "--role", required=True, choices=sorted(accounts.ROLES), help="admin 主任 / mediator 调解员 / clerk 记录员"
    )
    p.add_argument("--mediator", metavar="MEDIATOR", help="对应的调解员（编号或姓名），角色为 mediator 时填写")
    json_flag(p)
    p.set_defaults(handler=operator_add)
    p = op.add_parser("list", help="列出操作员")
    json_flag(p)
    p.set_defaults(handler=operator_list, unlock=NONE)
    p = op.add_parser(
        "reset-password",
        help=f"主任重置操作员的密码并解除锁定（新密码取自环境变量 {NEW_PASSWORD_ENV}，否则在终端输入）",
    )
    p.add_argument("username", metavar="USERNAME")
    json_flag(p)
    p.set_defaults(handler=operator_reset_password)

    med = sub.add_parser("mediator", help="调解员名册（老娘舅）").add_subparsers(
        dest="sub_command", metavar="ACTION", required=True
    )
    p = med.add_parser("add", help="添加调解员")
    json_input(p, required=False, what="调解员信息")
    p.add_argument("--name", help="姓名")
    p.add_argument("--gender", help="性别：男/女")
    p.add_argument("--phone", help="联系电话")
    p.add_argument("--area", help="负责片区，如 谢家塘村")
    p.add_argument("--skills", help="擅长的纠纷类型，逗号分隔，如 邻里,婚姻家庭")
    p.add_argument("--max-open", type=int, metavar="N", help="在办案件上限")
    p.add_argument("--title", help="称谓，如 老娘舅")
    p.add_argument("--notes", help="备注")
    p.add_argument("--unavailable", action="store_true", help="暂不可派单")
    p.set_defaults(handler=mediator_add)
    p = med.add_parser("list", help="列出调解员")
    p.add_argument("--all", action="store_true", help="包括已退出名册的")
    json_flag(p)
    p.set_defaults(handler=mediator_list)
    p = med.add_parser("update", help="修改调解员信息（只改 JSON 中给出的字段）")
    p.add_argument("mediator", metavar="MEDIATOR", help="调解员编号或姓名")
    json_input(p, what="要修改的字段")
    p.set_defaults(handler=mediator_update)
    p = med.add_parser("relate", help="登记调解员与某人的关系（此后该调解员须回避此人的案件）")
    p.add_argument("mediator", metavar="MEDIATOR", help="调解员编号或姓名")
    p.add_argument("person_id", metavar="PERSON_ID", help="当事人编号（见 case show --json）")
    p.add_argument("relation", metavar="RELATION", help="关系，如 表兄弟")
    json_flag(p)
    p.set_defaults(handler=mediator_relate)


# --- no command ------------------------------------------------------------------------------


def no_command(ctx: Context, args: argparse.Namespace) -> int:
    """The summary shown when the window cannot open (`no_window_reason` says why) or with --json."""
    reason = getattr(args, "no_window_reason", None)
    if reason:
        err(f"未打开工作台窗口 / The window did not open: {reason}")
    if not ctx.database_exists() or not ctx.desk.is_set_up():
        err(NOT_SET_UP)
        return EXIT_OK
    committee = accounts.get_committee(ctx.desk)
    counts = queries.count_by_status(ctx.desk)
    due = followup.due_follow_ups(ctx.desk, ctx.actor, until=dt.date.today())
    if getattr(args, "json", False):
        emit_json({"committee": committee, "cases_by_status": counts, "follow_ups_due": len(due)})
        return EXIT_OK
    place = "".join(x for x in (committee.town, committee.village) if x)
    out(f"{committee.name}（{committee.code}，{place}，席位 {committee.seat}）")
    total = sum(counts.values())
    out(f"案件共 {total} 件" + ("：" if total else ""))
    for code in states.STATES:
        if counts.get(code):
            out(f"  {states.LABELS[code]}  {counts[code]}")
    out(f"今天及以前到期未做的回访：{len(due)} 次")
    out(POINTER)
    return EXIT_OK


# --- setup and operators ---------------------------------------------------------------------


def setup(ctx: Context, args: argparse.Namespace) -> int:
    desk = ctx.desk
    if desk.is_set_up():
        raise DeskError("本机已设置调解委员会，不能重复设置")
    password = read_password(ADMIN_PASSWORD_ENV, "主任密码（至少 8 位）/ Admin password: ")
    admin_data = {"username": args.admin, "display_name": args.admin_name, "password": password}
    data = {
        "name": args.name,
        "code": args.code,
        "town": args.town,
        "village": args.village,
        "case_word": args.case_word,
        "seat": args.seat,
    }
    try:
        committee, admin = accounts.setup_desk(desk, data, admin_data, remember_key=not args.no_keyring)
    except ValidationError as e:
        raise _admin_fields(e) from None
    remembered = _key_in_keyring(ctx)
    emit_json(
        {"committee": committee, "admin": admin, "recovery_key": committee.recovery_key, "key_in_keyring": remembered}
    )
    if committee.recovery_key:
        err(recovery_notice(committee.recovery_key))
    if not remembered:
        err(_no_keyring_notice(args.no_keyring))
    return EXIT_OK


def recovery_notice(recovery_key: str) -> str:
    bar = "=" * 72
    return "\n".join(
        [
            bar,
            f"  恢复密钥 / RECOVERY KEY:   {recovery_key}",
            "",
            "  请立即把这个恢复密钥打印或抄写下来，锁在安全的地方（如调解室的档案柜）。",
            "  它只显示这一次。如果所有操作员的密码都遗失了，只有凭它才能找回加密的个人信息",
            "  （mediation-desk recover --username 用户名）。不要存在这台电脑上，也不要发给别人。",
            "  Print this recovery key now and keep it somewhere safe. It is shown only once, and it",
            "  is the only way back to the encrypted personal data if every password is lost.",
            bar,
        ]
    )


def _key_in_keyring(ctx: Context) -> bool:
    with ctx.desk.read() as s:
        return keys.vault_from_keyring(ctx.desk.device_id, s) is not None


def _no_keyring_notice(by_choice: bool) -> str:
    usable, backend = keys.keyring_backend()
    if by_choice:
        why = "按 --no-keyring 的要求，数据密钥没有存入系统钥匙串。"
    elif not usable:
        why = f"本机没有可用的安全钥匙串（{backend}），数据密钥没有保存在本机。"
    else:
        why = f"系统钥匙串（{backend}）拒绝保存数据密钥。"
    return (
        f"注意：{why}以后每次运行须在终端输入密码，或设置环境变量 {PASSWORD_ENV}。"
        "密钥和密码从不写入文件。\n"
        "Note: the data key is not kept in an OS keyring; each run needs the password (typed, or "
        f"in {PASSWORD_ENV}). Neither the key nor a password is ever written to a file."
    )


def _admin_fields(error: ValidationError) -> ValidationError:
    """Problems named after the options the user typed (--admin, --admin-name)."""
    names = {"admin.username": "admin", "admin.display_name": "admin_name", "admin.password": "password"}
    return ValidationError([FieldProblem(names.get(p.field, p.field), p.rule, p.message) for p in error.problems])


def operator_add(ctx: Context, args: argparse.Namespace) -> int:
    actor = ctx.actor
    password = read_password(NEW_PASSWORD_ENV, f"{args.name} 的密码（至少 8 位）/ Password: ")
    data = {"username": args.username, "display_name": args.name, "role": args.role, "password": password}
    if args.mediator:
        data["mediator_id"] = ctx.mediator_id(args.mediator)
    emit_json(accounts.add_operator(ctx.desk, actor, data))
    return EXIT_OK


def operator_reset_password(ctx: Context, args: argparse.Namespace) -> int:
    actor = ctx.actor
    password = read_password(
        NEW_PASSWORD_ENV, f"{args.username} 的新密码（至少 8 位）/ New password: ", field="new_password"
    )
    credentials.reset_password(ctx.desk, actor, args.username, password)
    emit_json({"username": args.username, "password_reset": True, "lockout_cleared": True})
    return EXIT_OK


def operator_list(ctx: Context, args: argparse.Namespace) -> int:
    ops = accounts.list_operators(ctx.desk)
    if getattr(args, "json", False):
        emit_json(ops)
        return EXIT_OK
    table(
        ["用户名", "姓名", "角色", "状态"],
        [(o.username, o.display_name, accounts.ROLES.get(o.role, o.role), "在用" if o.active else "停用") for o in ops],
    )
    return EXIT_OK


# --- mediators -------------------------------------------------------------------------------


def mediator_add(ctx: Context, args: argparse.Namespace) -> int:
    if args.json_input:
        data = read_json_input(args.json_input)
    else:
        if not args.name:
            raise ValidationError.single("name", "required", "调解员姓名不能为空（--name）")
        data = {
            "name": args.name,
            "gender": args.gender,
            "phone": args.phone,
            "area": args.area,
            "skills": args.skills or [],
            "max_open_cases": args.max_open,
            "title": args.title,
            "notes": args.notes,
            "available": not args.unavailable,
        }
    emit_json(mediators.add_mediator(ctx.desk, ctx.actor, data))
    return EXIT_OK


def mediator_list(ctx: Context, args: argparse.Namespace) -> int:
    roster = mediators.list_mediators(ctx.desk, include_inactive=args.all)
    if getattr(args, "json", False):
        emit_json(roster)
        return EXIT_OK
    table(
        ["编号", "姓名", "称谓", "片区", "擅长", "在办/上限", "状态"],
        [
            (
                m.id,
                m.name,
                m.title or "",
                m.area or "",
                "、".join(TYPE_LABELS.get(s, s) for s in m.skills),
                f"{m.open_cases}/{m.max_open_cases or '不限'}",
                "已退出" if not m.active else "暂不可用" if not m.available else "已满额" if m.full else "可派单",
            )
            for m in roster
        ],
    )
    return EXIT_OK


def mediator_update(ctx: Context, args: argparse.Namespace) -> int:
    data = read_json_input(args.json_input)
    emit_json(mediators.update_mediator(ctx.desk, ctx.actor, ctx.mediator_id(args.mediator), data))
    return EXIT_OK


def mediator_relate(ctx: Context, args: argparse.Namespace) -> int:
    mediator_id = ctx.mediator_id(args.mediator)
    mediators.add_relation(ctx.desk, ctx.actor, mediator_id, args.person_id, args.relation)
    emit_json({"mediator_id": mediator_id, "person_id": args.person_id, "relation": args.relation})
    return EXIT_OK
