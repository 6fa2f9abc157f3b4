"""The holiday calendar's table at the district (see holiday_calendar.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from mediation_desk.district.models import Base
from mediation_desk.storage.base import utcnow


class HolidayYear(Base):
    """One year of the State Council's holiday notice: the days off and the weekend days worked (调休)."""

    __tablename__ = "holiday_year"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    body: Mapped[dict[str, Any]]  # {"holidays": [ISO dates], "workdays": [ISO dates]}
    set_by: Mapped[str] = mapped_column(String(100))
    reason: Mapped[str] = mapped_column(Text, default="")
    set_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
