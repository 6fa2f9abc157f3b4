"""District sync from the command line: `enroll`, `sync` (one round), `sync --conflicts`,
`sync --resolve ISSUE --choice …`, `sync --status`.

Without a secure OS keyring the device token is not kept on this PC: `enroll` shows it once,
and each later run reads it from MEDIATION_DESK_DEVICE_TOKEN or asks for it at the terminal."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from mediation_desk.cli.context import AUTO, NONE, Context
from mediation_desk.cli.io import (
    EXIT_OK,
    EXIT_REJECTED,
    emit_json,
    err,
    json_flag,
    local_time,
    out,
    read_secret,
    stdin_is_terminal,
    table,
)
from mediation_desk.errors import ValidationError
from mediation_desk.sync.issues import CHOICES

TOKEN_ENV = "MEDIATION_DESK_DEVICE_TOKEN"


def register(sub: Any) -> None:
    p = sub.add_parser(
        "enroll",
        help="用区里发放的登记码登记本机，以便与区社会治理中心同步",
        description="用一次性登记码换取设备令牌（保存在系统钥匙串中，不写入文件）",
    )
    p.add_argument("--server", required=True, metavar="URL", help="区服务器地址，如 https://sync.example.gov.cn")
    p.add_argument("--code", required=True, metavar="CODE", help="一次性登记码")
    p.add_argument("--ca-bundle", metavar="FILE", help="区里提供的 CA 证书文件（PEM），服务器使用自签名证书时需要")
    json_flag(p)
    p.set_defaults(handler=enroll, unlock=NONE)

    p = sub.add_parser(
        "sync",
        help="与区社会治理中心同步一次；--conflicts 列出同步问题",
        description=f"推送本机的变更、拉取区里的变更。系统钥匙串不可用时，设备令牌取自环境变量 "
        f"{TOKEN_ENV}，否则在终端输入。",
    )
    what = p.add_mutually_exclusive_group()
    what.add_argument("--conflicts", action="store_true", help="列出待处理的同步问题（被拒绝、有冲突的变更）")
    what.add_argument("--resolve", metavar="ISSUE", help="处理一个同步问题（编号或其前 8 位）")
    what.add_argument("--status", action="store_true", help="显示同步状态（是否登记、待推送条数、上次成功时间）")
    p.add_argument("--all", action="store_true", help="与 --conflicts 一起：包括已处理的")
    p.add_argument(
        "--choice",
        choices=sorted(CHOICES),
        help="处理方式：keep_server 以区里为准，reapply 重新提交本机的变更，dismiss 知悉并关闭（须 --note）",
    )
    p.add_argument("--note", metavar="TEXT", help="处理说明（dismiss 时必填）")
    json_flag(p)
    p.set_defaults(handler=sync_command, unlock=AUTO)


def _api() -> Any:
    from mediation_desk.sync import api  # the HTTP client is loaded only by the commands that use it

    return api


def enroll(ctx: Context, args: argparse.Namespace) -> int:
    sync = _api()
    view = sync.enroll(ctx.desk, ctx.actor, args.server, args.code, ca_bundle=args.ca_bundle)
    if getattr(args, "json", False):
        emit_json(view)
    else:
        out(view.message)
        out(f"服务器：{view.server_url}")
        committee = "调解委员会 " + (view.committee_name or view.committee_code or "")
        out(f"范围：{committee if view.scope == 'committee' else view.town}")
    if view.session_token and not getattr(args, "json", False):
        err("=" * 60)
        err(f"设备令牌（只显示这一次，请抄下妥善保管）：{view.session_token}")
        err(f"以后同步时在终端输入，或设置环境变量 {TOKEN_ENV}")
        err("=" * 60)
    return EXIT_OK


def sync_command(ctx: Context, args: argparse.Namespace) -> int:
    sync = _api()
    if args.conflicts:
        return _list_issues(ctx, args)
    if args.resolve:
        return _resolve(ctx, args)
    if args.status:
        status = sync.sync_status(ctx.desk)
        if getattr(args, "json", False):
            emit_json(status)
        else:
            _print_status(status)
        return EXIT_OK
    return _round(ctx, args)


def _round(ctx: Context, args: argparse.Namespace) -> int:
    sync = _api()
    desk = ctx.desk
    status = sync.sync_status(desk)
    if status.enrolled and not status.refused and status.token is None:
        sync.use_token_for_session(
            desk, read_secret(TOKEN_ENV, "设备令牌 / Device token: ", field="token", what="设备令牌")
        )
    report = sync.sync_once(desk, progress=_progress if stdin_is_terminal() else None)
    if getattr(args, "json", False):
        emit_json(report)
    else:
        _print_report(report)
    if not report.online or report.error or report.rejected or report.conflicts:
        return EXIT_REJECTED
    return EXIT_OK


def _progress(done: int, total: int | None, stage: str) -> None:
    label = "推送" if stage == "push" else "拉取"
    sys.stderr.write(f"\r{label} {done}" + (f"/{total}" if total else "") + " …")
    sys.stderr.flush()


def _print_report(r: Any) -> None:
    if sys.stderr.isatty():
        sys.stderr.write("\n")
    out(("已联网" if r.online else "未联网") + f"，用时 {r.duration_s:.1f} 秒")
    out(
        f"推送 {r.pushed} 条：成功 {r.applied}，重复 {r.duplicates}，被拒绝 {r.rejected}，冲突 {r.conflicts}"
        + (f"；{r.held} 份上报卷宗待登录解锁后上报" if r.held else "")
    )
    out(f"拉取 {r.pulled} 条变更（本机案件更新 {r.own_updated} 条）")
    out(
        f"待推送 {r.pending} 条，待处理的同步问题 {r.open_issues} 个"
        + ("（运行 `mediation-desk sync --conflicts` 查看）" if r.open_issues else "")
    )
    out(f"上次成功同步：{local_time(r.last_success) or '从未'}")
    if r.error:
        err(f"提示：{r.error}")


def _print_status(s: Any) -> None:
    if not s.enrolled:
        out("本机尚未登记到区社会治理中心（mediation-desk enroll --server 地址 --code 登记码）")
    else:
        where = "镇街 " + (s.town or "") if s.scope == "town" else "调解委员会 " + (s.committee_code or "")
        out(f"服务器：{s.server_url}（{where}）")
    if s.refused:
        out("同步授权已被区里撤销或不被认可：请索取新的登记码重新登记")
    where = {"keyring": "系统钥匙串", "memory": "本次运行的内存"}.get(s.token or "", "无（同步时需要输入）")
    out(f"设备令牌：{where}；系统钥匙串：{s.keyring_backend}{'' if s.keyring_secure else '（不安全，不使用）'}")
    out(f"待推送 {s.pending_ops} 条，待处理的同步问题 {s.open_issues} 个")
    out(
        f"上次成功同步：{local_time(s.last_success) or '从未'}"
        + (f"；上次出错：{s.last_error}" if s.last_error else "")
    )


def _list_issues(ctx: Context, args: argparse.Namespace) -> int:
    sync = _api()
    issues = sync.list_issues(ctx.desk, ctx.actor, include_resolved=args.all)
    if getattr(args, "json", False):
        emit_json({"issues": issues})
        return EXIT_OK
    if not issues:
        out("没有待处理的同步问题。")
        return EXIT_OK
    table(
        ["编号", "问题", "内容", "区里的说法", "可选处理"],
        [
            (i.id[:8], i.status_label, i.what, i.reason or "", " / ".join(i.choices) or i.resolution or "")
            for i in issues
        ],
        max_col=48,
    )
    return EXIT_OK


def _resolve(ctx: Context, args: argparse.Namespace) -> int:
    sync = _api()
    if not args.choice:
        raise ValidationError.single(
            "choice", "required", "请用 --choice 指定处理方式：keep_server、reapply 或 dismiss"
        )
    issue_id = _issue_id(ctx, args.resolve)
    view = sync.resolve_issue(ctx.desk, ctx.actor, issue_id, args.choice, args.note)
    if getattr(args, "json", False):
        emit_json(view)
    else:
        out(f"已处理：{view.what}（{CHOICES[view.resolution or '']}）")
    return EXIT_OK


def _issue_id(ctx: Context, key: str) -> str:
    sync = _api()
    key = key.strip().lower()
    matches = [i.id for i in sync.list_issues(ctx.desk, ctx.actor, include_resolved=True) if i.id.startswith(key)]
    if len(matches) != 1:
        rule, what = (
            ("issue_ambiguous", "对应多个同步问题，请多输入几位") if matches else ("issue_unknown", "没有这个同步问题")
        )
        raise ValidationError.single("issue", rule, f"编号「{key}」{what}")
    return matches[0]
