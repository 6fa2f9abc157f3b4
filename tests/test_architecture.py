"""The layout rules of the package (design §2), checked on the source with `ast`: the floors (the
ground imports no capability; capabilities meet only through the ground's registry and each other's
pure rule modules; the district imports capabilities' rule modules only), no import cycle between
packages, only gui/ imports Qt, and modules small enough to hold in one's head."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "mediation_desk"
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "PySide2", "shiboken2", "qtpy")
MAX_LINES = 400
GENERATED = (PACKAGE / "gui" / "forms", PACKAGE / "storage" / "migrations")

# The floors (design §2), bottom up. A package or top-level module of mediation_desk is in one.
GROUND = (
    "errors",
    "paths",
    "logging_setup",
    "qt_platform",
    "validation",
    "storage",
    "core",
    "privacy",
    "people",
    "desk",
)
CAPABILITIES = ("administration", "mediation", "lifecycle", "points", "sitecode", "alarms")
UPPER = ("documents", "sync", "district")
FACES = ("gui", "cli", "capabilities", "__main__")
# Pure rule modules: imported by the desk and the district alike; they import only the ground's pure
# modules and each other (no database session, no files, no services).
RULE_MODULES = (
    "mediation.states",
    "mediation.dispute_types",
    "mediation.numbering",
    "mediation.assignment_rules",
    "mediation.working_days",
    "points.rules",
    "points.entities",
    "sitecode.rules",
    "sitecode.placard_code",
    "sitecode.scheme",
    "sitecode.entities",
    "alarms.rules",
    "alarms.entities",
)
PURE_GROUND = ("errors", "validation", "core.sync_contract", "core.hlc", "privacy.roles")


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
        for path in python_files()
        if not _within(path, gui)
        for line, name in imported_modules(path)
        if _is(name, QT_MODULES)
    ]
    assert not offenders, "Qt outside mediation_desk/gui/:\n" + "\n".join(offenders)


def test_district_server_does_not_import_desk_gui_or_sync():
    district = PACKAGE / "district"
    forbidden = ("mediation_desk.gui", "mediation_desk.sync")
    offenders = [
        f"{path.relative_to(PACKAGE.parent)}:{line} imports {name}"
        for path in python_files()
        if _within(path, district)
        for line, name in imported_modules(path)
        if _is(name, forbidden)
    ]
    assert not offenders, "district/ must not depend on the desk's window or sync client:\n" + "\n".join(offenders)


def test_modules_stay_small():
    too_long = []
    for path in python_files():
        if any(_within(path, g) for g in GENERATED):
            continue
        # Blank lines do not count: they add nothing to hold in one's head, and the formatter's
        # one-argument-per-line calls already stretch a module beyond what it says.
        lines = sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
        if lines > MAX_LINES:
            too_long.append(f"{path.relative_to(PACKAGE.parent)}: {lines} lines")
    assert not too_long, f"modules over {MAX_LINES} lines (split them):\n" + "\n".join(too_long)


@pytest.mark.parametrize(
    "source, expected",
    [
        ("import PySide6.QtWidgets", True),
        ("from PySide6 import QtCore", True),
        ("def f():\n    from shiboken6 import isValid", True),
        ("if True:\n    import PyQt6.QtGui as g", True),
        ("import pyside_like_name", False),
        ("from mediation_desk.core import audit", False),
    ],
)
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


def unit_of(module: str) -> str | None:
    """The floor unit (first name below mediation_desk) of a module of ours, else None."""
    parts = module.split(".")
    if parts[0] != "mediation_desk" or len(parts) < 2:
        return None
    # desk.py is the kernel's open desk (database, paths, session): one unit with core/.
    return "core" if parts[1] == "desk" else parts[1]


def our_imports() -> list[tuple[str, int, str]]:
    """(importing module, line, imported module) for every import of one of our modules."""
    found = []
    for path in python_files():
        if any(_within(path, g) for g in GENERATED):
            continue
        names = imported_modules(path)
        for line, name in names:
            # `from mediation_desk.mediation import states` names the package and the module: the
            # package's (empty) __init__ is not what the line depends on.
            if any(n.startswith(name + ".") for ln, n in names if ln == line) and _is_package(name):
                continue
            if unit_of(name) is not None:
                found.append((module_name(path), line, name))
    return found


def _is_package(module: str) -> bool:
    return (PACKAGE.parent / module.replace(".", "/") / "__init__.py").exists()


def _relative(module: str) -> str:
    return module.removeprefix("mediation_desk.")


def test_every_unit_has_a_floor():
    units = {
        p.name if p.is_dir() else p.stem
        for p in PACKAGE.iterdir()
        if (p.is_dir() and (p / "__init__.py").exists()) or (p.suffix == ".py" and p.stem != "__init__")
    }
    assert units <= set(GROUND + CAPABILITIES + UPPER + FACES), units - set(GROUND + CAPABILITIES + UPPER + FACES)


def test_the_ground_imports_no_capability_and_nothing_above():
    offenders = [
        f"{src}:{line} imports {name}"
        for src, line, name in our_imports()
        if unit_of(src) in GROUND and unit_of(name) not in GROUND
    ]
    assert not offenders, "the ground must not import a capability (register it instead):\n" + "\n".join(offenders)


def test_capabilities_meet_only_through_rule_modules():
    offenders = [
        f"{src}:{line} imports {name}"
        for src, line, name in our_imports()
        if unit_of(src) in CAPABILITIES
        and unit_of(name) in CAPABILITIES
        and unit_of(name) != unit_of(src)
        and not _is(_relative(name), RULE_MODULES)
    ]
    offenders += [
        f"{src}:{line} imports {name}"
        for src, line, name in our_imports()
        if unit_of(src) in CAPABILITIES and unit_of(name) in UPPER + FACES
    ]
    assert not offenders, (
        "a capability reaches another through the registry or its rule module, "
        "never its services or models:\n" + "\n".join(offenders)
    )


def test_the_district_imports_capabilities_rule_modules_only():
    offenders = [
        f"{src}:{line} imports {name}"
        for src, line, name in our_imports()
        if unit_of(src) == "district" and unit_of(name) in CAPABILITIES and not _is(_relative(name), RULE_MODULES)
    ]
    assert not offenders, "district/ may import capabilities' rule modules only:\n" + "\n".join(offenders)


def test_rule_modules_are_pure():
    offenders = [
        f"{src}:{line} imports {name}"
        for src, line, name in our_imports()
        if _relative(src) in RULE_MODULES and not _is(_relative(name), RULE_MODULES + PURE_GROUND)
    ]
    for module in RULE_MODULES:
        path = PACKAGE / (module.replace(".", "/") + ".py")
        offenders += [
            f"{module}:{line} imports {name}"
            for line, name in imported_modules(path)
            if name.split(".")[0] in ("sqlalchemy", "httpx", "fastapi", "reportlab")
        ]
    assert not offenders, "rule modules import only pure modules:\n" + "\n".join(offenders)


def test_no_import_cycle_between_packages():
    edges: dict[str, set[str]] = defaultdict(set)
    for src, _line, name in our_imports():
        a, b = unit_of(src), unit_of(name)
        if a and b and a != b:
            edges[a].add(b)
    cycles = []
    for start in sorted(edges):
        stack = [(start, [start])]
        while stack:
            node, trail = stack.pop()
            for nxt in sorted(edges.get(node, ())):
                if nxt == start:
                    cycles.append(" → ".join([*trail, start]))
                elif nxt not in trail:
                    stack.append((nxt, [*trail, nxt]))
    assert not cycles, "import cycles between packages:\n" + "\n".join(sorted(set(cycles))[:20])
