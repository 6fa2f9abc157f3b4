"""SQLite engines for the desk: WAL, foreign keys on, and writers that queue instead of failing.

Two engines share one file. Writers open `BEGIN IMMEDIATE`, so a unit of work takes the write
lock before it reads what it will change (the audit chain head, the case-number counter, the
clock): two desk processes on one file then serialise instead of interleaving. Readers use a
plain deferred `BEGIN` and, thanks to WAL, never block or wait for a writer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_S = 30


def _configure(engine: Engine, begin_sql: str) -> Engine:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (see module doc)
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        # FULL: a committed case survives a power cut, not only a crash of the program.
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
        # Deleted or overwritten content is zeroed, so no old plaintext lingers in free pages.
        cur.execute("PRAGMA secure_delete=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql(begin_sql)

    return engine


def make_engine(path: Path, *, writer: bool) -> Engine:
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"timeout": BUSY_TIMEOUT_S, "check_same_thread": False},
    )
    return _configure(engine, "BEGIN IMMEDIATE" if writer else "BEGIN")


class Database:
    """The desk database: a writer and a reader sessionmaker over one SQLite file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.write_engine = make_engine(path, writer=True)
        self.read_engine = make_engine(path, writer=False)
        self.writer: sessionmaker[Session] = sessionmaker(self.write_engine, expire_on_commit=False)
        self.reader: sessionmaker[Session] = sessionmaker(self.read_engine, expire_on_commit=False)

    def dispose(self) -> None:
        self.write_engine.dispose()
        self.read_engine.dispose()
