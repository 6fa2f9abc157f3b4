"""`mediation-desk demo` asked again: a desk holding the demo says so and succeeds (the README's
first line opens the window every time), a desk with real data is refused, and what it prints
names the accounts with their roles and the password."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from mediation_desk.administration import demo as demo_data
from mediation_desk.cli import main
from mediation_desk.cli.context import PASSWORD_ENV
from mediation_desk.desk import Desk
from mediation_desk.paths import AppPaths

CASES = "6"


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv(PASSWORD_ENV, raising=False)  # asking again must need no password
    monkeypatch.setattr("sys.stdin", open("/dev/null"))  # and no terminal to type one at

    def _run(*argv: str, desk: Path | None = None) -> Result:
        code = main(["--data-dir", str(desk or tmp_path / "desk"), *argv])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return _run


def test_first_time_prints_how_to_log_in(run) -> None:
    made = run("demo", "--cases", CASES)
    assert made.code == 0, made.err
    for username, role in (("zhuren", "主任"), ("jiluyuan", "记录员"), ("wangyongnian", "调解员")):
        assert username in made.out and f"（{role}）" in made.out
    assert demo_data.DEMO_PASSWORD in made.out and "恢复密钥" in made.out


def test_the_json_names_roles_and_no_empty_recovery_key(run) -> None:
    made = run("--json", "demo", "--cases", CASES)
    assert made.code == 0, made.err
    summary = json.loads(made.out)
    assert "recovery_key" not in summary["committee"]  # only the real one, once, at the top level
    assert summary["recovery_key"]
    roles = {o["username"]: o["role_label"] for o in summary["operators"]}
    assert roles == {"zhuren": "主任", "jiluyuan": "记录员", "wangyongnian": "调解员"}


def test_asked_again_it_says_so_and_succeeds(run, tmp_path: Path) -> None:
    assert run("demo", "--cases", CASES).code == 0
    again = run("demo", "--cases", CASES)
    assert again.code == 0, again.err
    assert "已装有演示数据" in again.out and "zhuren" in again.out and demo_data.DEMO_PASSWORD in again.out
    assert "录入或改动" not in again.out  # nothing was added since
    as_json = json.loads(run("--json", "demo").out)
    assert as_json["already"] is True and as_json["changed_since"] is False
    assert {o["role"] for o in as_json["operators"]} == {"admin", "clerk", "mediator"}
    desk = Desk.open(AppPaths.resolve(tmp_path / "desk"))
    try:
        assert [a.username for a in demo_data.demo_accounts(desk)] == ["zhuren", "jiluyuan", "wangyongnian"]
    finally:
        desk.close()


def test_a_demo_played_with_is_still_the_demo(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, intake_form
) -> None:
    assert run("demo", "--cases", CASES).code == 0
    monkeypatch.setenv(PASSWORD_ENV, demo_data.DEMO_PASSWORD)
    form = tmp_path / "intake.json"
    form.write_text(json.dumps(intake_form(), ensure_ascii=False), encoding="utf-8")
    added = run("--as", "zhuren", "case", "add", "--json", str(form))  # a case typed in while trying it
    assert added.code == 0, added.err
    monkeypatch.delenv(PASSWORD_ENV)
    again = run("demo")
    assert again.code == 0 and "已装有演示数据" in again.out and "录入或改动" in again.out


def test_real_data_is_refused(run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, intake_form) -> None:
    monkeypatch.setenv("MEDIATION_DESK_ADMIN_PASSWORD", "real-password-1")
    monkeypatch.setenv(PASSWORD_ENV, "real-password-1")
    setup = ("setup", "--name", "谢家塘村人民调解委员会", "--code", "XT-001", "--town", "谢塘镇")
    assert run(*setup, "--admin", "dai", "--admin-name", "戴才良", "--no-keyring").code == 0
    form = tmp_path / "intake.json"
    form.write_text(json.dumps(intake_form(), ensure_ascii=False), encoding="utf-8")
    assert run("case", "add", "--json", str(form)).code == 0
    refused = run("demo", "--cases", CASES)
    assert refused.code == 2 and "已有业务数据" in refused.err
    assert "已装有演示数据" not in refused.out


def test_a_demo_stopped_half_way_is_not_taken_for_one(run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def stop(*args, **kwargs):
        raise KeyboardInterrupt

    fillers = list(demo_data.REGISTRY.demo_fillers.values())
    monkeypatch.setattr(fillers[-1], "fill", stop)
    assert run("demo", "--cases", CASES).code == 130
    monkeypatch.undo()
    refused = run("demo", "--cases", CASES)
    assert refused.code == 2 and "中途停止" in refused.err and str(tmp_path / "desk") in refused.err


def test_bad_input_is_refused(run) -> None:
    bad = run("demo", "--cases", "x")
    assert bad.code == 2 and "--cases" in bad.err
