"""Residents and households: the person in the ground's register (phone sealed), the masked label
all the district ever gets, moves between households with their history, lists and look-ups, and
bad input refused with the field named and nothing kept."""

from __future__ import annotations

import datetime as dt

import pytest
from service_helpers import audit_actions, count, outbox_ops
from sqlalchemy import select

from mediation_desk.core.models import AuditRecord, OutboxOp
from mediation_desk.errors import NotFound, PermissionDenied, ValidationError
from mediation_desk.people.identity import secrets_of
from mediation_desk.people.models import Person
from mediation_desk.points import residents, rules
from mediation_desk.points.models import Household, Membership, Resident


def fields(exc: pytest.ExceptionInfo[ValidationError]) -> set[tuple[str, str]]:
    return {(p.field, p.rule) for p in exc.value.problems}


def kept(desk) -> tuple[int, int, int, int, int]:
    return (
        count(desk, Person),
        count(desk, Resident),
        count(desk, Household),
        count(desk, Membership),
        count(desk, OutboxOp),
    )


def test_a_resident_is_a_person_with_a_sealed_phone_and_a_masked_label(points_env) -> None:
    desk, wang = points_env.desk, points_env.residents[0]
    assert (wang.name, wang.label, wang.village_group) == ("王建国", "王*国", "一组")
    assert wang.household_label == "王建国户" and wang.phone_masked == "139****0001"
    assert wang.active and wang.balance == 0 and wang.mediator_id is None
    with desk.read() as s:
        row = s.get(Resident, wang.id)
        person = s.get(Person, row.person_id)
        assert person.name == "王建国" and person.kind == "natural"
        assert person.legacy_phone is None and person.phone_enc is not None
        assert b"13905750001" not in person.phone_enc
        assert secrets_of(person, desk.vault).phone == "13905750001"
        assert person.phone_idx == desk.vault.index("13905750001")
    # The district learns the masked label, never the name or the phone.
    [op] = [o for o in outbox_ops(desk, rules.RESIDENT) if o.entity_id == wang.id]
    assert op.kind == "create"
    assert set(op.payload) == {"household_id", "village_group", "label", "active", "updated_hlc"}
    assert op.payload["label"] == "王*国" and "王建国" not in str(op.payload)
    assert "points.resident_add" in audit_actions(desk, wang.id)
    with desk.read() as s:
        detail = s.scalar(select(AuditRecord.detail).where(AuditRecord.entity_id == wang.id))
    assert "王建国" not in str(detail) and "13905750001" not in str(detail)


def test_households_count_their_current_members(points_env) -> None:
    wang_home, chen_home = points_env.households
    assert (wang_home.label, wang_home.members, wang_home.balance) == ("王建国户", 2, 0)
    assert (chen_home.label, chen_home.members) == ("陈家", 1)
    lonely = residents.add_resident(
        points_env.desk, points_env.clerk, name="单身汉", village_group="二组", household_id=None
    )
    assert lonely.household_id is None and lonely.household_label is None
    assert residents.household_history(points_env.desk, points_env.clerk, lonely.id) == []


def test_a_move_keeps_the_household_history(points_env) -> None:
    desk, clerk = points_env.desk, points_env.clerk
    li = points_env.residents[1]
    chen_home = points_env.households[1]
    since = points_env.today  # registered today: a move can be no earlier
    moved = residents.move_resident(desk, clerk, li.id, chen_home.id, reason="嫁入陈家", since=since)
    assert moved.household_id == chen_home.id and moved.household_label == "陈家"
    history = residents.household_history(desk, clerk, li.id)
    assert [(label, until is None) for label, _since, until in history] == [("王建国户", False), ("陈家", True)]
    assert history[0][2] == since == history[1][1]
    counts = {h.label: h.members for h in residents.list_households(desk, clerk)}
    assert counts == {"王建国户": 1, "陈家": 2}
    op = outbox_ops(desk, rules.RESIDENT)[-1]
    assert (op.kind, op.entity_id, op.payload["fields"]) == ("update", li.id, {"household_id": chen_home.id})
    assert audit_actions(desk, li.id)[-1] == "points.resident_move"


def test_bad_moves_are_refused_and_change_nothing(points_env) -> None:
    desk, clerk = points_env.desk, points_env.clerk
    wang = points_env.residents[0]
    wang_home, chen_home = points_env.households
    before = kept(desk)
    cases = [
        ({"household_id": chen_home.id, "reason": "  "}, ("reason", "required")),
        ({"household_id": wang_home.id, "reason": "搬家"}, ("household_id", "same_household")),
        ({"household_id": "no-such-household", "reason": "搬家"}, ("household_id", "household_unknown")),
        (
            {"household_id": chen_home.id, "reason": "搬家", "since": points_env.today + dt.timedelta(days=1)},
            ("since", "future_date"),
        ),
        (
            {"household_id": chen_home.id, "reason": "搬家", "since": points_env.today - dt.timedelta(days=1)},
            ("since", "before_membership"),
        ),
        ({"household_id": chen_home.id, "reason": "搬" * 201}, ("reason", "too_long")),
    ]
    for kw, expected in cases:
        household_id = kw.pop("household_id")
        with pytest.raises(ValidationError) as e:
            residents.move_resident(desk, clerk, wang.id, household_id, **kw)
        assert fields(e) == {expected}, kw
    assert kept(desk) == before
    with pytest.raises(NotFound):
        residents.move_resident(desk, clerk, "no-such-resident", chen_home.id, reason="搬家")


def test_edits_change_what_is_given_and_sync_only_the_label(points_env) -> None:
    desk, clerk = points_env.desk, points_env.clerk
    chen = points_env.residents[2]
    edited = residents.edit_resident(desk, clerk, chen.id, name="陈晓芳芳", phone="0575-82123456", village_group="四组")
    assert (edited.name, edited.label, edited.village_group) == ("陈晓芳芳", "陈**芳", "四组")
    assert edited.phone_masked == "0575-******56"
    op = outbox_ops(desk, rules.RESIDENT)[-1]
    assert op.kind == "update" and op.payload["fields"] == {"label": "陈**芳", "village_group": "四组"}
    record = audit_actions(desk, chen.id)
    assert record[-1] == "points.resident_edit"
    # Nothing changed: no audit record, no outbox op.
    ops = len(outbox_ops(desk))
    assert residents.edit_resident(desk, clerk, chen.id, name="陈晓芳芳") == edited
    assert len(outbox_ops(desk)) == ops and audit_actions(desk, chen.id) == record
    # A phone is cleared with "", the resident made inactive (the district hears of it).
    cleared = residents.edit_resident(desk, clerk, chen.id, phone="", active=False)
    assert cleared.phone_masked is None and not cleared.active
    assert outbox_ops(desk, rules.RESIDENT)[-1].payload["fields"] == {"active": False}


def test_a_volunteer_mediator_is_linked_once(points_env) -> None:
    desk, clerk = points_env.desk, points_env.clerk
    mediator_id = points_env.mediator.mediator_id
    wang, li = points_env.residents[:2]
    linked = residents.edit_resident(desk, clerk, wang.id, mediator_id=mediator_id)
    assert linked.mediator_id == mediator_id
    with pytest.raises(ValidationError) as e:
        residents.edit_resident(desk, clerk, li.id, mediator_id=mediator_id)
    assert fields(e) == {("mediator_id", "mediator_linked")}
    with pytest.raises(ValidationError) as e:
        residents.add_resident(desk, clerk, name="谢某", village_group="一组", household_id=None, mediator_id="nobody")
    assert fields(e) == {("mediator_id", "mediator_unknown")}
    assert residents.edit_resident(desk, clerk, wang.id, mediator_id="").mediator_id is None
    assert residents.edit_resident(desk, clerk, li.id, mediator_id=mediator_id).mediator_id == mediator_id


@pytest.mark.parametrize(
    ("kw", "expected"),
    [
        ({"name": ""}, ("name", "required")),
        ({"name": "12345"}, ("name", "name_digits")),
        ({"name": "王" * 65}, ("name", "too_long")),
        ({"name": "王\x07芳"}, ("name", "control_character")),
        ({"village_group": " "}, ("village_group", "required")),
        ({"village_group": "组" * 33}, ("village_group", "too_long")),
        ({"phone": "1390575"}, ("phone", "phone_format")),
        ({"household_id": "no-such-household"}, ("household_id", "household_unknown")),
    ],
)
def test_bad_residents_are_refused_and_nothing_is_kept(points_env, kw, expected) -> None:
    desk = points_env.desk
    before = kept(desk)
    data = {"name": "俞美娟", "village_group": "二组", "household_id": None} | kw
    with pytest.raises(ValidationError) as e:
        residents.add_resident(desk, points_env.clerk, **data)
    assert {p.field for p in e.value.problems} == {expected[0]}
    if expected[0] != "phone":  # the phone's rule name is the validator's own
        assert fields(e) == {expected}
    assert kept(desk) == before


def test_bad_households_are_refused(points_env) -> None:
    desk, clerk = points_env.desk, points_env.clerk
    before = kept(desk)
    for kw, expected in [
        ({"label": "", "village_group": "一组"}, ("label", "required")),
        ({"label": "户" * 65, "village_group": "一组"}, ("label", "too_long")),
        ({"label": "王建国户", "village_group": "一组"}, ("label", "household_exists")),
        ({"label": "新户", "village_group": ""}, ("village_group", "required")),
    ]:
        with pytest.raises(ValidationError) as e:
            residents.add_household(desk, clerk, **kw)
        assert fields(e) == {expected}
    assert kept(desk) == before


def test_lists_find_by_name_label_phone_and_household(points_env) -> None:
    desk, clerk = points_env.desk, points_env.clerk
    wang_home = points_env.households[0]
    names = lambda views: [v.name for v in views]  # noqa: E731
    # By village group, then name (code point order, as SQLite compares).
    assert names(residents.list_residents(desk, clerk)) == ["李秀英", "王建国", "陈小芳"]
    assert names(residents.list_residents(desk, clerk, query="建国")) == ["王建国"]
    assert names(residents.list_residents(desk, clerk, query="陈*芳")) == ["陈小芳"]
    assert names(residents.list_residents(desk, clerk, query="139 0575 0001")) == ["王建国"]
    assert set(names(residents.list_residents(desk, clerk, household_id=wang_home.id))) == {"王建国", "李秀英"}
    assert residents.list_residents(desk, clerk, query="%") == []
    assert len(residents.list_residents(desk, clerk, limit=1)) == 1
    assert residents.get_resident(desk, clerk, points_env.residents[2].id).name == "陈小芳"
    with pytest.raises(NotFound):
        residents.get_resident(desk, clerk, "no-such-resident")


def test_registering_is_refused_to_a_mediator_who_may_still_look(points_env) -> None:
    desk, mediator = points_env.desk, points_env.mediator
    before = kept(desk)
    with pytest.raises(PermissionDenied):
        residents.add_resident(desk, mediator, name="俞美娟", village_group="二组", household_id=None)
    with pytest.raises(PermissionDenied):
        residents.add_household(desk, mediator, label="俞家", village_group="二组")
    assert audit_actions(desk)[-1] == "access.denied"
    assert kept(desk) == before
    assert len(residents.list_residents(desk, mediator)) == 3
