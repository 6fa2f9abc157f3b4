"""National dispute-type code table (15 types, statistics form) with common sub-types.

Local lists (e.g. a county's 村务管理) map onto a national code so monthly reports add up."""

from __future__ import annotations

from dataclasses import dataclass

from mediation_desk.errors import ValidationError


@dataclass(frozen=True)
class DisputeType:
    code: str
    label: str
    subtypes: tuple[tuple[str, str], ...] = ()


DISPUTE_TYPES: tuple[DisputeType, ...] = (
    DisputeType("family", "婚姻家庭"),
    DisputeType("neighbour", "邻里"),
    DisputeType("housing_land", "房屋宅基地"),
    DisputeType("contract", "合同"),
    DisputeType("business", "生产经营"),
    DisputeType("damages", "损害赔偿"),
    DisputeType("forest_land", "山林土地"),
    DisputeType("expropriation", "征地拆迁"),
    DisputeType("pollution", "环境污染"),
    DisputeType("labour", "劳动争议", (("unpaid_wages", "拖欠农民工工资"), ("other", "其他"))),
    DisputeType("consumer", "消费", (("tourism", "旅游"), ("ecommerce", "电子商务"), ("other", "其他"))),
    DisputeType("medical", "医疗"),
    DisputeType("traffic", "道路交通事故"),
    DisputeType("property_mgmt", "物业"),
    DisputeType("other", "其他", (("village_affairs", "村务管理"),)),
)

BY_CODE: dict[str, DisputeType] = {t.code: t for t in DISPUTE_TYPES}
LABELS: dict[str, str] = {t.code: t.label for t in DISPUTE_TYPES}
# Chinese labels are accepted on input too (imports, CSV files typed by a clerk).
_BY_LABEL: dict[str, str] = {t.label: t.code for t in DISPUTE_TYPES}
_BY_LABEL.update({"婚姻家庭纠纷": "family", "邻里纠纷": "neighbour"})


def resolve_type(value: str, subtype: str | None = None) -> tuple[str, str | None]:
    """Normalise a (type, subtype) given as codes or Chinese labels; reject unknown ones."""
    code = value if value in BY_CODE else _BY_LABEL.get(value.strip() if value else "")
    if code is None:
        choices = "、".join(t.label for t in DISPUTE_TYPES)
        raise ValidationError.single(
            "dispute_type", "dispute_type_unknown", f"纠纷类型「{value}」不在国家统计分类中，可选：{choices}"
        )
    if subtype in (None, ""):
        return code, None
    subs = dict(BY_CODE[code].subtypes)
    if subtype in subs:
        return code, subtype
    for sub_code, label in subs.items():
        if label == subtype:
            return code, sub_code
    allowed = "、".join(subs.values()) or "无"
    raise ValidationError.single(
        "dispute_subtype",
        "dispute_subtype_unknown",
        f"纠纷子类「{subtype}」不属于「{LABELS[code]}」，可选：{allowed}",
    )


def label_of(code: str, subtype: str | None = None) -> str:
    label = LABELS.get(code, code)
    if subtype:
        sub = dict(BY_CODE[code].subtypes).get(subtype, subtype) if code in BY_CODE else subtype
        return f"{label}（{sub}）"
    return label
