"""The device token: in the OS keyring when a secure one exists, held in the desk's session once read.

Never in a file or the database (the server keeps only its hash). This module reads and writes the
keyring; the open desk's session (`core/session.py`, `desk.session`) holds the token in memory and
forgets it with the data key when the desk locks or closes. Without a secure keyring backend the
desk says so plainly (`keyring_backend`, the same check as the data key's in `privacy/keys.py`)
and the window or the command line asks for the token once per session. A token the server
refuses is dropped from both places; a token the server renewed replaces the old one in the
keyring before it is used (`replace`)."""

from __future__ import annotations

import hmac
import logging

import keyring
import keyring.errors

from mediation_desk.core.session import TOKEN_IN_KEYRING, TOKEN_TYPED
from mediation_desk.desk import Desk
from mediation_desk.privacy import keys

log = logging.getLogger(__name__)
KEYRING_SERVICE = keys.KEYRING_SERVICE
IN_KEYRING, IN_MEMORY = TOKEN_IN_KEYRING, TOKEN_TYPED


def _entry(device_id: str) -> str:
    return f"device-token:{device_id}"


def keyring_backend() -> tuple[bool, str]:
    """(secure, backend name): insecure or missing backends never hold the token."""
    return keys.keyring_backend()


def from_keyring(desk: Desk) -> str | None:
    """The token in the OS keyring (None: no secure keyring, or no token in it)."""
    return _from_keyring(desk)


def _from_keyring(desk: Desk) -> str | None:
    usable, _ = keyring_backend()
    if not usable:
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, _entry(desk.device_id)) or None
    except keyring.errors.KeyringError:
        return None


def store(desk: Desk, token: str) -> bool:
    """Keep the token for this desk; True when it went into the OS keyring. Without one, the
    session holds it until the desk locks or closes."""
    epoch = desk.session.epoch
    usable, name = keyring_backend()
    if usable:
        try:
            keyring.set_password(KEYRING_SERVICE, _entry(desk.device_id), token)
        except keyring.errors.KeyringError as exc:
            log.warning("keyring refused to store the device token: %s", type(exc).__name__)
        else:
            desk.session.keep_keyring_token(token, since=epoch)
            return True
    else:
        log.info("no secure keyring backend (%s): the device token is held for this session only", name)
    desk.session.keep_typed_token(token)
    return False


def replace(desk: Desk, token: str) -> bool:
    """Put a renewed token where the current one is kept, before it is used: True once the OS
    keyring holds it (read back to be sure). Otherwise nothing changes and False: the desk goes on
    with its current token (the district keeps it valid for a grace) and renews again next round.
    The caller renews only a token it read from the keyring (`from_keyring`): one the clerk types
    each session (no secure keyring) is never replaced behind their back."""
    usable, _ = keyring_backend()
    if not usable:
        return False
    epoch = desk.session.epoch
    entry = _entry(desk.device_id)
    try:
        keyring.set_password(KEYRING_SERVICE, entry, token)
        kept = keyring.get_password(KEYRING_SERVICE, entry)
    except keyring.errors.KeyringError as exc:
        log.warning("keyring refused the renewed device token: %s", type(exc).__name__)
        return False
    if kept != token:
        log.warning("the keyring did not keep the renewed device token")
        return False
    desk.session.keep_keyring_token(token, since=epoch)
    return True


def newer_in_keyring(desk: Desk, used: str | None) -> str | None:
    """The keyring's token when it is not `used` (another process of this desk renewed it; the
    keyring only ever holds the newest), now held by the session too; else None."""
    epoch = desk.session.epoch
    found = _from_keyring(desk)
    if not found or (used and hmac.compare_digest(found.encode(), used.encode())):
        return None
    desk.session.keep_keyring_token(found, since=epoch)
    return found


def use_for_session(desk: Desk, token: str) -> None:
    """A token typed by the clerk (no secure keyring): held until the desk locks or closes."""
    token = (token or "").strip()
    if token:
        desk.session.keep_typed_token(token)


def token(desk: Desk) -> str | None:
    """The session's token, or the keyring's (then held by the session while it is unlocked)."""
    held, _ = desk.session.token()
    if held:
        return held
    epoch = desk.session.epoch  # before the (slow) keyring read: a lock meanwhile wins
    found = _from_keyring(desk)
    if found:
        desk.session.keep_keyring_token(found, since=epoch)
    return found


def where(desk: Desk) -> str | None:
    """ "keyring", "memory" or None: where this desk's token is now."""
    if _from_keyring(desk):
        return IN_KEYRING
    held, _ = desk.session.token()
    return IN_MEMORY if held else None


def drop(desk: Desk) -> None:
    """Forget the token everywhere (the server refused it, or the desk enrolls anew)."""
    desk.session.forget_token()
    try:
        keyring.delete_password(KEYRING_SERVICE, _entry(desk.device_id))
    except keyring.errors.KeyringError:
        pass
