"""A whole case through the case page, as the clerk clicks it: assignment, a session record, the
written agreement, its signatures, performance, a follow-up visit and the closing (confirmed);
after each step the page shows the new state, its history and exactly the next actions."""

from __future__ import annotations

from typing import Any

from case_page_helpers import (  # noqa: F401  (page is a fixture)
    offered,
    open_case,
    page,
    press,
    record_session_towards_agreement,
    record_written_agreement,
    save,
)
from service_helpers import Env, add_mediator, audit_actions, env, new_case  # noqa: F401  (env is a fixture)

from mediation_desk.gui.pages.case_page import CasePage
from mediation_desk.mediation import queries


def timeline(page: CasePage) -> list[str]:
    tree = page.ui.timelineTree
    return [tree.topLevelItem(i).text(2) for i in range(tree.topLevelItemCount())]


def test_a_case_from_intake_to_closing(qtbot: Any, page: CasePage, env: Env, messages: Any, type_text: Any) -> None:
    add_mediator(env, "谢阿根")
    case_id = new_case(env)
    changes: list[str] = []
    page.case_changed.connect(changes.append)
    open_case(qtbot, page, case_id)

    dialog = press(qtbot, page, "assign")
    qtbot.waitUntil(lambda: dialog.ranking is not None)
    save(qtbot, page, dialog)
    assert page.view.status == "assigned"

    record_session_towards_agreement(qtbot, page, type_text)
    record_written_agreement(qtbot, page, type_text, "陈建林将围墙降低三十公分")

    save(qtbot, page, press(qtbot, page, "sign"))
    assert offered(page) == {"session": True, "perform": True, "follow_up": True, "escalate": True}

    save(qtbot, page, press(qtbot, page, "perform"))  # reversible: no confirmation asked
    assert page.view.status == "performing" and messages.texts("question") == []

    dialog = press(qtbot, page, "follow_up")
    dialog.ui.performanceStatus.setCurrentIndex(dialog.ui.performanceStatus.findData("fully_performed"))
    dialog.ui.satisfaction.setCurrentIndex(dialog.ui.satisfaction.findData("satisfied"))
    type_text(dialog.ui.notes, "围墙已降低，双方满意")
    save(qtbot, page, dialog)
    assert page.view.status == "follow_up"
    assert offered(page) == {
        "session": True,
        "follow_up": True,
        "perform": True,
        "unperformed": True,
        "close": True,
        "escalate": True,
    }

    save(qtbot, page, press(qtbot, page, "close"))
    assert len(messages.texts("question")) == 1 and "已结案" in messages.texts("question")[0]
    assert page.view.status == "closed" and page.ui.stateLabel.text() == "【已结案】"
    assert offered(page) == {}
    assert changes == [case_id] * 7  # one per saved step
    assert timeline(page) == [
        "新案 → 已受理",
        "指派调解员 谢阿根",
        "已受理 → 已派单",
        "调解记录：谢家塘村调解室",
        "已派单 → 调解中",
        "达成书面协议",
        "调解中 → 已达成协议",
        "协议签字生效",
        "已达成协议 → 履行中",
        "回访",
        "履行中 → 回访中",
        "回访中 → 已结案",
    ]
    d = queries.case_detail(env.desk, env.admin, case_id)
    assert d.closed_on is not None and f"结案日期：{d.closed_on.isoformat()}" in page.ui.infoLabel.text()
    assert audit_actions(env.desk, case_id).count("case.transition") == 6
