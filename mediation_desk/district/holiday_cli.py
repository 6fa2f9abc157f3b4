"""`mediation-desk-district holidays …`: the holiday calendar the desks count legal periods with.

holidays show                                  the calendar desks use (built-in years and those set)
holidays set FILE --reason WHY [--by NAME]     set one or more years from the State Council's notice
        (JSON: {"years": {"2027": {"holidays": ["2027-01-01", ...], "workdays": ["2027-02-20", ...]}}})"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the database modules load when a command runs, not for --help
    from mediation_desk.district.db import Database


def add_parser(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
    audited: argparse.ArgumentParser,
) -> None:
    holidays = sub.add_parser("holidays", help="节假日安排（法定期间遇休息日顺延）").add_subparsers(
        dest="action", required=True
    )
    holidays.add_parser("show", parents=[common], help="显示各工作台使用的节假日安排（JSON）")
    holidays.add_parser("set", parents=[audited], help="发布某年（或几年）的节假日安排").add_argument("file", type=Path)


def run(db: Database, args: argparse.Namespace, actor: str, reason: str) -> None:
    from mediation_desk.district import holiday_calendar

    if args.action == "show":
        print(json.dumps(holiday_calendar.show(db), ensure_ascii=False, indent=2))
        return
    years = holiday_calendar.set_years(db, holiday_calendar.read_file(args.file), actor=actor, reason=reason)
    print(f"已发布 {'、'.join(map(str, years))} 年的节假日安排，各工作台下次同步时启用")
