"""Every refusal in the contract's error shape, and the request-size limit.

FastAPI's own refusals (validation, unknown paths) are rewritten into
`{"error": {"code", "message", "field"}}` with a Chinese message naming the field and the rule.
Nothing of a request's body ever reaches the log."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
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
    return "格式不正确"


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return JSONResponse(exc.body(), status_code=exc.status, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        field, rule = _field(tuple(first.get("loc", ()))), _rule(first)
        message = rule if field is None or first.get("type") in ("json_invalid", "json_type") else f"{field}：{rule}"
        return JSONResponse(ApiError(400, contract.ERROR_BAD_REQUEST, message, field).body(), status_code=400)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = contract.ERROR_NOT_FOUND if exc.status_code == 404 else contract.ERROR_BAD_REQUEST
        message = {404: "没有这个地址", 405: "这个地址不接受该请求方法"}.get(exc.status_code, str(exc.detail))
        return JSONResponse(
            ApiError(exc.status_code, code, message).body(),
            status_code=exc.status_code,
            headers=getattr(exc, "headers", None),
        )

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> JSONResponse:
        # The type and the path only: an exception's text may quote what was sent.
        log.error("internal error %s on %s %s", type(exc).__name__, request.method, request.url.path)
        return JSONResponse(
            {"error": {"code": "internal", "message": "区里服务器出错，请稍后重试", "field": None}}, status_code=500
        )


class BodyLimit:
    """Refuse request bodies over `limit` bytes (413): by their declared length before reading,
    a chunked one as soon as it grows past the limit."""

    def __init__(self, app: ASGIApp, limit: int = contract.MAX_BODY_BYTES) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            await self._refuse(send)
            return
        if declared is None:  # chunked: read it here, within the limit, then hand it on
            body, more = bytearray(), True
            while more:
                message = await receive()
                if message["type"] != "http.request":
                    break
                body += message.get("body", b"")
                more = message.get("more_body", False)
                if len(body) > self.limit:
                    await self._refuse(send)
                    return
            replayed = False

            async def replay() -> Message:
                nonlocal replayed
                if replayed:
                    return await receive()
                replayed = True
                return {"type": "http.request", "body": bytes(body), "more_body": False}

            await self.app(scope, replay, send)
            return
        await self.app(scope, receive, send)

    async def _refuse(self, send: Send) -> None:
        response = JSONResponse(
            ApiError(
                413, contract.ERROR_BODY_TOO_LARGE, f"请求内容过大：最多 {contract.MAX_BODY_BYTES // (1024 * 1024)} MB"
            ).body(),
            status_code=413,
        )
        await response({"type": "http"}, _no_receive, send)


async def _no_receive() -> Message:
    return {"type": "http.disconnect"}
