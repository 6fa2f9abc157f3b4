"""The mouse wheel changes a combo box, date or number only once the user has chosen that input
(clicked it or tabbed to it): scrolling a page or form past a combo box must not quietly change
which household, item or month is picked."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QWidget

GUARDED = (QComboBox, QAbstractSpinBox)  # QAbstractSpinBox: spin boxes and date edits
GUARDED_MARK = "wheelGuarded"  # a dynamic property of each widget already watched


class WheelGuard(QObject):
    """Drops wheel events of the widgets it watches while they do not have the focus."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel and isinstance(watched, QWidget) and not watched.hasFocus():
            event.ignore()
            return True
        return super().eventFilter(watched, event)

    def watch(self, *widgets: QWidget) -> None:
        for widget in widgets:
            if widget.property(GUARDED_MARK):
                continue  # a form and its window may both guard it: one guard is enough
            widget.setProperty(GUARDED_MARK, True)
            # Only a click or the Tab key gives them the focus; a wheel passing over does not.
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            widget.installEventFilter(self)


def guard_wheel(root: QWidget, *widgets: QWidget) -> WheelGuard:
    """Guard `widgets`, or — when none are named — every combo box, spin box and date edit inside
    `root` at this moment. The guard lives as long as `root` (keep the result to guard more later)."""
    guard = WheelGuard(root)
    guard.watch(*(widgets or tuple(w for w in root.findChildren(QWidget) if isinstance(w, GUARDED))))
    return guard
