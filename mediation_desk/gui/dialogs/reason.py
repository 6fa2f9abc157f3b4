"""A reason asked for before something that is audited with it: showing a party's full personal
data, opening an attachment's original (PIPL: access to personal information is recorded with why)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.gui.dialogs.base import Call, ServiceDialog
from mediation_desk.gui.forms.ui_reason_dialog import Ui_ReasonDialog
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.validation import clean_text

MAX_REASON = 200


class ReasonDialog(ServiceDialog):
    """`make_call(reason)` gives the service call to run with the reason typed."""

    def __init__(
        self,
        desk: Desk,
        tasks: TaskManager,
        actor: Actor,
        title: str,
        prompt: str,
        make_call: Callable[[str], Call],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(desk, tasks, actor, parent)
        self.ui = Ui_ReasonDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(title)
        self.ui.promptLabel.setText(prompt)
        self.make_call = make_call
        self.error_labels = {"reason": self.ui.reasonError}
        self.wire(self.ui.buttonBox, self.ui.messageLabel, self.tr("确定"))
        self.ui.reason.setFocus()

    def service_call(self) -> Call:
        reason = clean_text(self.ui.reason.text(), "reason", self.tr("理由"), required=True, max_chars=MAX_REASON)
        return self.make_call(reason or "")
