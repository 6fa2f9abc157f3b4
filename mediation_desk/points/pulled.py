"""(being written) what a pull brings."""

from __future__ import annotations

from typing import Any

from mediation_desk.core import sync_contract as contract
from mediation_desk.core.uow import UnitOfWork
from mediation_desk.points import rules

ENTITIES = (rules.RESIDENT, rules.DECLARATION, rules.ENTRY, rules.CONFLICT)


def apply_changes(uow: UnitOfWork, changes: list[contract.Change]) -> int:
    return 0


def adopt_catalogue(uow: UnitOfWork, data: Any) -> None:
    return None
