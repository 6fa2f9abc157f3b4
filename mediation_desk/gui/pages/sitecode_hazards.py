"""隐患整改: the hazards found by self-inspections — those waiting for rectification, those past
their deadline (what makes a place red), or all — and the rectification of one: what was done,
who checked it (复查人), a photo. A rectification cannot be taken back, so it is confirmed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.gui.dialogs.base import Call, ServiceDialog, bind
from mediation_desk.gui.pages.points_residents import cell, fill_table, select_key, selected_key, set_up_table
from mediation_desk.gui.pages.sitecode_checklist import PhotoPicker
from mediation_desk.gui.pages.sitecode_common import CALM_STYLE, day_text, label, refill, refusal_text
from mediation_desk.gui.pages.sitecode_place_dialog import field_row
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.gui.wheel_guard import guard_wheel
from mediation_desk.privacy import roles
from mediation_desk.sitecode import hazards, places, rules
from mediation_desk.sitecode.dto import HazardView

PLACE, GRID, ITEM, FOUND, DEADLINE, STATE, NOTE = range(7)
WIDTHS = {PLACE: 9, GRID: 5, ITEM: 14, FOUND: 6, DEADLINE: 6, STATE: 9}  # em
OPEN_ONLY, OVERDUE_ONLY, ALL = "open", "overdue", "all"
OVERDUE_COLOUR = QColor("#b00020")
RECTIFY = "sitecode.rectify"


def load_hazards(desk: Desk, actor: Actor, which: str, grid: str | None) -> tuple[list[HazardView], list[str]]:
    found = hazards.list_hazards(desk, actor, open_only=which != ALL, overdue_only=which == OVERDUE_ONLY, grid=grid)
    return found, places.grids(desk, actor)


class RectifyDialog(ServiceDialog):
    """登记整改: the note and the 复查人 are required; the photo is not."""

    def __init__(
        self, desk: Desk, tasks: TaskManager, actor: Actor, hazard: HazardView, parent: QWidget | None = None
    ) -> None:
        super().__init__(desk, tasks, actor, parent)
        self.hazard = hazard
        self.setWindowTitle(self.tr("登记整改：{place}").format(place=hazard.place_name))
        outer = QVBoxLayout(self)
        about = QLabel(
            self.tr("隐患：{item}\n{description}发现于 {found}，整改期限 {deadline}{overdue}").format(
                item=hazard.item_text,
                description=f"{hazard.description}\n" if hazard.description else "",
                found=day_text(hazard.found_at),
                deadline=hazard.deadline.isoformat(),
                overdue=self.tr("（已超期）") if hazard.overdue else "",
            ),
            self,
        )
        about.setWordWrap(True)
        outer.addWidget(about)
        form = QFormLayout()
        self.note = QPlainTextEdit(self)
        self.note.setTabChangesFocus(True)  # Tab leaves the note: the form is keyboard-driven
        self.note.setPlaceholderText(self.tr("整改了什么、怎样整改的"))
        self.note.setFixedHeight(self.fontMetrics().height() * 4)
        self.checked_by = QLineEdit(self)
        self.checked_by.setPlaceholderText(self.tr("到场复查的人员姓名"))
        self.photo = PhotoPicker(self.tr("整改照片"), self)
        self.error_labels = {
            "note": field_row(form, self.tr("整改情况(&N)"), self.note),
            "checked_by": field_row(form, self.tr("复查人(&C)"), self.checked_by),
            "photo": field_row(form, self.tr("整改照片"), self.photo),
        }
        self.error_labels["hazard_id"] = self.error_labels["note"]
        outer.addLayout(form)
        self.message_label = QLabel(self)
        outer.addWidget(self.message_label)
        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        outer.addWidget(self.button_box)
        self.wire(self.button_box, self.message_label, self.tr("登记整改"))
        self.checked_by.returnPressed.connect(self.submit)
        self.resize(max(560, self.sizeHint().width()), self.sizeHint().height())
        self.note.setFocus()

    def service_call(self) -> Call:
        return bind(
            hazards.rectify,
            self.desk,
            self.actor,
            self.hazard.id,
            note=self.note.toPlainText().strip(),
            checked_by=self.checked_by.text().strip(),
            photo=self.photo.path,
        )

    def confirmation(self) -> str | None:
        return self.tr("登记「{place}」的隐患「{item}」已整改，复查人 {who}。\n登记后不能撤销。确定吗？").format(
            place=self.hazard.place_name, item=self.hazard.item_text, who=self.checked_by.text().strip()
        )


class SitecodeHazardsTab(QWidget):
    def __init__(self, desk: Desk, tasks: TaskManager, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = tasks
        self._actor = actor
        self.items: list[HazardView] = []
        self.loaded = False
        self.dialog: RectifyDialog | None = None
        self._generation = 0
        self._notice = ""  # what was just done, said once the list is read again
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.which = QComboBox(self)
        for text, key in ((self.tr("待整改"), OPEN_ONLY), (self.tr("已超期"), OVERDUE_ONLY), (self.tr("全部"), ALL)):
            self.which.addItem(text, key)
        self.grid_filter = QComboBox(self)
        self.grid_filter.addItem(self.tr("全部网格"), None)
        for text, widget in ((self.tr("显示(&W)"), self.which), (self.tr("网格(&G)"), self.grid_filter)):
            label = QLabel(text, self)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget)
        filters.addStretch(1)
        layout.addLayout(filters)
        self.table = QTableWidget(self)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        headers = (
            self.tr("场所"),
            self.tr("网格"),
            self.tr("隐患"),
            self.tr("发现日期"),
            self.tr("整改期限"),
            self.tr("状态"),
            self.tr("整改情况"),
        )
        set_up_table(self.table, headers, WIDTHS, NOTE)
        layout.addWidget(self.table, 1)
        actions = QHBoxLayout()
        self.rectify_button = QPushButton(self.tr("登记整改(&R)…"), self)
        self.status_label = QLabel(self)
        self.status_label.setStyleSheet(CALM_STYLE)
        self.status_label.setWordWrap(True)
        actions.addWidget(self.rectify_button)
        actions.addWidget(self.status_label, 1)
        layout.addLayout(actions)
        self.which.currentIndexChanged.connect(lambda _i: self.refresh())
        self.grid_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table.itemSelectionChanged.connect(self._update)
        self.table.activated.connect(lambda _index: self.rectify())
        self.rectify_button.clicked.connect(lambda: self.rectify())
        self.wheel_guard = guard_wheel(self, self.which, self.grid_filter)
        self._update()

    @property
    def actor(self) -> Actor:
        return self._actor

    @actor.setter
    def actor(self, actor: Actor) -> None:
        self._actor = actor
        self._update()

    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation
        self.tasks.run(
            load_hazards,
            self.desk,
            self._actor,
            self.which.currentData(),
            self.grid_filter.currentData(),
            on_done=lambda data: self._show(generation, *data),
            on_error=lambda error: self.status_label.setText(refusal_text(error)),
            owner=self,
        )

    def _show(self, generation: int, found: list[HazardView], grids: list[str]) -> None:
        if generation != self._generation:
            return
        chosen = selected_key(self.table)
        self.items = found
        rows = []
        for h in found:
            state = label("hazard", h.status)
            if h.overdue:
                state = self.tr("已超期，待整改")
            note = ""
            if h.rectified_at is not None:
                note = self.tr("{day} 整改，复查人 {who}：{note}").format(
                    day=day_text(h.rectified_at), who=h.checked_by or "", note=h.rectification_note or ""
                )
            item = h.item_text if not h.description else f"{h.item_text}（{h.description}）"
            cells = [h.place_name, h.grid, item, day_text(h.found_at), h.deadline.isoformat(), state, note]
            rows.append((h.id, cells, h.status == rules.RECTIFIED))
        fill_table(self.table, rows)
        for row, h in enumerate(found):
            for column in (PLACE, ITEM, NOTE):  # what a narrow column cuts is read in full on hover
                cell(self.table, row, column).setToolTip(cell(self.table, row, column).text())
            if h.overdue:  # the word says it; the colour only repeats it
                for column in (DEADLINE, STATE):
                    cell(self.table, row, column).setForeground(QBrush(OVERDUE_COLOUR))
        refill(self.grid_filter, [(g, g) for g in grids], (self.tr("全部网格"), None))
        select_key(self.table, chosen)
        overdue = sum(1 for h in found if h.overdue)
        counted = self.tr("共 {count} 项，其中已超期 {overdue} 项").format(count=len(found), overdue=overdue)
        self.status_label.setText(f"{self._notice}\n{counted}" if self._notice else counted)
        self._notice = ""
        self.loaded = True
        self._update()

    def selected(self) -> HazardView | None:
        key = selected_key(self.table)
        return next((h for h in self.items if h.id == key), None) if key else None

    def select(self, hazard_id: str) -> None:
        select_key(self.table, hazard_id)

    def _update(self) -> None:
        chosen = self.selected()
        allowed = roles.allowed(self._actor.role, RECTIFY)
        self.rectify_button.setEnabled(allowed and chosen is not None and chosen.status == rules.OPEN)
        self.rectify_button.setToolTip("" if allowed else self.tr("当前操作员不能登记整改"))

    def rectify(self) -> RectifyDialog | None:
        chosen = self.selected()
        if chosen is None or chosen.status != rules.OPEN or not roles.allowed(self._actor.role, RECTIFY):
            return None
        dialog = RectifyDialog(self.desk, self.tasks, self._actor, chosen, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._rectified)
        dialog.destroyed.connect(self._dialog_gone)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _dialog_gone(self) -> None:
        self.dialog = None

    def _rectified(self, view: HazardView) -> None:
        self._notice = self.tr("已登记整改：{place}「{item}」，复查人 {who}。").format(
            place=view.place_name, item=view.item_text, who=view.checked_by or ""
        )
        self.status_label.setText(self._notice)
        self.refresh()
