"""派单 through the case page's dialog: the roster ranked with the reason of each component,
every recusal with its reason, a mediator other than the recommended one refused without an
override reason and accepted with one; nothing is saved by a refused form."""

from __future__ import annotations

from typing import Any

import pytest
from case_page_helpers import offered, open_case, page, press, refuse, save  # noqa: F401  (page is a fixture)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from service_helpers import (  # noqa: F401
    Env,
    add_mediator,
    audit_actions,
    case_row,
    count,
    env,
    new_case,
    parties_of,
)

from mediation_desk.gui.dialogs.assignment import (
    FIT,
    FIT_NAMES,
    NAME,
    REASONS,
    WARNINGS,
    AssignmentDialog,
)
from mediation_desk.gui.pages.case_page import CasePage
from mediation_desk.mediation import mediators
from mediation_desk.mediation.assignment_rules import FIT_WORDS
from mediation_desk.mediation.models_case import CaseAssignment


@pytest.fixture
def roster(env: Env) -> dict[str, str]:
    return {
        "best": add_mediator(env, "谢阿根"),  # skill and area
        "second": add_mediator(env, "陈老伯", area="东山村"),  # skill only
        "away": add_mediator(env, "王大妈", available=False),
        "kin": add_mediator(env, "李阿婆"),
    }


def open_assignment(qtbot: Any, page: CasePage, env: Env, roster: dict[str, str]) -> tuple[str, AssignmentDialog]:
    case_id = new_case(env)
    mediators.add_relation(env.desk, env.admin, roster["kin"], parties_of(env.desk, case_id)[1], "表兄弟")
    open_case(qtbot, page, case_id)
    dialog = press(qtbot, page, "assign")
    assert isinstance(dialog, AssignmentDialog)
    qtbot.waitUntil(lambda: dialog.ranking is not None)
    return case_id, dialog


def rows(dialog: AssignmentDialog) -> list[list[str]]:
    tree = dialog.ui.rankedTree
    return [[tree.topLevelItem(i).text(c) for c in range(tree.columnCount())] for i in range(tree.topLevelItemCount())]


def tick_only(qtbot: Any, dialog: AssignmentDialog, name: str) -> None:
    """With the keyboard, as a mediator would: move to a row and press the space bar to tick it."""
    tree = dialog.ui.rankedTree
    tree.setFocus()
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        if (item.checkState(NAME) == Qt.CheckState.Checked) != (item.text(NAME) == name):
            tree.setCurrentItem(item, NAME)
            qtbot.keyClick(tree, Qt.Key.Key_Space)


def test_the_ranking_explains_itself_and_shows_the_recusal(
    qtbot: Any, page: CasePage, env: Env, roster: dict[str, str]
) -> None:
    _, dialog = open_assignment(qtbot, page, env, roster)
    shown = rows(dialog)
    # Words, never the raw score (65, 40, −35): the order is the ranking, the words its meaning.
    assert [r[:3] for r in shown] == [["1", "谢阿根", "很合适"], ["2", "陈老伯", "合适"], ["3", "王大妈", "不太合适"]]
    assert dialog.ui.rankedTree.headerItem().text(FIT) == "推荐程度"
    assert shown[0][REASONS] == "擅长邻里；同片区；在办案件 0 件"
    assert shown[1][REASONS] == "擅长邻里；非同片区（负责东山村）；在办案件 0 件"
    assert shown[2][WARNINGS] == "暂不可用"
    excluded = [dialog.ui.excludedList.item(i).text() for i in range(dialog.ui.excludedList.count())]
    assert excluded == ["李阿婆：与当事人陈建林存在关系（表兄弟），应当回避"]
    assert dialog.chosen_ids() == [roster["best"]]  # the recommended one is ticked for a new case


def test_a_place_inside_a_mediators_area_counts_as_theirs(
    qtbot: Any, page: CasePage, env: Env, roster: dict[str, str]
) -> None:
    case_id = new_case(env, area="谢家塘村3组")
    open_case(qtbot, page, case_id)
    dialog = press(qtbot, page, "assign")
    qtbot.waitUntil(lambda: dialog.ranking is not None)
    shown = rows(dialog)
    best = next(row for row in shown if row[NAME] == "谢阿根")
    assert best[FIT] == "很合适" and best[REASONS] == "擅长邻里；同片区（负责谢家塘村）；在办案件 0 件"
    assert not any("非同片区（负责谢家塘村）" in row[REASONS] for row in shown)
    assert not any(any(ch.isdigit() for ch in row[FIT]) for row in shown)


def test_the_fit_words_are_the_rules_own() -> None:
    assert dict(FIT_WORDS) == FIT_NAMES


def test_the_recommended_mediator_is_assigned_with_ok(
    qtbot: Any, page: CasePage, env: Env, roster: dict[str, str]
) -> None:
    case_id, dialog = open_assignment(qtbot, page, env, roster)
    with qtbot.waitSignal(page.case_changed, timeout=10_000) as changed:
        save(qtbot, page, dialog)
    assert changed.args == [case_id]
    assert page.view.status == "assigned" and page.ui.stateLabel.text() == "【已派单】"
    assert page.ui.mediatorsLabel.text() == "谢阿根（主办，调委会指定，推荐第 1 名）"
    titles = [page.ui.timelineTree.topLevelItem(i).text(2) for i in range(page.ui.timelineTree.topLevelItemCount())]
    assert titles[-2:] == ["指派调解员 谢阿根", "已受理 → 已派单"]
    assert offered(page) == {"assign": True, "session": True, "decline": True, "escalate": True}


def test_an_override_needs_a_reason(
    qtbot: Any, page: CasePage, env: Env, roster: dict[str, str], type_text: Any
) -> None:
    case_id, dialog = open_assignment(qtbot, page, env, roster)
    tick_only(qtbot, dialog, "陈老伯")
    assert dialog.chosen_ids() == [roster["second"]]
    refuse(qtbot, page, dialog)
    assert dialog.ui.overrideReasonError.text() == "陈老伯不是系统推荐的人选（或暂不可用、已满额），请填写调整理由"
    assert count(env.desk, CaseAssignment) == 0 and case_row(env.desk, case_id).status == "accepted"
    assert "case.assign" not in audit_actions(env.desk, case_id)

    type_text(dialog.ui.overrideReason, "当事人双方都信任陈老伯")
    save(qtbot, page, dialog)
    assert page.view.status == "assigned"
    assert page.ui.mediatorsLabel.text() == "陈老伯（主办，调委会指定，推荐第 2 名）；调整理由：当事人双方都信任陈老伯"


def test_nothing_ticked_is_named(qtbot: Any, page: CasePage, env: Env, roster: dict[str, str]) -> None:
    case_id, dialog = open_assignment(qtbot, page, env, roster)
    tree = dialog.ui.rankedTree
    tree.setCurrentItem(tree.topLevelItem(0), NAME)
    qtbot.keyClick(tree, Qt.Key.Key_Space)  # untick the recommended one
    assert dialog.chosen_ids() == []
    refuse(qtbot, page, dialog)
    assert dialog.ui.mediatorsError.text() == "请至少选择一名调解员"
    assert count(env.desk, CaseAssignment) == 0 and case_row(env.desk, case_id).status == "accepted"


def test_chosen_by_the_parties_needs_no_override_reason(
    qtbot: Any, page: CasePage, env: Env, roster: dict[str, str]
) -> None:
    _, dialog = open_assignment(qtbot, page, env, roster)
    tick_only(qtbot, dialog, "王大妈")
    dialog.ui.chosenBy.setCurrentIndex(dialog.ui.chosenBy.findData("parties"))
    assert dialog.ui.chosenBy.currentText() == "当事人选定"
    save(qtbot, page, dialog)
    assert page.ui.mediatorsLabel.text() == "王大妈（主办，当事人选定，推荐第 3 名）"


def test_an_empty_roster_says_so(qtbot: Any, page: CasePage, env: Env) -> None:
    open_case(qtbot, page, new_case(env))
    dialog = press(qtbot, page, "assign")
    qtbot.waitUntil(lambda: dialog.ranking is not None)
    assert "名册中没有可以指派的调解员" in dialog.ui.messageLabel.text()
    assert not dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
