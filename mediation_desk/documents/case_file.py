"""卷宗: the case file as one PDF — cover (卷宗封面), directory (卷内目录) in the prescribed order,
each document, back cover (卷内备考表).

The directory gives each document's first page in the file (卷内页号), known only once the file
is laid out: the file is laid out, the numbers read, and laid out again with them (the
directory's size does not depend on the numbers, so the second layout keeps the pages)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from mediation_desk.documents import agreement_docs, intake_docs, record_docs, termination_docs
from mediation_desk.documents.blocks import F, Writer, chinese_date, scaled
from mediation_desk.documents.content import CaseRecord
from mediation_desk.documents.layout import Rendered, Section, file_page_numbers, render
from mediation_desk.mediation import states

MAX_LAYOUTS = 3
ENDED_WITHOUT_AGREEMENT = frozenset({states.TERMINATED, states.DECLINED, states.ESCALATED})


@dataclass(frozen=True)
class Entry:
    """One line of the directory: a generated document, or paper kept in the file."""

    title: str
    build: Callable[[Writer, CaseRecord], Section | list[Section]] | None  # None: paper only, not printed here
    note: str = ""


def entries(rec: CaseRecord, payload: str | None) -> list[Entry]:
    """The directory in the prescribed order; "(if any)" items only when the case has them."""
    out = [
        Entry("人民调解申请书", intake_docs.application)
        if rec.source == "application"
        else Entry("人民调解受理登记表", intake_docs.registration),
        Entry("当事人权利义务告知书", intake_docs.rights_notice),
        Entry("当事人身份证明", record_docs.identity_list),
    ]
    if agents := [p.agent_name for p in rec.parties if p.agent_name]:
        out.append(Entry("授权委托书", None, f"委托代理人{'、'.join(agents)}，纸质原件另附"))
    if any(a.kind == "evidence" for a in rec.attachments):
        out.append(Entry("证据目录", record_docs.evidence_list))
    if rec.sessions:
        out.append(Entry("人民调解记录", record_docs.session_record, f"共 {len(rec.sessions)} 次"))
    if rec.agreement is not None and payload is not None:
        build = agreement_docs.agreement if rec.written_agreement else agreement_docs.oral_agreement
        out.append(
            Entry(
                "人民调解协议书" if rec.written_agreement else "口头调解协议登记表", lambda w, r: build(w, r, payload)
            )
        )
    if rec.follow_ups:
        out.append(Entry("回访记录", record_docs.follow_up, f"共 {len(rec.follow_ups)} 次"))
    if rec.agreement is not None and rec.agreement.judicial_applied_on is not None:
        out.append(
            Entry(
                "司法确认申请书",
                agreement_docs.judicial_application,
                f"{chinese_date(rec.agreement.judicial_applied_on)}提出申请",
            )
        )
    if rec.terminated_on is not None:
        out.append(
            Entry(termination_docs.TITLE, termination_docs.termination_notices, f"送达当事人 {len(rec.parties)} 份")
        )
    if rec.status in ENDED_WITHOUT_AGREEMENT or (rec.status_reason and rec.agreement is None):
        out.append(Entry("情况说明", record_docs.situation))
    return out


def file_name(rec: CaseRecord) -> str:
    """卷名: who against whom, and the kind of dispute."""
    applicants = [p.name for p in rec.parties if p.role == "applicant"] or [rec.parties[0].name]
    others = [p.name for p in rec.parties if p.name not in applicants]
    who = "、".join(applicants) + ("与" + "、".join(others) if others else "")
    return f"{who}{rec.dispute_type_label}纠纷"


def _span(rec: CaseRecord) -> str:
    start = rec.sessions[0].held_at.date() if rec.sessions else rec.accepted_on
    end = (
        rec.closed_on
        or (rec.follow_ups[-1].done_at.date() if rec.follow_ups else None)
        or (rec.agreement.reached_on if rec.agreement else None)
        or (rec.sessions[-1].held_at.date() if rec.sessions else rec.today)
    )
    return f"{chinese_date(min(start, rec.accepted_on))} 至 {chinese_date(end)}"


def cover(w: Writer, rec: CaseRecord, filed_by: str) -> Section:
    story: list[Flowable] = [
        Spacer(1, 12 * mm),
        w.para(F("committee.name", "调解委员会名称", rec.committee_name), style="subtitle"),
        Spacer(1, 10 * mm),
        w.para("人民调解卷宗", style="cover"),
        Spacer(1, 12 * mm),
        w.grid(
            [
                ["卷　　名", F("parties", "当事人姓名", file_name(rec))],
                ["卷　　号", F("number", "案号", rec.number)],
                ["调 解 员", F("mediators", "调解员姓名", "、".join(rec.all_mediators) or "—")],
                ["调解起止日期", _span(rec)],
                ["立 卷 人", F("filed_by", "立卷人", filed_by)],
                ["立卷日期", chinese_date(rec.today)],
                ["保管期限", rec.retention_label],
                ["备　　注", rec.status_label],
            ],
            scaled(0.26, 0.74),
        ),
    ]
    return Section("cover", "卷宗封面", story, None)


def directory(w: Writer, listed: list[Entry], starts: dict[str, int]) -> Section:
    rows: list[list[str | F]] = [["序号", "文件名称", "页号", "备注"]]
    n = 0
    for entry in listed:
        n += 1
        page = starts.get(entry.title)
        rows.append([str(n), entry.title, str(page) if page else "—", entry.note or ""])
    rows.append([str(n + 1), "卷内备考表（封底）", "—", ""])
    story: list[Flowable] = [*w.title("卷内目录"), w.grid(rows, scaled(0.1, 0.45, 0.12, 0.33), header=True)]
    return Section("directory", "卷内目录", story, None)


def back_cover(w: Writer, rec: CaseRecord, listed: list[Entry], pages: int, filed_by: str) -> Section:
    paper = [e for e in listed if e.build is None]
    story: list[Flowable] = [
        *w.title("卷内备考表"),
        w.para(f"本卷共有文件材料 {len(listed)} 件，共 {pages} 页（不含卷宗封面、卷内目录和本表）。"),
    ]
    if paper:
        story.append(w.para("另附纸质材料：", "；".join(f"{e.title}（{e.note}）" for e in paper), "。"))
    story += [
        w.para("说明：本卷文书由调解工作台根据登记内容生成，签名、盖章、按指印以纸质原件为准。"),
        Spacer(1, 20 * mm),
        w.grid(
            [
                ["立卷人", F("filed_by", "立卷人", filed_by), "检查人", ""],
                ["立卷时间", chinese_date(rec.today), "检查时间", ""],
            ],
            scaled(0.16, 0.34, 0.16, 0.34),
            label_columns=(0, 2),
        ),
    ]
    return Section("back_cover", "卷内备考表", story, None)


def _sections(
    w: Writer, rec: CaseRecord, listed: list[Entry], filed_by: str, starts: dict[str, int], pages: int
) -> list[Section]:
    documents = []
    for i, entry in enumerate(listed):
        if entry.build is None:
            continue
        built = entry.build(w, rec)
        for section in built if isinstance(built, list) else [built]:
            section.key = f"{i:02d}-{section.key}"  # a key per entry: the same document may not repeat
            section.extra["title"] = entry.title
            documents.append(section)
    return [
        cover(w, rec, filed_by),
        directory(w, listed, starts),
        *documents,
        back_cover(w, rec, listed, pages, filed_by),
    ]


def build_case_file(
    w: Writer, rec: CaseRecord, payload: str | None, filed_by: str, *, title: str, author: str
) -> Rendered:
    """Check every string of the file first, then lay it out until the directory's page numbers hold."""
    listed = entries(rec, payload)
    _sections(w, rec, listed, filed_by, {}, 0)
    w.check.raise_if_any()
    starts: dict[str, int] = {e.title: 0 for e in listed if e.build}
    pages, rendered = 0, None
    for _ in range(MAX_LAYOUTS):
        sections = _sections(w, rec, listed, filed_by, starts, pages)
        rendered = render(sections, title=title, author=author, subject="人民调解卷宗", numbered_file=True)
        numbered = {s.key for s in sections if s.header}
        numbers = file_page_numbers(rendered.page_sections, numbered)
        found: dict[str, int] = {}
        for key, number in zip(rendered.page_sections, numbers, strict=False):
            section = next(s for s in sections if s.key == key)
            if number is not None and "title" in section.extra:
                found.setdefault(section.extra["title"], number)
        counted = sum(1 for n in numbers if n is not None)
        if found == starts and counted == pages:
            break
        starts, pages = found, counted
    assert rendered is not None
    return rendered
