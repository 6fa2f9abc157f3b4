"""`mediation-desk protect`: a desk upgraded from the unencrypted schema is encrypted from the
command line, with the recovery key printed once; before that, writes are refused with a hint."""

from __future__ import annotations

import io
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from mediation_desk.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
OLD_PASSWORD = "Xietang-2025!"  # the operator password inside the committed fixture
INTAKE = {
    "dispute_type": "neighbour",
    "brief_facts": "两家因围墙发生争执",
    "parties": [{"name": "王永年", "phone": "13812345678"}],
}


def cli(capsys: pytest.CaptureFixture[str], data_dir: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def old_desk(tmp_path: Path) -> Path:
    data_dir = tmp_path / "desk"
    data_dir.mkdir()
    shutil.copy(FIXTURES / "desk-schema-0001.sqlite3", data_dir / "desk.sqlite3")
    return data_dir


def test_protect_from_the_command_line(old_desk: Path, capsys, monkeypatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(INTAKE, ensure_ascii=False)))
    code, _, err = cli(capsys, old_desk, "case", "add", "--json", "-")
    assert code == 2 and "mediation-desk protect" in err  # not yet encrypted: told what to do

    monkeypatch.setenv("MEDIATION_DESK_PASSWORD", "wrong-password-1")
    code, _, err = cli(capsys, old_desk, "protect")
    assert code == 2 and "密码" in err
    code, out, _ = cli(capsys, old_desk, "lock-status", "--json")
    assert json.loads(out)["needs_protection"] is True  # a wrong password changed nothing

    monkeypatch.setenv("MEDIATION_DESK_PASSWORD", OLD_PASSWORD)
    code, out, err = cli(capsys, old_desk, "protect", "--json")
    assert code == 0, err
    recovery = json.loads(out)["recovery_key"]
    assert len(recovery.replace("-", "")) == 32 and recovery in err  # printed once, prominently

    code, out, _ = cli(capsys, old_desk, "protect", "--json")
    assert code == 0 and json.loads(out)["changed"] is False

    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(INTAKE, ensure_ascii=False)))
    code, out, err = cli(capsys, old_desk, "case", "add", "--json", "-")
    assert code == 0, err
    raw = b"".join(p.read_bytes() for p in old_desk.glob("desk.sqlite3*"))
    assert b"13812345678" not in raw


def test_only_those_the_role_table_lets_may_protect(old_desk: Path, capsys, monkeypatch) -> None:
    """`desk.protect` is the 主任's: a 记录员 who logs in correctly is refused, the refusal is audited,
    and the desk stays as it was (still to be protected)."""
    monkeypatch.setenv("MEDIATION_DESK_PASSWORD", OLD_PASSWORD)
    monkeypatch.setenv("MEDIATION_DESK_NEW_PASSWORD", "Jinxiaoyan-2027")
    code, _, err = cli(
        capsys, old_desk, "operator", "add", "--username", "jinxy", "--name", "金晓燕", "--role", "clerk"
    )
    assert code == 0, err
    monkeypatch.setenv("MEDIATION_DESK_PASSWORD", "Jinxiaoyan-2027")
    code, _, err = cli(capsys, old_desk, "--as", "jinxy", "protect")
    assert code == 2 and "记录员无权加密保护旧版本升级来的本机数据" in err
    code, out, _ = cli(capsys, old_desk, "lock-status", "--json")
    assert json.loads(out)["needs_protection"] is True and json.loads(out)["key_wraps"] == 0
    with sqlite3.connect(old_desk / "desk.sqlite3") as db:
        last = db.execute("SELECT action, actor_name, detail FROM audit_record ORDER BY seq DESC LIMIT 1").fetchone()
    assert (last[0], last[1], json.loads(last[2])["refused_action"]) == ("access.denied", "jinxy", "desk.protect")
