"""The 同步问题 tab of the sync page: the changes the district rejected or found in conflict, each
with what the desk did and what the district holds, and settling one in a way the service
offers for it — with a note, after a confirmation (it cannot be undone)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox, QRadioButton, QTableWidgetItem

from mediation_desk.core.uow import Actor
from mediation_desk.errors import DeskError, ValidationError
from mediation_desk.gui.field_errors import show_problems
from mediation_desk.gui.sync_status import RED, beijing_time
from mediation_desk.gui.sync_texts import (
    choice_effect,
    choice_name,
    describe_mine,
    describe_record,
)
from mediation_desk.privacy import roles
from mediation_desk.sync import api as sync_api
from mediation_desk.sync.issues import ACTION as SETTLE_ISSUES

ISSUE_ID_ROLE = Qt.ItemDataRole.UserRole


def may_manage_sync(actor: Actor) -> bool:
    """Enrolling, settling sync problems and the district's view go together on this page: shown to
    whoever the role table lets settle sync problems (each service still decides its own action)."""
    return roles.allowed(actor.role, SETTLE_ISSUES)


class IssuesSection(QObject):
    """Drives the 同步问题 widgets of the sync page's form."""

    def __init__(self, page: Any) -> None:
        super().__init__(page)
        self.page = page
        self.ui = ui = page.ui
        self.issues: list[sync_api.SyncIssueView] = []
        self.loading = self.resolving = False
        self._again = False
        self.radios: dict[str, QRadioButton] = {
            sync_api.KEEP_SERVER: ui.keepServerRadio,
            sync_api.REAPPLY: ui.reapplyRadio,
            sync_api.DISMISS: ui.dismissRadio,
        }
        self.errors = {"choice": ui.choiceError, "note": ui.noteError}
        headers = [self.tr("发现时间"), self.tr("问题"), self.tr("内容"), self.tr("区里的说法"), self.tr("处理情况")]
        ui.issuesTable.setColumnCount(len(headers))
        ui.issuesTable.setHorizontalHeaderLabels(headers)
        ui.issuesTable.horizontalHeader().setStretchLastSection(True)
        ui.issuesTable.itemSelectionChanged.connect(self.show_selected)
        ui.showResolvedCheck.toggled.connect(lambda _on: self.refresh())
        for choice, radio in self.radios.items():
            radio.toggled.connect(lambda on, c=choice: on and self._choice_picked(c))
        ui.resolveButton.clicked.connect(self.resolve)
        self.show_selected()

    @property
    def busy(self) -> bool:
        return self.loading or self.resolving

    # ---- the list -----------------------------------------------------------------------------

    def refresh(self) -> None:
        if not may_manage_sync(self.page.actor):
            self.issues = []
            self._fill()
            self.ui.issuesNote.setText(self.tr("同步问题只有主任或记录员可以查看和处理。"))
            return
        if self.loading:
            self._again = True  # read once more when this read is back: something changed meanwhile
            return
        self.loading = True
        self.page.tasks.run(
            sync_api.list_issues,
            self.page.desk,
            self.page.actor,
            include_resolved=self.ui.showResolvedCheck.isChecked(),
            on_done=self._loaded,
            on_error=self._unreadable,
            owner=self,
        )

    def _loaded(self, issues: list[sync_api.SyncIssueView]) -> None:
        self.loading = False
        self.issues = issues
        self._fill()
        if self._again:
            self._again = False
            self.refresh()

    def _unreadable(self, error: BaseException) -> None:
        self.loading = False
        if not isinstance(error, DeskError):
            raise error
        self.ui.resolveStatus.setStyleSheet(RED)
        self.ui.resolveStatus.setText(str(error))

    def _fill(self) -> None:
        table = self.ui.issuesTable
        chosen = self.selected()
        table.blockSignals(True)
        table.setRowCount(len(self.issues))
        for row, issue in enumerate(self.issues):
            cells = [
                beijing_time(issue.raised_at) or "",
                issue.status_label,
                issue.what,
                issue.reason or "",
                self._resolution_text(issue),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ISSUE_ID_ROLE, issue.id)
                item.setToolTip(text)
                table.setItem(row, column, item)
        table.blockSignals(False)
        table.resizeColumnsToContents()
        again = next((row for row, i in enumerate(self.issues) if chosen and i.id == chosen.id), None)
        if again is not None:
            table.selectRow(again)
        elif self.issues:
            table.selectRow(0)
        else:
            table.clearSelection()
        self.show_selected()

    def _resolution_text(self, issue: sync_api.SyncIssueView) -> str:
        if issue.resolved_at is None:
            return self.tr("待处理")
        return self.tr("{at} {who}：{choice}").format(
            at=beijing_time(issue.resolved_at), who=issue.resolved_by or "", choice=choice_name(issue.resolution or "")
        )

    def selected(self) -> sync_api.SyncIssueView | None:
        rows = self.ui.issuesTable.selectionModel().selectedRows()
        if not rows:
            return None
        issue_id = self.ui.issuesTable.item(rows[0].row(), 0).data(ISSUE_ID_ROLE)
        return next((i for i in self.issues if i.id == issue_id), None)

    # ---- one problem --------------------------------------------------------------------------

    def show_selected(self) -> None:
        ui = self.ui
        issue = self.selected()
        show_problems(self.errors, [])
        ui.issueBox.setEnabled(issue is not None)
        for radio in self.radios.values():
            radio.setAutoExclusive(False)
            radio.setChecked(False)
            radio.setAutoExclusive(True)
        ui.choiceEffect.clear()
        if issue is None:
            for label in (ui.mineValue, ui.reasonValue, ui.districtStateValue):
                label.clear()
            ui.issueBox.setTitle(self.tr("所选问题"))
            return
        ui.issueBox.setTitle(self.tr("所选问题：{status}").format(status=issue.status_label))
        ui.mineValue.setText(describe_mine(issue))
        ui.reasonValue.setText(issue.reason or self.tr("（区里没有说明）"))
        ui.districtStateValue.setText(
            describe_record(issue.server_state) if issue.server_state else self.tr("（区里没有给出它的记录）")
        )
        self._enable_controls(issue)
        if issue.resolved_at is not None:
            ui.choiceEffect.setText(
                self.tr("已处理：{how}{note}").format(
                    how=self._resolution_text(issue),
                    note=self.tr("（说明：{note}）").format(note=issue.note) if issue.note else "",
                )
            )

    def _enable_controls(self, issue: sync_api.SyncIssueView) -> None:
        """The choices the service offers for this problem; nothing while one is being settled."""
        open_issue, idle = issue.resolved_at is None, not self.resolving
        for choice, radio in self.radios.items():
            radio.setVisible(choice in issue.choices or not open_issue)
            radio.setEnabled(choice in issue.choices and idle)
        self.ui.noteEdit.setEnabled(open_issue and idle)
        self.ui.resolveButton.setEnabled(open_issue and idle)

    def _choice_picked(self, choice: str) -> None:
        self.ui.choiceEffect.setText(choice_effect(choice))
        self.ui.choiceError.clear()

    def chosen(self) -> str | None:
        return next((c for c, radio in self.radios.items() if radio.isChecked()), None)

    def resolve(self) -> None:
        ui = self.ui
        issue, choice = self.selected(), self.chosen()
        if issue is None or self.resolving:
            return
        show_problems(self.errors, [])
        if choice is None:
            ui.choiceError.setText(self.tr("请选择处理方式"))
            next(r for r in self.radios.values() if r.isEnabled()).setFocus()
            return
        note = ui.noteEdit.toPlainText().strip() or None
        if choice == sync_api.DISMISS and note is None:
            ui.noteError.setText(self.tr("选择「知悉并关闭」时须写明原因"))
            ui.noteEdit.setFocus()
            return
        question = self.tr("对「{what}」选择「{choice}」？\n\n{effect}").format(
            what=issue.what, choice=choice_name(choice), effect=choice_effect(choice)
        )
        answer = QMessageBox.question(
            self.page,
            self.tr("处理同步问题"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.resolving = True
        ui.resolveStatus.setStyleSheet("")
        ui.resolveStatus.setText(self.tr("正在处理……"))
        self._enable_controls(issue)
        self.page.tasks.run(
            sync_api.resolve_issue,
            self.page.desk,
            self.page.actor,
            issue.id,
            choice,
            note,
            on_done=self._resolved,
            on_error=self._refused,
            owner=self,
        )

    def _resolved(self, view: sync_api.SyncIssueView) -> None:
        self.resolving = False
        ui = self.ui
        ui.noteEdit.clear()
        ui.resolveStatus.setStyleSheet("")
        ui.resolveStatus.setText(
            self.tr("已处理：{what}（{choice}）").format(what=view.what, choice=choice_name(view.resolution or ""))
        )
        self.refresh()
        self.page.worker.refresh_status()
        if view.resolution == sync_api.REAPPLY:
            self.page.worker.sync_now()  # the change goes up again now, not at the next round

    def _refused(self, error: BaseException) -> None:
        self.resolving = False
        ui = self.ui
        issue = self.selected()
        if issue is not None:
            self._enable_controls(issue)
        if not isinstance(error, DeskError):
            ui.resolveStatus.clear()
            raise error
        if isinstance(error, ValidationError) and not show_problems(self.errors, error.problems):
            ui.resolveStatus.setStyleSheet(RED)
            ui.resolveStatus.setText(self.tr("未处理：请按提示修改"))
            (ui.noteEdit if error.problems[0].field == "note" else ui.keepServerRadio).setFocus()
            return
        ui.resolveStatus.setStyleSheet(RED)
        ui.resolveStatus.setText(self.tr("未处理：{reason}").format(reason=error))
