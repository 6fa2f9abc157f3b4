"""Checking pushed ops before anything is applied (pure functions).

An op that is not well formed, or carries what the district must not keep, is rejected with a
reason a clerk understands; nothing of it is stored. Only the contract's fields of each entity are
kept (`SYNCED_FIELDS`), and their values must be short plain values: free text is where a name or
a phone number would hide."""

from __future__ import annotations

from typing import Any

from mediation_desk.core import hlc as hlc_clock
from mediation_desk.core import sync_contract as contract
from mediation_desk.core.registry import REGISTRY
from mediation_desk.logging_setup import redact

MAX_ID_CHARS = 64
MAX_TEXT_CHARS = 200
MAX_LIST_ITEMS = 50
ALLOWED_KINDS: dict[str, tuple[str, ...]] = {
    contract.APPEND_ONLY: (contract.APPEND,),
    contract.STATE_MACHINE: (contract.CREATE, contract.UPDATE, contract.TRANSITION),
    contract.FIELDS: (contract.CREATE, contract.UPDATE),
}
# Identifiers and digests are not free text (a hex digest can look like a phone number).
_NOT_TEXT = ("id", "sha256", "number")


class OpRefused(Exception):
    """The op is rejected; `reason` is shown to the clerk."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _short_id(raw: dict[str, Any], key: str, label: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        raise OpRefused(f"缺少{label}（{key}）")
    if len(value) > MAX_ID_CHARS:
        raise OpRefused(f"{label}（{key}）过长：最多 {MAX_ID_CHARS} 个字符")
    return value


def parse_op(raw: dict[str, Any]) -> contract.Op:
    """The op on the wire, checked for shape; raises `OpRefused`."""
    op_id = _short_id(raw, "op_id", "操作编号")
    entity = raw.get("entity")
    if not isinstance(entity, str) or entity not in REGISTRY.entities:
        raise OpRefused(f"未知的数据类别：{str(entity)[:40]}")
    entity_id = _short_id(raw, "entity_id", "记录编号")
    kind = raw.get("kind")
    allowed = ALLOWED_KINDS[REGISTRY.entities[entity].policy]
    if kind not in allowed:
        raise OpRefused(f"“{entity}”不接受操作类型“{str(kind)[:20]}”，可用：{'、'.join(allowed)}")
    clock = raw.get("hlc")
    try:
        if not isinstance(clock, str) or len(clock) > MAX_ID_CHARS:
            raise ValueError
        hlc_clock.Timestamp.decode(clock)
    except ValueError:
        raise OpRefused("混合逻辑时钟（hlc）格式不正确") from None
    payload = raw.get("payload")
    if not isinstance(payload, dict):
        raise OpRefused("缺少操作内容（payload）")
    return contract.Op(op_id=op_id, hlc=clock, entity=entity, entity_id=entity_id, kind=kind, payload=payload)


def refuse_personal_data(payload: dict[str, Any]) -> None:
    """An op carrying a personal-data key is rejected: it must stay in the village."""
    nested = payload.get("fields") if isinstance(payload.get("fields"), dict) else {}
    found = sorted((set(payload) | set(nested)) & contract.PERSONAL_DATA_KEYS)
    if found:
        raise OpRefused(f"含有个人信息字段（{'、'.join(found)}），区里不接收；请升级本机软件后重试")


def kept_fields(entity: str, values: dict[str, Any]) -> dict[str, Any]:
    """The contract's fields of `entity` in `values` (anything else is not stored), checked."""
    known = REGISTRY.entity(entity)
    allowed = known.fields if known is not None else frozenset()
    kept = {k: v for k, v in values.items() if k in allowed}
    for name, value in kept.items():
        _check_value(name, value)
    return kept


def _check_value(name: str, value: Any) -> None:
    items = value if isinstance(value, list) else [value]
    if isinstance(value, list) and len(value) > MAX_LIST_ITEMS:
        raise OpRefused(f"字段 {name} 最多 {MAX_LIST_ITEMS} 项")
    for item in items:
        if item is None or isinstance(item, (bool, int, float)):
            continue
        if not isinstance(item, str):
            raise OpRefused(f"字段 {name} 须是简单的值（文字、数字或其列表）")
        if len(item) > MAX_TEXT_CHARS:
            raise OpRefused(f"字段 {name} 过长：最多 {MAX_TEXT_CHARS} 个字")
        is_identifier = name.endswith(_NOT_TEXT) or name in ("hlc",)
        if not is_identifier and redact(item) != item:
            raise OpRefused(f"字段 {name} 中像是身份证号或电话号码，区里不接收")


def update_fields(op: contract.Op) -> dict[str, Any]:
    """The fields an `update` op changes (`{"fields": {...}}`)."""
    fields = op.payload.get("fields")
    if not isinstance(fields, dict) or not fields:
        raise OpRefused("更新操作缺少要更新的字段（fields）")
    return fields


def case_id_of(op: contract.Op) -> str:
    """The case an append-only fact or a case file belongs to."""
    if op.entity == "case_assignment":
        return op.entity_id  # the desk sends assignments under the case's id
    case_id = op.payload.get("case_id", op.entity_id if op.entity == contract.CASE_FILE else None)
    if not isinstance(case_id, str) or not case_id or len(case_id) > MAX_ID_CHARS:
        raise OpRefused("缺少所属案件（case_id）")
    return case_id
