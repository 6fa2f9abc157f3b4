"""`mediation-desk site …`, driven in-process through `main([...])` on a desk of the test's own (a
copy of the template desk with its 主任 and 记录员): places added, found by name, edited and
imported from a spreadsheet; a monthly self-inspection with a hazard, its rectification and the
code before and after; history, tasks, the grid dashboard, placards and a scanned placard — and bad
input, refused with the field named, exit code 2 and nothing saved."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from desk_kit import PASSWORD
from test_cli_points import png_bytes

from mediation_desk.cli import main
from mediation_desk.cli.context import PASSWORD_ENV
from mediation_desk.core.uow import SYSTEM, Actor, acting_at, china_today
from mediation_desk.desk import Desk
from mediation_desk.paths import AppPaths
from mediation_desk.sitecode import placard_code, rules
from mediation_desk.sitecode.models import Task
from mediation_desk.validation import mask_phone

CLERK = "clerk"
GOOD_USCC = "91350100M000100Y43"
SHOP_ITEMS = ("extinguishers", "exits", "wiring", "goods", "living")
HEADINGS = "场所名称,类别,地址,网格,负责人,联系电话,统一社会信用代码"


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
        return json.loads(self.err.strip().splitlines()[-1])

    def refused(self, field: str) -> bool:
        """Exit code 2 with a line naming the field (`错误 field [rule]: …`)."""
        return self.code == 2 and f"错误 {field} [" in self.err


Run = Callable[..., Result]


@pytest.fixture
def run(
    desk: Desk, admin: Actor, clerk: Actor, paths: AppPaths, capsys: pytest.CaptureFixture[str], monkeypatch: Any
) -> Run:
    """`run("site", "places")` on this test's desk as its 主任; `as_user="clerk"` as the 记录员."""
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)

    def _run(*argv: str, as_user: str | None = None) -> Result:
        who = ["--as", as_user] if as_user else []
        code = main(["--data-dir", str(paths.data), *who, *argv])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return _run


def add(run: Run, name: str, category: str, grid: str, *extra: str) -> dict[str, Any]:
    added = run(
        "site",
        "add",
        "--name",
        name,
        "--category",
        category,
        "--address",
        f"谢家塘村{name}",
        "--grid",
        grid,
        *extra,
        as_user=CLERK,
    )
    assert added.code == 0, added.err
    return added.json


@pytest.fixture
def village(run: Run) -> dict[str, str]:
    """Three places in two grids; name → id."""
    return {
        "谢家塘超市": add(
            run,
            "谢家塘超市",
            "商铺",
            "一网格",
            "--credit-code",
            GOOD_USCC,
            "--responsible",
            "谢建华",
            "--phone",
            "13905750001",
        )["id"],
        "阿根小吃": add(run, "阿根小吃", "restaurant", "一网格")["id"],
        "塘东出租房": add(run, "塘东出租房", "出租房", "二网格")["id"],
    }


def count(run: Run) -> int:
    return len(run("site", "places", "--all", "--json").json)


# ---- places ----------------------------------------------------------------------------------------


def test_places_are_added_listed_found_and_edited(run: Run, village: dict[str, str]) -> None:
    listed = run("site", "places")
    assert listed.code == 0, listed.err
    assert "谢家塘超市" in listed.out and "个体" in listed.out and "共 3 个场所" in listed.out
    rows = run("site", "places", "--json").json
    shop = next(p for p in rows if p["name"] == "谢家塘超市")
    assert shop["credit_code"] == GOOD_USCC and not shop["individual"] and shop["responsible_name"] == "谢建华"
    assert shop["responsible_phone_masked"] == mask_phone("13905750001") != "13905750001"
    assert next(p for p in rows if p["name"] == "阿根小吃")["individual"] is True
    assert {p["name"] for p in run("site", "places", "--grid", "二网格", "--json").json} == {"塘东出租房"}
    assert {p["name"] for p in run("site", "places", "--category", "餐饮店", "--json").json} == {"阿根小吃"}
    assert {p["name"] for p in run("site", "places", "--query", "小吃", "--json").json} == {"阿根小吃"}
    assert len(run("site", "places", "--colour", "绿码", "--json").json) == 3  # new places owe nothing yet
    assert run("site", "places", "--colour", "red").out.startswith("没有符合条件的场所")

    edited = run("site", "edit", "阿根", "--address", "谢家塘村新街 8 号", as_user=CLERK)  # a prefix of the name
    assert edited.code == 0, edited.err
    assert edited.json["address"] == "谢家塘村新街 8 号"
    by_code = run("site", "edit", shop["place_code"], "--grid", "二网格", as_user=CLERK)  # the placard's 场所码
    assert by_code.code == 0 and by_code.json["grid"] == "二网格"
    closed = run(
        "site", "edit", village["塘东出租房"][:8], "--inactive", as_user=CLERK
    )  # the first characters of its id
    assert closed.code == 0 and closed.json["active"] is False
    assert count(run) == 3 and len(run("site", "places", "--json").json) == 2

    code = run("site", "code", "谢家塘超市")
    assert code.code == 0 and "绿码" in code.out and shop["place_code"] in code.out and "·" in code.out
    assert "还没有已截止的月份" in run("site", "history", "阿根小吃").out
    as_json = run("site", "code", village["阿根小吃"], "--json").json
    assert as_json["code"]["colour"] == rules.GREEN and as_json["code"]["reasons"]


def test_bad_places_name_the_field_and_save_nothing(run: Run, village: dict[str, str]) -> None:
    base = ("site", "add", "--name", "新开的店", "--address", "谢家塘村 1 号", "--grid", "一网格")
    assert run(*base, "--category", "游乐场", as_user=CLERK).refused("category")
    assert run(*base, "--category", "商铺", "--credit-code", "91350100M000100Y44", as_user=CLERK).refused("credit_code")
    assert run(*base, "--category", "商铺", "--responsible", "王五", "--phone", "12345", as_user=CLERK).code == 2
    assert (
        run("site", "add", "--name", "新开的店", "--category", "商铺", "--address", "x", as_user=CLERK).code == 2
    )  # --grid
    same = run(
        "site",
        "add",
        "--name",
        "谢家塘超市",
        "--category",
        "商铺",
        "--address",
        "谢家塘村谢家塘超市",
        "--grid",
        "一网格",
        as_user=CLERK,
    )
    assert same.code == 2 and "错误" in same.err  # the same name and address: held already
    blank = run(
        "--json",
        "site",
        "add",
        "--name",
        " ",
        "--category",
        "商铺",
        "--address",
        "x",
        "--grid",
        "一网格",
        as_user=CLERK,
    )
    assert blank.code == 2 and blank.error_json["problems"][0]["field"] == "name"
    assert count(run) == 3

    assert run("site", "edit", "没有这个场所", "--grid", "三网格", as_user=CLERK).refused("place")
    assert run("site", "code", "没有这个场所").refused("place")
    add(run, "谢家塘超市二店", "商铺", "一网格")
    assert run("site", "code", "谢家塘").refused("place")  # two places start so: ambiguous
    assert "place_ambiguous" in run("site", "code", "谢家塘").err
    assert run("site", "code", "谢家塘超市").code == 0  # the whole name is not ambiguous
    assert run("site", "places", "--colour", "紫码").refused("colour")
    assert run("site", "places", "--limit", "0").refused("limit")
    assert run("site", "edit", "阿根小吃", "--category", "游乐场", as_user=CLERK).refused("category")
    assert (
        run("site", "add", "--name", "x", "--category", "商铺", "--address", "y", "--grid", "z").code == 0
    )  # the 主任
    assert run("site", "places", "--json").json  # still readable


# ---- import ----------------------------------------------------------------------------------------


def write_csv(path: Path, *rows: str) -> Path:
    path.write_text("\n".join((HEADINGS, *rows)) + "\n", encoding="utf-8-sig")
    return path


def test_importing_a_list_of_places(run: Run, tmp_path: Path) -> None:
    good = write_csv(
        tmp_path / "场所清单.csv",
        f"塘西五金店,商铺,谢家塘村塘西 3 号,一网格,王五,13905750002,{GOOD_USCC}",
        "塘西面馆,餐饮店,谢家塘村塘西 5 号,一网格,,,",
    )
    done = run("site", "import", str(good), as_user=CLERK)
    assert done.code == 0, done.err
    assert "导入 2 个场所" in done.out and "个体工商户" in done.out
    assert {p["name"] for p in run("site", "places", "--json").json} == {"塘西五金店", "塘西面馆"}

    bad = write_csv(
        tmp_path / "有错的清单.csv",
        "塘北旅馆,旅馆,谢家塘村塘北 1 号,二网格,,,",
        "塘北游乐场,游乐场,谢家塘村塘北 2 号,二网格,,,",
        "塘西五金店,商铺,谢家塘村塘西 3 号,一网格,,,",  # held already
        "塘北仓库,仓库,谢家塘村塘北 4 号,二网格,,,91350100M000100Y44",
    )
    refused = run("site", "import", str(bad), as_user=CLERK)
    assert refused.code == 1  # rows refused: nothing imported
    assert "第 3 行" in refused.err and "第 4 行" in refused.err and "第 5 行" in refused.err
    assert "未导入任何场所" in refused.err and "--skip-bad" in refused.err and "第 2 行" not in refused.err
    assert count(run) == 2
    as_json = run("site", "import", str(bad), "--json", as_user=CLERK)
    assert as_json.code == 1 and as_json.json["ok"] is False and as_json.json["report"]["imported"] == 0
    assert {p["row"] for p in as_json.json["report"]["problems"]} == {3, 4, 5}

    skipped = run("site", "import", str(bad), "--skip-bad", as_user=CLERK)
    assert skipped.code == 1 and "已导入 1 个场所" in skipped.err  # the good row in, the bad ones said
    assert count(run) == 3 and "塘北旅馆" in run("site", "places").out

    assert run("site", "import", str(tmp_path / "没有这个文件.csv"), as_user=CLERK).refused("file")
    no_names = tmp_path / "表头不对.csv"
    no_names.write_text("甲,乙\n1,2\n", encoding="utf-8")
    assert run("site", "import", str(no_names), as_user=CLERK).code != 0
    assert count(run) == 3


# ---- the checklist, an inspection, hazards and their rectification --------------------------------------


def test_a_self_inspection_finds_a_hazard_that_is_rectified(run: Run, village: dict[str, str], tmp_path: Path) -> None:
    checklist = run("site", "checklist", "谢家塘超市")
    assert checklist.code == 0 and "商铺检查清单" in checklist.out and "exits" in checklist.out
    assert [i["code"] for i in run("site", "checklist", "谢家塘超市", "--json").json["items"]] == list(SHOP_ITEMS)

    photo = tmp_path / "通道.png"
    photo.write_bytes(png_bytes())
    deadline = (china_today() + dt.timedelta(days=10)).isoformat()
    done = run(
        "site",
        "inspect",
        "谢家塘超市",
        "--result",
        "exits=hazard",
        "--result",
        "商品堆放不占用通道、不遮挡消防设施=有隐患",
        "--result",
        "living=na",
        "--others",
        "ok",
        "--deadline",
        f"exits={deadline}",
        "--describe",
        "exits=后门堆放纸箱",
        "--hazard-photo",
        f"exits={photo}",
        "--photo",
        str(photo),
        "--note",
        "店主陪同",
        as_user=CLERK,
    )
    assert done.code == 0, done.err
    assert "自查已录入" in done.out and "后门堆放纸箱" in done.out and "黄码" in done.out
    hazards = run("site", "hazards", "--json").json
    assert {h["item_code"]: h["deadline"] for h in hazards} == {
        "exits": deadline,
        "goods": (china_today() + dt.timedelta(days=7)).isoformat(),
    }
    assert run("site", "code", "谢家塘超市", "--json").json["code"]["colour"] == rules.YELLOW
    assert "待整改" in run("site", "hazards", "--place", "谢家塘超市").out
    assert run("site", "hazards", "--overdue").out.startswith("没有符合条件的隐患")
    assert len(run("site", "hazards", "--grid", "二网格", "--json").json) == 0

    exits = next(h for h in hazards if h["item_code"] == "exits")
    fixed = run(
        "site",
        "rectify",
        exits["id"][:8],
        "--note",
        "纸箱已清走",
        "--checked-by",
        "谢阿根",
        "--photo",
        str(photo),
        as_user=CLERK,
    )
    assert fixed.code == 0, fixed.err
    assert fixed.json["status"] == rules.RECTIFIED and fixed.json["checked_by"] == "谢阿根"
    again = run("site", "rectify", exits["id"], "--note", "再登记一次", "--checked-by", "谢阿根", as_user=CLERK)
    assert again.code == 2  # rectified already
    goods = next(h for h in hazards if h["item_code"] == "goods")
    assert run("site", "rectify", goods["id"], "--note", "已整理", "--checked-by", "谢阿根").code == 0
    assert run("site", "code", "谢家塘超市", "--json").json["code"]["colour"] == rules.GREEN
    assert len(run("site", "hazards", "--all", "--json").json) == 2

    twice = run("site", "inspect", "谢家塘超市", "--others", "ok", as_user=CLERK)
    assert twice.refused("month")  # one inspection a place and month
    whole = run("site", "inspect", "阿根小吃", "--others", "合格", "--json", as_user=CLERK)
    assert (
        whole.code == 0
        and whole.json["month"] == rules.period_of(dt.datetime.now(dt.UTC))
        and not whole.json["hazards"]
    )


def test_bad_inspections_name_the_field_and_save_nothing(run: Run, village: dict[str, str], tmp_path: Path) -> None:
    shop = ("site", "inspect", "谢家塘超市")
    assert run(*shop, "--result", "exits=坏了", "--others", "ok", as_user=CLERK).refused("result")
    assert run(*shop, "--result", "exits=ok", as_user=CLERK).refused("result")  # the other items have none
    assert "result_missing" in run(*shop, "--result", "exits=ok", as_user=CLERK).err
    assert run(*shop, "--result", "roof=ok", "--others", "ok", as_user=CLERK).refused("result")
    assert run(*shop, "--result", "exits", "--others", "ok", as_user=CLERK).refused("result")
    assert run(*shop, "--result", "exits=ok", "--result", "exits=na", "--others", "ok", as_user=CLERK).refused("result")
    assert run(*shop, "--others", "ok", "--deadline", "exits=2030-01-01", as_user=CLERK).refused("deadline")
    hazard = (*shop, "--result", "exits=hazard", "--others", "ok")
    assert run(*hazard, "--deadline", "exits=2026-02-30", as_user=CLERK).refused("deadline")
    too_late = (china_today() + dt.timedelta(days=400)).isoformat()
    assert run(*hazard, "--deadline", f"exits={too_late}", as_user=CLERK).code == 2
    assert run(*shop, "--others", "ok", "--month", "2026-13", as_user=CLERK).refused("month")
    future = rules.add_months(rules.period_of(dt.datetime.now(dt.UTC)), 2)
    assert run(*shop, "--others", "ok", "--month", future, as_user=CLERK).refused("month")
    long_ago = rules.add_months(rules.period_of(dt.datetime.now(dt.UTC)), -6)
    assert run(*shop, "--others", "ok", "--month", long_ago, as_user=CLERK).refused("month")  # before it was registered
    fake = tmp_path / "photo.png"
    fake.write_bytes(b"MZ\x90\x00 not a picture")
    assert run(*shop, "--others", "ok", "--photo", str(fake), as_user=CLERK).refused("evidence")
    assert run("site", "inspect", "没有这个场所", "--others", "ok", as_user=CLERK).refused("place")
    assert run("site", "checklist", "没有这个场所").refused("place")
    assert run("site", "hazards", "--place", "没有这个场所").refused("place")
    assert run("site", "hazards", "--all", "--json").json == []  # nothing was saved

    assert run(*hazard, as_user=CLERK).code == 0
    found = run("site", "hazards", "--json").json[0]
    assert run("site", "rectify", found["id"], "--note", "已清理").code == 2  # --checked-by is required
    assert run("site", "rectify", found["id"], "--note", "已清理", "--checked-by", " ").refused("checked_by")
    assert run("site", "rectify", found["id"], "--note", " ", "--checked-by", "谢阿根").refused("note")
    assert run("site", "rectify", "zzzz9999", "--note", "已清理", "--checked-by", "谢阿根").refused("hazard")
    assert run("site", "rectify", "ab", "--note", "已清理", "--checked-by", "谢阿根").refused("hazard")
    assert run("site", "hazards", "--json").json[0]["status"] == rules.OPEN


# ---- the past: an overdue hazard, the history, tasks and the dashboard --------------------------------


@pytest.fixture
def red_place(run: Run) -> str:
    """塘南仓库, registered 75 days ago, with a hazard found then and never rectified."""
    then = dt.datetime.now(dt.UTC) - dt.timedelta(days=75)
    with acting_at(then):
        pid = add(run, "塘南仓库", "仓库", "三网格")["id"]
        found = run("site", "inspect", "塘南仓库", "--result", "stacking=hazard", "--others", "ok", as_user=CLERK)
        assert found.code == 0, found.err
    return pid


def test_an_overdue_hazard_turns_the_code_red_and_shows_in_the_history(run: Run, red_place: str) -> None:
    code = run("site", "code", "塘南仓库")
    assert code.code == 0 and "红码" in code.out and "已过" in code.out
    overdue = run("site", "hazards", "--overdue", "--json").json
    assert [h["place_id"] for h in overdue] == [red_place] and overdue[0]["overdue"] is True
    assert "已逾期" in run("site", "hazards").out

    history = run("site", "history", "塘南仓库", "--json")
    assert history.code == 0 and history.json
    assert all(line["colour"] == rules.RED for line in history.json)  # a hazard overdue, months missed
    plain = run("site", "history", "塘南仓库", "--months", "3")
    assert "红码" in plain.out and "未按时自查" in plain.out
    assert run("site", "history", "塘南仓库", "--months", "0").refused("months")
    assert run("site", "history", "没有这个场所").refused("place")

    board = run("site", "dashboard")
    assert board.code == 0 and "三网格" in board.out and "合计" in board.out and "转码率" in board.out
    grid = run("site", "dashboard", "--json").json["grids"][0]
    assert grid["grid"] == "三网格" and grid["red"] == 1 and grid["overdue_hazards"] == 1

    missed = rules.add_months(rules.period_of(dt.datetime.now(dt.UTC)), -1)
    late = run("site", "inspect", "塘南仓库", "--month", missed, "--others", "ok", as_user=CLERK)
    assert late.code == 0, late.err
    assert "补做" in late.out and "红码" in late.out  # the hazard is still overdue


def test_tasks_from_the_district_are_listed(run: Run, desk: Desk, red_place: str) -> None:
    assert run("site", "tasks").out.startswith("没有待办的任务")
    month = rules.add_months(rules.period_of(dt.datetime.now(dt.UTC)), -1)
    with desk.write(SYSTEM) as uow:  # as a pull from the district brings it
        uow.session.add(
            Task(
                id=rules.task_id(red_place, rules.COVERT, month),
                place_id=red_place,
                kind=rules.COVERT,
                month=month,
                status=rules.TASK_OPEN,
                reasons=["隐患「货物分区分类堆放」整改期限已过，尚未整改"],
                parties=["属地镇街"],
                opened_on=china_today(),
                closed_on=None,
                outcome=None,
                updated_hlc=uow.tick(),
            )
        )
    listed = run("site", "tasks")
    assert listed.code == 0 and "暗访检查" in listed.out and "塘南仓库" in listed.out and "属地镇街" in listed.out
    assert [t["kind"] for t in run("site", "tasks", "--place", "塘南仓库", "--json").json] == [rules.COVERT]
    assert run("site", "tasks", "--place", "没有这个场所").refused("place")
    assert run("site", "dashboard", "--json").json["totals"]["open_tasks"] == 1


# ---- placards and a scanned placard --------------------------------------------------------------------


def test_placards_are_printed_and_scanned(run: Run, village: dict[str, str], tmp_path: Path) -> None:
    target = tmp_path / "公示牌.pdf"
    printed = run("site", "placard", "谢家塘超市", "阿根小吃", "--out", str(target), "--json")
    assert printed.code == 0, printed.err
    assert target.read_bytes().startswith(b"%PDF") and printed.json["placards"] == 2
    payload = printed.json["places"][0]["payload"]
    assert payload.startswith(placard_code.PAYLOAD_PREFIX)
    assert run("site", "placard", "谢家塘超市", "--out", str(target)).refused("out")  # no --force
    by_grid = run("site", "placard", "--grid", "一网格", "--out", str(target), "--force")
    assert by_grid.code == 0 and "已生成 2 张" in by_grid.err
    assert run("site", "placard", "--all", "--out", str(tmp_path / "全部.pdf")).code == 0

    scanned = run("site", "scan", payload.lower())  # a scanner typing with caps lock off
    assert scanned.code == 0, scanned.err
    assert "谢家塘超市" in scanned.out or "阿根小吃" in scanned.out
    assert "绿码" in scanned.out and "注意" not in scanned.out
    as_json = run("site", "scan", payload, "--json").json
    assert as_json["changed"] is False and as_json["scanned"]["colour"] == rules.GREEN

    assert run("site", "scan", "YDYM-0000000000-202608-G-0").refused("payload")
    assert run("site", "scan", "随便写的").refused("payload")
    assert run("site", "placard", "--out", str(tmp_path / "x.pdf")).refused("place")  # what to print?
    assert run("site", "placard", "阿根小吃", "--grid", "一网格", "--out", str(tmp_path / "x.pdf")).refused("place")
    assert run("site", "placard", "阿根小吃", "--out", str(tmp_path / "x.txt")).refused("out")
    assert run("site", "placard", "没有这个场所", "--out", str(tmp_path / "x.pdf")).refused("place")
    assert run("site", "placard", "--grid", "九网格", "--out", str(tmp_path / "x.pdf")).code == 2
    assert not (tmp_path / "x.pdf").exists()


def test_a_scanned_placard_whose_colour_changed_says_so(run: Run, red_place: str, tmp_path: Path) -> None:
    old = placard_code.placard_payload(red_place, rules.period_of(dt.datetime.now(dt.UTC)), rules.GREEN)
    scanned = run("site", "scan", old)
    assert scanned.code == 0, scanned.err
    assert "塘南仓库" in scanned.out and "注意" in scanned.out and "红码" in scanned.out
    assert run("site", "scan", old, "--json").json["changed"] is True


# ---- a town's commands on a committee's desk ---------------------------------------------------------------


def test_the_town_commands_are_refused_off_a_town_desk(run: Run) -> None:
    assert run("site", "town-tasks").code == 2  # not enrolled with a district
    assert run("site", "close-task", "abcd1234", "--outcome", " ").refused("outcome")
    assert run("site", "close-task", "abcd1234").code == 2  # --outcome is required
    assert run("site", "rates", "--month", "2026-13").refused("month")


def test_help_is_in_chinese(run: Run) -> None:
    helped = run("site", "--help")
    assert helped.code == 0 and "用法：" in helped.out and "一单一码" in helped.out and "inspect" in helped.out
    assert "检查项" in run("site", "inspect", "--help").out
