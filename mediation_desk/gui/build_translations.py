"""`python -m mediation_desk.gui.build_translations`: collect the window's strings into
resources/translations/*.ts (keeping every translation made so far) and compile them into the
.qm files installed with the package.

The source strings are Simplified Chinese, so the zh_CN catalogue is completed here with the
source text itself; the English one is translated by hand (Qt Linguist or any editor), and a test
fails while a string is unfinished."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from mediation_desk.gui.qt_tools import (
    FORMS_DIR,
    PACKAGE,
    QM_DIR,
    TS_DIR,
    UI_DIR,
    run_tool,
)
from mediation_desk.gui.settings import LANGUAGES

CATALOGUE = "mediation_desk"
SOURCE_LANGUAGE = "zh_CN"


def source_files() -> list[Path]:
    """Every file with visible strings: the window's code (not the generated forms, whose
    strings come from the .ui files themselves) and the forms."""
    gui = PACKAGE / "gui"
    code = [p for p in sorted(gui.rglob("*.py")) if FORMS_DIR not in p.parents and "__pycache__" not in p.parts]
    return code + sorted(UI_DIR.glob("*.ui"))


def ts_path(language: str, folder: Path = TS_DIR) -> Path:
    return folder / f"{CATALOGUE}_{language}.ts"


def update_ts(target: Path, language: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    run_tool(
        "lupdate",
        *map(str, source_files()),
        "-no-obsolete",
        "-locations",
        "none",
        "-source-language",
        SOURCE_LANGUAGE,
        "-target-language",
        language,
        "-ts",
        str(target),
    )


def complete_with_source(ts_file: Path) -> int:
    """Chinese catalogue: each unfinished translation becomes its source text. Returns how many."""
    tree = ET.parse(ts_file)
    done = 0
    for message in tree.iter("message"):
        translation = message.find("translation")
        source = message.findtext("source")
        if translation is None or source is None or translation.get("type") != "unfinished":
            continue
        translation.text = source
        del translation.attrib["type"]
        done += 1
    if done:
        tree.write(ts_file, encoding="utf-8", xml_declaration=True)
    return done


def release(ts_file: Path, qm_file: Path) -> None:
    qm_file.parent.mkdir(parents=True, exist_ok=True)
    run_tool("lrelease", str(ts_file), "-qm", str(qm_file))


def build() -> list[Path]:
    written = []
    for language in LANGUAGES:
        ts_file = ts_path(language)
        update_ts(ts_file, language)
        if language == SOURCE_LANGUAGE and complete_with_source(ts_file):
            update_ts(ts_file, language)  # back to lupdate's own layout
        qm_file = QM_DIR / f"{CATALOGUE}_{language}.qm"
        release(ts_file, qm_file)
        written += [ts_file, qm_file]
    return written


def main() -> int:
    for path in build():
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
