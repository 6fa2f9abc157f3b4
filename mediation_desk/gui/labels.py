"""Names the window shows for the services' codes, through Qt translation.

The Chinese texts are the services' own (`states.LABELS`, `accounts.ROLES`); a test keeps them
equal. They are repeated here only so that lupdate can collect them for the English catalogue."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

STATE_NAMES = {
    "accepted": QT_TRANSLATE_NOOP("CaseState", "已受理"),
    "assigned": QT_TRANSLATE_NOOP("CaseState", "已派单"),
    "in_mediation": QT_TRANSLATE_NOOP("CaseState", "调解中"),
    "agreed": QT_TRANSLATE_NOOP("CaseState", "已达成协议"),
    "performing": QT_TRANSLATE_NOOP("CaseState", "履行中"),
    "follow_up": QT_TRANSLATE_NOOP("CaseState", "回访中"),
    "closed": QT_TRANSLATE_NOOP("CaseState", "已结案"),
    "terminated": QT_TRANSLATE_NOOP("CaseState", "终止调解"),
    "declined": QT_TRANSLATE_NOOP("CaseState", "不予调解"),
    "escalated": QT_TRANSLATE_NOOP("CaseState", "已上报"),
}

ROLE_NAMES = {
    "admin": QT_TRANSLATE_NOOP("Role", "主任"),
    "mediator": QT_TRANSLATE_NOOP("Role", "调解员"),
    "clerk": QT_TRANSLATE_NOOP("Role", "记录员"),
}


def state_name(code: str) -> str:
    return QCoreApplication.translate("CaseState", STATE_NAMES[code]) if code in STATE_NAMES else code


def role_name(code: str) -> str:
    return QCoreApplication.translate("Role", ROLE_NAMES[code]) if code in ROLE_NAMES else code
