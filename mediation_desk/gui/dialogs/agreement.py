"""调解协议: written (人民调解协议书) or oral (口头协议), with the main facts, the disputed issues,
each party's responsibility, numbered terms that can be added, removed and reordered, the method
and deadline of performance and the amount. Art. 29: one copy per party plus one for the
committee, so the copies are counted from the parties, never fixed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QHeaderView, QTableWidgetItem, QWidget

from mediation_desk.core.uow import Actor, china_today
from mediation_desk.desk import Desk
from mediation_desk.gui.case_labels import AGREEMENT_FORM_NAMES, name_of
from mediation_desk.gui.dialogs.base import Call, ServiceDialog, bind
from mediation_desk.gui.forms.ui_agreement_dialog import Ui_AgreementDialog
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.mediation import agreement

DEFAULT_DEADLINE_DAYS = 30


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class AgreementDialog(ServiceDialog):
    def __init__(
        self,
        desk: Desk,
        tasks: TaskManager,
        actor: Actor,
        case_id: str,
        number: str,
        party_count: int,
        facts: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(desk, tasks, actor, parent)
        self.case_id = case_id
        self.party_count = party_count
        self.ui = Ui_AgreementDialog()
        self.ui.setupUi(self)
        u = self.ui
        u.headingLabel.setText(self.tr("{number}　登记调解协议").format(number=number))
        for code in AGREEMENT_FORM_NAMES:
            u.form.addItem(name_of(AGREEMENT_FORM_NAMES, code), code)
        today = china_today()
        u.reachedOn.setDate(_qdate(today))
        u.performanceDeadline.setDate(_qdate(today + dt.timedelta(days=DEFAULT_DEADLINE_DAYS)))
        u.facts.setPlainText(facts)
        u.termsTable.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.error_labels = {
            "form": u.formError,
            "reached_on": u.reachedOnError,
            "facts": u.factsError,
            "disputed_issues": u.disputedIssuesError,
            "responsibility": u.responsibilityError,
            "terms": u.termsError,
            "performance_method": u.performanceMethodError,
            "performance_deadline": u.performanceDeadlineError,
            "amount": u.amountError,
        }
        u.addTermButton.clicked.connect(lambda: self.add_term())
        u.removeTermButton.clicked.connect(self.remove_term)
        u.termUpButton.clicked.connect(lambda: self.move_term(-1))
        u.termDownButton.clicked.connect(lambda: self.move_term(1))
        u.termsTable.currentCellChanged.connect(lambda *_: self._update_term_buttons())
        u.deadlineCheck.toggled.connect(u.performanceDeadline.setEnabled)
        u.form.currentIndexChanged.connect(self._show_copies)
        self.add_term(edit=False)
        self._show_copies()
        self.wire(u.buttonBox, u.messageLabel)
        u.facts.setFocus()

    # ---- the terms ------------------------------------------------------------------------------

    def terms(self) -> list[str]:
        table = self.ui.termsTable
        return [(table.item(row, 0).text() if table.item(row, 0) else "") for row in range(table.rowCount())]

    def add_term(self, text: str = "", edit: bool = True) -> int:
        """A new term after the current one (at the end when none is current); returns its row."""
        table = self.ui.termsTable
        row = table.currentRow() + 1 if table.currentRow() >= 0 else table.rowCount()
        table.insertRow(row)
        table.setItem(row, 0, QTableWidgetItem(text))
        table.setCurrentCell(row, 0)
        if edit:
            table.editItem(table.item(row, 0))
        self._update_term_buttons()
        return row

    def remove_term(self) -> None:
        table = self.ui.termsTable
        row = table.currentRow()
        if row < 0:
            return
        table.removeRow(row)
        if table.rowCount():
            table.setCurrentCell(min(row, table.rowCount() - 1), 0)
        self._update_term_buttons()

    def move_term(self, step: int) -> None:
        """Up (-1) or down (+1): the numbers of the terms follow their order."""
        table = self.ui.termsTable
        row = table.currentRow()
        other = row + step
        if row < 0 or not 0 <= other < table.rowCount():
            return
        here, there = table.takeItem(row, 0), table.takeItem(other, 0)
        table.setItem(row, 0, there)
        table.setItem(other, 0, here)
        table.setCurrentCell(other, 0)
        self._update_term_buttons()

    def _update_term_buttons(self) -> None:
        u = self.ui
        row, count = u.termsTable.currentRow(), u.termsTable.rowCount()
        u.removeTermButton.setEnabled(row >= 0)
        u.termUpButton.setEnabled(row > 0)
        u.termDownButton.setEnabled(0 <= row < count - 1)

    # ---- copies and values ----------------------------------------------------------------------

    def _show_copies(self) -> None:
        if self.ui.form.currentData() == "oral":
            text = self.tr("口头协议：达成即生效，由调解委员会登记内容（人民调解法第二十八条、第三十条）。")
        else:
            text = self.tr("本协议一式{copies}份，当事人各执一份，调解委员会留存一份（当事人 {parties} 方）。").format(
                copies=self.party_count + 1, parties=self.party_count
            )
        self.ui.copiesLabel.setText(text)

    def values(self) -> dict[str, Any]:
        u = self.ui
        return {
            "form": u.form.currentData(),
            "reached_on": u.reachedOn.date().toPython(),
            "facts": u.facts.toPlainText(),
            "disputed_issues": u.disputedIssues.toPlainText(),
            "responsibility": u.responsibility.toPlainText(),
            "terms": self.terms(),
            "performance_method": u.performanceMethod.toPlainText(),
            "performance_deadline": u.performanceDeadline.date().toPython() if u.deadlineCheck.isChecked() else None,
            "amount": u.amount.text(),
        }

    def service_call(self) -> Call:
        return bind(agreement.record_agreement, self.desk, self.actor, self.case_id, self.values())
