"""The bracelets' gateway on 127.0.0.1: what it answers and when, what it hands to the intake, and
what it does with bad input, floods, silent and surplus connections (each harming nobody else).

The first tests run the gateway in this process with an intake that records what it is handed;
the last ones run a real district server (`serve --gateway-port 0`) and its real intake."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import logging
import time
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from district_helpers import Desk, enroll, new_id, setup_district, statuses
from district_server import DistrictServer, free_port

from mediation_desk.alarms import rules
from mediation_desk.core import sync_contract as contract
from mediation_desk.district import cli, serve
from mediation_desk.district import watch_protocol as wp
from mediation_desk.district.alarm_gateway import AlarmGateway
from mediation_desk.district.alarm_intake import DeviceAlarm, Fix
from mediation_desk.district.alarm_simulator import Simulator
from mediation_desk.district.config import DEFAULT, ServerConfig
from mediation_desk.district.db import Database
from mediation_desk.district.errors import AdminError

WAIT_S = 20.0  # how long a test waits for something to arrive before it fails
LK = b"[3G*8600000001*0002*LK]"
NOW = dt.datetime(2026, 3, 5, 8, 30, tzinfo=dt.UTC)


class RecordingIntake:
    """Keeps what the gateway hands on; can be told to fail."""

    def __init__(self) -> None:
        self.heartbeats: list[tuple[str, str, int | None]] = []
        self.positions: list[tuple[str, Fix | None]] = []
        self.alarms: list[DeviceAlarm] = []
        self.order: list[str] = []
        self.failing_alarms = 0
        self.failing_heartbeats = 0

    async def heartbeat(self, device_id: str, vendor: str, battery: int | None) -> None:
        if self.failing_heartbeats:
            self.failing_heartbeats -= 1
            raise RuntimeError("database down")
        self.heartbeats.append((device_id, vendor, battery))

    async def position(self, device_id: str, vendor: str, fix: Fix | None) -> None:
        self.positions.append((device_id, fix))

    async def alarm(self, event: DeviceAlarm) -> str:
        if self.failing_alarms:
            self.failing_alarms -= 1
            raise RuntimeError("database down")
        self.alarms.append(event)
        self.order.append("recorded")
        return f"alarm-{len(self.alarms)}"


Body = Callable[[AlarmGateway, int], Awaitable[None]]


def run_gateway(intake: RecordingIntake, body: Body, **limits: float) -> AlarmGateway:
    config = dataclasses.replace(DEFAULT, **limits)  # type: ignore[arg-type]

    async def main() -> AlarmGateway:
        gateway = AlarmGateway(intake, config, now=lambda: NOW)
        port = await gateway.start("127.0.0.1", 0)
        try:
            await asyncio.wait_for(body(gateway, port), 60)
        finally:
            await gateway.stop()
        return gateway

    return asyncio.run(main())


class Bracelet:
    """A raw connection: bytes out, frames back."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer
        self.decoder = wp.FrameDecoder()
        self.got: list[wp.Frame] = []

    @classmethod
    async def connect(cls, port: int) -> Bracelet:
        return cls(*await asyncio.open_connection("127.0.0.1", port))

    async def send(self, data: bytes) -> None:
        self.writer.write(data)
        await self.writer.drain()

    async def answers(self, count: int) -> list[wp.Frame]:
        """Waits until `count` frames have come back in all; returns them."""
        async with asyncio.timeout(WAIT_S):
            while len(self.got) < count:
                data = await self.reader.read(4096)
                assert data, f"closed by the server after {self.got}"
                for item in self.decoder.feed(data):
                    assert isinstance(item, wp.Frame), item
                    self.got.append(item)
        return self.got[:count]

    async def closed_by_server(self) -> bool:
        """Waits for the server to close the connection (True), reading whatever comes before."""
        try:
            async with asyncio.timeout(WAIT_S):
                while await self.reader.read(65536):
                    pass
        except (ConnectionError, OSError):
            pass
        return True

    def close(self) -> None:
        self.writer.close()


@pytest.fixture
def gateway_log() -> Iterator[list[logging.LogRecord]]:
    """The gateway's log records (its own handler: the district's logger may not propagate)."""
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    logger = logging.getLogger("mediation_desk.district.alarm_gateway")
    handler, level = Keep(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        yield records
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


# -- answers -------------------------------------------------------------------------------------


def test_a_heartbeat_is_answered_and_handed_on() -> None:
    intake = RecordingIntake()

    async def body(_gw: AlarmGateway, port: int) -> None:
        b = await Bracelet.connect(port)
        await b.send(b"[3G*8600000001*0009*LK,0,0,64]")
        assert await b.answers(1) == [wp.Frame("3G", "8600000001", None, "LK")]
        b.close()

    run_gateway(intake, body)
    assert intake.heartbeats == [("8600000001", "3G", 64)]


def test_an_all_zero_alarm_without_a_fix_is_recorded_then_answered() -> None:
    intake = RecordingIntake()
    zero = wp.report("AL", "SG", "8600000002", status=0, battery=0, index="0003")

    async def body(_gw: AlarmGateway, port: int) -> None:
        b = await Bracelet.connect(port)
        await b.send(zero)
        (answer,) = await b.answers(1)
        intake.order.append("answered")
        assert wp.encode(answer.vendor, answer.device_id, answer.content, answer.index) == (
            b"[SG*8600000002*0003*0002*AL]"
        )
        b.close()

    run_gateway(intake, body)
    assert intake.order == ["recorded", "answered"]
    (event,) = intake.alarms
    assert event.kinds == (rules.ALARM_OTHER,)
    assert event.fix is None and event.source == "watch" and event.alarm_id is None
    assert event.raised_at == NOW  # no device time: the moment of receipt
    assert (event.device_id, event.vendor) == ("8600000002", "SG")


def test_an_sos_alarm_carries_its_fix_kinds_and_the_device_moment() -> None:
    intake = RecordingIntake()
    raised = NOW - dt.timedelta(seconds=40)

    async def body(_gw: AlarmGateway, port: int) -> None:
        b = await Bracelet.connect(port)
        await b.send(wp.report("AL", "3G", "1", at=raised, fix=(30.01, 120.87), battery=12, status=0x00610001))
        await b.answers(1)
        b.close()

    run_gateway(intake, body)
    (event,) = intake.alarms
    assert set(event.kinds) == {rules.SOS, rules.FALL, rules.LOW_BATTERY}
    assert event.kinds[0] == rules.SOS
    assert event.fix == Fix(30.01, 120.87) and event.battery == 12 and event.raised_at == raised


def test_an_alarm_not_recorded_is_not_answered_and_its_repeat_is() -> None:
    intake = RecordingIntake()
    intake.failing_alarms = 1

    async def body(gw: AlarmGateway, port: int) -> None:
        sim = Simulator("127.0.0.1", port, heartbeat_every_s=None)
        try:
            await sim.alarm("8600000003", status=0x10000, repeat_after_s=0.2, timeout=WAIT_S)
        finally:
            await sim.close()
        assert sim.stats.alarms_sent >= 2 and sim.stats.alarms_answered == 1
        assert gw.stats.alarms_failed == 1 and gw.stats.alarms_recorded == 1

    run_gateway(intake, body)
    assert len(intake.alarms) == 1


def test_positions_are_handed_on_with_or_without_a_fix_and_not_answered() -> None:
    intake = RecordingIntake()

    async def body(_gw: AlarmGateway, port: int) -> None:
        b = await Bracelet.connect(port)
        await b.send(wp.report("UD", "3G", "7", at=NOW, fix=(30.0, 120.0), battery=50))
        await b.send(wp.report("UD2", "3G", "7"))
        await b.send(LK)  # answered: the positions before it were read
        assert [f.content for f in await b.answers(1)] == ["LK"]
        b.close()

    run_gateway(intake, body)
    assert intake.positions == [("7", Fix(30.0, 120.0)), ("7", None)]
    assert ("7", "3G", 50) in intake.heartbeats


def test_frames_split_across_packets_and_several_in_one() -> None:
    intake = RecordingIntake()

    async def body(_gw: AlarmGateway, port: int) -> None:
        b = await Bracelet.connect(port)
        alarm = wp.report("AL", "3G", "8600000001", status=0x10000, index="0001")
        for byte in alarm:
            await b.send(bytes([byte]))
        await b.send(LK + LK + LK[:5])
        await b.send(LK[5:])
        got = await b.answers(4)
        assert [(f.content, f.index) for f in got] == [("AL", "0001"), ("LK", None), ("LK", None), ("LK", None)]
        b.close()

    run_gateway(intake, body)
    assert len(intake.alarms) == 1 and len(intake.heartbeats) == 3


def test_what_is_not_known_is_ignored() -> None:
    intake = RecordingIntake()

    async def body(_gw: AlarmGateway, port: int) -> None:
        b = await Bracelet.connect(port)
        await b.send(wp.encode("3G", "1", "TKQ") + wp.encode("3G", "1", "PULSE,72") + LK)
        assert [f.content for f in await b.answers(1)] == ["LK"]
        b.close()

    gateway = run_gateway(intake, body)
    assert gateway.stats.frames["other"] == 2


def test_an_intake_failure_on_a_heartbeat_keeps_the_connection() -> None:
    intake = RecordingIntake()
    intake.failing_heartbeats = 1

    async def body(_gw: AlarmGateway, port: int) -> None:
        b = await Bracelet.connect(port)
        await b.send(LK)  # not answered: not handed on
        await b.send(LK)
        assert [f.content for f in await b.answers(1)] == ["LK"]
        b.close()

    run_gateway(intake, body)
    assert len(intake.heartbeats) == 1


# -- bad input -------------------------------------------------------------------------------------


def test_bad_input_is_logged_short_and_dropped_and_the_connection_goes_on(
    gateway_log: list[logging.LogRecord],
) -> None:
    intake = RecordingIntake()
    secret = b"Q" * 5000

    async def body(_gw: AlarmGateway, port: int) -> None:
        b = await Bracelet.connect(port)
        other = await Bracelet.connect(port)
        await b.send(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        await b.send(b"[3G*1*0009*LK]" + b"[3G*1*ZZZZ*LK]" + b"[3G*1*0002*L}\x07]" + b"\xff\x00" + secret)
        await b.send(b"[3G*1*0400*" + secret + b"]")  # oversize, then a good frame
        await b.send(LK)
        await other.send(LK)
        assert [f.content for f in await b.answers(1)] == ["LK"]
        assert [f.content for f in await other.answers(1)] == ["LK"]
        b.close()
        other.close()

    gateway = run_gateway(intake, body, gateway_max_frame_bytes=256)
    assert gateway.stats.frames["bad"] >= 5 and len(intake.heartbeats) == 2
    warnings = [r.getMessage() for r in gateway_log if r.levelno == logging.WARNING]
    assert warnings and len(warnings) <= 5  # the rest of one connection's bad frames only counted
    assert not any("Q" * (wp.SAMPLE_CHARS + 1) in w for w in warnings)
    assert not any("\xff" in w or "\x00" in w for w in warnings)


def test_a_flooding_connection_is_closed_and_the_others_go_on() -> None:
    intake = RecordingIntake()

    async def body(gw: AlarmGateway, port: int) -> None:
        calm = await Bracelet.connect(port)
        flood = await Bracelet.connect(port)
        await flood.send(LK * 200)
        assert await flood.closed_by_server()
        await calm.send(LK)
        assert [f.content for f in await calm.answers(1)] == ["LK"]
        assert gw.stats.closed["flood"] == 1
        calm.close()

    run_gateway(intake, body, gateway_frames_per_second=2)
    assert len(intake.heartbeats) <= 2 * 5 + 1  # the flood's allowance (BURST_SECONDS) and calm's one


def test_a_garbage_flood_is_a_flood_too() -> None:
    async def body(gw: AlarmGateway, port: int) -> None:
        b = await Bracelet.connect(port)
        for _ in range(50):
            await b.send(b"]]]garbage[3G*1*00")  # each packet: bad bytes, a cut frame
        assert await b.closed_by_server()
        assert gw.stats.closed["flood"] == 1

    run_gateway(RecordingIntake(), body, gateway_frames_per_second=2)


def test_a_silent_connection_is_closed() -> None:
    async def body(gw: AlarmGateway, port: int) -> None:
        b = await Bracelet.connect(port)
        await b.send(LK[:6])  # half a frame, then nothing
        assert await b.closed_by_server()
        assert gw.stats.closed["idle"] == 1

    run_gateway(RecordingIntake(), body, gateway_idle_timeout_s=0.3)


def test_one_address_cannot_hold_more_than_its_share() -> None:
    intake = RecordingIntake()

    async def body(gw: AlarmGateway, port: int) -> None:
        first, second = await Bracelet.connect(port), await Bracelet.connect(port)
        for b in (first, second):  # both accepted and served
            await b.send(LK)
            await b.answers(1)
        third = await Bracelet.connect(port)
        assert await third.closed_by_server()
        assert gw.stats.closed["too_many_from_address"] == 1
        await first.send(LK)
        assert len(await first.answers(2)) == 2  # the first ones unharmed
        first.close()
        async with asyncio.timeout(WAIT_S):  # its place is free once its close is seen
            while gw.connections > 1:
                await asyncio.sleep(0.02)
        fourth = await Bracelet.connect(port)
        await fourth.send(LK)
        assert await fourth.answers(1)
        second.close()
        fourth.close()

    run_gateway(intake, body, gateway_max_connections_per_ip=2)


def test_stopping_closes_every_connection() -> None:
    async def main() -> None:
        gateway = AlarmGateway(RecordingIntake(), DEFAULT)
        port = await gateway.start("127.0.0.1", 0)
        bracelets = [await Bracelet.connect(port) for _ in range(5)]
        for b in bracelets:
            await b.send(LK)
            await b.answers(1)
        await gateway.stop()
        for b in bracelets:
            assert await b.closed_by_server()
        assert gateway.connections == 0
        with pytest.raises(OSError):
            await Bracelet.connect(port)

    asyncio.run(main())


def test_no_port_no_gateway() -> None:
    from mediation_desk.district.alarm_gateway import start_for

    assert asyncio.run(start_for(RecordingIntake(), ServerConfig())) is None


def test_many_simulated_bracelets_at_once() -> None:
    intake = RecordingIntake()

    async def body(_gw: AlarmGateway, port: int) -> None:
        sim = Simulator("127.0.0.1", port, heartbeat_every_s=None, indexed=True)
        try:
            await sim.connect([str(8600000000 + i) for i in range(200)])
            async with asyncio.timeout(WAIT_S):
                while sim.stats.heartbeats_answered < 200:
                    await asyncio.sleep(0.02)
            waits = await asyncio.gather(*(sim.alarm(str(8600000000 + i)) for i in range(0, 200, 20)))
            assert len(waits) == 10
        finally:
            await sim.close()

    run_gateway(intake, body)
    assert len({a.device_id for a in intake.alarms}) == 10


# -- through a real district server -------------------------------------------------------------------


@pytest.fixture
def gateway_server(district_database_url: str, tmp_path: Path) -> Iterator[DistrictServer]:
    server = DistrictServer(
        district_database_url, log_path=tmp_path / "district-server.log", serve_options=["--gateway-port", "0"]
    )
    server.start()
    try:
        yield server
    finally:
        server.stop()


def wearer(desk: Desk, device_id: str) -> dict[str, Any]:
    payload = {
        "device_id": device_id,
        "name": "王阿婆",
        "address": "谢家塘村 12 号",
        "living_alone": True,
        "active": True,
        "location_consent": True,
        "enrolled_on": "2026-01-05",
    }
    return desk.op(rules.WEARER, new_id(), contract.CREATE, payload)


def raise_alarm(port: int, device_id: str, frame: bytes) -> None:
    async def main() -> None:
        b = await Bracelet.connect(port)
        await b.send(frame)
        (answer,) = await b.answers(1)
        assert answer.content == "AL" and answer.device_id == device_id
        b.close()

    asyncio.run(main())


def alarms_pulled(desk: Desk) -> list[dict[str, Any]]:
    deadline = time.monotonic() + WAIT_S
    while True:
        changes, _ = desk.pull_all()
        found = [c for c in changes if c["entity"] == rules.ALARM]
        if found or time.monotonic() > deadline:
            return found
        time.sleep(0.1)


def test_an_all_zero_alarm_without_a_fix_reaches_the_committee(gateway_server: DistrictServer) -> None:
    db = Database(gateway_server.database_url)
    try:
        setup_district(db)
    finally:
        db.dispose()
    desk = enroll(gateway_server, "XT-001")
    assert statuses(desk.push([wearer(desk, "8600000009")])) == [contract.APPLIED]
    assert gateway_server.gateway_port is not None
    zero = b"[3G*8600000009*0051*AL,000000,000000,V,0.000000,N,0.000000,E,0,0,0,0,0,0,0,0,00000000,0,0,0,0,0,0,0,0]"

    raise_alarm(gateway_server.gateway_port, "8600000009", zero)

    (change,) = alarms_pulled(desk)
    data = change["data"]
    assert change["committee_code"] == "XT-001"
    assert data["device_id"] == "8600000009" and data["kinds"] == [rules.ALARM_OTHER]
    assert data["status"] == rules.NEW and data["source"] == "watch"
    assert data["has_fix"] is False and data["latitude"] is None and data["longitude"] is None


def test_an_alarm_of_a_bracelet_nobody_wears_is_kept_and_answered(gateway_server: DistrictServer) -> None:
    assert gateway_server.gateway_port is not None
    frame = wp.report("AL", "SG", "8600000077", status=0x10000, index="0001")

    raise_alarm(gateway_server.gateway_port, "8600000077", frame)

    listed = gateway_server.admin("alarms", "unrouted")
    assert "8600000077" in listed


def test_garbage_at_the_server_harms_no_bracelet(gateway_server: DistrictServer) -> None:
    port = gateway_server.gateway_port
    assert port is not None

    async def main() -> None:
        calm = await Bracelet.connect(port)
        bad = await Bracelet.connect(port)
        await bad.send(b"\x16\x03\x01\x02\x00" + bytes(range(256)) * 20)  # a TLS hello and binary noise
        await bad.send(b"[3G*1*FFFF*" + b"A" * 5000)
        await calm.send(LK)
        assert [f.content for f in await calm.answers(1)] == ["LK"]
        bad.close()
        calm.close()

    asyncio.run(main())
    assert "Traceback" not in gateway_server.log_tail(100_000)
    assert gateway_server.running


# -- options and commands, bad input --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "refused"),
    [
        (["--gateway-port", "70000"], "端口"),
        (["--gateway-port", "x"], "端口"),
        (["--gateway-frames-per-second", "0"], "不小于 1"),
        (["--gateway-idle-timeout", "-1"], "大于 0"),
        (["--gateway-max-connections-per-ip", "0"], "不小于 1"),
    ],
)
def test_bad_gateway_options_are_refused(options: list[str], refused: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        cli._parser().parse_args(["serve", "--database-url", "sqlite://", *options])
    assert stopped.value.code == 2
    assert refused in capsys.readouterr().err


def test_the_gateway_options_make_the_config() -> None:
    args = cli._parser().parse_args(
        ["serve", "--host", "0.0.0.0", "--gateway-port", "0", "--gateway-frames-per-second", "7", "--database-url", "x"]
    )
    config = serve.config_from(args)
    assert (config.gateway_host, config.gateway_port, config.gateway_frames_per_second) == ("0.0.0.0", 0, 7)
    args = cli._parser().parse_args(["serve", "--gateway-max-frame-bytes", "10", "--database-url", "x"])
    with pytest.raises(AdminError, match="gateway-max-frame-bytes"):
        serve.config_from(args)
    assert serve.config_from(cli._parser().parse_args(["serve", "--database-url", "x"])).gateway_port is None


@pytest.mark.parametrize(
    ("args", "refused"),
    [
        (["--gateway", "nohost"], "HOST:PORT"),
        (["--gateway", "127.0.0.1:0"], "HOST:PORT"),
        (["--gateway", "127.0.0.1:1", "--status", "XYZ"], "--status"),
        (["--gateway", "127.0.0.1:1", "--devices", "-1"], "--devices"),
        (["--gateway", "127.0.0.1:1", "--alarm", "86 01"], "--alarm"),
        (["--gateway", "127.0.0.1:1", "--fix", "95,200"], "--fix"),
        (["--gateway", "127.0.0.1:1", "--heartbeat-every", "0"], "--heartbeat-every"),
    ],
)
def test_bad_simulate_arguments_are_refused(args: list[str], refused: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["simulate", *args]) == cli.EXIT_REFUSED
    assert refused in capsys.readouterr().err


def test_simulate_against_nothing_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["simulate", "--gateway", f"127.0.0.1:{free_port()}", "--devices", "1"]) == cli.EXIT_REFUSED
    assert "连接手环接入端口失败" in capsys.readouterr().err


def test_simulate_raises_an_alarm(capsys: pytest.CaptureFixture[str]) -> None:
    intake = RecordingIntake()

    async def body(_gw: AlarmGateway, port: int) -> None:
        args = ["simulate", "--gateway", f"127.0.0.1:{port}", "--devices", "3", "--alarm", "8600000002"]
        assert await asyncio.to_thread(cli.main, [*args, "--fix", "30.0,120.8", "--status", "200000"]) == 0

    run_gateway(intake, body)
    assert "3 个手环已连接" in capsys.readouterr().out
    (event,) = intake.alarms
    assert event.device_id == "8600000002" and event.kinds == (rules.FALL,) and event.fix == Fix(30.0, 120.8)
    assert {h[0] for h in intake.heartbeats} == {"8600000001", "8600000002", "8600000003"}
