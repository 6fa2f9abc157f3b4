"""Verifying a printed agreement at the window: the code typed as a scanner types it (then Enter),
checked on the desk worker, the answer in large plain words — 一致 for the original, 不一致 naming
what changed after the record was altered, 没有这份协议 for an unknown number, 校验码无效 for
garbage — and the field ready for the next scan."""

from __future__ import annotations

import threading
from typing import Any

from documents_helpers import REASON, desk_threads  # noqa: F401  (desk_threads is a fixture)
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QWidget
from service_helpers import Env, agreed_case, env  # noqa: F401  (env is a fixture)
from sqlalchemy import select

from mediation_desk import documents
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.gui.verify_dialog import VerifyDialog, open_verify_dialog
from mediation_desk.mediation.models_case import Agreement


def printed_agreement(env: Env) -> tuple[str, str]:
    case_id = agreed_case(env)
    doc = documents.generate(env.desk, env.admin, case_id, "agreement", reason=REASON)
    assert doc.verification_payload is not None
    return case_id, doc.verification_payload


def dialog_for(qtbot: Any, env: Env, tasks: TaskManager) -> VerifyDialog:
    dialog = VerifyDialog(env.desk, tasks, env.admin)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def scan(qtbot: Any, dialog: VerifyDialog, type_text: Any, code: str) -> None:
    """Type the code into the field as a keyboard-wedge scanner does, then Enter; wait for the answer."""
    type_text(dialog.ui.payload, code)
    qtbot.keyClick(dialog.ui.payload, Qt.Key.Key_Return)
    assert dialog.busy and dialog.ui.busyBar.isVisible()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)


def answer(dialog: VerifyDialog) -> tuple[str, str]:
    return dialog.ui.statusLabel.text(), dialog.ui.messageLabel.text()


def test_the_original_agreement_matches(
    qtbot: Any, env: Env, tasks: TaskManager, type_text: Any, desk_threads: list[str]
) -> None:
    _, payload = printed_agreement(env)
    desk_threads.clear()
    dialog = dialog_for(qtbot, env, tasks)
    scan(qtbot, dialog, type_text, payload)
    assert answer(dialog) == ("核验一致", "核验通过：协议书与本机登记的内容一致")
    assert "王永年、陈建林" in dialog.ui.detailsLabel.text()
    assert QFontInfo(dialog.ui.statusLabel.font()).pixelSize() > 2 * QFontInfo(dialog.font()).pixelSize()
    assert desk_threads and threading.main_thread().name not in desk_threads
    # Ready for the next paper: the code is selected, so the next scan replaces it.
    assert dialog.ui.payload.hasSelectedText() and dialog.ui.payload.selectedText() == payload


def test_an_agreement_altered_after_printing_is_a_mismatch_naming_the_term(
    qtbot: Any, env: Env, tasks: TaskManager, type_text: Any
) -> None:
    case_id, payload = printed_agreement(env)
    # No service amends an agreement once recorded: the change is made in the record itself,
    # as a correction (or tampering) would be.
    with env.desk.write(env.admin) as uow:
        agreement = uow.session.scalars(select(Agreement).where(Agreement.case_id == case_id)).one()
        agreement.terms = ["陈建林将围墙降低三十公分", "王永年承担全部费用"]
    dialog = dialog_for(qtbot, env, tasks)
    scan(qtbot, dialog, type_text, payload)
    assert answer(dialog) == ("内容不一致", "核验不符：协议书打印后，登记内容被改动")
    assert "改动之处：第 2 项条款" in dialog.ui.detailsLabel.text()
    assert dialog.result is not None and dialog.result.changed_fields == ("terms[1]",)


def test_unknown_numbers_and_garbage_are_told_apart(qtbot: Any, env: Env, tasks: TaskManager, type_text: Any) -> None:
    _, payload = printed_agreement(env)
    tag, code, _number, digest = payload.split("|")
    dialog = dialog_for(qtbot, env, tasks)
    scan(qtbot, dialog, type_text, f"{tag}|{code}|（2026）谢调字第 0999 号|{digest}")
    assert answer(dialog) == ("本机没有这份协议", "本机没有编号为 （2026）谢调字第 0999 号 的协议书")

    scan(qtbot, dialog, type_text, "hello, world")
    assert answer(dialog) == ("校验码无效", "不是本系统的协议校验码：应以 MDA1| 开头")
    assert dialog.ui.detailsLabel.text() == ""

    scan(qtbot, dialog, type_text, "")
    assert answer(dialog) == ("校验码无效", "校验码不能为空")


def test_a_scan_arriving_while_one_is_checked_is_checked_next(qtbot: Any, env: Env, tasks: TaskManager) -> None:
    _, payload = printed_agreement(env)
    dialog = dialog_for(qtbot, env, tasks)
    dialog.ui.payload.setText("garbage")
    dialog.verify()
    dialog.ui.payload.setText(payload)  # the next scan replaces the selected code
    dialog.verify()
    assert dialog.queued == payload
    qtbot.waitUntil(
        lambda: (
            not dialog.busy and dialog.queued is None and dialog.result is not None and dialog.result.status == "match"
        ),
        timeout=10_000,
    )


def test_a_locked_desk_is_said_calmly(qtbot: Any, env: Env, tasks: TaskManager, type_text: Any) -> None:
    _, payload = printed_agreement(env)
    dialog = dialog_for(qtbot, env, tasks)
    env.desk.lock()
    scan(qtbot, dialog, type_text, payload)
    assert answer(dialog) == ("未能核验", "工作台已锁定，请先登录（个人信息已加密保存）")
    assert dialog.isVisible()


def test_the_main_window_opens_one_verify_dialog(qtbot: Any, env: Env, tasks: TaskManager) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    first = open_verify_dialog(env.desk, tasks, env.admin, window)
    assert first.isVisible() and not first.isModal()
    assert open_verify_dialog(env.desk, tasks, env.admin, window) is first
    first.close()
