"""The green coins' papers: the month's 积分汇总表 (full names, for review and signing), the 公示
notice to post (masked names only, e.g. 王*芳), a resident's 积分明细 and a redemption receipt.

The two month-end tables can run to 20,000 lines: they are drawn by documents/sheets.py (landscape
A4 for the 汇总表, portrait for the notice). The statement is an ordinary A4 document of the
documents layer; the receipt is a small page (A6). Every value printed is checked against the
bundled fonts first (documents/fonts.py): a character no font has stops the document with the
field named, rare characters print in the fallback font."""

from __future__ import annotations

import hashlib
import io
import os
import re
from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.pagesizes import A4, A6, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from mediation_desk.core.uow import CHINA, Actor, china_today
from mediation_desk.desk import Desk
from mediation_desk.documents import fonts, sheets
from mediation_desk.documents.blocks import BLANK_DATE, SIGN_LINE, F, Writer, chinese_date, scaled
from mediation_desk.documents.layout import GREY, PALE, Section, render, table
from mediation_desk.points import month_end
from mediation_desk.points.dto import EntryView, MonthSummary, RedemptionView, StatementView, SummaryLine

BRAND = "平安虞家"
_NUMBERS = tuple(sheets.Column(t, 8.5, "right") for t in month_end.CSV_COLUMNS)
_MONTH = re.compile(r"(\d{4})-(\d{2})")


def month_words(month: str) -> str:
    """ "2026-11" → "2026年11月"."""
    m = _MONTH.fullmatch(month)
    return f"{m.group(1)}年{int(m.group(2))}月" if m else month


def _check_lines(check: fonts.GlyphCheck, part: str, lines: Sequence[SummaryLine], *, masked: bool = False) -> None:
    for i, line in enumerate(lines):
        if masked:
            check.check(f"{part}[{i}].label", "公示姓名", line.label)
        else:
            check.check(f"{part}[{i}].name", "姓名" if part == "residents" else "户名", line.name)
            check.check(f"{part}[{i}].household_label", "户名", line.household_label)
        check.check(f"{part}[{i}].village_group", "村民小组", line.village_group)


def _reconciliation(s: MonthSummary) -> list[str]:
    agreed = "相符" if s.reconciles else "不符，须查明原因后再审定"
    if s.signed_by is None:
        signed = "系统审定：尚未审定"
    else:
        day = s.signed_at.astimezone(CHINA).date() if s.signed_at else None
        signed = f"系统审定：{s.signed_by}，{chinese_date(day)}"
        if s.changed_since_sign_off:
            signed += "（审定后积分记录有变动，须重新生成并审定）"
    return [
        f"本月积分记录 {s.entries} 条；本月结余合计 {s.totals.closing}，"
        f"积分账截至 {s.last.isoformat()} 合计 {s.ledger_closing}，{agreed}。",
        f"积分账校验码（SHA-256）：{s.ledger_digest}",
        signed,
    ]


SIGNATURES = f"制表人：{SIGN_LINE}　　　审核人：{SIGN_LINE}　　　日期：{BLANK_DATE}"


def summary_pdf(summary: MonthSummary, *, households: bool = True) -> bytes:
    """积分汇总表: every resident's line (then every household's), totals, the reconciliation with
    the ledger and the lines where the 制表人 and 审核人 sign."""
    check = fonts.GlyphCheck()
    check.check("committee_name", "调解委员会名称", summary.committee_name)
    _check_lines(check, "residents", summary.residents)
    if households:
        _check_lines(check, "households", summary.households)
    check.raise_if_any()  # before anything is drawn: never a missing-glyph box
    subtitle = f"{summary.committee_name}　　{month_words(summary.month)}"
    people = sheets.Sheet(
        f"{BRAND}绿币积分汇总表",
        subtitle + "　　（按居民）",
        (
            sheets.Column("序号", 5, "right"),
            sheets.Column("村民小组", 9),
            sheets.Column("户", 15),
            sheets.Column("姓名", 11),
            *_NUMBERS,
        ),
        [
            [str(n), line.village_group, line.household_label or "", line.name, *month_end.figure_cells(line.figures)]
            for n, line in enumerate(summary.residents, 1)
        ],
        ["", "合计", "", f"{len(summary.residents)} 人", *month_end.figure_cells(summary.totals)],
        _reconciliation(summary) + ([] if households else [SIGNATURES]),
    )
    parts = [people]
    if households:
        homes = list(summary.households)
        parts.append(
            sheets.Sheet(
                f"{BRAND}绿币积分汇总表",
                subtitle + "　　（按户）",
                (sheets.Column("序号", 5, "right"), sheets.Column("村民小组", 9), sheets.Column("户", 26), *_NUMBERS),
                [[str(n), h.village_group, h.name, *month_end.figure_cells(h.figures)] for n, h in enumerate(homes, 1)],
                ["", "合计", f"{len(homes)} 户", *month_end.figure_cells(month_end.total(homes))],
                ["户的积分为其现有成员积分之和；未编入户的居民不计入按户汇总。", SIGNATURES],
            )
        )
    return sheets.render(
        parts,
        page_size=landscape(A4),
        header=f"{summary.committee_name}　{BRAND}绿币积分汇总表（{month_words(summary.month)}）",
        title=f"{BRAND}绿币积分汇总表 {summary.month}",
        author=summary.committee_name,
        subject="月末积分汇总表",
    )


def notice_title(summary: MonthSummary) -> str:
    return f"{BRAND}绿币积分公示（{month_words(summary.month)}）"


def notice_pdf(summary: MonthSummary) -> bytes:
    """公示: the month's figures by resident with the masked name only (rules.mask_name), no
    household (its label may carry a name); 公示期 and 监督电话 left blank to fill by hand."""
    check = fonts.GlyphCheck()
    check.check("committee_name", "调解委员会名称", summary.committee_name)
    _check_lines(check, "residents", summary.residents, masked=True)
    check.raise_if_any()
    title = notice_title(summary)
    sheet = sheets.Sheet(
        title,
        summary.committee_name,
        (sheets.Column("序号", 6, "right"), sheets.Column("村民小组", 11), sheets.Column("姓名", 11), *_NUMBERS),
        [
            [str(n), line.village_group, line.label, *month_end.figure_cells(line.figures)]
            for n, line in enumerate(summary.residents, 1)
        ],
        ["", "合计", f"{len(summary.residents)} 人", *month_end.figure_cells(summary.totals)],
        [
            f"以上为本村居民{month_words(summary.month)}平安绿币积分情况，现予公示。",
            "如有异议，请在公示期内向村调解委员会反映。",
            f"公示期：{BLANK_DATE}至{BLANK_DATE}",
            f"监督电话：{SIGN_LINE}",
            (summary.committee_name, "right"),
            (BLANK_DATE, "right"),
        ],
        row_height=6.2 * mm,
    )
    return sheets.render(
        [sheet],
        page_size=A4,
        header=f"{summary.committee_name}　{title}",
        title=title,
        author=summary.committee_name,
        subject="绿币积分公示",
    )


def entry_words(e: EntryView) -> str:
    """What an entry was for, in a line: the item, the gift, the reason of a correction."""
    parts = [e.item_label or ""]
    if e.gift:
        parts.append(f"{e.gift} × {e.quantity or 1}")
    if e.reason:
        parts.append(("冲正：" if e.kind == "reversal" else "") + e.reason)
    return "；".join(p for p in parts if p) or e.kind_label


def statement_pdf(statement: StatementView, committee_name: str) -> bytes:
    """积分明细: the resident's entries in the period with the balance after each."""
    w = Writer()
    r = statement.resident
    since = chinese_date(statement.since) if statement.since else "首笔记录"
    story: list[Flowable] = [
        *w.title(f"{BRAND}绿币积分明细", F("committee_name", "调解委员会名称", committee_name)),
        w.grid(
            [
                [
                    "姓名",
                    F("resident.name", "居民姓名", r.name),
                    "村民小组",
                    F("resident.village_group", "村民小组", r.village_group),
                ],
                [
                    "户",
                    F("resident.household_label", "户名", r.household_label or "—"),
                    "期间",
                    f"{since}至{chinese_date(statement.until)}",
                ],
            ],
            scaled(0.14, 0.36, 0.14, 0.36),
            label_columns=(0, 2),
        ),
        Spacer(1, 4 * mm),
    ]
    rows: list[list[str | F]] = [
        ["日期", "类别", "事项", "绿币", "结余"],
        ["", "", "期初结余", "", str(statement.opening)],
    ]
    running = statement.opening
    for i, e in enumerate(statement.entries):
        running += e.coins
        what = F(f"entries[{i}]", "积分事项", entry_words(e))
        rows.append([e.entry_date.isoformat(), e.kind_label, what, f"{e.coins:+d}", str(running)])
    rows.append(["", "", "期末结余", "", str(statement.closing)])
    story += [
        w.grid(rows, scaled(0.17, 0.12, 0.47, 0.12, 0.12), label_columns=(), header=True),
        Spacer(1, 6 * mm),
        w.para(f"共 {len(statement.entries)} 条记录。打印日期：{chinese_date(china_today())}", style="plain"),
        Spacer(1, 4 * mm),
        w.para(f"经办人：{SIGN_LINE}　　　居民（签名）：{SIGN_LINE}", style="plain"),
    ]
    header = w.plain(F("committee_name", "调解委员会名称", committee_name), "　积分明细")
    w.check.raise_if_any()
    section = Section("statement", "积分明细", story, header)
    return render([section], title=f"积分明细 {r.label}", author=committee_name, subject="绿币积分明细").pdf


RECEIPT_STYLE = ParagraphStyle("receipt", fontName=fonts.BODY, fontSize=9, leading=12.5, wordWrap="CJK")


def receipt_pdf(r: RedemptionView, committee_name: str) -> bytes:
    """兑换凭证 on an A6 page (taller when a long reason needs it): receipt number, gift, coins,
    the balance after, who handed it over and where the resident signs."""
    w = Writer()

    def p(*pieces: str | F) -> Paragraph:
        return Paragraph(w.text(*pieces), RECEIPT_STYLE)

    rows = [
        [p("凭证号"), p(r.receipt_no)],
        [p("兑换日期"), p(chinese_date(r.day))],
        [p("兑换人"), p(F("resident_name", "兑换人姓名", r.resident_name))],
        [p("户"), p(F("household_label", "户名", r.household_label or "—"))],
        [p("礼品"), p(F("gift_name", "礼品名称", r.gift_name), f" × {r.quantity}")],
        [p("使用绿币"), p(str(abs(r.coins)))],
        [p("兑换后余额"), p(str(r.balance_after))],
    ]
    if r.off_day_reason:
        rows.append([p("另日兑换原因"), p(F("off_day_reason", "另日兑换原因", r.off_day_reason))])
    rows += [[p("经办人"), p(F("created_by", "经办人", r.created_by))], [p("领取人（签名）"), p("")]]
    title = p(F("committee_name", "调解委员会名称", committee_name))
    w.check.raise_if_any()
    width = A6[0] - 16 * mm
    grid = table(
        rows,
        [width * 0.32, width * 0.68],
        [
            ("GRID", (0, 0), (-1, -1), 0.5, GREY),
            ("BACKGROUND", (0, 0), (0, -1), PALE),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("BOTTOMPADDING", (0, -1), (-1, -1), 9 * mm),
        ],
    )
    _, grid_h = grid.wrap(width, 10_000)
    _, name_h = title.wrap(width, 1_000)
    height = max(A6[1], grid_h + name_h + 45 * mm)
    buffer = io.BytesIO()
    canvas = sheets.new_canvas(
        buffer, (A6[0], height), title=f"兑换凭证 {r.receipt_no}", author=committee_name, subject="绿币超市兑换凭证"
    )
    y = height - 14 * mm
    fonts.draw(canvas, A6[0] / 2, y, "绿币超市兑换凭证", 14, "centre")
    y -= 4 * mm + name_h
    title.drawOn(canvas, 8 * mm, y)
    y -= 3 * mm + grid_h
    grid.drawOn(canvas, 8 * mm, y)
    canvas.setFillColor(GREY)
    fonts.draw(canvas, 8 * mm, 8 * mm, f"兑换时间 {r.created_at.astimezone(CHINA):%Y-%m-%d %H:%M}", 7)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def write_pdf(pdf: bytes, target: str | os.PathLike[str]) -> Path:
    """Write the PDF through a temporary file, so a full disk never leaves half a PDF under the name."""
    path = Path(target)
    part = path.with_name(path.name + ".part")
    try:
        part.write_bytes(pdf)
        os.replace(part, path)
    finally:
        part.unlink(missing_ok=True)
    return path


def save_month_end_pdf(desk: Desk, actor: Actor, month: str, target: str | os.PathLike[str], *, notice: bool) -> Path:
    """The month's 汇总表 (or its 公示) written to `target`; that it left the desk is audited."""
    summary = month_end.month_summary(desk, actor, month)
    pdf = notice_pdf(summary) if notice else summary_pdf(summary)
    path = write_pdf(pdf, target)
    with desk.write(actor) as uow:
        uow.audit(
            "points.month_end",
            "points_month_end",
            summary.month,
            document="notice" if notice else "summary",
            sha256=hashlib.sha256(pdf).hexdigest(),
        )
    return path
