"""`mediation-desk-district`: run the district server and administer it.

  serve --host H --port P --database-url URL [--tls-cert F --tls-key F]
        (--port 0: any free port; the log's "listening on URL" line names it)
  town add NAME | town list
  committee add --town T --code C --name N | committee list
  enroll-code issue (--committee CODE | --town NAME) [--expires-hours 72]   prints the code once
  device list | device revoke DEVICE_ID
  setting set KEY JSON_VALUE

Every command takes --database-url (or MEDIATION_DESK_DISTRICT_DB). Exit codes: 0 done,
2 input refused (the reason on standard error), 70 internal error."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence

from mediation_desk.district.errors import AdminError
from mediation_desk.logging_setup import RedactingFilter

DB_ENV = "MEDIATION_DESK_DISTRICT_DB"
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
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", parents=[common], help="运行服务器")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument(
        "--port", type=int, default=8080, help="端口；0 表示由系统任选空闲端口（见日志 listening on 一行）"
    )
    serve.add_argument("--tls-cert", help="PEM 证书文件（启用 HTTPS）")
    serve.add_argument("--tls-key", help="PEM 私钥文件")

    town = sub.add_parser("town", help="镇（街道）").add_subparsers(dest="action", required=True)
    town.add_parser("add", parents=[common]).add_argument("name")
    town.add_parser("list", parents=[common])

    committee = sub.add_parser("committee", help="调解委员会").add_subparsers(dest="action", required=True)
    add = committee.add_parser("add", parents=[common])
    add.add_argument("--town", required=True)
    add.add_argument("--code", required=True)
    add.add_argument("--name", required=True)
    committee.add_parser("list", parents=[common])

    code = sub.add_parser("enroll-code", help="设备登记码").add_subparsers(dest="action", required=True)
    issue = code.add_parser("issue", parents=[common])
    target = issue.add_mutually_exclusive_group(required=True)
    target.add_argument("--committee", help="调解委员会代码")
    target.add_argument("--town", help="镇（街道）名称")
    issue.add_argument("--expires-hours", type=float, default=72)

    device = sub.add_parser("device", help="已登记的设备").add_subparsers(dest="action", required=True)
    device.add_parser("list", parents=[common])
    device.add_parser("revoke", parents=[common]).add_argument("device_id")

    setting = sub.add_parser("setting", help="下发给各工作台的设置").add_subparsers(dest="action", required=True)
    set_ = setting.add_parser("set", parents=[common])
    set_.add_argument("key")
    set_.add_argument("value", help='JSON 值，如 300 或 "上虞区"')
    return parser


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from mediation_desk.district.api import create_app

    if bool(args.tls_cert) != bool(args.tls_key):
        raise AdminError("启用 HTTPS 须同时给出 --tls-cert 和 --tls-key")
    _setup_logging()
    config = uvicorn.Config(
        create_app(args.database_url),
        host=args.host,
        port=args.port,
        log_config=None,
        ssl_certfile=args.tls_cert,
        ssl_keyfile=args.tls_key,
        timeout_graceful_shutdown=10,
    )
    # Bound here rather than inside uvicorn so the address actually taken is known: with
    # --port 0 the system picks a free port, and whoever started the server reads it below.
    sock = config.bind_socket()
    host = f"[{args.host}]" if ":" in args.host else args.host
    log.info("listening on %s://%s:%d", "https" if args.tls_cert else "http", host, sock.getsockname()[1])
    server = uvicorn.Server(config)
    server.run(sockets=[sock])
    return EXIT_OK if server.started else EXIT_INTERNAL


def _admin(args: argparse.Namespace) -> int:
    from mediation_desk.district import admin, migrate
    from mediation_desk.district.db import Database

    db = Database(args.database_url)
    try:
        migrate.upgrade(db)
        commands: dict[tuple[str, str], Callable[[], None]] = {
            ("town", "add"): lambda: print(admin.add_town(db, args.name)),
            ("town", "list"): lambda: print("\n".join(admin.list_towns(db))),
            ("committee", "add"): lambda: print(admin.add_committee(db, args.town, args.code, args.name)),
            ("committee", "list"): lambda: print("\n".join("\t".join(row) for row in admin.list_committees(db))),
            ("enroll-code", "issue"): lambda: _issue(db, args),
            ("device", "list"): lambda: _devices(db),
            ("device", "revoke"): lambda: print("已撤销" if admin.revoke_device(db, args.device_id) else "此前已撤销"),
            ("setting", "set"): lambda: admin.set_setting(db, args.key, _json_value(args.value)),
        }
        commands[(args.command, args.action)]()
    finally:
        db.dispose()
    return EXIT_OK


def _issue(db: object, args: argparse.Namespace) -> None:
    from mediation_desk.district import admin

    code = admin.issue_code(
        db,
        committee_code=args.committee,
        town=args.town,  # type: ignore[arg-type]
        expires_hours=args.expires_hours,
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
    if not args.database_url:
        print(f"错误：请用 --database-url 或环境变量 {DB_ENV} 指定数据库", file=sys.stderr)
        return EXIT_REFUSED
    try:
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
