"""Unit of work: one transaction per user action, with its audit record and outbox ops.

Services open one with `desk.write(actor)`; everything they change, the audit record and the
outbox operations commit together or not at all."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from mediation_desk.core import audit, hlc
from mediation_desk.core.models import OutboxOp
from mediation_desk.storage.base import new_id, utcnow
from mediation_desk.storage.state import DeskState

HLC_KEY = "hlc_last"
# The desk's calendar is Beijing time (as are the monthly report's months and typed session
# times): "today" must not be the UTC date, which lags by a day from 00:00 to 08:00.
CHINA = dt.timezone(dt.timedelta(hours=8))


# Set only while the demo builds its months of history (see `acting_at`).
_ACTING_AT: ContextVar[dt.datetime | None] = ContextVar("acting_at", default=None)


@contextmanager
def acting_at(instant: dt.datetime) -> Iterator[None]:
    """Units of work opened inside act at `instant` (timezone-aware) instead of now. Only the demo
    uses it: it builds months of history through the services, each step on the day it would
    have been typed in, so that the history and the monthly statistics read as real use."""
    token = _ACTING_AT.set(instant.astimezone(dt.UTC))
    try:
        yield
    finally:
        _ACTING_AT.reset(token)


def acting_now() -> dt.datetime:
    """The instant a unit of work opened now would act at (`acting_at`'s, else this instant): what
    a read that judges by the clock (a code's colour, a deadline passed) must use too."""
    return _ACTING_AT.get() or utcnow()


def china_today(now: dt.datetime | None = None) -> dt.date:
    """The calendar date in Beijing at `now` (default: this instant)."""
    return (now or utcnow()).astimezone(CHINA).date()


@dataclass(frozen=True)
class Actor:
    """Who acts: an operator (or the command line run by one). Never holds a password."""

    username: str
    role: str  # admin | mediator | clerk | system
    operator_id: str | None = None
    display_name: str | None = None
    mediator_id: str | None = None

    @property
    def label(self) -> str:
        return self.display_name or self.username


SYSTEM = Actor(username="system", role="system")


class UnitOfWork:
    def __init__(self, session: Session, actor: Actor, node: str) -> None:
        self.session = session
        self.actor = actor
        self._node = node
        self._clock: hlc.Timestamp | None = None
        self.now: dt.datetime = acting_now()  # one instant for the whole action

    @property
    def today(self) -> dt.date:
        """The Beijing date of this action (for reached/signed/closed dates and "not in the future")."""
        return china_today(self.now)

    def tick(self) -> str:
        """Next HLC timestamp; the last one is stored when the unit of work commits."""
        if self._clock is None:
            # No autoflush: a half-built row added just before must not be flushed by this read.
            with self.session.no_autoflush:
                row = self.session.get(DeskState, HLC_KEY)
            self._clock = hlc.Timestamp.decode(row.value) if row else hlc.ZERO
        self._clock = hlc.tick(self._clock, int(time.time() * 1000), self._node)
        return self._clock.encode()

    def follow_wall_clock(self) -> None:
        """Stamp by the wall clock again from here on. An HLC never goes back by itself, so a desk
        whose clock once ran fast would stay ahead of the district for good; after the district has
        refused such ops (and the clock was set right), their resending starts from the present."""
        self._clock = hlc.Timestamp(int(time.time() * 1000) - 1, 0, self._node)

    def audit(self, action: str, entity: str, entity_id: str | None, **detail: Any) -> None:
        audit.append(
            self.session,
            at=self.now,
            hlc=self.tick(),
            actor_id=self.actor.operator_id,
            actor_name=self.actor.username,
            action=action,
            entity=entity,
            entity_id=entity_id,
            detail=detail,
            record_id=new_id(),
        )

    def outbox(self, entity: str, entity_id: str, kind: str, payload: dict[str, Any]) -> str:
        op = OutboxOp(
            op_id=new_id(),
            hlc=self.tick(),
            entity=entity,
            entity_id=entity_id,
            kind=kind,
            payload=_jsonable(payload),
            created_at=self.now,
        )
        self.session.add(op)
        return op.op_id

    def save_clock(self) -> None:
        if self._clock is not None:
            self.session.merge(DeskState(key=HLC_KEY, value=self._clock.encode()))


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value
