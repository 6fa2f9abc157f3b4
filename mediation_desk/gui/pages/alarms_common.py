"""What the 平安手环 tabs, the banner and the console share: the rule module's words in the
window's language, moments in Beijing time, waiting and answer times in words, the loud colours
of an alarm, and the one small dialog that asks for a line of text before a move (派给谁, the
outcome of an alarm, what was done about a bracelet, why a wearer stops)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.alarms import rules
from mediation_desk.core.uow import CHINA, Actor
from mediation_desk.desk import Desk
from mediation_desk.gui.dialogs.base import Call, ServiceDialog
from mediation_desk.gui.large_text import em
from mediation_desk.gui.pages.sitecode_common import refusal_text
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.validation import clean_text

# An alarm waiting for someone: white on a strong red (contrast 5.6:1), never the colour alone —
# the words say 待接警 too. The stream being down is black on yellow, a different alarm.
ALARM_STYLE = "background: #c62828; color: #ffffff; font-weight: bold; padding: 4px;"
ALARM_TEXT = "background: #c62828; color: #ffffff; font-weight: bold;"  # a label on such a row
DOWN_STYLE = "background: #ffd600; color: #000000; font-weight: bold; padding: 4px;"
URGENT_TEXT = "color: #b00020; font-weight: bold;"
CALM_STYLE = "color: #7a4b00;"
ERROR_STYLE = "color: #b00020;"

# The rule module's own words (a test keeps them equal), repeated for lupdate to collect.
CONTEXT = "AlarmLabels"
LABELS = {
    "kind": {
        rules.SOS: QT_TRANSLATE_NOOP("AlarmLabels", "一键呼救"),
        rules.FALL: QT_TRANSLATE_NOOP("AlarmLabels", "疑似跌倒"),
        rules.LOW_BATTERY: QT_TRANSLATE_NOOP("AlarmLabels", "手环电量低"),
        rules.REMOVED: QT_TRANSLATE_NOOP("AlarmLabels", "手环被摘下"),
        rules.ALARM_OTHER: QT_TRANSLATE_NOOP("AlarmLabels", "手环报警"),
    },
    "state": {
        rules.NEW: QT_TRANSLATE_NOOP("AlarmLabels", "待接警"),
        rules.ACKNOWLEDGED: QT_TRANSLATE_NOOP("AlarmLabels", "已接警"),
        rules.DISPATCHED: QT_TRANSLATE_NOOP("AlarmLabels", "已派单"),
        rules.RESOLVED: QT_TRANSLATE_NOOP("AlarmLabels", "已处置"),
    },
    "source": {
        "watch": QT_TRANSLATE_NOOP("AlarmLabels", "手环直连"),
        "vendor": QT_TRANSLATE_NOOP("AlarmLabels", "厂商平台"),
    },
    "task_kind": {
        rules.OFFLINE: QT_TRANSLATE_NOOP("AlarmLabels", "手环离线"),
        rules.LOW_BATTERY: QT_TRANSLATE_NOOP("AlarmLabels", "手环电量低"),
        rules.REMOVED: QT_TRANSLATE_NOOP("AlarmLabels", "手环被摘下"),
    },
    "task_status": {
        rules.TASK_OPEN: QT_TRANSLATE_NOOP("AlarmLabels", "待处理"),
        rules.TASK_DONE: QT_TRANSLATE_NOOP("AlarmLabels", "已处理"),
    },
    "contact_kind": {
        "relative": QT_TRANSLATE_NOOP("AlarmLabels", "亲属"),
        "doctor": QT_TRANSLATE_NOOP("AlarmLabels", "村医"),
        "grid": QT_TRANSLATE_NOOP("AlarmLabels", "网格员"),
        "other": QT_TRANSLATE_NOOP("AlarmLabels", "其他"),
    },
}


def label(kind: str, code: str) -> str:
    """The window's word for a rule's code (kind, state, source, task_kind, task_status, contact_kind)."""
    name = LABELS[kind].get(code)
    return QCoreApplication.translate(CONTEXT, str(name)) if name else code


def kinds_text(kinds: Iterable[str]) -> str:
    return "、".join(label("kind", k) for k in kinds) or label("kind", rules.ALARM_OTHER)


def moment_text(moment: dt.datetime | None, now: dt.datetime | None = None, *, short: bool = False) -> str:
    """A moment in Beijing time: the time alone today, with the date on other days (`short`: in a
    list, month and day to the minute)."""
    if moment is None:
        return ""
    local = moment.astimezone(CHINA)
    if local.date() == (now or dt.datetime.now(dt.UTC)).astimezone(CHINA).date():
        return local.strftime("%H:%M:%S")
    return local.strftime("%m-%d %H:%M" if short else "%Y-%m-%d %H:%M:%S")


def several_villages(alarms: Iterable[object]) -> bool:
    """Alarms of more than one village (a town's desk): each then says its village. A village's
    own desk sees only its own, where the village would be noise."""
    return len({getattr(a, "village", None) for a in alarms}) > 1


def duration_text(seconds: float | None) -> str:
    """37 秒, 2 分 05 秒, 3 小时 12 分: a wait or an answer time, as read aloud."""
    if seconds is None:
        return ""
    whole = max(0, int(seconds))
    if whole < 60:
        return QCoreApplication.translate("AlarmCommon", "{s} 秒").format(s=whole)
    if whole < 3600:
        return QCoreApplication.translate("AlarmCommon", "{m} 分 {s:02d} 秒").format(m=whole // 60, s=whole % 60)
    if whole < 86400:
        return QCoreApplication.translate("AlarmCommon", "{h} 小时 {m} 分").format(
            h=whole // 3600, m=whole % 3600 // 60
        )
    return QCoreApplication.translate("AlarmCommon", "{d} 天 {h} 小时").format(
        d=whole // 86400, h=whole % 86400 // 3600
    )


def share_text(share: float | None) -> str:
    return "—" if share is None else f"{share * 100:.1f}%"


class OperatorTab(QWidget):
    """A tab of the 平安手环 page acting for the operator logged in: a new operator (after a
    lock) clears what the last one was told and has the buttons judged again for their role."""

    status_label: QLabel
    _actor: Actor
    desk: Desk
    tasks: TaskManager

    def add_status_line(self, layout: QVBoxLayout) -> None:
        """The calm line under the tab that says what was done, or why it was refused."""
        self.status_label = QLabel(self)
        self.status_label.setStyleSheet(CALM_STYLE)
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)

    def read(self, fn: Callable[..., object], *args: object, on_done: Callable[..., None], **kwargs: object) -> None:
        """A service call for the operator on the desk worker; a refusal shows in the status line."""
        self.tasks.run(
            fn, self.desk, self._actor, *args, on_done=on_done, on_error=self.show_refusal, owner=self, **kwargs
        )

    def show_refusal(self, error: BaseException) -> None:
        self.status_label.setText(refusal_text(error))

    @property
    def actor(self) -> Actor:
        return self._actor

    @actor.setter
    def actor(self, actor: Actor) -> None:
        self._actor = actor
        self.status_label.clear()
        self._update_buttons()

    def _update_buttons(self) -> None:
        raise NotImplementedError


class NoteDialog(ServiceDialog):
    """A line (or a few lines) of text, checked here as the service will check it, and the one
    service call it completes: `make_call(text)`. `confirm` is asked before an irreversible move."""

    def __init__(
        self,
        desk: Desk,
        tasks: TaskManager,
        actor: Actor,
        *,
        title: str,
        prompt: str,
        field: str,
        field_label: str,
        max_chars: int,
        make_call: Callable[[str], Call],
        multiline: bool = False,
        suggestions: Sequence[str] = (),
        confirm: str | None = None,
        save_text: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(desk, tasks, actor, parent)
        self.setWindowTitle(title)
        self.field, self.field_label, self.max_chars = field, field_label, max_chars
        self.make_call, self.multiline, self.confirm = make_call, multiline, confirm
        layout = QVBoxLayout(self)
        self.prompt = QLabel(prompt, self)
        self.prompt.setWordWrap(True)
        layout.addWidget(self.prompt)
        self.editor: QPlainTextEdit | QComboBox | QLineEdit
        if multiline:
            self.editor = QPlainTextEdit(self)
            self.editor.setTabChangesFocus(True)
            self.editor.setMinimumHeight(4 * self.editor.fontMetrics().lineSpacing())
        elif suggestions:
            self.editor = QComboBox(self)
            self.editor.setEditable(True)
            self.editor.addItems(list(suggestions))
            self.editor.setCurrentIndex(-1)
        else:
            self.editor = QLineEdit(self)
            self.editor.setMaxLength(max_chars)
        self.editor.setAccessibleName(field_label)
        layout.addWidget(self.editor)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.message = QLabel(self)
        layout.addWidget(self.message)
        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        layout.addWidget(self.button_box)
        self.error_labels = {field: self.error}
        self.wire(self.button_box, self.message, save_text)
        self.setMinimumWidth(26 * em(self))
        self.editor.setFocus()

    def text(self) -> str:
        if isinstance(self.editor, QPlainTextEdit):
            return self.editor.toPlainText()
        if isinstance(self.editor, QComboBox):
            return self.editor.currentText()
        return self.editor.text()

    def set_text(self, text: str) -> None:
        if isinstance(self.editor, QPlainTextEdit):
            self.editor.setPlainText(text)
        elif isinstance(self.editor, QComboBox):
            self.editor.setEditText(text)
        else:
            self.editor.setText(text)

    def service_call(self) -> Call:
        cleaned = clean_text(
            self.text(),
            self.field,
            self.field_label,
            required=True,
            max_chars=self.max_chars,
            multiline=self.multiline,
        )
        return self.make_call(cleaned or "")

    def confirmation(self) -> str | None:
        return self.confirm
