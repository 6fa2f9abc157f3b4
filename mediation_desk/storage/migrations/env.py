"""Alembic environment shipped inside the package; run by `storage.migrate.upgrade`.

Upgrades run the migrations' own operations. To autogenerate a new one, register the capabilities
first (`mediation_desk.capabilities.register_all()`) so `Base.metadata` holds every table."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from mediation_desk.storage.base import Base

config = context.config
target_metadata = Base.metadata


# Full-text tables are managed by raw SQL in migrations; autogenerate must not touch them.
def _include(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    return not (name or "").startswith(("case_fts", "case_grams"))


def run() -> None:
    url = config.get_main_option("sqlalchemy.url")
    if url is None:  # storage.migrate.alembic_config always sets it
        raise RuntimeError("sqlalchemy.url is not set in the Alembic configuration")
    engine = create_engine(url)
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")  # batch migrations recreate tables
        connection.commit()  # end the autobegun transaction so Alembic's own one commits
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,
            include_object=_include,
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run()
