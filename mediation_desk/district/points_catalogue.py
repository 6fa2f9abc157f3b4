"""The green-coin catalogue (平安绿币积分目录) as the district issues it.

Versioned: every version set is kept (a declaration names the version it was made under, and its
coins are checked against that one), and the latest goes down to every desk with the reference
data as part `rules.CATALOGUE_PART`. Version 1 is the catalogue built into every desk
(`rules.DEFAULT_CATALOGUE`): it holds until the district sets a later one, and a version once
issued never changes — a new catalogue is a new, higher version."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from mediation_desk.district import admin, admin_audit
from mediation_desk.district.db import Database
from mediation_desk.district.errors import AdminError
from mediation_desk.district.models import PointsCatalogue
from mediation_desk.points import rules
from mediation_desk.storage.base import utcnow

MAX_FILE_BYTES = 256 * 1024  # 200 items of a few hundred bytes each fit many times over
ACTION = "points.catalogue_set"


def latest(s: Session) -> rules.Catalogue:
    """The catalogue desks use now: the highest version set, else the built-in one."""
    row = s.scalar(select(PointsCatalogue).order_by(PointsCatalogue.version.desc()).limit(1))
    return rules.DEFAULT_CATALOGUE if row is None else rules.catalogue_from_wire(row.body)


def version(s: Session, number: int) -> rules.Catalogue | None:
    """Catalogue version `number` as issued (None: never issued)."""
    row = s.get(PointsCatalogue, number)
    if row is not None:
        return rules.catalogue_from_wire(row.body)
    return rules.DEFAULT_CATALOGUE if number == rules.DEFAULT_CATALOGUE.version else None


def current_wire(s: Session) -> dict[str, Any]:
    """The reference data's part `rules.CATALOGUE_PART`."""
    return rules.catalogue_to_wire(latest(s))


def show(db: Database) -> dict[str, Any]:
    with db.read() as s:
        return current_wire(s)


def read_file(path: Path) -> Any:
    """A catalogue file's JSON (UTF-8), refused with words when it cannot be read."""
    return admin.read_json_file(path, "积分目录", MAX_FILE_BYTES)


def set_catalogue(db: Database, data: Any, *, actor: str | None = None, reason: str = "") -> rules.Catalogue:
    """Issue a new catalogue version: checked item by item (the rules' own check, which every
    desk applies again), numbered after every version issued so far, recorded in the admin audit."""
    who, why = admin.actor_of(actor), admin.reason_of(reason, required_for="启用新版积分目录")
    try:
        catalogue = rules.catalogue_from_wire(data)
    except rules.CatalogueProblem as problem:
        raise AdminError(f"积分目录的 {problem.field} 有误：{problem.message}") from None
    with db.write() as s:
        held = s.scalar(select(func.max(PointsCatalogue.version))) or rules.DEFAULT_CATALOGUE.version
        if catalogue.version <= held:
            raise AdminError(f"积分目录的版本号须大于现行的第 {held} 版（已发布的版本不能修改），如 {held + 1}")
        s.add(
            PointsCatalogue(
                version=catalogue.version,
                body=rules.catalogue_to_wire(catalogue),
                set_by=who,
                reason=why,
                set_at=utcnow(),
            )
        )
        admin_audit.record(
            s,
            actor=who,
            action=ACTION,
            target=f"v{catalogue.version}",
            reason=why,
            detail={"version": catalogue.version, "previous": held, "items": len(catalogue.items)},
        )
        try:
            s.flush()
        except IntegrityError:  # another administrator issued that version a moment ago
            taken = f"积分目录第 {catalogue.version} 版刚被另一位管理员发布"
            raise AdminError(f"{taken}，请核对后使用更高的版本号") from None
    return catalogue
