"""设置 (settings): the window's own settings (language, large font, idle lock; window.ini on this
PC), the committee's reminder targets (in the desk database, 主任 only) and the data — where it
lives, backups, restore and the integrity check (settings_data.py).

The page saves what it is given and says so through its signals; the main window and the
application act on them (re-font the application, re-time the idle lock, re-read the dashboard,
log in again after a restore). A value typed but not applied is asked about before the window
quits, locks or shows another page (`unsaved_work`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.errors import DeskError, ValidationError
from mediation_desk.gui.field_errors import show_problems
from mediation_desk.gui.font_mode import apply_font_mode
from mediation_desk.gui.forms.ui_settings_page import Ui_SettingsPage
from mediation_desk.gui.pages.settings_data import RED, DataSection
from mediation_desk.gui.pages.settings_fonts import FontSection
from mediation_desk.gui.settings import (
    IDLE_LOCK_MINUTES,
    LANGUAGE,
    LARGE_FONT,
    DeskSettings,
)
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.gui.unsaved_work import Then
from mediation_desk.gui.wheel_guard import guard_wheel
from mediation_desk.mediation import case_targets
from mediation_desk.mediation.case_targets import CaseTargets
from mediation_desk.privacy import roles

__all__ = ["IDLE_MINUTES_RANGE", "LANGUAGE_NAMES", "SettingsPage", "apply_font_mode"]

# Each language named in itself, so whoever cannot read the current one still finds theirs.
LANGUAGE_NAMES = (("zh_CN", "简体中文"), ("en", "English"))
IDLE_MINUTES_RANGE = (1, 120)  # 0 ("never") is not offered: personal data must not stay open


def whole_number(text: str) -> int | None:
    text = text.strip()
    return int(text) if text.isdecimal() else None  # also full-width ０–９


class SettingsPage(QWidget):
    language_changed = Signal(str)  # "zh_CN" | "en"; saved, takes full effect at the next start
    large_font_changed = Signal(bool)  # saved; the application calls apply_font_mode(app, large)
    idle_minutes_changed = Signal(int)  # saved; the idle lock should use minutes * 60 from now on
    targets_changed = Signal()  # the committee's reminder targets changed: re-read the dashboard
    restore_finished = Signal(str)  # a backup (this path) replaced the data; the desk is locked

    def __init__(
        self, desk: Desk, tasks: TaskManager, settings: DeskSettings, actor: Actor, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = tasks
        self.settings = settings
        self.actor = actor
        self.targets: CaseTargets | None = None
        self._saving_targets = False
        self._after_save: Then | None = None  # what was waiting for the targets to be saved
        self.ui = Ui_SettingsPage()
        self.ui.setupUi(self)
        ui = self.ui
        for code, name in LANGUAGE_NAMES:
            ui.languageCombo.addItem(name, code)
        self.rule_errors = {"overdue_days": ui.overdueDaysError, "judicial_window_days": ui.judicialDaysError}
        ui.applyInterfaceButton.clicked.connect(self.apply_interface)
        ui.idleMinutesEdit.returnPressed.connect(self.apply_interface)
        ui.saveRulesButton.clicked.connect(self.save_targets)
        for edit in (ui.overdueDaysEdit, ui.judicialDaysEdit):
            edit.returnPressed.connect(self.save_targets)
        self.data = DataSection(self)
        self.data.restore_finished.connect(self.restore_finished)
        self.fonts = FontSection(tasks, ui.scrollContents)
        ui.contentsLayout.insertWidget(ui.contentsLayout.indexOf(ui.dataBox) + 1, self.fonts)
        self.show_interface()
        self.set_actor(actor)
        self.wheel_guard = guard_wheel(self)  # the language changes only once chosen

    # ---- unsaved work ---------------------------------------------------------------------------

    def _interface_changed(self) -> bool:
        ui, saved = self.ui, self.settings
        return (ui.languageCombo.currentData(), ui.largeFontCheck.isChecked(), ui.idleMinutesEdit.text().strip()) != (
            saved.language,
            saved.large_font,
            str(saved.idle_lock_minutes),
        )

    def _targets_changed(self) -> bool:
        t, ui = self.targets, self.ui
        if t is None or not self.may_change_targets():
            return False
        typed = (ui.overdueDaysEdit.text().strip(), ui.judicialDaysEdit.text().strip())
        return typed != (str(t.overdue_days), str(t.judicial_window_days))

    def unsaved_work(self) -> str | None:
        return self.tr("设置") if self._interface_changed() or self._targets_changed() else None

    def save_work(self, then: Then) -> None:
        if self._interface_changed() and not self.apply_interface():
            return
        if not self._targets_changed():
            then()
            return
        self._after_save = then
        self.save_targets()

    def discard_work(self) -> None:
        self.show_interface()
        if self.targets is not None:
            self._show_targets(self.targets)
        show_problems(self.rule_errors, [])

    def set_actor(self, actor: Actor) -> None:
        """After a login, possibly by another operator: what may be changed follows the role."""
        self.actor = actor
        may_change = self.may_change_targets()
        ui = self.ui
        for edit in (ui.overdueDaysEdit, ui.judicialDaysEdit):
            edit.setReadOnly(not may_change)
        ui.saveRulesButton.setEnabled(may_change and not self._saving_targets)
        ui.rulesNote.setText(
            self.tr("这是本调解委员会的规定，对本机所有操作员有效。")
            if may_change
            else self.tr("办案提醒由主任设置，这里只能查看。")
        )
        self.data.show_permissions()

    def may_change_targets(self) -> bool:
        """Only hides what the table refuses: `set_targets` decides (and audits a refusal)."""
        return roles.allowed(self.actor.role, case_targets.ACTION)

    def refresh(self) -> None:
        """Shown or F5: the settings as saved now, the targets and the data location read again."""
        self.show_interface()
        show_problems(self.rule_errors, [])
        self.tasks.run(
            case_targets.get_targets,
            self.desk,
            on_done=self._show_targets,
            on_error=self._targets_unreadable,
            owner=self,
        )
        self.data.refresh()
        self.fonts.refresh()

    # ---- 界面 -------------------------------------------------------------------------------------

    def show_interface(self) -> None:
        ui = self.ui
        ui.languageCombo.setCurrentIndex(max(0, ui.languageCombo.findData(self.settings.language)))
        ui.largeFontCheck.setChecked(self.settings.large_font)
        ui.idleMinutesEdit.setText(str(self.settings.idle_lock_minutes))
        ui.idleMinutesError.clear()

    def apply_interface(self) -> bool:
        """Save the three window settings together; a bad value saves none of them."""
        ui = self.ui
        low, high = IDLE_MINUTES_RANGE
        minutes = whole_number(ui.idleMinutesEdit.text())
        if minutes is None or not low <= minutes <= high:
            ui.idleMinutesError.setText(
                self.tr("自动锁定时间须为 {low}–{high} 的整数（分钟）").format(low=low, high=high)
            )
            ui.interfaceStatusLabel.setText(self.tr("未应用：请按提示修改"))
            _focus(ui.idleMinutesEdit)
            return False
        ui.idleMinutesError.clear()
        language, large = ui.languageCombo.currentData(), ui.largeFontCheck.isChecked()
        changed = [
            (LANGUAGE, language, self.language_changed),
            (LARGE_FONT, large, self.large_font_changed),
            (IDLE_LOCK_MINUTES, minutes, self.idle_minutes_changed),
        ]
        changed = [(s, v, signal) for s, v, signal in changed if self.settings.get(s) != v]
        for setting, value, _signal in changed:
            self.settings.set(setting, value)
        status = self.tr("已应用") if changed else self.tr("没有改动")
        if any(setting is LANGUAGE for setting, *_ in changed):
            status = self.tr("已保存。更改的语言在重新启动工作台后全部生效。")
        ui.interfaceStatusLabel.setText(status)
        for _setting, value, signal in changed:
            signal.emit(value)
        return True

    # ---- 办案提醒 ---------------------------------------------------------------------------------

    def _show_targets(self, targets: CaseTargets) -> None:
        self.targets = targets
        self.ui.overdueDaysEdit.setText(str(targets.overdue_days))
        self.ui.judicialDaysEdit.setText(str(targets.judicial_window_days))

    def _targets_unreadable(self, error: BaseException) -> None:
        if not isinstance(error, DeskError):
            raise error
        self.ui.rulesStatusLabel.setStyleSheet(RED)
        self.ui.rulesStatusLabel.setText(str(error))

    def save_targets(self) -> None:
        if self._saving_targets:
            return
        ui = self.ui
        values: dict[str, Any] = {
            "overdue_days": ui.overdueDaysEdit.text().strip(),
            "judicial_window_days": ui.judicialDaysEdit.text().strip(),
        }
        self._saving_targets = True
        ui.saveRulesButton.setEnabled(False)
        ui.rulesStatusLabel.setStyleSheet("")
        ui.rulesStatusLabel.setText(self.tr("正在保存……"))
        self.tasks.run(
            case_targets.set_targets,
            self.desk,
            self.actor,
            on_done=self._targets_saved,
            on_error=self._targets_refused,
            owner=self,
            **values,
        )

    def _saving_done(self) -> None:
        self._saving_targets = False
        self.ui.saveRulesButton.setEnabled(self.may_change_targets())

    def _targets_saved(self, targets: CaseTargets) -> None:
        self._saving_done()
        changed = targets != self.targets
        self._show_targets(targets)
        show_problems(self.rule_errors, [])
        self.ui.rulesStatusLabel.setText(self.tr("已保存，工作台将按新的天数提醒") if changed else self.tr("没有改动"))
        if changed:
            self.targets_changed.emit()
        then, self._after_save = self._after_save, None
        if then is not None:
            then()

    def _targets_refused(self, error: BaseException) -> None:
        self._saving_done()
        self._after_save = None  # refused: the page stays, showing why
        if not isinstance(error, DeskError):
            self.ui.rulesStatusLabel.clear()
            raise error
        label = self.ui.rulesStatusLabel
        if isinstance(error, ValidationError):
            unplaced = show_problems(self.rule_errors, error.problems)
            label.setStyleSheet("")
            label.setText(self.tr("未保存：请按提示修改"))
            first = error.problems[0].field
            _focus(self.ui.overdueDaysEdit if first == "overdue_days" else self.ui.judicialDaysEdit)
            if not unplaced:
                return
        show_problems(self.rule_errors, [])
        label.setStyleSheet(RED)
        label.setText(self.tr("未保存：{reason}").format(reason=error))


def _focus(edit: QLineEdit) -> None:
    edit.setFocus()
    edit.selectAll()
