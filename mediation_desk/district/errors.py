"""Refusals of the district API: an HTTP status and the contract's error body
`{"error": {"code", "message", "field"}}` (messages in Chinese, naming the field)."""

from __future__ import annotations

from typing import Any

from mediation_desk.core import sync_contract as contract


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.field = status, code, message, field

    def body(self) -> dict[str, Any]:
        return {"error": {"code": self.code, "message": self.message, "field": self.field}}


def bad_request(message: str, field: str | None = None, status: int = 400) -> ApiError:
    return ApiError(status, contract.ERROR_BAD_REQUEST, message, field)


def token_invalid() -> ApiError:
    return ApiError(401, contract.ERROR_TOKEN_INVALID, "设备凭证无效，请重新登记本机")


def out_of_scope(message: str = "本设备无权访问这些数据") -> ApiError:
    return ApiError(403, contract.ERROR_OUT_OF_SCOPE, message)


class AdminError(Exception):
    """An admin command refused its input (the command line prints it and exits 2)."""
