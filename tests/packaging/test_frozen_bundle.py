"""The frozen one-folder bundle (packaging/build.py), run as a service-centre PC would: no Python
on PATH, no system fonts, a home folder of its own, no window system (offscreen).

Skipped unless MEDIATION_DESK_TEST_BUNDLE names a built bundle (dist/mediation-desk); .ci/run
builds one and runs these. `pytest -m frozen -s` also prints the keyring back-end found."""

from __future__ import annotations

import json
import os
import re
import subprocess
import time
import tomllib
from pathlib import Path

import httpx
import pytest
from district_server import DistrictServer
from pypdf import PdfReader

BUNDLE_ENV = "MEDIATION_DESK_TEST_BUNDLE"
ROOT = Path(__file__).resolve().parents[2]
DEMO_PASSWORD = "demo-password-2026"
EXE = ".exe" if os.name == "nt" else ""
AGREED = ("agreed", "performing", "follow_up", "closed")

pytestmark = [
    pytest.mark.frozen,
    pytest.mark.skipif(not os.environ.get(BUNDLE_ENV), reason=f"{BUNDLE_ENV} names no built bundle"),
]


@pytest.fixture(scope="module")
def bundle() -> Path:
    folder = Path(os.environ[BUNDLE_ENV]).resolve()
    assert (folder / f"mediation-desk{EXE}").is_file(), f"no mediation-desk in {folder}"
    return folder


@pytest.fixture(scope="module")
def place(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("frozen")


@pytest.fixture(scope="module")
def env(place: Path) -> dict[str, str]:
    """A bare PC: PATH without any Python, a fresh home, and fontconfig given no fonts at all
    (the documents and the window must use the fonts inside the bundle)."""
    home = place / "home"
    home.mkdir()
    no_fonts = place / "fonts.conf"
    no_fonts.write_text('<?xml version="1.0"?>\n<fontconfig><cachedir>fc-cache</cachedir></fontconfig>\n')
    return {
        "PATH": os.pathsep.join(p for p in ("/usr/bin", "/bin") if Path(p).is_dir()) or os.defpath,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "FONTCONFIG_FILE": str(no_fonts),
        "SYSTEMROOT": os.environ.get("SYSTEMROOT", ""),  # Windows cannot start a process without it
    }


@pytest.fixture(scope="module")
def desk(bundle: Path, env: dict[str, str], place: Path):
    data = place / "data"

    def run(*args: str, password: bool = False, check: bool = True) -> subprocess.CompletedProcess[str]:
        run_env = dict(env, MEDIATION_DESK_PASSWORD=DEMO_PASSWORD) if password else env
        done = subprocess.run(
            [str(bundle / f"mediation-desk{EXE}"), "--data-dir", str(data), *args],
            env=run_env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            stdin=subprocess.DEVNULL,
            timeout=300,
            check=False,
        )
        if check:
            assert done.returncode == 0, f"{args}: exit {done.returncode}\n{done.stdout}\n{done.stderr}"
        return done

    run.data = data  # type: ignore[attr-defined]
    return run


def test_version_is_the_projects(desk) -> None:
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert desk("--version").stdout.strip() == f"mediation-desk {version}"


def test_first_run_makes_the_data_folder_and_upgrades_it(desk) -> None:
    made = desk("demo", "--cases", "12")
    assert "zhuren" in made.stdout and DEMO_PASSWORD in made.stdout
    assert (desk.data / "desk.sqlite3").is_file()
    checked = desk("--json", "check")
    assert json.loads(checked.stdout)["ok"] is True  # migrations ran to the head, the audit chain holds
    again = desk("demo")  # the README's first line, run a second time
    assert "已装有演示数据" in again.stdout


def test_an_agreement_pdf_through_the_frozen_command_line(desk, place: Path) -> None:
    cases = json.loads(desk("--json", "--as", "zhuren", "case", "list", password=True).stdout)
    agreed = [c for c in cases if c["status"] in AGREED]
    assert agreed, "the demo made no case with an agreement"
    pdf = place / "agreement.pdf"
    refusals = []
    for case in agreed:
        done = desk(
            "--as", "zhuren", "document", "agreement", case["number"], "-o", str(pdf), "--reason", "打包测试",
            "--force", password=True, check=False,
        )  # fmt: skip
        if done.returncode == 0:
            break
        refusals.append(done.stderr)
    else:
        pytest.fail("no agreement could be printed:\n" + "\n".join(refusals))
    reader = PdfReader(pdf)
    text = "".join(page.extract_text() for page in reader.pages)
    assert "人民调解协议书" in text.replace(" ", "") and case["number"].replace(" ", "") in text.replace(" ", "")
    fonts = {font.get_object()["/BaseFont"] for page in reader.pages for font in page["/Resources"]["/Font"].values()}
    assert fonts and all("+" in str(name) for name in fonts), fonts  # embedded subsets, not system fonts


def test_reports_the_keyring_backend(desk) -> None:
    status = json.loads(desk("lock-status").stdout)
    backend = status["keyring"]["backend"]
    print(f"frozen keyring back-end: {backend} (secure: {status['keyring']['secure']})")
    assert re.fullmatch(r"[\w.]+\.\w+", backend) and backend.startswith("keyring.backends."), backend


def test_the_window_starts_offscreen(bundle: Path, env: dict[str, str], place: Path) -> None:
    """The frozen window loads Qt, its plugins and fonts: it is still up, waiting at the login,
    when stopped (a missing plugin or library ends it at once)."""
    data = place / "data"
    log = data / "logs" / "desk.log"
    process = subprocess.Popen(
        [str(bundle / f"mediation-desk{EXE}"), "--data-dir", str(data)],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None:
            if log.exists() and "opening the window" in log.read_text(encoding="utf-8", errors="replace"):
                break
            time.sleep(0.2)
        time.sleep(3)  # Qt's platform plugin and the login dialog, or the crash of a missing one
        assert process.poll() is None, process.communicate()[0].decode("utf-8", "replace")
    finally:
        process.terminate()
        process.wait(timeout=30)


class FrozenDistrict(DistrictServer):
    def __init__(self, exe: Path, database_url: str) -> None:
        super().__init__(database_url)
        self.exe = exe

    def command(self) -> list[str]:
        return [str(self.exe), *super().command()[3:]]  # the bundle's entry for `python -m …cli`


def test_the_frozen_district_server_answers_health(bundle: Path, place: Path) -> None:
    server = FrozenDistrict(
        bundle / f"mediation-desk-district{EXE}", f"sqlite:///{(place / 'district.sqlite3').as_posix()}"
    )
    server.start()
    try:
        answer = httpx.get(f"{server.url}/health", timeout=30)
        assert answer.status_code == 200, answer.text
    finally:
        server.stop()


def test_bad_input_to_the_frozen_command_line_is_refused(desk) -> None:
    refused = desk("demo", "--cases", "x", check=False)
    assert refused.returncode == 2 and "--cases" in refused.stderr
