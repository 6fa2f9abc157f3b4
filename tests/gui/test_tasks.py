"""The task helper: desk work on one worker thread, results and errors on the main thread."""

from __future__ import annotations

import itertools
import threading
import time
from typing import Any

import shiboken6
from PySide6.QtWidgets import QLabel

from mediation_desk.gui.tasks import TaskManager


def test_results_arrive_on_the_main_thread(qtbot: Any, tasks: TaskManager) -> None:
    seen: dict[str, Any] = {}

    def work(a: int, b: int) -> int:
        seen["worker"] = threading.current_thread()
        return a + b

    def done(result: int) -> None:
        seen["result"], seen["delivered_on"] = result, threading.current_thread()

    tasks.run(work, 2, 3, on_done=done)
    assert tasks.busy
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen["result"] == 5
    assert seen["worker"] is not threading.main_thread()
    assert seen["delivered_on"] is threading.main_thread()
    assert not tasks.busy


def test_errors_are_delivered_on_the_main_thread(qtbot: Any, tasks: TaskManager) -> None:
    seen: dict[str, Any] = {}

    def fail() -> None:
        raise ValueError("no such case")

    def failed(error: BaseException) -> None:
        seen["error"], seen["delivered_on"] = error, threading.current_thread()

    tasks.run(fail, on_done=lambda _: seen.setdefault("done", True), on_error=failed)
    qtbot.waitUntil(lambda: "error" in seen)
    assert isinstance(seen["error"], ValueError) and "done" not in seen
    assert seen["delivered_on"] is threading.main_thread()


def test_an_error_without_a_handler_is_raised_on_the_main_thread(qtbot: Any, tasks: TaskManager) -> None:
    def fail() -> None:
        raise RuntimeError("boom")

    with qtbot.captureExceptions() as raised:
        tasks.run(fail)
        qtbot.waitUntil(lambda: not tasks.busy)
    assert [type(e[1]) for e in raised] == [RuntimeError]


def test_desk_work_runs_one_task_at_a_time_in_order(qtbot: Any, tasks: TaskManager) -> None:
    spans: list[tuple[int, float, float, str]] = []
    finished: list[int] = []

    def work(n: int) -> int:
        start = time.perf_counter()
        time.sleep(0.02)
        spans.append((n, start, time.perf_counter(), threading.current_thread().name))
        return n

    for n in range(4):
        tasks.run(work, n, on_done=finished.append)
    qtbot.waitUntil(lambda: len(finished) == 4)
    assert finished == [0, 1, 2, 3]
    assert len({name for *_, name in spans}) == 1  # one worker
    for (_, _, end, _), (_, start, _, _) in itertools.pairwise(spans):
        assert end <= start  # never overlapping


def test_a_callback_never_runs_inside_run(qtbot: Any, tasks: TaskManager) -> None:
    order: list[str] = []
    future = tasks.run(lambda: None, on_done=lambda _: order.append("done"))
    future.result()  # finished on the worker before we go on
    order.append("after run")
    qtbot.waitUntil(lambda: "done" in order)
    assert order == ["after run", "done"]


def test_a_result_for_a_deleted_widget_is_dropped(qtbot: Any, tasks: TaskManager) -> None:
    label = QLabel()
    delivered: list[str] = []
    tasks.run(lambda: "loaded", on_done=lambda text: (delivered.append(text), label.setText(text)), owner=label)
    shiboken6.delete(label)  # the window closed while the page was loading
    qtbot.waitUntil(lambda: not tasks.busy)
    assert delivered == []
