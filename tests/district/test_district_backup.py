"""`backup` and `restore` of the district database: SQLite through the admin command while the real
server runs, PostgreSQL through pg_dump and psql as the README describes."""

from __future__ import annotations

import glob
import os
import shutil
import sqlite3
import stat
import subprocess
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from district_helpers import enroll, setup_district, statuses
from district_server import PG_ENV, DistrictServer, postgres_url

from mediation_desk.core import sync_contract as contract
from mediation_desk.district import admin_audit, cli, migrate
from mediation_desk.district.db import Database


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def rows(path: Path, sql: str, *params: object) -> list[tuple]:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def content(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture
def sqlite_district(tmp_path: Path):
    server = DistrictServer(f"sqlite:///{tmp_path / 'district.sqlite3'}", log_path=tmp_path / "server.log")
    with server:
        db = Database(server.database_url)
        try:
            setup_district(db)
        finally:
            db.dispose()
        yield server


def test_backup_while_serving_then_restore_sends_desks_back_to_the_start(sqlite_district, tmp_path):
    server = sqlite_district
    database = tmp_path / "district.sqlite3"
    desk = enroll(server, "XT-001")
    before = desk.new_case()
    assert statuses(desk.push([before])) == ["applied"]
    saved = tmp_path / "backups" / "district-1.sqlite3"
    saved.parent.mkdir()

    out = server.admin("backup", "--to", str(saved), "--by", "区信息科 王工", "--reason", "每日备份")
    assert str(saved) in out and mode(saved) == 0o600
    assert rows(saved, "PRAGMA integrity_check") == [("ok",)]
    assert rows(saved, "SELECT version_num FROM alembic_version") == [(migrate.head_revision(),)]
    assert [p.name for p in saved.parent.iterdir()] == [saved.name]  # no partial copy left behind
    db = Database(server.database_url)
    try:
        (entry,) = admin_audit.entries(db, action="backup")
    finally:
        db.dispose()
    assert (entry.actor, entry.target, entry.reason) == ("区信息科 王工", str(saved), "每日备份")
    assert entry.detail["sha256"] in out and entry.detail["feed_head"] >= 1

    after = desk.new_case()
    assert statuses(desk.push([after])) == ["applied"]
    held, cursor = desk.pull_all()
    assert {c["entity_id"] for c in held} >= {before["entity_id"], after["entity_id"]}

    out = server.admin("restore", "--from", str(saved), "--reason", "误删后恢复", "--yes", "--by", "区信息科 王工")
    (kept,) = tmp_path.glob("district.sqlite3.before-restore-*")
    assert str(kept) in out and mode(kept) == 0o600 and mode(database) == 0o600
    assert rows(kept, "SELECT count(*) FROM record WHERE entity_id = ?", after["entity_id"]) == [(1,)]

    # The server kept running: the desk's cursor is past the restored feed, so it starts over.
    with desk.http() as c:
        r = c.get(contract.PULL_PATH, params={"after": cursor})
    assert r.status_code == 409 and r.json()["error"]["code"] == contract.ERROR_CURSOR_AHEAD
    again, _ = desk.pull_all(0)
    ids = {c["entity_id"] for c in again}
    assert before["entity_id"] in ids and after["entity_id"] not in ids
    # What was pushed after the backup can be sent again, and is applied as new.
    assert statuses(desk.push([after])) == ["applied"]
    assert statuses(desk.push([before])) == ["duplicate"]
    db = Database(server.database_url)
    try:
        (entry,) = admin_audit.entries(db, action="restore")
        assert admin_audit.entries(db, action="backup") == []  # written after the copy was taken
    finally:
        db.dispose()
    assert (entry.actor, entry.target, entry.reason) == ("区信息科 王工", str(saved), "误删后恢复")
    assert entry.detail["kept"] == str(kept) and entry.detail["feed_head"] < entry.detail["feed_head_before"]


def _run(capsys: pytest.CaptureFixture[str], url: str, *args: str) -> tuple[int, str]:
    code = cli.main([*args, "--database-url", url])
    return code, capsys.readouterr().err


def _district_file(path: Path) -> str:
    url = f"sqlite:///{path}"
    db = Database(url)
    try:
        migrate.upgrade(db)
        setup_district(db)
    finally:
        db.dispose()
    return url


def test_backup_and_restore_refuse_bad_input(tmp_path, capsys):
    live = tmp_path / "district.sqlite3"
    url = _district_file(live)
    ok = tmp_path / "ok.sqlite3"
    assert _run(capsys, url, "backup", "--to", str(ok))[0] == cli.EXIT_OK

    def refused(*args: str, expect: str, database: str = url) -> None:
        code, err = _run(capsys, database, *args)
        assert code == cli.EXIT_REFUSED and expect in err, (args, err)
        assert err.startswith("错误：")

    missing = tmp_path / "nope.sqlite3"
    refused("backup", "--to", str(tmp_path / "b.sqlite3"), expect="数据库文件不存在", database=f"sqlite:///{missing}")
    assert not missing.exists()  # a typo in the URL makes no empty database
    refused("backup", "--to", str(ok), expect="已存在")
    refused("backup", "--to", str(live), expect="已存在")
    refused("backup", "--to", str(live), "--overwrite", expect="数据库以外")
    refused("backup", "--to", str(tmp_path / "no-such-dir" / "b.sqlite3"), expect="文件夹不存在")
    assert _run(capsys, url, "backup", "--to", str(ok), "--overwrite")[0] == cli.EXIT_OK
    original = content(live)
    pg = "postgresql://u:p@127.0.0.1/d"
    refused("backup", "--to", str(tmp_path / "pg.sql"), expect="pg_dump", database=pg)
    refused("restore", "--from", str(ok), "--reason", "r", "--yes", expect="pg_restore", database=pg)

    def restore_refused(source: Path, expect: str, *extra: str) -> None:
        refused("restore", "--from", str(source), "--reason", "测试", *(extra or ("--yes",)), expect=expect)

    restore_refused(tmp_path / "missing.sqlite3", "备份文件不存在")
    text = tmp_path / "notes.txt"
    text.write_text("不是数据库", encoding="utf-8")
    restore_refused(text, "不是 SQLite 数据库文件")
    desk_db = tmp_path / "desk.sqlite3"
    from mediation_desk.storage.migrate import upgrade as upgrade_desk

    upgrade_desk(desk_db, tmp_path / "desk-copies")
    restore_refused(desk_db, "工作台的数据库")
    other = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    restore_refused(other, "不是区服务器的数据库")
    newer = tmp_path / "newer.sqlite3"
    shutil.copy(ok, newer)
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.close()
    restore_refused(newer, "比本程序的")
    restore_refused(live, "当前数据库本身")
    restore_refused(ok, "加 --yes", "--by", "某人")  # no --yes and no terminal to ask on: no restore
    refused("restore", "--from", str(ok), "--reason", "   ", "--yes", expect="--reason")
    with pytest.raises(SystemExit):
        _run(capsys, url, "restore", "--from", str(ok), "--yes")  # argparse: --reason is required
    assert "--reason" in capsys.readouterr().err
    # Never over a desk's database, whatever the backup.
    refused("restore", "--from", str(ok), "--reason", "r", "--yes", expect="工作台", database=f"sqlite:///{desk_db}")

    assert content(live) == original
    assert not list(tmp_path.glob("*.before-restore-*"))


def test_a_damaged_backup_is_refused(tmp_path, capsys):
    url = _district_file(tmp_path / "district.sqlite3")
    ok = tmp_path / "ok.sqlite3"
    assert _run(capsys, url, "backup", "--to", str(ok))[0] == cli.EXIT_OK
    damaged = tmp_path / "damaged.sqlite3"
    data = bytearray(ok.read_bytes())
    page = 4096
    data[page * 2 : page * 4] = b"\xa5" * (page * 2)  # two pages of the schema's tables overwritten
    damaged.write_bytes(bytes(data))
    code, err = _run(capsys, url, "restore", "--from", str(damaged), "--reason", "测试", "--yes")
    assert code == cli.EXIT_REFUSED and ("已损坏" in err or "无法读取" in err), err


def test_restore_onto_a_machine_without_a_database(tmp_path, capsys):
    url = _district_file(tmp_path / "old" / "district.sqlite3")
    saved = tmp_path / "saved.sqlite3"
    assert _run(capsys, url, "backup", "--to", str(saved))[0] == cli.EXIT_OK
    fresh = tmp_path / "new" / "district.sqlite3"
    fresh.parent.mkdir()
    code, err = _run(capsys, f"sqlite:///{fresh}", "restore", "--from", str(saved), "--reason", "换服务器", "--yes")
    assert code == cli.EXIT_OK, err
    assert mode(fresh) == 0o600 and not list(fresh.parent.glob("*.before-restore-*"))
    assert rows(fresh, "SELECT count(*) FROM committee") == [(3,)]
    assert rows(fresh, "SELECT action FROM admin_audit WHERE action = 'restore'") == [("restore",)]


# -- PostgreSQL: the README's pg_dump / psql procedure -----------------------------------------
def _pg_tool(name: str) -> str:
    found = shutil.which(name) or next(iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)), None)
    if found is None:
        pytest.skip(f"{name} is not installed (PostgreSQL's client tools)")
    return found


def test_postgresql_dump_and_restore_keeps_the_feed(pg_schema_url, tmp_path):
    pg_dump, psql = _pg_tool("pg_dump"), _pg_tool("psql")
    libpq_url = os.environ[PG_ENV]
    (search_path,) = parse_qs(urlsplit(pg_schema_url).query)["options"]
    schema = search_path.removeprefix("-csearch_path=")
    server = DistrictServer(pg_schema_url, log_path=tmp_path / "server.log")
    with server:
        db = Database(pg_schema_url)
        try:
            setup_district(db)
        finally:
            db.dispose()
        desk = enroll(server, "XT-001")
        cases = [desk.new_case() for _ in range(3)]
        assert statuses(desk.push(cases)) == ["applied"] * 3
        held, cursor = desk.pull_all()

    dump = tmp_path / "district.sql"
    subprocess.run(
        [pg_dump, "--dbname", libpq_url, "--schema", schema, "--no-owner", "--no-privileges", "--file", str(dump)],
        check=True,
        timeout=300,
    )
    assert f"CREATE SCHEMA {schema}" in dump.read_text(encoding="utf-8")
    from sqlalchemy import create_engine, text

    engine = create_engine(postgres_url(libpq_url), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    finally:
        engine.dispose()

    subprocess.run(
        [psql, "--dbname", libpq_url, "--quiet", "--no-psqlrc", "-v", "ON_ERROR_STOP=1", "-1", "--file", str(dump)],
        check=True,
        timeout=300,
        stdout=subprocess.DEVNULL,
    )
    with server:
        again, cursor_again = desk.pull_all()
        assert again == held and cursor_again == cursor
        more = desk.new_case()
        assert statuses(desk.push([more])) == ["applied"]
        with desk.http() as c:
            page = c.get(contract.PULL_PATH, params={"after": cursor}).json()
        assert [ch["seq"] for ch in page["changes"]] == [cursor + 1]  # the feed goes on without a gap
        assert statuses(desk.push(cases)) == ["duplicate"] * 3
        assert httpx.get(f"{server.url}{contract.HEALTH_PATH}", timeout=30).json() == {"status": "ok"}
