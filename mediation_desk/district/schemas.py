"""Request and answer shapes of the district API, for validation and the OpenAPI schema.
They mirror the dataclasses of `core/sync_contract.py`, which stays the one definition."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from mediation_desk.core import sync_contract as contract


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
    op_id: str
    hlc: str
    entity: str = Field(description="a synced entity registered by a capability, e.g. case, mediator")
    entity_id: str
    kind: str = Field(description="create | update | transition | append")
    payload: dict[str, Any]


class PushBody(BaseModel):
    ops: list[dict[str, Any]] = Field(description=f"up to {contract.MAX_PUSH_BATCH} ops (OpBody)")


class OpResultBody(BaseModel):
    op_id: str
    status: str = Field(description="applied | duplicate | rejected | conflict")
    reason: str | None = None
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


class ReferenceAnswer(BaseModel):
    dispute_types: list[dict[str, Any]]
    settings: dict[str, Any]
    version: int


class TownCasesAnswer(BaseModel):
    cases: list[dict[str, Any]]
    next: str | None = Field(None, description="pass as `after` for the next page")


class TownCaseAnswer(BaseModel):
    case: dict[str, Any]
    case_files: list[dict[str, Any]]


class TakeOverAnswer(BaseModel):
    case: dict[str, Any]
    changed: bool


class HealthAnswer(BaseModel):
    status: str
    version: str
