"""(being written) automatic declarations."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mediation_desk.core.uow import UnitOfWork


def declare_for_closed_case(uow: UnitOfWork, data: Mapping[str, Any]) -> None:
    return None


def declare_for_self_inspection(uow: UnitOfWork, data: Mapping[str, Any]) -> None:
    return None
