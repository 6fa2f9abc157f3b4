"""Security events that come in floods (connections closed by the guard), reported in summaries:
the first of a kind at once, then at most one line per reason a minute with the count and the
source seen most, so an attacker cannot drown the log (or the database) in lines of his own."""

from __future__ import annotations

import asyncio
import collections
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from mediation_desk.district import metrics

log = logging.getLogger("mediation_desk.district.guard")

REPORT_EVERY_S = 60.0


@dataclass(frozen=True)
class Summary:
    """Connections closed for one reason since the last report."""

    reason: str
    closed: int
    refused: int  # of those, new connections turned away at a cap (the rest were open ones)
    addresses: int
    top_address: str
    top_count: int
    window_s: float


class SecurityReport:
    """Counts closed connections by reason and source; one log line per reason per `every_s`.

    The first close after a quiet period is reported at once (an attack shows when it starts),
    the rest of the minute in one line at its end."""

    def __init__(self, describe: dict[str, str], every_s: float = REPORT_EVERY_S) -> None:
        self.describe, self.every_s = describe, every_s
        self.on_summary: Callable[[Summary], None] | None = None
        self.totals: collections.Counter[str] = collections.Counter()
        self._sources: dict[str, collections.Counter[str]] = {}
        self._refused: collections.Counter[str] = collections.Counter()
        self._since: dict[str, float] = {}
        self._last: dict[str, float] = {}
        self._due: dict[str, asyncio.TimerHandle] = {}

    def record(self, reason: str, address: str, refused: bool, loop: asyncio.AbstractEventLoop) -> None:
        metrics.connection_closed(reason)
        self.totals[reason] += 1
        now = time.monotonic()
        self._sources.setdefault(reason, collections.Counter())[address] += 1
        self._since.setdefault(reason, now)
        if refused:
            self._refused[reason] += 1
        if reason in self._due:
            return
        wait = self._last.get(reason, -self.every_s) + self.every_s - now
        if wait <= 0:
            self.emit(reason)
        else:
            self._due[reason] = loop.call_later(wait, self.emit, reason)

    def emit(self, reason: str) -> None:
        due = self._due.pop(reason, None)
        if due is not None:
            due.cancel()
        sources = self._sources.pop(reason, None)
        now = time.monotonic()
        self._last[reason] = now
        if not sources:
            return
        top, top_count = sources.most_common(1)[0]
        summary = Summary(
            reason=reason,
            closed=sum(sources.values()),
            refused=self._refused.pop(reason, 0),
            addresses=len(sources),
            top_address=top,
            top_count=top_count,
            window_s=now - self._since.pop(reason, now),
        )
        log.warning(
            "security event: closed %d connection(s) for %s (%s) in %.0f s, from %d address(es), most from %s (%d)%s",
            summary.closed,
            reason,
            self.describe.get(reason, reason),
            summary.window_s,
            summary.addresses,
            summary.top_address,
            summary.top_count,
            f"; {summary.refused} of them refused on arrival" if summary.refused else "",
        )
        if self.on_summary is not None:
            self.on_summary(summary)

    def flush(self) -> None:
        """Report whatever is still counted (the server is stopping)."""
        for reason in list(self._sources):
            self.emit(reason)
