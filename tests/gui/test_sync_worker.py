"""The window's sync worker and its status-bar widget against the real district server: pending
work shown and pushed, the server away and back, the automatic rounds, a large round with
progress that can be stopped, the desk locked during a round, a clean stop — and no sync or
network call ever made on the UI thread."""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any

import pytest
from district_server import DistrictServer
from service_helpers import Env, intake, new_case, party
from sqlalchemy import select
from sync_gui_helpers import (  # noqa: F401  (fixtures)
    calls_on_threads,
    desk_env,
    district,
    page,
    settle,
    status_widget,
    sync_from_page,
    worker,
)
from sync_helpers import (
    bulk_offline_work,
    district_db,
    enroll,
    issue_code,
    pending,
    server_applied,
    server_cases,
    unlock,
)

from mediation_desk.district import server_key
from mediation_desk.district.models import CaseFile
from mediation_desk.gui.pages.sync_page import SyncPage
from mediation_desk.gui.settings import DeskSettings
from mediation_desk.gui.sync_schedule import interval_from_settings
from mediation_desk.gui.sync_status import SyncStatusWidget
from mediation_desk.gui.sync_worker import RoundOutcome, SyncWorker
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.mediation import intake as intake_service
from mediation_desk.mediation import states, workflow
from mediation_desk.sync import api as sync_api
from mediation_desk.sync import case_file, credentials

QUIET = 3600.0  # no automatic round during the test unless it asks for one


def test_pending_work_is_shown_then_pushed_by_sync_now(
    qtbot: Any,
    district: DistrictServer,
    desk_env: Env,
    worker: SyncWorker,
    page: SyncPage,
    status_widget: SyncStatusWidget,
    tasks: TaskManager,
) -> None:
    enroll(district, desk_env)
    worker.set_interval(QUIET)
    worker.start(first_round_after_s=QUIET)
    qtbot.waitUntil(lambda: worker.status is not None and worker.status.enrolled)
    before = worker.status.pending_ops  # the committee itself waits to go up too
    assert "尚未同步" in status_widget.text and f"待推送 {before}" in status_widget.text

    # A case saved through the window's task helper: the widget follows without being asked.
    tasks.run(intake_service.open_case, desk_env.desk, desk_env.admin, intake())
    qtbot.waitUntil(lambda: worker.status is not None and worker.status.pending_ops > before, timeout=10_000)
    waiting = worker.status.pending_ops
    assert waiting == pending(desk_env) and f"待推送 {waiting}" in status_widget.text
    assert "从未成功同步" in status_widget.text

    outcome = sync_from_page(qtbot, page)
    assert outcome.report is not None and outcome.report.applied == waiting and not outcome.automatic
    assert "在线" in status_widget.text and "待推送 0" in status_widget.text
    assert "上次成功" in status_widget.text and ":" in status_widget.text.split("上次成功")[1]
    assert page.ui.pendingValue.text() == "0 条" and "同步完成" in page.ui.roundMessage.text()
    clicked: list[bool] = []
    status_widget.open_requested.connect(lambda: clicked.append(True))
    status_widget.button.click()
    assert clicked == [True]


def test_the_server_away_shows_offline_and_the_work_goes_up_when_it_is_back(
    qtbot: Any, district: DistrictServer, desk_env: Env, page: SyncPage, status_widget: SyncStatusWidget
) -> None:
    enroll(district, desk_env)
    assert sync_from_page(qtbot, page).report.online
    district.stop()
    case_id = new_case(desk_env)
    outcome = sync_from_page(qtbot, page)
    assert outcome.report is not None and outcome.report.online is False and outcome.report.pending > 0
    assert "离线" in status_widget.text and "离线" in page.ui.stateValue.text()
    assert "未能连接区服务器" in page.ui.roundMessage.text() and "待推送 0" not in status_widget.text

    district.start()  # the same address again
    back = sync_from_page(qtbot, page)
    assert back.report.online and back.report.pending == 0
    assert case_id in server_cases(district, "XT-001")
    assert "在线" in status_widget.text and "待推送 0" in status_widget.text


def test_the_interval_is_chosen_on_the_page_and_kept(page: SyncPage, worker: SyncWorker, desk_env: Env) -> None:
    assert worker.interval_s == 5 * 60 and page.ui.intervalSpin.value() == 5
    page.ui.intervalSpin.setValue(15)
    assert worker.interval_s == 15 * 60
    assert interval_from_settings(DeskSettings(desk_env.desk.paths.config)) == 15 * 60  # the next start too
    page.ui.intervalSpin.setValue(0)  # below the range: the box keeps the smallest allowed
    assert page.ui.intervalSpin.value() == 1 and worker.interval_s == 60


def test_a_rate_limited_round_waits_as_long_as_the_district_asked(worker: SyncWorker) -> None:
    def outcome(retry_after_s: int | None) -> RoundOutcome:
        report = sync_api.SyncReport(
            online=True, pushed=0, applied=0, duplicates=0, rejected=0, conflicts=0, held=0, pulled=0,
            own_updated=0, status_changes=0, reference_updated=False, pending=3, open_issues=0,
            started_at=dt.datetime.now(dt.UTC), duration_s=0.1, last_success=None,
            error="区里暂时拒绝了过于频繁的请求" if retry_after_s else None,
            error_code="rate_limited" if retry_after_s else None, retry_after_s=retry_after_s,
        )  # fmt: skip
        return RoundOutcome(automatic=True, report=report)

    assert worker._next_round_after(outcome(None)) == worker.interval_s
    assert worker._next_round_after(outcome(10)) == worker.interval_s  # sooner than the interval anyway
    assert worker._next_round_after(outcome(3600)) == 3600


def test_the_timer_runs_rounds_by_itself(
    qtbot: Any, district: DistrictServer, desk_env: Env, worker: SyncWorker
) -> None:
    enroll(district, desk_env)
    with pytest.raises(ValueError):
        worker.set_interval(0)  # a bad interval is refused, the old one stays
    seen: list[Any] = []
    worker.round_finished.connect(seen.append)
    worker.set_interval(0.3)
    new_case(desk_env)
    worker.start(first_round_after_s=0.1)
    qtbot.waitUntil(lambda: len(seen) >= 2, timeout=30_000)
    assert all(o.automatic and o.report is not None and o.report.online for o in seen)
    assert pending(desk_env) == 0


def test_a_large_round_shows_progress_and_can_be_stopped(
    qtbot: Any, district: DistrictServer, desk_env: Env, page: SyncPage, status_widget: SyncStatusWidget
) -> None:
    enroll(district, desk_env)
    bulk_offline_work(desk_env, 300)  # 1,500 ops: three batches
    ops = pending(desk_env)

    def stop_at_once(_automatic: bool) -> None:
        page.ui.cancelRoundButton.click()  # the round stops at its first batch's end

    page.worker.round_started.connect(stop_at_once)
    outcome = sync_from_page(qtbot, page)
    page.worker.round_started.disconnect(stop_at_once)
    assert outcome.cancelled and "已停止" in page.ui.roundMessage.text()
    left = pending(desk_env)
    assert 0 < left < ops  # what was recorded stays recorded

    progress: list[tuple[int, int, str]] = []
    shown: list[bool] = []

    def watch(*args: Any) -> None:
        progress.append(args)
        shown.append(status_widget.bar.isVisible() and page.ui.roundProgress.isVisible())

    page.worker.progress.connect(watch)
    finished = sync_from_page(qtbot, page)
    assert finished.report.online and finished.report.pending == 0
    assert progress[0][1] == left and progress[0][2] == "push" and progress[-1][2] == "pull"
    assert all(shown)
    assert not status_widget.bar.isVisible() and not page.ui.roundProgress.isVisible()
    applied, _, _ = server_applied(district)
    assert len(applied) == ops  # none lost, none twice


def test_locking_the_desk_during_a_round_stops_it_calmly_and_the_file_goes_up_whole(
    qtbot: Any, district: DistrictServer, desk_env: Env, page: SyncPage, tasks: TaskManager
) -> None:
    enroll(district, desk_env)
    bulk_offline_work(desk_env, 300)
    case_id = new_case(desk_env, party("赵德胜", 41), party("钱秀英", 42))
    workflow.transition(
        desk_env.desk, desk_env.admin, case_id, states.ESCALATED, reason="涉及宅基地权属", escalate_to="town"
    )
    locks: list[bool] = []

    def lock_once(*_args: Any) -> None:
        if not locks:
            locks.append(page.worker.running)
            tasks.run(desk_env.desk.lock)  # as Ctrl+L does: on the desk worker, whatever the round does

    page.worker.progress.connect(lock_once)
    outcome = sync_from_page(qtbot, page)
    assert locks == [True] and desk_env.desk.vault is None
    assert outcome.error is None or outcome.locked  # ended by itself or stopped calmly: never a crash
    assert "意外" not in page.ui.roundMessage.text()

    unlock(desk_env)  # someone logs in again
    for _ in range(3):
        if sync_from_page(qtbot, page).report.pending == 0:
            break
    assert pending(desk_env) == 0
    with district_db(district) as db, db.read() as s:
        [stored] = s.scalars(select(CaseFile).where(CaseFile.case_id == case_id)).all()
        keys = server_key.ServerKeys.from_file(server_key.key_file_for(district.database_url, district.key_file))
        content = keys.open_json(str(stored.key_id), stored.sealed, stored.id)
        people = {p["person"]["name"]: p["person"] for p in content["parties"]}
    assert people["赵德胜"]["id_number"] == party("赵德胜", 41)["id_number"]
    assert people["钱秀英"]["phone"] == party("钱秀英", 42)["phone"]


def test_a_lock_wipes_the_key_a_round_is_using_and_the_token_with_it(desk_env: Env) -> None:
    case_id = new_case(desk_env, party("赵德胜", 41), party("钱秀英", 42))
    desk = desk_env.desk
    mark = desk.session.mark()  # as the worker takes it when a round starts
    key_in_use = desk.vault  # what a batch of the round holds while it builds a case file
    credentials.use_for_session(desk, "a-token-typed-by-the-clerk")
    assert credentials.token(desk) == "a-token-typed-by-the-clerk" and not desk.session.locked_since(mark)
    desk.lock()
    assert desk.session.locked_since(mark) and desk.vault is None
    assert desk.session.token() == (None, None) and credentials.token(desk) is None
    with desk.read() as s, pytest.raises(ValueError):
        case_file.build_case_file(s, case_id, key_in_use)  # never a file without the parties' details


def test_stop_ends_a_round_in_progress_and_no_round_follows(
    qtbot: Any, district: DistrictServer, desk_env: Env, worker: SyncWorker
) -> None:
    enroll(district, desk_env)
    bulk_offline_work(desk_env, 200)
    worker.set_interval(0.2)
    with qtbot.waitSignal(worker.round_started, timeout=10_000):
        assert worker.sync_now() and not worker.sync_now()  # one round at a time
    worker.stop()  # returns once the round has stopped at its first batch
    assert worker.stopped and not worker.sync_now() and not worker.round_timer.isActive()
    assert pending(desk_env) > 0  # it did not carry on to the end
    qtbot.waitUntil(lambda: worker.last_outcome is not None)
    assert worker.last_outcome.cancelled and not worker.round_timer.isActive()
    worker.stop()  # twice is harmless


def test_no_sync_or_network_call_runs_on_the_ui_thread(
    qtbot: Any,
    district: DistrictServer,
    desk_env: Env,
    worker: SyncWorker,
    page: SyncPage,
    status_widget: SyncStatusWidget,
    tasks: TaskManager,
) -> None:
    with calls_on_threads() as calls:
        worker.set_interval(QUIET)
        worker.start(first_round_after_s=QUIET)
        code = issue_code(district, committee_code="XT-001")
        with qtbot.waitSignal(worker.round_finished, timeout=60_000):
            page.ui.serverUrlEdit.setText(district.url)
            page.ui.codeEdit.setText(code)
            page.ui.enrollButton.click()
        settle(qtbot, page)
        tasks.run(new_case, desk_env)
        qtbot.waitUntil(lambda: worker.status is not None and worker.status.pending_ops > 0, timeout=10_000)
        sync_from_page(qtbot, page)
        page.refresh()
        settle(qtbot, page)
    names = {name for name, _ in calls}
    assert {"enroll", "sync_once", "sync_status", "list_issues", "list_district_cases", "http"} <= names
    on_ui_thread = [name for name, thread in calls if thread is threading.main_thread()]
    assert on_ui_thread == []
    assert {thread.name.split("_")[0] for name, thread in calls if name in ("sync_once", "enroll")} == {"district-sync"}
