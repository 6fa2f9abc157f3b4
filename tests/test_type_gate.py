"""The type check gate of CI (.ci/mypy_gate.py): which errors it counts where, and when it fails.
mypy itself runs in CI; here the gate judges mypy output written out by hand."""

from __future__ import annotations

import importlib.util
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest
from test_architecture import GROUND, PACKAGE, RULE_MODULES

ROOT = Path(__file__).resolve().parents[1]


def _load_gate() -> ModuleType:
    spec = importlib.util.spec_from_file_location("mypy_gate", ROOT / ".ci" / "mypy_gate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


gate = _load_gate()
STRICT = gate.strict_patterns(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8")))


def _error(path: str, line: int = 1, text: str = 'Name "x" is not defined  [name-defined]') -> str:
    return f"{path}:{line}: error: {text}"


def test_strict_modules_are_the_ground_and_the_rule_modules() -> None:
    expected = set()
    for name in GROUND:
        package = (PACKAGE / name).is_dir()
        expected.add(f"mediation_desk.{name}.*" if package else f"mediation_desk.{name}")
    expected |= {f"mediation_desk.{name}" for name in RULE_MODULES}
    assert set(STRICT) == expected


def test_allowance_file_lists_packages_that_exist_and_never_the_strict_modules() -> None:
    allowance = gate.load_allowance(gate.ALLOWANCE_FILE)
    for package in allowance:
        assert package == gate.TOP_LEVEL or (PACKAGE / package).is_dir(), package
        assert package not in GROUND, package


@pytest.mark.parametrize(
    ("path", "package"),
    [
        ("mediation_desk/core/uow.py", gate.STRICT),
        ("mediation_desk/storage/migrations/versions/0004_sync.py", gate.STRICT),
        ("mediation_desk/desk.py", gate.STRICT),
        ("mediation_desk/mediation/states.py", gate.STRICT),
        ("mediation_desk/mediation/queries.py", "mediation"),
        ("mediation_desk/gui/pages/cases.py", "gui"),
        ("mediation_desk/district/__init__.py", "district"),
        ("mediation_desk/capabilities.py", gate.TOP_LEVEL),
        ("mediation_desk/__main__.py", gate.TOP_LEVEL),
    ],
)
def test_an_error_counts_for_its_package(path: str, package: str) -> None:
    verdict = gate.judge(_error(path), 1, STRICT, {})
    assert dict(verdict.counts) == {package: 1}


def test_within_the_allowance_passes_and_says_which_allowance_can_be_lowered() -> None:
    output = "\n".join(
        [
            _error("mediation_desk/gui/pages/cases.py", 3),
            "mediation_desk/gui/pages/cases.py:3: note: a note is not an error",
            _error("mediation_desk/gui/main_window.py", 9),
            _error("mediation_desk/sync/push.py", 12),
        ]
    )
    verdict = gate.judge(output, 1, STRICT, {"gui": 2, "sync": 4})
    assert verdict.failed == []
    assert verdict.counts["gui"] == 2
    assert verdict.lower == ["sync: 1 errors now, lower its allowance from 4 to 1"]
    assert gate.judge("", 0, STRICT, {}).failed == []


@pytest.mark.parametrize(
    ("output", "returncode", "allowance", "reason"),
    [
        (_error("mediation_desk/privacy/vault.py"), 1, {}, "ground and rule modules"),
        (_error("mediation_desk/mediation/numbering.py"), 1, {"mediation": 5}, "ground and rule modules"),
        (
            _error("mediation_desk/gui/app.py") + "\n" + _error("mediation_desk/gui/app.py", 2),
            1,
            {"gui": 1},
            "gui: 2 errors, 1 allowed",
        ),
        (_error("mediation_desk/documents/layout.py"), 1, {"gui": 3}, "documents: 1 errors, 0 allowed"),
        ("pyproject.toml: error: Unrecognized option", 2, {}, "status 2"),
        ("something mypy said that is not an error line", 1, {}, "no error could be read"),
        (_error("elsewhere/script.py"), 1, {}, "outside the package"),
    ],
)
def test_fails(output: str, returncode: int, allowance: dict[str, int], reason: str) -> None:
    verdict = gate.judge(output, returncode, STRICT, allowance)
    assert any(reason in line for line in verdict.failed), verdict.failed


def test_a_bad_allowance_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "allowance.toml"
    bad.write_text('[allowance]\ngui = "many"\n', encoding="utf-8")
    with pytest.raises(SystemExit, match="gui"):
        gate.load_allowance(bad)
