"""First run, typed in as a clerk would: a bad committee code is refused and nothing is saved;
then the committee and the first 主任 are saved, the recovery key is shown once, and the main
window opens with the dashboard and the operator in the status bar."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard

from mediation_desk.desk import Desk
from mediation_desk.errors import ValidationError
from mediation_desk.gui.first_run import FirstRunWizard
from mediation_desk.gui.flow import DeskFlow
from mediation_desk.gui.main_window import MainWindow
from mediation_desk.gui.recovery_key import RecoveryKeyDialog

PASSWORD = "Xietang-2026!"
RECOVERY_KEY = re.compile(r"^([A-Z2-7]{4}-){7}[A-Z2-7]{4}$")


def click(qtbot: Any, button: Any) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_first_run_wizard_sets_up_the_desk(
    qtbot: Any, flow: DeskFlow, desk: Desk, visible: Any, type_text: Any
) -> None:
    flow.start()
    wizard = visible(FirstRunWizard)
    assert wizard is not None and visible(MainWindow) is None
    page = wizard.committee_page.ui
    type_text(page.nameEdit, "谢家塘村人民调解委员会")
    type_text(page.codeEdit, "XT 001!")
    type_text(page.townEdit, "谢塘镇")
    type_text(page.villageEdit, "谢家塘村")

    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    assert wizard.currentPage() is wizard.committee_page  # refused, next to the field
    assert "字母、数字和连字符" in page.codeError.text()
    assert page.nameError.text() == "" and page.townError.text() == ""
    assert not desk.is_set_up()  # nothing saved

    type_text(page.codeEdit, "XT-001")
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    assert wizard.currentPage() is wizard.admin_page and page.codeError.text() == ""

    admin = wizard.admin_page.ui
    type_text(admin.usernameEdit, "daicailiang")
    type_text(admin.displayNameEdit, "戴才良")
    type_text(admin.passwordEdit, PASSWORD)
    type_text(admin.passwordAgainEdit, PASSWORD + "x")
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    assert "不一样" in admin.passwordAgainError.text()
    assert not desk.is_set_up()

    type_text(admin.passwordAgainEdit, PASSWORD)
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    qtbot.waitUntil(lambda: visible(RecoveryKeyDialog) is not None, timeout=10_000)
    assert desk.is_set_up() and desk.vault is not None
    assert not wizard.isVisible()

    key_dialog = visible(RecoveryKeyDialog)
    key = key_dialog.ui.keyLabel.text()
    assert RECOVERY_KEY.match(key)
    assert "只显示这一次" in key_dialog.ui.explanationLabel.text()
    click(qtbot, key_dialog.ui.copyButton)
    assert QApplication.clipboard().text() == key
    assert not key_dialog.ui.doneButton.isEnabled()
    qtbot.keyClick(key_dialog, Qt.Key.Key_Escape)
    assert key_dialog.isVisible()  # shown once: not dismissed before it is kept
    key_dialog.ui.confirmCheck.setChecked(True)
    click(qtbot, key_dialog.ui.doneButton)

    window = visible(MainWindow)
    assert window is not None and flow.window is window
    assert window.operator_label.text() == "操作员：戴才良（主任）"
    assert str(desk.paths.data) in window.location_label.text()
    assert window.lock_label.text() == "已解锁"
    qtbot.waitUntil(lambda: window.dashboard.data is not None)
    assert "谢家塘村人民调解委员会" in window.dashboard.ui.committeeLabel.text()
    assert window.dashboard.count_labels["accepted"].text() == "0"


def test_a_problem_found_at_saving_is_shown_on_its_page(qtbot: Any, flow: DeskFlow, desk: Desk, visible: Any) -> None:
    flow.start()
    wizard = visible(FirstRunWizard)
    wizard._refused(ValidationError.single("admin.username", "username_taken", "用户名「dai」已被使用"))
    assert wizard.admin_page.ui.usernameError.text() == "用户名「dai」已被使用"
    assert wizard.isEnabled()


def test_cancelling_the_wizard_ends_the_application(qtbot: Any, flow: DeskFlow, visible: Any) -> None:
    flow.start()
    with qtbot.waitSignal(flow.finished, timeout=2000):
        visible(FirstRunWizard).reject()
