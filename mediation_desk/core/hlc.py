"""Hybrid logical clock (HLC), pure functions.

Village PC clocks are often wrong by minutes or years. Ordering concurrent edits by wall time
alone would let a desk with a fast clock win every conflict forever; an HLC never goes backwards,
follows the largest time it has seen, and breaks ties by a counter and the node id.

Encoded as a fixed-width string so that string order is time order (SQL `ORDER BY` works):
``"0001764336000123-0000-<node>"``.
"""

from __future__ import annotations

from dataclasses import dataclass

_WALL_DIGITS = 16
_COUNTER_DIGITS = 4
MAX_COUNTER = 10**_COUNTER_DIGITS - 1


@dataclass(frozen=True, order=True)
class Timestamp:
    wall_ms: int
    counter: int
    node: str

    def encode(self) -> str:
        return f"{self.wall_ms:0{_WALL_DIGITS}d}-{self.counter:0{_COUNTER_DIGITS}d}-{self.node}"

    @classmethod
    def decode(cls, text: str) -> Timestamp:
        wall, counter, node = text.split("-", 2)
        if len(wall) != _WALL_DIGITS or len(counter) != _COUNTER_DIGITS or not node:
            raise ValueError(f"not an HLC timestamp: {text!r}")
        return cls(int(wall), int(counter), node)


ZERO = Timestamp(0, 0, "0")


def tick(last: Timestamp, now_ms: int, node: str) -> Timestamp:
    """Timestamp for a local event: after `last`, and at least the wall clock."""
    if now_ms > last.wall_ms:
        return Timestamp(now_ms, 0, node)
    return _bump(last.wall_ms, last.counter, node)


def receive(last: Timestamp, remote: Timestamp, now_ms: int, node: str) -> Timestamp:
    """Timestamp after seeing `remote`: later than both `last` and `remote`."""
    wall = max(last.wall_ms, remote.wall_ms, now_ms)
    if wall == last.wall_ms == remote.wall_ms:
        return _bump(wall, max(last.counter, remote.counter), node)
    if wall == last.wall_ms:
        return _bump(wall, last.counter, node)
    if wall == remote.wall_ms:
        return _bump(wall, remote.counter, node)
    return Timestamp(wall, 0, node)


def _bump(wall: int, counter: int, node: str) -> Timestamp:
    # A counter overflow means >10k events in one millisecond at a stuck clock: borrow a ms.
    if counter >= MAX_COUNTER:
        return Timestamp(wall + 1, 0, node)
    return Timestamp(wall, counter + 1, node)
