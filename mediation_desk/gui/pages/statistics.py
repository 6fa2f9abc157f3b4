"""统计 (statistics): the monthly report (月报) of a chosen month with every figure of domain.md §3,
charts of its cases by dispute type and of the last twelve months (cases, success rate), and
the report exported as a CSV file for Excel. Counts only: no personal data.

The report and the series take some tens of milliseconds at 100,000 cases (counted in SQL over
their indexes): they are read on the desk worker with a busy indicator, and the answer for a
month no longer asked for is dropped."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QFileDialog, QGridLayout, QLabel, QWidget

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.errors import DeskError, ValidationError
from mediation_desk.gui.amounts import yuan
from mediation_desk.gui.case_labels import AGREEMENT_FORM_NAMES, PREVENTION_NAMES, name_of
from mediation_desk.gui.forms.ui_statistics_page import Ui_StatisticsPage
from mediation_desk.gui.labels import REFERRER_NAMES, SOURCE_NAMES, translated
from mediation_desk.gui.large_text import HEADING, enlarge, follow_font
from mediation_desk.gui.pages.statistics_charts import ChartMaker, chart_font
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.mediation.stats import MonthlyReport, monthly_report
from mediation_desk.mediation.stats_export import export_monthly_report, rate_text
from mediation_desk.mediation.stats_series import MonthFigures, check_month, current_month, monthly_series, shifted

SERIES_MONTHS = 12
# The report's overall figures, in the order of the printed form, with their unit.
OVERALL = {
    "accepted": QT_TRANSLATE_NOOP("StatisticsPage", "受理（件）"),
    "mediated_successfully": QT_TRANSLATE_NOOP("StatisticsPage", "调解成功（件）"),
    "terminated": QT_TRANSLATE_NOOP("StatisticsPage", "终止调解（件）"),
    "declined": QT_TRANSLATE_NOOP("StatisticsPage", "不予调解（件）"),
    "concluded": QT_TRANSLATE_NOOP("StatisticsPage", "调解件数（件）"),
    "success_rate": QT_TRANSLATE_NOOP("StatisticsPage", "调解成功率"),
    "agreement_amount": QT_TRANSLATE_NOOP("StatisticsPage", "协议金额（元）"),
    "persons_involved": QT_TRANSLATE_NOOP("StatisticsPage", "涉及人数（人）"),
    "found_in_screening": QT_TRANSLATE_NOOP("StatisticsPage", "排查发现（件）"),
    "escalated": QT_TRANSLATE_NOOP("StatisticsPage", "上报（件）"),
    "closed": QT_TRANSLATE_NOOP("StatisticsPage", "结案（件）"),
    "open_at_month_end": QT_TRANSLATE_NOOP("StatisticsPage", "月末在办（件）"),
}
VALUE_SIZE = 1.15  # the figures, bold, a little larger than their names (in either font mode)
CHART_HEIGHT = 8  # the least height of a chart, in lines of text: the page fits a 1366×768 screen
CALM_STYLE = "color: #7a4b00;"
CHARTS = ("types", "months", "rate")


@dataclass(frozen=True)
class StatisticsData:
    report: MonthlyReport
    series: list[MonthFigures]  # the SERIES_MONTHS months ending with the report's, oldest first


def load_statistics(desk: Desk, month: str) -> StatisticsData:
    return StatisticsData(monthly_report(desk, month), monthly_series(desk, month, SERIES_MONTHS))


class StatisticsPage(QWidget):
    def __init__(self, desk: Desk, tasks: TaskManager, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = tasks
        self.actor = actor
        self.ui = Ui_StatisticsPage()
        self.ui.setupUi(self)
        enlarge(HEADING, self.ui.titleLabel)
        self.data: StatisticsData | None = None
        self.month = current_month()  # the month shown, or being read
        self._generation = 0
        self.exporting = False
        self.chart_maker = ChartMaker(self)
        self.value_labels: dict[str, QLabel] = {}
        self._build_figures()
        self.chart_views: dict[str, QChartView] = {}
        layouts = (self.ui.typeTabLayout, self.ui.monthsTabLayout, self.ui.rateTabLayout)
        for name, layout in zip(CHARTS, layouts, strict=True):
            view = QChartView(self)
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            layout.addWidget(view)
            self.chart_views[name] = view
        follow_font(self, self._redraw)  # the charts' text and height follow 大字模式
        u = self.ui
        u.statusLabel.setStyleSheet(CALM_STYLE)
        u.monthEdit.setText(self.month)
        u.busyBar.hide()
        u.exportButton.setEnabled(False)
        u.monthEdit.returnPressed.connect(self.show_typed_month)
        u.showButton.clicked.connect(self.show_typed_month)
        u.previousButton.clicked.connect(lambda: self.step(-1))
        u.nextButton.clicked.connect(lambda: self.step(1))
        u.exportButton.clicked.connect(self.export)

    def _build_figures(self) -> None:
        u = self.ui
        for i, (key, text) in enumerate(OVERALL.items()):
            row, column = divmod(i, 2)
            self._figure(u.overallGrid, row, column * 2, key, QCoreApplication.translate("StatisticsPage", text))
        row = 0
        for code, text in translated("Intake", SOURCE_NAMES):
            self._figure(u.sourceGrid, row, 0, f"source.{code}", text)
            row += 1
        for code, text in translated("Intake", REFERRER_NAMES):
            self._figure(u.sourceGrid, row, 0, f"referrer.{code}", self.tr("　其中 {referrer}").format(referrer=text))
            row += 1
        for row, code in enumerate(AGREEMENT_FORM_NAMES):
            self._figure(u.formGrid, row, 0, f"form.{code}", name_of(AGREEMENT_FORM_NAMES, code))
        grid = u.preventionGrid
        for column, text in enumerate((self.tr("事项"), self.tr("件"), self.tr("人"))):
            grid.addWidget(QLabel(text, self), 0, column)
        for row, code in enumerate(PREVENTION_NAMES, start=1):
            grid.addWidget(QLabel(name_of(PREVENTION_NAMES, code), self), row, 0)
            for column, kind in ((1, "cases"), (2, "persons")):
                grid.addWidget(self._value(f"prevention.{code}.{kind}"), row, column)

    def rate_definition(self) -> str:
        """How the rate is counted (stats.RATE_DEFINITION), as the national report counts it."""
        return self.tr(
            "调解成功率 = 调解成功 ÷ 调解件数；调解件数 = 本月调解成功、终止调解、不予调解和上报的件数。"
            "调解成功按协议生效日期计（口头协议按达成日期），已撤回或被确认无效、撤销的协议不计。"
        )

    def _figure(self, grid: QGridLayout, row: int, column: int, key: str, text: str) -> None:
        name = QLabel(text, self)
        value = self._value(key)
        name.setBuddy(value)
        grid.addWidget(name, row, column)
        grid.addWidget(value, row, column + 1)

    def _value(self, key: str) -> QLabel:
        label = QLabel("—", self)
        label.setObjectName("value_" + key.replace(".", "_"))
        label.setStyleSheet("font-weight: bold;")
        enlarge(VALUE_SIZE, label)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.value_labels[key] = label
        return label

    # ---- choosing the month ---------------------------------------------------------------------

    def refresh(self) -> None:
        """Shown or asked to reload: the month shown, read again."""
        self.load(self.month)

    def show_typed_month(self) -> None:
        """The month typed (Enter or 查看)."""
        if not self.load(self.ui.monthEdit.text().strip()):
            self.ui.monthEdit.setFocus()
            self.ui.monthEdit.selectAll()

    def step(self, by: int) -> None:
        """上月 / 下月, from the month last shown or being read (whatever is typed meanwhile)."""
        self.load(shifted(self.month, by))  # a month beyond the years a desk holds is refused there

    def load(self, month: str) -> bool:
        """Read and show `month`; a malformed one is named under the field, nothing is read
        and the figures shown stay (returns False)."""
        u = self.ui
        try:
            check_month(month)
        except ValidationError as error:
            u.monthError.setText(error.problems[0].message)
            return False
        self._generation += 1
        generation = self._generation
        self.month = month
        u.monthEdit.setText(month)
        u.monthError.clear()
        u.busyBar.show()
        u.exportButton.setEnabled(False)
        u.statusLabel.setText(self.tr("正在统计……"))
        self.tasks.run(
            load_statistics,
            self.desk,
            month,
            on_done=lambda data: self._show(generation, data),
            on_error=lambda error: self._failed(generation, error),
            owner=self,
        )
        return True

    @property
    def loading(self) -> bool:
        return not self.ui.busyBar.isHidden()

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self.ui.busyBar.hide()
        self.ui.statusLabel.clear()
        if isinstance(error, ValidationError):
            self.ui.monthError.setText(error.problems[0].message)
            return
        raise error  # the exception hook reports it; the figures shown stay

    # ---- showing --------------------------------------------------------------------------------

    def _show(self, generation: int, data: StatisticsData) -> None:
        if generation != self._generation:
            return  # an answer for a month no longer asked for
        self.data = data
        r = data.report
        u = self.ui
        u.busyBar.hide()
        u.statusLabel.clear()
        u.exportButton.setEnabled(True)
        u.titleLabel.setText(self.tr("{month} 人民调解月报").format(month=r.month))
        values: dict[str, str] = {
            "accepted": str(r.accepted),
            "mediated_successfully": str(r.mediated_successfully),
            "terminated": str(r.terminated),
            "declined": str(r.declined),
            "concluded": str(r.concluded),
            "success_rate": rate_text(r.success_rate) or "—",
            "agreement_amount": yuan(r.agreement_amount),
            "persons_involved": str(r.persons_involved),
            "found_in_screening": str(r.found_in_screening),
            "escalated": str(r.escalated),
            "closed": str(r.closed),
            "open_at_month_end": str(r.open_at_month_end),
        }
        values.update({f"source.{c}": str(r.by_source.get(c, 0)) for c in SOURCE_NAMES})
        values.update({f"referrer.{c}": str(r.by_referrer.get(c, 0)) for c in REFERRER_NAMES})
        values.update({f"form.{c}": str(r.by_agreement_form.get(c, 0)) for c in AGREEMENT_FORM_NAMES})
        for code in PREVENTION_NAMES:
            values[f"prevention.{code}.cases"] = str(r.prevention_cases.get(code, 0))
            values[f"prevention.{code}.persons"] = str(r.prevention_persons.get(code, 0))
        for key, text in values.items():
            self.value_labels[key].setText(text)
        self.value_labels["success_rate"].setToolTip(
            self.rate_definition()
            if r.success_rate is not None
            else self.tr("本月没有调解成功、终止调解、不予调解或上报的案件，不计成功率")
        )
        self._draw_charts(data)

    def _redraw(self) -> None:
        for view in self.chart_views.values():
            view.setMinimumHeight(CHART_HEIGHT * self.fontMetrics().height())
        if self.data is not None:
            self._draw_charts(self.data)

    def _draw_charts(self, data: StatisticsData) -> None:
        font = chart_font(self)
        maker = self.chart_maker
        self._set_chart("types", maker.dispute_type_chart(data.report.by_dispute_type, font))
        self._set_chart("months", maker.months_chart(data.series, font))
        self._set_chart("rate", maker.rate_chart(data.series, font))

    def _set_chart(self, name: str, chart: QChart) -> None:
        view = self.chart_views[name]
        old = view.chart()
        view.setChart(chart)  # the view owns the new chart; the old one is released to us
        if old is not None:
            old.deleteLater()

    def chart(self, name: str) -> QChart:
        """The chart shown: "types", "months" or "rate"."""
        return self.chart_views[name].chart()

    # ---- export ---------------------------------------------------------------------------------

    def export(self) -> None:
        """Save the report shown as a CSV file chosen in a save dialog."""
        if self.data is None or self.exporting:
            return
        month = self.data.report.month
        suggested = Path(self.desk.paths.exports) / self.tr("人民调解月报-{month}.csv").format(month=month)
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("导出月报"), str(suggested), self.tr("CSV 文件（Excel 可打开） (*.csv)")
        )
        if not path:
            return
        self.exporting = True
        self.ui.exportButton.setEnabled(False)
        self.ui.statusLabel.setText(self.tr("正在导出……"))
        self.tasks.run(
            export_monthly_report,
            self.desk,
            self.actor,
            month,
            path,
            on_done=self._exported,
            on_error=self._export_failed,
        )

    def _exported(self, path: Path) -> None:
        self.exporting = False
        self.ui.exportButton.setEnabled(self.data is not None)
        self.ui.statusLabel.setText(self.tr("已导出：{path}").format(path=path))

    def _export_failed(self, error: BaseException) -> None:
        self.exporting = False
        self.ui.exportButton.setEnabled(self.data is not None)
        if not isinstance(error, DeskError):
            self.ui.statusLabel.clear()
            raise error
        self.ui.statusLabel.setText(self.tr("未导出：{reason}").format(reason=error))
