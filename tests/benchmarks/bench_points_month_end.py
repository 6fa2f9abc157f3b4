"""Green-coin benchmarks against design.md §5 (month end of 20,000 residents' green coins for a
year ≤ 2 s, its PDF ≤ 10 s) and a redemption under contention. Run on demand, not in the suite:

    python tests/benchmarks/bench_points_month_end.py [DIR] [--residents 20000] [--runs 5] [--threads 8]

DIR holds the desk (built there on the first run and reused; a temporary folder without it). A
town of N residents in households of about three, each with a year of ledger entries (credits,
deductions, redemptions on the 25th, some reversals and the town's adjustments), is loaded in bulk
(Core executemany into the real desk database: the ledger's triggers refuse only UPDATE and
DELETE). The measured calls go through the real services. Printed beside each figure, measured in
the same run: the floor (a raw SQL SUM … GROUP BY over the same table; a raw reportlab page; one
redemption with nobody else writing) and the ratio."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import random
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import pypdf
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import insert, text

from mediation_desk.administration.accounts import actor_for, add_operator, authenticate, setup_committee
from mediation_desk.capabilities import register_all
from mediation_desk.core.uow import SYSTEM, Actor, china_today
from mediation_desk.desk import Desk
from mediation_desk.documents import fonts, points_docs
from mediation_desk.errors import ValidationError
from mediation_desk.paths import AppPaths
from mediation_desk.people.models import Person
from mediation_desk.points import month_end, rules
from mediation_desk.points.dto import MonthSummary
from mediation_desk.points.models import Household, LedgerEntry, Membership, Resident

register_all()  # as the window and the command line do at start-up
PASSWORD = "bench-password"
SUMMARY_MS, PDF_MS = 2000, 10_000
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏"
    "吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN = "永年国林绍根才良建华秀英桂芳明强海燕志刚丽娟小红金凤德胜春生玉兰伟民文杰晓东雪梅俊峰淑珍阿三大有晓燕"
CREDITS = [(c.code, c.coins) for c in rules.DEFAULT_CATALOGUE.items if c.coins > 0]
DEDUCTIONS = [(c.code, c.coins) for c in rules.DEFAULT_CATALOGUE.items if c.coins < 0]


def months_back(today: dt.date, n: int) -> list[dt.date]:
    """The first days of the n months before this one, oldest first."""
    firsts, first = [], today.replace(day=1)
    for _ in range(n):
        first = (first - dt.timedelta(days=1)).replace(day=1)
        firsts.append(first)
    return firsts[::-1]


def build(root: Path, residents: int, seed: int = 12) -> tuple[Desk, dict[str, float]]:
    paths = AppPaths.resolve(root)
    marker = root / f".built-points-{residents}-v1"
    desk = Desk.open(paths)
    if marker.exists():
        authenticate(desk, "admin", PASSWORD)
        return desk, {}
    started = time.perf_counter()
    rng = random.Random(seed)
    committee = setup_committee(desk, {"name": "谢塘镇人民调解委员会", "code": "BENCH-PTS", "town": "谢塘镇"})
    add_operator(desk, SYSTEM, {"username": "admin", "display_name": "戴才良", "role": "admin", "password": PASSWORD})
    now = dt.datetime.now(dt.UTC)
    registered = now - dt.timedelta(days=400)
    months = months_back(china_today(), 12)
    people, homes, members, members_of, entries = [], [], [], [], []
    household_id = ""
    for n in range(residents):
        group = f"{n % 24 + 1}组"
        if n % 3 == 0:
            household_id = str(uuid.uuid4())
            head = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(2))
            homes.append(
                {
                    "id": household_id,
                    "committee_id": committee.id,
                    "label": f"{head}户",
                    "village_group": group,
                    "created_at": registered,
                    "updated_hlc": "0",
                }
            )
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        pid, rid = str(uuid.uuid4()), str(uuid.uuid4())
        people.append(
            {
                "id": pid,
                "committee_id": committee.id,
                "kind": "natural",
                "name": name,
                "created_at": now,
                "updated_hlc": "0",
            }
        )
        members.append(
            {
                "id": rid,
                "committee_id": committee.id,
                "person_id": pid,
                "label": rules.mask_name(name),
                "village_group": group,
                "household_id": household_id,
                "active": True,
                "created_at": registered,
                "updated_hlc": "0",
            }
        )
        members_of.append(
            {
                "id": str(uuid.uuid4()),
                "resident_id": rid,
                "household_id": household_id,
                "since": months[0],
                "recorded_by": "admin",
                "recorded_at": registered,
            }
        )
        entries += _a_year(rng, committee.id, rid, household_id, months)
    with desk.db.writer.begin() as s:
        for model, rows in ((Person, people), (Household, homes), (Resident, members), (Membership, members_of)):
            s.execute(insert(model), rows)
        for k in range(0, len(entries), 50_000):
            s.execute(insert(LedgerEntry), entries[k : k + 50_000])
    with desk.db.write_engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
    marker.touch()
    return desk, {"load_s": time.perf_counter() - started, "entries": len(entries)}


def _a_year(
    rng: random.Random, committee_id: str, rid: str, household_id: str, months: list[dt.date]
) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    held = 0
    now = dt.datetime.now(dt.UTC)

    def add(kind: str, coins: int, day: dt.date, **extra: object) -> str:
        eid = str(uuid.uuid4()) if kind != rules.REVERSAL else rules.reversal_entry_id(str(extra["reverses"]))
        out.append(
            {
                "id": eid,
                "committee_id": committee_id,
                "resident_id": rid,
                "household_id": household_id,
                "kind": kind,
                "coins": coins,
                "entry_date": day,
                "declaration_id": str(uuid.uuid4()) if kind in (rules.CREDIT, rules.DEDUCTION) else None,
                "reverses": None,
                "item_code": None,
                "catalogue_version": 1 if kind in (rules.CREDIT, rules.DEDUCTION) else None,
                "gift": None,
                "quantity": None,
                "reason": None,
                "origin": "district" if kind in (rules.CREDIT, rules.DEDUCTION, rules.ADJUSTMENT) else "desk",
                "created_by": "bench",
                "created_at": now,
                "hlc": "0",
            }
            | extra
        )
        return eid

    for first in months:
        for _ in range(rng.choice((0, 1, 1, 2, 2, 3, 4))):
            code, coins = rng.choice(CREDITS)
            last = add(rules.CREDIT, coins, first + dt.timedelta(days=rng.randrange(24)), item_code=code)
            held += coins
        if rng.random() < 0.05:
            code, coins = rng.choice(DEDUCTIONS)
            last = add(rules.DEDUCTION, coins, first + dt.timedelta(days=rng.randrange(24)), item_code=code)
            held += coins
            if rng.random() < 0.3:
                add(rules.REVERSAL, -coins, first + dt.timedelta(days=26), reverses=last, reason="核实有误")
                held -= coins
        if held >= 6 and rng.random() < 0.3:
            cost = rng.choice((2, 4, 6))
            add(rules.REDEMPTION, -cost, first + dt.timedelta(days=24), gift="洗衣液", quantity=cost // 2)
            held -= cost
        if rng.random() < 0.01:
            add(rules.ADJUSTMENT, 2, first + dt.timedelta(days=27), reason="镇里补足差额")
            held += 2
    return out


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float, object]:
    """(median wall ms, median CPU ms, the last result). The CPU time hardly grows when other
    programs keep the machine busy, the wall clock does: both are shown."""
    walls, cpus, result = [], [], None
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        result = fn()
        walls.append((time.perf_counter() - t) * 1000)
        cpus.append((time.process_time() - c) * 1000)
    return statistics.median(walls), statistics.median(cpus), result


def raw_group_by(desk: Desk, before: dt.date) -> int:
    """The floor of the summary: one SUM … GROUP BY over the same ledger, no join, no Python."""
    with desk.db.read_engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT resident_id, SUM(coins) FROM points_entry INDEXED BY ix_points_entry_date "
                "WHERE entry_date < :d GROUP BY resident_id"
            ),
            {"d": before.isoformat()},
        ).all()
    return len(rows)


def raw_page() -> bytes:
    """The floor of the PDF: one page of the same font, drawn straight with reportlab."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, initialFontName=fonts.BODY)
    canvas.setFont(fonts.BODY, 9)
    for n in range(30):
        canvas.drawString(40, 800 - n * 16, f"{n} 一组 王建国户 王建国 120 6 0 4 0 122")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def contention(desk: Desk, actor: Actor, threads: int, each: int) -> list[tuple[str, str, str, str]]:
    """Redemptions from `threads` threads at once for a handful of residents (so they also contend
    for the same coins), against the same done one by one; then a scarce gift: nobody overspends."""
    from mediation_desk.points import ledger, shop

    with desk.read() as s:
        ids = [r for (r,) in s.execute(text("SELECT id FROM points_resident ORDER BY id LIMIT 12"))]
    today = china_today()
    with desk.write(SYSTEM) as uow:
        for rid in ids:
            ledger.insert_entry(
                uow,
                entry_id=str(uuid.uuid4()),
                resident_id=rid,
                kind=rules.ADJUSTMENT,
                coins=5_000,
                entry_date=today,
                origin="district",
                created_by="bench",
            )
    plenty = shop.add_gift(desk, actor, name=f"毛巾{uuid.uuid4().hex[:6]}", price=1, stock=100_000)

    def redeem_one(rid: str, gift_id: str) -> bool:
        try:
            shop.redeem(desk, actor, resident_id=rid, gift_id=gift_id, off_day_reason="基准测试")
            return True
        except ValidationError:
            return False  # out of stock or coins: refused, nothing written

    def run(n_threads: int, per_thread: int, gift_id: str) -> tuple[float, int]:
        done = [0] * n_threads

        def work(k: int) -> None:
            rng = random.Random(k)
            done[k] = sum(redeem_one(rng.choice(ids), gift_id) for _ in range(per_thread))

        workers = [threading.Thread(target=work, args=(k,)) for k in range(n_threads)]
        t = time.perf_counter()
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        return (time.perf_counter() - t) * 1000, sum(done)

    alone_ms, alone = run(1, each, plenty.id)
    many_ms, many = run(threads, each, plenty.id)
    scarce = shop.add_gift(desk, actor, name=f"电饭煲{uuid.uuid4().hex[:6]}", price=1, stock=threads * each // 2)
    _, handed = run(threads, each, scarce.id)
    left = next(g.stock for g in shop.list_gifts(desk, actor) if g.id == scarce.id)
    with desk.read() as s:
        negative = s.execute(
            text("SELECT COUNT(*) FROM (SELECT SUM(coins) b FROM points_entry GROUP BY resident_id) WHERE b < 0")
        ).scalar_one()
    per_alone, per_many = alone_ms / alone, many_ms / many
    return [
        ("redemption, one thread (floor)", f"{per_alone:.1f}", "-", f"{alone} redeemed, ms each", ""),
        (
            f"redemption, {threads} threads at once",
            f"{per_many:.1f}",
            "-",
            f"{many} redeemed, ms each",
            f"{per_many / per_alone:.1f}× floor",
        ),
        (
            f"scarce gift, {threads} threads",
            "-",
            "-",
            f"{threads * each} tries, stock {threads * each // 2}",
            f"{handed} handed over, stock left {left}, {negative} balances < 0",
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", nargs="?", type=Path)
    parser.add_argument("--residents", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--threads", type=int, default=8)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = args.dir or Path(tmp)
        t = time.perf_counter()
        desk, load = build(root, args.residents)
        actor = actor_for(desk, None)
        month = rules.month_label(months_back(china_today(), 1)[0])
        with desk.read() as s:
            held = s.execute(text("SELECT COUNT(*) FROM points_entry")).scalar_one()
        built = f"built in {load['load_s']:.0f} s" if load else "reused"
        print(f"dataset: {args.residents:,} residents, {held:,} ledger entries over 12 months in {root} ({built})")
        load_avg = ", ".join(f"{v:.1f}" for v in os.getloadavg())
        print(f"month: {month}; open {time.perf_counter() - t:.1f} s; load average {load_avg} on {os.cpu_count()} CPUs")
        rows: list[tuple[str, str, str, str, str]] = []
        nxt = rules.parse_month(month)[1]
        floor_ms, floor_cpu, groups = timed(lambda: raw_group_by(desk, nxt), args.runs)
        summary_ms, summary_cpu, result = timed(lambda: month_end.month_summary(desk, actor, month), args.runs)
        summary = result
        assert isinstance(summary, MonthSummary) and summary.reconciles
        rows.append(
            ("raw SUM … GROUP BY resident (floor)", f"{floor_ms:.0f}", f"{floor_cpu:.0f}", f"{groups} groups", "")
        )
        rows.append(
            (
                f"month summary (median of {args.runs})",
                f"{summary_ms:.0f}",
                f"{summary_cpu:.0f}",
                f"{len(summary.residents)} lines, {len(summary.households)} households",
                f"{summary_ms / floor_ms:.1f}× floor; ≤ {SUMMARY_MS} ms",
            )
        )
        produce_ms, produce_cpu, _ = timed(lambda: month_end.produce(desk, actor, month), 1)
        rows.append(("produce (summary, recorded, audited)", f"{produce_ms:.0f}", f"{produce_cpu:.0f}", "", ""))
        csv_ms, csv_cpu, _ = timed(lambda: month_end.write_csv(summary, root / "summary.csv"), 1)
        rows.append(("CSV of the residents' lines", f"{csv_ms:.0f}", f"{csv_cpu:.0f}", "", ""))
        fonts.register()
        page_ms, page_cpu, page = timed(raw_page, 9)
        assert isinstance(page, bytes)
        rows.append(
            (
                "raw reportlab page, same font (floor)",
                f"{page_ms:.1f}",
                f"{page_cpu:.1f}",
                f"{len(page) // 1024} KB",
                "",
            )
        )
        for label, make in (
            ("积分汇总表 PDF (residents + households)", lambda: points_docs.summary_pdf(summary)),
            ("公示 notice PDF (masked names)", lambda: points_docs.notice_pdf(summary)),
        ):
            pdf_ms, pdf_cpu, pdf = timed(make, max(1, args.runs // 2))
            assert isinstance(pdf, bytes)
            pages = len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
            rows.append(
                (
                    label,
                    f"{pdf_ms:.0f}",
                    f"{pdf_cpu:.0f}",
                    f"{pages} pages, {len(pdf) / 1e6:.1f} MB",
                    f"{pdf_ms / pages / page_ms:.1f}× floor per page; ≤ {PDF_MS} ms",
                )
            )
        rows += contention(desk, actor, args.threads, 25)
        desk.close()
    print(f"\n{'operation':40} {'wall ms':>8} {'cpu ms':>8}  {'':32}  ratio / budget")
    for label, wall, cpu, extra, budget in rows:
        print(f"{label:40} {wall:>8} {cpu:>8}  {extra:32}  {budget}")


if __name__ == "__main__":
    main()
