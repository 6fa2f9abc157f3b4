"""Text that can be read: at least 4.5:1 against its background (WCAG 2 AA), also for the grey
texts platforms draw faintly — a field's placeholder, a disabled field's text, an empty list's
"nothing here" line (a disabled item). The platform's palette (light or dark) is kept; only those
greys are moved towards the text colour until they are readable."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

MIN_CONTRAST = 4.5
_SAFETY = 0.2  # a little above the limit: antialiasing makes thin strokes look lighter

Role, Group = QPalette.ColorRole, QPalette.ColorGroup
# (the faint text, the backgrounds it is drawn on, the text colour it moves towards)
FAINT_TEXTS = (
    (Role.PlaceholderText, (Role.Base, Role.AlternateBase), Role.Text),
    (Role.Text, (Role.Base, Role.AlternateBase), Role.Text),
    (Role.WindowText, (Role.Window,), Role.WindowText),
    (Role.ButtonText, (Role.Button, Role.Window), Role.ButtonText),
)


def luminance(colour: QColor) -> float:
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF())


def contrast(one: QColor, other: QColor) -> float:
    """The WCAG contrast ratio of two opaque colours, 1 to 21."""
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _opaque(colour: QColor, background: QColor) -> QColor:
    """A translucent colour as drawn over `background`."""
    alpha = colour.alphaF()
    mix = [alpha * c + (1 - alpha) * b for c, b in zip(_rgb(colour), _rgb(background), strict=True)]
    return QColor.fromRgbF(*mix)


def _rgb(colour: QColor) -> tuple[float, float, float]:
    return colour.redF(), colour.greenF(), colour.blueF()


def readable(colour: QColor, backgrounds: list[QColor], towards: QColor) -> QColor:
    """`colour`, or the first colour on the way to `towards` that reaches the contrast needed on
    every background."""
    needed = MIN_CONTRAST + _SAFETY
    for step in range(21):
        share = step / 20
        base = _opaque(colour, backgrounds[0])
        candidate = QColor.fromRgbF(*[b + (t - b) * share for b, t in zip(_rgb(base), _rgb(towards), strict=True)])
        if all(contrast(candidate, background) >= needed for background in backgrounds):
            return colour if step == 0 else candidate
    return towards


def readable_palette(palette: QPalette) -> QPalette:
    """The palette with its placeholder and disabled texts readable."""
    result = QPalette(palette)
    for role, backgrounds, towards in FAINT_TEXTS:
        groups = (Group.Disabled,) if role != Role.PlaceholderText else (Group.Active, Group.Inactive, Group.Disabled)
        for group in groups:
            grounds = [palette.color(group, ground) for ground in backgrounds]
            result.setColor(
                group, role, readable(palette.color(group, role), grounds, palette.color(Group.Active, towards))
            )
    return result


def use_readable_palette(app: QApplication) -> None:
    app.setPalette(readable_palette(app.palette()))
