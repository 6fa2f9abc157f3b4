"""Schema upgrades at start-up: copy the database file first, then apply Alembic migrations.

A desk installed a year ago must upgrade without losing a row; if a migration ever fails, the
copy made just before it is the way back (`mediation-desk restore FILE`)."""

from __future__ import annotations

import datetime as dt
import logging
import re
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from mediation_desk.paths import package_dir

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS_DIR = package_dir() / "storage" / "migrations"  # the same in the frozen bundle
KEEP_PRE_MIGRATION_COPIES = 5


_REVISION_LINE = re.compile(r"^(down_revision|revision)\s*(?::[^=]*)?=\s*(.+?)\s*$", re.MULTILINE)


def alembic_config(db_path: Path) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", f"sqlite:///{db_path}")
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config(Path("unused"))).get_current_head()
    assert head is not None
    return head


def stamped_revision(db_path: Path) -> str | None:
    """The revision recorded in the database, read with plain sqlite3 (no Alembic import)."""
    if not db_path.exists():
        return None
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as conn:
        try:
            rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
        except sqlite3.OperationalError:  # no table yet: a new or foreign file
            return None
    return rows[0][0] if len(rows) == 1 else None


def shipped_head() -> str | None:
    """The newest revision among the shipped migration files, read from their `revision` /
    `down_revision` lines; None when the files do not form one simple chain (then Alembic decides)."""
    revisions: dict[str, str | None] = {}
    for script in (MIGRATIONS_DIR / "versions").glob("*.py"):
        found = dict(_REVISION_LINE.findall(script.read_text(encoding="utf-8")))
        if "revision" not in found:
            return None
        down = found.get("down_revision", "None").strip("'\"")
        revisions[found["revision"].strip("'\"")] = None if down == "None" else down
    heads = set(revisions) - {d for d in revisions.values() if d is not None}
    return heads.pop() if len(heads) == 1 else None


def is_current(db_path: Path) -> bool:
    """True when the database needs no migration. Checked without importing Alembic, which costs
    ~0.2 s of every window start (design §5 start-up budget)."""
    stamped = stamped_revision(db_path)
    return stamped is not None and stamped == shipped_head()


def current_revision(db_path: Path) -> str | None:
    from alembic.runtime.migration import MigrationContext
    from sqlalchemy import create_engine

    if not db_path.exists():
        return None
    engine = create_engine(f"sqlite:///{db_path}")
    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    finally:
        engine.dispose()


def copy_database(src: Path, dest: Path) -> Path:
    """A consistent copy through SQLite's online backup API (safe while others write)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(src) as source, sqlite3.connect(dest) as target:
        source.backup(target)
    return dest


def upgrade(db_path: Path, backups_dir: Path, target: str = "head") -> str | None:
    """Bring the database to `target`; returns the path of the safety copy made, if any."""
    if target == "head" and is_current(db_path):
        return None
    from alembic import command

    current = current_revision(db_path)
    wanted = head_revision() if target == "head" else target
    if current == wanted:
        return None
    copy: Path | None = None
    if current is not None:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        copy = copy_database(db_path, backups_dir / f"pre-migration-{current}-{stamp}.sqlite3")
        _prune(backups_dir)
        log.info("database copied before migration from %s to %s", current, wanted)
    command.upgrade(alembic_config(db_path), target)
    return str(copy) if copy else None


def _prune(backups_dir: Path) -> None:
    copies = sorted(backups_dir.glob("pre-migration-*.sqlite3"))
    for old in copies[:-KEEP_PRE_MIGRATION_COPIES]:
        old.unlink(missing_ok=True)
