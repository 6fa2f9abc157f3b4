"""The desk ⇄ district wire contract (design §4), written once and imported by both sides.

Pure: constants, the shape of ops and changes, and the two merge rules the server applies and the
desk applies again to what it pulls — field-level last-writer-wins by hybrid logical clock and the
state-machine check. The desk's client (`sync/`) and the server (`district/`) import this module;
it imports neither of them.

Endpoints (JSON over HTTP, `Authorization: Bearer <device token>` except enroll and health):
  GET  /health                          {"status": "ok"} (nothing more: it is reachable by anyone)
  POST /api/v1/enroll                   EnrollRequest → EnrollResponse (201)
  POST /api/v1/sync/push                {"ops": [Op, …]} (≤ MAX_PUSH_BATCH) → {"results": [OpResult, …]}
  GET  /api/v1/sync/pull?after=N&limit=M → {"changes": [Change, …], "next_cursor": int, "has_more": bool}
  GET  /api/v1/reference                {"dispute_types": [...], "settings": {...}, "version": int}
  GET  /api/v1/town/cases               a town device: its villages' case status
  POST /api/v1/town/cases/{id}/take-over a town device takes over a case escalated to it
  POST /api/v1/device/token             renew the presented token → {"token": str, "expires_at": ISO time}
  GET  /api/v1/town/points/declarations?status=&after=&limit=   a town device: green-coin declarations
                                        of its villages (default: waiting for the town)
  POST /api/v1/town/points/declarations/{id}/review   {"approve", "reason", "reviewer"}: the town's
                                        review; an approval credits the coins (the district's entry)
  GET  /api/v1/town/points/conflicts?status=&after=&limit=      redemptions that overdrew a balance
  POST /api/v1/town/points/conflicts/{id}/resolve     {"resolution", "reason", "reviewer"}
Errors are {"error": {"code": ERROR_*, "message": str, "field": str | None}} with a 4xx status.
Every answer to a device carries TOKEN_EXPIRES_HEADER (when its token ends) and, once the desk
should renew, TOKEN_RENEW_HEADER: TOKEN_RENEW_DUE. A 429 (ERROR_RATE_LIMITED) carries `Retry-After`.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

API_PREFIX = "/api/v1"
HEALTH_PATH = "/health"
ENROLL_PATH = f"{API_PREFIX}/enroll"
PUSH_PATH = f"{API_PREFIX}/sync/push"
PULL_PATH = f"{API_PREFIX}/sync/pull"
REFERENCE_PATH = f"{API_PREFIX}/reference"
TOWN_CASES_PATH = f"{API_PREFIX}/town/cases"
TOKEN_RENEW_PATH = f"{API_PREFIX}/device/token"
TOWN_DECLARATIONS_PATH = f"{API_PREFIX}/town/points/declarations"
TOWN_CONFLICTS_PATH = f"{API_PREFIX}/town/points/conflicts"
TOWN_SITE_TASKS_PATH = f"{API_PREFIX}/town/sites/tasks"
TOWN_SITE_RATES_PATH = f"{API_PREFIX}/town/sites/rates"
TOKEN_EXPIRES_HEADER = "X-Token-Expires-At"  # ISO 8601 time the presented token ends (none: no end)
TOKEN_RENEW_HEADER = "X-Token-Renew"  # TOKEN_RENEW_DUE: renew now (the server decides, not the desk's clock)
TOKEN_RENEW_DUE = "due"

MAX_PUSH_BATCH = 500
MAX_PULL_PAGE = 1000

# Per-op answers of a push.
APPLIED, DUPLICATE, REJECTED, CONFLICT = "applied", "duplicate", "rejected", "conflict"
OP_STATUSES = (APPLIED, DUPLICATE, REJECTED, CONFLICT)

# Error codes of refused requests (HTTP 4xx).
ERROR_CODE_UNKNOWN = "enrollment_code_unknown"
ERROR_CODE_EXPIRED = "enrollment_code_expired"
ERROR_CODE_USED = "enrollment_code_used"
ERROR_TOKEN_INVALID = "token_invalid"
ERROR_DEVICE_REVOKED = "device_revoked"
ERROR_OUT_OF_SCOPE = "out_of_scope"
ERROR_BAD_REQUEST = "bad_request"

# Device scopes: a committee's desk sees its committee; a town's desk sees the town's villages and
# the cases escalated to the town.
SCOPE_COMMITTEE, SCOPE_TOWN = "committee", "town"

# Op kinds as the desk's services write them (core/uow.py `outbox`).
CREATE, UPDATE, TRANSITION, APPEND = "create", "update", "transition", "append"

# How each entity merges (design §4 conflict policy). Each capability registers its entities
# (core/registry.py); the contract itself only knows the committee.
APPEND_ONLY, STATE_MACHINE, FIELDS = "append_only", "state_machine", "fields"
POLICIES = (APPEND_ONLY, STATE_MACHINE, FIELDS)

# (server's status, the status the desk moved from, the target) -> why it conflicts, or None.
TransitionCheck = Callable[[str, str, str], "str | None"]


# What a kept field may hold. A field without a rule holds a short plain value: text of at most
# MAX_TEXT_CHARS, a number of at most 10 digits, true/false, or a list of those.
INT, DATE, CHOICE, ID, DIGEST = "int", "date", "choice", "id", "digest"
MAX_TEXT_CHARS = 200
MAX_PLAIN_NUMBER = 10**10 - 1  # longer numbers are phone or ID numbers, never a count or an amount
# Ids are UUIDs as the desk makes them (storage.base.new_id): no room for an ID number in one.
UUID_SHAPE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
DIGEST_SHAPE = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class FieldRule:
    kind: str  # INT | DATE | CHOICE | ID (a UUID) | DIGEST (a SHA-256 in hex)
    low: int = 0
    high: int = MAX_PLAIN_NUMBER
    choices: frozenset[str] = frozenset()


def field_problem(name: str, value: Any, rule: FieldRule) -> str | None:
    """Why `value` cannot be field `name` under `rule` (Chinese), or None. None always passes:
    a field may be cleared."""
    if value is None:
        return None
    if rule.kind == INT:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return f"字段 {name} 须是整数"
        if isinstance(value, float) and (not math.isfinite(value) or not value.is_integer()):
            return f"字段 {name} 须是整数"
        if not rule.low <= value <= rule.high:
            return f"字段 {name} 须在 {rule.low} 到 {rule.high} 之间"
        return None
    if not isinstance(value, str):
        return f"字段 {name} 须是文字"
    if rule.kind == ID:
        return None if UUID_SHAPE.fullmatch(value) else f"字段 {name} 须是记录编号（UUID）"
    if rule.kind == DIGEST:
        return None if DIGEST_SHAPE.fullmatch(value) else f"字段 {name} 须是 64 位十六进制摘要"
    if rule.kind == DATE:
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            return f"字段 {name} 须是日期（YYYY-MM-DD）"
        return None
    if value not in rule.choices:
        return f"字段 {name} 须是以下之一：{'、'.join(sorted(rule.choices))}"
    return None


@dataclass(frozen=True)
class SyncedEntity:
    """One kind of synced record: how it merges, and what the district keeps of it (PIPL minimum
    necessary: any other payload key is not stored). A STATE_MACHINE entity names the check its
    transitions pass on the server. `rules` type the fields that need more than the plain-value
    check (numbers with their ranges, dates, fixed choices)."""

    name: str
    policy: str
    fields: frozenset[str]
    transition_conflict: TransitionCheck | None = None
    rules: Mapping[str, FieldRule] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        if self.policy not in POLICIES:
            raise ValueError(f"entity {self.name!r}: unknown merge policy {self.policy!r}")
        if (self.policy == STATE_MACHINE) != (self.transition_conflict is not None):
            raise ValueError(f"entity {self.name!r}: a state machine (and only one) names its transition check")
        if not set(self.rules) <= self.fields:
            unknown = set(self.rules) - self.fields
            raise ValueError(f"entity {self.name!r}: rules for fields it does not keep: {unknown}")


COMMITTEE = SyncedEntity("committee", FIELDS, frozenset({"code", "name", "town", "village", "case_word"}))


@dataclass(frozen=True)
class Op:
    """One outbox operation on the wire; `op_id` is the idempotency key."""

    op_id: str
    hlc: str
    entity: str
    entity_id: str
    kind: str
    payload: dict[str, Any]


@dataclass(frozen=True)
class OpResult:
    op_id: str
    status: str  # one of OP_STATUSES
    reason: str | None = None  # rejected/conflict: why, in words a clerk understands (Chinese)
    server_state: dict[str, Any] | None = None  # conflict: what the server holds now
    reason_code: str | None = None  # rejected: one of REASON_CODE_* (older servers send none)


@dataclass(frozen=True)
class Change:
    """One entry of the server's change feed: the entity's state after the change."""

    seq: int
    entity: str
    entity_id: str
    committee_code: str
    hlc: str
    data: dict[str, Any]
    origin_device: str | None = None


@dataclass(frozen=True)
class FieldMerge:
    """The outcome of merging one update: fields taken, and the values that lost (kept in history)."""

    values: dict[str, Any]
    clocks: dict[str, str]
    taken: dict[str, Any] = field(default_factory=dict)
    lost: dict[str, tuple[Any, str]] = field(default_factory=dict)  # field → (losing value, its hlc)


def merge_fields(values: dict[str, Any], clocks: dict[str, str], incoming: dict[str, Any], hlc: str) -> FieldMerge:
    """Field-level last-writer-wins: each incoming field replaces the held one only when its clock
    is later. HLC strings compare in time order (core/hlc.py encodes them fixed-width), the node id
    at their end breaks ties, so both sides pick the same winner whatever order ops arrive in."""
    merged, merged_clocks = dict(values), dict(clocks)
    taken: dict[str, Any] = {}
    lost: dict[str, tuple[Any, str]] = {}
    for name, value in incoming.items():
        held_clock = clocks.get(name, "")
        if hlc > held_clock:
            if name in values and values[name] != value:
                lost[name] = (values[name], held_clock)
            merged[name], merged_clocks[name] = value, hlc
            taken[name] = value
        elif hlc < held_clock and values.get(name) != value:
            lost[name] = (value, hlc)
    return FieldMerge(merged, merged_clocks, taken, lost)


# ---- Enrollment, wire helpers and what the district keeps (server side of the contract) ----

ERROR_NOT_FOUND = "not_found"
ERROR_NOT_ESCALATED = "case_not_escalated_to_town"  # take-over of a case not escalated to that town
ERROR_CURSOR_AHEAD = "cursor_ahead"  # pull cursor beyond the feed (server restored): pull from 0
ERROR_BODY_TOO_LARGE = "body_too_large"
ERROR_RATE_LIMITED = "rate_limited"  # 429: too many requests or failures; `Retry-After` says when
ERROR_TOKEN_EXPIRED = "token_expired"  # 401: the device token ran out before it was renewed
# 409: a town's review or resolution that does not fit the record's state, or a per-item limit.
ERROR_POINTS_REFUSED = "points_refused"
# A town's closing of a site-code task the task's state does not allow (closed with another outcome).
ERROR_SITE_TASK_REFUSED = "site_task_refused"
# A push's body, and the biggest case file inside it (the desk cuts its batches to fit both).
MAX_PUSH_BYTES = 8 * 1024 * 1024
MAX_CASE_FILE_BYTES = 2 * 1024 * 1024
MAX_BODY_BYTES = MAX_PUSH_BYTES  # the largest body any endpoint accepts

# Why an op was rejected, for the desk to act on (the `reason` stays the words a clerk reads).
REASON_CODE_INVALID = "invalid"  # malformed or out of range: resending it as it is cannot help
REASON_CODE_PERSONAL_DATA = "personal_data"  # carries what must stay in the village
REASON_CODE_CLOCK_AHEAD = "clock_ahead"  # the desk's clock runs ahead of the district's: held
REASON_CODE_OUT_OF_SCOPE = "out_of_scope"
REASON_CODE_NOT_YET = "not_yet"  # refers to what the district does not hold yet (send that first)

# The exact `reason` of a rejected op that touches another committee's (or town's) data.
REASON_OUT_OF_SCOPE = "不属于本设备所在的调解委员会（或镇街），区里不接收"

# Fields the district sets on a case when a town takes it over (pulled by the origin desk).
TAKEN_OVER_BY, TAKEN_OVER_AT = "taken_over_by", "taken_over_at"


def town_case_path(case_id: str) -> str:
    return f"{TOWN_CASES_PATH}/{case_id}"


def take_over_path(case_id: str) -> str:
    return f"{TOWN_CASES_PATH}/{case_id}/take-over"


def town_review_path(declaration_id: str) -> str:
    return f"{TOWN_DECLARATIONS_PATH}/{declaration_id}/review"


def conflict_resolve_path(conflict_id: str) -> str:
    return f"{TOWN_CONFLICTS_PATH}/{conflict_id}/resolve"


def site_task_close_path(task_id: str) -> str:
    return f"{TOWN_SITE_TASKS_PATH}/{task_id}/close"


@dataclass(frozen=True)
class EnrollRequest:
    """POST ENROLL_PATH body. `code` is typed by a person: case, spaces and dashes do not matter."""

    code: str
    device_name: str = ""  # shown in the district's device list, e.g. "谢家塘村调解室 1 号席"


@dataclass(frozen=True)
class EnrollResponse:
    device_id: str
    token: str  # shown once: the server keeps only its hash
    scope: str  # SCOPE_COMMITTEE | SCOPE_TOWN
    town: str
    committee_code: str | None = None
    committee_name: str | None = None


# An op carrying one of PERSONAL_DATA_KEYS is rejected outright: it means a desk is sending what must
# stay in the village. `case_file` is the exception: the whole file, kept for the town. The op's
# `hlc` is the clock of every field it carries (field-level LWW).
PERSONAL_DATA_KEYS = frozenset(
    {
        "id_number",
        "id_card",
        "phone",
        "mobile",
        "address",
        "parties",
        "persons",
        "brief_facts",
        "facts",
        "requests",
        "referrer_name",
        "agent_name",
        "birth_date",
        "health",
        "text",
        "content",
    }
)
# Keys the desk sends that carry no data to keep: clocks and the `from`/`to` of a transition.
CONTROL_KEYS = frozenset({"updated_hlc", "hlc", "from", "to", "fields"})
CASE_FILE = "case_file"  # payload: {"case_id": str, …the file as the desk exports it}


def change_from_wire(data: dict[str, Any]) -> Change:
    return Change(
        seq=int(data["seq"]),
        entity=data["entity"],
        entity_id=data["entity_id"],
        committee_code=data["committee_code"],
        hlc=data["hlc"],
        data=dict(data["data"]),
        origin_device=data.get("origin_device"),
    )


def op_result_from_wire(data: dict[str, Any]) -> OpResult:
    return OpResult(
        op_id=data["op_id"],
        status=data["status"],
        reason=data.get("reason"),
        server_state=data.get("server_state"),
        reason_code=data.get("reason_code"),
    )
