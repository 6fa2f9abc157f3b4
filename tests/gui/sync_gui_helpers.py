"""Helpers of the window's sync tests: a real district server on 127.0.0.1 (on SQLite), desks of
their own, the sync worker, the 同步 page and the status-bar widget, and waits for the work that
runs on the desk worker and the sync thread."""

from __future__ import annotations

import functools
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from PySide6.QtCore import Qt

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sync"))  # the sync tests' own helpers

from district_server import DistrictServer
from service_helpers import Env
from sync_helpers import FAST, make_desk, prepare_district

from mediation_desk.gui.pages import sync_district
from mediation_desk.gui.pages.sync_page import SyncPage
from mediation_desk.gui.settings import DeskSettings
from mediation_desk.gui.sync_status import SyncStatusWidget
from mediation_desk.gui.sync_worker import RoundOutcome, SyncWorker
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.sync import api as sync_api

ROUND_TIMEOUT_MS = 60_000


@pytest.fixture
def district(tmp_path: Path) -> Iterator[DistrictServer]:
    """The district server on a SQLite file, with the towns and committees of the sync tests."""
    server = DistrictServer(f"sqlite:///{tmp_path / 'district.sqlite3'}", log_path=tmp_path / "district.log")
    server.start()
    try:
        yield prepare_district(server)
    finally:
        server.stop()


@pytest.fixture
def desk_env(tmp_path: Path) -> Iterator[Env]:
    """Seat 1 of 谢家塘村 (XT-001), its 主任 logged in."""
    env = make_desk(tmp_path / "a")
    try:
        yield env
    finally:
        env.desk.close()


@pytest.fixture
def worker(desk_env: Env, tasks: TaskManager, qtbot: Any) -> Iterator[SyncWorker]:
    sync_worker = SyncWorker(desk_env.desk, tasks, options=FAST)
    yield sync_worker
    sync_worker.stop()
    qtbot.waitUntil(lambda: not tasks.busy)


def make_page(qtbot: Any, env: Env, tasks: TaskManager, worker: SyncWorker) -> SyncPage:
    page = SyncPage(env.desk, tasks, worker, DeskSettings(env.desk.paths.config), env.admin)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    settle(qtbot, page)
    return page


@pytest.fixture
def page(qtbot: Any, desk_env: Env, tasks: TaskManager, worker: SyncWorker) -> SyncPage:
    return make_page(qtbot, desk_env, tasks, worker)


@pytest.fixture
def status_widget(qtbot: Any, worker: SyncWorker) -> SyncStatusWidget:
    widget = SyncStatusWidget(worker)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def settle(qtbot: Any, page: SyncPage) -> None:
    """Everything the page asked for has come back (status, problems, district cases)."""
    qtbot.waitUntil(lambda: not page.busy and not page.tasks.busy, timeout=ROUND_TIMEOUT_MS)


def sync_from_page(qtbot: Any, page: SyncPage) -> RoundOutcome:
    """Click 立即同步 (once the page knows the desk may sync) and wait for the round and what the
    page reads after it."""
    page.worker.refresh_status()
    qtbot.waitUntil(page.ui.syncNowButton.isEnabled, timeout=ROUND_TIMEOUT_MS)
    with qtbot.waitSignal(page.worker.round_finished, timeout=ROUND_TIMEOUT_MS) as finished:
        page.ui.syncNowButton.click()
    settle(qtbot, page)
    return finished.args[0]


def enroll_from_page(qtbot: Any, page: SyncPage, url: str, code: str, ca_bundle: str = "") -> None:
    """Fill the enrollment form and press Enter in the code field; waits for the answer."""
    ui = page.ui
    ui.serverUrlEdit.setText(url)
    ui.caBundleEdit.setText(ca_bundle)
    ui.codeEdit.setText(code)
    ui.codeEdit.setFocus()
    qtbot.keyClick(ui.codeEdit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not page.enrolling, timeout=ROUND_TIMEOUT_MS)


# The desk's sync calls and the network, watched for the thread they run on.
WATCHED_SYNC_CALLS = (
    "enroll",
    "sync_once",
    "sync_status",
    "list_issues",
    "resolve_issue",
    "list_district_cases",
    "use_token_for_session",
)


@contextmanager
def calls_on_threads() -> Iterator[list[tuple[str, threading.Thread]]]:
    """Every sync call and HTTP request made inside the block, with the thread that made it (the
    real functions run: they are only watched)."""
    calls: list[tuple[str, threading.Thread]] = []

    def watched(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def call(*args: Any, **kwargs: Any) -> Any:
            calls.append((name, threading.current_thread()))
            return fn(*args, **kwargs)

        return call

    with pytest.MonkeyPatch.context() as patch:
        for name in WATCHED_SYNC_CALLS:
            patch.setattr(sync_api, name, watched(name, getattr(sync_api, name)))
        patch.setattr(sync_district, "take_over_case", watched("take_over_case", sync_district.take_over_case))
        patch.setattr(httpx.Client, "send", watched("http", httpx.Client.send))
        yield calls
