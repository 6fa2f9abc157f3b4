"""The 绿币超市's shelf: a gift added or changed (name, price in coins, on the shelf or not), and
stock delivered or written off with its reason. Saved through the shop's services; a problem is
shown under the field it names, and the dialog stays open until the service has accepted it."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.gui.dialogs.base import Call, ServiceDialog, bind
from mediation_desk.gui.forms.ui_gift_dialog import Ui_GiftDialog
from mediation_desk.gui.forms.ui_restock_dialog import Ui_RestockDialog
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.points import shop
from mediation_desk.points.dto import GiftView


class GiftDialog(ServiceDialog):
    """新增礼品 (`gift` None) or 修改礼品."""

    def __init__(
        self, desk: Desk, tasks: TaskManager, actor: Actor, gift: GiftView | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(desk, tasks, actor, parent)
        self.gift = gift
        self.ui = u = Ui_GiftDialog()
        u.setupUi(self)
        self.error_labels = {"name": u.nameError, "price": u.priceError, "stock": u.stockError}
        self.wire(u.buttonBox, u.messageLabel)
        if gift is None:
            self.setWindowTitle(self.tr("新增礼品"))
            u.price.setValue(10)
            u.active.hide()  # a new gift is on the shelf
        else:
            self.setWindowTitle(self.tr("修改礼品"))
            u.name.setText(gift.name)
            u.price.setValue(gift.price)
            for widget in (u.stockLabel, u.stock, u.stockError):
                widget.hide()  # stock changes only by 入库 / 报损, with a reason
            u.active.setChecked(gift.active)
        u.name.setFocus()

    def service_call(self) -> Call:
        u = self.ui
        if self.gift is None:
            return bind(
                shop.add_gift, self.desk, self.actor, name=u.name.text(), price=u.price.value(), stock=u.stock.value()
            )
        return bind(
            shop.edit_gift,
            self.desk,
            self.actor,
            self.gift.id,
            name=u.name.text(),
            price=u.price.value(),
            active=u.active.isChecked(),
        )


class RestockDialog(ServiceDialog):
    """入库 (a positive number) or 报损 (negative), with the reason."""

    def __init__(
        self, desk: Desk, tasks: TaskManager, actor: Actor, gift: GiftView, parent: QWidget | None = None
    ) -> None:
        super().__init__(desk, tasks, actor, parent)
        self.gift = gift
        self.ui = u = Ui_RestockDialog()
        u.setupUi(self)
        self.error_labels = {"quantity": u.quantityError, "reason": u.reasonError}
        self.wire(u.buttonBox, u.messageLabel)
        u.giftLabel.setText(self.tr("{name}：现有库存 {stock} 件").format(name=gift.name, stock=gift.stock))
        u.quantity.setMinimum(-gift.stock)  # a write-off takes at most what is there
        u.quantity.setValue(1)
        u.quantity.setFocus()
        u.quantity.selectAll()

    def service_call(self) -> Call:
        return bind(
            shop.restock, self.desk, self.actor, self.gift.id, self.ui.quantity.value(), reason=self.ui.reason.text()
        )
