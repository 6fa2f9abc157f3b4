"""What a monthly self-inspection's input must be, checked before anything is kept: a result for
every item of the place's checklist and nothing else, hazards only for items found with one, a
deadline within the scheme's, and a month from the place's registration to the current period
that has no inspection yet. Each refusal names the field and the rule (`ValidationError`)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from mediation_desk.errors import FieldProblem, ValidationError
from mediation_desk.sitecode import rules, scheme
from mediation_desk.sitecode.models import Inspection, Place
from mediation_desk.validation.text import parse_date

# A result as the faces may give it: the code, or the word the form shows.
_RESULT_WORDS = {**{code: code for code in rules.RESULTS}, **{word: code for code, word in rules.RESULTS.items()}}


@dataclass(frozen=True)
class HazardInput:
    """What the desk says of an item found with a hazard (all optional)."""

    deadline: dt.date | None = None  # default: found today + the scheme's default days
    description: str | None = None
    photo: str | os.PathLike[str] | None = None


def checklist_of(current: scheme.Scheme, p: Place) -> scheme.Checklist:
    checklist = current.checklist(p.category)
    if checklist is None:
        raise ValidationError.single(
            "category",
            "category_unknown",
            f"第 {current.version} 版检查清单没有场所「{p.name}」的类别（{p.category}），请先修改场所类别",
        )
    return checklist


def hazard_inputs(hazards: Mapping[str, HazardInput] | None) -> dict[str, HazardInput]:
    if hazards is None:
        return {}
    if not isinstance(hazards, Mapping):
        raise ValidationError.single("hazards", "hazards_type", "隐患须按检查项目代码逐项填写")
    out: dict[str, HazardInput] = {}
    for code, h in hazards.items():
        if not isinstance(h, HazardInput):
            raise ValidationError.single(f"hazards.{code}", "hazard_type", "隐患须填写整改期限、描述或照片")
        out[str(code)] = h
    return out


def answers_for(checklist: scheme.Checklist, results: Mapping[str, str]) -> dict[str, str]:
    """Every item's result, in checklist order; every problem at once (a form marks them all)."""
    if not isinstance(results, Mapping):
        raise ValidationError.single("results", "results_type", "自查结果须按检查项目逐项填写")
    problems: list[FieldProblem] = []
    allowed = "、".join(f"{word}（{code}）" for code, word in rules.RESULTS.items())
    for code in results:
        if checklist.item(str(code)) is None:
            problems.append(
                FieldProblem(
                    f"results.{code}", "item_unknown", f"「{code}」不是{checklist.label}检查清单中的项目，请按清单填写"
                )
            )
    answers: dict[str, str] = {}
    for item in checklist.items:
        given = results.get(item.code)
        answer = _RESULT_WORDS.get(given.strip()) if isinstance(given, str) else None
        if given is None or (isinstance(given, str) and not given.strip()):
            problems.append(FieldProblem(f"results.{item.code}", "item_missing", f"检查项目「{item.text}」未填写结果"))
        elif answer is None:
            problems.append(
                FieldProblem(f"results.{item.code}", "result_invalid", f"检查项目「{item.text}」的结果须是{allowed}")
            )
        else:
            answers[item.code] = answer
    if problems:
        raise ValidationError(problems)
    return answers


def parse_month_field(text: str) -> str:
    try:
        return rules.parse_month(text)
    except ValueError as bad:
        raise ValidationError.single("month", "month_format", f"自查月份：{bad}") from None


def month_for(s: Session, p: Place, month: str | None, now: dt.datetime, th: rules.Thresholds) -> str:
    """The month the inspection is for: the current period by default, or an earlier one (补做)
    from the month the place was registered in — once per place and month."""
    period = rules.period_of(now, th)
    wanted = period if month is None or not str(month).strip() else parse_month_field(month)
    if wanted > period:
        raise ValidationError.single(
            "month",
            "month_future",
            f"不能录入将来月份（{rules.month_text(wanted)}）的自查，本期为{rules.month_text(period)}",
        )
    registered = rules.period_of(p.created_at, th)
    if wanted < registered:
        raise ValidationError.single(
            "month",
            "month_before_place",
            f"场所于{rules.month_text(registered)}登记，不能录入{rules.month_text(wanted)}的自查",
        )
    held = s.scalars(select(Inspection).where(Inspection.place_id == p.id, Inspection.month == wanted)).first()
    if held is not None:
        when = rules.day_text(rules.beijing_day(held.completed_at))
        raise ValidationError.single(
            "month",
            "month_done",
            f"场所「{p.name}」{rules.month_text(wanted)}的自查已于{when}录入，每个场所每月只录一次",
        )
    return wanted


def deadline_for(
    item: scheme.ChecklistItem, given: HazardInput | None, found_on: dt.date, th: rules.Thresholds
) -> dt.date:
    field = f"hazards.{item.code}.deadline"
    day = parse_date(given.deadline, field, "整改期限") if given is not None else None
    if day is None:
        return found_on + dt.timedelta(days=th.default_deadline_days)
    problem = rules.deadline_problem(found_on, day, th)
    if problem is not None:
        rule = "deadline_before_found" if day < found_on else "deadline_too_far"
        raise ValidationError.single(field, rule, f"「{item.text}」：{problem}")
    return day
