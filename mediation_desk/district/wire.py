"""Reading a request's JSON body after its sender is known, within bounds.

The body is read only once the device's token has been accepted (the endpoints ask for the device
first), never beyond the endpoint's byte limit, and parsed off the event loop, a few at a time, by
a parser that refuses what JSON does not allow (NaN, Infinity) and stops counting objects at a
bound: a body of a million empty objects costs nothing before it is refused."""

from __future__ import annotations

import asyncio
import json
import math
from functools import partial
from typing import Any

from fastapi import Request
from fastapi.concurrency import run_in_threadpool

from mediation_desk.core import sync_contract as contract
from mediation_desk.district.errors import ApiError, bad_request
from mediation_desk.district.op_check import BadNumber

MAX_OBJECTS = 60_000  # a full push (500 ops with their payloads, a case file or two) stays far below
MAX_DEPTH = 32
PARSES_AT_ONCE = 2  # per server process; the rest wait their turn


class _TooMany(Exception):
    pass


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"JSON 不允许 {name}")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError("数字超出范围")
    return value


def _kept_float(text: str) -> float | BadNumber:
    value = float(text)
    return value if math.isfinite(value) else BadNumber(text)


def parse(raw: bytes, max_objects: int = MAX_OBJECTS, *, keep_bad_numbers: bool = False) -> Any:
    """The JSON value of `raw`, or `bad_request` in Chinese naming where it broke. With
    `keep_bad_numbers`, NaN, infinities and numbers too large for a float stay in place as
    `BadNumber` (the op holding one is rejected alone); otherwise they refuse the body."""
    count = 0

    def hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal count
        count += 1
        if count > max_objects:
            raise _TooMany
        return dict(pairs)

    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise bad_request(f"请求内容不是 UTF-8 编码的文字（第 {exc.start + 1} 个字节起）", "body") from None
    try:
        value = json.loads(
            text,
            object_pairs_hook=hook,
            parse_constant=BadNumber if keep_bad_numbers else _refuse_constant,
            parse_float=_kept_float if keep_bad_numbers else _finite_float,
        )
    except _TooMany:
        raise bad_request(f"请求内容中的对象过多：最多 {max_objects} 个", "body", 413) from None
    except json.JSONDecodeError as exc:
        raise bad_request(f"请求内容不是有效的 JSON：第 {exc.lineno} 行第 {exc.colno} 列附近", "body") from None
    except (ValueError, RecursionError) as exc:
        rule = str(exc) if isinstance(exc, ValueError) and str(exc) else "嵌套过深"
        raise bad_request(f"请求内容不是有效的 JSON：{rule}", "body") from None
    if _depth(value) > MAX_DEPTH:
        raise bad_request(f"请求内容嵌套过深：最多 {MAX_DEPTH} 层", "body")
    return value


def _depth(value: Any) -> int:
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        deepest = max(deepest, level)
        if isinstance(item, dict):
            stack.extend((v, level + 1) for v in item.values() if isinstance(v, (dict, list)))
        elif isinstance(item, list):
            stack.extend((v, level + 1) for v in item if isinstance(v, (dict, list)))
    return deepest


async def read_body(request: Request, limit: int) -> bytes:
    """The body, refused (413) as soon as it is longer than `limit` bytes."""
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > limit):
        raise too_large(limit)
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise too_large(limit)
    return bytes(body)


async def read_json(request: Request, limit: int, *, keep_bad_numbers: bool = False) -> Any:
    raw = await read_body(request, limit)
    if not raw:
        raise bad_request("请求缺少内容（JSON）", "body")
    slots = getattr(request.app.state, "parse_slots", None)
    if slots is None:  # made on first use, inside the server's event loop
        slots = request.app.state.parse_slots = asyncio.Semaphore(PARSES_AT_ONCE)
    async with slots:
        return await run_in_threadpool(partial(parse, raw, keep_bad_numbers=keep_bad_numbers))


def too_large(limit: int) -> ApiError:
    size = f"{limit // (1024 * 1024)} MB" if limit >= 1024 * 1024 else f"{limit // 1024} KB"
    return ApiError(413, contract.ERROR_BODY_TOO_LARGE, f"请求内容过大：最多 {size}", "body")
