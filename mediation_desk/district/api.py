"""The district's HTTP API (FastAPI): `create_app(database_url)` builds it.

The app keeps no state outside the database: any number of instances may serve one PostgreSQL
database behind a load balancer. The schema is brought up to date when the app starts."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import asdict
from importlib import metadata
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from mediation_desk.core import sync_contract as contract
from mediation_desk.district import apply, enrollment, feed, http_errors, migrate, reference, town
from mediation_desk.district import schemas as sch
from mediation_desk.district.db import Database
from mediation_desk.district.enrollment import DeviceScope
from mediation_desk.district.rules import register_rules

log = logging.getLogger(__name__)
MAX_CURSOR = 2**62
_bearer = HTTPBearer(auto_error=False, description="the device token from enrollment")
_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": sch.ErrorBody} for code in (400, 401, 403, 404, 409, 410, 413)
}


def version() -> str:
    try:
        return metadata.version("mediation-desk")
    except metadata.PackageNotFoundError:
        return "0"


def current_device(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> DeviceScope:
    """The device behind the request's bearer token (401 otherwise)."""
    header = f"Bearer {credentials.credentials}" if credentials else request.headers.get("authorization")
    return enrollment.authenticate(request.app.state.db, header)


Device = Annotated[DeviceScope, Depends(current_device)]


def create_app(database_url: str) -> FastAPI:
    register_rules()
    db = Database(database_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        await run_in_threadpool(migrate.upgrade, db)
        log.info("district server ready on %s", db.dialect)
        yield
        db.dispose()

    app = FastAPI(
        title="mediation-desk district server (区社会治理中心)", version=version(), lifespan=lifespan, responses=_ERRORS
    )
    app.state.db = db
    http_errors.install(app)
    app.add_middleware(http_errors.BodyLimit)

    @app.get(contract.HEALTH_PATH, response_model=sch.HealthAnswer, tags=["health"])
    def health() -> JSONResponse:
        if not db.ping():
            return JSONResponse({"status": "unavailable", "version": version()}, status_code=503)
        return JSONResponse({"status": "ok", "version": version()})

    @app.post(contract.ENROLL_PATH, status_code=201, response_model=sch.EnrollAnswer, tags=["enrollment"])
    def enroll(body: sch.EnrollBody) -> JSONResponse:
        answer = enrollment.enroll(db, body.code, body.device_name)
        log.info("device %s enrolled (%s)", answer.device_id, answer.scope)
        return JSONResponse(asdict(answer), status_code=201)

    @app.post(contract.PUSH_PATH, responses={200: {"model": sch.PushAnswer}}, tags=["sync"])
    def push(body: sch.PushBody, me: Device) -> JSONResponse:
        results = apply.push(db, me, body.ops)
        return JSONResponse({"results": [asdict(r) for r in results]})

    @app.get(contract.PULL_PATH, responses={200: {"model": sch.PullAnswer}}, tags=["sync"])
    def pull(
        me: Device,
        after: Annotated[int, Query(ge=0, le=MAX_CURSOR)] = 0,
        limit: Annotated[int, Query(ge=1, le=contract.MAX_PULL_PAGE)] = contract.MAX_PULL_PAGE,
    ) -> JSONResponse:
        with db.read() as s:
            return JSONResponse(feed.pull(s, me, after, limit))

    @app.get(contract.REFERENCE_PATH, response_model=sch.ReferenceAnswer, tags=["sync"])
    def reference_data(me: Device) -> JSONResponse:
        return JSONResponse(reference.reference(db))

    @app.get(contract.TOWN_CASES_PATH, response_model=sch.TownCasesAnswer, tags=["town"])
    def town_cases(
        me: Device,
        status: str | None = None,
        escalated: bool = False,
        after: Annotated[str | None, Query(max_length=64)] = None,
        limit: Annotated[int, Query(ge=1, le=town.MAX_PAGE)] = 200,
    ) -> JSONResponse:
        return JSONResponse(town.list_cases(db, me, status=status, escalated=escalated, after=after, limit=limit))

    @app.get(contract.TOWN_CASES_PATH + "/{case_id}", response_model=sch.TownCaseAnswer, tags=["town"])
    def town_case(case_id: str, me: Device) -> JSONResponse:
        return JSONResponse(town.case_detail(db, me, case_id))

    @app.post(contract.TOWN_CASES_PATH + "/{case_id}/take-over", response_model=sch.TakeOverAnswer, tags=["town"])
    def take_over(case_id: str, me: Device) -> JSONResponse:
        answer = town.take_over(db, me, case_id)
        if answer["changed"]:
            log.info("case %s taken over by town device %s", case_id, me.device_id)
        return JSONResponse(answer)

    return app
