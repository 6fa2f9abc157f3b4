"""受理 page, typed in as a clerk would: a complete intake is saved as a case with its parties;
a bad ID number is named next to its field and nothing at all is saved; an ID number fills
gender, birth date and age; a person already registered is offered and reused."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from mediation_desk.core.models import AuditRecord
from mediation_desk.core.uow import SYSTEM, Actor, china_today
from mediation_desk.desk import Desk
from mediation_desk.gui import labels, party_editor
from mediation_desk.gui.pages import intake as intake_page
from mediation_desk.gui.pages.intake import IntakePage
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.mediation import dispute_types, intake, people, queries
from mediation_desk.mediation.models_case import MediationCase
from mediation_desk.people.models import Person
from mediation_desk.validation import GENDERS, ID_TYPES, age_on, resident_id_check_char

APPLICANT_ID = "330604195803051236"  # 1958-03-05, male; check digit computed below
RESPONDENT_ID_17 = "33060419620417224"  # 1962-04-17, female (17th digit even)


def valid_id(first17: str) -> str:
    return first17 + resident_id_check_char(first17)


def count(desk: Desk, model: Any) -> int:
    with desk.read() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


@pytest.fixture
def page(qtbot: Any, desk: Desk, tasks: TaskManager, clerk: Actor) -> IntakePage:
    widget = IntakePage(desk, tasks, clerk)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def choose(combo: Any, code: str) -> None:
    combo.setCurrentIndex(combo.findData(code))


def fill_intake(page: IntakePage, type_text: Any, qtbot: Any) -> None:
    u = page.ui
    choose(u.disputeType, "neighbour")
    type_text(u.briefFacts, "两家因宅基地边界的围墙高度发生争执")
    type_text(u.amount, "1200.50")
    u.riskCivilToCriminal.setChecked(True)
    applicant, respondent = (p.ui for p in page.parties)
    type_text(applicant.name, "王永年")
    type_text(applicant.idNumber, valid_id(APPLICANT_ID[:17]))
    type_text(applicant.phone, "13905751234")
    type_text(applicant.ethnicity, "汉族")
    type_text(respondent.name, "陈秀英")
    type_text(respondent.idNumber, valid_id(RESPONDENT_ID_17))
    qtbot.waitUntil(lambda: not page.tasks.busy)  # the look-ups for existing people


def test_a_typed_intake_is_saved_with_its_parties(qtbot: Any, page: IntakePage, desk: Desk, type_text: Any) -> None:
    fill_intake(page, type_text, qtbot)
    assert all(not label.text() for label in page.error_labels.values())
    with qtbot.waitSignal(page.case_saved, timeout=10_000) as saved:
        qtbot.mouseClick(page.ui.saveButton, Qt.MouseButton.LeftButton)
    case_id, number = saved.args
    [case] = queries.list_cases(desk, SYSTEM)
    assert (case.id, case.number) == (case_id, number)
    assert case.party_names == ("王永年", "陈秀英")
    assert case.dispute_type == "neighbour" and case.status == "accepted" and str(case.amount) == "1200.50"
    assert page.saved_banner.isVisible() and number in page.saved_banner.number_label.text()
    assert page.ui.briefFacts.toPlainText() == "" and len(page.parties) == 2  # ready for the next
    assert page.parties[0].ui.name.text() == ""


def test_a_bad_id_number_is_named_and_nothing_is_saved(
    qtbot: Any, page: IntakePage, desk: Desk, type_text: Any
) -> None:
    fill_intake(page, type_text, qtbot)
    right = valid_id(APPLICANT_ID[:17])
    wrong = right[:17] + ("3" if right[17] != "3" else "4")
    applicant = page.parties[0].ui
    type_text(applicant.idNumber, wrong)
    assert applicant.idNumberError.text() == "身份证号码校验不通过：号码中有一位或几位不对，请对照证件逐位核对"
    audits = count(desk, AuditRecord)

    qtbot.keyClick(page.ui.briefFacts, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S
    assert page.saving
    qtbot.waitUntil(lambda: not page.saving, timeout=10_000)
    assert "校验不通过" in applicant.idNumberError.text()
    assert "未保存" in page.ui.statusLabel.text()
    assert count(desk, MediationCase) == 0 and count(desk, Person) == 0
    assert count(desk, AuditRecord) == audits


def test_an_id_number_fills_gender_birth_date_and_age(page: IntakePage, type_text: Any, qtbot: Any) -> None:
    respondent = page.parties[1].ui
    type_text(respondent.idNumber, valid_id(RESPONDENT_ID_17))
    birth = dt.date(1962, 4, 17)
    assert respondent.gender.currentData() == "female"
    assert respondent.birthDate.text() == "1962-04-17"
    assert respondent.ageLabel.text() == f"年龄：{age_on(birth, china_today())} 岁"
    assert respondent.idNumberError.text() == ""
    qtbot.waitUntil(lambda: not page.tasks.busy)


def test_an_existing_person_is_offered_and_reused(
    qtbot: Any, page: IntakePage, desk: Desk, clerk: Actor, type_text: Any, make_party: Any, intake_form: Any
) -> None:
    known = make_party("王永年")
    intake.open_case(desk, clerk, intake_form(known, make_party("陈建林")))
    assert count(desk, Person) == 2

    fill_intake(page, type_text, qtbot)
    applicant = page.parties[0]
    type_text(applicant.ui.idNumber, known["id_number"])
    qtbot.waitUntil(lambda: applicant.ui.useExistingButton.isVisible(), timeout=10_000)
    assert "王永年" in applicant.ui.existingLabel.text()
    assert known["id_number"] not in applicant.ui.existingLabel.text()  # masked
    qtbot.mouseClick(applicant.ui.useExistingButton, Qt.MouseButton.LeftButton)
    assert applicant.person_id is not None and not applicant.ui.idNumber.isEnabled()

    with qtbot.waitSignal(page.case_saved, timeout=10_000):
        qtbot.mouseClick(page.ui.saveButton, Qt.MouseButton.LeftButton)
    assert count(desk, Person) == 3  # the respondent is new; the applicant is the same record
    newest = queries.list_cases(desk, SYSTEM)[0]
    assert newest.party_names == ("王永年", "陈秀英")


def test_a_referral_needs_its_referrer(qtbot: Any, page: IntakePage, desk: Desk, type_text: Any) -> None:
    assert not page.ui.referrerKind.isEnabled()
    fill_intake(page, type_text, qtbot)
    choose(page.ui.source, "referral")
    assert page.ui.referrerKind.isEnabled() and page.ui.referrerName.isEnabled()
    qtbot.mouseClick(page.ui.saveButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.saving, timeout=10_000)
    assert "委托移送须注明移送机关" in page.ui.referrerKindError.text()
    assert count(desk, MediationCase) == 0

    choose(page.ui.referrerKind, "court")  # fixed: the message goes at once
    assert page.ui.referrerKindError.text() == ""


def test_save_and_assign_asks_for_the_assignment(qtbot: Any, page: IntakePage, desk: Desk, type_text: Any) -> None:
    fill_intake(page, type_text, qtbot)
    with qtbot.waitSignal(page.assign_requested, timeout=10_000) as asked:
        qtbot.mouseClick(page.ui.saveAssignButton, Qt.MouseButton.LeftButton)
    [case] = queries.list_cases(desk, SYSTEM)
    assert asked.args == [case.id]


def test_the_sub_type_follows_the_type(page: IntakePage) -> None:
    choose(page.ui.disputeType, "labour")
    assert page.ui.disputeSubtype.isEnabled()
    assert page.ui.disputeSubtype.findData("unpaid_wages") >= 0
    choose(page.ui.disputeType, "neighbour")
    assert not page.ui.disputeSubtype.isEnabled()


def test_the_window_names_are_the_services_own() -> None:
    assert intake_page.SOURCE_NAMES == intake.SOURCES
    assert intake_page.REFERRER_NAMES == intake.REFERRERS
    assert labels.DISPUTE_TYPE_NAMES == dispute_types.LABELS
    assert {(t.code, s): label for t in dispute_types.DISPUTE_TYPES for s, label in t.subtypes} == labels.SUBTYPE_NAMES
    assert party_editor.ROLE_NAMES == intake.ROLES
    assert party_editor.KIND_NAMES == people.KINDS
    assert party_editor.ID_TYPE_NAMES == ID_TYPES
    assert party_editor.GENDER_NAMES == GENDERS


def test_the_risk_boxes_are_the_services_flags(page: IntakePage) -> None:
    assert {code: box.text() for code, box in page.risk_boxes.items()} == intake.RISK_FLAGS
