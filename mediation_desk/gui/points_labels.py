"""Names the window shows for the green coins' codes, through Qt translation.

The Chinese texts are the rule module's own (`points.rules.ENTRY_KINDS`); a test keeps them equal.
They are repeated here only so that lupdate can collect them for the English catalogue."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from mediation_desk.points import rules

CONTEXT = "PointsEntryKind"
ENTRY_KIND_NAMES = {
    rules.CREDIT: QT_TRANSLATE_NOOP("PointsEntryKind", "获得"),
    rules.DEDUCTION: QT_TRANSLATE_NOOP("PointsEntryKind", "扣减"),
    rules.REDEMPTION: QT_TRANSLATE_NOOP("PointsEntryKind", "兑换"),
    rules.REVERSAL: QT_TRANSLATE_NOOP("PointsEntryKind", "冲正"),
    rules.ADJUSTMENT: QT_TRANSLATE_NOOP("PointsEntryKind", "镇里调整"),
}


def entry_kind_name(code: str) -> str:
    name = ENTRY_KIND_NAMES.get(code)
    return QCoreApplication.translate(CONTEXT, str(name)) if name else code


def coins_text(coins: int) -> str:
    """A movement of coins with its sign: +5, -20."""
    return f"{coins:+d}" if coins else "0"
