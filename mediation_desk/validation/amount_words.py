"""Amounts as Chinese practice writes them on a legal document: the figures and the capitals
(大写), e.g. 人民币 1,234.50 元（大写：壹仟贰佰叁拾肆元伍角）.

The capitals follow the People's Bank of China rules for filling in bills (正确填写票据和结算
凭证的基本规定): 壹 before 拾 (壹拾元), one 零 for a run of zeros inside the number, 零 before 分
when 角 is zero, 整 after 元 when there are no 角 or 分. Capitals cannot be altered into another
amount by adding a stroke, which is why the agreement carries them beside the figures."""

from __future__ import annotations

from decimal import Decimal

from mediation_desk.validation.text import parse_amount

DIGITS = "零壹贰叁肆伍陆柒捌玖"
_PLACES = ("", "拾", "佰", "仟")
_YI, _WAN = 10**8, 10**4


def _below_ten_thousand(n: int) -> str:
    """1–9999: each digit with its place, a run of zeros written once as 零 (never at the end)."""
    out: list[str] = []
    zero = False
    for place in range(3, -1, -1):
        digit = n // 10**place % 10
        if digit == 0:
            zero = bool(out)  # a zero counts only after a non-zero digit
            continue
        if zero:
            out.append("零")
            zero = False
        out.append(DIGITS[digit] + _PLACES[place])
    return "".join(out)


def _integer(n: int) -> str:
    """A positive whole number of yuan in capitals, by 亿 and 万 groups."""
    for size, unit in ((_YI, "亿"), (_WAN, "万")):
        if n >= size:
            high, low = divmod(n, size)
            text = _integer(high) + unit
            if low:
                text += ("零" if low < size // 10 else "") + _integer(low)
            return text
    return _below_ten_thousand(n)


def amount_in_words(amount: str | int | Decimal) -> str:
    """The capitals of an amount in yuan: 1234.5 → 壹仟贰佰叁拾肆元伍角, 1200 → 壹仟贰佰元整,
    0.05 → 伍分. Bad input (negative, more than two decimals, not a number) is refused like any
    amount typed at the desk."""
    value = parse_amount(amount, "amount", "金额")
    if value is None:
        raise ValueError("no amount")
    cents = int(value * 100)
    yuan, rest = divmod(cents, 100)
    jiao, fen = divmod(rest, 10)
    if cents == 0:
        return "零元整"
    text = _integer(yuan) + "元" if yuan else ""
    if jiao == 0 and fen == 0:
        return text + "整"
    if jiao:
        text += DIGITS[jiao] + "角"
    elif yuan:
        text += "零"  # 壹万陆仟肆佰零玖元零贰分: the 零 says no 角 was left out
    if fen:
        text += DIGITS[fen] + "分"
    return text


def figures(amount: str | int | Decimal) -> str:
    """1234.5 → 1,234.50 (thousands grouped, always two decimals)."""
    value = parse_amount(amount, "amount", "金额")
    if value is None:
        raise ValueError("no amount")
    return f"{value:,.2f}"


def rmb(amount: str | int | Decimal) -> str:
    """人民币 1,234.50 元（大写：壹仟贰佰叁拾肆元伍角）."""
    return f"人民币 {figures(amount)} 元（大写：{amount_in_words(amount)}）"
