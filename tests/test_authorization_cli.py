"""The command line asks the same services with the operator it runs as (`--as`): a 调解员 lists
and finds only the cases they are or were assigned to, and what they are refused is audited."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from authorization_helpers import OTHER_FACTS, OTHER_NAME, Scene, build_scene, denials, last_seq

from mediation_desk.cli import main
from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def scene(desk: Desk, admin: Actor, mediator_actor: Actor, make_party: Any, intake_form: Any) -> Scene:
    return build_scene(desk, admin, mediator_actor, make_party, intake_form)


@pytest.fixture
def run(desk: Desk, capsys: pytest.CaptureFixture[str]) -> Run:
    """`run("--as", "xieagen", "case", "list")` on the fixtures' desk (unlocked from the keyring)."""

    def _run(*argv: str) -> tuple[int, str, str]:
        code = main(["--data-dir", str(desk.paths.data), *argv])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return _run


def numbers_listed(run: Run, user: str, *extra: str) -> set[str]:
    code, out, err = run("--as", user, "case", "list", "--json", *extra)
    assert code == 0, err
    return {c["number"] for c in json.loads(out)}


def test_the_mediators_case_list_holds_their_cases_only(
    run: Run, scene: Scene, admin: Actor, mediator_actor: Actor
) -> None:
    mine = {scene.numbers[c] for c in scene.visible}
    assert numbers_listed(run, mediator_actor.username) == mine
    assert numbers_listed(run, admin.username) == set(scene.numbers.values())
    code, out, _ = run("--as", mediator_actor.username, "case", "list")
    assert code == 0 and "孙大伯" in out and OTHER_NAME not in out and "冯长根" not in out


@pytest.mark.parametrize("key", ["name", "phone", "id_number", "number", "facts"])
def test_a_mediator_finds_nothing_of_another_mediators_case(
    run: Run, scene: Scene, admin: Actor, mediator_actor: Actor, key: str
) -> None:
    query = {
        "name": OTHER_NAME,
        "phone": scene.other_party["phone"],
        "id_number": scene.other_party["id_number"],
        "number": scene.numbers[scene.other],
        "facts": OTHER_FACTS[2:8],
    }[key]
    assert scene.numbers[scene.other] in numbers_listed(run, admin.username, "--search", query)
    assert numbers_listed(run, mediator_actor.username, "--search", query) == set()
    code, out, _ = run("--as", mediator_actor.username, "case", "list", "--search", query)
    assert code == 0 and "没有符合条件的案件" in out and OTHER_NAME not in out


def test_a_mediator_finds_their_own_case_by_phone(run: Run, scene: Scene, mediator_actor: Actor) -> None:
    assert numbers_listed(run, mediator_actor.username, "--search", scene.mine_party["phone"]) == {
        scene.numbers[scene.mine]
    }


def test_follow_ups_due_and_the_summary_are_the_mediators(
    run: Run, scene: Scene, admin: Actor, mediator_actor: Actor
) -> None:
    code, out, err = run("--as", mediator_actor.username, "followups", "--all", "--json")
    assert code == 0, err
    assert {f["case_number"] for f in json.loads(out)} == {scene.numbers[scene.mine]}
    code, out, _ = run("--as", admin.username, "followups", "--all", "--json")
    assert {f["case_number"] for f in json.loads(out)} == {scene.numbers[scene.mine], scene.numbers[scene.other]}
    code, out, _ = run("--as", mediator_actor.username, "--json")
    assert code == 0 and json.loads(out)["follow_ups_due"] == 1


def test_refusals_on_the_command_line_are_audited(
    run: Run, desk: Desk, scene: Scene, mediator_actor: Actor, tmp_path: Path
) -> None:
    before = last_seq(desk)
    who = mediator_actor.username
    code, out, err = run("--as", who, "export", "cases")
    assert code == 2 and out == "" and "调解员无权导出案件数据" in err
    code, _, err = run("--as", who, "case", "show", scene.numbers[scene.other])
    assert code == 2 and "调解员只能查看自己承办的案件" in err
    changes = tmp_path / "changes.json"
    changes.write_text('{"available": false}', encoding="utf-8")
    code, _, err = run("--as", who, "mediator", "update", scene.colleague, "--json", str(changes))
    assert code == 2 and "调解员无权维护调解员名册" in err
    code, _, err = run("--as", who, "mediator", "add", "--name", "王五")
    assert code == 2 and "调解员无权维护调解员名册" in err
    assert denials(desk, before) == [
        (who, None, "export"),
        (who, scene.other, "case.view"),
        (who, None, "mediator.manage"),
        (who, None, "mediator.manage"),
    ]


def test_bad_input_is_named(run: Run, scene: Scene, mediator_actor: Actor) -> None:
    code, _, err = run("--as", mediator_actor.username, "case", "list", "--state", "archived")
    assert code == 2 and "未知的状态" in err
    code, _, err = run("--as", "nobody", "case", "list")
    assert code == 2 and "没有名为「nobody」的操作员" in err


@pytest.mark.parametrize("command", [("case", "notes"), ("case", "rank"), ("attachment", "list")])
def test_one_cases_records_are_refused_for_another_mediators_case(
    run: Run, desk: Desk, scene: Scene, mediator_actor: Actor, command: tuple[str, str]
) -> None:
    before = last_seq(desk)
    code, out, err = run("--as", mediator_actor.username, *command, scene.numbers[scene.other])
    assert code == 2 and out == "" and err.startswith("错误：调解员")
    action = "case.assign" if command[1] == "rank" else "case.view"
    assert denials(desk, before) == [(mediator_actor.username, scene.other, action)]
