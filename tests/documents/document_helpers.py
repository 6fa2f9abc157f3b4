"""Reading generated PDFs back (text, fonts, QR codes) and cases set up for the document tests."""

from __future__ import annotations

import io
import re
from typing import Any

import pypdf
import pypdfium2
import zxingcpp
from service_helpers import Env, agreement_data, assigned_case, parties_of, party, session_data

from mediation_desk import documents
from mediation_desk.documents import GeneratedDocument
from mediation_desk.mediation import agreement as agreement_svc
from mediation_desk.mediation import mediators, sessions

REASON = "当事人签字用"
SUBSET_PREFIX = re.compile(r"^/?[A-Z]{6}\+")


def flat(text: str) -> str:
    """Text without any whitespace: line wrapping must not hide a phrase."""
    return re.sub(r"\s+", "", text)


def page_texts(pdf: bytes) -> list[str]:
    return [flat(page.extract_text()) for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def all_text(pdf: bytes) -> str:
    return "".join(page_texts(pdf))


def missing(pdf: bytes, *needles: str) -> list[str]:
    """The needles (whitespace ignored) not found in the document's text."""
    text = all_text(pdf)
    return [n for n in needles if flat(n) not in text]


def fonts_of(pdf: bytes) -> list[dict[str, Any]]:
    """Each font used on any page: its name, type and whether its program is embedded."""
    found: dict[str, dict[str, Any]] = {}
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            found[str(font["/BaseFont"])] = {
                "name": str(font["/BaseFont"]),
                "subtype": str(font["/Subtype"]),
                "embedded": "/FontFile2" in descriptor,
                "to_unicode": "/ToUnicode" in font,
            }
    return list(found.values())


def qr_codes(pdf: bytes, page: int) -> list[str]:
    """The QR codes on a page, rendered at print resolution and decoded."""
    image = pypdfium2.PdfDocument(pdf)[page].render(scale=200 / 72).to_pil()
    return [r.text for r in zxingcpp.read_barcodes(image) if r.format == zxingcpp.BarcodeFormat.QRCode]


def generate(env: Env, case_id: str, kind: str, **kw: Any) -> GeneratedDocument:
    return documents.generate(env.desk, env.admin, case_id, kind, reason=kw.pop("reason", REASON), **kw)


def case_with(
    env: Env,
    parties: list[dict[str, Any]],
    *,
    form: str = "written",
    signed: bool = True,
    terms: list[str] | None = None,
    **agreement_kw: Any,
) -> str:
    """A case mediated to an agreement between `parties` (signed unless told not), by the desk's
    one mediator (谢阿根, added with the first case)."""
    roster = mediators.list_mediators(env.desk)
    case_id, _ = assigned_case(env, mediator_id=roster[0].id if roster else None, parties=parties)
    people = parties_of(env.desk, case_id)
    sessions.add_session(env.desk, env.admin, case_id, session_data(people, participants=[p["name"] for p in parties]))
    data = agreement_data(form=form, **agreement_kw)
    if terms is not None:
        data["terms"] = terms
    agreement_svc.record_agreement(env.desk, env.admin, case_id, data)
    if form == "written" and signed:
        agreement_svc.confirm_signatures(env.desk, env.admin, case_id)
    return case_id


def people(n: int, start: int = 100) -> list[dict[str, Any]]:
    names = ["王永年", "陈建林", "谢国平", "金晓燕", "戴阿三", "俞小芳", "钱大有"]
    return [party(names[i], start + i, occupation="农民", ethnicity="汉族") for i in range(n)]


def legal_party(seq: int) -> dict[str, Any]:
    return {
        "kind": "legal",
        "name": "上虞谢塘建材有限公司",
        "uscc": "91350100M000100Y43",
        "representative": "俞建国",
        "representative_title": "总经理",
        "phone": f"0575-8{seq:07d}",
        "address": "谢塘镇工业园区 8 号",
        "role": "respondent",
    }
