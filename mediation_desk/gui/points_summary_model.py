"""The 积分汇总表 as a table model: a line per resident (or per household) and a totals line.

A committee may have 20,000 residents: the view asks only for the cells it shows, so a month's
table appears at once instead of building 180,000 table items on the window's thread."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from mediation_desk.points.dto import SummaryLine
from mediation_desk.points.rules import MonthFigures

CONTEXT = "SummaryModel"
FIGURE_HEADERS = (  # month_end.CSV_COLUMNS, for lupdate
    QT_TRANSLATE_NOOP("SummaryModel", "上月结余"),
    QT_TRANSLATE_NOOP("SummaryModel", "本月获得"),
    QT_TRANSLATE_NOOP("SummaryModel", "本月扣减"),
    QT_TRANSLATE_NOOP("SummaryModel", "本月兑换"),
    QT_TRANSLATE_NOOP("SummaryModel", "冲正及调整"),
    QT_TRANSLATE_NOOP("SummaryModel", "本月结余"),
)
UNITS = {True: QT_TRANSLATE_NOOP("SummaryModel", "{count} 户"), False: QT_TRANSLATE_NOOP("SummaryModel", "{count} 人")}
Index = QModelIndex | QPersistentModelIndex


def figure_values(f: MonthFigures) -> tuple[int, ...]:
    return (f.opening, f.earned, f.deducted, f.redeemed, f.corrected, f.closing)


class SummaryModel(QAbstractTableModel):
    def __init__(self, households: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.households = households
        self.lines: tuple[SummaryLine, ...] = ()
        self.totals: MonthFigures | None = None
        household = QCoreApplication.translate("SummaryModel", "户")
        group = QCoreApplication.translate("SummaryModel", "村民小组")
        if households:
            names: tuple[str, ...] = (household, group)
        else:
            names = (QCoreApplication.translate("SummaryModel", "姓名"), group, household)
        self.headers = names + tuple(QCoreApplication.translate(CONTEXT, str(h)) for h in FIGURE_HEADERS)
        self.bold = QFont()
        self.bold.setBold(True)

    def show(self, lines: tuple[SummaryLine, ...], totals: MonthFigures | None) -> None:
        self.beginResetModel()
        self.lines, self.totals = lines, totals
        self.endResetModel()

    @property
    def text_columns(self) -> int:
        return 2 if self.households else 3

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        if parent.isValid():
            return 0
        return len(self.lines) + (1 if self.totals is not None else 0)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        totals_row = row == len(self.lines)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column, totals_row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= self.text_columns:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and totals_row:
            return self.bold
        return None

    def _text(self, row: int, column: int, totals_row: bool) -> str:
        figures_at = column - self.text_columns
        if totals_row:
            assert self.totals is not None
            if figures_at >= 0:
                return str(figure_values(self.totals)[figures_at])
            if column == 0:
                return QCoreApplication.translate("SummaryModel", "合计")
            if column == 1:
                return QCoreApplication.translate(CONTEXT, str(UNITS[self.households])).format(count=len(self.lines))
            return ""
        line = self.lines[row]
        if figures_at >= 0:
            return str(figure_values(line.figures)[figures_at])
        texts = (
            (line.name, line.village_group)
            if self.households
            else (
                line.name,
                line.village_group,
                line.household_label or "",
            )
        )
        return texts[column]
