"""The 设置 page on a real desk: window settings saved and announced, bad values named next to
their field, the committee's targets saved to the database and used by the dashboard, 主任-only
parts read-only for others, backup now, restore after confirmation, a corrupt backup refused."""

from __future__ import annotations

import datetime as dt
import sqlite3
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from sqlalchemy import select

from mediation_desk.administration import accounts
from mediation_desk.core.uow import Actor, china_today
from mediation_desk.desk import Desk
from mediation_desk.gui.font_mode import apply_font_mode
from mediation_desk.gui.pages.dashboard import DashboardPage
from mediation_desk.gui.pages.settings_page import SettingsPage
from mediation_desk.gui.settings import BACKUP_FOLDER, DeskSettings
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.mediation import case_targets, intake
from mediation_desk.mediation.case_targets import CaseTargets
from mediation_desk.mediation.models_case import MediationCase
from mediation_desk.paths import DATA_ENV, AppPaths
from mediation_desk.storage.backup import backup_database

PASSWORD = "Xietang-2026!"


@pytest.fixture
def make_page(
    qtbot: Any, desk: Desk, tasks: TaskManager, gui_settings: DeskSettings
) -> Callable[[Actor], SettingsPage]:
    def make(actor: Actor) -> SettingsPage:
        page = SettingsPage(desk, tasks, gui_settings, actor)
        qtbot.addWidget(page)
        page.show()
        page.refresh()
        qtbot.waitUntil(lambda: page.targets is not None and page.data.location is not None)
        return page

    return make


@pytest.fixture
def page(make_page: Callable[[Actor], SettingsPage], admin: Actor) -> SettingsPage:
    return make_page(admin)


@pytest.fixture
def chosen_file(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The file the 恢复备份… dialog answers with (instead of waiting for a person)."""
    answer: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (answer[0] if answer else "", ""))
    )
    yield answer


def case_numbers(desk: Desk) -> set[str]:
    with desk.read() as s:
        return set(s.scalars(select(MediationCase.number)))


def wait_idle(qtbot: Any, page: SettingsPage) -> None:
    qtbot.waitUntil(lambda: not page.data.busy and not page.tasks.busy)


# ---- 界面 ---------------------------------------------------------------------------------------


def test_window_settings_are_saved_and_announced(qtbot: Any, page: SettingsPage, gui_settings: DeskSettings) -> None:
    ui = page.ui
    assert ui.languageCombo.currentText() == "简体中文" and ui.idleMinutesEdit.text() == "10"
    heard: list[tuple[str, Any]] = []
    page.language_changed.connect(lambda v: heard.append(("language", v)))
    page.large_font_changed.connect(lambda v: heard.append(("font", v)))
    page.idle_minutes_changed.connect(lambda v: heard.append(("idle", v)))

    ui.languageCombo.setCurrentIndex(ui.languageCombo.findData("en"))
    ui.largeFontCheck.setChecked(True)
    ui.idleMinutesEdit.setFocus()
    ui.idleMinutesEdit.selectAll()
    qtbot.keyClicks(ui.idleMinutesEdit, "5")
    qtbot.keyClick(ui.idleMinutesEdit, Qt.Key.Key_Return)  # Enter applies, no mouse needed

    assert heard == [("language", "en"), ("font", True), ("idle", 5)]
    again = DeskSettings(page.desk.paths.config)  # read back from window.ini
    assert (again.language, again.large_font, again.idle_lock_minutes) == ("en", True, 5)
    assert "重新启动" in ui.interfaceStatusLabel.text()

    heard.clear()
    ui.applyInterfaceButton.click()
    assert heard == [] and ui.interfaceStatusLabel.text() == "没有改动"


@pytest.mark.parametrize("typed", ["0", "121", "五", "", "-3", "2.5", "1²"])
def test_bad_idle_minutes_are_named_next_to_the_field_and_nothing_is_saved(
    qtbot: Any, page: SettingsPage, gui_settings: DeskSettings, typed: str
) -> None:
    ui = page.ui
    heard: list[Any] = []
    page.language_changed.connect(heard.append)
    page.idle_minutes_changed.connect(heard.append)
    ui.languageCombo.setCurrentIndex(ui.languageCombo.findData("en"))
    ui.idleMinutesEdit.setText(typed)
    assert page.apply_interface() is False
    assert ui.idleMinutesError.text() == "自动锁定时间须为 1–120 的整数（分钟）"
    assert ui.idleMinutesEdit.hasFocus() or not page.isActiveWindow()
    assert heard == [] and gui_settings.language == "zh_CN" and gui_settings.idle_lock_minutes == 10

    ui.idleMinutesEdit.setText("120")
    assert page.apply_interface() is True and ui.idleMinutesError.text() == ""
    assert gui_settings.idle_lock_minutes == 120


def test_large_font_mode_is_clearly_larger_and_switches_back_exactly(qapp: QApplication) -> None:
    before = qapp.font()
    try:
        apply_font_mode(qapp, False)
        normal = qapp.font().pixelSize()
        assert normal >= 14  # readable by default
        for _ in range(3):  # switching again and again neither grows nor shrinks the font
            apply_font_mode(qapp, True)
            large = qapp.font().pixelSize()
            assert large >= normal * 1.25 and 16 <= large <= 18
            apply_font_mode(qapp, False)
            assert qapp.font().pixelSize() == normal
    finally:
        qapp.setFont(before)
        qapp.setProperty("mediationDeskBaseFont", None)


# ---- 办案提醒 -----------------------------------------------------------------------------------


def test_targets_are_saved_to_the_desk_and_used_by_the_dashboard(
    qtbot: Any, page: SettingsPage, desk: Desk, admin: Actor, tasks: TaskManager, intake_form: Any
) -> None:
    intake.open_case(desk, admin, intake_form(accepted_on=china_today() - dt.timedelta(days=20)))
    ui = page.ui
    assert (ui.overdueDaysEdit.text(), ui.judicialDaysEdit.text()) == ("30", "7")
    assert not ui.overdueDaysEdit.isReadOnly() and ui.saveRulesButton.isEnabled()
    ui.overdueDaysEdit.setText("15")
    ui.judicialDaysEdit.setText("10")
    with qtbot.waitSignal(page.targets_changed):
        qtbot.mouseClick(ui.saveRulesButton, Qt.MouseButton.LeftButton)
    assert case_targets.get_targets(desk) == CaseTargets(15, 10)
    assert ui.rulesStatusLabel.text() == "已保存，工作台将按新的天数提醒"

    dashboard = DashboardPage(desk, tasks, admin)
    qtbot.addWidget(dashboard)
    dashboard.refresh()
    qtbot.waitUntil(lambda: dashboard.data is not None)
    text = dashboard.ui.figuresLabel.text()
    assert "在办超过 15 天 1 件" in text and "10 日内司法确认" in text


@pytest.mark.parametrize(
    ("overdue", "judicial", "named"),
    [
        ("0", "7", {"overdueDaysError": "在办超期天数须为 1–365 的整数（天）"}),
        ("三十", "7", {"overdueDaysError": "在办超期天数须为 1–365 的整数（天）"}),
        ("30", "31", {"judicialDaysError": "司法确认提醒天数须为 1–30 的整数（天）"}),
        (
            "",
            "",
            {
                "overdueDaysError": "在办超期天数须为 1–365 的整数（天）",
                "judicialDaysError": "司法确认提醒天数须为 1–30 的整数（天）",
            },
        ),
    ],
)
def test_bad_targets_are_named_next_to_their_field(
    qtbot: Any, page: SettingsPage, desk: Desk, overdue: str, judicial: str, named: dict[str, str]
) -> None:
    ui = page.ui
    changed: list[bool] = []
    page.targets_changed.connect(lambda: changed.append(True))
    ui.overdueDaysEdit.setText(overdue)
    ui.judicialDaysEdit.setText(judicial)
    page.save_targets()
    qtbot.waitUntil(lambda: ui.rulesStatusLabel.text() == "未保存：请按提示修改")
    for label in ("overdueDaysError", "judicialDaysError"):
        assert getattr(ui, label).text() == named.get(label, "")
    assert case_targets.get_targets(desk) == CaseTargets() and changed == []


def test_other_roles_see_the_rules_read_only_and_a_refusal_calmly(
    qtbot: Any, make_page: Callable[[Actor], SettingsPage], desk: Desk, admin: Actor, messages: Any
) -> None:
    accounts.add_operator(
        desk, admin, {"username": "clerk", "display_name": "金晓燕", "role": "clerk", "password": PASSWORD}
    )
    clerk = Actor("clerk", "clerk", display_name="金晓燕")
    case_targets.set_targets(desk, admin, overdue_days=20)
    page = make_page(clerk)
    ui = page.ui
    assert ui.overdueDaysEdit.text() == "20" and ui.overdueDaysEdit.isReadOnly()
    assert not ui.saveRulesButton.isEnabled() and "主任设置" in ui.rulesNote.text()
    assert not ui.restoreButton.isEnabled() and not ui.chooseDataButton.isEnabled()
    assert ui.backupButton.isEnabled() and ui.checkButton.isEnabled()
    assert "只有主任" in ui.dataAdminNote.text()

    page.save_targets()  # reached anyway (Enter in a read-only field): the service decides
    qtbot.waitUntil(lambda: ui.rulesStatusLabel.text().startswith("未保存"))
    assert ui.rulesStatusLabel.text() == "未保存：记录员无权修改办案提醒设置"
    assert case_targets.get_targets(desk).overdue_days == 20
    assert messages.shown == []  # said on the page, no alarming dialog

    page.data.restore_from(desk.paths.database)  # and a restore reached anyway is refused too
    qtbot.waitUntil(lambda: bool(messages.shown))
    wait_idle(qtbot, page)
    ((kind, _title, text),) = messages.shown  # refused before anyone is asked to confirm
    assert kind == "warning" and "记录员无权恢复备份" in text and "当前数据没有任何改动" in text

    page.set_actor(admin)  # the 主任 logs in on the same window
    assert not ui.overdueDaysEdit.isReadOnly() and ui.saveRulesButton.isEnabled()
    assert ui.restoreButton.isEnabled() and ui.dataAdminNote.text() == ""


# ---- 数据 ---------------------------------------------------------------------------------------


def test_the_data_and_backup_locations_are_shown(page: SettingsPage, desk: Desk) -> None:
    ui = page.ui
    assert ui.dataLocationLabel.text() == str(desk.paths.data)
    assert "--data-dir" in ui.dataLocationNote.text()  # the tests start the desk on a folder
    assert not ui.chooseDataButton.isEnabled()  # … which only the start-up can change
    assert str(desk.paths.backups) in ui.backupFolderLabel.text()


def test_backup_now_creates_a_file_and_reports_it(
    qtbot: Any, page: SettingsPage, desk: Desk, tmp_path: Path, gui_settings: DeskSettings
) -> None:
    ui = page.ui
    qtbot.mouseClick(ui.backupButton, Qt.MouseButton.LeftButton)
    assert page.data.busy and not ui.backupButton.isEnabled() and not ui.progressBar.isHidden()
    wait_idle(qtbot, page)
    (made,) = desk.paths.backups.glob("desk-backup-*.sqlite3")
    assert ui.dataStatusLabel.text().startswith(f"已备份到：{made}（")
    assert ui.progressBar.isHidden() and ui.backupButton.isEnabled()

    stick = tmp_path / "u-disk"
    page.data.set_backup_folder(str(stick))  # not plugged in
    wait_idle(qtbot, page)
    assert ui.backupFolderError.text() == f"找不到备份文件夹：{stick}"
    assert gui_settings.get(BACKUP_FOLDER) == ""
    stick.mkdir()
    page.data.set_backup_folder(str(stick))
    wait_idle(qtbot, page)
    assert ui.backupFolderError.text() == "" and gui_settings.get(BACKUP_FOLDER) == str(stick)
    page.data.back_up_now()
    wait_idle(qtbot, page)
    assert len(list(stick.glob("desk-backup-*.sqlite3"))) == 1


def test_restore_replaces_the_data_after_confirmation(
    qtbot: Any,
    page: SettingsPage,
    desk: Desk,
    admin: Actor,
    intake_form: Any,
    make_party: Any,
    messages: Any,
    chosen_file: list[str],
) -> None:
    intake.open_case(desk, admin, intake_form())
    page.data.back_up_now()
    wait_idle(qtbot, page)
    (made,) = desk.paths.backups.glob("desk-backup-*.sqlite3")
    before = case_numbers(desk)
    intake.open_case(desk, admin, intake_form(make_party("赵六斤"), make_party("钱小妹")))
    assert len(case_numbers(desk)) == 2

    messages.answer = QMessageBox.StandardButton.No  # first the operator thinks better of it
    chosen_file.append(str(made))
    qtbot.mouseClick(page.ui.restoreButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(messages.shown))
    wait_idle(qtbot, page)
    assert len(case_numbers(desk)) == 2 and page.ui.dataStatusLabel.text() == "已取消恢复，数据没有任何改动。"

    messages.shown.clear()
    messages.answer = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(page.restore_finished, timeout=20_000) as finished:
        page.data.restore_from(made)
    assert finished.args == [str(made)]
    (kind, title, question), (done_kind, _, done) = messages.shown
    assert (kind, title) == ("question", "恢复备份")
    assert made.name in question and "案件：1 件" in question and "不可撤销" in question
    assert str(desk.paths.backups) in question  # where the current data is kept first
    assert done_kind == "information" and "请重新登录" in done
    assert case_numbers(desk) == before and desk.vault is None
    assert len(list(desk.paths.backups.glob("pre-restore-*.sqlite3"))) == 1


def test_a_corrupt_backup_is_refused_and_nothing_changes(
    qtbot: Any, page: SettingsPage, desk: Desk, admin: Actor, intake_form: Any, tmp_path: Path, messages: Any
) -> None:
    intake.open_case(desk, admin, intake_form())
    before = case_numbers(desk)
    bad = tmp_path / "desk-backup-20260101-080000.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 40)
    finished: list[str] = []
    page.restore_finished.connect(finished.append)
    page.data.restore_from(bad)
    qtbot.waitUntil(lambda: bool(messages.shown))
    wait_idle(qtbot, page)
    ((kind, title, text),) = messages.shown  # no question asked: the file is refused first
    assert (kind, title) == ("warning", "未恢复")
    assert bad.name in text and "当前数据没有任何改动" in text
    assert finished == [] and case_numbers(desk) == before and desk.vault is not None
    assert not list(desk.paths.backups.glob("pre-restore-*"))
    with sqlite3.connect(desk.paths.database) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_the_integrity_check_reports_in_words(qtbot: Any, page: SettingsPage) -> None:
    qtbot.mouseClick(page.ui.checkButton, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, page)
    text = page.ui.dataStatusLabel.text()
    assert "数据库文件：完好" in text and "审计记录：完好" in text and "结论：一切正常。" in text


def test_a_data_folder_is_chosen_for_the_next_start(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tasks: TaskManager, messages: Any
) -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("the platform folders are redirected through the XDG variables")
    monkeypatch.delenv(DATA_ENV, raising=False)  # no folder given at start-up: the usual place
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    answer: list[str] = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *_a, **_k: answer.pop()))
    paths = AppPaths.resolve()
    with Desk.open(paths) as desk:
        page = SettingsPage(desk, tasks, DeskSettings(paths.config), Actor("daicailiang", "admin"))
        qtbot.addWidget(page)
        page.refresh()
        qtbot.waitUntil(lambda: page.data.location is not None)
        ui = page.ui
        assert ui.chooseDataButton.isEnabled() and "默认的数据位置" in ui.dataLocationNote.text()

        empty = tmp_path / "d-drive"
        empty.mkdir()
        answer.append(str(empty))
        qtbot.mouseClick(ui.chooseDataButton, Qt.MouseButton.LeftButton)
        wait_idle(qtbot, page)
        assert ui.dataLocationError.text().startswith(f"「{empty}」中没有工作台数据。要把数据搬到这里：先关闭工作台")
        assert AppPaths.resolve().data == paths.data and messages.shown == []

        backup_database(paths.database, empty / "desk.sqlite3")  # the folder copied over by hand
        answer.append(str(empty))
        qtbot.mouseClick(ui.chooseDataButton, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(messages.shown))
        assert ui.dataLocationError.text() == ""
        ((kind, _title, text),) = messages.shown
        assert kind == "information" and f"下次启动工作台时将使用：{empty}" in text
        assert ui.dataLocationLabel.text() == str(paths.data)  # this run goes on where it was
        assert f"下次启动将改用：{empty}" in ui.dataLocationNote.text()
        assert AppPaths.resolve().data == empty and ui.resetDataButton.isEnabled()

        qtbot.mouseClick(ui.resetDataButton, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: len(messages.shown) == 2)
        assert AppPaths.resolve().data == paths.data
