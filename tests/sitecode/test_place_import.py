"""Importing a list of places: CSV in UTF-8 (with or without BOM) or GB18030, and real .xlsx
workbooks written here with openpyxl — headers below a title, over two rows, with merged cells.
Every bad row is reported with its row and column; nothing is imported while a row is bad unless
skipping is asked, and then the good rows are, in one unit of work."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from service_helpers import count, outbox_ops
from site_setup import bad_check_char, credit_code
from sqlalchemy import func, select

from mediation_desk.core.models import AuditRecord, OutboxOp
from mediation_desk.errors import PermissionDenied, ValidationError
from mediation_desk.people.identity import secrets_of
from mediation_desk.people.models import Person
from mediation_desk.sitecode import place_import, places, rules
from mediation_desk.sitecode.models import Place

HEADER = ["场所名称", "类别", "地址", "网格", "负责人", "联系电话", "统一社会信用代码"]
GOOD = [
    ["谢记小吃店", "餐饮店", "塘东路 8 号", "第一网格", "谢阿三", "13905750011", credit_code(1)],
    ["阿毛杂货", "商铺", "村口 5 号", "第一网格", "陈阿毛", "0575-82123456", ""],
    ["塘东旅馆", "hotel", "塘东路 1 号", "第二网格", "", "", credit_code(2)],
]


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8-sig") -> Path:
    path.write_bytes("\r\n".join(",".join(r) for r in rows).encode(encoding) + b"\r\n")
    return path


def write_xlsx(path: Path, rows: list[list[object]], merges: tuple[str, ...] = ()) -> Path:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    for ref in merges:
        sheet.merge_cells(ref)
    book.save(path)
    return path


def problems(report) -> list[tuple[int, str]]:
    return [(p.row, p.column) for p in report.problems]


def kept(desk) -> tuple[int, int, int]:
    return count(desk, Place), count(desk, Person), count(desk, OutboxOp)


def test_a_good_csv_imports_every_place_in_one_go(site_env, tmp_path) -> None:
    desk = site_env.desk
    report = place_import.import_places(desk, site_env.clerk, write_csv(tmp_path / "场所.csv", [HEADER, *GOOD]))
    assert report.ok and (report.file_name, report.rows, report.imported, report.skipped) == ("场所.csv", 3, 3, 0)
    assert report.individual == 1
    listed = {p.name: p for p in places.list_places(desk, site_env.clerk)}
    assert set(listed) == {"谢记小吃店", "阿毛杂货", "塘东旅馆"}
    assert listed["阿毛杂货"].individual and listed["阿毛杂货"].responsible_phone_masked == "0575-******56"
    assert listed["塘东旅馆"].category == "hotel" and listed["塘东旅馆"].person_id is None
    with desk.read() as s:
        assert set(s.scalars(select(Place.source))) == {"import"}
        person = s.get(Person, listed["谢记小吃店"].person_id)
        assert secrets_of(person, desk.vault).phone == "13905750011"
        [detail] = s.scalars(select(AuditRecord.detail).where(AuditRecord.action == "sitecode.import"))
    assert detail == {"file_type": "csv", "rows": 3, "imported": 3, "skipped": 0, "individual": 1}
    assert [op.kind for op in outbox_ops(desk, rules.PLACE)] == ["create"] * 3


def test_csv_without_bom_and_in_gb18030_is_read(site_env, tmp_path) -> None:
    plain = write_csv(tmp_path / "plain.csv", [HEADER, GOOD[0]], encoding="utf-8")
    assert place_import.import_places(site_env.desk, site_env.clerk, plain).imported == 1
    rows = [HEADER, ["𠀾记商行", "商铺", "塘西路 2 号", "第三网格", "俞美娟", "13905750022", ""]]
    legacy = write_csv(tmp_path / "gbk.csv", rows, encoding="gb18030")
    read, found, _ = place_import.read_rows(legacy)
    assert not found and read[0]["name"] == "𠀾记商行" and read[0]["grid"] == "第三网格"
    assert place_import.import_places(site_env.desk, site_env.clerk, legacy).imported == 1
    assert (
        places.get_place(
            site_env.desk, site_env.clerk, places.list_places(site_env.desk, site_env.clerk, query="𠀾")[0].id
        ).responsible_name
        == "俞美娟"
    )


def test_bad_rows_are_reported_and_nothing_is_imported_unless_asked(site_env, tmp_path) -> None:
    desk, clerk = site_env.desk, site_env.clerk
    places.add_place(
        desk, clerk, name="老仓库", category="仓库", address="塘西路 3 号", grid="第二网格", credit_code=credit_code(9)
    )
    rows: list[list[object]] = [
        ["场所名称", "场所类别", "地址", "所属网格", "负责人", "手机号", "信用代码（个体户可不填）"],
        GOOD[0],  # row 2: good
        ["坏代码店", "商铺", "一号", "第一网格", "", "", bad_check_char(credit_code(3))],  # 3
        ["网吧一家", "网吧", "二号", "第一网格", "", "", ""],  # 4
        ["谢记小吃店分店", "餐饮店", "别处", "第一网格", "", "", credit_code(1)],  # 5: row 2's code
        ["阿毛杂货", "商铺", "村口 5 号", "第一网格", "陈阿毛", 13905750012, ""],  # 6: good (a number cell)
        ["阿毛杂货", "商铺", "村口5号", "第一网格", "", "", ""],  # 7: row 6 again
        ["老仓库二", "仓库", "三号", "第二网格", "", "", credit_code(9)],  # 8: held already
        ["", "商铺", "四号", "第一网格", "", "", ""],  # 9: no name
        ["电话店", "商铺", "五号", "", "王五", "12345", ""],  # 10: no grid, bad phone
        [None, None, None, None, None, None, None],  # blank: skipped, not counted
        ["塘东旅馆", "旅馆", "塘东路 1 号", "第二网格", "", "", credit_code(2)],  # 12: good
    ]
    path = write_xlsx(tmp_path / "清单.xlsx", rows)
    before = kept(desk)
    report = place_import.import_places(desk, clerk, path)
    assert (report.rows, report.imported, report.skipped) == (10, 0, 0) and not report.ok
    assert problems(report) == [
        (3, "信用代码（个体户可不填）"),
        (4, "场所类别"),
        (5, "信用代码（个体户可不填）"),
        (7, "场所名称"),
        (8, "信用代码（个体户可不填）"),
        (9, "场所名称"),
        (10, "所属网格"),
        (10, "手机号"),
    ]
    messages = {p.row: p.message for p in report.problems}
    assert "校验不通过" in messages[3] and "网吧" in messages[4] and "第 2 行" in messages[5]
    assert "第 6 行" in messages[7] and "老仓库" in messages[8]
    assert kept(desk) == before  # nothing imported, nothing queued
    report = place_import.import_places(desk, clerk, path, skip_bad=True)
    assert (report.imported, report.skipped, len(report.problems)) == (3, 7, 8)
    names = {p.name for p in places.list_places(desk, clerk)}
    assert names == {"老仓库", "谢记小吃店", "阿毛杂货", "塘东旅馆"}
    assert places.list_places(desk, clerk, query="阿毛")[0].responsible_phone_masked == "139****0012"
    with desk.read() as s:
        assert s.scalar(select(func.count()).where(AuditRecord.action == "sitecode.import")) == 1


def test_a_missing_or_doubled_column_stops_the_import_even_when_skipping(site_env, tmp_path) -> None:
    desk, clerk = site_env.desk, site_env.clerk
    no_grid = [h if h != "网格" else "区域" for h in HEADER]  # a heading nobody knows: no grid column
    report = place_import.import_places(desk, clerk, write_csv(tmp_path / "a.csv", [no_grid, *GOOD]), skip_bad=True)
    assert problems(report) == [(1, "网格")] and report.imported == 0 and "缺少「网格」列" in report.problems[0].message
    doubled = [*HEADER, "手机"]
    report = place_import.import_places(
        desk, clerk, write_csv(tmp_path / "b.csv", [doubled, GOOD[0] + ["13905750099"]])
    )
    assert problems(report) == [(1, "手机")] and "联系电话" in report.problems[0].message
    report = place_import.import_places(desk, clerk, write_csv(tmp_path / "c.csv", [["序号", "备注"], ["1", "无"]]))
    assert problems(report) == [(1, "场所名称")]
    assert count(desk, Place) == 0


def test_a_header_over_two_rows_with_merged_cells_maps(site_env, tmp_path) -> None:
    rows: list[list[object]] = [
        ["谢家塘村重点场所清单（2026 年）"] + [None] * 6,
        ["基本信息", None, None, None, "负责人信息", None, "统一社会信用代码"],
        ["场所名称", "类别", "地址", "网格", "负责人", "联系电话", None],
        *GOOD,
    ]
    merges = ("A1:G1", "A2:D2", "E2:F2", "G2:G3")
    path = write_xlsx(tmp_path / "两行表头.xlsx", rows, merges)
    read, found, headings = place_import.read_rows(path)
    assert not found and headings["credit_code"] == "统一社会信用代码" and headings["name"] == "场所名称"
    assert [r["_row"] for r in read] == ["4", "5", "6"] and read[0]["credit_code"] == credit_code(1)
    report = place_import.import_places(site_env.desk, site_env.clerk, path)
    assert report.ok and report.imported == 3


def test_headings_merged_down_and_a_grid_written_once_for_its_rows(site_env, tmp_path) -> None:
    rows: list[list[object]] = [
        ["场所名称", "类别", "地址", "网格", "负责人信息", None, "统一社会信用代码"],
        [None, None, None, None, "负责人", "联系电话", None],
        ["谢记小吃店", "餐饮店", "塘东路 8 号", "第一网格", "谢阿三", "13905750011", credit_code(1)],
        ["阿毛杂货", "商铺", "村口 5 号", None, "陈阿毛", "13905750012", None],
        ["塘东旅馆", "旅馆", "塘东路 1 号", "第二网格", None, None, credit_code(2)],
    ]
    merges = ("A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:F1", "G1:G2", "D3:D4")
    path = write_xlsx(tmp_path / "合并.xlsx", rows, merges)
    read, found, headings = place_import.read_rows(path)
    assert not found and set(headings) == {
        "name",
        "category",
        "address",
        "grid",
        "responsible_name",
        "responsible_phone",
        "credit_code",
    }
    assert [(r["_row"], r["grid"]) for r in read] == [("3", "第一网格"), ("4", "第一网格"), ("5", "第二网格")]
    report = place_import.import_places(site_env.desk, site_env.clerk, path)
    assert report.ok and report.imported == 3
    assert places.grids(site_env.desk, site_env.clerk) == ["第一网格", "第二网格"]


def test_unreadable_files_are_refused(site_env, tmp_path) -> None:
    desk, clerk = site_env.desk, site_env.clerk
    old_excel = tmp_path / "旧版.xls"
    old_excel.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    broken = tmp_path / "坏的.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    empty = tmp_path / "空.csv"
    empty.write_bytes(b"")
    text = tmp_path / "清单.pdf"
    text.write_bytes(b"%PDF-1.4")
    undecodable = tmp_path / "乱码.csv"
    undecodable.write_bytes(b"\xff\xfe\x81\x30\xff\xff")
    cases = [
        (tmp_path / "没有.csv", "file_missing"),
        (old_excel, "file_type"),
        (broken, "file_format"),
        (empty, "file_empty"),
        (text, "file_type"),
        (undecodable, "file_encoding"),
    ]
    for path, rule in cases:
        with pytest.raises(ValidationError) as e:
            place_import.import_places(desk, clerk, path)
        assert {(p.field, p.rule) for p in e.value.problems} == {("path", rule)}, path.name
    assert count(desk, Place) == 0


def test_a_mediator_may_not_import(site_env, tmp_path) -> None:
    with pytest.raises(PermissionDenied):
        place_import.import_places(site_env.desk, site_env.mediator, write_csv(tmp_path / "a.csv", [HEADER, *GOOD]))
    assert count(site_env.desk, Place) == 0
