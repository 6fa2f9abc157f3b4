"""Request and answer shapes of the district API, for validation and the OpenAPI schema.
They mirror the dataclasses of `core/sync_contract.py`, which stays the one definition."""

from __future__ import annotations

import re
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, Field, StrictBool, ValidationError

from mediation_desk.core import sync_contract as contract
from mediation_desk.district.errors import ApiError
from mediation_desk.district.http_errors import refusal_from

UUID_PATTERN = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
HLC_PATTERN = r"^[0-9]{16}-[0-9]{4}-[0-9a-z]{1,32}$"
_PATH_ID = re.compile(r"[0-9A-Za-z_.:\-]{1,64}")
_Body = TypeVar("_Body", bound=BaseModel)


class ErrorDetail(BaseModel):
    code: str = Field(description="one of the contract's ERROR_* codes")
    message: str = Field(description="why, in Chinese")
    field: str | None = None


class ErrorBody(BaseModel):
    error: ErrorDetail


class EnrollBody(BaseModel):
    code: str = Field(max_length=64, description="the one-time enrollment code issued by the district")
    device_name: str = Field("", max_length=200, description="shown in the district's device list")


class EnrollAnswer(BaseModel):
    device_id: str
    token: str = Field(description="the device token, shown once")
    scope: str
    town: str
    committee_code: str | None = None
    committee_name: str | None = None


class OpBody(BaseModel):
    """One outbox operation of a desk (core/sync_contract.py `Op`). Every string is plain text
    (no control characters, no lone surrogates); numbers are finite and within their field's range;
    nothing personal (ID or phone numbers) in any value; the hlc no further ahead of the server's
    clock than the server allows (such an op is held: `reason_code` clock_ahead)."""

    op_id: str = Field(pattern=UUID_PATTERN, description="a UUID made by the desk; unique per device")
    hlc: str = Field(
        pattern=HLC_PATTERN,
        description="hybrid logical clock: 16-digit wall ms, 4-digit counter, the desk's node id",
        examples=["0001764336000123-0000-3f9a1c2b7d4e"],
    )
    entity: str = Field(max_length=32, description="a synced entity registered by a capability, e.g. case, mediator")
    entity_id: str = Field(pattern=UUID_PATTERN, description="the record's UUID")
    kind: Literal["create", "update", "transition", "append"]
    payload: dict[str, Any] = Field(
        description='create/append: the entity\'s fields; update: {"fields": {…}}; '
        'transition: {"from", "to", …}; case_file: the whole file (at most '
        f"{contract.MAX_CASE_FILE_BYTES // (1024 * 1024)} MB)"
    )


class PushBody(BaseModel):
    ops: list[OpBody] = Field(max_length=contract.MAX_PUSH_BATCH, description="the ops, in outbox order")


class OpResultBody(BaseModel):
    op_id: str
    status: Literal["applied", "duplicate", "rejected", "conflict"]
    reason: str | None = Field(None, description="why, in words a clerk reads")
    reason_code: str | None = Field(None, description="rejected: invalid | personal_data | clock_ahead | …")
    server_state: dict[str, Any] | None = None


class PushAnswer(BaseModel):
    results: list[OpResultBody]


class ChangeBody(BaseModel):
    seq: int
    entity: str
    entity_id: str
    committee_code: str
    hlc: str
    data: dict[str, Any]
    origin_device: str | None = None


class PullAnswer(BaseModel):
    changes: list[ChangeBody]
    next_cursor: int
    has_more: bool


class TokenAnswer(BaseModel):
    token: str = Field(description="the new device token, shown once; the old one ends when this is first used")
    expires_at: str = Field(description="when the new token expires (ISO 8601, UTC)")


class ReferenceAnswer(BaseModel):
    dispute_types: list[dict[str, Any]]
    settings: dict[str, Any]
    points_catalogue: dict[str, Any] = Field(description="the green-coin catalogue in force: version and items")
    site_scheme: dict[str, Any] = Field(description="the site-code scheme in force: version, thresholds, checklists")
    version: int


class TownCasesAnswer(BaseModel):
    cases: list[dict[str, Any]]
    next: str | None = Field(None, description="pass as `after` for the next page")


class TownCaseFile(BaseModel):
    case_file_id: str
    received_at: str
    size_bytes: int
    content: dict[str, Any] | None = Field(description="the file as the desk sent it; null when it cannot be opened")
    unreadable: str | None = Field(None, description="why the file cannot be opened (a key missing, a changed row)")


class TownCaseAnswer(BaseModel):
    case: dict[str, Any]
    case_files: list[TownCaseFile] = Field(description="a page of the case's files, oldest first")
    next_files: str | None = Field(None, description="pass as `files_after` for the next page of files")


class TakeOverAnswer(BaseModel):
    case: dict[str, Any]
    changed: bool


class TownReviewBody(BaseModel):
    """A town's review of a green-coin declaration its village approved."""

    approve: StrictBool = Field(description="true: approved (the district credits the coins); false: rejected")
    reason: str | None = Field(None, max_length=200, description="why (required when rejecting)")
    reviewer: str = Field(min_length=1, max_length=64, description="who reviewed, as the town names them")


class ConflictResolveBody(BaseModel):
    """How the town settles a redemption that overdrew a balance."""

    resolution: Literal["reverse_redemption", "town_covers"] = Field(
        description="reverse_redemption: the redemption is reversed; town_covers: the town adds the shortfall"
    )
    reason: str = Field(min_length=1, max_length=200)
    reviewer: str = Field(min_length=1, max_length=64)


class TownDeclarationsAnswer(BaseModel):
    declarations: list[dict[str, Any]] = Field(description="masked names only, never a resident's name")
    next: str | None = Field(None, description="pass as `after` for the next page")


class TownReviewAnswer(BaseModel):
    declaration: dict[str, Any]
    changed: bool = Field(description="false: the same review had been made already (nothing changed)")
    entry_id: str | None = Field(None, description="the ledger entry an approval wrote")


class TownConflictsAnswer(BaseModel):
    conflicts: list[dict[str, Any]]
    next: str | None = Field(None, description="pass as `after` for the next page")


class ConflictResolveAnswer(BaseModel):
    conflict: dict[str, Any]
    changed: bool
    entry_id: str | None = Field(None, description="the ledger entry the resolution wrote")


class HealthAnswer(BaseModel):
    status: Literal["ok", "unavailable"]


def enroll_body(value: Any) -> EnrollBody:
    try:
        return EnrollBody.model_validate(value)
    except ValidationError as exc:
        raise refusal_from(exc.errors()) from None


def checked_body(model: type[_Body], value: Any) -> _Body:
    """A request body read by the endpoint itself (wire.py), checked against its model."""
    try:
        return model.model_validate(value)
    except ValidationError as exc:
        raise refusal_from(exc.errors()) from None


def path_id(value: str, what: str = "个案件", field: str = "case_id") -> str:
    """An id taken from the path: plain, short, nothing a database could choke on."""
    if not _PATH_ID.fullmatch(value):
        raise ApiError(404, contract.ERROR_NOT_FOUND, f"没有这{what}", field)
    return value
