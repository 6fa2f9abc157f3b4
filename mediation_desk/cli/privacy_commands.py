"""Personal-data protection at the command line: passwords and recovery, the lock status,
opening attachments (audited), retention periods and the purge, and separate consents."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from mediation_desk.administration import accounts, credentials
from mediation_desk.cli.admin_commands import recovery_notice
from mediation_desk.cli.context import (
    NEW_PASSWORD_ENV,
    NONE,
    PASSWORD_ENV,
    QUIET,
    RECOVERY_KEY_ENV,
    Context,
)
from mediation_desk.cli.io import (
    EXIT_OK,
    EXIT_REJECTED,
    confirm,
    dumps,
    emit_json,
    err,
    json_flag,
    out,
    read_password,
    read_secret,
    table,
    write_private_file,
)
from mediation_desk.core.registry import REGISTRY
from mediation_desk.errors import ValidationError
from mediation_desk.lifecycle import consent, protect, retention
from mediation_desk.mediation import attachments, retention_rule
from mediation_desk.privacy import keys


def _code(labels: dict[str, str], text: str) -> str:
    """A code given as itself or as its Chinese label (永久 → permanent, 短信通知 → sms_notice)."""
    text = text.strip()
    return next((code for code, label in labels.items() if label == text), text)


def register(case: Any, sub: Any) -> None:
    p = (
        sub.add_parser("password", help="修改自己的登录密码")
        .add_subparsers(dest="sub_command", metavar="ACTION", required=True)
        .add_parser(
            "change",
            help=f"修改密码（原密码取自 {PASSWORD_ENV}、新密码取自 {NEW_PASSWORD_ENV}，否则在终端输入）",
            description="修改 `--as` 指定的操作员（默认第一位主任）的密码；数据密钥随之用新密码重新加密。",
        )
    )
    json_flag(p)
    p.set_defaults(handler=password_change, unlock=NONE)

    p = sub.add_parser(
        "recover",
        help="所有密码都遗失时：凭设置时打印的恢复密钥为操作员设置新密码",
        description=f"恢复密钥取自环境变量 {RECOVERY_KEY_ENV}，新密码取自 {NEW_PASSWORD_ENV}，"
        "否则在终端输入。恢复密钥不对时不做任何改动。",
    )
    p.add_argument("--username", required=True, metavar="USERNAME", help="要设置新密码的操作员")
    json_flag(p)
    p.set_defaults(handler=recover, unlock=NONE)

    p = sub.add_parser(
        "protect",
        help="旧版本升级来的工作台：加密全部个人信息并打印恢复密钥（主任）",
        description=f"以 `--as` 指定的主任（默认第一位主任）身份运行，密码取自 {PASSWORD_ENV}，"
        "否则在终端输入。中途中断可再次运行以完成。",
    )
    p.add_argument("--no-keyring", action="store_true", help="不把数据密钥存入系统钥匙串")
    json_flag(p)
    p.set_defaults(handler=protect_command, unlock=NONE)

    p = sub.add_parser("lock-status", help="加密状态：是否已解锁、系统钥匙串、密钥封装数量（JSON）")
    json_flag(p)
    p.set_defaults(handler=lock_status, unlock=QUIET)

    att = sub.add_parser("attachment", help="附件：列出、取出原文件（取出记入审计）").add_subparsers(
        dest="sub_command", metavar="ACTION", required=True
    )
    p = att.add_parser("list", help="列出案件的附件")
    p.add_argument("case", metavar="CASE")
    json_flag(p)
    p.set_defaults(handler=attachment_list, unlock=NONE)
    p = att.add_parser("open", help="解密取出附件原文件（连同理由记入审计）")
    p.add_argument("attachment_id", metavar="ATTACHMENT_ID")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="写出的文件（未加密，用完请删除）")
    p.add_argument("--reason", required=True, metavar="TEXT", help="取出的理由，如 “申请司法确认需提交”")
    p.add_argument("--force", action="store_true", help="覆盖已有的文件")
    json_flag(p)
    p.set_defaults(handler=attachment_open)

    ret = sub.add_parser("retention", help="个人信息保存期限（按案卷保管期限）").add_subparsers(
        dest="sub_command", metavar="ACTION", required=True
    )
    p = ret.add_parser("show", help="当前的保存期限")
    json_flag(p)
    p.set_defaults(handler=retention_show, unlock=NONE)
    p = ret.add_parser("set", help="修改保存期限（年），只改给出的项")
    for key, period in REGISTRY.retention_periods().items():  # as the capabilities registered them
        p.add_argument(f"--{key}", type=int, metavar="N", dest=f"years_{key}", help=f"{period.label}保存年数")
    json_flag(p)
    p.set_defaults(handler=retention_set)

    p = case.add_parser("retention", help="案卷保管期限：permanent 永久 / long 长期 / short 短期")
    p.add_argument("case", metavar="CASE")
    p.add_argument("retention", metavar="LEVEL", help="permanent / long / short 或 永久 / 长期 / 短期")
    json_flag(p)
    p.set_defaults(handler=case_retention)

    p = sub.add_parser("purge", help="清除保存期限已满的个人信息（保留匿名统计；不可撤销）")
    p.add_argument("--dry-run", action="store_true", help="只列出将被清除的内容，不做改动")
    p.add_argument("--yes", action="store_true", help="不再询问，直接清除")
    json_flag(p)
    p.set_defaults(handler=purge)

    con = sub.add_parser("consent", help="单独同意（个人信息保护法第二十九条）：登记、撤回、查询").add_subparsers(
        dest="sub_command", metavar="ACTION", required=True
    )
    p = con.add_parser("give", help="登记当事人的单独同意")
    p.add_argument("person_id", metavar="PERSON_ID", help="当事人编号（见 case show）")
    p.add_argument(
        "purpose",
        metavar="PURPOSE",
        help="用途代码或中文：" + "、".join(f"{k} {v}" for k, v in consent.purposes().items()),
    )
    p.add_argument("--note", help="备注，如 书面同意书已存档")
    json_flag(p)
    p.set_defaults(handler=consent_give)
    p = con.add_parser("withdraw", help="登记撤回同意（为该用途保存的个人信息随即删除）")
    p.add_argument("person_id", metavar="PERSON_ID")
    p.add_argument("purpose", metavar="PURPOSE")
    p.add_argument("--reason", required=True, metavar="TEXT", help="撤回的情况说明")
    json_flag(p)
    p.set_defaults(handler=consent_withdraw)
    p = con.add_parser("list", help="某人的同意及撤回记录")
    p.add_argument("person_id", metavar="PERSON_ID")
    json_flag(p)
    p.set_defaults(handler=consent_list)


# --- passwords ---------------------------------------------------------------------------------


def password_change(ctx: Context, args: argparse.Namespace) -> int:
    actor = ctx.actor
    old = read_secret(
        PASSWORD_ENV, f"{actor.label}（{actor.username}）的原密码 / Current password: ", field="old_password"
    )
    new = read_password(NEW_PASSWORD_ENV, "新密码（至少 8 位）/ New password: ", field="new_password")
    credentials.change_password(ctx.desk, actor, old, new)
    emit_json({"username": actor.username, "password_changed": True})
    return EXIT_OK


def recover(ctx: Context, args: argparse.Namespace) -> int:
    text = read_secret(
        RECOVERY_KEY_ENV, "恢复密钥（设置时打印的 32 位）/ Recovery key: ", field="recovery_key", what="恢复密钥"
    )
    new = read_password(
        NEW_PASSWORD_ENV, f"{args.username} 的新密码（至少 8 位）/ New password: ", field="new_password"
    )
    actor = credentials.recover_with_key(ctx.desk, text, args.username, new)
    emit_json({"username": actor.username, "role": actor.role, "recovered": True})
    err(
        f"已凭恢复密钥为「{actor.label}」设置新密码，账号锁定已解除。恢复密钥仍然有效，请继续妥善保管。"
        "\nThe new password is set; keep the recovery key safe, it stays valid."
    )
    return EXIT_OK


def protect_command(ctx: Context, args: argparse.Namespace) -> int:
    desk = ctx.desk
    if not protect.needs_protection(desk):
        err("本机的个人信息已加密，无需再做。This desk is already protected.")
        emit_json({"protected": True, "changed": False})
        return EXIT_OK
    admin = ctx.actor
    password = read_secret(PASSWORD_ENV, f"{admin.label}（{admin.username}）的登录密码 / Password: ", field="password")
    actor = accounts.authenticate(desk, admin.username, password)  # a wrong password: refused, counted
    recovery = protect.protect_desk(desk, actor, password, remember_key=not args.no_keyring)
    emit_json({"protected": True, "changed": True, "recovery_key": recovery})
    if recovery:
        err(recovery_notice(recovery))
    return EXIT_OK


def lock_status(ctx: Context, args: argparse.Namespace) -> int:
    secure, backend = keys.keyring_backend()
    status: dict[str, Any] = {
        "set_up": False,
        "protected": False,
        "locked": True,
        "unlocked_by": None,
        "keyring": {"backend": backend, "secure": secure, "holds_key": False},
        "key_wraps": 0,
        "operator_wraps": 0,
        "recovery_wrap": False,
        "needs_protection": False,
    }
    if ctx.database_exists():
        desk = ctx.desk
        with desk.read() as s:
            wraps = keys.describe(s)
        status.update(
            set_up=desk.is_set_up(),
            protected=wraps["operators"] > 0 or wraps["recovery"],
            locked=desk.vault is None,
            unlocked_by=ctx.unlocked_by,
            key_wraps=wraps["operators"] + int(wraps["recovery"]),
            operator_wraps=wraps["operators"],
            recovery_wrap=wraps["recovery"],
            needs_protection=protect.needs_protection(desk),
        )
        status["keyring"]["holds_key"] = ctx.unlocked_by == "keyring"
    emit_json(status)
    return EXIT_OK


# --- attachments -------------------------------------------------------------------------------


def attachment_list(ctx: Context, args: argparse.Namespace) -> int:
    found = attachments.list_attachments(ctx.desk, args.case, actor=ctx.actor)
    if getattr(args, "json", False):
        emit_json(found)
        return EXIT_OK
    if not found:
        out("没有附件。No attachments.")
        return EXIT_OK
    table(
        ["编号", "类别", "文件名", "大小", "说明"],
        [(a.id, attachments.KINDS.get(a.kind, a.kind), a.original_name, a.size, a.note or "") for a in found],
    )
    return EXIT_OK


def attachment_open(ctx: Context, args: argparse.Namespace) -> int:
    target = Path(args.output)
    reason = args.reason.strip()
    if not reason:
        raise ValidationError.single("reason", "reason_required", "取出附件须说明理由（--reason）")
    if target.exists() and not args.force:
        raise ValidationError.single("output", "file_exists", f"文件已存在：{target.name}（覆盖请加 --force）")
    content = attachments.read_attachment(ctx.desk, ctx.actor, args.attachment_id, reason=reason)
    write_private_file(target, content)
    emit_json({"attachment_id": args.attachment_id, "file": str(target), "size": len(content)})
    err("注意：取出的文件没有加密，用完请及时删除。Note: the file written is not encrypted; delete it after use.")
    return EXIT_OK


# --- retention and purge -----------------------------------------------------------------------


def retention_show(ctx: Context, args: argparse.Namespace) -> int:
    emit_json(retention.get_policy(ctx.desk))
    return EXIT_OK


def retention_set(ctx: Context, args: argparse.Namespace) -> int:
    years = {
        key: value for key in REGISTRY.retention_periods() if (value := getattr(args, f"years_{key}", None)) is not None
    }
    if not years:
        flags = "、".join(f"--{key}" for key in REGISTRY.retention_periods())
        raise ValidationError.single("years", "required", f"请给出要修改的期限：{flags}")
    emit_json(retention.set_policy(ctx.desk, ctx.actor, **years))
    return EXIT_OK


def case_retention(ctx: Context, args: argparse.Namespace) -> int:
    level = _code(retention_rule.CLASSES, args.retention)
    retention_rule.set_case_retention(ctx.desk, ctx.actor, args.case, level)
    emit_json({"case": args.case, "retention": level})
    return EXIT_OK


def purge(ctx: Context, args: argparse.Namespace) -> int:
    if args.dry_run:
        emit_json(retention.purge_expired(ctx.desk, ctx.actor, dry_run=True))
        return EXIT_OK
    if not args.yes:
        preview = retention.purge_expired(ctx.desk, ctx.actor, dry_run=True)
        err("将清除以下保存期限已满的个人信息 / To be purged:\n" + dumps(preview))
        if not confirm("清除后无法恢复（统计数字保留）。This cannot be undone. 输入 yes 确认 / Type yes to confirm: "):
            err("已取消，未做任何改动。Cancelled, nothing changed.")
            return EXIT_REJECTED
    emit_json(retention.purge_expired(ctx.desk, ctx.actor))
    return EXIT_OK


# --- consent -----------------------------------------------------------------------------------


def consent_give(ctx: Context, args: argparse.Namespace) -> int:
    purpose = _code(consent.purposes(), args.purpose)
    consent_id = consent.give_consent(ctx.desk, ctx.actor, args.person_id, purpose, note=args.note)
    emit_json({"consent_id": consent_id, "person_id": args.person_id, "purpose": purpose})
    return EXIT_OK


def consent_withdraw(ctx: Context, args: argparse.Namespace) -> int:
    purpose = _code(consent.purposes(), args.purpose)
    report = consent.withdraw_consent(ctx.desk, ctx.actor, args.person_id, purpose, args.reason)
    emit_json(report)
    err(f"已登记撤回。{report.outcome}")
    return EXIT_OK


def consent_list(ctx: Context, args: argparse.Namespace) -> int:
    emit_json(consent.list_consents(ctx.desk, ctx.actor, args.person_id))
    return EXIT_OK
