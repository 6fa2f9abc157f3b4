"""调解记录 through the case page: empty statements, place or result are named next to their
fields and nothing is saved; a complete record starts the mediation; the rights notice is
attested only when ticked; a correction is saved as a new version with its reason and the first
version stays as it was."""

from __future__ import annotations

import datetime as dt
from typing import Any

from case_page_helpers import open_case, page, press, refuse, save, settled  # noqa: F401  (page is a fixture)
from PySide6.QtCore import QDateTime, Qt
from service_helpers import (  # noqa: F401
    Env,
    assigned_case,
    case_row,
    count,
    env,
    mediating_case,
    parties_of,
)
from sqlalchemy import select

from mediation_desk.core.uow import CHINA
from mediation_desk.gui.dialogs.session_record import SessionRecordDialog, split_names
from mediation_desk.gui.pages.case_page import CasePage
from mediation_desk.mediation import sessions
from mediation_desk.mediation.models_case import SessionRecord


def open_record(qtbot: Any, page: CasePage, case_id: str) -> SessionRecordDialog:
    open_case(qtbot, page, case_id)
    dialog = press(qtbot, page, "session")
    assert isinstance(dialog, SessionRecordDialog)
    return dialog


def test_empty_statements_and_result_are_named_and_nothing_is_saved(qtbot: Any, page: CasePage, env: Env) -> None:
    case_id, _ = assigned_case(env)
    dialog = open_record(qtbot, page, case_id)
    u = dialog.ui
    assert u.mediatorsValue.text() == "谢阿根"
    assert u.participants.text() == "王永年、陈建林" and u.recorder.text() == "戴才良"
    assert [dialog.findChild(type(u.heldAtError), f"statement_{i}Error") is not None for i in range(2)] == [True, True]
    refuse(qtbot, page, dialog)
    assert u.placeError.text() == "调解地点不能为空"
    assert u.resultError.text() == "调解结果不能为空"
    assert dialog.error_labels["statements[0]"].text() == "当事人陈述不能为空"
    assert dialog.error_labels["statements[1]"].text() == "当事人陈述不能为空"
    assert "未保存" in u.messageLabel.text()
    assert count(env.desk, SessionRecord) == 0 and case_row(env.desk, case_id).status == "assigned"


def test_a_time_in_the_future_is_refused(qtbot: Any, page: CasePage, env: Env, type_text: Any) -> None:
    case_id, _ = assigned_case(env)
    dialog = open_record(qtbot, page, case_id)
    fill(dialog, type_text)
    dialog.ui.heldAt.setDateTime(QDateTime.currentDateTime().addDays(2))
    refuse(qtbot, page, dialog)
    assert dialog.ui.heldAtError.text() == "调解时间不能晚于现在"
    assert count(env.desk, SessionRecord) == 0


def fill(dialog: SessionRecordDialog, type_text: Any) -> None:
    u = dialog.ui
    type_text(u.place, "谢家塘村调解室")
    type_text(u.matter, "围墙高度")
    type_text(u.helpers, "村支书 谢国平，网格员 金小芬")
    type_text(dialog.statements[0], "围墙挡住了我家的采光")
    type_text(dialog.statements[1], "围墙是在自家地基上砌的")
    type_text(u.factsChecked, "围墙高三米，在陈家地基内")
    type_text(u.result, "双方同意围墙降低三十公分，下次再议费用")


def test_a_record_starts_the_mediation(qtbot: Any, page: CasePage, env: Env, type_text: Any) -> None:
    case_id, mediator_id = assigned_case(env, accepted_on="2026-01-05")
    dialog = open_record(qtbot, page, case_id)
    fill(dialog, type_text)
    dialog.ui.heldAt.setDateTime(QDateTime.fromString("2026-01-05 09:30", "yyyy-MM-dd HH:mm"))
    with qtbot.waitSignal(page.case_changed, timeout=10_000):
        save(qtbot, page, dialog)
    assert page.view.status == "in_mediation"
    (record,) = sessions.list_sessions(env.desk, case_id)
    people = parties_of(env.desk, case_id)
    assert record.held_at == dt.datetime(2026, 1, 5, 9, 30, tzinfo=CHINA)  # typed in Beijing time
    assert record.statements == ((people[0], "围墙挡住了我家的采光"), (people[1], "围墙是在自家地基上砌的"))
    assert record.participants == ("王永年", "陈建林")
    assert record.helpers == ("村支书 谢国平", "网格员 金小芬")
    assert (record.place, record.outcome, record.recorder) == ("谢家塘村调解室", "continue", "戴才良")
    assert page.ui.sessionsList.item(0).text() == "2026-01-05 09:30　谢家塘村调解室　继续调解"
    with env.desk.read() as s:
        assert s.scalars(select(SessionRecord.mediator_ids)).one() == [mediator_id]


def test_the_rights_notice_is_attested_only_when_ticked(qtbot: Any, page: CasePage, env: Env, type_text: Any) -> None:
    case_id, _ = assigned_case(env)
    dialog = open_record(qtbot, page, case_id)
    assert dialog.ui.rightsNotified.isVisible() and not dialog.ui.rightsNotified.isChecked()
    fill(dialog, type_text)
    save(qtbot, page, dialog)
    with env.desk.read() as s:
        assert s.scalars(select(SessionRecord.rights_notified)).one() is False

    dialog = open_record(qtbot, page, case_id)
    assert not dialog.ui.rightsNotified.isChecked()  # every new record asks again
    fill(dialog, type_text)
    qtbot.keyClick(dialog.ui.rightsNotified, Qt.Key.Key_Space)  # the mediator ticks it
    save(qtbot, page, dialog)
    with env.desk.read() as s:
        assert sorted(s.scalars(select(SessionRecord.rights_notified))) == [False, True]


def test_a_correction_is_a_new_version_and_keeps_the_first(
    qtbot: Any, page: CasePage, env: Env, type_text: Any
) -> None:
    case_id = mediating_case(env)
    (first,) = sessions.list_sessions(env.desk, case_id)
    open_case(qtbot, page, case_id)
    sessions_list = page.ui.sessionsList
    assert not page.ui.correctSessionButton.isEnabled()  # nothing chosen yet
    sessions_list.setCurrentRow(0)
    qtbot.mouseClick(page.ui.correctSessionButton, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, SessionRecordDialog) and dialog.correcting is not None
    u = dialog.ui
    assert "保存为第 2 版" in u.headingLabel.text() and u.correctionReason.isVisibleTo(dialog)
    assert u.place.text() == first.place and u.result.toPlainText() == first.result
    assert dialog.statements[0].toPlainText() == first.statements[0][1]

    type_text(u.result, "双方同意围墙降低五十公分")
    refuse(qtbot, page, dialog)  # a correction says why
    assert u.correctionReasonError.text() == "更正理由不能为空"
    assert count(env.desk, SessionRecord) == 1

    type_text(u.correctionReason, "记录笔误：三十应为五十")
    save(qtbot, page, dialog)
    versions = sessions.list_sessions(env.desk, case_id, all_versions=True)
    assert [(v.version, v.result) for v in versions] == [(1, first.result), (2, "双方同意围墙降低五十公分")]
    assert versions[1].correction_reason == "记录笔误：三十应为五十"
    assert versions[1].held_at == first.held_at  # unchanged fields are the first version's exactly
    assert sessions_list.count() == 1 and sessions_list.item(0).text().endswith("（第 2 版）")
    titles = [page.ui.timelineTree.topLevelItem(i).text(2) for i in range(page.ui.timelineTree.topLevelItemCount())]
    assert "调解记录更正（第 2 版）：谢家塘村调解室" in titles


def test_names_are_split_on_chinese_and_latin_separators() -> None:
    assert split_names("王永年、陈建林，赵六斤; 钱小妹\n村支书 谢国平") == [
        "王永年",
        "陈建林",
        "赵六斤",
        "钱小妹",
        "村支书 谢国平",
    ]
    assert split_names("  、 ") == []
