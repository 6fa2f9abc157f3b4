"""HTTPS with a certificate made here, the schema migrations, and logs that never carry what
desks send."""

from __future__ import annotations

import datetime as dt
import ipaddress
import ssl
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from district_helpers import TOWN_A, enroll, new_id
from district_server import DistrictServer

from mediation_desk.core import sync_contract as contract
from mediation_desk.district import admin, migrate
from mediation_desk.district.db import Database
from mediation_desk.district.errors import AdminError


def self_signed(folder: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "district.crt", folder / "district.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return cert_path, key_path


def test_https_with_a_self_signed_certificate(tmp_path):
    cert, key = self_signed(tmp_path)
    url = f"sqlite:///{tmp_path / 'district.sqlite3'}"
    with DistrictServer(url, log_path=tmp_path / "server.log", tls_cert=cert, tls_key=key) as server:
        assert server.url.startswith("https://")
        trusted = ssl.create_default_context(cafile=str(cert))
        r = httpx.get(f"{server.url}{contract.HEALTH_PATH}", verify=trusted)
        assert r.status_code == 200 and r.json()["status"] == "ok"
        with pytest.raises(httpx.HTTPError):  # an unknown certificate is not trusted by default
            httpx.get(f"{server.url}{contract.HEALTH_PATH}")
        with pytest.raises(httpx.HTTPError):  # and plain HTTP is not spoken on that port
            httpx.get(f"http://127.0.0.1:{server.port}{contract.HEALTH_PATH}")


def test_tls_needs_both_files(tmp_path):
    cert, _ = self_signed(tmp_path)
    from mediation_desk.district import cli

    url = f"sqlite:///{tmp_path / 'district.sqlite3'}"
    assert cli.main(["serve", "--database-url", url, "--tls-cert", str(cert)]) == cli.EXIT_REFUSED


def test_the_migrations_build_exactly_the_models(district_database_url):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from mediation_desk.district.models import Base

    db = Database(district_database_url)
    try:
        migrate.upgrade(db)
        migrate.upgrade(db)  # a second start finds the schema current
        with db.write_engine.connect() as conn:
            assert MigrationContext.configure(conn).get_current_revision() == migrate.head_revision()
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    finally:
        db.dispose()


def test_logs_carry_no_personal_data_or_payloads(district):
    desk, town = enroll(district, "XT-001"), enroll(district, town=TOWN_A)
    secrets = ["王永年", "330604195001010011", "13912345678", "东头第三户的围墙"]
    case = desk.new_case()
    cid = case["entity_id"]
    desk.push(
        [
            case,
            desk.move(cid, "accepted", "escalated", escalate_to="town"),
            desk.op(
                "case_file",
                cid,
                "append",
                {
                    "case_id": cid,
                    "parties": [{"name": secrets[0], "id_number": secrets[1], "phone": secrets[2]}],
                    "brief_facts": secrets[3],
                },
            ),
            desk.op("mediator", new_id(), "create", {"name": "谢阿根", "phone": secrets[2]}),  # rejected
            desk.new_case(note=secrets[3]),  # an unknown field: applied, not kept
        ]
    )
    with desk.http() as c:
        c.post(
            contract.PUSH_PATH,
            content=f'{{"ops": [{{"op_id": "{secrets[0]}"'.encode(),
            headers={"Content-Type": "application/json"},
        )
    with town.http() as c:
        assert c.get(contract.town_case_path(cid)).json()["case_files"][0]["content"]["brief_facts"] == secrets[3]
        c.post(contract.take_over_path(cid))
    log = district.log_tail(1_000_000)
    assert "push device=" in log and "taken over" in log
    for secret in secrets:
        assert secret not in log, secret


@pytest.mark.parametrize("url", ["sqlite://", "mysql://u:p@localhost/d"])
def test_unsupported_databases_are_refused(url, tmp_path):
    server = DistrictServer(url, log_path=tmp_path / "server.log")
    with pytest.raises(RuntimeError, match="exited"):
        server.start()
    assert "sqlite" in server.log_tail().lower()


def test_an_admin_command_on_a_fresh_database_prepares_it(district_database_url):
    server = DistrictServer(district_database_url)  # never started: the command migrates by itself
    server.admin("town", "add", TOWN_A)
    db = Database(district_database_url)
    try:
        assert admin.list_towns(db) == [TOWN_A]
        with pytest.raises(AdminError, match="已存在"):
            admin.add_town(db, TOWN_A)
    finally:
        db.dispose()
