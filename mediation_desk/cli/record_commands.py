"""What happens on a case after intake: session records (调解记录), the agreement and its signing,
judicial confirmation, performance, follow-up visits (回访), attachments and the audited
correction of a legal date (更正日期)."""

from __future__ import annotations

import argparse
from typing import Any

from mediation_desk.cli.case_commands import summary_of
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
from mediation_desk.mediation import agreement, attachments, corrections, date_rules, followup, sessions
from mediation_desk.validation import parse_date

PERFORMANCE_BY_LABEL = {label: code for code, label in agreement.PERFORMANCE.items()}
DATE_FIELD_BY_LABEL = {label: code for code, label in date_rules.LABELS.items()}


def register(case: Any, top: Any) -> None:
    p = case.add_parser("note", help="添加调解记录（JSON：时间、地点、参加人、陈述、结果…）")
    p.add_argument("case", metavar="CASE")
    json_input(p, what="调解记录")
    p.set_defaults(handler=case_note)

    p = case.add_parser("correct-note", help="更正调解记录（生成新版本，旧版本保留）")
    p.add_argument("session_id", metavar="SESSION_ID")
    json_input(p, what="要更正的字段")
    p.add_argument("--reason", required=True, help="更正理由")
    p.set_defaults(handler=case_correct_note)

    p = case.add_parser("notes", help="列出调解记录")
    p.add_argument("case", metavar="CASE")
    p.add_argument("--all-versions", action="store_true", help="包括被更正的旧版本")
    json_flag(p)
    p.set_defaults(handler=case_notes)

    p = case.add_parser("agree", help="登记调解协议（书面或口头）")
    p.add_argument("case", metavar="CASE")
    json_input(p, what="协议")
    p.set_defaults(handler=case_agree)

    p = case.add_parser("sign", help="确认书面协议已由各方签字、盖章（协议生效）")
    p.add_argument("case", metavar="CASE")
    p.add_argument("--on", metavar="DATE", help="签字日期（默认今天）")
    json_flag(p)
    p.set_defaults(handler=case_sign)

    p = case.add_parser("judicial", help="登记已申请司法确认（生效后 30 日内）")
    p.add_argument("case", metavar="CASE")
    p.add_argument("--on", metavar="DATE", help="申请日期（默认今天）")
    json_flag(p)
    p.set_defaults(handler=case_judicial)

    p = case.add_parser(
        "performance",
        help="更新协议履行情况",
        description="履行情况：" + "、".join(f"{k}（{v}）" for k, v in agreement.PERFORMANCE.items()),
    )
    p.add_argument("case", metavar="CASE")
    p.add_argument("status", metavar="STATUS", help="pending / partial / fully_performed / not_performed 或中文")
    json_flag(p)
    p.set_defaults(handler=case_performance)

    p = case.add_parser("follow-up", help="安排回访")
    p.add_argument("case", metavar="CASE")
    p.add_argument("--due", required=True, metavar="DATE", help="回访日期")
    p.add_argument("--reason", help="回访事由")
    p.add_argument("--person", metavar="PERSON_ID", help="回访对象（当事人编号）")
    json_flag(p)
    p.set_defaults(handler=case_follow_up)

    p = case.add_parser("visit", help="登记回访情况（JSON：performance_status、satisfaction、notes…）")
    p.add_argument("case", metavar="CASE")
    json_input(p, what="回访记录")
    p.set_defaults(handler=case_visit)

    p = case.add_parser("attach", help="添加附件（证据、签字扫描件、身份证明…）")
    p.add_argument("case", metavar="CASE")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--kind", choices=sorted(attachments.KINDS), default="evidence")
    p.add_argument("--note", help="说明")
    json_flag(p)
    p.set_defaults(handler=case_attach)

    p = case.add_parser(
        "correct-date",
        help="更正法定日期（受理、调解、达成、签字生效、申请司法确认；须写明理由，留痕）",
        description="可更正：" + "、".join(f"{k}（{v}）" for k, v in date_rules.LABELS.items()),
    )
    p.add_argument("case", metavar="CASE")
    p.add_argument("field", metavar="FIELD", help="accepted_on / held_at / reached_on / signed_on / … 或中文名")
    p.add_argument("value", metavar="VALUE", help="更正后的日期（调解时间：YYYY-MM-DD HH:MM）")
    p.add_argument("--reason", required=True, help="更正理由")
    p.add_argument("--session", metavar="SESSION_ID", help="更正调解时间时：调解记录编号")
    json_flag(p)
    p.set_defaults(handler=case_correct_date)

    p = case.add_parser("corrections", help="列出本案的日期更正记录")
    p.add_argument("case", metavar="CASE")
    json_flag(p)
    p.set_defaults(handler=case_corrections)

    p = top.add_parser("followups", help="到期的回访")
    p.add_argument("--until", metavar="DATE", help="截至日期（默认今天）")
    p.add_argument("--all", action="store_true", help="包括已完成的回访")
    json_flag(p)
    p.set_defaults(handler=followups)


def case_note(ctx: Context, args: argparse.Namespace) -> int:
    data = read_json_input(args.json_input)
    session_id = sessions.add_session(ctx.desk, ctx.actor, args.case, data)
    emit_json({"session_id": session_id, "case": summary_of(ctx, args.case)})
    return EXIT_OK


def case_correct_note(ctx: Context, args: argparse.Namespace) -> int:
    data = read_json_input(args.json_input)
    new_id = sessions.correct_session(ctx.desk, ctx.actor, args.session_id, data, args.reason)
    emit_json({"session_id": new_id, "supersedes": args.session_id})
    return EXIT_OK


def case_notes(ctx: Context, args: argparse.Namespace) -> int:
    records = sessions.list_sessions(ctx.desk, args.case, all_versions=args.all_versions, actor=ctx.actor)
    if getattr(args, "json", False):
        emit_json(records)
        return EXIT_OK
    if not records:
        out("尚无调解记录。No session records yet.")
    for r in records:
        version = f"（第 {r.version} 版，更正理由：{r.correction_reason}）" if r.version > 1 else ""
        out(f"{local_time(r.held_at)}  {r.place}  {sessions.OUTCOMES.get(r.outcome, r.outcome)}{version}")
        out(f"  编号：{r.id}    记录人：{r.recorder}")
        if r.participants:
            out(f"  参加人：{'、'.join(r.participants)}")
        out(f"  结果：{r.result}")
    return EXIT_OK


def case_agree(ctx: Context, args: argparse.Namespace) -> int:
    data = read_json_input(args.json_input)
    emit_json(agreement.record_agreement(ctx.desk, ctx.actor, args.case, data))
    return EXIT_OK


def case_sign(ctx: Context, args: argparse.Namespace) -> int:
    emit_json(agreement.confirm_signatures(ctx.desk, ctx.actor, args.case, args.on))
    return EXIT_OK


def case_judicial(ctx: Context, args: argparse.Namespace) -> int:
    emit_json(agreement.record_judicial_application(ctx.desk, ctx.actor, args.case, args.on))
    return EXIT_OK


def case_performance(ctx: Context, args: argparse.Namespace) -> int:
    status = PERFORMANCE_BY_LABEL.get(args.status.strip(), args.status.strip())
    emit_json(agreement.update_performance(ctx.desk, ctx.actor, args.case, status))
    return EXIT_OK


def case_follow_up(ctx: Context, args: argparse.Namespace) -> int:
    follow_up_id = followup.schedule_follow_up(
        ctx.desk, ctx.actor, args.case, args.due, args.reason, person_id=args.person
    )
    emit_json({"follow_up_id": follow_up_id, "case": summary_of(ctx, args.case)})
    return EXIT_OK


def case_visit(ctx: Context, args: argparse.Namespace) -> int:
    data = read_json_input(args.json_input)
    follow_up_id = followup.record_follow_up(ctx.desk, ctx.actor, args.case, data)
    emit_json({"follow_up_id": follow_up_id, "case": summary_of(ctx, args.case)})
    return EXIT_OK


def case_attach(ctx: Context, args: argparse.Namespace) -> int:
    emit_json(attachments.attach_file(ctx.desk, ctx.actor, args.case, args.file, kind=args.kind, note=args.note))
    return EXIT_OK


def followups(ctx: Context, args: argparse.Namespace) -> int:
    until = parse_date(args.until, "until", "截至日期")
    due = followup.due_follow_ups(ctx.desk, ctx.actor, until=until, include_done=args.all)
    if getattr(args, "json", False):
        emit_json(due)
        return EXIT_OK
    if not due:
        out("没有到期的回访。No follow-ups due.")
        return EXIT_OK
    table(
        ["回访日期", "案号", "事由", "完成时间", "履行情况", "满意度"],
        [
            (
                f.due_on.isoformat(),
                f.case_number,
                f.reason or "",
                local_time(f.done_at),
                agreement.PERFORMANCE.get(f.performance_status or "", ""),
                followup.SATISFACTION.get(f.satisfaction or "", ""),
            )
            for f in due
        ],
    )
    return EXIT_OK


def case_correct_date(ctx: Context, args: argparse.Namespace) -> int:
    field = DATE_FIELD_BY_LABEL.get(args.field.strip(), args.field.strip())
    emit_json(
        corrections.correct_date(
            ctx.desk, ctx.actor, args.case, field, args.value, args.reason, session_id=args.session
        )
    )
    return EXIT_OK


def case_corrections(ctx: Context, args: argparse.Namespace) -> int:
    rows = corrections.list_corrections(ctx.desk, args.case, actor=ctx.actor)
    if getattr(args, "json", False):
        emit_json(rows)
        return EXIT_OK
    if not rows:
        out("本案没有日期更正记录。No date corrections.")
        return EXIT_OK
    table(
        ["更正时间", "日期", "原为", "更正为", "理由", "更正人"],
        [(local_time(r.corrected_at), r.field_label, r.old_value, r.new_value, r.reason, r.corrected_by) for r in rows],
    )
    return EXIT_OK
