"""The menus show every key the window answers to, and 帮助 offers 使用说明 (F1, the bundled guide),
快捷键 (the keys, read from the window's actions) and 关于 (the version)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QTableWidget, QTextBrowser

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.gui.help_menu import guide_text
from mediation_desk.gui.main_window import MainWindow
from mediation_desk.gui.settings import DeskSettings
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.paths import desk_version


@pytest.fixture(autouse=True)
def chinese() -> Iterator[None]:
    """The window's language is Chinese here (an earlier test may have chosen English)."""
    before = QLocale()
    QLocale.setDefault(QLocale("zh_CN"))
    yield
    QLocale.setDefault(before)


@pytest.fixture
def window(
    qtbot: Any, desk: Desk, admin: Actor, tasks: TaskManager, gui_settings: DeskSettings
) -> Iterator[MainWindow]:
    main = MainWindow(desk, tasks, gui_settings, admin)
    qtbot.addWidget(main)
    main.show()
    yield main
    main.close()
    qtbot.waitUntil(lambda: not tasks.busy)


def menus(window: MainWindow) -> dict[str, QMenu]:
    return {action.text(): action.menu() for action in window.menuBar().actions() if isinstance(action.menu(), QMenu)}


def in_menus(window: MainWindow) -> list[QAction]:
    return [action for menu in menus(window).values() for action in menu.actions()]


def test_every_key_of_the_window_is_shown_in_a_menu(window: MainWindow) -> None:
    shown = {a.shortcut().toString() for a in in_menus(window) if not a.shortcut().isEmpty()}
    assert {"Ctrl+N", "Ctrl+F", "Ctrl+P", "F5", "Ctrl+L", "Ctrl+Q", "F1"} <= shown
    window_keys = {a.shortcut().toString() for a in window.actions() if not a.shortcut().isEmpty()}
    assert window_keys <= shown  # no key of the window hidden from its menus


def test_the_help_menu_offers_the_guide_the_keys_and_about(qtbot: Any, window: MainWindow) -> None:
    help_menu = menus(window)["帮助(&H)"]
    assert [a.text() for a in help_menu.actions() if not a.isSeparator()] == ["使用说明(&M)", "快捷键(&K)", "关于(&A)"]
    helper = window.help_menu
    assert helper.guide_action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)

    helper.guide_action.trigger()
    guide = helper.guide
    assert guide is not None and guide.isVisible() and guide.windowTitle() == "使用说明"
    assert isinstance(guide.body, QTextBrowser)
    text = guide.body.toPlainText()
    assert "人民调解室工作台 使用说明" in text and "受理" in text and "恢复密钥" in text
    helper.guide_action.trigger()  # brought back, not opened twice
    assert helper.guide is guide

    helper.keys_action.trigger()
    keys = helper.keys
    assert keys is not None and keys.isVisible() and isinstance(keys.body, QTableWidget)
    table = keys.body
    listed = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    for key, what in {
        "Ctrl+N": "新受理",
        "Ctrl+F": "查找案件",
        "Ctrl+P": "文书",
        "Ctrl+S": "保存（受理页等）",
        "F5": "刷新",
        "Ctrl+L": "锁定",
        "Ctrl+Q": "退出",
        "F1": "使用说明",
    }.items():
        assert listed.get(QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)) == what, key

    helper.about_action.trigger()
    about = helper.about
    assert about is not None and about.isVisible() and about.windowTitle() == "关于"
    assert "人民调解室工作台" in about.text() and f"版本 {desk_version()}" in about.text()
    for dialog in (guide, keys, about):
        dialog.close()


def test_the_guide_follows_the_window_s_language() -> None:
    assert guide_text().startswith("# 人民调解室工作台 使用说明")
    QLocale.setDefault(QLocale("en"))
    assert guide_text().startswith("# Mediation desk: user guide")
