"""The district's HTTP API (FastAPI): `create_app(database_url, config)` builds it.

The app keeps no state outside the database: any number of instances may serve one PostgreSQL
database behind a load balancer. The schema is brought up to date when the app starts.

Every endpoint that takes a body names the device first: its token is checked before a byte of
the body is read, and the body is then read within that endpoint's limit (wire.py)."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import asdict
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from mediation_desk.alarms.rules import Thresholds
from mediation_desk.core import sync_contract as contract
from mediation_desk.district import (
    alarm_apply,
    alarm_fanout,
    alarm_gateway,
    alarm_intake,
    alarm_stream,
    alarm_town,
    alarm_vendor,
    alarm_watch,
    apply,
    docs,
    enrollment,
    feed,
    http_errors,
    metrics,
    migrate,
    openapi,
    points_town,
    ratelimit,
    reference,
    sealing,
    server_key,
    sitecode_month_end,
    sitecode_town,
    tokens,
    town,
    wire,
)
from mediation_desk.district import schemas as sch
from mediation_desk.district.config import DEFAULT, ServerConfig
from mediation_desk.district.db import Database
from mediation_desk.district.enrollment import DeviceScope
from mediation_desk.district.errors import bad_request
from mediation_desk.district.rules import register_rules

log = logging.getLogger(__name__)
MAX_CURSOR = 2**62
_bearer = HTTPBearer(auto_error=False, description="the device token from enrollment")
_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": sch.ErrorBody} for code in (400, 401, 403, 404, 409, 410, 413, 429)
}


def current_device(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> DeviceScope:
    """The device behind the request's bearer token (401 otherwise), within the rate limits (429)."""
    header = f"Bearer {credentials.credentials}" if credentials else request.headers.get("authorization")
    return tokens.device_for(request, header)


Device = Annotated[DeviceScope, Depends(current_device)]


def config_thresholds(config: ServerConfig) -> Thresholds:
    return Thresholds(escalate_after_s=config.alarm_escalate_after_s, offline_after_s=config.device_offline_after_s)


def create_app(database_url: str, config: ServerConfig = DEFAULT) -> FastAPI:
    register_rules()
    db = Database(database_url)
    # Before the server binds its port: a missing or wrong key file stops `serve` with its reason.
    keys = server_key.server_keys(db, config.key_file)
    fanout = alarm_fanout.Fanout(db)
    thresholds = config_thresholds(config)
    intake = alarm_intake.AlarmIntake(db, fanout, thresholds)
    watch = alarm_watch.AlarmWatch(db, fanout, thresholds, intake=intake)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        await run_in_threadpool(migrate.upgrade, db)
        await run_in_threadpool(sealing.seal_legacy, db, keys)
        month_end = sitecode_month_end.MonthEndLoop(db, config.month_end_every_s)
        month_end.start()
        await fanout.start()
        watch.start()
        gateway = await alarm_gateway.start_for(intake, config)  # only with serve --gateway-port
        log.info("district server ready on %s", db.dialect)
        yield
        if gateway is not None:  # before the watch's last flush of heartbeats
            await gateway.stop()
        await run_in_threadpool(watch.stop)
        await fanout.stop()
        await run_in_threadpool(month_end.stop)
        db.dispose()

    app = FastAPI(
        title="mediation-desk district server (区社会治理中心)",
        lifespan=lifespan,
        responses=_ERRORS,
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json" if config.docs else None,
    )
    app.state.db = db
    app.state.config = config
    app.state.keys = keys
    app.state.fanout = fanout
    app.state.alarm_intake = intake
    app.state.alarm_watch = watch
    http_errors.install(app)
    openapi.install(app)
    metrics.install(app)
    docs.install(app)
    limits = ratelimit.install(app, db, config)
    alarm_stream.install(app, db, fanout, current_device)
    alarm_town.install(app, db, config, fanout, current_device)
    alarm_vendor.install(app, db, config)
    tokens.install(app)
    app.add_middleware(http_errors.BodyLimit, limit=config.max_push_bytes)
    app.add_middleware(http_errors.CatchAll)

    @app.get(contract.HEALTH_PATH, response_model=sch.HealthAnswer, tags=["health"])
    def health() -> JSONResponse:
        # No version or other detail: an address anyone can reach says only whether it serves.
        if not db.ping():
            return JSONResponse({"status": "unavailable"}, status_code=503)
        return JSONResponse({"status": "ok"})

    @app.post(
        contract.ENROLL_PATH,
        status_code=201,
        response_model=sch.EnrollAnswer,
        tags=["enrollment"],
        openapi_extra=openapi.request_body(sch.EnrollBody),
    )
    async def enroll(request: Request) -> JSONResponse:
        # A locked-out address is refused before its body is read, let alone its code looked up.
        await run_in_threadpool(limits.check_address, ratelimit.client_address(request))
        body = sch.enroll_body(await wire.read_json(request, config.max_small_body_bytes))
        answer = await run_in_threadpool(enrollment.enroll_for, request, body.code, body.device_name)
        log.info("device %s enrolled (%s)", answer.device_id, answer.scope)
        return JSONResponse(asdict(answer), status_code=201)

    @app.post(contract.TOKEN_RENEW_PATH, response_model=sch.TokenAnswer, tags=["enrollment"])
    def renew_token(
        request: Request, _bearer_in_docs: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
    ) -> JSONResponse:
        """A new device token for the one presented (current, or the previous within its grace)."""
        return JSONResponse(tokens.renew_for(request).answer())

    @app.post(
        contract.PUSH_PATH,
        responses={200: {"model": sch.PushAnswer}},
        tags=["sync"],
        openapi_extra=openapi.request_body(sch.PushBody),
    )
    async def push(request: Request, me: Device) -> JSONResponse:
        body = await wire.read_json(request, config.max_push_bytes, keep_bad_numbers=True)
        if not isinstance(body, dict) or not isinstance(body.get("ops"), list):
            raise bad_request('请求内容须是 {"ops": [操作, …]}', "ops")
        keys = getattr(request.app.state, "keys", None)
        results = await run_in_threadpool(apply.push, db, me, body["ops"], config, keys)
        if alarm_apply.touches_stream(body["ops"]):
            fanout.wake()  # after the commit: this process's alarm streams look now
        return JSONResponse({"results": [asdict(r) for r in results]})

    @app.get(contract.PULL_PATH, responses={200: {"model": sch.PullAnswer}}, tags=["sync"])
    def pull(
        me: Device,
        after: Annotated[int, Query(ge=0, le=MAX_CURSOR)] = 0,
        limit: Annotated[int, Query(ge=1, le=contract.MAX_PULL_PAGE)] = contract.MAX_PULL_PAGE,
    ) -> JSONResponse:
        with db.read() as s:
            return http_errors.StoredDataResponse(feed.pull(s, me, after, limit))

    @app.get(contract.REFERENCE_PATH, response_model=sch.ReferenceAnswer, tags=["sync"])
    def reference_data(me: Device) -> JSONResponse:
        return JSONResponse(reference.reference(db))

    @app.get(contract.TOWN_CASES_PATH, response_model=sch.TownCasesAnswer, tags=["town"])
    def town_cases(
        me: Device,
        status: Annotated[str | None, Query(max_length=32)] = None,
        escalated: bool = False,
        after: Annotated[str | None, Query(max_length=64)] = None,
        limit: Annotated[int, Query(ge=1, le=town.MAX_PAGE)] = 200,
    ) -> JSONResponse:
        return http_errors.StoredDataResponse(
            town.list_cases(db, me, status=status, escalated=escalated, after=after, limit=limit)
        )

    @app.get(contract.TOWN_CASES_PATH + "/{case_id}", response_model=sch.TownCaseAnswer, tags=["town"])
    def town_case(
        case_id: str,
        me: Device,
        files_after: Annotated[str | None, Query(max_length=64)] = None,
        files_limit: Annotated[int, Query(ge=1, le=town.MAX_FILES_PAGE)] = town.FILES_PAGE,
    ) -> JSONResponse:
        detail = town.case_detail(db, me, sch.path_id(case_id), keys, files_after=files_after, files_limit=files_limit)
        return http_errors.StoredDataResponse(detail)

    @app.post(contract.TOWN_CASES_PATH + "/{case_id}/take-over", response_model=sch.TakeOverAnswer, tags=["town"])
    def take_over(case_id: str, me: Device) -> JSONResponse:
        answer = town.take_over(db, me, sch.path_id(case_id))
        if answer["changed"]:
            log.info("case %s taken over by town device %s", case_id, me.device_id)
        return http_errors.StoredDataResponse(answer)

    # ---- green coins: the town's review and the conflicts it resolves (points_town.py) ----------

    @app.get(contract.TOWN_DECLARATIONS_PATH, response_model=sch.TownDeclarationsAnswer, tags=["town"])
    def town_declarations(
        me: Device,
        status: Annotated[str, Query(max_length=32)] = points_town.WAITING,
        after: Annotated[str | None, Query(max_length=64)] = None,
        limit: Annotated[int, Query(ge=1, le=town.MAX_PAGE)] = 200,
    ) -> JSONResponse:
        answer = points_town.list_declarations(db, me, status=status, after=after, limit=limit)
        return http_errors.StoredDataResponse(answer)

    @app.post(
        contract.TOWN_DECLARATIONS_PATH + "/{declaration_id}/review",
        response_model=sch.TownReviewAnswer,
        tags=["town"],
        openapi_extra=openapi.request_body(sch.TownReviewBody),
    )
    async def town_review(declaration_id: str, request: Request, me: Device) -> JSONResponse:
        town.require_town(me)  # before a byte of the body is read
        declaration_id = sch.path_id(declaration_id, "条申报", "declaration_id")
        body = sch.checked_body(sch.TownReviewBody, await wire.read_json(request, config.max_small_body_bytes))
        answer = await run_in_threadpool(points_town.review, db, me, declaration_id, body)
        if answer["changed"]:
            log.info("declaration %s reviewed by town device %s", declaration_id, me.device_id)
        return http_errors.StoredDataResponse(answer)

    @app.get(contract.TOWN_CONFLICTS_PATH, response_model=sch.TownConflictsAnswer, tags=["town"])
    def town_conflicts(
        me: Device,
        status: Annotated[str, Query(max_length=16)] = points_town.OPEN,
        after: Annotated[str | None, Query(max_length=64)] = None,
        limit: Annotated[int, Query(ge=1, le=town.MAX_PAGE)] = 200,
    ) -> JSONResponse:
        answer = points_town.list_conflicts(db, me, status=status, after=after, limit=limit)
        return http_errors.StoredDataResponse(answer)

    @app.post(
        contract.TOWN_CONFLICTS_PATH + "/{conflict_id}/resolve",
        response_model=sch.ConflictResolveAnswer,
        tags=["town"],
        openapi_extra=openapi.request_body(sch.ConflictResolveBody),
    )
    async def resolve_conflict(conflict_id: str, request: Request, me: Device) -> JSONResponse:
        town.require_town(me)
        conflict_id = sch.path_id(conflict_id, "个兑换冲突", "conflict_id")
        body = sch.checked_body(sch.ConflictResolveBody, await wire.read_json(request, config.max_small_body_bytes))
        answer = await run_in_threadpool(points_town.resolve, db, me, conflict_id, body)
        if answer["changed"]:
            log.info("points conflict %s resolved by town device %s", conflict_id, me.device_id)
        return http_errors.StoredDataResponse(answer)

    # ---- site codes: the town's tasks and conversion rates (sitecode_town.py) -------------------

    @app.get(contract.TOWN_SITE_TASKS_PATH, response_model=sitecode_town.TownSiteTasksAnswer, tags=["town"])
    def town_site_tasks(
        me: Device,
        status: Annotated[str, Query(max_length=16)] = sitecode_town.STATUSES[0],
        after: Annotated[str | None, Query(max_length=64)] = None,
        limit: Annotated[int, Query(ge=1, le=town.MAX_PAGE)] = 200,
    ) -> JSONResponse:
        answer = sitecode_town.list_tasks(db, me, status=status, after=after, limit=limit)
        return http_errors.StoredDataResponse(answer)

    @app.post(
        contract.TOWN_SITE_TASKS_PATH + "/{task_id}/close",
        response_model=sitecode_town.TaskCloseAnswer,
        tags=["town"],
        openapi_extra=openapi.request_body(sitecode_town.TaskCloseBody),
    )
    async def close_site_task(task_id: str, request: Request, me: Device) -> JSONResponse:
        town.require_town(me)  # before a byte of the body is read
        task_id = sch.path_id(task_id, "个暗访或联合执法任务", "task_id")
        body = sch.checked_body(sitecode_town.TaskCloseBody, await wire.read_json(request, config.max_small_body_bytes))
        answer = await run_in_threadpool(sitecode_town.close_task, db, me, task_id, body)
        if answer["changed"]:
            log.info("site task %s closed by town device %s", task_id, me.device_id)
        return http_errors.StoredDataResponse(answer)

    @app.get(contract.TOWN_SITE_RATES_PATH, response_model=sitecode_town.TownSiteRatesAnswer, tags=["town"])
    def town_site_rates(me: Device, month: Annotated[str | None, Query(max_length=16)] = None) -> JSONResponse:
        return http_errors.StoredDataResponse(sitecode_town.rates(db, me, month))

    return app
