"""Sums of money as the window shows them, one way everywhere (the case list, the case page,
statistics, sync notes): thousands grouped, two decimals — "214,900.00". Where a label or a header
already names the unit (金额（元）) the number stands alone; elsewhere "214,900.00 元".

Files written for other programs (the CSV report) keep plain numbers, and the printed documents
state amounts as the law wants them (their own renderers): neither goes through here."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication

Amount = Decimal | int | float | str


def yuan(amount: Amount | None) -> str:
    """The amount in yuan as 214,900.00; empty for none, the text itself if it is no number."""
    if amount is None or amount == "":
        return ""
    try:
        value = Decimal(str(amount))
    except InvalidOperation:
        return str(amount)
    return f"{value:,.2f}"


def yuan_with_unit(amount: Amount | None) -> str:
    """The amount with its unit, as 214,900.00 元; empty for none."""
    text = yuan(amount)
    return QCoreApplication.translate("Amounts", "{amount} 元").format(amount=text) if text else ""


def yuan_from_fen(fen: int) -> str:
    """An amount kept in fen (分), as "214,900.00 元"."""
    return yuan_with_unit(Decimal(fen) / 100)
