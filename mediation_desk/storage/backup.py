"""Backups of the desk database and restoring one.

Both directions go through SQLite's online backup API, never a file copy: a backup taken while
another window or process is writing is still one consistent snapshot, and a restore into a
database in WAL mode keeps its -wal and -shm files in step with the main file (copying the file
over them would leave a stale WAL to be replayed onto the restored data).

After a restore the caller runs `storage.migrate.upgrade`, so a backup made by an older version
of the desk is brought up to the current schema like any other old database."""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
from pathlib import Path

from mediation_desk.errors import DeskError
from mediation_desk.storage import migrate

log = logging.getLogger(__name__)

BACKUP_PREFIX = "desk-backup-"
PRE_RESTORE_PREFIX = "pre-restore-"
SUFFIX = ".sqlite3"
REQUIRED_TABLES = ("alembic_version", "mediation_case")
_BUSY_TIMEOUT_S = 30


def _stamp(with_micro: bool = False) -> str:
    return dt.datetime.now().strftime("%Y%m%d-%H%M%S" + ("-%f" if with_micro else ""))


def _free_name(directory: Path, stem: str) -> Path:
    """`stem.sqlite3` in `directory`, or `stem-2.sqlite3`… when two backups share a second."""
    candidate = directory / f"{stem}{SUFFIX}"
    n = 2
    while candidate.exists():
        candidate = directory / f"{stem}-{n}{SUFFIX}"
        n += 1
    return candidate


def _copy(src: sqlite3.Connection, dest_path: Path) -> None:
    """Write a consistent snapshot of `src` to `dest_path` (a new single-file database).

    The snapshot goes to a temporary name first and is renamed at the end, so an interrupted
    backup never leaves a half-written file that looks like a good one."""
    tmp = dest_path.with_name(dest_path.name + ".part")
    tmp.unlink(missing_ok=True)
    target = sqlite3.connect(tmp)
    try:
        src.backup(target)
        target.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
    finally:
        target.close()
    os.replace(tmp, dest_path)


def backup_database(db_path: Path | str, dest_path: Path | str) -> Path:
    """Copy the database to `dest_path`; returns the file written.

    If `dest_path` is an existing directory the copy is named
    ``desk-backup-YYYYmmdd-HHMMSS.sqlite3`` inside it."""
    db_path, dest = Path(db_path), Path(dest_path)
    if not db_path.exists():
        raise DeskError(f"找不到数据库文件：{db_path}")
    if dest.is_dir():
        dest = _free_name(dest, f"{BACKUP_PREFIX}{_stamp()}")
    else:
        dest.parent.mkdir(parents=True, exist_ok=True)
        if dest.exists() and dest.resolve() == db_path.resolve():
            raise DeskError("备份文件不能与当前数据库是同一个文件")
    source = sqlite3.connect(db_path, timeout=_BUSY_TIMEOUT_S)
    try:
        _copy(source, dest)
    finally:
        source.close()
    log.info("database backed up to %s", dest.name)
    return dest


def _open_read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=_BUSY_TIMEOUT_S)


def check_backup_file(source: Path | str) -> str:
    """Refuse anything that is not a sound mediation-desk database; returns its schema revision."""
    source = Path(source)
    if not source.is_file():
        raise DeskError(f"找不到要恢复的备份文件：{source}")
    try:
        conn = _open_read_only(source)
        try:
            result = [row[0] for row in conn.execute("PRAGMA integrity_check").fetchall()]
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            revision: str | None = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
        finally:
            conn.close()
    except sqlite3.DatabaseError as e:
        raise DeskError(f"「{source.name}」不是有效的数据库文件，无法恢复（{e}）") from None
    if result != ["ok"]:
        detail = "；".join(result[:3])
        raise DeskError(f"备份文件「{source.name}」已损坏，未恢复（完整性检查：{detail}）")
    missing = [t for t in REQUIRED_TABLES if t not in tables]
    if missing or revision is None:
        raise DeskError(
            f"「{source.name}」不是调解工作台的数据库（缺少 {'、'.join(missing) or 'alembic_version 记录'}），未恢复"
        )
    if revision not in _known_revisions():
        raise DeskError(f"备份文件「{source.name}」的数据结构版本 {revision} 比本软件新，请先升级软件再恢复")
    return revision


def _known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory  # only when a backup is checked: Alembic is slow to import

    script = ScriptDirectory.from_config(migrate.alembic_config(Path("unused")))
    return {rev.revision for rev in script.walk_revisions()}


def restore_database(source: Path | str, db_path: Path | str, backups_dir: Path | str) -> Path | None:
    """Replace the database with the backup `source`, after checking it and keeping a copy of
    the current database in `backups_dir`. Returns that safety copy (None if there was no
    database yet). The caller then runs migrations."""
    source, db_path, backups_dir = Path(source), Path(db_path), Path(backups_dir)
    if db_path.exists() and source.resolve() == db_path.resolve():
        raise DeskError("要恢复的文件就是当前数据库，无需恢复")
    check_backup_file(source)
    backups_dir.mkdir(parents=True, exist_ok=True)
    safety: Path | None = None
    if db_path.exists():
        safety = backup_database(db_path, _free_name(backups_dir, f"{PRE_RESTORE_PREFIX}{_stamp(True)}"))
    db_path.parent.mkdir(parents=True, exist_ok=True)
    src = _open_read_only(source)
    try:
        target = sqlite3.connect(db_path, timeout=_BUSY_TIMEOUT_S)
        try:
            target.execute(f"PRAGMA busy_timeout={_BUSY_TIMEOUT_S * 1000}")
            src.backup(target)
        finally:
            target.close()
    finally:
        src.close()
    log.info("database restored from %s (previous copy kept as %s)", source.name, safety.name if safety else "none")
    return safety
