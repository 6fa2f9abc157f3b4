"""月度统计: how quickly the village answered its alarms, month by month — the share answered
within 60 s and within 3 minutes (the alarm centres' targets: 97.5 % and 99 %), the median time
to answer and to resolve. A share below its target is said in words beside the figure, not by
colour alone."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTableWidget, QVBoxLayout, QWidget

from mediation_desk.alarms import figures
from mediation_desk.alarms.dto import FiguresView
from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.gui.pages.alarms_common import CALM_STYLE, duration_text, share_text
from mediation_desk.gui.pages.points_residents import cell, fill_table, set_up_table
from mediation_desk.gui.pages.sitecode_common import refusal_text
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.gui.wheel_guard import guard_wheel

MONTH, ALARMS, ANSWERED, WITHIN_60, WITHIN_180, ANSWER, RESOLVED, RESOLVE = range(8)
WIDTHS = {MONTH: 5, ALARMS: 3, ANSWERED: 4, WITHIN_60: 9, WITHIN_180: 9, ANSWER: 8, RESOLVED: 4}  # em
TARGETS = {WITHIN_60: 0.975, WITHIN_180: 0.99}  # UK telecare standards, domain §9
BELOW = QColor("#b00020")
MONTH_CHOICES = (6, 12, 24)


class FiguresTab(QWidget):
    def __init__(self, desk: Desk, manager: TaskManager, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = manager
        self.actor = actor
        self.items: list[FiguresView] = []
        self.loaded = False
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        months_label = QLabel(self.tr("最近(&M)"), self)
        self.months = QComboBox(self)
        for count in MONTH_CHOICES:
            self.months.addItem(self.tr("{n} 个月").format(n=count), count)
        months_label.setBuddy(self.months)
        top.addWidget(months_label)
        top.addWidget(self.months)
        hint = QLabel(self.tr("目标：60 秒内接警 97.5%，3 分钟内接警 99%。没人接的报警也算在内。"), self)
        hint.setWordWrap(True)
        top.addWidget(hint, 1)
        layout.addLayout(top)
        self.table = QTableWidget(self)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        headers = (
            self.tr("月份"),
            self.tr("报警"),
            self.tr("已接警"),
            self.tr("60 秒内接警"),
            self.tr("3 分钟内接警"),
            self.tr("接警用时（中位）"),
            self.tr("已处置"),
            self.tr("处置用时（中位）"),
        )
        set_up_table(self.table, headers, WIDTHS, RESOLVE)
        layout.addWidget(self.table, 1)
        self.status_label = QLabel(self)
        self.status_label.setStyleSheet(CALM_STYLE)
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        self.months.currentIndexChanged.connect(lambda _i: self.refresh())
        self.wheel_guard = guard_wheel(self, self.months)

    def refresh(self) -> None:
        self.tasks.run(
            figures.recent_figures,
            self.desk,
            self.actor,
            months=int(self.months.currentData()),
            on_done=self._show,
            on_error=lambda error: self.status_label.setText(refusal_text(error)),
            owner=self,
        )

    def _share(self, count: int, share: float | None, target: float) -> str:
        if share is None:
            return "—"  # no alarm that month: nothing to miss
        text = self.tr("{count}（{share}）").format(count=count, share=share_text(share))
        if share < target:
            text += self.tr(" 未达标")
        return text

    def _show(self, found: list[FiguresView]) -> None:
        self.items = found
        rows = []
        for f in found:
            cells = [
                f.month,
                str(f.alarms),
                str(f.acknowledged),
                self._share(f.within_60, f.share_60, TARGETS[WITHIN_60]),
                self._share(f.within_180, f.share_180, TARGETS[WITHIN_180]),
                duration_text(f.median_answer_s) or "—",
                str(f.resolved),
                duration_text(f.median_resolve_s) or "—",
            ]
            rows.append((f.month, cells, f.alarms == 0))
        fill_table(self.table, rows)
        for row, f in enumerate(found):
            for column, share in ((WITHIN_60, f.share_60), (WITHIN_180, f.share_180)):
                if share is not None and share < TARGETS[column]:
                    cell(self.table, row, column).setForeground(QBrush(BELOW))
        total = sum(f.alarms for f in found)
        self.status_label.setText(self.tr("共 {count} 次报警").format(count=total))
        self.loaded = True
