"""A bracelet alarm from end to end, every part real: a district server with its bracelet gateway
(`serve --gateway-port 0`), a village desk enrolled with it and a wearer sent up, the window open
with its alarm stream connected; a simulated bracelet opens a TCP connection and presses SOS
(an `AL` frame, no GPS fix). The alarm appears in the window's banner, is opened with 查看,
acknowledged, dispatched and resolved through the window's buttons and dialogs — a bracelet id
typed wrong, and an empty outcome, refused on the way — and the district's record of the alarm
ends resolved with this desk's outcome, pushed by the window itself right after each move."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

# The sync tests' desks and district (tests/sync/sync_helpers.py).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sync"))

from district_server import DistrictServer
from service_helpers import Env
from sqlalchemy import select
from sync_helpers import FAST, district_db, enroll, make_desk, prepare_district

from mediation_desk.alarms import handling, rules
from mediation_desk.alarms.dto import ContactInput
from mediation_desk.alarms.wearers import enrol_wearer
from mediation_desk.district.alarm_simulator import SOS_STATUS, Simulator
from mediation_desk.district.models import Record
from mediation_desk.errors import ValidationError
from mediation_desk.gui.main_window import MainWindow
from mediation_desk.gui.settings import DeskSettings
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.sync import api as sync_api

DEVICE = "8613800042"
WAIT_MS = 60_000
OUTCOME = "老人在家中跌倒，村医陈德明上门处理，无大碍"


@pytest.fixture
def district(tmp_path: Path) -> Iterator[DistrictServer]:
    server = DistrictServer(
        f"sqlite:///{tmp_path / 'district.sqlite3'}",
        log_path=tmp_path / "district.log",
        serve_options=["--gateway-port", "0"],
    )
    server.start()
    try:
        assert server.gateway_port, server.log_tail()
        yield prepare_district(server)
    finally:
        server.stop()


@pytest.fixture
def village(tmp_path: Path, district: DistrictServer) -> Iterator[Env]:
    """谢家塘村's desk, enrolled, with 谢阿婆 wearing bracelet DEVICE, known to the district."""
    env = make_desk(tmp_path / "desk")
    try:
        enroll(district, env)
        with pytest.raises(ValidationError) as typed_wrong:
            enrol(env, "86-138")
        assert typed_wrong.value.problems[0].field == "device_id"
        enrol(env, DEVICE)
        report = sync_api.sync_once(env.desk, options=FAST)
        assert report.online and report.error is None and report.rejected == 0, report
        yield env
    finally:
        env.desk.close()


def enrol(env: Env, device_id: str) -> None:
    enrol_wearer(
        env.desk,
        env.admin,
        name="谢阿婆",
        id_number=None,
        phone=None,
        address="谢塘镇谢家塘村 12 号",
        living_alone=True,
        device_id=device_id,
        contacts=[
            ContactInput("relative", "谢建国", "儿子", "13900000001"),
            ContactInput("doctor", "陈德明", "村医", "0575-82160101"),
        ],
        exception_reason="独居，行动不便",
    )


async def press_sos(port: int) -> float:
    """A bracelet connects and presses SOS; the seconds until the gateway answered the `AL`."""
    sim = Simulator("127.0.0.1", port, heartbeat_every_s=None)
    try:
        await sim.connect([DEVICE])
        return await sim.alarm(DEVICE, status=SOS_STATUS, timeout=30)
    finally:
        await sim.close()


def district_alarm(district: DistrictServer) -> Record | None:
    with district_db(district) as db, db.read() as s:
        found = s.scalars(select(Record).where(Record.entity == rules.ALARM)).first()
        if found is not None:
            s.expunge(found)
        return found


def test_a_bracelet_alarm_travels_to_the_window_and_is_answered_there(
    qtbot: Any, district: DistrictServer, village: Env, tasks: TaskManager, messages: Any
) -> None:
    window = MainWindow(village.desk, tasks, DeskSettings(village.desk.paths.config), village.admin)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    console = window.alarm_console
    bridge = console.bridge
    qtbot.waitUntil(lambda: bridge.state is not None and bridge.state.connected, timeout=WAIT_MS)
    assert not console.banner.isVisible()

    assert district.gateway_port is not None
    asyncio.run(press_sos(district.gateway_port))  # answered once the district has recorded it

    qtbot.waitUntil(lambda: console.banner.isVisible() and bool(console.banner.row_texts()), timeout=WAIT_MS)
    [row] = console.banner.row_texts()
    assert "谢阿婆" in row and "一键呼救" in row and "迟到" not in row
    assert console.sound.ringing
    qtbot.mouseClick(console.banner.rows[0].open_button, Qt.MouseButton.LeftButton)  # 查看
    tab = window.alarms.alarms
    assert window.current_page() is window.alarms
    qtbot.waitUntil(lambda: tab.card is not None and tab.ack_button.isEnabled(), timeout=WAIT_MS)
    card = tab.card_view.toPlainText()
    assert "13900000001" in card and "无定位" in card  # the son's number in full, to call

    qtbot.mouseClick(tab.ack_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not console.banner.isVisible(), timeout=WAIT_MS)
    assert not console.sound.ringing
    qtbot.waitUntil(lambda: tab.dispatch_button.isEnabled(), timeout=WAIT_MS)
    qtbot.mouseClick(tab.dispatch_button, Qt.MouseButton.LeftButton)
    dispatch = tab.dialog
    assert dispatch is not None
    dispatch.set_text("陈德明（村医）")
    dispatch.button_box.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not dispatch.isVisible() and tab.resolve_button.isEnabled(), timeout=WAIT_MS)

    qtbot.mouseClick(tab.resolve_button, Qt.MouseButton.LeftButton)
    resolve = tab.dialog
    assert resolve is not None and resolve is not dispatch
    ok = resolve.button_box.button(QDialogButtonBox.StandardButton.Ok)
    ok.click()
    assert resolve.error.text() == "处置结果不能为空" and resolve.isVisible()
    resolve.set_text(OUTCOME)
    ok.click()  # confirmed (the test's message boxes answer yes)
    qtbot.waitUntil(lambda: not resolve.isVisible(), timeout=WAIT_MS)
    assert any("不能再更改" in text for text in messages.texts("question"))

    # The window pushes each move at once; the district's record follows.
    def resolved_at_district() -> bool:
        record = district_alarm(district)
        return record is not None and record.status == rules.RESOLVED

    qtbot.waitUntil(resolved_at_district, timeout=WAIT_MS)
    record = district_alarm(district)
    assert record is not None
    assert record.data["outcome"] == OUTCOME and record.data["dispatched_to"] == "陈德明（村医）"
    assert record.data["acknowledged_by"] and record.data["has_fix"] is False
    qtbot.waitUntil(
        lambda: not handling.get_alarm(village.desk, village.admin, record.entity_id).pending_push, timeout=WAIT_MS
    )
    window.close()
    qtbot.waitUntil(lambda: not tasks.busy, timeout=WAIT_MS)
    assert not bridge.running
