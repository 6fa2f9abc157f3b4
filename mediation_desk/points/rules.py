"""平安虞家 green coins (平安绿币): the rules the desk and the district both apply (domain §7).

Pure: the catalogue and its checks, the declaration's two-level review, the ledger's kinds and the
ids of the entries both sides must agree on, per-item limits, balance and month arithmetic, the
shop's opening day, masking names for the public notice, and what syncs. No database, no files.

Coins are whole numbers (1 coin ≈ 1 yuan). A ledger entry is never edited or deleted: a correction
is a reversing entry; a balance is the sum of a resident's entries."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from mediation_desk.sitecode import rules as sitecode_rules

# ---- the catalogue --------------------------------------------------------------------------

MODULES = {
    "neighbours": "最亲乡里人",
    "volunteer": "我是志愿者",
    "safety_talk": "小戴说平安",
    "hazards": "一起查隐患",
}
# What may create a declaration by itself (a registered hook), besides the clerk.
MANUAL, FROM_MEDIATION, FROM_SELF_INSPECTION = "manual", "mediation", "self_inspection"
SOURCES = {MANUAL: "群众申报", FROM_MEDIATION: "调解结案自动申报", FROM_SELF_INSPECTION: "一单一码自查自动申报"}
# Published by the site-code capability when a place's monthly self-inspection is complete:
# {inspection_id, place_id, person_id (the place's responsible person), month, completed_on}.
SELF_INSPECTION_DONE_EVENT = sitecode_rules.SELF_INSPECTION_DONE_EVENT
CATALOGUE_PART = "points_catalogue"  # the part of the district's reference data that carries it
MAX_ITEM_COINS = 100  # one item earns or deducts at most this many coins
MAX_ENTRY_COINS = 100_000  # one ledger entry (a redemption of several gifts) moves at most this many
MAX_LABEL_CHARS = 40
_CODE = re.compile(r"[a-z][a-z0-9_]{0,31}")


class CatalogueProblem(ValueError):
    """A catalogue that cannot be used; `field` names where (e.g. "items[3].coins")."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


@dataclass(frozen=True)
class CatalogueItem:
    """One line of the positive list (coins > 0) or the negative list (coins < 0)."""

    code: str
    module: str
    label: str
    coins: int
    per_day: int | None = None  # at most this many declarations of the item per resident per day
    per_month: int | None = None  # … per resident per calendar month (Beijing)
    auto: str | None = None  # FROM_MEDIATION | FROM_SELF_INSPECTION: created by that event

    @property
    def deduction(self) -> bool:
        return self.coins < 0


@dataclass(frozen=True)
class Catalogue:
    version: int
    items: tuple[CatalogueItem, ...]

    def item(self, code: str) -> CatalogueItem | None:
        return next((i for i in self.items if i.code == code), None)

    def automatic(self, source: str) -> CatalogueItem | None:
        return next((i for i in self.items if i.auto == source), None)


DEFAULT_CATALOGUE = Catalogue(
    1,
    (
        CatalogueItem("mediation_volunteer", "neighbours", "志愿调解纠纷并达成协议", 5, None, 4, FROM_MEDIATION),
        CatalogueItem("neighbour_help", "neighbours", "邻里互助、化解小矛盾", 2, 1, 8),
        CatalogueItem("patrol", "volunteer", "参加平安巡防", 2, 1, 10),
        CatalogueItem("volunteer_service", "volunteer", "参加志愿服务活动", 2, 1, 8),
        CatalogueItem("safety_talk", "safety_talk", "参加或宣讲平安知识", 2, 1, 4),
        CatalogueItem("anti_fraud_app", "safety_talk", "安装并注册国家反诈中心 APP", 2, None, 1),
        CatalogueItem("hazard_report", "hazards", "报告安全隐患（经核实）", 3, 2, 10),
        CatalogueItem("self_inspection", "hazards", "完成一单一码月度自查", 2, None, 1, FROM_SELF_INSPECTION),
        CatalogueItem("family_fight", "neighbours", "参与家庭纠纷、打架斗殴", -5, 1, None),
        CatalogueItem("neighbour_dispute", "neighbours", "无理引发邻里纠纷", -3, 1, None),
        CatalogueItem("hazard_refused", "hazards", "拒不整改安全隐患", -5, 1, None),
        CatalogueItem("false_declaration", "volunteer", "虚报、冒领积分", -5, 1, None),
    ),
)


def catalogue_to_wire(catalogue: Catalogue) -> dict[str, Any]:
    return {
        "version": catalogue.version,
        "items": [
            {
                "code": i.code,
                "module": i.module,
                "label": i.label,
                "coins": i.coins,
                "per_day": i.per_day,
                "per_month": i.per_month,
                "auto": i.auto,
            }
            for i in catalogue.items
        ],
    }


def _int(value: Any, field: str, low: int, high: int, *, optional: bool = False) -> int | None:
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise CatalogueProblem(field, f"须是 {low} 到 {high} 的整数")
    return value


def catalogue_from_wire(data: Any) -> Catalogue:
    """A catalogue as the district edits and sends it, checked item by item (CatalogueProblem)."""
    if not isinstance(data, Mapping):
        raise CatalogueProblem("catalogue", "须是一个对象（version、items）")
    version = _int(data.get("version"), "version", 1, 10**6)
    raw_items = data.get("items")
    if not isinstance(raw_items, list) or not raw_items or len(raw_items) > 200:
        raise CatalogueProblem("items", "须是 1 到 200 项的列表")
    items: list[CatalogueItem] = []
    seen: set[str] = set()
    autos: set[str] = set()
    for n, raw in enumerate(raw_items):
        where = f"items[{n}]"
        if not isinstance(raw, Mapping):
            raise CatalogueProblem(where, "须是一个对象")
        code = raw.get("code")
        if not isinstance(code, str) or not _CODE.fullmatch(code):
            raise CatalogueProblem(
                f"{where}.code", "须是小写字母开头、由小写字母、数字和下划线组成的代码（≤ 32 个字符）"
            )
        if code in seen:
            raise CatalogueProblem(f"{where}.code", f"代码 {code} 重复")
        seen.add(code)
        module = raw.get("module")
        if module not in MODULES:
            raise CatalogueProblem(f"{where}.module", f"须是以下之一：{'、'.join(MODULES)}")
        label = raw.get("label")
        if not isinstance(label, str) or not label.strip() or len(label) > MAX_LABEL_CHARS or not label.isprintable():
            raise CatalogueProblem(f"{where}.label", f"须是 1 到 {MAX_LABEL_CHARS} 个字符的一行文字")
        coins = _int(raw.get("coins"), f"{where}.coins", -MAX_ITEM_COINS, MAX_ITEM_COINS)
        if coins == 0:
            raise CatalogueProblem(f"{where}.coins", "不能为 0：正数为加分项，负数为扣分项")
        per_day = _int(raw.get("per_day"), f"{where}.per_day", 1, 31, optional=True)
        per_month = _int(raw.get("per_month"), f"{where}.per_month", 1, 100, optional=True)
        if per_day is not None and per_month is not None and per_day > per_month:
            raise CatalogueProblem(f"{where}.per_day", "每日上限不能大于每月上限")
        auto = raw.get("auto")
        if auto is not None:
            if auto not in (FROM_MEDIATION, FROM_SELF_INSPECTION):
                raise CatalogueProblem(f"{where}.auto", f"须是 {FROM_MEDIATION} 或 {FROM_SELF_INSPECTION}（或不填）")
            if auto in autos or (coins or 0) < 0:
                raise CatalogueProblem(f"{where}.auto", "每种自动申报只能对应一个加分项（扣分从不自动）")
            autos.add(auto)
        assert coins is not None and version is not None
        items.append(CatalogueItem(code, module, label.strip(), coins, per_day, per_month, auto))
    assert version is not None
    return Catalogue(version, tuple(items))


# ---- declarations and their two-level review --------------------------------------------------

DECLARED = "declared"  # 待村审核
VILLAGE_APPROVED = "village_approved"  # 村已通过，待镇审核
VILLAGE_REJECTED = "village_rejected"  # 村未通过
TOWN_APPROVED = "town_approved"  # 镇已通过：已记入积分
TOWN_REJECTED = "town_rejected"  # 镇未通过
STATUS_LABELS = {
    DECLARED: "待村审核",
    VILLAGE_APPROVED: "待镇审核",
    VILLAGE_REJECTED: "村审核未通过",
    TOWN_APPROVED: "已通过，已记分",
    TOWN_REJECTED: "镇审核未通过",
}
STATUSES = tuple(STATUS_LABELS)
REVIEW_MOVES = {DECLARED: (VILLAGE_APPROVED, VILLAGE_REJECTED), VILLAGE_APPROVED: (TOWN_APPROVED, TOWN_REJECTED)}
VILLAGE_MOVES = frozenset({VILLAGE_APPROVED, VILLAGE_REJECTED})  # made at a committee's desk
TOWN_MOVES = frozenset({TOWN_APPROVED, TOWN_REJECTED})  # made by a town desk, through the district
REJECTIONS = frozenset({VILLAGE_REJECTED, TOWN_REJECTED})
MAX_REASON_CHARS = 200


def review_problem(current: str, target: str, reason: str | None) -> str | None:
    """Why `current → target` is not a review this declaration can have, or None."""
    if target not in STATUS_LABELS:
        return f"未知的审核结果：{target[:32]}"
    allowed = REVIEW_MOVES.get(current, ())
    if target not in allowed:
        now = STATUS_LABELS.get(current, current)
        if current == DECLARED and target in TOWN_MOVES:
            return "须先经村级审核通过，镇里才能审核"
        return f"这条申报现在是「{now}」，不能改为「{STATUS_LABELS[target]}」"
    if target in REJECTIONS and not (reason or "").strip():
        return "不通过须写明理由"
    return None


def review_conflict(server_status: str, claimed_from: str, target: str) -> str | None:
    """The contract's transition check (district and desk): a review made from a state the
    declaration has left (another desk reviewed it first) is a conflict shown to the clerk."""
    if server_status == target:
        return None  # the same review arrived twice
    if server_status != claimed_from:
        held = STATUS_LABELS.get(server_status, server_status)
        return f"这条申报已是「{held}」（另一台电脑或镇里已先审核），这次审核未生效"
    if target not in REVIEW_MOVES.get(server_status, ()):
        return f"这条申报现在是「{STATUS_LABELS.get(server_status, server_status)}」，不能改为「{target}」"
    return None


def limit_problem(item: CatalogueItem, same_day: int, same_month: int) -> str | None:
    """Why one more declaration of `item` breaks its limits, given how many the resident already
    has (not rejected) on that day and in that month; None when it fits."""
    if item.per_day is not None and same_day >= item.per_day:
        return f"「{item.label}」每人每天最多申报 {item.per_day} 次，这一天已有 {same_day} 次"
    if item.per_month is not None and same_month >= item.per_month:
        return f"「{item.label}」每人每月最多申报 {item.per_month} 次，这个月已有 {same_month} 次"
    return None


def activity_date_problem(day: dt.date, today: dt.date, *, max_age_days: int = 62) -> str | None:
    """Activities are declared after they happen, and within about two months."""
    if day > today:
        return "活动日期不能晚于今天"
    if (today - day).days > max_age_days:
        return f"活动日期不能早于 {max_age_days} 天前（逾期的请不再申报）"
    return None


# ---- the ledger ------------------------------------------------------------------------------

CREDIT, DEDUCTION, REDEMPTION, REVERSAL, ADJUSTMENT = "credit", "deduction", "redemption", "reversal", "adjustment"
ENTRY_KINDS = {CREDIT: "获得", DEDUCTION: "扣减", REDEMPTION: "兑换", REVERSAL: "冲正", ADJUSTMENT: "镇里调整"}
_NAMESPACE = uuid.UUID("6f2b8c4e-6d0a-4b5e-9a53-2c1f0e7d9b41")


def credit_entry_id(declaration_id: str) -> str:
    """The one entry an approved declaration makes: the same id wherever it is written, so it
    can exist only once (a replay, a second approval, two desks: one entry)."""
    return str(uuid.uuid5(_NAMESPACE, f"credit:{declaration_id}"))


def reversal_entry_id(entry_id: str) -> str:
    """An entry is reversed at most once, whoever reverses it first."""
    return str(uuid.uuid5(_NAMESPACE, f"reversal:{entry_id}"))


def conflict_id(redemption_entry_id: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, f"conflict:{redemption_entry_id}"))


def resolution_entry_id(conflict: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, f"resolution:{conflict}"))


def entry_kind_for(coins: int) -> str:
    """The kind of entry an approved declaration of `coins` makes."""
    return CREDIT if coins > 0 else DEDUCTION


def balance(coins: Iterable[int]) -> int:
    return sum(coins)


def redemption_problem(held: int, cost: int) -> str | None:
    """Why a redemption of `cost` coins cannot be made from a balance of `held`, or None."""
    if cost <= 0:
        return "兑换所需绿币须大于 0"
    if cost > MAX_ENTRY_COINS:
        return f"一次兑换不能超过 {MAX_ENTRY_COINS} 绿币"
    if cost > held:
        return f"绿币不足：余额 {held}，需要 {cost}"
    return None


def overdraft(held_before: int, coins: int) -> int:
    """How far below zero an entry of `coins` takes a balance of `held_before` (0: it does not)."""
    return max(0, -(held_before + coins)) if coins < 0 else 0


# ---- month end -------------------------------------------------------------------------------

_MONTH = re.compile(r"(\d{4})-(\d{2})")


def parse_month(text: str) -> tuple[dt.date, dt.date]:
    """ "2026-11" → (first day, first day of the next month); ValueError with words otherwise."""
    m = _MONTH.fullmatch(text.strip())
    if not m or not 1 <= int(m.group(2)) <= 12 or int(m.group(1)) < 2000:
        raise ValueError("月份须写成 YYYY-MM，如 2026-11")
    first = dt.date(int(m.group(1)), int(m.group(2)), 1)
    return first, next_month(first)


def next_month(first: dt.date) -> dt.date:
    return dt.date(first.year + (first.month == 12), first.month % 12 + 1, 1)


def month_label(first: dt.date) -> str:
    return f"{first.year}-{first.month:02d}"


@dataclass(frozen=True)
class MonthFigures:
    """One line of the 积分汇总表: closing = opening + earned − deducted − redeemed + corrected."""

    opening: int
    earned: int
    deducted: int  # shown positive
    redeemed: int  # shown positive
    corrected: int  # reversals and the town's adjustments, signed

    @property
    def closing(self) -> int:
        return self.opening + self.earned - self.deducted - self.redeemed + self.corrected


def figures(opening: int, by_kind: Mapping[str, int]) -> MonthFigures:
    """A month's line from the opening balance and the month's signed sums by entry kind."""
    return MonthFigures(
        opening,
        by_kind.get(CREDIT, 0),
        -by_kind.get(DEDUCTION, 0),
        -by_kind.get(REDEMPTION, 0),
        by_kind.get(REVERSAL, 0) + by_kind.get(ADJUSTMENT, 0),
    )


def mask_name(name: str) -> str:
    """The name as a public notice shows it: 王芳 → 王*, 王小芳 → 王*芳, 欧阳小芳 → 欧**芳."""
    chars = list(name.strip())
    if len(chars) <= 1:
        return "*"
    if len(chars) == 2:
        return chars[0] + "*"
    return chars[0] + "*" * (len(chars) - 2) + chars[-1]


# ---- the 绿币超市 ------------------------------------------------------------------------------

DEFAULT_OPENING_DAY = 25


def off_day_problem(today: dt.date, opening_day: int, reason: str | None) -> str | None:
    """Redemption is on the opening day; another day needs a reason (audited)."""
    if today.day == opening_day or (reason or "").strip():
        return None
    return f"今天不是绿币超市开放日（每月 {opening_day} 日）；另日兑换须写明原因"


# ---- what syncs ------------------------------------------------------------------------------

RESIDENT, DECLARATION, ENTRY, CONFLICT = "points_resident", "points_declaration", "points_entry", "points_conflict"
OPEN, RESOLVED = "open", "resolved"
REVERSE_REDEMPTION, TOWN_COVERS = "reverse_redemption", "town_covers"
RESOLUTIONS = {REVERSE_REDEMPTION: "冲正这次兑换（礼品退回或另行处理）", TOWN_COVERS: "镇里补足差额"}
