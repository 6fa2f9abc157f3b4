"""The real district server in a subprocess, for tests on both sides of sync.

`DistrictServer` runs `python -m mediation_desk.district.cli serve --port 0` on 127.0.0.1, reads
the port the system gave it from the server's log, and waits for /health; `admin()` runs the admin
commands against the same database. Fixtures: `district_database_url` (a fresh SQLite file, or a
fresh schema of the PostgreSQL database named by MEDIATION_DESK_TEST_PG_URL) and `district_server`
(started on it, stopped after the test)."""

from __future__ import annotations

import atexit
import hashlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Self
from urllib.parse import quote

import httpx
import pytest

PG_ENV = "MEDIATION_DESK_TEST_PG_URL"
START_TIMEOUT_S = 60.0
ROOT = Path(__file__).resolve().parents[1]
LISTENING = re.compile(rb"listening on https?://127\.0\.0\.1:(\d+)")
# The bracelets' gateway, when started with `--gateway-port` (after the HTTP port, before /health answers).
GATEWAY_LISTENING = re.compile(rb"gateway listening on 127\.0\.0\.1:(\d+)")
ADDRESS_IN_USE = re.compile(rb"address already in use|Errno 98", re.IGNORECASE)

_refusing: list[socket.socket] = []
_key_dir: Path | None = None
KEY_FILE_ENV = "MEDIATION_DESK_DISTRICT_KEY_FILE"


def free_port() -> int:
    """A 127.0.0.1 port where nothing listens and nothing can start listening while the tests
    run: bound here, never listened on, held until the test process ends. Connecting to it is
    refused at once: the address of a district server that is not there."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    _refusing.append(sock)
    return int(sock.getsockname()[1])


class DistrictServer:
    """One district server process on 127.0.0.1. The first start takes whatever port the system
    gives (`--port 0`); later starts ask for that same port again (the desks have its address),
    retrying while another process still holds it."""

    def __init__(
        self,
        database_url: str,
        *,
        log_path: Path | None = None,
        port: int | None = None,
        tls_cert: Path | None = None,
        tls_key: Path | None = None,
        serve_options: Sequence[str] = (),
        key_file: Path | None = None,
    ) -> None:
        self.database_url = database_url
        self.key_file = key_file or shared_key_file(database_url)  # None: SQLite's own, beside it
        self.serve_options = list(serve_options)  # more `serve` options, e.g. ["--header-timeout", "1"]
        self.port = port  # None until the first start unless asked for
        self.gateway_port: int | None = None  # read from the log at each start (serve --gateway-port)
        self.tls_cert, self.tls_key = tls_cert, tls_key
        self.scheme = "https" if tls_cert else "http"
        # The port is read from the log, so there is always one (a temporary file unless given).
        if log_path is None:
            fd, name = tempfile.mkstemp(prefix="district-server-", suffix=".log")
            os.close(fd)
            log_path = Path(name)
            atexit.register(log_path.unlink, missing_ok=True)
        self.log_path = log_path
        self.process: subprocess.Popen[bytes] | None = None
        self._log_file: Any = None

    @property
    def url(self) -> str:
        if self.port is None:
            raise RuntimeError("the district server has no address before its first start")
        return f"{self.scheme}://127.0.0.1:{self.port}"

    # -- the server process --------------------------------------------------------------
    def command(self) -> list[str]:
        cmd = [
            sys.executable,
            "-m",
            "mediation_desk.district.cli",
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port or 0),
            "--database-url",
            self.database_url,
        ]
        if self.tls_cert and self.tls_key:
            cmd += ["--tls-cert", str(self.tls_cert), "--tls-key", str(self.tls_key)]
        if self.key_file:
            cmd += ["--key-file", str(self.key_file)]
        return cmd + self.serve_options

    def start(self) -> Self:
        if self.process is not None and self.process.poll() is None:
            return self
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            log_from = self._spawn()
            if self._wait_until_listening(log_from, deadline):
                break
            # Only a restart on a port asked for again can meet it still taken: try again.
            if time.monotonic() > deadline:
                raise RuntimeError(f"port {self.port} stayed taken for {START_TIMEOUT_S} s:\n{self.log_tail()}")
            time.sleep(0.2)
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                self._close_log()
                raise RuntimeError(f"district server exited with {self.process.returncode}:\n{self.log_tail()}")
            try:
                if httpx.get(f"{self.url}/health", timeout=2, verify=False).status_code == 200:
                    found = GATEWAY_LISTENING.search(self._log_since(log_from))
                    self.gateway_port = int(found.group(1)) if found else None
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.05)
        self.kill()
        raise RuntimeError(f"district server did not answer /health in {START_TIMEOUT_S} s:\n{self.log_tail()}")

    def _spawn(self) -> int:
        """Start the process; returns where its output begins in the log."""
        self._close_log()
        self._log_file = open(self.log_path, "ab")
        log_from = self._log_file.tell()
        self.process = subprocess.Popen(
            self.command(), cwd=ROOT, stdout=self._log_file, stderr=subprocess.STDOUT, env=_child_env()
        )
        return log_from

    def _wait_until_listening(self, log_from: int, deadline: float) -> bool:
        """True once the server has said which port it bound; False when it could not bind a port
        asked for because it is taken. Anything else that stops it raises."""
        assert self.process is not None
        while time.monotonic() < deadline:
            said = self._log_since(log_from)
            found = LISTENING.search(said)
            if found:
                self.port = int(found.group(1))
                return True
            if self.process.poll() is not None:
                said = self._log_since(log_from)
                if LISTENING.search(said):
                    continue
                self._close_log()
                if self.port and ADDRESS_IN_USE.search(said):
                    return False
                raise RuntimeError(f"district server exited with {self.process.returncode}:\n{self.log_tail()}")
            time.sleep(0.02)
        self.kill()
        raise RuntimeError(f"district server did not start listening in {START_TIMEOUT_S} s:\n{self.log_tail()}")

    def _log_since(self, offset: int) -> bytes:
        with open(self.log_path, "rb") as f:
            f.seek(offset)
            return f.read()

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
        if self.log_path.exists():
            return self.log_path.read_text(encoding="utf-8", errors="replace")[-chars:]
        return "(no log kept)"

    def _close_log(self) -> None:
        if self._log_file is not None:
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
        env = _child_env()
        if self.key_file:  # `key rotate` and the like find the server's key file
            env[KEY_FILE_ENV] = str(self.key_file)
        done = subprocess.run(cmd, check=False, cwd=ROOT, capture_output=True, text=True, env=env, timeout=120)
        if check and done.returncode != 0:
            raise AssertionError(f"{' '.join(args)} exited {done.returncode}:\n{done.stderr}{done.stdout}")
        return done.stdout

    def add_committee(self, code: str, name: str, town: str) -> None:
        """The committee, and its town if the district does not know it yet."""
        if town not in self.admin("town", "list").splitlines():
            self.admin("town", "add", town)
        self.admin("committee", "add", "--town", town, "--code", code, "--name", name)

    def issue_code(self, committee_code: str | None = None, town: str | None = None, expires_hours: float = 72) -> str:
        target = ["--committee", committee_code] if committee_code else ["--town", str(town)]
        hours = str(expires_hours)
        out = self.admin("enroll-code", "issue", *target, "--expires-hours", hours, "--reason", "新设备登记")
        return out.strip().splitlines()[0]

    # -- conveniences for tests --------------------------------------------------------------
    def enroll(
        self, committee_code: str | None = None, town: str | None = None, device_name: str = "测试设备"
    ) -> dict[str, Any]:
        """Issue a code and exchange it; returns the enrollment answer (with `token`)."""
        code = self.issue_code(committee_code, town)
        r = httpx.post(
            f"{self.url}/api/v1/enroll", json={"code": code, "device_name": device_name}, timeout=30, verify=False
        )
        assert r.status_code == 201, r.text
        return r.json()

    def client(self, token: str | None = None, **kw: Any) -> httpx.Client:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.Client(
            base_url=self.url, headers=headers, timeout=kw.pop("timeout", 60), verify=kw.pop("verify", False), **kw
        )


def shared_key_file(database_url: str) -> Path | None:
    """The server key file of a PostgreSQL database (which must be given one): one per database,
    made once, so restarts and second instances on that database share it."""
    global _key_dir
    if not database_url.startswith("postgres"):
        return None
    from mediation_desk.district import server_key

    if _key_dir is None:
        _key_dir = Path(tempfile.mkdtemp(prefix="district-keys-"))
        atexit.register(shutil.rmtree, _key_dir, True)
    path = _key_dir / f"{hashlib.sha256(database_url.encode()).hexdigest()[:16]}.key"
    if not path.exists():
        server_key.write_new_key_file(path)
    return path


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
            return "postgresql+psycopg://" + base[len(prefix) :]
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
