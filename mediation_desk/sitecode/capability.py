"""Site codes tell the ground what they have: the entities they sync and the permission and audit
actions (from the rule modules); what a pull from the district brings (tasks, the scheme); what the
data lifecycle must know (responsible persons, sealed photos); and the demo's places."""

from __future__ import annotations

from mediation_desk.core.registry import Registry
from mediation_desk.sitecode import data_lifecycle, entities, models, pulled, rules  # noqa: F401 (models: tables)
from mediation_desk.sitecode.demo import SitesDemo


def register(registry: Registry) -> None:
    if not registry.once("sitecode"):
        return
    registry.add_entities(entities.SYNCED_ENTITIES)
    registry.add_permissions(entities.PERMISSIONS)
    registry.add_audit_actions(entities.AUDIT_ACTIONS)
    registry.add_pull_handler(pulled.ENTITIES, pulled.apply_changes)
    registry.add_reference_handler(rules.SCHEME_PART, pulled.adopt_scheme)
    data_lifecycle.register_lifecycle(registry)
    registry.add_demo(SitesDemo())
