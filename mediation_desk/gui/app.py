"""`run_gui(paths)`: the desk's window, started by `mediation-desk` without a command.

What a person sees first comes first: Qt, the window's settings and the login dialog. The
services, the database and the main window load on the desk worker meanwhile (gui/flow.py), so
nothing here imports SQLAlchemy or a service module."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from mediation_desk.errors import DeskError
from mediation_desk.gui.bundled_fonts import use_bundled_fallbacks
from mediation_desk.gui.contrast import use_readable_palette
from mediation_desk.gui.excepthook import install_excepthook
from mediation_desk.gui.flow import DeskFlow, DeskOpening
from mediation_desk.gui.font_mode import apply_font_mode
from mediation_desk.gui.i18n import install_translators
from mediation_desk.gui.settings import DeskSettings
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.logging_setup import setup_logging
from mediation_desk.paths import APP_AUTHOR, APP_NAME, AppPaths

log = logging.getLogger("mediation_desk.gui")
EXIT_REFUSED = 2
EXIT_INTERNAL = 70


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_AUTHOR)
    # The flow decides when the work is over (a dialog closing between two steps is not the end).
    app.setQuitOnLastWindowClosed(False)
    return app


def prepare_application(app: QApplication, settings: DeskSettings) -> list[QTranslator]:
    """Translations, the bundled CJK fonts, readable greys and the font mode (elder mode or not,
    for every widget): what every start of the window needs (also the screenshot script and the
    start-up benchmark). Returns the translators: keep them."""
    translators = install_translators(app, settings.language)
    app.setApplicationDisplayName(QCoreApplication.translate("DeskApplication", "人民调解室工作台"))
    use_bundled_fallbacks(app)
    use_readable_palette(app)
    apply_font_mode(app, settings.large_font)
    return translators


def run_gui(paths: AppPaths, argv: list[str] | None = None) -> int:
    """Open the desk and run the window until it is closed; returns the exit code."""
    paths.ensure()
    setup_logging(paths.logs)
    # The desk and sync workers are Python threads: with the default 5 ms switch interval a busy
    # worker (the desk opening while the login dialog is shown, a sync round) could hold the
    # interpreter long enough to stall the window by 100-400 ms.
    sys.setswitchinterval(0.001)
    app = create_application(argv)
    settings = DeskSettings(paths.config)
    translators = prepare_application(app, settings)
    previous_hook = install_excepthook(paths.logs)
    opening = DeskOpening(paths)
    tasks = TaskManager()
    flow = DeskFlow(opening, settings, tasks)
    flow.finished.connect(app.quit)
    flow.refused.connect(lambda error: app.exit(_refused(error)))
    log.info("window started")
    try:
        flow.start()
        return app.exec()
    finally:
        tasks.shutdown()  # an opening still running (its migrations) finishes first
        if opening.desk is not None:
            opening.desk.close()  # wipes the data key
        sys.excepthook = previous_hook
        for translator in translators:
            app.removeTranslator(translator)
        log.info("window closed")


def _refused(error: BaseException) -> int:
    """The desk could not be opened: said, logged; the exit code."""
    if isinstance(error, DeskError):  # e.g. a database newer than this program, a full disk
        log.warning("the desk could not be opened: %s", type(error).__name__)
        QMessageBox.critical(None, QCoreApplication.translate("DeskApplication", "无法打开工作台"), str(error))
        return EXIT_REFUSED
    sys.excepthook(type(error), error, error.__traceback__)  # logged and shown calmly
    return EXIT_INTERNAL
