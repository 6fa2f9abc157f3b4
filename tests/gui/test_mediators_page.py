"""调解员 page, driven as the clerk would: the roster with loads and masked phones, a mediator
added by typing (a bad phone named under its field, nothing saved), edited, marked unavailable;
a 调解员 may only look, and a refusal by the service is shown calmly."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from service_helpers import Env, actor, add_mediator, assigned_case, audit_actions, make_env

from mediation_desk.administration import demo
from mediation_desk.core.uow import SYSTEM
from mediation_desk.gui.dialogs.mediator_dialog import MediatorDialog
from mediation_desk.gui.pages.mediators import LOAD, NAME, PHONE, SKILLS, STATE, MediatorsPage
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.mediation import mediators, queries, states

MASKED = re.compile(r"^1\d{2}\*{4}\d{4}$")


@pytest.fixture
def env(tmp_path: Any) -> Iterator[Env]:
    e = make_env(tmp_path)
    yield e
    e.desk.close()


@pytest.fixture
def page(qtbot: Any, env: Env, tasks: TaskManager) -> MediatorsPage:
    widget = MediatorsPage(env.desk, tasks, env.admin)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def load(qtbot: Any, page: MediatorsPage) -> None:
    page.loaded = False
    page.refresh()
    qtbot.waitUntil(lambda: page.loaded and not page.tasks.busy)


def rows(page: MediatorsPage) -> dict[str, list[str]]:
    table = page.ui.mediatorTable
    return {
        table.item(r, NAME).text(): [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    }


def choose(page: MediatorsPage, name: str) -> None:
    table = page.ui.mediatorTable
    for r in range(table.rowCount()):
        if table.item(r, NAME).text() == name:
            table.selectRow(r)
            return
    raise AssertionError(f"{name} not listed")


def test_the_roster_shows_the_demo_mediators_with_their_loads(qtbot: Any, page: MediatorsPage, env: Env) -> None:
    demo.seed_demo(env.desk, cases=12)
    load(qtbot, page)
    listed = rows(page)
    roster = mediators.list_mediators(env.desk)
    assert set(listed) == {m.name for m in roster} and len(listed) == 9
    for m in roster:
        row = listed[m.name]
        expected = f"{m.open_cases} / {m.max_open_cases}" if m.max_open_cases else str(m.open_cases)
        assert row[LOAD] == expected
        open_cases = queries.list_cases(env.desk, SYSTEM, mediator_id=m.id, status=list(states.OPEN_STATES), limit=1000)
        assert int(row[LOAD].split(" / ")[0]) == len(open_cases)  # the load is the cases in hand
        assert MASKED.match(row[PHONE]), row[PHONE]  # personal data: masked in the list
    assert sum(int(row[LOAD].split(" / ")[0]) for row in listed.values()) == sum(m.open_cases for m in roster) > 0
    assert listed["顾长水"][STATE] == "暂不可用"
    assert set(listed["戴才良"][SKILLS].split("、")) == {"邻里", "房屋宅基地", "婚姻家庭"}
    assert page.ui.countLabel.text() == "共 9 人，可派单 8 人"


def test_a_mediator_is_added_by_typing_and_a_bad_phone_is_named(
    qtbot: Any, page: MediatorsPage, env: Env, type_text: Any
) -> None:
    load(qtbot, page)
    assert page.ui.mediatorTable.rowCount() == 0
    qtbot.mouseClick(page.ui.addButton, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, MediatorDialog) and dialog.isVisible()
    u = dialog.ui
    type_text(u.name, "谢美琴")
    u.gender.setCurrentIndex(u.gender.findData("female"))
    type_text(u.title, "妇联主任")
    type_text(u.area, "谢家塘村")
    type_text(u.phone, "12345")
    u.skills.setFocus()
    for row in (0, 1):  # 婚姻家庭, 邻里: ticked with the space bar
        u.skills.setCurrentRow(row)
        qtbot.keyClick(u.skills, Qt.Key.Key_Space)
    u.maxOpenCases.setValue(3)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(u.phoneError.text()))
    assert "联系电话" in u.phoneError.text()
    assert not u.nameError.text() and dialog.isVisible()
    assert mediators.list_mediators(env.desk) == []  # nothing saved

    type_text(u.phone, "139-0575-1234")
    with qtbot.waitSignal(dialog.saved, timeout=10_000) as saved:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    view = saved.args[0]
    (m,) = mediators.list_mediators(env.desk)
    assert (m.id, m.name, m.gender, m.title, m.area, m.max_open_cases) == (
        view.id,
        "谢美琴",
        "female",
        "妇联主任",
        "谢家塘村",
        3,
    )
    assert m.skills == ("family", "neighbour") and m.phone == "139****1234"
    qtbot.waitUntil(lambda: page.ui.mediatorTable.rowCount() == 1 and not page.tasks.busy)
    assert rows(page)["谢美琴"][PHONE] == "139****1234"
    assert rows(page)["谢美琴"][LOAD] == "0 / 3"
    assert page.selected_id() == m.id and "已保存" in page.ui.statusLabel.text()
    qtbot.waitUntil(lambda: page.dialog is None)


def test_a_mediator_is_edited_and_marked_unavailable(qtbot: Any, page: MediatorsPage, env: Env, type_text: Any) -> None:
    mediator_id = add_mediator(env, "谢阿根", phone="13905750000")
    assigned_case(env, mediator_id)
    load(qtbot, page)
    assert rows(page)["谢阿根"][LOAD] == "1" and rows(page)["谢阿根"][STATE] == "可派单"
    choose(page, "谢阿根")
    qtbot.mouseClick(page.ui.editButton, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.record is not None)
    u = dialog.ui
    assert (u.name.text(), u.phone.text(), u.area.text()) == ("谢阿根", "13905750000", "谢家塘村")  # full phone
    assert audit_actions(env.desk, mediator_id)[-1] == "mediator.view_personal_data"
    type_text(u.area, "晋生村")
    u.notes.setPlainText("调解三十余年")
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: rows(page).get("谢阿根", [""] * 7)[3] == "晋生村" and not page.tasks.busy)
    assert mediators.list_mediators(env.desk)[0].area == "晋生村"

    choose(page, "谢阿根")
    assert page.ui.availabilityButton.text() == "设为暂不可用(&U)"
    qtbot.mouseClick(page.ui.availabilityButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: rows(page)["谢阿根"][STATE] == "暂不可用" and not page.tasks.busy)
    assert mediators.list_mediators(env.desk)[0].available is False
    assert "已设为暂不可用" in page.ui.statusLabel.text()
    assert page.ui.availabilityButton.text() == "恢复可派单(&U)"
    qtbot.mouseClick(page.ui.availabilityButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: rows(page)["谢阿根"][STATE] == "可派单" and not page.tasks.busy)


def test_a_full_mediator_is_not_counted_among_those_who_can_take_a_case(
    qtbot: Any, page: MediatorsPage, env: Env
) -> None:
    full = add_mediator(env, "谢阿根", max_open_cases=1)
    assigned_case(env, full)
    add_mediator(env, "戴才良", max_open_cases=3)
    add_mediator(env, "顾长水", available=False)
    load(qtbot, page)
    assert rows(page)["谢阿根"][LOAD] == "1 / 1" and rows(page)["谢阿根"][STATE] == "已满额"
    assert rows(page)["戴才良"][STATE] == "可派单"
    assert page.ui.countLabel.text() == "共 3 人，可派单 1 人"


def test_a_mediator_off_the_roster_is_shown_on_request(qtbot: Any, page: MediatorsPage, env: Env) -> None:
    gone = add_mediator(env, "顾长水")
    add_mediator(env, "谢阿根")
    mediators.update_mediator(env.desk, env.admin, gone, {"active": False})
    load(qtbot, page)
    assert set(rows(page)) == {"谢阿根"}
    page.ui.showInactiveCheck.setChecked(True)
    qtbot.waitUntil(lambda: page.ui.mediatorTable.rowCount() == 2 and not page.tasks.busy)
    assert rows(page)["顾长水"][STATE] == "已退出名册"
    choose(page, "顾长水")
    assert not page.ui.availabilityButton.isEnabled() and page.ui.editButton.isEnabled()


def test_a_mediator_operator_may_only_look_and_a_refusal_is_calm(
    qtbot: Any, page: MediatorsPage, env: Env, tasks: TaskManager, type_text: Any
) -> None:
    mediator_id = add_mediator(env, "谢阿根")
    as_mediator = actor(env, "xieagen", "mediator", mediator_id=mediator_id)
    page.actor = as_mediator
    load(qtbot, page)
    choose(page, "谢阿根")
    u = page.ui
    assert not u.addButton.isEnabled() and not u.editButton.isEnabled() and not u.availabilityButton.isEnabled()
    assert "只能查看名册" in u.permissionLabel.text() and "主任或记录员" in u.permissionLabel.text()
    assert page.edit_mediator() is None

    # The service still decides: asked anyway, it refuses and nothing changes.
    page.toggle_available()
    qtbot.waitUntil(lambda: "未保存" in u.statusLabel.text())
    assert "调解员无权维护调解员名册" in u.statusLabel.text()
    assert mediators.list_mediators(env.desk)[0].available is True

    dialog = MediatorDialog(env.desk, tasks, as_mediator)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.ui.name, "王永年")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "无权" in dialog.ui.messageLabel.text())
    assert dialog.isVisible() and len(mediators.list_mediators(env.desk)) == 1

    edit = MediatorDialog(env.desk, tasks, as_mediator, mediator_id)
    qtbot.addWidget(edit)
    qtbot.waitUntil(lambda: "无法打开" in edit.ui.messageLabel.text())
    assert not edit.ok_button.isEnabled() and edit.ui.phone.text() == ""

    page.actor = env.admin  # a director logs in: the roster may be kept again
    choose(page, "谢阿根")
    assert u.addButton.isEnabled() and u.editButton.isEnabled() and u.permissionLabel.text() == ""


def test_an_empty_name_is_refused_before_the_worker_is_asked(qtbot: Any, page: MediatorsPage, env: Env) -> None:
    dialog = page.add_mediator()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "姓名" in dialog.ui.nameError.text() and "未保存" in dialog.ui.messageLabel.text()
    assert dialog.focusWidget() is dialog.ui.name  # the cursor is put where the problem is
    assert mediators.list_mediators(env.desk) == []
    dialog.reject()
