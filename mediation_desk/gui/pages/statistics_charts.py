"""The statistics page's charts (QtCharts), built anew from plain figures each time a month is
shown: cases by dispute type, cases per month, and the success rate per month."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QObject, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from mediation_desk.gui.font_mode import sized_font
from mediation_desk.gui.labels import DISPUTE_TYPE_NAMES, dispute_type_name
from mediation_desk.mediation.stats_series import MonthFigures

LEFT, BOTTOM = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom
FONT_FACTOR = 1.15  # axis labels are read from across a desk


def _chart(title: str, font: QFont) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    title_font = QFont(font)
    title_font.setBold(True)
    chart.setTitleFont(title_font)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setFont(font)
    return chart


def _count_axis(top: float, font: QFont, title: str) -> QValueAxis:
    axis = QValueAxis()
    axis.setLabelFormat("%d")
    axis.setRange(0, max(4, top))
    axis.applyNiceNumbers()
    axis.setTitleText(title)
    axis.setLabelsFont(font)
    return axis


def _category_axis(categories: list[str], font: QFont) -> QBarCategoryAxis:
    axis = QBarCategoryAxis()
    axis.append(categories)
    axis.setLabelsFont(font)
    return axis


class ChartMaker(QObject):
    """Builds the charts; a QObject so that its texts are translated (context "ChartMaker")."""

    def dispute_type_chart(self, by_type: dict[str, int], font: QFont) -> QChart:
        """One horizontal bar per dispute type with cases this month, in the national order."""
        chart = _chart(self.tr("本月受理案件（按纠纷类型）"), font)
        codes = [code for code in DISPUTE_TYPE_NAMES if by_type.get(code)]
        codes += sorted(code for code in by_type if code not in DISPUTE_TYPE_NAMES and by_type[code])
        if not codes:
            chart.setTitle(self.tr("本月没有受理案件"))
            return chart
        codes.reverse()  # a horizontal bar chart fills from the bottom: the table's first on top
        bars = QBarSet(self.tr("受理件数"))
        bars.append([float(by_type[code]) for code in codes])
        bars.setLabelFont(font)
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        chart.addSeries(series)
        categories = _category_axis([dispute_type_name(code) for code in codes], font)
        chart.addAxis(categories, LEFT)
        series.attachAxis(categories)
        counts = _count_axis(max(by_type[code] for code in codes), font, self.tr("件"))
        chart.addAxis(counts, BOTTOM)
        series.attachAxis(counts)
        chart.legend().setVisible(False)
        return chart

    def months_chart(self, series: list[MonthFigures], font: QFont) -> QChart:
        """Cases accepted and mediated successfully, one pair of bars per month."""
        chart = _chart(self.tr("近 {n} 个月受理与调解成功件数").format(n=len(series)), font)
        accepted = QBarSet(self.tr("受理"))
        accepted.append([float(m.accepted) for m in series])
        succeeded = QBarSet(self.tr("调解成功"))
        succeeded.append([float(m.mediated_successfully) for m in series])
        bars = QBarSeries()
        bars.append(accepted)
        bars.append(succeeded)
        chart.addSeries(bars)
        months = _category_axis([m.month for m in series], font)
        chart.addAxis(months, BOTTOM)
        bars.attachAxis(months)
        top = max([m.accepted for m in series] + [m.mediated_successfully for m in series] + [0])
        counts = _count_axis(top, font, self.tr("件"))
        chart.addAxis(counts, LEFT)
        bars.attachAxis(counts)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
        return chart

    def rate_chart(self, series: list[MonthFigures], font: QFont) -> QChart:
        """The success rate (percent) of each month in which a mediation was concluded; a month
        without any has no point rather than a misleading 0 %."""
        chart = _chart(self.tr("近 {n} 个月调解成功率").format(n=len(series)), font)
        line = QLineSeries()
        line.setName(self.tr("调解成功率（%）"))
        line.setPointsVisible(True)
        line.setPointLabelsVisible(True)
        line.setPointLabelsFormat("@yPoint%")
        line.setPointLabelsFont(font)
        for i, m in enumerate(series):
            if m.success_rate is not None:
                line.append(float(i), round(m.success_rate * 100, 1))
        chart.addSeries(line)
        months = _category_axis([m.month for m in series], font)
        chart.addAxis(months, BOTTOM)
        line.attachAxis(months)
        percent = QValueAxis()
        percent.setRange(0, 100)
        percent.setLabelFormat("%d%%")
        percent.setLabelsFont(font)
        chart.addAxis(percent, LEFT)
        line.attachAxis(percent)
        chart.legend().setVisible(False)
        if not line.count():
            chart.setTitle(self.tr("近 {n} 个月没有调结的案件，无成功率").format(n=len(series)))
        return chart


def chart_font(widget: QWidget) -> QFont:
    """The charts' text: a little larger than the body, in either font mode."""
    return sized_font(widget.font(), FONT_FACTOR)
