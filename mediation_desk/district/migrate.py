"""Schema upgrades of the district database, applied when the server (or an admin command) starts.

Several instances may start at once on one PostgreSQL: they take an advisory lock so that one
migrates and the others find the schema current."""

from __future__ import annotations

import logging

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from mediation_desk.district.db import Database
from mediation_desk.paths import package_dir

log = logging.getLogger(__name__)

MIGRATIONS_DIR = package_dir() / "district" / "migrations"  # the same in the frozen bundle
MIGRATION_LOCK = 0x6D6564_6973_74  # an arbitrary, fixed advisory-lock key


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def upgrade(db: Database) -> None:
    """Bring the schema to the newest revision (no-op when it is current)."""
    head = head_revision()
    with db.write_engine.connect() as conn:
        if db.dialect == "postgresql":
            conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK})
            conn.commit()
        try:
            current = MigrationContext.configure(conn).get_current_revision()
            conn.commit()
            if current != head:
                log.info("district schema %s -> %s", current, head)
                cfg = alembic_config()
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
                conn.commit()
        finally:
            if db.dialect == "postgresql":
                conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK})
                conn.commit()
