"""The site-code scheme: the standard checklist of each category of place (标准清单化) and the
thresholds of the colour rule, versioned as one whole. Version 1 is built in; the district edits
later versions and hands them down as reference data (`rules.SCHEME_PART`); an inspection records
the version whose checklist it followed. Pure: the desk and the district both read it."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from mediation_desk.sitecode.rules import DEFAULT_THRESHOLDS, Thresholds

_CODE = re.compile(r"[a-z][a-z0-9_]{0,31}")
MAX_ITEMS = 60
MAX_CATEGORIES = 40


class SchemeProblem(ValueError):
    """A scheme that cannot be used; `field` names where (e.g. "checklists.shop[2].text")."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


@dataclass(frozen=True)
class ChecklistItem:
    code: str
    text: str


@dataclass(frozen=True)
class Checklist:
    category: str
    label: str  # 企业, 商铺 …
    items: tuple[ChecklistItem, ...]

    def item(self, code: str) -> ChecklistItem | None:
        return next((i for i in self.items if i.code == code), None)


@dataclass(frozen=True)
class Scheme:
    version: int
    thresholds: Thresholds
    checklists: tuple[Checklist, ...]

    def checklist(self, category: str) -> Checklist | None:
        return next((c for c in self.checklists if c.category == category), None)

    @property
    def categories(self) -> dict[str, str]:
        return {c.category: c.label for c in self.checklists}

    def category_by_label(self, text: str) -> str | None:
        """A category from its code or its Chinese label, as a district's list may write either."""
        wanted = text.strip()
        return next((c.category for c in self.checklists if wanted in (c.category, c.label)), None)


def _items(*pairs: tuple[str, str]) -> tuple[ChecklistItem, ...]:
    return tuple(ChecklistItem(code, text) for code, text in pairs)


_FIRE = (
    ("extinguishers", "灭火器配置齐全、在有效期内"),
    ("exits", "安全出口、疏散通道畅通，无堵塞锁闭"),
    ("wiring", "电气线路无私拉乱接、无老化破损"),
)
DEFAULT_SCHEME = Scheme(
    1,
    DEFAULT_THRESHOLDS,
    (
        Checklist(
            "enterprise",
            "企业",
            _items(
                *_FIRE,
                ("chemicals", "危险化学品按规定存放、专人管理"),
                ("machines", "机械设备防护装置完好"),
                ("training", "本月开展安全教育培训"),
            ),
        ),
        Checklist(
            "shop",
            "商铺",
            _items(*_FIRE, ("goods", "商品堆放不占用通道、不遮挡消防设施"), ("living", "经营场所内无住人")),
        ),
        Checklist(
            "rental",
            "出租房",
            _items(
                *_FIRE,
                ("charging", "电动自行车不在室内、楼道充电"),
                ("register", "租住人员按规定登记"),
                ("smoke", "每户配置独立式烟感报警器"),
            ),
        ),
        Checklist(
            "hotel",
            "旅馆",
            _items(*_FIRE, ("guests", "旅客身份逐一登记"), ("evacuation", "客房张贴疏散示意图")),
        ),
        Checklist(
            "school",
            "学校",
            _items(
                *_FIRE,
                ("gate", "校门安保值守、外来人员登记"),
                ("canteen", "食堂食品安全制度落实"),
                ("drill", "本学期已开展疏散演练"),
            ),
        ),
        Checklist(
            "restaurant",
            "餐饮店",
            _items(
                *_FIRE,
                ("gas", "燃气管道、阀门完好，安装燃气报警器"),
                ("hood", "油烟管道定期清洗"),
                ("food", "食品原料来源可追溯"),
            ),
        ),
        Checklist(
            "warehouse",
            "仓库",
            _items(*_FIRE, ("stacking", "货物分区分类堆放，留足防火间距"), ("no_living", "仓库内无住人")),
        ),
    ),
)


def scheme_to_wire(scheme: Scheme) -> dict[str, Any]:
    return {
        "version": scheme.version,
        "thresholds": {f.name: getattr(scheme.thresholds, f.name) for f in fields(Thresholds)},
        "checklists": [
            {"category": c.category, "label": c.label, "items": [{"code": i.code, "text": i.text} for i in c.items]}
            for c in scheme.checklists
        ],
    }


_LIMITS = {
    "cutoff_day": (0, 28, "截止日须是 0（月末）到 28"),
    "cutoff_hour": (1, 24, "截止时刻须是 1 到 24 点"),
    "covert_after_reds": (1, 12, "须是 1 到 12 个月"),
    "joint_after_reds": (1, 12, "须是 1 到 12 个月"),
    "default_deadline_days": (1, 90, "须是 1 到 90 天"),
    "max_deadline_days": (1, 365, "须是 1 到 365 天"),
}


def _text(value: Any, field: str, limit: int) -> str:
    if not isinstance(value, str) or not value.strip() or len(value.strip()) > limit or not value.isprintable():
        raise SchemeProblem(field, f"须是 1 到 {limit} 个字符的一行文字")
    return value.strip()


def _code(value: Any, field: str, seen: set[str]) -> str:
    if not isinstance(value, str) or not _CODE.fullmatch(value):
        raise SchemeProblem(field, "须是小写字母开头、由小写字母、数字和下划线组成的代码（≤ 32 个字符）")
    if value in seen:
        raise SchemeProblem(field, f"代码 {value} 重复")
    seen.add(value)
    return value


def _thresholds(data: Any) -> Thresholds:
    if data is None:
        return DEFAULT_THRESHOLDS
    if not isinstance(data, Mapping):
        raise SchemeProblem("thresholds", "须是一个对象")
    values: dict[str, int] = {}
    for name, (low, high, message) in _LIMITS.items():
        value = data.get(name, getattr(DEFAULT_THRESHOLDS, name))
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise SchemeProblem(f"thresholds.{name}", message)
        values[name] = value
    unknown = sorted(set(data) - set(_LIMITS))
    if unknown:
        raise SchemeProblem(f"thresholds.{unknown[0]}", "不是可设置的阈值")
    th = Thresholds(**values)
    if th.default_deadline_days > th.max_deadline_days:
        raise SchemeProblem("thresholds.default_deadline_days", "默认整改期限不能长于最长整改期限")
    return th


def scheme_from_wire(data: Any) -> Scheme:
    """A scheme as the district edits and sends it, checked part by part (SchemeProblem)."""
    if not isinstance(data, Mapping):
        raise SchemeProblem("scheme", "须是一个对象（version、thresholds、checklists）")
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or not 1 <= version <= 10**6:
        raise SchemeProblem("version", "须是 1 到 1000000 的整数")
    raw = data.get("checklists")
    if not isinstance(raw, list) or not raw or len(raw) > MAX_CATEGORIES:
        raise SchemeProblem("checklists", f"须是 1 到 {MAX_CATEGORIES} 个类别的列表")
    categories: set[str] = set()
    checklists: list[Checklist] = []
    for n, entry in enumerate(raw):
        where = f"checklists[{n}]"
        if not isinstance(entry, Mapping):
            raise SchemeProblem(where, "须是一个对象（category、label、items）")
        category = _code(entry.get("category"), f"{where}.category", categories)
        label = _text(entry.get("label"), f"{where}.label", 20)
        items_raw = entry.get("items")
        if not isinstance(items_raw, list) or not items_raw or len(items_raw) > MAX_ITEMS:
            raise SchemeProblem(f"{where}.items", f"须是 1 到 {MAX_ITEMS} 项的列表")
        codes: set[str] = set()
        items: list[ChecklistItem] = []
        for k, item in enumerate(items_raw):
            at = f"{where}.items[{k}]"
            if not isinstance(item, Mapping):
                raise SchemeProblem(at, "须是一个对象（code、text）")
            items.append(
                ChecklistItem(_code(item.get("code"), f"{at}.code", codes), _text(item.get("text"), f"{at}.text", 80))
            )
        checklists.append(Checklist(category, label, tuple(items)))
    labels = [c.label for c in checklists]
    if len(set(labels)) != len(labels):
        raise SchemeProblem("checklists", "类别名称不能重复")
    return Scheme(version, _thresholds(data.get("thresholds")), tuple(checklists))
