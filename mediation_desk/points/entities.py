"""What of the green coins syncs, who may do what, and what the audit records name: the
registration tables of the points capability, pure like `rules.py` (the district imports both)."""

from __future__ import annotations

from mediation_desk.core.sync_contract import (
    APPEND_ONLY,
    CHOICE,
    DATE,
    DIGEST,
    FIELDS,
    ID,
    INT,
    STATE_MACHINE,
    FieldRule,
    SyncedEntity,
)
from mediation_desk.points.rules import (
    CONFLICT,
    DECLARATION,
    ENTRY,
    ENTRY_KINDS,
    MAX_ENTRY_COINS,
    MAX_ITEM_COINS,
    MODULES,
    OPEN,
    RESIDENT,
    RESOLUTIONS,
    RESOLVED,
    SOURCES,
    STATUSES,
    review_conflict,
)
from mediation_desk.privacy.roles import ALL, NONE, Permission

_ID = FieldRule(ID)
_DAY = FieldRule(DATE)
_VERSION = FieldRule(INT, 1, 10**6)

SYNCED_ENTITIES = (
    # Who earns: a masked name only (the name and phone stay in the village).
    SyncedEntity(
        RESIDENT,
        FIELDS,
        frozenset({"household_id", "village_group", "label", "active"}),
        rules={"household_id": _ID},
    ),
    SyncedEntity(
        DECLARATION,
        STATE_MACHINE,
        frozenset(
            {
                "resident_id",
                "resident_label",
                "item_code",
                "module",
                "catalogue_version",
                "activity_date",
                "coins",
                "status",
                "source",
                "source_ref",
                "evidence_sha256",
                "village_reason",
                "village_reviewed_on",
                "town_reason",
                "town_reviewed_on",
            }
        ),
        review_conflict,
        {
            "resident_id": _ID,
            "module": FieldRule(CHOICE, choices=frozenset(MODULES)),
            "catalogue_version": _VERSION,
            "activity_date": _DAY,
            "coins": FieldRule(INT, -MAX_ITEM_COINS, MAX_ITEM_COINS),
            "status": FieldRule(CHOICE, choices=frozenset(STATUSES)),
            "source": FieldRule(CHOICE, choices=frozenset(SOURCES)),
            "source_ref": _ID,
            "evidence_sha256": FieldRule(DIGEST),
            "village_reviewed_on": _DAY,
            "town_reviewed_on": _DAY,
        },
    ),
    SyncedEntity(
        ENTRY,
        APPEND_ONLY,
        frozenset(
            {
                "resident_id",
                "household_id",
                "kind",
                "coins",
                "entry_date",
                "declaration_id",
                "reverses",
                "item_code",
                "catalogue_version",
                "gift",
                "quantity",
                "reason",
            }
        ),
        rules={
            "resident_id": _ID,
            "household_id": _ID,
            "kind": FieldRule(CHOICE, choices=frozenset(ENTRY_KINDS)),
            "coins": FieldRule(INT, -MAX_ENTRY_COINS, MAX_ENTRY_COINS),
            "entry_date": _DAY,
            "declaration_id": _ID,
            "reverses": _ID,
            "catalogue_version": _VERSION,
            "quantity": FieldRule(INT, 1, 1000),
        },
    ),
    # Written by the district only: a redemption that overdrew a balance, and the town's answer.
    SyncedEntity(
        CONFLICT,
        FIELDS,
        frozenset({"resident_id", "entry_id", "shortfall", "status", "resolution", "reason", "resolved_on"}),
        rules={
            "resident_id": _ID,
            "entry_id": _ID,
            "shortfall": FieldRule(INT, 0, MAX_ENTRY_COINS),
            "status": FieldRule(CHOICE, choices=frozenset({OPEN, RESOLVED})),
            "resolution": FieldRule(CHOICE, choices=frozenset(RESOLUTIONS)),
            "resolved_on": _DAY,
        },
    ),
)

PERMISSIONS = (
    Permission("points.view", "查看绿币积分和申报", mediator=ALL),
    Permission("points.residents", "登记居民和户"),
    Permission("points.declare", "登记群众申报", mediator=ALL),
    Permission("points.review", "村级审核申报", clerk=NONE),
    Permission("points.correct", "冲正积分记录", clerk=NONE),
    Permission("points.shop", "维护绿币超市礼品和库存"),
    Permission("points.redeem", "绿币超市兑换"),
    Permission("points.settings", "设置绿币超市开放日", clerk=NONE),
    Permission("points.month_end", "生成月末积分汇总表和公示"),
    Permission("points.sign_off", "审定月末积分汇总表", clerk=NONE),
    Permission("points.town_review", "镇级审核申报、处理兑换冲突（镇街设备）", clerk=NONE),
)

AUDIT_ACTIONS = {
    "points.resident_add": "登记积分居民",
    "points.resident_edit": "修改积分居民",
    "points.resident_move": "居民迁户",
    "points.household_add": "登记户",
    "points.declare": "登记群众申报",
    "points.declare_auto": "自动生成申报",
    "points.declare_auto_skipped": "未自动生成申报（写明原因）",
    "points.evidence_open": "查看申报证明材料",
    "points.review": "村级审核申报",
    "points.town_review": "镇级审核申报",
    "points.credit": "记入积分",
    "points.reverse": "冲正积分记录",
    "points.redeem": "绿币超市兑换",
    "points.gift": "维护礼品",
    "points.restock": "礼品入库",
    "points.settings": "修改绿币超市开放日",
    "points.month_end": "生成月末积分汇总",
    "points.sign_off": "审定月末积分汇总",
    "points.catalogue": "启用新版积分目录",
    "points.conflict": "兑换冲突",
}
