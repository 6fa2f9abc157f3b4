"""Start the desk's window for a measurement, without anyone typing a password.

    MEDIATION_DESK_PASSWORD=… python tests/benchmarks/start_window.py DATA_DIR [--as USER]
        [--scroll-cases] [--login-dialog] [--stay]
    python tests/benchmarks/start_window.py --bare

The window is built by the same public functions `gui/app.py` runs (create_application, the
window settings, translators and font, `Desk.open`, the task helper, `DeskFlow`); only the login
dialog is replaced by `accounts.authenticate` with the password from the environment, the same
call the dialog makes. When the main window is shown, the first dashboard refresh has arrived
and the event loop has nothing left to do, it prints `ready <ms>` (milliseconds since the
parent's clock in $BENCH_T0, or since this process started) with the milestones on the way,
then quits (unless --stay).

--scroll-cases then opens the cases page, scrolls the list to its end (every page of 200 rows
fetched, as a person holding the End key would) and prints `rss <MB> rows <n>`.
--login-dialog stops earlier, at what a person sees first: the flow's login dialog shown and
idle (no password needed).
--bare shows an empty QMainWindow the same way: the yardstick of design §5."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

T0 = float(os.environ.get("BENCH_T0") or time.time())
marks: list[tuple[str, float]] = []


def mark(name: str) -> None:
    marks.append((name, (time.time() - T0) * 1000))


def when_idle(then: object) -> None:
    """Run `then` once the event loop has handled everything already queued."""
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, then)  # type: ignore[arg-type]


def ready(app: object, stay: bool) -> None:
    mark("ready")
    # CPU time of this process (all its threads, interpreter start included): unlike the wall
    # clock it hardly changes when other programs keep the machine busy. Taken before psutil
    # is imported for the RSS.
    cpu = time.process_time() * 1000
    print("marks " + " ".join(f"{name}={ms:.0f}" for name, ms in marks), flush=True)
    try:
        import psutil

        rss = f" rss {psutil.Process().memory_info().rss / 2**20:.0f}"
    except ImportError:
        rss = ""
    print(f"ready {marks[-1][1]:.1f} cpu {cpu:.0f}{rss}", flush=True)
    if not stay:
        app.quit()  # type: ignore[attr-defined]


def bare(stay: bool) -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow

    mark("imports")
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1024, 700)
    window.show()
    when_idle(lambda: ready(app, stay))
    return app.exec()


def desk_window(data_dir: str, username: str, scroll: bool, stay: bool, login_dialog: bool = False) -> int:
    from PySide6.QtCore import QTimer

    from mediation_desk.administration import accounts
    from mediation_desk.capabilities import register_all
    from mediation_desk.desk import Desk
    from mediation_desk.gui.app import create_application, prepare_application
    from mediation_desk.gui.flow import DeskFlow
    from mediation_desk.gui.settings import DeskSettings
    from mediation_desk.gui.tasks import TaskManager
    from mediation_desk.paths import AppPaths

    register_all()
    mark("imports")

    paths = AppPaths.resolve(data_dir)
    paths.ensure()
    app = create_application(sys.argv[:1])
    settings = DeskSettings(paths.config)
    translators = prepare_application(app, settings)  # noqa: F841  (kept alive)
    desk = Desk.open(paths)
    mark("desk_open")
    tasks = TaskManager()
    flow = DeskFlow(desk, settings, tasks)
    flow.finished.connect(app.quit)
    password = os.environ.get("MEDIATION_DESK_PASSWORD")
    if not password and not login_dialog:
        print("MEDIATION_DESK_PASSWORD is not set", file=sys.stderr)
        return 2

    def logged_in(actor: object) -> None:
        mark("logged_in")
        flow.open_main_window(actor)  # type: ignore[arg-type]
        mark("window_shown")
        poll.start()

    def check() -> None:
        window = flow.window
        # The dashboard's figures are shown; work the window queued for later (fonts for the
        # documents) may still run on the desk worker: the person can already work.
        if window is None or window.dashboard.data is None:
            return
        poll.stop()
        mark("dashboard")
        when_idle(lambda: (ready(app, stay=True), scroll_cases() if scroll else finish()))

    def finish() -> None:
        if not stay:
            app.quit()

    def scroll_cases() -> None:
        import psutil

        window = flow.window
        assert window is not None
        window.search_cases()
        table, model = window.cases.ui.caseTable, window.cases.model

        def step() -> None:
            if model.fetching:
                return
            table.scrollToBottom()
            if model.canFetchMore():
                model.fetchMore()
            elif not model.has_more():
                scroller.stop()
                app.processEvents()
                rss = psutil.Process().memory_info().rss / 2**20
                print(f"rss {rss:.0f} rows {model.rowCount()}", flush=True)
                finish()

        scroller = QTimer(app)
        scroller.setInterval(1)
        scroller.timeout.connect(step)
        scroller.start()

    poll = QTimer(app)
    poll.setInterval(1)
    poll.timeout.connect(check)
    if login_dialog:  # the real start: the flow shows the login dialog, ready for typing
        flow.start()
        mark("login_dialog")
        when_idle(lambda: ready(app, stay))
    else:
        tasks.run(accounts.authenticate, desk, username, password or "", on_done=logged_in)
    try:
        return app.exec()
    finally:
        tasks.shutdown()
        desk.close()


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    parser = argparse.ArgumentParser(description="start the window for a measurement")
    parser.add_argument("data_dir", nargs="?", help="the desk's data folder (not with --bare)")
    parser.add_argument("--as", dest="username", default="admin", help="the operator who logs in")
    parser.add_argument("--bare", action="store_true", help="an empty QMainWindow instead")
    parser.add_argument("--login-dialog", action="store_true", help="stop at the login dialog")
    parser.add_argument("--scroll-cases", action="store_true", help="then scroll the cases list to its end")
    parser.add_argument("--stay", action="store_true", help="keep the window open")
    args = parser.parse_args(argv)
    if args.bare:
        return bare(args.stay)
    if not args.data_dir:
        parser.error("the data folder is needed")
    if __package__ in (None, ""):
        sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    return desk_window(args.data_dir, args.username, args.scroll_cases, args.stay, args.login_dialog)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
