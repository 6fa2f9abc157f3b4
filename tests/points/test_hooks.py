"""Declarations nobody types: a real case driven through the mediation services to its close, with
an agreement in effect and a volunteer mediator (registered as a resident) leading it, declares
once, however often the event comes; no agreement, a mediator who is not a resident, or the
item's limit reached, and nothing is declared (the audit says why). The same for a completed
self-inspection."""

from __future__ import annotations

import pytest
from service_helpers import audit_actions, count, follow_up_case, mediating_case, outbox_ops
from sqlalchemy import select

from mediation_desk.core.models import AuditRecord
from mediation_desk.core.registry import REGISTRY
from mediation_desk.core.uow import SYSTEM
from mediation_desk.mediation import states, workflow
from mediation_desk.points import declarations, hooks, residents, rules
from mediation_desk.points.models import Declaration
from mediation_desk.storage.base import new_id


@pytest.fixture
def volunteer(points_env):
    """王建国, registered as a resident, linked to the roster record of 谢阿根's account: the
    volunteer whose cases earn coins."""
    return residents.edit_resident(
        points_env.desk, points_env.clerk, points_env.residents[0].id, mediator_id=points_env.mediator.mediator_id
    )


def close_agreed_case(points_env, mediator_id: str) -> str:
    case_id = follow_up_case(points_env.env, mediator_id=mediator_id)
    workflow.transition(points_env.desk, points_env.admin, case_id, states.CLOSED)
    return case_id


def automatic(desk) -> list[Declaration]:
    with desk.read() as s:
        return list(s.scalars(select(Declaration).where(Declaration.source != rules.MANUAL)))


def skipped(desk) -> list[dict]:
    with desk.read() as s:
        return list(s.scalars(select(AuditRecord.detail).where(AuditRecord.action == "points.declare_auto_skipped")))


def announce(desk, event: str, data: dict) -> None:
    with desk.write(SYSTEM) as uow:
        REGISTRY.publish(uow, event, data)


def test_a_case_closed_with_an_agreement_declares_for_its_volunteer_once(points_env, volunteer) -> None:
    desk = points_env.desk
    case_id = close_agreed_case(points_env, points_env.mediator.mediator_id)
    [d] = automatic(desk)
    item = rules.DEFAULT_CATALOGUE.automatic(rules.FROM_MEDIATION)
    assert (d.resident_id, d.item_code, d.coins) == (volunteer.id, item.code, item.coins)
    assert (d.source, d.source_ref, d.status) == (rules.FROM_MEDIATION, case_id, rules.DECLARED)
    assert d.declared_by == "system" and d.activity_date == points_env.today
    assert audit_actions(desk, d.id) == ["points.declare_auto"]
    [op] = [o for o in outbox_ops(desk, rules.DECLARATION) if o.entity_id == d.id]
    assert op.payload["source"] == rules.FROM_MEDIATION and op.payload["source_ref"] == case_id
    # The event again (a replay, a reopened case closed once more): still one declaration.
    announce(
        desk,
        states.CASE_CLOSED_EVENT,
        {
            "case_id": case_id,
            "lead_mediator_id": points_env.mediator.mediator_id,
            "agreement_effective_on": points_env.today,
            "closed_on": points_env.today,
        },
    )
    assert len(automatic(desk)) == 1
    # It goes through the village review like any other.
    view = declarations.review(desk, points_env.admin, d.id, approve=True)
    assert view.status == rules.VILLAGE_APPROVED and view.source_label == rules.SOURCES[rules.FROM_MEDIATION]


def test_no_declaration_without_an_agreement_in_effect(points_env, volunteer) -> None:
    case_id = mediating_case(points_env.env, mediator_id=points_env.mediator.mediator_id)
    workflow.transition(
        points_env.desk, points_env.admin, case_id, states.TERMINATED, reason="双方分歧过大", routes=["litigation"]
    )
    workflow.transition(points_env.desk, points_env.admin, case_id, states.CLOSED)
    assert automatic(points_env.desk) == [] and skipped(points_env.desk) == []


def test_no_declaration_when_the_lead_mediator_is_not_a_resident(points_env) -> None:
    close_agreed_case(points_env, points_env.mediator.mediator_id)  # 谢阿根, not linked to a resident
    assert automatic(points_env.desk) == [] and skipped(points_env.desk) == []


def test_over_the_limit_nothing_is_declared_and_the_audit_says_why(points_env, volunteer) -> None:
    desk = points_env.desk
    item = rules.DEFAULT_CATALOGUE.automatic(rules.FROM_MEDIATION)
    assert item.per_month is not None
    for _ in range(item.per_month):  # earlier cases this month, declared as their closing did
        announce(
            desk,
            states.CASE_CLOSED_EVENT,
            {
                "case_id": new_id(),
                "lead_mediator_id": points_env.mediator.mediator_id,
                "agreement_effective_on": points_env.today,
                "closed_on": points_env.today,
            },
        )
    assert len(automatic(desk)) == item.per_month
    case_id = close_agreed_case(points_env, points_env.mediator.mediator_id)  # the case still closes
    assert len(automatic(desk)) == item.per_month
    [why] = skipped(desk)
    assert why["source_ref"] == case_id and why["rule"] == "per_month_limit"
    assert str(item.per_month) in why["why"] and "王建国" not in str(why)
    with desk.read() as s:
        [entity_id] = s.scalars(
            select(AuditRecord.entity_id).where(AuditRecord.action == "points.declare_auto_skipped")
        )
    assert entity_id == volunteer.id


def test_an_inactive_volunteer_earns_nothing_and_the_audit_says_why(points_env, volunteer) -> None:
    residents.edit_resident(points_env.desk, points_env.clerk, volunteer.id, active=False)
    close_agreed_case(points_env, points_env.mediator.mediator_id)
    assert automatic(points_env.desk) == []
    assert [w["rule"] for w in skipped(points_env.desk)] == ["resident_inactive"]


def test_a_completed_self_inspection_declares_once_a_month(points_env) -> None:
    desk, chen = points_env.desk, points_env.residents[2]
    inspection = new_id()
    data = {"inspection_id": inspection, "resident_id": chen.id, "completed_on": points_env.today}
    announce(desk, rules.SELF_INSPECTION_DONE_EVENT, data)
    announce(desk, rules.SELF_INSPECTION_DONE_EVENT, data)
    [d] = automatic(desk)
    assert (d.resident_id, d.item_code, d.source, d.source_ref) == (
        chen.id,
        "self_inspection",
        rules.FROM_SELF_INSPECTION,
        inspection,
    )
    # Another inspection the same month: the item's limit (once a month) keeps it out.
    announce(desk, rules.SELF_INSPECTION_DONE_EVENT, data | {"inspection_id": new_id()})
    assert len(automatic(desk)) == 1
    assert [w["rule"] for w in skipped(desk)] == ["per_month_limit"]


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"case_id": None, "lead_mediator_id": None, "agreement_effective_on": None, "closed_on": None},
        {"case_id": "c", "lead_mediator_id": "nobody", "agreement_effective_on": "2026-01-01", "closed_on": None},
    ],
)
def test_incomplete_case_events_declare_nothing(points_env, volunteer, data) -> None:
    with points_env.desk.write(SYSTEM) as uow:
        hooks.declare_for_closed_case(uow, data)
    assert automatic(points_env.desk) == []


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"inspection_id": "i-1"},
        {"inspection_id": "i-1", "resident_id": "no-such-resident", "completed_on": None},
        {"inspection_id": "i-1", "person_id": "no-such-person", "completed_on": None},
    ],
)
def test_incomplete_inspection_events_declare_nothing(points_env, data) -> None:
    with points_env.desk.write(SYSTEM) as uow:
        hooks.declare_for_self_inspection(uow, data)
    assert count(points_env.desk, Declaration) == 0
