"""The admin audit: every admin command records who, when and why with its effect, and
`audit list` shows it. Run through the command line in-process, on SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pytest
from district_helpers import TOWN_A
from sqlalchemy import func, select

from mediation_desk.district import admin, admin_audit, cli, credentials, enrollment
from mediation_desk.district.db import Database
from mediation_desk.district.models import AdminAudit, Device


@pytest.fixture
def run(district_database_url, capsys):
    """`mediation-desk-district ARGS` on the test database: (exit code, stdout, stderr)."""

    def _run(*args: str) -> tuple[int, str, str]:
        code = cli.main([*args, "--database-url", district_database_url])
        out = capsys.readouterr()
        return code, out.out, out.err

    return _run


@pytest.fixture
def db(district_database_url):
    database = Database(district_database_url)
    try:
        yield database
    finally:
        database.dispose()


def _rows(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(AdminAudit)) or 0)


def test_every_admin_command_leaves_its_entry(run, db):
    by = ["--by", "区信息科王工"]
    assert run("town", "add", TOWN_A, *by)[0] == cli.EXIT_OK
    assert (
        run("committee", "add", "--town", TOWN_A, "--code", "XT-001", "--name", "谢家塘村人民调解委员会", *by)[0] == 0
    )
    code, out, _err = run("enroll-code", "issue", "--committee", "XT-001", "--reason", "谢家塘村新电脑", *by)
    assert code == cli.EXIT_OK
    enroll_code = out.strip()
    device_id = enrollment.enroll(db, enroll_code, "谢家塘村调解室").device_id
    assert run("device", "revoke", device_id, "--reason", "电脑丢失，已报警", *by)[1] == "已撤销\n"
    assert run("setting", "set", "sync_interval_seconds", "600", "--reason", "减轻服务器负担", *by)[0] == 0
    assert run("setting", "set", "sync_interval_seconds", "900", "--reason", "再放宽些", *by)[0] == 0

    entries = list(reversed(admin_audit.entries(db)))
    assert [e.action for e in entries] == [
        "town.add",
        "committee.add",
        "enroll_code.issue",
        "device.revoke",
        "setting.set",
        "setting.set",
    ]
    assert {e.actor for e in entries} == {"区信息科王工"}
    town, committee, issued, revoked, first_set, second_set = entries
    assert town.target == TOWN_A and committee.target == "XT-001" and committee.detail["town"] == TOWN_A
    assert issued.target == "committee:XT-001" and issued.reason == "谢家塘村新电脑" and issued.detail["expires_at"]
    assert revoked.target == device_id and revoked.reason == "电脑丢失，已报警"
    assert first_set.detail == {"old": 300, "new": 600} and second_set.detail == {"old": 600, "new": 900}
    # Never the code itself, nor its hash.
    stored = json.dumps([(e.target, e.reason, e.detail) for e in entries], ensure_ascii=False)
    assert enroll_code not in stored and credentials.code_hash(enroll_code) not in stored
    with db.read() as s:
        device = s.get(Device, device_id)
        assert device is not None and device.revoked_at is not None
        assert (device.revoked_by, device.revoke_reason) == ("区信息科王工", "电脑丢失，已报警")

    # Revoking again changes nothing and records nothing.
    assert run("device", "revoke", device_id, "--reason", "再撤销一次")[1] == "此前已撤销\n"
    assert _rows(db) == 6

    code, out, _err = run("audit", "list")
    lines = out.splitlines()
    assert code == cli.EXIT_OK and len(lines) == 6
    newest = lines[0].split("\t")
    assert newest[1:] == ["区信息科王工", "setting.set", "sync_interval_seconds", "再放宽些"]
    assert any(line.split("\t")[2:] == ["device.revoke", device_id, "电脑丢失，已报警"] for line in lines)
    code, out, _err = run("audit", "list", "--action", "device.revoke")
    assert code == 0 and len(out.splitlines()) == 1 and device_id in out
    assert len(run("audit", "list", "--limit", "2")[1].splitlines()) == 2
    code, out, err = run("audit", "list", "--action", "nothing.like.this")
    assert code == 0 and out == "" and "没有" in err


def test_without_by_the_system_account_is_recorded(run, db):
    assert run("town", "add", TOWN_A)[0] == cli.EXIT_OK
    [entry] = admin_audit.entries(db)
    assert entry.actor == admin_audit.os_user() and entry.reason == ""
    admin.add_town(db, "丰惠镇", actor="测试", reason="单元测试")  # in-process callers say who they are
    assert admin_audit.entries(db, action="town.add")[0].actor == "测试"


@pytest.mark.parametrize(
    "args, says",
    [
        (("device", "revoke", "DEVICE"), "--reason"),
        (("setting", "set", "sync_interval_seconds", "600"), "--reason"),
        (("enroll-code", "issue", "--committee", "XT-001"), "--reason"),
        (("key", "rotate"), "--reason"),
        (("device", "revoke", "DEVICE", "--reason", "   "), "--reason"),
    ],
)
def test_a_change_that_needs_a_reason_is_refused_without_one(run, db, args, says):
    run("town", "add", TOWN_A)
    run("committee", "add", "--town", TOWN_A, "--code", "XT-001", "--name", "谢家塘村人民调解委员会")
    device_id = enrollment.enroll(db, admin.issue_code(db, committee_code="XT-001"), "调解室").device_id
    before = _rows(db)
    code, out, err = run(*[device_id if a == "DEVICE" else a for a in args])
    assert code == cli.EXIT_REFUSED and out == ""
    assert says in err and "原因" in err and err.startswith("错误：")
    assert _rows(db) == before  # nothing done, nothing recorded
    with db.read() as s:
        device = s.get(Device, device_id)
        assert device is not None and device.revoked_at is None


def test_bad_admin_input_is_refused_cleanly(run, db):
    run("town", "add", TOWN_A)
    before = _rows(db)
    cases = [
        (("device", "revoke", "no-such-device", "--reason", "丢失"), "no-such-device"),
        (("device", "revoke", "x" * 500, "--reason", "丢失"), "device list"),
        (("device", "revoke", "a\x01b", "--reason", "丢失"), "device list"),
        (("device", "revoke", "no-such-device", "--reason", "长" * 501), "最多 500 个字"),
        (("device", "revoke", "no-such-device", "--reason", "原因\x00"), "控制字符"),
        (("device", "revoke", "no-such-device", "--reason", "原因\udcff"), "控制字符"),
        (("town", "add", "某镇", "--by", "  "), "--by"),
        (("town", "add", "某镇", "--by", "人" * 101), "--by"),
        (("town", "add", "某\x00镇"), "控制字符"),
        (("setting", "set", "sync_interval_seconds", "NaN", "--reason", "试试"), "有限"),
        (("setting", "set", "sync_interval_seconds", "1e400", "--reason", "试试"), "有限"),
        (("setting", "set", "district_name", json.dumps("长" * 5000), "--reason", "试试"), "4096"),
        (("audit", "list", "--limit", "0"), "--limit"),
        (("audit", "list", "--limit", "100001"), "--limit"),
        (("audit", "list", "--action", "x" * 65), "--action"),
    ]
    for args, says in cases:
        code, out, err = run(*args)
        assert code == cli.EXIT_REFUSED and out == "", args
        assert says in err and err.startswith("错误："), (args, err)
    assert _rows(db) == before
    assert admin.list_towns(db) == [TOWN_A]
