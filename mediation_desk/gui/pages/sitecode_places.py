"""场所 (places) of the site codes: the list with each place's code — its word beside a swatch of
its colour, and the reasons in words for the place chosen — found by grid, colour, category or
a search; register or change a place; import a district's list from a spreadsheet.

Phones are personal data: the list shows the masked number only. Who may keep the places is the
services' decision ("sitecode.places"): the tab disables what the role table refuses and says why."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.gui.dialogs.base import ServiceDialog
from mediation_desk.gui.labels import role_name
from mediation_desk.gui.pages.points_residents import fill_table, select_key, selected_key, set_up_table
from mediation_desk.gui.pages.sitecode_common import (
    CALM_STYLE,
    fill_colour_filter,
    reasons_text,
    refill,
    refusal_text,
    set_colour_cell,
    show_code,
)
from mediation_desk.gui.pages.sitecode_import import ImportFlow
from mediation_desk.gui.pages.sitecode_place_dialog import PlaceDialog
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.gui.wheel_guard import guard_wheel
from mediation_desk.privacy import roles
from mediation_desk.sitecode import places, scheme_store
from mediation_desk.sitecode.dto import PlaceView
from mediation_desk.sitecode.scheme import DEFAULT_SCHEME

NAME, CATEGORY, GRID, CODE, HAZARDS, TASKS, PERSON, ADDRESS = range(8)
WIDTHS = {NAME: 10, CATEGORY: 7, GRID: 6, CODE: 5, HAZARDS: 9, TASKS: 3, PERSON: 12}  # em
LIST_MAX = 1000  # places listed at once; a search or a filter finds the others
SEARCH_DELAY_MS = 300
KEEP = "sitecode.places"


@dataclass(frozen=True)
class PlacesData:
    places: list[PlaceView]
    grids: list[str]
    categories: dict[str, str]  # code → label, for the filter and the dialog


def load_places(
    desk: Desk, actor: Actor, query: str | None, grid: str | None, colour: str | None, category: str | None
) -> PlacesData:
    """Everything the tab shows, in one call on the desk worker."""
    found = places.list_places(
        desk, actor, query=query, grid=grid, colour=colour, category=category, include_inactive=True, limit=LIST_MAX
    )
    categories = dict(scheme_store.scheme_view(desk, actor).categories)
    categories.update({p.category: p.category_label for p in found})  # of an older scheme, still in use
    return PlacesData(found, places.grids(desk, actor), categories)


class SitecodePlacesTab(QWidget):
    def __init__(self, desk: Desk, tasks: TaskManager, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = tasks
        self._actor = actor
        self.data: PlacesData | None = None
        self.loaded = False
        self.dialog: ServiceDialog | None = None
        self._generation = 0
        self._select_next: str | None = None
        self._build()
        self.importer = ImportFlow(self)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(self.search_timer.start)
        self.search_edit.returnPressed.connect(self.refresh)
        for combo in (self.grid_filter, self.colour_filter, self.category_filter):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.table.activated.connect(lambda _index: self.edit_place())  # Enter or a double click
        self.add_button.clicked.connect(lambda: self.add_place())
        self.edit_button.clicked.connect(lambda: self.edit_place())
        self.import_button.clicked.connect(lambda: self.importer.choose_file())
        self.wheel_guard = guard_wheel(self, self.grid_filter, self.colour_filter, self.category_filter)
        self._update_buttons()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        filters = QGridLayout()
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("场所名称、地址或负责人"))
        self.search_edit.setClearButtonEnabled(True)
        self.grid_filter, self.colour_filter, self.category_filter = QComboBox(self), QComboBox(self), QComboBox(self)
        self.grid_filter.addItem(self.tr("全部网格"), None)
        fill_colour_filter(self.colour_filter)
        self.category_filter.addItem(self.tr("全部类别"), None)
        for column, (text, widget) in enumerate(
            (
                (self.tr("查找(&F)"), self.search_edit),
                (self.tr("网格(&G)"), self.grid_filter),
                (self.tr("码色(&C)"), self.colour_filter),
                (self.tr("类别(&T)"), self.category_filter),
            )
        ):
            label = QLabel(text, self)
            label.setBuddy(widget)
            filters.addWidget(label, 0, column * 2)
            filters.addWidget(widget, 0, column * 2 + 1)
        filters.setColumnStretch(1, 3)
        layout.addLayout(filters)
        self.table = QTableWidget(self)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName(self.tr("场所列表"))
        set_up_table(
            self.table,
            (
                self.tr("场所名称"),
                self.tr("类别"),
                self.tr("网格"),
                self.tr("码色"),
                self.tr("隐患"),
                self.tr("任务"),
                self.tr("负责人"),
                self.tr("地址"),
            ),
            WIDTHS,
            ADDRESS,
        )
        layout.addWidget(self.table, 1)
        self.count_label = QLabel(self)
        layout.addWidget(self.count_label)
        box = QGroupBox(self.tr("码色和理由"), self)
        inner = QHBoxLayout(box)
        self.swatch, self.code_word, self.reasons = QLabel(box), QLabel(box), QLabel(box)
        self.reasons.setWordWrap(True)
        self.reasons.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        inner.addWidget(self.swatch, 0, Qt.AlignmentFlag.AlignTop)
        inner.addWidget(self.code_word, 0, Qt.AlignmentFlag.AlignTop)
        inner.addWidget(self.reasons, 1)
        layout.addWidget(box)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("登记场所(&N)…"), self)
        self.edit_button = QPushButton(self.tr("修改(&E)…"), self)
        self.import_button = QPushButton(self.tr("导入清单(&I)…"), self)
        for button in (self.add_button, self.edit_button, self.import_button):
            buttons.addWidget(button)
        self.status_label = QLabel(self)
        self.status_label.setStyleSheet(CALM_STYLE)
        self.status_label.setWordWrap(True)
        buttons.addWidget(self.status_label, 1)
        layout.addLayout(buttons)
        self.permission_label = QLabel(self)
        self.permission_label.setWordWrap(True)
        self.permission_label.setStyleSheet(CALM_STYLE)
        layout.addWidget(self.permission_label)

    # ---- the operator ---------------------------------------------------------------------------

    @property
    def actor(self) -> Actor:
        return self._actor

    @actor.setter
    def actor(self, actor: Actor) -> None:
        self._actor = actor
        self.status_label.clear()
        self._update_buttons()

    def may_keep(self) -> bool:
        return roles.allowed(self._actor.role, KEEP)

    # ---- reading --------------------------------------------------------------------------------

    def refresh(self) -> None:
        """The places as they are now for the filters chosen; an answer to an older request is dropped."""
        self.search_timer.stop()
        self._generation += 1
        generation = self._generation
        self.tasks.run(
            load_places,
            self.desk,
            self._actor,
            self.search_edit.text().strip() or None,
            self.grid_filter.currentData(),
            self.colour_filter.currentData(),
            self.category_filter.currentData(),
            on_done=lambda data: self._show(generation, data),
            on_error=lambda error: self._failed(generation, error),
            owner=self,
        )

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self.status_label.setText(self.tr("无法读取：{reason}").format(reason=refusal_text(error)))

    def _show(self, generation: int, data: PlacesData) -> None:
        if generation != self._generation:
            return
        chosen = self._select_next or selected_key(self.table)
        self._select_next = None
        self.data = data
        fill_table(self.table, [(p.id, self._cells(p), not p.active) for p in data.places])
        for row, p in enumerate(data.places):
            set_colour_cell(self.table, row, CODE, p.code.colour)
        refill(self.grid_filter, [(g, g) for g in data.grids], (self.tr("全部网格"), None))
        refill(
            self.category_filter,
            [(label, code) for code, label in data.categories.items()],
            (self.tr("全部类别"), None),
        )
        select_key(self.table, chosen)
        count = len(data.places)
        text = self.tr("共 {count} 个场所").format(count=count)
        if count >= LIST_MAX:
            text = self.tr("前 {count} 个场所（请查找或筛选其他场所）").format(count=count)
        self.count_label.setText(text)
        self.loaded = True
        self._show_selected()

    def _cells(self, p: PlaceView) -> list[str]:
        hazards = self.tr("待整改 {open}").format(open=p.open_hazards) if p.open_hazards else ""
        if p.overdue_hazards:
            hazards = self.tr("{text}，超期 {overdue}").format(text=hazards, overdue=p.overdue_hazards)
        name = p.name if p.active else self.tr("{name}（停用）").format(name=p.name)
        # No credit code: an individual business, flagged beside its category.
        category = self.tr("{category}（个体）").format(category=p.category_label) if p.individual else p.category_label
        person = " ".join(x for x in (p.responsible_name, p.responsible_phone_masked) if x)
        return [name, category, p.grid, "", hazards, str(p.open_tasks or ""), person, p.address]

    # ---- the selection and what may be done -----------------------------------------------------

    def selected(self) -> PlaceView | None:
        key = selected_key(self.table)
        return next((p for p in self.data.places if p.id == key), None) if self.data and key else None

    def select(self, place_id: str) -> None:
        select_key(self.table, place_id)

    def _show_selected(self) -> None:
        chosen = self.selected()
        show_code(self.code_word, self.swatch, chosen.code if chosen else None)
        self.reasons.setText(
            reasons_text(chosen.code.reasons) if chosen else self.tr("选中一个场所，这里显示它的码色和理由。")
        )
        self._update_buttons()

    def _update_buttons(self) -> None:
        allowed = self.may_keep() and self.data is not None
        self.add_button.setEnabled(allowed)
        self.import_button.setEnabled(allowed and not self.importer.busy)
        self.edit_button.setEnabled(allowed and self.selected() is not None)
        if self.may_keep():
            self.permission_label.clear()
            return
        keepers = [role_name(r) for r in roles.ROLES if roles.allowed(r, KEEP)]
        self.permission_label.setText(
            self.tr("当前操作员（{role}）只能查看；登记、修改和导入场所请由{keepers}办理。").format(
                role=role_name(self._actor.role), keepers=self.tr("或").join(keepers)
            )
        )

    def categories(self) -> dict[str, str]:
        return self.data.categories if self.data else dict(DEFAULT_SCHEME.categories)

    # ---- dialogs ----------------------------------------------------------------------------------

    def add_place(self) -> PlaceDialog | None:
        if self.data is None or not self.may_keep():
            return None
        dialog = PlaceDialog(self.desk, self.tasks, self._actor, self.categories(), self.data.grids, None, self)
        return self._open(dialog, self.tr("已登记：{name}"))

    def edit_place(self) -> PlaceDialog | None:
        chosen = self.selected()
        if chosen is None or self.data is None or not self.may_keep():
            return None
        dialog = PlaceDialog(self.desk, self.tasks, self._actor, self.categories(), self.data.grids, chosen, self)
        return self._open(dialog, self.tr("已保存：{name}"))

    def _open(self, dialog: PlaceDialog, done_text: str) -> PlaceDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda view: self._saved(view, done_text))
        dialog.destroyed.connect(self._dialog_gone)
        self.dialog = dialog
        dialog.open()  # window-modal, without a nested event loop
        return dialog

    def _dialog_gone(self) -> None:
        self.dialog = None

    def _saved(self, view: PlaceView, done_text: str) -> None:
        text = done_text.format(name=view.name)
        if view.individual:
            text += self.tr("（未填统一社会信用代码，按个体工商户标记）")
        self.status_label.setText(text)
        self._select_next = view.id
        self.refresh()

    def imported(self, text: str) -> None:
        """The import flow's last word, then the list as it is now."""
        self.status_label.setText(text)
        self.refresh()
