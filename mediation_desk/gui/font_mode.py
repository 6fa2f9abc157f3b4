"""大字模式 (large-font mode) for mediators who read poorly without glasses: the whole window's
font, set at start-up and switched live from the settings page.

The application's own font is remembered the first time, so switching on and off any number of
times always comes back to it (scaling the current font would grow or shrink a little more on
each switch)."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

LARGE_FONT_FACTOR = 1.35
LARGE_FONT_MIN_POINTS = 14.0  # clearly larger than any platform's usual 9–11 pt
_BASE_FONT = "mediationDeskBaseFont"  # application property: the font before any enlarging


def base_font(app: QApplication) -> QFont:
    stored = app.property(_BASE_FONT)
    font = QFont()
    if isinstance(stored, str) and font.fromString(stored):
        return font
    font = QFont(app.font())
    app.setProperty(_BASE_FONT, font.toString())
    return font


def large_font(base: QFont) -> QFont:
    font = QFont(base)
    if base.pointSizeF() > 0:
        font.setPointSizeF(max(base.pointSizeF() * LARGE_FONT_FACTOR, LARGE_FONT_MIN_POINTS))
    else:  # a font sized in pixels
        font.setPixelSize(round(base.pixelSize() * LARGE_FONT_FACTOR))
    return font


def apply_font_mode(app: QApplication, large: bool) -> None:
    """Large or normal application font; widgets that have no font of their own follow at once."""
    base = base_font(app)
    app.setFont(large_font(base) if large else base)
