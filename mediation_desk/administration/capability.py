"""Desk administration tells the ground what it has: its permission actions.

The desk's sync client (`sync/`) is no capability of its own: enrolling this PC with the district,
settling what the district refused and reading what it holds are administration of the desk, so
their actions are registered here, beside the desk's data (backups, restore, its folder)."""

from __future__ import annotations

from mediation_desk.core.registry import Registry
from mediation_desk.privacy.roles import ALL, NONE, Permission

PERMISSIONS = (
    Permission("operator.manage", "管理操作员账号", clerk=NONE),
    # A backup is the same encrypted file anyone at this PC already works in; whoever is on duty
    # makes one (a village room often has only its mediator there).
    Permission("data.backup", "备份数据", mediator=ALL),
    # Restoring or moving the data replaces what every operator sees.
    Permission("data.restore", "恢复备份（替换本机的全部数据）", clerk=NONE),
    Permission("data.location", "更改数据位置", clerk=NONE),
    Permission("sync.enroll", "为本机办理区级同步登记"),
    Permission("sync.resolve", "查看和处理同步问题"),
    Permission("sync.district_view", "查看本委员会其他电脑的案件"),
    Permission("sync.take_over", "接手上报到镇里的案件"),
)


def register(registry: Registry) -> None:
    if registry.once("administration"):
        registry.add_permissions(PERMISSIONS)
