"""Names the documents dialog shows for the documents service's codes, through Qt translation.

The kinds' Chinese names are the service's own (`documents.KINDS`); a test keeps them equal.
They are repeated here only so that lupdate can collect them."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

DOCUMENT_KIND_NAMES = {  # documents.KINDS
    "application": QT_TRANSLATE_NOOP("DocumentKind", "人民调解申请书"),
    "registration": QT_TRANSLATE_NOOP("DocumentKind", "人民调解受理登记表"),
    "rights_notice": QT_TRANSLATE_NOOP("DocumentKind", "当事人权利义务告知书"),
    "session_record": QT_TRANSLATE_NOOP("DocumentKind", "人民调解记录"),
    "agreement": QT_TRANSLATE_NOOP("DocumentKind", "人民调解协议书"),
    "oral_agreement": QT_TRANSLATE_NOOP("DocumentKind", "口头调解协议登记表"),
    "follow_up": QT_TRANSLATE_NOOP("DocumentKind", "人民调解回访记录"),
    "judicial_application": QT_TRANSLATE_NOOP("DocumentKind", "司法确认申请书"),
    "termination_notice": QT_TRANSLATE_NOOP("DocumentKind", "终止调解告知书"),
    "case_file": QT_TRANSLATE_NOOP("DocumentKind", "人民调解卷宗"),
}
# When each kind can be made; the service decides (`available_kinds`), these sentences only tell
# the user what a kind not offered now is waiting for.
WHEN_AVAILABLE = {
    "application": QT_TRANSLATE_NOOP("DocumentKind", "只有依申请受理的案件才有申请书；其他来源的案件请打印受理登记表"),
    "registration": QT_TRANSLATE_NOOP("DocumentKind", "受理后即可生成"),
    "rights_notice": QT_TRANSLATE_NOOP("DocumentKind", "受理后即可生成"),
    "session_record": QT_TRANSLATE_NOOP("DocumentKind", "有调解记录后才能生成"),
    "agreement": QT_TRANSLATE_NOOP("DocumentKind", "登记书面调解协议后才能生成"),
    "oral_agreement": QT_TRANSLATE_NOOP("DocumentKind", "登记口头调解协议后才能生成"),
    "follow_up": QT_TRANSLATE_NOOP("DocumentKind", "有回访记录后才能生成"),
    "judicial_application": QT_TRANSLATE_NOOP(
        "DocumentKind", "书面调解协议签字生效后 30 日内才能生成（人民调解法第三十三条）"
    ),
    "termination_notice": QT_TRANSLATE_NOOP(
        "DocumentKind", "终止调解后才能生成，每位当事人一份（人民调解法第二十六条）"
    ),
    "case_file": QT_TRANSLATE_NOOP("DocumentKind", "案件办结（结案、终止调解、不予调解或上报）后才能立卷"),
}
REASONS = (
    QT_TRANSLATE_NOOP("DocumentsDialog", "当事人签字用"),
    QT_TRANSLATE_NOOP("DocumentsDialog", "交当事人留存"),
    QT_TRANSLATE_NOOP("DocumentsDialog", "立卷归档"),
    QT_TRANSLATE_NOOP("DocumentsDialog", "申请司法确认"),
    QT_TRANSLATE_NOOP("DocumentsDialog", "当事人申请复制"),
)


def kind_name(kind: str) -> str:
    return QCoreApplication.translate("DocumentKind", DOCUMENT_KIND_NAMES.get(kind, kind))


def when_available(kind: str) -> str:
    """What a kind not offered now is waiting for."""
    return QCoreApplication.translate("DocumentKind", WHEN_AVAILABLE.get(kind, ""))
