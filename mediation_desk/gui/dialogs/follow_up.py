"""回访记录 (art. 31): how the agreement is being performed, whether the parties are satisfied,
signs of the conflict returning. Recording it moves an agreed or performing case into follow-up."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.gui.case_labels import (
    PERFORMANCE_NAMES,
    SATISFACTION_NAMES,
    name_of,
)
from mediation_desk.gui.dialogs.base import Call, ServiceDialog, bind
from mediation_desk.gui.forms.ui_follow_up_dialog import Ui_FollowUpDialog
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.mediation import followup


class FollowUpDialog(ServiceDialog):
    def __init__(
        self, desk: Desk, tasks: TaskManager, actor: Actor, case_id: str, number: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(desk, tasks, actor, parent)
        self.case_id = case_id
        self.ui = Ui_FollowUpDialog()
        self.ui.setupUi(self)
        u = self.ui
        u.headingLabel.setText(number)
        # Nothing chosen at first: the visitor must say what was found, not accept a default.
        for combo, names in ((u.performanceStatus, PERFORMANCE_NAMES), (u.satisfaction, SATISFACTION_NAMES)):
            combo.addItem(self.tr("（请选择）"), "")
            for code in names:
                combo.addItem(name_of(names, code), code)
        u.visitor.setText(actor.label)
        self.error_labels = {
            "performance_status": u.performanceStatusError,
            "satisfaction": u.satisfactionError,
            "visitor": u.visitorError,
            "notes": u.notesError,
        }
        self.wire(u.buttonBox, u.messageLabel)

    def values(self) -> dict[str, Any]:
        u = self.ui
        return {
            "performance_status": u.performanceStatus.currentData() or None,
            "satisfaction": u.satisfaction.currentData() or None,
            "renewed_conflict": u.renewedConflict.isChecked(),
            "visitor": u.visitor.text(),
            "notes": u.notes.toPlainText(),
        }

    def service_call(self) -> Call:
        return bind(followup.record_follow_up, self.desk, self.actor, self.case_id, self.values())
