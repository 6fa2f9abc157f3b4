"""`case add|list|show|rank|assign|unassign|refuse|transition`: intake, finding, assigning and
moving cases (the moves after an agreement: case_life_commands). CASE is a case id or its number
(案号, loosely typed brackets are fine)."""

from __future__ import annotations

import argparse
from typing import Any

from mediation_desk.cli import case_life_commands
from mediation_desk.cli.context import Context
from mediation_desk.cli.io import (
    EXIT_OK,
    emit_json,
    json_flag,
    json_input,
    local_time,
    out,
    read_json_input,
    table,
)
from mediation_desk.errors import ValidationError
from mediation_desk.mediation import assignment, intake, queries, states, workflow
from mediation_desk.mediation.agreement import FORMS, PERFORMANCE
from mediation_desk.mediation.assignment_rules import FIT_WORDS
from mediation_desk.mediation.dispute_types import resolve_type
from mediation_desk.mediation.dto import CaseDetail, CaseSummary
from mediation_desk.validation import parse_date

STATE_BY_LABEL = {label: code for code, label in states.LABELS.items()}


def state_code(value: str) -> str:
    """A state given as its code (accepted) or its Chinese label (已受理)."""
    return STATE_BY_LABEL.get(value.strip(), value.strip())


def register(case: Any) -> None:
    p = case.add_parser("add", help="受理登记一件纠纷（JSON：来源、类型、案情、当事人…）")
    json_input(p, what="受理登记")
    p.set_defaults(handler=case_add)

    p = case.add_parser("list", help="案件列表（最新在前）")
    p.add_argument("--state", action="append", metavar="S", help="状态（可多次给出），如 accepted 或 已受理")
    p.add_argument("--type", metavar="T", help="纠纷类型，如 neighbour 或 邻里")
    p.add_argument("--mediator", metavar="M", help="调解员编号或姓名")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="受理日期起（YYYY-MM-DD）")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="受理日期止（YYYY-MM-DD）")
    p.add_argument("--search", metavar="TEXT", help="案号、姓名、电话、身份证号或案情文字")
    p.add_argument("--limit", type=int, default=100, metavar="N")
    p.add_argument("--offset", type=int, default=0, metavar="N")
    json_flag(p)
    p.set_defaults(handler=case_list)

    p = case.add_parser("show", help="案件详情（个人信息默认脱敏）")
    p.add_argument("case", metavar="CASE")
    p.add_argument(
        "--full",
        action="store_true",
        help="显示完整的身份证号、电话、住址（须同时给出 --reason；此次查看连同理由记入审计）",
    )
    p.add_argument("--reason", metavar="TEXT", help="查看完整个人信息的理由，如 “回访需联系当事人”")
    json_flag(p)
    p.set_defaults(handler=case_show)

    p = case.add_parser("rank", help="推荐调解员：排序、理由和须回避的人")
    p.add_argument("case", metavar="CASE")
    json_flag(p)
    p.set_defaults(handler=case_rank)

    p = case.add_parser("assign", help="指派调解员（人民调解法第十九条）")
    p.add_argument("case", metavar="CASE")
    p.add_argument("mediators", nargs="+", metavar="MEDIATOR", help="调解员编号或姓名")
    p.add_argument("--lead", metavar="M", help="主办调解员（默认第一位）")
    p.add_argument(
        "--chosen-by",
        choices=sorted(assignment.CHOSEN_BY),
        default="committee",
        help="committee 调委会指定 / parties 当事人选定",
    )
    p.add_argument("--reason", help="不按推荐人选指派时的理由")
    json_flag(p)
    p.set_defaults(handler=case_assign)

    p = case.add_parser("unassign", help="撤换调解员（保留历史）")
    p.add_argument("case", metavar="CASE")
    p.add_argument("mediator", metavar="MEDIATOR")
    p.add_argument("--reason", required=True, help="撤换理由")
    json_flag(p)
    p.set_defaults(handler=case_unassign)

    p = case.add_parser("refuse", help="登记当事人拒绝某调解员（人民调解法第二十三条）")
    p.add_argument("case", metavar="CASE")
    p.add_argument("--person", required=True, metavar="PERSON", help="提出拒绝的当事人（编号或姓名）")
    p.add_argument("--mediator", required=True, metavar="M", help="被拒绝的调解员（编号或姓名）")
    p.add_argument("--reason", help="拒绝理由")
    json_flag(p)
    p.set_defaults(handler=case_refuse)

    p = case.add_parser(
        "transition",
        help="变更案件状态，如 终止调解、结案、上报",
        description="可选状态：" + "、".join(f"{k}（{v}）" for k, v in states.LABELS.items()),
    )
    p.add_argument("case", metavar="CASE")
    p.add_argument("target", metavar="TARGET", help="目标状态（代码或中文）")
    p.add_argument("--reason", help="理由（终止、不予调解、上报、协议撤回、协议未履行时必填）")
    p.add_argument(
        "--route",
        action="append",
        choices=sorted(states.ROUTES),
        default=[],
        help="终止调解、协议未履行时已告知的其他途径（可多次给出）",
    )
    p.add_argument("--escalate-to", choices=sorted(states.ESCALATION_LEVELS), help="上报层级")
    p.add_argument(
        "--prevented",
        action="append",
        choices=sorted(intake.RISK_FLAGS),
        default=[],
        help="成功防止的事项（可多次给出）",
    )
    json_flag(p)
    p.set_defaults(handler=case_transition)
    case_life_commands.register(case)


def summary_of(ctx: Context, case_key: str) -> CaseSummary:
    return queries.case_detail(ctx.desk, ctx.actor, case_key).summary


def case_add(ctx: Context, args: argparse.Namespace) -> int:
    data = read_json_input(args.json_input)
    case_id = intake.open_case(ctx.desk, ctx.actor, data)
    emit_json(queries.case_detail(ctx.desk, ctx.actor, case_id))
    return EXIT_OK


def case_list(ctx: Context, args: argparse.Namespace) -> int:
    dispute_type = resolve_type(args.type)[0] if args.type else None
    found = queries.list_cases(
        ctx.desk,
        ctx.actor,
        status=[state_code(s) for s in args.state or []] or None,
        dispute_type=dispute_type,
        mediator_id=ctx.mediator_id(args.mediator) if args.mediator else None,
        accepted_from=parse_date(args.date_from, "from", "受理日期起"),
        accepted_to=parse_date(args.date_to, "to", "受理日期止"),
        query=args.search,
        offset=max(args.offset, 0),
        limit=args.limit,
    )
    if getattr(args, "json", False):
        emit_json(found)
        return EXIT_OK
    if not found:
        out("没有符合条件的案件。No matching cases.")
        return EXIT_OK
    table(
        ["案号", "状态", "纠纷类型", "当事人", "调解员", "受理日期"],
        [
            (
                c.number,
                c.status_label,
                c.dispute_type_label,
                "、".join(c.party_names),
                "、".join(c.mediator_names),
                c.accepted_on.isoformat(),
            )
            for c in found
        ],
    )
    out(f"共 {len(found)} 件" + ("（可用 --offset 翻页）" if len(found) == args.limit else ""))
    return EXIT_OK


def case_show(ctx: Context, args: argparse.Namespace) -> int:
    if args.full:
        reason = (args.reason or "").strip()
        if not reason:
            raise ValidationError.single(
                "reason", "reason_required", "查看完整个人信息须说明理由（--reason），理由将记入审计"
            )
        detail = queries.case_detail(ctx.desk, ctx.actor, args.case, full_personal_data=True, reason=reason)
    else:
        detail = queries.case_detail(ctx.desk, ctx.actor, args.case)
    if getattr(args, "json", False):
        emit_json(detail)
    else:
        print_detail(detail)
    return EXIT_OK


def print_detail(d: CaseDetail) -> None:
    s = d.summary
    out(f"{s.number}  【{s.status_label}】")
    out(f"编号：{s.id}")
    out(
        f"纠纷类型：{s.dispute_type_label}    来源：{intake.SOURCES.get(s.source, s.source)}"
        + (f"（{d.referrer_name or intake.REFERRERS.get(d.referrer_kind or '', '')}）" if d.referrer_kind else "")
        + f"    受理日期：{s.accepted_on}"
    )
    if s.amount is not None:
        out(f"涉及金额：{s.amount} 元    涉及人数：{d.persons_involved}")
    out(f"简要案情：{d.brief_facts}")
    if d.requests:
        out(f"当事人请求：{d.requests}")
    out("当事人：")
    for party in d.parties:
        person = party.person
        bits = [intake.ROLES.get(party.role, party.role), person.name]
        if person.id_number:
            bits.append(f"证件 {person.id_number}")
        if person.phone:
            bits.append(f"电话 {person.phone}")
        if person.address:
            bits.append(f"住址 {person.address}")
        out("  " + "  ".join(bits) + f"  （当事人编号 {person.id}）")
    active = [a for a in d.assignments if a.ended_at is None]
    if active:
        out("调解员：" + "、".join(f"{a.mediator_name}（{'主办' if a.role == 'lead' else '协办'}）" for a in active))
    if d.agreement:
        a = d.agreement
        out(
            f"协议：{FORMS.get(a.form, a.form)}，{a.reached_on} 达成，"
            f"{'已于 ' + str(a.effective_on) + ' 生效' if a.effective_on else '尚未签字生效'}，"
            f"履行情况：{PERFORMANCE.get(a.performance_status, a.performance_status)}"
            + (f"，截至 {a.judicial_deadline} 可申请司法确认" if a.judicial_deadline and a.in_effect else "")
        )
        if a.withdrawn_on:
            out(f"  已于 {a.withdrawn_on} 撤回：{a.withdrawn_reason or ''}")
        if a.invalidated_on:
            out(f"  已于 {a.invalidated_on} 被确认无效或撤销：{a.invalidated_reason or ''}")
    if d.status_reason:
        out(f"理由：{d.status_reason}")
    out("当前可进行：" + ("、".join(states.LABELS.get(x, x) for x in d.allowed_actions) or "无"))
    if d.follow_ups_due:
        out(f"待回访：{d.follow_ups_due} 次")
    out("办理经过：")
    for entry in d.timeline:
        out(f"  {local_time(entry.at)}  {entry.title}" + (f"  {entry.detail}" if entry.detail else ""))


def case_rank(ctx: Context, args: argparse.Namespace) -> int:
    ranking = assignment.rank_for_case(ctx.desk, args.case, actor=ctx.actor)
    if getattr(args, "json", False):
        emit_json(ranking)
        return EXIT_OK
    if not ranking.ranked:
        out("没有可推荐的调解员。No mediator can take this case.")
    for i, r in enumerate(ranking.ranked, 1):
        warn = f"  ⚠ {'；'.join(r.warnings)}" if r.warnings else ""
        out(f"{i}. {r.name}  {FIT_WORDS[r.fit]}  {'；'.join(r.reasons)}{warn}  （{r.mediator_id}）")
    if ranking.excluded:
        out("须回避或不能指派：")
        for e in ranking.excluded:
            out(f"  {e.name}  [{e.rule}] {e.reason}")
    return EXIT_OK


def case_assign(ctx: Context, args: argparse.Namespace) -> int:
    ids = [ctx.mediator_id(m) for m in args.mediators]
    lead = ctx.mediator_id(args.lead) if args.lead else None
    active = assignment.assign(
        ctx.desk, ctx.actor, args.case, ids, lead=lead, chosen_by=args.chosen_by, override_reason=args.reason
    )
    emit_json({"mediator_ids": active, "case": summary_of(ctx, args.case)})
    return EXIT_OK


def case_unassign(ctx: Context, args: argparse.Namespace) -> int:
    remaining = assignment.unassign(ctx.desk, ctx.actor, args.case, ctx.mediator_id(args.mediator), args.reason)
    emit_json({"mediator_ids": remaining, "case": summary_of(ctx, args.case)})
    return EXIT_OK


def party_id(ctx: Context, case_key: str, key: str) -> str:
    """A party's person id from the id itself or the party's (unique) name in this case."""
    parties = queries.case_detail(ctx.desk, ctx.actor, case_key).parties
    if any(p.person.id == key for p in parties):
        return key
    named = [p.person.id for p in parties if p.person.name == key.strip()]
    return named[0] if len(named) == 1 else key


def case_refuse(ctx: Context, args: argparse.Namespace) -> int:
    person = party_id(ctx, args.case, args.person)
    mediator = ctx.mediator_id(args.mediator)
    assignment.record_refusal(ctx.desk, ctx.actor, args.case, person, mediator, args.reason)
    emit_json({"person_id": person, "mediator_id": mediator, "case": summary_of(ctx, args.case)})
    return EXIT_OK


def case_transition(ctx: Context, args: argparse.Namespace) -> int:
    status = workflow.transition(
        ctx.desk,
        ctx.actor,
        args.case,
        state_code(args.target),
        reason=args.reason,
        routes=args.route,
        escalate_to=args.escalate_to,
        prevented=args.prevented,
    )
    emit_json({"status": status, "status_label": states.LABELS.get(status, status), "case": summary_of(ctx, args.case)})
    return EXIT_OK
