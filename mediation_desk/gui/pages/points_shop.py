"""绿币超市 (the green-coin shop): the gifts with their price in coins and their stock, a gift added
or changed, stock delivered or written off with a reason, the opening day (the 主任 sets it), and
redeeming (points_redeem.py) with its printed receipt."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QTableWidgetItem, QWidget

from mediation_desk.core.uow import Actor, china_today
from mediation_desk.desk import Desk
from mediation_desk.errors import DeskError, ValidationError
from mediation_desk.gui.dialogs.gift_dialogs import GiftDialog, RestockDialog
from mediation_desk.gui.field_errors import show_problems
from mediation_desk.gui.forms.ui_points_shop_tab import Ui_ShopTab
from mediation_desk.gui.large_text import enlarge
from mediation_desk.gui.pages.points_redeem import RedeemSection
from mediation_desk.gui.table_keys import KEY_ROLE, select_key, selected_key
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.gui.wheel_guard import guard_wheel
from mediation_desk.points import shop
from mediation_desk.points.dto import GiftView
from mediation_desk.privacy import roles

NAME, PRICE, STOCK, STATE = range(4)
KEEP_SHELF, SETTINGS = "points.shop", "points.settings"
TABLE_FONT_FACTOR = 1.2
DIM = QColor("#666666")
EMPTY = QColor("#b00020")
CALM_STYLE = "color: #7a4b00;"
DialogT = TypeVar("DialogT", GiftDialog, RestockDialog)


@dataclass(frozen=True)
class Shelf:
    gifts: list[GiftView]
    opening_day: int


def load_shelf(desk: Desk, actor: Actor, include_inactive: bool) -> Shelf:
    return Shelf(shop.list_gifts(desk, actor, include_inactive=include_inactive), shop.opening_day(desk))


class ShopTab(QWidget):
    def __init__(self, desk: Desk, tasks: TaskManager, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = tasks
        self._actor = actor
        self.ui = Ui_ShopTab()
        self.ui.setupUi(self)
        self.shelf: Shelf | None = None
        self.loading = self.saving_day = False
        self._again = False
        self._select_next: str | None = None
        self.dialog: QWidget | None = None
        u = self.ui
        u.statusLabel.setStyleSheet(CALM_STYLE)
        self._set_up_table()
        u.splitter.setStretchFactor(0, 1)
        u.splitter.setStretchFactor(1, 1)
        self.redeem = RedeemSection(self)
        u.showInactiveCheck.toggled.connect(lambda _on: self.refresh())
        u.giftTable.itemSelectionChanged.connect(self._update)
        u.giftTable.activated.connect(lambda _index: self.edit_gift())  # Enter or a double click
        u.addGiftButton.clicked.connect(lambda: self.add_gift())
        u.editGiftButton.clicked.connect(lambda: self.edit_gift())
        u.restockButton.clicked.connect(lambda: self.restock())
        u.openingSaveButton.clicked.connect(self.save_opening_day)
        self.wheel_guard = guard_wheel(self)
        self._update()

    def _set_up_table(self) -> None:
        table = self.ui.giftTable
        enlarge(TABLE_FONT_FACTOR, table)
        headers = (self.tr("礼品"), self.tr("所需绿币"), self.tr("库存"), self.tr("状态"))
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setVisible(False)

    # ---- the operator ---------------------------------------------------------------------------

    @property
    def actor(self) -> Actor:
        return self._actor

    @actor.setter
    def actor(self, actor: Actor) -> None:
        self._actor = actor
        self.ui.statusLabel.clear()
        self._update()
        self.redeem.show_figures()

    def may(self, action: str) -> bool:
        return roles.allowed(self._actor.role, action)

    # ---- reading --------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Shown or asked to reload: the shelf as it is now (the newest request wins)."""
        if self.loading:
            self._again = True
            return
        self.loading = True
        self.tasks.run(
            load_shelf,
            self.desk,
            self._actor,
            self.ui.showInactiveCheck.isChecked(),
            on_done=self._show,
            on_error=self._failed,
            owner=self,
        )

    def _failed(self, error: BaseException) -> None:
        self.loading = False
        if not isinstance(error, DeskError):
            raise error  # the exception hook reports it; the shelf shown stays
        self.ui.statusLabel.setText(str(error))

    def _show(self, shelf: Shelf) -> None:
        self.loading = False
        if self._again:
            self._again = False
            self.refresh()
            return
        chosen = self._select_next or self.selected_id()
        self._select_next = None
        self.shelf = shelf
        table = self.ui.giftTable
        table.blockSignals(True)
        table.setRowCount(len(shelf.gifts))
        for row, g in enumerate(shelf.gifts):
            state = self.tr("已下架") if not g.active else self.tr("缺货") if g.stock == 0 else self.tr("在架")
            for column, text in enumerate((g.name, str(g.price), str(g.stock), state)):
                item = QTableWidgetItem(text)
                if column in (PRICE, STOCK):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if not g.active:
                    item.setForeground(QBrush(DIM))
                elif g.stock == 0:
                    item.setForeground(QBrush(EMPTY))
                if column == NAME:
                    item.setData(KEY_ROLE, g.id)
                table.setItem(row, column, item)
        table.blockSignals(False)
        self.select(chosen)
        self.ui.openingSpin.setValue(shelf.opening_day)
        self._show_today(shelf.opening_day)
        self.redeem.show_shelf(shelf.gifts, shelf.opening_day)
        self._update()

    def _show_today(self, opening_day: int) -> None:
        today = china_today()
        if today.day == opening_day:
            self.ui.todayLabel.setText(self.tr("今天是开放日"))
        else:
            self.ui.todayLabel.setText(self.tr("今天（{day} 日）不是开放日，兑换须写明原因").format(day=today.day))

    # ---- the selection --------------------------------------------------------------------------

    def selected_id(self) -> str | None:
        return selected_key(self.ui.giftTable, NAME)

    def selected(self) -> GiftView | None:
        chosen = self.selected_id()
        return next((g for g in self.shelf.gifts if g.id == chosen), None) if self.shelf else None

    def select(self, gift_id: str | None) -> None:
        select_key(self.ui.giftTable, gift_id, NAME)

    def _update(self) -> None:
        u, chosen = self.ui, self.selected()
        keeper = self.may(KEEP_SHELF)
        u.addGiftButton.setEnabled(keeper)
        u.editGiftButton.setEnabled(keeper and chosen is not None)
        u.restockButton.setEnabled(keeper and chosen is not None)
        may_set = self.may(SETTINGS)
        u.openingSpin.setEnabled(may_set and not self.saving_day)
        u.openingSaveButton.setEnabled(may_set and not self.saving_day)
        u.openingSaveButton.setVisible(may_set)
        u.openingSpin.setToolTip("" if may_set else self.tr("开放日由主任设置"))
        for button in (u.addGiftButton, u.editGiftButton, u.restockButton):
            button.setToolTip("" if keeper else self.tr("当前操作员不能维护礼品和库存"))

    # ---- the shelf ------------------------------------------------------------------------------

    def add_gift(self) -> GiftDialog | None:
        if not self.may(KEEP_SHELF):
            return None
        return self._open(GiftDialog(self.desk, self.tasks, self._actor, None, self))

    def edit_gift(self) -> GiftDialog | None:
        chosen = self.selected()
        if chosen is None or not self.may(KEEP_SHELF):
            return None
        return self._open(GiftDialog(self.desk, self.tasks, self._actor, chosen, self))

    def restock(self) -> RestockDialog | None:
        chosen = self.selected()
        if chosen is None or not self.may(KEEP_SHELF):
            return None
        return self._open(RestockDialog(self.desk, self.tasks, self._actor, chosen, self))

    def _open(self, dialog: DialogT) -> DialogT:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._gift_saved)
        dialog.destroyed.connect(self._dialog_gone)
        self.dialog = dialog
        dialog.open()  # window-modal, without a nested event loop
        return dialog

    def _dialog_gone(self) -> None:
        self.dialog = None

    def _gift_saved(self, view: GiftView) -> None:
        self.ui.statusLabel.setText(
            self.tr("已保存：{name}，{price} 绿币，库存 {stock} 件").format(
                name=view.name, price=view.price, stock=view.stock
            )
        )
        self._select_next = view.id
        self.refresh()

    # ---- the opening day ------------------------------------------------------------------------

    def save_opening_day(self) -> None:
        if self.saving_day or not self.may(SETTINGS):
            return
        self.saving_day = True
        show_problems({"day": self.ui.openingError}, [])
        self._update()
        self.tasks.run(
            shop.set_opening_day,
            self.desk,
            self._actor,
            self.ui.openingSpin.value(),
            on_done=self._day_saved,
            on_error=self._day_refused,
            owner=self,
        )

    def _day_saved(self, day: int) -> None:
        self.saving_day = False
        self.ui.statusLabel.setText(self.tr("绿币超市开放日已设为每月 {day} 日").format(day=day))
        self.refresh()

    def _day_refused(self, error: BaseException) -> None:
        self.saving_day = False
        self._update()
        if not isinstance(error, DeskError):
            raise error
        if isinstance(error, ValidationError):
            show_problems({"day": self.ui.openingError}, error.problems)
        else:
            self.ui.openingError.setText(str(error))
