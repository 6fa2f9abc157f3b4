"""The whole desk driven through its window, as a clerk would on the first day: the first-run
wizard, a login after locking, an intake typed in (a wrong ID number refused and nothing saved),
the case found in the list and by search, a mediator assigned through the dialog, a session
record, the agreement signed and performed, a follow-up visit and the closing."""

from __future__ import annotations

from typing import Any

from case_page_helpers import (
    offered,
    press,
    record_session_towards_agreement,
    record_written_agreement,
    save,
    settled,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from test_intake_page import APPLICANT_ID, fill_intake, valid_id

from mediation_desk.core.models import AuditRecord
from mediation_desk.core.uow import SYSTEM
from mediation_desk.desk import Desk
from mediation_desk.gui.first_run import FirstRunWizard
from mediation_desk.gui.flow import DeskFlow
from mediation_desk.gui.login import LoginDialog
from mediation_desk.gui.main_window import MainWindow
from mediation_desk.gui.recovery_key import RecoveryKeyDialog
from mediation_desk.mediation import mediators, queries
from mediation_desk.mediation.models_case import MediationCase
from mediation_desk.people.models import Person

PASSWORD = "Xietang-2026!"


def click(qtbot: Any, widget: Any) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def count(desk: Desk, model: Any) -> int:
    from sqlalchemy import func, select

    with desk.read() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def first_run(qtbot: Any, flow: DeskFlow, visible: Any, type_text: Any) -> MainWindow:
    flow.start()
    wizard = visible(FirstRunWizard)
    committee = wizard.committee_page.ui
    type_text(committee.nameEdit, "谢家塘村人民调解委员会")
    type_text(committee.codeEdit, "XT-001")
    type_text(committee.townEdit, "谢塘镇")
    type_text(committee.villageEdit, "谢家塘村")
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    admin = wizard.admin_page.ui
    type_text(admin.usernameEdit, "daicailiang")
    type_text(admin.displayNameEdit, "戴才良")
    type_text(admin.passwordEdit, PASSWORD)
    type_text(admin.passwordAgainEdit, PASSWORD)
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    qtbot.waitUntil(lambda: wizard.key_page.usable is not None, timeout=10_000)
    wizard.key_page.ui.askButton.setChecked(True)  # the data key: not kept in the OS keyring
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    qtbot.waitUntil(lambda: visible(RecoveryKeyDialog) is not None, timeout=10_000)
    key_dialog = visible(RecoveryKeyDialog)
    key_dialog.ui.confirmCheck.setChecked(True)
    click(qtbot, key_dialog.ui.doneButton)
    window = visible(MainWindow)
    assert window is not None
    return window


def lock_and_log_in(qtbot: Any, window: MainWindow, visible: Any, type_text: Any) -> None:
    window.ui.actionLock.trigger()  # Ctrl+L
    qtbot.waitUntil(lambda: visible(LoginDialog) is not None, timeout=10_000)
    assert window.locked and window.desk.vault is None
    login = visible(LoginDialog)
    type_text(login.ui.usernameEdit, "daicailiang")
    type_text(login.ui.passwordEdit, "not-the-password")
    click(qtbot, login.ui.loginButton)
    qtbot.waitUntil(lambda: login.ui.loginButton.isEnabled(), timeout=10_000)
    assert window.locked and login.isVisible()  # a wrong password opens nothing
    type_text(login.ui.passwordEdit, PASSWORD)
    click(qtbot, login.ui.loginButton)
    qtbot.waitUntil(lambda: not window.locked, timeout=10_000)


def test_a_first_day_at_the_desk(
    qtbot: Any, flow: DeskFlow, desk: Desk, visible: Any, type_text: Any, messages: Any
) -> None:
    window = first_run(qtbot, flow, visible, type_text)
    lock_and_log_in(qtbot, window, visible, type_text)
    mediators.add_mediator(
        desk, window.actor, {"name": "谢阿根", "area": "谢家塘村", "skills": ["neighbour"], "title": "老娘舅"}
    )

    # Intake by keyboard (Ctrl+N): a wrong ID number is named and nothing at all is saved.
    window.intake_action.trigger()
    assert window.current_page() is window.intake
    intake = window.intake
    fill_intake(intake, type_text, qtbot)
    right = valid_id(APPLICANT_ID[:17])
    applicant = intake.parties[0].ui
    type_text(applicant.idNumber, right[:17] + ("3" if right[17] != "3" else "4"))
    audits = count(desk, AuditRecord)
    click(qtbot, intake.ui.saveAssignButton)
    qtbot.waitUntil(lambda: not intake.saving, timeout=10_000)
    assert "校验不通过" in applicant.idNumberError.text()
    assert (count(desk, MediationCase), count(desk, Person), count(desk, AuditRecord)) == (0, 0, audits)

    # Corrected and saved with "保存并派单": the case page opens with the assignment dialog.
    type_text(applicant.idNumber, right)
    click(qtbot, intake.ui.saveAssignButton)
    page = window.case_page
    qtbot.waitUntil(lambda: window.current_page() is page and page.dialog is not None, timeout=10_000)
    [case] = queries.list_cases(desk, SYSTEM)
    dialog = page.dialog
    qtbot.waitUntil(lambda: dialog.ranking is not None, timeout=10_000)
    save(qtbot, page, dialog)
    assert page.view.status == "assigned"

    # The case is in the list and found by a party's name; Enter opens it again.
    window.search_cases()
    assert window.current_page() is window.cases
    type_text(window.cases.ui.searchEdit, "陈秀英")
    model = window.cases.model
    qtbot.waitUntil(
        lambda: not window.cases.search_timer.isActive() and not model.fetching and model.rowCount() == 1,
        timeout=10_000,
    )
    assert model.case_id(0) == case.id
    table = window.cases.ui.caseTable
    table.setFocus()
    table.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_page() is page and settled(page), timeout=10_000)

    # A session, the written agreement, signatures, performance, a follow-up and the closing.
    record_session_towards_agreement(qtbot, page, type_text)
    record_written_agreement(qtbot, page, type_text, "陈秀英将围墙降低三十公分")

    save(qtbot, page, press(qtbot, page, "sign"))
    save(qtbot, page, press(qtbot, page, "perform"))
    dialog = press(qtbot, page, "follow_up")
    dialog.ui.performanceStatus.setCurrentIndex(dialog.ui.performanceStatus.findData("fully_performed"))
    dialog.ui.satisfaction.setCurrentIndex(dialog.ui.satisfaction.findData("satisfied"))
    type_text(dialog.ui.notes, "围墙已降低，双方满意")
    save(qtbot, page, dialog)
    assert "close" in offered(page)
    save(qtbot, page, press(qtbot, page, "close"))
    assert any("已结案" in text for text in messages.texts("question"))  # confirmed before closing
    assert page.view.status == "closed" and offered(page) == {}

    # Back on the dashboard the closed case is counted as such.
    window.go_to(window.dashboard)
    qtbot.waitUntil(lambda: window.dashboard.data is not None and not window.tasks.busy, timeout=10_000)
    assert window.dashboard.count_labels["closed"].text() == "1"
    assert queries.case_detail(desk, window.actor, case.id).summary.status == "closed"
