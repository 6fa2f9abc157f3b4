"""回访 through the case page: what was found must be chosen and written (named next to each
field, nothing saved otherwise); a visit finding the agreement only partly performed keeps the
case from closing, with the reason shown on the 结案 button."""

from __future__ import annotations

from typing import Any

from case_page_helpers import offered, open_case, page, press, refuse, save  # noqa: F401  (page is a fixture)
from service_helpers import Env, agreed_case, case_row, count, env  # noqa: F401  (env is a fixture)

from mediation_desk.gui.dialogs.follow_up import FollowUpDialog
from mediation_desk.gui.pages.case_page import CasePage
from mediation_desk.mediation.models_case import FollowUp


def test_a_visit_must_say_what_was_found(qtbot: Any, page: CasePage, env: Env, type_text: Any) -> None:
    case_id = agreed_case(env)
    open_case(qtbot, page, case_id)
    dialog = press(qtbot, page, "follow_up")
    assert isinstance(dialog, FollowUpDialog)
    u = dialog.ui
    assert u.visitor.text() == "戴才良"
    refuse(qtbot, page, dialog)
    assert u.performanceStatusError.text() == "履行情况须为：未到期、部分履行、履行完毕、未履行"
    assert u.satisfactionError.text() == "满意度须为：满意、基本满意、不满意"
    assert u.notesError.text() == "回访情况不能为空"
    assert count(env.desk, FollowUp) == 0 and case_row(env.desk, case_id).status == "agreed"

    u.performanceStatus.setCurrentIndex(u.performanceStatus.findData("partial"))
    u.satisfaction.setCurrentIndex(u.satisfaction.findData("basic"))
    u.renewedConflict.click()
    type_text(u.notes, "围墙已降低，费用尚未付清")
    save(qtbot, page, dialog)
    assert page.view.status == "follow_up"
    assert offered(page) == {
        "session": True,
        "follow_up": True,
        "perform": True,
        "unperformed": True,
        "close": False,
        "escalate": True,
    }
    assert page.blocked_labels["close"].text() == "暂不能办理：协议尚未履行完毕，不能结案"
    titles = [page.ui.timelineTree.topLevelItem(i).text(2) for i in range(page.ui.timelineTree.topLevelItemCount())]
    assert titles[-2:] == ["回访", "已达成协议 → 回访中"]
    with env.desk.read() as s:
        visit = s.query(FollowUp).one()
    assert (visit.performance_status, visit.satisfaction, visit.renewed_conflict) == ("partial", "basic", True)
