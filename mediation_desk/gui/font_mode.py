"""大字模式（适老化） (elder mode) for mediators who read poorly without glasses: the size of all the
window's text, set at start-up and switched at once — from the settings page, the first-run wizard
or the login — for every widget already open.

Sizes are in pixels, so that what fits a 1366×768 screen at one desk fits it at every desk: body
text is 14 px by default (the platforms' usual 9 pt is 12 px, too small for most of the users)
and 18 px in elder mode. A widget that reads larger than the body (the navigation, the lists,
a verification's answer) says by how much (`large_text.enlarge`), never in absolute sizes: its
size follows the mode. Whatever depends on the size of text (column widths, row heights, charts)
is computed again when the mode changes (`large_text.follow_font`)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtGui import QFont, QFontInfo
from PySide6.QtWidgets import QApplication, QCheckBox, QWidget

from mediation_desk.gui.settings import LARGE_FONT, DeskSettings

NORMAL_PIXELS = 14  # readable by default
LARGE_PIXELS = 18  # elder mode: base text 16–18 px
_BASE_FONT = "mediationDeskBaseFont"  # application property: the font before any sizing (its family)
_LARGE = "mediationDeskLargeFont"  # application property: elder mode is on
SCALE_PROPERTY = "mediationDeskFontScale"  # widget property: its text is this many times the body's


class FontModeNotifier(QObject):
    """One per application: `changed(large)` after every widget has its new font."""

    changed = Signal(bool)


def application() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app


def notifier(app: QApplication | None = None) -> FontModeNotifier:
    app = app or application()
    found = app.findChild(FontModeNotifier)
    return found if found is not None else FontModeNotifier(app)


def base_font(app: QApplication) -> QFont:
    """The application's font as it was before any sizing: its family and fallbacks stay."""
    stored = app.property(_BASE_FONT)
    font = QFont()
    if isinstance(stored, str) and font.fromString(stored):
        return font
    font = QFont(app.font())
    app.setProperty(_BASE_FONT, font.toString())
    return font


def is_large(app: QApplication | None = None) -> bool:
    return bool((app or application()).property(_LARGE))


def body_pixels(large: bool, base: QFont | None = None) -> int:
    """The body text's size in a mode; a platform font larger than the default is kept."""
    own = QFontInfo(base).pixelSize() if base is not None else 0
    normal = max(NORMAL_PIXELS, own)
    return max(LARGE_PIXELS, round(normal * 1.25)) if large else normal


def sized_font(font: QFont, factor: float = 1.0, app: QApplication | None = None) -> QFont:
    """`font` at `factor` times the body text of the current mode."""
    app = app or application()
    sized = QFont(font)
    sized.setPixelSize(round(QFontInfo(app.font()).pixelSize() * factor))
    return sized


def apply_font_mode(app: QApplication, large: bool) -> None:
    """Elder mode on or off, for every widget at once (also those with a size of their own)."""
    base = base_font(app)
    font = QFont(base)
    font.setPixelSize(body_pixels(large, base))
    app.setProperty(_LARGE, large)
    app.setFont(font)
    # Qt tells the widgets by posted events: at once, so that what is measured next is new.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.ApplicationFontChange)
    for widget in app.allWidgets():
        factor = widget.property(SCALE_PROPERTY)
        if isinstance(factor, float):
            widget.setFont(sized_font(widget.font(), factor, app))
    notifier(app).changed.emit(large)


class ElderModeCheck(QCheckBox):
    """「大字模式（适老化）」: checked, the whole window's text is larger at once; remembered in the
    window's settings when they are given (otherwise by whoever reads `isChecked()`)."""

    def __init__(self, settings: DeskSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("ElderModeCheck", "大字模式（适老化）(&E)"), parent)
        self.settings = settings
        self.setToolTip(QCoreApplication.translate("ElderModeCheck", "字更大，按钮更大，立即生效"))
        self.setChecked(is_large())
        self.toggled.connect(self._apply)
        notifier().changed.connect(self._follow)

    def _apply(self, large: bool) -> None:
        if large != is_large():
            apply_font_mode(application(), large)
        if self.settings is not None:
            self.settings.set(LARGE_FONT, large)

    def _follow(self, large: bool) -> None:
        """The mode was changed elsewhere (the settings page): the box says so."""
        if self.isChecked() != large:
            self.blockSignals(True)
            self.setChecked(large)
            self.blockSignals(False)
