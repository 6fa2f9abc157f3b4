"""兑换 in the shop tab: find the resident, choose the gift and how many, see the balance and the
cost, give a reason on a day other than the opening day, confirm, and the redemption is made in
one write of the shop's service; then the receipt (兑换凭证) is offered for printing.

What the window can see beforehand (too few coins, too little stock, no reason on another day) is
said under the field at once, without asking the desk; the service checks it all again under the
write lock, where two clerks redeeming at once are serialised, and its refusal lands under the
same fields. A refused redemption changes nothing."""

from __future__ import annotations

import contextlib
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QComboBox, QMessageBox

from mediation_desk.administration import accounts
from mediation_desk.core.uow import china_today
from mediation_desk.desk import Desk
from mediation_desk.documents import points_docs
from mediation_desk.errors import DeskError, FieldProblem, ValidationError
from mediation_desk.gui.field_errors import show_problems
from mediation_desk.gui.pdf_dialog import PdfDialog
from mediation_desk.points import ledger, rules, shop
from mediation_desk.points.dto import GiftView, RedemptionView, ResidentView
from mediation_desk.privacy import roles

REDEEM = "points.redeem"
SEARCH_MAX = 50  # residents offered for one search: a longer list is a search to narrow
ALARM_STYLE = "color: #b00020; font-weight: bold;"
PLAIN_STYLE = "font-weight: bold;"
CALM_STYLE = "color: #7a4b00;"


def receipt_document(desk: Desk, redemption: RedemptionView) -> bytes:
    """The receipt's PDF, made on the desk worker (with the folder the save dialog offers)."""
    pdf = points_docs.receipt_pdf(redemption, accounts.get_committee(desk).name)
    with contextlib.suppress(OSError):
        desk.paths.exports.mkdir(parents=True, exist_ok=True)
    return pdf


class RedeemSection(QObject):
    """Drives the 兑换 widgets of the shop tab's form."""

    def __init__(self, page: Any) -> None:
        super().__init__(page)
        self.page = page
        self.ui = ui = page.ui
        self.residents: list[ResidentView] = []
        self.gifts: list[GiftView] = []
        self.opening_day: int | None = None
        self.searching = self.redeeming = self.printing = False
        self._keep: str | None = None  # the resident to choose again after a search
        self.last: RedemptionView | None = None
        self.dialog: PdfDialog | None = None
        self.errors = {
            "resident_id": ui.residentError,
            "gift_id": ui.giftError,
            "quantity": ui.quantityError,
            "off_day_reason": ui.offDayReasonError,
        }
        ui.redeemMessage.setStyleSheet(CALM_STYLE)
        ui.redeemBox.setAutoFillBackground(False)  # the scroll area filled it: the page's own colour
        for combo in (ui.residentCombo, ui.giftCombo):  # long names are cut, not the panel widened
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        ui.residentSearch.returnPressed.connect(lambda: self.search())
        ui.findButton.clicked.connect(lambda: self.search())
        ui.offDayReason.returnPressed.connect(self.redeem)
        ui.redeemButton.clicked.connect(lambda: self.redeem())
        for signal in (ui.residentCombo.currentIndexChanged, ui.giftCombo.currentIndexChanged):
            signal.connect(lambda _i: self.show_figures())
        ui.quantitySpin.valueChanged.connect(lambda _v: self.show_figures())
        self.show_figures()

    def may_redeem(self) -> bool:
        return roles.allowed(self.page.actor.role, REDEEM)

    # ---- what is chosen -------------------------------------------------------------------------

    def resident(self) -> ResidentView | None:
        chosen = self.ui.residentCombo.currentData()
        return next((r for r in self.residents if r.id == chosen), None)

    def gift(self) -> GiftView | None:
        chosen = self.ui.giftCombo.currentData()
        return next((g for g in self.gifts if g.id == chosen), None)

    def off_day(self) -> bool:
        return self.opening_day is not None and china_today().day != self.opening_day

    def show_shelf(self, gifts: list[GiftView], opening_day: int) -> None:
        """The gifts on the shelf (with their stock now) and the opening day, from the tab."""
        combo, kept = self.ui.giftCombo, self.ui.giftCombo.currentData()
        self.gifts = [g for g in gifts if g.active]
        self.opening_day = opening_day
        combo.blockSignals(True)
        combo.clear()
        for g in self.gifts:
            combo.addItem(
                self.tr("{name}（{price} 绿币，库存 {stock}）").format(name=g.name, price=g.price, stock=g.stock), g.id
            )
        index = combo.findData(kept)
        if index < 0:  # the first gift in stock, else the first
            index = next((i for i, g in enumerate(self.gifts) if g.stock > 0), 0 if self.gifts else -1)
        combo.setCurrentIndex(index)
        combo.blockSignals(False)
        self.show_figures()

    def show_figures(self) -> None:
        """The balance, the cost and what is left, as the choices stand."""
        ui, resident, gift = self.ui, self.resident(), self.gift()
        off_day = self.off_day()
        ui.offDayReason.setEnabled(off_day)
        ui.offDayReasonLabel.setEnabled(off_day)
        busy = self.searching or self.redeeming
        ui.redeemButton.setEnabled(self.may_redeem() and not busy)
        ui.redeemButton.setToolTip("" if self.may_redeem() else self.tr("当前操作员不能办理兑换"))
        if resident is None or gift is None:
            ui.costLabel.setStyleSheet(PLAIN_STYLE)
            ui.costLabel.setText(
                "" if resident is None else self.tr("余额 {balance} 绿币").format(balance=resident.balance)
            )
            return
        cost = gift.price * ui.quantitySpin.value()
        after = resident.balance - cost
        text = self.tr("余额 {balance} 绿币，需要 {cost} 绿币，兑换后余 {after} 绿币").format(
            balance=resident.balance, cost=cost, after=after
        )
        if resident.open_conflicts:
            text += self.tr("\n这位居民有兑换冲突等待镇里处理")
        ui.costLabel.setStyleSheet(ALARM_STYLE if after < 0 or resident.open_conflicts else PLAIN_STYLE)
        ui.costLabel.setText(text)

    # ---- finding the resident -------------------------------------------------------------------

    def search(self, keep: str | None = None) -> None:
        words = self.ui.residentSearch.text().strip()
        if self.searching or (not words and keep is None):
            if not words:
                self.ui.residentError.setText(self.tr("请输入居民姓名或户名再查找"))
            return
        self.searching, self._keep = True, keep
        self.ui.residentError.clear()
        self.show_figures()
        self.page.tasks.run(
            ledger.list_balances,
            self.page.desk,
            self.page.actor,
            query=words or None,
            limit=SEARCH_MAX,
            on_done=self._found,
            on_error=self._search_failed,
            owner=self,
        )

    def _found(self, found: list[ResidentView]) -> None:
        self.searching = False
        self.residents = found
        combo = self.ui.residentCombo
        combo.blockSignals(True)
        combo.clear()
        for r in found:
            state = self.tr("，已停用") if not r.active else ""
            combo.addItem(
                self.tr("{name}（{group}{state}）余额 {balance}").format(
                    name=r.name, group=r.village_group, state=state, balance=r.balance
                ),
                r.id,
            )
            combo.setItemData(combo.count() - 1, r.household_label or "", Qt.ItemDataRole.ToolTipRole)
        combo.setCurrentIndex(max(0, combo.findData(self._keep)) if found else -1)
        combo.blockSignals(False)
        if not found:
            self.ui.residentError.setText(self.tr("没有找到这位居民"))
        elif self._keep is None:
            combo.setFocus()
        self.show_figures()

    def _search_failed(self, error: BaseException) -> None:
        self.searching = False
        self.show_figures()
        if not isinstance(error, DeskError):
            raise error
        reason = error.problems[0].message if isinstance(error, ValidationError) else str(error)
        self.ui.residentError.setText(reason)

    # ---- redeeming ------------------------------------------------------------------------------

    def problems(self) -> list[FieldProblem]:
        """What the window can tell is wrong before asking the desk (the rules' own words)."""
        resident, gift, quantity = self.resident(), self.gift(), self.ui.quantitySpin.value()
        found: list[FieldProblem] = []
        if resident is None:
            found.append(FieldProblem("resident_id", "required", self.tr("请先查找并选择居民")))
        elif not resident.active:
            found.append(FieldProblem("resident_id", "resident_inactive", self.tr("这位居民已停用，不能兑换")))
        if gift is None:
            found.append(FieldProblem("gift_id", "required", self.tr("请选择礼品")))
        elif quantity > gift.stock:
            found.append(
                FieldProblem(
                    "quantity",
                    "out_of_stock",
                    self.tr("「{gift}」库存不足：现有 {stock} 件，需要 {quantity} 件").format(
                        gift=gift.name, stock=gift.stock, quantity=quantity
                    ),
                )
            )
        if resident is not None and gift is not None:
            problem = rules.redemption_problem(resident.balance, gift.price * quantity)
            if problem:
                found.append(FieldProblem("quantity", "insufficient_coins", problem))
        if self.opening_day is not None:
            problem = rules.off_day_problem(china_today(), self.opening_day, self.ui.offDayReason.text())
            if problem:
                found.append(FieldProblem("off_day_reason", "off_day", problem))
        return found

    def redeem(self) -> None:
        resident, gift = self.resident(), self.gift()
        if self.redeeming or self.searching or not self.may_redeem():
            return
        self.ui.redeemMessage.clear()
        problems = self.problems()
        show_problems(self.errors, problems)
        if problems or resident is None or gift is None:
            return
        quantity = self.ui.quantitySpin.value()
        reason = self.ui.offDayReason.text().strip() if self.off_day() else None
        question = self.tr(
            "为 {name} 兑换「{gift}」{quantity} 件，扣 {cost} 绿币，兑换后余 {after} 绿币。\n确定兑换吗？"
        ).format(
            name=resident.name,
            gift=gift.name,
            quantity=quantity,
            cost=gift.price * quantity,
            after=resident.balance - gift.price * quantity,
        )
        answer = QMessageBox.question(
            self.page,
            self.tr("确认兑换"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.redeeming = True
        self.ui.redeemMessage.setText(self.tr("正在兑换……"))
        self.show_figures()
        self.page.tasks.run(
            shop.redeem,
            self.page.desk,
            self.page.actor,
            resident_id=resident.id,
            gift_id=gift.id,
            quantity=quantity,
            off_day_reason=reason,
            on_done=self._redeemed,
            on_error=self._refused,
            owner=self,
        )

    def _refused(self, error: BaseException) -> None:
        self.redeeming = False
        self.show_figures()
        if not isinstance(error, DeskError):
            self.ui.redeemMessage.clear()
            raise error
        if isinstance(error, ValidationError):
            unplaced = show_problems(self.errors, error.problems)
            lines = [self.tr("未兑换：请按提示修改后再兑换。"), *(p.message for p in unplaced)]
            self.ui.redeemMessage.setText("\n".join(lines))
        else:
            show_problems(self.errors, [])
            self.ui.redeemMessage.setText(self.tr("未兑换：{reason}").format(reason=error))
        self.search(keep=self.ui.residentCombo.currentData())  # the balance as it is now

    def _redeemed(self, r: RedemptionView) -> None:
        self.redeeming = False
        self.last = r
        ui = self.ui
        show_problems(self.errors, [])
        ui.offDayReason.clear()
        ui.quantitySpin.setValue(1)
        ui.redeemMessage.setText(
            self.tr("已兑换：收据号 {receipt}，{name} 领取「{gift}」{quantity} 件，余额 {after} 绿币。").format(
                receipt=r.receipt_no, name=r.resident_name, gift=r.gift_name, quantity=r.quantity, after=r.balance_after
            )
        )
        self.page.refresh()  # the stock
        self.search(keep=r.resident_id)  # the balance
        answer = QMessageBox.question(
            self.page,
            self.tr("兑换凭证"),
            self.tr("兑换已完成。现在打印兑换凭证吗？"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.print_receipt(r)

    # ---- the receipt ----------------------------------------------------------------------------

    def print_receipt(self, r: RedemptionView) -> None:
        if self.printing:
            return
        self.printing = True
        self.page.tasks.run(
            receipt_document,
            self.page.desk,
            r,
            on_done=lambda pdf: self._show_receipt(r, pdf),
            on_error=self._receipt_failed,
            owner=self,
        )

    def _show_receipt(self, r: RedemptionView, pdf: bytes) -> None:
        self.printing = False
        dialog = PdfDialog(
            self.page.tasks,
            pdf,
            self.tr("兑换凭证 {receipt}").format(receipt=r.receipt_no),
            self.tr("兑换凭证-{receipt}.pdf").format(receipt=r.receipt_no),
            self.page.desk.paths.exports,
            self.page,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(self._dialog_gone)
        self.dialog = dialog
        dialog.open()

    def _dialog_gone(self) -> None:
        self.dialog = None

    def _receipt_failed(self, error: BaseException) -> None:
        self.printing = False
        if not isinstance(error, DeskError):
            raise error
        self.ui.redeemMessage.setText(self.tr("未能生成兑换凭证：{reason}").format(reason=error))
