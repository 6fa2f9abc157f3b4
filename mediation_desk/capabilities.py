"""Every capability of the desk, registered with the ground (core/registry.py) at start-up.

The faces (window, command line) call `register_all()` before they open a desk; so do the tests.
A new capability (site codes, alarms) adds its `register` here and nowhere in the ground."""

from __future__ import annotations

from mediation_desk.administration import capability as administration
from mediation_desk.alarms import capability as alarms

# The ground's own tables and the desk's sync tables, so Base.metadata holds them all.
from mediation_desk.core import models as core_models  # noqa: F401
from mediation_desk.core.registry import REGISTRY, Registry
from mediation_desk.lifecycle import capability as lifecycle
from mediation_desk.mediation import capability as mediation
from mediation_desk.people import models as people_models  # noqa: F401
from mediation_desk.points import capability as points
from mediation_desk.privacy import models as privacy_models  # noqa: F401
from mediation_desk.sitecode import capability as sitecode
from mediation_desk.storage import state as state_models  # noqa: F401
from mediation_desk.sync import models as sync_models  # noqa: F401

CAPABILITIES = (administration, mediation, lifecycle, points, sitecode, alarms)


def register_all(registry: Registry = REGISTRY) -> Registry:
    """Register every capability once (calling it again changes nothing)."""
    for capability in CAPABILITIES:
        capability.register(registry)
    if registry.print_check is None:
        registry.set_print_check(_unprintable)
    return registry


def _unprintable(text: str) -> list[str]:
    # The documents (reportlab and the fonts' coverage) are imported at the first question, not
    # by every command and every start of the desk.
    from mediation_desk.documents.fonts import uncovered

    return uncovered(text)
