"""Running the Qt tools that ship with PySide6 (uic, lupdate, lrelease) from the build scripts.

They are started through `PySide6.scripts.pyside_tool` with this interpreter, so they work from a
virtual environment whose `bin/` is not on PATH (a test run, an IDE)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the source checkout: ui/ and resources/ live here
PACKAGE = ROOT / "mediation_desk"
UI_DIR = ROOT / "ui"
FORMS_DIR = PACKAGE / "gui" / "forms"
TS_DIR = ROOT / "resources" / "translations"
QM_DIR = PACKAGE / "resources" / "translations"

_LAUNCH = (
    "import sys; from PySide6.scripts import pyside_tool; "
    "sys.argv[0] = 'pyside6-{tool}'; sys.exit(pyside_tool.{tool}())"
)


def run_tool(tool: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run `pyside6-<tool> args…`; raises CalledProcessError with the tool's output on failure."""
    if tool not in ("uic", "lupdate", "lrelease"):
        raise ValueError(f"unknown Qt tool {tool!r}")
    return subprocess.run(
        [sys.executable, "-c", _LAUNCH.format(tool=tool), *args],
        check=True,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
