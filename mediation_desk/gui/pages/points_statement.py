"""积分明细 (a resident's statement) in the balances tab: the entries of a period with the balance
before and after them, printed or saved as the PDF the documents layer makes of it, and 冲正
(reversing an entry) by the 主任 — with a reason, after a confirmation, since a reversal cannot be
undone: the ledger only ever grows, a mistake is answered by an entry of the opposite coins."""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QTableWidgetItem, QWidget

from mediation_desk.administration import accounts
from mediation_desk.core.uow import Actor, china_today
from mediation_desk.desk import Desk
from mediation_desk.documents import points_docs
from mediation_desk.errors import DeskError, ValidationError
from mediation_desk.gui.dialogs.base import bind
from mediation_desk.gui.dialogs.reason import ReasonDialog
from mediation_desk.gui.field_errors import show_problems
from mediation_desk.gui.large_text import size_table
from mediation_desk.gui.pdf_dialog import PdfDialog
from mediation_desk.gui.points_labels import coins_text, entry_kind_name
from mediation_desk.gui.table_keys import KEY_ROLE, select_key, selected_key
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.points import ledger, rules
from mediation_desk.points.dto import EntryView, ResidentView, StatementView
from mediation_desk.privacy import roles

DATE, KIND, WHAT, COINS, NOTE = range(5)
WIDTHS = {DATE: 7, KIND: 5, WHAT: 14, COINS: 5}  # em
DIM = QColor("#666666")
CALM_STYLE = "color: #7a4b00;"
CORRECT = "points.correct"


def statement_document(desk: Desk, statement: StatementView) -> bytes:
    """The statement's PDF, made on the desk worker (with the folder the save dialog offers)."""
    pdf = points_docs.statement_pdf(statement, accounts.get_committee(desk).name)
    with contextlib.suppress(OSError):  # only a convenience: the save dialog then opens elsewhere
        desk.paths.exports.mkdir(parents=True, exist_ok=True)
    return pdf


class ReversalDialog(ReasonDialog):
    """冲正: the reason typed, then a confirmation that it cannot be undone."""

    def __init__(self, desk: Desk, tasks: TaskManager, actor: Actor, entry: EntryView, parent: QWidget | None) -> None:
        def call(reason: str) -> Any:
            return bind(ledger.reverse, desk, actor, entry.id, reason=reason)

        super().__init__(desk, tasks, actor, "", "", call, parent)
        self.entry = entry
        self.setWindowTitle(self.tr("冲正积分记录"))
        self.ui.promptLabel.setText(
            self.tr(
                "冲正 {date}「{kind}」{what} {coins} 绿币：另记一笔 {back} 绿币的冲正记录，原记录保留。"
                "请写明冲正理由（记入审计日志）。"
            ).format(
                date=entry.entry_date.isoformat(),
                kind=entry_kind_name(entry.kind),
                what=points_docs.entry_words(entry),
                coins=coins_text(entry.coins),
                back=coins_text(-entry.coins),
            )
        )

    def confirmation(self) -> str:
        return self.tr("冲正后不能撤销，这条记录也不能再冲正第二次。确定冲正吗？")


class StatementSection(QObject):
    """Drives the 积分明细 widgets of the balances tab's form."""

    changed = Signal(str, str)  # (resident, what was done): an entry reversed, the balances are read again

    def __init__(self, page: Any) -> None:
        super().__init__(page)
        self.page = page
        self.ui = ui = page.ui
        self.resident: ResidentView | None = None
        self.statement: StatementView | None = None
        self.loading = self.printing = False
        self._generation = 0
        self.dialog: QWidget | None = None
        ui.statementMessage.setStyleSheet(CALM_STYLE)
        table = ui.entryTable
        headers = (self.tr("日期"), self.tr("类别"), self.tr("内容"), self.tr("绿币"), self.tr("说明"))
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        size_table(table, 1.1, dict(WIDTHS))  # in em, following 大字模式
        table.horizontalHeader().setSectionResizeMode(NOTE, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setVisible(False)
        day = china_today()
        today = QDate(day.year, day.month, day.day)
        ui.untilEdit.setMaximumDate(today)
        ui.untilEdit.setDate(today)
        ui.sinceEdit.setMaximumDate(today)
        ui.sinceEdit.setDate(QDate(today.year(), today.month(), 1))
        ui.sinceEdit.setEnabled(False)
        ui.fromStartCheck.toggled.connect(lambda on: ui.sinceEdit.setEnabled(not on))
        ui.showStatementButton.clicked.connect(self.load)
        ui.entryTable.itemSelectionChanged.connect(self._update)
        ui.printButton.clicked.connect(self.print_statement)
        ui.reverseButton.clicked.connect(self.reverse_selected)
        self.errors = {"since": ui.periodError, "until": ui.periodError}
        self.show_resident(None)

    def may_correct(self) -> bool:
        return roles.allowed(self.page.actor.role, CORRECT)

    def operator_changed(self) -> None:
        self.ui.statementMessage.clear()
        self._update()

    # ---- reading --------------------------------------------------------------------------------

    def period(self) -> tuple[dt.date | None, dt.date]:
        ui = self.ui
        since = None if ui.fromStartCheck.isChecked() else ui.sinceEdit.date().toPython()
        return since, ui.untilEdit.date().toPython()

    def show_resident(self, resident: ResidentView | None) -> None:
        """The statement of the resident chosen in the list (none: an empty statement)."""
        self.resident = resident
        self.ui.statementMessage.clear()
        if resident is None:
            self._generation += 1  # an answer still on its way is for nobody now
            self.statement = None
            self.loading = False
            self.ui.statementHeading.setText(self.tr("请在左边的名单中选择一位居民"))
            self.ui.figuresLabel.clear()
            self.ui.entryTable.setRowCount(0)
            self._update()
            return
        self.ui.statementHeading.setText(
            self.tr("{name}（{group}）　余额 {balance} 绿币").format(
                name=resident.name, group=resident.village_group, balance=resident.balance
            )
        )
        self.load()

    def load(self) -> None:
        if self.resident is None:
            return
        self._generation += 1
        generation = self._generation
        self.loading = True
        show_problems(self.errors, [])
        since, until = self.period()
        self._update()
        self.page.tasks.run(
            ledger.statement,
            self.page.desk,
            self.page.actor,
            self.resident.id,
            since=since,
            until=until,
            on_done=lambda statement: self._show(generation, statement),
            on_error=lambda error: self._failed(generation, error),
            owner=self,
        )

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self.loading = False
        self._update()
        if not isinstance(error, DeskError):
            raise error
        if isinstance(error, ValidationError):
            for problem in show_problems(self.errors, error.problems):
                self.ui.statementMessage.setText(problem.message)
            return
        self.ui.statementMessage.setText(str(error))

    def _show(self, generation: int, statement: StatementView) -> None:
        if generation != self._generation:
            return  # a resident or a period no longer asked for
        self.loading = False
        self.statement = statement
        since = statement.since.isoformat() if statement.since else self.tr("第一笔记录")
        self.ui.figuresLabel.setText(
            self.tr("自{since}至 {until}：期初 {opening}，共 {count} 笔，期末 {closing} 绿币").format(
                since=since,
                until=statement.until.isoformat(),
                opening=statement.opening,
                count=len(statement.entries),
                closing=statement.closing,
            )
        )
        table = self.ui.entryTable
        table.clearSelection()
        table.setRowCount(len(statement.entries))
        dim = QBrush(DIM)
        for row, e in enumerate(statement.entries):
            note = self.tr("已冲正") if e.reversed_by else ""
            cells = [
                e.entry_date.isoformat(),
                entry_kind_name(e.kind),
                points_docs.entry_words(e),
                coins_text(e.coins),
                note,
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(KEY_ROLE, e.id)
                if column == COINS:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if e.reversed_by:
                    item.setForeground(dim)
                if column == WHAT:
                    item.setToolTip(text)
                table.setItem(row, column, item)
        if not statement.entries:
            self.ui.statementMessage.setText(self.tr("这段时间没有积分记录"))
        self._update()

    def selected_entry(self) -> EntryView | None:
        chosen = selected_key(self.ui.entryTable, DATE)
        if chosen is None or self.statement is None:
            return None
        return next((e for e in self.statement.entries if e.id == chosen), None)

    def select_entry(self, entry_id: str) -> None:
        select_key(self.ui.entryTable, entry_id, DATE)

    def _update(self) -> None:
        ui, entry = self.ui, self.selected_entry()
        ready = self.statement is not None and not self.loading
        ui.showStatementButton.setEnabled(self.resident is not None)
        ui.printButton.setEnabled(ready and not self.printing)
        reversible = entry is not None and entry.kind != rules.REVERSAL and entry.reversed_by is None
        ui.reverseButton.setEnabled(ready and self.may_correct() and reversible)
        if not self.may_correct():
            ui.reverseButton.setToolTip(self.tr("冲正积分记录须由主任办理"))
        elif entry is not None and not reversible:
            ui.reverseButton.setToolTip(self.tr("冲正记录和已冲正的记录不能再冲正"))
        else:
            ui.reverseButton.setToolTip(self.tr("另记一笔相反的记录抵消所选记录，须写明理由，不能撤销"))

    # ---- printing -------------------------------------------------------------------------------

    def print_statement(self) -> None:
        """The statement shown, as a PDF made on the desk worker, in the preview to print or save."""
        statement = self.statement
        if statement is None or self.printing:
            return
        self.printing = True
        self.ui.statementMessage.setText(self.tr("正在生成积分明细……"))
        self._update()
        self.page.tasks.run(
            statement_document,
            self.page.desk,
            statement,
            on_done=lambda pdf: self._show_pdf(statement, pdf),
            on_error=self._print_failed,
            owner=self,
        )

    def _show_pdf(self, statement: StatementView, pdf: bytes) -> None:
        self.printing = False
        self.ui.statementMessage.clear()
        self._update()
        name = statement.resident.name
        dialog = PdfDialog(
            self.page.tasks,
            pdf,
            self.tr("{name}的积分明细").format(name=name),
            self.tr("积分明细-{name}-{until}.pdf").format(name=name, until=f"{statement.until:%Y%m%d}"),
            self.page.desk.paths.exports,
            self.page,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(self._dialog_gone)
        self.dialog = dialog
        dialog.open()

    def _print_failed(self, error: BaseException) -> None:
        self.printing = False
        self._update()
        if not isinstance(error, DeskError):
            self.ui.statementMessage.clear()
            raise error
        self.ui.statementMessage.setText(self.tr("未能生成积分明细：{reason}").format(reason=error))

    def _dialog_gone(self) -> None:
        self.dialog = None

    # ---- 冲正 -----------------------------------------------------------------------------------

    def reverse_selected(self) -> ReversalDialog | None:
        entry = self.selected_entry()
        if entry is None or not self.ui.reverseButton.isEnabled():
            return None
        dialog = ReversalDialog(self.page.desk, self.page.tasks, self.page.actor, entry, self.page)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._reversed)
        dialog.destroyed.connect(self._dialog_gone)
        self.dialog = dialog
        dialog.open()  # window-modal, without a nested event loop
        return dialog

    def _reversed(self, view: EntryView) -> None:
        text = self.tr("已冲正：另记 {coins} 绿币。").format(coins=coins_text(view.coins))
        if view.stock_returned:
            text += self.tr("礼品 {count} 件已退回库存。").format(count=view.stock_returned)
        self.changed.emit(view.resident_id, text)
