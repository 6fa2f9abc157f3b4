"""Words for what sync carries: a case's district state, what the desk sent in an op that was
rejected or in conflict, the ways to settle such a problem — the names through Qt translation."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from mediation_desk.gui.amounts import yuan_from_fen
from mediation_desk.gui.case_labels import (
    LEVEL_NAMES,
    PERFORMANCE_NAMES,
    SOURCE_CONTEXT,
    SOURCE_NAMES,
    name_of,
)
from mediation_desk.gui.labels import dispute_type_name, state_name
from mediation_desk.gui.sync_status import beijing_time
from mediation_desk.sync import api as sync_api

CONTEXT = "SyncText"
# The choices of `sync.api.CHOICES`, with what each does to the desk's data.
CHOICE_NAMES = {
    sync_api.KEEP_SERVER: QT_TRANSLATE_NOOP("SyncText", "以区里为准"),
    sync_api.REAPPLY: QT_TRANSLATE_NOOP("SyncText", "重新提交本机的变更"),
    sync_api.DISMISS: QT_TRANSLATE_NOOP("SyncText", "知悉并关闭"),
}
CHOICE_EFFECTS = {
    sync_api.KEEP_SERVER: QT_TRANSLATE_NOOP(
        "SyncText", "本机改为区里的记录，本机的这次变更作废，不再上报。此操作不能撤销。"
    ),
    sync_api.REAPPLY: QT_TRANSLATE_NOOP(
        "SyncText", "本机先按区里的记录更新，再把本机的变更作为新的变更重新上报（须符合案件流程，否则不予提交）。"
    ),
    sync_api.DISMISS: QT_TRANSLATE_NOOP(
        "SyncText", "本机的变更只留在本机，不再上报，区里保持原样。须写明原因。此操作不能撤销。"
    ),
}
# Fields of a district record worth showing, in this order (the district keeps no personal data).
FIELD_NAMES = {
    "number": QT_TRANSLATE_NOOP("SyncText", "案号"),
    "status": QT_TRANSLATE_NOOP("SyncText", "状态"),
    "dispute_type": QT_TRANSLATE_NOOP("SyncText", "纠纷类型"),
    "accepted_on": QT_TRANSLATE_NOOP("SyncText", "受理日期"),
    "closed_on": QT_TRANSLATE_NOOP("SyncText", "结案日期"),
    "escalate_to": QT_TRANSLATE_NOOP("SyncText", "上报至"),
    "taken_over_by": QT_TRANSLATE_NOOP("SyncText", "接手单位"),
    "taken_over_at": QT_TRANSLATE_NOOP("SyncText", "接手时间"),
    "name": QT_TRANSLATE_NOOP("SyncText", "名称"),
    "title": QT_TRANSLATE_NOOP("SyncText", "职务"),
    "available": QT_TRANSLATE_NOOP("SyncText", "可接案"),
    "active": QT_TRANSLATE_NOOP("SyncText", "在册"),
    "form": QT_TRANSLATE_NOOP("SyncText", "协议形式"),
    "amount_fen": QT_TRANSLATE_NOOP("SyncText", "金额"),
    "reached_on": QT_TRANSLATE_NOOP("SyncText", "达成日期"),
    "performance_status": QT_TRANSLATE_NOOP("SyncText", "履行情况"),
    "outcome": QT_TRANSLATE_NOOP("SyncText", "结果"),
    "source": QT_TRANSLATE_NOOP("SyncText", "受理方式"),
    "persons_involved": QT_TRANSLATE_NOOP("SyncText", "涉及人数"),
    "found_in_screening": QT_TRANSLATE_NOOP("SyncText", "排查中发现"),
}
# What the desk sent that is bookkeeping, not something to show (the clock, the move's ends).
CONTROL_KEYS = frozenset({"hlc", "updated_hlc", "from", "to", "fields"})


def _translated(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def choice_name(choice: str) -> str:
    return _translated(CHOICE_NAMES[choice]) if choice in CHOICE_NAMES else choice


def choice_effect(choice: str) -> str:
    return _translated(CHOICE_EFFECTS[choice]) if choice in CHOICE_EFFECTS else ""


def level_name(code: str | None) -> str:
    return name_of(LEVEL_NAMES, code) if code else ""


def value_text(key: str, value: Any) -> str:
    if value is None or value == "":
        return "—"
    if key == "status":
        return state_name(str(value))
    if key == "dispute_type":
        return dispute_type_name(str(value))
    if key == "escalate_to":
        return level_name(str(value))
    if key == "performance_status":
        return name_of(PERFORMANCE_NAMES, str(value))
    if key == "source":
        return name_of(SOURCE_NAMES, str(value), SOURCE_CONTEXT)
    if key == "amount_fen" and isinstance(value, int):
        return yuan_from_fen(value)
    if key == "taken_over_at":
        return _time_text(value)
    if isinstance(value, bool):
        return QCoreApplication.translate("SyncText", "是") if value else QCoreApplication.translate("SyncText", "否")
    if isinstance(value, (list, dict)):
        return "、".join(str(v) for v in value) if isinstance(value, list) else str(value)
    return str(value)


def _time_text(value: Any) -> str:
    try:
        return beijing_time(dt.datetime.fromisoformat(str(value))) or "—"
    except ValueError:
        return str(value)


def describe_record(data: dict[str, Any] | None) -> str:
    """One line per field of a district record (or of what the desk sent) that a clerk reads;
    empty fields and bookkeeping are left out."""
    if not data:
        return QCoreApplication.translate("SyncText", "（区里没有这条记录）")
    return "\n".join(
        f"{_translated(label)}：{value_text(key, data[key])}"
        for key, label in FIELD_NAMES.items()
        if data.get(key) not in (None, "")
    )


def describe_mine(issue: sync_api.SyncIssueView) -> str:
    """What the desk did, as the service words it, with the changed fields' values."""
    lines = [issue.what]
    fields = issue.mine.get("fields")
    if isinstance(fields, dict) and fields:
        lines.append(describe_record(fields))
    elif issue.kind != "transition" and any(k not in CONTROL_KEYS for k in issue.mine):
        lines.append(describe_record({k: v for k, v in issue.mine.items() if k not in CONTROL_KEYS}))
    return "\n".join(line for line in lines if line)
