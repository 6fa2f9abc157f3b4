"""Document benchmarks against design.md §5 (one agreement PDF ≤ 200 ms and ≤ 300 KB). Run on
demand, not part of the test suite:

    python tests/benchmarks/documents_bench.py [--runs N]

Builds a small desk in a temporary folder with two cases: an ordinary two-party agreement, and a
closed case whose file (卷宗) runs to about 30 pages (many sessions, a long agreement). Prints the
time of each `documents.generate` call (the first call of the process also loads the fonts: shown
apart) and the size of the PDF.

The floor, measured in the same run: the same agreement's text laid out as plain paragraphs by
reportlab alone (platypus, A4, the body font registered once, embedded and subset) — what any PDF
of that text costs. The agreement (fonts loaded, everything `generate` does: reading and
decrypting the case, the checks, the QR code, the audit record) should take ≤ 2× the floor;
both are the median of interleaved runs."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # service_helpers

import pypdf
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate

from mediation_desk import documents
from mediation_desk.capabilities import register_all
from mediation_desk.documents import fonts
from mediation_desk.mediation import agreement as agreement_svc
from mediation_desk.mediation import followup, sessions, workflow

register_all()  # as the window and the command line do at start-up
from service_helpers import (  # noqa: E402
    Env,
    agreement_data,
    assigned_case,
    make_env,
    parties_of,
    party,
    session_data,
)

AGREEMENT_MS, AGREEMENT_KB = 200, 300
FLOOR_RATIO = 2.0
RAW_FONT = "RawCJK"
STATEMENT = "申请人称，被申请人家新砌的围墙比原来高出许多，挡住了自家堂屋的采光，多次协商未果，双方多次发生口角。" * 4


def simple_case(env: Env) -> str:
    case_id, _ = assigned_case(env)
    sessions.add_session(env.desk, env.admin, case_id, session_data(parties_of(env.desk, case_id)))
    agreement_svc.record_agreement(env.desk, env.admin, case_id, agreement_data())
    agreement_svc.confirm_signatures(env.desk, env.admin, case_id)
    return case_id


def thirty_page_case(env: Env) -> str:
    # Accepted a month ago: the sessions fall between acceptance and today, as the law asks.
    accepted = dt.date.today() - dt.timedelta(days=30)
    case_id, _ = assigned_case(
        env, parties=[party("俞小芳", 21), party("钱大有", 22), party("谢国平", 23)], accepted_on=accepted.isoformat()
    )
    people = parties_of(env.desk, case_id)
    for day in range(1, 10):
        statements = [{"person_id": pid, "text": STATEMENT} for pid in people]
        sessions.add_session(
            env.desk,
            env.admin,
            case_id,
            session_data(
                people,
                held_at=f"{accepted + dt.timedelta(days=day + 1)} 09:00",
                statements=statements,
                facts_checked=STATEMENT,
                outcome="continue" if day < 9 else "agreement",
                participants=["俞小芳", "钱大有", "谢国平"],
            ),
        )
    terms = [f"第{i + 1}项：" + "被申请人按约定的时间和方式履行，申请人予以配合并出具收据。" * 3 for i in range(30)]
    agreement_svc.record_agreement(env.desk, env.admin, case_id, agreement_data(terms=terms))
    agreement_svc.confirm_signatures(env.desk, env.admin, case_id)
    followup.record_follow_up(
        env.desk,
        env.admin,
        case_id,
        {"performance_status": "fully_performed", "satisfaction": "satisfied", "notes": STATEMENT},
    )
    workflow.transition(env.desk, env.admin, case_id, "closed")
    return case_id


def timed(fn: Callable[[], documents.GeneratedDocument], runs: int) -> tuple[float, float, documents.GeneratedDocument]:
    samples, doc = [], None
    for _ in range(runs):
        t = time.perf_counter()
        doc = fn()
        samples.append((time.perf_counter() - t) * 1000)
    assert doc is not None
    samples.sort()
    return statistics.median(samples), samples[-1], doc


def raw_page(lines: list[str]) -> bytes:
    """The floor: `lines` as paragraphs, reportlab alone, the font already registered."""
    style = ParagraphStyle("raw", fontName=RAW_FONT, fontSize=12, leading=20, wordWrap="CJK")
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4).build([Paragraph(line, style) for line in lines])
    return out.getvalue()


def against_floor(agreement: Callable[[], documents.GeneratedDocument], runs: int) -> tuple[float, float, list[str]]:
    """Median ms of the agreement and of the floor, runs interleaved (a busy moment of the
    machine then weighs on both)."""
    file_name, index = fonts.FILES[fonts.BODY]
    pdfmetrics.registerFont(TTFont(RAW_FONT, fonts.font_path(file_name), subfontIndex=index))
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(agreement().pdf)).pages)
    lines = [line for line in text.splitlines() if line.strip() and not fonts.uncovered(line)]
    raw_page(lines)  # warm: reportlab's own first-use work is not the floor
    ours, floor = [], []
    for _ in range(runs):
        t = time.perf_counter()
        agreement()
        ours.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        raw_page(lines)
        floor.append((time.perf_counter() - t) * 1000)
    return statistics.median(ours), statistics.median(floor), lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = make_env(Path(tmp))
        simple, big = simple_case(env), thirty_page_case(env)

        def agreement() -> documents.GeneratedDocument:
            return documents.generate(env.desk, env.admin, simple, "agreement", reason="基准测试")

        def case_file() -> documents.GeneratedDocument:
            return documents.generate(env.desk, env.admin, big, "case_file", reason="基准测试")

        def long_agreement() -> documents.GeneratedDocument:
            return documents.generate(env.desk, env.admin, big, "agreement", reason="基准测试")

        t = time.perf_counter()
        first = agreement()
        cold = (time.perf_counter() - t) * 1000
        rows = [
            ("agreement, first call (fonts loaded)", cold, cold, first, f"≤ {AGREEMENT_MS} ms, ≤ {AGREEMENT_KB} KB")
        ]
        rows.append(("agreement, 2 parties", *timed(agreement, args.runs), f"≤ {AGREEMENT_MS} ms, ≤ {AGREEMENT_KB} KB"))
        rows.append(("agreement, 3 parties, 30 long terms", *timed(long_agreement, max(3, args.runs // 3)), "-"))
        rows.append(("case file (卷宗), closed case", *timed(case_file, max(3, args.runs // 3)), "-"))
        ours, floor, lines = against_floor(agreement, max(5, args.runs))
        payload = first.verification_payload or ""
        t = time.perf_counter()
        status = documents.verify(env.desk, env.admin, payload).status
        verify_ms = (time.perf_counter() - t) * 1000
        env.desk.close()
    print(f"\n{'document':40} {'median ms':>10} {'max ms':>8} {'pages':>6} {'size KB':>8}  budget")
    for label, median, worst, doc, budget in rows:
        print(f"{label:40} {median:10.1f} {worst:8.1f} {doc.pages:6d} {len(doc.pdf) / 1024:8.1f}  {budget}")
    print(f"{'verify (' + status + ')':40} {verify_ms:10.1f}")
    ratio = ours / floor
    print(
        f"\nagreement PDF, fonts loaded: {ours:.1f} ms; floor (raw reportlab, same text, {len(lines)} paragraphs, "
        f"subset CJK font): {floor:.1f} ms; ratio {ratio:.2f}× (target ≤ {FLOOR_RATIO:.0f}×"
        f"{', met' if ratio <= FLOOR_RATIO else ', NOT met'})"
    )


if __name__ == "__main__":
    main()
