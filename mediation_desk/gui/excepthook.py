"""The last line of defence: an error nobody caught is logged (redacted) and shown calmly.

Every service call is one unit of work, so an error means that one action did not happen;
everything saved before stays saved, and the window keeps running. A refusal the services
explain (DeskError) is shown as it is; anything else as an unexpected error, its details in the
log only (an exception's text can quote personal data)."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from mediation_desk.errors import DeskError

log = logging.getLogger("mediation_desk.gui")
Hook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


class ExceptionReporter:
    def __init__(self, log_dir: Path) -> None:
        self.log_file = log_dir / "desk.log"
        self._showing = False  # one dialog at a time: a failing timer must not stack dialogs

    def __call__(self, kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        if isinstance(error, DeskError):
            log.info("action refused: %s", kind.__name__)
        else:
            log.error("unexpected error in the window", exc_info=(kind, error, tb))
        if self._showing or QApplication.instance() is None:
            return
        self._showing = True
        try:
            self._show(error)
        finally:
            self._showing = False

    def _show(self, error: BaseException) -> None:
        parent = QApplication.activeWindow()
        if isinstance(error, DeskError):
            QMessageBox.warning(parent, QCoreApplication.translate("ExceptionReporter", "未能完成"), str(error))
            return
        text = QCoreApplication.translate(
            "ExceptionReporter",
            "出现了一个意外的问题，刚才的操作没有完成。\n之前保存的资料都在，不受影响，可以继续工作。\n"
            "如果问题反复出现，请把日志文件交给技术人员：\n{log}",
        ).format(log=self.log_file)
        QMessageBox.critical(parent, QCoreApplication.translate("ExceptionReporter", "出现问题"), text)


def install_excepthook(log_dir: Path) -> Hook:
    """Make the reporter the process's exception hook; returns the hook it replaced."""
    previous = sys.excepthook
    sys.excepthook = ExceptionReporter(log_dir)
    return previous
