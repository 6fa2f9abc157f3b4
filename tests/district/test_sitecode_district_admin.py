"""Site codes at the district (一单一码), the administrator's side: the scheme shown and issued by
version from a file (a bad file refused naming the field, a version that does not rise refused),
the month end run by hand and by the server's own loop (once, whatever fails on the way), and the
conversion rates printed per village."""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path
from typing import Any

import pytest
from district_helpers import new_id, setup_district
from district_server import DistrictServer
from sqlalchemy import select

from mediation_desk.district import admin_audit, cli, migrate, sitecode_month_end, sitecode_reasons, sitecode_scheme
from mediation_desk.district.db import Database
from mediation_desk.district.models import Committee
from mediation_desk.district.sitecode_models import SiteMonth, SiteMonthRun, SitePlace, SiteScheme
from mediation_desk.sitecode import rules, scheme
from mediation_desk.storage.base import utcnow

WAIT_S = 60.0


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'district.sqlite3'}"


@pytest.fixture
def db(db_url: str) -> Any:
    database = Database(db_url)
    migrate.upgrade(database)
    setup_district(database)
    try:
        yield database
    finally:
        database.dispose()


@pytest.fixture
def run(db_url, capsys):
    def run_(*args: str) -> tuple[int, str, str]:
        code = cli.main([*args, "--database-url", db_url])
        out = capsys.readouterr()
        return code, out.out, out.err

    return run_


def scheme_file(tmp_path: Path, version: int, **change: Any) -> Path:
    wire = scheme.scheme_to_wire(scheme.DEFAULT_SCHEME)
    wire["version"] = version
    for key, value in change.items():
        if key == "thresholds":
            wire["thresholds"].update(value)
        else:
            wire[key] = value
    path = tmp_path / f"scheme-{version}-{len(change)}-{time.monotonic_ns()}.json"
    path.write_text(json.dumps(wire, ensure_ascii=False), encoding="utf-8")
    return path


# ---------------------------------------------------------------- the scheme


def test_the_scheme_is_shown_and_issued_by_rising_version(db, run, tmp_path):
    code, out, _ = run("sites", "scheme", "show")
    assert code == cli.EXIT_OK and json.loads(out) == scheme.scheme_to_wire(scheme.DEFAULT_SCHEME)

    v2 = scheme_file(tmp_path, 2, thresholds={"joint_after_reds": 2})
    assert run("sites", "scheme", "set", str(v2))[0] == cli.EXIT_REFUSED  # no reason given
    code, out, _ = run("sites", "scheme", "set", str(v2), "--reason", "两个月红码即联合执法", "--by", "区安全办张工")
    assert code == cli.EXIT_OK and "第 2 版" in out and "7 类场所" in out
    shown = json.loads(run("sites", "scheme", "show")[1])
    assert shown["version"] == 2 and shown["thresholds"]["joint_after_reds"] == 2
    with db.read() as s:
        assert sitecode_scheme.current(s).thresholds.joint_after_reds == 2
        assert sitecode_scheme.version(s, 1) == scheme.DEFAULT_SCHEME
        assert sitecode_scheme.version(s, 2).version == 2 and sitecode_scheme.version(s, 9) is None
        assert s.get(SiteScheme, 2).set_by == "区安全办张工"
    [audit] = admin_audit.entries(db, action=sitecode_scheme.ACTION)
    assert (audit.actor, audit.reason, audit.target) == ("区安全办张工", "两个月红码即联合执法", "v2")
    assert audit.detail == {"version": 2, "previous": 1, "categories": 7, "items": 39}


def test_a_bad_scheme_file_is_refused_naming_the_field(db, run, tmp_path):
    checklists = scheme.scheme_to_wire(scheme.DEFAULT_SCHEME)["checklists"]
    bad_item = json.loads(json.dumps(checklists))
    bad_item[1]["items"][2]["code"] = "Bad Code"
    no_items = json.loads(json.dumps(checklists))
    no_items[0]["items"] = []
    twice = [*checklists, checklists[0]]
    not_json = tmp_path / "not.json"
    not_json.write_text("{version: 2,", encoding="utf-8")
    not_utf8 = tmp_path / "gbk.json"
    not_utf8.write_bytes('{"version": 2, "label": "商铺"}'.encode("gb18030"))
    nan = tmp_path / "nan.json"
    nan.write_text('{"version": NaN}', encoding="utf-8")
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (sitecode_scheme.MAX_FILE_BYTES + 1))
    a_list = tmp_path / "list.json"
    a_list.write_text("[]", encoding="utf-8")
    refusals = [
        (scheme_file(tmp_path, 1), "大于现行的第 1 版"),
        (scheme_file(tmp_path, 0), "version"),
        (scheme_file(tmp_path, 2, checklists=bad_item), "checklists[1].items[2].code"),
        (scheme_file(tmp_path, 2, checklists=no_items), "checklists[0].items"),
        (scheme_file(tmp_path, 2, checklists=twice), "checklists[7].category"),
        (scheme_file(tmp_path, 2, checklists=[]), "checklists"),
        (scheme_file(tmp_path, 2, thresholds={"cutoff_hour": 25}), "thresholds.cutoff_hour"),
        (scheme_file(tmp_path, 2, thresholds={"default_deadline_days": 30, "max_deadline_days": 10}), "default_dead"),
        (scheme_file(tmp_path, 2, thresholds={"surprise": 1}), "thresholds.surprise"),
        (a_list, "scheme"),
        (tmp_path / "missing.json", "无法读取"),
        (not_json, "JSON"),
        (not_utf8, "UTF-8"),
        (nan, "JSON"),
        (big, "过大"),
    ]
    for path, word in refusals:
        code, out, err = run("sites", "scheme", "set", str(path), "--reason", "试试")
        assert code == cli.EXIT_REFUSED and word in err and out == "", (path.name, err)
    assert json.loads(run("sites", "scheme", "show")[1])["version"] == 1
    assert admin_audit.entries(db, action=sitecode_scheme.ACTION) == []

    # Once version 3 is out, version 2 can no longer be issued.
    assert run("sites", "scheme", "set", str(scheme_file(tmp_path, 3)), "--reason", "新清单")[0] == cli.EXIT_OK
    code, _, err = run("sites", "scheme", "set", str(scheme_file(tmp_path, 2)), "--reason", "补发")
    assert code == cli.EXIT_REFUSED and "大于现行的第 3 版" in err and "如 4" in err


# ---------------------------------------------------------------- month end and rates by hand


def add_places(db: Database, code: str, colours_before: list[str], colours_after: list[str], month: str) -> None:
    with db.write() as s:
        c = s.scalar(select(Committee).where(Committee.code == code))
        for before, after in zip(colours_before, colours_after, strict=True):
            place_id = new_id()
            created = dt.datetime(2025, 1, 5, tzinfo=dt.UTC)
            s.add(
                SitePlace(
                    id=place_id,
                    committee_id=c.id,
                    town_id=c.town_id,
                    category="shop",
                    grid="一网格",
                    created_at=created,
                )
            )
            for at, colour in ((rules.add_months(month, -1), before), (month, after)):
                s.add(SiteMonth(place_id=place_id, month=at, colour=colour, reasons_id=sitecode_reasons.id_of(s, [])))


def test_rates_are_printed_per_village_and_town(db, run):
    with db.read() as s:
        month = sitecode_scheme.last_closed_month(s)
    add_places(db, "XT-001", ["red", "yellow", "green"], ["green", "red", "red"], month)
    add_places(db, "FH-001", ["red"], ["green"], month)
    code, out, err = run("sites", "rates", "--month", month)
    assert code == cli.EXIT_OK and "尚未完成" in err
    lines = [line.split("\t") for line in out.strip().splitlines()]
    assert lines[0][:4] == ["镇（街道）", "调解委员会", "名称", "转码率"]
    rows = {(line[0], line[1]): line for line in lines[1:]}
    assert rows[("谢塘镇", "XT-001")][3].startswith("50.0%") and rows[("谢塘镇", "XT-001")][4:] == ["2", "1"]
    assert rows[("谢塘镇", "XT-002")][3].startswith("—") and rows[("谢塘镇", "合计")][4:] == ["2", "1"]
    assert rows[("丰惠镇", "合计")][3].startswith("100.0%")
    code, out, _ = run("sites", "rates", "--month", month, "--town", "丰惠镇")
    assert code == cli.EXIT_OK and "谢塘镇" not in out and "FH-001" in out
    for args, word in [
        (("--month", "2026-13"), "YYYY-MM"),
        (("--month", rules.period_of(utcnow())), "尚未截止"),
        (("--month", month, "--town", "没有这个镇"), "没有名为"),
    ]:
        code, _, err = run("sites", "rates", *args)
        assert code == cli.EXIT_REFUSED and word in err, err


def test_the_month_end_by_hand_runs_once(db, run):
    with db.read() as s:
        month = sitecode_scheme.last_closed_month(s)
    code, out, _ = run("sites", "month-end")
    assert code == cli.EXIT_OK and f"{month} 月末结算完成" in out
    code, out, _ = run("sites", "month-end", "--month", month)
    assert code == cli.EXIT_OK and "此前已结算" in out
    earlier = rules.add_months(month, -2)
    assert "月末结算完成" in run("sites", "month-end", "--month", earlier)[1]
    with db.read() as s:
        assert {r.month for r in s.scalars(select(SiteMonthRun))} == {month, earlier}
    for month_text, word in [("2026-00", "YYYY-MM"), ("soon", "YYYY-MM"), (rules.period_of(utcnow()), "尚未截止")]:
        code, _, err = run("sites", "month-end", "--month", month_text)
        assert code == cli.EXIT_REFUSED and word in err, err


# ---------------------------------------------------------------- the server's own month end


def test_the_loop_runs_a_due_month_once_and_survives_failures(db):
    now = dt.datetime(2026, 9, 10, 4, tzinfo=dt.UTC)
    calls: list[str] = []
    failing = [True]

    def month_end(database: Database, month: str) -> object:
        calls.append(month)
        if failing[0]:
            raise RuntimeError("database went away")
        with database.write() as s:
            s.add(SiteMonthRun(month=month, started_at=now, finished_at=now))
        return None

    loop = sitecode_month_end.MonthEndLoop(db, 60, runner=month_end, clock=lambda: now)
    assert sitecode_month_end.month_due(db, now) == "2026-08"
    assert loop.check() is None and loop.failures == 1  # failed: logged, tried again later
    failing[0] = False
    assert loop.check() == "2026-08" and loop.runs == 1
    assert loop.check() is None and calls == ["2026-08", "2026-08"]
    assert sitecode_month_end.month_due(db, now) is None
    # A month claimed but not finished (another instance at work) is checked again.
    with db.write() as s:
        s.add(SiteMonthRun(month="2026-09", started_at=now))
    later = dt.datetime(2026, 10, 2, tzinfo=dt.UTC)
    assert sitecode_month_end.month_due(db, later) == "2026-09"

    off = sitecode_month_end.MonthEndLoop(db, 0, runner=month_end)
    off.start()
    off.stop()
    assert off.runs == 0 and len(calls) == 2


def test_a_bad_interval_is_refused(db_url, capsys):
    for value in ("-1", "nan", "soon"):
        with pytest.raises(SystemExit) as exited:
            cli.main(["serve", "--month-end-every", value, "--database-url", db_url])
        assert exited.value.code == 2
        assert "--month-end-every" in capsys.readouterr().err


def test_the_server_closes_the_last_month_by_itself(district_database_url, tmp_path):
    every = ["--month-end-every", "0.2"]
    with DistrictServer(district_database_url, log_path=tmp_path / "server.log", serve_options=every) as server:
        database = Database(server.database_url)
        try:
            with database.read() as s:
                month = sitecode_scheme.last_closed_month(s)
            finished = wait_for_run(database, month)
            assert finished.finished_at is not None
            # Undone (as if it had never run): the next check runs it again.
            with database.write() as s:
                s.delete(s.get(SiteMonthRun, month))
            assert wait_for_run(database, month).finished_at is not None
        finally:
            database.dispose()
        assert "site-code month end failed" not in server.log_tail(20_000)


def wait_for_run(database: Database, month: str) -> SiteMonthRun:
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        with database.read() as s:
            run = s.get(SiteMonthRun, month)
            if run is not None and run.finished_at is not None:
                return run
        time.sleep(0.1)
    raise AssertionError(f"the month end of {month} did not run within {WAIT_S} s")
