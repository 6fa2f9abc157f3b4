"""A change of a case's state: its reason; for a termination the other routes the parties were
told of (art. 26); for an escalation the level it goes to (art. 25); the prevention counters of
the monthly report. Irreversible changes are confirmed before they are sent."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QWidget

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.errors import (
    DeskError,
    FieldProblem,
    TransitionError,
    ValidationError,
)
from mediation_desk.gui.case_labels import (
    LEVEL_NAMES,
    PREVENTION_NAMES,
    ROUTE_NAMES,
    name_of,
)
from mediation_desk.gui.dialogs.base import Call, ServiceDialog, bind
from mediation_desk.gui.field_errors import show_problems
from mediation_desk.gui.forms.ui_transition_dialog import Ui_TransitionDialog
from mediation_desk.gui.labels import state_name
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.mediation import states, workflow

NEEDS_REASON = frozenset({states.TERMINATED, states.DECLINED, states.ESCALATED})
IRREVERSIBLE = frozenset({states.CLOSED, states.TERMINATED, states.DECLINED, states.ESCALATED})


class TransitionDialog(ServiceDialog):
    def __init__(
        self,
        desk: Desk,
        tasks: TaskManager,
        actor: Actor,
        case_id: str,
        number: str,
        current: str,
        target: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(desk, tasks, actor, parent)
        self.case_id = case_id
        self.number = number
        self.current = current
        self.target = target
        self.ui = Ui_TransitionDialog()
        self.ui.setupUi(self)
        u = self.ui
        self.setWindowTitle(state_name(target))
        u.headingLabel.setText(self.tr("{number}　转为「{state}」").format(number=number, state=state_name(target)))
        u.hintLabel.setText(self._hint())
        u.hintLabel.setVisible(bool(u.hintLabel.text()))
        if target not in NEEDS_REASON:
            u.reasonLabel.setText(self.tr("说明（可不填）(&R)："))
        escalating = target == states.ESCALATED
        for widget in (u.levelLabel, u.level, u.levelError):
            widget.setVisible(escalating)
        u.level.addItem(self.tr("（请选择）"), "")
        for code in LEVEL_NAMES:
            u.level.addItem(name_of(LEVEL_NAMES, code), code)
        self.route_boxes = self._boxes(u.routesLayout, ROUTE_NAMES)
        u.routesBox.setVisible(target == states.TERMINATED)
        self.prevented_boxes = self._boxes(u.preventedLayout, PREVENTION_NAMES)
        self.error_labels = {
            "reason": u.reasonError,
            "escalate_to": u.levelError,
            "routes": u.routesError,
            "prevented": u.preventedError,
        }
        self.wire(u.buttonBox, u.messageLabel, state_name(target))
        u.reason.setFocus()

    def _boxes(self, layout: Any, names: dict[str, str]) -> dict[str, QCheckBox]:
        boxes = {}
        for i, code in enumerate(names):
            box = QCheckBox(name_of(names, code), self)
            box.setObjectName(f"check_{code}")
            layout.insertWidget(i, box)  # before the error label that ends the group
            boxes[code] = box
        return boxes

    def _hint(self) -> str:
        hints = {
            states.TERMINATED: self.tr(
                "调解不成的，应当终止调解，写明理由，并告知当事人可以依法通过仲裁、"
                "行政、司法等途径维护自己的权利（人民调解法第二十六条）。终止后不能恢复调解。"
            ),
            states.DECLINED: self.tr(
                "当事人一方明确拒绝调解的，不得调解（人民调解法第十七条）。请记录理由。此操作不可撤销。"
            ),
            states.ESCALATED: self.tr(
                "可能激化为治安案件、刑事案件的纠纷，应当及时上报（人民调解法第二十五条）。"
                "上报后本案在本调委会办结，不可撤销。"
            ),
            states.CLOSED: self.tr("结案后案件不能再变更。"),
        }
        return hints.get(self.target, "")

    def values(self) -> dict[str, Any]:
        u = self.ui
        return {
            "reason": u.reason.toPlainText(),
            "routes": [code for code, box in self.route_boxes.items() if box.isChecked()]
            if self.target == states.TERMINATED
            else [],
            "escalate_to": u.level.currentData() or None if self.target == states.ESCALATED else None,
            "prevented": [code for code, box in self.prevented_boxes.items() if box.isChecked()],
        }

    def service_call(self) -> Call:
        v = self.values()
        # The state machine's own guards on what this form supplies, checked before the
        # confirmation is asked (the service checks them again when it applies the move).
        given = states.CaseFacts(reason=v["reason"], routes_told=tuple(v["routes"]), escalate_to=v["escalate_to"])
        if self.target in NEEDS_REASON and (why := states.blocking_reason(self.current, self.target, given)):
            raise ValidationError.single(self._missing_input() or "target", "transition", why)
        return bind(
            workflow.transition,
            self.desk,
            self.actor,
            self.case_id,
            self.target,
            reason=v["reason"],
            routes=v["routes"],
            escalate_to=v["escalate_to"],
            prevented=v["prevented"],
        )

    def confirmation(self) -> str | None:
        if self.target not in IRREVERSIBLE:
            return None
        return self.tr("确定将 {number} 转为「{state}」吗？\n此操作不可撤销。").format(
            number=self.number, state=state_name(self.target)
        )

    def _missing_input(self) -> str | None:
        """The input a refused move is missing, checked in the order the state machine's guards
        check it (so the guard's sentence lands next to the input it is about)."""
        v = self.values()
        if self.target == states.ESCALATED and not v["escalate_to"]:
            return "escalate_to"
        if self.target in NEEDS_REASON and not v["reason"].strip():
            return "reason"
        if self.target == states.TERMINATED and not v["routes"]:
            return "routes"
        return None

    def show_refusal(self, error: DeskError) -> None:
        field = self._missing_input() if isinstance(error, TransitionError) else None
        if field is None:
            super().show_refusal(error)
            return
        assert isinstance(error, TransitionError)
        show_problems(self.error_labels, [FieldProblem(field, "transition", error.reason)])
        self.message_text(self.tr("未保存：请按提示补全后再保存。"))
