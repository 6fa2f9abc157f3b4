"""Applying pushed site-code ops (一单一码) by the rules desk and district share (`sitecode.rules`).

- `site_place`, `site_inspection`, `site_hazard`: records of the committee (field-level LWW, the
  generic path), each projected in the same transaction into the columns the colour rule reads
  (sitecode_models.py). Their moments travel as ISO 8601 text with an offset: one the district
  cannot read refuses the op, naming the field, before anything is written. An inspection or a
  hazard names a place the district already holds for this committee (`not_yet` otherwise); the
  place (and, for a hazard, the inspection) it belongs to never changes.
- After each applied op the place is judged again at the server's clock (sitecode_codes.py): its
  current code, and the covert-inspection and joint-enforcement tasks a red code opens.
- `site_task`: the district's own (opened here, closed by the town); no desk pushes one.

The projection is read from the record as merged (not from the op), so an op that loses to a later
clock leaves the projection as the record holds it (the merge is previewed, then applied)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from mediation_desk.core import sync_contract as contract
from mediation_desk.core.sync_contract import OpResult
from mediation_desk.district import sitecode_codes
from mediation_desk.district.op_check import OpRefused, kept_fields, shown, update_fields
from mediation_desk.district.sitecode_models import SiteHazard, SiteInspection, SitePlace
from mediation_desk.sitecode import rules
from mediation_desk.storage.base import utcnow

if TYPE_CHECKING:
    from mediation_desk.district.apply import Context
    from mediation_desk.district.models import Record

ENTITIES = frozenset({rules.PLACE, rules.INSPECTION, rules.HAZARD, rules.TASK})
MOMENTS = {
    rules.PLACE: ("created_at",),
    rules.INSPECTION: ("completed_at",),
    rules.HAZARD: ("found_at", "rectified_at"),
}
# What a new record must carry for the colour rule (field: what it is, in words).
REQUIRED = {
    rules.PLACE: {"category": "类别", "grid": "网格", "created_at": "登记时间"},
    rules.INSPECTION: {"place_id": "场所", "month": "自查月份", "completed_at": "完成时间"},
    rules.HAZARD: {"place_id": "场所", "item_text": "检查项目", "found_at": "发现时间", "deadline": "整改期限"},
}
# Fixed once recorded: what the record belongs to (a correction is a new record at the desk).
FIXED = {rules.INSPECTION: ("place_id", "month"), rules.HAZARD: ("place_id", "inspection_id")}
# The projection's column widths (sitecode_models.py).
MAX_CHARS = {"category": 32, "grid": 50, "item_text": 80}
PUBLIC_KEYS = {rules.PLACE: frozenset({"address"})}  # keys the contract calls personal, public here
MAX_FUTURE = dt.timedelta(days=1)  # a moment further ahead than this is a desk's clock gone wrong

FieldsApplier = Callable[["Context", contract.Op, "Record | None"], OpResult]


def parse_moment(value: Any, name: str) -> dt.datetime | None:
    """An ISO 8601 moment with its offset (None stays None); OpRefused naming the field otherwise."""
    if value is None:
        return None
    example = "如 2026-11-02T09:30:00+08:00"
    if not isinstance(value, str) or len(value) > 40:
        raise OpRefused(f"字段 {name} 须是带时区的时刻（ISO 8601，{example}），收到 {shown(value)}")
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise OpRefused(f"字段 {name} 不是可读的时刻（ISO 8601，{example}），收到 {shown(value)}") from None
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise OpRefused(f"字段 {name} 缺少时区（须带 +08:00 这样的偏移，{example}）")
    moment = moment.astimezone(dt.UTC)
    if not dt.datetime(2000, 1, 1, tzinfo=dt.UTC) <= moment <= utcnow() + MAX_FUTURE:
        raise OpRefused(f"字段 {name} 的时刻 {shown(value)} 不在合理范围内（不能早于 2000 年，也不能晚于现在）")
    return moment


def _parse_day(value: Any, name: str) -> dt.date:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise OpRefused(f"字段 {name} 须是日期（YYYY-MM-DD）") from None


def apply_op(ctx: Context, op: contract.Op, fields: FieldsApplier) -> OpResult:
    """One pushed op of a site-code entity; `fields` is the generic create/update of a record."""
    if op.entity == rules.TASK:
        raise OpRefused("暗访、联合执法任务由区里开具、由镇（街道）办结，工作台不能提交")
    _refuse_personal_data(op)
    if op.kind not in (contract.CREATE, contract.UPDATE):
        raise OpRefused(f"{_what(op.entity)}只能新建或更新，不能提交 {shown(op.kind)} 操作")
    rec = ctx.record(op.entity, op.entity_id)
    if rec is not None and rec.committee_id != ctx.committee.id:
        raise OpRefused(contract.REASON_OUT_OF_SCOPE, contract.REASON_CODE_OUT_OF_SCOPE)
    if rec is None and op.kind == contract.UPDATE:
        raise OpRefused(f"区里还没有这条{_what(op.entity)}，请先同步它的新建", contract.REASON_CODE_NOT_YET)
    raw = op.payload if op.kind == contract.CREATE else update_fields(op)
    incoming = kept_fields(op.entity, raw)
    if rec is not None:
        changed = sorted(k for k in FIXED.get(op.entity, ()) if k in incoming and incoming[k] != rec.data.get(k))
        if changed:
            raise OpRefused(f"{_what(op.entity)}登记后不能更改 {'、'.join(changed)}")
    # The state the record will hold, judged before anything is written: a refused op leaves nothing.
    held = ({}, {}) if rec is None else (rec.data, rec.clocks)
    state = contract.merge_fields(held[0], held[1], incoming, op.hlc).values
    row = _projection(ctx, op.entity, op.entity_id, state)
    result = fields(ctx, op, rec)
    _project(ctx, op.entity, row)
    ctx.session.flush()  # the judgement below reads the projection (the push runs without autoflush)
    sitecode_codes.recompute_place(ctx.session, str(row["place_id"]), utcnow(), ctx.feed, ctx.committee)
    return result


def _refuse_personal_data(op: contract.Op) -> None:
    """As for every entity (op_check.refuse_personal_data), except a place's address: the address
    of a shop or a workshop, printed on its placard, which supervisors go to."""
    nested = op.payload.get("fields")
    keys = set(op.payload) | (set(nested) if isinstance(nested, dict) else set())
    found = sorted((keys - PUBLIC_KEYS.get(op.entity, frozenset())) & contract.PERSONAL_DATA_KEYS)
    if found:
        raise OpRefused(
            f"含有个人信息字段（{'、'.join(found)}），区里不接收；请升级本机软件后重试",
            contract.REASON_CODE_PERSONAL_DATA,
        )


def _what(entity: str) -> str:
    return {rules.PLACE: "场所", rules.INSPECTION: "自查记录", rules.HAZARD: "隐患记录"}.get(entity, "记录")


def _projection(ctx: Context, entity: str, entity_id: str, data: dict[str, Any]) -> dict[str, Any]:
    """The projection row of a record's state, checked (OpRefused with the field's name)."""
    missing = [f"{label}（{key}）" for key, label in REQUIRED[entity].items() if data.get(key) in (None, "")]
    if missing:
        raise OpRefused(f"{_what(entity)}缺少{'、'.join(missing)}")
    for key, limit in MAX_CHARS.items():
        value = data.get(key)
        if value is not None and (not isinstance(value, str) or len(value) > limit):
            raise OpRefused(f"字段 {key} 须是不超过 {limit} 个字符的文字")
    moments = {name: parse_moment(data.get(name), name) for name in MOMENTS[entity]}
    if entity == rules.PLACE:
        active = data.get("active")
        if active is not None and not isinstance(active, bool):
            raise OpRefused("字段 active 须是 true 或 false")
        return {
            "place_id": entity_id,
            "category": data["category"],
            "grid": data["grid"],
            "created_at": moments["created_at"],
            "active": active is not False,
        }
    place_id = str(data["place_id"])
    _place_in_scope(ctx, place_id)
    if entity == rules.INSPECTION:
        try:
            month = rules.parse_month(str(data["month"]))
        except ValueError as problem:
            raise OpRefused(f"字段 month：{problem}") from None
        return {"id": entity_id, "place_id": place_id, "month": month, "completed_at": moments["completed_at"]}
    inspection_id = data.get("inspection_id")
    if inspection_id is not None:
        inspection = ctx.record(rules.INSPECTION, str(inspection_id))
        if inspection is None:
            raise OpRefused("区里还没有发现这个隐患的那次自查，请先同步自查记录", contract.REASON_CODE_NOT_YET)
        if inspection.data.get("place_id") != place_id:
            raise OpRefused("隐患所属的场所与发现它的自查不符")
    found_at = moments["found_at"]
    assert found_at is not None
    rectified_at = moments["rectified_at"] if data.get("status") == rules.RECTIFIED else None
    if data.get("status") == rules.RECTIFIED and rectified_at is None:
        raise OpRefused("已整改的隐患须有整改时间（rectified_at）")
    if rectified_at is not None and rectified_at < found_at:
        raise OpRefused("字段 rectified_at 的整改时间不能早于发现时间（found_at）")
    return {
        "id": entity_id,
        "place_id": place_id,
        "item_text": data["item_text"],
        "found_at": found_at,
        "deadline": _parse_day(data["deadline"], "deadline"),
        "rectified_at": rectified_at,
    }


def _place_in_scope(ctx: Context, place_id: str) -> None:
    place = ctx.record(rules.PLACE, place_id)
    if place is None:
        raise OpRefused("区里还没有这个场所，请先同步场所的登记", contract.REASON_CODE_NOT_YET)
    if place.committee_id != ctx.committee.id:
        raise OpRefused(contract.REASON_OUT_OF_SCOPE, contract.REASON_CODE_OUT_OF_SCOPE)


def _project(ctx: Context, entity: str, row: dict[str, Any]) -> None:
    s = ctx.session
    if entity == rules.PLACE:
        place = s.get(SitePlace, row["place_id"])
        if place is None:
            place = SitePlace(id=row["place_id"], committee_id=ctx.committee.id, town_id=ctx.committee.town_id)
            s.add(place)
        place.category, place.grid = row["category"], row["grid"]
        place.created_at, place.active = row["created_at"], row["active"]
        return
    model: type[SiteInspection] | type[SiteHazard] = SiteInspection if entity == rules.INSPECTION else SiteHazard
    held = s.get(model, row["id"])
    if held is None:
        s.add(model(**row))
        return
    for name, value in row.items():
        setattr(held, name, value)
