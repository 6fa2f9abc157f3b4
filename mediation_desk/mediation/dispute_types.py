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


@dataclass(frozen=True)
class TableRow:
    """One row of the national statistics table: a type, or one of its sub-types (其中…)."""

    key: str  # "labour", or "labour.unpaid_wages" for a sub-type
    code: str
    subtype: str | None
    label: str


def row_key(code: str, subtype: str | None = None) -> str:
    return f"{code}.{subtype}" if subtype else code


def table_rows() -> tuple[TableRow, ...]:
    """Every type of the national table, each followed by its sub-types, in the form's order: a
    report lists all of them, zeros included, so every committee's month lines up row by row."""
    rows: list[TableRow] = []
    for t in DISPUTE_TYPES:
        rows.append(TableRow(t.code, t.code, None, t.label))
        rows += [TableRow(row_key(t.code, sub), t.code, sub, label) for sub, label in t.subtypes]
    return tuple(rows)


def subtype_row(code: str, subtype: str | None) -> str | None:
    """The sub-type row a case of (`code`, `subtype`) counts in, or None. A type whose sub-types
    end in 其他 counts a case recorded without a sub-type there, so its rows add up to the type;
    other sub-types (村务管理 under 其他) are "of which" rows and count only what is recorded so."""
    known = BY_CODE.get(code)
    if known is None:
        return None
    subs = dict(known.subtypes)
    if subtype in subs:
        return row_key(code, subtype)
    return row_key(code, "other") if "other" in subs else None


def label_of(code: str, subtype: str | None = None) -> str:
    label = LABELS.get(code, code)
    if subtype:
        sub = dict(BY_CODE[code].subtypes).get(subtype, subtype) if code in BY_CODE else subtype
        return f"{label}（{sub}）"
    return label
