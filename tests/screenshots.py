"""Screenshots of the real window with demo data, for the README and for looking at.

    xvfb-run -a -s "-screen 0 1366x768x24" python tests/screenshots.py /tmp/shots
    xvfb-run -a -s "-screen 0 1366x768x24" python tests/screenshots.py /tmp/shots-large --large-font
    (with a window manager running on that display: --maximized, as a user sees it)

Seeds the demo committee into a throw-away data directory, logs in as its first 主任, then shows
every page of the navigation (each tab of a page in tabs), one case page and every dialog
(tests/window_tour.py; --pages-only leaves the dialogs out), and saves each as a PNG. 1366×768,
the usual village PC, is the default size; whatever is out of reach there (a button or the
status bar off the screen) is reported. Under Xvfb the window is drawn by the xcb platform exactly
as on a desk; without a display it falls back to Qt's offscreen platform (same widgets, no window-manager frame)."""

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

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget
from window_tour import Tour, out_of_reach

from mediation_desk.administration import demo
from mediation_desk.administration.accounts import authenticate
from mediation_desk.capabilities import register_all
from mediation_desk.desk import Desk
from mediation_desk.gui.app import create_application, prepare_application
from mediation_desk.gui.main_window import MainWindow
from mediation_desk.gui.settings import LANGUAGE, LARGE_FONT, DeskSettings
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.paths import AppPaths

WINDOW_SIZE = (1366, 768)


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


def take(widget: QWidget, target: Path, room: QRect) -> list[str]:
    """Save what `widget` shows; returns what of it is out of reach in `room`."""
    widget.grab().save(str(target))
    problems = out_of_reach(target.stem, widget, room)
    print(f"  {target}" + "".join(f"\n    ! {problem}" for problem in problems))
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder for the PNG files")
    parser.add_argument("--language", default="zh_CN", choices=("zh_CN", "en"))
    parser.add_argument("--large-font", action="store_true", help="the window's large-font mode")
    parser.add_argument("--size", default="x".join(map(str, WINDOW_SIZE)), help="window size, e.g. 1366x768")
    parser.add_argument("--pages-only", action="store_true", help="the pages, not the dialogs")
    parser.add_argument("--maximized", action="store_true", help="maximized (under a window manager), not --size")
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
        username = summary["operators"][0]["username"]
        actor = authenticate(desk, username, summary["demo_password"])
        tasks = TaskManager()
        window = MainWindow(desk, tasks, settings, actor)
        width, _, height = args.size.partition("x")
        if args.maximized:
            window.showMaximized()
        else:
            window.setWindowState(Qt.WindowState.WindowNoState)
            window.resize(int(width), int(height))
            window.move(0, 0)
            window.show()
        room = window.screen().availableGeometry()
        print(f"platform {app.platformName()}, screen {room.getRect()}, writing to {args.out}")
        problems: list[str] = []
        try:
            tour = Tour(window, lambda: settle(app, tasks))
            for stop in tour.pages():
                problems += take(stop.widget, args.out / f"{stop.name}.png", room)
            for stop in () if args.pages_only else tour.dialogs():
                problems += take(stop.widget, args.out / f"{stop.name}.png", room)
        finally:
            window.close()
            tasks.shutdown()
            desk.close()
            del keep
    print(f"{len(problems)} out of reach" if problems else "everything in reach")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
