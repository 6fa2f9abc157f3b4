"""月末汇总 (month end): the 积分汇总表 of a chosen month, per resident and per household, with the
line that says whether it agrees with the ledger to the coin; produced for review, signed off by
the 主任, exported as CSV, and saved as the 汇总表 PDF (full names, for signing) or the 公示 PDF
(masked names, for posting).

Summing a year of a large village's ledger and drawing its PDF take seconds: both run on the desk
worker with a busy bar, and an answer for a month no longer asked for is dropped."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QTableView, QWidget

from mediation_desk.core.uow import CHINA, Actor, china_today
from mediation_desk.desk import Desk
from mediation_desk.documents import points_docs
from mediation_desk.errors import DeskError, ValidationError
from mediation_desk.gui.forms.ui_points_month_end_tab import Ui_MonthEndTab
from mediation_desk.gui.labels import role_name
from mediation_desk.gui.large_text import size_table
from mediation_desk.gui.pdf_dialog import disk_problem
from mediation_desk.gui.points_summary_model import SummaryModel
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.points import month_end, rules
from mediation_desk.points.dto import MonthSummary
from mediation_desk.points.rules import MonthFigures
from mediation_desk.privacy import roles

PRODUCE, SIGN = "points.month_end", "points.sign_off"
MONTH_RULES = frozenset({"month_format", "month_future"})  # problems of the month typed, not of the table
TABLE_FONT_FACTOR = 1.15
AGREES = "color: #1b5e20; font-weight: bold;"
DISAGREES = "color: #b00020; font-weight: bold;"
CALM_STYLE = "color: #7a4b00;"
Step = Callable[[Desk, Actor, str], MonthSummary]


@dataclass(frozen=True)
class MonthTable:
    summary: MonthSummary
    household_totals: MonthFigures  # the household lines summed (residents without one are not in them)


def month_table(step: Step, desk: Desk, actor: Actor, month: str) -> MonthTable:
    """Compute (or produce, or sign off) on the desk worker, with everything the table shows."""
    summary = step(desk, actor, month)
    return MonthTable(summary, month_end.total(summary.households))


def shifted(month: str, by: int) -> str:
    first, _next = rules.parse_month(month)
    for _ in range(abs(by)):
        first = rules.next_month(first) if by > 0 else (first - dt.timedelta(days=1)).replace(day=1)
    return rules.month_label(first)


class MonthEndTab(QWidget):
    def __init__(self, desk: Desk, tasks: TaskManager, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = tasks
        self._actor = actor
        self.ui = Ui_MonthEndTab()
        self.ui.setupUi(self)
        self.table: MonthTable | None = None
        self.month = rules.month_label(china_today())  # the month shown, or being computed
        self.loading = False  # the table is being computed, produced or signed off
        self.saving = False  # a CSV or PDF is being written
        self._generation = 0
        self.resident_model = SummaryModel(False, self)
        self.household_model = SummaryModel(True, self)
        u = self.ui
        self._set_up(u.residentView, self.resident_model)
        self._set_up(u.householdView, self.household_model)
        u.statusLabel.setStyleSheet(CALM_STYLE)
        u.monthEdit.setText(self.month)
        u.busyBar.hide()
        u.monthEdit.returnPressed.connect(self.show_typed_month)
        u.computeButton.clicked.connect(self.show_typed_month)
        u.previousButton.clicked.connect(lambda: self.step(-1))
        u.nextButton.clicked.connect(lambda: self.step(1))
        u.produceButton.clicked.connect(self.produce)
        u.signButton.clicked.connect(self.sign_off)
        u.csvButton.clicked.connect(self.export_csv)
        u.summaryPdfButton.clicked.connect(lambda: self.save_pdf(notice=False))
        u.noticePdfButton.clicked.connect(lambda: self.save_pdf(notice=True))
        self._update()

    def _set_up(self, view: QTableView, model: SummaryModel) -> None:
        view.setModel(model)
        # Fixed widths in em (sizing to contents would measure every line of a large village),
        # following 大字模式.
        widths = (8, 5) if model.households else (5, 5, 7)
        columns = range(model.columnCount())
        size_table(view, TABLE_FONT_FACTOR, {c: widths[c] if c < len(widths) else 5 for c in columns})
        view.horizontalHeader().setStretchLastSection(True)
        view.verticalHeader().setVisible(False)

    # ---- the operator ---------------------------------------------------------------------------

    @property
    def actor(self) -> Actor:
        return self._actor

    @actor.setter
    def actor(self, actor: Actor) -> None:
        self._actor = actor
        self.ui.statusLabel.clear()
        self._update()

    def may(self, action: str) -> bool:
        return roles.allowed(self._actor.role, action)

    # ---- choosing the month ---------------------------------------------------------------------

    def refresh(self) -> None:
        """Shown or asked to reload: the month shown, computed again."""
        self.load(self.month)

    def show_typed_month(self) -> None:
        if not self.load(self.ui.monthEdit.text().strip()):
            self.ui.monthEdit.setFocus()
            self.ui.monthEdit.selectAll()

    def step(self, by: int) -> None:
        self.load(shifted(self.month, by))

    def load(self, month: str, step: Step = month_end.month_summary) -> bool:
        """Compute `month` (or produce or sign it off, `step`); a malformed month is named under
        the field and nothing is asked (returns False)."""
        u = self.ui
        try:
            rules.parse_month(month)
        except ValueError as error:
            u.monthError.setText(str(error))
            return False
        if not self.may(PRODUCE):
            self._update()
            return False
        self._generation += 1
        generation = self._generation
        if month != self.month:
            self.table = None
            self.resident_model.show((), None)
            self.household_model.show((), None)
        self.month = month
        u.monthEdit.setText(month)
        u.monthError.clear()
        self.loading = True
        u.busyBar.show()
        u.statusLabel.setText(self._working_text(step))
        self._update()
        self.tasks.run(
            month_table,
            step,
            self.desk,
            self._actor,
            month,
            on_done=lambda table: self._show(generation, step, table),
            on_error=lambda error: self._failed(generation, error),
            owner=self,
        )
        return True

    def _working_text(self, step: Step) -> str:
        if step is month_end.produce:
            return self.tr("正在生成汇总表……")
        if step is month_end.sign_off:
            return self.tr("正在审定……")
        return self.tr("正在计算 {month} 的积分汇总……").format(month=self.month)

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self.loading = False
        self.ui.busyBar.hide()
        self.ui.statusLabel.clear()
        self._update()
        if not isinstance(error, DeskError):
            raise error  # the exception hook reports it; the table shown stays
        if isinstance(error, ValidationError):
            problem = error.problems[0]
            if problem.field == "month" and problem.rule in MONTH_RULES:
                self.ui.monthError.setText(problem.message)
                return
            self.ui.statusLabel.setText(self.tr("未完成：{reason}").format(reason=problem.message))
            return
        self.ui.statusLabel.setText(self.tr("未完成：{reason}").format(reason=error))

    # ---- showing --------------------------------------------------------------------------------

    def _show(self, generation: int, step: Step, table: MonthTable) -> None:
        if generation != self._generation:
            return  # an answer for a month no longer asked for
        self.loading = False
        self.table = table
        s = table.summary
        u = self.ui
        u.busyBar.hide()
        self.resident_model.show(s.residents, s.totals)
        self.household_model.show(s.households, table.household_totals)
        u.titleLabel.setText(
            self.tr(
                "{committee}　{month} 平安绿币积分汇总表：{people} 人、{households} 户，本月积分记录 {entries} 条"
            ).format(
                committee=s.committee_name,
                month=s.month,
                people=len(s.residents),
                households=len(s.households),
                entries=s.entries,
            )
            + "\n"
            + self._sign_off_text(s)
        )
        if s.reconciles:
            u.reconcileLabel.setStyleSheet(AGREES)
            u.reconcileLabel.setText(
                self.tr(
                    "与积分记录核对一致：本月结余合计 {closing} 绿币，积分记录截至 {last} 合计 {ledger} 绿币"
                ).format(closing=s.totals.closing, last=s.last.isoformat(), ledger=s.ledger_closing)
            )
        else:
            u.reconcileLabel.setStyleSheet(DISAGREES)
            u.reconcileLabel.setText(
                self.tr(
                    "与积分记录核对不一致：本月结余合计 {closing} 绿币，积分记录截至 {last} 合计 {ledger} 绿币，"
                    "相差 {difference}。请查明原因，不能审定"
                ).format(
                    closing=s.totals.closing,
                    last=s.last.isoformat(),
                    ledger=s.ledger_closing,
                    difference=s.totals.closing - s.ledger_closing,
                )
            )
        done: dict[Step, str] = {
            month_end.produce: self.tr("已生成 {month} 积分汇总表，请主任核对后审定").format(month=s.month),
            month_end.sign_off: self.tr("已审定 {month} 积分汇总表").format(month=s.month),
        }
        u.statusLabel.setText(done.get(step, ""))
        self._update()

    def _sign_off_text(self, s: MonthSummary) -> str:
        if s.signed_by is None:
            return self.tr("尚未审定")
        at = s.signed_at.astimezone(CHINA).strftime("%Y-%m-%d %H:%M") if s.signed_at else ""
        text = self.tr("已由 {who} 于 {at} 审定").format(who=s.signed_by, at=at)
        if s.changed_since_sign_off:
            text += self.tr("；审定后积分记录有变动，须重新生成汇总表并审定")
        return text

    def _update(self) -> None:
        u, idle, shown = self.ui, not self.loading and not self.saving, self.table is not None
        may_produce, may_sign = self.may(PRODUCE), self.may(SIGN)
        for widget in (u.monthEdit, u.computeButton, u.previousButton, u.nextButton):
            widget.setEnabled(may_produce and not self.loading)
        u.produceButton.setEnabled(may_produce and idle and shown)
        u.signButton.setEnabled(
            may_sign and idle and shown and self.table is not None and self.table.summary.reconciles
        )
        for button in (u.csvButton, u.summaryPdfButton, u.noticePdfButton):
            button.setEnabled(idle and shown)
        if not may_produce:
            keepers = self.tr("、").join(role_name(r) for r in roles.roles_allowed(PRODUCE))
            u.permissionLabel.setText(
                self.tr("当前操作员（{role}）不能查看月末积分汇总，请由{keepers}办理。").format(
                    role=role_name(self._actor.role), keepers=keepers
                )
            )
        elif not may_sign:
            u.permissionLabel.setText(self.tr("汇总表生成后须由主任审定。"))
        else:
            u.permissionLabel.clear()

    # ---- produce and sign off -------------------------------------------------------------------

    def produce(self) -> None:
        if self.table is not None and not self.loading:
            self.load(self.month, month_end.produce)

    def sign_off(self) -> None:
        table = self.table
        if table is None or self.loading or not self.may(SIGN):
            return
        s = table.summary
        answer = QMessageBox.question(
            self,
            self.tr("审定积分汇总表"),
            self.tr(
                "审定 {month} 积分汇总表：{people} 人，本月结余合计 {closing} 绿币，与积分记录核对一致。\n"
                "审定记入审计日志，不能撤销；之后再有本月的积分记录，须重新生成并审定。\n确定审定吗？"
            ).format(month=s.month, people=len(s.residents), closing=s.totals.closing),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.load(s.month, month_end.sign_off)

    # ---- files ----------------------------------------------------------------------------------

    def households_shown(self) -> bool:
        return self.ui.viewTabs.currentWidget() is self.ui.householdsTab

    def export_csv(self) -> None:
        """The table shown (per resident or per household) as a CSV file for Excel."""
        if self.table is None or self.saving:
            return
        households = self.households_shown()
        s = self.table.summary
        name = (
            self.tr("绿币积分汇总表-{month}-按户.csv") if households else self.tr("绿币积分汇总表-{month}-按居民.csv")
        )
        path = self._target(name.format(month=s.month), self.tr("CSV 文件（Excel 可打开） (*.csv)"), ".csv")
        if path is not None:
            self._write(month_end.write_csv, s, path, households=households)

    def save_pdf(self, *, notice: bool) -> None:
        """The 汇总表 or the 公示 of the month shown, made and written on the desk worker (audited)."""
        if self.table is None or self.saving:
            return
        month = self.table.summary.month
        name = self.tr("绿币积分公示-{month}.pdf") if notice else self.tr("绿币积分汇总表-{month}.pdf")
        path = self._target(name.format(month=month), self.tr("PDF 文件 (*.pdf)"), ".pdf")
        if path is not None:
            self._write(points_docs.save_month_end_pdf, self.desk, self._actor, month, path, notice=notice)

    def _target(self, name: str, kinds: str, suffix: str) -> Path | None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("保存"), str(Path(self.desk.paths.exports) / name), kinds
        )
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)

    def _write(self, fn: Callable[..., Path], *args: object, **kwargs: object) -> None:
        self.saving = True
        self.ui.statusLabel.setText(self.tr("正在保存……"))
        self._update()
        self.tasks.run(fn, *args, on_done=self._saved, on_error=self._save_failed, owner=self, **kwargs)

    def _saved(self, path: Path) -> None:
        self.saving = False
        self._update()
        self.ui.statusLabel.setText(self.tr("已保存：{path}").format(path=path))

    def _save_failed(self, error: BaseException) -> None:
        self.saving = False
        self._update()
        if isinstance(error, OSError):
            reason = disk_problem(error)
        elif isinstance(error, ValidationError):
            reason = self.tr("；").join(p.message for p in error.problems)
        elif isinstance(error, DeskError):
            reason = str(error)
        else:
            self.ui.statusLabel.clear()
            raise error
        self.ui.statusLabel.setText(self.tr("未保存：{reason}").format(reason=reason))
