"""`mediation-desk-district sites …`: the site codes (一单一码) at the district.

sites scheme show                                the scheme in force (JSON)
sites scheme set FILE --reason WHY [--by NAME]   issue a new version (JSON file; it must rise)
sites month-end [--month YYYY-MM]                close a month now (default: the last closed one)
sites rates --month YYYY-MM [--town NAME]        the conversion rate (转码率) of each village"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from mediation_desk.district.errors import AdminError

if TYPE_CHECKING:  # the database modules load when a command runs, not for --help
    from mediation_desk.district.db import Database

COMMANDS = ("scheme", "month-end", "rates")


def add_parser(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
    audited: argparse.ArgumentParser,
) -> None:
    sites = sub.add_parser("sites", help="一单一码").add_subparsers(dest="action", required=True)
    scheme = sites.add_parser("scheme", help="检查清单和码色阈值").add_subparsers(dest="scheme_action", required=True)
    scheme.add_parser("show", parents=[common], help="显示现行的检查清单（JSON）")
    scheme.add_parser("set", parents=[audited], help="发布新版检查清单").add_argument("file", type=Path)
    month_end = sites.add_parser("month-end", parents=[common], help="月末结算：历史码色、连续红码、任务")
    month_end.add_argument("--month", help="YYYY-MM；默认为最近一个已截止的月份")
    rates = sites.add_parser("rates", parents=[common], help="各村转码率")
    rates.add_argument("--month", required=True, help="YYYY-MM：与上一个月相比")
    rates.add_argument("--town", help="只列这个镇（街道）")


def run(db: Database, args: argparse.Namespace, actor: str, reason: str) -> None:
    if args.action == "scheme":
        _scheme(db, args, actor, reason)
    elif args.action == "month-end":
        _month_end(db, args)
    else:
        _rates(db, args)


def _scheme(db: Database, args: argparse.Namespace, actor: str, reason: str) -> None:
    from mediation_desk.district import sitecode_scheme

    if args.scheme_action == "show":
        print(json.dumps(sitecode_scheme.show(db), ensure_ascii=False, indent=2))
        return
    issued = sitecode_scheme.set_scheme(db, sitecode_scheme.read_file(args.file), actor=actor, reason=reason)
    items = sum(len(c.items) for c in issued.checklists)
    print(
        f"已发布检查清单第 {issued.version} 版（{len(issued.checklists)} 类场所、{items} 项），各工作台下次同步时启用"
    )


def _closed_month(db: Database, text: str | None) -> str:
    from mediation_desk.district import sitecode_scheme
    from mediation_desk.sitecode import rules

    with db.read() as s:
        last = sitecode_scheme.last_closed_month(s)
    if text is None:
        return last
    try:
        month = rules.parse_month(text)
    except ValueError as exc:
        raise AdminError(f"--month：{exc}") from None
    if month > last:
        raise AdminError(f"--month：{rules.month_text(month)}的自查尚未截止，最晚可结算 {last}")
    return month


def _month_end(db: Database, args: argparse.Namespace) -> None:
    from mediation_desk.district import sitecode_codes
    from mediation_desk.sitecode import rules

    month = _closed_month(db, args.month)
    try:
        done = sitecode_codes.month_end(db, month)
    except ValueError as exc:  # a month whose cut-off has not passed (by the scheme in force)
        raise AdminError(str(exc)) from None
    if not done.ran:
        print(f"{month} 此前已结算（{done.places} 个场所，开出 {done.tasks_opened} 个任务），未重复结算")
        return
    colours = "，".join(f"{rules.COLOURS.get(c, c)} {n}" for c, n in sorted(done.colours.items()))
    print(f"{month} 月末结算完成：{done.places} 个场所（{colours or '无'}），开出 {done.tasks_opened} 个任务")


def _rates(db: Database, args: argparse.Namespace) -> None:
    from sqlalchemy import select

    from mediation_desk.district import admin, sitecode_town
    from mediation_desk.district.models import Town

    month = _closed_month(db, args.month)
    with db.read() as s:
        towns = [admin.town_by_name(s, args.town)] if args.town else list(s.scalars(select(Town).order_by(Town.name)))
        answers = [(t.name, sitecode_town.rates_of_town(s, t.id, month)) for t in towns]
    if any(not answer["complete"] for _, answer in answers):
        print(f"注意：{month} 的月末结算尚未完成，转码率可能不全", file=sys.stderr)
    print("\t".join(["镇（街道）", "调解委员会", "名称", "转码率", "上月红黄码", "已转绿码"]))
    for name, answer in answers:
        for v in answer["villages"]:
            row = [name, v["committee_code"], v["committee_name"], v["text"], str(v["eligible"]), str(v["converted"])]
            print("\t".join(row))
        t = answer["town"]
        print("\t".join([name, "合计", "-", t["text"], str(t["eligible"]), str(t["converted"])]))
