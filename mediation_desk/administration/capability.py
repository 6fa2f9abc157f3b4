"""Desk administration tells the ground what it has: its permission actions."""
from __future__ import annotations

from mediation_desk.core.registry import Registry
from mediation_desk.privacy.roles import NONE, Permission

PERMISSIONS = (
    Permission("operator.manage", "管理操作员账号", clerk=NONE),
)


def register(registry: Registry) -> None:
    if registry.once("administration"):
        registry.add_permissions(PERMISSIONS)
