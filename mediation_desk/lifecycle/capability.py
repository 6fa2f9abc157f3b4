"""The data lifecycle tells the ground what it has: its permission actions and its tables."""
from __future__ import annotations

from mediation_desk.core.registry import Registry
from mediation_desk.lifecycle import models  # noqa: F401 (its tables)
from mediation_desk.privacy.roles import NONE, Permission

PERMISSIONS = (
    Permission("retention.manage", "设置保管期限", clerk=NONE),
    Permission("purge", "清除到期的个人信息", clerk=NONE),
    Permission("consent.manage", "登记当事人同意及撤回"),
)


def register(registry: Registry) -> None:
    if registry.once("lifecycle"):
        registry.add_permissions(PERMISSIONS)
