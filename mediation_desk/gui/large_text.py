"""Text a little larger than the window's font, for what elderly mediators read most (the result of
a verification, the list of documents, the page number). Relative to the font in use when the
widget is made, so 大字模式 enlarges it too."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def enlarge(factor: float, *widgets: QWidget) -> None:
    for widget in widgets:
        font = widget.font()
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * factor)
        else:  # a font sized in pixels
            font.setPixelSize(round(font.pixelSize() * factor))
        widget.setFont(font)
