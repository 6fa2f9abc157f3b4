"""The 数据 section of the settings page: where the data and the backups live, 立即备份,
恢复备份… and 检查数据完整性. Every file and database step runs on the desk worker; while one
runs the buttons wait and a busy bar shows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox

from mediation_desk.administration import desk_data
from mediation_desk.administration.desk_data import (
    BackupInfo,
    BackupReport,
    DataLocation,
    RestoreReport,
)
from mediation_desk.core.integrity import IntegrityReport
from mediation_desk.errors import DeskError, ValidationError
from mediation_desk.gui.field_errors import show_problems
from mediation_desk.gui.settings import BACKUP_FOLDER
from mediation_desk.privacy import roles

RED = "color: #b00020;"


class DataSection(QObject):
    """Drives the 数据 widgets of `page.ui`; the page gives the desk, tasks, settings and actor."""

    restore_finished = Signal(str)  # the backup restored: the window must log in again

    def __init__(self, page: Any) -> None:
        super().__init__(page)
        self.page = page
        self.ui = page.ui
        self.location: DataLocation | None = None
        self.busy = False
        self._restoring = False  # past the check: the data may already have been replaced
        ui = self.ui
        self.error_labels = {"data_location": ui.dataLocationError, "backup_folder": ui.backupFolderError}
        ui.progressBar.hide()
        ui.chooseDataButton.clicked.connect(self.choose_data_folder)
        ui.resetDataButton.clicked.connect(lambda: self.use_data_folder(None))
        ui.chooseBackupButton.clicked.connect(self.choose_backup_folder)
        ui.resetBackupButton.clicked.connect(lambda: self.set_backup_folder(""))
        ui.backupButton.clicked.connect(self.back_up_now)
        ui.restoreButton.clicked.connect(self.choose_backup_file)
        ui.checkButton.clicked.connect(self.check_now)

    def may(self, action: str) -> bool:
        """Only hides what the role table refuses: the services decide (and audit a refusal)."""
        return roles.allowed(self.page.actor.role, action)

    def refresh(self) -> None:
        self._show_backup_folder()
        self.page.tasks.run(desk_data.data_location, self.page.desk.paths, on_done=self._show_location, owner=self)

    # ---- what is shown --------------------------------------------------------------------------

    def backup_folder(self) -> Path:
        chosen = self.page.settings.get(BACKUP_FOLDER)
        return Path(chosen) if chosen else self.page.desk.paths.backups

    def _show_backup_folder(self) -> None:
        chosen = self.page.settings.get(BACKUP_FOLDER)
        self.ui.backupFolderLabel.setText(
            str(self.backup_folder())
            if chosen
            else self.tr("{folder}（默认：数据位置下的 backups）").format(folder=self.backup_folder())
        )
        self.ui.resetBackupButton.setEnabled(bool(chosen) and not self.busy)

    def _show_location(self, location: DataLocation) -> None:
        self.location = location
        ui = self.ui
        ui.dataLocationLabel.setText(str(location.data))
        if location.source == desk_data.COMMAND_LINE:
            note = self.tr("本次启动时用 --data-dir 指定。要更换，请改用其他文件夹启动工作台。")
        elif location.source == desk_data.ENVIRONMENT:
            note = self.tr("由环境变量 MEDIATION_DESK_DATA 指定。要更换，请修改该环境变量后重新启动。")
        elif location.saved is not None and location.saved != location.data:
            note = self.tr("下次启动将改用：{folder}").format(folder=location.saved)
        elif location.source == desk_data.SAVED:
            note = self.tr("这是在本页选择的数据位置。")
        else:
            note = self.tr("这是本机默认的数据位置。")
        if location.changeable:
            note += self.tr(
                "\n要把数据搬到别处：关闭工作台，把这个文件夹里的全部内容复制到新位置，"
                "再打开工作台，点「更改数据位置…」选择新位置。"
            )
        ui.dataLocationNote.setText(note)
        self.show_permissions()

    def show_permissions(self) -> None:
        ui, idle = self.ui, not self.busy
        move, restore = self.may("data.location"), self.may("data.restore")
        changeable = self.location is not None and self.location.changeable
        ui.chooseDataButton.setEnabled(move and changeable and idle)
        ui.resetDataButton.setEnabled(
            move and changeable and idle and self.location is not None and self.location.saved is not None
        )
        ui.restoreButton.setEnabled(restore and idle)
        ui.backupButton.setEnabled(self.may("data.backup") and idle)
        for button in (ui.checkButton, ui.chooseBackupButton):
            button.setEnabled(idle)
        ui.dataAdminNote.setText("" if move and restore else self.tr("恢复备份和更改数据位置只有主任可以操作。"))

    def _start(self, text: str) -> None:
        self.busy = True
        self._status(text)
        self.ui.progressBar.show()
        self.page.setCursor(Qt.CursorShape.BusyCursor)
        self.show_permissions()
        self.ui.resetBackupButton.setEnabled(False)

    def _stop(self) -> None:
        self.busy = False
        self.ui.progressBar.hide()
        self.page.unsetCursor()
        self.show_permissions()
        self._show_backup_folder()

    def _status(self, text: str, problem: bool = False) -> None:
        self.ui.dataStatusLabel.setStyleSheet(RED if problem else "")
        self.ui.dataStatusLabel.setText(text)

    def _refused(self, error: BaseException) -> None:
        """A service said no: its words next to the field, or under the buttons."""
        self._stop()
        if not isinstance(error, DeskError):
            raise error
        if isinstance(error, ValidationError):
            unplaced = show_problems(self.error_labels, error.problems)
            if not unplaced:
                return
        self._status(str(error), problem=True)

    # ---- where the data and backups live --------------------------------------------------------

    def choose_data_folder(self) -> None:
        start = str(self.location.data) if self.location else ""
        folder = QFileDialog.getExistingDirectory(self.page, self.tr("选择数据位置"), start)
        if folder:
            self.use_data_folder(folder)

    def use_data_folder(self, folder: str | None) -> None:
        """Use `folder` from the next start on (None: the default place); it must hold desk data."""
        if self.busy:
            return
        show_problems(self.error_labels, [])
        self._start(self.tr("正在检查该位置的数据……"))
        self.page.tasks.run(
            desk_data.choose_data_folder,
            self.page.desk,
            self.page.actor,
            Path(folder) if folder else None,
            on_done=self._location_saved,
            on_error=self._refused,
            owner=self,
        )

    def _location_saved(self, location: DataLocation) -> None:
        self._stop()
        self._show_location(location)
        following = location.saved or location.data
        text = self.tr(
            "已保存。下次启动工作台时将使用：{folder}\n在此之前仍使用现在的位置；请关闭工作台再重新打开。"
        ).format(folder=following)
        self._status(text)
        QMessageBox.information(self.page, self.tr("数据位置"), text)

    def choose_backup_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.page, self.tr("选择备份位置"), str(self.backup_folder()))
        if folder:
            self.set_backup_folder(folder)

    def set_backup_folder(self, folder: str) -> None:
        """Backups go to `folder` from now on ("": the backups folder of the data)."""
        if self.busy:
            return
        show_problems(self.error_labels, [])
        if not folder:
            self.page.settings.set(BACKUP_FOLDER, "")
            self._show_backup_folder()
            return
        self._start(self.tr("正在检查备份位置……"))
        self.page.tasks.run(
            desk_data.check_backup_folder,
            folder,
            on_done=self._backup_folder_chosen,
            on_error=self._refused,
            owner=self,
        )

    def _backup_folder_chosen(self, folder: Path) -> None:
        self.page.settings.set(BACKUP_FOLDER, str(folder))
        self._stop()
        self._status(self.tr("备份将保存到：{folder}").format(folder=folder))

    # ---- backup, restore, check -----------------------------------------------------------------

    def back_up_now(self) -> None:
        if self.busy:
            return
        show_problems(self.error_labels, [])
        self._start(self.tr("正在备份，请稍候……"))
        chosen = self.page.settings.get(BACKUP_FOLDER)
        self.page.tasks.run(
            desk_data.backup_now,
            self.page.desk,
            self.page.actor,
            Path(chosen) if chosen else None,
            on_done=self._backed_up,
            on_error=self._refused,
            owner=self,
        )

    def _backed_up(self, report: BackupReport) -> None:
        self._stop()
        self._status(
            self.tr("已备份到：{file}（{size}）").format(
                file=report.path, size=QLocale().formattedDataSize(report.size)
            )
        )

    def choose_backup_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.page,
            self.tr("选择要恢复的备份"),
            str(self.backup_folder()),
            self.tr("工作台备份 (*.sqlite3);;所有文件 (*)"),
        )
        if path:
            self.restore_from(path)

    def restore_from(self, path: str | Path) -> None:
        """Check the backup, ask before replacing anything, then restore it."""
        if self.busy:
            return
        self._restoring = False
        self._start(self.tr("正在检查备份文件……"))
        self.page.tasks.run(
            desk_data.prepare_restore,
            self.page.desk,
            self.page.actor,
            Path(path),
            on_done=self._confirm_restore,
            on_error=self._restore_failed,
            owner=self,
        )

    def _confirm_restore(self, info: BackupInfo) -> None:
        self._stop()
        text = self.tr(
            "恢复将用这份备份替换本机的全部数据：\n\n文件：{file}\n备份时间：{made}\n案件：{cases} 件\n\n"
            "现在的数据会先另存一份到 {folder}。\n恢复不可撤销，完成后所有人都要重新登录。\n\n确定恢复吗？"
        ).format(
            file=info.path.name,
            made=info.modified.strftime("%Y-%m-%d %H:%M"),
            cases=info.cases,
            folder=self.page.desk.paths.backups,
        )
        answer = QMessageBox.question(
            self.page,
            self.tr("恢复备份"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            self._status(self.tr("已取消恢复，数据没有任何改动。"))
            return
        self._restoring = True
        self._start(self.tr("正在恢复备份，请不要关闭工作台……"))
        self.page.tasks.run(
            desk_data.restore_backup,
            self.page.desk,
            self.page.actor,
            info.path,
            on_done=self._restored,
            on_error=self._restore_failed,
            owner=self,
        )

    def _restored(self, report: RestoreReport) -> None:
        self._restoring = False
        self._stop()
        kept = report.previous_copy.name if report.previous_copy else self.tr("（无）")
        text = self.tr("已从「{file}」恢复数据。原来的数据另存为 {kept}。\n请重新登录。").format(
            file=report.source.name, kept=kept
        )
        self._status(text)
        QMessageBox.information(self.page, self.tr("已恢复"), text)
        self.restore_finished.emit(str(report.source))

    def _restore_failed(self, error: BaseException) -> None:
        replaced = self._restoring
        self._restoring = False
        self._stop()
        if not isinstance(error, DeskError):
            raise error
        if replaced:
            text = self.tr("恢复没有完成：{error}\n原来的数据已另存在 {folder}。").format(
                error=error, folder=self.page.desk.paths.backups
            )
        else:
            text = self.tr("未恢复：{error}\n当前数据没有任何改动。").format(error=error)
        self._status(text, problem=True)
        QMessageBox.warning(self.page, self.tr("未恢复"), text)

    def check_now(self) -> None:
        if self.busy:
            return
        self._start(self.tr("正在检查数据完整性，数据多时需要一两分钟……"))
        self.page.tasks.run(
            desk_data.check_integrity, self.page.desk, on_done=self._checked, on_error=self._refused, owner=self
        )

    def _checked(self, report: IntegrityReport) -> None:
        self._stop()
        lines = [
            self.tr("数据库文件：完好")
            if report.sqlite_ok
            else self.tr("数据库文件：发现损坏（{detail}）").format(detail="；".join(report.sqlite_messages[:3])),
            self.tr("记录之间的引用：完好")
            if report.foreign_key_problems == 0
            else self.tr("记录之间的引用：{count} 处引用了不存在的记录").format(count=report.foreign_key_problems),
            self.tr("审计记录：完好（{count} 条）").format(count=report.audit.records)
            if report.audit.ok
            else self.tr("审计记录：断裂，{problem}").format(problem=report.audit.problem),
        ]
        lines.append(
            self.tr("结论：一切正常。")
            if report.ok
            else self.tr("结论：发现问题。请暂停录入，联系技术支持，并考虑从最近的备份恢复。")
        )
        self._status("\n".join(lines), problem=not report.ok)
