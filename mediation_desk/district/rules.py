"""The capabilities' rules the district applies. The server imports their pure rule modules only
(never their services): each adds the entities it syncs to the registry the contract reads."""

from __future__ import annotations

from mediation_desk.alarms import entities as alarms
from mediation_desk.core.registry import REGISTRY, Registry
from mediation_desk.mediation import states
from mediation_desk.points import entities as points
from mediation_desk.sitecode import entities as sitecode


def register_rules(registry: Registry = REGISTRY) -> Registry:
    registry.add_entities(states.SYNCED_ENTITIES)
    registry.add_entities(points.SYNCED_ENTITIES)
    registry.add_entities(sitecode.SYNCED_ENTITIES)
    registry.add_entities(alarms.SYNCED_ENTITIES)
    return registry
