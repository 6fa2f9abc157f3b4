"""The data lifecycle tells the ground what it has: its permission actions, its tables, and the
bracelet (平安手环) consent purposes.

The bracelet purposes are recorded at the desk before the 平安手环 alarm capability exists: the desk
keeps no location or health data yet, so they have no erasure handler (a withdrawal reports that
nothing was held). The alarm capability will register the same purposes with its handlers, which
the registry adds to these."""

from __future__ import annotations

from mediation_desk.core.registry import ConsentPurpose, Registry
from mediation_desk.lifecycle import consent, models  # noqa: F401 (its tables)
from mediation_desk.privacy.roles import NONE, Permission

PERMISSIONS = (
    Permission("retention.manage", "设置保管期限", clerk=NONE),
    Permission("purge", "清除到期的个人信息", clerk=NONE),
    Permission("consent.manage", "登记当事人同意及撤回"),
    Permission("desk.protect", "加密保护旧版本升级来的本机数据", clerk=NONE),
)
CONSENT_PURPOSES = (
    ConsentPurpose("bracelet_location", "手环定位", standing=True),
    ConsentPurpose("bracelet_health", "健康信息（手环）", standing=True),
)


def register(registry: Registry) -> None:
    if registry.once("lifecycle"):
        registry.add_permissions(PERMISSIONS)
        for purpose in CONSENT_PURPOSES:
            registry.add_consent_purpose(purpose)
        registry.add_listener(consent.GIVEN_EVENT, consent.record_given)
