"""Waking the alarm streams of this process when an alarm or a device task has changed.

A wake-up is only a hint: a woken stream re-reads the change feed from its cursor (the database
is the truth), and re-reads it every `RECHECK_S` anyway, so a lost hint costs at most that long.

Within one process the writer calls `Fanout.wake()` after its transaction commits (from the event
loop or from a worker thread). Across server instances on one PostgreSQL database the writing
transaction also calls `notify_in(session, dialect)`: PostgreSQL delivers the notification at
commit to every instance's `Fanout`, each holding one connection that LISTENs on `CHANNEL` and
reconnects, with backoff, when it drops. SQLite has one process by construction: nothing to send."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from mediation_desk.district.db import Database

CHANNEL = "mediation_alarms"
RECHECK_S = 5.0  # a stream re-reads the feed at least this often, woken or not
RECONNECT_FIRST_S, RECONNECT_MAX_S = 0.5, 30.0
APPLICATION_NAME = "mediation-desk alarm notifications"  # how an operator tells it in pg_stat_activity

log = logging.getLogger(__name__)
# A listening connection only reads: one whose peer vanished without a word (a firewall dropped
# it) would wait forever. TCP keep-alives find it out within about a minute.
KEEPALIVE_IDLE_S, KEEPALIVE_INTERVAL_S, KEEPALIVE_COUNT = 30, 10, 3


def notify_in(session: Session, dialect: str) -> None:
    """Tell every server instance, at this transaction's commit, that alarm changes were appended."""
    if dialect == "postgresql":
        session.execute(text("SELECT pg_notify(:channel, '')"), {"channel": CHANNEL})


class Subscription:
    """One stream's wake-ups. A wake between two `wait` calls is kept: the next `wait` returns at
    once, so a change committed while the stream was reading the feed is never slept through."""

    def __init__(self, fanout: Fanout) -> None:
        self._fanout = fanout
        self._woken = asyncio.Event()

    @property
    def closing(self) -> bool:
        """The server is stopping: the stream should end now (the desk reconnects elsewhere)."""
        return self._fanout.closing

    async def wait(self, timeout: float) -> None:
        """Return when woken, when the server starts stopping, or after `timeout` seconds."""
        if not self._woken.is_set() and not self.closing:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._woken.wait(), timeout)
        self._woken.clear()

    def close(self) -> None:
        self._fanout._subscribers.discard(self)

    def _wake(self) -> None:
        self._woken.set()


class Fanout:
    """The alarm streams of one server process and what wakes them (module doc)."""

    def __init__(self, db: Database | None = None) -> None:
        self._listen_url = _libpq_url(db.url) if db is not None and db.dialect == "postgresql" else None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._subscribers: set[Subscription] = set()
        self._listener: asyncio.Task[None] | None = None
        self._listening: asyncio.Event | None = None  # made on the loop, in start()
        self.closing = False
        self.wakes = 0  # how many wake-ups were delivered (metrics and tests)

    @property
    def subscribers(self) -> int:
        return len(self._subscribers)

    async def start(self) -> None:
        """Bind to the running loop; on PostgreSQL, start listening for the other instances."""
        self._loop = asyncio.get_running_loop()
        self.closing = False
        self._listening = asyncio.Event()
        if self._listen_url is not None:
            self._listener = asyncio.create_task(self._listen(self._listen_url), name="alarm-fanout-listen")

    async def listening(self, timeout: float) -> bool:
        """Whether the LISTEN connection is up (at once on SQLite); waits up to `timeout` for it."""
        if self._listen_url is None:
            return True
        if self._listening is None:
            return False
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._listening.wait(), timeout)
        return self._listening.is_set()

    def close_streams(self) -> None:
        """End every open stream promptly (the server is stopping). Thread-safe."""
        self.closing = True
        self.wake()

    async def stop(self) -> None:
        self.close_streams()
        self._wake_all()
        if self._listener is not None:
            self._listener.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._listener
            self._listener = None

    async def subscribe(self) -> Subscription:
        if self._loop is None:  # an app run without its lifespan (a test client): bind here
            self._loop = asyncio.get_running_loop()
        sub = Subscription(self)
        self._subscribers.add(sub)
        return sub

    def wake(self) -> None:
        """Wake every stream of this process; callable from any thread, a no-op before `start`."""
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        with contextlib.suppress(RuntimeError):  # the loop closed in between: nobody to wake
            loop.call_soon_threadsafe(self._wake_all)

    def _wake_all(self) -> None:
        self.wakes += 1
        for sub in list(self._subscribers):
            sub._wake()

    async def _listen(self, url: str) -> None:
        import psycopg  # PostgreSQL only: SQLite servers never load it

        delay, lost = RECONNECT_FIRST_S, False
        while True:
            try:
                async with await psycopg.AsyncConnection.connect(
                    url,
                    autocommit=True,
                    application_name=application_name(),
                    keepalives=1,
                    keepalives_idle=KEEPALIVE_IDLE_S,
                    keepalives_interval=KEEPALIVE_INTERVAL_S,
                    keepalives_count=KEEPALIVE_COUNT,
                ) as conn:
                    await conn.execute(f"LISTEN {CHANNEL}")
                    if lost:
                        log.info("alarm notifications listening again")
                    delay, lost = RECONNECT_FIRST_S, False
                    assert self._listening is not None
                    self._listening.set()
                    # Whatever was committed while the connection was down: let every stream look.
                    self._wake_all()
                    async for _note in conn.notifies():
                        self._wake_all()
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # noqa: BLE001 - any failure of the connection: try again later
                log.warning("alarm notifications connection lost (%s); retrying in %.1f s", type(exc).__name__, delay)
            lost = True
            if self._listening is not None:
                self._listening.clear()
            # Streams still re-read every RECHECK_S meanwhile: slower, never lost.
            await asyncio.sleep(delay)
            delay = min(delay * 2, RECONNECT_MAX_S)


def application_name() -> str:
    """This process's listening connection as pg_stat_activity names it (which instance is which)."""
    return f"{APPLICATION_NAME} pid {os.getpid()}"


def _libpq_url(sqlalchemy_url: str) -> str:
    """The database's address as psycopg takes it (SQLAlchemy's names its driver in the scheme)."""
    return make_url(sqlalchemy_url).set(drivername="postgresql").render_as_string(hide_password=False)
