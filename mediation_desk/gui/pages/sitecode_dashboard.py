"""网格看板: the places of each grid (网格) by the colour of their code — each column headed by the
colour's word and swatch — with the hazards open and past their deadline and the tasks open, a
line of totals, and the village's conversion rate (转码率: of the places red or yellow in one
closed month, how many were green the next)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.gui.large_text import SUBHEADING, enlarge, size_table
from mediation_desk.gui.pages.sitecode_common import (
    CALM_STYLE,
    TABLE_FONT_FACTOR,
    colour_word,
    refusal_text,
    swatch_pixmap,
)
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.sitecode import dashboard, rules
from mediation_desk.sitecode.dto import DashboardView, GridSummary

GRID, PLACES, RED, YELLOW, GREEN, OPEN, OVERDUE, TASKS = range(8)
COLOUR_COLUMNS = {RED: rules.RED, YELLOW: rules.YELLOW, GREEN: rules.GREEN}


class SitecodeDashboardTab(QWidget):
    def __init__(self, desk: Desk, tasks: TaskManager, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = tasks
        self.actor = actor
        self.view: DashboardView | None = None
        self.loaded = False
        layout = QVBoxLayout(self)
        self.title_label = QLabel(self)
        enlarge(SUBHEADING, self.title_label)
        layout.addWidget(self.title_label)
        self.table = QTableWidget(0, 8, self)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setAccessibleName(self.tr("各网格码色统计"))
        headers = (
            self.tr("网格"),
            self.tr("场所数"),
            colour_word(rules.RED),
            colour_word(rules.YELLOW),
            colour_word(rules.GREEN),
            self.tr("待整改隐患"),
            self.tr("超期隐患"),
            self.tr("待办任务"),
        )
        for column, text in enumerate(headers):
            item = QTableWidgetItem(text)
            if column in COLOUR_COLUMNS:
                item.setIcon(QIcon(swatch_pixmap(COLOUR_COLUMNS[column], 12)))
            self.table.setHorizontalHeaderItem(column, item)
        size_table(self.table, TABLE_FONT_FACTOR, dict.fromkeys(range(1, 8), 6))
        self.table.horizontalHeader().setSectionResizeMode(GRID, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.conversion_label = QLabel(self)
        self.conversion_label.setWordWrap(True)
        enlarge(SUBHEADING, self.conversion_label)
        layout.addWidget(self.conversion_label)
        self.status_label = QLabel(self)
        self.status_label.setStyleSheet(CALM_STYLE)
        layout.addWidget(self.status_label)

    def refresh(self) -> None:
        self.tasks.run(
            dashboard.dashboard,
            self.desk,
            self.actor,
            on_done=self._show,
            on_error=lambda error: self.status_label.setText(refusal_text(error)),
            owner=self,
        )

    def _show(self, view: DashboardView) -> None:
        self.view = view
        lines = [*view.grids, view.totals]
        self.table.setRowCount(len(lines))
        for row, g in enumerate(lines):
            for column, value in enumerate(self._cells(g)):
                item = QTableWidgetItem(value)
                if column != GRID:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if g is view.totals:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)
        self.title_label.setText(
            self.tr("{period}各网格码色（{time} 计算）").format(
                period=rules.month_text(view.period),
                time=rules.as_beijing(view.computed_at).strftime("%m-%d %H:%M"),
            )
        )
        self.conversion_label.setText(
            self.tr("{month}转码率：{text}").format(
                month=rules.month_text(view.conversion_month), text=view.conversion_text
            )
        )
        self.status_label.clear()
        self.loaded = True

    @staticmethod
    def _cells(g: GridSummary) -> list[str]:
        numbers = (g.places, g.red, g.yellow, g.green, g.open_hazards, g.overdue_hazards, g.open_tasks)
        return [g.grid, *map(str, numbers)]

    def counts(self) -> dict[str, tuple[int, int, int]]:
        """(red, yellow, green) per grid as shown."""

        def number(r: int, c: int) -> int:
            cell = self.table.item(r, c)
            return int(cell.text()) if cell is not None else 0

        shown: dict[str, tuple[int, int, int]] = {}
        for r in range(self.table.rowCount()):
            grid = self.table.item(r, GRID)
            if grid is not None:
                shown[grid.text()] = (number(r, RED), number(r, YELLOW), number(r, GREEN))
        return shown
