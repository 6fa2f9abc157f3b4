"""State changes through the case page: termination with the art. 26 routes (a missing reason or
route named next to its input, nothing saved), escalation with its level and prevention
counters, declining; each irreversible change confirmed first, and "No" changes nothing."""

from __future__ import annotations

from typing import Any

from case_page_helpers import offered, open_case, page, press, refuse, save  # noqa: F401  (page is a fixture)
from PySide6.QtWidgets import QMessageBox
from service_helpers import Env, case_row, count, env, mediating_case, new_case  # noqa: F401  (env is a fixture)

from mediation_desk.gui.dialogs.transition import TransitionDialog
from mediation_desk.gui.pages.case_page import CasePage
from mediation_desk.mediation import queries
from mediation_desk.mediation.models_case import CaseTransition


def test_termination_needs_a_reason_and_the_routes_told(
    qtbot: Any, page: CasePage, env: Env, messages: Any, type_text: Any
) -> None:
    case_id = mediating_case(env)
    open_case(qtbot, page, case_id)
    dialog = press(qtbot, page, "terminate")
    assert isinstance(dialog, TransitionDialog)
    u = dialog.ui
    assert "人民调解法第二十六条" in u.hintLabel.text() and u.routesBox.isVisibleTo(dialog)
    assert not u.level.isVisibleTo(dialog)
    transitions = count(env.desk, CaseTransition)

    refuse(qtbot, page, dialog)
    assert u.reasonError.text() == "终止调解须写明理由（人民调解法第二十六条）"
    type_text(u.reason, "双方分歧过大，调解不成")
    refuse(qtbot, page, dialog)
    assert u.reasonError.text() == ""
    assert u.routesError.text() == "终止调解须告知当事人其他救济途径（人民调解法第二十六条）"
    assert count(env.desk, CaseTransition) == transitions and case_row(env.desk, case_id).status == "in_mediation"
    assert messages.texts("question") == []  # an incomplete form is not even confirmed

    dialog.route_boxes["litigation"].click()
    dialog.route_boxes["arbitration"].click()
    dialog.prevented_boxes["civil_to_criminal"].click()
    messages.answer = QMessageBox.StandardButton.No  # asked to confirm: not yet
    refuse(qtbot, page, dialog)
    assert messages.texts("question")[-1].startswith(f"确定将 {page.view.detail.summary.number} 转为「终止调解」吗？")
    assert case_row(env.desk, case_id).status == "in_mediation"

    messages.answer = QMessageBox.StandardButton.Yes
    save(qtbot, page, dialog)
    d = queries.case_detail(env.desk, env.admin, case_id)
    assert (d.summary.status, d.status_reason, d.routes_told, d.prevented) == (
        "terminated",
        "双方分歧过大，调解不成",
        ("arbitration", "litigation"),
        ("civil_to_criminal",),
    )
    info = page.ui.infoLabel.text()
    assert "终止调解理由：双方分歧过大，调解不成" in info and "已告知的其他途径：仲裁、诉讼" in info
    assert "已防止：防止民转刑" in info
    assert offered(page) == {"close": True}

    closing = press(qtbot, page, "close")
    save(qtbot, page, closing)
    assert messages.texts("question")[-1].startswith(f"确定将 {d.summary.number} 转为「已结案」吗？")
    assert page.view.status == "closed" and offered(page) == {}


def test_escalation_goes_to_a_chosen_level(qtbot: Any, page: CasePage, env: Env, messages: Any) -> None:
    case_id = new_case(env)
    open_case(qtbot, page, case_id)
    dialog = press(qtbot, page, "escalate")
    u = dialog.ui
    assert u.level.isVisibleTo(dialog) and not u.routesBox.isVisibleTo(dialog)
    assert [u.level.itemText(i) for i in range(u.level.count())] == [
        "（请选择）",
        "镇（街道）矛调中心",
        "区（县）社会治理中心",
    ]
    u.reason.setPlainText("纠纷有激化为治安案件的可能")
    refuse(qtbot, page, dialog)
    assert u.levelError.text() == "上报须选择接收层级：镇（街道）或区（县）（人民调解法第二十五条）"
    assert case_row(env.desk, case_id).status == "accepted"

    u.level.setCurrentIndex(u.level.findData("town"))
    dialog.prevented_boxes["group_fight"].click()
    save(qtbot, page, dialog)
    assert len(messages.texts("question")) == 1
    d = queries.case_detail(env.desk, env.admin, case_id)
    assert (d.summary.status, d.escalated_to, d.prevented) == ("escalated", "town", ("group_fight",))
    assert "上报至：镇（街道）矛调中心" in page.ui.infoLabel.text()
    assert offered(page) == {}


def test_declining_records_the_refusal(qtbot: Any, page: CasePage, env: Env, messages: Any) -> None:
    case_id = new_case(env)
    open_case(qtbot, page, case_id)
    dialog = press(qtbot, page, "decline")
    assert "人民调解法第十七条" in dialog.ui.hintLabel.text()
    dialog.ui.reason.setPlainText("被申请人明确表示不同意调解")
    save(qtbot, page, dialog)
    assert case_row(env.desk, case_id).status == "declined"
    assert "不予调解理由：被申请人明确表示不同意调解" in page.ui.infoLabel.text()


def test_cancel_changes_nothing(qtbot: Any, page: CasePage, env: Env, messages: Any) -> None:
    case_id = mediating_case(env)
    open_case(qtbot, page, case_id)
    dialog = press(qtbot, page, "terminate")
    dialog.ui.reason.setPlainText("调解不成")
    dialog.reject()
    assert not dialog.isVisible() and messages.shown == []
    assert case_row(env.desk, case_id).status == "in_mediation"
