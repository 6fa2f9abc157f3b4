"""The desk's window (Qt). The only package that imports PySide6.

`why_no_window()` is safe to call without Qt installed: the command line asks it whether the
window can open before importing anything from Qt."""

from __future__ import annotations

import os
import sys

NO_GUI_ENV = "MEDIATION_DESK_NO_GUI"


def why_no_window(load_qt: bool = True) -> str | None:
    """None when the window can open, else the reason (Chinese, then English) it cannot.
    `load_qt=False`: without trying PySide6 (the system libraries are checked first)."""
    if os.environ.get(NO_GUI_ENV):
        return f"已设置环境变量 {NO_GUI_ENV} / {NO_GUI_ENV} is set"
    on_x11_like = sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd"))
    has_display = any(os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))
    if on_x11_like and not has_display:
        return "没有图形显示环境 / no display is available"
    if not load_qt:
        return None
    try:
        import PySide6.QtWidgets  # noqa: F401  (a missing system library shows up here)
    except (ImportError, OSError) as exc:
        return f"无法加载 PySide6 / PySide6 cannot be loaded: {exc}"
    return None
