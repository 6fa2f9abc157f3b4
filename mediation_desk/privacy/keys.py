"""The data key's life: created at setup, wrapped per operator and under the recovery key,
unlocked at login (or from the OS keyring), never written to disk in clear.

Losing every password is recoverable only with the recovery key printed at setup."""

from __future__ import annotations

import base64
import contextlib
import logging
import os
from typing import Any

import keyring
import keyring.errors
from sqlalchemy import select
from sqlalchemy.orm import Session

from mediation_desk.errors import ValidationError
from mediation_desk.privacy import crypto
from mediation_desk.privacy.models import KeyWrap
from mediation_desk.privacy.vault import Vault

log = logging.getLogger(__name__)
KEYRING_SERVICE = "mediation-desk"
SALT_BYTES = 16


def keys_exist(session: Session) -> bool:
    return session.scalars(select(KeyWrap.id).limit(1)).first() is not None


def _aad(kind: str, operator_id: str | None) -> bytes:
    return f"key_wrap:{kind}:{operator_id or ''}".encode()


def wrap_for_operator(session: Session, vault: Vault, operator_id: str, password: str) -> None:
    """(Re)wrap the data key under an operator's password (new operator, changed password)."""
    salt = os.urandom(SALT_BYTES)
    kek = crypto.kek_from_password(password, salt)
    blob = crypto.seal(kek, vault.master, _aad("operator", operator_id))
    row = session.scalars(select(KeyWrap).where(KeyWrap.operator_id == operator_id)).first()
    if row is None:
        session.add(
            KeyWrap(kind="operator", operator_id=operator_id, salt=salt, kdf=dict(crypto.KDF_PARAMS), blob=blob)
        )
    else:
        row.salt, row.kdf, row.blob = salt, dict(crypto.KDF_PARAMS), blob


def create_keys(session: Session) -> tuple[Vault, str]:
    """A new data key, wrapped under a new recovery key. Returns the unlocked vault and the
    recovery key text to print once."""
    master = crypto.new_key()
    raw = crypto.new_recovery_key()
    salt = os.urandom(SALT_BYTES)
    blob = crypto.seal(crypto.kek_from_recovery(raw, salt), master, _aad("recovery", None))
    session.add(KeyWrap(kind="recovery", operator_id=None, salt=salt, kdf={"hkdf": "sha256"}, blob=blob))
    return Vault(master), crypto.format_recovery_key(raw)


def unlock_with_password(session: Session, operator_id: str, password: str) -> Vault | None:
    """The vault, or None when this operator has no wrap yet. A wrong password raises, but the
    caller has already checked the password hash, so that means a damaged wrap."""
    row = session.scalars(select(KeyWrap).where(KeyWrap.operator_id == operator_id)).first()
    if row is None:
        return None
    kek = crypto.kek_from_password(password, row.salt, row.kdf)
    return Vault(crypto.open_sealed(kek, row.blob, _aad("operator", operator_id)))


def unlock_with_recovery(session: Session, recovery_text: str) -> Vault:
    raw = crypto.parse_recovery_key(recovery_text)
    if raw is None:
        raise ValidationError.single(
            "recovery_key",
            "recovery_key_format",
            "恢复密钥格式不对：应为 32 个字母或数字（2–7），可按 4 个一组用“-”分隔",
        )
    row = session.scalars(select(KeyWrap).where(KeyWrap.kind == "recovery")).first()
    if row is None:
        raise ValidationError.single("recovery_key", "recovery_key_missing", "本机没有恢复密钥记录")
    try:
        return Vault(crypto.open_sealed(crypto.kek_from_recovery(raw, row.salt), row.blob, _aad("recovery", None)))
    except crypto.DecryptError:
        raise ValidationError.single(
            "recovery_key", "recovery_key_wrong", "恢复密钥不正确（与本机设置时打印的不一致）"
        ) from None


# ---- OS keyring -------------------------------------------------------------------------------


def keyring_backend() -> tuple[bool, str]:
    """(usable, name). Usable means a real secure store: not the fail/null backends, not a
    plaintext file. With none, the desk says so and asks for a password each session."""
    try:
        backend = keyring.get_keyring()
    except Exception as exc:  # noqa: BLE001 - a broken keyring configuration must not stop the desk
        return False, f"keyring error: {type(exc).__name__}"
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    insecure = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt.file")
    usable = getattr(backend, "priority", 0) > 0 and not name.startswith(insecure)
    if name.startswith("keyring.backends.chainer") and not getattr(backend, "backends", []):
        usable = False
    return usable, name


def _entry(device_id: str) -> str:
    return f"data-key:{device_id}"


def remember_in_keyring(device_id: str, vault: Vault) -> bool:
    usable, name = keyring_backend()
    if not usable:
        log.info("no secure keyring backend (%s): the data key is not remembered", name)
        return False
    try:
        keyring.set_password(KEYRING_SERVICE, _entry(device_id), base64.b64encode(vault.master).decode())
        return True
    except keyring.errors.KeyringError as exc:
        log.warning("keyring refused to store the data key: %s", type(exc).__name__)
        return False


def forget_in_keyring(device_id: str) -> None:
    with contextlib.suppress(keyring.errors.KeyringError):
        keyring.delete_password(KEYRING_SERVICE, _entry(device_id))


def vault_from_keyring(device_id: str, session: Session) -> Vault | None:
    """The vault from the OS keyring; a stored key that does not open this desk's data (a
    restored backup of another desk, say) is ignored."""
    usable, _ = keyring_backend()
    if not usable:
        return None
    try:
        text = keyring.get_password(KEYRING_SERVICE, _entry(device_id))
    except keyring.errors.KeyringError:
        return None
    if not text:
        return None
    try:
        vault = Vault(base64.b64decode(text))
    except (ValueError, TypeError):
        return None
    return vault if key_matches(session, vault) else None


def key_matches(session: Session, vault: Vault) -> bool:
    """True when `vault` holds this desk's data key (checked by opening a sample value)."""
    from mediation_desk.storage.state import DeskState

    row = session.get(DeskState, "key_check")
    if row is None:
        return False
    try:
        return vault.open_text(base64.b64decode(row.value), "desk_state.key_check") == "ok"
    except crypto.DecryptError:
        return False


def store_key_check(session: Session, vault: Vault) -> None:
    from mediation_desk.storage.state import DeskState

    blob = vault.seal_text("ok", "desk_state.key_check")
    assert blob is not None
    session.merge(DeskState(key="key_check", value=base64.b64encode(blob).decode()))


def describe(session: Session) -> dict[str, Any]:
    rows = session.scalars(select(KeyWrap)).all()
    return {"operators": sum(r.kind == "operator" for r in rows), "recovery": any(r.kind == "recovery" for r in rows)}
