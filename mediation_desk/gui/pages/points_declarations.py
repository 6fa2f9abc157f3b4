"""申报和审核 (declarations and their review). On a committee's desk: the declarations by status,
a new declaration, and the village's review queue — approve, or turn down with a reason, each
confirmed first as neither can be taken back. An approved declaration waits for the town, which
reviews it on a town desk through the district: the list says plainly that the answer arrives
with the next sync. On a town's desk (enrolled for a town) the tab shows the town's own queue and
the redemption conflicts instead, read over the network (points_town.py)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QMessageBox, QWidget

from mediation_desk.core import sync_contract as contract
from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.errors import DeskError
from mediation_desk.gui.dialogs.base import ServiceDialog, bind
from mediation_desk.gui.dialogs.points_declaration_dialogs import DeclarationDialog, RejectDialog
from mediation_desk.gui.forms.ui_points_declarations_tab import Ui_PointsDeclarationsTab
from mediation_desk.gui.labels import role_name
from mediation_desk.gui.pages.points_residents import cell, fill_table, select_key, selected_key, set_up_table
from mediation_desk.gui.pages.points_town import Runner, TownSection
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.gui.wheel_guard import guard_wheel
from mediation_desk.points import catalogue, declarations, residents, rules
from mediation_desk.points.dto import DeclarationView, ResidentView
from mediation_desk.privacy import roles
from mediation_desk.sync import api as sync_api

RESIDENT, ITEM, COINS, DAY, STATUS, SOURCE, NOTE = range(7)
WIDTHS = {RESIDENT: 6, ITEM: 14, COINS: 3, DAY: 7, STATUS: 12, SOURCE: 8}  # em
LIST_MAX = 500
RESIDENTS_MAX = 5000  # a village's residents to choose from in a new declaration
ALL = ""
CALM_STYLE = "color: #7a4b00;"
DEDUCTION = QColor("#b00020")
STATUS_CONTEXT = "PointsStatus"
STATUS_NAMES = {
    rules.DECLARED: QT_TRANSLATE_NOOP("PointsStatus", "待村审核"),
    rules.VILLAGE_APPROVED: QT_TRANSLATE_NOOP("PointsStatus", "待镇审核"),
    rules.VILLAGE_REJECTED: QT_TRANSLATE_NOOP("PointsStatus", "村审核未通过"),
    rules.TOWN_APPROVED: QT_TRANSLATE_NOOP("PointsStatus", "已通过，已记分"),
    rules.TOWN_REJECTED: QT_TRANSLATE_NOOP("PointsStatus", "镇审核未通过"),
}


def status_name(code: str) -> str:
    name = STATUS_NAMES.get(code)
    return QCoreApplication.translate(STATUS_CONTEXT, str(name)) if name else code


@dataclass(frozen=True)
class DeclarationsData:
    town: bool  # this desk is enrolled for a town: its queue is the town's, read from the district
    declarations: list[DeclarationView]


@dataclass(frozen=True)
class DeclareChoices:
    residents: list[ResidentView]  # active ones
    catalogue: rules.Catalogue


def load_declarations(desk: Desk, actor: Actor, status: str | None) -> DeclarationsData:
    """One call on the desk worker: which desk this is, and its declarations with that status."""
    scope = sync_api.sync_status(desk)
    if scope.enrolled and scope.scope == contract.SCOPE_TOWN:
        return DeclarationsData(True, [])
    return DeclarationsData(False, declarations.list_declarations(desk, actor, status=status or None, limit=LIST_MAX))


def load_declare_choices(desk: Desk, actor: Actor) -> DeclareChoices:
    listed = residents.list_residents(desk, actor, limit=RESIDENTS_MAX)
    return DeclareChoices([r for r in listed if r.active], catalogue.catalogue_view(desk, actor))


class PointsDeclarationsTab(QWidget):
    def __init__(self, desk: Desk, tasks: TaskManager, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = tasks
        self._actor = actor
        self.ui = u = Ui_PointsDeclarationsTab()
        u.setupUi(self)
        self.data: DeclarationsData | None = None
        self.loaded = False
        self.busy = False
        self.dialog: ServiceDialog | None = None
        self._generation = 0
        self._select_next: str | None = None
        u.statusLabel.setStyleSheet(CALM_STYLE)
        u.statusLabel.setWordWrap(True)
        u.statusFilter.addItem(self.tr("全部"), ALL)
        for code in rules.STATUSES:
            u.statusFilter.addItem(status_name(code), code)
        self._default_filter()
        set_up_table(
            u.declarationTable,
            (
                self.tr("居民"),
                self.tr("项目"),
                self.tr("绿币"),
                self.tr("活动日期"),
                self.tr("状态"),
                self.tr("登记人"),
                self.tr("说明和理由"),
            ),
            WIDTHS,
            NOTE,
        )
        self.town = TownSection(self)
        u.statusFilter.currentIndexChanged.connect(lambda _i: self.refresh())
        u.declarationTable.itemSelectionChanged.connect(self._update_buttons)
        u.declareButton.clicked.connect(lambda: self.new_declaration())
        u.approveButton.clicked.connect(lambda: self.approve())
        u.rejectButton.clicked.connect(lambda: self.reject())
        self.wheel_guard = guard_wheel(self, u.statusFilter)
        self._update_buttons()

    def use_network(self, runner: Runner, options: sync_api.TransportOptions) -> None:
        """Where the town's calls to the district run (the window's sync thread), and how patiently."""
        self.town.runner = runner
        self.town.options = options

    # ---- the operator ---------------------------------------------------------------------------

    @property
    def actor(self) -> Actor:
        return self._actor

    @actor.setter
    def actor(self, actor: Actor) -> None:
        self._actor = actor
        self.ui.statusLabel.clear()
        self._update_buttons()
        self.town.update_buttons()

    def may(self, action: str) -> bool:
        return roles.allowed(self._actor.role, action)

    def _default_filter(self) -> None:
        """A reviewer starts with the queue waiting for the village; others with everything."""
        wanted = rules.DECLARED if self.may("points.review") else ALL
        self.ui.statusFilter.setCurrentIndex(max(0, self.ui.statusFilter.findData(wanted)))

    # ---- reading --------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation
        self.tasks.run(
            load_declarations,
            self.desk,
            self._actor,
            self.ui.statusFilter.currentData(),
            on_done=lambda data: self._show(generation, data),
            on_error=lambda error: self._failed(generation, error),
            owner=self,
        )

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        if not isinstance(error, DeskError):
            raise error
        self.ui.statusLabel.setText(self.tr("无法读取：{reason}").format(reason=error))

    def _show(self, generation: int, data: DeclarationsData) -> None:
        if generation != self._generation:
            return
        u = self.ui
        self.data = data
        u.modeStack.setCurrentWidget(u.townPage if data.town else u.villagePage)
        if data.town:
            self.loaded = True
            self.town.refresh()
            return
        chosen = self._select_next or selected_key(u.declarationTable)
        self._select_next = None
        fill_table(u.declarationTable, [(d.id, self._cells(d), False) for d in data.declarations])
        for row, d in enumerate(data.declarations):
            if d.coins < 0:
                cell(u.declarationTable, row, COINS).setForeground(QBrush(DEDUCTION))
            if d.status == rules.VILLAGE_APPROVED:
                cell(u.declarationTable, row, STATUS).setToolTip(self._waiting_text(d))
        select_key(u.declarationTable, chosen)
        u.countLabel.setText(self.tr("共 {count} 条").format(count=len(data.declarations)))
        self._show_sync_note(data.declarations)
        self.loaded = True
        self._update_buttons()

    def _cells(self, d: DeclarationView) -> list[str]:
        status = status_name(d.status)
        if d.status == rules.VILLAGE_APPROVED:
            status = (
                self.tr("{status}（待同步上报）") if d.waiting_for_sync else self.tr("{status}（结果随下次同步）")
            ).format(status=status)
        source = d.declared_by if d.source == rules.MANUAL else self.tr("自动")
        notes = [text for text in (d.note, d.village_reason, d.town_reason) if text]
        if d.evidence_name:
            notes.append(self.tr("佐证：{name}").format(name=d.evidence_name))
        return [
            d.resident_name,
            d.item_label,
            f"{d.coins:+d}",
            d.activity_date.isoformat(),
            status,
            source,
            self.tr("；").join(notes),
        ]

    def _waiting_text(self, d: DeclarationView) -> str:
        if d.waiting_for_sync:
            return self.tr("村里已通过，尚未同步上报：下次同步时送区平台由镇里审核。")
        return self.tr("已送区平台，等镇里审核：审核结果随下次同步回到本机，通过后才记入积分。")

    def _show_sync_note(self, listed: list[DeclarationView]) -> None:
        waiting = [d for d in listed if d.status == rules.VILLAGE_APPROVED]
        if not waiting:
            self.ui.syncNote.clear()
            return
        text = self.tr(
            "「待镇审核」的 {count} 条申报由镇里在区平台审核，审核结果随下次同步回到本机；镇里通过后才记入积分。"
        ).format(count=len(waiting))
        unsent = sum(1 for d in waiting if d.waiting_for_sync)
        if unsent:
            text += self.tr("其中 {count} 条尚未同步上报，下次同步时送出。").format(count=unsent)
        self.ui.syncNote.setText(text)

    # ---- the selection and what may be done -----------------------------------------------------

    def selected(self) -> DeclarationView | None:
        key = selected_key(self.ui.declarationTable)
        if self.data is None or key is None:
            return None
        return next((d for d in self.data.declarations if d.id == key), None)

    def _update_buttons(self) -> None:
        u = self.ui
        chosen = self.selected()
        reviewable = chosen is not None and chosen.status == rules.DECLARED and not self.busy
        may_review = self.may("points.review")
        u.declareButton.setEnabled(self.may("points.declare") and not self.busy)
        u.approveButton.setEnabled(may_review and reviewable)
        u.rejectButton.setEnabled(may_review and reviewable)
        if may_review:
            u.permissionLabel.clear()
        else:
            reviewers = [role_name(r) for r in roles.ROLES if roles.allowed(r, "points.review")]
            u.permissionLabel.setText(
                self.tr("当前操作员（{role}）可以登记申报；村级审核请由{reviewers}办理。").format(
                    role=role_name(self._actor.role), reviewers=self.tr("或").join(reviewers)
                )
            )

    # ---- a new declaration ----------------------------------------------------------------------------

    def new_declaration(self) -> None:
        """The choices are read first (on the desk worker), then the dialog opens."""
        if not self.may("points.declare") or self.busy:
            return
        self.busy = True
        self._update_buttons()
        self.tasks.run(
            load_declare_choices, self.desk, self._actor, on_done=self._open_declaration, on_error=self._refused
        )

    def _open_declaration(self, choices: DeclareChoices) -> None:
        self.busy = False
        self._update_buttons()
        if not choices.residents:
            self.ui.statusLabel.setText(self.tr("还没有登记居民：请先在「居民和户」中登记。"))
            return
        dialog = DeclarationDialog(self.desk, self.tasks, self._actor, choices.residents, choices.catalogue, None, self)
        self._open(dialog)

    def _open(self, dialog: ServiceDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._saved)
        dialog.destroyed.connect(self._dialog_gone)
        self.dialog = dialog
        dialog.open()

    def _dialog_gone(self) -> None:
        self.dialog = None

    def _saved(self, view: DeclarationView) -> None:
        if view.status == rules.DECLARED:
            text = self.tr("已登记申报：{name}「{item}」{coins:+d}，待村审核。")
        elif view.status == rules.VILLAGE_APPROVED:
            text = self.tr("已通过村审核：{name}「{item}」{coins:+d}。镇里的审核结果随下次同步回到本机。")
        else:
            text = self.tr("未通过村审核：{name}「{item}」。")
        self.ui.statusLabel.setText(text.format(name=view.resident_name, item=view.item_label, coins=view.coins))
        self._select_next = view.id
        self.refresh()

    # ---- the village's review -----------------------------------------------------------------------

    def approve(self) -> None:
        chosen = self.selected()
        if chosen is None or not self.ui.approveButton.isEnabled():
            return
        question = self.tr(
            "村审核通过 {name} 的申报「{item}」（{coins:+d} 绿币）？\n\n通过后送镇里审核，不能撤销。"
        ).format(name=chosen.resident_name, item=chosen.item_label, coins=chosen.coins)
        answer = QMessageBox.question(
            self,
            self.tr("村审核通过"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.busy = True
        self._update_buttons()
        self.ui.statusLabel.setText(self.tr("正在保存……"))
        self.tasks.run(
            declarations.review,
            self.desk,
            self._actor,
            chosen.id,
            approve=True,
            on_done=self._reviewed,
            on_error=self._refused,
        )

    def _reviewed(self, view: DeclarationView) -> None:
        self.busy = False
        self._saved(view)

    def _refused(self, error: BaseException) -> None:
        self.busy = False
        self._update_buttons()
        if not isinstance(error, DeskError):
            self.ui.statusLabel.clear()
            raise error
        self.ui.statusLabel.setText(self.tr("未保存：{reason}").format(reason=error))

    def reject(self) -> RejectDialog | None:
        chosen = self.selected()
        if chosen is None or not self.ui.rejectButton.isEnabled():
            return None
        dialog = RejectDialog(
            self.desk,
            self.tasks,
            self._actor,
            self.tr("村审核不通过"),
            self.tr("{name} 的申报「{item}」（{coins:+d} 绿币）不通过的理由：").format(
                name=chosen.resident_name, item=chosen.item_label, coins=chosen.coins
            ),
            lambda reason: bind(declarations.review, self.desk, self._actor, chosen.id, approve=False, reason=reason),
            self.tr("确定不通过这条申报？不通过后不能撤销。"),
            self,
        )
        self._open(dialog)
        return dialog
