"""What a green-coin command names, found: a resident, household or gift by id or (unique) name, a
declaration by its id or the first characters of it, a catalogue item by code or label, a status by
code or Chinese label; and the files a command will write, checked before anything is saved."""

from __future__ import annotations

from pathlib import Path

from mediation_desk.cli.context import Context
from mediation_desk.errors import NotFound, ValidationError
from mediation_desk.points import declarations, residents, rules, shop

STATUS_HELP = "、".join(f"{code}（{label}）" for code, label in rules.STATUS_LABELS.items())
SHORT_ID = 8  # characters of an id the lists show
MIN_PREFIX = 4


def resident_id(ctx: Context, key: str) -> str:
    """A resident's id from its id or the resident's (unique) name."""
    key = key.strip()
    try:
        return residents.get_resident(ctx.desk, ctx.actor, key).id
    except (NotFound, ValidationError):
        pass
    named = [r for r in residents.list_residents(ctx.desk, ctx.actor, query=key) if r.name == key]
    if len(named) > 1:
        raise ValidationError.single(
            "resident",
            "resident_ambiguous",
            f"有 {len(named)} 位居民叫「{key}」，请用编号指定（见 points resident list）",
        )
    if not named:
        raise ValidationError.single("resident", "resident_unknown", f"没有这位居民：「{key}」")
    return named[0].id


def household_id(ctx: Context, key: str, field: str = "household") -> str:
    """A household's id from its id or its (unique) label."""
    key = key.strip()
    found = residents.list_households(ctx.desk, ctx.actor)
    if any(h.id == key for h in found):
        return key
    named = [h for h in found if h.label == key]
    if len(named) > 1:
        raise ValidationError.single(field, "household_ambiguous", f"有 {len(named)} 户叫「{key}」，请用编号指定")
    if not named:
        raise ValidationError.single(field, "household_unknown", f"没有这一户：「{key}」（见 points household list）")
    return named[0].id


def declaration_id(ctx: Context, key: str) -> str:
    """A declaration's id, or the one id starting with the characters given."""
    key = key.strip().lower()
    try:
        return declarations.get_declaration(ctx.desk, ctx.actor, key).id
    except (NotFound, ValidationError):
        pass
    if len(key) < MIN_PREFIX:
        raise ValidationError.single(
            "declaration", "declaration_unknown", f"申报编号「{key}」太短，请至少写前 {MIN_PREFIX} 位"
        )
    listed = declarations.list_declarations(ctx.desk, ctx.actor, limit=100_000)
    matches = [d.id for d in listed if d.id.startswith(key)]
    if len(matches) != 1:
        rule, what = (
            ("declaration_ambiguous", "对应多条申报，请多写几位")
            if matches
            else ("declaration_unknown", "没有这条申报")
        )
        raise ValidationError.single("declaration", rule, f"申报编号「{key}」{what}")
    return matches[0]


def item_code(cat: rules.Catalogue, key: str) -> str:
    """An item of the catalogue given as its code or its label."""
    key = key.strip()
    found = cat.item(key) or next((i for i in cat.items if i.label == key), None)
    if found is None:
        raise ValidationError.single(
            "item", "item_unknown", f"积分目录（第 {cat.version} 版）中没有「{key}」，可用的项目见 points catalogue"
        )
    return found.code


def status_code(value: str | None) -> str | None:
    """A status given as its code or its Chinese label; refused when it is neither."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    code = next((c for c, label in rules.STATUS_LABELS.items() if label == text), text)
    if code not in rules.STATUS_LABELS:
        raise ValidationError.single("status", "status_unknown", f"没有「{text}」这种申报状态，可选：{STATUS_HELP}")
    return code


def limit(value: int) -> int:
    if not 1 <= value <= 100_000:
        raise ValidationError.single("limit", "limit_range", "--limit 须是 1 到 100000 的整数")
    return value


def gift_id(ctx: Context, key: str) -> str:
    """A gift's id from its id or its (unique) name, inactive gifts included."""
    key = key.strip()
    found = shop.list_gifts(ctx.desk, ctx.actor, include_inactive=True)
    if any(g.id == key for g in found):
        return key
    named = [g for g in found if g.name == key]
    if len(named) > 1:
        raise ValidationError.single("gift", "gift_ambiguous", f"有 {len(named)} 种礼品叫「{key}」，请用编号指定")
    if not named:
        raise ValidationError.single("gift", "gift_unknown", f"没有这种礼品：「{key}」（见 points gift list）")
    return named[0].id


def writable(value: str | None, field: str, *, force: bool) -> Path | None:
    """Where a file goes, refused before any work when it would overwrite without --force."""
    if not value:
        return None
    target = Path(value)
    if target.is_dir():
        raise ValidationError.single(field, "output_is_folder", f"「{target.name}」是文件夹，请给出文件名")
    if target.exists() and not force:
        raise ValidationError.single(field, "file_exists", f"文件已存在：{target.name}（覆盖请加 --force）")
    return target
