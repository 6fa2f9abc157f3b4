"""The 区里的案件 tab of the sync page, read-only, minimum necessary fields, no party ever named.

A committee's desk sees the cases its other desks registered, as pulled from the district. A
town's desk (镇街) sees its villages' cases and the ones escalated to the town, and may take one
of those over — after a confirmation: the village's desk then shows the town has it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox, QTableWidgetItem

from mediation_desk.errors import DeskError
from mediation_desk.gui.labels import dispute_type_name, state_name
from mediation_desk.gui.pages.sync_issues import may_manage_sync
from mediation_desk.gui.sync_status import GREEN, RED, beijing_time
from mediation_desk.gui.sync_texts import level_name, value_text
from mediation_desk.sync import api as sync_api
from mediation_desk.sync.api import TakeOver, take_over_case

CASE_ID_ROLE = Qt.ItemDataRole.UserRole
ALL, WAITING, ESCALATED = "all", "waiting", "escalated"
TOWN_LEVEL = "town"


def escalated_to_town(case: sync_api.DistrictCaseView) -> bool:
    return case.status == "escalated" and case.escalate_to == TOWN_LEVEL


class DistrictSection(QObject):
    """Drives the 区里的案件 widgets of the sync page's form."""

    def __init__(self, page: Any) -> None:
        super().__init__(page)
        self.page = page
        self.ui = ui = page.ui
        self.cases: list[sync_api.DistrictCaseView] = []
        self.shown: list[sync_api.DistrictCaseView] = []
        self.town = False
        self.loading = self.taking_over = False
        headers = [
            self.tr("案号"),
            self.tr("状态"),
            self.tr("调委会"),
            self.tr("纠纷类型"),
            self.tr("受理日期"),
            self.tr("上报至"),
            self.tr("接手"),
            self.tr("收到时间"),
        ]
        ui.districtTable.setColumnCount(len(headers))
        ui.districtTable.setHorizontalHeaderLabels(headers)
        ui.districtTable.horizontalHeader().setStretchLastSection(True)
        ui.districtTable.itemSelectionChanged.connect(self._selection_changed)
        ui.districtFilter.addItem(self.tr("全部案件"), ALL)
        ui.districtFilter.addItem(self.tr("上报到本镇、尚未接手的"), WAITING)
        ui.districtFilter.addItem(self.tr("上报到本镇的（含已接手）"), ESCALATED)
        ui.districtFilter.currentIndexChanged.connect(lambda _i: self._fill())
        ui.takeOverButton.clicked.connect(self.take_over)
        self.show_scope(None)

    @property
    def busy(self) -> bool:
        return self.loading or self.taking_over

    def show_scope(self, status: sync_api.SyncStatus | None) -> None:
        ui = self.ui
        self.town = bool(status and status.enrolled and status.scope == "town")
        for widget in (ui.districtFilterLabel, ui.districtFilter, ui.takeOverButton):
            widget.setVisible(self.town)
        if self.town:
            note = self.tr(
                "本镇（街道）各村的案件状态，来自区社会治理中心（只读，只含必要的字段，不含当事人信息）。"
                "上报到本镇的案件可由本镇接手：接手后，原调委会的电脑同步时会看到“镇里已接手”。"
            )
        else:
            note = self.tr(
                "本调解委员会其他电脑登记的案件，来自区社会治理中心（只读，只含必要的字段，不含当事人信息）。"
                "本机自己的案件在「案件」页。"
            )
        ui.districtNote.setText(note)
        self._selection_changed()

    # ---- the list -----------------------------------------------------------------------------

    def refresh(self) -> None:
        if not may_manage_sync(self.page.actor):
            self.cases = []
            self._fill()
            self.ui.districtStatus.setText(self.tr("区里的案件只有主任或记录员可以查看。"))
            return
        if self.loading:
            return
        self.loading = True
        self.page.tasks.run(
            sync_api.list_district_cases,
            self.page.desk,
            self.page.actor,
            on_done=self._loaded,
            on_error=self._unreadable,
            owner=self,
        )

    def _loaded(self, cases: list[sync_api.DistrictCaseView]) -> None:
        self.loading = False
        self.cases = cases
        self._fill()

    def _unreadable(self, error: BaseException) -> None:
        self.loading = False
        if not isinstance(error, DeskError):
            raise error
        self._status(str(error), problem=True)

    def _fill(self) -> None:
        wanted = self.ui.districtFilter.currentData() if self.town else ALL
        cases = self.cases
        if wanted == ESCALATED:
            cases = [c for c in cases if escalated_to_town(c)]
        elif wanted == WAITING:
            cases = [c for c in cases if escalated_to_town(c) and not c.taken_over_by]
        chosen = self.selected()
        self.shown = cases
        table = self.ui.districtTable
        table.blockSignals(True)
        table.setRowCount(len(cases))
        for row, case in enumerate(cases):
            taken = (
                self.tr("{town} {at}").format(
                    town=case.taken_over_by, at=value_text("taken_over_at", case.taken_over_at)
                )
                if case.taken_over_by
                else ""
            )
            cells = [
                case.number or "",
                state_name(case.status or ""),
                case.committee_code,
                dispute_type_name(case.dispute_type) if case.dispute_type else "",
                case.accepted_on or "",
                level_name(case.escalate_to),
                taken,
                beijing_time(case.pulled_at) or "",
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(CASE_ID_ROLE, case.id)
                table.setItem(row, column, item)
        table.blockSignals(False)
        table.resizeColumnsToContents()
        again = next((row for row, c in enumerate(cases) if chosen and c.id == chosen.id), None)
        if again is not None:
            table.selectRow(again)
        self.ui.districtCount.setText(self.tr("共 {count} 件").format(count=len(cases)))
        if not self.cases and not self.busy and may_manage_sync(self.page.actor):
            self._status(self.tr("还没有收到区里的案件：登记并同步后显示在这里。"))
        elif self.ui.districtStatus.text().startswith(self.tr("还没有收到区里的案件")):
            self._status("")
        self._selection_changed()

    def selected(self) -> sync_api.DistrictCaseView | None:
        rows = self.ui.districtTable.selectionModel().selectedRows()
        if not rows:
            return None
        case_id = self.ui.districtTable.item(rows[0].row(), 0).data(CASE_ID_ROLE)
        return next((c for c in self.shown if c.id == case_id), None)

    def _selection_changed(self) -> None:
        case = self.selected()
        may = (
            self.town
            and case is not None
            and escalated_to_town(case)
            and not case.taken_over_by
            and not self.taking_over
            and may_manage_sync(self.page.actor)
        )
        self.ui.takeOverButton.setEnabled(bool(may))

    # ---- taking a case over -------------------------------------------------------------------

    def take_over(self) -> None:
        case = self.selected()
        if case is None or not self.ui.takeOverButton.isEnabled():
            return
        question = self.tr(
            "由本镇（街道）接手案件 {number}？\n\n接手后由镇（街道）矛调中心继续办理，"
            "原村调委会的电脑同步后会显示“镇里已接手”。此操作不能撤销。"
        ).format(number=case.number or case.id)
        answer = QMessageBox.question(
            self.page,
            self.tr("接手上报的案件"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.taking_over = True
        self._selection_changed()
        self._status(self.tr("正在接手……"))
        worker = self.page.worker
        if not worker.call(
            take_over_case,
            self.page.desk,
            self.page.actor,
            case.id,
            options=worker.options,
            on_done=self._taken,
            on_error=self._refused,
            owner=self,
        ):
            self.taking_over = False
            self._status(self.tr("工作台正在关闭，未接手"), problem=True)

    def _taken(self, taken: TakeOver) -> None:
        self.taking_over = False
        number = taken.number or taken.case_id
        self._status(
            self.tr("本镇已接手案件 {number}。").format(number=number)
            if taken.changed
            else self.tr("案件 {number} 已由本镇接手过，没有改动。").format(number=number),
            good=True,
        )
        self.page.worker.sync_now()  # brings the district's record of it down, then the list is read again
        self._selection_changed()

    def _refused(self, error: BaseException) -> None:
        self.taking_over = False
        self._selection_changed()
        if not isinstance(error, DeskError):
            self._status("")
            raise error
        self._status(self.tr("未接手：{reason}").format(reason=error), problem=True)

    def _status(self, text: str, *, problem: bool = False, good: bool = False) -> None:
        self.ui.districtStatus.setStyleSheet(RED if problem else GREEN if good else "")
        self.ui.districtStatus.setText(text)
