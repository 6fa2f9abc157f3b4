"""Free text, names, amounts, dates and small code lists (ethnicity, gender).

Names follow GB 18030-2022 (domain.md §10): rare characters outside the BMP are stored
exactly as typed, lengths are counted in code points, and nothing is ever normalised or
substituted. Pure functions only.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from mediation_desk.errors import ValidationError

AMOUNT_MAX = Decimal(10) ** 12  # yuan; far above any village dispute, catches typos
_CENT = Decimal("0.01")
_AMOUNT_RE = re.compile(r"[+-]?(?:[0-9]+|[0-9]{1,3}(?:,[0-9]{3})+)(?:\.[0-9]+)?")
_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

# The 56 nationalities in the order of GB/T 3304, then its two extra entries.
ETHNIC_GROUPS: tuple[str, ...] = (
    "汉族",
    "蒙古族",
    "回族",
    "藏族",
    "维吾尔族",
    "苗族",
    "彝族",
    "壮族",
    "布依族",
    "朝鲜族",
    "满族",
    "侗族",
    "瑶族",
    "白族",
    "土家族",
    "哈尼族",
    "哈萨克族",
    "傣族",
    "黎族",
    "傈僳族",
    "佤族",
    "畲族",
    "高山族",
    "拉祜族",
    "水族",
    "东乡族",
    "纳西族",
    "景颇族",
    "柯尔克孜族",
    "土族",
    "达斡尔族",
    "仫佬族",
    "羌族",
    "布朗族",
    "撒拉族",
    "毛南族",
    "仡佬族",
    "锡伯族",
    "阿昌族",
    "普米族",
    "塔吉克族",
    "怒族",
    "乌孜别克族",
    "俄罗斯族",
    "鄂温克族",
    "德昂族",
    "保安族",
    "裕固族",
    "京族",
    "塔塔尔族",
    "独龙族",
    "鄂伦春族",
    "赫哲族",
    "门巴族",
    "珞巴族",
    "基诺族",
    "其他",
    "外国血统",
)
# People often write "汉" for "汉族"; no short form collides with another group's name.
_ETHNIC_LOOKUP: dict[str, str] = {g: g for g in ETHNIC_GROUPS} | {g[:-1]: g for g in ETHNIC_GROUPS if g.endswith("族")}

GENDERS: dict[str, str] = {"male": "男", "female": "女"}
_GENDER_LOOKUP = {"male": "male", "female": "female", "男": "male", "女": "female"}


def _is_noncharacter(cp: int) -> bool:
    # U+FDD0..U+FDEF and the last two code points of every plane are permanently reserved.
    return 0xFDD0 <= cp <= 0xFDEF or (cp & 0xFFFE) == 0xFFFE


def _is_strippable(ch: str) -> bool:
    # str.strip() would also remove the C0 "information separators" U+001C-U+001F and
    # NEL U+0085, which Python counts as whitespace; those are control characters and
    # must be reported, not silently dropped.
    return ch.isspace() and (unicodedata.category(ch) != "Cc" or ch in "\t\n\r\x0b\x0c")


def _strip(value: str) -> str:
    start, end = 0, len(value)
    while start < end and _is_strippable(value[start]):
        start += 1
    while end > start and _is_strippable(value[end - 1]):
        end -= 1
    return value[start:end]


def clean_text(
    value: str | None,
    field: str,
    label: str,
    *,
    required: bool,
    max_chars: int,
    multiline: bool = False,
) -> str | None:
    """Strip surrounding whitespace and check ``value``; the characters are never changed.

    Returns None for an empty optional value. In multiline text "\\r\\n" becomes "\\n" and
    "\\n"/"\\t" are allowed; every other control character is refused.
    """
    if value is not None and not isinstance(value, str):
        raise ValidationError.single(field, "text_type", f"{label}必须是文本")
    text = _strip(value or "")
    if not text:
        if required:
            raise ValidationError.single(field, "required", f"{label}不能为空")
        return None
    if multiline:
        text = text.replace("\r\n", "\n")

    allowed_controls = "\n\t" if multiline else ""
    for pos, ch in enumerate(text, start=1):
        cp = ord(ch)
        if 0xD800 <= cp <= 0xDFFF or _is_noncharacter(cp):
            # Lone surrogates cannot be stored as UTF-8; non-characters are never text.
            raise ValidationError.single(
                field,
                "invalid_character",
                f"{label}第 {pos} 个字符 U+{cp:04X} 是无效字符，请删除后重新输入",
            )
        if unicodedata.category(ch) == "Cc" and ch not in allowed_controls:
            raise ValidationError.single(
                field,
                "control_character",
                f"{label}第 {pos} 个字符是控制字符 U+{cp:04X}，请删除",
            )

    # len() of a Python str counts code points, so "𠀾" is 1, as GB 18030 users expect.
    if len(text) > max_chars:
        raise ValidationError.single(
            field,
            "too_long",
            f"{label}最多 {max_chars} 个字，现在有 {len(text)} 个",
        )
    return text


def clean_name(value: str | None, field: str = "name", label: str = "姓名", max_chars: int = 64) -> str:
    """A person's or organisation's name: required, single line, kept exactly as typed
    (rare characters such as "𠀾" and the middle dot in "阿卜杜拉·艾买提" included)."""
    name = clean_text(value, field, label, required=True, max_chars=max_chars)
    assert name is not None  # required=True never returns None
    if all(ch.isdigit() or ch.isspace() for ch in name):
        raise ValidationError.single(field, "name_digits", f"{label}不能只由数字组成")
    return name


def parse_amount(value: str | int | Decimal | None, field: str = "amount", label: str = "金额") -> Decimal | None:
    """Yuan, non-negative, whole cents, at most 10^12; returned with exactly 2 places.

    Floats are refused: 0.1 + 0.2 style binary errors must never reach a legal document.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    fmt_msg = f"{label}格式不正确：请填写数字，如 1200 或 1200.50"
    if isinstance(value, bool) or not isinstance(value, (str, int, Decimal)):
        raise ValidationError.single(field, "amount_format", fmt_msg)
    if isinstance(value, str):
        text = value.strip()
        if not _AMOUNT_RE.fullmatch(text):
            raise ValidationError.single(field, "amount_format", fmt_msg)
        amount = Decimal(text.replace(",", ""))
    else:
        try:
            amount = Decimal(value)
        except InvalidOperation:  # pragma: no cover - int/Decimal always convert
            raise ValidationError.single(field, "amount_format", fmt_msg) from None
        if not amount.is_finite():
            raise ValidationError.single(field, "amount_format", fmt_msg)

    if amount < 0:
        raise ValidationError.single(field, "amount_negative", f"{label}不能为负数")
    # Checked before quantize(): a huge value would overflow the decimal context there.
    if amount > AMOUNT_MAX:
        raise ValidationError.single(field, "amount_too_large", f"{label}不能超过 1000000000000 元（一万亿元）")
    cents = amount.quantize(_CENT)
    if cents != amount:
        raise ValidationError.single(field, "amount_precision", f"{label}最多保留两位小数（精确到分）")
    # "-0.00" compares equal to zero but would print with a minus sign.
    return cents if cents else Decimal("0.00")


def parse_date(value: date | str | None, field: str, label: str) -> date | None:
    """A date object or an ISO "YYYY-MM-DD" string; None or empty gives None."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        if _DATE_RE.fullmatch(text):
            try:
                return date(int(text[:4]), int(text[5:7]), int(text[8:10]))
            except ValueError:
                raise ValidationError.single(field, "date_format", f"{label}「{text}」不是有效日期") from None
    raise ValidationError.single(field, "date_format", f"{label}格式不正确：请按 年-月-日 填写，如 2024-03-05")


def validate_ethnicity(value: str | None, field: str = "ethnicity") -> str:
    """One of ETHNIC_GROUPS; "汉" is accepted for "汉族" and the canonical form returned."""
    text = value.strip() if isinstance(value, str) else ""
    if not text:
        raise ValidationError.single(field, "required", "民族不能为空")
    canonical = _ETHNIC_LOOKUP.get(text)
    if canonical is None:
        raise ValidationError.single(field, "ethnicity", f"民族「{text}」不在 56 个民族及「其他」「外国血统」之列")
    return canonical


def parse_gender(value: str | None, field: str = "gender") -> str:
    """ "male"/"female" from "male", "female", "男" or "女" (English in any case)."""
    text = value.strip() if isinstance(value, str) else ""
    if not text:
        raise ValidationError.single(field, "required", "性别不能为空")
    gender = _GENDER_LOOKUP.get(text.lower() if text.isascii() else text)
    if gender is None:
        raise ValidationError.single(field, "gender", f"性别「{text}」无效：请填写 男 或 女")
    return gender
