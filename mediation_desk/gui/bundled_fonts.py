"""The CJK fonts that ship with the desk, made known to Qt.

A service-centre PC with a Chinese Windows has its own CJK fonts, but a fresh Linux desk (or a
screenshot machine) may have none: there every Chinese character would be a box. The fonts the
documents embed (`mediation_desk/resources/fonts/`) are registered with Qt at start-up and named
as the application font's fallbacks, so the system's own font keeps its place where it exists."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from mediation_desk.paths import resource

log = logging.getLogger(__name__)

FONT_FILES = ("wqy-microhei.ttc", "desk-rare-han.ttf", "desk-han-sip.ttf", "desk-han-babelstone.ttf")


def register_bundled_fonts() -> list[str]:
    """Register the bundled fonts with Qt; returns their family names (body font first)."""
    families: list[str] = []
    for name in FONT_FILES:
        path = resource("fonts", name)
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("bundled font %s could not be loaded", name)
            continue
        families.extend(f for f in QFontDatabase.applicationFontFamilies(font_id) if f not in families)
    return families


def use_bundled_fallbacks(app: QApplication) -> None:
    """The application font: the system's own first, then the bundled CJK fonts."""
    families = register_bundled_fonts()
    if not families:
        return
    font = QFont(app.font())
    font.setFamilies([font.family(), *[f for f in families if f != font.family()]])
    app.setFont(font)
