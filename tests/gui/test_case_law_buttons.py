"""The case page's buttons for an agreement's life (人民调解法第二十六、二十九、三十二条): withdrawing an
unsigned agreement and a party refusing to sign, each confirmed before it is sent ("No" changes
nothing), and an agreement not performed, which needs the parties told they may sue."""

from __future__ import annotations

from typing import Any

from case_page_helpers import offered, open_case, page, press, refuse, save  # noqa: F401  (page is a fixture)
from PySide6.QtWidgets import QMessageBox
from service_helpers import Env, agreed_case, case_row, env, follow_up_case  # noqa: F401  (env is a fixture)

from mediation_desk.gui.dialogs.transition import TransitionDialog
from mediation_desk.gui.pages.case_page import CasePage
from mediation_desk.mediation import queries


def test_withdrawing_an_unsigned_agreement_is_confirmed(
    qtbot: Any, page: CasePage, env: Env, messages: Any, type_text: Any
) -> None:
    case_id = agreed_case(env, signed=False)
    open_case(qtbot, page, case_id)
    assert page.action_buttons["withdraw"].text() == "协议撤回，重新调解…"
    dialog = press(qtbot, page, "withdraw")
    assert isinstance(dialog, TransitionDialog) and "第二十九条" in dialog.ui.hintLabel.text()
    refuse(qtbot, page, dialog)  # no reason
    assert "撤回协议、重新调解须写明理由" in dialog.ui.reasonError.text()
    assert messages.texts("question") == []
    type_text(dialog.ui.reason, "被申请人要求修改履行期限")
    messages.answer = QMessageBox.StandardButton.No
    refuse(qtbot, page, dialog)
    assert "尚未签字的协议" in messages.texts("question")[-1]
    assert case_row(env.desk, case_id).status == "agreed"
    messages.answer = QMessageBox.StandardButton.Yes
    save(qtbot, page, dialog)
    assert page.view.status == "in_mediation"
    assert "撤回" in page.ui.agreementLabel.text()


def test_a_refusal_to_sign_needs_the_routes(
    qtbot: Any, page: CasePage, env: Env, messages: Any, type_text: Any
) -> None:
    case_id = agreed_case(env, signed=False)
    open_case(qtbot, page, case_id)
    dialog = press(qtbot, page, "refuse_sign")
    assert "拒绝在协议上签字" in dialog.ui.hintLabel.text() and dialog.ui.routesBox.isVisibleTo(dialog)
    type_text(dialog.ui.reason, "被申请人拒绝签字")
    refuse(qtbot, page, dialog)
    assert "第二十六条" in dialog.ui.routesError.text()
    dialog.route_boxes["litigation"].click()
    messages.answer = QMessageBox.StandardButton.Yes
    save(qtbot, page, dialog)
    assert queries.case_detail(env.desk, env.admin, case_id).summary.status == "terminated"


def test_unperformed_needs_litigation_told(qtbot: Any, page: CasePage, env: Env, messages: Any, type_text: Any) -> None:
    case_id = follow_up_case(env, perf="partial")
    open_case(qtbot, page, case_id)
    dialog = press(qtbot, page, "unperformed")
    type_text(dialog.ui.reason, "余款拒不支付")
    dialog.route_boxes["arbitration"].click()
    refuse(qtbot, page, dialog)
    assert "提起诉讼" in dialog.ui.routesError.text() and case_row(env.desk, case_id).status == "follow_up"
    dialog.route_boxes["litigation"].click()
    messages.answer = QMessageBox.StandardButton.Yes
    save(qtbot, page, dialog)
    assert page.view.status == "unperformed" and offered(page) == {"close": True}
