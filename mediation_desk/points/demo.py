"""(being written) demo."""

from __future__ import annotations

from typing import Any

from mediation_desk.core.demo import DemoContext
from mediation_desk.desk import Desk


class PointsDemo:
    name = "points"

    def has_data(self, desk: Desk) -> int:
        return 0

    def fill(self, context: DemoContext, *, size: int) -> dict[str, Any]:
        return {}
