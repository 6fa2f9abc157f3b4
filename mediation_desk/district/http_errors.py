"""Every refusal in the contract's error shape, and the request-size limit.

FastAPI's own refusals (validation, unknown paths) are rewritten into
`{"error": {"code", "message", "field"}}` with a Chinese message naming the field and the rule.
Nothing of a request's body ever reaches the log."""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Sequence
from typing import Any

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mediation_desk.core import sync_contract as contract
from mediation_desk.district.errors import ApiError

log = logging.getLogger(__name__)

_RULES = {
    "missing": "缺少此项",
    "int_parsing": "须是整数",
    "int_type": "须是整数",
    "string_type": "须是文字",
    "bool_parsing": "须是 true 或 false",
    "dict_type": "须是 JSON 对象",
    "model_attributes_type": "须是 JSON 对象",
    "list_type": "须是列表",
    "json_invalid": "请求内容不是有效的 JSON",
    "json_type": "请求内容不是有效的 JSON",
}


def _field(loc: tuple[Any, ...]) -> str | None:
    parts = [p for p in loc if p not in ("body", "query", "path", "header")]
    text = ""
    for p in parts:
        text += f"[{p}]" if isinstance(p, int) else (f".{p}" if text else str(p))
    return text or None


def _rule(err: dict[str, Any]) -> str:
    kind, ctx = err.get("type", ""), err.get("ctx") or {}
    if kind in _RULES:
        return _RULES[kind]
    if kind in ("greater_than_equal", "greater_than"):
        return f"须不小于 {ctx.get('ge', ctx.get('gt'))}"
    if kind in ("less_than_equal", "less_than"):
        return f"须不大于 {ctx.get('le', ctx.get('lt'))}"
    if kind == "string_too_long":
        return f"最多 {ctx.get('max_length')} 个字符"
    if kind == "too_long":
        return f"最多 {ctx.get('max_length')} 项"
    if kind == "string_pattern_mismatch":
        return "格式不正确"
    return "格式不正确"


def refusal_from(errors: Sequence[Any]) -> ApiError:
    """The first of pydantic's or FastAPI's validation errors, as the contract's refusal."""
    first = errors[0] if errors else {}
    field, rule = _field(tuple(first.get("loc", ()))), _rule(first)
    message = rule if field is None or first.get("type") in ("json_invalid", "json_type") else f"{field}：{rule}"
    return ApiError(400, contract.ERROR_BAD_REQUEST, message, field)


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return JSONResponse(exc.body(), status_code=exc.status, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        refusal = refusal_from(exc.errors())
        return JSONResponse(refusal.body(), status_code=refusal.status)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = contract.ERROR_NOT_FOUND if exc.status_code == 404 else contract.ERROR_BAD_REQUEST
        message = {404: "没有这个地址", 405: "这个地址不接受该请求方法"}.get(exc.status_code, str(exc.detail))
        return JSONResponse(
            ApiError(exc.status_code, code, message).body(),
            status_code=exc.status_code,
            headers=getattr(exc, "headers", None),
        )


class StoredDataResponse(JSONResponse):
    """A JSON answer of what the database holds (the feed, the town's view) that always encodes
    (`stored_json_bytes`)."""

    def render(self, content: Any) -> bytes:
        return stored_json_bytes(content)


def stored_json_bytes(content: Any) -> bytes:
    """`content` as JSON, whatever the database held. Values the wire checks now refuse (NaN,
    infinities, lone surrogates) may still sit in rows written before those checks existed; such a
    value is served as null (text: with the replacement character) instead of failing every later
    read."""
    try:
        # orjson: a page of the feed in a fraction of the standard module's time (NaN and
        # infinities come out as null; a lone surrogate or an oversized integer raises).
        return orjson.dumps(content)
    except (orjson.JSONEncodeError, TypeError):
        pass
    try:
        return _standard_json(content)
    except (ValueError, UnicodeEncodeError):
        log.warning("served a stored value that JSON cannot carry as null")
        return _standard_json(_servable(content))


def _standard_json(content: Any) -> bytes:
    """As Starlette's JSONResponse writes it."""
    return json.dumps(content, ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":")).encode("utf-8")


def _servable(value: Any) -> Any:
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, str):
        return value.encode("utf-8", "replace").decode("utf-8")
    if isinstance(value, dict):
        return {_servable(k): _servable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_servable(v) for v in value]
    return value


class CatchAll:
    """An error nobody foresaw answers 500 in the contract's shape and the connection stays usable
    (Starlette's last-resort handler re-raises, which makes the server drop a kept-alive
    connection and the desk's next request fail too). The type and the path only are logged: an
    exception's text may quote what was sent."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except ClientDisconnect:  # the client left (or was cut off for a slow body): nobody to answer
            log.info("client left before its request was read: %s %s", scope.get("method"), scope.get("path"))
        except Exception as exc:  # the last line: answer rather than drop the connection
            log.error("internal error %s on %s %s", type(exc).__name__, scope.get("method"), scope.get("path"))
            if started:
                raise
            response = JSONResponse(
                {"error": {"code": "internal", "message": "区里服务器出错，请稍后重试", "field": None}}, status_code=500
            )
            await response(scope, receive, send)


class BodyLimit:
    """Refuse a body declared longer than `limit` bytes (413) before anything reads it. A chunked
    body (no declared length) is bounded while it is read, by the endpoint that reads it
    (wire.read_body) — and only after the sender's token was accepted."""

    def __init__(self, app: ASGIApp, limit: int = contract.MAX_BODY_BYTES) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            declared = dict(scope.get("headers") or []).get(b"content-length")
            if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
                await self._refuse(scope, send)
                return
        await self.app(scope, receive, send)

    async def _refuse(self, scope: Scope, send: Send) -> None:
        limit_mb = self.limit // (1024 * 1024)
        response = JSONResponse(
            ApiError(413, contract.ERROR_BODY_TOO_LARGE, f"请求内容过大：最多 {limit_mb} MB", "body").body(),
            status_code=413,
            headers={"Connection": "close"},  # the unread body must not be taken for the next request
        )
        await response(scope, _no_receive, send)


async def _no_receive() -> Message:
    return {"type": "http.disconnect"}
