"""The documents service: which documents a case has now, generating one (audited, with the
reason), recording that it was printed or saved, and verifying a printed agreement.

Everything slow (reading the case, laying out, embedding fonts) happens inside these calls: the
window runs them on its worker thread."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from mediation_desk.core.models import AuditRecord
from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.documents import (
    agreement_docs,
    canonical,
    case_file,
    fonts,
    intake_docs,
    record_docs,
    termination_docs,
)
from mediation_desk.documents.blocks import Writer
from mediation_desk.documents.content import AGREEMENT_PARTS, PARTS, CaseRecord, load_record
from mediation_desk.documents.layout import Rendered, Section, render
from mediation_desk.errors import ValidationError
from mediation_desk.mediation.case_access import authorize, load_case
from mediation_desk.validation import clean_text

KINDS: dict[str, str] = {
    "application": "人民调解申请书",
    "registration": "人民调解受理登记表",
    "rights_notice": "当事人权利义务告知书",
    "session_record": "人民调解记录",
    "agreement": "人民调解协议书",
    "oral_agreement": "口头调解协议登记表",
    "follow_up": "人民调解回访记录",
    "judicial_application": "司法确认申请书",
    "termination_notice": "终止调解告知书",
    "case_file": "人民调解卷宗",
}
EXPORTS = {"print": "打印", "save": "保存"}
AGREEMENTS = frozenset({"agreement", "oral_agreement"})
_SHA256 = re.compile(r"[0-9a-f]{64}")
BUILDERS: dict[str, Callable[[Writer, CaseRecord], Section | list[Section]]] = {
    "application": intake_docs.application,
    "registration": intake_docs.registration,
    "rights_notice": intake_docs.rights_notice,
    "session_record": record_docs.session_record,
    "follow_up": record_docs.follow_up,
    "judicial_application": agreement_docs.judicial_application,
    "termination_notice": termination_docs.termination_notices,
}


@dataclass(frozen=True)
class GeneratedDocument:
    kind: str
    title: str
    case_id: str
    case_number: str
    pdf: bytes
    pages: int
    sha256: str  # of the PDF bytes
    verification_payload: str | None  # the agreement's QR content, when the document carries one

    @property
    def file_name(self) -> str:
        """A name to offer when saving, e.g. 人民调解协议书（2026）谢调字第0065号.pdf."""
        return f"{self.title}{self.case_number}.pdf".replace(" ", "").replace("/", "-").replace("\\", "-")


def why_unavailable(rec: CaseRecord, kind: str) -> str | None:
    """Why `kind` cannot be produced for this case now, or None when it can."""
    a = rec.agreement
    if kind == "application" and rec.source != "application":
        return f"本案来源为「{rec.source_label}」，没有申请书，请打印受理登记表"
    if kind == "session_record" and not rec.sessions:
        return "本案尚无调解记录"
    if kind == "agreement" and not rec.written_agreement:
        return "本案没有书面调解协议" + ("（为口头协议，请打印口头协议登记表）" if rec.oral_agreement else "")
    if kind == "oral_agreement" and not rec.oral_agreement:
        return "本案没有口头调解协议"
    if kind == "follow_up" and not rec.follow_ups:
        return "本案尚无回访记录"
    if kind == "judicial_application":
        if not rec.written_agreement or a is None or a.effective_on is None or a.judicial_deadline is None:
            return "书面调解协议签字生效后才能申请司法确认（人民调解法第三十三条）"
        if a.judicial_applied_on is None and rec.today > a.judicial_deadline:
            return f"已超过司法确认申请期限（协议生效后 30 日内，截至 {a.judicial_deadline}）"
    if kind == "termination_notice" and rec.terminated_on is None:
        return "本案没有终止调解，没有终止调解告知书（人民调解法第二十六条）"
    if kind == "case_file" and rec.status not in case_file.ENDED_WITHOUT_AGREEMENT | {"closed"}:
        return f"案件办结（结案、终止调解、不予调解或上报）后才能立卷，当前为「{rec.status_label}」"
    return None


def _kind(kind: object) -> str:
    if kind not in KINDS:
        raise ValidationError.single(
            "kind",
            "document_kind",
            f"未知的文书种类「{kind}」，可选：{'、'.join(f'{k}（{v}）' for k, v in KINDS.items())}",
        )
    return str(kind)


def _reason(reason: object) -> str:
    if not isinstance(reason, str) or not reason.strip():
        raise ValidationError.single(
            "reason", "reason_required", "生成文书会打印当事人完整的身份证件号码，须填写理由（记入审计日志）"
        )
    return clean_text(reason, "reason", "生成理由", required=True, max_chars=200) or ""


def available_kinds(desk: Desk, actor: Actor, case_key: str) -> list[str]:
    """The kinds of document that make sense for the case now, in the order of KINDS (works on a
    locked desk too: it reads no personal data; generating then needs the unlocked desk)."""
    rec = load_record(desk, actor, case_key, None, action="case.view")
    return [k for k in KINDS if why_unavailable(rec, k) is None]


def generate(desk: Desk, actor: Actor, case_key: str, kind: str, *, reason: str) -> GeneratedDocument:
    """Produce one document as a PDF (A4, fonts embedded and subset). Needs the unlocked data key
    and a reason: the documents print full identity numbers; the generation is audited."""
    kind = _kind(kind)
    reason = _reason(reason)
    vault = desk.require_vault()
    rec = load_record(desk, actor, case_key, vault, parts=AGREEMENT_PARTS if kind in AGREEMENTS else PARTS)
    if refusal := why_unavailable(rec, kind):
        raise ValidationError.single("kind", "document_not_available", f"不能生成{KINDS[kind]}：{refusal}")
    fonts.register()
    content = canonical.canonical_content(rec) if rec.agreement is not None else None
    payload = None
    if content is not None and kind in ("agreement", "oral_agreement", "case_file"):
        payload = canonical.make_payload(rec.committee_code, rec.number, canonical.content_sha256(content))
    rendered = _render(rec, kind, payload, actor)
    digest = hashlib.sha256(rendered.pdf).hexdigest()
    detail: dict[str, Any] = {"kind": kind, "reason": reason, "sha256": digest, "pages": rendered.pages}
    if payload is not None and content is not None:
        detail.update(
            content_sha256=canonical.content_sha256(content), fields=canonical.field_digests(content, vault.index)
        )
    with desk.write(actor) as uow:
        uow.audit("document.generate", "case", rec.case_id, **detail)
    return GeneratedDocument(kind, KINDS[kind], rec.case_id, rec.number, rendered.pdf, rendered.pages, digest, payload)


def _render(rec: CaseRecord, kind: str, payload: str | None, actor: Actor) -> Rendered:
    w = Writer()
    title = f"{KINDS[kind]} {rec.number}"
    if kind == "case_file":
        return case_file.build_case_file(w, rec, payload, actor.label, title=title, author=rec.committee_name)
    if kind in AGREEMENTS:
        assert payload is not None
        build = agreement_docs.agreement if kind == "agreement" else agreement_docs.oral_agreement
        sections = [build(w, rec, payload)]
    else:
        built = BUILDERS[kind](w, rec)
        sections = built if isinstance(built, list) else [built]
    w.check.raise_if_any()  # before anything is drawn: never a missing-glyph box
    return render(sections, title=title, author=rec.committee_name, subject=KINDS[kind])


def record_export(desk: Desk, actor: Actor, case_key: str, kind: str, sha256: str, how: str) -> None:
    """Audit that a generated document left the desk: printed, or saved as a file."""
    kind = _kind(kind)
    if how not in EXPORTS:
        raise ValidationError.single("how", "export_how", "导出方式须为 print（打印）或 save（保存）")
    digest = sha256.strip().lower() if isinstance(sha256, str) else ""
    if not _SHA256.fullmatch(digest):
        raise ValidationError.single("sha256", "sha256_format", "文书校验值应为 64 位十六进制数字")
    with desk.write(actor) as uow:
        case = load_case(uow.session, case_key)
        authorize(uow.session, actor, "case.view_full", case.id)
        generated = uow.session.scalars(
            select(AuditRecord.detail).where(
                AuditRecord.entity == "case",
                AuditRecord.entity_id == case.id,
                AuditRecord.action == "document.generate",
            )
        )
        if not any(d.get("sha256") == digest and d.get("kind") == kind for d in generated):
            raise ValidationError.single(
                "sha256", "document_unknown", f"本案没有生成过这份{KINDS[kind]}（校验值不符），不能登记{EXPORTS[how]}"
            )
        uow.audit("document.export", "case", case.id, kind=kind, sha256=digest, how=how)


def save_document(desk: Desk, actor: Actor, document: GeneratedDocument, target: Path) -> Path:
    """Write the exact generated bytes to `target` (through a temporary file, so a full disk
    never leaves half a PDF under the real name), then audit the saving."""
    target = Path(target)
    part = target.with_name(target.name + ".part")
    try:
        part.write_bytes(document.pdf)
        os.replace(part, target)
    finally:
        part.unlink(missing_ok=True)
    record_export(desk, actor, document.case_id, document.kind, document.sha256, "save")
    return target
