"""Wearers of the 平安手环: enrolled from the ground's register (a person found by the ID number is
reused), eligible at 80 or with the committee's recorded reason, address, health notes and
contacts' phones sealed, contacts in calling order, one active wearer per bracelet, the location
consent recorded with the enrolment and the health consent before any health note; the district
told what it keeps of a wearer, in the same unit of work."""

from __future__ import annotations

import datetime as dt

import pytest
from alarm_setup import AlarmEnv, contacts, enrol, id_number, ops
from sqlalchemy import func, select

from mediation_desk.alarms import rules, wearers
from mediation_desk.alarms.dto import ContactInput
from mediation_desk.alarms.models import Wearer, WearerContact
from mediation_desk.core.models import AuditRecord
from mediation_desk.errors import NotFound, PermissionDenied, ValidationError
from mediation_desk.lifecycle import consent
from mediation_desk.lifecycle.models import Consent
from mediation_desk.people.models import Person


def count(env: AlarmEnv, model: type) -> int:
    with env.desk.read() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def problem(excinfo: pytest.ExceptionInfo[ValidationError]) -> tuple[str, str]:
    p = excinfo.value.problems[0]
    assert p.message  # every refusal says what is wrong in words
    return p.field, p.rule


# ---- enrolling -----------------------------------------------------------------------------------


def test_enrolment_keeps_the_wearer_sealed_and_tells_the_district(alarm_env: AlarmEnv) -> None:
    w = enrol(alarm_env, contacts=contacts(3), health_notes="高血压，每日服药", health_consent=True)
    assert (w.name, w.living_alone, w.active, w.age is not None and w.age >= 80) == ("谢桂英", True, True, True)
    assert w.address == "谢塘镇谢家塘村塘东 3 号"
    assert [c.position for c in w.contacts] == [1, 2, 3]
    assert [c.kind_label for c in w.contacts] == ["亲属", "村医", "网格员"]
    assert w.contacts[0].phone == "13905753101" and w.contacts[0].phone_masked == "139****3101"
    assert (w.location_consent, w.health_consent, w.has_health_notes) == (True, True, True)
    with alarm_env.desk.read() as s:
        row = s.get(Wearer, w.id)
        assert row is not None and row.address_enc is not None and b"\xe8\xb0\xa2" not in row.address_enc
        assert row.health_enc is not None
        phones = s.scalars(select(WearerContact.phone_enc).where(WearerContact.wearer_id == w.id)).all()
        assert all(p is not None and b"139" not in p for p in phones)
    [op] = ops(alarm_env.desk, rules.WEARER, w.id)
    assert op.kind == "create"
    assert set(op.payload) == {
        "device_id", "name", "address", "living_alone", "active", "location_consent", "enrolled_on"
    }  # fmt: skip
    assert op.payload["location_consent"] is True and op.payload["address"] == w.address
    assert "13905753101" not in str(op.payload)  # contacts and health stay in the village
    assert wearers.health_notes(alarm_env.desk, alarm_env.clerk, w.id) == "高血压，每日服药"


def test_lists_mask_the_phones_and_the_card_shows_them(alarm_env: AlarmEnv) -> None:
    w = enrol(alarm_env)
    [listed] = wearers.list_wearers(alarm_env.desk, alarm_env.mediator)
    assert listed.id == w.id and all(c.phone is None and c.phone_masked for c in listed.contacts)
    card = wearers.get_wearer(alarm_env.desk, alarm_env.mediator, w.id)
    assert card.contacts[0].phone == "13905753101"


def test_the_consents_are_recorded_with_the_enrolment(alarm_env: AlarmEnv) -> None:
    w = enrol(alarm_env, consent_by="谢建国")
    held = consent.list_consents(alarm_env.desk, alarm_env.admin, w.person_id)
    assert [(c.purpose, c.active) for c in held] == [("bracelet_location", True)]
    assert held[0].note is not None and "谢建国" in held[0].note
    assert w.consent_by == "谢建国" and not w.health_consent
    with alarm_env.desk.read() as s:
        actions = s.scalars(select(AuditRecord.action).where(AuditRecord.entity_id.in_([w.id, w.person_id]))).all()
    assert "consent.give" in actions and "alarms.wearer_add" in actions


def test_a_person_of_the_register_is_reused_by_the_id_number(alarm_env: AlarmEnv) -> None:
    number = id_number(dt.date(1936, 1, 9))
    first = enrol(alarm_env, "王林根", id_number=number)
    wearers.deactivate_wearer(alarm_env.desk, alarm_env.clerk, first.id, "搬去儿子家住")
    again = enrol(alarm_env, "王林根", id_number=number)
    assert again.person_id == first.person_id and again.id != first.id
    assert count(alarm_env, Person) == 1


def test_under_80_needs_the_recorded_reason(alarm_env: AlarmEnv) -> None:
    young = dt.date(1960, 6, 1)
    with pytest.raises(ValidationError) as excinfo:
        enrol(alarm_env, "俞阿大", birth=young)
    assert problem(excinfo) == ("exception_reason", "eligibility")
    with pytest.raises(ValidationError) as excinfo:
        enrol(alarm_env, "俞阿大", id_number=None)
    assert problem(excinfo) == ("exception_reason", "eligibility")
    w = enrol(alarm_env, "俞阿大", birth=young, exception_reason="独居，患心脏病")
    assert w.exception_reason == "独居，患心脏病" and w.age is not None and w.age < 80
    with pytest.raises(ValidationError) as excinfo:  # the reason cannot be taken away while under 80
        wearers.edit_wearer(alarm_env.desk, alarm_env.clerk, w.id, exception_reason=None)
    assert problem(excinfo) == ("exception_reason", "eligibility")
    assert count(alarm_env, Wearer) == 1 and count(alarm_env, Person) == 1


@pytest.mark.parametrize(
    "fields, expected",
    [
        ({"name": "  "}, ("name", "required")),
        ({"id_number": "33060419380312001"}, ("id_number", "id_length")),
        ({"address": ""}, ("address", "required")),
        ({"phone": "12345"}, ("phone", "phone_format")),
        ({"device_id": "86-1"}, ("device_id", "device_format")),
        ({"contacts": contacts(rules.MAX_CONTACTS + 1)}, ("contacts", "too_many_contacts")),
        (
            {"contacts": [ContactInput("neighbour", "王阿姨", None, "13905753104")]},
            ("contacts[0].kind", "contact_kind"),
        ),
        ({"contacts": [ContactInput("relative", "谢建国", "儿子", "110")]}, ("contacts[0].phone", "phone_format")),
        ({"contacts": [ContactInput("relative", "谢建国", "儿子", None)]}, ("contacts[0].phone", "required")),
        ({"contacts": [ContactInput("relative", "", "儿子", "13905753101")]}, ("contacts[0].name", "required")),
        ({"health_notes": "糖尿病"}, ("health_consent", "consent_required")),
        ({"consent_by": "1234"}, ("consent_by", "name_digits")),
    ],
)
def test_bad_input_is_refused_and_nothing_is_kept(alarm_env: AlarmEnv, fields: dict, expected: tuple) -> None:
    with pytest.raises(ValidationError) as excinfo:
        enrol(alarm_env, **fields)
    assert problem(excinfo) == expected
    assert count(alarm_env, Wearer) == 0 and count(alarm_env, Person) == 0 and count(alarm_env, Consent) == 0
    assert ops(alarm_env.desk, rules.WEARER) == []


def test_one_active_wearer_per_bracelet(alarm_env: AlarmEnv) -> None:
    first = enrol(alarm_env, device_id="8613800001")
    with pytest.raises(ValidationError) as excinfo:
        enrol(alarm_env, "王林根", device_id="8613800001")
    assert problem(excinfo) == ("device_id", "device_taken")
    second = enrol(alarm_env, "王林根", device_id="8613800002")
    with pytest.raises(ValidationError) as excinfo:
        wearers.edit_wearer(alarm_env.desk, alarm_env.clerk, second.id, device_id="8613800001")
    assert problem(excinfo) == ("device_id", "device_taken")
    wearers.deactivate_wearer(alarm_env.desk, alarm_env.clerk, first.id, "去世")
    moved = wearers.edit_wearer(alarm_env.desk, alarm_env.clerk, second.id, device_id="8613800001")
    assert moved.device_id == "8613800001"


def test_the_same_person_twice_and_a_name_that_does_not_match(alarm_env: AlarmEnv) -> None:
    number = id_number(dt.date(1937, 2, 2))
    enrol(alarm_env, "陈金娣", id_number=number)
    with pytest.raises(ValidationError) as excinfo:
        enrol(alarm_env, "陈金娣", id_number=number)
    assert problem(excinfo) == ("id_number", "wearer_exists")
    with pytest.raises(ValidationError) as excinfo:
        enrol(alarm_env, "陈金弟", id_number=number)
    assert problem(excinfo) == ("name", "name_mismatch")


# ---- editing -------------------------------------------------------------------------------------


def test_edit_changes_what_is_given_and_tells_the_district_what_it_keeps(alarm_env: AlarmEnv) -> None:
    w = enrol(alarm_env)
    new = [
        ContactInput("grid", "杜小英", "网格员", "13905753103"),
        ContactInput("relative", "谢建国", "儿子", "13905753101"),
    ]
    edited = wearers.edit_wearer(
        alarm_env.desk, alarm_env.clerk, w.id, address="谢塘镇谢家塘村塘西 9 号", living_alone=False, contacts=new
    )
    assert edited.address == "谢塘镇谢家塘村塘西 9 号" and not edited.living_alone
    assert [c.name for c in edited.contacts] == ["杜小英", "谢建国"]
    update = ops(alarm_env.desk, rules.WEARER, w.id)[-1]
    assert update.kind == "update"
    assert update.payload == {"fields": {"address": "谢塘镇谢家塘村塘西 9 号", "living_alone": False}}
    unchanged = wearers.edit_wearer(alarm_env.desk, alarm_env.clerk, w.id, living_alone=False)
    assert unchanged == edited and len(ops(alarm_env.desk, rules.WEARER, w.id)) == 2


def test_deactivation_needs_a_reason_and_ends_editing(alarm_env: AlarmEnv) -> None:
    w = enrol(alarm_env)
    with pytest.raises(ValidationError) as excinfo:
        wearers.deactivate_wearer(alarm_env.desk, alarm_env.clerk, w.id, "  ")
    assert problem(excinfo) == ("reason", "required")
    done = wearers.deactivate_wearer(alarm_env.desk, alarm_env.clerk, w.id, "搬走")
    assert not done.active
    assert ops(alarm_env.desk, rules.WEARER, w.id)[-1].payload == {"fields": {"active": False}}
    assert wearers.list_wearers(alarm_env.desk, alarm_env.clerk) == []
    assert [v.id for v in wearers.list_wearers(alarm_env.desk, alarm_env.clerk, include_inactive=True)] == [w.id]
    with pytest.raises(ValidationError) as excinfo:
        wearers.edit_wearer(alarm_env.desk, alarm_env.clerk, w.id, living_alone=False)
    assert problem(excinfo) == ("wearer_id", "wearer_inactive")
    with pytest.raises(NotFound):
        wearers.get_wearer(alarm_env.desk, alarm_env.clerk, "no-such-wearer")


def test_health_notes_need_their_consent_and_every_opening_is_audited(alarm_env: AlarmEnv) -> None:
    w = enrol(alarm_env)
    with pytest.raises(ValidationError) as excinfo:
        wearers.set_health_notes(alarm_env.desk, alarm_env.mediator, w.id, "糖尿病")
    assert problem(excinfo) == ("notes", "consent_required")
    consent.give_consent(alarm_env.desk, alarm_env.clerk, w.person_id, "bracelet_health")
    held = wearers.set_health_notes(alarm_env.desk, alarm_env.mediator, w.id, "糖尿病")
    assert held.has_health_notes and held.health_consent
    assert wearers.health_notes(alarm_env.desk, alarm_env.mediator, w.id) == "糖尿病"
    with alarm_env.desk.read() as s:
        opened = s.scalar(
            select(func.count()).where(AuditRecord.action == "alarms.health_open", AuditRecord.entity_id == w.id)
        )
    assert opened == 1
    cleared = wearers.set_health_notes(alarm_env.desk, alarm_env.mediator, w.id, "")
    assert not cleared.has_health_notes


def test_the_role_table_decides(alarm_env: AlarmEnv) -> None:
    with pytest.raises(PermissionDenied):
        enrol_as_mediator(alarm_env)
    assert count(alarm_env, Wearer) == 0
    w = enrol(alarm_env)
    assert wearers.list_wearers(alarm_env.desk, alarm_env.mediator)[0].id == w.id


def enrol_as_mediator(env: AlarmEnv) -> None:
    wearers.enrol_wearer(
        env.desk,
        env.mediator,
        name="谢桂英",
        id_number=id_number(dt.date(1938, 3, 12)),
        phone=None,
        address="谢塘镇谢家塘村",
        living_alone=True,
        device_id=None,
        contacts=[],
    )
