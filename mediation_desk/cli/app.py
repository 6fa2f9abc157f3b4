"""`mediation-desk`: the parser, the dispatch and the one place errors become exit codes.

Exit codes: 0 done; 1 some input rows rejected or the action was cancelled; 2 the input or the
request was refused (the message names the field and the rule); 69 the window cannot open because
system libraries are missing (named, with their packages; the summary is printed); 70 an internal
error (logged, redacted); 130 interrupted."""

from __future__ import annotations

import argparse
import logging
import os
import sys

from mediation_desk.capabilities import register_all
from mediation_desk.cli import (
    admin_commands,
    alarm_commands,
    case_commands,
    data_commands,
    document_commands,
    font_commands,
    points_commands,
    privacy_commands,
    record_commands,
    site_commands,
    sync_commands,
)
from mediation_desk.cli.argparse_zh import chinese_argparse, in_chinese
from mediation_desk.cli.context import LOCKED_HINT, NONE, PROTECT_HINT, Context
from mediation_desk.cli.io import (
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    err,
    report_error,
    use_utf8,
)
from mediation_desk.errors import DeskError
from mediation_desk.gui import why_no_window
from mediation_desk.paths import DATA_ENV, desk_version
from mediation_desk.privacy.vault import Locked
from mediation_desk.qt_platform import missing_platform_libraries

log = logging.getLogger("mediation_desk.cli")
EXIT_NO_WINDOW = 69  # sysexits' EX_UNAVAILABLE: the system lacks what the window needs

DESCRIPTION = """人民调解室工作台（命令行）：案件、调解员、协议、回访、统计。
不带子命令运行时打开工作台窗口（无法打开时显示本机概况）。"""

EPILOG = """常用命令：
  mediation-desk setup --name 谢家塘村人民调解委员会 --code XT-001 --town 谢塘镇 --admin dai --admin-name 戴才良
  mediation-desk case add --json intake.json
  mediation-desk case list
  mediation-desk stats --month 2026-10 --json
个人信息加密保存：每次运行从系统钥匙串取得数据密钥，否则用环境变量 MEDIATION_DESK_PASSWORD
（`--as` 指定的操作员，默认第一位主任）或在终端输入的密码解锁。
密码只从环境变量或终端输入读取，从不作为命令参数。"""


def version() -> str:
    return desk_version()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mediation-desk",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--data-dir", metavar="DIR", help=f"数据目录（默认取环境变量 {DATA_ENV}，否则为系统默认位置）")
    parser.add_argument("--as", dest="as_user", metavar="USERNAME", help="以哪位操作员身份操作（默认：第一位主任）")
    parser.add_argument("--json", action="store_true", default=False, help="机器可读输出：结果与错误都用 JSON")
    parser.add_argument("--version", action="version", version=f"mediation-desk {version()}", help="显示版本号并退出")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    admin_commands.register(sub)
    case_parser = sub.add_parser("case", help="案件：受理、派单、调解记录、协议、回访", description="案件办理")
    case_sub = case_parser.add_subparsers(dest="case_command", metavar="ACTION", required=True)
    case_commands.register(case_sub)
    record_commands.register(case_sub, sub)
    privacy_commands.register(case_sub, sub)
    data_commands.register(sub)
    document_commands.register(sub)
    font_commands.register(sub)
    sync_commands.register(sub)
    points_commands.register(sub)
    site_commands.register(sub)
    alarm_commands.register(sub)
    return in_chinese(parser)


def main(argv: list[str] | None = None) -> int:
    use_utf8()
    register_all()
    try:
        with chinese_argparse():  # argparse's own words (用法、选项、错误) in Chinese too
            args = build_parser().parse_args(argv)
    except SystemExit as stop:  # --help, --version, or a usage error (already printed)
        return stop.code if isinstance(stop.code, int) else (EXIT_OK if stop.code is None else 2)
    ctx = Context(args)
    command = (
        " ".join(
            x for x in (args.command, getattr(args, "case_command", None), getattr(args, "sub_command", None)) if x
        )
        or "(none)"
    )
    try:
        ctx.start_logging()
        handler = getattr(args, "handler", None)
        missing = None
        if handler is None:
            args.no_window_reason = None if args.json else why_no_window(load_qt=False)
            if not args.json and args.no_window_reason is None:
                # Checked before Qt loads: a missing system library aborts the process inside Qt.
                missing = args.no_window_reason = missing_platform_libraries()
                if missing is not None:  # said by the summary, first thing
                    log.warning("the window cannot open: system libraries are missing")
            if not args.json and args.no_window_reason is None:
                args.no_window_reason = why_no_window()
            if not args.json and args.no_window_reason is None:
                log.info("command (none): opening the window")
                from mediation_desk.gui.app import run_gui  # Qt is loaded only for the window

                return run_gui(ctx.paths)
            # The summary shows no personal data: no password asked for.
            handler, args.unlock = admin_commands.no_command, NONE
        log.info("command %s", command)
        done = handler(ctx, args) or EXIT_OK
        return EXIT_NO_WINDOW if missing is not None and done == EXIT_OK else done
    except Locked as error:
        log.info("command %s refused: desk locked", command)
        hint = PROTECT_HINT if ctx.needs_protection() else LOCKED_HINT
        return report_error(error, as_json=ctx.wants_json, hint=hint)
    except DeskError as error:
        log.info("command %s refused: %s", command, type(error).__name__)
        return report_error(error, as_json=ctx.wants_json)
    except KeyboardInterrupt:
        err("已中断 / Interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `mediation-desk case list | head`: the reader has gone, that is fine
        _silence_stdout()
        return EXIT_OK
    except Exception as error:  # noqa: BLE001 - the last line of defence: no tracebacks for users
        where = ("", "")
        if ctx.logging_ready:
            try:
                log.exception("internal error in command %s", command)
                where = (f"，详情已记入日志 {ctx.log_file}", f"; details are in {ctx.log_file}")
            except Exception:  # noqa: BLE001
                pass
        # The type only: an exception's text may quote personal data typed by the user.
        err(
            f"内部错误（{type(error).__name__}）：操作未完成{where[0]}。"
            f"Internal error: the command did not finish{where[1]}."
        )
        return EXIT_INTERNAL
    finally:
        try:
            ctx.close()
        except Exception:  # noqa: BLE001
            pass
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            _silence_stdout()


def _silence_stdout() -> None:
    """Point stdout at the null device so the flush at exit does not fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
