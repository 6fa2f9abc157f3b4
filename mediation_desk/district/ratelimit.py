"""Rate limits and lockouts: guessing enrollment codes or device tokens stops paying.

Three limits, cheapest first:
- A locked-out address is refused (429 with `Retry-After`) before its code or token is looked at.
  Lockouts live in the database (`lockout`), so every instance on one database honours them; each
  instance holds the current ones in memory and reads them again every few seconds, so a locked
  address costs no database read per request.
- A failed code or token first takes from an in-memory token bucket of its address: a flood of wrong
  tokens is refused from memory once the bucket is empty, before each one costs a lookup and a
  write. Each failure that passes is counted in the database (one atomic upsert, race-safe on SQLite
  and PostgreSQL); the `failures_before_lockout`-th within `failure_window_s` locks the address for
  `lockout_s`. Exactly one transaction starts a lockout: it writes the security event and the
  server logs one warning line (the address, never the code or token).
- Each device may make `device_requests_per_minute` requests. Counted in memory per instance, so
  behind a load balancer of N instances a device may get up to N times that: it protects an
  instance from one runaway desk, and a desk needs a handful of requests a minute.

Only a credential that was presented and refused counts as a failure: a request with none cannot
guess anything, and a revoked or expired token was not guessed."""

from __future__ import annotations

import datetime as dt
import ipaddress
import logging
import math
import threading
import time
from dataclasses import dataclass
from typing import Any, cast

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy import CursorResult, case, delete, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from mediation_desk.core import sync_contract as contract
from mediation_desk.district import metrics
from mediation_desk.district.config import ServerConfig
from mediation_desk.district.db import Database
from mediation_desk.district.errors import ApiError
from mediation_desk.district.models import Lockout, SecurityEvent
from mediation_desk.storage.base import utcnow

log = logging.getLogger(__name__)

REFRESH_S = 2.0  # how stale an instance's view of the lockouts made by other instances may be
PRUNE_S = 600.0  # how often an instance deletes lockout rows that have run out
FAILURES_PER_SECOND = 1.0  # refill of an address's failure bucket (its size: the lockout threshold)
MAX_KEYS = 100_000  # buckets kept in memory per limit; full ones are dropped first
MAX_CACHED_LOCKOUTS = 50_000
LOCKOUT_EVENT = "lockout"


class RateLimited(ApiError):
    """429 with the seconds to wait (`Retry-After`)."""

    def __init__(self, retry_after_s: float, message: str) -> None:
        self.retry_after = max(1, math.ceil(retry_after_s))
        super().__init__(429, contract.ERROR_RATE_LIMITED, message.format(wait=_wait_words(self.retry_after)))


def _wait_words(seconds: int) -> str:
    return f"{seconds} 秒" if seconds < 120 else f"{math.ceil(seconds / 60)} 分钟"


LOCKED = "本地址多次使用错误的登记码或设备凭证，已被暂时拒绝：请 {wait}后再试"
TOO_MANY_FAILURES = "本地址错误的登记码或设备凭证过多：请 {wait}后再试"
DEVICE_BUSY = "本设备的请求过于频繁（每分钟最多 {limit} 次）：请 {wait}后再试"


def address_key(host: str | None) -> str:
    """The key an address is limited by: an IPv4 address, or an IPv6 address's /64 (one household
    or office holds a whole /64, so a single address of it would be no limit at all)."""
    try:
        ip = ipaddress.ip_address(host or "")
    except ValueError:
        return f"ip:{(host or 'unknown')[:60]}"
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if isinstance(ip, ipaddress.IPv6Address):
        return f"ip:{ipaddress.IPv6Network((ip, 64), strict=False)}"
    return f"ip:{ip}"


def client_address(request: Request) -> str | None:
    """The client's address as the server sees it (a trusted reverse proxy's `X-Forwarded-For` is
    applied by uvicorn before this)."""
    return request.client.host if request.client else None


@dataclass
class _Bucket:
    level: float
    stamp: float


class Buckets:
    """Token buckets by key, in memory and thread-safe: each holds at most `capacity`, refilled at
    `rate` per second. A full bucket is the same as none, so those are dropped when there are many."""

    def __init__(self, capacity: float, rate: float, max_keys: int = MAX_KEYS) -> None:
        self.capacity, self.rate, self.max_keys = max(1.0, capacity), max(rate, 1e-9), max_keys
        self._buckets: dict[str, _Bucket] = {}
        self._lock = threading.Lock()

    def _level(self, bucket: _Bucket, now: float) -> float:
        return min(self.capacity, bucket.level + (now - bucket.stamp) * self.rate)

    def wait(self, key: str) -> float:
        """Seconds until `key` may take one (0: now), taking nothing."""
        with self._lock:
            bucket = self._buckets.get(key)
            if bucket is None:
                return 0.0
            level = self._level(bucket, time.monotonic())
        return 0.0 if level >= 1 else (1 - level) / self.rate

    def take(self, key: str) -> float:
        """Take one for `key`: 0 when taken, else the seconds until one is there (nothing taken)."""
        now = time.monotonic()
        with self._lock:
            bucket = self._buckets.get(key)
            if bucket is None:
                if len(self._buckets) >= self.max_keys:
                    self._prune(now)
                bucket = self._buckets[key] = _Bucket(self.capacity, now)
            bucket.level, bucket.stamp = self._level(bucket, now), now
            if bucket.level < 1:
                return (1 - bucket.level) / self.rate
            bucket.level -= 1
            return 0.0

    def _prune(self, now: float) -> None:
        full = [k for k, b in self._buckets.items() if self._level(b, now) >= self.capacity]
        for key in full:
            del self._buckets[key]
        if len(self._buckets) >= self.max_keys:  # a flood of addresses: start afresh (the database still locks)
            self._buckets.clear()


@dataclass(frozen=True)
class Counted:
    started: bool  # this failure started the lockout
    locked_until: dt.datetime | None  # the address is locked until then (by this failure or before)


def record_failure(s: Session, key: str, kind: str, now: dt.datetime, config: ServerConfig) -> Counted:
    """Count one failure of `key` in its shared `lockout` row.

    A row is either counting (`reason` empty, `until` = the end of the counting window) or locked
    (`reason` set, `until` = the end of the lockout); one that has run out counts afresh. The
    upsert is atomic on both databases, and only the one transaction whose guarded update turns a
    counting row into a locked one writes the security event."""
    window_end = now + dt.timedelta(seconds=config.failure_window_s)
    insert = sqlite_insert if s.get_bind().dialect.name == "sqlite" else pg_insert
    stmt = insert(Lockout).values(key=key, until=window_end, failures=1, reason="")
    over = Lockout.until <= now  # the last window or lockout has run out: count afresh
    upsert = stmt.on_conflict_do_update(
        index_elements=[Lockout.key],
        set_={
            "failures": case((over, 1), else_=Lockout.failures + 1),
            "until": case((over, stmt.excluded.until), else_=Lockout.until),
            "reason": case((over, ""), else_=Lockout.reason),
        },
    ).returning(Lockout.failures, Lockout.reason, Lockout.until)
    failures, reason, until = s.execute(upsert).one()
    if reason:
        return Counted(started=False, locked_until=until)
    if failures < config.failures_before_lockout:
        return Counted(started=False, locked_until=None)
    locked_until = now + dt.timedelta(seconds=config.lockout_s)
    started = cast(
        CursorResult[Any],
        s.execute(
            update(Lockout)
            .where(Lockout.key == key, Lockout.reason == "")
            .values(until=locked_until, reason=f"repeated failed {kind}")
        ),
    )
    if started.rowcount != 1:  # another transaction started it between the two statements
        return Counted(started=False, locked_until=None)
    s.add(
        SecurityEvent(
            at=now,
            kind=LOCKOUT_EVENT,
            source=key[:100],
            detail={
                "failures": failures,
                "last_failure": kind,
                "window_s": config.failure_window_s,
                "lockout_s": config.lockout_s,
            },
        )
    )
    return Counted(started=True, locked_until=locked_until)


class Limits:
    """One server instance's limits (module doc). Methods are blocking: call them off the event loop."""

    def __init__(self, db: Database, config: ServerConfig) -> None:
        self.db, self.config = db, config
        self._failures = Buckets(config.failures_before_lockout, FAILURES_PER_SECOND)
        per_minute = config.device_requests_per_minute
        self._devices = Buckets(per_minute, per_minute / 60.0)
        self._locked: dict[str, dt.datetime] = {}  # as last read from the database
        self._own: dict[str, dt.datetime] = {}  # started or learnt here since: kept across a refresh
        self._read_at = -math.inf
        self._pruned_at = time.monotonic()
        self._lock = threading.Lock()

    # ---- addresses ------------------------------------------------------------------------------

    def check_address(self, host: str | None) -> None:
        """Refuse a locked-out address, or one whose failures come faster than the bucket allows,
        before its code or token is looked at."""
        key, now = address_key(host), utcnow()
        until = self._locked_until(key, now)
        if until is not None:
            metrics.rate_limited("lockout")
            raise RateLimited((until - now).total_seconds(), LOCKED)
        wait = self._failures.wait(key)
        if wait > 0:
            metrics.rate_limited("ip")
            raise RateLimited(wait, TOO_MANY_FAILURES)

    def failed(self, host: str | None, kind: str) -> None:
        """A code or token from `host` was refused (`kind`: code_unknown, token_invalid): count it,
        and lock the address out when it reaches the limit."""
        key, now = address_key(host), utcnow()
        self._failures.take(key)
        try:
            with self.db.write() as s:
                counted = record_failure(s, key, kind, now, self.config)
        except SQLAlchemyError as exc:
            # The refusal itself stands; only the count is lost (the bucket above still limits).
            log.warning("could not count a failed credential from %s: %s", key, type(exc).__name__)
            return
        if counted.locked_until is not None:
            # Started here, or by another instance meanwhile: known now rather than at the next read.
            self._remember(key, counted.locked_until)
        if counted.started:
            log.warning(
                "address %s locked out for %d s after %d failed codes or tokens within %d s (last: %s)",
                key.removeprefix("ip:"),
                self.config.lockout_s,
                self.config.failures_before_lockout,
                self.config.failure_window_s,
                kind,
            )

    def _remember(self, key: str, until: dt.datetime) -> None:
        with self._lock:
            self._own[key] = until
            self._locked[key] = until

    def _locked_until(self, key: str, now: dt.datetime) -> dt.datetime | None:
        if time.monotonic() - self._read_at >= REFRESH_S:
            self._refresh(now)
        until = self._locked.get(key)
        return until if until is not None and until > now else None

    def _refresh(self, now: dt.datetime) -> None:
        if not self._lock.acquire(blocking=False):
            return  # another thread is reading them; this request uses what is held
        try:
            self._read_at = time.monotonic()  # also after a failure: a database away is not asked per request
            try:
                with self.db.read() as s:
                    rows = s.execute(
                        select(Lockout.key, Lockout.until)
                        .where(Lockout.reason != "", Lockout.until > now)
                        .limit(MAX_CACHED_LOCKOUTS)
                    ).all()
                if self._read_at - self._pruned_at >= PRUNE_S:
                    self._pruned_at = self._read_at
                    with self.db.write() as s:
                        s.execute(delete(Lockout).where(Lockout.until < now))
            except SQLAlchemyError as exc:
                log.warning("could not read the lockouts: %s", type(exc).__name__)
                return
            self._own = {k: u for k, u in self._own.items() if u > now}
            self._locked = {**dict(rows), **self._own}
        finally:
            self._lock.release()

    # ---- devices --------------------------------------------------------------------------------

    def check_device(self, device_id: str) -> None:
        wait = self._devices.take(device_id)
        if wait > 0:
            metrics.rate_limited("device")
            message = DEVICE_BUSY.replace("{limit}", str(self.config.device_requests_per_minute))
            raise RateLimited(wait, message)


def install(app: FastAPI, db: Database, config: ServerConfig) -> Limits:
    """The instance's limits on `app.state.limits`, and 429 answers with `Retry-After`."""
    limits = app.state.limits = Limits(db, config)

    @app.exception_handler(RateLimited)
    async def _rate_limited(_request: Request, exc: RateLimited) -> JSONResponse:
        return JSONResponse(exc.body(), status_code=429, headers={"Retry-After": str(exc.retry_after)})

    return limits
