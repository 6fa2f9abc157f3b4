"""The desk's data as a whole, as the settings page handles it: back up now, verify and restore a
backup (主任 only, a safety copy first, audited, the desk locked afterwards), the integrity check,
and the data folder chosen for the next start."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest
from service_helpers import Env, actor, audit_actions, count, env, new_case, party  # noqa: F401
from sqlalchemy import select

from mediation_desk.administration import desk_data
from mediation_desk.core.models import AuditRecord
from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.errors import DeskError, PermissionDenied, ValidationError
from mediation_desk.mediation.models_case import MediationCase
from mediation_desk.paths import DATA_ENV, AppPaths, location_file, saved_data_location


def case_numbers(desk: Desk) -> set[str]:
    with desk.read() as s:
        return set(s.scalars(select(MediationCase.number)))


# ---- backup now --------------------------------------------------------------------------------


def test_backup_now_writes_a_sound_copy_and_audits_it(env: Env, tmp_path: Path) -> None:
    new_case(env)
    report = desk_data.backup_now(env.desk, env.admin)
    assert report.path.parent == env.desk.paths.backups and report.path.is_file()
    assert report.size == report.path.stat().st_size > 0
    info = desk_data.verify_backup(report.path)
    assert info.cases == 1
    with env.desk.read() as s:
        record = s.scalars(select(AuditRecord).where(AuditRecord.action == "data.backup")).one()
    assert record.detail == {"file": report.path.name, "size": report.size}

    stick = tmp_path / "u-disk"
    stick.mkdir()
    assert desk_data.backup_now(env.desk, env.admin, stick).path.parent == stick


def test_backup_to_a_missing_folder_is_refused(env: Env, tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as refused:
        desk_data.backup_now(env.desk, env.admin, tmp_path / "unplugged")
    (problem,) = refused.value.problems
    assert (problem.field, problem.rule) == ("backup_folder", "folder_missing")
    assert "找不到备份文件夹" in problem.message
    assert "data.backup" not in audit_actions(env.desk)


# ---- restore -----------------------------------------------------------------------------------


def test_restore_replaces_the_data_keeps_a_safety_copy_and_locks(env: Env) -> None:
    first = new_case(env)
    made = desk_data.backup_now(env.desk, env.admin).path
    before = case_numbers(env.desk)
    new_case(env, party("赵六斤", 3), party("钱小妹", 4, male=False))
    assert len(case_numbers(env.desk)) == 2

    report = desk_data.restore_backup(env.desk, env.admin, made)
    assert env.desk.vault is None  # everyone logs in again
    assert case_numbers(env.desk) == before and count(env.desk, MediationCase, MediationCase.id == first) == 1
    assert report.previous_copy is not None and report.previous_copy.parent == env.desk.paths.backups
    with sqlite3.connect(report.previous_copy) as conn:  # the replaced data is kept
        assert conn.execute("SELECT count(*) FROM mediation_case").fetchone()[0] == 2
    assert audit_actions(env.desk)[-1] == "data.restore"
    with env.desk.read() as s:
        record = s.scalars(select(AuditRecord).where(AuditRecord.action == "data.restore")).one()
    assert record.detail == {"source": made.name, "previous_copy": report.previous_copy.name}
    assert desk_data.check_integrity(env.desk).ok


@pytest.mark.parametrize("content", [b"", b"not a database at all" * 100, b"SQLite format 3\x00" + b"\xff" * 5000])
def test_a_corrupt_backup_is_refused_and_nothing_changes(env: Env, tmp_path: Path, content: bytes) -> None:
    new_case(env)
    bad = tmp_path / "desk-backup-20260101-120000.sqlite3"
    bad.write_bytes(content)
    before = case_numbers(env.desk)
    with pytest.raises(DeskError) as refused:
        desk_data.restore_backup(env.desk, env.admin, bad)
    assert bad.name in str(refused.value)
    assert case_numbers(env.desk) == before and env.desk.vault is not None
    assert not list(env.desk.paths.backups.glob("pre-restore-*"))


def test_a_sqlite_file_that_is_not_a_desk_is_refused(env: Env, tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    with pytest.raises(DeskError, match="不是调解工作台的数据库"):
        desk_data.verify_backup(other)
    with pytest.raises(DeskError, match="找不到要恢复的备份文件"):
        desk_data.verify_backup(tmp_path / "missing.sqlite3")
    with pytest.raises(DeskError, match="就是当前数据库"):
        desk_data.prepare_restore(env.desk, env.admin, env.desk.paths.database)


@pytest.mark.parametrize("role", ["clerk", "mediator"])
def test_only_the_director_restores_and_the_refusal_is_audited(env: Env, role: str) -> None:
    made = desk_data.backup_now(env.desk, env.admin).path
    new_case(env)
    other = actor(env, f"op_{role}", role)
    with pytest.raises(PermissionDenied, match="无权恢复备份"):
        desk_data.restore_backup(env.desk, other, made)
    assert len(case_numbers(env.desk)) == 1
    assert audit_actions(env.desk)[-1] == "access.denied"


# ---- where the data lives ----------------------------------------------------------------------


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home of our own: no data folder given, the platform's folders under tmp."""
    if not sys.platform.startswith("linux"):
        pytest.skip("the platform folders are redirected through the XDG variables")
    monkeypatch.delenv(DATA_ENV, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    return tmp_path


def test_a_folder_given_at_start_up_cannot_be_changed_here(env: Env, tmp_path: Path) -> None:
    location = desk_data.data_location(env.desk.paths)
    assert location.data == env.desk.paths.data and not location.changeable
    with pytest.raises(ValidationError) as refused:
        desk_data.choose_data_folder(env.desk, env.admin, tmp_path)
    assert refused.value.problems[0].rule == "location_fixed"


def test_the_chosen_data_folder_is_used_from_the_next_start(home: Path) -> None:
    admin = Actor("daicailiang", "admin")
    paths = AppPaths.resolve()
    desk = Desk.open(paths)
    try:
        location = desk_data.data_location(paths)
        assert location.source == desk_data.DEFAULT and location.changeable and location.saved is None

        empty = home / "d-drive" / "调解数据"
        empty.mkdir(parents=True)
        with pytest.raises(ValidationError) as refused:
            desk_data.choose_data_folder(desk, admin, empty)
        (problem,) = refused.value.problems
        assert (problem.field, problem.rule) == ("data_location", "no_desk_data")
        assert "先关闭工作台" in problem.message and str(paths.data) in problem.message
        assert saved_data_location() is None
        with pytest.raises(ValidationError, match="当前的数据位置"):
            desk_data.choose_data_folder(desk, admin, paths.data)

        desk_data.backup_now(desk, admin, empty)  # stands in for the folder copied by hand
        next(empty.glob("desk-backup-*.sqlite3")).rename(empty / "desk.sqlite3")
        chosen = desk_data.choose_data_folder(desk, admin, empty)
        assert chosen.saved == empty.resolve() and chosen.data == paths.data  # this run is unchanged
        assert location_file().parent == home / "xdg-config" / "mediation-desk"
        later = AppPaths.resolve()
        assert later.data == empty.resolve() and later.backups == empty.resolve() / "backups"
        assert later.config == paths.config  # the window's settings stay where they were
        assert desk_data.data_location(later).source == desk_data.SAVED
        assert audit_actions(desk)[-1] == "data.location"

        desk_data.choose_data_folder(desk, admin, None)
        assert saved_data_location() is None and AppPaths.resolve().data == paths.data
    finally:
        desk.close()


def test_only_the_director_moves_the_data(env: Env, tmp_path: Path) -> None:
    clerk = actor(env, "clerk1", "clerk")
    with pytest.raises(PermissionDenied, match=r"^记录员无权更改数据位置$"):
        desk_data.choose_data_folder(env.desk, clerk, tmp_path)
    assert audit_actions(env.desk)[-1] == "access.denied"


def test_a_damaged_desk_folder_is_refused(env: Env, tmp_path: Path) -> None:
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "desk.sqlite3").write_bytes(b"garbage" * 1000)
    with pytest.raises(ValidationError) as refused:
        desk_data.check_data_folder(folder, env.desk.paths)
    assert refused.value.problems[0].rule == "bad_desk_data"
    with pytest.raises(ValidationError, match="找不到文件夹"):
        desk_data.check_data_folder(tmp_path / "nowhere", env.desk.paths)
