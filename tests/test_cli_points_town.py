"""`mediation-desk points town …` against the real district server: a town's desk lists its
villages' approved declarations (masked names), approves and turns them down, lists conflicts; a
committee's desk is refused; an unreachable district is said plainly with what to do (exit 2,
nothing changed); bad input names the field."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from desk_kit import ADMIN_USER, PASSWORD
from district_server import DistrictServer
from service_helpers import Env

sys.path.insert(0, str(Path(__file__).resolve().parent / "sync"))  # the sync tests' own helpers

from sync_helpers import enroll, make_desk, prepare_district, sync_until_quiet

from mediation_desk.cli import main
from mediation_desk.cli.context import PASSWORD_ENV
from mediation_desk.core.uow import china_today
from mediation_desk.points import declarations, residents, rules


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
def district(tmp_path: Path) -> Iterator[DistrictServer]:
    server = DistrictServer(f"sqlite:///{tmp_path / 'district.sqlite3'}", log_path=tmp_path / "district.log")
    server.start()
    try:
        yield prepare_district(server)
    finally:
        server.stop()


@pytest.fixture
def village(tmp_path: Path, district: DistrictServer) -> Iterator[Env]:
    """谢家塘村's desk, enrolled, with two of 王小芳's declarations approved by the village and sent."""
    env = make_desk(tmp_path / "village")
    try:
        enroll(district, env)
        household = residents.add_household(env.desk, env.admin, label="王小芳户", village_group="一组")
        rid = residents.add_resident(
            env.desk, env.admin, name="王小芳", village_group="一组", household_id=household.id
        ).id
        for item, days_ago in (("hazard_report", 0), ("patrol", 1)):
            day = china_today() - dt.timedelta(days=days_ago)
            d = declarations.declare(env.desk, env.admin, resident_id=rid, item_code=item, activity_date=day)
            declarations.review(env.desk, env.admin, d.id, approve=True)
        sync_until_quiet(env)
        yield env
    finally:
        env.desk.close()


@pytest.fixture
def town(tmp_path: Path, district: DistrictServer) -> Iterator[Env]:
    env = make_desk(tmp_path / "town", "XT-002")
    try:
        enroll(district, env, town="谢塘镇")
        yield env
    finally:
        env.desk.close()


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    """`run(env, "points", "town", …)`: the command on that desk, as its 主任."""
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)

    def _run(env: Env, *argv: str) -> Result:
        code = main(["--data-dir", str(env.root), "--as", ADMIN_USER, *argv])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return _run


def test_the_town_reviews_through_the_district(run: Run, village: Env, town: Env) -> None:
    listed = run(town, "points", "town", "declarations")
    assert listed.code == 0, listed.err
    assert "王*芳" in listed.out and "王小芳" not in listed.out and "报告安全隐患（经核实）" in listed.out
    waiting = {d["item_code"]: d for d in run(town, "points", "town", "declarations", "--json").json}
    assert set(waiting) == {"hazard_report", "patrol"}

    approved = run(town, "points", "town", "review", waiting["hazard_report"]["id"][:8], "--approve")
    assert approved.code == 0, approved.err
    assert approved.json["status"] == rules.TOWN_APPROVED and approved.json["entry_id"]
    no_reason = run(town, "points", "town", "review", waiting["patrol"]["id"], "--reject")
    assert no_reason.code == 2 and "错误 reason [" in no_reason.err
    rejected = run(town, "points", "town", "review", waiting["patrol"]["id"][:8], "--reject", "--reason", "无照片")
    assert rejected.code == 0 and rejected.json["status"] == rules.TOWN_REJECTED
    assert run(town, "points", "town", "declarations").out.startswith("没有「待镇审核」的申报")
    done = run(town, "points", "town", "declarations", "--status", "已通过，已记分", "--json").json
    assert [d["item_code"] for d in done] == ["hazard_report"]

    sync_until_quiet(village)
    statuses = {d.item_code: d.status for d in declarations.list_declarations(village.desk, village.admin)}
    assert statuses == {"hazard_report": rules.TOWN_APPROVED, "patrol": rules.TOWN_REJECTED}
    assert run(town, "points", "town", "conflicts").out.startswith("没有兑换冲突")


def test_bad_input_and_a_committee_desk_are_refused(run: Run, village: Env, town: Env) -> None:
    unknown = run(town, "points", "town", "review", "zzzzzz", "--approve")
    assert unknown.code == 2 and "错误 declaration [declaration_unknown]" in unknown.err
    bad_status = run(town, "points", "town", "declarations", "--status", "审核中")
    assert bad_status.code == 2 and "错误 status [" in bad_status.err
    bad_choice = run(town, "points", "town", "resolve", "abcd", "--resolution", "forget", "--reason", "x")
    assert bad_choice.code == 2  # argparse names the allowed resolutions
    committee = run(village, "points", "town", "declarations")
    assert committee.code == 2 and "镇（街道）" in committee.err


def test_an_unreachable_district_is_said_plainly(run: Run, town: Env, district: DistrictServer) -> None:
    district.stop()
    offline = run(town, "--json", "points", "town", "declarations")
    assert offline.code == 2
    assert "无法连接区服务器" in offline.err and "须联网" in offline.err
    error = json.loads(offline.err.strip().splitlines()[-1])
    assert error["hint"].startswith("镇里的审核须联网进行")
