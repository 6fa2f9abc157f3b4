"""亮码公示: print the placard of one place, or of every place of a grid (made on the desk worker,
with a busy bar, then shown in the PDF dialog to print or save); and check a placard on the wall —
a scanner that types like a keyboard fills the scan box and presses Enter; the place is shown with
its code today and the reasons, and a warning when the placard's colour is no longer today's."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.documents import placards as placard_docs
from mediation_desk.gui.pages.sitecode_common import (
    ALARM_STYLE,
    CALM_STYLE,
    colour_word,
    reasons_text,
    refill,
    refusal_text,
    show_code,
)
from mediation_desk.gui.pages.sitecode_place_dialog import ERROR_STYLE
from mediation_desk.gui.pdf_dialog import PdfDialog
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.gui.wheel_guard import guard_wheel
from mediation_desk.privacy import roles
from mediation_desk.sitecode import placards, places
from mediation_desk.sitecode.dto import PlaceView

PLACARD = "sitecode.placard"


@dataclass(frozen=True)
class Placards:
    pdf: bytes
    count: int
    title: str  # the place's name or the grid's


def make_placards(desk: Desk, actor: Actor, place_id: str | None, grid: str | None, title: str) -> Placards:
    """The placards' PDF, made on the desk worker (with the folder the save dialog offers)."""
    views = placards.placard_views(desk, actor, place_ids=[place_id] if place_id else None, grid=grid)
    pdf = placard_docs.placard_pdf(views) if views else b""
    with contextlib.suppress(OSError):
        desk.paths.exports.mkdir(parents=True, exist_ok=True)
    return Placards(pdf, len(views), title)


def load_choices(desk: Desk, actor: Actor) -> tuple[list[PlaceView], list[str]]:
    return places.list_places(desk, actor), places.grids(desk, actor)


class SitecodePlacardsTab(QWidget):
    def __init__(self, desk: Desk, tasks: TaskManager, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = tasks
        self._actor = actor
        self.loaded = self.making = self.scanning = False
        self.dialog: PdfDialog | None = None
        self.scanned: PlaceView | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self._print_box())
        layout.addWidget(self._scan_box(), 1)
        self.place_print.clicked.connect(lambda: self.print_place())
        self.grid_print.clicked.connect(lambda: self.print_grid())
        self.scan_edit.returnPressed.connect(self.scan)
        self.wheel_guard = guard_wheel(self, self.place_combo, self.grid_combo)
        self._update()

    def _print_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("打印公示牌"), self)
        grid = QGridLayout(box)
        self.place_combo, self.grid_combo = QComboBox(box), QComboBox(box)
        self.place_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.place_combo.setMinimumContentsLength(16)
        self.place_print = QPushButton(self.tr("打印本场所(&P)…"), box)
        self.grid_print = QPushButton(self.tr("打印整个网格(&G)…"), box)
        for row, (text, combo, button) in enumerate(
            ((self.tr("场所"), self.place_combo, self.place_print), (self.tr("网格"), self.grid_combo, self.grid_print))
        ):
            label = QLabel(text, box)
            label.setBuddy(combo)
            grid.addWidget(label, row, 0)
            grid.addWidget(combo, row, 1)
            grid.addWidget(button, row, 2)
        grid.setColumnStretch(1, 1)
        self.busy_bar = QProgressBar(box)
        self.busy_bar.setRange(0, 0)
        self.busy_bar.hide()
        self.print_status = QLabel(box)
        self.print_status.setStyleSheet(CALM_STYLE)
        self.print_status.setWordWrap(True)
        grid.addWidget(self.busy_bar, 2, 0, 1, 3)
        grid.addWidget(self.print_status, 3, 0, 1, 3)
        return box

    def _scan_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("扫码核对"), self)
        column = QVBoxLayout(box)
        row = QHBoxLayout()
        label = QLabel(self.tr("扫码框(&S)"), box)
        self.scan_edit = QLineEdit(box)
        self.scan_edit.setPlaceholderText(self.tr("点这里后用扫码枪扫公示牌上的二维码，或输入码下的文字后按回车"))
        label.setBuddy(self.scan_edit)
        row.addWidget(label)
        row.addWidget(self.scan_edit, 1)
        column.addLayout(row)
        self.scan_error = QLabel(box)
        self.scan_error.setStyleSheet(ERROR_STYLE)
        self.scan_error.setWordWrap(True)
        column.addWidget(self.scan_error)
        self.place_label = QLabel(box)
        self.place_label.setWordWrap(True)
        column.addWidget(self.place_label)
        code_row = QHBoxLayout()
        self.swatch, self.code_word = QLabel(box), QLabel(box)
        code_row.addWidget(self.swatch)
        code_row.addWidget(self.code_word)
        code_row.addStretch(1)
        column.addLayout(code_row)
        self.warning_label = QLabel(box)
        self.warning_label.setStyleSheet(ALARM_STYLE)
        self.warning_label.setWordWrap(True)
        column.addWidget(self.warning_label)
        self.reasons = QLabel(box)
        self.reasons.setWordWrap(True)
        self.reasons.setAlignment(Qt.AlignmentFlag.AlignTop)
        column.addWidget(self.reasons, 1)
        return box

    @property
    def actor(self) -> Actor:
        return self._actor

    @actor.setter
    def actor(self, actor: Actor) -> None:
        self._actor = actor
        self._update()

    def may_print(self) -> bool:
        return roles.allowed(self._actor.role, PLACARD)

    def _update(self) -> None:
        allowed = self.may_print() and not self.making
        self.place_print.setEnabled(allowed and bool(self.place_combo.currentData()))
        self.grid_print.setEnabled(allowed and bool(self.grid_combo.currentData()))
        tip = "" if self.may_print() else self.tr("当前操作员不能打印公示牌")
        self.place_print.setToolTip(tip)
        self.grid_print.setToolTip(tip)

    # ---- the choices --------------------------------------------------------------------------

    def refresh(self) -> None:
        self.tasks.run(
            load_choices,
            self.desk,
            self._actor,
            on_done=lambda data: self._show_choices(*data),
            on_error=lambda error: self.print_status.setText(refusal_text(error)),
            owner=self,
        )

    def _show_choices(self, found: list[PlaceView], grids: list[str]) -> None:
        entries = [(f"{p.name}（{p.grid}，{colour_word(p.code.colour)}）", p.id) for p in found if p.active]
        refill(self.place_combo, entries)
        refill(self.grid_combo, [(g, g) for g in grids])
        self.loaded = True
        self._update()

    # ---- printing -------------------------------------------------------------------------------

    def print_place(self) -> None:
        place_id = self.place_combo.currentData()
        if place_id:
            self._make(place_id, None, self.place_combo.currentText().split("（")[0])

    def print_grid(self) -> None:
        grid = self.grid_combo.currentData()
        if grid:
            self._make(None, grid, grid)

    def _make(self, place_id: str | None, grid: str | None, title: str) -> None:
        if self.making or not self.may_print():
            return
        self.making = True
        self.busy_bar.show()
        self.print_status.setText(self.tr("正在生成公示牌……"))
        self._update()
        self.tasks.run(
            make_placards,
            self.desk,
            self._actor,
            place_id,
            grid,
            title,
            on_done=self._made,
            on_error=self._failed,
            owner=self,
        )

    def _failed(self, error: BaseException) -> None:
        self.making = False
        self.busy_bar.hide()
        self._update()
        self.print_status.setText(self.tr("未能生成公示牌：{reason}").format(reason=refusal_text(error)))

    def _made(self, made: Placards) -> None:
        self.making = False
        self.busy_bar.hide()
        self._update()
        if not made.count:
            self.print_status.setText(self.tr("「{title}」没有在用的场所，没有生成公示牌。").format(title=made.title))
            return
        self.print_status.setText(self.tr("已生成 {count} 张公示牌。").format(count=made.count))
        dialog = PdfDialog(
            self.tasks,
            made.pdf,
            self.tr("亮码公示牌：{title}").format(title=made.title),
            self.tr("亮码公示牌-{title}.pdf").format(title=made.title),
            self.desk.paths.exports,
            self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(self._dialog_gone)
        self.dialog = dialog
        dialog.open()

    def _dialog_gone(self) -> None:
        self.dialog = None

    # ---- scanning -------------------------------------------------------------------------------

    def scan(self) -> None:
        text = self.scan_edit.text().strip()
        if self.scanning or not text:
            return
        self.scanning = True
        self.tasks.run(
            placards.find_by_payload,
            self.desk,
            self._actor,
            text,
            on_done=lambda view: self._scanned(text, view),
            on_error=self._not_found,
            owner=self,
        )

    def _clear_scan(self) -> None:
        self.scanned = None
        for label in (self.place_label, self.warning_label, self.reasons):
            label.clear()
        show_code(self.code_word, self.swatch, None)

    def _not_found(self, error: BaseException) -> None:
        self.scanning = False
        self._clear_scan()
        self.scan_error.setText(refusal_text(error))
        self.scan_edit.selectAll()  # the next scan replaces what was typed

    def _scanned(self, text: str, view: PlaceView) -> None:
        self.scanning = False
        self._clear_scan()
        self.scan_error.clear()
        self.scanned = view
        self.place_label.setText(
            self.tr("{name}（{category}，{grid}）\n{address}\n场所码 {code}").format(
                name=view.name, category=view.category_label, grid=view.grid, address=view.address, code=view.place_code
            )
        )
        show_code(self.code_word, self.swatch, view.code, self.tr("今天："))
        self.reasons.setText(reasons_text(view.code.reasons))
        # The placard's colour (and month) as printed, against today's code: the service's words.
        self.warning_label.setText(placards.scan_note(text, view) or "")
        self.scan_edit.selectAll()
