"""Green coins tell the ground what they have: the entities they sync and the permission and audit
actions (from the rule module, `rules.py`); what happens when a case closes with a volunteer
mediator (or a self-inspection is completed); what a pull from the district brings (town reviews,
credits, conflicts, the catalogue); what the data lifecycle must know; and the demo's residents."""

from __future__ import annotations

from mediation_desk.core.registry import Registry
from mediation_desk.mediation.states import CASE_CLOSED_EVENT
from mediation_desk.points import data_lifecycle, entities, hooks, models, pulled, rules  # noqa: F401 (models: tables)
from mediation_desk.points.demo import PointsDemo


def register(registry: Registry) -> None:
    if not registry.once("points"):
        return
    registry.add_entities(entities.SYNCED_ENTITIES)
    registry.add_permissions(entities.PERMISSIONS)
    registry.add_audit_actions(entities.AUDIT_ACTIONS)
    registry.add_listener(CASE_CLOSED_EVENT, hooks.declare_for_closed_case)
    registry.add_listener(rules.SELF_INSPECTION_DONE_EVENT, hooks.declare_for_self_inspection)
    registry.add_pull_handler(pulled.ENTITIES, pulled.apply_changes)
    registry.add_reference_handler(rules.CATALOGUE_PART, pulled.adopt_catalogue)
    data_lifecycle.register_lifecycle(registry)
    registry.add_demo(PointsDemo())
