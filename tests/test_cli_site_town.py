"""`mediation-desk site town-tasks|close-task|rates` against the real district server: a village's
place turns red (a hazard left past its deadline), the district opens a covert inspection, the
town's desk lists it with the place and closes it, and the village sees it closed after its next
sync; the conversion rate of a month; a committee's desk is refused, an unreachable district is
said plainly (exit 2, nothing changed), and bad input names the field."""

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

sys.path.insert(
    0, str(Path(__file__).resolve().parent / "sync")
)  # where the sync tests keep their desk and district set-up

from sync_helpers import enroll, make_desk, prepare_district, sync_until_quiet

from mediation_desk.cli import main
from mediation_desk.cli.context import PASSWORD_ENV
from mediation_desk.core.uow import acting_at
from mediation_desk.sitecode import inspections, places, rules


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def json(self) -> Any:
        return json.loads(self.out)

    def refused(self, field: str) -> bool:
        return self.code == 2 and f"错误 {field} [" in self.err


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
    """谢家塘村's desk, enrolled, with 塘南仓库: registered 75 days ago with a hazard never rectified."""
    env = make_desk(tmp_path / "village")
    try:
        enroll(district, env)
        with acting_at(dt.datetime.now(dt.UTC) - dt.timedelta(days=75)):
            place = places.add_place(
                env.desk, env.admin, name="塘南仓库", category="warehouse", address="谢家塘村塘南 4 号", grid="三网格"
            )
            results = {i.code: rules.OK for i in inspections.checklist_for(env.desk, env.admin, place.id).items}
            inspections.record_inspection(env.desk, env.admin, place.id, results={**results, "stacking": rules.FOUND})
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
    """`run(env, "site", …)`: the command on that desk, as its 主任."""
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)

    def _run(env: Env, *argv: str) -> Result:
        code = main(["--data-dir", str(env.root), "--as", ADMIN_USER, *argv])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return _run


def test_the_town_closes_a_task_the_district_opened(run: Run, village: Env, town: Env) -> None:
    assert "暗访检查" in run(village, "site", "tasks").out  # pulled from the district

    listed = run(town, "site", "town-tasks")
    assert listed.code == 0, listed.err
    assert "塘南仓库" in listed.out and "暗访检查" in listed.out and "三网格" in listed.out
    tasks = run(town, "site", "town-tasks", "--json").json
    assert [(t["place_name"], t["kind"], t["status"]) for t in tasks] == [("塘南仓库", rules.COVERT, rules.TASK_OPEN)]

    blank = run(town, "site", "close-task", tasks[0]["id"][:8], "--outcome", " ")
    assert blank.refused("outcome")
    closed = run(town, "site", "close-task", tasks[0]["id"][:8], "--outcome", "已暗访检查，货物已重新分区堆放")
    assert closed.code == 0, closed.err
    assert closed.json["status"] == rules.TASK_DONE and closed.json["outcome"].startswith("已暗访检查")
    assert run(town, "site", "town-tasks").out.startswith("没有待办的任务")
    assert "已办结" in run(town, "site", "town-tasks", "--all").out

    sync_until_quiet(village)
    done = run(village, "site", "tasks", "--all", "--json").json
    assert [(t["status"], t["outcome"]) for t in done] == [(rules.TASK_DONE, "已暗访检查，货物已重新分区堆放")]

    month = rules.add_months(rules.period_of(dt.datetime.now(dt.UTC)), -1)
    rates = run(town, "site", "rates", "--month", month)
    assert rates.code == 0, rates.err
    assert "转码率" in rates.out and "全镇" in rates.out
    assert run(town, "site", "rates", "--month", month, "--json").json["month"] == month


def test_bad_input_and_a_committee_desk_are_refused(run: Run, village: Env, town: Env) -> None:
    assert run(town, "site", "close-task", "zzzzzz", "--outcome", "已办").refused("task")
    assert run(town, "site", "close-task", "ab", "--outcome", "已办").refused("task")
    assert run(town, "site", "rates", "--month", "2026-13").refused("month")
    committee = run(village, "site", "town-tasks")
    assert committee.code == 2 and "镇（街道）" in committee.err


def test_an_unreachable_district_is_said_plainly(run: Run, town: Env, district: DistrictServer) -> None:
    district.stop()
    offline = run(town, "--json", "site", "town-tasks")
    assert offline.code == 2
    assert "须联网" in offline.err
    error = json.loads(offline.err.strip().splitlines()[-1])
    assert error["hint"].startswith("镇里的任务须联网办理")
