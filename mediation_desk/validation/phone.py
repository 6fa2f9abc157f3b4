"""Telephone numbers (mobile and landline) and masking of contact details for display.

Landlines matter: many elderly parties have no mobile (domain.md §4). Pure functions only.
"""

from __future__ import annotations

import re

from mediation_desk.errors import ValidationError

# [0-9] rather than \d: Python's \d also matches full-width and other Unicode digits,
# which would let "１３８…" through un-normalised.
_MOBILE_RE = re.compile(r"1[3-9][0-9]{9}")
# No prefix whitelist: carriers keep opening new 1xx ranges.
_COUNTRY_PREFIXES = ("+86", "0086", "86")
_HYPHENS = "-－"  # ASCII and full-width hyphen, both common from Chinese IMEs
_DROPPED = " \t\u3000()（）"  # spaces (incl. full-width) and parentheses around area codes
_EXT_ZHUAN_RE = re.compile(r"(.*)转([0-9]+)")
_LANDLINE_HYPHEN_RE = re.compile(r"(0[0-9]{2,3})-([0-9]{7,8})(?:-([0-9]{1,6}))?")
_LANDLINE_PLAIN_RE = re.compile(r"(0[0-9]{9,11})(?:-([0-9]{1,6}))?")
_NORMALISED_LANDLINE_RE = re.compile(r"(0[0-9]{2,3})-([0-9]{7,8})((?:-|转)[0-9]+)?")

_ACCEPTED_FORMS = (
    "11 位手机号（如 13812345678，可带 +86、空格或连字符），"
    "或带区号的固定电话（如 0575-82123456、057582123456、010-12345678，"
    "分机号可写作 -123 或 转123）"
)


def _format_error(field: str, label: str, raw: str) -> ValidationError:
    return ValidationError.single(field, "phone_format", f"{label}格式不正确（「{raw}」）：请填写{_ACCEPTED_FORMS}")


def _area_length(digits: str) -> int:
    """Area-code length (including the 0) when the user typed no hyphen.

    Beijing 010 and the 02x cities have 3-digit codes; all others have 4. If that split
    leaves an impossible local-number length, the other split is the only reading.
    """
    preferred = 3 if digits.startswith(("010", "02")) else 4
    if 7 <= len(digits) - preferred <= 8:
        return preferred
    return 7 - preferred  # 3 <-> 4


def normalize_phone(value: str, field: str = "phone", label: str = "联系电话") -> str:
    """Return an 11-digit mobile, or a landline as "0575-82123456" (plus any extension)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValidationError.single(field, "required", f"{label}不能为空")
    if not isinstance(value, str):
        raise _format_error(field, label, str(value))
    raw = value.strip()
    compact = "".join(ch for ch in raw if ch not in _DROPPED)
    for h in _HYPHENS[1:]:
        compact = compact.replace(h, "-")

    # Mobile: hyphens carry no meaning, and a country prefix is dropped only when what
    # remains is a mobile, so "86…" can never eat into a landline's digits.
    digits = compact.replace("-", "")
    if _MOBILE_RE.fullmatch(digits):
        return digits
    for prefix in _COUNTRY_PREFIXES:
        if digits.startswith(prefix) and _MOBILE_RE.fullmatch(digits[len(prefix) :]):
            return digits[len(prefix) :]

    # Landline, optionally with an extension written "转123" or "-123".
    ext_suffix = ""
    m = _EXT_ZHUAN_RE.fullmatch(compact)
    if m:
        compact, ext_suffix = m.group(1), "转" + m.group(2)
    m = _LANDLINE_HYPHEN_RE.fullmatch(compact)
    if m:
        # The user's own hyphen decides the area code: it settles the 3+8 / 4+7 ambiguity.
        area, local, ext = m.groups()
    else:
        m = _LANDLINE_PLAIN_RE.fullmatch(compact)
        if not m:
            raise _format_error(field, label, raw)
        plain, ext = m.groups()
        split = _area_length(plain)
        area, local = plain[:split], plain[split:]
        if not 7 <= len(local) <= 8:
            raise _format_error(field, label, raw)
    if ext and ext_suffix:  # both "-12" and "转34": which one is meant is unclear
        raise _format_error(field, label, raw)
    if ext:
        ext_suffix = "-" + ext
    return f"{area}-{local}{ext_suffix}"


def is_mobile(normalised: str) -> bool:
    return bool(_MOBILE_RE.fullmatch(normalised or ""))


def mask_phone(normalised: str) -> str:
    """Hide the middle of a number for lists and printouts: "138****5678", "0575-******56".

    A landline's extension is dropped: it is useless without the number it extends.
    """
    if not normalised:
        return ""
    if is_mobile(normalised):
        return f"{normalised[:3]}****{normalised[-4:]}"
    m = _NORMALISED_LANDLINE_RE.fullmatch(normalised)
    if m:
        area, local = m.group(1), m.group(2)
        return f"{area}-{'*' * (len(local) - 2)}{local[-2:]}"
    # Not a normalised number: show only the last 2 characters rather than risk a leak.
    if len(normalised) <= 2:
        return "*" * len(normalised)
    return "*" * (len(normalised) - 2) + normalised[-2:]


def mask_id_number(number: str) -> str:
    """Hide the birth date and sequence of an ID number: "110105********002X".

    18-character numbers keep the region (first 6) and last 4; other documents keep the
    first 1 and last 2. Numbers of 3 characters or fewer would be fully revealed that way,
    so they are masked entirely.
    """
    if not number:
        return ""
    if len(number) == 18:
        return f"{number[:6]}{'*' * 8}{number[-4:]}"
    if len(number) <= 3:
        return "*" * len(number)
    return f"{number[0]}{'*' * (len(number) - 3)}{number[-2:]}"
