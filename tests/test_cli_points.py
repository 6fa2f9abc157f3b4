"""`mediation-desk points …`, driven in-process through `main([...])` on a desk of the test's own
(a copy of the template desk with its 主任 and 记录员): residents and households, a declaration and
its village review, the shop, statements and the month's files — and bad input, refused with the
field named, exit code 2 and nothing saved."""

from __future__ import annotations

import csv
import datetime as dt
import json
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from desk_kit import PASSWORD

from mediation_desk.cli import main
from mediation_desk.cli.context import PASSWORD_ENV
from mediation_desk.core.uow import CHINA, SYSTEM, Actor, china_today
from mediation_desk.desk import Desk
from mediation_desk.paths import AppPaths
from mediation_desk.points import ledger, rules

CLERK = "clerk"


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

    def refused(self, field: str) -> bool:
        """Exit code 2 with a line naming the field (`错误 field [rule]: …`)."""
        return self.code == 2 and f"错误 {field} [" in self.err


Run = Callable[..., Result]


@pytest.fixture
def run(desk: Desk, admin: Actor, clerk: Actor, paths: AppPaths, capsys: pytest.CaptureFixture[str], mp: Any) -> Run:
    """`run("points", "resident", "list")` on this test's desk as its 主任; `as_user="clerk"` as the 记录员."""
    mp.setenv(PASSWORD_ENV, PASSWORD)

    def _run(*argv: str, as_user: str | None = None) -> Result:
        who = ["--as", as_user] if as_user else []
        code = main(["--data-dir", str(paths.data), *who, *argv])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return _run


@pytest.fixture
def mp(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    return monkeypatch


@pytest.fixture
def village(run: Run) -> dict[str, str]:
    """王建国户 with 王建国 (phone given) and 李秀英, and 陈家 with 陈小芳; name → id."""
    ids = {}
    for label, group in (("王建国户", "一组"), ("陈家", "三组")):
        added = run("points", "household", "add", "--label", label, "--group", group, as_user=CLERK)
        assert added.code == 0, added.err
        ids[label] = added.json["id"]
    for name, group, household, phone in (
        ("王建国", "一组", "王建国户", "13905750001"),
        ("李秀英", "一组", "王建国户", None),
        ("陈小芳", "三组", "陈家", None),
    ):
        extra = ["--phone", phone] if phone else []
        added = run(
            "points",
            "resident",
            "add",
            "--name",
            name,
            "--group",
            group,
            "--household",
            household,
            *extra,
            as_user=CLERK,
        )
        assert added.code == 0, added.err
        ids[name] = added.json["id"]
    return ids


def png_bytes() -> bytes:
    """A small valid PNG: real magic bytes, as a photo of an activity would have."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 2, 2, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x80\x80" * 2)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def credit(desk: Desk, resident_id: str, coins: int, declaration_id: str = "d-1") -> str:
    """Coins credited as a pull from the district does it, after the town's approval."""
    entry_id = rules.credit_entry_id(declaration_id)
    with desk.write(SYSTEM) as uow:
        ledger.insert_entry(
            uow,
            entry_id=entry_id,
            resident_id=resident_id,
            kind=rules.CREDIT,
            coins=coins,
            entry_date=china_today(),
            origin="district",
            created_by="town",
        )
    return entry_id


# ---- residents and households ---------------------------------------------------------------------


def test_residents_are_registered_listed_changed_and_moved(run: Run, village: dict[str, str]) -> None:
    listed = run("points", "resident", "list")
    assert listed.code == 0
    assert "王建国" in listed.out and "王建国户" in listed.out and "共 3 人" in listed.out
    as_json = run("points", "resident", "list", "--household", "陈家", "--json").json
    assert [r["name"] for r in as_json] == ["陈小芳"]
    assert run("points", "resident", "list", "--json").json[0]["phone_masked"] in ("139****0001", None)

    edited = run("points", "resident", "edit", "李秀英", "--group", "二组", as_user=CLERK)
    assert edited.code == 0 and edited.json["village_group"] == "二组"

    moved = run("points", "resident", "move", "李秀英", "陈家", "--reason", "婚嫁", as_user=CLERK)
    assert moved.code == 0 and moved.json["household_label"] == "陈家"
    shown = run("points", "resident", "show", "李秀英", "--json").json
    assert [h["household"] for h in shown["households"]] == ["王建国户", "陈家"]
    assert shown["households"][0]["until"] == china_today().isoformat()
    plain = run("points", "resident", "show", village["李秀英"])
    assert "户籍记录" in plain.out and "王建国户" in plain.out

    households = run("points", "household", "list", "--json").json
    assert {h["label"]: h["members"] for h in households} == {"王建国户": 1, "陈家": 2}


def test_bad_resident_input_names_the_field_and_saves_nothing(run: Run, village: dict[str, str]) -> None:
    before = len(run("points", "resident", "list", "--json").json)
    bad_phone = run("points", "resident", "add", "--name", "赵六", "--group", "一组", "--phone", "12345", as_user=CLERK)
    assert bad_phone.refused("phone"), bad_phone.err
    no_such_household = run(
        "points", "resident", "add", "--name", "赵六", "--group", "一组", "--household", "没有这户", as_user=CLERK
    )
    assert no_such_household.refused("household")
    blank_name = run("--json", "points", "resident", "add", "--name", " ", "--group", "一组", as_user=CLERK)
    assert blank_name.code == 2 and blank_name.error_json["problems"][0]["field"] == "name"
    assert len(run("points", "resident", "list", "--json").json) == before

    assert run("points", "resident", "show", "没有这个人").refused("resident")
    same = run("points", "resident", "move", "王建国", "王建国户", "--reason", "试试", as_user=CLERK)
    assert same.refused("household_id")
    future = (china_today() + dt.timedelta(days=3)).isoformat()
    later = run("points", "resident", "move", "王建国", "陈家", "--reason", "分户", "--since", future, as_user=CLERK)
    assert later.refused("since")
    assert run("points", "resident", "move", "王建国", "陈家").code == 2  # --reason is required
    assert run("points", "resident", "show", "王建国", "--json").json["resident"]["household_label"] == "王建国户"
    taken = run("points", "household", "add", "--label", "陈家", "--group", "三组", as_user=CLERK)
    assert taken.refused("label")


# ---- declarations and the village review --------------------------------------------------------------


def test_a_declaration_is_reviewed_by_the_village_and_waits_for_the_town(
    run: Run, village: dict[str, str], tmp_path: Path
) -> None:
    catalogue = run("points", "catalogue")
    assert catalogue.code == 0 and "参加平安巡防" in catalogue.out and "第 1 版" in catalogue.out
    assert run("points", "catalogue", "--json").json["version"] == 1

    photo = tmp_path / "巡防照片.png"
    photo.write_bytes(png_bytes())
    declared = run(
        "points", "declare", "王建国", "参加平安巡防", "--note", "夜间巡防", "--evidence", str(photo), as_user=CLERK
    )
    assert declared.code == 0, declared.err
    d = declared.json
    assert d["status"] == rules.DECLARED and d["coins"] == 2 and d["evidence_sha256"]
    assert d["activity_date"] == china_today().isoformat()

    queue = run("points", "declarations", "--status", "待村审核")
    assert d["id"][:8] in queue.out and "参加平安巡防" in queue.out

    refused = run("points", "review", d["id"][:8], "--approve", as_user=CLERK)  # a 记录员 does not review
    assert refused.code == 2 and run("points", "declarations", "--json").json[0]["status"] == rules.DECLARED
    no_reason = run("points", "review", d["id"][:8], "--reject")
    assert no_reason.refused("reason")

    approved = run("points", "review", d["id"][:8], "--approve")
    assert approved.code == 0 and approved.json["status"] == rules.VILLAGE_APPROVED
    waiting = run("points", "declarations", "--status", rules.VILLAGE_APPROVED)
    assert "待镇审核" in waiting.out and "随下次同步回到本机" in waiting.out
    again = run("points", "review", d["id"], "--approve")
    assert again.refused("status")

    deduction = run("points", "declare", "陈小芳", "neighbour_dispute", as_user=CLERK).json
    rejected = run("points", "review", deduction["id"], "--reject", "--reason", "经核实不属实")
    assert rejected.code == 0 and rejected.json["status"] == rules.VILLAGE_REJECTED
    mine = run("points", "declarations", "--resident", "陈小芳", "--json").json
    assert [x["village_reason"] for x in mine] == ["经核实不属实"]


def test_bad_declarations_name_the_field_and_save_nothing(run: Run, village: dict[str, str], tmp_path: Path) -> None:
    tomorrow = (china_today() + dt.timedelta(days=1)).isoformat()
    assert run("points", "declare", "王建国", "patrol", "--date", tomorrow, as_user=CLERK).refused("activity_date")
    assert run("points", "declare", "王建国", "patrol", "--date", "2026-02-30", as_user=CLERK).refused("date")
    assert run("points", "declare", "王建国", "没有的项目", as_user=CLERK).refused("item")
    assert run("points", "declare", "没有这个人", "patrol", as_user=CLERK).refused("resident")
    fake = tmp_path / "photo.png"
    fake.write_bytes(b"MZ\x90\x00 not a picture")
    assert run("points", "declare", "王建国", "patrol", "--evidence", str(fake), as_user=CLERK).refused("evidence")
    assert run("points", "declare", "王建国", "mediation_volunteer", as_user=CLERK).refused("item_code")
    assert run("points", "declare", "王建国", "patrol", as_user=CLERK).code == 0
    over = run("points", "declare", "王建国", "patrol", as_user=CLERK)  # one a day
    assert over.refused("activity_date") and "每人每天最多" in over.err
    assert len(run("points", "declarations", "--json").json) == 1
    assert run("points", "declarations", "--status", "审核中").refused("status")
    assert run("points", "review", "zz", "--approve").refused("declaration")
    assert run("points", "declarations", "--limit", "0").refused("limit")


# ---- the shop, the ledger, statements ---------------------------------------------------------------


def test_redeeming_reversing_and_the_statement(run: Run, desk: Desk, village: dict[str, str], tmp_path: Path) -> None:
    gift = run("points", "gift", "add", "--name", "洗衣液", "--price", "10", "--stock", "2", as_user=CLERK)
    assert gift.code == 0, gift.err
    assert run("points", "gift", "restock", "洗衣液", "3", "--reason", "镇里配送", as_user=CLERK).json["stock"] == 5
    assert "洗衣液" in run("points", "gift", "list").out
    assert run("points", "gift", "add", "--name", "肥皂", "--price", "0", as_user=CLERK).refused("price")
    assert run("points", "gift", "restock", "洗衣液", "-9", "--reason", "破损", as_user=CLERK).code == 2
    assert run("points", "gift", "edit", "没有的礼品", "--price", "5", as_user=CLERK).refused("gift")

    day = run("points", "shop-day", "--json").json["opening_day"]
    assert day == rules.DEFAULT_OPENING_DAY
    assert run("points", "shop-day", "29").refused("day")
    assert run("points", "shop-day", "20").code == 0 and "20 日" in run("points", "shop-day").out

    poor = run("points", "redeem", "王建国", "洗衣液", "--reason", "补领", as_user=CLERK)
    assert poor.code == 2 and "绿币不足" in poor.err
    credit(desk, village["王建国"], 25)
    receipt = tmp_path / "凭证.pdf"
    redeemed = run(
        "points",
        "redeem",
        "王建国",
        "洗衣液",
        "--quantity",
        "2",
        "--reason",
        "补领",
        "--receipt",
        str(receipt),
        as_user=CLERK,
    )
    assert redeemed.code == 0, redeemed.err
    assert redeemed.json["coins"] == 20 and redeemed.json["balance_after"] == 5
    assert receipt.read_bytes().startswith(b"%PDF")
    exists = run("points", "redeem", "王建国", "洗衣液", "--reason", "补领", "--receipt", str(receipt), as_user=CLERK)
    assert exists.refused("receipt")  # checked before anything is redeemed
    assert run("points", "balances", "--json").json[0]["balance"] == 5

    statement = run("points", "statement", "王建国", "--json").json
    redemption = next(e for e in statement["entries"] if e["kind"] == rules.REDEMPTION)
    assert statement["closing"] == 5
    assert run("points", "reverse", redemption["id"], "--reason", "礼品退回", as_user=CLERK).code == 2  # the 主任's
    reversed_ = run("points", "reverse", redemption["id"], "--reason", "礼品退回")
    assert reversed_.code == 0 and reversed_.json["coins"] == 20
    assert run("points", "reverse", redemption["id"], "--reason", "再来一次").refused("entry_id")
    assert run("points", "reverse", redemption["id"]).code == 2  # --reason is required
    pdf = tmp_path / "明细.pdf"
    printed = run("points", "statement", "王建国", "--pdf", str(pdf))
    assert printed.code == 0 and "期末余额：25" in printed.out and pdf.read_bytes().startswith(b"%PDF")
    assert run("points", "statement", "王建国", "--since", "2026-13-01").refused("since")
    assert run("points", "conflicts").out.startswith("没有兑换冲突")


def test_month_end_files_and_sign_off(
    run: Run, desk: Desk, village: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    credit(desk, village["陈小芳"], 6)
    month = f"{china_today():%Y-%m}"
    files = {name: tmp_path / name for name in ("汇总.csv", "汇总.pdf", "公示.pdf")}
    produced = run(
        "points",
        "month-end",
        month,
        "--produce",
        "--csv",
        str(files["汇总.csv"]),
        "--pdf",
        str(files["汇总.pdf"]),
        "--notice",
        str(files["公示.pdf"]),
    )
    assert produced.code == 0, produced.err
    assert "相符" in produced.out and "陈小芳" in produced.out and "完整姓名" in produced.err
    assert all(path.exists() for path in files.values())
    rows = list(csv.reader(files["汇总.csv"].open(encoding="utf-8-sig")))
    assert any("陈小芳" in row for row in rows)
    assert files["公示.pdf"].read_bytes().startswith(b"%PDF")

    assert run("points", "month-end", month, "--sign-off").refused("month")  # the month is not over
    over = dt.datetime.combine(rules.next_month(china_today().replace(day=1)), dt.time(9), tzinfo=CHINA)
    monkeypatch.setattr("mediation_desk.core.uow.utcnow", lambda: over.astimezone(dt.UTC))
    signed = run("points", "month-end", month, "--sign-off", "--json")
    assert signed.code == 0 and signed.json["reconciles"] is True and signed.json["summary"]["signed_by"]
    again = run("points", "month-end", month, "--csv", str(files["汇总.csv"]))
    assert again.refused("csv")  # no --force: the file stays as it was
    assert run("points", "month-end", "2026-13").refused("month")
    assert run("points", "month-end", month, "--sign-off", as_user=CLERK).code == 2
