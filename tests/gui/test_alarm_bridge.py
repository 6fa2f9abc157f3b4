"""The alarm stream's bridge to the window: what the stream tells on its own thread arrives as
signals on the UI thread; a desk not enrolled is told as such; stop ends the stream's thread."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import QCoreApplication, QThread

from mediation_desk.gui.alarm_bridge import AlarmBridge
from mediation_desk.sync.alarm_stream import NOT_ENROLLED, StreamOptions, StreamState

QUICK = StreamOptions(not_enrolled_recheck_s=600)


def test_a_desk_not_enrolled_is_told_on_the_ui_thread(qtbot, desk) -> None:
    bridge = AlarmBridge(options=QUICK)
    threads: list[QThread] = []
    bridge.stateChanged.connect(lambda _state: threads.append(QThread.currentThread()))
    with qtbot.waitSignal(bridge.stateChanged, timeout=30_000) as told:
        bridge.start(desk)
    state = told.args[0]
    assert isinstance(state, StreamState) and not state.enrolled and state.code == NOT_ENROLLED
    assert bridge.state == state and bridge.running
    assert threads == [QCoreApplication.instance().thread()]
    bridge.start(desk)  # already running: nothing more
    assert bridge.stop(30) and not bridge.running
    assert bridge.stop(30)  # twice is harmless


def test_alarms_told_on_the_streams_thread_arrive_on_the_ui_thread(qtbot, desk) -> None:
    bridge = AlarmBridge(options=QUICK)
    threads: list[QThread] = []
    bridge.alarmsArrived.connect(lambda _ids, _late: threads.append(QThread.currentThread()))
    with qtbot.waitSignal(bridge.alarmsArrived, timeout=30_000) as arrived:
        teller = threading.Thread(target=bridge._from_stream_alarms, args=(["a1", "a2"], True))
        teller.start()
        teller.join()
    assert arrived.args == [["a1", "a2"], True]
    assert threads == [QCoreApplication.instance().thread()]


def test_a_bridge_not_started_stops_and_wakes_harmlessly(qtbot) -> None:
    bridge = AlarmBridge()
    bridge.wake()
    assert bridge.stop() and not bridge.running and bridge.state is None


def test_what_the_stream_tells_after_the_bridge_is_gone_is_dropped(qtbot) -> None:
    bridge = AlarmBridge()
    shiboken6.delete(bridge)
    teller = threading.Thread(target=bridge._from_stream_state, args=(StreamState(True, False, None, "断开"),))
    teller.start()
    teller.join()
    bridge._from_stream_alarms(["a1"], False)  # no error: nobody is there to tell
