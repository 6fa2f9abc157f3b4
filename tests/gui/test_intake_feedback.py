"""受理 after Ctrl+S: the new case number shown large with "打开案件" and "打印受理登记表"; the
"未保存" line gone once the problems are fixed; the mouse wheel never changes a field the clerk
has not chosen; the page knows when what it holds would be lost."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget
from test_intake_page import APPLICANT_ID, fill_intake, valid_id

from mediation_desk.core.uow import SYSTEM, Actor
from mediation_desk.desk import Desk
from mediation_desk.gui.documents_dialog import DocumentsDialog
from mediation_desk.gui.pages.intake import IntakePage
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.mediation import queries


@pytest.fixture
def page(qtbot: Any, desk: Desk, tasks: TaskManager, clerk: Actor) -> IntakePage:
    widget = IntakePage(desk, tasks, clerk)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    return widget


def wheel(widget: QWidget, steps: int) -> None:
    """The mouse wheel turned over `widget` (up for steps > 0), the pointer just passing by."""
    event = QWheelEvent(
        QPointF(5, 5),
        QPointF(widget.mapToGlobal(QPoint(5, 5))),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def value(widget: Any) -> Any:
    return widget.currentIndex() if hasattr(widget, "currentIndex") else widget.text()


def test_after_ctrl_s_the_number_is_shown_large_with_what_comes_next(
    qtbot: Any, page: IntakePage, desk: Desk, type_text: Any
) -> None:
    fill_intake(page, type_text, qtbot)
    with qtbot.waitSignal(page.case_saved, timeout=10_000) as saved:
        qtbot.keyClick(page.ui.briefFacts, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    case_id, number = saved.args
    banner = page.saved_banner
    assert banner.isVisible() and banner.number_label.text() == f"已受理　案号：{number}"
    assert banner.number_label.fontInfo().pixelSize() > page.ui.statusLabel.fontInfo().pixelSize()
    assert banner.open_button.isVisible() and banner.open_button.text().startswith("打开案件")
    assert banner.print_button.isVisible() and banner.print_button.text().startswith("打印受理登记表")

    with qtbot.waitSignal(page.case_requested, timeout=1000) as opened:
        qtbot.mouseClick(banner.open_button, Qt.MouseButton.LeftButton)
    assert opened.args == [case_id]

    qtbot.mouseClick(banner.print_button, Qt.MouseButton.LeftButton)
    dialog = page.documents_dialog
    assert isinstance(dialog, DocumentsDialog) and dialog.isVisible() and dialog.case_id == case_id
    qtbot.waitUntil(lambda: dialog.available is not None and not page.tasks.busy, timeout=10_000)
    assert dialog.selected_kind() == "registration"
    dialog.close()


def test_the_unsaved_line_goes_once_the_problems_are_fixed(
    qtbot: Any, page: IntakePage, desk: Desk, type_text: Any
) -> None:
    fill_intake(page, type_text, qtbot)
    right = valid_id(APPLICANT_ID[:17])
    applicant = page.parties[0].ui
    type_text(applicant.idNumber, right[:17] + ("3" if right[17] != "3" else "4"))
    type_text(page.ui.amount, "一千")
    qtbot.keyClick(page.ui.briefFacts, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not page.saving, timeout=10_000)
    assert page.ui.statusLabel.text() == "未保存：请按提示修改后再保存"

    type_text(page.ui.amount, "1200")  # one of two fixed: the line stays
    assert page.ui.statusLabel.text() == "未保存：请按提示修改后再保存"
    type_text(applicant.idNumber, right)  # the last one fixed: it goes
    assert page.ui.statusLabel.text() == ""
    qtbot.waitUntil(lambda: not page.tasks.busy)
    assert queries.list_cases(desk, SYSTEM) == []  # nothing was saved meanwhile


def test_the_wheel_never_changes_a_field_not_chosen(qtbot: Any, page: IntakePage) -> None:
    u = page.ui
    u.briefFacts.setFocus()
    third = page.add_party()  # added later: guarded as well
    fields = [
        (u.persons, 1),
        (u.disputeType, -1),
        (u.source, -1),
        (u.acceptedOn, -1),
        (page.parties[0].ui.idType, -1),
        (third.ui.role, -1),
        (third.ui.gender, -1),
    ]
    for widget, steps in fields:
        before = value(widget)
        wheel(widget, steps)
        assert value(widget) == before, widget.objectName()
        assert widget.focusPolicy() == Qt.FocusPolicy.StrongFocus  # a wheel never gives it the focus


def test_the_page_knows_what_would_be_lost(page: IntakePage) -> None:
    assert page.unsaved_work() is None  # an empty form: nothing to lose
    page.ui.briefFacts.setPlainText("两家因围墙发生争执")
    assert page.unsaved_work() == "受理登记"
    page.discard_work()
    assert page.unsaved_work() is None and page.ui.briefFacts.toPlainText() == ""
    page.add_party()
    assert page.unsaved_work() == "受理登记"  # a third party added is work too
