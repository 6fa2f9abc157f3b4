"""Screenshots of the real window with demo data, for the README.

    xvfb-run -a -s "-screen 0 1400x900x24" python tests/screenshots.py resources/screenshots

Seeds the demo committee into a throw-away data directory, logs in as its first 主任, then shows
every page of the navigation and one case page and saves each as a PNG. Under Xvfb the window
is drawn by the xcb platform exactly as on a desk; without a display it falls back to Qt's
offscreen platform (same widgets, no window-manager frame)."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

if not os.environ.get("DISPLAY") and not os.environ.get("QT_QPA_PLATFORM"):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"

from PySide6.QtWidgets import QApplication

from mediation_desk.administration import demo
from mediation_desk.administration.accounts import authenticate
from mediation_desk.capabilities import register_all
from mediation_desk.core.uow import SYSTEM
from mediation_desk.desk import Desk
from mediation_desk.gui.app import create_application, prepare_application
from mediation_desk.gui.main_window import MainWindow
from mediation_desk.gui.settings import LANGUAGE, LARGE_FONT, DeskSettings
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.mediation import queries
from mediation_desk.paths import AppPaths

WINDOW_SIZE = (1360, 860)
PAGE_FILES = ("dashboard", "intake", "cases", "mediators", "followups", "statistics", "points", "sync", "settings")


def settle(app: QApplication, tasks: TaskManager, seconds: float = 0.6) -> None:
    """Let the desk worker finish and the widgets repaint."""
    deadline = time.monotonic() + 30
    while tasks.busy and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def take(window: MainWindow, app: QApplication, tasks: TaskManager, target: Path) -> None:
    settle(app, tasks)
    window.grab().save(str(target))
    print(f"  {target}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder for the PNG files")
    parser.add_argument("--language", default="zh_CN", choices=("zh_CN", "en"))
    parser.add_argument("--large-font", action="store_true", help="the window's large-font mode")
    parser.add_argument("--size", default="x".join(map(str, WINDOW_SIZE)), help="window size, e.g. 1366x768")
    args = parser.parse_args(argv)
    register_all()
    args.out.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory(prefix="md-shots-") as tmp:
        paths = AppPaths.resolve(Path(tmp))
        paths.ensure()
        app = create_application()
        settings = DeskSettings(paths.config)
        settings.set(LANGUAGE, args.language)
        settings.set(LARGE_FONT, args.large_font)
        keep = prepare_application(app, settings)
        desk = Desk.open(paths)
        summary = demo.seed_demo(desk)
        username = summary["operators"][0]
        actor = authenticate(desk, username, summary["demo_password"])
        tasks = TaskManager()
        window = MainWindow(desk, tasks, settings, actor)
        width, _, height = args.size.partition("x")
        window.resize(int(width), int(height))
        window.show()
        print(f"platform {app.platformName()}, writing to {args.out}")
        try:
            nav = window.ui.navList
            for row in range(nav.count()):
                nav.setCurrentRow(row)
                name = PAGE_FILES[row] if row < len(PAGE_FILES) else f"page-{row}"
                take(window, app, tasks, args.out / f"{name}.png")
                tabs = getattr(window.ui.pageStack.currentWidget(), "tabs", None)
                for index in range(1, tabs.count() if tabs is not None else 0):
                    tabs.setCurrentIndex(index)  # a page in tabs: each tab too
                    take(window, app, tasks, args.out / f"{name}-{index + 1}.png")
            case = _case_worth_showing(desk)
            if case is not None:
                window.open_case(case)
                take(window, app, tasks, args.out / "case.png")
        finally:
            window.close()
            tasks.shutdown()
            desk.close()
            del keep
    return 0


def _case_worth_showing(desk: Desk) -> str | None:
    """A case with an agreement and sessions shows most of the case page."""
    for status in ("performing", "follow_up", "agreed", "in_mediation"):
        rows = queries.list_cases(desk, SYSTEM, status=status, limit=1)
        if rows:
            return rows[0].id
    return None


if __name__ == "__main__":
    raise SystemExit(main())
