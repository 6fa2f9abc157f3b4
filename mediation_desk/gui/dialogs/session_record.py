"""调解记录: time, place, matter, mediators, invited helpers, recorder, each party's statement,
facts checked and the outcome. Records are never overwritten: a correction is saved as a new
version with its reason, the earlier version kept (sessions.correct_session)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget

from mediation_desk.core.uow import CHINA, Actor
from mediation_desk.desk import Desk
from mediation_desk.gui.case_labels import OUTCOME_NAMES, name_of
from mediation_desk.gui.dialogs.base import Call, ServiceDialog, bind
from mediation_desk.gui.forms.ui_session_record_dialog import Ui_SessionRecordDialog
from mediation_desk.gui.party_editor import ROLE_NAMES
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.mediation import sessions
from mediation_desk.mediation.dto import PartyView
from mediation_desk.mediation.sessions import SessionView
from mediation_desk.storage.base import utcnow

NAME_SEPARATORS = re.compile(r"[、，,；;\n]+")
ERROR_STYLE = "color: #b00020;"
STATEMENT_LINES = 6  # visible lines of each party's statement; a longer one scrolls


def split_names(text: str) -> list[str]:
    """ "王永年、陈建林" → ["王永年", "陈建林"]; a space stays inside a name ("村支书 谢国平")."""
    return [name.strip() for name in NAME_SEPARATORS.split(text) if name.strip()]


class SessionRecordDialog(ServiceDialog):
    """A new record of `case_id`, or with `correcting` a new version of that record."""

    def __init__(
        self,
        desk: Desk,
        tasks: TaskManager,
        actor: Actor,
        case_id: str,
        number: str,
        parties: Sequence[PartyView],
        mediator_names: Sequence[str],
        correcting: SessionView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(desk, tasks, actor, parent)
        self.case_id = case_id
        self.parties = list(parties)
        self.correcting = correcting
        self.ui = Ui_SessionRecordDialog()
        self.ui.setupUi(self)
        u = self.ui
        for code in OUTCOME_NAMES:
            u.outcome.addItem(name_of(OUTCOME_NAMES, code), code)
        u.mediatorsValue.setText("、".join(mediator_names) or self.tr("（尚未指派）"))
        self.statements: list[QPlainTextEdit] = []
        self.error_labels = {
            "held_at": u.heldAtError,
            "place": u.placeError,
            "matter": u.matterError,
            "participants": u.participantsError,
            "helpers": u.helpersError,
            "recorder": u.recorderError,
            "facts_checked": u.factsCheckedError,
            "result": u.resultError,
            "outcome": u.outcomeError,
            "statements": u.statementsError,
            "correction_reason": u.correctionReasonError,
        }
        for i, party in enumerate(self.parties):
            self._add_statement(i, party)
        editing = correcting is not None
        for widget in (u.correctionReasonLabel, u.correctionReason, u.correctionReasonError):
            widget.setVisible(editing)
        u.rightsNotified.setVisible(not editing)  # part of the record as it was made
        # An attestation: ticked by the mediator who told the parties, never by default.
        u.rightsNotified.setChecked(False)
        if correcting is None:
            self.setWindowTitle(self.tr("记录调解"))
            u.headingLabel.setText(self.tr("{number}　新的调解记录").format(number=number))
            u.heldAt.setDateTime(_china_now())
            u.participants.setText("、".join(p.person.name for p in self.parties))
            u.recorder.setText(actor.label)
        else:
            self.setWindowTitle(self.tr("更正调解记录"))
            u.headingLabel.setText(
                self.tr("{number}　更正调解记录（现为第 {version} 版，保存为第 {next} 版，原记录保留）").format(
                    number=number, version=correcting.version, next=correcting.version + 1
                )
            )
            self._fill(correcting)
        self.wire(u.buttonBox, u.messageLabel)
        u.place.setFocus()

    def _add_statement(self, index: int, party: PartyView) -> None:
        layout = self.ui.statementsLayout
        title = QLabel(
            self.tr("{role}　{name}").format(role=name_of(ROLE_NAMES, party.role, "Party"), name=party.person.name),
            self,
        )
        edit = QPlainTextEdit(self)
        edit.setObjectName(f"statement_{index}")
        edit.setTabChangesFocus(True)
        edit.setPlaceholderText(self.tr("当事人的陈述"))
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * STATEMENT_LINES + 2 * edit.frameWidth() + 8)
        title.setBuddy(edit)
        error = QLabel(self)
        error.setObjectName(f"statement_{index}Error")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        for widget in (title, edit, error):
            layout.addWidget(widget)
        self.statements.append(edit)
        self.error_labels[f"statements[{index}]"] = error

    def _fill(self, record: SessionView) -> None:
        u = self.ui
        held = record.held_at.astimezone(CHINA)
        u.heldAt.setDateTime(QDateTime(QDate(held.year, held.month, held.day), QTime(held.hour, held.minute)))
        u.place.setText(record.place)
        u.matter.setText(record.matter or "")
        u.participants.setText("、".join(record.participants))
        u.helpers.setText("、".join(record.helpers))
        u.recorder.setText(record.recorder)
        said = dict(record.statements)
        for party, edit in zip(self.parties, self.statements, strict=True):
            edit.setPlainText(said.get(party.person.id, ""))
        u.factsChecked.setPlainText(record.facts_checked or "")
        u.result.setPlainText(record.result)
        u.outcome.setCurrentIndex(max(u.outcome.findData(record.outcome), 0))

    def values(self) -> dict[str, Any]:
        u = self.ui
        return {
            "held_at": u.heldAt.dateTime().toString("yyyy-MM-dd HH:mm"),  # Beijing time, as typed
            "place": u.place.text(),
            "matter": u.matter.text(),
            "participants": split_names(u.participants.text()),
            "helpers": split_names(u.helpers.text()),
            "recorder": u.recorder.text(),
            "rights_notified": u.rightsNotified.isChecked(),
            # Every party's statement is part of the record: an empty one is named, not dropped.
            "statements": [
                {"person_id": p.person.id, "text": edit.toPlainText()}
                for p, edit in zip(self.parties, self.statements, strict=True)
            ],
            "facts_checked": u.factsChecked.toPlainText(),
            "result": u.result.toPlainText(),
            "outcome": u.outcome.currentData(),
        }

    def changes(self) -> dict[str, Any]:
        """For a correction, only what differs from the record: the rest of the new version is
        the earlier one's exactly (its time to the second, whether the rights were told)."""
        assert self.correcting is not None
        r = self.correcting
        before = {
            "held_at": r.held_at.astimezone(CHINA).strftime("%Y-%m-%d %H:%M"),
            "place": r.place,
            "matter": r.matter or "",
            "participants": list(r.participants),
            "helpers": list(r.helpers),
            "recorder": r.recorder,
            "statements": [{"person_id": pid, "text": text} for pid, text in r.statements],
            "facts_checked": r.facts_checked or "",
            "result": r.result,
            "outcome": r.outcome,
        }
        return {k: v for k, v in self.values().items() if k in before and v != before[k]}

    def service_call(self) -> Call:
        if self.correcting is None:
            return bind(sessions.add_session, self.desk, self.actor, self.case_id, self.values())
        return bind(
            sessions.correct_session,
            self.desk,
            self.actor,
            self.correcting.id,
            self.changes(),
            self.ui.correctionReason.text(),
        )


def _china_now() -> QDateTime:
    now = utcnow().astimezone(CHINA)
    return QDateTime(QDate(now.year, now.month, now.day), QTime(now.hour, now.minute))
