"""Start-up: the exception hook, the settings, `run_gui` and the command line opening the window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from mediation_desk import gui
from mediation_desk.cli import main as cli_main
from mediation_desk.errors import DeskError
from mediation_desk.gui import app as gui_app
from mediation_desk.gui.excepthook import ExceptionReporter, install_excepthook
from mediation_desk.gui.first_run import FirstRunWizard
from mediation_desk.gui.settings import IDLE_LOCK_MINUTES, LANGUAGE, DeskSettings
from mediation_desk.paths import AppPaths


def raised(error: BaseException) -> tuple[type[BaseException], BaseException, Any]:
    try:
        raise error
    except BaseException as caught:  # noqa: BLE001
        return type(caught), caught, caught.__traceback__


def test_an_unexpected_error_is_logged_and_shown_calmly(
    qapp: QApplication, tmp_path: Path, messages: Any, caplog: pytest.LogCaptureFixture
) -> None:
    reporter = ExceptionReporter(tmp_path)
    with caplog.at_level(logging.ERROR, logger="mediation_desk.gui"):
        reporter(*raised(ValueError("broken")))
    assert [r.exc_info[0] for r in caplog.records if r.exc_info] == [ValueError]
    ((kind, _title, text),) = messages.shown
    assert kind == "critical"
    assert "之前保存的资料都在" in text and str(tmp_path / "desk.log") in text
    assert "broken" not in text  # an exception's text can quote personal data: log only


def test_a_refusal_is_shown_as_it_is(qapp: QApplication, tmp_path: Path, messages: Any) -> None:
    ExceptionReporter(tmp_path)(*raised(DeskError("本机已设置调解委员会，不能重复设置")))
    assert messages.shown == [("warning", "未能完成", "本机已设置调解委员会，不能重复设置")]


def test_the_hook_is_installed_for_the_process(qapp: QApplication, tmp_path: Path, messages: Any) -> None:
    previous = install_excepthook(tmp_path)
    try:
        assert isinstance(sys.excepthook, ExceptionReporter)
        sys.excepthook(*raised(RuntimeError("x")))
        assert [k for k, *_ in messages.shown] == ["critical"]
    finally:
        sys.excepthook = previous


def test_settings_are_typed_with_defaults(tmp_path: Path) -> None:
    settings = DeskSettings(tmp_path)
    assert (settings.language, settings.large_font, settings.idle_lock_minutes) == ("zh_CN", False, 10)
    settings.set(IDLE_LOCK_MINUTES, 3)
    with pytest.raises(ValueError):
        settings.set(LANGUAGE, "fr")
    again = DeskSettings(tmp_path)
    assert again.idle_lock_minutes == 3
    (tmp_path / DeskSettings.FILE_NAME).write_text(
        "[ui]\nlanguage=klingon\nlarge_font=true\n[privacy]\nidle_lock_minutes=many\n", encoding="utf-8"
    )
    damaged = DeskSettings(tmp_path)
    assert (damaged.language, damaged.large_font, damaged.idle_lock_minutes) == ("zh_CN", True, 10)


def test_run_gui_opens_the_first_run_wizard_on_a_new_desk(qapp: QApplication, tmp_path: Path) -> None:
    paths = AppPaths.resolve(tmp_path / "new-desk")
    seen: list[str] = []

    def cancel_the_wizard() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, FirstRunWizard) and widget.isVisible():
                seen.append(widget.windowTitle())
                widget.reject()

    poll = QTimer()
    poll.timeout.connect(cancel_the_wizard)
    poll.start(50)
    previous_hook = sys.excepthook
    try:
        assert gui_app.run_gui(paths) == 0
    finally:
        poll.stop()
    assert seen == ["首次设置 — 人民调解室工作台"]
    assert paths.database.exists() and sys.excepthook is previous_hook


def test_the_command_without_arguments_opens_the_window(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    opened: list[AppPaths] = []
    monkeypatch.delenv(gui.NO_GUI_ENV, raising=False)
    monkeypatch.setattr(gui_app, "run_gui", lambda paths: opened.append(paths) or 0)
    assert cli_main(["--data-dir", str(tmp_path / "desk")]) == 0
    assert [p.data for p in opened] == [(tmp_path / "desk").resolve()]


def test_without_a_display_the_command_says_why(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv(gui.NO_GUI_ENV, raising=False)
    for variable in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert gui.why_no_window() is not None and "display" in gui.why_no_window()
    assert cli_main(["--data-dir", str(tmp_path / "desk")]) == 0
    assert "The window did not open" in capsys.readouterr().err
