"""The case page's timeline and the follow-up lists cut no text off: what is wider than its column
wraps and its row grows — also after the window is made narrower and in elder mode's font."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from case_page_helpers import open_case, page  # noqa: F401  (page is a fixture)
from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QStyle
from service_helpers import (
    Env,
    add_mediator,
    agreement_data,
    make_env,
    new_case,
    parties_of,
    party,
    session_data,
    today,
)

from mediation_desk.gui.pages.case_page import CasePage
from mediation_desk.gui.pages.followups import FollowupsPage
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.mediation import agreement, assignment, followup, sessions

LONG_REASON = "协议履行情况回访，重点了解围墙拆除后的排水沟是否按约定由双方共同出资修通，并听取村民小组长意见"
LONG_RESULT = "经调解员释法说理，双方互谅互让，自愿达成协议：陈家于本月底前将围墙降低三十公分，王家承担一半费用"


@pytest.fixture
def env(tmp_path: Any) -> Iterator[Env]:
    e = make_env(tmp_path)
    yield e
    e.desk.close()


def on_three_mediators(env: Env) -> str:
    case_id = new_case(env, party("王永年", 701), party("陈建林", 801))
    chosen = [add_mediator(env, name) for name in ("谢阿根", "欧阳建国", "司马秀英")]
    assignment.assign(env.desk, env.admin, case_id, chosen, override_reason="三人共同调解")
    return case_id


def cut_off(view: QAbstractItemView, index: QModelIndex) -> bool:
    """Is the cell's text shown only in part (elided, or wrapped into more lines than its row has)?"""
    text = index.data() or ""
    font = index.data(Qt.ItemDataRole.FontRole) or view.font()
    metrics = QFontMetrics(font if isinstance(font, QFont) else view.font())
    rect = view.visualRect(index)
    margin = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)
    width = rect.width() - margin
    if metrics.horizontalAdvance(text) <= width:
        return False
    if not view.wordWrap() or view.textElideMode() != Qt.TextElideMode.ElideNone:
        return True
    needed = metrics.boundingRect(QRect(0, 0, width, 1 << 16), Qt.TextFlag.TextWordWrap, text).height()
    return needed > rect.height()


def cells_cut_off(view: QAbstractItemView) -> list[str]:
    model = view.model()
    return [
        model.index(row, column).data()
        for row in range(model.rowCount())
        for column in range(model.columnCount())
        if cut_off(view, model.index(row, column))
    ]


def test_the_timeline_wraps_what_its_narrow_column_cannot_hold(qtbot: Any, page: CasePage, env: Env) -> None:
    case_id = on_three_mediators(env)
    data = session_data(parties_of(env.desk, case_id))
    sessions.add_session(env.desk, env.admin, case_id, {**data, "result": LONG_RESULT})
    agreement.record_agreement(env.desk, env.admin, case_id, agreement_data())
    agreement.confirm_signatures(env.desk, env.admin, case_id)
    page.resize(1100, 700)
    open_case(qtbot, page, case_id)
    tree = page.ui.timelineTree
    qtbot.waitUntil(lambda: tree.topLevelItemCount() >= 6)
    qtbot.wait(50)  # the rows are measured again once the columns have their widths
    assert tree.model().columnCount() == 4 and not cells_cut_off(tree)
    page.resize(900, 700)  # narrower: the rows grow
    qtbot.wait(50)
    assert not cells_cut_off(tree)
    font = tree.font()
    font.setPointSizeF(font.pointSizeF() * 1.4)  # elder mode's larger text
    tree.setFont(font)
    qtbot.wait(50)
    assert not cells_cut_off(tree)


def test_the_follow_up_lists_cut_no_note_or_name_off(qtbot: Any, env: Env, tasks: TaskManager) -> None:
    case_id = on_three_mediators(env)
    sessions.add_session(env.desk, env.admin, case_id, session_data(parties_of(env.desk, case_id)))
    agreement.record_agreement(env.desk, env.admin, case_id, agreement_data(form="oral"))
    followup.schedule_follow_up(env.desk, env.admin, case_id, today(), LONG_REASON)
    followups = FollowupsPage(env.desk, tasks, env.admin)
    qtbot.addWidget(followups)
    followups.resize(1000, 700)
    followups.show()
    followups.refresh()
    qtbot.waitUntil(lambda: followups.lists is not None and not tasks.busy)
    qtbot.wait(50)
    table = followups.ui.dueTable
    assert table.rowCount() == 1 and not cells_cut_off(table)
    followups.resize(800, 700)
    qtbot.wait(50)
    assert not cells_cut_off(table)
    font = table.font()
    font.setPointSizeF(font.pointSizeF() * 1.4)  # elder mode's larger text
    table.setFont(font)
    qtbot.wait(50)
    assert not cells_cut_off(table)
    assert min(table.rowHeight(r) for r in range(table.rowCount())) >= table.verticalHeader().defaultSectionSize()
