"""Amounts in capitals (大写) as the People's Bank rules write them, beside the figures."""

from __future__ import annotations

from decimal import Decimal

import pytest

from mediation_desk.errors import ValidationError
from mediation_desk.validation.amount_words import amount_in_words, figures, rmb


@pytest.mark.parametrize(
    "amount, words",
    [
        ("1234.50", "壹仟贰佰叁拾肆元伍角"),
        ("1200", "壹仟贰佰元整"),
        (12000, "壹万贰仟元整"),
        ("10", "壹拾元整"),
        ("0.05", "伍分"),
        ("0.50", "伍角"),
        ("0.25", "贰角伍分"),
        ("0", "零元整"),
        ("1409.50", "壹仟肆佰零玖元伍角"),
        ("6007.14", "陆仟零柒元壹角肆分"),
        ("1680.32", "壹仟陆佰捌拾元叁角贰分"),
        ("16409.02", "壹万陆仟肆佰零玖元零贰分"),
        ("1010", "壹仟零壹拾元整"),
        ("325000", "叁拾贰万伍仟元整"),
        ("100010000", "壹亿零壹万元整"),
        ("20000000.01", "贰仟万元零壹分"),
        (Decimal("1000000000000"), "壹万亿元整"),
        ("1,500.00", "壹仟伍佰元整"),
    ],
)
def test_capitals(amount: object, words: str) -> None:
    assert amount_in_words(amount) == words  # type: ignore[arg-type]


def test_figures_and_the_printed_form() -> None:
    assert figures("1234.5") == "1,234.50" and figures(0) == "0.00"
    assert rmb("1234.5") == "人民币 1,234.50 元（大写：壹仟贰佰叁拾肆元伍角）"
    assert rmb(12000) == "人民币 12,000.00 元（大写：壹万贰仟元整）"


@pytest.mark.parametrize(
    "bad, rule",
    [
        ("-5", "amount_negative"),
        ("1.234", "amount_precision"),
        ("一千", "amount_format"),
        (1.5, "amount_format"),
        ("1000000000000.01", "amount_too_large"),
    ],
)
def test_bad_amounts_are_refused_naming_the_field(bad: object, rule: str) -> None:
    with pytest.raises(ValidationError) as refused:
        amount_in_words(bad)  # type: ignore[arg-type]
    assert [(p.field, p.rule) for p in refused.value.problems] == [("amount", rule)]
    assert "金额" in refused.value.problems[0].message


def test_no_amount_is_not_a_zero_amount() -> None:
    with pytest.raises(ValueError):
        amount_in_words("")
    with pytest.raises(ValueError):
        figures("  ")
