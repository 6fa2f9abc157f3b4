"""Names the window shows for the services' codes, through Qt translation.

The Chinese texts are the services' own (`states.LABELS`, `accounts.ROLES`, `dispute_types`); tests keep them
equal. They are repeated here only so that lupdate can collect them for the English catalogue."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from mediation_desk.privacy import roles

STATE_NAMES = {
    "accepted": QT_TRANSLATE_NOOP("CaseState", "已受理"),
    "assigned": QT_TRANSLATE_NOOP("CaseState", "已派单"),
    "in_mediation": QT_TRANSLATE_NOOP("CaseState", "调解中"),
    "agreed": QT_TRANSLATE_NOOP("CaseState", "已达成协议"),
    "performing": QT_TRANSLATE_NOOP("CaseState", "履行中"),
    "follow_up": QT_TRANSLATE_NOOP("CaseState", "回访中"),
    "unperformed": QT_TRANSLATE_NOOP("CaseState", "协议未履行"),
    "closed": QT_TRANSLATE_NOOP("CaseState", "已结案"),
    "terminated": QT_TRANSLATE_NOOP("CaseState", "终止调解"),
    "declined": QT_TRANSLATE_NOOP("CaseState", "不予调解"),
    "escalated": QT_TRANSLATE_NOOP("CaseState", "已上报"),
}

ROLE_NAMES = {  # roles.ROLE_LABELS, for lupdate
    roles.ADMIN: QT_TRANSLATE_NOOP("Role", "主任"),
    roles.MEDIATOR: QT_TRANSLATE_NOOP("Role", "调解员"),
    roles.CLERK: QT_TRANSLATE_NOOP("Role", "记录员"),
}


# The services' codes with their Chinese names (intake.SOURCES, REFERRERS),
# repeated so that lupdate collects them; a test keeps them equal.
SOURCE_NAMES = {
    "application": QT_TRANSLATE_NOOP("Intake", "依申请"),
    "initiative": QT_TRANSLATE_NOOP("Intake", "主动调解"),
    "referral": QT_TRANSLATE_NOOP("Intake", "委托移送"),
}
REFERRER_NAMES = {
    "court": QT_TRANSLATE_NOOP("Intake", "法院"),
    "procuratorate": QT_TRANSLATE_NOOP("Intake", "检察院"),
    "police": QT_TRANSLATE_NOOP("Intake", "公安"),
    "petition": QT_TRANSLATE_NOOP("Intake", "信访"),
    "other": QT_TRANSLATE_NOOP("Intake", "其他"),
}
SOURCE_CONTEXT = "Intake"


# The national dispute types and sub-types (`mediation/dispute_types.py`).
DISPUTE_TYPE_NAMES = {
    "family": QT_TRANSLATE_NOOP("DisputeType", "婚姻家庭"),
    "neighbour": QT_TRANSLATE_NOOP("DisputeType", "邻里"),
    "housing_land": QT_TRANSLATE_NOOP("DisputeType", "房屋宅基地"),
    "contract": QT_TRANSLATE_NOOP("DisputeType", "合同"),
    "business": QT_TRANSLATE_NOOP("DisputeType", "生产经营"),
    "damages": QT_TRANSLATE_NOOP("DisputeType", "损害赔偿"),
    "forest_land": QT_TRANSLATE_NOOP("DisputeType", "山林土地"),
    "expropriation": QT_TRANSLATE_NOOP("DisputeType", "征地拆迁"),
    "pollution": QT_TRANSLATE_NOOP("DisputeType", "环境污染"),
    "labour": QT_TRANSLATE_NOOP("DisputeType", "劳动争议"),
    "consumer": QT_TRANSLATE_NOOP("DisputeType", "消费"),
    "medical": QT_TRANSLATE_NOOP("DisputeType", "医疗"),
    "traffic": QT_TRANSLATE_NOOP("DisputeType", "道路交通事故"),
    "property_mgmt": QT_TRANSLATE_NOOP("DisputeType", "物业"),
    "other": QT_TRANSLATE_NOOP("DisputeType", "其他"),
}


SUBTYPE_NAMES = {
    ("labour", "unpaid_wages"): QT_TRANSLATE_NOOP("DisputeType", "拖欠农民工工资"),
    ("labour", "other"): QT_TRANSLATE_NOOP("DisputeType", "其他"),
    ("consumer", "tourism"): QT_TRANSLATE_NOOP("DisputeType", "旅游"),
    ("consumer", "ecommerce"): QT_TRANSLATE_NOOP("DisputeType", "电子商务"),
    ("consumer", "other"): QT_TRANSLATE_NOOP("DisputeType", "其他"),
    ("other", "village_affairs"): QT_TRANSLATE_NOOP("DisputeType", "村务管理"),
}


def translated(context: str, names: dict[str, str]) -> list[tuple[str, str]]:
    """(code, translated name) pairs of a label table, in its order, for filling a combo box."""
    return [(code, QCoreApplication.translate(context, text)) for code, text in names.items()]


def dispute_type_name(code: str) -> str:
    name = DISPUTE_TYPE_NAMES.get(code)
    return QCoreApplication.translate("DisputeType", name) if name else code


def state_name(code: str) -> str:
    return QCoreApplication.translate("CaseState", STATE_NAMES[code]) if code in STATE_NAMES else code


def role_name(code: str) -> str:
    return QCoreApplication.translate("Role", ROLE_NAMES[code]) if code in ROLE_NAMES else code
