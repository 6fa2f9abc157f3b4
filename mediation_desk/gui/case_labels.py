"""Names the case page and its dialogs show for the services' codes, through Qt translation.

The Chinese texts are the services' own (`sessions.OUTCOMES`, `agreement.FORMS`, `states.ROUTES` …);
a test keeps them equal. They are repeated here only so that lupdate can collect them."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from mediation_desk.gui.labels import SOURCE_CONTEXT, SOURCE_NAMES  # noqa: F401  (one table for all pages)

# What the page offers on a case, one entry per button (see pages/case_actions.py).
ACTION_NAMES = {
    "assign": QT_TRANSLATE_NOOP("CaseAction", "派单…"),
    "session": QT_TRANSLATE_NOOP("CaseAction", "记录调解…"),
    "agreement": QT_TRANSLATE_NOOP("CaseAction", "登记协议…"),
    "sign": QT_TRANSLATE_NOOP("CaseAction", "确认签字…"),
    "withdraw": QT_TRANSLATE_NOOP("CaseAction", "协议撤回，重新调解…"),
    "refuse_sign": QT_TRANSLATE_NOOP("CaseAction", "当事人拒签，终止调解…"),
    "perform": QT_TRANSLATE_NOOP("CaseAction", "转入履行…"),
    "follow_up": QT_TRANSLATE_NOOP("CaseAction", "登记回访…"),
    "unperformed": QT_TRANSLATE_NOOP("CaseAction", "协议未履行…"),
    "close": QT_TRANSLATE_NOOP("CaseAction", "结案…"),
    "terminate": QT_TRANSLATE_NOOP("CaseAction", "终止调解…"),
    "decline": QT_TRANSLATE_NOOP("CaseAction", "不予调解…"),
    "escalate": QT_TRANSLATE_NOOP("CaseAction", "上报…"),
}

OUTCOME_NAMES = {  # sessions.OUTCOMES
    "continue": QT_TRANSLATE_NOOP("CaseLabel", "继续调解"),
    "agreement": QT_TRANSLATE_NOOP("CaseLabel", "达成协议"),
    "failed": QT_TRANSLATE_NOOP("CaseLabel", "调解不成"),
}
AGREEMENT_FORM_NAMES = {  # agreement.FORMS
    "written": QT_TRANSLATE_NOOP("CaseLabel", "书面协议"),
    "oral": QT_TRANSLATE_NOOP("CaseLabel", "口头协议"),
}
PERFORMANCE_NAMES = {  # agreement.PERFORMANCE
    "pending": QT_TRANSLATE_NOOP("CaseLabel", "未到期"),
    "partial": QT_TRANSLATE_NOOP("CaseLabel", "部分履行"),
    "fully_performed": QT_TRANSLATE_NOOP("CaseLabel", "履行完毕"),
    "not_performed": QT_TRANSLATE_NOOP("CaseLabel", "未履行"),
}
SATISFACTION_NAMES = {  # followup.SATISFACTION
    "satisfied": QT_TRANSLATE_NOOP("CaseLabel", "满意"),
    "basic": QT_TRANSLATE_NOOP("CaseLabel", "基本满意"),
    "dissatisfied": QT_TRANSLATE_NOOP("CaseLabel", "不满意"),
}
ROUTE_NAMES = {  # states.ROUTES (art. 26)
    "arbitration": QT_TRANSLATE_NOOP("CaseLabel", "仲裁"),
    "administrative": QT_TRANSLATE_NOOP("CaseLabel", "行政途径"),
    "litigation": QT_TRANSLATE_NOOP("CaseLabel", "诉讼"),
    "petition": QT_TRANSLATE_NOOP("CaseLabel", "信访"),
}
LEVEL_NAMES = {  # states.ESCALATION_LEVELS
    "town": QT_TRANSLATE_NOOP("CaseLabel", "镇（街道）矛调中心"),
    "county": QT_TRANSLATE_NOOP("CaseLabel", "区（县）社会治理中心"),
}
PREVENTION_NAMES = {  # intake.RISK_FLAGS, the monthly report's prevention counters
    "suicide": QT_TRANSLATE_NOOP("CaseLabel", "防止自杀"),
    "civil_to_criminal": QT_TRANSLATE_NOOP("CaseLabel", "防止民转刑"),
    "group_petition": QT_TRANSLATE_NOOP("CaseLabel", "防止群体性上访"),
    "group_fight": QT_TRANSLATE_NOOP("CaseLabel", "防止群体性械斗"),
}
ATTACHMENT_KIND_NAMES = {  # attachments.KINDS
    "evidence": QT_TRANSLATE_NOOP("CaseLabel", "证据"),
    "signed_scan": QT_TRANSLATE_NOOP("CaseLabel", "签字扫描件"),
    "id_copy": QT_TRANSLATE_NOOP("CaseLabel", "身份证明"),
    "other": QT_TRANSLATE_NOOP("CaseLabel", "其他"),
}
CHOSEN_BY_NAMES = {  # assignment.CHOSEN_BY (art. 19)
    "committee": QT_TRANSLATE_NOOP("CaseLabel", "调委会指定"),
    "parties": QT_TRANSLATE_NOOP("CaseLabel", "当事人选定"),
}
TIMELINE_KIND_NAMES = {  # dto.TimelineEntry.kind
    "transition": QT_TRANSLATE_NOOP("CaseLabel", "状态"),
    "assignment": QT_TRANSLATE_NOOP("CaseLabel", "派单"),
    "session": QT_TRANSLATE_NOOP("CaseLabel", "调解"),
    "attachment": QT_TRANSLATE_NOOP("CaseLabel", "附件"),
    "agreement": QT_TRANSLATE_NOOP("CaseLabel", "协议"),
    "follow_up": QT_TRANSLATE_NOOP("CaseLabel", "回访"),
}
ASSIGNMENT_ROLE_NAMES = {
    "lead": QT_TRANSLATE_NOOP("CaseLabel", "主办"),
    "assistant": QT_TRANSLATE_NOOP("CaseLabel", "协办"),
}


def name_of(names: dict[str, str], code: str | None, context: str = "CaseLabel") -> str:
    """The translated name of a code; the code itself when the table does not know it."""
    if code is None:
        return ""
    text = names.get(code)
    return QCoreApplication.translate(context, text) if text else code


def action_name(key: str) -> str:
    return name_of(ACTION_NAMES, key, "CaseAction")
