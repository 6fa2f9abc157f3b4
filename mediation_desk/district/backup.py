"""`mediation-desk-district backup --to FILE` and `restore --from FILE`: the SQLite database's copy.

Both copy with SQLite's online backup API, so a backup is one consistent moment of the database
even while the server keeps writing, and a restore replaces the pages under the server's own
connections instead of swapping the file beneath them. A backup is checked before it is kept
(integrity, a district schema this program knows) and is readable by its owner only: it holds
everything the district holds. A restore first keeps the current database beside itself.

PostgreSQL is backed up with its own tools (pg_dump, pg_restore or psql; README): they copy a
consistent snapshot of a live database already, and know its roles and permissions.

Desks that pulled changes newer than a restored backup learn it at their next pull (409
cursor_ahead) and pull again from the start; what they pushed after the backup they still hold
as applied, so the district may lack it until a desk's clerk sends it again."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import os
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic.script import ScriptDirectory
from sqlalchemy.engine import make_url

from mediation_desk.district import admin_audit, migrate
from mediation_desk.district.db import BUSY_TIMEOUT_S, Database, normalize_url
from mediation_desk.district.errors import AdminError
from mediation_desk.district.server_key import KEY_FILE_SUFFIX

COMMANDS = ("backup", "restore")
SQLITE_HEADER = b"SQLite format 3\x00"
# Tables only a district database has, and tables only a desk's database has.
DISTRICT_TABLES = frozenset({"alembic_version", "change_feed", "device", "applied_op", "record"})
DESK_TABLES = frozenset({"desk_state", "outbox_op"})
_MOVE_ASIDE = "。若当前数据库已损坏，先把它移到别处，再恢复"
PG_ADVICE = "PostgreSQL 数据库请用 pg_dump 备份、用 pg_restore 或 psql 恢复（步骤见 README「备份与恢复」）"


class Unreadable(AdminError):
    """A file that is no intact SQLite database (as opposed to another program's database)."""


@dataclass(frozen=True)
class Checked:
    """What a verified district database file holds."""

    revision: str
    feed_head: int


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    who = argparse.ArgumentParser(add_help=False)
    who.add_argument("--by", help="操作人（记入管理记录；默认为当前系统用户）")
    backup = sub.add_parser("backup", parents=[common, who], help="备份 SQLite 数据库（服务器运行时也可）")
    backup.add_argument("--to", required=True, type=Path, help="备份文件（须尚不存在，除非加 --overwrite）")
    backup.add_argument("--overwrite", action="store_true", help="备份文件已存在时替换它")
    backup.add_argument("--reason", default="", help="原因（记入管理记录）")
    restore = sub.add_parser("restore", parents=[common, who], help="用备份文件替换当前 SQLite 数据库")
    restore.add_argument("--from", dest="source", required=True, type=Path, help="备份文件")
    restore.add_argument("--reason", required=True, help="原因（记入管理记录，必填）")
    restore.add_argument("--yes", action="store_true", help="不再询问，直接恢复")


def run(args: argparse.Namespace) -> int:
    """Run `backup` or `restore`; refusals raise AdminError (exit 2 in cli.py)."""
    database = _sqlite_path(args.database_url)
    actor = args.by or admin_audit.os_user()
    if args.command == "backup":
        backup(args.database_url, database, args.to, actor=actor, reason=args.reason, overwrite=args.overwrite)
    else:
        if not args.reason.strip():
            raise AdminError("恢复须用 --reason 写明原因")
        if not args.yes:
            _confirm(database)
        restore(args.database_url, database, args.source, actor=actor, reason=args.reason)
    return 0


def backup(url: str, database: Path, target: Path, *, actor: str, reason: str = "", overwrite: bool = False) -> Checked:
    """Copy the live database to `target` (0600), checked; record it in the admin audit."""
    source = _existing_database(database)
    target = target.expanduser().absolute()
    if target.exists() and not overwrite:
        raise AdminError(f"备份文件已存在：{target}（换一个文件名，或加 --overwrite 替换它）")
    if target.exists() and (target.is_dir() or target.samefile(source)):
        raise AdminError(f"--to 须是数据库以外的一个文件：{target}")
    if not target.parent.is_dir():
        raise AdminError(f"备份文件所在的文件夹不存在：{target.parent}")
    current = _inspect(source, what="数据库", integrity=False)  # the copy is checked, page for page
    partial = target.with_name(f".{target.name}.partial-{os.getpid()}")
    try:
        _copy(source, partial, single_file=True)
        checked = _inspect(partial, what="备份文件")
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    _sync_dir(target.parent)
    digest = _sha256(target)
    detail = {
        "bytes": target.stat().st_size,
        "sha256": digest,
        "revision": checked.revision,
        "feed_head": checked.feed_head,
    }
    recorded = _record(url, current.revision, actor, "backup", str(target), reason, detail)
    print(f"已备份到 {target}（{detail['bytes']} 字节，变更序号至 {checked.feed_head}）")
    print(f"SHA-256 {digest}")
    if not recorded:
        print(f"数据库版本（{current.revision}）早于本程序，未写管理记录；服务器启动后会升级。", file=sys.stderr)
    # The key is kept apart on purpose (a stolen backup alone reveals no case file): say so.
    key = f"{database}{KEY_FILE_SUFFIX}"
    print(f"注意：卷宗密钥文件（默认为 {key}）不在备份里，须另行妥善保存，否则恢复后卷宗无法读取。", file=sys.stderr)
    return checked


def restore(url: str, database: Path, source: Path, *, actor: str, reason: str) -> Checked:
    """Replace the database with the backup `source`, keeping the current one beside it."""
    source = source.expanduser().absolute()
    if not source.is_file():
        raise AdminError(f"备份文件不存在：{source}")
    backup_of = _inspect(source, what="备份文件")
    kept: Path | None = None
    before: Checked | None = None
    if database.exists() and database.stat().st_size > 0:
        if database.samefile(source):
            raise AdminError("--from 是当前数据库本身，不是备份文件")
        before = _inspect_current(database)
        kept = _kept_name(database)
        try:
            _copy(database, kept, single_file=True)
        except sqlite3.Error as exc:
            kept.unlink(missing_ok=True)
            raise AdminError(f"当前数据库无法另存（{type(exc).__name__}）{_MOVE_ASIDE}") from None
    try:
        _copy(source, database, single_file=False)
    except sqlite3.Error as exc:
        hint = f"原数据库保留在 {kept}" if kept else "数据库未改动"
        raise AdminError(f"恢复失败（{type(exc).__name__}）：{hint}") from None
    os.chmod(database, 0o600)
    db = Database(url)
    try:
        migrate.upgrade(db)
    finally:
        db.dispose()
    after = _inspect(database, what="恢复后的数据库")
    detail: dict[str, Any] = {
        "revision_of_backup": backup_of.revision,
        "revision": after.revision,
        "feed_head": after.feed_head,
        "feed_head_before": before.feed_head if before else None,
        "kept": str(kept) if kept else None,
    }
    _record(url, after.revision, actor, "restore", str(source), reason, detail)
    print(f"已从 {source} 恢复（变更序号至 {after.feed_head}）")
    if kept:
        print(f"原数据库保留为 {kept}")
    if before and before.feed_head > after.feed_head:
        print("已同步过更新变更的工作台，下次同步时会从头重新拉取。")
    return after


# -- checks ------------------------------------------------------------------------------------
def _sqlite_path(url: str) -> Path:
    url = normalize_url(url)
    try:
        parsed = make_url(url)
    except Exception:  # noqa: BLE001 - any unparsable URL is refused the same way
        raise AdminError("--database-url 不是有效的数据库地址") from None
    backend = parsed.get_backend_name()
    if backend == "postgresql":
        raise AdminError(PG_ADVICE)
    if backend != "sqlite" or parsed.database in (None, "", ":memory:"):
        raise AdminError("备份与恢复须用 SQLite 数据库文件（sqlite:///路径）")
    return Path(parsed.database).expanduser().absolute()


def _existing_database(path: Path) -> Path:
    if not path.is_file():
        raise AdminError(f"数据库文件不存在：{path}")
    return path


def _inspect_current(database: Path) -> Checked:
    """The database a restore replaces: a district database (never a desk's or another file),
    intact or not: a damaged one is what a restore is for."""
    try:
        return _inspect(database, what="当前数据库", integrity=False)
    except Unreadable as exc:
        raise AdminError(f"{exc}{_MOVE_ASIDE}") from None


def _inspect(path: Path, *, what: str, integrity: bool = True) -> Checked:
    """Refuse anything but an intact district database of a revision this program knows."""
    with open(path, "rb") as f:
        if f.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise Unreadable(f"{what}不是 SQLite 数据库文件：{path}")
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S)
    except sqlite3.Error as exc:
        raise Unreadable(f"{what}无法打开（{type(exc).__name__}）：{path}") from None
    try:
        if integrity and [row[0] for row in conn.execute("PRAGMA integrity_check")] != ["ok"]:
            raise Unreadable(f"{what}已损坏（完整性检查未通过）：{path}")
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if tables >= DESK_TABLES:
            raise AdminError(f"{what}是调解室工作台的数据库，不是区服务器的数据库：{path}")
        if not tables >= DISTRICT_TABLES:
            raise AdminError(f"{what}不是区服务器的数据库（缺少 {'、'.join(sorted(DISTRICT_TABLES - tables))}）")
        revisions = [row[0] for row in conn.execute("SELECT version_num FROM alembic_version")]
        head = conn.execute("SELECT max(seq) FROM change_feed").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise Unreadable(f"{what}无法读取（{type(exc).__name__}）：{path}") from None
    finally:
        conn.close()
    if len(revisions) != 1:
        raise AdminError(f"{what}没有数据库版本记录：{path}")
    known = {rev.revision for rev in ScriptDirectory.from_config(migrate.alembic_config()).walk_revisions()}
    if revisions[0] not in known:
        raise AdminError(
            f"{what}的数据库版本（{revisions[0]}）比本程序的（{migrate.head_revision()}）新：请先升级本程序再操作"
        )
    return Checked(revisions[0], int(head or 0))


def _confirm(database: Path) -> None:
    if not sys.stdin.isatty():
        raise AdminError("恢复会替换当前数据库：确认无误后加 --yes 再运行")
    answer = input(f"恢复会替换 {database}（原文件另存）。确认请输入 yes：")
    if answer.strip().lower() != "yes":
        raise AdminError("未确认，没有恢复")


# -- files -------------------------------------------------------------------------------------
def _copy(source: Path, target: Path, *, single_file: bool) -> None:
    """SQLite's online backup of `source` into `target`, in one step (one consistent snapshot).
    A new target is created 0600; a `single_file` one is left without a write-ahead log beside it."""
    with contextlib.suppress(FileExistsError):
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    src = sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S)
    try:
        dst = sqlite3.connect(target, timeout=BUSY_TIMEOUT_S)
        try:
            src.backup(dst)
            if single_file:
                dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()


def _kept_name(database: Path) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = database.with_name(f"{database.name}.before-restore-{stamp}")
    n = 1
    while kept.exists():
        n += 1
        kept = database.with_name(f"{database.name}.before-restore-{stamp}-{n}")
    return kept


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _sync_dir(path: Path) -> None:
    # The rename of the finished backup survives a power cut only once its folder is synced.
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _record(url: str, revision: str, actor: str, action: str, target: str, reason: str, detail: dict[str, Any]) -> bool:
    """The admin-audit row; only a database of this program's schema has the table for it."""
    if revision != migrate.head_revision():
        return False
    db = Database(url)
    try:
        with db.write() as s:
            admin_audit.record(s, actor=actor, action=action, target=target, reason=reason, detail=detail)
    finally:
        db.dispose()
    return True
