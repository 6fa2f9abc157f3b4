"""`mediation-desk demo`: a demo committee, its staff and months of cases on an empty desk.

Asked again on a desk that holds the demo it says so and succeeds, so the README's first line
(`mediation-desk demo && mediation-desk`) opens the window every time it is run; a desk with real
data is refused, as before. It prints how to log in: the accounts, their roles and the password."""

from __future__ import annotations

import argparse
from typing import Any

from mediation_desk.cli.context import NONE, Context
from mediation_desk.cli.io import EXIT_OK, emit_json, json_flag, optional_module, out
from mediation_desk.errors import DeskError

NEXT_STEP = "运行 mediation-desk 打开工作台窗口，用上面任一账号登录。Run `mediation-desk` to open the window."


def register(sub: Any) -> None:
    p = sub.add_parser("demo", help="生成演示数据（仅限空白的工作台；已是演示工作台时不再重复生成）")
    p.add_argument("--cases", type=int, default=60, metavar="N", help="案件数量")
    p.add_argument("--seed", type=int, default=2026, metavar="N", help="随机种子（同一种子生成同样的数据）")
    json_flag(p)
    # Not unlocked up front: a desk that already holds the demo needs no password to say so.
    p.set_defaults(handler=demo, unlock=NONE)


def demo(ctx: Context, args: argparse.Namespace) -> int:
    module = optional_module("mediation_desk.administration.demo", "演示数据")
    desk = ctx.desk
    state = module.demo_state(desk)
    if state.holds_demo:
        return _already(args, module, state)
    if state.interrupted:
        raise DeskError(
            f"上次生成演示数据中途停止了：请删除数据目录 {ctx.paths.data} 后重试，或用 --data-dir 指定一个新目录"
            "（an earlier demo stopped half-way: remove the data folder, or use a new --data-dir）"
        )
    if state.has_data:
        raise DeskError(
            "本机已有业务数据，演示数据只能生成在空白的工作台上；请用 --data-dir 指定一个新目录"
            "（The desk already holds real data; use a new --data-dir）"
        )
    if desk.is_set_up():
        ctx.unlock()  # a committee set up by hand: its data key wraps the demo's accounts too
    summary = module.seed_demo(desk, cases=args.cases, seed=args.seed)
    if args.json:
        emit_json(summary)
        return EXIT_OK
    committee = summary["committee"]
    out(f"演示数据已生成：{committee['name']}（{committee['town']}{committee.get('village') or ''}）")
    out(f"案件 {summary.get('cases', 0)} 件，调解员 {summary.get('mediators', 0)} 名。")
    _accounts(summary["operators"], summary["demo_password"])
    if summary.get("recovery_key"):
        out(f"恢复密钥（忘记所有密码时用，只显示这一次，请抄下保存）：{summary['recovery_key']}")
    out(NEXT_STEP)
    return EXIT_OK


def _already(args: argparse.Namespace, module: Any, state: Any) -> int:
    accounts = [
        {"username": a.username, "display_name": a.display_name, "role": a.role, "role_label": a.role_label}
        for a in state.accounts
    ]
    if args.json:
        emit_json(
            {
                "already": True,
                "changed_since": state.changed_since,
                "operators": accounts,
                "demo_password": module.DEMO_PASSWORD,
            }
        )
        return EXIT_OK
    out("本机已装有演示数据，不再重复生成。The demo is already on this desk.")
    if state.changed_since:
        out("演示之后录入或改动的记录都保留着。")
    _accounts(accounts, module.DEMO_PASSWORD)
    out(NEXT_STEP)
    return EXIT_OK


def _accounts(accounts: list[dict[str, str]], password: str) -> None:
    out(f"登录账号（密码都是 {password}）：")
    for a in accounts:
        out(f"  {a['username']:<14}{a['display_name']}（{a['role_label']}）")
