"""Mediation (人民调解) tells the ground what it has: its synced entities and permission actions
(from its rule module, `states.py`), what the data lifecycle handles for it (`data_lifecycle.py`),
and its tables."""

from __future__ import annotations

from mediation_desk.core.registry import Registry
from mediation_desk.mediation import date_rules, holiday_calendar, models_case, models_people, states  # noqa: F401 (tables)
from mediation_desk.mediation.data_lifecycle import register_lifecycle
from mediation_desk.mediation.demo import MediationDemo
from mediation_desk.mediation.working_days import REFERENCE_PART as HOLIDAYS_PART


def register(registry: Registry) -> None:
    if not registry.once("mediation"):
        return
    registry.add_entities(states.SYNCED_ENTITIES)
    registry.add_permissions(states.PERMISSIONS)
    registry.add_permissions(date_rules.PERMISSIONS)
    registry.add_reference_handler(HOLIDAYS_PART, holiday_calendar.adopt_holidays)
    register_lifecycle(registry)  # retention rule, sealed records, consent purposes
    registry.add_demo(MediationDemo())
