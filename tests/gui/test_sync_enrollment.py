"""Enrollment on the 同步 page against the real district server: bad input named next to its
field with nothing kept, a wrong code refused and then the right one accepted, a self-signed
server needing its CA file, a PC without a secure keyring, a revoked device offered the form
again, and what a mediator may not do."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import keyring
import keyring.backends.fail
import trustme
from district_server import DistrictServer, free_port
from service_helpers import Env, new_case
from sync_gui_helpers import (  # noqa: F401  (fixtures)
    desk_env,
    district,
    enroll_from_page,
    make_page,
    page,
    settle,
    status_widget,
    sync_from_page,
    worker,
)
from sync_helpers import FAST, district_db, issue_code, prepare_district, server_cases

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.district import admin as district_admin
from mediation_desk.gui.pages.sync_page import SyncPage
from mediation_desk.gui.sync_status import SyncStatusWidget
from mediation_desk.gui.sync_worker import SyncWorker
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.sync import api


def test_a_wrong_code_is_named_then_the_right_one_enrolls_and_syncs(
    qtbot: Any, page: SyncPage, status_widget: SyncStatusWidget, district: DistrictServer, desk_env: Env
) -> None:
    ui = page.ui
    assert "尚未登记" in ui.stateValue.text() and "未登记" in status_widget.text
    assert not ui.syncNowButton.isEnabled() and ui.enrollButton.isEnabled()

    enroll_from_page(qtbot, page, district.url, "WRNG-CODE-0000")
    assert "登记码不存在" in ui.codeError.text() and ui.serverUrlError.text() == ""
    assert page.focusWidget() is ui.codeEdit and "请按提示修改" in ui.enrollStatus.text()
    assert api.sync_status(desk_env.desk).enrolled is False

    case_id = new_case(desk_env)  # work done before enrolling goes up with the first round
    with qtbot.waitSignal(page.worker.round_finished, timeout=60_000) as first_round:
        enroll_from_page(qtbot, page, district.url, issue_code(district, committee_code="XT-001"))
    settle(qtbot, page)
    assert ui.codeError.text() == "" and "登记成功" in ui.enrollStatus.text() and ui.codeEdit.text() == ""
    assert not ui.sessionTokenEdit.isVisible()  # the token is in the keyring, never shown
    outcome = first_round.args[0]
    assert outcome.report is not None and outcome.report.online and outcome.report.pending == 0
    assert case_id in server_cases(district, "XT-001")
    assert "在线" in ui.stateValue.text() and "调解委员会：XT-001" in ui.scopeValue.text()
    assert ui.pendingValue.text() == "0 条" and "系统钥匙串" in ui.tokenPlaceValue.text()
    assert "在线" in status_widget.text and "待推送 0" in status_widget.text and "上次成功" in status_widget.text
    assert ui.syncNowButton.isEnabled() and "本机已登记" in ui.enrollNote.text()


def test_bad_enrollment_input_is_named_next_to_its_field(
    qtbot: Any, page: SyncPage, tmp_path: Path, desk_env: Env
) -> None:
    ui = page.ui
    enroll_from_page(qtbot, page, "ftp://sync.example.gov.cn", "ABCD-EFGH")
    assert "https://" in ui.serverUrlError.text() and page.focusWidget() is ui.serverUrlEdit

    enroll_from_page(qtbot, page, "http://sync.example.gov.cn", "ABCD-EFGH")
    assert "明文" in ui.serverUrlError.text()  # a token never travels in clear over the network

    enroll_from_page(qtbot, page, "http://127.0.0.1:9", "   ")
    assert "登记码" in ui.codeError.text() and ui.serverUrlError.text() == ""

    enroll_from_page(qtbot, page, "http://127.0.0.1:9", "ABCD-EFGH", str(tmp_path / "missing-ca.pem"))
    assert "找不到 CA 证书文件" in ui.caBundleError.text() and page.focusWidget() is ui.caBundleEdit

    broken = tmp_path / "broken.pem"
    broken.write_text("not a certificate", encoding="ascii")
    enroll_from_page(qtbot, page, "http://127.0.0.1:9", "ABCD-EFGH", str(broken))
    assert "PEM" in ui.caBundleError.text()

    enroll_from_page(qtbot, page, f"http://127.0.0.1:{free_port()}", "ABCD-EFGH")
    assert "无法连接区服务器" in ui.serverUrlError.text() and ui.codeError.text() == ""
    assert api.sync_status(desk_env.desk).enrolled is False


def test_a_self_signed_server_needs_its_ca_file(qtbot: Any, page: SyncPage, tmp_path: Path) -> None:
    ca = trustme.CA()
    issued = ca.issue_cert("127.0.0.1", "localhost")
    key, chain, ca_file = tmp_path / "server.key", tmp_path / "server.pem", tmp_path / "district-ca.pem"
    issued.private_key_pem.write_to_path(str(key))
    chain.write_bytes(b"".join(blob.bytes() for blob in issued.cert_chain_pems))
    ca.cert_pem.write_to_path(str(ca_file))
    with DistrictServer(
        f"sqlite:///{tmp_path / 'tls.sqlite3'}", tls_cert=chain, tls_key=key, log_path=tmp_path / "tls.log"
    ) as server:
        prepare_district(server)
        code = issue_code(server, committee_code="XT-001")
        enroll_from_page(qtbot, page, server.url, code)
        assert "证书无法验证" in page.ui.caBundleError.text() and "CA 证书文件" in page.ui.caBundleError.text()
        assert page.focusWidget() is page.ui.caBundleEdit
        with qtbot.waitSignal(page.worker.round_finished, timeout=60_000) as first_round:
            enroll_from_page(qtbot, page, server.url, code, str(ca_file))
        assert page.ui.caBundleError.text() == "" and first_round.args[0].report.online


def test_without_a_secure_keyring_the_token_is_shown_once_and_asked_for_next_time(
    qtbot: Any, page: SyncPage, district: DistrictServer, desk_env: Env, tasks: TaskManager
) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    with qtbot.waitSignal(page.worker.round_finished, timeout=60_000):
        enroll_from_page(qtbot, page, district.url, issue_code(district, committee_code="XT-001"))
    settle(qtbot, page)
    ui = page.ui
    token = ui.sessionTokenEdit.text()
    assert token and ui.sessionTokenEdit.isVisible() and "只显示这一次" in ui.sessionTokenNote.text()
    assert "本次登录" in ui.tokenPlaceValue.text() and not ui.tokenBox.isVisible()

    # The next time the desk opens, the token is not there: the page asks for it.
    later = Desk.open(desk_env.desk.paths)
    try:
        later.unlock(desk_env.desk.vault)
        next_worker = SyncWorker(later, tasks, options=FAST)
        try:
            again = make_page(qtbot, Env(later, desk_env.admin, desk_env.root), tasks, next_worker)
            assert again.ui.tokenBox.isVisible() and "须输入设备令牌" in again.ui.stateValue.text()
            assert not again.ui.syncNowButton.isEnabled()
            again.ui.useTokenButton.click()
            assert "请输入" in again.ui.tokenError.text()  # nothing typed
            again.ui.tokenEdit.setText(token)
            with qtbot.waitSignal(next_worker.round_finished, timeout=60_000) as finished:
                again.ui.useTokenButton.click()
            settle(qtbot, again)
            assert finished.args[0].report.online and not again.ui.tokenBox.isVisible()
        finally:
            next_worker.stop()
            qtbot.waitUntil(lambda: not tasks.busy)
    finally:
        later.db.dispose()


def test_a_revoked_device_is_told_so_and_offered_the_form_again(
    qtbot: Any, page: SyncPage, status_widget: SyncStatusWidget, district: DistrictServer, desk_env: Env
) -> None:
    with qtbot.waitSignal(page.worker.round_finished, timeout=60_000):
        enroll_from_page(qtbot, page, district.url, issue_code(district, committee_code="XT-001"))
    settle(qtbot, page)
    device = api.sync_status(desk_env.desk)
    with district_db(district) as db:
        [row] = [d for d in district_admin.list_devices(db) if d.committee_code == "XT-001"]
        district_admin.revoke_device(db, row.id)
    case_id = new_case(desk_env)
    outcome = sync_from_page(qtbot, page)
    assert outcome.refused and "撤销" in page.ui.roundMessage.text()
    ui = page.ui
    assert "撤销" in ui.stateValue.text() and "重新登记" in ui.stateValue.text() and "撤销" in ui.enrollNote.text()
    assert ui.enrollButton.isEnabled() and not ui.syncNowButton.isEnabled()
    assert "撤销" in status_widget.text and device.enrolled

    with qtbot.waitSignal(page.worker.round_finished, timeout=60_000) as again:
        enroll_from_page(qtbot, page, district.url, issue_code(district, committee_code="XT-001"))
    settle(qtbot, page)
    assert again.args[0].report.online and case_id in server_cases(district, "XT-001")
    assert "在线" in ui.stateValue.text() and ui.syncNowButton.isEnabled()


def test_a_mediator_sees_the_status_but_may_not_enroll(
    qtbot: Any, desk_env: Env, tasks: TaskManager, worker: SyncWorker
) -> None:
    mediator = Actor(username="xieagen", role="mediator", display_name="谢阿根")
    page = make_page(qtbot, Env(desk_env.desk, mediator, desk_env.root), tasks, worker)
    assert not page.ui.enrollButton.isEnabled() and not page.ui.codeEdit.isEnabled()
    assert "主任或记录员" in page.ui.enrollNote.text()
    assert page.ui.issuesTable.rowCount() == 0 and "主任或记录员" in page.ui.issuesNote.text()
