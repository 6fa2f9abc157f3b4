"""数据: the desk's data as a whole, as the window's settings page handles it — back up now,
restore a backup, check integrity, and the folder the data lives in.

The copying itself is `storage/backup.py`, shared with the command line; here are the rules
around it: who may (`data.backup`, `data.restore`, `data.location` of the role table: restoring
and moving the data are for the 主任, either replaces what every operator sees), the audit record
of each action (a refusal too), and what the window needs to show."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from mediation_desk.core import integrity
from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.errors import DeskError, ValidationError
from mediation_desk.paths import (
    APP_AUTHOR,
    APP_NAME,
    DATA_ENV,
    AppPaths,
    save_data_location,
    saved_data_location,
)
from mediation_desk.privacy import roles
from mediation_desk.storage import backup, migrate
from mediation_desk.storage.state import DeskState

DATABASE_NAME = "desk.sqlite3"  # AppPaths.database's file name
# Where the data folder in use was chosen (AppPaths.resolve's order).
COMMAND_LINE, ENVIRONMENT, SAVED, DEFAULT = "command_line", "environment", "saved", "default"


@dataclass(frozen=True)
class BackupReport:
    path: Path
    size: int  # bytes


@dataclass(frozen=True)
class BackupInfo:
    """A backup file that passed the check, with what a person needs to recognise it."""

    path: Path
    size: int
    modified: dt.datetime  # the file's time (local), i.e. when the backup was made
    cases: int


@dataclass(frozen=True)
class RestoreReport:
    source: Path
    previous_copy: Path | None  # the data replaced, kept in the backups folder
    schema: str | None


@dataclass(frozen=True)
class DataLocation:
    data: Path
    backups: Path
    source: str  # COMMAND_LINE | ENVIRONMENT | SAVED | DEFAULT
    saved: Path | None  # the folder chosen for the next start, if any

    @property
    def changeable(self) -> bool:
        """A folder given on the command line or in the environment wins over a saved one."""
        return self.source in (SAVED, DEFAULT)


def _authorize(desk: Desk, actor: Actor, action: str) -> None:
    """Asked before any file is touched, in a unit of work of the actor's: a refusal is audited."""
    with desk.read(actor):
        roles.authorize(actor, action)


# ---- backup, check, restore --------------------------------------------------------------------


def backup_now(desk: Desk, actor: Actor, folder: Path | None = None) -> BackupReport:
    """A consistent copy of the database in `folder` (default: the desk's backups folder)."""
    _authorize(desk, actor, "data.backup")
    target = check_backup_folder(folder) if folder else desk.paths.backups
    written = backup.backup_database(desk.paths.database, target)
    size = written.stat().st_size
    with desk.write(actor) as uow:
        uow.audit("data.backup", "desk", None, file=written.name, size=size)
    return BackupReport(written, size)


def check_backup_folder(folder: Path | str) -> Path:
    """A folder backups can be written to (a USB stick that is plugged in, a shared folder …)."""
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        raise ValidationError.single("backup_folder", "folder_missing", f"找不到备份文件夹：{folder}")
    if not os.access(folder, os.W_OK):
        raise ValidationError.single(
            "backup_folder", "folder_read_only", f"没有在「{folder}」中写入的权限，不能把备份放在这里"
        )
    return folder.resolve()


def verify_backup(source: Path | str) -> BackupInfo:
    """Refuse (DeskError) a file that is not a sound desk database of this or an older version."""
    source = Path(source)
    backup.check_backup_file(source)
    conn = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        cases = int(conn.execute("SELECT count(*) FROM mediation_case").fetchone()[0])
    finally:
        conn.close()
    stat = source.stat()
    return BackupInfo(source, stat.st_size, dt.datetime.fromtimestamp(stat.st_mtime), cases)


def prepare_restore(desk: Desk, actor: Actor, source: Path | str) -> BackupInfo:
    """Before anyone is asked to confirm: may this operator restore, and is the file sound?"""
    _authorize(desk, actor, "data.restore")
    if _same(Path(source), desk.paths.database):
        raise DeskError("要恢复的文件就是当前数据库，无需恢复")
    return verify_backup(source)


def restore_backup(desk: Desk, actor: Actor, source: Path | str) -> RestoreReport:
    """Replace the whole database with the backup `source` (主任 only; irreversible).

    The file is checked first and the current data copied to the backups folder. Afterwards the
    desk is locked: the data key and the accounts are those of the restored data, so everyone
    logs in again. The `desk` object stays usable (its connections reopen on the new file)."""
    source = Path(source)
    prepare_restore(desk, actor, source)  # a bad file is refused before anything is touched
    paths: AppPaths = desk.paths
    desk.db.dispose()  # no connection of ours holds the file while it is replaced
    safety = backup.restore_database(source, paths.database, paths.backups)
    migrate.upgrade(paths.database, paths.backups)  # a backup of an older version is brought up
    _follow_identity(desk)
    with desk.write(actor) as uow:
        uow.audit("data.restore", "desk", None, source=source.name, previous_copy=safety.name if safety else None)
    desk.lock()
    return RestoreReport(source, safety, migrate.current_revision(paths.database))


def _follow_identity(desk: Desk) -> None:
    """A backup from another PC of the committee carries that PC's device id: use it."""
    with desk.read() as s:
        row = s.get(DeskState, "device_id")
    if row is not None:
        desk.device_id = row.value
        desk.node = row.value.replace("-", "")[:12]


def check_integrity(desk: Desk) -> integrity.IntegrityReport:
    return integrity.check_database(desk)


# ---- where the data lives ----------------------------------------------------------------------


def _same(a: Path | None, b: Path | None) -> bool:
    return a is not None and b is not None and Path(a).expanduser().resolve() == Path(b).expanduser().resolve()


def data_location(paths: AppPaths) -> DataLocation:
    saved = saved_data_location()
    env = os.environ.get(DATA_ENV)
    if _same(paths.config, paths.data / "config"):  # a one-folder desk: given at start-up
        source = ENVIRONMENT if env and _same(Path(env), paths.data) else COMMAND_LINE
    elif _same(Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)), paths.data):
        source = DEFAULT
    else:
        source = SAVED
    return DataLocation(paths.data, paths.backups, source, saved)


def check_data_folder(folder: Path | str, paths: AppPaths) -> BackupInfo:
    """May the desk use `folder` from the next start on? It must hold a sound desk database:
    moving the data is done with the desk closed, by copying the whole folder (see the message)."""
    folder = Path(folder).expanduser()

    def refuse(rule: str, message: str) -> ValidationError:
        return ValidationError.single("data_location", rule, message)

    if _same(folder, paths.data):
        raise refuse("same_location", "这已经是当前的数据位置")
    if not folder.is_dir():
        raise refuse("folder_missing", f"找不到文件夹：{folder}")
    if not os.access(folder, os.W_OK):
        raise refuse("folder_read_only", f"没有在「{folder}」中写入的权限，不能把数据放在这里")
    database = folder / DATABASE_NAME
    if not database.is_file():
        raise refuse(
            "no_desk_data",
            (
                f"「{folder}」中没有工作台数据。要把数据搬到这里：先关闭工作台，把文件夹 {paths.data} "
                f"中的全部内容复制到「{folder}」，再打开工作台，在这里选择它。"
            ),
        )
    try:
        return verify_backup(database)
    except DeskError as error:
        raise refuse("bad_desk_data", f"「{folder}」中的数据不能使用：{error}") from None


def choose_data_folder(desk: Desk, actor: Actor, folder: Path | str | None) -> DataLocation:
    """Use `folder` from the next start on (None: the platform's usual place); 主任 only."""
    _authorize(desk, actor, "data.location")
    paths: AppPaths = desk.paths
    if not data_location(paths).changeable:
        raise ValidationError.single(
            "data_location",
            "location_fixed",
            (f"当前数据位置是启动时用 --data-dir 或环境变量 {DATA_ENV} 指定的，在这里更改不会生效"),
        )
    if folder is not None:
        check_data_folder(folder, paths)
    save_data_location(Path(folder) if folder is not None else None)
    with desk.write(actor) as uow:
        uow.audit("data.location", "desk", None, next_start=str(folder) if folder else "default")
    return data_location(paths)
