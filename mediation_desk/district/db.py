"""Engines and transactions of the district database, on SQLite (one file, WAL) or PostgreSQL.

The change feed must never let a reader skip a change: if transaction A took seq 7 and B seq 8,
a reader must not see 8 while 7 is still uncommitted. Every transaction that appends changes
therefore takes the feed lock first and reads the next seq under it, so seq order is commit order:
on PostgreSQL `LOCK TABLE change_feed IN EXCLUSIVE MODE` (held to commit, shared by every server
instance on that database; plain reads are not blocked), on SQLite `BEGIN IMMEDIATE` (one writer
at a time anyway)."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_S = 30
log = logging.getLogger(__name__)


def normalize_url(url: str) -> str:
    """Accept the spellings people type: `postgresql://` and `postgres://` mean psycopg 3."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def private_sqlite_file(path: Path) -> None:
    """The database file readable and writable by its owner only. It is made here, before SQLite
    opens it, because SQLite gives its -wal and -shm files the database file's mode; an existing
    file (and its -wal, -shm) left open to others is tightened, and that is logged."""
    if os.name != "posix":
        return
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        return
    except FileExistsError:
        pass
    for each in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            mode = stat.S_IMODE(each.stat().st_mode)
            if mode & 0o077:
                os.chmod(each, mode & 0o700)
                log.warning("database file %s was open to other users (%o): now %o", each, mode, mode & 0o700)
        except FileNotFoundError:
            continue
        except PermissionError:  # not ours to change: say so, SQLite will tell whether it can use it
            log.warning("database file %s is open to other users and cannot be tightened", each)


def _sqlite_engine(url: str, begin_sql: str) -> Engine:
    # hide_parameters: an error message must never quote what a desk sent (it may reach a log).
    engine = create_engine(
        url, connect_args={"timeout": BUSY_TIMEOUT_S, "check_same_thread": False}, hide_parameters=True
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # BEGIN is ours (below)
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        # FULL: an op answered "applied" survives a power cut, not only a killed process.
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
        # Sorts and working tables (site-code month end's, of every place) in memory, not a file.
        cur.execute("PRAGMA temp_store=MEMORY")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql(begin_sql)

    return engine


class Database:
    """The district database: sessions for reading, writing, and writing to the change feed."""

    def __init__(self, url: str) -> None:
        self.url = normalize_url(url)
        parsed = make_url(self.url)
        self.dialect = parsed.get_backend_name()
        if self.dialect == "sqlite":
            if parsed.database in (None, "", ":memory:"):
                raise ValueError("SQLite 数据库须是一个文件（sqlite:///路径），以便重启后数据仍在")
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
            private_sqlite_file(Path(parsed.database))
            self.write_engine = _sqlite_engine(self.url, "BEGIN IMMEDIATE")
            self.read_engine = _sqlite_engine(self.url, "BEGIN")
        elif self.dialect == "postgresql":
            self.write_engine = self.read_engine = create_engine(
                self.url, pool_pre_ping=True, pool_size=10, max_overflow=10, hide_parameters=True
            )
        else:
            raise ValueError(f"不支持的数据库：{self.dialect}（可用 sqlite 或 postgresql+psycopg）")
        self._writer = sessionmaker(self.write_engine, expire_on_commit=False)
        self._reader = sessionmaker(self.read_engine, expire_on_commit=False)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._reader.begin() as s:
            yield s

    @contextmanager
    def write(self, *, feed: bool = False) -> Iterator[Session]:
        """One transaction; with `feed=True` it may append to the change feed (module doc)."""
        with self._writer.begin() as s:
            if feed and self.dialect == "postgresql":
                s.execute(text("LOCK TABLE change_feed IN EXCLUSIVE MODE"))
            yield s

    def ping(self) -> bool:
        try:
            with self.read_engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return True
        except Exception:  # noqa: BLE001 - health reports any failure as "unavailable"
            return False

    def dispose(self) -> None:
        self.write_engine.dispose()
        if self.read_engine is not self.write_engine:
            self.read_engine.dispose()
