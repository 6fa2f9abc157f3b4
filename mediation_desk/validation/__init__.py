"""Input validation: pure functions that return a normalised value or raise
``mediation_desk.errors.ValidationError`` naming the field and the rule (domain.md §4, §10).
No I/O, no Qt, no database, so the window, the command line and imports share one set of rules.
"""

from mediation_desk.validation.idcard import (
    EARLIEST_BIRTH_DATE,
    ID_TYPES,
    ResidentId,
    age_on,
    parse_resident_id,
    resident_id_check_char,
    validate_id_document,
)
from mediation_desk.validation.phone import is_mobile, mask_id_number, mask_phone, normalize_phone
from mediation_desk.validation.text import (
    AMOUNT_MAX,
    ETHNIC_GROUPS,
    GENDERS,
    clean_name,
    clean_text,
    parse_amount,
    parse_date,
    parse_gender,
    validate_ethnicity,
)
from mediation_desk.validation.uscc import USCC_CHARSET, uscc_check_char, validate_uscc

__all__ = [
    "AMOUNT_MAX",
    "EARLIEST_BIRTH_DATE",
    "ETHNIC_GROUPS",
    "GENDERS",
    "ID_TYPES",
    "USCC_CHARSET",
    "ResidentId",
    "age_on",
    "clean_name",
    "clean_text",
    "is_mobile",
    "mask_id_number",
    "mask_phone",
    "normalize_phone",
    "parse_amount",
    "parse_date",
    "parse_gender",
    "parse_resident_id",
    "resident_id_check_char",
    "uscc_check_char",
    "validate_ethnicity",
    "validate_id_document",
    "validate_uscc",
]
