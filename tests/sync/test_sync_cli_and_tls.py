"""`mediation-desk enroll` and `mediation-desk sync` (round, --status, --conflicts, --resolve),
and TLS: a self-signed district is refused until its CA file is given."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import trustme
from district_server import DistrictServer
from service_helpers import Env, case_row, mediating_case
from sync_helpers import (
    FAST,
    ROOT,
    issue_code,
    prepare_district,
    restored_desk_declines,
    run_sync,
    server_cases,
    sync,
)

from mediation_desk.cli import main
from mediation_desk.mediation import states
from mediation_desk.sync import api


def cli(env: Env, *args: str) -> int:
    return main(["--data-dir", str(env.root), *args])


def test_enroll_and_sync_from_the_command_line(district, desk_a: Env, capsys) -> None:
    code = issue_code(district, committee_code="XT-001")
    assert cli(desk_a, "enroll", "--server", district.url, "--code", code, "--json") == 0
    enrolled = json.loads(capsys.readouterr().out)
    assert (enrolled["scope"], enrolled["committee_code"]) == ("committee", "XT-001")
    assert enrolled["token_in_keyring"] is True
    case_id = mediating_case(desk_a)
    assert cli(desk_a, "sync", "--json") == 0
    report = json.loads(capsys.readouterr().out)
    assert report["online"] and report["pending"] == 0 and report["applied"] == report["pushed"] > 0
    assert server_cases(district, "XT-001")[case_id] == states.IN_MEDIATION
    assert cli(desk_a, "sync", "--status") == 0
    shown = capsys.readouterr().out
    assert district.url in shown and "待推送 0 条" in shown and "系统钥匙串" in shown


def test_bad_enrollment_input_is_named(district, desk_a: Env, capsys) -> None:
    assert cli(desk_a, "enroll", "--server", district.url, "--code", "NOPE-NOPE-NOPE") == 2
    assert "错误 code [enrollment_code_unknown]" in capsys.readouterr().err
    assert cli(desk_a, "enroll", "--server", "sync.example.gov.cn", "--code", "X") == 2
    assert "错误 server_url [url_format]" in capsys.readouterr().err
    assert cli(desk_a, "enroll", "--server", district.url, "--code", "X", "--ca-bundle", "/nonexistent.pem") == 2
    assert "错误 ca_bundle [file_missing]" in capsys.readouterr().err
    assert cli(desk_a, "sync") == 2
    assert "尚未登记" in capsys.readouterr().err


def test_conflicts_are_listed_and_resolved_from_the_command_line(district, desk_a: Env, tmp_path, capsys) -> None:
    case_id = restored_desk_declines(district, desk_a, tmp_path)
    assert cli(desk_a, "sync") == 1  # done, but a change of this desk was not accepted
    assert "冲突 1" in capsys.readouterr().out
    assert cli(desk_a, "sync", "--conflicts") == 0
    listed = capsys.readouterr().out
    assert "与区里的记录冲突" in listed and case_row(desk_a.desk, case_id).number in listed
    [issue] = api.list_issues(desk_a.desk, desk_a.admin)
    assert cli(desk_a, "sync", "--resolve", issue.id[:8]) == 2
    assert "错误 choice [required]" in capsys.readouterr().err
    assert cli(desk_a, "sync", "--resolve", "zzzzzzzz", "--choice", "keep_server") == 2
    assert "issue_unknown" in capsys.readouterr().err
    assert cli(desk_a, "sync", "--resolve", issue.id[:8], "--choice", "keep_server") == 0
    assert "已处理" in capsys.readouterr().out
    assert cli(desk_a, "sync", "--conflicts", "--json") == 0
    assert json.loads(capsys.readouterr().out) == {"issues": []}


@pytest.mark.slow
def test_without_a_keyring_the_command_line_takes_the_token_from_the_environment(district, desk_a: Env) -> None:
    code = issue_code(district, committee_code="XT-001")
    env = {k: v for k, v in os.environ.items() if k not in ("MEDIATION_DESK_DEVICE_TOKEN", "MEDIATION_DESK_PASSWORD")}
    env.update(
        {
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
            "MEDIATION_DESK_NO_GUI": "1",
            "PYTHONPATH": str(ROOT),
        }
    )
    enrolled = subprocess.run(
        [
            sys.executable,
            "-m",
            "mediation_desk",
            "--data-dir",
            str(desk_a.root),
            "enroll",
            "--server",
            district.url,
            "--code",
            code,
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert enrolled.returncode == 0, enrolled.stderr
    assert "没有安全的系统钥匙串" in enrolled.stdout and "设备令牌（只显示这一次" in enrolled.stderr
    token = enrolled.stderr.split("设备令牌（只显示这一次，请抄下妥善保管）：")[1].split()[0]
    refused = subprocess.run(
        [sys.executable, "-m", "mediation_desk", "--data-dir", str(desk_a.root), "sync"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert refused.returncode == 2 and "MEDIATION_DESK_DEVICE_TOKEN" in refused.stderr
    done = subprocess.run(
        [sys.executable, "-m", "mediation_desk", "--data-dir", str(desk_a.root), "sync", "--json"],
        capture_output=True,
        text=True,
        env={**env, "MEDIATION_DESK_DEVICE_TOKEN": token},
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["online"] is True


# ------------------------------------------------------------------ TLS


@pytest.fixture
def tls_district(district_database_url: str, tmp_path: Path):
    ca = trustme.CA()
    issued = ca.issue_cert("127.0.0.1", "localhost")
    key, chain, ca_file = tmp_path / "server.key", tmp_path / "server.pem", tmp_path / "district-ca.pem"
    issued.private_key_pem.write_to_path(str(key))
    chain.write_bytes(b"".join(blob.bytes() for blob in issued.cert_chain_pems))
    ca.cert_pem.write_to_path(str(ca_file))
    server = DistrictServer(district_database_url, tls_cert=chain, tls_key=key, log_path=tmp_path / "tls.log")
    server.start()
    try:
        prepare_district(server)
        yield server, ca_file
    finally:
        server.stop()


def test_a_self_signed_district_needs_its_ca_file(tls_district, desk_a: Env, tmp_path) -> None:
    server, ca_file = tls_district
    assert server.url.startswith("https://")
    code = issue_code(server, committee_code="XT-001")
    with pytest.raises(api.TlsFailure, match="证书无法验证"):
        api.enroll(desk_a.desk, desk_a.admin, server.url, code, options=FAST)
    stranger = tmp_path / "other-ca.pem"
    trustme.CA().cert_pem.write_to_path(str(stranger))
    with pytest.raises(api.TlsFailure):
        api.enroll(desk_a.desk, desk_a.admin, server.url, code, ca_bundle=stranger, options=FAST)
    assert api.sync_status(desk_a.desk).enrolled is False
    view = api.enroll(desk_a.desk, desk_a.admin, server.url, code, ca_bundle=ca_file, options=FAST)
    assert view.server_url == server.url
    case_id = mediating_case(desk_a)
    report = sync(desk_a)  # the CA given at enrollment is kept for every later round
    assert report.online and report.pending == 0
    assert server_cases(server, "XT-001")[case_id] == states.IN_MEDIATION
    assert run_sync(desk_a).returncode == 0  # and by the command line, in its own process
