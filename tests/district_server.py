"""The real district server in a subprocess, for tests on both sides of sync.

`DistrictServer` runs `python -m mediation_desk.district.cli serve` on a free 127.0.0.1 port and
waits for /health; `admin()` runs the admin commands against the same database. Fixtures:
`district_database_url` (a fresh SQLite file, or a fresh schema of the PostgreSQL database named by
MEDIATION_DESK_TEST_PG_URL) and `district_server` (started on it, stopped after the test)."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Self
from urllib.parse import quote

import httpx
import pytest

PG_ENV = "MEDIATION_DESK_TEST_PG_URL"
START_TIMEOUT_S = 60.0
ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class DistrictServer:
    """One district server process on 127.0.0.1; the port stays the same across restarts."""

    def __init__(self, database_url: str, *, log_path: Path | None = None, port: int | None = None,
                 tls_cert: Path | None = None, tls_key: Path | None = None) -> None:
        self.database_url = database_url
        self.port = port or free_port()
        self.tls_cert, self.tls_key = tls_cert, tls_key
        scheme = "https" if tls_cert else "http"
        self.url = f"{scheme}://127.0.0.1:{self.port}"
        self.log_path = log_path
        self.process: subprocess.Popen[bytes] | None = None
        self._log_file: Any = None

    # -- the server process --------------------------------------------------------------
    def command(self) -> list[str]:
        cmd = [sys.executable, "-m", "mediation_desk.district.cli", "serve", "--host", "127.0.0.1",
               "--port", str(self.port), "--database-url", self.database_url]
        if self.tls_cert and self.tls_key:
            cmd += ["--tls-cert", str(self.tls_cert), "--tls-key", str(self.tls_key)]
        return cmd

    def start(self) -> Self:
        if self.process is not None and self.process.poll() is None:
            return self
        self._log_file = open(self.log_path, "ab") if self.log_path else subprocess.DEVNULL  # noqa: SIM115
        self.process = subprocess.Popen(self.command(), cwd=ROOT, stdout=self._log_file,
                                        stderr=subprocess.STDOUT, env=_child_env())
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"district server exited with {self.process.returncode}:\n{self.log_tail()}")
            try:
                if httpx.get(f"{self.url}/health", timeout=2, verify=False).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.05)
        self.kill()
        raise RuntimeError(f"district server did not answer /health in {START_TIMEOUT_S} s:\n{self.log_tail()}")

    def stop(self) -> None:
        """Graceful stop (SIGTERM), then SIGKILL if it hangs."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._close_log()

    def kill(self) -> None:
        """SIGKILL: the process dies wherever it is, mid-transaction included."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self._close_log()

    def restart(self) -> Self:
        self.stop()
        return self.start()

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def log_tail(self, chars: int = 4000) -> str:
        if self.log_path and self.log_path.exists():
            return self.log_path.read_text(encoding="utf-8", errors="replace")[-chars:]
        return "(no log kept)"

    def _close_log(self) -> None:
        if self._log_file not in (None, subprocess.DEVNULL):
            self._log_file.close()
        self._log_file = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- admin commands on the same database -----------------------------------------------
    def admin(self, *args: str, check: bool = True) -> str:
        """Run `mediation-desk-district ARGS --database-url URL`; returns stdout. A failing command
        raises AssertionError with its stderr unless `check=False`."""
        cmd = [sys.executable, "-m", "mediation_desk.district.cli", *args, "--database-url", self.database_url]
        done = subprocess.run(cmd, check=False, cwd=ROOT, capture_output=True, text=True, env=_child_env(), timeout=120)
        if check and done.returncode != 0:
            raise AssertionError(f"{' '.join(args)} exited {done.returncode}:\n{done.stderr}{done.stdout}")
        return done.stdout

    def add_committee(self, code: str, name: str, town: str) -> None:
        """The committee, and its town if the district does not know it yet."""
        if town not in self.admin("town", "list").splitlines():
            self.admin("town", "add", town)
        self.admin("committee", "add", "--town", town, "--code", code, "--name", name)

    def issue_code(self, committee_code: str | None = None, town: str | None = None,
                   expires_hours: float = 72) -> str:
        target = ["--committee", committee_code] if committee_code else ["--town", str(town)]
        out = self.admin("enroll-code", "issue", *target, "--expires-hours", str(expires_hours))
        return out.strip().splitlines()[0]

    # -- conveniences for tests --------------------------------------------------------------
    def enroll(self, committee_code: str | None = None, town: str | None = None,
               device_name: str = "测试设备") -> dict[str, Any]:
        """Issue a code and exchange it; returns the enrollment answer (with `token`)."""
        code = self.issue_code(committee_code, town)
        r = httpx.post(f"{self.url}/api/v1/enroll", json={"code": code, "device_name": device_name},
                       timeout=30, verify=False)
        assert r.status_code == 201, r.text
        return r.json()

    def client(self, token: str | None = None, **kw: Any) -> httpx.Client:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.Client(base_url=self.url, headers=headers, timeout=kw.pop("timeout", 60),
                            verify=kw.pop("verify", False), **kw)


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    env.setdefault("PYTHONUNBUFFERED", "1")
    return env


# -- databases ---------------------------------------------------------------------------------
def postgres_url(base: str) -> str:
    """`postgresql://…` spelled for SQLAlchemy's psycopg (3) driver."""
    for prefix in ("postgresql+psycopg://", "postgresql://", "postgres://"):
        if base.startswith(prefix):
            return "postgresql+psycopg://" + base[len(prefix):]
    raise ValueError(f"{PG_ENV} must be a postgresql:// URL")


@pytest.fixture
def pg_schema_url() -> Iterator[str]:
    """A fresh, empty schema of the test PostgreSQL database, dropped afterwards."""
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"PostgreSQL tests need {PG_ENV}=postgresql://user:password@host/database")
    from sqlalchemy import create_engine, text

    base = postgres_url(base)
    schema = f"district_test_{uuid.uuid4().hex[:12]}"
    engine = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        sep = "&" if "?" in base else "?"
        yield f"{base}{sep}options={quote(f'-csearch_path={schema}')}"
        with engine.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    finally:
        engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def district_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'district.sqlite3'}"
    return str(request.getfixturevalue("pg_schema_url"))


@pytest.fixture
def district_server(district_database_url: str, tmp_path: Path) -> Iterator[DistrictServer]:
    server = DistrictServer(district_database_url, log_path=tmp_path / "district-server.log")
    server.start()
    try:
        yield server
    finally:
        server.stop()
