"""Work typed but not saved is never dropped without asking.

An editor — the intake form, the settings, a dialog with a form — says what would be lost
(`unsaved_work()`: its name in words, or None), can save it (`save_work(then)`: `then()` runs
once the service has accepted it, never when it is refused — the editor shows why and stays)
and can drop it (`discard_work()`). Before the window quits, locks or changes page, `settle`
asks about each editor with unsaved work, shown first: save, discard, or stay.

`EditorDialog` is the dialog side: it remembers its form as it was opened and asks too when
closed with Escape or its title bar's ×. The Cancel button is an explicit "drop it" and
closes without asking."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import Enum
from typing import Any, Protocol, runtime_checkable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QStackedWidget,
    QTableWidget,
    QTabWidget,
    QTextEdit,
    QTreeWidget,
    QWidget,
)

Then = Callable[[], object]  # what to do next; its result is not used


class Choice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    STAY = "stay"


@runtime_checkable
class Editor(Protocol):
    def unsaved_work(self) -> str | None:
        """What would be lost, named for the user ("受理登记"), or None when nothing would."""

    def save_work(self, then: Then) -> None:
        """Save as the editor's own save button does; `then()` once saved (not when refused)."""

    def discard_work(self) -> None:
        """Drop what was typed: the editor as it was before."""


def _button_name(text: str) -> str:
    # Qt's own name of a standard button, as the message box shows it in this language.
    return QCoreApplication.translate("QPlatformTheme", text).replace("&", "")


def ask(parent: QWidget, what: str, doing: str) -> Choice:
    """Save, discard or stay? `doing` is what would happen next ("退出", "锁定", "离开此页")."""
    text = QCoreApplication.translate(
        "UnsavedWork",
        "「{what}」还没有保存。要先保存，再{doing}吗？\n\n{discard}：不保存，填写的内容将丢失；\n{cancel}：留在这里继续填写。",
    )
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("UnsavedWork", "尚未保存"),
        text.format(what=what, doing=doing, discard=_button_name("Discard"), cancel=_button_name("Cancel")),
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Save,
    )
    if answer == QMessageBox.StandardButton.Save:
        return Choice.SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return Choice.DISCARD
    return Choice.STAY  # Cancel, Escape, or the box closed: nothing is lost by staying


def settle(parent: QWidget, editors: Iterable[Editor], doing: str, then: Then) -> bool:
    """True when nothing stands in the way: go on now. False when not now: the user stays (and
    sees the editor), or saving started — `then()` runs once it is saved, to go on."""
    for editor in editors:
        what = editor.unsaved_work()
        if what is None:
            continue
        if isinstance(editor, QWidget):
            reveal(editor)
        choice = ask(parent, what, doing)
        if choice is Choice.STAY:
            return False
        if choice is Choice.DISCARD:
            editor.discard_work()
            continue
        editor.save_work(then)  # `then` comes back here: the other editors are asked in turn
        return False
    return True


def editors_in(root: QWidget) -> list[Editor]:
    """The editors in `root` (itself included); open dialogs first: they are in front."""
    found = [w for w in (root, *root.findChildren(QWidget)) if isinstance(w, Editor)]
    return sorted(found, key=lambda w: not (isinstance(w, QDialog) and w.isVisible()))


def reveal(widget: QWidget) -> None:
    """Bring an editor into view: the page of every stack or tab it sits in; a dialog raised."""
    child, parent = widget, widget.parentWidget()
    while parent is not None:
        holder = parent.parentWidget()
        if isinstance(parent, QStackedWidget) and isinstance(holder, QTabWidget):
            holder.setCurrentWidget(child)
        elif isinstance(parent, QStackedWidget):
            parent.setCurrentWidget(child)
        child, parent = parent, holder
    if isinstance(widget, QDialog):
        widget.raise_()
        widget.activateWindow()


def form_state(root: QWidget) -> list[Any]:
    """What the inputs of a form hold now, to compare with what they held before."""
    state: list[Any] = []
    for w in root.findChildren(QWidget):
        if isinstance(w, QLineEdit):
            state.append(w.text())
        elif isinstance(w, (QPlainTextEdit, QTextEdit)):
            state.append(w.toPlainText())
        elif isinstance(w, QComboBox):
            state.append((w.currentIndex(), w.currentText()))
        elif isinstance(w, QAbstractSpinBox):
            state.append(w.text())
        elif isinstance(w, QAbstractButton) and w.isCheckable():
            state.append(w.isChecked())
        elif isinstance(w, QTableWidget):
            cells = (w.item(r, c) for r in range(w.rowCount()) for c in range(w.columnCount()))
            state.append([cell.text() if cell is not None else None for cell in cells])
        elif isinstance(w, QListWidget):
            state.append([w.item(i).checkState() for i in range(w.count())])
        elif isinstance(w, QTreeWidget):
            items = (w.topLevelItem(i) for i in range(w.topLevelItemCount()))
            state.append([item.checkState(c) for item in items if item is not None for c in range(w.columnCount())])
    return state


class EditorDialog(QDialog):
    """A dialog whose form is work: `remember_form()` once it is filled as opened (done at the
    first show; call it again when the form is filled later, from a read); the subclass saves
    with `save_work`."""

    _opened_as: list[Any] | None = None

    def remember_form(self) -> None:
        self._opened_as = form_state(self)

    def unsaved_work(self) -> str | None:
        if not self.isVisible() or self._opened_as is None or form_state(self) == self._opened_as:
            return None
        return self.windowTitle()

    def save_work(self, then: Then) -> None:
        raise NotImplementedError

    def discard_work(self) -> None:
        super().reject()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._opened_as is None:
            self.remember_form()

    def _may_close(self) -> bool:
        """Closing by Escape or ×: asked first when something was typed."""
        what = self.unsaved_work()
        if what is None:
            return True
        choice = ask(self, what, QCoreApplication.translate("UnsavedWork", "关闭"))
        if choice is Choice.SAVE:
            self.save_work(lambda: None)  # the dialog closes itself once saved
        return choice is Choice.DISCARD

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            if self._may_close():
                super().reject()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_close():
            event.ignore()
            return
        super().closeEvent(event)
