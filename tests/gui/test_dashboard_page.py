"""The 工作台 page: the figures of the desk after a refresh, case numbers only."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QListWidget

from mediation_desk.core.uow import SYSTEM, Actor, china_today
from mediation_desk.desk import Desk
from mediation_desk.gui.pages.dashboard import CASE_ID_ROLE, DashboardPage
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.mediation import (
    agreement,
    assignment,
    followup,
    intake,
    queries,
    sessions,
)
from mediation_desk.mediation.case_access import party_person_ids
from mediation_desk.mediation.models_people import Mediator


def texts(widget: QListWidget) -> list[str]:
    return [widget.item(i).text() for i in range(widget.count())]


def agreed(desk: Desk, admin: Actor, form: dict[str, Any]) -> str:
    case_id = intake.open_case(desk, admin, form)
    with desk.write(admin) as uow:
        m = Mediator(
            committee_id=desk.committee(uow.session).id,
            name="谢阿根",
            gender="male",
            area="谢家塘村",
            skills=["neighbour"],
            title="老娘舅",
            updated_hlc=uow.tick(),
        )
        uow.session.add(m)
        uow.session.flush()
        mediator_id = m.id
    assignment.assign(desk, admin, case_id, [mediator_id])
    with desk.read() as s:
        people = party_person_ids(s, case_id)
    sessions.add_session(
        desk,
        admin,
        case_id,
        {
            "place": "谢家塘村调解室",
            "recorder": "金晓燕",
            "participants": ["甲", "乙"],
            "statements": [{"person_id": p, "text": "陈述"} for p in people],
            "result": "双方同意",
            "outcome": "agreement",
        },
    )
    agreement.record_agreement(
        desk,
        admin,
        case_id,
        {
            "form": "oral",
            "facts": "围墙高度",
            "disputed_issues": "围墙是否降低",
            "terms": ["降低围墙"],
            "performance_method": "自行施工",
        },
    )
    return case_id


def test_the_page_shows_overdue_cases_and_follow_ups_due(
    qtbot: Any, desk: Desk, admin: Actor, tasks: TaskManager, intake_form: Any, make_party: Any
) -> None:
    today = china_today()
    old = intake.open_case(desk, admin, intake_form(accepted_on=today - dt.timedelta(days=40)))
    intake.open_case(
        desk, admin, intake_form(make_party("赵六斤"), make_party("钱小妹"), accepted_on=today - dt.timedelta(days=30))
    )
    visited = agreed(desk, admin, intake_form(make_party("孙大伯"), make_party("李大伯")))
    visit = followup.schedule_follow_up(desk, admin, visited, today - dt.timedelta(days=1))
    numbers = {c.id: c.number for c in queries.list_cases(desk, SYSTEM)}

    page = DashboardPage(desk, tasks, admin)
    qtbot.addWidget(page)
    page.refresh()
    qtbot.waitUntil(lambda: page.data is not None)
    ui = page.ui
    assert page.count_labels["accepted"].text() == "2"
    assert page.count_labels["agreed"].text() == "1"
    assert ui.overdueBox.title() == "超期在办案件（1）"
    assert ui.followupsBox.title() == "到期回访（1）"
    assert ui.judicialBox.title() == "司法确认期限临近（0）"
    assert "在办超过 30 天 1 件" in ui.figuresLabel.text() and "到期回访 1 件" in ui.figuresLabel.text()
    (overdue,) = texts(ui.overdueList)
    assert overdue.startswith(numbers[old]) and "已 40 天" in overdue
    assert ui.overdueList.item(0).data(CASE_ID_ROLE) == old
    (due,) = texts(ui.followupsList)
    assert numbers[visited] in due and (today - dt.timedelta(days=1)).isoformat() in due
    assert texts(ui.judicialList) == ["近期没有到期的司法确认"]
    recent = texts(ui.recentList)
    assert any(numbers[visited] in line and "调解中 → 已达成协议" in line for line in recent)
    shown = " ".join(texts(ui.overdueList) + texts(ui.followupsList) + recent)
    assert "王永年" not in shown and "孙大伯" not in shown

    # A visit done leaves the list after the next refresh.
    followup.record_follow_up(
        desk,
        admin,
        visited,
        {
            "follow_up_id": visit,
            "performance_status": "fully_performed",
            "satisfaction": "satisfied",
            "notes": "已降低围墙",
        },
    )
    page.data = None
    page.refresh()
    qtbot.waitUntil(lambda: page.data is not None)
    assert ui.followupsBox.title() == "到期回访（0）"
    assert texts(ui.followupsList) == ["没有到期回访"]
