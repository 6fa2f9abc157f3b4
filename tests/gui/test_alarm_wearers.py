"""The 佩戴人, 设备任务 and 月度统计 tabs of the 平安手环 page, driven as the committee's clerk:
a wearer enrolled through the form, each bad input named under its field and nothing saved until
the whole form is right (no consent, a guardian without a name, an ID number that does not check,
someone under 80 without a reason, no address, a contact without a usable phone); health notes
only with their own consent; a bracelet another wearer holds refused when editing; a wearer
stopped with a reason; a device task closed only with a note; the month's answer times shown."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from alarm_window_kit import WAIT_MS, enrol, id_number, open_task, raise_alarm
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QTableWidgetItem

from mediation_desk.alarms import handling, rules, tasks, wearers
from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.gui.pages.alarms_common import NoteDialog
from mediation_desk.gui.pages.alarms_figures import WITHIN_60
from mediation_desk.gui.pages.alarms_page import AlarmsPage
from mediation_desk.gui.pages.alarms_wearer_dialog import PHONE, WearerDialog
from mediation_desk.gui.pages.alarms_wearers import NAME
from mediation_desk.gui.pages.points_residents import select_key
from mediation_desk.gui.tasks import TaskManager


@pytest.fixture
def page(qtbot: Any, desk: Desk, clerk: Actor, tasks: TaskManager) -> Iterator[AlarmsPage]:
    widget = AlarmsPage(desk, tasks, clerk)
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    widget.show_tab(widget.wearers)
    settle(qtbot, tasks)
    yield widget
    for dialog in widget.findChildren(NoteDialog) + widget.findChildren(WearerDialog):
        dialog.close()
    settle(qtbot, tasks)


def settle(qtbot: Any, manager: TaskManager) -> None:
    qtbot.waitUntil(lambda: not manager.busy, timeout=WAIT_MS)


def save(qtbot: Any, dialog: Any, manager: TaskManager) -> None:
    dialog.button_box.button(QDialogButtonBox.StandardButton.Ok).click()
    settle(qtbot, manager)


def errors(dialog: WearerDialog) -> dict[str, str]:
    return {name: label.text() for name, label in dialog.error_labels.items() if label.text()}


def test_enrolling_names_each_bad_input_and_saves_nothing_until_right(
    qtbot: Any, page: AlarmsPage, desk: Desk, clerk: Actor, tasks: TaskManager, type_text: Any
) -> None:
    tab = page.wearers
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, WearerDialog) and dialog.isVisible()
    assert not dialog.health_notes.isEnabled()  # no health notes without their own consent

    type_text(dialog.name, "谢桂英")
    save(qtbot, dialog, tasks)  # consent not ticked
    assert "签字同意" in errors(dialog)["consent"] and dialog.isVisible()

    dialog.consent_given.setChecked(True)
    dialog.guardian_consent.setChecked(True)
    save(qtbot, dialog, tasks)  # a guardian, but which?
    assert "监护人姓名" in errors(dialog)["consent"]
    type_text(dialog.guardian, "谢建国")

    type_text(dialog.id_number, "330604193803120010")  # the check digit does not match
    save(qtbot, dialog, tasks)
    assert "身份证" in errors(dialog)["id_number"] and "未保存" in dialog.message.text()

    type_text(dialog.id_number, id_number(dt.date(1950, 5, 5)))  # 76: under 80
    save(qtbot, dialog, tasks)
    assert "未满 80 周岁" in errors(dialog)["exception_reason"]
    type_text(dialog.exception_reason, "独居，患心脏病")

    save(qtbot, dialog, tasks)  # no address
    assert "住址" in errors(dialog)["address"]
    type_text(dialog.address, "谢塘镇谢家塘村塘东 15 号")

    contacts = dialog.contacts.table
    contacts.setItem(0, 1, QTableWidgetItem("俞小平"))
    contacts.setItem(0, PHONE, QTableWidgetItem("12345"))
    save(qtbot, dialog, tasks)
    assert "第 1 位紧急联系人的电话" in errors(dialog)["contacts"]
    assert wearers.list_wearers(desk, clerk) == []  # nothing of it saved

    contacts.setItem(0, PHONE, QTableWidgetItem("13905753401"))
    dialog.health_consent.setChecked(True)
    dialog.health_notes.setPlainText("心脏病，随身带药")
    type_text(dialog.device_id, "8613800004")
    save(qtbot, dialog, tasks)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    settle(qtbot, tasks)
    [saved] = wearers.list_wearers(desk, clerk)
    assert saved.name == "谢桂英" and saved.consent_by == "谢建国" and saved.health_consent and saved.has_health_notes
    assert saved.exception_reason == "独居，患心脏病" and saved.contacts[0].phone_masked != "13905753401"
    assert tab.table.rowCount() == 1 and tab.table.item(0, NAME).text() == "谢桂英"
    assert tab.health_button.isEnabled()


def test_editing_refuses_a_bracelet_held_by_another_and_stops_with_a_reason(
    qtbot: Any, page: AlarmsPage, desk: Desk, clerk: Actor, tasks: TaskManager, type_text: Any, messages: Any
) -> None:
    other = enrol(desk, clerk, "王林根")
    chosen = enrol(desk, clerk, "杜秀兰")
    tab = page.wearers
    tab.refresh()
    settle(qtbot, tasks)
    select_key(tab.table, chosen.id)
    assert not tab.health_button.isEnabled()  # no health consent
    qtbot.mouseClick(tab.edit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(tab.dialog, WearerDialog) and tab.dialog.isVisible(), timeout=WAIT_MS)
    dialog = tab.dialog
    assert isinstance(dialog, WearerDialog)
    assert dialog.contacts.table.item(0, PHONE).text() == "13905753101"  # in full, to be kept
    type_text(dialog.device_id, other.device_id or "")
    save(qtbot, dialog, tasks)
    assert "已配发给另一位" in errors(dialog)["device_id"] and dialog.isVisible()
    type_text(dialog.device_id, "8613899999")
    dialog.contacts.table.setCurrentCell(1, 1)
    dialog.contacts.move_selected(-1)  # the village doctor first now
    save(qtbot, dialog, tasks)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    changed = wearers.get_wearer(desk, clerk, chosen.id)
    assert changed.device_id == "8613899999" and changed.contacts[0].name == "陈德明"

    settle(qtbot, tasks)
    select_key(tab.table, chosen.id)
    qtbot.mouseClick(tab.stop_button, Qt.MouseButton.LeftButton)
    stop = tab.dialog
    assert isinstance(stop, NoteDialog)
    save(qtbot, stop, tasks)
    assert stop.error.text() == "停用原因不能为空" and stop.isVisible()
    stop.set_text("已搬去城里与子女同住")
    save(qtbot, stop, tasks)
    qtbot.waitUntil(lambda: not stop.isVisible(), timeout=WAIT_MS)
    assert "确认停用 杜秀兰" in messages.texts("question")[-1]
    assert not wearers.get_wearer(desk, clerk, chosen.id).active


def test_a_device_task_is_closed_only_with_a_note(
    qtbot: Any, page: AlarmsPage, desk: Desk, clerk: Actor, tasks: TaskManager
) -> None:
    task_id = open_task(desk, enrol(desk, clerk))
    tab = page.device_tasks
    page.show_tab(tab)
    settle(qtbot, tasks)
    assert tab.table.rowCount() == 1 and "手环离线" in tab.table.item(0, 1).text()
    assert not tab.close_button.isEnabled()  # nothing chosen yet
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.close_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert dialog is not None
    save(qtbot, dialog, tasks)
    assert dialog.error.text() == "处理情况不能为空" and dialog.isVisible()
    assert tasks_open(desk, clerk) == [task_id]
    dialog.set_text("已上门换电池，手环恢复在线")
    save(qtbot, dialog, tasks)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    settle(qtbot, tasks)
    assert tasks_open(desk, clerk) == [] and tab.table.rowCount() == 0
    tab.open_only.setChecked(False)
    settle(qtbot, tasks)
    assert "已上门换电池" in tab.table.item(0, 5).text()


def tasks_open(desk: Desk, actor: Actor) -> list[str]:
    return [t.id for t in tasks.list_tasks(desk, actor)]


def test_the_months_answer_times(qtbot: Any, page: AlarmsPage, desk: Desk, clerk: Actor, tasks: TaskManager) -> None:
    wearer = enrol(desk, clerk)
    quick = raise_alarm(desk, wearer)
    handling.acknowledge(desk, clerk, quick)
    raise_alarm(desk, wearer, ago_s=2)  # nobody has answered: it counts against the share
    page.show_tab(page.figures)
    settle(qtbot, tasks)
    table = page.figures.table
    last = table.rowCount() - 1
    assert table.item(last, 1).text() == "2" and table.item(last, 2).text() == "1"
    assert table.item(last, WITHIN_60).text() == "1（50.0%） 未达标"
    assert rules.month_of(dt.datetime.now(dt.UTC)) == table.item(last, 0).text()
