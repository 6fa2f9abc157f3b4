"""The bracelets' gateway: a TCP server speaking the "watch" protocol (watch_protocol.py).

It runs on the HTTP server's event loop (started from the app's lifespan when `serve` is given
`--gateway-port`) and hands what the bracelets say to the alarm intake: heartbeats and positions,
and alarms. A bracelet repeats an `AL` until it is answered, so the answer goes out only once the
alarm is recorded: a database that is down costs a repeat, never an alarm.

Nothing a bracelet sends can hurt another bracelet's connection: a bad frame is logged (at most
SAMPLE_CHARS of it) and dropped, a connection that floods is closed, a silent one times out, and
one address cannot hold more than its share of the connections."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
from collections import Counter as Tally
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from prometheus_client import Counter, Gauge

from mediation_desk.alarms import rules
from mediation_desk.district import watch_protocol as wp
from mediation_desk.district.alarm_intake import DeviceAlarm, Fix
from mediation_desk.district.config import ServerConfig
from mediation_desk.district.metrics import REGISTRY

log = logging.getLogger(__name__)
READ_BYTES = 4096
BURST_SECONDS = 5  # the frame allowance can be saved up for this long
LOGGED_ERRORS_PER_CONNECTION = 5  # then only counted: a broken bracelet must not fill the log
WRITE_TIMEOUT_S = 10.0

FRAMES = Counter("district_gateway_frames", "Frames the bracelets' gateway read, by kind", ["kind"], registry=REGISTRY)
CLOSED = Counter(
    "district_gateway_closed",
    "Bracelet connections the gateway closed or refused, by reason",
    ["reason"],
    registry=REGISTRY,
)
OPEN = Gauge("district_gateway_connections", "Bracelet connections open now", registry=REGISTRY)


class Intake(Protocol):
    """What the gateway hands on (district/alarm_intake.py's AlarmIntake)."""

    async def heartbeat(self, device_id: str, vendor: str, battery: int | None) -> None: ...

    async def position(self, device_id: str, vendor: str, fix: Fix | None) -> None: ...

    async def alarm(self, event: DeviceAlarm) -> str: ...


@dataclass
class GatewayStats:
    """What this gateway has seen since it started (also in /metrics)."""

    frames: Tally[str] = field(default_factory=Tally)
    closed: Tally[str] = field(default_factory=Tally)
    alarms_recorded: int = 0
    alarms_failed: int = 0


class _Allowance:
    """Frames a connection may still send: `rate` a second, saved up to BURST_SECONDS' worth."""

    def __init__(self, rate: int) -> None:
        self.rate = float(rate)
        self.capacity = float(rate * BURST_SECONDS)
        self.left = self.capacity
        self.at = time.monotonic()

    def take(self) -> bool:
        now = time.monotonic()
        self.left = min(self.capacity, self.left + (now - self.at) * self.rate)
        self.at = now
        if self.left < 1.0:
            return False
        self.left -= 1.0
        return True


class _Closed(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class AlarmGateway:
    def __init__(
        self,
        intake: Intake,
        config: ServerConfig,
        *,
        now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
    ) -> None:
        self.intake = intake
        self.config = config
        self.now = now  # the receipt moment (tests may set it)
        self.stats = GatewayStats()
        self._server: asyncio.Server | None = None
        self._per_ip: Tally[str] = Tally()
        self._tasks: set[asyncio.Task[object]] = set()
        self.port: int | None = None

    @property
    def connections(self) -> int:
        return len(self._tasks)

    async def start(self, host: str | None = None, port: int | None = None) -> int:
        """Listen; returns the port taken (with port 0 the system picks one)."""
        host = host or self.config.gateway_host
        port = self.config.gateway_port if port is None else port
        self._server = await asyncio.start_server(self._accept, host, port or 0, backlog=1024, reuse_address=True)
        self.port = int(self._server.sockets[0].getsockname()[1])
        shown = f"[{host}]" if ":" in host else host
        log.info("gateway listening on %s:%d", shown, self.port)
        return self.port

    async def stop(self) -> None:
        """Stop listening and close every connection (an unanswered `AL` is sent again elsewhere)."""
        server, self._server = self._server, None
        if server is not None:
            server.close()
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        if server is not None:  # after the connections: from Python 3.12 on it waits for them
            await server.wait_closed()

    # -- one connection -------------------------------------------------------------------------
    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        peer = writer.get_extra_info("peername")
        ip = str(peer[0]) if isinstance(peer, tuple) and peer else "?"
        refused = self._refusal(ip)
        if refused:
            self._count_closed(refused)
            if self.stats.closed[refused] in (1, 10, 100) or self.stats.closed[refused] % 1000 == 0:
                log.warning(
                    "gateway refused a connection from %s: %s (%d so far)", ip, refused, self.stats.closed[refused]
                )
            writer.transport.abort()
            return
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        self._per_ip[ip] += 1
        OPEN.inc()
        reason = "closed_by_device"
        try:
            await self._session(reader, writer, ip)
        except _Closed as closed:
            reason = closed.reason
        except (ConnectionError, OSError):
            reason = "connection_lost"
        except asyncio.CancelledError:
            # The connection's own task, cancelled by stop(): ending it quietly is all there is to do
            # (re-raised, asyncio's stream callback on Python 3.11 logs it as an error).
            reason = "server_stopping"
        finally:
            self._tasks.discard(task)
            self._per_ip[ip] -= 1
            if self._per_ip[ip] <= 0:
                del self._per_ip[ip]
            OPEN.dec()
            self._count_closed(reason)
            writer.transport.abort()  # nothing left to send that matters; never wait on a peer

    def _refusal(self, ip: str) -> str | None:
        if len(self._tasks) >= self.config.gateway_max_connections:
            return "too_many_connections"
        if self._per_ip[ip] >= self.config.gateway_max_connections_per_ip:
            return "too_many_from_address"
        return None

    async def _session(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, ip: str) -> None:
        decoder = wp.FrameDecoder(self.config.gateway_max_frame_bytes)
        allowance = _Allowance(self.config.gateway_frames_per_second)
        errors = 0
        while True:
            try:
                data = await asyncio.wait_for(reader.read(READ_BYTES), self.config.gateway_idle_timeout_s)
            except TimeoutError:
                raise _Closed("idle") from None
            if not data:
                return
            for item in decoder.feed(data):
                if not allowance.take():
                    log.warning("gateway closed a flooding connection from %s", ip)
                    raise _Closed("flood")
                if isinstance(item, wp.FrameError):
                    errors += 1
                    self._count_frame("bad")
                    if errors <= LOGGED_ERRORS_PER_CONNECTION:
                        log.warning("gateway dropped a bad frame from %s: %s: %s", ip, item.reason, item.sample)
                    continue
                answer = await self._handle(item)
                if answer:
                    writer.write(answer)
            if writer.transport.get_write_buffer_size():
                try:
                    await asyncio.wait_for(writer.drain(), WRITE_TIMEOUT_S)
                except TimeoutError:
                    raise _Closed("not_reading") from None

    async def _handle(self, frame: wp.Frame) -> bytes | None:
        message = wp.parse_message(frame)
        try:
            if isinstance(message, wp.Heartbeat):
                self._count_frame("heartbeat")
                await self.intake.heartbeat(frame.device_id, frame.vendor, message.battery)
                return wp.reply(frame, "LK")
            if isinstance(message, wp.Alarm):
                self._count_frame("alarm")
                return await self._alarm(frame, message)
            if isinstance(message, wp.Position):
                self._count_frame("position")
                await self.intake.position(frame.device_id, frame.vendor, _fix(message))
                if message.battery is not None:
                    await self.intake.heartbeat(frame.device_id, frame.vendor, message.battery)
                return None
        except Exception as exc:  # noqa: BLE001 - the intake's trouble (its database) must not end the gateway
            log.error("gateway could not hand on a %s frame: %s", frame.kind[:8], type(exc).__name__)
            return None
        self._count_frame("other")
        return None

    async def _alarm(self, frame: wp.Frame, message: wp.Alarm) -> bytes | None:
        received = self.now()
        event = DeviceAlarm(
            device_id=frame.device_id,
            vendor=frame.vendor,
            kinds=rules.kinds_of_status(message.status),
            raised_at=wp.raised_at(message.device_time, received),
            fix=_fix(message),
            battery=message.battery,
            source="watch",
        )
        try:
            alarm_id = await self.intake.alarm(event)
        except Exception:
            self.stats.alarms_failed += 1
            raise  # no answer: the bracelet sends the alarm again
        self.stats.alarms_recorded += 1
        log.info("alarm %s recorded from a bracelet (%s)", alarm_id, ",".join(event.kinds))
        return wp.reply(frame, "AL")

    def _count_frame(self, kind: str) -> None:
        self.stats.frames[kind] += 1
        FRAMES.labels(kind).inc()

    def _count_closed(self, reason: str) -> None:
        self.stats.closed[reason] += 1
        CLOSED.labels(reason).inc()


def _fix(report: wp.Report) -> Fix | None:
    if report.latitude is None or report.longitude is None:
        return None
    return Fix(report.latitude, report.longitude)


async def start_for(intake: Intake, config: ServerConfig) -> AlarmGateway | None:
    """The gateway `serve --gateway-port` asks for, listening; None when not asked for."""
    if config.gateway_port is None:
        return None
    gateway = AlarmGateway(intake, config)
    await gateway.start()
    return gateway
