"""The command line's verbs for an agreement's life: `case withdraw`, `refuse-sign`, `escalate`,
`unperformed`, `invalidate` — each refusal with its article, exit code 2 and nothing changed."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from service_helpers import CLI_SETUP

from mediation_desk.cli import main
from mediation_desk.cli.admin_commands import ADMIN_PASSWORD_ENV, NEW_PASSWORD_ENV, PASSWORD_ENV

PASSWORD = "Xietang-2026!"
Cli = Callable[..., tuple[int, Any, str]]
AGREEMENT = {
    "form": "written",
    "facts": "两家因围墙高度争执",
    "disputed_issues": "围墙高度",
    "terms": ["一、陈建林将围墙降低三十公分。"],
    "performance_method": "自行拆除",
}


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    for name in (ADMIN_PASSWORD_ENV, PASSWORD_ENV, NEW_PASSWORD_ENV):
        monkeypatch.setenv(name, PASSWORD)

    def run(*argv: str) -> tuple[int, Any, str]:
        code = main(["--data-dir", str(tmp_path / "desk"), *argv])
        out, err = capsys.readouterr()
        try:
            return code, json.loads(out), err
        except ValueError:
            return code, out, err

    assert run(*CLI_SETUP)[0] == 0
    assert run("mediator", "add", "--name", "谢阿根", "--skills", "邻里", "--area", "谢家塘村")[0] == 0
    return run


def _file(tmp_path: Path, name: str, data: dict[str, Any]) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def _agreed(cli: Cli, tmp_path: Path, intake_form: Callable[..., dict[str, Any]]) -> str:
    case_id = cli("case", "add", "--json", _file(tmp_path, "c.json", intake_form()))[1]["summary"]["id"]
    assert cli("case", "assign", case_id, "谢阿根")[0] == 0
    note = {"place": "调解室", "recorder": "金晓燕", "result": "双方同意降低围墙"}
    assert cli("case", "note", case_id, "--json", _file(tmp_path, "n.json", note))[0] == 0
    assert cli("case", "agree", case_id, "--json", _file(tmp_path, "a.json", AGREEMENT))[0] == 0
    return case_id


def test_withdraw_then_refuse_to_sign(cli: Cli, tmp_path: Path, intake_form: Callable[..., dict[str, Any]]) -> None:
    case_id = _agreed(cli, tmp_path, intake_form)
    code, _, err = cli("case", "withdraw", case_id, "--reason", " ")
    assert code == 2 and "第二十九条" in err
    code, out, err = cli("case", "withdraw", case_id, "--reason", "被申请人要求修改履行期限")
    assert code == 0 and out["status"] == "in_mediation", err
    note = {"place": "调解室", "recorder": "金晓燕", "result": "重新商定"}
    assert cli("case", "note", case_id, "--json", _file(tmp_path, "n2.json", note))[0] == 0
    assert cli("case", "agree", case_id, "--json", _file(tmp_path, "a2.json", AGREEMENT))[0] == 0
    code, _, err = cli("case", "refuse-sign", case_id, "--reason", "拒签")  # no route given
    assert code == 2 and "--route" in err
    code, out, err = cli("case", "refuse-sign", case_id, "--reason", "被申请人拒绝签字", "--route", "litigation")
    assert code == 0 and out["status_label"] == "终止调解", err


def test_escalate_unperformed_and_invalidate(
    cli: Cli, tmp_path: Path, intake_form: Callable[..., dict[str, Any]]
) -> None:
    case_id = _agreed(cli, tmp_path, intake_form)
    assert cli("case", "sign", case_id)[0] == 0
    code, _, err = cli("case", "unperformed", case_id, "--reason", "拒付", "--route", "arbitration")
    assert code == 2 and "协议未履行" in err  # from agreed: not a move the law has
    assert cli("case", "transition", case_id, "performing")[0] == 0
    code, _, err = cli("case", "unperformed", case_id, "--reason", "拒付", "--route", "arbitration")
    assert code == 2 and "第三十二条" in err
    code, _, err = cli("case", "invalidate", case_id, "--on", "2999-01-01", "--reason", "（2026）浙0604民特12号")
    assert code == 2 and "invalidated_on_range" in err
    code, out, err = cli("case", "invalidate", case_id, "--on", _today(cli, case_id), "--reason", "民特12号裁定")
    assert code == 0 and out["in_effect"] is False, err
    code, out, err = cli("case", "escalate", case_id, "--to", "town", "--reason", "矛盾激化")
    assert code == 0 and out["status"] == "escalated", err


def _today(cli: Cli, case_id: str) -> str:
    return str(cli("case", "show", case_id, "--json")[1]["agreement"]["effective_on"])
