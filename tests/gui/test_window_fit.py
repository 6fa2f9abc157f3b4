"""The window on the usual village PC: a 1366×768 screen (less a taskbar and a title bar), in the
normal and the elder (大字) font mode. Every page, tab and dialog keeps its buttons and the status
bar in reach; the case list shows case numbers and party names whole; elder mode changes every
widget at once; greys are readable; the window comes back where it was."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QListWidgetItem, QStyle
from window_tour import AVAILABLE, WINDOW_ROOM, Tour, out_of_reach

from mediation_desk.administration import demo
from mediation_desk.administration.accounts import authenticate
from mediation_desk.desk import Desk
from mediation_desk.gui import screen_fit
from mediation_desk.gui.case_list_model import NUMBER, PARTIES
from mediation_desk.gui.contrast import MIN_CONTRAST, contrast, use_readable_palette
from mediation_desk.gui.font_mode import ElderModeCheck, apply_font_mode, is_large
from mediation_desk.gui.main_window import MainWindow
from mediation_desk.gui.settings import LARGE_FONT, WINDOW_GEOMETRY, DeskSettings
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.gui.verify_dialog import VerifyDialog, open_verify_dialog

MODES = pytest.mark.parametrize("large", [False, True], ids=["normal", "elder"])


@pytest.fixture
def font_mode(qapp: QApplication) -> Iterator[Any]:
    """The application's font and palette as a start of the window makes them, put back after."""
    font, palette = qapp.font(), qapp.palette()
    use_readable_palette(qapp)
    yield lambda large: apply_font_mode(qapp, large)
    qapp.setProperty("mediationDeskLargeFont", False)
    qapp.setFont(font)
    qapp.setPalette(palette)


@pytest.fixture
def small_screen(monkeypatch: pytest.MonkeyPatch) -> QRect:
    """What windows may use of a 1366×768 screen with a taskbar."""
    monkeypatch.setattr(screen_fit, "available_area", lambda _widget=None: AVAILABLE)
    return AVAILABLE


@contextmanager
def demo_window(qtbot: Any, desk: Desk, settings: DeskSettings, tasks: TaskManager) -> Iterator[MainWindow]:
    """The demo committee's window, as its 主任 sees it, maximized on the small screen (made in
    the test, after the font mode is set)."""
    summary = demo.seed_demo(desk, cases=24)
    actor = authenticate(desk, summary["operators"][0]["username"], summary["demo_password"])
    window = MainWindow(desk, tasks, settings, actor)
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(WINDOW_ROOM)
    window.move(0, 0)
    window.show()
    qtbot.waitExposed(window)
    try:
        yield window
    finally:
        window.close()
        qtbot.waitUntil(lambda: not tasks.busy, timeout=20_000)


def settler(qtbot: Any, tasks: TaskManager) -> Any:
    def settle() -> None:
        qtbot.waitUntil(lambda: not tasks.busy, timeout=20_000)
        qtbot.wait(10)

    return settle


@MODES
def test_every_page_and_dialog_keeps_its_buttons_and_the_status_bar_on_a_1366x768_screen(
    qtbot: Any,
    font_mode: Any,
    small_screen: QRect,
    desk: Desk,
    gui_settings: DeskSettings,
    tasks: TaskManager,
    large: bool,
) -> None:
    font_mode(large)
    window_room = QRect(small_screen.topLeft(), WINDOW_ROOM)
    with demo_window(qtbot, desk, gui_settings, tasks) as window:
        assert window.minimumSizeHint().boundedTo(WINDOW_ROOM) == window.minimumSizeHint()
        tour = Tour(window, settler(qtbot, tasks))
        problems, seen = [], []
        for stop in tour.pages():
            seen.append(stop.name)
            problems += out_of_reach(stop.name, stop.widget, window_room, placed=False)
        for stop in tour.dialogs():
            seen.append(stop.name)
            problems += out_of_reach(stop.name, stop.widget, small_screen, placed=False)
    assert problems == []
    assert {"dashboard", "intake", "cases", "statistics", "case", "dialog-documents", "dialog-agreement"} <= set(seen)
    assert {"dialog-session", "dialog-mediator", "dialog-login", "wizard-1"} <= set(seen)


@MODES
def test_the_case_list_shows_case_numbers_and_party_names_whole(
    qtbot: Any,
    font_mode: Any,
    small_screen: QRect,
    desk: Desk,
    gui_settings: DeskSettings,
    tasks: TaskManager,
    large: bool,
) -> None:
    font_mode(large)
    with demo_window(qtbot, desk, gui_settings, tasks) as window:
        window.search_cases()
        page, settle = window.cases, settler(qtbot, tasks)
        settle()
        table, model = page.ui.caseTable, page.model
        assert model.rowCount() > 20
        margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
        metrics, header = table.fontMetrics(), table.horizontalHeader()
        assert [header.logicalIndex(0), header.logicalIndex(1)] == [NUMBER, PARTIES]  # first, at the left
        for column in (NUMBER, PARTIES):
            room = header.sectionSize(column) - 2 * margin
            # the column lies inside the visible part of the list
            assert header.sectionViewportPosition(column) + header.sectionSize(column) <= table.viewport().width()
            for row in range(model.rowCount()):
                text = model.data(model.index(row, column))
                assert metrics.elidedText(text, Qt.TextElideMode.ElideRight, room) == text, (column, text, room)
        assert table.font().pixelSize() > QApplication.font().pixelSize()  # larger than the body


def test_elder_mode_applies_at_once_to_every_widget(
    qtbot: Any, font_mode: Any, small_screen: QRect, desk: Desk, gui_settings: DeskSettings, tasks: TaskManager
) -> None:
    font_mode(False)
    assert QApplication.font().pixelSize() >= 14  # readable by default
    with demo_window(qtbot, desk, gui_settings, tasks) as window:
        settle = settler(qtbot, tasks)
        window.go_to(window.statistics)
        settle()
        window.search_cases()
        settle()
        table, nav = window.cases.ui.caseTable, window.ui.navList
        open_verify_dialog(desk, tasks, window.actor, window)  # a dialog open meanwhile (not modal)
        before = _sizes(window)
        check = ElderModeCheck(gui_settings, window)
        assert check.text() == "大字模式（适老化）(&E)" and not check.isChecked()
        check.setChecked(True)  # no restart, no other step
        after = _sizes(window)
        assert is_large() and gui_settings.get(LARGE_FONT) is True
        assert 16 <= after["body"] <= 18
        assert after["nav"] > after["body"] and after["table"] > after["body"]
        for key, size in before.items():
            assert after[key] > size, key
        # Nothing clipped: the navigation's entries, the dashboard's titles, the list's numbers.
        widest = max(nav.fontMetrics().horizontalAdvance(nav.item(r).text()) for r in range(nav.count()))
        assert nav.viewport().width() >= widest + 2 * nav.spacing()
        window.go_to(window.dashboard)
        settle()
        for box in (window.dashboard.ui.overdueBox, window.dashboard.ui.judicialBox):
            assert box.width() >= box.fontMetrics().horizontalAdvance(box.title()) + 16, box.title()
        assert table.horizontalHeader().sectionSize(NUMBER) >= table.fontMetrics().horizontalAdvance(
            window.cases.model.data(window.cases.model.index(0, NUMBER))
        )
        check.setChecked(False)
        assert _sizes(window) == before  # and back, exactly


def _sizes(window: MainWindow) -> dict[str, int]:
    table = window.cases.ui.caseTable
    chart = window.statistics.chart("months")
    dialog = window.findChild(VerifyDialog)
    return {
        "body": QApplication.font().pixelSize(),
        "nav": window.ui.navList.font().pixelSize(),
        "nav width": window.ui.navList.width(),
        "table": table.font().pixelSize(),
        "row": table.verticalHeader().defaultSectionSize(),
        "number column": table.horizontalHeader().sectionSize(NUMBER),
        "count": window.dashboard.count_labels["accepted"].font().pixelSize(),
        "heading": window.dashboard.ui.committeeLabel.font().pixelSize(),
        "chart": chart.titleFont().pixelSize(),
        "status": window.operator_label.font().pixelSize(),
        "dialog": dialog.font().pixelSize(),
        "dialog answer": dialog.ui.payload.font().pixelSize(),
    }


def test_the_window_comes_back_where_it_was_and_maximized_if_it_was(
    qtbot: Any, font_mode: Any, small_screen: QRect, desk: Desk, gui_settings: DeskSettings, tasks: TaskManager
) -> None:
    with demo_window(qtbot, desk, gui_settings, tasks) as window:
        window.resize(QSize(720, 520))
        window.move(40, 30)
        qtbot.wait(10)
        left = window.size()  # 720×520, or wider where the pages shown need it in this run's fonts
    assert gui_settings.get(WINDOW_GEOMETRY)
    again = MainWindow(desk, tasks, gui_settings, window.actor)
    qtbot.addWidget(again)
    assert again.size() == left and not again.isMaximized()
    again.showMaximized()
    qtbot.waitUntil(again.isMaximized)
    again.close()
    third = MainWindow(desk, tasks, gui_settings, window.actor)
    qtbot.addWidget(third)
    assert third.windowState() & Qt.WindowState.WindowMaximized
    third.close()
    qtbot.waitUntil(lambda: not tasks.busy, timeout=20_000)


def test_a_first_start_on_a_small_screen_is_maximized(
    qtbot: Any, small_screen: QRect, desk: Desk, admin: Any, gui_settings: DeskSettings, tasks: TaskManager
) -> None:
    window = MainWindow(desk, tasks, gui_settings, admin)
    qtbot.addWidget(window)
    assert window.windowState() & Qt.WindowState.WindowMaximized
    window.close()
    qtbot.waitUntil(lambda: not tasks.busy, timeout=20_000)


def test_placeholders_disabled_text_and_empty_lists_are_readable(qtbot: Any, font_mode: Any) -> None:
    palette = QApplication.palette()
    Role, Group = QPalette.ColorRole, QPalette.ColorGroup
    for group in (Group.Active, Group.Disabled):
        assert contrast(palette.color(group, Role.PlaceholderText), palette.color(group, Role.Base)) >= MIN_CONTRAST
    for text, ground in ((Role.Text, Role.Base), (Role.WindowText, Role.Window), (Role.ButtonText, Role.Button)):
        assert contrast(palette.color(Group.Disabled, text), palette.color(Group.Disabled, ground)) >= MIN_CONTRAST
    # An empty list's line ("没有超期案件") is a disabled item: drawn in the disabled text colour.
    item = QListWidgetItem("没有超期案件")
    item.setFlags(Qt.ItemFlag.NoItemFlags)
    drawn = palette.color(Group.Disabled, Role.Text)
    assert contrast(drawn, palette.color(Group.Disabled, Role.AlternateBase)) >= MIN_CONTRAST


FOREGROUND = re.compile(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{6})|QColor\(\"(#[0-9a-fA-F]{6})\"\)")
BACKGROUND = re.compile(r"background(?:-color)?:\s*(#[0-9a-fA-F]{6})")


def test_the_colours_of_text_are_readable_on_their_background() -> None:
    """Every colour the window gives text (a calm refusal, a dimmed row, an error) reaches 4.5:1
    on the background it is drawn on: its own, or a window's and a list's (light grey, white)."""
    root = Path(__file__).resolve().parents[2]
    sources = [*root.joinpath("ui").glob("*.ui"), *root.joinpath("mediation_desk", "gui").rglob("*.py")]
    found = []
    for source in sources:
        for line in source.read_text(encoding="utf-8").splitlines():
            grounds = [QColor(c) for c in BACKGROUND.findall(line)] or [QColor("#ffffff"), QColor("#efefef")]
            for match in FOREGROUND.finditer(line):
                colour = QColor(match.group(1) or match.group(2))
                found.append(colour.name())
                worst = min(contrast(colour, ground) for ground in grounds)
                assert worst >= MIN_CONTRAST, (source.name, line.strip(), round(worst, 2))
    assert "#666666" in found and "#b00020" in found
