"""The placard's code (亮码公示): a place's 10-character code and the QR payload a scanner types
back into the desk. Pure, like `rules.py`; the desk prints and reads it, the district may too."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from mediation_desk.sitecode.rules import COLOUR_LETTERS, parse_month

# Upper-case letters, digits and the hyphen only: a keyboard-wedge scanner types them the same
# under any keyboard layout and caps-lock state the desk happens to be in (no shifted symbols).
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's base 32: no I L O U
PAYLOAD_PREFIX = "YDYM"
_PAYLOAD = re.compile(r"YDYM-([0-9A-Z]{10})-(\d{6})-([GYR])-([0-9A-Z])")


def place_code(place_id: str) -> str:
    """A place's 10-character code, from its id: 50 bits of the id's SHA-256 (a UUID's own bits
    include fixed version bits), so no two of a district's places share one in practice."""
    n = int.from_bytes(hashlib.sha256(place_id.encode("ascii")).digest()[:7], "big") >> 6
    return "".join(_ALPHABET[(n >> (5 * k)) & 31] for k in reversed(range(10)))


def _check_char(body: str) -> str:
    """ISO 7064 MOD 37,36 over the payload's letters and digits (hyphens skipped): catches every
    single mistyped character and every swap of two neighbours."""
    table = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    p = 36
    for ch in body:
        if ch != "-":
            s = (p + table.index(ch)) % 36 or 36
            p = s * 2 % 37
    return table[(37 - p) % 36]


def placard_payload(place_id: str, month: str, colour: str) -> str:
    body = f"{PAYLOAD_PREFIX}-{place_code(place_id)}-{month.replace('-', '')}-{COLOUR_LETTERS[colour]}"
    return f"{body}-{_check_char(body)}"


@dataclass(frozen=True)
class Payload:
    place_code: str
    month: str
    colour: str


def parse_payload(text: str) -> Payload | None:
    """What a scanner typed, or None when it is not a placard's code (or a character was lost)."""
    raw = text.strip().upper()
    m = _PAYLOAD.fullmatch(raw)
    if not m or _check_char(raw[:-2]) != m.group(4):
        return None
    month = f"{m.group(2)[:4]}-{m.group(2)[4:]}"
    try:
        parse_month(month)
    except ValueError:
        return None
    colour = {v: k for k, v in COLOUR_LETTERS.items()}[m.group(3)]
    return Payload(m.group(1), month, colour)
