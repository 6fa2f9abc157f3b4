"""`mediation-desk alarm …`, driven in-process through `main([...])` on a desk of the test's own (a
copy of the template desk with its 主任 and 记录员): a wearer enrolled with contacts, listed with
the phones masked; an alarm the district raised acknowledged, dispatched and resolved by the first
characters of its id; the month's figures; a device task closed — and bad input refused with the
field named, exit code 2 and nothing saved."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

import pytest
from desk_kit import PASSWORD

from mediation_desk.alarms import pulled, rules
from mediation_desk.cli import main
from mediation_desk.cli.context import PASSWORD_ENV
from mediation_desk.core import sync_contract as contract
from mediation_desk.core.uow import Actor, acting_at
from mediation_desk.desk import Desk
from mediation_desk.paths import AppPaths
from mediation_desk.storage.base import new_id
from mediation_desk.sync.push import SYNC_ACTOR
from mediation_desk.validation import resident_id_check_char

CLERK = "clerk"
FIRST17 = "33060419380312004"
ID_NUMBER = FIRST17 + resident_id_check_char(FIRST17)
RAISED = dt.datetime(2026, 5, 6, 21, 14, 5, tzinfo=rules.BEIJING)


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


@pytest.fixture
def run(desk: Desk, admin: Actor, clerk: Actor, paths: AppPaths, capsys: pytest.CaptureFixture[str], monkeypatch: Any):
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)

    def _run(*argv: str, as_user: str | None = CLERK) -> Result:
        who = ["--as", as_user] if as_user else []
        code = main(["--data-dir", str(paths.data), *who, *argv])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return _run


def enrol(run, *extra: str) -> Result:
    return run(
        "alarm",
        "wearer-add",
        "--name",
        "谢桂英",
        "--id-number",
        ID_NUMBER,
        "--address",
        "谢塘镇谢家塘村塘东 3 号",
        "--alone",
        "--device",
        "8613800001",
        "--contact",
        "亲属,谢建国,儿子,13905753101",
        "--contact",
        "doctor,陈德明,村医,0575-82160101",
        *extra,
    )


def feed(desk: Desk, entity: str, entity_id: str, data: dict[str, Any]) -> None:
    with acting_at(RAISED + dt.timedelta(seconds=2)), desk.write(SYNC_ACTOR) as uow:
        pulled.apply_changes(uow, [contract.Change(1, entity, entity_id, "XT-001", uow.tick(), data)])


def test_a_wearer_and_an_alarm_followed_to_its_outcome(run, desk: Desk) -> None:
    added = enrol(run)
    assert added.code == 0, added.err
    wearer = added.json
    assert [c["name"] for c in wearer["contacts"]] == ["谢建国", "陈德明"] and wearer["location_consent"]
    listed = run("alarm", "wearers")
    assert listed.code == 0 and "谢桂英" in listed.out and "139****3101" in listed.out
    assert "13905753101" not in listed.out
    alarm_id = new_id()
    feed(
        desk,
        rules.ALARM,
        alarm_id,
        {"wearer_id": wearer["id"], "device_id": "8613800001", "kinds": ["fall"], "source": "watch",
         "raised_at": RAISED.isoformat(), "status": "new", "has_fix": False},
    )  # fmt: skip
    open_list = run("alarm", "list")
    assert "疑似跌倒" in open_list.out and "待接警" in open_list.out
    short = alarm_id[:8]
    acked = run("alarm", "ack", short)
    assert acked.code == 0 and acked.json["status"] == "acknowledged", acked.err
    assert run("alarm", "dispatch", short, "--to", "村医 陈德明").json["dispatched_to"] == "村医 陈德明"
    refused = run("alarm", "resolve", short, "--outcome", " ")
    assert refused.refused("outcome")
    done = run("alarm", "resolve", short, "--outcome", "院中滑倒，村医处理擦伤")
    assert done.code == 0 and done.json["status"] == "resolved"
    again = run("alarm", "ack", short)
    assert again.refused("status")
    assert "没有未处置的报警" in run("alarm", "list").out
    month = run("alarm", "figures", "--month", "2026-05", "--json")
    assert month.code == 0 and month.json[0]["alarms"] == 1 and month.json[0]["acknowledged"] == 1
    assert "2026-05" in run("alarm", "figures", "--month", "2026-05").out


def test_a_device_task_closed(run, desk: Desk) -> None:
    wearer = enrol(run).json
    task_id = rules.task_id("8613800001", rules.LOW_BATTERY, "a1")
    feed(
        desk,
        rules.DEVICE_TASK,
        task_id,
        {"wearer_id": wearer["id"], "device_id": "8613800001", "kind": "low_battery", "status": "open",
         "opened_at": RAISED.isoformat(), "reason": "电量 8%"},
    )  # fmt: skip
    assert "手环电量低" in run("alarm", "tasks").out
    assert run("alarm", "task-close", task_id[:8], "--note", " ").refused("note")
    closed = run("alarm", "task-close", task_id[:8], "--note", "已上门充电")
    assert closed.code == 0 and closed.json["status"] == "done"
    assert "没有待处理的设备任务" in run("alarm", "tasks").out


@pytest.mark.parametrize(
    "extra, field",
    [
        (("--contact", "亲属,谢建国,13905753101"), "contacts[2]"),
        (("--contact", "邻居,王阿姨,邻居,13905753104"), "contacts[2].kind"),
        (("--health-notes", "高血压"), "health_consent"),
        (("--device", "8-6"), "device_id"),
    ],
)
def test_bad_input_is_refused_and_nothing_kept(run, extra: tuple[str, ...], field: str) -> None:
    result = enrol(run, *extra)
    assert result.refused(field), result.err
    assert "还没有登记手环佩戴人" in run("alarm", "wearers").out


def test_too_young_without_a_reason_and_an_unknown_alarm(run) -> None:
    first17 = "330604196006010014"[:17]
    young = run(
        "alarm", "wearer-add", "--name", "俞阿大", "--id-number", first17 + resident_id_check_char(first17),
        "--address", "谢塘镇谢家塘村",
    )  # fmt: skip
    assert young.refused("exception_reason")
    assert run("alarm", "ack", "deadbeef").refused("alarm")
    assert run("alarm", "figures", "--month", "2026-13").refused("month")
    assert run("alarm", "list", "--limit", "0").refused("limit")
