"""The holiday calendar the desk counts legal periods with: the built-in table
(`working_days.DEFAULT_CALENDAR`) with each year the district has distributed in its place.

A year arrives with the district's reference data (part `working_days.REFERENCE_PART`); adopting
it also moves the judicial-confirmation deadlines not yet used that end in that year, so the
reminders and the refusal follow the State Council's notice once it is known."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from sqlalchemy import Integer, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from mediation_desk.core.uow import UnitOfWork
from mediation_desk.mediation import working_days
from mediation_desk.mediation.models_case import Agreement
from mediation_desk.storage.base import Base, utcnow

log = logging.getLogger(__name__)


class HolidayYear(Base):
    """One year of the State Council's holiday notice as the district distributed it."""

    __tablename__ = "holiday_year"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    holidays: Mapped[list[str]]  # ISO dates given off
    workdays: Mapped[list[str]]  # ISO dates of weekend days worked (调休)
    received_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


def current(s: Session) -> working_days.HolidayCalendar:
    """The calendar in force on this desk."""
    rows = list(s.scalars(select(HolidayYear)))
    if not rows:
        return working_days.DEFAULT_CALENDAR
    pulled = working_days.calendar_from_wire(
        {"years": {str(r.year): {"holidays": r.holidays, "workdays": r.workdays} for r in rows}}
    )
    return working_days.DEFAULT_CALENDAR.merged_with(pulled)


def adopt_holidays(uow: UnitOfWork, data: Any) -> None:
    """The district's calendar (reference handler). One that does not pass the check is not
    used, and the sync goes on; the refusal is in the audit."""
    try:
        calendar = working_days.calendar_from_wire(data)
    except working_days.CalendarProblem as problem:
        log.warning("holiday calendar from the district not used: %s", problem.field)
        uow.audit("mediation.holidays", "holiday_year", None, refused=problem.field)
        return
    s = uow.session
    for year in calendar.years.values():
        row = s.get(HolidayYear, year.year) or HolidayYear(year=year.year)
        row.holidays = sorted(d.isoformat() for d in year.holidays)
        row.workdays = sorted(d.isoformat() for d in year.workdays)
        row.received_at = uow.now
        s.add(row)
    s.flush()
    moved = recompute_deadlines(s, current(s), set(calendar.years))
    uow.audit("mediation.holidays", "holiday_year", None, years=sorted(calendar.years), deadlines_moved=moved)


def recompute_deadlines(s: Session, calendar: working_days.HolidayCalendar, years: set[int]) -> int:
    """Judicial deadlines not yet used whose thirty days end in `years`, computed again."""
    if not years:
        return 0
    period = dt.timedelta(days=working_days.JUDICIAL_PERIOD_DAYS)
    first, last = dt.date(min(years), 1, 1) - period, dt.date(max(years), 12, 31) - period
    moved = 0
    q = select(Agreement).where(
        Agreement.effective_on.is_not(None),
        Agreement.effective_on.between(first, last),
        Agreement.judicial_applied_on.is_(None),
    )
    for a in s.scalars(q):
        assert a.effective_on is not None
        deadline = working_days.judicial_deadline(a.effective_on, calendar)
        if a.judicial_deadline != deadline:
            a.judicial_deadline = deadline
            moved += 1
    return moved
