"""What of the bracelet alarms syncs, who may do what, and what the audit records name: the
registration tables of the alarms capability, pure like `rules.py` (the district imports both).

The district keeps of a wearer what it needs to route an alarm and, when the village does not
answer in time, for the town to send help: the bracelet's device id, the name, the home address,
whether the wearer lives alone, and whether location may be kept (the wearer's separate consent,
PIPL art. 29). Contacts' phone numbers, the ID number and health notes stay sealed in the village.
Alarms and device tasks are born at the district; desks move an alarm along its life. An alarm
carries its wearer's name as the district holds it, so the village's other desks and the town
know whom it is about (the card with contacts is only where the wearer was enrolled)."""

from __future__ import annotations

from mediation_desk.alarms.rules import (
    ALARM,
    DEVICE_TASK,
    MAX_OUTCOME_CHARS,
    STATES,
    TASK_KINDS,
    TASK_STATUSES,
    WEARER,
    transition_conflict,
)
from mediation_desk.core.sync_contract import CHOICE, DATE, FIELDS, ID, STATE_MACHINE, FieldRule, SyncedEntity
from mediation_desk.privacy.roles import ALL, NONE, Permission

_ID = FieldRule(ID)

# Moments (raised, acknowledged, …) travel as ISO 8601 text with their offset.
SYNCED_ENTITIES = (
    SyncedEntity(
        WEARER,
        FIELDS,
        frozenset({"device_id", "name", "address", "living_alone", "active", "location_consent", "enrolled_on"}),
        rules={"enrolled_on": FieldRule(DATE)},
    ),
    SyncedEntity(
        ALARM,
        STATE_MACHINE,
        frozenset(
            {
                "wearer_id",
                "wearer_name",
                "device_id",
                "kinds",
                "source",
                "raised_at",
                "received_at",
                "status",
                "latitude",
                "longitude",
                "has_fix",
                "battery",
                "acknowledged_by",
                "acknowledged_at",
                "dispatched_to",
                "dispatched_by",
                "dispatched_at",
                "resolved_by",
                "resolved_at",
                "outcome",
                "escalated_at",
            }
        ),
        transition_conflict=transition_conflict,
        rules={"wearer_id": _ID, "status": FieldRule(CHOICE, choices=frozenset(STATES))},
    ),
    SyncedEntity(
        DEVICE_TASK,
        FIELDS,
        frozenset(
            {"wearer_id", "device_id", "kind", "status", "opened_at", "reason", "closed_at", "closed_by", "note"}
        ),
        rules={
            "wearer_id": _ID,
            "kind": FieldRule(CHOICE, choices=frozenset(TASK_KINDS)),
            "status": FieldRule(CHOICE, choices=frozenset(TASK_STATUSES)),
        },
    ),
)

MAX_NOTE_CHARS = MAX_OUTCOME_CHARS

PERMISSIONS = (
    Permission("alarms.view", "查看平安手环报警和佩戴人", mediator=ALL),
    Permission("alarms.handle", "接警、派单、处置报警", mediator=ALL),
    Permission("alarms.wearers", "登记佩戴人、紧急联系人和手环"),
    Permission("alarms.health", "查看、修改佩戴人的健康信息", mediator=ALL),
    Permission("alarms.town", "处置上报到镇（街道）的报警（镇街设备）", clerk=NONE),
)

AUDIT_ACTIONS = {
    "alarms.wearer_add": "登记手环佩戴人",
    "alarms.wearer_edit": "修改手环佩戴人",
    "alarms.health_open": "查看佩戴人健康信息",
    "alarms.acknowledge": "接警",
    "alarms.dispatch": "派单",
    "alarms.resolve": "报警处置完毕",
    "alarms.task_close": "处理手环设备任务",
}
