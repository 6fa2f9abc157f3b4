"""确认签字: the clerk confirms that every party, the mediator and the committee seal are on the
written agreement; it takes effect that day (art. 29) and the 30-day window of art. 33 starts."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QWidget

from mediation_desk.core.uow import Actor, china_today
from mediation_desk.gui.dialogs.base import Call, ServiceDialog, bind
from mediation_desk.gui.forms.ui_signatures_dialog import Ui_SignaturesDialog
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.mediation import agreement
from mediation_desk.mediation.dto import AgreementView


class SignaturesDialog(ServiceDialog):
    def __init__(self, desk: Any, tasks: TaskManager, actor: Actor, case_id: str, number: str,
                 view: AgreementView, parent: QWidget | None = None) -> None:
        super().__init__(desk, tasks, actor, parent)
        self.case_id = case_id
        self.ui = Ui_SignaturesDialog()
        self.ui.setupUi(self)
        u = self.ui
        u.headingLabel.setText(self.tr("{number}　协议达成于 {reached}，一式 {copies} 份").format(
            number=number, reached=view.reached_on.isoformat(), copies=view.copies))
        today = china_today()
        u.signedOn.setDate(QDate(today.year, today.month, today.day))
        self.error_labels = {"signed_on": u.signedOnError}
        self.wire(u.buttonBox, u.messageLabel, self.tr("确认签字"))

    def service_call(self) -> Call:
        signed_on = self.ui.signedOn.date().toPython()
        return bind(agreement.confirm_signatures, self.desk, self.actor, self.case_id, signed_on)
