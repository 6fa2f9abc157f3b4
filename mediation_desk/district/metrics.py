"""Prometheus metrics at `GET /metrics`: requests, errors, ops by outcome, auth failures, feed lag.

The metrics live in one registry made when this module is first imported, so an app built twice
in one process (tests) counts into the same series instead of registering them again. Every label
value comes from a short fixed set (a route's template, never its path; a method, status code or
reason the server itself names): an id, a token or anything a client typed never becomes a label.

Each instance counts for itself; Prometheus adds the instances behind a load balancer up."""

from __future__ import annotations

import re
import time
from collections.abc import Sequence

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    ProcessCollector,
    disable_created_metrics,
    generate_latest,
)
from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError
from starlette.requests import ClientDisconnect
from starlette.routing import BaseRoute, Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mediation_desk.district.models import Change

METRICS_PATH = "/metrics"
CLIENT_CLOSED = 499
_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
# A label value the server names itself; anything else (a bug passing free text) becomes "other".
_WORD = re.compile(r"[a-z][a-z0-9_]{0,39}")

# No `_created` series beside every counter: the process start time says as much.
disable_created_metrics()
# No platform collector: python_info would name the exact interpreter version to anyone.
REGISTRY = CollectorRegistry(auto_describe=True)
ProcessCollector(registry=REGISTRY)

REQUESTS = Counter(
    "district_http_requests",
    "HTTP requests answered, by method, route template and status code",
    ["method", "route", "code"],
    registry=REGISTRY,
)
ERRORS = Counter(
    "district_http_errors",
    "HTTP requests answered with a 5xx status (the server's own failures)",
    ["method", "route"],
    registry=REGISTRY,
)
LATENCY = Histogram(
    "district_http_request_duration_seconds",
    "Time from a request's start to the end of its answer",
    ["method", "route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
    registry=REGISTRY,
)
OPS = Counter(
    "district_ops",
    "Pushed ops by outcome (applied, duplicate, conflict, rejected) and, for rejections, reason code",
    ["status", "reason"],
    registry=REGISTRY,
)
AUTH_FAILURES = Counter(
    "district_auth_failures",
    "Refused tokens and enrollment codes, by kind",
    ["kind"],
    registry=REGISTRY,
)
RATE_LIMITED = Counter(
    "district_rate_limited",
    "Requests refused by a rate limit or lockout, by scope (ip, device, lockout)",
    ["scope"],
    registry=REGISTRY,
)
CONNECTIONS_CLOSED = Counter(
    "district_connections_closed",
    "Connections the server closed itself (header or body too slow, too many connections)",
    ["reason"],
    registry=REGISTRY,
)
PULL_LAG = Histogram(
    "district_pull_lag_changes",
    "Changes still ahead of a puller after its page (0: it has caught up with the feed)",
    buckets=(0, 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000),
    registry=REGISTRY,
)
FEED_HEAD = Gauge(
    "district_feed_head_seq",
    "The newest change's number in the feed, read when metrics are scraped",
    registry=REGISTRY,
)


def _word(value: str | None) -> str:
    if not value:
        return ""
    return value if _WORD.fullmatch(value) else "other"


def op_result(status: str, reason_code: str | None) -> None:
    """One pushed op's outcome (`contract.OP_STATUSES`) and, if rejected, its `REASON_CODE_*`."""
    OPS.labels(status=_word(status), reason=_word(reason_code)).inc()


def auth_failure(kind: str) -> None:
    """A refused credential: token_invalid, token_expired, device_revoked, code_unknown, …"""
    AUTH_FAILURES.labels(kind=_word(kind)).inc()


def rate_limited(scope: str) -> None:
    """A request refused by a limit: ip, device or lockout."""
    RATE_LIMITED.labels(scope=_word(scope)).inc()


def connection_closed(reason: str) -> None:
    """A connection the server ended: header_timeout, body_timeout, ip_cap or server_cap."""
    CONNECTIONS_CLOSED.labels(reason=_word(reason)).inc()


def pull_lag(changes: int) -> None:
    """How many changes a puller still has to fetch after the page it was just given."""
    PULL_LAG.observe(max(0, changes))


def _route(scope: Scope, routes: Sequence[BaseRoute]) -> str:
    """The template of the route the router will pick (its own rule: the first full match, else
    the first match by path alone, answered 405). Read before the app runs: routing and mounts
    rewrite the scope's path on the way in."""
    partial: BaseRoute | None = None
    for route in routes:
        match = route.matches(scope)[0]
        if match is Match.FULL:
            return _template(route)
        if match is Match.PARTIAL and partial is None:
            partial = route
    # Unmatched paths share one label: a scan of made-up addresses adds no series.
    return _template(partial) if partial is not None else "unmatched"


def _template(route: BaseRoute) -> str:
    template = getattr(route, "path_format", None)
    return template if isinstance(template, str) else "unmatched"


class RequestMetrics:
    """Counts each HTTP request once answered, by its route's template (a request whose client
    left before its answer counts as 499; one that failed without an answer as 500)."""

    def __init__(self, app: ASGIApp, routes: Sequence[BaseRoute] = ()) -> None:
        self.app, self.routes = app, routes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("path") == METRICS_PATH:
            await self.app(scope, receive, send)
            return
        started, route = time.perf_counter(), _route(scope, self.routes)
        status: int | None = None  # until the answer starts

        async def send_counted(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, send_counted)
        except ClientDisconnect:
            # The client left before its body was in: no failure of the server's (nginx's 499).
            status = CLIENT_CLOSED if status is None else status
            raise
        finally:
            method = scope.get("method", "")
            method = method if method in _METHODS else "other"
            status = 500 if status is None else status
            REQUESTS.labels(method=method, route=route, code=str(status)).inc()
            if status >= 500:
                ERRORS.labels(method=method, route=route).inc()
            LATENCY.labels(method=method, route=route).observe(time.perf_counter() - started)


def _feed_head(request: Request) -> int | None:
    try:
        with request.app.state.db.read() as s:
            return int(s.scalar(select(func.max(Change.seq))) or 0)
    except SQLAlchemyError:  # the database is away: /health says so; the other metrics still serve
        return None


def install(app: FastAPI) -> None:
    """Count the app's requests and answer `GET /metrics` in Prometheus' text format."""
    app.add_middleware(RequestMetrics, routes=app.router.routes)

    @app.get(METRICS_PATH, include_in_schema=False)
    async def metrics(request: Request) -> Response:
        head = await run_in_threadpool(_feed_head, request)
        if head is not None:
            FEED_HEAD.set(head)
        return Response(generate_latest(REGISTRY), media_type=CONTENT_TYPE_LATEST)
