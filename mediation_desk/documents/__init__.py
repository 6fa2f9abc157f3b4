"""Legal documents as PDFs (A4, fonts embedded and subset): 申请书, 受理登记表, 权利义务告知书,
调解记录, 人民调解协议书 (with its verification QR code), 口头协议登记表, 回访记录,
司法确认申请书 and the whole case file (卷宗).

    generate(desk, actor, case_key, kind, reason=...) → GeneratedDocument (audited)
    record_export(desk, actor, case_key, kind, sha256, how)  — after printing or saving (audited)
    save_document(desk, actor, document, target) → Path  — write the PDF safely, then audit it
    verify(desk, actor, payload) → VerificationResult  — a printed agreement against the record
"""

from mediation_desk.documents.service import (
    KINDS,
    GeneratedDocument,
    available_kinds,
    generate,
    record_export,
    save_document,
)
from mediation_desk.documents.verification import VerificationResult, verify

__all__ = [
    "KINDS",
    "GeneratedDocument",
    "VerificationResult",
    "available_kinds",
    "generate",
    "record_export",
    "save_document",
    "verify",
]
