"""First run, typed in as a clerk would: a bad committee code is refused and nothing is saved;
the case word (字号) follows the town in the national form until one is typed; the first 主任;
then a plain question where the data key is kept (the keyring named, or none secure said so) —
nothing is chosen for the user; the recovery key is shown once, can be printed, and the main
window opens. No Alt+ key is used twice on a page of the wizard."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from typing import Any

import keyring
import keyring.backends.fail
import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWizard

from mediation_desk.administration import accounts
from mediation_desk.desk import Desk
from mediation_desk.documents.recovery_sheet import recovery_sheet_pdf
from mediation_desk.errors import ValidationError
from mediation_desk.gui.first_run import FirstRunWizard
from mediation_desk.gui.flow import DeskFlow
from mediation_desk.gui.font_mode import ElderModeCheck, is_large
from mediation_desk.gui.main_window import MainWindow
from mediation_desk.gui.recovery_key import RecoveryKeyDialog

PASSWORD = "Xietang-2026!"
RECOVERY_KEY = re.compile(r"^([A-Z2-7]{4}-){7}[A-Z2-7]{4}$")


def click(qtbot: Any, button: Any) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def fill_committee(wizard: FirstRunWizard, type_text: Any, code: str = "XT-001") -> None:
    page = wizard.committee_page.ui
    type_text(page.nameEdit, "谢家塘村人民调解委员会")
    type_text(page.codeEdit, code)
    type_text(page.townEdit, "谢塘镇")
    type_text(page.villageEdit, "谢家塘村")


def fill_admin(wizard: FirstRunWizard, type_text: Any, again: str = PASSWORD) -> None:
    admin = wizard.admin_page.ui
    type_text(admin.usernameEdit, "daicailiang")
    type_text(admin.displayNameEdit, "戴才良")
    type_text(admin.passwordEdit, PASSWORD)
    type_text(admin.passwordAgainEdit, again)


def to_key_page(qtbot: Any, wizard: FirstRunWizard, type_text: Any) -> None:
    fill_committee(wizard, type_text)
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    fill_admin(wizard, type_text)
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    assert wizard.currentPage() is wizard.key_page
    qtbot.waitUntil(lambda: wizard.key_page.usable is not None, timeout=5000)


def close_key_dialog(qtbot: Any, key_dialog: RecoveryKeyDialog) -> None:
    """Kept: the dialog closes (and the main window opens)."""
    key_dialog.ui.confirmCheck.setChecked(True)
    click(qtbot, key_dialog.ui.doneButton)
    assert not key_dialog.isVisible()


def test_first_run_wizard_sets_up_the_desk(
    qtbot: Any, flow: DeskFlow, desk: Desk, visible: Any, type_text: Any, memory_keyring: Any
) -> None:
    flow.start()
    wizard = visible(FirstRunWizard)
    assert wizard is not None and visible(MainWindow) is None
    page = wizard.committee_page.ui
    fill_committee(wizard, type_text, code="XT 001!")

    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    assert wizard.currentPage() is wizard.committee_page  # refused, next to the field
    assert "字母、数字和连字符" in page.codeError.text()
    assert page.nameError.text() == "" and page.townError.text() == ""
    assert not desk.is_set_up()  # nothing saved

    type_text(page.codeEdit, "XT-001")
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    assert wizard.currentPage() is wizard.admin_page and page.codeError.text() == ""

    admin = wizard.admin_page.ui
    fill_admin(wizard, type_text, again=PASSWORD + "x")
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    assert "不一样" in admin.passwordAgainError.text()
    assert wizard.currentPage() is wizard.admin_page and not desk.is_set_up()

    type_text(admin.passwordAgainEdit, PASSWORD)
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    key_page = wizard.key_page
    assert wizard.currentPage() is key_page
    qtbot.waitUntil(lambda: key_page.usable is not None, timeout=5000)
    # Asked, not chosen: the keyring found is named and nothing is ticked until the user picks.
    assert "本机的系统钥匙串" in key_page.ui.backendLabel.text()
    assert "MemoryKeyring" in key_page.ui.backendLabel.text()
    assert not key_page.ui.keepButton.isChecked() and not key_page.ui.askButton.isChecked()
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()
    key_page.ui.askButton.setChecked(True)
    assert finish.isEnabled()
    click(qtbot, finish)
    qtbot.waitUntil(lambda: visible(RecoveryKeyDialog) is not None, timeout=10_000)
    assert desk.is_set_up() and desk.vault is not None
    assert not wizard.isVisible()
    assert memory_keyring.secrets == {}  # "do not keep it": nothing in the keyring
    assert accounts.get_committee(desk).case_word == "谢人调字"  # the national form's default

    key_dialog = visible(RecoveryKeyDialog)
    key = key_dialog.ui.keyLabel.text()
    assert RECOVERY_KEY.match(key)
    assert "只显示这一次" in key_dialog.ui.explanationLabel.text()
    assert "没有存在这台电脑上" in key_dialog.ui.storageLabel.text()
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


def test_the_case_word_follows_the_town_until_one_is_typed(
    qtbot: Any, flow: DeskFlow, desk: Desk, visible: Any, type_text: Any
) -> None:
    flow.start()
    wizard = visible(FirstRunWizard)
    page = wizard.committee_page.ui
    assert page.caseWordLabel.buddy() is page.caseWordEdit
    fill_committee(wizard, type_text)
    assert page.caseWordEdit.text() == "谢人调字"  # （年）X人调字第 号
    year = dt.date.today().year
    assert f"（{year}）谢人调字第 0001 号" in page.caseWordHint.text()
    type_text(page.caseWordEdit, "谢调字")
    type_text(page.townEdit, "虞山镇")  # the word typed stays
    assert page.caseWordEdit.text() == "谢调字"
    assert f"（{year}）谢调字第 0001 号" in page.caseWordHint.text()
    type_text(page.caseWordEdit, "谢调字谢调字谢调")
    assert wizard.committee_page.values()["case_word"] == "谢调字谢调字谢调"
    type_text(page.caseWordEdit, "谢调字")
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    fill_admin(wizard, type_text)
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    qtbot.waitUntil(lambda: wizard.key_page.usable is not None, timeout=5000)
    wizard.key_page.ui.askButton.setChecked(True)
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    qtbot.waitUntil(lambda: visible(RecoveryKeyDialog) is not None, timeout=10_000)
    assert accounts.get_committee(desk).case_word == "谢调字"
    close_key_dialog(qtbot, visible(RecoveryKeyDialog))


def test_keeping_the_key_in_the_keyring_is_the_users_choice(
    qtbot: Any, flow: DeskFlow, desk: Desk, visible: Any, type_text: Any, memory_keyring: Any
) -> None:
    flow.start()
    wizard = visible(FirstRunWizard)
    to_key_page(qtbot, wizard, type_text)
    assert wizard.key_page.ui.keepButton.isEnabled()
    wizard.key_page.ui.keepButton.setChecked(True)
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    qtbot.waitUntil(lambda: visible(RecoveryKeyDialog) is not None, timeout=10_000)
    assert len(memory_keyring.secrets) == 1  # the data key, as chosen
    key_dialog = visible(RecoveryKeyDialog)
    assert "已存入本机的系统钥匙串" in key_dialog.ui.storageLabel.text()
    close_key_dialog(qtbot, key_dialog)


def test_without_a_secure_keyring_the_wizard_says_so(
    qtbot: Any, flow: DeskFlow, desk: Desk, visible: Any, type_text: Any
) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    flow.start()
    wizard = visible(FirstRunWizard)
    to_key_page(qtbot, wizard, type_text)
    ui = wizard.key_page.ui
    assert "本机没有安全的系统钥匙串" in ui.backendLabel.text() and "fail" in ui.backendLabel.text()
    assert not ui.keepButton.isEnabled() and ui.askButton.isChecked()
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()


def _mnemonics(widgets: list[Any]) -> list[str]:
    keys = []
    for widget in widgets:
        if not widget.isVisibleTo(widget.window()) or (not widget.isEnabled() and not isinstance(widget, QLabel)):
            continue
        if isinstance(widget, QLabel) and widget.buddy() is None:
            continue
        text = widget.text() if isinstance(widget, QAbstractButton | QLabel) else ""
        found = re.search(r"&([^&])", text.replace("&&", ""))
        if found:
            keys.append(found.group(1).upper())
    return keys


def test_no_alt_key_is_used_twice_on_a_page(qtbot: Any, flow: DeskFlow, visible: Any, type_text: Any) -> None:
    flow.start()
    wizard = visible(FirstRunWizard)
    fill_committee(wizard, type_text)
    for page in (wizard.committee_page, wizard.admin_page, wizard.key_page):
        if wizard.currentPage() is not page:
            click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
            if page is wizard.key_page:
                qtbot.waitUntil(lambda: wizard.key_page.usable is not None, timeout=5000)
        if page is wizard.admin_page:
            fill_admin(wizard, type_text)
        assert wizard.currentPage() is page
        shown = [b for b in wizard.findChildren(QAbstractButton) if b.isVisible() and b.window() is wizard]
        shown += [w for w in page.findChildren(QLabel) if w.isVisible()]
        keys = _mnemonics(shown)
        if wizard.button(QWizard.WizardButton.NextButton).isVisible():
            assert "N" in keys  # 下一步(&N), so no field may have it
        assert len(keys) == len(set(keys)), f"{page.title()}: {sorted(keys)}"


def test_elder_mode_is_offered_before_anything_is_typed(
    qtbot: Any, flow: DeskFlow, visible: Any, gui_settings: Any
) -> None:
    flow.start()
    wizard = visible(FirstRunWizard)
    check = wizard.findChild(ElderModeCheck)
    assert check is not None and check.isVisible() and check.window() is wizard
    body = QApplication.font().pixelSize()
    try:
        check.setChecked(True)
        assert is_large() and QApplication.font().pixelSize() > body
        assert gui_settings.large_font  # remembered for the next start
    finally:
        check.setChecked(False)


def test_a_problem_found_at_saving_is_shown_on_its_page(
    qtbot: Any, flow: DeskFlow, desk: Desk, visible: Any, type_text: Any
) -> None:
    flow.start()
    wizard = visible(FirstRunWizard)
    to_key_page(qtbot, wizard, type_text)
    wizard._refused(ValidationError.single("admin.username", "username_taken", "用户名「dai」已被使用"))
    assert wizard.currentPage() is wizard.admin_page  # back where it can be put right
    assert wizard.admin_page.ui.usernameError.text() == "用户名「dai」已被使用"
    assert wizard.admin_page.ui.usernameError.isVisible() and not wizard.admin_page.ui.passwordError.isVisible()
    assert wizard.isEnabled()
    wizard._refused(ValidationError.single("town", "required", "请填写所属镇（街道）"))
    assert wizard.currentPage() is wizard.committee_page
    assert wizard.committee_page.ui.townError.text() == "请填写所属镇（街道）"


def test_cancelling_the_wizard_ends_the_application(qtbot: Any, flow: DeskFlow, visible: Any) -> None:
    flow.start()
    with qtbot.waitSignal(flow.finished, timeout=2000):
        visible(FirstRunWizard).reject()


# ---- the recovery key on paper --------------------------------------------------------------


def test_the_recovery_sheet_holds_the_key_and_what_it_is_for() -> None:
    key = "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567"
    pdf = recovery_sheet_pdf(key, "谢家塘村人民调解委员会", dt.date(2026, 5, 1))
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = "".join(page.extract_text() for page in reader.pages).replace(" ", "").replace("\n", "")
    assert len(reader.pages) == 1
    assert "ABCD-EFGH-IJKL-MNOP" in text and "QRST-UVWX-YZ23-4567" in text
    assert "谢家塘村人民调解委员会" in text and "忘记密码" in text and "2026年5月1日" in text
    assert key not in str(reader.metadata)  # the key is on the page, not in the file's properties


def test_the_recovery_key_dialog_prints_the_key(qtbot: Any, tasks: Any, tmp_path: Path) -> None:
    key = "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567"
    dialog = RecoveryKeyDialog(key, tasks, "谢家塘村人民调解委员会")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.ui.printButton.isEnabled() and dialog.focusWidget() is dialog.ui.printButton
    assert dialog.ui.printButton.shortcut() == QKeySequence("Alt+P")
    target = tmp_path / "printed.pdf"
    asked: list[QPrinter] = []

    def choose(printer: QPrinter) -> bool:  # the print dialog, answered as a user would
        asked.append(printer)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        printer.setResolution(100)
        return True

    dialog.choose_printer = choose  # type: ignore[method-assign]
    click(qtbot, dialog.ui.printButton)
    assert not dialog.ui.printButton.isEnabled()  # the sheet is being made on the desk worker
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    assert asked[0].docName() == "恢复密钥"
    dialog.ui.confirmCheck.setChecked(True)
    dialog.accept()  # while printing the dialog waits
    if dialog.printing:
        assert dialog.isVisible() and "正在打印" in dialog.ui.messageLabel.text()
    qtbot.waitUntil(lambda: not dialog.printing and dialog.ui.printButton.isEnabled(), timeout=30_000)
    assert "已送往打印机" in dialog.ui.messageLabel.text()
    assert target.stat().st_size > 1000
    assert len(pypdf.PdfReader(target).pages) == 1


@pytest.fixture(autouse=True)
def _normal_font_mode() -> Any:
    yield
    from mediation_desk.gui.font_mode import apply_font_mode

    app = QApplication.instance()
    if is_large():
        apply_font_mode(app, False)  # type: ignore[arg-type]
