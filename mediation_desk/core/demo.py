"""演示数据 hooks: what a capability gets to fill a new desk with demo data, and what it gives back.

Administration sets the committee and the staff up (`administration/demo.py`), then hands each
registered filler this context; a filler builds its records through its own services, so the audit
chain and the outbox look as they would after months of real use."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from mediation_desk.core.uow import Actor

if TYPE_CHECKING:
    from mediation_desk.desk import Desk

# (username, display name, role, linked mediator id) -> the operator, logged in as the demo does.
MakeOperator = Callable[[str, str, str, "str | None"], Actor]


@dataclass(frozen=True)
class DemoContext:
    desk: Desk
    admin: Actor  # the committee's 主任
    clerk: Actor  # the 记录员
    rng: random.Random  # one seeded generator for every filler, in registration order
    today: dt.date
    make_operator: MakeOperator  # for a filler whose records stand behind an account


class DemoFiller(Protocol):
    name: str

    def has_data(self, desk: Desk) -> int:
        """How many records of this capability the desk holds (a demo fills only an empty desk)."""
        ...

    def fill(self, context: DemoContext, *, size: int) -> dict[str, Any]:
        """Fill the desk; the summary's entries (no personal data) are merged into the demo's."""
        ...
