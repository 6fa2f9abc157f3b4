"""The case page as a clerk opens it: the header with the parties masked, the timeline, exactly
the actions the state allows (a blocked one says why), full personal data only with a reason
(audited), the back button, and a 调解员 refused calmly on someone else's case."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from case_page_helpers import click_ok, offered, open_case, page, settled  # noqa: F401  (page is a fixture)
from PySide6.QtCore import Qt
from service_helpers import (  # noqa: F401  (env is a fixture)
    Env,
    actor,
    add_mediator,
    agreed_case,
    assigned_case,
    audit_actions,
    env,
    follow_up_case,
    mediating_case,
    new_case,
    party,
)

from mediation_desk.gui import case_labels
from mediation_desk.gui.dialogs.assignment import AssignmentDialog
from mediation_desk.gui.pages.case_page import CasePage
from mediation_desk.mediation import (
    agreement,
    assignment,
    attachments,
    case_page_view,
    followup,
    intake,
    queries,
    sessions,
    states,
    workflow,
)
from mediation_desk.mediation.case_page_view import ORDER


def test_opening_a_case_shows_its_header_masked_and_its_history(qtbot: Any, page: CasePage, env: Env) -> None:
    wang, chen = party("王永年", 11), party("陈建林", 12)
    case_id = new_case(env, wang, chen, amount="1200.50")
    open_case(qtbot, page, case_id)
    detail = queries.case_detail(env.desk, env.admin, case_id)
    u = page.ui
    assert u.numberLabel.text() == detail.summary.number
    assert u.stateLabel.text() == "【已受理】"
    assert "纠纷类型：邻里" in u.infoLabel.text() and "涉及金额：1,200.50 元" in u.infoLabel.text()
    table = u.partiesTable
    rows = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]
    assert [r[:2] for r in rows] == [["申请人", "王永年"], ["被申请人", "陈建林"]]
    shown = " ".join(" ".join(r) for r in rows)
    for secret in (wang["id_number"], wang["phone"], chen["id_number"], chen["phone"], "谢塘镇谢家塘村"):
        assert secret not in shown
    assert rows[0][2] == wang["id_number"][:6] + "********" + wang["id_number"][-4:]
    assert rows[0][3] == wang["phone"][:3] + "****" + wang["phone"][-4:]
    assert "已遮掩" in u.partiesNote.text()
    tree = u.timelineTree
    assert [tree.topLevelItem(i).text(2) for i in range(tree.topLevelItemCount())] == ["新案 → 已受理"]
    assert tree.topLevelItem(0).text(1) == "状态"
    assert u.mediatorsLabel.text() == "尚未指派调解员" and u.agreementLabel.text() == "尚未达成协议"


def test_the_offered_actions_follow_the_state(qtbot: Any, page: CasePage, env: Env) -> None:
    accepted = new_case(env)
    open_case(qtbot, page, accepted)
    assert offered(page) == {"assign": True, "decline": True, "escalate": True}
    assert page.ui.noActionsLabel.isHidden()

    in_mediation = mediating_case(env)
    open_case(qtbot, page, in_mediation)
    assert offered(page) == {"assign": True, "session": True, "agreement": True, "terminate": True, "escalate": True}

    unsigned = agreed_case(env, signed=False)
    open_case(qtbot, page, unsigned)
    assert offered(page) == {
        "session": True,
        "sign": True,
        "withdraw": True,
        "refuse_sign": True,
        "perform": False,
        "follow_up": False,
        "escalate": True,
    }
    why = page.blocked_labels["perform"]
    assert "尚未经各方签字" in why.text() and why.isVisible()
    assert page.action_buttons["perform"].toolTip() == why.text().removeprefix("暂不能办理：")

    partly = follow_up_case(env, perf="partial")
    open_case(qtbot, page, partly)
    assert offered(page) == {
        "session": True,
        "follow_up": True,
        "perform": True,
        "unperformed": True,
        "close": False,
        "escalate": True,
    }
    assert "协议尚未履行完毕" in page.blocked_labels["close"].text()

    done = follow_up_case(env)
    open_case(qtbot, page, done)
    assert offered(page)["close"] is True
    workflow.transition(env.desk, env.admin, done, "closed")
    page.refresh()
    qtbot.waitUntil(lambda: settled(page) and page.view.status == "closed")
    assert offered(page) == {} and page.ui.noActionsLabel.isVisible()


def test_a_blocked_or_absent_action_is_not_opened(qtbot: Any, page: CasePage, env: Env) -> None:
    case_id = agreed_case(env, signed=False)
    open_case(qtbot, page, case_id)
    assert page.open_action("perform") is False and page.dialog is None
    assert "请先确认签字" in page.ui.messageLabel.text()
    assert page.open_action("terminate") is False
    assert "现在不能办理「终止调解」" in page.ui.messageLabel.text()


def test_full_personal_data_needs_a_reason_and_is_audited(qtbot: Any, page: CasePage, env: Env) -> None:
    wang = party("王永年", 21)
    case_id = new_case(env, wang, party("陈建林", 22))
    open_case(qtbot, page, case_id)
    qtbot.mouseClick(page.ui.fullDataButton, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    click_ok(qtbot, dialog)  # no reason
    assert dialog.ui.reasonError.text() == "理由不能为空" and dialog.isVisible()
    assert "case.view_personal_data" not in audit_actions(env.desk, case_id)

    dialog.ui.reason.setText("回访需要联系当事人")
    click_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible() and settled(page))
    assert page.view.full_personal_data
    assert page.ui.partiesTable.item(0, 2).text() == wang["id_number"]
    assert page.ui.partiesTable.item(0, 3).text() == wang["phone"]
    assert page.ui.partiesTable.item(0, 4).text() == "谢塘镇谢家塘村"
    assert "已记入审计日志" in page.ui.partiesNote.text()
    assert audit_actions(env.desk, case_id).count("case.view_personal_data") == 1

    page.refresh()  # one look only: read again, masked
    qtbot.waitUntil(lambda: settled(page) and not page.view.full_personal_data)
    assert wang["id_number"] not in page.ui.partiesTable.item(0, 2).text()


def test_a_mediator_is_refused_calmly_on_another_mediators_case(
    qtbot: Any, page: CasePage, env: Env, messages: Any
) -> None:
    own_id = add_mediator(env, "谢阿根")
    other_id = add_mediator(env, "陈老伯")
    mine, _ = assigned_case(env, own_id)
    theirs, _ = assigned_case(env, other_id)
    xie = actor(env, "xieagen", "mediator", mediator_id=own_id)

    page.set_actor(xie)  # as the main window's operator_changed does after a login
    open_case(qtbot, page, mine)
    assert offered(page) == {"session": True, "decline": True, "escalate": True}  # no 派单 for a 调解员
    assert not page.ui.fullDataButton.isHidden()

    page.show_case(theirs)
    qtbot.waitUntil(lambda: settled(page) and page.view is None)
    assert page.ui.messageLabel.text() == "不能打开这件案件：调解员只能查看自己承办的案件"
    assert page.ui.numberLabel.text() == "" and page.ui.partiesTable.rowCount() == 0
    assert offered(page) == {} and page.ui.fullDataButton.isHidden()
    assert messages.shown == []  # said on the page, no alarm box
    assert "access.denied" in audit_actions(env.desk, theirs)


def test_an_unknown_case_or_a_locked_desk_is_said_calmly_on_the_page(
    qtbot: Any, page: CasePage, env: Env, messages: Any
) -> None:
    page.show_case("no-such-case")
    qtbot.waitUntil(lambda: settled(page) and page.ui.messageLabel.text() != "")
    assert page.ui.messageLabel.text() == "不能打开这件案件：找不到案件：no-such-case"
    assert page.view is None and offered(page) == {}

    wang = party("王永年", 51)
    case_id = new_case(env, wang, party("陈建林", 52))
    env.desk.lock()  # idle: the case still opens, its personal data cannot be read
    open_case(qtbot, page, case_id)
    assert page.ui.partiesTable.item(0, 1).text() == "王永年" and page.ui.partiesTable.item(0, 3).text() == ""
    qtbot.mouseClick(page.ui.fullDataButton, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    dialog.ui.reason.setText("回访需要联系当事人")
    click_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.busy and settled(page))
    assert dialog.isVisible() and "已锁定" in dialog.ui.messageLabel.text()
    assert not page.view.full_personal_data and messages.shown == []
    assert "case.view_personal_data" not in audit_actions(env.desk, case_id)


def test_a_new_operator_is_not_shown_what_was_read_for_the_last_one(qtbot: Any, page: CasePage, env: Env) -> None:
    case_id = new_case(env)
    open_case(qtbot, page, case_id)
    dialog = page.dialog if page.open_action("decline") else None
    clerk = actor(env, "jinxy", "clerk")
    page.set_actor(clerk)
    assert page.view is None and offered(page) == {} and dialog is not None and dialog.actor == clerk
    page.refresh()  # as the window does after the login
    qtbot.waitUntil(lambda: settled(page) and page.view is not None)
    assert offered(page) == {"assign": True, "decline": True, "escalate": True}
    page.set_actor(clerk)  # the same operator again: the case stays on screen
    assert page.view is not None


def test_a_mediators_save_refused_after_a_change_of_operator(qtbot: Any, page: CasePage, env: Env) -> None:
    case_id, _ = assigned_case(env, add_mediator(env, "陈老伯"))
    open_case(qtbot, page, case_id)
    dialog = page.dialog if page.open_action("decline") else None
    assert dialog is not None
    dialog.actor = actor(env, "xieagen", "mediator", mediator_id=add_mediator(env, "谢阿根"))
    dialog.ui.reason.setPlainText("当事人明确拒绝调解")
    click_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.busy)
    assert dialog.isVisible() and dialog.ui.messageLabel.text() == "未保存：调解员只能变更自己承办案件的状态"
    assert queries.case_detail(env.desk, env.admin, case_id).summary.status == "assigned"


def test_a_case_can_be_opened_straight_into_an_action(qtbot: Any, page: CasePage, env: Env) -> None:
    add_mediator(env, "谢阿根")
    case_id = new_case(env)  # as after 保存并派单 on the intake page
    page.show_case(case_id, action="assign")
    qtbot.waitUntil(lambda: settled(page) and page.dialog is not None)
    assert isinstance(page.dialog, AssignmentDialog) and page.dialog.isVisible()
    qtbot.waitUntil(lambda: page.dialog.ranking is not None)


def test_back_asks_for_the_list(qtbot: Any, page: CasePage) -> None:
    with qtbot.waitSignal(page.back_requested, timeout=1000):
        qtbot.mouseClick(page.ui.backButton, Qt.MouseButton.LeftButton)


def test_reading_never_happens_on_the_ui_thread(
    qtbot: Any, page: CasePage, env: Env, monkeypatch: pytest.MonkeyPatch
) -> None:
    case_id = mediating_case(env)
    threads: list[threading.Thread] = []
    real = case_page_view.load_case_page

    def recorded(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(case_page_view, "load_case_page", recorded)
    open_case(qtbot, page, case_id)
    assert threads and threading.main_thread() not in threads


def test_a_late_answer_for_another_case_is_dropped(qtbot: Any, page: CasePage, env: Env) -> None:
    first, second = new_case(env), mediating_case(env)
    page.show_case(first)
    page.show_case(second)  # chosen again before the first answer came
    qtbot.waitUntil(lambda: settled(page) and page.view is not None)
    qtbot.wait(20)
    assert page.view.case_id == second and page.view.status == "in_mediation"


def test_the_window_names_are_the_services_own() -> None:
    assert case_labels.OUTCOME_NAMES == sessions.OUTCOMES
    assert case_labels.AGREEMENT_FORM_NAMES == agreement.FORMS
    assert case_labels.PERFORMANCE_NAMES == agreement.PERFORMANCE
    assert case_labels.SATISFACTION_NAMES == followup.SATISFACTION
    assert case_labels.ROUTE_NAMES == states.ROUTES
    assert case_labels.LEVEL_NAMES == states.ESCALATION_LEVELS
    assert case_labels.PREVENTION_NAMES == intake.RISK_FLAGS
    assert case_labels.ATTACHMENT_KIND_NAMES == attachments.KINDS
    assert case_labels.CHOSEN_BY_NAMES == assignment.CHOSEN_BY
    assert case_labels.SOURCE_NAMES == intake.SOURCES
    assert tuple(case_labels.ACTION_NAMES) == ORDER
