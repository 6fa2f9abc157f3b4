"""Start the desk's window for a measurement, the way `mediation-desk` starts it.

    MEDIATION_DESK_PASSWORD=… python tests/benchmarks/start_window.py DATA_DIR [--as USER]
        [--login-dialog] [--typing-ms N] [--scroll-cases] [--stay]
    python tests/benchmarks/start_window.py --bare

The desk runs through the command line's own entry (`mediation_desk.cli.main` with `--data-dir`):
the real login dialog appears, the person "types" (username and password are filled in; the
login button is pressed after --typing-ms, 2,000 ms by default — a person needs two seconds or
more for a password; 0 presses it at once, before the desk has opened), and once the main window
shows the dashboard's figures and the event loop has nothing left to do it prints

    marks qt=… login_dialog=… desk_opened=… password=… window=… dashboard=… ready=…
    ready <ms> cpu <ms> rss <MB>
    login <ms>            (password given → dashboard shown, Argon2 included)
    stall <ms> <phase>    (the longest the UI thread was away, by the stall probe)

Milliseconds count from the parent's clock in $BENCH_T0 (or this process's start). The stall
probe is a 10 ms timer on the UI thread: the longest gap between two of its ticks, from the
moment the event loop runs (the login dialog on screen) to `ready`.

--login-dialog stops at what a person sees first: the login dialog shown and idle.
--scroll-cases then opens the cases page, scrolls the list to its end and prints `rss <MB> rows <n>`.
--bare shows an empty QMainWindow the same way: the yardstick of design §5."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

T0 = float(os.environ.get("BENCH_T0") or time.time())
marks: list[tuple[str, float]] = []


def now_ms() -> float:
    return (time.time() - T0) * 1000


def mark(name: str) -> None:
    marks.append((name, now_ms()))


def at(name: str) -> float:
    return next(ms for n, ms in marks if n == name)


class StallProbe:
    """A 10 ms timer on the UI thread; remembers the longest gap between its ticks and when."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.last: float | None = None
        self.longest, self.phase = 0.0, "-"
        self.gaps: list[tuple[float, float]] = []  # (gap, when it ended, ms since launch)
        self.on_tick: Callable[[], object] | None = None  # a cheap look at the desk, every tick
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(10)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def tick(self) -> None:
        t = time.perf_counter()
        if self.last is not None:
            gap = (t - self.last) * 1000 - 10  # beyond the timer's own interval
            if gap > 30:
                self.gaps.append((gap, now_ms()))
            if gap > self.longest:
                self.longest, self.phase = gap, marks[-1][0] if marks else "-"
        self.last = t
        if self.on_tick is not None:
            self.on_tick()

    def stop(self) -> None:
        self.timer.stop()


def when_idle(then: Any) -> None:
    """Run `then` once the event loop has handled everything already queued."""
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, then)


def report(probe: StallProbe | None) -> None:
    mark("ready")
    # CPU time of this process (all its threads, interpreter start included): unlike the wall
    # clock it hardly changes when other programs keep the machine busy.
    cpu = time.process_time() * 1000
    print("marks " + " ".join(f"{name}={ms:.0f}" for name, ms in marks), flush=True)
    try:
        import psutil

        rss = f" rss {psutil.Process().memory_info().rss / 2**20:.0f}"
    except ImportError:
        rss = ""
    print(f"ready {marks[-1][1]:.1f} cpu {cpu:.0f}{rss}", flush=True)
    if probe is not None:
        probe.stop()
        print(f"stall {probe.longest:.1f} {probe.phase}", flush=True)
        worst = sorted(probe.gaps, reverse=True)[:5]
        print("stalls " + " ".join(f"{gap:.0f}@{end:.0f}" for gap, end in worst), flush=True)


def bare(stay: bool) -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow

    mark("imports")
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1024, 700)
    window.show()
    probe = StallProbe()
    when_idle(lambda: (report(probe), None if stay else app.quit()))
    return app.exec()


def top_level(kind: str) -> Any:
    """The visible top-level widget of that class name (by name: importing the window's modules
    here would race the desk worker that is importing them)."""
    from PySide6.QtWidgets import QApplication

    for widget in QApplication.topLevelWidgets():
        if type(widget).__name__ == kind and widget.isVisible():
            return widget
    return None


def desk_window(data_dir: str, username: str, typing_ms: int, login_only: bool, scroll: bool, stay: bool) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    password = os.environ.get("MEDIATION_DESK_PASSWORD")
    if not password and not login_only:
        print("MEDIATION_DESK_PASSWORD is not set", file=sys.stderr)
        return 2
    app = QApplication(sys.argv[:1])  # the one the desk's start makes (create_application reuses it)
    mark("qt")
    probe = StallProbe()
    watch = QTimer()
    watch.setInterval(1)

    def finish() -> None:
        if not stay:
            app.quit()

    # Polled every millisecond only while nothing else tells: until the login dialog shows, and
    # from the window's appearance to its figures. Meanwhile the desk works undisturbed (a busy
    # poll would take a core from Argon2, which hashes on both).
    def look_for_dialog() -> None:
        dialog = top_level("LoginDialog")
        if dialog is None:
            return
        watch.stop()
        mark("login_dialog")
        if login_only:
            when_idle(lambda: (report(probe), finish()))
            return
        probe.on_tick = lambda: mark("desk_opened") if dialog.desk_ready and "desk_opened" not in dict(marks) else None
        dialog.ui.usernameEdit.setText(username)
        dialog.ui.passwordEdit.setText(password or "")
        dialog.logged_in.connect(window_shown)  # after the flow's own slot: the window is up then
        QTimer.singleShot(typing_ms, lambda: (mark("password"), dialog.ui.loginButton.click()))

    def window_shown(_actor: object) -> None:
        probe.on_tick = None
        mark("window")
        watch.timeout.disconnect(look_for_dialog)
        watch.timeout.connect(look_for_figures)
        watch.start()

    def look_for_figures() -> None:
        window = top_level("MainWindow")
        # The dashboard's figures are shown: the person can work.
        if window is None or window.dashboard.data is None:
            return
        watch.stop()
        mark("dashboard")

        def done() -> None:
            report(probe)
            print(f"login {at('ready') - at('password'):.1f}", flush=True)
            scroll_cases(window) if scroll else finish()

        when_idle(done)

    def scroll_cases(window: Any) -> None:
        import psutil

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
                print(f"rss {psutil.Process().memory_info().rss / 2**20:.0f} rows {model.rowCount()}", flush=True)
                finish()

        scroller = QTimer(app)
        scroller.setInterval(1)
        scroller.timeout.connect(step)
        scroller.start()

    watch.timeout.connect(look_for_dialog)
    watch.start()
    from mediation_desk.cli import main as desk_main

    return desk_main(["--data-dir", data_dir])


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    parser = argparse.ArgumentParser(description="start the window for a measurement")
    parser.add_argument("data_dir", nargs="?", help="the desk's data folder (not with --bare)")
    parser.add_argument("--as", dest="username", default="admin", help="the operator who logs in")
    parser.add_argument("--bare", action="store_true", help="an empty QMainWindow instead")
    parser.add_argument("--login-dialog", action="store_true", help="stop at the login dialog")
    parser.add_argument("--typing-ms", type=int, default=2000, help="how long the password takes to type")
    parser.add_argument("--scroll-cases", action="store_true", help="then scroll the cases list to its end")
    parser.add_argument("--stay", action="store_true", help="keep the window open")
    args = parser.parse_args(argv)
    if args.typing_ms < 0:
        parser.error("--typing-ms cannot be negative")
    if args.bare:
        return bare(args.stay)
    if not args.data_dir:
        parser.error("the data folder is needed")
    if __package__ in (None, ""):
        sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    return desk_window(args.data_dir, args.username, args.typing_ms, args.login_dialog, args.scroll_cases, args.stay)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
