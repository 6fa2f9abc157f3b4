"""What the sync page tells the clerk about a finished round, and whether it is a problem: in
the window's own words for refusals whose service wording names the command line."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from mediation_desk.errors import DeskError
from mediation_desk.gui.sync_worker import RoundOutcome
from mediation_desk.sync import api as sync_api


def round_outcome_text(outcome: RoundOutcome) -> tuple[str, bool]:
    """What to tell the clerk about a round, and whether it is a problem."""
    if outcome.cancelled:
        return QCoreApplication.translate(
            "SyncPage", "本次同步已停止；已完成的部分已保存，下次同步从停下的地方继续。"
        ), False
    if outcome.locked:
        return QCoreApplication.translate(
            "SyncPage", "同步进行中工作台被锁定，本次同步已停止，稍后自动继续；上报到镇里的卷宗要等重新登录后才能上报。"
        ), False
    if outcome.error is not None:
        # The service's words for these name the command line; the window has its own way.
        if isinstance(outcome.error, sync_api.NotEnrolled):
            return QCoreApplication.translate(
                "SyncPage", "本机尚未登记到区社会治理中心，请在下方用区里发放的登记码登记。"
            ), True
        if isinstance(outcome.error, sync_api.TokenMissing):
            return QCoreApplication.translate(
                "SyncPage", "须先输入设备令牌（本机没有安全的系统钥匙串，令牌不保存在电脑上）。"
            ), True
        if isinstance(outcome.error, sync_api.TlsFailure):
            return QCoreApplication.translate(
                "SyncPage",
                "区服务器的证书无法验证，为安全起见未连接：请向区里索取 CA 证书文件，在下方重新登记时选择它。",
            ), True
        if isinstance(outcome.error, DeskError):
            return str(outcome.error), True
        return QCoreApplication.translate(
            "SyncPage", "同步意外中断，详情已写入日志；本机的数据不受影响，稍后会自动再试。"
        ), True
    report = outcome.report
    assert report is not None
    if not report.online:
        return QCoreApplication.translate(
            "SyncPage", "未能连接区服务器，本次没有同步；本机的工作照常保存，联网后自动补传。（{reason}）"
        ).format(reason=report.error or ""), True
    if report.error:
        return report.error, True
    text = QCoreApplication.translate(
        "SyncPage",
        "同步完成：推送 {pushed} 条（成功 {applied}，被拒绝 {rejected}，冲突 {conflicts}），"
        "收到区里的变更 {pulled} 条。",
    ).format(
        pushed=report.pushed,
        applied=report.applied + report.duplicates,
        rejected=report.rejected,
        conflicts=report.conflicts,
        pulled=report.pulled,
    )
    if report.held:
        text += QCoreApplication.translate("SyncPage", "{held} 份上报卷宗须登录解锁后才能上报。").format(
            held=report.held
        )
    if report.open_issues:
        text += QCoreApplication.translate("SyncPage", "有 {count} 个同步问题待处理，请到「同步问题」查看。").format(
            count=report.open_issues
        )
    return text, bool(report.rejected or report.conflicts)
