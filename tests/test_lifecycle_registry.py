"""The data lifecycle stands on registration: what each capability tells the ground at start-up
(retention rules with their periods, sealed records and files, consent purposes), that the
lifecycle knows no capability by name, and that access in it is the role table's alone."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from mediation_desk.alarms import data_lifecycle as alarms_lifecycle
from mediation_desk.capabilities import register_all
from mediation_desk.core.registry import ConsentPurpose, Registry, RetentionPeriod
from mediation_desk.mediation.retention_rule import CASES, CaseRetention
from mediation_desk.privacy import roles

PACKAGE = Path(__file__).resolve().parents[1] / "mediation_desk"
# The lifecycle and the modules through which capabilities hand it their records.
LIFECYCLE_FILES = [
    *sorted((PACKAGE / "lifecycle").glob("*.py")),
    PACKAGE / "mediation" / "retention_rule.py",
    PACKAGE / "mediation" / "sealed_records.py",
    PACKAGE / "mediation" / "data_lifecycle.py",
    PACKAGE / "points" / "data_lifecycle.py",
    PACKAGE / "people" / "sealed.py",
    PACKAGE / "cli" / "privacy_commands.py",
]


def test_what_the_capabilities_register() -> None:
    registry = register_all(Registry())
    assert set(registry.retention_rules) == {"mediation_case", "points_residents", "sitecode_places", "alarms_wearers"}
    assert {k: (p.label, p.default_years, p.at_most) for k, p in registry.retention_periods().items()} == {
        "long": ("长期", 30, None),
        "short": ("短期", 10, "long"),
        "declined": ("不予调解或上报的案件", 3, None),
    }
    assert list(registry.sealed) == ["people", "mediators"]  # the ground's register first
    assert set(registry.sealed_files) == {
        "attachments",
        "points_evidence",
        "sitecode_inspection_photos",
        "sitecode_hazard_photos",
        "sitecode_rectification_photos",
    }
    assert {c: (p.label, p.standing, p.erase) for c, p in registry.consent_purposes.items()} == {
        "sms_notice": ("短信通知", False, ()),
        "photo_publicity": ("调解案例宣传使用照片", False, ()),
        "bracelet_location": ("手环定位", True, (alarms_lifecycle.erase_locations,)),
        "bracelet_health": ("健康信息（手环）", True, (alarms_lifecycle.erase_health,)),
    }
    assert registry.standing_purposes() == {"bracelet_location", "bracelet_health"}
    for action in ("retention.manage", "purge", "consent.manage", "desk.protect", "case.retention"):
        assert action in roles.ACTIONS
    assert register_all(registry) is registry
    assert set(registry.retention_rules) == {"mediation_case", "points_residents", "sitecode_places", "alarms_wearers"}


def test_the_same_name_for_something_else_is_refused() -> None:
    registry = register_all(Registry())
    registry.add_retention_rule(CASES)  # the same rule again: harmless
    with pytest.raises(ValueError, match="registered twice"):
        registry.add_retention_rule(CaseRetention())  # another object under the taken name
    with pytest.raises(ValueError, match="registered twice"):
        registry.add_consent_purpose(ConsentPurpose("sms_notice", "短信提醒"))
    assert RetentionPeriod("short", "短期", 10, "long") in registry.retention_periods().values()


def _role_literals(path: Path) -> list[str]:
    names = set(roles.ROLES) | {roles.SYSTEM}
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        f"{path.relative_to(PACKAGE.parent)}:{node.lineno} {node.value!r}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and node.value in names
    ]


def test_access_in_the_lifecycle_is_the_role_tables_alone() -> None:
    """No role is named in the lifecycle's code: every decision is `roles.authorize` on an action."""
    found = [hit for path in LIFECYCLE_FILES for hit in _role_literals(path)]
    assert not found, "role literals (ask privacy.roles.authorize instead):\n" + "\n".join(found)


def test_the_lifecycle_imports_only_the_ground() -> None:
    ground = ("errors", "paths", "validation", "storage", "core", "privacy", "people", "desk")
    offenders = []
    for path in sorted((PACKAGE / "lifecycle").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("mediation_desk."):
                unit = node.module.split(".")[1]
                if unit not in (*ground, "lifecycle"):
                    offenders.append(f"{path.name}:{node.lineno} {node.module}")
    assert not offenders, offenders
