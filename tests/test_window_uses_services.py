"""The window reaches the data only through services (design §2: "The GUI calls services; it never
builds SQL itself or opens a session"), checked on the source with `ast`: nothing under
mediation_desk/gui/ imports SQLAlchemy, opens a unit of work or a read (`desk.read`/`desk.write`),
or reaches the desk's database (`desk.db`) or a session factory."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from test_architecture import PACKAGE, imported_modules, python_files

GUI = PACKAGE / "gui"
DATABASE_MODULES = ("sqlalchemy",)
SESSION_NAMES = frozenset({"Session", "sessionmaker", "scoped_session", "create_engine"})
UNIT_OF_WORK = frozenset({"read", "write"})  # Desk.read(actor) / Desk.write(actor)


def _names_desk(node: ast.expr) -> bool:
    """`desk`, `self.desk`, `self.page.desk`, `window.desk`…: an expression naming the desk."""
    if isinstance(node, ast.Name):
        return node.id == "desk"
    return isinstance(node, ast.Attribute) and node.attr == "desk"


def database_reaches(source: str, filename: str = "<gui>") -> list[tuple[int, str]]:
    """(line, what) for every place `source` goes below the services."""
    tree = ast.parse(source, filename=filename)
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and _names_desk(node.value):
            if node.attr in UNIT_OF_WORK:
                found.append((node.lineno, f"desk.{node.attr}"))
            elif node.attr == "db":
                found.append((node.lineno, "desk.db"))
        elif isinstance(node, ast.Name) and node.id in SESSION_NAMES:
            found.append((node.lineno, node.id))
        elif isinstance(node, ast.Attribute) and node.attr in SESSION_NAMES | {"reader", "writer"}:
            found.append((node.lineno, node.attr))
    return found


def gui_files() -> list[Path]:
    return [p for p in python_files() if GUI in p.parents]


def test_the_window_has_files_to_check() -> None:
    assert len(gui_files()) > 20


def test_the_window_imports_no_database_library() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE.parent)}:{line} imports {name}"
        for path in gui_files()
        for line, name in imported_modules(path)
        if name.split(".")[0] in DATABASE_MODULES
    ]
    assert not offenders, "the window talks to services, not to the database:\n" + "\n".join(offenders)


def test_the_window_opens_no_session_and_no_unit_of_work() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE.parent)}:{line} uses {what}"
        for path in gui_files()
        for line, what in database_reaches(path.read_text(encoding="utf-8"), str(path))
    ]
    assert not offenders, (
        "the window calls a service, which owns the unit of work "
        "(`with desk.write(actor) as uow:`):\n" + "\n".join(offenders)
    )


@pytest.mark.parametrize(
    "source, expected",
    [
        ("with desk.read() as s:\n    pass", ["desk.read"]),
        ("def f(self):\n    with self.desk.write(self.actor) as uow:\n        pass", ["desk.write"]),
        ("x = self.page.desk.read", ["desk.read"]),
        ("session = self.desk.db.reader()", ["desk.db", "reader"]),
        ("from sqlalchemy.orm import Session\ns = Session()", ["Session"]),
        ("maker = orm.sessionmaker(bind=engine)", ["sessionmaker"]),
        ("tasks.run(intake.open_numbered_case, self.desk, self.actor, data)", []),
        ("self.ui.payload.text(); tree.write(path); self.settings.read('x')", []),
        ("page.actor = actor; desk.vault", []),
    ],
)
def test_the_scanner_sees_what_goes_below_the_services(source: str, expected: list[str]) -> None:
    assert sorted(what for _, what in database_reaches(source)) == sorted(expected)


def test_the_scanner_sees_an_import_of_the_database_library() -> None:
    names = [name for _, name in imported_modules(GUI / "example.py", "def f():\n    from sqlalchemy import select\n")]
    assert any(name.split(".")[0] in DATABASE_MODULES for name in names)
