"""自查录入: a place's monthly self-inspection entered by the clerk from its paper form — choose the
place and the month (the current one, or an earlier one done late: 补做), answer every item of its
category's checklist, give each hazard its deadline, attach photos, save. Once saved it cannot be
changed (one inspection per place and month), so saving is confirmed; then the place's code with
its reasons is shown."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.core.uow import Actor, china_today
from mediation_desk.desk import Desk
from mediation_desk.errors import DeskError, FieldProblem, ValidationError
from mediation_desk.gui.field_errors import show_problems
from mediation_desk.gui.pages.sitecode_checklist import ChecklistForm, PhotoPicker
from mediation_desk.gui.pages.sitecode_common import CALM_STYLE, reasons_text, refill, refusal_text, show_code
from mediation_desk.gui.pages.sitecode_place_dialog import ERROR_STYLE
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.gui.wheel_guard import guard_wheel
from mediation_desk.privacy import roles
from mediation_desk.sitecode import inspections, places, rules
from mediation_desk.sitecode.dto import ChecklistView, InspectionView, PlaceView

INSPECT = "sitecode.inspect"
LIST_MAX = 200  # places offered for one search: a longer list is a search to narrow
LATE_MONTHS = 12  # how far back a late (补做) self-inspection may be chosen


@dataclass(frozen=True)
class Chosen:
    place: PlaceView
    checklist: ChecklistView


def months_for(place: PlaceView) -> list[str]:
    """The months an inspection may be entered for: the current period back to the place's
    registration (at most a year), newest first. The service refuses a month already done."""
    first = max(rules.month_of(rules.beijing_day(place.created_at)), rules.add_months(place.code.period, -LATE_MONTHS))
    return list(reversed(rules.months_between(first, place.code.period)))


def load_choice(desk: Desk, actor: Actor, place_id: str) -> Chosen:
    return Chosen(places.get_place(desk, actor, place_id), inspections.checklist_for(desk, actor, place_id))


def error_line(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    return label


class SitecodeInspectTab(QWidget):
    def __init__(self, desk: Desk, tasks: TaskManager, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = tasks
        self.actor = actor
        self.found: list[PlaceView] = []
        self.chosen: Chosen | None = None
        self.last: InspectionView | None = None
        self.loaded = self.saving = False
        self._generation = 0
        self._build()
        self.errors = {
            "place_id": self.place_error,
            "place": self.place_error,
            "month": self.month_error,
            "evidence": self.photo_error,
            "note": self.photo_error,
        }
        self.search_edit.returnPressed.connect(self.refresh)
        self.place_combo.currentIndexChanged.connect(lambda _i: self._place_chosen())
        self.all_ok_button.clicked.connect(self.checklist.all_ok)
        self.save_button.clicked.connect(lambda: self.save())
        self.checklist.answered.connect(self._update)
        self.wheel_guard = guard_wheel(self, self.place_combo, self.month_combo)
        self._update()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QGridLayout()
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("输入场所名称后按回车查找"))
        self.place_combo = QComboBox(self)
        self.place_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.place_combo.setMinimumContentsLength(16)
        self.month_combo = QComboBox(self)
        self.month_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.place_error, self.month_error = error_line(self), error_line(self)
        for column, (text, widget, error) in enumerate(
            (
                (self.tr("查找场所(&F)"), self.search_edit, None),
                (self.tr("场所(&P)"), self.place_combo, self.place_error),
                (self.tr("月份(&M)"), self.month_combo, self.month_error),
            )
        ):
            label = QLabel(text, self)
            label.setBuddy(widget)
            top.addWidget(label, 0, column * 2)
            top.addWidget(widget, 0, column * 2 + 1)
            if error is not None:
                top.addWidget(error, 1, column * 2 + 1)
        top.setColumnStretch(1, 2)
        top.setColumnStretch(3, 3)
        layout.addLayout(top)
        self.place_label = QLabel(self)
        self.place_label.setWordWrap(True)
        layout.addWidget(self.place_label)
        self.checklist = ChecklistForm(self)
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setWidget(self.checklist)
        layout.addWidget(area, 1)
        bottom = QGridLayout()
        self.photo = PhotoPicker(self.tr("整体照片"), self)
        self.note_edit = QLineEdit(self)
        self.note_edit.setMaxLength(rules.MAX_TEXT_CHARS)
        self.photo_error = error_line(self)
        for row, (text, widget) in enumerate(
            ((self.tr("整体照片"), self.photo), (self.tr("备注(&N)"), self.note_edit))
        ):
            label = QLabel(text, self)
            label.setBuddy(widget)
            bottom.addWidget(label, row, 0)
            bottom.addWidget(widget, row, 1)
        bottom.addWidget(self.photo_error, 2, 1)
        layout.addLayout(bottom)
        actions = QHBoxLayout()
        self.all_ok_button = QPushButton(self.tr("其余各项合格(&K)"), self)
        self.save_button = QPushButton(self.tr("保存自查(&S)"), self)
        self.status_label = QLabel(self)
        self.status_label.setStyleSheet(CALM_STYLE)
        self.status_label.setWordWrap(True)
        actions.addWidget(self.all_ok_button)
        actions.addWidget(self.save_button)
        actions.addWidget(self.status_label, 1)
        layout.addLayout(actions)
        result = QHBoxLayout()
        self.swatch, self.code_word, self.reasons = QLabel(self), QLabel(self), QLabel(self)
        self.reasons.setWordWrap(True)
        result.addWidget(self.swatch, 0, Qt.AlignmentFlag.AlignTop)
        result.addWidget(self.code_word, 0, Qt.AlignmentFlag.AlignTop)
        result.addWidget(self.reasons, 1)
        layout.addLayout(result)

    def may_inspect(self) -> bool:
        return roles.allowed(self.actor.role, INSPECT)

    # ---- the place --------------------------------------------------------------------------------

    def refresh(self) -> None:
        """The places for the words typed (every active place when none)."""
        self._generation += 1
        generation = self._generation
        self.tasks.run(
            places.list_places,
            self.desk,
            self.actor,
            query=self.search_edit.text().strip() or None,
            limit=LIST_MAX,
            on_done=lambda found: self._found(generation, found),
            on_error=lambda error: self.place_error.setText(refusal_text(error)),
            owner=self,
        )

    def _found(self, generation: int, found: list[PlaceView]) -> None:
        if generation != self._generation:
            return
        self.found = found
        self.loaded = True
        entries = [(self.tr("{name}（{grid}）").format(name=p.name, grid=p.grid), p.id) for p in found]
        refill(self.place_combo, entries, (self.tr("（请选择场所）"), None))
        self.place_error.setText("" if found else self.tr("没有找到这个场所"))
        if self.focusWidget() is self.search_edit and found:  # the search was typed here: go on to the choice
            self.place_combo.setFocus()
        if self.chosen is None or self.place_combo.currentData() != self.chosen.place.id:
            self._place_chosen()

    def choose_place(self, place_id: str) -> None:
        self.place_combo.setCurrentIndex(max(0, self.place_combo.findData(place_id)))

    def _place_chosen(self) -> None:
        place_id = self.place_combo.currentData()
        self.chosen = None
        self.checklist.show_checklist(None, china_today())
        self.place_label.clear()
        self.month_combo.clear()
        self._update()
        if not place_id:
            return
        self.tasks.run(
            load_choice,
            self.desk,
            self.actor,
            place_id,
            on_done=self._show_choice,
            on_error=lambda error: self.place_error.setText(refusal_text(error)),
            owner=self,
        )

    def _show_choice(self, chosen: Chosen) -> None:
        if chosen.place.id != self.place_combo.currentData():
            return  # another place was chosen meanwhile
        self.chosen = chosen
        p, sheet = chosen.place, chosen.checklist
        self.place_label.setText(
            self.tr("{name}：{category}，{grid}，{address}。检查清单第 {version} 版，共 {items} 项。").format(
                name=p.name,
                category=sheet.category_label,
                grid=p.grid,
                address=p.address,
                version=sheet.scheme_version,
                items=len(sheet.items),
            )
        )
        self.month_combo.clear()
        for month in months_for(p):
            late = self.tr("（补做）") if month < p.code.period else self.tr("（本期）")
            self.month_combo.addItem(rules.month_text(month) + late, month)
        self.checklist.show_checklist(sheet, china_today())
        show_problems(self.errors, [])
        self._update()

    def _update(self) -> None:
        ready = self.chosen is not None and not self.saving and self.may_inspect()
        self.save_button.setEnabled(ready)
        self.all_ok_button.setEnabled(ready)
        if not self.may_inspect():
            self.status_label.setText(self.tr("当前操作员不能录入自查"))

    # ---- saving -----------------------------------------------------------------------------------

    def save(self) -> None:
        if self.chosen is None or self.saving or not self.may_inspect():
            return
        missing = self.checklist.unanswered()
        show_problems(self.errors, [])
        self.checklist.place_problems(missing)
        if missing:
            self.status_label.setText(self.tr("还有 {count} 项没有选择检查结果").format(count=len(missing)))
            row = self.checklist.first_problem()
            if row is not None:
                row.buttons[rules.OK].setFocus()
            return
        counts = self.checklist.counts()
        month = self.month_combo.currentData() or self.chosen.place.code.period
        answer = QMessageBox.question(
            self,
            self.tr("确认保存自查"),
            self.tr(
                "为「{name}」保存{month}自查：合格 {ok} 项，有隐患 {found} 项，不适用 {na} 项。\n"
                "保存后不能修改。确定保存吗？"
            ).format(
                name=self.chosen.place.name,
                month=rules.month_text(month),
                ok=counts[rules.OK],
                found=counts[rules.FOUND],
                na=counts[rules.NOT_APPLICABLE],
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.saving = True
        self.status_label.setText(self.tr("正在保存……"))
        self._update()
        self.tasks.run(
            inspections.record_inspection,
            self.desk,
            self.actor,
            self.chosen.place.id,
            results=self.checklist.results(),
            hazards=self.checklist.hazards(),
            month=month,
            evidence=self.photo.path,
            note=self.note_edit.text().strip() or None,
            on_done=self._saved,
            on_error=self._refused,
            owner=self,
        )

    def _refused(self, error: BaseException) -> None:
        self.saving = False
        self._update()
        if isinstance(error, ValidationError):
            left = self.checklist.place_problems(list(error.problems))
            unplaced: list[FieldProblem] = show_problems(self.errors, left)
            lines = [self.tr("未保存：请按提示修改后再保存。"), *(p.message for p in unplaced)]
            self.status_label.setText("\n".join(lines))
            return
        if not isinstance(error, DeskError):
            raise error
        self.status_label.setText(self.tr("未保存：{reason}").format(reason=error))

    def _saved(self, view: InspectionView) -> None:
        self.saving = False
        self.last = view
        found = len(view.hazards)
        text = self.tr("已保存「{name}」{month}自查").format(name=view.place_name, month=rules.month_text(view.month))
        if view.late:
            text += self.tr("（补做）")
        if found:
            text += self.tr("，登记隐患 {count} 项").format(count=found)
        self.status_label.setText(text + self.tr("。"))
        show_code(self.code_word, self.swatch, view.code_after, self.tr("现为"))
        self.reasons.setText(reasons_text(view.code_after.reasons))
        self.photo.set_path(None)
        self.note_edit.clear()
        self.chosen = None
        self._place_chosen()  # the same place again: its next month, an empty form

    def shown_result(self) -> str:
        return f"{self.code_word.text()}\n{self.reasons.text()}"
