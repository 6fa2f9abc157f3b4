"""Connections that never finish a request: the server closes them on its deadlines, keeps room
for honest desks under its caps, and reports what it closed in a few aggregated log lines.

A real server process with short deadlines (headers 1 s, body 2 s, 20 connections per address).
Raw sockets play the attacker: a partial request line, unfinished headers, a header dripped one
byte at a time, a body that stops. The guard does not touch the database, so SQLite is enough."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from district_helpers import enroll, setup_district
from district_server import ROOT, DistrictServer

from mediation_desk.core import sync_contract as contract
from mediation_desk.district.db import Database
from mediation_desk.district.guard import address_key

HEADER_S, BODY_S, PER_IP = 1, 2, 20
OPTIONS = ["--header-timeout", str(HEADER_S), "--body-timeout", str(BODY_S), "--max-connections-per-ip", str(PER_IP)]
# How long a raw socket waits for the server to act before the test fails: far past every
# deadline above, so a slow machine never fails a test that would pass.
PATIENCE_S = 30
SECURITY = re.compile(r"security event: closed (\d+) connection\(s\) for (\w+)")


def start(tmp_path: Path, *options: str) -> DistrictServer:
    url = f"sqlite:///{tmp_path / 'district.sqlite3'}"
    server = DistrictServer(url, log_path=tmp_path / "server.log", serve_options=[*OPTIONS, *options]).start()
    db = Database(url)  # the schema is the server's, made as it started
    try:
        setup_district(db)
    finally:
        db.dispose()
    return server


@pytest.fixture
def server(tmp_path: Path) -> Iterator[DistrictServer]:
    s = start(tmp_path)
    try:
        yield s
    finally:
        s.stop()


def connect(server: DistrictServer, sent: bytes = b"") -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", int(server.port or 0)), timeout=PATIENCE_S)
    if sent:
        sock.sendall(sent)
    return sock


def read_until_closed(sock: socket.socket) -> bytes:
    """Everything the server sends until it closes the connection (a timeout fails the test)."""
    got = b""
    try:
        while chunk := sock.recv(65536):
            got += chunk
    except ConnectionResetError:
        pass
    finally:
        sock.close()
    return got


def closed_by_server(sock: socket.socket) -> bool:
    """Whether the server has closed `sock`, without waiting."""
    sock.setblocking(False)
    try:
        return sock.recv(1) == b""
    except BlockingIOError:
        return False
    except ConnectionResetError:
        return True
    finally:
        sock.setblocking(True)


def security_lines(server: DistrictServer) -> dict[str, list[int]]:
    """The counts in each security line of the log, by reason."""
    found: dict[str, list[int]] = {}
    for count, reason in SECURITY.findall(server.log_path.read_text(encoding="utf-8")):
        found.setdefault(reason, []).append(int(count))
    return found


HEALTH = b"GET /health HTTP/1.1\r\nHost: district\r\n\r\n"


# -- deadlines ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "sent",
    [b"", b"GET /hea", b"GET /health HTTP/1.1\r\nHost: district\r\n", b"GET /health HTTP/1.1\r\nX-Long: aaaa"],
    ids=["nothing", "part of the request line", "headers without their end", "half a header"],
)
def test_unfinished_headers_are_closed_without_an_answer(server, sent):
    sock = connect(server, sent)
    assert read_until_closed(sock) == b""
    server.stop()
    assert sum(security_lines(server)["header_timeout"]) == 1


def test_headers_dripped_a_byte_at_a_time_are_closed_all_the_same(server):
    """Slowloris: every byte arrives well within any idle timeout; the deadline is a total."""
    sock = connect(server, b"GET /health HTTP/1.1\r\nHost: district\r\nX-Slow: ")
    sent = 0
    while not closed_by_server(sock):
        try:
            sock.sendall(b"a")
        except (BrokenPipeError, ConnectionResetError):
            break
        sent += 1
        assert sent < PATIENCE_S / 0.3, "the server kept a dripping request open"
        time.sleep(0.3)
    sock.close()
    server.stop()
    assert security_lines(server)["header_timeout"] == [1]


def test_the_next_request_on_a_kept_alive_connection_has_its_own_header_deadline(server):
    sock = connect(server, HEALTH)
    answer = b""
    while b'{"status":"ok"}' not in answer:
        answer += sock.recv(65536)
    assert answer.startswith(b"HTTP/1.1 200")
    sock.sendall(b"GET /heal")  # the next request starts and never finishes its headers
    assert read_until_closed(sock) == b""
    server.stop()
    assert security_lines(server)["header_timeout"] == [1]


def abandon_a_push(server: DistrictServer, token: str) -> socket.socket:
    """A push whose body stops after its first bytes."""
    head = (
        f"POST {contract.PUSH_PATH} HTTP/1.1\r\nHost: district\r\nAuthorization: Bearer {token}\r\n"
        "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
    )
    return connect(server, head.encode() + b'{"ops": [')


def test_a_body_that_stops_coming_is_closed(server):
    desk = enroll(server, "XT-001")
    assert read_until_closed(abandon_a_push(server, desk.token)) == b""  # never answered: nothing applied
    # Without a token the answer comes before the body; the connection still may not hang on.
    anonymous = connect(
        server, f"POST {contract.PUSH_PATH} HTTP/1.1\r\nHost: d\r\nContent-Length: 1000\r\n\r\n{{".encode()
    )
    assert read_until_closed(anonymous).startswith(b"HTTP/1.1 401")
    server.stop()
    assert sum(security_lines(server)["body_timeout"]) == 2
    assert desk.token not in server.log_path.read_text(encoding="utf-8")


def test_a_body_closed_at_its_deadline_is_not_logged_as_the_servers_error(server):
    """The app, waiting for the body, learns that its client is gone: that is no internal error
    (nor a 500 in the metrics), or every slow or broken upload would log one."""
    desk = enroll(server, "XT-001")
    read_until_closed(abandon_a_push(server, desk.token))
    sock = abandon_a_push(server, desk.token)
    sock.close()  # and one whose sender gives up by itself
    assert httpx.get(f"{server.url}/health", timeout=PATIENCE_S).status_code == 200
    server.stop()
    log = server.log_path.read_text(encoding="utf-8")
    assert "internal error" not in log and "Traceback" not in log


def test_a_body_larger_than_the_server_accepts_is_answered_and_not_read(server):
    """413 by its declared length, and the connection closed: the rest is never read."""
    head = f"POST {contract.PUSH_PATH} HTTP/1.1\r\nHost: d\r\nContent-Length: {32 * 1024 * 1024}\r\n\r\n"
    sock = connect(server, head.encode() + b'{"ops": [' + b"{}," * 1000)
    answer = read_until_closed(sock)  # the test sends no more: only the server can end this
    assert answer.startswith(b"HTTP/1.1 413")
    server.stop()
    assert "body_timeout" not in security_lines(server)


def test_headers_past_the_size_limit_are_refused(server):
    sock = connect(server, b"GET /health HTTP/1.1\r\nHost: district\r\n" + b"X-Pad: " + b"a" * 40_000 + b"\r\n")
    assert read_until_closed(sock).startswith(b"HTTP/1.1 431")
    # The same for the next request on a kept-alive connection.
    sock = connect(server, HEALTH)
    answer = b""
    while b'{"status":"ok"}' not in answer:
        answer += sock.recv(65536)
    sock.sendall(b"GET /health HTTP/1.1\r\n" + b"X-Pad: " + b"a" * 40_000 + b"\r\n")
    assert read_until_closed(sock).startswith(b"HTTP/1.1 431")
    # An ordinary request with a few kilobytes of headers is answered.
    r = httpx.get(f"{server.url}/health", headers={"X-Pad": "a" * 4000}, timeout=PATIENCE_S)
    assert r.status_code == 200
    server.stop()
    assert sum(security_lines(server)["header_too_large"]) == 2


# -- caps ---------------------------------------------------------------------------------------
def test_desks_are_served_while_one_address_holds_more_half_open_connections_than_its_cap(server):
    desk = enroll(server, "XT-001")
    desk.push([desk.new_case()])
    held = [connect(server, b"GET /health HTTP/1.1\r\n") for _ in range(3 * PER_IP)]
    # From the same address as the attacker, even: the oldest half-open connection gives way.
    with httpx.Client(base_url=server.url, timeout=PATIENCE_S) as plain:
        for _ in range(5):
            assert plain.get("/health").json() == {"status": "ok"}
    for _ in range(5):
        changes, _cursor = desk.pull_all()
        assert len(changes) == 1
    for sock in held:
        read_until_closed(sock)  # each evicted at the cap or closed at its deadline
    server.stop()
    found = security_lines(server)
    assert sum(found["ip_cap"]) + sum(found["header_timeout"]) == len(held)
    # Aggregated: a line per reason when it starts and one for the rest, never one a connection.
    assert len(found["ip_cap"]) <= 2 and len(found["header_timeout"]) <= 2
    assert "refused on arrival" not in server.log_path.read_text(encoding="utf-8")


def test_the_server_cap_lets_half_open_connections_give_way_to_a_desk(tmp_path):
    server = start(tmp_path, "--max-connections", "10")
    try:
        desk = enroll(server, "XT-001")
        others = [("127.0.0.2", 0), ("127.0.0.3", 0)] if sys.platform.startswith("linux") else [None, None]
        held = []
        for n in range(30):  # from two other addresses, under their own cap of 20 each
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.settimeout(PATIENCE_S)
            if others[n % 2]:
                sock.bind(others[n % 2])
            sock.connect(("127.0.0.1", int(server.port or 0)))
            sock.sendall(b"GET / HTTP/1.1\r\n")
            held.append(sock)
        changes, _cursor = desk.pull_all()
        assert changes == []
        assert httpx.get(f"{server.url}/health", timeout=PATIENCE_S).status_code == 200
        for sock in held:
            read_until_closed(sock)
    finally:
        server.stop()
    found = security_lines(server)
    assert sum(found["server_cap"]) + sum(found["header_timeout"]) == 30
    assert sum(found["server_cap"]) >= 20


def test_busy_connections_are_not_evicted_so_a_newcomer_is_refused_at_the_cap(tmp_path):
    """Connections in the middle of a request never give way: past the cap a new one is refused."""
    server = start(tmp_path, "--max-connections-per-ip", "2", "--body-timeout", "30")
    try:
        desk = enroll(server, "XT-001")
        head = (
            f"POST {contract.PUSH_PATH} HTTP/1.1\r\nHost: district\r\nAuthorization: Bearer {desk.token}\r\n"
            "Content-Length: 1000\r\nExpect: 100-continue\r\n\r\n{"
        ).encode()
        busy = [connect(server, head) for _ in range(2)]  # each waits for the rest of its body
        for sock in busy:  # the server has read the headers once it asks for the body
            assert sock.recv(64).startswith(b"HTTP/1.1 100 Continue")
        newcomer = connect(server, HEALTH)
        assert read_until_closed(newcomer) == b""
        assert not any(closed_by_server(sock) for sock in busy)
        for sock in busy:
            sock.close()
    finally:
        server.stop()
    assert "1 of them refused on arrival" in server.log_path.read_text(encoding="utf-8")


def test_the_per_address_cap_counts_an_ipv6_network_as_one_address():
    assert address_key("2001:db8:1:2::1") == address_key("2001:db8:1:2:ffff::9") == "2001:db8:1:2::/64"
    assert address_key("2001:db8:1:3::1") != address_key("2001:db8:1:2::1")
    assert address_key("::ffff:203.0.113.7") == address_key("203.0.113.7") == "203.0.113.7"
    assert address_key(None) == address_key("") == "local"
    assert address_key("not an address") == "not an address"  # a unix socket's name, say: kept as it is


# -- options --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "option,value,rule",
    [
        ("--header-timeout", "0", "须是大于 0 的秒数"),
        ("--header-timeout", "nan", "须是大于 0 的秒数"),
        ("--body-timeout", "-1", "须是大于 0 的秒数"),
        ("--body-timeout", "inf", "须是大于 0 的秒数"),
        ("--max-connections", "0", "须是不小于 1 的整数"),
        ("--max-connections-per-ip", "many", "须是不小于 1 的整数"),
    ],
)
def test_bad_limits_are_refused_before_the_server_starts(tmp_path, option, value, rule):
    database = tmp_path / "district.sqlite3"
    serve = [sys.executable, "-m", "mediation_desk.district.cli", "serve"]
    done = subprocess.run(
        [*serve, "--database-url", f"sqlite:///{database}", option, value],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert option in done.stderr and rule in done.stderr
    assert not database.exists()
