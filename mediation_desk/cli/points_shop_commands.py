"""`points balances|statement|reverse|gift|shop-day|redeem|month-end|conflicts`: the ledger of green
coins, the 绿币超市 and the month's 积分汇总表.

Files written here (statements, receipts, the summary with full names) are readable by this OS user
only; an existing file is replaced only with --force, and that is checked before anything is saved."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from mediation_desk.administration import accounts
from mediation_desk.cli.context import Context
from mediation_desk.cli.io import EXIT_OK, emit_json, err, json_flag, out, table, write_private_file
from mediation_desk.cli.points_lookups import SHORT_ID, gift_id, limit, resident_id, writable
from mediation_desk.documents import points_docs
from mediation_desk.points import ledger, month_end, rules, shop
from mediation_desk.points.dto import MonthSummary, StatementView
from mediation_desk.validation import parse_date

FULL_NAMES_NOTE = "注意：文件含居民的完整姓名，请妥善保管，用完及时删除。Note: the file holds full names; keep it safe."
MONTH_FILES = {"csv": "CSV", "pdf": "积分汇总表", "notice": "公示"}


def register(group: Any) -> None:
    p = group.add_parser("balances", help="各居民的积分余额")
    p.add_argument("--search", metavar="TEXT", help="姓名或户名中的文字")
    p.add_argument("--limit", type=int, default=500, metavar="N")
    json_flag(p)
    p.set_defaults(handler=balances)

    p = group.add_parser("statement", help="一位居民的积分明细（可另存为 PDF）")
    p.add_argument("resident", metavar="RESIDENT")
    p.add_argument("--since", metavar="DATE", help="起始日期（默认从第一笔起）")
    p.add_argument("--until", metavar="DATE", help="截至日期（默认今天）")
    _file_option(p, "--pdf", "积分明细 PDF")
    json_flag(p)
    p.set_defaults(handler=statement)

    p = group.add_parser("reverse", help="冲正一笔积分记录（主任；原记录保留，另记一笔相反的）")
    p.add_argument("entry", metavar="ENTRY", help="积分记录编号（见 points statement --json）")
    p.add_argument("--reason", required=True, help="冲正理由")
    json_flag(p)
    p.set_defaults(handler=reverse)

    gifts = group.add_parser("gift", help="绿币超市的礼品：新增、修改、入库、列出").add_subparsers(
        dest="points_action", metavar="ACTION", required=True
    )
    p = gifts.add_parser("add", help="新增礼品")
    p.add_argument("--name", required=True, help="礼品名称，如 洗衣液")
    p.add_argument("--price", required=True, type=int, metavar="COINS", help="兑换所需绿币")
    p.add_argument("--stock", type=int, default=0, metavar="N", help="初始库存")
    json_flag(p)
    p.set_defaults(handler=gift_add)
    p = gifts.add_parser("edit", help="修改礼品（只改给出的项）")
    p.add_argument("gift", metavar="GIFT", help="礼品编号或名称")
    p.add_argument("--name", help="礼品名称")
    p.add_argument("--price", type=int, metavar="COINS", help="兑换所需绿币")
    state = p.add_mutually_exclusive_group()
    state.add_argument("--inactive", dest="active", action="store_const", const=False, help="下架")
    state.add_argument("--active", dest="active", action="store_const", const=True, help="重新上架")
    json_flag(p)
    p.set_defaults(handler=gift_edit, active=None)
    p = gifts.add_parser("restock", help="入库（负数为报损出库，库存不会低于 0）")
    p.add_argument("gift", metavar="GIFT", help="礼品编号或名称")
    p.add_argument("quantity", type=int, metavar="N", help="数量，如 20 或 -2")
    p.add_argument("--reason", required=True, help="原因，如 镇里配送、破损")
    json_flag(p)
    p.set_defaults(handler=gift_restock)
    p = gifts.add_parser("list", help="列出礼品")
    p.add_argument("--all", action="store_true", help="包括已下架的")
    json_flag(p)
    p.set_defaults(handler=gift_list)

    p = group.add_parser("shop-day", help="绿币超市的开放日（每月几号）；给出 N 则修改（主任）")
    p.add_argument("day", nargs="?", type=int, metavar="N", help="1 到 28")
    json_flag(p)
    p.set_defaults(handler=shop_day)

    p = group.add_parser("redeem", help="绿币超市兑换礼品（非开放日须 --reason）")
    p.add_argument("resident", metavar="RESIDENT")
    p.add_argument("gift", metavar="GIFT", help="礼品编号或名称")
    p.add_argument("--quantity", type=int, default=1, metavar="N")
    p.add_argument("--reason", help="非开放日兑换的原因（记入审计）")
    _file_option(p, "--receipt", "兑换凭证 PDF")
    json_flag(p)
    p.set_defaults(handler=redeem)

    p = group.add_parser("month-end", help="月末积分汇总表：查看、生成、审定、导出 CSV 和 PDF、公示")
    p.add_argument("month", metavar="MONTH", help="月份 YYYY-MM，如 2026-11")
    p.add_argument("--produce", action="store_true", help="生成（登记）本月汇总")
    p.add_argument("--sign-off", action="store_true", help="审定本月汇总（主任；须先生成且与积分记录相符）")
    p.add_argument("--households", action="store_true", help="列表和 CSV 按户汇总（默认按人）")
    p.add_argument("--csv", metavar="FILE", help="导出 CSV（含完整姓名）")
    p.add_argument("--pdf", metavar="FILE", help="积分汇总表 PDF（含完整姓名，供审核签字）")
    p.add_argument("--notice", metavar="FILE", help="公示 PDF（姓名脱敏，如 王*芳，可张贴）")
    p.add_argument("--force", action="store_true", help="覆盖已有的文件")
    json_flag(p)
    p.set_defaults(handler=month_end_command)

    p = group.add_parser("conflicts", help="兑换冲突（两台电脑离线兑换了同一笔绿币），由镇里处理")
    p.add_argument("--all", action="store_true", help="包括已处理的")
    json_flag(p)
    p.set_defaults(handler=conflicts)


def _file_option(p: argparse.ArgumentParser, flag: str, what: str) -> None:
    p.add_argument(flag, metavar="FILE", help=f"另存{what}")
    p.add_argument("--force", action="store_true", help="覆盖已有的文件")


def committee_name(ctx: Context) -> str:
    return accounts.get_committee(ctx.desk).name


# ---- balances, statements, corrections --------------------------------------------------------------


def balances(ctx: Context, args: argparse.Namespace) -> int:
    found = ledger.list_balances(ctx.desk, ctx.actor, query=args.search, limit=limit(args.limit))
    if getattr(args, "json", False):
        emit_json(found)
        return EXIT_OK
    if not found:
        out("没有符合条件的居民。No matching residents.")
        return EXIT_OK
    table(
        ["编号", "姓名", "户", "积分"],
        [(r.id[:SHORT_ID], r.name, r.household_label or "", r.balance) for r in found],
    )
    return EXIT_OK


def statement(ctx: Context, args: argparse.Namespace) -> int:
    target = writable(args.pdf, "pdf", force=args.force)
    rid = resident_id(ctx, args.resident)
    since = parse_date(args.since, "since", "起始日期")
    until = parse_date(args.until, "until", "截至日期")
    view = ledger.statement(ctx.desk, ctx.actor, rid, since=since, until=until)
    if target is not None:
        write_private_file(target, points_docs.statement_pdf(view, committee_name(ctx)))
    if getattr(args, "json", False):
        emit_json(view)
    else:
        print_statement(view)
    if target is not None:
        err(f"已另存：{target}")
    return EXIT_OK


def print_statement(view: StatementView) -> None:
    r = view.resident
    since = view.since.isoformat() if view.since else "第一笔"
    out(f"{r.name}  积分明细  {since} 至 {view.until}")
    out(f"期初余额：{view.opening}")
    if view.entries:
        table(
            ["日期", "类别", "绿币", "内容", "编号"],
            [
                (
                    e.entry_date.isoformat(),
                    e.kind_label + ("（已冲正）" if e.reversed_by else ""),
                    f"{e.coins:+d}",
                    e.item_label or (f"{e.gift} ×{e.quantity}" if e.gift else "") or e.reason or "",
                    e.id,
                )
                for e in view.entries
            ],
            max_col=48,
        )
    out(f"期末余额：{view.closing}")


def reverse(ctx: Context, args: argparse.Namespace) -> int:
    emit_json(ledger.reverse(ctx.desk, ctx.actor, args.entry.strip(), reason=args.reason))
    return EXIT_OK


def conflicts(ctx: Context, args: argparse.Namespace) -> int:
    found = ledger.list_conflicts(ctx.desk, ctx.actor, open_only=not args.all)
    if getattr(args, "json", False):
        emit_json(found)
        return EXIT_OK
    if not found:
        out("没有兑换冲突。No conflicts.")
        return EXIT_OK
    table(
        ["编号", "居民", "差额", "状态", "处理", "理由"],
        [
            (
                c.id[:SHORT_ID],
                c.resident_name,
                c.shortfall,
                "待镇里处理" if c.status == rules.OPEN else "已处理",
                rules.RESOLUTIONS.get(c.resolution or "", ""),
                c.reason or "",
            )
            for c in found
        ],
    )
    out("兑换冲突由镇（街道）的电脑处理，处理结果随下次同步回到本机。")
    return EXIT_OK


# ---- the 绿币超市 --------------------------------------------------------------------------------------


def gift_add(ctx: Context, args: argparse.Namespace) -> int:
    emit_json(shop.add_gift(ctx.desk, ctx.actor, name=args.name, price=args.price, stock=args.stock))
    return EXIT_OK


def gift_edit(ctx: Context, args: argparse.Namespace) -> int:
    gid = gift_id(ctx, args.gift)
    emit_json(shop.edit_gift(ctx.desk, ctx.actor, gid, name=args.name, price=args.price, active=args.active))
    return EXIT_OK


def gift_restock(ctx: Context, args: argparse.Namespace) -> int:
    emit_json(shop.restock(ctx.desk, ctx.actor, gift_id(ctx, args.gift), args.quantity, reason=args.reason))
    return EXIT_OK


def gift_list(ctx: Context, args: argparse.Namespace) -> int:
    found = shop.list_gifts(ctx.desk, ctx.actor, include_inactive=args.all)
    if getattr(args, "json", False):
        emit_json(found)
        return EXIT_OK
    if not found:
        out("还没有礼品。No gifts yet (points gift add).")
        return EXIT_OK
    table(
        ["编号", "礼品", "绿币", "库存", "状态"],
        [(g.id, g.name, g.price, g.stock, "在架" if g.active else "已下架") for g in found],
    )
    return EXIT_OK


def shop_day(ctx: Context, args: argparse.Namespace) -> int:
    day = shop.opening_day(ctx.desk) if args.day is None else shop.set_opening_day(ctx.desk, ctx.actor, args.day)
    if getattr(args, "json", False):
        emit_json({"opening_day": day})
    else:
        out(f"绿币超市每月 {day} 日开放")
    return EXIT_OK


def redeem(ctx: Context, args: argparse.Namespace) -> int:
    target = writable(args.receipt, "receipt", force=args.force)
    rid = resident_id(ctx, args.resident)
    view = shop.redeem(
        ctx.desk,
        ctx.actor,
        resident_id=rid,
        gift_id=gift_id(ctx, args.gift),
        quantity=args.quantity,
        off_day_reason=args.reason,
    )
    if target is not None:
        write_private_file(target, points_docs.receipt_pdf(view, committee_name(ctx)))
    emit_json(view)
    if target is not None:
        err(f"兑换凭证已另存：{target}")
    return EXIT_OK


# ---- month end ------------------------------------------------------------------------------------------


def month_end_command(ctx: Context, args: argparse.Namespace) -> int:
    files = {
        "csv": writable(args.csv, "csv", force=args.force),
        "pdf": writable(args.pdf, "pdf", force=args.force),
        "notice": writable(args.notice, "notice", force=args.force),
    }
    summary: MonthSummary | None = None
    if args.produce:
        summary = month_end.produce(ctx.desk, ctx.actor, args.month)
    if args.sign_off:  # after producing it, when both are asked for
        summary = month_end.sign_off(ctx.desk, ctx.actor, args.month)
    if summary is None:
        summary = month_end.month_summary(ctx.desk, ctx.actor, args.month)
    written = _write_month_files(ctx, summary, files, households=args.households)
    if getattr(args, "json", False):
        emit_json({"summary": summary, "reconciles": summary.reconciles, "files": written})
    else:
        print_summary(summary, households=args.households)
    for kind, path in written.items():
        err(f"已另存{MONTH_FILES[kind]}：{path}")
    if written.keys() & {"csv", "pdf"}:
        err(FULL_NAMES_NOTE)
    return EXIT_OK


def _write_month_files(
    ctx: Context, summary: MonthSummary, files: dict[str, Path | None], *, households: bool
) -> dict[str, str]:
    """The files asked for; the PDFs through the documents service, which audits that they left."""
    written: dict[str, str] = {}
    if files["csv"] is not None:
        written["csv"] = str(month_end.write_csv(summary, files["csv"], households=households))
    for kind, notice in (("pdf", False), ("notice", True)):
        target = files[kind]
        if target is not None:
            path = points_docs.save_month_end_pdf(ctx.desk, ctx.actor, summary.month, target, notice=notice)
            written[kind] = str(path)
    return written


def print_summary(summary: MonthSummary, *, households: bool) -> None:
    out(f"{summary.committee_name}  {summary.month} 积分汇总表（{summary.first} 至 {summary.last}）")
    lines = summary.households if households else summary.residents
    table(
        ["户" if households else "姓名", "小组", "期初", "获得", "扣减", "兑换", "冲正调整", "期末"],
        [
            (
                line.name,
                line.village_group,
                line.figures.opening,
                line.figures.earned,
                line.figures.deducted,
                line.figures.redeemed,
                line.figures.corrected,
                line.figures.closing,
            )
            for line in lines
        ],
    )
    t = summary.totals
    out(
        f"合计：期初 {t.opening}，获得 {t.earned}，扣减 {t.deducted}，兑换 {t.redeemed}，"
        f"冲正调整 {t.corrected}，期末 {t.closing}"
    )
    check = "相符" if summary.reconciles else f"不符（积分记录合计 {summary.ledger_closing}）"
    out(f"本月积分记录 {summary.entries} 笔，与积分记录核对：{check}")
    if summary.signed_by:
        changed = "；审定后又有本月的记录，请重新审定" if summary.changed_since_sign_off else ""
        out(f"已由 {summary.signed_by} 审定{changed}")
    else:
        out("尚未审定")
