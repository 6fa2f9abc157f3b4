"""Reference data that flows down to every desk: the national dispute-type table, the
district's settings, the green-coin catalogue, the site-code scheme and the holiday calendar in force, with a version
number that changes whenever their content does."""

from __future__ import annotations

import json
import zlib
from typing import Any

from mediation_desk.district import admin, holiday_calendar, points_catalogue, sitecode_scheme
from mediation_desk.district.db import Database
from mediation_desk.mediation import working_days
from mediation_desk.mediation.dispute_types import DISPUTE_TYPES
from mediation_desk.points import rules
from mediation_desk.sitecode import rules as site_rules


def dispute_types() -> list[dict[str, Any]]:
    return [
        {"code": t.code, "label": t.label, "subtypes": [{"code": code, "label": label} for code, label in t.subtypes]}
        for t in DISPUTE_TYPES
    ]


def reference(db: Database) -> dict[str, Any]:
    with db.read() as s:
        settings = admin.settings(s)
        catalogue = points_catalogue.current_wire(s)
        site_scheme = sitecode_scheme.current_wire(s)
        holidays = holiday_calendar.current_wire(s)
    body: dict[str, Any] = {"dispute_types": dispute_types(), "settings": settings, rules.CATALOGUE_PART: catalogue}
    body[site_rules.SCHEME_PART] = site_scheme
    body[working_days.REFERENCE_PART] = holidays
    # The same content gives the same version on every server instance (no counter to keep).
    canonical = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    body["version"] = zlib.crc32(canonical.encode("utf-8"))
    return body
