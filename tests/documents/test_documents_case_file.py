"""卷宗 as one PDF: cover, directory in the prescribed order with the right page numbers, each
document, back cover; what appears only "if any"."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pypdf
import pytest
from document_helpers import case_with, fonts_of, generate, missing, page_texts, people
from service_helpers import Env, env, mediating_case, party  # noqa: F401  (env is a fixture)

from mediation_desk import documents
from mediation_desk.errors import ValidationError
from mediation_desk.mediation import attachments, followup, workflow

PDF_FILE = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 4
ROW = re.compile(r"^\s*(\d+)\n(.+?)\n(\d+|—)\n", re.M)


def directory(pdf: bytes) -> list[tuple[str, str]]:
    """(title, page) rows of the 卷内目录 (the second page of the file)."""
    text = pypdf.PdfReader(io.BytesIO(pdf)).pages[1].extract_text()
    assert "卷内目录" in text
    return [(m.group(2).strip(), m.group(3)) for m in ROW.finditer(text)]


def closed_case(env: Env, **kw: object) -> str:
    case_id = case_with(env, people(2), **kw)  # type: ignore[arg-type]
    followup.record_follow_up(
        env.desk,
        env.admin,
        case_id,
        {"performance_status": "fully_performed", "satisfaction": "satisfied", "notes": "已按协议降低围墙"},
    )
    workflow.transition(env.desk, env.admin, case_id, "closed")
    return case_id


def test_case_file_has_cover_directory_documents_and_back_cover(env: Env) -> None:
    case_id = closed_case(env)
    doc = generate(env, case_id, "case_file")
    assert (doc.kind, doc.title) == ("case_file", "人民调解卷宗")
    pages = page_texts(doc.pdf)
    assert not missing(
        doc.pdf,
        "人民调解卷宗",
        "卷名",
        "王永年与陈建林邻里纠纷",
        "卷号",
        doc.case_number,
        "调解员",
        "谢阿根",
        "调解起止日期",
        "立卷人",
        "戴才良",
        "立卷日期",
        "保管期限",
        "长期",
        "备注",
    )
    assert "人民调解卷宗" in pages[0] and "卷内备考表" in pages[-1]
    rows = directory(doc.pdf)
    assert [t for t, _ in rows] == [
        "人民调解申请书",
        "当事人权利义务告知书",
        "当事人身份证明",
        "人民调解记录",
        "人民调解协议书",
        "回访记录",
        "卷内备考表（封底）",
    ]
    # 卷内页号 start after the cover and the directory; each listed page opens its document.
    first_pages = {
        "人民调解申请书": "人民调解申请书",
        "当事人权利义务告知书": "人民调解当事人权利义务告知书",
        "当事人身份证明": "当事人身份证明",
        "人民调解记录": "人民调解记录",
        "人民调解协议书": "人民调解协议书",
        "回访记录": "人民调解回访记录",
    }
    for title, page in rows[:-1]:
        assert first_pages[title] in pages[int(page) + 1], f"{title} is not on file page {page}"
    document_pages = len(pages) - 3
    assert f"共{document_pages}页（不含卷宗封面、卷内目录和本表）" in pages[-1]
    assert "本卷共有文件材料6件" in pages[-1]
    assert all(f["embedded"] for f in fonts_of(doc.pdf))
    # Each document keeps its own header and page count inside the file.
    agreement_start = int(dict(rows)["人民调解协议书"]) + 1
    assert f"协议书编号：{doc.case_number}".replace(" ", "") in pages[agreement_start]
    assert "第1页共" in pages[agreement_start]


def test_terminated_case_has_a_statement_and_no_agreement(env: Env) -> None:
    case_id = mediating_case(env)
    workflow.transition(
        env.desk, env.admin, case_id, "terminated", reason="被申请人拒绝继续调解", routes=["litigation", "arbitration"]
    )
    assert "case_file" in documents.available_kinds(env.desk, env.admin, case_id)
    doc = generate(env, case_id, "case_file")
    assert doc.verification_payload is None
    titles = [t for t, _ in directory(doc.pdf)]
    assert titles == [
        "人民调解申请书",
        "当事人权利义务告知书",
        "当事人身份证明",
        "人民调解记录",
        "终止调解告知书",
        "情况说明",
        "卷内备考表（封底）",
    ]
    assert not missing(
        doc.pdf, "情况说明", "终止调解", "被申请人拒绝继续调解", "诉讼", "仲裁", "人民调解法》第二十六条"
    )


def test_attachments_and_agents_are_listed_where_the_order_puts_them(env: Env, tmp_path: Path) -> None:
    parties = [party("王永年", 61, agent_name="王小明"), party("陈建林", 62)]
    case_id = case_with(env, parties)
    evidence, id_copy = tmp_path / "围墙照片.jpg", tmp_path / "王永年身份证.pdf"
    evidence.write_bytes(JPEG)
    id_copy.write_bytes(PDF_FILE)
    attachments.attach_file(env.desk, env.admin, case_id, evidence, kind="evidence", note="现场照片")
    attachments.attach_file(env.desk, env.admin, case_id, id_copy, kind="id_copy")
    followup.record_follow_up(
        env.desk,
        env.admin,
        case_id,
        {"performance_status": "fully_performed", "satisfaction": "basic", "notes": "已履行"},
    )
    workflow.transition(env.desk, env.admin, case_id, "closed")
    doc = generate(env, case_id, "case_file")
    rows = directory(doc.pdf)
    assert [t for t, _ in rows] == [
        "人民调解申请书",
        "当事人权利义务告知书",
        "当事人身份证明",
        "授权委托书",
        "证据目录",
        "人民调解记录",
        "人民调解协议书",
        "回访记录",
        "卷内备考表（封底）",
    ]
    assert dict(rows)["授权委托书"] == "—"  # kept on paper
    assert not missing(
        doc.pdf,
        "委托代理人王小明，纸质原件另附",
        "证据目录",
        "围墙照片.jpg",
        "现场照片",
        "王永年身份证.pdf",
        "身份证件复印件（扫描件）共1份",
        "另附纸质材料：授权委托书",
    )


def test_case_file_only_when_the_case_has_ended(env: Env) -> None:
    case_id = case_with(env, people(2))
    assert "case_file" not in documents.available_kinds(env.desk, env.admin, case_id)
    with pytest.raises(ValidationError) as refused:
        generate(env, case_id, "case_file")
    assert "已达成协议" in refused.value.problems[0].message


def test_a_rare_character_anywhere_in_the_file_stops_it_before_layout(env: Env) -> None:
    case_id = case_with(env, [party("王永年", 71), party("陈建林", 72)])
    followup.record_follow_up(
        env.desk,
        env.admin,
        case_id,
        {"performance_status": "fully_performed", "satisfaction": "satisfied", "notes": "已在𮯰字匾下完成交接"},
    )
    workflow.transition(env.desk, env.admin, case_id, "closed")
    with pytest.raises(ValidationError) as refused:
        generate(env, case_id, "case_file")
    assert [(p.field, p.rule) for p in refused.value.problems] == [("follow_ups[0].notes", "glyph_missing")]
    assert "回访情况" in refused.value.problems[0].message and "U+2EBF0" in refused.value.problems[0].message
