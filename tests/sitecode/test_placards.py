"""亮码公示牌 read back from their PDFs: one A4 portrait page per place with the place, the code in
words on its colour panel, the month and reasons, the QR code (rendered and decoded) and its payload
in plain text; fonts embedded; a grid's batch; a long name with a rare character printed whole.
Then the scan: a placard's payload finds its place with today's code, and what is not a placard's
code (a typo, an unknown place) is refused with the field named."""

from __future__ import annotations

import datetime as dt
import io
import re
import uuid
from dataclasses import dataclass, replace
from typing import Any

import pypdf
import pypdfium2
import pytest
import zxingcpp
from site_setup import SiteEnv
from sqlalchemy import select

from mediation_desk.core.models import AuditRecord
from mediation_desk.core.uow import CHINA, acting_at
from mediation_desk.documents import placards as placard_docs
from mediation_desk.errors import PermissionDenied, ValidationError
from mediation_desk.sitecode import inspections, placard_code, places, rules
from mediation_desk.sitecode.codes import code_view
from mediation_desk.sitecode.dto import PlacardView, PlaceView
from mediation_desk.sitecode.placards import find_by_payload, placard_views, scan_note

SUBSET = re.compile(r"^/?[A-Z]{6}\+")
LONG_NAME = "谢塘镇刘䶮家庭农场附设农家乐餐饮及住宿服务部（含停车场、小卖部、棋牌室、垂钓区、烧烤区等经营区域）第一分部"


@dataclass
class Village:
    env: SiteEnv
    green: PlaceView  # 一网格: inspected, nothing open
    yellow: PlaceView  # 一网格: a hazard within its deadline
    red: PlaceView  # 二网格: last month's self-inspection missed; a long name with a rare character


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def page_texts(pdf: bytes) -> list[str]:
    return [flat(page.extract_text()) for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def qr_codes(pdf: bytes, page: int) -> list[str]:
    image = pypdfium2.PdfDocument(pdf)[page].render(scale=200 / 72).to_pil()
    return [r.text for r in zxingcpp.read_barcodes(image) if r.format == zxingcpp.BarcodeFormat.QRCode]


def inspect(env: SiteEnv, place_id: str, hazard: str | None = None) -> None:
    """A self-inspection with every item ok, or one of them a hazard (default deadline)."""
    items = inspections.checklist_for(env.desk, env.clerk, place_id).items
    results = {i.code: rules.OK for i in items}
    found = {}
    if hazard is not None:
        results[hazard] = rules.FOUND
        found[hazard] = inspections.HazardInput(description="灭火器压力不足")
    inspections.record_inspection(env.desk, env.clerk, place_id, results=results, hazards=found)


@pytest.fixture
def village(site_env: SiteEnv) -> Village:
    now = dt.datetime.now(dt.UTC)
    last = rules.add_months(rules.period_of(now), -1)
    start = rules.first_day(last)
    in_last = dt.datetime(start.year, start.month, 2, 10, tzinfo=CHINA)
    with acting_at(now - dt.timedelta(days=75)):  # owes from a month that has closed since
        made = [
            places.add_place(
                site_env.desk,
                site_env.clerk,
                name=name,
                category=category,
                address=address,
                grid=grid,
                responsible_name="王建国",
            )
            for name, category, address, grid in (
                ("谢塘五金商店", "商铺", "谢塘镇谢家塘村 8 号", "一网格"),
                ("谢家塘便民小吃", "餐饮店", "谢塘镇谢家塘村 12 号", "一网格"),
                (LONG_NAME, "餐饮店", "谢塘镇谢家塘村 30 号", "二网格"),
            )
        ]
    with acting_at(in_last):
        inspect(site_env, made[0].id)
        inspect(site_env, made[1].id)
    inspect(site_env, made[1].id, hazard="extinguishers")
    views = {v.id: v for v in places.list_places(site_env.desk, site_env.clerk)}
    green, yellow, red = (views[p.id] for p in made)
    assert (green.code.colour, yellow.code.colour, red.code.colour) == (rules.GREEN, rules.YELLOW, rules.RED)
    return Village(site_env, green, yellow, red)


def placard_audits(env: SiteEnv) -> list[dict[str, object]]:
    with env.desk.read() as s:
        rows = s.scalars(select(AuditRecord).where(AuditRecord.action == "sitecode.placard"))
        return [dict(r.detail) for r in rows]


def test_one_page_per_place_with_everything_in_words(village: Village) -> None:
    env = village.env
    views = placard_views(env.desk, env.clerk)
    assert [v.place.id for v in views] == [village.green.id, village.yellow.id, village.red.id]  # grid, name
    pdf = placard_docs.placard_pdf(views)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 3
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)  # A4 portrait
    texts = page_texts(pdf)
    for n, (view, text) in enumerate(zip(views, texts, strict=True)):
        p = view.place
        assert view.committee_name == env.committee.name
        assert view.month == p.code.period == rules.period_of(view.printed_at)
        assert view.payload == placard_code.placard_payload(p.id, view.month, p.code.colour)
        day = view.printed_at.astimezone(CHINA).date()
        for needle in (
            "一单一码亮码公示",
            env.committee.name,
            p.name,
            p.category_label,
            p.address,
            p.grid,
            rules.COLOURS[p.code.colour],
            rules.month_text(view.month),
            *p.code.reasons,
            view.payload,
            "场所码",
            p.place_code,
            f"打印日期：{day.year}年{day.month}月{day.day}日",
        ):
            assert flat(needle) in text, (n, needle)
        others = set(rules.COLOURS.values()) - {p.code.label}
        assert not [w for w in others if w in text]  # the word of its own colour only
        assert qr_codes(pdf, n) == [view.payload]
    assert "灭火器配置齐全" in texts[1]  # the yellow's reason names the item
    assert flat(LONG_NAME) in texts[2]  # wrapped, never cut
    used = _fonts(pdf)
    assert used and all(f["embedded"] and f["to_unicode"] and SUBSET.match(f["name"]) for f in used), used
    assert any("DeskRareHan" in f["name"] for f in used)  # 䶮 in the fallback font
    assert not any("Helvetica" in f["name"] for f in used)
    assert placard_audits(env) == [{"count": 3}]


def _fonts(pdf: bytes) -> list[dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        held: Any = page["/Resources"]
        for ref in held["/Font"].values():
            font: Any = ref.get_object()
            descriptor = font["/FontDescriptor"].get_object() if "/FontDescriptor" in font else {}
            if "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            found[str(font["/BaseFont"])] = {
                "name": str(font["/BaseFont"]),
                "embedded": any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")),
                "to_unicode": "/ToUnicode" in font,
            }
    return list(found.values())


def test_batch_for_a_grid_and_named_places(village: Village) -> None:
    env = village.env
    first = placard_views(env.desk, env.admin, grid=" 一网格 ")
    assert [v.place.id for v in first] == [village.green.id, village.yellow.id]
    pdf = placard_docs.placard_pdf(first)
    assert len(page_texts(pdf)) == 2
    assert [qr_codes(pdf, n) for n in range(2)] == [[first[0].payload], [first[1].payload]]
    named = placard_views(env.desk, env.clerk, place_ids=[village.red.id, village.red.id])
    assert [v.place.id for v in named] == [village.red.id]
    assert placard_audits(env) == [{"count": 2, "grid": "一网格"}, {"count": 1}]


def test_scan_finds_the_place_with_todays_code(village: Village) -> None:
    env = village.env
    views = placard_views(env.desk, env.clerk)
    for view in views:
        found = find_by_payload(env.desk, env.mediator, view.payload)  # a 调解员 may scan
        assert (found.id, found.code.colour) == (view.place.id, view.place.code.colour)
        assert scan_note(view.payload, found) is None
    typed = find_by_payload(env.desk, env.clerk, f" {views[0].payload.lower()}\r\n")  # caps lock, Enter
    assert typed.id == village.green.id
    # A placard left up after the code changed: both colours said.
    old = placard_code.placard_payload(village.green.id, rules.add_months(views[0].month, -1), rules.RED)
    found = find_by_payload(env.desk, env.clerk, old)
    assert found.code.colour == rules.GREEN
    note = scan_note(old, found)
    assert note is not None and "红码" in note and "当前为绿码" in note
    stale = placard_code.placard_payload(village.green.id, rules.add_months(views[0].month, -1), rules.GREEN)
    assert "码色未变" in (scan_note(stale, found) or "")


def test_a_placard_prints_without_a_committee_or_place_around_it() -> None:
    """The PDF from views alone: every colour, many reasons and a name of the longest allowed length."""
    made = dt.datetime(2026, 8, 5, 2, tzinfo=dt.UTC)
    reasons = tuple(f"隐患「电气线路无私拉乱接、无老化破损」待整改，期限 2026-08-{d:02d}" for d in range(5, 30))
    views = []
    for colour in (rules.GREEN, rules.YELLOW, rules.RED):
        place_id = str(uuid.uuid4())
        place = PlaceView(
            id=place_id,
            name="龘" * rules.MAX_NAME_CHARS,
            category="shop",
            category_label="商铺",
            address="很长的地址" * 40,
            grid="三网格",
            credit_code=None,
            individual=True,
            responsible_name=None,
            responsible_phone_masked=None,
            person_id=None,
            active=True,
            created_at=made,
            place_code=placard_code.place_code(place_id),
            code=code_view(rules.SiteCode(colour, reasons, "2026-08"), made),
        )
        payload = placard_code.placard_payload(place_id, "2026-08", colour)
        views.append(PlacardView(place, "谢家塘村人民调解委员会", "2026-08", payload, made))
    pdf = placard_docs.placard_pdf(views)
    texts = page_texts(pdf)
    assert len(texts) == 3
    for n, (view, text) in enumerate(zip(views, texts, strict=True)):
        assert "龘" * rules.MAX_NAME_CHARS in text and flat("很长的地址" * 40) in text
        assert all(flat(r) in text for r in reasons) and view.place.code.label in text
        assert "打印日期：2026年8月5日" in text
        assert qr_codes(pdf, n) == [view.payload]


# ---- bad input ------------------------------------------------------------------------------------


def test_unknown_inactive_or_no_places_are_refused(village: Village) -> None:
    env = village.env
    with pytest.raises(ValidationError) as e:
        placard_views(env.desk, env.clerk, place_ids=[village.green.id, str(uuid.uuid4())])
    assert [(p.field, p.rule) for p in e.value.problems] == [("place_ids", "place_unknown")]
    with pytest.raises(ValidationError) as e:
        placard_views(env.desk, env.clerk, grid="九网格")
    assert [(p.field, p.rule) for p in e.value.problems] == [("grid", "no_places")]
    assert "九网格" in e.value.problems[0].message
    with pytest.raises(ValidationError) as e:
        placard_views(env.desk, env.clerk, place_ids=[])
    assert e.value.problems[0].rule == "no_places"
    places.edit_place(env.desk, env.clerk, village.red.id, active=False)
    with pytest.raises(ValidationError) as e:
        placard_views(env.desk, env.clerk, place_ids=[village.red.id])
    assert e.value.problems[0].rule == "place_inactive"
    assert [v.place.id for v in placard_views(env.desk, env.clerk)] == [village.green.id, village.yellow.id]
    with pytest.raises(PermissionDenied):
        placard_views(env.desk, env.mediator)  # a 调解员 does not print placards
    assert placard_audits(env) == [{"count": 2}]  # refusals print nothing


def test_bad_scans_are_refused_with_the_field_named(village: Village) -> None:
    env = village.env
    good = placard_views(env.desk, env.clerk, place_ids=[village.yellow.id])[0].payload
    typo = good[:7] + ("A" if good[7] != "A" else "B") + good[8:]
    swapped = good[:-4] + good[-3] + good[-4] + good[-2:]  # the colour letter and the hyphen: unreadable
    unknown = placard_code.placard_payload(str(uuid.uuid4()), "2026-08", rules.GREEN)
    for text, rule in (
        (typo, "payload_unreadable"),
        (swapped, "payload_unreadable"),
        ("", "payload_unreadable"),
        ("https://example.org/" + good, "payload_unreadable"),
        (good * 10, "payload_unreadable"),
        (unknown, "place_unknown"),
    ):
        with pytest.raises(ValidationError) as e:
            find_by_payload(env.desk, env.clerk, text)
        assert [(p.field, p.rule) for p in e.value.problems] == [("payload", rule)], text
        assert e.value.problems[0].message
    assert scan_note("not a payload", village.green) is None


def test_a_character_no_font_has_stops_the_placard_with_the_field_named(village: Village) -> None:
    env = village.env
    views = placard_views(env.desk, env.clerk, grid="一网格")
    bad = replace(views[1], place=replace(views[1].place, name="谢塘𮯰野家"))
    with pytest.raises(ValidationError) as e:
        placard_docs.placard_pdf([views[0], bad])
    assert [(p.field, p.rule) for p in e.value.problems] == [("views[1].place.name", "glyph_missing")]
    assert "𮯰" in e.value.problems[0].message
    with pytest.raises(ValueError):
        placard_docs.placard_pdf([])
