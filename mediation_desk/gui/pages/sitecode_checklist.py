"""The checklist of one place's category as a form: each item with 合格 / 有隐患 / 不适用 as radio
buttons reached by the keyboard (Tab to the item, the arrow keys or the underlined letter to
choose), and for a hazard its deadline (a date that the wheel leaves alone until chosen), what was
found and a photo. Every item must be answered; an item left open is named beside it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.errors import FieldProblem
from mediation_desk.gui.pages.sitecode_common import label as rule_label
from mediation_desk.gui.pages.sitecode_place_dialog import ERROR_STYLE
from mediation_desk.gui.wheel_guard import guard_wheel
from mediation_desk.sitecode import rules
from mediation_desk.sitecode.dto import ChecklistItemView, ChecklistView
from mediation_desk.sitecode.inspections import HazardInput

RESULT_ORDER = (rules.OK, rules.FOUND, rules.NOT_APPLICABLE)


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class PhotoPicker(QWidget):
    """A photo to attach: a button to choose it, its file name, and a button to leave it out."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.path: Path | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.choose_button = QPushButton(self.tr("选择照片…"), self)
        self.clear_button = QPushButton(self.tr("不附照片"), self)
        self.name_label = QLabel(self.tr("（未附照片）"), self)
        row.addWidget(self.choose_button)
        row.addWidget(self.name_label, 1)
        row.addWidget(self.clear_button)
        self.choose_button.clicked.connect(self.choose)
        self.clear_button.clicked.connect(lambda: self.set_path(None))
        self.set_path(None)

    def choose(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.title, "", self.tr("照片 (*.jpg *.jpeg *.png *.bmp *.gif *.webp *.heic);;所有文件 (*)")
        )
        if chosen:
            self.set_path(Path(chosen))

    def set_path(self, path: Path | None) -> None:
        self.path = path
        self.name_label.setText(path.name if path else self.tr("（未附照片）"))
        self.clear_button.setEnabled(path is not None)


class ItemRow(QFrame):
    """One checklist item: the three answers, and the hazard's details once 有隐患 is chosen."""

    answered = Signal()

    def __init__(
        self, number: int, item: ChecklistItemView, today: dt.date, sheet: ChecklistView, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.item = item
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.text_label = QLabel(f"{number}. {item.text}", self)
        self.text_label.setWordWrap(True)
        top.addWidget(self.text_label, 1)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for result in RESULT_ORDER:
            word = rule_label("result", result)
            button = QRadioButton(word, self)
            button.setAccessibleName(f"{item.text}：{word}")
            self.group.addButton(button)
            self.buttons[result] = button
            top.addWidget(button)
        layout.addLayout(top)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        self.hazard_box = QWidget(self)
        grid = QGridLayout(self.hazard_box)
        grid.setContentsMargins(24, 0, 0, 0)
        self.deadline = QDateEdit(self.hazard_box)
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd")
        self.deadline.setMinimumDate(qdate(today))
        self.deadline.setMaximumDate(qdate(sheet.max_deadline))
        self.deadline.setDate(qdate(sheet.default_deadline))
        self.description = QLineEdit(self.hazard_box)
        self.description.setPlaceholderText(self.tr("发现的问题（可不填）"))
        self.description.setMaxLength(rules.MAX_TEXT_CHARS)
        self.photo = PhotoPicker(self.tr("隐患照片：{item}").format(item=item.text), self.hazard_box)
        for row, (text, widget) in enumerate(
            (
                (self.tr("整改期限"), self.deadline),
                (self.tr("隐患描述"), self.description),
                (self.tr("隐患照片"), self.photo),
            )
        ):
            label = QLabel(text, self.hazard_box)
            label.setBuddy(widget)
            grid.addWidget(label, row, 0)
            grid.addWidget(widget, row, 1, 1, 1 if widget is self.deadline else 2)
        grid.setColumnStretch(2, 1)  # the date and the text keep a readable width, not the row's
        layout.addWidget(self.hazard_box)
        self.hazard_box.hide()
        self.group.buttonToggled.connect(lambda _b, _on: self._changed())
        self.wheel_guard = guard_wheel(self, self.deadline)

    def _changed(self) -> None:
        self.hazard_box.setVisible(self.result() == rules.FOUND)
        if self.result() is not None:
            self.show_problem(None)
        self.answered.emit()

    def result(self) -> str | None:
        return next((r for r, b in self.buttons.items() if b.isChecked()), None)

    def choose(self, result: str) -> None:
        self.buttons[result].setChecked(True)

    def hazard(self) -> HazardInput:
        day = self.deadline.date().toPython()
        assert isinstance(day, dt.date)
        return HazardInput(deadline=day, description=self.description.text().strip() or None, photo=self.photo.path)

    def show_problem(self, text: str | None) -> None:
        self.error.setText(text or "")
        self.error.setVisible(bool(text))


class ChecklistForm(QWidget):
    """The rows of one checklist; built again for each place chosen."""

    answered = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.rows: list[ItemRow] = []
        self.sheet: ChecklistView | None = None
        self.hint = QLabel(self.tr("选好场所后，这里列出它所属类别的检查清单，每一项选择合格、有隐患或不适用。"), self)
        self.hint.setWordWrap(True)
        self.layout_.addWidget(self.hint)
        self.layout_.addStretch(1)

    def show_checklist(self, sheet: ChecklistView | None, today: dt.date) -> None:
        for row in self.rows:
            row.setParent(None)
            row.deleteLater()
        self.rows = []
        self.sheet = sheet
        self.hint.setVisible(sheet is None)
        if sheet is None:
            return
        for number, item in enumerate(sheet.items, start=1):
            row = ItemRow(number, item, today, sheet, self)
            row.answered.connect(self.answered)
            self.layout_.insertWidget(self.layout_.count() - 1, row)  # above the stretch
            self.rows.append(row)

    def row(self, code: str) -> ItemRow | None:
        return next((r for r in self.rows if r.item.code == code), None)

    def all_ok(self) -> None:
        """Every item not yet answered: 合格 (the usual answer, chosen in one key)."""
        for row in self.rows:
            if row.result() is None:
                row.choose(rules.OK)

    def results(self) -> dict[str, str]:
        return {r.item.code: result for r in self.rows if (result := r.result()) is not None}

    def hazards(self) -> dict[str, HazardInput]:
        return {r.item.code: r.hazard() for r in self.rows if r.result() == rules.FOUND}

    def unanswered(self) -> list[FieldProblem]:
        return [
            FieldProblem(f"results.{r.item.code}", "required", self.tr("请选择这一项的检查结果"))
            for r in self.rows
            if r.result() is None
        ]

    def counts(self) -> dict[str, int]:
        answers = list(self.results().values())
        return {result: answers.count(result) for result in RESULT_ORDER}

    def place_problems(self, problems: list[FieldProblem]) -> list[FieldProblem]:
        """Each problem that names an item beside it; returns the others."""
        for row in self.rows:
            row.show_problem(None)
        left: list[FieldProblem] = []
        for problem in problems:
            named = next((r for r in self.rows if _names(problem.field, r.item.code)), None)
            if named is None:
                left.append(problem)
            elif not named.error.text():
                named.show_problem(problem.message)
        return left

    def first_problem(self) -> ItemRow | None:
        return next((r for r in self.rows if r.error.text()), None)


def _names(field: str, code: str) -> bool:
    """Does a problem's field (results.<code>, hazards.<code>.deadline, results[<code>] …) name the item?"""
    parts = field.replace("[", ".").replace("]", "").split(".")
    return code in parts
