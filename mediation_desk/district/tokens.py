"""Device tokens that expire, checked on every request, and renewed by a desk in good standing.

A token lives `token_days`. Every answer to a device says when its token ends
(`TOKEN_EXPIRES_HEADER`) and, once fewer than `renew_within_days` are left, asks the desk to renew
(`TOKEN_RENEW_HEADER: due`); the server decides, so a desk's wrong clock does not matter. The desk
renews with its token (`POST TOKEN_RENEW_PATH`) and gets a new one. The old one stays valid for a
grace, until the new one is first used: if the answer is lost on the way, the desk still holds the
old token, is asked to renew again, and renewing with it replaces the token of the lost answer.
A token past its end is refused (`token_expired`): the desk enrolls again. Tokens issued before
tokens expired have no end: they stay valid and are asked to renew at once.

The guarded entry points (`device_for`, `renew_for`) put the address limits first: a locked-out
address is refused before its token is looked at, and a refused token counts towards its lockout
(ratelimit.py)."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass

from fastapi import FastAPI, Request
from sqlalchemy import or_, select, update
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mediation_desk.core import sync_contract as contract
from mediation_desk.district import credentials, metrics
from mediation_desk.district.config import ServerConfig
from mediation_desk.district.db import Database
from mediation_desk.district.enrollment import DeviceScope
from mediation_desk.district.errors import ApiError, token_invalid
from mediation_desk.district.models import Committee, Device, Town
from mediation_desk.district.ratelimit import Limits, RateLimited, client_address
from mediation_desk.storage.base import utcnow

log = logging.getLogger(__name__)

# How long the token a desk renewed away stays valid if the new one is not used (the renewal's
# answer was lost): long enough for a desk that went offline right after, over a holiday.
PREVIOUS_TOKEN_GRACE = dt.timedelta(days=7)
MAX_TOKEN_LEN = 200  # ours are 43 characters; anything longer is not worth hashing
_HEADERS_KEY = "mediation_desk.token_headers"  # where a request's token answer headers wait (scope)


def token_expired() -> ApiError:
    return ApiError(401, contract.ERROR_TOKEN_EXPIRED, "设备凭证已过期：请向区社会治理中心索取新的登记码，重新登记本机")


def device_revoked() -> ApiError:
    return ApiError(401, contract.ERROR_DEVICE_REVOKED, "本机的登记已被区里撤销，请联系区社会治理中心")


@dataclass(frozen=True)
class Authenticated:
    scope: DeviceScope
    expires_at: dt.datetime | None  # None: a token from before tokens expired
    renew_due: bool


@dataclass(frozen=True)
class Renewal:
    device_id: str
    token: str
    expires_at: dt.datetime

    def answer(self) -> dict[str, str]:
        return {"token": self.token, "expires_at": self.expires_at.isoformat()}


def bearer(authorization: str | None) -> str:
    """The token of an `Authorization: Bearer …` header, or 401."""
    scheme, _, token = (authorization or "").partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token or len(token) > MAX_TOKEN_LEN or not token.isascii():
        raise token_invalid()
    return token


def _which(device: Device, presented: str) -> bool:
    """Whether `presented` is the device's previous token (else its current one; 401 if neither).
    The lookup went by the hash; both are compared again in constant time."""
    current = credentials.same_hash(device.token_hash, presented)
    previous = credentials.same_hash(device.previous_token_hash or "", presented)
    if not (current or previous):
        raise token_invalid()
    return not current


def _check(device: Device, via_previous: bool, now: dt.datetime) -> dt.datetime | None:
    """Refuse a revoked device or a token past its end; the end of the presented token."""
    if device.revoked_at is not None:
        raise device_revoked()
    expires = device.previous_token_expires_at if via_previous else device.token_expires_at
    if via_previous and expires is None:
        raise token_invalid()
    if expires is not None and expires <= now:
        raise token_expired()
    return expires


def authenticate(
    db: Database, authorization: str | None, config: ServerConfig, now: dt.datetime | None = None
) -> Authenticated:
    """The device behind an `Authorization` header, or 401 (token_invalid, token_expired, device_revoked)."""
    now = now or utcnow()
    presented = credentials.token_hash(bearer(authorization))
    with db.read() as s:
        row = s.execute(
            select(Device, Town.name, Committee.code)
            .join(Town, Town.id == Device.town_id)
            .outerjoin(Committee, Committee.id == Device.committee_id)
            .where(or_(Device.token_hash == presented, Device.previous_token_hash == presented))
        ).first()
    if row is None:
        raise token_invalid()
    device, town, committee_code = row
    via_previous = _which(device, presented)
    expires = _check(device, via_previous, now)
    if device.previous_token_hash is not None and not via_previous:
        # The desk holds its new token: the one it renewed away has no more use.
        with db.write() as s:
            s.execute(
                update(Device)
                .where(Device.id == device.id, Device.token_hash == presented)
                .values(previous_token_hash=None, previous_token_expires_at=None)
            )
    renew_due = via_previous or expires is None or expires - now <= dt.timedelta(days=config.renew_within_days)
    scope = DeviceScope(
        device_id=device.id,
        scope=device.scope,
        town_id=device.town_id,
        town=town,
        committee_id=device.committee_id,
        committee_code=committee_code,
    )
    return Authenticated(scope, expires, renew_due)


def renew(
    db: Database,
    authorization: str | None,
    config: ServerConfig,
    now: dt.datetime | None = None,
    admit: Callable[[str], None] | None = None,
) -> Renewal:
    """A new token for the device presenting its current token, or its previous one within the
    grace (the answer to its last renewal was lost: that renewal's token is replaced). `admit(device
    id)` may refuse before anything changes."""
    now = now or utcnow()
    presented = credentials.token_hash(bearer(authorization))
    token = credentials.new_token()
    expires = now + dt.timedelta(days=config.token_days)
    with db.write() as s:
        device = s.scalars(
            select(Device)
            .where(or_(Device.token_hash == presented, Device.previous_token_hash == presented))
            .with_for_update()  # renewals at once with one token take turns (SQLite: one writer anyway)
        ).first()
        if device is None:
            raise token_invalid()
        via_previous = _which(device, presented)
        current_expires = _check(device, via_previous, now)
        if admit is not None:
            admit(device.id)
        if not via_previous:
            grace_end = now + PREVIOUS_TOKEN_GRACE
            device.previous_token_hash = device.token_hash
            # A renewal never lengthens the life of the token it replaces.
            device.previous_token_expires_at = min(grace_end, current_expires) if current_expires else grace_end
        device.token_hash = credentials.token_hash(token)
        device.token_expires_at = expires
        device.renewed_at = now
        device_id = device.id
    return Renewal(device_id, token, expires)


# ---- the HTTP side --------------------------------------------------------------------------------


def _refused(request: Request, limits: Limits, refusal: ApiError) -> ApiError:
    metrics.auth_failure(refusal.code)
    if refusal.code == contract.ERROR_TOKEN_INVALID and request.headers.get("authorization"):
        limits.failed(client_address(request), refusal.code)  # a guess (an absent token guesses nothing)
    return refusal


def device_for(request: Request, authorization: str | None) -> DeviceScope:
    """The device of a request, after the address and device limits; its answer will carry the
    token's end and, when due, the request to renew. Blocking: run off the event loop."""
    limits: Limits = request.app.state.limits
    config: ServerConfig = request.app.state.config
    limits.check_address(client_address(request))
    try:
        me = authenticate(request.app.state.db, authorization, config)
    except ApiError as refusal:
        raise _refused(request, limits, refusal) from None
    limits.check_device(me.scope.device_id)
    headers: list[tuple[bytes, bytes]] = []
    if me.expires_at is not None:
        headers.append((contract.TOKEN_EXPIRES_HEADER.lower().encode(), me.expires_at.isoformat().encode()))
    if me.renew_due:
        headers.append((contract.TOKEN_RENEW_HEADER.lower().encode(), contract.TOKEN_RENEW_DUE.encode()))
    request.scope[_HEADERS_KEY] = headers
    return me.scope


def renew_for(request: Request) -> Renewal:
    """`POST TOKEN_RENEW_PATH`: renew the presented token, after the address limits. Blocking."""
    limits: Limits = request.app.state.limits
    limits.check_address(client_address(request))
    try:
        renewal = renew(
            request.app.state.db,
            request.headers.get("authorization"),
            request.app.state.config,
            admit=limits.check_device,
        )
    except RateLimited:
        raise
    except ApiError as refusal:
        raise _refused(request, limits, refusal) from None
    log.info("device %s renewed its token", renewal.device_id)
    request.scope[_HEADERS_KEY] = [
        (contract.TOKEN_EXPIRES_HEADER.lower().encode(), renewal.expires_at.isoformat().encode())
    ]
    return renewal


class TokenHeaders:
    """Adds the token headers a request's authentication left in its scope to its answer."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            extra = scope.get(_HEADERS_KEY)
            if message["type"] == "http.response.start" and extra:
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def install(app: FastAPI) -> None:
    app.add_middleware(TokenHeaders)
