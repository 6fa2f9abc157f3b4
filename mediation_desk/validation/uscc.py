"""Unified social credit code (统一社会信用代码, GB 32100-2015) of an organisation.

Individual businesses without a code exist (domain.md §4); whether a code is required is
the caller's decision. This module only checks a code that was given. Pure functions only.
"""

from __future__ import annotations

from mediation_desk.errors import ValidationError

# I O S V Z are left out of the alphabet because they are easily confused with 1 0 5 U 2.
USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_VALUES = {ch: i for i, ch in enumerate(USCC_CHARSET)}
# Wᵢ = 3^(i-1) mod 31
_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_CONFUSABLE = {"I": "1", "O": "0", "S": "5", "V": "U", "Z": "2"}


def uscc_check_char(first17: str) -> str:
    """The check character for the first 17 characters of a code (already upper-case)."""
    if len(first17) != 17 or any(c not in _VALUES for c in first17):
        raise ValueError("first17 must be 17 characters from USCC_CHARSET")
    total = sum(_VALUES[c] * w for c, w in zip(first17, _WEIGHTS, strict=True))
    return USCC_CHARSET[(31 - total % 31) % 31]


def validate_uscc(value: str, field: str = "uscc", label: str = "统一社会信用代码") -> str:
    """Strip and upper-case ``value``, check it, and return the normalised code."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValidationError.single(field, "required", f"{label}不能为空")
    if not isinstance(value, str):
        raise ValidationError.single(field, "uscc_characters", f"{label}必须以文本形式填写")
    # Only ASCII letters are upper-cased: str.upper() would turn "ß" into "SS" (changing the
    # length) and "ı" into "I", so the message would name a character the user never typed.
    code = "".join(c.upper() if "a" <= c <= "z" else c for c in value.strip())

    if len(code) != 18:
        raise ValidationError.single(field, "uscc_length", f"{label}应为 18 位，实际为 {len(code)} 位")
    for pos, ch in enumerate(code, start=1):
        if ch not in _VALUES:
            hint = (
                f"（代码中不使用字母 {ch}，是否应为 {_CONFUSABLE[ch]}？）"
                if ch in _CONFUSABLE
                else "（只能使用数字和除 I、O、S、V、Z 以外的大写字母）"
            )
            raise ValidationError.single(
                field,
                "uscc_characters",
                f"{label}第 {pos} 位含有无效字符「{ch}」(U+{ord(ch):04X}){hint}",
            )

    # As for ID numbers: the error is named, not the check character that would pass.
    if code[17] != uscc_check_char(code[:17]):
        raise ValidationError.single(
            field,
            "uscc_check_digit",
            f"{label}校验不通过：代码中有一位或几位不对，请对照证照逐位核对",
        )
    return code
