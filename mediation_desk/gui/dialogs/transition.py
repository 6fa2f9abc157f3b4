"""A change of a case's state: its reason; for a termination (or an agreement not performed,
art. 32) the other routes the parties were told of (art. 26); for an escalation the level it goes
to (art. 25); the prevention counters of the monthly report. Irreversible changes, and the
withdrawal of an agreement not yet signed, are confirmed before they are sent."""

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

NEEDS_REASON = frozenset({states.TERMINATED, states.DECLINED, states.ESCALATED, states.UNPERFORMED})
IRREVERSIBLE = frozenset({states.CLOSED, states.TERMINATED, states.DECLINED, states.ESCALATED, states.UNPERFORMED})
WITH_ROUTES = frozenset({states.TERMINATED, states.UNPERFORMED})


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
        # agreed → in_mediation: the unsigned agreement is withdrawn, which needs its reason
        self.withdrawing = current == states.AGREED and target == states.IN_MEDIATION
        self.needs_reason = target in NEEDS_REASON or self.withdrawing
        self.ui = Ui_TransitionDialog()
        self.ui.setupUi(self)
        u = self.ui
        title = self.tr("协议撤回，重新调解") if self.withdrawing else state_name(target)
        self.setWindowTitle(title)
        u.headingLabel.setText(self.tr("{number}　转为「{state}」").format(number=number, state=state_name(target)))
        u.hintLabel.setText(self._hint())
        u.hintLabel.setVisible(bool(u.hintLabel.text()))
        if not self.needs_reason:
            u.reasonLabel.setText(self.tr("说明（可不填）(&R)："))
        escalating = target == states.ESCALATED
        for widget in (u.levelLabel, u.level, u.levelError):
            widget.setVisible(escalating)
        u.level.addItem(self.tr("（请选择）"), "")
        for code in LEVEL_NAMES:
            u.level.addItem(name_of(LEVEL_NAMES, code), code)
        self.route_boxes = self._boxes(u.routesLayout, ROUTE_NAMES)
        u.routesBox.setVisible(target in WITH_ROUTES)
        self.prevented_boxes = self._boxes(u.preventedLayout, PREVENTION_NAMES)
        self.error_labels = {
            "reason": u.reasonError,
            "escalate_to": u.levelError,
            "routes": u.routesError,
            "prevented": u.preventedError,
        }
        self.wire(u.buttonBox, u.messageLabel, title)
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
            states.UNPERFORMED: self.tr(
                "协议生效后当事人不履行或对协议内容发生争议的，应告知当事人可以向人民法院提起诉讼"
                "（人民调解法第三十二条），请勾选“诉讼”并写明未履行的情况。此操作不可撤销。"
            ),
        }
        if self.withdrawing:
            return self.tr(
                "书面协议尚未经各方签字、盖章，未生效（人民调解法第二十九条）。撤回后协议保留备查，"
                "案件回到调解中，须重新调解并登记新的协议。请写明撤回理由。"
            )
        if self.current == states.AGREED and self.target == states.TERMINATED:
            return self.tr(
                "当事人拒绝在协议上签字的，协议不生效，应当终止调解，写明理由，并告知当事人可以依法通过"
                "仲裁、行政、司法等途径维护自己的权利（人民调解法第二十六条）。终止后不能恢复调解。"
            )
        return hints.get(self.target, "")

    def values(self) -> dict[str, Any]:
        u = self.ui
        return {
            "reason": u.reason.toPlainText(),
            "routes": [code for code, box in self.route_boxes.items() if box.isChecked()]
            if self.target in WITH_ROUTES
            else [],
            "escalate_to": u.level.currentData() or None if self.target == states.ESCALATED else None,
            "prevented": [code for code, box in self.prevented_boxes.items() if box.isChecked()],
        }

    def service_call(self) -> Call:
        v = self.values()
        # The state machine's own guards on what this form supplies, checked before the
        # confirmation is asked (the service checks them again when it applies the move).
        given = states.CaseFacts(
            reason=v["reason"],
            routes_told=tuple(v["routes"]),
            escalate_to=v["escalate_to"],
            # what the page knew when it offered the move: an unsigned written agreement, in effect otherwise
            active_mediators=1,
            has_agreement=True,
            agreement_form="written",
            agreement_effective=self.target == states.UNPERFORMED,
        )
        if self.needs_reason and (why := states.blocking_reason(self.current, self.target, given)):
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
        if self.withdrawing:
            return self.tr(
                "确定撤回 {number} 尚未签字的协议、重新调解吗？\n撤回的协议保留备查，不能再签字生效。"
            ).format(number=self.number)
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
        if self.needs_reason and not v["reason"].strip():
            return "reason"
        if self.target in WITH_ROUTES and not v["routes"]:
            return "routes"
        if self.target == states.UNPERFORMED and "litigation" not in v["routes"]:
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
