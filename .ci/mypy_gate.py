"""Type check gate: runs mypy on the package (configured in pyproject.toml) and judges the result.

The ground and the pure rule modules (the modules of the strict `[[tool.mypy.overrides]]` entry,
the one that sets `warn_return_any`) must have no error at all. Every other package of
mediation_desk may have at most the errors `.ci/mypy_allowance.toml` allows it, so the count can
only go down: lower a number there when a package gets better, never raise one.

    python .ci/mypy_gate.py          # exit 0 when within the allowance, 1 when not
    python .ci/mypy_gate.py --all    # also print every error, not only the ones that fail
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tomllib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
ALLOWANCE_FILE = ROOT / ".ci" / "mypy_allowance.toml"
PACKAGE = "mediation_desk"
STRICT = "ground and rule modules"  # the name under which their errors are counted
TOP_LEVEL = PACKAGE  # the package's own modules (capabilities, __main__) outside the ground

_ERROR = re.compile(r"^(?P<path>[^:\n]+\.pyi?):\d+(?::\d+)?: error: ")


@dataclass
class Verdict:
    counts: Counter[str] = field(default_factory=Counter)
    errors: dict[str, list[str]] = field(default_factory=dict)
    stray: list[str] = field(default_factory=list)  # errors not tied to a package file
    failed: list[str] = field(default_factory=list)  # why the gate fails, one line each
    lower: list[str] = field(default_factory=list)  # allowances that can be lowered


def strict_patterns(pyproject: Mapping[str, Any]) -> list[str]:
    """Module patterns of the strict overrides entry (the one with `warn_return_any = true`)."""
    patterns: list[str] = []
    for entry in pyproject.get("tool", {}).get("mypy", {}).get("overrides", []):
        if entry.get("warn_return_any") is True:
            modules = entry["module"]
            patterns.extend([modules] if isinstance(modules, str) else modules)
    return patterns


def module_of(path: str) -> str:
    parts = list(Path(path).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def matches(module: str, pattern: str) -> bool:
    """mypy's override patterns: `a.b` is that module, `a.b.*` is `a.b` and everything under it."""
    if pattern.endswith(".*"):
        base = pattern[:-2]
        return module == base or module.startswith(base + ".")
    return module == pattern


def package_of(path: str, strict: Sequence[str]) -> str:
    if any(matches(module_of(path), p) for p in strict):
        return STRICT
    parts = Path(path).parts
    return parts[1] if len(parts) > 2 else TOP_LEVEL  # mediation_desk/capabilities.py: top level


def judge(output: str, returncode: int, strict: Sequence[str], allowance: Mapping[str, int]) -> Verdict:
    verdict = Verdict()
    for line in output.splitlines():
        m = _ERROR.match(line)
        if m is None:
            if ": error: " in line:
                verdict.stray.append(line)
            continue
        module = module_of(m["path"])
        if module != PACKAGE and not module.startswith(PACKAGE + "."):
            verdict.stray.append(line)
            continue
        package = package_of(m["path"], strict)
        verdict.counts[package] += 1
        verdict.errors.setdefault(package, []).append(line)
    if returncode not in (0, 1):  # 2: mypy itself failed (bad configuration, crash)
        verdict.failed.append(f"mypy ended with status {returncode}")
    if returncode == 1 and not verdict.counts and not verdict.stray:
        verdict.failed.append("mypy reported failure but no error could be read from its output")
    if verdict.stray:
        verdict.failed.append(f"{len(verdict.stray)} error(s) outside the package's modules")
    if verdict.counts[STRICT]:
        verdict.failed.append(f"{verdict.counts[STRICT]} error(s) in the {STRICT}, which must have none")
    for package in sorted(set(verdict.counts) | set(allowance)):
        if package == STRICT:
            continue
        count, allowed = verdict.counts[package], allowance.get(package, 0)
        if count > allowed:
            verdict.failed.append(f"{package}: {count} errors, {allowed} allowed")
        elif count < allowed:
            verdict.lower.append(f"{package}: {count} errors now, lower its allowance from {allowed} to {count}")
    return verdict


def report(verdict: Verdict, allowance: Mapping[str, int], show_all: bool) -> Iterable[str]:
    yield "mypy errors per package (count / allowed):"
    yield f"  {STRICT}: {verdict.counts[STRICT]} / 0"
    for package in sorted((set(verdict.counts) | set(allowance)) - {STRICT}):
        yield f"  {package}: {verdict.counts[package]} / {allowance.get(package, 0)}"
    failing = {STRICT} | {p for p in verdict.counts if verdict.counts[p] > allowance.get(p, 0)}
    for package, lines in sorted(verdict.errors.items()):
        if show_all or package in failing:
            yield f"-- {package}"
            yield from lines
    yield from verdict.stray
    for line in verdict.lower:
        yield f"note: {line} in {ALLOWANCE_FILE.relative_to(ROOT)}"
    if verdict.failed:
        yield "mypy gate FAILED:"
        yield from (f"  {reason}" for reason in verdict.failed)
    else:
        yield "mypy gate passed"


def load_allowance(path: Path) -> dict[str, int]:
    table = tomllib.loads(path.read_text(encoding="utf-8")).get("allowance", {})
    for package, count in table.items():
        if not isinstance(count, int) or count < 0:
            raise SystemExit(f"{path}: the allowance of {package!r} must be a whole number >= 0")
    return dict(table)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--all", action="store_true", help="print every error")
    args = parser.parse_args(argv)
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    strict = strict_patterns(pyproject)
    if not strict:
        print("pyproject.toml has no strict [[tool.mypy.overrides]] entry (warn_return_any = true)")
        return 1
    allowance = load_allowance(ALLOWANCE_FILE)
    run = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-error-summary", "--no-pretty", "--show-error-codes"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if run.stderr.strip():
        print(run.stderr, file=sys.stderr)
    verdict = judge(run.stdout, run.returncode, strict, allowance)
    for line in report(verdict, allowance, args.all):
        print(line)
    return 1 if verdict.failed else 0


if __name__ == "__main__":
    sys.exit(main())
