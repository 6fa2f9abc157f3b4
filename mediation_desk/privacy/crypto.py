"""Cryptographic primitives, all from `cryptography` and `argon2-cffi`; nothing hand-rolled.

- Field and file encryption: AES-256-GCM (authenticated), a fresh 96-bit nonce per value, and
  associated data naming what the value is (table, column, row) so a ciphertext copied into
  another row or column fails to open instead of silently showing the wrong person's data.
- Exact-match lookup of encrypted values: HMAC-SHA256 "blind index" under its own key.
- Keys from passwords: Argon2id (memory-hard); from the high-entropy recovery key: HKDF.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from mediation_desk.errors import DeskError

KEY_BYTES = 32
NONCE_BYTES = 12
VERSION = b"\x01"  # first byte of every sealed value: room for a later algorithm change
RECOVERY_BYTES = 20  # 160 bits, shown as 32 base32 characters
# Argon2id cost for wrapping keys with a password; stored beside each wrap so it can grow.
KDF_PARAMS = {"t": 3, "m": 64 * 1024, "p": 2}


class DecryptError(DeskError):
    """A sealed value did not open: wrong key, wrong place, or tampered with. Reported to the
    user as a refusal naming no values, never as a crash."""

    def __init__(self, detail: str = "") -> None:
        super().__init__(
            "加密的个人信息无法打开：记录可能被改动，或不是用本机的数据密钥加密的" + (f"（{detail}）" if detail else "")
        )


def new_key() -> bytes:
    return os.urandom(KEY_BYTES)


def seal(key: bytes, plaintext: bytes, aad: bytes) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    return VERSION + nonce + AESGCM(key).encrypt(nonce, plaintext, aad)


def open_sealed(key: bytes, blob: bytes, aad: bytes) -> bytes:
    if len(blob) < 1 + NONCE_BYTES + 16 or blob[:1] != VERSION:
        raise DecryptError("格式不符")
    try:
        return AESGCM(key).decrypt(blob[1 : 1 + NONCE_BYTES], blob[1 + NONCE_BYTES :], aad)
    except InvalidTag:
        raise DecryptError("校验失败") from None


def kek_from_password(password: str, salt: bytes, params: dict[str, int] | None = None) -> bytes:
    p = params or KDF_PARAMS
    return hash_secret_raw(
        password.encode("utf-8"),
        salt,
        time_cost=p["t"],
        memory_cost=p["m"],
        parallelism=p["p"],
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def kek_from_recovery(raw: bytes, salt: bytes) -> bytes:
    return _hkdf(raw, salt, b"mediation-desk recovery wrap v1")


def subkeys(master: bytes) -> tuple[bytes, bytes]:
    """(encryption key, blind-index key): one master, separate keys per purpose."""
    return (
        _hkdf(master, b"", b"mediation-desk field encryption v1"),
        _hkdf(master, b"", b"mediation-desk blind index v1"),
    )


def _hkdf(secret: bytes, salt: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=salt or None, info=info).derive(secret)


def blind_index(index_key: bytes, value: str) -> str:
    return hmac.new(index_key, value.encode("utf-8"), hashlib.sha256).hexdigest()


def new_recovery_key() -> bytes:
    return os.urandom(RECOVERY_BYTES)


def format_recovery_key(raw: bytes) -> str:
    """Eight groups of four, easy to print and to type back: ABCD-EFGH-…"""
    text = base64.b32encode(raw).decode("ascii").rstrip("=")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def parse_recovery_key(text: str) -> bytes | None:
    """The raw key, or None when `text` cannot be a recovery key (wrong length or letters).
    Tolerates spaces, hyphens and lower case; O/0 and I/1 are read as the base32 letters meant."""
    cleaned = re.sub(r"[\s\-]", "", text or "").upper().replace("0", "O").replace("1", "I")
    if len(cleaned) != 32 or not re.fullmatch(r"[A-Z2-7]+", cleaned):
        return None
    return base64.b32decode(cleaned)
