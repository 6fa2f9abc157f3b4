"""The declarations tab on a town's desk, against the real district server: the villages' approved
declarations listed with masked names, approved and turned down by the town (confirmed first),
the coins reaching the village's desk with its next sync; the calls made on the sync thread, never
on the window's; an unreachable district said plainly, nothing changed."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from district_server import DistrictServer
from PySide6.QtCore import Qt
from service_helpers import Env
from sync_gui_helpers import district  # noqa: F401  (fixture)
from sync_helpers import FAST, enroll, make_desk, sync_until_quiet

from mediation_desk.core.uow import china_today
from mediation_desk.gui.pages.points_page import PointsPage
from mediation_desk.gui.pages.points_town import C_NOTE, C_SHORTFALL, COINS, ITEM, RESIDENT
from mediation_desk.gui.sync_worker import SyncWorker
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.points import declarations, gifts, ledger, residents, rules, shop
from mediation_desk.sync import town_points

TOWN = "谢塘镇"
TIMEOUT_MS = 60_000


@pytest.fixture
def village(tmp_path: Any, district: DistrictServer) -> Iterator[Env]:
    """谢家塘村's desk, enrolled, with 王小芳's two declarations approved by the village and sent."""
    env = make_desk(tmp_path / "village")
    try:
        enroll(district, env)
        yield env
    finally:
        env.desk.close()


@pytest.fixture
def town(tmp_path: Any, district: DistrictServer) -> Iterator[Env]:
    env = make_desk(tmp_path / "town", "XT-002")
    try:
        enroll(district, env, town=TOWN)
        yield env
    finally:
        env.desk.close()


@pytest.fixture
def town_page(qtbot: Any, town: Env, tasks: TaskManager) -> Iterator[PointsPage]:
    worker = SyncWorker(town.desk, tasks, options=FAST)
    page = PointsPage(town.desk, tasks, town.admin, sync_worker=worker)
    qtbot.addWidget(page)
    page.show()
    page.show_tab(page.declarations)
    yield page
    worker.stop()
    qtbot.waitUntil(lambda: not tasks.busy)


def approved_declarations(env: Env) -> tuple[str, dict[str, str]]:
    household = residents.add_household(env.desk, env.admin, label="王小芳户", village_group="一组")
    rid = residents.add_resident(env.desk, env.admin, name="王小芳", village_group="一组", household_id=household.id).id
    made = {}
    for item, days_ago in (("hazard_report", 0), ("patrol", 1)):
        day = china_today() - dt.timedelta(days=days_ago)
        d = declarations.declare(env.desk, env.admin, resident_id=rid, item_code=item, activity_date=day)
        declarations.review(env.desk, env.admin, d.id, approve=True)
        made[item] = d.id
    sync_until_quiet(env)
    return rid, made


def town_loaded(qtbot: Any, page: PointsPage) -> None:
    section = page.declarations.town
    section.loaded = False
    page.refresh()
    qtbot.waitUntil(lambda: section.loaded and not section.busy and not page.tasks.busy, timeout=TIMEOUT_MS)


def test_the_town_reviews_its_villages_declarations_on_the_sync_thread(
    qtbot: Any,
    town_page: PointsPage,
    village: Env,
    messages: Any,
    type_text: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rid, _made = approved_declarations(village)
    threads: list[str] = []
    listing = town_points.town_declarations

    def watched(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread().name)
        return listing(*args, **kwargs)

    monkeypatch.setattr(town_points, "town_declarations", watched)
    town_loaded(qtbot, town_page)
    tab = town_page.declarations
    u = tab.ui
    assert u.modeStack.currentWidget() is u.townPage
    assert threads and all(name.startswith("district-sync") for name in threads)
    assert u.townTable.rowCount() == 2
    cells = {u.townTable.item(r, ITEM).text(): u.townTable.item(r, COINS).text() for r in range(2)}
    assert cells == {"报告安全隐患（经核实）": "+3", "参加平安巡防": "+2"}
    assert {u.townTable.item(r, RESIDENT).text() for r in range(2)} == {"王*芳"}  # masked

    row = next(r for r in range(2) if u.townTable.item(r, ITEM).text() == "报告安全隐患（经核实）")
    u.townTable.selectRow(row)
    u.townApproveButton.click()
    qtbot.waitUntil(lambda: u.townTable.rowCount() == 1 and not tab.town.busy, timeout=TIMEOUT_MS)
    assert any("不能撤销" in text for text in messages.texts("question"))

    u.townTable.selectRow(0)
    dialog = tab.town.reject()
    assert dialog is not None
    type_text(dialog.ui.reason, "no photo")
    qtbot.keyClick(dialog.ui.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: u.townTable.rowCount() == 0 and not tab.town.busy, timeout=TIMEOUT_MS)
    assert "已提交到区里" in u.statusLabel.text()

    sync_until_quiet(village)  # the village hears the town's answers with its next sync
    statuses = {d.item_code: d.status for d in declarations.list_declarations(village.desk, village.admin)}
    assert statuses == {"hazard_report": rules.TOWN_APPROVED, "patrol": rules.TOWN_REJECTED}
    with village.desk.read() as s:
        assert ledger.balance_of(s, rid) == 3


def test_an_unreachable_district_is_said_plainly(
    qtbot: Any,
    town_page: PointsPage,
    district: DistrictServer,
) -> None:
    district.stop()
    town_loaded(qtbot, town_page)
    tab = town_page.declarations
    assert tab.ui.modeStack.currentWidget() is tab.ui.townPage
    assert "连不上区社会治理中心" in tab.ui.offlineLabel.text()
    assert tab.ui.townTable.rowCount() == 0 and not tab.ui.townApproveButton.isEnabled()


def test_the_town_settles_a_redemption_two_desks_made_offline(
    qtbot: Any, tmp_path: Any, town_page: PointsPage, village: Env, town: Env, district: DistrictServer, messages: Any
) -> None:
    second = make_desk(tmp_path / "second", "XT-001", seat=2)
    try:
        enroll(district, second)
        rid, made = approved_declarations(village)
        for declaration_id in made.values():
            town_points.town_review(town.desk, town.admin, declaration_id, approve=True, options=FAST)
        for env in (village, second, village):
            sync_until_quiet(env)
        for env in (village, second):  # each desk sees 5 coins and, offline, hands over a gift of 4
            gift = gifts.add_gift(env.desk, env.admin, name="洗衣液", price=4, stock=5)
            shop.redeem(env.desk, env.admin, resident_id=rid, gift_id=gift.id, off_day_reason="村民临时需要")
        for env in (village, second, village):
            sync_until_quiet(env)

        town_loaded(qtbot, town_page)
        u = town_page.declarations.ui
        assert u.conflictTable.rowCount() == 1
        assert u.conflictTable.item(0, C_SHORTFALL).text() == "3" and "洗衣液" in u.conflictTable.item(0, C_NOTE).text()
        u.conflictTable.selectRow(0)
        dialog = town_page.declarations.town.resolve()
        assert dialog is not None and "透支 3 绿币" in dialog.ui.conflictLabel.text()
        dialog.ui.resolution.setCurrentIndex(dialog.ui.resolution.findData(rules.TOWN_COVERS))
        dialog.ui.reason.setText("town covers it")
        qtbot.keyClick(dialog.ui.reason, Qt.Key.Key_Return)
        section = town_page.declarations.town
        qtbot.waitUntil(lambda: u.conflictTable.rowCount() == 0 and not section.busy, timeout=TIMEOUT_MS)
        assert any("处理后不能撤销" in text for text in messages.texts("question"))
        for env in (village, second):
            sync_until_quiet(env)
            assert ledger.list_conflicts(env.desk, env.admin) == []
            with env.desk.read() as s:
                assert ledger.balance_of(s, rid) == 0  # 5 − 4 − 4 + 3 covered by the town
    finally:
        second.desk.close()
