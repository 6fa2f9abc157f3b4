"""The Alembic migrations and the ORM models describe the same schema.

A model changed without a migration would work in tests (fresh databases) and then fail on
every desk in the field; this catches it."""

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine

from mediation_desk.capabilities import register_all
from mediation_desk.storage import migrate
from mediation_desk.storage.base import Base

register_all()  # every capability's tables in Base.metadata


def _not_fts(obj, name, type_, reflected, compare_to):
    return not (name or "").startswith(("case_fts", "case_grams"))


def test_migrated_schema_matches_models(tmp_path):
    db = tmp_path / "desk.sqlite3"
    migrate.upgrade(db, tmp_path / "backups")
    engine = create_engine(f"sqlite:///{db}")
    try:
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn, opts={"include_object": _not_fts}), Base.metadata)
    finally:
        engine.dispose()
    assert diff == []


def test_upgrade_is_idempotent_and_makes_no_copy_when_current(tmp_path):
    db = tmp_path / "desk.sqlite3"
    assert migrate.upgrade(db, tmp_path / "backups") is None  # new file: nothing to copy
    assert migrate.upgrade(db, tmp_path / "backups") is None  # already at head
    assert migrate.current_revision(db) == migrate.head_revision()
