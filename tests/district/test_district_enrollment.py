"""Enrollment, tokens, health and the admin commands, against the real server on 127.0.0.1."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest
from district_helpers import TOWN_A, enroll
from district_server import DistrictServer

from mediation_desk.core import sync_contract as contract
from mediation_desk.district import admin, cli, credentials
from mediation_desk.district.db import Database
from mediation_desk.storage.base import utcnow


def _enroll(server: DistrictServer, code: str, **extra: object) -> httpx.Response:
    return httpx.post(f"{server.url}{contract.ENROLL_PATH}", json={"code": code, **extra}, timeout=30)


def test_health_says_only_whether_it_serves(district_server):
    r = httpx.get(f"{district_server.url}{contract.HEALTH_PATH}")
    assert r.status_code == 200 and r.json() == {"status": "ok"}
    assert "version" not in r.text and "server" not in {k.lower() for k in r.headers}  # no "server: uvicorn"
    # No documentation and no schema to probe unless the district turns them on.
    for path in ("/docs", "/redoc", "/openapi.json"):
        assert httpx.get(f"{district_server.url}{path}").status_code == 404, path


def test_the_openapi_document_describes_every_endpoint_and_the_op(tmp_path):
    from mediation_desk.district.api import create_app
    from mediation_desk.district.config import ServerConfig

    schema = create_app(f"sqlite:///{tmp_path / 'd.sqlite3'}", ServerConfig(docs=True)).openapi()
    for path in (
        contract.ENROLL_PATH,
        contract.PUSH_PATH,
        contract.PULL_PATH,
        contract.REFERENCE_PATH,
        contract.TOWN_CASES_PATH,
        contract.take_over_path("{case_id}"),
    ):
        assert path in schema["paths"], path
    components = schema["components"]["schemas"]
    push_body = schema["paths"][contract.PUSH_PATH]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert push_body == {"$ref": "#/components/schemas/PushBody"}
    assert components["PushBody"]["properties"]["ops"]["maxItems"] == contract.MAX_PUSH_BATCH
    op = components["OpBody"]["properties"]
    assert set(op) == {"op_id", "hlc", "entity", "entity_id", "kind", "payload"}
    assert op["hlc"]["pattern"] and op["op_id"]["pattern"]
    assert set(op["kind"]["enum"]) == {"create", "update", "transition", "append"}
    assert "EnrollBody" in components


def test_a_code_from_the_admin_command_enrolls_a_desk_once(district_server):
    district_server.add_committee("XT-001", "谢家塘村人民调解委员会", TOWN_A)
    code = district_server.issue_code(committee_code="XT-001")
    # Typed by a person: lower case, spaces instead of dashes.
    r = _enroll(district_server, code.lower().replace("-", " "), device_name="谢家塘村调解室 1 号席")
    assert r.status_code == 201, r.text
    answer = r.json()
    assert answer["scope"] == contract.SCOPE_COMMITTEE
    assert (answer["committee_code"], answer["town"]) == ("XT-001", TOWN_A)
    assert len(answer["token"]) >= 40
    with district_server.client(answer["token"]) as c:
        assert c.get(contract.PULL_PATH).status_code == 200

    again = _enroll(district_server, code)
    assert again.status_code == 409 and again.json()["error"]["code"] == contract.ERROR_CODE_USED
    listed = district_server.admin("device", "list")
    assert answer["device_id"] in listed and "谢家塘村调解室 1 号席" in listed and "active" in listed


def test_unknown_and_expired_codes_are_refused(district, district_db):
    r = _enroll(district, "AAAA-BBBB-CCCC")
    assert r.status_code == 400
    assert r.json()["error"] == {
        "code": contract.ERROR_CODE_UNKNOWN,
        "message": r.json()["error"]["message"],
        "field": "code",
    }
    long_ago = utcnow() - dt.timedelta(hours=100)
    expired = admin.issue_code(district_db, committee_code="XT-001", expires_hours=72, now=long_ago)
    r = _enroll(district, expired)
    assert r.status_code == 410 and r.json()["error"]["code"] == contract.ERROR_CODE_EXPIRED
    assert "过期" in r.json()["error"]["message"]


def test_the_server_keeps_only_hashes_of_codes_and_tokens(district, district_db, tmp_path):
    code = admin.issue_code(district_db, committee_code="XT-001")
    token = _enroll(district, code).json()["token"]
    from sqlalchemy import select

    from mediation_desk.district.models import Device, EnrollmentCode

    with district_db.read() as s:
        hashes = list(s.scalars(select(EnrollmentCode.code_hash))) + list(s.scalars(select(Device.token_hash)))
    assert credentials.code_hash(code) in hashes and credentials.token_hash(token) in hashes
    assert code not in hashes and token not in hashes
    if district.database_url.startswith("sqlite"):
        raw = open(district.database_url.removeprefix("sqlite:///"), "rb").read()
        assert token.encode() not in raw and credentials.normalize_code(code).encode() not in raw


def test_bad_tokens_and_a_revoked_device_get_401(district):
    desk = enroll(district, "XT-001")
    for headers in (
        {},
        {"Authorization": "Bearer not-a-token"},
        {"Authorization": "Basic abc"},
        {"Authorization": "Bearer " + "x" * 500},
    ):
        r = httpx.get(f"{district.url}{contract.PULL_PATH}", headers=headers)
        assert r.status_code == 401 and r.json()["error"]["code"] == contract.ERROR_TOKEN_INVALID
    assert "已撤销" in district.admin("device", "revoke", desk.device_id, "--reason", "设备遗失")
    with desk.http() as c:
        for r in (
            c.get(contract.PULL_PATH),
            c.post(contract.PUSH_PATH, json={"ops": []}),
            c.get(contract.REFERENCE_PATH),
        ):
            assert r.status_code == 401 and r.json()["error"]["code"] == contract.ERROR_DEVICE_REVOKED
    assert "此前已撤销" in district.admin("device", "revoke", desk.device_id, "--reason", "设备遗失")
    assert "revoked" in district.admin("device", "list")


def test_a_town_code_enrolls_a_town_device(district):
    desk = enroll(district, town=TOWN_A)
    assert desk.enrollment["scope"] == contract.SCOPE_TOWN
    assert desk.enrollment["committee_code"] is None and desk.enrollment["town"] == TOWN_A


@pytest.mark.parametrize(
    "body, field",
    [
        ({}, "code"),
        ({"code": 12345}, "code"),
        ({"code": "x" * 65}, "code"),
        ({"code": "AAAA-BBBB-CCCC", "device_name": "名" * 201}, "device_name"),
    ],
)
def test_bad_enrollment_requests(district_server, body, field):
    r = httpx.post(f"{district_server.url}{contract.ENROLL_PATH}", json=body)
    assert r.status_code == 400
    error = r.json()["error"]
    assert error["code"] == contract.ERROR_BAD_REQUEST and error["field"] == field and field in error["message"]


def test_malformed_json_and_unknown_paths(district_server):
    r = httpx.post(
        f"{district_server.url}{contract.ENROLL_PATH}",
        content=b'{"code": ',
        headers={"Content-Type": "application/json"},
    )
    assert r.status_code == 400 and r.json()["error"]["code"] == contract.ERROR_BAD_REQUEST
    assert "JSON" in r.json()["error"]["message"]
    r = httpx.get(f"{district_server.url}/api/v1/nothing-here")
    assert r.status_code == 404 and r.json()["error"]["code"] == contract.ERROR_NOT_FOUND
    r = httpx.delete(f"{district_server.url}{contract.ENROLL_PATH}")
    assert r.status_code == 405 and "error" in r.json()


def test_admin_commands_refuse_bad_input(district_database_url, capsys):
    out: list[str] = []

    def run(*args: str) -> tuple[int, str]:
        code = cli.main([*args, "--database-url", district_database_url])
        captured = capsys.readouterr()
        out.append(captured.out)
        return code, captured.err

    assert run("town", "add", TOWN_A)[0] == cli.EXIT_OK
    assert run("town", "add", TOWN_A) == (cli.EXIT_REFUSED, f"错误：镇（街道）“{TOWN_A}”已存在\n")
    assert run("town", "add", "  ")[0] == cli.EXIT_REFUSED
    code, err = run("committee", "add", "--town", "没有这个镇", "--code", "X-1", "--name", "某村")
    assert code == cli.EXIT_REFUSED and "没有这个镇" in err and "town add" in err
    assert run("committee", "add", "--town", TOWN_A, "--code", "XT-001", "--name", "谢家塘村人民调解委员会")[0] == 0
    code, err = run("committee", "add", "--town", TOWN_A, "--code", "XT-001", "--name", "另一个")
    assert code == cli.EXIT_REFUSED and "已被使用" in err
    code, err = run("enroll-code", "issue", "--committee", "NOPE", "--reason", "新装")
    assert code == cli.EXIT_REFUSED and "NOPE" in err
    for hours in ("0", "-1", "100000"):
        code, err = run("enroll-code", "issue", "--committee", "XT-001", "--expires-hours", hours, "--reason", "新装")
        assert code == cli.EXIT_REFUSED and "有效期" in err
    code, err = run("device", "revoke", "no-such-device", "--reason", "设备遗失")
    assert code == cli.EXIT_REFUSED and "no-such-device" in err
    with pytest.raises(SystemExit):  # argparse: one of --committee / --town, not both
        run("enroll-code", "issue", "--committee", "XT-001", "--town", TOWN_A, "--reason", "新装")
    assert run("committee", "list")[0] == cli.EXIT_OK
    assert out[-1] == f"XT-001\t谢家塘村人民调解委员会\t{TOWN_A}\n"


def test_no_database_url_is_a_clear_refusal(monkeypatch):
    monkeypatch.delenv(cli.DB_ENV, raising=False)
    assert cli.main(["town", "list"]) == cli.EXIT_REFUSED
    assert cli.main(["town", "list", "--database-url", "sqlite://"]) == cli.EXIT_REFUSED
    assert cli.main(["town", "list", "--database-url", "mysql://x/y"]) == cli.EXIT_REFUSED


def test_codes_are_readable_and_tolerant_of_typos():
    code = credentials.new_code()
    assert len(code) == 14 and code.count("-") == 2
    assert credentials.code_hash(code) == credentials.code_hash(f"  {code.lower()} ")
    assert credentials.normalize_code("abcd-efgh-ijkl") == credentials.normalize_code("ABCD EFGH 1JK1")
    assert credentials.code_hash("O0") == credentials.code_hash("00")
    assert Database  # the module is importable without a server
