"""Passwords and recovery: changing one's password, the admin's reset, and the recovery key.

Each path re-wraps the data key under the new password: afterwards the operator logs in with the
new password and reads encrypted data back; the old password no longer works. A refused attempt
(wrong old password, wrong recovery key) leaves the desk locked and the hash and key wraps exactly
as they were."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from mediation_desk.administration import accounts, credentials
from mediation_desk.administration.accounts import CommitteeView
from mediation_desk.core.models import AuditRecord, Operator
from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.errors import PermissionDenied, ValidationError
from mediation_desk.mediation import mediators
from mediation_desk.mediation.models_people import Mediator
from mediation_desk.privacy import crypto
from mediation_desk.privacy.models import KeyWrap
from mediation_desk.privacy.vault import Locked

PASSWORD = "Xietang-2026!"
NEW_PASSWORD = "Huangjiu-Shaoxing-88"
PHONE = "13905751234"


def _rules(exc: pytest.ExceptionInfo[ValidationError]) -> set[tuple[str, str]]:
    return {(p.field, p.rule) for p in exc.value.problems}


def _secrets(desk: Desk) -> dict[str, Any]:
    """Every password hash and key wrap, byte for byte."""
    with desk.read() as s:
        return {
            "hashes": {o.username: o.password_hash for o in s.scalars(select(Operator))},
            "wraps": sorted(
                (w.kind, w.operator_id or "", w.salt, w.blob, repr(w.kdf)) for w in s.scalars(select(KeyWrap))
            ),
        }


def _actions(desk: Desk) -> list[str]:
    with desk.read() as s:
        return list(s.scalars(select(AuditRecord.action).order_by(AuditRecord.seq)))


@pytest.fixture
def phone_on_file(desk: Desk, admin: Actor) -> str:
    """A mediator whose phone is stored encrypted; returns the mediator's id."""
    return mediators.add_mediator(desk, admin, {"name": "谢阿根", "phone": PHONE, "skills": ["neighbour"]}).id


def _reads_phone(desk: Desk, mediator_id: str) -> bool:
    with desk.read() as s:
        m = s.get(Mediator, mediator_id)
        assert m is not None and m.phone_enc is not None
        return mediators.mediator_phone(m, desk.vault) == PHONE


def _logs_in_with_new_password_only(desk: Desk, username: str, mediator_id: str) -> None:
    desk.lock()
    with pytest.raises(PermissionDenied):
        accounts.authenticate(desk, username, PASSWORD)
    assert desk.vault is None
    accounts.authenticate(desk, username, NEW_PASSWORD)
    assert desk.vault is not None
    assert _reads_phone(desk, mediator_id)


# --- change_password ------------------------------------------------------------------------------


def test_change_password_rewraps_the_data_key(desk: Desk, admin: Actor, phone_on_file: str) -> None:
    before = _secrets(desk)
    credentials.change_password(desk, admin, PASSWORD, NEW_PASSWORD)
    after = _secrets(desk)
    assert after["hashes"]["daicailiang"] != before["hashes"]["daicailiang"]
    assert after["wraps"] != before["wraps"] and len(after["wraps"]) == len(before["wraps"])
    assert "operator.password_changed" in _actions(desk)
    _logs_in_with_new_password_only(desk, "daicailiang", phone_on_file)


def test_change_password_on_a_locked_desk_unlocks_with_the_old_one(
    desk: Desk, admin: Actor, phone_on_file: str
) -> None:
    desk.lock()
    credentials.change_password(desk, admin, PASSWORD, NEW_PASSWORD)
    assert desk.vault is not None and _reads_phone(desk, phone_on_file)
    _logs_in_with_new_password_only(desk, "daicailiang", phone_on_file)


def test_wrong_old_password_changes_nothing(desk: Desk, admin: Actor, phone_on_file: str) -> None:
    desk.lock()
    before = _secrets(desk)
    with pytest.raises(ValidationError) as refused:
        credentials.change_password(desk, admin, "not-my-password", NEW_PASSWORD)
    assert _rules(refused) == {("old_password", "password_wrong")}
    assert desk.vault is None  # no partial unlock
    assert _secrets(desk) == before
    assert "operator.password_change_refused" in _actions(desk)
    accounts.authenticate(desk, "daicailiang", PASSWORD)  # the old password still works
    assert _reads_phone(desk, phone_on_file)


def test_wrong_old_passwords_count_towards_the_lockout(desk: Desk, admin: Actor) -> None:
    for _ in range(accounts.MAX_FAILED_LOGINS):
        with pytest.raises(ValidationError):
            credentials.change_password(desk, admin, "not-my-password", NEW_PASSWORD)
    before = _secrets(desk)
    with pytest.raises(PermissionDenied, match="锁定"):
        credentials.change_password(desk, admin, PASSWORD, NEW_PASSWORD)
    assert _secrets(desk) == before


@pytest.mark.parametrize(
    "new, rule", [("short", "password_length"), ("11111111", "password_weak"), (PASSWORD, "password_unchanged")]
)
def test_a_bad_new_password_is_refused(desk: Desk, admin: Actor, new: str, rule: str) -> None:
    before = _secrets(desk)
    with pytest.raises(ValidationError) as refused:
        credentials.change_password(desk, admin, PASSWORD, new)
    assert _rules(refused) == {("new_password", rule)}
    assert _secrets(desk) == before


def test_only_an_operator_changes_a_password(desk: Desk, admin: Actor) -> None:
    with pytest.raises(PermissionDenied):
        credentials.change_password(desk, Actor("cli", "admin"), PASSWORD, NEW_PASSWORD)


# --- reset_password -------------------------------------------------------------------------------


def test_admin_resets_a_forgotten_password_and_lifts_the_lockout(
    desk: Desk, admin: Actor, clerk: Actor, phone_on_file: str
) -> None:
    for _ in range(accounts.MAX_FAILED_LOGINS):
        with pytest.raises(PermissionDenied):
            accounts.authenticate(desk, "clerk", "forgotten-it")
    with pytest.raises(PermissionDenied, match="锁定"):
        accounts.authenticate(desk, "clerk", PASSWORD)
    credentials.reset_password(desk, admin, "clerk", NEW_PASSWORD)
    assert "operator.password_reset" in _actions(desk)
    _logs_in_with_new_password_only(desk, "clerk", phone_on_file)


def test_reset_password_refusals_change_nothing(desk: Desk, admin: Actor, clerk: Actor) -> None:
    before = _secrets(desk)
    with pytest.raises(PermissionDenied):
        credentials.reset_password(desk, clerk, "daicailiang", NEW_PASSWORD)
    with pytest.raises(ValidationError) as unknown:
        credentials.reset_password(desk, admin, "nobody", NEW_PASSWORD)
    assert _rules(unknown) == {("username", "operator_unknown")}
    with pytest.raises(ValidationError) as weak:
        credentials.reset_password(desk, admin, "clerk", "short")
    assert _rules(weak) == {("new_password", "password_length")}
    desk.lock()
    with pytest.raises(Locked):
        credentials.reset_password(desk, admin, "clerk", NEW_PASSWORD)
    assert _secrets(desk) == before


# --- lift_lockout ---------------------------------------------------------------------------------


def test_admin_lifts_a_lockout_and_the_password_stays(desk: Desk, admin: Actor, clerk: Actor) -> None:
    for _ in range(accounts.MAX_FAILED_LOGINS):
        with pytest.raises(PermissionDenied):
            accounts.authenticate(desk, "clerk", "forgotten-it")
    with pytest.raises(accounts.AccountLocked):
        accounts.authenticate(desk, "clerk", PASSWORD)
    before = _secrets(desk)
    assert credentials.lift_lockout(desk, admin, "clerk") is True
    assert _secrets(desk) == before  # no password, no key wrap touched
    assert "operator.lockout_lifted" in _actions(desk)
    assert accounts.authenticate(desk, "clerk", PASSWORD).username == "clerk"
    assert credentials.lift_lockout(desk, admin, "clerk") is False  # nothing to lift: said so


def test_lifting_a_lockout_is_the_admins(desk: Desk, admin: Actor, clerk: Actor) -> None:
    with pytest.raises(PermissionDenied):
        credentials.lift_lockout(desk, clerk, "daicailiang")
    assert _actions(desk)[-1] == "access.denied"
    with pytest.raises(ValidationError) as unknown:
        credentials.lift_lockout(desk, admin, "nobody")
    assert _rules(unknown) == {("username", "operator_unknown")}


def test_a_locked_out_operator_cannot_change_the_password_either(desk: Desk, admin: Actor) -> None:
    for _ in range(accounts.MAX_FAILED_LOGINS):
        with pytest.raises(PermissionDenied):
            accounts.authenticate(desk, "daicailiang", "forgotten-it")
    with pytest.raises(accounts.AccountLocked):
        credentials.change_password(desk, admin, PASSWORD, NEW_PASSWORD)


# --- recover_with_key -----------------------------------------------------------------------------


def test_recovery_key_restores_access_when_every_password_is_lost(
    desk: Desk, committee: CommitteeView, admin: Actor, phone_on_file: str
) -> None:
    assert committee.recovery_key
    for _ in range(accounts.MAX_FAILED_LOGINS):  # locked out as well
        with pytest.raises(PermissionDenied):
            accounts.authenticate(desk, "daicailiang", "forgotten-it")
    desk.lock()
    actor = credentials.recover_with_key(
        desk, committee.recovery_key.lower().replace("-", " "), "daicailiang", NEW_PASSWORD
    )
    assert (actor.username, actor.role, actor.operator_id) == ("daicailiang", "admin", admin.operator_id)
    assert desk.vault is not None and _reads_phone(desk, phone_on_file)
    assert "operator.recovered" in _actions(desk)
    _logs_in_with_new_password_only(desk, "daicailiang", phone_on_file)


@pytest.mark.parametrize(
    "key, rule",
    [
        ("wrong", "recovery_key_wrong"),
        ("ABCD-EFGH", "recovery_key_format"),
        ("", "recovery_key_format"),
    ],
)
def test_a_wrong_recovery_key_unlocks_nothing_and_changes_nothing(
    desk: Desk, committee: CommitteeView, admin: Actor, key: str, rule: str
) -> None:
    if key == "wrong":
        key = crypto.format_recovery_key(crypto.new_recovery_key())
    desk.lock()
    before, actions = _secrets(desk), _actions(desk)
    with pytest.raises(ValidationError) as refused:
        credentials.recover_with_key(desk, key, "daicailiang", NEW_PASSWORD)
    assert _rules(refused) == {("recovery_key", rule)}
    assert desk.vault is None
    assert _secrets(desk) == before and _actions(desk) == actions
    accounts.authenticate(desk, "daicailiang", PASSWORD)


def test_recovery_for_an_unknown_operator_changes_nothing(desk: Desk, committee: CommitteeView, admin: Actor) -> None:
    assert committee.recovery_key
    desk.lock()
    before = _secrets(desk)
    with pytest.raises(ValidationError) as refused:
        credentials.recover_with_key(desk, committee.recovery_key, "nobody", NEW_PASSWORD)
    assert _rules(refused) == {("username", "operator_unknown")}
    assert desk.vault is None and _secrets(desk) == before
    with pytest.raises(ValidationError) as weak:
        credentials.recover_with_key(desk, committee.recovery_key, "daicailiang", "short")
    assert _rules(weak) == {("new_password", "password_length")}
    assert desk.vault is None and _secrets(desk) == before
