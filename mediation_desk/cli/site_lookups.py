"""What a site-code command names, found: a place by its id, its name (or the first characters of
it, when only one place starts so), its 场所码 or the first characters of its id; a hazard or a task
by its id or the first characters of it; a month, a result, `ITEM=VALUE` pairs. Each refusal
names the field and the rule, before anything is saved."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from mediation_desk.cli.context import Context
from mediation_desk.errors import NotFound, ValidationError
from mediation_desk.sitecode import places, rules
from mediation_desk.sitecode.dto import ChecklistView, PlaceView

SHORT_ID = 8  # characters of an id the lists show
MIN_PREFIX = 4
MAX_LISTED = 100_000
_ID_CHARS = re.compile(r"[0-9a-f-]+")
RESULT_HELP = "、".join(f"{code}（{label}）" for code, label in rules.RESULTS.items())
COLOUR_HELP = "、".join(f"{code}（{label}）" for code, label in rules.COLOURS.items())


def place_id(ctx: Context, key: str, field: str = "place") -> str:
    """A place's id from its id, its name, its 场所码, the start of its id or the start of its name
    (inactive places included: a closed shop's history is still asked for)."""
    text = key.strip()
    if not text:
        raise ValidationError.single(field, "place_required", "请写出场所（编号或名称）")
    try:
        return places.get_place(ctx.desk, ctx.actor, text).id
    except (NotFound, ValidationError):
        pass
    # The service's search narrows to places whose name, address … contain the text or whose
    # 场所码 it is; the start of an id is looked for among all places only when nothing else fits.
    named = places.list_places(ctx.desk, ctx.actor, query=text, include_inactive=True, limit=MAX_LISTED)
    folded = text.casefold()
    candidates: list[Callable[[], list[PlaceView]]] = [
        lambda: [p for p in named if p.name.casefold() == folded],
        lambda: [p for p in named if p.place_code == text.upper()],
        lambda: [p for p in named if p.name.casefold().startswith(folded)],
        lambda: _by_id_prefix(ctx, text),
    ]
    for matches in (find() for find in candidates):
        if len(matches) == 1:
            return matches[0].id
        if len(matches) > 1:
            names = "、".join(sorted({p.name for p in matches})[:5])
            raise ValidationError.single(
                field,
                "place_ambiguous",
                f"「{text}」对应 {len(matches)} 个场所（{names}），请多写几个字或用编号（见 site places）",
            )
    raise ValidationError.single(field, "place_unknown", f"没有这个场所：「{text}」（见 site places）")


def _by_id_prefix(ctx: Context, text: str) -> list[PlaceView]:
    key = text.lower()
    if len(key) < MIN_PREFIX or not _ID_CHARS.fullmatch(key):
        return []
    held = places.list_places(ctx.desk, ctx.actor, include_inactive=True, limit=MAX_LISTED)
    return [p for p in held if p.id.startswith(key)]


def unique_id(key: str, ids: Sequence[str], what: str, field: str) -> str:
    """One id from a list: the id itself or the one starting with the characters given."""
    text = key.strip().lower()
    if text in ids:
        return text
    if len(text) < MIN_PREFIX:
        raise ValidationError.single(field, f"{field}_unknown", f"{what}编号「{text}」太短，请至少写前 {MIN_PREFIX} 位")
    matches = [i for i in ids if i.startswith(text)]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise ValidationError.single(field, f"{field}_ambiguous", f"{what}编号「{text}」对应多条，请多写几位")
    raise ValidationError.single(field, f"{field}_unknown", f"没有这条{what}：「{text}」")


def month(value: str | None, field: str = "month") -> str | None:
    if value is None or not value.strip():
        return None
    try:
        return rules.parse_month(value)
    except ValueError as e:
        raise ValidationError.single(field, "month_format", f"月份「{value.strip()}」有误：{e}") from None


def colour(value: str | None) -> str | None:
    """A colour given as its code (green) or its label (绿码, 绿)."""
    if value is None or not value.strip():
        return None
    text = value.strip().lower()
    for code, label in rules.COLOURS.items():
        if text in (code, label, label[0], rules.COLOUR_LETTERS[code].lower()):
            return code
    raise ValidationError.single("colour", "colour_unknown", f"没有「{value.strip()}」这种码色，可选：{COLOUR_HELP}")


def result(value: str, item: str) -> str:
    """An inspection result given as its code (ok, hazard, na) or its label (合格 …)."""
    text = value.strip().lower()
    for code, label in rules.RESULTS.items():
        if text in (code, label):
            return code
    raise ValidationError.single(
        "result", "result_unknown", f"检查项「{item}」的结果「{value.strip()}」无效，可选：{RESULT_HELP}"
    )


def pairs(values: Sequence[str] | None, field: str, flag: str) -> list[tuple[str, str]]:
    """`ITEM=VALUE` options as (item, value), in the order given."""
    found: list[tuple[str, str]] = []
    for raw in values or ():
        item, sep, value = raw.partition("=")
        if not sep or not item.strip():
            raise ValidationError.single(
                field, f"{field}_format", f"{flag} 须写成 检查项=值，如 {flag} exits=…：「{raw}」"
            )
        found.append((item.strip(), value.strip()))
    return found


def item_code(checklist: ChecklistView, key: str, field: str) -> str:
    """A checklist item named by its code or its words."""
    for item in checklist.items:
        if key in (item.code, item.text):
            return item.code
    codes = "、".join(i.code for i in checklist.items)
    raise ValidationError.single(
        field, "item_unknown", f"「{checklist.category_label}」的检查清单中没有「{key}」，可用的检查项：{codes}"
    )


def place_line(view: PlaceView) -> str:
    return f"{view.name}（{view.category_label}，{view.grid}）"
