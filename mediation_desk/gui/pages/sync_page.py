"""同步 (district sync): this desk's sync state, 立即同步 with progress, the interval of the automatic
rounds, enrollment with a one-time code (again after the district revoked the device), the
device token of a PC without a secure keyring; the sync problems to settle (sync_issues.py) and
the district's view of the cases (sync_district.py).

Every network call runs on the sync worker's thread, every read of the database on the desk
worker: the page only shows what comes back."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QLabel, QLineEdit, QWidget

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.errors import DeskError, ValidationError
from mediation_desk.gui.field_errors import show_problems
from mediation_desk.gui.forms.ui_sync_page import Ui_SyncPage
from mediation_desk.gui.pages.sync_district import DistrictSection
from mediation_desk.gui.pages.sync_issues import IssuesSection, may_manage_sync
from mediation_desk.gui.pages.sync_outcome import round_outcome_text
from mediation_desk.gui.settings import DeskSettings
from mediation_desk.gui.sync_schedule import SYNC_INTERVAL_MINUTES
from mediation_desk.gui.sync_status import GREEN, RED, beijing_time
from mediation_desk.gui.sync_worker import RoundOutcome, SyncWorker
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.sync import api as sync_api

STATUS_TAB, ISSUES_TAB, DISTRICT_TAB = 0, 1, 2
ENROLL_FIELDS = ("server_url", "code", "ca_bundle")


class SyncPage(QWidget):
    def __init__(
        self,
        desk: Desk,
        tasks: TaskManager,
        worker: SyncWorker,
        settings: DeskSettings,
        actor: Actor,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = tasks
        self.worker = worker
        self.settings = settings
        self.actor = actor
        self.enrolling = False
        self.ui = Ui_SyncPage()
        self.ui.setupUi(self)
        ui = self.ui
        self.enroll_errors: dict[str, QLabel] = {
            "server_url": ui.serverUrlError,
            "code": ui.codeError,
            "ca_bundle": ui.caBundleError,
        }
        self.enroll_inputs: dict[str, QLineEdit] = {
            "server_url": ui.serverUrlEdit,
            "code": ui.codeEdit,
            "ca_bundle": ui.caBundleEdit,
        }
        ui.roundProgress.hide()
        ui.sessionTokenNote.hide()
        ui.sessionTokenEdit.hide()
        ui.copyTokenButton.hide()
        ui.intervalSpin.setValue(settings.get(SYNC_INTERVAL_MINUTES))
        ui.intervalSpin.valueChanged.connect(self.set_interval)
        ui.syncNowButton.clicked.connect(self.sync_now)
        ui.cancelRoundButton.clicked.connect(worker.cancel_round)
        ui.showIssuesButton.clicked.connect(self.show_issues)
        ui.enrollButton.clicked.connect(self.enroll)
        for edit in self.enroll_inputs.values():
            edit.returnPressed.connect(self.enroll)
        ui.chooseCaButton.clicked.connect(self.choose_ca_bundle)
        ui.copyTokenButton.clicked.connect(self.copy_session_token)
        ui.useTokenButton.clicked.connect(self.use_token)
        ui.tokenEdit.returnPressed.connect(self.use_token)
        self.issues = IssuesSection(self)
        self.district = DistrictSection(self)
        worker.status_changed.connect(self.show_status)
        worker.round_started.connect(self._round_started)
        worker.progress.connect(self._round_progress)
        worker.round_finished.connect(self._round_finished)
        self.set_actor(actor)
        self.show_status(worker.status)

    @property
    def status(self) -> sync_api.SyncStatus | None:
        return self.worker.status

    @property
    def busy(self) -> bool:
        """Something of this page is still under way (for tests and the window's close)."""
        return self.enrolling or self.issues.busy or self.district.busy or self.worker.busy

    def set_actor(self, actor: Actor) -> None:
        """After a login, possibly by another operator: what may be done follows the role."""
        self.actor = actor
        self.show_status(self.worker.status)

    def refresh(self) -> None:
        """Shown or F5: the status, the problems and the district's cases read again."""
        self.worker.refresh_status()
        self.issues.refresh()
        self.district.refresh()

    def show_issues(self) -> None:
        self.ui.tabs.setCurrentIndex(ISSUES_TAB)
        self.ui.issuesTable.setFocus()

    # ---- the status ---------------------------------------------------------------------------

    def show_status(self, status: sync_api.SyncStatus | None) -> None:
        ui = self.ui
        manager = may_manage_sync(self.actor)
        if status is None:
            ui.stateValue.setText(self.tr("正在读取同步状态…"))
            ui.tokenBox.hide()
            self._show_round_buttons(False)
            return
        state, style = self._state_text(status)
        ui.stateValue.setText(state)
        ui.stateValue.setStyleSheet("font-weight: bold; " + style)
        ui.serverValue.setText(status.server_url or self.tr("（未登记）"))
        if not status.enrolled:
            ui.scopeValue.setText("—")
        elif status.scope == "town":
            ui.scopeValue.setText(
                self.tr("镇（街道）：{town}，可查看本镇各村的案件、接手上报到本镇的案件").format(town=status.town or "")
            )
        else:
            ui.scopeValue.setText(self.tr("调解委员会：{code}").format(code=status.committee_code or ""))
        ui.pendingValue.setText(self.tr("{count} 条").format(count=status.pending_ops))
        ui.issuesValue.setText(self.tr("{count} 个").format(count=status.open_issues))
        ui.issuesValue.setStyleSheet(RED if status.open_issues else "")
        ui.lastSuccessValue.setText(beijing_time(status.last_success) or self.tr("从未"))
        attempt = beijing_time(status.last_attempt) or self.tr("从未")
        if status.last_error:
            attempt = self.tr("{at}（未成功：{reason}）").format(at=attempt, reason=status.last_error)
        ui.lastAttemptValue.setText(attempt)
        ui.tokenPlaceValue.setText(self._token_text(status))
        ui.tokenBox.setVisible(status.enrolled and not status.refused and status.token is None)
        ui.useTokenButton.setEnabled(manager)
        self._show_enroll_box(status, manager)
        self._show_round_buttons(status.enrolled and not status.refused and status.token is not None)
        self.district.show_scope(status)

    def _state_text(self, status: sync_api.SyncStatus) -> tuple[str, str]:
        if status.refused:
            return self.tr(
                "区里已撤销本机的同步授权（或不再认可本机的设备令牌），本机已删除该令牌，暂停同步。"
                "本机的工作都还在：请向区社会治理中心索取新的登记码，在下方重新登记，登记后自动补传。"
            ), RED
        if not status.enrolled:
            return self.tr("本机尚未登记到区社会治理中心，只在本机保存。请在下方用区里发放的登记码登记。"), ""
        if status.token is None:
            return self.tr("须输入设备令牌才能同步（本机没有安全的系统钥匙串，令牌不保存在电脑上）。"), RED
        if status.online is None:
            return self.tr("已登记，尚未同步。"), ""
        if status.online:
            return self.tr("在线：上次同步成功。"), GREEN
        return self.tr("离线：上次未能连接区服务器。本机的工作照常保存，联网后自动补传。"), RED

    def _token_text(self, status: sync_api.SyncStatus) -> str:
        if status.token == "keyring":
            return self.tr("保存在系统钥匙串（{backend}）中，不写入任何文件").format(backend=status.keyring_backend)
        if status.token == "memory":
            return self.tr("只在本次登录期间使用，锁定或关闭后须重新输入（本机的系统钥匙串不安全：{backend}）").format(
                backend=status.keyring_backend
            )
        return self.tr("无") if not status.enrolled or status.refused else self.tr("无：请在下方输入")

    def _show_enroll_box(self, status: sync_api.SyncStatus, manager: bool) -> None:
        ui = self.ui
        if not manager:
            note = self.tr("登记只有主任或记录员可以办理。")
        elif status.refused:
            note = self.tr("本机的设备已被区里撤销。请填写区里新发放的登记码重新登记；原来的令牌已作废。")
        elif status.enrolled:
            note = self.tr("本机已登记。区里发放了新的登记码（例如更换了服务器）时，才需要在这里重新登记。")
        else:
            note = self.tr(
                "向区社会治理中心索取本调解委员会的一次性登记码，连同区服务器地址一起填在下面。"
                "设备令牌保存在系统钥匙串中，不写入任何文件。"
            )
        ui.enrollNote.setText(note)
        ui.enrollNote.setStyleSheet(RED if status.refused else "")
        if status.server_url and not ui.serverUrlEdit.text():
            ui.serverUrlEdit.setText(status.server_url)
        for widget in (*self.enroll_inputs.values(), ui.chooseCaButton):
            widget.setEnabled(manager and not self.enrolling)
        ui.enrollButton.setEnabled(manager and not self.enrolling)

    def _show_round_buttons(self, can_sync: bool) -> None:
        running = self.worker.running
        self.ui.syncNowButton.setEnabled(can_sync and not running and not self.worker.stopped)
        self.ui.cancelRoundButton.setEnabled(running)

    # ---- rounds -------------------------------------------------------------------------------

    def sync_now(self) -> None:
        if self.worker.sync_now():
            self.ui.roundMessage.setStyleSheet("")

    def set_interval(self, minutes: int) -> None:
        self.settings.set(SYNC_INTERVAL_MINUTES, minutes)
        self.worker.set_interval(minutes * 60)

    def _round_started(self, automatic: bool) -> None:
        ui = self.ui
        ui.roundMessage.setStyleSheet("")
        ui.roundMessage.setText(self.tr("正在自动同步…") if automatic else self.tr("正在同步…"))
        ui.roundProgress.setRange(0, 0)
        ui.roundProgress.show()
        self._show_round_buttons(False)

    def _round_progress(self, done: int, total: int, stage: str) -> None:
        ui = self.ui
        if stage == "push" and total > 0:
            ui.roundProgress.setRange(0, total)
            ui.roundProgress.setValue(min(done, total))
            ui.roundMessage.setText(self.tr("正在推送本机的变更：{done}/{total}").format(done=done, total=total))
        else:
            ui.roundProgress.setRange(0, 0)
            ui.roundMessage.setText(self.tr("正在接收区里的变更：已收到 {done} 条").format(done=done))

    def _round_finished(self, outcome: RoundOutcome) -> None:
        ui = self.ui
        ui.roundProgress.hide()
        text, problem = round_outcome_text(outcome)
        ui.roundMessage.setText(text)
        ui.roundMessage.setStyleSheet(RED if problem else "")
        self.show_status(self.worker.status)
        self.issues.refresh()
        self.district.refresh()

    # ---- enrollment ---------------------------------------------------------------------------

    def choose_ca_bundle(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择区里提供的 CA 证书文件"), "", self.tr("证书文件 (*.pem *.crt *.cer);;所有文件 (*)")
        )
        if path:
            self.ui.caBundleEdit.setText(path)

    def enroll(self) -> None:
        if self.enrolling or not may_manage_sync(self.actor):
            return
        ui = self.ui
        show_problems(self.enroll_errors, [])
        ui.enrollStatus.setStyleSheet("")
        ui.enrollStatus.setText(
            self.tr("正在登记……") if not self.worker.running else self.tr("正在登记……（等本次同步结束）")
        )
        self.enrolling = True
        self._show_enroll_box(self.worker.status or _NO_STATUS, True)
        started = self.worker.enroll(
            self.actor,
            ui.serverUrlEdit.text(),
            ui.codeEdit.text(),
            ui.caBundleEdit.text().strip() or None,
            on_done=self._enrolled,
            on_error=self._enroll_refused,
            owner=self,
        )
        if not started:
            self._enroll_refused(DeskError(self.tr("工作台正在关闭，未登记")))

    def _enroll_done(self) -> None:
        self.enrolling = False
        self._show_enroll_box(self.worker.status or _NO_STATUS, may_manage_sync(self.actor))

    def _enrolled(self, view: sync_api.EnrollmentView) -> None:
        self._enroll_done()
        ui = self.ui
        ui.codeEdit.clear()
        ui.caBundleEdit.clear()
        ui.serverUrlEdit.setText(view.server_url)
        ui.enrollStatus.setStyleSheet(GREEN)
        ui.enrollStatus.setText(view.message)
        secret = view.session_token or ""
        for widget in (ui.sessionTokenNote, ui.sessionTokenEdit, ui.copyTokenButton):
            widget.setVisible(bool(secret))
        ui.sessionTokenEdit.setText(secret)
        if secret:
            ui.sessionTokenNote.setText(
                self.tr(
                    "本机没有安全的系统钥匙串，设备令牌不会保存在电脑上，下面只显示这一次：请现在抄下或复制后妥善保管，"
                    "以后每次登录后同步时需要输入。"
                )
            )

    def _enroll_refused(self, error: BaseException) -> None:
        self._enroll_done()
        ui = self.ui
        if not isinstance(error, DeskError):
            ui.enrollStatus.clear()
            raise error
        field, message = self._enroll_problem_place(error)
        if field is not None:
            ui.enrollStatus.setStyleSheet(RED)
            ui.enrollStatus.setText(self.tr("未登记：请按提示修改"))
            edit = self.enroll_inputs[field]
            edit.setFocus()
            edit.selectAll()
            if message is not None:
                self.enroll_errors[field].setText(message)
            return
        ui.enrollStatus.setStyleSheet(RED)
        ui.enrollStatus.setText(self.tr("未登记：{reason}").format(reason=error))

    def _enroll_problem_place(self, error: DeskError) -> tuple[str | None, str | None]:
        """The field a refusal belongs next to, and the words to put there (None: already shown)."""
        if isinstance(error, ValidationError):
            unplaced = show_problems(self.enroll_errors, error.problems)
            placed = [p.field for p in error.problems if p.field in ENROLL_FIELDS]
            if placed and not unplaced:
                return placed[0], None
            return None, None
        if isinstance(error, sync_api.TlsFailure):
            return "ca_bundle", self.tr(
                "区服务器的证书无法验证（自签名或不受信任的证书），为安全起见未连接："
                "请选择区里提供的 CA 证书文件后重新登记。"
            )
        if isinstance(error, (sync_api.ServerUnreachable, sync_api.ServerFailure)):
            return "server_url", str(error)
        if isinstance(error, sync_api.SyncError) and not isinstance(error, sync_api.DeviceRefused):
            return "server_url", self.tr("这个地址没有按区服务器的方式回答，请核对区服务器地址：{reason}").format(
                reason=error
            )
        return None, None

    def copy_session_token(self) -> None:
        QGuiApplication.clipboard().setText(self.ui.sessionTokenEdit.text())
        self.ui.enrollStatus.setText(self.tr("设备令牌已复制。"))

    # ---- the token of this session ------------------------------------------------------------

    def use_token(self) -> None:
        ui = self.ui
        token = ui.tokenEdit.text().strip()
        if not token:
            ui.tokenError.setText(self.tr("请输入登记时抄下的设备令牌"))
            ui.tokenEdit.setFocus()
            return
        ui.tokenError.clear()
        self.worker.use_token(token, on_done=self._token_taken, owner=self)

    def forget_session_token(self) -> None:
        """The desk locked: the token shown once after enrollment, or typed and not yet taken,
        goes with the session's secrets (core/session.py)."""
        ui = self.ui
        for edit in (ui.sessionTokenEdit, ui.tokenEdit):
            edit.clear()
        for widget in (ui.sessionTokenNote, ui.sessionTokenEdit, ui.copyTokenButton):
            widget.hide()

    def _token_taken(self, _: Any) -> None:
        self.ui.tokenEdit.clear()
        self.ui.roundMessage.setText(self.tr("设备令牌已用于本次登录，正在同步…"))
        self.worker.sync_now()


class _NoStatus:
    """Stands in for a status not read yet (the enrollment box shows a new enrollment)."""

    refused = None
    enrolled = False
    server_url = None


_NO_STATUS: Any = _NoStatus()
