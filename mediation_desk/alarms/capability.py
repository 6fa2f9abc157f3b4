"""Bracelet alarms tell the ground what they have: the entities they sync and the permission and
audit actions (from the rule modules); what a pull (or the alarm stream) brings — alarms and
device tasks; what the data lifecycle must know (the bracelet consents with their erasure, the
wearers kept); and the demo's wearers."""

from __future__ import annotations

from mediation_desk.alarms import data_lifecycle, entities, models, pulled  # noqa: F401 (models: tables)
from mediation_desk.alarms.demo import AlarmsDemo
from mediation_desk.core.registry import Registry


def register(registry: Registry) -> None:
    if not registry.once("alarms"):
        return
    registry.add_entities(entities.SYNCED_ENTITIES)
    registry.add_permissions(entities.PERMISSIONS)
    registry.add_audit_actions(entities.AUDIT_ACTIONS)
    registry.add_pull_handler(pulled.ENTITIES, pulled.apply_changes)
    data_lifecycle.register_lifecycle(registry)
    registry.add_demo(AlarmsDemo())
