"""One case (案件详情): its header, parties (masked), mediators, agreement, session records,
attachments and the timeline of everything that happened, with a button for each action the
service offers this operator now (`mediation/case_page_view.py`: the state machine's moves that
the role table allows); an action a guard blocks is shown disabled with the guard's reason.

Every read and write runs through the task helper on the desk worker; the page itself decides no
permission. A refusal (a 调解员 opening someone else's case, an unknown case, a locked desk) is
said calmly on the page; each dialog keeps its own form open until the service accepts it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.errors import DeskError
from mediation_desk.gui.case_labels import action_name
from mediation_desk.gui.dialogs.agreement import AgreementDialog
from mediation_desk.gui.dialogs.assignment import AssignmentDialog
from mediation_desk.gui.dialogs.base import ServiceDialog, bind
from mediation_desk.gui.dialogs.follow_up import FollowUpDialog
from mediation_desk.gui.dialogs.reason import ReasonDialog
from mediation_desk.gui.dialogs.session_record import SessionRecordDialog
from mediation_desk.gui.dialogs.signatures import SignaturesDialog
from mediation_desk.gui.dialogs.transition import TransitionDialog
from mediation_desk.gui.forms.ui_case_page import Ui_CasePage
from mediation_desk.gui.large_text import HEADING, SUBHEADING, enlarge
from mediation_desk.gui.pages.case_attachments import AttachmentsPanel
from mediation_desk.gui.pages.case_display import SESSION_ID_ROLE, CaseDisplay
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.mediation import case_page_view
from mediation_desk.mediation.case_page_view import CasePageView, OfferedAction

if TYPE_CHECKING:
    from mediation_desk.gui.documents_dialog import DocumentsDialog

BLOCKED_STYLE = "color: #7a4b00;"
ACTION_FONT_FACTOR = 1.15  # the buttons elderly mediators press most: a little larger


class CasePage(QWidget):
    case_changed = Signal(str)  # case id: something about it was saved
    back_requested = Signal()  # the user wants the list of cases again

    def __init__(self, desk: Desk, tasks: TaskManager, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = tasks
        self.actor = actor  # whoever is logged in: `set_actor`, on the window's operator_changed
        self.ui = Ui_CasePage()
        self.ui.setupUi(self)
        enlarge(HEADING, self.ui.numberLabel)
        enlarge(SUBHEADING, self.ui.stateLabel)
        self.display = CaseDisplay(self.ui, self)
        self.attachments = AttachmentsPanel(self, self.ui, desk, tasks)
        self.attachments.added.connect(self._attachments_added)
        self.case_id: str | None = None
        self.view: CasePageView | None = None
        self.offered: dict[str, OfferedAction] = {}
        self.action_buttons: dict[str, QPushButton] = {}
        self.blocked_labels: dict[str, QLabel] = {}
        self.dialog: ServiceDialog | None = None
        self.documents_dialog: DocumentsDialog | None = None
        self.loading = False
        self._serial = 0  # the newest read; an older answer arriving late is dropped
        self._then: str | None = None  # an action to open once the case is shown
        self.setAcceptDrops(True)
        self.ui.splitter.setStretchFactor(0, 3)
        self.ui.splitter.setStretchFactor(1, 2)
        self.ui.backButton.clicked.connect(self.back_requested)
        self.ui.fullDataButton.clicked.connect(self.ask_full_personal_data)
        self.ui.documentsButton.clicked.connect(self.open_documents)
        self.ui.correctSessionButton.clicked.connect(self.correct_selected_session)
        self.ui.sessionsList.currentItemChanged.connect(lambda *_: self._update_session_button())
        self.ui.sessionsList.itemActivated.connect(lambda _item: self.correct_selected_session())
        self._show_nothing()

    # ---- reading --------------------------------------------------------------------------------

    def show_case(self, case_id: str, action: str | None = None) -> None:
        """Read and show a case; `action` (e.g. "assign") opens that action's dialog once shown."""
        if case_id != self.case_id:
            self.view = None
            self._show_nothing()
        self.case_id = case_id
        self._then = action
        self._load()

    def refresh(self) -> None:
        """Read the case again, masked (full personal data is shown for one look only)."""
        if self.case_id is not None:
            self._load()

    def set_actor(self, actor: Actor) -> None:
        """A login after a lock. An open dialog saves as whoever is logged in now; for another
        operator nothing read with the previous one's permissions stays on screen (the window's
        refresh reads the case again for them)."""
        changed = actor != self.actor
        self.actor = actor
        for dialog in (self.dialog, self.documents_dialog):
            if dialog is not None:
                dialog.actor = actor
        if changed and self.view is not None:
            self._drop_view()

    def _load(self) -> None:
        self._serial += 1
        serial, case_id = self._serial, self.case_id
        assert case_id is not None
        self.loading = True
        for button in self.action_buttons.values():  # what they offer may be changing
            button.setEnabled(False)
        self.ui.messageLabel.setText(self.tr("正在读取案件……"))
        self.tasks.run(
            case_page_view.load_case_page,
            self.desk,
            self.actor,
            case_id,
            on_done=lambda view: self._loaded(serial, view),
            on_error=lambda error: self._load_failed(serial, error),
            owner=self,
        )

    def _loaded(self, serial: int, view: CasePageView) -> None:
        if serial != self._serial:
            return
        self.loading = False
        self.ui.messageLabel.clear()
        self.show_view(view)
        then, self._then = self._then, None
        if then is not None:
            self.open_action(then)

    def _load_failed(self, serial: int, error: BaseException) -> None:
        if serial != self._serial:
            return
        self.loading = False
        self._then = None
        if not isinstance(error, DeskError):
            self.ui.messageLabel.clear()
            raise error
        # Nothing of the case stays on screen when the actor may not see it.
        self.view = None
        self._show_nothing()
        self.ui.messageLabel.setText(self.tr("不能打开这件案件：{reason}").format(reason=error))

    def show_view(self, view: CasePageView) -> None:
        self.view = view
        self.case_id = view.case_id
        self.display.show(view)
        self._show_actions(view.actions)
        self.ui.fullDataButton.setVisible(view.may_view_full)
        self.ui.documentsButton.setVisible(view.may_view_full)
        self.attachments.show(
            view.case_id, view.attachments, can_add=view.may_add_attachments, can_open=view.may_open_attachments
        )
        self._update_session_button()

    def _drop_view(self) -> None:
        """Nothing of the case stays on screen; an answer still under way is dropped."""
        self._serial += 1
        self.loading = False
        self.view = None
        self._show_nothing()

    def _show_nothing(self) -> None:
        self.display.clear()
        self._show_actions(())
        self.ui.fullDataButton.setVisible(False)
        self.ui.documentsButton.setVisible(False)
        self.attachments.show(None, [], can_add=False, can_open=False)
        self._update_session_button()

    # ---- actions --------------------------------------------------------------------------------

    def _show_actions(self, actions: tuple[OfferedAction, ...]) -> None:
        layout = self.ui.actionsLayout
        for widget in [*self.action_buttons.values(), *self.blocked_labels.values()]:
            layout.removeWidget(widget)
            widget.deleteLater()
        self.action_buttons, self.blocked_labels = {}, {}
        self.offered = {a.key: a for a in actions}
        for action in actions:
            button = QPushButton(action_name(action.key), self)
            button.setObjectName(f"action_{action.key}")
            enlarge(ACTION_FONT_FACTOR, button)
            button.clicked.connect(lambda _checked=False, key=action.key: self.open_action(key))
            layout.addWidget(button)
            button.show()  # now, not from the event loop: what is offered is there at once
            self.action_buttons[action.key] = button
            if action.blocked:
                button.setEnabled(False)
                button.setToolTip(action.blocked)
                why = QLabel(self.tr("暂不能办理：{reason}").format(reason=action.blocked), self)
                why.setObjectName(f"blocked_{action.key}")
                why.setWordWrap(True)
                why.setStyleSheet(BLOCKED_STYLE)
                layout.addWidget(why)
                why.show()
                self.blocked_labels[action.key] = why
        self.ui.noActionsLabel.setVisible(not actions)

    def open_action(self, key: str) -> bool:
        """Open the dialog of an offered action; False (and why, on the page) when it is not
        offered now."""
        view = self.view
        offered = self.offered.get(key)
        if view is None or offered is None:
            if view is not None:
                self.ui.messageLabel.setText(
                    self.tr("这件案件现在不能办理「{action}」").format(action=action_name(key).rstrip("…"))
                )
            return False
        if offered.blocked:
            self.ui.messageLabel.setText(offered.blocked)
            return False
        self.ui.messageLabel.clear()
        self._present(self._dialog_for(offered, view))
        return True

    def _dialog_for(self, offered: OfferedAction, view: CasePageView) -> ServiceDialog:
        key = offered.key
        d, number, case_id = view.detail, view.detail.summary.number, view.case_id
        args = (self.desk, self.tasks, self.actor, case_id, number)
        active = [a for a in d.assignments if a.ended_at is None]
        if key == "assign":
            return AssignmentDialog(*args, preselect=not active, parent=self)
        if key == "session":
            return SessionRecordDialog(*args, d.parties, [a.mediator_name for a in active], parent=self)
        if key == "agreement":
            return AgreementDialog(*args, len(d.parties), d.brief_facts, parent=self)
        if key == "sign":
            assert d.agreement is not None
            return SignaturesDialog(*args, d.agreement, parent=self)
        if key == "follow_up":
            return FollowUpDialog(*args, parent=self)
        assert offered.target is not None  # every other action is a move of the state machine
        return TransitionDialog(*args, view.status, offered.target, parent=self)

    def _present(self, dialog: ServiceDialog) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.saved.connect(self._saved)
        dialog.open()  # window-modal; the page keeps running its tasks meanwhile

    def _saved(self, _result: Any) -> None:
        if self.case_id is None:
            return
        self.refresh()
        self.case_changed.emit(self.case_id)

    def _attachments_added(self) -> None:
        self._saved(None)

    # ---- documents ------------------------------------------------------------------------------

    def open_documents(self) -> bool:
        """文书 (Ctrl+P): generate, preview, print or save this case's documents; False when no
        case is shown, or the actor may not print its personal data."""
        view = self.view
        if view is None or not view.may_view_full:
            return False
        d = view.detail
        sign = self.offered.get("sign")
        from mediation_desk.gui.documents_dialog import DocumentsDialog  # reportlab: only when printing

        dialog = DocumentsDialog(
            self.desk,
            self.tasks,
            self.actor,
            view.case_id,
            d.summary.number,
            copies=d.agreement.copies if d.agreement else len(d.parties) + 1,
            can_sign=sign is not None and not sign.blocked,
            parent=self,
        )
        dialog.signing_requested.connect(lambda: self.open_action("sign"))
        if self.documents_dialog is not None:
            self.documents_dialog.deleteLater()
        self.documents_dialog = dialog
        dialog.open()  # window-modal, like the action dialogs
        return True

    # ---- session corrections --------------------------------------------------------------------

    def selected_session_id(self) -> str | None:
        item = self.ui.sessionsList.currentItem()
        return item.data(SESSION_ID_ROLE) if item is not None else None

    def _update_session_button(self) -> None:
        allowed = self.view is not None and self.view.may_correct_sessions
        self.ui.correctSessionButton.setVisible(allowed)
        self.ui.correctSessionButton.setEnabled(allowed and self.selected_session_id() is not None)

    def correct_selected_session(self) -> None:
        view, session_id = self.view, self.selected_session_id()
        if view is None or session_id is None or not self.ui.correctSessionButton.isEnabled():
            return
        record = next(r for r in view.sessions if r.id == session_id)
        d = view.detail
        # A correction keeps the mediators the record was made with (sessions.correct_session).
        names = [self.tr("沿用原记录中的调解员")]
        self._present(
            SessionRecordDialog(
                self.desk,
                self.tasks,
                self.actor,
                view.case_id,
                d.summary.number,
                d.parties,
                names,
                correcting=record,
                parent=self,
            )
        )

    # ---- full personal data ---------------------------------------------------------------------

    def ask_full_personal_data(self) -> None:
        """A party's full ID number, phone and address: shown once, with the reason audited."""
        if self.view is None:
            return
        case_id = self.view.case_id
        dialog = ReasonDialog(
            self.desk,
            self.tasks,
            self.actor,
            self.tr("查看完整个人信息"),
            self.tr(
                "当事人的证件号码、电话和住址属于个人信息。请说明查看的理由（如：回访需要联系当事人），"
                "本次查看连同理由记入审计日志。"
            ),
            lambda reason: bind(
                case_page_view.load_case_page, self.desk, self.actor, case_id, full_personal_data=True, reason=reason
            ),
            self,
        )
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.saved.connect(self._show_full)
        dialog.open()

    def forget_full_personal_data(self) -> None:
        """The desk locked: a look at full personal data ends with the session (read again,
        masked, after the next login)."""
        if self.view is not None and self.view.full_personal_data:
            self._drop_view()

    def _show_full(self, view: CasePageView) -> None:
        if view.case_id == self.case_id:
            self._serial += 1  # a masked read still under way must not hide it again
            self.show_view(view)

    # ---- drag and drop --------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.attachments.accepts(event.mimeData()):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self.dragEnterEvent(event)  # type: ignore[arg-type]

    def dropEvent(self, event: QDropEvent) -> None:
        if not self.attachments.accepts(event.mimeData()):
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.attachments.drop(event.mimeData())
