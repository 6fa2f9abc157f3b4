"""Identity documents: the resident ID number (GB 11643-1999) and the other documents a
party may show instead (passport, permits). Pure functions: no I/O, no database.

Every failed check raises ``ValidationError.single(field, rule, message)`` so a form can put
the Chinese message next to the right input (domain.md §4).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from mediation_desk.errors import ValidationError

ID_TYPES: dict[str, str] = {
    "resident_id": "居民身份证",
    "passport": "护照",
    "hk_macao_permit": "港澳居民来往内地通行证",
    "taiwan_permit": "台湾居民来往大陆通行证",
    "foreign_permanent": "外国人永久居留身份证",
    "residence_permit": "港澳台居民居住证",
    "other": "其他",
}

# GB 11643-1999 weights Wᵢ = 2^(18-i) mod 11 for the first 17 positions.
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"

# Only the 2-digit province prefix is checked: codes of abolished or renamed counties stay
# printed on valid cards for decades, so a full region table would reject real people.
# 71 = Taiwan (GB/T 2260); 81/82/83 = Hong Kong / Macao / Taiwan residence permits.
_PROVINCE_CODES = frozenset(
    [f"{n}" for n in range(11, 16)]
    + [f"{n}" for n in range(21, 24)]
    + [f"{n}" for n in range(31, 38)]
    + [f"{n}" for n in range(41, 47)]
    + [f"{n}" for n in range(50, 55)]
    + [f"{n}" for n in range(61, 66)]
    + ["71", "81", "82", "83"]
)

# The lower bound is deliberately generous: the domain's own passing example was born in
# 1880, and refusing a real (if unusual) card is worse than accepting an odd date.
EARLIEST_BIRTH_DATE = date(1800, 1, 1)

_ASCII_DIGITS = frozenset("0123456789")
# Matched before upper-casing: str.upper() turns "ß" into "SS", which would let a
# non-ASCII character pass as ASCII letters.
_PASSPORT_RE = re.compile(r"[A-Za-z0-9]{5,20}")
_HK_MACAO_RE = re.compile(r"[HMhm](?:[0-9]{8}|[0-9]{10})")
_TAIWAN_RE = re.compile(r"[0-9]{8}|[0-9]{10}")


@dataclass(frozen=True)
class ResidentId:
    number: str  # normalised: stripped, check character upper-case
    birth_date: date
    gender: str  # "male" / "female"
    province_code: str  # 2 digits


def resident_id_check_char(first17: str) -> str:
    """The GB 11643-1999 check character ("0"-"9" or "X") for 17 ASCII digits."""
    if len(first17) != 17 or any(c not in _ASCII_DIGITS for c in first17):
        raise ValueError("first17 must be exactly 17 ASCII digits")
    total = sum(int(c) * w for c, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def _describe_char(ch: str) -> str:
    # Invisible or look-alike characters (full-width digits, spaces) are why the user is
    # confused, so show the code point as well as the glyph.
    return f"「{ch}」(U+{ord(ch):04X})"


def parse_resident_id(
    value: str,
    field: str = "id_number",
    label: str = "身份证号码",
    *,
    today: date | None = None,
) -> ResidentId:
    """Check an 18-character resident ID number and extract what it encodes.

    ``today`` exists only so tests and batch imports can pin the "not in the future" check.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValidationError.single(field, "required", f"{label}不能为空")
    if not isinstance(value, str):
        raise ValidationError.single(field, "id_characters", f"{label}必须以文本形式填写")
    number = value.strip()

    if len(number) != 18:
        hint = "（15 位旧号码请改填换发后的 18 位号码）" if len(number) == 15 else ""
        raise ValidationError.single(field, "id_length", f"{label}应为 18 位，实际为 {len(number)} 位{hint}")

    for pos, ch in enumerate(number[:17], start=1):
        if ch not in _ASCII_DIGITS:
            raise ValidationError.single(
                field,
                "id_characters",
                f"{label}第 {pos} 位应为数字，实际为{_describe_char(ch)}",
            )
    last = number[17]
    if last not in _ASCII_DIGITS and last not in "Xx":
        raise ValidationError.single(
            field,
            "id_characters",
            f"{label}第 18 位应为数字或 X，实际为{_describe_char(last)}",
        )
    number = number[:17] + last.upper()

    province = number[:2]
    if province not in _PROVINCE_CODES:
        raise ValidationError.single(field, "id_province", f"{label}前两位省级代码 {province} 不存在")

    digits = number[6:14]
    try:
        birth = date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        raise ValidationError.single(field, "id_birth_date", f"{label}中的出生日期 {digits} 不是有效日期") from None
    today = today or date.today()
    if birth > today:
        raise ValidationError.single(
            field,
            "id_birth_date",
            f"{label}中的出生日期 {birth.isoformat()} 晚于今天",
        )
    if birth < EARLIEST_BIRTH_DATE:
        raise ValidationError.single(
            field,
            "id_birth_date",
            f"{label}中的出生日期 {birth.isoformat()} 早于 {EARLIEST_BIRTH_DATE.isoformat()}",
        )

    # The message names the error, never the check character that would pass: told "应为 X", a
    # clerk changes the last digit, while the mistake is nearly always in another one — only
    # reading the card again finds it.
    if number[17] != resident_id_check_char(number[:17]):
        raise ValidationError.single(
            field,
            "id_check_digit",
            f"{label}校验不通过：号码中有一位或几位不对，请对照证件逐位核对",
        )

    # The 3-digit sequence (positions 15-17) is odd for men; its parity is that of digit 17.
    gender = "male" if int(number[16]) % 2 == 1 else "female"
    return ResidentId(number=number, birth_date=birth, gender=gender, province_code=province)


def validate_id_document(id_type: str, number: str, field: str = "id_number") -> str:
    """Check a document number for its type and return it normalised."""
    if id_type not in ID_TYPES:
        known = "、".join(f"{code}（{name}）" for code, name in ID_TYPES.items())
        raise ValidationError.single(field, "id_type", f"证件类型「{id_type}」不存在，可选：{known}")
    label = "身份证号码" if id_type == "resident_id" else f"{ID_TYPES[id_type]}号码"
    if id_type in ("resident_id", "residence_permit"):
        # Residence permits for HK/Macao/Taiwan residents use the same 18-character scheme
        # (prefixes 81/82/83), so the same check applies.
        return parse_resident_id(number, field, label).number

    if number is None or (isinstance(number, str) and not number.strip()):
        raise ValidationError.single(field, "required", f"{label}不能为空")
    if not isinstance(number, str):
        raise ValidationError.single(field, "id_characters", f"{label}必须以文本形式填写")
    text = number.strip()

    if id_type == "passport":
        if not _PASSPORT_RE.fullmatch(text):
            raise ValidationError.single(field, "id_format", f"{label}应为 5–20 位英文字母或数字，实际为「{text}」")
        return text.upper()
    if id_type == "hk_macao_permit":
        if not _HK_MACAO_RE.fullmatch(text):
            raise ValidationError.single(
                field,
                "id_format",
                f"{label}应为字母 H 或 M 加 8 位或 10 位数字，实际为「{text}」",
            )
        return text.upper()
    if id_type == "taiwan_permit":
        if not _TAIWAN_RE.fullmatch(text):
            raise ValidationError.single(field, "id_format", f"{label}应为 8 位或 10 位数字，实际为「{text}」")
        return text

    # foreign_permanent and other: formats vary too much to check more than this; keep
    # the value exactly as typed (no case change) because we cannot know it is insensitive.
    if len(text) > 30:
        raise ValidationError.single(field, "id_format", f"{label}最多 30 个字符，实际为 {len(text)} 个")
    for pos, ch in enumerate(text, start=1):
        if ch.isspace() or not ch.isprintable():
            raise ValidationError.single(
                field,
                "id_format",
                f"{label}第 {pos} 个字符{_describe_char(ch)}是空白或不可见字符",
            )
    return text


def age_on(birth: date, on: date) -> int:
    """Full years (周岁) reached on ``on``. Someone born on 29 February turns a year older
    on 1 March in common years, because (2, 28) < (2, 29)."""
    if on < birth:
        raise ValueError("'on' is before the birth date")
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))
