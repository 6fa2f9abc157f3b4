"""Import and export of cases and mediators (CSV for Excel, JSON)."""

from __future__ import annotations

import csv
import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from mediation_desk.administration import accounts
from mediation_desk.core.models import AuditRecord
from mediation_desk.core.uow import SYSTEM, Actor
from mediation_desk.desk import Desk
from mediation_desk.errors import PermissionDenied
from mediation_desk.mediation import exchange, intake, mediators, queries
from mediation_desk.mediation.exchange import ImportReport
from mediation_desk.paths import AppPaths
from mediation_desk.validation import resident_id_check_char, uscc_check_char

ADMIN = Actor(username="zhuren", role="admin", display_name="谢国强")
RARE = "俞𠀾"  # U+2003E, outside the BMP
MINORITY = "阿依古丽·买买提"


def open_desk(tmp_path: Path, name: str) -> Desk:
    desk = Desk.open(AppPaths.resolve(tmp_path / name))
    accounts.setup_committee(
        desk,
        {
            "name": "谢家塘村人民调解委员会",
            "code": "330604-XT-01",
            "town": "谢塘镇",
            "village": "谢家塘村",
            "case_word": "谢调字",
        },
    )
    return desk


@pytest.fixture
def desks(tmp_path: Path):
    a, b = open_desk(tmp_path, "a"), open_desk(tmp_path, "b")
    yield a, b
    a.close()
    b.close()


def rid(birth: str, seq: int, region: str = "330604") -> str:
    first17 = f"{region}{birth}{seq:03d}"
    return first17 + resident_id_check_char(first17)


def uscc(body: str = "MA2BC3D4E") -> str:
    first17 = "91330604" + body
    return first17 + uscc_check_char(first17)


def person(name: str, birth: str, seq: int, **kw: Any) -> dict[str, Any]:
    return {
        "kind": "natural",
        "name": name,
        "id_type": "resident_id",
        "id_number": rid(birth, seq),
        "phone": f"138{seq:08d}",
        "address": "上虞区谢塘镇晋生村3组12号",
        "ethnicity": "汉族",
        **kw,
    }


COMPANY = {
    "kind": "legal",
    "name": "绍兴市上虞区安居物业服务有限公司",
    "uscc": uscc(),
    "representative": "钱伟东",
    "representative_title": "总经理",
    "phone": "0575-82123456",
    "address": "谢塘镇虞东路16号",
}


def seed_cases(desk: Desk) -> None:
    intake.open_case(
        desk,
        ADMIN,
        {
            "dispute_type": "housing_land",
            "brief_facts": f"{RARE}与邻居两家因宅基地围墙越界发生争执。",
            "requests": "=先拆围墙再谈",
            "accepted_on": "2026-03-02",
            "area": "晋生村",
            "parties": [
                person(RARE, "19521103", 11, phone="0575-82012345"),
                person("徐关林", "19600817", 33, role="respondent", occupation="务农"),
            ],
        },
    )
    intake.open_case(
        desk,
        ADMIN,
        {
            "source": "referral",
            "referrer_kind": "court",
            "referrer_name": "绍兴市上虞区人民法院",
            "dispute_type": "物业",
            "brief_facts": "业主拖欠物业费两年，称电梯长期故障。",
            "amount": "3650.50",
            "persons_involved": 3,
            "risk_flags": ["group_petition"],
            "accepted_on": "2026-04-10",
            "parties": [
                dict(COMPANY, role="applicant"),
                person(MINORITY, "19850612", 24, ethnicity="维吾尔族", role="respondent"),
                person("傅美琴", "19700101", 46, role="third_party"),
            ],
        },
    )


def export(desk: Desk, path: Path, fmt: str, what: str = "cases") -> int:
    fn = exchange.export_cases if what == "cases" else exchange.export_mediators
    with open(path, "w", encoding="utf-8", newline="") as out:
        return fn(desk, ADMIN, fmt, out)


def full_cases(desk: Desk) -> list[Any]:
    return [
        queries.case_detail(desk, ADMIN, c.id, full_personal_data=True, reason="核对导入导出结果")
        for c in sorted(queries.list_cases(desk, SYSTEM), key=lambda c: c.accepted_on)
    ]


def comparable(detail: Any) -> dict[str, Any]:
    s = detail.summary
    return {
        "type": (s.dispute_type, detail.dispute_subtype),
        "source": (s.source, detail.referrer_kind, detail.referrer_name),
        "facts": detail.brief_facts,
        "requests": detail.requests,
        "amount": s.amount,
        "accepted_on": s.accepted_on,
        "persons": detail.persons_involved,
        "risks": detail.risk_flags,
        "area": detail.area,
        "parties": [
            (
                p.role,
                p.person.kind,
                p.person.name,
                p.person.id_number,
                p.person.phone,
                p.person.address,
                p.person.gender,
                p.person.ethnicity,
                p.person.birth_date,
                p.person.uscc,
                p.person.representative,
            )
            for p in detail.parties
        ],
    }


def rules(report: ImportReport) -> set[tuple[int, str, str]]:
    return {(e.row, e.field, e.rule) for e in report.rejected}


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_cases_round_trip_into_a_fresh_desk(desks, tmp_path: Path, fmt: str) -> None:
    a, b = desks
    seed_cases(a)
    path = tmp_path / f"cases.{fmt}"
    assert export(a, path, fmt) == 2

    report = exchange.import_cases(b, ADMIN, path)

    assert report.ok and report.imported == 2 and report.total_rows == 2
    originals, copies = full_cases(a), full_cases(b)
    assert [comparable(d) for d in copies] == [comparable(d) for d in originals]
    assert {c.summary.status for c in copies} == {"accepted"}  # status is not imported
    assert report.number_map == {o.summary.number: c.summary.number for o, c in zip(originals, copies, strict=False)}
    rare = copies[0].parties[0].person
    assert rare.name == RARE and len(rare.name) == 2 and rare.phone == "0575-82012345"
    company = copies[1].parties[0].person
    assert (company.kind, company.uscc, company.representative) == ("legal", COMPANY["uscc"], "钱伟东")
    assert copies[1].summary.amount == Decimal("3650.50")


def test_csv_export_opens_in_excel(desks, tmp_path: Path) -> None:
    a, _ = desks
    seed_cases(a)
    path = tmp_path / "cases.csv"
    export(a, path, "csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel on Windows then reads UTF-8
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0]["party1_name"] == RARE
    assert rows[0]["requests"] == "'=先拆围墙再谈"  # never run as a formula
    assert rows[0]["party2_id_number"] == "\t" + rid("19600817", 33)  # kept as text, not 3.3E+17
    assert rows[0]["party1_id_number"] == rid("19521103", 11)  # ends in X: text already
    assert rows[1]["party3_name"] == "傅美琴" and rows[0]["party3_name"] == ""
    assert rows[1]["party1_uscc"] == COMPANY["uscc"]


BAD_ROWS = [
    ("id_check_digit", {"party1_id_number": rid("19600817", 33)[:-1] + "7"}, "parties[0].id_number"),
    ("phone_format", {"party1_phone": "12345"}, "parties[0].phone"),
    ("dispute_type_unknown", {"dispute_type": "吵架"}, "dispute_type"),
    ("required", {"brief_facts": "   "}, "brief_facts"),
    ("too_long", {"brief_facts": "长" * 4001}, "brief_facts"),
]


def write_csv(path: Path, header: list[str], rows: list[dict[str, Any]], *, bom: bool = False) -> Path:
    with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
        w = csv.DictWriter(f, header)
        w.writeheader()
        w.writerows(rows)
    return path


def bad_file(tmp_path: Path) -> Path:
    good = {
        "dispute_type": "邻里",
        "brief_facts": "楼上楼下因噪音争吵",
        "party1_name": "王建国",
        "party1_id_number": rid("19600817", 33),
        "party1_phone": "13812345678",
        "party2_name": "陈秀英",
        "party2_id_number": rid("19620301", 44),
    }
    rows = [good] + [{**good, **change} for _, change, _ in BAD_ROWS]
    rows = [{**r, "party2_id_number": rid("19620301", 44 + 2 * i)} for i, r in enumerate(rows)]
    return write_csv(tmp_path / "bad.csv", list(good), rows, bom=True)


def test_one_bad_row_imports_nothing_and_names_row_field_rule(desks, tmp_path: Path) -> None:
    _, b = desks
    report = exchange.import_cases(b, ADMIN, bad_file(tmp_path))

    assert report.imported == 0 and not report.ok and report.total_rows == 6
    expected = {(row, field, rule) for row, (rule, _, field) in enumerate(BAD_ROWS, start=2)}
    assert expected <= rules(report)
    assert report.rejected_rows == [2, 3, 4, 5, 6]
    assert all(e.message for e in report.rejected)
    assert queries.list_cases(b, SYSTEM) == []


def test_allow_partial_imports_the_good_rows(desks, tmp_path: Path) -> None:
    _, b = desks
    report = exchange.import_cases(b, ADMIN, bad_file(tmp_path), allow_partial=True)
    assert report.imported == 1 and report.rejected_rows == [2, 3, 4, 5, 6]
    [case] = queries.list_cases(b, SYSTEM)
    assert case.party_names == ("王建国", "陈秀英") and case.status == "accepted"


def test_a_document_under_two_names_is_caught_before_saving(desks, tmp_path: Path) -> None:
    a, b = desks
    seed_cases(b)  # b already knows 徐关林 by his ID number
    row = {
        "dispute_type": "neighbour",
        "brief_facts": "排水沟堵塞",
        "party1_name": "王建国",
        "party1_id_number": rid("19600817", 33),
        "party2_name": "陈秀英",
        "party2_id_number": rid("19620301", 44),
    }
    path = write_csv(
        tmp_path / "clash.csv",
        list(row),
        [
            {**row, "party1_id_number": rid("19700505", 55)},
            {**row, "party1_name": "王建军", "party1_id_number": rid("19700505", 55)},
        ],
    )
    first = exchange.import_cases(a, ADMIN, path)
    assert (2, "parties[0].id_number", "document_registered_to_other") in rules(first)
    assert first.imported == 0 and queries.list_cases(a, SYSTEM) == []

    second = exchange.import_cases(b, ADMIN, write_csv(tmp_path / "clash2.csv", list(row), [row]))
    assert rules(second) == {(1, "parties[0].id_number", "document_registered_to_other")}
    assert len(queries.list_cases(b, SYSTEM)) == 2


def test_chinese_headers_and_values_without_bom(desks, tmp_path: Path) -> None:
    _, b = desks
    header = [
        "纠纷类型",
        "纠纷子类",
        "简要案情",
        "来源",
        "移送机关",
        "风险标记",
        "涉及金额",
        "受理日期",
        "申请人姓名",
        "申请人身份证号码",
        "申请人联系电话",
        "被申请人姓名",
        "被申请人类型",
        "被申请人统一社会信用代码",
        "被申请人法定代表人",
        "备注栏",
    ]
    row = [
        "劳动争议",
        "拖欠农民工工资",
        "十二名泥水工工资未结清",
        "委托移送",
        "信访",
        "防止群体性上访",
        "96000",
        "2026-05-06",
        "杜土根",
        rid("19780909", 17),
        "0575 8201 2345",
        "恒达建筑劳务有限公司",
        "法人",
        uscc("MA7XY8K9P"),
        "许国强",
        "（忽略）",
    ]
    path = tmp_path / "台账.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([header, row])

    report = exchange.import_cases(b, ADMIN, path)

    assert report.ok, report.rejected
    [detail] = full_cases(b)
    assert (detail.summary.dispute_type, detail.dispute_subtype) == ("labour", "unpaid_wages")
    assert (detail.summary.source, detail.referrer_kind, detail.risk_flags) == (
        "referral",
        "petition",
        ("group_petition",),
    )
    assert [(p.role, p.person.kind) for p in detail.parties] == [("applicant", "natural"), ("respondent", "legal")]
    assert detail.parties[0].person.phone == "0575-82012345"


@pytest.mark.parametrize(
    ("name", "content", "rule"),
    [
        ("gbk.csv", "纠纷类型,简要案情,申请人姓名\n邻里,吵架,王建国\n".encode("gbk"), "encoding"),
        ("object.json", json.dumps({"cases": []}).encode(), "not_a_list"),
        ("broken.json", b'[{"dispute_type": "neighbour",', "json_format"),
        ("columns.csv", "姓名,电话\n王建国,13812345678\n".encode(), "missing_columns"),
        ("empty.csv", b"", "empty_file"),
        ("cases.xlsx", b"PK\x03\x04", "format_unknown"),
    ],
)
def test_malformed_files_are_a_row_zero_error(desks, tmp_path: Path, name: str, content: bytes, rule: str) -> None:
    _, b = desks
    path = tmp_path / name
    path.write_bytes(content)
    report = exchange.import_cases(b, ADMIN, path)
    assert report.imported == 0 and [(e.row, e.field, e.rule) for e in report.rejected] == [(0, "file", rule)]
    assert queries.list_cases(b, SYSTEM) == []


def test_missing_file_and_non_object_rows(desks, tmp_path: Path) -> None:
    _, b = desks
    missing = exchange.import_cases(b, ADMIN, tmp_path / "nowhere.json")
    assert [(e.row, e.rule) for e in missing.rejected] == [(0, "unreadable")]
    path = tmp_path / "rows.json"
    path.write_text(json.dumps([["not", "an", "object"]]), encoding="utf-8")
    assert rules(exchange.import_cases(b, ADMIN, path)) == {(1, "row", "row_format")}


def test_json_amounts_stay_exact(desks, tmp_path: Path) -> None:
    _, b = desks
    path = tmp_path / "amount.json"
    path.write_text(
        '[{{"dispute_type": "contract", "brief_facts": "承包费", "amount": 0.1, "persons_involved": 2,'
        ' "parties": [{{"name": "王建国", "id_number": "{}"}}]}}]'.format(rid("19600817", 33)),
        encoding="utf-8",
    )
    assert exchange.import_cases(b, ADMIN, path).ok
    assert queries.list_cases(b, SYSTEM)[0].amount == Decimal("0.10")


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_mediators_round_trip(desks, tmp_path: Path, fmt: str) -> None:
    a, b = desks
    roster = [
        {
            "name": "戴才良",
            "gender": "男",
            "phone": "13905751234",
            "title": "老娘舅",
            "area": "谢家塘村",
            "skills": ["邻里", "婚姻家庭"],
            "notes": "退休村干部",
        },
        {
            "name": "顾长水",
            "gender": "男",
            "phone": "0575-82110011",
            "area": "晋生村",
            "skills": ["山林土地"],
            "available": False,
        },
        {"name": "谢美琴", "gender": "女", "skills": ["婚姻家庭"], "max_open_cases": 3, "title": "妇联主任"},
        {"name": "𠀾阿大", "skills": [], "active": False},
    ]
    for m in roster:
        mediators.add_mediator(a, ADMIN, m)
    path = tmp_path / f"mediators.{fmt}"
    assert export(a, path, fmt, "mediators") == 4

    report = exchange.import_mediators(b, ADMIN, path)

    def view(desk: Desk) -> list[tuple[Any, ...]]:
        return sorted(
            (m.name, m.gender, m.area, m.skills, m.available, m.max_open_cases, m.active, m.title)
            for m in mediators.list_mediators(desk, include_inactive=True)
        )

    assert report.ok and report.imported == 4
    assert view(b) == view(a)
    again = exchange.import_mediators(b, ADMIN, path)
    assert again.imported == 0 and {e.rule for e in again.rejected} == {"mediator_duplicate"}


def test_mediator_rows_are_validated(desks, tmp_path: Path) -> None:
    _, b = desks
    path = write_csv(
        tmp_path / "roster.csv",
        ["姓名", "电话", "擅长", "在办上限", "可派单"],
        [
            {"姓名": "陈国林", "电话": "13905759876", "擅长": "劳动争议、合同", "在办上限": "5", "可派单": "是"},
            {"姓名": "李绍根", "电话": "555", "擅长": "吵架", "在办上限": "很多", "可派单": "也许"},
        ],
    )
    report = exchange.import_mediators(b, ADMIN, path)
    assert report.imported == 0
    assert {
        (2, "phone", "phone_format"),
        (2, "skills[0]", "skill_unknown"),
        (2, "max_open_cases", "integer"),
        (2, "available", "boolean"),
    } <= rules(report)
    partial = exchange.import_mediators(b, ADMIN, path, allow_partial=True)
    assert partial.imported == 1
    [m] = mediators.list_mediators(b)
    assert (m.name, m.skills, m.max_open_cases, m.available) == ("陈国林", ("contract", "labour"), 5, True)


def test_export_is_audited_without_personal_values(desks, tmp_path: Path) -> None:
    a, _ = desks
    seed_cases(a)
    export(a, tmp_path / "cases.json", "json")
    with a.read() as s:
        [record] = s.scalars(select(AuditRecord).where(AuditRecord.action == "case.export")).all()
        detail = json.dumps(record.detail, ensure_ascii=False)
        assert record.detail["count"] == 2 and record.actor_name == "zhuren"
    exported = (tmp_path / "cases.json").read_text(encoding="utf-8")
    for secret in (RARE, rid("19521103", 11), "0575-82012345", COMPANY["uscc"], "晋生村3组12号"):
        assert secret in exported and secret not in detail


def test_only_staff_may_export_or_import(desks, tmp_path: Path) -> None:
    a, _ = desks
    mediator = Actor(username="wangyongnian", role="mediator")
    with open(tmp_path / "x.json", "w", encoding="utf-8") as out, pytest.raises(PermissionDenied):
        exchange.export_cases(a, mediator, "json", out)
    with pytest.raises(PermissionDenied):
        exchange.import_cases(a, mediator, tmp_path / "x.json")


def test_dates_in_the_future_are_rejected(desks, tmp_path: Path) -> None:
    _, b = desks
    tomorrow = (dt.date.today() + dt.timedelta(days=2)).isoformat()
    path = write_csv(
        tmp_path / "future.csv",
        ["dispute_type", "brief_facts", "accepted_on", "party1_name"],
        [{"dispute_type": "neighbour", "brief_facts": "噪音", "accepted_on": tomorrow, "party1_name": "王建国"}],
    )
    assert rules(exchange.import_cases(b, ADMIN, path)) == {(1, "accepted_on", "date_future")}
