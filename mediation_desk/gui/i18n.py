"""Languages of the window: Simplified Chinese first (the source strings), English available.

Our strings come from `mediation_desk/resources/translations/mediation_desk_<lang>.qm` (installed
with the package); Qt's own (dialog buttons, the wizard's 下一步) from the qtbase catalogue that
ships with PySide6."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from mediation_desk.gui.settings import LANGUAGES
from mediation_desk.paths import resource

log = logging.getLogger(__name__)
CATALOGUE = "mediation_desk"


def qm_path(language: str) -> str:
    return str(resource("translations", f"{CATALOGUE}_{language}.qm"))


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install the translators for `language`; returns them (keep them alive, remove to undo)."""
    if language not in LANGUAGES:
        language = LANGUAGES[0]
    QLocale.setDefault(QLocale(language))
    installed = []
    ours = QTranslator(app)
    if ours.load(qm_path(language)):
        installed.append(ours)
    else:
        log.warning("translation %s not found", language)
    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        installed.append(qt_own)
    for translator in installed:
        app.installTranslator(translator)
    return installed
