"""`case withdraw|refuse-sign|escalate|unperformed|invalidate`: what may happen to a case once an
agreement is reached (人民调解法第二十五、二十六、二十九、三十二、三十三条)."""

from __future__ import annotations

import argparse
from typing import Any

from mediation_desk.cli.context import Context
from mediation_desk.cli.io import EXIT_OK, emit_json, json_flag
from mediation_desk.mediation import agreement_life, queries, states


def register(case: Any) -> None:
    p = case.add_parser("withdraw", help="协议撤回，重新调解（书面协议尚未签字生效时）")
    p.add_argument("case", metavar="CASE")
    p.add_argument("--reason", required=True, help="撤回理由，如 “被申请人要求修改履行期限”")
    json_flag(p)
    p.set_defaults(handler=case_withdraw)

    p = case.add_parser("refuse-sign", help="当事人拒绝在协议上签字，终止调解（人民调解法第二十六条）")
    p.add_argument("case", metavar="CASE")
    p.add_argument("--reason", required=True, help="拒签的情况")
    _routes(p, "已告知当事人的其他途径（可多次给出）")
    json_flag(p)
    p.set_defaults(handler=case_refuse_sign)

    p = case.add_parser("escalate", help="上报镇（街道）或区（县）（人民调解法第二十五条）")
    p.add_argument("case", metavar="CASE")
    p.add_argument("--to", dest="escalate_to", required=True, choices=sorted(states.ESCALATION_LEVELS))
    p.add_argument("--reason", required=True, help="上报理由")
    json_flag(p)
    p.set_defaults(handler=case_escalate)

    p = case.add_parser("unperformed", help="协议未履行：告知当事人可以向人民法院起诉后结束（人民调解法第三十二条）")
    p.add_argument("case", metavar="CASE")
    p.add_argument("--reason", required=True, help="未履行的情况，如 “回访时被申请人拒付余款，矛盾再起”")
    _routes(p, "已告知的途径，须含 litigation（诉讼）")
    json_flag(p)
    p.set_defaults(handler=case_unperformed)

    p = case.add_parser("invalidate", help="登记协议被人民法院确认无效或撤销（人民调解法第三十二、三十三条）")
    p.add_argument("case", metavar="CASE")
    p.add_argument("--on", dest="invalidated_on", required=True, metavar="DATE", help="裁定（判决）日期 YYYY-MM-DD")
    p.add_argument("--reason", required=True, help="依据，如 “某某法院（2026）浙0604民特12号裁定”")
    json_flag(p)
    p.set_defaults(handler=case_invalidate)


def _routes(p: argparse.ArgumentParser, help_text: str) -> None:
    """The art. 26 routes the parties were told of (repeatable)."""
    p.add_argument("--route", action="append", choices=sorted(states.ROUTES), required=True, help=help_text)


def _moved(ctx: Context, case_key: str, status: str) -> int:
    summary = queries.case_detail(ctx.desk, ctx.actor, case_key).summary
    emit_json({"status": status, "status_label": states.LABELS.get(status, status), "case": summary})
    return EXIT_OK


def case_withdraw(ctx: Context, args: argparse.Namespace) -> int:
    return _moved(ctx, args.case, agreement_life.withdraw_agreement(ctx.desk, ctx.actor, args.case, args.reason))


def case_refuse_sign(ctx: Context, args: argparse.Namespace) -> int:
    status = agreement_life.terminate_refused_signature(ctx.desk, ctx.actor, args.case, args.reason, args.route)
    return _moved(ctx, args.case, status)


def case_escalate(ctx: Context, args: argparse.Namespace) -> int:
    status = agreement_life.escalate(ctx.desk, ctx.actor, args.case, args.escalate_to, args.reason)
    return _moved(ctx, args.case, status)


def case_unperformed(ctx: Context, args: argparse.Namespace) -> int:
    status = agreement_life.record_unperformed(ctx.desk, ctx.actor, args.case, args.reason, args.route)
    return _moved(ctx, args.case, status)


def case_invalidate(ctx: Context, args: argparse.Namespace) -> int:
    view = agreement_life.record_invalidation(ctx.desk, ctx.actor, args.case, args.invalidated_on, args.reason)
    emit_json(view)
    return EXIT_OK
