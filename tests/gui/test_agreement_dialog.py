"""The agreement editor and the signing: numbered terms added, removed and reordered; the copies
counted from the parties (N+1, art. 29); missing facts, issues, terms and method named next to
their fields with nothing saved; the signatures confirmed with their date."""

from __future__ import annotations

import datetime as dt
from typing import Any

from case_page_helpers import offered, open_case, page, press, refuse, save  # noqa: F401  (page is a fixture)
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLineEdit
from service_helpers import (  # noqa: F401  (env is a fixture)
    Env,
    add_mediator,
    agreed_case,
    case_row,
    count,
    env,
    mediating_case,
    new_case,
    parties_of,
    party,
    session_data,
)

from mediation_desk.core.uow import china_today
from mediation_desk.gui.dialogs.agreement import AgreementDialog
from mediation_desk.gui.dialogs.signatures import SignaturesDialog
from mediation_desk.gui.pages.case_page import CasePage
from mediation_desk.mediation import assignment, queries, sessions, working_days
from mediation_desk.mediation.models_case import Agreement


def three_party_case(env: Env) -> str:
    case_id = new_case(env, party("王永年", 31), party("陈建林", 32), party("赵六斤", 33, role="third_party"))
    assignment.assign(env.desk, env.admin, case_id, [add_mediator(env, "谢阿根")])
    sessions.add_session(env.desk, env.admin, case_id, session_data(parties_of(env.desk, case_id)))
    return case_id


def type_term(qtbot: Any, dialog: AgreementDialog, row: int, text: str) -> None:
    """Type into a term's cell as a user does: open its editor, type, press Enter."""
    table = dialog.ui.termsTable
    table.setCurrentCell(row, 0)
    table.editItem(table.item(row, 0))
    editor = table.indexWidget(table.model().index(row, 0))
    assert isinstance(editor, QLineEdit)
    editor.setText(text)  # Chinese comes from the input method, not from key presses
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.item(row, 0).text() == text)  # the delegate commits from the event loop


def test_terms_are_added_removed_and_reordered(qtbot: Any, page: CasePage, env: Env) -> None:
    open_case(qtbot, page, mediating_case(env))
    dialog = press(qtbot, page, "agreement")
    assert isinstance(dialog, AgreementDialog)
    u = dialog.ui
    assert dialog.terms() == [""]  # one empty term to start with
    type_term(qtbot, dialog, 0, "陈建林将围墙降低三十公分")
    qtbot.mouseClick(u.addTermButton, Qt.MouseButton.LeftButton)
    type_term(qtbot, dialog, 1, "这一条写错了")
    qtbot.mouseClick(u.addTermButton, Qt.MouseButton.LeftButton)
    type_term(qtbot, dialog, 2, "王永年承担一半费用")
    u.termsTable.setCurrentCell(1, 0)
    qtbot.mouseClick(u.removeTermButton, Qt.MouseButton.LeftButton)
    assert dialog.terms() == ["陈建林将围墙降低三十公分", "王永年承担一半费用"]
    u.termsTable.setCurrentCell(1, 0)
    qtbot.mouseClick(u.termUpButton, Qt.MouseButton.LeftButton)
    assert dialog.terms() == ["王永年承担一半费用", "陈建林将围墙降低三十公分"]
    assert u.termsTable.currentRow() == 0 and not u.termUpButton.isEnabled() and u.termDownButton.isEnabled()
    qtbot.mouseClick(u.termDownButton, Qt.MouseButton.LeftButton)
    assert dialog.terms() == ["陈建林将围墙降低三十公分", "王永年承担一半费用"]
    assert (
        u.termsTable.verticalHeaderItem(0) is None and u.termsTable.model().headerData(1, Qt.Orientation.Vertical) == 2
    )  # the rows are numbered 1, 2 … as the terms are


def test_missing_parts_are_named_and_nothing_is_saved(qtbot: Any, page: CasePage, env: Env) -> None:
    case_id = mediating_case(env)
    open_case(qtbot, page, case_id)
    dialog = press(qtbot, page, "agreement")
    u = dialog.ui
    assert u.facts.toPlainText() == "两家因宅基地边界围墙的高度发生争执，多次口角"  # from the intake
    u.facts.clear()
    u.amount.setText("12.345")
    refuse(qtbot, page, dialog)
    assert u.factsError.text() == "主要事实不能为空"
    assert u.disputedIssuesError.text() == "争议事项不能为空"
    assert u.termsError.text() == "第 1 项条款不能为空"
    assert u.performanceMethodError.text() == "履行方式不能为空"
    assert "协议金额" in u.amountError.text()
    assert count(env.desk, Agreement) == 0 and case_row(env.desk, case_id).status == "in_mediation"


def test_a_written_agreement_counts_a_copy_per_party_plus_one(
    qtbot: Any, page: CasePage, env: Env, type_text: Any
) -> None:
    case_id = three_party_case(env)
    open_case(qtbot, page, case_id)
    dialog = press(qtbot, page, "agreement")
    u = dialog.ui
    assert u.copiesLabel.text() == "本协议一式4份，当事人各执一份，调解委员会留存一份（当事人 3 方）。"
    u.form.setCurrentIndex(u.form.findData("oral"))
    assert "口头协议" in u.copiesLabel.text()
    u.form.setCurrentIndex(u.form.findData("written"))
    type_text(u.disputedIssues, "围墙是否降低")
    type_text(u.responsibility, "双方各有责任")
    type_term(qtbot, dialog, 0, "陈建林将围墙降低三十公分")
    qtbot.mouseClick(u.addTermButton, Qt.MouseButton.LeftButton)
    type_term(qtbot, dialog, 1, "王永年承担一半费用")
    type_text(u.performanceMethod, "自行施工，村委见证")
    u.amount.setText("1500")
    deadline = china_today() + dt.timedelta(days=20)
    u.performanceDeadline.setDate(QDate(deadline.year, deadline.month, deadline.day))
    with qtbot.waitSignal(page.case_changed, timeout=10_000):
        save(qtbot, page, dialog)

    a = queries.case_detail(env.desk, env.admin, case_id).agreement
    assert a is not None and (a.form, a.copies, a.terms) == (
        "written",
        4,
        ("陈建林将围墙降低三十公分", "王永年承担一半费用"),
    )
    assert (a.performance_deadline, str(a.amount), a.effective_on) == (deadline, "1500.00", None)
    text = page.ui.agreementLabel.text()
    assert "本协议一式4份，当事人各执一份，调解委员会留存一份" in text
    assert "1. 陈建林将围墙降低三十公分\n2. 王永年承担一半费用" in text
    assert "尚未确认签字，协议未生效" in text
    assert page.view.status == "agreed"
    assert offered(page) == {
        "session": True,
        "sign": True,
        "withdraw": True,
        "refuse_sign": True,
        "perform": False,
        "follow_up": False,
        "escalate": True,
    }


def test_confirming_the_signatures_makes_it_effective(qtbot: Any, page: CasePage, env: Env) -> None:
    case_id = agreed_case(env, signed=False)
    open_case(qtbot, page, case_id)
    dialog = press(qtbot, page, "sign")
    assert isinstance(dialog, SignaturesDialog)
    today = china_today()
    tomorrow = today + dt.timedelta(days=1)
    dialog.ui.signedOn.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    refuse(qtbot, page, dialog)
    assert dialog.ui.signedOnError.text().startswith("签字日期须在协议达成日期（")
    assert case_row(env.desk, case_id).status == "agreed"
    with env.desk.read() as s:
        assert s.query(Agreement).one().effective_on is None

    dialog.ui.signedOn.setDate(QDate(today.year, today.month, today.day))
    save(qtbot, page, dialog)
    a = page.view.detail.agreement
    assert a.effective_on == today
    assert a.judicial_deadline == working_days.judicial_deadline(today, working_days.DEFAULT_CALENDAR)
    assert f"生效日期：{today.isoformat()}" in page.ui.agreementLabel.text()
    assert offered(page) == {"session": True, "perform": True, "follow_up": True, "escalate": True}
    titles = [page.ui.timelineTree.topLevelItem(i).text(2) for i in range(page.ui.timelineTree.topLevelItemCount())]
    assert titles[-1] == "协议签字生效"
