"""Schema upgrades at start-up: copy the database file first, then apply Alembic migrations.

A desk installed a year ago must upgrade without losing a row; if a migration ever fails, the
copy made just before it is the way back (`mediation-desk restore FILE`)."""
from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
KEEP_PRE_MIGRATION_COPIES = 5


def alembic_config(db_path: Path) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", f"sqlite:///{db_path}")
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config(Path("unused"))).get_current_head()
    assert head is not None
    return head


def current_revision(db_path: Path) -> str | None:
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
