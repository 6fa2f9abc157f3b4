"""Which record a row of a `QTableWidget` stands for: its id rides on one cell of the row (under
`KEY_ROLE`), so that a row is found again after the list is read anew or sorted."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget

KEY_ROLE = Qt.ItemDataRole.UserRole


def key_at(table: QTableWidget, row: int, column: int = 0) -> str | None:
    item = table.item(row, column)
    return item.data(KEY_ROLE) if item is not None else None


def selected_key(table: QTableWidget, column: int = 0) -> str | None:
    rows = table.selectionModel().selectedRows()
    return key_at(table, rows[0].row(), column) if rows else None


def select_key(table: QTableWidget, key: str | None, column: int = 0) -> bool:
    """Select the row of `key` (True), or nothing when it is not listed (False)."""
    for row in range(table.rowCount()):
        if key and key_at(table, row, column) == key:
            table.selectRow(row)
            return True
    table.clearSelection()
    return False
