"""The site-code scheme (一单一码 检查清单和码色阈值) as the district issues it.

Versioned like the green-coin catalogue: every version set is kept (an inspection names the
version whose checklist it followed), the latest goes down to every desk with the reference data
as part `rules.SCHEME_PART`, and version 1 is the scheme built into every desk
(`scheme.DEFAULT_SCHEME`), in force until the district sets a later one. A version once issued
never changes: a new checklist or a new threshold is a new, higher version."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from mediation_desk.district import admin, admin_audit
from mediation_desk.district.db import Database
from mediation_desk.district.errors import AdminError
from mediation_desk.district.sitecode_models import SiteScheme
from mediation_desk.sitecode import rules, scheme
from mediation_desk.storage.base import utcnow

MAX_FILE_BYTES = 512 * 1024  # 40 categories of 60 items of 80 characters fit several times over
ACTION = "sitecode.scheme_set"


def current(s: Session) -> scheme.Scheme:
    """The scheme in force: the highest version set, else the built-in one."""
    row = s.scalar(select(SiteScheme).order_by(SiteScheme.version.desc()).limit(1))
    return scheme.DEFAULT_SCHEME if row is None else scheme.scheme_from_wire(row.body)


def version(s: Session, number: int) -> scheme.Scheme | None:
    """Version `number` as issued (None: never issued)."""
    row = s.get(SiteScheme, number)
    if row is not None:
        return scheme.scheme_from_wire(row.body)
    return scheme.DEFAULT_SCHEME if number == scheme.DEFAULT_SCHEME.version else None


def last_closed_month(s: Session, now: dt.datetime | None = None) -> str:
    """The latest month whose self-inspection cut-off has passed (by the thresholds in force)."""
    return rules.add_months(rules.period_of(now or utcnow(), current(s).thresholds), -1)


def current_wire(s: Session) -> dict[str, Any]:
    """The reference data's part `rules.SCHEME_PART`."""
    return scheme.scheme_to_wire(current(s))


def show(db: Database) -> dict[str, Any]:
    with db.read() as s:
        return current_wire(s)


def read_file(path: Path) -> Any:
    """A scheme file's JSON (UTF-8), refused with words when it cannot be read."""
    return admin.read_json_file(path, "检查清单", MAX_FILE_BYTES)


def set_scheme(db: Database, data: Any, *, actor: str | None = None, reason: str = "") -> scheme.Scheme:
    """Issue a new scheme version: checked part by part (the same check every desk applies
    again), numbered after every version issued so far, recorded in the admin audit."""
    who, why = admin.actor_of(actor), admin.reason_of(reason, required_for="启用新版一单一码检查清单")
    try:
        issued = scheme.scheme_from_wire(data)
    except scheme.SchemeProblem as problem:
        raise AdminError(f"检查清单的 {problem.field} 有误：{problem.message}") from None
    with db.write() as s:
        held = s.scalar(select(func.max(SiteScheme.version))) or scheme.DEFAULT_SCHEME.version
        if issued.version <= held:
            raise AdminError(f"检查清单的版本号须大于现行的第 {held} 版（已发布的版本不能修改），如 {held + 1}")
        s.add(
            SiteScheme(
                version=issued.version,
                body=scheme.scheme_to_wire(issued),
                set_by=who,
                reason=why,
                set_at=utcnow(),
            )
        )
        items = sum(len(c.items) for c in issued.checklists)
        admin_audit.record(
            s,
            actor=who,
            action=ACTION,
            target=f"v{issued.version}",
            reason=why,
            detail={"version": issued.version, "previous": held, "categories": len(issued.checklists), "items": items},
        )
        try:
            s.flush()
        except IntegrityError:  # another administrator issued that version a moment ago
            taken = f"检查清单第 {issued.version} 版刚被另一位管理员发布"
            raise AdminError(f"{taken}，请核对后使用更高的版本号") from None
    return issued
