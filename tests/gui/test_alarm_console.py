"""The alarm console of the window, driven as the clerk on duty would: an alarm arriving by the
stream puts a loud banner over every page (the wearer, what happened, the wait ticking, 「迟到」
for one that came late), rings and tells the tray; 查看 opens it; 接警 → 派单 → 处置完毕 on the
平安手环 page, the outcome mandatory (an empty one refused, saying so, nothing moved) and
confirmed; the banner and the sound go once nobody waits. A stream that is down shows the
「报警通道中断」 bar until it is back; a lock hides everything and stops the stream."""

from __future__ import annotations

import datetime as dt
import wave
from collections.abc import Iterator
from typing import Any

import pytest
from alarm_window_kit import WAIT_MS, arrived, enrol, idle, raise_alarm
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from mediation_desk.alarms import handling, rules
from mediation_desk.core import sync_contract as contract
from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.gui.alarm_sound import AlarmSound, sound_file
from mediation_desk.gui.main_window import MainWindow
from mediation_desk.gui.pages import alarms_common
from mediation_desk.gui.pages.alarms_handling import STATE, WAIT
from mediation_desk.gui.pages.points_residents import selected_key
from mediation_desk.gui.settings import DeskSettings
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.sync import state
from mediation_desk.sync.alarm_stream import StreamState
from mediation_desk.sync.push import SYNC_ACTOR


@pytest.fixture
def window(
    qtbot: Any, desk: Desk, clerk: Actor, tasks: TaskManager, gui_settings: DeskSettings
) -> Iterator[MainWindow]:
    main = MainWindow(desk, tasks, gui_settings, clerk)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    idle(qtbot, main)
    # The real stream has told its state (a desk not enrolled: no district to lose); what a test
    # tells after this is not overtaken by it.
    qtbot.waitUntil(lambda: main.alarm_console.bridge.state is not None, timeout=WAIT_MS)
    yield main
    for dialog in main.findChildren(alarms_common.NoteDialog):
        dialog.close()
    main.close()
    qtbot.waitUntil(lambda: not tasks.busy)


def banner_says(window: MainWindow) -> list[str]:
    banner = window.alarm_console.banner
    return banner.row_texts() if banner.isVisible() else []


def test_the_rule_words_are_the_windows_own() -> None:
    labels = alarms_common.LABELS
    assert labels["kind"] == rules.KINDS and labels["state"] == rules.STATES
    assert labels["task_kind"] == rules.TASK_KINDS and labels["task_status"] == rules.TASK_STATUSES
    assert labels["contact_kind"] == rules.CONTACT_KINDS and labels["source"] == rules.SOURCES


def test_an_alarm_shows_over_every_page_until_it_is_answered(
    qtbot: Any, window: MainWindow, desk: Desk, clerk: Actor
) -> None:
    console = window.alarm_console
    assert not console.banner.isVisible() and not console.sound.ringing
    first = enrol(desk, clerk)
    second = enrol(desk, clerk, "王林根")
    sos = raise_alarm(desk, first, ago_s=3)
    arrived(window, sos)
    qtbot.waitUntil(lambda: len(banner_says(window)) == 1, timeout=WAIT_MS)
    text = banner_says(window)[0]
    assert "谢桂英" in text and "一键呼救" in text and "待接警" in text and "已等待 " in text
    assert "迟到" not in text
    assert console.sound.ringing  # no audio device here: wished for, nothing fails
    assert "谢桂英" in console.last_notice and "请立即接警" in console.last_notice

    window.go_to(window.cases)  # over every page
    fall = raise_alarm(desk, second, ago_s=1, late=True, kinds=[rules.FALL])
    arrived(window, fall, late=True)
    qtbot.waitUntil(lambda: len(banner_says(window)) == 2, timeout=WAIT_MS)
    assert "王林根" in banner_says(window)[1] and "「迟到」" in banner_says(window)[1]
    assert "疑似跌倒" in banner_says(window)[1]

    qtbot.mouseClick(console.banner.rows[1].open_button, Qt.MouseButton.LeftButton)  # 查看
    page = window.alarms
    assert window.current_page() is page and page.tabs.currentWidget() is page.alarms
    idle(qtbot, window)
    assert selected_key(page.alarms.table) == fall
    qtbot.waitUntil(lambda: page.alarms.card is not None and page.alarms.card.alarm.id == fall, timeout=WAIT_MS)
    card = page.alarms.card_view.toPlainText()
    assert "王林根" in card and "13905753101" in card and "迟到" in card and "无定位" in card

    qtbot.mouseClick(page.alarms.ack_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(banner_says(window)) == 1, timeout=WAIT_MS)
    assert "谢桂英" in banner_says(window)[0] and console.sound.ringing
    # The other alarm is answered on another desk of the village: its move arrives by the stream.
    handling.acknowledge(desk, clerk, sos)
    arrived(window, sos)
    qtbot.waitUntil(lambda: not console.banner.isVisible(), timeout=WAIT_MS)
    assert not console.sound.ringing
    idle(qtbot, window)


def test_acknowledge_dispatch_and_resolve_through_the_page(
    qtbot: Any, window: MainWindow, desk: Desk, clerk: Actor, messages: Any, type_text: Any
) -> None:
    wearer = enrol(desk, clerk)
    alarm_id = raise_alarm(desk, wearer)
    arrived(window, alarm_id)
    qtbot.waitUntil(lambda: bool(banner_says(window)), timeout=WAIT_MS)
    window.alarm_console.open_alarm(alarm_id)
    tab = window.alarms.alarms
    qtbot.waitUntil(lambda: tab.card is not None and tab.ack_button.isEnabled(), timeout=WAIT_MS)
    assert tab.table.item(0, STATE).text() == "待接警" and "秒" in tab.table.item(0, WAIT).text()
    assert not tab.dispatch_button.isEnabled() and not tab.resolve_button.isEnabled()

    qtbot.mouseClick(tab.ack_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.dispatch_button.isEnabled(), timeout=WAIT_MS)
    assert handling.get_alarm(desk, clerk, alarm_id).acknowledged_by
    qtbot.waitUntil(lambda: not window.alarm_console.banner.isVisible(), timeout=WAIT_MS)

    qtbot.mouseClick(tab.dispatch_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.editor.count() == 2 and "陈德明（村医）" in [dialog.editor.itemText(i) for i in range(2)]
    dialog.button_box.button(QDialogButtonBox.StandardButton.Ok).click()  # nobody named
    assert "派给不能为空" in dialog.error.text() and dialog.isVisible()
    dialog.editor.setCurrentIndex(1)
    dialog.button_box.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    assert handling.get_alarm(desk, clerk, alarm_id).dispatched_to == "陈德明（村医）"

    qtbot.waitUntil(lambda: tab.resolve_button.isEnabled(), timeout=WAIT_MS)
    qtbot.mouseClick(tab.resolve_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert dialog is not None and dialog.isVisible()
    ok = dialog.button_box.button(QDialogButtonBox.StandardButton.Ok)
    ok.click()  # no outcome written
    assert dialog.error.text() == "处置结果不能为空" and "未保存" in dialog.message.text()
    assert dialog.isVisible() and not messages.texts("question")
    assert handling.get_alarm(desk, clerk, alarm_id).status == rules.DISPATCHED
    dialog.set_text("  \n ")  # blanks are not an outcome either
    ok.click()
    assert dialog.error.text() == "处置结果不能为空"
    dialog.set_text("x" * (rules.MAX_OUTCOME_CHARS + 1))
    ok.click()
    assert str(rules.MAX_OUTCOME_CHARS) in dialog.error.text()
    dialog.set_text("老人起夜摔倒，村医上门查看无碍")
    messages.answer = QMessageBox.StandardButton.No  # not yet, on second thought
    ok.click()
    assert "不能再更改" in messages.texts("question")[-1] and dialog.isVisible()
    assert handling.get_alarm(desk, clerk, alarm_id).status == rules.DISPATCHED
    messages.answer = QMessageBox.StandardButton.Yes
    ok.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    done = handling.get_alarm(desk, clerk, alarm_id)
    assert done.status == rules.RESOLVED and done.outcome == "老人起夜摔倒，村医上门查看无碍" and done.pending_push
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1 and tab.table.item(0, STATE).text() == "已处置", timeout=WAIT_MS)
    assert not tab.resolve_button.isEnabled()
    idle(qtbot, window)


def test_a_move_another_desk_made_first_is_said_calmly(
    qtbot: Any, window: MainWindow, desk: Desk, clerk: Actor, admin: Actor
) -> None:
    alarm_id = raise_alarm(desk, enrol(desk, clerk))
    window.go_to(window.alarms)
    tab = window.alarms.alarms
    qtbot.waitUntil(lambda: tab.ack_button.isEnabled(), timeout=WAIT_MS)
    handling.acknowledge(desk, admin, alarm_id)  # meanwhile, before the list was read again
    qtbot.mouseClick(tab.ack_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "未能变更" in tab.status_label.text(), timeout=WAIT_MS)
    assert "已接警" in tab.status_label.text()
    qtbot.waitUntil(lambda: tab.dispatch_button.isEnabled(), timeout=WAIT_MS)
    assert handling.get_alarm(desk, clerk, alarm_id).acknowledged_by == admin.label
    idle(qtbot, window)


def test_a_mediator_answers_but_does_not_enrol(
    qtbot: Any, desk: Desk, clerk: Actor, mediator_actor: Actor, tasks: TaskManager, gui_settings: DeskSettings
) -> None:
    raise_alarm(desk, enrol(desk, clerk))
    main = MainWindow(desk, tasks, gui_settings, mediator_actor)
    qtbot.addWidget(main)
    main.show()
    main.go_to(main.alarms)
    qtbot.waitUntil(lambda: main.alarms.alarms.ack_button.isEnabled(), timeout=WAIT_MS)
    main.alarms.show_tab(main.alarms.wearers)
    qtbot.waitUntil(lambda: main.alarms.wearers.loaded, timeout=WAIT_MS)
    assert not main.alarms.wearers.add_button.isEnabled()
    main.close()
    qtbot.waitUntil(lambda: not tasks.busy)


def test_the_stream_down_bar_stays_until_the_stream_is_back(qtbot: Any, window: MainWindow) -> None:
    bridge, banner = window.alarm_console.bridge, window.alarm_console.banner
    since = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=3)
    bridge.stateChanged.emit(StreamState(True, False, since, "与区服务器的报警通道中断", "stream_closed"))
    assert banner.isVisible() and banner.down_bar.isVisible() and banner.row_texts() == []
    assert "报警通道中断" in banner.down_bar.text() and "与区服务器的报警通道中断" in banner.down_bar.text()
    window.go_to(window.settings_page)
    assert banner.down_bar.isVisible()  # every page, and permanently
    bridge.stateChanged.emit(StreamState(True, True, None, None))
    assert not banner.down_bar.isVisible() and not banner.isVisible()
    bridge.stateChanged.emit(StreamState(False, False, None, "本机还没有登记到区服务器", "not_enrolled"))
    assert not banner.isVisible()  # a desk without a district has no stream to lose


def test_a_locked_desk_keeps_listening_and_ringing_but_names_nobody(
    qtbot: Any, window: MainWindow, desk: Desk, clerk: Actor
) -> None:
    console = window.alarm_console
    wearer = enrol(desk, clerk)
    alarm_id = raise_alarm(desk, wearer)
    arrived(window, alarm_id)
    qtbot.waitUntil(lambda: bool(banner_says(window)), timeout=WAIT_MS)
    name = banner_says(window)[0].split("　")[1]
    window.lock_now()
    qtbot.waitUntil(lambda: window.locked, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: banner_says(window) == ["有 1 条平安手环报警待接警，请立即登录处置"], timeout=WAIT_MS)
    assert console.bridge.running and console.sound.ringing and not console.banner.all_button.isVisible()
    assert name not in console.banner.more_text.text()
    # Another alarm while nobody is logged in: counted, and the down bar still says a deaf desk is deaf.
    arrived(window, raise_alarm(desk, wearer))
    qtbot.waitUntil(lambda: banner_says(window) == ["有 2 条平安手环报警待接警，请立即登录处置"], timeout=WAIT_MS)
    console.bridge.stateChanged.emit(StreamState(True, False, None, "与区服务器的报警通道中断"))
    assert console.banner.down_bar.isVisible()
    console.bridge.stateChanged.emit(StreamState(True, True, None, None))
    console.open_alarm(alarm_id)  # from the tray while locked: nothing opens before a login
    assert window.locked
    assert desk.unlock_from_keyring()
    window.unlock(clerk)
    qtbot.waitUntil(lambda: len(banner_says(window)) == 2 and name in banner_says(window)[0], timeout=WAIT_MS)
    assert console.bridge.running and console.sound.ringing
    idle(qtbot, window)


def test_the_sound_is_the_projects_own_and_needs_no_device(qtbot: Any) -> None:
    with wave.open(str(sound_file())) as sound:
        assert sound.getnchannels() == 1 and sound.getnframes() / sound.getframerate() >= 0.5
    assert (sound_file().parent / "alarm.LICENSE.txt").read_text(encoding="utf-8").count("CC0") == 1
    player = AlarmSound()
    player.ring()
    player.ring()  # again: still one sound
    assert player.ringing
    player.quiet()
    assert not player.ringing and not player.audible


def test_a_town_desk_rings_for_what_its_villages_did_not_answer_in_time(
    qtbot: Any, window: MainWindow, desk: Desk, clerk: Actor
) -> None:
    console = window.alarm_console
    with desk.write(SYNC_ACTOR) as uow:  # what enrolling for a town records
        state.put(uow.session, state.SCOPE, contract.SCOPE_TOWN)
    window.sync_worker.refresh_status()
    qtbot.waitUntil(lambda: getattr(window.sync_worker.status, "scope", None) == contract.SCOPE_TOWN, timeout=WAIT_MS)
    wearer = enrol(desk, clerk)
    quiet = raise_alarm(desk, wearer)  # the village has 60 s to answer it
    arrived(window, quiet)
    idle(qtbot, window)
    assert banner_says(window) == [] and not console.sound.ringing
    escalated = raise_alarm(desk, wearer, ago_s=90, escalated_at=dt.datetime.now(dt.UTC).isoformat())
    arrived(window, escalated)
    qtbot.waitUntil(lambda: len(banner_says(window)) == 1, timeout=WAIT_MS)
    assert "已上报镇里" in banner_says(window)[0] and console.sound.ringing
    window.lock_now()  # locked, the town's desk counts only the escalated one as well
    qtbot.waitUntil(lambda: banner_says(window) == ["有 1 条平安手环报警待接警，请立即登录处置"], timeout=WAIT_MS)
    assert desk.unlock_from_keyring()
    window.unlock(clerk)
    idle(qtbot, window)
