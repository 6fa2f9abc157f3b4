"""The device token: in the OS keyring when a secure one exists, else in memory for this session.

Never in a file or the database (the server keeps only its hash). Without a secure keyring
backend the desk says so plainly (`keyring_backend`, the same check as the data key's in
`privacy/keys.py`) and the window or the command line asks for the token once per session.
A token the server refuses is dropped from both places."""
from __future__ import annotations

import logging
import weakref
from typing import Any

import keyring
import keyring.errors

from mediation_desk.privacy import keys

log = logging.getLogger(__name__)
KEYRING_SERVICE = keys.KEYRING_SERVICE
IN_KEYRING, IN_MEMORY = "keyring", "memory"

# The session's tokens, by open desk: gone when the desk object goes (the end of the session).
_session: "weakref.WeakKeyDictionary[Any, str]" = weakref.WeakKeyDictionary()


def _entry(device_id: str) -> str:
    return f"device-token:{device_id}"


def keyring_backend() -> tuple[bool, str]:
    """(secure, backend name): insecure or missing backends never hold the token."""
    return keys.keyring_backend()


def store(desk: Any, token: str) -> bool:
    """Keep the token for this desk; True when it went into the OS keyring (it is also held in
    memory for the session either way)."""
    _session[desk] = token
    usable, name = keyring_backend()
    if not usable:
        log.info("no secure keyring backend (%s): the device token is held for this session only", name)
        return False
    try:
        keyring.set_password(KEYRING_SERVICE, _entry(desk.device_id), token)
        return True
    except keyring.errors.KeyringError as exc:
        log.warning("keyring refused to store the device token: %s", type(exc).__name__)
        return False


def use_for_session(desk: Any, token: str) -> None:
    """A token typed by the clerk (no secure keyring): held in memory until the desk closes."""
    token = (token or "").strip()
    if token:
        _session[desk] = token


def token(desk: Any) -> str | None:
    if desk in _session:
        return _session[desk]
    usable, _ = keyring_backend()
    if not usable:
        return None
    try:
        found = keyring.get_password(KEYRING_SERVICE, _entry(desk.device_id))
    except keyring.errors.KeyringError:
        return None
    return found or None


def where(desk: Any) -> str | None:
    """"keyring", "memory" or None: where this desk's token is now."""
    usable, _ = keyring_backend()
    if usable:
        try:
            if keyring.get_password(KEYRING_SERVICE, _entry(desk.device_id)):
                return IN_KEYRING
        except keyring.errors.KeyringError:
            pass
    return IN_MEMORY if desk in _session else None


def drop(desk: Any) -> None:
    """Forget the token everywhere (the server refused it, or the desk enrolls anew)."""
    _session.pop(desk, None)
    try:
        keyring.delete_password(KEYRING_SERVICE, _entry(desk.device_id))
    except keyring.errors.KeyringError:
        pass
