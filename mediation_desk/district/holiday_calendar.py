"""The State Council's yearly holiday notice as the district issues it to every desk.

Legal periods end on working days (Civil Procedure Law art. 85): the desks count the 30 days of
judicial confirmation (人民调解法第三十三条) with this calendar. Each desk has a built-in table
(`mediation.working_days.DEFAULT_CALENDAR`); a year set here goes down with the reference data
as part `working_days.REFERENCE_PART` and replaces that year on the desk. A year may be set again
(a notice corrected); every setting is in the admin audit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mediation_desk.district import admin, admin_audit
from mediation_desk.district.db import Database
from mediation_desk.district.errors import AdminError
from mediation_desk.district.holiday_models import HolidayYear
from mediation_desk.mediation import working_days
from mediation_desk.storage.base import utcnow

MAX_FILE_BYTES = 64 * 1024  # a few years of dates
ACTION = "holidays.set"


def current_wire(s: Session) -> dict[str, Any]:
    """The reference data's part: the years the district has set (desks keep their own others)."""
    return {"years": {str(r.year): r.body for r in s.scalars(select(HolidayYear).order_by(HolidayYear.year))}}


def show(db: Database) -> dict[str, Any]:
    """What desks use: the built-in table with the district's years in place."""
    with db.read() as s:
        issued = working_days.calendar_from_wire(current_wire(s))
    return working_days.calendar_to_wire(working_days.DEFAULT_CALENDAR.merged_with(issued))


def read_file(path: Path) -> Any:
    return admin.read_json_file(path, "节假日安排", MAX_FILE_BYTES)


def set_years(db: Database, data: Any, *, actor: str | None = None, reason: str = "") -> list[int]:
    """Issue the years of `data` (`working_days.calendar_to_wire` form), checked as every desk
    checks them again; returns the years set."""
    who, why = admin.actor_of(actor), admin.reason_of(reason, required_for="发布节假日安排")
    try:
        calendar = working_days.calendar_from_wire(data)
    except working_days.CalendarProblem as problem:
        raise AdminError(f"节假日安排的 {problem.field} 有误：{problem.message}") from None
    if not calendar.years:
        raise AdminError("节假日安排中没有任何年份")
    wire = working_days.calendar_to_wire(calendar)["years"]
    with db.write() as s:
        for year in sorted(calendar.years):
            row = s.get(HolidayYear, year) or HolidayYear(year=year)
            row.body, row.set_by, row.reason, row.set_at = wire[str(year)], who, why, utcnow()
            s.add(row)
        admin_audit.record(s, actor=who, action=ACTION, target=",".join(map(str, sorted(calendar.years))), reason=why)
    return sorted(calendar.years)
