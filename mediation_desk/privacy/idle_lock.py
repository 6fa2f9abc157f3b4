"""Auto-lock on idle: a desk left alone for a while forgets its data key.

The window calls `touch()` on every key press and mouse click (an event filter) and `check()`
from a timer; when the desk has been idle longer than the timeout, `check()` locks it
(`desk.lock()` wipes the key) and the window asks for a login, which unlocks it again
(`accounts.authenticate`). Without the key, personal data can be neither read nor written.
No Qt here: the clock is injected, so the rule is tested without a window."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import Any

DEFAULT_TIMEOUT = 10 * 60  # seconds


class IdleLock:
    def __init__(
        self, desk: Any, timeout_seconds: float = DEFAULT_TIMEOUT, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.desk = desk
        self._clock = clock
        self.timeout_seconds = timeout_seconds  # validated by the setter
        self._last = clock()
        self._seen = desk.vault  # the key in use when activity was last counted

    @property
    def timeout_seconds(self) -> float:
        return self._timeout

    @timeout_seconds.setter
    def timeout_seconds(self, value: float) -> None:
        """A new timeout (from the settings page) applies at once; 0 disables the lock."""
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0 or math.isnan(value):
            raise ValueError("the idle timeout is a number of seconds, 0 or more")
        self._timeout = float(value)

    @property
    def enabled(self) -> bool:
        return self._timeout > 0

    def touch(self) -> None:
        """The user did something: the idle time starts again."""
        self._last = self._clock()
        self._seen = self.desk.vault

    def _follow_unlock(self, now: float) -> None:
        # Unlocked since we last looked (a login after a lock, or the first login): the idle
        # time counts from then, or the desk would lock again the moment someone logs in.
        vault = self.desk.vault
        if vault is not None and vault is not self._seen:
            self._last = now
        self._seen = vault

    def remaining(self) -> float:
        """Seconds until the lock (inf when disabled, 0 when the desk is locked)."""
        if not self.enabled:
            return math.inf
        now = self._clock()
        self._follow_unlock(now)
        if self.desk.vault is None:
            return 0.0
        return max(0.0, self._timeout - (now - self._last))

    def check(self) -> bool:
        """Lock the desk if it has been idle longer than the timeout; True when it locked now."""
        if not self.enabled:
            return False
        now = self._clock()
        self._follow_unlock(now)
        if self.desk.vault is None:  # already locked (or never unlocked): nothing to do
            return False
        if now - self._last <= self._timeout:
            return False
        self.desk.lock()
        self._seen = None
        return True
