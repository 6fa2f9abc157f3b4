"""`mediation-desk-district`: run the district server and administer it.

  serve --host H --port P --database-url URL [--tls-cert F --tls-key F] [options: serve --help]
        (--port 0: any free port; the log's "listening on URL" line names it)
  town add NAME | town list
  committee add --town T --code C --name N | committee list
  enroll-code issue (--committee CODE | --town NAME) --reason WHY [--expires-hours 72]   prints the code once
  device list | device revoke DEVICE_ID --reason WHY
  setting set KEY JSON_VALUE --reason WHY
  key generate [--key-file F] | key rotate --reason WHY [--key-file F]   (the case files' sealing keys)
  audit list [--action A] [--limit N]
  holidays show | holidays set FILE --reason WHY   the holiday calendar (legal periods end on working days)
  points catalogue show | points catalogue set FILE --reason WHY   the green-coin catalogue (JSON file;
        a new version, higher than the one in force, goes to every desk with the reference data)
  sites scheme show | sites scheme set FILE --reason WHY   the site-code scheme (一单一码 检查清单, JSON)
  sites month-end [--month YYYY-MM] | sites rates --month YYYY-MM [--town NAME]
  security list [--limit N]                 lockouts and closed connections, newest first
  alarms unrouted [--limit N]               bracelet alarms no wearer could be found for, newest first
  vendor add NAME | vendor list | vendor revoke NAME --reason WHY   vendor platforms posting alarms (the
        key is printed once)
  backup --to FILE [--overwrite] | restore --from FILE --reason WHY [--yes]   (SQLite; [--by NAME])
  simulate --gateway HOST:PORT [--devices N] [--heartbeat-every S] [--alarm DEVICE_ID...]   simulated
        bracelets on the gateway (serve --gateway-port); needs no database

Every command takes --database-url (or MEDIATION_DESK_DISTRICT_DB). Every change is recorded in the
admin audit with who (--by, default the system account), when and why (--reason). Exit codes:
0 done, 2 input refused (the reason on standard error), 70 internal error."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from mediation_desk.district import (
    alarm_simulator,
    alarm_town,
    alarm_vendor,
    backup,
    holiday_cli,
    serve,
    sitecode_cli,
)
from mediation_desk.district.errors import AdminError
from mediation_desk.logging_setup import RedactingFilter

if TYPE_CHECKING:
    from mediation_desk.district.db import Database

DB_ENV = "MEDIATION_DESK_DISTRICT_DB"
# Changes that cannot be made without saying why (the audit's reason).
REASON_REQUIRED = {
    ("device", "revoke"): "撤销设备",
    ("setting", "set"): "修改设置",
    ("enroll-code", "issue"): "签发登记码",
    ("key", "rotate"): "轮换密钥",
    ("points", "set"): "启用新版积分目录",
    ("holidays", "set"): "发布节假日安排",
}
EXIT_OK, EXIT_REFUSED, EXIT_INTERNAL = 0, 2, 70
log = logging.getLogger("mediation_desk.district")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mediation-desk-district", description="区社会治理中心服务器：调解室工作台的同步与镇街视图"
    )
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--database-url",
        default=os.environ.get(DB_ENV),
        help=f"sqlite:///district.sqlite3 或 postgresql+psycopg://… (或环境变量 {DB_ENV})",
    )
    audited = argparse.ArgumentParser(add_help=False, parents=[common])
    audited.add_argument("--by", help="操作人（记入管理审计；默认为当前系统用户）")
    audited.add_argument("--reason", default="", help="原因（记入管理审计）")
    sub = parser.add_subparsers(dest="command", required=True)

    serve.add_parser(sub, common)
    backup.add_parser(sub, common)
    alarm_simulator.add_parser(sub)

    town = sub.add_parser("town", help="镇（街道）").add_subparsers(dest="action", required=True)
    town.add_parser("add", parents=[audited]).add_argument("name")
    town.add_parser("list", parents=[common])

    committee = sub.add_parser("committee", help="调解委员会").add_subparsers(dest="action", required=True)
    add = committee.add_parser("add", parents=[audited])
    add.add_argument("--town", required=True)
    add.add_argument("--code", required=True)
    add.add_argument("--name", required=True)
    committee.add_parser("list", parents=[common])

    code = sub.add_parser("enroll-code", help="设备登记码").add_subparsers(dest="action", required=True)
    issue = code.add_parser("issue", parents=[audited])
    target = issue.add_mutually_exclusive_group(required=True)
    target.add_argument("--committee", help="调解委员会代码")
    target.add_argument("--town", help="镇（街道）名称")
    issue.add_argument("--expires-hours", type=float, default=72)

    device = sub.add_parser("device", help="已登记的设备").add_subparsers(dest="action", required=True)
    device.add_parser("list", parents=[common])
    device.add_parser("revoke", parents=[audited]).add_argument("device_id")

    setting = sub.add_parser("setting", help="下发给各工作台的设置").add_subparsers(dest="action", required=True)
    set_ = setting.add_parser("set", parents=[audited])
    set_.add_argument("key")
    set_.add_argument("value", help='JSON 值，如 300 或 "上虞区"')

    key = sub.add_parser("key", help="服务器密钥（卷宗加密）").add_subparsers(dest="action", required=True)
    key_file = argparse.ArgumentParser(add_help=False)
    key_file.add_argument(
        "--key-file",
        default=os.environ.get(serve.KEY_FILE_ENV),
        help=f"密钥文件（或环境变量 {serve.KEY_FILE_ENV}）；SQLite 默认在数据库文件旁",
    )
    key.add_parser("generate", parents=[audited, key_file], help="为新服务器生成密钥文件（不覆盖已有的）")
    rotate = key.add_parser("rotate", parents=[audited, key_file], help="换用新密钥并重新加密全部卷宗")
    rotate.add_argument("--batch", type=int, default=16, help="每个事务重新加密几份卷宗")

    points = sub.add_parser("points", help="平安绿币").add_subparsers(dest="target", required=True)
    catalogue = points.add_parser("catalogue", help="积分目录").add_subparsers(dest="action", required=True)
    catalogue.add_parser("show", parents=[common], help="显示现行的积分目录（JSON）")
    catalogue.add_parser("set", parents=[audited], help="发布新版积分目录").add_argument("file", type=Path)

    sitecode_cli.add_parser(sub, common, audited)
    holiday_cli.add_parser(sub, common, audited)
    alarm_town.add_parser(sub, common)
    alarm_vendor.add_parser(sub, common, audited)

    audit = sub.add_parser("audit", help="管理审计").add_subparsers(dest="action", required=True)
    listing = audit.add_parser("list", parents=[common])
    listing.add_argument("--action", dest="audit_action", help="只列这一种操作，如 device.revoke")
    listing.add_argument("--limit", type=int, default=200)

    security = sub.add_parser("security", help="安全事件（锁定、被关闭的连接）").add_subparsers(
        dest="action", required=True
    )
    events = security.add_parser("list", parents=[common])
    events.add_argument("--limit", type=int, default=200)
    return parser


def _serve(args: argparse.Namespace) -> int:
    _setup_logging()
    return EXIT_OK if serve.run(args) else EXIT_INTERNAL


def _admin(args: argparse.Namespace) -> int:
    from mediation_desk.district import admin, migrate
    from mediation_desk.district.db import Database

    actor, reason = (admin.actor_of(args.by), args.reason) if hasattr(args, "reason") else ("", "")
    if (args.command, args.action) in REASON_REQUIRED:
        admin.reason_of(reason, required_for=REASON_REQUIRED[(args.command, args.action)])
    who = {"actor": actor, "reason": reason}
    db = Database(args.database_url)
    try:
        migrate.upgrade(db)
        commands: dict[tuple[str, str], Callable[[], None]] = {
            ("town", "add"): lambda: print(admin.add_town(db, args.name, **who)),
            ("town", "list"): lambda: print("\n".join(admin.list_towns(db))),
            ("committee", "add"): lambda: print(admin.add_committee(db, args.town, args.code, args.name, **who)),
            ("committee", "list"): lambda: print("\n".join("\t".join(row) for row in admin.list_committees(db))),
            ("enroll-code", "issue"): lambda: _issue(db, args, actor, reason),
            ("device", "list"): lambda: _devices(db),
            ("device", "revoke"): lambda: print(
                "已撤销" if admin.revoke_device(db, args.device_id, **who) else "此前已撤销"
            ),
            ("setting", "set"): lambda: admin.set_setting(db, args.key, _json_value(args.value), **who),
            ("key", "generate"): lambda: _key_generate(db, args, actor, reason),
            ("key", "rotate"): lambda: _key_rotate(db, args, actor, reason),
            ("audit", "list"): lambda: _audit_list(db, args),
            ("security", "list"): lambda: _security_list(db, args),
            ("points", "show"): lambda: _catalogue_show(db),
            ("points", "set"): lambda: _catalogue_set(db, args, actor, reason),
            ("sites", args.action): lambda: sitecode_cli.run(db, args, actor, reason),
            ("holidays", args.action): lambda: holiday_cli.run(db, args, actor, reason),
            ("alarms", "unrouted"): lambda: alarm_town.run(db, args),
            ("vendor", args.action): lambda: alarm_vendor.run(db, args),
        }
        commands[(args.command, args.action)]()
    finally:
        db.dispose()
    return EXIT_OK


def _issue(db: Database, args: argparse.Namespace, actor: str, reason: str) -> None:
    from mediation_desk.district import admin

    code = admin.issue_code(
        db,
        committee_code=args.committee,
        town=args.town,
        expires_hours=args.expires_hours,
        actor=actor,
        reason=reason,
    )
    print(code)
    print(f"登记码只显示这一次，{args.expires_hours:g} 小时内有效，只能使用一次。", file=sys.stderr)


def _devices(db: object) -> None:
    from mediation_desk.district import admin

    for d in admin.list_devices(db):  # type: ignore[arg-type]
        state = f"revoked {d.revoked_at:%Y-%m-%d %H:%M}" if d.revoked_at else "active"
        print(
            "\t".join(
                [
                    d.id,
                    d.scope,
                    d.town,
                    d.committee_code or "-",
                    d.name or "-",
                    f"{d.enrolled_at:%Y-%m-%d %H:%M}",
                    state,
                ]
            )
        )


def _key_generate(db: Database, args: argparse.Namespace, actor: str, reason: str) -> None:
    from mediation_desk.district import sealing, server_key

    path = server_key.key_file_for(db.url, Path(args.key_file) if args.key_file else None)
    key_id = sealing.generate(db, path, actor=actor, reason=reason)
    print(path)
    print(
        f"已生成密钥 {key_id}。请把密钥文件备份到数据库备份之外的安全处：丢失后已加密的卷宗无法恢复；"
        "同一数据库的每个服务器实例须用同一个密钥文件（serve --key-file）。",
        file=sys.stderr,
    )


def _key_rotate(db: Database, args: argparse.Namespace, actor: str, reason: str) -> None:
    from mediation_desk.district import sealing, server_key

    if not 1 <= args.batch <= 1000:
        raise AdminError("--batch 须是 1 到 1000 的整数")
    path = server_key.key_file_for(db.url, Path(args.key_file) if args.key_file else None)
    done = sealing.rotate(db, path, actor=actor, reason=reason, batch=args.batch)
    if done.previous is None:
        print(f"继续完成上次未完成的轮换：当前密钥 {done.key_id}", file=sys.stderr)
    print(f"当前密钥 {done.key_id}，重新加密了 {done.resealed} 份卷宗")
    print("各服务器实例在密钥文件变化后自动读取新密钥；多台机器上的实例须换上同一个新文件。", file=sys.stderr)
    if done.failed:
        raise AdminError(
            f"{len(done.failed)} 份卷宗无法解密（所用密钥不在文件中或内容被改动），未重新加密："
            + "、".join(done.failed[:20])
        )


def _audit_list(db: Database, args: argparse.Namespace) -> None:
    from mediation_desk.district import admin_audit

    if not 1 <= args.limit <= 10_000:
        raise AdminError("--limit 须是 1 到 10000 的整数")
    if args.audit_action is not None and not 1 <= len(args.audit_action) <= 64:
        raise AdminError("--action 须是 1 到 64 个字符，如 device.revoke")
    rows = admin_audit.entries(db, limit=args.limit, action=args.audit_action)
    if not rows:
        print("（没有管理审计记录）", file=sys.stderr)
    for e in rows:
        fields = [f"{e.at.astimezone():%Y-%m-%d %H:%M:%S}", e.actor, e.action, e.target or "-", e.reason or "-"]
        print("\t".join(" ".join(f.split()) for f in fields))


def _security_list(db: Database, args: argparse.Namespace) -> None:
    from sqlalchemy import select

    from mediation_desk.district.models import SecurityEvent

    if not 1 <= args.limit <= 10_000:
        raise AdminError("--limit 须是 1 到 10000 的整数")
    with db.read() as s:
        rows = list(s.scalars(select(SecurityEvent).order_by(SecurityEvent.at.desc()).limit(args.limit)))
    if not rows:
        print("（没有安全事件）", file=sys.stderr)
    for e in rows:
        detail = json.dumps(e.detail, ensure_ascii=False, sort_keys=True)
        print("\t".join([f"{e.at.astimezone():%Y-%m-%d %H:%M:%S}", e.kind, e.source, detail]))


def _catalogue_show(db: Database) -> None:
    from mediation_desk.district import points_catalogue

    print(json.dumps(points_catalogue.show(db), ensure_ascii=False, indent=2))


def _catalogue_set(db: Database, args: argparse.Namespace, actor: str, reason: str) -> None:
    from mediation_desk.district import points_catalogue

    catalogue = points_catalogue.set_catalogue(db, points_catalogue.read_file(args.file), actor=actor, reason=reason)
    print(f"已发布积分目录第 {catalogue.version} 版（{len(catalogue.items)} 项），各工作台下次同步时启用")


def _json_value(text: str) -> object:
    try:
        return json.loads(text)
    except ValueError:
        return text  # a bare word is a string


def _setup_logging() -> None:
    """Standard error, redacted (a second line of defence: nothing personal is logged anyway)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter())
    for name in ("mediation_desk.district", "uvicorn.error", "uvicorn.access"):
        logger = logging.getLogger(name)
        logger.handlers = [handler]
        logger.propagate = False
        logger.setLevel(logging.INFO)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "simulate":
        try:
            return alarm_simulator.run(args)
        except ValueError as exc:
            print(f"错误：{exc}", file=sys.stderr)
            return EXIT_REFUSED
    if not args.database_url:
        print(f"错误：请用 --database-url 或环境变量 {DB_ENV} 指定数据库", file=sys.stderr)
        return EXIT_REFUSED
    try:
        if args.command in backup.COMMANDS:
            return backup.run(args)
        return _serve(args) if args.command == "serve" else _admin(args)
    except (AdminError, ValueError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_REFUSED
    except Exception as exc:  # noqa: BLE001 - the type only: its text may quote input
        log.error("internal error: %s", type(exc).__name__)
        print(f"内部错误：{type(exc).__name__}（详见日志）", file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
