"""The desk ⇄ district wire contract (design §4), written once and imported by both sides.

Pure: constants, the shape of ops and changes, and the two merge rules the server applies and the
desk applies again to what it pulls — field-level last-writer-wins by hybrid logical clock and the
state-machine check. The desk's client (`sync/`) and the server (`district/`) import this module;
it imports neither of them.

Endpoints (JSON over HTTP, `Authorization: Bearer <device token>` except enroll and health):
  GET  /health                          {"status": "ok", "version": str}
  POST /api/v1/enroll                   EnrollRequest → EnrollResponse (201)
  POST /api/v1/sync/push                {"ops": [Op, …]} (≤ MAX_PUSH_BATCH) → {"results": [OpResult, …]}
  GET  /api/v1/sync/pull?after=N&limit=M → {"changes": [Change, …], "next_cursor": int, "has_more": bool}
  GET  /api/v1/reference                {"dispute_types": [...], "settings": {...}, "version": int}
  GET  /api/v1/town/cases               a town device: its villages' case status
  POST /api/v1/town/cases/{id}/take-over a town device takes over a case escalated to it
Errors are {"error": {"code": ERROR_*, "message": str, "field": str | None}} with a 4xx status.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mediation_desk.mediation import states

API_PREFIX = "/api/v1"
HEALTH_PATH = "/health"
ENROLL_PATH = f"{API_PREFIX}/enroll"
PUSH_PATH = f"{API_PREFIX}/sync/push"
PULL_PATH = f"{API_PREFIX}/sync/pull"
REFERENCE_PATH = f"{API_PREFIX}/reference"
TOWN_CASES_PATH = f"{API_PREFIX}/town/cases"

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

# How each entity merges (design §4 conflict policy).
APPEND_ONLY, STATE_MACHINE, FIELDS = "append_only", "state_machine", "fields"
ENTITY_POLICY: dict[str, str] = {
    "committee": FIELDS,
    "case": STATE_MACHINE,  # created once; status only by transitions; other fields LWW
    "mediator": FIELDS,
    "agreement": FIELDS,
    "case_assignment": APPEND_ONLY,
    "session_record": APPEND_ONLY,  # only the fact and outcome: never the record's text
    "follow_up": APPEND_ONLY,
    "attachment": APPEND_ONLY,  # only the fact: the file stays at the desk
    "case_file": APPEND_ONLY,  # the whole file of a case escalated to a town
}


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


def merge_fields(values: dict[str, Any], clocks: dict[str, str], incoming: dict[str, Any],
                 hlc: str) -> FieldMerge:
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


def transition_conflict(server_status: str, claimed_from: str, target: str) -> str | None:
    """Why a pushed case transition cannot be applied to the server's state, or None.

    The desk made the move from `claimed_from`; if the server's case has moved meanwhile (another
    desk, the town taking it over) the op is a conflict the clerk resolves, never silently applied."""
    if target not in states.STATES:
        return f"未知的案件状态：{target}"
    if server_status == target:
        return None  # the same move arrived twice by different routes: nothing to do
    if server_status != claimed_from:
        return (f"区里记录的状态是“{states.LABELS.get(server_status, server_status)}”，"
                f"本机是从“{states.LABELS.get(claimed_from, claimed_from)}”变更的")
    if target not in states.allowed_targets(server_status):
        return (f"不能从“{states.LABELS.get(server_status, server_status)}”"
                f"变为“{states.LABELS.get(target, target)}”")
    return None
