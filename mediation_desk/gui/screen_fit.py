"""What keeps the window and its dialogs on a small screen (1366×768, the usual village PC, with
a taskbar and title bars): a page whose content may be taller than the screen scrolls inside its
place while the window's status bar stays; a dialog never opens larger than the screen's
available area; a long text on the status bar is shortened rather than widening the window."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QLabel,
    QLayout,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

# A title bar and the window's frame are outside a widget's own size; before the window is shown
# their size is unknown: this much is kept free for them.
FRAME_ALLOWANCE = QSize(16, 48)
PAGE_FRAME = "pageFrame"  # the object name of the scroll area `scroll_contents` puts a page in


ROOMY_SCREEN = (1500, 950)  # on a smaller screen the window starts maximized
FIRST_SIZE = (1366, 860)


def restore_window_geometry(window: QWidget, saved: bytes) -> None:
    """Where and how large the window was when last closed (`saved`: QWidget.saveGeometry());
    the first time: maximized on a small screen, otherwise a comfortable size inside the screen."""
    if saved and window.restoreGeometry(saved):
        return
    area = available_area(window)
    if area.width() < ROOMY_SCREEN[0] or area.height() < ROOMY_SCREEN[1]:
        # all of the screen, also where nothing maximizes windows (no window manager)
        window.setGeometry(area.adjusted(0, 0, -FRAME_ALLOWANCE.width(), -FRAME_ALLOWANCE.height()))
        window.setWindowState(Qt.WindowState.WindowMaximized)
    else:
        window.resize(*FIRST_SIZE)


def available_area(widget: QWidget | None = None) -> QRect:
    """The part of the widget's screen (or the primary one) that windows may use."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


class PageFrame(QScrollArea):
    """The scroll area a page's content is in: the content is given the room the window has, but
    never less than its minimum size (where it then scrolls). QScrollArea's own resizing would
    ask for the content's preferred height as soon as a label wraps its words, making pages
    scroll that fit."""

    def __init__(self, page: QWidget, contents: QWidget) -> None:
        super().__init__(page)
        self.setObjectName(PAGE_FRAME)
        self.setWidgetResizable(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no extra Tab stop: the page's own fields have it
        self.setWidget(contents)

    def fit(self) -> None:
        contents = self.widget()
        if contents is None:
            return
        room, least = self.maximumViewportSize(), contents.minimumSizeHint()
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        width, height = room.width(), room.height()
        if least.height() > height:
            width -= bar  # the vertical scroll bar takes its room
        if least.width() > width:
            height -= bar
        contents.resize(max(width, least.width()), max(height, least.height()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        handled = super().eventFilter(watched, event)
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.fit()  # the content's minimum size may have changed
        return handled


def scroll_contents(page: QWidget) -> QScrollArea:
    """Put what `page` shows into a scroll area filling the page: while the page fits, nothing
    changes; where it would be taller (or wider) than the room the window has, it scrolls
    instead of making the window larger than the screen. The page object and its widgets stay
    the same (the page's layout moves, with its widgets, into the scroll area)."""
    contents = QWidget()
    contents.setObjectName("pageContents")
    layout = page.layout()
    if layout is not None:
        contents.setLayout(layout)  # takes the layout, and the widgets in it, from the page
    area = PageFrame(page, contents)
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(area)
    return area


def scroll_layout(dialog: QWidget, part: QLayout) -> QScrollArea:
    """Put `part` of the dialog's own (box) layout — its fields, say — into a scroll area in its
    place, so that the buttons below stay in reach when the dialog is shorter than its fields."""
    outer = dialog.layout()
    assert isinstance(outer, QBoxLayout)
    position = outer.indexOf(part)
    outer.removeItem(part)
    contents = QWidget()
    contents.setLayout(part)  # the fields move with it
    area = QScrollArea(dialog)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(contents)
    outer.insertWidget(position, area, 1)
    return area


def limit_to_screen(window: QWidget) -> None:
    """A window or dialog no larger than the available area of its screen (with its frame), and
    placed inside it. Its layout must allow the size: forms scroll, buttons stay outside."""
    area = available_area(window)
    width = min(window.width(), area.width() - FRAME_ALLOWANCE.width())
    height = min(window.height(), area.height() - FRAME_ALLOWANCE.height())
    if (width, height) != (window.width(), window.height()):
        window.resize(max(width, window.minimumWidth()), max(height, window.minimumHeight()))


class ElidedLabel(QLabel):
    """A one-line label that may be narrower than its text: drawn shortened with "…" in the middle
    (its `text()` stays whole, and is its tooltip)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setToolTip(text)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance("……") * 3, super().minimumSizeHint().height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        rect = self.contentsRect()
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideMiddle, rect.width())
        painter = QPainter(self)
        self.style().drawItemText(
            painter, rect, int(self.alignment()), self.palette(), self.isEnabled(), text, self.foregroundRole()
        )
