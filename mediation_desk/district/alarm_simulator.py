"""Simulated bracelets: real TCP connections to the gateway speaking the "watch" protocol.

For trying a district server by hand (`mediation-desk-district simulate`), for tests and for the
benchmark (as a library, on asyncio):

    sim = Simulator("127.0.0.1", port, heartbeat_every_s=60)
    await sim.connect(["8600000001", "8600000002"])
    answered_after_s = await sim.alarm("8600000001", status=0x10000)
    await sim.close()

Each bracelet sends `LK` heartbeats at its own phase of the interval (a thousand bracelets do not
beat in step), and an `AL` on demand, sent again as a real bracelet does until the server answers."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import random
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from mediation_desk.district import watch_protocol as wp

VENDOR = "3G"
FIRST_DEVICE = 8600000001
SOS_STATUS = 0x00010000


@dataclass
class SimStats:
    heartbeats_sent: int = 0
    heartbeats_answered: int = 0
    alarms_sent: int = 0
    alarms_answered: int = 0
    disconnects: int = 0
    bad_frames: int = 0


@dataclass
class _Bracelet:
    device_id: str
    reader: asyncio.StreamReader
    writer: asyncio.StreamWriter
    decoder: wp.FrameDecoder = field(default_factory=wp.FrameDecoder)
    waiting: list[asyncio.Future[float]] = field(default_factory=list)  # alarms not yet answered
    tasks: list[asyncio.Task[None]] = field(default_factory=list)
    index: int = 0

    def next_index(self) -> str:
        self.index = (self.index + 1) % 0x10000
        return f"{self.index:04X}"


def device_ids(count: int, first: int = FIRST_DEVICE) -> list[str]:
    """`count` ten-digit device numbers, as bracelets have."""
    return [str(first + i) for i in range(count)]


class Simulator:
    def __init__(
        self,
        host: str,
        port: int,
        *,
        vendor: str = VENDOR,
        heartbeat_every_s: float | None = 60.0,
        battery: int = 80,
        indexed: bool = False,
    ) -> None:
        self.host, self.port = host, port
        self.vendor = vendor
        self.heartbeat_every_s = heartbeat_every_s  # None: no heartbeats
        self.battery = battery
        self.indexed = indexed
        self.stats = SimStats()
        self._bracelets: dict[str, _Bracelet] = {}

    @property
    def connected(self) -> int:
        return len(self._bracelets)

    async def connect(self, ids: Sequence[str], *, at_once: int = 200) -> None:
        """Open one connection per device (`at_once` connecting at a time), each beating."""
        gate = asyncio.Semaphore(at_once)

        async def one(device_id: str) -> None:
            async with gate:
                await self._open(device_id)

        await asyncio.gather(*(one(d) for d in ids if d not in self._bracelets))

    async def _open(self, device_id: str) -> None:
        reader, writer = await asyncio.open_connection(self.host, self.port)
        b = _Bracelet(device_id, reader, writer)
        self._bracelets[device_id] = b
        b.tasks.append(asyncio.create_task(self._read(b)))
        self._send(b, wp.heartbeat(self.vendor, device_id, self.battery, self._index(b)))  # as a bracelet does
        self.stats.heartbeats_sent += 1
        if self.heartbeat_every_s:
            b.tasks.append(asyncio.create_task(self._beat(b, self.heartbeat_every_s)))

    def _index(self, b: _Bracelet) -> str | None:
        return b.next_index() if self.indexed else None

    def _send(self, b: _Bracelet, frame: bytes) -> None:
        if not b.writer.is_closing():
            b.writer.write(frame)

    async def _beat(self, b: _Bracelet, every_s: float) -> None:
        await asyncio.sleep(random.uniform(0, every_s))
        while not b.writer.is_closing():
            self._send(b, wp.heartbeat(self.vendor, b.device_id, self.battery, self._index(b)))
            self.stats.heartbeats_sent += 1
            await asyncio.sleep(every_s)

    async def _read(self, b: _Bracelet) -> None:
        try:
            while data := await b.reader.read(4096):
                for item in b.decoder.feed(data):
                    if isinstance(item, wp.FrameError):
                        self.stats.bad_frames += 1
                    elif item.content == "LK":
                        self.stats.heartbeats_answered += 1
                    elif item.content == "AL":
                        self._answered(b)
        except (ConnectionError, OSError):
            pass
        finally:
            self.stats.disconnects += 1
            for waiting in b.waiting:
                if not waiting.done():
                    waiting.set_exception(ConnectionError(f"bracelet {b.device_id} disconnected"))
            if self._bracelets.get(b.device_id) is b:
                del self._bracelets[b.device_id]
            b.writer.close()

    def _answered(self, b: _Bracelet) -> None:
        self.stats.alarms_answered += 1
        while b.waiting:
            waiting = b.waiting.pop(0)
            if not waiting.done():
                waiting.set_result(time.monotonic())
                return

    async def alarm(
        self,
        device_id: str,
        *,
        status: int = SOS_STATUS,
        fix: tuple[float, float] | None = None,
        at: dt.datetime | None = None,
        timeout: float = 30.0,
        repeat_after_s: float = 5.0,
    ) -> float:
        """Send an `AL` (again every `repeat_after_s` until answered); the seconds until the answer.
        `at` None: no device time (as a bracelet without a clock fix sends)."""
        b = self._bracelets.get(device_id)
        if b is None:
            await self._open(device_id)
            b = self._bracelets[device_id]
        answered: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        b.waiting.append(answered)
        started = time.monotonic()
        deadline = started + timeout
        while True:
            frame = wp.report("AL", self.vendor, device_id, at=at, fix=fix, status=status, index=self._index(b))
            self._send(b, frame)
            self.stats.alarms_sent += 1
            wait = min(repeat_after_s, deadline - time.monotonic())
            if wait <= 0:
                raise TimeoutError(f"no answer to the alarm of {device_id} in {timeout:g} s")
            try:
                return await asyncio.wait_for(asyncio.shield(answered), wait) - started
            except TimeoutError:
                continue

    async def send_raw(self, device_id: str, data: bytes) -> None:
        """Bytes as they are, on the device's connection (for tests of bad input)."""
        b = self._bracelets[device_id]
        self._send(b, data)
        await b.writer.drain()

    async def close(self) -> None:
        bracelets = list(self._bracelets.values())
        for b in bracelets:
            for task in b.tasks:
                task.cancel()
            b.writer.close()
        await asyncio.gather(*(t for b in bracelets for t in b.tasks), return_exceptions=True)
        self._bracelets.clear()


# -- `mediation-desk-district simulate` -----------------------------------------------------------


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sim = sub.add_parser("simulate", help="模拟手环连接手环接入端口（测试用）")
    sim.add_argument("--gateway", required=True, help="手环接入地址 HOST:PORT")
    sim.add_argument("--devices", type=int, default=1, help="模拟多少个手环（各用一个连接）")
    sim.add_argument("--first-device", type=int, default=FIRST_DEVICE, help="第一个手环的设备号（其余依次加一）")
    sim.add_argument("--vendor", default=VENDOR, help="厂商代码")
    sim.add_argument("--heartbeat-every", type=float, default=60.0, help="每个手环每隔几秒发一次心跳（LK）")
    sim.add_argument("--alarm", nargs="*", default=[], metavar="DEVICE_ID", help="这些手环在连上后报警（AL）")
    sim.add_argument("--status", default=f"{SOS_STATUS:08X}", help="报警状态字（十六进制；默认一键呼救）")
    sim.add_argument("--fix", help="报警位置 LAT,LON（默认无定位）")
    sim.add_argument("--duration", type=float, help="运行几秒后退出（默认：有报警时报警应答后退出，否则直到中断）")


def _address(text: str) -> tuple[str, int]:
    host, _, port = text.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(f"--gateway 须是 HOST:PORT（收到 {text}）")
    return host.strip("[]"), int(port)


def _args(args: argparse.Namespace) -> tuple[tuple[str, int], int, tuple[float, float] | None]:
    address = _address(args.gateway)
    if not 0 <= args.devices <= 100_000:
        raise ValueError(f"--devices 须是 0 到 100000 的整数（收到 {args.devices}）")
    if not args.heartbeat_every > 0:
        raise ValueError(f"--heartbeat-every 须是大于 0 的秒数（收到 {args.heartbeat_every}）")
    try:
        status = int(args.status, 16)
    except ValueError:
        status = -1
    if not 0 <= status <= 0xFFFFFFFF:
        raise ValueError(f"--status 须是 8 位以内的十六进制数（收到 {args.status}）")
    for device in args.alarm:
        if not wp.valid_device_id(device):
            raise ValueError(f"--alarm 的设备号须是 1 到 32 个字母或数字（收到 {device}）")
    fix = None
    if args.fix:
        try:
            lat, lon = (float(v) for v in args.fix.split(","))
        except ValueError:
            raise ValueError(f"--fix 须是 纬度,经度（收到 {args.fix}）") from None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise ValueError(f"--fix 超出范围（收到 {args.fix}）")
        fix = (lat, lon)
    return address, status, fix


async def _simulate(args: argparse.Namespace) -> int:
    (host, port), status, fix = _args(args)
    sim = Simulator(host, port, vendor=args.vendor, heartbeat_every_s=args.heartbeat_every)
    ids = device_ids(args.devices, args.first_device)
    try:
        await sim.connect(ids)
        print(f"{sim.connected} 个手环已连接 {host}:{port}", flush=True)
        for device in args.alarm:
            after = await sim.alarm(device, status=status, fix=fix, at=dt.datetime.now(dt.UTC))
            print(f"手环 {device} 报警，{after * 1000:.0f} 毫秒后收到应答", flush=True)
        if args.duration is not None:
            await asyncio.sleep(args.duration)
        elif not args.alarm:
            await asyncio.Event().wait()  # until interrupted
        s = sim.stats
        print(f"心跳 {s.heartbeats_sent} 次（应答 {s.heartbeats_answered}），", end="")
        print(f"报警 {s.alarms_sent} 次（应答 {s.alarms_answered}）")
    finally:
        await sim.close()
    return 0


def run(args: argparse.Namespace) -> int:
    try:
        return asyncio.run(_simulate(args))
    except KeyboardInterrupt:
        return 0
    except (ConnectionError, OSError, TimeoutError) as exc:
        print(f"错误：连接手环接入端口失败：{type(exc).__name__} {exc}", file=sys.stderr)
        return 2
