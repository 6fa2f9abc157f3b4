"""The `mediation-desk` command line, driven in-process through `main([...])` and, for exit codes
and encodings as a user sees them, as a real `python -m mediation_desk` process."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import re
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from service_helpers import CLI_SETUP as SETUP

from mediation_desk.cli import main
from mediation_desk.cli.admin_commands import ADMIN_PASSWORD_ENV, NEW_PASSWORD_ENV, PASSWORD_ENV
from mediation_desk.cli.context import RECOVERY_KEY_ENV
from mediation_desk.lifecycle import consent
from mediation_desk.paths import DATA_ENV

PASSWORD = "Xietang-2026!"
NEW_PASSWORD = "Huangjiu-Shaoxing-88"
LOCKED_HINT_CN = "设置 MEDIATION_DESK_PASSWORD 或在终端中运行以输入密码"
RECOVERY_KEY = re.compile(r"^([A-Z2-7]{4}-){7}[A-Z2-7]{4}$")
CHINA = dt.timezone(dt.timedelta(hours=8))


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def json(self) -> Any:
        return json.loads(self.out)

    @property
    def error_json(self) -> dict[str, Any]:
        """The JSON object printed on stderr after the human lines (with --json)."""
        return json.loads(self.err.strip().splitlines()[-1])


Run = Callable[..., Result]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "desk"


@pytest.fixture
def run(data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    """`run("case", "list", stdin=...)` → exit code and captured output, on this test's desk."""
    monkeypatch.setenv(ADMIN_PASSWORD_ENV, PASSWORD)
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)  # the login password (every test operator's)
    monkeypatch.setenv(NEW_PASSWORD_ENV, PASSWORD)  # passwords being set (`operator add`)

    def _run(*argv: str, stdin: str | None = None, desk: Path | None = None) -> Result:
        if stdin is not None:
            monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = main(["--data-dir", str(desk or data_dir), *argv])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return _run


@pytest.fixture
def ready(run: Run) -> Run:
    """A desk that is set up, with one mediator (谢阿根) who knows neighbour disputes."""
    assert run(*SETUP).code == 0
    added = run(
        "mediator",
        "add",
        "--name",
        "谢阿根",
        "--skills",
        "邻里,婚姻家庭",
        "--area",
        "谢家塘村",
        "--title",
        "老娘舅",
        "--phone",
        "13905751234",
    )
    assert added.code == 0, added.err
    return run


def write_json(path: Path, data: Any) -> str:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def beijing_today() -> dt.date:
    """The desk's calendar date (Beijing): not the UTC date, which lags from 00:00 to 08:00."""
    return dt.datetime.now(CHINA).date()


def beijing_now(hours_ago: int = 1) -> str:
    return (dt.datetime.now(CHINA) - dt.timedelta(hours=hours_ago)).strftime("%Y-%m-%dT%H:%M")


def case_count(run: Run) -> int:
    listed = run("case", "list", "--json")
    assert listed.code == 0, listed.err
    return len(listed.json)


# --- no command, setup, operators ---------------------------------------------------------------


def test_no_command_on_a_new_desk_points_to_setup_and_demo(run: Run, data_dir: Path) -> None:
    result = run()
    assert result.code == 0
    assert "未打开工作台窗口" in result.err and "MEDIATION_DESK_NO_GUI" in result.err  # set for tests
    assert "mediation-desk setup" in result.err and "mediation-desk demo" in result.err
    assert "--help" in result.err
    assert not (data_dir / "desk.sqlite3").exists()  # a greeting creates no database


def test_setup_then_the_summary_shows_committee_and_cases(ready: Run, intake_form: Any, tmp_path: Path) -> None:
    assert ready("case", "add", "--json", write_json(tmp_path / "c.json", intake_form())).code == 0
    result = ready()
    assert result.code == 0
    assert "谢家塘村人民调解委员会" in result.out
    assert "已受理  1" in result.out
    assert "回访" in result.out and "--help" in result.out


def test_setup_reads_the_password_from_the_environment_only(run: Run) -> None:
    result = run(*SETUP)
    assert result.code == 0, result.err
    assert result.json["committee"]["case_word"] == "谢调字"
    assert result.json["admin"]["role"] == "admin"
    assert PASSWORD not in result.out + result.err
    again = run(*SETUP)
    assert again.code == 2 and "不能重复设置" in again.err


def test_setup_with_a_weak_password_sets_nothing_up(run: Run, monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    monkeypatch.setenv(ADMIN_PASSWORD_ENV, "1234")
    result = run(*SETUP)
    assert result.code == 2
    assert "password [password_length]" in result.err
    monkeypatch.setenv(ADMIN_PASSWORD_ENV, PASSWORD)
    assert run(*SETUP).code == 0  # nothing half-saved: setup can simply be run again


def test_setup_with_a_bad_admin_username_sets_nothing_up(run: Run) -> None:
    bad = [*SETUP[:-4], "--admin", "x", "--admin-name", "戴才良"]
    result = run(*bad)
    assert result.code == 2 and "admin [username_format]" in result.err
    assert run(*SETUP).code == 0


def test_setup_without_password_and_without_terminal_refuses(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ADMIN_PASSWORD_ENV)
    result = run(*SETUP, stdin="")
    assert result.code == 2
    assert ADMIN_PASSWORD_ENV in result.err


def test_operator_add_and_list(ready: Run) -> None:
    added = ready("operator", "add", "--username", "jinxy", "--name", "金晓燕", "--role", "clerk")
    assert added.code == 0, added.err
    assert added.json["role"] == "clerk"
    listed = ready("operator", "list", "--json")
    assert [o["username"] for o in listed.json] == ["daicailiang", "jinxy"]
    table = ready("operator", "list")
    assert "金晓燕" in table.out and "记录员" in table.out
    # A clerk may not add operators.
    refused = ready("--as", "jinxy", "operator", "add", "--username", "xiaowang", "--name", "王小", "--role", "admin")
    assert refused.code == 2 and "记录员无权管理操作员账号" in refused.err
    unknown = ready("--as", "nobody", "case", "list")
    assert unknown.code == 2 and "nobody" in unknown.err


# --- mediators ----------------------------------------------------------------------------------


def test_mediator_add_list_update(ready: Run, tmp_path: Path) -> None:
    added = ready(
        "mediator",
        "add",
        "--json",
        "-",
        stdin=json.dumps({"name": "杜关林", "skills": ["合同", "labour"], "max_open_cases": 5}),
    )
    assert added.code == 0, added.err
    assert added.json["skills"] == ["contract", "labour"]
    listed = ready("mediator", "list", "--json")
    by_name = {m["name"]: m for m in listed.json}
    assert set(by_name) == {"谢阿根", "杜关林"}
    assert by_name["谢阿根"]["phone"] == "139****1234"  # masked in lists
    assert by_name["谢阿根"]["skills"] == ["family", "neighbour"]
    updated = ready("mediator", "update", "杜关林", "--json", write_json(tmp_path / "u.json", {"available": False}))
    assert updated.code == 0 and updated.json["available"] is False
    table = ready("mediator", "list")
    assert "暂不可用" in table.out and "老娘舅" in table.out
    bad = ready("mediator", "add", "--name", "王五", "--skills", "打架")
    assert bad.code == 2 and "skills[0] [skill_unknown]" in bad.err


def test_a_full_mediator_is_listed_as_full(ready: Run, intake_form: Any, tmp_path: Path) -> None:
    capped = write_json(tmp_path / "u.json", {"max_open_cases": 1})
    assert ready("mediator", "update", "谢阿根", "--json", capped).code == 0
    key = ready("case", "add", "--json", "-", stdin=json.dumps(intake_form(), ensure_ascii=False)).json["summary"]["id"]
    assert ready("case", "assign", key, "谢阿根").code == 0
    [row] = [line for line in ready("mediator", "list").out.splitlines() if "谢阿根" in line]
    assert "已满额" in row and "可派单" not in row


# --- intake -------------------------------------------------------------------------------------


def test_case_add_from_a_file_and_from_stdin(ready: Run, intake_form: Any, make_party: Any, tmp_path: Path) -> None:
    from_file = ready("case", "add", "--json", write_json(tmp_path / "c.json", intake_form()))
    assert from_file.code == 0, from_file.err
    assert from_file.json["summary"]["number"] == "（2026）谢调字第 0001 号".replace("2026", str(beijing_today().year))
    form = intake_form(make_party("俞关林"), make_party("章美琴"), amount="1200.50")
    text = json.dumps(form, ensure_ascii=False).replace('"1200.50"', "1200.50")  # a JSON number
    from_stdin = ready("case", "add", "--json", "-", stdin=text)
    assert from_stdin.code == 0, from_stdin.err
    assert from_stdin.json["summary"]["amount"] in ("1200.5", "1200.50")
    assert case_count(ready) == 2
    table = ready("case", "list")
    assert "俞关林、章美琴" in table.out and "已受理" in table.out
    found = ready("case", "list", "--search", "俞关林", "--json")
    assert [c["id"] for c in found.json] == [from_stdin.json["summary"]["id"]]


def _bad_id(party: dict[str, Any]) -> str:
    number = party["id_number"]
    wrong = "0" if number[-1] != "0" else "1"
    return number[:17] + wrong


@pytest.mark.parametrize(
    "breakage, field, rule",
    [
        ("id", "parties[0].id_number", "id_check_digit"),
        ("phone", "parties[1].phone", "phone_format"),
        ("facts", "brief_facts", "required"),
        ("control", "brief_facts", "control_character"),
    ],
)
def test_case_add_with_bad_input_saves_nothing(
    ready: Run, intake_form: Any, tmp_path: Path, breakage: str, field: str, rule: str
) -> None:
    form = intake_form()
    if breakage == "id":
        form["parties"][0]["id_number"] = _bad_id(form["parties"][0])
    elif breakage == "phone":
        form["parties"][1]["phone"] = "1234567"
    elif breakage == "facts":
        form["brief_facts"] = "   "
    else:
        form["brief_facts"] = "两家因围墙\x07争执"
    result = ready("case", "add", "--json", write_json(tmp_path / "bad.json", form))
    assert result.code == 2
    assert f"错误 {field} [{rule}]: " in result.err
    assert "Traceback" not in result.err
    assert result.out == ""
    problems = result.error_json["problems"]  # `--json FILE` also gives the JSON error object
    assert {"field": field, "rule": rule} in [{k: p[k] for k in ("field", "rule")} for p in problems]
    assert case_count(ready) == 0


def test_bad_id_message_names_the_error_not_the_check_digit(ready: Run, intake_form: Any, tmp_path: Path) -> None:
    form = intake_form()
    good = form["parties"][0]["id_number"]
    form["parties"][0]["id_number"] = _bad_id(form["parties"][0])
    result = ready("case", "add", "--json", write_json(tmp_path / "bad.json", form))
    assert "身份证号码校验不通过：号码中有一位或几位不对，请对照证件逐位核对" in result.err
    assert f"应为 {good[-1]}" not in result.err


def test_case_add_refuses_broken_json_and_absurd_amounts(ready: Run, intake_form: Any) -> None:
    broken = ready("case", "add", "--json", "-", stdin='{"brief_facts": ')
    assert broken.code == 2 and "json [json_syntax]" in broken.err
    missing = ready("case", "add", "--json", "no-such-file.json")
    assert missing.code == 2 and "json [file_missing]" in missing.err
    not_object = ready("case", "add", "--json", "-", stdin="[1, 2]")
    assert not_object.code == 2 and "json [json_object]" in not_object.err
    exponent = json.dumps(intake_form(), ensure_ascii=False)[:-1] + ', "amount": 1e400}'
    huge = ready("case", "add", "--json", "-", stdin=exponent)
    assert huge.code == 2 and "amount [" in huge.err
    assert case_count(ready) == 0


def test_case_show_masks_personal_data_unless_full(
    ready: Run, intake_form: Any, make_party: Any, tmp_path: Path, data_dir: Path
) -> None:
    party = make_party("王永年")
    added = ready("case", "add", "--json", write_json(tmp_path / "c.json", intake_form(party, make_party("陈建林"))))
    number = added.json["summary"]["number"]
    shown = ready("case", "show", number, "--json")
    assert shown.code == 0
    person = shown.json["parties"][0]["person"]
    assert person["id_number"] == party["id_number"][:6] + "********" + party["id_number"][-4:]
    assert person["phone"] == party["phone"][:3] + "****" + party["phone"][-4:]
    assert party["id_number"] not in shown.out and party["phone"] not in shown.out
    assert person["address"] is None
    human = ready("case", "show", number)
    assert party["id_number"] not in human.out and "王永年" in human.out and "已受理" in human.out
    no_reason = ready("case", "show", number, "--json", "--full")
    assert no_reason.code == 2 and "reason [reason_required]" in no_reason.err
    assert party["id_number"] not in no_reason.out + no_reason.err
    full = ready("case", "show", number, "--json", "--full", "--reason", "回访需联系当事人")
    assert full.code == 0, full.err
    assert full.json["parties"][0]["person"]["id_number"] == party["id_number"]
    with sqlite3.connect(data_dir / "desk.sqlite3") as db:
        viewed = db.execute("SELECT detail FROM audit_record WHERE action = 'case.view_personal_data'").fetchall()
    assert len(viewed) == 1 and "回访需联系当事人" in json.loads(viewed[0][0]).values()
    missing = ready("case", "show", "no-such-case", "--json")
    assert missing.code == 2 and "找不到案件" in missing.err
    assert missing.error_json["kind"] == "not_found"


# --- a whole case -------------------------------------------------------------------------------


def test_full_case_life(ready: Run, intake_form: Any, tmp_path: Path) -> None:
    form = intake_form(area="谢家塘村")
    case = ready("case", "add", "--json", write_json(tmp_path / "c.json", form)).json
    key = case["summary"]["id"]
    applicant, respondent = (p["person"]["id"] for p in case["parties"])

    ranked = ready("case", "rank", key, "--json")
    assert ranked.code == 0
    assert ranked.json["ranked"][0]["name"] == "谢阿根"
    assert "擅长邻里" in ranked.json["ranked"][0]["reasons"]
    assert "谢阿根" in ready("case", "rank", key).out

    assigned = ready("case", "assign", key, "谢阿根")
    assert assigned.code == 0, assigned.err
    assert assigned.json["case"]["status"] == "assigned"

    note = {
        "held_at": beijing_now(),
        "place": "谢家塘村调解室",
        "recorder": "金晓燕",
        "participants": ["王永年", "陈建林"],
        "statements": [
            {"person_id": applicant, "text": "围墙太高挡光"},
            {"person_id": respondent, "text": "围墙在自家地上"},
        ],
        "result": "双方同意降低围墙",
        "outcome": "agreement",
    }
    noted = ready("case", "note", key, "--json", "-", stdin=json.dumps(note, ensure_ascii=False))
    assert noted.code == 0, noted.err
    assert noted.json["case"]["status"] == "in_mediation"

    refused = ready("case", "transition", key, "terminated", "--reason", "双方分歧太大", "--json")
    assert refused.code == 2
    assert "人民调解法第二十六条" in refused.err and "[transition_refused]" in refused.err
    assert refused.error_json["kind"] == "transition"
    assert "终止调解" in refused.error_json["allowed"]

    agreement = {
        "form": "written",
        "facts": "两家围墙高度争执",
        "disputed_issues": "围墙高度",
        "terms": ["陈建林于月底前将围墙降至两米", "王永年不再追究"],
        "performance_method": "自行拆除",
        "amount": "3000.00",
        "performance_deadline": (beijing_today() + dt.timedelta(days=20)).isoformat(),
    }
    agreed = ready("case", "agree", key, "--json", write_json(tmp_path / "a.json", agreement))
    assert agreed.code == 0, agreed.err
    assert agreed.json["copies"] == 3  # two parties + the committee
    signed = ready("case", "sign", key)
    assert signed.code == 0, signed.err
    assert signed.json["effective_on"] == beijing_today().isoformat()
    assert ready("case", "sign", key).code == 2  # already signed

    scheduled = ready("case", "follow-up", key, "--due", beijing_today().isoformat(), "--reason", "核实拆除")
    assert scheduled.code == 0, scheduled.err
    due = ready("followups", "--json")
    assert [f["id"] for f in due.json] == [scheduled.json["follow_up_id"]]

    early = ready("case", "transition", key, "closed")
    assert early.code == 2 and "不能直接转为" in early.err

    visit = {
        "follow_up_id": scheduled.json["follow_up_id"],
        "performance_status": "fully_performed",
        "satisfaction": "satisfied",
        "notes": "围墙已降低，双方和好",
    }
    visited = ready("case", "visit", key, "--json", write_json(tmp_path / "v.json", visit))
    assert visited.code == 0, visited.err
    assert visited.json["case"]["status"] == "follow_up"

    closed = ready("case", "transition", key, "已结案")
    assert closed.code == 0, closed.err
    assert closed.json["status"] == "closed"

    detail = ready("case", "show", key, "--json").json
    assert detail["closed_on"] == beijing_today().isoformat()
    assert detail["agreement"]["performance_status"] == "fully_performed"
    kinds = {entry["kind"] for entry in detail["timeline"]}
    assert {"transition", "assignment", "session", "follow_up"} <= kinds
    assert ready("case", "list", "--state", "closed", "--json").json[0]["id"] == key
    assert ready("followups", "--json").json == []

    month = dt.datetime.now(CHINA).strftime("%Y-%m")
    report = ready("stats", "--month", month, "--json")
    assert report.code == 0
    for name in (
        "accepted",
        "mediated_successfully",
        "success_rate",
        "agreement_amount",
        "persons_involved",
        "by_source",
        "by_agreement_form",
        "prevention_cases",
        "prevention_persons",
        "found_in_screening",
    ):
        assert name in report.json
    assert report.json["accepted"] == 1 and report.json["mediated_successfully"] == 1
    assert report.json["by_agreement_form"] == {"written": 1}
    human = ready("stats", "--month", month)
    assert "调解成功率" in human.out and "书面协议 1" in human.out
    assert ready("stats", "--month", "2026-13").code == 2


def test_notes_corrections_refusals_and_attachments(ready: Run, intake_form: Any, tmp_path: Path) -> None:
    case = ready("case", "add", "--json", write_json(tmp_path / "c.json", intake_form())).json
    key = case["summary"]["number"]
    applicant = case["parties"][0]["person"]
    ready("mediator", "add", "--name", "杜关林", "--skills", "邻里")

    refusal = ready("case", "refuse", key, "--person", applicant["name"], "--mediator", "谢阿根", "--reason", "是亲戚")
    assert refusal.code == 0, refusal.err
    excluded = ready("case", "rank", key, "--json").json["excluded"]
    assert [(e["name"], e["rule"]) for e in excluded] == [("谢阿根", "refused_by_party")]
    blocked = ready("case", "assign", key, "谢阿根")
    assert blocked.code == 2 and "mediators [refused_by_party]" in blocked.err

    assert ready("case", "assign", key, "杜关林").code == 0
    note = {"held_at": beijing_now(2), "place": "村委会", "recorder": "金晓燕", "result": "初步沟通"}
    session_id = ready("case", "note", key, "--json", write_json(tmp_path / "n.json", note)).json["session_id"]
    fixed = ready(
        "case",
        "correct-note",
        session_id,
        "--json",
        "-",
        "--reason",
        "地点写错",
        stdin=json.dumps({"place": "谢家塘村调解室"}, ensure_ascii=False),
    )
    assert fixed.code == 0, fixed.err
    latest = ready("case", "notes", key, "--json").json
    assert [(n["version"], n["place"]) for n in latest] == [(2, "谢家塘村调解室")]
    every = ready("case", "notes", key, "--all-versions", "--json").json
    assert [n["version"] for n in every] == [1, 2]
    assert "更正理由：地点写错" in ready("case", "notes", key).out
    stale = ready("case", "correct-note", session_id, "--json", "-", "--reason", "再改", stdin="{}")
    assert stale.code == 2 and "[not_latest_version]" in stale.err

    scan = tmp_path / "协议扫描.pdf"
    scan.write_bytes(b"%PDF-1.4 scanned agreement")
    attached = ready("case", "attach", key, str(scan), "--kind", "signed_scan", "--note", "签字页")
    assert attached.code == 0, attached.err
    assert attached.json["original_name"] == "协议扫描.pdf"
    listed = ready("attachment", "list", key, "--json")
    assert [a["id"] for a in listed.json] == [attached.json["id"]]
    copy = tmp_path / "out" / "copy.pdf"
    no_reason = ready("attachment", "open", attached.json["id"], "-o", str(copy))
    assert no_reason.code == 2 and "--reason" in no_reason.err and not copy.exists()
    opened = ready("attachment", "open", attached.json["id"], "-o", str(copy), "--reason", "申请司法确认")
    assert opened.code == 0, opened.err
    assert copy.read_bytes() == scan.read_bytes() and opened.json["size"] == len(scan.read_bytes())
    assert "没有加密" in opened.err
    again = ready("attachment", "open", attached.json["id"], "-o", str(copy), "--reason", "再看")
    assert again.code == 2 and "output [file_exists]" in again.err
    assert ready("attachment", "open", attached.json["id"], "-o", str(copy), "--reason", "再看", "--force").code == 0
    fake = tmp_path / "photo.jpg"
    fake.write_bytes(b"MZ not a jpeg")
    assert "[file_content_mismatch]" in ready("case", "attach", key, str(fake)).err


def test_unexpected_error_is_logged_redacted_without_traceback(
    ready: Run, monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    from mediation_desk.mediation import queries

    def broken(*_a: Any, **_kw: Any) -> Any:
        raise RuntimeError("boom for 11010519491231002X")

    monkeypatch.setattr(queries, "list_cases", broken)
    result = ready("case", "list")
    assert result.code == 70
    assert "内部错误" in result.err and "Traceback" not in result.err
    assert "11010519491231002X" not in result.err
    log = (data_dir / "logs" / "desk.log").read_text(encoding="utf-8")
    assert "RuntimeError" in log and "11010519491231002X" not in log


def test_recusal_reassignment_escalation_and_agreement_steps(ready: Run, intake_form: Any, tmp_path: Path) -> None:
    ready("mediator", "add", "--name", "杜关林", "--skills", "邻里")
    first = ready("case", "add", "--json", write_json(tmp_path / "c1.json", intake_form())).json
    applicant = first["parties"][0]["person"]["id"]
    related = ready("mediator", "relate", "谢阿根", applicant, "表兄弟")
    assert related.code == 0, related.err
    excluded = ready("case", "rank", first["summary"]["id"]).out
    assert "须回避" in excluded and "表兄弟" in excluded
    refused = ready("case", "assign", first["summary"]["id"], "谢阿根", "--json")
    assert refused.code == 2 and refused.error_json["problems"][0]["rule"] == "related_to_party"

    second = ready("case", "add", "--json", write_json(tmp_path / "c2.json", intake_form())).json
    key = second["summary"]["id"]
    both = ready("case", "assign", key, "谢阿根", "杜关林", "--lead", "杜关林")
    assert both.code == 0, both.err
    assert len(both.json["mediator_ids"]) == 2
    leads = {a["mediator_name"]: a["role"] for a in ready("case", "show", key, "--json").json["assignments"]}
    assert leads == {"谢阿根": "assistant", "杜关林": "lead"}
    no_reason = ready("case", "unassign", key, "谢阿根")
    assert no_reason.code == 2 and "--reason" in no_reason.err  # a usage error from argparse
    left = ready("case", "unassign", key, "谢阿根", "--reason", "外出务工")
    assert left.code == 0 and len(left.json["mediator_ids"]) == 1

    escalated = ready(
        "--json",
        "case",
        "transition",
        key,
        "escalated",
        "--escalate-to",
        "town",
        "--reason",
        "涉及多户，可能引发群体性上访",
        "--prevented",
        "group_petition",
    )
    assert escalated.code == 0, escalated.err
    assert escalated.json["status_label"] == "已上报"
    assert ready("case", "show", key, "--json").json["prevented"] == ["group_petition"]

    third = ready("case", "add", "--json", write_json(tmp_path / "c3.json", intake_form())).json["summary"]["id"]
    ready("case", "assign", third, "杜关林")
    note = {"held_at": beijing_now(), "place": "调解室", "recorder": "金晓燕", "result": "达成口头协议"}
    ready("case", "note", third, "--json", write_json(tmp_path / "n.json", note))
    oral = {
        "form": "oral",
        "facts": "借款纠纷",
        "disputed_issues": "还款期限",
        "terms": ["月底前还清"],
        "performance_method": "现金",
    }
    agreed = ready("case", "agree", third, "--json", write_json(tmp_path / "a.json", oral))
    assert agreed.code == 0 and agreed.json["effective_on"] == beijing_today().isoformat()
    assert "[oral_not_signed]" in ready("case", "sign", third).err
    oral_judicial = ready("case", "judicial", third)  # art. 33 is for written agreements
    assert oral_judicial.code == 2 and "[oral_no_judicial]" in oral_judicial.err
    partial = ready("case", "performance", third, "部分履行")
    assert partial.code == 0 and partial.json["performance_status"] == "partial"
    assert "[performance_status]" in ready("case", "performance", third, "done").err
    listing = ready("case", "list", "--state", "已达成协议", "--state", "escalated", "--type", "邻里", "--json").json
    assert {c["id"] for c in listing} == {key, third}
    by_mediator = ready("case", "list", "--mediator", "杜关林", "--json").json
    assert {c["id"] for c in by_mediator} == {key, third}
    assert "[date_format]" in ready("case", "list", "--from", "2026-02-30").err


# --- the protected desk: unlocking, passwords, recovery -------------------------------------------


def _secrets(data_dir: Path) -> list[Any]:
    """Every password hash and key wrap, byte for byte."""
    with sqlite3.connect(data_dir / "desk.sqlite3") as db:
        return (
            db.execute("SELECT username, password_hash FROM operator ORDER BY username").fetchall()
            + db.execute("SELECT kind, operator_id, salt, blob FROM key_wrap ORDER BY kind, operator_id").fetchall()
        )


def _audited(data_dir: Path, action: str) -> list[str]:
    with sqlite3.connect(data_dir / "desk.sqlite3") as db:
        return [
            r[0] for r in db.execute("SELECT actor_name FROM audit_record WHERE action = ? ORDER BY seq", (action,))
        ]


@pytest.fixture
def protected(run: Run, monkeypatch: pytest.MonkeyPatch, intake_form: Any, tmp_path: Path) -> tuple[Run, str, str]:
    """Set up without the OS keyring (like a PC that has none), with one case on file: every run
    must unlock with a password. Returns the runner, the recovery key and the case number."""
    done = run(*SETUP, "--no-keyring")
    assert done.code == 0, done.err
    added = run("case", "add", "--json", write_json(tmp_path / "c.json", intake_form()))
    assert added.code == 0, added.err
    monkeypatch.delenv(PASSWORD_ENV)
    return run, done.json["recovery_key"], added.json["summary"]["number"]


def test_setup_prints_the_recovery_key_once_and_prominently(run: Run, data_dir: Path) -> None:
    done = run(*SETUP)
    assert done.code == 0, done.err
    key = done.json["recovery_key"]
    assert RECOVERY_KEY.match(key) and done.json["committee"]["recovery_key"] == key
    assert done.json["key_in_keyring"] is True  # a secure keyring (here: the test's) holds the data key
    assert key in done.err and "打印" in done.err and "只显示这一次" in done.err
    assert "没有可用的安全钥匙串" not in done.err
    assert key not in (data_dir / "logs" / "desk.log").read_text(encoding="utf-8")
    with sqlite3.connect(data_dir / "desk.sqlite3") as db:
        assert key not in repr(db.execute("SELECT * FROM key_wrap").fetchall())
    assert "recovery_key" not in run("operator", "list", "--json").out


def test_lock_status_reports_the_keyring_and_the_wraps(run: Run, memory_keyring: Any) -> None:
    assert run("lock-status").json["set_up"] is False
    assert run(*SETUP).code == 0
    status = run("lock-status").json
    assert status["locked"] is False and status["unlocked_by"] == "keyring"
    assert status["keyring"]["secure"] is True and status["keyring"]["holds_key"] is True
    assert status["keyring"]["backend"].endswith("MemoryKeyring")
    assert (status["key_wraps"], status["operator_wraps"], status["recovery_wrap"]) == (2, 1, True)
    assert status["protected"] is True and status["needs_protection"] is False
    memory_keyring.secrets.clear()
    with_password = run("lock-status").json  # the password in the environment unlocks
    assert with_password["locked"] is False and with_password["unlocked_by"] == "password"


def test_a_locked_run_without_password_fails_with_a_hint(protected: tuple[Run, str, str], data_dir: Path) -> None:
    run, _, number = protected
    assert run("lock-status").json["locked"] is True
    masked = run("case", "list", "--json")  # lists show masked data; the number is public
    assert masked.code == 0 and masked.json[0]["number"] == number
    refused = run("mediator", "add", "--name", "杜关林", "--phone", "13905751234")
    assert refused.code == 2
    assert "工作台已锁定" in refused.err and LOCKED_HINT_CN in refused.err
    as_json = run("case", "show", number, "--full", "--reason", "核对", "--json")
    assert as_json.code == 2 and as_json.error_json["hint"].startswith(LOCKED_HINT_CN)
    assert run("stats", "--json").code == 0 and run("check").code == 0  # no personal data needed


def test_the_environment_password_logs_in_the_operator_named(
    protected: tuple[Run, str, str], monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    run, _, number = protected
    monkeypatch.setenv(PASSWORD_ENV, "wrong-password")
    wrong = run("case", "show", number, "--full", "--reason", "核对")
    assert wrong.code == 2 and "用户名或密码错误" in wrong.err and "身份证" not in wrong.out
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    assert run("operator", "add", "--username", "jinxy", "--name", "金晓燕", "--role", "clerk").code == 0
    added = run("--as", "jinxy", "mediator", "add", "--name", "杜关林", "--phone", "13905751234")
    assert added.code == 0, added.err
    refused = run("--as", "jinxy", "operator", "add", "--username", "xiaowang", "--name", "王小", "--role", "admin")
    assert refused.code == 2 and "记录员无权管理操作员账号" in refused.err  # logged in as the clerk, who may not
    with sqlite3.connect(data_dir / "desk.sqlite3") as db:
        logins = [
            r[0]
            for r in db.execute(
                "SELECT o.username FROM audit_record a JOIN operator o ON o.id = a.entity_id "
                "WHERE a.action = 'operator.login' ORDER BY a.seq"
            )
        ]
    assert logins[-3:] == ["daicailiang", "jinxy", "jinxy"]
    assert _audited(data_dir, "mediator.create") == ["jinxy"]


def test_a_password_typed_at_the_terminal_unlocks(
    protected: tuple[Run, str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from mediation_desk.cli import io as cli_io

    run, _, number = protected
    typed = iter(["not-it", PASSWORD])
    prompts: list[str] = []
    monkeypatch.setattr(cli_io, "stdin_is_terminal", lambda: True)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": prompts.append(prompt) or next(typed))
    shown = run("case", "show", number, "--full", "--reason", "回访", "--json")
    assert shown.code == 0, shown.err
    assert "请重试" in shown.err and len(prompts) == 2 and "daicailiang" in prompts[0]
    assert shown.json["parties"][0]["person"]["phone"].isdigit()


def test_recover_with_a_wrong_key_changes_nothing(
    protected: tuple[Run, str, str], monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    run, key, number = protected
    before = _secrets(data_dir)
    monkeypatch.setenv(NEW_PASSWORD_ENV, NEW_PASSWORD)
    other = "-".join(["ABCD"] * 8)
    for text, rule in ((other, "recovery_key_wrong"), ("not a key", "recovery_key_format")):
        monkeypatch.setenv(RECOVERY_KEY_ENV, text)
        refused = run("recover", "--username", "daicailiang")
        assert refused.code == 2 and f"recovery_key [{rule}]" in refused.err
        assert _secrets(data_dir) == before
    monkeypatch.setenv(RECOVERY_KEY_ENV, key)
    unknown = run("recover", "--username", "nobody")
    assert unknown.code == 2 and "username [operator_unknown]" in unknown.err
    assert _secrets(data_dir) == before and _audited(data_dir, "operator.recovered") == []
    assert run("lock-status").json["locked"] is True
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)  # the old password still opens the desk
    assert run("case", "show", number, "--full", "--reason", "核对").code == 0


def test_recover_with_the_key_sets_a_new_password(
    protected: tuple[Run, str, str], monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    run, key, number = protected
    monkeypatch.setenv(RECOVERY_KEY_ENV, key.lower().replace("-", " "))
    monkeypatch.setenv(NEW_PASSWORD_ENV, NEW_PASSWORD)
    done = run("recover", "--username", "daicailiang")
    assert done.code == 0, done.err
    assert done.json == {"username": "daicailiang", "role": "admin", "recovered": True}
    assert NEW_PASSWORD not in done.out + done.err and _audited(data_dir, "operator.recovered") == ["daicailiang"]
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    assert run("case", "show", number, "--full", "--reason", "核对").code == 2  # the old one no longer works
    monkeypatch.setenv(PASSWORD_ENV, NEW_PASSWORD)
    full = run("case", "show", number, "--full", "--reason", "核对", "--json")
    assert full.code == 0, full.err
    assert full.json["parties"][0]["person"]["phone"].isdigit()


def test_password_change_and_reset(
    protected: tuple[Run, str, str], monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    run, _, number = protected
    monkeypatch.setenv(PASSWORD_ENV, "wrong-password")
    monkeypatch.setenv(NEW_PASSWORD_ENV, NEW_PASSWORD)
    before = _secrets(data_dir)
    wrong = run("password", "change")
    assert wrong.code == 2 and "old_password [password_wrong]" in wrong.err
    assert _secrets(data_dir) == before
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    changed = run("password", "change")
    assert changed.code == 0, changed.err
    assert changed.json == {"username": "daicailiang", "password_changed": True}
    assert run("case", "list").code == 2  # the old password is refused now
    monkeypatch.setenv(PASSWORD_ENV, NEW_PASSWORD)
    monkeypatch.setenv(NEW_PASSWORD_ENV, PASSWORD)
    assert run("operator", "add", "--username", "jinxy", "--name", "金晓燕", "--role", "clerk").code == 0
    monkeypatch.setenv(NEW_PASSWORD_ENV, "Jinxiaoyan-2027")
    reset = run("operator", "reset-password", "jinxy")
    assert reset.code == 0, reset.err
    assert _audited(data_dir, "operator.password_reset") == ["daicailiang"]
    refused = run("--as", "jinxy", "operator", "reset-password", "daicailiang")
    assert refused.code == 2  # the clerk's old password no longer opens the desk
    monkeypatch.setenv(PASSWORD_ENV, "Jinxiaoyan-2027")
    by_clerk = run("--as", "jinxy", "operator", "reset-password", "daicailiang")
    assert by_clerk.code == 2 and "记录员无权管理操作员账号" in by_clerk.err
    shown = run("--as", "jinxy", "case", "show", number, "--json")
    assert shown.code == 0, shown.err


def test_password_commands_need_the_environment_or_a_terminal(protected: tuple[Run, str, str]) -> None:
    run, _, _ = protected
    for argv in (("password", "change"), ("recover", "--username", "daicailiang")):
        refused = run(*argv, stdin="")
        assert refused.code == 2 and "MEDIATION_DESK_" in refused.err and "Traceback" not in refused.err


# --- retention, purge and consent ---------------------------------------------------------------


def test_retention_show_set_and_per_case(ready: Run, intake_form: Any, tmp_path: Path) -> None:
    shown = ready("retention", "show")
    assert shown.code == 0, shown.err
    assert isinstance(shown.json, dict) and shown.json
    updated = ready("retention", "set", "--short", "12")
    assert updated.code == 0, updated.err
    assert 12 in updated.json.values()
    assert ready("retention", "set").code == 2
    number = ready("case", "add", "--json", write_json(tmp_path / "c.json", intake_form())).json["summary"]["number"]
    assert ready("case", "retention", number, "永久").code == 0
    assert ready("case", "retention", number, "short").json["retention"] == "short"
    assert ready("case", "retention", number, "forever").code == 2


def test_purge_dry_run_and_confirmation(ready: Run, intake_form: Any, tmp_path: Path) -> None:
    ready("case", "add", "--json", write_json(tmp_path / "c.json", intake_form()))
    dry = ready("purge", "--dry-run")
    assert dry.code == 0, dry.err
    cancelled = ready("purge", stdin="no\n")
    assert cancelled.code == 1 and "已取消" in cancelled.err
    done = ready("purge", "--yes")
    assert done.code == 0, done.err
    assert case_count(ready) == 1  # nothing has expired yet: the case stays


def test_consent_give_list_withdraw(ready: Run, intake_form: Any, tmp_path: Path) -> None:
    case = ready("case", "add", "--json", write_json(tmp_path / "c.json", intake_form())).json
    person = case["parties"][0]["person"]["id"]
    purpose, label = next(iter(consent.purposes().items()))
    given = ready("consent", "give", person, label, "--note", "书面同意书已存档")  # the Chinese label will do
    assert given.code == 0, given.err
    assert given.json["consent_id"] and given.json["purpose"] == purpose
    assert ready("consent", "give", person, "no-such-purpose").code == 2
    listed = ready("consent", "list", person)
    assert listed.code == 0 and len(listed.json) == 1
    no_reason = ready("consent", "withdraw", person, purpose)
    assert no_reason.code == 2 and "--reason" in no_reason.err
    withdrawn = ready("consent", "withdraw", person, purpose, "--reason", "本人电话要求撤回")
    assert withdrawn.code == 0, withdrawn.err


# --- check, backup, restore ---------------------------------------------------------------------


def test_check_passes_then_fails_after_tampering(ready: Run, intake_form: Any, tmp_path: Path, data_dir: Path) -> None:
    ready("case", "add", "--json", write_json(tmp_path / "c.json", intake_form()))
    good = ready("check")
    assert good.code == 0, good.out + good.err
    assert "审计链：完好" in good.out
    assert ready("check", "--json").json["ok"] is True
    with sqlite3.connect(data_dir / "desk.sqlite3") as db:
        db.execute("UPDATE audit_record SET actor_name = 'someone-else' WHERE seq = 2")
    bad = ready("check")
    assert bad.code == 2
    assert "审计链：断裂" in bad.out and "第 2 条" in bad.out
    report = ready("check", "--json")
    assert report.code == 2
    assert report.json["ok"] is False and report.json["audit"]["first_bad_seq"] == 2


def test_backup_then_restore(ready: Run, intake_form: Any, make_party: Any, tmp_path: Path, data_dir: Path) -> None:
    ready("case", "add", "--json", write_json(tmp_path / "c1.json", intake_form()))
    (tmp_path / "copies").mkdir()
    made = ready("backup", "-o", str(tmp_path / "copies"))
    assert made.code == 0, made.err
    backup_file = Path(made.json["backup"])
    assert backup_file.parent == tmp_path / "copies" and backup_file.stat().st_size > 0
    default = ready("backup")
    assert Path(default.json["backup"]).parent == data_dir / "backups"

    ready(
        "case",
        "add",
        "--json",
        write_json(tmp_path / "c2.json", intake_form(make_party("李建国"), make_party("张秀英"))),
    )
    assert case_count(ready) == 2

    cancelled = ready("restore", str(backup_file), stdin="no\n")
    assert cancelled.code == 1 and "已取消" in cancelled.err
    assert case_count(ready) == 2

    restored = ready("restore", str(backup_file), "--yes")
    assert restored.code == 0, restored.err
    assert Path(restored.json["previous_copy"]).exists()
    assert case_count(ready) == 1
    assert ready("check").code == 0

    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    refused = ready("restore", str(junk), "--yes")
    assert refused.code == 2 and "junk.sqlite3" in refused.err
    assert case_count(ready) == 1


# --- modules that may arrive later --------------------------------------------------------------


def test_demo_fills_an_empty_desk_and_says_so_when_asked_again(run: Run) -> None:
    seeded = run("demo", "--cases", "8", "--seed", "7")
    assert seeded.code == 0, seeded.err
    assert case_count(run) == 8
    again = run("demo", "--cases", "8")  # nothing more made (tests/test_demo_command.py)
    assert again.code == 0 and "已装有演示数据" in again.out and case_count(run) == 8


def test_export_and_import_round_trip(ready: Run, intake_form: Any, tmp_path: Path) -> None:
    ready("case", "add", "--json", write_json(tmp_path / "c.json", intake_form()))
    exported = ready("export", "mediators", "--format", "json")
    assert exported.code == 0 and "谢阿根" in exported.out
    to_csv = ready("export", "mediators", "-o", str(tmp_path / "mediators.csv"))
    assert to_csv.code == 0 and to_csv.json["format"] == "csv" and to_csv.json["exported"] == 1
    cases = ready("export", "cases", "-o", str(tmp_path / "cases.json"))
    assert cases.code == 0 and cases.json["exported"] == 1

    other = tmp_path / "other-desk"
    assert ready(*SETUP, desk=other).code == 0
    mediators_in = ready("import", "mediators", str(tmp_path / "mediators.csv"), desk=other)
    assert mediators_in.code == 0, mediators_in.err
    assert mediators_in.json["imported"] == 1 and mediators_in.json["ok"] is True
    cases_in = ready("import", "cases", str(tmp_path / "cases.json"), "--format", "json", desk=other)
    assert cases_in.code == 0, cases_in.err
    assert cases_in.json["imported"] == 1
    assert len(ready("case", "list", "--json", desk=other).json) == 1

    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps([{"name": "杜关林"}, {"name": "", "skills": ["打架"]}], ensure_ascii=False), encoding="utf-8"
    )
    report = ready("import", "mediators", str(bad))
    assert report.code == 1
    assert report.json["imported"] == 0 and report.json["ok"] is False
    assert "第 2 行" in report.err and "--allow-partial" in report.err
    partial = ready("import", "mediators", str(bad), "--allow-partial")
    assert partial.code == 1 and partial.json["imported"] == 1
    missing = ready("import", "cases", str(tmp_path / "none.json"))
    assert missing.code == 2 and "[file_missing]" in missing.err


# --- as a real process --------------------------------------------------------------------------


def _process(
    args: list[str], data_dir: Path, *, stdin: str | None = None, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONIOENCODING", "PYTHONUTF8")}
    env = {k: v for k, v in env.items() if not k.startswith("MEDIATION_DESK_")}
    # Never the real OS keyring: a process sees no secure keyring and unlocks with the password.
    env.update(
        {
            ADMIN_PASSWORD_ENV: PASSWORD,
            PASSWORD_ENV: PASSWORD,
            DATA_ENV: str(data_dir),
            "LC_ALL": "C",
            "LANG": "C",
            "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
        }
    )
    env.update(extra_env or {})
    return subprocess.run(
        [sys.executable, "-m", "mediation_desk", *args],
        input=None if stdin is None else stdin.encode("utf-8"),
        capture_output=True,
        env=env,
        timeout=120,
    )


@pytest.mark.slow
def test_python_dash_m_setup_add_and_refuse(tmp_path: Path, intake_form: Any) -> None:
    data_dir = tmp_path / "proc-desk"
    greeting = _process([], data_dir, extra_env={"MEDIATION_DESK_NO_GUI": "1"})
    assert greeting.returncode == 0
    assert "The window did not open" in greeting.stderr.decode("utf-8")

    done = _process([*SETUP, "--no-keyring"], data_dir)
    assert done.returncode == 0, done.stderr.decode("utf-8")
    answer = json.loads(done.stdout.decode("utf-8"))
    assert answer["committee"]["name"] == "谢家塘村人民调解委员会"
    assert answer["recovery_key"] in done.stderr.decode("utf-8") and answer["key_in_keyring"] is False

    added = _process(["case", "add", "--json", "-"], data_dir, stdin=json.dumps(intake_form(), ensure_ascii=False))
    assert added.returncode == 0, added.stderr.decode("utf-8")
    assert "谢调字" in json.loads(added.stdout.decode("utf-8"))["summary"]["number"]

    form = intake_form()
    form["parties"][0]["id_number"] = _bad_id(form["parties"][0])
    refused = _process(["case", "add", "--json", "-"], data_dir, stdin=json.dumps(form, ensure_ascii=False))
    assert refused.returncode == 2
    stderr = refused.stderr.decode("utf-8")
    assert "错误 parties[0].id_number [id_check_digit]: 身份证号码校验不通过" in stderr
    assert "Traceback" not in stderr and refused.stdout == b""

    locked = _process(
        ["case", "add", "--json", "-"],
        data_dir,
        stdin=json.dumps(intake_form(), ensure_ascii=False),
        extra_env={PASSWORD_ENV: ""},
    )
    assert locked.returncode == 2
    assert LOCKED_HINT_CN in locked.stderr.decode("utf-8") and locked.stdout == b""


ARGPARSE_ENGLISH = (
    "usage:",
    "options:",
    "positional arguments",
    "show this help",
    "version number",
    "error:",
    "the following arguments",
    "invalid choice",
    "unrecognized arguments",
    "invalid int value",
)


def english_of_argparse(text: str) -> list[str]:
    return [words for words in ARGPARSE_ENGLISH if words in text.lower()]


def test_help_and_usage_errors_are_in_chinese(run: Run) -> None:
    top = run("--help")
    assert top.code == 0 and not english_of_argparse(top.out)
    assert top.out.startswith("用法：mediation-desk") and "选项：" in top.out and "显示本帮助并退出" in top.out
    assert "显示版本号并退出" in top.out and "Passwords are" not in top.out and "Desk for" not in top.out
    sub = run("case", "add", "--help")
    assert sub.code == 0 and not english_of_argparse(sub.out)
    assert sub.out.startswith("用法：mediation-desk case add") and "受理登记" in sub.out
    refusals = {
        "无效的选择：'frobnicate'": run("case", "frobnicate"),
        "缺少必需的参数：ACTION": run("case"),
        "无法识别的参数：--bogus": run("stats", "--bogus"),
        "参数 --cases：'x' 不是有效的整数": run("demo", "--cases", "x"),
        "参数 --month：须给出一个值": run("stats", "--month"),
    }
    for message, refused in refusals.items():
        assert refused.code == 2 and not english_of_argparse(refused.err), refused.err
        assert refused.err.startswith("用法：") and "错误：" in refused.err and message in refused.err, refused.err
    assert "usage:" in argparse.ArgumentParser(prog="x").format_help()  # argparse itself is left as it was


def test_mediation_desk_help_as_a_process_is_in_chinese(tmp_path: Path) -> None:
    helped = _process(["--help"], tmp_path / "help-desk")
    text = helped.stdout.decode("utf-8")
    assert helped.returncode == 0 and text.startswith("用法：") and not english_of_argparse(text)
    refused = _process(["case", "show"], tmp_path / "help-desk")
    text = refused.stderr.decode("utf-8")
    assert refused.returncode == 2 and "错误：缺少必需的参数：CASE" in text and not english_of_argparse(text)


@pytest.mark.slow
def test_python_dash_m_version_usage_and_check(tmp_path: Path) -> None:
    data_dir = tmp_path / "proc-desk"
    version = _process(["--version"], data_dir)
    assert version.returncode == 0 and version.stdout.decode().startswith("mediation-desk ")
    usage = _process(["case", "frobnicate"], data_dir)
    assert usage.returncode == 2 and "用法：" in usage.stderr.decode("utf-8")
    no_keyring = _process(SETUP, data_dir)  # no secure keyring here: said plainly, once
    assert no_keyring.returncode == 0
    assert "没有可用的安全钥匙串" in no_keyring.stderr.decode("utf-8")
    status = _process(["lock-status"], data_dir, extra_env={PASSWORD_ENV: ""})
    assert json.loads(status.stdout.decode("utf-8"))["keyring"]["secure"] is False
    checked = _process(["--json", "check"], data_dir)
    assert checked.returncode == 0
    assert json.loads(checked.stdout.decode("utf-8"))["audit"]["ok"] is True
