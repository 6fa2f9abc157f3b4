"""What of the site codes syncs, who may do what, and what the audit records name: the
registration tables of the sitecode capability, pure like `rules.py` (the district imports both).

The district keeps of a place what supervisors act on: its name, category, address, grid, its
code on the placard and whether it has a credit code (an individual business without one is
flagged) — not the responsible person (name and phone stay sealed in the village) nor the code
itself. Inspections and hazards carry what the colour rule needs; tasks are the district's."""

from __future__ import annotations

from mediation_desk.core.sync_contract import CHOICE, DATE, DIGEST, FIELDS, ID, INT, FieldRule, SyncedEntity
from mediation_desk.privacy.roles import ALL, NONE, Permission
from mediation_desk.sitecode.rules import (
    HAZARD,
    HAZARD_STATUSES,
    INSPECTION,
    PLACE,
    TASK,
    TASK_KINDS,
    TASK_STATUSES,
)

_ID = FieldRule(ID)
_DAY = FieldRule(DATE)
_VERSION = FieldRule(INT, 1, 10**6)

# Moments (found, completed, rectified) travel as ISO 8601 text with their offset; the district
# parses them (district/sitecode_apply.py) and refuses one it cannot read.
SYNCED_ENTITIES = (
    SyncedEntity(
        PLACE,
        FIELDS,
        frozenset({"name", "category", "address", "grid", "place_code", "has_credit_code", "created_at", "active"}),
    ),
    SyncedEntity(
        INSPECTION,
        FIELDS,
        frozenset(
            {
                "place_id",
                "month",
                "completed_at",
                "scheme_version",
                "items",
                "hazard_items",
                "na_items",
                "evidence_sha256",
            }
        ),
        rules={
            "place_id": _ID,
            "scheme_version": _VERSION,
            "items": FieldRule(INT, 1, 200),
            "evidence_sha256": FieldRule(DIGEST),
        },
    ),
    SyncedEntity(
        HAZARD,
        FIELDS,
        frozenset(
            {
                "place_id",
                "inspection_id",
                "item_code",
                "item_text",
                "found_at",
                "deadline",
                "status",
                "rectified_at",
                "checked_by",
                "evidence_sha256",
                "rectification_sha256",
            }
        ),
        rules={
            "place_id": _ID,
            "inspection_id": _ID,
            "deadline": _DAY,
            "status": FieldRule(CHOICE, choices=frozenset(HAZARD_STATUSES)),
            "evidence_sha256": FieldRule(DIGEST),
            "rectification_sha256": FieldRule(DIGEST),
        },
    ),
    # Opened by the district only (a red code, red months in a row); closed by the town.
    SyncedEntity(
        TASK,
        FIELDS,
        frozenset({"place_id", "kind", "month", "status", "reasons", "parties", "opened_on", "closed_on", "outcome"}),
        rules={
            "place_id": _ID,
            "kind": FieldRule(CHOICE, choices=frozenset(TASK_KINDS)),
            "status": FieldRule(CHOICE, choices=frozenset(TASK_STATUSES)),
            "opened_on": _DAY,
            "closed_on": _DAY,
        },
    ),
)

PERMISSIONS = (
    Permission("sitecode.view", "查看一单一码场所、自查和码色", mediator=ALL),
    Permission("sitecode.places", "登记、修改、导入场所"),
    Permission("sitecode.inspect", "代场所录入月度自查", mediator=ALL),
    Permission("sitecode.rectify", "登记隐患整改和复查", mediator=ALL),
    Permission("sitecode.placard", "打印亮码公示牌"),
    Permission("sitecode.town", "办结暗访、联合执法任务（镇街设备）", clerk=NONE),
)

AUDIT_ACTIONS = {
    "sitecode.place_add": "登记场所",
    "sitecode.place_edit": "修改场所",
    "sitecode.import": "导入场所清单",
    "sitecode.inspect": "录入月度自查",
    "sitecode.rectify": "登记隐患整改",
    "sitecode.evidence_open": "查看自查或整改照片",
    "sitecode.placard": "打印亮码公示牌",
    "sitecode.scheme": "启用新版检查清单",
    "sitecode.task": "暗访、联合执法任务",
}
