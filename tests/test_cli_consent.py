"""Withdrawing a consent at the command line (`mediation-desk consent withdraw`), in-process through
`main([...])` on a desk set up by the command line itself: each registered purpose is withdrawn,
what is kept for it goes and nothing else does, the withdrawal is audited, and bad input is
refused with the field and the rule named, changing nothing."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from service_helpers import CLI_SETUP as SETUP

from mediation_desk.cli import main
from mediation_desk.cli.admin_commands import ADMIN_PASSWORD_ENV, NEW_PASSWORD_ENV, PASSWORD_ENV
from mediation_desk.core.registry import REGISTRY, ConsentPurpose
from mediation_desk.core.uow import UnitOfWork
from mediation_desk.lifecycle import consent
from mediation_desk.storage.state import DeskState

PASSWORD = "Xietang-2026!"
CLERK, MEDIATOR = "jinxy", "xieagen"
PURPOSES = {
    "sms_notice": "短信通知",
    "photo_publicity": "调解案例宣传使用照片",
    "bracelet_location": "手环定位",
    "bracelet_health": "健康信息（手环）",
}


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def json(self) -> Any:
        return json.loads(self.out)


Run = Callable[..., Result]


@dataclass
class Desk:
    run: Run
    db: Path
    wang: str  # 王永年: gives every consent
    chen: str  # 陈建林: gives the SMS consent only


@pytest.fixture
def desk(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    make_party: Any,
    intake_form: Any,
) -> Desk:
    """Set up at the command line: the 主任, a 记录员, a 调解员 with an account, one case whose two
    parties gave consents (all four purposes for one, the SMS notice for the other)."""
    for env in (ADMIN_PASSWORD_ENV, PASSWORD_ENV, NEW_PASSWORD_ENV):
        monkeypatch.setenv(env, PASSWORD)
    data_dir = tmp_path / "desk"

    def run(*argv: str) -> Result:
        code = main(["--data-dir", str(data_dir), *argv])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    steps = [
        SETUP,
        ["mediator", "add", "--name", "谢阿根", "--skills", "邻里", "--area", "谢家塘村"],
        ["operator", "add", "--username", CLERK, "--name", "金晓燕", "--role", "clerk"],
        ["operator", "add", "--username", MEDIATOR, "--name", "谢阿根", "--role", "mediator", "--mediator", "谢阿根"],
    ]
    for argv in steps:
        done = run(*argv)
        assert done.code == 0, done.err
    form = tmp_path / "case.json"
    form.write_text(
        json.dumps(intake_form(make_party("王永年", phone="13957501234"), make_party("陈建林")), ensure_ascii=False),
        encoding="utf-8",
    )
    case = run("case", "add", "--json", str(form))
    assert case.code == 0, case.err
    wang, chen = (p["person"]["id"] for p in case.json["parties"])
    for purpose, label in PURPOSES.items():
        given = run("--as", CLERK, "consent", "give", wang, label, "--note", "书面同意书已存档")
        assert given.code == 0 and given.json["purpose"] == purpose, given.err
    assert run("consent", "give", chen, "sms_notice").code == 0
    return Desk(run, data_dir / "desk.sqlite3", wang, chen)


def in_force(d: Desk, person_id: str) -> set[str]:
    listed = d.run("consent", "list", person_id)
    assert listed.code == 0, listed.err
    return {c["purpose"] for c in listed.json if c["withdrawn_at"] is None}


def rows(d: Desk, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    with sqlite3.connect(d.db) as db:
        return db.execute(sql, params).fetchall()


def withdrawals(d: Desk) -> list[tuple[str, dict[str, Any]]]:
    return [
        (actor, json.loads(detail))
        for actor, detail in rows(
            d, "SELECT actor_name, detail FROM audit_record WHERE action = 'consent.withdraw' ORDER BY seq"
        )
    ]


def person_data(d: Desk) -> list[tuple[Any, ...]]:
    """Everything the register holds of the two parties (sealed values as stored)."""
    return rows(d, "SELECT * FROM person ORDER BY id")


@pytest.mark.parametrize("purpose", list(PURPOSES))
def test_each_purpose_is_withdrawn_and_only_its_data_goes(desk: Desk, purpose: str) -> None:
    before = person_data(desk)
    done = desk.run("--as", CLERK, "consent", "withdraw", desk.wang, PURPOSES[purpose], "--reason", "本人电话要求撤回")
    assert done.code == 0, done.err
    report = done.json
    assert (report["person_id"], report["purpose"]) == (desk.wang, purpose)
    # Nothing is kept for the purpose of this party (no SMS sent, no photo kept; not a bracelet
    # wearer): the desk says so instead of claiming an erasure.
    handlers = len(REGISTRY.consent_purposes[purpose].erase)
    assert (report["erased"], report["handlers"]) == (0, handlers)
    held = "保存该当事人的个人信息" if handlers else "保存个人信息"
    assert f"本机没有为「{PURPOSES[purpose]}」{held}" in done.err
    assert in_force(desk, desk.wang) == set(PURPOSES) - {purpose}
    assert in_force(desk, desk.chen) == {"sms_notice"}
    assert person_data(desk) == before  # the case file's parties stay whole (kept for the mediation)
    assert withdrawals(desk) == [
        (CLERK, {"consent_id": report["consent_id"], "purpose": purpose, "erased": 0, "handlers": handlers})
    ]
    assert rows(desk, "SELECT withdrawn_by, withdrawal_reason FROM consent WHERE id = ?", report["consent_id"]) == [
        (CLERK, "本人电话要求撤回")
    ]
    checked = desk.run("check", "--json")
    assert checked.code == 0 and checked.json["audit"]["ok"] is True


def test_what_a_registered_handler_keeps_is_erased_with_the_withdrawal(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A capability that keeps data for a purpose registers its handler: withdrawing through the
    command line erases that data in the same unit of work, and the other purposes' data stay."""

    def handler_for(kind: str) -> Callable[[UnitOfWork, str], int]:
        def erase(uow: UnitOfWork, person_id: str) -> int:
            row = uow.session.get(DeskState, f"{kind}:{person_id}")
            if row is None:
                return 0
            uow.session.delete(row)
            return 1

        return erase

    for purpose in ("bracelet_location", "bracelet_health"):
        held = REGISTRY.consent_purposes[purpose]
        monkeypatch.setitem(
            REGISTRY.consent_purposes,
            purpose,
            ConsentPurpose(purpose, held.label, held.standing, (handler_for(purpose),)),
        )
    with sqlite3.connect(desk.db) as db:
        for purpose in ("bracelet_location", "bracelet_health"):
            db.execute("INSERT INTO desk_state(key, value) VALUES (?, ?)", (f"{purpose}:{desk.wang}", "kept"))

    done = desk.run("consent", "withdraw", desk.wang, "bracelet_location", "--reason", "不再佩戴手环")
    assert done.code == 0, done.err
    assert (done.json["erased"], done.json["handlers"]) == (1, 1)
    assert "已删除为「手环定位」保存的 1 项个人信息" in done.err
    kept = {k for (k,) in rows(desk, "SELECT key FROM desk_state WHERE key LIKE 'bracelet_%'")}
    assert kept == {f"bracelet_health:{desk.wang}"}
    assert in_force(desk, desk.wang) == set(PURPOSES) - {"bracelet_location"}
    assert withdrawals(desk)[-1][1]["erased"] == 1


def test_bad_input_is_refused_naming_the_field_and_the_rule(desk: Desk) -> None:
    consents = rows(desk, "SELECT * FROM consent ORDER BY id")
    people = person_data(desk)
    audited = len(rows(desk, "SELECT seq FROM audit_record"))

    unknown = desk.run("consent", "withdraw", desk.wang, "marketing", "--reason", "理由")
    assert unknown.code == 2 and "purpose [consent_purpose]" in unknown.err
    assert all(label in unknown.err for label in PURPOSES.values())  # the choices are named
    nobody = desk.run("consent", "withdraw", "no-such-person", "短信通知", "--reason", "理由")
    assert nobody.code == 2 and "person_id [person_unknown]" in nobody.err
    twice = desk.run("consent", "withdraw", desk.chen, "photo_publicity", "--reason", "理由")
    assert twice.code == 2 and "purpose [consent_not_active]" in twice.err and "调解案例宣传使用照片" in twice.err
    blank = desk.run("consent", "withdraw", desk.wang, "sms_notice", "--reason", "   ")
    assert blank.code == 2 and "reason [required]" in blank.err
    missing = desk.run("consent", "withdraw", desk.wang, "sms_notice")
    assert missing.code == 2 and "--reason" in missing.err
    as_json = desk.run("--json", "consent", "withdraw", desk.wang, "no_purpose", "--reason", "理由")
    problems = json.loads(as_json.err.strip().splitlines()[-1])["problems"]
    assert [(p["field"], p["rule"]) for p in problems] == [("purpose", "consent_purpose")]

    # The role table: a 调解员 may not record consents or withdrawals (consent.manage).
    by_mediator = desk.run("--as", MEDIATOR, "consent", "withdraw", desk.wang, "sms_notice", "--reason", "家属要求")
    assert by_mediator.code == 2 and "调解员无权登记当事人同意及撤回" in by_mediator.err
    assert desk.run("--as", MEDIATOR, "consent", "give", desk.chen, "photo_publicity").code == 2

    assert rows(desk, "SELECT * FROM consent ORDER BY id") == consents
    assert person_data(desk) == people
    added = rows(desk, "SELECT action, actor_name, detail FROM audit_record ORDER BY seq")[audited:]
    assert [(a, who, json.loads(d)["refused_action"]) for a, who, d in added] == [
        ("access.denied", MEDIATOR, consent.ACTION)
    ] * 2
    assert in_force(desk, desk.wang) == set(PURPOSES) and in_force(desk, desk.chen) == {"sms_notice"}
