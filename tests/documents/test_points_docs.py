"""The green coins' papers read back from their PDFs: the 积分汇总表 (landscape, header on every
page, totals, the reconciliation with the ledger, the lines to sign), the 公示 notice (masked
names only), a resident's 积分明细 and a redemption receipt (a small page); fonts embedded and
subset, rare characters printed in the fallback font; a character no font has refused with the
field named; the month-end PDF written to a file (audited) and refused to a role that may not."""

from __future__ import annotations

import datetime as dt
import io
import re
import uuid
from dataclasses import dataclass, replace
from pathlib import Path

import pypdf
import pytest
from document_helpers import SUBSET_PREFIX, all_text, fonts_of, page_texts
from sqlalchemy import select

from mediation_desk.administration.accounts import CommitteeView
from mediation_desk.core.models import AuditRecord
from mediation_desk.core.uow import SYSTEM, Actor, china_today
from mediation_desk.desk import Desk
from mediation_desk.documents import fonts, points_docs
from mediation_desk.errors import PermissionDenied, ValidationError
from mediation_desk.points import ledger, month_end, residents, rules, shop
from mediation_desk.points.dto import MonthSummary, ResidentView, SummaryLine
from mediation_desk.points.rules import MonthFigures

NAMES = ("王建国", "李秀英", "刘䶮", "欧阳小芳")  # 䶮: only the fallback font has it


@dataclass
class Village:
    desk: Desk
    admin: Actor
    clerk: Actor
    mediator: Actor
    committee: CommitteeView
    people: dict[str, ResidentView]
    month: str


def put(desk: Desk, resident_id: str, kind: str, coins: int, day: dt.date, **kw: object) -> None:
    """An entry as the district pull (or the shop) writes it."""
    with desk.write(SYSTEM) as uow:
        ledger.insert_entry(
            uow,
            entry_id=str(uuid.uuid4()),
            resident_id=resident_id,
            kind=kind,
            coins=coins,
            entry_date=day,
            origin=ledger.DESK if kind == rules.REDEMPTION else ledger.DISTRICT,
            created_by="system",
            **kw,  # type: ignore[arg-type]
        )


@pytest.fixture
def village(desk: Desk, committee: CommitteeView, admin: Actor, clerk: Actor, mediator_actor: Actor) -> Village:
    """Two households, four residents, last month's entries."""
    wang = residents.add_household(desk, clerk, label="王建国户", village_group="一组")
    liu = residents.add_household(desk, clerk, label="刘家", village_group="二组")
    homes = {"王建国": wang.id, "李秀英": wang.id, "刘䶮": liu.id, "欧阳小芳": None}
    people = {
        name: residents.add_resident(desk, clerk, name=name, village_group="一组" if n < 2 else "二组", household_id=h)
        for n, (name, h) in enumerate(homes.items())
    }
    last = (china_today().replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    put(desk, people["王建国"].id, rules.CREDIT, 5, last.replace(day=3), item_code="patrol")
    put(desk, people["王建国"].id, rules.REDEMPTION, -2, last.replace(day=25), gift="肥皂", quantity=1)
    put(desk, people["刘䶮"].id, rules.CREDIT, 3, last.replace(day=8), item_code="hazard_report")
    put(desk, people["李秀英"].id, rules.CREDIT, 2, last.replace(day=8), item_code="safety_talk")
    put(desk, people["欧阳小芳"].id, rules.DEDUCTION, -3, last.replace(day=9), item_code="neighbour_dispute")
    return Village(desk, admin, clerk, mediator_actor, committee, people, rules.month_label(last))


def words(month: str) -> str:
    year, number = month.split("-")
    return f"{year}年{int(number)}月"


def page_size(pdf: bytes, n: int = 0) -> tuple[float, float]:
    box = pypdf.PdfReader(io.BytesIO(pdf)).pages[n].mediabox
    return float(box.width), float(box.height)


def assert_fonts_embedded_and_subset(pdf: bytes) -> None:
    used = fonts_of(pdf)
    assert used, "no font at all"
    for font in used:
        assert font["embedded"] and font["to_unicode"], font
        assert SUBSET_PREFIX.match(font["name"]), f"{font['name']} is not a subset"
    assert not any("Helvetica" in f["name"] for f in used)


def test_summary_reads_back_with_totals_and_signature_lines(village: Village) -> None:
    s = month_end.month_summary(village.desk, village.admin, village.month)
    pdf = points_docs.summary_pdf(s)
    width, height = page_size(pdf)
    assert width > height, "landscape A4"
    text = all_text(pdf)
    for needle in (
        "平安虞家绿币积分汇总表",
        village.committee.name,
        words(village.month),
        *NAMES,
        "王建国户",
        "刘家",
        "合计",
        "4人",
        "制表人",
        "审核人",
        "日期",
        "相符",
        s.ledger_digest,
        "尚未审定",
        "（按户）",
    ):
        assert needle in text, needle
    # 上月结余 0, 获得 5, 扣减 0, 兑换 2, 冲正及调整 0, 本月结余 3: the cells of 王建国's line, in order
    assert "一组王建国户王建国050203" in text
    assert_fonts_embedded_and_subset(pdf)
    assert any(fonts.RARE in f["name"] for f in fonts_of(pdf)), "刘䶮 needs the fallback font"


def test_a_long_summary_repeats_the_column_header_on_every_page() -> None:
    lines = tuple(
        SummaryLine(str(n), f"居民{n:03d}", f"居*{n}", "三组", f"第{n // 3}户", MonthFigures(n, 2, 1, 0, 0))
        for n in range(300)
    )
    totals = month_end.total(lines)
    s = MonthSummary(
        "2026-11",
        dt.date(2026, 11, 1),
        dt.date(2026, 11, 30),
        "谢家塘村人民调解委员会",
        lines,
        (),
        totals,
        600,
        "0" * 64,
        totals.closing,
        "daicailiang",
        dt.datetime(2026, 12, 2, 3, tzinfo=dt.UTC),
        True,
    )
    pages = page_texts(points_docs.summary_pdf(s, households=False))
    assert len(pages) >= 10
    for n, page in enumerate(pages, 1):
        assert f"第{n}页共{len(pages)}页" in page
        assert "谢家塘村人民调解委员会平安虞家绿币积分汇总表（2026年11月）" in page
        if "居民" in page:
            assert "序号村民小组户姓名上月结余本月获得本月扣减本月兑换冲正及调整本月结余" in page
    text = "".join(pages)
    assert all(f"居民{n:03d}" in text for n in range(300))
    assert f"合计300人{totals.opening}" in text and "审定后积分记录有变动" in text and "2026年12月2日" in text
    assert "制表人" in pages[-1]


def test_the_notice_shows_masked_names_only(village: Village) -> None:
    s = month_end.month_summary(village.desk, village.admin, village.month)
    pdf = points_docs.notice_pdf(s)
    width, height = page_size(pdf)
    assert height > width, "portrait A4, for the notice board"
    text = all_text(pdf)
    assert f"平安虞家绿币积分公示（{words(village.month)}）" in text
    for needle in ("王*国", "李*英", "刘*", "欧**芳", "公示期", "监督电话", village.committee.name, "合计"):
        assert needle in text, needle
    for full in (*NAMES, "王建国户", "刘家", "建国", "秀英"):
        assert full not in text, f"the notice shows {full}"
    assert_fonts_embedded_and_subset(pdf)


def test_a_residents_statement(village: Village) -> None:
    wang = village.people["王建国"]
    statement = ledger.statement(village.desk, village.clerk, wang.id)
    pdf = points_docs.statement_pdf(statement, village.committee.name)
    text = all_text(pdf)
    for needle in (
        "平安虞家绿币积分明细",
        "王建国",
        "王建国户",
        "期初结余",
        "期末结余",
        "参加平安巡防",
        "肥皂×1",
        "+5",
        "-2",
    ):
        assert needle in text, needle
    assert re.search(r"期末结余3", text) and "共2条记录" in text
    assert page_size(pdf)[1] > page_size(pdf)[0]
    assert_fonts_embedded_and_subset(pdf)
    rare = ledger.statement(village.desk, village.clerk, village.people["刘䶮"].id)
    assert "刘䶮" in all_text(points_docs.statement_pdf(rare, village.committee.name))


def test_a_redemption_receipt_on_a_small_page(village: Village) -> None:
    gift = shop.add_gift(village.desk, village.clerk, name="洗衣液", price=2, stock=3)
    liu = village.people["刘䶮"]
    r = shop.redeem(
        village.desk, village.clerk, resident_id=liu.id, gift_id=gift.id, off_day_reason="行动不便，上门兑换"
    )
    pdf = points_docs.receipt_pdf(r, village.committee.name)
    width, height = page_size(pdf)
    assert width == pytest.approx(105 * 72 / 25.4, abs=1) and height >= 148 * 72 / 25.4 - 1
    text = all_text(pdf)
    for needle in (
        "绿币超市兑换凭证",
        r.receipt_no,
        "刘䶮",
        "刘家",
        "洗衣液×1",
        "使用绿币2",
        "兑换后余额1",
        "另日兑换原因",
    ):
        assert needle in text, needle
    assert "领取人（签名）" in text and village.committee.name in text
    assert_fonts_embedded_and_subset(pdf)


def test_a_character_no_font_has_is_refused_naming_the_field(village: Village) -> None:
    s = month_end.month_summary(village.desk, village.admin, village.month)
    odd = replace(s.residents[1], name="𮯰田", label="𮯰*")
    bad = replace(s, residents=(s.residents[0], odd, *s.residents[2:]))
    with pytest.raises(ValidationError) as e:
        points_docs.summary_pdf(bad)
    assert [(p.field, p.rule) for p in e.value.problems] == [("residents[1].name", "glyph_missing")]
    assert "U+2EBF0" in e.value.problems[0].message
    with pytest.raises(ValidationError) as e:
        points_docs.notice_pdf(bad)
    assert e.value.problems[0].field == "residents[1].label"
    gift = shop.add_gift(village.desk, village.clerk, name="毛巾", price=1, stock=1)
    r = shop.redeem(
        village.desk, village.clerk, resident_id=village.people["王建国"].id, gift_id=gift.id, off_day_reason="补兑"
    )
    with pytest.raises(ValidationError) as e:
        points_docs.receipt_pdf(replace(r, gift_name="𮯰毛巾"), village.committee.name)
    assert e.value.problems[0].field == "gift_name"


def test_the_month_end_pdf_is_written_and_audited(village: Village, tmp_path: Path) -> None:
    target = points_docs.save_month_end_pdf(
        village.desk, village.clerk, village.month, tmp_path / "公示.pdf", notice=True
    )
    assert "王*国" in all_text(target.read_bytes()) and not list(tmp_path.glob("*.part"))
    with village.desk.read() as s:
        record = s.scalars(select(AuditRecord).where(AuditRecord.action == "points.month_end")).one()
    assert record.detail["document"] == "notice" and len(record.detail["sha256"]) == 64
    with pytest.raises(PermissionDenied):
        points_docs.save_month_end_pdf(village.desk, village.mediator, village.month, tmp_path / "表.pdf", notice=False)
    with pytest.raises(ValidationError) as e:
        points_docs.save_month_end_pdf(village.desk, village.clerk, "2026-13", tmp_path / "表.pdf", notice=False)
    assert e.value.problems[0].field == "month"
    assert not (tmp_path / "表.pdf").exists()
