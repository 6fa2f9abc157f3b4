"""What the 一单一码 tabs share: a code shown as its word beside a swatch of its colour (never the
colour alone — a clerk who cannot tell red from green reads 红码), the reasons in words, and a
refusal from the services said in the clerk's words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QPixmap
from PySide6.QtWidgets import QComboBox, QLabel, QTableWidget, QTableWidgetItem

from mediation_desk.errors import DeskError, ValidationError
from mediation_desk.gui.pages.points_residents import cell
from mediation_desk.sitecode import rules
from mediation_desk.sitecode.dto import CodeView

# The swatch filled beside a code's word: a fill, never the colour of text (the word is drawn in
# TEXT_ON, dark enough to read on the window's and a list's background).
SWATCH = {
    rules.GREEN: QColor.fromRgb(0x2E, 0x7D, 0x32),
    rules.YELLOW: QColor.fromRgb(0xF2, 0xB7, 0x05),
    rules.RED: QColor.fromRgb(0xC6, 0x28, 0x28),
}
TEXT_ON = {rules.GREEN: "#1b5e20", rules.YELLOW: "#7a5a00", rules.RED: "#b00020"}
CALM_STYLE = "color: #7a4b00;"
ALARM_STYLE = "color: #b00020; font-weight: bold;"
DIM = QColor("#666666")
TABLE_FONT_FACTOR = 1.15  # lists read by elderly clerks: a size above the window's own


# The rule module's own words (a test keeps them equal), repeated for lupdate to collect.
CONTEXT = "SitecodeLabels"
LABELS = {
    "colour": {
        rules.GREEN: QT_TRANSLATE_NOOP("SitecodeLabels", "绿码"),
        rules.YELLOW: QT_TRANSLATE_NOOP("SitecodeLabels", "黄码"),
        rules.RED: QT_TRANSLATE_NOOP("SitecodeLabels", "红码"),
    },
    "result": {
        rules.OK: QT_TRANSLATE_NOOP("SitecodeLabels", "合格"),
        rules.FOUND: QT_TRANSLATE_NOOP("SitecodeLabels", "有隐患"),
        rules.NOT_APPLICABLE: QT_TRANSLATE_NOOP("SitecodeLabels", "不适用"),
    },
    "hazard": {
        rules.OPEN: QT_TRANSLATE_NOOP("SitecodeLabels", "待整改"),
        rules.RECTIFIED: QT_TRANSLATE_NOOP("SitecodeLabels", "已整改"),
    },
    "task_kind": {
        rules.COVERT: QT_TRANSLATE_NOOP("SitecodeLabels", "暗访检查"),
        rules.JOINT: QT_TRANSLATE_NOOP("SitecodeLabels", "联合执法"),
    },
    "task_status": {
        rules.TASK_OPEN: QT_TRANSLATE_NOOP("SitecodeLabels", "待办"),
        rules.TASK_DONE: QT_TRANSLATE_NOOP("SitecodeLabels", "已办结"),
    },
}


def label(kind: str, code: str) -> str:
    """The window's word for a rule's code (colour, result, hazard, task_kind, task_status)."""
    name = LABELS[kind].get(code)
    return QCoreApplication.translate(CONTEXT, str(name)) if name else code


def colour_word(colour: str) -> str:
    return label("colour", colour)


def swatch_pixmap(colour: str, side: int) -> QPixmap:
    pixmap = QPixmap(side, side)
    pixmap.fill(SWATCH.get(colour, DIM))
    return pixmap


def colour_item(colour: str) -> QTableWidgetItem:
    """A table cell: the swatch as its decoration, the word as its text."""
    item = QTableWidgetItem(colour_word(colour))
    item.setData(Qt.ItemDataRole.DecorationRole, SWATCH.get(colour, DIM))
    item.setForeground(QBrush(QColor(TEXT_ON.get(colour, "#000000"))))
    return item


def set_colour_cell(table: QTableWidget, row: int, column: int, colour: str) -> None:
    """Replace the plain cell `fill_table` made with the word and its swatch."""
    key = cell(table, row, 0).data(Qt.ItemDataRole.UserRole) if column == 0 else None
    item = colour_item(colour)
    table.setItem(row, column, item)
    if key is not None:
        item.setData(Qt.ItemDataRole.UserRole, key)


def show_code(word: QLabel, swatch: QLabel, code: CodeView | None, prefix: str = "") -> None:
    """A code as the swatch and the word beside it (both cleared for None)."""
    if code is None:
        word.clear()
        swatch.clear()
        return
    side = max(12, word.fontMetrics().height())
    swatch.setPixmap(swatch_pixmap(code.colour, side))
    word.setText(prefix + colour_word(code.colour))
    word.setStyleSheet(f"color: {TEXT_ON.get(code.colour, '#000000')}; font-weight: bold;")


def reasons_text(reasons: tuple[str, ...]) -> str:
    return "\n".join(f"· {r}" for r in reasons)


def fill_colour_filter(combo: QComboBox) -> None:
    combo.addItem(QCoreApplication.translate("SitecodeCommon", "全部码色"), None)
    for colour in (rules.RED, rules.YELLOW, rules.GREEN):
        combo.addItem(colour_word(colour), colour)
        combo.setItemData(combo.count() - 1, SWATCH[colour], Qt.ItemDataRole.DecorationRole)


def refill(combo: QComboBox, entries: Sequence[tuple[str, object]], first: tuple[str, object] | None = None) -> None:
    """New entries, keeping the one chosen when it is still there (no signal while filling)."""
    wanted = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for text, data in [*([first] if first else []), *entries]:
        combo.addItem(text, data)
    combo.setCurrentIndex(max(0, combo.findData(wanted)))
    combo.blockSignals(False)


def refusal_text(error: BaseException) -> str:
    """A service's refusal in words; anything that is not a desk's refusal is raised again."""
    if not isinstance(error, DeskError):
        raise error
    if isinstance(error, ValidationError):
        return "；".join(p.message for p in error.problems)
    return str(error)


def day_text(moment: object) -> str:
    """A date or a moment as the Beijing day it falls on."""
    if isinstance(moment, dt.datetime):
        return rules.beijing_day(moment).isoformat()
    if isinstance(moment, dt.date):
        return moment.isoformat()
    return ""
