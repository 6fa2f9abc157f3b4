"""The desk's side of expiring tokens and rate limits, against the real district server: a sync
round renews the token silently when the district asks, keeps the new one in the keyring before
using it, survives a renewal that fails, gives up an expired token, and takes a 429 calmly."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import desk_kit
import httpx
import keyring
import keyring.backends.fail
import keyring.errors
import pytest
from district_server import DistrictServer
from service_helpers import Env, new_case
from sqlalchemy import select, update
from sync_helpers import FAST, district_db, enroll, prepare_district, sync

from mediation_desk.core import sync_contract as contract
from mediation_desk.core.models import AuditRecord
from mediation_desk.desk import Desk
from mediation_desk.district import admin as district_admin
from mediation_desk.district import credentials as server_credentials
from mediation_desk.district.models import Device
from mediation_desk.privacy.vault import Vault
from mediation_desk.storage.base import utcnow
from mediation_desk.sync import api, state
from mediation_desk.sync.errors import DeviceRefused, RateLimited
from mediation_desk.sync.push import SYNC_ACTOR
from mediation_desk.sync.sync_round import RENEWING, ready_client, renew_token_if_due
from mediation_desk.sync.transport import error_for, retry_after_s


def keyring_token(memory_keyring) -> str:
    [token] = [v for (_, entry), v in memory_keyring.secrets.items() if entry.startswith("device-token:")]
    return str(token)


def server_device(server: DistrictServer, device_id: str) -> Device:
    with district_db(server) as db, db.read() as s:
        found = s.get(Device, device_id)
        assert found is not None
        return found


def token_ends_in(server: DistrictServer, device_id: str, delta: dt.timedelta | None) -> None:
    """Move the end of the device's token (None: a token from before tokens expired)."""
    ends = None if delta is None else utcnow() + delta
    with district_db(server) as db, db.write() as s:
        s.execute(update(Device).where(Device.id == device_id).values(token_expires_at=ends))


def renewals_audited(env: Env) -> int:
    with env.desk.read() as s:
        return len(list(s.scalars(select(AuditRecord).where(AuditRecord.action == "sync.token_renewed"))))


@pytest.mark.parametrize("left", [dt.timedelta(days=5), None], ids=["near_its_end", "without_an_end"])
def test_a_round_renews_the_token_silently_and_keeps_it_in_the_keyring(
    district, desk_a: Env, memory_keyring, left
) -> None:
    view = enroll(district, desk_a)
    old = keyring_token(memory_keyring)
    report = sync(desk_a)
    assert report.online and report.error is None and not report.token_renewed  # far from its end

    token_ends_in(district, view.server_device_id, left)
    new_case(desk_a)
    report = sync(desk_a)
    assert report.online and report.error is None and report.token_renewed
    assert report.pending == 0 and report.pulled >= 1  # the round carried on with the new token
    new = keyring_token(memory_keyring)
    assert new != old
    row = server_device(district, view.server_device_id)
    assert row.token_hash == server_credentials.token_hash(new)
    # The new token was used in the same round: the old one is gone for good.
    assert row.previous_token_hash is None
    assert row.token_expires_at is not None and row.token_expires_at > utcnow() + dt.timedelta(days=100)
    assert renewals_audited(desk_a) == 1

    again = sync(desk_a)
    assert again.online and again.error is None and not again.token_renewed
    assert keyring_token(memory_keyring) == new


def test_a_renewal_not_stored_changes_nothing_and_the_next_round_makes_it_good(
    district, desk_a: Env, memory_keyring, monkeypatch
) -> None:
    view = enroll(district, desk_a)
    old = keyring_token(memory_keyring)
    token_ends_in(district, view.server_device_id, dt.timedelta(days=3))

    def refuse(service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError("the keyring is locked")

    monkeypatch.setattr(memory_keyring, "set_password", refuse)
    report = sync(desk_a)
    assert report.online and report.error is None and not report.token_renewed
    assert keyring_token(memory_keyring) == old  # nothing half-changed on the desk
    row = server_device(district, view.server_device_id)
    assert row.previous_token_hash == server_credentials.token_hash(old)  # still valid: the grace

    monkeypatch.undo()
    report = sync(desk_a)  # renewed with the old token: the token nobody received is replaced
    assert report.online and report.error is None and report.token_renewed
    new = keyring_token(memory_keyring)
    assert new != old and server_device(district, view.server_device_id).token_hash == server_credentials.token_hash(
        new
    )
    assert sync(desk_a).online


def test_a_renewal_the_server_refuses_raises_nothing_and_changes_nothing(district, desk_a: Env, memory_keyring) -> None:
    view = enroll(district, desk_a)
    old = keyring_token(memory_keyring)
    token_ends_in(district, view.server_device_id, dt.timedelta(days=3))
    _, client = ready_client(desk_a.desk, FAST)
    with client:
        client.reference()
        assert client.renew_due
        with district_db(district) as db:  # revoked between two requests of the round
            district_admin.revoke_device(db, view.server_device_id, actor="测试", reason="电脑报废")
        assert renew_token_if_due(desk_a.desk, client) is False
    assert keyring_token(memory_keyring) == old and renewals_audited(desk_a) == 0
    # The round's next request meets the refusal the usual way.
    with pytest.raises(api.DeviceRefused, match="撤销"):
        sync(desk_a)


def test_a_token_renewed_by_another_process_of_the_desk_is_taken_up(district, desk_a: Env, memory_keyring) -> None:
    """The window and the command line sync one desk: one renews; the other, still holding the
    old token, takes the new one from the keyring instead of giving up (or renewing again)."""
    view = enroll(district, desk_a)
    assert sync(desk_a).online  # this session now holds the first token
    old = keyring_token(memory_keyring)
    other = Desk.open(desk_a.desk.paths)
    try:
        other.unlock(Vault(desk_kit.data_key(other)))
        token_ends_in(district, view.server_device_id, dt.timedelta(days=3))
        assert api.sync_once(other, options=FAST).token_renewed  # and used: the old token is gone
    finally:
        other.close()
    new = keyring_token(memory_keyring)
    assert new != old
    report = sync(desk_a)  # refused with the old token, then again with the keyring's
    assert report.online and report.error is None and not report.token_renewed
    assert api.sync_status(desk_a.desk).refused is None and keyring_token(memory_keyring) == new
    assert desk_a.desk.session.token()[0] == new


def test_a_renewal_done_elsewhere_but_not_yet_used_is_not_done_twice(district, desk_a: Env, memory_keyring) -> None:
    view = enroll(district, desk_a)
    assert sync(desk_a).online
    old = keyring_token(memory_keyring)
    token_ends_in(district, view.server_device_id, dt.timedelta(days=3))
    # Another process renewed and stored the new token, and has not used it yet.
    r = httpx.post(f"{district.url}{contract.TOKEN_RENEW_PATH}", headers={"Authorization": f"Bearer {old}"}, timeout=30)
    new = r.json()["token"]
    for entry in [k for k in memory_keyring.secrets if k[1].startswith("device-token:")]:
        memory_keyring.secrets[entry] = new
    report = sync(desk_a)  # the old token still works (asked to renew), and the keyring has a newer one
    assert report.online and report.error is None and not report.token_renewed
    assert server_device(district, view.server_device_id).token_hash == server_credentials.token_hash(new)
    assert keyring_token(memory_keyring) == new and desk_a.desk.session.token()[0] == new


def test_one_process_renews_at_a_time(district, desk_a: Env, memory_keyring) -> None:
    view = enroll(district, desk_a)
    old = keyring_token(memory_keyring)
    token_ends_in(district, view.server_device_id, dt.timedelta(days=3))
    with desk_a.desk.write(SYNC_ACTOR) as uow:  # another process is renewing right now
        state.put_time(uow.session, RENEWING, uow.now)
    report = sync(desk_a)
    assert report.online and report.error is None and not report.token_renewed
    assert keyring_token(memory_keyring) == old
    with desk_a.desk.write(SYNC_ACTOR) as uow:  # a lease left by a process that died long ago
        state.put_time(uow.session, RENEWING, uow.now - dt.timedelta(hours=1))
    assert sync(desk_a).token_renewed and keyring_token(memory_keyring) != old
    with desk_a.desk.read() as s:
        assert state.get(s, RENEWING) is None


def test_without_a_keyring_the_typed_token_is_not_renewed_behind_the_clerks_back(district, desk_a: Env) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    view = enroll(district, desk_a)
    token_ends_in(district, view.server_device_id, dt.timedelta(days=3))
    report = sync(desk_a)
    assert report.online and report.error is None and not report.token_renewed
    row = server_device(district, view.server_device_id)
    assert row.token_hash == server_credentials.token_hash(str(view.session_token))  # still the one on paper


def test_an_expired_token_is_given_up_and_the_desk_enrolls_again(district, desk_a: Env, memory_keyring) -> None:
    view = enroll(district, desk_a)
    token_ends_in(district, view.server_device_id, dt.timedelta(seconds=-1))
    with pytest.raises(api.DeviceRefused, match="过期") as refused:
        sync(desk_a)
    assert refused.value.code == contract.ERROR_TOKEN_EXPIRED
    assert not [e for (_, e) in memory_keyring.secrets if e.startswith("device-token:")]
    assert api.sync_status(desk_a.desk).refused == contract.ERROR_TOKEN_EXPIRED
    enroll(district, desk_a)
    assert sync(desk_a).online and api.sync_status(desk_a.desk).refused is None


@pytest.fixture
def busy_district(district_database_url: str, tmp_path: Path) -> Iterator[DistrictServer]:
    """A district allowing each device 2 requests a minute (a round with work to push takes 3)."""
    server = DistrictServer(
        district_database_url, log_path=tmp_path / "busy.log", serve_options=["--device-requests-per-minute", "2"]
    )
    server.start()
    try:
        yield prepare_district(server)
    finally:
        server.stop()


def test_a_rate_limited_round_is_reported_calmly_and_keeps_the_token(
    busy_district, desk_a: Env, memory_keyring
) -> None:
    enroll(busy_district, desk_a)
    token = keyring_token(memory_keyring)
    new_case(desk_a)
    report = sync(desk_a)  # push, reference, then the pull is one request too many
    assert report.online and report.error_code == "rate_limited"
    assert report.error is not None and "过于频繁" in report.error and "分钟后再试" in report.error
    assert report.retry_after_s is not None and 1 <= report.retry_after_s <= 60
    assert report.pending == 0  # what went up before the refusal stays up
    status = api.sync_status(desk_a.desk)
    assert status.refused is None and status.token == "keyring" and keyring_token(memory_keyring) == token
    assert status.last_error == report.error


def test_refusals_map_to_the_desks_errors() -> None:
    limited = error_for(contract.ERROR_RATE_LIMITED, "请求过于频繁", None, 429, 150)
    assert isinstance(limited, RateLimited) and limited.retry_after_s == 150 and "3 分钟后再试" in str(limited)
    assert isinstance(error_for("", None, None, 429), RateLimited)
    expired = error_for(contract.ERROR_TOKEN_EXPIRED, "设备凭证已过期", None, 401)
    assert isinstance(expired, DeviceRefused) and expired.code == contract.ERROR_TOKEN_EXPIRED
    assert [retry_after_s(v) for v in ("120", " 7 ", "Wed, 21 Oct 2026 07:28:00 GMT", "", None, "-1", "9" * 20)] == [
        120,
        7,
        None,
        None,
        None,
        None,
        None,
    ]
