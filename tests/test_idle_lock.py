"""Auto-lock on idle, with a fake clock: the desk forgets its data key after the timeout (not
before), activity postpones it, services that need personal data then refuse, and logging in
again unlocks the desk."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from service_helpers import PASSWORD, Env, actor, count, env, new_case, party  # noqa: F401
from service_helpers import intake as intake_form

from mediation_desk.administration import accounts
from mediation_desk.core.models import AuditRecord
from mediation_desk.errors import PermissionDenied
from mediation_desk.mediation import attachments, intake, queries
from mediation_desk.privacy.idle_lock import IdleLock
from mediation_desk.privacy.vault import Locked


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def test_locks_after_the_timeout_and_not_before(env: Env, clock: FakeClock) -> None:
    idle = IdleLock(env.desk, 300, clock=clock)
    key = env.desk.vault
    assert idle.remaining() == 300
    clock.advance(299)
    assert idle.check() is False and env.desk.vault is key
    assert idle.remaining() == pytest.approx(1)
    clock.advance(1)  # exactly the timeout: not yet "longer than"
    assert idle.check() is False and env.desk.vault is key
    clock.advance(0.5)
    assert idle.check() is True
    assert env.desk.vault is None and idle.remaining() == 0
    with pytest.raises(Locked):
        _ = key.master  # the key object itself is wiped, not only dropped by the desk
    assert idle.check() is False  # already locked: nothing more to do


def test_activity_postpones_the_lock(env: Env, clock: FakeClock) -> None:
    idle = IdleLock(env.desk, 300, clock=clock)
    for _ in range(5):  # a morning of typing with pauses shorter than the timeout
        clock.advance(250)
        assert idle.check() is False
        idle.touch()
    assert idle.remaining() == 300
    clock.advance(301)
    assert idle.check() is True and env.desk.vault is None


def test_a_timeout_of_zero_disables(env: Env, clock: FakeClock) -> None:
    idle = IdleLock(env.desk, 0, clock=clock)
    clock.advance(10**7)
    assert idle.check() is False and env.desk.vault is not None
    assert idle.remaining() == math.inf and not idle.enabled
    idle.timeout_seconds = 60  # turned on from the settings page: counts from the last activity
    assert idle.check() is True
    for bad in (-1, float("nan"), "600", True):
        with pytest.raises(ValueError):
            IdleLock(env.desk, bad, clock=clock)  # type: ignore[arg-type]


def test_locked_desk_refuses_personal_data(env: Env, clock: FakeClock, tmp_path: Path) -> None:
    case_id = new_case(env)
    scan = tmp_path / "证据.pdf"
    scan.write_bytes(b"%PDF-1.4 evidence")
    att = attachments.attach_file(env.desk, env.admin, case_id, scan)
    idle = IdleLock(env.desk, 60, clock=clock)
    clock.advance(61)
    assert idle.check()

    with pytest.raises(Locked):
        env.desk.require_vault()
    before = count(env.desk, AuditRecord)
    with pytest.raises(Locked):
        queries.case_detail(env.desk, env.admin, case_id, full_personal_data=True, reason="核对")
    with pytest.raises(Locked):
        intake.open_case(env.desk, env.admin, intake_form(party("孙大伯", 7), party("李小弟", 8)))
    with pytest.raises(Locked):
        attachments.attach_file(env.desk, env.admin, case_id, scan)
    with pytest.raises(Locked):
        attachments.read_attachment(env.desk, env.admin, att.id, "打印")
    assert count(env.desk, AuditRecord) == before  # nothing was viewed, nothing recorded
    # The masked detail still opens, without the encrypted values.
    person = queries.case_detail(env.desk, env.admin, case_id).parties[0].person
    assert person.name == "王永年" and person.phone is None and person.id_number is None


def test_logging_in_again_unlocks(env: Env, clock: FakeClock) -> None:
    clerk = actor(env, "jinxy", "clerk")
    idle = IdleLock(env.desk, 300, clock=clock)
    clock.advance(400)
    assert idle.check() is True

    with pytest.raises(PermissionDenied):  # a wrong password leaves it locked
        accounts.authenticate(env.desk, "jinxy", "wrong-password")
    assert env.desk.vault is None and idle.check() is False

    assert accounts.authenticate(env.desk, "jinxy", PASSWORD) == clerk
    assert env.desk.vault is not None
    # The idle time counts from the login, not from the last touch before the lock.
    assert idle.check() is False and idle.remaining() == 300
    case_id = intake.open_case(env.desk, clerk, intake_form(party("孙大伯", 7), party("李小弟", 8)))
    full = queries.case_detail(env.desk, clerk, case_id, full_personal_data=True, reason="核对身份")
    assert full.parties[0].person.phone == "13900000007"
    clock.advance(301)
    assert idle.check() is True and env.desk.vault is None
