"""Device tokens that expire and are renewed, against the real server on 127.0.0.1 (SQLite and
PostgreSQL). Expiry times are moved through the server's own database, opened in-process."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor

import httpx
from district_helpers import enroll
from district_server import DistrictServer
from sqlalchemy import update

from mediation_desk.core import sync_contract as contract
from mediation_desk.district import admin, credentials, tokens
from mediation_desk.district.config import DEFAULT
from mediation_desk.district.db import Database
from mediation_desk.district.models import Device
from mediation_desk.storage.base import utcnow


def call(server: DistrictServer, token: str) -> httpx.Response:
    return httpx.get(f"{server.url}{contract.REFERENCE_PATH}", headers={"Authorization": f"Bearer {token}"}, timeout=30)


def renew(server: DistrictServer, token: str) -> httpx.Response:
    return httpx.post(
        f"{server.url}{contract.TOKEN_RENEW_PATH}", headers={"Authorization": f"Bearer {token}"}, timeout=30
    )


def renewed(server: DistrictServer, token: str) -> str:
    r = renew(server, token)
    assert r.status_code == 200, r.text
    assert set(r.json()) == {"token", "expires_at"}
    return str(r.json()["token"])


def refused(r: httpx.Response, code: str) -> None:
    assert r.status_code == 401, r.text
    assert r.json()["error"]["code"] == code


def device(db: Database, device_id: str) -> Device:
    with db.read() as s:
        found = s.get(Device, device_id)
        assert found is not None
        return found


def set_device(db: Database, device_id: str, **values: object) -> None:
    with db.write() as s:
        s.execute(update(Device).where(Device.id == device_id).values(**values))


def test_a_token_lives_its_days_and_every_answer_says_when_it_ends(district, district_db):
    before = utcnow()
    desk = enroll(district, "XT-001")
    ends = device(district_db, desk.device_id).token_expires_at
    assert ends is not None
    assert before + dt.timedelta(days=DEFAULT.token_days) <= ends <= utcnow() + dt.timedelta(days=DEFAULT.token_days)
    r = call(district, desk.token)
    assert r.status_code == 200
    assert dt.datetime.fromisoformat(r.headers[contract.TOKEN_EXPIRES_HEADER]) == ends
    assert contract.TOKEN_RENEW_HEADER not in r.headers  # far from its end: nothing to do yet

    set_device(
        district_db, desk.device_id, token_expires_at=utcnow() + dt.timedelta(days=DEFAULT.renew_within_days - 1)
    )
    r = call(district, desk.token)
    assert r.status_code == 200 and r.headers[contract.TOKEN_RENEW_HEADER] == contract.TOKEN_RENEW_DUE


def test_a_token_from_before_expiry_stays_valid_and_is_asked_to_renew(district, district_db):
    desk = enroll(district, "XT-001")
    set_device(district_db, desk.device_id, token_expires_at=None)
    with desk.http() as c:
        for r in (c.get(contract.PULL_PATH), c.get(contract.REFERENCE_PATH)):
            assert r.status_code == 200
            assert r.headers[contract.TOKEN_RENEW_HEADER] == contract.TOKEN_RENEW_DUE
            assert contract.TOKEN_EXPIRES_HEADER not in r.headers
    new = renewed(district, desk.token)
    assert device(district_db, desk.device_id).token_expires_at is not None
    assert contract.TOKEN_RENEW_HEADER not in call(district, new).headers


def test_an_expired_token_is_refused_and_cannot_be_renewed(district, district_db):
    desk = enroll(district, "XT-001")
    set_device(district_db, desk.device_id, token_expires_at=utcnow() - dt.timedelta(seconds=1))
    with desk.http() as c:
        for r in (
            c.get(contract.PULL_PATH),
            c.post(contract.PUSH_PATH, json={"ops": []}),
            c.get(contract.REFERENCE_PATH),
        ):
            refused(r, contract.ERROR_TOKEN_EXPIRED)
            assert "过期" in r.json()["error"]["message"] and "登记" in r.json()["error"]["message"]
    refused(renew(district, desk.token), contract.ERROR_TOKEN_EXPIRED)
    # An expired token was not guessed: asking with it again and again locks nothing out.
    for _ in range(DEFAULT.failures_before_lockout + 5):
        refused(call(district, desk.token), contract.ERROR_TOKEN_EXPIRED)


def test_renewal_gives_a_new_token_and_the_old_one_lasts_until_the_new_one_is_used(district, district_db):
    desk = enroll(district, "XT-001")
    old = desk.token
    r = renew(district, old)
    assert r.status_code == 200 and r.headers[contract.TOKEN_EXPIRES_HEADER] == r.json()["expires_at"]
    new = r.json()["token"]
    assert new != old and len(new) >= 40
    row = device(district_db, desk.device_id)
    assert row.token_hash == credentials.token_hash(new) and row.previous_token_hash == credentials.token_hash(old)
    assert row.renewed_at is not None and row.previous_token_expires_at is not None
    assert row.previous_token_expires_at <= utcnow() + tokens.PREVIOUS_TOKEN_GRACE
    assert dt.datetime.fromisoformat(r.json()["expires_at"]) == row.token_expires_at
    # The old token still works (the answer might have been lost) and asks for a renewal…
    r = call(district, old)
    assert r.status_code == 200 and r.headers[contract.TOKEN_RENEW_HEADER] == contract.TOKEN_RENEW_DUE
    # …until the new one is used: the desk has it, the old one has no more use.
    assert call(district, new).status_code == 200
    refused(call(district, old), contract.ERROR_TOKEN_INVALID)
    refused(renew(district, old), contract.ERROR_TOKEN_INVALID)
    row = device(district_db, desk.device_id)
    assert row.previous_token_hash is None and row.previous_token_expires_at is None
    assert old not in district.log_tail(200_000) and new not in district.log_tail(200_000)
    assert f"device {desk.device_id} renewed its token" in district.log_tail(200_000)


def test_a_lost_renewal_answer_is_made_good_by_renewing_with_the_old_token(district, district_db):
    desk = enroll(district, "XT-001")
    old = desk.token
    lost = renewed(district, old)  # the answer never reached the desk
    again = renewed(district, old)
    assert again not in (old, lost)
    refused(call(district, lost), contract.ERROR_TOKEN_INVALID)  # replaced: nobody holds it
    row = device(district_db, desk.device_id)
    assert row.previous_token_hash == credentials.token_hash(old)
    assert call(district, again).status_code == 200
    refused(call(district, old), contract.ERROR_TOKEN_INVALID)


def test_the_old_token_ends_with_its_grace(district, district_db):
    desk = enroll(district, "XT-001")
    new = renewed(district, desk.token)
    set_device(district_db, desk.device_id, previous_token_expires_at=utcnow() - dt.timedelta(seconds=1))
    refused(call(district, desk.token), contract.ERROR_TOKEN_EXPIRED)
    refused(renew(district, desk.token), contract.ERROR_TOKEN_EXPIRED)
    assert call(district, new).status_code == 200


def test_a_revoked_device_cannot_renew(district, district_db):
    desk = enroll(district, "XT-001")
    new = renewed(district, desk.token)
    assert admin.revoke_device(district_db, desk.device_id, actor="测试", reason="电脑报废")
    for token in (desk.token, new):
        refused(renew(district, token), contract.ERROR_DEVICE_REVOKED)
        refused(call(district, token), contract.ERROR_DEVICE_REVOKED)


def test_renewals_at_once_with_one_token_leave_exactly_one_new_token(district, district_db):
    desk = enroll(district, "XT-001")
    with ThreadPoolExecutor(max_workers=6) as pool:
        answers = list(pool.map(lambda _: renew(district, desk.token), range(6)))
    assert [r.status_code for r in answers] == [200] * 6
    new_tokens = {r.json()["token"] for r in answers}
    assert len(new_tokens) == 6
    row = device(district_db, desk.device_id)
    [kept] = [t for t in new_tokens if credentials.token_hash(t) == row.token_hash]
    assert row.previous_token_hash == credentials.token_hash(desk.token)
    assert call(district, desk.token).status_code == 200
    for replaced in new_tokens - {kept}:  # each renewal replaced the one before: only the last holds
        refused(call(district, replaced), contract.ERROR_TOKEN_INVALID)
    assert call(district, kept).status_code == 200


def test_bad_renewal_requests_are_refused_cleanly(district):
    url = f"{district.url}{contract.TOKEN_RENEW_PATH}"
    refused(httpx.post(url, timeout=30), contract.ERROR_TOKEN_INVALID)
    for header in ("Bearer", "Basic abc", "Bearer " + "x" * 201, "Bearer not-a-token"):
        refused(httpx.post(url, headers={"Authorization": header}, timeout=30), contract.ERROR_TOKEN_INVALID)
    desk = enroll(district, "XT-001")
    r = httpx.get(url, headers={"Authorization": f"Bearer {desk.token}"}, timeout=30)
    assert r.status_code == 405 and r.json()["error"]["code"] == contract.ERROR_BAD_REQUEST
    # A body is not wanted and not read: the renewal goes through all the same.
    r = httpx.post(url, headers={"Authorization": f"Bearer {desk.token}"}, json={"token": "mine"}, timeout=30)
    assert r.status_code == 200 and r.json()["token"] != "mine"
