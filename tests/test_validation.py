"""Tests for mediation_desk.validation (domain.md §4 and §10)."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from mediation_desk import validation as v
from mediation_desk.errors import FieldProblem, ValidationError
from mediation_desk.validation import (
    ETHNIC_GROUPS,
    GENDERS,
    ID_TYPES,
    USCC_CHARSET,
    ResidentId,
    age_on,
    clean_name,
    clean_text,
    is_mobile,
    mask_id_number,
    mask_phone,
    normalize_phone,
    parse_amount,
    parse_date,
    parse_gender,
    parse_resident_id,
    resident_id_check_char,
    uscc_check_char,
    validate_ethnicity,
    validate_id_document,
    validate_uscc,
)

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
VALID_PROVINCES = (
    [str(n) for n in range(11, 16)]
    + [str(n) for n in range(21, 24)]
    + [str(n) for n in range(31, 38)]
    + [str(n) for n in range(41, 47)]
    + [str(n) for n in range(50, 55)]
    + [str(n) for n in range(61, 66)]
    + ["71", "81", "82", "83"]
)


def problem(fn, *args, **kwargs) -> FieldProblem:
    """Call fn, expect exactly one ValidationError problem, and return it."""
    with pytest.raises(ValidationError) as info:
        fn(*args, **kwargs)
    assert len(info.value.problems) == 1
    p = info.value.problems[0]
    assert p.message and any("\u4e00" <= ch <= "\u9fff" for ch in p.message), p.message
    return p


def rule(fn, *args, **kwargs) -> str:
    return problem(fn, *args, **kwargs).rule


def make_id(prefix17: str) -> str:
    return prefix17 + resident_id_check_char(prefix17)


# --------------------------------------------------------------------------- resident ID


@pytest.mark.parametrize(
    "number, normalised, birth, gender, province",
    [
        ("11010519491231002X", "11010519491231002X", date(1949, 12, 31), "female", "11"),
        ("440524188001010014", "440524188001010014", date(1880, 1, 1), "male", "44"),
        ("11010519491231002x", "11010519491231002X", date(1949, 12, 31), "female", "11"),
        ("  11010519491231002X\t", "11010519491231002X", date(1949, 12, 31), "female", "11"),
    ],
)
def test_resident_id_passing_examples(number, normalised, birth, gender, province):
    assert parse_resident_id(number) == ResidentId(normalised, birth, gender, province)


def test_resident_id_is_frozen():
    rid = parse_resident_id("11010519491231002X")
    with pytest.raises(AttributeError):  # frozen dataclass: FrozenInstanceError
        rid.number = "x"  # type: ignore[misc]


def test_resident_id_gender_from_sequence_parity():
    assert parse_resident_id(make_id("33060219800101001")).gender == "male"
    assert parse_resident_id(make_id("33060219800101002")).gender == "female"
    assert parse_resident_id(make_id("33060219800101999")).gender == "male"


def test_check_digit_message_and_field():
    p = problem(parse_resident_id, "110105194912310023", field="parties[0].id_number")
    assert p.field == "parties[0].id_number"
    assert p.rule == "id_check_digit"
    assert p.message == "身份证号码校验不通过：号码中有一位或几位不对，请对照证件逐位核对"


def test_check_digit_message_never_tells_the_digit_that_would_pass():
    # Told "应为 X", a clerk changes the last digit; the mistake is nearly always elsewhere.
    for wrong in "0123456789":
        p = problem(parse_resident_id, "11010519491231002" + wrong)
        assert p.rule == "id_check_digit"
        assert not any(c.isdigit() or c in "Xx" for c in p.message), p.message


def test_custom_label_appears_in_message():
    p = problem(parse_resident_id, "123", field="agent_id", label="代理人身份证号码")
    assert p.field == "agent_id" and p.rule == "id_length"
    assert "代理人身份证号码" in p.message and "18" in p.message and "3" in p.message


@pytest.mark.parametrize(
    "number, expected_rule",
    [
        ("", "required"),
        ("   ", "required"),
        (None, "required"),
        ("1101051949123100", "id_length"),
        ("1101051949123100234", "id_length"),
        ("110105491231002", "id_length"),  # old 15-digit number
        ("11010519491231002XX", "id_length"),
        ("1101051949A231002X", "id_characters"),
        ("１10105194912310023", "id_characters"),  # full-width digit is not normalised
        ("11010519491231002Y", "id_characters"),
        ("11010519491231 02X", "id_characters"),
        ("-1010519491231002X", "id_characters"),
        ("910105194912310021", "id_province"),  # 91 is not a province
        ("000105194912310021", "id_province"),
        ("160105194912310021", "id_province"),
        ("720105194912310021", "id_province"),
        ("840105194912310021", "id_province"),
        ("11010519990230001X", "id_birth_date"),  # 30 February
        ("110105199913010011", "id_birth_date"),  # month 13
        ("110105199900010011", "id_birth_date"),  # month 0
        ("110105199901000011", "id_birth_date"),  # day 0
        ("110105190002290011", "id_birth_date"),  # 1900 was not a leap year
        ("110105179912310011", "id_birth_date"),  # before 1800
        ("110105000001010011", "id_birth_date"),  # year 0
        ("110105194912310021", "id_check_digit"),
    ],
)
def test_resident_id_failures(number, expected_rule):
    assert rule(parse_resident_id, number) == expected_rule


def test_id_characters_names_the_character():
    p = problem(parse_resident_id, "１10105194912310023")
    assert "U+FF11" in p.message and "第 1 位" in p.message


def test_old_15_digit_number_gets_a_hint():
    assert "15 位" in problem(parse_resident_id, "110105491231002").message


def test_non_string_id_is_a_validation_error():
    assert rule(parse_resident_id, 110105194912310021) == "id_characters"


def test_invalid_date_message_names_date():
    p = problem(parse_resident_id, "11010519990230001X")
    assert "19990230" in p.message


def test_valid_leap_day_and_lower_bound():
    assert parse_resident_id(make_id("11010520000229001")).birth_date == date(2000, 2, 29)
    assert parse_resident_id(make_id("11010518000101001")).birth_date == date(1800, 1, 1)
    assert rule(parse_resident_id, make_id("11010517991231001")) == "id_birth_date"


def test_future_birth_date_is_refused():
    tomorrow = date.today() + timedelta(days=1)
    number = make_id(f"110105{tomorrow:%Y%m%d}001")
    p = problem(parse_resident_id, number)
    assert p.rule == "id_birth_date" and "晚于今天" in p.message
    today_number = make_id(f"110105{date.today():%Y%m%d}001")
    assert parse_resident_id(today_number).birth_date == date.today()


def test_today_can_be_pinned():
    number = make_id("11010520200101001")
    assert parse_resident_id(number, today=date(2020, 1, 1)).birth_date == date(2020, 1, 1)
    assert rule(parse_resident_id, number, today=date(2019, 12, 31)) == "id_birth_date"


@pytest.mark.parametrize("province", VALID_PROVINCES)
def test_every_valid_province_passes(province):
    assert parse_resident_id(make_id(f"{province}0000198001010015"[:17])).province_code == province


def test_rule_order_province_before_check_digit():
    # A wrong check digit plus an invalid province reports the province (earlier rule).
    assert rule(parse_resident_id, "910105194912310020") == "id_province"


def test_resident_id_check_char_known_and_bad_input():
    assert resident_id_check_char("11010519491231002") == "X"
    assert resident_id_check_char("44052418800101001") == "4"
    for bad in ("1234", "1101051949123100X", "１1010519491231002"):
        with pytest.raises(ValueError):
            resident_id_check_char(bad)


@st.composite
def valid_id_prefixes(draw) -> str:
    province = draw(st.sampled_from(VALID_PROVINCES))
    region = draw(st.text("0123456789", min_size=4, max_size=4))
    birth = draw(st.dates(min_value=date(1800, 1, 1), max_value=date.today()))
    seq = draw(st.text("0123456789", min_size=3, max_size=3))
    return f"{province}{region}{birth:%Y%m%d}{seq}"


@given(st.text("0123456789", min_size=17, max_size=17))
def test_check_char_satisfies_iso7064_mod11_2(prefix):
    # Independent restatement: with the check worth 10 for X, Σ aᵢ·Wᵢ (W₁₈ = 1) ≡ 1 mod 11.
    check = resident_id_check_char(prefix)
    value = 10 if check == "X" else int(check)
    assert (sum(int(c) * w for c, w in zip(prefix, ID_WEIGHTS, strict=False)) + value) % 11 == 1


@given(valid_id_prefixes(), st.data())
def test_id_roundtrip_and_any_other_check_char_fails(prefix, data):
    check = resident_id_check_char(prefix)
    rid = parse_resident_id(prefix + check)
    assert rid.number == prefix + check
    assert rid.birth_date == date(int(prefix[6:10]), int(prefix[10:12]), int(prefix[12:14]))
    assert rid.gender == ("male" if int(prefix[16]) % 2 else "female")
    if check == "X":
        assert parse_resident_id(prefix + "x").number == prefix + "X"
    wrong = data.draw(st.sampled_from([c for c in "0123456789X" if c != check]))
    p = problem(parse_resident_id, prefix + wrong)
    assert p.rule == "id_check_digit"
    assert "校验不通过" in p.message and check not in p.message and wrong not in p.message


@settings(max_examples=300)
@given(st.text(max_size=25))
def test_parse_resident_id_never_crashes(text):
    try:
        rid = parse_resident_id(text)
    except ValidationError as exc:
        assert exc.problems[0].rule in {
            "required",
            "id_length",
            "id_characters",
            "id_province",
            "id_birth_date",
            "id_check_digit",
        }
    else:
        assert len(rid.number) == 18


# --------------------------------------------------------------------------- other documents


def test_id_types_table():
    assert ID_TYPES == {
        "resident_id": "居民身份证",
        "passport": "护照",
        "hk_macao_permit": "港澳居民来往内地通行证",
        "taiwan_permit": "台湾居民来往大陆通行证",
        "foreign_permanent": "外国人永久居留身份证",
        "residence_permit": "港澳台居民居住证",
        "other": "其他",
    }


@pytest.mark.parametrize(
    "id_type, number, expected",
    [
        ("resident_id", " 11010519491231002x ", "11010519491231002X"),
        ("residence_permit", make_id("81000019900101001"), make_id("81000019900101001")),
        ("residence_permit", make_id("83000019900101002"), make_id("83000019900101002")),
        ("passport", "e12345678", "E12345678"),
        ("passport", "AB123", "AB123"),
        ("passport", "A" * 20, "A" * 20),
        ("hk_macao_permit", "h12345678", "H12345678"),
        ("hk_macao_permit", "M1234567890", "M1234567890"),
        ("taiwan_permit", "12345678", "12345678"),
        ("taiwan_permit", " 1234567890 ", "1234567890"),
        ("foreign_permanent", "USA110079091506", "USA110079091506"),
        ("other", "军字第123号", "军字第123号"),
        ("other", "x" * 30, "x" * 30),
    ],
)
def test_id_documents_pass(id_type, number, expected):
    assert validate_id_document(id_type, number) == expected


@pytest.mark.parametrize(
    "id_type, number, expected_rule",
    [
        ("driving_licence", "123456", "id_type"),
        ("", "123456", "id_type"),
        ("resident_id", "110105194912310023", "id_check_digit"),
        ("residence_permit", "81000019900101001", "id_length"),
        ("passport", "", "required"),
        ("passport", "AB12", "id_format"),
        ("passport", "A" * 21, "id_format"),
        ("passport", "E1234 5678", "id_format"),
        ("passport", "E123-45678", "id_format"),
        ("passport", "Eß1234567", "id_format"),  # "ß".upper() == "SS" must not sneak in
        ("hk_macao_permit", "C12345678", "id_format"),
        ("hk_macao_permit", "H1234567", "id_format"),
        ("hk_macao_permit", "H123456789", "id_format"),
        ("hk_macao_permit", "12345678", "id_format"),
        ("taiwan_permit", "1234567", "id_format"),
        ("taiwan_permit", "123456789", "id_format"),
        ("taiwan_permit", "T1234567", "id_format"),
        ("foreign_permanent", "ABC 123", "id_format"),
        ("other", "x" * 31, "id_format"),
        ("other", "12\x0734", "id_format"),
        ("other", "   ", "required"),
    ],
)
def test_id_documents_fail(id_type, number, expected_rule):
    p = problem(validate_id_document, id_type, number, field="doc")
    assert p.rule == expected_rule and p.field == "doc"


def test_id_document_message_names_document_type():
    assert "护照号码" in problem(validate_id_document, "passport", "AB").message
    assert "港澳台居民居住证号码" in problem(validate_id_document, "residence_permit", "1").message


# --------------------------------------------------------------------------- age


@pytest.mark.parametrize(
    "birth, on, age",
    [
        (date(1949, 12, 31), date(2024, 12, 30), 74),
        (date(1949, 12, 31), date(2024, 12, 31), 75),
        (date(2000, 2, 29), date(2018, 2, 28), 17),
        (date(2000, 2, 29), date(2018, 3, 1), 18),
        (date(2000, 2, 29), date(2020, 2, 29), 20),
        (date(2020, 5, 5), date(2020, 5, 5), 0),
    ],
)
def test_age_on(birth, on, age):
    assert age_on(birth, on) == age


def test_age_on_before_birth_is_an_error():
    with pytest.raises(ValueError):
        age_on(date(2020, 1, 2), date(2020, 1, 1))


@given(st.dates(max_value=date(2100, 1, 1)), st.integers(0, 120))
def test_age_on_birthday_property(birth, years):
    try:
        anniversary = birth.replace(year=birth.year + years)
    except ValueError:  # 29 February in a common year
        return
    assert age_on(birth, anniversary) == years
    if anniversary > birth:
        assert age_on(birth, anniversary - timedelta(days=1)) == years - 1


# --------------------------------------------------------------------------- phones


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("13812345678", "13812345678"),
        (" 138 1234 5678 ", "13812345678"),
        ("138-1234-5678", "13812345678"),
        ("+8613812345678", "13812345678"),
        ("+86 138 1234 5678", "13812345678"),
        ("+86-138-1234-5678", "13812345678"),
        ("(+86)13812345678", "13812345678"),
        ("008613812345678", "13812345678"),
        ("8613812345678", "13812345678"),
        ("19912345678", "19912345678"),  # no prefix whitelist
        ("16612345678", "16612345678"),
        ("0575-82123456", "0575-82123456"),
        ("057582123456", "0575-82123456"),
        ("0575 8212 3456", "0575-82123456"),
        ("(0575)82123456", "0575-82123456"),
        ("（0575）82123456", "0575-82123456"),
        ("0575－82123456", "0575-82123456"),  # full-width hyphen
        ("010-12345678", "010-12345678"),
        ("01012345678", "010-12345678"),
        ("02112345678", "021-12345678"),
        ("021-1234567", "021-1234567"),
        ("05751234567", "0575-1234567"),  # 11 digits, ambiguous: 4-digit area code rule
        ("057-51234567", "057-51234567"),  # ambiguous, typed hyphen is kept
        ("0571234567", "057-1234567"),  # 10 digits: only a 3+7 split is possible
        ("0575-82123456-123", "0575-82123456-123"),
        ("057582123456-8", "0575-82123456-8"),
        ("0575-82123456转123", "0575-82123456转123"),
        ("0575 8212 3456 转 1234567", "0575-82123456转1234567"),
    ],
)
def test_normalize_phone_accepts(raw, expected):
    assert normalize_phone(raw) == expected
    assert normalize_phone(expected) == expected  # normalised form is a fixed point


@pytest.mark.parametrize(
    "raw, expected_rule",
    [
        ("", "required"),
        ("  ", "required"),
        (None, "required"),
        ("12345678901", "phone_format"),  # 12x is not a mobile range
        ("1381234567", "phone_format"),
        ("138123456789", "phone_format"),
        ("+8612345678901", "phone_format"),
        ("+86 0575 82123456", "phone_format"),  # +86 is only dropped before a mobile
        ("8212345", "phone_format"),  # landline without area code
        ("0575-123456", "phone_format"),
        ("0575-123456789", "phone_format"),
        ("05-12345678", "phone_format"),
        ("57582123456", "phone_format"),
        ("0575-82123456-1234567", "phone_format"),
        ("0575-82123456-12转34", "phone_format"),
        ("１３８１２３４５６７８", "phone_format"),  # full-width digits are not converted
        ("138abcd5678", "phone_format"),
        ("13812345678#", "phone_format"),
        (13812345678, "phone_format"),
    ],
)
def test_normalize_phone_rejects(raw, expected_rule):
    p = problem(normalize_phone, raw, field="contact.phone")
    assert p.rule == expected_rule and p.field == "contact.phone"


def test_phone_message_lists_accepted_forms_and_label():
    p = problem(normalize_phone, "12345", label="紧急联系人电话")
    assert "紧急联系人电话" in p.message
    assert "手机号" in p.message and "0575-82123456" in p.message and "+86" in p.message


@given(
    st.from_regex(r"\A1[3-9][0-9]{9}\Z"),
    st.sampled_from(["", "+86", "0086", "86", "+86 ", "(+86)"]),
    st.sampled_from(["", " ", "-"]),
)
def test_mobile_decorations_property(mobile, prefix, sep):
    decorated = prefix + sep.join([mobile[:3], mobile[3:7], mobile[7:]])
    assert normalize_phone(decorated) == mobile
    assert is_mobile(mobile)


@settings(max_examples=300)
@given(st.text(alphabet="0123456789-+ ()转", max_size=20))
def test_phone_normalisation_is_idempotent(text):
    try:
        once = normalize_phone(text)
    except ValidationError as exc:
        assert exc.problems[0].rule in {"required", "phone_format"}
    else:
        assert normalize_phone(once) == once


def test_is_mobile():
    assert is_mobile("13812345678")
    assert not is_mobile("0575-82123456")
    assert not is_mobile("12812345678")
    assert not is_mobile("")


@pytest.mark.parametrize(
    "number, masked",
    [
        ("13812345678", "138****5678"),
        ("0575-82123456", "0575-******56"),
        ("010-12345678", "010-******78"),
        ("021-1234567", "021-*****67"),
        ("0575-82123456-123", "0575-******56"),
        ("0575-82123456转123", "0575-******56"),
        ("", ""),
        ("12", "**"),
        ("abcdef", "****ef"),
    ],
)
def test_mask_phone(number, masked):
    assert mask_phone(number) == masked


@pytest.mark.parametrize(
    "number, masked",
    [
        ("11010519491231002X", "110105********002X"),
        ("E12345678", "E******78"),
        ("H1234567890", "H********90"),
        ("ABCD", "A*CD"),
        ("ABC", "***"),
        ("", ""),
    ],
)
def test_mask_id_number(number, masked):
    assert mask_id_number(number) == masked
    assert len(mask_id_number(number)) == len(number)


# --------------------------------------------------------------------------- USCC


def test_uscc_passing_example():
    assert validate_uscc("91350100M000100Y43") == "91350100M000100Y43"
    assert validate_uscc("  91350100m000100y43 ") == "91350100M000100Y43"


@pytest.mark.parametrize(
    "value, expected_rule",
    [
        ("", "required"),
        (None, "required"),
        ("91350100M000100Y4", "uscc_length"),
        ("91350100M000100Y433", "uscc_length"),
        ("91350100M000100Y44", "uscc_check_digit"),
        ("91350100M000100Y4-", "uscc_characters"),
        ("91350100M000100Y4ß", "uscc_characters"),
        ("９1350100M000100Y43", "uscc_characters"),
        (91350100, "uscc_characters"),
    ],
)
def test_uscc_failures(value, expected_rule):
    assert rule(validate_uscc, value, field="site.uscc") == expected_rule


@pytest.mark.parametrize("letter", list("IOSVZ"))
def test_uscc_refuses_confusable_letters(letter):
    code = "91350100M000100Y43"
    bad = code[:8] + letter + code[9:]
    p = problem(validate_uscc, bad, field="org_code", label="机构代码")
    assert p.rule == "uscc_characters" and p.field == "org_code"
    assert f"「{letter}」" in p.message and "第 9 位" in p.message and "机构代码" in p.message
    assert rule(validate_uscc, bad.lower()) == "uscc_characters"


def test_uscc_check_digit_message():
    p = problem(validate_uscc, "91350100M000100Y44")
    assert p.message == "统一社会信用代码校验不通过：代码中有一位或几位不对，请对照证照逐位核对"
    assert "3" not in p.message and "4" not in p.message  # the error is named, not the fix


def test_uscc_check_char_bad_input():
    for bad in ("9135", "91350100M000100YI", "91350100m000100Y4"):
        with pytest.raises(ValueError):
            uscc_check_char(bad)


uscc_prefixes = st.text(alphabet=USCC_CHARSET, min_size=17, max_size=17)


@given(uscc_prefixes)
def test_uscc_weighted_sum_is_zero_mod_31(prefix):
    check = uscc_check_char(prefix)
    code = prefix + check
    assert sum(USCC_CHARSET.index(c) * w for c, w in zip(code, (*USCC_WEIGHTS, 1), strict=False)) % 31 == 0


@given(uscc_prefixes, st.data())
def test_uscc_roundtrip_and_other_check_chars_fail(prefix, data):
    check = uscc_check_char(prefix)
    assert validate_uscc(prefix + check) == prefix + check
    assert validate_uscc((prefix + check).lower()) == prefix + check
    wrong = data.draw(st.sampled_from([c for c in USCC_CHARSET if c != check]))
    assert rule(validate_uscc, prefix + wrong) == "uscc_check_digit"


# --------------------------------------------------------------------------- free text


def test_clean_text_strips_and_keeps_inner_text():
    assert clean_text("  事实经过 ", "facts", "事实", required=True, max_chars=10) == "事实经过"
    assert clean_text("\u3000张 三\u3000", "f", "l", required=True, max_chars=10) == "张 三"


@pytest.mark.parametrize("empty", [None, "", "   ", "\u3000\n\t"])
def test_clean_text_empty(empty):
    assert clean_text(empty, "remark", "备注", required=False, max_chars=5) is None
    p = problem(clean_text, empty, "remark", "备注", required=True, max_chars=5)
    assert p.rule == "required" and p.field == "remark" and "备注" in p.message


def test_clean_text_too_long_counts_code_points():
    assert clean_text("𠀾" * 5, "f", "诉求", required=True, max_chars=5) == "𠀾" * 5
    p = problem(clean_text, "𠀾" * 6, "f", "诉求", required=True, max_chars=5)
    assert p.rule == "too_long" and "5" in p.message and "诉求" in p.message
    # 6 code points, but 12 UTF-16 units and 24 UTF-8 bytes: only code points matter.
    assert len(("𠀾" * 6).encode("utf-16-le")) // 2 == 12


@pytest.mark.parametrize("ch", ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\x9f", "\r"])
def test_clean_text_refuses_control_characters(ch):
    p = problem(clean_text, f"调解{ch}记录", "notes", "记录", required=True, max_chars=50)
    assert p.rule == "control_character"
    assert f"U+{ord(ch):04X}" in p.message and "记录" in p.message


@pytest.mark.parametrize("ch", ["\x1c", "\x1f", "\x85"])
def test_control_characters_at_the_ends_are_not_silently_stripped(ch):
    assert rule(clean_text, f"记录{ch}", "f", "l", required=True, max_chars=50) == ("control_character")


def test_newline_and_tab_only_in_multiline():
    assert rule(clean_text, "a\nb", "f", "l", required=True, max_chars=9) == "control_character"
    assert rule(clean_text, "a\tb", "f", "l", required=True, max_chars=9) == "control_character"
    assert clean_text("a\nb\tc", "f", "l", required=True, max_chars=9, multiline=True) == ("a\nb\tc")


def test_multiline_crlf_becomes_lf():
    text = "第一行\r\n第二行\r\n"
    assert clean_text(text, "f", "l", required=True, max_chars=20, multiline=True) == ("第一行\n第二行")
    assert (
        rule(clean_text, "第一行\r第二行", "f", "l", required=True, max_chars=20, multiline=True) == "control_character"
    )


@pytest.mark.parametrize("ch", ["\ud800", "\udfff", "\ufffe", "\uffff", "\ufdd0", "\U0001fffe", "\U0010ffff"])  # noqa: PT014 (two different surrogates)
def test_clean_text_refuses_surrogates_and_noncharacters(ch):
    p = problem(clean_text, f"张{ch}三", "f", "姓名", required=True, max_chars=9)
    assert p.rule == "invalid_character" and f"U+{ord(ch):04X}" in p.message


@pytest.mark.parametrize(
    "text",
    [
        "e\u0301",  # decomposed: NFC would merge it
        "ｆｕｌｌ－ｗｉｄｔｈ１２３",  # NFKC would fold it
        "\ufb01",  # ligature
        "\u2f00",  # Kangxi radical, NFKC maps to 一
        "\uf900",  # CJK compatibility ideograph, NFC maps it
        "\ue000",  # private use area (old GBK rare-character mappings)
        "𠀾𪚥",
    ],
)
def test_clean_text_never_normalises(text):
    out = clean_text(text, "f", "l", required=True, max_chars=50)
    assert out.encode("utf-8") == text.encode("utf-8")


allowed_chars = st.characters(
    blacklist_categories=("Cc", "Cs"),
).filter(lambda c: not ((0xFDD0 <= ord(c) <= 0xFDEF) or (ord(c) & 0xFFFE) == 0xFFFE))


@given(st.text(allowed_chars, min_size=1, max_size=40))
def test_clean_text_only_strips(text):
    assume(text.strip())
    out = clean_text(text, "f", "l", required=True, max_chars=40)
    assert out == text.strip()
    assert out in text


@settings(max_examples=300)
@given(st.text(max_size=30), st.booleans())
def test_clean_text_never_crashes(text, multiline):
    try:
        out = clean_text(text, "f", "l", required=False, max_chars=20, multiline=multiline)
    except ValidationError as exc:
        assert exc.problems[0].rule in {"too_long", "control_character", "invalid_character"}
    else:
        if out is not None:
            assert len(out) <= 20 and out.encode("utf-8")


def test_clean_text_non_string():
    assert rule(clean_text, 123, "f", "l", required=True, max_chars=9) == "text_type"


# --------------------------------------------------------------------------- names


@pytest.mark.parametrize(
    "name",
    ["张三", "王𠀾", "𪚥", "阿卜杜拉·艾买提", "买买提·吐尔逊", "欧阳 娜娜", "John Smith", "李4"],
)
def test_clean_name_preserves_bytes(name):
    out = clean_name(f"  {name} ")
    assert out == name and out.encode("utf-8") == name.encode("utf-8")


def test_middle_dot_is_not_converted():
    # "·" U+00B7 must not become "•" or "・" or be dropped.
    out = clean_name("阿卜杜拉·艾买提")
    assert "\u00b7" in out and unicodedata.name(out[4]) == "MIDDLE DOT"


def test_name_length_in_code_points():
    rare = ["𠀾", "𪚥", "𫇭", "𬌗", "𰻞"]  # Ext B, B, D, E, G
    name64 = "".join(rare[i % len(rare)] for i in range(64))
    assert all(ord(c) > 0xFFFF for c in name64)
    assert clean_name(name64) == name64
    p = problem(clean_name, name64 + "𠀾")
    assert p.rule == "too_long" and "64" in p.message and "姓名" in p.message
    assert clean_name("张" * 10, max_chars=10) == "张" * 10
    assert rule(clean_name, "张" * 11, max_chars=10) == "too_long"


@pytest.mark.parametrize(
    "name, expected_rule",
    [
        (None, "required"),
        ("", "required"),
        ("  ", "required"),
        ("张\n三", "control_character"),
        ("张\t三", "control_character"),
        ("张\x00三", "control_character"),
        ("12345", "name_digits"),
        ("123 456", "name_digits"),
        ("１２３", "name_digits"),
        ("张\ufffe", "invalid_character"),
    ],
)
def test_clean_name_failures(name, expected_rule):
    p = problem(clean_name, name, field="parties[1].name", label="当事人姓名")
    assert p.rule == expected_rule and p.field == "parties[1].name"
    assert "当事人姓名" in p.message


# --------------------------------------------------------------------------- amounts


@pytest.mark.parametrize(
    "value, expected",
    [
        ("1200", Decimal("1200.00")),
        (" 1200.5 ", Decimal("1200.50")),
        ("0.01", Decimal("0.01")),
        ("1,234,567.89", Decimal("1234567.89")),
        ("+15", Decimal("15.00")),
        ("1.500", Decimal("1.50")),  # trailing zeros do not add precision
        ("0", Decimal("0.00")),
        ("-0", Decimal("0.00")),
        (3000, Decimal("3000.00")),
        (0, Decimal("0.00")),
        (Decimal("99.9"), Decimal("99.90")),
        (Decimal("1E+3"), Decimal("1000.00")),
        (10**12, Decimal("1000000000000.00")),
        ("1000000000000.00", Decimal("1000000000000.00")),
    ],
)
def test_parse_amount_accepts(value, expected):
    out = parse_amount(value)
    assert out == expected and str(out) == str(expected)


@pytest.mark.parametrize("empty", [None, "", "   "])
def test_parse_amount_empty(empty):
    assert parse_amount(empty) is None


@pytest.mark.parametrize(
    "value, expected_rule",
    [
        ("abc", "amount_format"),
        ("1.2.3", "amount_format"),
        ("12,34", "amount_format"),
        ("1e5", "amount_format"),
        (".5", "amount_format"),
        ("5.", "amount_format"),
        ("NaN", "amount_format"),
        ("１２３", "amount_format"),
        ("100元", "amount_format"),
        (1.5, "amount_format"),  # floats are refused outright
        (True, "amount_format"),
        (Decimal("NaN"), "amount_format"),
        (Decimal("Infinity"), "amount_format"),
        ([1], "amount_format"),
        ("-1", "amount_negative"),
        ("-0.01", "amount_negative"),
        (-5, "amount_negative"),
        (Decimal("-3"), "amount_negative"),
        ("1.234", "amount_precision"),
        ("0.001", "amount_precision"),
        (Decimal("1.005"), "amount_precision"),
        ("1000000000000.01", "amount_too_large"),
        (10**12 + 1, "amount_too_large"),
        (Decimal("1E+40"), "amount_too_large"),
    ],
)
def test_parse_amount_rejects(value, expected_rule):
    p = problem(parse_amount, value, field="terms[0].amount", label="赔偿金额")
    assert p.rule == expected_rule and p.field == "terms[0].amount" and "赔偿金额" in p.message


@given(st.integers(min_value=0, max_value=10**14))
def test_parse_amount_cents_roundtrip(cents):
    amount = Decimal(cents).scaleb(-2)
    if amount > 10**12:
        assert rule(parse_amount, str(amount)) == "amount_too_large"
    else:
        assert parse_amount(str(amount)) == amount
        assert parse_amount(amount) == amount


# --------------------------------------------------------------------------- dates


def test_parse_date():
    assert parse_date("2024-02-29", "agreed_on", "协议日期") == date(2024, 2, 29)
    assert parse_date(" 2024-03-05 ", "f", "l") == date(2024, 3, 5)
    assert parse_date(date(2024, 1, 1), "f", "l") == date(2024, 1, 1)
    assert parse_date(datetime(2024, 1, 1, 9, 30), "f", "l") == date(2024, 1, 1)
    assert type(parse_date(datetime(2024, 1, 1, 9, 30), "f", "l")) is date
    assert parse_date(None, "f", "l") is None
    assert parse_date("  ", "f", "l") is None


@pytest.mark.parametrize(
    "value",
    [
        "2023-02-29",
        "2024-13-01",
        "2024-00-10",
        "2024/03/05",
        "20240305",
        "2024-3-5",
        "24-03-05",
        "２０２４-03-05",
        "yesterday",
        20240305,
    ],
)
def test_parse_date_rejects(value):
    p = problem(parse_date, value, "agreed_on", "协议日期")
    assert p.rule == "date_format" and p.field == "agreed_on" and "协议日期" in p.message


@given(st.dates(min_value=date(1000, 1, 1)))
def test_parse_date_iso_roundtrip(d):
    assert parse_date(d.isoformat(), "f", "l") == d


# --------------------------------------------------------------------------- ethnicity, gender


def test_ethnic_groups_table():
    assert len(ETHNIC_GROUPS) == 58 and len(set(ETHNIC_GROUPS)) == 58
    groups = [g for g in ETHNIC_GROUPS if g not in ("其他", "外国血统")]
    assert len(groups) == 56 and all(g.endswith("族") for g in groups)
    assert groups[0] == "汉族" and groups[-1] == "基诺族"
    for g in (
        "蒙古族",
        "回族",
        "藏族",
        "维吾尔族",
        "壮族",
        "畲族",
        "土家族",
        "土族",
        "高山族",
        "柯尔克孜族",
        "乌孜别克族",
        "俄罗斯族",
        "珞巴族",
    ):
        assert g in groups


@pytest.mark.parametrize("group", ETHNIC_GROUPS)
def test_every_ethnic_group_and_short_form(group):
    assert validate_ethnicity(group) == group
    assert validate_ethnicity(f" {group} ") == group
    if group.endswith("族"):
        assert validate_ethnicity(group[:-1]) == group


@pytest.mark.parametrize(
    "value, expected_rule",
    [
        ("火星族", "ethnicity"),
        ("汉族人", "ethnicity"),
        ("族", "ethnicity"),
        ("Han", "ethnicity"),
        ("", "required"),
        (None, "required"),
    ],
)
def test_validate_ethnicity_rejects(value, expected_rule):
    p = problem(validate_ethnicity, value, field="p.ethnicity")
    assert p.rule == expected_rule and p.field == "p.ethnicity" and "民族" in p.message


@pytest.mark.parametrize(
    "value, expected",
    [
        ("male", "male"),
        ("female", "female"),
        ("男", "male"),
        ("女", "female"),
        (" Male ", "male"),
        ("FEMALE", "female"),
    ],
)
def test_parse_gender(value, expected):
    assert parse_gender(value) == expected
    assert GENDERS[expected] in ("男", "女")


def test_genders_table():
    assert GENDERS == {"male": "男", "female": "女"}


@pytest.mark.parametrize(
    "value, expected_rule",
    [("M", "gender"), ("未知", "gender"), ("男性别", "gender"), ("", "required"), (None, "required")],
)
def test_parse_gender_rejects(value, expected_rule):
    p = problem(parse_gender, value, field="p.gender")
    assert p.rule == expected_rule and p.field == "p.gender" and "性别" in p.message


# --------------------------------------------------------------------------- package


def test_public_api_is_reexported():
    for name in v.__all__:
        assert hasattr(v, name), name


def test_modules_are_pure():
    # No Qt, no database, no file or network access in the validation layer.
    for path in (Path(__file__).resolve().parents[1] / "mediation_desk" / "validation").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        for banned in ("PySide", "PyQt", "sqlite3", "open(", "requests", "socket"):
            assert banned not in source, (path.name, banned)
