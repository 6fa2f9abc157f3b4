"""The layout rules of the package (design §2), checked on the source with `ast`:
only gui/ imports Qt; the district server never imports the desk's window or sync client;
modules stay small enough to hold in one's head."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "mediation_desk"
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "PySide2", "shiboken2", "qtpy")
MAX_LINES = 400
GENERATED = (PACKAGE / "gui" / "forms", PACKAGE / "storage" / "migrations")


def python_files() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(path: Path, source: str | None = None) -> list[tuple[int, str]]:
    """Every module an `import` or `from … import` names, anywhere in the file (also inside
    functions and `if TYPE_CHECKING:` blocks); relative imports resolved to absolute names.
    `source` stands in for the file's text (the scanner's own tests)."""
    if source is None:
        source = path.read_text(encoding="utf-8")
    tree = ast.parse(source, filename=str(path))
    package = module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)] if node.level > 1 else package
                prefix = ".".join(base + ([node.module] if node.module else []))
            else:
                prefix = node.module or ""
            found.append((node.lineno, prefix))
            # `from mediation_desk import gui` imports the subpackage itself.
            found.extend((node.lineno, f"{prefix}.{alias.name}") for alias in node.names)
    return found


def _within(path: Path, folder: Path) -> bool:
    return folder in path.parents


def _is(module: str, roots: tuple[str, ...]) -> bool:
    return any(module == r or module.startswith(r + ".") for r in roots)


def test_the_package_is_there():
    assert (PACKAGE / "__init__.py").exists()
    assert len(python_files()) > 10


def test_only_gui_imports_qt():
    gui = PACKAGE / "gui"
    offenders = [
        f"{path.relative_to(PACKAGE.parent)}:{line} imports {name}"
        for path in python_files() if not _within(path, gui)
        for line, name in imported_modules(path) if _is(name, QT_MODULES)
    ]
    assert not offenders, "Qt outside mediation_desk/gui/:\n" + "\n".join(offenders)


def test_district_server_does_not_import_desk_gui_or_sync():
    district = PACKAGE / "district"
    forbidden = ("mediation_desk.gui", "mediation_desk.sync")
    offenders = [
        f"{path.relative_to(PACKAGE.parent)}:{line} imports {name}"
        for path in python_files() if _within(path, district)
        for line, name in imported_modules(path) if _is(name, forbidden)
    ]
    assert not offenders, "district/ must not depend on the desk's window or sync client:\n" + "\n".join(offenders)


def test_modules_stay_small():
    too_long = []
    for path in python_files():
        if any(_within(path, g) for g in GENERATED):
            continue
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_LINES:
            too_long.append(f"{path.relative_to(PACKAGE.parent)}: {lines} lines")
    assert not too_long, f"modules over {MAX_LINES} lines (split them):\n" + "\n".join(too_long)


@pytest.mark.parametrize("source, expected", [
    ("import PySide6.QtWidgets", True),
    ("from PySide6 import QtCore", True),
    ("def f():\n    from shiboken6 import isValid", True),
    ("if True:\n    import PyQt6.QtGui as g", True),
    ("import pyside_like_name", False),
    ("from mediation_desk.core import audit", False),
])
def test_import_scanner_sees_nested_and_aliased_imports(source, expected):
    names = [name for _, name in imported_modules(PACKAGE / "core" / "example.py", source)]
    assert any(_is(n, QT_MODULES) for n in names) is expected


def test_relative_imports_are_resolved():
    source = "from ..gui import main_window\nfrom . import api\nfrom .sync_client import push\n"
    names = [n for _, n in imported_modules(PACKAGE / "district" / "server.py", source)]
    assert "mediation_desk.gui.main_window" in names
    assert "mediation_desk.district.api" in names
    assert "mediation_desk.district.sync_client" in names
    assert not any(_is(n, ("mediation_desk.sync",)) for n in names)
