"""Case files sealed at rest with the server's keys: the key file, sealing and opening, what lies in
the database (the raw SQLite file, PostgreSQL's column), old plain rows sealed at start, rotation
by the admin command, and the database files readable by their owner only."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from district_helpers import TOWN_A, enroll, new_id, statuses
from district_server import KEY_FILE_ENV, ROOT, DistrictServer, _child_env
from sqlalchemy import select, text

from mediation_desk.core import sync_contract as contract
from mediation_desk.district import admin_audit, server_key
from mediation_desk.district.db import Database
from mediation_desk.district.models import CaseFile, Committee, Record

FAKE_ID = "330604199912120034"  # a recognisable (made-up) ID number
FAKE_NAME = "柯晓岚"
POSIX = os.name == "posix"


def _file(cid: str) -> dict:
    return {
        "case_id": cid,
        "parties": [{"name": FAKE_NAME, "id_number": FAKE_ID, "phone": "13912345678"}],
        "brief_facts": "两家因宅基地边界的围墙高度发生争执",
    }


def _key_file(server: DistrictServer) -> Path:
    path = server.key_file or server_key.default_key_file(server.database_url)
    assert path is not None
    return path


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    """`mediation-desk-district ARGS` with no key file named by the environment."""
    env = {k: v for k, v in _child_env().items() if k != KEY_FILE_ENV}
    cmd = [sys.executable, "-m", "mediation_desk.district.cli", *args]
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False)


def _escalated_case(desk) -> str:
    case = desk.new_case()
    cid = case["entity_id"]
    assert statuses(desk.push([case, desk.move(cid, "accepted", "escalated", escalate_to="town")])) == ["applied"] * 2
    return cid


def _raw_bytes(database_url: str) -> bytes:
    """The SQLite database as it lies on disk: the file, its WAL and its shared memory."""
    path = database_url.removeprefix("sqlite:///")
    return b"".join(Path(p).read_bytes() for p in (path, f"{path}-wal", f"{path}-shm") if Path(p).exists())


def _stored_text(db: Database) -> str:
    """Every case_file row as PostgreSQL renders it, every column included."""
    with db.read() as s:
        return "\n".join(s.scalars(text("SELECT t::text FROM case_file t")))


def _assert_not_stored(server: DistrictServer, db: Database) -> None:
    if server.database_url.startswith("sqlite"):
        raw = _raw_bytes(server.database_url)
        assert FAKE_ID.encode() not in raw and FAKE_NAME.encode() not in raw
    else:
        stored = _stored_text(db)
        assert stored and FAKE_ID not in stored and FAKE_NAME not in stored
    with db.read() as s:
        for row in s.scalars(select(CaseFile)):
            assert row.sealed and row.key_id and row.content is None
            assert FAKE_ID.encode() not in row.sealed


# -- the keys ----------------------------------------------------------------------------------------
def test_seal_and_open_bind_the_value_to_its_row(tmp_path):
    path = tmp_path / "server.key"
    key_id = server_key.write_new_key_file(path)
    keys = server_key.ServerKeys.from_file(path)
    got_id, sealed = keys.seal(b'{"id_number": "330604199912120034"}', "file-1")
    assert got_id == key_id == keys.current and FAKE_ID.encode() not in sealed
    assert keys.open(key_id, sealed, "file-1") == b'{"id_number": "330604199912120034"}'
    assert keys.seal(b"same", "file-1")[1] != keys.seal(b"same", "file-1")[1]  # a fresh nonce each time
    with pytest.raises(server_key.SealError, match="不属于这条记录"):
        keys.open(key_id, sealed, "file-2")  # moved to another row
    tampered = bytearray(sealed)
    tampered[-1] ^= 1
    with pytest.raises(server_key.SealError, match="改动"):
        keys.open(key_id, bytes(tampered), "file-1")
    with pytest.raises(server_key.SealError, match="no-such-key"):
        keys.open("no-such-key", sealed, "file-1")
    for broken in (b"", b"\x01short", b"\x02" + sealed[1:]):
        with pytest.raises(server_key.SealError, match="格式"):
            keys.open(key_id, broken, "file-1")
    assert keys.open_json(*keys.seal_json({"a": "乙"}, "f")[:2], "f") == {"a": "乙"}


def test_the_key_file_is_private_and_never_overwritten(tmp_path):
    path = tmp_path / "keys" / "server.key"
    first = server_key.write_new_key_file(path)
    doc = json.loads(path.read_text())
    assert doc["current"] == first and len(doc["keys"]) == 1
    if POSIX:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with pytest.raises(server_key.KeyFileError, match="不会覆盖"):
        server_key.write_new_key_file(path)
    assert json.loads(path.read_text()) == doc

    previous, new = server_key.add_current_key(path)
    doc = json.loads(path.read_text())
    assert previous == first and doc["current"] == new and set(doc["keys"]) == {first, new}
    assert [p.name for p in path.parent.iterdir()] == ["server.key"]  # no temporary file left
    if POSIX:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        path.chmod(0o644)
        with pytest.raises(server_key.KeyFileError, match=f"chmod 600 {path}"):
            server_key.ServerKeys.from_file(path)


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not json",
        b"[]",
        b'{"current": "a", "keys": {}}',
        b'{"current": "a", "keys": {"a": "c2hvcnQ="}}',  # 5 bytes, not 32
        b'{"current": "a", "keys": {"a": "!!!"}}',
        b'{"current": "a b", "keys": {"a b": "' + b"A" * 43 + b'="}}',
    ],
)
def test_a_bad_key_file_is_refused_clearly(tmp_path, content):
    path = tmp_path / "server.key"
    path.write_bytes(content)
    path.chmod(0o600)
    with pytest.raises(server_key.KeyFileError, match="不是有效的密钥文件"):
        server_key.ServerKeys.from_file(path)
    with pytest.raises(server_key.KeyFileError, match="不存在"):
        server_key.ServerKeys.from_file(tmp_path / "missing.key")


def test_a_running_server_takes_up_a_rotated_key_file(tmp_path):
    path = tmp_path / "server.key"
    server_key.write_new_key_file(path)
    server_side = server_key.ServerKeys.from_file(path)
    old_id, sealed_before = server_side.seal(b"before", "f1")
    # Another process (the admin command) rotates and re-seals a row under the new key.
    admin_side = server_key.ServerKeys.from_file(path)
    server_key.add_current_key(path)
    admin_side.refresh()
    new_id_, resealed = admin_side.seal(b"before", "f1")
    assert new_id_ != old_id
    assert server_side.open(new_id_, resealed, "f1") == b"before"  # unknown key: the file is read again
    assert server_side.seal(b"after", "f2")[0] == new_id_  # new files go under the new key
    assert server_side.open(old_id, sealed_before, "f1") == b"before"  # the old key is kept


def test_postgresql_needs_a_key_file_and_sqlite_has_one_beside_it(tmp_path):
    with pytest.raises(server_key.KeyFileError, match="key generate --key-file"):
        server_key.key_file_for("postgresql+psycopg://u:p@h/d", None)
    given = tmp_path / "k.key"
    assert server_key.key_file_for("postgresql+psycopg://u:p@h/d", given) == given
    assert server_key.key_file_for(f"sqlite:///{tmp_path / 'd.sqlite3'}", None) == tmp_path / "d.sqlite3.key"


def test_serve_on_postgresql_without_a_key_file_refuses_to_start(pg_schema_url):
    done = _cli("serve", "--port", "0", "--database-url", pg_schema_url)
    assert done.returncode == 2
    assert "PostgreSQL" in done.stderr and "--key-file" in done.stderr and "key generate" in done.stderr
    assert "listening on" not in done.stderr


@pytest.mark.skipif(not POSIX, reason="file modes are POSIX")
def test_serve_refuses_a_key_file_others_can_read(tmp_path):
    url = f"sqlite:///{tmp_path / 'district.sqlite3'}"
    key = tmp_path / "open.key"
    server_key.write_new_key_file(key)
    key.chmod(0o640)
    server = DistrictServer(url, log_path=tmp_path / "server.log", key_file=key)
    with pytest.raises(RuntimeError, match="exited with 2"):
        server.start()
    assert f"chmod 600 {key}" in server.log_tail()


# -- what lies in the database ---------------------------------------------------------------------
def test_a_case_file_is_not_readable_in_the_database(district, district_db):
    desk, town = enroll(district, "XT-001"), enroll(district, town=TOWN_A)
    cid = _escalated_case(desk)
    assert statuses(desk.push([desk.op("case_file", cid, "append", _file(cid))])) == ["applied"]
    with town.http() as c:
        [stored] = c.get(contract.town_case_path(cid)).json()["case_files"]
    assert stored["content"] == _file(cid)
    _assert_not_stored(district, district_db)
    keys = server_key.ServerKeys.from_file(_key_file(district))
    with district_db.read() as s:
        row = s.scalar(select(CaseFile))
        assert row is not None and row.key_id == keys.current and row.size_bytes == stored["size_bytes"]
        assert keys.open_json(row.key_id, row.sealed, row.id) == _file(cid)


def test_plain_case_files_from_before_sealing_are_sealed_at_start(district, district_db):
    desk, town = enroll(district, "XT-001"), enroll(district, town=TOWN_A)
    cid = _escalated_case(desk)
    district.stop()
    with district_db.write() as s:  # as a server from before sealing stored it
        rec = s.get(Record, ("case", cid))
        committee = s.scalar(select(Committee).where(Committee.code == "XT-001"))
        assert rec is not None and committee is not None
        s.add(
            CaseFile(
                id=new_id(),
                op_id=new_id(),
                case_id=cid,
                committee_id=committee.id,
                town_id=rec.town_id,
                content=_file(cid),
                hlc="0001764336000000-0000-legacy",
                device_id=desk.device_id,
            )
        )
    district_db.dispose()
    if district.database_url.startswith("sqlite"):
        assert FAKE_ID.encode() in _raw_bytes(district.database_url)  # what the test looks for is findable
    else:
        assert FAKE_ID in _stored_text(district_db)

    district.start()
    _assert_not_stored(district, district_db)
    [entry] = admin_audit.entries(district_db, action="case_file.seal")
    assert entry.actor == admin_audit.SERVER and len(entry.detail["case_file_ids"]) == 1
    with town.http() as c:
        [stored] = c.get(contract.town_case_path(cid)).json()["case_files"]
    assert stored["content"] == _file(cid)
    district.restart()  # nothing left to seal: no second entry
    assert len(admin_audit.entries(district_db, action="case_file.seal")) == 1


def test_every_instance_must_hold_the_key_of_the_sealed_files(district, tmp_path):
    desk = enroll(district, "XT-001")
    cid = _escalated_case(desk)
    assert statuses(desk.push([desk.op("case_file", cid, "append", _file(cid))])) == ["applied"]
    other_key = tmp_path / "other.key"
    server_key.write_new_key_file(other_key)
    second = DistrictServer(district.database_url, log_path=tmp_path / "second.log", key_file=other_key)
    with pytest.raises(RuntimeError, match="exited with 2"):
        second.start()
    assert "同一个密钥文件" in second.log_tail()
    assert district.admin("key", "generate", "--key-file", str(tmp_path / "new.key"), check=False) == ""
    assert not (tmp_path / "new.key").exists()  # a database with sealed files keeps its key


# -- rotation -------------------------------------------------------------------------------------------
def _key_ids(db: Database) -> set[str | None]:
    with db.read() as s:
        return set(s.scalars(select(CaseFile.key_id)))


def test_key_rotate_reseals_every_file_and_resumes(district, district_db):
    desk, town = enroll(district, "XT-001"), enroll(district, town=TOWN_A)
    cid = _escalated_case(desk)
    files = [desk.op("case_file", cid, "append", {**_file(cid), "n": n}) for n in range(5)]
    assert statuses(desk.push(files)) == ["applied"] * 5
    path = _key_file(district)
    first = json.loads(path.read_text())["current"]
    assert _key_ids(district_db) == {first}

    refused = district.admin("key", "rotate", check=False)
    assert refused == "" and json.loads(path.read_text())["current"] == first  # no --reason: nothing done

    out = district.admin("key", "rotate", "--reason", "年度例行轮换", "--by", "区信息科王工", "--batch", "2")
    doc = json.loads(path.read_text())
    second = doc["current"]
    assert second != first and set(doc["keys"]) == {first, second} and "重新加密了 5 份卷宗" in out
    assert _key_ids(district_db) == {second}
    _assert_not_stored(district, district_db)
    [entry] = admin_audit.entries(district_db, action="key.rotate")
    assert (entry.actor, entry.reason, entry.target) == ("区信息科王工", "年度例行轮换", second)
    assert entry.detail["previous_key_id"] == first and entry.detail["resumed"] is False

    # The running server reads the rotated file: old files open, new ones go under the new key.
    later = desk.op("case_file", cid, "append", {**_file(cid), "n": 5})
    assert statuses(desk.push([later])) == ["applied"]
    assert _key_ids(district_db) == {second}
    with town.http() as c:
        page = c.get(contract.town_case_path(cid), params={"files_limit": 10}).json()
    assert sorted(f["content"]["n"] for f in page["case_files"]) == list(range(6))

    # Interrupted after the file gained its new key, before any file was re-sealed: run it again.
    _previous, third = server_key.add_current_key(path)
    out = district.admin("key", "rotate", "--reason", "继续上次的轮换")
    assert "重新加密了 6 份卷宗" in out and json.loads(path.read_text())["current"] == third
    assert len(json.loads(path.read_text())["keys"]) == 3  # resumed: no fourth key
    assert _key_ids(district_db) == {third}
    assert admin_audit.entries(district_db, action="key.rotate")[0].detail["resumed"] is True
    with town.http() as c:
        assert len(c.get(contract.town_case_path(cid), params={"files_limit": 10}).json()["case_files"]) == 6


def test_key_generate_is_audited_and_refuses_to_overwrite(district_database_url, tmp_path):
    server = DistrictServer(district_database_url)  # never started
    key = tmp_path / "fresh.key"
    server.admin("key", "generate", "--key-file", str(key), "--by", "区信息科王工", "--reason", "新装服务器")
    doc = json.loads(key.read_text())
    if POSIX:
        assert stat.S_IMODE(key.stat().st_mode) == 0o600
    before = key.read_bytes()
    done = _cli("key", "generate", "--key-file", str(key), "--database-url", district_database_url)
    assert done.returncode == 2 and "不会覆盖" in done.stderr and key.read_bytes() == before
    db = Database(district_database_url)
    try:
        [entry] = admin_audit.entries(db, action="key.generate")
        assert (entry.actor, entry.reason, entry.target) == ("区信息科王工", "新装服务器", doc["current"])
        assert not any(material in json.dumps(entry.detail) for material in doc["keys"].values())
    finally:
        db.dispose()


# -- database files --------------------------------------------------------------------------------
@pytest.mark.skipif(not POSIX, reason="file modes are POSIX")
def test_sqlite_files_are_readable_by_their_owner_only(tmp_path, caplog):
    old_umask = os.umask(0o022)
    try:
        url = f"sqlite:///{tmp_path / 'district.sqlite3'}"
        with DistrictServer(url, log_path=tmp_path / "server.log") as server:
            server.admin("town", "add", TOWN_A)
            for name in ("district.sqlite3", "district.sqlite3-wal", "district.sqlite3-shm", "district.sqlite3.key"):
                assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600, name

        loose = tmp_path / "old.sqlite3"  # made by an earlier version, open to everyone
        Database(f"sqlite:///{loose}").dispose()
        loose.chmod(0o644)
        with caplog.at_level("WARNING", logger="mediation_desk.district.db"):
            Database(f"sqlite:///{loose}").dispose()
        assert stat.S_IMODE(loose.stat().st_mode) == 0o600
        assert "open to other users (644): now 600" in caplog.text
    finally:
        os.umask(old_umask)
