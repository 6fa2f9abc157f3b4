"""导入清单: a district's or town's list of places (CSV or Excel) read on the desk worker. When
any row is bad nothing is imported: the rows and their problems are listed, and the clerk may
correct the file and import again, or — explicitly, and confirmed — skip the bad rows and import
the rest."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.gui.large_text import size_table
from mediation_desk.gui.pages.sitecode_common import TABLE_FONT_FACTOR, refusal_text
from mediation_desk.gui.screen_fit import limit_to_screen
from mediation_desk.sitecode import place_import
from mediation_desk.sitecode.dto import ImportReport

if TYPE_CHECKING:
    from mediation_desk.gui.pages.sitecode_places import SitecodePlacesTab

ROW, COLUMN, PROBLEM = range(3)


def bad_rows(report: ImportReport) -> int:
    return len({p.row for p in report.problems})


class ImportReportDialog(QDialog):
    """The rows of a file that cannot be imported, and the choice: skip them, or import nothing."""

    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setWindowTitle(self.tr("导入清单：有问题的行"))
        layout = QVBoxLayout(self)
        bad = bad_rows(report)
        self.summary = QLabel(
            self.tr(
                "「{file}」共 {rows} 行，其中 {bad} 行有问题，尚未导入任何场所。\n"
                "请改正文件后重新导入；或跳过有问题的行，只导入其余 {good} 行。"
            ).format(file=report.file_name, rows=report.rows, bad=bad, good=max(0, report.rows - bad)),
            self,
        )
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(len(report.problems), 3, self)
        self.table.setHorizontalHeaderLabels((self.tr("行号"), self.tr("列"), self.tr("问题")))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        size_table(self.table, TABLE_FONT_FACTOR, {ROW: 4, COLUMN: 9})
        self.table.horizontalHeader().setSectionResizeMode(PROBLEM, QHeaderView.ResizeMode.Stretch)
        for r, problem in enumerate(report.problems):
            cells = (str(problem.row), problem.column or self.tr("（整行）"), problem.message)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(r, c, item)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.skip_button = QPushButton(
            self.tr("跳过有问题的 {bad} 行，导入其余 {good} 行(&S)…").format(bad=bad, good=max(0, report.rows - bad)),
            self,
        )
        self.skip_button.setEnabled(report.rows > bad)
        self.cancel_button = QPushButton(self.tr("不导入，先改文件(&C)"), self)
        self.cancel_button.setDefault(True)  # Enter does nothing that cannot be undone
        buttons.addWidget(self.skip_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        self.skip_button.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self.reject)
        self.resize(760, 460)

    def showEvent(self, event: QShowEvent) -> None:
        limit_to_screen(self)
        super().showEvent(event)


class ImportFlow(QObject):
    """Choose the file, read it on the desk worker, show the report, import the rest if asked."""

    def __init__(self, tab: SitecodePlacesTab) -> None:
        super().__init__(tab)
        self.tab = tab
        self.busy = False
        self.path: Path | None = None
        self.dialog: ImportReportDialog | None = None

    def choose_file(self) -> None:
        if self.busy:
            return
        folder = str(self.tab.desk.paths.exports)
        chosen, _ = QFileDialog.getOpenFileName(
            self.tab, self.tr("导入场所清单"), folder, self.tr("场所清单 (*.xlsx *.csv);;所有文件 (*)")
        )
        if chosen:
            self.start(Path(chosen))

    def start(self, path: Path, *, skip_bad: bool = False) -> None:
        self.busy = True
        self.path = path
        self.tab.status_label.setText(self.tr("正在读取「{file}」……").format(file=path.name))
        self.tab._update_buttons()
        self.tab.tasks.run(
            place_import.import_places,
            self.tab.desk,
            self.tab.actor,
            path,
            skip_bad=skip_bad,
            on_done=self._done,
            on_error=self._failed,
            owner=self,
        )

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self.tab._update_buttons()
        self.tab.status_label.setText(self.tr("未导入：{reason}").format(reason=refusal_text(error)))

    def _done(self, report: ImportReport) -> None:
        self.busy = False
        self.tab._update_buttons()
        if report.problems and not report.imported:
            self.show_report(report)
            return
        text = self.tr("已从「{file}」导入 {count} 个场所").format(file=report.file_name, count=report.imported)
        if report.skipped:
            text += self.tr("，跳过有问题的 {skipped} 行").format(skipped=report.skipped)
        if report.individual:
            text += self.tr("；其中 {count} 个没有统一社会信用代码，按个体工商户标记").format(count=report.individual)
        self.tab.imported(text + self.tr("。"))

    def show_report(self, report: ImportReport) -> ImportReportDialog:
        self.tab.status_label.setText(
            self.tr("未导入：「{file}」有 {bad} 行有问题。").format(file=report.file_name, bad=bad_rows(report))
        )
        dialog = ImportReportDialog(report, self.tab)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._skip_confirmed(report))
        dialog.destroyed.connect(self._dialog_gone)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _dialog_gone(self) -> None:
        self.dialog = None

    def _skip_confirmed(self, report: ImportReport) -> None:
        bad = bad_rows(report)
        answer = QMessageBox.question(
            self.tab,
            self.tr("请确认"),
            self.tr(
                "将跳过有问题的 {bad} 行，只导入其余 {good} 行场所。\n跳过的行不会导入，需改正后另行导入。确定吗？"
            ).format(bad=bad, good=report.rows - bad),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes and self.path is not None:
            self.start(self.path, skip_bad=True)
        else:
            self.tab.status_label.setText(self.tr("未导入任何场所。"))
