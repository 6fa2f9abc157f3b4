"""Names the roster, follow-up and statistics pages show for the services' codes, through Qt
translation.

The Chinese texts are the services' own (`agreement.PERFORMANCE`, `agreement.FORMS`,
`followup.SATISFACTION`, `intake.RISK_FLAGS`); a test keeps them equal. They are repeated here only
so that lupdate can collect them for the English catalogue."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Figures"

PERFORMANCE_NAMES = {
    "pending": QT_TRANSLATE_NOOP("Figures", "未到期"),
    "partial": QT_TRANSLATE_NOOP("Figures", "部分履行"),
    "fully_performed": QT_TRANSLATE_NOOP("Figures", "履行完毕"),
    "not_performed": QT_TRANSLATE_NOOP("Figures", "未履行"),
}
SATISFACTION_NAMES = {
    "satisfied": QT_TRANSLATE_NOOP("Figures", "满意"),
    "basic": QT_TRANSLATE_NOOP("Figures", "基本满意"),
    "dissatisfied": QT_TRANSLATE_NOOP("Figures", "不满意"),
}
AGREEMENT_FORM_NAMES = {
    "written": QT_TRANSLATE_NOOP("Figures", "书面协议"),
    "oral": QT_TRANSLATE_NOOP("Figures", "口头协议"),
}
PREVENTION_NAMES = {
    "suicide": QT_TRANSLATE_NOOP("Figures", "防止自杀"),
    "civil_to_criminal": QT_TRANSLATE_NOOP("Figures", "防止民转刑"),
    "group_petition": QT_TRANSLATE_NOOP("Figures", "防止群体性上访"),
    "group_fight": QT_TRANSLATE_NOOP("Figures", "防止群体性械斗"),
}


def figure_name(names: dict[str, str], code: str | None) -> str:
    """The translated name of `code` in one of the tables above; the code itself if unknown,
    "" for None."""
    if code is None:
        return ""
    text = names.get(code)
    return QCoreApplication.translate(CONTEXT, text) if text else code
