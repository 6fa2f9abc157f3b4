"""`site checklist|inspect|hazards|rectify|code|history`: a place's monthly self-inspection
(月度自查) entered for it, the hazards it found and their rectification, and the place's code with
its reasons in words — now and month by month.

An inspection gives a result for every item of the place's checklist (`--result ITEM=ok|hazard|na`,
ITEM its code or words; `--others` for the items not named). Every refusal happens before anything
is saved."""

from __future__ import annotations

import argparse
from typing import Any

from mediation_desk.cli.context import Context
from mediation_desk.cli.io import EXIT_OK, emit_json, json_flag, local_time, out, table
from mediation_desk.cli.site_lookups import (
    RESULT_HELP,
    SHORT_ID,
    item_code,
    month,
    pairs,
    place_id,
    place_line,
    result,
    unique_id,
)
from mediation_desk.errors import ValidationError
from mediation_desk.sitecode import hazards, inspections, places, rules
from mediation_desk.sitecode.dto import ChecklistView, CodeView, HazardView, InspectionView
from mediation_desk.validation import parse_date

MAX_HAZARDS_LISTED = 100_000
FULL_ID = 36  # characters of a whole UUID


def register(group: Any) -> None:
    p = group.add_parser("checklist", help="一个场所的检查清单（月度自查的各项）")
    p.add_argument("place", metavar="PLACE")
    json_flag(p)
    p.set_defaults(handler=checklist)

    p = group.add_parser(
        "inspect",
        help="录入一个场所的月度自查（每一项都须给出结果）",
        description=(
            f"结果：{RESULT_HELP}。ITEM 为检查项代码或原文（见 site checklist）。"
            "有隐患的项可另给整改期限（默认按规定天数）、描述和照片。"
        ),
    )
    p.add_argument("place", metavar="PLACE")
    p.add_argument("--result", action="append", metavar="ITEM=RESULT", help="一项的结果，如 exits=ok（可多次）")
    p.add_argument("--others", metavar="RESULT", help="未用 --result 给出的各项一律取这个结果，如 ok")
    p.add_argument("--deadline", action="append", metavar="ITEM=DATE", help="隐患的整改期限 YYYY-MM-DD")
    p.add_argument("--describe", action="append", metavar="ITEM=TEXT", help="隐患的描述")
    p.add_argument("--hazard-photo", action="append", metavar="ITEM=FILE", help="隐患的照片（加密保存）")
    p.add_argument("--photo", metavar="FILE", help="本次自查的照片（加密保存）")
    p.add_argument("--month", metavar="YYYY-MM", help="自查所属月份（默认本期；可补做以前的月份）")
    p.add_argument("--note", help="备注")
    json_flag(p)
    p.set_defaults(handler=inspect)

    p = group.add_parser("hazards", help="隐患清单（默认只列待整改的）")
    p.add_argument("--overdue", action="store_true", help="只列已过整改期限的")
    p.add_argument("--place", metavar="PLACE", help="只列这个场所的")
    p.add_argument("--grid", help="只列这个网格的")
    p.add_argument("--all", action="store_true", help="包括已整改的")
    p.add_argument("--limit", type=int, default=1000, metavar="N")
    json_flag(p)
    p.set_defaults(handler=hazard_list)

    p = group.add_parser("rectify", help="登记一处隐患已整改（须写明整改情况和复查人）")
    p.add_argument("hazard", metavar="HAZARD", help="隐患编号（或其前几位，见 site hazards）")
    p.add_argument("--note", required=True, help="整改情况")
    p.add_argument("--checked-by", required=True, metavar="NAME", help="复查人")
    p.add_argument("--photo", metavar="FILE", help="整改后的照片（加密保存）")
    json_flag(p)
    p.set_defaults(handler=rectify)

    p = group.add_parser("code", help="一个场所现在的码色和原因")
    p.add_argument("place", metavar="PLACE")
    json_flag(p)
    p.set_defaults(handler=code)

    p = group.add_parser("history", help="一个场所近几个月的码色（每月截止时）")
    p.add_argument("place", metavar="PLACE")
    p.add_argument("--months", type=int, default=12, metavar="N", help="月数（默认 12）")
    json_flag(p)
    p.set_defaults(handler=history)


# ---- the checklist and the inspection -----------------------------------------------------------


def checklist(ctx: Context, args: argparse.Namespace) -> int:
    pid = place_id(ctx, args.place)
    view = inspections.checklist_for(ctx.desk, ctx.actor, pid)
    if getattr(args, "json", False):
        emit_json(view)
        return EXIT_OK
    out(f"{view.category_label}检查清单（第 {view.scheme_version} 版）")
    table(["代码", "检查项"], [(i.code, i.text) for i in view.items], max_col=60)
    out(f"发现隐患时整改期限默认 {view.default_deadline}，最迟 {view.max_deadline}")
    return EXIT_OK


def _results(view: ChecklistView, args: argparse.Namespace) -> dict[str, str]:
    """Every item's result: those named, then --others for the rest; an item left out, or named
    twice, is refused."""
    given: dict[str, str] = {}
    for key, value in pairs(args.result, "result", "--result"):
        code_ = item_code(view, key, "result")
        if code_ in given:
            raise ValidationError.single("result", "result_repeated", f"检查项「{key}」的结果给了两次")
        given[code_] = result(value, key)
    if args.others is not None:
        rest = result(args.others, "其余各项")
        given.update({i.code: rest for i in view.items if i.code not in given})
    missing = [i.code for i in view.items if i.code not in given]
    if missing:
        raise ValidationError.single(
            "result",
            "result_missing",
            f"以下检查项还没有结果：{'、'.join(missing)}（用 --result ITEM=ok|hazard|na，或 --others ok）",
        )
    return {i.code: given[i.code] for i in view.items}


def _hazard_inputs(
    view: ChecklistView, results: dict[str, str], args: argparse.Namespace
) -> dict[str, inspections.HazardInput]:
    found = [c for c, r in results.items() if r == rules.FOUND]
    extra: dict[str, dict[str, Any]] = {c: {} for c in found}
    for field, flag, values in (
        ("deadline", "--deadline", args.deadline),
        ("description", "--describe", args.describe),
        ("photo", "--hazard-photo", args.hazard_photo),
    ):
        for key, value in pairs(values, field, flag):
            code_ = item_code(view, key, field)
            if code_ not in extra:
                raise ValidationError.single(
                    field, "not_a_hazard", f"检查项「{key}」没有标为有隐患（hazard），不能给{flag}"
                )
            if field == "deadline":
                extra[code_][field] = parse_date(value, "deadline", f"检查项「{key}」的整改期限")
            else:
                extra[code_][field] = value or None
    return {c: inspections.HazardInput(**extra[c]) for c in found}


def inspect(ctx: Context, args: argparse.Namespace) -> int:
    pid = place_id(ctx, args.place)
    asked = month(args.month)
    view = inspections.checklist_for(ctx.desk, ctx.actor, pid)
    results = _results(view, args)
    found = _hazard_inputs(view, results, args)
    done = inspections.record_inspection(
        ctx.desk,
        ctx.actor,
        pid,
        results=results,
        hazards=found or None,
        month=asked,
        evidence=args.photo,
        note=args.note,
    )
    if getattr(args, "json", False):
        emit_json(done)
    else:
        print_inspection(done)
    return EXIT_OK


def print_inspection(view: InspectionView) -> None:
    late = "（补做）" if view.late else ""
    out(f"{view.place_name}  {rules.month_text(view.month)}自查已录入{late}  {local_time(view.completed_at)}")
    out(f"编号：{view.id}")
    table(["检查项", "结果"], [(text, rules.RESULTS.get(r, r)) for _, text, r in view.results], max_col=60)
    if view.hazards:
        out("发现的隐患：")
        print_hazards(list(view.hazards))
    print_code(view.code_after)


# ---- hazards -------------------------------------------------------------------------------------


def hazard_list(ctx: Context, args: argparse.Namespace) -> int:
    if not 1 <= args.limit <= 100_000:
        raise ValidationError.single("limit", "limit_range", "--limit 须是 1 到 100000 的整数")
    found = hazards.list_hazards(
        ctx.desk,
        ctx.actor,
        open_only=not args.all,
        overdue_only=args.overdue,
        place_id=place_id(ctx, args.place) if args.place else None,
        grid=args.grid,
        limit=args.limit,
    )
    if getattr(args, "json", False):
        emit_json(found)
        return EXIT_OK
    if not found:
        out("没有符合条件的隐患。No matching hazards.")
        return EXIT_OK
    print_hazards(found)
    overdue = sum(1 for h in found if h.overdue)
    out(f"共 {len(found)} 处" + (f"，其中 {overdue} 处已过整改期限" if overdue else ""))
    return EXIT_OK


def print_hazards(found: list[HazardView]) -> None:
    table(
        ["编号", "场所", "网格", "检查项", "描述", "发现", "整改期限", "状态", "复查人"],
        [
            (
                h.id[:SHORT_ID],
                h.place_name,
                h.grid,
                h.item_text,
                h.description or "",
                local_time(h.found_at)[:10],
                h.deadline.isoformat(),
                "已逾期" if h.overdue else h.status_label,
                h.checked_by or "",
            )
            for h in found
        ],
        max_col=32,
    )


def hazard_id(ctx: Context, key: str) -> str:
    """A hazard's id: a whole id is passed on (the service answers for it); the first characters
    are looked for among the open hazards, then among all (to say that one is rectified already)."""
    text = key.strip().lower()
    if len(text) == FULL_ID:
        return text
    listed = [h.id for h in hazards.list_hazards(ctx.desk, ctx.actor, open_only=True, limit=MAX_HAZARDS_LISTED)]
    if not any(i.startswith(text) for i in listed):
        listed = [h.id for h in hazards.list_hazards(ctx.desk, ctx.actor, open_only=False, limit=MAX_HAZARDS_LISTED)]
    return unique_id(text, listed, "隐患", "hazard")


def rectify(ctx: Context, args: argparse.Namespace) -> int:
    hid = hazard_id(ctx, args.hazard)
    view = hazards.rectify(ctx.desk, ctx.actor, hid, note=args.note, checked_by=args.checked_by, photo=args.photo)
    emit_json(view)
    return EXIT_OK


# ---- the code, now and month by month ----------------------------------------------------------------


def print_code(view: CodeView) -> None:
    out(f"码色：{view.label}（{rules.month_text(view.period)}，{local_time(view.computed_at)}）")
    for reason in view.reasons:
        out(f"  · {reason}")


def code(ctx: Context, args: argparse.Namespace) -> int:
    view = places.get_place(ctx.desk, ctx.actor, place_id(ctx, args.place))
    if getattr(args, "json", False):
        emit_json({"place_id": view.id, "name": view.name, "place_code": view.place_code, "code": view.code})
        return EXIT_OK
    out(f"{place_line(view)}  场所码 {view.place_code}")
    print_code(view.code)
    return EXIT_OK


def history(ctx: Context, args: argparse.Namespace) -> int:
    if not 1 <= args.months <= 120:
        raise ValidationError.single("months", "months_range", "--months 须是 1 到 120 的整数")
    pid = place_id(ctx, args.place)
    lines = places.place_history(ctx.desk, ctx.actor, pid, months=args.months)
    if getattr(args, "json", False):
        emit_json(lines)
        return EXIT_OK
    view = places.get_place(ctx.desk, ctx.actor, pid)
    out(f"{place_line(view)}  近 {args.months} 个月的码色（每月截止时）")
    if not lines:
        out("还没有已截止的月份（新登记的场所自下月起按月自查）。")
        return EXIT_OK
    for line in lines:
        out(f"{rules.month_text(line.month)}  {line.label}")
        for reason in line.reasons:
            out(f"  · {reason}")
    return EXIT_OK
