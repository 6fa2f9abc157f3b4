"""Enrollment codes and device tokens: made from `secrets`, kept only as SHA-256 hashes.

Both are long random values (codes 60 bits and one-time with an expiry, tokens 256 bits), so a
plain hash is enough — no password stretching is needed. Lookups go by the hash and the stored
hash is compared again in constant time."""

from __future__ import annotations

import hashlib
import hmac
import secrets

# Crockford's base32: no I, L, O, U — nothing a clerk can misread when typing a code from paper.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_GROUPS, CODE_GROUP_LEN = 3, 4
_TYPOS = str.maketrans({"I": "1", "L": "1", "O": "0", "U": "V"})


def new_code() -> str:
    """A one-time enrollment code such as `7KQ2-M9XD-4TRB`."""
    groups = ("".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUP_LEN)) for _ in range(CODE_GROUPS))
    return "-".join(groups)


def normalize_code(typed: str) -> str:
    """What a person typed, in canonical form: case, spaces and dashes do not matter."""
    cleaned = "".join(ch for ch in typed.upper() if ch.isalnum())
    return cleaned.translate(_TYPOS)


def code_hash(code: str) -> str:
    return hashlib.sha256(("enroll:" + normalize_code(code)).encode()).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(("device:" + token).encode()).hexdigest()


def same_hash(stored: str, presented: str) -> bool:
    return hmac.compare_digest(stored.encode(), presented.encode())
