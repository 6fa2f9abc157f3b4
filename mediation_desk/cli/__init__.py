"""The `mediation-desk` command line: admin work and scripting on top of the services.

Run without a command it opens the window. That start is kept light: the command line's parser
and every service module behind it take most of a second to import, and a person waiting for the
login dialog should not pay for them. So a run that asks only for the window (no command, at most
`--data-dir` and `--as`) goes straight to it when the window can open; anything else — and the
window that cannot open — goes through the full command line (cli/app.py)."""

from __future__ import annotations

import sys

# Options that mean nothing but "open the window" (with the value they take).
_WINDOW_OPTIONS = ("--data-dir", "--as")


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    data_dir = _window_request(args)
    if data_dir is not None and _window_can_open():
        return _open_window(data_dir or None)
    from mediation_desk.cli.app import main as run

    return run(args)


def _window_request(args: list[str]) -> str | None:
    """The data folder asked for ("" for the default) when `args` ask only for the window, else None."""
    data_dir, rest = "", list(args)
    while rest:
        option, _, value = rest.pop(0).partition("=")
        if option not in _WINDOW_OPTIONS:
            return None
        if not value:
            if not rest:
                return None  # `--data-dir` with nothing after it: the parser explains
            value = rest.pop(0)
        if option == "--data-dir":
            data_dir = value
    return data_dir


def _window_can_open() -> bool:
    """No reason not to (display, platform libraries, PySide6 itself); the system libraries are
    checked before Qt is loaded, since a missing one aborts the process inside Qt."""
    from mediation_desk import qt_platform
    from mediation_desk.gui import why_no_window

    if why_no_window(load_qt=False) is not None or qt_platform.missing_platform_libraries() is not None:
        return False
    return why_no_window() is None


def _open_window(data_dir: str | None) -> int:
    import logging

    from mediation_desk.logging_setup import setup_logging
    from mediation_desk.paths import AppPaths

    log = logging.getLogger("mediation_desk.cli")
    paths = AppPaths.resolve(data_dir)
    try:
        setup_logging(paths.logs)  # what goes wrong from here on is logged, not printed as a traceback
        log.info("command (none): opening the window")
        from mediation_desk.gui.app import run_gui  # Qt, not yet the services: the login first

        return run_gui(paths)
    except KeyboardInterrupt:
        print("已中断 / Interrupted", file=sys.stderr)
        return 130
    except Exception as error:
        log.exception("internal error while opening the window")
        print(
            f"内部错误（{type(error).__name__}）：工作台窗口未能打开，详情已记入日志 {paths.logs / 'desk.log'}。"
            f"Internal error: the window did not open; details are in {paths.logs / 'desk.log'}.",
            file=sys.stderr,
        )
        return 70


__all__ = ["main"]
