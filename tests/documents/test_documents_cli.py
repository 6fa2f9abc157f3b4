"""`mediation-desk document KIND CASE -o FILE.pdf --reason TEXT` and `mediation-desk verify PAYLOAD`,
driven in-process through `main([...])` on a real desk."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from document_helpers import case_with, missing, people
from service_helpers import PASSWORD, Env, env, party  # noqa: F401  (env is a fixture)
from sqlalchemy import select

from mediation_desk.cli import main
from mediation_desk.cli.context import PASSWORD_ENV
from mediation_desk.core.models import AuditRecord
from mediation_desk.mediation import followup, workflow
from mediation_desk.mediation.models_case import Agreement, MediationCase


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def json(self) -> Any:
        return json.loads(self.out)


Run = Callable[..., Result]


@pytest.fixture
def run(env: Env, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)

    def _run(*argv: str) -> Result:
        code = main(["--data-dir", str(env.root), *argv])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return _run


def closed_case(env: Env) -> str:
    case_id = case_with(env, people(2))
    followup.record_follow_up(
        env.desk,
        env.admin,
        case_id,
        {"performance_status": "fully_performed", "satisfaction": "satisfied", "notes": "已履行"},
    )
    workflow.transition(env.desk, env.admin, case_id, "closed")
    return case_id


def number_of(env: Env, case_id: str) -> str:
    with env.desk.read() as s:
        return s.get(MediationCase, case_id).number  # type: ignore[union-attr]


def test_document_writes_the_pdf_and_audits_generation_and_saving(env: Env, run: Run, tmp_path: Path) -> None:
    case_id = case_with(env, people(2))
    target = tmp_path / "out" / "协议书.pdf"
    result = run("document", "agreement", number_of(env, case_id), "-o", str(target), "--reason", "当事人签字用")
    assert result.code == 0, result.err
    answer = result.json
    assert answer["kind"] == "agreement" and answer["title"] == "人民调解协议书"
    assert answer["case_id"] == case_id and answer["pages"] >= 1 and len(answer["sha256"]) == 64
    assert answer["verification_payload"].startswith("MDA1|XT-001|")
    data = target.read_bytes()
    assert data.startswith(b"%PDF") and len(data) == answer["size"]
    assert not missing(data, "人民调解协议书", "王永年", "陈建林")
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600  # it holds full identity numbers
    assert "身份证件号码" in result.err
    with env.desk.read() as s:
        audited = [
            (r.action, r.detail.get("how"), r.detail.get("sha256"))
            for r in s.scalars(
                select(AuditRecord)
                .where(AuditRecord.action.in_(["document.generate", "document.export"]))
                .order_by(AuditRecord.seq)
            )
        ]
    assert audited == [("document.generate", None, answer["sha256"]), ("document.export", "save", answer["sha256"])]


def test_every_kind_from_the_command_line(env: Env, run: Run, tmp_path: Path) -> None:
    case_id = closed_case(env)
    for kind in (
        "application",
        "registration",
        "rights_notice",
        "session_record",
        "agreement",
        "follow_up",
        "judicial_application",
        "case_file",
    ):
        result = run("document", kind, case_id, "-o", str(tmp_path / f"{kind}.pdf"), "--reason", "归档")
        assert result.code == 0, (kind, result.err)
        assert (tmp_path / f"{kind}.pdf").read_bytes().startswith(b"%PDF")
    oral = case_with(env, [party("俞小芳", 81), party("钱大有", 82)], form="oral")
    assert run("document", "口头调解协议登记表", oral, "-o", str(tmp_path / "oral.pdf"), "--reason", "登记").code == 0


@pytest.mark.parametrize(
    "argv, field, rule",
    [
        (["document", "contract", "{case}", "-o", "{out}", "--reason", "x"], "kind", "document_kind"),
        (["document", "agreement", "{case}", "-o", "{out}"], "reason", "reason_required"),
        (["document", "agreement", "{case}", "-o", "{out}", "--reason", "  "], "reason", "reason_required"),
        (["document", "follow_up", "{case}", "-o", "{out}", "--reason", "x"], "kind", "document_not_available"),
    ],
)
def test_bad_document_requests_are_refused(
    env: Env, run: Run, tmp_path: Path, argv: list[str], field: str, rule: str
) -> None:
    case_id = case_with(env, people(2))
    out = tmp_path / "x.pdf"
    result = run(*(a.format(case=case_id, out=out) for a in argv))
    assert result.code == 2
    assert f"错误 {field} [{rule}]" in result.err
    assert not out.exists()


def test_unknown_case_locked_desk_and_existing_file(
    env: Env, run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case_id = case_with(env, people(2))
    out = tmp_path / "x.pdf"
    unknown = run("document", "agreement", "（2026）谢调字第 0999 号", "-o", str(out), "--reason", "x", "--json")
    assert unknown.code == 2 and "找不到案件" in unknown.err
    assert json.loads(unknown.err.strip().splitlines()[-1])["kind"] == "not_found"
    out.write_bytes(b"old")
    exists = run("document", "agreement", case_id, "-o", str(out), "--reason", "x")
    assert exists.code == 2 and "错误 output [file_exists]" in exists.err and out.read_bytes() == b"old"
    assert run("document", "agreement", case_id, "-o", str(out), "--reason", "x", "--force").code == 0
    monkeypatch.delenv(PASSWORD_ENV)
    locked = run("document", "agreement", case_id, "-o", str(tmp_path / "y.pdf"), "--reason", "x")
    assert locked.code == 2 and "工作台已锁定" in locked.err and PASSWORD_ENV in locked.err
    assert not (tmp_path / "y.pdf").exists()


def test_a_character_no_font_has_is_refused_and_nothing_is_written(env: Env, run: Run, tmp_path: Path) -> None:
    case_id = case_with(env, [party("𮯰田", 91), party("陈建林", 92)], signed=False)
    out = tmp_path / "x.pdf"
    result = run("document", "registration", case_id, "-o", str(out), "--reason", "x")
    assert result.code == 2 and not out.exists()
    assert "错误 parties[0].name [glyph_missing]" in result.err and "U+2EBF0" in result.err


def test_verify_from_the_command_line(env: Env, run: Run, tmp_path: Path) -> None:
    case_id = case_with(env, people(2))
    made = run("document", "agreement", case_id, "-o", str(tmp_path / "a.pdf"), "--reason", "签字")
    payload = made.json["verification_payload"]
    ok = run("verify", payload)
    assert ok.code == 0 and "核验通过" in ok.out
    as_json = run("verify", payload, "--json")
    assert as_json.code == 0 and as_json.json["status"] == "match" and as_json.json["case_id"] == case_id
    with env.desk.write(env.admin) as uow:
        a = uow.session.scalars(select(Agreement).where(Agreement.case_id == case_id)).one()
        a.facts = "两家围墙高度争执（已改写）"
    changed = run("verify", payload, "--json")
    assert changed.code == 1 and changed.json["status"] == "mismatch"
    assert changed.json["changed_fields"] == ["facts"] and "主要事实" in "".join(changed.json["details"])
    tag, code, _, digest = payload.split("|")
    unknown = run("verify", f"{tag}|{code}|（2026）谢调字第 0999 号|{digest}")
    assert unknown.code == 1 and "没有编号为" in unknown.out
    for bad in ("", "hello", f"{tag}|{code}|x|{digest}", f"{tag}|{code}|（2026）谢调字第 0001 号|123"):
        refused = run("verify", bad)
        assert refused.code == 2 and "错误 payload [" in refused.err, bad
