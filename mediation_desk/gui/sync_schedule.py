"""When the window's sync rounds come: the interval chosen on the 同步 page (kept in window.ini),
the first round after start-up, and the next round after one ended."""

from __future__ import annotations

from mediation_desk.gui.settings import DeskSettings, Setting

DEFAULT_INTERVAL_S = 5 * 60
INTERVAL_MINUTES_RANGE = (1, 120)
SYNC_INTERVAL_MINUTES = Setting(
    "sync/interval_minutes",
    DEFAULT_INTERVAL_S // 60,
    int,
    lambda v: INTERVAL_MINUTES_RANGE[0] <= v <= INTERVAL_MINUTES_RANGE[1],
)
FIRST_ROUND_AFTER_S = 10.0  # after start-up, once the window has settled


def interval_from_settings(settings: DeskSettings) -> float:
    """Seconds between automatic rounds, as chosen on the 同步 page (window.ini)."""
    return settings.get(SYNC_INTERVAL_MINUTES) * 60.0


def checked_interval(seconds: float) -> float:
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or not seconds > 0:
        raise ValueError("the sync interval is a positive number of seconds")
    return float(seconds)


def next_round_after(interval_s: float, *, locked: bool, retry_after_s: int | None) -> float:
    """Seconds until the next automatic round once one has ended."""
    if locked:  # stopped by a lock: the next round holds the case files back and does the rest
        return min(FIRST_ROUND_AFTER_S, interval_s)
    # The district asked this desk to slow down: the next round comes no sooner than it said.
    return max(interval_s, float(retry_after_s or 0))
