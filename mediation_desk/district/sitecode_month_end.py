"""The site codes' month end (一单一码 月末), run by the server itself.

Every `every_s` seconds (a minute by default) a thread of the server checks whether the last
closed month — the one before the month whose self-inspection is due now — has a finished
`SiteMonthRun`, and runs the month end (`sitecode_codes.month_end`) if not. Several instances
on one database all check; the month end's own claim (inserting the month's `SiteMonthRun`)
decides which one runs it, so it runs once. A failure is logged and tried again at the next
check: it never stops the server."""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable

from mediation_desk.district import sitecode_scheme
from mediation_desk.district.db import Database
from mediation_desk.district.sitecode_models import SiteMonthRun
from mediation_desk.storage.base import utcnow

log = logging.getLogger(__name__)
Runner = Callable[[Database, str], object]
STOP_WAIT_S = 30.0


def _month_end(db: Database, month: str) -> object:
    # Imported when first needed: the server starts (and serves) whatever this module's
    # neighbour brings, and a month end that cannot load is logged like any other failure.
    from mediation_desk.district import sitecode_codes

    return sitecode_codes.month_end(db, month)


def month_due(db: Database, now: dt.datetime | None = None) -> str | None:
    """The last closed month when its month end has not finished, else None."""
    with db.read() as s:
        month = sitecode_scheme.last_closed_month(s, now)
        run = s.get(SiteMonthRun, month)
        return None if run is not None and run.finished_at is not None else month


class MonthEndLoop:
    """The checking thread; `every_s` 0 (or less) turns it off."""

    def __init__(
        self,
        db: Database,
        every_s: float,
        runner: Runner = _month_end,
        clock: Callable[[], dt.datetime] = utcnow,
    ) -> None:
        self.db, self.every_s, self.runner, self.clock = db, every_s, runner, clock
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.runs = 0  # month ends this instance has run (whether or not another had claimed it)
        self.failures = 0

    def start(self) -> None:
        if self.every_s <= 0 or self._thread is not None:
            return
        self._thread = threading.Thread(target=self._loop, name="sitecode-month-end", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(STOP_WAIT_S)

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.check()
            self._stop.wait(self.every_s)

    def check(self) -> str | None:
        """One check: the month it ran the month end for, or None (nothing due, or it failed)."""
        try:
            month = month_due(self.db, self.clock())
            if month is None:
                return None
            log.info("site-code month end of %s starting", month)
            self.runner(self.db, month)
            self.runs += 1
            log.info("site-code month end of %s done", month)
            return month
        except Exception as exc:  # noqa: BLE001 - logged and tried again; the server keeps serving
            self.failures += 1
            # The type only: a database error's text may quote rows.
            log.error("site-code month end failed (%s); trying again in %g s", type(exc).__name__, self.every_s)
            return None
