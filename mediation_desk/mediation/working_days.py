"""Periods counted in days by the law, and the working days they end on (pure).

Civil Procedure Law art. 85: a period whose last day falls on a rest day or a statutory holiday
ends on the first working day after it. Rest days are Saturdays and Sundays, except the weekend
days the State Council's yearly notice makes working days (调休上班); holidays are the days that
notice gives off. The notice for a year comes out late in the year before, so the table here is
only the default: the district distributes each year's calendar as it is published
(`calendar_from_wire`), and a year the district sent replaces the same year here.

2025 and 2026 are the State Council's notices (国办发明电〔2024〕12号, 国办发明电〔2025〕7号).
For 2027 the notice was not yet known when this table was written: it holds the statutory days
of 《全国年节及纪念日放假办法》 alone, without the 调休 the notice adds."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

REFERENCE_PART = "holidays"  # the district's reference answer carries the calendar under this name
JUDICIAL_PERIOD_DAYS = 30  # 人民调解法第三十三条: within 30 days of the agreement taking effect
MAX_DAYS_A_YEAR = 60  # a calendar with more days than this is a typing error, not a notice


class CalendarProblem(ValueError):
    """A holiday calendar that cannot be used: `field` says where, the message what (Chinese)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field, self.message = field, message


@dataclass(frozen=True)
class YearCalendar:
    year: int
    holidays: frozenset[dt.date]  # 放假 (weekdays or weekend days given off)
    workdays: frozenset[dt.date]  # 调休上班: weekend days that are working days
    statutory_only: bool = False  # the notice was not known: no 调休 in it


@dataclass(frozen=True)
class HolidayCalendar:
    years: Mapping[int, YearCalendar]

    def is_working_day(self, day: dt.date) -> bool:
        year = self.years.get(day.year)
        if year is not None:
            if day in year.workdays:
                return True
            if day in year.holidays:
                return False
        return day.weekday() < 5

    def period_end(self, last_day: dt.date) -> dt.date:
        """The day a period whose last day is `last_day` ends on (art. 85)."""
        day = last_day
        while not self.is_working_day(day):
            day += dt.timedelta(days=1)
        return day

    def known(self, year: int) -> bool:
        """The year's calendar is the State Council's notice (not only the statutory days)."""
        held = self.years.get(year)
        return held is not None and not held.statutory_only

    def merged_with(self, other: HolidayCalendar) -> HolidayCalendar:
        """This calendar with `other`'s years in place of the same years here."""
        return HolidayCalendar({**self.years, **other.years})


def judicial_deadline(effective_on: dt.date, calendar: HolidayCalendar) -> dt.date:
    """The last day to apply for judicial confirmation (art. 33, with art. 85 of the Civil
    Procedure Law): thirty days from the agreement taking effect, moved off rest days."""
    return calendar.period_end(effective_on + dt.timedelta(days=JUDICIAL_PERIOD_DAYS))


def _days(text: str) -> frozenset[dt.date]:
    """'2026-01-01..2026-01-03 2026-02-14' → the dates (ranges inclusive)."""
    out: set[dt.date] = set()
    for item in text.split():
        first, _, last = item.partition("..")
        start = dt.date.fromisoformat(first)
        end = dt.date.fromisoformat(last) if last else start
        while start <= end:
            out.add(start)
            start += dt.timedelta(days=1)
    return frozenset(out)


def _year(year: int, holidays: str, workdays: str = "", *, statutory_only: bool = False) -> YearCalendar:
    return YearCalendar(year, _days(holidays), _days(workdays), statutory_only)


DEFAULT_CALENDAR = HolidayCalendar(
    {
        2025: _year(
            2025,
            "2025-01-01 2025-01-28..2025-02-04 2025-04-04..2025-04-06 2025-05-01..2025-05-05"
            " 2025-05-31..2025-06-02 2025-10-01..2025-10-08",
            "2025-01-26 2025-02-08 2025-04-27 2025-09-28 2025-10-11",
        ),
        2026: _year(
            2026,
            "2026-01-01..2026-01-03 2026-02-15..2026-02-23 2026-04-04..2026-04-06 2026-05-01..2026-05-05"
            " 2026-06-19..2026-06-21 2026-09-25..2026-09-27 2026-10-01..2026-10-07",
            "2026-01-04 2026-02-14 2026-02-28 2026-05-09 2026-09-20 2026-10-10",
        ),
        2027: _year(
            2027,
            "2027-01-01 2027-02-05..2027-02-08 2027-04-05 2027-05-01..2027-05-02 2027-06-09 2027-09-15"
            " 2027-10-01..2027-10-03",
            statutory_only=True,
        ),
    }
)


def calendar_to_wire(calendar: HolidayCalendar) -> dict[str, Any]:
    """{"years": {"2026": {"holidays": [...], "workdays": [...]}}} with ISO dates, sorted."""
    return {
        "years": {
            str(y.year): {
                "holidays": [d.isoformat() for d in sorted(y.holidays)],
                "workdays": [d.isoformat() for d in sorted(y.workdays)],
            }
            for y in sorted(calendar.years.values(), key=lambda y: y.year)
        }
    }


def calendar_from_wire(data: Any) -> HolidayCalendar:
    """A calendar as the district sends it (see `calendar_to_wire`), checked day by day."""
    if not isinstance(data, Mapping) or not isinstance(data.get("years"), Mapping):
        raise CalendarProblem("years", '节假日安排须为 {"years": {"年份": {"holidays": [...], "workdays": [...]}}}')
    years: dict[int, YearCalendar] = {}
    for key, body in data["years"].items():
        try:
            year = int(key)
        except (TypeError, ValueError):
            raise CalendarProblem("years", f"年份「{key}」不是数字") from None
        if not 2000 <= year <= 2100:
            raise CalendarProblem("years", f"年份「{key}」超出 2000—2100")
        if not isinstance(body, Mapping):
            raise CalendarProblem(str(year), f"{year} 年的安排须含 holidays 和 workdays 两个日期列表")
        holidays = _dates_of(year, "holidays", body.get("holidays"))
        workdays = _dates_of(year, "workdays", body.get("workdays", []))
        if both := holidays & workdays:
            raise CalendarProblem(str(year), f"{year} 年有日期既放假又上班：{_list(both)}")
        if weekdays := [d for d in workdays if d.weekday() < 5]:
            raise CalendarProblem(str(year), f"调休上班日须为周六或周日：{_list(weekdays)}")
        years[year] = YearCalendar(year, holidays, workdays)
    return HolidayCalendar(years)


def _dates_of(year: int, name: str, value: Any) -> frozenset[dt.date]:
    label = "放假日期" if name == "holidays" else "调休上班日期"
    if not isinstance(value, list):
        raise CalendarProblem(f"{year}.{name}", f"{year} 年的{label}须为日期列表")
    if len(value) > MAX_DAYS_A_YEAR:
        raise CalendarProblem(f"{year}.{name}", f"{year} 年的{label}最多 {MAX_DAYS_A_YEAR} 天")
    out: set[dt.date] = set()
    for item in value:
        try:
            day = dt.date.fromisoformat(str(item))
        except ValueError:
            raise CalendarProblem(f"{year}.{name}", f"{year} 年的{label}「{item}」不是 YYYY-MM-DD 日期") from None
        if day.year != year:
            raise CalendarProblem(f"{year}.{name}", f"{year} 年的{label}「{item}」不在 {year} 年")
        out.add(day)
    return frozenset(out)


def _list(days: Iterable[dt.date]) -> str:
    return "、".join(d.isoformat() for d in sorted(days))
