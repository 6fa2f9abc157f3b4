"""Connection guard: what uvicorn's HTTP protocol does not bound by itself.

uvicorn waits forever for a request's headers and body, and accepts every connection the system
hands it: thousands of requests that never finish their headers (slowloris) hold the server's
sockets until nothing else gets in. `guard_protocol(config)` makes uvicorn's httptools protocol
class, bounded:

- the headers of a request must be complete within `header_timeout_s` of the connection opening
  (or of the first byte of the next request on a kept-alive connection): a total, so a byte every
  few seconds buys nothing; and they may not exceed `MAX_HEADER_BYTES`;
- its body must then be complete within `body_timeout_s` (time the server itself is not reading
  does not count against the client); a body declared larger than the server accepts is not read
  at all once the app has refused it (413): the connection closes after the answer;
- at most `max_connections` connections per process and `max_connections_per_ip` per client
  address (per /64 for IPv6). At a cap, the oldest connection still waiting for a request's
  headers gives way (of that address, for the per-address cap), then the oldest idle kept-alive
  one: a desk sends its headers within milliseconds of connecting, so it is never the one to go.
  Only when every connection is busy with a request is the new one refused.

Each connection so closed is counted (`metrics.connection_closed`) and reported as a security
event, aggregated: at most one log line per reason a minute, with the count and the top source.
Idle kept-alive connections are closed by uvicorn's own `timeout_keep_alive` (serve.py)."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from typing import ClassVar

import uvicorn
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from mediation_desk.district.config import ServerConfig
from mediation_desk.district.security_report import SecurityReport

# Request line and headers together. A desk sends well under 2 KB (a bearer token and a few
# headers); nginx allows 8 KB per line, Node 16 KB in all. httptools itself has no limit at all.
MAX_HEADER_BYTES = 32 * 1024
# When a deadline passes while the server has stopped reading (flow control, a pipelined request
# waiting its turn, a client waiting for "100 Continue"), the client is not to blame: look again.
RECHECK_S = 1.0

HEADER_TIMEOUT, BODY_TIMEOUT, HEADER_TOO_LARGE = "header_timeout", "body_timeout", "header_too_large"
IP_CAP, SERVER_CAP = "ip_cap", "server_cap"

_HEADERS, _BODY, _DONE = "headers", "body", "done"  # where the parser is in the current request
_TOO_LARGE = b"HTTP/1.1 431 Request Header Fields Too Large\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"


class _Pool:
    """The open connections of one scope (the process, or one client address): how many, and
    which may give way, oldest first."""

    __slots__ = ("count", "idle", "waiting")

    def __init__(self) -> None:
        self.count = 0
        self.waiting: dict[GuardedHttp, None] = {}  # a request's headers not yet complete
        self.idle: dict[GuardedHttp, None] = {}  # kept alive between requests

    def oldest_evictable(self) -> GuardedHttp | None:
        for group in (self.waiting, self.idle):
            for conn in group:
                return conn
        return None


def address_key(host: str | None) -> str:
    """The scope of the per-address cap: the address, an IPv6 one by its /64 (one subscriber's
    network hands out as many addresses of it as it likes)."""
    if not host:
        return "local"
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return host
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, 64), strict=False))
    return host


class GuardedHttp(HttpToolsProtocol):
    """uvicorn's httptools protocol with deadlines and caps; made per config by `guard_protocol`."""

    header_timeout_s: ClassVar[float] = 10.0
    body_timeout_s: ClassVar[float] = 60.0
    max_connections: ClassVar[int] = 2000
    max_connections_per_ip: ClassVar[int] = 500
    max_header_bytes: ClassVar[int] = MAX_HEADER_BYTES
    # A request answered before its body arrived (401, 413, 429): uvicorn reads the rest only to
    # throw it away, which keeps the connection and lets the client, done sending, read the
    # answer (closing on unread data resets the connection, and a Windows client may then lose
    # the answer). Worth it for a body the server would accept; one declared larger (a 32 MB
    # post, answered 413) is not read: the connection closes after the answer.
    discard_bytes: ClassVar[int] = 8 * 1024 * 1024
    everyone: ClassVar[_Pool] = _Pool()
    by_address: ClassVar[dict[str, _Pool]] = {}
    report: ClassVar[SecurityReport] = SecurityReport({})

    _address = "local"
    _phase = _HEADERS
    _registered = False
    _timer: asyncio.TimerHandle | None = None
    _header_bytes = 0  # received while a request's headers are incomplete
    _exact_header_bytes = 0  # the current request's line and headers, as parsed
    _too_large = False
    _body_left: int | None = 0  # bytes of the body still to come; None: chunked, not known

    # -- the connection ----------------------------------------------------------------------
    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._address = address_key(self.client[0] if self.client else None)
        cls = type(self)
        mine = cls.by_address.get(self._address) or _Pool()
        if not self._make_room(mine, cls.max_connections_per_ip, IP_CAP):
            self._close(IP_CAP, refused=True)
            return
        if not self._make_room(cls.everyone, cls.max_connections, SERVER_CAP):
            self._close(SERVER_CAP, refused=True)
            return
        cls.by_address[self._address] = mine  # again: making room may have emptied and dropped it
        for pool in (cls.everyone, mine):
            pool.count += 1
            pool.waiting[self] = None
        self._registered = True
        self._arm(cls.header_timeout_s)

    def connection_lost(self, exc: Exception | None) -> None:
        super().connection_lost(exc)
        self._unregister()

    def data_received(self, data: bytes) -> None:
        if self._too_large:
            return  # being closed: nothing more of it is parsed
        # Bytes are counted until a request's headers are complete (after one request, what comes
        # is the next one's): the parser keeps an unfinished header whole, so headers that never
        # end must be stopped here. The parser's own steps count each request exactly.
        counting = self._phase != _BODY and self._registered
        if counting:
            self._header_bytes += len(data)
        super().data_received(data)
        if self._too_large or (counting and self._phase != _BODY and self._header_bytes > self.max_header_bytes):
            self._too_large = True
            self.transport.write(_TOO_LARGE)
            self._close(HEADER_TOO_LARGE)

    # -- the parser's steps through a request --------------------------------------------------
    def on_message_begin(self) -> None:
        if self._too_large:
            return
        super().on_message_begin()
        self._exact_header_bytes = 0
        if self._registered and self._phase != _HEADERS:  # the next request on a kept-alive connection
            self._phase = _HEADERS
            for pool in self._pools():
                pool.idle.pop(self, None)
                pool.waiting[self] = None
            self._arm(type(self).header_timeout_s)

    def on_url(self, url: bytes) -> None:
        if not self._too_large:
            super().on_url(url)
            self._count_header(len(url))

    def on_header(self, name: bytes, value: bytes) -> None:
        if not self._too_large:
            super().on_header(name, value)
            self._count_header(len(name) + len(value) + 4)

    def _count_header(self, size: int) -> None:
        self._exact_header_bytes += size
        if self._exact_header_bytes > self.max_header_bytes:
            self._too_large = True  # no app for this request; data_received closes the connection

    def on_headers_complete(self) -> None:
        if self._too_large:
            return
        super().on_headers_complete()
        self._phase, self._header_bytes = _BODY, 0
        self._body_left = None
        for name, value in self.headers:
            if name == b"content-length" and value.isdigit():  # llhttp has checked it
                self._body_left = int(value)
        if self._registered:
            for pool in self._pools():
                pool.waiting.pop(self, None)
            self._arm(type(self).body_timeout_s)

    def on_message_complete(self) -> None:
        if self._too_large:
            return
        super().on_message_complete()
        self._phase = _DONE
        self._disarm()
        self._idle_if_done()

    def on_body(self, body: bytes) -> None:
        if self._too_large:
            return
        super().on_body(body)
        if self._body_left is not None:
            self._body_left -= len(body)

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if self._phase == _BODY and self._body_left is not None and self._body_left > type(self).discard_bytes:
            self.transport.close()  # after the answer is written: what is left is not worth reading
            return
        self._idle_if_done()

    def _idle_if_done(self) -> None:
        """Request read and answered, nothing pipelined behind it: it may give way to a newcomer."""
        if (
            self._registered
            and self._phase == _DONE
            and self.cycle is not None
            and self.cycle.response_complete
            and not self.pipeline
            and not self.transport.is_closing()
        ):
            for pool in self._pools():
                pool.idle[self] = None

    # -- deadlines -----------------------------------------------------------------------------
    def _arm(self, seconds: float) -> None:
        self._disarm()
        self._timer = self.loop.call_later(seconds, self._expire)

    def _disarm(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _expire(self) -> None:
        self._timer = None
        if not self._registered or self.transport.is_closing():
            return
        waiting_on_server = (self.flow is not None and self.flow.read_paused) or (
            self._phase == _BODY and self.cycle is not None and self.cycle.waiting_for_100_continue
        )
        if waiting_on_server:
            self._timer = self.loop.call_later(RECHECK_S, self._expire)
            return
        self._close(HEADER_TIMEOUT if self._phase == _HEADERS else BODY_TIMEOUT)

    # -- caps ------------------------------------------------------------------------------------
    def _make_room(self, pool: _Pool, cap: int, reason: str) -> bool:
        while pool.count >= cap:
            victim = pool.oldest_evictable()
            if victim is None:
                return False
            victim._close(reason)
        return True

    def _pools(self) -> tuple[_Pool, ...]:
        cls = type(self)
        mine = cls.by_address.get(self._address)
        return (cls.everyone, mine) if mine is not None else (cls.everyone,)

    def _unregister(self) -> None:
        self._disarm()
        if not self._registered:
            return
        self._registered = False
        for pool in self._pools():
            pool.count -= 1
            pool.waiting.pop(self, None)
            pool.idle.pop(self, None)
        mine = type(self).by_address.get(self._address)
        if mine is not None and mine.count <= 0:
            del type(self).by_address[self._address]

    def _close(self, reason: str, refused: bool = False) -> None:
        """Close for `reason` and report it. Unregistered first, so a cap has room at once."""
        self._unregister()
        self.transport.close()
        type(self).report.record(reason, self._address, refused, self.loop)


def guard_protocol(config: ServerConfig) -> type[GuardedHttp]:
    """A protocol class for `uvicorn.Config(http=…)` bounded by `config`, with its own counts."""
    describe = {
        HEADER_TIMEOUT: f"request headers not complete within {config.header_timeout_s:g} s",
        BODY_TIMEOUT: f"request body not complete within {config.body_timeout_s:g} s",
        HEADER_TOO_LARGE: f"request headers over {MAX_HEADER_BYTES} bytes",
        IP_CAP: f"over {config.max_connections_per_ip} connections from one address",
        SERVER_CAP: f"over {config.max_connections} connections in all",
    }
    attrs = {
        "header_timeout_s": config.header_timeout_s,
        "body_timeout_s": config.body_timeout_s,
        "max_connections": config.max_connections,
        "max_connections_per_ip": config.max_connections_per_ip,
        "discard_bytes": config.max_push_bytes,
        "everyone": _Pool(),
        "by_address": {},
        "report": SecurityReport(describe),
    }
    return type("GuardedHttp", (GuardedHttp,), attrs)


class GuardedServer(uvicorn.Server):
    """uvicorn's server, reporting the guard's last counts once it has stopped (uvicorn raises a
    stopping signal again after it returns: nothing after `run` would get to)."""

    def __init__(self, config: uvicorn.Config, protocol: type[GuardedHttp]) -> None:
        super().__init__(config)
        self.protocol = protocol

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        # An alarm stream never ends by itself: ended first, or uvicorn waits its whole grace for it.
        fanout = getattr(getattr(self.config.app, "state", None), "fanout", None)
        if fanout is not None:
            fanout.close_streams()
        await super().shutdown(sockets)
        # Off the event loop, and awaited: a report's sink may write to the database, and must be
        # done before uvicorn ends the process.
        await asyncio.get_running_loop().run_in_executor(None, self.protocol.report.flush)
