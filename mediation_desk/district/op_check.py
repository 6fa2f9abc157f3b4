"""Checking pushed ops before anything is applied (pure functions).

An op that is not well formed, or carries what the district must not keep, is rejected with a
reason a clerk understands and a `reason_code` the desk acts on; nothing of it is stored, and the
rest of its batch still applies. The checks follow the wire contract: ids are UUIDs, the hybrid
logical clock is ASCII digits in its fixed shape and no further ahead of the server's clock than
allowed, every string is plain text (no control characters, no lone surrogates — a database cannot
store those), every number finite and within its field's range, and nothing in any kept value looks
like an ID or a phone number. Only the contract's fields of each entity are kept (`SyncedEntity`).
The feed can then never hold what its readers cannot serve."""

from __future__ import annotations

import json
import re
from typing import Any

from mediation_desk.core import sync_contract as contract
from mediation_desk.core.registry import REGISTRY
from mediation_desk.logging_setup import looks_personal

MAX_ID_CHARS = 64
MAX_LIST_ITEMS = 50
MAX_FILE_TEXT_CHARS = 100_000  # one text of a case file (a session record is far shorter)
ALLOWED_KINDS: dict[str, tuple[str, ...]] = {
    contract.APPEND_ONLY: (contract.APPEND,),
    contract.STATE_MACHINE: (contract.CREATE, contract.UPDATE, contract.TRANSITION),
    contract.FIELDS: (contract.CREATE, contract.UPDATE),
}
# The HLC as the desk writes it (core/hlc.py): ASCII digits only (int() would take full-width ones),
# and a node id short enough that no ID number fits in it.
HLC_SHAPE = re.compile(r"([0-9]{16})-([0-9]{4})-([0-9a-f]{1,16})", re.ASCII)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")  # tab and line breaks are text
_CONTROL_OR_BREAK = re.compile(r"[\x00-\x1f\x7f\ud800-\udfff]")


class BadNumber:
    """Where the body held NaN, an infinity or a number too large for a float: kept in place by the
    wire parser so that only the op holding it is rejected, not the whole batch."""

    def __init__(self, text: str) -> None:
        self.text = text[:20]

    def __repr__(self) -> str:
        return f"BadNumber({self.text!r})"


class OpRefused(Exception):
    """The op is rejected; `reason` is shown to the clerk, `code` tells the desk what to do."""

    def __init__(self, reason: str, code: str = contract.REASON_CODE_INVALID) -> None:
        super().__init__(reason)
        self.reason, self.code = reason, code


def answerable_op_id(raw: Any) -> str | None:
    """The op id to answer an op by, if it can be echoed back safely at all."""
    value = raw.get("op_id") if isinstance(raw, dict) else None
    if isinstance(value, str) and 0 < len(value) <= MAX_ID_CHARS and not _CONTROL_OR_BREAK.search(value):
        return value
    return None


def shown(value: Any, max_chars: int = 32) -> str:
    """A value sent by a desk, fit to quote back in a reason (the answer must always encode)."""
    if isinstance(value, str) and not _CONTROL_OR_BREAK.search(value):
        return value[:max_chars]
    return "？" if value is not None else "（空）"


def plain_text(value: str, label: str, max_chars: int, *, multiline: bool = False) -> str:
    if len(value) > max_chars:
        raise OpRefused(f"{label}过长：最多 {max_chars} 个字符")
    if (_CONTROL if multiline else _CONTROL_OR_BREAK).search(value):
        raise OpRefused(f"{label}含有控制字符或无效的字符编码")
    return value


def _uuid(raw: dict[str, Any], key: str, label: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value:
        raise OpRefused(f"缺少{label}（{key}）")
    if not contract.UUID_SHAPE.fullmatch(value):
        raise OpRefused(f"{label}（{key}）须是 UUID（如 0f8c…-…，小写十六进制）")
    return value


def parse_op(raw: dict[str, Any], *, now_ms: int, max_skew_ms: int) -> contract.Op:
    """The op on the wire, checked for shape and clock; raises `OpRefused`."""
    op_id = _uuid(raw, "op_id", "操作编号")
    entity = raw.get("entity")
    if not isinstance(entity, str) or entity not in REGISTRY.entities:
        raise OpRefused(f"未知的数据类别（entity）：{shown(entity)}")
    entity_id = _uuid(raw, "entity_id", "记录编号")
    kind = raw.get("kind")
    allowed = ALLOWED_KINDS[REGISTRY.entities[entity].policy]
    if kind not in allowed:
        raise OpRefused(f"“{entity}”不接受这种操作类型（kind），可用：{'、'.join(allowed)}")
    clock = raw.get("hlc")
    shape = HLC_SHAPE.fullmatch(clock) if isinstance(clock, str) else None
    if shape is None:
        raise OpRefused("混合逻辑时钟（hlc）格式不正确：须是 16 位数字-4 位数字-节点编号（小写十六进制）")
    ahead_ms = int(shape.group(1)) - now_ms
    if ahead_ms > max_skew_ms:
        raise OpRefused(
            f"本机时钟比区里快了约 {_duration(ahead_ms)}：请把电脑的日期和时间校准后，在“同步问题”中重新提交",
            contract.REASON_CODE_CLOCK_AHEAD,
        )
    payload = raw.get("payload")
    if not isinstance(payload, dict):
        raise OpRefused("缺少操作内容（payload），须是 JSON 对象")
    return contract.Op(op_id=op_id, hlc=shape.group(0), entity=entity, entity_id=entity_id, kind=kind, payload=payload)


def _duration(ms: int) -> str:
    minutes = ms // 60_000
    if minutes < 120:
        return f"{max(1, minutes)} 分钟"
    if minutes < 48 * 60:
        return f"{minutes // 60} 小时"
    return f"{minutes // (24 * 60)} 天"


def refuse_personal_data(payload: dict[str, Any]) -> None:
    """An op carrying a personal-data key is rejected: it must stay in the village."""
    fields = payload.get("fields")
    nested: dict[str, Any] = fields if isinstance(fields, dict) else {}
    found = sorted((set(payload) | set(nested)) & contract.PERSONAL_DATA_KEYS)
    if found:
        raise OpRefused(
            f"含有个人信息字段（{'、'.join(found)}），区里不接收；请升级本机软件后重试",
            contract.REASON_CODE_PERSONAL_DATA,
        )


def kept_fields(entity: str, values: dict[str, Any]) -> dict[str, Any]:
    """The contract's fields of `entity` in `values` (anything else is not stored), checked."""
    known = REGISTRY.entity(entity)
    if known is None:
        return {}
    kept = {k: v for k, v in values.items() if k in known.fields}
    for name, value in kept.items():
        rule = known.rules.get(name)
        if rule is not None:  # a typed field holds one value of its type, never a list
            problem = contract.field_problem(name, value, rule)
            if problem:
                raise OpRefused(problem)
        else:
            _check_plain(name, value)
    return kept


def _check_plain(name: str, value: Any) -> None:
    if isinstance(value, list) and len(value) > MAX_LIST_ITEMS:
        raise OpRefused(f"字段 {name} 最多 {MAX_LIST_ITEMS} 项")
    for item in value if isinstance(value, list) else [value]:
        if item is None or isinstance(item, bool):
            continue
        if isinstance(item, BadNumber):
            raise OpRefused(f"字段 {name} 的数值无效（{item.text}）：须是有限的数")
        if isinstance(item, (int, float)):
            # The wire parser already refused NaN and infinities; what is left must be a plain size.
            if not abs(item) <= contract.MAX_PLAIN_NUMBER or item != item:
                raise OpRefused(f"字段 {name} 的数值超出范围（最多 10 位数）", contract.REASON_CODE_INVALID)
            continue
        if not isinstance(item, str):
            raise OpRefused(f"字段 {name} 须是简单的值（文字、数字或其列表）")
        plain_text(item, f"字段 {name} ", contract.MAX_TEXT_CHARS)
        if looks_personal(item):
            raise OpRefused(f"字段 {name} 中像是身份证号或电话号码，区里不接收", contract.REASON_CODE_PERSONAL_DATA)


def case_file_body(payload: dict[str, Any]) -> bytes:
    """The file as it will be sealed: plain text throughout, within the size a town can read."""
    _check_file_value(payload, "卷宗")
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    if len(body) > contract.MAX_CASE_FILE_BYTES:
        raise OpRefused(f"卷宗过大：{len(body) // 1024} KB，最多 {contract.MAX_CASE_FILE_BYTES // 1024} KB")
    return body


def _check_file_value(value: Any, where: str) -> None:
    stack: list[tuple[Any, str]] = [(value, where)]
    while stack:
        item, at = stack.pop()
        if isinstance(item, str):
            plain_text(item, f"{at}中的文字", MAX_FILE_TEXT_CHARS, multiline=True)
        elif isinstance(item, dict):
            for key, inner in item.items():
                plain_text(key, f"{at}中的字段名", MAX_ID_CHARS)
                stack.append((inner, at))
        elif isinstance(item, list):
            stack.extend((inner, at) for inner in item)
        elif not (item is None or isinstance(item, (bool, int, float))):
            raise OpRefused(f"{at}中有无效的数值")


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
    if not isinstance(case_id, str) or not contract.UUID_SHAPE.fullmatch(case_id):
        raise OpRefused("缺少所属案件（case_id），须是 UUID")
    return case_id
