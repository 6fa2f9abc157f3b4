"""The town's side of the declarations tab (镇街设备): the declarations its villages approved, waiting
for the town, and the redemptions that overdrew a balance (two desks of a village spent the same
coins offline). Both are read from and answered to the district, online: the calls run on the
window's sync thread (never on the UI thread, never queued behind the clerk's saves), and an
unreachable district is said plainly — the town reviews when the line is back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QMessageBox

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.errors import DeskError
from mediation_desk.gui.dialogs.points_declaration_dialogs import RejectDialog, ResolveDialog, reason_only
from mediation_desk.gui.pages.points_residents import cell, fill_table, selected_key, set_up_table
from mediation_desk.points import rules
from mediation_desk.privacy import roles
from mediation_desk.sync import api as sync_api
from mediation_desk.sync import town_points
from mediation_desk.sync.town_points import TownConflict, TownDeclaration

if TYPE_CHECKING:
    from mediation_desk.gui.pages.points_declarations import PointsDeclarationsTab

# `SyncWorker.call`'s shape: fn, *args, on_done=, on_error=, owner=, **kwargs → False once stopped.
Runner = Callable[..., bool]
VILLAGE, RESIDENT, ITEM, COINS, DAY, VERSION, EVIDENCE = range(7)
TOWN_WIDTHS = {VILLAGE: 9, RESIDENT: 5, ITEM: 14, COINS: 3, DAY: 7, VERSION: 4}  # em
C_VILLAGE, C_RESIDENT, C_SHORTFALL, C_STATE, C_NOTE = range(5)
CONFLICT_WIDTHS = {C_VILLAGE: 9, C_RESIDENT: 5, C_SHORTFALL: 4, C_STATE: 6}
DEDUCTION = QColor("#b00020")
RED = "color: #b00020;"
CALM = "color: #7a4b00;"
REVIEW = "points.town_review"


@dataclass(frozen=True)
class TownData:
    declarations: list[TownDeclaration]
    conflicts: list[TownConflict]


def load_town(desk: Desk, actor: Actor, *, options: sync_api.TransportOptions) -> TownData:
    """Both lists in one go (on the sync thread)."""
    return TownData(
        town_points.town_declarations(desk, actor, options=options),
        town_points.town_conflicts(desk, actor, options=options),
    )


class TownSection(QObject):
    """Drives the town page of the declarations tab's form."""

    def __init__(self, tab: PointsDeclarationsTab) -> None:
        super().__init__(tab)
        self.tab = tab
        self.ui = u = tab.ui
        self.data: TownData | None = None
        self.loading = self.answering = False
        self.loaded = False  # a first answer (or refusal) came back from the district
        self._notice = ""  # what was just done, shown once the lists are read again
        self.runner: Runner = self._on_desk_worker
        self.options = sync_api.TransportOptions()  # the sync worker's, once the window hands it over
        set_up_table(
            u.townTable,
            (
                self.tr("村（社区）"),
                self.tr("居民"),
                self.tr("项目"),
                self.tr("绿币"),
                self.tr("活动日期"),
                self.tr("目录版本"),
                self.tr("佐证"),
            ),
            TOWN_WIDTHS,
            EVIDENCE,
        )
        set_up_table(
            u.conflictTable,
            (self.tr("村（社区）"), self.tr("居民"), self.tr("差额"), self.tr("状态"), self.tr("说明")),
            CONFLICT_WIDTHS,
            C_NOTE,
        )
        u.townNote.setText(
            self.tr(
                "本镇（街道）各村已通过村审核的申报，来自区社会治理中心（居民姓名已脱敏）。"
                "镇里通过后由区里记入积分，村里的电脑同步后即可看到。须联网。"
            )
        )
        u.townTable.itemSelectionChanged.connect(self.update_buttons)
        u.conflictTable.itemSelectionChanged.connect(self.update_buttons)
        u.townRefreshButton.clicked.connect(self.refresh)
        u.townApproveButton.clicked.connect(lambda: self.approve())
        u.townRejectButton.clicked.connect(lambda: self.reject())
        u.resolveButton.clicked.connect(lambda: self.resolve())
        self.update_buttons()

    def _on_desk_worker(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> bool:
        """Without the window's sync thread (a tab on its own): the desk worker, still off the UI thread."""
        self.tab.tasks.run(fn, *args, **kwargs)
        return True

    @property
    def busy(self) -> bool:
        return self.loading or self.answering

    def may_review(self) -> bool:
        return roles.allowed(self.tab.actor.role, REVIEW)

    # ---- reading ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.loading:
            return
        self.loading = True
        self.update_buttons()
        self._status(self.tr("正在从区里读取……"))
        if not self.runner(
            load_town,
            self.tab.desk,
            self.tab.actor,
            options=self.options,
            on_done=self._loaded,
            on_error=self._unreadable,
            owner=self,
        ):
            self.loading = False
            self._status(self.tr("工作台正在关闭"), problem=True)

    def _loaded(self, data: TownData) -> None:
        self.loading = False
        self.loaded = True
        self.data = data
        self.ui.offlineLabel.clear()
        self._fill()
        counts = self.tr("待镇审核 {count} 条；兑换冲突 {conflicts} 个。").format(
            count=len(data.declarations), conflicts=sum(1 for c in data.conflicts if c.status == rules.OPEN)
        )
        self._status(self._notice + counts, good=bool(self._notice))
        self._notice = ""

    def _unreadable(self, error: BaseException) -> None:
        self.loading = False
        self.loaded = True
        self.update_buttons()
        if not isinstance(error, DeskError):
            self._status("")
            raise error
        self._status("")
        self.ui.offlineLabel.setStyleSheet(RED)
        if isinstance(error, sync_api.ServerUnreachable):
            self.ui.offlineLabel.setText(
                self.tr(
                    "现在连不上区社会治理中心，镇里的审核须联网进行。请检查网络后点「刷新」；"
                    "本机其他工作不受影响。（{reason}）"
                ).format(reason=error)
            )
        else:
            self.ui.offlineLabel.setText(self.tr("无法从区里读取：{reason}").format(reason=error))

    def _fill(self) -> None:
        data = self.data
        if data is None:
            return
        fill_table(self.ui.townTable, [(d.id, self._cells(d), False) for d in data.declarations])
        for row, d in enumerate(data.declarations):
            if d.coins < 0:
                cell(self.ui.townTable, row, COINS).setForeground(QBrush(DEDUCTION))
        fill_table(
            self.ui.conflictTable,
            [(c.id, self._conflict_cells(c), c.status != rules.OPEN) for c in data.conflicts],
        )
        self.update_buttons()

    def _cells(self, d: TownDeclaration) -> list[str]:
        return [
            d.committee_name or d.committee_code,
            d.resident_label,
            d.item_label,
            f"{d.coins:+d}",
            d.activity_date.isoformat(),
            str(d.catalogue_version),
            self.tr("有（{digest}…）").format(digest=d.evidence_sha256[:8]) if d.evidence_sha256 else self.tr("无"),
        ]

    def _conflict_cells(self, c: TownConflict) -> list[str]:
        state = self.tr("待处理") if c.status == rules.OPEN else self.tr("已处理")
        what = self.tr("{date} 兑换 {gift} ×{quantity}").format(
            date=c.entry_date.isoformat() if c.entry_date else "", gift=c.gift or "", quantity=c.quantity or 1
        )
        note = rules.RESOLUTIONS.get(c.resolution or "", "") if c.resolution else ""
        return [
            c.committee_name or c.committee_code,
            c.resident_label,
            str(c.shortfall),
            state,
            self.tr("；").join(x for x in (what, note, c.reason or "") if x.strip()),
        ]

    # ---- the selection ----------------------------------------------------------------------------

    def selected(self) -> TownDeclaration | None:
        key = selected_key(self.ui.townTable)
        return next((d for d in self.data.declarations if d.id == key), None) if self.data and key else None

    def selected_conflict(self) -> TownConflict | None:
        key = selected_key(self.ui.conflictTable)
        return next((c for c in self.data.conflicts if c.id == key), None) if self.data and key else None

    def update_buttons(self) -> None:
        u = self.ui
        may = self.may_review() and not self.busy
        u.townApproveButton.setEnabled(may and self.selected() is not None)
        u.townRejectButton.setEnabled(may and self.selected() is not None)
        conflict = self.selected_conflict()
        u.resolveButton.setEnabled(may and conflict is not None and conflict.status == rules.OPEN)
        u.townRefreshButton.setEnabled(not self.loading)

    # ---- answering the district -----------------------------------------------------------------------

    def approve(self) -> None:
        chosen = self.selected()
        if chosen is None or not self.ui.townApproveButton.isEnabled():
            return
        question = self.tr(
            "镇审核通过 {village} {resident} 的申报「{item}」（{coins:+d} 绿币）？\n\n通过后由区里记入积分，不能撤销。"
        ).format(
            village=chosen.committee_name or chosen.committee_code,
            resident=chosen.resident_label,
            item=chosen.item_label,
            coins=chosen.coins,
        )
        answer = QMessageBox.question(
            self.tab,
            self.tr("镇审核通过"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._send(town_points.town_review, chosen.id, approve=True)

    def reject(self) -> RejectDialog | None:
        chosen = self.selected()
        if chosen is None or not self.ui.townRejectButton.isEnabled():
            return None
        dialog = RejectDialog(
            self.tab.desk,
            self.tab.tasks,
            self.tab.actor,
            self.tr("镇审核不通过"),
            self.tr("{resident} 的申报「{item}」不通过的理由：").format(
                resident=chosen.resident_label, item=chosen.item_label
            ),
            reason_only,
            self.tr("确定不通过这条申报？不通过后不能撤销。"),
            self.tab,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(
            lambda reason: self._send(town_points.town_review, chosen.id, approve=False, reason=reason)
        )
        dialog.open()
        return dialog

    def resolve(self) -> ResolveDialog | None:
        conflict = self.selected_conflict()
        if conflict is None or not self.ui.resolveButton.isEnabled():
            return None
        description = self.tr(
            "{village} {resident} 兑换「{gift}」时，两台电脑离线花了同一笔绿币，余额透支 {shortfall} 绿币"
            "（区里现在的余额：{balance}）。"
        ).format(
            village=conflict.committee_name or conflict.committee_code,
            resident=conflict.resident_label,
            gift=conflict.gift or "",
            shortfall=conflict.shortfall,
            balance=conflict.balance,
        )
        dialog = ResolveDialog(self.tab.desk, self.tab.tasks, self.tab.actor, description, self.tab)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(
            lambda choice: self._send(town_points.resolve_conflict, conflict.id, resolution=choice[0], reason=choice[1])
        )
        dialog.open()
        return dialog

    def _send(self, fn: Callable[..., Any], key: str, **kwargs: Any) -> None:
        self.answering = True
        self.update_buttons()
        self._status(self.tr("正在提交到区里……"))
        if not self.runner(
            fn,
            self.tab.desk,
            self.tab.actor,
            key,
            options=self.options,
            on_done=self._answered,
            on_error=self._refused,
            owner=self,
            **kwargs,
        ):
            self.answering = False
            self._status(self.tr("工作台正在关闭，未提交"), problem=True)

    def _answered(self, _result: object) -> None:
        self.answering = False
        self._notice = self.tr("已提交到区里。")  # shown with the lists read again
        self.refresh()

    def _refused(self, error: BaseException) -> None:
        self.answering = False
        self.update_buttons()
        if not isinstance(error, DeskError):
            self._status("")
            raise error
        self._status(self.tr("未提交：{reason}").format(reason=error), problem=True)

    def _status(self, text: str, *, problem: bool = False, good: bool = False) -> None:
        self.tab.ui.statusLabel.setStyleSheet(RED if problem else "color: #1b5e20;" if good else CALM)
        self.tab.ui.statusLabel.setText(text)
