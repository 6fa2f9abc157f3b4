"""Rate limits and lockouts against the real server on 127.0.0.1 (SQLite and PostgreSQL): guessing
codes or tokens locks the address out — one security event, one warning line — a locked address is
refused even with a valid token until its lockout ends, the lockout holds across two instances on
one database, and a device sending too many requests is slowed without touching the others."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from district_helpers import enroll, setup_district
from district_server import DistrictServer
from sqlalchemy import select

from mediation_desk.core import sync_contract as contract
from mediation_desk.district import admin, ratelimit
from mediation_desk.district.db import Database
from mediation_desk.district.models import Lockout, SecurityEvent

FAILURES = 5
WAIT_S = 60.0  # the most a test waits for a lockout to be seen or to end (it ends after LOCKOUT_S)


def strict_options(lockout_s: int, **more: int) -> list[str]:
    options = ["--failures-before-lockout", str(FAILURES), "--lockout-seconds", str(lockout_s)]
    for name, value in more.items():
        options += [f"--{name.replace('_', '-')}", str(value)]
    return options


def start(url: str, log_path: Path, options: list[str]) -> DistrictServer:
    return DistrictServer(url, log_path=log_path, serve_options=options).start()


@pytest.fixture
def district_db(district_database_url: str) -> Iterator[Database]:
    db = Database(district_database_url)
    try:
        yield db
    finally:
        db.dispose()


@pytest.fixture
def strict(district_database_url: str, district_db: Database, tmp_path: Path) -> Iterator[DistrictServer]:
    """A server locking an address out after 5 failures, for 2 seconds."""
    server = start(district_database_url, tmp_path / "strict.log", strict_options(2))
    setup_district(district_db)
    try:
        yield server
    finally:
        server.stop()


def wrong_token() -> str:
    return f"guess-{uuid.uuid4().hex}"


def get_reference(server: DistrictServer, token: str) -> httpx.Response:
    return httpx.get(f"{server.url}{contract.REFERENCE_PATH}", headers={"Authorization": f"Bearer {token}"}, timeout=30)


def post_code(server: DistrictServer, code: str) -> httpx.Response:
    return httpx.post(f"{server.url}{contract.ENROLL_PATH}", json={"code": code, "device_name": "猜码"}, timeout=30)


def refused_for_a_while(r: httpx.Response) -> int:
    """The seconds a 429 says to wait, after checking it is the contract's refusal."""
    assert r.status_code == 429, r.text
    error = r.json()["error"]
    assert error["code"] == contract.ERROR_RATE_LIMITED and "后再试" in error["message"]
    retry_after = int(r.headers["Retry-After"])
    assert retry_after >= 1
    return retry_after


def until(answer: Callable[[], httpx.Response], status: int) -> httpx.Response:
    """Ask again until the answer has `status` (a lockout ends, or another instance learns of one)."""
    deadline = time.monotonic() + WAIT_S
    while True:
        r = answer()
        if r.status_code == status or time.monotonic() > deadline:
            return r
        time.sleep(0.2)


def lockout_events(db: Database) -> list[SecurityEvent]:
    with db.read() as s:
        return list(s.scalars(select(SecurityEvent).where(SecurityEvent.kind == ratelimit.LOCKOUT_EVENT)))


def test_guessed_tokens_lock_the_address_out_logged_once(strict, district_db):
    desk = enroll(strict, "XT-001")
    guesses = [wrong_token() for _ in range(FAILURES)]
    for guess in guesses:
        r = get_reference(strict, guess)
        assert r.status_code == 401 and r.json()["error"]["code"] == contract.ERROR_TOKEN_INVALID
    # Guessing no longer pays: the next guess is not even looked at, and neither is a valid token.
    refused_for_a_while(get_reference(strict, wrong_token()))
    refused_for_a_while(get_reference(strict, desk.token))
    with desk.http() as c:
        refused_for_a_while(c.post(contract.PUSH_PATH, json={"ops": []}))
        refused_for_a_while(c.post(contract.TOKEN_RENEW_PATH))

    [event] = lockout_events(district_db)
    assert event.source == "ip:127.0.0.1" and event.detail["failures"] == FAILURES
    log = strict.log_tail(200_000)
    assert log.count("locked out") == 1 and "127.0.0.1 locked out" in log
    assert not any(guess in log for guess in guesses) and desk.token not in log
    listed = strict.admin("security", "list")
    assert "lockout" in listed and "ip:127.0.0.1" in listed and desk.token not in listed

    # The lockout ends by itself; a failure after it counts afresh rather than locking again.
    assert until(lambda: get_reference(strict, desk.token), 200).status_code == 200
    assert get_reference(strict, wrong_token()).status_code == 401
    assert get_reference(strict, desk.token).status_code == 200
    assert len(lockout_events(district_db)) == 1


def test_guessed_enrollment_codes_lock_the_address_out(strict, district_db):
    for _ in range(FAILURES):
        r = post_code(strict, "AAAA-BBBB-CCCC")
        assert r.status_code == 400 and r.json()["error"]["code"] == contract.ERROR_CODE_UNKNOWN
    valid = admin.issue_code(district_db, committee_code="XT-001")
    refused_for_a_while(post_code(strict, valid))
    [event] = lockout_events(district_db)
    assert event.detail["last_failure"] == contract.ERROR_CODE_UNKNOWN
    assert valid not in strict.log_tail(200_000)
    # Once the lockout has ended, the code (unused meanwhile) enrolls the desk.
    r = until(lambda: post_code(strict, valid), 201)
    assert r.status_code == 201, r.text


def test_requests_without_a_token_or_with_a_used_code_are_no_guesses(strict, district_db):
    """Only a credential presented and refused counts: nothing here locks the address out."""
    for _ in range(3 * FAILURES):
        r = httpx.get(f"{strict.url}{contract.PULL_PATH}", timeout=30)
        assert r.status_code == 401 and r.json()["error"]["code"] == contract.ERROR_TOKEN_INVALID
    code = admin.issue_code(district_db, committee_code="XT-001")
    assert post_code(strict, code).status_code == 201
    for _ in range(2 * FAILURES):
        assert post_code(strict, code).json()["error"]["code"] == contract.ERROR_CODE_USED
    for body in ({}, {"code": 12345}, {"code": "x" * 65}):
        r = httpx.post(f"{strict.url}{contract.ENROLL_PATH}", json=body, timeout=30)
        assert r.status_code == 400 and r.json()["error"]["code"] == contract.ERROR_BAD_REQUEST
    assert lockout_events(district_db) == []


def test_a_lockout_holds_across_two_instances_on_one_database(district_database_url, district_db, tmp_path):
    options = strict_options(120)
    first = start(district_database_url, tmp_path / "first.log", options)
    second = start(district_database_url, tmp_path / "second.log", options)
    try:
        setup_district(district_db)
        desk = enroll(first, "XT-001")
        # Failures on either instance count together; a burst at both at once locks out exactly once.
        jobs = [first, second] * (2 * FAILURES)
        with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
            answers = list(pool.map(lambda server: get_reference(server, wrong_token()).status_code, jobs))
        assert set(answers) <= {401, 429} and answers.count(401) >= FAILURES
        assert len(lockout_events(district_db)) == 1
        with district_db.read() as s:
            row = s.get(Lockout, "ip:127.0.0.1")
        assert row is not None and row.reason and row.failures >= FAILURES
        # Both instances refuse the address, valid token or not (one may take a moment to read it).
        for server in (first, second):
            refused_for_a_while(until(lambda server=server: get_reference(server, desk.token), 429))
        locked_lines = sum(s.log_tail(200_000).count("locked out") for s in (first, second))
        assert locked_lines == 1
    finally:
        first.stop()
        second.stop()


def test_a_device_over_its_request_rate_is_slowed_and_others_are_not(district_database_url, district_db, tmp_path):
    server = start(district_database_url, tmp_path / "busy.log", strict_options(2, device_requests_per_minute=4))
    try:
        setup_district(district_db)
        busy, other = enroll(server, "XT-001"), enroll(server, "XT-002")
        with busy.http() as c:
            for _ in range(4):
                assert c.get(contract.REFERENCE_PATH).status_code == 200
            wait = refused_for_a_while(c.get(contract.REFERENCE_PATH))
            assert wait <= 60 and "每分钟最多 4 次" in c.get(contract.PULL_PATH).json()["error"]["message"]
        with other.http() as c:
            assert c.get(contract.REFERENCE_PATH).status_code == 200
        # A busy device is no guesser: its address is not locked out.
        assert lockout_events(district_db) == []
    finally:
        server.stop()


@pytest.mark.parametrize(
    "header",
    [
        b"Bearer",
        b"Bearer\tabc",
        b"Basic dXNlcjpwYXNz",
        b"Bearer two words",
        b"Bearer " + b"x" * 8000,
        "Bearer 设备令牌".encode(),
        b"Bearer \xff\xfe",
        b"bearer" + b" " * 50 + b"x",
    ],
)
def test_garbage_authorization_headers_get_a_clean_401(district, header):
    for path in (contract.PULL_PATH, contract.TOKEN_RENEW_PATH):
        method = "POST" if path == contract.TOKEN_RENEW_PATH else "GET"
        r = httpx.request(method, f"{district.url}{path}", headers=[(b"Authorization", header)], timeout=30)
        assert r.status_code == 401, (path, r.text)
        assert r.json()["error"]["code"] == contract.ERROR_TOKEN_INVALID
        assert r.headers["WWW-Authenticate"] == "Bearer"


def test_bucket_and_address_keys():
    buckets = ratelimit.Buckets(capacity=2, rate=0.001)
    assert buckets.take("a") == 0 and buckets.take("a") == 0
    assert buckets.take("a") > 0 and buckets.wait("a") > 0
    assert buckets.wait("b") == 0 and buckets.take("b") == 0
    assert ratelimit.address_key("203.0.113.7") == "ip:203.0.113.7"
    assert ratelimit.address_key("::ffff:203.0.113.7") == "ip:203.0.113.7"
    # One IPv6 /64 is one household or office: its addresses share a limit.
    assert ratelimit.address_key("2001:db8::1") == ratelimit.address_key("2001:db8::ffff:2") == "ip:2001:db8::/64"
    assert ratelimit.address_key(None) == "ip:unknown"
    assert ratelimit.address_key("x" * 500) == "ip:" + "x" * 60
