"""The open desk's session holds its secrets — the data key and the device token — in one place,
and a lock or the desk's close forgets both: the token read once from the OS keyring, or typed
by the clerk, goes with the key; a keyring read that ends after a lock does not bring it back."""

from __future__ import annotations

from typing import Any

import keyring
import keyring.backends.fail
import pytest
import service_helpers
from service_helpers import Env, env  # noqa: F401  (env is a fixture)

from mediation_desk.core.session import TOKEN_IN_KEYRING, TOKEN_TYPED, DeskSession
from mediation_desk.desk import Desk
from mediation_desk.privacy.vault import Locked, Vault
from mediation_desk.sync import api, credentials


def unlock(env: Env) -> None:
    """Someone logs in again (every test desk shares the template's data key)."""
    assert service_helpers._template_key is not None
    env.desk.unlock(Vault(service_helpers._template_key))


def keyring_entry(desk: Desk) -> tuple[str, str]:
    return credentials.KEYRING_SERVICE, f"device-token:{desk.device_id}"


def test_a_token_read_from_the_keyring_is_held_and_a_lock_wipes_it_with_the_key(env: Env, memory_keyring) -> None:
    desk = env.desk
    assert credentials.store(desk, "tok-1") is True
    assert desk.session.token() == ("tok-1", TOKEN_IN_KEYRING)
    del memory_keyring.secrets[keyring_entry(desk)]  # gone from the keyring: the session still has it
    assert credentials.token(desk) == "tok-1"
    memory_keyring.secrets[keyring_entry(desk)] = "tok-1"

    key = desk.vault
    assert key is not None
    desk.lock()
    assert desk.vault is None and desk.session.token() == (None, None)
    with pytest.raises(Locked):
        key.master  # the key object itself is wiped, not only let go
    with pytest.raises(Locked):
        desk.require_vault()
    # Locked, sync still finds the token in the keyring, and does not keep it.
    assert credentials.token(desk) == "tok-1" and desk.session.token() == (None, None)
    assert api.sync_status(desk).token == credentials.IN_KEYRING

    unlock(env)  # a login: the next read is held again
    assert credentials.token(desk) == "tok-1" and desk.session.token() == ("tok-1", TOKEN_IN_KEYRING)


def test_a_typed_token_lasts_until_the_lock(env: Env) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    desk = env.desk
    credentials.use_for_session(desk, "   ")  # nothing typed: nothing held
    assert desk.session.token() == (None, None) and credentials.where(desk) is None
    credentials.use_for_session(desk, "  typed-token \n")
    assert desk.session.token() == ("typed-token", TOKEN_TYPED) and credentials.where(desk) == credentials.IN_MEMORY
    desk.lock()
    assert credentials.token(desk) is None and credentials.where(desk) is None
    assert api.sync_status(desk).token is None  # the sync page asks for it again after the login


def test_closing_the_desk_wipes_both(env: Env) -> None:
    desk = Desk.open(env.desk.paths)
    try:
        unlock(Env(desk, env.admin, env.root))
        credentials.use_for_session(desk, "typed-token")
        key = desk.vault
        assert key is not None
    finally:
        desk.close()
    assert desk.vault is None and desk.session.token() == (None, None)
    with pytest.raises(Locked):
        key.master


def test_a_keyring_read_that_ends_after_a_lock_does_not_bring_the_token_back(
    env: Env, memory_keyring, monkeypatch
) -> None:
    desk = env.desk
    memory_keyring.secrets[keyring_entry(desk)] = "tok-3"
    real = memory_keyring.get_password

    def slow_read(service: str, username: str) -> Any:
        found = real(service, username)
        desk.lock()  # Ctrl+L on the desk worker while the sync thread waits for the keyring
        return found

    monkeypatch.setattr(memory_keyring, "get_password", slow_read)
    assert credentials.token(desk) == "tok-3"  # the round that asked gets it, for itself
    assert desk.vault is None and desk.session.token() == (None, None)


def test_dropping_the_token_keeps_the_key(env: Env, memory_keyring) -> None:
    desk = env.desk
    credentials.store(desk, "tok-4")
    credentials.drop(desk)  # refused by the server
    assert desk.session.token() == (None, None) and credentials.token(desk) is None
    assert keyring_entry(desk) not in memory_keyring.secrets and desk.vault is not None


def test_a_keyring_token_is_kept_only_while_unlocked_and_with_no_wipe_in_between() -> None:
    session = DeskSession()
    assert not session.keep_keyring_token("tok", since=session.epoch)  # locked: not kept
    session.unlock(Vault(bytes(32)))
    before = session.mark()
    session.wipe()  # a lock, then another login, while the keyring was being read
    session.unlock(Vault(bytes(32)))
    assert session.locked_since(before)
    assert not session.keep_keyring_token("tok", since=before.epoch) and session.token() == (None, None)
    assert session.keep_keyring_token("tok", since=session.epoch)
    assert session.token() == ("tok", TOKEN_IN_KEYRING)
    session.keep_typed_token("typed")  # typed over it: the newest wins
    assert session.token() == ("typed", TOKEN_TYPED)
    session.wipe()
    locked = session.mark()
    session.wipe()
    assert not session.locked_since(locked)  # locked already at the mark: nothing was lost
