"""`python -m mediation_desk.gui.build_forms`: compile ui/*.ui into mediation_desk/gui/forms/.

The generated modules are committed (a frozen build cannot load .ui files at run time) and a test
fails when one is older than its form."""

from __future__ import annotations

import sys
from pathlib import Path

from mediation_desk.gui.qt_tools import FORMS_DIR, UI_DIR, run_tool

HEADER = "# Generated from ui/{name} by `python -m mediation_desk.gui.build_forms`: do not edit.\n# ruff: noqa\n"
VERSION_MARK = "Created by: Qt User Interface Compiler version"


def module_name(ui_file: Path) -> str:
    return f"ui_{ui_file.stem}.py"


def compile_form(ui_file: Path, out_dir: Path) -> Path:
    target = out_dir / module_name(ui_file)
    generated = run_tool("uic", "-g", "python", str(ui_file)).stdout
    target.write_text(HEADER.format(name=ui_file.name) + generated, encoding="utf-8")
    return target


def comparable(text: str) -> str:
    """The generated text without the line naming the uic version (it varies between installs)."""
    return "\n".join(line for line in text.splitlines() if VERSION_MARK not in line)


def build(out_dir: Path = FORMS_DIR) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    init = out_dir / "__init__.py"
    if not init.exists():
        init.write_text('"""Modules generated from ui/*.ui (see build_forms.py): do not edit."""\n', encoding="utf-8")
    return [compile_form(ui, out_dir) for ui in sorted(UI_DIR.glob("*.ui"))]


def main() -> int:
    for path in build():
        print(path.relative_to(FORMS_DIR.parents[2]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
