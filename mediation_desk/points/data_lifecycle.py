"""(being written) lifecycle."""

from __future__ import annotations

from mediation_desk.core.registry import Registry


def register_lifecycle(registry: Registry) -> None:
    return None
