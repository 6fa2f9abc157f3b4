"""The 同步问题 and 区里的案件 tabs against the real district server: a conflicting status change
listed with both sides and settled on the page (refusals named, a confirmation first); the cases
of the committee's other desks; a town's desk seeing its villages and taking an escalated case
over, which the village's desk then learns."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from district_server import DistrictServer
from PySide6.QtWidgets import QMessageBox
from service_helpers import Env, case_row, new_case, party
from sqlalchemy import select
from sync_gui_helpers import (  # noqa: F401  (fixtures)
    calls_on_threads,
    desk_env,
    district,
    enroll_from_page,
    make_page,
    settle,
    sync_from_page,
)
from sync_helpers import (
    FAST,
    enroll,
    issue_code,
    make_desk,
    restored_desk_declines,
    sync,
)

from mediation_desk.core.models import AuditRecord
from mediation_desk.gui.pages.sync_district import ESCALATED, WAITING
from mediation_desk.gui.pages.sync_page import DISTRICT_TAB, ISSUES_TAB, SyncPage
from mediation_desk.gui.sync_worker import SyncWorker
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.mediation import states, workflow
from mediation_desk.sync import api


@pytest.fixture
def open_page(qtbot: Any, tasks: TaskManager) -> Iterator[Any]:
    """`open_page(env)`: a sync worker and the 同步 page for that desk, stopped after the test."""
    workers: list[SyncWorker] = []

    def open_for(env: Env) -> SyncPage:
        worker = SyncWorker(env.desk, tasks, options=FAST)
        workers.append(worker)
        return make_page(qtbot, env, tasks, worker)

    yield open_for
    for worker in workers:
        worker.stop()
    qtbot.waitUntil(lambda: not tasks.busy)


def table_rows(table: Any) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_a_conflict_is_listed_with_both_sides_and_settled_on_the_page(
    qtbot: Any, district: DistrictServer, desk_env: Env, tmp_path: Path, open_page: Any, messages: Any
) -> None:
    case_id = restored_desk_declines(district, desk_env, tmp_path)  # the desk says 不予调解, the district 调解中
    page = open_page(desk_env)
    outcome = sync_from_page(qtbot, page)
    assert outcome.report.conflicts == 1 and "冲突 1" in page.ui.roundMessage.text()
    assert page.ui.issuesValue.text() == "1 个"
    page.ui.showIssuesButton.click()
    ui = page.ui
    assert ui.tabs.currentIndex() == ISSUES_TAB
    [row] = table_rows(ui.issuesTable)
    assert "冲突" in row[1] and "不予调解" in row[2] and row[4] == "待处理"
    assert "已派单 → 不予调解" in ui.mineValue.text() and "状态：调解中" in ui.districtStateValue.text()
    assert all(radio.isVisible() and radio.isEnabled() for radio in page.issues.radios.values())

    ui.resolveButton.click()  # no choice yet
    assert "请选择处理方式" in ui.choiceError.text() and messages.shown == []
    ui.dismissRadio.click()
    assert "须写明原因" in ui.choiceEffect.text()
    ui.resolveButton.click()  # 知悉并关闭 needs a note: asked for before anything else
    assert "须写明原因" in ui.noteError.text() and messages.shown == []

    ui.reapplyRadio.click()  # the case's rules do not allow 调解中 → 不予调解: refused, nothing saved
    ui.resolveButton.click()
    settle(qtbot, page)
    assert "重新提交本机的变更" in messages.texts("question")[-1]
    assert "未处理" in ui.resolveStatus.text() and "不能从" in ui.resolveStatus.text()
    assert len(api.list_issues(desk_env.desk, desk_env.admin)) == 1

    ui.keepServerRadio.click()
    messages.answer = QMessageBox.StandardButton.No  # thought better of it
    ui.resolveButton.click()
    settle(qtbot, page)
    assert "不能撤销" in messages.texts("question")[-1] and len(api.list_issues(desk_env.desk, desk_env.admin)) == 1

    messages.answer = QMessageBox.StandardButton.Yes
    ui.keepServerRadio.click()
    ui.resolveButton.click()
    settle(qtbot, page)
    assert "已处理" in ui.resolveStatus.text() and ui.issuesTable.rowCount() == 0
    assert case_row(desk_env.desk, case_id).status == states.IN_MEDIATION
    assert api.list_issues(desk_env.desk, desk_env.admin) == [] and page.ui.issuesValue.text() == "0 个"
    ui.showResolvedCheck.click()
    settle(qtbot, page)
    [row] = table_rows(ui.issuesTable)
    assert "以区里为准" in row[4] and not ui.resolveButton.isEnabled()


def test_the_cases_of_the_committees_other_desks_are_shown_read_only(
    qtbot: Any, district: DistrictServer, desk_env: Env, tmp_path: Path, open_page: Any
) -> None:
    enroll(district, desk_env)
    other = make_desk(tmp_path / "b", "XT-001", seat=2)
    try:
        enroll(district, other)
        elsewhere = new_case(other, party("周明强", 21), party("吴海燕", 22))
        sync(other)
        number = case_row(other.desk, elsewhere).number
    finally:
        other.desk.close()
    page = open_page(desk_env)
    sync_from_page(qtbot, page)
    page.ui.tabs.setCurrentIndex(DISTRICT_TAB)
    ui = page.ui
    rows = table_rows(ui.districtTable)
    assert [r[:3] for r in rows] == [[number, "已受理", "XT-001"]]
    assert not any("周明强" in cell for r in rows for cell in r)  # never a party's name
    assert not ui.takeOverButton.isVisible() and not ui.districtFilter.isVisible()
    assert "其他电脑" in ui.districtNote.text()


def test_a_town_desk_takes_an_escalated_case_over_and_the_village_learns_it(
    qtbot: Any, district: DistrictServer, desk_env: Env, tmp_path: Path, open_page: Any, messages: Any
) -> None:
    enroll(district, desk_env)
    escalated = new_case(desk_env, party("赵德胜", 41), party("钱秀英", 42))
    workflow.transition(
        desk_env.desk, desk_env.admin, escalated, states.ESCALATED, reason="涉及宅基地权属", escalate_to="town"
    )
    still_here = new_case(desk_env)
    sync(desk_env)
    number = case_row(desk_env.desk, escalated).number
    town = make_desk(tmp_path / "town", "XT-002")  # the 谢塘镇 centre's PC
    page = open_page(town)
    try:
        ui = page.ui
        with calls_on_threads() as calls:
            with qtbot.waitSignal(page.worker.round_finished, timeout=60_000):
                enroll_from_page(qtbot, page, district.url, issue_code(district, town="谢塘镇"))
            settle(qtbot, page)
            assert "镇（街道）：谢塘镇" in ui.scopeValue.text()
            ui.tabs.setCurrentIndex(DISTRICT_TAB)
            assert ui.districtFilter.isVisible() and "本镇" in ui.districtNote.text()
            seen = {r[0]: r for r in table_rows(ui.districtTable)}
            assert {number, case_row(desk_env.desk, still_here).number} <= set(seen)
            assert seen[number][1] == "已上报" and "镇（街道）" in seen[number][5] and seen[number][6] == ""

            ui.districtTable.selectRow(list(seen).index(case_row(desk_env.desk, still_here).number))
            assert not ui.takeOverButton.isEnabled()  # not escalated to the town: nothing to take over
            ui.districtFilter.setCurrentIndex(ui.districtFilter.findData(WAITING))
            assert [r[0] for r in table_rows(ui.districtTable)] == [number]
            ui.districtTable.selectRow(0)
            assert ui.takeOverButton.isEnabled()

            messages.answer = QMessageBox.StandardButton.No
            ui.takeOverButton.click()
            assert "不能撤销" in messages.texts("question")[-1] and not page.district.taking_over

            messages.answer = QMessageBox.StandardButton.Yes
            with qtbot.waitSignal(page.worker.round_finished, timeout=60_000):
                ui.takeOverButton.click()
            settle(qtbot, page)
            assert "本镇已接手" in ui.districtStatus.text()
            assert table_rows(ui.districtTable) == []  # none waiting any more
            ui.districtFilter.setCurrentIndex(ui.districtFilter.findData(ESCALATED))
            [row] = table_rows(ui.districtTable)
            assert row[0] == number and row[6].startswith("谢塘镇")
        assert "take_over_case" in {name for name, _ in calls}
        assert all(thread is not threading.main_thread() for _, thread in calls)
        with town.desk.read() as s:
            assert s.scalars(select(AuditRecord).where(AuditRecord.action == "sync.town_take_over")).one()
    finally:
        page.worker.stop()
        qtbot.waitUntil(lambda: not page.tasks.busy)
        town.desk.close()
    sync(desk_env)  # the village's desk pulls the take-over
    view = api.district_state_of_case(desk_env.desk, escalated)
    assert view is not None and view.taken_over_by == "谢塘镇"
